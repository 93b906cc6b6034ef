//! One fetch, start to finish: robots.txt, the request, discovery, publishing, and the
//! frontier update. Publishing comes before the frontier row is marked done, so a crash in
//! between re-fetches the page rather than losing it.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use newsflow_shared::config::{ScraperSettings, SourceKind, SourceSettings};
use newsflow_shared::messages::{PageKind, RawPage};
use newsflow_shared::telemetry::Throughput;
use sha2::{Digest as _, Sha256};
use tracing::Instrument as _;
use url::Url;

use crate::discover::{self, Link};
use crate::fetch::{FetchError, Fetched, Fetcher, Validators};
use crate::frontier::{Claimed, Frontier, Kind, NewUrl, PauseRule, Success};
use crate::policy::{self, Failure, LinkRules, Retry, RetryPolicy};
use crate::publish::Publisher;
use crate::robots::RobotsCache;

/// A configured source with its compiled link rules.
#[derive(Debug)]
pub struct Source {
    pub settings: SourceSettings,
    pub start: Url,
    pub rules: LinkRules,
}

impl Source {
    /// Compile a source; the error names the key.
    pub fn compile(s: &SourceSettings) -> anyhow::Result<Source> {
        let start = newsflow_shared::urlnorm::canonicalize(&s.url)
            .map_err(|e| anyhow::anyhow!("scraper.sources.url: source {:?}: {e}", s.name))?;
        let rules = LinkRules::compile(
            &start,
            &s.allowed_hosts,
            &s.deny_patterns,
            s.article_pattern.as_deref(),
        )
        .map_err(|e| anyhow::anyhow!("scraper.sources: source {:?}: {e}", s.name))?;
        Ok(Source {
            settings: s.clone(),
            start,
            rules,
        })
    }

    pub fn kind(&self) -> Kind {
        match self.settings.kind {
            SourceKind::Listing => Kind::Listing,
            SourceKind::Feed => Kind::Feed,
            SourceKind::Sitemap => Kind::Sitemap,
        }
    }
}

/// Counters of one run; [`crate::RunSummary`] is their final value.
#[derive(Debug, Default)]
pub struct Stats {
    pub pages_published: AtomicU64,
    pub pages_unchanged: AtomicU64,
    pub not_modified: AtomicU64,
    pub failures: AtomicU64,
    pub gave_up: AtomicU64,
    pub robots_denied: AtomicU64,
    pub publish_failures: AtomicU64,
    pub links_discovered: AtomicU64,
    pub bytes_fetched: AtomicU64,
    pub statuses: Mutex<BTreeMap<u16, u64>>,
}

impl Stats {
    fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn status(&self, status: u16) {
        let mut s = self.statuses.lock().unwrap_or_else(|e| e.into_inner());
        *s.entry(status).or_default() += 1;
    }

    pub fn statuses_text(&self) -> String {
        let s = self.statuses.lock().unwrap_or_else(|e| e.into_inner());
        s.iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Everything a fetch task needs, shared.
pub struct Crawler {
    pub settings: ScraperSettings,
    pub sources: HashMap<String, Source>,
    pub frontier: Frontier,
    pub fetcher: Fetcher,
    pub robots: RobotsCache,
    pub publisher: Publisher,
    pub stats: Stats,
    pub throughput: std::sync::Arc<Throughput>,
    pub retry: RetryPolicy,
    pub pause: PauseRule,
}

/// How a fetch ended, for the span and the logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Published,
    Unchanged,
    NotModified,
    Retry,
    GaveUp,
    RobotsDenied,
    PublishFailed,
    LeaseLost,
    Error,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Published => "published",
            Outcome::Unchanged => "unchanged",
            Outcome::NotModified => "not_modified",
            Outcome::Retry => "retry",
            Outcome::GaveUp => "gave_up",
            Outcome::RobotsDenied => "robots_denied",
            Outcome::PublishFailed => "publish_failed",
            Outcome::LeaseLost => "lease_lost",
            Outcome::Error => "error",
        }
    }
}

/// What the content of a successful fetch asks for.
struct Handled {
    /// Publish it (with this kind), unless its hash is unchanged.
    publish: Option<PageKind>,
    next_in: Option<Duration>,
    recheck_step: i32,
    done: bool,
}

impl Crawler {
    /// Fetch one claimed URL and record the result. Never panics on bad input; errors are
    /// logged and the URL is retried or given up.
    pub async fn process(&self, item: Claimed) -> Outcome {
        let span = tracing::info_span!(
            "fetch",
            url = %item.url,
            source = %item.source,
            kind = %item.kind,
            status = tracing::field::Empty,
            bytes = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
            outcome = tracing::field::Empty,
        );
        let started = Instant::now();
        let outcome = match self.process_inner(&item).instrument(span.clone()).await {
            Ok(o) => o,
            Err(e) => {
                // The database failed: the lease expires and the URL is retried then.
                span.in_scope(
                    || tracing::error!(error = %format!("{e:#}"), "Fetch bookkeeping failed"),
                );
                Outcome::Error
            }
        };
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        span.record("outcome", outcome.as_str());
        span.in_scope(|| tracing::debug!("Fetch finished"));
        outcome
    }

    async fn process_inner(&self, item: &Claimed) -> anyhow::Result<Outcome> {
        let span = tracing::Span::current();
        let (Some(source), Ok(url), Some(kind)) = (
            self.sources.get(&item.source),
            Url::parse(&item.url),
            Kind::parse(&item.kind),
        ) else {
            self.frontier
                .fail(
                    &item.url,
                    item.attempts + 1,
                    None,
                    "unparseable frontier row",
                    None,
                )
                .await?;
            return Ok(Outcome::GaveUp);
        };

        // robots.txt first (a sitemap source may be the robots.txt itself).
        if !discover::is_robots_url(&url) {
            let lookup = self.robots.lookup(&self.fetcher, &url).await;
            if lookup.fetched_now {
                let delay = lookup
                    .rules
                    .crawl_delay()
                    .map(|d| d.min(Duration::from_millis(self.settings.max_crawl_delay_ms)));
                self.frontier.set_crawl_delay(&item.host, delay).await?;
                // The robots.txt request counts: keep the gap before our own request.
                let gap = Duration::from_millis(self.settings.min_delay_ms)
                    .max(delay.unwrap_or_default());
                tokio::time::sleep(gap).await;
            }
            match lookup.rules.allowed(&url) {
                Ok(true) => {}
                Ok(false) => {
                    Stats::bump(&self.stats.robots_denied);
                    tracing::info!(url = %url, "Disallowed by robots.txt; not fetching");
                    self.frontier
                        .host_finished(&item.host, true, None, self.pause)
                        .await?;
                    self.finish_failure(item, source, None, "disallowed by robots.txt", None)
                        .await?;
                    return Ok(Outcome::RobotsDenied);
                }
                Err(why) => {
                    let failure = Failure::Transient(why);
                    return self.failed(item, source, None, failure).await;
                }
            }
        }

        let validators = Validators {
            etag: item.etag.clone(),
            last_modified: item.last_modified.clone(),
        };
        let _in_flight = self.throughput.start();
        let fetched = self.fetcher.get(&url, &validators).await;
        let fetched = match fetched {
            Ok(f) => f,
            Err(e) => {
                let failure = match &e {
                    e if e.is_transient() => Failure::Transient(e.to_string()),
                    FetchError::BodyTooLarge(_)
                    | FetchError::RedirectLoop(_)
                    | FetchError::TooManyRedirects(_)
                    | FetchError::BadRedirect
                    | FetchError::Refused(_)
                    | FetchError::ResolvesPrivate(_) => Failure::Permanent(e.to_string()),
                    _ => Failure::Transient(e.to_string()),
                };
                return self.failed(item, source, None, failure).await;
            }
        };
        span.record("status", fetched.status);
        span.record("bytes", fetched.body.len() as u64);
        self.stats.status(fetched.status);
        self.stats
            .bytes_fetched
            .fetch_add(fetched.body.len() as u64, Ordering::Relaxed);

        if fetched.status == 304 {
            Stats::bump(&self.stats.not_modified);
            let handled = self.schedule_unchanged(item, source, kind);
            let success = Success {
                status: 304,
                etag: fetched.etag.clone().or(validators.etag),
                last_modified: fetched.last_modified.clone().or(validators.last_modified),
                content_hash: item.content_hash.clone(),
                recheck_step: handled.recheck_step,
                next_in: handled.next_in,
                done: handled.done,
            };
            return self.succeeded(item, &success, Outcome::NotModified).await;
        }
        if !(200..300).contains(&fetched.status) {
            let retry_after = fetched
                .retry_after
                .as_deref()
                .and_then(|v| policy::parse_retry_after(v, chrono::Utc::now()));
            let failure = policy::classify_status(fetched.status, retry_after);
            return self
                .failed(item, source, Some(fetched.status), failure)
                .await;
        }

        let handled = match self.discover(item, source, kind, &fetched).await? {
            Ok(h) => h,
            Err(e) => {
                tracing::error!(url = %url, error = %e, "Could not read the page; the crawl goes on");
                let failure = Failure::Permanent(e.to_string());
                return self
                    .failed(item, source, Some(fetched.status), failure)
                    .await;
            }
        };

        let hash = hex::encode(Sha256::digest(&fetched.body));
        let mut outcome = Outcome::Unchanged;
        if let Some(page_kind) = handled.publish {
            if item.content_hash.as_deref() == Some(hash.as_str()) {
                Stats::bump(&self.stats.pages_unchanged);
            } else {
                let mut page = RawPage::new(
                    item.source.clone(),
                    item.url.clone(),
                    fetched.final_url.to_string(),
                    fetched.status,
                    fetched.content_type.clone(),
                    &fetched.body,
                );
                page.etag = fetched.etag.clone();
                page.last_modified = fetched.last_modified.clone();
                page.kind = page_kind;
                if let Err(e) = self.publisher.publish(&page).await {
                    Stats::bump(&self.stats.publish_failures);
                    self.frontier
                        .host_finished(&item.host, true, None, self.pause)
                        .await?;
                    self.frontier
                        .release(
                            &item.url,
                            &format!("publish failed: {e:#}"),
                            Duration::from_secs(5),
                        )
                        .await?;
                    return Ok(Outcome::PublishFailed);
                }
                Stats::bump(&self.stats.pages_published);
                self.throughput.done(fetched.body.len() as u64);
                outcome = Outcome::Published;
            }
        } else {
            Stats::bump(&self.stats.pages_unchanged);
        }
        let success = Success {
            status: fetched.status,
            etag: fetched.etag,
            last_modified: fetched.last_modified,
            content_hash: Some(hash),
            recheck_step: handled.recheck_step,
            next_in: handled.next_in,
            done: handled.done,
        };
        self.succeeded(item, &success, outcome).await
    }

    async fn succeeded(
        &self,
        item: &Claimed,
        s: &Success,
        outcome: Outcome,
    ) -> anyhow::Result<Outcome> {
        self.frontier
            .host_finished(&item.host, true, None, self.pause)
            .await?;
        if self.frontier.succeed(&item.url, s).await? {
            Ok(outcome)
        } else {
            tracing::warn!(url = %item.url, "Lease expired during the fetch; another scraper may have fetched it too");
            Ok(Outcome::LeaseLost)
        }
    }

    /// A failed attempt: back off (host and URL), retry or give up.
    async fn failed(
        &self,
        item: &Claimed,
        source: &Source,
        status: Option<u16>,
        failure: Failure,
    ) -> anyhow::Result<Outcome> {
        Stats::bump(&self.stats.failures);
        self.throughput.failed();
        let reason = failure.reason();
        let ok_for_host = !failure.counts_against_host();
        self.frontier
            .host_finished(&item.host, ok_for_host, Some(&reason), self.pause)
            .await?;
        if let Failure::Throttled {
            retry_after: Some(d),
            ..
        } = &failure
        {
            self.frontier
                .host_wait(&item.host, (*d).min(self.retry.max_retry_after))
                .await?;
        }
        let jitter = 0.5 + rand::random::<f64>();
        match self
            .retry
            .decide(&failure, u32::try_from(item.attempts).unwrap_or(0), jitter)
        {
            Retry::After { delay, attempts } => {
                tracing::info!(url = %item.url, attempts, retry_in_ms = delay.as_millis() as u64, reason = %reason, "Fetch failed; will retry");
                self.frontier
                    .fail(&item.url, attempts as i32, status, &reason, Some(delay))
                    .await?;
                Ok(Outcome::Retry)
            }
            Retry::GiveUp { attempts } => {
                Stats::bump(&self.stats.gave_up);
                tracing::warn!(url = %item.url, source = %item.source, attempts, reason = %reason, "Giving up on URL");
                self.finish_failure(item, source, status, &reason, Some(attempts))
                    .await?;
                Ok(Outcome::GaveUp)
            }
        }
    }

    /// Give up on a URL; a source's start URL is instead retried at its next recrawl.
    async fn finish_failure(
        &self,
        item: &Claimed,
        source: &Source,
        status: Option<u16>,
        reason: &str,
        attempts: Option<u32>,
    ) -> anyhow::Result<()> {
        let attempts = attempts.map_or(item.attempts, |a| a as i32);
        if item.is_source {
            let recrawl = Duration::from_secs(source.settings.recrawl_secs);
            self.frontier
                .fail(&item.url, 0, status, reason, Some(recrawl))
                .await?;
        } else {
            self.frontier
                .fail(&item.url, attempts, status, reason, None)
                .await?;
        }
        Ok(())
    }

    /// Scheduling for an unchanged page (304): as after a fetch, without discovery.
    fn schedule_unchanged(&self, item: &Claimed, source: &Source, kind: Kind) -> Handled {
        self.schedule(item, source, kind, None)
    }

    fn schedule(
        &self,
        item: &Claimed,
        source: &Source,
        kind: Kind,
        publish: Option<PageKind>,
    ) -> Handled {
        if item.is_source {
            return Handled {
                publish,
                next_in: Some(Duration::from_secs(source.settings.recrawl_secs)),
                recheck_step: 0,
                done: false,
            };
        }
        if kind == Kind::Article {
            let step = u32::try_from(item.recheck_step).unwrap_or(0);
            return match policy::recheck(step, &self.settings.recheck_hours) {
                Some((delay, next)) => Handled {
                    publish,
                    next_in: Some(delay),
                    recheck_step: next as i32,
                    done: false,
                },
                None => Handled {
                    publish,
                    next_in: None,
                    recheck_step: item.recheck_step,
                    done: true,
                },
            };
        }
        // A later listing page or a child sitemap: idle until its parent re-arms it.
        Handled {
            publish,
            next_in: None,
            recheck_step: 0,
            done: false,
        }
    }

    /// Discovery on a fetched page: add what it links to, decide whether it is published.
    async fn discover(
        &self,
        item: &Claimed,
        source: &Source,
        kind: Kind,
        fetched: &Fetched,
    ) -> anyhow::Result<Result<Handled, discover::DiscoverError>> {
        let base = &fetched.final_url;
        let depth = item.depth + 1;
        let max_depth = i32::try_from(self.settings.max_depth).unwrap_or(i32::MAX);
        match kind {
            Kind::Article => Ok(Ok(self.schedule(
                item,
                source,
                kind,
                Some(PageKind::Article),
            ))),
            Kind::Listing => {
                let found = discover::listing_links(base, &fetched.body);
                let articles: Vec<Link> = found
                    .links
                    .into_iter()
                    .filter(|u| source.rules.is_article(u))
                    .map(Link::plain)
                    .collect();
                let new = self.add_articles(item, &articles).await?;
                let next_no = item.page_no + 1;
                // Listings page by offset: a page with nothing new ends the paging.
                if new > 0 && next_no < i32::try_from(source.settings.max_pages).unwrap_or(i32::MAX)
                {
                    let next = match &source.settings.page_template {
                        Some(t) => {
                            policy::template_page(t, source.settings.first_page, next_no as u32)
                                .and_then(|u| newsflow_shared::urlnorm::canonicalize(&u).ok())
                        }
                        None => found.next.filter(|_| depth <= max_depth),
                    };
                    if let Some(next) = next.filter(|u| source.rules.may_follow(u)) {
                        self.frontier
                            .schedule_now(&self.new_url(&next, Kind::Listing, item, depth, next_no))
                            .await?;
                    }
                }
                tracing::debug!(links = articles.len(), new, "Listing page read");
                Ok(Ok(self.schedule(
                    item,
                    source,
                    kind,
                    Some(PageKind::Listing),
                )))
            }
            Kind::Feed => {
                let links = match discover::feed_links(base, &fetched.body) {
                    Ok(l) => l,
                    Err(e) => return Ok(Err(e)),
                };
                let links: Vec<Link> = links
                    .into_iter()
                    .filter(|l| source.rules.is_article(&l.url))
                    .collect();
                let new = self.add_articles(item, &links).await?;
                tracing::debug!(links = links.len(), new, "Feed read");
                Ok(Ok(self.schedule(item, source, kind, None)))
            }
            Kind::Sitemap => {
                let body = match discover::gunzip_if_needed(
                    &fetched.body,
                    self.fetcher.max_body_bytes(),
                ) {
                    Ok(b) => b,
                    Err(e) => return Ok(Err(e)),
                };
                let (children, pages) = if discover::is_robots_url(base) {
                    (discover::robots_sitemaps(base, &body), Vec::new())
                } else {
                    match discover::parse_sitemap(base, &body) {
                        Ok(s) => (s.sitemaps, s.pages),
                        Err(e) => return Ok(Err(e)),
                    }
                };
                if depth <= max_depth {
                    for child in children.iter().filter(|u| source.rules.may_follow(u)) {
                        self.frontier
                            .schedule_now(&self.new_url(child, Kind::Sitemap, item, depth, 0))
                            .await?;
                    }
                } else if !children.is_empty() {
                    tracing::warn!(depth, "Sitemap index nested too deep; not following");
                }
                let pages: Vec<Link> = pages
                    .into_iter()
                    .filter(|l| source.rules.is_article(&l.url))
                    .collect();
                let new = self.add_articles(item, &pages).await?;
                tracing::debug!(
                    sitemaps = children.len(),
                    links = pages.len(),
                    new,
                    "Sitemap read"
                );
                Ok(Ok(self.schedule(item, source, kind, None)))
            }
        }
    }

    async fn add_articles(&self, item: &Claimed, links: &[Link]) -> anyhow::Result<u64> {
        let urls: Vec<NewUrl> = links
            .iter()
            .map(|l| NewUrl {
                news_title: l.title.clone(),
                news_published_at: l.published_at,
                ..self.new_url(&l.url, Kind::Article, item, item.depth + 1, 0)
            })
            .collect();
        let new = self.frontier.add(&urls).await?;
        self.stats
            .links_discovered
            .fetch_add(new, Ordering::Relaxed);
        Ok(new)
    }

    fn new_url(&self, url: &Url, kind: Kind, parent: &Claimed, depth: i32, page_no: i32) -> NewUrl {
        NewUrl {
            url: url.to_string(),
            kind,
            source: parent.source.clone(),
            host: policy::host_key(url),
            depth,
            page_no,
            news_title: None,
            news_published_at: None,
        }
    }
}
