//! Node bindings of the vinsnap Rust SDK, built with napi-rs (built by a later issue).
