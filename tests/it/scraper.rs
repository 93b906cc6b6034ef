//! The scraper against real HTTP servers on 127.0.0.1 (axum), real PostgreSQL and RabbitMQ.
//! Each server records every request it gets, so politeness is measured where it matters.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use newsflow_scraper::RunSummary;
use newsflow_shared::config::{Settings, SourceKind, SourceSettings};
use newsflow_shared::messages::{PageKind, RawPage};
use newsflow_shared::shutdown::CancellationToken;
use newsflow_tests::TestEnv;

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Hit {
    at: Instant,
    path: String,
}

type Hits = Arc<Mutex<Vec<Hit>>>;

/// A test server on 127.0.0.1 with an ephemeral port.
struct Site {
    addr: SocketAddr,
    hits: Hits,
    task: tokio::task::JoinHandle<()>,
}

impl Site {
    async fn start(router: Router) -> Site {
        let hits: Hits = Arc::default();
        let app = router.layer(middleware::from_fn_with_state(hits.clone(), record));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.ok();
        });
        Site { addr, hits, task }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn hits(&self) -> Vec<Hit> {
        self.hits.lock().expect("hits lock").clone()
    }

    fn count(&self, path: &str) -> usize {
        self.hits().iter().filter(|h| h.path == path).count()
    }

    /// Smallest gap between two consecutive requests (any path).
    fn min_gap(&self) -> Duration {
        let hits = self.hits();
        hits.windows(2)
            .map(|w| w[1].at.duration_since(w[0].at))
            .min()
            .expect("at least two requests")
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn record(State(hits): State<Hits>, req: Request, next: Next) -> Response {
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    hits.lock().expect("hits lock").push(Hit {
        at: Instant::now(),
        path,
    });
    next.run(req).await
}

fn html(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

/// A listing page linking `/a/1` .. `/a/n` (and whatever `extra` says).
fn listing_router(n: usize, extra: &'static str) -> Router {
    let listing = move || async move {
        let links: String = (1..=n)
            .map(|i| format!("<li><a href=\"/a/{i}\">Article {i}</a></li>"))
            .collect();
        html(format!("<html><body><ul>{links}</ul>{extra}</body></html>"))
    };
    Router::new()
        .route("/news", get(listing))
        .route(
            "/a/{id}",
            get(|axum::extract::Path(id): axum::extract::Path<String>| async move {
                html(format!("<html><head><title>Article {id}</title></head><body><p>Body {id}</p></body></html>"))
            }),
        )
}

fn source(name: &str, kind: SourceKind, url: String) -> SourceSettings {
    SourceSettings {
        name: name.into(),
        kind,
        url,
        article_pattern: None,
        page_template: None,
        first_page: 1,
        max_pages: 5,
        recrawl_secs: 600,
        allowed_hosts: vec![],
        deny_patterns: vec![],
    }
}

/// Settings for a `--once` run over `sources`.
fn once_settings(env: &TestEnv, sources: Vec<SourceSettings>) -> Settings {
    let mut s = env.settings();
    s.scraper.once = true;
    s.scraper.sources = sources;
    s
}

async fn run_once(settings: &Settings) -> RunSummary {
    tokio::time::timeout(
        Duration::from_secs(60),
        newsflow_scraper::run(settings, CancellationToken::new()),
    )
    .await
    .expect("the --once run finishes")
    .expect("the run succeeds")
}

/// Every page published so far (taken off the parse queue).
async fn drain_pages(env: &TestEnv) -> Vec<RawPage> {
    let (conn, ch) = env.channel().await.expect("channel");
    let queue = env.topology().parse_queue();
    let mut pages = Vec::new();
    while let Some(msg) = ch
        .basic_get(
            queue.as_str().into(),
            lapin::options::BasicGetOptions { no_ack: true },
        )
        .await
        .expect("basic_get")
    {
        pages.push(
            newsflow_shared::messages::decode::<RawPage>(&msg.delivery.data).expect("a raw page"),
        );
    }
    conn.close(200, "bye".into()).await.ok();
    pages
}

fn urls(pages: &[RawPage]) -> Vec<String> {
    let mut u: Vec<String> = pages.iter().map(|p| p.final_url.clone()).collect();
    u.sort();
    u
}

#[tokio::test]
async fn politeness_keeps_the_configured_gap_per_host() -> anyhow::Result<()> {
    const DELAY: Duration = Duration::from_millis(400);
    let site = Site::start(listing_router(4, "")).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", DELAY.as_millis().to_string());
    let settings = once_settings(
        &env,
        vec![source("polite", SourceKind::Listing, site.url("/news"))],
    );
    let summary = run_once(&settings).await;
    assert_eq!(summary.pages_published, 5, "{summary:?}");
    // robots.txt, the listing and four articles: every gap at least the delay.
    assert_eq!(site.hits().len(), 6);
    let gap = site.min_gap();
    assert!(gap >= DELAY, "requests {gap:?} apart, configured {DELAY:?}");
    env.cleanup().await?;

    // Negative control: the same measurement without a delay does see shorter gaps, so the
    // assertion above would catch a scraper that ignored min_delay_ms.
    let site = Site::start(listing_router(4, "")).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "0");
    let settings = once_settings(
        &env,
        vec![source("eager", SourceKind::Listing, site.url("/news"))],
    );
    let summary = run_once(&settings).await;
    assert_eq!(summary.pages_published, 5, "{summary:?}");
    let gap = site.min_gap();
    assert!(
        gap < DELAY,
        "without a delay requests come faster ({gap:?})"
    );
    env.cleanup().await
}

#[tokio::test]
async fn retry_after_is_honoured() -> anyhow::Result<()> {
    let tries = Arc::new(Mutex::new(0u32));
    let t = tries.clone();
    let router = listing_router(0, "<a href=\"/busy\">busy</a>").route(
        "/busy",
        get(move || {
            let t = t.clone();
            async move {
                let n = {
                    let mut n = t.lock().expect("lock");
                    *n += 1;
                    *n
                };
                if n == 1 {
                    (
                        StatusCode::TOO_MANY_REQUESTS,
                        [(header::RETRY_AFTER, "2")],
                        "slow down",
                    )
                        .into_response()
                } else {
                    html("<html><body>finally</body></html>".into())
                }
            }
        }),
    );
    let site = Site::start(router).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "0");
    // Without Retry-After the retry would come after a minute.
    env.set("SCRAPER__BACKOFF_BASE_MS", "60000");
    let settings = once_settings(
        &env,
        vec![source("busy", SourceKind::Listing, site.url("/news"))],
    );
    let summary = run_once(&settings).await;
    assert_eq!(summary.pages_published, 2, "{summary:?}");
    assert_eq!(summary.failures, 1);
    let busy: Vec<Instant> = site
        .hits()
        .iter()
        .filter(|h| h.path == "/busy")
        .map(|h| h.at)
        .collect();
    assert_eq!(busy.len(), 2);
    let waited = busy[1] - busy[0];
    assert!(
        waited >= Duration::from_secs(2) && waited < Duration::from_secs(10),
        "retried after {waited:?}"
    );
    env.cleanup().await
}

#[tokio::test]
async fn robots_txt_disallow_is_obeyed() -> anyhow::Result<()> {
    let router = listing_router(0, "<a href=\"/private/1\">p</a><a href=\"/public/1\">q</a>")
        .route(
            "/robots.txt",
            get(|| async { "User-agent: *\nDisallow: /private\n" }),
        )
        .route("/private/1", get(|| async { html("secret".into()) }))
        .route("/public/1", get(|| async { html("<p>public</p>".into()) }));
    let site = Site::start(router).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "0");
    let settings = once_settings(
        &env,
        vec![source("robots", SourceKind::Listing, site.url("/news"))],
    );
    let summary = run_once(&settings).await;
    assert_eq!(summary.robots_denied, 1, "{summary:?}");
    assert_eq!(
        site.count("/private/1"),
        0,
        "a disallowed page is never requested"
    );
    assert_eq!(site.count("/public/1"), 1);
    let pages = drain_pages(&env).await;
    assert_eq!(urls(&pages), [site.url("/news"), site.url("/public/1")]);
    env.cleanup().await
}

fn conditional(headers: &HeaderMap, etag: &str, body: &'static str, ct: &'static str) -> Response {
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == etag);
    if matches {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    ([(header::CONTENT_TYPE, ct), (header::ETAG, etag)], body).into_response()
}

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>One</title><link>/story/1</link></item>
    <item><title>Two</title><link>/story/2?utm_source=rss</link></item></channel></rss>"#;

#[tokio::test]
async fn second_crawl_gets_304_and_publishes_nothing() -> anyhow::Result<()> {
    let router =
        Router::new()
            .route(
                "/feed.xml",
                get(|h: HeaderMap| async move {
                    conditional(&h, "\"f1\"", FEED, "application/rss+xml")
                }),
            )
            .route(
                "/news",
                get(|h: HeaderMap| async move {
                    conditional(&h, "\"l1\"", "<a href=\"/story/3\">3</a>", "text/html")
                }),
            )
            .route("/story/{id}", get(|| async { html("<p>story</p>".into()) }));
    let site = Site::start(router).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "0");
    let settings = once_settings(
        &env,
        vec![
            source("feed", SourceKind::Feed, site.url("/feed.xml")),
            source("listing", SourceKind::Listing, site.url("/news")),
        ],
    );
    let first = run_once(&settings).await;
    // Three stories and the listing page; the feed itself is not published.
    assert_eq!(first.pages_published, 4, "{first:?}");
    assert_eq!(first.not_modified, 0);
    let pages = drain_pages(&env).await;
    assert_eq!(
        urls(&pages),
        [
            site.url("/news"),
            site.url("/story/1"),
            site.url("/story/2"),
            site.url("/story/3")
        ]
    );
    let listing = pages
        .iter()
        .find(|p| p.final_url.ends_with("/news"))
        .expect("listing");
    assert_eq!(listing.kind, PageKind::Listing);
    assert_eq!(listing.etag.as_deref(), Some("\"l1\""));

    let second = run_once(&settings).await;
    assert_eq!(second.not_modified, 2, "{second:?}");
    assert_eq!(second.pages_published, 0, "{second:?}");
    assert_eq!(site.count("/story/1"), 1, "articles are not due again yet");
    assert!(drain_pages(&env).await.is_empty());
    env.cleanup().await
}

#[tokio::test]
async fn hostile_server_and_bad_input_do_not_stop_the_crawl() -> anyhow::Result<()> {
    let links = "<a href=\"/big\">big</a><a href=\"/loop\">loop</a><a href=\"/hang\">hang</a>\
                 <a href=\"/latin1\">latin1</a><a href=\"/ok\">ok</a>";
    let router = listing_router(0, links)
        .route(
            "/big",
            get(|| async {
                // Streamed without a Content-Length: the cap is enforced while reading.
                let chunks = (0..100).map(|_| Ok::<_, std::io::Error>(vec![b'x'; 10_000]));
                axum::body::Body::from_stream(futures_util::stream::iter(chunks))
            }),
        )
        .route(
            "/loop",
            get(|| async { axum::response::Redirect::temporary("/loop2") }),
        )
        .route(
            "/loop2",
            get(|| async { axum::response::Redirect::temporary("/loop") }),
        )
        .route(
            "/hang",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                "never"
            }),
        )
        .route(
            "/latin1",
            get(|| async {
                // Says UTF-8, is Latin-1: the bytes must travel untouched.
                (
                    [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                    b"<p>caf\xe9 cr\xe8me</p>".to_vec(),
                )
            }),
        )
        .route("/ok", get(|| async { html("<p>ok</p>".into()) }))
        .route(
            "/bad-feed.xml",
            get(|| async { "<rss><channel><item><title>broken" }),
        );
    let site = Site::start(router).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "0");
    env.set("SCRAPER__MAX_ATTEMPTS", "1");
    env.set("SCRAPER__REQUEST_TIMEOUT_SECS", "2");
    env.set("SCRAPER__MAX_BODY_BYTES", "100000");
    env.set("SCRAPER__PER_HOST_CONCURRENCY", "4");
    let settings = once_settings(
        &env,
        vec![
            source("hostile", SourceKind::Listing, site.url("/news")),
            source("broken-feed", SourceKind::Feed, site.url("/bad-feed.xml")),
        ],
    );
    let started = Instant::now();
    let summary = run_once(&settings).await;
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the hanging server is timed out"
    );
    // big (body cap), loop (redirect loop), hang (timeout), the malformed feed.
    assert_eq!(summary.gave_up, 4, "{summary:?}");
    assert_eq!(summary.pages_published, 3, "{summary:?}");
    let pages = drain_pages(&env).await;
    assert_eq!(
        urls(&pages),
        [site.url("/latin1"), site.url("/news"), site.url("/ok")]
    );
    let latin1 = pages
        .iter()
        .find(|p| p.final_url.ends_with("/latin1"))
        .expect("latin1");
    assert_eq!(latin1.body.decompress()?, b"<p>caf\xe9 cr\xe8me</p>");
    assert_eq!(
        latin1.charset.as_deref(),
        Some("utf-8"),
        "the header is passed on as sent"
    );
    assert!(site.count("/loop") <= 2 && site.count("/loop2") <= 2);

    let pool = env.pool().await?;
    let errors: HashMap<String, String> = sqlx::query_as::<_, (String, String)>(
        "SELECT url, last_error FROM scraper_frontier WHERE state = 'gave_up'",
    )
    .fetch_all(&pool)
    .await?
    .into_iter()
    .collect();
    assert!(
        errors[&site.url("/big")].contains("larger than"),
        "{errors:?}"
    );
    assert!(
        errors[&site.url("/loop")].contains("redirect loop"),
        "{errors:?}"
    );
    assert!(
        errors[&site.url("/hang")].contains("timed out"),
        "{errors:?}"
    );
    pool.close().await;
    env.cleanup().await
}

#[tokio::test]
async fn killed_scraper_resumes_without_losing_or_repeating_pages() -> anyhow::Result<()> {
    const N: usize = 12;
    let site = Site::start(listing_router(N, "")).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "150");
    env.set("SCRAPER__LEASE_SECS", "2");
    let settings = once_settings(
        &env,
        vec![source("resume", SourceKind::Listing, site.url("/news"))],
    );

    let first = {
        let settings = once_settings(&env, settings.scraper.sources.clone());
        tokio::spawn(
            async move { newsflow_scraper::run(&settings, CancellationToken::new()).await },
        )
    };
    let (conn, ch) = env.channel().await?;
    let queue = env.topology().parse_queue();
    newsflow_tests::eventually(Duration::from_secs(30), "a few pages published", || async {
        let depth = env.queue_depth(&ch, &queue).await.ok()?;
        (depth >= 4).then_some(())
    })
    .await;
    first.abort();
    assert!(
        first.await.is_err_and(|e| e.is_cancelled()),
        "killed mid-crawl"
    );
    conn.close(200, "bye".into()).await.ok();

    let second = run_once(&settings).await;
    assert!(second.pages_published < N as u64 + 1, "{second:?}");
    let pages = drain_pages(&env).await;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &pages {
        *counts.entry(p.final_url.clone()).or_default() += 1;
    }
    assert_eq!(counts.len(), N + 1, "every page published: {counts:?}");
    // At-least-once: only a page in flight at the kill (published, not yet marked done)
    // may appear twice; with one request per host at a time that is at most one.
    let repeated = counts.values().filter(|c| **c > 1).count();
    assert!(repeated <= 1, "{counts:?}");
    env.cleanup().await
}

const INDEX: &str = r#"<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>/sitemap-news.xml</loc></sitemap><sitemap><loc>/sitemap-trap.xml</loc></sitemap></sitemapindex>"#;
const NEWS: &str = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>/news-feed-item/2026-01-15/one</loc><news:news><news:publication_date>2026-01-15T04:00:00-05:00</news:publication_date><news:title>One &amp; only</news:title></news:news></url>
    <url><loc>/news-feed-item/2026-01-15/two</loc></url>
    <url><loc>/news/bounce-convert/ajax/impression?page=1</loc></url></urlset>"#;

#[tokio::test]
async fn sitemaps_from_robots_txt_with_google_news_and_deny_patterns() -> anyhow::Result<()> {
    let router = Router::new()
        .route(
            "/robots.txt",
            get(|| async { "User-agent: *\nAllow: /\nSitemap: /sitemap-index.xml\n" }),
        )
        .route("/sitemap-index.xml", get(|| async { INDEX }))
        .route("/sitemap-news.xml", get(|| async { NEWS }))
        .route(
            "/news-feed-item/2026-01-15/{slug}",
            get(|| async { html("<p>item</p>".into()) }),
        );
    let site = Site::start(router).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "0");
    let mut src = source("sitemaps", SourceKind::Sitemap, site.url("/robots.txt"));
    src.deny_patterns = vec!["bounce-convert".into(), "sitemap-trap".into()];
    let settings = once_settings(&env, vec![src]);
    let summary = run_once(&settings).await;
    assert_eq!(summary.pages_published, 2, "{summary:?}");
    assert_eq!(site.count("/sitemap-trap.xml"), 0);
    let pages = drain_pages(&env).await;
    assert_eq!(
        urls(&pages),
        [
            site.url("/news-feed-item/2026-01-15/one"),
            site.url("/news-feed-item/2026-01-15/two")
        ]
    );
    assert!(
        pages
            .iter()
            .all(|p| p.kind == PageKind::Article && p.source == "sitemaps")
    );
    let pool = env.pool().await?;
    let (title, date): (Option<String>, Option<chrono::DateTime<chrono::Utc>>) =
        sqlx::query_as("SELECT news_title, news_published_at FROM scraper_frontier WHERE url = $1")
            .bind(site.url("/news-feed-item/2026-01-15/one"))
            .fetch_one(&pool)
            .await?;
    assert_eq!(title.as_deref(), Some("One & only"));
    assert_eq!(date, Some("2026-01-15T09:00:00Z".parse()?));
    pool.close().await;
    env.cleanup().await
}

#[tokio::test]
async fn listing_pagination_stops_when_a_page_brings_nothing_new() -> anyhow::Result<()> {
    // Pages 1 and 2 list new items; page 3 repeats page 2 (offset paging shifted them).
    let router = Router::new()
        .route(
            "/list",
            get(|axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>| async move {
                let page: usize = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0);
                let first = match page {
                    0 => 1,
                    1 => 4,
                    _ => 4,
                };
                let links: String = (first..first + 3)
                    .map(|i| format!("<a href=\"/item/{i}\">{i}</a>"))
                    .collect();
                html(format!("{links}<a href=\"/list/bounce-convert?page=9\">trap</a>"))
            }),
        )
        .route("/item/{id}", get(|| async { html("<p>item</p>".into()) }));
    let site = Site::start(router).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "0");
    let mut src = source("paged", SourceKind::Listing, site.url("/list"));
    src.page_template = Some(site.url("/list?page={n}"));
    src.article_pattern = Some("/item/".into());
    src.max_pages = 10;
    let settings = once_settings(&env, vec![src]);
    let summary = run_once(&settings).await;
    assert_eq!(site.count("/list"), 1);
    assert_eq!(site.count("/list?page=1"), 1);
    assert_eq!(site.count("/list?page=2"), 1, "page 2 brought nothing new");
    assert_eq!(site.count("/list?page=3"), 0, "so paging stopped");
    // Six items and three listing pages.
    assert_eq!(summary.pages_published, 9, "{summary:?}");
    env.cleanup().await
}

/// The scraper as its own process (`newsflow-service scraper`), with its sources in a
/// config file: killable with SIGKILL. Dropping it kills and reaps it.
struct ScraperProcess(std::process::Child);

impl Drop for ScraperProcess {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

#[tokio::test]
async fn sigkilled_scraper_process_resumes_without_losing_pages() -> anyhow::Result<()> {
    const N: usize = 12;
    let site = Site::start(listing_router(N, "")).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "150");
    env.set("SCRAPER__LEASE_SECS", "2");
    let config = std::env::temp_dir().join(format!("newsflow-scraper-{}.toml", env.prefix));
    std::fs::write(
        &config,
        format!(
            "[scraper]\nonce = true\n\n[[scraper.sources]]\nname = \"sigkill\"\nkind = \"listing\"\nurl = \"{}\"\n",
            site.url("/news")
        ),
    )?;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_newsflow-service"));
    cmd.arg("scraper")
        .envs(env.env_vars())
        .env("NEWSFLOW_CONFIG", &config)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null());
    if std::env::var_os("TEST_LOG").is_none() {
        cmd.stderr(std::process::Stdio::null());
    }
    let mut process = ScraperProcess(cmd.spawn().expect("newsflow-service starts"));

    let (conn, ch) = env.channel().await?;
    let queue = env.topology().parse_queue();
    newsflow_tests::eventually(Duration::from_secs(60), "a few pages published", || async {
        let depth = env.queue_depth(&ch, &queue).await.ok()?;
        (depth >= 4).then_some(())
    })
    .await;
    process.0.kill()?;
    process.0.wait()?;
    conn.close(200, "bye".into()).await.ok();
    assert_eq!(site.count("/a/12"), 0, "killed before the end of the crawl");

    let settings = once_settings(
        &env,
        vec![source("sigkill", SourceKind::Listing, site.url("/news"))],
    );
    run_once(&settings).await;
    let pages = drain_pages(&env).await;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &pages {
        *counts.entry(p.final_url.clone()).or_default() += 1;
    }
    assert_eq!(counts.len(), N + 1, "every page published: {counts:?}");
    assert!(
        counts.values().filter(|c| **c > 1).count() <= 1,
        "{counts:?}"
    );
    std::fs::remove_file(config).ok();
    env.cleanup().await
}

#[tokio::test]
async fn a_failing_host_is_paused() -> anyhow::Result<()> {
    let router = listing_router(
        0,
        "<a href=\"/b/1\">1</a><a href=\"/b/2\">2</a><a href=\"/b/3\">3</a><a href=\"/b/4\">4</a>",
    )
    .route(
        "/b/{id}",
        get(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
    );
    let site = Site::start(router).await;
    let mut env = TestEnv::new().await?;
    env.set("SCRAPER__MIN_DELAY_MS", "0");
    env.set("SCRAPER__BACKOFF_BASE_MS", "10");
    env.set("SCRAPER__HOST_FAILURE_THRESHOLD", "3");
    env.set("SCRAPER__HOST_PAUSE_SECS", "3600");
    let settings = once_settings(
        &env,
        vec![source("failing", SourceKind::Listing, site.url("/news"))],
    );
    let summary = run_once(&settings).await;
    let failed = site
        .hits()
        .iter()
        .filter(|h| h.path.starts_with("/b/"))
        .count();
    assert_eq!(failed, 3, "three failures in a row pause the host");
    assert_eq!(summary.failures, 3, "{summary:?}");
    let pool = env.pool().await?;
    let paused: bool = sqlx::query_scalar(
        "SELECT paused_until > now() + interval '50 minutes' FROM scraper_hosts",
    )
    .fetch_one(&pool)
    .await?;
    assert!(paused);
    pool.close().await;
    env.cleanup().await
}
