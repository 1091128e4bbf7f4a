//! Every error the process sends is the envelope, including those hyper produces before the
//! router runs: each case is written byte for byte over a raw TCP socket.

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use vinsnap_testkit::TestServer;

/// One answer as it came off the wire.
struct Raw {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The envelope's code, after checking the envelope and its request id.
    #[track_caller]
    fn error_code(&self) -> String {
        assert_eq!(self.header("content-type"), Some("application/json"));
        let body: Value = serde_json::from_slice(&self.body).expect("a JSON body");
        assert_eq!(body["success"], false, "{body}");
        let id = body["error"]["request_id"].as_str().expect("request_id");
        assert!(id.starts_with("req_"), "{body}");
        assert_eq!(self.header("x-request-id"), Some(id), "{body}");
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
        body["error"]["code"].as_str().unwrap().to_owned()
    }
}

/// Parses the answers in `bytes`, in order (bodies framed by `content-length`).
fn parse(mut bytes: &[u8]) -> Vec<Raw> {
    let mut answers = Vec::new();
    while !bytes.is_empty() {
        let end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("an incomplete head: {:?}", String::from_utf8_lossy(bytes)));
        let head = std::str::from_utf8(&bytes[..end]).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .map(|l| {
                let (n, v) = l.split_once(':').unwrap();
                (n.to_owned(), v.trim().to_owned())
            })
            .collect();
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map(|(_, v)| v.parse().unwrap())
            .expect("every answer states its length");
        let body = bytes[end + 4..end + 4 + length].to_vec();
        bytes = &bytes[end + 4 + length..];
        answers.push(Raw {
            status,
            headers,
            body,
        });
    }
    answers
}

/// Writes `request` whole, then reads until the server closes the connection.
async fn exchange(app: &TestServer, request: &[u8]) -> Vec<Raw> {
    let mut stream = TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap();
    stream.write_all(request).await.unwrap();
    let mut bytes = Vec::new();
    stream
        .read_to_end(&mut bytes)
        .await
        .expect("the answer arrives whole, not cut by a reset");
    parse(&bytes)
}

fn get(target: &str, headers: &str) -> Vec<u8> {
    format!("GET {target} HTTP/1.1\r\nHost: x\r\n{headers}Connection: close\r\n\r\n").into_bytes()
}

#[tokio::test]
async fn hypers_own_rejections_are_envelopes_with_a_request_id() {
    let app = TestServer::start().await;
    let long_path = format!("/customers/{}", "a".repeat(100 * 1024));
    let many: String = (0..200).map(|i| format!("X-Header-{i}: 1\r\n")).collect();
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "NUL in Authorization",
            [
                &b"GET /customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer vsk_test_\0abc\r\n\r\n"[..],
            ]
            .concat(),
            400,
            "malformed_request",
        ),
        (
            "a control character in another header",
            get("/customers", "X-Note: a\x01b\r\n"),
            400,
            "malformed_request",
        ),
        ("a 100 KB path", get(&long_path, ""), 414, "uri_too_long"),
        (
            "a 500 KB header",
            get("/customers", &format!("X-Big: {}\r\n", "a".repeat(500 * 1024))),
            431,
            "request_header_fields_too_large",
        ),
        (
            "200 header fields",
            get("/customers", &many),
            431,
            "request_header_fields_too_large",
        ),
        (
            "a malformed method",
            b"G(T /customers HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
            400,
            "malformed_request",
        ),
        (
            "an unknown HTTP version",
            b"GET /customers HTTP/7.1\r\nHost: x\r\n\r\n".to_vec(),
            400,
            "malformed_request",
        ),
        (
            "a Content-Length that is not a number",
            b"POST /customers HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n".to_vec(),
            400,
            "malformed_request",
        ),
    ];
    let spec = vinsnap_server::spec::openapi();
    for (case, request, status, code) in cases {
        let answers = exchange(&app, &request).await;
        assert_eq!(answers.len(), 1, "{case}");
        assert_eq!(answers[0].status, status, "{case}");
        assert_eq!(answers[0].error_code(), code, "{case}");
        let body: Value = serde_json::from_slice(&answers[0].body).unwrap();
        documented_by_every_operation(&spec, status, code, &body["error"]["message"]);
    }
}

/// The spec documents the refusal (a 400, 414 or 431 of every operation, whatever the target)
/// with the very code and message the server sent.
#[track_caller]
fn documented_by_every_operation(spec: &Value, status: u16, code: &str, message: &Value) {
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let Some(reference) = operation["responses"][status.to_string()]["$ref"].as_str()
            else {
                panic!("{method} {path} documents no {status}");
            };
            let name = reference.rsplit('/').next().unwrap();
            let example = &spec["components"]["responses"][name]["content"]["application/json"]["examples"]
                [code]["value"]["error"];
            assert_eq!(
                &example["message"], message,
                "{method} {path}: {status} {code}"
            );
        }
    }
}

#[tokio::test]
async fn a_bad_request_after_a_good_one_on_the_same_connection_is_an_envelope_too() {
    let app = TestServer::start().await;
    let request = [
        format!(
            "GET /customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\r\n",
            app.test_key
        )
        .as_bytes(),
        b"GET /customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \x00\r\n\r\n",
    ]
    .concat();
    let answers = exchange(&app, &request).await;
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0].status, 200);
    assert!(answers[0].header("x-request-id").is_some());
    assert_eq!(answers[1].status, 400);
    assert_eq!(answers[1].error_code(), "malformed_request");
}

#[tokio::test]
async fn a_broken_chunked_body_is_an_envelope() {
    let app = TestServer::start().await;
    let request = format!(
        "POST /customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n\
         zz\r\n{{}}\r\n0\r\n\r\n",
        app.test_key
    );
    let answers = exchange(&app, request.as_bytes()).await;
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].status, 400);
    answers[0].error_code();
}
