// Included by build.rs: the `ListOperation` impls, one per list operation of the spec.

/// A list operation is one whose query takes `limit` and `offset` and whose 200 response is a
/// `{data: [Item], has_more}` object; both schema names come from the spec.
struct ListOp {
    operation_id: String,
    item_schema: String,
}

fn list_ops(spec: &serde_json::Value) -> Vec<ListOp> {
    let doc = vinsnap_openapi::Spec::from_value(spec.clone()).expect("an OpenAPI 3 document");
    doc.operations()
        .filter_map(|op| {
            let query: Vec<&str> = op
                .parameters()
                .into_iter()
                .filter(|p| p["in"] == "query")
                .filter_map(|p| p["name"].as_str())
                .collect();
            if !(query.contains(&"limit") && query.contains(&"offset")) {
                return None;
            }
            let schema = op.response("200")?["content"]["application/json"].get("schema")?;
            let list = doc.resolve(schema);
            let props = &list["properties"];
            props.get("has_more")?;
            let item_ref = props["data"]["items"]["$ref"].as_str()?;
            Some(ListOp {
                operation_id: op.operation_id()?.to_string(),
                item_schema: schema_name(item_ref)?.to_string(),
            })
        })
        .collect()
}

/// `#/components/schemas/Customer` -> `Customer`.
fn schema_name(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/components/schemas/")
}

/// The Rust name progenitor (through typify) gives an identifier: `list_customers` ->
/// `ListCustomers`, `Customer` -> `Customer`.
fn pascal(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect()
}

pub fn list_operations(spec: &serde_json::Value) -> proc_macro2::TokenStream {
    let impls = list_ops(spec).into_iter().map(|op| {
        let builder = quote::format_ident!("{}", pascal(&op.operation_id));
        let item = quote::format_ident!("{}", pascal(&op.item_schema));
        let doc = format!("`{}` pages with `limit`/`offset`.", op.operation_id);
        quote::quote! {
            #[doc = #doc]
            impl<'a> crate::pagination::ListOperation for super::progenitor::builder::#builder<'a> {
                type Item = super::progenitor::types::#item;

                async fn fetch_page(
                    self,
                    offset: u64,
                ) -> Result<crate::pagination::Page<Self::Item>, crate::Error> {
                    let page = self.offset(offset).send().await?.into_inner();
                    Ok(crate::pagination::Page { items: page.data, has_more: page.has_more })
                }
            }
        }
    });
    let ids = list_ops(spec).into_iter().map(|op| op.operation_id);
    quote::quote! {
        /// The `operationId` of every list operation (each has [`crate::ListOperation::stream`]),
        /// in spec order.
        ///
        /// ```
        /// assert!(vinsnap::LIST_OPERATIONS.contains(&"list_customers"));
        /// ```
        pub const LIST_OPERATIONS: &[&str] = &[#(#ids),*];
        #(#impls)*
    }
}
