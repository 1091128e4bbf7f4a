//! `cargo run -p vinsnap-codegen` writes every generated file of the bindings and docs;
//! `--check` writes nothing and fails when a committed one is stale; `docs-spec` prints the spec
//! with every operation's code samples (`x-codeSamples`), the input `scripts/docs` renders.

use std::{path::PathBuf, process::ExitCode};

use vinsnap_codegen::output::{self, REGENERATE};

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some("docs-spec") => return docs_spec(),
        Some(other) => {
            eprintln!("usage: vinsnap-codegen [--check | docs-spec] (unknown argument {other:?})");
            return ExitCode::from(2);
        }
    };
    let files = match vinsnap_codegen::generate(vinsnap_openapi::Spec::committed()) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("vinsnap-codegen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let root = repo_root();
    if check {
        let stale = output::stale(&root, &files);
        for file in &stale {
            let state = if file.missing { "missing" } else { "stale" };
            eprintln!("{state}: {}", file.path.display());
        }
        if !stale.is_empty() {
            eprintln!("regenerate with: {REGENERATE}");
            return ExitCode::FAILURE;
        }
        return ExitCode::SUCCESS;
    }
    match output::write_all(&root, &files) {
        Ok(n) => {
            println!("{n} of {} generated files updated", files.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vinsnap-codegen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn docs_spec() -> ExitCode {
    match vinsnap_codegen::samples::with_code_samples(vinsnap_openapi::Spec::committed()) {
        Ok(doc) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&doc).expect("JSON values serialise")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vinsnap-codegen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ sits in the repository root")
        .to_path_buf()
}
