//! The library transport for Rust tests: the engine mounted as the fallback
//! responder of a `wiremock::MockServer`, so tests can mount their own
//! `Mock`s on top (they take precedence) and verify requests the wiremock way.

use std::sync::Arc;

use vinsnap_openapi::Spec;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::engine::{BuildError, Engine, MockRequest, MockResponse, Outcome};

/// wiremock runs the mock with the highest priority number last: every mock
/// a test mounts with a default priority (5) wins over the engine.
const ENGINE_PRIORITY: u8 = u8::MAX;

/// A running sandbox on a random local port.
///
/// ```no_run
/// # async fn demo() {
/// let api = vinsnap_mock::MockApi::start().await;
/// let url = format!("{}/customers", api.uri());
/// // Point the SDK (or any HTTP client) at `api.uri()` with a `vsk_test_` key.
/// # let _ = url;
/// # }
/// ```
pub struct MockApi {
    server: MockServer,
    engine: Arc<Engine>,
}

impl std::fmt::Debug for MockApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockApi")
            .field("uri", &self.server.uri())
            .field("engine", &self.engine)
            .finish()
    }
}

impl MockApi {
    /// Starts the sandbox for the committed spec.
    ///
    /// # Panics
    ///
    /// If the committed spec does not compile (the crate's tests guard against that).
    pub async fn start() -> MockApi {
        let spec = Spec::committed();
        MockApi::start_with_spec(spec)
            .await
            .unwrap_or_else(|e| panic!("the committed spec does not compile into a mock: {e}"))
    }

    /// Starts the sandbox for another spec (a fixture, a freshly generated spec).
    pub async fn start_with_spec(spec: &Spec) -> Result<MockApi, BuildError> {
        let engine = Arc::new(Engine::new(spec)?);
        Ok(MockApi::start_with_engine(engine).await)
    }

    /// Starts the sandbox around an already compiled engine.
    pub async fn start_with_engine(engine: Arc<Engine>) -> MockApi {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(EngineResponder(engine.clone()))
            .with_priority(ENGINE_PRIORITY)
            .named("vinsnap-mock engine")
            .mount(&server)
            .await;
        MockApi { server, engine }
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// The wiremock server, for mounting overrides and verifying requests.
    pub fn server(&self) -> &MockServer {
        &self.server
    }

    /// The engine answering requests no override matches.
    pub fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }
}

/// The engine as a wiremock responder.
struct EngineResponder(Arc<Engine>);

impl Respond for EngineResponder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let request = MockRequest {
            method: &request.method,
            path: request.url.path(),
            query: request.url.query(),
            headers: &request.headers,
            body: &request.body,
        };
        let response = match self.0.handle(&request) {
            Outcome::Respond(response) => response,
            Outcome::Deliver(delivery) => delivery.send_blocking(),
        };
        template(response)
    }
}

fn template(response: MockResponse) -> ResponseTemplate {
    let mut template = ResponseTemplate::new(response.status.as_u16());
    for (name, value) in &response.headers {
        template = template.append_header(name.clone(), value.clone());
    }
    template.set_body_bytes(response.body.to_vec())
}
