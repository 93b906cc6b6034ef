//! The messages that travel between the services, defined once.
//!
//! Every message is a JSON object with a `schema_version`; [`decode`] checks it before
//! anything else, so a message from a newer (or broken) producer is dead-lettered with a
//! clear reason instead of being half-understood. Page bodies travel zstd-compressed
//! (base64 inside the JSON): pages are 50-500 KB of HTML and compress about 5-10x.

use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::article::PageContent;

/// The wire schema every producer in this build writes and every consumer accepts.
pub const SCHEMA_VERSION: u32 = 1;

/// AMQP `type` property of each message kind, so a stray message is recognised early.
pub const RAW_PAGE_TYPE: &str = "newsflow.raw_page";
pub const ARTICLE_EVENT_TYPE: &str = "newsflow.article_event";

/// What the scraper believes a page is; a hint for the parser, never a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    #[default]
    Article,
    Listing,
}

/// Why a page is being parsed again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplayMark {
    /// When the replay was requested.
    pub replayed_at: DateTime<Utc>,
    /// `stream` (re-read from the raw-page log) or `dead_letter` (sent back by an operator).
    pub origin: String,
}

/// A fetched page, as the scraper publishes it and the raw-page stream keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawPage {
    pub schema_version: u32,
    /// Unique per fetch; the article event and the stored row refer back to it.
    pub page_id: Uuid,
    pub requested_url: String,
    /// After redirects.
    pub final_url: String,
    pub fetched_at: DateTime<Utc>,
    pub status: u16,
    pub content_type: Option<String>,
    /// Charset from the `Content-Type` header, if any; the parser still sniffs the body.
    pub charset: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The configured source that led to this page ("unpublished", "nationalpost").
    pub source: String,
    #[serde(default)]
    pub kind: PageKind,
    /// Set when the page is sent to the parser again; absent on a live fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replay: Option<ReplayMark>,
    pub body: CompressedBody,
}

impl RawPage {
    /// A freshly fetched page with a new id.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        source: impl Into<String>,
        requested_url: impl Into<String>,
        final_url: impl Into<String>,
        status: u16,
        content_type: Option<String>,
        body: &[u8],
    ) -> Self {
        let charset = content_type.as_deref().and_then(charset_from_content_type);
        RawPage {
            schema_version: SCHEMA_VERSION,
            page_id: Uuid::now_v7(),
            requested_url: requested_url.into(),
            final_url: final_url.into(),
            fetched_at: Utc::now(),
            status,
            content_type,
            charset,
            etag: None,
            last_modified: None,
            source: source.into(),
            kind: PageKind::Article,
            replay: None,
            body: CompressedBody::compress(body),
        }
    }
}

/// The `charset=` parameter of a `Content-Type` header value.
pub fn charset_from_content_type(ct: &str) -> Option<String> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
            .filter(|v| !v.is_empty())
    })
}

/// Page bytes, zstd-compressed and base64-encoded inside the JSON message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompressedBody {
    /// Always `zstd` today; named so a later codec can be told apart.
    pub encoding: String,
    /// Length of the uncompressed bytes, checked on decompression.
    pub size: u64,
    pub data: String,
}

/// Pages larger than this are refused when decompressing, whatever the message claims.
pub const MAX_BODY_BYTES: u64 = 32 * 1024 * 1024;

impl CompressedBody {
    pub fn compress(bytes: &[u8]) -> Self {
        // Level 3 is zstd's default: ~300 MB/s on HTML, several times smaller.
        let compressed = zstd::bulk::compress(bytes, 3).unwrap_or_else(|_| bytes.to_vec());
        CompressedBody {
            encoding: "zstd".into(),
            size: bytes.len() as u64,
            data: base64::engine::general_purpose::STANDARD.encode(compressed),
        }
    }

    pub fn decompress(&self) -> Result<Vec<u8>, DecodeError> {
        if self.encoding != "zstd" {
            return Err(DecodeError::Body(format!(
                "unknown body encoding {:?}",
                self.encoding
            )));
        }
        if self.size > MAX_BODY_BYTES {
            return Err(DecodeError::Body(format!(
                "body of {} bytes is over the {} byte limit",
                self.size, MAX_BODY_BYTES
            )));
        }
        let compressed = base64::engine::general_purpose::STANDARD
            .decode(&self.data)
            .map_err(|e| DecodeError::Body(format!("body is not base64: {e}")))?;
        let bytes = zstd::bulk::decompress(&compressed, self.size as usize)
            .map_err(|e| DecodeError::Body(format!("body is not valid zstd: {e}")))?;
        if bytes.len() as u64 != self.size {
            return Err(DecodeError::Body(format!(
                "body is {} bytes, the message says {}",
                bytes.len(),
                self.size
            )));
        }
        Ok(bytes)
    }
}

/// What the parser made of one raw page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEvent {
    pub schema_version: u32,
    pub page_id: Uuid,
    /// The page's final URL.
    pub url: String,
    pub source: String,
    pub fetched_at: DateTime<Utc>,
    pub parsed_at: DateTime<Utc>,
    /// Storage keeps the parse with the highest version; equal versions replace.
    pub parser_version: u32,
    /// SHA-256 (hex) of the raw page bytes.
    pub content_hash: String,
    pub content: PageContent,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replay: Option<ReplayMark>,
}

/// Why a message could not be understood. Never retried: it goes to a dead-letter queue.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("message is not valid JSON: {0}")]
    Json(String),
    #[error("message has no schema_version")]
    MissingVersion,
    #[error("unknown schema version {found} (this build reads {expected})")]
    UnknownVersion { found: u64, expected: u32 },
    #[error("message does not match the schema: {0}")]
    Schema(String),
    #[error("{0}")]
    Body(String),
}

impl DecodeError {
    /// A short machine-readable kind for dead-letter headers and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            DecodeError::Json(_) => "decode_error",
            DecodeError::MissingVersion | DecodeError::UnknownVersion { .. } => {
                "unknown_schema_version"
            }
            DecodeError::Schema(_) => "schema_error",
            DecodeError::Body(_) => "body_error",
        }
    }
}

/// Serialise a message. Only fails on types serde cannot represent, which ours are not.
pub fn encode<T: Serialize>(msg: &T) -> Vec<u8> {
    serde_json::to_vec(msg).unwrap_or_default()
}

/// Decode a message, checking its schema version first.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| DecodeError::Json(e.to_string()))?;
    let version = value
        .get("schema_version")
        .ok_or(DecodeError::MissingVersion)?
        .as_u64()
        .ok_or(DecodeError::MissingVersion)?;
    if version != u64::from(SCHEMA_VERSION) {
        return Err(DecodeError::UnknownVersion {
            found: version,
            expected: SCHEMA_VERSION,
        });
    }
    serde_json::from_value(value).map_err(|e| DecodeError::Schema(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, NewswireItem, PubTime};

    fn page() -> RawPage {
        let mut p = RawPage::new(
            "test",
            "http://example.com/a?utm_source=x",
            "http://example.com/a",
            200,
            Some("text/html; charset=\"ISO-8859-1\"".into()),
            "<html><body>caf\u{e9}</body></html>".repeat(100).as_bytes(),
        );
        p.etag = Some("\"abc\"".into());
        p
    }

    #[test]
    fn raw_page_round_trips_and_compresses() {
        let p = page();
        assert_eq!(p.charset.as_deref(), Some("iso-8859-1"));
        let bytes = encode(&p);
        let back: RawPage = decode(&bytes).expect("decodes");
        assert_eq!(back, p);
        let body = back.body.decompress().expect("decompresses");
        assert_eq!(body.len() as u64, p.body.size);
        assert!(
            (p.body.data.len() as u64) < p.body.size / 4,
            "repetitive HTML compresses"
        );
    }

    #[test]
    fn article_event_round_trips() {
        let ev = ArticleEvent {
            schema_version: SCHEMA_VERSION,
            page_id: Uuid::now_v7(),
            url: "https://example.com/a".into(),
            source: "test".into(),
            fetched_at: Utc::now(),
            parsed_at: Utc::now(),
            parser_version: 3,
            content_hash: "00".into(),
            content: PageContent::Article {
                article: Article {
                    url: "https://example.com/a".into(),
                    title: Some("T".into()),
                    authors: vec!["A".into(), "B".into()],
                    published_at: Some("2026-01-15T04:00:00-05:00".parse().expect("time")),
                    body: "p1\n\np2".into(),
                    ..Article::default()
                },
                newswire: vec![NewswireItem {
                    link: "https://example.com/b".into(),
                    published_at: Some(PubTime::Day(
                        chrono::NaiveDate::from_ymd_opt(2026, 1, 15).expect("day"),
                    )),
                    ..NewswireItem::default()
                }],
            },
            replay: None,
        };
        let back: ArticleEvent = decode(&encode(&ev)).expect("decodes");
        assert_eq!(back, ev);
    }

    #[test]
    fn decode_classifies_failures() {
        assert!(matches!(
            decode::<RawPage>(b"not json"),
            Err(DecodeError::Json(_))
        ));
        assert!(matches!(
            decode::<RawPage>(br#"{"page_id": 1}"#),
            Err(DecodeError::MissingVersion)
        ));
        let err = decode::<RawPage>(br#"{"schema_version": 99}"#).expect_err("future version");
        assert_eq!(err.kind(), "unknown_schema_version");
        assert!(err.to_string().contains("99"));
        assert!(matches!(
            decode::<RawPage>(br#"{"schema_version": 1, "page_id": "x"}"#),
            Err(DecodeError::Schema(_))
        ));
    }

    #[test]
    fn corrupt_bodies_are_refused() {
        let mut p = page();
        p.body.size += 1;
        assert!(p.body.decompress().is_err());
        let mut p = page();
        p.body.data = "!!!".into();
        assert!(p.body.decompress().is_err());
        let mut p = page();
        p.body.size = MAX_BODY_BYTES + 1;
        assert!(p.body.decompress().is_err());
    }
}
