//! Validating values against the document's schemas (feature `validate`): the sandbox mock
//! checks requests it receives with it, and the SDK's dispatch entry point checks arguments
//! before it sends them, so both read the spec's constraints the same way.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, JsonType, Registry, ValidationError, Validator};
use serde_json::Value;

use crate::Spec;

/// The base URI the whole document is registered under, so that the spec's
/// local `#/components/schemas/...` references resolve from any schema.
const DOC_URI: &str = "urn:vinsnap:openapi";

/// Compiles schemas taken from one document (OpenAPI 3.1 schemas are JSON Schema 2020-12).
pub struct SchemaCompiler {
    registry: Registry<'static>,
}

impl SchemaCompiler {
    /// Indexes `spec` so that the schemas compiled later can follow its `$ref`s.
    pub fn new(spec: &Spec) -> Result<Self, String> {
        let registry = Registry::new()
            .draft(Draft::Draft202012)
            .add(DOC_URI, spec.as_value().clone())
            .and_then(|b| b.prepare())
            .map_err(|e| format!("cannot index the spec's schemas: {e}"))?;
        Ok(SchemaCompiler { registry })
    }

    /// Compiles `schema` (taken from anywhere in the document).
    pub fn compile(&self, schema: &Value) -> Result<Validator, String> {
        // Formats (`date-time`, …) are assertions here, as they are for the server, which
        // refuses a `paid_at` that is not RFC 3339.
        jsonschema::options()
            .with_draft(Draft::Draft202012)
            .should_validate_formats(true)
            .with_registry(&self.registry)
            .build(&absolute_refs(schema))
            .map_err(|e| format!("schema {schema} does not compile: {e}"))
    }
}

/// `schema` with its document-local `$ref`s made absolute against [`DOC_URI`]:
/// the schema is compiled on its own, where `#/...` would mean itself.
fn absolute_refs(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("$ref", Value::String(r)) if r.starts_with('#') => {
                        (k.clone(), Value::String(format!("{DOC_URI}{r}")))
                    }
                    _ => (k.clone(), absolute_refs(v)),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(absolute_refs).collect()),
        other => other.clone(),
    }
}

/// The field an error is about, written as the server writes it (`email`, `scopes[0]`,
/// `line_items[1].quantity`); `None` for the value as a whole. For a missing or unexpected
/// property the error sits on the parent object, so the property is appended.
pub fn field_path(error: &ValidationError<'_>) -> Option<String> {
    if let Some(inner) = non_null_branch_error(error) {
        return field_path(inner);
    }
    let mut path = String::new();
    for segment in error.instance_path().as_str().split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if segment.parse::<usize>().is_ok() {
            path.push_str(&format!("[{segment}]"));
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&segment);
        }
    }
    let child = match error.kind() {
        ValidationErrorKind::Required { property } => property.as_str().map(str::to_owned),
        ValidationErrorKind::AdditionalProperties { unexpected } => unexpected.first().cloned(),
        ValidationErrorKind::UnevaluatedProperties { unexpected } => unexpected.first().cloned(),
        _ => None,
    };
    if let Some(child) = child {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(&child);
    }
    (!path.is_empty()).then_some(path)
}

/// A one-line explanation of `error` for the field [`field_path`] names: `` `email` is
/// required``, ``unknown field `colour` ``, or the validator's own message.
pub fn describe(error: &ValidationError<'_>, field: Option<&str>) -> String {
    if let Some(inner) = non_null_branch_error(error) {
        return describe(inner, field);
    }
    match (field, error.kind()) {
        (Some(p), ValidationErrorKind::Required { .. }) => format!("`{p}` is required"),
        (Some(p), ValidationErrorKind::AdditionalProperties { .. })
        | (Some(p), ValidationErrorKind::UnevaluatedProperties { .. }) => {
            format!("unknown field `{p}`")
        }
        (Some(p), _) => format!("`{p}`: {error}"),
        (None, _) => error.to_string(),
    }
}

/// The error that says what is wrong with the value: `error` itself, or for a value refused by
/// a nullable wrapper the error of its non-null schema (see [`field_path`] and [`describe`],
/// which look through the wrapper already).
pub fn underlying<'e>(error: &'e ValidationError<'e>) -> &'e ValidationError<'e> {
    match non_null_branch_error(error) {
        Some(inner) => underlying(inner),
        None => error,
    }
}

/// For a value refused by a nullable wrapper (`oneOf`/`anyOf` of one schema and
/// `{"type": "null"}`, as the server writes optional fields), the error of the one branch that
/// is not `null`: "20000 is greater than the maximum of 10000" rather than "not valid under any
/// of the schemas listed in the 'oneOf' keyword".
fn non_null_branch_error<'e>(
    error: &'e ValidationError<'_>,
) -> Option<&'e ValidationError<'static>> {
    let (ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context }) =
        error.kind()
    else {
        return None;
    };
    let is_null_branch = |errors: &&Vec<ValidationError<'static>>| {
        matches!(errors.as_slice(), [only] if matches!(
            only.kind(),
            ValidationErrorKind::Type { kind: TypeKind::Single(JsonType::Null) }
        ))
    };
    let mut others = context.iter().filter(|branch| !is_null_branch(branch));
    match (others.next(), others.next()) {
        (Some(branch), None) if context.len() == 2 => branch.first(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_the_field_of_nested_and_missing_properties() {
        let spec = Spec::from_value(json!({
            "openapi": "3.1.0",
            "components": {"schemas": {
                "Line": {"type": "object", "required": ["kind"], "additionalProperties": false,
                         "properties": {"kind": {"enum": ["labor", "part"]},
                                        "quantity": {"type": ["integer", "null"], "maximum": 10}}},
                "Job": {"type": "object", "properties": {
                    "lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}}}}
            }}
        }))
        .unwrap();
        let compiler = SchemaCompiler::new(&spec).unwrap();
        let job = compiler
            .compile(&json!({"$ref": "#/components/schemas/Job"}))
            .unwrap();
        let check = |value: Value| {
            let error = job.iter_errors(&value).next().expect("an error");
            let field = field_path(&error);
            let message = describe(&error, field.as_deref());
            (field, message)
        };
        let (field, message) = check(json!({"lines": [{"kind": "part", "quantity": 11}]}));
        assert_eq!(field.as_deref(), Some("lines[0].quantity"));
        assert!(message.contains("maximum"), "{message}");
        let (field, message) = check(json!({"lines": [{}]}));
        assert_eq!(field.as_deref(), Some("lines[0].kind"));
        assert_eq!(message, "`lines[0].kind` is required");
        let (field, message) = check(json!({"lines": [{"kind": "part", "colour": 1}]}));
        assert_eq!(field.as_deref(), Some("lines[0].colour"));
        assert_eq!(message, "unknown field `lines[0].colour`");
        assert!(job.is_valid(&json!({"lines": [{"kind": "labor", "quantity": null}]})));
    }

    #[test]
    fn a_nullable_wrapper_reports_the_error_of_its_schema() {
        let spec = Spec::from_value(json!({"openapi": "3.1.0"})).unwrap();
        let compiler = SchemaCompiler::new(&spec).unwrap();
        let quantity = compiler
            .compile(
                &json!({"type": "object", "properties": {"quantity": {"oneOf": [
                {"type": "integer", "maximum": 10000}, {"type": "null"}]}}}),
            )
            .unwrap();
        let value = json!({"quantity": 20000});
        let error = quantity.iter_errors(&value).next().expect("an error");
        let field = field_path(&error);
        assert_eq!(field.as_deref(), Some("quantity"));
        let message = describe(&error, field.as_deref());
        assert!(message.contains("10000"), "{message}");
        assert!(quantity.is_valid(&json!({"quantity": null})));
    }
}
