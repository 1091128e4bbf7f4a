//! `models.ts`: an interface per object schema, a type alias per other schema.

use crate::model::{Constraints, Definition, NamedType, Object, Ty};

use super::types::{Imports, MODELS_MODULE, Types, documented, key, notes};
use crate::writer::Writer;

pub fn module(types: &Types<'_>) -> String {
    let mut imports = Imports::new(MODELS_MODULE);
    let mut body = Writer::typescript();
    for named in &types.api.types {
        body.blank();
        match &named.definition {
            Definition::Alias(ty) => alias(&mut body, types, &mut imports, named, ty),
            Definition::Object(object) => interface(
                &mut body,
                types,
                &mut imports,
                types.name(&named.name),
                None,
                named.description.as_deref(),
                object,
            ),
        }
    }
    assemble(
        "Models: an interface per object schema of the spec, a type alias per other schema.",
        &imports,
        body,
    )
}

/// A generated module: its header, its imports, then `body`.
pub fn assemble(what: &str, imports: &Imports, body: Writer) -> String {
    let mut out = super::header(what);
    let lines = imports.type_lines();
    if !lines.is_empty() {
        out.push('\n');
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str(&body.finish());
    out
}

fn alias(w: &mut Writer, types: &Types<'_>, imports: &mut Imports, named: &NamedType, ty: &Ty) {
    w.doc(&documented(
        named.description.as_deref(),
        &notes(ty, &named.constraints),
    ));
    w.line(format!(
        "export type {} = {};",
        types.name(&named.name),
        types.expr(ty, imports)
    ));
}

/// An interface of readonly properties under their wire names; `extends` names its base.
pub fn interface(
    w: &mut Writer,
    types: &Types<'_>,
    imports: &mut Imports,
    name: &str,
    extends: Option<&str>,
    description: Option<&str>,
    object: &Object,
) {
    w.doc(description.unwrap_or(name));
    let head = match extends {
        Some(base) => format!("export interface {name} extends {base} {{"),
        None => format!("export interface {name} {{"),
    };
    if object.properties.is_empty() && extends.is_none() {
        // Any JSON object when the spec leaves it open (not `{}`, which takes any value), the
        // empty object when it is closed.
        let value = if object.open {
            types.expr(&Ty::Any, imports)
        } else {
            "never".into()
        };
        w.line(format!(
            "export interface {name} {{ readonly [key: string]: {value} }}"
        ));
        return;
    }
    w.block(&head, "}", |w| {
        for p in &object.properties {
            property(
                w,
                types,
                imports,
                Field {
                    name: &p.name,
                    ty: &p.ty,
                    required: p.required,
                    description: p.description.as_deref(),
                    constraints: &p.constraints,
                },
            );
        }
    });
}

/// One property of an interface.
pub struct Field<'a> {
    pub name: &'a str,
    pub ty: &'a Ty,
    pub required: bool,
    pub description: Option<&'a str>,
    pub constraints: &'a Constraints,
}

/// `readonly name: T;`, `readonly name?: T;` when it may be left out, with its documentation.
pub fn property(w: &mut Writer, types: &Types<'_>, imports: &mut Imports, field: Field<'_>) {
    w.doc(&documented(
        field.description,
        &notes(field.ty, field.constraints),
    ));
    let optional = if field.required { "" } else { "?" };
    w.line(format!(
        "readonly {}{optional}: {};",
        key(field.name),
        types.expr(field.ty, imports)
    ));
}
