//! What the integration tests share: one page extracted as an article.

use newsflow_extract::{Article, PageContent, PageInput, extract};

/// A paragraph of article text, so a test page is long enough to be an article.
pub const PARA: &str = "The council voted on Tuesday to extend the program, which supports \
    small businesses across the region, for another three years, citing strong demand from \
    owners.";

/// Extract `html` served from `url` as UTF-8; panics if it is not an article.
pub fn article(html: &str, url: &str) -> Article {
    let page = extract(&PageInput {
        body: html.as_bytes(),
        url,
        content_type: Some("text/html; charset=utf-8"),
        fetched_at: None,
    })
    .expect("extracts");
    match page {
        PageContent::Article { article, .. } => article,
        PageContent::NotArticle { reason, .. } => panic!("not an article: {reason}"),
    }
}
