//! A cheap pass over the markup before the HTML parser: drops `<script>` (except JSON-LD),
//! `<style>`, `<svg>` and comments, which are half the bytes of a typical news page and
//! carry no article text; and bounds nesting depth and tag count, so the parser's
//! quadratic corners (10,000 nested `<div>`s) cannot be reached.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

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

/// Attributes the extractor never reads: `data-*` (a tenth of a news page's markup),
/// `srcset`, `sizes` and event handlers (`onclick`). Only `style`, `hidden`, `class` and
/// the like decide what is shown, and those stay.
fn unread(name: &[u8]) -> bool {
    name.len() > 5 && name[..5].eq_ignore_ascii_case(b"data-")
        || name.eq_ignore_ascii_case(b"srcset")
        || name.eq_ignore_ascii_case(b"sizes")
        || name.len() > 4
            && name[..2].eq_ignore_ascii_case(b"on")
            && name[2..].iter().all(u8::is_ascii_alphabetic)
}

/// Whether an open tag's attributes may hold an [`unread`] one: one fast scan, so the
/// tags that hold none (most of them) are not parsed attribute by attribute.
fn maybe_unread(attrs: &[u8]) -> bool {
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 3]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new(b"data-"),
            memchr::memmem::Finder::new(b"srcset"),
            memchr::memmem::Finder::new(b" on"),
        ]
    });
    attrs.len() > 6 && FINDERS.iter().any(|f| f.find(attrs).is_some())
}

/// Byte ranges (with the white space before them) of the [`unread`] attributes of the
/// open tag whose attributes run from `from` to `end` (just past its `>`), parsed the way
/// the HTML tokenizer does: a value is quoted only right after `=`.
fn unread_attributes(b: &[u8], from: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
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
    out
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
            i = end;
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
                i = after;
                continue;
            }
            _ => {}
        }
        // Attributes nothing downstream reads: fewer bytes for the tokenizer to copy
        // character by character, and fewer names to intern.
        if maybe_unread(&b[name_start + name_len..end]) {
            for (from, to) in unread_attributes(b, name_start + name_len, end) {
                skip!(from, to);
            }
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
    fn drops_attributes_nothing_reads() {
        assert_eq!(
            clean(
                "<img data-src=\"a.jpg\" srcset='a 1x, b 2x' alt=\"A > B\" onclick=go() \
                 class=x data-y=\"1\"><p data-z hidden>t</p>"
            ),
            "<img alt=\"A > B\" class=x><p hidden>t</p>"
        );
        // Quotes only open a value after '='; a self-closing slash stays.
        assert_eq!(
            clean("<br data-a=\"x y\" /><a href=\"/x\" data-b='q\"r'>l</a>"),
            "<br /><a href=\"/x\">l</a>"
        );
    }

    #[test]
    fn quoted_gt_in_attributes() {
        assert_eq!(
            clean("<a title=\"a>b\">t</a><!--x-->"),
            "<a title=\"a>b\">t</a>"
        );
    }
}
