//! Author names: from bylines ("By A, B and C") and metadata, cleaned and deduplicated.

use std::sync::LazyLock;

use regex::Regex;

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:(?:written|posted|submitted|reported|published|reporting|words|text|story|compiled|contributed|edited|updated|reviewed|photos?|interview|recipe|article|articles|posts|stories|analysis|opinion|commentary|perspective|column|essay|(?:a\s+)?guest\s+(?:post|column|article|blog|essay)|(?:view\s+)?all\s+posts)\s+(?:and\s+\S+\s+)?by|authored\s+by|this\s+(?:post|article|story)\s+was\s+written\s+by|read\s+more\s+(?:about|from)|more\s+(?:articles|stories|posts)\s+(?:by|from)|insights\s+from|(?:publicado|escrito|postado|publié|écrit|rédigé|pubblicato|scritto|geschrieben|verfasst)\s+(?:por|par|da|von)|(?:eine?\s+)?(?:kommentar|gastbeitrag|analyse|kolumne|reportage|artikel|beitrag|bericht|interview)\s+von|propos\s+recueillis\s+par|door\s+onze\s+(?:redacteur|redactrice|correspondent|verslaggever))\s*[:\-–—]?\s*|(?:by|author(?:s|\(s\))?|autor(?:in|a|es)?|auteure?|von|par|por|di|door|av|af|from|contributors?|writers?|words|text|текст|автор(?:ы)?|tekst|forfatter|författare|kirjoittaja|yazar)\s*[:\-–—]?\s+|(?:作者|记者|記者|撰文|文|编辑|編集|기자|글)\s*[：:・／]\s*|(?:本报|新华社)?记者\s+)",
    )
    .expect("valid regex")
});

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S+@\S+\.[A-Za-z0-9]+").expect("valid regex"));
/// A telephone number after the name and address ("meganr@spokesman.com(509) 459-5382",
/// "+44 20 7946 0958").
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(?[0-9]{3}\)[\s.-]?[0-9]{3}[\s.-][0-9]{4}|\+[0-9]{1,3}(?:[\s.-]?[0-9]{2,4}){2,4}")
        .expect("valid regex")
});
static URLISH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:https?://|www\.)\S+").expect("valid regex"));
static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)@[A-Za-z0-9_]+").expect("valid regex"));
/// Separators between the parts of a byline: names, roles, affiliations.
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:;|\||•|·|⋅|/|,\s*(?:and|&)\s+|,)\s*").expect("valid regex")
});
/// Separators between names inside one part: "A and B", "A & B".
static AND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:and|&|und|et|y|with|avec|mit|con|com)\s+|&").expect("valid regex")
});
/// "And" in bylines of other languages ("Ana Souza e João Silva", "Jan de Vries en Piet
/// Jansen"): split only where each side is a full name, as some surnames hold the word
/// ("José Maria e Silva").
static AND_INTL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?:e|en|och|og|ja|és|i)\s+").expect("valid regex"));
/// An HTML tag left in a text.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][^<>]*>").expect("valid regex"));
/// A co-author in parentheses: "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
/// "Jane Doe (with John Roe)".
static WITH_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\(\s*(?:avec|with|mit|con|com|met)\s+([^()]+)\)").expect("valid regex")
});
/// A note in parentheses that lists things, the writer's place and role: "Jeanne Dupont
/// (Bruxelles, correspondante)".
static PAREN_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^()]*[,;][^()]*\)").expect("valid regex"));
/// A byline glued by the markup: "ByJane Doe", "Jane DoeFounder at ...".
static GLUED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([Bb][Yy])([A-Z][a-z])").expect("valid regex"));
static GLUED_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([a-z])((?:Co-?)?(?:Founder|CEO|Editor|Writer|Reporter|Author|Director|Manager|Senior|Staff|Contributor|Correspondent|Columnist)(?-u:\b))")
        .expect("valid regex")
});
/// Trailing text after a name that is not a name: a date, "Updated", a role after a dash.
static CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s+(?:[-–—]\s+|(?-u:\b)sponsored(?-u:\b)|(?-u:\b)(?:last\s+)?updated(?-u:\b)|(?-u:\b)published(?-u:\b)|(?-u:\b)posted(?-u:\b)|(?-u:\b)on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|[0-9])|(?-u:\b)on behalf of(?-u:\b)|(?-u:\b)(?:medically\s+)?reviewed\s+by(?-u:\b)|(?-u:\b)(?:edited|illustrat(?:ed|ions?)|photograph(?:s|y)|photos?|graphics)\s+by(?-u:\b)|(?-u:\b)fact[-\s]?checked\s+by(?-u:\b)|(?-u:\b)(?:with\s+)?(?:additional|further|contributing|more)\s+reporting(?-u:\b)|(?-u:\b)(?:with|mit|con|avec)\s+(?:wire\s+(?:services?|reports?)|agenc|material|informaci|dpa(?-u:\b)|afp(?-u:\b)|reuters(?-u:\b))|(?-u:\b)(?:twitter|instagram|threads|bluesky|mastodon|tiktok)\s*:?\s*@|(?-u:\b)(?:photos?|pictures?|images?|fotos?|bilder|illustrations?|video)\s*:|(?-u:\b)(?:on|at)\s*(?:\||$)|(?-u:\b)read more(?-u:\b)|(?-u:\b)follow(?-u:\b)|(?-u:\b)view all(?-u:\b)|(?-u:\b)view in(?-u:\b)|(?-u:\b)more from(?-u:\b)|(?-u:\b)more by(?-u:\b)|(?-u:\b)see all(?-u:\b)|(?-u:\b)contact(?-u:\b)|(?-u:\b)about the author(?-u:\b)|(?-u:\b)from the(?-u:\b).*(?-u:\b)dept(?-u:\b)|[0-9]{1,2}\s*(?:min|minute)s?\s+read).*$",
    )
    .expect("valid regex")
});

/// Dates and times inside a byline ("Jane Doe 4 August 2010", "Dec. 19, 2025 · Jane Doe",
/// "Jane Doe | 2025/4/29 5:11"): replaced by a separator before the names are split.
static DATEISH: LazyLock<Regex> = LazyLock::new(|| {
    let months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
    let weekday = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?";
    Regex::new(&format!(
        r"(?i){weekday}(?:{months}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}}|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{months},?\s+[0-9]{{4}}|[0-9]{{4}}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}|[0-9]{{1,2}}[-/.][0-9]{{1,2}}[-/.][0-9]{{2,4}}|[0-9]{{1,2}}[-/.][a-z]{{3,5}}[-/.][0-9]{{2,4}})(?:,?\s*(?:at\s+)?@?[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}}(?-u:\b))?)?"
    ))
    .expect("valid regex")
});

/// A name glued to a month by the markup: "Luke KimDecember 17, 2025".
static GLUED_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([a-z])((?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+[0-9])")
        .expect("valid regex")
});

/// A clock time on its own ("Jane Doe @jane 11:57AM").
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[ap]\.?m\.?)?")
        .expect("valid regex")
});

/// "Patricio Candia | Palma de Mallorca | 08/01/2014": the part between a name and the date
/// is where the story was filed, not a second author. Only for a byline of parts between
/// bars that names one person before them.
fn without_dateline_place(s: &str) -> String {
    if !s.contains('|') || s.contains(',') || AND.is_match(s) {
        return s.to_string();
    }
    let parts: Vec<&str> = s.split('|').map(str::trim).collect();
    if parts.len() < 3 {
        return s.to_string();
    }
    let starts_with_day =
        |p: &str| crate::dates::find_day(p).is_some_and(|(_, (start, _))| start == 0);
    let kept: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|&(k, p)| {
            k == 0 || k + 1 >= parts.len() || starts_with_day(p) || !starts_with_day(parts[k + 1])
        })
        .map(|(_, p)| *p)
        .collect();
    kept.join(" | ")
}

/// Replace dates and times in a byline by a separator.
pub fn strip_dates(s: &str) -> String {
    let s = GLUED_MONTH.replace_all(s, "$1 $2");
    let s = DATEISH.replace_all(&s, " | ");
    if s.contains(':') {
        CLOCK.replace_all(&s, " | ").into_owned()
    } else {
        s.into_owned()
    }
}

/// Bylines that name a newsroom rather than a person: "Our Editors", "The Editors",
/// "News Desk", "Metro Desk", "Editorial Board".
static COLLECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:our|the)\s+editors|[^\s,;|/]+\s+desk|editorial\s+(?:board|team|staff)|the\s+newsroom)$")
        .expect("valid regex")
});

/// A newsroom desk credited as the byline: "Detroit News wire services", "Telegraph Sport",
/// "Staff Reports", "CNN Wire Staff".
static DESK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:[^\s,;|/]+\s+){1,3}(?:wire\s+services?|wire\s+staff|news\s+services?|sport)|staff\s+reports?)$")
        .expect("valid regex")
});

/// "Jane Doe in Project Management": the section a post is filed in, after the name.
static IN_SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+in\s+[A-Z#].*$").expect("valid regex"));

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
    "illustrator",
    "gardener",
    "astrologer",
    "winemaker",
    "sommelier",
    "chef",
    "physician",
    "pharmacist",
    "veterinarian",
    "advisor",
    "adviser",
    "educator",
    "instructor",
    "blogger",
    "podcaster",
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
    "updated",
    "published",
    "posted",
    "submitted",
    "by",
    "reviewed",
];

/// Words that open a job title ("Senior Reporter", "Content Writer", "Marketing Director").
const ROLE_OPENERS: &[&str] = &[
    "senior",
    "sr.",
    "junior",
    "chief",
    "head",
    "lead",
    "staff",
    "content",
    "managing",
    "executive",
    "associate",
    "assistant",
    "deputy",
    "contributing",
    "marketing",
    "digital",
    "news",
    "political",
    "science",
    "technology",
    "tech",
    "health",
    "sports",
    "business",
    "features",
    "travel",
    "food",
    "social",
    "media",
    "communications",
    "edtech",
    "freelance",
    "guest",
    "general",
    "national",
    "international",
    "local",
    "investigative",
    "data",
    // "Craig Hull Verified expert", "Jane Doe Registered Dietitian".
    "verified",
    "certified",
    "licensed",
    "registered",
];

/// "Liza Burke Marketing Director" -> "Liza Burke": the name before a job title that
/// follows it without a comma. `None` when no such split is clear.
fn name_before_role(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let k = words.iter().position(|w| {
        let l = w.to_lowercase();
        ROLE_OPENERS.contains(&l.as_str()) || is_role(w)
    })?;
    if !(2..=4).contains(&k) || !is_role(&words[k..].join(" ")) {
        return None;
    }
    let mut name = &words[..k];
    // "Matt Eland AI Specialist": an acronym of the job between the name and the role.
    let title_case = |w: &&str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
    };
    let named = name.iter().take_while(|w| title_case(w)).count();
    if named >= 2
        && name[named..]
            .iter()
            .all(|w| (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()))
    {
        name = &name[..named];
    }
    // "Nicole Burke As founder of ...": the sentence's first word is not the name's last.
    if let Some((last, rest)) = name.split_last()
        && rest.len() >= 2
        && matches!(
            *last,
            "As" | "Is" | "The" | "A" | "An" | "Our" | "Now" | "With" | "At"
        )
    {
        name = rest;
    }
    name.iter().all(title_case).then(|| name.join(" "))
}

fn is_credential(part: &str) -> bool {
    static CRED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[A-Z][A-Za-z]?\.?){0,1}(?:[A-Z]{1,6}[®™]?\.?|(?:[A-Z][a-z]?\.){1,4}[A-Z]?[a-z]?\.?|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|III|II|IV|Esq\.?|[A-Z]{1,5}\s?[0-9]{0,3}|[A-Z]-[A-Z]{2,5}\s?[0-9]{0,3}|[A-Z]{2,5}\s\([A-Za-z]+\))$",
        )
        .expect("valid regex")
    });
    let p = part.trim();
    !p.is_empty() && p.len() <= 16 && CRED.is_match(p)
}

/// Whether the text names a job or a credential holder ("Staff Writer", "editor").
pub fn is_role(part: &str) -> bool {
    // One pass for all the words (a substring search per word showed in profiles).
    static ROLES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(ROLE_WORDS)
            .expect("valid role words")
    });
    ROLES.find_overlapping_iter(part).any(|m| {
        let before = part[..m.start()].chars().next_back();
        let mut rest = part[m.end()..].chars();
        let after = match rest.next() {
            Some('s' | 'S') => rest.next(),
            x => x,
        };
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// 'Amanda "Tania Mae" Tan' without its nickname: quotes between a first and a last name.
fn without_nickname(s: &str) -> std::borrow::Cow<'_, str> {
    let Some(open) = s.find(['"', '“']) else {
        return s.into();
    };
    let inner_start = open + s[open..].chars().next().map_or(1, char::len_utf8);
    let Some(close) = s[inner_start..].find(['"', '”']).map(|i| inner_start + i) else {
        return s.into();
    };
    let after_start = close + s[close..].chars().next().map_or(1, char::len_utf8);
    let (before, inner, after) = (&s[..open], &s[inner_start..close], &s[after_start..]);
    if before.ends_with(' ')
        && !before.trim().is_empty()
        && after.starts_with(' ')
        && !after.trim().is_empty()
        && (1..=3).contains(&inner.split_whitespace().count())
    {
        format!("{} {}", before.trim_end(), after.trim_start()).into()
    } else {
        s.into()
    }
}

/// Whether a cleaned string looks like a person's (or an agency's) name.
/// Han, kana and Hangul: scripts whose names are written without capitals or spaces.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // Han
        | 0xAC00..=0xD7AF // Hangul syllables
    )
}

/// A name in those scripts: two to eight characters ("张三", "山田太郎", "홍길동"), a middle
/// dot between given and family name allowed.
fn looks_like_cjk_name(s: &str) -> bool {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    (2..=8).contains(&chars.len())
        && s.split_whitespace().count() <= 3
        && chars.iter().all(|&c| is_cjk(c) || c == '·' || c == '・')
}

pub fn looks_like_name(s: &str) -> bool {
    let s = &*without_nickname(s);
    if looks_like_cjk_name(s) {
        return !NOT_NAMES.contains(&s);
    }
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
    if NOT_NAMES.iter().any(|n| s.eq_ignore_ascii_case(n)) || bare_initials(s) {
        return false;
    }
    // At least one word starts with an upper-case letter (names, "AP"), most are letters.
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let visible = s.chars().filter(|c| !c.is_whitespace()).count();
    if letters * 10 < visible * 7 {
        return false;
    }
    // Names are capitalised but for particles ("van der", "de la", "bin"); a phrase with
    // ordinary lower-case words is a sentence, not a name.
    let lower_words = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !PARTICLES.contains(&w.to_lowercase().as_str()))
        .count();
    if lower_words > 0 {
        return false;
    }
    words
        .iter()
        .any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// Several words, capitalised ones and ordinary lower-case ones: a phrase, not a name (a
/// name written all in lower case is still a name).
pub fn is_phrase(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    const NEWSROOM: &[&str] = &[
        "staff",
        "wire",
        "wires",
        "report",
        "reports",
        "service",
        "services",
        "agencies",
        "contributor",
        "contributors",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
    ];
    words.len() >= 2
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words
            .iter()
            .any(|w| NEWSROOM.contains(&w.to_lowercase().trim_matches('.')))
        && words.iter().any(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !PARTICLES.contains(&w.to_lowercase().as_str())
        })
}

/// Lower-case words that belong in names ("Ludwig van Beethoven", "Center for ...").
pub(crate) const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "da", "di", "du", "del", "della", "des", "von", "zu", "bin",
    "binti", "al", "el", "la", "le", "dos", "das", "do", "ter", "ten", "y", "e", "of", "the",
    "for", "and", "st.", "mc", "ibn", "ap", "af", "av",
];

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
        && !bare_initials(s)
        && !generated_id(s)
}

/// A user name a system generated ("mdelatorreq6vkpg2ma0ci"): long, one word, with digits
/// scattered in it.
fn generated_id(s: &str) -> bool {
    !s.contains(' ')
        && s.chars().count() >= 16
        && s.chars().filter(char::is_ascii_digit).count() >= 2
}

/// Two capitals alone ("AS", a display name Yoast fills with initials): not a name, unless an
/// agency's ("AP", "PA").
fn bare_initials(s: &str) -> bool {
    let t = s.trim().trim_end_matches('.');
    t.len() == 2 && t.bytes().all(|b| b.is_ascii_uppercase()) && !is_agency(t)
}

/// Emoji, pictographs and the joiners and selectors that build them.
fn pictograph(c: char) -> bool {
    // Also the private use area, where icon fonts draw their glyphs ("\u{e08a} Joaquin
    // Fernandez").
    matches!(c as u32,
        0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D | 0xE000..=0xF8FF)
}

/// Clean one name: trim punctuation and prefixes. `None` if it is not a name.
pub fn clean_name(s: &str) -> Option<String> {
    // Emoji and pictographs ("Jenny Smith ❤️") are decoration, not part of a name.
    let s: String = s.chars().filter(|c| !pictograph(*c)).collect();
    let mut s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // "Jenny_Smith": a user name spelled with underscores for spaces.
    if !s.contains(' ')
        && s.contains('_')
        && s.split('_').all(|p| {
            p.chars().next().is_some_and(char::is_uppercase) && p.chars().any(char::is_lowercase)
        })
    {
        s = s.replace('_', " ");
    }
    // "Jane Doe (CNN)": the outlet in parentheses after the name.
    if let Some(inner) = s.strip_suffix(')').and_then(|h| h.rsplit_once(" ("))
        && (is_agency(inner.1) || outlet_name(inner.1) || names_a_domain(inner.1))
    {
        s.truncate(inner.0.len());
    }
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
    let s = without_outlet(&s);
    // "홍길동 기자", "山田太郎記者": the title after a name in Korean, Japanese and Chinese.
    let s = [
        "기자",
        "특파원",
        "記者",
        "记者",
        "特派員",
        "特派员",
        "通讯员",
    ]
    .iter()
    .find_map(|t| {
        s.strip_suffix(t)
            .map(str::trim_end)
            .filter(|h| looks_like_cjk_name(h))
    })
    .unwrap_or(s);
    let mut words: Vec<&str> = s.split_whitespace().collect();
    // "Steve Kamb Steve Kamb": the name under the avatar and beside it, read as one text.
    if words.len() >= 4 && words.len().is_multiple_of(2) {
        let (a, b) = words.split_at(words.len() / 2);
        if a == b {
            words.truncate(a.len());
        }
    }
    // "Craig Hull Verified": the profile's badge.
    if words.len() >= 3 && words.last().is_some_and(|w| *w == "Verified") {
        words.pop();
    }
    // "Jeff Cobb.": the sentence's stop, not an initial's or "Jr."'s.
    if words.len() >= 2
        && let Some(last) = words.last_mut()
        && let Some(w) = last.strip_suffix('.')
        && w.chars().count() >= 3
        && w.chars().all(char::is_alphabetic)
        && w.chars().skip(1).all(char::is_lowercase)
        && !matches!(w, "Esq" | "Jun" | "Sen")
    {
        *last = w;
    }
    // "Cara Dumaplin RN": a credential after a full name.
    if words.len() >= 3
        && let Some(last) = words.last()
        && (2..=5).contains(&last.len())
        && last.chars().all(|c| c.is_ascii_uppercase())
        && words[..words.len() - 1].iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
        })
    {
        words.pop();
    }
    let mut s = words.join(" ");
    // "Jane Doe (JD)": the trim above took the closing parenthesis.
    if s.matches('(').count() > s.matches(')').count() {
        s.push(')');
    }
    if looks_like_name(&s) {
        Some(display_case(&s))
    } else {
        None
    }
}

/// A name set in capitals by the theme ("JANE O'DOE-SMITH") as it is written: "Jane
/// O'Doe-Smith". Acronyms stay ("CNN", "BBC", Roman numerals); a name with any lower-case
/// letter is left as it is.
pub fn display_case(s: &str) -> String {
    let letters = || s.chars().filter(|c| c.is_alphabetic());
    if letters().any(char::is_lowercase)
        || letters().count() < 4
        || s.split_whitespace().count() < 2
    {
        return s.to_string();
    }
    let word = |w: &str| -> String {
        let bare = w.trim_matches(|c: char| !c.is_alphabetic());
        let acronym = bare.len() <= 3 && !bare.chars().any(|c| "AEIOUY".contains(c));
        let roman = !bare.is_empty() && bare.chars().all(|c| "IVX".contains(c));
        let known = bare.len() <= 4
            && (is_agency(bare)
                || [
                    "USA", "US", "UK", "EU", "UN", "ABC", "ANI", "IANS", "PTI", "NPR",
                ]
                .contains(&bare));
        if acronym || roman || known {
            return w.to_string();
        }
        let mut out = String::with_capacity(w.len());
        let mut upper_next = true;
        for c in w.chars() {
            if upper_next {
                out.extend(c.to_uppercase());
            } else if c == 'İ' {
                // Turkish dotted capital I: a plain "i", not "i" and a combining dot.
                out.push('i');
            } else {
                out.extend(c.to_lowercase());
            }
            upper_next = matches!(c, '-' | '\'' | '’' | '.' | '(');
        }
        // "MCDONALD": the Scottish prefix keeps its capital.
        if out.len() > 3 && out.starts_with("Mc") {
            let (head, tail) = out.split_at(2);
            let mut t = tail.chars();
            if let Some(first) = t.next() {
                return format!("{head}{}{}", first.to_uppercase(), t.as_str());
            }
        }
        out
    };
    s.split_whitespace().map(word).collect::<Vec<_>>().join(" ")
}

/// "Jane Doe for Dailymail.com", "Jane Doe, special for The Globe", "Jane Doe from Acme":
/// the outlet a person wrote for goes; "Center for Drug Evaluation" stays whole.
fn without_outlet(s: &str) -> &str {
    const ORG_HEADS: &[&str] = &[
        "center",
        "centre",
        "institute",
        "society",
        "council",
        "association",
        "foundation",
        "alliance",
        "coalition",
        "committee",
        "office",
        "department",
        "campaign",
        "network",
        "partnership",
        "fund",
        "trust",
        "school",
        "college",
        "university",
        "program",
        "programme",
        "project",
        "initiative",
        "league",
        "union",
        "federation",
        "commission",
        "agency",
        "bureau",
        "board",
        "americans",
        "citizens",
        "friends",
        "people",
        "doctors",
        "physicians",
        "scientists",
        "parents",
        "women",
        "journalists",
        "reporters",
    ];
    // "Jane Doe for Dailymail.com", "Jane Doe from Acme".
    let lower = s.to_ascii_lowercase();
    let Some(at) = [" for ", " from "]
        .iter()
        .filter_map(|p| lower.find(p))
        .min()
    else {
        return s;
    };
    let head = s[..at].trim_end();
    let head = head
        .strip_suffix(" special")
        .or_else(|| head.strip_suffix(" Special"))
        .unwrap_or(head)
        .trim_end_matches([',', ' ']);
    let words: Vec<&str> = head.split_whitespace().collect();
    let org = words
        .last()
        .is_some_and(|w| ORG_HEADS.contains(&w.to_lowercase().as_str()));
    if words.len() >= 2 && !org && looks_like_name(head) {
        head
    } else {
        s
    }
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
    // Markup escaped into a meta tag: `By <a href="/profiles/amir-vera">Amir Vera</a>, ...`.
    let raw = if raw.contains('<') && raw.contains('>') {
        TAG.replace_all(raw, " ")
    } else {
        raw.into()
    };
    let mut s: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() || s.len() > 400 {
        return Vec::new();
    }
    // A user name is taken from an author field only when it is all the field holds.
    let lenient = lenient && s.split_whitespace().count() <= 3;
    s = EMAIL.replace_all(&s, " ").into_owned();
    s = URLISH.replace_all(&s, " ").into_owned();
    if s.contains(|c: char| c.is_ascii_digit()) {
        s = PHONE.replace_all(&s, " ").into_owned();
    }
    s = without_dateline_place(&s);
    s = strip_dates(&s);
    s = GLUED_BY.replace(&s, "$1 $2").into_owned();
    s = GLUED_ROLE.replace_all(&s, "$1, $2").into_owned();
    s = s
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '·' | '•' | '⋅' | ',' | '-' | '–' | '—')
        })
        .to_string();
    loop {
        let next = PREFIX.replace(&s, "").into_owned();
        if next == s {
            break;
        }
        s = next;
    }
    s = CUT.replace(&s, "").into_owned();
    s = IN_SECTION.replace(&s, "").into_owned();
    if s.contains('(') {
        s = WITH_PAREN.replace_all(&s, ", $1").into_owned();
        s = PAREN_NOTE.replace_all(&s, "").into_owned();
    }
    let mut out: Vec<String> = Vec::new();
    // The separator after each part: ", and" after a role goes on to another author
    // ("Jane Doe, Senior Reporter, and John Roe, Editor").
    let and_after: Vec<bool> = SPLIT
        .find_iter(&s)
        .map(|m| {
            let sep = m.as_str().trim();
            sep.starts_with(',') && sep.len() > 1
        })
        .collect();
    for (i, part) in SPLIT.split(&s).enumerate() {
        let part = part.trim();
        if part.is_empty() || (i > 0 && is_credential(part)) {
            continue;
        }
        // A role after the first name ("Jane Doe, Staff Writer", "A, Privacy & Security
        // Expert") ends the names: an affiliation follows, not another author. A name that
        // carries a role ("AAA Travel Editor") is kept only if it is alone.
        if is_role(part) {
            if i > 0 {
                if and_after.get(i).copied().unwrap_or(false) && !out.is_empty() {
                    continue;
                }
                break;
            }
            if let Some(n) = name_before_role(part) {
                push_unique(&mut out, n);
                continue;
            }
            if part.split_whitespace().count() <= 2 {
                // A newsroom's collective byline ("Our Editors", "News Desk") is the byline.
                if i == 0
                    && COLLECTIVE.is_match(part)
                    && let Some(n) = clean_name(part)
                {
                    push_unique(&mut out, n);
                }
                continue;
            }
        }
        if i > 0 && part.contains(" at ") {
            break;
        }
        // "Por Ana Souza, do Rio", "Jane Doe, in Kyiv": where the writer files from.
        if i > 0
            && part.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w,
                    "do" | "da"
                        | "dos"
                        | "das"
                        | "de"
                        | "em"
                        | "en"
                        | "in"
                        | "à"
                        | "a"
                        | "aus"
                        | "depuis"
                        | "desde"
                        | "from"
                        | "at"
                        | "di"
                        | "dal"
                        | "dalla"
                )
            })
        {
            break;
        }
        if i == 0 && DESK.is_match(part) {
            push_unique(&mut out, part.to_string());
            break;
        }
        // "Victor Tangermann, Futurism": one word after full names is an outlet, not
        // another author.
        if i > 0
            && !part.contains(' ')
            && !out.is_empty()
            && out.iter().all(|n| n.split_whitespace().count() >= 2)
        {
            break;
        }
        // "Jane Doe, CBC News": a name that ends in a newsroom's word after a person's
        // name is the outlet.
        if i > 0 && !out.is_empty() && outlet_name(part) {
            break;
        }
        let mut names = Vec::new();
        let mut prose = false;
        let pieces = AND.split(part).flat_map(|piece| {
            let sub: Vec<&str> = AND_INTL.split(piece).collect();
            if sub.len() > 1 && sub.iter().all(|s| s.split_whitespace().count() >= 2) {
                sub
            } else {
                vec![piece]
            }
        });
        for name in pieces {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            if let Some(n) = clean_name(name) {
                names.push(n);
            } else if lenient
                && let t = name
                    .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|'))
                && looks_like_handle(t)
            {
                names.push(t.to_string());
            } else {
                prose |= is_phrase(name);
            }
        }
        // "The Russian and Syrian defense ministries": one side of the "and" is a phrase,
        // so the other is not a name either.
        if !prose {
            for n in names {
                push_unique(&mut out, n);
            }
        }
    }
    out
}

/// A publication's name by its last word: "CBC News", "The Daily Telegraph", "Tampa Bay
/// Times".
pub fn outlet_name(part: &str) -> bool {
    const LAST_WORDS: &[&str] = &[
        "news",
        "times",
        "post",
        "press",
        "tribune",
        "herald",
        "journal",
        "gazette",
        "chronicle",
        "telegraph",
        "observer",
        "independent",
        "guardian",
        "examiner",
        "inquirer",
        "courier",
        "dispatch",
        "sentinel",
        "bulletin",
        "daily",
        "weekly",
        "magazine",
        "media",
        "network",
        "radio",
        "tv",
        "television",
        "wire",
        "newswire",
        "today",
        "insider",
        "online",
        "report",
    ];
    // "NJ Advance Media for NJ.com": the outlet's name is before the "for".
    let part = part.split(" for ").next().unwrap_or(part);
    let words: Vec<&str> = part.split_whitespace().collect();
    // Two words are a person as often ("Mary Post"), unless the first is an acronym or
    // "The" ("CBC News", "The Independent").
    let outlet_shaped = match words.as_slice() {
        [first, _] => {
            *first == "The" || (first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase()))
        }
        _ => (3..=5).contains(&words.len()),
    };
    outlet_shaped
        && words
            .last()
            .is_some_and(|w| LAST_WORDS.contains(&w.to_lowercase().as_str()))
}

/// News agencies and wire services that appear after a reporter's name ("Jane Doe, Reuters").
const AGENCIES: &[&str] = &[
    "reuters",
    "thomson reuters",
    "ap",
    "the associated press",
    "associated press",
    "afp",
    "agence france-presse",
    "agence france presse",
    "bloomberg",
    "bloomberg news",
    "the canadian press",
    "canadian press",
    "cp",
    "dpa",
    "efe",
    "ansa",
    "kyodo",
    "kyodo news",
    "xinhua",
    "pa",
    "pa media",
    "press association",
    "aap",
    "upi",
    "cnn",
    "bbc news",
    "tribune news service",
    "tribune content agency",
    "new york times news service",
    "the new york times",
    "the washington post",
    "the conversation",
    "reuters staff",
    "ap staff",
];

/// Whether a name is a news agency or wire service.
pub fn is_agency(name: &str) -> bool {
    let n = name.trim().trim_end_matches('.').to_lowercase();
    AGENCIES.contains(&n.as_str())
}

/// An agency glued to a reporter's name by the markup ("Tom Davies Associated Press"):
/// the name alone, when at least two words of it remain.
pub fn strip_glued_agency(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    for k in (2..=3).rev() {
        if words.len() >= k + 2 && is_agency(&words[words.len() - k..].join(" ")) {
            return words[..words.len() - k].join(" ");
        }
    }
    name.to_string()
}

/// A name with a domain in it ("Cleveland.com", "NJ Advance Media for NJ.com") is an
/// outlet's.
pub fn names_a_domain(name: &str) -> bool {
    static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[A-Za-z0-9]\.(?:com|net|org|co|info|news|ca|uk|au|in|de|fr|io)(?-u:\b)")
            .expect("valid regex")
    });
    DOMAIN.is_match(name)
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
    fn names_in_chinese_japanese_and_korean() {
        assert_eq!(s("作者：张三"), ["张三"]);
        assert_eq!(s("記者：山田太郎"), ["山田太郎"]);
        assert_eq!(s("홍길동 기자"), ["홍길동"]);
        assert_eq!(s("By 山田太郎"), ["山田太郎"]);
        // A sentence in those scripts is not a name.
        assert!(s("今日は晴れです。明日は雨が降るでしょう").is_empty());
    }

    #[test]
    fn names_in_capitals_are_written_as_names() {
        assert_eq!(s("By JANE DOE and JOHN ROE"), ["Jane Doe", "John Roe"]);
        assert_eq!(s("BY JANE O'DOE-SMITH"), ["Jane O'Doe-Smith"]);
        assert_eq!(s("By RONALD MCDONALD III"), ["Ronald McDonald III"]);
        // Acronyms and mixed case stay as written.
        assert_eq!(s("By Jane DOE"), ["Jane DOE"]);
        assert_eq!(display_case("CNN WIRE"), "CNN Wire");
        assert_eq!(display_case("AFP"), "AFP");
        assert_eq!(display_case("USA TODAY STAFF"), "USA Today Staff");
        assert_eq!(display_case("JANE DOE REUTERS"), "Jane Doe Reuters");
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
        assert_eq!(s("BY JANE DOE"), ["Jane Doe"]);
    }

    #[test]
    fn drops_roles_credentials_and_contacts() {
        assert_eq!(s("By Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert_eq!(s("Jane Doe | Senior Reporter"), ["Jane Doe"]);
        assert_eq!(s("Dylan Bailey, MS, RD, FAND"), ["Dylan Bailey"]);
        assert_eq!(
            s("Patricio Candia | Palma de Mallorca | 08/01/2014"),
            ["Patricio Candia"]
        );
        assert_eq!(s("Jane Doe | July 8, 2025"), ["Jane Doe"]);
        // The address and telephone number of a staff byline (The Spokesman-Review).
        assert_eq!(
            s("By Megan Rowe meganr@spokesman.com(509) 459-5382"),
            ["Megan Rowe"]
        );
        assert_eq!(s("Jane Doe, +44 20 7946 0958"), ["Jane Doe"]);
        // An acronym of the job between the name and the role, a profile's badge, the
        // name read twice, an icon font's glyph, a sentence's stop.
        assert_eq!(s("Matt Eland AI Specialist"), ["Matt Eland"]);
        assert_eq!(s("Craig Hull Verified"), ["Craig Hull"]);
        assert_eq!(s("By Craig Hull Verified expert"), ["Craig Hull"]);
        assert_eq!(s("Steve Kamb Steve Kamb"), ["Steve Kamb"]);
        assert_eq!(s("\u{e08a} Joaquin Fernandez"), ["Joaquin Fernandez"]);
        assert_eq!(s("By Jeff Cobb."), ["Jeff Cobb"]);
        assert_eq!(s("Martin Luther King Jr."), ["Martin Luther King Jr."]);
        assert_eq!(s("John Q. Public"), ["John Q. Public"]);
        // Who added reporting is credited at the story's end, not as its author.
        assert_eq!(
            s("By Jane Doe with additional reporting by John Roe"),
            ["Jane Doe"]
        );
        assert_eq!(
            s("Jane Doe and Mary Major, contributing reporting John Roe"),
            ["Jane Doe", "Mary Major"]
        );
        // The wire copy a story was written with is no co-author.
        for b in [
            "By Jane Doe with wire services",
            "Por Jane Doe con información de agencias",
            "Von Jane Doe mit Material von dpa",
            "Par Jane Doe avec AFP",
        ] {
            assert_eq!(s(b), ["Jane Doe"], "{b}");
        }
        // Roles, places and the kind of piece around the name.
        assert_eq!(s("Por Ana Souza, do Rio"), ["Ana Souza"]);
        assert_eq!(s("Ein Kommentar von Peter Müller"), ["Peter Müller"]);
        assert_eq!(s("Door onze redacteur Jan de Vries"), ["Jan de Vries"]);
        assert_eq!(
            s("Par Marie Dupont avec Jean Martin"),
            ["Marie Dupont", "Jean Martin"]
        );
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
    fn drops_dates_and_times() {
        assert_eq!(s("Andrew Gerrand 4 August 2010"), ["Andrew Gerrand"]);
        assert_eq!(s("Luke KimDecember 17, 2025"), ["Luke Kim"]);
        assert_eq!(
            s("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group"),
            ["Niko Matsakis"]
        );
        assert_eq!(
            s(
                "Posted by BeauHD on Friday December 19, 2025 @08:00PM from the skewed-job-market dept."
            ),
            ["BeauHD"]
        );
        assert_eq!(s("Jane Doe | 2025/4/29 5:11"), ["Jane Doe"]);
        assert_eq!(s("By: Jane Doe on 04-ago-2021 5:11:10"), ["Jane Doe"]);
        assert_eq!(s("Chris McNamara ⋅ Founder"), ["Chris McNamara"]);
        // A zone after the time is part of it, not a name.
        assert!(s("20 Nov 2019 08:00 GMT").is_empty());
        assert_eq!(
            s("VICTOR TANGERMANN, FUTURISM 18 NOV 2019"),
            ["Victor Tangermann"]
        );
        assert_eq!(s("Jane Doe, Nov. 3, 2019 5:10 PM EST"), ["Jane Doe"]);
    }

    #[test]
    fn separates_names_from_glued_titles() {
        assert_eq!(
            s("Insights from Liza Burke Marketing Director"),
            ["Liza Burke"]
        );
        assert_eq!(s("Sofia Kondrat EdTech Content Writer"), ["Sofia Kondrat"]);
        assert_eq!(s("Matt Check Head Winemaker"), ["Matt Check"]);
        assert_eq!(
            s("Celeste Longacre Gardener, Astrologer"),
            ["Celeste Longacre"]
        );
        assert_eq!(
            s("Nicole Burke As founder of Rooted Garden"),
            ["Nicole Burke"]
        );
        assert_eq!(s("Mateusz HabernyFounder at Oakywood"), ["Mateusz Haberny"]);
        assert_eq!(s("ByDaryl Austin"), ["Daryl Austin"]);
        assert_eq!(s("Recipe by PJ Hamel"), ["PJ Hamel"]);
        assert_eq!(s("Article by: Cara Dumaplin"), ["Cara Dumaplin"]);
        assert_eq!(
            s("This post was written by Danielle Padula, Head of Marketing"),
            ["Danielle Padula"]
        );
        assert_eq!(s("Author(s) John A. Alic"), ["John A. Alic"]);
        assert_eq!(s("Cara Dumaplin RN, BSN"), ["Cara Dumaplin"]);
        assert_eq!(s("By A. J. Neal View In Digital Edition"), ["A. J. Neal"]);
        assert_eq!(
            s("Dec 26, 2025 • Mahua Das in Project Management"),
            ["Mahua Das"]
        );
        assert_eq!(
            s("Shelby Loos, DVM. Reviewed by Molly Price"),
            ["Shelby Loos"]
        );
        assert_eq!(s("Brett Cruz, Privacy & Security Expert"), ["Brett Cruz"]);
        assert_eq!(
            s("Detroit News wire services Published 11:11 PM EST Nov 19, 2019"),
            ["Detroit News wire services"]
        );
        assert_eq!(s("By Staff Reports"), ["Staff Reports"]);
        assert_eq!(
            s("Analysis by Chris Cillizza, CNN Editor-at-large"),
            ["Chris Cillizza"]
        );
        assert_eq!(
            s("Written by Rebecca Lake | Edited by Marie White"),
            ["Rebecca Lake"]
        );
        assert_eq!(
            s("Jean-Luc Aufranc (CNXSoft)"),
            ["Jean-Luc Aufranc (CNXSoft)"]
        );
        assert_eq!(s("AAA Travel Editor"), ["AAA Travel Editor"]);
        assert!(
            split_authors_field("I've consulted hundreds of new and experienced gardeners")
                .is_empty()
        );
    }

    #[test]
    fn keeps_agencies_and_dedupes() {
        assert_eq!(s("The Associated Press"), ["The Associated Press"]);
        assert_eq!(s("Reuters"), ["Reuters"]);
        assert_eq!(s("By CBC News Staff"), ["CBC News Staff"]);
        assert_eq!(s("By News Desk"), ["News Desk"]);
        assert_eq!(s("Our Editors"), ["Our Editors"]);
        assert!(s("Staff Writer").is_empty());
        assert_eq!(s("Jane Doe and jane doe"), ["Jane Doe"]);
    }

    #[test]
    fn keeps_user_names_from_author_fields() {
        assert_eq!(split_authors_field("jsteinhardt"), ["jsteinhardt"]);
        assert!(split_authors("jsteinhardt").is_empty());
        assert!(split_authors_field("admin").is_empty());
        assert!(split_authors_field("AS").is_empty());
        assert!(split_authors_field("mdelatorreq6vkpg2ma0ci").is_empty());
        assert_eq!(split_authors_field("kei_eno2"), ["kei_eno2"]);
        assert_eq!(split_authors_field("AP"), ["AP"]);
        assert_eq!(split_authors_field("jane doe"), ["jane doe"]);
        assert!(is_phrase("Personal finance"));
        assert!(!is_phrase("jane doe"));
    }

    #[test]
    fn rejects_non_names() {
        assert!(s("admin").is_empty());
        assert!(s("Share on Facebook!").is_empty());
        assert!(s("12 comments").is_empty());
        assert!(s("").is_empty());
        // Quotes are not a name's, but for a nickname between the first and last names.
        assert!(s("\"Breaking\" news").is_empty());
    }

    #[test]
    fn keeps_a_nickname_between_the_names() {
        assert_eq!(
            s("By Amanda \"Tania Mae\" Tan"),
            vec!["Amanda \"Tania Mae\" Tan"]
        );
        assert_eq!(s("Jim “Mac” McDonald"), vec!["Jim “Mac” McDonald"]);
    }
}
