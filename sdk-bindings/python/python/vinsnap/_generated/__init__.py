# The typed layer of the vinsnap package.
#
# Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
# Regenerate with `cargo run -q -p vinsnap-codegen`.

from __future__ import annotations

# models: one class per object schema and an alias per other schema; params: a TypedDict
# per object a request takes; events: the webhook Event union; resources: the sync and
# async resource classes the clients carry.
