//! What every handler can reach.

use sqlx::SqlitePool;
use std::sync::Arc;

use crate::config::Config;
use crate::signing::LinkSigner;
use crate::vin::VinDecoder;

#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub vin: Arc<VinDecoder>,
    pub config: Arc<Config>,
    pub links: LinkSigner,
}

impl AppState {
    pub fn new(db: SqlitePool) -> Self {
        Self::with_config(db, Config::default())
    }

    pub fn with_config(db: SqlitePool, config: Config) -> Self {
        Self {
            links: LinkSigner::new(config.link_secret.clone()),
            db,
            vin: Arc::new(VinDecoder::new()),
            config: Arc::new(config),
        }
    }
}
