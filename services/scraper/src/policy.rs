//! Scheduling decisions, free of I/O: what to do after a fetch, when to retry, when to
//! re-check, which links to follow.

use std::time::Duration;

use chrono::{DateTime, Utc};
use regex::Regex;
use url::Url;

/// `Retry-After`: delay-seconds or an HTTP date, relative to `now`. A date in the past
/// means "now"; anything unparseable is `None`.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = DateTime::parse_from_rfc2822(value)
        .ok()
        .map(|d| d.with_timezone(&Utc))
        .or_else(|| {
            // RFC 850 and asctime forms are obsolete but allowed by RFC 9110.
            ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"]
                .iter()
                .find_map(|f| chrono::NaiveDateTime::parse_from_str(value, f).ok())
                .map(|n| n.and_utc())
        })?;
    Some((when - now).to_std().unwrap_or(Duration::ZERO))
}

/// Exponential backoff for the `attempt`-th consecutive failure (1-based): `base * 2^(n-1)`,
/// capped, then scaled by `jitter` (expected in 0.5..=1.5, so replicas spread out).
pub fn backoff(attempt: u32, base: Duration, max: Duration, jitter: f64) -> Duration {
    let exp = attempt.saturating_sub(1).min(20);
    let raw = base.saturating_mul(1u32 << exp).min(max);
    raw.mul_f64(jitter.clamp(0.5, 1.5)).min(max)
}

/// When an article is next re-checked after a successful fetch at `step` (0 = the first
/// fetch): `Some((delay, next_step))`, or `None` once the schedule is exhausted.
pub fn recheck(step: u32, recheck_hours: &[u64]) -> Option<(Duration, u32)> {
    let hours = *recheck_hours.get(step as usize)?;
    Some((Duration::from_secs(hours * 3600), step + 1))
}

/// Why a fetch did not produce a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// 429 or 503: the server asked us to wait (`Retry-After`, if given).
    Throttled {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// Worth retrying later: 5xx, timeouts, connection errors.
    Transient(String),
    /// Will not get better by retrying: 4xx, a body over the limit, a redirect loop, a
    /// forbidden address.
    Permanent(String),
}

impl Failure {
    pub fn reason(&self) -> String {
        match self {
            Failure::Throttled {
                status,
                retry_after: Some(d),
            } => format!("HTTP {status}, Retry-After {}s", d.as_secs()),
            Failure::Throttled { status, .. } => format!("HTTP {status}"),
            Failure::Transient(r) | Failure::Permanent(r) => r.clone(),
        }
    }

    /// Whether it says something about the host's health (as opposed to one URL).
    pub fn counts_against_host(&self) -> bool {
        !matches!(self, Failure::Permanent(_))
    }
}

/// Classify a non-success HTTP status.
pub fn classify_status(status: u16, retry_after: Option<Duration>) -> Failure {
    match status {
        429 | 503 => Failure::Throttled {
            status,
            retry_after,
        },
        500..=599 | 408 => Failure::Transient(format!("HTTP {status}")),
        _ => Failure::Permanent(format!("HTTP {status}")),
    }
}

/// What to do with a URL after a failed attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retry {
    /// Try again after the delay; `attempts` is the new count.
    After { delay: Duration, attempts: u32 },
    /// Stop: `max_attempts` reached, or the failure is permanent.
    GiveUp { attempts: u32 },
}

/// Retry limits, from the settings.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base: Duration,
    pub max: Duration,
    pub max_retry_after: Duration,
}

impl RetryPolicy {
    /// Decide after failure number `previous_attempts + 1`.
    pub fn decide(&self, failure: &Failure, previous_attempts: u32, jitter: f64) -> Retry {
        let attempts = previous_attempts.saturating_add(1);
        if matches!(failure, Failure::Permanent(_)) || attempts >= self.max_attempts {
            return Retry::GiveUp { attempts };
        }
        let delay = match failure {
            Failure::Throttled {
                retry_after: Some(d),
                ..
            } => (*d).min(self.max_retry_after),
            _ => backoff(attempts, self.base, self.max, jitter),
        };
        Retry::After { delay, attempts }
    }
}

/// Where links may lead, per source: allowed hosts and deny patterns (crawler traps).
#[derive(Debug, Clone)]
pub struct LinkRules {
    allowed_hosts: Vec<String>,
    deny: Vec<Regex>,
    article: Option<Regex>,
}

impl LinkRules {
    /// `allowed_hosts` empty means the start URL's host only. Regexes are compiled by the
    /// caller (`LinkRules::compile` names the bad one).
    pub fn new(
        start: &Url,
        allowed_hosts: &[String],
        deny: Vec<Regex>,
        article: Option<Regex>,
    ) -> Self {
        let mut hosts: Vec<String> = allowed_hosts
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        if hosts.is_empty() {
            hosts.extend(start.host_str().map(str::to_ascii_lowercase));
        }
        LinkRules {
            allowed_hosts: hosts,
            deny,
            article,
        }
    }

    /// Compile the source's patterns; the error names the bad pattern.
    pub fn compile(
        start: &Url,
        allowed_hosts: &[String],
        deny: &[String],
        article: Option<&str>,
    ) -> Result<Self, String> {
        let re = |p: &str| Regex::new(p).map_err(|e| format!("invalid regex {p:?}: {e}"));
        let deny = deny.iter().map(|p| re(p)).collect::<Result<Vec<_>, _>>()?;
        let article = article.map(re).transpose()?;
        Ok(Self::new(start, allowed_hosts, deny, article))
    }

    /// On an allowed host (or a subdomain of one) and not denied.
    pub fn may_follow(&self, url: &Url) -> bool {
        let Some(host) = url.host_str() else {
            return false;
        };
        let host = host.to_ascii_lowercase();
        let host_ok = self
            .allowed_hosts
            .iter()
            .any(|h| host == *h || host.ends_with(&format!(".{h}")));
        host_ok && !self.is_denied(url)
    }

    pub fn is_denied(&self, url: &Url) -> bool {
        self.deny.iter().any(|d| d.is_match(url.as_str()))
    }

    /// An article link: followable and matching the article pattern (if any).
    pub fn is_article(&self, url: &Url) -> bool {
        self.may_follow(url)
            && self
                .article
                .as_ref()
                .is_none_or(|a| a.is_match(url.as_str()))
    }
}

/// `host:port`, the unit of politeness (two servers on one IP are two hosts).
pub fn host_key(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match url.port_or_known_default() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    }
}

/// The URL of listing page `page_no` (0 = the start URL) under a `{n}` template.
pub fn template_page(template: &str, first_page: u32, page_no: u32) -> Option<String> {
    let n = first_page.checked_add(page_no.checked_sub(1)?)?;
    Some(template.replace("{n}", &n.to_string()))
}

/// The robots.txt product token of a User-Agent: `newsflow` of `newsflow/0.1 (+...)`.
pub fn robots_agent(user_agent: &str) -> &str {
    user_agent
        .split(['/', ' '])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(user_agent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-01-15T12:00:00Z".parse().expect("time")
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(
            parse_retry_after("120", now()),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after(" 0 ", now()), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Thu, 15 Jan 2026 12:01:30 GMT", now()),
            Some(Duration::from_secs(90))
        );
        assert_eq!(
            parse_retry_after("Thursday, 15-Jan-26 12:00:10 GMT", now()),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Thu Jan 15 12:00:05 2026", now()),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            parse_retry_after("Wed, 14 Jan 2026 12:00:00 GMT", now()),
            Some(Duration::ZERO),
            "a date in the past means now"
        );
        assert_eq!(parse_retry_after("soon", now()), None);
        assert_eq!(parse_retry_after("-5", now()), None);
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let base = Duration::from_secs(30);
        let max = Duration::from_secs(3600);
        assert_eq!(backoff(1, base, max, 1.0), Duration::from_secs(30));
        assert_eq!(backoff(2, base, max, 1.0), Duration::from_secs(60));
        assert_eq!(backoff(4, base, max, 1.0), Duration::from_secs(240));
        assert_eq!(backoff(30, base, max, 1.0), max);
        assert_eq!(backoff(2, base, max, 0.5), Duration::from_secs(30));
        assert_eq!(
            backoff(30, base, max, 1.5),
            max,
            "jitter never exceeds the cap"
        );
    }

    #[test]
    fn retry_policy() {
        let p = RetryPolicy {
            max_attempts: 3,
            base: Duration::from_secs(10),
            max: Duration::from_secs(100),
            max_retry_after: Duration::from_secs(50),
        };
        let transient = Failure::Transient("timeout".into());
        assert_eq!(
            p.decide(&transient, 0, 1.0),
            Retry::After {
                delay: Duration::from_secs(10),
                attempts: 1
            }
        );
        assert_eq!(p.decide(&transient, 2, 1.0), Retry::GiveUp { attempts: 3 });
        let throttled = classify_status(429, Some(Duration::from_secs(500)));
        assert_eq!(
            p.decide(&throttled, 0, 1.0),
            Retry::After {
                delay: Duration::from_secs(50),
                attempts: 1
            },
            "Retry-After is honoured but capped"
        );
        assert_eq!(
            p.decide(&classify_status(404, None), 0, 1.0),
            Retry::GiveUp { attempts: 1 }
        );
        assert!(matches!(classify_status(502, None), Failure::Transient(_)));
        assert!(matches!(
            classify_status(503, None),
            Failure::Throttled { status: 503, .. }
        ));
    }

    #[test]
    fn recheck_schedule_decays_then_stops() {
        let hours = [1, 6, 24];
        assert_eq!(recheck(0, &hours), Some((Duration::from_secs(3600), 1)));
        assert_eq!(recheck(2, &hours), Some((Duration::from_secs(86_400), 3)));
        assert_eq!(recheck(3, &hours), None);
        assert_eq!(recheck(0, &[]), None);
    }

    #[test]
    fn link_rules() {
        let start = Url::parse("https://unpublished.ca/news").expect("url");
        let rules = LinkRules::compile(
            &start,
            &[],
            &["bounce-convert".into()],
            Some(r"/news-feed-item/\d{4}-\d{2}-\d{2}/"),
        )
        .expect("valid");
        let u = |s: &str| Url::parse(s).expect("url");
        assert!(rules.is_article(&u("https://unpublished.ca/news-feed-item/2026-01-15/x")));
        assert!(rules.is_article(&u("https://www.unpublished.ca/news-feed-item/2026-01-15/x")));
        assert!(!rules.is_article(&u("https://unpublished.ca/news?page=2")));
        assert!(!rules.may_follow(&u(
            "https://unpublished.ca/news/bounce-convert/ajax/impression?page=3"
        )));
        assert!(!rules.may_follow(&u("https://evil.example/news-feed-item/2026-01-15/x")));
        assert!(!rules.may_follow(&u("https://notunpublished.ca/a")));
        assert!(LinkRules::compile(&start, &[], &["(".into()], None).is_err());
    }

    #[test]
    fn small_helpers() {
        let u = Url::parse("http://127.0.0.2:8080/a").expect("url");
        assert_eq!(host_key(&u), "127.0.0.2:8080");
        let u = Url::parse("https://Example.com/a").expect("url");
        assert_eq!(host_key(&u), "example.com:443");
        assert_eq!(
            template_page("https://x/news?page={n}", 1, 1).as_deref(),
            Some("https://x/news?page=1")
        );
        assert_eq!(
            template_page("https://x/news?page={n}", 1, 3).as_deref(),
            Some("https://x/news?page=3")
        );
        assert_eq!(template_page("https://x/news?page={n}", 1, 0), None);
        assert_eq!(robots_agent("newsflow/0.1 (+https://x)"), "newsflow");
        assert_eq!(robots_agent("MyBot"), "MyBot");
    }
}
