//! `NativeClient`: one SDK client; each call a promise resolved on napi's tokio runtime.

use std::collections::HashMap;
use std::time::Duration;

use napi_derive::napi;
use serde_json::{Map, Value};

use crate::failure::{Failure, IntoNapi};

/// The client's settings, as the package passes them.
#[napi(object)]
pub struct ClientOptions {
    pub api_key: String,
    pub base_url: Option<String>,
    /// Milliseconds one attempt may take.
    pub timeout: Option<f64>,
    pub max_retries: Option<u32>,
    pub default_headers: Option<HashMap<String, String>>,
}

/// A reading of the `X-RateLimit-*` headers.
#[napi(object)]
pub struct RateLimitReading {
    pub limit: f64,
    pub remaining: f64,
    /// Unix seconds when the window resets.
    pub reset: f64,
}

#[napi]
pub struct NativeClient {
    client: vinsnap::Client,
}

#[napi]
impl NativeClient {
    /// Builds the client now, so a bad key, URL, timeout or header fails here rather than at
    /// the first call.
    #[napi(constructor)]
    pub fn new(options: ClientOptions) -> napi::Result<NativeClient> {
        Ok(NativeClient {
            client: build(options)?,
        })
    }

    /// Runs `operation_id` with `params` (a JSON object of parameters by their spec names) and
    /// `body` (JSON text, or none), and resolves with the response body as JSON text (`null`
    /// for an empty one).
    #[napi]
    pub async fn call(
        &self,
        operation_id: String,
        params: String,
        body: Option<String>,
    ) -> napi::Result<String> {
        let args = arguments(&params, body.as_deref())?;
        let body = self
            .client
            .call_json(&operation_id, args)
            .await
            .map_err(|e| Failure::from(e).into_napi())?;
        String::from_utf8(body.to_vec()).map_err(|e| {
            Failure::new("decode", format!("the response is not UTF-8: {e}")).into_napi()
        })
    }

    /// `"test"` or `"live"`, from the key.
    #[napi(getter)]
    pub fn mode(&self) -> &'static str {
        match self.client.mode() {
            vinsnap::KeyMode::Live => "live",
            _ => "test",
        }
    }

    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.client.base_url().to_string()
    }

    /// The last rate-limit reading this client received, if any.
    #[napi(getter)]
    pub fn rate_limit(&self) -> Option<RateLimitReading> {
        self.client.rate_limit().map(|r| RateLimitReading {
            limit: r.limit as f64,
            remaining: r.remaining as f64,
            reset: r.reset as f64,
        })
    }
}

fn build(options: ClientOptions) -> napi::Result<vinsnap::Client> {
    let mut builder = vinsnap::Client::builder(options.api_key);
    if let Some(url) = options.base_url {
        builder = builder.base_url(url);
    }
    if let Some(ms) = options.timeout {
        if !(ms.is_finite() && ms > 0.0) {
            return Err(Failure::invalid(
                Some("timeout".into()),
                "must be a positive number of milliseconds",
            )
            .into_napi());
        }
        builder = builder.timeout(Duration::from_secs_f64(ms / 1000.0));
    }
    if let Some(retries) = options.max_retries {
        builder = builder.max_retries(retries);
    }
    for (name, value) in options.default_headers.unwrap_or_default() {
        builder = builder.default_header(name, value);
    }
    builder.build().map_err(|e| Failure::from(e).into_napi())
}

fn arguments(params: &str, body: Option<&str>) -> napi::Result<vinsnap::Arguments> {
    let params: Map<String, Value> = serde_json::from_str(params).map_err(|e| {
        Failure::invalid(None, format!("the parameters are not a JSON object: {e}")).into_napi()
    })?;
    let body = body
        .map(serde_json::from_str::<Value>)
        .transpose()
        .map_err(|e| {
            Failure::invalid(Some("body".into()), format!("the body is not JSON: {e}")).into_napi()
        })?;
    Ok(vinsnap::Arguments::from_parts(params, body))
}
