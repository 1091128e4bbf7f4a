//! The TypeScript target: the typed layer of the `vinsnap` Node package (`sdk-bindings/node`).
//!
//! Everything here lands in `ts/generated/`, beside the package's small hand-written runtime
//! (`client.ts`, `caller.ts`, `pagination.ts`, `errors.ts`, `webhooks.ts`), which the generated
//! modules import. The native addon stays generic (one `call(operationId, params, body)`);
//! every type and method a user sees is written here from the [`Api`] model:
//!
//! - `models.ts`: an interface per object schema (readonly fields under their wire names), a
//!   type alias per other schema (ids, string-literal unions for enums);
//! - `params.ts`: the arguments object of each operation that takes one;
//! - `events.ts`: an interface per webhook event type and the `Event` union on `type`;
//! - `operations.ts`: where each operation's arguments travel (query, body, headers), which the
//!   runtime reads to build the call;
//! - `resources.ts`: a class per resource with a method per operation, named by
//!   [`crate::naming`] in camelCase, the pages of lists with fields of their own, and the
//!   `Resources` base class the client extends.
//!
//! [`samples::call`] writes a call the way these methods take it, for the docs' TypeScript
//! samples.

mod events;
mod models;
mod operations;
mod params;
mod resources;
pub mod samples;
mod types;
mod writer;

use std::collections::BTreeMap;
use std::fmt;

use crate::model::{Api, Operation};
use crate::naming;
use crate::output::File;

use types::Types;

/// Where the generated modules go, relative to the repository root.
pub const PACKAGE_DIR: &str = "sdk-bindings/node/ts/generated";

/// Names the generated modules define for themselves; a schema of the same name takes the
/// suffix `Schema` (the spec's `Event` envelope is `EventSchema`, the union of events is
/// `Event`).
const GENERATED_NAMES: &[&str] = &[
    "Event",
    "EVENT_TYPES",
    "Resources",
    "OPERATIONS",
    "OperationId",
];

/// Two generated TypeScript names are the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameClash {
    pub name: String,
    pub first: String,
    pub second: String,
}

impl fmt::Display for NameClash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the TypeScript name {} is taken by both {} and {}: rename one in the server",
            self.name, self.first, self.second
        )
    }
}

impl std::error::Error for NameClash {}

/// The first lines of every generated module.
fn header(what: &str) -> String {
    format!(
        "// {what}\n//\n// Generated from openapi/openapi.json by vinsnap-codegen: do not edit.\n// Regenerate with `{}`.\n",
        crate::output::REGENERATE
    )
}

/// The arguments object type of an operation.
pub fn params_name(op: &Operation) -> String {
    format!("{}Params", types::type_name(op.id()))
}

/// The page type of a list operation whose response has fields besides the page's own.
pub fn page_name(op: &Operation) -> String {
    format!("{}Page", types::type_name(op.id()))
}

/// The class of a resource's operations.
pub fn resource_class(resource: &str) -> String {
    format!("{}Resource", naming::pascal(resource))
}

/// `customer.created` -> `CustomerCreatedEvent`.
pub fn event_name(event: &str) -> String {
    format!("{}Event", types::type_name(event))
}

/// Every schema's TypeScript name, checked against every other name the modules define.
fn names(api: &Api) -> Result<BTreeMap<String, String>, NameClash> {
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let mut claim = |name: String, owner: String| match taken.get(&name) {
        Some(first) => Err(NameClash {
            name,
            first: first.clone(),
            second: owner,
        }),
        None => {
            taken.insert(name, owner);
            Ok(())
        }
    };
    for fixed in GENERATED_NAMES {
        claim(fixed.to_string(), format!("the generated {fixed}"))?;
    }
    for event in &api.events {
        claim(event_name(&event.name), format!("event {}", event.name))?;
    }
    for op in &api.operations {
        if params::takes_params(op) {
            claim(params_name(op), format!("the arguments of {}", op.id()))?;
        }
        if op.paging.as_ref().is_some_and(|p| !p.extra.is_empty()) {
            claim(page_name(op), format!("the page of {}", op.id()))?;
        }
    }
    for resource in api.resources() {
        claim(resource_class(resource), format!("resource {resource}"))?;
    }
    let mut names = BTreeMap::new();
    for named in &api.types {
        let mut name = types::type_name(&named.name);
        if GENERATED_NAMES.contains(&name.as_str()) {
            name.push_str("Schema");
        }
        claim(name.clone(), format!("schema {}", named.name))?;
        names.insert(named.name.clone(), name);
    }
    Ok(names)
}

/// Every generated TypeScript module.
pub fn files(api: &Api) -> Result<Vec<File>, NameClash> {
    let types = Types::new(api, names(api)?);
    let path = |name: &str| format!("{PACKAGE_DIR}/{name}");
    Ok(vec![
        File::new(path("index.ts"), index()),
        File::new(path("models.ts"), models::module(&types)),
        File::new(path("params.ts"), params::module(&types)),
        File::new(path("events.ts"), events::module(&types)),
        File::new(path("operations.ts"), operations::module(&types)),
        File::new(path("resources.ts"), resources::module(&types)),
    ])
}

fn index() -> String {
    let mut out = header("The typed layer of the vinsnap package.");
    out.push_str(
        "\nexport * from './models.js';\nexport * from './params.js';\nexport * from './events.js';\nexport * from './resources.js';\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use vinsnap_openapi::Spec;

    use super::*;
    use crate::model;

    fn generated(schemas: serde_json::Value, paths: serde_json::Value) -> BTreeMap<String, String> {
        let spec = Spec::from_value(json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": paths,
            "components": {"schemas": schemas}
        }))
        .unwrap();
        files(&model::build(&spec).unwrap())
            .unwrap()
            .into_iter()
            .map(|f| {
                let name = f.path.file_name().unwrap().to_string_lossy().into_owned();
                (name, f.contents)
            })
            .collect()
    }

    #[test]
    fn every_schema_shape_has_a_type() {
        let out = generated(
            json!({
                "Thing": {
                    "type": "object",
                    "required": ["id", "kind", "shape"],
                    "properties": {
                        "id": {"type": "string", "pattern": "^thg_[0-9a-z]{26}$"},
                        "kind": {"enum": ["a", "b-c"]},
                        "maybe": {"enum": ["x", null]},
                        "at": {"type": ["string", "null"], "format": "date-time"},
                        "count": {"type": "integer", "minimum": 1, "maximum": 10},
                        "owner": {"oneOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]},
                        "shape": {"oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Square"}]},
                        "tags": {"type": "array", "items": {"type": "string", "not": {"const": ""}}},
                        "meta": {"type": "object", "additionalProperties": {"type": "integer"}},
                        "nested": {"type": "object", "properties": {"x": {"type": "number"}}},
                        "fixed": {"const": 3},
                        "free": {},
                        "x-trace": {"type": "string"}
                    }
                },
                "Owner": {"type": "string"},
                "Circle": {"type": "object", "required": ["r"], "properties": {"r": {"type": "number"}}},
                "Square": {"type": "object", "required": ["side"], "properties": {"side": {"type": "number"}}},
                "Event": {"type": "object", "properties": {"type": {"type": "string"}}}
            }),
            json!({}),
        );
        let models = &out["models.ts"];
        for expected in [
            "export interface Thing {",
            "readonly id: string;",
            "Constraints: matches `^thg_[0-9a-z]{26}$`.",
            "readonly kind: 'a' | 'b-c';",
            "readonly maybe?: 'x' | null;",
            "readonly at?: string | null;",
            "An RFC 3339 date-time",
            "Constraints: 1 to 10.",
            "readonly owner?: Owner | null;",
            "readonly shape: Circle | Square;",
            "readonly tags?: readonly string[];",
            "readonly meta?: { readonly [key: string]: number };",
            "readonly nested?: ThingNested;",
            "readonly fixed?: 3;",
            "readonly free?: JsonValue;",
            "readonly 'x-trace'?: string;",
            "export type Owner = string;",
            "export interface ThingNested {",
            "export interface EventSchema {",
            "import type { JsonValue } from '../json.js';",
        ] {
            assert!(
                models.contains(expected),
                "models.ts lacks {expected:?}:\n{models}"
            );
        }
    }

    #[test]
    fn operations_take_positional_paths_an_arguments_object_and_header_options() {
        let out = generated(
            json!({"Note": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}}),
            json!({
                "/notes/{note_id}/tags": {
                    "post": {
                        "operationId": "tag_note", "tags": ["notes"],
                        "parameters": [
                            {"name": "note_id", "in": "path", "required": true, "schema": {"type": "string"}},
                            {"name": "dry_run", "in": "query", "schema": {"type": "boolean"}},
                            {"name": "X-Request-Tag", "in": "header", "schema": {"type": "string"}}
                        ],
                        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "array", "items": {"type": "string"}}}}},
                        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}}}
                    }
                }
            }),
        );
        let resources = &out["resources.ts"];
        assert!(
            resources.contains("tag(noteId: string, params: TagNoteParams, options?: { readonly xRequestTag?: string }): Promise<Note> {"),
            "{resources}"
        );
        assert!(resources.contains(
            "this.#client.call<Note>('tag_note', { note_id: noteId }, params, options);"
        ));
        let params = &out["params.ts"];
        assert!(params.contains("readonly dry_run?: boolean;"), "{params}");
        assert!(
            params.contains("readonly body: readonly string[];"),
            "{params}"
        );
        let operations = &out["operations.ts"];
        assert!(
            operations.contains("headers: { xRequestTag: 'X-Request-Tag' },"),
            "{operations}"
        );
        assert!(operations.contains("body: 'value',"));
        assert!(operations.contains("query: ['dry_run'],"));
    }

    #[test]
    fn a_generated_name_clash_is_refused() {
        let spec = Spec::from_value(json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {"operationId": "list_things", "tags": ["things"],
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                "responses": {}}}},
            "components": {"schemas": {"ListThingsParams": {"type": "string"}}}
        }))
        .unwrap();
        let err = files(&model::build(&spec).unwrap()).unwrap_err();
        assert_eq!(err.name, "ListThingsParams");
        assert!(err.to_string().contains("rename one in the server"));
    }
}
