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

/// [`text`] of an optional value.
pub fn opt_text<T>(value: Option<String>) -> Option<T>
where
    T: TryFrom<String>,
    T::Error: std::fmt::Debug,
{
    value.map(text)
}
