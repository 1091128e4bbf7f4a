//! One entry point for every operation, its arguments given as data: what the Python and Node
//! bindings call, so that every call of every language runs on this SDK's builders and
//! transport.
//!
//! [`Client::call`] takes an `operationId` and [`Arguments`] (parameters by their name in the
//! spec, and the JSON body), checks them against the spec's schemas, refusing what the spec
//! rejects with [`Error::InvalidArgument`] naming the argument, runs the operation's
//! progenitor builder (one generated match arm per operation) and answers the response as JSON.
//!
//! The body is sent as the caller wrote it: an explicit `null` clears a field, which the
//! generated types cannot express (they hold an absent and a `null` field both as `None`).

use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;
use std::sync::{LazyLock, OnceLock};

use jsonschema::Validator;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use vinsnap_openapi::Spec;
use vinsnap_openapi::validate::{SchemaCompiler, field_path, underlying};

use crate::generated::dispatch::run;
use crate::transport::{BodyEdit, capturing, with_body_edit};
use crate::{Client, Error, ResponseValue, Result};

pub use crate::generated::dispatch::OPERATIONS;

/// The arguments of one call: parameters (path, query and header) by their name in the spec,
/// and the request body.
///
/// A parameter given as `null` counts as not given (a query string has no null). In the body,
/// `null` is sent as `null`.
///
/// ```
/// use serde_json::json;
/// let args = vinsnap::Arguments::new()
///     .param("id", "cus_01jd3q9a1bc2d3e4f5g6h7j8k9")
///     .body(json!({"phone": null}));
/// assert_eq!(args.params()["id"], "cus_01jd3q9a1bc2d3e4f5g6h7j8k9");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Arguments {
    params: Map<String, Value>,
    body: Option<Value>,
}

impl Arguments {
    /// No arguments.
    pub fn new() -> Arguments {
        Arguments::default()
    }

    /// Parameters by name and an optional body, as a binding receives them.
    pub fn from_parts(params: Map<String, Value>, body: Option<Value>) -> Arguments {
        Arguments { params, body }
    }

    /// Sets the parameter `name` (as the spec spells it: `id`, `limit`, `Idempotency-Key`).
    pub fn param(mut self, name: impl Into<String>, value: impl Into<Value>) -> Arguments {
        self.params.insert(name.into(), value.into());
        self
    }

    /// Sets the request body.
    pub fn body(mut self, body: Value) -> Arguments {
        self.body = Some(body);
        self
    }

    /// The parameters given so far.
    pub fn params(&self) -> &Map<String, Value> {
        &self.params
    }
}

impl Client {
    /// Runs the operation `operation_id` with `arguments` and answers its response body as JSON
    /// (`null` for an empty one).
    ///
    /// This is the typed client's own call with its arguments as data: the same builder, the
    /// same transport (retries, idempotency key, rate-limit reading, tracing), the same
    /// errors. Arguments the spec rejects (a malformed id, a missing required field, an unknown
    /// field or enum value, a wrong type, a value out of bounds) fail with
    /// [`Error::InvalidArgument`] before anything is sent.
    ///
    /// ```no_run
    /// use serde_json::json;
    /// # async fn run() -> Result<(), vinsnap::Error> {
    /// let client = vinsnap::Client::new("vsk_test_123")?;
    /// let customer = client
    ///     .call(
    ///         "update_customer",
    ///         vinsnap::Arguments::new()
    ///             .param("id", "cus_01jd3q9a1bc2d3e4f5g6h7j8k9")
    ///             .body(json!({"notes": null})), // clears the notes
    ///     )
    ///     .await?;
    /// println!("{}", customer["name"]);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn call(&self, operation_id: &str, arguments: Arguments) -> Result<Value> {
        let body = self.call_json(operation_id, arguments).await?;
        serde_json::from_slice(&body).map_err(|e| Error::Decode {
            status: None,
            message: format!("the response is not JSON: {e}"),
            body: body.clone(),
        })
    }

    /// [`Client::call`], answering the response body as the JSON text the server sent (`null`
    /// for an empty one), once it has been checked against the operation's response type.
    ///
    /// What the bindings call: their languages read JSON text faster than they take a value
    /// built one field at a time, and the text keeps every `null` the server sent.
    pub async fn call_json(&self, operation_id: &str, arguments: Arguments) -> Result<Bytes> {
        let args = checks(operation_id)?.check(arguments)?;
        run(self, operation_id, args).await
    }
}

/// Checked arguments, taken apart by the generated arms.
pub(crate) struct Args {
    params: Map<String, Value>,
    body: Option<Value>,
}

impl Args {
    /// A required parameter, as the type its builder setter takes.
    pub(crate) fn required<T: DeserializeOwned>(&mut self, name: &str) -> Result<T> {
        self.optional(name)?.ok_or_else(|| Error::InvalidArgument {
            param: name.to_string(),
            message: "is required".into(),
        })
    }

    /// An optional parameter, as the type its builder setter takes.
    pub(crate) fn optional<T: DeserializeOwned>(&mut self, name: &str) -> Result<Option<T>> {
        self.params
            .remove(name)
            .map(|value| typed(name, value))
            .transpose()
    }

    /// The body, as the type the builder's `body` takes. It stays here too: it is what is sent.
    pub(crate) fn body<T: DeserializeOwned>(&mut self) -> Result<Option<T>> {
        self.body
            .as_ref()
            .map(|body| typed("body", body.clone()))
            .transpose()
    }

    /// Sends the built request, with the caller's JSON as its body, and answers the response
    /// body as the server sent it, once the builder has read it as its type.
    ///
    /// `request` comes boxed from where it is made: a builder's send future is large, and each
    /// await that took it further would copy it whole.
    pub(crate) async fn respond<T, E: serde::Serialize>(
        self,
        request: Pin<
            Box<impl Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>>,
        >,
    ) -> Result<Bytes> {
        let sent = async {
            match &self.body {
                Some(body) => {
                    let bytes = serde_json::to_vec(body).expect("JSON values serialize");
                    with_body_edit(BodyEdit::Replace(bytes.into()), request).await
                }
                None => request.await,
            }
        };
        let (response, body) = capturing(sent).await;
        response?;
        Ok(body
            .filter(|body| !body.is_empty())
            .unwrap_or(Bytes::from_static(b"null")))
    }
}

fn typed<T: DeserializeOwned>(name: &str, value: Value) -> Result<T> {
    serde_json::from_value(value).map_err(|e| Error::InvalidArgument {
        param: name.to_string(),
        message: e.to_string(),
    })
}

struct ParamCheck {
    name: String,
    required: bool,
    validator: Validator,
}

struct BodyCheck {
    required: bool,
    validator: Validator,
}

/// One operation's arguments, as the spec describes them, compiled.
struct OperationChecks {
    params: Vec<ParamCheck>,
    body: Option<BodyCheck>,
}

impl OperationChecks {
    fn compile(spec: &Spec, compiler: &SchemaCompiler, operation_id: &str) -> Result<Self, String> {
        let op = spec
            .operation(operation_id)
            .ok_or_else(|| format!("unknown operation {operation_id:?}"))?;
        let any = Value::Object(Map::new());
        let params = op
            .parameters()
            .into_iter()
            // Cookies are not an SDK's business; path parameters are always required.
            .filter(|p| matches!(p["in"].as_str(), Some("path" | "query" | "header")))
            .map(|p| {
                Ok(ParamCheck {
                    name: p["name"].as_str().unwrap_or_default().to_string(),
                    required: p["in"] == "path" || p["required"] == true,
                    validator: compiler.compile(p.get("schema").unwrap_or(&any))?,
                })
            })
            .collect::<Result<_, String>>()?;
        let body = op
            .request_body()
            .and_then(|b| {
                Some((
                    b["required"] == true,
                    b["content"]["application/json"].get("schema")?,
                ))
            })
            .map(|(required, schema)| {
                Ok::<_, String>(BodyCheck {
                    required,
                    validator: compiler.compile(schema)?,
                })
            })
            .transpose()?;
        Ok(OperationChecks { params, body })
    }

    fn check(&self, arguments: Arguments) -> Result<Args> {
        let Arguments { mut params, body } = arguments;
        params.retain(|_, value| !value.is_null());
        if let Some(name) = params
            .keys()
            .find(|name| !self.params.iter().any(|p| &p.name == *name))
        {
            return Err(invalid(name, "is not a parameter of this operation"));
        }
        for param in &self.params {
            match params.get(&param.name) {
                None if param.required => return Err(invalid(&param.name, "is required")),
                None => {}
                Some(value) => {
                    if let Some(error) = param.validator.iter_errors(value).next() {
                        let message = underlying(&error).to_string();
                        return Err(invalid(&param.name, &message));
                    }
                }
            }
        }
        match (&self.body, &body) {
            (None, Some(_)) => return Err(invalid("body", "this operation takes no request body")),
            (Some(check), None) if check.required => {
                return Err(invalid("body", "this operation needs a request body"));
            }
            (Some(check), Some(body)) => {
                if let Some(error) = check.validator.iter_errors(body).next() {
                    let field = field_path(&error).unwrap_or_else(|| "body".into());
                    let error = underlying(&error);
                    let message = match error.kind() {
                        jsonschema::error::ValidationErrorKind::Required { .. } => {
                            "is required".into()
                        }
                        jsonschema::error::ValidationErrorKind::AdditionalProperties { .. } => {
                            "is not a field of this request".into()
                        }
                        _ => error.to_string(),
                    };
                    return Err(invalid(&field, &message));
                }
            }
            _ => {}
        }
        Ok(Args { params, body })
    }
}

fn invalid(param: &str, message: &str) -> Error {
    Error::InvalidArgument {
        param: param.to_string(),
        message: message.to_string(),
    }
}

/// An operation's checks, compiled from the committed spec on its first call. Lock-free once
/// compiled (a `OnceLock` per operation rather than one map behind a mutex): a process forked
/// while another thread held such a lock would find it held forever.
fn checks(operation_id: &str) -> Result<&'static OperationChecks> {
    static COMPILER: OnceLock<Result<SchemaCompiler, String>> = OnceLock::new();
    static COMPILED: LazyLock<Vec<OnceLock<Result<OperationChecks, String>>>> =
        LazyLock::new(|| OPERATIONS.iter().map(|_| OnceLock::new()).collect());
    let index = OPERATIONS
        .iter()
        .position(|id| *id == operation_id)
        .ok_or_else(|| Error::InvalidRequest(format!("unknown operation {operation_id:?}")))?;
    COMPILED[index]
        .get_or_init(|| {
            let spec = Spec::committed();
            let compiler = COMPILER
                .get_or_init(|| SchemaCompiler::new(spec))
                .as_ref()
                .map_err(Clone::clone)?;
            OperationChecks::compile(spec, compiler, operation_id)
        })
        .as_ref()
        .map_err(|e| Error::InvalidRequest(e.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(operation_id: &str, arguments: Arguments) -> Result<Args> {
        checks(operation_id)?.check(arguments)
    }

    fn refused(operation_id: &str, arguments: Arguments) -> (String, String) {
        match check(operation_id, arguments) {
            Err(Error::InvalidArgument { param, message }) => (param, message),
            Err(other) => panic!("{operation_id}: {other}"),
            Ok(_) => panic!("{operation_id}: accepted"),
        }
    }

    const CUSTOMER: &str = "cus_01jd3q9a1bc2d3e4f5g6h7j8k9";

    #[test]
    fn refuses_what_the_spec_rejects_naming_the_argument() {
        let (param, _) = refused("get_customer", Arguments::new().param("id", "veh_1"));
        assert_eq!(param, "id");
        let (param, message) = refused("get_customer", Arguments::new());
        assert_eq!((param.as_str(), message.as_str()), ("id", "is required"));
        let (param, _) = refused("create_customer", Arguments::new().body(json!({})));
        assert_eq!(param, "name");
        let (param, _) = refused(
            "create_customer",
            Arguments::new().body(json!({"name": "A", "colour": 1})),
        );
        assert_eq!(param, "colour");
        let (param, _) = refused("create_customer", Arguments::new().body(json!({"name": 5})));
        assert_eq!(param, "name");
        let (param, _) = refused("list_jobs", Arguments::new().param("status", "paused"));
        assert_eq!(param, "status");
        let (param, _) = refused("list_jobs", Arguments::new().param("limit", 500));
        assert_eq!(param, "limit");
        let (param, _) = refused("list_jobs", Arguments::new().param("colour", "red"));
        assert_eq!(param, "colour");
        let line = json!({"kind": "part", "description": "Pads", "quantity": 20000});
        let body = json!({"customer_id": CUSTOMER, "vehicle_id": "veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
                          "title": "Brakes", "line_items": [line]});
        let (param, message) = refused("create_job", Arguments::new().body(body));
        assert_eq!(param, "line_items[0].quantity");
        assert!(message.contains("10000"), "{message}");
        let (param, _) = refused(
            "send_invoice",
            Arguments::new()
                .param("id", "inv_01jd3qa2b3c4d5e6f7g8h9j0k1")
                .body(json!({})),
        );
        assert_eq!(param, "body");
    }

    #[test]
    fn accepts_nulls_where_the_spec_does_and_drops_null_parameters() {
        let args = check(
            "update_customer",
            Arguments::new()
                .param("id", CUSTOMER)
                .body(json!({"phone": null, "notes": "x"})),
        )
        .unwrap();
        assert_eq!(args.body, Some(json!({"phone": null, "notes": "x"})));
        let args = check("list_customers", Arguments::new().param("q", Value::Null)).unwrap();
        assert!(args.params.is_empty());
        let (param, _) = refused(
            "create_customer",
            Arguments::new().body(json!({"name": null})),
        );
        assert_eq!(param, "name");
    }

    #[test]
    fn an_unknown_operation_is_an_invalid_request() {
        assert!(matches!(
            check("fly_to_moon", Arguments::new()),
            Err(Error::InvalidRequest(_))
        ));
    }
}
