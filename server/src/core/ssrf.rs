//! Which webhook URLs and addresses the server may connect to.
//!
//! Receivers must be public HTTPS endpoints: an API that POSTs wherever a customer says is
//! otherwise a way into our own network. URLs are checked when registered, and every address a
//! hostname resolves to is checked again at connection time (see `http_client`), so a DNS answer
//! that later changes to an internal address does not get through.

use reqwest::Url;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

pub const MAX_URL_LEN: usize = 2048;

/// The shape of a receiver URL, as the spec states it: `https://`, a host name (LDH labels, the
/// last one starting with a letter) or an IPv4 address; or, for servers run with the local
/// development allowance, `http://` and a loopback host (`localhost`, `127.x.x.x`, `[::1]`). Then
/// an optional port up to 65535, and any path, query and fragment of printable ASCII. Every URL
/// of this shape parses; whether its host may be used is the policy's question, asked after.
pub const URL_PATTERN: &str = concat!(
    r"^(?:https://(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*",
    r"[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?",
    r"|(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))",
    r"|http://(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*localhost",
    r"|127(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}|\[::1\]))",
    r"(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?",
    r"(?:[/?#][!-~]*)?$",
);

static URL_SHAPE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(URL_PATTERN).expect("the URL pattern compiles"));

#[derive(Debug, Clone, Copy, Default)]
pub struct Policy {
    /// Local development: allow `http://` and loopback receivers (never other internal ranges).
    pub allow_local: bool,
}

impl Policy {
    /// Checks that a URL has the shape the spec states ([`URL_PATTERN`]).
    pub fn check_shape(&self, raw: &str) -> Result<(), String> {
        if raw.len() > MAX_URL_LEN {
            return Err(format!("the URL is longer than {MAX_URL_LEN} characters"));
        }
        match URL_SHAPE.is_match(raw) {
            true => Ok(()),
            false => Err(format!(
                "`{raw}` is not an https:// URL with a host name or IPv4 address (or an http:// \
                 loopback URL), with at most a port, path, query and fragment of printable ASCII"
            )),
        }
    }

    /// Checks a URL's shape: scheme, host, and the host itself when it is an IP literal or a
    /// loopback name. Hostnames are checked again after DNS, on every connection.
    pub fn check_url(&self, raw: &str) -> Result<Url, String> {
        if raw.len() > MAX_URL_LEN {
            return Err(format!("the URL is longer than {MAX_URL_LEN} characters"));
        }
        let url = Url::parse(raw).map_err(|e| format!("`{raw}` is not a valid URL: {e}"))?;
        let host = url.host().ok_or_else(|| format!("`{raw}` has no host"))?;
        let loopback = match host {
            url::Host::Ipv4(ip) => {
                self.check_ip(IpAddr::V4(ip))?;
                ip.is_loopback()
            }
            url::Host::Ipv6(ip) => {
                self.check_ip(IpAddr::V6(ip))?;
                ip.is_loopback()
            }
            url::Host::Domain(name) => {
                let name = name.trim_end_matches('.').to_ascii_lowercase();
                let local = name == "localhost" || name.ends_with(".localhost");
                if local && !self.allow_local {
                    return Err(format!(
                        "`{name}` is a loopback name; receivers must be public"
                    ));
                }
                local
            }
        };
        match url.scheme() {
            "https" => Ok(url),
            "http" if self.allow_local && loopback => Ok(url),
            "http" => Err("webhook URLs must use HTTPS".to_owned()),
            other => Err(format!("webhook URLs must use HTTPS, not `{other}`")),
        }
    }

    /// Refuses every address that is not a public unicast address (loopback alone is let
    /// through when local development is allowed).
    pub fn check_ip(&self, ip: IpAddr) -> Result<(), String> {
        match refused_class(ip) {
            Some("loopback") if self.allow_local => Ok(()),
            Some(class) => Err(format!(
                "{ip} is a {class} address; receivers must be public"
            )),
            None => Ok(()),
        }
    }
}

/// The reason `ip` is not a public unicast address, if it is not.
pub fn refused_class(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(ip) => v4_class(ip),
        IpAddr::V6(ip) => v6_class(ip),
    }
}

fn v4_class(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        _ if ip.is_loopback() => "loopback",
        (0, _, _) => "unspecified",
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => "private",
        (169, 254, _) => "link-local",
        (100, 64..=127, _) => "CGNAT (shared address space)",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (198, 18..=19, _) => "benchmarking",
        (192, 0, 0) => "IETF protocol assignment",
        (224..=239, _, _) => "multicast",
        (240..=255, _, _) => "reserved or broadcast",
        _ => return None,
    })
}

fn v6_class(ip: Ipv6Addr) -> Option<&'static str> {
    let segments = ip.segments();
    Some(match segments {
        _ if ip.is_loopback() => "loopback",
        _ if ip.is_unspecified() => "unspecified",
        // An IPv4-mapped or -compatible address reaches the embedded IPv4 host; refusing them
        // outright is simpler and safer than re-checking the embedded address.
        [0, 0, 0, 0, 0, 0xffff, _, _] => "IPv4-mapped IPv6",
        [0, 0, 0, 0, 0, 0, _, _] => "IPv4-compatible IPv6",
        [0x64, 0xff9b, ..] => "NAT64",
        [s, ..] if s & 0xfe00 == 0xfc00 => "unique local (ULA)",
        [s, ..] if s & 0xffc0 == 0xfe80 => "link-local",
        [s, ..] if s & 0xffc0 == 0xfec0 => "site-local",
        [s, ..] if s & 0xff00 == 0xff00 => "multicast",
        [0x2001, 0xdb8, ..] => "documentation",
        [0x2001, 0, ..] => "Teredo",
        [0x2002, ..] => "6to4",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refused_class() {
        let cases = [
            ("127.0.0.1", "loopback"),
            ("0.0.0.0", "unspecified"),
            ("10.1.2.3", "private"),
            ("172.16.0.1", "private"),
            ("172.31.255.255", "private"),
            ("192.168.1.1", "private"),
            ("169.254.169.254", "link-local"),
            ("100.64.0.1", "CGNAT (shared address space)"),
            ("192.0.2.10", "documentation"),
            ("198.51.100.1", "documentation"),
            ("203.0.113.7", "documentation"),
            ("224.0.0.1", "multicast"),
            ("255.255.255.255", "reserved or broadcast"),
            ("::1", "loopback"),
            ("::", "unspecified"),
            ("::ffff:127.0.0.1", "IPv4-mapped IPv6"),
            ("::ffff:8.8.8.8", "IPv4-mapped IPv6"),
            ("fd12:3456::1", "unique local (ULA)"),
            ("fe80::1", "link-local"),
            ("ff02::1", "multicast"),
            ("2001:db8::1", "documentation"),
        ];
        for (ip, class) in cases {
            assert_eq!(refused_class(ip.parse().unwrap()), Some(class), "{ip}");
        }
        for public in ["8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"] {
            assert_eq!(refused_class(public.parse().unwrap()), None, "{public}");
        }
    }

    #[test]
    fn urls() {
        let strict = Policy::default();
        assert!(
            strict
                .check_url("https://hooks.example.com/vinsnap")
                .is_ok()
        );
        assert!(strict.check_url("http://hooks.example.com/").is_err());
        assert!(strict.check_url("https://localhost/").is_err());
        assert!(strict.check_url("https://[::ffff:10.0.0.1]/").is_err());
        assert!(strict.check_url("ftp://hooks.example.com/").is_err());
        assert!(strict.check_url("not a url").is_err());
        let local = Policy { allow_local: true };
        assert!(local.check_url("http://127.0.0.1:8080/hook").is_ok());
        assert!(local.check_url("http://localhost:8080/hook").is_ok());
        assert!(local.check_url("http://10.0.0.1/hook").is_err());
        assert!(local.check_url("http://hooks.example.com/").is_err());
        assert!(local.check_ip("::1".parse().unwrap()).is_ok());
        assert!(local.check_ip("192.168.0.1".parse().unwrap()).is_err());
    }

    #[test]
    fn every_url_of_the_stated_shape_parses() {
        let strict = Policy::default();
        for good in [
            "https://hooks.example.com/vinsnap?x=1#f",
            "https://a.b-c.io:65535/",
            "https://localhost",
            "https://93.184.216.34/hook",
            "https://x.example/@p\\q",
            "http://127.0.0.1:9000/hook",
            "http://localhost",
            "http://hooks.localhost/x",
            "http://[::1]:9/hook",
        ] {
            assert!(strict.check_shape(good).is_ok(), "{good}");
            assert!(Url::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "http://hooks.example.com/",
            "http://10.0.0.1/hook",
            "http://[::ffff:127.0.0.1]/",
            "https:example.com",
            "https://999.1.1.1/",
            "https://a.b:65536/",
            "https://user@host.com/",
            "https://host.com/ space",
            "https://[::1]/",
            "",
        ] {
            assert!(strict.check_shape(bad).is_err(), "{bad}");
        }
    }
}
