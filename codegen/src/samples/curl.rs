//! curl: one command, the JSON body inline. `--fail-with-body` makes an error answer a failed
//! command that still prints the error envelope.

use vinsnap_openapi::Method;

use super::Call;

pub fn sample(call: &Call) -> String {
    let mut url = format!("$VINSNAP_BASE_URL{}", call.concrete_path());
    let query = call.query_string();
    if !query.is_empty() {
        url = format!("{url}?{query}");
    }
    let mut lines = vec![match call.method {
        Method::Get => format!("curl --fail-with-body -sS \"{url}\""),
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
    use serde_json::json;

    use super::*;
    use crate::naming::name;
    use crate::samples::call::{Body, Param};

    fn call(method: Method, body: Option<serde_json::Value>) -> Call {
        Call {
            name: name("create_customer", "customers").unwrap(),
            method,
            path: "/customers/{id}".into(),
            path_params: vec![Param {
                name: "id".into(),
                value: json!("cus_1"),
            }],
            query: vec![Param {
                name: "q".into(),
                value: json!("o'brien & co"),
            }],
            body: body.map(|example| Body {
                type_name: "CreateCustomer".into(),
                example,
            }),
            paginated: false,
        }
    }

    #[test]
    fn a_get_has_the_url_and_key() {
        assert_eq!(
            sample(&call(Method::Get, None)),
            "curl --fail-with-body -sS \"$VINSNAP_BASE_URL/customers/cus_1?q=o%27brien%20%26%20co\" \\\n  -H \"Authorization: Bearer $VINSNAP_API_KEY\"\n"
        );
    }

    #[test]
    fn a_body_is_quoted_for_the_shell() {
        let text = sample(&call(Method::Post, Some(json!({"name": "O'Brien"}))));
        assert!(text.starts_with("curl --fail-with-body -sS -X POST "));
        assert!(text.contains("-H \"Content-Type: application/json\""));
        assert!(text.contains(
            r#"-d '{
  "name": "O'\''Brien"
}'"#
        ));
    }
}
