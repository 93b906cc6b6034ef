//! Article extraction: page bytes + URL in, [`PageContent`] out. No I/O.
//!
//! Used by the parser service and by `newsflow parse` / `newsflow eval`.

pub use newsflow_shared::article::{Article, NewswireItem, PageContent, PubTime};

use chrono::{DateTime, Utc};

/// Bumped whenever extraction output changes; storage keeps the newest parse.
pub const EXTRACTOR_VERSION: u32 = 1;

/// Pages larger than this are refused rather than parsed.
pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// One page to extract.
#[derive(Debug, Clone, Copy)]
pub struct PageInput<'a> {
    pub body: &'a [u8],
    /// The page's final URL; relative links and canonical URLs resolve against it.
    pub url: &'a str,
    /// The HTTP `Content-Type` header, if known (charset and "is this HTML?").
    pub content_type: Option<&'a str>,
    /// When the page was fetched: the reference for relative times ("3 hours ago").
    pub fetched_at: Option<DateTime<Utc>>,
}

/// Why a page could not be extracted, classified so the caller can dead-letter with a reason.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("page is empty")]
    Empty,
    #[error("page is not HTML ({0})")]
    NotHtml(String),
    #[error("page is {size} bytes, over the {limit} byte limit")]
    TooLarge { size: usize, limit: usize },
    #[error("invalid page URL {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
}

impl ExtractError {
    /// Short machine-readable kind, used in dead-letter headers and `newsflow parse` output.
    pub fn kind(&self) -> &'static str {
        match self {
            ExtractError::Empty => "empty",
            ExtractError::NotHtml(_) => "not_html",
            ExtractError::TooLarge { .. } => "too_large",
            ExtractError::InvalidUrl { .. } => "invalid_url",
        }
    }
}

/// Extract the article (or say the page is not one).
pub fn extract(input: &PageInput<'_>) -> Result<PageContent, ExtractError> {
    if input.body.is_empty() {
        return Err(ExtractError::Empty);
    }
    if input.body.len() > MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge {
            size: input.body.len(),
            limit: MAX_PAGE_BYTES,
        });
    }
    let url = url::Url::parse(input.url).map_err(|e| ExtractError::InvalidUrl {
        url: input.url.to_string(),
        reason: e.to_string(),
    })?;
    let html = String::from_utf8_lossy(input.body);
    let doc = scraper::Html::parse_document(&html);
    let title = scraper::Selector::parse("title")
        .ok()
        .and_then(|s| doc.select(&s).next())
        .map(|t| t.text().collect::<String>().trim().to_string())
        .filter(|t| !t.is_empty());
    let body = scraper::Selector::parse("p")
        .map(|s| {
            doc.select(&s)
                .map(|p| p.text().collect::<String>().trim().to_string())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .unwrap_or_default();
    Ok(PageContent::Article {
        article: Article {
            url: url.to_string(),
            title,
            body,
            ..Article::default()
        },
        newswire: Vec::new(),
    })
}
