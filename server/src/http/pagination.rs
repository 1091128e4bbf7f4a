//! `limit`/`offset` paging and the list envelope `{"data", "has_more", "total"}`.

use super::error::ApiError;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 100;

/// A validated page request.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: u32,
    pub offset: u32,
}

impl Page {
    pub fn new(limit: Option<u32>, offset: Option<u32>) -> Result<Self, ApiError> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::bad_request(
                "invalid_query",
                format!("`limit` must be between 1 and {MAX_LIMIT}, got {limit}"),
            )
            .with_param("limit"));
        }
        Ok(Self {
            limit,
            offset: offset.unwrap_or(0),
        })
    }

    /// Whether rows exist past this page, given the total count.
    pub fn has_more(&self, total: i64) -> bool {
        i64::from(self.offset) + i64::from(self.limit) < total
    }
}

/// Declares a list envelope type for a resource, so the spec (and so every SDK) gets a named
/// `CustomerList` rather than an anonymous generic.
macro_rules! list_type {
    ($(#[$meta:meta])* $name:ident, $item:ty) => {
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        $(#[$meta])*
        pub struct $name {
            /// This page of results.
            pub data: Vec<$item>,
            /// Whether more results exist past this page (`offset + limit < total`).
            pub has_more: bool,
            /// How many results match, across all pages.
            pub total: i64,
        }

        impl $name {
            pub fn new(data: Vec<$item>, page: $crate::http::pagination::Page, total: i64) -> Self {
                Self { has_more: page.has_more(total), data, total }
            }
        }
    };
}
pub(crate) use list_type;
