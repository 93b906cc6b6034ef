//! The page as visible lines of text, each with its first link: what a reader sees, so a
//! profile can key on labels and layout rather than on one exact markup.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::text::{collapse_ws, is_block};

#[derive(Debug, Clone, Default)]
pub struct Line {
    pub text: String,
    /// The first link in the line.
    pub href: Option<String>,
    /// Text of that link.
    pub link_text: String,
    /// In a heading element.
    pub heading: bool,
}

const MAX_LINES: usize = 20_000;

/// Visible lines of the body, in page order.
pub fn lines(doc: &Html) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut cur = Line::default();
    let mut raw = String::new();
    let mut skip = 0u32;
    let mut heading = 0u32;
    let mut link: Vec<Option<String>> = Vec::new();
    let mut link_text = String::new();
    let flush = |raw: &mut String, cur: &mut Line, out: &mut Vec<Line>, heading: bool| {
        let t = collapse_ws(raw);
        if !t.is_empty() && out.len() < MAX_LINES {
            cur.text = t;
            cur.heading = heading;
            cur.link_text = collapse_ws(&cur.link_text);
            out.push(std::mem::take(cur));
        } else {
            *cur = Line::default();
        }
        raw.clear();
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) => {
                    if skip > 0 {
                        skip += 1;
                        continue;
                    }
                    let name = el.name();
                    if matches!(
                        name,
                        "script"
                            | "style"
                            | "noscript"
                            | "template"
                            | "head"
                            | "svg"
                            | "iframe"
                            | "select"
                            | "button"
                    ) {
                        skip = 1;
                        continue;
                    }
                    if is_block(name) || name == "br" {
                        flush(&mut raw, &mut cur, &mut out, heading > 0);
                    }
                    if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                        heading += 1;
                    }
                    if name == "a" {
                        link.push(el.attr("href").map(str::to_string));
                        link_text.clear();
                    }
                }
                Node::Text(t) => {
                    if skip > 0 {
                        continue;
                    }
                    raw.push_str(t);
                    if let Some(Some(h)) = link.last() {
                        if cur.href.is_none() {
                            cur.href = Some(h.clone());
                        }
                        if cur.href.as_deref() == Some(h.as_str()) {
                            cur.link_text.push_str(t);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(el) = n.value() {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let name = el.name();
                    if is_block(name) {
                        flush(&mut raw, &mut cur, &mut out, heading > 0);
                    }
                    if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                        heading = heading.saturating_sub(1);
                    }
                    if name == "a" {
                        link.pop();
                    }
                }
            }
        }
    }
    flush(&mut raw, &mut cur, &mut out, heading > 0);
    out
}
