//! The parser service: raw pages in, article events out.
//!
//! - [`handler`]: one message -> an outcome (publish this event, or dead-letter with this
//!   reason). Pure: no broker, tested on bytes.
//! - [`service`]: the consumer loop around it.

pub mod handler;
pub mod service;

pub use handler::{Extractor, Outcome, handle};
pub use service::{run, run_with};
