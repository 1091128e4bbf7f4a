//! Python names, type expressions and the decoding of JSON values into them.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::model::{Api, Definition, Ty};
use crate::naming;

/// Which side of the API a type is written for: what a response holds (model classes,
/// `datetime`) or what a request takes (TypedDicts, `datetime | str`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Response,
    Request,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Names a model instance has already (its methods), which a field cannot take.
const MODEL_MEMBERS: &[&str] = &["to_dict"];

/// Whether `name` can be written as a Python identifier as it is.
pub fn is_identifier(name: &str) -> bool {
    identifier(name) == name
}

/// A JSON name as a Python identifier: `type` stays, `from` is `from_`, `a-b` is `a_b`.
pub fn identifier(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// A field of a model: an identifier that does not shadow the model's own members.
pub fn attribute(name: &str) -> String {
    let id = identifier(name);
    if MODEL_MEMBERS.contains(&id.as_str()) || id.starts_with('_') {
        format!("{id}_")
    } else {
        id
    }
}

/// A schema name as a Python class name.
pub fn class_name(name: &str) -> String {
    let id = identifier(name);
    if id.chars().all(|c| c.is_ascii_alphanumeric()) {
        id
    } else {
        naming::pascal(&id)
    }
}

/// The TypedDict a request takes for the object schema `name`.
pub fn param_name(name: &str) -> String {
    format!("{}Param", class_name(name))
}

/// A JSON value as a Python literal.
pub fn literal(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        other => string(&other.to_string()),
    }
}

/// A Python string literal (double-quoted).
pub fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes types and decoders against one [`Api`].
pub struct Types<'a> {
    pub api: &'a Api,
    /// The object schemas a request takes (each has a TypedDict).
    pub request_objects: BTreeSet<String>,
}

impl<'a> Types<'a> {
    pub fn new(api: &'a Api) -> Types<'a> {
        let request_objects = api
            .request_types()
            .into_iter()
            .filter(|n| {
                matches!(
                    api.named(n).map(|t| &t.definition),
                    Some(Definition::Object(_))
                )
            })
            .collect();
        Types {
            api,
            request_objects,
        }
    }

    fn is_object(&self, name: &str) -> bool {
        matches!(
            self.api.named(name).map(|t| &t.definition),
            Some(Definition::Object(_))
        )
    }

    fn alias(&self, name: &str) -> Option<&'a Ty> {
        match &self.api.named(name)?.definition {
            Definition::Alias(ty) => Some(ty),
            Definition::Object(_) => None,
        }
    }

    /// The Python type of `ty`, for an annotation.
    pub fn expr(&self, ty: &Ty, side: Side) -> String {
        self.render(ty, side, false)
    }

    /// [`Types::expr`] for the right side of a module-level alias, which runs when the module
    /// loads: names of generated classes are quoted (forward references).
    pub fn alias_expr(&self, ty: &Ty, side: Side) -> String {
        self.render(ty, side, true)
    }

    fn render(&self, ty: &Ty, side: Side, quoted: bool) -> String {
        let name = |n: String| if quoted { string(&n) } else { n };
        match ty {
            Ty::Any => "JsonValue".into(),
            Ty::Null => "None".into(),
            Ty::Bool => "bool".into(),
            Ty::Integer => "int".into(),
            Ty::Number => "float".into(),
            Ty::String => "str".into(),
            Ty::DateTime => match side {
                Side::Response => "datetime".into(),
                Side::Request => "Union[datetime, str]".into(),
            },
            Ty::Date => match side {
                Side::Response => "date".into(),
                Side::Request => "Union[date, str]".into(),
            },
            Ty::Literal(values) => {
                let (nulls, rest): (Vec<&Value>, Vec<&Value>) =
                    values.iter().partition(|v| v.is_null());
                let lit = format!(
                    "Literal[{}]",
                    rest.iter()
                        .map(|v| literal(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                if nulls.is_empty() {
                    lit
                } else {
                    format!("Optional[{lit}]")
                }
            }
            Ty::Array(inner) => format!("List[{}]", self.render(inner, side, quoted)),
            Ty::Map(inner) => format!("Dict[str, {}]", self.render(inner, side, quoted)),
            Ty::Named(n) => {
                if self.is_object(n) {
                    match side {
                        Side::Response => name(class_name(n)),
                        Side::Request => name(param_name(n)),
                    }
                } else if side == Side::Request
                    && self
                        .alias(n)
                        .is_some_and(|t| self.differs_by_side(t, &mut BTreeSet::new()))
                {
                    self.render(self.alias(n).expect("an alias"), side, quoted)
                } else if self.api.named(n).is_some() {
                    name(class_name(n))
                } else {
                    "JsonValue".into()
                }
            }
            Ty::Union(members) => {
                let nullable = members.contains(&Ty::Null);
                let rest: Vec<String> = members
                    .iter()
                    .filter(|m| **m != Ty::Null)
                    .map(|m| self.render(m, side, quoted))
                    .collect();
                let inner = if rest.len() == 1 {
                    rest[0].clone()
                } else {
                    format!("Union[{}]", rest.join(", "))
                };
                if nullable {
                    format!("Optional[{inner}]")
                } else {
                    inner
                }
            }
        }
    }

    /// Whether a type is written differently for requests than for responses (it holds an
    /// object or a date somewhere).
    fn differs_by_side(&self, ty: &Ty, seen: &mut BTreeSet<String>) -> bool {
        match ty {
            Ty::DateTime | Ty::Date => true,
            Ty::Array(inner) | Ty::Map(inner) => self.differs_by_side(inner, seen),
            Ty::Union(members) => members.iter().any(|m| self.differs_by_side(m, seen)),
            Ty::Named(n) => {
                if self.is_object(n) {
                    return true;
                }
                seen.insert(n.clone())
                    && self.alias(n).is_some_and(|t| self.differs_by_side(t, seen))
            }
            _ => false,
        }
    }

    /// The expression turning the JSON value `expr` into `ty`'s Python value, or `None` when the
    /// JSON value already is it (strings, numbers, enums, plain lists).
    pub fn decode(&self, ty: &Ty, expr: &str, depth: usize) -> Option<String> {
        let var = format!("v{depth}");
        match ty {
            Ty::DateTime => Some(format!("parse_datetime({expr})")),
            Ty::Date => Some(format!("parse_date({expr})")),
            Ty::Named(n) if self.is_object(n) => {
                Some(format!("{}._from_json({expr})", class_name(n)))
            }
            Ty::Named(n) => self.alias(n).and_then(|t| self.decode(t, expr, depth)),
            Ty::Array(inner) => self
                .decode(inner, &var, depth + 1)
                .map(|d| format!("[{d} for {var} in {expr}]")),
            Ty::Map(inner) => self
                .decode(inner, &var, depth + 1)
                .map(|d| format!("{{k{depth}: {d} for k{depth}, {var} in {expr}.items()}}")),
            Ty::Union(members) => {
                let non_null: Vec<&Ty> = members.iter().filter(|m| **m != Ty::Null).collect();
                let inner = if non_null.len() == 1 {
                    self.decode(non_null[0], &var, depth + 1)?
                } else {
                    let decoders: Vec<String> = non_null
                        .iter()
                        .filter_map(|m| self.decode(m, &var, depth + 1))
                        .map(|d| format!("lambda {var}: {d}"))
                        .collect();
                    if decoders.is_empty() {
                        return None;
                    }
                    // Members needing no conversion have no decoder: a value no decoder takes is
                    // one of them, kept as it is.
                    format!("decode_any_of({var}, ({},))", decoders.join(", "))
                };
                if members.contains(&Ty::Null) {
                    Some(format!("None if ({var} := {expr}) is None else {inner}"))
                } else {
                    Some(format!("(lambda {var}: {inner})({expr})"))
                }
            }
            _ => None,
        }
    }
}
