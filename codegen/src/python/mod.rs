//! The Python target: the typed layer of the `vinsnap` package (`sdk-bindings/python`).
//!
//! Everything here lands in `vinsnap/_generated/`, beside the package's small hand-written
//! runtime (`_models.py`, `_client.py`, `_pagination.py`, ...), which the generated modules
//! import. The native module stays generic (one `call(operation_id, params, body)`); every
//! type and method a user sees is written here from the [`Api`] model.
//!
//! [`samples::call`] writes a call the way these methods take it, for the docs' Python samples.

mod events;
mod models;
mod params;
mod resources;
pub mod samples;
mod types;
mod writer;

use crate::model::Api;
use crate::output::File;

/// Where the generated modules go, relative to the repository root.
pub const PACKAGE_DIR: &str = "sdk-bindings/python/python/vinsnap/_generated";

/// The first lines of every generated module.
fn header(what: &str) -> String {
    format!(
        "# {what}\n#\n# Generated from openapi/openapi.json by vinsnap-codegen: do not edit.\n# Regenerate with `{}`.\n\nfrom __future__ import annotations\n",
        crate::output::REGENERATE
    )
}

/// Every generated Python module.
pub fn files(api: &Api) -> Vec<File> {
    let path = |name: &str| format!("{PACKAGE_DIR}/{name}");
    vec![
        File::new(path("__init__.py"), init()),
        File::new(path("models.py"), models::module(api)),
        File::new(path("params.py"), params::module(api)),
        File::new(path("events.py"), events::module(api)),
        File::new(path("resources.py"), resources::module(api)),
    ]
}

fn init() -> String {
    let mut out = header("The typed layer of the vinsnap package.");
    out.push_str(
        "\n# models: one class per object schema and an alias per other schema; params: a TypedDict\n\
         # per object a request takes; events: the webhook Event union; resources: the sync and\n\
         # async resource classes the clients carry.\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use vinsnap_openapi::Spec;

    use super::*;

    fn api(schemas: serde_json::Value, paths: serde_json::Value) -> Api {
        let spec = Spec::from_value(json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": paths,
            "components": {"schemas": schemas}
        }))
        .unwrap();
        crate::model::build(&spec).unwrap()
    }

    fn file(api: &Api, name: &str) -> String {
        files(api)
            .into_iter()
            .find(|f| f.path.ends_with(name))
            .unwrap()
            .contents
    }

    #[test]
    fn writes_models_params_and_resources_for_any_schema_shape() {
        let api = api(
            json!({
                "Thing": {
                    "type": "object",
                    "required": ["id", "at", "kind"],
                    "properties": {
                        "id": {"type": "string", "pattern": "^thg_[0-9a-z]{26}$"},
                        "at": {"type": "string", "format": "date-time"},
                        "kind": {"enum": ["a", "b"]},
                        "maybe": {"oneOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]},
                        "many": {"type": "array", "items": {"$ref": "#/components/schemas/Owner"}},
                        "either": {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "integer"}]},
                        "from": {"type": "integer", "minimum": 1}
                    }
                },
                "Owner": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "odd-key": {"type": "boolean"}}},
                "NewThing": {
                    "type": "object",
                    "required": ["owner"],
                    "additionalProperties": false,
                    "properties": {
                        "owner": {"$ref": "#/components/schemas/Owner"},
                        "note": {"type": ["string", "null"], "not": {"const": ""}},
                        "dash-field": {"type": "boolean"}
                    }
                }
            }),
            json!({"/things": {"post": {
                "operationId": "create_thing", "tags": ["things"],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewThing"}}}},
                "responses": {"201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}
            }}}),
        );
        let models = file(&api, "models.py");
        assert!(
            models.contains("self.at = parse_datetime(d[\"at\"])"),
            "{models}"
        );
        assert!(models.contains("kind: Literal[\"a\", \"b\"]"), "{models}");
        assert!(models.contains("maybe: Optional[Owner]"), "{models}");
        assert!(
            models.contains("None if (v0 := d.get(\"maybe\")) is None else Owner._from_json(v0)"),
            "{models}"
        );
        assert!(
            models.contains("[Owner._from_json(v1) for v1 in v0]"),
            "{models}"
        );
        assert!(models.contains("decode_any_of("), "{models}");
        assert!(models.contains("from_: Optional[int]"), "{models}");
        let params = file(&api, "params.py");
        let required = r#"_OwnerParamRequired = TypedDict("_OwnerParamRequired", {"name": str})"#;
        assert!(params.contains(required), "{params}");
        assert!(
            params.contains(r#"{"odd-key": bool}, total=False)"#),
            "{params}"
        );
        assert!(
            params.contains("class OwnerParam(_OwnerParamRequired, _OwnerParamOptional):"),
            "{params}"
        );
        assert!(models.contains("odd_key: Optional[bool]"), "{models}");
        let resources = file(&api, "resources.py");
        assert!(resources.contains("def create("), "{resources}");
        assert!(resources.contains("owner: OwnerParam,"), "{resources}");
        assert!(
            resources.contains("\"dash-field\": dash_field"),
            "{resources}"
        );
        assert!(
            resources.contains("note: Union[Optional[str], NotGiven] = NOT_GIVEN,"),
            "{resources}"
        );
        assert!(
            resources.contains("return Thing._from_json(data)"),
            "{resources}"
        );
        assert!(resources.contains("things: ThingsResource"), "{resources}");
    }
}
