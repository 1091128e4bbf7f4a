//! Generates the client from the committed spec, so nothing per endpoint is written by hand.
//!
//! Three files land in `OUT_DIR`, each included by one module of `src/generated/`:
//! - `progenitor.rs`: progenitor 0.15's client (builder interface, one extension trait per tag)
//!   over the OpenAPI 3.0 view of `openapi/openapi.json`;
//! - `pagination.rs`: a `ListOperation` impl for every operation that pages with
//!   `limit`/`offset` and answers a `{data, has_more}` list;
//! - `events.rs`: the webhook `Event` enum, from the spec's `webhooks` section;
//! - `dispatch.rs`: the entry point the bindings call, one arm per operation running its
//!   progenitor builder (read off the builders progenitor just generated).

use std::{env, fs, path::PathBuf};

mod codegen {
    include!("build/dispatch.rs");
    include!("build/events.rs");
    include!("build/pagination.rs");
}

fn main() {
    // The spec is compiled into vinsnap-openapi, so a new spec rebuilds that crate and, through
    // it, reruns this script; the line below only stops cargo rerunning it on any other change.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");

    let spec = vinsnap_openapi::spec();
    let view = vinsnap_openapi::to_openapi_30(spec);
    let openapi: openapiv3::OpenAPI =
        serde_json::from_value(view).expect("the 3.0 view is a valid OpenAPI 3.0 document");

    let mut settings = progenitor::GenerationSettings::new();
    settings
        .with_interface(progenitor::InterfaceStyle::Builder)
        .with_tag(progenitor::TagStyle::Separate)
        // Retries, idempotency keys, rate-limit capture and tracing live in one `exec` hook
        // (src/transport/); `Expected` makes forgetting it a compile error.
        .with_hooks(progenitor::HooksMode::Expected)
        .with_inner_type(quote::quote!(crate::transport::Transport));
    let mut generator = progenitor::Generator::new(&settings);
    let tokens = generator
        .generate_tokens(&openapi)
        .expect("progenitor generates a client from the 3.0 view");

    let client: syn::File = syn::parse2(tokens).expect("progenitor's code parses");

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    // progenitor illustrates each call with an `ignore` code block, which rustdoc would report
    // as an ignored test; they are illustrations, so mark them as text.
    let text = prettyplease::unparse(&client).replace("```ignore", "```text");
    fs::write(out.join("progenitor.rs"), text).expect("write generated code");
    write(&out.join("pagination.rs"), codegen::list_operations(spec));
    write(&out.join("events.rs"), codegen::events(spec));
    write(&out.join("dispatch.rs"), codegen::dispatch(spec, &client));
}

fn write(path: &std::path::Path, tokens: proc_macro2::TokenStream) {
    let file = syn::parse2(tokens).expect("generated code parses");
    fs::write(path, prettyplease::unparse(&file)).expect("write generated code");
}
