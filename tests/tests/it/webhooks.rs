//! Webhooks through the SDK against the real server and its dispatcher: endpoints, test pings,
//! deliveries and their retry, secret rotation, and every delivery a local receiver gets
//! checked with the SDK's own `webhooks::verify` into a typed `Event`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::HeaderMap;
use vinsnap::prelude::*;
use vinsnap::types::{
    CreateCustomer, CreateWebhookEndpoint, CreateWebhookEndpointEventsItem, DeliveryId,
    EndpointStatus, EventType, UpdateCustomer, UpdateWebhookEndpoint, WebhookEndpointId,
    WebhookEndpointWithSecret,
};
use vinsnap::webhooks::{self, DELIVERY_HEADER, Event, SIGNATURE_HEADER};
use vinsnap::{Client, Error};
use vinsnap_tests::{checked, opt_checked, text};

use crate::operations::Operation;

/// One request the receiver got, exactly as it arrived.
#[derive(Debug, Clone)]
pub(crate) struct Delivery {
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Delivery {
    fn id(&self) -> &str {
        self.headers[DELIVERY_HEADER].to_str().expect("delivery id")
    }
}

/// A local webhook receiver (axum on port 0) that answers 200 and keeps every request.
pub(crate) struct Receiver {
    url: String,
    received: Arc<Mutex<Vec<Delivery>>>,
}

impl Receiver {
    pub(crate) async fn start() -> Receiver {
        let received: Arc<Mutex<Vec<Delivery>>> = Arc::default();
        let sink = received.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| async move {
                sink.lock().unwrap().push(Delivery { headers, body });
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().expect("address"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { url, received }
    }

    pub(crate) fn url(&self) -> String {
        self.url.clone()
    }

    /// The first request of event type `event` after the first `skip` requests, waiting for
    /// the dispatcher (its first attempt comes within a second).
    async fn next(&self, skip: usize, event: &str) -> Delivery {
        for _ in 0..200 {
            if let Some(delivery) = self.find(skip, event) {
                return delivery;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no {event} delivery within 10 s");
    }

    fn find(&self, skip: usize, event: &str) -> Option<Delivery> {
        let received = self.received.lock().unwrap();
        received[skip.min(received.len())..]
            .iter()
            .find(|d| d.headers["x-vinsnap-event"] == event)
            .cloned()
    }

    fn len(&self) -> usize {
        self.received.lock().unwrap().len()
    }
}

/// An endpoint for every event type, delivering to `url`.
pub(crate) async fn register(client: &Client, url: &str) -> WebhookEndpointWithSecret {
    client
        .create_webhook_endpoint()
        .body(
            CreateWebhookEndpoint::builder()
                .url(url)
                .events(vec![CreateWebhookEndpointEventsItem::X]),
        )
        .send()
        .await
        .expect("create_webhook_endpoint")
        .into_inner()
}

/// The first delivery logged for the endpoint, once the outbox has fanned an event out to it.
pub(crate) async fn first_delivery(client: &Client, endpoint: &WebhookEndpointId) -> DeliveryId {
    for _ in 0..200 {
        let logged = client
            .list_webhook_deliveries()
            .id(endpoint.clone())
            .send()
            .await
            .expect("list_webhook_deliveries");
        if let Some(delivery) = logged.into_inner().data.pop() {
            return delivery.id;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no delivery for {} within 10 s", endpoint.as_str());
}

pub(crate) fn operations() -> Vec<(&'static str, Operation)> {
    vec![
        ("list_webhook_endpoints", |c, a| {
            Box::pin(async move {
                c.list_webhook_endpoints().limit(a.limit).send().await?;
                Ok(())
            })
        }),
        ("create_webhook_endpoint", |c, a| {
            Box::pin(async move {
                c.create_webhook_endpoint()
                    .body(
                        CreateWebhookEndpoint::builder()
                            .url(a.webhook_url.clone())
                            .description(opt_checked(&a.notes)?)
                            .events(vec![CreateWebhookEndpointEventsItem::X]),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("get_webhook_endpoint", |c, a| {
            Box::pin(async move {
                c.get_webhook_endpoint()
                    .id(a.webhook.as_str())
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("update_webhook_endpoint", |c, a| {
            Box::pin(async move {
                c.update_webhook_endpoint()
                    .id(a.webhook.as_str())
                    .body(
                        UpdateWebhookEndpoint::builder()
                            .url(Some(checked(&a.webhook_url)?))
                            .description(opt_checked(&a.notes)?),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("test_webhook_endpoint", |c, a| {
            Box::pin(async move {
                c.test_webhook_endpoint()
                    .id(a.webhook.as_str())
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("list_webhook_deliveries", |c, a| {
            Box::pin(async move {
                c.list_webhook_deliveries()
                    .id(a.webhook.as_str())
                    .limit(a.limit)
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("get_webhook_delivery", |c, a| {
            Box::pin(async move {
                c.get_webhook_delivery()
                    .id(a.delivery.as_str())
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("retry_webhook_delivery", |c, a| {
            Box::pin(async move {
                c.retry_webhook_delivery()
                    .id(a.delivery.as_str())
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("rotate_webhook_secret", |c, a| {
            Box::pin(async move {
                c.rotate_webhook_secret()
                    .id(a.webhook.as_str())
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("delete_webhook_endpoint", |c, a| {
            Box::pin(async move {
                c.delete_webhook_endpoint()
                    .id(a.webhook.as_str())
                    .send()
                    .await?;
                Ok(())
            })
        }),
    ]
}

/// An endpoint's whole life, with every delivery verified by the SDK as a receiver would.
pub(crate) async fn happy_path(client: &Client, receiver: &Receiver) {
    let endpoint = register(client, &receiver.url()).await;
    assert!(endpoint.id.starts_with("we_"));
    assert!(
        endpoint.secret.starts_with("whsec_"),
        "the secret is shown once"
    );
    assert_eq!(
        (endpoint.active, endpoint.status),
        (true, EndpointStatus::Enabled)
    );

    let got = client
        .get_webhook_endpoint()
        .id(endpoint.id.clone())
        .send()
        .await
        .expect("get_webhook_endpoint");
    assert_eq!(
        (got.url.as_str(), got.created_at),
        (receiver.url.as_str(), endpoint.created_at)
    );
    let listed = client
        .list_webhook_endpoints()
        .send()
        .await
        .expect("list_webhook_endpoints");
    assert!(listed.data.iter().any(|e| e.id == endpoint.id));

    // Issue 5: a real delivery from the server, verified by the SDK into a typed event that
    // carries the customer exactly as the API returned it.
    let seen = receiver.len();
    let customer = client
        .create_customer()
        .body(CreateCustomer::builder().name("Ada Webb"))
        .send()
        .await
        .expect("create_customer")
        .into_inner();
    let delivery = receiver.next(seen, "customer.created").await;
    match webhooks::verify(&delivery.body, &delivery.headers, &endpoint.secret) {
        Ok(Event::CustomerCreated(event)) => {
            assert_same!(event.data, customer);
            assert!(event.id.starts_with("evt_") && !event.livemode);
        }
        other => panic!("expected customer.created, got {other:?}"),
    }
    let wrong = webhooks::verify(&delivery.body, &delivery.headers, "whsec_wrong").unwrap_err();
    assert_eq!(wrong.kind(), "no_matching_signature");

    // The delivery log has it, with the body exactly as sent, once the dispatcher has recorded
    // the receiver's answer (a moment after the receiver got the request).
    let started = std::time::Instant::now();
    let logged = loop {
        let logged = client
            .get_webhook_delivery()
            .id(delivery.id())
            .send()
            .await
            .expect("get_webhook_delivery")
            .into_inner();
        if !logged.attempts.is_empty() || started.elapsed() > std::time::Duration::from_secs(10) {
            break logged;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!(logged.event_type, EventType::CustomerCreated);
    assert_eq!(logged.request_body.as_bytes(), &delivery.body[..]);
    assert_eq!(
        logged.attempts.first().and_then(|a| a.status_code),
        Some(200)
    );
    let all = client
        .list_webhook_deliveries()
        .id(endpoint.id.clone())
        .event_type(EventType::CustomerCreated)
        .send()
        .await
        .expect("list_webhook_deliveries");
    assert_eq!(
        all.data.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        vec![delivery.id()]
    );

    // A retry is the same delivery again: same dedupe id, same event.
    let seen = receiver.len();
    client
        .retry_webhook_delivery()
        .id(delivery.id())
        .send()
        .await
        .expect("retry_webhook_delivery");
    let again = receiver.next(seen, "customer.created").await;
    assert_eq!(again.id(), delivery.id());
    assert!(webhooks::verify(&again.body, &again.headers, &endpoint.secret).is_ok());

    let described = client
        .update_webhook_endpoint()
        .id(endpoint.id.clone())
        .body(UpdateWebhookEndpoint::builder().description(Some(text("CRM sync"))))
        .send()
        .await
        .expect("update_webhook_endpoint");
    assert_eq!(described.description.as_deref(), Some("CRM sync"));

    let seen = receiver.len();
    let ping = client
        .test_webhook_endpoint()
        .id(endpoint.id.clone())
        .send()
        .await
        .expect("test_webhook_endpoint");
    assert!(ping.success, "{ping:?}");
    assert_eq!(ping.status_code, Some(200));
    let pinged = receiver.next(seen, "ping").await;
    assert!(matches!(
        webhooks::verify(&pinged.body, &pinged.headers, &endpoint.secret),
        Ok(Event::Ping(_))
    ));

    rotation(client, receiver, &endpoint, &customer.id).await;

    client
        .delete_webhook_endpoint()
        .id(endpoint.id.clone())
        .send()
        .await
        .expect("delete_webhook_endpoint");
    let gone = Error::from(
        client
            .get_webhook_endpoint()
            .id(endpoint.id.clone())
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(
        (gone.status(), gone.code()),
        (Some(404), Some("webhook_endpoint_not_found"))
    );
}

/// After a rotation deliveries carry two signatures, so receivers holding either the new
/// secret or the old one (until they switch over) accept them.
async fn rotation(
    client: &Client,
    receiver: &Receiver,
    endpoint: &WebhookEndpointWithSecret,
    customer: &vinsnap::types::CustomerId,
) {
    let rotated = client
        .rotate_webhook_secret()
        .id(endpoint.id.clone())
        .send()
        .await
        .expect("rotate_webhook_secret");
    assert!(rotated.secret.starts_with("whsec_"));
    assert_ne!(rotated.secret, endpoint.secret);

    let seen = receiver.len();
    let updated = client
        .update_customer()
        .id(customer.clone())
        .body(UpdateCustomer::builder().notes(Some(text("rotated"))))
        .send()
        .await
        .expect("update_customer")
        .into_inner();
    let delivery = receiver.next(seen, "customer.updated").await;
    let signatures = delivery.headers[SIGNATURE_HEADER]
        .to_str()
        .expect("signature");
    assert_eq!(signatures.matches("sha256=").count(), 2, "{signatures}");
    for secret in [&rotated.secret, &endpoint.secret] {
        match webhooks::verify(&delivery.body, &delivery.headers, secret) {
            Ok(Event::CustomerUpdated(event)) => assert_same!(event.data, updated),
            other => panic!("expected customer.updated, got {other:?}"),
        }
    }
}
