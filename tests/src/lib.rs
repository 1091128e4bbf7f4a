//! Cross-component tests: SDK <-> server, SDK <-> mock, webhooks end to end, spec conformance.
//! The tests themselves live in `tests/`; this library holds what they and the benchmark share.

pub mod recorder;
pub mod server;

/// A value of one of the SDK's constrained string types (a field whose schema has a pattern or a
/// length becomes its own type, checked as it is made): `text::<CreateCustomerEmail>("a@b.co")`.
/// Panics on a value the spec refuses, which in a test is a bug of the test.
pub fn text<T>(value: impl Into<String>) -> T
where
    T: TryFrom<String>,
    T::Error: std::fmt::Debug,
{
    let value = value.into();
    T::try_from(value.clone()).unwrap_or_else(|e| panic!("{value:?} is refused by the spec: {e:?}"))
}

/// [`text`] for values a test pass makes invalid on purpose: a value the spec refuses is the
/// SDK's `Error::InvalidRequest`, refused before anything is sent, as an integrator's would be.
pub fn checked<T>(value: &str) -> Result<T, vinsnap::Error>
where
    T: std::str::FromStr,
    vinsnap::Error: From<T::Err>,
{
    Ok(value.parse()?)
}

/// [`checked`] of an optional value.
pub fn opt_checked<T>(value: &Option<String>) -> Result<Option<T>, vinsnap::Error>
where
    T: std::str::FromStr,
    vinsnap::Error: From<T::Err>,
{
    value.as_deref().map(checked).transpose()
}
