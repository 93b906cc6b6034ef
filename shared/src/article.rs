//! The result of extraction: what a page says, structured.
//!
//! These are plain data types shared by the extractor, the parser service (which sends them
//! inside an [`crate::messages::ArticleEvent`]) and storage (which writes them).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A publication or modification time, as precise as the page made it.
///
/// A page that only gives a day yields [`PubTime::Day`]; a time is never invented.
/// Serialised as RFC 3339 with its offset, or as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PubTime {
    Instant(DateTime<FixedOffset>),
    Day(NaiveDate),
}

impl PubTime {
    /// The instant to store in a `timestamptz` column: a bare day becomes midnight UTC,
    /// and [`PubTime::is_day_only`] tells storage to keep that fact beside it.
    pub fn as_utc(&self) -> DateTime<chrono::Utc> {
        match self {
            PubTime::Instant(t) => t.with_timezone(&chrono::Utc),
            PubTime::Day(d) => d
                .and_hms_opt(0, 0, 0)
                .map(|t| t.and_utc())
                .unwrap_or_default(),
        }
    }

    pub fn is_day_only(&self) -> bool {
        matches!(self, PubTime::Day(_))
    }

    pub fn day(&self) -> NaiveDate {
        match self {
            PubTime::Instant(t) => t.date_naive(),
            PubTime::Day(d) => *d,
        }
    }
}

impl std::fmt::Display for PubTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PubTime::Instant(t) => f.write_str(&t.to_rfc3339()),
            PubTime::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl std::str::FromStr for PubTime {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(PubTime::Instant(t));
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(PubTime::Day)
            .map_err(|_| format!("not an RFC 3339 instant nor a YYYY-MM-DD day: {s:?}"))
    }
}

impl Serialize for PubTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PubTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One extracted article. Fields are `None` or empty where the page does not say.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// The URL the page was fetched from (after redirects).
    pub url: String,
    /// Absolute canonical URL with tracking parameters removed; storage keys on it.
    pub canonical_url: Option<String>,
    pub title: Option<String>,
    /// Person names (or the agency, when that is the byline), in page order.
    pub authors: Vec<String>,
    pub published_at: Option<PubTime>,
    pub modified_at: Option<PubTime>,
    /// The publisher or feed the article comes from ("National Post").
    pub source: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    pub description: Option<String>,
    /// Plain text; paragraphs separated by a blank line.
    pub body: String,
    pub topics: Vec<String>,
    pub image: Option<String>,
}

/// A short item of a newswire list (an unpublished.ca listing page, or the block under an
/// article): it links to a full article elsewhere.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewswireItem {
    pub title: Option<String>,
    /// Absolute URL of the item's page.
    pub link: String,
    pub summary: Option<String>,
    pub published_at: Option<PubTime>,
    pub authors: Vec<String>,
    pub source: Option<String>,
}

/// What a page turned out to be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[allow(clippy::large_enum_variant)] // built once per page and moved, never stored in bulk
pub enum PageContent {
    /// An article page; it may also carry a newswire block.
    Article {
        article: Article,
        newswire: Vec<NewswireItem>,
    },
    /// A listing, index, tag, search or error page: no article, perhaps newswire items.
    NotArticle {
        reason: String,
        newswire: Vec<NewswireItem>,
    },
}

impl PageContent {
    pub fn article(&self) -> Option<&Article> {
        match self {
            PageContent::Article { article, .. } => Some(article),
            PageContent::NotArticle { .. } => None,
        }
    }

    pub fn newswire(&self) -> &[NewswireItem] {
        match self {
            PageContent::Article { newswire, .. } | PageContent::NotArticle { newswire, .. } => {
                newswire
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pubtime_round_trips_both_precisions() {
        for s in ["2026-01-15T04:00:00-05:00", "2026-01-15"] {
            let t: PubTime = s.parse().expect("parses");
            assert_eq!(t.to_string(), s);
            let json = serde_json::to_string(&t).expect("serialises");
            let back: PubTime = serde_json::from_str(&json).expect("deserialises");
            assert_eq!(back, t);
        }
        assert!("January 15".parse::<PubTime>().is_err());
    }
}
