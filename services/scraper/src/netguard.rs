//! Which addresses the scraper may connect to: public ones only, unless
//! `allow_private_addresses`. Checked on resolved addresses (a DNS name pointing at
//! 127.0.0.1 is refused) and on literal IPs in every URL, including every redirect hop.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// Loopback, private, link-local, unspecified, multicast, shared (CGNAT), documentation
/// and other reserved ranges: nothing a news site lives on.
pub fn is_forbidden_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_forbidden_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_forbidden_v4(v4);
            }
            let seg0 = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg0 & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (seg0 & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (seg0 & 0xffc0) == 0xfec0 // site-local (deprecated)
                || (seg0 == 0x2001 && v6.segments()[1] == 0x0db8) // documentation
                || (seg0 == 0x0064 && v6.segments()[1] == 0xff9b) // NAT64 to anything
                || is_v4_compatible(v6)
        }
    }
}

fn is_v4_compatible(v6: Ipv6Addr) -> bool {
    let s = v6.segments();
    s[..6].iter().all(|x| *x == 0) && !v6.is_loopback() && !v6.is_unspecified()
}

fn is_forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || matches!(ip.octets(), [192, 0, 2, _] | [198, 51, 100, _] | [203, 0, 113, _])
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && ip.octets()[2] == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240 // reserved
}

/// Why a URL may not be fetched.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UrlRefused {
    #[error("scheme {0:?} is not http or https")]
    Scheme(String),
    #[error("address {0} is private, loopback or link-local")]
    Address(IpAddr),
    #[error("URL has no host")]
    NoHost,
}

/// Scheme and literal-IP checks for one URL (DNS names are checked by [`GuardedResolver`]).
pub fn check_url(url: &Url, allow_private: bool) -> Result<(), UrlRefused> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlRefused::Scheme(url.scheme().to_string()));
    }
    let ip = match url.host() {
        None => return Err(UrlRefused::NoHost),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip),
        Some(Host::Domain(_)) => return Ok(()),
    };
    if !allow_private && is_forbidden_ip(ip) {
        return Err(UrlRefused::Address(ip));
    }
    Ok(())
}

/// A resolver that drops forbidden addresses, so a name that resolves only to private
/// addresses fails to connect; it checks every connection, redirects included.
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    pub allow_private: bool,
}

impl GuardedResolver {
    pub fn shared(allow_private: bool) -> Arc<Self> {
        Arc::new(GuardedResolver { allow_private })
    }
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = addrs
                .iter()
                .copied()
                .filter(|a| allow_private || !is_forbidden_ip(a.ip()))
                .collect();
            if allowed.is_empty() {
                let err: Box<dyn std::error::Error + Send + Sync> = if addrs.is_empty() {
                    format!("{host} does not resolve").into()
                } else {
                    format!("{host} resolves only to private, loopback or link-local addresses")
                        .into()
                };
                return Err(err);
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forbidden(s: &str) -> bool {
        is_forbidden_ip(s.parse().expect("ip"))
    }

    #[test]
    fn address_classes() {
        for ip in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "255.255.255.255",
            "100.64.0.1",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "ff02::1",
            "2001:db8::1",
        ] {
            assert!(forbidden(ip), "{ip} must be refused");
        }
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(!forbidden(ip), "{ip} is public");
        }
    }

    #[test]
    fn url_checks() {
        let u = |s: &str| Url::parse(s).expect("url");
        assert_eq!(check_url(&u("https://example.com/"), false), Ok(()));
        assert!(matches!(
            check_url(&u("http://127.0.0.1:8080/"), false),
            Err(UrlRefused::Address(_))
        ));
        assert!(matches!(
            check_url(&u("http://[::1]/"), false),
            Err(UrlRefused::Address(_))
        ));
        assert!(matches!(
            check_url(&u("http://169.254.169.254/latest"), false),
            Err(UrlRefused::Address(_))
        ));
        assert_eq!(check_url(&u("http://127.0.0.1:8080/"), true), Ok(()));
        assert!(matches!(
            check_url(&u("ftp://example.com/"), true),
            Err(UrlRefused::Scheme(_))
        ));
        assert!(matches!(
            check_url(&u("file:///etc/passwd"), true),
            Err(UrlRefused::Scheme(_))
        ));
    }

    #[tokio::test]
    async fn resolver_filters_private_answers() {
        let strict = GuardedResolver {
            allow_private: false,
        };
        let name: Name = "localhost".parse().expect("name");
        let err = strict
            .resolve(name)
            .await
            .err()
            .expect("localhost is refused");
        assert!(err.to_string().contains("private"), "{err}");
        let lax = GuardedResolver {
            allow_private: true,
        };
        let name: Name = "localhost".parse().expect("name");
        assert!(lax.resolve(name).await.is_ok());
    }
}
