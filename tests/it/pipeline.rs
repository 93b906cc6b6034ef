//! The pipeline end to end on the real broker and database: the demo site crawled through
//! all three services and checked field by field; poison messages; SIGKILLed services.

use std::time::Duration;

use chrono::{DateTime, Utc};
use newsflow::demo_site::{DemoSite, Markup};
use newsflow_shared::amqp;
use newsflow_shared::messages::{self, RawPage};
use newsflow_shared::topology::{RK_ARTICLE, RK_PAGE};
use newsflow_tests::{Running, TestEnv, count, eventually, publish_pages, synthetic_page};

const CONFIRM: Duration = Duration::from_secs(10);

/// A service as a child process (the same code as the real binaries), killable with
/// SIGKILL. Dropping it kills and reaps the process, so a failing test leaves none behind.
struct Child(std::process::Child);

impl Child {
    /// SIGKILL, and wait for it to be gone.
    fn kill(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }

    /// SIGTERM, and the exit status.
    fn terminate(&mut self) -> std::io::Result<std::process::ExitStatus> {
        let pid = self.0.id().to_string();
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()?;
        self.0.wait()
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        self.kill();
    }
}

fn child(env: &TestEnv, service: &str) -> Child {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_newsflow-service"));
    cmd.arg(service)
        .envs(env.env_vars())
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null());
    if std::env::var_os("TEST_LOG").is_none() {
        cmd.stderr(std::process::Stdio::null());
    }
    Child(cmd.spawn().expect("newsflow-service starts"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_site_end_to_end_field_by_field() -> anyhow::Result<()> {
    let env = TestEnv::new().await?;
    let articles = 36;
    let summary = newsflow::demo::run(env.settings(), articles, Duration::from_secs(240)).await?;
    let site = DemoSite::generate(articles);

    let pool = env.pool().await?;
    type Row = (
        String,
        Option<String>,
        Vec<String>,
        Option<DateTime<Utc>>,
        bool,
        String,
        String,
        Option<String>,
    );
    for a in &site.articles {
        let suffix = a.path.clone();
        let row: Option<Row> = sqlx::query_as(
            "SELECT canonical_url, title, authors, published_at, published_day_only, source, body, language
             FROM articles WHERE canonical_url LIKE '%' || $1",
        )
        .bind(&suffix)
        .fetch_optional(&pool)
        .await?;
        let (canonical, title, authors, published, day_only, source, body, language) =
            row.unwrap_or_else(|| panic!("article {} ({:?}) is stored", a.path, a.markup));
        let what = format!("{} ({:?})", a.path, a.markup);
        assert!(
            canonical.starts_with("http://127.0.0.1:"),
            "{what}: {canonical}"
        );
        assert_eq!(title.as_deref(), Some(a.title.as_str()), "{what}: title");
        assert_eq!(authors, a.authors, "{what}: authors");
        assert_eq!(
            published,
            Some(a.published_at.with_timezone(&Utc)),
            "{what}: published_at"
        );
        assert!(!day_only, "{what}: the time is known");
        let expected_source = if a.markup == Markup::Byline {
            "demo"
        } else {
            a.source.as_str()
        };
        assert_eq!(source, expected_source, "{what}: source");
        assert_eq!(body, site.body(a), "{what}: body");
        assert_eq!(language.as_deref(), Some("en"), "{what}: language");
    }

    let listing_pages = site.listing_pages() as u64;
    assert_eq!(summary.pages_published, articles as u64 + listing_pages);
    assert_eq!(summary.pages_stored, summary.pages_published);
    assert_eq!(summary.dead_lettered, 0);
    assert_eq!(
        summary.articles_stored, articles as u64,
        "listing pages are not articles"
    );

    // Listing pages are stored as pages without articles, their newswire items as items.
    let items = count(&pool, "SELECT count(*) FROM newswire_items").await;
    assert_eq!(items, articles as i64, "one newswire item per article");
    let (summary_text, authors, source, published): (Option<String>, Vec<String>, Option<String>, Option<DateTime<Utc>>) =
        sqlx::query_as("SELECT summary, authors, source, published_at FROM newswire_items WHERE link LIKE '%' || $1")
            .bind(&site.articles[1].path)
            .fetch_one(&pool)
            .await?;
    let a = &site.articles[1];
    assert_eq!(summary_text.as_deref(), Some(a.summary.as_str()));
    assert_eq!(authors, a.authors);
    assert_eq!(source.as_deref(), Some(a.source.as_str()));
    assert_eq!(published, Some(a.published_at.with_timezone(&Utc)));
    pool.close().await;
    env.cleanup().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn poison_messages_are_dead_lettered_with_reasons_while_good_ones_flow() -> anyhow::Result<()>
{
    let env = TestEnv::new().await?;
    let topology = env.topology();
    let (conn, ch) = env.channel().await?;
    let site = DemoSite::generate(4);
    let props = |id: &str| amqp::json_properties(messages::RAW_PAGE_TYPE, id, Default::default());

    // A good page, a malformed message, an unknown schema version, another good page.
    amqp::publish_page(
        &ch,
        &topology,
        &synthetic_page(&site, 0, "synthetic"),
        RK_PAGE,
        CONFIRM,
    )
    .await?;
    amqp::publish_confirmed(
        &ch,
        &topology.pages_exchange(),
        RK_PAGE,
        b"{not json",
        props("bad-json"),
        CONFIRM,
    )
    .await?;
    let mut future = serde_json::to_value(synthetic_page(&site, 1, "synthetic"))?;
    future["schema_version"] = serde_json::json!(99);
    amqp::publish_confirmed(
        &ch,
        &topology.pages_exchange(),
        RK_PAGE,
        &serde_json::to_vec(&future)?,
        props("future"),
        CONFIRM,
    )
    .await?;
    amqp::publish_page(
        &ch,
        &topology,
        &synthetic_page(&site, 2, "synthetic"),
        RK_PAGE,
        CONFIRM,
    )
    .await?;
    // And a malformed article event straight to storage.
    amqp::publish_confirmed(
        &ch,
        &topology.articles_exchange(),
        RK_ARTICLE,
        br#"{"schema_version": 1, "page_id": 5}"#,
        props("bad-event"),
        CONFIRM,
    )
    .await?;

    let parser = Running::parser(env.settings());
    let storage = Running::storage(env.settings());
    let pool = env.pool().await?;
    eventually(Duration::from_secs(60), "two good pages stored", || async {
        (count(&pool, "SELECT count(*) FROM articles").await == 2).then_some(())
    })
    .await;
    let parse_dlq = topology.dlq_of(&topology.parse_queue());
    let store_dlq = topology.dlq_of(&topology.store_queue());
    eventually(Duration::from_secs(30), "dead letters", || async {
        let p = env.queue_depth(&ch, &parse_dlq).await.ok()?;
        let s = env.queue_depth(&ch, &store_dlq).await.ok()?;
        (p == 2 && s == 1).then_some(())
    })
    .await;

    let mut kinds = std::collections::HashMap::new();
    for q in [&parse_dlq, &store_dlq] {
        while let Some(m) = ch.basic_get(q.as_str().into(), Default::default()).await? {
            let id = m
                .delivery
                .properties
                .message_id()
                .as_ref()
                .map(|s| s.to_string())
                .unwrap_or_default();
            let kind = amqp::header_str(&m.delivery.properties, amqp::headers::ERROR_KIND)
                .unwrap_or_default();
            let reason =
                amqp::header_str(&m.delivery.properties, amqp::headers::REASON).unwrap_or_default();
            assert!(!reason.is_empty(), "{id}: a reason is given");
            assert!(
                amqp::header_str(&m.delivery.properties, amqp::headers::FIRST_FAILED_AT).is_some()
            );
            kinds.insert(id, (kind, q.clone(), reason));
        }
    }
    assert_eq!(kinds["bad-json"].0, "decode_error");
    assert_eq!(kinds["bad-json"].1, parse_dlq);
    assert_eq!(kinds["future"].0, "unknown_schema_version");
    assert!(kinds["future"].2.contains("99"), "{:?}", kinds["future"]);
    assert_eq!(kinds["bad-event"].0, "schema_error");
    assert_eq!(kinds["bad-event"].1, store_dlq);

    // The services kept running: one more good page still flows.
    amqp::publish_page(
        &ch,
        &topology,
        &synthetic_page(&site, 3, "synthetic"),
        RK_PAGE,
        CONFIRM,
    )
    .await?;
    eventually(Duration::from_secs(30), "the next page", || async {
        (count(&pool, "SELECT count(*) FROM articles").await == 3).then_some(())
    })
    .await;
    parser.stop().await;
    storage.stop().await;
    conn.close(200, "bye".into()).await.ok();
    pool.close().await;
    env.cleanup().await
}

/// Publish `n` pages, run the pipeline with `victim` as a child process, SIGKILL it once
/// part-way and start it again: every page must end up stored exactly once.
async fn kill_midway(victim: &str) -> anyhow::Result<()> {
    let n = 240;
    let mut env = TestEnv::new().await?;
    // Small batches and prefetch, so the kill lands with work in flight.
    env.set("AMQP__PREFETCH", "8");
    env.set("STORAGE__BATCH_SIZE", "8");
    let site = DemoSite::generate(n);
    let pages: Vec<RawPage> = (0..n)
        .map(|i| synthetic_page(&site, i, "synthetic"))
        .collect();
    publish_pages(&env, &pages).await?;

    let other = if victim == "parser" {
        Running::storage(env.settings())
    } else {
        Running::parser(env.settings())
    };
    let pool = env.pool().await?;
    let mut proc = child(&env, victim);
    eventually(Duration::from_secs(120), "some pages stored", || async {
        (count(&pool, "SELECT count(*) FROM parsed_pages").await >= 30).then_some(())
    })
    .await;
    proc.kill();
    let at_kill = count(&pool, "SELECT count(*) FROM parsed_pages").await;
    assert!(
        at_kill < n as i64,
        "the kill landed part-way ({at_kill} of {n})"
    );

    let mut proc = child(&env, victim);
    eventually(Duration::from_secs(180), "every page stored", || async {
        (count(&pool, "SELECT count(*) FROM parsed_pages").await == n as i64).then_some(())
    })
    .await;
    // Exactly once: one row per article and per page, nothing dead-lettered.
    assert_eq!(
        count(&pool, "SELECT count(*) FROM articles").await,
        n as i64
    );
    assert_eq!(
        count(&pool, "SELECT count(DISTINCT canonical_url) FROM articles").await,
        n as i64
    );
    let stored_ids: Vec<uuid::Uuid> = sqlx::query_scalar("SELECT page_id FROM parsed_pages")
        .fetch_all(&pool)
        .await?;
    let published: std::collections::HashSet<_> = pages.iter().map(|p| p.page_id).collect();
    assert_eq!(
        stored_ids
            .iter()
            .copied()
            .collect::<std::collections::HashSet<_>>(),
        published
    );

    let (conn, ch) = env.channel().await?;
    let t = env.topology();
    assert_eq!(env.queue_depth(&ch, &t.dlq_of(&t.parse_queue())).await?, 0);
    assert_eq!(env.queue_depth(&ch, &t.dlq_of(&t.store_queue())).await?, 0);
    conn.close(200, "bye".into()).await.ok();

    // Graceful stop of the restarted child: SIGTERM, exit 0.
    let status = proc.terminate()?;
    assert!(status.success(), "{victim} exits 0 on SIGTERM: {status}");
    other.stop().await;
    pool.close().await;
    env.cleanup().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parser_killed_midway_every_page_stored_exactly_once() -> anyhow::Result<()> {
    kill_midway("parser").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storage_killed_midway_every_page_stored_exactly_once() -> anyhow::Result<()> {
    kill_midway("storage").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storage_is_idempotent_and_keeps_the_newest_parse() -> anyhow::Result<()> {
    use newsflow_shared::article::{Article, PageContent};
    use newsflow_shared::messages::{ArticleEvent, SCHEMA_VERSION};
    let env = TestEnv::new().await?;
    let topology = env.topology();
    let (conn, ch) = env.channel().await?;
    let event = |version: u32, title: &str| ArticleEvent {
        schema_version: SCHEMA_VERSION,
        page_id: uuid::Uuid::now_v7(),
        url: "https://example.com/story?utm_source=feed".into(),
        source: "test".into(),
        fetched_at: Utc::now(),
        parsed_at: Utc::now(),
        parser_version: version,
        content_hash: "h".into(),
        content: PageContent::Article {
            article: Article {
                url: "https://example.com/story".into(),
                title: Some(title.into()),
                body: "Body.".into(),
                ..Article::default()
            },
            newswire: vec![],
        },
        replay: None,
    };
    let storage = Running::storage(env.settings());
    let pool = env.pool().await?;
    let title = || async {
        sqlx::query_as::<_, (String, i32)>("SELECT title, parser_version FROM articles")
            .fetch_all(&pool)
            .await
            .expect("query")
    };
    let v2 = event(2, "second version");
    for ev in [&event(1, "first version"), &v2, &v2] {
        amqp::publish_article_event(&ch, &topology, ev, CONFIRM).await?;
    }
    eventually(Duration::from_secs(30), "version 2 stored", || async {
        (title().await == vec![("second version".to_string(), 2)]).then_some(())
    })
    .await;
    // An older parser's event arriving late changes nothing; the same version replaces.
    amqp::publish_article_event(&ch, &topology, &event(1, "stale"), CONFIRM).await?;
    amqp::publish_article_event(
        &ch,
        &topology,
        &event(2, "same version, later fetch"),
        CONFIRM,
    )
    .await?;
    eventually(
        Duration::from_secs(30),
        "the later fetch of version 2",
        || async {
            (title().await == vec![("same version, later fetch".to_string(), 2)]).then_some(())
        },
    )
    .await;
    assert_eq!(count(&pool, "SELECT count(*) FROM articles").await, 1);
    // Five events, four page ids (one event was delivered twice): one row per page.
    assert_eq!(count(&pool, "SELECT count(*) FROM parsed_pages").await, 4);
    storage.stop().await;
    conn.close(200, "bye".into()).await.ok();
    pool.close().await;
    env.cleanup().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replay_deletes_the_newswire_items_its_page_no_longer_lists() -> anyhow::Result<()> {
    use newsflow_shared::article::{NewswireItem, PageContent};
    use newsflow_shared::messages::{ArticleEvent, SCHEMA_VERSION};
    let env = TestEnv::new().await?;
    let topology = env.topology();
    let (conn, ch) = env.channel().await?;
    let listing = uuid::Uuid::now_v7();
    let event = |version: u32, links: &[&str]| ArticleEvent {
        schema_version: SCHEMA_VERSION,
        page_id: listing,
        url: "https://example.com/newswire".into(),
        source: "test".into(),
        fetched_at: Utc::now(),
        parsed_at: Utc::now(),
        parser_version: version,
        content_hash: "h".into(),
        content: PageContent::NotArticle {
            reason: "newswire listing".into(),
            newswire: links
                .iter()
                .map(|l| NewswireItem {
                    title: Some(format!("Item {l}")),
                    link: format!("https://example.com/{l}"),
                    summary: None,
                    published_at: None,
                    authors: vec![],
                    source: None,
                })
                .collect(),
        },
        replay: None,
    };
    let storage = Running::storage(env.settings());
    let pool = env.pool().await?;
    let links = || async {
        sqlx::query_scalar::<_, String>("SELECT link FROM newswire_items ORDER BY link")
            .fetch_all(&pool)
            .await
            .expect("query")
    };
    let want = |ls: &[&str]| -> Vec<String> {
        ls.iter()
            .map(|l| format!("https://example.com/{l}"))
            .collect()
    };
    // Version 1 read a wrong link ("menu") as an item; version 2 no longer does.
    amqp::publish_article_event(&ch, &topology, &event(1, &["a", "b", "menu"]), CONFIRM).await?;
    eventually(Duration::from_secs(30), "version 1's items", || async {
        (links().await == want(&["a", "b", "menu"])).then_some(())
    })
    .await;
    amqp::publish_article_event(&ch, &topology, &event(2, &["a", "b"]), CONFIRM).await?;
    eventually(
        Duration::from_secs(30),
        "the wrong item deleted",
        || async { (links().await == want(&["a", "b"])).then_some(()) },
    )
    .await;
    // A late event of the older parser neither deletes nor adds, and another page that
    // lists an item keeps it when this page drops it.
    amqp::publish_article_event(&ch, &topology, &event(1, &["a", "menu", "old"]), CONFIRM).await?;
    let mut other = event(2, &["b"]);
    other.page_id = uuid::Uuid::now_v7();
    amqp::publish_article_event(&ch, &topology, &other, CONFIRM).await?;
    amqp::publish_article_event(&ch, &topology, &event(3, &["a"]), CONFIRM).await?;
    eventually(Duration::from_secs(30), "version 3 stored", || async {
        (count(
            &pool,
            "SELECT count(*) FROM parsed_pages WHERE parser_version = 3",
        )
        .await
            == 1)
            .then_some(())
    })
    .await;
    assert_eq!(links().await, want(&["a", "b"]));
    storage.stop().await;
    conn.close(200, "bye".into()).await.ok();
    pool.close().await;
    env.cleanup().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn services_wait_for_a_database_that_comes_up_late() -> anyhow::Result<()> {
    // Point storage at a database that does not exist yet on a server that refuses the
    // connection (a closed port); it must keep retrying, then stop cleanly when asked.
    let mut env = TestEnv::new().await?;
    env.set("DATABASE__URL", "postgres://postgres@127.0.0.1:1/nowhere");
    let storage = Running::storage(env.settings());
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(
        !storage.task.is_finished(),
        "storage keeps waiting for the database"
    );
    storage.stop().await;
    env.cleanup().await
}

/// Close every broker connection whose name carries `prefix`, as a broker restart or a
/// network cut would. Returns how many were closed.
fn cut_connections(prefix: &str) -> (usize, String) {
    let out = std::process::Command::new("rabbitmqctl")
        .args([
            "list_connections",
            "-q",
            "--no-table-headers",
            "pid",
            "client_properties",
        ])
        .output()
        .expect("rabbitmqctl runs");
    let listing = String::from_utf8_lossy(&out.stdout);
    let mut closed = 0;
    for line in listing
        .lines()
        .filter(|l| l.contains(&format!("[{prefix}]")))
    {
        let pid = line.split('\t').next().unwrap_or_default();
        let status = std::process::Command::new("rabbitmqctl")
            .args(["close_connection", pid, "test: connection cut"])
            .status()
            .expect("rabbitmqctl runs");
        if status.success() {
            closed += 1;
        }
    }
    (closed, listing.into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn services_recover_when_the_broker_drops_their_connections() -> anyhow::Result<()> {
    let n = 120;
    let mut env = TestEnv::new().await?;
    env.set("AMQP__PREFETCH", "4");
    env.set("STORAGE__BATCH_SIZE", "4");
    let site = DemoSite::generate(n);
    let pages: Vec<RawPage> = (0..n)
        .map(|i| synthetic_page(&site, i, "synthetic"))
        .collect();
    let parser = Running::parser(env.settings());
    let storage = Running::storage(env.settings());
    let pool = env.pool().await?;
    publish_pages(&env, &pages[..n / 2]).await?;
    eventually(
        Duration::from_secs(60),
        "the first pages stored",
        || async { (count(&pool, "SELECT count(*) FROM parsed_pages").await >= 10).then_some(()) },
    )
    .await;
    let prefix = env.prefix.clone();
    let (closed, listing) = tokio::task::spawn_blocking(move || cut_connections(&prefix)).await?;
    assert!(
        closed >= 2,
        "both services' connections were cut: {listing}"
    );
    publish_pages(&env, &pages[n / 2..]).await?;
    eventually(
        Duration::from_secs(120),
        "every page stored after the cut",
        || async {
            (count(&pool, "SELECT count(*) FROM parsed_pages").await == n as i64).then_some(())
        },
    )
    .await;
    assert_eq!(
        count(&pool, "SELECT count(*) FROM articles").await,
        n as i64
    );
    assert!(
        !parser.task.is_finished() && !storage.task.is_finished(),
        "both carried on"
    );
    parser.stop().await;
    storage.stop().await;
    pool.close().await;
    env.cleanup().await
}
