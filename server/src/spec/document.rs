//! The document-level parts of the spec: info, servers, tags, the bearer scheme and the shared
//! error responses. Paths and schemas come from the handlers' annotations.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::webhooks::WebhooksSection;
use crate::http::error::{ErrorBody, ErrorEnvelope};
use crate::http::responses::*;

pub const PRODUCTION_URL: &str = "https://vinsnap.net/.netlify/functions/api";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "VinSnap Business API",
        description = "Programmatic access to your VinSnap Business shop: customers, vehicles, VIN \
decode, API keys. JSON over HTTPS. Authenticate with `Authorization: Bearer vsk_test_…` (sandbox data) \
or `vsk_live_…` (production data); the key's mode selects a fully separate data set. Errors always use \
the envelope `{\"success\": false, \"error\": {\"code\", \"message\", \"request_id\"}}` and every \
response carries `X-Request-Id`.",
        license(name = "MIT", identifier = "MIT"),
    ),
    servers(
        (url = "https://vinsnap.net/.netlify/functions/api", description = "Production (use a `vsk_live_` key) and sandbox (use a `vsk_test_` key)"),
        (url = "http://127.0.0.1:8080", description = "Local reference server (`vinsnap-server serve`)"),
    ),
    security(("bearer" = [])),
    modifiers(&BearerScheme, &WebhooksSection),
    components(
        schemas(ErrorEnvelope, ErrorBody),
        responses(
            BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType,
            CustomerNotFound, VehicleNotFound, ApiKeyNotFound, InvalidVin,
            LocationNotFound, CustomerReferenceNotFound, VehicleOfAnotherCustomer,
            JobNotFound, JobReferenceNotFound, JobConflict, JobUpdateConflict,
            InvoiceNotFound, InvoiceReferenceNotFound, InvoiceUpdateNotFound, InvoiceCreateConflict,
            InvoiceNotEditable, InvoiceSendConflict, InvoicePayConflict, PaidInTheFuture,
            InvoiceVoidConflict, EmailDeliveryFailed,
            WebhookBadRequest, WebhookUrlRefused, WebhookEndpointLimit, WebhookEndpointNotFound,
            WebhookDeliveryNotFound, WebhookDeliveryConflict,
            RateLimited, IdempotencyConflict, PartSearchNotFound, PartSearchUnprocessable,
            UriTooLong, RequestHeaderFieldsTooLarge,
        ),
    ),
    tags(
        (name = "customers", description = "The people whose vehicles the shop repairs."),
        (name = "vehicles", description = "Customers' vehicles; a VIN auto-decodes year, make, model and trim."),
        (name = "vin", description = "Offline VIN decoding."),
        (name = "locations", description = "The shop's locations."),
        (name = "api_keys", description = "Minting and revoking API keys (shown once, stored hashed)."),
        (name = "jobs", description = "Repair jobs on the shop's board (`pending → in-progress → completed`, or `cancelled`), with labor and part line items."),
        (name = "invoices", description = "Invoices from jobs or standalone (`draft → sent → paid`, or `void`): server-computed totals and tax, a branded PDF emailed to the customer."),
        (name = "webhooks", description = "Endpoints that receive signed event POSTs, their test pings, secret rotation and delivery logs. The events themselves are in the `webhooks` section."),
        (name = "parts", description = "The parts catalog, searched for the parts that fit a vehicle, with OEM cross-references and stock per location."),
    ),
)]
pub struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("vsk_test_… or vsk_live_…")
                    .description(Some(
                        "An API key. `vsk_test_` keys work on sandbox data, `vsk_live_` keys on production data.",
                    ))
                    .build(),
            ),
        );
    }
}
