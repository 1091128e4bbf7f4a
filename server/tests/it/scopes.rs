//! Every operation needs exactly the scopes its spec entry documents: called with a key holding
//! just those it gets past the scope check, and with any one of them missing it is a 403
//! `missing_scope` naming that scope. The operations and their scopes are read from the spec, so
//! an operation added anywhere is covered.

use reqwest::Method;
use serde_json::Value;
use vinsnap_server::auth::{Mode, Scope};

use vinsnap_testkit::TestServer;

struct Operation {
    method: Method,
    path: String,
    scopes: Vec<Scope>,
    body: Option<Value>,
}

/// Each operation with its documented scopes, path parameters filled with their examples and its
/// request body's example.
fn operations() -> Vec<Operation> {
    let spec: Value = serde_json::from_str(&vinsnap_server::openapi_json()).unwrap();
    let resolve = |value: &Value| -> Value {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => spec.pointer(&reference[1..]).unwrap().clone(),
            None => value.clone(),
        }
    };
    let mut operations = Vec::new();
    for (template, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let scopes: Vec<Scope> = operation["security"]
                .as_array()
                .unwrap_or_else(|| panic!("{method} {template} documents no security"))
                .iter()
                .filter_map(|r| r["bearer"].as_array())
                .flatten()
                .map(|s| Scope::parse(s.as_str().unwrap()).unwrap())
                .collect();
            assert!(!scopes.is_empty(), "{method} {template} requires no scope");
            let mut path = template.clone();
            for param in operation["parameters"].as_array().into_iter().flatten() {
                if param["in"] != "path" {
                    continue;
                }
                let schema = resolve(&param["schema"]);
                let example = param
                    .get("example")
                    .or_else(|| schema.get("examples").and_then(|e| e.get(0)))
                    .unwrap_or_else(|| {
                        panic!("{method} {template}: {} has no example", param["name"])
                    });
                let name = param["name"].as_str().unwrap();
                path = path.replace(&format!("{{{name}}}"), example.as_str().unwrap());
            }
            let body = operation
                .pointer("/requestBody/content/application~1json/example")
                .cloned();
            operations.push(Operation {
                method: method.to_uppercase().parse().unwrap(),
                path,
                scopes,
                body,
            });
        }
    }
    operations
}

#[tokio::test]
async fn every_operation_needs_exactly_its_documented_scopes() {
    let app = TestServer::start().await;
    let operations = operations();
    assert!(operations.len() > 30, "{} operations", operations.len());
    for op in operations {
        let label = format!("{} {}", op.method, op.path);
        let exact = app.key(Mode::Test, &op.scopes, None).await;
        let reply = app
            .call(op.method.clone(), &op.path, Some(&exact), op.body.clone())
            .await;
        // Past the scope check: the answer is the operation's own (a 404 for the examples' ids,
        // a 403 `scope_escalation` for a key granting more than its minter has, …).
        assert!(
            reply.status != 401 && reply.body["error"]["code"] != "missing_scope",
            "{label} with exactly {:?}: {} {}",
            op.scopes,
            reply.status,
            reply.body
        );
        for missing in &op.scopes {
            let fewer: Vec<Scope> = op.scopes.iter().copied().filter(|s| s != missing).collect();
            let key = app.key(Mode::Test, &fewer, None).await;
            let reply = app
                .call(op.method.clone(), &op.path, Some(&key), op.body.clone())
                .await
                .expect_error(403, "missing_scope");
            assert!(
                reply.message().contains(missing.as_str()),
                "{label} without {missing}: {}",
                reply.message()
            );
        }
    }
}
