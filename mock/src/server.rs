//! The standalone transport: the engine served by axum/hyper. Not wiremock,
//! which keeps a clone of every matched request in each mounted mock and
//! serves from one actor, so a long-running sandbox would grow without bound.

use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use tokio::net::TcpListener;

use crate::docs::{self, DocsSite};
use crate::engine::{Engine, MAX_BODY_BYTES, MockRequest, MockResponse, Outcome};

/// An axum router that answers every request with the engine.
pub fn router(engine: Arc<Engine>) -> Router {
    Router::new().fallback(handle).with_state(engine)
}

/// Serves the engine on `listener` until the process ends.
pub async fn serve(listener: TcpListener, engine: Arc<Engine>) -> std::io::Result<()> {
    axum::serve(listener, router(engine)).await
}

/// [`serve`], with the built docs site at `/docs`.
pub async fn serve_with_docs(
    listener: TcpListener,
    engine: Arc<Engine>,
    site: DocsSite,
) -> std::io::Result<()> {
    axum::serve(listener, docs::router(site).merge(router(engine))).await
}

/// Stands in for a body over the limit, so the engine answers it exactly as
/// it answers an oversized body that arrived whole (wiremock buffers all).
static OVERSIZED: LazyLock<Vec<u8>> = LazyLock::new(|| vec![b' '; MAX_BODY_BYTES + 1]);

async fn handle(State(engine): State<Arc<Engine>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES).await;
    let body: &[u8] = match &bytes {
        Ok(bytes) => bytes,
        // The length limit is the only way a body that arrived fails to buffer;
        // a client that went away will not read the answer anyway.
        Err(_) => &OVERSIZED,
    };
    let request = MockRequest {
        method: &parts.method,
        path: parts.uri.path(),
        query: parts.uri.query(),
        headers: &parts.headers,
        body,
    };
    let response = match engine.handle(&request) {
        Outcome::Respond(response) => response,
        Outcome::Deliver(delivery) => delivery.send().await,
    };
    into_axum(response)
}

fn into_axum(response: MockResponse) -> Response {
    let mut out = Response::new(Body::from(response.body));
    *out.status_mut() = response.status;
    *out.headers_mut() = response.headers;
    out
}
