//! Bearer-key authentication and the tenancy every query is scoped by.
//!
//! [`middleware`] authenticates a request once, before rate limiting and idempotency need the key,
//! and leaves the [`Caller`] in the request's extensions; the `Caller` extractor reuses it (and
//! authenticates itself on routes the middleware did not cover, which also renders the 401).

pub mod required;
pub mod scopes;
pub mod secret;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::{HeaderMap, header, request::Parts};
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::core::ids::{ApiKeyId, LocationId, ShopId};
use crate::db;
use crate::http::error::{ApiError, ApiResult};
use crate::state::AppState;
pub use scopes::Scope;

/// Which data set a key works on: `test` (sandbox) or `live` (production).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "text", rename_all = "lowercase")]
pub enum Mode {
    Test,
    Live,
}

impl Mode {
    pub fn key_prefix(self) -> &'static str {
        match self {
            Mode::Test => "vsk_test_",
            Mode::Live => "vsk_live_",
        }
    }

    pub fn of_secret(secret: &str) -> Option<Mode> {
        [Mode::Test, Mode::Live]
            .into_iter()
            .find(|m| secret.starts_with(m.key_prefix()))
    }

    pub fn is_live(self) -> bool {
        self == Mode::Live
    }
}

/// A shop's plan; it selects the rate limits of the shop's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "text", rename_all = "lowercase")]
pub enum Tier {
    Free,
    Pro,
    Enterprise,
}

/// The authenticated caller: which shop, which data set, which location, which permissions.
#[derive(Debug, Clone)]
pub struct Caller {
    pub key_id: ApiKeyId,
    pub shop_id: ShopId,
    pub mode: Mode,
    /// Set for keys limited to one location: they see only that location's data.
    pub location_id: Option<LocationId>,
    pub scopes: Vec<Scope>,
    /// The shop's plan, which selects the key's rate limits.
    pub tier: Tier,
}

impl Caller {
    pub fn require(&self, scope: Scope) -> ApiResult<()> {
        if self.scopes.contains(&scope) {
            Ok(())
        } else {
            Err(ApiError::forbidden(
                "missing_scope",
                format!("This API key lacks the `{scope}` scope required for this endpoint"),
            ))
        }
    }

    pub fn livemode(&self) -> bool {
        self.mode.is_live()
    }

    /// Whether the caller may see rows of `location`.
    pub fn can_see(&self, location: &LocationId) -> bool {
        self.location_id.as_ref().is_none_or(|own| own == location)
    }
}

#[derive(sqlx::FromRow)]
struct KeyRow {
    id: ApiKeyId,
    shop_id: ShopId,
    mode: Mode,
    location_id: Option<LocationId>,
    scopes: String,
    last_used_at: Option<DateTime<Utc>>,
    tier: Tier,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match parts.extensions.get::<Caller>() {
            Some(caller) => Ok(caller.clone()),
            None => authenticate(&parts.headers, state).await,
        }
    }
}

/// Puts the `Caller` of a request with a valid key into its extensions. A request without one
/// passes through unchanged: routes that need a key reject it through the extractor, with the
/// reason, and routes that don't (the spec) serve it.
pub async fn middleware(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    if request.headers().contains_key(header::AUTHORIZATION)
        && let Ok(caller) = authenticate(request.headers(), &state).await
    {
        request.extensions_mut().insert(caller);
    }
    next.run(request).await
}

pub async fn authenticate(headers: &HeaderMap, state: &AppState) -> ApiResult<Caller> {
    let secret = bearer_token(headers)?;
    let row: Option<KeyRow> = db::query(
        "SELECT k.id, k.shop_id, k.mode, k.location_id, k.scopes, k.last_used_at, s.tier
         FROM api_keys k JOIN shops s ON s.id = k.shop_id
         WHERE k.secret_hash = $1 AND k.revoked_at IS NULL",
    )
    .bind(secret::digest(secret))
    .fetch_optional(&state.db)
    .await?;
    let Some(row) = row else {
        return Err(ApiError::unauthorized(
            "invalid_api_key",
            format!("Invalid API key provided: {}", secret::redact(secret)),
        ));
    };
    touch_last_used(state, &row).await;
    Ok(Caller {
        scopes: scopes::decode_column(&row.scopes),
        key_id: row.id,
        shop_id: row.shop_id,
        mode: row.mode,
        location_id: row.location_id,
        tier: row.tier,
    })
}

fn bearer_token(headers: &HeaderMap) -> ApiResult<&str> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ApiError::unauthorized(
            "missing_api_key",
            "No API key provided: send `Authorization: Bearer vsk_test_…` (or `vsk_live_…`)",
        ));
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .ok_or_else(|| {
            ApiError::unauthorized(
                "invalid_authorization",
                "The Authorization header must be `Bearer <API key>`",
            )
        })?;
    if Mode::of_secret(token).is_none() {
        return Err(ApiError::unauthorized(
            "invalid_api_key",
            "API keys start with `vsk_test_` (sandbox) or `vsk_live_` (production)",
        ));
    }
    Ok(token)
}

/// Records use at most once a minute per key, so reads don't each become a write.
async fn touch_last_used(state: &AppState, row: &KeyRow) {
    let now = state.now();
    if row
        .last_used_at
        .is_some_and(|at| now - at < chrono::Duration::seconds(60))
    {
        return;
    }
    let result = db::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2")
        .bind(now)
        .bind(&row.id)
        .execute(&state.db)
        .await;
    if let Err(err) = result {
        tracing::warn!(error = %err, "could not record key use");
    }
}
