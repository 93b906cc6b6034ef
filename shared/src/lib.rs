//! Everything the newsflow services agree on.
//!
//! # Layout
//! - [`messages`]: the wire types (raw pages, article events) and their encoding. Pure data.
//! - [`article`]: the extracted article and newswire item, produced by `newsflow-extract`.
//! - [`urlnorm`]: URL canonicalisation, shared by the scraper (dedup) and storage (keys).
//!
//! With the `runtime` feature (on by default):
//! - [`config`]: layered settings (defaults, TOML file, `NEWSFLOW__*` environment).
//! - [`telemetry`]: the `tracing` subscriber and the periodic throughput reporter.
//! - [`topology`]: every RabbitMQ exchange and queue, declared in exactly one place.
//! - [`amqp`]: connecting with backoff, confirmed publishing, dead-lettering.
//! - [`db`]: PostgreSQL connection and the embedded migrations.
//! - [`shutdown`]: SIGTERM/SIGINT as a future every service loop selects on.

pub mod article;
pub mod messages;
pub mod urlnorm;

#[cfg(feature = "runtime")]
pub mod amqp;
#[cfg(feature = "runtime")]
pub mod config;
#[cfg(feature = "runtime")]
pub mod db;
#[cfg(feature = "runtime")]
pub mod shutdown;
#[cfg(feature = "runtime")]
pub mod telemetry;
#[cfg(feature = "runtime")]
pub mod topology;
