//! The topology against the real broker.

use newsflow_tests::TestEnv;

#[tokio::test]
async fn topology_declares_twice_and_routes_pages_to_queue_and_stream() -> anyhow::Result<()> {
    let env = TestEnv::new().await?;
    let (_conn, ch) = env.channel().await?;
    let topology = env.topology();
    // Declared once by `channel()`; again must be a no-op.
    topology.declare(&ch).await?;

    let page = newsflow_shared::messages::RawPage::new(
        "test",
        "http://example.com/a",
        "http://example.com/a",
        200,
        Some("text/html".into()),
        b"<html></html>",
    );
    newsflow_shared::amqp::publish_page(
        &ch,
        &topology,
        &page,
        newsflow_shared::topology::RK_PAGE,
        std::time::Duration::from_secs(10),
    )
    .await?;
    newsflow_shared::amqp::publish_page(
        &ch,
        &topology,
        &page,
        newsflow_shared::topology::RK_REPLAY,
        std::time::Duration::from_secs(10),
    )
    .await?;
    assert_eq!(env.queue_depth(&ch, &topology.parse_queue()).await?, 2);
    let logged = env
        .read_stream(&ch, &topology.page_log(), std::time::Duration::from_secs(2))
        .await?;
    assert_eq!(logged.len(), 1, "replays are not logged again");
    let back: newsflow_shared::messages::RawPage =
        newsflow_shared::messages::decode(&logged[0].data)?;
    assert_eq!(back, page, "the log keeps the page as published");
    assert_eq!(env.queue_depth(&ch, &topology.store_queue()).await?, 0);

    // An unroutable publish is an error, not a silent drop.
    let err = newsflow_shared::amqp::publish_confirmed(
        &ch,
        &topology.pages_exchange(),
        "no-such-route",
        b"{}",
        lapin::BasicProperties::default(),
        std::time::Duration::from_secs(10),
    )
    .await
    .expect_err("unroutable");
    assert!(err.to_string().contains("unroutable"), "{err}");
    env.cleanup().await
}

/// RabbitMQ 3.10 answers a declare of a stream that another client is still creating at once,
/// before the stream has a writer; a publish right after it then kills the connection
/// (`osiris_writer:write(none, ...)`, INTERNAL_ERROR). Two services starting together are
/// exactly that, so `declare` returns only once the stream accepts publishes: whichever side
/// declares second, both publish straight away without an error. (Without that wait, most
/// runs of this test fail, usually in the first rounds: a guard, not a proof.)
#[tokio::test]
async fn concurrent_declares_then_publish_at_once_never_meet_the_stream_race() -> anyhow::Result<()>
{
    let env = TestEnv::new().await?;
    let outcome = declare_and_publish_concurrently(&env, 8).await;
    env.cleanup().await?;
    outcome
}

async fn declare_and_publish_concurrently(env: &TestEnv, rounds: usize) -> anyhow::Result<()> {
    let page = newsflow_shared::messages::RawPage::new(
        "test",
        "http://example.com/race",
        "http://example.com/race",
        200,
        Some("text/html".into()),
        b"<html></html>",
    );
    let timeout = std::time::Duration::from_secs(10);
    let url = env.amqp_url().to_string();
    let admin = lapin::Connection::connect(&url, lapin::ConnectionProperties::default()).await?;
    for round in 0..rounds {
        // A fresh prefix each round, so every round creates its stream anew.
        let mut settings = env.settings().amqp;
        settings.prefix = format!("{}-r{round}", env.prefix);
        let topology = newsflow_shared::topology::Topology::new(&settings);
        let sides = (0..2).map(|_| {
            let (topology, page, url) = (topology.clone(), page.clone(), url.clone());
            tokio::spawn(async move {
                let conn = lapin::Connection::connect(&url, lapin::ConnectionProperties::default())
                    .await?;
                let sent = async {
                    let ch = newsflow_shared::amqp::open_channel(&conn, &topology, 1).await?;
                    newsflow_shared::amqp::publish_page(
                        &ch,
                        &topology,
                        &page,
                        newsflow_shared::topology::RK_PAGE,
                        timeout,
                    )
                    .await?;
                    anyhow::Ok(())
                }
                .await;
                conn.close(200, "bye".into()).await.ok();
                sent
            })
        });
        let results = futures_util::future::join_all(sides.collect::<Vec<_>>()).await;
        let reader = admin.create_channel().await?;
        reader.basic_qos(10, Default::default()).await?;
        let logged = env
            .read_stream(
                &reader,
                &topology.page_log(),
                std::time::Duration::from_millis(300),
            )
            .await;
        // On a channel of its own: a failed read has closed the reader's.
        topology.delete(&admin.create_channel().await?).await?;
        for r in results {
            r?.map_err(|e| e.context(format!("round {round}")))?;
        }
        assert_eq!(
            logged?.len(),
            2,
            "round {round}: both pages are in the stream"
        );
    }
    admin.close(200, "bye".into()).await.ok();
    Ok(())
}

/// The readiness check waits for a stream that is not there yet, and gives up on one that
/// never comes with an error that names it.
#[tokio::test]
async fn wait_for_streams_waits_for_a_late_stream_and_gives_up_on_a_missing_one()
-> anyhow::Result<()> {
    let env = TestEnv::new().await?;
    let outcome = wait_for_late_and_missing_streams(&env).await;
    env.cleanup().await?;
    outcome
}

async fn wait_for_late_and_missing_streams(env: &TestEnv) -> anyhow::Result<()> {
    use std::time::{Duration, Instant};
    let topology = env.topology();
    let waiting = {
        let t = topology.clone();
        tokio::spawn(async move {
            t.wait_for_streams(&t.streams(), Duration::from_secs(10))
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    anyhow::ensure!(!waiting.is_finished(), "ready before the stream exists");
    // Declares the topology, stream included: the waiting check now passes.
    let (conn, _ch) = env.channel().await?;
    waiting.await??;

    let missing = [format!("{}.no-such-stream", env.prefix)];
    let started = Instant::now();
    let err = topology
        .wait_for_streams(&missing, Duration::from_millis(500))
        .await
        .expect_err("a missing stream is never ready");
    let waited = started.elapsed();
    conn.close(200, "bye".into()).await.ok();
    anyhow::ensure!(
        waited >= Duration::from_millis(400) && waited < Duration::from_secs(5),
        "gave up after {waited:?}"
    );
    let msg = err.to_string();
    anyhow::ensure!(
        msg.contains(&missing[0]) && msg.contains("did not accept publishes within 500ms"),
        "{msg}"
    );
    Ok(())
}
