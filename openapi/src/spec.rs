//! The parsed document and `$ref` resolution.
//!
//! The types of this crate borrow from a [`serde_json::Value`] rather than
//! modelling the whole of OpenAPI: downstream users need a handful of facts
//! (which operations exist, what their examples are) and the raw JSON for
//! the rest.

use std::borrow::Cow;
use std::fmt;

use serde_json::Value;

use crate::operation::{Method, Operation};

/// Bound on `$ref` chains and schema wrapper nesting, so a cyclic document
/// cannot hang a lookup.
pub(crate) const MAX_REF_HOPS: usize = 32;

/// A parsed OpenAPI 3.x document.
///
/// Obtain the committed document with [`Spec::committed()`], or parse another
/// (a test fixture, a freshly generated spec) with [`parse()`] or
/// [`Spec::from_value()`].
#[derive(Clone, PartialEq)]
pub struct Spec {
    doc: Value,
}

/// Why a document could not be turned into a [`Spec`].
#[derive(Debug)]
pub enum ParseError {
    /// The text is not JSON.
    Json(serde_json::Error),
    /// The JSON is not an OpenAPI 3.x document: the top-level `openapi`
    /// field is missing, not a string, or not `3.*`.
    NotOpenApi3 {
        /// The `openapi` field as found, if it was a string.
        found: Option<String>,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Json(e) => write!(f, "invalid JSON: {e}"),
            ParseError::NotOpenApi3 { found: Some(v) } => {
                write!(f, "not an OpenAPI 3.x document (openapi = {v:?})")
            }
            ParseError::NotOpenApi3 { found: None } => {
                f.write_str("not an OpenAPI 3.x document (no string `openapi` field)")
            }
        }
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ParseError::Json(e) => Some(e),
            ParseError::NotOpenApi3 { .. } => None,
        }
    }
}

impl From<serde_json::Error> for ParseError {
    fn from(e: serde_json::Error) -> Self {
        ParseError::Json(e)
    }
}

/// Parses an OpenAPI 3.x document from JSON text.
pub fn parse(json: &str) -> Result<Spec, ParseError> {
    Spec::from_value(serde_json::from_str(json)?)
}

impl fmt::Debug for Spec {
    // The whole document is far too large to be a useful debug line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spec")
            .field("openapi", &self.doc["openapi"])
            .field("title", &self.doc["info"]["title"])
            .field("version", &self.doc["info"]["version"])
            .finish_non_exhaustive()
    }
}

impl Spec {
    /// Wraps an already parsed OpenAPI 3.x document.
    pub fn from_value(doc: Value) -> Result<Spec, ParseError> {
        match doc.get("openapi") {
            Some(Value::String(v)) if v.starts_with("3.") => Ok(Spec { doc }),
            Some(Value::String(v)) => Err(ParseError::NotOpenApi3 {
                found: Some(v.clone()),
            }),
            _ => Err(ParseError::NotOpenApi3 { found: None }),
        }
    }

    /// The document as JSON.
    pub fn as_value(&self) -> &Value {
        &self.doc
    }

    /// The document as JSON, by value.
    pub fn into_value(self) -> Value {
        self.doc
    }

    /// Every operation in the document: each path in `paths` (in the order
    /// serde_json keeps the map), and within a path the methods in the order
    /// OpenAPI lists them (`get`, `put`, `post`, `delete`, `options`, `head`,
    /// `patch`, `trace`). Path items given as `$ref` are resolved.
    pub fn operations(&self) -> impl Iterator<Item = Operation<'_>> {
        self.path_items("paths")
    }

    /// Every operation of the top-level `webhooks` map (OpenAPI 3.1): the
    /// requests the API sends to integrators. Same order rules as
    /// [`Spec::operations()`]; each operation's [`Operation::path()`] is the
    /// webhook's name (for VinSnap, the event type such as `customer.created`).
    pub fn webhooks(&self) -> impl Iterator<Item = Operation<'_>> {
        self.path_items("webhooks")
    }

    /// The `POST` operation of the webhook named `name` (the method every
    /// webhook delivery uses), if the document has one.
    pub fn webhook(&self, name: &str) -> Option<Operation<'_>> {
        self.webhooks()
            .find(|op| op.path() == name && op.method() == Method::Post)
    }

    fn path_items(&self, section: &'static str) -> impl Iterator<Item = Operation<'_>> {
        self.doc
            .get(section)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .flat_map(move |(path, item)| {
                let item = self.resolve(item);
                Method::ALL.into_iter().filter_map(move |method| {
                    let json = item.get(method.key()).filter(|op| op.is_object())?;
                    Some(Operation::new(self, method, path, item, json))
                })
            })
    }

    /// The operation whose `operationId` is `operation_id`.
    pub fn operation(&self, operation_id: &str) -> Option<Operation<'_>> {
        self.operations()
            .find(|op| op.operation_id() == Some(operation_id))
    }

    /// Follows `value`'s local `$ref` (and the target's, and so on) and
    /// returns the object finally referred to.
    ///
    /// Returns `value` itself when it is not a `$ref` object. A `$ref` that
    /// does not resolve (external, or dangling) is returned as is, so callers
    /// can tell by the remaining `$ref` key. Chains longer than 32 hops, which
    /// only a cyclic document produces, stop where they are.
    pub fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        let mut current = value;
        for _ in 0..MAX_REF_HOPS {
            let target = current
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| self.resolve_ref(r));
            match target {
                Some(target) => current = target,
                None => break,
            }
        }
        current
    }

    /// Looks up one local reference such as `#/components/schemas/Vehicle`
    /// (a URI fragment holding a JSON pointer, `~0`/`~1` and `%XX` escapes
    /// allowed). Does not follow a `$ref` found at the target; see
    /// [`Spec::resolve()`] for that. Returns `None` for external references
    /// and for pointers to nothing.
    pub fn resolve_ref(&self, reference: &str) -> Option<&Value> {
        resolve_local(&self.doc, reference)
    }
}

/// `{"type": "null"}` (or `["null"]`): the null half of a 3.1 `Option<T>`.
pub(crate) fn is_null_schema(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(types)) => !types.is_empty() && types.iter().all(|t| t == "null"),
        _ => false,
    }
}

/// Looks up a local `#/...` reference in `doc`.
pub(crate) fn resolve_local<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    doc.pointer(&percent_decode(pointer))
}

/// Decodes `%XX` escapes, which URI fragments may use for characters such as
/// `{` in a pointer into `paths`.
fn percent_decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            // from_str_radix alone would also accept a sign, as in "%+1".
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}
