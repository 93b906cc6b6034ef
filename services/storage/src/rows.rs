//! Article events -> database rows. Pure: tested without a database.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use newsflow_shared::article::{PageContent, PubTime};
use newsflow_shared::messages::ArticleEvent;
use newsflow_shared::urlnorm;
use serde::Serialize;
use uuid::Uuid;

/// One `articles` row, serialised into the JSON batch the upsert reads.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleRow {
    pub id: Uuid,
    pub canonical_url: String,
    pub url: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub published_day_only: bool,
    pub modified_at: Option<DateTime<Utc>>,
    pub source: String,
    pub crawl_source: String,
    pub language: Option<String>,
    pub description: Option<String>,
    pub body: String,
    pub topics: Vec<String>,
    pub image: Option<String>,
    pub parser_version: i32,
    pub page_id: Uuid,
    pub content_hash: String,
    pub fetched_at: DateTime<Utc>,
    pub parsed_at: DateTime<Utc>,
}

/// One `newswire_items` row.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NewswireRow {
    pub id: Uuid,
    pub link: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub published_day_only: bool,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub crawl_source: String,
    pub parser_version: i32,
    pub page_id: Uuid,
    /// Not a column: orders duplicates within a batch.
    #[serde(skip)]
    pub fetched_at: DateTime<Utc>,
}

/// One `parsed_pages` row.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PageRow {
    pub page_id: Uuid,
    pub url: String,
    pub crawl_source: String,
    pub outcome: &'static str,
    pub article_id: Option<Uuid>,
    pub not_article_reason: Option<String>,
    pub newswire_items: i32,
    pub parser_version: i32,
    pub fetched_at: DateTime<Utc>,
    pub parsed_at: DateTime<Utc>,
}

/// Everything one batch writes, deduplicated so no statement touches a row twice.
#[derive(Debug, Default)]
pub struct Batch {
    pub articles: Vec<ArticleRow>,
    pub newswire: Vec<NewswireRow>,
    pub pages: Vec<PageRow>,
}

/// PostgreSQL text cannot hold NUL; pages sometimes do.
fn clean(s: &str) -> String {
    if s.contains('\0') {
        s.replace('\0', "")
    } else {
        s.to_string()
    }
}

fn clean_opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(clean).filter(|s| !s.trim().is_empty())
}

fn clean_vec(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|s| clean(s))
        .filter(|s| !s.trim().is_empty())
        .collect()
}

fn time(t: &Option<PubTime>) -> (Option<DateTime<Utc>>, bool) {
    match t {
        Some(t) => (Some(t.as_utc()), t.is_day_only()),
        None => (None, false),
    }
}

/// The canonical form of `preferred`, else of `fallback`.
fn canonical(preferred: Option<&str>, fallback: &str) -> String {
    preferred
        .and_then(|u| urlnorm::canonicalize(u).ok())
        .or_else(|| urlnorm::canonicalize(fallback).ok())
        .map(String::from)
        .unwrap_or_else(|| fallback.to_string())
}

fn version(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

impl Batch {
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a ArticleEvent>) -> Batch {
        let mut articles: HashMap<Uuid, ArticleRow> = HashMap::new();
        let mut newswire: HashMap<Uuid, NewswireRow> = HashMap::new();
        let mut pages: HashMap<Uuid, PageRow> = HashMap::new();
        for ev in events {
            let pv = version(ev.parser_version);
            let mut article_id = None;
            if let PageContent::Article { article, .. } = &ev.content {
                let canonical_url = canonical(article.canonical_url.as_deref(), &ev.url);
                let id = urlnorm::article_key(&canonical_url);
                article_id = Some(id);
                let (published_at, published_day_only) = time(&article.published_at);
                let row = ArticleRow {
                    id,
                    canonical_url: clean(&canonical_url),
                    url: clean(&ev.url),
                    title: clean_opt(&article.title),
                    authors: clean_vec(&article.authors),
                    published_at,
                    published_day_only,
                    modified_at: time(&article.modified_at).0,
                    source: clean_opt(&article.source).unwrap_or_else(|| clean(&ev.source)),
                    crawl_source: clean(&ev.source),
                    language: clean_opt(&article.language),
                    description: clean_opt(&article.description),
                    body: clean(&article.body),
                    topics: clean_vec(&article.topics),
                    image: clean_opt(&article.image),
                    parser_version: pv,
                    page_id: ev.page_id,
                    content_hash: ev.content_hash.clone(),
                    fetched_at: ev.fetched_at,
                    parsed_at: ev.parsed_at,
                };
                keep_newest(&mut articles, id, row, |r| {
                    (r.parser_version, r.fetched_at, r.parsed_at)
                });
            }
            for item in ev.content.newswire() {
                let link = canonical(Some(&item.link), &item.link);
                let id = urlnorm::article_key(&link);
                let (published_at, published_day_only) = time(&item.published_at);
                let row = NewswireRow {
                    id,
                    link: clean(&link),
                    title: clean_opt(&item.title),
                    summary: clean_opt(&item.summary),
                    published_at,
                    published_day_only,
                    authors: clean_vec(&item.authors),
                    source: clean_opt(&item.source),
                    crawl_source: clean(&ev.source),
                    parser_version: pv,
                    page_id: ev.page_id,
                    fetched_at: ev.fetched_at,
                };
                keep_newest(&mut newswire, id, row, |r| (r.parser_version, r.fetched_at));
            }
            let (outcome, reason) = match &ev.content {
                PageContent::Article { .. } => ("article", None),
                PageContent::NotArticle { reason, .. } => ("not_article", Some(clean(reason))),
            };
            let row = PageRow {
                page_id: ev.page_id,
                url: clean(&ev.url),
                crawl_source: clean(&ev.source),
                outcome,
                article_id,
                not_article_reason: reason,
                newswire_items: i32::try_from(ev.content.newswire().len()).unwrap_or(i32::MAX),
                parser_version: pv,
                fetched_at: ev.fetched_at,
                parsed_at: ev.parsed_at,
            };
            keep_newest(&mut pages, ev.page_id, row, |r| {
                (r.parser_version, r.parsed_at)
            });
        }
        Batch {
            articles: articles.into_values().collect(),
            newswire: newswire.into_values().collect(),
            pages: pages.into_values().collect(),
        }
    }
}

/// Within one batch, keep the row the database would keep: highest parser version, then
/// the latest fetch.
fn keep_newest<R, K: PartialOrd>(
    map: &mut HashMap<Uuid, R>,
    id: Uuid,
    row: R,
    key: impl Fn(&R) -> K,
) {
    match map.get(&id) {
        Some(old) if key(old) > key(&row) => {}
        _ => {
            map.insert(id, row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsflow_shared::article::{Article, NewswireItem};
    use newsflow_shared::messages::SCHEMA_VERSION;

    fn event(url: &str, canonical: Option<&str>, version: u32, title: &str) -> ArticleEvent {
        ArticleEvent {
            schema_version: SCHEMA_VERSION,
            page_id: Uuid::now_v7(),
            url: url.into(),
            source: "crawl".into(),
            fetched_at: Utc::now(),
            parsed_at: Utc::now(),
            parser_version: version,
            content_hash: "h".into(),
            content: PageContent::Article {
                article: Article {
                    url: url.into(),
                    canonical_url: canonical.map(String::from),
                    title: Some(title.into()),
                    authors: vec!["A".into(), "".into(), "B\0".into()],
                    body: "x\0y".into(),
                    ..Article::default()
                },
                newswire: vec![NewswireItem {
                    link: "https://example.com/n?utm_source=x".into(),
                    ..NewswireItem::default()
                }],
            },
            replay: None,
        }
    }

    #[test]
    fn keys_on_canonical_url_and_cleans_text() {
        let a = event("https://example.com/a?utm_source=x", None, 1, "t");
        let b = event(
            "https://m.example.com/a",
            Some("https://EXAMPLE.com/a#top"),
            1,
            "t",
        );
        let batch = Batch::from_events([&a, &b]);
        assert_eq!(batch.articles.len(), 1, "one article under two spellings");
        let row = &batch.articles[0];
        assert_eq!(row.canonical_url, "https://example.com/a");
        assert_eq!(row.authors, vec!["A", "B"]);
        assert_eq!(row.body, "xy");
        assert_eq!(row.source, "crawl", "falls back to the crawl source");
        assert_eq!(batch.newswire.len(), 1);
        assert_eq!(batch.newswire[0].link, "https://example.com/n");
        assert_eq!(batch.pages.len(), 2);
    }

    #[test]
    fn newest_parser_version_wins_within_a_batch() {
        let new = event("https://example.com/a", None, 2, "new");
        let old = event("https://example.com/a", None, 1, "old");
        for order in [[&new, &old], [&old, &new]] {
            let batch = Batch::from_events(order);
            assert_eq!(batch.articles[0].title.as_deref(), Some("new"));
        }
    }
}
