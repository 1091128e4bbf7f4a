//! Python bindings of the vinsnap Rust SDK, built with PyO3 and maturin (built by a later issue).
