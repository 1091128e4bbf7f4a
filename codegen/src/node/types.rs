//! TypeScript names and type expressions, and the imports a generated module needs.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::model::{Api, Constraints, Ty};
use crate::naming;

/// The module of the hand-written runtime that defines `JsonValue`.
pub const JSON_MODULE: &str = "../json.js";
/// The generated module of the models.
pub const MODELS_MODULE: &str = "./models.js";

const RESERVED: &[&str] = &[
    "arguments",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// A JSON name as a variable or parameter name: `location_id` is `locationId`, a reserved
/// word takes a trailing `_`.
pub fn variable(name: &str) -> String {
    let mut out = if name.chars().all(|c| c.is_ascii_alphanumeric()) {
        naming::camel(name)
    } else {
        let snake: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        naming::camel(&snake.to_ascii_lowercase())
    };
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if RESERVED.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// A property key as written in an interface or object literal: bare when it can be.
pub fn key(name: &str) -> String {
    if is_identifier(name) {
        name.to_owned()
    } else {
        string(name)
    }
}

/// A schema or operation name as a type name: `webhook_endpoint` is `WebhookEndpoint`.
pub fn type_name(name: &str) -> String {
    if is_identifier(name) && name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return name.to_owned();
    }
    let snake: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let mut out = naming::pascal(&snake);
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// A TypeScript string literal (single-quoted).
pub fn string(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A JSON value as a literal type, `None` for objects and arrays (no literal type for them).
fn literal(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some("null".into()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(string(s)),
        _ => None,
    }
}

/// The names a generated module imports, by module; names of the module itself are skipped.
#[derive(Debug, Default)]
pub struct Imports {
    own: &'static str,
    by_module: BTreeMap<&'static str, BTreeSet<String>>,
}

impl Imports {
    /// Imports for the module `own` (as other modules import it, `./models.js`).
    pub fn new(own: &'static str) -> Imports {
        Imports {
            own,
            by_module: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, module: &'static str, name: impl Into<String>) {
        if module != self.own {
            self.by_module
                .entry(module)
                .or_default()
                .insert(name.into());
        }
    }

    /// The `import type` lines, runtime modules first.
    pub fn type_lines(&self) -> Vec<String> {
        let mut modules: Vec<&&str> = self.by_module.keys().collect();
        modules.sort_by_key(|m| (!m.starts_with("../"), **m));
        modules
            .into_iter()
            .map(|m| {
                let names: Vec<&str> = self.by_module[m].iter().map(String::as_str).collect();
                format!("import type {{ {} }} from '{m}';", names.join(", "))
            })
            .collect()
    }
}

/// Writes type expressions against one [`Api`], with its schemas' TypeScript names.
pub struct Types<'a> {
    pub api: &'a Api,
    names: BTreeMap<String, String>,
}

impl<'a> Types<'a> {
    /// `names` maps each schema of `api` to its TypeScript name.
    pub fn new(api: &'a Api, names: BTreeMap<String, String>) -> Types<'a> {
        Types { api, names }
    }

    /// The TypeScript name of the schema `name`.
    pub fn name<'s>(&'s self, name: &'s str) -> &'s str {
        self.names.get(name).map(String::as_str).unwrap_or(name)
    }

    /// The TypeScript type of `ty`, recording the names it needs in `imports`.
    pub fn expr(&self, ty: &Ty, imports: &mut Imports) -> String {
        match ty {
            Ty::Any => {
                imports.add(JSON_MODULE, "JsonValue");
                "JsonValue".into()
            }
            Ty::Null => "null".into(),
            Ty::Bool => "boolean".into(),
            Ty::Integer | Ty::Number => "number".into(),
            Ty::String | Ty::DateTime | Ty::Date => "string".into(),
            Ty::Literal(values) => {
                let literals: Option<Vec<String>> = values.iter().map(literal).collect();
                match literals {
                    Some(l) if l.is_empty() => "never".into(),
                    Some(l) => l.join(" | "),
                    None => self.expr(&Ty::Any, imports),
                }
            }
            Ty::Array(inner) => {
                let inner = self.expr(inner, imports);
                if inner.contains(' ') {
                    format!("ReadonlyArray<{inner}>")
                } else {
                    format!("readonly {inner}[]")
                }
            }
            Ty::Map(inner) => {
                format!(
                    "{{ readonly [key: string]: {} }}",
                    self.expr(inner, imports)
                )
            }
            Ty::Named(n) => {
                if self.api.named(n).is_none() {
                    return self.expr(&Ty::Any, imports);
                }
                let name = self.name(n).to_owned();
                imports.add(MODELS_MODULE, name.clone());
                name
            }
            Ty::Union(members) => {
                // `null` last, as people write it.
                let mut parts: Vec<String> = members
                    .iter()
                    .filter(|m| **m != Ty::Null)
                    .map(|m| self.expr(m, imports))
                    .collect();
                if members.contains(&Ty::Null) {
                    parts.push("null".into());
                }
                let mut seen = BTreeSet::new();
                parts.retain(|p| seen.insert(p.clone()));
                parts.join(" | ")
            }
        }
    }
}

/// What a value's documentation says beyond its description: its format and constraints.
pub fn notes(ty: &Ty, constraints: &Constraints) -> Vec<String> {
    let mut notes = Vec::new();
    match ty.non_null() {
        Ty::DateTime => notes.push("An RFC 3339 date-time (`2026-11-22T10:15:30Z`).".into()),
        Ty::Date => notes.push("A date (`2026-11-22`).".into()),
        _ => {}
    }
    let number = |n: f64| {
        if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{}", n as i64)
        } else {
            n.to_string()
        }
    };
    let range = |what: &str, min: Option<String>, max: Option<String>| {
        let bounds = match (min, max) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            (Some(a), None) => format!("at least {a}"),
            (None, Some(b)) => format!("at most {b}"),
            (None, None) => return None,
        };
        Some(format!("{what}{bounds}"))
    };
    let mut parts = Vec::new();
    if let Some(p) = &constraints.pattern {
        parts.push(format!("matches `{p}`"));
    }
    parts.extend(range(
        "",
        constraints.minimum.map(number),
        constraints.maximum.map(number),
    ));
    parts.extend(range(
        "length ",
        constraints.min_length.map(|n| n.to_string()),
        constraints.max_length.map(|n| n.to_string()),
    ));
    parts.extend(range(
        "items ",
        constraints.min_items.map(|n| n.to_string()),
        constraints.max_items.map(|n| n.to_string()),
    ));
    if !parts.is_empty() {
        notes.push(format!("Constraints: {}.", parts.join("; ")));
    }
    notes
}

/// A description followed by its notes, as one documentation text.
pub fn documented(description: Option<&str>, notes: &[String]) -> String {
    let mut text = description.unwrap_or_default().trim().to_owned();
    for note in notes {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(note);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(variable("location_id"), "locationId");
        assert_eq!(variable("Idempotency-Key"), "idempotencyKey");
        assert_eq!(variable("default"), "default_");
        assert_eq!(variable("2fa"), "_2fa");
        assert_eq!(variable("vehicleId"), "vehicleId");
        assert_eq!(key("created_at"), "created_at");
        assert_eq!(key("x-trace"), "'x-trace'");
        assert_eq!(type_name("Customer"), "Customer");
        assert_eq!(type_name("ping_event_data"), "PingEventData");
        assert_eq!(type_name("customer.created"), "CustomerCreated");
        assert_eq!(string("it's"), "'it\\'s'");
    }
}
