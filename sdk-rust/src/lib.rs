//! The VinSnap Rust SDK: a client generated from openapi/openapi.json plus a small hand-written layer (built by the Rust SDK issue).
