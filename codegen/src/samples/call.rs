//! What one operation's sample does, in no particular language.

use serde_json::Value;
use vinsnap_openapi::{Method, Operation, Spec};

use super::SampleError;
use crate::naming::{OperationName, pascal};

/// One parameter of a sample call and the documented example value it is given.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub value: Value,
}

/// One call of an operation with its documented example inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The operation and where it lives on a client (`client.<resource>.<method>`).
    pub name: OperationName,
    pub method: Method,
    /// The path template, as in the spec (`/customers/{id}`).
    pub path: String,
    /// Every path parameter, in the order they appear in the path.
    pub path_params: Vec<Param>,
    /// The query parameters the operation documents an example for, and the required ones.
    pub query: Vec<Param>,
    /// The request body's example and the name of its schema (the SDK's type for it).
    pub body: Option<Body>,
    /// The operation lists a collection (`{"data", "has_more", ...}`), so it can be paged.
    pub paginated: bool,
}

/// A request body: its example and the schema's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// `CreateCustomer` for a `$ref` to `#/components/schemas/CreateCustomer`; for an inline
    /// schema, the operation's name with `Body` (`CreateCustomerBody`), as progenitor names it.
    pub type_name: String,
    pub example: Value,
}

impl Call {
    pub fn from_operation(op: &Operation<'_>, name: OperationName) -> Result<Call, SampleError> {
        let spec = op.spec();
        let missing = |what: String| SampleError::MissingExample {
            operation_id: name.operation_id.clone(),
            what,
        };
        let params = op.parameters();
        let mut path_params = Vec::new();
        for placeholder in placeholders(op.path()) {
            let param = params
                .iter()
                .find(|p| p["in"] == "path" && p["name"] == placeholder)
                .ok_or_else(|| missing(format!("path parameter `{placeholder}` (undeclared)")))?;
            let value = param_example(spec, param, true)
                .ok_or_else(|| missing(format!("path parameter `{placeholder}`")))?;
            path_params.push(Param {
                name: placeholder.to_owned(),
                value: value.clone(),
            });
        }
        let mut query = Vec::new();
        for param in params.iter().filter(|p| p["in"] == "query") {
            let required = param["required"] == true;
            let Some(value) = param_example(spec, param, required) else {
                if required {
                    return Err(missing(format!("query parameter {}", param["name"])));
                }
                continue;
            };
            query.push(Param {
                name: param["name"].as_str().unwrap_or_default().to_owned(),
                value: value.clone(),
            });
        }
        let body = match op.request_body() {
            None => None,
            Some(body) => {
                let example = op
                    .request_example(None)
                    .ok_or_else(|| missing("the request body".into()))?;
                let schema = body
                    .pointer("/content/application~1json/schema")
                    .or_else(|| body["content"].as_object()?.values().next()?.get("schema"));
                let type_name = schema
                    .and_then(|s| s.get("$ref"))
                    .and_then(Value::as_str)
                    .and_then(|r| r.rsplit('/').next())
                    .map(pascal_ident)
                    .unwrap_or_else(|| format!("{}Body", pascal(&name.operation_id)));
                Some(Body {
                    type_name,
                    example: example.clone(),
                })
            }
        };
        let paginated = op.method() == Method::Get && lists_a_collection(op);
        Ok(Call {
            name,
            method: op.method(),
            path: op.path().to_owned(),
            path_params,
            query,
            body,
            paginated,
        })
    }

    /// The path with every parameter's example in place, percent-encoded.
    pub fn concrete_path(&self) -> String {
        let mut path = self.path.clone();
        for param in &self.path_params {
            path = path.replace(
                &format!("{{{}}}", param.name),
                &percent_encode(&scalar_text(&param.value)),
            );
        }
        path
    }

    /// The query string (without `?`), percent-encoded; empty when there is none.
    pub fn query_string(&self) -> String {
        self.query
            .iter()
            .map(|p| {
                format!(
                    "{}={}",
                    percent_encode(&p.name),
                    percent_encode(&scalar_text(&p.value))
                )
            })
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// A scalar example as it is written in a URL: strings bare, numbers and booleans as JSON.
pub fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `{id}` placeholders of a path template, in order.
fn placeholders(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// A parameter's example: its own `example` (or first of `examples`), else, when `fallback`,
/// its schema's (following `$ref`s).
fn param_example<'a>(spec: &'a Spec, param: &'a Value, fallback: bool) -> Option<&'a Value> {
    if let Some(example) = param.get("example") {
        return Some(example);
    }
    if let Some(first) = param
        .get("examples")
        .and_then(Value::as_object)
        .and_then(|m| m.values().next())
    {
        return spec.resolve(first).get("value");
    }
    if !fallback {
        return None;
    }
    let schema = spec.resolve(param.get("schema")?);
    schema
        .get("example")
        .or_else(|| schema.pointer("/examples/0"))
}

/// The success answer is a page: an object with a `data` array and `has_more`.
fn lists_a_collection(op: &Operation<'_>) -> bool {
    let spec = op.spec();
    op.documented_statuses()
        .into_iter()
        .filter(|s| s.starts_with('2'))
        .filter_map(|s| op.response(s))
        .filter_map(|r| r.pointer("/content/application~1json/schema"))
        .map(|schema| spec.resolve(schema))
        .any(|schema| {
            let props = &schema["properties"];
            props["data"]["type"] == "array" && props.get("has_more").is_some()
        })
}

/// A schema name as a Rust/TypeScript type name: already PascalCase names stay as they are.
fn pascal_ident(name: &str) -> String {
    if name.contains(['_', '-', '.']) || name.starts_with(|c: char| c.is_ascii_lowercase()) {
        pascal(&name.replace(['-', '.'], "_"))
    } else {
        name.to_owned()
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_in_order() {
        assert_eq!(placeholders("/a/{id}/b/{other}"), ["id", "other"]);
        assert!(placeholders("/customers").is_empty());
    }

    #[test]
    fn percent_encoding_keeps_unreserved() {
        assert_eq!(percent_encode("brake pads/ü"), "brake%20pads%2F%C3%BC");
        assert_eq!(percent_encode("cus_01-x.y~z"), "cus_01-x.y~z");
    }
}
