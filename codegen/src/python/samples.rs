//! Python calls as a user writes them, for the docs' code samples: the same method names and
//! argument shapes as the generated resources (path parameters positional, query parameters
//! and body fields by keyword, a body that is not an object as `body=`).

use serde_json::{Map, Value};

use crate::layout::{Style, bracketed, bracketed_after};
use crate::model::{Argument, ArgumentSource, Operation};

use super::types::{identifier, string};

const STYLE: Style = Style {
    indent: "    ",
    pad: false,
};

/// `client.jobs.change_status("job_…", status="in-progress")` for `op` called with `values`:
/// its arguments by their spec names (path parameters, query parameters, body fields, or
/// `body`). Path parameters missing from `values` are written as their names. A call too long
/// for a line is broken one argument a line.
pub fn call(op: &Operation, values: &Map<String, Value>) -> String {
    let positional = op.path_parameters();
    let mut keywords = op.arguments();
    if let Some(body) = op.body.as_ref().filter(|b| b.fields.is_none()) {
        keywords.push(Argument {
            name: "body".into(),
            ty: body.ty.clone(),
            required: body.required,
            description: None,
            source: ArgumentSource::Body,
        });
    }
    let args: Vec<String> = positional
        .iter()
        .map(|p| match values.get(&p.name) {
            Some(value) => literal(value, 1),
            None => identifier(&p.name),
        })
        .chain(keywords.iter().filter_map(|a| {
            let value = values.get(&a.name)?;
            Some(format!("{}={}", identifier(&a.name), literal(value, 1)))
        }))
        .collect();
    let callee = format!(
        "client.{}.{}",
        op.name.resource,
        identifier(&op.name.method)
    );
    let args = bracketed_after(STYLE, callee.len(), "(", ")", &args, 0);
    format!("{callee}{args}")
}

/// A JSON value as a Python expression (dicts, lists, `None`, `True`), laid out for `depth`
/// levels of indentation.
pub fn literal(value: &Value, depth: usize) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|v| literal(v, depth + 1)).collect();
            bracketed(STYLE, "[", "]", &items, depth)
        }
        Value::Object(map) => {
            let items: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", string(k), literal(v, depth + 1)))
                .collect();
            bracketed(STYLE, "{", "}", &items, depth)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::model;

    fn op(id: &str) -> Operation {
        let api = model::build(vinsnap_openapi::Spec::committed()).unwrap();
        api.operations.into_iter().find(|o| o.id() == id).unwrap()
    }

    fn values(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn calls_read_as_the_generated_methods_take_them() {
        assert_eq!(
            call(
                &op("change_job_status"),
                &values(json!({"id": "job_1", "status": "in-progress"}))
            ),
            "client.jobs.change_status(\"job_1\", status=\"in-progress\")"
        );
        assert_eq!(
            call(&op("get_customer"), &Map::new()),
            "client.customers.get(id)"
        );
        assert_eq!(
            call(
                &op("update_customer"),
                &values(json!({"id": "cus_1", "phone": null, "tags": {"vip": true}}))
            ),
            "client.customers.update(\"cus_1\", phone=None)"
        );
        assert_eq!(
            call(
                &op("list_customers"),
                &values(json!({"limit": 50, "q": "o\"brien"}))
            ),
            "client.customers.list(limit=50, q=\"o\\\"brien\")"
        );
    }

    #[test]
    fn long_calls_break_one_argument_a_line() {
        let text = call(
            &op("create_job"),
            &values(json!({
                "title": "Front brake pads and rotors replacement",
                "line_items": [
                    {"kind": "labor", "description": "Replace the front brake pads", "quantity": 1},
                    {"kind": "part", "description": "Ceramic brake pads, front axle", "quantity": 2}
                ]
            })),
        );
        assert!(
            text.starts_with(
                "client.jobs.create(\n    line_items=[\n        {\n            \"description\": "
            ),
            "{text}"
        );
        assert!(
            text.ends_with("    title=\"Front brake pads and rotors replacement\",\n)"),
            "{text}"
        );
    }
}
