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
