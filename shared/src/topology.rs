//! The RabbitMQ topology, declared in exactly one place.
//!
//! ```text
//!  scraper ──page──▶ {p}.pages (direct) ──page──▶ {p}.pages.log    (stream: the replay log)
//!                         │  ▲                 └──▶ {p}.pages.parse  (quorum) ──▶ parser
//!  newsflow replay ─replay┘  │                                   │ dead letters
//!                                                                ▼
//!  parser ──article──▶ {p}.articles (direct) ──▶ {p}.articles.store (quorum) ──▶ storage
//!                                                        │ dead letters
//!  {p}.dlx (direct) ──▶ {p}.pages.parse.dlq, {p}.articles.store.dlq (quorum)
//! ```
//!
//! Work queues are quorum queues with a delivery limit and a dead-letter exchange, so a
//! message that keeps crashing its consumer ends in the dead-letter queue rather than in an
//! endless redelivery loop. Declaring is idempotent; declaring with *different* arguments
//! (a changed retention, say) is refused by the broker, and [`Topology::declare`] says so.
//!
//! # Streams that are not ready yet
//!
//! RabbitMQ 3.10 answers `queue.declare` of a stream that another client is still creating
//! (two services starting together) at once, before the stream has a writer. A publish routed
//! to it then crashes the publishing channel (`osiris_writer:write(none, ...)` in the broker
//! log) and the broker closes the whole connection with `INTERNAL_ERROR`. A passive declare
//! cannot tell: it answers the same before and after. So [`Topology::declare`] ends by waiting,
//! at most [`STREAM_READY_TIMEOUT`], until each stream takes a consumer (see
//! [`Topology::wait_for_streams`]), which it does only once its writer runs.

use std::time::{Duration, Instant};

use lapin::options::{
    BasicConsumeOptions, BasicQosOptions, ExchangeDeclareOptions, QueueBindOptions,
    QueueDeclareOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString};
use lapin::{Channel, Connection, ConnectionProperties, ExchangeKind};
use secrecy::{ExposeSecret, SecretString};

use crate::config::AmqpSettings;

/// Routing key of live raw pages (to the parse queue and the stream).
pub const RK_PAGE: &str = "page";
/// Routing key of replayed raw pages (to the parse queue only: the stream has them already).
pub const RK_REPLAY: &str = "replay";
/// Routing key of article events.
pub const RK_ARTICLE: &str = "article";

/// How long [`Topology::declare`] waits for a declared stream to accept publishes.
pub const STREAM_READY_TIMEOUT: Duration = Duration::from_secs(5);

/// Names and arguments of every exchange and queue of one deployment.
#[derive(Debug, Clone)]
pub struct Topology {
    /// The broker, for the short-lived connection that checks streams are ready.
    url: SecretString,
    prefix: String,
    delivery_limit: u32,
    stream_max_age: String,
    stream_max_bytes: u64,
    stream_segment_bytes: u64,
}

impl Topology {
    pub fn new(settings: &AmqpSettings) -> Self {
        Topology {
            url: settings.url.clone(),
            prefix: settings.prefix.clone(),
            delivery_limit: settings.delivery_limit,
            stream_max_age: settings.stream_max_age.clone(),
            stream_max_bytes: settings.stream_max_bytes,
            stream_segment_bytes: settings.stream_segment_bytes,
        }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }
    pub fn pages_exchange(&self) -> String {
        format!("{}.pages", self.prefix)
    }
    pub fn parse_queue(&self) -> String {
        format!("{}.pages.parse", self.prefix)
    }
    pub fn page_log(&self) -> String {
        format!("{}.pages.log", self.prefix)
    }
    pub fn articles_exchange(&self) -> String {
        format!("{}.articles", self.prefix)
    }
    pub fn store_queue(&self) -> String {
        format!("{}.articles.store", self.prefix)
    }
    pub fn dead_letter_exchange(&self) -> String {
        format!("{}.dlx", self.prefix)
    }
    /// The dead-letter queue of a work queue; also its routing key on the DLX.
    pub fn dlq_of(&self, work_queue: &str) -> String {
        format!("{work_queue}.dlq")
    }
    /// Every work queue with its dead-letter queue.
    pub fn work_queues(&self) -> [(String, String); 2] {
        [self.parse_queue(), self.store_queue()].map(|q| {
            let dlq = self.dlq_of(&q);
            (q, dlq)
        })
    }

    /// Every stream queue (publishes reach them through exchanges).
    pub fn streams(&self) -> [String; 1] {
        [self.page_log()]
    }

    /// Declare everything, and return once every stream accepts publishes (at most
    /// [`STREAM_READY_TIMEOUT`] later; past that with a warning). Safe to call again with
    /// the same settings.
    pub async fn declare(&self, ch: &Channel) -> Result<(), TopologyError> {
        let durable = ExchangeDeclareOptions {
            durable: true,
            ..ExchangeDeclareOptions::default()
        };
        for ex in [
            self.pages_exchange(),
            self.articles_exchange(),
            self.dead_letter_exchange(),
        ] {
            ch.exchange_declare(
                ex.as_str().into(),
                ExchangeKind::Direct,
                durable,
                FieldTable::default(),
            )
            .await
            .map_err(|e| TopologyError::new(&ex, e))?;
        }

        for (work, dlq) in self.work_queues() {
            self.queue(ch, &dlq, quorum_args()).await?;
            self.bind(ch, &dlq, &self.dead_letter_exchange(), &dlq)
                .await?;
            let mut args = quorum_args();
            args.insert(
                "x-delivery-limit".into(),
                AMQPValue::LongLongInt(i64::from(self.delivery_limit)),
            );
            args.insert(
                "x-dead-letter-exchange".into(),
                long_str(&self.dead_letter_exchange()),
            );
            args.insert("x-dead-letter-routing-key".into(), long_str(&dlq));
            self.queue(ch, &work, args).await?;
        }
        let parse = self.parse_queue();
        self.bind(ch, &parse, &self.pages_exchange(), RK_PAGE)
            .await?;
        self.bind(ch, &parse, &self.pages_exchange(), RK_REPLAY)
            .await?;
        self.bind(
            ch,
            &self.store_queue(),
            &self.articles_exchange(),
            RK_ARTICLE,
        )
        .await?;

        let mut stream = FieldTable::default();
        stream.insert("x-queue-type".into(), long_str("stream"));
        stream.insert("x-max-age".into(), long_str(&self.stream_max_age));
        stream.insert(
            "x-max-length-bytes".into(),
            AMQPValue::LongLongInt(i64::try_from(self.stream_max_bytes).unwrap_or(i64::MAX)),
        );
        stream.insert(
            "x-stream-max-segment-size-bytes".into(),
            AMQPValue::LongLongInt(i64::try_from(self.stream_segment_bytes).unwrap_or(i64::MAX)),
        );
        let log = self.page_log();
        self.queue(ch, &log, stream).await?;
        self.bind(ch, &log, &self.pages_exchange(), RK_PAGE).await?;

        // Not fatal: on a cluster whose streams have no member on the node we talk to, the
        // check never passes though publishing works; a publish that does meet a stream not
        // yet ready fails its session, which starts again on a new connection.
        if let Err(e) = self
            .wait_for_streams(&self.streams(), STREAM_READY_TIMEOUT)
            .await
        {
            tracing::warn!(error = %e, "Streams declared but not seen ready; going on");
        }
        Ok(())
    }

    /// Wait until each of `streams` (declared already) can take a publish, or fail after
    /// `timeout`.
    ///
    /// A stream is ready once it takes a consumer: `basic.consume` checks that the stream has
    /// a running member on the node, which a new stream has only once its writer runs; before
    /// that it is refused (`PRECONDITION_FAILED ... does not have a replica on the local
    /// node`), or, earlier still, the broker closes the connection (`INTERNAL_ERROR`, the
    /// stream unknown to its coordinator). Hence the check runs on a connection of its own,
    /// never the caller's, and starts again on a fresh one when it is closed. The probing
    /// consumer starts at the stream's end (`next`), is never acknowledged, and is gone with
    /// its channel: nothing is written to the stream and nothing is removed from it.
    pub async fn wait_for_streams(
        &self,
        streams: &[String],
        timeout: Duration,
    ) -> Result<(), TopologyError> {
        let started = Instant::now();
        let deadline = started + timeout;
        let mut conn: Option<Connection> = None;
        let mut outcome = Ok(());
        'streams: for stream in streams {
            let mut delay = Duration::from_millis(5);
            let mut attempts = 0u32;
            loop {
                attempts += 1;
                let left = deadline.saturating_duration_since(Instant::now());
                let checked = tokio::time::timeout(left, self.stream_ready(&mut conn, stream))
                    .await
                    .unwrap_or_else(|_| Err(format!("no answer within {timeout:?}")));
                let last = match checked {
                    Ok(()) => {
                        tracing::debug!(stream = %stream, attempts, waited_ms = started.elapsed().as_millis() as u64, "Stream ready");
                        break;
                    }
                    Err(e) => e,
                };
                if Instant::now() + delay >= deadline {
                    outcome = Err(TopologyError::StreamNotReady {
                        name: stream.clone(),
                        timeout,
                        attempts,
                        last,
                    });
                    break 'streams;
                }
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_millis(100));
            }
        }
        if let Some(conn) = conn {
            conn.close(200, "streams ready".into()).await.ok();
        }
        outcome
    }

    /// One readiness check of `stream`, on `conn` (opened, or opened again when the broker
    /// closed it). `Err` says why it is not ready, or why the check could not run.
    async fn stream_ready(
        &self,
        conn: &mut Option<Connection>,
        stream: &str,
    ) -> Result<(), String> {
        let open = match conn.take() {
            Some(c) if c.status().connected() => c,
            _ => {
                let props = ConnectionProperties::default().with_connection_name(
                    format!("newsflow stream readiness check [{}]", self.prefix).into(),
                );
                Connection::connect(self.url.expose_secret(), props)
                    .await
                    .map_err(|e| format!("connecting: {e}"))?
            }
        };
        let conn = conn.insert(open);
        let ch = conn.create_channel().await.map_err(|e| e.to_string())?;
        // Streams refuse a consumer without a prefetch.
        ch.basic_qos(1, BasicQosOptions::default())
            .await
            .map_err(|e| e.to_string())?;
        let mut args = FieldTable::default();
        args.insert("x-stream-offset".into(), long_str("next"));
        let consumed = ch
            .basic_consume(
                stream.into(),
                "newsflow-stream-readiness-check".into(),
                BasicConsumeOptions::default(),
                args,
            )
            .await;
        match consumed {
            Ok(_consumer) => {
                // Closing the channel cancels the consumer.
                ch.close(200, "ready".into()).await.ok();
                Ok(())
            }
            // The broker has closed the channel (or the connection) already.
            Err(e) => Err(e.to_string()),
        }
    }

    /// Delete everything this topology declares (tests clean up with it).
    pub async fn delete(&self, ch: &Channel) -> Result<(), lapin::Error> {
        use lapin::options::{ExchangeDeleteOptions, QueueDeleteOptions};
        let mut queues = vec![self.page_log()];
        for (w, d) in self.work_queues() {
            queues.push(w);
            queues.push(d);
        }
        for q in queues {
            ch.queue_delete(q.as_str().into(), QueueDeleteOptions::default())
                .await?;
        }
        for ex in [
            self.pages_exchange(),
            self.articles_exchange(),
            self.dead_letter_exchange(),
        ] {
            ch.exchange_delete(ex.as_str().into(), ExchangeDeleteOptions::default())
                .await?;
        }
        Ok(())
    }

    async fn queue(&self, ch: &Channel, name: &str, args: FieldTable) -> Result<(), TopologyError> {
        ch.queue_declare(
            name.into(),
            QueueDeclareOptions {
                durable: true,
                ..QueueDeclareOptions::default()
            },
            args,
        )
        .await
        .map(|_| ())
        .map_err(|e| TopologyError::new(name, e))
    }

    async fn bind(
        &self,
        ch: &Channel,
        queue: &str,
        exchange: &str,
        key: &str,
    ) -> Result<(), TopologyError> {
        ch.queue_bind(
            queue.into(),
            exchange.into(),
            key.into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(|e| TopologyError::new(queue, e))
    }
}

fn quorum_args() -> FieldTable {
    let mut args = FieldTable::default();
    args.insert("x-queue-type".into(), long_str("quorum"));
    args
}

fn long_str(s: &str) -> AMQPValue {
    AMQPValue::LongString(LongString::from(s))
}

/// Declaring the topology failed.
#[derive(Debug, thiserror::Error)]
pub enum TopologyError {
    /// Declaring `name` failed. A `PRECONDITION_FAILED` means it exists with other arguments.
    #[error("declaring {name}: {source}{hint}")]
    Declare {
        name: String,
        hint: &'static str,
        #[source]
        source: lapin::Error,
    },
    /// The stream `name` is declared but did not become ready to take publishes in time.
    #[error(
        "stream {name} is declared but did not accept publishes within {timeout:?} \
         ({attempts} checks; last: {last}); publishing to it now could crash the channel \
         (RabbitMQ 3.10 new-stream race). In a cluster, connect to a node with a replica of it"
    )]
    StreamNotReady {
        name: String,
        timeout: Duration,
        attempts: u32,
        last: String,
    },
}

impl TopologyError {
    fn new(name: &str, source: lapin::Error) -> Self {
        let hint = if source.to_string().contains("PRECONDITION_FAILED") {
            " (it exists with other arguments: change them with a RabbitMQ policy, or delete it)"
        } else {
            ""
        };
        TopologyError::Declare {
            name: name.to_string(),
            hint,
            source,
        }
    }
}
