//! Request and response example lookup.

use serde_json::Value;

use crate::spec::{MAX_REF_HOPS, Spec, is_null_schema};

/// Where an [`Example`] was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleSource {
    /// The media type's single `example` field.
    Example,
    /// An entry of the media type's named `examples` map (possibly a `$ref`
    /// to `#/components/examples/...`).
    Examples,
    /// The body schema's `example`, or an element of its `examples` array,
    /// used because the media type documents no example of its own.
    Schema,
}

/// An example value for a request or response body.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Example<'a> {
    /// The key in the media type's `examples` map; `None` for the single
    /// `example` field and for schema examples.
    pub name: Option<&'a str>,
    /// The Example object's `summary`, if any.
    pub summary: Option<&'a str>,
    /// The example value itself (an Example object's `value`).
    pub value: &'a Value,
    /// Where the example came from.
    pub source: ExampleSource,
}

pub(crate) fn pick<'a>(examples: Vec<Example<'a>>, name: Option<&str>) -> Option<&'a Value> {
    let mut examples = examples.into_iter();
    match name {
        None => examples.next(),
        Some(name) => examples.find(|e| e.name == Some(name)),
    }
    .map(|e| e.value)
}

/// Examples of a Request Body or Response object (already `$ref`-resolved).
pub(crate) fn body_examples<'a>(spec: &'a Spec, body: &'a Value) -> Vec<Example<'a>> {
    let Some(media) = body.get("content").and_then(json_media_type) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(value) = media.get("example") {
        out.push(Example {
            name: None,
            summary: None,
            value,
            source: ExampleSource::Example,
        });
    }
    for (name, example) in media
        .get("examples")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let example = spec.resolve(example);
        if let Some(value) = example.get("value") {
            out.push(Example {
                name: Some(name),
                summary: example.get("summary").and_then(Value::as_str),
                value,
                source: ExampleSource::Examples,
            });
        }
    }
    if out.is_empty()
        && let Some(schema) = media.get("schema")
    {
        out.extend(
            schema_examples(spec, schema, 0)
                .into_iter()
                .map(|value| Example {
                    name: None,
                    summary: None,
                    value,
                    source: ExampleSource::Schema,
                }),
        );
    }
    out
}

/// The media type a JSON client would see: `application/json`, else any
/// other JSON media type (`application/problem+json`, `application/json;
/// charset=utf-8`), else the first one, so non-JSON bodies still have
/// examples.
fn json_media_type(content: &Value) -> Option<&Value> {
    let content = content.as_object()?;
    content
        .get("application/json")
        .or_else(|| {
            content.iter().find_map(|(mime, media)| {
                let essence = mime.split(';').next().unwrap_or_default().trim();
                (essence == "application/json" || essence.ends_with("+json")).then_some(media)
            })
        })
        .or_else(|| content.values().next())
}

fn schema_examples<'a>(spec: &'a Spec, schema: &'a Value, depth: usize) -> Vec<&'a Value> {
    if depth > MAX_REF_HOPS {
        return Vec::new();
    }
    // A schema's own example wins over its $ref target's: in 3.1 `$ref`
    // siblings apply, and utoipa puts field-level examples there.
    if let Some(example) = schema.get("example") {
        return vec![example];
    }
    if let Some(examples) = schema.get("examples").and_then(Value::as_array)
        && !examples.is_empty()
    {
        return examples.iter().collect();
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return spec
            .resolve_ref(reference)
            .map(|target| schema_examples(spec, target, depth + 1))
            .unwrap_or_default();
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        let Some(members) = schema.get(key).and_then(Value::as_array) else {
            continue;
        };
        let mut non_null = members.iter().filter(|m| !is_null_schema(m));
        if let (Some(only), None) = (non_null.next(), non_null.next()) {
            return schema_examples(spec, only, depth + 1);
        }
    }
    Vec::new()
}
