//! The docs site (`./scripts/docs` builds it into `target/docs/`) served at `/docs`, so an
//! integrator's sandbox has its reference beside it. The page is one self-contained file; it
//! is read on each request, so a rebuilt site shows without a restart.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// Where the built site is: a folder holding `index.html`.
#[derive(Debug, Clone)]
pub struct DocsSite {
    dir: PathBuf,
}

impl DocsSite {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        DocsSite { dir: dir.into() }
    }

    /// `target/docs/` of the workspace this binary was built from: where `./scripts/docs`
    /// writes the site.
    pub fn default_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("target")
            .join("docs")
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn index(&self) -> PathBuf {
        self.dir.join("index.html")
    }
}

/// `GET /docs`, `/docs/` and `/docs/index.html`.
pub fn router(site: DocsSite) -> Router {
    let site = Arc::new(site);
    Router::new()
        .route("/docs", get(page))
        .route("/docs/", get(page))
        .route("/docs/index.html", get(page))
        .with_state(site)
}

async fn page(State(site): State<Arc<DocsSite>>) -> Response {
    match tokio::fs::read(site.index()).await {
        Ok(html) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            html,
        )
            .into_response(),
        Err(_) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "The docs site is not built: {} is missing.\n\
                 Build it with ./scripts/docs (into target/docs/), or start the mock with --docs DIR.\n",
                site.index().display()
            ),
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use axum::body::{Body, to_bytes};
    use axum::http::Request;
    use tower::ServiceExt;

    use super::*;

    async fn get_page(site: DocsSite, path: &str) -> (StatusCode, String) {
        let response = router(site)
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn serves_the_built_page() {
        let dir = std::env::temp_dir().join(format!("vinsnap-docs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<html>reference</html>").unwrap();
        for path in ["/docs", "/docs/", "/docs/index.html"] {
            let (status, body) = get_page(DocsSite::new(&dir), path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert_eq!(body, "<html>reference</html>");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn says_how_to_build_a_missing_site() {
        let (status, body) = get_page(DocsSite::new("/nonexistent/docs"), "/docs").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(body.contains("./scripts/docs"), "{body}");
        assert!(body.contains("--docs DIR"), "{body}");
    }
}
