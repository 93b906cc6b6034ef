//! Author names: from bylines ("By A, B and C") and metadata, cleaned and deduplicated.

use std::sync::LazyLock;

use regex::Regex;

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:(?:written|posted|reported|published|reporting|words|text|story|compiled|edited|updated|reviewed|photos?|interview)\s+(?:and\s+\w+\s+)?by|authored\s+by)\s*[:\-–—]?\s*|(?:by|author(?:s)?|autor(?:in)?|von|par|por|di|from|contributors?|writers?)\s*[:\-–—]?\s+)",
    )
    .expect("valid regex")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+@\S+\.\w+").expect("valid regex"));
static URLISH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("valid regex"));
static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)@\w+").expect("valid regex"));
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:;|\||•|·|/|,\s*and\s+|,|\s+and\s+|\s+&\s+|&|\s+und\s+|\s+et\s+|\s+y\s+|\s+with\s+)\s*")
        .expect("valid regex")
});
/// Trailing text after a name that is not a name: a date, "Updated", a role after a dash.
static CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s+(?:[-–—]\s+|\bsponsored\b|\b(?:last\s+)?updated\b|\bpublished\b|\bposted\b|\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)|\bread more\b|\bfollow\b|\bview all\b|\bmore from\b|\bmore by\b|\bsee all\b|\bcontact\b|\babout the author\b|\d{1,2}\s*(?:min|minute)s?\s+read).*$",
    )
    .expect("valid regex")
});

/// Words that make a part of a byline a role or a credential, not a name.
const ROLE_WORDS: &[&str] = &[
    "staff writer",
    "writer",
    "reporter",
    "editor",
    "correspondent",
    "contributor",
    "contributing",
    "columnist",
    "producer",
    "journalist",
    "senior",
    "chief",
    "director",
    "manager",
    "expert",
    "specialist",
    "dietitian",
    "nutritionist",
    "analyst",
    "founder",
    "ceo",
    "president",
    "professor",
    "photographer",
    "intern",
    "officer",
    "head of",
    "lead",
    "team lead",
    "consultant",
    "coordinator",
    "strategist",
    "fellow",
    "member",
    "representative",
    "host",
    "anchor",
    "author",
    "bureau",
    "desk",
    "attorney",
    "lawyer",
    "partner",
    "associate",
    "coach",
    "trainer",
    "therapist",
    "scientist",
    "researcher",
    "engineer",
    "developer",
    "designer",
    "marketer",
    "owner",
];

const NOT_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "staff",
    "guest",
    "unknown",
    "anonymous",
    "editor",
    "editors",
    "user",
    "webmaster",
    "null",
    "none",
    "undefined",
    "share",
    "facebook",
    "twitter",
    "email",
    "print",
    "comments",
    "comment",
    "follow",
    "home",
    "news",
    "more",
    "menu",
    "search",
    "subscribe",
];

fn is_credential(part: &str) -> bool {
    static CRED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[A-Z][A-Za-z]?\.?){0,1}(?:[A-Z]{1,6}[®™]?|(?:[A-Z][a-z]?\.){1,4}[A-Z]?[a-z]?\.?|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|III|II|IV|Esq\.?|[A-Z]{1,5}\s?\d{0,3}|[A-Z]-[A-Z]{2,5}\s?\d{0,3}|[A-Z]{2,5}\s\([A-Za-z]+\))$",
        )
        .expect("valid regex")
    });
    let p = part.trim();
    !p.is_empty() && p.len() <= 16 && CRED.is_match(p)
}

fn is_role(part: &str) -> bool {
    let lower = part.to_lowercase();
    ROLE_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let mut rest = lower[i + w.len()..].chars();
            let after = match rest.next() {
                Some('s') => rest.next(),
                x => x,
            };
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Whether a cleaned string looks like a person's (or an agency's) name.
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.chars().count() > 60 || s.chars().count() < 2 {
        return false;
    }
    if s.chars().any(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '<' | '>' | '{' | '}' | '=' | '#' | '?' | '!' | ':' | '"' | '“' | '”'
            )
    }) {
        return false;
    }
    if NOT_NAMES.iter().any(|n| s.eq_ignore_ascii_case(n)) {
        return false;
    }
    // At least one word starts with an upper-case letter (names, "AP"), most are letters.
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters * 10 < s.chars().count() * 7 {
        return false;
    }
    words
        .iter()
        .any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        || words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// A user name as sites print it ("jsteinhardt", "jane doe"): accepted from fields that
/// are known to hold an author, never from free text.
fn looks_like_handle(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && (3..=40).contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '.' | '-' | '\''))
        && s.chars().filter(|c| c.is_alphabetic()).count() * 10 >= s.chars().count() * 7
        && s.chars().filter(char::is_ascii_digit).count() <= 3
        && (words.len() == 1 || !s.chars().any(|c| c.is_ascii_digit()))
        && !NOT_NAMES.iter().any(|n| s.eq_ignore_ascii_case(n))
}

/// Clean one name: trim punctuation and prefixes. `None` if it is not a name.
pub fn clean_name(s: &str) -> Option<String> {
    let mut s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s = EMAIL.replace_all(&s, " ").into_owned();
    s = URLISH.replace_all(&s, " ").into_owned();
    s = HANDLE.replace_all(&s, " ").into_owned();
    loop {
        let next = PREFIX.replace(&s, "").into_owned();
        if next == s {
            break;
        }
        s = next;
    }
    let s = s
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | ';'
                        | ':'
                        | '-'
                        | '–'
                        | '—'
                        | '|'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '*'
                        | '·'
                        | '•'
                )
        })
        .to_string();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if looks_like_name(&s) { Some(s) } else { None }
}

/// Split a byline or an author field into names: "By A, B and C" -> [A, B, C]; roles,
/// credentials, e-mail addresses and links are dropped.
pub fn split_authors(raw: &str) -> Vec<String> {
    split_authors_with(raw, false)
}

/// [`split_authors`] for a field that is known to name the author (a meta tag, JSON-LD, a
/// byline element): lower-case user names are kept.
pub fn split_authors_field(raw: &str) -> Vec<String> {
    split_authors_with(raw, true)
}

fn split_authors_with(raw: &str, lenient: bool) -> Vec<String> {
    let mut s: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() || s.len() > 400 {
        return Vec::new();
    }
    s = EMAIL.replace_all(&s, " ").into_owned();
    s = URLISH.replace_all(&s, " ").into_owned();
    loop {
        let next = PREFIX.replace(&s, "").into_owned();
        if next == s {
            break;
        }
        s = next;
    }
    s = CUT.replace(&s, "").into_owned();
    let mut out: Vec<String> = Vec::new();
    for (i, part) in SPLIT.split(&s).enumerate() {
        let part = part.trim();
        if part.is_empty() || (i > 0 && is_credential(part)) {
            continue;
        }
        // A role after the first name ("Jane Doe, Staff Writer") is dropped; a name that
        // carries a role inside it ("AAA Travel Editor") is kept only if it is alone.
        if is_role(part) && (i > 0 || part.split_whitespace().count() <= 2) {
            // After a role comes an affiliation, not another author.
            if i > 0 {
                break;
            }
            continue;
        }
        if i > 0 && part.contains(" at ") {
            break;
        }
        if let Some(n) = clean_name(part) {
            push_unique(&mut out, n);
        } else if lenient {
            let t = part
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|'));
            if looks_like_handle(t) {
                push_unique(&mut out, t.to_string());
            }
        }
    }
    out
}

/// Append unless an equal name (ignoring case) is there.
pub fn push_unique(out: &mut Vec<String>, name: String) {
    if !out.iter().any(|o| o.to_lowercase() == name.to_lowercase()) {
        out.push(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Vec<String> {
        split_authors(x)
    }

    #[test]
    fn splits_lists() {
        assert_eq!(
            s("By Jane Doe, John Roe and Ann Poe"),
            ["Jane Doe", "John Roe", "Ann Poe"]
        );
        assert_eq!(s("Jane Doe & John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            s("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"),
            ["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"]
        );
        assert_eq!(s("Jane Doe; John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(s("BY JANE DOE"), ["JANE DOE"]);
    }

    #[test]
    fn drops_roles_credentials_and_contacts() {
        assert_eq!(s("By Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert_eq!(s("Jane Doe | Senior Reporter"), ["Jane Doe"]);
        assert_eq!(s("Dylan Bailey, MS, RD, FAND"), ["Dylan Bailey"]);
        assert_eq!(s("Genevieve Carlton, Ph.D."), ["Genevieve Carlton"]);
        assert_eq!(s("Jane Doe jane.doe@example.com"), ["Jane Doe"]);
        assert_eq!(s("Jane Doe https://example.com/jane"), ["Jane Doe"]);
        assert_eq!(
            s("Written by Jane Doe - Updated January 5, 2024"),
            ["Jane Doe"]
        );
        assert_eq!(s("Jane Doe Read more from Jane Doe"), ["Jane Doe"]);
        assert_eq!(s("Mike Marshall, Shipping Expert"), ["Mike Marshall"]);
        assert_eq!(
            s("By Maria Lopez, Sam O'Brien and Dev Patel, Staff Writers"),
            ["Maria Lopez", "Sam O'Brien", "Dev Patel"]
        );
    }

    #[test]
    fn keeps_agencies_and_dedupes() {
        assert_eq!(s("The Associated Press"), ["The Associated Press"]);
        assert_eq!(s("Reuters"), ["Reuters"]);
        assert_eq!(s("By CBC News Staff"), ["CBC News Staff"]);
        assert_eq!(s("Jane Doe and jane doe"), ["Jane Doe"]);
    }

    #[test]
    fn keeps_user_names_from_author_fields() {
        assert_eq!(split_authors_field("jsteinhardt"), ["jsteinhardt"]);
        assert!(split_authors("jsteinhardt").is_empty());
        assert!(split_authors_field("admin").is_empty());
    }

    #[test]
    fn rejects_non_names() {
        assert!(s("admin").is_empty());
        assert!(s("Share on Facebook!").is_empty());
        assert!(s("12 comments").is_empty());
        assert!(s("").is_empty());
    }
}
