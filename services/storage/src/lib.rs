//! The storage service: consumes article events and persists them in PostgreSQL,
//! idempotently.
//!
//! - [`rows`]: events -> rows (pure, deduplicated per batch).
//! - [`store`]: the batched upserts and the classification of database errors.
//! - [`service`]: the consumer loop: batch, write, then acknowledge.

pub mod rows;
pub mod service;
pub mod store;

pub use service::run;
