//! Offline VIN decoder behind `GET /vin/{vin}`.
//!
//! ISO 3779 structure (WMI 1-3, VDS 4-8, check digit 9, VIS 10-17), the North
//! American check digit, model year from position 10, and the manufacturer
//! from an embedded WMI table (`server/data/wmi.csv`). A [`VinProvider`] adds
//! model, trim, body, engine and plant: the server uses [`vpic::Vpic`], NHTSA's
//! vPIC tables decoded offline. The WMI-table result stands on its own when the
//! provider is absent or does not know the VIN (`source` says which answered).
//!
//! Check-digit policy: mandatory for North America and China (see
//! `region::check_digit_required`), reported but not enforced elsewhere.

mod decoded;
mod error;
mod provider;
mod region;
mod structure;
pub mod vpic;
mod wmi;

use std::fmt;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

pub use decoded::{DecodeSource, DecodedVin, ModelYearBasis, example};
pub use error::VinError;
pub use provider::{VehicleDetails, VinProvider};

use structure::Vin;
use wmi::WmiTable;

/// Decodes VINs. Cheap to clone: the WMI table is parsed once per process and
/// shared behind an `Arc`.
#[derive(Clone)]
pub struct VinDecoder {
    table: Arc<WmiTable>,
    provider: Option<Arc<dyn VinProvider>>,
    /// Upper bound for model years where the VIN has no cycle marker;
    /// fixed at construction so one decoder answers consistently.
    reference_year: i32,
}

impl VinDecoder {
    /// Decoder with the embedded WMI table and no provider.
    pub fn new() -> Self {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        VinDecoder {
            table: WmiTable::embedded(),
            provider: None,
            reference_year: structure::year_of_unix_seconds(secs),
        }
    }

    /// Adds a provider (the vPIC decoder) consulted by [`VinDecoder::decode`].
    pub fn with_provider(self, provider: Arc<dyn VinProvider>) -> Self {
        VinDecoder {
            provider: Some(provider),
            ..self
        }
    }

    /// Validates and decodes without any I/O. Errors only for input that is
    /// not a VIN (length, alphabet, or a wrong check digit where mandatory).
    pub fn decode_offline(&self, vin: &str) -> Result<DecodedVin, VinError> {
        let vin = structure::normalise(vin)?;
        let (first, second) = (vin.at(1), vin.at(2));

        let found = char::from(vin.at(9));
        let expected = structure::expected_check_digit(&vin);
        let check_digit_valid = found == expected;
        let check_digit_required = region::check_digit_required(first, second);
        if check_digit_required && !check_digit_valid {
            return Err(VinError::CheckDigit { found, expected });
        }

        let wmi = vin.span(1, 3);
        let small_manufacturer_code = (vin.at(3) == b'9').then(|| vin.span(12, 14));
        let entry = self.table.lookup(wmi, small_manufacturer_code);
        let (model_year, model_year_basis) = self.model_year(&vin, check_digit_valid);

        Ok(DecodedVin {
            vin: vin.as_str().to_owned(),
            wmi: wmi.to_owned(),
            vds: vin.span(4, 8).to_owned(),
            vis: vin.span(10, 17).to_owned(),
            check_digit: found.to_string(),
            expected_check_digit: expected.to_string(),
            check_digit_valid,
            check_digit_required,
            source: DecodeSource::WmiTable,
            make: entry.map(|e| e.make.clone()),
            manufacturer: entry.and_then(|e| e.manufacturer.clone()),
            country: entry
                .and_then(|e| e.country.clone())
                .or_else(|| region::country(first, second).map(str::to_owned)),
            region: region::region(first, second).to_owned(),
            model_year,
            model_year_basis,
            plant_code: vin.span(11, 11).to_owned(),
            serial_number: vin.span(12, 17).to_owned(),
            small_manufacturer_code: small_manufacturer_code.map(str::to_owned),
            model: None,
            trim: None,
            series: None,
            body_class: None,
            vehicle_type: None,
            drive_type: None,
            engine_cylinders: None,
            engine_displacement_l: None,
            fuel_type: None,
            plant_country: None,
            plant_state: None,
            plant_city: None,
        })
    }

    /// Offline decode, then provider enrichment when one is configured. A
    /// provider that returns `None` leaves the offline result as it is.
    pub async fn decode(&self, vin: &str) -> Result<DecodedVin, VinError> {
        let mut decoded = self.decode_offline(vin)?;
        if let Some(provider) = &self.provider {
            let details = provider.enrich(&decoded).await;
            if let Some(details) = details {
                decoded.apply(details);
            }
        }
        Ok(decoded)
    }

    /// A valid check digit means the VIN follows the North American scheme,
    /// whose position-7 rule fixes the 30-year cycle (also for imports built
    /// for that market). Other VINs carry no cycle marker, so the most recent
    /// plausible cycle is the best guess.
    fn model_year(
        &self,
        vin: &Vin,
        follows_na_scheme: bool,
    ) -> (Option<i32>, Option<ModelYearBasis>) {
        let code = vin.at(10);
        let (year, basis) = if follows_na_scheme {
            (
                structure::year_by_position_7(code, vin.at(7)),
                ModelYearBasis::Position7,
            )
        } else {
            (
                structure::most_recent_year(code, self.reference_year),
                ModelYearBasis::MostRecentCycle,
            )
        };
        (year, year.map(|_| basis))
    }
}

impl Default for VinDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for VinDecoder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VinDecoder")
            .field("wmi_codes", &self.table.len())
            .field("provider", &self.provider.is_some())
            .field("reference_year", &self.reference_year)
            .finish()
    }
}

#[cfg(test)]
mod tests;
