//! A cheap pass over the markup before the HTML parser: drops `<script>` (except JSON-LD),
//! `<style>`, `<svg>` and comments, which are half the bytes of a typical news page and
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
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let rel = memchr(first, &hay[i..])?;
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
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            // Quotes only open an attribute value right after '='.
            let prev = b[..i].iter().rev().find(|x| !x.is_ascii_whitespace());
            if prev == Some(&b'=') {
                quote = c;
            }
        } else if c == b'>' {
            return i + 1;
        }
        i += 1;
    }
    b.len()
}

/// Clean the markup; borrowed when nothing had to change.
pub fn clean(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Vec<u8> = Vec::new();
    let mut copied_to = 0usize; // bytes before this are already handled
    let mut changed = false;
    let mut depth = 0u32;
    let mut dropped: HashMap<String, u32> = HashMap::new();
    let mut tags = 0usize;
    let mut i = 0usize;
    macro_rules! skip {
        ($from:expr, $to:expr) => {{
            out.extend_from_slice(&b[copied_to..$from]);
            copied_to = $to;
            changed = true;
        }};
    }
    while i < b.len() {
        let Some(rel) = memchr(b'<', &b[i..]) else {
            break;
        };
        let lt = i + rel;
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
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_start + name_len);
        tags += 1;
        if tags > MAX_TAGS {
            skip!(lt, b.len());
            break;
        }
        if closing {
            if let Some(n) = dropped.get_mut(&name)
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
            i = end;
            continue;
        }
        match name.as_str() {
            "script" | "style" | "svg" => {
                let open = &b[lt..end];
                let keep = name == "script" && find_ci(open, 0, b"ld+json").is_some();
                let close_pat: &[u8] = match name.as_str() {
                    "script" => b"</script",
                    "style" => b"</style",
                    _ => b"</svg",
                };
                let close = find_ci(b, end, close_pat);
                let after = close.map_or(b.len(), |c| tag_end(b, c + close_pat.len()));
                if !keep {
                    skip!(lt, after);
                }
                i = after;
                continue;
            }
            _ => {}
        }
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if !is_void(&name) && !optional_end(&name) && !self_closing {
            if depth >= MAX_DEPTH {
                *dropped.entry(name).or_insert(0) += 1;
                skip!(lt, end);
                i = end;
                continue;
            }
            depth += 1;
        }
        i = end;
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
    fn quoted_gt_in_attributes() {
        assert_eq!(
            clean("<a title=\"a>b\">t</a><!--x-->"),
            "<a title=\"a>b\">t</a>"
        );
    }
}
