//! Language: `<html lang>`, meta tags, JSON-LD, else detection on the body text.

/// An ISO 639-1 code from a tag like "en-US", "EN_gb", "fr", "deu" or a language's name
/// ("English", "Deutsch"). A code that names no language ("us", "gb": a country put where
/// the language goes) gives none, and the caller asks the next source.
pub fn from_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    if primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase()) {
        // Withdrawn codes still written by old templates.
        let code = match primary.as_str() {
            "in" => "id",
            "iw" => "he",
            "ji" => "yi",
            "jw" => "jv",
            "mo" => "ro",
            c => c,
        };
        return ISO_639_1
            .split(' ')
            .any(|c| c == code)
            .then(|| code.to_string());
    }
    if primary.len() == 3 {
        return iso3_to_1(&primary).map(str::to_string);
    }
    from_name(&tag.to_lowercase())
}

/// The 183 two-letter codes of ISO 639-1.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce \
    ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu \
    gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn \
    ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne \
    ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk \
    sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve \
    vi vo wa wo xh yi yo za zh zu";

/// A language written out, in English or in itself (`<meta name="language"
/// content="English">`).
fn from_name(name: &str) -> Option<String> {
    let code = match name {
        "english" => "en",
        "french" | "français" | "francais" => "fr",
        "german" | "deutsch" => "de",
        "spanish" | "español" | "espanol" | "castellano" => "es",
        "italian" | "italiano" => "it",
        "portuguese" | "português" | "portugues" => "pt",
        "dutch" | "nederlands" => "nl",
        "russian" | "русский" => "ru",
        "polish" | "polski" => "pl",
        "swedish" | "svenska" => "sv",
        "danish" | "dansk" => "da",
        "norwegian" | "norsk" => "no",
        "finnish" | "suomi" => "fi",
        "turkish" | "türkçe" => "tr",
        "greek" => "el",
        "czech" | "čeština" => "cs",
        "hungarian" | "magyar" => "hu",
        "romanian" | "română" => "ro",
        "ukrainian" | "українська" => "uk",
        "arabic" | "العربية" => "ar",
        "hebrew" => "he",
        "hindi" => "hi",
        "indonesian" | "bahasa indonesia" => "id",
        "vietnamese" | "tiếng việt" => "vi",
        "japanese" | "日本語" => "ja",
        "chinese" | "中文" => "zh",
        "korean" | "한국어" => "ko",
        _ => return None,
    };
    Some(code.to_string())
}

fn iso3_to_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" | "zho" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" | "ger" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" | "fre" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" | "nor" => "no",
        "ori" => "or",
        "pan" => "pa",
        "pes" | "fas" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}

/// The first `max` bytes of a text, cut at a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Detect the language of a text (a bounded prefix of it).
pub fn detect(text: &str) -> Option<String> {
    let sample = prefix(text, 2000);
    // Eight words, or fifty letters for scripts written without spaces (Chinese, Japanese,
    // Thai).
    if sample.split_whitespace().count() < 8
        && sample.chars().filter(|c| c.is_alphabetic()).count() < 50
    {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso3_to_1(info.lang().code()).map(str::to_string)
}

/// Whether a text reads as English: its first 150 words hold the commonest English words
/// at least as often as English prose does (one word in eight). Cheap, where whatlang is
/// not (run on every page, it was 6% of the instructions of a batch).
pub fn reads_english(text: &str) -> bool {
    const COMMON: &[&str] = &[
        "the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "with", "as", "was", "on",
        "are", "be", "this", "by", "at", "from", "or", "have", "an", "they", "which", "you",
        "were", "their", "has", "but", "not", "we", "his", "her", "said",
    ];
    let (mut all, mut common) = (0usize, 0usize);
    for w in text.split_whitespace().take(150) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        all += 1;
        if COMMON.iter().any(|c| c.eq_ignore_ascii_case(w)) {
            common += 1;
        }
    }
    all > 0 && common * 8 >= all
}

/// [`detect`], only when whatlang is sure: to overrule a page that declares another
/// language.
pub fn detect_sure(text: &str) -> Option<String> {
    let sample = prefix(text, 3000);
    if sample.chars().count() < 400 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    (info.is_reliable() && info.confidence() >= 0.9)
        .then(|| iso3_to_1(info.lang().code()).map(str::to_string))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_spaces_is_detected() {
        let zh = "谷歌在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识的电脑。\
                  研究人员表示，这种新型神经网络可以像人类一样利用过去的经验来解决新的问题。";
        assert_eq!(detect(zh).as_deref(), Some("zh"));
        assert_eq!(detect("短い文章"), None);
    }

    #[test]
    fn english_is_told_cheaply() {
        assert!(reads_english(
            "The council voted on Tuesday to extend the program, which supports small \
             businesses across the region, for another three years."
        ));
        assert!(!reads_english(
            "Der Bundestag hat am Montag nach einer langen Debatte den Haushalt für das \
             kommende Jahr beschlossen."
        ));
        assert!(!reads_english(""));
    }

    #[test]
    fn tags_and_detection() {
        assert_eq!(from_tag("en-US").as_deref(), Some("en"));
        assert_eq!(from_tag("FR_ca").as_deref(), Some("fr"));
        assert_eq!(from_tag("deu").as_deref(), Some("de"));
        assert_eq!(from_tag("x").as_deref(), None);
        // A country where the language goes names no language; withdrawn codes and
        // names written out do.
        assert_eq!(from_tag("us").as_deref(), None);
        assert_eq!(from_tag("gb").as_deref(), None);
        assert_eq!(from_tag("in").as_deref(), Some("id"));
        assert_eq!(from_tag("iw-IL").as_deref(), Some("he"));
        assert_eq!(from_tag(" English ").as_deref(), Some("en"));
        assert_eq!(from_tag("Deutsch").as_deref(), Some("de"));
        assert_eq!(from_tag("Klingon").as_deref(), None);
        assert_eq!(
            detect("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les familles").as_deref(),
            Some("fr")
        );
    }
}
