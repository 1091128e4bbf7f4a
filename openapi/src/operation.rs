//! The typed walk over operations.

use std::fmt;

use serde_json::Value;

use crate::examples::{Example, body_examples, pick};
use crate::spec::Spec;

/// An HTTP method that can carry an operation in an OpenAPI path item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `PUT`
    Put,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
    /// `OPTIONS`
    Options,
    /// `HEAD`
    Head,
    /// `PATCH`
    Patch,
    /// `TRACE`
    Trace,
}

impl Method {
    /// All methods, in the order OpenAPI lists the path item fields.
    pub const ALL: [Method; 8] = [
        Method::Get,
        Method::Put,
        Method::Post,
        Method::Delete,
        Method::Options,
        Method::Head,
        Method::Patch,
        Method::Trace,
    ];

    /// The HTTP method name, upper case (`"GET"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }

    /// The path item field holding this method's operation, lower case
    /// (`"get"`).
    pub fn key(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Put => "put",
            Method::Post => "post",
            Method::Delete => "delete",
            Method::Options => "options",
            Method::Head => "head",
            Method::Patch => "patch",
            Method::Trace => "trace",
        }
    }

    /// The method named `name`, in any case (`"get"`, `"GET"`).
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One operation: a method on a path template, borrowed from a [`Spec`].
#[derive(Clone, Copy)]
pub struct Operation<'a> {
    spec: &'a Spec,
    method: Method,
    path: &'a str,
    path_item: &'a Value,
    json: &'a Value,
}

impl fmt::Debug for Operation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Operation")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("operation_id", &self.operation_id())
            .finish_non_exhaustive()
    }
}

impl<'a> Operation<'a> {
    pub(crate) fn new(
        spec: &'a Spec,
        method: Method,
        path: &'a str,
        path_item: &'a Value,
        json: &'a Value,
    ) -> Self {
        Operation {
            spec,
            method,
            path,
            path_item,
            json,
        }
    }

    /// The HTTP method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The path template as written in the spec, e.g. `/v1/vehicles/{vin}`.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// The `operationId`, if the operation has one.
    pub fn operation_id(&self) -> Option<&'a str> {
        self.json.get("operationId").and_then(Value::as_str)
    }

    /// The operation's tags, in order.
    pub fn tags(&self) -> Vec<&'a str> {
        self.json
            .get("tags")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect()
    }

    /// The `summary`, if any.
    pub fn summary(&self) -> Option<&'a str> {
        self.json.get("summary").and_then(Value::as_str)
    }

    /// The Operation object as written in the spec (not `$ref`-resolved).
    pub fn json(&self) -> &'a Value {
        self.json
    }

    /// The document this operation belongs to.
    pub fn spec(&self) -> &'a Spec {
        self.spec
    }

    /// The parameters that apply to this operation, `$ref`s resolved: the
    /// path item's parameters not overridden by the operation (same `name`
    /// and `in`), followed by the operation's own.
    pub fn parameters(&self) -> Vec<&'a Value> {
        let spec = self.spec;
        let list = move |holder: &'a Value| {
            holder
                .get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(move |p| spec.resolve(p))
        };
        let same =
            |a: &Value, b: &Value| a.get("name") == b.get("name") && a.get("in") == b.get("in");
        let own: Vec<&'a Value> = list(self.json).collect();
        let mut all: Vec<&'a Value> = list(self.path_item)
            .filter(|p| !own.iter().any(|o| same(o, p)))
            .collect();
        all.extend(own);
        all
    }

    /// The Request Body object, `$ref` resolved, if the operation takes one.
    pub fn request_body(&self) -> Option<&'a Value> {
        self.json.get("requestBody").map(|b| self.spec.resolve(b))
    }

    /// The Response object documented for `status`, `$ref` resolved.
    ///
    /// `status` is the key exactly as written in `responses`: `"200"`,
    /// `"4XX"`, `"default"`.
    pub fn response(&self, status: &str) -> Option<&'a Value> {
        self.json
            .get("responses")?
            .get(status)
            .map(|r| self.spec.resolve(r))
    }

    /// The keys of `responses`, as written (`"200"`, `"404"`, `"default"`).
    pub fn documented_statuses(&self) -> Vec<&'a str> {
        self.json
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(status, _)| status.as_str())
            .collect()
    }

    /// Every example of the request body (see [`Operation::response_examples()`]
    /// for which media type and in which order). Empty when there is no body
    /// or it has no examples.
    pub fn request_examples(&self) -> Vec<Example<'a>> {
        self.request_body()
            .map(|body| body_examples(self.spec, body))
            .unwrap_or_default()
    }

    /// The request body example named `name` in the media type's `examples`
    /// map, or with `name == None` the default example: the first of
    /// [`Operation::request_examples()`].
    pub fn request_example(&self, name: Option<&str>) -> Option<&'a Value> {
        pick(self.request_examples(), name)
    }

    /// Every example of the response documented for `status` (a key of
    /// `responses`, as in [`Operation::response()`]).
    ///
    /// Examples come from the `application/json` media type (else another
    /// `*json` one, else the first listed): first its `example`, then each
    /// entry of its `examples` map in map order (`$ref`s to
    /// `#/components/examples/...` resolved, entries with only an
    /// `externalValue` skipped). Only if the media type has none of those,
    /// the body schema's own `example`, or else every element of its
    /// `examples` array, following `$ref`s and the single-member
    /// `allOf`/`oneOf`/`anyOf` wrappers that nullable references produce.
    pub fn response_examples(&self, status: &str) -> Vec<Example<'a>> {
        self.response(status)
            .map(|response| body_examples(self.spec, response))
            .unwrap_or_default()
    }

    /// The example named `name` for the response documented for `status`,
    /// or with `name == None` the default example: the first of
    /// [`Operation::response_examples()`].
    pub fn response_example(&self, status: &str, name: Option<&str>) -> Option<&'a Value> {
        pick(self.response_examples(status), name)
    }
}
