//! The demo shop a first start creates, so that the README's first commands work at once.

use crate::db::{self, Db};

use crate::api::api_keys::store::{self as keys, NewKey};
use crate::api::parts::import;
use crate::auth::{Mode, Scope};
use crate::core::ids::ShopId;
use crate::core::time;
use crate::shops;

/// What a first start prints so that the README's curl works at once.
pub struct Demo {
    pub shop_id: ShopId,
    pub test_key: String,
    pub live_key: String,
}

/// Creates a demo shop with a test and a live key when the database has no shop yet.
pub async fn bootstrap(db: &Db) -> anyhow::Result<Option<Demo>> {
    let shops: i64 = db::query("SELECT COUNT(*) FROM shops")
        .fetch_scalar(db)
        .await?;
    if shops > 0 {
        return Ok(None);
    }
    let (shop_id, _) = shops::create(
        db,
        shops::NewShop {
            name: "Demo Auto Repair",
            address: "1200 Main St, Springfield, IL 62701",
            tier: "pro",
            locations: &[
                ("Main Street", "1200 Main St, Springfield, IL 62701"),
                ("Airport Road", "88 Airport Rd, Springfield, IL 62707"),
            ],
        },
    )
    .await?;
    let billing = shops::Billing {
        currency: "USD".into(),
        tax_rate_bps: 825,
    };
    shops::set_billing(db, &shop_id, &billing).await?;
    let mut conn = db.acquire().await?;
    let mut mint = async |mode| {
        let name = format!(
            "Demo {} key",
            if mode == Mode::Live { "live" } else { "test" }
        );
        let new = NewKey {
            shop_id: &shop_id,
            mode,
            name,
            scopes: Scope::ALL.to_vec(),
            location_id: None,
        };
        keys::mint(&mut conn, new, time::now())
            .await
            .map(|created| created.secret)
    };
    let test_key = mint(Mode::Test).await?;
    let live_key = mint(Mode::Live).await?;
    drop(conn);
    import::import_csv(db, import::SAMPLE.as_bytes(), Some(&shop_id)).await?;
    Ok(Some(Demo {
        shop_id,
        test_key,
        live_key,
    }))
}
