//! Reusable error responses for the spec (`#/components/responses/...`), each with a realistic
//! example per error code it covers, so docs and the sandbox mock can show every error.

use serde_json::{Value, json};
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder, response::Response};

fn envelope(code: &str, message: &str) -> Value {
    json!({
        "success": false,
        "error": { "code": code, "message": message, "request_id": "req_3KBYZ8QF2M7NW4TC9R1X" }
    })
}

pub(crate) fn build_error_response(
    description: &str,
    examples: &[(&str, &str)],
) -> RefOr<Response> {
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name("ErrorEnvelope")))
        .examples_from_iter(examples.iter().map(|(code, message)| {
            (
                *code,
                ExampleBuilder::new()
                    .summary(*code)
                    .value(Some(envelope(code, message))),
            )
        }))
        .build();
    ResponseBuilder::new()
        .description(description)
        .content("application/json", content)
        .build()
        .into()
}

/// Declares a response component; the examples are `(code, message)` pairs.
macro_rules! error_response {
    ($name:ident, $description:literal, [$(($code:literal, $message:literal)),+ $(,)?]) => {
        pub struct $name;

        impl<'r> utoipa::ToResponse<'r> for $name {
            fn response() -> (&'r str, utoipa::openapi::RefOr<utoipa::openapi::response::Response>) {
                (stringify!($name), $crate::http::responses::build_error_response($description, &[$(($code, $message)),+]))
            }
        }
    };
}

error_response!(
    BadRequest,
    "Invalid input; `error.message` names the field.",
    [
        (
            "invalid_request",
            "`email` is not a valid email address: \"s.chen@\""
        ),
        (
            "invalid_json",
            "Request body is not valid JSON: expected `,` or `}` at line 3 column 5"
        ),
        (
            "invalid_id",
            "`12345` is not a customer id (expected `cus_` followed by a ULID: 26 lowercase letters and digits, without i, l, o or u, the first 0-7)"
        ),
        (
            "invalid_query",
            "`limit` must be between 1 and 100, got 500"
        ),
        (
            "invalid_path",
            "`vin` must be 17 digits and letters other than I, O and Q"
        ),
        (
            "invalid_vin",
            "VIN contains 'O' at position 5; the letters I, O and Q are never used in VINs"
        ),
        (
            "invalid_idempotency_key",
            "The Idempotency-Key header is 300 characters long; the limit is 255"
        ),
        (
            "malformed_request",
            "The request is not valid HTTP/1.1: a header holds a byte that is not allowed (NUL or another control character), or the method, target, version or a header is malformed"
        ),
    ]
);
error_response!(
    Unauthorized,
    "Missing or invalid bearer token.",
    [
        (
            "missing_api_key",
            "No API key provided: send `Authorization: Bearer vsk_test_…` (or `vsk_live_…`)"
        ),
        (
            "invalid_authorization",
            "The Authorization header must be `Bearer <API key>`"
        ),
        (
            "invalid_api_key",
            "Invalid API key provided: vsk_test_…Zq9w"
        ),
    ]
);
error_response!(
    Forbidden,
    "The API key lacks the scope (or location) this endpoint needs.",
    [
        (
            "missing_scope",
            "This API key lacks the `customers:write` scope required for this endpoint"
        ),
        (
            "location_forbidden",
            "This API key is limited to location loc_01jd3q8y7zk2m4n6p8r0t2v4x7"
        ),
    ]
);
error_response!(
    PayloadTooLarge,
    "The request body is over the 1 MiB limit.",
    [(
        "payload_too_large",
        "Request body is larger than the 1048576 byte limit"
    ),]
);
error_response!(
    UnsupportedMediaType,
    "The request body is not JSON.",
    [(
        "unsupported_media_type",
        "Request bodies must be JSON: send `Content-Type: application/json`"
    ),]
);
error_response!(
    CustomerNotFound,
    "No such customer in this shop.",
    [(
        "customer_not_found",
        "No customer with id cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
    ),]
);
error_response!(
    VehicleNotFound,
    "No such vehicle in this shop.",
    [(
        "vehicle_not_found",
        "No vehicle with id veh_01jd3q9b2cd3e4f5g6h7j8k9m0"
    ),]
);
error_response!(
    ApiKeyNotFound,
    "No such API key in this shop.",
    [(
        "api_key_not_found",
        "No API key with id key_01jd3q8y7zk2m4n6p8r0t2v4x8"
    ),]
);
error_response!(
    InvalidVin,
    "The VIN has the right shape but its check digit (position 9), mandatory in its region, \
     does not match its other characters.",
    [(
        "invalid_vin",
        "check digit at position 9 is '3' but the VIN's characters give 'X'"
    ),]
);
error_response!(
    LocationNotFound,
    "The `location_id` names no location of this shop.",
    [(
        "location_not_found",
        "No location with id loc_01jd3q8y7zk2m4n6p8r0t2v4x7"
    ),]
);
error_response!(
    CustomerReferenceNotFound,
    "No such customer in this shop, or the `location_id` names no location of it.",
    [
        (
            "customer_not_found",
            "No customer with id cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
        ),
        (
            "location_not_found",
            "No location with id loc_01jd3q8y7zk2m4n6p8r0t2v4x7"
        ),
    ]
);
error_response!(
    VehicleOfAnotherCustomer,
    "The `vehicle_id` names a vehicle of another customer.",
    [(
        "vehicle_of_another_customer",
        "Vehicle veh_01jd3q9b2cd3e4f5g6h7j8k9m0 belongs to another customer, not cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
    ),]
);
error_response!(
    JobNotFound,
    "No such job in this shop.",
    [(
        "job_not_found",
        "No job with id job_01jd3qa2b3c4d5e6f7g8h9j0k1"
    ),]
);
error_response!(
    JobReferenceNotFound,
    "The job, or a customer, vehicle, location or catalog part the request names, is not there; \
     `error.param` names the field.",
    [
        (
            "location_not_found",
            "No location with id loc_01jd3q8y7zk2m4n6p8r0t2v4x7"
        ),
        (
            "part_not_found",
            "No part with id prt_01jd3q7x6yw5v4t3s2r1q0p9n8"
        ),
        (
            "job_not_found",
            "No job with id job_01jd3qa2b3c4d5e6f7g8h9j0k1"
        ),
        (
            "customer_not_found",
            "No customer with id cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
        ),
        (
            "vehicle_not_found",
            "No vehicle with id veh_01jd3q9b2cd3e4f5g6h7j8k9m0"
        ),
    ]
);
error_response!(
    JobConflict,
    "The job's status does not allow this move.",
    [(
        "invalid_status_transition",
        "A job cannot move from completed to pending; allowed from completed: none"
    ),]
);
error_response!(
    JobUpdateConflict,
    "The job is completed or cancelled, or the `vehicle_id` names another customer's vehicle.",
    [
        (
            "job_not_editable",
            "Job job_01jd3qa2b3c4d5e6f7g8h9j0k1 is completed; only pending and in-progress jobs can be edited"
        ),
        (
            "vehicle_of_another_customer",
            "Vehicle veh_01jd3q9b2cd3e4f5g6h7j8k9m0 belongs to another customer, not cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
        ),
    ]
);
error_response!(
    InvoiceNotFound,
    "No such invoice in this shop.",
    [(
        "invoice_not_found",
        "No invoice with id inv_01jd3qb4c5d6e7f8g9h0j1k2m3"
    ),]
);
error_response!(
    InvoiceReferenceNotFound,
    "A job, customer, vehicle or catalog part the request names is not there; `error.param` \
     names the field.",
    [
        (
            "part_not_found",
            "No part with id prt_01jd3q7x6yw5v4t3s2r1q0p9n8"
        ),
        (
            "job_not_found",
            "No job with id job_01jd3qa2b3c4d5e6f7g8h9j0k1"
        ),
        (
            "customer_not_found",
            "No customer with id cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
        ),
        (
            "vehicle_not_found",
            "No vehicle with id veh_01jd3q9b2cd3e4f5g6h7j8k9m0"
        ),
    ]
);
error_response!(
    InvoiceUpdateNotFound,
    "No such invoice in this shop, or a `part_id` of the lines names no part of the catalog.",
    [
        (
            "invoice_not_found",
            "No invoice with id inv_01jd3qb4c5d6e7f8g9h0j1k2m3"
        ),
        (
            "part_not_found",
            "No part with id prt_01jd3q7x6yw5v4t3s2r1q0p9n8"
        ),
    ]
);
error_response!(
    InvoiceCreateConflict,
    "The job is cancelled, or the `vehicle_id` names another customer's vehicle.",
    [
        (
            "job_cancelled",
            "Job job_01jd3qa2b3c4d5e6f7g8h9j0k1 is cancelled and cannot be invoiced"
        ),
        (
            "vehicle_of_another_customer",
            "Vehicle veh_01jd3q9b2cd3e4f5g6h7j8k9m0 belongs to another customer, not cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
        ),
    ]
);
error_response!(
    InvoiceNotEditable,
    "Only draft invoices can be edited.",
    [(
        "invoice_not_editable",
        "Invoice inv_01jd3qb4c5d6e7f8g9h0j1k2m3 is paid; only draft invoices can be edited"
    ),]
);
error_response!(
    InvoiceSendConflict,
    "The invoice is paid or void, or its customer has no email address.",
    [
        (
            "invalid_status_transition",
            "Invoice inv_01jd3qb4c5d6e7f8g9h0j1k2m3 is paid; only draft and sent invoices can be sent"
        ),
        (
            "customer_email_missing",
            "Customer cus_01jd3q9a1bc2d3e4f5g6h7j8k9 has no email address to send the invoice to"
        ),
        (
            "customer_email_invalid",
            "Customer cus_01jd3q9a1bc2d3e4f5g6h7j8k9 has an email address mail cannot be sent to: \"s.chen@email\" is not an email address (invalid email domain); correct it with PUT /customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
        ),
    ]
);
error_response!(
    InvoicePayConflict,
    "Only sent invoices can be paid, in full: `amount` must equal the invoice's `total`.",
    [
        (
            "invalid_status_transition",
            "Invoice inv_01jd3qb4c5d6e7f8g9h0j1k2m3 is a draft; send it before recording payment"
        ),
        (
            "amount_mismatch",
            "`amount` must equal the invoice total 26863 (minor units of USD), got 26000"
        ),
    ]
);
error_response!(
    PaidInTheFuture,
    "`paid_at` lies in the future.",
    [(
        "paid_at_in_future",
        "`paid_at` cannot be in the future, got 2031-01-01T00:00:00+00:00"
    ),]
);
error_response!(
    InvoiceVoidConflict,
    "Only draft and sent invoices can be voided.",
    [(
        "invalid_status_transition",
        "Invoice inv_01jd3qb4c5d6e7f8g9h0j1k2m3 is paid; only draft and sent invoices can be voided"
    ),]
);
error_response!(
    EmailDeliveryFailed,
    "The mail server refused or could not be reached; the invoice was not marked sent.",
    [(
        "email_delivery_failed",
        "Could not deliver the invoice email: Connection refused (os error 111)"
    ),]
);
error_response!(
    WebhookBadRequest,
    "Invalid input; `error.message` names the field and the reason.",
    [
        (
            "invalid_webhook_url",
            "`ftp://hooks.example.com` is not an https:// URL with a host name or IPv4 address (and at most an optional port, path, query and fragment of printable ASCII)"
        ),
        (
            "invalid_request",
            "`events[0]`: unknown variant `order.created`, expected one of customer.created, customer.updated, job.created, job.status_changed, job.completed, invoice.created, invoice.sent, invoice.paid, or [\"*\"]"
        ),
        (
            "invalid_json",
            "Request body is not valid JSON: expected `,` or `}` at line 3 column 5"
        ),
        (
            "invalid_id",
            "`wh_123` is not a webhook endpoint id (expected `we_` followed by a ULID: 26 lowercase letters and digits, without i, l, o or u, the first 0-7)"
        ),
        (
            "invalid_query",
            "`limit` must be between 1 and 100, got 500"
        ),
        (
            "malformed_request",
            "The request is not valid HTTP/1.1: a header holds a byte that is not allowed (NUL or another control character), or the method, target, version or a header is malformed"
        ),
    ]
);
error_response!(
    WebhookUrlRefused,
    "The URL's host is, or resolves to, an address that is not public (private, loopback, \
     link-local, …); receivers must be public.",
    [(
        "invalid_webhook_url",
        "`internal.example.net` resolves to 10.0.3.7 is a private address; receivers must be public"
    ),]
);
error_response!(
    WebhookEndpointLimit,
    "The shop already has the most webhook endpoints it may have in this mode.",
    [(
        "webhook_endpoint_limit",
        "A shop can register at most 10 webhook endpoints per mode; delete one first"
    ),]
);
error_response!(
    WebhookEndpointNotFound,
    "No such webhook endpoint in this shop and mode.",
    [(
        "webhook_endpoint_not_found",
        "No webhook endpoint with id we_01jd3qa0f3g4h5j6k7m8n9p0q1"
    ),]
);
error_response!(
    WebhookDeliveryNotFound,
    "No such delivery in this shop and mode (logs are kept for 30 days).",
    [(
        "webhook_delivery_not_found",
        "No webhook delivery with id dlv_01jd3qa2h5j6k7m8n9p0q1r2s3"
    ),]
);
error_response!(
    WebhookDeliveryConflict,
    "The delivery cannot be retried now.",
    [
        (
            "webhook_endpoint_disabled",
            "Endpoint we_01jd3qa0f3g4h5j6k7m8n9p0q1 is disabled; re-enable it (PUT active: true) before retrying"
        ),
        (
            "delivery_in_flight",
            "Delivery dlv_01jd3qa2h5j6k7m8n9p0q1r2s3 is being attempted right now; retry once that attempt is logged"
        ),
        (
            "ping_not_retryable",
            "Test pings are not retried; send another with POST /webhooks/{id}/test"
        ),
    ]
);
error_response!(
    UriTooLong,
    "The request target (path and query) is too long for the server to read; refused before \
     any endpoint sees it.",
    [(
        "uri_too_long",
        "The request target (path and query) is longer than the 65,534 bytes the server reads; send long data in a body"
    ),]
);
error_response!(
    RequestHeaderFieldsTooLarge,
    "The request's headers are too large for the server to read; refused before any endpoint \
     sees them.",
    [(
        "request_header_fields_too_large",
        "The request's headers are too large: keep them under 400 KiB in all and 100 fields"
    ),]
);
error_response!(
    RateLimited,
    "Too many requests: the API key is over its rate limit for this kind of request, or \
     throttled for 60 s after bursting past it. `Retry-After` says how many seconds to wait.",
    [
        (
            "rate_limited",
            "Rate limit exceeded: this API key may make 60 parts search requests a minute; retry in 4 s"
        ),
        (
            "key_throttled",
            "This API key kept sending past its rate limit and is throttled: every request is refused for 60 more s"
        ),
    ]
);
error_response!(
    IdempotencyConflict,
    "The `Idempotency-Key` was already used for a different request, or its first request is \
     still running.",
    [
        (
            "idempotency_key_reused",
            "Idempotency-Key `9f2b6c1e-4c3a-4f7e-8d2a-6b1f0e5c7a93` was already used for a different request (another path or body) in the last 24 hours; send a new key for a new request"
        ),
        (
            "idempotency_key_in_use",
            "A request with Idempotency-Key `9f2b6c1e-4c3a-4f7e-8d2a-6b1f0e5c7a93` is still being processed; retry once it has finished"
        ),
    ]
);
error_response!(
    PartSearchNotFound,
    "The `vehicle_id` names no vehicle of this shop, or the catalog has no such `type`.",
    [
        (
            "vehicle_not_found",
            "No vehicle with id veh_01jd3q9b2cd3e4f5g6h7j8k9m0"
        ),
        (
            "part_type_not_found",
            "The catalog has no part type \"brake-pad\"; it has: air-filter, brake-pads, brake-rotors, oil-filter, spark-plugs"
        ),
    ]
);
error_response!(
    PartSearchUnprocessable,
    "The search names no vehicle or two (give exactly one of `vin` and `vehicle_id`: a rule \
     between two query parameters, which the parameters' schemas cannot state), the VIN's check \
     digit is wrong, or the vehicle's make and model year are unknown.",
    [
        (
            "vehicle_required",
            "`vin` or `vehicle_id` is required: the search returns the parts that fit that vehicle"
        ),
        (
            "vehicle_ambiguous",
            "Give either `vin` or `vehicle_id`, not both"
        ),
        (
            "invalid_vin",
            "check digit at position 9 is '3' but the VIN's characters give 'X'"
        ),
        (
            "vehicle_unidentified",
            "VIN WP0ZZZ99ZTS392124 has no known make and model year, which the search needs to find fitting parts; search by a `vehicle_id` whose make and year are set"
        ),
    ]
);
