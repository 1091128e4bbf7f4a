//! The spec as every language's generator sees it: named types, operations with their
//! arguments, and webhook events, walked once from the OpenAPI document.
//!
//! Nothing here is about one language. A target turns [`Ty`] into its own type syntax and
//! [`Operation::arguments`] into its own call shape; the docs use the same arguments for their
//! samples. Schema keywords that do not change a value's type (`pattern`, bounds, `not`,
//! `format` other than dates) are carried as constraints to document, never guessed from:
//! the SDK's dispatch entry point enforces them at run time.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;
use vinsnap_openapi::Spec;

use crate::naming::{self, NamingError, OperationName};

/// A value's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// Any JSON value (`{}`, or what no other variant describes).
    Any,
    Null,
    Bool,
    Integer,
    Number,
    String,
    /// A `date-time` string (RFC 3339).
    DateTime,
    /// A `date` string (`2026-11-22`).
    Date,
    /// One of these values (`enum`, `const`).
    Literal(Vec<Value>),
    Array(Box<Ty>),
    /// An object with arbitrary keys, each value of this type.
    Map(Box<Ty>),
    /// A schema of [`Api::types`], by name.
    Named(String),
    /// Any of these (`oneOf`, `anyOf`, a list of `type`s); `Null` among them means nullable.
    Union(Vec<Ty>),
}

impl Ty {
    /// Whether `null` is a value of this type.
    pub fn is_nullable(&self) -> bool {
        match self {
            Ty::Null | Ty::Any => true,
            Ty::Union(members) => members.iter().any(Ty::is_nullable),
            Ty::Literal(values) => values.iter().any(Value::is_null),
            _ => false,
        }
    }

    /// The type without its `null`: `T` for `T | null`.
    pub fn non_null(&self) -> Ty {
        match self {
            Ty::Union(members) => {
                let rest: Vec<Ty> = members
                    .iter()
                    .filter(|m| **m != Ty::Null)
                    .map(Ty::non_null)
                    .collect();
                match rest.len() {
                    0 => Ty::Null,
                    1 => rest.into_iter().next().expect("one member"),
                    _ => Ty::Union(rest),
                }
            }
            Ty::Literal(values) if values.iter().any(Value::is_null) => {
                Ty::Literal(values.iter().filter(|v| !v.is_null()).cloned().collect())
            }
            other => other.clone(),
        }
    }

    fn union(members: Vec<Ty>) -> Ty {
        let mut flat: Vec<Ty> = Vec::new();
        for member in members {
            let parts = match member {
                Ty::Union(inner) => inner,
                other => vec![other],
            };
            for part in parts {
                if !flat.contains(&part) {
                    flat.push(part);
                }
            }
        }
        if flat.contains(&Ty::Any) {
            return Ty::Any;
        }
        match flat.len() {
            0 => Ty::Any,
            1 => flat.into_iter().next().expect("one member"),
            _ => Ty::Union(flat),
        }
    }

    /// The named types this type mentions, directly or inside arrays, maps and unions.
    pub fn names(&self, out: &mut BTreeSet<String>) {
        match self {
            Ty::Named(name) => {
                out.insert(name.clone());
            }
            Ty::Array(inner) | Ty::Map(inner) => inner.names(out),
            Ty::Union(members) => members.iter().for_each(|m| m.names(out)),
            _ => {}
        }
    }
}

/// What a schema says beyond its type: documented, and enforced by the SDK's dispatch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    pub pattern: Option<String>,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
}

impl Constraints {
    fn of(schema: &Value) -> Constraints {
        let number = |key: &str| schema.get(key).and_then(Value::as_f64);
        let count = |key: &str| schema.get(key).and_then(Value::as_u64);
        Constraints {
            pattern: schema
                .get("pattern")
                .and_then(Value::as_str)
                .map(str::to_owned),
            minimum: number("minimum").or(number("exclusiveMinimum")),
            maximum: number("maximum").or(number("exclusiveMaximum")),
            min_length: count("minLength"),
            max_length: count("maxLength"),
            min_items: count("minItems"),
            max_items: count("maxItems"),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// One property of an object type.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    /// The JSON name.
    pub name: String,
    pub ty: Ty,
    /// Must be present (it may still be `null` when `ty` is nullable).
    pub required: bool,
    pub description: Option<String>,
    pub constraints: Constraints,
}

/// An object type: its properties, in the spec's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    pub properties: Vec<Property>,
    /// Whether keys other than the properties are allowed (`additionalProperties` not `false`).
    pub open: bool,
}

impl Object {
    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }
}

/// What a named type is.
#[derive(Debug, Clone, PartialEq)]
pub enum Definition {
    Object(Object),
    /// Another name for a type: an id (`string` with a pattern), an enum, a union.
    Alias(Ty),
}

/// A named type: a schema of `components.schemas`, or an inline object given a name.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedType {
    pub name: String,
    pub description: Option<String>,
    pub definition: Definition,
    pub constraints: Constraints,
    /// Written inline in the spec (a property's object schema) and named here, rather than a
    /// schema of `components.schemas`.
    pub inline: bool,
}

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Header,
}

/// One parameter of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// The name in the spec (and in the dispatch entry point's arguments).
    pub name: String,
    pub location: Location,
    pub ty: Ty,
    pub required: bool,
    pub description: Option<String>,
    pub constraints: Constraints,
    /// The documented example: the parameter's own (`example`, or the first of `examples`),
    /// else, for a required one, its schema's. The docs' samples call with it.
    pub example: Option<Value>,
}

/// Where a keyword argument of a call goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgumentSource {
    Query,
    /// A property of the JSON body.
    Body,
}

/// One argument of a call as every binding shapes it: path parameters positional, in path
/// order; query parameters and body properties by keyword.
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    /// The name in the spec: the keyword, and the key in the dispatch arguments.
    pub name: String,
    pub ty: Ty,
    pub required: bool,
    pub description: Option<String>,
    pub source: ArgumentSource,
}

/// The request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub ty: Ty,
    pub required: bool,
    /// The object's properties, when the body is an object (each becomes a keyword argument).
    pub fields: Option<Object>,
    /// The documented example (the media type's `example`, or the first of `examples`).
    pub example: Option<Value>,
}

/// A list operation: pages with `limit` and `offset`, answers `{data: [Item], has_more, ...}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Paging {
    pub item: Ty,
    /// The response's properties besides `data`, `has_more` and `total` (a parts search's
    /// `vehicle`).
    pub extra: Vec<Property>,
}

/// One operation of the API.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub name: OperationName,
    pub method: String,
    pub path: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub parameters: Vec<Parameter>,
    pub body: Option<Body>,
    /// The success response's body type, `None` when it has none.
    pub response: Option<Ty>,
    /// The success status (`200`, `201`, `202`, `204`).
    pub success: u16,
    pub paging: Option<Paging>,
    /// The error statuses the spec documents for it.
    pub errors: Vec<u16>,
}

impl Operation {
    pub fn id(&self) -> &str {
        &self.name.operation_id
    }

    /// The path parameters, in the order the path names them.
    pub fn path_parameters(&self) -> Vec<&Parameter> {
        let mut params: Vec<&Parameter> = self
            .parameters
            .iter()
            .filter(|p| p.location == Location::Path)
            .collect();
        params.sort_by_key(|p| self.path.find(&format!("{{{}}}", p.name)));
        params
    }

    /// The keyword arguments: query parameters, then body properties. Header parameters
    /// (`Idempotency-Key`) are the transport's.
    pub fn arguments(&self) -> Vec<Argument> {
        let query = self
            .parameters
            .iter()
            .filter(|p| p.location == Location::Query)
            .map(|p| Argument {
                name: p.name.clone(),
                ty: p.ty.clone(),
                required: p.required,
                description: p.description.clone(),
                source: ArgumentSource::Query,
            });
        let body = self
            .body
            .iter()
            .filter_map(|b| b.fields.as_ref())
            .flat_map(|o| o.properties.iter())
            .map(|p| Argument {
                name: p.name.clone(),
                ty: p.ty.clone(),
                required: p.required,
                description: p.description.clone(),
                source: ArgumentSource::Body,
            });
        query.chain(body).collect()
    }
}

/// A webhook event type and what its `data` holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// As sent in `type` (`customer.created`).
    pub name: String,
    pub data: Ty,
    pub description: Option<String>,
    /// The whole body: the envelope's properties, `type` as this one value and `data` typed.
    pub body: Object,
}

/// The API as the generators see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// Named types, in the spec's order, followed by the inline objects given names.
    pub types: Vec<NamedType>,
    pub operations: Vec<Operation>,
    pub events: Vec<Event>,
}

impl Api {
    pub fn named(&self, name: &str) -> Option<&NamedType> {
        self.types.iter().find(|t| t.name == name)
    }

    /// The object behind `ty`, following aliases.
    pub fn object<'a>(&'a self, ty: &Ty) -> Option<&'a Object> {
        let mut current = ty.non_null();
        for _ in 0..16 {
            let Ty::Named(name) = &current else {
                return None;
            };
            match &self.named(name)?.definition {
                Definition::Object(object) => return Some(object),
                Definition::Alias(inner) => current = inner.non_null(),
            }
        }
        None
    }

    /// The resources (first tags), in the order their first operation appears.
    pub fn resources(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for op in &self.operations {
            if !seen.contains(&op.name.resource.as_str()) {
                seen.push(&op.name.resource);
            }
        }
        seen
    }

    /// The named types reachable from the request side (bodies and query parameters), so a
    /// target can write input types (TypedDicts, input interfaces) for them.
    pub fn request_types(&self) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        for op in &self.operations {
            for arg in op.arguments() {
                arg.ty.names(&mut names);
            }
        }
        self.closure(names)
    }

    /// `names` and every named type their definitions mention.
    fn closure(&self, mut names: BTreeSet<String>) -> BTreeSet<String> {
        let mut todo: Vec<String> = names.iter().cloned().collect();
        while let Some(name) = todo.pop() {
            let Some(named) = self.named(&name) else {
                continue;
            };
            let mut found = BTreeSet::new();
            match &named.definition {
                Definition::Object(o) => o.properties.iter().for_each(|p| p.ty.names(&mut found)),
                Definition::Alias(ty) => ty.names(&mut found),
            }
            for name in found {
                if names.insert(name.clone()) {
                    todo.push(name);
                }
            }
        }
        names
    }
}

/// Why the spec cannot be modelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    Naming(NamingError),
    /// A keyword argument name is used twice in one call (a query parameter and a body field,
    /// or a path parameter and either).
    ArgumentClash {
        operation_id: String,
        name: String,
    },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Naming(e) => e.fmt(f),
            ModelError::ArgumentClash { operation_id, name } => write!(
                f,
                "operation {operation_id} has two arguments named {name:?}: rename one in the server"
            ),
        }
    }
}

impl std::error::Error for ModelError {}

impl From<NamingError> for ModelError {
    fn from(e: NamingError) -> Self {
        ModelError::Naming(e)
    }
}

const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// Walks `spec` once into an [`Api`].
pub fn build(spec: &Spec) -> Result<Api, ModelError> {
    let names = naming::operation_names(spec)?;
    let mut walker = Walker {
        spec,
        hoisted: Vec::new(),
        taken: BTreeSet::new(),
    };
    let schemas = spec.as_value()["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    walker.taken.extend(schemas.keys().cloned());
    let mut types: Vec<NamedType> = schemas
        .iter()
        .map(|(name, schema)| walker.named(name, schema))
        .collect();

    let mut operations = Vec::new();
    for (op, name) in spec.operations().zip(names) {
        operations.push(walker.operation(&op, name)?);
    }
    let events = spec
        .webhooks()
        .filter_map(|hook| walker.event(&hook))
        .collect();
    types.append(&mut walker.hoisted);
    Ok(Api {
        types,
        operations,
        events,
    })
}

struct Walker<'a> {
    spec: &'a Spec,
    /// Inline objects given a name of their own.
    hoisted: Vec<NamedType>,
    taken: BTreeSet<String>,
}

impl Walker<'_> {
    fn named(&mut self, name: &str, schema: &Value) -> NamedType {
        let schema = self.merged(schema);
        let definition = match self.object(name, &schema) {
            Some(object) => Definition::Object(object),
            None => Definition::Alias(self.ty(name, &schema)),
        };
        NamedType {
            name: name.to_owned(),
            description: text(&schema, "description"),
            definition,
            constraints: Constraints::of(&schema),
            inline: false,
        }
    }

    /// `schema` with an `allOf` of objects folded into one object schema (properties and
    /// `required` of every member, local `$ref`s followed), so `allOf: [Base, {extra}]` reads as
    /// one object. Anything else is returned as it is.
    fn merged(&self, schema: &Value) -> Value {
        let Some(members) = schema.get("allOf").and_then(Value::as_array) else {
            return schema.clone();
        };
        // Members that only state rules between fields (`if`/`then`/`else`, `not`, `required`)
        // add no field: the SDK checks them against the spec at run time, the type ignores them.
        let shapes: Vec<&Value> = members.iter().filter(|m| !rule_only(m)).collect();
        let mut own = schema.clone();
        if let Some(own) = own.as_object_mut() {
            own.remove("allOf");
        }
        if shapes.is_empty() {
            return own;
        }
        let own_fields = own.get("properties").is_some().then_some(own);
        let resolved: Vec<Value> = own_fields
            .into_iter()
            .chain(shapes.iter().map(|m| self.merged(self.spec.resolve(m))))
            .collect();
        let all_objects = resolved
            .iter()
            .all(|m| m.get("properties").is_some() || m["type"] == "object");
        if !all_objects {
            // A described reference (`allOf: [{$ref}]` with a description) or a mix: the first
            // member stands for the whole.
            let mut first = shapes[0].clone();
            if let (Some(obj), Some(d)) = (first.as_object_mut(), schema.get("description")) {
                obj.entry("description").or_insert(d.clone());
            }
            return first;
        }
        let mut properties = serde_json::Map::new();
        let mut required: Vec<Value> = Vec::new();
        let mut closed = false;
        for member in &resolved {
            if let Some(props) = member["properties"].as_object() {
                for (k, v) in props {
                    properties.insert(k.clone(), v.clone());
                }
            }
            for r in member["required"].as_array().into_iter().flatten() {
                if !required.contains(r) {
                    required.push(r.clone());
                }
            }
            closed |= member["additionalProperties"] == false;
        }
        let mut out = serde_json::json!({
            "type": "object",
            "properties": properties,
            "required": required,
        });
        if closed {
            out["additionalProperties"] = Value::Bool(false);
        }
        for key in ["description", "title"] {
            if let Some(v) = schema
                .get(key)
                .or_else(|| resolved.last().and_then(|m| m.get(key)))
            {
                out[key] = v.clone();
            }
        }
        out
    }

    /// The object a schema describes, when it has properties.
    fn object(&mut self, context: &str, schema: &Value) -> Option<Object> {
        let props = schema.get("properties")?.as_object()?;
        let required: BTreeSet<&str> = schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let properties = props
            .iter()
            .map(|(name, prop)| {
                let prop_context = format!("{context}_{name}");
                let resolved_desc = text(prop, "description").or_else(|| {
                    // A property given as a single-member wrapper keeps the member's words.
                    prop.get("oneOf")
                        .or(prop.get("allOf"))
                        .and_then(Value::as_array)
                        .and_then(|m| m.iter().find_map(|s| text(s, "description")))
                });
                Property {
                    name: name.clone(),
                    ty: self.ty(&prop_context, prop),
                    required: required.contains(name.as_str()),
                    description: resolved_desc,
                    constraints: Constraints::of(self.spec.resolve(prop)),
                }
            })
            .collect();
        Some(Object {
            properties,
            open: schema.get("additionalProperties") != Some(&Value::Bool(false)),
        })
    }

    /// The type of `schema`; `context` names an inline object that needs a name.
    fn ty(&mut self, context: &str, schema: &Value) -> Ty {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            return match reference.strip_prefix(SCHEMA_PREFIX) {
                Some(name) => Ty::Named(name.to_owned()),
                None => self.ty(context, self.spec.resolve(schema)),
            };
        }
        if let Some(value) = schema.get("const") {
            return Ty::Literal(vec![value.clone()]);
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            return Ty::Literal(values.clone());
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(members) = schema.get(key).and_then(Value::as_array) {
                let members = members.iter().map(|m| self.ty(context, m)).collect();
                let own = self.typed(context, schema);
                return match own {
                    Some(own) if own != Ty::Any => Ty::union(vec![own, Ty::union(members)]),
                    _ => Ty::union(members),
                };
            }
        }
        if schema.get("allOf").is_some() {
            let merged = self.merged(schema);
            if merged.get("allOf").is_none() {
                return self.ty(context, &merged);
            }
        }
        self.typed(context, schema).unwrap_or(Ty::Any)
    }

    /// The type a schema's `type` keyword (or its `properties`) gives it.
    fn typed(&mut self, context: &str, schema: &Value) -> Option<Ty> {
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ if schema.get("properties").is_some() => vec!["object"],
            _ => return None,
        };
        let mut members = Vec::new();
        for t in types {
            members.push(match t {
                "null" => Ty::Null,
                "boolean" => Ty::Bool,
                "integer" => Ty::Integer,
                "number" => Ty::Number,
                "string" => match schema.get("format").and_then(Value::as_str) {
                    Some("date-time") => Ty::DateTime,
                    Some("date") => Ty::Date,
                    _ => Ty::String,
                },
                "array" => Ty::Array(Box::new(match schema.get("items") {
                    Some(items) => self.ty(&format!("{context}_item"), items),
                    None => Ty::Any,
                })),
                "object" => self.object_type(context, schema),
                _ => Ty::Any,
            });
        }
        Some(Ty::union(members))
    }

    fn object_type(&mut self, context: &str, schema: &Value) -> Ty {
        if schema.get("properties").is_some() {
            let name = self.hoisted_name(context);
            let named = NamedType {
                inline: true,
                ..self.named(&name, schema)
            };
            self.hoisted.push(named);
            return Ty::Named(name);
        }
        match schema.get("additionalProperties") {
            Some(values @ Value::Object(map)) if !map.is_empty() => {
                Ty::Map(Box::new(self.ty(&format!("{context}_value"), values)))
            }
            _ => Ty::Map(Box::new(Ty::Any)),
        }
    }

    fn hoisted_name(&mut self, context: &str) -> String {
        let base = naming::pascal(context);
        let mut name = base.clone();
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{base}{n}");
            n += 1;
        }
        name
    }

    fn operation(
        &mut self,
        op: &vinsnap_openapi::Operation<'_>,
        name: OperationName,
    ) -> Result<Operation, ModelError> {
        let id = name.operation_id.clone();
        let parameters: Vec<Parameter> = op
            .parameters()
            .into_iter()
            .filter_map(|p| {
                let location = match p["in"].as_str()? {
                    "path" => Location::Path,
                    "query" => Location::Query,
                    "header" => Location::Header,
                    _ => return None,
                };
                let param_name = p["name"].as_str()?.to_owned();
                let empty = Value::Object(Default::default());
                let schema = p.get("schema").unwrap_or(&empty);
                let required = location == Location::Path || p["required"] == true;
                Some(Parameter {
                    ty: self.ty(&format!("{id}_{param_name}"), schema),
                    required,
                    description: text(p, "description"),
                    constraints: Constraints::of(self.spec.resolve(schema)),
                    example: self.parameter_example(p, required),
                    name: param_name,
                    location,
                })
            })
            .collect();
        let body = op.request_body().and_then(|b| {
            let schema = b["content"]["application/json"].get("schema")?;
            let ty = self.ty(&format!("{id}_body"), schema);
            Some((ty, b["required"] == true))
        });
        let body = body.map(|(ty, required)| Body {
            fields: self.object_of(&ty),
            ty,
            required,
            example: op.request_example(None).cloned(),
        });
        let (success, response) = success_response(op);
        let response = response.map(|schema| self.ty(&format!("{id}_response"), schema));
        let paging = self.paging(&parameters, response.as_ref());
        let errors = op
            .documented_statuses()
            .into_iter()
            .filter_map(|s| s.parse::<u16>().ok())
            .filter(|s| *s >= 400)
            .collect();
        let operation = Operation {
            method: op.method().as_str().to_owned(),
            path: op.path().to_owned(),
            summary: op.summary().map(str::to_owned),
            description: text(op.json(), "description"),
            parameters,
            body,
            response,
            success,
            paging,
            errors,
            name,
        };
        let mut seen = BTreeSet::new();
        let positional = operation
            .path_parameters()
            .into_iter()
            .map(|p| p.name.clone());
        let keywords = operation.arguments().into_iter().map(|a| a.name);
        for arg in positional.chain(keywords) {
            if !seen.insert(arg.clone()) {
                return Err(ModelError::ArgumentClash {
                    operation_id: id,
                    name: arg,
                });
            }
        }
        Ok(operation)
    }

    /// A parameter's example: its own `example` (or first of `examples`), else, when
    /// `required`, its schema's (following `$ref`s): an optional parameter without an example
    /// of its own is one a call leaves out.
    fn parameter_example(&self, param: &Value, required: bool) -> Option<Value> {
        if let Some(example) = param.get("example") {
            return Some(example.clone());
        }
        if let Some(first) = param
            .get("examples")
            .and_then(Value::as_object)
            .and_then(|m| m.values().next())
        {
            return self.spec.resolve(first).get("value").cloned();
        }
        if !required {
            return None;
        }
        let schema = self.spec.resolve(param.get("schema")?);
        schema
            .get("example")
            .or_else(|| schema.pointer("/examples/0"))
            .cloned()
    }

    /// The object behind a body type (named, hoisted or aliased), for its keyword arguments.
    fn object_of(&self, ty: &Ty) -> Option<Object> {
        let Ty::Named(name) = ty else { return None };
        if let Some(hoisted) = self.hoisted.iter().find(|t| &t.name == name) {
            return match &hoisted.definition {
                Definition::Object(o) => Some(o.clone()),
                Definition::Alias(inner) => self.object_of(inner),
            };
        }
        let schema = self.spec.resolve_ref(&format!("{SCHEMA_PREFIX}{name}"))?;
        let merged = self.merged(schema);
        let mut scratch = Walker {
            spec: self.spec,
            hoisted: Vec::new(),
            taken: self.taken.clone(),
        };
        match scratch.object(name, &merged) {
            Some(object) => Some(object),
            None => match merged.get("$ref").and_then(Value::as_str) {
                Some(r) => self.object_of(&Ty::Named(r.strip_prefix(SCHEMA_PREFIX)?.to_owned())),
                None => None,
            },
        }
    }

    fn paging(&self, parameters: &[Parameter], response: Option<&Ty>) -> Option<Paging> {
        let query = |n: &str| {
            parameters
                .iter()
                .any(|p| p.location == Location::Query && p.name == n)
        };
        if !(query("limit") && query("offset")) {
            return None;
        }
        let object = self.object_of(response?)?;
        object.property("has_more")?;
        let item = match &object.property("data")?.ty {
            Ty::Array(item) => (**item).clone(),
            _ => return None,
        };
        let extra = object
            .properties
            .iter()
            .filter(|p| !matches!(p.name.as_str(), "data" | "has_more" | "total"))
            .cloned()
            .collect();
        Some(Paging { item, extra })
    }

    fn event(&mut self, hook: &vinsnap_openapi::Operation<'_>) -> Option<Event> {
        let body = hook.request_body()?;
        let schema = body["content"]["application/json"].get("schema")?;
        let merged = self.merged(self.spec.resolve(schema));
        let props = &merged["properties"];
        let name = props["type"]["enum"]
            .as_array()
            .filter(|values| values.len() == 1)
            .and_then(|values| values[0].as_str())
            .or_else(|| props["type"]["const"].as_str())
            .unwrap_or(hook.path())
            .to_owned();
        let data = match props.get("data") {
            Some(data) => self.ty(&format!("{name}_data"), data),
            None => Ty::Any,
        };
        let mut body = self.object(&format!("{name}_event"), &merged)?;
        for property in &mut body.properties {
            match property.name.as_str() {
                "type" => property.ty = Ty::Literal(vec![Value::String(name.clone())]),
                "data" => property.ty = data.clone(),
                _ => {}
            }
        }
        Some(Event {
            description: text(hook.json(), "description").or_else(|| text(hook.json(), "summary")),
            name,
            data,
            body,
        })
    }
}

/// The first 2xx response and its JSON body schema.
fn success_response<'a>(op: &vinsnap_openapi::Operation<'a>) -> (u16, Option<&'a Value>) {
    let mut statuses: BTreeMap<u16, &str> = BTreeMap::new();
    for status in op.documented_statuses() {
        if let Ok(code) = status.parse::<u16>()
            && (200..300).contains(&code)
        {
            statuses.insert(code, status);
        }
    }
    let Some((code, key)) = statuses.into_iter().next() else {
        return (200, None);
    };
    let schema = op
        .response(key)
        .and_then(|r| r["content"]["application/json"].get("schema"));
    (code, schema)
}

/// Whether an `allOf` member only constrains the object around it (a rule between fields)
/// rather than adding to its shape.
fn rule_only(member: &Value) -> bool {
    const RULES: [&str; 8] = [
        "if",
        "then",
        "else",
        "not",
        "required",
        "dependentRequired",
        "description",
        "$comment",
    ];
    member
        .as_object()
        .is_some_and(|m| !m.is_empty() && m.keys().all(|k| RULES.contains(&k.as_str())))
}

fn text(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec(schemas: Value, paths: Value) -> Spec {
        Spec::from_value(json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": paths,
            "components": {"schemas": schemas}
        }))
        .unwrap()
    }

    #[test]
    fn reads_nullable_unions_enums_bounds_and_not() {
        let api = build(&spec(
            json!({
                "Thing": {
                    "type": "object",
                    "required": ["id", "kind"],
                    "additionalProperties": false,
                    "properties": {
                        "id": {"type": "string", "pattern": "^thg_[0-9a-z]{26}$"},
                        "kind": {"enum": ["a", "b"]},
                        "at": {"type": ["string", "null"], "format": "date-time"},
                        "count": {"type": "integer", "minimum": 1, "maximum": 10},
                        "owner": {"oneOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]},
                        "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                        "tags": {"type": "array", "items": {"type": "string", "not": {"const": ""}}},
                        "meta": {"type": "object", "additionalProperties": {"type": "integer"}},
                        "nested": {"type": "object", "properties": {"x": {"type": "number"}}},
                        "fixed": {"const": 3}
                    }
                },
                "Owner": {"type": "string"}
            }),
            json!({}),
        ))
        .unwrap();
        let Definition::Object(thing) = &api.named("Thing").unwrap().definition else {
            panic!()
        };
        assert!(!thing.open);
        let ty = |n: &str| thing.property(n).unwrap().ty.clone();
        assert_eq!(ty("id"), Ty::String);
        assert_eq!(
            thing.property("id").unwrap().constraints.pattern.as_deref(),
            Some("^thg_[0-9a-z]{26}$")
        );
        assert_eq!(ty("kind"), Ty::Literal(vec![json!("a"), json!("b")]));
        assert_eq!(ty("at"), Ty::Union(vec![Ty::DateTime, Ty::Null]));
        assert!(ty("at").is_nullable() && ty("at").non_null() == Ty::DateTime);
        assert_eq!(
            thing.property("count").unwrap().constraints.maximum,
            Some(10.0)
        );
        assert_eq!(
            ty("owner"),
            Ty::Union(vec![Ty::Named("Owner".into()), Ty::Null])
        );
        assert_eq!(ty("either"), Ty::Union(vec![Ty::String, Ty::Integer]));
        assert_eq!(ty("tags"), Ty::Array(Box::new(Ty::String)));
        assert_eq!(ty("meta"), Ty::Map(Box::new(Ty::Integer)));
        assert_eq!(ty("nested"), Ty::Named("ThingNested".into()));
        assert!(api.named("ThingNested").is_some());
        assert_eq!(ty("fixed"), Ty::Literal(vec![json!(3)]));
        assert!(thing.property("id").unwrap().required && !thing.property("at").unwrap().required);
    }

    #[test]
    fn all_of_objects_merge_into_one() {
        let api = build(&spec(
            json!({
                "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
                "WithSecret": {"allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {"type": "object", "required": ["secret"], "properties": {"secret": {"type": "string"}}}
                ]}
            }),
            json!({}),
        ))
        .unwrap();
        let Definition::Object(o) = &api.named("WithSecret").unwrap().definition else {
            panic!()
        };
        let names: Vec<&str> = o.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["id", "secret"]);
        assert!(o.properties.iter().all(|p| p.required));
    }

    #[test]
    fn a_query_parameter_and_a_body_field_of_one_name_clash() {
        let err = build(&spec(
            json!({"Body": {"type": "object", "properties": {"status": {"type": "string"}}}}),
            json!({"/jobs": {"post": {
                "operationId": "create_job", "tags": ["jobs"],
                "parameters": [{"name": "status", "in": "query", "schema": {"type": "string"}}],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Body"}}}},
                "responses": {}
            }}}),
        ))
        .unwrap_err();
        assert_eq!(
            err,
            ModelError::ArgumentClash {
                operation_id: "create_job".into(),
                name: "status".into()
            }
        );
    }

    #[test]
    fn the_committed_spec_models_every_operation() {
        let api = build(Spec::committed()).unwrap();
        let op = |id: &str| api.operations.iter().find(|o| o.id() == id).unwrap();
        let vehicles = op("create_vehicle");
        assert_eq!(vehicles.path_parameters()[0].name, "id");
        assert!(
            vehicles
                .arguments()
                .iter()
                .any(|a| a.name == "vin" && a.source == ArgumentSource::Body)
        );
        let jobs = op("list_jobs");
        assert_eq!(jobs.paging.as_ref().unwrap().item, Ty::Named("Job".into()));
        let parts = op("search_parts").paging.as_ref().unwrap();
        assert!(parts.extra.iter().any(|p| p.name == "vehicle"));
        assert_eq!(
            op("get_customer").response,
            Some(Ty::Named("Customer".into()))
        );
        assert!(op("get_customer").errors.contains(&404));
        assert!(api.request_types().contains("NewLineItem"));
        assert_eq!(api.events.len(), Spec::committed().webhooks().count());
        let created = api
            .events
            .iter()
            .find(|e| e.name == "customer.created")
            .unwrap();
        assert_eq!(created.data, Ty::Named("Customer".into()));
    }
}
