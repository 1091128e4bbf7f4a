//! vPIC pattern keys: how a `Pattern.Keys` string is matched against a VIN, and which characters it
//! allows at each position.
//!
//! A VIN is matched through its *key string*: positions 4-8, `|`, positions 10-17 (14 bytes;
//! `spVinDecode_Core` builds it the same way). A pattern key matches when it is a prefix of that
//! string, position by position. vPIC evaluates keys two ways, and we follow both:
//! - without `[`: SQL `LIKE` with `*` turned into `_` and a `%` appended, so `*` and `_` match any
//!   one character and everything else is literal;
//! - with `[`: a regular expression where `*` is any character, `[..]` a character class with
//!   ranges, and everything else (`_` included) literal. vPIC's own translation rewrites the
//!   malformed class `1-A` as `1A`; so do we.

/// Length of the key string of a 17-character VIN.
pub(crate) const KEY_LEN: usize = 14;

/// One position of a compiled key: the set of characters it accepts, as bits of [`bit`].
type Mask = u64;

const ANY: Mask = u64::MAX;

/// Bit of a character: `0`-`9`, `A`-`Z`, `|`, `#`, `_`; anything else shares one bit that no
/// VIN character has.
fn bit(c: u8) -> Mask {
    let index = match c {
        b'0'..=b'9' => c - b'0',
        b'A'..=b'Z' => c - b'A' + 10,
        b'a'..=b'z' => c - b'a' + 10,
        b'|' => 36,
        b'#' => 37,
        b'_' => 38,
        _ => 39,
    };
    1 << index
}

const DIGITS: Mask = 0x3ff;

/// The VIN's key string: positions 4-8, `|`, positions 10-17.
pub(crate) fn vin_keys(vin: &[u8; 17]) -> [u8; KEY_LEN] {
    let mut keys = [b'|'; KEY_LEN];
    keys[..5].copy_from_slice(&vin[3..8]);
    keys[6..].copy_from_slice(&vin[9..17]);
    keys
}

/// The key string with every digit replaced by `#`, for formula patterns.
pub(crate) fn formula_keys(keys: &[u8; KEY_LEN]) -> [u8; KEY_LEN] {
    keys.map(|c| if c.is_ascii_digit() { b'#' } else { c })
}

/// A pattern key compiled for matching and for the valid-character check.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    /// What each position of the key string must be for the key to match.
    matches: Box<[Mask]>,
    /// The characters the key names at each position (vPIC's `fValidCharsInKey`): none for `*`,
    /// all digits for `#`.
    names: Box<[Mask]>,
}

impl Key {
    pub(crate) fn compile(text: &str) -> Key {
        let text = text.to_ascii_uppercase();
        if text.contains('[') {
            Self::compile_regex(&text)
        } else {
            Self::compile_like(&text)
        }
    }

    fn compile_like(text: &str) -> Key {
        let (matches, names): (Vec<Mask>, Vec<Mask>) = text
            .bytes()
            .map(|c| match c {
                b'*' => (ANY, 0),
                b'_' => (ANY, bit(c)),
                b'#' => (bit(c), DIGITS),
                _ => (bit(c), bit(c)),
            })
            .unzip();
        Key {
            matches: matches.into(),
            names: names.into(),
        }
    }

    fn compile_regex(text: &str) -> Key {
        let text = text.replace("1-A", "1A");
        let bytes = text.as_bytes();
        let (mut matches, mut names) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'*' => {
                    matches.push(ANY);
                    names.push(0);
                }
                b'[' => {
                    let end = bytes[i..]
                        .iter()
                        .position(|&c| c == b']')
                        .map_or(bytes.len(), |n| i + n);
                    let class = class_mask(&bytes[i + 1..end]);
                    matches.push(class);
                    names.push(class & !bit(b'|'));
                    i = end;
                }
                b'#' => {
                    matches.push(bit(b'#'));
                    names.push(DIGITS);
                }
                c => {
                    matches.push(bit(c));
                    names.push(bit(c));
                }
            }
            i += 1;
        }
        Key {
            matches: matches.into(),
            names: names.into(),
        }
    }

    /// Whether the key is a prefix match of `keys` (a VIN's key string).
    pub(crate) fn matches(&self, keys: &[u8; KEY_LEN]) -> bool {
        self.matches.len() <= KEY_LEN
            && self
                .matches
                .iter()
                .zip(keys)
                .all(|(mask, &c)| mask & bit(c) != 0)
    }

    /// Whether the character at key-string index `index` is one the key names.
    pub(crate) fn names_at(&self, index: usize, c: u8) -> bool {
        self.names.get(index).is_some_and(|mask| mask & bit(c) != 0)
    }

    /// Adds the characters this key names to `valid`, one mask per key-string index.
    pub(crate) fn add_names(&self, valid: &mut [Mask; KEY_LEN]) {
        for (slot, mask) in valid.iter_mut().zip(self.names.iter()) {
            *slot |= mask;
        }
    }
}

/// Characters a `[..]` class body accepts: single characters and `a-z` style ranges, `^` first to
/// negate.
fn class_mask(body: &[u8]) -> Mask {
    let (negate, body) = match body.split_first() {
        Some((b'^', rest)) => (true, rest),
        _ => (false, body),
    };
    let mut mask = 0;
    let mut i = 0;
    while i < body.len() {
        if i + 2 < body.len() && body[i + 1] == b'-' {
            for c in body[i]..=body[i + 2] {
                mask |= bit(c);
            }
            i += 3;
        } else {
            mask |= bit(body[i]);
            i += 1;
        }
    }
    if negate { !mask } else { mask }
}

/// Valid characters per key-string index, as [`Key::add_names`] collects them.
pub(crate) type ValidChars = [Mask; KEY_LEN];

/// Whether `c` is among the valid characters of a position; a position no key names accepts all.
pub(crate) fn is_valid(valid: &ValidChars, index: usize, c: u8) -> bool {
    valid[index] == 0 || valid[index] & bit(c) != 0
}

/// The characters of one position, in vPIC's order (digits, then letters), for suggestions.
pub(crate) fn chars_of(mask: Mask) -> impl Iterator<Item = u8> {
    (b'0'..=b'9')
        .chain(b'A'..=b'Z')
        .filter(move |&c| mask & bit(c) != 0 && !matches!(c, b'I' | b'O' | b'Q'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(vin: &str) -> [u8; KEY_LEN] {
        vin_keys(vin.as_bytes().try_into().unwrap())
    }

    #[test]
    fn key_string_skips_the_check_digit() {
        assert_eq!(&keys("1HGCM82633A004352"), b"CM826|3A004352");
        assert_eq!(&formula_keys(&keys("1HGCM82633A004352")), b"CM###|#A######");
    }

    #[test]
    fn like_keys_are_prefixes_with_single_character_wildcards() {
        let vin = keys("1HGCM82633A004352");
        assert!(Key::compile("CM8").matches(&vin));
        assert!(Key::compile("CM8*6").matches(&vin));
        assert!(Key::compile("*****|*A").matches(&vin));
        assert!(Key::compile("C_8").matches(&vin));
        assert!(!Key::compile("CM9").matches(&vin));
        assert!(!Key::compile("*****|*B").matches(&vin));
        // Longer than the key string: never a prefix.
        assert!(!Key::compile("CM826|3A0043521").matches(&vin));
        // `#` is literal when matching (digits only turn into `#` for formula patterns).
        assert!(!Key::compile("CM#").matches(&vin));
        assert!(Key::compile("CM#").matches(&formula_keys(&vin)));
    }

    #[test]
    fn bracket_keys_are_classes_with_ranges() {
        let vin = keys("1HGCM82633A004352");
        assert!(Key::compile("C[A-N]8").matches(&vin));
        assert!(Key::compile("[ABC][KLM][0-9]").matches(&vin));
        assert!(Key::compile("*[F-LM-TV]").matches(&vin));
        assert!(!Key::compile("C[A-L]8").matches(&vin));
        assert!(!Key::compile("[^C]").matches(&vin));
        // In the regex form `_` is literal.
        assert!(!Key::compile("C[M]_").matches(&vin));
        // vPIC's rewrite of the malformed `1-A`: the class is 1, A-J and T.
        assert!(Key::compile("[1-A-JT]").matches(&keys("1HGGM82633A004352")));
        assert!(!Key::compile("[1-A-JT]").matches(&keys("1HG5M82633A004352")));
    }

    #[test]
    fn names_are_the_characters_a_key_allows() {
        let mut valid = [0; KEY_LEN];
        Key::compile("C*[1-3]#*|*A").add_names(&mut valid);
        assert!(is_valid(&valid, 0, b'C') && !is_valid(&valid, 0, b'D'));
        // `*` names nothing, so the position accepts anything.
        assert!(is_valid(&valid, 1, b'Z'));
        assert_eq!(chars_of(valid[2]).collect::<Vec<_>>(), b"123");
        assert_eq!(chars_of(valid[3]).collect::<Vec<_>>(), b"0123456789");
        assert!(is_valid(&valid, 7, b'A') && !is_valid(&valid, 7, b'B'));
        let key = Key::compile("C*[1-3]");
        assert!(key.names_at(2, b'2') && !key.names_at(2, b'4') && !key.names_at(1, b'A'));
        assert!(!key.names_at(9, b'A'));
    }
}
