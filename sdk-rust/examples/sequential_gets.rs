//! Times sequential `get_customer` calls through the typed client: the Rust baseline of the
//! Python SDK's benchmark (`sdk-bindings/python/bench/`), which runs it between its own rounds.
//!
//! ```sh
//! VINSNAP_API_KEY=vsk_test_… VINSNAP_BASE_URL=http://127.0.0.1:8080 \
//!     cargo run --release -p vinsnap --example sequential_gets -- cus_… 2000
//! ```
//!
//! Prints one line: `<calls> calls in <seconds> s`.

use std::time::Instant;

use vinsnap::prelude::*;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let id = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: sequential_gets CUSTOMER_ID [COUNT]"))?;
    let count: u32 = args.next().map(|n| n.parse()).transpose()?.unwrap_or(1000);
    let key = std::env::var("VINSNAP_API_KEY")?;
    let base = std::env::var("VINSNAP_BASE_URL")?;
    let client = vinsnap::Client::builder(key).base_url(base).build()?;
    // One call first, so the connection is open when the clock starts.
    client.get_customer().id(id.as_str()).send().await?;
    let started = Instant::now();
    for _ in 0..count {
        client.get_customer().id(id.as_str()).send().await?;
    }
    println!("{count} calls in {:.6} s", started.elapsed().as_secs_f64());
    Ok(())
}
