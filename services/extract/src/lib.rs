//! Article extraction: page bytes + URL in, [`PageContent`] out. No I/O.
//!
//! Used by the parser service and by `newsflow parse` / `newsflow eval`.
//!
//! # How it works
//! 1. [`charset`]: bytes to text (HTTP header, BOM, `<meta charset>`, else detection).
//! 2. The page is parsed once (html5ever through `scraper`); [`metadata`] walks it once for
//!    everything the page says about itself (meta tags, [`jsonld`], microdata, `<time>`,
//!    bylines, headings, canonical link, language).
//! 3. A site profile ([`sites`]) takes over where a site needs one (unpublished.ca).
//! 4. Otherwise: [`title`] compares the headline candidates, [`authors`] cleans and splits
//!    names, [`dates`] reads every date format into an instant with its offset (or a day),
//!    [`body`] finds the article text with a readability-like scoring over flat arrays.
//!
//! All walks are iterative and capped, so pathological pages stay fast.

pub use newsflow_shared::article::{Article, NewswireItem, PageContent, PubTime};

use chrono::{DateTime, Utc};

pub mod authors;
pub mod body;
pub mod charset;
pub mod dates;
mod generic;
mod island;
pub mod jsonld;
pub mod lang;
pub mod metadata;
pub mod prescan;
pub mod sites;
mod streaming;
pub mod text;
pub mod title;

/// Bumped whenever extraction output changes; storage keeps the newest parse.
pub const EXTRACTOR_VERSION: u32 = 19;

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

/// Content types that are certainly not a web page.
fn not_html_type(ct: &str) -> bool {
    let mime = ct
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if mime.is_empty() {
        return false;
    }
    !(mime.contains("html")
        || mime.contains("xml")
        || mime == "text/plain"
        || mime == "application/octet-stream"
        || mime == "unknown/unknown")
}

/// Magic numbers of binary formats that are sometimes served as pages.
fn binary_kind(body: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "pdf"),
        (b"\x89PNG", "png"),
        (b"\xff\xd8\xff", "jpeg"),
        (b"GIF8", "gif"),
        (b"PK\x03\x04", "zip"),
        (b"\x1f\x8b", "gzip"),
        (b"RIFF", "riff"),
        (b"\x00\x00\x01\x00", "ico"),
        (b"wOFF", "font"),
        (b"wOF2", "font"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| body.starts_with(m))
        .map(|(_, k)| *k)
}

/// Extract the article (or say the page is not one).
pub fn extract(input: &PageInput<'_>) -> Result<PageContent, ExtractError> {
    if input.body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    if input.body.len() > MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge {
            size: input.body.len(),
            limit: MAX_PAGE_BYTES,
        });
    }
    let url = url::Url::parse(input.url.trim()).map_err(|e| ExtractError::InvalidUrl {
        url: input.url.to_string(),
        reason: e.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https" | "file") {
        return Err(ExtractError::InvalidUrl {
            url: input.url.to_string(),
            reason: format!("scheme {:?} is not http(s)", url.scheme()),
        });
    }
    if let Some(ct) = input.content_type.filter(|ct| not_html_type(ct)) {
        return Err(ExtractError::NotHtml(ct.to_string()));
    }
    if let Some(kind) = binary_kind(input.body) {
        return Err(ExtractError::NotHtml(format!("{kind} data")));
    }
    let html = composed(charset::decode(input.body, input.content_type));
    if !looks_like_html(&html) {
        return Err(ExtractError::NotHtml("no HTML markup".to_string()));
    }
    let mut doc = scraper::Html::parse_document(&prescan::clean(&html));
    if streaming::is_streamed(&html) {
        streaming::reveal(&mut doc, &html);
    }
    let meta = metadata::collect(&doc);
    if let Some(pc) = sites::extract(&doc, &meta, &url, input) {
        return Ok(pc);
    }
    Ok(generic::extract(&doc, &meta, &url, input, &html))
}

/// The page in Unicode's composed form (NFC): text written with combining marks ("u" and
/// U+0308 for "ü", as some CMSs store it) reads, matches and is stored like everyone else's.
fn composed(html: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    if html.is_ascii() {
        return html;
    }
    let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    let changed = match nfc.normalize(&html) {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(s) => Some(s),
    };
    changed.map_or(html, std::borrow::Cow::Owned)
}

fn looks_like_html(s: &str) -> bool {
    // The first 4 KiB settle almost every page; the first 64 KiB the rest.
    looks_like_html_in(s, 4 * 1024) || (s.len() > 4 * 1024 && looks_like_html_in(s, 64 * 1024))
}

fn looks_like_html_in(s: &str, limit: usize) -> bool {
    let mut end = s.len().min(limit);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let head = s[..end].to_ascii_lowercase();
    let controls = head
        .bytes()
        .filter(|&b| b < 0x09 || (0x0e..0x20).contains(&b))
        .count();
    if controls * 20 > head.len().max(1) {
        return false;
    }
    [
        "<html",
        "<!doctype",
        "<head",
        "<body",
        "<p",
        "<div",
        "<meta",
        "<title",
        "<article",
        "<h1",
        "<span",
        "<a ",
    ]
    .iter()
    .any(|t| head.contains(t))
}
