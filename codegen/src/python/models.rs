//! `models.py`: a class per object schema, an alias per other schema.

use crate::model::{Api, Definition, NamedType, Object, Property, Ty};

use super::types::{Side, Types, attribute, class_name, string};
use crate::writer::Writer;

pub fn module(api: &Api) -> String {
    let types = Types::new(api);
    let mut w = Writer::python();
    w.line(
        super::header(
            "Response models: one class per object schema of the spec, an alias per other schema.",
        )
        .trim_end(),
    );
    w.blank();
    w.line("from datetime import date, datetime");
    w.line("from typing import Any, ClassVar, Dict, List, Literal, Optional, Tuple, Union");
    w.blank();
    w.line("from .._models import JsonValue, Model, decode_any_of, parse_date, parse_datetime");
    w.blank();
    let names: Vec<String> = api.types.iter().map(|t| class_name(&t.name)).collect();
    all(&mut w, &names);
    for named in &api.types {
        w.blank();
        w.blank();
        match &named.definition {
            Definition::Alias(ty) => alias(&mut w, &types, named, ty),
            Definition::Object(object) => {
                class(
                    &mut w,
                    &types,
                    &class_name(&named.name),
                    named.description.as_deref(),
                    object,
                );
            }
        }
    }
    w.finish()
}

pub fn all(w: &mut Writer, names: &[String]) {
    w.line("__all__ = [");
    w.indented(|w| {
        for name in names {
            w.line(format!("{},", string(name)));
        }
    });
    w.line("]");
}

fn alias(w: &mut Writer, types: &Types<'_>, named: &NamedType, ty: &Ty) {
    w.line(format!(
        "{} = {}",
        class_name(&named.name),
        types.alias_expr(ty, Side::Response)
    ));
    if let Some(description) = &named.description {
        w.docstring(description);
    }
}

/// The Python type of a model attribute: optional or nullable fields may hold `None`.
fn attribute_type(types: &Types<'_>, p: &Property) -> String {
    let ty = types.expr(&p.ty, Side::Response);
    if p.required || p.ty.is_nullable() {
        ty
    } else {
        format!("Optional[{ty}]")
    }
}

/// A model class: slots, typed attributes, a keyword-only `__init__`, and `_from_json`.
pub fn class(
    w: &mut Writer,
    types: &Types<'_>,
    name: &str,
    description: Option<&str>,
    object: &Object,
) {
    class_with_base(w, types, name, "Model", description, object);
}

pub fn class_with_base(
    w: &mut Writer,
    types: &Types<'_>,
    name: &str,
    base: &str,
    description: Option<&str>,
    object: &Object,
) {
    w.line(format!("class {name}({base}):"));
    w.indented(|w| {
        w.docstring(description.unwrap_or(name));
        w.blank();
        let attrs: Vec<String> = object
            .properties
            .iter()
            .map(|p| attribute(&p.name))
            .collect();
        let slots: Vec<String> = attrs.iter().map(|a| string(a)).collect();
        w.line(format!(
            "__slots__ = ({}{})",
            slots.join(", "),
            if slots.len() == 1 { "," } else { "" }
        ));
        w.line("_fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (");
        w.indented(|w| {
            for (p, attr) in object.properties.iter().zip(&attrs) {
                let required = if p.required { "True" } else { "False" };
                w.line(format!(
                    "({}, {}, {required}),",
                    string(attr),
                    string(&p.name)
                ));
            }
        });
        w.line(")");
        w.blank();
        for (p, attr) in object.properties.iter().zip(&attrs) {
            w.line(format!("{attr}: {}", attribute_type(types, p)));
            if let Some(description) = &p.description {
                w.docstring(description);
            }
        }
        w.blank();
        init(w, types, object, &attrs);
        w.blank();
        from_json(w, types, name, object, &attrs);
    });
}

fn init(w: &mut Writer, types: &Types<'_>, object: &Object, attrs: &[String]) {
    if object.properties.is_empty() {
        w.line("def __init__(self) -> None:");
        w.indented(|w| {
            w.line("pass");
        });
        return;
    }
    let mut params: Vec<String> = Vec::new();
    let mut optional: Vec<String> = Vec::new();
    for (p, attr) in object.properties.iter().zip(attrs) {
        let ty = attribute_type(types, p);
        if p.required {
            params.push(format!("{attr}: {ty}"));
        } else {
            optional.push(format!("{attr}: {ty} = None"));
        }
    }
    params.extend(optional);
    w.line("def __init__(");
    w.indented(|w| {
        w.line("self,");
        w.line("*,");
        for param in &params {
            w.line(format!("{param},"));
        }
    });
    w.line(") -> None:");
    w.indented(|w| {
        for attr in attrs {
            w.line(format!("self.{attr} = {attr}"));
        }
    });
}

fn from_json(w: &mut Writer, types: &Types<'_>, name: &str, object: &Object, attrs: &[String]) {
    w.line("@classmethod");
    w.line(format!("def _from_json(cls, d: Any) -> {name}:"));
    w.indented(|w| {
        w.line("self = cls.__new__(cls)");
        for (p, attr) in object.properties.iter().zip(attrs) {
            w.line(format!("self.{attr} = {}", field_decoder(types, p)));
        }
        w.line("return self");
    });
}

/// Reads one property from the JSON object `d`.
pub fn field_decoder(types: &Types<'_>, p: &Property) -> String {
    let key = string(&p.name);
    let present = p.required && !p.ty.is_nullable();
    let raw = if present {
        format!("d[{key}]")
    } else {
        format!("d.get({key})")
    };
    if present {
        types.decode(&p.ty, &raw, 0).unwrap_or(raw)
    } else {
        let ty = if p.ty.is_nullable() {
            p.ty.clone()
        } else {
            Ty::Union(vec![p.ty.clone(), Ty::Null])
        };
        types.decode(&ty, &raw, 0).unwrap_or(raw)
    }
}
