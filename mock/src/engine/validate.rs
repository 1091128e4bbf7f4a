//! Request validation: path and query parameters and JSON bodies against the
//! operation's schemas, compiled once with `jsonschema`, reported the way the
//! real server reports them (code, message and the offending field in `param`).

use jsonschema::Validator;
use serde_json::Value;
use vinsnap_openapi::Spec;
pub(crate) use vinsnap_openapi::validate::SchemaCompiler;
use vinsnap_openapi::validate::{describe, field_path};

use super::envelope::ApiError;

/// The largest request body the API accepts (the server's limit).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The JSON types a parameter's schema admits, so that a path or query string
/// can be read as the value the schema expects (`limit=5` is the integer 5).
#[derive(Debug, Clone, Default)]
pub(crate) struct Shape {
    types: Vec<String>,
    items: Option<Box<Shape>>,
}

impl Shape {
    pub(crate) fn of(spec: &Spec, schema: &Value) -> Shape {
        Self::walk(spec, schema, 0)
    }

    fn walk(spec: &Spec, schema: &Value, depth: usize) -> Shape {
        let schema = spec.resolve(schema);
        let mut types: Vec<String> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.clone()],
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        let mut items = None;
        if depth < 8 {
            // Nullable references come as `oneOf: [{$ref}, {type: null}]`.
            for key in ["allOf", "oneOf", "anyOf"] {
                for member in schema
                    .get(key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let inner = Self::walk(spec, member, depth + 1);
                    types.extend(inner.types);
                    items = items.or(inner.items);
                }
            }
            if let Some(item_schema) = schema.get("items") {
                items = Some(Box::new(Self::walk(spec, item_schema, depth + 1)));
            }
        }
        Shape { types, items }
    }

    fn admits(&self, t: &str) -> bool {
        self.types.iter().any(|x| x == t)
    }

    pub(crate) fn is_array(&self) -> bool {
        self.admits("array")
    }

    /// The JSON value for one raw string: a number or boolean where the schema
    /// wants one and the text is one, else the string itself (which then fails
    /// validation with a message about the type).
    pub(crate) fn read(&self, raw: &str) -> Value {
        if self.admits("integer")
            && let Ok(n) = raw.parse::<i64>()
        {
            return Value::from(n);
        }
        // `5.0` is an integer to JSON Schema (and to the server); `5.5` reaches the schema as
        // the number it is, which an integer schema then refuses.
        if (self.admits("integer") || self.admits("number"))
            && let Ok(n) = raw.parse::<f64>()
            && let Some(number) = serde_json::Number::from_f64(n)
        {
            let integral = n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0;
            return match integral && self.admits("integer") {
                true => Value::from(n as i64),
                false => Value::Number(number),
            };
        }
        if self.admits("boolean") && (raw == "true" || raw == "false") {
            return Value::Bool(raw == "true");
        }
        Value::String(raw.to_owned())
    }

    /// The value for every occurrence of a query parameter.
    pub(crate) fn read_all(&self, raws: &[&str]) -> Value {
        match (&self.items, self.is_array()) {
            (Some(items), true) => Value::Array(raws.iter().map(|r| items.read(r)).collect()),
            (None, true) => Value::Array(
                raws.iter()
                    .map(|r| Value::String((*r).to_owned()))
                    .collect(),
            ),
            _ => self.read(raws.last().copied().unwrap_or_default()),
        }
    }
}

/// One compiled path or query parameter.
pub(crate) struct ParamCheck {
    pub name: String,
    pub required: bool,
    pub shape: Shape,
    validator: Validator,
    /// What the schema calls the value (`a customer id`), for messages.
    noun: Option<String>,
    pattern: Option<String>,
}

impl ParamCheck {
    pub(crate) fn new(
        spec: &Spec,
        compiler: &SchemaCompiler,
        param: &Value,
    ) -> Result<Self, String> {
        let name = param
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let empty = Value::Object(Default::default());
        let schema = param.get("schema").unwrap_or(&empty);
        let resolved = spec.resolve(schema);
        Ok(ParamCheck {
            required: param
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            shape: Shape::of(spec, schema),
            validator: compiler.compile(schema)?,
            noun: resolved
                .get("description")
                .and_then(Value::as_str)
                .map(|d| d.trim().trim_end_matches('.'))
                .filter(|d| d.len() <= 40 && !d.contains('\n'))
                .map(|d| {
                    let mut chars = d.chars();
                    chars
                        .next()
                        .map(|c| c.to_lowercase().chain(chars).collect())
                        .unwrap_or_default()
                }),
            pattern: resolved
                .get("pattern")
                .and_then(Value::as_str)
                .map(str::to_owned),
            name,
        })
    }

    /// Checks a path parameter; the server calls a bad id `invalid_id` and
    /// any other bad path segment `invalid_path`.
    pub(crate) fn check_path(&self, raw: &str) -> Result<(), ApiError> {
        let value = self.shape.read(raw);
        let Some(error) = self.validator.iter_errors(&value).next() else {
            return Ok(());
        };
        let is_id = self.name == "id" || self.name.ends_with("_id");
        let code = if is_id { "invalid_id" } else { "invalid_path" };
        let message = match (&self.noun, &self.pattern) {
            (Some(noun), Some(pattern)) => {
                format!("`{raw}` is not {noun} (expected a value matching `{pattern}`)")
            }
            _ => format!("Path parameter `{}` is `{raw}`: {error}", self.name),
        };
        Err(ApiError::bad_request(code, message).with_param(&self.name))
    }

    /// Checks a header parameter; the server names a bad `Idempotency-Key` (the only header
    /// parameter the spec has) `invalid_idempotency_key`, so the code comes from the name.
    pub(crate) fn check_header(&self, raw: Option<&str>) -> Result<(), ApiError> {
        let code = format!(
            "invalid_{}",
            self.name.to_ascii_lowercase().replace('-', "_")
        );
        let Some(raw) = raw else {
            return Err(ApiError::bad_request(
                &code,
                format!("The {} header must be printable ASCII", self.name),
            ));
        };
        let value = self.shape.read(raw);
        match self.validator.iter_errors(&value).next() {
            None => Ok(()),
            Some(error) => Err(ApiError::bad_request(
                &code,
                format!("The {} header {raw:?}: {error}", self.name),
            )),
        }
    }

    pub(crate) fn check_query(&self, raws: &[&str]) -> Result<(), ApiError> {
        let value = self.shape.read_all(raws);
        match self.validator.iter_errors(&value).next() {
            None => Ok(()),
            Some(error) => Err(ApiError::bad_request(
                "invalid_query",
                format!("`{}`: {error}", self.name),
            )
            .with_param(&self.name)),
        }
    }
}

/// The compiled JSON request body of an operation.
pub(crate) struct BodyCheck {
    pub required: bool,
    validator: Validator,
}

impl BodyCheck {
    pub(crate) fn new(compiler: &SchemaCompiler, body: &Value) -> Result<Option<Self>, String> {
        let Some(schema) = body
            .get("content")
            .and_then(|c| c.get("application/json"))
            .and_then(|m| m.get("schema"))
        else {
            return Ok(None);
        };
        Ok(Some(BodyCheck {
            required: body
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            validator: compiler.compile(schema)?,
        }))
    }

    /// Parses and validates a body that arrived with the given `Content-Type`.
    pub(crate) fn check(&self, content_type: Option<&str>, body: &[u8]) -> Result<(), ApiError> {
        if body.len() > MAX_BODY_BYTES {
            return Err(ApiError::payload_too_large());
        }
        let is_blank = body.iter().all(u8::is_ascii_whitespace);
        if is_blank && content_type.is_none() && !self.required {
            return Ok(());
        }
        if !content_type.is_some_and(is_json) {
            return Err(unsupported_media_type());
        }
        if is_blank {
            return Err(ApiError::bad_request(
                "invalid_json",
                "Request body is empty; send a JSON object",
            ));
        }
        let value: Value = serde_json::from_slice(body).map_err(|e| {
            ApiError::bad_request(
                "invalid_json",
                format!("Request body is not valid JSON: {e}"),
            )
        })?;
        match self.validator.iter_errors(&value).next() {
            None => Ok(()),
            Some(error) => {
                let param = field_path(&error);
                let message = describe(&error, param.as_deref());
                let api_error = ApiError::bad_request("invalid_request", message);
                Err(match param {
                    Some(p) => api_error.with_param(&p),
                    None => api_error,
                })
            }
        }
    }
}

pub(crate) fn unsupported_media_type() -> ApiError {
    ApiError::new(
        415,
        "unsupported_media_type",
        "Request bodies must be JSON: send `Content-Type: application/json`",
    )
}

pub(crate) fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}
