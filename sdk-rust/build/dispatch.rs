// Included by build.rs: the dispatch entry point, one match arm per operation of the spec.
//
// Each arm runs the operation's progenitor builder, setting every parameter the spec declares
// from the call's arguments (read into the type progenitor gave the builder's field, so a
// value the type refuses is refused before sending) and the body when there is one.

/// One parameter of an operation, with the builder setter it goes through.
struct DispatchParam {
    /// The name in the spec (`id`, `limit`, `Idempotency-Key`).
    name: String,
    /// progenitor's setter (`id`, `limit`, `idempotency_key`).
    setter: syn::Ident,
    /// The type the setter takes.
    ty: syn::Type,
    required: bool,
}

struct DispatchOp {
    operation_id: String,
    method: syn::Ident,
    params: Vec<DispatchParam>,
    /// The type of the request body, when the operation takes one.
    body: Option<syn::Type>,
}

/// The fields of every builder struct of progenitor's `mod builder`, by struct name.
fn builder_fields(client: &syn::File) -> std::collections::HashMap<String, Vec<(syn::Ident, syn::Type)>> {
    let builder = client
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "builder" => m.content.as_ref(),
            _ => None,
        })
        .expect("progenitor's output has a `builder` module");
    builder
        .1
        .iter()
        .filter_map(|item| match item {
            syn::Item::Struct(s) => Some(s),
            _ => None,
        })
        .map(|s| {
            let fields = s
                .fields
                .iter()
                .filter_map(|f| Some((f.ident.clone()?, f.ty.clone())))
                .collect();
            (s.ident.to_string(), fields)
        })
        .collect()
}

/// The generic arguments of the last segment of a path type: `Result<A, B>` -> `[A, B]`.
fn generic_args(ty: &syn::Type, outer: &str) -> Option<Vec<syn::Type>> {
    let syn::Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != outer {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    Some(
        args.args
            .iter()
            .filter_map(|a| match a {
                syn::GenericArgument::Type(t) => Some(t.clone()),
                _ => None,
            })
            .collect(),
    )
}

/// A builder field `Result<T, String>` (required) or `Result<Option<T>, String>` (optional):
/// the type `T` the setter takes, and whether it is optional.
fn setter_type(field: &syn::Type) -> (syn::Type, bool) {
    let inner = generic_args(field, "Result")
        .and_then(|args| args.into_iter().next())
        .unwrap_or_else(|| panic!("builder field of unexpected type {}", quote::quote!(#field)));
    match generic_args(&inner, "Option").and_then(|args| args.into_iter().next()) {
        Some(t) => (t, true),
        None => (inner, false),
    }
}

/// The body builder's field `Result<types::builder::X, String>` takes a `types::X`; any other
/// body field (an array, a plain type) takes its own type.
fn body_type(field: &syn::Type) -> syn::Type {
    let (mut ty, _) = setter_type(field);
    if let syn::Type::Path(path) = &mut ty {
        let segments: Vec<syn::PathSegment> = path.path.segments.iter().cloned().collect();
        if segments.len() >= 2 && segments[segments.len() - 2].ident == "builder" {
            let mut kept: syn::punctuated::Punctuated<syn::PathSegment, syn::Token![::]> =
                Default::default();
            for (i, s) in segments.iter().enumerate() {
                if i != segments.len() - 2 {
                    kept.push(s.clone());
                }
            }
            path.path.segments = kept;
        }
    }
    ty
}

/// Names compared the way progenitor turns a parameter into a field: case and punctuation
/// aside (`Idempotency-Key` is `idempotency_key`, `type` is `type_`).
fn loose(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn dispatch_ops(spec: &serde_json::Value, client: &syn::File) -> Vec<DispatchOp> {
    let doc = vinsnap_openapi::Spec::from_value(spec.clone()).expect("an OpenAPI 3 document");
    let builders = builder_fields(client);
    doc.operations()
        .map(|op| {
            let operation_id = op.operation_id().expect("every operation has an operationId");
            let builder = pascal(operation_id);
            let fields = builders.get(&builder).unwrap_or_else(|| {
                panic!("progenitor generated no builder {builder} for operation {operation_id}")
            });
            let params = op
                .parameters()
                .into_iter()
                .map(|p| {
                    let name = p["name"].as_str().expect("a parameter has a name").to_string();
                    let (setter, field) = fields
                        .iter()
                        .find(|(ident, _)| loose(&ident.to_string()) == loose(&name))
                        .unwrap_or_else(|| {
                            panic!("{operation_id}: no builder field for parameter {name}")
                        });
                    let (ty, optional) = setter_type(field);
                    DispatchParam { name, setter: setter.clone(), ty, required: !optional }
                })
                .collect();
            let body = op.request_body().map(|_| {
                let (_, field) = fields
                    .iter()
                    .find(|(ident, _)| ident == "body")
                    .unwrap_or_else(|| panic!("{operation_id}: the builder has no body"));
                body_type(field)
            });
            DispatchOp {
                operation_id: operation_id.to_string(),
                method: quote::format_ident!("{}", operation_id),
                params,
                body,
            }
        })
        .collect()
}

pub fn dispatch(spec: &serde_json::Value, client: &syn::File) -> proc_macro2::TokenStream {
    let ops = dispatch_ops(spec, client);
    let ids: Vec<&str> = ops.iter().map(|op| op.operation_id.as_str()).collect();
    let arms = ops.iter().map(|op| {
        let id = &op.operation_id;
        let method = &op.method;
        let params = op.params.iter().map(|p| {
            let (name, setter, ty) = (&p.name, &p.setter, &p.ty);
            if p.required {
                quote::quote! { let request = request.#setter(args.required::<#ty>(#name)?); }
            } else {
                quote::quote! {
                    let request = match args.optional::<#ty>(#name)? {
                        Some(value) => request.#setter(value),
                        None => request,
                    };
                }
            }
        });
        let body = op.body.as_ref().map(|ty| {
            quote::quote! {
                let request = match args.body::<#ty>()? {
                    Some(body) => request.body(body),
                    None => request,
                };
            }
        });
        quote::quote! {
            #id => Box::pin(async move {
                let request = client.#method();
                #(#params)*
                #body
                args.respond(Box::pin(request.send())).await
            }),
        }
    });
    quote::quote! {
        use super::progenitor::prelude::*;
        use super::progenitor::types;

        /// The `operationId` of every operation [`crate::Client::call`] runs, in spec order.
        ///
        /// ```
        /// assert!(vinsnap::OPERATIONS.contains(&"change_job_status"));
        /// ```
        pub const OPERATIONS: &[&str] = &[#(#ids),*];

        /// Runs `operation_id`'s builder with `args` (already checked against the spec).
        ///
        /// Each arm is a future of its own on the heap: one state machine holding every arm
        /// would be as large as the largest, and be moved and polled whole on every call.
        pub(crate) fn run<'a>(
            client: &'a crate::Client,
            operation_id: &str,
            #[allow(unused_mut)] mut args: crate::dispatch::Args,
        ) -> ::std::pin::Pin<Box<dyn ::std::future::Future<Output = Result<bytes::Bytes, crate::Error>> + Send + 'a>> {
            match operation_id {
                #(#arms)*
                other => {
                    let error = crate::Error::InvalidRequest(format!("unknown operation {other:?}"));
                    Box::pin(::std::future::ready(Err(error)))
                }
            }
        }
    }
}
