//! Rules between the fields of a request body, stated in the body's schema with JSON Schema's
//! `if`/`then`/`else`, `required` and `type: null` ("labor lines need `hours` and `rate` and
//! take no `quantity`"), so that a client, the mock and a generated test know them as the
//! handler does. Each resource attaches its bodies' rules where it builds its router; the
//! handler keeps enforcing the same rule, and the conformance test checks that the two agree.
//!
//! The rules go into one `allOf` beside the body's `properties`. OpenAPI 3.0 has no `if`, so
//! the 3.0 view the Rust SDK is generated from carries the fields and leaves the rule to the
//! server.

use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa_axum::router::OpenApiRouter;

/// Adds `rules` to the component schema of `T`, which the router's operations must reference.
pub fn attach<T: ToSchema, S: Clone + Send + Sync + 'static>(
    mut router: OpenApiRouter<S>,
    rules: Vec<Value>,
) -> OpenApiRouter<S> {
    let name = T::name();
    let schema = router
        .get_openapi_mut()
        .components
        .as_mut()
        .and_then(|c| c.schemas.get_mut(name.as_ref()));
    let Some(RefOr::T(Schema::Object(object))) = schema else {
        panic!("{name} is not an object schema of this router's operations");
    };
    object
        .extensions
        .get_or_insert_with(Default::default)
        .insert("allOf".into(), Value::Array(rules));
    router
}

/// `field` is sent with a value other than `null`.
pub fn given(field: &str) -> Value {
    json!({ "required": [field], "properties": { field: { "not": { "type": "null" } } } })
}

/// Every one of `fields` is left out (or `null`).
pub fn left_out(fields: &[&str]) -> Value {
    let properties: serde_json::Map<String, Value> = fields
        .iter()
        .map(|f| ((*f).to_owned(), json!({ "type": "null" })))
        .collect();
    json!({ "properties": properties })
}

/// Every one of `fields` is sent with a value other than `null`.
pub fn all_given(fields: &[&str]) -> Value {
    json!({ "allOf": fields.iter().map(|f| given(f)).collect::<Vec<_>>() })
}

/// `{if, then, else}`.
pub fn if_then_else(condition: Value, then: Value, otherwise: Value) -> Value {
    json!({ "if": condition, "then": then, "else": otherwise })
}
