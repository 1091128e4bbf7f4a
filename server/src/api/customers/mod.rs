//! `/customers`: create, read, partially update, delete and search the shop's customers.

pub mod examples;
pub mod model;
pub mod store;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{CreateCustomer, Customer, CustomerList, ListCustomers, UpdateCustomer};
use super::Deleted;
use super::locations;
use crate::auth::Caller;
use crate::core::ids::CustomerId;
use crate::core::text::{Email, MultiLine, Phone, SingleLine};
use crate::events::{self, EventType};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::http::pagination::Page;
use crate::http::responses::{
    BadRequest, CustomerNotFound, CustomerReferenceNotFound, Forbidden, LocationNotFound,
    PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_customer, list_customers))
        .routes(routes!(get_customer, update_customer, delete_customer))
}

/// Create a customer
///
/// Adds a customer to the shop, at the key's location (or `location_id`). Requires the
/// `customers:write` scope.
#[utoipa::path(
    post, path = "/customers", tag = "customers", operation_id = "create_customer",
    request_body(content = CreateCustomer, example = json!(examples::create())),
    responses(
        (status = 201, description = "The new customer.", body = Customer, example = json!(examples::customer())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = LocationNotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["customers:write"])),
)]
async fn create_customer(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateCustomer>,
) -> ApiResult<(StatusCode, Json<Customer>)> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let customer = Customer {
        id: CustomerId::generate(),
        location_id: locations::resolve_for_write(&mut tx, &caller, body.location_id.as_ref())
            .await?,
        name: body.name.into_inner(),
        email: body.email.and_then(Email::into_option),
        phone: body.phone.and_then(Phone::into_option),
        notes: body.notes.and_then(MultiLine::into_option),
        livemode: caller.livemode(),
        created_at: now,
        updated_at: now,
    };
    store::insert(&mut tx, &caller, &customer).await?;
    events::record(&mut tx, &caller, EventType::CustomerCreated, &customer, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(customer)))
}

/// List customers
///
/// Newest first, paged with `limit`/`offset`; `q` searches name, email and phone. Requires the
/// `customers:read` scope.
#[utoipa::path(
    get, path = "/customers", tag = "customers", operation_id = "list_customers",
    params(ListCustomers),
    responses(
        (status = 200, description = "A page of customers.", body = CustomerList, example = json!(examples::list())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = ["customers:read"])),
)]
async fn list_customers(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ListCustomers>,
) -> ApiResult<Json<CustomerList>> {
    let page = Page::new(query.limit, query.offset);
    let q = query.q.and_then(SingleLine::into_option);
    let filter = store::Filter {
        q: q.as_deref(),
        location_id: query.location_id.as_ref(),
    };
    let (data, total) = store::list(&state.db, &caller, filter, page).await?;
    Ok(Json(CustomerList::new(data, page, total)))
}

/// Retrieve a customer
///
/// Requires the `customers:read` scope.
#[utoipa::path(
    get, path = "/customers/{id}", tag = "customers", operation_id = "get_customer",
    params(("id" = CustomerId, Path, description = "The customer's id.")),
    responses(
        (status = 200, description = "The customer.", body = Customer, example = json!(examples::customer())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = CustomerNotFound),
    ),
    security(("bearer" = ["customers:read"])),
)]
async fn get_customer(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CustomerId>,
) -> ApiResult<Json<Customer>> {
    let mut conn = state.db.acquire().await?;
    find(&mut conn, &caller, &id).await.map(Json)
}

/// The customer, or the 404 a caller of another shop, mode or location gets.
pub async fn find(
    conn: &mut crate::db::Conn,
    caller: &Caller,
    id: &CustomerId,
) -> ApiResult<Customer> {
    store::get(conn, caller, id)
        .await?
        .ok_or_else(|| ApiError::not_found("customer", id))
}

/// Update a customer
///
/// A partial update: only the fields sent change; `null` or `""` clears `email`, `phone` or
/// `notes`. Requires the `customers:write` scope.
#[utoipa::path(
    put, path = "/customers/{id}", tag = "customers", operation_id = "update_customer",
    params(("id" = CustomerId, Path, description = "The customer's id.")),
    request_body(content = UpdateCustomer, example = json!(examples::update())),
    responses(
        (status = 200, description = "The updated customer.", body = Customer, example = json!(examples::updated_customer())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = CustomerReferenceNotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["customers:write"])),
)]
async fn update_customer(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CustomerId>,
    ApiJson(patch): ApiJson<UpdateCustomer>,
) -> ApiResult<Json<Customer>> {
    let mut tx = state.db.begin().await?;
    let mut customer = find(&mut tx, &caller, &id).await?;
    if let Some(location_id) = &patch.location_id {
        customer.location_id =
            locations::resolve_for_write(&mut tx, &caller, Some(location_id)).await?;
    }
    if let Some(name) = patch.name {
        customer.name = name.into_inner();
    }
    if let Some(email) = patch.email {
        customer.email = email.and_then(Email::into_option);
    }
    if let Some(phone) = patch.phone {
        customer.phone = phone.and_then(Phone::into_option);
    }
    if let Some(notes) = patch.notes {
        customer.notes = notes.and_then(MultiLine::into_option);
    }
    let now = state.now();
    customer.updated_at = now;
    store::update(&mut tx, &customer).await?;
    events::record(&mut tx, &caller, EventType::CustomerUpdated, &customer, now).await?;
    tx.commit().await?;
    Ok(Json(customer))
}

/// Delete a customer
///
/// Deletes the customer with their vehicles, jobs and invoices. Requires the `customers:write`
/// scope.
#[utoipa::path(
    delete, path = "/customers/{id}", tag = "customers", operation_id = "delete_customer",
    params(("id" = CustomerId, Path, description = "The customer's id.")),
    responses(
        (status = 200, description = "The customer was deleted.", body = Deleted, example = json!(examples::deleted())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = CustomerNotFound),
    ),
    security(("bearer" = ["customers:write"])),
)]
async fn delete_customer(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CustomerId>,
) -> ApiResult<Json<Deleted>> {
    let mut tx = state.db.begin().await?;
    find(&mut tx, &caller, &id).await?;
    store::delete(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(Json(Deleted::new(id)))
}
