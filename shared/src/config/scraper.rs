//! The `[scraper]` section: politeness, HTTP limits and the configured sources.

use serde::Deserialize;

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ScraperSettings {
    /// Sent with every request; name the operator so site owners can reach them.
    pub user_agent: String,
    /// Allow loopback, private and link-local addresses (tests and the demo need it).
    pub allow_private_addresses: bool,
    /// Minimum gap between two requests to one host, in milliseconds.
    pub min_delay_ms: u64,
    /// Requests in flight to one host at once.
    pub per_host_concurrency: usize,
    /// Requests in flight overall.
    pub fetch_concurrency: usize,
    pub connect_timeout_secs: u64,
    pub request_timeout_secs: u64,
    pub max_redirects: usize,
    /// Bodies larger than this are cut off while streaming and the fetch fails.
    pub max_body_bytes: u64,
    /// How long a claimed frontier entry stays leased to one scraper.
    pub lease_secs: u64,
    /// Failed attempts before a URL is given up.
    pub max_attempts: u32,
    /// Crawl every source once and exit, instead of running forever.
    pub once: bool,
    /// After the first fetch, an article is re-checked after each of these many hours.
    pub recheck_hours: Vec<u64>,
    /// How long a fetched robots.txt is trusted before it is fetched again.
    pub robots_ttl_secs: u64,
    /// Upper bound on a robots.txt `Crawl-delay`, in milliseconds.
    pub max_crawl_delay_ms: u64,
    /// Upper bound on a `Retry-After`, in seconds.
    pub max_retry_after_secs: u64,
    /// First retry delay after a failure; doubles per attempt (with jitter).
    pub backoff_base_ms: u64,
    /// Longest retry delay after a failure.
    pub backoff_max_secs: u64,
    /// Consecutive failures after which a host is paused.
    pub host_failure_threshold: u32,
    /// How long a failing host is paused.
    pub host_pause_secs: u64,
    /// Hops from a source's start URL beyond which nothing is followed (sitemap indexes,
    /// `rel=next` chains): a guard against crawler traps.
    pub max_depth: u32,
    pub sources: Vec<SourceSettings>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// An HTML listing with pagination.
    Listing,
    /// RSS, Atom or JSON Feed.
    Feed,
    /// A sitemap, sitemap index or Google News sitemap.
    Sitemap,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SourceSettings {
    /// Stamped on every page from this source.
    pub name: String,
    pub kind: SourceKind,
    /// Start URL: the first listing page, the feed or the sitemap.
    pub url: String,
    /// Regex an article link must match (on the absolute URL); all same-host links if absent.
    #[serde(default)]
    pub article_pattern: Option<String>,
    /// Listing pagination: a template with `{n}` (`https://site/news?page={n}`); else
    /// a `rel=next` / "next" link is followed.
    #[serde(default)]
    pub page_template: Option<String>,
    /// First value of `{n}` after the start page.
    #[serde(default = "one")]
    pub first_page: u32,
    /// Listing pages fetched per crawl of this source.
    #[serde(default = "default_max_pages")]
    pub max_pages: u32,
    /// Seconds between crawls of the source itself.
    #[serde(default = "default_recrawl")]
    pub recrawl_secs: u64,
    /// Hosts whose links may be followed; the start URL's host if empty.
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
    /// Regexes of URLs never to fetch (crawler traps).
    #[serde(default)]
    pub deny_patterns: Vec<String>,
}

fn one() -> u32 {
    1
}

fn default_max_pages() -> u32 {
    10
}

fn default_recrawl() -> u64 {
    600
}

impl ScraperSettings {
    /// Checks that serde cannot express; errors name the key.
    pub(crate) fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.user_agent.trim().is_empty() {
            return Err(("scraper.user_agent", "must not be empty".into()));
        }
        if self.per_host_concurrency == 0 || self.fetch_concurrency == 0 {
            return Err((
                "scraper.per_host_concurrency",
                "concurrency limits must be at least 1".into(),
            ));
        }
        if self.max_redirects > 30 {
            return Err(("scraper.max_redirects", "must be at most 30".into()));
        }
        if self.max_body_bytes == 0 {
            return Err(("scraper.max_body_bytes", "must be at least 1".into()));
        }
        if self.lease_secs == 0 {
            return Err(("scraper.lease_secs", "must be at least 1".into()));
        }
        if self.max_attempts == 0 {
            return Err(("scraper.max_attempts", "must be at least 1".into()));
        }
        if self.request_timeout_secs == 0 || self.connect_timeout_secs == 0 {
            return Err((
                "scraper.request_timeout_secs",
                "timeouts must be at least 1 second".into(),
            ));
        }
        let mut names = std::collections::HashSet::new();
        for s in &self.sources {
            if !names.insert(s.name.as_str()) {
                return Err((
                    "scraper.sources",
                    format!("source name {:?} is used twice", s.name),
                ));
            }
            match url::Url::parse(&s.url) {
                Ok(u) if matches!(u.scheme(), "http" | "https") => {}
                _ => {
                    return Err((
                        "scraper.sources.url",
                        format!("source {:?}: {:?} is not an http(s) URL", s.name, s.url),
                    ));
                }
            }
            if let Some(t) = &s.page_template
                && !t.contains("{n}")
            {
                return Err((
                    "scraper.sources.page_template",
                    format!("source {:?}: the template must contain {{n}}", s.name),
                ));
            }
        }
        Ok(())
    }
}
