//! Line items shared by jobs and invoices: labor (hours × hourly rate) and parts (quantity ×
//! unit price). Amounts are computed by the server in integer minor units; see `core::money`.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::core::ids::PartId;
use crate::core::money;
use crate::core::validate;
use crate::db;
use crate::http::error::{ApiError, ApiResult};

pub const MAX_ITEMS: usize = 100;
const MAX_HOURS_HUNDREDTHS: i64 = 100_000;
const MAX_RATE: i64 = 10_000_000;
const MAX_UNIT_PRICE: i64 = 100_000_000;
const MAX_QUANTITY: i64 = 10_000;

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
    /// 1 to 500 characters.
    pub description: String,
    /// Labor: hours as a decimal string with at most two decimals, `"0.01"` to `"1000"`.
    #[schema(pattern = r"^\d{1,6}(\.\d{1,2})?$", example = "1.50")]
    pub hours: Option<String>,
    /// Labor: hourly rate in minor units, 0 to 10 000 000.
    #[schema(minimum = 0, maximum = 10_000_000)]
    pub rate: Option<i64>,
    /// Part: a catalog part id (`prt_…`). Leave out for a free-text part.
    pub part_id: Option<PartId>,
    /// Part: 1 to 10 000.
    #[schema(minimum = 1, maximum = 10_000)]
    pub quantity: Option<i64>,
    /// Part: price of one in minor units, 0 to 100 000 000.
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub unit_price: Option<i64>,
}

/// Validates the lines and computes each line's amount.
pub fn build(items: &[NewLineItem]) -> ApiResult<LineItems> {
    if items.len() > MAX_ITEMS {
        return Err(ApiError::invalid(
            "line_items",
            format!("at most {MAX_ITEMS} line items, got {}", items.len()),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| line(i, item))
        .collect::<ApiResult<_>>()
        .map(LineItems)
}

fn line(i: usize, item: &NewLineItem) -> ApiResult<LineItem> {
    let field = |name: &str| format!("line_items[{i}].{name}");
    let description = validate::required_text(&field("description"), &item.description, 500)?;
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
            let raw = item.hours.as_deref().ok_or_else(|| required("hours"))?;
            let hours = money::parse_hundredths(raw.trim())
                .filter(|h| (1..=MAX_HOURS_HUNDREDTHS).contains(h))
                .ok_or_else(|| {
                    ApiError::invalid(
                        field("hours"),
                        format!(
                            "`{}` must be a decimal string from \"0.01\" to \"1000\" with at most two decimals, got {raw:?}",
                            field("hours")
                        ),
                    )
                })?;
            let rate = item.rate.ok_or_else(|| required("rate"))?;
            in_range(&field("rate"), rate, 0, MAX_RATE)?;
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
            let quantity = item.quantity.ok_or_else(|| required("quantity"))?;
            in_range(&field("quantity"), quantity, 1, MAX_QUANTITY)?;
            let unit_price = item.unit_price.ok_or_else(|| required("unit_price"))?;
            in_range(&field("unit_price"), unit_price, 0, MAX_UNIT_PRICE)?;
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

fn in_range(field: &str, value: i64, min: i64, max: i64) -> ApiResult<()> {
    match (min..=max).contains(&value) {
        true => Ok(()),
        false => Err(ApiError::invalid(
            field,
            format!("`{field}` must be between {min} and {max}, got {value}"),
        )),
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
                let message = format!("`{field}` names no part of the catalog: {part_id}");
                return Err(ApiError::invalid(field, message));
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
