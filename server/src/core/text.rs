//! The kinds of text a request may carry. Each kind's rule is one regular expression, used both
//! to check the value as it is deserialized and as the `pattern` of its schema in the spec, so the
//! server refuses exactly what the spec says is invalid (and the mock, which validates against the
//! spec, refuses the same).
//!
//! A field's type says its kind and its length: `NonBlankLine<200>` is a required single line of
//! at most 200 characters. Lengths count Unicode scalar values, as JSON Schema's `maxLength` does.
//! The types implement `PartialSchema` but not `ToSchema`, so a field must say
//! `#[schema(inline)]` (`#[param(inline)]`) and the rule appears where the field is documented.
//!
//! The patterns use only syntax that ECMA-262, Python's `re` and Rust's `regex` read alike: plain
//! character classes with `\xHH` and `\uHHHH` escapes, no `\s` (whose meaning differs between them)
//! and no look-around.

use serde::de::{Deserialize, Deserializer, Error as _};
use std::sync::LazyLock;
use utoipa::PartialSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

/// Control characters (C0, DEL and C1) and the Unicode line and paragraph separators: none of
/// them belongs in a single line of text (a name, an email address, a mail header).
const NOT_IN_A_LINE: &str = r"\x00-\x1f\x7f-\x9f\u2028\u2029";
/// Control characters other than tab, line feed and carriage return.
const NOT_IN_TEXT: &str = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f";
/// The white space (Unicode `White_Space`) that is left once control characters and line
/// separators are refused; a non-blank line needs a character outside it. Trimming removes it.
const SPACES: &str = r" \xa0\u1680\u2000-\u200a\u202f\u205f\u3000";

/// A single line of text, possibly blank (`""` or spaces: "none", which clears a field in an
/// update). Stored trimmed.
pub static SINGLE_LINE: LazyLock<String> = LazyLock::new(|| format!("^[^{NOT_IN_A_LINE}]*$"));
/// A single line with at least one character that is not white space. Stored trimmed.
pub static NON_BLANK_LINE: LazyLock<String> =
    LazyLock::new(|| format!("^[^{NOT_IN_A_LINE}]*[^{NOT_IN_A_LINE}{SPACES}][^{NOT_IN_A_LINE}]*$"));
/// Free text over several lines (tab, LF and CR allowed), possibly blank. Stored trimmed.
pub static MULTI_LINE: LazyLock<String> = LazyLock::new(|| format!("^[^{NOT_IN_TEXT}]*$"));

/// An email address as mail servers take it: a dot-atom local part of ASCII `atext`, an `@`, and
/// a domain of two or more LDH labels (1 to 63 characters, not starting or ending with `-`). `""`
/// means none. No spaces, quoted local parts or IP literals.
pub const EMAIL: &str = concat!(
    r"^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*",
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?",
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)?$",
);
pub const EMAIL_MAX: usize = 254;

/// A VIN as ISO 3779 writes it: 17 digits and letters other than I, O and Q (either case).
pub const VIN: &str = "^[A-HJ-NPR-Za-hj-npr-z0-9]{17}$";
/// A VIN stored as given (`auto_decode: false`): 1 to 17 letters and digits, as pre-1981 VINs
/// follow no common standard.
pub const ANY_VIN: &str = "^[A-Za-z0-9]{1,17}$";

/// Labor hours: a decimal with at most two decimals, from `0.01` to `1000`, without leading zeros.
pub const HOURS: &str =
    r"^(?:[1-9][0-9]{0,2}(?:\.[0-9]{1,2})?|0\.(?:0[1-9]|[1-9][0-9]?)|1000(?:\.00?)?)$";

/// A phone number as people write it: digits and `+ - . ( ) x X` and spaces, with at least three
/// digits. `""` means none.
pub const PHONE: &str = r"^(?:[ +\-.()xX]*(?:[0-9][ +\-.()xX]*){3,})?$";
pub const PHONE_MAX: usize = 40;

fn compiled(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("the text patterns compile")
}

static SINGLE_LINE_RE: LazyLock<regex::Regex> = LazyLock::new(|| compiled(&SINGLE_LINE));
static NON_BLANK_LINE_RE: LazyLock<regex::Regex> = LazyLock::new(|| compiled(&NON_BLANK_LINE));
static MULTI_LINE_RE: LazyLock<regex::Regex> = LazyLock::new(|| compiled(&MULTI_LINE));

/// The schema of a string field: its length bounds and pattern.
fn string_schema(min: usize, max: usize, pattern: &str, description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length((min > 0).then_some(min))
        .max_length(Some(max))
        .pattern(Some(pattern))
        .description(Some(description))
        .into()
}

/// A text kind's schema is written where its field is (its length is part of the field), never
/// as a shared component: `ToSchema::name` is what utoipa asks for to make a `$ref`.
pub(crate) fn must_be_inline(kind: &str) -> std::borrow::Cow<'static, str> {
    panic!("a field of type {kind} needs #[schema(inline)] (or #[param(inline)]) to state its rule")
}

/// Checks `value` against a kind's length and pattern; `what` says in words what the pattern
/// asks, for the error message, and `lines` whether line breaks and tabs are allowed.
fn check(
    value: &str,
    max: usize,
    pattern: &regex::Regex,
    what: &str,
    lines: bool,
) -> Result<(), String> {
    let len = value.chars().count();
    if len > max {
        return Err(format!("must be at most {max} characters, got {len}"));
    }
    if pattern.is_match(value) {
        return Ok(());
    }
    let control = value.char_indices().find(|(_, c)| match c {
        '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => !lines,
        c => c.is_control(),
    });
    Err(match (control, lines) {
        (Some((at, c)), false) => format!(
            "must be one line without control characters, found U+{:04X} at character {}",
            c as u32,
            value[..at].chars().count() + 1
        ),
        (Some((at, c)), true) => format!(
            "must not contain control characters other than tabs and line breaks, found U+{:04X} at character {}",
            c as u32,
            value[..at].chars().count() + 1
        ),
        (None, _) => format!("must be {what}"),
    })
}

/// Declares a text kind: a newtype over the trimmed string, its deserializer (the check) and its
/// schema (the statement of the same check).
macro_rules! text_kind {
    ($(#[$meta:meta])* $name:ident, min = $min:literal, lines = $lines:literal, $pattern:expr, $regex:expr, $what:literal, $description:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name<const MAX: usize>(String);

        impl<const MAX: usize> $name<MAX> {
            /// The value, trimmed.
            pub fn into_inner(self) -> String {
                self.0
            }

            /// The value, or `None` when it is blank.
            pub fn into_option(self) -> Option<String> {
                Some(self.0).filter(|s| !s.is_empty())
            }
        }

        impl<'de, const MAX: usize> Deserialize<'de> for $name<MAX> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                check(&raw, MAX, &$regex, $what, $lines).map_err(D::Error::custom)?;
                Ok(Self(raw.trim().to_owned()))
            }
        }

        impl<const MAX: usize> utoipa::ToSchema for $name<MAX> {
            fn name() -> std::borrow::Cow<'static, str> {
                must_be_inline(stringify!($name))
            }
        }

        impl<const MAX: usize> PartialSchema for $name<MAX> {
            fn schema() -> RefOr<Schema> {
                string_schema($min, MAX, &$pattern, $description)
            }
        }
    };
}

text_kind!(
    /// A single line of text, possibly blank (blank means none).
    SingleLine, min = 0, lines = false, SINGLE_LINE, SINGLE_LINE_RE, "a single line",
    "One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."
);
text_kind!(
    /// A required single line: at least one character that is not white space.
    NonBlankLine, min = 1, lines = false, NON_BLANK_LINE, NON_BLANK_LINE_RE, "a single line that is not blank",
    "One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed."
);
text_kind!(
    /// Free text, line breaks allowed, possibly blank (blank means none).
    MultiLine, min = 0, lines = true, MULTI_LINE, MULTI_LINE_RE, "text",
    "Free text: line breaks and tabs allowed, no other control characters; surrounding white space is trimmed, and a blank value means none."
);

/// Declares a string kind whose whole value follows one pattern (the pattern says where spaces
/// may go; the value is stored trimmed). Where the pattern admits `""`, it means none.
macro_rules! pattern_kind {
    ($(#[$meta:meta])* $name:ident, $pattern:expr, $max:expr, $what:literal, $description:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// The value, or `None` for `""`.
            pub fn into_option(self) -> Option<String> {
                Some(self.0).filter(|s| !s.is_empty())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                static RE: LazyLock<regex::Regex> = LazyLock::new(|| compiled($pattern));
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                check(&raw, $max, &RE, $what, false).map_err(D::Error::custom)?;
                Ok(Self(raw.trim().to_owned()))
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                must_be_inline(stringify!($name))
            }
        }

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                string_schema(0, $max, $pattern, $description)
            }
        }
    };
}

pattern_kind!(
    /// An email address (see [`EMAIL`]), or `""` for none.
    Email, EMAIL, EMAIL_MAX, "an email address such as `s.chen@email.com`",
    "An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `\"\"` means none."
);
pattern_kind!(
    /// A phone number (see [`PHONE`]), or `""` for none.
    Phone, PHONE, PHONE_MAX, "a phone number such as `555-0142` or `+1 (555) 014-2000` (digits, spaces and `+ - . ( ) x`, at least three digits)",
    "As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`, at least three digits, at most 40 characters; `\"\"` means none."
);

pattern_kind!(
    /// A VIN in ISO 3779 form (see [`VIN`]); its check digit is checked when it is decoded.
    Vin, VIN, 17, "17 digits and letters other than I, O and Q",
    "A 17-character VIN: digits and letters other than I, O and Q (either case). Where the VIN's region mandates a check digit (North America), position 9 must match it."
);
/// The `vin` of a vehicle body (see [`ANY_VIN`]). Unlike the other kinds it is checked by the
/// handler rather than as it is read, together with the decoder's checks, so that every problem
/// with a body's VIN is the one `invalid_vin` error.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(transparent)]
pub struct AnyVin(String);

impl AnyVin {
    /// The VIN if it has the stated shape.
    pub fn checked(&self) -> Result<&str, String> {
        static RE: LazyLock<regex::Regex> = LazyLock::new(|| compiled(ANY_VIN));
        match RE.is_match(&self.0) {
            true => Ok(&self.0),
            false => Err(format!(
                "`vin` must be 1 to 17 letters and digits, got {:?}",
                self.0
            )),
        }
    }
}

impl utoipa::ToSchema for AnyVin {
    fn name() -> std::borrow::Cow<'static, str> {
        must_be_inline("AnyVin")
    }
}

impl PartialSchema for AnyVin {
    fn schema() -> RefOr<Schema> {
        string_schema(
            1,
            17,
            ANY_VIN,
            "1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 \
             VIN (no I, O or Q), which is then decoded.",
        )
    }
}

pattern_kind!(
    /// Labor hours (see [`HOURS`]).
    Hours, HOURS, 7, "hours from \"0.01\" to \"1000\" with at most two decimals",
    "Hours as a decimal string with at most two decimals, from `\"0.01\"` to `\"1000\"` (no leading zeros)."
);

/// A single line written other than through the API (the CLI's shop, location and key names),
/// by the same rule as the API's: no control characters, trimmed.
pub fn line(value: &str, max: usize) -> Result<String, String> {
    check(value, max, &SINGLE_LINE_RE, "a single line", false).map(|()| value.trim().to_owned())
}

/// [`line`] that must not be blank.
pub fn non_blank_line(value: &str, max: usize) -> Result<String, String> {
    check(
        value,
        max,
        &NON_BLANK_LINE_RE,
        "a single line that is not blank",
        false,
    )
    .map(|()| value.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn lines_refuse_control_characters_and_are_trimmed() {
        let ok: NonBlankLine<10> = parse(r#"" Sarah ""#).unwrap();
        assert_eq!(ok.into_inner(), "Sarah");
        for bad in [
            r#""Sa\nrah""#,
            r#""Sa\u0000""#,
            r#""\u0085x""#,
            r#""a\u2028b""#,
        ] {
            let err = parse::<NonBlankLine<10>>(bad).unwrap_err();
            assert!(
                err.contains("one line without control characters"),
                "{bad}: {err}"
            );
        }
        assert!(parse::<NonBlankLine<10>>(r#""  ""#).is_err());
        assert!(
            parse::<NonBlankLine<3>>(r#""abcd""#)
                .unwrap_err()
                .contains("at most 3")
        );
        let blank: SingleLine<10> = parse(r#""  ""#).unwrap();
        assert_eq!(blank.into_option(), None);
        let text: MultiLine<20> = parse(r#""one\r\ntwo\tthree""#).unwrap();
        assert_eq!(text.into_inner(), "one\r\ntwo\tthree");
        assert!(parse::<MultiLine<20>>(r#""one\u0007""#).is_err());
    }

    /// Trimming (Rust's `White_Space`) removes exactly what the pattern calls white space, so a
    /// value the pattern calls non-blank never trims to nothing, and the other way round.
    #[test]
    fn the_spaces_class_is_the_white_space_a_line_may_hold() {
        let spaces = compiled(&format!("^[{SPACES}]$"));
        let controls = compiled(&format!("^[{NOT_IN_A_LINE}]$"));
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            let s = c.to_string();
            if controls.is_match(&s) {
                continue;
            }
            assert_eq!(spaces.is_match(&s), c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn emails() {
        for good in ["s.chen@email.com", "a+b@x.co.uk", "o'neil@a-b.example", ""] {
            assert!(parse::<Email>(&format!("{good:?}")).is_ok(), "{good}");
        }
        for bad in [
            "nope",
            "a@b",
            "@x.com",
            "a b@x.com",
            "a@@x.com",
            "a@x.",
            "a..b@x.com",
            " a@x.com",
            "a@-x.com",
            "josé@x.com",
            "a@x.com\n",
        ] {
            assert!(parse::<Email>(&format!("{bad:?}")).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for good in ["555-0142", "+1 (555) 014-2000 x12", ""] {
            assert!(parse::<Phone>(&format!("{good:?}")).is_ok(), "{good}");
        }
        for bad in ["call me", "12", "   ", "555\n0142"] {
            assert!(parse::<Phone>(&format!("{bad:?}")).is_err(), "{bad}");
        }
    }
}
