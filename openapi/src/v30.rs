//! The OpenAPI 3.0 view of the 3.1 document, for progenitor.
//!
//! progenitor 0.15 (through `openapiv3`) only reads OpenAPI 3.0, and the
//! server's utoipa 6 only writes 3.1. The two differ mostly in the Schema
//! object (3.1 uses full JSON Schema 2020-12), so the conversion is a walk
//! that knows which positions hold schemas and rewrites only those, leaving
//! example and default values, which are data, byte for byte as they were.

use serde_json::{Map, Value, json};

use crate::spec::{MAX_REF_HOPS, is_null_schema, resolve_local};

/// Keywords a 3.0.3 Schema object may carry (besides `x-` extensions).
/// Anything else is JSON Schema 2020-12 that 3.0 cannot express, and 3.0
/// tools would either reject it or silently misread it.
const SCHEMA_30_KEYWORDS: &[&str] = &[
    "$ref",
    "title",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "type",
    "not",
    "allOf",
    "oneOf",
    "anyOf",
    "items",
    "properties",
    "additionalProperties",
    "description",
    "format",
    "default",
    "nullable",
    "discriminator",
    "readOnly",
    "writeOnly",
    "example",
    "externalDocs",
    "deprecated",
    "xml",
];

const OPERATION_KEYS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Returns the OpenAPI 3.0.3 view of an OpenAPI 3.1 document, as progenitor
/// (and other 3.0-only tools) need it. Pure: `spec` is not modified and
/// nothing is written anywhere.
///
/// Document level:
/// - `openapi` becomes `"3.0.3"`;
/// - 3.1-only top-level fields go: `webhooks`, `jsonSchemaDialect`, plus
///   `info.summary`, `info.license.identifier` and `components.pathItems`
///   (path items that `$ref` into it are inlined first); `paths` is added
///   if missing, since 3.0 requires it;
/// - Reference objects outside schemas lose their 3.1 `summary` and
///   `description` siblings.
///
/// Every schema (in `components.schemas`, parameters, headers, request and
/// response bodies, and nested under `properties`, `items`,
/// `additionalProperties`, `allOf`, `oneOf`, `anyOf`, `not`):
/// - `type: [T, "null"]` becomes `type: T` + `nullable: true`; several
///   non-null types become a `oneOf` of one branch per type, each carrying
///   that type's keywords (`items` to the array branch, `maxLength` to the
///   string branch, ...); `type: "null"` alone becomes just `nullable: true`;
/// - `oneOf`/`anyOf` with `{type: "null"}` members lose them and gain
///   `nullable: true`; a lone remaining member is merged into the schema
///   when its keywords don't collide, otherwise (always for a `$ref`) moved
///   into `allOf`, as `oneOf: [{$ref}]` is a panic in progenitor;
/// - `$ref` with siblings becomes `allOf: [{$ref}]` beside them, because 3.0
///   ignores `$ref` siblings and the `description` would be lost;
/// - numeric `exclusiveMinimum: n` becomes `minimum: n, exclusiveMinimum:
///   true` unless an existing `minimum` is already tighter (same for max);
/// - `const: x` becomes `enum: [x]`; an `examples` array becomes `example:`
///   its first element;
/// - `prefixItems` (tuples) becomes `items: {anyOf: [...]}` of the positions
///   (plus `maxItems` for a closed tuple); 3.0 has no tuples, so the element
///   order is lost;
/// - boolean schemas become `{}` and `{not: {}}`;
/// - every other keyword 3.0 doesn't have (`contentEncoding`,
///   `contentMediaType`, `$defs`, `patternProperties`, `if`, ...) is dropped.
///
/// Never rewritten, because they are data rather than schemas: `example`,
/// `examples` (schema arrays and media-type maps alike), `default`, `enum`
/// and `x-` extension values, and `components.examples`.
pub fn to_openapi_30(spec: &Value) -> Value {
    let mut doc = spec.clone();
    let Some(root) = doc.as_object_mut() else {
        return doc;
    };
    let converter = Converter { original: spec };

    root.insert("openapi".into(), "3.0.3".into());
    root.remove("webhooks");
    root.remove("jsonSchemaDialect");
    if let Some(info) = root.get_mut("info").and_then(Value::as_object_mut) {
        info.remove("summary");
        if let Some(license) = info.get_mut("license").and_then(Value::as_object_mut) {
            license.remove("identifier");
        }
    }

    let paths = root.entry("paths").or_insert_with(|| json!({}));
    for item in values_mut(Some(paths)) {
        converter.path_item(item);
    }

    if let Some(components) = root.get_mut("components").and_then(Value::as_object_mut) {
        components.remove("pathItems");
        for schema in values_mut(components.get_mut("schemas")) {
            convert_schema(schema);
        }
        for response in values_mut(components.get_mut("responses")) {
            convert_response(response);
        }
        for parameter in values_mut(components.get_mut("parameters")) {
            convert_parameter(parameter);
        }
        for body in values_mut(components.get_mut("requestBodies")) {
            convert_request_body(body);
        }
        for header in values_mut(components.get_mut("headers")) {
            convert_parameter(header);
        }
        for callback in values_mut(components.get_mut("callbacks")) {
            converter.callback(callback);
        }
    }
    doc
}

/// The parts of the walk that may need to look at the original document.
struct Converter<'a> {
    original: &'a Value,
}

impl Converter<'_> {
    fn path_item(&self, item: &mut Value) {
        self.inline_path_item_ref(item);
        if strip_reference(item) {
            return; // external: nothing to convert here
        }
        let Some(obj) = item.as_object_mut() else {
            return;
        };
        for key in OPERATION_KEYS {
            if let Some(operation) = obj.get_mut(key) {
                self.operation(operation);
            }
        }
        for parameter in elements_mut(obj.get_mut("parameters")) {
            convert_parameter(parameter);
        }
    }

    /// Replaces a local path item `$ref` by its target: the usual target,
    /// `components.pathItems`, does not exist in 3.0.
    fn inline_path_item_ref(&self, item: &mut Value) {
        for _ in 0..MAX_REF_HOPS {
            let Some(obj) = item.as_object_mut() else {
                return;
            };
            let target = obj
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| resolve_local(self.original, r));
            let Some(Value::Object(target)) = target else {
                return;
            };
            obj.remove("$ref");
            // The referencing object's own fields win, as 3.1 intends.
            for (key, value) in target {
                obj.entry(key.clone()).or_insert_with(|| value.clone());
            }
        }
    }

    fn operation(&self, operation: &mut Value) {
        let Some(obj) = operation.as_object_mut() else {
            return;
        };
        for parameter in elements_mut(obj.get_mut("parameters")) {
            convert_parameter(parameter);
        }
        if let Some(body) = obj.get_mut("requestBody") {
            convert_request_body(body);
        }
        for response in values_mut(obj.get_mut("responses")) {
            convert_response(response);
        }
        for callback in values_mut(obj.get_mut("callbacks")) {
            self.callback(callback);
        }
    }

    fn callback(&self, callback: &mut Value) {
        if strip_reference(callback) {
            return;
        }
        for item in values_mut(Some(callback)) {
            self.path_item(item);
        }
    }
}

/// A Parameter or Header object (same shape as far as schemas go).
fn convert_parameter(parameter: &mut Value) {
    if strip_reference(parameter) {
        return;
    }
    if let Some(schema) = parameter.get_mut("schema") {
        convert_schema(schema);
    }
    convert_content(parameter.get_mut("content"));
}

fn convert_request_body(body: &mut Value) {
    if strip_reference(body) {
        return;
    }
    convert_content(body.get_mut("content"));
}

fn convert_response(response: &mut Value) {
    if strip_reference(response) {
        return;
    }
    for header in values_mut(response.get_mut("headers")) {
        convert_parameter(header);
    }
    convert_content(response.get_mut("content"));
}

/// A `content` map of Media Type objects. Only `schema` and the encodings'
/// headers hold schemas; `example`/`examples` are data.
fn convert_content(content: Option<&mut Value>) {
    for media in values_mut(content) {
        if let Some(schema) = media.get_mut("schema") {
            convert_schema(schema);
        }
        for encoding in values_mut(media.get_mut("encoding")) {
            for header in values_mut(encoding.get_mut("headers")) {
                convert_parameter(header);
            }
        }
    }
}

/// Turns a 3.1 Reference object outside a schema into a 3.0 one, whose only
/// field is `$ref` (3.1 allows `summary`/`description` beside it). Returns
/// whether `value` was a reference.
fn strip_reference(value: &mut Value) -> bool {
    let Some(obj) = value.as_object_mut() else {
        return false;
    };
    if !obj.get("$ref").is_some_and(Value::is_string) {
        return false;
    }
    obj.retain(|key, _| key == "$ref");
    true
}

/// Converts one JSON Schema 2020-12 schema (and everything nested in it) to
/// an OpenAPI 3.0 Schema object.
fn convert_schema(schema: &mut Value) {
    if let Value::Bool(accept_all) = *schema {
        *schema = if accept_all {
            json!({})
        } else {
            json!({"not": {}})
        };
        return;
    }
    let Some(obj) = schema.as_object_mut() else {
        return;
    };

    // Null members first: a lone survivor may be merged into this schema and
    // then needs the keyword conversions below like any other keyword.
    for key in ["oneOf", "anyOf"] {
        strip_null_members(obj, key);
    }
    convert_type(obj);
    if let Some(value) = obj.remove("const") {
        if value.is_null() {
            obj.insert("nullable".into(), true.into());
        }
        obj.insert("enum".into(), json!([value]));
    }
    if let Some(examples) = obj.remove("examples")
        && !obj.contains_key("example")
        && let Value::Array(examples) = examples
        && let Some(first) = examples.into_iter().next()
    {
        obj.insert("example".into(), first);
    }
    convert_exclusive_bound(
        obj,
        "exclusiveMinimum",
        "minimum",
        |inclusive, exclusive| inclusive > exclusive,
    );
    convert_exclusive_bound(
        obj,
        "exclusiveMaximum",
        "maximum",
        |inclusive, exclusive| inclusive < exclusive,
    );
    convert_prefix_items(obj);

    obj.retain(|key, _| key.starts_with("x-") || SCHEMA_30_KEYWORDS.contains(&key.as_str()));

    for key in ["items", "not"] {
        if let Some(sub) = obj.get_mut(key) {
            convert_schema(sub);
        }
    }
    // `additionalProperties: true/false` is valid 3.0 as it is.
    if let Some(sub) = obj.get_mut("additionalProperties")
        && !sub.is_boolean()
    {
        convert_schema(sub);
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for sub in elements_mut(obj.get_mut(key)) {
            convert_schema(sub);
        }
    }
    for sub in values_mut(obj.get_mut("properties")) {
        convert_schema(sub);
    }

    wrap_ref_with_siblings(obj);
}

/// `oneOf: [X, {type: "null"}]` is how 3.1 (and utoipa) spells `Option<X>`;
/// 3.0 spells it `nullable: true`.
fn strip_null_members(obj: &mut Map<String, Value>, key: &str) {
    let Some(Value::Array(members)) = obj.get_mut(key) else {
        return;
    };
    let before = members.len();
    members.retain(|member| !is_null_schema(member));
    if members.len() == before {
        return;
    }
    obj.insert("nullable".into(), true.into());
    let Some(Value::Array(mut members)) = obj.remove(key) else {
        unreachable!("checked above");
    };
    match members.len() {
        0 => {}
        1 => absorb_member(obj, members.remove(0)),
        _ => {
            obj.insert(key.into(), Value::Array(members));
        }
    }
}

/// Makes `member` the only alternative of `obj`: merged in when nothing
/// collides, else as an `allOf` member. A `$ref` always goes to `allOf`,
/// since merged into `obj` it would become a `$ref` with siblings.
fn absorb_member(obj: &mut Map<String, Value>, member: Value) {
    match member {
        Value::Bool(true) => {}
        Value::Object(member)
            if !member.contains_key("$ref") && member.keys().all(|k| !obj.contains_key(k)) =>
        {
            obj.extend(member);
        }
        member => push_all_of(obj, member, false),
    }
}

fn push_all_of(obj: &mut Map<String, Value>, member: Value, first: bool) {
    match obj.get_mut("allOf") {
        Some(Value::Array(all)) if first => all.insert(0, member),
        Some(Value::Array(all)) => all.push(member),
        _ => {
            obj.insert("allOf".into(), json!([member]));
        }
    }
}

fn convert_type(obj: &mut Map<String, Value>) {
    let types: Vec<String> = match obj.get("type") {
        Some(Value::String(t)) if t == "null" => vec![t.clone()],
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => return,
    };
    obj.remove("type");
    if types.iter().any(|t| t == "null") {
        obj.insert("nullable".into(), true.into());
    }
    let mut non_null: Vec<String> = Vec::new();
    for t in types {
        if t != "null" && !non_null.contains(&t) {
            non_null.push(t);
        }
    }
    // Every integer is a number, so both in a oneOf would reject integers.
    if non_null.iter().any(|t| t == "number") {
        non_null.retain(|t| t != "integer");
    }
    match non_null.len() {
        0 => {}
        1 => {
            obj.insert("type".into(), non_null.remove(0).into());
        }
        _ => split_types(obj, &non_null),
    }
}

/// `type: [A, B]` → `oneOf: [{type: A, ...}, {type: B, ...}]`, each branch
/// taking the keywords that only constrain its own type.
fn split_types(obj: &mut Map<String, Value>, types: &[String]) {
    let branches: Vec<Value> = types
        .iter()
        .map(|t| {
            let mut branch = Map::new();
            branch.insert("type".into(), t.as_str().into());
            for &keyword in keywords_of_type(t) {
                if let Some(value) = obj.get(keyword) {
                    branch.insert(keyword.into(), value.clone());
                }
            }
            Value::Object(branch)
        })
        .collect();
    for t in types {
        for &keyword in keywords_of_type(t) {
            obj.remove(keyword);
        }
    }
    if obj.contains_key("oneOf") {
        push_all_of(obj, json!({ "oneOf": branches }), false);
    } else {
        obj.insert("oneOf".into(), Value::Array(branches));
    }
}

fn keywords_of_type(t: &str) -> &'static [&'static str] {
    match t {
        "string" => &["minLength", "maxLength", "pattern", "format"],
        "number" | "integer" => &[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "format",
        ],
        "array" => &[
            "items",
            "prefixItems",
            "minItems",
            "maxItems",
            "uniqueItems",
            "contains",
            "minContains",
            "maxContains",
            "unevaluatedItems",
        ],
        "object" => &[
            "properties",
            "required",
            "additionalProperties",
            "minProperties",
            "maxProperties",
            "patternProperties",
            "propertyNames",
            "dependentRequired",
            "dependentSchemas",
            "unevaluatedProperties",
        ],
        _ => &[],
    }
}

/// 3.1 `exclusiveMinimum: n` → 3.0 `minimum: n, exclusiveMinimum: true`.
/// 3.1 lets both bounds coexist, so keep whichever is tighter.
fn convert_exclusive_bound(
    obj: &mut Map<String, Value>,
    exclusive_key: &str,
    inclusive_key: &str,
    inclusive_is_tighter: fn(f64, f64) -> bool,
) {
    let Some(Value::Number(exclusive)) = obj.get(exclusive_key).cloned() else {
        return;
    };
    let keep_inclusive = obj
        .get(inclusive_key)
        .and_then(Value::as_f64)
        .zip(exclusive.as_f64())
        .is_some_and(|(inclusive, exclusive)| inclusive_is_tighter(inclusive, exclusive));
    if keep_inclusive {
        obj.remove(exclusive_key);
    } else {
        obj.insert(inclusive_key.into(), Value::Number(exclusive));
        obj.insert(exclusive_key.into(), true.into());
    }
}

/// 3.0 has no tuples: describe every element as any of the positional
/// schemas (and of the rest-of-tuple `items` schema, if any).
fn convert_prefix_items(obj: &mut Map<String, Value>) {
    let Some(Value::Array(positions)) = obj.remove("prefixItems") else {
        return;
    };
    let closed = matches!(obj.get("items"), Some(Value::Bool(false)));
    let mut alternatives: Vec<Value> = Vec::new();
    for schema in positions
        .iter()
        .chain(obj.get("items").filter(|items| items.is_object()))
    {
        if !alternatives.contains(schema) {
            alternatives.push(schema.clone());
        }
    }
    let items = match alternatives.len() {
        0 => return,
        1 => alternatives.remove(0),
        _ => json!({ "anyOf": alternatives }),
    };
    obj.insert("items".into(), items);
    if closed {
        let len = positions.len() as u64;
        let max = obj
            .get("maxItems")
            .and_then(Value::as_u64)
            .map_or(len, |m| m.min(len));
        obj.insert("maxItems".into(), max.into());
    }
}

/// 3.0 ignores everything beside a `$ref`; inside `allOf` the `$ref` keeps
/// its meaning and the siblings (description, nullable, ...) count again.
fn wrap_ref_with_siblings(obj: &mut Map<String, Value>) {
    if obj.len() > 1
        && let Some(reference) = obj.remove("$ref")
    {
        push_all_of(obj, json!({ "$ref": reference }), true);
    }
}

/// The values of `value` if it is an object (a map of named things).
fn values_mut(value: Option<&mut Value>) -> impl Iterator<Item = &mut Value> {
    value
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|m| m.values_mut())
}

/// The elements of `value` if it is an array.
fn elements_mut(value: Option<&mut Value>) -> impl Iterator<Item = &mut Value> {
    value.and_then(Value::as_array_mut).into_iter().flatten()
}

#[cfg(test)]
mod tests;
