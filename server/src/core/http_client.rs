//! The HTTP client webhooks are sent with: redirects never followed, no proxies, bounded
//! timeouts, and a DNS resolver that refuses a host when any address it resolves to is not
//! allowed by the SSRF policy, so the check happens on every connection, after DNS.

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::HeaderMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::ssrf::Policy;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// How much of a receiver's answer is kept in the delivery log.
pub const RESPONSE_EXCERPT_BYTES: usize = 1024;

/// Resolves with the operating system's resolver.
pub struct SystemResolver;

impl Resolve for SystemResolver {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// Wraps a resolver and refuses names with any address outside the policy.
struct GuardedResolver {
    inner: Arc<dyn Resolve>,
    policy: Policy,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let (inner, policy) = (self.inner.clone(), self.policy);
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addrs: Vec<SocketAddr> = inner.resolve(name).await?.collect();
            let ips: Vec<IpAddr> = addrs.iter().map(SocketAddr::ip).collect();
            check_resolved(&policy, &host, &ips)?;
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

fn check_resolved(policy: &Policy, host: &str, ips: &[IpAddr]) -> Result<(), String> {
    if ips.is_empty() {
        return Err(format!("`{host}` resolves to no address"));
    }
    for ip in ips {
        policy
            .check_ip(*ip)
            .map_err(|why| format!("`{host}` resolves to {why}"))?;
    }
    Ok(())
}

/// What one POST to a receiver came to.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status_code: Option<u16>,
    pub response_excerpt: String,
    pub duration: Duration,
    pub error: Option<String>,
    pub retry_after: Option<String>,
}

impl Outcome {
    /// An attempt stopped after `duration` because the server is shutting down.
    pub fn cancelled(duration: Duration) -> Self {
        Self {
            status_code: None,
            response_excerpt: String::new(),
            duration,
            error: Some("cancelled: the server is shutting down".to_owned()),
            retry_after: None,
        }
    }

    pub fn succeeded(&self) -> bool {
        self.status_code.is_some_and(|s| (200..300).contains(&s))
    }
}

#[derive(Clone)]
pub struct WebhookClient {
    client: reqwest::Client,
    policy: Policy,
    resolver: Arc<dyn Resolve>,
}

impl WebhookClient {
    pub fn new(policy: Policy, resolver: Arc<dyn Resolve>) -> Self {
        Self::with_timeout(policy, resolver, REQUEST_TIMEOUT)
    }

    /// With `timeout` for a whole attempt instead of 15 seconds.
    pub fn with_timeout(policy: Policy, resolver: Arc<dyn Resolve>, timeout: Duration) -> Self {
        let guarded = Arc::new(GuardedResolver {
            inner: resolver.clone(),
            policy,
        });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(timeout)
            .user_agent(concat!("VinSnap-Webhooks/", env!("CARGO_PKG_VERSION")))
            .dns_resolver(guarded)
            .build()
            .expect("the webhook HTTP client builds");
        Self {
            client,
            policy,
            resolver,
        }
    }

    pub fn policy(&self) -> Policy {
        self.policy
    }

    pub fn resolver(&self) -> Arc<dyn Resolve> {
        self.resolver.clone()
    }

    /// The registration-time check: the URL's shape, then (for hostnames) every address it
    /// resolves to now. A name that does not resolve yet is accepted; the connection-time check
    /// still guards every delivery.
    pub async fn check_url(&self, raw: &str) -> Result<reqwest::Url, String> {
        let url = self.policy.check_url(raw)?;
        if let Some(url::Host::Domain(host)) = url.host() {
            let Ok(name) = host.parse::<Name>() else {
                return Err(format!("`{host}` is not a valid hostname"));
            };
            let lookup = tokio::time::timeout(Duration::from_secs(2), self.resolver.resolve(name));
            if let Ok(Ok(addrs)) = lookup.await {
                let ips: Vec<IpAddr> = addrs.map(|a| a.ip()).collect();
                if !ips.is_empty() {
                    check_resolved(&self.policy, host, &ips)?;
                }
            }
        }
        Ok(url)
    }

    /// POSTs `body`, never following a redirect, and keeps the first KiB of the answer.
    pub async fn post(&self, url: &str, headers: HeaderMap, body: String) -> Outcome {
        let started = Instant::now();
        let mut outcome = Outcome {
            status_code: None,
            response_excerpt: String::new(),
            duration: Duration::ZERO,
            error: None,
            retry_after: None,
        };
        // IP literals never reach the resolver, so they are checked here, on every attempt.
        if let Err(why) = self.policy.check_url(url) {
            outcome.error = Some(format!("refused: {why}"));
            return outcome;
        }
        match self
            .client
            .post(url)
            .headers(headers)
            .body(body)
            .send()
            .await
        {
            Ok(mut response) => {
                outcome.status_code = Some(response.status().as_u16());
                outcome.retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                let mut excerpt = Vec::new();
                while excerpt.len() < RESPONSE_EXCERPT_BYTES {
                    match response.chunk().await {
                        Ok(Some(chunk)) => excerpt.extend_from_slice(&chunk),
                        Ok(None) => break,
                        Err(err) => {
                            outcome.error = Some(format!("reading the response: {}", chain(&err)));
                            break;
                        }
                    }
                }
                excerpt.truncate(RESPONSE_EXCERPT_BYTES);
                outcome.response_excerpt = String::from_utf8_lossy(&excerpt).into_owned();
                if (300..400).contains(&response.status().as_u16()) {
                    outcome.error = Some("redirects are not followed".to_owned());
                }
            }
            Err(err) => outcome.error = Some(chain(&err)),
        }
        outcome.duration = started.elapsed();
        outcome
    }
}

/// An error with its causes, since reqwest's own message ("error sending request") hides the
/// reason (a refused address, a timeout, a reset connection).
fn chain(err: &dyn std::error::Error) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}
