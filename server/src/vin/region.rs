//! Where a VIN was assigned: ISO 3780 regions (first character) and country
//! ranges (first two characters, data in `server/data/countries.csv`), plus the policy of
//! which of them must carry a valid check digit.

use std::sync::OnceLock;

/// Order of the second character inside an ISO 3780 range: letters (no I, O,
/// Q), then 1-9, then 0 last.
const RANGE_ORDER: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ1234567890";

const COUNTRIES_CSV: &str = include_str!("../../data/countries.csv");

#[derive(Debug)]
struct CountryRange {
    first: u8,
    from: usize,
    to: usize,
    country: String,
}

fn rank(c: u8) -> Option<usize> {
    RANGE_ORDER.iter().position(|&r| r == c)
}

fn ranges() -> &'static [CountryRange] {
    static RANGES: OnceLock<Vec<CountryRange>> = OnceLock::new();
    RANGES.get_or_init(|| parse_ranges(COUNTRIES_CSV).expect("countries.csv is checked by tests"))
}

fn parse_ranges(text: &str) -> Result<Vec<CountryRange>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = record.map_err(|e| format!("countries.csv line {line}: {e}"))?;
        let (Some(from), Some(to), Some(country)) = (record.get(0), record.get(1), record.get(2))
        else {
            return Err(format!(
                "countries.csv line {line}: expected from,to,country"
            ));
        };
        let (from, to) = (from.as_bytes(), to.as_bytes());
        let bounds = (from.len() == 2 && to.len() == 2 && from[0] == to[0])
            .then(|| Some((rank(from[1])?, rank(to[1])?)))
            .flatten();
        match bounds {
            Some((lo, hi)) if lo <= hi && !country.is_empty() => out.push(CountryRange {
                first: from[0],
                from: lo,
                to: hi,
                country: country.to_owned(),
            }),
            _ => return Err(format!("countries.csv line {line}: bad range {record:?}")),
        }
    }
    Ok(out)
}

/// Country the first two characters were allocated to, if any.
pub(crate) fn country(first: u8, second: u8) -> Option<&'static str> {
    let pos = rank(second)?;
    ranges()
        .iter()
        .find(|r| r.first == first && (r.from..=r.to).contains(&pos))
        .map(|r| r.country.as_str())
}

/// ISO 3780 region. 'H' was reallocated from Africa to China, and '7' is
/// split: 7A-7E New Zealand, the rest United States.
pub(crate) fn region(first: u8, second: u8) -> &'static str {
    match first {
        b'1'..=b'5' => "North America",
        b'7' if matches!(second, b'A'..=b'E') => "Oceania",
        b'7' => "North America",
        b'6' => "Oceania",
        b'8' | b'9' => "South America",
        b'A'..=b'G' => "Africa",
        b'H'..=b'R' => "Asia",
        _ => "Europe",
    }
}

/// Whether a wrong check digit makes the VIN invalid rather than just flagged.
/// North America (49 CFR 565 / CMVSS 115 / NOM-001) requires it for every
/// vehicle; China's GB 16735 requires the same algorithm for 'L' WMIs. Europe,
/// Japan and others leave position 9 to the manufacturer (often a filler such
/// as 'Z'), so there a mismatch is reported but not rejected.
pub(crate) fn check_digit_required(first: u8, second: u8) -> bool {
    region(first, second) == "North America" || first == b'L'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_ranges_parse_and_do_not_overlap() {
        let all = parse_ranges(COUNTRIES_CSV).expect("valid countries.csv");
        assert!(all.len() > 100);
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                let overlap = a.first == b.first && a.from <= b.to && b.from <= a.to;
                assert!(!overlap, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn countries_of_common_prefixes() {
        let cases = [
            ("1H", "United States"),
            ("2H", "Canada"),
            ("3V", "Mexico"),
            ("4T", "United States"),
            ("5Y", "United States"),
            ("7S", "United States"),
            ("JT", "Japan"),
            ("KM", "South Korea"),
            ("LR", "China"),
            ("MA", "India"),
            ("SA", "United Kingdom"),
            ("TR", "Hungary"),
            ("VF", "France"),
            ("VS", "Spain"),
            ("WB", "Germany"),
            ("W0", "Germany"),
            ("XT", "Russia"),
            ("YV", "Sweden"),
            ("ZF", "Italy"),
            ("9B", "Brazil"),
            ("93", "Brazil"),
            ("6F", "Australia"),
        ];
        for (prefix, expected) in cases {
            let b = prefix.as_bytes();
            assert_eq!(country(b[0], b[1]), Some(expected), "{prefix}");
        }
        // Unallocated codes have no country.
        assert_eq!(country(b'E', b'A'), None);
    }

    #[test]
    fn regions_by_first_character() {
        assert_eq!(region(b'1', b'H'), "North America");
        assert_eq!(region(b'3', b'V'), "North America");
        assert_eq!(region(b'7', b'S'), "North America");
        assert_eq!(region(b'7', b'A'), "Oceania");
        assert_eq!(region(b'6', b'F'), "Oceania");
        assert_eq!(region(b'9', b'B'), "South America");
        assert_eq!(region(b'A', b'A'), "Africa");
        assert_eq!(region(b'J', b'T'), "Asia");
        assert_eq!(region(b'L', b'R'), "Asia");
        assert_eq!(region(b'W', b'B'), "Europe");
        assert_eq!(region(b'Z', b'F'), "Europe");
    }

    #[test]
    fn check_digit_policy() {
        for prefix in ["1H", "2H", "3V", "4T", "5Y", "7S", "LR", "LS"] {
            let b = prefix.as_bytes();
            assert!(check_digit_required(b[0], b[1]), "{prefix}");
        }
        for prefix in ["JT", "KM", "WB", "YV", "SA", "9B", "7A", "6F"] {
            let b = prefix.as_bytes();
            assert!(!check_digit_required(b[0], b[1]), "{prefix}");
        }
    }
}
