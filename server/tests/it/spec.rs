//! The committed spec is what the server emits, and it documents every operation fully.

use serde_json::Value;
use std::path::Path;

const REGENERATE: &str = "cargo run -q -p vinsnap-server -- openapi > openapi/openapi.json";

#[test]
fn committed_spec_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let emitted = vinsnap_server::openapi_json();
    assert!(
        committed == emitted,
        "openapi/openapi.json is stale: it differs from what the server emits.\nRegenerate it with:\n\n    {REGENERATE}\n"
    );
}

fn spec() -> Value {
    serde_json::from_str(&vinsnap_server::openapi_json()).unwrap()
}

fn resolve<'a>(spec: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(reference) => spec
            .pointer(reference.trim_start_matches('#'))
            .expect("a $ref resolves"),
        None => value,
    }
}

fn has_example(media: &Value) -> bool {
    media.get("example").is_some()
        || media
            .get("examples")
            .is_some_and(|e| e.as_object().is_some_and(|m| !m.is_empty()))
}

#[test]
fn every_operation_is_documented_with_examples() {
    let spec = spec();
    let mut operations = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            operations += 1;
            let name = format!("{method} {path}");
            for field in ["summary", "description", "operationId"] {
                assert!(
                    op[field].as_str().is_some_and(|s| !s.is_empty()),
                    "{name} lacks {field}"
                );
            }
            assert!(
                op["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{name} lacks tags"
            );
            assert!(
                op["security"].as_array().is_some_and(|s| !s.is_empty()),
                "{name} lacks security"
            );
            if let Some(body) = op.get("requestBody") {
                let media = &resolve(&spec, body)["content"]["application/json"];
                assert!(has_example(media), "{name}: request body has no example");
            }
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{name} has no success response"
            );
            assert!(
                responses.contains_key("401"),
                "{name} does not document 401"
            );
            for (status, response) in responses {
                let media = &resolve(&spec, response)["content"]["application/json"];
                assert!(
                    has_example(media),
                    "{name}: response {status} has no example"
                );
            }
        }
    }
    assert!(operations >= 14, "found only {operations} operations");
}

#[test]
fn operation_ids_are_unique_snake_case() {
    let spec = spec();
    let mut seen = std::collections::HashSet::new();
    for item in spec["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            let id = op["operationId"].as_str().unwrap();
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{id}"
            );
            assert!(seen.insert(id.to_owned()), "duplicate operationId {id}");
        }
    }
}

/// The codes the operations' error responses show are in the server's list of error codes (the
/// spec's `x-error-codes`), at the same status.
#[test]
fn every_documented_error_code_is_in_the_list() {
    let spec = spec();
    let listed: Vec<(String, String)> = spec["x-error-codes"]
        .as_array()
        .expect("the spec lists its error codes")
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap().to_owned(),
                c["status"].to_string(),
            )
        })
        .collect();
    let mut missing = std::collections::BTreeSet::new();
    for item in spec["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            for (status, response) in op["responses"].as_object().into_iter().flatten() {
                let media = &resolve(&spec, response)["content"]["application/json"];
                for example in media["examples"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(_, e)| e)
                {
                    if let Some(code) = resolve(&spec, example)["value"]["error"]["code"].as_str()
                        && !listed.contains(&(code.to_owned(), status.clone()))
                    {
                        missing.insert(format!("{code} {status}"));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "add to server/src/http/error_codes.rs: {missing:?}"
    );
}
