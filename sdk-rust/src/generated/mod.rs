//! Everything build.rs generates from `openapi/openapi.json`; nothing here is written by hand.

/// progenitor's client: `Client`, one extension trait per tag, `builder`, `types`, `prelude`.
#[allow(
    clippy::all,
    clippy::pedantic,
    missing_docs,
    unused_imports,
    unused_mut,
    dead_code,
    rustdoc::all,
    mismatched_lifetime_syntaxes
)]
pub mod progenitor {
    include!(concat!(env!("OUT_DIR"), "/progenitor.rs"));
}

/// `ListOperation` for every operation that pages with `limit`/`offset`.
#[allow(clippy::all)]
pub mod pagination {
    include!(concat!(env!("OUT_DIR"), "/pagination.rs"));
}

/// The webhook `Event` enum.
#[allow(clippy::all)]
pub mod events {
    include!(concat!(env!("OUT_DIR"), "/events.rs"));
}

/// The dispatch entry point's arms, one per operation.
#[allow(clippy::all)]
pub mod dispatch {
    include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));
}

#[cfg(test)]
mod tests {
    /// progenitor skips what it cannot generate rather than failing on it, so check that every
    /// operation of the spec made it into the client (each generated call names its
    /// `operationId` for the hooks).
    #[test]
    fn every_operation_of_the_spec_is_generated() {
        let source = include_str!(concat!(env!("OUT_DIR"), "/progenitor.rs"));
        let spec = vinsnap_openapi::Spec::committed();
        let missing: Vec<&str> = spec
            .operations()
            .filter_map(|op| op.operation_id())
            .filter(|id| !source.contains(&format!("operation_id: \"{id}\"")))
            .collect();
        assert!(spec.operations().count() > 0);
        assert!(
            missing.is_empty(),
            "not in the generated client: {missing:?}"
        );
    }

    /// The bindings reach every operation through the dispatch entry point.
    #[test]
    fn every_operation_of_the_spec_has_a_dispatch_arm() {
        let spec = vinsnap_openapi::Spec::committed();
        let ids: Vec<&str> = spec
            .operations()
            .filter_map(|op| op.operation_id())
            .collect();
        assert!(!ids.is_empty());
        assert_eq!(ids, super::dispatch::OPERATIONS);
        let source = include_str!(concat!(env!("OUT_DIR"), "/dispatch.rs"));
        for id in ids {
            assert!(
                source.contains(&format!("\"{id}\" => {{")),
                "no dispatch arm for {id}"
            );
        }
    }

    /// Every operation answering a `{data, has_more}` page is streamable.
    #[test]
    fn every_paged_list_operation_is_streamable() {
        let spec = vinsnap_openapi::Spec::committed();
        let paged: Vec<&str> = spec
            .operations()
            .filter(|op| {
                let schema = &op
                    .response("200")
                    .map(|r| &r["content"]["application/json"]["schema"]);
                schema.is_some_and(|s| spec.resolve(s)["properties"].get("has_more").is_some())
            })
            .filter_map(|op| op.operation_id())
            .collect();
        assert!(!paged.is_empty());
        assert_eq!(paged, super::pagination::LIST_OPERATIONS);
    }
}
