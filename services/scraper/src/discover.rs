//! Discovery, free of I/O: bytes and a base URL in, links out. Listing pages (HTML),
//! feeds (RSS, Atom, JSON Feed via feed-rs), sitemaps (urlsets, indexes, gzip, Google News)
//! and the `Sitemap:` lines of robots.txt.

use std::io::Read as _;

use chrono::{DateTime, Utc};
use scraper::{Html, Selector};
use url::Url;

use newsflow_shared::urlnorm;

/// A link found on a page, canonicalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub url: Url,
    /// A Google News sitemap's `<news:title>` or a feed entry's title.
    pub title: Option<String>,
    /// A Google News sitemap's `<news:publication_date>` or a feed entry's date.
    pub published_at: Option<DateTime<Utc>>,
}

impl Link {
    pub fn plain(url: Url) -> Self {
        Link {
            url,
            title: None,
            published_at: None,
        }
    }
}

/// A page could not be understood; the crawl logs it and goes on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DiscoverError {
    #[error("malformed feed: {0}")]
    Feed(String),
    #[error("malformed sitemap: {0}")]
    Sitemap(String),
    #[error("gzip body: {0}")]
    Gzip(String),
}

/// What a listing page links to: every followable `<a href>` (resolved, canonical, in page
/// order, deduplicated) and its "next page" link, if any.
#[derive(Debug, Default, PartialEq)]
pub struct ListingLinks {
    pub links: Vec<Url>,
    pub next: Option<Url>,
}

/// Links of an HTML page. Broken HTML is fine (html5ever repairs it); the body is decoded
/// leniently since only the URLs matter.
pub fn listing_links(base: &Url, body: &[u8]) -> ListingLinks {
    let text = String::from_utf8_lossy(body);
    let doc = Html::parse_document(&text);
    let base = base_href(&doc, base);
    let mut out = ListingLinks::default();
    let mut seen = std::collections::HashSet::new();
    if let Ok(sel) = Selector::parse("a[href], area[href]") {
        for a in doc.select(&sel) {
            let Some(href) = a.value().attr("href") else {
                continue;
            };
            let Some(url) = urlnorm::resolve(&base, href) else {
                continue;
            };
            if out.next.is_none() && is_next(&a) {
                out.next = Some(url.clone());
            }
            if seen.insert(url.to_string()) {
                out.links.push(url);
            }
        }
    }
    if let Ok(sel) = Selector::parse("link[rel][href]") {
        for l in doc.select(&sel) {
            if has_rel(l.value().attr("rel"), "next")
                && let Some(url) = l
                    .value()
                    .attr("href")
                    .and_then(|h| urlnorm::resolve(&base, h))
            {
                out.next = Some(url);
                break;
            }
        }
    }
    out
}

fn base_href(doc: &Html, page: &Url) -> Url {
    Selector::parse("base[href]")
        .ok()
        .and_then(|sel| doc.select(&sel).next())
        .and_then(|b| b.value().attr("href"))
        .and_then(|h| page.join(h).ok())
        .unwrap_or_else(|| page.clone())
}

fn has_rel(rel: Option<&str>, want: &str) -> bool {
    rel.is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(want))
    })
}

/// A "next page" anchor: `rel=next`, or its text / label says next.
fn is_next(a: &scraper::ElementRef<'_>) -> bool {
    if has_rel(a.value().attr("rel"), "next") {
        return true;
    }
    let label = a
        .value()
        .attr("aria-label")
        .unwrap_or_default()
        .to_lowercase();
    let text: String = a.text().collect::<String>().trim().to_lowercase();
    let class = a.value().attr("class").unwrap_or_default().to_lowercase();
    let words = [
        "next",
        "next page",
        "next ›",
        "next »",
        "›",
        "»",
        "older posts",
        "older",
    ];
    words.contains(&text.as_str())
        || text.starts_with("next ")
        || label.starts_with("next")
        || class
            .split_ascii_whitespace()
            .any(|c| c == "next" || c == "pager-next")
}

/// Entries of a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed), each entry's link resolved.
pub fn feed_links(base: &Url, body: &[u8]) -> Result<Vec<Link>, DiscoverError> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        .build()
        .parse(body)
        .map_err(|e| DiscoverError::Feed(e.to_string()))?;
    let mut out = Vec::new();
    for entry in feed.entries {
        let href = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone())
            // RSS items without <link> often carry a permalink <guid>.
            .or_else(|| entry.id.starts_with("http").then(|| entry.id.clone()));
        let Some(url) = href.and_then(|h| urlnorm::resolve(base, &h)) else {
            continue;
        };
        out.push(Link {
            url,
            title: entry.title.map(|t| t.content),
            published_at: entry.published.or(entry.updated),
        });
    }
    Ok(out)
}

/// A parsed sitemap: either an index of further sitemaps or a set of pages.
#[derive(Debug, PartialEq, Default)]
pub struct Sitemap {
    /// `<sitemapindex>` entries.
    pub sitemaps: Vec<Url>,
    /// `<urlset>` entries, with Google News title and date when present.
    pub pages: Vec<Link>,
}

/// Undo gzip if the body is gzipped (`.xml.gz` served as `application/gzip`), refusing to
/// inflate beyond `max_bytes` (a gzip bomb).
pub fn gunzip_if_needed(
    body: &[u8],
    max_bytes: u64,
) -> Result<std::borrow::Cow<'_, [u8]>, DiscoverError> {
    if !body.starts_with(&[0x1f, 0x8b]) {
        return Ok(std::borrow::Cow::Borrowed(body));
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(body)
        .take(max_bytes + 1)
        .read_to_end(&mut out)
        .map_err(|e| DiscoverError::Gzip(e.to_string()))?;
    if out.len() as u64 > max_bytes {
        return Err(DiscoverError::Gzip(format!(
            "inflates beyond {max_bytes} bytes"
        )));
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// Parse a sitemap (already gunzipped). Unknown elements are ignored; a document that is
/// neither a `urlset` nor a `sitemapindex` is an error.
pub fn parse_sitemap(base: &Url, body: &[u8]) -> Result<Sitemap, DiscoverError> {
    use quick_xml::events::Event;
    let text =
        std::str::from_utf8(body).map_err(|e| DiscoverError::Sitemap(format!("not UTF-8: {e}")))?;
    let mut reader = quick_xml::Reader::from_str(text.trim_start_matches('\u{feff}'));
    let mut out = Sitemap::default();
    let mut root: Option<String> = None;
    // Local names of the open elements, and the text of the innermost.
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut entry = Entry::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            DiscoverError::Sitemap(format!("at byte {}: {e}", reader.buffer_position()))
        })?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if root.is_none() {
                    root = Some(name.clone());
                }
                if name == "url" || name == "sitemap" {
                    entry = Entry::default();
                }
                stack.push(name);
                text.clear();
            }
            Event::Empty(_) => {}
            Event::Text(t) => text.push_str(&t),
            Event::CData(t) => text.push_str(&t),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else {
                    text.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(_) => {
                let Some(name) = stack.pop() else { continue };
                let parent = stack.last().map(String::as_str);
                let value = text.trim().to_string();
                match (name.as_str(), parent) {
                    ("loc", Some("url" | "sitemap")) => entry.loc = Some(value),
                    ("title", Some("news")) => entry.title = Some(value),
                    ("publication_date", Some("news")) => entry.date = parse_w3c_date(&value),
                    ("url", _) => {
                        if let Some(url) = entry.loc.take().and_then(|l| urlnorm::resolve(base, &l))
                        {
                            out.pages.push(Link {
                                url,
                                title: entry.title.take(),
                                published_at: entry.date.take(),
                            });
                        }
                    }
                    ("sitemap", _) => {
                        if let Some(url) = entry.loc.take().and_then(|l| urlnorm::resolve(base, &l))
                        {
                            out.sitemaps.push(url);
                        }
                    }
                    _ => {}
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match root.as_deref() {
        Some("urlset" | "sitemapindex") => Ok(out),
        Some(other) => Err(DiscoverError::Sitemap(format!(
            "root element is <{other}>, not <urlset> or <sitemapindex>"
        ))),
        None => Err(DiscoverError::Sitemap("no XML element".into())),
    }
}

#[derive(Default)]
struct Entry {
    loc: Option<String>,
    title: Option<String>,
    date: Option<DateTime<Utc>>,
}

/// W3C datetime as sitemaps use it: a full RFC 3339 time, or a date alone.
fn parse_w3c_date(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            // "2026-01-15T04:00-05:00" (no seconds) is valid W3C datetime.
            DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z")
                .ok()
                .map(|d| d.with_timezone(&Utc))
        })
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc())
        })
}

/// The `Sitemap:` lines of a robots.txt, resolved against it.
pub fn robots_sitemaps(base: &Url, body: &[u8]) -> Vec<Url> {
    String::from_utf8_lossy(body)
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case("sitemap")
                .then(|| urlnorm::resolve(base, value.trim()))
                .flatten()
        })
        .collect()
}

/// Whether a URL names a robots.txt (a sitemap source may point at one).
pub fn is_robots_url(url: &Url) -> bool {
    url.path() == "/robots.txt"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    fn base() -> Url {
        Url::parse("https://example.com/news/").expect("url")
    }

    fn urls(links: &[Link]) -> Vec<String> {
        links.iter().map(|l| l.url.to_string()).collect()
    }

    #[test]
    fn listing_finds_links_and_next() {
        let html = br#"<html><head><link rel="next" href="?page=2"></head><body>
            <a href="/news-feed-item/2026-01-15/a?utm_source=x">A</a>
            <a href="/news-feed-item/2026-01-15/a">A again</a>
            <a href="mailto:x@example.com">mail</a>
            <a href="b#frag">B</a>
            <p><a href="/unclosed">broken <b>html
        "#;
        let got = listing_links(&base(), html);
        assert_eq!(
            got.links.iter().map(Url::as_str).collect::<Vec<_>>(),
            vec![
                "https://example.com/news-feed-item/2026-01-15/a",
                "https://example.com/news/b",
                "https://example.com/unclosed",
            ]
        );
        assert_eq!(
            got.next.as_ref().map(Url::as_str),
            Some("https://example.com/news/?page=2")
        );
    }

    #[test]
    fn listing_next_by_text_or_rel_on_anchor() {
        let got = listing_links(&base(), br#"<a href="/p2">Next &rsaquo;</a>"#);
        assert_eq!(
            got.next.as_ref().map(Url::as_str),
            Some("https://example.com/p2")
        );
        let got = listing_links(&base(), br#"<a rel="nofollow next" href="/p3">3</a>"#);
        assert_eq!(
            got.next.as_ref().map(Url::as_str),
            Some("https://example.com/p3")
        );
        let got = listing_links(&base(), br#"<a href="/about">About</a>"#);
        assert_eq!(got.next, None);
        let got = listing_links(
            &base(),
            br#"<base href="https://cdn.example.com/x/"><a href="y">Y</a>"#,
        );
        assert_eq!(got.links[0].as_str(), "https://cdn.example.com/x/y");
    }

    #[test]
    fn listing_survives_non_utf8() {
        // Latin-1 bytes under a page that claims UTF-8.
        let got = listing_links(
            &base(),
            b"<a href=\"/caf\xe9\">caf\xe9</a><a href=\"/ok\">ok</a>",
        );
        assert_eq!(got.links.len(), 2);
        assert_eq!(got.links[1].as_str(), "https://example.com/ok");
    }

    const RSS2: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
        <item><title>One</title><link>https://example.com/a/1?utm_campaign=x</link>
        <pubDate>Thu, 15 Jan 2026 09:00:00 GMT</pubDate></item>
        <item><title>Two</title><guid isPermaLink="true">https://example.com/a/2</guid></item>
        </channel></rss>"#;
    const RSS091: &str = r#"<?xml version="1.0"?><rss version="0.91"><channel><title>T</title>
        <link>https://example.com/</link><description>d</description>
        <item><title>Old</title><link>https://example.com/old</link></item></channel></rss>"#;
    const RSS1: &str = r#"<?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://example.com/"><title>T</title><link>https://example.com/</link></channel>
        <item rdf:about="https://example.com/rdf/1"><title>R</title><link>https://example.com/rdf/1</link></item>
        </rdf:RDF>"#;
    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2026-01-15T10:00:00Z</updated>
        <entry><title>Atom one</title><id>urn:1</id><updated>2026-01-15T10:00:00Z</updated>
        <link rel="alternate" href="/atom/1"/><link rel="edit" href="/edit/1"/></entry></feed>"#;
    const JSON_FEED: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T",
        "items": [{"id": "1", "url": "https://example.com/json/1", "title": "J",
                   "date_published": "2026-01-15T10:00:00Z"}]}"#;

    #[test]
    fn feeds_of_every_flavour() {
        let links = feed_links(&base(), RSS2.as_bytes()).expect("rss 2.0");
        assert_eq!(
            urls(&links),
            ["https://example.com/a/1", "https://example.com/a/2"]
        );
        assert_eq!(links[0].title.as_deref(), Some("One"));
        assert_eq!(
            links[0].published_at,
            Some("2026-01-15T09:00:00Z".parse().expect("time"))
        );
        assert_eq!(
            urls(&feed_links(&base(), RSS091.as_bytes()).expect("0.91")),
            ["https://example.com/old"]
        );
        assert_eq!(
            urls(&feed_links(&base(), RSS1.as_bytes()).expect("1.0")),
            ["https://example.com/rdf/1"]
        );
        assert_eq!(
            urls(&feed_links(&base(), ATOM.as_bytes()).expect("atom")),
            ["https://example.com/atom/1"]
        );
        assert_eq!(
            urls(&feed_links(&base(), JSON_FEED.as_bytes()).expect("json")),
            ["https://example.com/json/1"]
        );
    }

    #[test]
    fn malformed_feed_is_a_clear_error() {
        let err = feed_links(&base(), b"<rss><channel><item><title>x</ti").expect_err("malformed");
        assert!(err.to_string().starts_with("malformed feed"), "{err}");
        let err = feed_links(&base(), b"<html><body>not a feed</body></html>").expect_err("html");
        assert!(matches!(err, DiscoverError::Feed(_)));
    }

    const URLSET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://example.com/a?x=1&amp;b=2</loc><lastmod>2026-01-15</lastmod></url>
          <url><loc><![CDATA[https://example.com/b]]></loc></url>
          <url><lastmod>2026-01-15</lastmod></url>
        </urlset>"#;
    const NEWS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url><loc>https://nationalpost.com/news/story</loc>
            <news:news><news:publication><news:name>National Post</news:name><news:language>en</news:language></news:publication>
              <news:publication_date>2026-01-15T04:00:00-05:00</news:publication_date>
              <news:title><![CDATA[Carney & the budget]]></news:title></news:news></url>
          <url><loc>https://nationalpost.com/news/other</loc>
            <news:news><news:publication_date>2026-01-14</news:publication_date>
              <news:title>Ottawa &amp; Gatineau</news:title></news:news></url>
        </urlset>"#;
    const INDEX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://example.com/sitemap-1.xml.gz</loc><lastmod>2026-01-15</lastmod></sitemap>
          <sitemap><loc>/sitemap-2.xml</loc></sitemap>
        </sitemapindex>"#;

    #[test]
    fn sitemap_urlset_and_index() {
        let s = parse_sitemap(&base(), URLSET.as_bytes()).expect("urlset");
        assert_eq!(
            urls(&s.pages),
            ["https://example.com/a?b=2&x=1", "https://example.com/b"]
        );
        assert!(s.sitemaps.is_empty());
        let s = parse_sitemap(&base(), INDEX.as_bytes()).expect("index");
        assert_eq!(
            s.sitemaps.iter().map(Url::as_str).collect::<Vec<_>>(),
            [
                "https://example.com/sitemap-1.xml.gz",
                "https://example.com/sitemap-2.xml"
            ]
        );
        assert!(s.pages.is_empty());
    }

    #[test]
    fn google_news_sitemap_keeps_title_and_date() {
        let s = parse_sitemap(&base(), NEWS.as_bytes()).expect("news");
        assert_eq!(s.pages.len(), 2);
        assert_eq!(s.pages[0].title.as_deref(), Some("Carney & the budget"));
        assert_eq!(
            s.pages[0].published_at,
            Some("2026-01-15T09:00:00Z".parse().expect("time"))
        );
        assert_eq!(s.pages[1].title.as_deref(), Some("Ottawa & Gatineau"));
        assert_eq!(
            s.pages[1].published_at,
            Some("2026-01-14T00:00:00Z".parse().expect("time"))
        );
    }

    #[test]
    fn gzipped_sitemap() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(URLSET.as_bytes()).expect("gzip");
        let gz = gz.finish().expect("gzip");
        let plain = gunzip_if_needed(&gz, 1_000_000).expect("gunzip");
        assert_eq!(
            parse_sitemap(&base(), &plain).expect("urlset").pages.len(),
            2
        );
        assert!(
            gunzip_if_needed(&gz, 100).is_err(),
            "inflating past the cap is refused"
        );
        assert_eq!(
            &*gunzip_if_needed(b"<urlset/>", 10).expect("plain"),
            b"<urlset/>"
        );
        assert!(
            gunzip_if_needed(&gz[..20], 1_000_000).is_err(),
            "truncated gzip"
        );
    }

    #[test]
    fn malformed_sitemaps() {
        assert!(parse_sitemap(&base(), b"<html><body/></html>").is_err());
        assert!(parse_sitemap(&base(), b"").is_err());
        assert!(parse_sitemap(&base(), b"<urlset><url><loc>x</url></urlset>").is_err());
        assert!(parse_sitemap(&base(), b"\xff\xfe").is_err());
    }

    #[test]
    fn robots_sitemap_lines() {
        let robots = b"User-agent: *\nDisallow: /private\nSitemap: https://example.com/sitemap-news.xml\nsitemap:/s2.xml\n";
        let got = robots_sitemaps(
            &Url::parse("https://example.com/robots.txt").expect("url"),
            robots,
        );
        assert_eq!(
            got.iter().map(Url::as_str).collect::<Vec<_>>(),
            [
                "https://example.com/sitemap-news.xml",
                "https://example.com/s2.xml"
            ]
        );
        assert!(is_robots_url(
            &Url::parse("https://example.com/robots.txt").expect("url")
        ));
    }
}
