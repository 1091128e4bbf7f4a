//! Extractors whose every rejection is an `ApiError` envelope naming the problem, so that bad
//! input can never surface as axum's plain-text rejections (or a 500).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, RawPathParams, Request};
use axum::http::{StatusCode, header, request::Parts};
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// The largest request body the API accepts.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// A JSON request body. Requires `Content-Type: application/json`; rejects unknown fields
/// (types opt in with `deny_unknown_fields`) and names the field that failed.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if !is_json_content_type(req.headers()) {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Request bodies must be JSON: send `Content-Type: application/json`",
            ));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(body_rejection)?;
        parse_json(&bytes).map(ApiJson)
    }
}

fn is_json_content_type(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn body_rejection(rejection: BytesRejection) -> ApiError {
    // The length limit is the only reason a body that arrived intact fails to buffer.
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!(
                "Request body is larger than the {} byte limit",
                MAX_BODY_BYTES
            ),
        );
    }
    ApiError::bad_request(
        "invalid_body",
        format!("Could not read the request body: {}", rejection.body_text()),
    )
}

/// Deserializes `bytes`, reporting syntax errors as `invalid_json` and data errors as
/// `invalid_request` with the JSON path of the offending field.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "invalid_json",
            "Request body is empty; send a JSON object",
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_data() {
            let message = if path == "." {
                inner.to_string()
            } else {
                format!("`{path}`: {inner}")
            };
            let error = ApiError::bad_request("invalid_request", message);
            if path == "." {
                error
            } else {
                error.with_param(path)
            }
        } else {
            ApiError::bad_request(
                "invalid_json",
                format!("Request body is not valid JSON: {inner}"),
            )
        }
    })?;
    de.end().map_err(|e| {
        ApiError::bad_request(
            "invalid_json",
            format!("Request body is not valid JSON: {e}"),
        )
    })?;
    Ok(value)
}

/// Path parameters; a malformed id is a 400 naming the parameter.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let rejection = match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => return Ok(ApiPath(value)),
            Err(rejection) => rejection,
        };
        // A single parameter's own error does not say which parameter it is about.
        let names: Vec<String> = RawPathParams::from_request_parts(parts, state)
            .await
            .map(|params| params.iter().map(|(name, _)| name.to_owned()).collect())
            .unwrap_or_default();
        let only = match names.as_slice() {
            [name] => name.as_str(),
            _ => "id",
        };
        Err(path_rejection(rejection, only))
    }
}

/// The code of a malformed path parameter: `invalid_id` for ids, `invalid_path` otherwise (the
/// mock answers the same, from the spec's parameter names).
fn path_code(name: &str) -> &'static str {
    match name == "id" || name.ends_with("_id") {
        true => "invalid_id",
        false => "invalid_path",
    }
}

fn path_rejection(rejection: PathRejection, only: &str) -> ApiError {
    use axum::extract::path::ErrorKind;
    match rejection {
        PathRejection::FailedToDeserializePathParams(err) => match err.kind() {
            ErrorKind::Message(message) => {
                let message = match path_code(only) {
                    "invalid_id" => message.clone(),
                    _ => format!("`{only}` {message}"),
                };
                ApiError::bad_request(path_code(only), message).with_param(only)
            }
            ErrorKind::ParseErrorAtKey {
                key,
                value,
                expected_type,
            } => ApiError::bad_request(
                "invalid_path",
                format!(
                    "Path parameter `{key}` is `{value}`, which is not a valid {expected_type}"
                ),
            )
            .with_param(key.clone()),
            ErrorKind::DeserializeError {
                key,
                value,
                message,
            } => ApiError::bad_request(
                "invalid_path",
                format!("Path parameter `{key}` is `{value}`: {message}"),
            )
            .with_param(key.clone()),
            _ => ApiError::bad_request("invalid_path", err.body_text()),
        },
        other => ApiError::bad_request("invalid_path", other.body_text()),
    }
}

/// Query parameters; unknown or malformed parameters are a 400 naming the parameter.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| ApiQuery(v))
            .map_err(query_rejection)
    }
}

fn query_rejection(rejection: QueryRejection) -> ApiError {
    let text = rejection.body_text();
    let detail = text
        .strip_prefix("Failed to deserialize query string: ")
        .unwrap_or(&text);
    let param = detail
        .split_once(':')
        .map(|(field, _)| field.trim().to_owned())
        .filter(|f| !f.contains(' '));
    let error = ApiError::bad_request("invalid_query", format!("Invalid query string: {detail}"));
    match param {
        Some(param) => error.with_param(param),
        None => error,
    }
}
