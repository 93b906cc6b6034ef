//! One raw-page message -> one outcome. No I/O: the service does the talking.

use std::sync::Arc;

use chrono::Utc;
use newsflow_extract::{ExtractError, PageContent, PageInput};
use newsflow_shared::messages::{self, ArticleEvent, RawPage};
use sha2::{Digest, Sha256};

/// The extraction function. The service uses [`newsflow_extract::extract`]; tests substitute
/// a deliberately broken one to play the "parser bug, then fix, then replay" story.
pub type Extractor = Arc<dyn Fn(&PageInput<'_>) -> Result<PageContent, ExtractError> + Send + Sync>;

/// The real extractor.
pub fn default_extractor() -> Extractor {
    Arc::new(newsflow_extract::extract)
}

/// What to do with one message.
#[derive(Debug)]
pub enum Outcome {
    /// Publish the event, then acknowledge the page.
    Publish(Box<ArticleEvent>),
    /// Send the page to the dead-letter queue with this reason, then acknowledge it.
    DeadLetter { kind: String, reason: String },
}

/// Facts about the message for logs, known as soon as it decodes.
#[derive(Debug, Default, Clone)]
pub struct PageFacts {
    pub page_id: String,
    pub url: String,
    pub source: String,
    pub bytes: u64,
}

/// Decode the message, extract the page and build the event.
pub fn handle(payload: &[u8], parser_version: u32, extractor: &Extractor) -> (Outcome, PageFacts) {
    let page: RawPage = match messages::decode(payload) {
        Ok(p) => p,
        Err(e) => {
            return (
                Outcome::DeadLetter {
                    kind: e.kind().to_string(),
                    reason: e.to_string(),
                },
                PageFacts::default(),
            );
        }
    };
    let mut facts = PageFacts {
        page_id: page.page_id.to_string(),
        url: page.final_url.clone(),
        source: page.source.clone(),
        bytes: page.body.size,
    };
    let body = match page.body.decompress() {
        Ok(b) => b,
        Err(e) => {
            return (
                Outcome::DeadLetter {
                    kind: e.kind().to_string(),
                    reason: e.to_string(),
                },
                facts,
            );
        }
    };
    facts.bytes = body.len() as u64;
    if !(200..300).contains(&page.status) {
        return (
            Outcome::DeadLetter {
                kind: "http_status".into(),
                reason: format!("page was fetched with HTTP status {}", page.status),
            },
            facts,
        );
    }
    let input = PageInput {
        body: &body,
        url: &page.final_url,
        content_type: page.content_type.as_deref(),
        fetched_at: Some(page.fetched_at),
    };
    // A bug in the extractor that panics on one page dead-letters that page with the
    // panic's message; it does not take the session down and have the broker hand the same
    // page back until its delivery limit.
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor(&input)));
    let content = match extracted {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => {
            return (
                Outcome::DeadLetter {
                    kind: format!("extraction_error:{}", e.kind()),
                    reason: e.to_string(),
                },
                facts,
            );
        }
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".into());
            tracing::error!(url = %facts.url, panic = %message, "The extractor panicked on a page");
            return (
                Outcome::DeadLetter {
                    kind: "extraction_error:panic".into(),
                    reason: format!("the extractor panicked: {message}"),
                },
                facts,
            );
        }
    };
    let event = ArticleEvent {
        schema_version: messages::SCHEMA_VERSION,
        page_id: page.page_id,
        url: page.final_url,
        source: page.source,
        fetched_at: page.fetched_at,
        parsed_at: Utc::now(),
        parser_version,
        content_hash: hex::encode(Sha256::digest(&body)),
        content,
        replay: page.replay,
    };
    (Outcome::Publish(Box::new(event)), facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsflow_shared::messages::RawPage;

    fn raw(body: &str, status: u16) -> Vec<u8> {
        let mut p = RawPage::new(
            "test",
            "https://example.com/a",
            "https://example.com/a",
            status,
            Some("text/html".into()),
            body.as_bytes(),
        );
        p.status = status;
        messages::encode(&p)
    }

    #[test]
    fn good_page_becomes_an_event() {
        let html = "<html><head><title>Hello</title></head><body><article><h1>Hello</h1><p>Some words here that make an article body long enough.</p></article></body></html>";
        let (outcome, facts) = handle(&raw(html, 200), 7, &default_extractor());
        assert_eq!(facts.url, "https://example.com/a");
        match outcome {
            Outcome::Publish(ev) => {
                assert_eq!(ev.parser_version, 7);
                assert_eq!(ev.content_hash.len(), 64);
                assert_eq!(ev.source, "test");
            }
            other => panic!("expected an event, got {other:?}"),
        }
    }

    #[test]
    fn failures_are_classified() {
        let ex = default_extractor();
        let kind = |payload: &[u8]| match handle(payload, 1, &ex).0 {
            Outcome::DeadLetter { kind, .. } => kind,
            Outcome::Publish(_) => "published".into(),
        };
        assert_eq!(kind(b"garbage"), "decode_error");
        assert_eq!(kind(br#"{"schema_version": 42}"#), "unknown_schema_version");
        assert_eq!(kind(&raw("", 200)), "extraction_error:empty");
        assert_eq!(kind(&raw("<html></html>", 500)), "http_status");
    }

    #[test]
    fn a_page_the_extractor_panics_on_is_dead_lettered_with_the_message() {
        let broken: Extractor = Arc::new(|_: &PageInput<'_>| panic!("index out of bounds"));
        match handle(&raw("<html><body><p>Hi</p></body></html>", 200), 1, &broken).0 {
            Outcome::DeadLetter { kind, reason } => {
                assert_eq!(kind, "extraction_error:panic");
                assert!(reason.contains("index out of bounds"), "{reason}");
            }
            Outcome::Publish(_) => panic!("a panicking extractor published an event"),
        }
    }
}
