//! Python: a script on the `vinsnap` package, the call written by the Python target's
//! [`call`](crate::python::samples::call) (the generated resources' method names and argument
//! shapes).

use super::Call;
use crate::python::samples::call;

pub fn sample(call_: &Call) -> String {
    let op = call_.op;
    let mut out = String::from(
        "import os\n\nimport vinsnap\n\n\
         client = vinsnap.Client(\n    os.environ[\"VINSNAP_API_KEY\"],\n    \
         base_url=os.environ[\"VINSNAP_BASE_URL\"],\n)\n\n",
    );
    let expression = call(op, &call_.values());
    if op.paging.is_some() {
        out.push_str(&format!("page = {expression}\n"));
        out.push_str(
            "# One page; iterating `page` itself yields every page's items.\n\
             for item in page.data:\n    print(item)\n",
        );
    } else if op.response.is_some() {
        out.push_str(&format!("result = {expression}\nprint(result)\n"));
    } else {
        out.push_str(&format!("{expression}\n"));
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
    fn a_sample_is_a_whole_script() {
        let text = sample_of("get_customer");
        assert!(text.starts_with("import os\n\nimport vinsnap\n"), "{text}");
        assert!(
            text.contains("result = client.customers.get(\"cus_"),
            "{text}"
        );
        assert!(text.ends_with("print(result)\n"), "{text}");
        let list = sample_of("list_customers");
        assert!(
            list.contains("page = client.customers.list(limit=50, offset=0, q=\"chen\")"),
            "{list}"
        );
        assert!(list.contains("for item in page.data:"), "{list}");
    }
}
