//! The consumer loop. A message is acknowledged only after the transaction holding its
//! effect has committed; undecodable messages go to the dead-letter queue (confirmed) first.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use futures_util::StreamExt as _;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicNackOptions};
use lapin::types::FieldTable;
use lapin::{Channel, Connection};
use newsflow_shared::amqp::{self, DeadLetter};
use newsflow_shared::config::Settings;
use newsflow_shared::messages::{self, ArticleEvent};
use newsflow_shared::telemetry::Throughput;
use newsflow_shared::topology::Topology;
use sqlx::PgPool;
use tokio_util::sync::CancellationToken;
use tracing::Instrument as _;

use crate::rows::Batch;
use crate::store::{self, Failure};

const SERVICE: &str = "storage";

struct Ctx {
    topology: Topology,
    pool: PgPool,
    stats: Arc<Throughput>,
    batch_size: usize,
    batch_timeout: Duration,
    prefetch: u16,
    confirm_timeout: Duration,
}

/// Run until `shutdown`: connect to PostgreSQL and RabbitMQ (waiting for both), then
/// consume article events in batches.
pub async fn run(settings: &Settings, shutdown: CancellationToken) -> anyhow::Result<()> {
    let Some(pool) = newsflow_shared::db::connect(&settings.database, &shutdown).await? else {
        return Ok(());
    };
    let stats = Throughput::new();
    let reporter = stats.report_every(SERVICE, "events", settings.telemetry.report_interval());
    let batch_size = settings.storage.batch_size;
    let ctx = Ctx {
        topology: Topology::new(&settings.amqp),
        pool: pool.clone(),
        stats,
        batch_size,
        batch_timeout: Duration::from_millis(settings.storage.batch_timeout_ms),
        // A batch can only fill if the broker lets that many messages be unacknowledged.
        prefetch: settings
            .amqp
            .prefetch
            .max(u16::try_from(batch_size).unwrap_or(u16::MAX)),
        confirm_timeout: settings.amqp.confirm_timeout(),
    };
    let result = amqp::with_reconnect(&settings.amqp, "newsflow-storage", &shutdown, |conn| {
        session(conn, &ctx, &shutdown)
    })
    .await;
    reporter.abort();
    pool.close().await;
    tracing::info!(stored = ctx.stats.counts().items, "Storage stopped");
    result
}

async fn session(conn: Connection, ctx: &Ctx, shutdown: &CancellationToken) -> anyhow::Result<()> {
    let ch = amqp::open_channel(&conn, &ctx.topology, ctx.prefetch).await?;
    let queue = ctx.topology.store_queue();
    let mut consumer = ch
        .basic_consume(
            queue.as_str().into(),
            format!("newsflow-storage-{}", uuid::Uuid::new_v4().simple()).into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .context("consuming the store queue")?;
    tracing::info!(%queue, "Storage consuming");
    loop {
        let first = tokio::select! {
            d = consumer.next() => d,
            _ = shutdown.cancelled() => break,
        };
        let mut batch = vec![next_delivery(first)?];
        let deadline = tokio::time::sleep(ctx.batch_timeout);
        tokio::pin!(deadline);
        while batch.len() < ctx.batch_size {
            tokio::select! {
                d = consumer.next() => batch.push(next_delivery(d)?),
                _ = &mut deadline => break,
            }
        }
        handle_batch(&ch, ctx, batch, shutdown).await?;
    }
    amqp::close(&ch, &conn).await;
    Ok(())
}

fn next_delivery(d: Option<Result<Delivery, lapin::Error>>) -> anyhow::Result<Delivery> {
    match d {
        Some(Ok(d)) => Ok(d),
        Some(Err(e)) => Err(e).context("consumer failed"),
        None => anyhow::bail!("the broker cancelled the consumer"),
    }
}

/// Decode, write, acknowledge. Returns an error only when the channel is unusable (the
/// session then restarts and the broker redelivers the unacknowledged messages).
async fn handle_batch(
    ch: &Channel,
    ctx: &Ctx,
    deliveries: Vec<Delivery>,
    shutdown: &CancellationToken,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let size = deliveries.len();
    let span = tracing::info_span!(
        "batch",
        size,
        written = tracing::field::Empty,
        orphans_deleted = tracing::field::Empty,
        newswire_deleted = tracing::field::Empty
    );
    async {
        let mut good: Vec<(Delivery, ArticleEvent)> = Vec::with_capacity(size);
        for d in deliveries {
            match messages::decode::<ArticleEvent>(&d.data) {
                Ok(ev) => good.push((d, ev)),
                Err(e) => {
                    let why = DeadLetter {
                        kind: e.kind(),
                        reason: &e.to_string(),
                        service: SERVICE,
                    };
                    reject(ch, ctx, &d, &why).await?;
                }
            }
        }
        if good.is_empty() {
            return Ok(());
        }
        let bytes: u64 = good.iter().map(|(d, _)| d.data.len() as u64).sum();
        let mut delay = Duration::from_millis(200);
        loop {
            let batch = Batch::from_events(good.iter().map(|(_, ev)| ev));
            match store::write(&ctx.pool, &batch).await {
                Ok(w) => {
                    tracing::Span::current().record("written", w.articles);
                    if w.orphans_deleted > 0 {
                        tracing::Span::current().record("orphans_deleted", w.orphans_deleted);
                    }
                    if w.newswire_deleted > 0 {
                        tracing::Span::current().record("newswire_deleted", w.newswire_deleted);
                    }
                    break;
                }
                Err(e) if store::classify(&e) == Failure::Permanent => {
                    tracing::warn!(error = %e, "Batch refused by the database; writing events one by one");
                    good = write_one_by_one(ch, ctx, good).await?;
                    break;
                }
                Err(e) => {
                    tracing::warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "Database unavailable; holding the batch and retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(amqp::jitter(delay)) => {}
                        _ = shutdown.cancelled() => {
                            // Give the events back: the next consumer will write them.
                            for (d, _) in &good {
                                d.acker.nack(BasicNackOptions { requeue: true, ..Default::default() }).await?;
                            }
                            return Ok(());
                        }
                    }
                    delay = (delay * 2).min(Duration::from_secs(30));
                }
            }
        }
        for (d, ev) in &good {
            d.acker.ack(BasicAckOptions::default()).await?;
            ctx.stats.done(0);
            tracing::debug!(page_id = %ev.page_id, url = %ev.url, source = %ev.source, parser_version = ev.parser_version, "Stored");
        }
        // Bytes are counted per batch, not per event.
        ctx.stats.done_bytes(bytes);
        tracing::debug!(events = good.len(), duration_ms = started.elapsed().as_millis() as u64, "Batch stored");
        anyhow::Ok(())
    }
    .instrument(span)
    .await
}

/// The batch was refused: find the events the database refuses and dead-letter them, write
/// the rest. Returns the events that were written (to be acknowledged).
async fn write_one_by_one(
    ch: &Channel,
    ctx: &Ctx,
    events: Vec<(Delivery, ArticleEvent)>,
) -> anyhow::Result<Vec<(Delivery, ArticleEvent)>> {
    let mut written = Vec::with_capacity(events.len());
    for (d, ev) in events {
        let batch = Batch::from_events([&ev]);
        match store::write(&ctx.pool, &batch).await {
            Ok(_) => written.push((d, ev)),
            Err(e) if store::classify(&e) == Failure::Permanent => {
                let reason = format!("database refused the event: {e}");
                let why = DeadLetter {
                    kind: "database_constraint",
                    reason: &reason,
                    service: SERVICE,
                };
                tracing::error!(page_id = %ev.page_id, url = %ev.url, source = %ev.source, error = %e, "Event refused by the database; dead-lettered");
                reject(ch, ctx, &d, &why).await?;
            }
            // Transient again: leave it unacknowledged for redelivery after a restart.
            Err(e) => anyhow::bail!("database failed while isolating a bad event: {e}"),
        }
    }
    Ok(written)
}

/// Dead-letter one message (confirmed), then acknowledge it.
async fn reject(ch: &Channel, ctx: &Ctx, d: &Delivery, why: &DeadLetter<'_>) -> anyhow::Result<()> {
    let queue = ctx.topology.store_queue();
    amqp::dead_letter(
        ch,
        &ctx.topology,
        &queue,
        &d.properties,
        &d.data,
        why,
        ctx.confirm_timeout,
    )
    .await
    .context("dead-lettering")?;
    d.acker.ack(BasicAckOptions::default()).await?;
    ctx.stats.dead_lettered();
    tracing::warn!(
        message_id = ?d.properties.message_id(),
        url = amqp::header_str(&d.properties, amqp::headers::URL).unwrap_or_default(),
        kind = why.kind,
        reason = why.reason,
        "Dead-lettered"
    );
    Ok(())
}
