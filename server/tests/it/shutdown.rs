//! SIGTERM to the real binary while requests are in flight: the ones waiting on slow outbound
//! calls (a webhook test call to a receiver that never answers, an invoice email to a mail
//! server that never speaks) answer at once, requests still arriving finish, idle keep-alive
//! connections close cleanly, nothing is reset, no idempotency key stays locked, and the process
//! exits well inside ten seconds.

use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use vinsnap_server::db;
use vinsnap_testkit::process::ServerProcess;

/// Reads until the server closes; a reset fails the test.
async fn read_all(stream: &mut TcpStream) -> String {
    let mut bytes = Vec::new();
    stream
        .read_to_end(&mut bytes)
        .await
        .expect("the connection ends with a close, not a reset");
    String::from_utf8(bytes).unwrap()
}

/// Reads one answer from a connection that stays open: its head, then `content-length` bytes.
async fn read_one(stream: &mut TcpStream) -> String {
    let mut bytes = Vec::new();
    let mut byte = [0u8; 1];
    while !bytes.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).await.unwrap();
        bytes.push(byte[0]);
    }
    let head = String::from_utf8(bytes.clone())
        .unwrap()
        .to_ascii_lowercase();
    let length: usize = head
        .split("\r\n")
        .find_map(|l| l.strip_prefix("content-length: "))
        .unwrap()
        .parse()
        .unwrap();
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await.unwrap();
    bytes.extend(body);
    String::from_utf8(bytes).unwrap()
}

/// The status and JSON body of the one answer in `raw`.
fn answer(raw: &str) -> (u16, Value) {
    let (head, body) = raw
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete answer in {raw:?}"));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    assert!(
        head.to_ascii_lowercase().contains("\r\nx-request-id: req_"),
        "{head}"
    );
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

async fn connect(base: &str) -> TcpStream {
    TcpStream::connect(base.trim_start_matches("http://"))
        .await
        .unwrap()
}

fn post(path: &str, key: &str, idempotency_key: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n\
         Idempotency-Key: {idempotency_key}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
}

#[tokio::test]
async fn sigterm_ends_the_process_promptly_without_cutting_a_request() {
    let binary = Path::new(env!("CARGO_BIN_EXE_vinsnap-server"));
    let database = vinsnap_testkit::TestDatabase::new().await;
    let key = vinsnap_testkit::seed_database(&database).await;
    let silent_smtp = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let smtp = format!("smtp://{}", silent_smtp.local_addr().unwrap());
    let silent_receiver = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", silent_receiver.local_addr().unwrap());
    let mut server = ServerProcess::start(binary, &database.arg(), &["--smtp-url", &smtp]).await;
    let base = server.base.clone();
    let hook = json!({ "url": hook, "events": ["invoice.paid"] });
    let endpoint = server.post(&key, "/webhooks", hook).await;
    let invoice = crate::idempotency::mailable_invoice(&server, &key).await;

    // Two webhook test calls and an invoice email, each waiting on its silent peer.
    let test_path = format!("/webhooks/{}/test", endpoint["id"].as_str().unwrap());
    let mut waiting = Vec::new();
    let mut peers = Vec::new();
    for i in 0..2 {
        let mut stream = connect(&base).await;
        stream
            .write_all(post(&test_path, &key, &format!("ping-{i}")).as_bytes())
            .await
            .unwrap();
        waiting.push(stream);
        peers.push(silent_receiver.accept().await.unwrap().0);
    }
    let send_path = format!("/invoices/{}/send", invoice["id"].as_str().unwrap());
    let mut emailing = connect(&base).await;
    emailing
        .write_all(post(&send_path, &key, "send-1").as_bytes())
        .await
        .unwrap();
    peers.push(silent_smtp.accept().await.unwrap().0);

    // Keep-alive connections that have had their answer and sit idle.
    let mut idle = Vec::new();
    for _ in 0..3 {
        let mut stream = connect(&base).await;
        let request =
            format!("GET /customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        let (status, _) = answer(&read_one(&mut stream).await);
        assert_eq!(status, 200);
        idle.push(stream);
    }

    // Requests on their way: half a head sent before the signal, the rest after it; and whole
    // requests sent just before it.
    let (first_half, second_half) = (
        "GET /customers?limit=1 HTTP/1.1\r\nHost: x\r\n".to_owned(),
        format!("Authorization: Bearer {key}\r\nConnection: close\r\n\r\n"),
    );
    let mut halves = Vec::new();
    for _ in 0..10 {
        let mut stream = connect(&base).await;
        stream.write_all(first_half.as_bytes()).await.unwrap();
        halves.push(stream);
    }
    let mut whole = Vec::new();
    for _ in 0..10 {
        let mut stream = connect(&base).await;
        stream
            .write_all(format!("{first_half}{second_half}").as_bytes())
            .await
            .unwrap();
        whole.push(stream);
    }

    let signalled = Instant::now();
    server.terminate();
    tokio::time::sleep(Duration::from_millis(100)).await;
    for stream in &mut halves {
        stream.write_all(second_half.as_bytes()).await.unwrap();
    }

    for stream in &mut waiting {
        let (status, body) = answer(&read_all(stream).await);
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["success"], false, "{body}");
        assert!(
            body["message"].as_str().unwrap().contains("shutting down"),
            "{body}"
        );
    }
    let (status, body) = answer(&read_all(&mut emailing).await);
    assert_eq!(status, 502, "{body}");
    assert_eq!(body["error"]["code"], "email_delivery_failed");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("shutting down"),
        "{body}"
    );
    for stream in halves.iter_mut().chain(whole.iter_mut()) {
        let (status, body) = answer(&read_all(stream).await);
        assert_eq!(status, 200, "{body}");
        assert!(body["data"].is_array(), "{body}");
    }
    for stream in &mut idle {
        assert_eq!(read_all(stream).await, "", "an idle connection just closes");
    }
    drop((waiting, emailing, halves, whole, idle));

    let status = tokio::time::timeout(Duration::from_secs(10), server.exited())
        .await
        .expect("the server exits within ten seconds of SIGTERM");
    assert!(status.success(), "{status}");
    let took = signalled.elapsed();
    assert!(took < Duration::from_secs(10), "shutdown took {took:?}");
    drop(peers);

    // Nothing is left half-done: no key stays locked, the invoice is unsent, and the cancelled
    // test calls are logged as such.
    let pool = database.connect().await;
    let locked: i64 = db::query("SELECT COUNT(*) FROM idempotency_keys WHERE status IS NULL")
        .fetch_scalar(&pool)
        .await
        .unwrap();
    assert_eq!(locked, 0);
    let invoice_status: String = db::query("SELECT status FROM invoices WHERE id = $1")
        .bind(invoice["id"].as_str().unwrap())
        .fetch_scalar(&pool)
        .await
        .unwrap();
    assert_eq!(invoice_status, "draft");
    let cancelled: i64 = db::query(
        "SELECT COUNT(*) FROM webhook_attempts WHERE error LIKE 'cancelled%shutting down'",
    )
    .fetch_scalar(&pool)
    .await
    .unwrap();
    assert_eq!(cancelled, 2);
}
