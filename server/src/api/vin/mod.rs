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
/// position 9 where it is mandatory) and decodes it with NHTSA's vPIC data (an offline copy):
/// make, model, model year, trim, series, body class, vehicle type, drive type, engine, fuel,
/// plant and manufacturer, plus the VIN's own structure (WMI country, plant code, serial
/// number). Fields the data does not give are `null`; `source` says whether vPIC answered or,
/// when the server runs without the data or vPIC does not know the WMI, the embedded WMI table
/// alone. Requires the `vin:decode` scope.
#[utoipa::path(
    get, path = "/vin/{vin}", tag = "vin", operation_id = "decode_vin",
    params(("vin" = String, Path, description = "The VIN to decode (case-insensitive).", example = "1HGCM82633A004352")),
    responses(
        (status = 200, description = "The decoded VIN.", body = DecodedVin, example = json!(crate::vin::example())),
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
