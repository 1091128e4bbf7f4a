//! `/jobs`: repair jobs for a customer's vehicle at a location, moved across the board with
//! `POST /jobs/{id}/status`.

pub mod examples;
pub mod model;
pub mod store;

use crate::db::Conn;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{ChangeJobStatus, CreateJob, Job, JobList, JobStatus, ListJobs, UpdateJob};
use super::line_items::{self, NewLineItem};
use super::{Deleted, customers, locations, vehicles};
use crate::auth::Caller;
use crate::core::ids::{CustomerId, JobId, VehicleId};
use crate::core::text::MultiLine;
use crate::events::{self, EventType};
use crate::http::body_rules;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::http::pagination::Page;
use crate::http::responses::{
    BadRequest, Forbidden, JobConflict, JobNotFound, JobReferenceNotFound, JobUpdateConflict,
    PayloadTooLarge, Unauthorized, UnsupportedMediaType, VehicleOfAnotherCustomer,
};
use crate::shops;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    let router = OpenApiRouter::new()
        .routes(routes!(create_job, list_jobs))
        .routes(routes!(get_job, update_job, delete_job))
        .routes(routes!(change_job_status));
    body_rules::attach::<NewLineItem, _>(router, line_items::rules())
}

/// Create a job
///
/// Opens a `pending` job for one of the customer's vehicles, at the customer's location (or
/// `location_id`). Line item amounts and the subtotal are computed by the server. Requires the
/// `jobs:write` scope.
#[utoipa::path(
    post, path = "/jobs", tag = "jobs", operation_id = "create_job",
    request_body(content = CreateJob, example = json!(examples::create())),
    responses(
        (status = 201, description = "The new job.", body = Job, example = json!(examples::job())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = JobReferenceNotFound),
        (status = 409, response = VehicleOfAnotherCustomer),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["jobs:write"])),
)]
async fn create_job(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateJob>,
) -> ApiResult<(StatusCode, Json<Job>)> {
    let title = body.title.into_inner();
    let description = body.description.and_then(MultiLine::into_option);
    let items = line_items::build(&body.line_items.0)?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    items.check_catalog(&mut tx).await?;
    let customer = customers::store::get(&mut tx, &caller, &body.customer_id)
        .await?
        .ok_or_else(|| {
            ApiError::not_found("customer", &body.customer_id).with_param("customer_id")
        })?;
    check_vehicle(&mut tx, &caller, &body.vehicle_id, &customer.id).await?;
    let location = body.location_id.as_ref().unwrap_or(&customer.location_id);
    let job = Job {
        id: JobId::generate(),
        location_id: locations::resolve_for_write(&mut tx, &caller, Some(location)).await?,
        customer_id: customer.id,
        vehicle_id: body.vehicle_id,
        title,
        description,
        status: JobStatus::Pending,
        subtotal: items.subtotal(),
        line_items: items,
        currency: shops::billing(&mut tx, &caller.shop_id).await?.currency,
        livemode: caller.livemode(),
        created_at: now,
        updated_at: now,
        started_at: None,
        completed_at: None,
        cancelled_at: None,
    };
    store::insert(&mut tx, &caller, &job).await?;
    events::record(&mut tx, &caller, EventType::JobCreated, &job, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(job)))
}

/// The vehicle must be visible to the caller and belong to the customer.
pub async fn check_vehicle(
    conn: &mut Conn,
    caller: &Caller,
    vehicle_id: &VehicleId,
    customer_id: &CustomerId,
) -> ApiResult<()> {
    let vehicle = vehicles::store::get(conn, caller, vehicle_id)
        .await?
        .ok_or_else(|| ApiError::not_found("vehicle", vehicle_id).with_param("vehicle_id"))?;
    if &vehicle.customer_id != customer_id {
        return Err(ApiError::conflict(
            "vehicle_of_another_customer",
            format!("Vehicle {vehicle_id} belongs to another customer, not {customer_id}"),
        )
        .with_param("vehicle_id"));
    }
    Ok(())
}

/// List jobs
///
/// Newest first, paged with `limit`/`offset`, filtered by `status`, `customer_id`, `vehicle_id`
/// and `location_id`. Requires the `jobs:read` scope.
#[utoipa::path(
    get, path = "/jobs", tag = "jobs", operation_id = "list_jobs",
    params(ListJobs),
    responses(
        (status = 200, description = "A page of jobs.", body = JobList, example = json!(examples::list())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = ["jobs:read"])),
)]
async fn list_jobs(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ListJobs>,
) -> ApiResult<Json<JobList>> {
    let page = Page::new(query.limit, query.offset);
    let filter = store::Filter {
        status: query.status,
        customer_id: query.customer_id.as_ref(),
        vehicle_id: query.vehicle_id.as_ref(),
        location_id: query.location_id.as_ref(),
    };
    let (data, total) = store::list(&state.db, &caller, filter, page).await?;
    Ok(Json(JobList::new(data, page, total)))
}

/// Retrieve a job
///
/// Requires the `jobs:read` scope.
#[utoipa::path(
    get, path = "/jobs/{id}", tag = "jobs", operation_id = "get_job",
    params(("id" = JobId, Path, description = "The job's id.")),
    responses(
        (status = 200, description = "The job.", body = Job, example = json!(examples::job())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = JobNotFound),
    ),
    security(("bearer" = ["jobs:read"])),
)]
async fn get_job(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JobId>,
) -> ApiResult<Json<Job>> {
    find(&mut state.db.acquire().await?, &caller, &id)
        .await
        .map(Json)
}

/// The job, or the 404 a caller of another shop, mode or location gets.
pub async fn find(conn: &mut Conn, caller: &Caller, id: &JobId) -> ApiResult<Job> {
    store::get(conn, caller, id)
        .await?
        .ok_or_else(|| ApiError::not_found("job", id))
}

/// Update a job
///
/// A partial update of a `pending` or `in-progress` job: only the fields sent change, and
/// `line_items`, when sent, replaces all lines. Completed and cancelled jobs cannot be edited
/// (409 `job_not_editable`). To move a job on the board use `POST /jobs/{id}/status`. Requires
/// the `jobs:write` scope.
#[utoipa::path(
    put, path = "/jobs/{id}", tag = "jobs", operation_id = "update_job",
    params(("id" = JobId, Path, description = "The job's id.")),
    request_body(content = UpdateJob, example = json!(examples::update())),
    responses(
        (status = 200, description = "The updated job.", body = Job, example = json!(examples::updated_job())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = JobReferenceNotFound),
        (status = 409, response = JobUpdateConflict),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["jobs:write"])),
)]
async fn update_job(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(patch): ApiJson<UpdateJob>,
) -> ApiResult<Json<Job>> {
    let items = patch
        .line_items
        .as_ref()
        .map(|items| line_items::build(&items.0))
        .transpose()?;
    let mut tx = state.db.begin().await?;
    if let Some(items) = &items {
        items.check_catalog(&mut tx).await?;
    }
    let mut job = find(&mut tx, &caller, &id).await?;
    if !job.status.is_open() {
        return Err(ApiError::conflict(
            "job_not_editable",
            format!(
                "Job {id} is {}; only pending and in-progress jobs can be edited",
                job.status
            ),
        ));
    }
    if let Some(title) = patch.title {
        job.title = title.into_inner();
    }
    if let Some(description) = patch.description {
        job.description = description.and_then(MultiLine::into_option);
    }
    if let Some(vehicle_id) = patch.vehicle_id {
        check_vehicle(&mut tx, &caller, &vehicle_id, &job.customer_id).await?;
        job.vehicle_id = vehicle_id;
    }
    if let Some(location_id) = &patch.location_id {
        job.location_id = locations::resolve_for_write(&mut tx, &caller, Some(location_id)).await?;
    }
    if let Some(items) = items {
        job.subtotal = items.subtotal();
        job.line_items = items;
    }
    job.updated_at = state.now();
    store::update(&mut tx, &job).await?;
    tx.commit().await?;
    Ok(Json(job))
}

/// Move a job on the board
///
/// Changes the job's status. Allowed moves: `pending → in-progress`, `in-progress → pending`,
/// `in-progress → completed`, and `pending` or `in-progress` → `cancelled`. `completed` and
/// `cancelled` are final; any other move (or a move to the status the job already has) is a
/// 409 `invalid_status_transition`. Sets `started_at`, `completed_at` or `cancelled_at`.
/// Requires the `jobs:write` scope.
#[utoipa::path(
    post, path = "/jobs/{id}/status", tag = "jobs", operation_id = "change_job_status",
    params(("id" = JobId, Path, description = "The job's id.")),
    request_body(content = ChangeJobStatus, example = json!(examples::status_change())),
    responses(
        (status = 200, description = "The job in its new status.", body = Job, example = json!(examples::started_job())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = JobNotFound),
        (status = 409, response = JobConflict),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["jobs:write"])),
)]
async fn change_job_status(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<ChangeJobStatus>,
) -> ApiResult<Json<Job>> {
    let mut tx = state.db.begin().await?;
    let mut job = find(&mut tx, &caller, &id).await?;
    let (from, to) = (job.status, body.status);
    if !from.can_move_to(to) {
        let allowed: Vec<&str> = [
            JobStatus::Pending,
            JobStatus::InProgress,
            JobStatus::Completed,
            JobStatus::Cancelled,
        ]
        .into_iter()
        .filter(|s| from.can_move_to(*s))
        .map(JobStatus::as_str)
        .collect();
        let allowed = match allowed.is_empty() {
            true => "none".to_owned(),
            false => allowed.join(", "),
        };
        return Err(ApiError::conflict(
            "invalid_status_transition",
            format!("A job cannot move from {from} to {to}; allowed from {from}: {allowed}"),
        ));
    }
    let now = state.now();
    match to {
        JobStatus::InProgress => job.started_at = Some(now),
        JobStatus::Completed => job.completed_at = Some(now),
        JobStatus::Cancelled => job.cancelled_at = Some(now),
        JobStatus::Pending => job.started_at = None,
    }
    job.status = to;
    job.updated_at = now;
    store::update(&mut tx, &job).await?;
    events::record(&mut tx, &caller, EventType::JobStatusChanged, &job, now).await?;
    if to == JobStatus::Completed {
        events::record(&mut tx, &caller, EventType::JobCompleted, &job, now).await?;
    }
    tx.commit().await?;
    Ok(Json(job))
}

/// Delete a job
///
/// Deletes the job in any status. Invoices made from it keep their copied line items; their
/// `job_id` becomes `null`. Requires the `jobs:write` scope.
#[utoipa::path(
    delete, path = "/jobs/{id}", tag = "jobs", operation_id = "delete_job",
    params(("id" = JobId, Path, description = "The job's id.")),
    responses(
        (status = 200, description = "The job was deleted.", body = Deleted, example = json!(examples::deleted())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = JobNotFound),
    ),
    security(("bearer" = ["jobs:write"])),
)]
async fn delete_job(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JobId>,
) -> ApiResult<Json<Deleted>> {
    let mut tx = state.db.begin().await?;
    find(&mut tx, &caller, &id).await?;
    store::delete(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(Json(Deleted::new(id)))
}
