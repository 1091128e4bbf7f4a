//! Jobs: line item math, board moves, filters, edits, tenancy and scopes.

use serde_json::{Value, json};
use vinsnap_server::auth::{Mode, Scope};

use vinsnap_testkit::TestServer;

/// A customer (with an email) and one of their vehicles, created with `key`.
pub async fn customer_with_vehicle(app: &TestServer, key: &str, name: &str) -> (Value, Value) {
    let customer = app
        .post(
            "/customers",
            key,
            json!({ "name": name, "email": "s.chen@email.com" }),
        )
        .await
        .expect(201)
        .body;
    let vehicle = app
        .post(
            &format!("/customers/{}/vehicles", customer["id"].as_str().unwrap()),
            key,
            json!({ "vin": "1HGCM82633A004352", "license_plate": "7ABC123", "mileage": 84210 }),
        )
        .await
        .expect(201)
        .body;
    (customer, vehicle)
}

pub fn brake_job(part_id: &str, customer: &Value, vehicle: &Value) -> Value {
    json!({
        "customer_id": customer["id"],
        "vehicle_id": vehicle["id"],
        "title": "Front brake service",
        "line_items": [
            { "kind": "labor", "description": "Replace pads", "hours": "1.5", "rate": 12000 },
            { "kind": "part", "description": "Pad set", "part_id": part_id, "quantity": 2, "unit_price": 6499 },
            { "kind": "part", "description": "Brake cleaner (free text)", "quantity": 1, "unit_price": 899 }
        ]
    })
}

pub async fn create_job(app: &TestServer, key: &str) -> (Value, Value, Value) {
    let (customer, vehicle) = customer_with_vehicle(app, key, "Sarah Chen").await;
    let job = app
        .post("/jobs", key, brake_job(&app.part_id, &customer, &vehicle))
        .await
        .expect(201)
        .body;
    (customer, vehicle, job)
}

fn path(job: &Value) -> String {
    format!("/jobs/{}", job["id"].as_str().unwrap())
}

#[tokio::test]
async fn a_job_computes_its_lines_and_starts_pending() {
    let app = TestServer::start().await;
    let (customer, vehicle, job) = create_job(&app, &app.test_key).await;
    assert!(job["id"].as_str().unwrap().starts_with("job_"));
    assert_eq!(job["status"], "pending");
    assert_eq!(job["customer_id"], customer["id"]);
    assert_eq!(job["vehicle_id"], vehicle["id"]);
    assert_eq!(job["location_id"], customer["location_id"]);
    assert_eq!(job["currency"], "USD");
    let lines = job["line_items"].as_array().unwrap();
    assert_eq!(lines[0]["hours"], "1.50", "hours come back canonical");
    assert_eq!(lines[0]["amount"], 18000);
    assert_eq!(lines[1]["amount"], 12998);
    assert_eq!(lines[1]["part_id"], app.part_id.as_str());
    assert_eq!(lines[2]["part_id"], Value::Null);
    assert_eq!(job["subtotal"], 18000 + 12998 + 899);
    assert_eq!(job["started_at"], Value::Null);
    let fetched = app.get(&path(&job), &app.test_key).await.expect(200).body;
    assert_eq!(fetched, job);
}

#[tokio::test]
async fn labor_rounds_half_up_to_the_minor_unit() {
    let app = TestServer::start().await;
    let (customer, vehicle) = customer_with_vehicle(&app, &app.test_key, "A").await;
    let mut body = brake_job(&app.part_id, &customer, &vehicle);
    body["line_items"] = json!([
        // 0.33 h × 123.45 = 40.7385 → 40.74
        { "kind": "labor", "description": "a", "hours": "0.33", "rate": 12345 },
        // 0.01 h × 0.50 = 0.005 → 0.01 (a tie rounds up)
        { "kind": "labor", "description": "b", "hours": "0.01", "rate": 50 },
        // 0.01 h × 0.49 = 0.0049 → 0.00
        { "kind": "labor", "description": "c", "hours": "0.01", "rate": 49 },
        // 1000 h at the top rate stays exact
        { "kind": "labor", "description": "d", "hours": "1000", "rate": 10000000 }
    ]);
    let job = app
        .post("/jobs", &app.test_key, body)
        .await
        .expect(201)
        .body;
    let amounts: Vec<i64> = job["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["amount"].as_i64().unwrap())
        .collect();
    assert_eq!(amounts, [4074, 1, 0, 10_000_000_000]);
    assert_eq!(job["subtotal"], 10_000_004_075_i64);
}

#[tokio::test]
async fn bad_line_items_are_400s_naming_the_field() {
    let app = TestServer::start().await;
    let (customer, vehicle) = customer_with_vehicle(&app, &app.test_key, "A").await;
    for (line, param) in [
        (
            json!({ "kind": "labor", "description": "x", "rate": 100 }),
            "line_items[0].hours",
        ),
        (
            json!({ "kind": "labor", "description": "x", "hours": "1.234", "rate": 100 }),
            "line_items[0].hours",
        ),
        (
            json!({ "kind": "labor", "description": "x", "hours": "0", "rate": 100 }),
            "line_items[0].hours",
        ),
        (
            json!({ "kind": "labor", "description": "x", "hours": "1", "rate": -5 }),
            "line_items[0].rate",
        ),
        (
            json!({ "kind": "labor", "description": "x", "hours": "1", "rate": 5, "quantity": 1 }),
            "line_items[0].quantity",
        ),
        (
            json!({ "kind": "part", "description": "x", "quantity": 0, "unit_price": 5 }),
            "line_items[0].quantity",
        ),
        (
            json!({ "kind": "part", "description": "x", "quantity": 1 }),
            "line_items[0].unit_price",
        ),
        (
            json!({ "kind": "part", "description": "x", "quantity": 1, "unit_price": 5, "hours": "1" }),
            "line_items[0].hours",
        ),
        (
            json!({ "kind": "part", "description": " ", "quantity": 1, "unit_price": 5 }),
            "line_items[0].description",
        ),
        (
            json!({ "kind": "part", "description": "x", "quantity": 1, "unit_price": 5, "part_id": "12345" }),
            "line_items[0].part_id",
        ),
        (
            json!({ "kind": "tires", "description": "x" }),
            "line_items[0].kind",
        ),
        (
            json!({ "kind": "labor", "description": "x", "hours": 1.5, "rate": 5 }),
            "line_items[0].hours",
        ),
    ] {
        let mut body = brake_job(&app.part_id, &customer, &vehicle);
        body["line_items"] = json!([line]);
        let reply = app.post("/jobs", &app.test_key, body).await.expect(400);
        assert_eq!(
            reply.body["error"]["param"], param,
            "{line}: {}",
            reply.body
        );
    }
    let mut body = brake_job(&app.part_id, &customer, &vehicle);
    body["line_items"] = json!(vec![
        json!({ "kind": "part", "description": "x", "quantity": 1, "unit_price": 1 });
        101
    ]);
    let reply = app.post("/jobs", &app.test_key, body).await.expect(400);
    assert_eq!(reply.body["error"]["param"], "line_items");
}

#[tokio::test]
async fn a_job_needs_the_customer_and_one_of_their_vehicles() {
    let app = TestServer::start().await;
    let (customer, vehicle) = customer_with_vehicle(&app, &app.test_key, "A").await;
    let (_, other_vehicle) = customer_with_vehicle(&app, &app.test_key, "B").await;
    let reply = app
        .post(
            "/jobs",
            &app.test_key,
            brake_job(&app.part_id, &customer, &other_vehicle),
        )
        .await
        .expect_error(409, "vehicle_of_another_customer");
    assert_eq!(reply.body["error"]["param"], "vehicle_id");
    let ghost = json!({ "id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9" });
    app.post(
        "/jobs",
        &app.test_key,
        brake_job(&app.part_id, &ghost, &vehicle),
    )
    .await
    .expect_error(404, "customer_not_found");
    let ghost = json!({ "id": "veh_01jd3q9b2cd3e4f5g6h7j8k9m0" });
    app.post(
        "/jobs",
        &app.test_key,
        brake_job(&app.part_id, &customer, &ghost),
    )
    .await
    .expect_error(404, "vehicle_not_found");
    let mut body = brake_job(&app.part_id, &customer, &vehicle);
    body["title"] = json!("");
    app.post("/jobs", &app.test_key, body)
        .await
        .expect_error(400, "invalid_request");
    let mut body = brake_job(&app.part_id, &customer, &vehicle);
    body["status"] = json!("completed");
    app.post("/jobs", &app.test_key, body)
        .await
        .expect_error(400, "invalid_request");
}

#[tokio::test]
async fn jobs_move_along_the_board_and_illegal_moves_are_409() {
    let app = TestServer::start().await;
    let (_, _, job) = create_job(&app, &app.test_key).await;
    let status = format!("{}/status", path(&job));
    let moved = app
        .post(&status, &app.test_key, json!({ "status": "in-progress" }))
        .await
        .expect(200)
        .body;
    assert_eq!(moved["status"], "in-progress");
    assert!(moved["started_at"].is_string());
    let back = app
        .post(&status, &app.test_key, json!({ "status": "pending" }))
        .await
        .expect(200)
        .body;
    assert_eq!(back["status"], "pending");
    assert_eq!(back["started_at"], Value::Null);
    app.post(&status, &app.test_key, json!({ "status": "completed" }))
        .await
        .expect_error(409, "invalid_status_transition");
    app.post(&status, &app.test_key, json!({ "status": "pending" }))
        .await
        .expect_error(409, "invalid_status_transition");
    app.post(&status, &app.test_key, json!({ "status": "in-progress" }))
        .await
        .expect(200);
    app.clock.advance(chrono::Duration::hours(2));
    let done = app
        .post(&status, &app.test_key, json!({ "status": "completed" }))
        .await
        .expect(200)
        .body;
    assert_eq!(done["status"], "completed");
    let started =
        chrono::DateTime::parse_from_rfc3339(done["started_at"].as_str().unwrap()).unwrap();
    let completed =
        chrono::DateTime::parse_from_rfc3339(done["completed_at"].as_str().unwrap()).unwrap();
    assert_eq!(completed - started, chrono::Duration::hours(2));
    for to in ["pending", "in-progress", "cancelled", "completed"] {
        let reply = app
            .post(&status, &app.test_key, json!({ "status": to }))
            .await
            .expect_error(409, "invalid_status_transition");
        assert!(
            reply.message().contains("from completed"),
            "{}",
            reply.message()
        );
    }
    let reply = app
        .post(&status, &app.test_key, json!({ "status": "done" }))
        .await
        .expect_error(400, "invalid_request");
    assert_eq!(reply.body["error"]["param"], "status");
    assert_eq!(
        app.get(&path(&job), &app.test_key).await.expect(200).body["status"],
        "completed"
    );

    let (_, _, other) = create_job(&app, &app.test_key).await;
    let status = format!("{}/status", path(&other));
    let cancelled = app
        .post(&status, &app.test_key, json!({ "status": "cancelled" }))
        .await
        .expect(200)
        .body;
    assert!(cancelled["cancelled_at"].is_string());
    app.post(&status, &app.test_key, json!({ "status": "pending" }))
        .await
        .expect_error(409, "invalid_status_transition");
}

#[tokio::test]
async fn open_jobs_can_be_edited_and_closed_ones_cannot() {
    let app = TestServer::start().await;
    let (customer, _, job) = create_job(&app, &app.test_key).await;
    let spare = app
        .post(
            &format!("/customers/{}/vehicles", customer["id"].as_str().unwrap()),
            &app.test_key,
            json!({ "make": "Ford" }),
        )
        .await
        .expect(201)
        .body;
    let edited = app
        .put(
            &path(&job),
            &app.test_key,
            json!({
                "title": "Brakes and fluid",
                "description": "Grinding noise",
                "vehicle_id": spare["id"],
                "line_items": [{ "kind": "labor", "description": "Flush", "hours": "0.5", "rate": 10000 }]
            }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(edited["title"], "Brakes and fluid");
    assert_eq!(edited["vehicle_id"], spare["id"]);
    assert_eq!(edited["subtotal"], 5000);
    assert_eq!(edited["line_items"].as_array().unwrap().len(), 1);
    let cleared = app
        .put(&path(&job), &app.test_key, json!({ "description": null }))
        .await
        .expect(200)
        .body;
    assert_eq!(cleared["description"], Value::Null);
    assert_eq!(cleared["title"], "Brakes and fluid");
    let reply = app
        .put(&path(&job), &app.test_key, json!({ "status": "completed" }))
        .await
        .expect_error(400, "invalid_request");
    assert!(reply.message().contains("status"), "{}", reply.message());

    let status = format!("{}/status", path(&job));
    app.post(&status, &app.test_key, json!({ "status": "in-progress" }))
        .await
        .expect(200);
    app.post(&status, &app.test_key, json!({ "status": "completed" }))
        .await
        .expect(200);
    app.put(&path(&job), &app.test_key, json!({ "title": "Too late" }))
        .await
        .expect_error(409, "job_not_editable");
    app.delete(&path(&job), &app.test_key).await.expect(200);
    app.get(&path(&job), &app.test_key)
        .await
        .expect_error(404, "job_not_found");
    app.delete(&path(&job), &app.test_key)
        .await
        .expect_error(404, "job_not_found");
}

#[tokio::test]
async fn jobs_list_newest_first_with_filters_and_paging() {
    let app = TestServer::start().await;
    let (a_customer, a_vehicle) = customer_with_vehicle(&app, &app.test_key, "A").await;
    let (b_customer, b_vehicle) = customer_with_vehicle(&app, &app.test_key, "B").await;
    let mut ids = vec![];
    for (customer, vehicle) in [
        (&a_customer, &a_vehicle),
        (&a_customer, &a_vehicle),
        (&b_customer, &b_vehicle),
    ] {
        let job = app
            .post(
                "/jobs",
                &app.test_key,
                brake_job(&app.part_id, customer, vehicle),
            )
            .await
            .expect(201)
            .body;
        ids.push(job["id"].as_str().unwrap().to_owned());
    }
    let mut south = brake_job(&app.part_id, &b_customer, &b_vehicle);
    south["location_id"] = json!(app.locations[1].as_str());
    let south = app
        .post("/jobs", &app.test_key, south)
        .await
        .expect(201)
        .body;
    assert_eq!(south["location_id"], app.locations[1].as_str());
    app.post(
        &format!("/jobs/{}/status", ids[0]),
        &app.test_key,
        json!({ "status": "in-progress" }),
    )
    .await
    .expect(200);

    let ids_of = |body: &Value| -> Vec<String> {
        body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|j| j["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = app.get("/jobs", &app.test_key).await.expect(200).body;
    assert_eq!(all["total"], 4);
    assert_eq!(
        ids_of(&all)[0],
        south["id"].as_str().unwrap(),
        "newest first"
    );
    let busy = app
        .get("/jobs?status=in-progress", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(ids_of(&busy), [ids[0].clone()]);
    let pending = app
        .get("/jobs?status=pending", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(pending["total"], 3);
    let a = app
        .get(
            &format!("/jobs?customer_id={}", a_customer["id"].as_str().unwrap()),
            &app.test_key,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(ids_of(&a), [ids[1].clone(), ids[0].clone()]);
    let b = app
        .get(
            &format!(
                "/jobs?vehicle_id={}&status=pending",
                b_vehicle["id"].as_str().unwrap()
            ),
            &app.test_key,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(b["total"], 2);
    let at_south = app
        .get(
            &format!("/jobs?location_id={}", app.locations[1]),
            &app.test_key,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(
        ids_of(&at_south),
        [south["id"].as_str().unwrap().to_owned()]
    );
    let page = app
        .get("/jobs?limit=2&offset=1", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(page["total"], 4);
    assert_eq!(page["has_more"], true);
    assert_eq!(ids_of(&page), [ids[2].clone(), ids[1].clone()]);
    for bad in [
        "status=done",
        "limit=0",
        "limit=101",
        "customer_id=12345",
        "colour=red",
    ] {
        app.get(&format!("/jobs?{bad}"), &app.test_key)
            .await
            .expect(400);
    }
}

#[tokio::test]
async fn jobs_respect_mode_shop_location_and_scopes() {
    let app = TestServer::start().await;
    let (_, _, job) = create_job(&app, &app.test_key).await;
    let (north, south) = (&app.locations[0], &app.locations[1]);
    // Live keys never see sandbox jobs, and other shops get 404s.
    app.get(&path(&job), &app.live_key)
        .await
        .expect_error(404, "job_not_found");
    assert_eq!(
        app.get("/jobs", &app.live_key).await.expect(200).body["total"],
        0
    );
    let rival = app.other_shop_key().await;
    app.get(&path(&job), &rival)
        .await
        .expect_error(404, "job_not_found");
    app.post(
        &format!("{}/status", path(&job)),
        &rival,
        json!({ "status": "in-progress" }),
    )
    .await
    .expect_error(404, "job_not_found");
    app.delete(&path(&job), &rival)
        .await
        .expect_error(404, "job_not_found");

    // A key limited to South sees only South's jobs, and cannot open one at North.
    let south_key = app.key(Mode::Test, Scope::ALL, Some(south)).await;
    assert_eq!(job["location_id"], north.as_str());
    app.get(&path(&job), &south_key)
        .await
        .expect_error(404, "job_not_found");
    assert_eq!(
        app.get("/jobs", &south_key).await.expect(200).body["total"],
        0
    );
    let (customer, vehicle) = customer_with_vehicle(&app, &south_key, "South").await;
    let mine = app
        .post(
            "/jobs",
            &south_key,
            brake_job(&app.part_id, &customer, &vehicle),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(mine["location_id"], south.as_str());
    let mut elsewhere = brake_job(&app.part_id, &customer, &vehicle);
    elsewhere["location_id"] = json!(north.as_str());
    app.post("/jobs", &south_key, elsewhere)
        .await
        .expect_error(403, "location_forbidden");
    let list = app.get("/jobs", &south_key).await.expect(200).body;
    assert_eq!(list["total"], 1);

    // Scopes gate every endpoint.
    let readonly = app.key(Mode::Test, &[Scope::JobsRead], None).await;
    let nothing = app.key(Mode::Test, &[Scope::CustomersRead], None).await;
    app.get(&path(&job), &readonly).await.expect(200);
    app.get("/jobs", &readonly).await.expect(200);
    for key in [&readonly, &nothing] {
        app.post("/jobs", key, brake_job(&app.part_id, &customer, &vehicle))
            .await
            .expect_error(403, "missing_scope");
        app.put(&path(&job), key, json!({}))
            .await
            .expect_error(403, "missing_scope");
        app.post(
            &format!("{}/status", path(&job)),
            key,
            json!({ "status": "cancelled" }),
        )
        .await
        .expect_error(403, "missing_scope");
        app.delete(&path(&job), key)
            .await
            .expect_error(403, "missing_scope");
    }
    app.get("/jobs", &nothing)
        .await
        .expect_error(403, "missing_scope");
    app.get(&path(&job), &nothing)
        .await
        .expect_error(403, "missing_scope");
    app.get("/jobs/job_123", &app.test_key)
        .await
        .expect_error(400, "invalid_id");
}

#[tokio::test]
async fn deleting_a_vehicle_or_customer_takes_their_jobs_and_invoices_along() {
    let app = TestServer::start().await;
    let (customer, vehicle, job) = create_job(&app, &app.test_key).await;
    let invoice = app
        .post("/invoices", &app.test_key, json!({ "job_id": job["id"] }))
        .await
        .expect(201)
        .body;
    let invoice_path = format!("/invoices/{}", invoice["id"].as_str().unwrap());
    app.delete(
        &format!("/vehicles/{}", vehicle["id"].as_str().unwrap()),
        &app.test_key,
    )
    .await
    .expect(200);
    app.get(&path(&job), &app.test_key)
        .await
        .expect_error(404, "job_not_found");
    let kept = app.get(&invoice_path, &app.test_key).await.expect(200).body;
    assert_eq!(
        (kept["vehicle_id"].clone(), kept["job_id"].clone()),
        (Value::Null, Value::Null)
    );
    app.delete(
        &format!("/customers/{}", customer["id"].as_str().unwrap()),
        &app.test_key,
    )
    .await
    .expect(200);
    app.get(&invoice_path, &app.test_key)
        .await
        .expect_error(404, "invoice_not_found");
}

#[tokio::test]
async fn a_part_id_must_name_a_part_of_the_catalog() {
    let app = TestServer::start().await;
    let (customer, vehicle) = customer_with_vehicle(&app, &app.test_key, "Sarah Chen").await;
    let unknown = "prt_01jd3q7x6yw5v4t3s2r1q0p9n8";
    let body = brake_job(unknown, &customer, &vehicle);
    let reply = app
        .post("/jobs", &app.test_key, body)
        .await
        .expect_error(404, "part_not_found");
    assert_eq!(reply.body["error"]["param"], "line_items[1].part_id");
    assert!(reply.message().contains(unknown), "{}", reply.message());
    let job = app
        .post(
            "/jobs",
            &app.test_key,
            brake_job(&app.part_id, &customer, &vehicle),
        )
        .await
        .expect(201)
        .body;
    let lines = json!({ "line_items": [{ "kind": "part", "description": "x", "part_id": unknown, "quantity": 1, "unit_price": 5 }] });
    let path = format!("/jobs/{}", job["id"].as_str().unwrap());
    app.put(&path, &app.test_key, lines.clone())
        .await
        .expect_error(404, "part_not_found");
    let invoice = json!({ "customer_id": customer["id"], "line_items": lines["line_items"] });
    app.post("/invoices", &app.test_key, invoice)
        .await
        .expect_error(404, "part_not_found");
}
