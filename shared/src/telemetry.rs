//! `tracing` set-up and the periodic throughput summary every service logs.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tracing::Subscriber;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

use crate::config::{LogFormat, TelemetrySettings};

/// Build (but do not install) a subscriber. `RUST_LOG` wins over the configured filter.
pub fn subscriber<W>(
    settings: &TelemetrySettings,
    writer: W,
) -> Box<dyn Subscriber + Send + Sync + 'static>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&settings.filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer);
    match settings.format {
        LogFormat::Json => Box::new(builder.json().flatten_event(true).finish()),
        LogFormat::Human => Box::new(builder.finish()),
    }
}

/// Install a subscriber writing to stderr as the global default. Safe to call twice (the
/// second call is ignored), which the demo and the tests rely on.
pub fn init(settings: &TelemetrySettings) {
    let _ = tracing::subscriber::set_global_default(subscriber(settings, std::io::stderr));
}

/// Counters one service bumps as it works; [`Throughput::report_every`] logs them.
#[derive(Debug, Default)]
pub struct Throughput {
    items: AtomicU64,
    bytes: AtomicU64,
    failures: AtomicU64,
    dead_lettered: AtomicU64,
    in_flight: AtomicI64,
}

/// A snapshot of the counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub items: u64,
    pub bytes: u64,
    pub failures: u64,
    pub dead_lettered: u64,
    pub in_flight: i64,
}

impl Throughput {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn done(&self, bytes: u64) {
        self.items.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Bytes handled without counting an item (a batch's total, say).
    pub fn done_bytes(&self, bytes: u64) {
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn failed(&self) {
        self.failures.fetch_add(1, Ordering::Relaxed);
    }

    pub fn dead_lettered(&self) {
        self.dead_lettered.fetch_add(1, Ordering::Relaxed);
    }

    /// Marks one unit of work as in flight until the guard drops.
    pub fn start(self: &Arc<Self>) -> InFlight {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(self.clone())
    }

    pub fn counts(&self) -> Counts {
        Counts {
            items: self.items.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            failures: self.failures.load(Ordering::Relaxed),
            dead_lettered: self.dead_lettered.load(Ordering::Relaxed),
            in_flight: self.in_flight.load(Ordering::Relaxed),
        }
    }

    /// Log a summary every `interval` until the returned task is aborted. `what` names the
    /// items ("pages", "articles").
    pub fn report_every(
        self: &Arc<Self>,
        service: &'static str,
        what: &'static str,
        interval: Duration,
    ) -> tokio::task::JoinHandle<()> {
        let this = self.clone();
        tokio::spawn(async move {
            let started = Instant::now();
            let mut last = this.counts();
            let mut last_at = Instant::now();
            let mut tick = tokio::time::interval(interval);
            tick.tick().await;
            loop {
                tick.tick().await;
                let now = this.counts();
                let secs = last_at.elapsed().as_secs_f64().max(1e-9);
                let total_secs = started.elapsed().as_secs_f64().max(1e-9);
                tracing::info!(
                    service,
                    what,
                    per_sec = format!("{:.1}", (now.items - last.items) as f64 / secs),
                    kib_per_sec = format!("{:.1}", (now.bytes - last.bytes) as f64 / 1024.0 / secs),
                    interval_items = now.items - last.items,
                    total_items = now.items,
                    total_per_sec = format!("{:.1}", now.items as f64 / total_secs),
                    total_mib = format!("{:.1}", now.bytes as f64 / 1_048_576.0),
                    failures = now.failures,
                    dead_lettered = now.dead_lettered,
                    in_flight = now.in_flight,
                    "Throughput"
                );
                last = now;
                last_at = Instant::now();
            }
        })
    }
}

/// See [`Throughput::start`].
#[derive(Debug)]
pub struct InFlight(Arc<Throughput>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}
