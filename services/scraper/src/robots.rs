//! robots.txt: fetched once per origin, cached with a TTL, shared by the fetch tasks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use texting_robots::Robot;
use url::Url;

use crate::fetch::{Fetcher, Validators};

/// What a robots.txt says for our agent.
#[derive(Debug)]
pub enum Rules {
    Parsed(Robot),
    /// 4xx, or unparseable: everything is allowed (the usual reading of RFC 9309).
    AllowAll,
    /// 5xx or unreachable: nothing may be fetched until it can be read.
    Unavailable(String),
}

impl Rules {
    /// Interpret a robots.txt response (pure).
    pub fn from_response(agent: &str, status: u16, body: &[u8]) -> Rules {
        match status {
            200..=299 => Robot::new(agent, body).map_or(Rules::AllowAll, Rules::Parsed),
            429 | 500..=599 => Rules::Unavailable(format!("robots.txt answered HTTP {status}")),
            _ => Rules::AllowAll,
        }
    }

    pub fn allowed(&self, url: &Url) -> Result<bool, String> {
        match self {
            Rules::Parsed(r) => Ok(r.allowed(url.as_str())),
            Rules::AllowAll => Ok(true),
            Rules::Unavailable(why) => Err(why.clone()),
        }
    }

    /// `Crawl-delay`, if the file sets one for us.
    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Rules::Parsed(r) => r
                .delay
                .filter(|d| d.is_finite() && *d >= 0.0)
                .map(|d| Duration::from_secs_f32(d.min(86_400.0))),
            _ => None,
        }
    }
}

type Slot = Arc<tokio::sync::Mutex<Option<(Arc<Rules>, Instant)>>>;

/// Per-origin cache; one fetch per origin at a time.
#[derive(Debug)]
pub struct RobotsCache {
    agent: String,
    ttl: Duration,
    /// A robots.txt that could not be read is retried sooner than the TTL.
    unavailable_ttl: Duration,
    slots: Mutex<HashMap<String, Slot>>,
}

/// The rules for a URL, and whether robots.txt was requested just now (the caller then
/// waits the host's delay before its own request).
pub struct Lookup {
    pub rules: Arc<Rules>,
    pub fetched_now: bool,
}

impl RobotsCache {
    pub fn new(agent: &str, ttl: Duration) -> Self {
        RobotsCache {
            agent: agent.to_string(),
            ttl,
            unavailable_ttl: ttl.min(Duration::from_secs(60)),
            slots: Mutex::new(HashMap::new()),
        }
    }

    pub async fn lookup(&self, fetcher: &Fetcher, url: &Url) -> Lookup {
        let origin = url.origin().ascii_serialization();
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            slots.entry(origin.clone()).or_default().clone()
        };
        let mut entry = slot.lock().await;
        if let Some((rules, at)) = entry.as_ref() {
            let ttl = match **rules {
                Rules::Unavailable(_) => self.unavailable_ttl,
                _ => self.ttl,
            };
            if at.elapsed() < ttl {
                return Lookup {
                    rules: rules.clone(),
                    fetched_now: false,
                };
            }
        }
        let rules = Arc::new(self.fetch(fetcher, &origin).await);
        *entry = Some((rules.clone(), Instant::now()));
        Lookup {
            rules,
            fetched_now: true,
        }
    }

    async fn fetch(&self, fetcher: &Fetcher, origin: &str) -> Rules {
        let Ok(url) = Url::parse(&format!("{origin}/robots.txt")) else {
            return Rules::AllowAll;
        };
        match fetcher.get(&url, &Validators::default()).await {
            Ok(r) => {
                let rules = Rules::from_response(&self.agent, r.status, &r.body);
                tracing::debug!(%url, status = r.status, "Fetched robots.txt");
                rules
            }
            Err(e) if e.is_transient() => {
                tracing::warn!(%url, error = %e, "robots.txt unavailable");
                Rules::Unavailable(format!("robots.txt unavailable: {e}"))
            }
            // Too large, a redirect loop...: treat as absent, like a 4xx.
            Err(e) => {
                tracing::warn!(%url, error = %e, "robots.txt unusable; treating as absent");
                Rules::AllowAll
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_rules() {
        let txt = b"User-agent: *\nDisallow: /private\n\nUser-agent: newsflow\nDisallow: /no-bots\nCrawl-delay: 2.5\n";
        let r = Rules::from_response("newsflow", 200, txt);
        let u = |s: &str| Url::parse(s).expect("url");
        assert_eq!(r.allowed(&u("https://x.ca/no-bots/a")), Ok(false));
        assert_eq!(
            r.allowed(&u("https://x.ca/private/a")),
            Ok(true),
            "our group wins over *"
        );
        assert_eq!(r.crawl_delay(), Some(Duration::from_millis(2500)));
        let other = Rules::from_response("otherbot", 200, txt);
        assert_eq!(other.allowed(&u("https://x.ca/private/a")), Ok(false));
        assert_eq!(other.crawl_delay(), None);
        assert!(matches!(
            Rules::from_response("newsflow", 404, b""),
            Rules::AllowAll
        ));
        assert!(
            Rules::from_response("newsflow", 503, b"")
                .allowed(&u("https://x.ca/"))
                .is_err()
        );
        assert!(matches!(
            Rules::from_response("newsflow", 200, b"\xff\xfe garbage"),
            Rules::Parsed(_) | Rules::AllowAll
        ));
    }
}
