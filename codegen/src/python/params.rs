//! `params.py`: a TypedDict per object schema a request takes (nested request bodies).

use crate::model::{Api, Definition, Object, Property};

use super::types::{Side, Types, is_identifier, param_name, string};
use crate::writer::Writer;

pub fn module(api: &Api) -> String {
    let types = Types::new(api);
    let mut w = Writer::python();
    w.line(super::header("Request parameters: a TypedDict per object a request takes.").trim_end());
    w.blank();
    w.line("from datetime import date, datetime");
    w.line("from typing import Dict, List, Literal, Optional, TypedDict, Union");
    w.blank();
    w.line("from .._models import JsonValue");
    w.line("from .models import *  # noqa: F403 (aliases such as ids and enums)");
    w.blank();
    let objects: Vec<(&str, &Object, Option<&str>)> = api
        .types
        .iter()
        .filter(|t| types.request_objects.contains(&t.name))
        .filter_map(|t| match &t.definition {
            Definition::Object(o) => Some((t.name.as_str(), o, t.description.as_deref())),
            Definition::Alias(_) => None,
        })
        .collect();
    let names: Vec<String> = objects.iter().map(|(n, _, _)| param_name(n)).collect();
    super::models::all(&mut w, &names);
    for (name, object, description) in objects {
        w.blank();
        w.blank();
        typed_dict(&mut w, &types, &param_name(name), description, object);
    }
    w.finish()
}

/// A TypedDict: required keys in a base class, the others in a `total=False` subclass (the
/// form that needs no `NotRequired`, absent before Python 3.11). Keys that are not identifiers
/// (`a-b`, `from`) need the functional form.
fn typed_dict(
    w: &mut Writer,
    types: &Types<'_>,
    name: &str,
    description: Option<&str>,
    object: &Object,
) {
    let required: Vec<&Property> = object.properties.iter().filter(|p| p.required).collect();
    let optional: Vec<&Property> = object.properties.iter().filter(|p| !p.required).collect();
    let base = format!("_{name}Required");
    let functional = object.properties.iter().any(|p| !is_identifier(&p.name));
    if functional {
        let fields = |props: &[&Property]| {
            props
                .iter()
                .map(|p| format!("{}: {}", string(&p.name), types.expr(&p.ty, Side::Request)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let optional_base = format!("_{name}Optional");
        w.line(format!(
            "{base} = TypedDict({}, {{{}}})",
            string(&base),
            fields(&required)
        ));
        w.line(format!(
            "{optional_base} = TypedDict({}, {{{}}}, total=False)",
            string(&optional_base),
            fields(&optional)
        ));
        w.blank();
        w.blank();
        w.line(format!("class {name}({base}, {optional_base}):"));
        w.indented(|w| {
            w.docstring(description.unwrap_or(name));
        });
        return;
    }
    let field = |p: &Property| format!("{}: {}", p.name, types.expr(&p.ty, Side::Request));
    w.line(format!("class {base}(TypedDict):"));
    w.indented(|w| {
        if required.is_empty() {
            w.line("pass");
        }
        for p in &required {
            w.line(field(p));
            if let Some(d) = &p.description {
                w.docstring(d);
            }
        }
    });
    w.blank();
    w.blank();
    w.line(format!("class {name}({base}, total=False):"));
    w.indented(|w| {
        w.docstring(description.unwrap_or(name));
        for p in &optional {
            w.line(field(p));
            if let Some(d) = &p.description {
                w.docstring(d);
            }
        }
    });
}
