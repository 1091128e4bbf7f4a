//! Documents the behaviours every operation gets from middleware rather than from its handler:
//! the HTTP layer's refusals (414, 431) on every operation, rate limits (`X-RateLimit-*` headers,
//! 429) on every authenticated operation, and `Idempotency-Key` (the header, 409) on every POST.
//! Applied to the assembled spec, so an endpoint added anywhere is documented without repeating
//! any of this in its annotations.

use serde_json::json;
use utoipa::ToResponse;
use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{OpenApi, Ref, RefOr, Required};

use crate::http::idempotency::{KEY_PATTERN, MAX_KEY_LEN};
use crate::http::responses::{
    IdempotencyConflict, RateLimited, RequestHeaderFieldsTooLarge, UriTooLong,
};

pub fn document(spec: &mut OpenApi) {
    for item in spec.paths.paths.values_mut() {
        let operations = [
            (&mut item.get, false),
            (&mut item.put, false),
            (&mut item.post, true),
            (&mut item.delete, false),
            (&mut item.patch, false),
        ];
        for (operation, is_post) in operations {
            let Some(operation) = operation else { continue };
            refused_before_routing(operation);
            if operation.security.as_ref().is_none_or(|s| s.is_empty()) {
                continue;
            }
            rate_limited(operation);
            if is_post {
                idempotent(operation);
            }
        }
    }
    // Shared error responses carry the headers too; a 401 has no key to count against, and the
    // HTTP layer's refusals come before any key is read.
    let uncounted = [
        "Unauthorized",
        UriTooLong::response().0,
        RequestHeaderFieldsTooLarge::response().0,
    ];
    if let Some(components) = spec.components.as_mut() {
        for (name, response) in components.responses.iter_mut() {
            let RefOr::T(response) = response else {
                continue;
            };
            if !uncounted.contains(&name.as_str()) {
                response.headers.extend(rate_limit_headers());
            }
            if name == RateLimited::response().0 {
                response.headers.insert(
                    "Retry-After".into(),
                    RefOr::T(header(
                        Type::Integer,
                        "Seconds to wait before the next request can succeed.",
                        json!(4),
                    )),
                );
            }
        }
    }
}

/// What `http::rejections` answers for a request too big to read, whatever its target.
fn refused_before_routing(operation: &mut Operation) {
    let responses = &mut operation.responses.responses;
    responses
        .entry("414".into())
        .or_insert_with(|| Ref::from_response_name(UriTooLong::response().0).into());
    responses.entry("431".into()).or_insert_with(|| {
        Ref::from_response_name(RequestHeaderFieldsTooLarge::response().0).into()
    });
}

fn rate_limited(operation: &mut Operation) {
    let responses = &mut operation.responses.responses;
    responses
        .entry("429".into())
        .or_insert_with(|| Ref::from_response_name(RateLimited::response().0).into());
    for response in responses.values_mut() {
        if let RefOr::T(response) = response {
            response.headers.extend(rate_limit_headers());
        }
    }
}

fn idempotent(operation: &mut Operation) {
    operation
        .parameters
        .get_or_insert_with(Vec::new)
        .push(RefOr::T(idempotency_key_parameter()));
    let responses = &mut operation.responses.responses;
    responses
        .entry("409".into())
        .or_insert_with(|| Ref::from_response_name(IdempotencyConflict::response().0).into());
    for (status, response) in responses.iter_mut() {
        if let (true, RefOr::T(response)) = (status.starts_with('2'), response) {
            response.headers.insert(
                "Idempotent-Replayed".into(),
                RefOr::T(header(
                    Type::String,
                    "`true` when this is the stored response to an earlier request with the same \
                     `Idempotency-Key`, replayed rather than run again.",
                    json!("true"),
                )),
            );
        }
    }
}

fn idempotency_key_parameter() -> Parameter {
    ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(format!(
            "Makes the request safe to retry: for 24 hours, a request with the same key (per API \
             key) and the same path and body gets the first response again, marked \
             `Idempotent-Replayed: true`, instead of being run twice. The same key with a \
             different request is a 409 `idempotency_key_reused`; while the first request runs, a \
             409 `idempotency_key_in_use`. 1 to {MAX_KEY_LEN} printable ASCII characters; a \
             UUID is a good key."
        )))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(MAX_KEY_LEN))
                .pattern(Some(KEY_PATTERN)),
        ))
        .example(Some(json!("9f2b6c1e-4c3a-4f7e-8d2a-6b1f0e5c7a93")))
        .build()
}

fn rate_limit_headers() -> Vec<(String, RefOr<Header>)> {
    [
        (
            "X-RateLimit-Limit",
            "Requests a minute this API key may make in this request's category (reads, writes, \
             parts search, VIN decode).",
            json!(600),
        ),
        (
            "X-RateLimit-Remaining",
            "Requests left in this category before a 429.",
            json!(597),
        ),
        (
            "X-RateLimit-Reset",
            "Unix time (seconds) at which the full limit is available again.",
            json!(1795346190),
        ),
    ]
    .into_iter()
    .map(|(name, description, example)| {
        (
            name.to_owned(),
            RefOr::T(header(Type::Integer, description, example)),
        )
    })
    .collect()
}

fn header(kind: Type, description: &str, example: serde_json::Value) -> Header {
    HeaderBuilder::new()
        .schema(Some(ObjectBuilder::new().schema_type(kind)))
        .description(Some(description))
        .example(Some(example))
        .build()
}
