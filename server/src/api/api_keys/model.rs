use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use crate::auth::{Mode, Scope};
use crate::core::bounded::{Limit, Offset};
use crate::core::ids::{ApiKeyId, LocationId};
use crate::core::text::SingleLine;
use crate::http::pagination::list_type;

pub fn example_key() -> Value {
    json!({
        "id": "key_01jd3q8y7zk2m4n6p8r0t2v4x8",
        "name": "Front desk tablet",
        "mode": "test",
        "redacted": "vsk_test_…Zq9w",
        "scopes": ["customers:read", "customers:write"],
        "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7",
        "created_at": "2026-11-22T10:20:00.000Z",
        "last_used_at": null
    })
}

pub fn example_created() -> Value {
    let mut key = example_key();
    key["secret"] = json!("vsk_test_4eC39HqLyjWDarjtT1zdp7dcZq9w");
    key
}

pub fn example_create() -> Value {
    json!({
        "name": "Front desk tablet",
        "scopes": ["customers:read", "customers:write"],
        "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7"
    })
}

pub fn example_list() -> Value {
    json!({ "data": [example_key()], "has_more": false, "total": 1 })
}

pub fn example_deleted() -> Value {
    json!({ "id": "key_01jd3q8y7zk2m4n6p8r0t2v4x8", "deleted": true })
}

/// An API key. The secret itself is shown only once, when the key is created.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = example_key)]
pub struct ApiKey {
    pub id: ApiKeyId,
    /// A label to tell keys apart.
    pub name: String,
    /// `test` keys work on sandbox data, `live` keys on production data.
    pub mode: Mode,
    /// The secret's prefix and last four characters, to recognise it by.
    pub redacted: String,
    pub scopes: Vec<Scope>,
    /// Set when the key is limited to one location.
    pub location_id: Option<LocationId>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A new API key, with its secret. Store the secret now: it is never shown again.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = example_created)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKey,
    /// The bearer token (`vsk_test_…` or `vsk_live_…`).
    pub secret: String,
}

/// A new key. Its mode is the calling key's mode; its scopes and location can only narrow the
/// calling key's, never widen them.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = example_create)]
pub struct CreateApiKey {
    /// A label to tell keys apart.
    #[schema(inline)]
    pub name: Option<SingleLine<100>>,
    /// Defaults to the calling key's scopes; at least one, and no more items than there are
    /// scopes.
    #[schema(min_items = 1, max_items = 13)]
    pub scopes: Option<Vec<Scope>>,
    /// Limit the key to one location. Defaults to the calling key's location, if it has one.
    pub location_id: Option<LocationId>,
}

// `CreateApiKey::scopes`' `max_items` is the number of scopes.
const _: () = assert!(Scope::ALL.len() == 13);

/// Paging for `GET /api-keys`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListApiKeys {
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
}

list_type!(
    /// A page of API keys, newest first. Revoked keys are not listed.
    #[schema(example = example_list)]
    ApiKeyList,
    ApiKey
);
