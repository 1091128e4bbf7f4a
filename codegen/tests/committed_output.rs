//! Committed generated output must be what the generator writes from the committed spec.

use std::path::Path;

use vinsnap_codegen::output::{self, REGENERATE};

#[test]
fn committed_generated_files_are_current() {
    let files = vinsnap_codegen::generate(vinsnap_openapi::Spec::committed())
        .unwrap_or_else(|e| panic!("the committed spec cannot be generated from: {e}"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let stale = output::stale(root, &files);
    assert!(
        stale.is_empty(),
        "generated files are stale or missing: {:?}\nregenerate with: {REGENERATE}",
        stale.iter().map(|s| &s.path).collect::<Vec<_>>()
    );
}
