//! `events.py`: a class per webhook event type and the `Event` union, discriminated by `type`.

use crate::model::{Api, Event, Object, Ty};
use crate::naming;

use super::models::{all, class};
use super::types::{Types, class_name, string};
use crate::writer::Writer;

/// `customer.created` -> `CustomerCreatedEvent`.
pub fn event_class(name: &str) -> String {
    let words: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{}Event", naming::pascal(&words))
}

pub fn module(api: &Api) -> String {
    let types = Types::new(api);
    let mut w = Writer::python();
    w.line(super::header("Webhook events: a class per event type and the Event union.").trim_end());
    w.blank();
    w.line("from datetime import date, datetime");
    w.line(
        "from typing import Any, ClassVar, Dict, List, Literal, Optional, Tuple, Type, Union, cast",
    );
    w.blank();
    w.line("from .._models import JsonValue, Model, decode_any_of, parse_date, parse_datetime");
    // The model names the events mention, imported by name: `from .models import *` would
    // bring the envelope schema `Event`, which the union below replaces.
    let mut mentioned = std::collections::BTreeSet::new();
    for event in &api.events {
        for property in &body(api, event).properties {
            property.ty.names(&mut mentioned);
        }
    }
    let mentioned: Vec<String> = mentioned
        .iter()
        .map(|n| class_name(n))
        .filter(|n| n != "Event")
        .collect();
    if !mentioned.is_empty() {
        w.line(format!("from .models import {}", mentioned.join(", ")));
    }
    w.blank();
    let mut names: Vec<String> = api.events.iter().map(|e| event_class(&e.name)).collect();
    names.extend([
        "UnknownEvent".into(),
        "Event".into(),
        "EVENT_TYPES".into(),
        "event_from_json".into(),
    ]);
    all(&mut w, &names);
    for event in &api.events {
        w.blank();
        w.blank();
        let doc = format!(
            "`{}`{}",
            event.name,
            event
                .description
                .as_deref()
                .map(|d| format!(": {d}"))
                .unwrap_or_default()
        );
        class(
            &mut w,
            &types,
            &event_class(&event.name),
            Some(&doc),
            &body(api, event),
        );
    }
    // An event type this version does not know: the envelope, its data kept as JSON.
    let unknown = Object {
        properties: api
            .events
            .first()
            .map(|e| {
                e.body
                    .properties
                    .iter()
                    .cloned()
                    .map(|mut p| {
                        match p.name.as_str() {
                            "type" => p.ty = Ty::String,
                            "data" => p.ty = Ty::Any,
                            _ => {}
                        }
                        p
                    })
                    .collect()
            })
            .unwrap_or_default(),
        open: true,
    };
    w.blank();
    w.blank();
    class(
        &mut w,
        &types,
        "UnknownEvent",
        Some("An event type this version of the SDK does not know; `data` is kept as JSON."),
        &unknown,
    );
    w.blank();
    w.blank();
    let members: Vec<String> = api
        .events
        .iter()
        .map(|e| event_class(&e.name))
        .chain(["UnknownEvent".to_string()])
        .collect();
    w.line(format!(
        "Event = Union[{}]",
        members
            .iter()
            .map(|m| string(m))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    w.docstring("A verified webhook event: narrow it by `type` (or `isinstance`, or `match`) to reach its typed `data`.");
    w.blank();
    w.line("EVENT_TYPES: Dict[str, Type[Model]] = {");
    w.indented(|w| {
        for event in &api.events {
            w.line(format!(
                "{}: {},",
                string(&event.name),
                event_class(&event.name)
            ));
        }
    });
    w.line("}");
    w.docstring("The class of each event type this version knows, by `type`.");
    w.blank();
    w.blank();
    w.line("def event_from_json(d: Any) -> Event:");
    w.indented(|w| {
        w.docstring("The event class for `d[\"type\"]`, `UnknownEvent` for a type this version does not know.");
        w.line("cls = EVENT_TYPES.get(d.get(\"type\"), UnknownEvent)");
        w.line("return cast(Event, cls._from_json(d))");
    });
    w.finish()
}

/// An event's body: `data` typed when it names a schema of the spec, as the Rust SDK types it
/// (its verifier checks the payload against that type); otherwise kept as JSON.
fn body(api: &Api, event: &Event) -> Object {
    let names_a_schema =
        matches!(&event.data, Ty::Named(n) if api.named(n).is_some_and(|t| !t.inline));
    let mut body = event.body.clone();
    if !names_a_schema {
        for property in &mut body.properties {
            if property.name == "data" {
                property.ty = Ty::Any;
            }
        }
    }
    body
}
