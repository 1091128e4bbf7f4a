//! Cross-component tests: SDK <-> server, SDK <-> mock, webhooks end to end, spec conformance. The tests themselves live in `tests/`.
