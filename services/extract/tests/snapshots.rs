//! Snapshot tests: the project's own fixtures, HTML in, the extraction as JSON out.
//! Every snapshot was reviewed by eye: title, authors, instant with offset, clean body.

use chrono::TimeZone;
use newsflow_extract::{PageInput, extract};

fn run(file: &str, url: &str) -> serde_json::Value {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read(&path).expect("fixture exists");
    let fetched_at = chrono::Utc
        .with_ymd_and_hms(2026, 1, 15, 12, 0, 0)
        .single()
        .expect("valid time");
    let out = extract(&PageInput {
        body: &html,
        url,
        content_type: None,
        fetched_at: Some(fetched_at),
    })
    .expect("extracts");
    serde_json::to_value(out).expect("serialises")
}

#[test]
fn jsonld_article() {
    insta::assert_json_snapshot!(run(
        "jsonld-article.html",
        "https://www.coastalcourier.example/news/2025/03/harbour-bridge-reopens?utm_source=twitter&fbclid=abc"
    ));
}

#[test]
fn opengraph_only_latin1() {
    insta::assert_json_snapshot!(run(
        "opengraph-only.html",
        "https://www.quotidien.example/economie/velo-electrique-ralentit"
    ));
}

#[test]
fn byline_only_plain_html() {
    insta::assert_json_snapshot!(run(
        "byline-only.html",
        "https://riversidegazette.example/local/council-bus-service"
    ));
}

#[test]
fn unpublished_article_page() {
    insta::assert_json_snapshot!(run(
        "unpublished-article.html",
        "https://unpublished.ca/news-feed-item/2026-01-15/carney-risks-provoking-donald-trump-pivot-china-trade?page=2"
    ));
}

#[test]
fn unpublished_listing_page() {
    insta::assert_json_snapshot!(run(
        "unpublished-listing.html",
        "https://unpublished.ca/news?page=3"
    ));
}

#[test]
fn not_an_article() {
    insta::assert_json_snapshot!(run(
        "not-article.html",
        "https://www.dailyexample.example/tag/climate"
    ));
}

#[test]
fn the_unpublished_profile_follows_the_page_to_another_host() {
    // A mirror or archive of the site: the page's own labels and items select the profile.
    let host = run(
        "unpublished-article.html",
        "https://unpublished.ca/news-feed-item/2026-01-15/carney-risks-provoking-donald-trump-pivot-china-trade",
    );
    let mirror = run(
        "unpublished-article.html",
        "https://archive.example/news-feed-item/2026-01-15/carney-risks-provoking-donald-trump-pivot-china-trade",
    );
    assert_eq!(mirror["article"]["source"], "National Post");
    assert_eq!(mirror["article"]["authors"], host["article"]["authors"]);
    assert_eq!(
        mirror["article"]["published_at"],
        host["article"]["published_at"]
    );
    // The same items, their links on the mirror's host.
    let items = |v: &serde_json::Value| -> Vec<(String, String)> {
        v["newswire"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|i| (i["source"].to_string(), i["published_at"].to_string()))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(items(&mirror), items(&host));
    assert!(items(&mirror).len() >= 3);
    let listing = run(
        "unpublished-listing.html",
        "https://archive.example/news?page=3",
    );
    assert_eq!(listing["kind"], "not_article");
    assert!(
        listing["newswire"].as_array().is_some_and(|a| a.len() >= 3),
        "{listing}"
    );
}
