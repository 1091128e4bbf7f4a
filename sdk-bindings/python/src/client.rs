//! `NativeClient`: one SDK client, callable from any thread and any event loop.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use arc_swap::ArcSwapOption;
use bytes::Bytes;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict};
use thread_local::ThreadLocal;
use tokio::runtime::Runtime;

use crate::convert;
use crate::errors::{Failed, IntoPyErr};
use crate::runtime;

/// The SDK client of one process (see [`crate::runtime`] on forks): awaitables run on it, and
/// the [`Local`] clients share its settings and rate-limit reading.
struct Live {
    pid: u32,
    client: vinsnap::Client,
}

/// One thread's blocking calls: a current-thread runtime and connections of its own. The
/// thread that waits for a call polls it, and the connection's task runs on the same runtime,
/// as in a Rust program on a current-thread runtime; through the shared runtime, each call
/// woke one of its workers and was woken by one, which cost more than the rest of the call.
struct Local {
    pid: u32,
    /// Always `Some` until dropped.
    runtime: Option<Runtime>,
    client: vinsnap::Client,
}

impl Drop for Local {
    /// Without waiting: the last reference may go in an awaitable's callback, which runs on a
    /// worker of the shared runtime, and waiting there for a runtime to stop would panic.
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// State that belongs to the process that made it.
trait ProcessBound {
    fn pid(&self) -> u32;
}

impl ProcessBound for Live {
    fn pid(&self) -> u32 {
        self.pid
    }
}

impl ProcessBound for Local {
    fn pid(&self) -> u32 {
        self.pid
    }
}

#[pyclass(frozen, module = "vinsnap._native")]
pub struct NativeClient {
    builder: vinsnap::ClientBuilder,
    mode: &'static str,
    base_url: String,
    live: ArcSwapOption<Live>,
    locals: ThreadLocal<ArcSwapOption<Local>>,
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
            locals: ThreadLocal::new(),
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
        let local = self.local()?;
        let args = arguments(params, body)?;
        let client = local.client.clone();
        let runtime = local.runtime.as_ref().expect("a live runtime");
        let result = runtime::block(py, runtime, async move {
            client.call_json(&operation_id, args).await
        })?;
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
        for local in self.locals.iter() {
            release(local.swap(None));
        }
    }

    #[getter]
    fn closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}

impl NativeClient {
    /// The calling thread's runtime and client, made on its first blocking call (and afresh in
    /// a forked child).
    fn local(&self) -> PyResult<Arc<Local>> {
        let slot = self.locals.get_or_default();
        let pid = std::process::id();
        if let Some(local) = slot.load_full()
            && local.pid == pid
            && !self.closed.load(Ordering::SeqCst)
        {
            return Ok(local);
        }
        let client = self
            .client()?
            .with_own_connections()
            .map_err(|e| Failed::from(e).into_pyerr())?;
        let fresh = Arc::new(Local {
            pid,
            runtime: Some(runtime::current_thread()?),
            client,
        });
        release(slot.swap(Some(fresh.clone())));
        Ok(fresh)
    }

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
        for local in self.locals.iter_mut() {
            release(local.swap(None));
        }
    }
}

/// Drops a client or runtime, unless a parent process made it: its connections' sockets are
/// shared with the parent and registered with the parent's event queue, so closing them here
/// would break the parent's requests.
fn release<T: ProcessBound>(state: Option<Arc<T>>) {
    if let Some(state) = state
        && state.pid() != std::process::id()
    {
        std::mem::forget(state);
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

/// The response body as Python data, built by the C scanner `json.loads` ends in. The SDK has
/// already read the body as its type, so it is JSON; the Python steps `json.loads` takes before
/// scanning (finding the encoding, decoding, matching whitespace with a regex) cost twice what
/// scanning a small body does. A body the scanner does not take whole goes to `json.loads`,
/// which raises as it always does.
fn answer(py: Python<'_>, result: Result<Bytes, vinsnap::Error>) -> PyResult<Py<PyAny>> {
    static SCAN: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let body = result.map_err(|error| Failed::from(error).into_pyerr())?;
    if let Ok(text) = std::str::from_utf8(&body) {
        let text = text.trim_matches([' ', '\t', '\n', '\r']);
        let scan = SCAN.get_or_try_init(py, || {
            let decoder = py.import("json.decoder")?.getattr("JSONDecoder")?.call0()?;
            PyResult::Ok(decoder.getattr("scan_once")?.unbind())
        })?;
        if let Ok((value, end)) = scan
            .call1(py, (text, 0))
            .and_then(|scanned| scanned.extract::<(Py<PyAny>, usize)>(py))
        {
            // `end` counts characters.
            let length = if text.is_ascii() {
                text.len()
            } else {
                text.chars().count()
            };
            if end == length {
                return Ok(value);
            }
        }
    }
    Ok(LOADS
        .import(py, "json", "loads")?
        .call1((PyBytes::new(py, &body),))?
        .unbind())
}
