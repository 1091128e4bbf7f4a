//! `limit`/`offset` paging and the list envelope `{"data", "has_more", "total"}`.

use crate::core::bounded::{Limit, Offset};

pub const DEFAULT_LIMIT: u32 = 50;

/// A page request. Its bounds are checked where `limit` and `offset` are read, by their types.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: u32,
    pub offset: u32,
}

impl Page {
    pub fn new(limit: Option<Limit>, offset: Option<Offset>) -> Self {
        // Both types' bounds lie within u32.
        let get = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        Self {
            limit: limit.map_or(DEFAULT_LIMIT, |l| get(l.get())),
            offset: offset.map_or(0, |o| get(o.get())),
        }
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
