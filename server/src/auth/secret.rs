//! API key secrets: minted once, shown once, stored only as a SHA-256 digest.
//!
//! A plain digest (no salt, no slow KDF) is right here: the secrets are 190 bits of randomness,
//! so they cannot be guessed from the digest, and a fast digest keeps the per-request lookup cheap.

use rand::Rng;
use rand::distr::Alphanumeric;
use sha2::{Digest, Sha256};

use super::Mode;

const RANDOM_LEN: usize = 32;

/// A new secret such as `vsk_test_4eC39HqLyjWDarjtT1zdp7dc…`.
pub fn generate(mode: Mode) -> String {
    let random: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(RANDOM_LEN)
        .map(char::from)
        .collect();
    format!("{}{random}", mode.key_prefix())
}

pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// What listings show instead of the secret: the prefix and the last four characters.
pub fn redact(secret: &str) -> String {
    let tail = &secret[secret.len().saturating_sub(4)..];
    let prefix = Mode::of_secret(secret)
        .map(Mode::key_prefix)
        .unwrap_or("vsk_");
    format!("{prefix}…{tail}")
}
