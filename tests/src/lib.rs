//! Helpers for newsflow's end-to-end tests: each test gets its own queue prefix and its own
//! fresh database on the real broker and server, so tests run in parallel and twice in a row.
//!
//! The broker and database default to the local ones; `NEWSFLOW_TEST_AMQP_URL` and
//! `NEWSFLOW_TEST_DATABASE_URL` point elsewhere. `TEST_LOG=1` prints the services' logs.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use newsflow_shared::config::Settings;
use newsflow_shared::topology::Topology;
use sqlx::{ConnectOptions, PgPool};

/// One test's private slice of the broker and the database server.
pub struct TestEnv {
    pub prefix: String,
    pub database: String,
    amqp_url: String,
    server_url: String,
    overrides: HashMap<String, String>,
}

impl TestEnv {
    /// A fresh prefix and a fresh (created, migrated) database.
    pub async fn new() -> anyhow::Result<TestEnv> {
        init_test_log();
        let id = uuid::Uuid::new_v4().simple().to_string();
        let short = &id[..12];
        let amqp_url = std::env::var("NEWSFLOW_TEST_AMQP_URL")
            .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into());
        let server_url = std::env::var("NEWSFLOW_TEST_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
        let env = TestEnv {
            prefix: format!("nftest-{short}"),
            database: format!("nftest_{short}"),
            amqp_url,
            server_url: server_url.trim_end_matches('/').to_string(),
            overrides: HashMap::new(),
        };
        let settings = env.settings();
        newsflow_shared::db::ensure_database(&settings.database).await?;
        let pool = env.pool().await?;
        newsflow_shared::db::migrate(&pool).await?;
        pool.close().await;
        Ok(env)
    }

    /// Set a config key for every later [`TestEnv::settings`] call, as the environment
    /// would: `set("SCRAPER__MIN_DELAY_MS", "0")`.
    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        self.overrides.insert(
            format!("NEWSFLOW__{}", key.to_ascii_uppercase()),
            value.into(),
        );
    }

    /// The broker this test talks to.
    pub fn amqp_url(&self) -> &str {
        &self.amqp_url
    }

    pub fn database_url(&self) -> String {
        format!("{}/{}", self.server_url, self.database)
    }

    /// Settings pointing at this test's prefix and database, through the real config layers.
    pub fn settings(&self) -> Settings {
        let mut env: HashMap<String, String> = HashMap::from([
            ("NEWSFLOW__AMQP__URL".into(), self.amqp_url.clone()),
            ("NEWSFLOW__AMQP__PREFIX".into(), self.prefix.clone()),
            ("NEWSFLOW__DATABASE__URL".into(), self.database_url()),
            (
                "NEWSFLOW__TELEMETRY__REPORT_INTERVAL_SECS".into(),
                "2".into(),
            ),
            (
                "NEWSFLOW__SCRAPER__ALLOW_PRIVATE_ADDRESSES".into(),
                "true".into(),
            ),
        ]);
        env.extend(self.overrides.clone());
        Settings::load_from(None, Some(env)).expect("test settings are valid")
    }

    /// The same settings as environment variables, for a service started as a process.
    pub fn env_vars(&self) -> Vec<(String, String)> {
        let mut v = vec![
            ("NEWSFLOW__AMQP__URL".to_string(), self.amqp_url.clone()),
            ("NEWSFLOW__AMQP__PREFIX".to_string(), self.prefix.clone()),
            ("NEWSFLOW__DATABASE__URL".to_string(), self.database_url()),
            (
                "NEWSFLOW__TELEMETRY__REPORT_INTERVAL_SECS".to_string(),
                "2".to_string(),
            ),
            (
                "NEWSFLOW__SCRAPER__ALLOW_PRIVATE_ADDRESSES".to_string(),
                "true".to_string(),
            ),
        ];
        v.extend(self.overrides.clone());
        v
    }

    pub fn topology(&self) -> Topology {
        Topology::new(&self.settings().amqp)
    }

    pub async fn pool(&self) -> anyhow::Result<PgPool> {
        let opts = self.settings().database.connect_options()?;
        Ok(sqlx::postgres::PgPoolOptions::new()
            .max_connections(4)
            .connect_with(opts)
            .await?)
    }

    /// A channel on the test's broker with the topology declared.
    pub async fn channel(&self) -> anyhow::Result<(lapin::Connection, lapin::Channel)> {
        let settings = self.settings();
        let conn =
            lapin::Connection::connect(&self.amqp_url, lapin::ConnectionProperties::default())
                .await?;
        let ch =
            newsflow_shared::amqp::open_channel(&conn, &Topology::new(&settings.amqp), 50).await?;
        Ok((conn, ch))
    }

    /// Number of ready messages in a queue.
    pub async fn queue_depth(&self, ch: &lapin::Channel, queue: &str) -> anyhow::Result<u32> {
        Ok(newsflow_shared::amqp::queue_counts(ch, queue).await?.0)
    }

    /// Every message in a stream queue, from its first offset, read until the stream has
    /// been quiet for `quiet`.
    pub async fn read_stream(
        &self,
        ch: &lapin::Channel,
        queue: &str,
        quiet: Duration,
    ) -> anyhow::Result<Vec<lapin::message::Delivery>> {
        use futures_util::StreamExt as _;
        let mut args = lapin::types::FieldTable::default();
        args.insert(
            "x-stream-offset".into(),
            lapin::types::AMQPValue::LongString("first".into()),
        );
        let tag = format!("test-reader-{}", uuid::Uuid::new_v4().simple());
        let mut consumer = ch
            .basic_consume(queue.into(), tag.as_str().into(), Default::default(), args)
            .await?;
        let mut out = Vec::new();
        while let Ok(Some(d)) = tokio::time::timeout(quiet, consumer.next()).await {
            let d = d?;
            d.acker.ack(Default::default()).await?;
            out.push(d);
        }
        ch.basic_cancel(tag.as_str().into(), Default::default())
            .await?;
        Ok(out)
    }

    /// Delete the test's queues and exchanges and drop its database.
    pub async fn cleanup(self) -> anyhow::Result<()> {
        if let Ok((conn, ch)) = self.channel().await {
            self.topology().delete(&ch).await.ok();
            conn.close(200, "bye".into()).await.ok();
        }
        // The server, not the settings: a test may have pointed those elsewhere.
        let opts: sqlx::postgres::PgConnectOptions =
            format!("{}/postgres", self.server_url).parse()?;
        let mut conn = opts.connect().await?;
        let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.database);
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await?;
        Ok(())
    }
}

/// Poll `check` until it returns `Some`, or fail after `timeout` with `what`.
pub async fn eventually<T, F, Fut>(timeout: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(
            start.elapsed() < timeout,
            "timed out after {timeout:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Logs go to the test harness's captured output; `TEST_LOG=1` shows them.
fn init_test_log() {
    if std::env::var_os("TEST_LOG").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_default_env()
                    .unwrap_or_else(|_| "info".into()),
            )
            .with_test_writer()
            .try_init();
    }
}

/// A service running in this process until stopped.
pub struct Running {
    stop: tokio_util::sync::CancellationToken,
    pub task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Running {
    /// The parser with the real extractor.
    pub fn parser(settings: Settings) -> Running {
        let version = settings
            .parser
            .version
            .unwrap_or(newsflow_extract::EXTRACTOR_VERSION);
        Self::parser_with(
            settings,
            newsflow_parser::handler::default_extractor(),
            version,
        )
    }

    /// The parser with a given extractor and version stamp.
    pub fn parser_with(
        settings: Settings,
        extractor: newsflow_parser::Extractor,
        version: u32,
    ) -> Running {
        let stop = tokio_util::sync::CancellationToken::new();
        let t = stop.clone();
        let task = tokio::spawn(async move {
            newsflow_parser::run_with(&settings, t, extractor, version).await
        });
        Running { stop, task }
    }

    pub fn storage(settings: Settings) -> Running {
        let stop = tokio_util::sync::CancellationToken::new();
        let t = stop.clone();
        let task = tokio::spawn(async move { newsflow_storage::run(&settings, t).await });
        Running { stop, task }
    }

    /// Graceful stop; the service must exit cleanly.
    pub async fn stop(self) {
        self.stop.cancel();
        self.task
            .await
            .expect("service task panicked")
            .expect("service stopped with an error");
    }
}

/// A demo-site article as a raw page under a made-up host named after its source.
pub fn synthetic_page(
    site: &newsflow::demo_site::DemoSite,
    i: usize,
    source: &str,
) -> newsflow_shared::messages::RawPage {
    let a = &site.articles[i];
    let url = format!("http://{source}.test{}", a.path);
    newsflow_shared::messages::RawPage::new(
        source,
        url.clone(),
        url,
        200,
        Some("text/html; charset=utf-8".into()),
        site.article_html(a).as_bytes(),
    )
}

/// Publish live pages (to the parse queue and the stream), confirmed.
///
/// A publish that fails with a channel error is sent again on a new connection, as the
/// scraper's reconnecting session does: RabbitMQ 3.10 can close a channel that publishes to a
/// stream created a moment before (`osiris_writer:write(none, ...)`, a broker race). A page sent
/// twice is stored once (storage is idempotent by page id).
pub async fn publish_pages(
    env: &TestEnv,
    pages: &[newsflow_shared::messages::RawPage],
) -> anyhow::Result<()> {
    let (mut conn, mut ch) = env.channel().await?;
    let topology = env.topology();
    for p in pages {
        let mut attempt = 0;
        loop {
            let sent = newsflow_shared::amqp::publish_page(
                &ch,
                &topology,
                p,
                newsflow_shared::topology::RK_PAGE,
                Duration::from_secs(10),
            )
            .await;
            match sent {
                Ok(_) => break,
                Err(e) if attempt < 3 => {
                    attempt += 1;
                    eprintln!("publish_pages: {e}; sending again on a new connection");
                    conn.close(200, "retry".into()).await.ok();
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    (conn, ch) = env.channel().await?;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    conn.close(200, "bye".into()).await.ok();
    Ok(())
}

/// A `SELECT count(*) ...`.
pub async fn count(pool: &PgPool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .expect("count query")
}
