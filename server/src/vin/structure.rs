//! ISO 3779 structure: input normalisation, the position-9 check digit and the
//! position-10 model-year code. Everything here is pure and table-free.

use super::VinError;

/// Length of every VIN since 1981 (ISO 3779, 49 CFR 565).
pub(crate) const VIN_LEN: usize = 17;

/// Check-digit weights for positions 1-17; position 9 (the check digit itself)
/// weighs 0 so the same loop can run over the whole VIN.
const WEIGHTS: [u32; VIN_LEN] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// Position-10 codes in cycle order: 1980..=2009, then the cycle repeats.
/// I, O, Q, U, Z and 0 are never year codes.
const YEAR_CODES: &[u8; 30] = b"ABCDEFGHJKLMNPRSTVWXY123456789";

/// A VIN that passed the character and length rules; always 17 ASCII bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Vin(String);

impl Vin {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// 1-based position, as the standards number them.
    pub(crate) fn at(&self, position: usize) -> u8 {
        self.0.as_bytes()[position - 1]
    }

    /// 1-based inclusive range of positions.
    pub(crate) fn span(&self, from: usize, to: usize) -> &str {
        &self.0[from - 1..to]
    }
}

/// Trims, uppercases (ASCII only, so a non-ASCII letter can't turn into a
/// valid one) and checks length and alphabet. Reports the first problem only,
/// left to right, so the message points at one fixable thing.
pub(crate) fn normalise(input: &str) -> Result<Vin, VinError> {
    let vin = input.trim().to_ascii_uppercase();
    let len = vin.chars().count();
    if len != VIN_LEN {
        return Err(VinError::Length(len));
    }
    for (index, c) in vin.chars().enumerate() {
        let position = index + 1;
        match c {
            'I' | 'O' | 'Q' => {
                return Err(VinError::ForbiddenLetter {
                    letter: c,
                    position,
                });
            }
            'A'..='Z' | '0'..='9' => {}
            _ => {
                return Err(VinError::InvalidCharacter {
                    character: c,
                    position,
                });
            }
        }
    }
    Ok(Vin(vin))
}

/// ISO 3779 / 49 CFR 565.15 transliteration: letters map to 1-9 in three runs
/// (A-H, J-R, S-Z), skipping the values I, O and Q would have taken.
fn transliterate(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'H' => u32::from(c - b'A') + 1,
        b'J'..=b'N' => u32::from(c - b'J') + 1,
        b'P' => 7,
        b'R' => 9,
        b'S'..=b'Z' => u32::from(c - b'S') + 2,
        // normalise() admits nothing else.
        _ => unreachable!("transliterate called with {c:?}"),
    }
}

/// The check digit the other 16 characters call for: '0'-'9', or 'X' for 10.
pub(crate) fn expected_check_digit(vin: &Vin) -> char {
    let sum: u32 = vin
        .bytes()
        .iter()
        .zip(WEIGHTS)
        .map(|(&c, w)| transliterate(c) * w)
        .sum();
    match sum % 11 {
        10 => 'X',
        r => char::from_digit(r, 10).expect("remainder of 11 is a digit"),
    }
}

/// The year of `code` in the first cycle (1980-2009), if it is a year code.
pub(crate) fn first_cycle_year(code: u8) -> Option<i32> {
    let index = YEAR_CODES.iter().position(|&c| c == code)?;
    Some(1980 + i32::try_from(index).expect("index < 30"))
}

/// North American rule (49 CFR 565.15, light vehicles): a digit in position 7
/// means 1980-2009, a letter means 2010-2039.
pub(crate) fn year_by_position_7(code: u8, position_7: u8) -> Option<i32> {
    let year = first_cycle_year(code)?;
    Some(if position_7.is_ascii_alphabetic() {
        year + 30
    } else {
        year
    })
}

/// Latest year in the code's 30-year cycle that is not after next year's
/// models; used when nothing in the VIN says which cycle applies.
pub(crate) fn most_recent_year(code: u8, reference_year: i32) -> Option<i32> {
    let mut year = first_cycle_year(code)?;
    while year + 30 <= reference_year + 1 {
        year += 30;
    }
    Some(year)
}

/// Calendar year (UTC) of a Unix timestamp, without a date crate.
pub(crate) fn year_of_unix_seconds(secs: u64) -> i32 {
    // Civil-from-days (H. Hinnant): eras of 400 years = 146,097 days.
    let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX / 2) + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153; // 0 = March
    let year = year_of_era + era * 400 + i64::from(month_index >= 10);
    i32::try_from(year).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vin(s: &str) -> Vin {
        normalise(s).expect("valid VIN")
    }

    #[test]
    fn splits_positions_one_based() {
        let v = vin("1HGCM82633A004352");
        assert_eq!(v.span(1, 3), "1HG");
        assert_eq!(v.span(4, 8), "CM826");
        assert_eq!(v.at(9), b'3');
        assert_eq!(v.span(10, 17), "3A004352");
    }

    #[test]
    fn normalises_case_and_surrounding_whitespace() {
        assert_eq!(vin("  1hgcm82633a004352\n").as_str(), "1HGCM82633A004352");
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(normalise("1HGCM82633A00435"), Err(VinError::Length(16)));
        assert_eq!(normalise("1HGCM82633A0043522"), Err(VinError::Length(18)));
        assert_eq!(normalise("   "), Err(VinError::Length(0)));
        // 16 ASCII + one 2-byte char is 17 characters: rejected for the char.
        assert_eq!(
            normalise("1HGCM82633A00435É"),
            Err(VinError::InvalidCharacter {
                character: 'É',
                position: 17
            })
        );
    }

    #[test]
    fn rejects_i_o_q_even_when_lowercase() {
        assert_eq!(
            normalise("1HGCO82633A004352"),
            Err(VinError::ForbiddenLetter {
                letter: 'O',
                position: 5
            })
        );
        assert_eq!(
            normalise("ihgcm82633a004352"),
            Err(VinError::ForbiddenLetter {
                letter: 'I',
                position: 1
            })
        );
        assert_eq!(
            normalise("1HGCM82633A00435q"),
            Err(VinError::ForbiddenLetter {
                letter: 'Q',
                position: 17
            })
        );
    }

    #[test]
    fn rejects_other_characters_with_their_position() {
        assert_eq!(
            normalise("1HGCM-2633A004352"),
            Err(VinError::InvalidCharacter {
                character: '-',
                position: 6
            })
        );
        assert_eq!(
            normalise("1HGCM 2633A004352"),
            Err(VinError::InvalidCharacter {
                character: ' ',
                position: 6
            })
        );
    }

    #[test]
    fn transliteration_matches_the_standard_table() {
        let table = [
            ("AJ", 1),
            ("BKS", 2),
            ("CLT", 3),
            ("DMU", 4),
            ("ENV", 5),
            ("FW", 6),
            ("GPX", 7),
            ("HY", 8),
            ("RZ", 9),
        ];
        for (letters, value) in table {
            for c in letters.bytes() {
                assert_eq!(transliterate(c), value, "{}", c as char);
            }
        }
        assert_eq!(transliterate(b'0'), 0);
        assert_eq!(transliterate(b'9'), 9);
    }

    #[test]
    fn computes_check_digits_including_x() {
        assert_eq!(expected_check_digit(&vin("1HGCM82633A004352")), '3');
        assert_eq!(expected_check_digit(&vin("1M8GDM9AXKP042788")), 'X');
        assert_eq!(expected_check_digit(&vin("5YFB4MDE8PP030258")), '8');
        // Position 9 is weighted 0, so a wrong digit there doesn't move the result.
        assert_eq!(expected_check_digit(&vin("1HGCM82643A004352")), '3');
    }

    #[test]
    fn year_codes_in_both_cycles() {
        let cases = [
            (b'A', 1980, 2010),
            (b'H', 1987, 2017),
            (b'J', 1988, 2018),
            (b'P', 1993, 2023),
            (b'R', 1994, 2024),
            (b'V', 1997, 2027),
            (b'Y', 2000, 2030),
            (b'1', 2001, 2031),
            (b'9', 2009, 2039),
        ];
        for (code, early, late) in cases {
            assert_eq!(
                year_by_position_7(code, b'5'),
                Some(early),
                "{}",
                code as char
            );
            assert_eq!(
                year_by_position_7(code, b'C'),
                Some(late),
                "{}",
                code as char
            );
        }
    }

    #[test]
    fn non_year_codes_have_no_year() {
        for code in [b'U', b'Z', b'0', b'I', b'O', b'Q'] {
            assert_eq!(first_cycle_year(code), None, "{}", code as char);
        }
    }

    #[test]
    fn most_recent_year_never_lands_after_next_year() {
        assert_eq!(most_recent_year(b'A', 2026), Some(2010));
        assert_eq!(most_recent_year(b'3', 2026), Some(2003));
        assert_eq!(most_recent_year(b'T', 2026), Some(2026));
        assert_eq!(most_recent_year(b'V', 2026), Some(2027));
        assert_eq!(most_recent_year(b'W', 2026), Some(1998));
        assert_eq!(most_recent_year(b'A', 2045), Some(2040));
    }

    #[test]
    fn unix_seconds_to_year() {
        assert_eq!(year_of_unix_seconds(0), 1970);
        assert_eq!(year_of_unix_seconds(951_782_400), 2000); // 2000-02-29
        assert_eq!(year_of_unix_seconds(1_767_225_599), 2025); // 2025-12-31T23:59:59Z
        assert_eq!(year_of_unix_seconds(1_767_225_600), 2026); // 2026-01-01T00:00:00Z
    }
}
