//! Keeping a successful response's body as the server sent it.
//!
//! The generated builders answer typed values, which hold an absent and a `null` field both as
//! `None`. The dispatch entry point answers JSON, and re-serializing the typed value would turn
//! every `null` the server sent into an absent field, and cost a second pass over the body. So
//! inside [`capturing`], the transport buffers a successful response's body and keeps a copy
//! (the bytes are shared, not copied) for the caller, after the builder has checked it against
//! its type.

use std::cell::RefCell;
use std::future::Future;

use bytes::Bytes;
use reqwest::Response;

tokio::task_local! {
    static BODY: RefCell<Option<Bytes>>;
}

/// Runs `call` (a builder's `send()`) and answers its output with the body of the last
/// successful response it received.
pub(crate) async fn capturing<F: Future>(call: F) -> (F::Output, Option<Bytes>) {
    BODY.scope(RefCell::new(None), async {
        let output = call.await;
        (output, BODY.with(|body| body.borrow_mut().take()))
    })
    .await
}

/// Buffers `response`'s body and keeps it, when a [`capturing`] call is in scope.
pub(super) async fn keep(response: Response) -> reqwest::Result<Response> {
    if BODY.try_with(|_| ()).is_err() {
        return Ok(response);
    }
    let (response, body) = super::buffered(response).await?;
    BODY.with(|kept| *kept.borrow_mut() = Some(body));
    Ok(response)
}
