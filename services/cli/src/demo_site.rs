//! The offline sample news site behind `newsflow demo` and the end-to-end tests.
//!
//! Articles come in four markups a real crawl meets: JSON-LD (`NewsArticle` inside
//! `@graph`), OpenGraph-only, a plain byline with `<time>`, and unpublished.ca's Drupal
//! pages ("Source Feed:", "Author:", "Publication Date:" and the newswire block). Listing
//! pages (`/news?page=N`) list them unpublished.ca-style. Every article knows its own
//! expected extraction, so tests can check the stored rows field by field.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Duration, FixedOffset, TimeZone as _};
use chrono_tz::America::Toronto;

/// Articles per listing page.
pub const PAGE_SIZE: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    JsonLd,
    OpenGraph,
    Byline,
    Unpublished,
}

/// One article of the site and what extraction must find in it.
#[derive(Debug, Clone)]
pub struct DemoArticle {
    pub slug: String,
    pub path: String,
    pub markup: Markup,
    pub title: String,
    pub authors: Vec<String>,
    pub published_at: DateTime<FixedOffset>,
    pub source: String,
    pub summary: String,
    pub paragraphs: Vec<String>,
}

/// The whole site.
#[derive(Debug, Clone)]
pub struct DemoSite {
    pub articles: Vec<DemoArticle>,
}

const TOPICS: &[(&str, &str)] = &[
    ("Ottawa", "transit"),
    ("Toronto", "housing"),
    ("Halifax", "ferry service"),
    ("Winnipeg", "water main"),
    ("Calgary", "arena plan"),
    ("Montreal", "bike network"),
    ("Regina", "library hours"),
    ("Victoria", "harbour cleanup"),
    ("Saskatoon", "snow removal"),
    ("Quebec City", "tramway"),
    ("Edmonton", "river valley trail"),
    ("Fredericton", "flood barrier"),
];

const VERBS: &[&str] = &["approves", "delays", "expands", "reviews", "cuts", "funds"];

const PEOPLE: &[&str] = &[
    "Tracy Moran",
    "Steven Chase",
    "Lindsay Jones",
    "Dave McGinn",
    "Laura Stone",
    "Marie Tremblay",
    "Omar Haddad",
    "Priya Natarajan",
    "Jean-Luc Picard",
    "Aisha Mohamed",
];

const SOURCES: &[&str] = &[
    "The Globe and Mail",
    "National Post",
    "CBC News - Canada",
    "Ottawa Citizen",
];

impl DemoSite {
    /// A deterministic site of `n` articles, newest first.
    pub fn generate(n: usize) -> DemoSite {
        let base = Toronto
            .with_ymd_and_hms(2026, 1, 15, 4, 0, 0)
            .single()
            .expect("a valid Toronto time");
        let articles = (0..n)
            .map(|i| {
                let (city, topic) = TOPICS[i % TOPICS.len()];
                let verb = VERBS[(i / TOPICS.len()) % VERBS.len()];
                let title = format!(
                    "{city} council {verb} {topic} plan after {} hours of debate",
                    3 + i % 9
                );
                let markup = [
                    Markup::JsonLd,
                    Markup::OpenGraph,
                    Markup::Byline,
                    Markup::Unpublished,
                ][i % 4];
                let authors = match i % 5 {
                    0 => vec![PEOPLE[i % PEOPLE.len()].to_string()],
                    1 => vec![
                        PEOPLE[i % PEOPLE.len()].to_string(),
                        PEOPLE[(i + 3) % PEOPLE.len()].to_string(),
                    ],
                    2 if markup == Markup::Unpublished => vec![],
                    _ => vec![PEOPLE[(i + 1) % PEOPLE.len()].to_string()],
                };
                // Minutes apart, back in time, across the DST-free January.
                let local = base - Duration::minutes(37 * i as i64);
                let published_at = local.fixed_offset();
                let slug = format!("{}-council-{verb}-{}-{i}", slugify(city), slugify(topic));
                let date = local.format("%Y-%m-%d");
                let path = if markup == Markup::Unpublished {
                    format!("/news-feed-item/{date}/{slug}")
                } else {
                    format!("/{date}/{slug}")
                };
                let paragraphs = paragraphs(i, city, topic, verb);
                DemoArticle {
                    summary: paragraphs[0].clone(),
                    slug,
                    path,
                    markup,
                    title,
                    authors,
                    published_at,
                    source: SOURCES[i % SOURCES.len()].to_string(),
                    paragraphs,
                }
            })
            .collect();
        DemoSite { articles }
    }

    pub fn listing_pages(&self) -> usize {
        self.articles.len().div_ceil(PAGE_SIZE).max(1)
    }

    pub fn body(&self, a: &DemoArticle) -> String {
        a.paragraphs.join("\n\n")
    }

    /// The HTML of listing page `page` (0-based, as `?page=N`).
    pub fn listing(&self, page: usize) -> Option<String> {
        if page >= self.listing_pages() {
            return None;
        }
        let items: String = self
            .articles
            .iter()
            .skip(page * PAGE_SIZE)
            .take(PAGE_SIZE)
            .map(newswire_item)
            .collect();
        let next = if page + 1 < self.listing_pages() {
            format!(
                r#"<li class="pager__item pager__item--next"><a href="/news?page={}" rel="next" title="Go to next page">Next ›</a></li>"#,
                page + 1
            )
        } else {
            String::new()
        };
        Some(format!(
            r#"<!DOCTYPE html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>News | Unpublished</title>
<link rel="canonical" href="/news?page={page}"></head>
<body class="path-news">
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<main><h1 class="page-title">Unpublished Newswire</h1>
<div class="view-content">{items}</div>
<nav class="pager"><ul>{next}</ul></nav>
</main>
<footer>© Unpublished</footer>
</body></html>"#
        ))
    }

    pub fn article_html(&self, a: &DemoArticle) -> String {
        let paras: String = a
            .paragraphs
            .iter()
            .map(|p| format!("<p>{}</p>\n", esc(p)))
            .collect();
        let sidebar = r#"<aside class="related"><h2>Most read</h2><ul><li><a href="/news">Everything else that happened today in the city</a></li><li><a href="/news">Weather: a cold week ahead for the region</a></li></ul></aside>"#;
        let nav = r#"<header><nav class="site-nav"><a href="/">Home</a> · <a href="/news">News</a> · <a href="/subscribe">Subscribe</a></nav></header>"#;
        let footer = r#"<footer class="site-footer"><p>Sign up for our newsletter to get the day's top stories.</p><p>© 2026 Demo Media. All rights reserved.</p></footer>"#;
        let title = esc(&a.title);
        let iso = a.published_at.to_rfc3339();
        match a.markup {
            Markup::JsonLd => {
                let authors: Vec<serde_json::Value> = a
                    .authors
                    .iter()
                    .map(|n| serde_json::json!({"@type": "Person", "name": n}))
                    .collect();
                let ld = serde_json::json!({
                    "@context": "https://schema.org",
                    "@graph": [
                        {"@type": "WebSite", "name": a.source, "url": "/"},
                        {"@type": "NewsArticle", "headline": a.title, "datePublished": iso,
                         "author": authors, "description": a.summary,
                         "publisher": {"@type": "Organization", "name": a.source}}
                    ]
                });
                format!(
                    r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {src}</title>
<link rel="canonical" href="{path}">
<script type="application/ld+json">{ld}</script></head>
<body>{nav}<main><article><h1>{title}</h1>
<div class="byline">By {by}</div>
<div class="article-body">{paras}</div></article>{sidebar}</main>{footer}</body></html>"#,
                    src = esc(&a.source),
                    path = a.path,
                    by = esc(&join_names(&a.authors)),
                )
            }
            Markup::OpenGraph => {
                let metas: String = a
                    .authors
                    .iter()
                    .map(|n| format!(r#"<meta name="author" content="{}">"#, esc(n)))
                    .collect();
                format!(
                    r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} - {src}</title>
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{src}">
<meta property="og:url" content="{path}">
<meta property="og:description" content="{desc}">
<meta property="article:published_time" content="{iso}">
{metas}</head>
<body>{nav}<main><div class="story"><h1 class="headline">{title}</h1>{paras}</div>{sidebar}</main>{footer}</body></html>"#,
                    src = esc(&a.source),
                    path = a.path,
                    desc = esc(&a.summary),
                )
            }
            Markup::Byline => format!(
                r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body>{nav}<main><article><h1>{title}</h1>
<p class="byline">By {by}</p>
<time datetime="{iso}">{human}</time>
{paras}</article>{sidebar}</main>{footer}</body></html>"#,
                by = esc(&join_names(&a.authors)),
                human = a.published_at.format("%B %-d, %Y %H:%M"),
            ),
            Markup::Unpublished => {
                let author_line = if a.authors.is_empty() {
                    String::new()
                } else {
                    format!(
                        r#"<div class="field field--name-field-author"><div class="field__label">Author:</div><div class="field__item">{}</div></div>"#,
                        esc(&a.authors.join(", "))
                    )
                };
                let local = a.published_at.with_timezone(&Toronto);
                let others: String = self
                    .articles
                    .iter()
                    .filter(|o| o.slug != a.slug)
                    .take(3)
                    .map(newswire_item)
                    .collect();
                format!(
                    r#"<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">
<title>{title} | Unpublished</title><link rel="canonical" href="{path}"></head>
<body class="path-node page-node-type-feed-item">{nav}
<main><h1 class="page-title"><span>{title}</span></h1>
<div class="field field--name-field-feed-source-name"><div class="field__label">Source Feed:</div><div class="field__item">{src}</div></div>
{author_line}
<div class="field field--name-field-publication-date"><div class="field__label">Publication Date:</div><div class="field__item">{date}</div></div>
<div class="field field--name-body">{paras}
<p>{src}</p>
<p>Our website is the place for the latest breaking news, exclusive scoops, longreads and provocative commentary. Please bookmark the site and sign up for our newsletters here.</p></div>
<section class="block-newswire"><h2>Unpublished Newswire</h2>{others}</section></main>{footer}</body></html>"#,
                    path = a.path,
                    src = esc(&a.source),
                    date = local.format("%B %-d, %Y - %H:%M"),
                )
            }
        }
    }

    fn find(&self, path: &str) -> Option<&DemoArticle> {
        self.articles.iter().find(|a| a.path == path)
    }
}

fn newswire_item(a: &DemoArticle) -> String {
    let local = a.published_at.with_timezone(&Toronto);
    format!(
        r#"<div class="views-row"><div class="views-field-title"><a href="{path}">{title}</a></div>
<div class="views-field-body">{summary} <a href="{path}">Read More</a></div>
<div class="views-field-meta">{date} | {authors} | {src}</div></div>
"#,
        path = a.path,
        title = esc(&a.title),
        summary = esc(&a.summary),
        date = local.format("%B %-d, %Y - %H:%M"),
        authors = esc(&a.authors.join(", ")),
        src = esc(&a.source),
    )
}

fn paragraphs(i: usize, city: &str, topic: &str, verb: &str) -> Vec<String> {
    let n = 4 + i % 4;
    let templates = [
        format!("{city} councillors voted late on Tuesday on the {topic} plan, ending a debate that had stretched over several meetings and drawn hundreds of residents to city hall."),
        format!("The plan, which the council {verb} in a split vote, sets out spending over the next five years and asks staff to report back on costs every quarter."),
        format!("Supporters said the {topic} work could not wait any longer. Opponents argued the budget estimates were too optimistic and that residents had not been consulted enough."),
        format!("“We heard from people in every ward,” the mayor told reporters after the vote. “This is not the end of the conversation about {topic}, it is the start of the work.”"),
        format!("Business groups in {city} welcomed the decision but warned that construction schedules would need to be coordinated to limit disruption downtown."),
        format!("A staff report tabled last month put the first phase at {} million dollars, with provincial funding expected to cover about a third of the total.", 12 + i * 3),
        "Residents who spoke at the public meeting raised questions about accessibility, noise and the timeline, and several asked for a second round of consultation.".to_string(),
    ];
    templates.into_iter().take(n).collect()
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => "Staff".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

fn slugify(s: &str) -> String {
    s.to_ascii_lowercase().replace(' ', "-")
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

async fn news(
    State(site): State<Arc<DemoSite>>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Response {
    let page = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0);
    match site.listing(page) {
        Some(body) => html(body),
        None => (StatusCode::NOT_FOUND, "no such page").into_response(),
    }
}

async fn article(State(site): State<Arc<DemoSite>>, Path(rest): Path<String>) -> Response {
    match site.find(&format!("/{rest}")) {
        Some(a) => html(site.article_html(a)),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

async fn robots() -> &'static str {
    "User-agent: *\nDisallow: /admin/\n"
}

/// The site as an axum router.
pub fn router(site: Arc<DemoSite>) -> Router {
    Router::new()
        .route("/robots.txt", get(robots))
        .route("/news", get(news))
        .route("/{*rest}", get(article))
        .with_state(site)
}

/// Serve the site on 127.0.0.1 (an ephemeral port) until the returned task is aborted.
pub async fn serve(
    site: Arc<DemoSite>,
) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = router(site);
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!(error = %e, "demo site stopped");
        }
    });
    Ok((addr, task))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_is_deterministic_and_varied() {
        let a = DemoSite::generate(36);
        let b = DemoSite::generate(36);
        assert_eq!(a.articles.len(), 36);
        assert_eq!(a.articles[5].title, b.articles[5].title);
        for m in [
            Markup::JsonLd,
            Markup::OpenGraph,
            Markup::Byline,
            Markup::Unpublished,
        ] {
            assert!(a.articles.iter().filter(|x| x.markup == m).count() >= 9);
        }
        assert!(a.articles.iter().any(|x| x.authors.is_empty()));
        assert!(a.articles.iter().any(|x| x.authors.len() == 2));
        let slugs: std::collections::HashSet<_> = a.articles.iter().map(|x| &x.slug).collect();
        assert_eq!(slugs.len(), 36, "slugs are unique");
        assert_eq!(a.listing_pages(), 4);
        assert!(a.listing(3).is_some() && a.listing(4).is_none());
    }
}
