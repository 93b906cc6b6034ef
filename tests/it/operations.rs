//! Day two: replay after a parser fix, dead letters sent back, `status`.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use newsflow::dead_letters;
use newsflow::demo_site::{DemoSite, Markup};
use newsflow::replay::{self, Filter, Options};
use newsflow_extract::{ExtractError, PageContent, PageInput};
use newsflow_shared::amqp;
use newsflow_shared::messages::RawPage;
use newsflow_tests::{Running, TestEnv, count, eventually, publish_pages, synthetic_page};

const CONFIRM: Duration = Duration::from_secs(10);

/// Yesterday's parser: fails on byline-only pages, shouts the titles of OpenGraph pages,
/// and gives JSON-LD pages the home page as their canonical URL, so their articles fold
/// into one row (the last one stored wins).
fn buggy_extractor() -> newsflow_parser::Extractor {
    Arc::new(|input: &PageInput<'_>| {
        let html = String::from_utf8_lossy(input.body);
        if html.contains(r#"class="byline""#) && !html.contains("ld+json") {
            return Err(ExtractError::NotHtml("simulated parser bug".into()));
        }
        let mut content = newsflow_extract::extract(input)?;
        if let PageContent::Article { article, .. } = &mut content {
            if html.contains("og:title") {
                article.title = article.title.as_ref().map(|t| t.to_uppercase());
            } else if html.contains("ld+json") {
                let home = url::Url::parse(input.url).and_then(|u| u.join("/"));
                article.canonical_url = home.ok().map(String::from);
            }
        }
        Ok(content)
    })
}

fn opts() -> Options {
    Options {
        dry_run: false,
        rate: 0.0,
        max_backlog: 0,
        idle: Duration::from_secs(2),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parser_fix_then_replay_stores_every_article_once_with_the_new_version()
-> anyhow::Result<()> {
    let env = TestEnv::new().await?;
    let n = 24;
    let site = DemoSite::generate(n);
    let started = Utc::now() - chrono::Duration::seconds(2);
    let pages: Vec<RawPage> = (0..n).map(|i| synthetic_page(&site, i, "wire")).collect();
    publish_pages(&env, &pages).await?;
    let broken = site
        .articles
        .iter()
        .filter(|a| a.markup == Markup::Byline)
        .count();
    let shouted = site
        .articles
        .iter()
        .filter(|a| a.markup == Markup::OpenGraph)
        .count();
    let folded = site
        .articles
        .iter()
        .filter(|a| a.markup == Markup::JsonLd)
        .count();
    assert!(broken > 0 && shouted > 0 && folded > 1);

    let storage = Running::storage(env.settings());
    let parser = Running::parser_with(env.settings(), buggy_extractor(), 1);
    let pool = env.pool().await?;
    let (conn, ch) = env.channel().await?;
    let t = env.topology();
    let dlq = t.dlq_of(&t.parse_queue());
    eventually(
        Duration::from_secs(60),
        "the buggy run to settle",
        || async {
            let stored = count(&pool, "SELECT count(*) FROM articles").await;
            let dead = env.queue_depth(&ch, &dlq).await.ok()?;
            (stored as usize == n - broken - (folded - 1) && dead as usize == broken).then_some(())
        },
    )
    .await;
    let upper = count(
        &pool,
        "SELECT count(*) FROM articles WHERE title = upper(title)",
    )
    .await;
    assert_eq!(
        upper as usize, shouted,
        "the bug is visible in the stored data"
    );
    let listed = dead_letters::list(&env.settings(), Some("pages"), 100).await?;
    assert_eq!(listed.len(), broken);
    assert!(
        listed
            .iter()
            .all(|m| m.kind.as_deref() == Some("extraction_error:not_html"))
    );
    assert!(listed.iter().all(|m| {
        m.reason
            .as_deref()
            .is_some_and(|r| r.contains("simulated parser bug"))
    }));
    assert!(
        listed
            .iter()
            .all(|m| m.url.is_some() && m.message_id.is_some() && m.first_failed_at.is_some())
    );
    parser.stop().await;

    // The fix ships as version 2; replay yesterday's window, and the dead letters.
    let parser = Running::parser_with(
        env.settings(),
        newsflow_parser::handler::default_extractor(),
        2,
    );
    let filter = Filter {
        since: started,
        ..Filter::default()
    };
    let summary = replay::run(&env.settings(), &filter, &opts()).await?;
    assert_eq!(summary.replayed as usize, n, "{summary:?}");
    assert!(summary.out_of_reach.is_none(), "{summary:?}");
    let sent = dead_letters::replay(
        &env.settings(),
        Some("pages"),
        &dead_letters::Selection::default(),
    )
    .await?;
    assert_eq!(sent as usize, broken);

    eventually(
        Duration::from_secs(60),
        "every article re-parsed by version 2",
        || async {
            let v2 = count(
                &pool,
                "SELECT count(*) FROM articles WHERE parser_version = 2",
            )
            .await;
            (v2 as usize == n).then_some(())
        },
    )
    .await;
    // The folded row is gone: every page's article is under its own key, once.
    assert_eq!(
        count(&pool, "SELECT count(*) FROM articles").await as usize,
        n,
        "no duplicates, no stale folded row"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM articles a WHERE NOT EXISTS \
             (SELECT 1 FROM parsed_pages p WHERE p.article_id = a.id)"
        )
        .await,
        0,
        "every stored article is some page's"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM articles WHERE title = upper(title)"
        )
        .await,
        0
    );
    for a in &site.articles {
        let title: String =
            sqlx::query_scalar("SELECT title FROM articles WHERE url LIKE '%' || $1")
                .bind(&a.path)
                .fetch_one(&pool)
                .await?;
        assert_eq!(title, a.title);
    }
    assert_eq!(env.queue_depth(&ch, &dlq).await?, 0);
    parser.stop().await;
    storage.stop().await;
    conn.close(200, "bye".into()).await.ok();
    pool.close().await;
    env.cleanup().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replay_selects_by_source_and_until() -> anyhow::Result<()> {
    let env = TestEnv::new().await?;
    let site = DemoSite::generate(10);
    let since = Utc::now() - chrono::Duration::seconds(2);
    publish_pages(
        &env,
        &(0..4)
            .map(|i| synthetic_page(&site, i, "alpha"))
            .collect::<Vec<_>>(),
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let cut = Utc::now();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    publish_pages(
        &env,
        &(4..10)
            .map(|i| synthetic_page(&site, i, "beta"))
            .collect::<Vec<_>>(),
    )
    .await?;

    let dry = Options {
        dry_run: true,
        ..opts()
    };
    let run = |filter: Filter| {
        let settings = env.settings();
        let dry = dry.clone();
        async move {
            replay::run(&settings, &filter, &dry)
                .await
                .expect("replay runs")
        }
    };
    let all = run(Filter {
        since,
        ..Filter::default()
    })
    .await;
    assert_eq!(all.matched, 10);
    let before_cut = run(Filter {
        since,
        until: Some(cut),
        ..Filter::default()
    })
    .await;
    assert_eq!(before_cut.matched, 4);
    let beta = run(Filter {
        since,
        source: Some("beta".into()),
        ..Filter::default()
    })
    .await;
    assert_eq!(beta.matched, 6);
    let prefix = run(Filter {
        since,
        url_prefix: Some("http://alpha.test/".into()),
        ..Filter::default()
    })
    .await;
    assert_eq!(prefix.matched, 4);
    assert_eq!(all.replayed, 0, "a dry run sends nothing");
    let (conn, ch) = env.channel().await?;
    // Live publishing put 10 pages in the parse queue; the dry runs added none.
    assert_eq!(
        env.queue_depth(&ch, &env.topology().parse_queue()).await?,
        10
    );

    // A window older than anything the stream holds is reported, not silently empty.
    let old = run(Filter {
        since: since - chrono::Duration::days(30),
        ..Filter::default()
    })
    .await;
    assert!(
        old.out_of_reach
            .as_deref()
            .is_some_and(|m| m.contains("out of reach")),
        "{old:?}"
    );
    conn.close(200, "bye".into()).await.ok();
    env.cleanup().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interrupted_replay_run_again_leaves_no_duplicates() -> anyhow::Result<()> {
    let env = TestEnv::new().await?;
    let n = 30;
    let site = DemoSite::generate(n);
    let since = Utc::now() - chrono::Duration::seconds(2);
    publish_pages(
        &env,
        &(0..n)
            .map(|i| synthetic_page(&site, i, "wire"))
            .collect::<Vec<_>>(),
    )
    .await?;
    let storage = Running::storage(env.settings());
    let parser = Running::parser(env.settings());
    let pool = env.pool().await?;
    eventually(Duration::from_secs(60), "first pass stored", || async {
        (count(&pool, "SELECT count(*) FROM parsed_pages").await as usize == n).then_some(())
    })
    .await;

    // A slow replay, interrupted part-way, then run again in full.
    let settings = env.settings();
    let slow = Options {
        rate: 10.0,
        ..opts()
    };
    let filter = Filter {
        since,
        ..Filter::default()
    };
    let interrupted = tokio::spawn(async move { replay::run(&settings, &filter, &slow).await });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    interrupted.abort();
    assert!(interrupted.await.is_err(), "the replay was cut short");
    let again = replay::run(
        &env.settings(),
        &Filter {
            since,
            ..Filter::default()
        },
        &opts(),
    )
    .await?;
    assert_eq!(again.replayed as usize, n);

    let (conn, ch) = env.channel().await?;
    eventually(Duration::from_secs(60), "replays drained", || async {
        let depth = env
            .queue_depth(&ch, &env.topology().parse_queue())
            .await
            .ok()?;
        let store = env
            .queue_depth(&ch, &env.topology().store_queue())
            .await
            .ok()?;
        (depth == 0 && store == 0).then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        count(&pool, "SELECT count(*) FROM articles").await as usize,
        n
    );
    assert_eq!(
        count(&pool, "SELECT count(*) FROM parsed_pages").await as usize,
        n
    );
    parser.stop().await;
    storage.stop().await;
    conn.close(200, "bye".into()).await.ok();
    pool.close().await;
    env.cleanup().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_reports_a_prepared_broker_state() -> anyhow::Result<()> {
    let env = TestEnv::new().await?;
    let site = DemoSite::generate(5);
    // Three pages waiting with no parser running; two dead letters in the store DLQ.
    publish_pages(
        &env,
        &(0..3)
            .map(|i| synthetic_page(&site, i, "wire"))
            .collect::<Vec<_>>(),
    )
    .await?;
    let (conn, ch) = env.channel().await?;
    let t = env.topology();
    for id in ["d1", "d2"] {
        let props = amqp::json_properties("x", id, Default::default());
        amqp::publish_confirmed(
            &ch,
            &t.dead_letter_exchange(),
            &t.dlq_of(&t.store_queue()),
            b"{}",
            props,
            CONFIRM,
        )
        .await?;
    }
    let s = newsflow::status::gather(&env.settings(), Duration::from_millis(200), None).await;
    let q = |name: String| {
        s.queues
            .iter()
            .find(|q| q.name == name)
            .cloned()
            .expect("queue listed")
    };
    assert_eq!(q(t.parse_queue()).depth, 3);
    assert_eq!(q(t.parse_queue()).consumers, 0);
    assert_eq!(q(t.dlq_of(&t.store_queue())).depth, 2);
    assert_eq!(q(t.store_queue()).depth, 0);
    let stream = s.stream.clone().expect("stream status");
    assert_eq!(stream.messages, Some(3), "{stream:?}");
    assert!(stream.first_time.is_some() && stream.last_time.is_some());
    let db = s.database.clone().expect("database status");
    assert_eq!(db.articles, 0);
    assert!(
        s.problems.iter().any(|p| p.contains("no consumers")),
        "{:?}",
        s.problems
    );
    let rendered = newsflow::status::render(&s);
    assert!(
        rendered.contains(&t.parse_queue()) && rendered.contains("PROBLEMS"),
        "{rendered}"
    );
    conn.close(200, "bye".into()).await.ok();
    env.cleanup().await
}

/// A replay moves pages' articles to other keys, or finds they are not articles: the rows
/// they produced before go once no page produces them, and never while one still does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_a_replay_leaves_behind_are_deleted() -> anyhow::Result<()> {
    use newsflow_shared::article::Article;
    use newsflow_shared::messages::{ArticleEvent, SCHEMA_VERSION};
    use newsflow_storage::{rows::Batch, store};
    let env = TestEnv::new().await?;
    let pool = env.pool().await?;
    let home = "https://example.com/";
    let event = |page_id: uuid::Uuid, version: u32, path: &str, canonical: Option<&str>| {
        let url = format!("https://example.com{path}");
        let content = match canonical {
            Some(c) => newsflow_shared::article::PageContent::Article {
                article: Article {
                    url: url.clone(),
                    canonical_url: Some(c.into()),
                    title: Some(path.into()),
                    body: "Body.".into(),
                    ..Article::default()
                },
                newswire: vec![],
            },
            None => newsflow_shared::article::PageContent::NotArticle {
                reason: "listing".into(),
                newswire: vec![],
            },
        };
        ArticleEvent {
            schema_version: SCHEMA_VERSION,
            page_id,
            url,
            source: "test".into(),
            fetched_at: Utc::now(),
            parsed_at: Utc::now(),
            parser_version: version,
            content_hash: "h".into(),
            content,
            replay: None,
        }
    };
    let write = |events: Vec<ArticleEvent>| {
        let pool = pool.clone();
        async move { store::write(&pool, &Batch::from_events(&events)).await }
    };
    let urls = || async {
        let mut v: Vec<String> = sqlx::query_scalar("SELECT canonical_url FROM articles")
            .fetch_all(&pool)
            .await
            .expect("query");
        v.sort();
        v
    };
    let (p1, p2, p3) = (
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
    );
    // Version 1 folds three stories into the home page's row.
    write(vec![
        event(p1, 1, "/a", Some(home)),
        event(p2, 1, "/b", Some(home)),
    ])
    .await?;
    write(vec![event(p3, 1, "/c", Some(home))]).await?;
    assert_eq!(urls().await, vec![home]);

    // Version 2, one page at a time, in an order that is not the order of version 1.
    let w = write(vec![event(p2, 2, "/b", None)]).await?;
    assert_eq!(
        w.orphans_deleted, 0,
        "pages 1 and 3 still produce the home row"
    );
    assert_eq!(urls().await, vec![home]);
    let w = write(vec![event(p1, 2, "/a", Some("https://example.com/a"))]).await?;
    assert_eq!(w.orphans_deleted, 0);
    assert_eq!(urls().await, vec![home, "https://example.com/a"]);
    let w = write(vec![event(p3, 2, "/c", Some("https://example.com/c"))]).await?;
    assert_eq!(w.orphans_deleted, 1, "the last page of the home row moved");
    assert_eq!(
        urls().await,
        vec!["https://example.com/a", "https://example.com/c"]
    );

    // A late event from version 1 brings nothing back, and version 2's rows stay.
    let w = write(vec![event(p3, 1, "/c", Some(home))]).await?;
    assert_eq!((w.articles, w.orphans_deleted), (0, 0));
    assert_eq!(
        urls().await,
        vec!["https://example.com/a", "https://example.com/c"]
    );
    // Two pages of one article: one moving away leaves the row to the other.
    let p4 = uuid::Uuid::now_v7();
    write(vec![event(
        p4,
        2,
        "/a?amp=1",
        Some("https://example.com/a"),
    )])
    .await?;
    let w = write(vec![event(p1, 3, "/a", None)]).await?;
    assert_eq!(w.orphans_deleted, 0, "page 4 still produces /a");
    assert_eq!(
        urls().await,
        vec!["https://example.com/a", "https://example.com/c"]
    );
    assert_eq!(count(&pool, "SELECT count(*) FROM parsed_pages").await, 4);
    pool.close().await;
    env.cleanup().await
}
