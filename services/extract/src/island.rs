//! Pages rendered in the browser from a data island: `<script id="__NEXT_DATA__"
//! type="application/json">` (Next.js), `__NUXT_DATA__` (Nuxt), SvelteKit's fetched data.
//! The HTML holds no text of the story; the island holds it as a string (the CMS's HTML, or
//! plain text). Read only when the page itself gave almost no text.

use scraper::Html;
use serde_json::Value;

use crate::body;
use crate::text::paragraphs;

/// At most this much JSON is parsed, over at most this many islands.
const MAX_JSON_BYTES: usize = 5 << 20;
const MAX_ISLANDS: usize = 8;
/// Strings shorter than this are fields, not a story.
const MIN_STRING: usize = 400;

/// The contents of each `<script type="application/json">`, in page order.
fn islands(html: &str) -> impl Iterator<Item = &str> {
    let bytes = html.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let hit = from + memchr::memmem::find(&bytes[from..], b"application/json")?;
            from = hit + 16;
            // Inside a `<script` open tag: its start within 300 bytes before, no '>' between.
            let window = &bytes[hit.saturating_sub(300)..hit];
            let Some(lt) = memchr::memrchr(b'<', window) else {
                continue;
            };
            let tag = &window[lt..];
            if tag.len() < 7 || !tag[1..7].eq_ignore_ascii_case(b"script") || tag.contains(&b'>') {
                continue;
            }
            let end = from + memchr::memchr(b'>', &bytes[from..])? + 1;
            let len = memchr::memmem::find(&bytes[end..], b"</script")?;
            from = end + len;
            // The bytes are ASCII around both ends, so these are character boundaries.
            return html.get(end..end + len);
        }
    })
}

/// The story text a data island holds: its longest string that reads as prose or as an
/// article's HTML, rendered as paragraphs. `None` when no string qualifies.
pub fn story(html: &str, opts: &body::Opts<'_>) -> Option<String> {
    let mut budget = MAX_JSON_BYTES;
    let mut best: Option<String> = None;
    for json in islands(html).take(MAX_ISLANDS) {
        if json.len() > budget {
            tracing::warn!(
                bytes = json.len(),
                budget,
                "Data island over the size limit is not read"
            );
            break;
        }
        budget -= json.len();
        let Ok(value) = serde_json::from_str::<Value>(json) else {
            continue;
        };
        let Some(s) = longest_story_string(&value) else {
            continue;
        };
        let text = render(s, opts);
        if best.as_ref().is_none_or(|b| text.len() > b.len()) {
            best = Some(text);
        }
    }
    best.filter(|t| !t.is_empty())
}

/// The longest string in `v` that is prose or HTML with paragraphs (not code, a URL list or
/// base64), walked without recursion.
fn longest_story_string(v: &Value) -> Option<&str> {
    let mut stack = vec![v];
    let mut best: Option<&str> = None;
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s)
                if s.len() >= MIN_STRING
                    && best.is_none_or(|b| s.len() > b.len())
                    && reads_as_story(s) =>
            {
                best = Some(s);
            }
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    best
}

fn is_html(s: &str) -> bool {
    s.contains("</p>") || s.contains("<br")
}

/// Sentences of words: many spaces, several sentence ends, few code characters.
fn reads_as_story(s: &str) -> bool {
    let text: String = if is_html(s) {
        Html::parse_fragment(s).root_element().text().collect()
    } else {
        s.to_string()
    };
    let chars = text.chars().count().max(1);
    let spaces = text.chars().filter(|c| c.is_whitespace()).count();
    let code = text
        .chars()
        .filter(|c| matches!(c, '{' | '}' | ';' | '=' | '<' | '>' | '\\'))
        .count();
    let sentences = text.matches(". ").count() + text.matches(".\n").count();
    text.len() >= MIN_STRING && spaces * 12 >= chars && code * 50 <= chars && sentences >= 3
}

fn render(s: &str, opts: &body::Opts<'_>) -> String {
    if is_html(s) {
        let doc =
            Html::parse_document(&format!("<html><body><article>{s}</article></body></html>"));
        body::extract(&doc, opts)
    } else {
        paragraphs(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The council voted on Tuesday to extend the program. Owners said demand \
        was strong. The mayor welcomed the vote and said the city would fund it. Critics said \
        the cost was too high for a program that few residents use. The vote was seven to \
        two. A review is due next year, when the council will decide whether to keep it.";

    fn opts() -> body::Opts<'static> {
        body::Opts {
            title: None,
            authors: &[],
            exclude: None,
        }
    }

    #[test]
    fn the_storys_html_in_next_data_is_the_body() {
        let cms = format!("<p>{PROSE}</p><p>{PROSE}</p>");
        let data = serde_json::json!({"props": {"pageProps": {"post": {
            "title": "Council extends program",
            "css": "a{color:red}".repeat(80),
            "content": cms,
        }}}});
        let html = format!(
            "<html><body><div id=\"__next\"></div><script id=\"__NEXT_DATA__\" \
             type=\"application/json\">{data}</script></body></html>"
        );
        let got = story(&html, &opts()).expect("a story");
        assert_eq!(got, format!("{PROSE}\n\n{PROSE}"));
    }

    #[test]
    fn code_and_short_fields_are_not_a_story() {
        let data = serde_json::json!({"a": "function(){return x;}".repeat(40), "b": PROSE});
        let html = format!("<script type=\"application/json\">{data}</script>");
        assert_eq!(story(&html, &opts()), None);
        // Broken JSON is skipped, not an error.
        assert_eq!(
            story("<script type=application/json>{\"a\": </script>", &opts()),
            None
        );
    }
}
