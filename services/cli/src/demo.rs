//! `newsflow demo`: the whole pipeline on a bundled offline site, in one process.
//!
//! Serves [`crate::demo_site`] on 127.0.0.1, runs storage, parser and a one-shot scraper
//! against the configured RabbitMQ and PostgreSQL (under the queue prefix `<prefix>-demo`,
//! so a production pipeline on the same broker is not fed demo pages), waits until every
//! published page is stored or dead-lettered, and prints a summary.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::Utc;
use newsflow_shared::config::{Settings, SourceSettings};
use newsflow_shared::topology::Topology;
use tokio_util::sync::CancellationToken;

use crate::demo_site::{self, DemoSite};

/// The crawl source name of the demo's pages.
pub const SOURCE: &str = "demo";

/// What a demo run did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DemoSummary {
    pub pages_published: u64,
    pub pages_stored: u64,
    pub articles_stored: u64,
    pub listing_pages_stored: u64,
    pub newswire_items: u64,
    pub dead_lettered: u64,
    pub seconds: f64,
    pub pages_per_sec: f64,
}

/// Point `settings` at the demo site: one listing source, private addresses allowed,
/// `--once`. (`newsflow demo` also gives the run a queue prefix of its own.)
pub fn demo_settings(
    settings: &mut Settings,
    site: std::net::SocketAddr,
    listing_pages: usize,
) -> anyhow::Result<()> {
    settings.scraper.once = true;
    settings.scraper.allow_private_addresses = true;
    // The site is ours and local: politeness delays would only slow the demo down.
    settings.scraper.min_delay_ms = 0;
    settings.scraper.per_host_concurrency = 4;
    let source: SourceSettings = serde_json::from_value(serde_json::json!({
        "name": SOURCE,
        "kind": "listing",
        "url": format!("http://{site}/news"),
        "page_template": format!("http://{site}/news?page={{n}}"),
        "article_pattern": "/(news-feed-item/)?\\d{4}-\\d{2}-\\d{2}/",
        "max_pages": listing_pages,
        "recrawl_secs": 3600,
    }))
    .context("building the demo source")?;
    settings.scraper.sources = vec![source];
    Ok(())
}

/// Run the demo with `articles` articles on the site.
pub async fn run(
    mut settings: Settings,
    articles: usize,
    timeout: Duration,
) -> anyhow::Result<DemoSummary> {
    let started = Instant::now();
    let site = Arc::new(DemoSite::generate(articles));
    let (addr, server) = demo_site::serve(site.clone())
        .await
        .context("serving the demo site")?;
    tracing::info!(%addr, articles, "Demo site up");
    demo_settings(&mut settings, addr, site.listing_pages())?;
    let settings = Arc::new(settings);

    let shutdown = CancellationToken::new();
    let pool = newsflow_shared::db::connect(&settings.database, &shutdown)
        .await?
        .context("no database")?;
    let run_start = Utc::now();
    let dlq = Topology::new(&settings.amqp).dlq_of(&Topology::new(&settings.amqp).parse_queue());

    let storage = {
        let (s, t) = (settings.clone(), shutdown.clone());
        tokio::spawn(async move { newsflow_storage::run(&s, t).await })
    };
    let parser = {
        let (s, t) = (settings.clone(), shutdown.clone());
        tokio::spawn(async move { newsflow_parser::run(&s, t).await })
    };
    let dead_before = dlq_depth(&settings, &dlq).await.unwrap_or(0);
    let crawl = newsflow_scraper::run(&settings, shutdown.child_token()).await;
    let crawl = match crawl {
        Ok(c) => c,
        Err(e) => {
            shutdown.cancel();
            return Err(e.context("crawling the demo site"));
        }
    };
    tracing::info!(
        published = crawl.pages_published,
        "Crawl done; waiting for storage"
    );

    let deadline = Instant::now() + timeout;
    let (stored, dead) = loop {
        let stored: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM parsed_pages WHERE crawl_source = $1 AND fetched_at >= $2",
        )
        .bind(SOURCE)
        .bind(run_start)
        .fetch_one(&pool)
        .await?;
        let dead = dlq_depth(&settings, &dlq)
            .await
            .unwrap_or(dead_before)
            .saturating_sub(dead_before);
        if stored as u64 + u64::from(dead) >= crawl.pages_published {
            break (stored as u64, u64::from(dead));
        }
        if Instant::now() > deadline {
            shutdown.cancel();
            anyhow::bail!(
                "timed out after {timeout:?}: {stored} of {} pages stored, {dead} dead-lettered",
                crawl.pages_published
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let seconds = started.elapsed().as_secs_f64();
    shutdown.cancel();
    for task in [storage, parser] {
        task.await.context("service task")??;
    }
    server.abort();

    let counts: (i64, i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE outcome = 'article'),
                count(*) FILTER (WHERE outcome = 'not_article'),
                COALESCE(sum(newswire_items), 0)
         FROM parsed_pages WHERE crawl_source = $1 AND fetched_at >= $2",
    )
    .bind(SOURCE)
    .bind(run_start)
    .fetch_one(&pool)
    .await?;
    pool.close().await;
    Ok(DemoSummary {
        pages_published: crawl.pages_published,
        pages_stored: stored,
        articles_stored: counts.0 as u64,
        listing_pages_stored: counts.1 as u64,
        newswire_items: counts.2 as u64,
        dead_lettered: dead,
        seconds,
        pages_per_sec: stored as f64 / seconds.max(1e-9),
    })
}

async fn dlq_depth(settings: &Settings, queue: &str) -> anyhow::Result<u32> {
    use secrecy::ExposeSecret as _;
    let conn = lapin::Connection::connect(
        settings.amqp.url.expose_secret(),
        lapin::ConnectionProperties::default(),
    )
    .await?;
    let ch = conn.create_channel().await?;
    let counts = newsflow_shared::amqp::queue_counts(&ch, queue).await;
    conn.close(200, "bye".into()).await.ok();
    Ok(counts?.0)
}
