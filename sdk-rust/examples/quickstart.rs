//! Quickstart: a customer, their car by VIN, a job for it, and the invoice emailed.
//!
//! ```sh
//! export VINSNAP_API_KEY=vsk_test_…                 # a test key: sandbox data
//! export VINSNAP_BASE_URL=http://127.0.0.1:8080      # optional; production when unset
//! cargo run -p vinsnap --example quickstart
//! RUST_LOG=vinsnap=debug cargo run -p vinsnap --example quickstart   # with the SDK's spans
//! ```
//!

use futures::TryStreamExt;
use vinsnap::prelude::*;
use vinsnap::types::{
    ChangeJobStatus, CreateCustomer, CreateInvoice, CreateJob, CreateVehicle, JobStatus,
    LineItemKind, NewLineItem,
};

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
                // Fields the spec constrains (a pattern, a length) have their own types, checked
                // as they are made: `parse` refuses an email the server would refuse.
                .phone(Some("555-0142".parse()?))
                .email(Some("s.chen@email.com".parse()?)),
        )
        .send()
        .await?
        .into_inner();
    println!("1. created customer {} ({})", *customer.id, customer.name);

    let vehicle = client
        .create_vehicle()
        .id(customer.id.clone())
        .body(CreateVehicle::builder().vin(Some("1HGCM82633A004352".parse()?)))
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

    let labour = NewLineItem::builder()
        .kind(LineItemKind::Labor)
        .description("Replace front brake pads")
        .hours(Some("1.5".parse()?))
        .rate(Some(12_000));
    let job = client
        .create_job()
        .body(
            CreateJob::builder()
                .customer_id(customer.id.clone())
                .vehicle_id(vehicle.id.clone())
                .title("Front brake pads")
                .line_items(vec![labour.try_into()?]),
        )
        .send()
        .await?
        .into_inner();
    println!(
        "4. opened job {} \"{}\": {} ({} {})",
        *job.id,
        job.title,
        job.status,
        money(job.subtotal),
        job.currency
    );

    // The shop does the work; the job moves along the board.
    for status in [JobStatus::InProgress, JobStatus::Completed] {
        let moved = client
            .change_job_status()
            .id(job.id.clone())
            .body(ChangeJobStatus::builder().status(status))
            .send()
            .await?;
        println!("5. job {} is now {}", *moved.id, moved.status);
    }

    let invoice = client
        .create_invoice()
        .body(CreateInvoice::builder().job_id(Some(job.id.clone())))
        .send()
        .await?
        .into_inner();
    println!(
        "6. invoiced it: {} {} ({} line(s)), total {} {}",
        *invoice.id,
        invoice.status,
        invoice.line_items.len(),
        money(invoice.total),
        invoice.currency
    );

    let sent = client
        .send_invoice()
        .id(invoice.id.clone())
        .send()
        .await?
        .into_inner();
    println!(
        "7. sent {} to {}: message_id {}",
        *sent.id,
        sent.sent_to.as_deref().unwrap_or("?"),
        sent.message_id.as_deref().unwrap_or("?")
    );
    println!(
        "   PDF (signed link, no API key needed): {}",
        sent.pdf_url.as_deref().unwrap_or("?")
    );

    match client
        .get_customer()
        .id("cus_00000000000000000000000000")
        .send()
        .await
    {
        Ok(_) => println!("8. unexpectedly found a customer that should not exist"),
        Err(e) => {
            let e = vinsnap::Error::from(e);
            println!(
                "8. a missing customer is a typed error: status {:?}, code {:?}, request {:?}",
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

/// Minor units as a decimal amount: 18000 -> "180.00".
fn money(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, (minor % 100).abs())
}
