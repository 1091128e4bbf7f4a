//! Response selection: which documented example answers a request (the
//! success example, or the one `Prefer` asks for), with the request's path
//! parameters echoed into it and list envelopes paged by `limit`/`offset`.

use http::StatusCode;
use serde_json::{Value, json};
use vinsnap_openapi::{Operation, Spec};

use super::envelope::{ApiError, ID_ALPHABET};
use super::prefer::Prefer;

/// How many items every sandbox list holds: more than one page of the largest
/// `limit` (100), so integrators can exercise `has_more` and `offset`.
pub const LIST_TOTAL: usize = 120;

/// `limit` when a list request does not send one and the parameter's schema
/// has no `default` (the API's documented default).
const DEFAULT_LIMIT: usize = 50;

/// One documented response: its status and its examples, in spec order.
#[derive(Debug)]
struct Documented {
    status: StatusCode,
    examples: Vec<(Option<String>, Value)>,
}

/// A path parameter and the value the spec's examples use for it, which the
/// request's own value replaces in the answer.
#[derive(Debug)]
struct Echo {
    param: String,
    placeholder: Option<String>,
}

/// The compiled answers of one operation.
#[derive(Debug)]
pub(crate) struct Responses {
    /// Ordered by status code, so the first 2xx is the success answer.
    documented: Vec<Documented>,
    echo: Vec<Echo>,
    /// Set when the operation pages with `limit`: its default.
    default_limit: Option<usize>,
}

/// The answer chosen for a request, before headers.
pub(crate) struct Chosen {
    pub status: StatusCode,
    pub body: Option<Value>,
}

impl Responses {
    pub(crate) fn compile(spec: &Spec, op: &Operation<'_>) -> Responses {
        let mut documented: Vec<Documented> = op
            .documented_statuses()
            .into_iter()
            .filter_map(|key| {
                let status = key
                    .parse::<u16>()
                    .ok()
                    .and_then(|s| StatusCode::from_u16(s).ok())?;
                let examples = op
                    .response_examples(key)
                    .into_iter()
                    .map(|e| (e.name.map(str::to_owned), e.value.clone()))
                    .collect();
                Some(Documented { status, examples })
            })
            .collect();
        documented.sort_by_key(|d| d.status);
        let params = op.parameters();
        let echo = params
            .iter()
            .filter(|p| p.get("in").and_then(Value::as_str) == Some("path"))
            .filter_map(|p| {
                Some(Echo {
                    param: p.get("name")?.as_str()?.to_owned(),
                    placeholder: param_example(spec, p),
                })
            })
            .collect();
        let default_limit = params
            .iter()
            .find(|p| {
                p.get("in").and_then(Value::as_str) == Some("query")
                    && p.get("name").and_then(Value::as_str) == Some("limit")
            })
            .map(|p| {
                p.get("schema")
                    .map(|s| spec.resolve(s))
                    .and_then(|s| s.get("default"))
                    .and_then(Value::as_u64)
                    .map_or(DEFAULT_LIMIT, |d| d as usize)
            });
        Responses {
            documented,
            echo,
            default_limit,
        }
    }

    /// The statuses the spec documents for this operation, ascending.
    pub(crate) fn statuses(&self) -> Vec<u16> {
        self.documented.iter().map(|d| d.status.as_u16()).collect()
    }

    /// The answer for a request that passed validation, or that `Prefer`
    /// forces. `Ok(None)` means `Prefer: code=429` on an operation that does
    /// not document 429: the engine renders the rate limiter's answer.
    pub(crate) fn choose(
        &self,
        prefer: &Prefer,
        params: &[(String, String)],
        query: &[(String, String)],
    ) -> Result<Option<Chosen>, ApiError> {
        let (documented, example) = match (prefer.code, &prefer.example) {
            (None, None) => match self.documented.iter().find(|d| d.status.is_success()) {
                Some(d) => (d, d.examples.first().map(|(_, v)| v)),
                None => return Err(no_success_documented()),
            },
            (Some(code), name) => {
                let Some(d) = self.documented.iter().find(|d| d.status.as_u16() == code) else {
                    if code == 429 {
                        return Ok(None);
                    }
                    return Err(self.undocumented_code(code));
                };
                let example = match name {
                    None => d.examples.first().map(|(_, v)| v),
                    Some(name) => Some(self.named(std::slice::from_ref(d), name)?.1),
                };
                (d, example)
            }
            (None, Some(name)) => {
                let (d, value) = self.named(&self.documented, name)?;
                (d, Some(value))
            }
        };
        let mut body = example.cloned();
        if let Some(body) = &mut body {
            if documented.status.is_success()
                && let Some(default_limit) = self.default_limit
            {
                page_list(body, query, default_limit);
            }
            self.echo_params(body, params);
        }
        Ok(Some(Chosen {
            status: documented.status,
            body,
        }))
    }

    /// The example called `name` among `candidates`, success responses first
    /// (they are sorted by status).
    fn named<'a>(
        &self,
        candidates: &'a [Documented],
        name: &str,
    ) -> Result<(&'a Documented, &'a Value), ApiError> {
        candidates
            .iter()
            .find_map(|d| {
                d.examples
                    .iter()
                    .find(|(n, _)| n.as_deref() == Some(name))
                    .map(|(_, v)| (d, v))
            })
            .ok_or_else(|| {
                let known: Vec<String> = candidates
                    .iter()
                    .flat_map(|d| {
                        d.examples.iter().filter_map(move |(n, _)| {
                            Some(format!("{} ({})", n.as_ref()?, d.status.as_u16()))
                        })
                    })
                    .collect();
                let known = if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                };
                ApiError::bad_request(
                    "prefer_example_not_found",
                    format!(
                        "No example named `{name}` is documented here; named examples: {known}"
                    ),
                )
                .with_param("Prefer")
            })
    }

    fn undocumented_code(&self, code: u16) -> ApiError {
        let codes: Vec<String> = self.statuses().iter().map(u16::to_string).collect();
        ApiError::bad_request(
            "prefer_code_not_documented",
            format!(
                "This operation documents no {code} response; documented codes: {} (and 429 from the rate limiter)",
                codes.join(", ")
            ),
        )
        .with_param("Prefer")
    }

    /// Replaces the spec's example value of each path parameter with the
    /// request's, wherever it occurs (`id`, a nested `customer_id`, the id in
    /// an error message); without an example, sets the top-level field of the
    /// parameter's name.
    fn echo_params(&self, body: &mut Value, params: &[(String, String)]) {
        for echo in &self.echo {
            let Some((_, actual)) = params.iter().find(|(name, _)| *name == echo.param) else {
                continue;
            };
            match &echo.placeholder {
                Some(placeholder) if placeholder != actual => {
                    replace_in_strings(body, placeholder, actual)
                }
                Some(_) => {}
                None => {
                    if let Some(slot) = body.get_mut(&echo.param).filter(|v| v.is_string()) {
                        *slot = json!(actual);
                    }
                }
            }
        }
    }
}

fn no_success_documented() -> ApiError {
    ApiError::bad_request(
        "no_success_documented",
        "The spec documents no 2xx response for this operation; ask for one with `Prefer: code=…`",
    )
}

/// The example of a parameter as a string: its own `example`, else its schema's.
fn param_example(spec: &Spec, param: &Value) -> Option<String> {
    let schema = param.get("schema").map(|s| spec.resolve(s));
    let value = param
        .get("example")
        .or_else(|| schema.and_then(|s| s.get("example")))
        .or_else(|| {
            schema
                .and_then(|s| s.get("examples"))
                .and_then(|e| e.get(0))
        })?;
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn replace_in_strings(value: &mut Value, from: &str, to: &str) {
    match value {
        Value::String(s) if s.contains(from) => *s = s.replace(from, to),
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| replace_in_strings(v, from, to)),
        Value::Object(map) => map
            .values_mut()
            .for_each(|v| replace_in_strings(v, from, to)),
        _ => {}
    }
}

/// Pages a list envelope `{data, has_more, total}` over a sandbox collection
/// of [`LIST_TOTAL`] items: the example's items first, then copies of them
/// with distinct ids. Bodies of other shapes are left alone.
fn page_list(body: &mut Value, query: &[(String, String)], default_limit: usize) {
    let Some(examples) = body
        .get("data")
        .and_then(Value::as_array)
        .filter(|d| !d.is_empty())
        .cloned()
    else {
        return;
    };
    if !(body.get("has_more").is_some_and(Value::is_boolean)
        && body.get("total").is_some_and(Value::is_number))
    {
        return;
    }
    // Validation has already checked both against their schemas.
    let number = |name: &str| {
        query
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.parse::<usize>().ok())
    };
    let limit = number("limit").unwrap_or(default_limit);
    let offset = number("offset").unwrap_or(0);
    let taken: Vec<u32> = examples
        .iter()
        .filter_map(|item| id_suffix(item).map(|(_, _, n)| n))
        .collect();
    let end = offset.saturating_add(limit).min(LIST_TOTAL);
    let data: Vec<Value> = (offset.min(end)..end)
        .map(|i| {
            let mut item = examples[i % examples.len()].clone();
            if i >= examples.len() {
                renumber(&mut item, i - examples.len(), &taken);
            }
            item
        })
        .collect();
    body["data"] = Value::Array(data);
    body["has_more"] = json!(end < LIST_TOTAL);
    body["total"] = json!(LIST_TOTAL);
}

/// How many trailing id characters encode a copy's number (32^4 copies).
const SUFFIX_LEN: usize = 4;

/// An item's `id` split as prefix-and-body head, and its last four base32
/// characters decoded, when it has the `xxx_` + base32 shape of resource ids.
fn id_suffix(item: &Value) -> Option<(&str, &str, u32)> {
    let id = item.get("id")?.as_str()?;
    let (prefix, body) = id.rsplit_once('_')?;
    if body.len() < SUFFIX_LEN || !body.bytes().all(|b| ID_ALPHABET.contains(&b)) {
        return None;
    }
    let (head, tail) = body.split_at(body.len() - SUFFIX_LEN);
    let n = tail.bytes().try_fold(0u32, |acc, b| {
        ID_ALPHABET
            .iter()
            .position(|&a| a == b)
            .map(|d| acc * 32 + d as u32)
    })?;
    Some((&id[..prefix.len() + 1], head, n))
}

/// Gives copy number `copy` an id of its own: the example's id with the last
/// four characters replaced by the copy's number, skipping the numbers the
/// example items themselves end in.
fn renumber(item: &mut Value, copy: usize, taken: &[u32]) {
    let Some((prefix, head, _)) = id_suffix(item) else {
        return;
    };
    let mut n = copy as u32;
    let mut sorted = taken.to_vec();
    sorted.sort_unstable();
    for t in sorted {
        if t <= n {
            n += 1;
        }
    }
    let tail: String = (0..SUFFIX_LEN)
        .rev()
        .map(|i| ID_ALPHABET[((n >> (5 * i)) & 31) as usize] as char)
        .collect();
    item["id"] = json!(format!("{prefix}{head}{tail}"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn list() -> Value {
        json!({"data": [{"id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9", "name": "a"}], "has_more": false, "total": 1})
    }

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn pages_honour_limit_and_offset() {
        let mut body = list();
        page_list(&mut body, &q(&[("limit", "3")]), 50);
        assert_eq!(body["data"].as_array().unwrap().len(), 3);
        assert_eq!(body["data"][0]["id"], "cus_01jd3q9a1bc2d3e4f5g6h7j8k9");
        assert_eq!(
            (body["has_more"].clone(), body["total"].clone()),
            (json!(true), json!(LIST_TOTAL))
        );

        let mut last = list();
        page_list(&mut last, &q(&[("limit", "100"), ("offset", "100")]), 50);
        assert_eq!(last["data"].as_array().unwrap().len(), LIST_TOTAL - 100);
        assert_eq!(last["has_more"], false);

        let mut past = list();
        page_list(&mut past, &q(&[("offset", "500")]), 50);
        assert_eq!(past["data"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn every_item_of_the_collection_has_its_own_id() {
        let mut body = list();
        page_list(&mut body, &q(&[("limit", "200")]), 50);
        let ids: HashSet<String> = body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(ids.len(), LIST_TOTAL);
        assert!(
            ids.iter()
                .all(|id| id.len() == "cus_".len() + 26
                    && id.starts_with("cus_01jd3q9a1bc2d3e4f5g6"))
        );
    }

    #[test]
    fn other_shapes_are_left_alone() {
        let mut body = json!({"data": "x"});
        page_list(&mut body, &q(&[("limit", "3")]), 50);
        assert_eq!(body, json!({"data": "x"}));
    }

    #[test]
    fn echo_replaces_the_example_value_everywhere() {
        let mut body = json!({"id": "cus_a", "nested": [{"customer_id": "cus_a"}], "msg": "No customer with id cus_a"});
        replace_in_strings(&mut body, "cus_a", "cus_b");
        assert_eq!(
            body,
            json!({"id": "cus_b", "nested": [{"customer_id": "cus_b"}], "msg": "No customer with id cus_b"})
        );
    }
}
