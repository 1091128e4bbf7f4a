//! Compiles in the samples `docs/test/` extracted from the built site, named by
//! `VINSNAP_DOCS_RUST_SAMPLES` (a Rust file defining `NAMES` and `run`). Without it (a plain
//! `cargo build --workspace`), the binary holds no sample and says how to run them.

use std::{env, fs, path::PathBuf};

const NONE: &str = "pub const NAMES: &[&str] = &[];\n\
pub fn run(_name: &str) -> Option<Result<(), String>> { None }\n";

fn main() {
    println!("cargo:rerun-if-env-changed=VINSNAP_DOCS_RUST_SAMPLES");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("samples.rs");
    let text = match env::var("VINSNAP_DOCS_RUST_SAMPLES") {
        Ok(path) if !path.is_empty() => {
            println!("cargo:rerun-if-changed={path}");
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
        }
        _ => NONE.to_owned(),
    };
    fs::write(out, text).unwrap();
}
