//! Pages that list other pages (tags, sections, search results, an author's page, the home
//! page) are not articles, even with a date on every teaser; a story with a related-stories
//! block under it still is.

mod common;

use common::{PARA, article};
use newsflow_extract::{PageContent, PageInput, extract};

fn teaser(i: usize) -> String {
    format!(
        "<article class=\"card\"><h2><a href=\"/news/2019/story-{i}\">Council story number {i} \
         makes headlines</a></h2><p>A short summary of story {i} that tells readers what \
         happened at the council this week.</p><time datetime=\"2019-11-{:02}\">Nov</time>\
         </article>",
        10 + i % 9
    )
}

fn kind(html: &str, url: &str) -> Result<String, String> {
    match extract(&PageInput {
        body: html.as_bytes(),
        url,
        content_type: Some("text/html; charset=utf-8"),
        fetched_at: None,
    })
    .expect("extracts")
    {
        PageContent::Article { article, .. } => Ok(article.title.unwrap_or_default()),
        PageContent::NotArticle { reason, .. } => Err(reason),
    }
}

#[test]
fn a_page_of_dated_teasers_is_a_listing() {
    let teasers: String = (0..10).map(teaser).collect();
    for (url, h1) in [
        ("https://news.example/tag/council", "Council"),
        ("https://news.example/search?q=council", "Search results"),
        ("https://news.example/", "Latest news"),
        // No listing address: the dates of many days say it.
        ("https://news.example/local-government", "Local government"),
    ] {
        let html = format!(
            "<html><head><title>{h1} | News Example</title></head><body><h1>{h1}</h1>\
             {teasers}</body></html>"
        );
        let got = kind(&html, url);
        assert!(
            got.as_ref().is_err_and(|r| r.contains("listing")),
            "{url}: {got:?}"
        );
    }
}

#[test]
fn a_story_with_related_teasers_under_it_is_an_article() {
    let teasers: String = (0..10).map(teaser).collect();
    let html = format!(
        "<html><head><title>Council extends program | News Example</title></head><body>\
         <h1>Council extends program</h1><time datetime=\"2019-11-19\">Nov 19</time>\
         <p>{PARA} {PARA} {PARA}</p><p>{PARA}</p><h2>More news</h2>{teasers}</body></html>"
    );
    let a = article(
        &html,
        "https://news.example/news/2019/council-extends-program",
    );
    assert_eq!(a.title.as_deref(), Some("Council extends program"));
}

#[test]
fn a_bot_check_served_in_the_storys_place_is_not_an_article() {
    let cloudflare = "<html><head><title>Just a moment...</title></head><body>\
        <h1>news.example</h1><h2>Checking if the site connection is secure</h2>\
        <p>news.example needs to review the security of your connection before proceeding.</p>\
        <noscript>Enable JavaScript and cookies to continue</noscript>\
        <p>Ray ID: 7d1a2b3c4d5e6f70</p></body></html>";
    assert_eq!(
        kind(cloudflare, "https://news.example/council/story"),
        Err("bot check or access wall".to_string())
    );
    // A story about such pages is still a story.
    let story = format!(
        "<html><head><title>Why sites ask: are you a robot?</title></head><body><article>\
         <h1>Why sites ask: are you a robot?</h1><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
         <p>{PARA}</p></article></body></html>"
    );
    assert_eq!(
        kind(&story, "https://news.example/tech/robots"),
        Ok("Why sites ask: are you a robot?".to_string())
    );
}

#[test]
fn a_consent_wall_served_in_the_storys_place_is_not_an_article() {
    let wall = "<html><head><title>Council extends program | News Example</title></head><body>\
        <div class=\"consent\"><h2>We value your privacy</h2><p>We and our partners use \
        cookies and similar technologies to store and access information on your device, for \
        purposes such as personalised ads and content, ad and content measurement and \
        audience insights.</p><p>You can accept or reject these uses, or manage your choices \
        at any time.</p><button>Accept all</button><button>Reject all</button></div>\
        </body></html>";
    assert_eq!(
        kind(wall, "https://news.example/council/story"),
        Err("consent wall".to_string())
    );
    // A story with the banner's text after it is still a story.
    let story = format!(
        "<html><head><title>Council extends program</title></head><body><article>\
         <h1>Council extends program</h1><p>{PARA}</p><p>We value your privacy, the council \
         told residents in a letter.</p></article></body></html>"
    );
    assert_eq!(
        kind(&story, "https://news.example/council/story"),
        Ok("Council extends program".to_string())
    );
}

/// An undated card: a heading, a summary, a link to the story.
fn card(i: usize) -> String {
    format!(
        "<div class=\"card\"><h3>Council story number {i} makes headlines</h3><p>A short \
         summary of story {i} that tells readers what happened at the council.</p>\
         <a href=\"/news/council-story-{i}\">Read more</a></div>"
    )
}

#[test]
fn a_page_of_undated_cards_or_linked_items_is_a_listing() {
    let cards: String = (0..10).map(card).collect();
    let items: String = (0..10)
        .map(|i| {
            format!(
                "<li><a href=\"/news/council-story-{i}\">Council story number {i} makes \
                 headlines</a> A short summary of what happened at the council.</li>"
            )
        })
        .collect();
    for teasers in [cards, format!("<ul>{items}</ul>")] {
        let html = format!(
            "<html><head><title>Local government | News Example</title></head><body>\
             <h1>Local government</h1>{teasers}</body></html>"
        );
        let got = kind(&html, "https://news.example/local-government");
        assert!(
            got.as_ref()
                .is_err_and(|r| r.contains("teasers in the text")),
            "{got:?}"
        );
    }
}

#[test]
fn an_undated_story_with_cards_under_it_is_an_article() {
    // The cards inside the story's own container, where the body may take them.
    let cards: String = (0..8).map(card).collect();
    let paras: String = (0..12).map(|i| format!("<p>{PARA} ({i})</p>")).collect();
    let html = format!(
        "<html><head><title>Council extends program | News Example</title></head><body>\
         <article><h1>Council extends program</h1>{paras}\
         <section><h2>Read next</h2>{cards}</section></article></body></html>"
    );
    let a = article(&html, "https://news.example/news/council-extends-program");
    assert_eq!(a.title.as_deref(), Some("Council extends program"));
}

#[test]
fn an_undated_guide_with_a_linked_checklist_is_an_article() {
    let paras: String = (0..30).map(|i| format!("<p>{PARA} ({i})</p>")).collect();
    let items: String = (0..8)
        .map(|i| {
            format!(
                "<li><a href=\"/guides/step-{i}\">Book the venue for step {i}</a> and write \
                 down what it costs, so the budget holds.</li>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Wedding checklist | News Example</title></head><body><article>\
         <h1>Wedding checklist</h1>{paras}<ul>{items}</ul></article></body></html>"
    );
    let a = article(&html, "https://news.example/guides/wedding-checklist");
    assert!(a.body.contains("Book the venue for step 7"), "{}", a.body);
}

#[test]
fn a_section_front_whose_cards_show_their_dates_as_text_is_a_listing() {
    // No `<time>` elements and no listing address: each card shows its date as text, and
    // the first card's date is all that would date the page.
    let cards: String = (1..=12)
        .map(|i| {
            format!(
                "<div class=\"card\"><h3><a href=\"/2025/07/story-{i}\">Council story number \
                 {i} about the regional program</a></h3><p>A short summary of story {i} that \
                 tells readers what happened at the council meeting this week.</p>\
                 <span class=\"date\">July {i}, 2025</span></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Politics - Daily Ledger</title></head><body><h1>Politics</h1>\
         {cards}</body></html>"
    );
    let got = kind(&html, "https://www.dailyledger.example/politics/");
    assert!(
        got.as_ref().is_err_and(|r| r.contains("listing")),
        "{got:?}"
    );
}

#[test]
fn a_short_brief_with_a_byline_and_a_date_is_a_story() {
    let brief = "<html><head><title>Council approves budget | Gazette</title></head><body>\
                 <article><h1>Council approves budget</h1><p class=\"byline\">By Jane Doe</p>\
                 <p>The council approved the budget on Tuesday by a vote of 7-2.</p><p>The \
                 plan takes effect in January.</p></article></body></html>";
    assert_eq!(
        kind(
            brief,
            "https://news.example/2023/11/14/council-approves-budget"
        )
        .as_deref(),
        Ok("Council approves budget")
    );
    // Without a writer or a date it is too little to call a story, and a listing's
    // address stays a listing.
    let unsigned = brief.replace("<p class=\"byline\">By Jane Doe</p>", "");
    assert!(
        kind(
            &unsigned,
            "https://news.example/news/council-approves-budget"
        )
        .is_err()
    );
    assert!(kind(brief, "https://news.example/tag/council").is_err());
}
