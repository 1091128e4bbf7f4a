//! curl: one command, the JSON body inline. `--fail-with-body` makes an error answer a failed
//! command that still prints the error envelope.

use super::Call;

pub fn sample(call: &Call) -> String {
    let mut url = format!("$VINSNAP_BASE_URL{}", call.concrete_path());
    let query = call.query_string();
    if !query.is_empty() {
        url = format!("{url}?{query}");
    }
    let mut lines = vec![match call.op.method.as_str() {
        "GET" => format!("curl --fail-with-body -sS \"{url}\""),
        method => format!("curl --fail-with-body -sS -X {method} \"{url}\""),
    }];
    lines.push("  -H \"Authorization: Bearer $VINSNAP_API_KEY\"".into());
    if let Some(body) = &call.body {
        let json = serde_json::to_string_pretty(&body.example).expect("JSON values serialise");
        lines.push("  -H \"Content-Type: application/json\"".into());
        lines.push(format!("  -d '{}'", json.replace('\'', r"'\''")));
    }
    lines.join(" \\\n") + "\n"
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
    fn a_get_has_the_url_and_key() {
        assert_eq!(
            sample_of("list_customers"),
            "curl --fail-with-body -sS \"$VINSNAP_BASE_URL/customers?limit=50&offset=0&q=chen\" \\\n  -H \"Authorization: Bearer $VINSNAP_API_KEY\"\n"
        );
    }

    #[test]
    fn a_body_is_quoted_for_the_shell() {
        let (api, i) = committed_op("create_customer");
        let mut call = Call::new(&api, &api.operations[i]).unwrap();
        call.body.as_mut().unwrap().example = serde_json::json!({"name": "O'Brien"});
        let text = sample(&call);
        assert!(text.starts_with("curl --fail-with-body -sS -X POST "));
        assert!(text.contains("-H \"Content-Type: application/json\""));
        assert!(text.contains(
            r#"-d '{
  "name": "O'\''Brien"
}'"#
        ));
    }
}
