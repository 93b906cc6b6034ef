//! The headline: compare `<h1>`, og:title, JSON-LD headline and `<title>`, and strip the
//! site name from whichever is used.

use crate::text::{collapse_ws, decode_entities, words};

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " ~ ", " / ", ": ",
];

fn norm(s: &str) -> String {
    words(s).join(" ")
}

fn site_like(seg: &str, site_names: &[String], host: &str) -> bool {
    let n = norm(seg);
    if n.is_empty() {
        return true;
    }
    let host_n = norm(host.trim_start_matches("www."));
    let host_compact: String = host_n.replace(' ', "");
    let seg_compact = n.replace(' ', "");
    // Also the site name with one word more or less ("Thrive Internet Marketing" for
    // "Thrive Internet Marketing Agency").
    let one_word_apart = |a: &str, b: &str| {
        let (wa, wb) = (a.split(' ').count(), b.split(' ').count());
        wa >= 2 && wb == wa + 1 && b.starts_with(a) && b.as_bytes().get(a.len()) == Some(&b' ')
    };
    if site_names.iter().any(|s| {
        let sn = norm(s);
        !sn.is_empty()
            && (sn == n
                || sn.replace(' ', "") == seg_compact
                || one_word_apart(&n, &sn)
                || one_word_apart(&sn, &n))
    }) {
        return true;
    }
    if !seg_compact.is_empty() && (host_compact.contains(&seg_compact) && seg_compact.len() >= 3) {
        return true;
    }
    false
}

/// Remove a site name (or a short section/site tail) from a `<title>`-like string.
/// The title around the last `sep` in it: (headline, site) when the site comes last.
fn split_last<'a>(t: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    t.rfind(sep).map(|i| (&t[..i], &t[i + sep.len()..]))
}

/// The title around the first `sep` in it: (site, headline) when the site comes first.
fn split_first<'a>(t: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    t.find(sep).map(|i| (&t[..i], &t[i + sep.len()..]))
}

pub fn strip_site(title: &str, site_names: &[String], host: &str) -> String {
    let mut t = collapse_ws(title);
    // "Headline | Site | Tagline": the site's name in the middle ends the headline.
    for sep in SEPARATORS.iter().filter(|s| **s != ": ") {
        let parts: Vec<&str> = t.split(sep).collect();
        if parts.len() >= 3
            && let Some(k) = (1..parts.len() - 1).find(|&k| site_like(parts[k], site_names, host))
            && !parts[0].trim().is_empty()
        {
            t = parts[..k].join(sep);
            break;
        }
    }
    for _ in 0..3 {
        let mut changed = false;
        for sep in SEPARATORS {
            if let Some((head, tail)) = split_last(&t, sep) {
                let tail_words = tail.split_whitespace().count();
                let head_words = head.split_whitespace().count();
                let is_site = site_like(tail, site_names, host);
                let short_tail = *sep != ": "
                    && tail_words <= 4
                    && head_words >= 3
                    && tail_words * 3 <= head_words + 1;
                // A newsroom's name however long beside the headline ("- The New York
                // Times"), its words capitalised.
                let outlet_tail = *sep != ": "
                    && head_words >= 3
                    && crate::authors::outlet_name(tail.trim())
                    && tail.split_whitespace().all(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            || matches!(w, "of" | "and" | "the" | "&")
                    });
                if !head.trim().is_empty() && (is_site || short_tail || outlet_tail) {
                    t = head.trim().to_string();
                    changed = true;
                    break;
                }
            }
            if let Some((head, tail)) = split_first(&t, sep)
                && !tail.trim().is_empty()
                && site_like(head, site_names, host)
            {
                t = tail.trim().to_string();
                changed = true;
                break;
            }
        }
        if !changed {
            break;
        }
    }
    strip_site_domain(t, site_names, host)
}

/// The site's name as a `<title>` gives it, before or after the headline ("Council
/// extends program | Springfield Gazette" on springfieldgazette.com): the part after the
/// last separator, or before the first, that the host name spells.
pub fn site_in_title(title: &str, host: &str) -> Option<String> {
    let t = collapse_ws(title);
    SEPARATORS
        .iter()
        .filter(|sep| **sep != ": ")
        .find_map(|sep| {
            let tail = split_last(&t, sep).map(|(_, tail)| tail);
            let head = split_first(&t, sep).map(|(head, _)| head);
            [tail, head].into_iter().flatten().find(|seg| {
                let seg = seg.trim();
                (1..=5).contains(&seg.split_whitespace().count())
                    && norm(seg).chars().filter(|c| *c != ' ').count() >= 3
                    && site_like(seg, &[], host)
            })
        })
        .map(|seg| seg.trim().to_string())
}

/// "davidbau.com Vibe Coding": the site's domain then the headline, without a separator.
fn strip_site_domain(t: String, site_names: &[String], host: &str) -> String {
    match t.split_once(' ') {
        Some((head, tail))
            if tail.split_whitespace().count() >= 2
                && head.contains('.')
                && site_like(head, site_names, host) =>
        {
            tail.to_string()
        }
        _ => t,
    }
}

fn jaccard(a: &str, b: &str) -> f32 {
    let wa: std::collections::HashSet<String> = words(a).into_iter().collect();
    let wb: std::collections::HashSet<String> = words(b).into_iter().collect();
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let inter = wa.intersection(&wb).count() as f32;
    inter / (wa.len() + wb.len()) as f32 * 2.0
}

/// Whether two titles share a word longer than "the", "for" and "and": a headline and a
/// teaser's title share those by chance.
fn shares_a_word(a: &str, b: &str) -> bool {
    let long = |s: &str| -> std::collections::HashSet<String> {
        words(s)
            .into_iter()
            .filter(|w| w.chars().count() >= 4 || !w.is_ascii())
            .collect()
    };
    let (wa, wb) = (long(a), long(b));
    if wa.is_empty() || wb.is_empty() {
        return jaccard(a, b) > 0.0;
    }
    !wa.is_disjoint(&wb)
}

pub struct Candidates<'a> {
    /// Visible `<h1>`s, not in page furniture, in page order.
    pub h1s: Vec<&'a str>,
    /// Headline from JSON-LD, og:title, twitter:title, microdata, in trust order.
    pub meta: Vec<String>,
    pub title_tag: Option<&'a str>,
    /// How many `<h1>`s are outside page furniture.
    pub visible_h1s: usize,
    pub site_names: Vec<String>,
    pub host: &'a str,
    /// The URL's section folders ("city" of /city/council-extends-program), which a
    /// `<title>` may carry as a label ("City | Council extends program").
    pub sections: Vec<String>,
}

/// The section folders of a URL path: every folder but the last segment, made of letters.
pub fn url_sections(path: &str) -> Vec<String> {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    segs.iter()
        .take(segs.len().saturating_sub(1))
        .take(4)
        .filter(|s| s.len() <= 30 && s.chars().all(|c| c.is_alphabetic() || c == '-'))
        .map(|s| s.replace('-', " "))
        .collect()
}

/// "City | Council extends program" on a page under /city/: the label goes.
fn strip_sections(t: &str, sections: &[String]) -> String {
    let seps: Vec<&str> = SEPARATORS.iter().copied().filter(|s| *s != ": ").collect();
    strip_label(t, &seps, |seg| {
        let n = norm(seg);
        seg.split_whitespace().count() <= 3 && sections.iter().any(|s| norm(s) == n)
    })
}

/// `t` without a label at its end or its start (the end tried first, per separator), when a
/// headline of three words or more remains.
fn strip_label(t: &str, seps: &[&str], is_label: impl Fn(&str) -> bool) -> String {
    for sep in seps {
        if let Some((head, tail)) = split_last(t, sep)
            && head.split_whitespace().count() >= 3
            && is_label(tail.trim())
        {
            return head.trim().to_string();
        }
        if let Some((head, tail)) = split_first(t, sep)
            && tail.split_whitespace().count() >= 3
            && is_label(head.trim())
        {
            return tail.trim().to_string();
        }
    }
    t.to_string()
}

/// Section labels that sites glue to a headline with a bar ("... | Opinion").
const SECTION_LABELS: &[&str] = &[
    "opinion",
    "analysis",
    "editorial",
    "commentary",
    "column",
    "review",
    "explainer",
    "exclusive",
    "live",
    "video",
    "photos",
    "podcast",
    "watch",
    "letters",
    "obituary",
];

/// "How meditation rewires brains | Opinion" -> "How meditation rewires brains".
fn strip_section_label(t: &str) -> String {
    strip_label(t, &[" | ", " - ", " – ", " — "], |seg| {
        SECTION_LABELS.contains(&seg.to_lowercase().as_str())
    })
}

/// Text decoded once more where the page encoded it twice ("&amp;#x26;") and repaired where
/// UTF-8 was read as Latin-1 ("Investorâ\u{80}\u{99}s").
fn clean(s: &str) -> String {
    let mut t = decode_entities(s);
    if t.contains('&') {
        t = decode_entities(&t);
    }
    strip_section_label(&collapse_ws(&crate::text::fix_mojibake(&t)))
}

/// A headline as the page shows it, without a label ("Title: ..."), a leading date
/// ("Dec 18 2025 ...") or the site's name glued to either end.
fn clean_h1(h: &str, site_names: &[String], host: &str) -> String {
    // A documentation generator's anchor link after the heading (Sphinx's "¶").
    let mut h = clean(h).trim_end_matches('¶').trim_end().to_string();
    for label in ["Title:", "Headline:", "Blog:"] {
        if let Some(rest) = h.strip_prefix(label) {
            h = rest.trim().to_string();
        }
    }
    if let Some((_, (0, end))) = crate::dates::find_day(&h)
        && h[end..].split_whitespace().count() >= 2
    {
        h = h[end..]
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '·'))
            .to_string();
    }
    for sep in SEPARATORS {
        if let Some((head, tail)) = h.rsplit_once(sep)
            && !head.trim().is_empty()
            && site_like(tail, site_names, host)
        {
            h = head.trim().to_string();
        }
        if let Some((head, tail)) = h.split_once(sep)
            && !tail.trim().is_empty()
            && head.split_whitespace().count() <= 2
            && site_like(head, site_names, host)
        {
            h = tail.trim().to_string();
        }
    }
    strip_site_domain(h, site_names, host)
}

/// Choose the headline.
pub fn choose(c: &Candidates<'_>) -> Option<String> {
    let meta: Vec<String> = c
        .meta
        .iter()
        .map(|m| clean(m))
        .filter(|m| !m.is_empty())
        .collect();
    let tag = c.title_tag.map(clean);
    // A short `<h1>` that the `<title>` joins to a longer headline ("Engora Data Blog: Small
    // adventures ...") is the site's name, unless the metadata calls it the headline.
    let mut site_names = c.site_names.clone();
    if let Some(t) = tag.as_deref() {
        for h in &c.h1s {
            let h = clean(h);
            let n = h.split_whitespace().count();
            if !(1..=4).contains(&n) || meta.iter().any(|m| norm(m) == norm(&h)) {
                continue;
            }
            let joined = SEPARATORS.iter().any(|sep| {
                t.strip_prefix(&format!("{h}{sep}"))
                    .or_else(|| t.strip_suffix(&format!("{sep}{h}")))
                    // Words, not tokens: "Bradley M. Kuhn ( Brad ) ( bkuhn )" is five. Not
                    // a list of the site's parts ("Classificação NASCAR | Autoracing | F1 |
                    // Indy"): the `<h1>` is the headline before the site's name.
                    .is_some_and(|rest| {
                        words(rest).len() >= (2 * n).max(4)
                            && !SEPARATORS.iter().any(|s| rest.contains(s))
                            // A headline opens with a capital; a tagline may not ("evolve
                            // extension for Mercurial").
                            && !rest.trim_start().starts_with(char::is_lowercase)
                    })
                    // "September 2018 open thread - The GiveWell Blog" with both parts an
                    // `<h1>`: the blog's name is the one after the headline.
                    || t.strip_suffix(&format!("{sep}{h}")).is_some_and(|rest| {
                        c.h1s.iter().any(|o| norm(&clean(o)) == norm(rest))
                    })
            });
            if joined {
                site_names.push(h);
            }
        }
    }
    let tag_clean = tag
        .as_deref()
        .map(|t| strip_sections(&strip_site(t, &site_names, c.host), &c.sections));
    let is_site = |t: &str| site_like(t, &site_names, c.host);
    let meta: Vec<String> = meta.into_iter().filter(|m| !is_site(m)).collect();
    let h1s: Vec<String> = c
        .h1s
        .iter()
        .filter(|h| !is_site(h))
        .map(|h| clean_h1(h, &site_names, c.host))
        .filter(|h| !h.is_empty() && !is_site(h))
        .collect();
    let mut refs: Vec<String> = meta.clone();
    if let Some(t) = &tag_clean {
        refs.push(t.clone());
    }
    // A headline in capitals matched by the metadata: the metadata's casing is the text.
    let recased = |h: &str| -> String {
        let letters = h.chars().filter(|c| c.is_alphabetic()).count();
        let upper = h.chars().filter(|c| c.is_uppercase()).count();
        if letters >= 8 && upper == letters {
            let hn = norm(h);
            if let Some(r) = refs.iter().find(|r| norm(r) == hn) {
                return r.clone();
            }
        }
        h.to_string()
    };
    // A visible headline that agrees with the metadata is the best answer.
    let tag_norm = tag.as_deref().map(norm);
    // The headline with characters the server could not encode turned into '?' ("Event
    // Planning? Beginner? Guide"): the metadata's spelling.
    for h in &h1s {
        if h.trim_end_matches('?').contains('?')
            && let Some(r) = refs.iter().find(|r| mangled_as(h, r))
        {
            return Some(r.clone());
        }
    }
    for h in &h1s {
        if h.len() > 400 {
            continue;
        }
        let hn = norm(h);
        if refs
            .iter()
            .any(|r| norm(r) == hn || norm(&strip_site(r, &site_names, c.host)) == hn)
        {
            return Some(recased(h));
        }
    }
    // The headline with the site's name after it in the same `<h1>`, no separator between
    // ("... de la Infanta <a href=/mallorca.html>Ultima Hora Mallorca</a>"): the metadata's
    // headline. The name is the site's, or the last part of the `<title>`.
    let tag_tail = tag.as_deref().and_then(|t| {
        SEPARATORS
            .iter()
            .filter_map(|sep| t.rsplit_once(sep).map(|(_, tail)| norm(tail)))
            .min_by_key(String::len)
    });
    // The `<title>`'s first part too: its site name may not be one the host spells.
    let tag_head = tag.as_deref().and_then(|t| {
        SEPARATORS
            .iter()
            .filter_map(|sep| t.split_once(sep).map(|(head, _)| head.trim().to_string()))
            .min_by_key(String::len)
    });
    for h in &h1s {
        if let Some(r) = refs.iter().chain(&tag_head).find(|r| {
            h.strip_prefix(r.as_str())
                .map(str::trim)
                .is_some_and(|rest| {
                    rest.chars().any(char::is_alphanumeric)
                        && (site_like(rest, &site_names, c.host)
                            || tag_tail.as_deref() == Some(norm(rest).as_str())
                            || widget_tail(rest))
                })
        }) {
            return Some(r.clone());
        }
    }
    for h in &h1s {
        if h.len() > 400 {
            continue;
        }
        // The headline glued to the next element's text ("...la InfantaUltima Hora").
        if let Some(r) = refs.iter().find(|r| {
            r.split_whitespace().count() >= 3
                && r.ends_with(|c: char| !c.is_uppercase())
                && h.strip_prefix(r.as_str())
                    .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        }) {
            return Some(r.clone());
        }
        // A kicker before the headline inside the `<h1>` ("Exclusive Council extends
        // program"): the headline the metadata gives.
        if let Some(r) = refs.iter().find(|r| {
            r.split_whitespace().count() >= 3
                && h.strip_suffix(r.as_str()).is_some_and(|kicker| {
                    let words: Vec<&str> = kicker.split_whitespace().collect();
                    kicker.ends_with(' ')
                        && (1..=2).contains(&words.len())
                        && words.iter().all(|w| {
                            w.chars().next().is_some_and(char::is_uppercase)
                                && !w.chars().any(|c| c.is_ascii_digit())
                                && !matches!(w.to_lowercase().as_str(), "the" | "a" | "an")
                        })
                })
        }) {
            return Some(r.clone());
        }
        let hn = norm(h);
        if let Some(tn) = &tag_norm {
            // The whole `<title>` repeated in an `<h1>`: the title without its site name.
            if *tn == hn
                && let Some(t) = tag_clean
                    .as_ref()
                    .filter(|t| t.split_whitespace().count() >= 3)
            {
                return Some(t.clone());
            }
            if hn.chars().count() >= 10 && tn.contains(&hn) {
                return Some(h.clone());
            }
        }
    }
    for h in &h1s {
        if h.split_whitespace().count() >= 2 && refs.iter().any(|r| jaccard(h, r) >= 0.6) {
            return Some(h.clone());
        }
    }
    // One visible headline of a few words: the page's own headline.
    // One visible headline of a few words: the page's own headline, unless it shares
    // nothing with what the page calls itself (a heading inside the text).
    if c.visible_h1s == 1
        && let Some(h) = h1s.first()
    {
        let n = h.split_whitespace().count();
        // A `<title>` that is only the name the host spells ("Daily Ledger" on
        // dailyledger.com) says nothing of the story.
        let named = |r: &&String| !site_like(r, &[], c.host);
        // Nor does a `<title>` left with a section's few words ("City Times - Local news")
        // when it is all the page has besides the `<h1>`.
        let only_a_section = meta.is_empty()
            && n >= 4
            && refs
                .iter()
                .filter(named)
                .all(|r| r.split_whitespace().count() <= 2);
        // A label ("A message from our co-founder:") introduces something else.
        if (3..=40).contains(&n)
            && !h.ends_with(':')
            && (!refs.iter().any(|r| named(&r))
                || only_a_section
                || refs.iter().filter(named).any(|r| shares_a_word(h, r)))
        {
            return Some(h.clone());
        }
    }
    if let Some(m) = meta.first() {
        let s = strip_sections(&strip_site(m, &site_names, c.host), &c.sections);
        if !s.is_empty() {
            // A headline cut at a length limit (JSON-LD's 110 characters): the whole one
            // from another source.
            let sn = norm(&s);
            let whole = refs
                .iter()
                .map(|r| strip_site(r, &site_names, c.host))
                .filter(|r| sn.len() >= 30 && r.len() > s.len() && norm(r).starts_with(&sn))
                .max_by_key(String::len);
            return Some(whole.unwrap_or(s));
        }
    }
    // A `<title>` that is only the site's domain ("example.com") is no headline: the page's
    // first `<h1>` is. (A title the metadata calls the site's name, as MSN's
    // `application-name` does, may still be the headline.) Nor is a template's placeholder
    // ("Home", "Untitled document").
    let domain = |t: &str| t.contains('.') && !t.contains(' ') && is_site(t);
    let placeholder = |t: &str| {
        matches!(
            norm(t).as_str(),
            "home"
                | "homepage"
                | "home page"
                | "untitled"
                | "untitled document"
                | "index"
                | "document"
                | "blog"
                | "post"
                | "article"
                | "new page"
        )
    };
    // Nor is the name the host spells ("Quanta Magazine" on quantamagazine.org) when an
    // `<h1>` of a few words says more.
    if let Some(t) = tag_clean.as_deref()
        && site_like(t, &[], c.host)
        && let Some(h) = h1s
            .iter()
            .find(|h| (3..=40).contains(&h.split_whitespace().count()))
    {
        return Some(h.clone());
    }
    if let Some(t) =
        tag_clean.filter(|t| !t.is_empty() && ((!domain(t) && !placeholder(t)) || c.h1s.is_empty()))
    {
        return Some(t);
    }
    c.h1s
        .first()
        .map(|h| collapse_ws(h))
        .filter(|h| !h.is_empty())
}

/// What a headline's widgets leave after it: the source's domain in parentheses and a
/// comment count ("(latimes.com) 87", Slashdot), nothing a headline would say.
fn widget_tail(rest: &str) -> bool {
    let tokens: Vec<&str> = rest.split_whitespace().collect();
    (1..=3).contains(&tokens.len())
        && tokens.iter().all(|t| {
            t.chars().all(|c| c.is_ascii_digit())
                || (t.len() <= 40
                    && ((t.starts_with('(') && t.ends_with(')'))
                        || (t.starts_with('[') && t.ends_with(']')))
                    && t.contains('.'))
        })
}

/// Whether `h` is `r` with one or two characters at a time turned into a '?'.
fn mangled_as(h: &str, r: &str) -> bool {
    fn go(h: &[char], r: &[char]) -> bool {
        match h.split_first() {
            None => r.is_empty(),
            Some(('?', rest)) => {
                (1..=2).any(|n| r.len() >= n && !r[..n].contains(&' ') && go(rest, &r[n..]))
                    || r.first() == Some(&'?') && go(rest, &r[1..])
            }
            Some((c, rest)) => r.first() == Some(c) && go(rest, &r[1..]),
        }
    }
    let (h, r): (Vec<char>, Vec<char>) = (h.chars().collect(), r.chars().collect());
    // Each '?' tries three readings: a few of them only.
    h.len() <= 400 && r.len() <= 400 && h.iter().filter(|c| **c == '?').count() <= 6 && go(&h, &r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newsrooms_name_after_the_headline_goes_whatever_its_length() {
        let h = "Council extends bus program for another year";
        for t in [
            format!("{h} - The New York Times"),
            format!("{h} | The Springfield Gazette"),
        ] {
            assert_eq!(strip_site(&t, &[], "citynews.example"), h, "{t}");
        }
        // A headline's own tail stays.
        for t in [
            "Obama visits Berlin - The Full Story",
            "Why the bus matters - a review of the times",
        ] {
            assert_eq!(strip_site(t, &[], "citynews.example"), t);
        }
    }

    #[test]
    fn strips_site_names() {
        let names = vec!["The Daily Planet".to_string()];
        assert_eq!(
            strip_site(
                "Big news today | The Daily Planet",
                &names,
                "dailyplanet.com"
            ),
            "Big news today"
        );
        assert_eq!(
            strip_site(
                "The Daily Planet - Big news today",
                &names,
                "dailyplanet.com"
            ),
            "Big news today"
        );
        // The site's name with a word more or less than og:site_name gives it.
        let agency = vec!["Thrive Internet Marketing Agency".to_string()];
        assert_eq!(
            strip_site(
                "Website Design Portfolio | Thrive Internet Marketing",
                &agency,
                "thriveagency.com"
            ),
            "Website Design Portfolio"
        );
        assert_eq!(
            strip_site("Our portfolio | Thrive Internet", &agency, "x.com"),
            "Our portfolio | Thrive Internet"
        );
        assert_eq!(
            strip_site("Markets rally as rates fall - WSJ", &[], "www.wsj.com"),
            "Markets rally as rates fall"
        );
        assert_eq!(
            strip_site(
                "Markets rally as rates fall - Business - Example News",
                &[],
                "example.com"
            ),
            "Markets rally as rates fall"
        );
        assert_eq!(
            strip_site("Spider-Man: the return", &[], "x.com"),
            "Spider-Man: the return"
        );
        // The domain glued before the headline, and a domain-like word that is not the site's.
        assert_eq!(
            strip_site("davidbau.com Vibe Coding", &[], "davidbau.com"),
            "Vibe Coding"
        );
        assert_eq!(
            strip_site("Node.js turns twenty this year", &[], "example.com"),
            "Node.js turns twenty this year"
        );
    }

    #[test]
    fn drops_section_labels() {
        assert_eq!(
            strip_section_label("How meditation rewires brains | Opinion"),
            "How meditation rewires brains"
        );
        assert_eq!(
            strip_section_label("Opinion | The case for more trains"),
            "The case for more trains"
        );
        assert_eq!(strip_section_label("Live | Music"), "Live | Music");
    }

    #[test]
    fn a_blog_name_in_h1_is_not_the_headline() {
        let c = Candidates {
            h1s: vec![
                "Engora Data Blog",
                "Small is the new large",
                "What is a SLM?",
            ],
            meta: vec![],
            title_tag: Some("Engora Data Blog: Small adventures with small language models"),
            visible_h1s: 3,
            site_names: vec![],
            host: "blog.engora.com",
            sections: vec![],
        };
        assert_eq!(
            choose(&c).as_deref(),
            Some("Small adventures with small language models")
        );
        // A short headline that the metadata confirms stays the headline.
        let c = Candidates {
            h1s: vec!["Live updates"],
            meta: vec!["Live updates".into()],
            title_tag: Some("Live updates - The Morning Ledger Breaking News"),
            visible_h1s: 1,
            site_names: vec![],
            host: "ledger.example",
            sections: vec![],
        };
        assert_eq!(choose(&c).as_deref(), Some("Live updates"));
    }

    #[test]
    fn prefers_agreeing_h1() {
        let c = Candidates {
            h1s: vec!["Big news today"],
            meta: vec!["Big news today | Planet".into()],
            title_tag: Some("Big news today | Planet"),
            visible_h1s: 1,
            site_names: vec!["Planet".into()],
            host: "planet.example",
            sections: vec![],
        };
        assert_eq!(choose(&c).as_deref(), Some("Big news today"));
    }

    #[test]
    fn a_label_h1_is_not_the_headline_and_a_cut_headline_is_made_whole() {
        // The only h1 introduces a promo; the metadata names the story.
        let c = Candidates {
            h1s: vec!["A message from John Furrier, co-founder of SiliconANGLE:"],
            meta: vec![
                "How Google Cloud runs AI inference at production scale - SiliconANGLE".into(),
            ],
            title_tag: Some(
                "How Google Cloud runs AI inference at production scale - SiliconANGLE",
            ),
            visible_h1s: 1,
            site_names: vec!["SiliconANGLE".into()],
            host: "siliconangle.com",
            sections: vec![],
        };
        assert_eq!(
            choose(&c).as_deref(),
            Some("How Google Cloud runs AI inference at production scale")
        );
        // JSON-LD cut at 110 characters; og:title has it all.
        let whole = "Fix It Friday: Struggling With How To Arrange Your Living Room? We Help 4 \
                     Readers Find Solutions (Including One Universal Trick That 9/10 Works)";
        let c = Candidates {
            h1s: vec![],
            meta: vec![
                whole[..110].to_string(),
                format!("{whole} - Emily Henderson"),
            ],
            title_tag: Some("Emily Henderson"),
            visible_h1s: 0,
            site_names: vec!["Emily Henderson".into()],
            host: "stylebyemilyhenderson.com",
            sections: vec![],
        };
        assert_eq!(choose(&c).as_deref(), Some(whole));
    }

    #[test]
    fn question_marks_the_server_put_for_characters_take_the_metadata_spelling() {
        let c = Candidates {
            h1s: vec!["What Are The Basics Of Event Planning? Beginner? Guide"],
            meta: vec!["What Are The Basics Of Event Planning: Beginner's Guide".to_string()],
            title_tag: None,
            visible_h1s: 1,
            site_names: vec![],
            host: "news.example",
            sections: vec![],
        };
        assert_eq!(
            choose(&c).as_deref(),
            Some("What Are The Basics Of Event Planning: Beginner's Guide")
        );
        assert!(!mangled_as("Is it over? Yes", "Is it over: No"));
    }

    #[test]
    fn a_kicker_inside_the_h1_is_not_the_headline() {
        let c = |h1: &'static str| Candidates {
            h1s: vec![h1],
            meta: vec!["Council extends program".to_string()],
            title_tag: Some("Council extends program | The Ledger"),
            visible_h1s: 1,
            site_names: vec![],
            host: "news.example",
            sections: vec![],
        };
        assert_eq!(
            choose(&c("Exclusive Council extends program")).as_deref(),
            Some("Council extends program")
        );
        // An article or a number is the headline's own first word.
        assert_eq!(
            choose(&c("The Council extends program")).as_deref(),
            Some("The Council extends program")
        );
    }

    #[test]
    fn a_site_name_h1_a_glued_h1_and_a_title_in_an_h1() {
        // The logo's <h1> comes first; the one the <title> agrees with is the headline.
        let c = Candidates {
            h1s: vec!["The Ledger", "DNA confirms the body found in the river"],
            meta: vec![],
            title_tag: Some("DNA confirms the body found in the river | The Ledger Daily"),
            visible_h1s: 2,
            site_names: vec![],
            host: "news.example",
            sections: vec![],
        };
        assert_eq!(
            choose(&c).as_deref(),
            Some("DNA confirms the body found in the river")
        );
        // The headline glued to the site's link inside the same <h1>.
        let c = Candidates {
            h1s: vec!["Anticorrupción decidirá si recurre la imputaciónUltima Hora Mallorca"],
            meta: vec![],
            title_tag: Some(
                "Anticorrupción decidirá si recurre la imputación » Local » Ultima Hora Mallorca",
            ),
            visible_h1s: 1,
            site_names: vec![],
            host: "ultimahora.es",
            sections: vec![],
        };
        assert_eq!(
            choose(&c).as_deref(),
            Some("Anticorrupción decidirá si recurre la imputación")
        );
        // A <title> cut inside a word does not cut the <h1> it begins.
        let c = Candidates {
            h1s: vec!["Ergonomic desk step by step: set up your monitor and keyboard"],
            meta: vec![],
            title_tag: Some("Ergonomic desk step by step: set up your monitor and k | Oakywood"),
            visible_h1s: 1,
            site_names: vec![],
            host: "oakywood.shop",
            sections: vec![],
        };
        assert_eq!(
            choose(&c).as_deref(),
            Some("Ergonomic desk step by step: set up your monitor and keyboard")
        );
        // The whole <title> repeated in an <h1>: without the site's name.
        let c = Candidates {
            h1s: vec!["How to help toddlers sleep | Patient Education | UC Davis Health"],
            meta: vec![],
            title_tag: Some("How to help toddlers sleep | Patient Education | UC Davis Health"),
            visible_h1s: 1,
            site_names: vec![],
            host: "health.ucdavis.edu",
            sections: vec![],
        };
        assert_eq!(choose(&c).as_deref(), Some("How to help toddlers sleep"));
    }

    #[test]
    fn a_teasers_headline_sharing_only_small_words_is_not_the_story() {
        // An aggregator's one <h1> links to another site's story.
        let c = Candidates {
            h1s: vec!["Why Don't You Go Fight For The Reindeer?"],
            meta: vec![
                "The Early Reviews For Google's Stadia Are Here — And They're Not Great - Digg"
                    .into(),
            ],
            title_tag: Some(
                "The Early Reviews For Google's Stadia Are Here — And They're Not Great - Digg",
            ),
            visible_h1s: 1,
            site_names: vec!["Digg".into()],
            host: "digg.com",
            sections: vec![],
        };
        assert_eq!(
            choose(&c).as_deref(),
            Some("The Early Reviews For Google's Stadia Are Here — And They're Not Great")
        );
    }

    #[test]
    fn a_section_label_the_url_names_is_not_the_headline() {
        let c = |title: &'static str, path: &str| Candidates {
            h1s: vec!["Daily Planet"],
            meta: vec![],
            title_tag: Some(title),
            visible_h1s: 1,
            site_names: vec!["Daily Planet".into()],
            host: "dailyplanet.example",
            sections: url_sections(path),
        };
        assert_eq!(
            choose(&c(
                "Daily Planet | City Hall | Council extends program",
                "/city-hall/council-extends-program"
            ))
            .as_deref(),
            Some("Council extends program")
        );
        // Not a folder of this page: it stays.
        assert_eq!(
            choose(&c(
                "Daily Planet | City Hall | Council extends program",
                "/news/council-extends-program"
            ))
            .as_deref(),
            Some("City Hall | Council extends program")
        );
        assert_eq!(url_sections("/a/2024/b-c/slug"), ["a", "b c"]);
    }
}
