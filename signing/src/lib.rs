//! Webhook signatures, as DESIGN.md lays them out: `X-VinSnap-Timestamp` holds Unix seconds and
//! `X-VinSnap-Signature` one or more comma-separated `sha256=` values, each the hex HMAC-SHA256
//! of `"{timestamp}.{raw body}"` keyed with an endpoint secret's bytes (`whsec_…` included, so
//! the seeds' copy-paste verifiers work unchanged). During a secret rotation the header carries
//! one value per secret, newest first.
//!
//! The server signs deliveries with it, the mock signs its test deliveries with it, and the SDK
//! verifies with it; `sdk-rust/tests/vectors.json` pins the scheme for every language.
//!
//! ```
//! let value = vinsnap_signing::header_value(&["whsec_new", "whsec_old"], 1_795_000_000, b"{}");
//! assert!(vinsnap_signing::matches("whsec_old", "1795000000", b"{}", &value));
//! assert!(!vinsnap_signing::matches("whsec_other", "1795000000", b"{}", &value));
//! ```

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What every endpoint secret starts with.
pub const SECRET_PREFIX: &str = "whsec_";

/// The event type of a delivery.
pub const EVENT_HEADER: &str = "x-vinsnap-event";
/// The delivery id, stable across retries: a receiver's dedupe key.
pub const DELIVERY_HEADER: &str = "x-vinsnap-delivery";
/// When the delivery was signed, in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "x-vinsnap-timestamp";
/// One or more comma-separated `sha256=<hex>` signatures.
pub const SIGNATURE_HEADER: &str = "x-vinsnap-signature";

/// How far a delivery's timestamp may be from the receiver's clock, either way.
pub const TOLERANCE_SECS: u64 = 300;

/// One signature value, `sha256=<hex>`, for `body` sent at `timestamp` under `secret`.
///
/// ```
/// // python3 -c "import hmac,hashlib;print(hmac.new(b'whsec_test',b'1700000000.{}',hashlib.sha256).hexdigest())"
/// assert_eq!(
///     vinsnap_signing::signature("whsec_test", 1_700_000_000, b"{}"),
///     "sha256=35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91"
/// );
/// ```
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mac = mac(secret, &timestamp.to_string(), body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// The `X-VinSnap-Signature` value: one signature per secret, in the order given (newest first),
/// so a receiver holding either the old or the new secret verifies during a rotation.
pub fn header_value(secrets: &[&str], timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .map(|secret| signature(secret, timestamp, body))
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether any `sha256=` value of `header` (an `X-VinSnap-Signature` value) is `secret`'s
/// signature of `body` at `timestamp`, compared in constant time. `timestamp` is the
/// `X-VinSnap-Timestamp` text exactly as received: re-serialising a parsed number would accept a
/// header the sender did not sign (`+17…`, `017…`). The caller checks the timestamp's age.
pub fn matches(secret: &str, timestamp: &str, body: &[u8], header: &str) -> bool {
    let mac = mac(secret, timestamp, body);
    header
        .split(',')
        .filter_map(|value| value.trim().strip_prefix("sha256="))
        .filter_map(|hex_sig| hex::decode(hex_sig).ok())
        .any(|candidate| mac.clone().verify_slice(&candidate).is_ok())
}

fn mac(secret: &str, timestamp: &str, body: &[u8]) -> Hmac<Sha256> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_known_vector() {
        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assert_eq!(
            signature("whsec_test", 1_700_000_000, br#"{"a":1}"#),
            "sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789"
        );
    }

    #[test]
    fn rotation_carries_both_signatures() {
        let value = header_value(&["whsec_new", "whsec_old"], 1, b"x");
        let parts: Vec<_> = value.split(',').collect();
        assert_eq!(
            parts,
            [
                signature("whsec_new", 1, b"x"),
                signature("whsec_old", 1, b"x")
            ]
        );
        assert!(matches("whsec_new", "1", b"x", &value));
        assert!(matches("whsec_old", "1", b"x", &value));
    }

    #[test]
    fn anything_else_does_not_match() {
        let value = signature("whsec_s", 1_795_000_000, b"{}");
        assert!(
            !matches("whsec_s", "01795000000", b"{}", &value),
            "timestamp text"
        );
        assert!(!matches("whsec_s", "1795000000", b"{ }", &value), "body");
        assert!(!matches("whsec_t", "1795000000", b"{}", &value), "secret");
        assert!(
            !matches("whsec_s", "1795000000", b"{}", "sha256=zz, md5=00"),
            "garbage"
        );
        assert!(!matches("whsec_s", "1795000000", b"{}", ""), "empty");
    }
}
