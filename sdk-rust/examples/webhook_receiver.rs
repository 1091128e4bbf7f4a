//! A webhook receiver (axum) that verifies every delivery before acting on it.
//!
//! ```sh
//! export VINSNAP_WEBHOOK_SECRET=whsec_…              # the endpoint's secret, shown once
//! export VINSNAP_WEBHOOK_ADDR=127.0.0.1:4242         # optional
//! cargo run -p vinsnap --example webhook_receiver
//! ```
//!
//! It answers 2xx as soon as a delivery is verified (the work belongs on a queue), 400 to a
//! delivery that fails verification, and acknowledges a redelivery (same `X-VinSnap-Delivery`)
//! without handling it twice.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use vinsnap::webhooks::{self, Event};

#[derive(Clone)]
struct Receiver {
    secret: Arc<str>,
    seen: Arc<Mutex<HashSet<String>>>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let secret = std::env::var("VINSNAP_WEBHOOK_SECRET").map_err(|_| {
        anyhow::anyhow!("set VINSNAP_WEBHOOK_SECRET to the endpoint's whsec_… secret")
    })?;
    let addr = std::env::var("VINSNAP_WEBHOOK_ADDR").unwrap_or_else(|_| "127.0.0.1:4242".into());
    let state = Receiver {
        secret: secret.into(),
        seen: Arc::default(),
    };
    let app = axum::Router::new()
        .route("/webhooks", post(receive))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{addr}/webhooks");
    axum::serve(listener, app).await?;
    Ok(())
}

/// The body must reach `verify` exactly as received, so it is taken as raw bytes, not as JSON.
async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let event = match webhooks::verify(&body, &headers, &receiver.secret) {
        Ok(event) => event,
        Err(e) => {
            eprintln!("rejected a delivery ({}): {e}", e.kind());
            return StatusCode::BAD_REQUEST;
        }
    };
    let delivery = headers
        .get(webhooks::DELIVERY_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or(event.id())
        .to_string();
    if !receiver.seen.lock().unwrap().insert(delivery.clone()) {
        println!("{delivery}: already handled");
        return StatusCode::OK;
    }
    match &event {
        Event::CustomerCreated(e) | Event::CustomerUpdated(e) => {
            println!(
                "{delivery}: {} {} ({})",
                event.event_type(),
                *e.data.id,
                e.data.name
            );
        }
        Event::Ping(_) => println!("{delivery}: ping"),
        other => println!("{delivery}: {} {}", other.event_type(), other.id()),
    }
    StatusCode::NO_CONTENT
}
