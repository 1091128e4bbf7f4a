//! `operations.ts`: where each operation's arguments travel, which the runtime (`caller.ts`)
//! reads to turn a method's arguments into the native entry point's parameters and body.

use crate::model::{ArgumentSource, Location};

use super::models::assemble;
use super::params::arguments;
use super::types::{Imports, Types, key, string, variable};
use crate::writer::Writer;

/// The hand-written module that defines `OperationShape` and the caller.
pub const CALLER_MODULE: &str = "../caller.js";

pub fn module(types: &Types<'_>) -> String {
    let mut imports = Imports::new("./operations.js");
    imports.add(CALLER_MODULE, "OperationShape");
    let mut w = Writer::typescript();
    w.blank();
    w.doc("Every operation by its `operationId`: its method on the client and where its arguments go.");
    w.line("export const OPERATIONS = {");
    w.indented(|w| {
        for op in &types.api.operations {
            let list = |names: Vec<String>| {
                names
                    .iter()
                    .map(|n| string(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let path = list(
                op.path_parameters()
                    .iter()
                    .map(|p| p.name.clone())
                    .collect(),
            );
            let query = list(
                arguments(op)
                    .into_iter()
                    .filter(|a| a.source == ArgumentSource::Query)
                    .map(|a| a.name)
                    .collect(),
            );
            let headers: Vec<String> = op
                .parameters
                .iter()
                .filter(|p| p.location == Location::Header)
                .map(|p| format!("{}: {}", key(&variable(&p.name)), string(&p.name)))
                .collect();
            let body = match &op.body {
                None => "none",
                Some(b) if b.fields.is_some() => "fields",
                Some(_) => "value",
            };
            w.block(&format!("{}: {{", key(op.id())), "},", |w| {
                w.line(format!("resource: {},", string(&op.name.resource_camel())));
                w.line(format!("method: {},", string(&op.name.method_camel())));
                w.line(format!(
                    "http: {},",
                    string(&format!("{} {}", op.method.to_uppercase(), op.path))
                ));
                w.line(format!("path: [{path}],"));
                w.line(format!("query: [{query}],"));
                if headers.is_empty() {
                    w.line("headers: {},");
                } else {
                    w.line(format!("headers: {{ {} }},", headers.join(", ")));
                }
                w.line(format!("body: {},", string(body)));
                w.line(format!(
                    "bodyRequired: {},",
                    op.body.as_ref().is_some_and(|b| b.required)
                ));
                w.line(format!("list: {},", op.paging.is_some()));
            });
        }
    });
    w.line("} as const satisfies { readonly [operationId: string]: OperationShape };");
    w.blank();
    w.doc("An operation's `operationId`.");
    w.line("export type OperationId = keyof typeof OPERATIONS;");
    assemble(
        "Operations: where each operation's arguments travel, read by the runtime's caller.",
        &imports,
        w,
    )
}
