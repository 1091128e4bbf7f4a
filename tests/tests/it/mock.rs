//! Every operation of the spec called through the SDK against the sandbox mock, on both of its
//! transports (the wiremock library `MockApi` and the axum server the `vinsnap-mock` binary runs).
//!
//! The mock answers with the spec's examples, so these tests prove the SDK's generated types
//! decode every documented answer: each success into its typed resource (losing no field), each
//! documented error (forced with `Prefer: code=…`) into a typed `vinsnap::Error` with the
//! documented status and code. Request bodies are the spec's request examples, read into the
//! SDK's typed bodies and sent through the generated builders.
//!
//! The SDK's `vinsnap.request` spans are recorded; the checks at the end compare them with the
//! spec, so a new operation (or a newly documented status) without a call here fails, naming it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use futures::future::BoxFuture;
use serde_json::Value;
use vinsnap::prelude::*;
use vinsnap::types;
use vinsnap::{Client, Error};
use vinsnap_mock::engine::LIST_TOTAL;
use vinsnap_mock::{Engine, MockApi};
use vinsnap_openapi::{Operation, Spec};
use vinsnap_tests::recorder::{Call, Recorder};

const KEY: &str = "vsk_test_4eC39HqLyjWDarjtT1zdp7dc";

/// A call's success, as the SDK typed it: the status and the typed body serialised back.
#[derive(Debug)]
struct Typed {
    status: u16,
    body: Value,
}

/// One operation's documented inputs: path parameters and request body from the spec.
struct Inputs {
    op: Operation<'static>,
}

impl Inputs {
    /// The spec's example for path parameter `name` (on the parameter, else on its schema).
    fn path(&self, name: &str) -> String {
        let spec = self.op.spec();
        let param = self
            .op
            .parameters()
            .into_iter()
            .find(|p| p["in"] == "path" && p["name"] == name)
            .unwrap_or_else(|| panic!("{:?} has no path parameter `{name}`", self.op));
        let schema = param.get("schema").map(|s| spec.resolve(s));
        let example = param
            .get("example")
            .or_else(|| schema.and_then(|s| s.pointer("/examples/0")))
            .or_else(|| schema.and_then(|s| s.get("example")))
            .unwrap_or_else(|| panic!("{:?}: path parameter `{name}` has no example", self.op));
        example
            .as_str()
            .map_or_else(|| example.to_string(), str::to_owned)
    }

    /// The spec's (first) request body example, to be read into the SDK's body type.
    fn body(&self) -> Value {
        self.op
            .request_example(None)
            .unwrap_or_else(|| panic!("{:?} documents no request example", self.op))
            .clone()
    }
}

type Operate = for<'a> fn(&'a Client, &'a Inputs) -> BoxFuture<'a, Result<Typed, Error>>;

/// `operation_id (path params) {Body type}`: one generated builder call each, its path
/// parameters and body filled from the spec, its typed answer serialised back for comparison.
macro_rules! operations {
    ($($op:ident $(($($param:ident),*))? $({$body:ident})?;)*) => {
        vec![$((stringify!($op), {
            let call: Operate = |c, i| Box::pin(async move {
                assert_eq!(i.op.operation_id(), Some(stringify!($op)), "inputs of another operation");
                let answer = c.$op()
                    $($(.$param(i.path(stringify!($param))))*)?
                    $(.body(serde_json::from_value::<types::$body>(i.body()).unwrap_or_else(|e| {
                        panic!("{}: the request example is not a {}: {e}", stringify!($op), stringify!($body))
                    })))?
                    .send()
                    .await?;
                let status = answer.status().as_u16();
                let body = serde_json::to_value(answer.into_inner()).expect("typed bodies serialise");
                Ok(Typed { status, body })
            });
            call
        })),*]
    };
}

/// Every operation; the coverage check below fails when the spec has one this list lacks.
fn operations() -> Vec<(&'static str, Operate)> {
    operations! {
        list_api_keys;
        create_api_key {CreateApiKey};
        delete_api_key (id);
        list_customers;
        create_customer {CreateCustomer};
        get_customer (id);
        update_customer (id) {UpdateCustomer};
        delete_customer (id);
        list_vehicles (id);
        create_vehicle (id) {CreateVehicle};
        list_invoices;
        create_invoice {CreateInvoice};
        get_invoice (id);
        update_invoice (id) {UpdateInvoice};
        pay_invoice (id) {PayInvoice};
        send_invoice (id);
        void_invoice (id);
        list_jobs;
        create_job {CreateJob};
        get_job (id);
        update_job (id) {UpdateJob};
        delete_job (id);
        change_job_status (id) {ChangeJobStatus};
        list_locations;
        search_parts;
        get_vehicle (id);
        update_vehicle (id) {UpdateVehicle};
        delete_vehicle (id);
        decode_vin (vin);
        get_webhook_delivery (id);
        retry_webhook_delivery (id);
        list_webhook_endpoints;
        create_webhook_endpoint {CreateWebhookEndpoint};
        get_webhook_endpoint (id);
        update_webhook_endpoint (id) {UpdateWebhookEndpoint};
        delete_webhook_endpoint (id);
        list_webhook_deliveries (id);
        rotate_webhook_secret (id);
        test_webhook_endpoint (id);
    }
}

/// The mock on one of its transports; stops when dropped.
enum Sandbox {
    Wiremock(MockApi),
    Axum {
        base: String,
        task: tokio::task::JoinHandle<()>,
    },
}

impl Sandbox {
    async fn wiremock() -> Sandbox {
        Sandbox::Wiremock(MockApi::start().await)
    }

    async fn axum() -> Sandbox {
        let engine = Arc::new(Engine::committed().expect("the committed spec compiles"));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            vinsnap_mock::server::serve(listener, engine)
                .await
                .expect("the sandbox serves");
        });
        Sandbox::Axum { base, task }
    }

    fn base(&self) -> String {
        match self {
            Sandbox::Wiremock(api) => api.uri(),
            Sandbox::Axum { base, .. } => base.clone(),
        }
    }

    /// An SDK client without retries (a forced 429 or 502 must come back as it is), sending
    /// `Prefer` when given.
    fn client(&self, prefer: Option<&str>) -> Client {
        let mut builder = Client::builder(KEY).base_url(self.base()).max_retries(0);
        if let Some(prefer) = prefer {
            builder = builder.default_header("Prefer", prefer);
        }
        builder.build().expect("client")
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Sandbox::Axum { task, .. } = self {
            task.abort();
        }
    }
}

/// The documented `body` as the SDK must have read it: a list is paged by the mock over
/// `LIST_TOTAL` items whose first is the example's; anything else comes back whole.
#[track_caller]
fn assert_decoded(what: &str, typed: &Value, documented: &Value) {
    let (typed, documented) = (normalized(typed), normalized(documented));
    if documented.get("data").is_some_and(Value::is_array) && documented.get("total").is_some() {
        assert_eq!(
            typed["data"][0], documented["data"][0],
            "{what}: first item"
        );
        assert_eq!(typed["total"], LIST_TOTAL, "{what}: total");
    } else {
        assert_eq!(typed, documented, "{what}");
    }
}

/// Equal meaning, equal JSON: the SDK leaves absent optional fields out where the spec's
/// examples may spell them `null`, and writes timestamps in chrono's canonical RFC 3339 form
/// (`10:20:00Z` for `10:20:00.000Z`).
fn normalized(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), normalized(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::String(text) => match chrono::DateTime::parse_from_rfc3339(text) {
            Ok(time) => Value::String(
                time.to_utc()
                    .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            ),
            Err(_) => value.clone(),
        },
        other => other.clone(),
    }
}

fn spec() -> &'static Spec {
    Spec::committed()
}

fn inputs(name: &str) -> Inputs {
    let op = spec()
        .operation(name)
        .unwrap_or_else(|| panic!("`{name}` is not an operationId of the spec"));
    Inputs { op }
}

/// Every operation once, as documented: the success status and the typed success example.
async fn every_operation(sandbox: &Sandbox) {
    let (recorder, _guard) = Recorder::install();
    let client = sandbox.client(None);
    for (name, call) in operations() {
        let inputs = inputs(name);
        let typed = call(&client, &inputs)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let success = success_status(&inputs.op);
        assert_eq!(typed.status.to_string(), success, "{name}");
        let documented = inputs.op.response_example(&success, None).unwrap();
        assert_decoded(name, &typed.body, documented);
    }
    assert!(
        client.rate_limit().is_some(),
        "the mock's rate-limit headers reach the SDK"
    );
    all_operations_called(&recorder.calls());
}

/// Every documented status of every operation (and every named example), forced with
/// `Prefer`: a typed success or a typed `vinsnap::Error` with the documented status and code.
async fn every_documented_answer(sandbox: &Sandbox) {
    let (recorder, _guard) = Recorder::install();
    let mut clients: BTreeMap<String, Client> = BTreeMap::new();
    for (name, call) in operations() {
        let inputs = inputs(name);
        for status in inputs.op.documented_statuses() {
            let named = inputs.op.response_examples(status).into_iter();
            let choices = std::iter::once(None).chain(named.filter_map(|e| e.name).map(Some));
            for example in choices {
                let prefer = match example {
                    None => format!("code={status}"),
                    Some(example) => format!("code={status}, example={example}"),
                };
                let client = clients
                    .entry(prefer.clone())
                    .or_insert_with(|| sandbox.client(Some(&prefer)));
                let what = format!("{name} Prefer: {prefer}");
                let documented = inputs.op.response_example(status, example);
                match call(client, &inputs).await {
                    Ok(typed) => {
                        assert_eq!(typed.status.to_string(), status, "{what}");
                        if let Some(documented) = documented {
                            assert_decoded(&what, &typed.body, documented);
                        }
                    }
                    Err(Error::Api(error)) => {
                        assert_eq!(error.status.as_str(), status, "{what}: {error:?}");
                        let documented = documented
                            .unwrap_or_else(|| panic!("{what}: no documented error example"));
                        assert_eq!(
                            error.code.as_deref(),
                            documented["error"]["code"].as_str(),
                            "{what}"
                        );
                        assert_eq!(
                            Some(error.message.as_str()),
                            documented["error"]["message"].as_str(),
                            "{what}"
                        );
                        assert!(
                            error
                                .request_id
                                .as_ref()
                                .is_some_and(|id| id.starts_with("req_")),
                            "{what}: {error:?}"
                        );
                        if status == "429" {
                            assert!(error.retry_after.is_some(), "{what}: Retry-After");
                        }
                    }
                    Err(other) => panic!("{what}: the SDK could not read the answer: {other:?}"),
                }
            }
        }
    }
    statuses_match_the_spec(&recorder.calls());
}

/// The lowest documented 2xx: what the mock answers a request that passes validation.
fn success_status(op: &Operation<'_>) -> String {
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

fn in_spec() -> BTreeSet<String> {
    spec()
        .operations()
        .map(|op| {
            op.operation_id()
                .expect("every operation has an id")
                .to_string()
        })
        .collect()
}

/// The spec's operationIds and the ones the SDK was seen calling agree, both ways.
#[track_caller]
fn all_operations_called(calls: &[Call]) {
    let called: BTreeSet<String> = calls.iter().map(|c| c.operation_id.clone()).collect();
    let spec = in_spec();
    let missing: Vec<_> = spec.difference(&called).collect();
    let unknown: Vec<_> = called.difference(&spec).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "operations of the spec never called against the mock: {missing:?}; \
         called but not in the spec: {unknown:?} (add them to `operations!` in mock.rs)"
    );
}

/// Every operation answered, through the SDK, exactly the statuses its spec documents.
fn statuses_match_the_spec(calls: &[Call]) {
    all_operations_called(calls);
    let mut seen: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for call in calls {
        let status = call.status.map_or("no response".into(), |s| s.to_string());
        seen.entry(&call.operation_id).or_default().insert(status);
    }
    for op in spec().operations() {
        let id = op.operation_id().unwrap();
        let documented: BTreeSet<String> = op
            .documented_statuses()
            .into_iter()
            .map(str::to_string)
            .collect();
        assert_eq!(seen[id], documented, "{id}: statuses seen vs documented");
    }
}

#[tokio::test]
async fn mock_every_operation_through_the_sdk_on_wiremock() {
    every_operation(&Sandbox::wiremock().await).await;
}

#[tokio::test]
async fn mock_every_operation_through_the_sdk_on_axum() {
    every_operation(&Sandbox::axum().await).await;
}

#[tokio::test]
async fn mock_every_documented_answer_decodes_on_wiremock() {
    every_documented_answer(&Sandbox::wiremock().await).await;
}

#[tokio::test]
async fn mock_every_documented_answer_decodes_on_axum() {
    every_documented_answer(&Sandbox::axum().await).await;
}
