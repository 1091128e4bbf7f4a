//! Folds the annotations of an inline field back into its schema.
//!
//! For a field with `#[schema(inline)]` and a doc comment, utoipa writes
//! `allOf: [<the field's schema>, {"type": "object", "description": …}]`. The second member asks
//! for an object, so no string or integer satisfies the whole: a field typed `NonBlankLine<200>`
//! would be unsatisfiable. This pass puts the description (title, default, …) on the schema
//! itself, which is what the annotation meant. It runs on the finished JSON, after the spec's
//! other passes.

use serde_json::{Map, Value};

/// Keys utoipa puts on the annotation holder; `type` is its (wrong) `object`.
const ANNOTATIONS: &[&str] = &["description", "title", "default", "readOnly", "writeOnly"];

pub fn fold(doc: &mut Value) {
    walk(doc);
}

fn walk(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(folded) = folded(map) {
                *map = folded;
            }
            map.values_mut().for_each(walk);
        }
        Value::Array(items) => items.iter_mut().for_each(walk),
        _ => {}
    }
}

/// `{allOf: [schema, {type: object, description}]}` as `schema` carrying the description.
fn folded(map: &Map<String, Value>) -> Option<Map<String, Value>> {
    if map.len() != 1 {
        return None;
    }
    let [Value::Object(schema), Value::Object(holder)] = map.get("allOf")?.as_array()?.as_slice()
    else {
        return None;
    };
    let is_holder = holder.get("type") == Some(&Value::from("object"))
        && holder
            .keys()
            .all(|k| k == "type" || ANNOTATIONS.contains(&k.as_str()));
    if !is_holder || schema.contains_key("$ref") {
        return None;
    }
    let mut schema = schema.clone();
    for key in ANNOTATIONS {
        let Some(value) = holder.get(*key) else {
            continue;
        };
        // The field's own description first, then what its type says about every such field.
        let value = match (*key, value, schema.get(*key)) {
            ("description", Value::String(field), Some(Value::String(kind))) => {
                Value::String(format!("{field}\n\n{kind}"))
            }
            _ => value.clone(),
        };
        schema.insert((*key).to_owned(), value);
    }
    Some(schema)
}
