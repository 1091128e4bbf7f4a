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
    /// 1980-2009, a letter means 2010-2039. With vPIC, used for the passenger
    /// cars and MPVs it registers (and the few light trucks it marks); without,
    /// whenever the check digit is valid, i.e. the VIN follows the North
    /// American scheme.
    #[serde(rename = "position_7")]
    Position7,
    /// No cycle marker in the VIN: the latest year the code can mean that is
    /// not too far ahead (next year without vPIC; two years ahead with it).
    MostRecentCycle,
    /// Chosen by vPIC's rules from the schemas: the WMI has schemas for the other
    /// 30-year cycle only, or (vehicles other than cars, MPVs and light trucks, which
    /// have no position-7 marker) both cycles were decoded and the one that decodes
    /// better was kept.
    VpicSchemas,
}

/// What the decode is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecodeSource {
    /// NHTSA's vPIC pattern tables (an offline copy): make, model, trim and the
    /// vehicle's other attributes as vPIC decodes them.
    Vpic,
    /// The embedded WMI table only, because the server runs without the vPIC data
    /// or vPIC does not know this WMI: make, manufacturer and country from
    /// positions 1-3; `model`, `trim` and the other vehicle attributes are `null`.
    WmiTable,
}

/// A VIN decoded into its ISO 3779 parts and, from NHTSA's vPIC data, the
/// vehicle it describes: make, model, model year, trim, body, engine and plant.
/// `source` says which data answered. Fields that cannot be known are `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
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
    /// What the decode is based on. `vpic`: NHTSA's vPIC pattern tables (an
    /// offline copy) decoded the vehicle. `wmi_table`: only the embedded WMI
    /// table answered, because the server runs without the vPIC data or vPIC
    /// does not know this WMI; make, manufacturer, country and model year come
    /// from positions 1-3 and 10, and `model`, `trim` and the other vehicle
    /// fields are `null`.
    pub source: DecodeSource,
    /// Make (brand), e.g. "Honda": vPIC's make of the decoded model (or of the
    /// WMI when it has one make only), else the embedded WMI table's.
    pub make: Option<String>,
    /// Manufacturer: the company vPIC registers the WMI to (e.g. "AMERICAN HONDA
    /// MOTOR CO., INC."); with `wmi_table`, the company group that owns the make,
    /// e.g. "Honda Motor Co., Ltd." (`null` when not unambiguous).
    pub manufacturer: Option<String>,
    /// Country the WMI was allocated to (ISO 3780 ranges), e.g. "United States".
    pub country: Option<String>,
    /// Region of the first character (ISO 3780): North America, South
    /// America, Europe, Asia, Africa or Oceania.
    pub region: String,
    /// Model year from position 10. The code repeats every 30 years; see
    /// `model_year_basis` for how the cycle was chosen. `null` if position 10
    /// is not a year code (U, Z, 0).
    pub model_year: Option<i32>,
    /// How `model_year` was resolved; `null` when there is no model year.
    /// `position_7`: position 7 a digit means 1980-2009, a letter 2010-2039
    /// (passenger cars and MPVs). `most_recent_cycle`: the VIN has no cycle
    /// marker and the later reading is too far ahead. `vpic_schemas`: vPIC
    /// decoded both 30-year readings (trucks, buses, motorcycles, trailers) or
    /// found schemas for only one, and kept the one that decodes.
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
    /// Model, e.g. "Accord" (vPIC).
    pub model: Option<String>,
    /// Trim, e.g. "EX-V6" (vPIC).
    pub trim: Option<String>,
    /// Series, e.g. "1500" for a pickup line (vPIC).
    pub series: Option<String>,
    /// Body class, e.g. "Coupe" or "Sport Utility Vehicle (SUV)/Multi-Purpose
    /// Vehicle (MPV)" (vPIC).
    pub body_class: Option<String>,
    /// Vehicle type, e.g. "Passenger Car", "Truck", "Motorcycle" (vPIC).
    pub vehicle_type: Option<String>,
    /// Drive type, e.g. "AWD/All-Wheel Drive" (vPIC; the published data has it
    /// for few models).
    pub drive_type: Option<String>,
    /// Number of engine cylinders (vPIC).
    pub engine_cylinders: Option<u32>,
    /// Engine displacement in litres, to one decimal (vPIC).
    pub engine_displacement_l: Option<f64>,
    /// Primary fuel type, e.g. "Gasoline", "Electric" (vPIC).
    pub fuel_type: Option<String>,
    /// Country of the assembly plant, e.g. "UNITED STATES (USA)" (vPIC).
    pub plant_country: Option<String>,
    /// State or province of the assembly plant, e.g. "OHIO" (vPIC).
    pub plant_state: Option<String>,
    /// City of the assembly plant, e.g. "MARYSVILLE" (vPIC).
    pub plant_city: Option<String>,
}

impl DecodedVin {
    /// What a vehicle record calls its trim: vPIC's trim, else its series (Ford's "Lariat",
    /// a pickup's "1500"), which is what a shop writes there.
    pub fn trim_or_series(&self) -> Option<String> {
        self.trim.clone().or_else(|| self.series.clone())
    }

    /// Merges provider details: provider values win where present, since
    /// they come from the manufacturer's own coding rather than the WMI alone.
    pub(crate) fn apply(&mut self, details: VehicleDetails) {
        let VehicleDetails {
            make,
            manufacturer,
            model,
            model_year,
            model_year_basis,
            trim,
            series,
            body_class,
            vehicle_type,
            drive_type,
            engine_cylinders,
            engine_displacement_l,
            fuel_type,
            plant_country,
            plant_state,
            plant_city,
        } = details;
        self.source = DecodeSource::Vpic;
        self.make = make.or(self.make.take());
        self.manufacturer = manufacturer.or(self.manufacturer.take());
        if let Some(year) = model_year {
            self.model_year = Some(year);
            self.model_year_basis = Some(model_year_basis.unwrap_or(ModelYearBasis::VpicSchemas));
        }
        self.model = model;
        self.trim = trim;
        self.series = series;
        self.body_class = body_class;
        self.vehicle_type = vehicle_type;
        self.drive_type = drive_type;
        self.engine_cylinders = engine_cylinders;
        self.engine_displacement_l = engine_displacement_l;
        self.fuel_type = fuel_type;
        self.plant_country = plant_country;
        self.plant_state = plant_state;
        self.plant_city = plant_city;
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
        "source": "vpic",
        "make": "Honda",
        "manufacturer": "AMERICAN HONDA MOTOR CO., INC.",
        "country": "United States",
        "region": "North America",
        "model_year": 2003,
        "model_year_basis": "position_7",
        "plant_code": "A",
        "serial_number": "004352",
        "small_manufacturer_code": null,
        "model": "Accord",
        "trim": "EX-V6",
        "series": null,
        "body_class": "Coupe",
        "vehicle_type": "Passenger Car",
        "drive_type": null,
        "engine_cylinders": 6,
        "engine_displacement_l": null,
        "fuel_type": "Gasoline",
        "plant_country": "UNITED STATES (USA)",
        "plant_state": "OHIO",
        "plant_city": "MARYSVILLE"
    })
}
