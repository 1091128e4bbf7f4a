//! `/locations`: the shop's locations, and which location a write lands in.

use crate::db::Conn;
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::auth::Caller;
use crate::core::bounded::{Limit, Offset};
use crate::core::ids::{LocationId, ShopId};
use crate::db;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::ApiQuery;
use crate::http::pagination::{Page, list_type};
use crate::http::responses::{BadRequest, Forbidden, Unauthorized};
use crate::state::AppState;

fn example_location() -> Value {
    json!({
        "id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7",
        "name": "Main Street",
        "address": "1200 Main St, Springfield, IL 62701",
        "created_at": "2026-11-01T08:00:00.000Z"
    })
}

fn example_list() -> Value {
    json!({ "data": [example_location()], "has_more": false, "total": 1 })
}

/// A physical location of the shop. Keys can be limited to one location.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
#[schema(example = example_location)]
pub struct Location {
    pub id: LocationId,
    pub name: String,
    pub address: String,
    pub created_at: DateTime<Utc>,
}

list_type!(
    /// A page of locations, oldest first.
    #[schema(example = example_list)]
    LocationList,
    Location
);

/// Paging for `GET /locations`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListLocations {
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_locations))
}

/// List locations
///
/// The shop's locations (just its own for a location-limited key). Requires the
/// `locations:read` scope.
#[utoipa::path(
    get, path = "/locations", tag = "locations", operation_id = "list_locations",
    params(ListLocations),
    responses(
        (status = 200, description = "A page of locations.", body = LocationList, example = json!(example_list())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = ["locations:read"])),
)]
async fn list_locations(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ListLocations>,
) -> ApiResult<Json<LocationList>> {
    let page = Page::new(query.limit, query.offset);
    let (data, total) = db::Listing::new("locations", "shop_id = $1 AND ($2 IS NULL OR id = $2)")
        .bind(&caller.shop_id)
        .bind(&caller.location_id)
        .page(&state.db, "id, name, address, created_at", "id", page)
        .await?;
    Ok(Json(LocationList::new(data, page, total)))
}

/// The location a new or moved resource lands in. A location-limited key can only write to its
/// own location; an unrestricted key may name any location of the shop and defaults to the
/// shop's first.
pub async fn resolve_for_write(
    conn: &mut Conn,
    caller: &Caller,
    requested: Option<&LocationId>,
) -> ApiResult<LocationId> {
    if let Some(own) = &caller.location_id {
        return match requested {
            Some(other) if other != own => Err(ApiError::forbidden(
                "location_forbidden",
                format!("This API key is limited to location {own} and cannot write to {other}"),
            )),
            _ => Ok(own.clone()),
        };
    }
    let found: Option<LocationId> = match requested {
        Some(id) => {
            db::query("SELECT id FROM locations WHERE id = $1 AND shop_id = $2")
                .bind(id)
                .bind(&caller.shop_id)
                .fetch_optional_scalar(&mut *conn)
                .await?
        }
        None => first_location(conn, &caller.shop_id).await?,
    };
    found.ok_or_else(|| match requested {
        Some(id) => ApiError::not_found("location", id).with_param("location_id"),
        None => ApiError::internal(),
    })
}

pub async fn first_location(conn: &mut Conn, shop: &ShopId) -> sqlx::Result<Option<LocationId>> {
    db::query("SELECT id FROM locations WHERE shop_id = $1 ORDER BY id LIMIT 1")
        .bind(shop)
        .fetch_optional_scalar(conn)
        .await
}
