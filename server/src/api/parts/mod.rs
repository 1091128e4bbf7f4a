//! `GET /parts/search`: the catalog's parts that fit a vehicle, found by VIN or by one of the
//! shop's vehicles, optionally narrowed by part type and search words.

pub mod examples;
mod fts5;
pub mod import;
pub mod model;
pub mod store;
mod tsvector;

use axum::Json;
use axum::extract::State;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{FitmentBasis, PartSearch, SearchParts, SearchedVehicle};
use crate::auth::{Caller, Scope};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::ApiQuery;
use crate::http::pagination::Page;
use crate::http::responses::{Forbidden, InvalidPartSearch, Unauthorized, VehicleNotFound};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search_parts))
}

/// Search parts for a vehicle
///
/// Finds the catalog's parts that fit the vehicle given by `vin` (decoded to make and model
/// year, and model where known) or `vehicle_id` (its stored make, model and year), optionally
/// only of one `type` and matching the words in `q`. A part fits when one of its fitments names
/// the vehicle's make, covers its year and names its model (or every model). When the model is
/// unknown, `fitment_basis` is `make_year`: the parts fit some model of that make and year.
/// Each part carries its OEM cross-references and the stock at the caller's locations. Paged
/// with `limit`/`offset`, in catalog order. Requires the `parts:read` scope (and `vehicles:read`
/// with `vehicle_id`).
#[utoipa::path(
    get, path = "/parts/search", tag = "parts", operation_id = "search_parts",
    params(SearchParts),
    responses(
        (status = 200, description = "A page of the parts that fit the vehicle.", body = PartSearch, example = json!(examples::search())),
        (status = 400, response = InvalidPartSearch),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = VehicleNotFound),
    ),
    security(("bearer" = ["parts:read"])),
)]
async fn search_parts(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<SearchParts>,
) -> ApiResult<Json<PartSearch>> {
    caller.require(Scope::PartsRead)?;
    let page = Page::new(query.limit, query.offset)?;
    let vehicle = vehicle(&state, &caller, &query).await?;
    let part_type = match query.part_type.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(part_type) => Some(known_type(&state, part_type).await?),
    };
    let words = match query.q.as_deref().map(str::trim) {
        None | Some("") => Vec::new(),
        Some(q) => match store::words(q) {
            words if words.is_empty() => {
                return Err(ApiError::bad_request(
                    "invalid_query",
                    format!("`q` has no letters or digits to search for: {q:?}"),
                )
                .with_param("q"));
            }
            words => words,
        },
    };
    let criteria = store::Criteria {
        make: &vehicle.make,
        model: vehicle.model.as_deref(),
        year: vehicle.year,
        part_type: part_type.as_deref(),
        words,
    };
    let (seqs, total) = store::search(&state.db, &criteria, page).await?;
    let data = store::load(&state.db, &caller, &seqs).await?;
    Ok(Json(PartSearch {
        fitment_basis: match vehicle.model {
            Some(_) => FitmentBasis::MakeModelYear,
            None => FitmentBasis::MakeYear,
        },
        vehicle,
        data,
        has_more: page.has_more(total),
        total,
    }))
}

/// The vehicle to fit, from exactly one of `vin` and `vehicle_id`; it needs a make and a year.
async fn vehicle(
    state: &AppState,
    caller: &Caller,
    query: &SearchParts,
) -> ApiResult<SearchedVehicle> {
    let vin = query
        .vin
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty());
    let (vehicle, described_as) = match (vin, &query.vehicle_id) {
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_request(
                "invalid_query",
                "Give either `vin` or `vehicle_id`, not both",
            )
            .with_param("vin"));
        }
        (None, None) => {
            return Err(ApiError::bad_request(
                "invalid_query",
                "`vin` or `vehicle_id` is required: the search returns the parts that fit that vehicle",
            )
            .with_param("vin"));
        }
        (Some(vin), None) => {
            let decoded = state
                .vin
                .decode(vin)
                .await
                .map_err(super::vin::invalid_vin)?;
            let described = format!("VIN {}", decoded.vin);
            let vehicle = (
                Some(decoded.vin),
                None,
                decoded.make,
                decoded.model,
                decoded.model_year,
            );
            (vehicle, described)
        }
        (None, Some(id)) => {
            caller.require(Scope::VehiclesRead)?;
            let mut conn = state.db.acquire().await?;
            let found = super::vehicles::store::get(&mut conn, caller, id)
                .await?
                .ok_or_else(|| ApiError::not_found("vehicle", id))?;
            let vehicle = (None, Some(id.clone()), found.make, found.model, found.year);
            (vehicle, format!("Vehicle {id}"))
        }
    };
    let (vin, vehicle_id, make, model, year) = vehicle;
    let (Some(make), Some(year)) = (make, year) else {
        return Err(ApiError::bad_request(
            "vehicle_unidentified",
            format!(
                "{described_as} has no known make and model year, which the search needs to find \
                 fitting parts; search by a `vehicle_id` whose make and year are set"
            ),
        ));
    };
    Ok(SearchedVehicle {
        vin,
        vehicle_id,
        make,
        model,
        year,
    })
}

async fn known_type(state: &AppState, part_type: &str) -> ApiResult<String> {
    if store::type_exists(&state.db, part_type).await? {
        return Ok(part_type.to_owned());
    }
    let known = store::types(&state.db).await?;
    Err(ApiError::bad_request(
        "invalid_query",
        format!(
            "Unknown part type {part_type:?}; the catalog has: {}",
            known.join(", ")
        ),
    )
    .with_param("type"))
}
