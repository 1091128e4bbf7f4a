//! `params.ts`: the arguments object of each operation that takes one.
//!
//! Its keys are the query parameters and body fields under their wire names; a body that is
//! not an object is the key `body`. Required arguments are required keys; an optional key
//! left out (or `undefined`) is not sent, and `null` is sent as `null` where the spec allows it.

use crate::model::{Argument, ArgumentSource, Constraints, Operation, Ty};

use super::models::{Field, assemble, property};
use super::types::{Imports, Types};
use crate::writer::Writer;

/// The keyword arguments of `op` as the arguments object holds them.
pub fn arguments(op: &Operation) -> Vec<Argument> {
    let mut args = op.arguments();
    if let Some(body) = op.body.as_ref().filter(|b| b.fields.is_none()) {
        args.push(Argument {
            name: "body".into(),
            ty: body.ty.clone(),
            required: body.required,
            description: Some("The request body.".into()),
            source: ArgumentSource::Body,
        });
    }
    args
}

/// Whether `op` takes an arguments object (it has query parameters or a body).
pub fn takes_params(op: &Operation) -> bool {
    !arguments(op).is_empty() || op.body.is_some()
}

pub fn module(types: &Types<'_>) -> String {
    let mut imports = Imports::new("./params.js");
    let mut w = Writer::typescript();
    let none = Constraints::default();
    for op in &types.api.operations {
        if !takes_params(op) {
            continue;
        }
        let args = arguments(op);
        w.blank();
        w.doc(&format!(
            "The arguments of `client.{}.{}` (`{}`).",
            op.name.resource_camel(),
            op.name.method_camel(),
            op.id()
        ));
        // Only the fields of a named body schema: that schema is the arguments object.
        if let Some(Ty::Named(schema)) = op
            .body
            .as_ref()
            .filter(|b| b.fields.is_some())
            .map(|b| &b.ty)
            && args.iter().all(|a| a.source == ArgumentSource::Body)
        {
            w.line(format!(
                "export type {} = {};",
                super::params_name(op),
                types.expr(&Ty::Named(schema.clone()), &mut imports)
            ));
            continue;
        }
        w.block(
            &format!("export interface {} {{", super::params_name(op)),
            "}",
            |w| {
                for arg in &args {
                    let constraints = op
                        .parameters
                        .iter()
                        .find(|p| p.name == arg.name && arg.source == ArgumentSource::Query)
                        .map(|p| &p.constraints)
                        .or_else(|| {
                            op.body
                                .as_ref()
                                .and_then(|b| b.fields.as_ref())
                                .and_then(|o| o.property(&arg.name))
                                .map(|p| &p.constraints)
                        })
                        .unwrap_or(&none);
                    property(
                        w,
                        types,
                        &mut imports,
                        Field {
                            name: &arg.name,
                            ty: &arg.ty,
                            required: arg.required,
                            description: arg.description.as_deref(),
                            constraints,
                        },
                    );
                }
            },
        );
    }
    assemble(
        "Arguments: the object each operation takes, query parameters and body fields by their wire names.",
        &imports,
        w,
    )
}
