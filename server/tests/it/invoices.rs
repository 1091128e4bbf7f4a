//! Invoices: copying a job, totals and tax rounding, the draft → sent → paid / void life cycle,
//! refused edits, filters, tenancy and scopes. Sending itself is in `invoice_send`.

use serde_json::{Value, json};
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::shops::{self, Billing};

use crate::jobs::{create_job, customer_with_vehicle};
use vinsnap_testkit::TestServer;

pub async fn set_tax(app: &TestServer, currency: &str, tax_rate_bps: i64) {
    let billing = Billing {
        currency: currency.into(),
        tax_rate_bps,
    };
    shops::set_billing(&app.db, &app.shop, &billing)
        .await
        .unwrap();
}

fn path(invoice: &Value) -> String {
    format!("/invoices/{}", invoice["id"].as_str().unwrap())
}

fn part(unit_price: i64) -> Value {
    json!({ "kind": "part", "description": "Part", "quantity": 1, "unit_price": unit_price })
}

/// A standalone draft for `customer` with one part line of `amount`.
async fn draft(app: &TestServer, customer: &Value, amount: i64) -> Value {
    app.post(
        "/invoices",
        &app.test_key,
        json!({ "customer_id": customer["id"], "line_items": [part(amount)] }),
    )
    .await
    .expect(201)
    .body
}

#[tokio::test]
async fn an_invoice_from_a_job_copies_it_and_computes_tax() {
    let app = TestServer::start().await;
    set_tax(&app, "USD", 825).await;
    let (customer, vehicle, job) = create_job(&app, &app.test_key).await;
    let invoice = app
        .post(
            "/invoices",
            &app.test_key,
            json!({ "job_id": job["id"], "notes": "Thanks!" }),
        )
        .await
        .expect(201)
        .body;
    assert!(invoice["id"].as_str().unwrap().starts_with("inv_"));
    assert_eq!(invoice["status"], "draft");
    assert_eq!(invoice["job_id"], job["id"]);
    assert_eq!(invoice["customer_id"], customer["id"]);
    assert_eq!(invoice["vehicle_id"], vehicle["id"]);
    assert_eq!(invoice["location_id"], job["location_id"]);
    assert_eq!(invoice["line_items"], job["line_items"]);
    assert_eq!(invoice["currency"], "USD");
    assert_eq!(invoice["tax_rate_bps"], 825);
    // 180.00 + 129.98 + 8.99 = 318.97; 8.25 % of it is 26.315025 → 26.32.
    assert_eq!(invoice["subtotal"], 31897);
    assert_eq!(invoice["tax"], 2632);
    assert_eq!(invoice["total"], 34529);
    assert_eq!(invoice["notes"], "Thanks!");
    assert_eq!(invoice["pdf_url"], Value::Null);
    assert_eq!(
        app.get(&path(&invoice), &app.test_key)
            .await
            .expect(200)
            .body,
        invoice
    );

    // Deleting the job keeps the invoice and its copied lines.
    app.delete(
        &format!("/jobs/{}", job["id"].as_str().unwrap()),
        &app.test_key,
    )
    .await
    .expect(200);
    let kept = app
        .get(&path(&invoice), &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(kept["job_id"], Value::Null);
    assert_eq!(kept["line_items"], invoice["line_items"]);
}

#[tokio::test]
async fn tax_rounds_half_up_on_the_subtotal() {
    let app = TestServer::start().await;
    let customer = app.customer("Tax Payer").await;
    set_tax(&app, "USD", 825).await;
    for (subtotal, tax) in [
        (1000, 83), // 82.5: a tie rounds up
        (999, 82),  // 82.4175
        (1001, 83), // 82.5825
        (1, 0),     // 0.0825
        (7, 1),     // 0.5775
        (0, 0),
    ] {
        let invoice = draft(&app, &customer, subtotal).await;
        assert_eq!(invoice["subtotal"], subtotal);
        assert_eq!(invoice["tax"], tax, "tax on {subtotal}");
        assert_eq!(invoice["total"], subtotal + tax);
    }
    set_tax(&app, "USD", 5000).await;
    assert_eq!(draft(&app, &customer, 1).await["tax"], 1, "0.5 rounds up");
    assert_eq!(draft(&app, &customer, 3).await["tax"], 2, "1.5 rounds up");
    set_tax(&app, "USD", 0).await;
    assert_eq!(draft(&app, &customer, 12345).await["total"], 12345);
    set_tax(&app, "JPY", 1000).await;
    let yen = draft(&app, &customer, 1005).await;
    assert_eq!(
        (yen["currency"].as_str(), yen["tax"].as_i64()),
        (Some("JPY"), Some(101))
    );
    // The largest invoice the limits allow is exact.
    set_tax(&app, "USD", 10_000).await;
    let lines = vec![
        json!({ "kind": "part", "description": "x", "quantity": 10000, "unit_price": 100000000 });
        100
    ];
    let huge = app
        .post(
            "/invoices",
            &app.test_key,
            json!({ "customer_id": customer["id"], "line_items": lines }),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(huge["subtotal"], 100_000_000_000_000_i64);
    assert_eq!(huge["total"], 200_000_000_000_000_i64);
}

#[tokio::test]
async fn the_tax_rate_is_fixed_when_the_invoice_is_created() {
    let app = TestServer::start().await;
    set_tax(&app, "USD", 1000).await;
    let customer = app.customer("A").await;
    let invoice = draft(&app, &customer, 1000).await;
    set_tax(&app, "USD", 2000).await;
    let edited = app
        .put(
            &path(&invoice),
            &app.test_key,
            json!({ "line_items": [part(2000)] }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(edited["tax_rate_bps"], 1000);
    assert_eq!(
        (edited["subtotal"].as_i64(), edited["tax"].as_i64()),
        (Some(2000), Some(200))
    );
    assert_eq!(draft(&app, &customer, 1000).await["tax"], 200);
}

#[tokio::test]
async fn create_checks_what_it_is_given() {
    let app = TestServer::start().await;
    let (customer, _, job) = create_job(&app, &app.test_key).await;
    let (_, stranger_vehicle) = customer_with_vehicle(&app, &app.test_key, "B").await;
    for (body, param) in [
        (
            json!({ "job_id": job["id"], "line_items": [] }),
            "line_items",
        ),
        (
            json!({ "job_id": job["id"], "customer_id": customer["id"] }),
            "customer_id",
        ),
        (json!({}), "customer_id"),
        (
            json!({ "customer_id": customer["id"], "line_items": [{ "kind": "part", "description": "x" }] }),
            "line_items[0].quantity",
        ),
        (
            json!({ "customer_id": customer["id"], "notes": "x".repeat(2001) }),
            "notes",
        ),
        (
            json!({ "customer_id": customer["id"], "total": 5 }),
            "total",
        ),
    ] {
        let reply = app
            .post("/invoices", &app.test_key, body.clone())
            .await
            .expect(400);
        assert_eq!(
            reply.body["error"]["param"], param,
            "{body}: {}",
            reply.body
        );
    }
    app.post(
        "/invoices",
        &app.test_key,
        json!({ "job_id": "job_01jd3qa2b3c4d5e6f7g8h9j0k1" }),
    )
    .await
    .expect_error(404, "job_not_found");
    app.post(
        "/invoices",
        &app.test_key,
        json!({ "customer_id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9" }),
    )
    .await
    .expect_error(404, "customer_not_found");
    app.post(
        &format!("/jobs/{}/status", job["id"].as_str().unwrap()),
        &app.test_key,
        json!({ "status": "cancelled" }),
    )
    .await
    .expect(200);
    app.post("/invoices", &app.test_key, json!({ "job_id": job["id"] }))
        .await
        .expect_error(409, "job_cancelled");
    let stranger = json!({ "customer_id": customer["id"], "vehicle_id": stranger_vehicle["id"] });
    let reply = app
        .post("/invoices", &app.test_key, stranger)
        .await
        .expect_error(409, "vehicle_of_another_customer");
    assert_eq!(reply.body["error"]["param"], "vehicle_id");
}

#[tokio::test]
async fn drafts_are_editable_and_sent_paid_or_void_invoices_are_not() {
    let app = TestServer::start().await;
    set_tax(&app, "USD", 825).await;
    let (customer, _) = customer_with_vehicle(&app, &app.test_key, "Sarah Chen").await;
    let invoice = draft(&app, &customer, 1000).await;
    let p = path(&invoice);
    let edited = app
        .put(
            &p,
            &app.test_key,
            json!({ "notes": "Net 30", "line_items": [part(999)] }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(
        (edited["notes"].as_str(), edited["total"].as_i64()),
        (Some("Net 30"), Some(1081))
    );

    // A draft cannot be paid; sending makes it sent, and sent invoices are not editable.
    let pay = json!({ "amount": 1081, "method": "card" });
    app.post(&format!("{p}/pay"), &app.test_key, pay.clone())
        .await
        .expect_error(409, "invalid_status_transition");
    let sent = app
        .call(
            reqwest::Method::POST,
            &format!("{p}/send"),
            Some(&app.test_key),
            None,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(sent["status"], "sent");
    app.put(&p, &app.test_key, json!({ "notes": "changed" }))
        .await
        .expect_error(409, "invoice_not_editable");

    // Payment must match the total and cannot be in the future.
    let reply = app
        .post(
            &format!("{p}/pay"),
            &app.test_key,
            json!({ "amount": 1000, "method": "card" }),
        )
        .await
        .expect_error(409, "amount_mismatch");
    assert_eq!(reply.body["error"]["param"], "amount");
    let future = (app.clock_now() + chrono::Duration::hours(1)).to_rfc3339();
    let reply = app
        .post(
            &format!("{p}/pay"),
            &app.test_key,
            json!({ "amount": 1081, "method": "card", "paid_at": future }),
        )
        .await
        .expect_error(422, "paid_at_in_future");
    assert_eq!(reply.body["error"]["param"], "paid_at");
    let reply = app
        .post(
            &format!("{p}/pay"),
            &app.test_key,
            json!({ "amount": 1081, "method": "bitcoin" }),
        )
        .await
        .expect_error(400, "invalid_request");
    assert_eq!(reply.body["error"]["param"], "method");
    let paid_at = "2026-01-02T03:04:05Z";
    let paid = app
        .post(
            &format!("{p}/pay"),
            &app.test_key,
            json!({ "amount": 1081, "method": "bank_transfer", "paid_at": paid_at }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(paid["status"], "paid");
    assert_eq!(paid["amount_paid"], 1081);
    assert_eq!(paid["payment_method"], "bank_transfer");
    assert_eq!(paid["paid_at"], "2026-01-02T03:04:05Z");

    // A paid invoice cannot be edited, paid again, sent or voided.
    let reply = app
        .put(&p, &app.test_key, json!({ "line_items": [] }))
        .await
        .expect_error(409, "invoice_not_editable");
    assert!(reply.message().contains("paid"), "{}", reply.message());
    app.post(&format!("{p}/pay"), &app.test_key, pay)
        .await
        .expect_error(409, "invalid_status_transition");
    for action in ["send", "void"] {
        app.call(
            reqwest::Method::POST,
            &format!("{p}/{action}"),
            Some(&app.test_key),
            None,
        )
        .await
        .expect_error(409, "invalid_status_transition");
    }
    let unchanged = app.get(&p, &app.test_key).await.expect(200).body;
    assert_eq!(unchanged["status"], "paid");
    assert_eq!(unchanged["notes"], "Net 30");

    // Void: drafts (and sent invoices) can be voided, then nothing else.
    let other = draft(&app, &customer, 500).await;
    let q = path(&other);
    let void = app
        .call(
            reqwest::Method::POST,
            &format!("{q}/void"),
            Some(&app.test_key),
            None,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(void["status"], "void");
    assert!(void["voided_at"].is_string());
    app.put(&q, &app.test_key, json!({ "notes": "x" }))
        .await
        .expect_error(409, "invoice_not_editable");
    app.call(
        reqwest::Method::POST,
        &format!("{q}/send"),
        Some(&app.test_key),
        None,
    )
    .await
    .expect_error(409, "invalid_status_transition");
}

#[tokio::test]
async fn invoices_list_with_filters() {
    let app = TestServer::start().await;
    let (_, _, job) = create_job(&app, &app.test_key).await;
    let other = app.customer("Other").await;
    let from_job = app
        .post("/invoices", &app.test_key, json!({ "job_id": job["id"] }))
        .await
        .expect(201)
        .body;
    let standalone = draft(&app, &other, 100).await;
    app.call(
        reqwest::Method::POST,
        &format!("{}/void", path(&standalone)),
        Some(&app.test_key),
        None,
    )
    .await
    .expect(200);
    let ids = |body: Value| -> Vec<Value> {
        body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].clone())
            .collect()
    };
    let all = app.get("/invoices", &app.test_key).await.expect(200).body;
    assert_eq!(all["total"], 2);
    assert_eq!(ids(all), [standalone["id"].clone(), from_job["id"].clone()]);
    let drafts = app
        .get("/invoices?status=draft", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(ids(drafts), [from_job["id"].clone()]);
    let by_job = app
        .get(
            &format!("/invoices?job_id={}", job["id"].as_str().unwrap()),
            &app.test_key,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(ids(by_job), [from_job["id"].clone()]);
    let by_customer = app
        .get(
            &format!("/invoices?customer_id={}", other["id"].as_str().unwrap()),
            &app.test_key,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(ids(by_customer), [standalone["id"].clone()]);
    let page = app
        .get("/invoices?limit=1", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(
        (page["has_more"].as_bool(), page["total"].as_i64()),
        (Some(true), Some(2))
    );
    for bad in [
        "status=open",
        "offset=-1",
        "job_id=inv_01jd3qb4c5d6e7f8g9h0j1k2m3",
    ] {
        app.get(&format!("/invoices?{bad}"), &app.test_key)
            .await
            .expect_error(400, "invalid_query");
    }
}

#[tokio::test]
async fn invoices_respect_mode_shop_location_and_scopes() {
    let app = TestServer::start().await;
    let (_, _, job) = create_job(&app, &app.test_key).await;
    let invoice = app
        .post("/invoices", &app.test_key, json!({ "job_id": job["id"] }))
        .await
        .expect(201)
        .body;
    let p = path(&invoice);
    app.get(&p, &app.live_key)
        .await
        .expect_error(404, "invoice_not_found");
    app.post("/invoices", &app.live_key, json!({ "job_id": job["id"] }))
        .await
        .expect_error(404, "job_not_found");
    assert_eq!(
        app.get("/invoices", &app.live_key).await.expect(200).body["total"],
        0
    );
    let rival = app.other_shop_key().await;
    app.get(&p, &rival)
        .await
        .expect_error(404, "invoice_not_found");
    app.put(&p, &rival, json!({ "notes": "x" }))
        .await
        .expect_error(404, "invoice_not_found");
    app.call(
        reqwest::Method::POST,
        &format!("{p}/send"),
        Some(&rival),
        None,
    )
    .await
    .expect_error(404, "invoice_not_found");
    app.post(
        &format!("{p}/pay"),
        &rival,
        json!({ "amount": 1, "method": "cash" }),
    )
    .await
    .expect_error(404, "invoice_not_found");

    // The invoice is at the job's location (North); a South key does not see it.
    let south_key = app
        .key(Mode::Test, Scope::ALL, Some(&app.locations[1]))
        .await;
    app.get(&p, &south_key)
        .await
        .expect_error(404, "invoice_not_found");
    assert_eq!(
        app.get("/invoices", &south_key).await.expect(200).body["total"],
        0
    );
    let north_key = app
        .key(Mode::Test, Scope::ALL, Some(&app.locations[0]))
        .await;
    app.get(&p, &north_key).await.expect(200);

    let readonly = app.key(Mode::Test, &[Scope::InvoicesRead], None).await;
    let jobs_only = app
        .key(Mode::Test, &[Scope::JobsRead, Scope::JobsWrite], None)
        .await;
    app.get(&p, &readonly).await.expect(200);
    for key in [&readonly, &jobs_only] {
        app.post("/invoices", key, json!({ "job_id": job["id"] }))
            .await
            .expect_error(403, "missing_scope");
        app.put(&p, key, json!({}))
            .await
            .expect_error(403, "missing_scope");
        for action in ["send", "void"] {
            app.call(
                reqwest::Method::POST,
                &format!("{p}/{action}"),
                Some(key),
                None,
            )
            .await
            .expect_error(403, "missing_scope");
        }
        app.post(
            &format!("{p}/pay"),
            key,
            json!({ "amount": 1, "method": "cash" }),
        )
        .await
        .expect_error(403, "missing_scope");
    }
    app.get("/invoices", &jobs_only)
        .await
        .expect_error(403, "missing_scope");
    app.get("/invoices/inv_nope", &app.test_key)
        .await
        .expect_error(400, "invalid_id");
}
