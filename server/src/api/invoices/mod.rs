//! `/invoices`: drafts from a job or standalone, totals and tax computed here, `send` (branded
//! PDF + email), `pay` and `void`. The PDF itself is served by `download` behind a signed link.

pub mod download;
pub mod email;
pub mod examples;
pub mod model;
pub mod pdf;
pub mod store;
pub mod text;

use crate::db::Conn;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{
    CreateInvoice, Invoice, InvoiceList, InvoiceStatus, ListInvoices, PayInvoice, UpdateInvoice,
};
use super::jobs::model::JobStatus;
use super::line_items::{self, LineItems};
use super::{customers, jobs, vehicles};
use crate::auth::Caller;
use crate::core::ids::InvoiceId;
use crate::core::money;
use crate::core::text::MultiLine;
use crate::events::{self, EventType};
use crate::http::body_rules;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::http::pagination::Page;
use crate::http::responses::{
    BadRequest, EmailDeliveryFailed, Forbidden, InvoiceCreateConflict, InvoiceNotEditable,
    InvoiceNotFound, InvoicePayConflict, InvoiceReferenceNotFound, InvoiceSendConflict,
    InvoiceUpdateNotFound, InvoiceVoidConflict, PaidInTheFuture, PayloadTooLarge, Unauthorized,
    UnsupportedMediaType,
};
use crate::shops;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    let router = OpenApiRouter::new()
        .routes(routes!(create_invoice, list_invoices))
        .routes(routes!(get_invoice, update_invoice))
        .routes(routes!(send_invoice))
        .routes(routes!(pay_invoice))
        .routes(routes!(void_invoice))
        .route(download::PATH, axum::routing::get(download::invoice_pdf));
    body_rules::attach::<CreateInvoice, _>(router, model::create_rules())
}

/// Create an invoice
///
/// Creates a `draft`. With `job_id` alone, the job's customer, vehicle, location and line items
/// are copied (a cancelled job cannot be invoiced); otherwise `customer_id` is required and
/// `vehicle_id` and `line_items` are optional. The shop's currency and tax rate are fixed on the
/// invoice; `tax` is `subtotal × tax_rate_bps / 10000` rounded half up to the minor unit.
/// Requires the `invoices:write` scope.
#[utoipa::path(
    post, path = "/invoices", tag = "invoices", operation_id = "create_invoice",
    request_body(content = CreateInvoice, example = json!(examples::create_from_job())),
    responses(
        (status = 201, description = "The new draft invoice.", body = Invoice, example = json!(examples::invoice())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = InvoiceReferenceNotFound),
        (status = 409, response = InvoiceCreateConflict),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["invoices:write"])),
)]
async fn create_invoice(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateInvoice>,
) -> ApiResult<(StatusCode, Json<Invoice>)> {
    let notes = body.notes.and_then(MultiLine::into_option);
    let given_items = body
        .line_items
        .as_ref()
        .map(|items| line_items::build(&items.0))
        .transpose()?;
    let mut tx = state.db.begin().await?;
    if let Some(items) = &given_items {
        items.check_catalog(&mut tx).await?;
    }
    let (location_id, customer_id, vehicle_id, job_id, items) = match &body.job_id {
        Some(job_id) => {
            for (field, given) in [
                ("customer_id", body.customer_id.is_some()),
                ("vehicle_id", body.vehicle_id.is_some()),
                ("line_items", body.line_items.is_some()),
            ] {
                if given {
                    return Err(ApiError::invalid(
                        field,
                        format!(
                            "`{field}` cannot be given with `job_id`: an invoice from a job copies the job's"
                        ),
                    ));
                }
            }
            let job = jobs::store::get(&mut tx, &caller, job_id)
                .await?
                .ok_or_else(|| ApiError::not_found("job", job_id).with_param("job_id"))?;
            if job.status == JobStatus::Cancelled {
                return Err(ApiError::conflict(
                    "job_cancelled",
                    format!("Job {job_id} is cancelled and cannot be invoiced"),
                ));
            }
            (
                job.location_id,
                job.customer_id,
                Some(job.vehicle_id),
                Some(job.id),
                job.line_items,
            )
        }
        None => {
            let customer_id = body.customer_id.as_ref().ok_or_else(|| {
                ApiError::invalid(
                    "customer_id",
                    "Give `job_id`, or `customer_id` for a standalone invoice",
                )
            })?;
            let customer = customers::store::get(&mut tx, &caller, customer_id)
                .await?
                .ok_or_else(|| {
                    ApiError::not_found("customer", customer_id).with_param("customer_id")
                })?;
            if let Some(vehicle_id) = &body.vehicle_id {
                jobs::check_vehicle(&mut tx, &caller, vehicle_id, &customer.id).await?;
            }
            let items = given_items.unwrap_or_default();
            (
                customer.location_id,
                customer.id,
                body.vehicle_id,
                None,
                items,
            )
        }
    };
    let billing = shops::billing(&mut tx, &caller.shop_id).await?;
    let now = state.now();
    let mut invoice = Invoice {
        id: InvoiceId::generate(),
        location_id,
        customer_id,
        vehicle_id,
        job_id,
        status: InvoiceStatus::Draft,
        line_items: LineItems::default(),
        currency: billing.currency,
        tax_rate_bps: billing.tax_rate_bps,
        subtotal: 0,
        tax: 0,
        total: 0,
        notes,
        sent_to: None,
        sent_at: None,
        message_id: None,
        pdf_url: None,
        pdf_url_expires_at: None,
        paid_at: None,
        amount_paid: None,
        payment_method: None,
        voided_at: None,
        livemode: caller.livemode(),
        created_at: now,
        updated_at: now,
    };
    set_lines(&mut invoice, items)?;
    store::insert(&mut tx, &caller, &invoice).await?;
    events::record(&mut tx, &caller, EventType::InvoiceCreated, &invoice, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(invoice)))
}

/// Replaces the lines and recomputes the totals at the invoice's own tax rate.
fn set_lines(invoice: &mut Invoice, items: LineItems) -> ApiResult<()> {
    invoice.subtotal = items.subtotal();
    invoice.tax =
        money::tax(invoice.subtotal, invoice.tax_rate_bps).ok_or_else(ApiError::internal)?;
    invoice.total = invoice.subtotal + invoice.tax;
    invoice.line_items = items;
    Ok(())
}

/// List invoices
///
/// Newest first, paged with `limit`/`offset`, filtered by `status`, `customer_id`, `job_id` and
/// `location_id`. Requires the `invoices:read` scope.
#[utoipa::path(
    get, path = "/invoices", tag = "invoices", operation_id = "list_invoices",
    params(ListInvoices),
    responses(
        (status = 200, description = "A page of invoices.", body = InvoiceList, example = json!(examples::list())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = ["invoices:read"])),
)]
async fn list_invoices(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ListInvoices>,
) -> ApiResult<Json<InvoiceList>> {
    let page = Page::new(query.limit, query.offset);
    let filter = store::Filter {
        status: query.status,
        customer_id: query.customer_id.as_ref(),
        job_id: query.job_id.as_ref(),
        location_id: query.location_id.as_ref(),
    };
    let (mut data, total) = store::list(&state.db, &caller, filter, page).await?;
    for invoice in &mut data {
        download::attach_link(&state, invoice).await?;
    }
    Ok(Json(InvoiceList::new(data, page, total)))
}

/// Retrieve an invoice
///
/// Once sent, the invoice carries a fresh signed `pdf_url`. Requires the `invoices:read` scope.
#[utoipa::path(
    get, path = "/invoices/{id}", tag = "invoices", operation_id = "get_invoice",
    params(("id" = InvoiceId, Path, description = "The invoice's id.")),
    responses(
        (status = 200, description = "The invoice.", body = Invoice, example = json!(examples::sent_invoice())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = InvoiceNotFound),
    ),
    security(("bearer" = ["invoices:read"])),
)]
async fn get_invoice(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<InvoiceId>,
) -> ApiResult<Json<Invoice>> {
    let mut invoice = find(&mut state.db.acquire().await?, &caller, &id).await?;
    download::attach_link(&state, &mut invoice).await?;
    Ok(Json(invoice))
}

pub async fn find(conn: &mut Conn, caller: &Caller, id: &InvoiceId) -> ApiResult<Invoice> {
    store::get(conn, caller, id)
        .await?
        .ok_or_else(|| ApiError::not_found("invoice", id))
}

/// Update a draft invoice
///
/// Changes `notes` and/or replaces `line_items` (totals are recomputed). Only drafts can be
/// edited: a sent, paid or void invoice is a 409 `invoice_not_editable`. Requires the
/// `invoices:write` scope.
#[utoipa::path(
    put, path = "/invoices/{id}", tag = "invoices", operation_id = "update_invoice",
    params(("id" = InvoiceId, Path, description = "The invoice's id.")),
    request_body(content = UpdateInvoice, example = json!(examples::update())),
    responses(
        (status = 200, description = "The updated invoice.", body = Invoice, example = json!(examples::updated_invoice())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = InvoiceUpdateNotFound),
        (status = 409, response = InvoiceNotEditable),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["invoices:write"])),
)]
async fn update_invoice(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<InvoiceId>,
    ApiJson(patch): ApiJson<UpdateInvoice>,
) -> ApiResult<Json<Invoice>> {
    let items = patch
        .line_items
        .as_ref()
        .map(|items| line_items::build(&items.0))
        .transpose()?;
    let mut tx = state.db.begin().await?;
    if let Some(items) = &items {
        items.check_catalog(&mut tx).await?;
    }
    let mut invoice = find(&mut tx, &caller, &id).await?;
    if invoice.status != InvoiceStatus::Draft {
        return Err(ApiError::conflict(
            "invoice_not_editable",
            format!(
                "Invoice {id} is {}; only draft invoices can be edited",
                invoice.status
            ),
        ));
    }
    if let Some(notes) = patch.notes {
        invoice.notes = notes.and_then(MultiLine::into_option);
    }
    if let Some(items) = items {
        set_lines(&mut invoice, items)?;
    }
    invoice.updated_at = state.now();
    store::update(&mut tx, &invoice).await?;
    tx.commit().await?;
    Ok(Json(invoice))
}

/// Send an invoice
///
/// Renders the branded PDF (shop name and address, customer, vehicle, line items, subtotal, tax,
/// total), stores it, and emails it as an attachment to the customer's email address. A `draft`
/// becomes `sent`; sending a `sent` invoice again re-renders and re-sends it. Returns the
/// invoice with its signed `pdf_url` (no API key needed, expires at `pdf_url_expires_at`) and
/// the email's `message_id`. If the mail server fails, nothing changes and the reply is a 502.
/// Requires the `invoices:write` scope.
#[utoipa::path(
    post, path = "/invoices/{id}/send", tag = "invoices", operation_id = "send_invoice",
    params(("id" = InvoiceId, Path, description = "The invoice's id.")),
    responses(
        (status = 200, description = "The sent invoice, with `pdf_url` and `message_id`.", body = Invoice, example = json!(examples::sent_invoice())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = InvoiceNotFound),
        (status = 409, response = InvoiceSendConflict),
        (status = 502, response = EmailDeliveryFailed),
    ),
    security(("bearer" = ["invoices:write"])),
)]
async fn send_invoice(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<InvoiceId>,
) -> ApiResult<Json<Invoice>> {
    let sendable = |invoice: &Invoice| {
        if invoice.status.can_move_to(InvoiceStatus::Sent) {
            return Ok(());
        }
        Err(ApiError::conflict(
            "invalid_status_transition",
            format!(
                "Invoice {id} is {}; only draft and sent invoices can be sent",
                invoice.status
            ),
        ))
    };
    // Rendering and mailing happen before the write lock is taken; the state change below
    // re-checks the status in its own transaction.
    let mut conn = state.db.acquire().await?;
    let invoice = find(&mut conn, &caller, &id).await?;
    sendable(&invoice)?;
    // The invoice is at its job's location, which may differ from the customer's; a key limited
    // to the invoice's location may still address the invoice to its customer.
    let across_locations = Caller {
        location_id: None,
        ..caller.clone()
    };
    let customer = customers::store::get(&mut conn, &across_locations, &invoice.customer_id)
        .await?
        .ok_or_else(|| ApiError::not_found("customer", &invoice.customer_id))?;
    let Some(to) = customer.email.clone() else {
        return Err(ApiError::conflict(
            "customer_email_missing",
            format!(
                "Customer {} has no email address to send the invoice to",
                customer.id
            ),
        ));
    };
    email::recipient(&to).map_err(|why| {
        ApiError::conflict(
            "customer_email_invalid",
            format!(
                "Customer {} has an email address mail cannot be sent to: {why}; correct it with \
                 PUT /customers/{}",
                customer.id, customer.id
            ),
        )
    })?;
    let vehicle = match &invoice.vehicle_id {
        Some(v) => vehicles::store::get(&mut conn, &across_locations, v).await?,
        None => None,
    };
    let letterhead = store::letterhead(&mut conn, &invoice.location_id).await?;
    drop(conn);
    let now = state.now();
    let pdf = pdf::render(&pdf::Document {
        letterhead: &letterhead,
        invoice: &invoice,
        customer: &customer,
        vehicle: vehicle.as_ref(),
        issued: now,
    });
    let (pdf_url, expires) = download::signed_url(&state, &id).await?;
    let total = format!(
        "{} {}",
        invoice.currency,
        money::format_amount(invoice.total, &invoice.currency)
    );
    // Stored names go into the body as single lines too (email::send does the headers).
    let line = |text: &str| text::one_line(text, 200);
    let sending = email::send(
        &state.config,
        email::Outgoing {
            from_name: letterhead.shop_name.clone(),
            to_name: customer.name.clone(),
            to: to.clone(),
            subject: format!("Invoice {id} from {}", letterhead.shop_name),
            body: format!(
                "Hello {},\n\nPlease find attached invoice {id} for {total}.\nYou can also download it here until {}:\n{pdf_url}\n\nThank you,\n{}\n{}\n",
                line(&customer.name),
                expires.format("%B %-d, %Y"),
                line(&letterhead.shop_name),
                line(&letterhead.address),
            ),
            filename: format!("{id}.pdf"),
            pdf: pdf.clone(),
        },
    );
    // Shutdown does not wait on the mail server: the invoice stays unsent, and a retry sends it.
    let message_id = state
        .stopping
        .run_until_cancelled(sending)
        .await
        .unwrap_or_else(|| {
            Err(
                "the server is shutting down and stopped waiting for the mail server; \
                 nothing was sent"
                    .to_owned(),
            )
        })
        .map_err(|reason| {
            tracing::warn!(invoice = %id, %reason, "invoice email failed");
            ApiError::new(
                StatusCode::BAD_GATEWAY,
                "email_delivery_failed",
                format!("Could not deliver the invoice email: {reason}"),
            )
        })?;

    let mut tx = state.db.begin().await?;
    let mut invoice = find(&mut tx, &caller, &id).await?;
    sendable(&invoice)?;
    store::save_pdf(&mut tx, &id, &pdf, now).await?;
    invoice.status = InvoiceStatus::Sent;
    invoice.sent_to = Some(to);
    invoice.sent_at = Some(now);
    invoice.message_id = Some(message_id);
    invoice.updated_at = now;
    store::update(&mut tx, &invoice).await?;
    invoice.pdf_url = Some(pdf_url);
    invoice.pdf_url_expires_at = Some(expires);
    events::record(&mut tx, &caller, EventType::InvoiceSent, &invoice, now).await?;
    tx.commit().await?;
    Ok(Json(invoice))
}

/// Record payment of an invoice
///
/// Marks a `sent` invoice `paid`. `amount` must equal the invoice's `total` (in minor units);
/// `paid_at` defaults to now and cannot be in the future. A draft must be sent first; paid and
/// void invoices cannot be paid (409 `invalid_status_transition`). Requires the
/// `invoices:write` scope.
#[utoipa::path(
    post, path = "/invoices/{id}/pay", tag = "invoices", operation_id = "pay_invoice",
    params(("id" = InvoiceId, Path, description = "The invoice's id.")),
    request_body(content = PayInvoice, example = json!(examples::pay())),
    responses(
        (status = 200, description = "The paid invoice.", body = Invoice, example = json!(examples::paid_invoice())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = InvoiceNotFound),
        (status = 409, response = InvoicePayConflict),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = PaidInTheFuture),
    ),
    security(("bearer" = ["invoices:write"])),
)]
async fn pay_invoice(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<InvoiceId>,
    ApiJson(body): ApiJson<PayInvoice>,
) -> ApiResult<Json<Invoice>> {
    let now = state.now();
    let paid_at = body.paid_at.map_or(now, |at| at.0);
    if paid_at > now {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "paid_at_in_future",
            format!(
                "`paid_at` cannot be in the future, got {}",
                paid_at.to_rfc3339()
            ),
        )
        .with_param("paid_at"));
    }
    let mut tx = state.db.begin().await?;
    let mut invoice = find(&mut tx, &caller, &id).await?;
    if !invoice.status.can_move_to(InvoiceStatus::Paid) {
        let message = match invoice.status {
            InvoiceStatus::Draft => {
                format!("Invoice {id} is a draft; send it before recording payment")
            }
            status => format!("Invoice {id} is {status} and cannot be paid"),
        };
        return Err(ApiError::conflict("invalid_status_transition", message));
    }
    let amount = body.amount.get();
    if amount != invoice.total {
        return Err(ApiError::conflict(
            "amount_mismatch",
            format!(
                "`amount` must equal the invoice total {} (minor units of {}), got {amount}",
                invoice.total, invoice.currency
            ),
        )
        .with_param("amount"));
    }
    invoice.status = InvoiceStatus::Paid;
    invoice.paid_at = Some(paid_at);
    invoice.amount_paid = Some(amount);
    invoice.payment_method = Some(body.method);
    invoice.updated_at = now;
    store::update(&mut tx, &invoice).await?;
    download::attach_link(&state, &mut invoice).await?;
    events::record(&mut tx, &caller, EventType::InvoicePaid, &invoice, now).await?;
    tx.commit().await?;
    Ok(Json(invoice))
}

/// Void an invoice
///
/// Cancels a `draft` or `sent` invoice; it stays on record as `void`. Paid invoices cannot be
/// voided (409 `invalid_status_transition`). Requires the `invoices:write` scope.
#[utoipa::path(
    post, path = "/invoices/{id}/void", tag = "invoices", operation_id = "void_invoice",
    params(("id" = InvoiceId, Path, description = "The invoice's id.")),
    responses(
        (status = 200, description = "The void invoice.", body = Invoice, example = json!(examples::void_invoice())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = InvoiceNotFound),
        (status = 409, response = InvoiceVoidConflict),
    ),
    security(("bearer" = ["invoices:write"])),
)]
async fn void_invoice(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<InvoiceId>,
) -> ApiResult<Json<Invoice>> {
    let mut tx = state.db.begin().await?;
    let mut invoice = find(&mut tx, &caller, &id).await?;
    if !invoice.status.can_move_to(InvoiceStatus::Void) {
        return Err(ApiError::conflict(
            "invalid_status_transition",
            format!(
                "Invoice {id} is {}; only draft and sent invoices can be voided",
                invoice.status
            ),
        ));
    }
    let now = state.now();
    invoice.status = InvoiceStatus::Void;
    invoice.voided_at = Some(now);
    invoice.updated_at = now;
    store::update(&mut tx, &invoice).await?;
    download::attach_link(&state, &mut invoice).await?;
    tx.commit().await?;
    Ok(Json(invoice))
}
