//! Pages streamed by React (Next.js and other server renderers): the server sends each
//! late part of the page as a hidden `<div hidden id="S:0">` at the end of the document,
//! and a script moves it to its placeholder (`<template id="B:0">` or `<template
//! id="P:0">`) in the browser. Without the script the article text sits hidden at the end;
//! this puts it where readers see it.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{Html, Node};

/// At most this many segments are moved: a page has a few dozen.
const MAX_SEGMENTS: usize = 2_000;

/// Whether the source looks streamed: cheap enough to test on every page.
pub fn is_streamed(html: &str) -> bool {
    memchr::memmem::find(html.as_bytes(), b"id=\"S:").is_some()
        && memchr::memmem::find(html.as_bytes(), b"<template").is_some()
}

/// Move each streamed segment's content to its placeholder. The pairs come from the
/// page's own `$RC("B:0","S:0")` / `$RS("S:1","P:1")` calls when it kept them, else a
/// placeholder takes the segment with the same number (as React numbers them).
pub fn reveal(doc: &mut Html, html: &str) {
    let mut placeholders: HashMap<&str, NodeId> = HashMap::new();
    let mut segments: HashMap<&str, NodeId> = HashMap::new();
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let Some(id) = el.id() else { continue };
        match el.name() {
            "template" if id.starts_with("B:") || id.starts_with("P:") => {
                placeholders.insert(id, node.id());
            }
            "div" if id.starts_with("S:") && el.attr("hidden").is_some() => {
                segments.insert(id, node.id());
            }
            _ => {}
        }
        if placeholders.len() + segments.len() > 2 * MAX_SEGMENTS {
            break;
        }
    }
    if segments.is_empty() || placeholders.is_empty() {
        return;
    }
    let named = script_pairs(html);
    let mut moves: Vec<(NodeId, NodeId)> = Vec::new();
    for (place, &target) in &placeholders {
        let seg = named.get(place).copied().or_else(|| {
            place
                .get(1..)
                .map(|n| format!("S{n}"))
                .and_then(|s| segments.get_key_value(s.as_str()).map(|(k, _)| *k))
        });
        if let Some(&source) = seg.and_then(|s| segments.get(s)) {
            moves.push((source, target));
        }
    }
    // Document order of the placeholders, so nested segments land predictably.
    moves.sort_by_key(|(_, t)| *t);
    for (source, target) in moves {
        // A placeholder inside its own segment would make a cycle.
        let inside = doc
            .tree
            .get(target)
            .is_some_and(|t| t.ancestors().any(|a| a.id() == source));
        if inside {
            continue;
        }
        let children: Vec<NodeId> = match doc.tree.get(source) {
            Some(s) => s.children().map(|c| c.id()).collect(),
            None => continue,
        };
        for child in children {
            if let Some(mut t) = doc.tree.get_mut(target) {
                t.insert_id_before(child);
            }
        }
    }
}

/// `$RC("B:0","S:0")` and `$RS("S:1","P:1")`: placeholder id to segment id.
fn script_pairs(html: &str) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    for (call, placeholder_first) in [("RC(\"", true), ("RS(\"", false)] {
        for start in memchr::memmem::find_iter(html.as_bytes(), call.as_bytes()) {
            let rest = &html[start + call.len()..];
            let Some((a, rest)) = rest.split_once('"') else {
                continue;
            };
            let Some(rest) = rest.strip_prefix(",\"") else {
                continue;
            };
            let Some((b, _)) = rest.split_once('"') else {
                continue;
            };
            if a.len() > 12 || b.len() > 12 {
                continue;
            }
            let (p, s) = if placeholder_first { (a, b) } else { (b, a) };
            out.insert(p, s);
            if out.len() >= MAX_SEGMENTS {
                return out;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(doc: &Html, sel: &str) -> String {
        let s = scraper::Selector::parse(sel).expect("selector");
        doc.select(&s)
            .next()
            .map(|e| e.text().collect::<String>())
            .unwrap_or_default()
    }

    #[test]
    fn segments_move_to_their_placeholders() {
        let html = r#"<html><body><article><h1>T</h1><template id="B:0"></template><p>after</p></article><footer>f</footer><div hidden id="S:0"><p>streamed text</p></div></body></html>"#;
        assert!(is_streamed(html));
        let mut doc = Html::parse_document(html);
        reveal(&mut doc, html);
        assert_eq!(text_of(&doc, "article"), "Tstreamed textafter");
        assert_eq!(text_of(&doc, "div[hidden]"), "");
    }

    #[test]
    fn a_streamed_article_is_extracted_where_it_belongs() {
        let para = "The council voted on Tuesday to extend the program, which supports small \
            businesses across the region, for another three years, citing strong demand.";
        let intro = "Owners of small shops across the region had asked the council for months \
            to keep the program going, and on Tuesday they packed the public gallery to hear \
            the vote, which came after a long debate about its cost to the city budget.";
        let html = format!(
            "<html><head><title>Council extends program</title></head><body><main>\
             <h1>Council extends program</h1><p>{intro}</p><template id=\"B:0\"></template></main>\
             <footer><p>Site footer text that is not the story.</p></footer>\
             <div hidden id=\"S:0\"><p>{para}</p><p>{para}</p><p>{para}</p></div></body></html>"
        );
        let page = crate::extract(&crate::PageInput {
            body: html.as_bytes(),
            url: "https://news.example/council",
            content_type: Some("text/html; charset=utf-8"),
            fetched_at: None,
        })
        .expect("extracts");
        let crate::PageContent::Article { article, .. } = page else {
            panic!("not an article");
        };
        assert_eq!(article.body.matches("The council voted").count(), 3);
        assert!(article.body.starts_with("Owners of small shops"));
        assert!(!article.body.contains("Site footer"));
    }

    #[test]
    fn the_pages_own_pairs_win_over_the_numbers() {
        let html = r#"<html><body><main><template id="P:1"></template></main><div hidden id="S:1"><p>one</p></div><div hidden id="S:2"><p>two</p></div><script>$RS("S:2","P:1")</script></body></html>"#;
        let mut doc = Html::parse_document(html);
        reveal(&mut doc, html);
        assert_eq!(text_of(&doc, "main"), "two");
    }

    #[test]
    fn a_placeholder_inside_its_own_segment_is_left_alone() {
        let html = r#"<html><body><div hidden id="S:0"><p>x</p><template id="B:0"></template></div></body></html>"#;
        let mut doc = Html::parse_document(html);
        reveal(&mut doc, html);
        assert_eq!(text_of(&doc, "div[hidden]"), "x");
    }
}
