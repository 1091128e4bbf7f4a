//! `GET /vin/{vin}`: decode a VIN.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::auth::Caller;
use crate::core::text::Vin;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::ApiPath;
use crate::http::responses::{BadRequest, Forbidden, InvalidVin, Unauthorized};
use crate::state::AppState;
use crate::vin::{DecodedVin, VinError};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(decode_vin))
}

/// The answer every endpoint gives for a VIN that does not decode. Its shape is stated by the
/// spec (a 400 when the request breaks it); a wrong check digit, which no pattern can state, is a
/// 422.
pub fn invalid_vin(err: VinError) -> ApiError {
    let status = match err {
        VinError::CheckDigit { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::BAD_REQUEST,
    };
    ApiError::new(status, "invalid_vin", err.to_string()).with_param("vin")
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
    params(("vin" = inline(Vin), Path, description = "The VIN to decode (case-insensitive).", example = "1HGCM82633A004352")),
    responses(
        (status = 200, description = "The decoded VIN.", body = DecodedVin, example = json!(crate::vin::example())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = InvalidVin),
    ),
    security(("bearer" = ["vin:decode"])),
)]
async fn decode_vin(
    State(state): State<AppState>,
    // Authenticates the request (401 without a valid key); the scope is checked by the spec.
    _caller: Caller,
    ApiPath(vin): ApiPath<Vin>,
) -> ApiResult<Json<DecodedVin>> {
    state
        .vin
        .decode(vin.as_str())
        .await
        .map(Json)
        .map_err(invalid_vin)
}
