//! Guards on the committed `openapi.json`, written to stay meaningful when
//! the generator replaces the placeholder with the real document.

mod common;

use std::collections::BTreeSet;

use common::mini;
use serde_json::Value;
use vinsnap_openapi::{SPEC_JSON, Spec, spec, to_openapi_30};

#[test]
fn committed_spec_is_openapi_3_1() {
    let version = spec()["openapi"].as_str().unwrap();
    assert!(version.starts_with("3.1."), "openapi = {version}");
    assert_eq!(spec()["info"]["title"], "VinSnap Business API");
    assert_eq!(
        Spec::committed().as_value(),
        &serde_json::from_str::<serde_json::Value>(SPEC_JSON).unwrap()
    );
}

#[test]
fn committed_spec_converts_to_a_clean_3_0_document() {
    let v30 = to_openapi_30(spec());
    assert_eq!(v30["openapi"], "3.0.3");
    assert!(v30.get("webhooks").is_none());
    let problems = violations_30(&v30);
    assert!(
        problems.is_empty(),
        "3.0 view problems:\n{}",
        problems.join("\n")
    );
}

// progenitor names client methods after operationIds and refuses operations
// without one.
#[test]
fn committed_operations_have_unique_ids() {
    let mut seen = BTreeSet::new();
    for op in Spec::committed().operations() {
        let id = op
            .operation_id()
            .unwrap_or_else(|| panic!("{} {} has no operationId", op.method(), op.path()));
        assert!(seen.insert(id), "duplicate operationId {id}");
    }
}

#[test]
fn fixture_converts_to_a_clean_3_0_document() {
    let v30 = to_openapi_30(mini().as_value());
    let problems = violations_30(&v30);
    assert!(
        problems.is_empty(),
        "3.0 view problems:\n{}",
        problems.join("\n")
    );
    // The fixture's property named `webhooks` is a schema, not a 3.1 field.
    assert_eq!(
        v30["components"]["schemas"]["Vehicle"]["properties"]["webhooks"],
        serde_json::json!({
            "type": "array",
            "nullable": true,
            "items": {"type": "string", "format": "uri"},
        })
    );
}

// Keeps the check above honest: it must see the 3.1 shapes it looks for.
#[test]
fn the_3_0_check_flags_the_unconverted_fixture() {
    let problems = violations_30(mini().as_value());
    let joined = problems.join("\n");
    for expected in [
        "/openapi: \"3.1.0\" is not 3.0.3",
        ": 3.1-only `webhooks`",
        "/components/schemas/Vehicle/properties/trim: `type` array",
        "/components/schemas/Vehicle/properties/year: numeric `exclusiveMinimum`",
        "/components/schemas/Vehicle/properties/kind: 3.1-only `const`",
        "/components/schemas/Valuation/properties/price: `$ref` with siblings",
        "/components/schemas/Valuation/properties/previous/oneOf/0: `type: null`",
    ] {
        assert!(
            joined.contains(expected),
            "missing {expected:?} in:\n{joined}"
        );
    }
    assert!(!joined.contains("properties/default"), "{joined}");
}

/// Keys whose values are data (examples, defaults, enum values, extensions),
/// which may legitimately contain anything.
fn is_data_key(key: &str) -> bool {
    matches!(key, "example" | "examples" | "default" | "enum") || key.starts_with("x-")
}

/// Keys whose values are maps from names (property names, component names)
/// to things, so their keys must not be mistaken for keywords: a schema may
/// well have a property called `webhooks` or `default`.
fn is_name_map_key(key: &str) -> bool {
    matches!(
        key,
        "properties"
            | "schemas"
            | "parameters"
            | "headers"
            | "requestBodies"
            | "responses"
            | "securitySchemes"
            | "links"
            | "callbacks"
            | "paths"
            | "content"
            | "encoding"
    )
}

/// Every place in `doc` that is not valid for progenitor's OpenAPI 3.0
/// reader, as `json-pointer: problem` lines. Also reports `$ref`s that do
/// not resolve within `doc`.
pub fn violations_30(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if doc["openapi"] != "3.0.3" {
        out.push(format!("/openapi: {} is not 3.0.3", doc["openapi"]));
    }
    walk(doc, doc, "", &mut out);
    out
}

fn walk(doc: &Value, node: &Value, at: &str, out: &mut Vec<String>) {
    match node {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(doc, item, &format!("{at}/{i}"), out);
            }
        }
        Value::Object(obj) => {
            check_object(doc, obj, at, out);
            for (key, value) in obj {
                if is_data_key(key) {
                    continue;
                }
                let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                match value {
                    Value::Object(map) if is_name_map_key(key) => {
                        for (name, entry) in map {
                            let entry_at =
                                format!("{here}/{}", name.replace('~', "~0").replace('/', "~1"));
                            walk(doc, entry, &entry_at, out);
                        }
                    }
                    _ => walk(doc, value, &here, out),
                }
            }
        }
        _ => {}
    }
}

fn check_object(
    doc: &Value,
    obj: &serde_json::Map<String, Value>,
    at: &str,
    out: &mut Vec<String>,
) {
    let mut problem = |what: String| out.push(format!("{at}: {what}"));
    for key in [
        "webhooks",
        "jsonSchemaDialect",
        "pathItems",
        "const",
        "prefixItems",
        "contentEncoding",
        "contentMediaType",
        "$defs",
    ] {
        if obj.contains_key(key) {
            problem(format!("3.1-only `{key}`"));
        }
    }
    match obj.get("type") {
        Some(Value::Array(_)) => problem("`type` array".into()),
        Some(Value::String(t)) if t == "null" => problem("`type: null`".into()),
        _ => {}
    }
    for key in ["exclusiveMinimum", "exclusiveMaximum"] {
        if obj.get(key).is_some_and(Value::is_number) {
            problem(format!("numeric `{key}`"));
        }
    }
    if let Some(reference) = obj.get("$ref") {
        if obj.len() > 1 {
            problem("`$ref` with siblings (ignored by 3.0)".into());
        }
        let resolves = reference
            .as_str()
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|pointer| doc.pointer(pointer))
            .is_some();
        if !resolves {
            problem(format!("`$ref` {reference} does not resolve"));
        }
    }
}
