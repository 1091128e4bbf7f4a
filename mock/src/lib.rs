//! The VinSnap sandbox mock: a spec-driven engine served from wiremock for tests and axum for integrators (built by the sandbox mock issue).
