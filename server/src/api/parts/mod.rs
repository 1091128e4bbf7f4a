//! `GET /parts/search`: the catalog's parts that fit a vehicle, found by VIN or by one of the
//! shop's vehicles, optionally narrowed by part type and search words.

pub mod examples;
pub mod fitment;
mod fts5;
pub mod import;
pub mod model;
pub mod postings;
pub mod store;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{FitmentBasis, PartSearch, SearchParts, SearchedVehicle};
use crate::auth::{Caller, Scope};
use crate::core::text::SingleLine;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::ApiQuery;
use crate::http::pagination::Page;
use crate::http::responses::{
    BadRequest, Forbidden, PartSearchNotFound, PartSearchUnprocessable, Unauthorized,
};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search_parts))
}

/// Search parts for a vehicle
///
/// Finds the catalog's parts that fit the vehicle given by `vin` (decoded with NHTSA's vPIC data
/// to make, model and model year) or `vehicle_id` (its stored make, model and year), optionally
/// only of one `type` and matching the words in `q`. A part fits when one of its fitments names
/// the vehicle's make, covers its year and names its model (or every model); a model also goes by
/// the names catalogs use for it (vPIC's `328i` is a `3 Series`). `fitment_basis` is
/// `make_model_year` then; when the model is unknown (a VIN vPIC cannot decode to a model, or a
/// vehicle without one) it is `make_year`: the parts fit some model of that make and year.
/// Each part carries its OEM cross-references and the stock at the caller's locations. Paged
/// with `limit`/`offset`, in catalog order. Requires the `parts:read` scope (and `vehicles:read`
/// with `vehicle_id`).
#[utoipa::path(
    get, path = "/parts/search", tag = "parts", operation_id = "search_parts",
    params(SearchParts),
    responses(
        (status = 200, description = "A page of the parts that fit the vehicle.", body = PartSearch, example = json!(examples::search())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = PartSearchNotFound),
        (status = 422, response = PartSearchUnprocessable),
    ),
    security(("bearer" = ["parts:read"])),
)]
async fn search_parts(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<SearchParts>,
) -> ApiResult<Json<PartSearch>> {
    let page = Page::new(query.limit, query.offset);
    let (vehicle, series) = vehicle(&state, &caller, &query).await?;
    let part_type = query.part_type.and_then(SingleLine::into_option);
    let q = query.q.and_then(SingleLine::into_option);
    let words = q.as_deref().map(store::words).unwrap_or_default();
    let fitment_basis = match vehicle.model {
        Some(_) => FitmentBasis::MakeModelYear,
        None => FitmentBasis::MakeYear,
    };
    if q.is_some() && words.is_empty() {
        // Words are what a search matches on; a `q` of punctuation alone has none to match.
        known_type(&state, part_type.as_deref()).await?;
        return Ok(Json(PartSearch {
            vehicle,
            fitment_basis,
            data: Vec::new(),
            has_more: false,
            total: 0,
        }));
    }
    let models = match &vehicle.model {
        Some(model) => fitment::catalog_models(&vehicle.make, model, series.as_deref()),
        None => Vec::new(),
    };
    let criteria = store::Criteria {
        make: &vehicle.make,
        models: &models,
        year: vehicle.year,
        part_type: part_type.as_deref(),
        words,
    };
    let (seqs, total) = store::search(&state.db, &criteria, page).await?;
    if total == 0 {
        // Only a type the catalog has can match: an unknown one is looked up when nothing did,
        // not on every search.
        known_type(&state, part_type.as_deref()).await?;
    }
    let data = store::load(&state.db, &caller, &seqs).await?;
    Ok(Json(PartSearch {
        fitment_basis,
        vehicle,
        data,
        has_more: page.has_more(total),
        total,
    }))
}

/// The vehicle to fit, from exactly one of `vin` and `vehicle_id`; it needs a make and a year. With
/// it, its series (or stored trim), which some catalog model names depend on.
async fn vehicle(
    state: &AppState,
    caller: &Caller,
    query: &SearchParts,
) -> ApiResult<(SearchedVehicle, Option<String>)> {
    // Two query parameters, exactly one of which is given: a rule JSON Schema cannot state
    // between parameters, so the spec documents it with its 422.
    let unprocessable = |code: &'static str, message: &str| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, message).with_param("vin")
    };
    let (vehicle, series, described_as) = match (&query.vin, &query.vehicle_id) {
        (Some(_), Some(_)) => {
            return Err(unprocessable(
                "vehicle_ambiguous",
                "Give either `vin` or `vehicle_id`, not both",
            ));
        }
        (None, None) => {
            return Err(unprocessable(
                "vehicle_required",
                "`vin` or `vehicle_id` is required: the search returns the parts that fit that vehicle",
            ));
        }
        (Some(vin), None) => {
            let decoded = state
                .vin
                .decode(vin.as_str())
                .await
                .map_err(super::vin::invalid_vin)?;
            let described = format!("VIN {}", decoded.vin);
            // Catalog names hang on the series (a pickup's `1500`), else the trim.
            let series = decoded.series.clone().or_else(|| decoded.trim.clone());
            let vehicle = (
                Some(decoded.vin),
                None,
                decoded.make,
                decoded.model,
                decoded.model_year,
            );
            (vehicle, series, described)
        }
        (None, Some(id)) => {
            caller.require(Scope::VehiclesRead)?;
            let mut conn = state.db.acquire().await?;
            let found = super::vehicles::store::get(&mut conn, caller, id)
                .await?
                .ok_or_else(|| ApiError::not_found("vehicle", id).with_param("vehicle_id"))?;
            let vehicle = (None, Some(id.clone()), found.make, found.model, found.year);
            (vehicle, found.trim, format!("Vehicle {id}"))
        }
    };
    let (vin, vehicle_id, make, model, year) = vehicle;
    let (Some(make), Some(year)) = (make, year) else {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "vehicle_unidentified",
            format!(
                "{described_as} has no known make and model year, which the search needs to find \
                 fitting parts; search by a `vehicle_id` whose make and year are set"
            ),
        ));
    };
    let vehicle = SearchedVehicle {
        vin,
        vehicle_id,
        make,
        model,
        year,
    };
    Ok((vehicle, series))
}

/// A 404 naming the catalog's types when `part_type` is not one of them.
async fn known_type(state: &AppState, part_type: Option<&str>) -> ApiResult<()> {
    let Some(part_type) = part_type else {
        return Ok(());
    };
    if store::type_exists(&state.db, part_type).await? {
        return Ok(());
    }
    let known = store::types(&state.db).await?;
    Err(ApiError::new(
        StatusCode::NOT_FOUND,
        "part_type_not_found",
        format!(
            "The catalog has no part type {part_type:?}; it has: {}",
            known.join(", ")
        ),
    )
    .with_param("type"))
}
