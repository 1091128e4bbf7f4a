// Included by build.rs: the webhook `Event` enum.

/// One event type and the schema its `data` carries (`None`: not in the spec yet, kept as JSON).
struct EventType {
    name: String,
    data_schema: Option<String>,
}

/// Used only while the spec has no `webhooks` section: the event types of DESIGN.md, each with
/// the schema its resource will have. Resources whose schema is not in the spec yet stay JSON.
/// Once the server documents its webhooks, the spec's section is the only source and this list
/// can go.
const EVENTS_BEFORE_SPEC: &[(&str, &str)] = &[
    ("customer.created", "Customer"),
    ("customer.updated", "Customer"),
    ("job.created", "Job"),
    ("job.status_changed", "Job"),
    ("job.completed", "Job"),
    ("invoice.created", "Invoice"),
    ("invoice.sent", "Invoice"),
    ("invoice.paid", "Invoice"),
    ("ping", ""),
];

fn event_types(spec: &serde_json::Value) -> Vec<EventType> {
    let schemas = &spec["components"]["schemas"];
    let known = |name: &str| schemas.get(name).is_some().then(|| name.to_string());
    let Some(webhooks) = spec.get("webhooks").and_then(|w| w.as_object()) else {
        return EVENTS_BEFORE_SPEC
            .iter()
            .map(|(name, schema)| EventType { name: name.to_string(), data_schema: known(schema) })
            .collect();
    };
    let doc = vinsnap_openapi::Spec::from_value(spec.clone()).expect("an OpenAPI 3 document");
    webhooks
        .iter()
        .map(|(key, item)| {
            let item = doc.resolve(item);
            let body = item["post"].get("requestBody").map(|b| doc.resolve(b));
            let event = body
                .and_then(|b| b["content"]["application/json"].get("schema"))
                .map(|s| doc.resolve(s));
            // The event's name: the `type` property's single enum value, else the webhook's key.
            let name = event
                .and_then(|e| property(&doc, e, "type"))
                .and_then(|t| t["enum"].as_array())
                .filter(|values| values.len() == 1)
                .and_then(|values| values[0].as_str())
                .unwrap_or(key)
                .to_string();
            let data = event.and_then(|e| property(&doc, e, "data"));
            // `data` is a `$ref`, or the single-member `allOf` that a described `$ref` becomes.
            let data_ref = data.and_then(|d| {
                d["$ref"].as_str().or_else(|| {
                    d["allOf"].as_array().filter(|a| a.len() == 1).and_then(|a| a[0]["$ref"].as_str())
                })
            });
            let data_schema = data_ref.and_then(schema_name).and_then(known);
            EventType { name, data_schema }
        })
        .collect()
}

/// A property's schema, looked up in the schema itself or in any member of its `allOf` (the
/// server documents each event as `allOf: [Event envelope, {its type and data}]`).
fn property<'a>(
    doc: &'a vinsnap_openapi::Spec,
    schema: &'a serde_json::Value,
    name: &str,
) -> Option<&'a serde_json::Value> {
    if let Some(found) = schema["properties"].get(name) {
        return Some(found);
    }
    schema["allOf"]
        .as_array()?
        .iter()
        .rev()
        .find_map(|member| property(doc, doc.resolve(member), name))
}

pub fn events(spec: &serde_json::Value) -> proc_macro2::TokenStream {
    let types = event_types(spec);
    let from_spec = spec.get("webhooks").is_some();
    let variants: Vec<_> = types.iter().map(|t| quote::format_ident!("{}", pascal(&t.name))).collect();
    let names: Vec<_> = types.iter().map(|t| t.name.clone()).collect();
    let payloads: Vec<_> = types
        .iter()
        .map(|t| match &t.data_schema {
            Some(schema) => {
                let ident = quote::format_ident!("{}", pascal(schema));
                quote::quote!(crate::types::#ident)
            }
            None => quote::quote!(serde_json::Value),
        })
        .collect();
    let docs: Vec<_> = types
        .iter()
        .map(|t| match &t.data_schema {
            Some(schema) => format!("`{}`, carrying a [`{schema}`](crate::types::{}).", t.name, pascal(schema)),
            None => format!("`{}`, its `data` kept as JSON (no schema in the spec yet).", t.name),
        })
        .collect();
    let source = if from_spec {
        "The variants come from the spec's `webhooks` section."
    } else {
        "The spec has no `webhooks` section yet: the variants are the event types of the design, typed where the spec has their resource's schema."
    };
    quote::quote! {
        /// A verified webhook event: one variant per event type, each carrying the event's
        /// envelope with its typed resource in `data`.
        ///
        #[doc = #source]
        /// An event type this build does not know arrives as [`Event::Unknown`]. It serializes
        /// as the delivery's body.
        #[derive(Debug, Clone, serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum Event {
            #(
                #[doc = #docs]
                #variants(crate::webhooks::Envelope<#payloads>),
            )*
            /// An event type this version of the SDK does not know, `data` kept as JSON.
            Unknown(crate::webhooks::Envelope<serde_json::Value>),
        }

        impl Event {
            /// Every event type this version of the SDK knows, as sent in `type`.
            pub const TYPES: &'static [&'static str] = &[#(#names),*];

            pub(crate) fn from_envelope(
                envelope: crate::webhooks::Envelope<serde_json::Value>,
            ) -> Result<Event, serde_json::Error> {
                Ok(match envelope.event_type.as_str() {
                    #(#names => Event::#variants(envelope.try_map()?),)*
                    _ => Event::Unknown(envelope),
                })
            }

            /// The event type, as sent in `type` (`customer.created`).
            pub fn event_type(&self) -> &str {
                match self {
                    #(Event::#variants(e) => &e.event_type,)*
                    Event::Unknown(e) => &e.event_type,
                }
            }

            /// The event id (`evt_…`).
            pub fn id(&self) -> &str {
                match self {
                    #(Event::#variants(e) => &e.id,)*
                    Event::Unknown(e) => &e.id,
                }
            }

            /// `true` for events about production data.
            pub fn livemode(&self) -> bool {
                match self {
                    #(Event::#variants(e) => e.livemode,)*
                    Event::Unknown(e) => e.livemode,
                }
            }
        }
    }
}
