//! `GET /vin/{vin}`: decode a VIN.

use axum::Json;
use axum::extract::State;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::auth::{Caller, Scope};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::ApiPath;
use crate::http::responses::{Forbidden, InvalidVin, Unauthorized};
use crate::state::AppState;
use crate::vin::{DecodedVin, VinError};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(decode_vin))
}

/// The 400 every endpoint gives for a VIN that fails validation.
pub fn invalid_vin(err: VinError) -> ApiError {
    ApiError::bad_request("invalid_vin", err.to_string()).with_param("vin")
}

/// Decode a VIN
///
/// Validates the VIN's structure (ISO 3779: 17 characters, no I, O or Q; the check digit at
/// position 9 where it is mandatory) and decodes what the VIN itself says: manufacturer, make
/// and country from the WMI, model year, plant code and serial number. Requires the
/// `vin:decode` scope.
#[utoipa::path(
    get, path = "/vin/{vin}", tag = "vin", operation_id = "decode_vin",
    params(("vin" = String, Path, description = "The VIN to decode (case-insensitive).", example = "1HGCM82633A004352")),
    responses(
        (status = 200, description = "What the VIN says.", body = DecodedVin, example = json!(crate::vin::example())),
        (status = 400, response = InvalidVin),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = ["vin:decode"])),
)]
async fn decode_vin(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(vin): ApiPath<String>,
) -> ApiResult<Json<DecodedVin>> {
    caller.require(Scope::VinDecode)?;
    state.vin.decode(&vin).await.map(Json).map_err(invalid_vin)
}
