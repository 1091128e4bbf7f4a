//! Sending invoices: the branded PDF (rendered with poppler to prove it opens and is not blank),
//! the email with the PDF attached (outbox `.eml` without SMTP, a real SMTP exchange with it),
//! and the signed PDF link (valid, expired, tampered).

use reqwest::Method;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;
use vinsnap_server::auth::{Mode, Scope};

use crate::invoices::set_tax;
use crate::jobs::{brake_job, create_job, customer_with_vehicle};
use crate::mime;
use crate::smtp_sink::SmtpSink;
use vinsnap_testkit::{Options, TestServer};

/// A sent-ready invoice from a job for Sarah Chen (who has an email address).
async fn invoice(app: &TestServer) -> Value {
    set_tax(app, "USD", 825).await;
    let (_, _, job) = create_job(app, &app.test_key).await;
    app.post(
        "/invoices",
        &app.test_key,
        json!({ "job_id": job["id"], "notes": "Warranty: 12 months / 12,000 miles." }),
    )
    .await
    .expect(201)
    .body
}

async fn send(app: &TestServer, invoice: &Value) -> vinsnap_testkit::Reply {
    let path = format!("/invoices/{}/send", invoice["id"].as_str().unwrap());
    app.call(Method::POST, &path, Some(&app.test_key), None)
        .await
}

fn eml_files(outbox: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(outbox) {
        Ok(dir) => dir
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect(),
        Err(_) => vec![],
    }
}

async fn download(url: &str) -> reqwest::Response {
    reqwest::get(url).await.unwrap()
}

#[tokio::test]
async fn without_smtp_the_email_lands_in_the_outbox_with_the_pdf() {
    let app = TestServer::start().await;
    let invoice = invoice(&app).await;
    assert!(eml_files(&app.outbox).is_empty());
    let sent = send(&app, &invoice).await.expect(200).body;
    assert_eq!(sent["status"], "sent");
    assert_eq!(sent["sent_to"], "s.chen@email.com");
    assert!(sent["sent_at"].is_string());
    let message_id = sent["message_id"].as_str().unwrap();
    assert!(
        message_id.starts_with('<') && message_id.ends_with("@testgarage.example>"),
        "{message_id}"
    );
    assert!(sent["pdf_url"].as_str().unwrap().starts_with(&app.base));

    let files = eml_files(&app.outbox);
    assert_eq!(files.len(), 1, "one .eml in the outbox");
    let eml = std::fs::read_to_string(&files[0])
        .unwrap()
        .replace('\n', "\r\n")
        .replace("\r\r\n", "\r\n");
    assert_eq!(
        mime::header(&eml, "Message-ID").as_deref(),
        Some(message_id)
    );
    assert!(
        mime::header(&eml, "To")
            .unwrap()
            .contains("s.chen@email.com")
    );
    let from = mime::header(&eml, "From").unwrap();
    assert!(
        from.contains("Test Garage") && from.contains("invoices@testgarage.example"),
        "{from}"
    );
    let subject = mime::header(&eml, "Subject").unwrap();
    assert!(
        subject.contains(invoice["id"].as_str().unwrap()),
        "{subject}"
    );
    let (pdf, filename) = mime::pdf_attachment(&eml);
    assert_eq!(filename, format!("{}.pdf", invoice["id"].as_str().unwrap()));
    assert!(pdf.starts_with(b"%PDF-"), "the attachment is a PDF");

    // The signed link serves the same PDF, without an API key.
    let response = download(sent["pdf_url"].as_str().unwrap()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert_eq!(response.bytes().await.unwrap().as_ref(), pdf.as_slice());

    // Sending again re-sends: a second email with a new Message-ID.
    let again = send(&app, &invoice).await.expect(200).body;
    assert_ne!(again["message_id"], sent["message_id"]);
    assert_eq!(eml_files(&app.outbox).len(), 2);
}

#[tokio::test]
async fn the_pdf_opens_renders_a_non_blank_page_and_holds_the_invoice() {
    let app = TestServer::start().await;
    let invoice = invoice(&app).await;
    let sent = send(&app, &invoice).await.expect(200).body;
    let pdf = download(sent["pdf_url"].as_str().unwrap())
        .await
        .bytes()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("invoice.pdf");
    std::fs::write(&file, &pdf).unwrap();

    // pdftoppm (poppler-utils, installed by scripts/test) renders page 1 as a PPM image.
    let out = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "40", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&file)
        .arg(&out)
        .status()
        .expect("pdftoppm is installed (scripts/test installs poppler-utils)");
    assert!(status.success(), "pdftoppm could not render the PDF");
    let ppm = std::fs::read(out.with_extension("ppm")).unwrap();
    let (width, height, pixels) = parse_ppm(&ppm);
    assert!(width > 300 && height > 400, "{width}x{height}");
    let inked = pixels
        .chunks(3)
        .filter(|p| p.iter().any(|&c| c < 200))
        .count();
    let share = inked as f64 / (width * height) as f64;
    assert!(
        share > 0.05,
        "only {:.1}% of the page is inked",
        share * 100.0
    );
    // Dark text is drawn below the letterhead band too (the table, totals and notes).
    let below_band = &pixels[pixels.len() / 5..];
    let dark = below_band
        .chunks(3)
        .filter(|p| p.iter().all(|&c| c < 128))
        .count();
    assert!(dark > 200, "only {dark} dark pixels below the letterhead");

    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in [
        "Test Garage",
        "1 North St",
        "INVOICE",
        invoice["id"].as_str().unwrap(),
        "Sarah Chen",
        "s.chen@email.com",
        "VIN 1HGCM82633A004352",
        "Plate 7ABC123",
        "Replace pads",
        "1.50 h",
        "180.00",
        "Pad set",
        "129.98",
        "Subtotal",
        "USD 318.97",
        "Tax (8.25%)",
        "USD 26.32",
        "Total",
        "USD 345.29",
        "Warranty: 12 months / 12,000 miles.",
    ] {
        assert!(
            text.contains(expected),
            "the PDF text lacks {expected:?}:\n{text}"
        );
    }
}

fn parse_ppm(ppm: &[u8]) -> (usize, usize, &[u8]) {
    // "P6\n<w> <h>\n<max>\n" then RGB bytes.
    let mut fields = vec![];
    let mut at = 0;
    while fields.len() < 4 {
        while ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(std::str::from_utf8(&ppm[start..at]).unwrap().to_owned());
    }
    assert_eq!(fields[0], "P6");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &ppm[at + 1..];
    assert_eq!(pixels.len(), w * h * 3);
    (w, h, pixels)
}

#[tokio::test]
async fn with_smtp_the_email_goes_to_the_mail_server() {
    let mut sink = SmtpSink::start().await;
    let app = TestServer::start_with(Options::smtp(Some(sink.url.clone()))).await;
    let invoice = invoice(&app).await;
    let sent = send(&app, &invoice).await.expect(200).body;
    let received = sink.next().await;
    assert_eq!(received.mail_from, "<invoices@testgarage.example>");
    assert_eq!(received.rcpt_to, ["<s.chen@email.com>"]);
    assert_eq!(
        mime::header(&received.data, "Message-ID").as_deref(),
        sent["message_id"].as_str()
    );
    let (pdf, _) = mime::pdf_attachment(&received.data);
    assert!(pdf.starts_with(b"%PDF-"));
    let served = download(sent["pdf_url"].as_str().unwrap())
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(served.as_ref(), pdf.as_slice());
    assert!(
        eml_files(&app.outbox).is_empty(),
        "nothing goes to the outbox with SMTP set"
    );
}

#[tokio::test]
async fn a_failing_mail_server_is_a_502_and_changes_nothing() {
    // Bind and drop a listener to get a local port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = TestServer::start_with(Options::smtp(Some(format!("smtp://127.0.0.1:{port}")))).await;
    let invoice = invoice(&app).await;
    send(&app, &invoice)
        .await
        .expect_error(502, "email_delivery_failed");
    let after = app
        .get(
            &format!("/invoices/{}", invoice["id"].as_str().unwrap()),
            &app.test_key,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(after["status"], "draft");
    assert_eq!(after["pdf_url"], Value::Null);
}

#[tokio::test]
async fn a_customer_without_email_cannot_be_sent_an_invoice() {
    let app = TestServer::start().await;
    let customer = app.customer("No Email").await;
    let invoice = app
        .post(
            "/invoices",
            &app.test_key,
            json!({ "customer_id": customer["id"] }),
        )
        .await
        .expect(201)
        .body;
    send(&app, &invoice)
        .await
        .expect_error(409, "customer_email_missing");
}

#[tokio::test]
async fn pdf_links_are_signed_expiring_and_tamper_proof() {
    let app = TestServer::start().await;
    let invoice = invoice(&app).await;
    let sent = send(&app, &invoice).await.expect(200).body;
    let url = sent["pdf_url"].as_str().unwrap().to_owned();
    let expires_at =
        chrono::DateTime::parse_from_rfc3339(sent["pdf_url_expires_at"].as_str().unwrap()).unwrap();
    assert_eq!(
        expires_at.timestamp() - app.clock_now().timestamp(),
        7 * 24 * 3600
    );
    assert_eq!(download(&url).await.status(), 200);

    let (base, query) = url.split_once('?').unwrap();
    let expires = query
        .split('&')
        .find_map(|p| p.strip_prefix("expires="))
        .unwrap();
    let signature = query
        .split('&')
        .find_map(|p| p.strip_prefix("signature="))
        .unwrap();
    let flipped = {
        let mut s = signature.to_owned();
        let last = if s.ends_with('0') { '1' } else { '0' };
        s.pop();
        s.push(last);
        s
    };
    let later: i64 = expires.parse::<i64>().unwrap() + 86_400;
    let other = app
        .post(
            "/invoices",
            &app.test_key,
            json!({ "customer_id": invoice["customer_id"] }),
        )
        .await
        .expect(201)
        .body;
    let other_base = base.replace(
        invoice["id"].as_str().unwrap(),
        other["id"].as_str().unwrap(),
    );
    for (tampered, code) in [
        (
            format!("{base}?expires={expires}&signature={flipped}"),
            "invalid_signature",
        ),
        (
            format!("{base}?expires={later}&signature={signature}"),
            "invalid_signature",
        ),
        (
            format!("{other_base}?expires={expires}&signature={signature}"),
            "invalid_signature",
        ),
        (
            format!("{base}?expires={expires}&signature=zz"),
            "invalid_signature",
        ),
        (format!("{base}?expires={expires}"), "invalid_query"),
        (base.to_owned(), "invalid_query"),
    ] {
        let reply = TestServer::reply(reqwest::Client::new().get(&tampered)).await;
        assert!(
            reply.status == 403 || reply.status == 400,
            "{tampered}: {}",
            reply.status
        );
        assert_eq!(reply.error_code(), code, "{tampered}");
    }

    // Just before expiry it works; at expiry it is gone.
    app.clock
        .advance(chrono::Duration::days(7) - chrono::Duration::seconds(1));
    assert_eq!(download(&url).await.status(), 200);
    app.clock.advance(chrono::Duration::seconds(1));
    let reply = TestServer::reply(reqwest::Client::new().get(&url))
        .await
        .expect_error(410, "link_expired");
    assert!(reply.message().contains("expired"));

    // Fetching the invoice hands out a fresh link that works.
    let fresh = app
        .get(
            &format!("/invoices/{}", invoice["id"].as_str().unwrap()),
            &app.test_key,
        )
        .await
        .expect(200)
        .body;
    let fresh_url = fresh["pdf_url"].as_str().unwrap();
    assert_ne!(fresh_url, url);
    assert_eq!(download(fresh_url).await.status(), 200);
}

#[tokio::test]
async fn pdf_links_survive_a_restart() {
    // Two servers on one database share the persisted signing key.
    let app = TestServer::start().await;
    let invoice = invoice(&app).await;
    let sent = send(&app, &invoice).await.expect(200).body;
    let url = sent["pdf_url"].as_str().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let second = format!("http://{}", listener.local_addr().unwrap());
    let state = vinsnap_server::AppState::new(app.db.clone());
    tokio::spawn(vinsnap_server::serve(
        listener,
        state,
        std::future::pending(),
    ));
    let url = url.replace(&app.base, &second);
    assert_eq!(download(&url).await.status(), 200);
    // The restarted server's first state change that hands out a link (inside its write
    // transaction) reads the persisted key instead of waiting on its own lock.
    let pay = reqwest::Client::new()
        .post(format!(
            "{second}/invoices/{}/pay",
            invoice["id"].as_str().unwrap()
        ))
        .bearer_auth(&app.test_key)
        .json(&json!({ "amount": invoice["total"], "method": "cash" }));
    let paid = TestServer::reply(pay).await.expect(200).body;
    assert_eq!(paid["status"], "paid");
    let paid_url = paid["pdf_url"]
        .as_str()
        .unwrap()
        .replace("http://127.0.0.1:8080", &second);
    assert_eq!(download(&paid_url).await.status(), 200);
}

#[tokio::test]
async fn a_location_key_sends_its_locations_invoice_to_a_customer_of_another_location() {
    let app = TestServer::start().await;
    let (north, south) = (&app.locations[0], &app.locations[1]);
    let (customer, vehicle) = customer_with_vehicle(&app, &app.test_key, "Sarah Chen").await;
    assert_eq!(customer["location_id"], north.as_str());
    let mut body = brake_job(&app.part_id, &customer, &vehicle);
    body["location_id"] = json!(south.as_str());
    let job = app
        .post("/jobs", &app.test_key, body)
        .await
        .expect(201)
        .body;
    let invoice = app
        .post("/invoices", &app.test_key, json!({ "job_id": job["id"] }))
        .await
        .expect(201)
        .body;
    assert_eq!(invoice["location_id"], south.as_str());
    let south_key = app
        .key(Mode::Test, &[Scope::InvoicesWrite], Some(south))
        .await;
    let north_key = app
        .key(Mode::Test, &[Scope::InvoicesWrite], Some(north))
        .await;
    let path = format!("/invoices/{}/send", invoice["id"].as_str().unwrap());
    app.call(Method::POST, &path, Some(&north_key), None)
        .await
        .expect_error(404, "invoice_not_found");
    let sent = app
        .call(Method::POST, &path, Some(&south_key), None)
        .await
        .expect(200)
        .body;
    assert_eq!(sent["sent_to"], "s.chen@email.com");
}

#[tokio::test]
async fn a_long_invoice_continues_on_further_pages() {
    let app = TestServer::start().await;
    let (customer, _) = customer_with_vehicle(&app, &app.test_key, "Fleet Owner").await;
    let lines: Vec<Value> = (1..=80)
        .map(|i| json!({ "kind": "part", "description": format!("Part number {i}"), "quantity": 1, "unit_price": 100 * i }))
        .collect();
    let invoice = app
        .post(
            "/invoices",
            &app.test_key,
            json!({ "customer_id": customer["id"], "line_items": lines }),
        )
        .await
        .expect(201)
        .body;
    let sent = send(&app, &invoice).await.expect(200).body;
    let pdf = download(sent["pdf_url"].as_str().unwrap())
        .await
        .bytes()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let info = Command::new("pdfinfo")
        .arg(&file)
        .output()
        .expect("pdfinfo is installed");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo reports pages")
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 3, "80 lines need at least 3 pages, got {pages}");
    let text = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("(continued)"));
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    for i in [1, 40, 80] {
        assert!(
            text.contains(&format!("Part number {i}\n")),
            "line {i} is missing:\n{text}"
        );
    }
    // 100 × (1 + … + 80) = 324 000 minor units, no tax configured.
    assert!(text.contains("USD 3,240.00"), "{text}");
}
