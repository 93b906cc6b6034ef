//! unpublished.ca, a Canadian newswire aggregator (Drupal). Keyed on what the page says
//! (`Source Feed:`, `Author:`, `Publication Date:`, the "Unpublished Newswire" block and
//! its `date | authors | source` lines) and on URL patterns, not on one theme's markup.

use std::sync::LazyLock;

use chrono_tz::America::Toronto;
use regex::Regex;
use scraper::Html;
use url::Url;

use super::lines::{Line, lines};
use crate::dates::{self, DateCtx};
use crate::text::collapse_ws;
use crate::{
    Article, NewswireItem, PageContent, PageInput, PubTime, authors, body, generic, metadata::Meta,
};

/// The profile applies on unpublished.ca, and wherever a page says it is one of its pages
/// (a mirror, an archive, a new theme): the `Source Feed:` and `Publication Date:` labels of
/// an article page, or a newswire list of `date - time | authors | source` lines.
pub fn matches(url: &Url, doc: &Html, meta: &Meta) -> bool {
    url.host_str()
        .is_some_and(|h| h == "unpublished.ca" || h.ends_with(".unpublished.ca"))
        || (might_say_so(&meta.visible_text) && says_so(doc))
}

/// What [`says_so`] looks for cannot be there without its labels or three items' bars in
/// the visible text: one cheap look before walking the page.
fn might_say_so(visible: &str) -> bool {
    visible.contains("source feed:")
        || visible.contains("publication date:")
        || memchr::memchr_iter(b'|', visible.as_bytes())
            .nth(5)
            .is_some()
}

fn says_so(doc: &Html) -> bool {
    let (mut source_feed, mut pub_date, mut items) = (false, false, 0);
    for t in doc.root_element().text() {
        let t = t.trim();
        source_feed |= t.starts_with("Source Feed:");
        pub_date |= t.starts_with("Publication Date:");
        if t.contains('|') && ITEM_META.is_match(t) {
            items += 1;
        }
        if (source_feed && pub_date) || items >= 3 {
            return true;
        }
    }
    false
}

/// `January 15, 2026 - 05:39 | Doug Menary, Ottawa Citizen | Ottawa Sun`
static ITEM_META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([A-Z][a-z]+\.?\s+[0-9]{1,2},\s+[0-9]{4}\s*[-–—]?\s*[0-9]{1,2}:[0-9]{2}(?:\s*[ap]\.?m\.?)?)\s*\|\s*(.*?)\s*\|\s*(.+?)\s*$")
        .expect("valid regex")
});

static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*read\s+more\s*(?:»|›|→|\.\.\.|…)?\s*$").expect("valid regex")
});

static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^our website is the place for|sign up for our newsletters?|bookmark \S+\.(?:com|ca)|^stay informed$|^subscribe|^get the latest|newsletters? here\.?$")
        .expect("valid regex")
});

/// Publishers seen on the site, to tell an outlet from a person in an author list.
const KNOWN_SOURCES: &[&str] = &[
    "The Globe and Mail",
    "Globe and Mail",
    "National Post",
    "CBC News",
    "CBC News - Canada",
    "CBC News - Ottawa",
    "Global News",
    "Global News - Canada",
    "Global News - Ottawa",
    "Ottawa Citizen",
    "Ottawa Sun",
    "Toronto Sun",
    "Toronto Star",
    "Walrus",
    "The Walrus",
    "CFRA",
    "CTV News",
    "The Canadian Press",
    "Canadian Press",
];

const PUBLICATION_WORDS: &[&str] = &[
    "citizen",
    "sun",
    "post",
    "news",
    "star",
    "times",
    "herald",
    "journal",
    "gazette",
    "mail",
    "press",
    "tribune",
    "magazine",
    "media",
    "radio",
    "tv",
    "network",
    "daily",
    "chronicle",
    "observer",
    "record",
    "telegraph",
    "examiner",
    "standard",
    "express",
    "canada",
    "ottawa",
    "walrus",
    "cfra",
    "ctv",
    "cbc",
    "wire",
    "reuters",
    "bloomberg",
];

/// Whether a part of an author list is an outlet rather than a person.
pub fn is_outlet(part: &str, source: Option<&str>) -> bool {
    let p = part.trim();
    if p.is_empty() {
        return true;
    }
    if source.is_some_and(|s| s.eq_ignore_ascii_case(p))
        || KNOWN_SOURCES.iter().any(|s| s.eq_ignore_ascii_case(p))
    {
        return true;
    }
    let last = p
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase();
    PUBLICATION_WORDS.contains(&last.as_str())
}

/// Authors of a newswire line or an `Author:` field: split on commas; outlets dropped.
pub fn split_names(raw: &str, source: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in raw.split([',', ';']) {
        for name in part.split(" and ") {
            let name = collapse_ws(name);
            if name.is_empty() || is_outlet(&name, source) {
                continue;
            }
            if let Some(n) = authors::clean_name(&name) {
                authors::push_unique(&mut out, n);
            }
        }
    }
    out
}

fn parse_site_time(s: &str) -> Option<PubTime> {
    dates::parse(s, &DateCtx::default(), Some(Toronto)).map(|p| p.resolve(Some(Toronto), None))
}

/// The value of a `Label: value` line, or of the line after a bare label.
fn label_value(ls: &[Line], label: &str) -> Option<(usize, String)> {
    for (i, l) in ls.iter().enumerate() {
        let t = l.text.trim();
        let Some(rest) = t
            .get(..label.len())
            .filter(|p| p.eq_ignore_ascii_case(label))
            .map(|_| &t[label.len()..])
        else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(rest) = rest
            .strip_prefix(':')
            .or(if rest.is_empty() { Some("") } else { None })
        else {
            continue;
        };
        let v = rest.trim();
        if !v.is_empty() {
            return Some((i, v.to_string()));
        }
        if let Some(next) = ls.get(i + 1) {
            return Some((i + 1, next.text.trim().to_string()));
        }
    }
    None
}

fn newswire_items(ls: &[Line], base: &Url) -> Vec<NewswireItem> {
    let mut items = Vec::new();
    let mut start = 0usize;
    for (j, l) in ls.iter().enumerate() {
        let Some(c) = ITEM_META.captures(&l.text) else {
            continue;
        };
        let span_start = start.max(j.saturating_sub(4));
        let span = &ls[span_start..j];
        start = j + 1;
        let source = collapse_ws(&c[3]);
        let source_opt = (!source.is_empty()).then_some(source.clone());
        let is_item_link = |h: &str| h.contains("/news-feed-item/") || h.contains("/node/");
        // The title: a heading, or a link to an item page that is not "Read More".
        let title_idx = span
            .iter()
            .rposition(|x| {
                x.heading
                    && !READ_MORE.is_match(&x.text)
                    && !x.text.eq_ignore_ascii_case("unpublished newswire")
            })
            .or_else(|| {
                // A short line that is all link: on the site itself the link goes to an
                // item page; elsewhere (a mirror, a theme change) anywhere.
                span.iter().position(|x| {
                    x.href.is_some()
                        && !READ_MORE.is_match(&x.link_text)
                        && !x.link_text.is_empty()
                        && x.link_text.len() + 3 >= x.text.len()
                        && x.text.chars().count() < 160
                        && !x.text.trim_end().ends_with(['.', '…'])
                })
            });
        let summary_lines: Vec<&Line> = span
            .iter()
            .enumerate()
            .filter(|(i, x)| {
                Some(*i) != title_idx
                    && !x.heading
                    && !x.text.eq_ignore_ascii_case("unpublished newswire")
                    && !if READ_MORE.is_match(&x.text) {
                        READ_MORE.replace(&x.text, "").trim().is_empty()
                    } else {
                        false
                    }
            })
            .filter(|(i, _)| title_idx.is_none_or(|t| *i > t))
            .map(|(_, x)| x)
            .collect();
        let summary = summary_lines
            .iter()
            .map(|x| x.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let summary = collapse_ws(&READ_MORE.replace(&summary, ""));
        let link = title_idx
            .and_then(|t| span[t].href.clone())
            .or_else(|| {
                span.iter()
                    .filter_map(|x| x.href.clone())
                    .find(|h| is_item_link(h))
            })
            .or_else(|| span.iter().rev().find_map(|x| x.href.clone()))
            .and_then(|h| newsflow_shared::urlnorm::resolve(base, &h));
        let Some(link) = link else {
            continue;
        };
        items.push(NewswireItem {
            title: title_idx.map(|t| span[t].text.clone()),
            link: link.to_string(),
            summary: (!summary.is_empty()).then_some(summary),
            published_at: parse_site_time(&c[1]),
            authors: split_names(&c[2], source_opt.as_deref()),
            source: source_opt,
        });
    }
    items
}

pub fn extract(doc: &Html, meta: &Meta, url: &Url, input: &PageInput<'_>) -> Option<PageContent> {
    let ls = lines(doc);
    let wire_start = ls
        .iter()
        .position(|l| l.text.trim().eq_ignore_ascii_case("unpublished newswire"));
    let article_part = &ls[..wire_start.unwrap_or(ls.len())];
    let pub_date = label_value(article_part, "Publication Date");
    let path = url.path();
    let article_url = path.starts_with("/news-feed-item/") || path.starts_with("/node/");
    if pub_date.is_none() && !article_url {
        let newswire = newswire_items(&ls, url);
        return Some(PageContent::NotArticle {
            reason: "unpublished.ca listing page".to_string(),
            newswire,
        });
    }
    let newswire = match wire_start {
        Some(w) => newswire_items(&ls[w..], url),
        None => Vec::new(),
    };
    let source = label_value(article_part, "Source Feed").map(|(_, v)| v);
    let author_line = label_value(article_part, "Author");
    let authors = author_line
        .as_ref()
        .map(|(_, v)| split_names(v, source.as_deref()))
        .unwrap_or_default();
    let published_at = pub_date.as_ref().and_then(|(_, v)| parse_site_time(v));
    let title = meta
        .h1s
        .iter()
        .map(|h| h.0.clone())
        .find(|h| !h.is_empty())
        .or_else(|| {
            meta.title_tag.as_deref().map(|t| {
                let t = t.trim();
                t.strip_suffix("| Unpublished")
                    .unwrap_or(t)
                    .trim()
                    .to_string()
            })
        });
    let st = generic::structured(meta, url);
    let raw_body = body::extract(
        doc,
        &body::Opts {
            title: title.as_deref(),
            authors: &[],
            exclude: None,
        },
    );
    let mut paras: Vec<String> = raw_body.split("\n\n").map(str::to_string).collect();
    // Cut at the newswire block if the body reached it.
    if let Some(i) = paras.iter().position(|p| {
        p.trim().eq_ignore_ascii_case("unpublished newswire")
            || p.lines().any(|l| ITEM_META.is_match(l))
    }) {
        paras.truncate(i);
    }
    let title_norm = title.as_deref().map(crate::text::words);
    let is_label = |p: &str| {
        let l = p.trim().to_ascii_lowercase();
        l.starts_with("source feed")
            || l.starts_with("author:")
            || l == "author"
            || l.starts_with("publication date")
    };
    let date_only = |p: &str| {
        p.len() < 60
            && dates::find_day(p)
                .is_some_and(|(_, (s, e))| p[..s].trim().is_empty() && p[e..].trim().is_empty())
    };
    // A theme may put a label's value in a block of its own ("Source Feed:" / "Ottawa
    // Citizen"): those values are metadata, not body.
    let label_values: Vec<String> = [
        source.clone(),
        author_line.as_ref().map(|(_, v)| v.clone()),
        pub_date.as_ref().map(|(_, v)| v.clone()),
    ]
    .into_iter()
    .flatten()
    .map(|v| v.trim().to_string())
    .filter(|v| !v.is_empty())
    .collect();
    paras.retain(|p| {
        !is_label(p)
            && !label_values.iter().any(|v| p.trim() == v)
            && !date_only(p)
            && title_norm
                .as_ref()
                .is_none_or(|t| crate::text::words(p) != *t)
            && !p.trim().eq_ignore_ascii_case("stay informed")
            && !p.trim().eq_ignore_ascii_case("hello!")
    });
    // The publisher's promo footer: its name on a line, then a promotional paragraph.
    while let Some(last) = paras.last() {
        let t = last.trim();
        let is_source_line = source.as_deref().is_some_and(|s| t.eq_ignore_ascii_case(s))
            || (t.len() < 40 && KNOWN_SOURCES.iter().any(|s| t.eq_ignore_ascii_case(s)));
        if is_source_line || (t.len() < 400 && PROMO.is_match(t)) {
            paras.pop();
        } else {
            break;
        }
    }
    let body_text = paras.join("\n\n");
    let article = Article {
        url: url.to_string(),
        canonical_url: generic::canonical(meta, url),
        title,
        authors,
        published_at,
        modified_at: None,
        source,
        language: generic::language(meta, &st, &body_text),
        description: meta
            .get(&["og:description", "description"])
            .map(collapse_ws),
        body: body_text,
        topics: Vec::new(),
        image: meta
            .get(&["og:image"])
            .and_then(|i| newsflow_shared::urlnorm::resolve(url, i))
            .map(String::from),
    };
    let _ = input;
    Some(PageContent::Article { article, newswire })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_are_not_authors() {
        assert_eq!(
            split_names("Doug Menary, Ottawa Citizen", Some("Ottawa Sun")),
            ["Doug Menary"]
        );
        assert_eq!(
            split_names("Dave McGinn, Laura Stone", Some("The Globe and Mail")),
            ["Dave McGinn", "Laura Stone"]
        );
        assert!(split_names("", Some("CBC News - Canada")).is_empty());
        assert!(split_names("Ottawa Sun", Some("Ottawa Sun")).is_empty());
    }

    #[test]
    fn site_time_is_toronto() {
        assert_eq!(
            parse_site_time("January 15, 2026 - 05:39")
                .map(|t| t.to_string())
                .as_deref(),
            Some("2026-01-15T05:39:00-05:00")
        );
        assert_eq!(
            parse_site_time("June 2, 2025 - 17:05")
                .map(|t| t.to_string())
                .as_deref(),
            Some("2025-06-02T17:05:00-04:00")
        );
    }
}
