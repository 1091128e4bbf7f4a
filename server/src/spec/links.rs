//! OpenAPI `links`, derived from the ids in the spec: a success response that carries an id
//! links to every operation that takes an id of that kind, in its path, its query or its body.
//! Clients and docs read them as "this id goes there"; a stateful tester (the conformance test)
//! follows them to chain create → get → update → delete on real resources.
//!
//! The ids are the component schemas named `…Id` with a pattern (`CustomerId`, …). A response
//! field `id` of type `JobId` is the job's own id; `customer_id` of type `CustomerId` another's.
//! A body takes the ids it is linked with in one of two ways:
//! - merged into a body generated for the rest, where the body has no rules between its fields
//!   (adding an id cannot break it);
//! - as the whole body, where the body has rules (`if`/`then`/`else` of `http::body_rules`)
//!   and needs nothing but the linked ids: every id the response has, or else its own id alone,
//!   whichever the rules accept. Such a link carries `x-schemathesis: {merge_body: false}`, the
//!   extension by which Schemathesis (the conformance test) sends the body as given instead of
//!   merging it into one it generated, which the rules could then refuse.

use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

const OPERATIONS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

/// Adds the links to every success response with a JSON body.
pub fn derive(doc: &mut Value) {
    let targets = targets(doc);
    let mut additions = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for method in OPERATIONS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            for (status, response) in operation["responses"].as_object().into_iter().flatten() {
                if !status.starts_with('2') {
                    continue;
                }
                let Some(schema) = response.pointer("/content/application~1json/schema") else {
                    continue;
                };
                let ids = response_ids(doc, schema);
                if ids.is_empty() {
                    continue;
                }
                let links: Map<String, Value> = targets
                    .iter()
                    .filter_map(|target| {
                        target.link(&ids).map(|l| (target.operation_id.clone(), l))
                    })
                    .collect();
                if !links.is_empty() {
                    additions.push((path.clone(), method, status.clone(), links));
                }
            }
        }
    }
    for (path, method, status, links) in additions {
        let response = &mut doc["paths"][&path][method]["responses"][&status];
        response["links"] = Value::Object(links);
    }
}

/// An id field of a response: its name and the kind of id.
struct ResponseId {
    field: String,
    kind: String,
}

/// The id fields at the top of a response body (a flattened `allOf` counts as the top).
fn response_ids(doc: &Value, schema: &Value) -> Vec<ResponseId> {
    let mut ids = Vec::new();
    let schema = resolve(doc, schema);
    for member in schema["allOf"].as_array().into_iter().flatten() {
        ids.extend(response_ids(doc, member));
    }
    for (field, property) in schema["properties"].as_object().into_iter().flatten() {
        if let Some(kind) = id_kind(doc, property) {
            ids.push(ResponseId {
                field: field.clone(),
                kind,
            });
        }
    }
    ids
}

/// An operation that takes ids: which of its parameters and body fields are ids of which kind.
struct Target {
    operation_id: String,
    /// (`path.id`, kind, required)
    parameters: Vec<(String, String, bool)>,
    body: Option<Body>,
}

struct Body {
    /// field → kind, for the body's id fields.
    ids: BTreeMap<String, String>,
    required: Vec<String>,
    rules: Vec<Value>,
}

fn targets(doc: &Value) -> Vec<Target> {
    let mut targets = Vec::new();
    for item in doc["paths"]
        .as_object()
        .into_iter()
        .flat_map(|p| p.values())
    {
        for method in OPERATIONS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            let Some(operation_id) = operation["operationId"].as_str() else {
                continue;
            };
            let parameters = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| {
                    let kind = id_kind(doc, &p["schema"])?;
                    let place = p["in"].as_str()?;
                    let name = format!("{place}.{}", p["name"].as_str()?);
                    Some((name, kind, p["required"] == true))
                })
                .collect();
            let body = operation
                .pointer("/requestBody/content/application~1json/schema")
                .map(|schema| {
                    let schema = resolve(doc, schema);
                    Body {
                        ids: schema["properties"]
                            .as_object()
                            .into_iter()
                            .flatten()
                            .filter_map(|(f, s)| Some((f.clone(), id_kind(doc, s)?)))
                            .collect(),
                        required: strings(&schema["required"]),
                        rules: schema["allOf"].as_array().cloned().unwrap_or_default(),
                    }
                });
            targets.push(Target {
                operation_id: operation_id.to_owned(),
                parameters,
                body,
            });
        }
    }
    targets
}

impl Target {
    /// The link from a response carrying `ids`, if the response supplies every id parameter the
    /// operation requires and something to fill in.
    fn link(&self, ids: &[ResponseId]) -> Option<Value> {
        let of_kind = |kind: &str| ids.iter().find(|id| id.kind == kind);
        let mut parameters = Map::new();
        for (name, kind, required) in &self.parameters {
            match of_kind(kind) {
                Some(id) => {
                    parameters.insert(name.clone(), expression(&id.field));
                }
                None if *required => return None,
                None => {}
            }
        }
        let body = self.body.as_ref().and_then(|body| body.link(ids));
        if parameters.is_empty() && body.is_none() {
            return None;
        }
        let mut link = json!({ "operationId": self.operation_id });
        if !parameters.is_empty() {
            link["parameters"] = Value::Object(parameters);
        }
        if let Some((fields, merge)) = body {
            link["requestBody"] = Value::Object(fields);
            if !merge {
                link["x-schemathesis"] = json!({ "merge_body": false });
            }
        }
        Some(link)
    }
}

impl Body {
    /// The body fields a link sets, and whether they are merged into a generated body (or are
    /// the whole body).
    fn link(&self, ids: &[ResponseId]) -> Option<(Map<String, Value>, bool)> {
        let mapped: Map<String, Value> = self
            .ids
            .iter()
            .filter_map(|(field, kind)| {
                let id = ids.iter().find(|id| &id.kind == kind)?;
                Some((field.clone(), expression(&id.field)))
            })
            .collect();
        if mapped.is_empty() {
            return None;
        }
        if self.rules.is_empty() {
            return Some((mapped, true));
        }
        let own: Map<String, Value> = mapped
            .iter()
            .filter(|(_, e)| **e == expression("id"))
            .map(|(f, e)| (f.clone(), e.clone()))
            .collect();
        [mapped, own]
            .into_iter()
            .find(|fields| {
                !fields.is_empty()
                    && self.required.iter().all(|r| fields.contains_key(r))
                    && self
                        .rules
                        .iter()
                        .all(|rule| holds(rule, fields) == Some(true))
            })
            .map(|fields| (fields, false))
    }
}

/// Whether a body made of exactly `fields` (each with a value) satisfies `rule`, for the rule
/// shapes `http::body_rules` writes; `None` for anything else.
fn holds(rule: &Value, fields: &Map<String, Value>) -> Option<bool> {
    let object = rule.as_object()?;
    if let Some(condition) = object.get("if") {
        let branch = match holds(condition, fields)? {
            true => object.get("then"),
            false => object.get("else"),
        };
        return branch.map_or(Some(true), |b| holds(b, fields));
    }
    let mut result = true;
    for (key, value) in object {
        result &= match key.as_str() {
            "allOf" => value
                .as_array()?
                .iter()
                .map(|v| holds(v, fields))
                .collect::<Option<Vec<_>>>()?
                .into_iter()
                .all(|b| b),
            "required" => strings(value).iter().all(|f| fields.contains_key(f)),
            // `{f: {not: {type: null}}}` asks for a value, which every field here has;
            // `{f: {type: null}}` for none.
            "properties" => value.as_object()?.iter().all(|(f, s)| match s.get("type") {
                Some(t) if t == "null" => !fields.contains_key(f),
                _ => s.get("not").is_some(),
            }),
            _ => return None,
        };
    }
    Some(result)
}

/// The id component a schema is (`$ref` to `…Id`), directly or as the non-null member of a
/// nullable `oneOf`.
fn id_kind(doc: &Value, schema: &Value) -> Option<String> {
    if let Some(members) = schema["oneOf"].as_array() {
        return members.iter().find_map(|m| id_kind(doc, m));
    }
    let name = schema["$ref"]
        .as_str()?
        .strip_prefix("#/components/schemas/")?;
    let is_id = name.ends_with("Id") && doc["components"]["schemas"][name]["pattern"].is_string();
    is_id.then(|| name.to_owned())
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => doc.pointer(pointer).unwrap_or(schema),
        None => schema,
    }
}

fn expression(field: &str) -> Value {
    Value::String(format!("$response.body#/{field}"))
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}
