//! `newsflow status`: queues, dead letters, the replay log and the database at a glance,
//! with an exit code a probe can use.

use std::time::Duration;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use futures_util::StreamExt as _;
use lapin::options::{BasicAckOptions, BasicCancelOptions, BasicConsumeOptions};
use lapin::types::{AMQPValue, FieldTable};
use newsflow_shared::amqp;
use newsflow_shared::config::Settings;
use newsflow_shared::topology::Topology;

#[derive(Debug, Clone, serde::Serialize)]
pub struct QueueStatus {
    pub name: String,
    pub role: &'static str,
    pub depth: u32,
    pub consumers: u32,
    /// Change in depth per second over the sample window (positive: growing).
    pub net_rate: f64,
    /// From the management API when it is reachable.
    pub publish_rate: Option<f64>,
    pub deliver_rate: Option<f64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct StreamStatus {
    pub name: String,
    pub first_offset: Option<i64>,
    pub first_time: Option<DateTime<Utc>>,
    pub last_offset: Option<i64>,
    pub last_time: Option<DateTime<Utc>>,
    pub messages: Option<i64>,
    pub bytes: Option<u64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DbStatus {
    pub articles: i64,
    pub newswire_items: i64,
    pub pages: i64,
    pub latest_published_at: Option<DateTime<Utc>>,
    pub latest_stored_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Status {
    pub queues: Vec<QueueStatus>,
    pub stream: Option<StreamStatus>,
    pub database: Option<DbStatus>,
    /// Empty when healthy.
    pub problems: Vec<String>,
}

/// Gather the status, sampling queue depths `sample` apart.
pub async fn gather(settings: &Settings, sample: Duration, management_url: Option<&str>) -> Status {
    let mut status = Status::default();
    match broker(settings, sample, management_url).await {
        Ok((queues, stream)) => {
            for q in &queues {
                if q.role == "work" && q.consumers == 0 {
                    status.problems.push(format!("{} has no consumers", q.name));
                }
                if q.role == "dead-letter" && q.net_rate > 0.0 {
                    status.problems.push(format!(
                        "dead letters rising in {} ({} now)",
                        q.name, q.depth
                    ));
                }
            }
            status.queues = queues;
            status.stream = Some(stream);
        }
        Err(e) => status.problems.push(format!("RabbitMQ: {e:#}")),
    }
    match database(settings).await {
        Ok(db) => status.database = Some(db),
        Err(e) => status.problems.push(format!("PostgreSQL: {e:#}")),
    }
    status
}

async fn broker(
    settings: &Settings,
    sample: Duration,
    management_url: Option<&str>,
) -> anyhow::Result<(Vec<QueueStatus>, StreamStatus)> {
    let topology = Topology::new(&settings.amqp);
    let never = tokio_util::sync::CancellationToken::new();
    let conn = tokio::time::timeout(
        Duration::from_secs(10),
        amqp::connect(&settings.amqp, "newsflow-status", &never),
    )
    .await
    .ok()
    .flatten()
    .context("unreachable")?;
    let ch = conn.create_channel().await?;
    ch.basic_qos(100, Default::default()).await?;
    let mut names: Vec<(String, &'static str)> = Vec::new();
    for (work, dlq) in topology.work_queues() {
        names.push((work, "work"));
        names.push((dlq, "dead-letter"));
    }
    let mut first = Vec::new();
    for (name, _) in &names {
        first.push(declare_passive(&ch, name).await?);
    }
    tokio::time::sleep(sample).await;
    let mut queues = Vec::new();
    for ((name, role), before) in names.into_iter().zip(first) {
        let now = declare_passive(&ch, &name).await?;
        let (publish_rate, deliver_rate) = match management_url {
            Some(url) => management_rates(url, settings, &name)
                .await
                .unwrap_or((None, None)),
            None => (None, None),
        };
        queues.push(QueueStatus {
            role,
            depth: now.0,
            consumers: now.1,
            net_rate: (f64::from(now.0) - f64::from(before.0)) / sample.as_secs_f64().max(1e-9),
            publish_rate,
            deliver_rate,
            name,
        });
    }
    let stream = stream_status(&ch, &topology.page_log()).await?;
    amqp::close(&ch, &conn).await;
    Ok((queues, stream))
}

async fn declare_passive(ch: &lapin::Channel, name: &str) -> anyhow::Result<(u32, u32)> {
    amqp::queue_counts(ch, name)
        .await
        .with_context(|| format!("queue {name} does not exist (no service has started yet?)"))
}

/// First and last offsets and times of the stream, by reading its first and last chunk.
async fn stream_status(ch: &lapin::Channel, name: &str) -> anyhow::Result<StreamStatus> {
    let read = |offset: &'static str, only_one: bool| async move {
        let mut args = FieldTable::default();
        args.insert(
            "x-stream-offset".into(),
            AMQPValue::LongString(offset.into()),
        );
        let tag = format!("newsflow-status-{}", uuid::Uuid::new_v4().simple());
        let mut consumer = ch
            .basic_consume(
                name.into(),
                tag.as_str().into(),
                BasicConsumeOptions::default(),
                args,
            )
            .await?;
        let mut seen: Option<(Option<i64>, Option<DateTime<Utc>>)> = None;
        // "first" needs one message; "last" delivers the last chunk, read until quiet.
        while let Ok(Some(Ok(d))) =
            tokio::time::timeout(Duration::from_millis(700), consumer.next()).await
        {
            d.acker.ack(BasicAckOptions::default()).await?;
            let offset =
                amqp::header_str(&d.properties, "x-stream-offset").and_then(|s| s.parse().ok());
            let time = d
                .properties
                .timestamp()
                .and_then(|t| DateTime::from_timestamp(i64::try_from(t).ok()?, 0));
            seen = Some((offset, time));
            if only_one {
                break;
            }
        }
        ch.basic_cancel(tag.as_str().into(), BasicCancelOptions::default())
            .await
            .ok();
        anyhow::Ok(seen)
    };
    let first = read("first", true).await?;
    let last = read("last", false).await?;
    let mut s = StreamStatus {
        name: name.to_string(),
        ..Default::default()
    };
    if let Some((o, t)) = first {
        s.first_offset = o;
        s.first_time = t;
    }
    if let Some((o, t)) = last {
        s.last_offset = o;
        s.last_time = t;
    }
    if let (Some(a), Some(b)) = (s.first_offset, s.last_offset) {
        s.messages = Some(b - a + 1);
    }
    Ok(s)
}

async fn management_rates(
    base: &str,
    settings: &Settings,
    queue: &str,
) -> anyhow::Result<(Option<f64>, Option<f64>)> {
    use secrecy::ExposeSecret as _;
    let amqp_url = url::Url::parse(settings.amqp.url.expose_secret())?;
    let vhost = match amqp_url.path().trim_start_matches('/') {
        "" => "%2F".to_string(),
        v => v.to_string(),
    };
    let user = if amqp_url.username().is_empty() {
        "guest"
    } else {
        amqp_url.username()
    };
    let pass = amqp_url.password().unwrap_or("guest");
    let url = format!("{}/api/queues/{vhost}/{queue}", base.trim_end_matches('/'));
    let body: serde_json::Value = reqwest::Client::new()
        .get(url)
        .basic_auth(user, Some(pass))
        .timeout(Duration::from_secs(5))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let rate = |k: &str| body["message_stats"][k]["rate"].as_f64();
    Ok((rate("publish_details"), rate("deliver_get_details")))
}

async fn database(settings: &Settings) -> anyhow::Result<DbStatus> {
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(settings.database.connect_options()?)
        .await?;
    let row: (i64, Option<DateTime<Utc>>, Option<DateTime<Utc>>) =
        sqlx::query_as("SELECT count(*), max(published_at), max(updated_at) FROM articles")
            .fetch_one(&pool)
            .await?;
    let newswire: i64 = sqlx::query_scalar("SELECT count(*) FROM newswire_items")
        .fetch_one(&pool)
        .await?;
    let pages: i64 = sqlx::query_scalar("SELECT count(*) FROM parsed_pages")
        .fetch_one(&pool)
        .await?;
    pool.close().await;
    Ok(DbStatus {
        articles: row.0,
        latest_published_at: row.1,
        latest_stored_at: row.2,
        newswire_items: newswire,
        pages,
    })
}

/// The human table.
pub fn render(s: &Status) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<40} {:<12} {:>8} {:>9} {:>9} {:>9} {:>9}",
        "QUEUE", "ROLE", "DEPTH", "CONSUMERS", "NET/S", "PUBLISH/S", "DELIVER/S"
    );
    let opt = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.1}"));
    for q in &s.queues {
        let _ = writeln!(
            out,
            "{:<40} {:<12} {:>8} {:>9} {:>9.1} {:>9} {:>9}",
            q.name,
            q.role,
            q.depth,
            q.consumers,
            q.net_rate,
            opt(q.publish_rate),
            opt(q.deliver_rate)
        );
    }
    if let Some(st) = &s.stream {
        let t = |t: Option<DateTime<Utc>>| t.map_or("-".to_string(), |t| t.to_rfc3339());
        let o = |o: Option<i64>| o.map_or("-".to_string(), |o| o.to_string());
        let _ = writeln!(
            out,
            "\nreplay log {}: {} messages, offsets {}..{}, {} .. {}",
            st.name,
            st.messages.map_or("0".into(), |m| m.to_string()),
            o(st.first_offset),
            o(st.last_offset),
            t(st.first_time),
            t(st.last_time)
        );
    }
    if let Some(db) = &s.database {
        let _ = writeln!(
            out,
            "\ndatabase: {} articles, {} newswire items, {} pages; latest published {}, latest stored {}",
            db.articles,
            db.newswire_items,
            db.pages,
            db.latest_published_at
                .map_or("-".into(), |t| t.to_rfc3339()),
            db.latest_stored_at.map_or("-".into(), |t| t.to_rfc3339())
        );
    }
    if s.problems.is_empty() {
        let _ = writeln!(out, "\nhealthy");
    } else {
        let _ = writeln!(out, "\nPROBLEMS:");
        for p in &s.problems {
            let _ = writeln!(out, "  - {p}");
        }
    }
    out
}
