//! The one naming rule every language's surface follows.
//!
//! An operation becomes `client.<resource>.<method>`: the resource is the operation's first tag
//! (`api_keys`), the method is its `operationId` with the tag's noun taken out, singular or
//! plural, wherever it stands as whole words:
//!
//! | operationId | tag | resource.method |
//! | --- | --- | --- |
//! | `create_customer` | `customers` | `customers.create` |
//! | `list_customers` | `customers` | `customers.list` |
//! | `change_job_status` | `jobs` | `jobs.change_status` |
//! | `list_webhook_deliveries` | `webhooks` | `webhooks.list_deliveries` |
//! | `decode_vin` | `vin` | `vin.decode` |
//! | `delete_api_key` | `api_keys` | `api_keys.delete` |
//!
//! An operationId that does not contain its tag's noun keeps its whole name. Two operations that
//! come out with the same resource and method are an error ([`NamingError::Clash`]): the spec
//! must be changed, never the rule bent for one operation. TypeScript uses the camelCase form
//! ([`camel`]): `jobs.changeStatus`, `apiKeys.delete`.

use std::{collections::BTreeMap, fmt};

use vinsnap_openapi::Spec;

/// Where an operation lives on a client: `client.<resource>.<method>`, both snake_case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationName {
    pub operation_id: String,
    pub resource: String,
    pub method: String,
}

impl OperationName {
    /// The resource attribute in camelCase (`apiKeys`).
    pub fn resource_camel(&self) -> String {
        camel(&self.resource)
    }

    /// The method in camelCase (`changeStatus`).
    pub fn method_camel(&self) -> String {
        camel(&self.method)
    }
}

/// Why the spec's operations cannot be named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamingError {
    /// `METHOD path` has no `operationId`.
    NoOperationId(String),
    /// The operation has no tag to name its resource.
    Untagged(String),
    /// The operationId is nothing but its tag's noun (`customers` under tag `customers`).
    Empty(String),
    /// Two operations land on the same `resource.method`.
    Clash {
        resource: String,
        method: String,
        first: String,
        second: String,
    },
}

impl fmt::Display for NamingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NamingError::NoOperationId(op) => write!(f, "{op} has no operationId"),
            NamingError::Untagged(id) => {
                write!(f, "operation {id} has no tag to name its resource")
            }
            NamingError::Empty(id) => {
                write!(
                    f,
                    "operation {id} is only its tag's noun: it would have no method name"
                )
            }
            NamingError::Clash {
                resource,
                method,
                first,
                second,
            } => write!(
                f,
                "operations {first} and {second} are both {resource}.{method}: rename one operationId in the server"
            ),
        }
    }
}

impl std::error::Error for NamingError {}

/// The name of one operation under `tag`.
pub fn name(operation_id: &str, tag: &str) -> Result<OperationName, NamingError> {
    let words: Vec<&str> = operation_id.split('_').collect();
    let plural: Vec<&str> = tag.split('_').collect();
    let singular_last = singular(plural[plural.len() - 1]);
    let mut singular_form = plural.clone();
    *singular_form.last_mut().expect("split yields a word") = singular_last.as_str();

    let method_words = [plural.as_slice(), singular_form.as_slice()]
        .iter()
        .find_map(|noun| {
            words
                .windows(noun.len())
                .position(|w| w == *noun)
                .map(|at| [&words[..at], &words[at + noun.len()..]].concat())
        })
        .unwrap_or_else(|| words.clone());
    if method_words.is_empty() {
        return Err(NamingError::Empty(operation_id.to_owned()));
    }
    Ok(OperationName {
        operation_id: operation_id.to_owned(),
        resource: tag.to_owned(),
        method: method_words.join("_"),
    })
}

/// The names of every operation of `spec`, in the spec's order, or the first problem.
pub fn operation_names(spec: &Spec) -> Result<Vec<OperationName>, NamingError> {
    let mut taken: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut names = Vec::new();
    for op in spec.operations() {
        let id = op
            .operation_id()
            .ok_or_else(|| NamingError::NoOperationId(format!("{} {}", op.method(), op.path())))?;
        let tag = *op
            .tags()
            .first()
            .ok_or_else(|| NamingError::Untagged(id.to_owned()))?;
        let named = name(id, tag)?;
        let key = (named.resource.clone(), named.method.clone());
        if let Some(first) = taken.insert(key, id.to_owned()) {
            return Err(NamingError::Clash {
                resource: named.resource,
                method: named.method,
                first,
                second: id.to_owned(),
            });
        }
        names.push(named);
    }
    Ok(names)
}

/// `change_status` -> `changeStatus`.
pub fn camel(snake: &str) -> String {
    let pascal = pascal(snake);
    let mut chars = pascal.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `webhook_endpoint` -> `WebhookEndpoint`.
pub fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

// English plurals as the API's tags use them: `parts` -> `part`, `vin` stays.
fn singular(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && !stem.is_empty() => stem.to_owned(),
        _ => word.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method(id: &str, tag: &str) -> String {
        name(id, tag).unwrap().method
    }

    #[test]
    fn the_tag_noun_is_taken_out_singular_or_plural() {
        assert_eq!(method("create_customer", "customers"), "create");
        assert_eq!(method("list_customers", "customers"), "list");
        assert_eq!(method("change_job_status", "jobs"), "change_status");
        assert_eq!(
            method("list_webhook_deliveries", "webhooks"),
            "list_deliveries"
        );
        assert_eq!(method("rotate_webhook_secret", "webhooks"), "rotate_secret");
        assert_eq!(method("decode_vin", "vin"), "decode");
        assert_eq!(method("search_parts", "parts"), "search");
        assert_eq!(method("delete_api_key", "api_keys"), "delete");
        assert_eq!(method("list_api_keys", "api_keys"), "list");
    }

    #[test]
    fn an_operation_without_its_noun_keeps_its_name() {
        assert_eq!(method("ping", "health"), "ping");
        // Only whole words count: `keyring` is not `key`.
        assert_eq!(method("open_keyring", "keys"), "open_keyring");
    }

    #[test]
    fn an_operation_that_is_only_its_noun_is_refused() {
        assert_eq!(
            name("customers", "customers"),
            Err(NamingError::Empty("customers".into()))
        );
    }

    #[test]
    fn camel_and_pascal() {
        assert_eq!(camel("change_status"), "changeStatus");
        assert_eq!(camel("api_keys"), "apiKeys");
        assert_eq!(pascal("webhook_endpoint"), "WebhookEndpoint");
    }

    #[test]
    fn a_clash_names_both_operations() {
        let spec = vinsnap_openapi::Spec::from_value(serde_json::json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/a": {"get": {"operationId": "list_customers", "tags": ["customers"], "responses": {}}},
                "/b": {"get": {"operationId": "list_customer", "tags": ["customers"], "responses": {}}}
            }
        }))
        .unwrap();
        let err = operation_names(&spec).unwrap_err();
        assert_eq!(
            err,
            NamingError::Clash {
                resource: "customers".into(),
                method: "list".into(),
                first: "list_customers".into(),
                second: "list_customer".into(),
            }
        );
        assert!(err.to_string().contains("rename one operationId"));
    }

    #[test]
    fn every_operation_of_the_committed_spec_has_a_name() {
        let names = operation_names(vinsnap_openapi::Spec::committed()).unwrap();
        let find = |id: &str| names.iter().find(|n| n.operation_id == id).unwrap();
        assert_eq!(find("change_job_status").method_camel(), "changeStatus");
        assert_eq!(find("list_webhook_deliveries").method, "list_deliveries");
        assert_eq!(find("create_vehicle").resource, "vehicles");
    }
}
