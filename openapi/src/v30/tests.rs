//! One test per 3.1 → 3.0 difference measured against utoipa 6 and
//! progenitor 0.15.1, each on the smallest fixture that shows it.

use serde_json::{Value, json};

use super::to_openapi_30;

fn doc_with_schemas(schemas: Value) -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    })
}

/// Converts `schema` as `components.schemas.S` and returns the result.
fn convert(schema: Value) -> Value {
    let out = to_openapi_30(&doc_with_schemas(json!({ "S": schema })));
    out["components"]["schemas"]["S"].clone()
}

#[test]
fn version_becomes_3_0_3() {
    let out = to_openapi_30(&doc_with_schemas(json!({})));
    assert_eq!(out["openapi"], "3.0.3");
}

#[test]
fn nullable_type_arrays_become_nullable() {
    assert_eq!(
        convert(json!({"type": ["string", "null"], "format": "date-time"})),
        json!({"type": "string", "format": "date-time", "nullable": true})
    );
    assert_eq!(
        convert(json!({"type": ["integer", "null"], "format": "int64", "minimum": 0})),
        json!({"type": "integer", "format": "int64", "minimum": 0, "nullable": true})
    );
    assert_eq!(
        convert(json!({"type": ["null", "array"], "items": {"type": ["string", "null"]}})),
        json!({"type": "array", "nullable": true, "items": {"type": "string", "nullable": true}})
    );
    assert_eq!(
        convert(json!({"type": ["boolean"]})),
        json!({"type": "boolean"})
    );
}

#[test]
fn multi_type_arrays_become_one_of_with_per_type_keywords() {
    assert_eq!(
        convert(json!({
            "type": ["string", "integer", "null"],
            "description": "a VIN or a legacy numeric id",
            "maxLength": 17,
            "minimum": 1,
        })),
        json!({
            "description": "a VIN or a legacy numeric id",
            "nullable": true,
            "oneOf": [
                {"type": "string", "maxLength": 17},
                {"type": "integer", "minimum": 1},
            ],
        })
    );
    // An integer is a number: both in a oneOf would match integers twice.
    assert_eq!(
        convert(json!({"type": ["number", "integer", "string"]})),
        json!({"oneOf": [{"type": "number"}, {"type": "string"}]})
    );
}

#[test]
fn one_of_ref_or_null_becomes_nullable_all_of() {
    assert_eq!(
        convert(json!({
            "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Vehicle"}],
            "description": "The vehicle, once decoded.",
            "default": null,
            "example": {"vin": "1HGCM82633A004352"},
        })),
        json!({
            "allOf": [{"$ref": "#/components/schemas/Vehicle"}],
            "nullable": true,
            "description": "The vehicle, once decoded.",
            "default": null,
            "example": {"vin": "1HGCM82633A004352"},
        })
    );
}

#[test]
fn any_of_ref_or_null_becomes_nullable_all_of() {
    assert_eq!(
        convert(json!({"anyOf": [{"$ref": "#/components/schemas/Vehicle"}, {"type": "null"}]})),
        json!({"allOf": [{"$ref": "#/components/schemas/Vehicle"}], "nullable": true})
    );
}

#[test]
fn one_of_with_several_non_null_members_stays_one_of_and_nullable() {
    assert_eq!(
        convert(json!({"oneOf": [
            {"$ref": "#/components/schemas/Car"},
            {"$ref": "#/components/schemas/Truck"},
            {"type": "null"},
        ]})),
        json!({
            "oneOf": [
                {"$ref": "#/components/schemas/Car"},
                {"$ref": "#/components/schemas/Truck"},
            ],
            "nullable": true,
        })
    );
}

#[test]
fn one_of_inline_or_null_is_merged_when_keywords_do_not_collide() {
    assert_eq!(
        convert(json!({
            "oneOf": [{"type": "string", "format": "date"}, {"type": "null"}],
            "description": "d",
        })),
        json!({"type": "string", "format": "date", "nullable": true, "description": "d"})
    );
    // Two descriptions cannot share one object: keep the member whole.
    assert_eq!(
        convert(json!({
            "oneOf": [{"type": "string", "description": "inner"}, {"type": "null"}],
            "description": "outer",
        })),
        json!({
            "allOf": [{"type": "string", "description": "inner"}],
            "nullable": true,
            "description": "outer",
        })
    );
}

#[test]
fn ref_with_description_is_wrapped_in_all_of() {
    assert_eq!(
        convert(json!({
            "$ref": "#/components/schemas/Money",
            "description": "Price including VAT.",
            "readOnly": true,
        })),
        json!({
            "allOf": [{"$ref": "#/components/schemas/Money"}],
            "description": "Price including VAT.",
            "readOnly": true,
        })
    );
    // A bare $ref is valid 3.0 as it is.
    assert_eq!(
        convert(json!({"$ref": "#/components/schemas/Money"})),
        json!({"$ref": "#/components/schemas/Money"})
    );
    // Same inside properties, where utoipa puts field doc comments.
    assert_eq!(
        convert(json!({"type": "object", "properties": {
            "price": {"$ref": "#/components/schemas/Money", "description": "d"},
        }})),
        json!({"type": "object", "properties": {
            "price": {"allOf": [{"$ref": "#/components/schemas/Money"}], "description": "d"},
        }})
    );
}

#[test]
fn numeric_exclusive_bounds_become_boolean_form() {
    assert_eq!(
        convert(json!({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 100.5})),
        json!({
            "type": "number",
            "minimum": 0,
            "exclusiveMinimum": true,
            "maximum": 100.5,
            "exclusiveMaximum": true,
        })
    );
    // 3.1 allows both forms at once; the tighter bound wins.
    assert_eq!(
        convert(json!({"type": "integer", "minimum": 5, "exclusiveMinimum": 0})),
        json!({"type": "integer", "minimum": 5})
    );
    assert_eq!(
        convert(json!({"type": "integer", "minimum": 0, "exclusiveMinimum": 0})),
        json!({"type": "integer", "minimum": 0, "exclusiveMinimum": true})
    );
    assert_eq!(
        convert(json!({"type": "integer", "maximum": 10, "exclusiveMaximum": 20})),
        json!({"type": "integer", "maximum": 10})
    );
}

#[test]
fn webhooks_and_other_3_1_only_document_fields_are_dropped() {
    let out = to_openapi_30(&json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "t",
            "summary": "3.1 only",
            "version": "1",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": {},
        "webhooks": {
            "valuationReady": {"post": {"requestBody": {"content": {}}, "responses": {}}},
        },
        "components": {"pathItems": {"P": {}}, "schemas": {}},
    }));
    assert_eq!(
        out,
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1", "license": {"name": "MIT"}},
            "paths": {},
            "components": {"schemas": {}},
        })
    );
}

#[test]
fn missing_paths_are_added() {
    let out = to_openapi_30(&json!({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}}));
    assert_eq!(out["paths"], json!({}));
}

#[test]
fn const_becomes_single_value_enum() {
    assert_eq!(
        convert(json!({"type": "string", "const": "vehicle"})),
        json!({"type": "string", "enum": ["vehicle"]})
    );
    assert_eq!(
        convert(json!({"const": null})),
        json!({"enum": [null], "nullable": true})
    );
}

#[test]
fn schema_examples_array_becomes_first_example() {
    assert_eq!(
        convert(json!({"type": "string", "examples": ["1HGCM82633A004352", "WVWZZZ1JZXW000001"]})),
        json!({"type": "string", "example": "1HGCM82633A004352"})
    );
    // An explicit `example` is not overridden.
    assert_eq!(
        convert(json!({"type": "string", "example": "A", "examples": ["B"]})),
        json!({"type": "string", "example": "A"})
    );
    assert_eq!(
        convert(json!({"type": "string", "examples": []})),
        json!({"type": "string"})
    );
}

#[test]
fn content_encoding_and_media_type_are_dropped() {
    assert_eq!(
        convert(json!({
            "type": "string",
            "contentEncoding": "base64",
            "contentMediaType": "image/jpeg",
            "contentSchema": {"type": "object"},
        })),
        json!({"type": "string"})
    );
}

#[test]
fn null_type_alone_becomes_nullable_without_type() {
    assert_eq!(convert(json!({"type": "null"})), json!({"nullable": true}));
    assert_eq!(
        convert(json!({"type": ["null"]})),
        json!({"nullable": true})
    );
    assert_eq!(
        convert(json!({"oneOf": [{"type": "null"}], "description": "d"})),
        json!({"nullable": true, "description": "d"})
    );
}

#[test]
fn prefix_items_become_items_of_any_position() {
    assert_eq!(
        convert(json!({
            "type": "array",
            "prefixItems": [{"type": "string"}, {"type": "integer"}],
            "items": false,
        })),
        json!({
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            "maxItems": 2,
        })
    );
    // Same schema in every position: just that schema.
    assert_eq!(
        convert(json!({
            "type": "array",
            "prefixItems": [{"type": "number"}, {"type": "number"}],
            "minItems": 2,
        })),
        json!({"type": "array", "items": {"type": "number"}, "minItems": 2})
    );
    // An open tuple's rest schema is one more alternative.
    assert_eq!(
        convert(json!({
            "type": "array",
            "prefixItems": [{"type": "string"}],
            "items": {"type": ["boolean", "null"]},
        })),
        json!({
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "boolean", "nullable": true}]},
        })
    );
}

#[test]
fn boolean_schemas_become_objects() {
    assert_eq!(
        convert(json!({"type": "object", "properties": {"any": true, "never": false}})),
        json!({"type": "object", "properties": {"any": {}, "never": {"not": {}}}})
    );
    // additionalProperties may stay boolean in 3.0.
    assert_eq!(
        convert(json!({"type": "object", "additionalProperties": false})),
        json!({"type": "object", "additionalProperties": false})
    );
}

#[test]
fn keywords_3_0_lacks_are_dropped_but_extensions_kept() {
    assert_eq!(
        convert(json!({
            "type": "object",
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": "c",
            "$defs": {"X": {}},
            "patternProperties": {"^x": {}},
            "unevaluatedProperties": false,
            "x-rust-type": {"crate": "vinsnap"},
        })),
        json!({"type": "object", "x-rust-type": {"crate": "vinsnap"}})
    );
}

#[test]
fn example_and_default_values_are_never_rewritten() {
    // Data that happens to look like 3.1 schemas, in every data position.
    let looks_like_schema = json!({
        "type": ["string", "null"],
        "const": 1,
        "exclusiveMinimum": 0,
        "oneOf": [{"$ref": "#/components/schemas/X"}, {"type": "null"}],
        "$ref": "#/components/schemas/X",
        "description": "d",
        "prefixItems": [],
        "contentEncoding": "base64",
    });
    let media = json!({
        "schema": {"type": ["object", "null"], "default": looks_like_schema},
        "example": looks_like_schema,
        "examples": {
            "inline": {"summary": "s", "value": looks_like_schema},
            "shared": {"$ref": "#/components/examples/Shared"},
        },
    });
    let input = json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/p": {"post": {
            "parameters": [{
                "name": "q",
                "in": "query",
                "schema": {"type": "string", "examples": [looks_like_schema]},
                "example": looks_like_schema,
                "examples": {"e": {"value": looks_like_schema}},
            }],
            "requestBody": {"content": {"application/json": media}},
            "responses": {"200": {"description": "ok", "content": {"application/json": media}}},
        }}},
        "components": {
            "examples": {"Shared": {"value": looks_like_schema}},
            "schemas": {"S": {
                "type": "object",
                "example": looks_like_schema,
                "default": looks_like_schema,
                "enum": [looks_like_schema],
                "x-data": looks_like_schema,
            }},
        },
    });
    let out = to_openapi_30(&input);

    let post = &out["paths"]["/p"]["post"];
    let parameter = &post["parameters"][0];
    assert_eq!(parameter["schema"]["example"], looks_like_schema);
    assert_eq!(parameter["example"], looks_like_schema);
    assert_eq!(parameter["examples"]["e"]["value"], looks_like_schema);
    for media in [
        &post["requestBody"]["content"]["application/json"],
        &post["responses"]["200"]["content"]["application/json"],
    ] {
        assert_eq!(media["schema"]["default"], looks_like_schema);
        assert_eq!(media["example"], looks_like_schema);
        assert_eq!(media["examples"]["inline"]["value"], looks_like_schema);
        assert_eq!(
            media["examples"]["shared"],
            json!({"$ref": "#/components/examples/Shared"})
        );
        // The schema beside the data was still converted.
        assert_eq!(media["schema"]["type"], "object");
        assert_eq!(media["schema"]["nullable"], true);
    }
    assert_eq!(
        out["components"]["examples"],
        input["components"]["examples"]
    );
    let schema = &out["components"]["schemas"]["S"];
    assert_eq!(schema["example"], looks_like_schema);
    assert_eq!(schema["default"], looks_like_schema);
    assert_eq!(schema["enum"], json!([looks_like_schema]));
    assert_eq!(schema["x-data"], looks_like_schema);
}

#[test]
fn every_schema_position_is_converted() {
    let nullable = json!({"type": ["string", "null"]});
    let converted = json!({"type": "string", "nullable": true});
    let input = json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v/{vin}": {
            "parameters": [{"name": "vin", "in": "path", "required": true, "schema": nullable}],
            "get": {
                "parameters": [
                    {"name": "q", "in": "query", "schema": nullable},
                    {"name": "c", "in": "query", "content": {"application/json": {"schema": nullable}}},
                ],
                "requestBody": {"content": {"application/json": {
                    "schema": nullable,
                    "encoding": {"f": {"headers": {"X-E": {"schema": nullable}}}},
                }}},
                "responses": {"200": {
                    "description": "ok",
                    "headers": {"X-Rate-Limit": {"schema": nullable}},
                    "content": {"application/json": {"schema": nullable}},
                }},
                "callbacks": {"done": {"{$request.body#/url}": {"post": {
                    "requestBody": {"content": {"application/json": {"schema": nullable}}},
                    "responses": {"200": {"description": "ok"}},
                }}}},
            },
        }},
        "components": {
            "schemas": {"S": {
                "type": "object",
                "properties": {"p": nullable},
                "additionalProperties": nullable,
                "not": nullable,
                "allOf": [nullable],
                "anyOf": [nullable, {"type": "integer"}],
                "oneOf": [{"type": "array", "items": nullable}, {"type": "integer"}],
            }},
            "parameters": {"P": {"name": "p", "in": "query", "schema": nullable}},
            "headers": {"H": {"schema": nullable}},
            "requestBodies": {"B": {"content": {"application/json": {"schema": nullable}}}},
            "responses": {"R": {"description": "r", "content": {"application/json": {"schema": nullable}}}},
            "callbacks": {"C": {"{$url}": {"post": {"responses": {"200": {
                "description": "ok",
                "content": {"application/json": {"schema": nullable}},
            }}}}}},
        },
    });
    let out = to_openapi_30(&input);

    let item = &out["paths"]["/v/{vin}"];
    let get = &item["get"];
    let c = &out["components"];
    let positions = [
        &item["parameters"][0]["schema"],
        &get["parameters"][0]["schema"],
        &get["parameters"][1]["content"]["application/json"]["schema"],
        &get["requestBody"]["content"]["application/json"]["schema"],
        &get["requestBody"]["content"]["application/json"]["encoding"]["f"]["headers"]["X-E"]["schema"],
        &get["responses"]["200"]["headers"]["X-Rate-Limit"]["schema"],
        &get["responses"]["200"]["content"]["application/json"]["schema"],
        &get["callbacks"]["done"]["{$request.body#/url}"]["post"]["requestBody"]["content"]["application/json"]
            ["schema"],
        &c["schemas"]["S"]["properties"]["p"],
        &c["schemas"]["S"]["additionalProperties"],
        &c["schemas"]["S"]["not"],
        &c["schemas"]["S"]["allOf"][0],
        &c["schemas"]["S"]["anyOf"][0],
        &c["schemas"]["S"]["oneOf"][0]["items"],
        &c["parameters"]["P"]["schema"],
        &c["headers"]["H"]["schema"],
        &c["requestBodies"]["B"]["content"]["application/json"]["schema"],
        &c["responses"]["R"]["content"]["application/json"]["schema"],
        &c["callbacks"]["C"]["{$url}"]["post"]["responses"]["200"]["content"]["application/json"]["schema"],
    ];
    for (i, schema) in positions.into_iter().enumerate() {
        assert_eq!(schema, &converted, "position {i}");
    }
}

#[test]
fn reference_objects_outside_schemas_lose_their_siblings() {
    let out = to_openapi_30(&json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/p": {"get": {
            "parameters": [{"$ref": "#/components/parameters/P", "description": "3.1 only"}],
            "responses": {"404": {"$ref": "#/components/responses/NotFound", "summary": "s"}},
        }}},
    }));
    let get = &out["paths"]["/p"]["get"];
    assert_eq!(
        get["parameters"][0],
        json!({"$ref": "#/components/parameters/P"})
    );
    assert_eq!(
        get["responses"]["404"],
        json!({"$ref": "#/components/responses/NotFound"})
    );
}

#[test]
fn path_item_refs_into_components_are_inlined() {
    let out = to_openapi_30(&json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/health": {"$ref": "#/components/pathItems/Health", "summary": "own"}},
        "components": {"pathItems": {"Health": {
            "summary": "shared",
            "get": {"responses": {"200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"type": ["string", "null"]}}},
            }}},
        }}},
    }));
    let item = &out["paths"]["/health"];
    assert_eq!(item.get("$ref"), None);
    assert_eq!(item["summary"], "own");
    assert_eq!(
        item["get"]["responses"]["200"]["content"]["application/json"]["schema"],
        json!({"type": "string", "nullable": true})
    );
    assert_eq!(out["components"].get("pathItems"), None);
}

#[test]
fn conversion_is_pure_and_idempotent() {
    let input = doc_with_schemas(json!({
        "A": {"oneOf": [{"$ref": "#/components/schemas/B"}, {"type": "null"}], "description": "d"},
        "B": {"type": ["string", "integer", "null"], "exclusiveMinimum": 1, "const": 3},
    }));
    let before = input.clone();
    let once = to_openapi_30(&input);
    assert_eq!(input, before);
    assert_eq!(to_openapi_30(&once), once);
}
