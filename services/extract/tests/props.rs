//! Property tests: arbitrary bytes and tag soup never panic and finish quickly.

use std::time::{Duration, Instant};

use newsflow_extract::{PageInput, extract};
use proptest::prelude::*;

const BOUND: Duration = Duration::from_secs(1);

fn check(body: &[u8], url: &str) {
    check_fetched(body, url, None);
}

/// [`check`] for a page fetched at a fixed time, so relative times are read.
fn check_at(body: &[u8], url: &str) {
    check_fetched(
        body,
        url,
        chrono::DateTime::from_timestamp(1_710_273_600, 0),
    );
}

fn check_fetched(body: &[u8], url: &str, fetched_at: Option<chrono::DateTime<chrono::Utc>>) {
    let t = Instant::now();
    let _ = extract(&PageInput {
        body,
        url,
        content_type: None,
        fetched_at,
    });
    assert!(t.elapsed() < BOUND, "took {:?}", t.elapsed());
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("</td></tr>".to_string()),
        Just("<ul><li>".to_string()),
        Just("<a href=\"/news-feed-item/2026-01-15/x\">".to_string()),
        Just("</a>".to_string()),
        Just("<h1>".to_string()),
        Just("<h2>Unpublished Newswire</h2>".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"name\":".to_string()),
        Just("</script>".to_string()),
        Just("<meta property=\"article:published_time\" content=\"2024-13-45T99:99\">".to_string()),
        Just("<meta charset=\"".to_string()),
        Just("<br>".to_string()),
        Just("<b><i>".to_string()),
        Just("&amp;&#x1F600;&#99999999;".to_string()),
        Just("By Jane Doe, Staff Writer".to_string()),
        Just("Source Feed: National Post".to_string()),
        Just("Author:".to_string()),
        Just("Publication Date: March 9, 2025 - 02:30".to_string()),
        Just("January 15, 2026 - 05:39 | Doug Menary, Ottawa Citizen | Ottawa Sun".to_string()),
        Just("<time datetime=\"3 hours ago\">".to_string()),
        // Letters whose case changes their length in bytes ("İ" lower-cases to three
        // bytes, "ß" upper-cases to "SS"), after the words that open a byline or a title.
        "(By |BY |Von |di |Par |Author: |文：|Posted by )[İıẞßﬁΣςǅK Aa-z]{0,24}",
        "[a-zA-Z ,.]{0,40}",
        "\\PC{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check(&body, "https://example.com/a");
    }

    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(fragment(), 0..400)) {
        let html = parts.concat();
        check(html.as_bytes(), "https://example.com/2024/01/02/story");
        check(html.as_bytes(), "https://unpublished.ca/news-feed-item/2026-01-15/x");
        check(html.as_bytes(), "https://unpublished.ca/news?page=2");
    }
}

proptest! {
    // Small pages: many cases, so a rare letter in a rare place is met.
    #![proptest_config(ProptestConfig { cases: 1000, .. ProptestConfig::default() })]

    #[test]
    fn bylines_datelines_and_titles_in_any_letters_never_panic(
        by in "(By |BY |Von |di |Par |Author: |文：|记者 |Posted by |)[İıẞßﬁΣςǅK Aa-z,.|:-]{0,30}",
        date in "(Published |Updated |)[İıẞß0-9٠-٩۰-۹０-９ :.,/-]{0,20}(am|pm|AM|Uhr|h|)",
    ) {
        let html = format!(
            "<html><head><title>{by} | {date}</title><meta name=\"author\" content=\"{by}\">\
             </head><body><article><h1>{by}</h1><p>{by}</p><p class=\"byline\">{by}</p>\
             <time>{date}</time><p>{date}</p><p>The council said on Tuesday that the program \
             would be extended for another year after a review of its results.</p>\
             </article></body></html>"
        );
        check(html.as_bytes(), "https://example.com/2024/01/02/story");
    }

    #[test]
    fn metadata_and_markup_in_any_letters_never_panic(
        a in "[İıẞßﬁΣςǅKÅ Aa-z,.|:;&()'’-]{0,30}",
        b in "[İıẞßﬁΣςǅ Aa-z0-9 |:-]{0,30}",
        c in "(By |Von |Publié le |Updated |Source Feed: |Author: |Publication Date: |)[İıẞß0-9A-Za-z :.,/|-]{0,30}",
        site in "[İıẞßA-Za-z ]{0,12}",
    ) {
        let html = format!(
            "<html lang=\"{site}\"><head><title>{a} | {site}</title><meta property=\"og:site_name\" content=\"{site}\">\
             <meta property=\"og:title\" content=\"{b}\"><meta name=\"description\" content=\"{c}\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{a}\",\"author\":{{\"name\":\"{b} {site}\"}},\"datePublished\":\"{c}\"}}</script>\
             </head><body><header><a href=\"/\">{site}</a></header><article><h1>{a}</h1><div class=\"byline\">{c}</div><p>{b}</p><span class=\"date\">{c}</span>\
             <p>The council said on Tuesday that the program would be extended for another year after a review of its results. {a}</p>\
             <h2>{b}</h2><p>{c} {a}</p><ul><li>{a}</li><li>{b}</li></ul></article><footer>{c} © {site}</footer></body></html>"
        );
        check(html.as_bytes(), "https://example.com/2024/01/02/story");
        check(html.as_bytes(), "https://unpublished.ca/news-feed-item/2026-01-15/x");
    }

    #[test]
    fn dates_of_any_size_and_zone_never_panic(
        n in "[0-9]{1,20}",
        m in "[0-9]{1,6}",
        unit in "(seconds|minutes|hours|days|weeks|months|years|Stunden|Tagen|jours|días|uur|часов|saat|dni|ore)",
        sep in "[-/.: ]",
        z in "(Z|[+-][0-9]{2}:?[0-9]{2}|GMT|ET|PST|CEST| am| pm|)",
    ) {
        let html = format!(
            "<html><head><title>Council</title><meta property=\"article:published_time\" content=\"{n}{sep}{m}{sep}{m}T{m}:{m}{z}\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":{n},\"dateModified\":\"{n}\"}}</script></head>\
             <body><article><h1>Council</h1><p class=\"date\">{n} {unit} ago</p><time datetime=\"{n}-{m}-{m}\">vor {n} {unit}</time>\
             <p>Published {m}{sep}{m}{sep}{n} {m}:{m}{z}</p><span class=\"time\">hace {n} {unit}</span><p>{n} {unit} geleden</p>\
             <p>The council said on Tuesday that the program would be extended for another year after a review.</p></article></body></html>"
        );
        check_at(html.as_bytes(), &format!("https://news.example/{n}/{m}/{m}/story-{n}"));
        check_at(html.as_bytes(), "https://news.example/a/b");
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let mut s = String::from("<html><body>");
    for i in 0..10_000 {
        s.push_str(if i % 2 == 0 { "<div>" } else { "<span>" });
        s.push_str("text ");
    }
    check(s.as_bytes(), "https://example.com/a");
}
