//! Fetch-and-publish rate against fast local servers.
//!
//! Serves `--pages` article pages spread over K hosts (127.0.0.1, 127.0.0.2, ... each its
//! own server, so each its own politeness unit), runs the scraper `--once` with
//! `min_delay_ms = 0` against the local RabbitMQ and PostgreSQL, and prints pages/s for
//! each K in `--hosts`.
//!
//! ```text
//! cargo run --release -p newsflow-scraper --example throughput -- --pages 2000 --hosts 1,2,4,8
//! ```
//! Uses a throw-away queue prefix and database per K, removed afterwards.

use std::collections::HashMap;
use std::time::Instant;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use clap::Parser;
use newsflow_shared::config::{Settings, SourceKind, SourceSettings};
use newsflow_shared::shutdown::CancellationToken;
use newsflow_shared::topology::Topology;
use sqlx::ConnectOptions as _;

#[derive(Debug, Parser)]
struct Args {
    /// Article pages in total, spread evenly over the hosts.
    #[arg(long, default_value_t = 2000)]
    pages: usize,
    /// Host counts to measure, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1,2,4,8")]
    hosts: Vec<usize>,
    /// Requests in flight per host.
    #[arg(long, default_value_t = 1)]
    per_host: usize,
    /// Requests in flight overall.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Size of each article page, bytes.
    #[arg(long, default_value_t = 30_000)]
    page_bytes: usize,
}

#[derive(Clone)]
struct Site {
    articles: usize,
    page: std::sync::Arc<String>,
}

async fn listing(State(site): State<Site>) -> impl IntoResponse {
    let links: String = (0..site.articles)
        .map(|i| format!("<a href=\"/a/{i}\">{i}</a>\n"))
        .collect();
    (
        [(header::CONTENT_TYPE, "text/html")],
        format!("<html><body>{links}</body></html>"),
    )
}

async fn article(State(site): State<Site>, Path(id): Path<usize>) -> impl IntoResponse {
    let body = format!(
        "<html><head><title>Article {id}</title></head><body>{}</body></html>",
        site.page
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    println!(
        "pages={} per_host={} concurrency={} page_bytes={}",
        args.pages, args.per_host, args.concurrency, args.page_bytes
    );
    println!(
        "{:>5} {:>9} {:>9} {:>10}",
        "hosts", "published", "seconds", "pages/s"
    );
    for &k in &args.hosts {
        let (published, secs) = measure(&args, k).await?;
        println!(
            "{k:>5} {published:>9} {secs:>9.2} {:>10.1}",
            published as f64 / secs
        );
    }
    Ok(())
}

async fn measure(args: &Args, hosts: usize) -> anyhow::Result<(u64, f64)> {
    let filler = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n";
    let page = std::sync::Arc::new(filler.repeat(args.page_bytes / filler.len() + 1));
    let mut sources = Vec::new();
    let mut servers = Vec::new();
    for h in 0..hosts {
        let articles = args.pages / hosts + usize::from(h < args.pages % hosts);
        let site = Site {
            articles,
            page: page.clone(),
        };
        let app = Router::new()
            .route("/news", get(listing))
            .route("/a/{id}", get(article))
            .with_state(site);
        let ip = format!("127.0.0.{}", h + 1);
        let listener = tokio::net::TcpListener::bind((ip.as_str(), 0)).await?;
        let addr = listener.local_addr()?;
        servers.push(tokio::spawn(async move {
            axum::serve(listener, app).await.ok();
        }));
        sources.push(SourceSettings {
            name: format!("bench-{h}"),
            kind: SourceKind::Listing,
            url: format!("http://{addr}/news"),
            article_pattern: Some("/a/".into()),
            page_template: None,
            first_page: 1,
            max_pages: 1,
            recrawl_secs: 3600,
            allowed_hosts: vec![],
            deny_patterns: vec![],
        });
    }
    let id = uuid::Uuid::new_v4().simple().to_string();
    let prefix = format!("nfbench-{}", &id[..12]);
    let database = format!("nfbench_{}", &id[..12]);
    let env: HashMap<String, String> = HashMap::from([
        ("NEWSFLOW__AMQP__PREFIX".into(), prefix),
        (
            "NEWSFLOW__DATABASE__URL".into(),
            format!("postgres://postgres@127.0.0.1:5432/{database}"),
        ),
        ("NEWSFLOW__DATABASE__MAX_CONNECTIONS".into(), "16".into()),
        (
            "NEWSFLOW__SCRAPER__ALLOW_PRIVATE_ADDRESSES".into(),
            "true".into(),
        ),
        ("NEWSFLOW__SCRAPER__MIN_DELAY_MS".into(), "0".into()),
        ("NEWSFLOW__SCRAPER__ONCE".into(), "true".into()),
        (
            "NEWSFLOW__SCRAPER__PER_HOST_CONCURRENCY".into(),
            args.per_host.to_string(),
        ),
        (
            "NEWSFLOW__SCRAPER__FETCH_CONCURRENCY".into(),
            args.concurrency.to_string(),
        ),
        (
            "NEWSFLOW__TELEMETRY__REPORT_INTERVAL_SECS".into(),
            "5".into(),
        ),
    ]);
    let mut settings = Settings::load_from(None, Some(env))?;
    settings.scraper.sources = sources;
    if std::env::var_os("RUST_LOG").is_some() {
        newsflow_shared::telemetry::init(&settings.telemetry);
    }

    // Create and migrate the database first, so the timing is the crawl only.
    if let Some(pool) =
        newsflow_shared::db::connect(&settings.database, &CancellationToken::new()).await?
    {
        pool.close().await;
    }

    let started = Instant::now();
    let summary = newsflow_scraper::run(&settings, CancellationToken::new()).await?;
    let secs = started.elapsed().as_secs_f64();
    for s in servers {
        s.abort();
    }
    cleanup(&settings, &database).await?;
    Ok((summary.pages_published, secs))
}

async fn cleanup(settings: &Settings, database: &str) -> anyhow::Result<()> {
    let topology = Topology::new(&settings.amqp);
    let conn = lapin::Connection::connect(
        "amqp://guest:guest@127.0.0.1:5672/%2f",
        lapin::ConnectionProperties::default(),
    )
    .await?;
    let ch = conn.create_channel().await?;
    topology.delete(&ch).await.ok();
    conn.close(200, "bye".into()).await.ok();
    let mut pg = settings
        .database
        .connect_options()?
        .database("postgres")
        .connect()
        .await?;
    let sql = format!("DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .execute(&mut pg)
        .await?;
    Ok(())
}
