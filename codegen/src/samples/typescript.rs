//! TypeScript: an ES module on the `vinsnap` Node package, the call written by the Node
//! target's [`call`](crate::node::samples::call) (the generated resources' method names and
//! argument shapes). It uses top-level `await`, so it runs as an ES module (`.mts`, or a
//! package with `"type": "module"`).

use super::Call;
use crate::node::samples::call;

pub fn sample(call_: &Call) -> String {
    let op = call_.op;
    let mut out = String::from(
        "import { Vinsnap } from 'vinsnap';\n\n\
         const client = new Vinsnap({\n  \
         apiKey: process.env.VINSNAP_API_KEY!,\n  \
         baseUrl: process.env.VINSNAP_BASE_URL,\n});\n\n",
    );
    let expression = call(op, &call_.values());
    if op.paging.is_some() {
        out.push_str(&format!("const page = await {expression};\n"));
        out.push_str(
            "// One page; `for await (const item of page)` walks every page.\n\
             for (const item of page.data) console.log(item);\n",
        );
    } else if op.response.is_some() {
        out.push_str(&format!(
            "const result = await {expression};\nconsole.log(result);\n"
        ));
    } else {
        out.push_str(&format!("await {expression};\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::call::committed_op;

    fn sample_of(id: &str) -> String {
        let (api, i) = committed_op(id);
        sample(&Call::new(&api, &api.operations[i]).unwrap())
    }

    #[test]
    fn a_sample_is_a_whole_module() {
        let text = sample_of("get_customer");
        assert!(
            text.starts_with("import { Vinsnap } from 'vinsnap';\n"),
            "{text}"
        );
        assert!(
            text.contains("const result = await client.customers.get('cus_"),
            "{text}"
        );
        let list = sample_of("list_customers");
        assert!(
            list.contains(
                "const page = await client.customers.list({ limit: 50, offset: 0, q: 'chen' });"
            ),
            "{list}"
        );
        let delete = sample_of("delete_customer");
        assert!(
            delete.contains("await client.customers.delete('cus_"),
            "{delete}"
        );
    }
}
