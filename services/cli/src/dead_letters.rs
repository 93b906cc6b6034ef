//! `newsflow dead-letters list|replay|purge`: see what failed and why, send it back after a
//! fix, or drop it.

use std::time::Duration;

use anyhow::Context as _;
use lapin::options::{BasicAckOptions, BasicGetOptions, BasicNackOptions, QueuePurgeOptions};
use lapin::types::{AMQPValue, ShortString};
use lapin::{BasicProperties, Channel};
use newsflow_shared::amqp::{self, headers};
use newsflow_shared::config::Settings;
use newsflow_shared::topology::{RK_ARTICLE, RK_REPLAY, Topology};

/// One dead message, as listed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DeadMessage {
    pub queue: String,
    pub message_id: Option<String>,
    pub kind: Option<String>,
    pub reason: Option<String>,
    pub first_failed_at: Option<String>,
    pub failed_at: Option<String>,
    /// Deliveries before it was dead-lettered (the broker's count when it gave up on a
    /// message that kept failing, else 1), plus earlier dead-letter rounds.
    pub deliveries: u64,
    pub dead_letter_rounds: u64,
    pub url: Option<String>,
    pub source: Option<String>,
    pub bytes: usize,
}

impl DeadMessage {
    fn from(queue: &str, props: &BasicProperties, body: &[u8]) -> DeadMessage {
        let h = |name| amqp::header_str(props, name);
        // Dead-lettered by the broker (delivery limit): the reason lives in x-death.
        let death = x_death(props);
        DeadMessage {
            queue: queue.to_string(),
            message_id: props.message_id().as_ref().map(|m| m.to_string()),
            kind: h(headers::ERROR_KIND)
                .or_else(|| death.as_ref().map(|d| format!("broker:{}", d.0))),
            reason: h(headers::REASON).or_else(|| {
                death.as_ref().map(|d| {
                    format!(
                        "dead-lettered by RabbitMQ ({}) after {} deliveries",
                        d.0, d.1
                    )
                })
            }),
            first_failed_at: h(headers::FIRST_FAILED_AT),
            failed_at: h(headers::FAILED_AT),
            deliveries: amqp::delivery_count(props)
                .max(death.as_ref().map_or(0, |d| d.1))
                .max(1),
            dead_letter_rounds: h(headers::DEAD_LETTER_COUNT)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0),
            url: h(headers::URL),
            source: h(headers::SOURCE),
            bytes: body.len(),
        }
    }
}

/// `(reason, count)` of the newest `x-death` entry.
fn x_death(props: &BasicProperties) -> Option<(String, u64)> {
    let table = props.headers().as_ref()?;
    let AMQPValue::FieldArray(arr) = table.inner().get("x-death")? else {
        return None;
    };
    let AMQPValue::FieldTable(entry) = arr.as_slice().first()? else {
        return None;
    };
    let get = |k: &str| entry.inner().get(k);
    let reason = match get("reason")? {
        AMQPValue::LongString(s) => String::from_utf8_lossy(s.as_bytes()).into_owned(),
        AMQPValue::ShortString(s) => s.to_string(),
        _ => "unknown".into(),
    };
    let count = match get("count") {
        Some(AMQPValue::LongLongInt(n)) => u64::try_from(*n).unwrap_or(0),
        Some(AMQPValue::LongInt(n)) => u64::try_from(*n).unwrap_or(0),
        _ => 0,
    };
    Some((reason, count))
}

/// Which dead-letter queues a command acts on: `pages`, `articles`, a full queue name, or all.
pub fn queues(topology: &Topology, which: Option<&str>) -> anyhow::Result<Vec<String>> {
    let all: Vec<String> = topology
        .work_queues()
        .into_iter()
        .map(|(_, dlq)| dlq)
        .collect();
    match which {
        None => Ok(all),
        Some("pages" | "parse") => Ok(vec![topology.dlq_of(&topology.parse_queue())]),
        Some("articles" | "store") => Ok(vec![topology.dlq_of(&topology.store_queue())]),
        Some(q) if all.iter().any(|a| a == q) => Ok(vec![q.to_string()]),
        Some(q) => {
            anyhow::bail!("unknown dead-letter queue {q:?}: use pages, articles or one of {all:?}")
        }
    }
}

/// Selects dead messages to replay.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Error kind prefix (`extraction_error`, `unknown_schema_version`, ...).
    pub kind: Option<String>,
    pub url_prefix: Option<String>,
    pub source: Option<String>,
    pub limit: Option<usize>,
}

impl Selection {
    pub fn matches(&self, m: &DeadMessage) -> bool {
        self.kind
            .as_deref()
            .is_none_or(|k| m.kind.as_deref().is_some_and(|mk| mk.starts_with(k)))
            && self
                .url_prefix
                .as_deref()
                .is_none_or(|p| m.url.as_deref().is_some_and(|u| u.starts_with(p)))
            && self
                .source
                .as_deref()
                .is_none_or(|s| m.source.as_deref() == Some(s))
    }
}

async fn open(settings: &Settings) -> anyhow::Result<(lapin::Connection, Channel, Topology)> {
    let topology = Topology::new(&settings.amqp);
    let never = tokio_util::sync::CancellationToken::new();
    let conn = tokio::time::timeout(
        Duration::from_secs(30),
        amqp::connect(&settings.amqp, "newsflow-cli", &never),
    )
    .await
    .ok()
    .flatten()
    .context("RabbitMQ unreachable")?;
    let ch = amqp::open_channel(&conn, &topology, 100).await?;
    Ok((conn, ch, topology))
}

/// Take up to `limit` messages off `queue` without settling them: the caller acks or
/// requeues each. (Holding them unacknowledged means no message is seen twice in one pass.)
async fn take(
    ch: &Channel,
    queue: &str,
    limit: usize,
) -> anyhow::Result<Vec<lapin::message::BasicGetMessage>> {
    let mut out = Vec::new();
    while out.len() < limit {
        match ch
            .basic_get(queue.into(), BasicGetOptions { no_ack: false })
            .await?
        {
            Some(m) => out.push(m),
            None => break,
        }
    }
    Ok(out)
}

async fn requeue(msgs: &[lapin::message::BasicGetMessage]) -> anyhow::Result<()> {
    for m in msgs {
        m.delivery
            .acker
            .nack(BasicNackOptions {
                requeue: true,
                ..Default::default()
            })
            .await?;
    }
    Ok(())
}

/// List dead messages (they stay where they are).
pub async fn list(
    settings: &Settings,
    which: Option<&str>,
    limit: usize,
) -> anyhow::Result<Vec<DeadMessage>> {
    let (conn, ch, topology) = open(settings).await?;
    let mut out = Vec::new();
    for q in queues(&topology, which)? {
        let msgs = take(&ch, &q, limit.saturating_sub(out.len())).await?;
        out.extend(
            msgs.iter()
                .map(|m| DeadMessage::from(&q, &m.delivery.properties, &m.delivery.data)),
        );
        requeue(&msgs).await?;
    }
    amqp::close(&ch, &conn).await;
    Ok(out)
}

/// Send matching dead messages back to their work queue; returns how many.
pub async fn replay(
    settings: &Settings,
    which: Option<&str>,
    sel: &Selection,
) -> anyhow::Result<u64> {
    let (conn, ch, topology) = open(settings).await?;
    let mut sent = 0u64;
    let limit = sel.limit.unwrap_or(usize::MAX);
    for q in queues(&topology, which)? {
        let (exchange, rk) = if q == topology.dlq_of(&topology.parse_queue()) {
            // To the parse queue only: the stream has the page already.
            (topology.pages_exchange(), RK_REPLAY)
        } else {
            (topology.articles_exchange(), RK_ARTICLE)
        };
        let mut skipped = Vec::new();
        loop {
            if sent as usize >= limit {
                break;
            }
            let Some(m) = ch
                .basic_get(q.as_str().into(), BasicGetOptions { no_ack: false })
                .await?
            else {
                break;
            };
            let dead = DeadMessage::from(&q, &m.delivery.properties, &m.delivery.data);
            if !sel.matches(&dead) {
                skipped.push(m);
                continue;
            }
            let mut table = m.delivery.properties.headers().clone().unwrap_or_default();
            table.insert(
                ShortString::from(headers::DEAD_LETTER_COUNT),
                AMQPValue::LongString((dead.dead_letter_rounds + 1).to_string().into()),
            );
            let props = m.delivery.properties.clone().with_headers(table);
            amqp::publish_confirmed(
                &ch,
                &exchange,
                rk,
                &m.delivery.data,
                props,
                settings.amqp.confirm_timeout(),
            )
            .await
            .context("re-publishing a dead letter")?;
            m.delivery.acker.ack(BasicAckOptions::default()).await?;
            sent += 1;
            tracing::info!(queue = %q, message_id = ?dead.message_id, url = ?dead.url, kind = ?dead.kind, "Dead letter sent back");
        }
        requeue(&skipped).await?;
    }
    amqp::close(&ch, &conn).await;
    Ok(sent)
}

/// Drop every message of the selected dead-letter queues; returns how many.
pub async fn purge(settings: &Settings, which: Option<&str>) -> anyhow::Result<u64> {
    let (conn, ch, topology) = open(settings).await?;
    let mut purged = 0u64;
    for q in queues(&topology, which)? {
        let n = ch
            .queue_purge(q.as_str().into(), QueuePurgeOptions::default())
            .await?;
        tracing::warn!(queue = %q, purged = n, "Dead letters purged");
        purged += u64::from(n);
    }
    amqp::close(&ch, &conn).await;
    Ok(purged)
}
