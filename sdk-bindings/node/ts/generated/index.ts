// The typed layer of the vinsnap package.
//
// Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
// Regenerate with `cargo run -q -p vinsnap-codegen`.

export * from './models.js';
export * from './params.js';
export * from './events.js';
export * from './resources.js';
