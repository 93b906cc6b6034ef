//! Small text helpers shared by the modules.

use std::sync::LazyLock;

use regex::Regex;

/// Collapse runs of white space (including no-break spaces) to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Plain text as paragraphs: each line with its white space collapsed, empty lines dropped,
/// a blank line between paragraphs.
pub fn paragraphs(s: &str) -> String {
    s.split('\n')
        .map(collapse_ws)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Block-level elements: they start a new line of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "body"
            | "html"
            | "center"
            | "details"
            | "summary"
            | "legend"
            | "option"
            | "noscript"
            | "hgroup"
            | "menu"
            | "dialog"
    )
}

static NEG_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[\s_-])(?:
            comment|comments|disqus|share|sharing|social|sharebar|share-bar|social-share|
            related|related-posts|related-articles|recommended|recommendations|read-more|readmore|more-stories|
            newsletter|subscribe|subscription|signup|sign-up|promo|promotion|sponsor|sponsored|
            advert|advertisement|ad|ads|adslot|ad-slot|ad-container|dfp|taboola|outbrain|
            cookie|cookies|consent|gdpr|cookie-banner|popup|modal|
            sidebar|breadcrumb|breadcrumbs|pagination|pager|nav|navbar|navigation|menu|
            footer|rodape|masthead|site-header|topbar|toolbar|skip-link|
            tags|tag-list|taglist|post-tags|article-tags|
            author-bio|author-box|about-author|bio|
            print|visually-hidden|sr-only|screen-reader-text|
            trending|popular|most-read|mostread|most-popular|rail|
            paywall|piano|inline-promo|in-article-promo|
            jump-link
        )(?:$|[\s_-])",
    )
    .expect("valid regex")
});

/// Class/id names that mark navigation, sharing, ads, related lists and the like.
/// An element's class and id, lower-case, as one string ("" when it has neither): what the
/// class-name hints look at. Built by hand, not by `format!`: it runs for every element.
pub fn class_id(class: &str, id: &str) -> String {
    if class.is_empty() && id.is_empty() {
        return String::new();
    }
    let mut s = String::with_capacity(class.len() + 1 + id.len());
    s.push_str(class);
    s.push(' ');
    s.push_str(id);
    s.make_ascii_lowercase();
    s
}

/// ARIA roles of page furniture: navigation, a sidebar ("complementary"), the site footer,
/// dialogs, menus and search.
pub fn is_furniture_role(role: &str) -> bool {
    matches!(
        role.trim(),
        "navigation"
            | "complementary"
            | "contentinfo"
            | "dialog"
            | "alertdialog"
            | "menu"
            | "menubar"
            | "search"
    )
}

pub fn is_boilerplate_hint(class_id: &str) -> bool {
    is_boilerplate_hint_in(class_id, false)
}

/// [`is_boilerplate_hint`] for an element inside an `<article>`, where "entry-footer" and
/// "post-meta" hold the post's own byline and date.
pub fn is_boilerplate_hint_in(class_id: &str, in_article: bool) -> bool {
    // No furniture word anywhere: none in any token either (a token's edges are spaces,
    // and cutting a BEM modifier off leaves a "-" after what stays).
    if !NEG_HINT.is_match(class_id) {
        return false;
    }
    // A hero section holds the page's headline, a byline box ("by-share-div") the author,
    // and an embed ("social-media-embed") a post the article quotes, whatever else their
    // classes say.
    if class_id.split_whitespace().any(|t| {
        t.split(['-', '_'])
            .any(|p| matches!(p, "hero" | "by" | "byline" | "embed" | "embedded"))
    }) {
        return false;
    }
    class_id.split_whitespace().any(|token| {
        // Utility classes ("md:[grid-area:sidebar]") describe layout, not content.
        if token.contains(['[', ':', '(', '=']) {
            return false;
        }
        // A BEM modifier ("m-article--sidebar-right") says how the block is laid out.
        let token = token.split("--").next().unwrap_or(token);
        NEG_HINT.is_match(token)
            && !layout_token(token)
            && !(in_article && token.contains("footer"))
    })
}

/// Layout classes that name furniture without being it: "with-sidebar",
/// "content-sidebar-wrap", "under-menu", "hero-banner", "no-ads", and the states that say
/// the thing is absent: "hasnt-bio", "without-sidebar", "is-not-sponsored".
fn layout_token(token: &str) -> bool {
    token.split(['-', '_']).any(|part| {
        matches!(
            part,
            "with"
                | "without"
                | "has"
                | "hasnt"
                | "no"
                | "not"
                | "under"
                | "template"
                | "hero"
                | "layout"
                | "active"
                | "main"
                | "mode"
        )
    }) || token.starts_with("content-sidebar")
}

/// Repair text whose UTF-8 bytes were read as Latin-1 or Windows-1252 ("â€™" for "’"):
/// re-encoded and decoded again when that gives valid UTF-8 with fewer odd characters.
pub fn fix_mojibake(s: &str) -> String {
    if !s.contains(['â', 'Ã', 'Â', 'Ð', 'Ñ']) {
        return s.to_string();
    }
    let mut bytes = Vec::with_capacity(s.len());
    for c in s.chars() {
        let b = match c as u32 {
            0..=0xFF => c as u32 as u8,
            _ => {
                let mut buf = [0u8; 4];
                let (enc, _, bad) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                if bad || enc.len() != 1 {
                    return s.to_string();
                }
                enc[0]
            }
        };
        bytes.push(b);
    }
    match String::from_utf8(bytes) {
        Ok(fixed) if fixed.chars().count() < s.chars().count() => fixed,
        _ => s.to_string(),
    }
}

/// Decode HTML entities left in text (double-encoded attributes, JSON-LD strings), named
/// ("&iacute;") or numeric, once; a no-break space as a plain one.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    html_escape::decode_html_entities(s).replace('\u{a0}', " ")
}

/// Lower-case word tokens (`\w+`), as the scorer counts them.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_space() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x2019; &bogus; &"),
            "a & b \u{2019} \u{2019} &bogus; &"
        );
        // Named entities of every kind; decoded once.
        assert_eq!(
            decode_entities("Jos&eacute; Garc&iacute;a &amp;amp; O&rsquo;Neill&nbsp;Jr"),
            "José García &amp; O\u{2019}Neill Jr"
        );
        assert_eq!(collapse_ws("  a \n\t b\u{a0} "), "a b");
    }

    #[test]
    fn hints() {
        assert!(is_boilerplate_hint("social-share"));
        assert!(is_boilerplate_hint("article related"));
        assert!(!is_boilerplate_hint("article-body"));
        assert!(!is_boilerplate_hint("shadow"));
        assert!(!is_boilerplate_hint("header-title"));
        assert_eq!(
            fix_mojibake("Investor\u{e2}\u{80}\u{99}s"),
            "Investor\u{2019}s"
        );
        assert_eq!(fix_mojibake("Investorâ€™s"), "Investor\u{2019}s");
        assert_eq!(fix_mojibake("Ça va à Montréal"), "Ça va à Montréal");
        assert!(is_boilerplate_hint("widget sidebar-right"));
        assert!(is_boilerplate_hint("rail__item-content"));
        assert!(!is_boilerplate_hint("guardrails-intro"));
        assert!(!is_boilerplate_hint("col-md-8 with-sidebar"));
        // A state saying the thing is absent: the Washington Post's byline row.
        assert!(!is_boilerplate_hint(
            "pb-sig-line hasnt-headshot hasnt-bio is-not-column"
        ));
        assert!(!is_boilerplate_hint("layout without-sidebar"));
        assert!(!is_boilerplate_hint("content-sidebar-wrap"));
        assert!(!is_boilerplate_hint("article-banner hero"));
        assert!(!is_boilerplate_hint("m-article m-article--sidebar-right"));
        assert!(!is_boilerplate_hint("md:[grid-area:sidebar] x"));
        assert!(!is_boilerplate_hint(
            "sno-story sno-story-sidebar-mode-single"
        ));
        assert!(!is_boilerplate_hint("site-header as-hero-header masthead"));
        assert!(is_boilerplate_hint("c-sidebar--sticky"));
        assert!(!is_boilerplate_hint("by-share-div"));
    }
}
