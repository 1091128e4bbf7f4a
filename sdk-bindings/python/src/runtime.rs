//! Where requests run: awaitables on a tokio runtime per process, resolved on the caller's event
//! loop; blocking calls on a runtime of the calling thread, interrupted by Ctrl-C.
//!
//! After `os.fork()` the child has none of the parent's threads: a runtime inherited from the
//! parent would never run a task again, and its I/O registrations are shared with the parent's.
//! So the runtime belongs to the process that made it; a child makes its own on first use and
//! never touches (or drops) the parent's.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwapOption;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use tokio::runtime::Runtime;
use tokio::task::AbortHandle;

use crate::errors::{Failed, IntoPyErr};

struct ProcessRuntime {
    pid: u32,
    runtime: &'static Runtime,
}

static RUNTIME: ArcSwapOption<ProcessRuntime> = ArcSwapOption::const_empty();

/// This process's runtime for awaitables, started on first use.
pub fn runtime() -> PyResult<&'static Runtime> {
    let pid = std::process::id();
    if let Some(current) = RUNTIME.load().as_ref()
        && current.pid == pid
    {
        return Ok(current.runtime);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("vinsnap")
        .enable_all()
        .build()
        .map_err(cannot_start)?;
    // Never dropped: dropping a runtime waits for its threads, which a forked child does not
    // have.
    let runtime: &'static Runtime = Box::leak(Box::new(runtime));
    let fresh = Arc::new(ProcessRuntime { pid, runtime });
    // Another thread of this process may have started one meanwhile: keep that one (ours then
    // stays idle), and replace any runtime of a parent process.
    RUNTIME.rcu(|current| match current {
        Some(current) if current.pid == pid => Some(current.clone()),
        _ => Some(fresh.clone()),
    });
    Ok(RUNTIME
        .load()
        .as_ref()
        .map(|current| current.runtime)
        .unwrap_or(runtime))
}

/// A runtime for one thread's blocking calls: that thread polls its requests and drives their
/// sockets and timers itself, so a call wakes no other thread (see `client::Local`).
pub fn current_thread() -> PyResult<Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(cannot_start)
}

fn cannot_start(error: std::io::Error) -> PyErr {
    Failed::new(
        "connection",
        format!("cannot start the I/O runtime: {error}"),
    )
    .into_pyerr()
}

/// Runs `call` to completion on `runtime` (a [`current_thread`] one of the calling thread)
/// with the GIL released, waking every 50 ms to let Python handle signals: Ctrl-C raises
/// `KeyboardInterrupt` here and cancels the request.
pub fn block<T: Send + 'static>(
    py: Python<'_>,
    runtime: &Runtime,
    call: impl Future<Output = T> + Send + 'static,
) -> PyResult<T> {
    // The runtime runs only while its thread calls, so what happened on its connections since
    // (a server closing an idle one) is not known yet: the yield lets it read the sockets'
    // events first, and the pool then skips a closed connection instead of sending on it.
    let mut call = Box::pin(async move {
        tokio::task::yield_now().await;
        call.await
    });
    loop {
        let polled = py.detach(|| {
            // The timer is made inside `block_on`: it needs the runtime's context.
            runtime.block_on(async {
                tokio::time::timeout(Duration::from_millis(50), &mut call).await
            })
        });
        match polled {
            Ok(value) => return Ok(value),
            // Dropping `call` on the way out cancels the request.
            Err(_elapsed) => py.check_signals()?,
        }
    }
}

/// Runs `call` on the runtime and answers an `asyncio.Future` of the running loop, resolved
/// with `finish(py, result)` on that loop. Cancelling the future cancels the request.
pub fn spawn_awaitable<'py, T: Send + 'static>(
    py: Python<'py>,
    call: impl Future<Output = T> + Send + 'static,
    finish: impl FnOnce(Python<'_>, T) -> Result<Py<PyAny>, PyErr> + Send + 'static,
) -> PyResult<Bound<'py, PyAny>> {
    static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    static RESOLVE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let event_loop = GET_RUNNING_LOOP
        .import(py, "asyncio", "get_running_loop")?
        .call0()?;
    let future = event_loop.call_method0("create_future")?;
    let resolve = RESOLVE
        .import(py, "vinsnap._native", "resolve_future")?
        .clone()
        .unbind();
    let (loop_ref, future_ref) = (event_loop.unbind(), future.clone().unbind());
    let task = runtime()?.spawn(async move {
        let result = call.await;
        Python::attach(|py| {
            let (ok, value) = match finish(py, result) {
                Ok(value) => (true, value),
                Err(error) => (false, error.into_value(py).into_any()),
            };
            // Fails only when the loop is closed, and then nobody awaits the future.
            let _ =
                loop_ref.call_method1(py, "call_soon_threadsafe", (resolve, future_ref, ok, value));
        });
    });
    future.call_method1("add_done_callback", (CancelOnDone(task.abort_handle()),))?;
    Ok(future)
}

/// Sets an `asyncio.Future`'s result or exception, unless it was cancelled meanwhile.
#[pyfunction]
pub fn resolve_future(
    future: &Bound<'_, PyAny>,
    ok: bool,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    if future.call_method0("done")?.is_truthy()? {
        return Ok(());
    }
    if ok {
        future.call_method1("set_result", (value,))?;
    } else {
        future.call_method1("set_exception", (value,))?;
    }
    Ok(())
}

/// A done-callback aborting the request when its future is cancelled (after it completed,
/// aborting is a no-op).
#[pyclass(frozen)]
struct CancelOnDone(AbortHandle);

#[pymethods]
impl CancelOnDone {
    fn __call__(&self, future: &Bound<'_, PyAny>) -> PyResult<()> {
        if future.call_method0("cancelled")?.is_truthy()? {
            self.0.abort();
        }
        Ok(())
    }
}
