//! Rust: a whole program on the `vinsnap` crate's generated builders (`client.<operationId>()`),
//! the body read from the documented example into the SDK's type for it.

use std::fmt::Write;

use serde_json::Value;

use super::Call;

pub fn sample(call: &Call) -> String {
    let mut out = String::new();
    out.push_str("use vinsnap::prelude::*;\n");
    if call.body.is_some() {
        out.push_str("use vinsnap::types;\n");
    }
    out.push_str(
        "\n#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {\n    \
         let client = Client::builder(std::env::var(\"VINSNAP_API_KEY\")?)\n        \
         .base_url(std::env::var(\"VINSNAP_BASE_URL\")?)\n        .build()?;\n\n",
    );
    if let Some(body) = &call.body {
        let _ = writeln!(
            out,
            "    let body: types::{} = serde_json::from_value(serde_json::json!({}))?;",
            body.type_name,
            json_macro(&body.example, 1)
        );
    }
    if call.op.paging.is_some() {
        out.push_str(
            "    // One page; `.stream()` instead of `.send()` yields every item of every page.\n",
        );
    }
    let _ = writeln!(
        out,
        "    let response = client\n        .{}()",
        call.op.id()
    );
    for param in call.path_params.iter().chain(&call.query) {
        let _ = writeln!(
            out,
            "        .{}({})",
            ident(&param.name),
            literal(&param.value)
        );
    }
    if call.body.is_some() {
        out.push_str("        .body(body)\n");
    }
    out.push_str("        .send()\n        .await\n        .map_err(vinsnap::Error::from)?;\n");
    out.push_str("    println!(\"{:#?}\", response.into_inner());\n    Ok(())\n}\n");
    out
}

/// A parameter value as a Rust literal the builder's `TryInto` setters accept.
fn literal(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) => format!(
            "vec![{}]",
            items.iter().map(literal).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

/// `value` in `serde_json::json!` syntax, pretty-printed at `depth` levels of 4 spaces. Strings
/// are Rust literals, so any escape in them is one Rust accepts.
fn json_macro(value: &Value, depth: usize) -> String {
    let indent = |d: usize| "    ".repeat(d);
    match value {
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) if !items.is_empty() => {
            let inner: Vec<String> = items
                .iter()
                .map(|v| format!("{}{}", indent(depth + 1), json_macro(v, depth + 1)))
                .collect();
            format!("[\n{}\n{}]", inner.join(",\n"), indent(depth))
        }
        Value::Object(map) if !map.is_empty() => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}{k:?}: {}", indent(depth + 1), json_macro(v, depth + 1)))
                .collect();
            format!("{{\n{}\n{}}}", inner.join(",\n"), indent(depth))
        }
        other => other.to_string(),
    }
}

/// A parameter name as progenitor names its builder method: snake_case, a keyword gets `_`.
fn ident(name: &str) -> String {
    let mut snake = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && !snake.ends_with('_') {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            snake.push(c);
        } else if !snake.ends_with('_') {
            snake.push('_');
        }
    }
    if KEYWORDS.contains(&snake.as_str()) {
        snake.push('_');
    }
    snake
}

const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn parameter_names_become_builder_methods() {
        assert_eq!(ident("type"), "type_");
        assert_eq!(ident("vehicle_id"), "vehicle_id");
        assert_eq!(ident("eventType"), "event_type");
        assert_eq!(ident("X-Trace"), "x_trace");
    }

    #[test]
    fn json_strings_are_rust_literals() {
        let text = json_macro(&json!({"a": "q\"\u{1}", "b": [1, null], "c": {}}), 0);
        assert_eq!(
            text,
            "{\n    \"a\": \"q\\\"\\u{1}\",\n    \"b\": [\n        1,\n        null\n    ],\n    \"c\": {}\n}"
        );
    }
}
