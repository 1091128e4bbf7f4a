//! The embedded World Manufacturer Identifier table (`server/data/wmi.csv`,
//! built by `server/data/build_wmi.py`; see `server/data/README.md`).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

const WMI_CSV: &str = include_str!("../../data/wmi.csv");

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WmiEntry {
    pub(crate) make: String,
    pub(crate) manufacturer: Option<String>,
    pub(crate) country: Option<String>,
}

/// Why a WMI CSV was refused. Only reachable with hand-edited data: the
/// embedded file is checked by the tests below.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("wmi.csv line {line}: {reason}")]
pub(crate) struct WmiTableError {
    line: u64,
    reason: String,
}

/// WMI -> entry. Keys are 3 characters, or 6 for small manufacturers
/// (a WMI whose third character is '9', followed by VIN positions 12-14).
#[derive(Debug, Default)]
pub(crate) struct WmiTable {
    entries: HashMap<String, WmiEntry>,
}

#[derive(serde::Deserialize)]
struct Row {
    wmi: String,
    make: String,
    manufacturer: String,
    country: String,
}

fn is_vin_char(c: u8) -> bool {
    (c.is_ascii_uppercase() || c.is_ascii_digit()) && !matches!(c, b'I' | b'O' | b'Q')
}

fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_owned())
}

impl WmiTable {
    /// The embedded table, parsed once per process and shared.
    pub(crate) fn embedded() -> Arc<WmiTable> {
        static TABLE: OnceLock<Arc<WmiTable>> = OnceLock::new();
        TABLE
            .get_or_init(|| {
                Arc::new(WmiTable::from_csv(WMI_CSV).expect("embedded wmi.csv is checked by tests"))
            })
            .clone()
    }

    /// Parses `wmi,make,manufacturer,country` rows, refusing malformed codes,
    /// empty makes and duplicate keys (a duplicate would silently shadow a row).
    pub(crate) fn from_csv(text: &str) -> Result<Self, WmiTableError> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| WmiTableError {
                line: 1,
                reason: e.to_string(),
            })?
            .clone();
        let mut entries = HashMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| WmiTableError {
                line: e.position().map_or(0, csv::Position::line),
                reason: e.to_string(),
            })?;
            let line = record.position().map_or(0, csv::Position::line);
            let fail = |reason: String| WmiTableError { line, reason };
            let row: Row = record
                .deserialize(Some(&headers))
                .map_err(|e| fail(e.to_string()))?;
            let code = row.wmi.trim().to_owned();
            let bytes = code.as_bytes();
            let well_formed = bytes.iter().all(|&c| is_vin_char(c))
                && (bytes.len() == 3 || (bytes.len() == 6 && bytes[2] == b'9'));
            if !well_formed {
                return Err(fail(format!(
                    "{code:?} is not a WMI (3 VIN characters, or 6 with '9' third)"
                )));
            }
            let Some(make) = non_empty(row.make) else {
                return Err(fail(format!("{code} has no make")));
            };
            let entry = WmiEntry {
                make,
                manufacturer: non_empty(row.manufacturer),
                country: non_empty(row.country),
            };
            if entries.insert(code.clone(), entry).is_some() {
                return Err(fail(format!("{code} is listed twice")));
            }
        }
        Ok(WmiTable { entries })
    }

    /// Small manufacturers share a WMI ending in '9' and are told apart by
    /// positions 12-14, so a 6-character key wins over the shared 3-character
    /// one when the table has it.
    pub(crate) fn lookup(&self, wmi: &str, small_manufacturer: Option<&str>) -> Option<&WmiEntry> {
        small_manufacturer
            .and_then(|code| self.entries.get(&format!("{wmi}{code}")))
            .or_else(|| self.entries.get(wmi))
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = (&String, &WmiEntry)> {
        self.entries.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::super::region;
    use super::*;

    #[test]
    fn embedded_table_has_at_least_1500_unique_wmis() {
        let table = WmiTable::embedded();
        assert!(table.len() >= 1500, "only {} WMIs", table.len());
        // from_csv refuses duplicates; also make sure no row was lost.
        let data_rows = WMI_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(data_rows, table.len());
    }

    #[test]
    fn embedded_countries_agree_with_the_range_table() {
        for (code, entry) in WmiTable::embedded().iter() {
            let b = code.as_bytes();
            assert_eq!(
                entry.country.as_deref(),
                region::country(b[0], b[1]),
                "country of {code} disagrees with countries.csv"
            );
        }
    }

    #[test]
    fn well_known_wmis() {
        let table = WmiTable::embedded();
        let make = |wmi: &str| table.lookup(wmi, None).map(|e| e.make.as_str());
        assert_eq!(make("1HG"), Some("Honda"));
        assert_eq!(make("1G1"), Some("Chevrolet"));
        assert_eq!(make("1FT"), Some("Ford"));
        assert_eq!(make("JTD"), Some("Toyota"));
        assert_eq!(make("WBA"), Some("BMW"));
        assert_eq!(make("WVW"), Some("Volkswagen"));
        assert_eq!(make("KMH"), Some("Hyundai"));
        assert_eq!(make("YV1"), Some("Volvo"));
        assert_eq!(make("LRW"), Some("Tesla"));
        assert_eq!(make("5YJ"), Some("Tesla"));
        assert_eq!(make("ZZZ"), None);
        let honda = table.lookup("1HG", None).expect("1HG");
        assert_eq!(honda.manufacturer.as_deref(), Some("Honda Motor Co., Ltd."));
        assert_eq!(honda.country.as_deref(), Some("United States"));
    }

    #[test]
    fn refuses_duplicates() {
        let csv = "wmi,make,manufacturer,country\n1HG,Honda,,\nJTD,Toyota,,\n1HG,Acura,,\n";
        let err = WmiTable::from_csv(csv).expect_err("duplicate");
        assert_eq!(err.to_string(), "wmi.csv line 4: 1HG is listed twice");
    }

    #[test]
    fn refuses_malformed_rows() {
        let bad_code = "wmi,make,manufacturer,country\n1IG,Honda,,\n";
        assert!(WmiTable::from_csv(bad_code).is_err());
        let bad_small = "wmi,make,manufacturer,country\n1HG123,Honda,,\n";
        assert!(WmiTable::from_csv(bad_small).is_err());
        let no_make = "wmi,make,manufacturer,country\n1HG, ,,\n";
        assert!(WmiTable::from_csv(no_make).is_err());
        let short_row = "wmi,make,manufacturer,country\n1HG,Honda\n";
        assert!(WmiTable::from_csv(short_row).is_err());
    }

    #[test]
    fn small_manufacturer_key_wins_over_shared_wmi() {
        let csv = "wmi,make,manufacturer,country\nYT9,Shared,,Sweden\nYT9007,Koenigsegg,Koenigsegg Automotive AB,Sweden\n";
        let table = WmiTable::from_csv(csv).expect("valid");
        assert_eq!(
            table.lookup("YT9", Some("007")).map(|e| e.make.as_str()),
            Some("Koenigsegg")
        );
        assert_eq!(
            table.lookup("YT9", Some("123")).map(|e| e.make.as_str()),
            Some("Shared")
        );
        assert_eq!(
            table.lookup("YT9", None).map(|e| e.make.as_str()),
            Some("Shared")
        );
    }
}
