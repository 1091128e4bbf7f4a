//! The decoder's result type; its doc comments are the API documentation of
//! the `GET /vin/{vin}` response.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::VehicleDetails;

/// How `model_year` was chosen among the years its position-10 code can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModelYearBasis {
    /// North American rule (49 CFR 565.15): position 7 a digit means
    /// 1980-2009, a letter means 2010-2039. Used when the check digit is valid,
    /// i.e. the VIN follows the North American scheme.
    #[serde(rename = "position_7")]
    Position7,
    /// No cycle marker in the VIN: the latest year the code can mean that is
    /// not after next year.
    MostRecentCycle,
    /// Supplied by the online provider.
    Provider,
}

/// A VIN decoded into its ISO 3779 parts, with what the offline WMI table
/// knows about its manufacturer and, when an online provider is configured,
/// model details. Fields that cannot be known are `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = example)]
pub struct DecodedVin {
    /// The VIN as decoded: trimmed and uppercased, always 17 characters.
    pub vin: String,
    /// World Manufacturer Identifier, positions 1-3.
    pub wmi: String,
    /// Vehicle Descriptor Section, positions 4-8 (manufacturer-specific
    /// model, body and engine codes).
    pub vds: String,
    /// Vehicle Identifier Section, positions 10-17 (model year, plant,
    /// serial number).
    pub vis: String,
    /// Position 9 as it appears in the VIN.
    pub check_digit: String,
    /// The check digit the other 16 characters compute to (`0`-`9` or `X`),
    /// using the North American transliteration and weights, mod 11.
    pub expected_check_digit: String,
    /// Whether `check_digit` equals `expected_check_digit`.
    pub check_digit_valid: bool,
    /// Whether this VIN's region mandates the check digit: North America
    /// (WMI starting 1-5, or 7F-70) and China (`L`). There an invalid check
    /// digit is rejected with 400 `invalid_vin`; elsewhere it is only reported.
    pub check_digit_required: bool,
    /// Make (brand) from the embedded WMI table, e.g. "Honda".
    pub make: Option<String>,
    /// Company group that owns the make (for Chinese joint ventures, the joint
    /// venture), e.g. "Honda Motor Co., Ltd."; `null` when the table has no
    /// unambiguous owner.
    pub manufacturer: Option<String>,
    /// Country the WMI was allocated to (ISO 3780 ranges), e.g. "United States".
    pub country: Option<String>,
    /// Region of the first character (ISO 3780): North America, South
    /// America, Europe, Asia, Africa or Oceania.
    pub region: String,
    /// Model year from position 10. The code repeats every 30 years; see
    /// `model_year_basis` for how the cycle was chosen. Some manufacturers
    /// kept a digit in position 7 after 2010, which this rule reads as the
    /// 1980-2009 cycle; an online provider corrects that when configured.
    /// `null` if position 10 is not a year code (U, Z, 0).
    pub model_year: Option<i32>,
    /// How `model_year` was resolved; `null` when there is no model year.
    pub model_year_basis: Option<ModelYearBasis>,
    /// Assembly plant code, position 11 (manufacturer-specific).
    pub plant_code: String,
    /// Production sequence, positions 12-17. For small manufacturers (WMI
    /// third character `9`) positions 12-14 identify the manufacturer instead.
    pub serial_number: String,
    /// Positions 12-14 when the WMI's third character is `9`: the code that,
    /// with the WMI, identifies a manufacturer building fewer than 1,000
    /// vehicles a year.
    pub small_manufacturer_code: Option<String>,
    /// Model name; needs an online provider.
    pub model: Option<String>,
    /// Trim or series; needs an online provider.
    pub trim: Option<String>,
    /// Body class, e.g. "Sedan/Saloon"; needs an online provider.
    pub body_class: Option<String>,
}

impl DecodedVin {
    /// Merges provider details: provider values win where present, since
    /// they come from the manufacturer's own coding rather than the WMI alone.
    pub(crate) fn apply(&mut self, details: VehicleDetails) {
        let VehicleDetails {
            model,
            trim,
            body_class,
            make,
            manufacturer,
            model_year,
        } = details;
        self.model = model.or(self.model.take());
        self.trim = trim.or(self.trim.take());
        self.body_class = body_class.or(self.body_class.take());
        self.make = make.or(self.make.take());
        self.manufacturer = manufacturer.or(self.manufacturer.take());
        if let Some(year) = model_year {
            self.model_year = Some(year);
            self.model_year_basis = Some(ModelYearBasis::Provider);
        }
    }
}

/// The documented example: what the decoder returns for 1HGCM82633A004352.
pub fn example() -> serde_json::Value {
    serde_json::json!({
        "vin": "1HGCM82633A004352",
        "wmi": "1HG",
        "vds": "CM826",
        "vis": "3A004352",
        "check_digit": "3",
        "expected_check_digit": "3",
        "check_digit_valid": true,
        "check_digit_required": true,
        "make": "Honda",
        "manufacturer": "Honda Motor Co., Ltd.",
        "country": "United States",
        "region": "North America",
        "model_year": 2003,
        "model_year_basis": "position_7",
        "plant_code": "A",
        "serial_number": "004352",
        "small_manufacturer_code": null,
        "model": null,
        "trim": null,
        "body_class": null
    })
}
