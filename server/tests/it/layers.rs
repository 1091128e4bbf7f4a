//! No import runs back up: the resources never reach into the spec's assembly, and the
//! machinery below the resources never reaches into them.

use std::path::{Path, PathBuf};

/// `(module, modules it must not import)`, by top-level module of `server/src`.
const RULES: &[(&[&str], &[&str])] = &[
    // Only the top (serve, app, spec, demo, lib.rs, main.rs) may use the top.
    (
        &[
            "api",
            "dispatcher",
            "events",
            "shops",
            "http",
            "auth",
            "db",
            "state",
            "config",
            "core",
            "vin",
        ],
        &["serve", "app", "spec", "demo"],
    ),
    // Nothing below the resources uses them.
    (
        &[
            "dispatcher",
            "events",
            "shops",
            "http",
            "auth",
            "db",
            "state",
            "config",
            "core",
            "vin",
        ],
        &["api"],
    ),
    // The outbox and the cross-cutting pieces do not use the worker (the state only holds its
    // settings).
    (
        &[
            "events", "shops", "http", "auth", "db", "config", "core", "vin",
        ],
        &["dispatcher"],
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_import_runs_back_up() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut violations = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let module = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        for (modules, forbidden) in RULES {
            if !modules.contains(&module.as_str()) {
                continue;
            }
            for target in *forbidden {
                for needle in [format!("crate::{target}::"), format!("crate::{target};")] {
                    if text.contains(&needle) {
                        violations.push(format!("{} uses crate::{target}", relative.display()));
                    }
                }
            }
        }
    }
    assert!(violations.is_empty(), "{violations:#?}");
}
