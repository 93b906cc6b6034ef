//! The canonical address, on which storage keys articles.

mod common;

use common::{PARA, article};

fn canonical(head: &str, url: &str) -> Option<String> {
    let html = format!(
        "<html><head><title>Council extends program</title>{head}</head><body><article>\
         <h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    article(&html, url).canonical_url
}

#[test]
fn tracking_parameters_go_and_relative_addresses_resolve() {
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="/city/council?utm_source=x&id=5&gclid=1">"#,
            "https://news.example/city/council?fbclid=abc"
        )
        .as_deref(),
        Some("https://news.example/city/council?id=5")
    );
    // No tag: the page's own address, without its tracking.
    assert_eq!(
        canonical("", "https://news.example/city/council?utm_medium=social").as_deref(),
        Some("https://news.example/city/council")
    );
    // Syndicated: another site's address is the canonical one.
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="https://wire.example/original">"#,
            "https://news.example/city/council"
        )
        .as_deref(),
        Some("https://wire.example/original")
    );
}

#[test]
fn a_home_page_canonical_on_a_story_is_a_template_mistake() {
    // Every story of such a site names the home page: keyed on it, they would fold into one.
    let url = "https://news.example/city/council";
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="https://news.example/">"#,
            url
        )
        .as_deref(),
        Some(url)
    );
    // og:url is the next witness when it is sound.
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="/"><meta property="og:url" content="https://news.example/city/council-extends">"#,
            url
        )
        .as_deref(),
        Some("https://news.example/city/council-extends")
    );
}
