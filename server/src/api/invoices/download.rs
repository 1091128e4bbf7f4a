//! `GET /invoices/{id}/pdf?expires=…&signature=…`: the stored PDF behind a signed, expiring link
//! that needs no API key. It is left out of the OpenAPI document on purpose: it is a link the
//! API hands out (`pdf_url`), not an operation clients call with a key.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::model::Invoice;
use super::store;
use crate::core::ids::InvoiceId;
use crate::core::link_signing::LinkError;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiPath, ApiQuery};
use crate::state::AppState;

pub const PATH: &str = "/invoices/{id}/pdf";

fn path(id: &InvoiceId) -> String {
    format!("/invoices/{id}/pdf")
}

/// A link to the invoice's PDF valid for the configured time from now.
pub async fn signed_url(state: &AppState, id: &InvoiceId) -> ApiResult<(String, DateTime<Utc>)> {
    let expires = state.now() + state.config.pdf_link_ttl;
    // Whole seconds: that is what the link carries.
    let expires = DateTime::from_timestamp(expires.timestamp(), 0).unwrap_or(expires);
    let path = path(id);
    let query = state.links.sign(&state.db, &path, expires).await?;
    let base = state.config.public_url.trim_end_matches('/');
    Ok((format!("{base}{path}?{query}"), expires))
}

/// Fills `pdf_url` for an invoice that has a PDF (it has been sent at least once).
pub async fn attach_link(state: &AppState, invoice: &mut Invoice) -> ApiResult<()> {
    if invoice.sent_at.is_some() {
        let (url, expires) = signed_url(state, &invoice.id).await?;
        invoice.pdf_url = Some(url);
        invoice.pdf_url_expires_at = Some(expires);
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signed {
    expires: i64,
    signature: String,
}

pub async fn invoice_pdf(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<InvoiceId>,
    ApiQuery(link): ApiQuery<Signed>,
) -> ApiResult<Response> {
    let now = state.now();
    let verdict = state
        .links
        .verify(&state.db, &path(&id), link.expires, &link.signature, now)
        .await?;
    match verdict {
        Ok(()) => {}
        Err(LinkError::BadSignature) => {
            return Err(ApiError::forbidden(
                "invalid_signature",
                "This link's signature does not match; use the exact `pdf_url` the API returned",
            ));
        }
        Err(LinkError::Expired) => {
            return Err(ApiError::new(
                StatusCode::GONE,
                "link_expired",
                "This link has expired; fetch the invoice again for a fresh `pdf_url`",
            ));
        }
    }
    let pdf = store::pdf(&state.db, &id)
        .await?
        .ok_or_else(|| ApiError::not_found("invoice", &id))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{id}.pdf\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        pdf,
    )
        .into_response())
}
