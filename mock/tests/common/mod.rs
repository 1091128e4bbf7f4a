//! Shared by the mock's integration tests: the two transports behind one
//! handle, the spec with a `webhooks` section, and response-schema checks.

#![allow(dead_code)] // Each test binary uses its own subset.

pub mod verify;

use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};

use reqwest::{Method, RequestBuilder, Response};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use vinsnap_mock::MockApi;
use vinsnap_openapi::{Operation, Spec};

pub const TEST_KEY: &str = "vsk_test_4eC39HqLyjWDarjtT1zdp7dc";

/// Which way the engine is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// `MockApi`: the engine inside a `wiremock::MockServer`.
    Library,
    /// The `vinsnap-mock` binary (axum), as integrators run it.
    Binary,
}

/// A running sandbox; stops when dropped.
pub struct Sandbox {
    pub base: String,
    pub client: reqwest::Client,
    _library: Option<MockApi>,
    _binary: Option<Child>,
}

/// The committed spec, with the fixture `webhooks` section added if the
/// committed one has none yet (another issue adds it to the server).
pub fn spec_with_webhooks() -> Spec {
    let mut doc = Spec::committed().as_value().clone();
    if doc.get("webhooks").is_none() {
        let fixture: Value = serde_json::from_str(include_str!("../fixtures/webhooks.json"))
            .expect("fixture is JSON");
        doc["webhooks"] = fixture;
    }
    Spec::from_value(doc).expect("still OpenAPI 3")
}

impl Sandbox {
    /// Starts `transport` serving the committed spec plus webhooks.
    pub async fn start(transport: Transport) -> Sandbox {
        let spec = spec_with_webhooks();
        match transport {
            Transport::Library => Sandbox::library(&spec).await,
            Transport::Binary => Sandbox::binary(&spec).await,
        }
    }

    pub async fn library(spec: &Spec) -> Sandbox {
        let api = MockApi::start_with_spec(spec).await.expect("spec compiles");
        Sandbox {
            base: api.uri(),
            client: reqwest::Client::new(),
            _library: Some(api),
            _binary: None,
        }
    }

    pub async fn binary(spec: &Spec) -> Sandbox {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "vinsnap-mock-spec-{}-{}.json",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&path, serde_json::to_vec(spec.as_value()).unwrap()).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_vinsnap-mock"))
            .args(["--port", "0", "--spec"])
            .arg(&path)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).await.unwrap();
        let _ = std::fs::remove_file(&path);
        let base = line
            .trim()
            .rsplit(' ')
            .next()
            .filter(|u| u.starts_with("http://"))
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Sandbox {
            base,
            client: reqwest::Client::new(),
            _library: None,
            _binary: Some(child),
        }
    }

    /// A request with the test key.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(TEST_KEY)
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.request(Method::GET, path)
    }

    /// The documented request for `op`: path parameters and body from the spec's examples.
    pub fn example_request(&self, op: &Operation<'_>) -> RequestBuilder {
        let method = Method::from_bytes(op.method().as_str().as_bytes()).unwrap();
        let builder = self.request(method, &example_path(op));
        match op.request_example(None) {
            Some(body) => builder.json(body),
            None => builder,
        }
    }
}

/// `op`'s path with every parameter replaced by its documented example.
pub fn example_path(op: &Operation<'_>) -> String {
    let mut path = op.path().to_owned();
    for param in op.parameters() {
        if param["in"] != "path" {
            continue;
        }
        let name = param["name"].as_str().unwrap();
        let value = param_example(op.spec(), param).unwrap_or_else(|| {
            panic!(
                "{} {}: path parameter `{name}` has no example",
                op.method(),
                op.path()
            )
        });
        path = path.replace(&format!("{{{name}}}"), &value);
    }
    path
}

pub fn param_example(spec: &Spec, param: &Value) -> Option<String> {
    let schema = param.get("schema").map(|s| spec.resolve(s));
    let value = param
        .get("example")
        .or_else(|| {
            schema
                .and_then(|s| s.get("examples"))
                .and_then(|e| e.get(0))
        })
        .or_else(|| schema.and_then(|s| s.get("example")))?;
    value
        .as_str()
        .map(str::to_owned)
        .or_else(|| Some(value.to_string()))
}

/// A response, read whole.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The error code of an envelope answer.
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }

    /// Asserts the answer is the server's error envelope with `status` and `code`.
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(
            (self.status, self.code()),
            (status, code),
            "unexpected answer: {}",
            self.body
        );
        assert_envelope(self);
    }
}

pub async fn send(builder: RequestBuilder) -> Answer {
    answer(builder.send().await.expect("the mock answers")).await
}

pub async fn answer(response: Response) -> Answer {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&bytes)
            )
        })
    };
    Answer {
        status,
        headers,
        body,
    }
}

/// The envelope shape, the request id agreeing with `X-Request-Id`, and the
/// headers every answer carries.
#[track_caller]
pub fn assert_envelope(answer: &Answer) {
    assert!((400..600).contains(&answer.status), "{}", answer.status);
    assert_eq!(answer.body["success"], false, "{}", answer.body);
    let error = &answer.body["error"];
    assert!(
        error["code"].is_string() && error["message"].is_string(),
        "{}",
        answer.body
    );
    assert_eq!(
        error["request_id"].as_str(),
        answer.header("x-request-id"),
        "envelope and header carry the same request id"
    );
    assert_common_headers(answer);
}

#[track_caller]
pub fn assert_common_headers(answer: &Answer) {
    let id = answer
        .header("x-request-id")
        .expect("X-Request-Id on every answer");
    assert!(id.starts_with("req_") && id.len() == 24, "{id}");
    for name in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
    ] {
        let value = answer
            .header(name)
            .unwrap_or_else(|| panic!("{name} on every answer"));
        assert!(value.parse::<u64>().is_ok(), "{name}: {value}");
    }
    if answer.body != Value::Null {
        assert_eq!(answer.header("content-type"), Some("application/json"));
    }
}

/// Validates bodies against the spec's response schemas.
pub struct ResponseSchemas {
    registry: jsonschema::Registry<'static>,
}

const DOC_URI: &str = "urn:test:openapi";

impl ResponseSchemas {
    pub fn new(spec: &Spec) -> ResponseSchemas {
        let registry = jsonschema::Registry::new()
            .draft(jsonschema::Draft::Draft202012)
            .add(DOC_URI, spec.as_value().clone())
            .unwrap()
            .prepare()
            .unwrap();
        ResponseSchemas { registry }
    }

    /// Checks `body` against the JSON schema documented for `op` and `status`.
    pub fn check(&self, op: &Operation<'_>, status: &str, body: &Value) -> Result<(), String> {
        let response = op
            .response(status)
            .ok_or_else(|| format!("{status} is not documented"))?;
        let Some(schema) = response.pointer("/content/application~1json/schema") else {
            return if body.is_null() {
                Ok(())
            } else {
                Err(format!("{status} documents no body"))
            };
        };
        let schema = absolute(schema);
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .with_registry(&self.registry)
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| e.to_string())?;
        let errors: Vec<String> = validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors.join("; "))
        }
    }
}

fn absolute(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| match (k.as_str(), v.as_str()) {
                    ("$ref", Some(r)) if r.starts_with('#') => {
                        (k.clone(), Value::String(format!("{DOC_URI}{r}")))
                    }
                    _ => (k.clone(), absolute(v)),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(absolute).collect()),
        other => other.clone(),
    }
}

/// Whether a success body is a `{data, has_more, total}` list envelope.
pub fn is_list(body: &Value) -> bool {
    body.get("data").is_some_and(Value::is_array)
        && body.get("has_more").is_some_and(Value::is_boolean)
        && body.get("total").is_some_and(Value::is_number)
}

/// The lowest documented 2xx of `op`.
pub fn success_status(op: &Operation<'_>) -> String {
    let mut statuses: Vec<&str> = op
        .documented_statuses()
        .into_iter()
        .filter(|s| s.starts_with('2'))
        .collect();
    statuses.sort();
    statuses
        .first()
        .unwrap_or_else(|| panic!("{op:?} documents no 2xx"))
        .to_string()
}
