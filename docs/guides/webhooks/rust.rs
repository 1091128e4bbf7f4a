use vinsnap::webhooks::{self, Event, WebhookError};

/// Checks a delivery with the SDK and returns its typed event. `raw_body` is the body exactly
/// as received; `now` is `webhooks::now()` (a fixed time when replaying a recorded delivery).
pub fn verify(
    raw_body: &[u8],
    headers: &http::HeaderMap,
    secret: &str,
    now: i64,
) -> Result<Event, WebhookError> {
    // `err.kind()`: missing_header, bad_timestamp, too_old, no_matching_signature, bad_payload.
    let event = webhooks::verify_at(raw_body, headers, secret, now)?;
    match &event {
        Event::CustomerCreated(e) => println!("new customer {}", e.data.name),
        Event::InvoicePaid(e) => println!("invoice {} paid", *e.data.id),
        other => println!("{} {}", other.event_type(), other.id()),
    }
    Ok(event)
}

// In an axum handler (the SDK's `examples/webhook_receiver.rs` is a whole receiver):
//
//   async fn receive(headers: HeaderMap, body: Bytes) -> StatusCode {
//       match verify(&body, &headers, &secret, webhooks::now()) {
//           Ok(_event) => StatusCode::NO_CONTENT, // queue it; dedupe on X-VinSnap-Delivery
//           Err(_) => StatusCode::BAD_REQUEST,
//       }
//   }
