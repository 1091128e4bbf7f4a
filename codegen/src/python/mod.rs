//! The Python target: the typed layer of the `vinsnap` package (`sdk-bindings/python`).
//!
//! Everything here lands in `vinsnap/_generated/`, beside the package's small hand-written
//! runtime (`_models.py`, `_client.py`, `_pagination.py`, ...), which the generated modules
//! import. The native module stays generic (one `call(operation_id, params, body)`); every
//! type and method a user sees is written here from the [`Api`] model.

mod events;
mod models;
mod params;
mod resources;
mod types;
mod writer;

use crate::model::Api;
use crate::output::File;

/// Where the generated modules go, relative to the repository root.
pub const PACKAGE_DIR: &str = "sdk-bindings/python/python/vinsnap/_generated";

/// The first lines of every generated module.
fn header(what: &str) -> String {
    format!(
        "# {what}\n#\n# Generated from openapi/openapi.json by vinsnap-codegen: do not edit.\n# Regenerate with `{}`.\n\nfrom __future__ import annotations\n",
        crate::output::REGENERATE
    )
}

/// Every generated Python module.
pub fn files(api: &Api) -> Vec<File> {
    let path = |name: &str| format!("{PACKAGE_DIR}/{name}");
    vec![
        File::new(path("__init__.py"), init()),
        File::new(path("models.py"), models::module(api)),
        File::new(path("params.py"), params::module(api)),
        File::new(path("events.py"), events::module(api)),
        File::new(path("resources.py"), resources::module(api)),
    ]
}

fn init() -> String {
    let mut out = header("The typed layer of the vinsnap package.");
    out.push_str(
        "\n# models: one class per object schema and an alias per other schema; params: a TypedDict\n\
         # per object a request takes; events: the webhook Event union; resources: the sync and\n\
         # async resource classes the clients carry.\n",
    );
    out
}
