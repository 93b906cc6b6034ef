//! URL canonicalisation: one spelling per page.
//!
//! The scraper uses it to recognise a page it already knows; storage uses it (through
//! [`article_key`]) so the same article under two spellings is one row.

use url::Url;
use uuid::Uuid;

/// Query parameters that only track the reader; removed everywhere.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "_ga",
    "_gl",
    "ocid",
    "cmpid",
    "mbid",
    "smid",
    "sr_share",
    "share",
    "ncid",
    "__twitter_impression",
    "s_cid",
    "cid",
    "spm",
    "taid",
    "guccounter",
    "outputType",
    // Newsrooms' own campaign tags (BBC's `ito`, AT Internet's `xtor`, the Guardian's `CMP`)
    // and other platforms' click ids.
    "ito",
    "xtor",
    "cmp",
    "ns_campaign",
    "ns_mchannel",
    "ns_source",
    "ns_linkname",
    "ns_fee",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "ttclid",
    "twclid",
    "li_fat_id",
    "wt.mc_id",
    "ref_src",
    "soc_src",
    "soc_trk",
    "s_kwcid",
    "rb_clickid",
    "oly_anon_id",
    "oly_enc_id",
    "vero_id",
    "_branch_match_id",
];

fn is_tracking(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("utm_")
        || lower.starts_with("pk_")
        || lower.starts_with("mtm_")
        // AT Internet's (the BBC's) "at_medium", "at_campaign", "at_custom1", ...
        || lower.starts_with("at_")
        || TRACKING_PARAMS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&lower))
}

/// A parameter that does not change which article a URL names on one site: on
/// unpublished.ca, `?page=N` on an article only pages the sidebar.
struct SiteRule {
    host_suffix: &'static str,
    path_prefixes: &'static [&'static str],
    param: &'static str,
}

const SITE_RULES: &[SiteRule] = &[SiteRule {
    host_suffix: "unpublished.ca",
    path_prefixes: &["/news-feed-item/", "/node/"],
    param: "page",
}];

fn host_matches(host: &str, suffix: &str) -> bool {
    host == suffix || host.ends_with(&format!(".{suffix}"))
}

/// The canonical form of a URL: http(s) only, lower-case host, no fragment, no default port,
/// no tracking parameters, remaining parameters sorted.
pub fn canonicalize(input: &str) -> Result<Url, url::ParseError> {
    let mut url = Url::parse(input.trim())?;
    canonicalize_url(&mut url);
    Ok(url)
}

/// [`canonicalize`] on an already parsed URL, in place.
pub fn canonicalize_url(url: &mut Url) {
    url.set_fragment(None);
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let path = url.path().to_string();
    let dropped_by_site = |name: &str| {
        SITE_RULES.iter().any(|r| {
            host_matches(&host, r.host_suffix)
                && r.param == name
                && r.path_prefixes.iter().any(|p| path.starts_with(p))
        })
    };
    let mut pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking(k) && !dropped_by_site(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs.sort();
    if pairs.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
}

/// Resolve `href` against `base` and canonicalise it; `None` for anything but http(s).
pub fn resolve(base: &Url, href: &str) -> Option<Url> {
    let mut url = base.join(href.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    canonicalize_url(&mut url);
    Some(url)
}

/// The stable storage key of an article: a UUIDv5 of its canonical URL.
pub fn article_key(canonical_url: &str) -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, canonical_url.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(canonicalize(input).expect("valid").as_str(), expected);
    }

    #[test]
    fn removes_tracking_and_sorts() {
        check(
            "HTTPS://WWW.Example.COM:443/a/b?utm_source=x&z=1&fbclid=y&a=2#frag",
            "https://www.example.com/a/b?a=2&z=1",
        );
        check("http://example.com/?utm_medium=1", "http://example.com/");
        // Newsrooms' own campaign tags and other platforms' click ids.
        check(
            "https://www.bbc.com/news/x?at_medium=RSS&at_campaign=KARANGA&ito=792&id=4",
            "https://www.bbc.com/news/x?id=4",
        );
        check(
            "https://www.lemonde.fr/x.html?xtor=RSS-3208&CMP=twt_gu&_hsenc=p2&twclid=2",
            "https://www.lemonde.fr/x.html",
        );
    }

    #[test]
    fn unpublished_article_pages_ignore_sidebar_paging() {
        check(
            "https://unpublished.ca/news-feed-item/2026-01-15/carney?page=3",
            "https://unpublished.ca/news-feed-item/2026-01-15/carney",
        );
        // On a listing, the page number is what names the page.
        check(
            "https://unpublished.ca/news?page=3",
            "https://unpublished.ca/news?page=3",
        );
    }

    #[test]
    fn resolve_refuses_other_schemes() {
        let base = Url::parse("https://example.com/news/").expect("valid");
        assert_eq!(
            resolve(&base, "../a?utm_x=1").map(String::from).as_deref(),
            Some("https://example.com/a")
        );
        assert!(resolve(&base, "mailto:x@example.com").is_none());
        assert!(resolve(&base, "javascript:void(0)").is_none());
    }

    #[test]
    fn key_is_stable() {
        assert_eq!(
            article_key("https://example.com/a"),
            article_key("https://example.com/a")
        );
        assert_ne!(
            article_key("https://example.com/a"),
            article_key("https://example.com/b")
        );
    }
}
