//! Server settings that are not per shop: where links point, how mail leaves, and the clock.
//! `main` fills it from flags and environment; tests build one directly.

use std::path::PathBuf;
use std::sync::Arc;

pub use crate::core::time::{Clock, ManualClock, SystemClock};

#[derive(Clone)]
pub struct Config {
    /// The externally reachable base URL, used to build links the server hands out (PDFs).
    pub public_url: String,
    /// `smtp://host:port` (plain), `smtp://host:port?tls=required` (STARTTLS) or
    /// `smtps://user:pass@host` (TLS). Without it, mail is written to `outbox` as `.eml` files.
    pub smtp_url: Option<String>,
    /// The sender's address; the shop's name is shown as the display name.
    pub mail_from: String,
    pub outbox: PathBuf,
    /// The key that signs PDF links. Without it one is generated once and kept in the database.
    pub link_secret: Option<String>,
    /// How long a signed PDF link stays valid.
    pub pdf_link_ttl: chrono::Duration,
    /// The one clock every resource and event is stamped with, and expiry is checked against.
    pub clock: Arc<dyn Clock>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:8080".into(),
            smtp_url: None,
            mail_from: "invoices@vinsnap.localhost".into(),
            outbox: PathBuf::from("outbox"),
            link_secret: None,
            pdf_link_ttl: chrono::Duration::days(7),
            clock: Arc::new(SystemClock),
        }
    }
}
