//! Webhook signatures: `sha256=` + hex HMAC-SHA256(secret, "{timestamp}.{raw body}").
//!
//! The HMAC key is the secret string's bytes (`whsec_…` included), so the seeds' copy-paste
//! verifiers work unchanged.

use hmac::{Hmac, Mac};
use rand::Rng;
use rand::distr::Alphanumeric;
use sha2::Sha256;

pub const SECRET_PREFIX: &str = "whsec_";

/// A new endpoint signing secret, `whsec_` plus 32 random alphanumerics (190 bits).
pub fn generate_secret() -> String {
    let random: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(32)
        .map(char::from)
        .collect();
    format!("{SECRET_PREFIX}{random}")
}

/// One `sha256=<hex>` value.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// The `X-VinSnap-Signature` value: one signature per valid secret, newest first, so a receiver
/// holding either the old or the new secret verifies during a rotation.
pub fn header_value(secrets: &[&str], timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .map(|secret| sign(secret, timestamp, body))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_known_vector() {
        // python3 -c "import hmac,hashlib;print(hmac.new(b'whsec_test',b'1700000000.{}',hashlib.sha256).hexdigest())"
        assert_eq!(
            sign("whsec_test", 1_700_000_000, b"{}"),
            "sha256=35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91"
        );
    }

    #[test]
    fn rotation_carries_both_signatures() {
        let value = header_value(&["whsec_new", "whsec_old"], 1, b"x");
        let parts: Vec<_> = value.split(',').collect();
        assert_eq!(
            parts,
            [sign("whsec_new", 1, b"x"), sign("whsec_old", 1, b"x")]
        );
    }

    #[test]
    fn secrets_are_prefixed_and_distinct() {
        let (a, b) = (generate_secret(), generate_secret());
        assert!(a.starts_with(SECRET_PREFIX) && a.len() == 38);
        assert_ne!(a, b);
    }
}
