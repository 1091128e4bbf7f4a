//! `vinsnap::Client`: the generated client, configured.

use std::ops::Deref;
use std::sync::{Arc, Once};
use std::time::Duration;

use progenitor_client::ClientInfo;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};

use crate::generated::progenitor::Client as Generated;
use crate::rate_limit::RateLimit;
use crate::transport::{RetryPolicy, Transport};
use crate::{Error, Result};

/// The production API (for both `vsk_live_` and `vsk_test_` keys), as published.
///
/// ```
/// assert_eq!(vinsnap::Client::new("vsk_live_123").unwrap().base_url(), vinsnap::PRODUCTION_URL);
/// ```
pub const PRODUCTION_URL: &str = "https://vinsnap.net/.netlify/functions/api";

/// The `User-Agent` every request carries: `vinsnap-rust/<version>`.
///
/// ```
/// assert!(vinsnap::USER_AGENT.starts_with("vinsnap-rust/"));
/// ```
pub const USER_AGENT: &str = concat!("vinsnap-rust/", env!("CARGO_PKG_VERSION"));

/// Which data set a key works on, from its prefix.
///
/// ```
/// let client = vinsnap::Client::new("vsk_test_123").unwrap();
/// assert_eq!(client.mode(), vinsnap::KeyMode::Test);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    /// A `vsk_test_` key: sandbox data.
    Test,
    /// A `vsk_live_` key: production data.
    Live,
}

impl KeyMode {
    /// The mode of `api_key`, or `None` when it is neither a test nor a live key.
    ///
    /// ```
    /// use vinsnap::KeyMode;
    /// assert_eq!(KeyMode::of("vsk_test_abc"), Some(KeyMode::Test));
    /// assert_eq!(KeyMode::of("vsk_live_abc"), Some(KeyMode::Live));
    /// assert_eq!(KeyMode::of("sk_abc"), None);
    /// ```
    pub fn of(api_key: &str) -> Option<KeyMode> {
        if api_key.starts_with("vsk_test_") {
            Some(KeyMode::Test)
        } else if api_key.starts_with("vsk_live_") {
            Some(KeyMode::Live)
        } else {
            None
        }
    }
}

/// The VinSnap API client.
///
/// Every operation of the API is a method (from the generated extension traits, brought in
/// by [`crate::prelude`]) that returns a request builder; `send()` runs it through the SDK's
/// transport: bearer auth, retries with backoff, one `Idempotency-Key` per POST, rate-limit
/// capture and tracing. Cloning is cheap and clones share connections.
///
/// ```no_run
/// use vinsnap::prelude::*;
/// use vinsnap::types::CreateCustomer;
///
/// # async fn run() -> Result<(), vinsnap::Error> {
/// let client = vinsnap::Client::new(std::env::var("VINSNAP_API_KEY").unwrap())?;
/// let customer = client
///     .create_customer()
///     .body(CreateCustomer::builder().name("Sarah Chen").phone(Some("555-0142".parse()?)))
///     .send()
///     .await?;
/// println!("created {}", *customer.id);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    api: Generated,
    mode: KeyMode,
    /// What the HTTP client is built from, for [`Client::with_own_connections`].
    http: Arc<HttpSettings>,
}

/// The settings of the `reqwest::Client` under a [`Client`] (the key's header is marked
/// sensitive, so `Debug` does not print it).
#[derive(Debug)]
struct HttpSettings {
    headers: HeaderMap,
    timeout: Duration,
}

impl HttpSettings {
    fn build(&self) -> Result<reqwest::Client> {
        install_crypto_provider();
        reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .default_headers(self.headers.clone())
            .timeout(self.timeout)
            .connect_timeout(self.timeout)
            // Retries re-send the same request; following a redirect would re-send it elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::InvalidRequest(format!("cannot build the HTTP client: {e}")))
    }
}

impl Client {
    /// A client for the production URL with the default settings.
    ///
    /// Fails with [`Error::InvalidRequest`] when `api_key` is not a `vsk_test_` or `vsk_live_`
    /// key.
    ///
    /// ```
    /// let client = vinsnap::Client::new("vsk_test_123").unwrap();
    /// assert_eq!(client.base_url(), vinsnap::PRODUCTION_URL);
    /// assert!(vinsnap::Client::new("not a key").is_err());
    /// ```
    pub fn new(api_key: impl Into<String>) -> Result<Client> {
        Client::builder(api_key).build()
    }

    /// A builder to set the base URL, timeout and retries.
    ///
    /// ```
    /// use std::time::Duration;
    /// let client = vinsnap::Client::builder("vsk_test_123")
    ///     .base_url("http://127.0.0.1:8080")
    ///     .timeout(Duration::from_secs(10))
    ///     .max_retries(4)
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(client.base_url(), "http://127.0.0.1:8080");
    /// ```
    pub fn builder(api_key: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            api_key: api_key.into(),
            base_url: PRODUCTION_URL.to_string(),
            timeout: Duration::from_secs(30),
            policy: RetryPolicy::default(),
            headers: Vec::new(),
        }
    }

    /// Whether the key is a test (sandbox) or live (production) key.
    ///
    /// ```
    /// let client = vinsnap::Client::new("vsk_live_123").unwrap();
    /// assert_eq!(client.mode(), vinsnap::KeyMode::Live);
    /// ```
    pub fn mode(&self) -> KeyMode {
        self.mode
    }

    /// The base URL requests go to.
    ///
    /// ```
    /// let client = vinsnap::Client::new("vsk_test_123").unwrap();
    /// assert!(client.base_url().starts_with("https://"));
    /// ```
    pub fn base_url(&self) -> &str {
        self.api.baseurl()
    }

    /// The most recent rate-limit reading this client (or a clone of it) received, if any.
    ///
    /// ```no_run
    /// use vinsnap::prelude::*;
    /// # async fn run() -> Result<(), vinsnap::Error> {
    /// let client = vinsnap::Client::new("vsk_test_123")?;
    /// client.list_locations().send().await?;
    /// if let Some(limit) = client.rate_limit() {
    ///     println!("{} of {} reads left", limit.remaining, limit.limit);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.api.inner().rate_limit()
    }

    /// A client with this one's settings and rate-limit reading, over a connection pool of its
    /// own (clones of a client share one pool).
    ///
    /// A connection is driven by the tokio runtime that opened it, so it can only serve calls
    /// while that runtime runs. A program that calls from several runtimes (one current-thread
    /// runtime per thread, as the Python binding's blocking calls do) needs one pool per runtime.
    ///
    /// ```
    /// let client = vinsnap::Client::builder("vsk_test_123").base_url("http://127.0.0.1:8080").build().unwrap();
    /// let other = client.with_own_connections().unwrap();
    /// assert_eq!(other.base_url(), client.base_url());
    /// ```
    pub fn with_own_connections(&self) -> Result<Client> {
        Ok(Client {
            api: Generated::new_with_client(
                self.api.baseurl(),
                self.http.build()?,
                self.api.inner().clone(),
            ),
            mode: self.mode,
            http: self.http.clone(),
        })
    }
}

/// Calls go straight to the generated client: the operations are its methods.
impl Deref for Client {
    type Target = Generated;

    fn deref(&self) -> &Generated {
        &self.api
    }
}

/// Configures a [`Client`]; from [`Client::builder`].
///
/// ```
/// let client = vinsnap::Client::builder("vsk_test_123").max_retries(3).build().unwrap();
/// # drop(client);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ClientBuilder {
    api_key: String,
    base_url: String,
    timeout: Duration,
    policy: RetryPolicy,
    /// Extra headers for every request, checked in `build`.
    headers: Vec<(String, String)>,
}

impl ClientBuilder {
    /// Sends requests to `url` instead of production: a local server, the sandbox mock.
    ///
    /// ```
    /// let client = vinsnap::Client::builder("vsk_test_123").base_url("http://localhost:4010/").build().unwrap();
    /// assert_eq!(client.base_url(), "http://localhost:4010");
    /// ```
    pub fn base_url(mut self, url: impl Into<String>) -> ClientBuilder {
        self.base_url = url.into().trim_end_matches('/').to_string();
        self
    }

    /// How long one attempt may take, connecting included (default 30 s).
    ///
    /// ```
    /// let builder = vinsnap::Client::builder("vsk_test_123").timeout(std::time::Duration::from_secs(5));
    /// assert!(builder.build().is_ok());
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.timeout = timeout;
        self
    }

    /// How many times a failed attempt is retried (default 2; 0 turns retries off).
    ///
    /// ```
    /// let builder = vinsnap::Client::builder("vsk_test_123").max_retries(0);
    /// assert!(builder.build().is_ok());
    /// ```
    pub fn max_retries(mut self, retries: u32) -> ClientBuilder {
        self.policy.max_retries = retries;
        self
    }

    /// The backoff before the first retry (default 500 ms; doubled each retry, with jitter)
    /// and its cap (default 8 s). A 429's `Retry-After` takes precedence.
    ///
    /// ```
    /// use std::time::Duration;
    /// let builder = vinsnap::Client::builder("vsk_test_123")
    ///     .backoff(Duration::from_millis(100), Duration::from_secs(2));
    /// assert!(builder.build().is_ok());
    /// ```
    pub fn backoff(mut self, initial: Duration, max: Duration) -> ClientBuilder {
        self.policy.initial_backoff = initial;
        self.policy.max_backoff = max;
        self
    }

    /// The longest `Retry-After` a retry waits out (default 60 s); a 429 asking for longer is
    /// returned to the caller as an error.
    ///
    /// ```
    /// let builder = vinsnap::Client::builder("vsk_test_123").max_retry_after(std::time::Duration::from_secs(5));
    /// assert!(builder.build().is_ok());
    /// ```
    pub fn max_retry_after(mut self, wait: Duration) -> ClientBuilder {
        self.policy.max_retry_after = wait;
        self
    }

    /// Sends `name: value` with every request: for the sandbox mock's `Prefer: code=404`, or a
    /// header a proxy in between needs. Repeat to add several; the API key's `Authorization`
    /// cannot be replaced this way.
    ///
    /// ```
    /// let client = vinsnap::Client::builder("vsk_test_123")
    ///     .base_url("http://127.0.0.1:4010")
    ///     .default_header("Prefer", "code=404")
    ///     .build();
    /// assert!(client.is_ok());
    /// let bad = vinsnap::Client::builder("vsk_test_123").default_header("Bad Name", "x").build();
    /// assert!(bad.is_err());
    /// ```
    pub fn default_header(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> ClientBuilder {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Builds the client.
    ///
    /// Fails with [`Error::InvalidRequest`] for a key that is not a `vsk_test_`/`vsk_live_` key
    /// or cannot be a header, a base URL that is not an absolute http(s) URL, or a
    /// [`default_header`](ClientBuilder::default_header) that is not a valid header or names
    /// `Authorization`.
    ///
    /// ```
    /// assert!(vinsnap::Client::builder("vsk_test_123").base_url("ftp://x").build().is_err());
    /// ```
    pub fn build(self) -> Result<Client> {
        let mode = KeyMode::of(&self.api_key).ok_or_else(|| {
            Error::InvalidRequest("the API key must start with vsk_test_ or vsk_live_".into())
        })?;
        match reqwest::Url::parse(&self.base_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => {}
            _ => {
                return Err(Error::InvalidRequest(format!(
                    "the base URL must be an absolute http(s) URL, not {:?}",
                    self.base_url
                )));
            }
        }
        let mut auth = HeaderValue::from_str(&format!("Bearer {}", self.api_key))
            .map_err(|_| Error::InvalidRequest("the API key is not a valid header value".into()))?;
        auth.set_sensitive(true);
        let mut headers = extra_headers(&self.headers)?;
        headers.insert(AUTHORIZATION, auth);

        let http = Arc::new(HttpSettings {
            headers,
            timeout: self.timeout,
        });
        let api =
            Generated::new_with_client(&self.base_url, http.build()?, Transport::new(self.policy));
        Ok(Client { api, mode, http })
    }
}

/// The [`ClientBuilder::default_header`]s as a header map, refusing invalid ones and
/// `Authorization` (which the API key owns: a silent override would send another key).
fn extra_headers(pairs: &[(String, String)]) -> Result<HeaderMap> {
    let mut headers = HeaderMap::new();
    for (name, value) in pairs {
        let invalid =
            || Error::InvalidRequest(format!("{name:?}: {value:?} is not a valid header"));
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid())?;
        let value = HeaderValue::from_str(value).map_err(|_| invalid())?;
        if name == AUTHORIZATION {
            return Err(Error::InvalidRequest(
                "the Authorization header comes from the API key".into(),
            ));
        }
        headers.append(name, value);
    }
    Ok(headers)
}

/// reqwest is built on rustls without a default crypto provider (the default one, aws-lc-rs,
/// needs a C toolchain); use ring unless the application installed a provider of its own.
fn install_crypto_provider() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        if rustls::crypto::CryptoProvider::get_default().is_none() {
            // Err only means another thread installed one first, which is just as good.
            let _ = rustls::crypto::ring::default_provider().install_default();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_headers_are_checked_and_repeatable() {
        let headers = extra_headers(&[
            ("Prefer".into(), "code=404".into()),
            ("x-trace".into(), "a".into()),
            ("x-trace".into(), "b".into()),
        ])
        .unwrap();
        assert_eq!(headers["prefer"], "code=404");
        assert_eq!(headers.get_all("x-trace").iter().count(), 2);
        for (name, value) in [
            ("bad name", "x"),
            ("x-ok", "line\nbreak"),
            ("authorization", "Bearer x"),
        ] {
            let pairs = [(name.to_string(), value.to_string())];
            assert!(
                matches!(extra_headers(&pairs), Err(Error::InvalidRequest(_))),
                "{name}: {value:?}"
            );
        }
    }
}
