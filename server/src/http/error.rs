//! The one error type every handler returns, rendered as the seed's envelope:
//! `{"success": false, "error": {"code", "message", "request_id"}}`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::borrow::Cow;
use utoipa::ToSchema;

use super::request_id;

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "success": false,
    "error": {
        "code": "customer_not_found",
        "message": "No customer with id cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        "request_id": "req_3KBYZ8QF2M7NW4TC9R1X"
    }
}))]
pub struct ErrorEnvelope {
    /// Always `false` on errors.
    pub success: bool,
    pub error: ErrorBody,
}

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable, machine-readable code such as `customer_not_found` or `invalid_request`.
    pub code: String,
    /// A human-readable explanation, naming the offending field where there is one.
    pub message: String,
    /// The id of the request, also sent as the `X-Request-Id` header. Quote it to support.
    pub request_id: String,
    /// The request field the error is about, when it is about one (`email`, `limit`, `id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: Cow<'static, str>,
    message: String,
    param: Option<String>,
    retry_after_secs: Option<u64>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            code: code.into(),
            message: message.into(),
            param: None,
            retry_after_secs: None,
        }
    }

    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    pub fn with_retry_after(mut self, secs: u64) -> Self {
        self.retry_after_secs = Some(secs);
        self
    }

    /// Input that parsed but is not acceptable; `param` names the field.
    pub fn invalid(param: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_request", message).with_param(param)
    }

    pub fn bad_request(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// A missing resource. `noun` is the snake_case resource name used in the code
    /// (`customer` gives `customer_not_found`).
    pub fn not_found(noun: &str, id: impl std::fmt::Display) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            format!("{noun}_not_found"),
            format!("No {} with id {id}", noun.replace('_', " ")),
        )
    }

    pub fn forbidden(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, code, message)
    }

    pub fn unauthorized(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, message)
    }

    pub fn conflict(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "Something went wrong on our side; it is safe to retry with backoff",
        )
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn code(&self) -> &str {
        &self.code
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        tracing::error!(error = %err, "database error");
        Self::internal()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // The docs' table of error codes is that list: a code answered but not listed is one a
        // reader cannot look up.
        debug_assert!(
            super::error_codes::find(&self.code, self.status).is_some(),
            "error code `{}` at {} is not in server/src/http/error_codes.rs: add it there",
            self.code,
            self.status
        );
        let body = ErrorEnvelope {
            success: false,
            error: ErrorBody {
                code: self.code.into_owned(),
                message: self.message,
                request_id: request_id::current(),
                param: self.param,
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after_secs {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
