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

use lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable, LongString};
use lapin::{Channel, ExchangeKind};

use crate::config::AmqpSettings;

/// Routing key of live raw pages (to the parse queue and the stream).
pub const RK_PAGE: &str = "page";
/// Routing key of replayed raw pages (to the parse queue only: the stream has them already).
pub const RK_REPLAY: &str = "replay";
/// Routing key of article events.
pub const RK_ARTICLE: &str = "article";

/// Names and arguments of every exchange and queue of one deployment.
#[derive(Debug, Clone)]
pub struct Topology {
    prefix: String,
    delivery_limit: u32,
    stream_max_age: String,
    stream_max_bytes: u64,
    stream_segment_bytes: u64,
}

impl Topology {
    pub fn new(settings: &AmqpSettings) -> Self {
        Topology {
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

    /// Declare everything. Safe to call again with the same settings.
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
        Ok(())
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

/// Declaring `name` failed. A `PRECONDITION_FAILED` means it exists with other arguments.
#[derive(Debug, thiserror::Error)]
#[error("declaring {name}: {source}{hint}")]
pub struct TopologyError {
    name: String,
    hint: &'static str,
    #[source]
    source: lapin::Error,
}

impl TopologyError {
    fn new(name: &str, source: lapin::Error) -> Self {
        let hint = if source.to_string().contains("PRECONDITION_FAILED") {
            " (it exists with other arguments: change them with a RabbitMQ policy, or delete it)"
        } else {
            ""
        };
        TopologyError {
            name: name.to_string(),
            hint,
            source,
        }
    }
}
