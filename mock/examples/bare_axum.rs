//! The benchmark baseline: a bare axum handler returning a fixed body (the
//! committed `GET /customers/{id}` example), with the runtime and server setup
//! the mock uses. `mock/bench/compare_prism.sh` measures the mock against it.

use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(4020);
    let body: &'static str = Box::leak(
        serde_json::to_string(
            vinsnap_openapi::Spec::committed()
                .operation("get_customer")
                .and_then(|op| op.response_example("200", None))
                .expect("the spec documents get_customer's example"),
        )?
        .into_boxed_str(),
    );
    let app = Router::new().route(
        "/customers/{id}",
        get(move || async move { ([(CONTENT_TYPE, "application/json")], body) }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("bare axum listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await
}
