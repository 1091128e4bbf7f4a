//! `events.ts`: an interface per webhook event type and the `Event` union, discriminated by
//! `type`, so `if (event.type === 'invoice.paid')` narrows `event.data` to an `Invoice`.

use super::models::{assemble, interface};
use super::types::{Imports, Types, string};
use crate::writer::Writer;

pub fn module(types: &Types<'_>) -> String {
    let mut imports = Imports::new("./events.js");
    let mut w = Writer::typescript();
    let events = &types.api.events;
    for event in events {
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
        interface(
            &mut w,
            types,
            &mut imports,
            &super::event_name(&event.name),
            None,
            Some(&doc),
            &event.body,
        );
    }
    w.blank();
    w.doc(
        "A verified webhook event: narrow it by `type` (`if (event.type === 'invoice.paid')`) to reach its typed `data`.",
    );
    if events.is_empty() {
        w.line("export type Event = never;");
    } else {
        w.line("export type Event =");
        w.indented(|w| {
            for (i, event) in events.iter().enumerate() {
                let end = if i + 1 == events.len() { ";" } else { "" };
                w.line(format!("| {}{end}", super::event_name(&event.name)));
            }
        });
    }
    w.blank();
    w.doc("Every event type this version of the SDK knows.");
    w.line("export const EVENT_TYPES: ReadonlyArray<Event['type']> = [");
    w.indented(|w| {
        for event in events {
            w.line(format!("{},", string(&event.name)));
        }
    });
    w.line("];");
    assemble(
        "Webhook events: an interface per event type and the Event union, discriminated by `type`.",
        &imports,
        w,
    )
}
