//! Site profiles: where a site needs its own reading.

use scraper::Html;
use url::Url;

use crate::{PageContent, PageInput, metadata::Meta};

pub mod lines;
pub mod unpublished;

/// Run the profile for this page's site, if there is one.
pub fn extract(doc: &Html, meta: &Meta, url: &Url, input: &PageInput<'_>) -> Option<PageContent> {
    if unpublished::matches(url, doc, meta) {
        return unpublished::extract(doc, meta, url, input);
    }
    None
}
