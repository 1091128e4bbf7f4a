//! Quickstart: a customer, their car by VIN, and what the API knows about it.
//!
//! ```sh
//! export VINSNAP_API_KEY=vsk_test_…                 # a test key: sandbox data
//! export VINSNAP_BASE_URL=http://127.0.0.1:8080      # optional; production when unset
//! cargo run -p vinsnap --example quickstart
//! RUST_LOG=vinsnap=debug cargo run -p vinsnap --example quickstart   # with the SDK's spans
//! ```
//!
//! Jobs and invoices are not in the API's spec yet; once they are, this example goes on to open
//! a job for the vehicle, invoice it and send the invoice (see the README).

use futures::TryStreamExt;
use vinsnap::prelude::*;
use vinsnap::types::{CreateCustomer, CreateVehicle};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // `RUST_LOG=vinsnap=debug` shows the SDK's request spans, retries included.
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let key = std::env::var("VINSNAP_API_KEY")
        .map_err(|_| anyhow::anyhow!("set VINSNAP_API_KEY to a vsk_test_… key"))?;
    let mut builder = vinsnap::Client::builder(key);
    if let Ok(url) = std::env::var("VINSNAP_BASE_URL") {
        builder = builder.base_url(url);
    }
    let client = builder.build()?;
    println!("-> {} ({:?} key)", client.base_url(), client.mode());

    let customer = client
        .create_customer()
        .body(
            CreateCustomer::builder()
                .name("Sarah Chen")
                .phone(Some("555-0142".to_string()))
                .email(Some("s.chen@email.com".to_string())),
        )
        .send()
        .await?
        .into_inner();
    println!("1. created customer {} ({})", *customer.id, customer.name);

    let vehicle = client
        .create_vehicle()
        .id(customer.id.clone())
        .body(CreateVehicle::builder().vin(Some("1HGCM82633A004352".to_string())))
        .send()
        .await?
        .into_inner();
    println!(
        "2. added vehicle {}: {} {} {} (decoded from its VIN)",
        *vehicle.id,
        vehicle.year.map(|y| y.to_string()).unwrap_or_default(),
        vehicle.make.as_deref().unwrap_or("?"),
        vehicle.model.as_deref().unwrap_or("?"),
    );

    let garage: Vec<_> = client
        .list_vehicles()
        .id(customer.id.clone())
        .stream()
        .try_collect()
        .await?;
    println!(
        "3. {} has {} vehicle(s) on file",
        customer.name,
        garage.len()
    );

    match client
        .get_customer()
        .id("cus_00000000000000000000000000")
        .send()
        .await
    {
        Ok(_) => println!("4. unexpectedly found a customer that should not exist"),
        Err(e) => {
            let e = vinsnap::Error::from(e);
            println!(
                "4. a missing customer is a typed error: status {:?}, code {:?}, request {:?}",
                e.status(),
                e.code(),
                e.request_id()
            );
        }
    }

    if let Some(limit) = client.rate_limit() {
        println!("   rate limit: {} of {} left", limit.remaining, limit.limit);
    }
    Ok(())
}
