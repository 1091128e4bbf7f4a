//! `resources.ts`: a class per resource (the operations' first tag) with a method per
//! operation, the pages of lists that carry fields of their own, and `Resources`, the base
//! class that puts every resource on the client.
//!
//! Path parameters are positional, in path order; query parameters and body fields are one
//! arguments object (`params.ts`); header parameters (`Idempotency-Key`) are an optional last
//! `options` object under camelCase names. A list returns a `PagePromise`: awaited, the first
//! page; iterated with `for await`, every item of every page.

use crate::model::{Api, ArgumentSource, Location, Object, Operation, Parameter};

use super::models::{assemble, interface};
use super::operations::CALLER_MODULE;
use super::params::{arguments, takes_params};
use super::types::{Imports, Types, key, variable};
use crate::writer::Writer;

const PAGINATION_MODULE: &str = "../pagination.js";

pub fn module(types: &Types<'_>) -> String {
    let api = types.api;
    let mut imports = Imports::new("./resources.js");
    imports.add(CALLER_MODULE, "Caller");
    let mut w = Writer::typescript();
    for op in api.operations.iter().filter(|op| has_own_page(op)) {
        w.blank();
        page(&mut w, types, &mut imports, op);
    }
    let resources = api.resources();
    for resource in &resources {
        w.blank();
        resource_class(&mut w, types, &mut imports, api, resource);
    }
    w.blank();
    w.doc("The resources of a client: one property per tag of the spec.");
    w.block("export class Resources {", "}", |w| {
        for resource in &resources {
            w.doc(&format!(
                "The `{}` operations.",
                crate::naming::camel(resource)
            ));
            w.line(format!(
                "readonly {}: {};",
                crate::naming::camel(resource),
                super::resource_class(resource)
            ));
        }
        w.blank();
        w.block("protected constructor(client: Caller) {", "}", |w| {
            for resource in &resources {
                w.line(format!(
                    "this.{} = new {}(client);",
                    crate::naming::camel(resource),
                    super::resource_class(resource)
                ));
            }
        });
    });
    assemble(
        "Resources: the operations of each tag of the spec, as methods.",
        &imports,
        w,
    )
}

fn has_own_page(op: &Operation) -> bool {
    op.paging.as_ref().is_some_and(|p| !p.extra.is_empty())
}

/// A page type with the response's other fields (a parts search's `vehicle`).
fn page(w: &mut Writer, types: &Types<'_>, imports: &mut Imports, op: &Operation) {
    let paging = op.paging.as_ref().expect("a list operation");
    imports.add(PAGINATION_MODULE, "Page");
    let item = types.expr(&paging.item, imports);
    let object = Object {
        properties: paging.extra.clone(),
        open: true,
    };
    interface(
        w,
        types,
        imports,
        &super::page_name(op),
        Some(&format!("Page<{item}>")),
        Some(&format!(
            "A page of `client.{}.{}`: its items, and the response's other fields.",
            op.name.resource_camel(),
            op.name.method_camel()
        )),
        &object,
    );
}

fn resource_class(
    w: &mut Writer,
    types: &Types<'_>,
    imports: &mut Imports,
    api: &Api,
    resource: &str,
) {
    w.doc(&format!(
        "The `{}` operations: `client.{}`.",
        resource,
        crate::naming::camel(resource)
    ));
    w.block(
        &format!("export class {} {{", super::resource_class(resource)),
        "}",
        |w| {
            w.line("readonly #client: Caller;");
            w.blank();
            w.block("constructor(client: Caller) {", "}", |w| {
                w.line("this.#client = client;");
            });
            for op in api
                .operations
                .iter()
                .filter(|op| op.name.resource == resource)
            {
                w.blank();
                method(w, types, imports, op);
            }
        },
    );
}

fn method(w: &mut Writer, types: &Types<'_>, imports: &mut Imports, op: &Operation) {
    let positional = op.path_parameters();
    let headers: Vec<&Parameter> = op
        .parameters
        .iter()
        .filter(|p| p.location == Location::Header)
        .collect();
    let mut signature: Vec<String> = positional
        .iter()
        .map(|p| format!("{}: {}", variable(&p.name), types.expr(&p.ty, imports)))
        .collect();
    let params = takes_params(op);
    if params {
        let name = super::params_name(op);
        imports.add("./params.js", name.clone());
        if arguments(op).iter().any(|a| a.required) {
            signature.push(format!("params: {name}"));
        } else {
            signature.push(format!("params: {name} = {{}}"));
        }
    }
    if !headers.is_empty() {
        let fields: Vec<String> = headers
            .iter()
            .map(|h| {
                let optional = if h.required { "" } else { "?" };
                format!(
                    "readonly {}{optional}: {}",
                    key(&variable(&h.name)),
                    types.expr(&h.ty, imports)
                )
            })
            .collect();
        let optional = if headers.iter().any(|h| h.required) {
            ""
        } else {
            "?"
        };
        signature.push(format!("options{optional}: {{ {} }}", fields.join("; ")));
    }
    let path_object = if positional.is_empty() {
        "{}".to_string()
    } else {
        let entries: Vec<String> = positional
            .iter()
            .map(|p| {
                let var = variable(&p.name);
                if var == p.name {
                    var
                } else {
                    format!("{}: {var}", key(&p.name))
                }
            })
            .collect();
        format!("{{ {} }}", entries.join(", "))
    };
    let mut call_args = vec![super::types::string(op.id()), path_object];
    if params || !headers.is_empty() {
        call_args.push(if params { "params" } else { "undefined" }.into());
    }
    if !headers.is_empty() {
        call_args.push("options".into());
    }
    w.doc(&doc(op, &positional, params, &headers));
    // A method is a property: `delete` is a fine name for one.
    let name = key(&op.name.method_camel());
    if let Some(paging) = &op.paging {
        imports.add(PAGINATION_MODULE, "PagePromise");
        let item = types.expr(&paging.item, imports);
        let generics = if has_own_page(op) {
            format!("{item}, {}", super::page_name(op))
        } else {
            item
        };
        w.block(
            &format!(
                "{name}({}): PagePromise<{generics}> {{",
                signature.join(", ")
            ),
            "}",
            |w| {
                w.line(format!(
                    "return this.#client.list<{generics}>({});",
                    call_args.join(", ")
                ));
            },
        );
        return;
    }
    let returns = match &op.response {
        Some(ty) => types.expr(ty, imports),
        None => "void".into(),
    };
    w.block(
        &format!("{name}({}): Promise<{returns}> {{", signature.join(", ")),
        "}",
        |w| {
            w.line(format!(
                "return this.#client.call<{returns}>({});",
                call_args.join(", ")
            ));
        },
    );
}

fn doc(op: &Operation, positional: &[&Parameter], params: bool, headers: &[&Parameter]) -> String {
    let mut text = op.summary.clone().unwrap_or_else(|| op.id().to_string());
    if let Some(description) = &op.description {
        text.push_str("\n\n");
        text.push_str(description);
    }
    if op.paging.is_some() {
        text.push_str(
            "\n\nAwait it for the first page, or iterate it with `for await` for every item of every page.",
        );
    }
    text.push_str(&format!(
        "\n\n`{} {}` (`{}`)",
        op.method.to_uppercase(),
        op.path,
        op.id()
    ));
    for p in positional {
        let description = p.description.as_deref().unwrap_or("");
        text.push_str(&format!("\n@param {} {description}", variable(&p.name)));
    }
    if params {
        let sources: Vec<ArgumentSource> = arguments(op).iter().map(|a| a.source).collect();
        let what = match (
            sources.contains(&ArgumentSource::Query),
            sources.contains(&ArgumentSource::Body) || op.body.is_some(),
        ) {
            (true, true) => "The query parameters and the body's fields.",
            (true, false) => "The query parameters.",
            _ => "The body's fields.",
        };
        text.push_str(&format!("\n@param params {what}"));
    }
    if !headers.is_empty() {
        text.push_str("\n@param options The request's header parameters.");
        for h in headers {
            text.push_str(&format!(
                "\n@param options.{} `{}`{}",
                variable(&h.name),
                h.name,
                h.description
                    .as_deref()
                    .map(|d| format!(": {d}"))
                    .unwrap_or_default()
            ));
        }
    }
    text
}
