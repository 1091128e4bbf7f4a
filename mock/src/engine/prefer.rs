//! The `Prefer` request header, in Stoplight Prism's dialect
//! (`Prefer: code=404, example=customer_not_found`), so that integrators'
//! habits carry over. Preferences the mock does not know (Prism's
//! `dynamic=true`) are ignored, as RFC 7240 asks.

use http::HeaderMap;

use super::envelope::ApiError;

#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Prefer {
    pub code: Option<u16>,
    pub example: Option<String>,
}

impl Prefer {
    pub(crate) fn is_empty(&self) -> bool {
        self.code.is_none() && self.example.is_none()
    }
}

pub(crate) fn parse(headers: &HeaderMap) -> Result<Prefer, ApiError> {
    let mut prefer = Prefer::default();
    for value in headers.get_all("prefer") {
        let text = value
            .to_str()
            .map_err(|_| invalid("The Prefer header must be ASCII text"))?;
        for item in text.split([',', ';']) {
            let Some((key, raw)) = item.split_once('=') else {
                continue;
            };
            let raw = raw.trim().trim_matches('"');
            match key.trim().to_ascii_lowercase().as_str() {
                "code" => {
                    let code = raw
                        .parse::<u16>()
                        .ok()
                        .filter(|c| (100..=599).contains(c))
                        .ok_or_else(|| {
                            invalid(format!("`Prefer: code={raw}` is not an HTTP status code"))
                        })?;
                    prefer.code = Some(code);
                }
                "example" => prefer.example = Some(raw.to_owned()),
                _ => {}
            }
        }
    }
    Ok(prefer)
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::bad_request("invalid_prefer", message).with_param("Prefer")
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn parsed(values: &[&str]) -> Result<Prefer, ApiError> {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("prefer", HeaderValue::from_str(v).unwrap());
        }
        parse(&h)
    }

    #[test]
    fn reads_prism_style_preferences() {
        assert_eq!(parsed(&[]).unwrap(), Prefer::default());
        assert_eq!(
            parsed(&["code=404, example=\"customer_not_found\"", "dynamic=true"]).unwrap(),
            Prefer {
                code: Some(404),
                example: Some("customer_not_found".into())
            }
        );
        assert_eq!(parsed(&["respond-async"]).unwrap(), Prefer::default());
    }

    #[test]
    fn a_bad_code_is_a_400() {
        for bad in ["code=abc", "code=42", "code=1000"] {
            let err = parsed(&[bad]).unwrap_err();
            assert_eq!(
                (err.status, err.code.as_str()),
                (400, "invalid_prefer"),
                "{bad}"
            );
        }
    }
}
