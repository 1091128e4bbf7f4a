//! `resources.py`: a sync and an async class per resource (the operations' first tag), a
//! method per operation named by [`crate::naming`], and the mixins that put the resources on
//! the clients.
//!
//! Path parameters are positional-only; query parameters and body fields are keyword-only,
//! defaulting to `NOT_GIVEN` (sends nothing) when optional; `None` is sent as `null`.

use crate::model::{Api, Argument, Object, Operation, Ty};
use crate::naming;

use super::models::{all, field_decoder};
use super::types::{Side, Types, class_name, identifier, string};
use crate::writer::Writer;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavour {
    Sync,
    Async,
}

impl Flavour {
    fn prefix(self) -> &'static str {
        match self {
            Flavour::Sync => "",
            Flavour::Async => "Async",
        }
    }
}

fn resource_class(resource: &str, flavour: Flavour) -> String {
    format!("{}{}Resource", flavour.prefix(), naming::pascal(resource))
}

/// The page class of a list operation whose response has fields besides the page's own.
fn page_class(op: &Operation, flavour: Flavour) -> String {
    format!("{}{}Page", flavour.prefix(), naming::pascal(op.id()))
}

pub fn module(api: &Api) -> String {
    let types = Types::new(api);
    let mut w = Writer::python();
    w.line(
        super::header("Resources: the operations of each tag, as sync and async methods.")
            .trim_end(),
    );
    w.blank();
    w.line("from datetime import date, datetime");
    w.line("from typing import Any, ClassVar, Dict, List, Literal, Optional, Tuple, Union");
    w.blank();
    w.line("from .._models import NOT_GIVEN, JsonValue, NotGiven, decode_any_of, given, parse_date, parse_datetime");
    w.line("from .._pagination import AsyncPage, SyncPage");
    w.line("from .._transport import AsyncCaller, SyncCaller");
    w.line("from .models import *  # noqa: F403");
    w.line("from .params import *  # noqa: F403");
    w.blank();
    let resources = api.resources();
    let mut names = Vec::new();
    for flavour in [Flavour::Sync, Flavour::Async] {
        for op in api.operations.iter().filter(|op| has_extra_page(op)) {
            names.push(page_class(op, flavour));
        }
        for resource in &resources {
            names.push(resource_class(resource, flavour));
        }
    }
    names.push("ClientResources".into());
    names.push("AsyncClientResources".into());
    all(&mut w, &names);
    for flavour in [Flavour::Sync, Flavour::Async] {
        for op in api.operations.iter().filter(|op| has_extra_page(op)) {
            w.blank();
            w.blank();
            page(&mut w, &types, op, flavour);
        }
        for resource in &resources {
            w.blank();
            w.blank();
            resource_body(&mut w, &types, api, resource, flavour);
        }
    }
    for flavour in [Flavour::Sync, Flavour::Async] {
        w.blank();
        w.blank();
        mixin(&mut w, &resources, flavour);
    }
    w.finish()
}

fn has_extra_page(op: &Operation) -> bool {
    op.paging.as_ref().is_some_and(|p| !p.extra.is_empty())
}

/// A page subclass carrying the response's other fields (a parts search's `vehicle`).
fn page(w: &mut Writer, types: &Types<'_>, op: &Operation, flavour: Flavour) {
    let paging = op.paging.as_ref().expect("a list operation");
    let base = match flavour {
        Flavour::Sync => "SyncPage",
        Flavour::Async => "AsyncPage",
    };
    let item = types.expr(&paging.item, Side::Response);
    let object = Object {
        properties: paging.extra.clone(),
        open: true,
    };
    w.line(format!(
        "class {}({base}[{item}]):",
        page_class(op, flavour)
    ));
    w.indented(|w| {
        w.docstring(&format!(
            "A page of `{}.{}`: its items, and the response's other fields.",
            op.name.resource, op.name.method
        ));
        w.blank();
        let slots: Vec<String> = object
            .properties
            .iter()
            .map(|p| string(&identifier(&p.name)))
            .collect();
        w.line(format!(
            "__slots__ = ({}{})",
            slots.join(", "),
            if slots.len() == 1 { "," } else { "" }
        ));
        w.blank();
        for p in &object.properties {
            let ty = types.expr(&p.ty, Side::Response);
            let ty = if p.required || p.ty.is_nullable() {
                ty
            } else {
                format!("Optional[{ty}]")
            };
            w.line(format!("{}: {ty}", identifier(&p.name)));
            if let Some(d) = &p.description {
                w.docstring(d);
            }
        }
        w.blank();
        w.line("def _read_extra(self, d: Any) -> None:");
        w.indented(|w| {
            for p in &object.properties {
                w.line(format!(
                    "self.{} = {}",
                    identifier(&p.name),
                    field_decoder(types, p)
                ));
            }
        });
    });
}

fn resource_body(w: &mut Writer, types: &Types<'_>, api: &Api, resource: &str, flavour: Flavour) {
    let caller = match flavour {
        Flavour::Sync => "SyncCaller",
        Flavour::Async => "AsyncCaller",
    };
    w.line(format!("class {}:", resource_class(resource, flavour)));
    w.indented(|w| {
        let client = match flavour {
            Flavour::Sync => "client",
            Flavour::Async => "async_client",
        };
        w.docstring(&format!(
            "The `{resource}` operations: `{client}.{resource}`."
        ));
        w.blank();
        w.line("__slots__ = (\"_client\",)");
        w.blank();
        w.line(format!("def __init__(self, client: {caller}) -> None:"));
        w.indented(|w| {
            w.line("self._client = client");
        });
        for op in api
            .operations
            .iter()
            .filter(|op| op.name.resource == resource)
        {
            w.blank();
            method(w, types, op, flavour);
        }
    });
}

/// The Python type of a keyword argument (optional ones may also be `NOT_GIVEN`).
fn argument_type(types: &Types<'_>, arg: &Argument) -> String {
    types.expr(&arg.ty, Side::Request)
}

fn method(w: &mut Writer, types: &Types<'_>, op: &Operation, flavour: Flavour) {
    let positional = op.path_parameters();
    let mut keywords = op.arguments();
    // A body that is not an object is one `body` keyword.
    let raw_body = op.body.as_ref().filter(|b| b.fields.is_none());
    if let Some(body) = raw_body {
        keywords.push(Argument {
            name: "body".into(),
            ty: body.ty.clone(),
            required: body.required,
            description: Some("The request body.".into()),
            source: crate::model::ArgumentSource::Body,
        });
    }
    keywords.sort_by_key(|a| !a.required);
    let returns = return_type(types, op, flavour);
    let def = match flavour {
        Flavour::Sync => "def",
        Flavour::Async => "async def",
    };
    let mut signature = vec!["self".to_string()];
    for p in &positional {
        signature.push(format!(
            "{}: {}",
            identifier(&p.name),
            types.expr(&p.ty, Side::Request)
        ));
    }
    if !positional.is_empty() {
        signature.push("/".into());
    }
    if !keywords.is_empty() {
        signature.push("*".into());
    }
    for arg in &keywords {
        let ty = argument_type(types, arg);
        if arg.required {
            signature.push(format!("{}: {ty}", identifier(&arg.name)));
        } else {
            signature.push(format!(
                "{}: Union[{ty}, NotGiven] = NOT_GIVEN",
                identifier(&arg.name)
            ));
        }
    }
    w.line(format!("{def} {}(", identifier(&op.name.method)));
    w.indented(|w| {
        for part in &signature {
            w.line(format!("{part},"));
        }
    });
    w.line(format!(") -> {returns}:"));
    w.indented(|w| {
        w.docstring(&docstring(op, &positional, &keywords));
        let params: Vec<String> = positional
            .iter()
            .map(|p| format!("{}: {}", string(&p.name), identifier(&p.name)))
            .chain(
                keywords
                    .iter()
                    .filter(|a| a.source == crate::model::ArgumentSource::Query)
                    .map(|a| format!("{}: {}", string(&a.name), identifier(&a.name))),
            )
            .collect();
        let params = format!("given({{{}}})", params.join(", "));
        let body = if raw_body.is_some() {
            "body".to_string()
        } else if op.body.is_some() {
            let fields: Vec<String> = keywords
                .iter()
                .filter(|a| a.source == crate::model::ArgumentSource::Body)
                .map(|a| format!("{}: {}", string(&a.name), identifier(&a.name)))
                .collect();
            format!("given({{{}}})", fields.join(", "))
        } else {
            "None".to_string()
        };
        let id = string(op.id());
        if let Some(paging) = &op.paging {
            let page = if has_extra_page(op) {
                page_class(op, flavour)
            } else {
                match flavour {
                    Flavour::Sync => "SyncPage".into(),
                    Flavour::Async => "AsyncPage".into(),
                }
            };
            let decode = item_decoder(types, &paging.item);
            let call = format!("{page}._fetch(self._client, {id}, {params}, {decode})");
            match flavour {
                Flavour::Sync => w.line(format!("return {call}")),
                Flavour::Async => w.line(format!("return await {call}")),
            };
            return;
        }
        let call = format!("self._client._call({id}, {params}, {body})");
        let call = match flavour {
            Flavour::Sync => call,
            Flavour::Async => format!("await {call}"),
        };
        match &op.response {
            None => {
                w.line(call);
            }
            Some(ty) => match types.decode(ty, "data", 0) {
                Some(decode) => {
                    w.line(format!("data = {call}"));
                    w.line(format!("return {decode}"));
                }
                None => {
                    w.line(format!("data: {} = {call}", types.expr(ty, Side::Response)));
                    w.line("return data");
                }
            },
        }
    });
}

/// How a page turns one JSON item into its Python value.
fn item_decoder(types: &Types<'_>, item: &Ty) -> String {
    match item {
        Ty::Named(n)
            if types
                .decode(item, "v", 0)
                .is_some_and(|d| d.ends_with("._from_json(v)")) =>
        {
            format!("{}._from_json", class_name(n))
        }
        _ => match types.decode(item, "v", 0) {
            Some(decode) => format!("lambda v: {decode}"),
            None => "None".into(),
        },
    }
}

fn return_type(types: &Types<'_>, op: &Operation, flavour: Flavour) -> String {
    if let Some(paging) = &op.paging {
        if has_extra_page(op) {
            return page_class(op, flavour);
        }
        let item = types.expr(&paging.item, Side::Response);
        return match flavour {
            Flavour::Sync => format!("SyncPage[{item}]"),
            Flavour::Async => format!("AsyncPage[{item}]"),
        };
    }
    match &op.response {
        Some(ty) => types.expr(ty, Side::Response),
        None => "None".into(),
    }
}

fn docstring(
    op: &Operation,
    positional: &[&crate::model::Parameter],
    keywords: &[Argument],
) -> String {
    let mut text = op.summary.clone().unwrap_or_else(|| op.id().to_string());
    if let Some(description) = &op.description {
        text.push_str("\n\n");
        text.push_str(description);
    }
    let described: Vec<(String, &str)> = positional
        .iter()
        .filter_map(|p| Some((identifier(&p.name), p.description.as_deref()?)))
        .chain(
            keywords
                .iter()
                .filter_map(|a| Some((identifier(&a.name), a.description.as_deref()?))),
        )
        .collect();
    if !described.is_empty() {
        text.push_str("\n\nArgs:");
        for (name, description) in described {
            let mut lines = description.lines();
            text.push_str(&format!(
                "\n    {name}: {}",
                lines.next().unwrap_or_default()
            ));
            for line in lines {
                text.push_str(&format!("\n        {line}"));
            }
        }
    }
    text.push_str(&format!("\n\n`{} {}` (`{}`)", op.method, op.path, op.id()));
    text
}

fn mixin(w: &mut Writer, resources: &[&str], flavour: Flavour) {
    let (name, caller, client) = match flavour {
        Flavour::Sync => ("ClientResources", "SyncCaller", "vinsnap.Client"),
        Flavour::Async => ("AsyncClientResources", "AsyncCaller", "vinsnap.AsyncClient"),
    };
    w.line(format!("class {name}:"));
    w.indented(|w| {
        w.docstring(&format!(
            "The resources of `{client}`, one attribute per tag of the spec."
        ));
        w.blank();
        for resource in resources {
            w.line(format!("{resource}: {}", resource_class(resource, flavour)));
        }
        w.blank();
        w.line(format!(
            "def _attach_resources(self, client: {caller}) -> None:"
        ));
        w.indented(|w| {
            for resource in resources {
                w.line(format!(
                    "self.{resource} = {}(client)",
                    resource_class(resource, flavour)
                ));
            }
        });
    });
}
