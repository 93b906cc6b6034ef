//! The generic extractor: structured metadata first, the visible page second.

use scraper::Html;
use serde_json::{Map, Value};
use url::Url;

use crate::dates::{self, DateCtx, Parsed};
use crate::text::{collapse_ws, decode_entities};
use crate::{
    Article, PageContent, PageInput, PubTime, authors, body, island, jsonld, lang, metadata::Meta,
    title,
};

/// Everything the structured data of a page says, before choosing.
pub struct Structured<'m> {
    pub all: Vec<&'m Map<String, Value>>,
    /// The article object of the JSON-LD, if any, and its rank (3 article, 2 post, 1 page).
    pub art: Option<&'m Map<String, Value>>,
    pub rank: u8,
}

pub fn structured<'m>(meta: &'m Meta, page: &Url) -> Structured<'m> {
    let all = jsonld::objects(&meta.jsonld);
    let best_rank = all
        .iter()
        .map(|o| jsonld::article_rank(o))
        .max()
        .unwrap_or(0);
    let same_page = |o: &Map<String, Value>| {
        let u = o.get("url").and_then(jsonld::text).or_else(|| {
            o.get("mainEntityOfPage").and_then(|m| match m {
                Value::Object(mm) => mm.get("@id").and_then(jsonld::text),
                v => jsonld::text(v),
            })
        });
        u.is_some_and(|u| {
            let a = u.trim_end_matches('/');
            let b = page.as_str().trim_end_matches('/');
            a == b || a.ends_with(page.path().trim_end_matches('/')) && page.path().len() > 1
        })
    };
    let art = if best_rank == 0 {
        None
    } else {
        let ranked: Vec<&&Map<String, Value>> = all
            .iter()
            .filter(|o| jsonld::article_rank(o) == best_rank)
            .collect();
        ranked
            .iter()
            .find(|o| same_page(o))
            .or_else(|| {
                ranked
                    .iter()
                    .find(|o| o.contains_key("headline") || o.contains_key("datePublished"))
            })
            .or(ranked.first())
            .map(|o| **o)
    };
    Structured {
        all,
        art,
        rank: best_rank,
    }
}

fn ld_str(o: Option<&Map<String, Value>>, key: &str) -> Option<String> {
    o?.get(key)
        .and_then(jsonld::text)
        .map(|s| collapse_ws(&decode_entities(&s)))
}

/// Site names known from the metadata.
pub fn site_names(meta: &Meta, st: &Structured<'_>) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for k in [
        "og:site_name",
        "application-name",
        "twitter:site",
        "al:android:app_name",
        "al:ios:app_name",
        "apple-mobile-web-app-title",
    ] {
        if let Some(s) = meta.get(&[k]) {
            v.push(s.trim_start_matches('@').to_string());
        }
    }
    if let Some(p) = st.art.and_then(|a| a.get("publisher")) {
        v.extend(jsonld::names(p, &st.all));
    }
    for o in &st.all {
        let t = jsonld::types(o);
        if t.iter()
            .any(|t| *t == "WebSite" || *t == "Organization" || *t == "NewsMediaOrganization")
            && let Some(n) = o.get("name").and_then(jsonld::text)
        {
            v.push(n);
        }
    }
    v.extend(meta.site_titles.iter().cloned());
    v.retain(|s| !s.trim().is_empty());
    v
}

const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "published_time",
    "article.published",
    "datepublished",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date_published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc:date",
    "dcterms:date",
    "nv:date",
    "dc.date.created",
    "dcterms.created",
    "article:post_date",
    "original-publish-date",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "og:pubdate",
    "displaydate",
    "published",
    "article:published_date",
    "post_date",
    "creation_date",
    "timestamp",
    "published-date",
    "publication-date",
    "publication_date",
    "publishdate",
    "date-published",
    "release_date",
    "article_date",
    "article.published_time",
    "bt:pubdate",
    "pdate",
    "dc:created",
    "dc.issued",
    "dcterms:issued",
    "og:original_time",
    "datecreated",
    "created",
];

const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article:modified",
    "modified_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "lastmod",
    "article.updated",
    "sailthru.lastmodified",
    "lastmodified",
    "dc.modified",
    "dcterms:modified",
    "dateupdate",
];

/// A date string found on the page, and whether readers see it (a dateline, a `<time>`'s
/// text) or only machines do (metadata, attributes). A time written without an offset is
/// mostly UTC in metadata and mostly the newsroom's local time in a visible dateline.
#[derive(Debug, Clone)]
pub struct DateCand {
    pub text: String,
    pub visible: bool,
}

impl DateCand {
    /// A date from metadata or an attribute. One written for readers ("Fri 6:45 PM, Feb 16,
    /// 2018" as an itemprop's text, a meta tag's "November 20, 2019 13:42") counts as visible.
    pub fn machine(text: impl Into<String>) -> Self {
        let text = text.into();
        let t = text.trim_start();
        let iso = t.len() >= 10
            && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && t.as_bytes()[4] == b'-';
        let epoch = !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        DateCand {
            visible: !(iso || epoch),
            text,
        }
    }

    pub fn visible(text: impl Into<String>) -> Self {
        DateCand {
            text: text.into(),
            visible: true,
        }
    }
}

/// What places a time written without an offset.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZoneHints<'a> {
    /// The site's zone when known (a site profile, a country domain).
    pub site: Option<chrono_tz::Tz>,
    /// The zone of the page's locale (`og:locale` "en_US", `<html lang="de">`): a guess
    /// for datelines shown to readers when nothing better is known.
    pub locale: Option<chrono_tz::Tz>,
    /// The page source, where the same wall time may be written with its offset.
    pub source: &'a str,
    /// Numeric dates are day first (see [`dates::day_first`]).
    pub day_first: bool,
    /// The offset the page gives its publication time: it places a modification time
    /// written without one ("dateModified": "2024-03-01T12:30:00" beside
    /// `article:published_time` "...-05:00").
    pub offset: Option<chrono::FixedOffset>,
}

fn update_regex(before: &str, after: &str) -> regex::Regex {
    regex::Regex::new(&format!("(?i){before}{}{after}", dates::UPDATE_WORDS)).expect("valid regex")
}

/// A line that opens with the update word ("Last updated: ...").
static UPDATED_LINE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| update_regex(r"^[^A-Za-z0-9]*(?:last\s+)?", r"(?-u:\b)"));

/// The words just before a date say it is the update ("By Jane Doe Updated March 5, 2024").
static UPDATED_BEFORE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| update_regex(r"(?-u:\b)", r"(?:\s+on)?\s*:?\s*$"));

/// How far after the headline (in nodes) a date counts as the story's dateline.
const NEAR_H1: usize = 200;

/// How far after the headline (in nodes) a dateline is the story header's, and how far
/// before it (a kicker's "News | March 12, 2024" above the headline).
const HEADER: usize = 60;
const HEADER_ABOVE: usize = 15;

/// A `<time>` of the page's revision: marked so, or its text says so ("Updated on: November
/// 19, 2019 / 10:07 AM").
fn is_revision(t: &crate::metadata::TimeEl) -> bool {
    t.modified
        || (!t.published
            && says_updated(&t.text)
            && crate::metadata::revision_then_publication(&t.text).len() == 1)
}

/// A dateline that gives the page's revision, not its publication: it opens with "Updated"
/// or the word stands right before its first date.
fn says_updated(t: &str) -> bool {
    if UPDATED_LINE.is_match(t) {
        return true;
    }
    // Most datelines name no update: the search for their day is skipped.
    dates::UPDATE_WORD.is_match(t)
        && dates::find_day(t).is_some_and(|(_, (s, _))| UPDATED_BEFORE.is_match(&t[..s]))
}

/// Pick a date from candidate strings in trust order: the first that parses, upgraded to an
/// instant on the same day from a later candidate when it only gave a day.
///
/// A time without an offset is placed, in this order: by an instant on the page naming the
/// same moment; by the same wall time written with an offset anywhere in the source; by an
/// offset the page gives to another date; by the site's zone; and, for a dateline readers
/// see, by the zone of the page's locale; else it is read as UTC.
pub fn choose_date(cands: &[DateCand], ctx: &DateCtx, zones: &ZoneHints<'_>) -> Option<PubTime> {
    // A dateline collected twice (as a `<time>`'s text and as a date in the text) is one
    // witness; metadata fields that agree are several.
    let mut seen: std::collections::HashSet<(&str, bool)> = std::collections::HashSet::new();
    // Each with whether it is a revision's line readers see ("Updated March 12, 2024
    // 10:30am"): its time is not the story's.
    let (parsed, revision): (Vec<(Parsed, bool)>, Vec<bool>) = cands
        .iter()
        .filter(|c| !c.visible || seen.insert((c.text.trim(), c.visible)))
        .take(40)
        .filter_map(|c| {
            // "Today, 09:30" counts from the fetch time's day in the site's zone (or the
            // locale's): which day that is depends on the zone.
            let tz = (c.visible && dates::relative_day(&c.text).is_some())
                .then(|| zones.site.or(zones.locale))
                .flatten();
            dates::parse(&c.text, ctx, tz)
                .map(|p| ((p, c.visible), c.visible && says_updated(&c.text)))
        })
        // Midnight without a zone is a day written as a time ("4/24/2000 12:00:00 AM").
        .map(|((p, v), r)| match p {
            Parsed::Naive(n) if n.time() == chrono::NaiveTime::MIN => {
                ((Parsed::Day(n.date()), v), r)
            }
            p => ((p, v), r),
        })
        .filter(|((p, _), _)| {
            ctx.fetched_at
                .is_none_or(|f| p.day() <= (f + chrono::Duration::days(2)).date_naive())
        })
        .unzip();
    let (first, _) = *parsed.first()?;
    let offset = parsed
        .iter()
        .find_map(|(p, _)| match p {
            Parsed::Instant(t) => Some(*t.offset()),
            _ => None,
        })
        .or(zones.offset);
    let place = |n: chrono::NaiveDateTime, visible: bool| -> PubTime {
        if let Some(off) = dates::offset_in_source(zones.source, n) {
            return Parsed::Naive(n).resolve(None, Some(off));
        }
        let utc = offset.filter(|o| o.local_minus_utc() == 0);
        let other = offset.filter(|o| o.local_minus_utc() != 0);
        if !visible {
            return match offset {
                Some(o) => Parsed::Naive(n).resolve(None, Some(o)),
                None => Parsed::Naive(n).resolve(zones.site, None),
            };
        }
        if let Some(o) = other {
            return Parsed::Naive(n).resolve(None, Some(o));
        }
        match zones.site.or(zones.locale) {
            Some(z) => Parsed::Naive(n).resolve(Some(z), None),
            None => Parsed::Naive(n).resolve(None, utc),
        }
    };
    match first {
        Parsed::Instant(t) if !parsed[0].1 => {
            // The metadata's "published" is the update a dateline shows ("2:26 PM HST -
            // Updated November 18 at 4:46 PM"): the dateline's first time.
            if let Some(v) = cands
                .iter()
                .filter(|c| c.visible)
                .find_map(|c| published_before_update(&c.text, t, ctx))
            {
                return Some(PubTime::Instant(v));
            }
            if let Some(u) = gmt_of_local_wall(t, &parsed) {
                return Some(PubTime::Instant(u));
            }
            // Yoast (with WordPress 5.3) wrote the GMT wall time under the local offset
            // ("16:25:36-05:00" for 16:25:36Z); the theme's own `<time>` has it right
            // ("11:25:36-05:00"): the hours between them are exactly the offset.
            if t.offset().local_minus_utc() != 0
                && let Some((Parsed::Instant(u), _)) = parsed.iter().find(|(p, _)| {
                    matches!(p, Parsed::Instant(u)
                        if u.offset() == t.offset() && u.naive_utc() == t.naive_local())
                })
            {
                return Some(PubTime::Instant(*u));
            }
            // Midnight exactly is often a day written as an instant ("2023-05-17T00:00:00
            // +0000"); an instant with a time in the next day and a half is the real one.
            if t.time() == chrono::NaiveTime::MIN
                && let Some((Parsed::Instant(u), _)) = parsed.iter().find(|(p, _)| {
                    matches!(p, Parsed::Instant(u)
                        if u.time() != chrono::NaiveTime::MIN
                            && *u > t
                            && *u - t < chrono::Duration::hours(36))
                })
            {
                return Some(PubTime::Instant(*u));
            }
            Some(PubTime::Instant(corroborated(t, &parsed)))
        }
        Parsed::Instant(t) => Some(PubTime::Instant(corroborated(t, &parsed))),
        Parsed::Day(d) => {
            // The same day's time from another witness, not from a revision's line
            // ("Published March 12, 2024 Updated March 12, 2024 10:30am").
            match parsed
                .iter()
                .zip(&revision)
                .find(|((p, _), r)| p.day() == d && !matches!(p, Parsed::Day(_)) && !**r)
                .map(|(p, _)| p)
            {
                Some((Parsed::Instant(t), _)) => Some(PubTime::Instant(
                    gmt_of_local_wall(*t, &parsed).unwrap_or(*t),
                )),
                Some((Parsed::Naive(n), visible)) => Some(place(*n, *visible)),
                _ => Some(PubTime::Day(d)),
            }
        }
        Parsed::Naive(n) => {
            if let Some((Parsed::Instant(t), _)) = parsed.iter().find(
                |(p, _)| matches!(p, Parsed::Instant(t) if same_wall_time(t.naive_local(), n)),
            ) {
                return Some(PubTime::Instant(*t));
            }
            // A time without a zone and an instant within a day's zones of it: the same
            // moment, once written in local time and once with its offset (often UTC).
            if let Some((Parsed::Instant(t), _)) = parsed.iter().find(|(p, _)| {
                matches!(p, Parsed::Instant(t)
                    if (t.naive_utc() - n).num_minutes().abs() <= 14 * 60
                        && (t.naive_utc() - n).num_minutes() % 15 == 0)
            }) {
                return Some(PubTime::Instant(*t));
            }
            // A dateline readers see with its zone ("November 18, 2019 -- 19:14 GMT"), days
            // before a zone-less machine time that names another moment: the machine time
            // is a later edit.
            if !parsed[0].1
                && let Some((Parsed::Instant(v), _)) = parsed
                    .iter()
                    .find(|(p, visible)| *visible && matches!(p, Parsed::Instant(_)))
                && v.naive_utc() < n - chrono::Duration::hours(14)
                && v.naive_utc() > n - chrono::Duration::days(7)
            {
                return Some(PubTime::Instant(*v));
            }
            // Machine time that a dateline readers see repeats ("2019-11-19T18:18:25" and
            // "Nov. 19, 2019, 6:18 p.m."): local time, placed as the dateline is.
            let shown = parsed.iter().any(|(p, visible)| {
                *visible && matches!(p, Parsed::Naive(m) if same_wall_time(n, *m))
            });
            Some(place(n, parsed[0].1 || shown))
        }
    }
}

fn is_url(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("www.")
        || l.starts_with('/')
}

fn parsely(meta: &Meta) -> Option<Map<String, Value>> {
    let raw = meta.get(&["parsely-page"])?;
    match serde_json::from_str::<Value>(raw).ok()? {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

/// Authors from the strongest source that names anyone, without an outlet's name glued to
/// them ("Brian Truitt USA TODAY").
/// The most names an article is credited to: a page of 50,000 author tags is hostile, and
/// each name is checked against the others and the page text.
const MAX_AUTHORS: usize = 100;

pub fn choose_authors(
    meta: &Meta,
    st: &Structured<'_>,
    sites: &[String],
    host: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in author_candidates(meta, st, sites, host)
        .into_iter()
        .take(MAX_AUTHORS)
    {
        let mut name = authors::display_case(&authors::strip_glued_agency(&n));
        for site in sites {
            let lower = name.to_lowercase();
            let site_l = site.to_lowercase();
            if site_l.len() >= 2
                && lower.len() > site_l.len() + 1
                && lower.ends_with(&site_l)
                && let Some(cut) = name.len().checked_sub(site_l.len())
                && name.is_char_boundary(cut)
            {
                let head = name[..cut]
                    .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '|'));
                if head.split_whitespace().count() >= 2 {
                    name = head.to_string();
                }
            }
        }
        authors::push_unique(&mut out, name);
    }
    // "By Jane Doe, Reuters": the agency or outlet is the person's affiliation, not a
    // second author. An agency alone is the byline and stays.
    let labels = labels_of(host);
    let is_outlet = |n: &str| {
        let compact = compact(n);
        let words: Vec<&str> = n.split_whitespace().collect();
        // "CNN Business", "Reuters Staff": the site's name and a desk. Not "Tim Ferriss" on
        // tim.blog: the site's name in capitals, or a desk's words after it.
        const DESK_WORDS: &[&str] = &[
            "staff",
            "business",
            "politics",
            "sport",
            "sports",
            "news",
            "desk",
            "team",
            "editors",
            "editorial",
            "wire",
            "tech",
            "money",
            "health",
            "travel",
            "world",
            "digital",
            "online",
            "newsroom",
            "reporters",
            "opinion",
            "entertainment",
            "science",
            "weather",
            "local",
            "investigates",
            "wires",
            "español",
        ];
        let site_desk = words.len() <= 3
            && words.first().is_some_and(|w| {
                let c = self::compact(w);
                c.len() >= 3
                    && (labels.contains(&c) || sites.iter().any(|s| self::compact(s) == c))
                    && (w.chars().all(|ch| !ch.is_lowercase())
                        || words[1..]
                            .iter()
                            .all(|d| DESK_WORDS.contains(&d.to_lowercase().as_str())))
            });
        authors::is_agency(n)
            || authors::names_a_domain(n)
            || site_desk
            || sites.iter().any(|s| s.eq_ignore_ascii_case(n))
            || (compact.len() >= 3 && labels.contains(&compact))
    };
    if out.iter().any(|n| !is_outlet(n)) {
        out.retain(|n| !is_outlet(n));
    }
    out
}

/// The labels of a host name, alphanumeric only ("ecoflow" of www.ecoflow.com).
fn labels_of(host: &str) -> Vec<String> {
    host.split('.').map(compact).collect()
}

/// A name as a host label would spell it: lower case, letters and digits only.
fn compact(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn author_candidates(
    meta: &Meta,
    st: &Structured<'_>,
    sites: &[String],
    host: &str,
) -> Vec<String> {
    // The labels of the host name ("ecoflow" of www.ecoflow.com): a one-word name equal to
    // one of them is the site's, not a person's ("David" on davidbau.com is a person).
    let labels = labels_of(host);
    let is_site = |n: &str| {
        let compact = compact(n);
        sites.iter().any(|s| s.eq_ignore_ascii_case(n))
            || (compact.len() >= 3 && !n.trim().contains(' ') && labels.contains(&compact))
    };
    // Where a byline naming the metadata's authors and more may stand: by the headline.
    let near_h1 = meta
        .first_h1
        .map_or(0..=usize::MAX, |h| h.saturating_sub(20)..=h + 120);
    let mut org_fallback: Vec<String> = Vec::new();
    // Names the JSON-LD types as an organisation.
    let mut ld_orgs: Vec<String> = Vec::new();
    // Names from the metadata that the page never shows: kept only when nothing shown on the
    // page names anyone (annotators, readers and the site itself go by the visible byline).
    let mut hidden: Vec<String> = Vec::new();
    let mut shown_or_hide = |names: Vec<String>| -> Option<Vec<String>> {
        if names.is_empty() {
            return None;
        }
        let shown: Vec<String> = names.iter().filter(|n| meta.shows(n)).cloned().collect();
        if shown.is_empty() || meta.visible_text.is_empty() {
            if hidden.is_empty() {
                hidden = names;
            }
            return None;
        }
        Some(shown)
    };
    // JSON-LD: people first; an organisation only when nothing else names anyone.
    if let Some(art) = st.art {
        let v = art.get("author").or_else(|| art.get("creator"));
        if let Some(v) = v {
            let is_org = |v: &Value| match v {
                Value::Object(m) => jsonld::types(m).iter().any(|t| t.contains("Organization")),
                _ => false,
            };
            let items: Vec<&Value> = match v {
                Value::Array(a) => a.iter().take(MAX_AUTHORS).collect(),
                x => vec![x],
            };
            let mut people = Vec::new();
            for it in items {
                for n in jsonld::names(it, &st.all) {
                    let n = decode_entities(&n);
                    if is_url(&n) {
                        continue;
                    }
                    let names = authors::split_authors_field(&n);
                    if is_org(it) {
                        ld_orgs.extend(names.iter().cloned());
                        org_fallback.extend(names);
                    } else {
                        // "Jane Doe | Daily Ledger": the site's name beside a person's is
                        // not a co-author.
                        for x in names {
                            if is_site(&x) {
                                org_fallback.push(x);
                            } else {
                                authors::push_unique(&mut people, x);
                            }
                        }
                    }
                }
            }
            if let Some(v) = shown_or_hide(people) {
                return with_coauthors(meta, v, &is_site, near_h1.clone());
            }
        }
    }
    let mut from_meta: Vec<String> = Vec::new();
    let generator = meta.get(&["generator"]).map(str::trim);
    for key in [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "citation_author",
        "authors",
        "cxenseparse:author",
        "article:author_name",
        "og:article:author",
        "og:author",
        "article.author",
    ] {
        for v in meta.get_all(key).take(MAX_AUTHORS) {
            // "PMJS - Coordenadoria de TI" as both author and generator: the site's software
            // credit, not a writer.
            if is_url(v)
                || (key == "author" && generator.is_some_and(|g| g.eq_ignore_ascii_case(v.trim())))
            {
                continue;
            }
            // Scholarly tags hold one author each, as "Last, First"; Dublin Core's creator
            // does too when it is one surname and one or two given names.
            let swapped;
            let dc_one_person = |last: &str, first: &str| {
                matches!(key, "dc.creator" | "dcterms.creator")
                    && last.split_whitespace().count() == 1
                    && (1..=2).contains(&first.split_whitespace().count())
            };
            let v = match v.split_once(',') {
                Some((last, first))
                    if (key == "citation_author" || dc_one_person(last, first))
                        && !first.contains(',')
                        && !last.trim().is_empty() =>
                {
                    swapped = format!("{} {}", first.trim(), last.trim());
                    swapped.as_str()
                }
                _ => v,
            };
            for n in authors::split_authors_field(v) {
                if is_site(&n) {
                    // The site as its own author: the answer only when nothing else is.
                    authors::push_unique(&mut org_fallback, n);
                } else {
                    authors::push_unique(&mut from_meta, n);
                }
            }
        }
        if let Some(v) = shown_or_hide(std::mem::take(&mut from_meta)) {
            return with_coauthors(meta, v, &is_site, near_h1.clone());
        }
    }
    // Yoast's "Written by" label in Twitter card data.
    for (label, data) in [
        ("twitter:label1", "twitter:data1"),
        ("twitter:label2", "twitter:data2"),
    ] {
        if meta
            .get(&[label])
            .is_some_and(|l| l.eq_ignore_ascii_case("written by"))
            && let Some(v) = meta.get(&[data])
        {
            let names: Vec<String> = authors::split_authors_field(v)
                .into_iter()
                .filter(|n| !is_site(n))
                .collect();
            if let Some(v) = shown_or_hide(names) {
                return v;
            }
        }
    }
    if let Some(p) = parsely(meta)
        && let Some(a) = p.get("author").or_else(|| p.get("authors"))
    {
        let mut v = Vec::new();
        for n in jsonld::names(a, &st.all) {
            for x in authors::split_authors(&n) {
                authors::push_unique(&mut v, x);
            }
        }
        if let Some(v) = shown_or_hide(v) {
            return v;
        }
    }
    // Visible bylines, strongest first, never from page furniture.
    // When every headline sits in what looks like page furniture (broken markup, a theme
    // that wraps the page in an `<aside>`), the bylines next to the headline still count.
    let h1_in_furniture = match (meta.first_h1, meta.h1s.first()) {
        (None, Some(h)) => Some(h.1),
        _ => None,
    };
    let mut bylines: Vec<&crate::metadata::Byline> = meta
        .bylines
        .iter()
        .filter(|b| {
            !b.in_boilerplate
                || h1_in_furniture.is_some_and(|h| b.order + 20 >= h && b.order <= h + 60)
        })
        .collect();
    // Of equally strong bylines, those by the headline first: a "follow our writers" list
    // earlier in the page is styled as bylines too.
    let h1 = meta.first_h1.unwrap_or(0);
    let by_headline = |b: &crate::metadata::Byline| {
        meta.first_h1.is_some() && b.order + 20 >= h1 && b.order <= h1 + 60
    };
    bylines.sort_by_key(|b| (std::cmp::Reverse(b.strength), !by_headline(b)));
    for b in bylines {
        let all: Vec<String> = if b.strength >= 1 && !b.from_text {
            // "Personal finance" in an element styled as a byline: a section's name, not a
            // user name.
            authors::split_authors_field(&b.text)
                .into_iter()
                .filter(|n| !authors::is_phrase(n))
                .collect()
        } else {
            authors::split_authors(&b.text)
        };
        // A byline element with a long text is a bio or a list, not a byline; one the
        // markup calls the author (`itemprop="author"`) may name a whole team.
        let most = if b.strength >= 3 { 10 } else { 6 };
        if all.is_empty() || all.len() > most || b.text.len() >= 200 {
            continue;
        }
        let mut names: Vec<String> = all.iter().filter(|n| !is_site(n)).cloned().collect();
        // "<a rel=author>Jane Doe</a> and <a rel=author>John Roe</a>": each link is a byline
        // of its own; those right after this one are its co-authors.
        if b.strength >= 3 && !b.from_text && !names.is_empty() {
            let mut last = b.order;
            for o in meta.bylines.iter().filter(|o| {
                o.strength >= 3 && !o.from_text && !o.in_boilerplate && o.order > b.order
            }) {
                if o.order > last + 6 || names.len() >= most {
                    break;
                }
                last = o.order;
                for n in authors::split_authors_field(&o.text) {
                    if !is_site(&n) {
                        authors::push_unique(&mut names, n);
                    }
                }
            }
        }
        if !names.is_empty() {
            // "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader Published ...":
            // the outlet glued on hides the second name, which the byline's own element
            // gives cleanly.
            return with_coauthors(
                meta,
                names,
                &is_site,
                b.order.saturating_sub(5)..=b.order + 5,
            );
        }
        // "By ASU Online" under the headline: the site is the byline. Not when the site
        // is only named in markup (`<meta itemprop="name">` of an `Organization` author)
        // and the metadata names a person.
        if by_headline(b) && (!b.unseen || hidden.is_empty()) {
            return all;
        }
    }
    let mut linked: Vec<String> = Vec::new();
    for t in &meta.author_links {
        for n in authors::split_authors(t) {
            if !is_site(&n) {
                authors::push_unique(&mut linked, n);
            }
        }
    }
    if !linked.is_empty() && linked.len() <= 4 {
        return linked;
    }
    // An author box: the name and a bio that opens with it.
    if let Some(n) = meta
        .bio_names
        .iter()
        .find_map(|n| authors::clean_name(n).filter(|n| !is_site(n)))
    {
        return vec![n];
    }
    // An info box's "Author" label and the name after it.
    for t in &meta.labelled_names {
        let names: Vec<String> = authors::split_authors(t)
            .into_iter()
            .filter(|n| !is_site(n))
            .collect();
        if !names.is_empty() {
            return names;
        }
    }
    // A Korean sign-off at the end of the story ("정덕현 칼럼니스트 thekian1@...").
    if let Some(n) = meta.signoffs.first() {
        return vec![n.clone()];
    }
    if !hidden.is_empty() {
        return hidden;
    }
    // The site's name as the author, when nothing names a person and a byline or author
    // tag gives it; but not an `Organization` the JSON-LD alone credits (a newsroom's story
    // or a company's post without a byline has no author: its publisher is the source, not
    // a writer). A news agency that is not the site (Reuters' copy on another paper's page)
    // is the byline.
    let publisher = |n: &str| {
        meta.get(&["og:site_name"])
            .is_some_and(|s| s.eq_ignore_ascii_case(n))
            || st.art.and_then(|a| a.get("publisher")).is_some_and(|p| {
                jsonld::names(p, &st.all)
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(n))
            })
            || labels.contains(&compact(n))
    };
    org_fallback.retain(|n| !ld_orgs.contains(n) || (authors::is_agency(n) && !publisher(n)));
    org_fallback
}

/// The metadata's authors, or the visible byline's when it names them all and more: a
/// theme's metadata often keeps only the first of several authors ("Written by Dr Marna
/// van der Merwe, Dr Dieter Veldsman, Erik van Vulpen").
/// Only bylines whose place in the page is within `near` count: a list of other posts has
/// bylines too.
fn with_coauthors(
    meta: &Meta,
    names: Vec<String>,
    is_site: &dyn Fn(&str) -> bool,
    near: std::ops::RangeInclusive<usize>,
) -> Vec<String> {
    let covers = |more: &[String]| {
        more.len() > names.len()
            && names.iter().all(|n| {
                let n = n.to_lowercase();
                more.iter().any(|m| m.to_lowercase().contains(&n))
            })
    };
    // Also a "By ..." line found by its text, where no class names it.
    for b in meta.bylines.iter().filter(|b| {
        !b.in_boilerplate
            && (b.strength >= 1 || b.from_text)
            && b.text.len() < 200
            && near.contains(&b.order)
    }) {
        // A line found by its text names the writers before its date; categories may follow
        // ("by Daniel Gibson | Mar 11, 2023 | All About Brakes, Learn About Brakes").
        let all: Vec<String> = if b.from_text {
            let end = dates::find_day(&b.text).map_or(b.text.len(), |(_, (s, _))| s);
            authors::split_authors(&b.text[..end])
        } else {
            authors::split_authors_field(&b.text)
        }
        .into_iter()
        .filter(|n| !is_site(n))
        .collect();
        let people = all.iter().all(|n| {
            n.split_whitespace().count() >= 2
                && n.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_alphabetic))
                && !authors::is_agency(n)
        });
        // The element holds the names and little else ("Written by A, B and C"), not a
        // meta line where categories follow the name.
        let mut rest = authors::strip_dates(&b.text);
        for n in &all {
            rest = rest.replacen(n.as_str(), " ", 1);
        }
        let bare = rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                !w.is_empty()
                    && !w.chars().any(|c| c.is_ascii_digit())
                    && !matches!(w.to_lowercase().as_str(), "and" | "by")
            })
            .count()
            <= 2;
        if all.len() <= 6 && people && bare && covers(&all) {
            return all;
        }
    }
    names
}

pub fn choose_published(
    meta: &Meta,
    st: &Structured<'_>,
    page: &Url,
    ctx: &DateCtx,
    zones: &ZoneHints<'_>,
    modified: Option<PubTime>,
) -> Option<PubTime> {
    let mut c: Vec<DateCand> = Vec::new();
    let ld_dates = |c: &mut Vec<DateCand>| {
        // A live blog's start of coverage when it gives nothing else.
        for k in [
            "datePublished",
            "dateCreated",
            "uploadDate",
            "coverageStartTime",
        ] {
            if let Some(s) = ld_str(st.art, k) {
                c.push(DateCand::machine(s));
            }
        }
    };
    // The JSON-LD speaks for the page, unless all it describes is a video or other media
    // (CNN's clip uploaded a month before the story): then the page's own tags come first.
    let ld_is_article = !st.art.is_some_and(|o| {
        jsonld::types(o).iter().all(|t| {
            matches!(
                t.rsplit(['/', ':']).next().unwrap_or(t),
                "VideoObject" | "AudioObject" | "ImageObject" | "MediaObject" | "PodcastEpisode"
            )
        })
    });
    if ld_is_article {
        ld_dates(&mut c);
    }
    for k in PUBLISHED_KEYS {
        if let Some(v) = meta.get(&[k]) {
            c.push(DateCand::machine(v));
        }
    }
    // A site's own tag for it ("w-published-date", "article-publish-time").
    for (k, v) in &meta.metas {
        if k.contains("publish")
            && (k.contains("date") || k.contains("time"))
            && !k.contains("modif")
            && !k.contains("updat")
            && !PUBLISHED_KEYS.contains(&k.as_str())
        {
            c.push(DateCand::machine(v.as_str()));
        }
    }
    if let Some(v) = meta.itemprop("datePublished") {
        c.push(DateCand::machine(v));
    }
    if let Some(p) = parsely(meta)
        && let Some(v) = p.get("pub_date").and_then(jsonld::text)
    {
        c.push(DateCand::machine(v));
    }
    if !ld_is_article {
        ld_dates(&mut c);
    }
    // Any other JSON-LD object of the page with a publication date.
    for o in &st.all {
        if st.art.is_some_and(|a| std::ptr::eq(a, *o)) {
            continue;
        }
        if let Some(v) = o.get("datePublished").and_then(jsonld::text) {
            c.push(DateCand::machine(v));
        }
    }
    let time_el = |c: &mut Vec<DateCand>, t: &crate::metadata::TimeEl| {
        // A `<time>` whose text says it is the publication and shows a day two or more
        // days from its attribute's ("Publié le 29 juin 2019" over "2019-07-03T10:18:46Z"):
        // the attribute is some other stamp, and readers see the text.
        let day_of = |s: &str| dates::parse(s, ctx, None).map(|p| p.day());
        let disagree = t.datetime.as_deref().is_some_and(|d| {
            crate::metadata::has_year(&t.text)
                && crate::metadata::PUBLISHED_WORD.is_match(&t.text)
                && day_of(d)
                    .zip(day_of(&t.text))
                    .is_some_and(|(a, b)| (a - b).num_days().abs() >= 2)
        });
        // "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET": the
        // publication is the second line, and the attribute may be either's.
        if let [rev, publ] = crate::metadata::revision_then_publication(&t.text)[..]
            && says_updated(rev)
        {
            c.push(DateCand::visible(publ));
            return;
        }
        if !disagree {
            c.extend(t.datetime.iter().map(DateCand::machine));
        }
        c.push(DateCand::visible(t.text.as_str()));
    };
    for t in meta
        .times
        .iter()
        .filter(|t| t.published && !t.in_boilerplate)
    {
        time_el(&mut c, t);
    }
    // A dateline that says it is the update ("Updated 11:21 pm CST ...") comes last.
    let updated = says_updated;
    // The story's header: the dateline nearest the headline, just above it or right under
    // it, before the `<time>`s elsewhere (related stories' cards, a masthead's clock) and
    // the other datelines.
    let mut header_time = None;
    let mut header_text = None;
    if let Some(h1) = meta.first_h1 {
        let header = h1.saturating_sub(HEADER_ABOVE)..=h1 + HEADER;
        let time = meta
            .times
            .iter()
            .filter(|t| !t.published && !is_revision(t) && !t.in_boilerplate)
            .map(|t| (t.order, Some(t), t.text.as_str()));
        let shown = meta
            .dateline_texts
            .iter()
            .chain(&meta.date_texts)
            .filter(|(t, _, bp)| !bp && !updated(t))
            .map(|(t, o, _)| (*o, None, t.as_str()));
        if let Some((_, t, text)) = time
            .chain(shown)
            .filter(|(o, t, text)| {
                header.contains(o)
                    && (t.is_some_and(|t| t.datetime.is_some())
                        || dates::parse(text, ctx, None).is_some())
            })
            .min_by_key(|(o, _, _)| (o.abs_diff(h1), *o < h1))
        {
            header_text = Some(text);
            match t {
                Some(t) => {
                    header_time = Some(t.order);
                    time_el(&mut c, t);
                }
                None => c.push(DateCand::visible(text)),
            }
        }
    }
    for t in meta.times.iter().filter(|t| {
        !t.published && !is_revision(t) && !t.in_boilerplate && header_time != Some(t.order)
    }) {
        time_el(&mut c, t);
    }
    for (t, _, bp) in &meta.dateline_texts {
        if !bp && !updated(t) {
            c.push(DateCand::visible(t.as_str()));
        }
    }
    // Visible dates: the first after the headline, near it; then a line that gives the
    // update ("Updated on October 21, 2025" is the best a page that shows nothing else
    // tells); then the rest after the headline (related stories' cards, comments), then any,
    // then those in page furniture.
    let after_h1 = meta.first_h1.unwrap_or(0);
    for (t, o, bp) in &meta.date_texts {
        if !bp && (after_h1..after_h1 + NEAR_H1).contains(o) && !updated(t) {
            c.push(DateCand::visible(t.as_str()));
        }
    }
    for (t, _, bp) in meta.dateline_texts.iter().chain(&meta.date_texts) {
        if !bp && updated(t) {
            c.push(DateCand::visible(t.as_str()));
        }
    }
    for (t, o, bp) in &meta.date_texts {
        if !bp && *o >= after_h1 + NEAR_H1 && !updated(t) {
            c.push(DateCand::visible(t.as_str()));
        }
    }
    for (t, _, bp) in &meta.date_texts {
        if !bp && !updated(t) {
            c.push(DateCand::visible(t.as_str()));
        }
    }
    for t in meta.times.iter().filter(|t| t.in_boilerplate) {
        time_el(&mut c, t);
    }
    // Last: datelines in page furniture (a sidebar's "Published July 8, 2025"), then a
    // date in furniture near the headline (a theme's "post-footer" saying "Dieser Artikel
    // wurde am 14. Dezember 2015 um 14:48 von ...", an `<aside>` with the post's data).
    for (t, _, bp) in &meta.dateline_texts {
        if *bp {
            c.push(DateCand::visible(t.as_str()));
        }
    }
    if let Some(h1) = meta.first_h1
        && let Some((t, _, _)) = meta
            .date_texts
            .iter()
            .find(|(_, o, bp)| *bp && (h1..h1 + NEAR_H1).contains(o))
    {
        c.push(DateCand::visible(t.as_str()));
    }
    let found = choose_date(&c, ctx, zones)
        .map(|f| shown_before_revision(f, meta, ctx, modified, &updated))
        .map(|f| first_before_ld_revision(f, st, &c, ctx))
        .map(|f| before_modified(f, modified, &c, ctx))
        .map(|f| shown_original(f, header_text, &c, st, ctx, zones));
    // The address readers were given, else the one the page names as its own.
    let url_day = dates::from_url(page.path()).or_else(|| {
        meta.canonical
            .as_deref()
            .or_else(|| meta.get(&["og:url"]))
            .and_then(|c| page.join(c).ok())
            .and_then(|u| dates::from_url(u.path()))
    });
    let found = found.map(|f| local_face(f, &c, url_day, zones, ctx));
    // "03/10/2023" on a page whose URL says /2023/october/03/: the URL settles which
    // number is the day. And "12/03/2024" read month first is in December, after the page
    // was fetched: read day first, it is the date, when nothing else is.
    let flipped = DateCtx {
        day_first: !ctx.day_first,
        ..*ctx
    };
    if let Some(u) = url_day
        && found.as_ref().is_none_or(|f| f.day() != u)
        && let Some(g) = choose_date(&c, &flipped, zones)
        && g.day() == u
    {
        return Some(g);
    }
    if found.is_some() {
        return found;
    }
    if url_day.is_none()
        && ctx.fetched_at.is_some()
        && let Some(g) = choose_date(&c, &flipped, zones)
    {
        return Some(g);
    }
    url_day.map(PubTime::Day)
}

pub fn choose_modified(
    meta: &Meta,
    st: &Structured<'_>,
    ctx: &DateCtx,
    zones: &ZoneHints<'_>,
) -> Option<PubTime> {
    let mut c: Vec<DateCand> = Vec::new();
    if let Some(s) = ld_str(st.art, "dateModified") {
        c.push(DateCand::machine(s));
    }
    for k in MODIFIED_KEYS {
        if let Some(v) = meta.get(&[k]) {
            c.push(DateCand::machine(v));
        }
    }
    if let Some(v) = meta.itemprop("dateModified") {
        c.push(DateCand::machine(v));
    }
    for t in meta.times.iter().filter(|t| is_revision(t)) {
        c.extend(t.datetime.iter().map(DateCand::machine));
    }
    // The offset of the publication time, from the same kinds of tag.
    let published = ld_str(st.art, "datePublished").into_iter().chain(
        PUBLISHED_KEYS
            .iter()
            .filter_map(|k| meta.get(&[k]).map(str::to_owned)),
    );
    let offset = zones.offset.or_else(|| {
        published
            .filter_map(|s| match dates::parse(&s, ctx, None) {
                Some(Parsed::Instant(t)) => Some(*t.offset()),
                _ => None,
            })
            .next()
    });
    // No machine stamp: the revision a dateline shows ("... / Updated 2 hours ago",
    // "Updated March 5, 2024 4:10 PM"), near the headline.
    if c.is_empty() {
        let after_h1 = meta.first_h1.unwrap_or(0);
        let shown = meta
            .dateline_texts
            .iter()
            .filter(|(_, _, bp)| !bp)
            .map(|(t, _, _)| t)
            .chain(
                meta.date_texts
                    .iter()
                    .filter(|(_, o, bp)| !bp && (after_h1..after_h1 + NEAR_H1).contains(o))
                    .map(|(t, _, _)| t),
            );
        for t in shown {
            if let Some(m) = dates::UPDATE_WORD.find(t) {
                c.push(DateCand::visible(&t[m.start()..]));
            }
        }
    }
    choose_date(&c, ctx, &ZoneHints { offset, ..*zones })
}

/// The instant the page agrees on. Sites mislabel zones ("2019-11-20T04:31:13-06:00" in
/// JSON-LD for the UTC time that `article:published_time` gives as "04:31:13+00:00"): when
/// another candidate is the same time of day moved by whole quarter hours and a dateline
/// readers see ("10:31 pm CST") agrees with it and not with the first, the one more
/// candidates agree with wins, the dateline counting double. On a tie the first, most
/// trusted, stays.
/// The first time of a dateline that also shows `t` as its update, when it is earlier.
fn published_before_update(
    text: &str,
    t: chrono::DateTime<chrono::FixedOffset>,
    ctx: &DateCtx,
) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let (v, after) = earlier_than_update(text, t, ctx, false)?;
    let local = t.with_timezone(v.offset());
    (after.contains(&local.format("%-I:%M").to_string())
        || after.contains(&local.format("%H:%M").to_string()))
    .then_some(v)
}

/// A JSON-LD whose datePublished is its dateModified, to the minute, states the last
/// revision (ABC's 14:48:03Z); an earlier time another tag gives within a week
/// (`article:published_time` 02:03Z) is the first publication. Midnight is a day, not that.
fn first_before_ld_revision(
    found: PubTime,
    st: &Structured<'_>,
    cands: &[DateCand],
    ctx: &DateCtx,
) -> PubTime {
    let PubTime::Instant(t) = found else {
        return found;
    };
    let (Some(p), Some(m)) = (
        ld_str(st.art, "datePublished"),
        ld_str(st.art, "dateModified"),
    ) else {
        return found;
    };
    let (Some(Parsed::Instant(p)), Some(Parsed::Instant(m))) =
        (dates::parse(&p, ctx, None), dates::parse(&m, ctx, None))
    else {
        return found;
    };
    if p != t || (p - m).num_seconds().abs() >= 60 {
        return found;
    }
    first_instant(cands, ctx, false, |u| {
        u.naive_local().time() != chrono::NaiveTime::MIN
            && t - u > chrono::Duration::seconds(60)
            && t - u <= chrono::Duration::days(7)
    })
    .map_or(found, PubTime::Instant)
}

/// The same wall clock under two offsets ("14:22:02+00:00" in a meta tag, "14:22:02-05:00"
/// in the theme's `<time>`): that clock is local time and neither offset holds. A UTC
/// instant with the same minutes and seconds whole hours away (Yoast's graph, from
/// WordPress's GMT date) is the publication.
fn gmt_of_local_wall(
    t: chrono::DateTime<chrono::FixedOffset>,
    parsed: &[(Parsed, bool)],
) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let machine: Vec<chrono::DateTime<chrono::FixedOffset>> = parsed
        .iter()
        .filter_map(|(p, visible)| match p {
            Parsed::Instant(u) if !*visible => Some(*u),
            _ => None,
        })
        .collect();
    // A wall clock written under two offsets.
    let wall = machine.iter().find_map(|a| {
        machine
            .iter()
            .any(|b| b.offset() != a.offset() && b.naive_local() == a.naive_local())
            .then(|| a.naive_local())
    })?;
    let gmt = machine.iter().find(|u| {
        let d = (u.naive_utc() - wall).num_seconds();
        u.offset().local_minus_utc() == 0 && d != 0 && d % 3600 == 0 && d.abs() <= 14 * 3600
    })?;
    if t.naive_local() != wall && t != *gmt {
        return None;
    }
    // Written in the local zone that the wall clock shows.
    let d = (gmt.naive_utc() - wall).num_seconds();
    let local = chrono::FixedOffset::east_opt(i32::try_from(-d).ok()?)?;
    Some(gmt.with_timezone(&local))
}

/// The metadata names one instant as both published and modified (Reuters' revision time)
/// while a dateline shows an earlier time that it marks as updated since ("November 19, 2019
/// / 12:21 AM / Updated 14 hours ago"): the dateline's time is the publication, in the
/// metadata's zone when it gives none.
fn shown_before_revision(
    found: PubTime,
    meta: &Meta,
    ctx: &DateCtx,
    modified: Option<PubTime>,
    updated: &dyn Fn(&str) -> bool,
) -> PubTime {
    let PubTime::Instant(t) = found else {
        return found;
    };
    if modified != Some(found) {
        return found;
    }
    for (text, _, bp) in &meta.dateline_texts {
        if *bp || updated(text) {
            continue;
        }
        if let Some((v, _)) = earlier_than_update(text, t, ctx, true) {
            return PubTime::Instant(v);
        }
    }
    found
}

/// The first time of a dateline that goes on to an update ("2:26 PM HST - Updated ..."),
/// when it is up to a day and a half before `t`, and the update part. With `zoneless`, a
/// time without a zone is placed in `t`'s offset.
fn earlier_than_update<'a>(
    text: &'a str,
    t: chrono::DateTime<chrono::FixedOffset>,
    ctx: &DateCtx,
    zoneless: bool,
) -> Option<(chrono::DateTime<chrono::FixedOffset>, &'a str)> {
    use chrono::TimeZone;
    let i = text.to_ascii_lowercase().find("updated")?;
    let v = match dates::parse(&text[..i], ctx, None)? {
        Parsed::Instant(v) => v,
        Parsed::Naive(n) if zoneless => t.offset().from_local_datetime(&n).single()?,
        _ => return None,
    };
    (v < t && t - v <= chrono::Duration::hours(36)).then_some((v, &text[i..]))
}

/// The metadata's publication is a revision's stamp (JSON-LD's datePublished on or after
/// its dateModified, or after its dateCreated), or the dateline under the headline says it
/// is the publication ("Published Apr 26, 2023 Updated Aug 21, 2025"), and that dateline
/// shows a day two or more days earlier: the day readers see is the first publication,
/// with its time from another witness of that day.
fn shown_original(
    found: PubTime,
    header: Option<&str>,
    cands: &[DateCand],
    st: &Structured<'_>,
    ctx: &DateCtx,
    zones: &ZoneHints<'_>,
) -> PubTime {
    let Some(header) = header else {
        return found;
    };
    let Some(shown) = dates::parse(header, ctx, None).map(|p| p.day()) else {
        return found;
    };
    // A dateline, not a sentence that names a day ("As of July 31, 2025, the FDA has
    // received:"): a few words beside the date at most, a name or a label.
    let Some((_, (s, e))) = dates::find_day_in(header, ctx.day_first) else {
        return found;
    };
    let words = header[..s]
        .split_whitespace()
        .chain(header[e..].split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            !w.is_empty()
                && !w.starts_with(|c: char| c.is_ascii_digit())
                && !w.eq_ignore_ascii_case("by")
                && !crate::metadata::PUBLISHED_WORD.is_match(w)
        })
        .count();
    if words > 3 {
        return found;
    }
    // Two days or more: a day apart may be the same moment in another zone.
    let day = found.day();
    if !(2..=3650).contains(&(day - shown).num_days()) {
        return found;
    }
    let ld = |k: &str| {
        ld_str(st.art, k)
            .and_then(|s| dates::parse(&s, ctx, None))
            .map(|p| p.day())
    };
    let stamp = ld("datePublished").is_some_and(|p| {
        p == day
            && (ld("dateModified").is_some_and(|m| p >= m)
                || ld("dateCreated").is_some_and(|c| c < p))
    });
    if !stamp && !crate::metadata::PUBLISHED_WORD.is_match(header) {
        return found;
    }
    let mut first = vec![DateCand::visible(header)];
    first.extend(cands.iter().cloned());
    choose_date(&first, ctx, zones)
        .filter(|p| p.day() == shown)
        .unwrap_or(found)
}

/// A publication time after the page's own modification time is a re-publishing stamp (Al
/// Jazeera's JSON-LD: published 07:09, modified 05:44, shown "05:44 GMT"): the time a
/// dateline readers see, when it is no later than the modification, is the publication; the
/// modification itself when the dateline shows that.
fn before_modified(
    found: PubTime,
    modified: Option<PubTime>,
    cands: &[DateCand],
    ctx: &DateCtx,
) -> PubTime {
    let (PubTime::Instant(t), Some(PubTime::Instant(m))) = (found, modified) else {
        return found;
    };
    let minute = chrono::Duration::seconds(60);
    if t - m <= minute {
        return found;
    }
    first_instant(cands, ctx, true, |v| {
        v < m + minute && m - v < chrono::Duration::days(2)
    })
    .map_or(found, |v| {
        PubTime::Instant(if m - v < minute { m } else { v })
    })
}

/// The first candidate, among those readers see or those only machines do, that is an
/// instant `keep` accepts.
/// A UTC instant shown in the site's own offset: the same moment, on the newsroom's day.
/// The offset is the one the page gives the same instant elsewhere (a theme's `<time>`
/// "19:05-08:00" for a meta tag's "03:05Z"), else one under which the instant falls on the
/// day the URL names (a /2025/12/18/ post at 02:41Z whose comments are stamped -05:00):
/// an offset another date of the page uses, the site's zone or the locale's.
fn local_face(
    found: PubTime,
    cands: &[DateCand],
    url_day: Option<chrono::NaiveDate>,
    zones: &ZoneHints<'_>,
    ctx: &DateCtx,
) -> PubTime {
    use chrono::Offset;
    let PubTime::Instant(t) = found else {
        return found;
    };
    if t.offset().local_minus_utc() != 0 {
        return found;
    }
    let offsets: Vec<(chrono::FixedOffset, bool)> = cands
        .iter()
        .take(40)
        .filter_map(|c| match dates::parse(&c.text, ctx, None) {
            Some(Parsed::Instant(v)) if v.offset().local_minus_utc() != 0 => {
                Some((*v.offset(), v == t))
            }
            _ => None,
        })
        .collect();
    if let Some((o, _)) = offsets.iter().find(|(_, same)| *same) {
        return PubTime::Instant(t.with_timezone(o));
    }
    let Some(day) = url_day.filter(|d| *d != t.date_naive()) else {
        return found;
    };
    let zone_offsets = [zones.site, zones.locale]
        .into_iter()
        .flatten()
        .map(|z| t.with_timezone(&z).offset().fix());
    offsets
        .iter()
        .map(|(o, _)| *o)
        .chain(zone_offsets)
        .map(|o| t.with_timezone(&o))
        .find(|l| l.date_naive() == day)
        .map_or(found, PubTime::Instant)
}

fn first_instant(
    cands: &[DateCand],
    ctx: &DateCtx,
    visible: bool,
    keep: impl Fn(chrono::DateTime<chrono::FixedOffset>) -> bool,
) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    cands.iter().filter(|c| c.visible == visible).find_map(|c| {
        match dates::parse(&c.text, ctx, None) {
            Some(Parsed::Instant(v)) if keep(v) => Some(v),
            _ => None,
        }
    })
}

fn corroborated(
    t0: chrono::DateTime<chrono::FixedOffset>,
    parsed: &[(Parsed, bool)],
) -> chrono::DateTime<chrono::FixedOffset> {
    use chrono::Timelike;
    // A round time ("23:00:00") is as likely another date of the page as a zone mix-up.
    if t0.minute() == 0 && t0.second() == 0 {
        return t0;
    }
    let support = |t: chrono::DateTime<chrono::FixedOffset>| -> usize {
        parsed
            .iter()
            .filter(|(p, _)| matches!(p, Parsed::Instant(u) if (*u - t).num_seconds().abs() < 60))
            .map(|(_, visible)| if *visible { 2 } else { 1 })
            .sum()
    };
    // Only a dateline readers see, with its zone, settles which one is mislabelled.
    let shown = |t: chrono::DateTime<chrono::FixedOffset>| {
        parsed.iter().any(|(p, visible)| {
            *visible && matches!(p, Parsed::Instant(u) if (*u - t).num_seconds().abs() < 60)
        })
    };
    if shown(t0) {
        return t0;
    }
    use chrono::TimeZone;
    // The same wall time shown with another zone ("3:50pm ET" for "15:50:56Z"): the
    // metadata wrote local time under the wrong offset.
    if let Some(t) = parsed.iter().find_map(|(p, visible)| match p {
        Parsed::Instant(u)
            if *visible
                && u.offset() != t0.offset()
                && same_wall_time(t0.naive_local(), u.naive_local()) =>
        {
            u.offset().from_local_datetime(&t0.naive_local()).single()
        }
        _ => None,
    }) {
        return t;
    }
    // The same wall time under two offsets in the metadata alone (Hearst's JSON-LD tags the
    // UTC clock "18:10:07-05:00" that its meta tags give as "18:10:00Z"): the reading more
    // of the metadata agrees with wins, a zone-less copy of the wall time counting for UTC
    // (as such a time is read).
    if let Some(u) = parsed.iter().find_map(|(p, visible)| match p {
        Parsed::Instant(u)
            if !*visible
                && u.offset() != t0.offset()
                && same_wall_time(t0.naive_local(), u.naive_local()) =>
        {
            Some(*u)
        }
        _ => None,
    }) {
        let zoneless = parsed
            .iter()
            .filter(|(p, _)| matches!(p, Parsed::Naive(n) if same_wall_time(t0.naive_local(), *n)))
            .count();
        let with_zoneless = |t: chrono::DateTime<chrono::FixedOffset>| {
            support(t)
                + if t.offset().local_minus_utc() == 0 {
                    zoneless
                } else {
                    0
                }
        };
        if with_zoneless(u) > with_zoneless(t0) {
            return u;
        }
    }
    let mut best = (t0, support(t0));
    for (p, _) in parsed {
        let Parsed::Instant(u) = p else { continue };
        let d = (*u - t0).num_seconds();
        if d == 0 || d.abs() > 14 * 3600 || d % 900 != 0 || !shown(*u) {
            continue;
        }
        let s = support(*u);
        if s > best.1 {
            best = (*u, s);
        }
    }
    best.0
}

/// The same wall time, to the minute when `n` gives no seconds (a dateline's "13:58" and
/// an attribute's "13:58:12").
fn same_wall_time(t: chrono::NaiveDateTime, n: chrono::NaiveDateTime) -> bool {
    use chrono::Timelike;
    t == n || (n.second() == 0 && t.with_second(0).and_then(|t| t.with_nanosecond(0)) == Some(n))
}

/// Where a zoneless time on the page was written: the site's country domain, else the
/// locale its tags declare, else the zone of the language its text is in (`language`, as
/// [`language`] settles it) when that language is spoken in one zone.
pub fn zone_hints<'a>(
    meta: &Meta,
    st: &Structured<'_>,
    page: &Url,
    source: &'a str,
    language: Option<&str>,
) -> ZoneHints<'a> {
    let host = page.host_str().unwrap_or_default();
    let tags: Vec<String> = [
        meta.get(&["og:locale"]).map(str::to_string),
        meta.html_lang.clone(),
        meta.get(&["content-language", "language", "dc.language"])
            .map(str::to_string),
        ld_str(st.art, "inLanguage"),
    ]
    .into_iter()
    .flatten()
    .collect();
    // The first tag that names a zone ("en" names none, "en-us" does).
    let locale = tags
        .iter()
        .find_map(|t| dates::zone_for_locale(t))
        .or_else(|| {
            // A Chinese story on a page that declares nothing (or the theme's "en").
            language
                .filter(|l| *l != "en")
                .and_then(dates::zone_for_locale)
        })
        .or_else(|| {
            // English on a generic domain, declared or read from the text: most such
            // newsrooms keep US Eastern time (the world's are placed by name before this).
            // Portuguese on one is Brazilian (Globo's sites are on globo.com); Portugal's
            // newsrooms are on .pt.
            let declared = tags.first().and_then(|t| lang::from_tag(t));
            let generic = matches!(
                host.rsplit('.').next(),
                Some("com" | "org" | "net" | "news" | "us" | "gov" | "edu" | "mil")
            );
            match declared.as_deref().or(language) {
                Some("en") if generic => Some(chrono_tz::America::New_York),
                Some("pt") if generic => Some(chrono_tz::America::Sao_Paulo),
                _ => None,
            }
        });
    // A newsroom of a country with several zones is placed by the city or state its name
    // gives ("The Seattle Times", calgaryherald.com).
    let names = [meta.get(&["og:site_name"]).unwrap_or_default(), host];
    let place = |z: chrono_tz::Tz| dates::zone_of_place(z, &names);
    ZoneHints {
        site: dates::zone_for_host(host)
            .map(place)
            .or_else(|| dates::zone_named_by(&names)),
        locale: locale.map(place),
        source,
        day_first: dates::day_first(host, tags.first().map(String::as_str)),
        offset: None,
    }
}

fn resolve_url(base: &Url, href: &str) -> Option<String> {
    let href = decode_entities(href.trim());
    if href.is_empty() {
        return None;
    }
    newsflow_shared::urlnorm::resolve(base, &href).map(String::from)
}

/// The page's canonical address: `<link rel=canonical>`, else `og:url`, else the page's own.
/// A canonical that names the site's home page for a page deeper in it is a template's
/// mistake (one canonical for every page), and storage keys articles on this address: it
/// would fold every story of the site into one.
pub fn canonical(meta: &Meta, page: &Url) -> Option<String> {
    let page_is_home = page.path().trim_matches('/').is_empty();
    let usable = |c: &String| {
        page_is_home
            || Url::parse(c).is_ok_and(|u| {
                !u.path().trim_matches('/').is_empty() || u.query().is_some_and(|q| !q.is_empty())
            })
    };
    meta.canonical
        .as_deref()
        .and_then(|c| resolve_url(page, c))
        .filter(usable)
        .or_else(|| {
            meta.get(&["og:url"])
                .and_then(|c| resolve_url(page, c))
                .filter(usable)
        })
        .or_else(|| {
            let mut u = page.clone();
            newsflow_shared::urlnorm::canonicalize_url(&mut u);
            matches!(u.scheme(), "http" | "https").then(|| u.to_string())
        })
}

fn image(meta: &Meta, st: &Structured<'_>, page: &Url) -> Option<String> {
    meta.get(&[
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
        "thumbnailurl",
    ])
    .map(str::to_string)
    .or_else(|| st.art.and_then(|a| a.get("image")).and_then(jsonld::image))
    .or_else(|| meta.og_image.clone())
    .and_then(|i| resolve_url(page, &i))
}

fn topics(meta: &Meta, st: &Structured<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = collapse_ws(&decode_entities(s));
        // The remnant of an entity the keyword list split ("&amp;quot, surface").
        let entity = s.strip_prefix('&').is_some_and(|e| {
            e.trim_start_matches('#')
                .chars()
                .all(|c| c.is_ascii_alphanumeric())
        });
        if !s.is_empty()
            && !entity
            && s.len() < 80
            && !out.iter().any(|o| o.eq_ignore_ascii_case(&s))
            && out.len() < 40
        {
            out.push(s);
        }
    };
    for t in meta.get_all("article:tag") {
        add(t);
    }
    for k in [
        "news_keywords",
        "keywords",
        "parsely-tags",
        "sailthru.tags",
        "article:section",
    ] {
        for v in meta.get_all(k) {
            // Entities first: "AT&amp;T" is one keyword, not two split at its ';'.
            for t in decode_entities(v).split([',', ';']) {
                add(t);
            }
        }
    }
    if let Some(k) = st.art.and_then(|a| a.get("keywords")) {
        for t in jsonld::keywords(k) {
            add(&t);
        }
    }
    out
}

pub fn language(meta: &Meta, st: &Structured<'_>, body: &str) -> Option<String> {
    let declared = declared_language(meta, st);
    // "en" is what themes ship with (WordPress's `lang="en-US"`): a story plainly in
    // another language says which. And a story plainly in English on a page that declares
    // another language (a newsroom's English edition on its own theme, `lang="uk"` written
    // for the United Kingdom) is English.
    let english = lang::reads_english(body);
    if let Some(d) = declared.as_deref()
        && (d == "en") != english
        && let Some(sure) = lang::detect_sure(body)
        && (sure == "en") == english
    {
        return Some(sure);
    }
    declared.or_else(|| lang::detect(body))
}

fn declared_language(meta: &Meta, st: &Structured<'_>) -> Option<String> {
    meta.html_lang
        .as_deref()
        .and_then(lang::from_tag)
        .or_else(|| {
            meta.get(&["content-language", "language", "dc.language", "og:locale"])
                .and_then(lang::from_tag)
        })
        .or_else(|| {
            ld_str(st.art, "inLanguage")
                .as_deref()
                .and_then(lang::from_tag)
        })
}

fn word_f1(a: &str, b: &str) -> f32 {
    let mut ca: rustc_hash::FxHashMap<String, i32> = rustc_hash::FxHashMap::default();
    for w in crate::text::words(a) {
        *ca.entry(w).or_default() += 1;
    }
    let nb = crate::text::words(b);
    let na: i32 = ca.values().sum();
    if na == 0 || nb.is_empty() {
        return 0.0;
    }
    let mut common = 0;
    for w in &nb {
        if let Some(c) = ca.get_mut(w)
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    let p = common as f32 / nb.len() as f32;
    let r = common as f32 / na as f32;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Format a JSON-LD `articleBody` as paragraphs.
fn ld_body(s: &str) -> String {
    let s = decode_entities(s);
    let s = if s.contains("</p>") || s.contains("<br") {
        let frag = Html::parse_fragment(&s);
        let mut out = Vec::new();
        for p in frag.root_element().text() {
            let t = collapse_ws(p);
            if !t.is_empty() {
                out.push(t);
            }
        }
        out.join("\n\n")
    } else {
        s
    };
    crate::text::paragraphs(&s)
}

/// The title of a bot check or access wall, whole.
static WALL_TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:just a moment(?:\.\.\.|…)?|attention required!? \| cloudflare|access denied|are you a robot\??|security check|ddos-guard|one more step|before you continue(?: to \S+)?|privacy (?:settings|preferences|choices)|cookie (?:consent|settings|preferences))$",
    )
    .expect("valid regex")
});

/// What such a wall says.
static WALL_TEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)checking (?:your browser|if the site connection is secure)|verify (?:that )?you are (?:a )?human|you don't have permission to access|enable javascript and cookies to continue|ddos protection by|please complete the security check|unusual (?:activity|traffic) from your (?:computer )?network",
    )
    .expect("valid regex")
});

/// What a consent wall opens with.
static CONSENT_TEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:we value your privacy|we care about your privacy|your privacy (?:is important to us|choices)|we and our (?:[0-9]+ )?(?:partners|vendors) (?:use|store)|this (?:web)?site uses cookies|we use cookies)",
    )
    .expect("valid regex")
});

fn not_article_reason(
    page: &Url,
    meta: &Meta,
    st: &Structured<'_>,
    art: &Article,
) -> Option<String> {
    let og_type = meta
        .get(&["og:type"])
        .unwrap_or_default()
        .to_ascii_lowercase();
    let strong = st.rank >= 2
        || og_type == "article"
        || og_type.contains("article")
        || meta.get(&["article:published_time"]).is_some();
    let body_len = art.body.chars().count();
    let title = art
        .title
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let error_title = title.contains("page not found")
        || title.starts_with("404")
        || title.contains("error 404")
        || title == "not found"
        || title.contains("page cannot be found")
        || title.contains("page doesn't exist")
        || title.contains("page does not exist");
    if error_title && body_len < 1500 {
        return Some("error page".to_string());
    }
    // A bot check or access wall served in the page's place (Cloudflare's "Just a
    // moment...", "Access Denied", "Are you a robot?"): the story was never sent.
    if body_len < 600 && (WALL_TITLE.is_match(title.trim()) || WALL_TEXT.is_match(&art.body)) {
        return Some("bot check or access wall".to_string());
    }
    // A consent wall ("We value your privacy ... Accept all"): the page asks before it
    // sends the story. Only when the body opens with the request, so a short story with a
    // banner caught after it stays a story.
    let opening: String = art.body.chars().take(300).collect();
    if body_len < 1000 && CONSENT_TEXT.is_match(&opening) {
        return Some("consent wall".to_string());
    }
    if strong {
        return None;
    }
    let listing_type = st.all.iter().any(|o| {
        jsonld::types(o).iter().any(|t| {
            matches!(
                *t,
                "CollectionPage" | "SearchResultsPage" | "ProfilePage" | "ItemList"
            )
        })
    });
    let path = page.path().trim_end_matches('/');
    let segs: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| s.to_ascii_lowercase())
        .collect();
    let listing_path = segs.iter().any(|s| {
        matches!(
            s.as_str(),
            "tag"
                | "tags"
                | "category"
                | "categories"
                | "topic"
                | "topics"
                | "search"
                | "author"
                | "authors"
                | "archive"
                | "archives"
                | "section"
                | "page"
        )
    }) || page
        .query_pairs()
        .any(|(k, _)| k == "s" || k == "q" || k == "query" || k == "search");
    // A brief ("The council approved the budget on Tuesday by a vote of 7-2. ...") is a
    // story when the page credits a writer and dates it, on an address that is no listing's.
    let brief = body_len >= 60
        && !listing_path
        && !art.authors.is_empty()
        && (art.published_at.is_some() || dates::from_url(page.path()).is_some());
    if body_len < 150 && !brief {
        return Some("no article text".to_string());
    }
    // Teasers: headlines that link elsewhere, dated on several days (or on a listing's
    // address), each with a summary at most. A story has one headline and one date,
    // however many related links, and paragraphs longer than a summary.
    let days: std::collections::BTreeSet<&str> = meta
        .times
        .iter()
        .filter(|t| !t.in_boilerplate)
        .filter_map(|t| t.datetime.as_deref().and_then(|d| d.get(..10)))
        .collect();
    // Days shown as text ("July 3, 2025" under each card), besides the `<time>` elements'.
    let shown_days = meta
        .date_texts
        .iter()
        .filter(|(_, _, bp)| !bp)
        .filter_map(|(t, _, _)| dates::find_day(t).map(|(d, _)| d.to_string()))
        .chain(days.iter().map(|d| d.to_string()))
        .collect::<std::collections::BTreeSet<String>>()
        .len();
    let longest_paragraph = art
        .body
        .split('\n')
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0);
    let listing_address = listing_type || listing_path || segs.is_empty();
    if longest_paragraph < 400
        && ((meta.teaser_headings >= 6 && listing_address)
            || (meta.teaser_headings >= 8 && days.len() >= 3))
    {
        return Some(format!(
            "listing or index page ({} teaser headlines)",
            meta.teaser_headings
        ));
    }
    // The text taken for the story is a run of teasers (cards, linked headlines, list items
    // with a summary) on an undated page: a listing of undated cards. (A dated page with
    // cards in its text is a listicle or a guide: alternativeto.net, the NCSC's.) A page
    // whose date is only one of the many its cards show (a guide shows a few: published,
    // reviewed, related items) is dated by a card, not by a story.
    let teasers_in_body = meta
        .teasers
        .iter()
        .filter(|t| t.chars().count() >= 12 && art.body.contains(t.as_str()))
        .count();
    // A teaser is a few lines (headline, summary, "Read more"): they are a quarter of a
    // listing's lines at least, where a guide's linked checklist is a sprinkling.
    let lines = art.body.lines().filter(|l| !l.trim().is_empty()).count();
    if longest_paragraph < 400
        && teasers_in_body >= 6
        && teasers_in_body * 4 >= lines
        && (art.published_at.is_none() || (shown_days >= 6 && shown_days * 2 >= teasers_in_body))
    {
        return Some(format!(
            "listing or index page ({teasers_in_body} teasers in the text)"
        ));
    }
    if segs.is_empty() && art.published_at.is_none() && body_len < 3000 {
        return Some("home page".to_string());
    }
    if (listing_type || listing_path) && art.published_at.is_none() && body_len < 2000 {
        return Some("listing or index page".to_string());
    }
    None
}

/// The generic extraction of one page.
pub fn extract(
    doc: &Html,
    meta: &Meta,
    page: &Url,
    input: &PageInput<'_>,
    html: &str,
) -> PageContent {
    let st = structured(meta, page);
    let sites = site_names(meta, &st);
    let mut ctx = DateCtx {
        fetched_at: input.fetched_at,
        day_first: false,
    };
    let mut meta_titles: Vec<String> = Vec::new();
    for v in [
        ld_str(st.art, "headline"),
        meta.get(&["og:title"]).map(str::to_string),
        meta.get(&["twitter:title"]).map(str::to_string),
        meta.itemprop("headline").map(str::to_string),
        // `<meta itemprop="headline" content="...">` alone in the head.
        meta.get(&["headline"]).map(str::to_string),
        meta.get(&["parsely-title", "dc.title", "sailthru.title", "title"])
            .map(str::to_string),
        ld_str(st.art, "name"),
    ]
    .into_iter()
    .flatten()
    {
        meta_titles.push(v);
    }
    let h1s: Vec<&str> = {
        let mut v: Vec<&str> = meta
            .h1s
            .iter()
            .filter(|h| !h.2)
            .map(|h| h.0.as_str())
            .collect();
        v.extend(meta.h1s.iter().filter(|h| h.2).map(|h| h.0.as_str()));
        // No `<h1>` at all: the theme's post-title `<h2>` is the visible headline.
        if v.is_empty()
            && let Some(h) = &meta.title_h2
        {
            v.push(h.as_str());
        }
        v
    };
    let host = page.host_str().unwrap_or_default().to_string();
    let title = title::choose(&title::Candidates {
        h1s,
        meta: meta_titles,
        title_tag: meta.title_tag.as_deref(),
        // One headline shown twice (a mobile and a desktop header) is one.
        visible_h1s: if meta.h1s.is_empty() {
            usize::from(meta.title_h2.is_some())
        } else {
            meta.h1s
                .iter()
                .filter(|h| !h.2)
                .map(|h| collapse_ws(&h.0.to_lowercase()))
                .collect::<std::collections::HashSet<_>>()
                .len()
        },
        site_names: sites.clone(),
        host: &host,
        sections: title::url_sections(page.path()),
    });
    let authors = choose_authors(meta, &st, &sites, &host);
    let mut body_text = body::extract(
        doc,
        &body::Opts {
            title: title.as_deref(),
            authors: &authors,
            exclude: None,
        },
    );
    // A page the browser renders from script has no text of its own: its JSON-LD's, however
    // short, is the story.
    if let Some(ab) = ld_str(st.art, "articleBody")
        && (ab.len() >= 300 || (body_text.len() < 150 && ab.len() > body_text.len()))
    {
        let ab = ld_body(&ab);
        let f1 = word_f1(&ab, &body_text);
        if f1 < 0.6 && body_text.len() < ab.len() * 2 {
            body_text = ab;
        }
    }
    // Rendered from a data island (Next.js's `__NEXT_DATA__`): the story's text is there.
    if body_text.len() < 150
        && let Some(t) = island::story(
            html,
            &body::Opts {
                title: title.as_deref(),
                authors: &authors,
                exclude: None,
            },
        )
        && t.len() > body_text.len() * 2
    {
        body_text = t;
    }
    let source = meta
        .get(&["og:site_name"])
        .map(str::to_string)
        .or_else(|| {
            st.art
                .and_then(|a| a.get("publisher"))
                .and_then(|p| jsonld::names(p, &st.all).into_iter().next())
        })
        .or_else(|| meta.get(&["application-name"]).map(str::to_string))
        .or_else(|| meta.site_titles.first().cloned())
        .or_else(|| {
            meta.title_tag
                .as_deref()
                .and_then(|t| title::site_in_title(t, &host))
        })
        .map(|s| collapse_ws(&decode_entities(&s)));
    let language = language(meta, &st, &body_text);
    let zones = zone_hints(meta, &st, page, html, language.as_deref());
    ctx.day_first = zones.day_first;
    let modified_at = choose_modified(meta, &st, &ctx, &zones);
    let published_at = choose_published(meta, &st, page, &ctx, &zones, modified_at);
    let article = Article {
        url: page.to_string(),
        canonical_url: canonical(meta, page),
        title,
        authors,
        published_at,
        modified_at,
        source,
        language,
        description: meta
            .get(&[
                "og:description",
                "description",
                "twitter:description",
                "dc.description",
            ])
            .map(str::to_string)
            .or_else(|| ld_str(st.art, "description"))
            .map(|s| collapse_ws(&decode_entities(&s))),
        body: body_text,
        topics: topics(meta, &st),
        image: image(meta, &st, page),
    };
    if let Some(reason) = not_article_reason(page, meta, &st, &article) {
        return PageContent::NotArticle {
            reason,
            newswire: Vec::new(),
        };
    }
    PageContent::Article {
        article,
        newswire: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choose(cands: &[&str]) -> Option<String> {
        let cands: Vec<DateCand> = cands.iter().map(|s| DateCand::machine(*s)).collect();
        choose_date(
            &cands,
            &DateCtx {
                fetched_at: None,
                day_first: false,
            },
            &ZoneHints::default(),
        )
        .map(|p| p.to_string())
    }

    #[test]
    fn a_zoneless_time_takes_the_instant_that_names_the_same_moment() {
        // Local time in JSON-LD, the same moment in UTC in article:published_time.
        assert_eq!(
            choose(&["2025-12-18T10:00:00", "2025-12-18T15:00:00Z"]).as_deref(),
            Some("2025-12-18T15:00:00+00:00")
        );
        assert_eq!(
            choose(&["2025-12-18T10:00:00", "2025-12-18T10:00:00-05:00"]).as_deref(),
            Some("2025-12-18T10:00:00-05:00")
        );
        // Unrelated instants do not lend their time, only their offset.
        assert_eq!(
            choose(&["2025-12-18T10:00:00", "2025-12-01T08:07:00-05:00"]).as_deref(),
            Some("2025-12-18T10:00:00-05:00")
        );
    }

    #[test]
    fn a_zoneless_time_on_a_country_domain_is_placed_in_its_zone() {
        let zones = ZoneHints {
            site: dates::zone_for_host("www.example.co.uk"),
            ..ZoneHints::default()
        };
        let ctx = DateCtx {
            fetched_at: None,
            day_first: false,
        };
        let one = |c: &[&str]| {
            let c: Vec<DateCand> = c.iter().map(|s| DateCand::machine(*s)).collect();
            choose_date(&c, &ctx, &zones).map(|p| p.to_string())
        };
        // British summer time, then winter time.
        assert_eq!(
            one(&["2025-07-18T10:00:00"]).as_deref(),
            Some("2025-07-18T10:00:00+01:00")
        );
        assert_eq!(
            one(&["2025-12-18T10:00:00"]).as_deref(),
            Some("2025-12-18T10:00:00+00:00")
        );
        // An offset the page gives elsewhere wins over the domain's guess.
        assert_eq!(
            one(&["2025-07-18T10:00:00", "2025-07-01T08:00:00+02:00"]).as_deref(),
            Some("2025-07-18T10:00:00+02:00")
        );
        assert_eq!(dates::zone_for_host("example.com"), None);
    }

    #[test]
    fn a_zoneless_modification_time_takes_the_publications_offset() {
        let ctx = DateCtx {
            fetched_at: None,
            day_first: false,
        };
        let z = |offset: Option<chrono::FixedOffset>| ZoneHints {
            offset,
            ..ZoneHints::default()
        };
        let c = [DateCand::machine("2024-03-01T12:30:00")];
        let est = chrono::FixedOffset::west_opt(5 * 3600);
        assert_eq!(
            choose_date(&c, &ctx, &z(est))
                .map(|p| p.to_string())
                .as_deref(),
            Some("2024-03-01T12:30:00-05:00")
        );
        // Without it, a machine's zoneless time is read as UTC, as before.
        assert_eq!(
            choose_date(&c, &ctx, &z(None))
                .map(|p| p.to_string())
                .as_deref(),
            Some("2024-03-01T12:30:00+00:00")
        );
    }

    #[test]
    fn a_zoneless_dateline_is_placed_by_the_page_not_read_as_utc() {
        let ctx = DateCtx {
            fetched_at: None,
            day_first: false,
        };
        let run =
            |c: &[DateCand], z: &ZoneHints<'_>| choose_date(c, &ctx, z).map(|p| p.to_string());
        let us = ZoneHints {
            locale: dates::zone_for_locale("en_US"),
            ..ZoneHints::default()
        };
        // A dateline readers see is the newsroom's local time (daylight saving right) ...
        assert_eq!(
            run(&[DateCand::visible("Nov. 18, 2019 at 11:08 a.m.")], &us).as_deref(),
            Some("2019-11-18T11:08:00-05:00")
        );
        assert_eq!(
            run(
                &[DateCand::machine("Posted: Fri 6:45 PM, July 16, 2021")],
                &us
            )
            .as_deref(),
            Some("2021-07-16T18:45:00-04:00")
        );
        // ... while a zone-less machine timestamp is mostly UTC.
        assert_eq!(
            run(&[DateCand::machine("2019-11-19 19:31:39")], &us).as_deref(),
            Some("2019-11-19T19:31:39+00:00")
        );
        // The same wall time written with its offset in the source (a script's data) wins.
        let src = r#"<script>var d = {"articlePublishTime": "2019-11-19T18:18:25.828095-08:00"};</script>"#;
        let with_src = ZoneHints { source: src, ..us };
        assert_eq!(
            run(
                &[DateCand::machine("2019-11-19T18:18:25.828095")],
                &with_src
            )
            .as_deref(),
            Some("2019-11-19T18:18:25-08:00")
        );
        // A dateline without seconds matches an attribute with them.
        let src = r#"<relative-time datetime="2025-12-20T13:58:12Z">December 20, 2025 13:58</relative-time>"#;
        assert_eq!(
            run(
                &[DateCand::visible("December 20, 2025 13:58")],
                &ZoneHints { source: src, ..us }
            )
            .as_deref(),
            Some("2025-12-20T13:58:00+00:00")
        );
        // A zone-less machine time that the visible dateline repeats is local time.
        assert_eq!(
            run(
                &[
                    DateCand::machine("2019-11-19T18:18:25"),
                    DateCand::visible("Published: Nov. 19, 2019, 6:18 p.m."),
                ],
                &us
            )
            .as_deref(),
            Some("2019-11-19T18:18:25-05:00")
        );
        // Midnight without a zone is a day written as a time: only the day is known.
        assert_eq!(
            run(&[DateCand::machine("4/24/2000 12:00:00 AM")], &us).as_deref(),
            Some("2000-04-24")
        );
    }

    #[test]
    fn a_mislabelled_zone_yields_to_the_instant_the_visible_dateline_confirms() {
        let ctx = DateCtx {
            fetched_at: None,
            day_first: false,
        };
        let run =
            |c: &[DateCand]| choose_date(c, &ctx, &ZoneHints::default()).map(|p| p.to_string());
        // JSON-LD gives the UTC wall time with the site's offset; the page shows CST.
        let cands = [
            DateCand::machine("2019-11-20T04:31:13-06:00"),
            DateCand::machine("2019-11-20T04:31:13+00:00"),
            DateCand::visible("Nov 19, 2019, 10:31 pm CST"),
        ];
        assert_eq!(run(&cands).as_deref(), Some("2019-11-20T04:31:13+00:00"));
        // Without a dateline to settle it, the most trusted source stays.
        assert_eq!(
            run(&cands[..2]).as_deref(),
            Some("2019-11-20T04:31:13-06:00")
        );
        // An unrelated dateline hours away is another date, not a correction.
        let cands = [
            DateCand::machine("2025-12-19T23:00:00+00:00"),
            DateCand::visible("Dec 20, 2025, 10:00 am UTC"),
        ];
        assert_eq!(run(&cands).as_deref(), Some("2025-12-19T23:00:00+00:00"));
    }

    #[test]
    fn a_day_stays_a_day_unless_an_instant_on_it_is_known() {
        assert_eq!(choose(&["2025-12-18"]).as_deref(), Some("2025-12-18"));
        assert_eq!(
            choose(&["December 18, 2025", "2025-12-18T09:30:00+01:00"]).as_deref(),
            Some("2025-12-18T09:30:00+01:00")
        );
    }
}
