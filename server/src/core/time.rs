//! The API's clock reading: UTC, truncated to milliseconds so stored and returned timestamps
//! read the same (`2026-11-22T10:15:30.123Z`) everywhere.

use chrono::{DateTime, SubsecRound, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}
