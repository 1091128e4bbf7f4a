//! The binary's command line: a spec it cannot serve stops it with a reason.

use std::process::Command;

fn run(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vinsnap-mock"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_missing_spec_file_is_named() {
    let (ok, stderr) = run(&["--port", "0", "--spec", "/nonexistent/openapi.json"]);
    assert!(!ok);
    assert!(
        stderr.contains("cannot read /nonexistent/openapi.json"),
        "{stderr}"
    );
}

#[test]
fn a_document_that_is_not_openapi_is_refused() {
    let path = std::env::temp_dir().join(format!(
        "vinsnap-mock-not-openapi-{}.json",
        std::process::id()
    ));
    std::fs::write(&path, r#"{"swagger": "2.0"}"#).unwrap();
    let (ok, stderr) = run(&["--port", "0", "--spec", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert!(!ok);
    assert!(stderr.contains("is not an OpenAPI 3 document"), "{stderr}");
}
