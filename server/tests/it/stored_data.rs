//! The mail and PDF builders take stored data as it is. Rows written before the API refused
//! control characters, or by hand, can hold line breaks, NULs, other control characters, very
//! long text and any script: sending the invoice still works, no header is injected, and the PDF
//! opens. Each case writes its data straight into the database.

use serde_json::{Value, json};
use std::process::Command;

use crate::invoices::set_tax;
use crate::jobs::create_job;
use crate::mime;
use crate::smtp_sink::SmtpSink;
use vinsnap_server::db::{self, Engine};
use vinsnap_testkit::database::engine;
use vinsnap_testkit::{Options, Reply, TestServer};

fn hostile() -> Vec<(&'static str, String)> {
    let mut cases = vec![
        (
            "a line break",
            "Sarah\r\nBcc: everyone@example.com".to_owned(),
        ),
        ("a bare line feed", "Sarah\nChen".to_owned()),
        (
            "other control characters",
            "Sarah\u{7}\u{1b}[31m\u{7f}\u{85}Ch\u{2028}en\tx\u{feff}\u{8}".to_owned(),
        ),
        (
            "a very long name",
            format!("Sarah {}Chen", "Long ".repeat(3000)),
        ),
        (
            "non-Latin text",
            "Sarah 陈莎拉 Σάρα Сара سارة 🚗 Chen".to_owned(),
        ),
    ];
    // PostgreSQL's text cannot hold a NUL: there, no row can.
    if engine() == Engine::Sqlite {
        cases.push(("a NUL", "Sarah\0Chen".to_owned()));
    }
    cases
}

/// An invoice of `app`'s whose every free-text field, and the shop's and location's names and
/// address, hold `text`.
async fn poisoned_invoice(app: &TestServer, text: &str) -> Value {
    set_tax(app, "USD", 825).await;
    let (customer, vehicle, job) = create_job(app, &app.test_key).await;
    let invoice = app
        .post(
            "/invoices",
            &app.test_key,
            json!({ "job_id": job["id"], "notes": "Thanks" }),
        )
        .await
        .expect(201)
        .body;
    let db = &app.db;
    let exec = |sql: db::Sql<'static>, id: &Value| {
        let id = id.as_str().unwrap().to_owned();
        let text = text.to_owned();
        async move {
            db::query(sql)
                .bind(text)
                .bind(id)
                .execute(db)
                .await
                .unwrap();
        }
    };
    exec(
        "UPDATE customers SET name = $1, phone = $1 WHERE id = $2".into(),
        &customer["id"],
    )
    .await;
    exec(
        "UPDATE vehicles SET make = $1, model = $1, trim = $1, license_plate = $1 WHERE id = $2"
            .into(),
        &vehicle["id"],
    )
    .await;
    exec(
        db::PerEngine {
            sqlite: "UPDATE invoices SET notes = $1,
                     line_items = json_set(line_items, '$[0].description', $1) WHERE id = $2",
            postgres: "UPDATE invoices SET notes = $1,
                       line_items = jsonb_set(line_items::jsonb, '{0,description}',
                                              to_jsonb($1::text))::text
                       WHERE id = $2",
        }
        .into(),
        &invoice["id"],
    )
    .await;
    exec(
        "UPDATE locations SET name = $1, address = $1 WHERE id = $2".into(),
        &customer["location_id"],
    )
    .await;
    db::query("UPDATE shops SET name = $1")
        .bind(text)
        .execute(db)
        .await
        .unwrap();
    invoice
}

async fn send(app: &TestServer, invoice: &Value) -> Reply {
    let path = format!("/invoices/{}/send", invoice["id"].as_str().unwrap());
    app.call(reqwest::Method::POST, &path, Some(&app.test_key), None)
        .await
}

/// The message's head: every line a header (or a folded continuation), none injected.
fn assert_clean_head(eml: &str, case: &str) {
    let head = eml.split("\r\n\r\n").next().unwrap();
    for line in head.split("\r\n") {
        assert!(
            line.starts_with(' ') || line.starts_with('\t') || line.contains(':'),
            "{case}: a header line that is not a header: {line:?}"
        );
        assert!(
            !line.to_ascii_lowercase().starts_with("bcc:"),
            "{case}: a header was injected: {head}"
        );
        assert!(
            line.bytes()
                .all(|b| b == b'\t' || (0x20..0x7f).contains(&b)),
            "{case}: the header holds a raw control or 8-bit byte: {line:?}"
        );
    }
}

/// pdftotext reads the PDF (so it opens) and finds the invoice in it.
fn assert_pdf_opens(pdf: &[u8], invoice: &Value, case: &str) {
    assert!(pdf.starts_with(b"%PDF-"), "{case}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("invoice.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext is installed (scripts/test installs poppler-utils)");
    assert!(out.status.success(), "{case}: {out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [invoice["id"].as_str().unwrap(), "Sarah", "Total"] {
        assert!(
            text.contains(expected),
            "{case}: no {expected:?} in:\n{text}"
        );
    }
}

#[tokio::test]
async fn invoices_with_hostile_stored_text_are_sent_to_the_outbox() {
    for (case, text) in hostile() {
        let app = TestServer::start().await;
        let invoice = poisoned_invoice(&app, &text).await;
        let sent = send(&app, &invoice).await;
        assert_eq!(sent.status, 200, "{case}: {}", sent.body);
        let files: Vec<_> = std::fs::read_dir(&app.outbox)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "{case}");
        let eml = std::fs::read_to_string(&files[0])
            .unwrap()
            .replace("\r\n", "\n")
            .replace('\n', "\r\n");
        assert_clean_head(&eml, case);
        let (pdf, _) = mime::pdf_attachment(&eml);
        assert_pdf_opens(&pdf, &invoice, case);
    }
}

#[tokio::test]
async fn invoices_with_hostile_stored_text_reach_the_mail_server() {
    let mut sink = SmtpSink::start().await;
    let app = TestServer::start_with(Options::smtp(Some(sink.url.clone()))).await;
    for (case, text) in hostile() {
        let invoice = poisoned_invoice(&app, &text).await;
        let sent = send(&app, &invoice).await;
        assert_eq!(sent.status, 200, "{case}: {}", sent.body);
        let received = sink.next().await;
        assert_eq!(received.rcpt_to, ["<s.chen@email.com>"], "{case}");
        assert_clean_head(&received.data, case);
        let (pdf, _) = mime::pdf_attachment(&received.data);
        assert_pdf_opens(&pdf, &invoice, case);
    }
}

/// A stored email address that no mail can reach is the customer's data to fix (409), not the
/// mail server's fault (502), and nothing is sent.
#[tokio::test]
async fn a_stored_email_that_is_not_an_address_is_a_conflict_naming_the_customer() {
    let mut sink = SmtpSink::start().await;
    let app = TestServer::start_with(Options::smtp(Some(sink.url.clone()))).await;
    for email in [
        "s.chen@email.com\0",
        "s.chen@email.com\r\nBcc: everyone@example.com",
        "s.chen@email.com, everyone@example.com",
        "not an address",
    ] {
        let invoice = poisoned_invoice(&app, "Sarah Chen").await;
        if email.contains('\0') && engine() == Engine::Postgres {
            continue; // PostgreSQL's text cannot hold a NUL.
        }
        db::query("UPDATE customers SET email = $1 WHERE id = $2")
            .bind(email)
            .bind(invoice["customer_id"].as_str().unwrap())
            .execute(&app.db)
            .await
            .unwrap();
        let reply = send(&app, &invoice)
            .await
            .expect_error(409, "customer_email_invalid");
        assert!(
            reply
                .message()
                .contains(invoice["customer_id"].as_str().unwrap()),
            "{}",
            reply.message()
        );
        let after = app
            .get(
                &format!("/invoices/{}", invoice["id"].as_str().unwrap()),
                &app.test_key,
            )
            .await
            .expect(200)
            .body;
        assert_eq!(after["status"], "draft", "{email:?}");
    }
    // A good address afterwards goes through: nothing was queued before.
    let invoice = poisoned_invoice(&app, "Sarah Chen").await;
    send(&app, &invoice).await.expect(200);
    assert_eq!(sink.next().await.rcpt_to, ["<s.chen@email.com>"]);
}
