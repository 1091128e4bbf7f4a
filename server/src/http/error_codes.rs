//! Every error code the API answers with, its status and what it means: the one list the
//! spec publishes (`x-error-codes`), from which the docs build their table of error codes.
//!
//! Codes stay strings where errors are made (`ApiError::new(status, "code", …)`); an error
//! rendered with a code or status missing here fails a debug assertion, so a test that meets a
//! new code names this file. The error responses of operations (`responses.rs`) show examples of
//! most of these; some can follow any request (`internal_error`, `route_not_found`) and are only
//! here. `server/tests/it/spec.rs` checks that every example's code is listed.

use axum::http::StatusCode;
use serde_json::{Value, json};

/// One error code at one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode {
    pub code: &'static str,
    pub status: u16,
    /// When the API answers with it, for the docs.
    pub meaning: &'static str,
}

const fn code(code: &'static str, status: u16, meaning: &'static str) -> ErrorCode {
    ErrorCode {
        code,
        status,
        meaning,
    }
}

/// By status, then code.
pub const ERROR_CODES: &[ErrorCode] = &[
    // 400: the request itself is wrong.
    code(
        "invalid_request",
        400,
        "A field of the body or a parameter breaks its rule (type, format, bounds, an unknown field, a rule between fields); `param` names it.",
    ),
    code(
        "invalid_json",
        400,
        "The body is not valid JSON, or not the JSON value the operation takes.",
    ),
    code(
        "invalid_body",
        400,
        "The body could not be read (the connection broke off while it was sent).",
    ),
    code(
        "invalid_id",
        400,
        "An id in the path is not an id of the right kind (`cus_` and a ULID for a customer).",
    ),
    code(
        "invalid_path",
        400,
        "A path parameter other than an id is malformed (a VIN of the wrong shape).",
    ),
    code(
        "invalid_query",
        400,
        "The query string cannot be read, or a query parameter breaks its rule; `param` names it.",
    ),
    code(
        "invalid_vin",
        400,
        "The VIN is not 17 characters of the VIN alphabet (no I, O or Q).",
    ),
    code(
        "invalid_idempotency_key",
        400,
        "The `Idempotency-Key` header is empty, too long or not printable ASCII.",
    ),
    code(
        "invalid_webhook_url",
        400,
        "The webhook URL is not an `https://` URL with a host name or IPv4 address.",
    ),
    code(
        "malformed_request",
        400,
        "The request is not valid HTTP/1.1 (a control character in a header, a malformed method, target, version or `Content-Length`); refused before any endpoint sees it.",
    ),
    // 401: who is calling is not known.
    code(
        "missing_api_key",
        401,
        "No `Authorization` header was sent.",
    ),
    code(
        "invalid_authorization",
        401,
        "The `Authorization` header is not `Bearer <API key>`.",
    ),
    code(
        "invalid_api_key",
        401,
        "The API key is not one of the shop's, or it was revoked.",
    ),
    // 403: the caller may not do this.
    code(
        "missing_scope",
        403,
        "The API key lacks the scope the operation needs.",
    ),
    code(
        "location_forbidden",
        403,
        "The API key is limited to one location and the request names another.",
    ),
    code(
        "scope_escalation",
        403,
        "A new API key would have a scope the key creating it does not have.",
    ),
    code(
        "invalid_signature",
        403,
        "An invoice's PDF link does not carry the signature the API made for it.",
    ),
    // 404: what the request names is not there.
    code(
        "api_key_not_found",
        404,
        "No API key with that id in this shop.",
    ),
    code(
        "customer_not_found",
        404,
        "No customer with that id in this shop.",
    ),
    code(
        "invoice_not_found",
        404,
        "No invoice with that id in this shop.",
    ),
    code("job_not_found", 404, "No job with that id in this shop."),
    code(
        "location_not_found",
        404,
        "No location with that id in this shop.",
    ),
    code(
        "part_not_found",
        404,
        "No part with that id in the catalog.",
    ),
    code(
        "part_type_not_found",
        404,
        "The catalog has no part type of that name.",
    ),
    code(
        "vehicle_not_found",
        404,
        "No vehicle with that id in this shop.",
    ),
    code(
        "webhook_delivery_not_found",
        404,
        "No webhook delivery with that id in this shop and mode (logs are kept for 30 days).",
    ),
    code(
        "webhook_endpoint_not_found",
        404,
        "No webhook endpoint with that id in this shop and mode.",
    ),
    code("route_not_found", 404, "No endpoint at that path."),
    // 405
    code(
        "method_not_allowed",
        405,
        "The path exists but not with that HTTP method.",
    ),
    // 409: the request conflicts with the state of what it names.
    code(
        "invalid_status_transition",
        409,
        "The job's or invoice's status does not allow this move.",
    ),
    code(
        "job_not_editable",
        409,
        "The job is completed or cancelled; only pending and in-progress jobs can be edited.",
    ),
    code(
        "job_cancelled",
        409,
        "The job is cancelled and cannot be invoiced.",
    ),
    code(
        "vehicle_of_another_customer",
        409,
        "The `vehicle_id` names a vehicle of another customer.",
    ),
    code(
        "invoice_not_editable",
        409,
        "The invoice is not a draft; only drafts can be edited.",
    ),
    code(
        "customer_email_missing",
        409,
        "The invoice's customer has no email address to send it to.",
    ),
    code(
        "customer_email_invalid",
        409,
        "The invoice's customer has a stored email address mail cannot be sent to; correct it with `PUT /customers/{id}`.",
    ),
    code(
        "amount_mismatch",
        409,
        "A payment's `amount` is not the invoice's `total`; invoices are paid in full.",
    ),
    code(
        "webhook_endpoint_limit",
        409,
        "The shop has as many webhook endpoints as it may have in this mode.",
    ),
    code(
        "webhook_endpoint_disabled",
        409,
        "The delivery's endpoint is disabled; re-enable it before retrying.",
    ),
    code(
        "delivery_in_flight",
        409,
        "The delivery is being attempted right now.",
    ),
    code(
        "ping_not_retryable",
        409,
        "Test pings are not retried; send another.",
    ),
    code(
        "idempotency_key_reused",
        409,
        "The `Idempotency-Key` was used in the last 24 hours for a different request.",
    ),
    code(
        "idempotency_key_in_use",
        409,
        "The first request with this `Idempotency-Key` is still running.",
    ),
    // 410
    code(
        "link_expired",
        410,
        "An invoice's PDF link has expired; fetch the invoice for a fresh `pdf_url`.",
    ),
    // 413, 414, 415 (414 from the HTTP layer, before any endpoint sees the request)
    code(
        "payload_too_large",
        413,
        "The body is over the 1 MiB limit.",
    ),
    code(
        "uri_too_long",
        414,
        "The request target (path and query) is over 65,534 bytes.",
    ),
    code(
        "unsupported_media_type",
        415,
        "The body is not sent as `Content-Type: application/json`.",
    ),
    // 422: well-formed, but the API cannot act on it.
    code(
        "invalid_vin",
        422,
        "The VIN's check digit (position 9), mandatory in its region, does not match its other characters.",
    ),
    code(
        "invalid_webhook_url",
        422,
        "The webhook URL's host is, or resolves to, an address that is not public.",
    ),
    code(
        "paid_at_in_future",
        422,
        "A payment's `paid_at` lies in the future.",
    ),
    code(
        "vehicle_required",
        422,
        "A parts search names no vehicle: give `vin` or `vehicle_id`.",
    ),
    code(
        "vehicle_ambiguous",
        422,
        "A parts search names two vehicles: give `vin` or `vehicle_id`, not both.",
    ),
    code(
        "vehicle_unidentified",
        422,
        "The vehicle's make and model year are unknown, and a parts search needs them.",
    ),
    // 429
    code(
        "rate_limited",
        429,
        "The API key is over its rate limit for this kind of request; `Retry-After` says when to retry.",
    ),
    code(
        "key_throttled",
        429,
        "The API key kept sending past its rate limit and is refused for 60 s.",
    ),
    // 431, from the HTTP layer, before any endpoint sees the request.
    code(
        "request_header_fields_too_large",
        431,
        "The headers are over 400 KiB in all or 100 fields.",
    ),
    // 5xx: the server's side; safe to retry.
    code(
        "internal_error",
        500,
        "Something failed on the server's side; safe to retry with backoff (with the same `Idempotency-Key` for a POST).",
    ),
    code(
        "email_delivery_failed",
        502,
        "The mail server refused the invoice email or could not be reached; the invoice was not marked sent.",
    ),
];

/// The entry for `code` at `status`, if the list has it.
pub fn find(code: &str, status: StatusCode) -> Option<&'static ErrorCode> {
    ERROR_CODES
        .iter()
        .find(|c| c.code == code && c.status == status.as_u16())
}

/// The list as the spec publishes it: `[{"code", "status", "description"}]`.
pub fn spec_extension() -> Value {
    ERROR_CODES
        .iter()
        .map(|c| json!({"code": c.code, "status": c.status, "description": c.meaning}))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn each_code_and_status_is_listed_once_in_order() {
        let mut seen = BTreeSet::new();
        for c in ERROR_CODES {
            assert!(
                seen.insert((c.code, c.status)),
                "{} {} twice",
                c.code,
                c.status
            );
            assert!(
                c.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                c.code
            );
            assert!(
                StatusCode::from_u16(c.status)
                    .is_ok_and(|s| s.is_client_error() || s.is_server_error())
            );
        }
        let statuses: Vec<u16> = ERROR_CODES.iter().map(|c| c.status).collect();
        assert!(statuses.is_sorted(), "keep the list by status");
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "is not in server/src/http/error_codes.rs")]
    fn an_unlisted_code_fails_in_debug_builds() {
        use axum::response::IntoResponse;
        let _ = crate::http::error::ApiError::bad_request("not_a_listed_code", "x").into_response();
    }
}
