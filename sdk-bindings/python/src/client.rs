//! `NativeClient`: one SDK client, callable from any thread and any event loop.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use arc_swap::ArcSwapOption;
use bytes::Bytes;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use crate::convert;
use crate::errors::Failed;
use crate::runtime;

/// The SDK client of one process (see [`crate::runtime`] on forks).
struct Live {
    pid: u32,
    client: vinsnap::Client,
}

#[pyclass(frozen, module = "vinsnap._native")]
pub struct NativeClient {
    builder: vinsnap::ClientBuilder,
    mode: &'static str,
    base_url: String,
    live: ArcSwapOption<Live>,
    closed: AtomicBool,
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (api_key, base_url=None, timeout=30.0, max_retries=2, default_headers=Vec::new()))]
    fn new(
        api_key: String,
        base_url: Option<String>,
        timeout: f64,
        max_retries: u32,
        default_headers: Vec<(String, String)>,
    ) -> PyResult<Self> {
        if !(timeout.is_finite() && timeout > 0.0) {
            return Err(Failed::invalid(
                Some("timeout".into()),
                "must be a positive number of seconds",
            )
            .into_pyerr());
        }
        let mut builder = vinsnap::Client::builder(api_key)
            .timeout(Duration::from_secs_f64(timeout))
            .max_retries(max_retries);
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        for (name, value) in default_headers {
            builder = builder.default_header(name, value);
        }
        // Built now so that a bad key, URL or header fails here rather than at the first call.
        let client = builder
            .clone()
            .build()
            .map_err(|e| Failed::from(e).into_pyerr())?;
        let mode = match client.mode() {
            vinsnap::KeyMode::Live => "live",
            _ => "test",
        };
        Ok(NativeClient {
            mode,
            base_url: client.base_url().to_string(),
            live: ArcSwapOption::from_pointee(Live {
                pid: std::process::id(),
                client,
            }),
            builder,
            closed: AtomicBool::new(false),
        })
    }

    /// Runs `operation_id` and answers its response body (`dict`, `list` or `None`), blocking
    /// with the GIL released.
    #[pyo3(signature = (operation_id, params, body=None))]
    fn call(
        &self,
        py: Python<'_>,
        operation_id: String,
        params: &Bound<'_, PyDict>,
        body: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let client = self.client()?;
        let args = arguments(params, body)?;
        let result = runtime::block(
            py,
            async move { client.call_json(&operation_id, args).await },
        )?;
        answer(py, result)
    }

    /// [`NativeClient::call`] as an `asyncio.Future` of the running event loop.
    #[pyo3(signature = (operation_id, params, body=None))]
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        operation_id: String,
        params: &Bound<'py, PyDict>,
        body: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let client = self.client()?;
        let args = arguments(params, body)?;
        runtime::spawn_awaitable(
            py,
            async move { client.call_json(&operation_id, args).await },
            answer,
        )
    }

    /// `"test"` or `"live"`, from the key.
    #[getter]
    fn mode(&self) -> &'static str {
        self.mode
    }

    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The last rate-limit reading, `(limit, remaining, reset)`, if any.
    #[getter]
    fn rate_limit(&self) -> Option<(u64, u64, u64)> {
        let live = self.live.load();
        let live = live.as_ref().filter(|l| l.pid == std::process::id())?;
        live.client
            .rate_limit()
            .map(|r| (r.limit, r.remaining, r.reset))
    }

    /// Closes the connections; later calls fail.
    fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        release(self.live.swap(None));
    }

    #[getter]
    fn closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}

impl NativeClient {
    /// This process's SDK client, made afresh in a forked child.
    fn client(&self) -> PyResult<vinsnap::Client> {
        if self.closed.load(Ordering::SeqCst) {
            return Err(Failed::new("closed", "the client is closed").into_pyerr());
        }
        let pid = std::process::id();
        if let Some(live) = self.live.load().as_ref()
            && live.pid == pid
        {
            return Ok(live.client.clone());
        }
        let client = self
            .builder
            .clone()
            .build()
            .map_err(|e| Failed::from(e).into_pyerr())?;
        let fresh = Arc::new(Live {
            pid,
            client: client.clone(),
        });
        release(self.live.swap(Some(fresh)));
        Ok(client)
    }
}

impl Drop for NativeClient {
    fn drop(&mut self) {
        release(self.live.swap(None));
    }
}

/// Drops a client, unless a parent process made it: its connections' sockets are shared with
/// the parent and registered with the parent's event queue, so closing them here would break
/// the parent's requests.
fn release(live: Option<Arc<Live>>) {
    if let Some(live) = live
        && live.pid != std::process::id()
    {
        std::mem::forget(live);
    }
}

fn arguments(
    params: &Bound<'_, PyDict>,
    body: Option<&Bound<'_, PyAny>>,
) -> PyResult<vinsnap::Arguments> {
    let params = convert::map(params, "")?;
    let body = match body {
        None => None,
        Some(body) if body.is_none() => None,
        Some(body) => Some(match body.cast::<PyDict>() {
            Ok(dict) => convert::object(dict, "")?,
            Err(_) => convert::from_py(body, "body")?,
        }),
    };
    Ok(vinsnap::Arguments::from_parts(params, body))
}

/// The response body as Python data, read by `json.loads`: building it from JSON text in C is
/// faster than building it here one value at a time.
fn answer(py: Python<'_>, result: Result<Bytes, vinsnap::Error>) -> PyResult<Py<PyAny>> {
    match result {
        Ok(body) => Ok(py
            .import("json")?
            .getattr("loads")?
            .call1((PyBytes::new(py, &body),))?
            .unbind()),
        Err(error) => Err(Failed::from(error).into_pyerr()),
    }
}
