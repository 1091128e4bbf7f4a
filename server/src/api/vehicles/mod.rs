//! Vehicles: `/customers/{id}/vehicles` to add and list a customer's vehicles, `/vehicles/{id}`
//! to read, partially update and delete one. A VIN is decoded on the way in.

pub mod examples;
pub mod model;
pub mod store;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Datelike;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{CreateVehicle, ListVehicles, UpdateVehicle, Vehicle, VehicleList};
use super::Deleted;
use super::customers;
use crate::auth::{Caller, Scope};
use crate::core::ids::{CustomerId, VehicleId};
use crate::core::time;
use crate::core::validate;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::http::pagination::Page;
use crate::http::responses::{
    BadRequest, CustomerNotFound, Forbidden, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    VehicleNotFound,
};
use crate::state::AppState;
use crate::vin::DecodedVin;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_vehicle, list_vehicles))
        .routes(routes!(get_vehicle, update_vehicle, delete_vehicle))
}

/// Add a vehicle to a customer
///
/// With a `vin`, the VIN is validated and decoded: year, make, model and trim are filled where
/// known and where the request leaves them out. Pass `auto_decode: false` to skip that step.
/// Requires the `vehicles:write` scope.
#[utoipa::path(
    post, path = "/customers/{id}/vehicles", tag = "vehicles", operation_id = "create_vehicle",
    params(("id" = CustomerId, Path, description = "The owner's customer id.")),
    request_body(content = CreateVehicle, example = json!(examples::create())),
    responses(
        (status = 201, description = "The new vehicle.", body = Vehicle, example = json!(examples::vehicle())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = CustomerNotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["vehicles:write"])),
)]
async fn create_vehicle(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(customer_id): ApiPath<CustomerId>,
    ApiJson(body): ApiJson<CreateVehicle>,
) -> ApiResult<(StatusCode, Json<Vehicle>)> {
    caller.require(Scope::VehiclesWrite)?;
    let (vin, decoded) = match body.vin.as_deref() {
        Some(raw) => read_vin(&state, raw, body.auto_decode.unwrap_or(true)).await?,
        None => (None, None),
    };
    let decoded = decoded.as_ref();
    let now = state.now();
    let vehicle = Vehicle {
        id: VehicleId::generate(),
        customer_id,
        vin,
        year: check_year(body.year.or(decoded.and_then(|d| d.model_year)))?,
        make: text(
            "make",
            body.make.or(decoded.and_then(|d| d.make.clone())),
            80,
        )?,
        model: text(
            "model",
            body.model.or(decoded.and_then(|d| d.model.clone())),
            80,
        )?,
        trim: text(
            "trim",
            body.trim.or(decoded.and_then(|d| d.trim.clone())),
            80,
        )?,
        license_plate: text("license_plate", body.license_plate, 20)?,
        color: text("color", body.color, 40)?,
        mileage: check_mileage(body.mileage)?,
        livemode: caller.livemode(),
        created_at: now,
        updated_at: now,
    };
    let mut tx = state.db.begin().await?;
    customers::find(&mut tx, &caller, &vehicle.customer_id).await?;
    store::insert(&mut tx, &caller, &vehicle).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(vehicle)))
}

/// List a customer's vehicles
///
/// Newest first, paged with `limit`/`offset`. Requires the `vehicles:read` scope.
#[utoipa::path(
    get, path = "/customers/{id}/vehicles", tag = "vehicles", operation_id = "list_vehicles",
    params(("id" = CustomerId, Path, description = "The owner's customer id."), ListVehicles),
    responses(
        (status = 200, description = "A page of the customer's vehicles.", body = VehicleList, example = json!(examples::list())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = CustomerNotFound),
    ),
    security(("bearer" = ["vehicles:read"])),
)]
async fn list_vehicles(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(customer_id): ApiPath<CustomerId>,
    ApiQuery(query): ApiQuery<ListVehicles>,
) -> ApiResult<Json<VehicleList>> {
    caller.require(Scope::VehiclesRead)?;
    let page = Page::new(query.limit, query.offset)?;
    customers::find(&mut state.db.acquire().await?, &caller, &customer_id).await?;
    let (data, total) = store::list_for_customer(&state.db, &customer_id, page).await?;
    Ok(Json(VehicleList::new(data, page, total)))
}

/// Retrieve a vehicle
///
/// Requires the `vehicles:read` scope.
#[utoipa::path(
    get, path = "/vehicles/{id}", tag = "vehicles", operation_id = "get_vehicle",
    params(("id" = VehicleId, Path, description = "The vehicle's id.")),
    responses(
        (status = 200, description = "The vehicle.", body = Vehicle, example = json!(examples::vehicle())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = VehicleNotFound),
    ),
    security(("bearer" = ["vehicles:read"])),
)]
async fn get_vehicle(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<VehicleId>,
) -> ApiResult<Json<Vehicle>> {
    caller.require(Scope::VehiclesRead)?;
    find(&mut state.db.acquire().await?, &caller, &id)
        .await
        .map(Json)
}

async fn find(conn: &mut crate::db::Conn, caller: &Caller, id: &VehicleId) -> ApiResult<Vehicle> {
    store::get(conn, caller, id)
        .await?
        .ok_or_else(|| ApiError::not_found("vehicle", id))
}

/// Update a vehicle
///
/// A partial update: only the fields sent change; `null` clears a field. A new `vin` is decoded
/// (unless `auto_decode` is `false`) and its decoded year, make, model and trim replace the
/// stored ones the request leaves out. Requires the `vehicles:write` scope.
#[utoipa::path(
    put, path = "/vehicles/{id}", tag = "vehicles", operation_id = "update_vehicle",
    params(("id" = VehicleId, Path, description = "The vehicle's id.")),
    request_body(content = UpdateVehicle, example = json!(examples::update())),
    responses(
        (status = 200, description = "The updated vehicle.", body = Vehicle, example = json!(examples::updated_vehicle())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = VehicleNotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["vehicles:write"])),
)]
async fn update_vehicle(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<VehicleId>,
    ApiJson(patch): ApiJson<UpdateVehicle>,
) -> ApiResult<Json<Vehicle>> {
    caller.require(Scope::VehiclesWrite)?;
    // Decoding may call a network provider, so it happens before the write lock is taken.
    let decoded = match &patch.vin {
        Some(Some(raw)) => read_vin(&state, raw, patch.auto_decode.unwrap_or(true)).await?,
        _ => (None, None),
    };
    let mut tx = state.db.begin().await?;
    let mut vehicle = find(&mut tx, &caller, &id).await?;
    if let Some(vin) = &patch.vin {
        vehicle.vin = vin.as_ref().and(decoded.0);
    }
    if let Some(d) = &decoded.1 {
        vehicle.year = d.model_year.or(vehicle.year);
        vehicle.make = d.make.clone().or(vehicle.make);
        vehicle.model = d.model.clone().or(vehicle.model);
        vehicle.trim = d.trim.clone().or(vehicle.trim);
    }
    if let Some(year) = patch.year {
        vehicle.year = check_year(year)?;
    }
    for (field, value, max, slot) in [
        ("make", patch.make, 80, &mut vehicle.make),
        ("model", patch.model, 80, &mut vehicle.model),
        ("trim", patch.trim, 80, &mut vehicle.trim),
        (
            "license_plate",
            patch.license_plate,
            20,
            &mut vehicle.license_plate,
        ),
        ("color", patch.color, 40, &mut vehicle.color),
    ] {
        if let Some(value) = value {
            *slot = text(field, value, max)?;
        }
    }
    if let Some(mileage) = patch.mileage {
        vehicle.mileage = check_mileage(mileage)?;
    }
    vehicle.updated_at = state.now();
    store::update(&mut tx, &vehicle).await?;
    tx.commit().await?;
    Ok(Json(vehicle))
}

/// Delete a vehicle
///
/// Deletes the vehicle and its jobs; invoices for it keep their lines and lose the `vehicle_id`.
/// Requires the `vehicles:write` scope.
#[utoipa::path(
    delete, path = "/vehicles/{id}", tag = "vehicles", operation_id = "delete_vehicle",
    params(("id" = VehicleId, Path, description = "The vehicle's id.")),
    responses(
        (status = 200, description = "The vehicle was deleted.", body = Deleted, example = json!(examples::deleted())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = VehicleNotFound),
    ),
    security(("bearer" = ["vehicles:write"])),
)]
async fn delete_vehicle(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<VehicleId>,
) -> ApiResult<Json<Deleted>> {
    caller.require(Scope::VehiclesWrite)?;
    let mut tx = state.db.begin().await?;
    find(&mut tx, &caller, &id).await?;
    store::delete(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(Json(Deleted::new(id)))
}

/// The VIN to store and, when decoding, what it decodes to. Without decoding, a VIN is only
/// upper-cased and checked for shape, since pre-1981 VINs follow no common standard.
async fn read_vin(
    state: &AppState,
    raw: &str,
    auto_decode: bool,
) -> ApiResult<(Option<String>, Option<DecodedVin>)> {
    if auto_decode {
        let decoded = state
            .vin
            .decode(raw)
            .await
            .map_err(super::vin::invalid_vin)?;
        return Ok((Some(decoded.vin.clone()), Some(decoded)));
    }
    let vin = raw.trim().to_ascii_uppercase();
    if vin.is_empty() || vin.len() > 17 || !vin.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::bad_request(
            "invalid_vin",
            format!("`vin` must be 1 to 17 letters and digits, got {vin:?}"),
        )
        .with_param("vin"));
    }
    Ok((Some(vin), None))
}

fn text(field: &str, value: Option<String>, max: usize) -> ApiResult<Option<String>> {
    validate::optional_text(field, value.as_deref(), max)
}

fn check_year(year: Option<i32>) -> ApiResult<Option<i32>> {
    let latest = time::now().year() + 2;
    match year {
        Some(y) if !(1886..=latest).contains(&y) => Err(ApiError::invalid(
            "year",
            format!("`year` must be between 1886 and {latest}, got {y}"),
        )),
        _ => Ok(year),
    }
}

fn check_mileage(mileage: Option<i64>) -> ApiResult<Option<i64>> {
    match mileage {
        Some(m) if !(0..=10_000_000).contains(&m) => Err(ApiError::invalid(
            "mileage",
            format!("`mileage` must be between 0 and 10000000, got {m}"),
        )),
        _ => Ok(mileage),
    }
}
