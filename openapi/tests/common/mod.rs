//! Shared by the integration tests: the fixture spec.

use vinsnap_openapi::Spec;

pub const MINI_JSON: &str = include_str!("../fixtures/mini.json");

pub fn mini() -> Spec {
    vinsnap_openapi::parse(MINI_JSON).expect("fixture parses")
}
