//! What every handler can reach.

use sqlx::SqlitePool;
use std::sync::Arc;

use crate::vin::VinDecoder;

#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub vin: Arc<VinDecoder>,
}

impl AppState {
    pub fn new(db: SqlitePool) -> Self {
        Self {
            db,
            vin: Arc::new(VinDecoder::new()),
        }
    }
}
