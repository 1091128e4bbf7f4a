//! Serving the API: the accept loop, each connection (HTTP/1.1; hyper's own parse-error answers
//! rewritten into envelopes; a lingering close), and a shutdown that bounds itself.
//!
//! When `shutdown` resolves:
//! 1. outbound calls are cancelled at once (webhook deliveries and test calls, invoice emails),
//!    so no request waits on a slow receiver or mail server;
//! 2. connections already accepted, and those still in the listen backlog, each finish the
//!    request they carry and close; idle keep-alive connections close at once;
//! 3. after [`GRACE`], whatever is still open is dropped;
//! 4. the dispatcher stops (its cancelled deliveries are due again at once, for the next start
//!    or another replica) and this process's unfinished idempotency claims are released.

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::future::poll_fn;
use std::pin::Pin;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::http::idempotency;
use crate::http::rejections::Enveloped;
use crate::state::AppState;
use crate::{app, dispatcher};

/// How long requests in flight may take to finish once shutdown has begun.
pub const GRACE: Duration = Duration::from_secs(5);
/// How long a closing connection reads (and drops) what the client still sends, so that the
/// close is a FIN after the answer rather than a reset that could destroy it.
const LINGER: Duration = Duration::from_secs(2);
/// How long a client may take to send a request's head.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Serves the API on `listener` until `shutdown` resolves, then shuts down as the module says.
/// The webhook dispatcher runs alongside for as long.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let dispatcher = dispatcher::spawn(
        state.db.clone(),
        state.webhooks.clone(),
        state.metrics.clone(),
        state.stopping.clone(),
    );
    let app = app::router(state.clone());
    let (close, closing) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(stream, app.clone(), closing.clone()));
                }
                Err(err) => {
                    // Out of file descriptors, most likely: wait for connections to end.
                    tracing::warn!(error = %err, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    tracing::info!("shutting down");
    state.stopping.cancel();
    // Connections the kernel completed but the loop had not accepted yet would be reset when
    // the listener closes; they are served like the others.
    while let Ok(Ok((stream, _))) = tokio::time::timeout(Duration::ZERO, listener.accept()).await {
        connections.spawn(connection(stream, app.clone(), closing.clone()));
    }
    drop(listener);
    let _ = close.send(true);
    let drained = tokio::time::timeout(GRACE, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            connections = connections.len(),
            "dropping the connections still open after the grace period"
        );
        connections.shutdown().await;
    }
    dispatcher.shutdown().await;
    idempotency::release_instance_claims(&state).await;
    Ok(())
}

/// One HTTP/1.1 connection, until the client closes it, an error ends it, or shutdown closes it
/// after the request it is carrying.
async fn connection(stream: TcpStream, app: Router, mut closing: watch::Receiver<bool>) {
    let _ = stream.set_nodelay(true);
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        let app = app.clone();
        Box::pin(async move { app.oneshot(request.map(Body::new)).await })
            as Pin<Box<dyn Future<Output = Result<_, Infallible>> + Send>>
    });
    let mut conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .serve_connection(TokioIo::new(Enveloped::new(stream)), service);
    let mut closed = false;
    let mut polled = false;
    let result = loop {
        // Closing (or the server gone): a connection reading or answering a request finishes
        // it first, an idle one closes at once. Only once hyper has read what the socket
        // already holds: before that, a connection whose request arrived just before the
        // signal would look idle and be closed unanswered.
        if polled && !closed && (*closing.borrow() || closing.has_changed().is_err()) {
            Pin::new(&mut conn).graceful_shutdown();
            closed = true;
        }
        let step = tokio::select! {
            biased;
            result = poll_fn(|cx| conn.poll_without_shutdown(cx)) => Some(result),
            _ = closing.changed(), if !closed => None,
        };
        polled = true;
        if let Some(result) = step {
            break result;
        }
    };
    if let Err(err) = result {
        tracing::debug!(error = %err, "connection ended with an error");
    }
    let stream = conn.into_parts().io.into_inner().into_inner();
    linger(stream).await;
}

/// Closes our side after everything written, then reads and drops what the client still sends
/// until it closes too (or [`LINGER`] passes): closing a socket with unread data would reset
/// the connection and could destroy the answer just written (such as a 431 sent while the
/// client is still sending its headers).
async fn linger(mut stream: TcpStream) {
    if stream.shutdown().await.is_err() {
        return;
    }
    let mut sink = [0u8; 8192];
    let _ = tokio::time::timeout(LINGER, async {
        while let Ok(1..) = stream.read(&mut sink).await {}
    })
    .await;
}
