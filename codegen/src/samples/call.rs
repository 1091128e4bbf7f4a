//! What one operation's sample does, in no particular language: the [`model`] operation and
//! the documented example of each input it is called with.

use serde_json::Value;

use super::SampleError;
use crate::model::{Api, Location, Operation, Ty};
use crate::naming::pascal;

/// One parameter of a sample call and the documented example value it is given.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub value: Value,
}

/// One call of an operation with its documented example inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Call<'a> {
    /// The operation as every generator sees it (its name, arguments, paging).
    pub op: &'a Operation,
    /// Every path parameter, in the order they appear in the path.
    pub path_params: Vec<Param>,
    /// The query parameters the operation documents an example for, and the required ones.
    pub query: Vec<Param>,
    /// The request body's example and the name of the Rust SDK's type for it.
    pub body: Option<Body>,
}

/// A request body: its example and the Rust SDK's type name for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// `CreateCustomer` for a `$ref` to `#/components/schemas/CreateCustomer`; for an inline
    /// schema, the operation's name with `Body` (`CreateCustomerBody`), as progenitor names it.
    pub type_name: String,
    pub example: Value,
}

impl<'a> Call<'a> {
    pub fn new(api: &Api, op: &'a Operation) -> Result<Call<'a>, SampleError> {
        let missing = |what: String| SampleError::MissingExample {
            operation_id: op.id().to_owned(),
            what,
        };
        let mut path_params = Vec::new();
        for placeholder in placeholders(&op.path) {
            let param = op
                .path_parameters()
                .into_iter()
                .find(|p| p.name == placeholder)
                .ok_or_else(|| missing(format!("path parameter `{placeholder}` (undeclared)")))?;
            let value = param
                .example
                .clone()
                .ok_or_else(|| missing(format!("path parameter `{placeholder}`")))?;
            path_params.push(Param {
                name: placeholder.to_owned(),
                value,
            });
        }
        let mut query = Vec::new();
        for param in op
            .parameters
            .iter()
            .filter(|p| p.location == Location::Query)
        {
            match &param.example {
                Some(value) => query.push(Param {
                    name: param.name.clone(),
                    value: value.clone(),
                }),
                None if param.required => {
                    return Err(missing(format!("query parameter \"{}\"", param.name)));
                }
                None => {}
            }
        }
        let body = match &op.body {
            None => None,
            Some(body) => Some(Body {
                type_name: rust_type_name(api, op, &body.ty),
                example: body
                    .example
                    .clone()
                    .ok_or_else(|| missing("the request body".into()))?,
            }),
        };
        Ok(Call {
            op,
            path_params,
            query,
            body,
        })
    }

    /// The path with every parameter's example in place, percent-encoded.
    pub fn concrete_path(&self) -> String {
        let mut path = self.op.path.clone();
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

    /// Every input by its spec name (path parameters, query parameters, then the body's
    /// fields, or `body` for a body that is not an object): what the bindings' call writers
    /// take.
    pub fn values(&self) -> serde_json::Map<String, Value> {
        let mut values: serde_json::Map<String, Value> = self
            .path_params
            .iter()
            .chain(&self.query)
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect();
        if let Some(body) = &self.body {
            let fields = self.op.body.as_ref().and_then(|b| b.fields.as_ref());
            match (&body.example, fields) {
                (Value::Object(example), Some(_)) => {
                    values.extend(example.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                (example, _) => {
                    values.insert("body".into(), example.clone());
                }
            }
        }
        values
    }
}

/// A scalar example as it is written in a URL: strings bare, numbers and booleans as JSON.
pub fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The Rust SDK's name for a body type: a schema's name in PascalCase; an inline schema (named
/// by the model, not by the spec) is progenitor's `<OperationId>Body`.
fn rust_type_name(api: &Api, op: &Operation, ty: &Ty) -> String {
    match ty {
        Ty::Named(name) if !api.named(name).is_some_and(|t| t.inline) => pascal_ident(name),
        _ => format!("{}Body", pascal(op.id())),
    }
}

/// `{id}` placeholders of a path template, in order.
fn placeholders(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// A schema name as a Rust type name: already PascalCase names stay as they are.
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

/// The committed spec's model and one of its operations, for the languages' tests.
#[cfg(test)]
pub(crate) fn committed_op(id: &str) -> (Api, usize) {
    let api = crate::model::build(vinsnap_openapi::Spec::committed()).unwrap();
    let index = api.operations.iter().position(|o| o.id() == id).unwrap();
    (api, index)
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

    #[test]
    fn a_call_takes_the_documented_examples() {
        let (api, i) = committed_op("list_customers");
        let call = Call::new(&api, &api.operations[i]).unwrap();
        assert_eq!(call.query_string(), "limit=50&offset=0&q=chen");
        assert!(call.body.is_none());
        let (api, i) = committed_op("create_vehicle");
        let call = Call::new(&api, &api.operations[i]).unwrap();
        assert!(call.concrete_path().starts_with("/customers/cus_"));
        let body = call.body.as_ref().unwrap();
        assert_eq!(body.type_name, "CreateVehicle");
        assert_eq!(call.values()["vin"], body.example["vin"]);
        assert_eq!(call.values()["id"], call.path_params[0].value);
        assert_eq!(
            call.values().len(),
            body.example.as_object().unwrap().len() + 1
        );
    }
}
