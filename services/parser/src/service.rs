//! The consumer loop: up to `parser.concurrency` pages extracted at once on the blocking
//! pool; each page is acknowledged only after its article event (or its dead letter) is
//! confirmed by the broker.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use futures_util::StreamExt as _;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicNackOptions};
use lapin::types::FieldTable;
use lapin::{Channel, Connection};
use newsflow_shared::amqp::{self, DeadLetter};
use newsflow_shared::config::Settings;
use newsflow_shared::telemetry::Throughput;
use newsflow_shared::topology::Topology;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tracing::Instrument as _;

use crate::handler::{self, Extractor, Outcome};

const SERVICE: &str = "parser";

struct Ctx {
    topology: Topology,
    stats: Arc<Throughput>,
    extractor: Extractor,
    parser_version: u32,
    concurrency: usize,
    prefetch: u16,
    confirm_timeout: std::time::Duration,
}

/// Run with the real extractor until `shutdown`.
pub async fn run(settings: &Settings, shutdown: CancellationToken) -> anyhow::Result<()> {
    let version = settings
        .parser
        .version
        .unwrap_or(newsflow_extract::EXTRACTOR_VERSION);
    run_with(settings, shutdown, handler::default_extractor(), version).await
}

/// Run with a given extractor and version stamp.
pub async fn run_with(
    settings: &Settings,
    shutdown: CancellationToken,
    extractor: Extractor,
    parser_version: u32,
) -> anyhow::Result<()> {
    let stats = Throughput::new();
    let reporter = stats.report_every(SERVICE, "pages", settings.telemetry.report_interval());
    let ctx = Arc::new(Ctx {
        topology: Topology::new(&settings.amqp),
        stats,
        extractor,
        parser_version,
        concurrency: settings.parser.concurrency,
        prefetch: settings.amqp.prefetch,
        confirm_timeout: settings.amqp.confirm_timeout(),
    });
    tracing::info!(
        parser_version,
        concurrency = ctx.concurrency,
        "Parser starting"
    );
    let result = amqp::with_reconnect(&settings.amqp, "newsflow-parser", &shutdown, |conn| {
        session(conn, ctx.clone(), &shutdown)
    })
    .await;
    reporter.abort();
    tracing::info!(parsed = ctx.stats.counts().items, "Parser stopped");
    result
}

async fn session(
    conn: Connection,
    ctx: Arc<Ctx>,
    shutdown: &CancellationToken,
) -> anyhow::Result<()> {
    let ch = amqp::open_channel(&conn, &ctx.topology, ctx.prefetch).await?;
    let queue = ctx.topology.parse_queue();
    let mut consumer = ch
        .basic_consume(
            queue.as_str().into(),
            format!("newsflow-parser-{}", uuid::Uuid::new_v4().simple()).into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .context("consuming the parse queue")?;
    tracing::info!(%queue, "Parser consuming");
    let permits = Arc::new(Semaphore::new(ctx.concurrency));
    // Cancelled by a task whose channel operation failed: the session must restart.
    let broken = CancellationToken::new();
    let mut tasks = JoinSet::new();
    let outcome: anyhow::Result<()> = loop {
        while tasks.try_join_next().is_some() {}
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => p.context("semaphore closed")?,
            _ = shutdown.cancelled() => break Ok(()),
            _ = broken.cancelled() => break Err(anyhow::anyhow!("channel failed")),
        };
        let delivery = tokio::select! {
            d = consumer.next() => d,
            _ = shutdown.cancelled() => break Ok(()),
            _ = broken.cancelled() => break Err(anyhow::anyhow!("channel failed")),
        };
        let delivery = match delivery {
            Some(Ok(d)) => d,
            Some(Err(e)) => break Err(anyhow::Error::new(e).context("consumer failed")),
            None => break Err(anyhow::anyhow!("the broker cancelled the consumer")),
        };
        let (ctx, ch, broken) = (ctx.clone(), ch.clone(), broken.clone());
        tasks.spawn(async move {
            let _permit = permit;
            let _in_flight = ctx.stats.start();
            if let Err(e) = process(&ch, &ctx, delivery).await {
                tracing::warn!(error = %format!("{e:#}"), "Could not settle a page; restarting the session");
                broken.cancel();
            }
        });
    };
    // Finish what is in flight before closing: their acks need the channel.
    while tasks.join_next().await.is_some() {}
    amqp::close(&ch, &conn).await;
    outcome
}

/// Extract one page and settle it: publish the event (or dead-letter), then acknowledge.
async fn process(ch: &Channel, ctx: &Arc<Ctx>, delivery: Delivery) -> anyhow::Result<()> {
    let started = Instant::now();
    let message_id = delivery
        .properties
        .message_id()
        .as_ref()
        .map(|m| m.to_string())
        .unwrap_or_default();
    let span = tracing::info_span!(
        "page",
        %message_id,
        url = amqp::header_str(&delivery.properties, amqp::headers::URL).unwrap_or_default(),
        source = amqp::header_str(&delivery.properties, amqp::headers::SOURCE).unwrap_or_default(),
        deliveries = amqp::delivery_count(&delivery.properties) + 1,
    );
    async {
        let worker_ctx = ctx.clone();
        let data = delivery.data.clone();
        // The extractor's own events (a page truncated at a limit) carry the page's span.
        let page_span = tracing::Span::current();
        let (outcome, facts) = tokio::task::spawn_blocking(move || {
            let _entered = page_span.enter();
            handler::handle(&data, worker_ctx.parser_version, &worker_ctx.extractor)
        })
        .await
        .context("extraction task panicked")?;
        match outcome {
            Outcome::Publish(event) => {
                let kind = if event.content.article().is_some() { "article" } else { "not_article" };
                if let Err(e) = amqp::publish_article_event(ch, &ctx.topology, &event, ctx.confirm_timeout).await {
                    ctx.stats.failed();
                    // Give the page back; the broker redelivers it (and counts the delivery).
                    delivery.acker.nack(BasicNackOptions { requeue: true, ..Default::default() }).await.ok();
                    return Err(anyhow::Error::new(e).context("publishing the article event"));
                }
                delivery.acker.ack(BasicAckOptions::default()).await?;
                ctx.stats.done(facts.bytes);
                tracing::debug!(
                    page_id = %facts.page_id,
                    outcome = kind,
                    newswire = event.content.newswire().len(),
                    bytes = facts.bytes,
                    duration_ms = started.elapsed().as_millis() as u64,
                    "Parsed"
                );
            }
            Outcome::DeadLetter { kind, reason } => {
                let why = DeadLetter { kind: &kind, reason: &reason, service: SERVICE };
                let queue = ctx.topology.parse_queue();
                amqp::dead_letter(ch, &ctx.topology, &queue, &delivery.properties, &delivery.data, &why, ctx.confirm_timeout)
                    .await
                    .context("dead-lettering")?;
                delivery.acker.ack(BasicAckOptions::default()).await?;
                ctx.stats.dead_lettered();
                tracing::warn!(page_id = %facts.page_id, kind = %kind, reason = %reason, duration_ms = started.elapsed().as_millis() as u64, "Dead-lettered");
            }
        }
        Ok(())
    }
    .instrument(span)
    .await
}
