//! The typed walk and example lookup, on `tests/fixtures/mini.json`.

mod common;

use common::mini;
use serde_json::{Value, json};
use vinsnap_openapi::{ExampleSource, Method, ParseError, Spec, parse};

#[test]
fn parse_accepts_only_openapi_3_documents() {
    assert!(matches!(parse("not json"), Err(ParseError::Json(_))));
    assert!(matches!(
        parse("[]"),
        Err(ParseError::NotOpenApi3 { found: None })
    ));
    assert!(matches!(
        parse(r#"{"openapi": "2.0"}"#),
        Err(ParseError::NotOpenApi3 { found: Some(v) }) if v == "2.0"
    ));
    let spec = parse(r#"{"openapi": "3.0.3", "info": {}, "paths": {}}"#).unwrap();
    assert_eq!(spec.as_value()["openapi"], "3.0.3");
    assert!(Spec::from_value(json!({"openapi": "3.1.0"})).is_ok());
}

#[test]
fn operations_lists_every_path_and_method_but_not_webhooks() {
    let spec = mini();
    let mut found: Vec<(Method, &str, Option<&str>, Vec<&str>)> = spec
        .operations()
        .map(|op| (op.method(), op.path(), op.operation_id(), op.tags()))
        .collect();
    found.sort_by_key(|(_, path, id, _)| (*path, *id));
    assert_eq!(
        found,
        vec![
            (
                Method::Post,
                "/v1/batches",
                Some("createBatch"),
                vec!["batches"]
            ),
            (
                Method::Post,
                "/v1/valuations",
                Some("createValuation"),
                vec!["valuations", "billing"]
            ),
            (
                Method::Delete,
                "/v1/valuations/{id}",
                Some("deleteValuation"),
                vec!["valuations"]
            ),
            (
                Method::Get,
                "/v1/valuations/{id}",
                Some("getValuation"),
                vec!["valuations"]
            ),
            (
                Method::Get,
                "/v1/vehicles/{vin}",
                Some("getVehicle"),
                vec!["vehicles"]
            ),
        ]
    );
}

#[test]
fn operations_keep_openapi_method_order_within_a_path() {
    let spec = mini();
    let methods: Vec<Method> = spec
        .operations()
        .filter(|op| op.path() == "/v1/valuations/{id}")
        .map(|op| op.method())
        .collect();
    assert_eq!(methods, [Method::Get, Method::Delete]);
}

#[test]
fn operation_looks_up_by_id() {
    let spec = mini();
    let op = spec.operation("getVehicle").unwrap();
    assert_eq!(op.method(), Method::Get);
    assert_eq!(op.path(), "/v1/vehicles/{vin}");
    assert_eq!(op.summary(), Some("Decode a VIN"));
    assert_eq!(op.json()["operationId"], "getVehicle");
    assert!(std::ptr::eq(op.spec(), &spec));
    assert!(spec.operation("valuationReadyWebhook").is_none());
    assert!(spec.operation("nope").is_none());
}

#[test]
fn operation_without_id_or_tags() {
    let spec = Spec::from_value(json!({
        "openapi": "3.1.0",
        "paths": {"/health": {"get": {"responses": {"200": {"description": "ok"}}}}},
    }))
    .unwrap();
    let op = spec.operations().next().unwrap();
    assert_eq!(op.operation_id(), None);
    assert!(op.tags().is_empty());
    assert!(op.request_body().is_none());
    assert!(op.request_examples().is_empty());
}

#[test]
fn documented_statuses_are_the_response_keys() {
    let spec = mini();
    let mut statuses = spec.operation("getVehicle").unwrap().documented_statuses();
    statuses.sort_unstable();
    assert_eq!(statuses, ["200", "404"]);
    let mut statuses = spec
        .operation("deleteValuation")
        .unwrap()
        .documented_statuses();
    statuses.sort_unstable();
    assert_eq!(statuses, ["204", "default"]);
}

#[test]
fn parameters_merge_path_level_and_resolve_refs() {
    let spec = mini();
    let params = spec.operation("getVehicle").unwrap().parameters();
    let described: Vec<(&Value, &Value)> = params
        .iter()
        .map(|p| (&p["name"], &p["description"]))
        .collect();
    assert_eq!(
        described,
        [
            (&json!("vin"), &json!("operation-level")),
            (&json!("include"), &Value::Null),
        ]
    );
}

#[test]
fn resolve_follows_refs_and_leaves_others_alone() {
    let spec = mini();
    let reference = json!({"$ref": "#/components/schemas/Money"});
    assert_eq!(
        spec.resolve(&reference),
        &spec.as_value()["components"]["schemas"]["Money"]
    );
    let plain = json!({"type": "string"});
    assert!(std::ptr::eq(spec.resolve(&plain), &plain));
    let dangling = json!({"$ref": "#/components/schemas/Nope"});
    assert!(std::ptr::eq(spec.resolve(&dangling), &dangling));
    let external = json!({"$ref": "other.json#/X"});
    assert!(std::ptr::eq(spec.resolve(&external), &external));
}

#[test]
fn resolve_follows_chains_and_stops_on_cycles() {
    let spec = Spec::from_value(json!({
        "openapi": "3.1.0",
        "components": {"schemas": {
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"type": "string"},
            "Loop": {"$ref": "#/components/schemas/Loop"},
        }},
    }))
    .unwrap();
    assert_eq!(
        spec.resolve(&json!({"$ref": "#/components/schemas/A"})),
        &json!({"type": "string"})
    );
    let looping = json!({"$ref": "#/components/schemas/Loop"});
    assert_eq!(spec.resolve(&looping)["$ref"], "#/components/schemas/Loop");
}

#[test]
fn resolve_ref_decodes_pointer_escapes() {
    let spec = mini();
    let by_tilde = spec.resolve_ref("#/paths/~1v1~1vehicles~1{vin}/get/operationId");
    assert_eq!(by_tilde, Some(&json!("getVehicle")));
    let by_percent = spec.resolve_ref("#/paths/~1v1~1vehicles~1%7Bvin%7D/get/operationId");
    assert_eq!(by_percent, Some(&json!("getVehicle")));
    assert_eq!(spec.resolve_ref("#"), Some(spec.as_value()));
    assert_eq!(spec.resolve_ref("other.json#/paths"), None);
}

#[test]
fn response_example_from_the_media_type() {
    let spec = mini();
    let op = spec.operation("getVehicle").unwrap();
    assert_eq!(
        op.response_example("200", None),
        Some(&json!({"vin": "1HGCM82633A004352", "make": "Honda", "year": 2003, "trim": null}))
    );
    let examples = op.response_examples("200");
    assert_eq!(examples.len(), 1);
    assert_eq!(examples[0].name, None);
    assert_eq!(examples[0].source, ExampleSource::Example);
}

#[test]
fn named_response_examples_resolve_component_refs() {
    let spec = mini();
    let op = spec.operation("getVehicle").unwrap();
    // The 404 response is itself a $ref to #/components/responses/NotFound.
    let examples = op.response_examples("404");
    let names: Vec<_> = examples.iter().map(|e| e.name).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    // `external` has only an externalValue, so there is nothing to return.
    assert_eq!(sorted, [Some("malformedVin"), Some("unknownVin")]);
    assert!(examples.iter().all(|e| e.source == ExampleSource::Examples));

    let unknown = examples
        .iter()
        .find(|e| e.name == Some("unknownVin"))
        .unwrap();
    assert_eq!(unknown.summary, Some("No vehicle with that VIN"));
    assert_eq!(
        unknown.value,
        &json!({"code": "not_found", "message": "No vehicle 1HGCM82633A004352"})
    );
    assert_eq!(
        op.response_example("404", Some("malformedVin")),
        Some(&json!({"code": "not_found", "message": "VIN 123 is malformed"}))
    );
    // No name: the first in map order.
    assert_eq!(op.response_example("404", None), Some(examples[0].value));
    assert_eq!(op.response_example("404", Some("external")), None);
    assert_eq!(op.response_example("404", Some("nope")), None);
}

#[test]
fn responses_without_examples_or_body_have_none() {
    let spec = mini();
    let op = spec.operation("deleteValuation").unwrap();
    assert!(op.response("default").is_some());
    assert!(op.response_examples("default").is_empty());
    assert_eq!(op.response_example("204", None), None);
    assert_eq!(op.response_example("500", None), None);
    assert!(op.response("500").is_none());
}

#[test]
fn response_example_falls_back_to_the_schema_examples() {
    let spec = mini();
    let op = spec.operation("createValuation").unwrap();
    let examples = op.response_examples("201");
    assert_eq!(examples.len(), 2);
    assert!(
        examples
            .iter()
            .all(|e| e.source == ExampleSource::Schema && e.name.is_none())
    );
    let schema_examples = &spec.as_value()["components"]["schemas"]["Valuation"]["examples"];
    assert_eq!(op.response_example("201", None), Some(&schema_examples[0]));
    // Schema examples are unnamed.
    assert_eq!(op.response_example("201", Some("basic")), None);
}

#[test]
fn schema_fallback_sees_through_nullable_wrappers() {
    let spec = mini();
    let op = spec.operation("getValuation").unwrap();
    let schema_examples = &spec.as_value()["components"]["schemas"]["Valuation"]["examples"];
    assert_eq!(op.response_example("200", None), Some(&schema_examples[0]));
}

#[test]
fn schema_example_beside_a_ref_wins_over_the_target() {
    let spec = mini();
    let op = spec.operation("createBatch").unwrap();
    assert_eq!(
        op.response_example("202", None),
        Some(&json!({"id": "b_1", "rows": 1}))
    );
}

#[test]
fn json_flavoured_media_types_are_found() {
    let spec = mini();
    let op = spec.operation("createValuation").unwrap();
    assert_eq!(
        op.response_example("422", None),
        Some(&json!({"type": "about:blank", "title": "Unprocessable", "status": 422}))
    );
}

#[test]
fn request_examples_resolve_the_request_body_ref() {
    let spec = mini();
    let op = spec.operation("createValuation").unwrap();
    assert_eq!(op.request_body().unwrap()["required"], true);
    let examples = op.request_examples();
    let mut names: Vec<_> = examples.iter().filter_map(|e| e.name).collect();
    names.sort_unstable();
    assert_eq!(names, ["basic", "withMileage"]);
    assert_eq!(
        op.request_example(Some("withMileage")),
        Some(&json!({"vin": "1HGCM82633A004352", "mileage_km": 120000}))
    );
    let basic = examples.iter().find(|e| e.name == Some("basic")).unwrap();
    assert_eq!(basic.summary, Some("Just a VIN"));
    assert_eq!(op.request_example(None), Some(examples[0].value));
}

#[test]
fn non_json_bodies_use_their_only_media_type() {
    let spec = mini();
    let op = spec.operation("createBatch").unwrap();
    assert_eq!(
        op.request_example(None),
        Some(&json!("vin\n1HGCM82633A004352\n"))
    );
}

#[test]
fn method_names() {
    assert_eq!(Method::from_name("patch"), Some(Method::Patch));
    assert_eq!(Method::from_name("GET"), Some(Method::Get));
    assert_eq!(Method::from_name("CONNECT"), None);
    assert_eq!(Method::Delete.to_string(), "DELETE");
    assert_eq!(Method::Delete.key(), "delete");
    for method in Method::ALL {
        assert_eq!(Method::from_name(method.key()), Some(method));
    }
}

#[test]
fn webhooks_are_listed_apart_from_operations() {
    let spec = mini();
    let hooks: Vec<(Method, &str, Option<&str>)> = spec
        .webhooks()
        .map(|op| (op.method(), op.path(), op.operation_id()))
        .collect();
    assert_eq!(
        hooks,
        vec![(
            Method::Post,
            "valuationReady",
            Some("valuationReadyWebhook")
        )]
    );
    assert!(spec.operations().all(|op| op.path() != "valuationReady"));
    let hook = spec.webhook("valuationReady").expect("webhook found");
    assert!(hook.request_body().is_some());
    assert!(spec.webhook("nope").is_none());
}

#[test]
fn webhook_request_example_comes_from_its_body() {
    let spec = Spec::from_value(json!({
        "openapi": "3.1.0",
        "webhooks": {
            "customer.created": {"post": {
                "requestBody": {"content": {"application/json": {
                    "example": {"id": "evt_1", "type": "customer.created"}
                }}},
                "responses": {"200": {"description": "ok"}}
            }},
            "ping": {"get": {"responses": {"200": {"description": "not a delivery"}}}}
        }
    }))
    .unwrap();
    let hook = spec.webhook("customer.created").unwrap();
    assert_eq!(
        hook.request_example(None),
        Some(&json!({"id": "evt_1", "type": "customer.created"}))
    );
    // Only POST is a delivery.
    assert!(spec.webhook("ping").is_none());
    assert_eq!(spec.webhooks().count(), 2);
}
