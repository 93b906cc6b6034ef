//! `newsflow replay`: send pages already fetched back to the parser, from the raw-page
//! stream, without fetching anything again.
//!
//! The stream is read from the first chunk at or after `--since` (RabbitMQ's timestamp
//! offset); each page published in the window that passes the filters is re-published to
//! the parse queue only (routing key `replay`), marked as a replay. Storage is idempotent
//! and keeps the newest parser version, so running a replay twice, or after an interrupted
//! one, does no harm. Pages older than the stream's retention are reported as out of reach.

use std::io::IsTerminal as _;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use futures_util::StreamExt as _;
use lapin::options::{BasicAckOptions, BasicCancelOptions, BasicConsumeOptions};
use lapin::types::{AMQPValue, FieldTable};
use newsflow_shared::amqp::{self, headers};
use newsflow_shared::config::Settings;
use newsflow_shared::messages::{self, RawPage, ReplayMark};
use newsflow_shared::topology::{RK_REPLAY, Topology};

/// Which pages to replay.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
    pub source: Option<String>,
    pub url_prefix: Option<String>,
}

impl Filter {
    /// Does a logged page (publish time, source and URL headers) match?
    pub fn matches(
        &self,
        published: DateTime<Utc>,
        source: Option<&str>,
        url: Option<&str>,
    ) -> bool {
        published >= self.since
            && self.until.is_none_or(|u| published <= u)
            && self.source.as_deref().is_none_or(|s| source == Some(s))
            && self
                .url_prefix
                .as_deref()
                .is_none_or(|p| url.is_some_and(|u| u.starts_with(p)))
    }
}

/// `2026-01-15T04:00:00-05:00`, or a duration back from `now`: `90s`, `30m`, `2h`, `3d`, `1w`.
pub fn parse_time(s: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let s = s.trim();
    let (digits, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = digits
        .parse()
        .map_err(|_| format!("{s:?} is neither RFC 3339 nor a duration like 2h or 3d"))?;
    let secs = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => {
            return Err(format!(
                "{s:?}: unknown unit {unit:?} (use s, m, h, d or w)"
            ));
        }
    };
    Ok(now - chrono::Duration::seconds(n.saturating_mul(secs)))
}

/// Replay options beyond the filter.
#[derive(Debug, Clone)]
pub struct Options {
    pub dry_run: bool,
    /// Pages per second at most (0: no limit).
    pub rate: f64,
    /// Pause while the parse queue holds more than this many messages, so live pages are
    /// not stuck behind a long replay.
    pub max_backlog: u32,
    /// The stream is considered read to its end after this long without a message.
    pub idle: Duration,
}

/// What a replay did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    pub scanned: u64,
    pub matched: u64,
    pub replayed: u64,
    /// Logged messages that could not be decoded as pages (replayed as they are is pointless;
    /// they are counted and skipped).
    pub undecodable: u64,
    pub first_offset: Option<i64>,
    pub last_offset: Option<i64>,
    /// The oldest page the stream still holds.
    pub oldest_available: Option<DateTime<Utc>>,
    /// Set when `since` is older than the oldest page the stream holds.
    pub out_of_reach: Option<String>,
    pub seconds: f64,
}

fn header_i64(d: &lapin::message::Delivery, name: &str) -> Option<i64> {
    amqp::header_str(&d.properties, name).and_then(|s| s.parse().ok())
}

fn published_at(d: &lapin::message::Delivery) -> Option<DateTime<Utc>> {
    d.properties
        .timestamp()
        .and_then(|t| DateTime::from_timestamp(i64::try_from(t).ok()?, 0))
}

/// Run a replay against the configured broker.
pub async fn run(settings: &Settings, filter: &Filter, opts: &Options) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let topology = Topology::new(&settings.amqp);
    let never = tokio_util::sync::CancellationToken::new();
    let conn = amqp::connect(&settings.amqp, "newsflow-replay", &never)
        .await
        .context("connecting to RabbitMQ")?;
    let ch = amqp::open_channel(&conn, &topology, 200).await?;
    let log = topology.page_log();
    let mut summary = Summary::default();

    // The oldest page still held. Pages before it are out of reach when retention has
    // dropped segments (the first offset is no longer 0), and in any case pages older than
    // the configured maximum age.
    let retention = format!(
        "the stream keeps pages for {} and at most {} bytes",
        settings.amqp.stream_max_age, settings.amqp.stream_max_bytes
    );
    let oldest = first_message(&ch, &log, opts.idle).await?;
    summary.oldest_available = oldest.map(|o| o.1);
    let max_age = newsflow_shared::config::rabbit_duration(&settings.amqp.stream_max_age)
        .and_then(|d| chrono::Duration::from_std(d).ok());
    let horizon = max_age.map(|age| Utc::now() - age);
    let out_of_reach_before = match oldest {
        Some((offset, t)) if offset > 0 => Some(t),
        _ => horizon,
    };
    if let Some(t) = out_of_reach_before.filter(|t| filter.since < *t) {
        let msg = format!("pages fetched before {t} are out of reach: {retention}");
        tracing::warn!(oldest = %t, since = %filter.since, "{msg}");
        summary.out_of_reach = Some(msg);
    }
    if oldest.is_none() {
        tracing::info!(stream = %log, "The raw-page stream is empty: nothing to replay");
        amqp::close(&ch, &conn).await;
        summary.seconds = started.elapsed().as_secs_f64();
        return Ok(summary);
    }

    // Pages that arrive after the replay starts are live traffic: stop there.
    let end = filter.until.unwrap_or_else(Utc::now);
    let mut args = FieldTable::default();
    args.insert(
        "x-stream-offset".into(),
        AMQPValue::Timestamp(u64::try_from(filter.since.timestamp()).unwrap_or(0)),
    );
    let tag = format!("newsflow-replay-{}", uuid_like());
    let mut consumer = ch
        .basic_consume(
            log.as_str().into(),
            tag.as_str().into(),
            BasicConsumeOptions::default(),
            args,
        )
        .await
        .context("reading the raw-page stream")?;
    let tty = std::io::stderr().is_terminal();
    // On a terminal, a bar over the time window: how far into it the stream position is.
    let window = (end - filter.since).num_seconds().max(1) as u64;
    let bar = tty.then(|| {
        let bar = indicatif::ProgressBar::new(window);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("replay {bar:30} {percent:>3}% {msg}")
        {
            bar.set_style(style);
        }
        bar
    });
    let mut last_report = Instant::now();
    let replayed_at = Utc::now();
    let min_gap = if opts.rate > 0.0 {
        Duration::from_secs_f64(1.0 / opts.rate)
    } else {
        Duration::ZERO
    };
    let mut next_send = Instant::now();
    loop {
        let d = match tokio::time::timeout(opts.idle, consumer.next()).await {
            Err(_) => break, // read to the end
            Ok(None) => break,
            Ok(Some(d)) => d.context("reading the raw-page stream")?,
        };
        d.acker.ack(BasicAckOptions::default()).await?;
        summary.scanned += 1;
        let offset = header_i64(&d, "x-stream-offset");
        summary.first_offset = summary.first_offset.or(offset);
        summary.last_offset = offset.or(summary.last_offset);
        let Some(published) = published_at(&d) else {
            continue;
        };
        if published > end {
            break;
        }
        let source = amqp::header_str(&d.properties, headers::SOURCE);
        let url = amqp::header_str(&d.properties, headers::URL);
        if !filter.matches(published, source.as_deref(), url.as_deref()) {
            continue;
        }
        summary.matched += 1;
        if opts.dry_run {
            tracing::debug!(?url, ?source, %published, "Would replay");
        } else {
            let mut page: RawPage = match messages::decode(&d.data) {
                Ok(p) => p,
                Err(e) => {
                    summary.undecodable += 1;
                    tracing::warn!(?offset, error = %e, "Logged message is not a page; skipped");
                    continue;
                }
            };
            page.replay = Some(ReplayMark {
                replayed_at,
                origin: "stream".into(),
            });
            // Rate limit, then back-pressure on the parse queue.
            let now = Instant::now();
            if next_send > now {
                tokio::time::sleep(next_send - now).await;
            }
            next_send = Instant::now() + min_gap;
            while opts.max_backlog > 0
                && amqp::queue_counts(&ch, &topology.parse_queue()).await?.0 > opts.max_backlog
            {
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            amqp::publish_page(
                &ch,
                &topology,
                &page,
                RK_REPLAY,
                settings.amqp.confirm_timeout(),
            )
            .await
            .context("re-publishing a page")?;
            summary.replayed += 1;
        }
        if last_report.elapsed()
            >= Duration::from_secs(if tty { 0 } else { 5 }).max(Duration::from_millis(200))
        {
            let rate = summary.matched as f64 / started.elapsed().as_secs_f64().max(1e-9);
            if let Some(bar) = &bar {
                bar.set_position((published - filter.since).num_seconds().max(0) as u64);
                bar.set_message(format!(
                    "scanned {} matched {} replayed {} ({rate:.0}/s) offset {} at {}",
                    summary.scanned,
                    summary.matched,
                    summary.replayed,
                    offset.unwrap_or(-1),
                    published.format("%Y-%m-%d %H:%M:%S")
                ));
            } else {
                tracing::info!(scanned = summary.scanned, matched = summary.matched, replayed = summary.replayed, per_sec = format!("{rate:.1}"), ?offset, position = %published, "Replay progress");
            }
            last_report = Instant::now();
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    ch.basic_cancel(tag.as_str().into(), BasicCancelOptions::default())
        .await
        .ok();
    amqp::close(&ch, &conn).await;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The offset and publish time of the first message the stream holds, if any.
async fn first_message(
    ch: &lapin::Channel,
    log: &str,
    idle: Duration,
) -> anyhow::Result<Option<(i64, DateTime<Utc>)>> {
    let mut args = FieldTable::default();
    args.insert(
        "x-stream-offset".into(),
        AMQPValue::LongString("first".into()),
    );
    let tag = format!("newsflow-replay-probe-{}", uuid_like());
    let mut consumer = ch
        .basic_consume(
            log.into(),
            tag.as_str().into(),
            BasicConsumeOptions::default(),
            args,
        )
        .await
        .context("reading the raw-page stream")?;
    let first = match tokio::time::timeout(idle, consumer.next()).await {
        Ok(Some(Ok(d))) => {
            d.acker.ack(BasicAckOptions::default()).await?;
            published_at(&d).map(|t| (header_i64(&d, "x-stream-offset").unwrap_or(0), t))
        }
        _ => None,
    };
    ch.basic_cancel(tag.as_str().into(), BasicCancelOptions::default())
        .await
        .ok();
    Ok(first)
}

fn uuid_like() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("valid")
            .with_timezone(&Utc)
    }

    #[test]
    fn times_absolute_and_relative() {
        let now = t("2026-01-15T12:00:00Z");
        assert_eq!(parse_time("2h", now), Ok(t("2026-01-15T10:00:00Z")));
        assert_eq!(parse_time("3d", now), Ok(t("2026-01-12T12:00:00Z")));
        assert_eq!(
            parse_time("2026-01-15T04:00:00-05:00", now),
            Ok(t("2026-01-15T09:00:00Z"))
        );
        assert!(parse_time("yesterday", now).is_err());
        assert!(parse_time("5y", now).is_err());
    }

    #[test]
    fn filter_by_window_source_and_prefix() {
        let f = Filter {
            since: t("2026-01-15T00:00:00Z"),
            until: Some(t("2026-01-16T00:00:00Z")),
            source: Some("np".into()),
            url_prefix: Some("https://np.com/news/".into()),
        };
        let at = t("2026-01-15T12:00:00Z");
        assert!(f.matches(at, Some("np"), Some("https://np.com/news/a")));
        assert!(!f.matches(at, Some("cbc"), Some("https://np.com/news/a")));
        assert!(!f.matches(at, Some("np"), Some("https://np.com/sports/a")));
        assert!(!f.matches(at, None, Some("https://np.com/news/a")));
        assert!(!f.matches(
            t("2026-01-14T23:59:59Z"),
            Some("np"),
            Some("https://np.com/news/a")
        ));
        assert!(!f.matches(
            t("2026-01-16T00:00:01Z"),
            Some("np"),
            Some("https://np.com/news/a")
        ));
        let open = Filter {
            since: t("2026-01-15T00:00:00Z"),
            ..Filter::default()
        };
        assert!(open.matches(at, None, None));
    }
}
