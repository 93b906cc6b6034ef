//! A cheap pass over the markup before the HTML parser: drops `<script>` (except JSON-LD),
//! `<style>`, `<svg>`, closed `<nav>` menus and comments, which are half the bytes of a typical news page and
//! carry no article text; and bounds nesting depth and tag count, so the parser's
//! quadratic corners (10,000 nested `<div>`s) cannot be reached.

use std::borrow::Cow;
use std::collections::HashMap;

/// Deeper elements are flattened into their ancestor.
pub const MAX_DEPTH: u32 = 400;
/// Markup after this many tags is not parsed.
pub const MAX_TAGS: usize = 150_000;

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "frame"
            | "basefont"
            | "bgsound"
    )
}

/// Elements whose end tag may be left out: they do not nest deeper in practice.
fn optional_end(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "rb"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
    )
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (lo, up) = (
        needle[0].to_ascii_lowercase(),
        needle[0].to_ascii_uppercase(),
    );
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let rel = memchr::memchr2(lo, up, &hay[i..])?;
        let at = i + rel;
        if at + needle.len() <= hay.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn memchr(b: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(b, hay)
}

/// End of a tag starting at `start` (index just past its `>`), honouring quoted values.
fn tag_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(rel) = memchr::memchr3(b'>', b'"', b'\'', &b[i.min(b.len())..]) {
        let at = i + rel;
        let c = b[at];
        if c == b'>' {
            return at + 1;
        }
        // Quotes only open an attribute value right after '='.
        let prev = b[start..at].iter().rev().find(|x| !x.is_ascii_whitespace());
        i = if prev == Some(&b'=') {
            match memchr::memchr(c, &b[at + 1..]) {
                Some(close) => at + 1 + close + 1,
                None => return b.len(),
            }
        } else {
            at + 1
        };
    }
    b.len()
}

/// Attributes the extractor never reads: `data-*` (a tenth of a news page's markup) but
/// `data-component` and `data-testid`,
/// `srcset`, `sizes`, event handlers (`onclick`), an image's `src` and `alt`, tooltips
/// (`title`), `aria-*` labels and layout hints (`width`, `loading`, `tabindex`, ...).
/// Only `style`, `hidden`, `aria-hidden`, `class` and the like decide what is shown, and
/// those stay, as does everything `<meta>`, `<link>`, `<a>` and `<time>` carry.
fn unread(name: &[u8]) -> bool {
    let lower = |prefix: &[u8]| {
        name.len() > prefix.len() && name[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    if lower(b"data-") {
        // Except those that name a component ("Byline") for the byline search.
        return !name.eq_ignore_ascii_case(b"data-component")
            && !name.eq_ignore_ascii_case(b"data-testid");
    }
    if lower(b"aria-") {
        return !name.eq_ignore_ascii_case(b"aria-hidden");
    }
    if name.len() > 4
        && name[..2].eq_ignore_ascii_case(b"on")
        && name[2..].iter().all(u8::is_ascii_alphabetic)
    {
        return true;
    }
    let is = |u: &[u8]| name.eq_ignore_ascii_case(u);
    match name.len() {
        3 => is(b"src") || is(b"alt"),
        5 => is(b"title") || is(b"width") || is(b"sizes") || is(b"media"),
        6 => is(b"srcset") || is(b"target") || is(b"height"),
        7 => is(b"loading"),
        8 => is(b"decoding") || is(b"tabindex"),
        9 => is(b"integrity"),
        10 => is(b"xlink:href"),
        11 => is(b"crossorigin"),
        13 => is(b"fetchpriority"),
        14 => is(b"referrerpolicy"),
        _ => false,
    }
}

/// A `<link>` nothing reads: only `rel="canonical"` and `rel="image_src"` are (the
/// stylesheets, preloads and icons are a twentieth of a page's markup).
fn unread_link(tag: &[u8]) -> bool {
    find_ci(tag, 0, b"canonical").is_none() && find_ci(tag, 0, b"image_src").is_none()
}

/// Byte ranges (with the white space before them) of the [`unread`] attributes of the
/// open tag whose attributes run from `from` to `end` (just past its `>`), parsed the way
/// the HTML tokenizer does: a value is quoted only right after `=`.
fn unread_attributes(b: &[u8], from: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let stop = end.saturating_sub(1).max(from);
    let mut i = from;
    while i < stop {
        let ws_start = i;
        while i < stop && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        // A name runs to white space, '/', '>' or '=' (a leading '=' belongs to it).
        if i < stop && b[i] == b'=' {
            i += 1;
        }
        while i < stop
            && !matches!(
                b[i],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'='
            )
        {
            i += 1;
        }
        let name_end = i;
        if name_end == name_start {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < stop && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < stop && b[j] == b'=' {
            j += 1;
            while j < stop && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < stop && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                j += 1;
                while j < stop && b[j] != q {
                    j += 1;
                }
                j = (j + 1).min(stop);
            } else {
                while j < stop && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
            }
            i = j;
        }
        // Only attributes set apart by white space, so the tag stays well formed.
        if ws_start < name_start
            && b[ws_start].is_ascii_whitespace()
            && unread(&b[name_start..name_end])
        {
            out.push((ws_start, i));
        }
    }
}

/// Where a `<nav>` whose start tag ends at `from` ends, when it is closed, holds no
/// article or heading, and is not most of the page.
///
/// `budget` is what all searches on the page may still read: a page of unclosed menus
/// (each search would read to its end) costs a few passes over it, not one per menu.
fn nav_end(b: &[u8], from: usize, budget: &mut usize) -> Option<usize> {
    // A menu longer than a third of the page is kept anyway.
    let limit = from.saturating_add(b.len() / 3).min(b.len());
    let mut depth = 1u32;
    let mut i = from;
    while depth > 0 {
        let at = find_ci(&b[..limit], i, b"nav");
        let read = at.map_or(limit, |a| a + 3) - i;
        *budget = budget.checked_sub(read)?;
        let at = at?;
        i = at + 3;
        let name_ends = b
            .get(i)
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'));
        if !name_ends {
            continue;
        }
        if at >= 1 && b[at - 1] == b'<' {
            depth += 1;
        } else if at >= 2 && b[at - 1] == b'/' && b[at - 2] == b'<' {
            depth -= 1;
        }
    }
    let close = i - 5;
    let inner = &b[from..close];
    *budget = budget.checked_sub(inner.len())?;
    if (close - from) * 3 > b.len()
        || find_ci(inner, 0, b"<article").is_some()
        || find_ci(inner, 0, b"<h1").is_some()
        || find_ci(inner, 0, b"<main").is_some()
    {
        return None;
    }
    Some(tag_end(b, i))
}

/// Clean the markup; borrowed when nothing had to change.
pub fn clean(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    // Sized for the whole page up front: most pages lose a script, so most are copied.
    let mut out: Vec<u8> = Vec::with_capacity(html.len());
    let mut copied_to = 0usize; // bytes before this are already handled
    let mut changed = false;
    let mut depth = 0u32;
    let mut dropped: HashMap<String, u32> = HashMap::new();
    let mut tags = 0usize;
    let mut i = 0usize;
    // Inside `<pre>` and the like, white space is the text's own.
    let mut pre_depth = 0u32;
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut nav_budget = b.len().saturating_mul(2);
    macro_rules! skip {
        ($from:expr, $to:expr) => {{
            out.extend_from_slice(&b[copied_to..$from]);
            copied_to = $to;
            changed = true;
        }};
    }
    // A run of white space `b[from..to]` becomes one character, a newline if it held one.
    macro_rules! one_space {
        ($from:expr, $to:expr) => {{
            let (from, to): (usize, usize) = ($from, $to);
            out.extend_from_slice(&b[copied_to..from]);
            out.push(if b[from..to].contains(&b'\n') {
                b'\n'
            } else {
                b' '
            });
            copied_to = to;
            changed = true;
        }};
    }
    // White space after a tag (the indentation of the markup, a tenth of a page) renders
    // as one space: it is kept as one character, a newline if it held one. The tokenizer
    // would otherwise stop at every newline in it. Evaluates to where the next tag may
    // start.
    macro_rules! collapse_after {
        ($at:expr) => {{
            let at: usize = $at;
            let mut j = at;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                j += 1;
            }
            if pre_depth == 0 && j - at >= 2 {
                one_space!(at, j);
            }
            j
        }};
    }
    while i < b.len() {
        let Some(rel) = memchr(b'<', &b[i..]) else {
            break;
        };
        let lt = i + rel;
        // The white space that ends a text before this tag, likewise.
        if pre_depth == 0 && rel >= 2 && copied_to <= i {
            let mut k = lt;
            while k > i && matches!(b[k - 1], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                k -= 1;
            }
            if lt - k >= 2 {
                one_space!(k, lt);
            }
        }
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            let end = find_ci(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            skip!(lt, end);
            i = end;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + if closing { 2 } else { 1 };
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        // The lower-case name, on the stack for every name an element of HTML has.
        let mut buf = [0u8; 16];
        let name: Cow<'_, str> = if name_len <= buf.len() {
            buf[..name_len].copy_from_slice(&b[name_start..name_start + name_len]);
            buf[..name_len].make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(&buf[..name_len]).unwrap_or_default())
        } else {
            Cow::Owned(html[name_start..name_start + name_len].to_ascii_lowercase())
        };
        let end = tag_end(b, name_start + name_len);
        tags += 1;
        if tags > MAX_TAGS {
            tracing::warn!(
                limit = MAX_TAGS,
                at_byte = lt,
                dropped_bytes = b.len() - lt,
                "Page truncated: markup after the tag limit is not read"
            );
            skip!(lt, b.len());
            break;
        }
        if closing {
            if let Some(n) = dropped.get_mut(name.as_ref())
                && *n > 0
            {
                *n -= 1;
                skip!(lt, end);
                i = end;
                continue;
            }
            if !is_void(&name) && !optional_end(&name) {
                depth = depth.saturating_sub(1);
            }
            if matches!(name.as_ref(), "pre" | "textarea" | "listing" | "plaintext") {
                pre_depth = pre_depth.saturating_sub(1);
            }
            i = collapse_after!(end);
            continue;
        }
        match name.as_ref() {
            "script" | "style" | "svg" => {
                let open = &b[lt..end];
                let keep = name == "script" && find_ci(open, 0, b"ld+json").is_some();
                let close_pat: &[u8] = match name.as_ref() {
                    "script" => b"</script",
                    "style" => b"</style",
                    _ => b"</svg",
                };
                let close = find_ci(b, end, close_pat);
                let after = close.map_or(b.len(), |c| tag_end(b, c + close_pat.len()));
                if !keep {
                    skip!(lt, after);
                }
                i = collapse_after!(after);
                continue;
            }
            _ => {}
        }
        // A navigation menu, closed and not holding the article: a sixth of a page's markup
        // that the extractor would only skip.
        if name == "nav"
            && let Some(after) = nav_end(b, end, &mut nav_budget)
        {
            skip!(lt, after);
            i = collapse_after!(after);
            continue;
        }
        // Attributes nothing downstream reads: fewer bytes for the tokenizer to copy
        // character by character, and fewer names to intern.
        if name == "link" && unread_link(&b[lt..end]) {
            skip!(lt, end);
            i = collapse_after!(end);
            continue;
        }
        // hAtom keeps its instant in an `<abbr>`'s title.
        if end - (name_start + name_len) > 4 && name != "abbr" {
            unread_attributes(b, name_start + name_len, end, &mut ranges);
            for &(from, to) in &ranges {
                skip!(from, to);
            }
        }
        if matches!(name.as_ref(), "pre" | "textarea" | "listing" | "plaintext") {
            pre_depth += 1;
        }
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if !is_void(&name) && !optional_end(&name) && !self_closing {
            if depth >= MAX_DEPTH {
                *dropped.entry(name.into_owned()).or_insert(0) += 1;
                skip!(lt, end);
                i = end;
                continue;
            }
            depth += 1;
        }
        i = collapse_after!(end);
    }
    if !changed {
        return Cow::Borrowed(html);
    }
    out.extend_from_slice(&b[copied_to.min(b.len())..]);
    // Only whole tags and comments were removed, at ASCII boundaries.
    Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_scripts_styles_comments_keeps_jsonld() {
        let html = "<p>a</p><script>var x = '</div>';</script><SCRIPT type=\"application/ld+json\">{\"a\":1}</script><style>p{}</style><!-- c --><svg><path/></svg><p>b</p>";
        assert_eq!(
            clean(html),
            "<p>a</p><SCRIPT type=\"application/ld+json\">{\"a\":1}</script><p>b</p>"
        );
        assert!(matches!(clean("<p>plain</p>"), Cow::Borrowed(_)));
        // The type and the end tag in any case.
        assert_eq!(
            clean("<script type=\"application/LD+JSON\">{}</SCRIPT><p>b</p>"),
            "<script type=\"application/LD+JSON\">{}</SCRIPT><p>b</p>"
        );
        assert_eq!(
            clean("<p>a</p><SCRIPT>x</SCRIPT><p>b</p>"),
            "<p>a</p><p>b</p>"
        );
    }

    #[test]
    fn drops_closed_navigation_menus() {
        // A story, so that no menu here is most of the page.
        let story = format!("<p>{}</p>", "The council voted on Tuesday. ".repeat(10));
        assert_eq!(
            clean(&format!(
                "<nav class=m><ul><li><a href=/>Home</a></ul></nav>{story}"
            )),
            story
        );
        // Nested menus end at their own end tag; a custom element is not a menu.
        assert_eq!(
            clean(&format!(
                "<NAV><nav>x</nav><a>y</a></Nav><navbar>z</navbar>{story}"
            )),
            format!("<navbar>z</navbar>{story}")
        );
        // Kept: a menu never closed (the rest of the page would go with it), one that holds
        // the article or its headline, and one that is most of the page.
        // A page of menus never closed is read a few times over, not once per menu: none
        // of their text goes, nor the story after them.
        let bomb = format!("{}{story}", "<nav><a href=/x>menu item</a>".repeat(40_000));
        let out = clean(&bomb);
        assert!(out.ends_with(&story));
        assert_eq!(out.matches("menu item").count(), 40_000);
        for kept in [
            format!("<nav>{story}"),
            format!("<nav><article>{story}</article></nav>"),
            format!("<nav><h1>Headline</h1></nav>{story}"),
            "<nav><a href=/>Home</a></nav><p>b</p>".to_string(),
        ] {
            assert_eq!(clean(&kept), kept);
        }
    }

    #[test]
    fn bounds_depth() {
        let mut s = String::new();
        for _ in 0..1000 {
            s.push_str("<div>x");
        }
        for _ in 0..1000 {
            s.push_str("</div>");
        }
        let c = clean(&s);
        assert_eq!(c.matches("<div>").count(), MAX_DEPTH as usize);
        assert_eq!(c.matches("</div>").count(), MAX_DEPTH as usize);
        assert_eq!(c.matches('x').count(), 1000);
    }

    #[test]
    fn drops_attributes_nothing_reads() {
        assert_eq!(
            clean(
                "<img data-src=\"a.jpg\" srcset='a 1x, b 2x' alt=\"A > B\" onclick=go() \
                 class=x data-y=\"1\"><p data-z hidden>t</p>"
            ),
            "<img class=x><p hidden>t</p>"
        );
        // Quotes only open a value after '='; a self-closing slash stays.
        assert_eq!(
            clean("<br data-a=\"x y\" /><a href=\"/x\" data-b='q\"r'>l</a>"),
            "<br /><a href=\"/x\">l</a>"
        );
        // The component names the byline search reads stay.
        assert_eq!(
            clean("<div data-x=\"1\" data-component=\"Byline\" data-testid=\"byline\">J</div>"),
            "<div data-component=\"Byline\" data-testid=\"byline\">J</div>"
        );
    }

    #[test]
    fn quoted_gt_in_attributes() {
        assert_eq!(
            clean("<a title=\"a>b\" href=x>t</a><!--x-->"),
            "<a href=x>t</a>"
        );
        assert_eq!(clean("<a rel=\"a>b\">t</a>"), "<a rel=\"a>b\">t</a>");
    }

    #[test]
    fn keeps_what_is_read() {
        let html = "<meta name=\"author\" content=\"A\"><a href=\"/x\" rel=\"author\" class=c \
                    id=i itemprop=author aria-hidden=\"true\" style=\"display:none\" hidden>x</a>\
                    <time datetime=\"2026-01-01\" lang=en>y</time>";
        assert!(matches!(clean(html), Cow::Borrowed(_)));
    }

    #[test]
    fn drops_links_nothing_reads() {
        assert_eq!(
            clean(
                "<link rel=\"stylesheet\" href=\"a.css\"><LINK REL=\"Canonical\" HREF=\"/c\">\
                 <link rel=image_src href=\"i.jpg\"><link rel=preload href=f.woff>"
            ),
            "<LINK REL=\"Canonical\" HREF=\"/c\"><link rel=image_src href=\"i.jpg\">"
        );
    }

    #[test]
    fn collapses_white_space_between_tags_but_not_in_pre() {
        assert_eq!(
            clean("<div>\n    <p>a  b</p>   <b>c</b> <i>d</i>\n\n</div>"),
            "<div>\n<p>a  b</p> <b>c</b> <i>d</i>\n</div>"
        );
        let pre = "<pre>\n  <b>x</b>\n    <i>y</i>\n</pre>\n\n<p>z</p>";
        assert_eq!(
            clean(pre),
            "<pre>\n  <b>x</b>\n    <i>y</i>\n</pre>\n<p>z</p>"
        );
        // The white space at a text's edges too, not within it.
        assert_eq!(
            clean("<p>\n      Hello  world\n    </p>"),
            "<p>\nHello  world\n</p>"
        );
        // A script's removal leaves the white space around it as one run each.
        assert_eq!(
            clean("<p>a</p>\n  <script>x()</script>\n  <p>b</p>"),
            "<p>a</p>\n\n<p>b</p>"
        );
    }
}
