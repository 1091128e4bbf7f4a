//! Errors below the router as envelopes. hyper answers a request it cannot parse by itself,
//! before any service runs: 400 for a malformed head (a NUL or another control character in a
//! header, a bad method or version), 414 for a target longer than 65,534 bytes, 431 for headers
//! too large. It writes a bare head (`connection: close`, `content-length: 0`) that the service
//! never sees, so [`Enveloped`] recognises it on its way to the socket and writes the API's
//! envelope instead, with an `X-Request-Id` like every other answer.
//!
//! Every response the router produces carries `X-Request-Id`, so a head without one, with an
//! empty body, at the start of a write, can only be hyper's own.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::error::{ErrorBody, ErrorEnvelope};
use super::request_id;

/// A connection whose parse-error answers are rewritten into envelopes.
pub struct Enveloped<T> {
    inner: T,
    /// An envelope being written in place of hyper's head, and how much of it is written.
    replacing: Option<(Vec<u8>, usize)>,
}

impl<T> Enveloped<T> {
    pub fn new(inner: T) -> Self {
        Self {
            inner,
            replacing: None,
        }
    }

    pub fn into_inner(self) -> T {
        self.inner
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Enveloped<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Enveloped<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.replacing.is_none()
            && let Some(envelope) = envelope_for(buf)
        {
            self.replacing = Some((envelope, 0));
        }
        let this = &mut *self;
        let Some((envelope, written)) = &mut this.replacing else {
            return Pin::new(&mut this.inner).poll_write(cx, buf);
        };
        // hyper writes the same head again after a Pending, so the envelope is written whole
        // before the head counts as written.
        while *written < envelope.len() {
            match ready!(Pin::new(&mut this.inner).poll_write(cx, &envelope[*written..])) {
                Ok(0) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Ok(n) => *written += n,
                Err(err) => return Poll::Ready(Err(err)),
            }
        }
        this.replacing = None;
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The envelope to send instead of `written`, when `written` is hyper's own error head.
fn envelope_for(written: &[u8]) -> Option<Vec<u8>> {
    let rest = written.strip_prefix(b"HTTP/1.1 ")?;
    let end = written.windows(4).position(|w| w == b"\r\n\r\n")?;
    if end + 4 != written.len() {
        return None;
    }
    let head = String::from_utf8_lossy(&written[..end]).to_ascii_lowercase();
    let status: u16 = std::str::from_utf8(rest.get(..3)?).ok()?.parse().ok()?;
    let bare = head.contains("\r\ncontent-length: 0") && !head.contains("\r\nx-request-id:");
    if !(400..600).contains(&status) || !bare {
        return None;
    }
    let (code, message) = match status {
        400 => (
            "malformed_request",
            "The request is not valid HTTP/1.1: a header holds a byte that is not allowed (NUL \
             or another control character), or the method, target, version or a header is \
             malformed",
        ),
        414 => (
            "uri_too_long",
            "The request target (path and query) is longer than the 65,534 bytes the server \
             reads; send long data in a body",
        ),
        431 => (
            "request_header_fields_too_large",
            "The request's headers are too large: keep them under 400 KiB in all and 100 fields",
        ),
        _ => ("malformed_request", "The request could not be read"),
    };
    let request_id = request_id::generate();
    let body = serde_json::to_vec(&ErrorEnvelope {
        success: false,
        error: ErrorBody {
            code: code.to_owned(),
            message: message.to_owned(),
            request_id: request_id.clone(),
            param: None,
        },
    })
    .ok()?;
    let mut lines = written[..end]
        .split(|&b| b == b'\n')
        .map(|line| line.trim_ascii_end());
    let status_line = lines.next()?;
    let date = lines.find(|line| {
        line.get(..5)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"date:"))
    });
    let mut envelope = Vec::with_capacity(256 + body.len());
    envelope.extend_from_slice(status_line);
    envelope.extend_from_slice(b"\r\ncontent-type: application/json\r\n");
    envelope.extend_from_slice(format!("content-length: {}\r\n", body.len()).as_bytes());
    envelope.extend_from_slice(format!("{}: {request_id}\r\n", request_id::HEADER).as_bytes());
    envelope.extend_from_slice(b"connection: close\r\n");
    if let Some(date) = date {
        envelope.extend_from_slice(date);
        envelope.extend_from_slice(b"\r\n");
    }
    envelope.extend_from_slice(b"\r\n");
    envelope.extend_from_slice(&body);
    Some(envelope)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HYPER_431: &[u8] = b"HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\ndate: Tue, 01 Dec 2026 00:11:38 GMT\r\n\r\n";

    #[test]
    fn hypers_bare_error_head_becomes_an_envelope() {
        let envelope = String::from_utf8(envelope_for(HYPER_431).unwrap()).unwrap();
        let (head, body) = envelope.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
        assert!(head.contains("\r\ncontent-type: application/json"));
        assert!(head.contains("\r\ndate: Tue, 01 Dec 2026 00:11:38 GMT"));
        let id = head
            .lines()
            .find_map(|l| l.strip_prefix("x-request-id: "))
            .unwrap();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length: "))
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(length, body.len());
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(body["success"], false);
        assert_eq!(body["error"]["code"], "request_header_fields_too_large");
        assert_eq!(body["error"]["request_id"], id);
    }

    #[test]
    fn the_routers_answers_and_bodies_are_left_alone() {
        let ours = b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\nx-request-id: req_1\r\ncontent-length: 0\r\n\r\n";
        assert!(envelope_for(ours).is_none());
        assert!(envelope_for(b"{\"data\":[]}").is_none());
        let with_body = [HYPER_431, b"x"].concat();
        assert!(envelope_for(&with_body).is_none());
        let success = b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n";
        assert!(envelope_for(success).is_none());
    }
}
