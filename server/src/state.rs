//! What every handler can reach.

use sqlx::SqlitePool;
use std::sync::Arc;

use crate::dispatcher::Webhooks;
use crate::vin::VinDecoder;

#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub vin: Arc<VinDecoder>,
    pub webhooks: Arc<Webhooks>,
}

impl AppState {
    pub fn new(db: SqlitePool) -> Self {
        Self {
            db,
            vin: Arc::new(VinDecoder::new()),
            webhooks: Arc::new(Webhooks::default()),
        }
    }

    /// With webhook settings other than the strict defaults (local receivers, a time scale).
    pub fn with_webhooks(mut self, webhooks: Webhooks) -> Self {
        self.webhooks = Arc::new(webhooks);
        self
    }
}
