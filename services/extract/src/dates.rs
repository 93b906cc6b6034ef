//! Dates and times as pages write them: ISO 8601, RFC 2822, "January 15, 2026 - 04:00",
//! "Aug. 28, 2024 10:00 a.m. ET", "3 hours ago", bare days.

use std::sync::LazyLock;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use regex::Regex;

use crate::PubTime;

/// A date as read, before a zone is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    Instant(DateTime<FixedOffset>),
    /// A wall-clock time with no zone on the page.
    Naive(NaiveDateTime),
    Day(NaiveDate),
}

impl Parsed {
    pub fn day(&self) -> NaiveDate {
        match self {
            Parsed::Instant(t) => t.date_naive(),
            Parsed::Naive(t) => t.date(),
            Parsed::Day(d) => *d,
        }
    }

    /// Settle the zone: `tz` (the site's zone) if known, else `offset` (seen elsewhere on the
    /// page), else UTC.
    pub fn resolve(self, tz: Option<Tz>, offset: Option<FixedOffset>) -> PubTime {
        match self {
            Parsed::Instant(t) => PubTime::Instant(t),
            Parsed::Day(d) => PubTime::Day(d),
            Parsed::Naive(n) => {
                if let Some(tz) = tz
                    && let Some(t) = local_to_fixed(tz, n)
                {
                    return PubTime::Instant(t);
                }
                let off = offset.unwrap_or_else(utc_offset);
                match off.from_local_datetime(&n).single() {
                    Some(t) => PubTime::Instant(t),
                    None => PubTime::Day(n.date()),
                }
            }
        }
    }
}

/// The time zone of a site on a country domain, where one zone covers (most of) the
/// country: it places a time the page writes without an offset. `None` for generic domains
/// and for country domains used as generic ones (`.co`, `.io`, `.tv`, `.me`, ...).
pub fn zone_for_host(host: &str) -> Option<Tz> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let tld = host.rsplit('.').next()?;
    match tld {
        "uk" => country_zone("gb"),
        "co" | "io" | "me" | "tv" | "ai" | "fm" | "ly" | "gg" | "to" | "cc" | "ws" | "us"
        | "ag" | "am" | "bz" | "la" | "nu" | "sh" | "st" | "vc" => None,
        cc => country_zone(cc),
    }
}

/// A locale tag's language and region, lower-cased: the region is the first two-letter part
/// after the language ("zh-Hant-TW" -> ("zh", "tw"), "en_US" -> ("en", "us")).
fn lang_region(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.trim().split(['-', '_']);
    let lang = parts.next().unwrap_or_default().to_ascii_lowercase();
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    (lang, region)
}

/// Whether a page writes numeric dates day first: anything but American English. The
/// country domain decides, else the language tag ("pt-BR", "en-GB", "de"); English without
/// a region, and Canada and the Philippines, keep month first.
pub fn day_first(host: &str, tag: Option<&str>) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let tld = host.rsplit('.').next().unwrap_or_default();
    if zone_for_host(&host).is_some() {
        return !matches!(tld, "ca" | "ph");
    }
    let Some(tag) = tag else { return false };
    let (lang, region) = lang_region(tag);
    match (lang.as_str(), region.as_deref()) {
        ("en", Some(r)) => !matches!(r, "us" | "ca" | "ph"),
        ("en", None) | ("", _) => false,
        _ => true,
    }
}

/// The zone of a page's locale ("en_US", "de-AT", "fr", "ja"): the country's zone when the
/// tag names one, else the zone of a language spoken mostly in one zone. `None` for
/// languages spread over many ("en", "es", "pt", "ar").
pub fn zone_for_locale(tag: &str) -> Option<Tz> {
    use chrono_tz::{Asia, Europe};
    let (lang, region) = lang_region(tag);
    if let Some(region) = region {
        return country_zone(&region);
    }
    Some(match lang.as_str() {
        "de" => Europe::Berlin,
        "fr" => Europe::Paris,
        "it" => Europe::Rome,
        "nl" => Europe::Amsterdam,
        "pl" => Europe::Warsaw,
        "cs" => Europe::Prague,
        "sk" => Europe::Bratislava,
        "hu" => Europe::Budapest,
        "ro" => Europe::Bucharest,
        "bg" => Europe::Sofia,
        "el" => Europe::Athens,
        "tr" => Europe::Istanbul,
        "uk" => Europe::Kyiv,
        "ru" => Europe::Moscow,
        "sv" => Europe::Stockholm,
        "da" => Europe::Copenhagen,
        "nb" | "nn" | "no" => Europe::Oslo,
        "fi" => Europe::Helsinki,
        "hr" => Europe::Zagreb,
        "sl" => Europe::Ljubljana,
        "sr" => Europe::Belgrade,
        "lt" => Europe::Vilnius,
        "lv" => Europe::Riga,
        "et" => Europe::Tallinn,
        "ca" | "eu" | "gl" => Europe::Madrid,
        "he" | "iw" => Asia::Jerusalem,
        "ja" => Asia::Tokyo,
        "ko" => Asia::Seoul,
        "zh" => Asia::Shanghai,
        "hi" | "mr" | "ta" | "te" | "kn" | "ml" | "gu" => Asia::Kolkata,
        "ur" => Asia::Karachi,
        "fa" => Asia::Tehran,
        "th" => Asia::Bangkok,
        "vi" => Asia::Ho_Chi_Minh,
        "id" => Asia::Jakarta,
        "ms" => Asia::Kuala_Lumpur,
        _ => return None,
    })
}

/// The zone most of a country's newsrooms keep, by ISO 3166 code (lower case).
fn country_zone(cc: &str) -> Option<Tz> {
    use chrono_tz::{Africa, America, Asia, Atlantic, Australia, Europe, Pacific};
    Some(match cc {
        "gb" => Europe::London,
        // Not a country, but the newsrooms on `.eu` (Politico Europe, EUobserver) keep
        // Brussels' time.
        "eu" => Europe::Brussels,
        "ie" => Europe::Dublin,
        "de" => Europe::Berlin,
        "fr" => Europe::Paris,
        "es" => Europe::Madrid,
        "it" => Europe::Rome,
        "nl" => Europe::Amsterdam,
        "be" => Europe::Brussels,
        "lu" => Europe::Luxembourg,
        "ch" => Europe::Zurich,
        "at" => Europe::Vienna,
        "se" => Europe::Stockholm,
        "no" => Europe::Oslo,
        "dk" => Europe::Copenhagen,
        "fi" => Europe::Helsinki,
        "is" => Atlantic::Reykjavik,
        "pl" => Europe::Warsaw,
        "cz" => Europe::Prague,
        "sk" => Europe::Bratislava,
        "hu" => Europe::Budapest,
        "si" => Europe::Ljubljana,
        "hr" => Europe::Zagreb,
        "rs" => Europe::Belgrade,
        "bg" => Europe::Sofia,
        "pt" => Europe::Lisbon,
        "gr" => Europe::Athens,
        "ro" => Europe::Bucharest,
        "ua" => Europe::Kyiv,
        "lt" => Europe::Vilnius,
        "lv" => Europe::Riga,
        "ee" => Europe::Tallinn,
        "ru" => Europe::Moscow,
        "tr" => Europe::Istanbul,
        "il" => Asia::Jerusalem,
        "ae" => Asia::Dubai,
        "sa" => Asia::Riyadh,
        "qa" => Asia::Qatar,
        "eg" => Africa::Cairo,
        "am" => Asia::Yerevan,
        "in" => Asia::Kolkata,
        "pk" => Asia::Karachi,
        "bd" => Asia::Dhaka,
        "lk" => Asia::Colombo,
        "np" => Asia::Kathmandu,
        "jp" => Asia::Tokyo,
        "kr" => Asia::Seoul,
        "cn" => Asia::Shanghai,
        "hk" => Asia::Hong_Kong,
        "tw" => Asia::Taipei,
        "sg" => Asia::Singapore,
        "my" => Asia::Kuala_Lumpur,
        "ph" => Asia::Manila,
        "th" => Asia::Bangkok,
        "vn" => Asia::Ho_Chi_Minh,
        "id" => Asia::Jakarta,
        "nz" => Pacific::Auckland,
        "za" => Africa::Johannesburg,
        "ng" => Africa::Lagos,
        "ke" => Africa::Nairobi,
        "gh" => Africa::Accra,
        "br" => America::Sao_Paulo,
        "ar" => America::Argentina::Buenos_Aires,
        "cl" => America::Santiago,
        "pe" => America::Lima,
        "co" => America::Bogota,
        "ve" => America::Caracas,
        // Several zones: the one most of the country's newsrooms keep.
        "mx" => America::Mexico_City,
        "ca" => America::Toronto,
        "us" => America::New_York,
        "au" => Australia::Sydney,
        _ => return None,
    })
}

/// Places that put a publication in another zone of its country than the one most of the
/// country's newsrooms keep, as they appear in its name or domain ("The Seattle Times",
/// `calgaryherald.com`, `perthnow.com.au`). Matched on the name lower-cased with everything
/// but letters and digits dropped; each list is only read for a page of its country.
const US_PLACES: &[(&str, Tz)] = {
    use chrono_tz::{America, Pacific};
    &[
        // Before "texas": El Paso keeps Mountain time.
        ("elpaso", America::Denver),
        ("chicago", America::Chicago),
        ("fortworth", America::Chicago),
        ("startelegram", America::Chicago),
        ("lubbock", America::Chicago),
        ("corpuschristi", America::Chicago),
        ("wichita", America::Chicago),
        ("siouxfalls", America::Chicago),
        ("argusleader", America::Chicago),
        ("fargo", America::Chicago),
        ("greenbay", America::Chicago),
        ("batonrouge", America::Chicago),
        ("shreveport", America::Chicago),
        ("huntsville", America::Chicago),
        ("dallas", America::Chicago),
        ("houston", America::Chicago),
        ("texas", America::Chicago),
        ("sanantonio", America::Chicago),
        ("expressnews", America::Chicago),
        ("minneapolis", America::Chicago),
        ("startribune", America::Chicago),
        ("minnesota", America::Chicago),
        ("milwaukee", America::Chicago),
        ("jsonline", America::Chicago),
        ("wisconsin", America::Chicago),
        ("stlouis", America::Chicago),
        ("stltoday", America::Chicago),
        ("kansas", America::Chicago),
        ("oklahoma", America::Chicago),
        ("tulsa", America::Chicago),
        ("omaha", America::Chicago),
        ("nebraska", America::Chicago),
        ("desmoines", America::Chicago),
        ("memphis", America::Chicago),
        ("nashville", America::Chicago),
        ("tennessean", America::Chicago),
        ("neworleans", America::Chicago),
        ("louisiana", America::Chicago),
        ("alabama", America::Chicago),
        ("mississippi", America::Chicago),
        ("dakota", America::Chicago),
        ("denver", America::Denver),
        ("colorado", America::Denver),
        ("saltlake", America::Denver),
        ("sltrib", America::Denver),
        ("deseret", America::Denver),
        ("albuquerque", America::Denver),
        ("newmexico", America::Denver),
        ("boise", America::Boise),
        ("idaho", America::Boise),
        ("montana", America::Denver),
        ("wyoming", America::Denver),
        ("billings", America::Denver),
        ("cheyenne", America::Denver),
        ("santafe", America::Denver),
        ("phoenix", America::Phoenix),
        ("arizona", America::Phoenix),
        ("azcentral", America::Phoenix),
        ("tucson", America::Phoenix),
        ("flagstaff", America::Phoenix),
        ("seattle", America::Los_Angeles),
        ("tacoma", America::Los_Angeles),
        ("spokane", America::Los_Angeles),
        ("oregon", America::Los_Angeles),
        ("sacramento", America::Los_Angeles),
        ("sacbee", America::Los_Angeles),
        ("california", America::Los_Angeles),
        ("losangeles", America::Los_Angeles),
        ("latimes", America::Los_Angeles),
        ("sanfrancisco", America::Los_Angeles),
        ("sfgate", America::Los_Angeles),
        ("sfchronicle", America::Los_Angeles),
        ("sandiego", America::Los_Angeles),
        ("oakland", America::Los_Angeles),
        ("sanjose", America::Los_Angeles),
        ("mercurynews", America::Los_Angeles),
        ("ocregister", America::Los_Angeles),
        ("fresno", America::Los_Angeles),
        ("lasvegas", America::Los_Angeles),
        ("nevada", America::Los_Angeles),
        ("reviewjournal", America::Los_Angeles),
        ("alaska", America::Anchorage),
        ("anchorage", America::Anchorage),
        ("hawaii", Pacific::Honolulu),
        ("honolulu", Pacific::Honolulu),
        ("puertorico", America::Puerto_Rico),
    ]
};
const CA_PLACES: &[(&str, Tz)] = {
    use chrono_tz::America;
    &[
        ("vancouver", America::Vancouver),
        ("britishcolumbia", America::Vancouver),
        ("theprovince", America::Vancouver),
        ("timescolonist", America::Vancouver),
        ("kelowna", America::Vancouver),
        ("calgary", America::Edmonton),
        ("edmonton", America::Edmonton),
        ("alberta", America::Edmonton),
        ("winnipeg", America::Winnipeg),
        ("manitoba", America::Winnipeg),
        ("regina", America::Regina),
        ("saskatoon", America::Regina),
        ("saskatchewan", America::Regina),
        ("starphoenix", America::Regina),
        ("halifax", America::Halifax),
        ("novascotia", America::Halifax),
        ("chronicleherald", America::Halifax),
        ("newbrunswick", America::Moncton),
        ("moncton", America::Moncton),
        ("newfoundland", America::St_Johns),
    ]
};
const AU_PLACES: &[(&str, Tz)] = {
    use chrono_tz::Australia;
    &[
        ("perth", Australia::Perth),
        ("westaustralian", Australia::Perth),
        ("thewest", Australia::Perth),
        ("adelaide", Australia::Adelaide),
        ("brisbane", Australia::Brisbane),
        ("queensland", Australia::Brisbane),
        ("couriermail", Australia::Brisbane),
        ("darwin", Australia::Darwin),
        ("ntnews", Australia::Darwin),
    ]
};

/// Newsrooms on generic domains (`.com`, `.net`) outside the US that their name or host
/// places: a country, a demonym or a city no US town shares, or the publication itself.
/// A time such a site writes without an offset is in this zone, not in US Eastern time.
const WORLD_PLACES: &[(&str, Tz)] = {
    use chrono_tz::{Africa, America, Asia, Australia, Europe};
    &[
        ("irish", Europe::Dublin),
        ("theguardian", Europe::London),
        ("bbc", Europe::London),
        ("economist", Europe::London),
        ("skynews", Europe::London),
        ("newsskycom", Europe::London),
        ("financialtimes", Europe::London),
        ("wwwftcom", Europe::London),
        ("middleeasteye", Europe::London),
        ("scotland", Europe::London),
        ("scottish", Europe::London),
        ("france24", Europe::Paris),
        ("euronews", Europe::Paris),
        ("germany", Europe::Berlin),
        ("deutschewelle", Europe::Berlin),
        ("wwwdwcom", Europe::Berlin),
        ("ukraine", Europe::Kyiv),
        ("kyiv", Europe::Kyiv),
        ("turkiye", Europe::Istanbul),
        ("turkey", Europe::Istanbul),
        ("istanbul", Europe::Istanbul),
        ("dailysabah", Europe::Istanbul),
        ("russia", Europe::Moscow),
        ("moscow", Europe::Moscow),
        ("israel", Asia::Jerusalem),
        ("jerusalem", Asia::Jerusalem),
        ("haaretz", Asia::Jerusalem),
        ("jpost", Asia::Jerusalem),
        ("ynetnews", Asia::Jerusalem),
        ("tehran", Asia::Tehran),
        ("aljazeera", Asia::Qatar),
        ("qatar", Asia::Qatar),
        ("gulftimes", Asia::Qatar),
        ("arabnews", Asia::Riyadh),
        ("saudi", Asia::Riyadh),
        ("dubai", Asia::Dubai),
        ("gulfnews", Asia::Dubai),
        ("khaleej", Asia::Dubai),
        ("emirates", Asia::Dubai),
        ("thenationalnews", Asia::Dubai),
        ("pakistan", Asia::Karachi),
        ("karachi", Asia::Karachi),
        ("dawncom", Asia::Karachi),
        ("geotv", Asia::Karachi),
        // "india" but not "indian" (Indiana, Indianapolis).
        ("india", Asia::Kolkata),
        ("timesofindia", Asia::Kolkata),
        ("indiatimes", Asia::Kolkata),
        ("indianexpress", Asia::Kolkata),
        ("hindustantimes", Asia::Kolkata),
        ("thehindu", Asia::Kolkata),
        ("ndtv", Asia::Kolkata),
        ("indiatoday", Asia::Kolkata),
        ("livemint", Asia::Kolkata),
        ("businessstandard", Asia::Kolkata),
        ("bangladesh", Asia::Dhaka),
        ("dhaka", Asia::Dhaka),
        ("thedailystarnet", Asia::Dhaka),
        ("nepal", Asia::Kathmandu),
        ("kathmandu", Asia::Kathmandu),
        ("srilanka", Asia::Colombo),
        ("bangkok", Asia::Bangkok),
        ("thailand", Asia::Bangkok),
        ("vietnam", Asia::Ho_Chi_Minh),
        ("singapore", Asia::Singapore),
        ("straitstimes", Asia::Singapore),
        ("channelnewsasia", Asia::Singapore),
        ("todayonline", Asia::Singapore),
        ("malaysia", Asia::Kuala_Lumpur),
        ("malaymail", Asia::Kuala_Lumpur),
        ("kualalumpur", Asia::Kuala_Lumpur),
        ("jakarta", Asia::Jakarta),
        ("indonesia", Asia::Jakarta),
        ("philippine", Asia::Manila),
        ("philstar", Asia::Manila),
        ("rappler", Asia::Manila),
        ("inquirernet", Asia::Manila),
        ("hongkong", Asia::Hong_Kong),
        ("scmp", Asia::Hong_Kong),
        ("taiwan", Asia::Taipei),
        ("taipei", Asia::Taipei),
        ("china", Asia::Shanghai),
        ("korea", Asia::Seoul),
        ("seoul", Asia::Seoul),
        ("japan", Asia::Tokyo),
        ("tokyo", Asia::Tokyo),
        ("nikkei", Asia::Tokyo),
        ("financialreview", Australia::Sydney),
        ("wwwafrcom", Australia::Sydney),
        ("egypt", Africa::Cairo),
        ("ahram", Africa::Cairo),
        ("nigeria", Africa::Lagos),
        ("punchng", Africa::Lagos),
        ("vanguardngr", Africa::Lagos),
        ("premiumtimesng", Africa::Lagos),
        ("kenya", Africa::Nairobi),
        ("nairobi", Africa::Nairobi),
        ("nationafrica", Africa::Nairobi),
        ("ghana", Africa::Accra),
        ("southafrica", Africa::Johannesburg),
        ("johannesburg", Africa::Johannesburg),
        ("news24", Africa::Johannesburg),
        ("argentin", America::Argentina::Buenos_Aires),
        ("buenosaires", America::Argentina::Buenos_Aires),
        ("clarin", America::Argentina::Buenos_Aires),
        ("colombia", America::Bogota),
        ("bogota", America::Bogota),
        ("venezuela", America::Caracas),
        ("brazil", America::Sao_Paulo),
        ("brasil", America::Sao_Paulo),
        ("jamaica", America::Jamaica),
        // Spanish-language newsrooms on `.com`: Spain's and Latin America's.
        ("spain", Europe::Madrid),
        ("madrid", Europe::Madrid),
        ("barcelona", Europe::Madrid),
        ("elpais", Europe::Madrid),
        ("lavanguardia", Europe::Madrid),
        ("elconfidencial", Europe::Madrid),
        ("elespanol", Europe::Madrid),
        ("marcacom", Europe::Madrid),
        ("infobae", America::Argentina::Buenos_Aires),
        ("eluniverso", America::Guayaquil),
        ("eltiempo", America::Bogota),
        ("milenio", America::Mexico_City),
        ("latercera", America::Santiago),
        ("emolcom", America::Santiago),
        ("telesur", America::Caracas),
    ]
};

/// A site's name or host as the place lists spell it: ASCII letters and digits, lower case
/// ("The Seattle Times" -> "theseattletimes").
fn compact_name(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The zone a site on a generic domain names by its name or host (see [`WORLD_PLACES`]).
pub fn zone_named_by(names: &[&str]) -> Option<Tz> {
    names.iter().find_map(|name| {
        let compact = compact_name(name);
        WORLD_PLACES
            .iter()
            .find(|(needle, _)| {
                compact
                    .match_indices(needle)
                    .any(|(i, _)| !(*needle == "india" && compact[i..].starts_with("indian")))
            })
            .map(|&(_, tz)| tz)
    })
}

/// A country's usual zone moved to the zone of the place the publication names (see
/// [`US_PLACES`]): `names` are its site name and host. Other zones are returned as given.
pub fn zone_of_place(zone: Tz, names: &[&str]) -> Tz {
    use chrono_tz::{America, Australia};
    let places = match zone {
        America::New_York => US_PLACES,
        America::Toronto => CA_PLACES,
        Australia::Sydney => AU_PLACES,
        _ => return zone,
    };
    names
        .iter()
        .find_map(|name| {
            let compact = compact_name(name);
            places
                .iter()
                .find(|(needle, _)| compact.contains(needle))
                .map(|&(_, tz)| tz)
        })
        .unwrap_or(zone)
}

/// The offset the page source gives elsewhere to the wall time `n` ("2019-11-19T18:18:25-08:00"
/// in a script's data when the metadata says "2019-11-19T18:18:25"): the same moment, placed.
pub fn offset_in_source(source: &str, n: NaiveDateTime) -> Option<FixedOffset> {
    let key = n.format("%Y-%m-%dT%H:%M").to_string();
    let mut from = 0;
    let mut seen = 0;
    while let Some(i) = source.get(from..).and_then(|s| s.find(&key)) {
        let at = from + i + key.len();
        from = at;
        seen += 1;
        if seen > 50 {
            break;
        }
        let rest = &source[at..source.len().min(at + 40)];
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
        // Seconds must agree when both sides give them (a dateline gives none).
        let secs = &source[at..at + (source.len() - at).min(3)];
        if let Some(s) = secs.strip_prefix(':')
            && s.len() == 2
            && n.second() != 0
            && s.parse::<u32>().ok().is_some_and(|s| s != n.second())
        {
            continue;
        }
        if let Some(m) = OFFSET_AT.find(rest) {
            let off = match m.as_str() {
                "Z" => fixed(0),
                o => parse_offset(o),
            };
            if off.is_some() {
                return off;
            }
        }
    }
    None
}

static OFFSET_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Z|[+-][0-9]{2}:?[0-9]{2})").expect("valid regex"));

fn utc_offset() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap_or_else(|| Utc.fix())
}

/// A wall-clock time in a named zone, daylight saving right. In the autumn overlap the
/// earlier instant is taken; a time in the spring gap moves forward an hour.
pub fn local_to_fixed(tz: Tz, n: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    use chrono::LocalResult;
    match tz.from_local_datetime(&n) {
        LocalResult::Single(t) => Some(t.fixed_offset()),
        LocalResult::Ambiguous(a, _) => Some(a.fixed_offset()),
        LocalResult::None => tz
            .from_local_datetime(&(n + Duration::hours(1)))
            .earliest()
            .map(|t| t.fixed_offset()),
    }
}

/// Context for reading a date.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateCtx {
    /// Reference for relative times.
    pub fetched_at: Option<DateTime<Utc>>,
    /// Numeric dates are day first ("05/10/2018" is 5 October): the page is not American.
    pub day_first: bool,
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})
        (?:(?:[T\s]+|UTC)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?\s*
           (Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?)?",
    )
    .expect("valid regex")
});

/// ISO 8601's basic format ("20180619T055000+0900"), as Nikkei's JSON-LD writes it.
static ISO_BASIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})?(?:[.,][0-9]+)?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?\s*$",
    )
    .expect("valid regex")
});

static SLASH_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([0-9]{4})(?:[/.]|\.\s)([0-9]{1,2})(?:[/.]|\.\s)([0-9]{1,2})(?-u:\b)")
        .expect("valid regex")
});

/// An ISO day inside text ("Published 2024-11-06"), not part of a longer number.
static ISO_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9-])((?:19|20)[0-9]{2})-([0-9]{2})-([0-9]{2})(?:$|[^0-9-])")
        .expect("valid regex")
});

/// The words that say a date is the publication, in the languages datelines are read in.
pub const PUBLISHED_WORDS: &str = r"(?:published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|opublikowano|publicerad)";

/// The words that mark a revision, in the languages datelines are read in.
pub const UPDATE_WORDS: &str = r"(?:updated|modified|edited|aktualisiert|mis\s+à\s+jour|modifié\s+le|actualizado|atualizado|aggiornato|modificato|modifica\s+il|bijgewerkt|zaktualizowano|uppdaterad)";

/// The update word anywhere ("March 5, 2024 / 3:45 PM / Updated 2 hours ago", "Publié le
/// ..., modifié le ...").
pub static UPDATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(?:last\s+)?{UPDATE_WORDS}(?-u:\b)")).expect("valid regex")
});

static NUMERIC_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,2})([/.-]|\.\s)([0-9]{1,2})(?:[/.-]|\.\s)([0-9]{4})(?-u:\b)")
        .expect("valid regex")
});

const MONTHS: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b){MONTHS}\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});

/// The month and day, the time, then the year: C's `asctime` ("Wed Nov 20 15:23:00 2019")
/// and calendar-sheet datelines ("November 20 / 15:23 / 2019").
static MD_TIME_Y: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b){MONTHS}\.?\s+([0-9]{{1,2}})\s*[/|,]?\s*[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?\s*[/|,]?\s*([0-9]{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)([0-9]{{1,2}})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?|[.-]){MONTHS}(?:\.?,?\s+|[.-])([0-9]{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)([0-9]{1,2})(?:(?:[:.h]|\s?[時시]\s?)([0-9]{2})(?:\s?[分분])?(?::([0-9]{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?|\s*(a\.?\s?m\.?|p\.?\s?m\.?))(?:\s|$|[^A-Za-z0-9_])",
    )
    .expect("valid regex")
});

static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:(?-u:\b)(UTC|GMT|UT)\s*([+-]\s*[0-9]{1,2}(?::?[0-9]{2})?)?|([+-][0-9]{2}:?[0-9]{2})(?-u:\b)|(?-u:\b)([ECMP][SD]?T|AK[SD]?T|HST|BST|CES?T|CEST|EES?T|EEST|WES?T|WEST|IST|JST|KST|AES?T|AEDT|ACST|ACDT|AWST|NZST|NZDT|SGT|HKT|MSK|SAST|AMT|PKT|WIB|ICT|PHT|IDT|MYT|NPT)(?-u:\b)|\(?(?-u:\b)(Eastern|Central|Mountain|Pacific)(?-u:\b)(?:\s+(?:Standard|Daylight))?(?:\s+Time)?\)?)",
    )
    .expect("valid regex")
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)([0-9]+|an?|one)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|years?|yrs?)\s+ago(?-u:\b)",
    )
    .expect("valid regex")
});

static EPOCH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([0-9]{10})([0-9]{3})?\s*$").expect("valid regex"));

/// Month names and abbreviations in English, German, French, Spanish, Portuguese, Italian
/// and Dutch, lower case.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("januar", 1),
    ("jänner", 1),
    ("enero", 1),
    ("ene", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("februar", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("märz", 3),
    ("marz", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("juni", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("juli", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("setembro", 9),
    ("set", 9),
    ("settembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("okt", 10),
    ("oktober", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("out", 10),
    ("ottobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dez", 12),
    ("dezember", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dezembro", 12),
    ("dicembre", 12),
];

/// Month names of languages written in other scripts or with their own letters (Russian,
/// Ukrainian, Polish, Czech, Turkish, Greek, in the genitive that dates use) and of
/// Indonesian, Romanian and the Nordic languages.
const MORE_MONTH_NAMES: &[(&str, u32)] = &[
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
    ("maret", 3),
    ("agustus", 8),
    ("desember", 12),
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    ("augusti", 8),
    ("maj", 5),
    // Arabic: the names of Egypt and the Gulf, and the Levant's one-word names.
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("ايلول", 9),
    // Hindi (both spellings of the nasal).
    ("जनवरी", 1),
    ("फरवरी", 2),
    ("फ़रवरी", 2),
    ("मार्च", 3),
    ("अप्रैल", 4),
    ("मई", 5),
    ("जून", 6),
    ("जुलाई", 7),
    ("अगस्त", 8),
    ("सितंबर", 9),
    ("सितम्बर", 9),
    ("अक्टूबर", 10),
    ("अक्तूबर", 10),
    ("नवंबर", 11),
    ("नवम्बर", 11),
    ("दिसंबर", 12),
    ("दिसम्बर", 12),
    // Finnish, in the partitive that dates use ("18. marraskuuta 2019").
    ("tammikuuta", 1),
    ("helmikuuta", 2),
    ("maaliskuuta", 3),
    ("huhtikuuta", 4),
    ("toukokuuta", 5),
    ("kesäkuuta", 6),
    ("heinäkuuta", 7),
    ("elokuuta", 8),
    ("syyskuuta", 9),
    ("lokakuuta", 10),
    ("marraskuuta", 11),
    ("joulukuuta", 12),
    // Slovak and Slovenian ("18. novembra 2019"), Croatian ("18. studenoga 2019").
    ("januára", 1),
    ("januarja", 1),
    ("februára", 2),
    ("februarja", 2),
    ("apríla", 4),
    ("aprila", 4),
    ("mája", 5),
    ("júna", 6),
    ("junija", 6),
    ("júla", 7),
    ("julija", 7),
    ("augusta", 8),
    ("avgusta", 8),
    ("septembra", 9),
    ("októbra", 10),
    ("oktobra", 10),
    ("novembra", 11),
    ("decembra", 12),
    ("siječnja", 1),
    ("veljače", 2),
    ("ožujka", 3),
    ("travnja", 4),
    ("svibnja", 5),
    ("lipnja", 6),
    ("srpnja", 7),
    ("kolovoza", 8),
    ("rujna", 9),
    // Not "listopada": October in Croatian, November in Polish.
    ("studenoga", 11),
    ("studenog", 11),
    ("prosinca", 12),
    // Bulgarian and Serbian.
    ("януари", 1),
    ("февруари", 2),
    ("март", 3),
    ("април", 4),
    ("май", 5),
    ("юни", 6),
    ("юли", 7),
    ("август", 8),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
    ("јануар", 1),
    ("фебруар", 2),
    ("јун", 6),
    ("јул", 7),
    ("септембар", 9),
    ("октобар", 10),
    ("новембар", 11),
    ("децембар", 12),
    ("avgust", 8),
    ("septembar", 9),
    ("oktobar", 10),
    ("novembar", 11),
    ("decembar", 12),
    // Hungarian, written year first ("2019. november 18.").
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    // Hebrew, alone and with the "in" it is written with ("12 במרץ 2024").
    ("ינואר", 1),
    ("פברואר", 2),
    ("מרץ", 3),
    ("אפריל", 4),
    ("מאי", 5),
    ("יוני", 6),
    ("יולי", 7),
    ("אוגוסט", 8),
    ("ספטמבר", 9),
    ("אוקטובר", 10),
    ("נובמבר", 11),
    ("דצמבר", 12),
    ("בינואר", 1),
    ("בפברואר", 2),
    ("במרץ", 3),
    ("באפריל", 4),
    ("במאי", 5),
    ("ביוני", 6),
    ("ביולי", 7),
    ("באוגוסט", 8),
    ("בספטמבר", 9),
    ("באוקטובר", 10),
    ("בנובמבר", 11),
    ("בדצמבר", 12),
];

/// Digits of other scripts as ASCII ("١٢ مارس ٢٠٢٤", "２０２４年３月１２日", "१२ मार्च २०२४"):
/// the text unchanged (borrowed) when it has none.
pub fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    fn digit(c: char) -> Option<char> {
        let zero = match c {
            '\u{0660}'..='\u{0669}' => 0x0660,
            '\u{06F0}'..='\u{06F9}' => 0x06F0,
            '\u{0966}'..='\u{096F}' => 0x0966,
            '\u{09E6}'..='\u{09EF}' => 0x09E6,
            '\u{0E50}'..='\u{0E59}' => 0x0E50,
            '\u{FF10}'..='\u{FF19}' => 0xFF10,
            _ => return None,
        };
        char::from_digit(c as u32 - zero, 10)
    }
    if s.is_ascii() || !s.chars().any(|c| digit(c).is_some()) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().map(|c| digit(c).unwrap_or(c)).collect())
}

/// A day without its year, and nothing else: "March 12", "12 Mar.", "12. März".
pub fn is_month_day(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches([',', '.']))
        .filter(|w| !w.is_empty())
        .collect();
    let day = |w: &str| w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    match words[..] {
        [a, b] => (month_num(a).is_some() && day(b)) || (day(a) && month_num(b).is_some()),
        _ => false,
    }
}

fn month_num(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.').to_lowercase();
    MONTH_NAMES
        .iter()
        .chain(MORE_MONTH_NAMES)
        .find(|(n, _)| *n == s)
        .map(|(_, m)| *m)
}

/// "20 ноября 2019", "20. listopadu 2019", "20 Kasım 2019 14:35": a day, a month of
/// [`MORE_MONTH_NAMES`] and a year as consecutive words, found without a regex (a pattern of
/// all these names would cost every process its compilation). Also year first, as Hungarian
/// writes it ("2019. november 18."), with a month of either list.
fn dmy_more(s: &str) -> Option<(NaiveDate, (usize, usize))> {
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    for win in words.windows(3) {
        let [(start, a), (_, m), (ends, b)] = win else {
            continue;
        };
        fn number(w: &str, len: std::ops::RangeInclusive<usize>) -> Option<&str> {
            let w = w.trim_end_matches([',', '.', ';', '،']);
            (len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())).then_some(w)
        }
        let (d, y, names) = match (number(a, 1..=2), number(b, 4..=4)) {
            (Some(d), Some(y)) => (d, y, &[MORE_MONTH_NAMES][..]),
            _ => match (number(a, 4..=4), number(b, 1..=2)) {
                (Some(y), Some(d)) => (d, y, &[MORE_MONTH_NAMES, MONTH_NAMES][..]),
                _ => continue,
            },
        };
        let m = m.trim_end_matches([',', '.', '،']).to_lowercase();
        // "آب/اغسطس": a month under both its names.
        let Some(&(_, month)) = names
            .iter()
            .flat_map(|l| l.iter())
            .find(|(n, _)| m.split('/').any(|part| part == *n))
        else {
            continue;
        };
        let (Ok(y), Ok(d)) = (y.parse(), d.parse()) else {
            continue;
        };
        if let Some(date) = NaiveDate::from_ymd_opt(y, month, d) {
            return Some((date, (*start, ends + b.len())));
        }
    }
    None
}

/// Year, month and day in East Asian writing ("2019年11月20日", "2019년 11월 20일") or the
/// Vietnamese "20 tháng 11, 2019" (captures: year, month, day or day, month, year).
static YMD_ASIAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)([0-9]{4})\s*(?:年|년)\s*([0-9]{1,2})\s*(?:月|월)\s*([0-9]{1,2})\s*(?:日|일)?|(?-u:\b)([0-9]{1,2})\s+tháng\s+([0-9]{1,2}),?\s+(?:năm\s+)?([0-9]{4})",
    )
    .expect("valid regex")
});

/// "8. Juli 2025", "8 juillet 2025", "8 de julio de 2025", "8 luglio 2025": a day first and a
/// month named in another language than English.
static DMY_INTL: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTH_NAMES.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    Regex::new(&format!(
        r"(?i)(?-u:\b)([0-9]{{1,2}})(?:(?:\.|º|°|er)?\s+(?:de\s+)?|\.)({})(?:\.?,?\s+(?:de\s+)?|\.)([0-9]{{4}})(?-u:\b)",
        names.join("|")
    ))
    .expect("valid regex")
});

/// A zone named on a page: a fixed offset or a zone with daylight saving.
#[derive(Debug, Clone, Copy)]
enum Zone {
    Fixed(FixedOffset),
    Named(Tz),
}

fn fixed(secs: i32) -> Option<FixedOffset> {
    FixedOffset::east_opt(secs)
}

fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| c.is_ascii_digit()).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits[..1].parse::<i32>().ok()?,
            digits[1..].parse::<i32>().ok()?,
        ),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    fixed(sign * (h * 3600 + m * 60))
}

fn zone_abbrev(a: &str) -> Option<Zone> {
    use chrono_tz::{America, Asia, Australia, Europe, Pacific};
    let h = |x: i32| fixed(x * 3600).map(Zone::Fixed);
    Some(match a {
        "ET" => Zone::Named(America::New_York),
        "EST" => return h(-5),
        "EDT" => return h(-4),
        "CT" => Zone::Named(America::Chicago),
        "CST" => return h(-6),
        "CDT" => return h(-5),
        "MT" => Zone::Named(America::Denver),
        "MST" => return h(-7),
        "MDT" => return h(-6),
        "PT" => Zone::Named(America::Los_Angeles),
        "PST" => return h(-8),
        "PDT" => return h(-7),
        "AKT" => Zone::Named(America::Anchorage),
        "AKST" => return h(-9),
        "AKDT" => return h(-8),
        "HST" => return h(-10),
        "BST" => return h(1),
        "CET" => return h(1),
        "CEST" => return h(2),
        "EET" => return h(2),
        "EEST" => return h(3),
        "WET" => return h(0),
        "WEST" => return h(1),
        "IST" => return fixed(5 * 3600 + 1800).map(Zone::Fixed),
        "JST" | "KST" => return h(9),
        "AEST" => return h(10),
        "AEDT" => return h(11),
        "AET" => Zone::Named(Australia::Sydney),
        "ACST" => return fixed(9 * 3600 + 1800).map(Zone::Fixed),
        "ACDT" => return fixed(10 * 3600 + 1800).map(Zone::Fixed),
        "AWST" => return h(8),
        "NZST" => return h(12),
        "NZDT" => return h(13),
        "NZT" => Zone::Named(Pacific::Auckland),
        "SGT" | "HKT" => return h(8),
        "MSK" => return h(3),
        "SAST" => return h(2),
        // Armenia (AMT is also Amazon time, which Brazilian sites do not write), Pakistan,
        // Western Indonesia, Indochina, the Philippines, Israel in summer, Malaysia, Nepal.
        "AMT" => return h(4),
        "PKT" => return h(5),
        "WIB" | "ICT" => return h(7),
        "PHT" | "MYT" => return h(8),
        "IDT" => return h(3),
        "NPT" => return fixed(5 * 3600 + 2700).map(Zone::Fixed),
        "CENTRAL EUROPEAN" => Zone::Named(Europe::Berlin),
        "INDIA" => Zone::Named(Asia::Kolkata),
        _ => return None,
    })
}

/// Find a zone in free text.
fn find_zone(s: &str) -> Option<Zone> {
    for c in ZONE.captures_iter(s) {
        if let Some(base) = c.get(1) {
            let _ = base;
            if let Some(off) = c.get(2)
                && let Some(o) = parse_offset(off.as_str())
            {
                return Some(Zone::Fixed(o));
            }
            return fixed(0).map(Zone::Fixed);
        }
        if let Some(off) = c.get(3)
            && let Some(o) = parse_offset(off.as_str())
        {
            return Some(Zone::Fixed(o));
        }
        if let Some(ab) = c.get(4)
            && let Some(z) = zone_abbrev(ab.as_str())
        {
            return Some(z);
        }
        if let Some(name) = c.get(5) {
            let z = match name.as_str().to_ascii_lowercase().as_str() {
                "eastern" => "ET",
                "central" => "CT",
                "mountain" => "MT",
                _ => "PT",
            };
            return zone_abbrev(z);
        }
    }
    None
}

fn apply_zone(n: NaiveDateTime, z: Zone) -> Option<DateTime<FixedOffset>> {
    match z {
        Zone::Fixed(o) => o.from_local_datetime(&n).single(),
        Zone::Named(tz) => local_to_fixed(tz, n),
    }
}

fn plausible(d: NaiveDate) -> bool {
    (1990..=2100).contains(&d.year())
}

/// Find a time of day in `s` (after a date was found elsewhere in it).
pub fn find_time(s: &str) -> Option<NaiveTime> {
    for c in TIME.captures_iter(s) {
        let h: u32 = c.get(1)?.as_str().parse().ok()?;
        let m: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let sec: u32 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
        // "午後 2:35", "오후 2:35", "下午2:35": the afternoon marker comes before the time.
        let before = s[..c.get(0).map_or(0, |m| m.start())].trim_end();
        let asian = if ["午後", "오후", "下午"].iter().any(|p| before.ends_with(p)) {
            Some(true)
        } else if ["午前", "오전", "上午"].iter().any(|p| before.ends_with(p)) {
            Some(false)
        } else {
            None
        };
        let ampm = c
            .get(4)
            .or_else(|| c.get(5))
            .map(|m| m.as_str().trim_start().starts_with(['p', 'P']))
            .or(asian);
        if c.get(2).is_none() && ampm.is_none() {
            continue;
        }
        let h = match ampm {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            Some(_) if h > 12 => continue,
            _ => h,
        };
        if let Some(t) = NaiveTime::from_hms_opt(h, m, sec) {
            return Some(t);
        }
    }
    None
}

/// Read a date from a string. `tz` is the site's zone for times that name none.
pub fn parse(s: &str, ctx: &DateCtx, tz: Option<Tz>) -> Option<Parsed> {
    let digits = ascii_digits(s);
    let s = digits.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(c) = ISO_BASIC.captures(s) {
        let extended = format!(
            "{}-{}-{}T{}:{}:{}{}",
            &c[1],
            &c[2],
            &c[3],
            &c[4],
            &c[5],
            c.get(6).map_or("00", |m| m.as_str()),
            c.get(7).map_or("", |m| m.as_str())
        );
        return parse(&extended, ctx, tz);
    }
    if let Some(c) = ISO.captures(s) {
        let y: i32 = c[1].parse().ok()?;
        let mo: u32 = c[2].parse().ok()?;
        let d: u32 = c[3].parse().ok()?;
        let day = NaiveDate::from_ymd_opt(y, mo, d)?;
        if !plausible(day) {
            return None;
        }
        let Some(h) = c.get(4) else {
            return Some(Parsed::Day(day));
        };
        let h: u32 = h.as_str().parse().ok()?;
        let mi: u32 = c[5].parse().ok()?;
        let sec: u32 = c.get(6).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let t = NaiveTime::from_hms_opt(h, mi, sec.min(59))?;
        let n = day.and_time(t);
        return Some(match c.get(7).map(|m| m.as_str()) {
            Some(z) if z.chars().all(|c| c.is_ascii_alphabetic()) => {
                Parsed::Instant(fixed(0)?.from_local_datetime(&n).single()?)
            }
            Some(z) => Parsed::Instant(parse_offset(z)?.from_local_datetime(&n).single()?),
            None => {
                // A zone may be written after a space ("2024-08-28 10:00 EDT").
                let rest = &s[c.get(0).map_or(0, |m| m.end())..];
                match find_zone(rest).and_then(|z| apply_zone(n, z)) {
                    Some(t) => Parsed::Instant(t),
                    None => match tz.and_then(|tz| local_to_fixed(tz, n)) {
                        Some(t) => Parsed::Instant(t),
                        None => Parsed::Naive(n),
                    },
                }
            }
        });
    }
    // ISO 8601's basic day ("20240304", NYT's `pdate`).
    if s.len() == 8
        && s.bytes().all(|b| b.is_ascii_digit())
        && let (Ok(y), Ok(mo), Ok(d)) = (s[..4].parse(), s[4..6].parse(), s[6..].parse())
    {
        return NaiveDate::from_ymd_opt(y, mo, d)
            .filter(|d| plausible(*d))
            .map(Parsed::Day);
    }
    if let Some(c) = EPOCH.captures(s) {
        let secs: i64 = c[1].parse().ok()?;
        let t = DateTime::from_timestamp(secs, 0)?;
        if plausible(t.date_naive()) {
            return Some(Parsed::Instant(t.fixed_offset()));
        }
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s)
        && plausible(t.date_naive())
    {
        return Some(Parsed::Instant(t));
    }
    if let Some(p) = parse_relative(s, ctx, tz) {
        return Some(p);
    }
    // A date in words or numbers, maybe a time and a zone around it.
    let (day, span) = find_day_in(s, ctx.day_first)?;
    let rest_after = &s[span.1..];
    let rest_before = &s[..span.0];
    // The time inside the day's own text: "Wed Nov 20 15:23:00 2019".
    let inner = &s[span.0..span.1];
    let time = find_time(rest_after)
        .or_else(|| find_time(rest_before))
        .or_else(|| inner.contains(':').then(|| find_time(inner)).flatten());
    let Some(time) = time else {
        return Some(Parsed::Day(day));
    };
    let n = day.and_time(time);
    let zone = find_zone(rest_after).or_else(|| find_zone(rest_before));
    if let Some(t) = zone.and_then(|z| apply_zone(n, z)) {
        return Some(Parsed::Instant(t));
    }
    if let Some(t) = tz.and_then(|tz| local_to_fixed(tz, n)) {
        return Some(Parsed::Instant(t));
    }
    Some(Parsed::Naive(n))
}

/// The first calendar day written in `s`, and where it was ("05/10/2018" read the American
/// way unless the first number is over 12).
pub fn find_day(s: &str) -> Option<(NaiveDate, (usize, usize))> {
    find_day_in(s, false)
}

/// [`find_day`] where numeric dates are read day first when `day_first`.
pub fn find_day_in(s: &str, day_first: bool) -> Option<(NaiveDate, (usize, usize))> {
    type Best = Option<(NaiveDate, (usize, usize))>;
    let mut best: Best = None;
    let consider = |best: &mut Best, d: Option<NaiveDate>, span: (usize, usize)| {
        if let Some(d) = d.filter(|d| plausible(*d))
            && best.is_none_or(|(_, b)| span.0 < b.0)
        {
            *best = Some((d, span));
        }
    };
    if let Some(c) = MDY.captures(s) {
        let m = month_num(&c[1]);
        let d = c[2].parse().ok();
        let y = c[3].parse().ok();
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        consider(
            &mut best,
            m.zip(d)
                .zip(y)
                .and_then(|((m, d), y)| NaiveDate::from_ymd_opt(y, m, d)),
            whole,
        );
    }
    for re in [&*DMY, &*DMY_INTL] {
        let Some(c) = re.captures(s) else { continue };
        let d = c[1].parse().ok();
        let m = month_num(&c[2]);
        let y = c[3].parse().ok();
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        consider(
            &mut best,
            m.zip(d)
                .zip(y)
                .and_then(|((m, d), y)| NaiveDate::from_ymd_opt(y, m, d)),
            whole,
        );
    }
    if let Some((d, span)) = dmy_more(s) {
        consider(&mut best, Some(d), span);
    }
    if best.is_none()
        && let Some(c) = MD_TIME_Y.captures(s)
    {
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let date = month_num(&c[1])
            .zip(c[2].parse().ok())
            .zip(c[3].parse().ok())
            .and_then(|((m, d), y)| NaiveDate::from_ymd_opt(y, m, d));
        consider(&mut best, date, whole);
    }
    if (s.contains('年') || s.contains('년') || s.contains("tháng") || s.contains("Tháng"))
        && let Some(c) = YMD_ASIAN.captures(s)
    {
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = match (num(1), num(2), num(3)) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
            _ => match (num(6), num(5), num(4)) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
                _ => None,
            },
        };
        consider(&mut best, date, whole);
    }
    // Year first: "2024/11/06", "2024.11.06", "2019. 11. 20.", "Published 2024-11-06".
    for re in [&*SLASH_YMD, &*ISO_DAY] {
        if let Some(c) = re.captures(s) {
            let span = (
                c.get(1).map_or(0, |m| m.start()),
                c.get(3).map_or(0, |m| m.end()),
            );
            let y = c[1].parse().ok();
            let m = c[2].parse().ok();
            let d = c[3].parse().ok();
            consider(
                &mut best,
                y.zip(m)
                    .zip(d)
                    .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d)),
                span,
            );
        }
    }
    if let Some(c) = NUMERIC_DMY.captures(s) {
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let a: u32 = c[1].parse().unwrap_or(0);
        let b: u32 = c[3].parse().unwrap_or(0);
        let y: i32 = c[4].parse().unwrap_or(0);
        // Dots are European (day first, "18.11.2019", "18. 11. 2019"); slashes are American
        // unless the first is over 12 or the page is not American. Dashes are written both
        // ways, on American sites too, so "03-09-2026" is no day at all.
        if &c[2] == "-" && a <= 12 && b <= 12 {
            return best;
        }
        // A second number over 12 is the day, dots or not ("11.14.2023").
        let (m, d) = if b > 12 {
            (a, b)
        } else if c[2].starts_with('.') || a > 12 || (day_first && b <= 12) {
            (b, a)
        } else {
            (a, b)
        };
        consider(&mut best, NaiveDate::from_ymd_opt(y, m, d), whole);
    }
    if best.is_none() {
        best = short_year_day(s, day_first);
    }
    best
}

/// "Nov 14 '23": the month, the day and an apostrophe's two-digit year.
static APOSTROPHE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b){MONTHS}\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+['’‘]([0-9]{{2}})(?:$|[^0-9])"
    ))
    .expect("valid regex")
});

/// "11/14/23", "1.9.17": two numbers and a two-digit year.
static NUMERIC_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9./-])([0-9]{1,2})([/.])([0-9]{1,2})[/.]([0-9]{2})(?:$|[^0-9./-])")
        .expect("valid regex")
});

/// What may stand before a numeric day with a two-digit year: nothing, a label's colon, or
/// the word that says it is the publication ("Veröffentlicht am 1.9.17", "Posted on
/// 11/14/23").
static SHORT_YEAR_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|:|(?:{PUBLISHED_WORDS}|updated|aktualisiert|mis à jour)(?:\s+(?:on|am|le|el|il|em|op|den))?)\s*$"
    ))
    .expect("valid regex")
});

/// A day whose year has two digits, the last resort of [`find_day_in`]. Numbers like these
/// are version numbers and scores as often as dates, so a numeric one is read only when a
/// clock follows it, or when it ends the text and nothing or a publication word stands
/// before it.
fn short_year_day(s: &str, day_first: bool) -> Option<(NaiveDate, (usize, usize))> {
    let year = |yy: &str| -> Option<i32> {
        let yy: i32 = yy.parse().ok()?;
        Some(if yy >= 90 { 1900 + yy } else { 2000 + yy })
    };
    if s.contains(['\'', '’', '‘'])
        && let Some(c) = APOSTROPHE_YEAR.captures(s)
    {
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let date = month_num(&c[1])
            .zip(c[2].parse().ok())
            .zip(year(&c[3]))
            .and_then(|((m, d), y)| NaiveDate::from_ymd_opt(y, m, d))
            .filter(|d| plausible(*d));
        return date.map(|d| (d, whole));
    }
    if s.len() > 120 {
        return None;
    }
    let c = NUMERIC_SHORT_YEAR.captures(s)?;
    let (start, end) = (c.get(1)?.start(), c.get(4)?.end());
    let after = s[end..].trim();
    // A clock right after it makes it a date whatever stands before ("by Jane Doe -
    // 11/14/23 3:45 PM ET").
    let timed = after.len() <= 24
        && TIME.find(after).is_some_and(|t| {
            t.start() <= 4
                && !after[t.end()..].starts_with(|c: char| c.is_ascii_digit() || c == '.')
        })
        && find_time(after).is_some();
    if !(timed || (after.is_empty() && SHORT_YEAR_LEAD.is_match(&s[..start]))) {
        return None;
    }
    let a: u32 = c[1].parse().ok()?;
    let b: u32 = c[3].parse().ok()?;
    let (m, d) = if b > 12 {
        (a, b)
    } else if &c[2] == "." || a > 12 || day_first {
        (b, a)
    } else {
        (a, b)
    };
    let date = NaiveDate::from_ymd_opt(year(&c[4])?, m, d).filter(|d| plausible(*d))?;
    Some((date, (start, end)))
}

/// A dateline that counts from the day it is read: `Some(false)` for "Today, 09:30",
/// `Some(true)` for "Yesterday at 3:45 PM" (English, German, French, Spanish, Italian,
/// Portuguese, Dutch, Polish, Russian), `None` otherwise.
pub fn relative_day(s: &str) -> Option<bool> {
    const TODAY: &[&str] = &[
        "today",
        "heute",
        "aujourd'hui",
        "aujourd’hui",
        "hoy",
        "oggi",
        "hoje",
        "vandaag",
        "dzisiaj",
        "dziś",
        "сегодня",
    ];
    const YESTERDAY: &[&str] = &[
        "yesterday",
        "gestern",
        "hier",
        "ayer",
        "ieri",
        "ontem",
        "gisteren",
        "wczoraj",
        "вчера",
    ];
    if s.len() >= 60 {
        return None;
    }
    let lower = s.to_lowercase();
    let mut words = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '|'))
        .filter(|w| !w.is_empty())
        .skip_while(|w| matches!(*w, "last" | "updated" | "published" | "posted"));
    let first = words.next()?;
    // The word alone or before a time ("hier à 15h30"), not a sentence ("Hier ist ...").
    let rest = words.count();
    if rest > 5 || (rest > 0 && find_time(s).is_none()) {
        return None;
    }
    let yesterday = if TODAY.contains(&first) {
        false
    } else if YESTERDAY.contains(&first) {
        true
    } else {
        return None;
    };
    // "Today in history: March 4, 2024" names its day.
    find_day(s).is_none().then_some(yesterday)
}

/// The largest count a relative time is read with ("10000 years ago" is no publication
/// time, and a count of trillions would overflow the clock's arithmetic).
const MAX_AGO: i64 = 10_000;

fn parse_relative(s: &str, ctx: &DateCtx, tz: Option<Tz>) -> Option<Parsed> {
    let now = ctx.fetched_at?;
    let ascii = s.to_ascii_lowercase();
    let lower = &ascii;
    if lower.len() < 40 && (lower.contains("just now") || lower == "now") {
        return Some(Parsed::Instant(now.fixed_offset()));
    }
    if let Some(yesterday) = relative_day(s) {
        // "Yesterday at 3:45 PM" in the site's zone: the instant, counted from the fetch
        // time's day there. Without a zone, the day only ("Today, 09:30" could be either
        // side of midnight somewhere, but a day is what the page says).
        let back = Duration::days(i64::from(yesterday));
        let time = find_time(s);
        if let (Some(t), Some(tz)) = (time, tz) {
            let day = (now.with_timezone(&tz) - back).date_naive();
            if let Some(i) = local_to_fixed(tz, day.and_time(t)) {
                return Some(Parsed::Instant(i));
            }
        }
        if yesterday || time.is_some() {
            return Some(Parsed::Day((now - back).date_naive()));
        }
    }
    let lower = s.to_lowercase();
    if let Some(c) = RELATIVE_AGO.captures(&lower)
        && let (Some(n), Some(u)) = (c.get(1), c.get(2))
    {
        let at = c.get(0).map_or(0, |m| m.start());
        if at > 0 && find_day_in(&lower[..at], ctx.day_first).is_some() {
            return None;
        }
        let n: i64 = n.as_str().parse().ok().filter(|n| *n <= MAX_AGO)?;
        let u = u.as_str();
        let back = |d: Duration| (now - d).fixed_offset();
        let p = |any: &[&str]| any.iter().any(|x| u.starts_with(x));
        return Some(if p(&["sec", "сек", "san"]) {
            Parsed::Instant(back(Duration::seconds(n)))
        } else if p(&["min", "мин", "dak"]) {
            Parsed::Instant(back(Duration::minutes(n)))
        } else if p(&["uur", "час", "saat", "godzin", "tim"]) {
            Parsed::Instant(back(Duration::hours(n)))
        } else if p(&["dag", "dn", "ден", "день", "gün", "dni", "dzie"]) {
            Parsed::Day(back(Duration::days(n)).date_naive())
        } else if p(&["week", "нед", "haft", "tyg", "veck"]) {
            Parsed::Day(back(Duration::weeks(n)).date_naive())
        } else if p(&["maand", "меся", "ay", "miesi", "mån"]) {
            Parsed::Day(back(Duration::days(30 * n)).date_naive())
        } else {
            Parsed::Day(back(Duration::days(365 * n)).date_naive())
        });
    }
    let c = RELATIVE
        .captures(&lower)
        .or_else(|| RELATIVE_INTL.captures(&lower))?;
    // "March 5, 2024 / 3:45 PM / Updated 2 hours ago": the date written first is the
    // dateline's; the relative time after it is the revision.
    let at = c.get(0).map_or(0, |m| m.start());
    if at > 0 && find_day_in(&lower[..at], ctx.day_first).is_some() {
        return None;
    }
    let (count, unit) = match (c.get(1), c.get(2)) {
        (Some(n), Some(u)) => (n.as_str(), u.as_str()),
        _ => (c.get(3)?.as_str(), c.get(4)?.as_str()),
    };
    let n: i64 = match count {
        "a" | "an" | "one" | "ein" | "eine" | "einer" | "einem" | "un" | "une" | "una" | "uno"
        | "um" | "uma" | "un'" => 1,
        x => x.parse().ok().filter(|n| *n <= MAX_AGO)?,
    };
    let instant = |d: Duration| Some(Parsed::Instant((now - d).fixed_offset()));
    let day = |d: Duration| Some(Parsed::Day((now - d).date_naive()));
    let has = |p: &[&str]| p.iter().any(|p| unit.starts_with(p));
    if has(&["sec", "seg", "sek"]) {
        instant(Duration::seconds(n))
    } else if has(&["min"]) {
        instant(Duration::minutes(n))
    } else if has(&["h", "stund", "heure", "ora", "ore"]) {
        instant(Duration::hours(n))
    } else if has(&["w", "semaine", "semana", "settiman"]) {
        day(Duration::weeks(n))
    } else if has(&["mo", "mois", "mes", "mês"]) {
        day(Duration::days(30 * n))
    } else if has(&["d", "tag", "jour", "giorn"]) {
        day(Duration::days(n))
    } else {
        day(Duration::days(365 * n))
    }
}

/// A count and a unit before the word for "ago": "2 uur geleden", "2 часа назад", "2 saat
/// önce", "2 godziny temu", "för 2 timmar sedan".
static RELATIVE_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]+)\s+(seconden?|minuut|minuten|uur|dagen|dag|weken|week|maanden|maand|jaar|секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет|saniye|dakika|saat|gün|hafta|ay|yıl|sekund[y]?|minut[y]?|godzin[ęy]?|dni|dzień|tygodni[e]?|miesi[ąę]c[ey]?|lat|sekunder|minuter|timmar|timme|dagar|veckor|månader|år)\s+(?:geleden|назад|önce|temu|sedan)",
    )
    .expect("valid regex")
});

/// "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "há 3 horas", "3 ore fa".
static RELATIVE_INTL: LazyLock<Regex> = LazyLock::new(|| {
    let units = r"(sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|m[êe]s|años?|anos?)";
    Regex::new(&format!(
        r"(?:(?-u:\b)vor|(?-u:\b)il\s+y\s+a|(?-u:\b)hace|(?-u:\b)h[áa])\s+([0-9]+|eine[rm]?|ein|une?|una?|uma?)\s+{units}(?-u:\b)|(?-u:\b)([0-9]+|una?|un')\s*(secondi|minuti|ore|ora|giorni|giorno|settimane|mesi|anni)\s+fa(?-u:\b)"
    ))
    .expect("valid regex")
});

/// A date found in a URL path (`/2024/08/28/`, `/2024-08-28/`): a day at most.
pub fn from_url(path: &str) -> Option<NaiveDate> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)/((?:19|20)[0-9]{2})[/-]([0-9]{1,2}|[a-z]{3,9})[/-]([0-9]{1,2})(?:/|-|$|\.)",
        )
        .expect("valid regex")
    });
    // The day written without separators as a folder or a slug's start ("ria.ru/20231114/",
    // "france24.com/en/europe/20231114-council"); not the start of a longer number.
    static URL_COMPACT_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:/|-|_|$|\.)")
            .expect("valid regex")
    });
    let date = |y: &str, m: Option<u32>, d: &str| -> Option<NaiveDate> {
        let d = NaiveDate::from_ymd_opt(y.parse().ok()?, m?, d.parse().ok()?)?;
        plausible(d).then_some(d)
    };
    if let Some(c) = URL_DATE.captures(path) {
        // "/2023/10/03/" or "/2023/october/03/".
        return date(&c[1], c[2].parse().ok().or_else(|| month_num(&c[2])), &c[3]);
    }
    let c = URL_COMPACT_DATE.captures(path)?;
    date(&c[1], c[2].parse().ok(), &c[3])
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_time_between_the_day_and_the_year() {
        let ctx = DateCtx {
            fetched_at: None,
            day_first: false,
        };
        let naive = |s: &str| match parse(s, &ctx, None) {
            Some(Parsed::Naive(n)) => Some(n.to_string()),
            _ => None,
        };
        assert_eq!(
            naive("Wed Nov 20 15:23:00 2019").as_deref(),
            Some("2019-11-20 15:23:00")
        );
        assert_eq!(
            naive("November 20 15:23 2019").as_deref(),
            Some("2019-11-20 15:23:00")
        );
        // Dots are not a time inside a day's own numbers.
        assert!(matches!(
            parse("18.11.2019", &ctx, None),
            Some(Parsed::Day(_))
        ));
        assert!(matches!(
            parse("14.nov.2023", &ctx, None),
            Some(Parsed::Day(_))
        ));
        let day = |s: &str| match parse(s, &ctx, None) {
            Some(Parsed::Day(d)) => Some(d.to_string()),
            _ => None,
        };
        assert_eq!(day("14-Nov-2023").as_deref(), Some("2023-11-14"));
        assert_eq!(day("Published 11.14.2023").as_deref(), Some("2023-11-14"));
        assert_eq!(day("14.11.2023").as_deref(), Some("2023-11-14"));
    }

    #[test]
    fn a_generic_domain_named_for_a_country_gives_its_zone() {
        use chrono_tz::{Asia, Europe};
        assert_eq!(
            zone_named_by(&["", "www.indiapost.com"]),
            Some(Asia::Kolkata)
        );
        assert_eq!(
            zone_named_by(&["The Irish Times", ""]),
            Some(Europe::Dublin)
        );
        assert_eq!(zone_named_by(&["", "www.indystar.com"]), None);
        assert_eq!(zone_named_by(&["Indianapolis Star", ""]), None);
        assert_eq!(zone_named_by(&["Indiana Daily Student", ""]), None);
    }

    #[test]
    fn a_locale_names_a_zone_where_its_country_or_language_has_one() {
        use chrono_tz::{America, Asia, Europe};
        assert_eq!(zone_for_locale("en_US"), Some(America::New_York));
        assert_eq!(zone_for_locale("en-GB"), Some(Europe::London));
        assert_eq!(zone_for_locale("pt-BR"), Some(America::Sao_Paulo));
        assert_eq!(zone_for_locale("zh-Hant-TW"), Some(Asia::Taipei));
        assert_eq!(zone_for_locale("de"), Some(Europe::Berlin));
        assert_eq!(zone_for_locale("ja"), Some(Asia::Tokyo));
        // Languages of many zones name none.
        assert_eq!(zone_for_locale("en"), None);
        assert_eq!(zone_for_locale("es"), None);
        // Country domains used as generic ones name none either.
        assert_eq!(zone_for_host("example.co"), None);
        assert_eq!(zone_for_host("example.io"), None);
        assert_eq!(zone_for_host("example.com.br"), Some(America::Sao_Paulo));
    }

    #[test]
    fn iso_basic_days_are_read_and_other_numbers_are_not() {
        let ctx = DateCtx {
            fetched_at: None,
            day_first: false,
        };
        let day = |s: &str| match parse(s, &ctx, None) {
            Some(Parsed::Day(d)) => Some(d.to_string()),
            _ => None,
        };
        assert_eq!(day("20240304").as_deref(), Some("2024-03-04"));
        assert_eq!(day("20241304"), None);
        assert_eq!(day("12345678"), None);
    }

    #[test]
    fn a_url_gives_a_day_in_numbers_or_with_the_months_name() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(from_url("/2019/11/19/story.html"), d(2019, 11, 19));
        assert_eq!(
            from_url("/blog/2023/october/03/wine-types/"),
            d(2023, 10, 3)
        );
        assert_eq!(from_url("/2023/sept/03/x"), d(2023, 9, 3));
        assert_eq!(from_url("/2023/notamonth/03/x"), None);
        assert_eq!(from_url("/news/12345/x"), None);
        // Without separators: a folder or the start of a slug, not a longer number.
        assert_eq!(from_url("/20231114/sovet-123.html"), d(2023, 11, 14));
        assert_eq!(from_url("/en/europe/20231114-council"), d(2023, 11, 14));
        assert_eq!(from_url("/columnists/201911181077343476-royal/"), None);
        assert_eq!(from_url("/libro-201008012"), None);
        assert_eq!(from_url("/item/20231345/x"), None);
    }

    #[test]
    fn dates_and_times_in_more_languages_and_scripts() {
        let ctx = DateCtx {
            fetched_at: None,
            day_first: true,
        };
        let naive = |s: &str| match parse(s, &ctx, None) {
            Some(Parsed::Naive(n)) => Some(n.to_string()),
            _ => None,
        };
        for s in [
            "20 ноября 2019, 14:35",
            "20 ноября 2019 г. в 14:35",
            "20 листопада 2019, 14:35",
            "20 listopada 2019, 14:35",
            "20. listopadu 2019 14:35",
            "20 Kasım 2019 14:35",
            "20 Νοεμβρίου 2019, 14:35",
            "2019年11月20日 14:35",
            "2019年11月20日 午後2時35分",
            "2019년 11월 20일 오후 2:35",
            "2019. 11. 20. 14:35",
            "20 Tháng 11, 2019 14:35",
            "20 noiembrie 2019, ora 14:35",
            "الأربعاء، 20 نوفمبر 2019، 14:35",
            "20 تشرين/نوفمبر 2019 14:35",
            "20 नवंबर 2019, 14:35",
            "20. marraskuuta 2019 klo 14.35",
            "20. novembra 2019 o 14:35",
            "20. studenoga 2019. u 14:35",
            "20 ноември 2019, 14:35",
            "20. novembar 2019. 14:35",
            "2019. november 20. 14:35",
            "20-11-2019 14:35",
            "20. 11. 2019 14:35",
        ] {
            assert_eq!(naive(s).as_deref(), Some("2019-11-20 14:35:00"), "{s}");
        }
        assert_eq!(
            naive("2019年11月20日 午前9時05分").as_deref(),
            Some("2019-11-20 09:05:00")
        );
    }

    #[test]
    fn two_digit_years_only_where_the_text_is_a_date() {
        let day = |s: &str| find_day(s).map(|(d, _)| d.to_string());
        assert_eq!(day("Nov 14 '23").as_deref(), Some("2023-11-14"));
        assert_eq!(
            day("Posted Nov. 14, ’23 at 3:45 PM").as_deref(),
            Some("2023-11-14")
        );
        assert_eq!(day("11/14/23").as_deref(), Some("2023-11-14"));
        assert_eq!(
            day("Posted on 11/14/23 at 3:45 pm").as_deref(),
            Some("2023-11-14")
        );
        assert_eq!(
            day("Veröffentlicht am 1.9.17").as_deref(),
            Some("2017-09-01")
        );
        assert_eq!(day("Published: 05/06/99").as_deref(), Some("1999-05-06"));
        assert_eq!(
            day("by Jane Doe - 11/14/23 3:45 PM ET").as_deref(),
            Some("2023-11-14")
        );
        assert_eq!(
            find_day_in("05/06/24 14:30", true)
                .map(|(d, _)| d.to_string())
                .as_deref(),
            Some("2024-06-05")
        );
        // Version numbers, scores and ranges are not days.
        assert_eq!(day("Firefox 1.9.17 fixes the crash"), None);
        assert_eq!(day("The vote was 11/14/23 in favour of the motion"), None);
        assert_eq!(day("See pages 1.2.33 to 1.2.40"), None);
        assert_eq!(day("Version 10.10.10"), None);
        assert_eq!(day("Published 1.9.17 of the rules, amended"), None);
        assert_eq!(day("13/13/23"), None);
    }

    #[test]
    fn days_in_other_languages() {
        let day = |s: &str| find_day(s).map(|(d, _)| d.to_string());
        assert_eq!(
            day("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00").as_deref(),
            Some("2013-08-28")
        );
        assert_eq!(
            day("Veröffentlicht am 8. Juli 2025, 09:05 Uhr").as_deref(),
            Some("2025-07-08")
        );
        assert_eq!(
            day("Publié le 3 mars 2025 à 10h").as_deref(),
            Some("2025-03-03")
        );
        let at = |s: &str| {
            parse(s, &DateCtx::default(), Some(chrono_tz::Europe::Paris))
                .map(|p| p.resolve(None, None).to_string())
        };
        assert_eq!(
            at("Publié le 3 mars 2025 à 10h05").as_deref(),
            Some("2025-03-03T10:05:00+01:00")
        );
        assert_eq!(
            at("Veröffentlicht am 8. Juli 2025, 09:05 Uhr").as_deref(),
            Some("2025-07-08T09:05:00+02:00")
        );
        assert_eq!(
            day("Publicado el 8 de julio de 2025").as_deref(),
            Some("2025-07-08")
        );
        assert_eq!(
            day("Atualizado em 1º de março de 2024").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            day("Pubblicato il 12 dicembre 2023").as_deref(),
            Some("2023-12-12")
        );
        assert_eq!(
            day("Gepubliceerd op 5 mei 2022").as_deref(),
            Some("2022-05-05")
        );
        assert_eq!(day("8. Okt. 2025").as_deref(), Some("2025-10-08"));
        assert_eq!(day("2025. március 5.").as_deref(), Some("2025-03-05"));
        // "listopada" is November in Polish (October in Croatian): Polish is read.
        assert_eq!(day("5 listopada 2025").as_deref(), Some("2025-11-05"));
        // Dashes only where the order is plain.
        assert_eq!(day("11-18-2019").as_deref(), Some("2019-11-18"));
        assert_eq!(day("18-11-2019").as_deref(), Some("2019-11-18"));
        assert_eq!(day("02-12-2025"), None);
        assert_eq!(day("2019-31-12"), None);
        // English stays as it was.
        assert_eq!(
            day("Posted on the 8th of July, 2025").as_deref(),
            Some("2025-07-08")
        );
        assert_eq!(day("July 8, 2025").as_deref(), Some("2025-07-08"));
    }

    #[test]
    fn the_source_gives_the_offset_of_the_same_wall_time() {
        let n = NaiveDate::from_ymd_opt(2019, 11, 19)
            .and_then(|d| d.and_hms_opt(18, 18, 25))
            .expect("valid");
        let off = |s: &str| offset_in_source(s, n).map(|o| o.local_minus_utc());
        assert_eq!(off(r#""t":"2019-11-19T18:18:25.8-08:00""#), Some(-8 * 3600));
        assert_eq!(
            off(r#""t":"2019-11-19T18:18:25+0530""#),
            Some(5 * 3600 + 1800)
        );
        assert_eq!(off(r#""t":"2019-11-19T18:18:25Z""#), Some(0));
        // Other seconds, no offset, or another minute: not the same moment.
        assert_eq!(off(r#""t":"2019-11-19T18:18:59-08:00""#), None);
        assert_eq!(off(r#""t":"2019-11-19T18:18:25""#), None);
        assert_eq!(off(r#""t":"2019-11-19T18:19:25-08:00""#), None);
    }

    use super::*;
    use chrono_tz::America;

    fn p(s: &str) -> Option<String> {
        parse(s, &DateCtx::default(), None).map(|p| match p {
            Parsed::Instant(t) => t.to_rfc3339(),
            Parsed::Naive(n) => format!("naive {n}"),
            Parsed::Day(d) => d.to_string(),
        })
    }

    fn pt(s: &str, tz: Tz) -> Option<String> {
        parse(s, &DateCtx::default(), Some(tz)).map(|p| p.resolve(None, None).to_string())
    }

    #[test]
    fn an_iso_day_inside_text_is_found() {
        fn d(s: &str) -> Option<(String, &str)> {
            find_day(s).map(|(d, span)| (d.to_string(), &s[span.0..span.1]))
        }
        assert_eq!(
            d("Published 2024-11-06 in Guides"),
            Some(("2024-11-06".to_string(), "2024-11-06"))
        );
        assert_eq!(d("Order 12024-11-06-7"), None);
        assert_eq!(d("2024-13-06"), None);
    }

    #[test]
    fn iso_8601_variants() {
        assert_eq!(
            p("2024-08-28T10:00:00Z").as_deref(),
            Some("2024-08-28T10:00:00+00:00")
        );
        assert_eq!(
            p("2024-08-28T10:00:00+0000").as_deref(),
            Some("2024-08-28T10:00:00+00:00")
        );
        assert_eq!(
            p("2024-08-28T10:00:00-0400").as_deref(),
            Some("2024-08-28T10:00:00-04:00")
        );
        assert_eq!(
            p("2024-08-28T10:00:00.123-04:00").as_deref(),
            Some("2024-08-28T10:00:00-04:00")
        );
        assert_eq!(
            p("2024-08-28 10:00:00 +05:30").as_deref(),
            Some("2024-08-28T10:00:00+05:30")
        );
        assert_eq!(
            p("2024-08-28T10:00+02").as_deref(),
            Some("2024-08-28T10:00:00+02:00")
        );
        assert_eq!(
            p("2024-08-28 10:00 EDT").as_deref(),
            Some("2024-08-28T10:00:00-04:00")
        );
        assert_eq!(
            p("2024-08-28T10:00:00").as_deref(),
            Some("naive 2024-08-28 10:00:00")
        );
        assert_eq!(p("2024-08-28").as_deref(), Some("2024-08-28"));
        assert_eq!(p("2024-13-28"), None);
    }

    #[test]
    fn rfc_2822() {
        assert_eq!(
            p("Wed, 28 Aug 2024 10:00:00 +0000").as_deref(),
            Some("2024-08-28T10:00:00+00:00")
        );
        assert_eq!(
            p("Wed, 28 Aug 2024 10:00:00 EDT").as_deref(),
            Some("2024-08-28T10:00:00-04:00")
        );
        assert_eq!(
            p("Wed, 28 Aug 2024 10:00:00 GMT").as_deref(),
            Some("2024-08-28T10:00:00+00:00")
        );
    }

    #[test]
    fn site_formats_in_named_zones_with_dst() {
        // Winter: EST (-05:00).
        assert_eq!(
            pt("January 15, 2026 - 04:00", America::Toronto).as_deref(),
            Some("2026-01-15T04:00:00-05:00")
        );
        // Summer: EDT (-04:00).
        assert_eq!(
            pt("July 1, 2025 - 13:30", America::Toronto).as_deref(),
            Some("2025-07-01T13:30:00-04:00")
        );
        // The day after DST starts (2025-03-09) and the day before it ends (2025-11-02).
        assert_eq!(
            pt("March 10, 2025 - 09:00", America::Toronto).as_deref(),
            Some("2025-03-10T09:00:00-04:00")
        );
        assert_eq!(
            pt("March 8, 2025 - 09:00", America::Toronto).as_deref(),
            Some("2025-03-08T09:00:00-05:00")
        );
        assert_eq!(
            pt("November 1, 2025 - 23:59", America::Toronto).as_deref(),
            Some("2025-11-01T23:59:00-04:00")
        );
        assert_eq!(
            pt("November 3, 2025 - 00:01", America::Toronto).as_deref(),
            Some("2025-11-03T00:01:00-05:00")
        );
        // In the spring gap 02:30 does not exist: moved forward an hour.
        assert_eq!(
            pt("March 9, 2025 - 02:30", America::Toronto).as_deref(),
            Some("2025-03-09T03:30:00-04:00")
        );
        // In the autumn overlap 01:30 happens twice: the first one.
        assert_eq!(
            pt("November 2, 2025 - 01:30", America::Toronto).as_deref(),
            Some("2025-11-02T01:30:00-04:00")
        );
    }

    #[test]
    fn us_newspaper_formats() {
        assert_eq!(
            p("Aug. 28, 2024 10:00 a.m. ET").as_deref(),
            Some("2024-08-28T10:00:00-04:00")
        );
        assert_eq!(
            p("Dec. 2, 2024 3:15 p.m. ET").as_deref(),
            Some("2024-12-02T15:15:00-05:00")
        );
        assert_eq!(
            p("Updated 12:05 PM EST, Mon January 6, 2025").as_deref(),
            Some("2025-01-06T12:05:00-05:00")
        );
        assert_eq!(
            p("Published 28 August 2024, 14:05 BST").as_deref(),
            Some("2024-08-28T14:05:00+01:00")
        );
        assert_eq!(
            p("Posted: March 3rd, 2023 at 9:30 pm PT").as_deref(),
            Some("2023-03-03T21:30:00-08:00")
        );
        assert_eq!(
            p("Sept. 5, 2024, 6:00 AM (GMT+2)").as_deref(),
            Some("2024-09-05T06:00:00+02:00")
        );
    }

    #[test]
    fn day_only_never_invents_a_time() {
        assert_eq!(p("January 15, 2026").as_deref(), Some("2026-01-15"));
        assert_eq!(p("15 January 2026").as_deref(), Some("2026-01-15"));
        assert_eq!(p("Published on 03/04/2024").as_deref(), Some("2024-03-04"));
        assert_eq!(p("28.08.2024").as_deref(), Some("2024-08-28"));
        assert_eq!(p("2024/08/28").as_deref(), Some("2024-08-28"));
        assert_eq!(p("no date here"), None);
    }

    #[test]
    fn relative_times_against_fetch_time() {
        let now = Utc
            .with_ymd_and_hms(2026, 1, 15, 12, 0, 0)
            .single()
            .expect("valid");
        let ctx = DateCtx {
            fetched_at: Some(now),
            day_first: false,
        };
        let r = |s: &str| parse(s, &ctx, None).map(|p| p.resolve(None, None).to_string());
        assert_eq!(
            r("3 hours ago").as_deref(),
            Some("2026-01-15T09:00:00+00:00")
        );
        assert_eq!(
            r("Updated 45 mins ago").as_deref(),
            Some("2026-01-15T11:15:00+00:00")
        );
        assert_eq!(r("2 days ago").as_deref(), Some("2026-01-13"));
        // A dateline then its revision: the dateline's time.
        assert_eq!(
            r("January 14, 2026 / 3:45 PM EST / Updated 2 hours ago").as_deref(),
            Some("2026-01-14T15:45:00-05:00")
        );
        assert_eq!(r("yesterday").as_deref(), Some("2026-01-14"));
        // With a time, in the site's zone: New York's day, not UTC's.
        let at = |s: &str, now: chrono::DateTime<Utc>| {
            let ctx = DateCtx {
                fetched_at: Some(now),
                day_first: false,
            };
            parse(s, &ctx, Some(chrono_tz::America::New_York))
                .map(|p| p.resolve(None, None).to_string())
        };
        assert_eq!(
            at("Yesterday at 3:45 PM", now).as_deref(),
            Some("2026-01-14T15:45:00-05:00")
        );
        let late = Utc
            .with_ymd_and_hms(2026, 1, 16, 2, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(
            at("Today, 9:05 PM", late).as_deref(),
            Some("2026-01-15T21:05:00-05:00")
        );
        // "Today" with no time is no date.
        assert_eq!(at("Today", late), None);
        // Without a zone, "Today, 09:30" is the fetch day, not an invented instant.
        assert_eq!(r("Today, 09:30").as_deref(), Some("2026-01-15"));
        assert_eq!(
            r("Updated yesterday at 3:45 PM").as_deref(),
            Some("2026-01-14")
        );
        let berlin = |s: &str| {
            parse(s, &ctx, Some(chrono_tz::Europe::Berlin))
                .map(|p| p.resolve(None, None).to_string())
        };
        assert_eq!(
            berlin("Heute, 09:30 Uhr").as_deref(),
            Some("2026-01-15T09:30:00+01:00")
        );
        assert_eq!(
            berlin("hier à 15h30").as_deref(),
            Some("2026-01-14T15:30:00+01:00")
        );
        assert_eq!(relative_day("Hier ist die Lage"), None);
        assert_eq!(relative_day("Today in history: March 4, 2024"), None);
        // Other languages.
        for (s, want) in [
            ("vor 3 Stunden", "2026-01-15T09:00:00+00:00"),
            ("il y a 45 minutes", "2026-01-15T11:15:00+00:00"),
            ("hace una hora", "2026-01-15T11:00:00+00:00"),
            ("há 2 dias", "2026-01-13"),
            ("3 ore fa", "2026-01-15T09:00:00+00:00"),
            ("vor einer Woche", "2026-01-08"),
            ("il y a 2 mois", "2025-11-16"),
            ("2 uur geleden", "2026-01-15T10:00:00+00:00"),
            ("15 минут назад", "2026-01-15T11:45:00+00:00"),
            ("2 часа назад", "2026-01-15T10:00:00+00:00"),
            ("3 gün önce", "2026-01-12"),
            ("2 saat önce", "2026-01-15T10:00:00+00:00"),
            ("5 godzin temu", "2026-01-15T07:00:00+00:00"),
            ("för 2 timmar sedan", "2026-01-15T10:00:00+00:00"),
            ("1 week geleden", "2026-01-08"),
        ] {
            assert_eq!(r(s).as_deref(), Some(want), "{s}");
        }
        // Without a fetch time there is nothing to count back from.
        assert_eq!(p("3 hours ago"), None);
    }

    #[test]
    fn naive_times_take_a_zone_when_known() {
        let n = parse("2024-01-10T08:00:00", &DateCtx::default(), None).expect("parses");
        assert_eq!(
            n.resolve(None, FixedOffset::east_opt(3600)).to_string(),
            "2024-01-10T08:00:00+01:00"
        );
        assert_eq!(
            n.resolve(None, None).to_string(),
            "2024-01-10T08:00:00+00:00"
        );
        assert_eq!(
            n.resolve(Some(America::New_York), None).to_string(),
            "2024-01-10T08:00:00-05:00"
        );
    }

    #[test]
    fn epoch_and_url_dates() {
        assert_eq!(
            p("1724839200").as_deref(),
            Some("2024-08-28T10:00:00+00:00")
        );
        assert_eq!(
            from_url("/2024/08/28/some-story/"),
            NaiveDate::from_ymd_opt(2024, 8, 28)
        );
        assert_eq!(
            from_url("/news/2024-08-28-story"),
            NaiveDate::from_ymd_opt(2024, 8, 28)
        );
        assert_eq!(from_url("/news/story-123"), None);
    }
}
