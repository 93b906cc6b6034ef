//! JSON-LD: tolerant parsing and finding the article object in `@graph`s and arrays.

use serde_json::{Map, Value};

/// Parse one `<script type="application/ld+json">` body, forgiving the usual breakage:
/// HTML comments and CDATA around it, HTML-escaped quotes, raw control characters in strings,
/// trailing commas, JavaScript comments, several values in a row.
pub fn parse_tolerant(raw: &str) -> Vec<Value> {
    let mut s = raw.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("<![CDATA[", "]]>"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim();
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim();
            }
        }
    }
    let s = s.trim_end_matches(';');
    if let Ok(v) = serde_json::from_str::<Value>(s) {
        return vec![v];
    }
    let mut fixed = String::with_capacity(s.len());
    let unescaped;
    let src = if s.starts_with("{&quot;") || s.starts_with("[&quot;") || s.contains("&quot;@") {
        unescaped = s
            .replace("&quot;", "\"")
            .replace("&#34;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        unescaped.as_str()
    } else {
        s
    };
    // Control characters inside strings become spaces; trailing commas go.
    let mut in_str = false;
    // A string in single quotes ('Oil prices fell ...'), as hand-written JSON-LD has.
    let mut in_single = false;
    let mut escaped = false;
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_single {
            if escaped {
                escaped = false;
                if matches!(c, '"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u') {
                    fixed.push('\\');
                }
                fixed.push(c);
            } else if c == '\\' {
                escaped = true;
            } else if c == '\'' {
                in_single = false;
                fixed.push('"');
            } else if c == '"' {
                fixed.push_str("\\\"");
            } else if (c as u32) < 0x20 {
                fixed.push(' ');
            } else {
                fixed.push(c);
            }
        } else if in_str {
            if escaped {
                escaped = false;
                // An invalid escape like \' becomes the plain character.
                if !matches!(c, '"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u') {
                    fixed.pop();
                }
                fixed.push(c);
            } else if c == '\\' {
                escaped = true;
                fixed.push(c);
            } else if c == '"' {
                in_str = false;
                fixed.push(c);
            } else if (c as u32) < 0x20 {
                fixed.push(' ');
            } else {
                fixed.push(c);
            }
        } else if c == '"' {
            in_str = true;
            fixed.push(c);
        } else if c == '\'' {
            in_single = true;
            fixed.push('"');
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            // A comment, as a CMS template leaves them: `/* ... */` or `// ...` to the line end.
            let end = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == '*' && chars[j + 1] == '/')
                .map_or(chars.len(), |j| j + 2);
            i = end;
            continue;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            i = (i + 2..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len());
            continue;
        } else if c == ',' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j], '}' | ']') {
                // drop the trailing comma
            } else {
                fixed.push(c);
            }
        } else {
            fixed.push(c);
        }
        i += 1;
    }
    let mut out = Vec::new();
    let stream = serde_json::Deserializer::from_str(&fixed).into_iter::<Value>();
    for v in stream {
        match v {
            Ok(v) => out.push(v),
            Err(_) => break,
        }
    }
    out
}

/// Every object with an `@type` in a JSON-LD value, outermost first, bounded.
pub fn objects(values: &[Value]) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Value, usize)> = values.iter().rev().map(|v| (v, 0)).collect();
    let mut visited = 0;
    while let Some((v, depth)) = stack.pop() {
        visited += 1;
        if visited > 20_000 || depth > 12 {
            continue;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, depth + 1))),
            Value::Object(m) => {
                if m.contains_key("@type") {
                    out.push(m);
                }
                // Children in document order: @graph first, then nested values.
                let mut kids: Vec<&Value> = Vec::new();
                if let Some(g) = m.get("@graph") {
                    kids.push(g);
                }
                for (k, val) in m {
                    if k != "@graph" && matches!(val, Value::Object(_) | Value::Array(_)) {
                        kids.push(val);
                    }
                }
                stack.extend(kids.into_iter().rev().map(|x| (x, depth + 1)));
            }
            _ => {}
        }
    }
    out
}

/// The `@type`s of an object (string or array).
pub fn types(m: &Map<String, Value>) -> Vec<&str> {
    match m.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "SatiricalArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "Report",
    "APIReference",
    "AdvertiserContentArticle",
    "Review",
    "Recipe",
    "HowTo",
    "VideoObject",
    "PodcastEpisode",
    "Blog",
];

/// How article-like a type is: 3 news/article types, 2 posts and other creative works
/// with a headline, 1 web pages, 0 otherwise.
pub fn article_rank(m: &Map<String, Value>) -> u8 {
    let mut best = 0;
    for t in types(m) {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        let r = if t.ends_with("NewsArticle")
            || t == "Article"
            || t == "BlogPosting"
            || t == "LiveBlogPosting"
            || t == "TechArticle"
            || t == "ScholarlyArticle"
            || t == "Report"
            || t == "SatiricalArticle"
            || t == "AdvertiserContentArticle"
        {
            3
        } else if ARTICLE_TYPES.contains(&t) {
            2
        } else if t.ends_with("WebPage") || t == "WebPage" {
            1
        } else {
            0
        };
        best = best.max(r);
    }
    best
}

/// A value as text: strings as they are, numbers printed, `{"@value": ...}` unwrapped.
pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(m) => m.get("@value").and_then(text),
        Value::Array(a) => a.iter().find_map(text),
        _ => None,
    }
}

/// Names in an `author`/`creator`/`publisher` value: string, object or array; `@id`
/// references are looked up in `all`.
pub fn names(v: &Value, all: &[&Map<String, Value>]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    let mut n = 0;
    while let Some(v) = stack.pop() {
        n += 1;
        if n > 200 {
            break;
        }
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(m) => {
                // "name": ["Jane Doe", "John Roe"]: several people in one object.
                if let Some(Value::Array(a)) = m.get("name") {
                    stack.extend(a.iter().rev());
                    continue;
                }
                let name = m.get("name").and_then(text).or_else(|| {
                    let g = m.get("givenName").and_then(text)?;
                    let f = m.get("familyName").and_then(text).unwrap_or_default();
                    Some(format!("{g} {f}").trim().to_string())
                });
                match name {
                    Some(n) => out.push(n),
                    None => {
                        if let Some(id) = m.get("@id").and_then(Value::as_str)
                            && let Some(target) = all.iter().find(|o| {
                                o.get("@id").and_then(Value::as_str) == Some(id)
                                    && (o.contains_key("name") || o.contains_key("givenName"))
                            })
                        {
                            stack.push(target.get("name").unwrap_or(&Value::Null));
                            if !target.contains_key("name") {
                                let g = target.get("givenName").and_then(text).unwrap_or_default();
                                let f = target.get("familyName").and_then(text).unwrap_or_default();
                                out.push(format!("{g} {f}").trim().to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

/// Image URL of an `image` value: string, object with `url`, or array.
pub fn image(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(image),
        Value::Object(m) => m.get("url").or_else(|| m.get("contentUrl")).and_then(image),
        _ => None,
    }
}

/// Keywords: a comma-separated string or an array.
pub fn keywords(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => s
            .split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect(),
        Value::Array(a) => a.iter().flat_map(keywords).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerates_breakage() {
        let v = parse_tolerant("{\"@type\": \"NewsArticle\", \"headline\": \"A\nB\",}");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0]["headline"], "A B");
        let v = parse_tolerant("<!-- {&quot;@type&quot;: &quot;Article&quot;} -->");
        assert_eq!(v[0]["@type"], "Article");
        let v = parse_tolerant(
            "{\"@type\": \"Article\", /* the date */ \"url\": \"https://a.example/x\" // end\n}",
        );
        assert_eq!(v[0]["url"], "https://a.example/x");
        let v = parse_tolerant("{\"a\": [1, 2,], \"b\": \"it\\'s\"}");
        assert_eq!(v[0]["b"], "it's");
        let v = parse_tolerant(
            r#"{"@type": "NewsArticle", "description": 'Oil "fell", it\'s \n said', "datePublished": "2019-11-19"}"#,
        );
        assert_eq!(v[0]["description"], "Oil \"fell\", it's \n said");
        assert_eq!(v[0]["datePublished"], "2019-11-19");
    }

    #[test]
    fn finds_articles_in_graphs() {
        let v = parse_tolerant(
            r##"{"@context": ["https://schema.org", {"x": 1}], "@graph": [{"@type": "WebSite", "name": "S"}, {"@type": ["NewsArticle"], "headline": "H", "author": {"@id": "#p"}}, {"@type": "Person", "@id": "#p", "name": "Jane Doe"}]}"##,
        );
        let objs = objects(&v);
        let art = objs.iter().find(|o| article_rank(o) == 3).expect("article");
        assert_eq!(art["headline"], "H");
        assert_eq!(names(&art["author"], &objs), ["Jane Doe"]);
    }
}
