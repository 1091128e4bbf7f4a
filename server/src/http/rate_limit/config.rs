//! How many requests a minute each shop tier's keys may make, per category. The defaults are the
//! published table for `pro`; `serve --rate-limits FILE.json` replaces them.

use serde::Deserialize;
use std::num::NonZeroU32;

use super::Category;
use crate::auth::Tier;

/// Requests per minute, per API key, for each category.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierLimits {
    pub reads: NonZeroU32,
    pub writes: NonZeroU32,
    pub parts_search: NonZeroU32,
    pub vin_decode: NonZeroU32,
}

impl TierLimits {
    pub fn of(&self, category: Category) -> NonZeroU32 {
        match category {
            Category::Read => self.reads,
            Category::Write => self.writes,
            Category::PartsSearch => self.parts_search,
            Category::VinDecode => self.vin_decode,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimits {
    pub free: TierLimits,
    pub pro: TierLimits,
    pub enterprise: TierLimits,
    /// A key refused this many times (429) within a minute has burst past its limit: it is then
    /// throttled, every request refused, for `throttle_seconds`.
    pub throttle_after_rejections: NonZeroU32,
    pub throttle_seconds: u64,
}

fn limits(reads: u32, writes: u32, parts_search: u32, vin_decode: u32) -> TierLimits {
    let n = |v| NonZeroU32::new(v).expect("default limits are positive");
    TierLimits {
        reads: n(reads),
        writes: n(writes),
        parts_search: n(parts_search),
        vin_decode: n(vin_decode),
    }
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            free: limits(120, 30, 20, 10),
            pro: limits(600, 120, 60, 30),
            enterprise: limits(3000, 600, 300, 150),
            throttle_after_rejections: NonZeroU32::new(10).expect("positive"),
            throttle_seconds: 60,
        }
    }
}

impl RateLimits {
    pub fn tier(&self, tier: Tier) -> &TierLimits {
        match tier {
            Tier::Free => &self.free,
            Tier::Pro => &self.pro,
            Tier::Enterprise => &self.enterprise,
        }
    }

    pub fn from_json_file(path: &std::path::Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)?;
        Ok(serde_json::from_str(&text)?)
    }
}
