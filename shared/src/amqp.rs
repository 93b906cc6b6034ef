//! Broker plumbing: connecting with backoff, confirmed publishing, dead-lettering.
//!
//! Business logic never sees a channel: services hand this module bytes and a routing
//! decision, and get back an outcome.

use std::time::Duration;

use chrono::Utc;
use lapin::options::{BasicPublishOptions, BasicQosOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Confirmation, Connection, ConnectionProperties};
use secrecy::ExposeSecret;
use tokio_util::sync::CancellationToken;

use crate::config::{AmqpSettings, redact_url};
use crate::topology::Topology;

/// Header names newsflow sets on its messages.
pub mod headers {
    /// The page's source name, so replay can filter without decoding the body.
    pub const SOURCE: &str = "x-newsflow-source";
    /// The page's final URL.
    pub const URL: &str = "x-newsflow-url";
    /// Why the message was dead-lettered (human readable).
    pub const REASON: &str = "x-newsflow-reason";
    /// Machine-readable failure kind: `decode_error`, `unknown_schema_version`, ...
    pub const ERROR_KIND: &str = "x-newsflow-error-kind";
    /// When the message first failed (RFC 3339), kept across dead-letter replays.
    pub const FIRST_FAILED_AT: &str = "x-newsflow-first-failed-at";
    /// When the message last failed (RFC 3339).
    pub const FAILED_AT: &str = "x-newsflow-failed-at";
    /// Which service dead-lettered it.
    pub const FAILED_BY: &str = "x-newsflow-failed-by";
    /// The queue the message was consumed from.
    pub const ORIGIN_QUEUE: &str = "x-newsflow-origin-queue";
    /// Times it was dead-lettered and sent back.
    pub const DEAD_LETTER_COUNT: &str = "x-newsflow-dead-letter-count";
}

/// Connect, retrying with exponential backoff (and jitter) until it works or `shutdown`
/// fires. Every failure is logged with the redacted URL and the next delay.
pub async fn connect(
    settings: &AmqpSettings,
    name: &str,
    shutdown: &CancellationToken,
) -> Option<Connection> {
    let url = settings.url.expose_secret().to_string();
    let shown = redact_url(&settings.url);
    let mut delay = Duration::from_millis(250);
    let mut attempt = 1u32;
    loop {
        // The prefix in the name tells deployments apart in `rabbitmqctl list_connections`.
        let props = ConnectionProperties::default()
            .with_connection_name(format!("{name} [{}]", settings.prefix).into());
        let err = tokio::select! {
            r = Connection::connect(&url, props) => match r {
                Ok(conn) => {
                    tracing::info!(broker = %shown, attempt, "Connected to RabbitMQ");
                    return Some(conn);
                }
                Err(e) => e,
            },
            _ = shutdown.cancelled() => return None,
        };
        tracing::warn!(broker = %shown, attempt, error = %err, retry_in_ms = delay.as_millis() as u64, "RabbitMQ unreachable; retrying");
        tokio::select! {
            _ = tokio::time::sleep(jitter(delay)) => {}
            _ = shutdown.cancelled() => return None,
        }
        delay = (delay * 2).min(settings.max_backoff());
        attempt += 1;
    }
}

/// `d` give or take 20%, so a fleet of restarted services does not reconnect in lockstep.
pub fn jitter(d: Duration) -> Duration {
    let factor = 0.8 + rand::random::<f64>() * 0.4;
    d.mul_f64(factor)
}

/// Open a channel with publisher confirms on, the topology declared, and `prefetch` set.
pub async fn open_channel(
    conn: &Connection,
    topology: &Topology,
    prefetch: u16,
) -> anyhow::Result<Channel> {
    use anyhow::Context as _;
    let ch = conn.create_channel().await.context("opening a channel")?;
    ch.confirm_select(ConfirmSelectOptions::default())
        .await
        .context("enabling publisher confirms")?;
    ch.basic_qos(prefetch, BasicQosOptions::default())
        .await
        .context("setting prefetch")?;
    topology.declare(&ch).await?;
    Ok(ch)
}

/// A publish that did not make it.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("broker refused the message (nack)")]
    Nacked,
    #[error("message was unroutable: {0}")]
    Returned(String),
    #[error("no confirm within {0:?}")]
    Timeout(Duration),
    #[error("channel error: {0}")]
    Channel(#[from] lapin::Error),
}

/// Publish persistently and mandatorily, and wait for the broker's confirm. `Ok` means the
/// message is in every queue it routes to; anything else is an error for the caller to
/// retry or surface, never to ignore.
pub async fn publish_confirmed(
    ch: &Channel,
    exchange: &str,
    routing_key: &str,
    payload: &[u8],
    properties: BasicProperties,
    timeout: Duration,
) -> Result<(), PublishError> {
    let properties = properties.with_delivery_mode(2);
    let confirm = ch
        .basic_publish(
            exchange.into(),
            routing_key.into(),
            BasicPublishOptions {
                mandatory: true,
                ..BasicPublishOptions::default()
            },
            payload,
            properties,
        )
        .await?;
    let confirmation = tokio::time::timeout(timeout, confirm)
        .await
        .map_err(|_| PublishError::Timeout(timeout))??;
    match confirmation {
        Confirmation::Ack(None) | Confirmation::NotRequested => Ok(()),
        Confirmation::Ack(Some(returned)) => Err(PublishError::Returned(format!(
            "{} {}",
            returned.reply_code, returned.reply_text
        ))),
        Confirmation::Nack(_) => Err(PublishError::Nacked),
    }
}

/// Properties for a JSON message of newsflow's.
pub fn json_properties(
    message_type: &str,
    message_id: &str,
    headers: FieldTable,
) -> BasicProperties {
    BasicProperties::default()
        .with_content_type("application/json".into())
        .with_type(message_type.into())
        .with_message_id(message_id.into())
        .with_timestamp(Utc::now().timestamp().max(0) as u64)
        .with_headers(headers)
}

/// Build a header table from string pairs.
pub fn string_headers<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> FieldTable {
    let mut t = FieldTable::default();
    for (k, v) in pairs {
        t.insert(k.into(), AMQPValue::LongString(LongString::from(v)));
    }
    t
}

/// A header's value as text, whatever AMQP type it was sent as.
pub fn header_str(props: &BasicProperties, name: &str) -> Option<String> {
    let table = props.headers().as_ref()?;
    value_str(table.inner().get(name)?)
}

fn value_str(v: &AMQPValue) -> Option<String> {
    match v {
        AMQPValue::LongString(s) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
        AMQPValue::ShortString(s) => Some(s.as_str().to_string()),
        AMQPValue::LongLongInt(n) => Some(n.to_string()),
        AMQPValue::LongInt(n) => Some(n.to_string()),
        AMQPValue::LongUInt(n) => Some(n.to_string()),
        AMQPValue::ShortInt(n) => Some(n.to_string()),
        AMQPValue::Timestamp(n) => Some(n.to_string()),
        _ => None,
    }
}

/// How many times RabbitMQ has delivered this message (quorum queues count it).
pub fn delivery_count(props: &BasicProperties) -> u64 {
    header_str(props, "x-delivery-count")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Why a message is being dead-lettered by a service (as opposed to by the broker's
/// delivery limit).
#[derive(Debug, Clone)]
pub struct DeadLetter<'a> {
    /// Machine-readable kind: `decode_error`, `unknown_schema_version`, `extraction_error:…`
    pub kind: &'a str,
    pub reason: &'a str,
    /// The service that gave up on it.
    pub service: &'a str,
}

/// Send a consumed message to the dead-letter queue of `work_queue`, with the reason in its
/// headers and the original body and properties intact. Confirmed: the caller acks the
/// original only after this returns `Ok`, so nothing is lost in between.
pub async fn dead_letter(
    ch: &Channel,
    topology: &Topology,
    work_queue: &str,
    original: &BasicProperties,
    body: &[u8],
    why: &DeadLetter<'_>,
    timeout: Duration,
) -> Result<(), PublishError> {
    let now = Utc::now().to_rfc3339();
    let mut table = original.headers().clone().unwrap_or_default();
    let first = header_str(original, headers::FIRST_FAILED_AT).unwrap_or_else(|| now.clone());
    for (k, v) in [
        (headers::REASON, why.reason),
        (headers::ERROR_KIND, why.kind),
        (headers::FAILED_AT, now.as_str()),
        (headers::FIRST_FAILED_AT, first.as_str()),
        (headers::FAILED_BY, why.service),
        (headers::ORIGIN_QUEUE, work_queue),
    ] {
        table.insert(ShortString::from(k), AMQPValue::LongString(v.into()));
    }
    let props = original.clone().with_headers(table);
    let dlq = topology.dlq_of(work_queue);
    publish_confirmed(
        ch,
        &topology.dead_letter_exchange(),
        &dlq,
        body,
        props,
        timeout,
    )
    .await
}

/// Publish a raw page to the pages exchange (live: to the parse queue and the stream;
/// with [`crate::topology::RK_REPLAY`]: to the parse queue only), confirmed.
pub async fn publish_page(
    ch: &Channel,
    topology: &Topology,
    page: &crate::messages::RawPage,
    routing_key: &str,
    timeout: Duration,
) -> Result<(), PublishError> {
    let headers = string_headers([
        (headers::SOURCE, page.source.as_str()),
        (headers::URL, page.final_url.as_str()),
    ]);
    let props = json_properties(
        crate::messages::RAW_PAGE_TYPE,
        &page.page_id.to_string(),
        headers,
    );
    let payload = crate::messages::encode(page);
    publish_confirmed(
        ch,
        &topology.pages_exchange(),
        routing_key,
        &payload,
        props,
        timeout,
    )
    .await
}

/// Publish an article event to the articles exchange, confirmed.
pub async fn publish_article_event(
    ch: &Channel,
    topology: &Topology,
    event: &crate::messages::ArticleEvent,
    timeout: Duration,
) -> Result<(), PublishError> {
    let headers = string_headers([
        (headers::SOURCE, event.source.as_str()),
        (headers::URL, event.url.as_str()),
    ]);
    let props = json_properties(
        crate::messages::ARTICLE_EVENT_TYPE,
        &event.page_id.to_string(),
        headers,
    );
    let payload = crate::messages::encode(event);
    publish_confirmed(
        ch,
        &topology.articles_exchange(),
        crate::topology::RK_ARTICLE,
        &payload,
        props,
        timeout,
    )
    .await
}

/// Run broker sessions until one ends cleanly (a graceful stop) or `shutdown` fires.
///
/// Each session gets a fresh connection. When a session fails (the connection dropped, a
/// channel closed, a publish could not be confirmed) it is logged and a new one starts after
/// a backoff; the broker redelivers whatever the old session had not acknowledged, so
/// nothing is lost and consumers must be idempotent (they are).
pub async fn with_reconnect<F, Fut>(
    settings: &AmqpSettings,
    name: &str,
    shutdown: &CancellationToken,
    mut session: F,
) -> anyhow::Result<()>
where
    F: FnMut(Connection) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let mut delay = Duration::from_millis(250);
    loop {
        let Some(conn) = connect(settings, name, shutdown).await else {
            return Ok(());
        };
        let started = std::time::Instant::now();
        match session(conn).await {
            Ok(()) => return Ok(()),
            Err(_) if shutdown.is_cancelled() => return Ok(()),
            Err(e) => {
                tracing::warn!(service = name, error = %format!("{e:#}"), "Broker session failed; reconnecting")
            }
        }
        if started.elapsed() > Duration::from_secs(30) {
            delay = Duration::from_millis(250);
        }
        tokio::select! {
            _ = tokio::time::sleep(jitter(delay)) => {}
            _ = shutdown.cancelled() => return Ok(()),
        }
        delay = (delay * 2).min(settings.max_backoff());
    }
}

/// `(messages ready, consumers)` of a queue that must exist (a passive declare).
pub async fn queue_counts(ch: &Channel, queue: &str) -> Result<(u32, u32), lapin::Error> {
    let q = ch
        .queue_declare(
            queue.into(),
            lapin::options::QueueDeclareOptions {
                passive: true,
                ..Default::default()
            },
            FieldTable::default(),
        )
        .await?;
    Ok((q.message_count(), q.consumer_count()))
}

/// Close a channel and its connection, ignoring errors: used on the way out.
pub async fn close(ch: &Channel, conn: &Connection) {
    ch.close(200, "shutdown".into()).await.ok();
    conn.close(200, "shutdown".into()).await.ok();
}
