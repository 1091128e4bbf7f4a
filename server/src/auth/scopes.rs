//! Permission scopes carried by API keys. A key may do exactly what its scopes name.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A permission an API key can carry.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
pub enum Scope {
    #[serde(rename = "customers:read")]
    CustomersRead,
    #[serde(rename = "customers:write")]
    CustomersWrite,
    #[serde(rename = "vehicles:read")]
    VehiclesRead,
    #[serde(rename = "vehicles:write")]
    VehiclesWrite,
    #[serde(rename = "vin:decode")]
    VinDecode,
    #[serde(rename = "locations:read")]
    LocationsRead,
    #[serde(rename = "keys:manage")]
    KeysManage,
    #[serde(rename = "jobs:read")]
    JobsRead,
    #[serde(rename = "jobs:write")]
    JobsWrite,
    #[serde(rename = "invoices:read")]
    InvoicesRead,
    #[serde(rename = "invoices:write")]
    InvoicesWrite,
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
    #[serde(rename = "parts:read")]
    PartsRead,
}

impl Scope {
    pub const ALL: &'static [Scope] = &[
        Scope::CustomersRead,
        Scope::CustomersWrite,
        Scope::VehiclesRead,
        Scope::VehiclesWrite,
        Scope::VinDecode,
        Scope::LocationsRead,
        Scope::KeysManage,
        Scope::JobsRead,
        Scope::JobsWrite,
        Scope::InvoicesRead,
        Scope::InvoicesWrite,
        Scope::WebhooksManage,
        Scope::PartsRead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::CustomersRead => "customers:read",
            Scope::CustomersWrite => "customers:write",
            Scope::VehiclesRead => "vehicles:read",
            Scope::VehiclesWrite => "vehicles:write",
            Scope::VinDecode => "vin:decode",
            Scope::LocationsRead => "locations:read",
            Scope::KeysManage => "keys:manage",
            Scope::JobsRead => "jobs:read",
            Scope::JobsWrite => "jobs:write",
            Scope::InvoicesRead => "invoices:read",
            Scope::InvoicesWrite => "invoices:write",
            Scope::WebhooksManage => "webhooks:manage",
            Scope::PartsRead => "parts:read",
        }
    }

    pub fn parse(raw: &str) -> Option<Scope> {
        Scope::ALL.iter().copied().find(|s| s.as_str() == raw)
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Stored as one space-separated column; unknown names (from a newer server) are dropped rather
/// than failing every request made with the key.
pub fn decode_column(raw: &str) -> Vec<Scope> {
    let mut scopes: Vec<Scope> = raw.split_whitespace().filter_map(Scope::parse).collect();
    scopes.sort();
    scopes.dedup();
    scopes
}

pub fn encode_column(scopes: &[Scope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
