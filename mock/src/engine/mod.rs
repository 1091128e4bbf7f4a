//! The transport-independent engine: the spec compiled once into a route
//! table with validators and example answers, and [`Engine::handle`], a
//! function from a request to a response.

mod auth;
pub(crate) mod envelope;
mod prefer;
mod rate_limit;
mod respond;
mod routes;
mod validate;

use std::fmt;

use http::{HeaderMap, Method};
use serde_json::Value;
use vinsnap_openapi::Spec;

pub use envelope::MockResponse;
pub use respond::LIST_TOTAL;
pub use validate::MAX_BODY_BYTES;

use envelope::{ApiError, new_request_id, stamp_request_id};
use rate_limit::Category;
use respond::Responses;
use routes::{RouteMatch, RouteTable};
use validate::{BodyCheck, ParamCheck, SchemaCompiler};

use crate::webhook::{Catalog, Delivery, TRIGGER_PATH};

/// A request as every transport sees it.
#[derive(Debug, Clone, Copy)]
pub struct MockRequest<'a> {
    pub method: &'a Method,
    /// The path, without the query string.
    pub path: &'a str,
    /// The raw query string, without `?`.
    pub query: Option<&'a str>,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

/// What the engine makes of a request.
#[derive(Debug)]
pub enum Outcome {
    /// The answer, complete.
    Respond(MockResponse),
    /// A webhook trigger: the transport sends the delivery (it needs I/O),
    /// then finishes the answer with [`Engine::delivered`].
    Deliver(Box<PendingDelivery>),
}

/// A webhook delivery waiting to be sent by the transport.
#[derive(Debug)]
pub struct PendingDelivery {
    delivery: Delivery,
    request_id: String,
}

impl PendingDelivery {
    /// Sends the delivery from async code.
    pub async fn send(self) -> MockResponse {
        let result = self.delivery.send().await;
        finish(result, &self.request_id, Category::Write)
    }

    /// Sends the delivery from synchronous code (blocks the calling thread).
    pub fn send_blocking(self) -> MockResponse {
        let result = self.delivery.send_blocking();
        finish(result, &self.request_id, Category::Write)
    }
}

/// Why a spec could not be compiled.
#[derive(Debug)]
pub struct BuildError(String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// One operation, compiled.
struct CompiledOperation {
    needs_key: bool,
    category: Category,
    path_params: Vec<ParamCheck>,
    query_params: Vec<ParamCheck>,
    header_params: Vec<ParamCheck>,
    body: Option<BodyCheck>,
    responses: Responses,
}

/// The spec, compiled: cheap to share (`Arc`) between threads and transports.
pub struct Engine {
    routes: RouteTable,
    operations: Vec<CompiledOperation>,
    webhooks: Catalog,
}

impl fmt::Debug for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("operations", &self.operations.len())
            .field("webhooks", &self.webhooks.events().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// Compiles `spec`: routes, parameter and body validators, example answers.
    pub fn new(spec: &Spec) -> Result<Engine, BuildError> {
        let compiler = SchemaCompiler::new(spec).map_err(BuildError)?;
        let global_security = spec.as_value().get("security");
        let mut routes = RouteTable::default();
        let mut operations = Vec::new();
        for op in spec.operations() {
            let Ok(method) = Method::from_bytes(op.method().as_str().as_bytes()) else {
                continue;
            };
            let context = |e: String| BuildError(format!("{} {}: {e}", op.method(), op.path()));
            let mut path_params = Vec::new();
            let mut query_params = Vec::new();
            let mut header_params = Vec::new();
            for param in op.parameters() {
                let check = ParamCheck::new(spec, &compiler, param).map_err(context)?;
                match param.get("in").and_then(Value::as_str) {
                    Some("path") => path_params.push(check),
                    Some("query") => query_params.push(check),
                    Some("header") => header_params.push(check),
                    // The spec has no cookie parameters.
                    _ => {}
                }
            }
            let body = match op.request_body() {
                Some(body) => BodyCheck::new(&compiler, body).map_err(context)?,
                None => None,
            };
            let security = op.json().get("security").or(global_security);
            routes.insert(op.path(), method, operations.len());
            operations.push(CompiledOperation {
                needs_key: needs_key(security),
                category: Category::of(&op),
                path_params,
                query_params,
                header_params,
                body,
                responses: Responses::compile(spec, &op),
            });
        }
        Ok(Engine {
            routes,
            operations,
            webhooks: Catalog::from_spec(spec),
        })
    }

    /// The committed spec, compiled.
    pub fn committed() -> Result<Engine, BuildError> {
        Engine::new(Spec::committed())
    }

    /// The event types the trigger can send.
    pub fn webhook_events(&self) -> Vec<String> {
        self.webhooks.events().map(str::to_owned).collect()
    }

    /// Answers one request. Never panics on input: every bad request is a 4xx envelope.
    pub fn handle(&self, request: &MockRequest<'_>) -> Outcome {
        let request_id = new_request_id();
        if trim_slash(request.path) == TRIGGER_PATH {
            return match self.trigger(request) {
                Ok(delivery) => Outcome::Deliver(Box::new(PendingDelivery {
                    delivery,
                    request_id,
                })),
                Err(error) => Outcome::Respond(finish(Err(error), &request_id, Category::Write)),
            };
        }
        let (result, category) = match self.routes.lookup(request.method, request.path) {
            RouteMatch::Found { operation, params } => {
                let op = &self.operations[operation];
                (self.answer(op, request, &params, &request_id), op.category)
            }
            RouteMatch::MethodNotAllowed { allowed } => {
                let error = ApiError::new(
                    405,
                    "method_not_allowed",
                    format!("{} is not supported on {}", request.method, request.path),
                );
                let mut response =
                    finish(Err(error), &request_id, Category::of_method(request.method));
                let allow: Vec<&str> = allowed.iter().map(Method::as_str).collect();
                response.set_header("allow", allow.join(", "));
                return Outcome::Respond(response);
            }
            RouteMatch::NotFound => (
                Err(ApiError::new(
                    404,
                    "route_not_found",
                    format!("No endpoint at {}", request.path),
                )),
                Category::of_method(request.method),
            ),
        };
        Outcome::Respond(finish(result, &request_id, category))
    }

    /// Validates the trigger request and signs its delivery.
    fn trigger(&self, request: &MockRequest<'_>) -> Result<Delivery, ApiError> {
        if request.method != Method::POST {
            return Err(ApiError::new(
                405,
                "method_not_allowed",
                format!("{} is not supported on {TRIGGER_PATH}", request.method),
            ));
        }
        auth::check(request.headers)?;
        if request.body.len() > MAX_BODY_BYTES {
            return Err(ApiError::payload_too_large());
        }
        if !content_type(request.headers).is_some_and(validate::is_json) {
            return Err(validate::unsupported_media_type());
        }
        self.webhooks.prepare(request.body)
    }

    /// The answer of an operation: key, `Prefer`, validation, then the example.
    fn answer(
        &self,
        op: &CompiledOperation,
        request: &MockRequest<'_>,
        params: &[(String, String)],
        request_id: &str,
    ) -> Result<MockResponse, ApiError> {
        if op.needs_key {
            auth::check(request.headers)?;
        }
        let prefer = prefer::parse(request.headers)?;
        let query: Vec<(String, String)> = request
            .query
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        // A forced answer skips validation (that is what integrators force
        // errors for), but echoes only path values the schema accepts, so
        // that every answer still matches the spec.
        let forced_params: Vec<(String, String)>;
        let echoed = if prefer.is_empty() {
            self.validate(op, request, params, &query)?;
            params
        } else {
            forced_params = params
                .iter()
                .filter(|(name, value)| {
                    op.path_params
                        .iter()
                        .find(|p| p.name == *name)
                        .is_none_or(|p| p.check_path(value).is_ok())
                })
                .cloned()
                .collect();
            &forced_params
        };
        let Some(chosen) = op.responses.choose(&prefer, echoed, &query)? else {
            return Err(rate_limit::throttled(op.category));
        };
        let status = chosen.status;
        let response = match chosen.body {
            Some(mut body) => {
                stamp_request_id(&mut body, request_id);
                MockResponse::json(status, &body)
            }
            None => MockResponse {
                status,
                headers: HeaderMap::new(),
                body: Default::default(),
            },
        };
        Ok(response)
    }

    fn validate(
        &self,
        op: &CompiledOperation,
        request: &MockRequest<'_>,
        params: &[(String, String)],
        query: &[(String, String)],
    ) -> Result<(), ApiError> {
        for check in &op.path_params {
            if let Some((_, value)) = params.iter().find(|(name, _)| *name == check.name) {
                check.check_path(value)?;
            }
        }
        // The server rejects unknown query parameters where it reads a query
        // at all; where an operation documents none, it ignores the query.
        if !op.query_params.is_empty()
            && let Some((unknown, _)) = query
                .iter()
                .find(|(name, _)| !op.query_params.iter().any(|p| p.name == *name))
        {
            let known: Vec<&str> = op.query_params.iter().map(|p| p.name.as_str()).collect();
            return Err(ApiError::bad_request(
                "invalid_query",
                format!(
                    "Unknown query parameter `{unknown}`; this endpoint takes {}",
                    known.join(", ")
                ),
            )
            .with_param(unknown));
        }
        for check in &op.query_params {
            let values: Vec<&str> = query
                .iter()
                .filter(|(name, _)| *name == check.name)
                .map(|(_, v)| v.as_str())
                .collect();
            if values.is_empty() {
                if check.required {
                    return Err(ApiError::bad_request(
                        "invalid_query",
                        format!("Query parameter `{}` is required", check.name),
                    )
                    .with_param(&check.name));
                }
                continue;
            }
            check.check_query(&values)?;
        }
        for check in &op.header_params {
            let values = request.headers.get_all(check.name.as_str());
            let mut values = values.iter().peekable();
            if values.peek().is_none() {
                if check.required {
                    return Err(ApiError::bad_request(
                        "missing_header",
                        format!("The {} header is required", check.name),
                    ));
                }
                continue;
            }
            for value in values {
                check.check_header(value.to_str().ok().map(str::trim))?;
            }
        }
        if let Some(body) = &op.body {
            body.check(content_type(request.headers), request.body)?;
        } else if request.body.len() > MAX_BODY_BYTES {
            return Err(ApiError::payload_too_large());
        }
        Ok(())
    }
}

/// Whether an operation's `security` asks for a key: it does unless it is
/// absent, empty, or lists the empty requirement `{}` (auth optional).
fn needs_key(security: Option<&Value>) -> bool {
    match security.and_then(Value::as_array) {
        None => false,
        Some(reqs) => {
            !reqs.is_empty()
                && !reqs
                    .iter()
                    .any(|r| r.as_object().is_some_and(|o| o.is_empty()))
        }
    }
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
}

fn trim_slash(path: &str) -> &str {
    path.strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path)
}

/// The headers every answer carries: request id, content type, rate limits.
fn finish(
    result: Result<MockResponse, ApiError>,
    request_id: &str,
    category: Category,
) -> MockResponse {
    let mut response = match result {
        Ok(response) => response,
        Err(error) => error.render(request_id),
    };
    response.set_header("x-request-id", request_id);
    rate_limit::stamp(&mut response, category);
    response
}
