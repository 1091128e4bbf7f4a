//! Line items shared by jobs and invoices: labor (hours × hourly rate) and parts (quantity ×
//! unit price). Amounts are computed by the server in integer minor units; see `core::money`.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{PartialSchema, ToSchema};

use crate::core::bounded::Int;
use crate::core::ids::PartId;
use crate::core::money;
use crate::core::text::{Hours, NonBlankLine};
use crate::db;
use crate::http::body_rules;
use crate::http::error::{ApiError, ApiResult};

/// The most lines a job or invoice has (the bodies' `maxItems`).
pub const MAX_ITEMS: usize = 100;
/// An hourly rate in minor units.
pub type Rate = Int<0, 10_000_000>;
/// How many of a part.
pub type Quantity = Int<1, 10_000>;
/// The price of one part in minor units.
pub type UnitPrice = Int<0, 100_000_000>;

pub fn example_labor() -> Value {
    json!({ "kind": "labor", "description": "Replace front brake pads and rotors", "hours": "1.50", "rate": 12000 })
}

pub fn example_part() -> Value {
    json!({ "kind": "part", "description": "Front brake pad set (ceramic)", "part_id": "prt_01jd3q7x6yw5v4t3s2r1q0p9n8", "quantity": 1, "unit_price": 6499 })
}

/// The two example lines as the server returns them (amounts: 1.50 h × 120.00 = 180.00).
pub fn example_items() -> Value {
    json!([example_labor_line(), {
        "kind": "part", "description": "Front brake pad set (ceramic)", "hours": null, "rate": null,
        "part_id": "prt_01jd3q7x6yw5v4t3s2r1q0p9n8", "quantity": 1, "unit_price": 6499, "amount": 6499
    }])
}

fn example_labor_line() -> Value {
    json!({
        "kind": "labor", "description": "Replace front brake pads and rotors", "hours": "1.50",
        "rate": 12000, "part_id": null, "quantity": null, "unit_price": null, "amount": 18000
    })
}

/// What a line bills for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LineItemKind {
    /// Work: `hours` × hourly `rate`.
    Labor,
    /// A part: `quantity` × `unit_price`, from the catalog (`part_id`) or free text.
    Part,
}

/// A line of a job or invoice as stored and returned, with its computed `amount`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = example_labor_line)]
pub struct LineItem {
    pub kind: LineItemKind,
    pub description: String,
    /// Labor only: hours worked, a decimal string with two decimals (`"1.50"`).
    pub hours: Option<String>,
    /// Labor only: hourly rate in minor units.
    pub rate: Option<i64>,
    /// Part only: the catalog part, when the part came from the catalog.
    pub part_id: Option<PartId>,
    /// Part only: how many.
    pub quantity: Option<i64>,
    /// Part only: price of one, in minor units.
    pub unit_price: Option<i64>,
    /// `hours × rate` (rounded half up to the minor unit) or `quantity × unit_price`, in minor
    /// units.
    pub amount: i64,
}

/// A line item to add. Labor lines take `hours` and `rate`; part lines take `quantity`,
/// `unit_price` and optionally a catalog `part_id`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = example_labor)]
pub struct NewLineItem {
    pub kind: LineItemKind,
    #[schema(inline)]
    pub description: NonBlankLine<500>,
    /// Labor: hours as a decimal string with at most two decimals, `"0.01"` to `"1000"`.
    #[schema(inline, example = "1.50")]
    pub hours: Option<Hours>,
    /// Labor: hourly rate in minor units.
    #[schema(inline)]
    pub rate: Option<Rate>,
    /// Part: a catalog part id (`prt_…`). Leave out for a free-text part.
    pub part_id: Option<PartId>,
    /// Part: how many.
    #[schema(inline)]
    pub quantity: Option<Quantity>,
    /// Part: price of one in minor units.
    #[schema(inline)]
    pub unit_price: Option<UnitPrice>,
}

/// The lines of a request: at most [`MAX_ITEMS`].
#[derive(Debug, Default)]
pub struct NewLineItems(pub Vec<NewLineItem>);

impl<'de> Deserialize<'de> for NewLineItems {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let items = Vec::<NewLineItem>::deserialize(d)?;
        if items.len() > MAX_ITEMS {
            return Err(serde::de::Error::custom(format!(
                "at most {MAX_ITEMS} line items, got {}",
                items.len()
            )));
        }
        Ok(Self(items))
    }
}

impl utoipa::PartialSchema for NewLineItems {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ArrayBuilder::new()
            .items(utoipa::openapi::Ref::from_schema_name(NewLineItem::name()))
            .max_items(Some(MAX_ITEMS))
            .into()
    }
}

impl ToSchema for NewLineItems {
    fn name() -> std::borrow::Cow<'static, str> {
        crate::core::text::must_be_inline("NewLineItems")
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        schemas.push((NewLineItem::name().into_owned(), NewLineItem::schema()));
        NewLineItem::schemas(schemas);
    }
}

/// What each kind of line takes, stated in the schema as `line` checks it.
pub fn rules() -> Vec<Value> {
    vec![body_rules::if_then_else(
        json!({ "properties": { "kind": { "const": "labor" } } }),
        json!({ "allOf": [
            body_rules::all_given(&["hours", "rate"]),
            body_rules::left_out(&["part_id", "quantity", "unit_price"]),
        ] }),
        json!({ "allOf": [
            body_rules::all_given(&["quantity", "unit_price"]),
            body_rules::left_out(&["hours", "rate"]),
        ] }),
    )]
}

/// Validates the lines and computes each line's amount. The shape of each line was checked when
/// the body was read; what is left are the rules between a line's fields.
pub fn build(items: &[NewLineItem]) -> ApiResult<LineItems> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| line(i, item))
        .collect::<ApiResult<_>>()
        .map(LineItems)
}

fn line(i: usize, item: &NewLineItem) -> ApiResult<LineItem> {
    let field = |name: &str| format!("line_items[{i}].{name}");
    let description = item.description.clone().into_inner();
    let absent = |name: &str, present: bool| -> ApiResult<()> {
        match present {
            true => Err(ApiError::invalid(
                field(name),
                format!(
                    "`{}` is not allowed on a {} line",
                    field(name),
                    kind_name(item.kind)
                ),
            )),
            false => Ok(()),
        }
    };
    let required = |name: &str| {
        ApiError::invalid(
            field(name),
            format!(
                "`{}` is required on a {} line",
                field(name),
                kind_name(item.kind)
            ),
        )
    };
    match item.kind {
        LineItemKind::Labor => {
            absent("part_id", item.part_id.is_some())?;
            absent("quantity", item.quantity.is_some())?;
            absent("unit_price", item.unit_price.is_some())?;
            let hours = item.hours.as_ref().ok_or_else(|| required("hours"))?;
            let hours = money::parse_hundredths(hours.as_str()).ok_or_else(ApiError::internal)?;
            let rate = item.rate.ok_or_else(|| required("rate"))?.get();
            Ok(LineItem {
                kind: item.kind,
                description,
                hours: Some(money::format_hundredths(hours)),
                rate: Some(rate),
                part_id: None,
                quantity: None,
                unit_price: None,
                amount: money::mul_div_half_up(hours, rate, 100).ok_or_else(ApiError::internal)?,
            })
        }
        LineItemKind::Part => {
            absent("hours", item.hours.is_some())?;
            absent("rate", item.rate.is_some())?;
            let quantity = item.quantity.ok_or_else(|| required("quantity"))?.get();
            let unit_price = item.unit_price.ok_or_else(|| required("unit_price"))?.get();
            Ok(LineItem {
                kind: item.kind,
                description,
                hours: None,
                rate: None,
                part_id: item.part_id.clone(),
                quantity: Some(quantity),
                unit_price: Some(unit_price),
                amount: quantity * unit_price,
            })
        }
    }
}

fn kind_name(kind: LineItemKind) -> &'static str {
    match kind {
        LineItemKind::Labor => "labor",
        LineItemKind::Part => "part",
    }
}

/// A job's or invoice's lines, stored as one JSON array column (always read and written whole).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LineItems(pub Vec<LineItem>);

impl LineItems {
    /// Checks that every `part_id` names a part of the catalog. Shape is checked when parsing;
    /// existence needs the database, so it runs inside the handler's transaction.
    pub async fn check_catalog(&self, conn: &mut crate::db::Conn) -> ApiResult<()> {
        for (i, item) in self.0.iter().enumerate() {
            let Some(part_id) = &item.part_id else {
                continue;
            };
            let found: Option<i64> = db::query("SELECT seq FROM parts WHERE id = $1")
                .bind(part_id)
                .fetch_optional_scalar(&mut *conn)
                .await?;
            if found.is_none() {
                let field = format!("line_items[{i}].part_id");
                return Err(ApiError::not_found("part", part_id).with_param(field));
            }
        }
        Ok(())
    }

    /// The sum of the lines' amounts. The per-line limits keep it far from overflowing.
    pub fn subtotal(&self) -> i64 {
        self.0.iter().map(|i| i.amount).sum()
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(&self.0).expect("line items serialize")
    }
}

impl TryFrom<String> for LineItems {
    type Error = serde_json::Error;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        serde_json::from_str(&raw).map(LineItems)
    }
}
