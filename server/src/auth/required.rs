//! The scopes each operation requires, read from the spec: an operation's
//! `security(("bearer" = ["customers:write"]))` annotation is the one place they are written,
//! and this layer enforces exactly what it says, before the handler runs.

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

use super::{Caller, Scope};

/// Route template and method → the scopes its operation documents.
#[derive(Debug, Clone, Default)]
pub struct RequiredScopes(Arc<HashMap<(Method, String), Vec<Scope>>>);

impl RequiredScopes {
    /// Reads every operation's `bearer` requirement. A scope the server does not know is a bug
    /// in an annotation, caught when the router is built.
    pub fn from_spec(spec: &Value) -> Self {
        let mut table = HashMap::new();
        let paths = spec.get("paths").and_then(Value::as_object);
        for (path, item) in paths.into_iter().flatten() {
            for (method, operation) in item.as_object().into_iter().flatten() {
                let Ok(method) = method.to_uppercase().parse::<Method>() else {
                    continue;
                };
                let scopes: Vec<Scope> = operation
                    .get("security")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|requirement| requirement.get("bearer"))
                    .filter_map(Value::as_array)
                    .flatten()
                    .map(|name| {
                        let name = name.as_str().unwrap_or_default();
                        Scope::parse(name).unwrap_or_else(|| {
                            panic!("{method} {path} documents the unknown scope {name:?}")
                        })
                    })
                    .collect();
                table.insert((method, path.clone()), scopes);
            }
        }
        Self(Arc::new(table))
    }

    pub fn of(&self, method: &Method, path: &str) -> &[Scope] {
        self.0
            .get(&(method.clone(), path.to_owned()))
            .map_or(&[], Vec::as_slice)
    }
}

/// Refuses a caller lacking a scope its route's operation documents (403 `missing_scope`).
/// A request without a valid key passes, for the handler's `Caller` to answer 401.
pub async fn middleware(
    State(required): State<RequiredScopes>,
    request: Request,
    next: Next,
) -> Response {
    let (Some(route), Some(caller)) = (
        request.extensions().get::<MatchedPath>(),
        request.extensions().get::<Caller>(),
    ) else {
        return next.run(request).await;
    };
    for scope in required.of(request.method(), route.as_str()) {
        if let Err(refused) = caller.require(*scope) {
            return refused.into_response();
        }
    }
    next.run(request).await
}
