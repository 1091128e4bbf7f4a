//! `vinsnap-docs-samples NAME` runs one Rust sample of the built docs site, compiled in by
//! `docs/test/samples.test.mjs` (all samples in one binary, so they build once). It exits 0
//! when the sample succeeded, 1 when it failed, 2 when no sample has that name.

use std::process::ExitCode;

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

fn main() -> ExitCode {
    let name = std::env::args().nth(1).unwrap_or_default();
    match run(&name) {
        Some(Ok(())) => ExitCode::SUCCESS,
        Some(Err(e)) => {
            eprintln!("sample {name} failed: {e}");
            ExitCode::FAILURE
        }
        None if NAMES.is_empty() => {
            eprintln!(
                "no samples compiled in: `node --test docs/test/` (after ./scripts/docs) builds this binary with the site's samples"
            );
            ExitCode::from(2)
        }
        None => {
            eprintln!("no sample named {name:?}; compiled in: {NAMES:?}");
            ExitCode::from(2)
        }
    }
}
