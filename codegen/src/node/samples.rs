//! TypeScript calls as a user writes them, for the docs' code samples: the same method names
//! and argument shapes as the generated resources.

use serde_json::{Map, Value};

use crate::model::{Location, Operation};

use super::params::{arguments, takes_params};
use super::types::{key, string, variable};

/// `client.jobs.changeStatus('job_…', { status: 'in-progress' })` for `op` called with
/// `values`: its arguments by their spec names (path parameters, query parameters, body fields,
/// header parameters). Path parameters missing from `values` are written as their names.
pub fn call(op: &Operation, values: &Map<String, Value>) -> String {
    let mut args: Vec<String> = op
        .path_parameters()
        .iter()
        .map(|p| match values.get(&p.name) {
            Some(value) => literal(value, 0),
            None => variable(&p.name),
        })
        .collect();
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
        args.push(object(&given, 0));
    }
    if !options.is_empty() {
        args.push(object(&options, 0));
    }
    format!(
        "client.{}.{}({})",
        op.name.resource_camel(),
        key(&op.name.method_camel()),
        args.join(", ")
    )
}

fn object(entries: &[(String, &Value)], depth: usize) -> String {
    if entries.is_empty() {
        return "{}".into();
    }
    let parts: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("{}: {}", key(k), literal(v, depth + 1)))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

/// A JSON value as a TypeScript expression.
pub fn literal(value: &Value, depth: usize) -> String {
    match value {
        Value::String(s) => string(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|v| literal(v, depth + 1)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            let entries: Vec<(String, &Value)> = map.iter().map(|(k, v)| (k.clone(), v)).collect();
            object(&entries, depth)
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
            "client.jobs.create({ line_items: [{ kind: 'labor' }], title: 'Brakes' }, { idempotencyKey: 'k1' })"
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
}
