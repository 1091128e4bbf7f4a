//! The build script's generators on fixture specs: what the SDK will generate once the spec
//! grows (a `webhooks` section, new list operations), checked before it does.

mod codegen {
    include!("../build/pagination.rs");
    include!("../build/events.rs");
}

use serde_json::json;

/// Generated code as one whitespace-free string, so checks do not depend on token spacing.
fn compact(tokens: proc_macro2::TokenStream) -> String {
    tokens.to_string().split_whitespace().collect()
}

fn schemas() -> serde_json::Value {
    json!({
        "Customer": { "type": "object", "properties": { "id": { "type": "string" } } },
        "Job": { "type": "object", "properties": { "id": { "type": "string" } } },
        "JobList": {
            "type": "object",
            "properties": {
                "data": { "type": "array", "items": { "$ref": "#/components/schemas/Job" } },
                "has_more": { "type": "boolean" },
                "total": { "type": "integer" }
            }
        },
        "JobCreatedEvent": {
            "type": "object",
            "properties": {
                "type": { "type": "string", "enum": ["job.created"] },
                "data": { "$ref": "#/components/schemas/Job" }
            }
        },
        "JobCompletedEvent": {
            "type": "object",
            "properties": {
                "type": { "type": "string", "enum": ["job.completed"] },
                "data": { "allOf": [{ "$ref": "#/components/schemas/Job" }], "description": "The job." }
            }
        },
        "PingEvent": {
            "type": "object",
            "properties": { "type": { "type": "string" }, "data": { "type": "object" } }
        }
    })
}

fn webhook(schema: &str) -> serde_json::Value {
    json!({ "post": { "requestBody": { "content": { "application/json": {
        "schema": { "$ref": format!("#/components/schemas/{schema}") }
    } } } } })
}

#[test]
fn events_come_from_the_spec_webhooks_section_when_there_is_one() {
    let spec = json!({
        "openapi": "3.1.0",
        "paths": {},
        "components": { "schemas": schemas() },
        "webhooks": {
            "jobCreated": webhook("JobCreatedEvent"),
            "jobCompleted": webhook("JobCompletedEvent"),
            "ping": webhook("PingEvent")
        }
    });
    let code = compact(codegen::events(&spec));
    assert!(
        code.contains("JobCreated(crate::webhooks::Envelope<crate::types::Job>)"),
        "{code}"
    );
    assert!(
        code.contains("JobCompleted(crate::webhooks::Envelope<crate::types::Job>)"),
        "{code}"
    );
    assert!(
        code.contains("Ping(crate::webhooks::Envelope<serde_json::Value>)"),
        "{code}"
    );
    assert!(
        code.contains(r#""job.created"=>Event::JobCreated"#),
        "the type's enum value names the event"
    );
    assert!(
        code.contains(r#""ping"=>Event::Ping"#),
        "else the webhook's key does"
    );
    assert!(
        !code.contains("CustomerCreated"),
        "the design's list is not used once the spec has webhooks"
    );
    assert!(
        code.contains("spec's`webhooks`section"),
        "the docs say where the variants come from"
    );
}

#[test]
fn without_a_webhooks_section_the_design_events_are_typed_where_the_spec_allows() {
    let spec = json!({ "openapi": "3.1.0", "paths": {}, "components": { "schemas": schemas() } });
    let code = compact(codegen::events(&spec));
    assert!(
        code.contains("CustomerUpdated(crate::webhooks::Envelope<crate::types::Customer>)"),
        "{code}"
    );
    assert!(
        code.contains("JobStatusChanged(crate::webhooks::Envelope<crate::types::Job>)"),
        "{code}"
    );
    // No Invoice schema in this fixture: kept as JSON until there is one.
    assert!(
        code.contains("InvoicePaid(crate::webhooks::Envelope<serde_json::Value>)"),
        "{code}"
    );
}

#[test]
fn a_new_list_operation_gets_a_stream() {
    let spec = json!({
        "openapi": "3.1.0",
        "paths": {
            "/jobs": { "get": {
                "operationId": "list_jobs",
                "parameters": [
                    { "name": "limit", "in": "query", "schema": { "type": "integer" } },
                    { "name": "offset", "in": "query", "schema": { "type": "integer" } },
                    { "name": "status", "in": "query", "schema": { "type": "string" } }
                ],
                "responses": { "200": { "content": { "application/json": {
                    "schema": { "$ref": "#/components/schemas/JobList" }
                } } } }
            } },
            "/jobs/{id}": { "get": {
                "operationId": "get_job",
                "responses": { "200": { "content": { "application/json": {
                    "schema": { "$ref": "#/components/schemas/Job" }
                } } } }
            } }
        },
        "components": { "schemas": schemas() }
    });
    let code = compact(codegen::list_operations(&spec));
    assert!(
        code.contains("ListOperationforsuper::progenitor::builder::ListJobs<'a>"),
        "{code}"
    );
    assert!(
        code.contains("typeItem=super::progenitor::types::Job;"),
        "{code}"
    );
    assert!(
        code.contains(r#"LIST_OPERATIONS:&[&str]=&["list_jobs"]"#),
        "{code}"
    );
    assert!(!code.contains("GetJob"), "only paged operations stream");
}
