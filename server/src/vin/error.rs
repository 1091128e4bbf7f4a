/// Why a string is not an acceptable VIN. `Display` is a sentence meant for
/// the API caller (it becomes the message of the 400 `invalid_vin` error).
/// Positions are 1-based, as printed on documents and in the standards.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VinError {
    /// Not 17 characters after trimming surrounding whitespace.
    #[error("VIN must be 17 characters, got {0}")]
    Length(usize),
    /// I, O or Q: excluded from VINs because they read like 1, 0 and 0.
    #[error(
        "VIN contains '{letter}' at position {position}; the letters I, O and Q are never used in VINs"
    )]
    ForbiddenLetter { letter: char, position: usize },
    /// Anything that is not a digit or an ASCII letter (punctuation, spaces,
    /// accented letters); shown escaped so invisible characters are visible.
    #[error(
        "VIN contains {character:?} at position {position}; only the digits 0-9 and the letters A-Z except I, O and Q are allowed"
    )]
    InvalidCharacter { character: char, position: usize },
    /// Position 9 disagrees with the checksum in a region that mandates it.
    #[error("check digit at position 9 is '{found}' but the VIN's characters give '{expected}'")]
    CheckDigit { found: char, expected: char },
}

impl VinError {
    /// Stable machine-readable reason, for an error `details` field.
    pub fn reason(&self) -> &'static str {
        match self {
            VinError::Length(_) => "length",
            VinError::ForbiddenLetter { .. } => "forbidden_letter",
            VinError::InvalidCharacter { .. } => "invalid_character",
            VinError::CheckDigit { .. } => "check_digit",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_sentences() {
        assert_eq!(
            VinError::Length(16).to_string(),
            "VIN must be 17 characters, got 16"
        );
        assert_eq!(
            VinError::ForbiddenLetter {
                letter: 'O',
                position: 5
            }
            .to_string(),
            "VIN contains 'O' at position 5; the letters I, O and Q are never used in VINs"
        );
        assert_eq!(
            VinError::InvalidCharacter {
                character: '\t',
                position: 3
            }
            .to_string(),
            "VIN contains '\\t' at position 3; only the digits 0-9 and the letters A-Z except I, O and Q are allowed"
        );
        assert_eq!(
            VinError::CheckDigit {
                found: '3',
                expected: 'X'
            }
            .to_string(),
            "check digit at position 9 is '3' but the VIN's characters give 'X'"
        );
    }

    #[test]
    fn reasons_are_distinct() {
        let reasons = [
            VinError::Length(0).reason(),
            VinError::ForbiddenLetter {
                letter: 'I',
                position: 1,
            }
            .reason(),
            VinError::InvalidCharacter {
                character: '-',
                position: 1,
            }
            .reason(),
            VinError::CheckDigit {
                found: '1',
                expected: '2',
            }
            .reason(),
        ];
        let unique: std::collections::HashSet<_> = reasons.iter().collect();
        assert_eq!(unique.len(), reasons.len());
    }
}
