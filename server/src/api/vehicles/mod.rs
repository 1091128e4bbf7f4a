//! Vehicles: `/customers/{id}/vehicles` to add and list a customer's vehicles, `/vehicles/{id}`
//! to read, partially update and delete one. A VIN is decoded on the way in.

pub mod examples;
pub mod model;
pub mod store;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{CreateVehicle, ListVehicles, Mileage, UpdateVehicle, Vehicle, VehicleList};
use super::Deleted;
use super::customers;
use crate::auth::Caller;
use crate::core::ids::{CustomerId, VehicleId};
use crate::core::text::{AnyVin, SingleLine};
use crate::http::body_rules;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::http::pagination::Page;
use crate::http::responses::{
    BadRequest, CustomerNotFound, Forbidden, InvalidVin, PayloadTooLarge, Unauthorized,
    UnsupportedMediaType, VehicleNotFound,
};
use crate::state::AppState;
use crate::vin::DecodedVin;

pub fn router() -> OpenApiRouter<AppState> {
    let router = OpenApiRouter::new()
        .routes(routes!(create_vehicle, list_vehicles))
        .routes(routes!(get_vehicle, update_vehicle, delete_vehicle));
    let router = body_rules::attach::<CreateVehicle, _>(router, model::vin_rules());
    body_rules::attach::<UpdateVehicle, _>(router, model::vin_rules())
}

/// Add a vehicle to a customer
///
/// With a `vin`, the VIN is validated and decoded (NHTSA's vPIC data): year, make, model and trim
/// (vPIC's trim, or its series when it has no trim) are filled where known and where the request
/// leaves them out. Pass `auto_decode: false` to skip that step.
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
        (status = 422, response = InvalidVin),
    ),
    security(("bearer" = ["vehicles:write"])),
)]
async fn create_vehicle(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(customer_id): ApiPath<CustomerId>,
    ApiJson(body): ApiJson<CreateVehicle>,
) -> ApiResult<(StatusCode, Json<Vehicle>)> {
    let (vin, decoded) = match &body.vin {
        Some(raw) => read_vin(&state, raw, body.auto_decode.unwrap_or(true)).await?,
        None => (None, None),
    };
    let decoded = decoded.as_ref();
    // A field sent (even blank) wins over the decoded value; blank means none.
    let or_decoded = |sent: Option<SingleLine<80>>, decoded: Option<&String>| match sent {
        Some(sent) => sent.into_option(),
        None => decoded.cloned(),
    };
    let now = state.now();
    let vehicle = Vehicle {
        id: VehicleId::generate(),
        customer_id,
        vin,
        year: body
            .year
            .map(|y| y.get() as i32)
            .or(decoded.and_then(|d| d.model_year)),
        make: or_decoded(body.make, decoded.and_then(|d| d.make.as_ref())),
        model: or_decoded(body.model, decoded.and_then(|d| d.model.as_ref())),
        trim: or_decoded(
            body.trim,
            decoded.and_then(DecodedVin::trim_or_series).as_ref(),
        ),
        license_plate: body.license_plate.and_then(SingleLine::into_option),
        color: body.color.and_then(SingleLine::into_option),
        mileage: body.mileage.map(Mileage::get),
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
    let page = Page::new(query.limit, query.offset);
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
        (status = 422, response = InvalidVin),
    ),
    security(("bearer" = ["vehicles:write"])),
)]
async fn update_vehicle(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<VehicleId>,
    ApiJson(patch): ApiJson<UpdateVehicle>,
) -> ApiResult<Json<Vehicle>> {
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
        vehicle.trim = d.trim_or_series().or(vehicle.trim);
    }
    if let Some(year) = patch.year {
        vehicle.year = year.map(|y| y.get() as i32);
    }
    for (value, slot) in [
        (patch.make, &mut vehicle.make),
        (patch.model, &mut vehicle.model),
        (patch.trim, &mut vehicle.trim),
    ] {
        if let Some(value) = value {
            *slot = value.and_then(SingleLine::into_option);
        }
    }
    if let Some(plate) = patch.license_plate {
        vehicle.license_plate = plate.and_then(SingleLine::into_option);
    }
    if let Some(color) = patch.color {
        vehicle.color = color.and_then(SingleLine::into_option);
    }
    if let Some(mileage) = patch.mileage {
        vehicle.mileage = mileage.map(Mileage::get);
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
    let mut tx = state.db.begin().await?;
    find(&mut tx, &caller, &id).await?;
    store::delete(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(Json(Deleted::new(id)))
}

/// The VIN to store and, when decoding, what it decodes to. Without decoding, a VIN is only
/// checked for shape (1 to 17 letters and digits) and upper-cased, since pre-1981 VINs follow no
/// common standard.
async fn read_vin(
    state: &AppState,
    raw: &AnyVin,
    auto_decode: bool,
) -> ApiResult<(Option<String>, Option<DecodedVin>)> {
    let vin = raw
        .checked()
        .map_err(|why| ApiError::bad_request("invalid_vin", why).with_param("vin"))?;
    if auto_decode {
        let decoded = state
            .vin
            .decode(vin)
            .await
            .map_err(super::vin::invalid_vin)?;
        return Ok((Some(decoded.vin.clone()), Some(decoded)));
    }
    Ok((Some(vin.to_ascii_uppercase()), None))
}
