//! TypeScript calls as a user writes them, for the docs' code samples: the same method names
//! and argument shapes as the generated resources.

use serde_json::{Map, Value};

use crate::layout::{Style, bracketed, bracketed_after};
use crate::model::{Location, Operation};

use super::params::{arguments, takes_params};
use super::types::{key, string, variable};

/// `client.jobs.changeStatus('job_…', { status: 'in-progress' })` for `op` called with
/// `values`: its arguments by their spec names (path parameters, query parameters, body fields,
/// header parameters). Path parameters missing from `values` are written as their names. A
/// call too long for a line is broken one argument (and one field) a line.
pub fn call(op: &Operation, values: &Map<String, Value>) -> String {
    // Each argument as laid out at a depth, after some columns of its line.
    let mut args: Vec<Box<dyn Fn(usize, usize) -> String + '_>> = Vec::new();
    for p in op.path_parameters() {
        match values.get(&p.name) {
            Some(value) => args.push(Box::new(move |depth, _| literal(value, depth))),
            None => {
                let name = variable(&p.name);
                args.push(Box::new(move |_, _| name.clone()));
            }
        }
    }
    let given: Vec<(String, &Value)> = arguments(op)
        .iter()
        .filter_map(|a| values.get(&a.name).map(|v| (a.name.clone(), v)))
        .collect();
    let options: Vec<(String, &Value)> = op
        .parameters
        .iter()
        .filter(|p| p.location == Location::Header)
        .filter_map(|p| values.get(&p.name).map(|v| (variable(&p.name), v)))
        .collect();
    if takes_params(op) && (!given.is_empty() || !options.is_empty()) {
        args.push(Box::new(move |depth, column| object(&given, depth, column)));
    }
    if !options.is_empty() {
        args.push(Box::new(move |depth, column| {
            object(&options, depth, column)
        }));
    }
    let callee = format!(
        "client.{}.{}",
        op.name.resource_camel(),
        key(&op.name.method_camel())
    );
    let nested: Vec<String> = args.iter().map(|render| render(1, 0)).collect();
    let flat = bracketed_after(STYLE, callee.len(), "(", ")", &nested, 0);
    if !flat.contains('\n') {
        return format!("{callee}{flat}");
    }
    // As prettier writes it: a last object that does not fit hugs the parentheses,
    // `f(a, {` ... `})`, when the arguments before it are short.
    let (last, before) = args.split_last().expect("a broken call has arguments");
    let before: Vec<String> = before.iter().map(|render| render(0, 0)).collect();
    let lead: String = before.iter().map(|a| format!("{a}, ")).collect();
    let last = last(0, callee.len() + 1 + lead.len());
    if last.starts_with(['{', '[']) && !lead.contains('\n') && lead.len() < 40 {
        return format!("{callee}({lead}{last})");
    }
    format!("{callee}{flat}")
}

const STYLE: Style = Style {
    indent: "  ",
    pad: true,
};

fn object(entries: &[(String, &Value)], depth: usize, column: usize) -> String {
    let parts: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("{}: {}", key(k), literal(v, depth + 1)))
        .collect();
    bracketed_after(STYLE, column, "{", "}", &parts, depth)
}

/// A JSON value as a TypeScript expression, laid out for `depth` levels of indentation.
pub fn literal(value: &Value, depth: usize) -> String {
    match value {
        Value::String(s) => string(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|v| literal(v, depth + 1)).collect();
            bracketed(STYLE, "[", "]", &items, depth)
        }
        Value::Object(map) => {
            let entries: Vec<(String, &Value)> = map.iter().map(|(k, v)| (k.clone(), v)).collect();
            object(&entries, depth, 0)
        }
        other => other.to_string(),
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
            "client.jobs.changeStatus('job_1', { status: 'in-progress' })"
        );
        assert_eq!(
            call(&op("get_customer"), &Map::new()),
            "client.customers.get(id)"
        );
        assert_eq!(
            call(
                &op("update_customer"),
                &values(json!({"id": "cus_1", "phone": null}))
            ),
            "client.customers.update('cus_1', { phone: null })"
        );
        assert_eq!(
            call(
                &op("create_job"),
                &values(
                    json!({"title": "Brakes", "line_items": [{"kind": "labor"}], "Idempotency-Key": "k1"})
                )
            ),
            "client.jobs.create(\n  { line_items: [{ kind: 'labor' }], title: 'Brakes' },\n  { idempotencyKey: 'k1' },\n)"
        );
        assert_eq!(
            call(
                &op("list_webhook_deliveries"),
                &values(json!({"id": "we_1"}))
            ),
            "client.webhooks.listDeliveries('we_1')"
        );
        assert_eq!(
            call(&op("delete_api_key"), &values(json!({"id": "key_1"}))),
            "client.apiKeys.delete('key_1')"
        );
    }

    #[test]
    fn a_long_last_argument_hugs_the_parentheses() {
        let text = call(
            &op("update_customer"),
            &values(json!({
                "id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
                "name": "Sarah Chen",
                "email": "s.chen@email.com",
                "notes": "Prefers text messages; drops off before 8am"
            })),
        );
        assert_eq!(
            text,
            "client.customers.update('cus_01jd3q9a1bc2d3e4f5g6h7j8k9', {\n  email: 's.chen@email.com',\n  name: 'Sarah Chen',\n  notes: 'Prefers text messages; drops off before 8am',\n})"
        );
    }
}
