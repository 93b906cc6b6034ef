//! The scraper: discovers article URLs from listings, feeds and sitemaps, fetches them
//! politely, and publishes the pages to RabbitMQ for the parser.
//!
//! # Layout
//! - [`policy`]: pure scheduling decisions (Retry-After, backoff, re-checks, link rules).
//! - [`discover`]: pure discovery (listing links, feeds, sitemaps, robots.txt sitemaps).
//! - [`netguard`]: which addresses may be fetched (after DNS and on every redirect).
//! - [`fetch`]: the HTTP client: manual redirects, body cap, conditional GET.
//! - [`robots`]: robots.txt rules and their per-origin cache.
//! - [`frontier`]: the crawl state in PostgreSQL: leases, per-host politeness.
//! - [`crawl`]: one fetch from claim to frontier update.
//! - [`publish`]: confirmed publishing with reconnection.
//!
//! # Invariants
//! - A page is published (and confirmed) before its frontier row is marked done: a crash
//!   in between re-fetches it, it is never lost. Unchanged content (same SHA-256) is not
//!   published again.
//! - A URL is fetched only under a lease; a host is requested only when its
//!   `next_allowed_at` has passed and fewer than `per_host_concurrency` of its URLs are
//!   leased. Both are claimed in one transaction, so replicas share politeness.
//! - Feeds and sitemaps are never published; HTML listing pages are, as `PageKind::Listing`.

pub mod crawl;
pub mod discover;
pub mod fetch;
pub mod frontier;
pub mod netguard;
pub mod policy;
pub mod publish;
pub mod robots;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use newsflow_shared::config::Settings;
use newsflow_shared::telemetry::Throughput;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::crawl::{Crawler, Source, Stats};
use crate::frontier::{Frontier, NewUrl, PauseRule, Politeness};
use crate::policy::RetryPolicy;

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Pages published to RabbitMQ (articles and HTML listing pages), each confirmed.
    pub pages_published: u64,
    /// Fetched, but the content hash was unchanged (or a feed/sitemap): not published.
    pub pages_unchanged: u64,
    /// 304 answers to a conditional GET.
    pub not_modified: u64,
    /// Failed attempts (each retry counts).
    pub failures: u64,
    /// URLs given up (after `max_attempts`, or a permanent failure), reasons logged.
    pub gave_up: u64,
    /// URLs not fetched because robots.txt disallows them.
    pub robots_denied: u64,
    /// Publishes that failed (the URL is retried).
    pub publish_failures: u64,
    /// New URLs added to the frontier.
    pub links_discovered: u64,
    /// Body bytes fetched (after content decoding).
    pub bytes_fetched: u64,
}

impl RunSummary {
    fn from_stats(s: &Stats) -> Self {
        let g = |c: &std::sync::atomic::AtomicU64| c.load(Ordering::Relaxed);
        RunSummary {
            pages_published: g(&s.pages_published),
            pages_unchanged: g(&s.pages_unchanged),
            not_modified: g(&s.not_modified),
            failures: g(&s.failures),
            gave_up: g(&s.gave_up),
            robots_denied: g(&s.robots_denied),
            publish_failures: g(&s.publish_failures),
            links_discovered: g(&s.links_discovered),
            bytes_fetched: g(&s.bytes_fetched),
        }
    }
}

/// How long an idle scheduler waits before looking for due work again.
const IDLE_POLL: Duration = Duration::from_millis(100);
/// In `--once` mode, a failed URL whose retry is further away than this is left for the
/// next run rather than waited for.
const ONCE_RETRY_HORIZON: Duration = Duration::from_secs(300);

/// Runs the scraper until `shutdown` (or, with `settings.scraper.once`, until every source
/// was crawled once and every page due has been fetched), then returns.
pub async fn run(settings: &Settings, shutdown: CancellationToken) -> anyhow::Result<RunSummary> {
    let s = &settings.scraper;
    let mut sources = HashMap::new();
    for src in &s.sources {
        sources.insert(src.name.clone(), Source::compile(src)?);
    }
    let Some(pool) = newsflow_shared::db::connect(&settings.database, &shutdown).await? else {
        return Ok(RunSummary::default());
    };
    let politeness = Politeness {
        min_delay_ms: i64::try_from(s.min_delay_ms).unwrap_or(i64::MAX),
        max_crawl_delay_ms: i64::try_from(s.max_crawl_delay_ms).unwrap_or(i64::MAX),
        per_host_concurrency: i64::try_from(s.per_host_concurrency).unwrap_or(1),
        lease: Duration::from_secs(s.lease_secs),
    };
    let frontier = Frontier::new(pool.clone(), sources.keys().cloned().collect(), politeness);
    let starts: Vec<String> = sources.values().map(|s| s.start.to_string()).collect();
    let retired = frontier
        .retire_sources_except(&starts)
        .await
        .context("retiring start URLs no longer configured")?;
    if retired > 0 {
        tracing::info!(
            retired,
            "Start URLs no longer configured will not be recrawled"
        );
    }
    for src in sources.values() {
        let seed = NewUrl {
            url: src.start.to_string(),
            kind: src.kind(),
            source: src.settings.name.clone(),
            host: policy::host_key(&src.start),
            depth: 0,
            page_no: 0,
            news_title: None,
            news_published_at: None,
        };
        frontier
            .seed(&seed, s.once)
            .await
            .context("seeding the frontier")?;
    }
    let throughput = Throughput::new();
    let crawler = Arc::new(Crawler {
        settings: s.clone(),
        sources,
        frontier,
        fetcher: fetch::Fetcher::new(s).context("building the HTTP client")?,
        robots: robots::RobotsCache::new(
            policy::robots_agent(&s.user_agent),
            Duration::from_secs(s.robots_ttl_secs),
        ),
        publisher: publish::Publisher::new(publish::copy_amqp(&settings.amqp), shutdown.clone()),
        stats: Stats::default(),
        throughput: throughput.clone(),
        retry: RetryPolicy {
            max_attempts: s.max_attempts,
            base: Duration::from_millis(s.backoff_base_ms),
            max: Duration::from_secs(s.backoff_max_secs),
            max_retry_after: Duration::from_secs(s.max_retry_after_secs),
        },
        pause: PauseRule {
            threshold: s.host_failure_threshold,
            duration: Duration::from_secs(s.host_pause_secs),
        },
    });
    // Connect to the broker up front, so a broker that is down is reported before fetching.
    if crawler.publisher.channel().await.is_err() {
        return Ok(RunSummary::from_stats(&crawler.stats));
    }
    tracing::info!(
        owner = %crawler.frontier.owner(),
        sources = crawler.sources.len(),
        once = s.once,
        min_delay_ms = s.min_delay_ms,
        per_host_concurrency = s.per_host_concurrency,
        fetch_concurrency = s.fetch_concurrency,
        "Scraper started"
    );

    let interval = settings.telemetry.report_interval();
    let _reporter = AbortOnDrop(throughput.report_every("scraper", "pages", interval));
    let _summary = AbortOnDrop(tokio::spawn(report_frontier(crawler.clone(), interval)));
    let started = Instant::now();
    schedule(&crawler, &shutdown).await;

    let summary = RunSummary::from_stats(&crawler.stats);
    tracing::info!(
        pages_published = summary.pages_published,
        pages_unchanged = summary.pages_unchanged,
        not_modified = summary.not_modified,
        failures = summary.failures,
        gave_up = summary.gave_up,
        robots_denied = summary.robots_denied,
        bytes = summary.bytes_fetched,
        statuses = %crawler.stats.statuses_text(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "Scraper stopped"
    );
    pool.close().await;
    Ok(summary)
}

/// The scheduler: claim due work while there is room, run each fetch as a task, stop on
/// shutdown (after in-flight fetches finish) or, with `once`, when nothing is left.
async fn schedule(crawler: &Arc<Crawler>, shutdown: &CancellationToken) {
    let limit = crawler.settings.fetch_concurrency;
    let mut tasks: JoinSet<crawl::Outcome> = JoinSet::new();
    let mut db_backoff = Duration::from_millis(250);
    loop {
        while let Some(done) = tasks.try_join_next() {
            log_join(done);
        }
        if shutdown.is_cancelled() {
            break;
        }
        let room = limit.saturating_sub(tasks.len());
        let claimed = if room > 0 {
            match crawler.frontier.claim(room).await {
                Ok(c) => {
                    db_backoff = Duration::from_millis(250);
                    c
                }
                Err(e) => {
                    tracing::warn!(error = %e, retry_in_ms = db_backoff.as_millis() as u64, "Claiming work failed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(db_backoff) => {}
                        _ = shutdown.cancelled() => {}
                    }
                    db_backoff = (db_backoff * 2).min(Duration::from_secs(30));
                    continue;
                }
            }
        } else {
            Vec::new()
        };
        let idle = claimed.is_empty();
        for item in claimed {
            let c = crawler.clone();
            tasks.spawn(async move { c.process(item).await });
        }
        if !idle {
            continue;
        }
        if crawler.settings.once && tasks.is_empty() {
            match crawler.frontier.once_pending(ONCE_RETRY_HORIZON).await {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "Checking for remaining work failed"),
            }
        }
        tokio::select! {
            Some(done) = tasks.join_next(), if !tasks.is_empty() => log_join(done),
            _ = tokio::time::sleep(IDLE_POLL) => {}
            _ = shutdown.cancelled() => {}
        }
    }
    if !tasks.is_empty() {
        tracing::info!(in_flight = tasks.len(), "Waiting for in-flight fetches");
    }
    while let Some(done) = tasks.join_next().await {
        log_join(done);
    }
}

fn log_join(r: Result<crawl::Outcome, tokio::task::JoinError>) {
    if let Err(e) = r {
        // A panic in one fetch must not stop the crawl; its lease expires and it is retried.
        tracing::error!(error = %e, "A fetch task failed");
    }
}

/// The scraper's own periodic line: frontier size, hosts waiting, status codes.
async fn report_frontier(crawler: Arc<Crawler>, interval: Duration) {
    let mut tick = tokio::time::interval(interval);
    tick.tick().await;
    let mut last_pages = 0u64;
    let mut last_bytes = 0u64;
    let mut last_at = Instant::now();
    loop {
        tick.tick().await;
        let stats = match crawler.frontier.stats().await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(error = %e, "Reading frontier statistics failed");
                continue;
            }
        };
        let pages = crawler.stats.pages_published.load(Ordering::Relaxed);
        let bytes = crawler.stats.bytes_fetched.load(Ordering::Relaxed);
        let minutes = last_at.elapsed().as_secs_f64() / 60.0;
        tracing::info!(
            pages_per_min = format!("{:.1}", (pages - last_pages) as f64 / minutes.max(1e-9)),
            bytes = bytes - last_bytes,
            total_pages = pages,
            statuses = %crawler.stats.statuses_text(),
            frontier_due = stats.due,
            frontier_active = stats.active,
            in_flight = stats.leased,
            hosts_waiting = stats.hosts_waiting,
            hosts_paused = stats.hosts_paused,
            gave_up = crawler.stats.gave_up.load(Ordering::Relaxed),
            "Crawl progress"
        );
        last_pages = pages;
        last_bytes = bytes;
        last_at = Instant::now();
    }
}

/// Aborts a background task when the run ends (or is itself aborted).
struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}
