//! The route table: every path template of the spec, compiled once, and the
//! lookup from a concrete request path to an operation and its path parameters.
//!
//! A linear scan over split templates rather than a radix router: the spec has
//! a few dozen routes, and OpenAPI allows sibling templates with different
//! parameter names at the same position (`/customers/{id}` next to
//! `/customers/{customer_id}/vehicles`), which radix routers reject.

use http::Method;
use percent_encoding::percent_decode_str;

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Param(String),
}

#[derive(Debug)]
struct Route {
    segments: Vec<Segment>,
    /// Literal segments count: a more literal template wins over a more generic one,
    /// so `/customers/search` beats `/customers/{id}` whatever the spec's order.
    literals: usize,
    /// The operations on this template: method and index into the engine's operations.
    methods: Vec<(Method, usize)>,
}

/// What a request path and method resolve to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum RouteMatch {
    /// The operation's index and the path parameters, percent-decoded, in template order.
    Found {
        operation: usize,
        params: Vec<(String, String)>,
    },
    /// The path exists but not with this method; the methods it has.
    MethodNotAllowed {
        allowed: Vec<Method>,
    },
    NotFound,
}

#[derive(Debug, Default)]
pub(crate) struct RouteTable {
    routes: Vec<Route>,
}

impl RouteTable {
    /// Adds operation number `operation` for `method` on `template` (as written
    /// in the spec's `paths`).
    pub(crate) fn insert(&mut self, template: &str, method: Method, operation: usize) {
        let segments = parse_template(template);
        if let Some(route) = self.routes.iter_mut().find(|r| r.segments == segments) {
            route.methods.push((method, operation));
            return;
        }
        let literals = segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count();
        self.routes.push(Route {
            segments,
            literals,
            methods: vec![(method, operation)],
        });
        self.routes.sort_by_key(|r| std::cmp::Reverse(r.literals));
    }

    pub(crate) fn lookup(&self, method: &Method, path: &str) -> RouteMatch {
        let parts: Vec<&str> = split(path).collect();
        let mut allowed = Vec::new();
        for route in &self.routes {
            if !matches_shape(&route.segments, &parts) {
                continue;
            }
            // HEAD is answered like GET, as HTTP servers do.
            let wanted = if method == Method::HEAD {
                &Method::GET
            } else {
                method
            };
            if let Some((_, operation)) = route.methods.iter().find(|(m, _)| m == wanted) {
                let params = route
                    .segments
                    .iter()
                    .zip(&parts)
                    .filter_map(|(segment, raw)| match segment {
                        Segment::Param(name) => Some((name.clone(), decode(raw))),
                        Segment::Literal(_) => None,
                    })
                    .collect();
                return RouteMatch::Found {
                    operation: *operation,
                    params,
                };
            }
            allowed.extend(route.methods.iter().map(|(m, _)| m.clone()));
        }
        if allowed.is_empty() {
            RouteMatch::NotFound
        } else {
            allowed.dedup();
            RouteMatch::MethodNotAllowed { allowed }
        }
    }
}

fn parse_template(template: &str) -> Vec<Segment> {
    split(template)
        .map(
            |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => Segment::Param(name.to_owned()),
                None => Segment::Literal(s.to_owned()),
            },
        )
        .collect()
}

/// Path segments; a trailing slash is not a separate (empty) segment, as on the server.
fn split(path: &str) -> impl Iterator<Item = &str> {
    path.trim_start_matches('/')
        .strip_suffix('/')
        .unwrap_or(path.trim_start_matches('/'))
        .split('/')
}

fn matches_shape(segments: &[Segment], parts: &[&str]) -> bool {
    segments.len() == parts.len()
        && segments
            .iter()
            .zip(parts)
            .all(|(segment, part)| match segment {
                Segment::Literal(lit) => lit == part,
                // An empty segment (`/customers//vehicles`) is no value for a parameter.
                Segment::Param(_) => !part.is_empty(),
            })
}

fn decode(raw: &str) -> String {
    percent_decode_str(raw).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> RouteTable {
        let mut t = RouteTable::default();
        t.insert("/customers/{id}", Method::GET, 0);
        t.insert("/customers/{id}", Method::DELETE, 1);
        t.insert("/customers/{customer_id}/vehicles", Method::GET, 2);
        t.insert("/customers/search", Method::GET, 3);
        t.insert("/customers", Method::GET, 4);
        t
    }

    #[test]
    fn finds_operations_and_decodes_params() {
        let t = table();
        assert_eq!(
            t.lookup(&Method::GET, "/customers/cus%5F1"),
            RouteMatch::Found {
                operation: 0,
                params: vec![("id".into(), "cus_1".into())]
            }
        );
        assert_eq!(
            t.lookup(&Method::GET, "/customers/c/vehicles/"),
            RouteMatch::Found {
                operation: 2,
                params: vec![("customer_id".into(), "c".into())]
            }
        );
        assert_eq!(
            t.lookup(&Method::HEAD, "/customers"),
            RouteMatch::Found {
                operation: 4,
                params: vec![]
            }
        );
    }

    #[test]
    fn literal_templates_win_over_parameters() {
        let t = table();
        assert!(matches!(
            t.lookup(&Method::GET, "/customers/search"),
            RouteMatch::Found { operation: 3, .. }
        ));
    }

    #[test]
    fn wrong_method_and_unknown_paths() {
        let t = table();
        assert_eq!(
            t.lookup(&Method::PUT, "/customers/x"),
            RouteMatch::MethodNotAllowed {
                allowed: vec![Method::GET, Method::DELETE]
            }
        );
        assert_eq!(t.lookup(&Method::GET, "/nope"), RouteMatch::NotFound);
        assert_eq!(
            t.lookup(&Method::GET, "/customers//vehicles"),
            RouteMatch::NotFound
        );
        assert_eq!(t.lookup(&Method::GET, ""), RouteMatch::NotFound);
    }
}
