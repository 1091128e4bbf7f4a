//! The TypeScript target: the typed layer of the `vinsnap` Node package (`sdk-bindings/node`).
//!
//! Everything here lands in `ts/generated/`, beside the package's small hand-written runtime
//! (`client.ts`, `caller.ts`, `pagination.ts`, `errors.ts`, `webhooks.ts`), which the generated
//! modules import. The native addon stays generic (one `call(operationId, params, body)`);
//! every type and method a user sees is written here from the [`Api`] model:
//!
//! - `models.ts`: an interface per object schema (readonly fields under their wire names), a
//!   type alias per other schema (ids, string-literal unions for enums);
//! - `params.ts`: the arguments object of each operation that takes one;
//! - `events.ts`: an interface per webhook event type and the `Event` union on `type`;
//! - `operations.ts`: where each operation's arguments travel (query, body, headers), which the
//!   runtime reads to build the call;
//! - `resources.ts`: a class per resource with a method per operation, named by
//!   [`crate::naming`] in camelCase, the pages of lists with fields of their own, and the
//!   `Resources` base class the client extends.

mod events;
mod models;
mod operations;
mod params;
mod resources;
mod types;
mod writer;

use std::collections::BTreeMap;
use std::fmt;

use crate::model::{Api, Operation};
use crate::naming;
use crate::output::File;

use types::Types;

/// Where the generated modules go, relative to the repository root.
pub const PACKAGE_DIR: &str = "sdk-bindings/node/ts/generated";

/// Names the generated modules define for themselves; a schema of the same name takes the
/// suffix `Schema` (the spec's `Event` envelope is `EventSchema`, the union of events is
/// `Event`).
const GENERATED_NAMES: &[&str] = &[
    "Event",
    "EVENT_TYPES",
    "Resources",
    "OPERATIONS",
    "OperationId",
];

/// Two generated TypeScript names are the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameClash {
    pub name: String,
    pub first: String,
    pub second: String,
}

impl fmt::Display for NameClash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the TypeScript name {} is taken by both {} and {}: rename one in the server",
            self.name, self.first, self.second
        )
    }
}

impl std::error::Error for NameClash {}

/// The first lines of every generated module.
fn header(what: &str) -> String {
    format!(
        "// {what}\n//\n// Generated from openapi/openapi.json by vinsnap-codegen: do not edit.\n// Regenerate with `{}`.\n",
        crate::output::REGENERATE
    )
}

/// The arguments object type of an operation.
pub fn params_name(op: &Operation) -> String {
    format!("{}Params", types::type_name(op.id()))
}

/// The page type of a list operation whose response has fields besides the page's own.
pub fn page_name(op: &Operation) -> String {
    format!("{}Page", types::type_name(op.id()))
}

/// The class of a resource's operations.
pub fn resource_class(resource: &str) -> String {
    format!("{}Resource", naming::pascal(resource))
}

/// `customer.created` -> `CustomerCreatedEvent`.
pub fn event_name(event: &str) -> String {
    format!("{}Event", types::type_name(event))
}

/// Every schema's TypeScript name, checked against every other name the modules define.
fn names(api: &Api) -> Result<BTreeMap<String, String>, NameClash> {
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let mut claim = |name: String, owner: String| match taken.get(&name) {
        Some(first) => Err(NameClash {
            name,
            first: first.clone(),
            second: owner,
        }),
        None => {
            taken.insert(name, owner);
            Ok(())
        }
    };
    for fixed in GENERATED_NAMES {
        claim(fixed.to_string(), format!("the generated {fixed}"))?;
    }
    for event in &api.events {
        claim(event_name(&event.name), format!("event {}", event.name))?;
    }
    for op in &api.operations {
        if params::takes_params(op) {
            claim(params_name(op), format!("the arguments of {}", op.id()))?;
        }
        if op.paging.as_ref().is_some_and(|p| !p.extra.is_empty()) {
            claim(page_name(op), format!("the page of {}", op.id()))?;
        }
    }
    for resource in api.resources() {
        claim(resource_class(resource), format!("resource {resource}"))?;
    }
    let mut names = BTreeMap::new();
    for named in &api.types {
        let mut name = types::type_name(&named.name);
        if GENERATED_NAMES.contains(&name.as_str()) {
            name.push_str("Schema");
        }
        claim(name.clone(), format!("schema {}", named.name))?;
        names.insert(named.name.clone(), name);
    }
    Ok(names)
}

/// Every generated TypeScript module.
pub fn files(api: &Api) -> Result<Vec<File>, NameClash> {
    let types = Types::new(api, names(api)?);
    let path = |name: &str| format!("{PACKAGE_DIR}/{name}");
    Ok(vec![
        File::new(path("index.ts"), index()),
        File::new(path("models.ts"), models::module(&types)),
        File::new(path("params.ts"), params::module(&types)),
        File::new(path("events.ts"), events::module(&types)),
        File::new(path("operations.ts"), operations::module(&types)),
        File::new(path("resources.ts"), resources::module(&types)),
    ])
}

fn index() -> String {
    let mut out = header("The typed layer of the vinsnap package.");
    out.push_str(
        "\nexport * from './models.js';\nexport * from './params.js';\nexport * from './events.js';\nexport * from './resources.js';\n",
    );
    out
}
