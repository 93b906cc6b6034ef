//! `newsflow eval`: score the extractor on a corpus directory with human answers, as
//! `shared/corpus/README.md` describes.
//!
//! Layouts: wcxb (`html/NNNN.html.gz` + `ground-truth/NNNN.json`) and aeb
//! (`html/<id>.html.gz` + `ground-truth.json`).
//!
//! Measures:
//! - body: bag-of-words F1 per page (lower-cased `\w+` tokens, multiset overlap), averaged;
//!   and 4-word shingle precision/recall averaged over pages, F1 from the two averages;
//! - title: exact after NFKC, lower-casing, dropping quote characters, folding white space;
//! - authors: the expected string is split into names (`,` `;` `|` `&` "and"; credentials
//!   such as "MS, RD" and role tails such as "Staff Writer" are not names); "exact" is the
//!   same set, "any" one right name, "spurious" naming anyone where none is expected;
//! - date: a day answer needs the same day; an instant answer needs the same minute;
//! - speed: reading + extraction time per page (ms), and the slowest page.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;
use std::time::Instant;

use anyhow::Context;
use newsflow_extract::{PageContent, PageInput, PubTime};
use regex::Regex;
use serde_json::{Value, json};
use unicode_normalization::UnicodeNormalization;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Corpus directory
    pub dir: std::path::PathBuf,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
    /// Print per-page differences for failing fields to stderr (body, title, authors, date or all)
    #[arg(long, value_name = "FIELD")]
    pub debug: Option<String>,
    /// Only pages whose id contains this
    #[arg(long)]
    pub only: Option<String>,
    /// Body F1 under which a page's body counts as failing in --debug output
    #[arg(long, default_value_t = 0.9)]
    pub body_threshold: f64,
    /// Answers to use instead of the corpus's own: a JSON object of page id to
    /// `{"published": "2019-11-19T08:03:00-05:00" | "2019-11-19" | null, "title": "...",
    /// "authors": ["..."]}`, each field optional (see `eval/`); pages it does not list are
    /// left out
    #[arg(long, value_name = "FILE", alias = "dates")]
    pub answers: Option<PathBuf>,
}

/// Answers for one page from an `--answers` file; a field that is absent keeps the corpus's.
#[derive(Debug, Default, PartialEq)]
struct Override {
    /// `Some(None)`: the page gives no publication time.
    published: Option<Option<String>>,
    title: Option<String>,
    authors: Option<Vec<String>>,
}

fn load_answers(path: &Path) -> anyhow::Result<HashMap<String, Override>> {
    let v: Value = serde_json::from_slice(
        &std::fs::read(path).with_context(|| format!("reading {}", path.display()))?,
    )
    .with_context(|| format!("parsing {}", path.display()))?;
    let Value::Object(m) = v else {
        anyhow::bail!("{} is not an object of page ids", path.display());
    };
    let mut out = HashMap::new();
    for (id, e) in m {
        let Value::Object(o) = e else {
            anyhow::bail!("{}: the answer for {id} is not an object", path.display());
        };
        let authors = match o.get("authors") {
            None => None,
            Some(Value::Array(a)) => Some(
                a.iter()
                    .map(|x| {
                        x.as_str().map(str::to_string).with_context(|| {
                            format!("{}: an author of {id} is not a string", path.display())
                        })
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?,
            ),
            Some(_) => anyhow::bail!("{}: authors of {id} is not a list", path.display()),
        };
        out.insert(
            id,
            Override {
                published: o.get("published").map(|p| p.as_str().map(str::to_string)),
                title: o.get("title").and_then(Value::as_str).map(str::to_string),
                authors,
            },
        );
    }
    Ok(out)
}

/// One page of a corpus with its answers.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    pub id: String,
    pub html: PathBuf,
    pub url: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub body: Option<String>,
    /// Authors as a list (from an `--answers` file), instead of `author`'s one string.
    pub authors: Option<Vec<String>>,
}

fn load(dir: &Path) -> anyhow::Result<Vec<Truth>> {
    let mut out = Vec::new();
    let single = dir.join("ground-truth.json");
    if single.is_file() {
        let v: Value = serde_json::from_slice(&std::fs::read(&single)?)
            .with_context(|| format!("parsing {}", single.display()))?;
        let Value::Object(m) = v else {
            anyhow::bail!("{} is not an object", single.display());
        };
        for (id, e) in m {
            out.push(Truth {
                html: dir.join("html").join(format!("{id}.html.gz")),
                url: e
                    .get("url")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                body: e
                    .get("articleBody")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                id,
                ..Truth::default()
            });
        }
    } else {
        let gt = dir.join("ground-truth");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&gt)
            .with_context(|| format!("reading {} (neither layout found)", gt.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for f in files {
            let v: Value = serde_json::from_slice(&std::fs::read(&f)?)
                .with_context(|| format!("parsing {}", f.display()))?;
            let id = f
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let g = v.get("ground_truth").cloned().unwrap_or(Value::Null);
            let s = |k: &str| {
                g.get(k)
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .filter(|x| !x.trim().is_empty())
            };
            out.push(Truth {
                html: dir.join("html").join(format!("{id}.html.gz")),
                url: v
                    .get("url")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                title: s("title"),
                author: s("author"),
                date: s("publish_date"),
                body: s("main_content"),
                id,
                authors: None,
            });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// Lower-cased `\w+` tokens.
pub fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn counts<T: std::hash::Hash + Eq>(items: impl IntoIterator<Item = T>) -> HashMap<T, usize> {
    let mut m = HashMap::new();
    for i in items {
        *m.entry(i).or_insert(0) += 1;
    }
    m
}

fn overlap<T: std::hash::Hash + Eq>(a: &HashMap<T, usize>, b: &HashMap<T, usize>) -> usize {
    a.iter()
        .map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0)))
        .sum()
}

/// Precision and recall of `pred` against `truth` as multisets. Both empty: (1, 1).
fn pr<T: std::hash::Hash + Eq>(pred: Vec<T>, truth: Vec<T>) -> (f64, f64) {
    if pred.is_empty() && truth.is_empty() {
        return (1.0, 1.0);
    }
    if pred.is_empty() || truth.is_empty() {
        return (0.0, 0.0);
    }
    let (np, nt) = (pred.len() as f64, truth.len() as f64);
    let common = overlap(&counts(pred), &counts(truth)) as f64;
    (common / np, common / nt)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Bag-of-words F1 of a predicted body against the answer.
pub fn bow_f1(pred: &str, truth: &str) -> f64 {
    let (p, r) = pr(tokens(pred), tokens(truth));
    f1(p, r)
}

/// 4-word shingle precision and recall.
pub fn shingle_pr(pred: &str, truth: &str) -> (f64, f64) {
    let sh = |s: &str| {
        let t = tokens(s);
        if t.len() < 4 {
            if t.is_empty() {
                Vec::new()
            } else {
                vec![t.join(" ")]
            }
        } else {
            t.windows(4).map(|w| w.join(" ")).collect()
        }
    };
    pr(sh(pred), sh(truth))
}

const QUOTES: &[char] = &[
    '"', '\'', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '«', '»', '‹', '›', '`', '´', '″', '′',
];

/// NFKC, lower case, no quote characters, white space folded.
pub fn norm_text(s: &str) -> String {
    let n: String = s.nfkc().collect::<String>().to_lowercase();
    let n: String = n.chars().filter(|c| !QUOTES.contains(c)).collect();
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

static CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[A-Z][A-Za-z]{0,3}\.?){1,4}[®™]?|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|[A-Z-]{2,8}(?:\s?\d{1,3})?(?:\s\(.*\))?)$")
        .expect("valid regex")
});
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:writer|reporter|editor|correspondent|contributor|columnist|expert|director|dietitian|ceo|founder|representative|specialist|manager|analyst|professor|producer|journalist)\b")
        .expect("valid regex")
});
static NAME_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:;|\||,|&|\band\b)\s*").expect("valid regex"));

/// The expected author string as a set of normalised names.
pub fn expected_authors(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, part) in NAME_SPLIT.split(s).enumerate() {
        let p = part.trim();
        if p.is_empty() || (i > 0 && (CREDENTIAL.is_match(p) || ROLE.is_match(p))) {
            continue;
        }
        let n = norm_text(p);
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Whether a predicted time matches the answer: a day needs the same day, an instant the
/// same minute (a bare day is then wrong).
pub fn date_matches(pred: Option<&PubTime>, truth: &str) -> bool {
    let Some(pred) = pred else {
        return false;
    };
    let Ok(t) = truth.trim().parse::<PubTime>() else {
        return false;
    };
    match t {
        PubTime::Day(d) => pred.day() == d,
        PubTime::Instant(ti) => match pred {
            PubTime::Instant(p) => (p.timestamp() - ti.timestamp()).abs() < 60,
            PubTime::Day(_) => false,
        },
    }
}

#[derive(Default)]
struct Acc {
    n: usize,
    body_f1: f64,
    body_n: usize,
    sh_p: f64,
    sh_r: f64,
    title_ok: usize,
    title_n: usize,
    auth_exact_all: usize,
    auth_exact_named: usize,
    auth_any: usize,
    auth_named: usize,
    auth_spurious: usize,
    auth_unnamed: usize,
    date_ok: usize,
    date_n: usize,
    not_article: usize,
    errors: usize,
    ms_total: f64,
    worst_ms: f64,
    worst_id: String,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let mut pages = load(&args.dir)?;
    if let Some(f) = &args.answers {
        let answers = load_answers(f)?;
        pages.retain(|p| answers.contains_key(&p.id));
        for p in &mut pages {
            let Some(o) = answers.get(&p.id) else {
                continue;
            };
            if let Some(d) = &o.published {
                p.date = d.clone();
            }
            if let Some(t) = &o.title {
                p.title = Some(t.clone());
            }
            if let Some(a) = &o.authors {
                p.authors = Some(a.clone());
            }
        }
    }
    let pages: Vec<Truth> = pages
        .into_iter()
        .filter(|p| args.only.as_deref().is_none_or(|o| p.id.contains(o)))
        .collect();
    if pages.is_empty() {
        anyhow::bail!("no pages in {}", args.dir.display());
    }
    let dbg = |f: &str| {
        args.debug
            .as_deref()
            .is_some_and(|d| d == "all" || d.split(',').any(|x| x == f))
    };
    let mut a = Acc::default();
    let wall = Instant::now();
    for p in &pages {
        a.n += 1;
        let t0 = Instant::now();
        let res = crate::parse::read_page(&p.html).map(|body| {
            newsflow_extract::extract(&PageInput {
                body: &body,
                url: &p.url,
                content_type: None,
                fetched_at: None,
            })
        });
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        a.ms_total += ms;
        if ms > a.worst_ms {
            a.worst_ms = ms;
            a.worst_id = p.id.clone();
        }
        let article = match res {
            Ok(Ok(PageContent::Article { article, .. })) => Some(article),
            Ok(Ok(PageContent::NotArticle { reason, .. })) => {
                a.not_article += 1;
                if args.debug.is_some() {
                    eprintln!("[{}] NOT ARTICLE: {reason}", p.id);
                }
                None
            }
            Ok(Err(e)) => {
                a.errors += 1;
                eprintln!("[{}] error: {e}", p.id);
                None
            }
            Err(e) => {
                a.errors += 1;
                eprintln!("[{}] error: {e:#}", p.id);
                None
            }
        };
        let empty = newsflow_extract::Article::default();
        let art = article.as_ref().unwrap_or(&empty);
        if let Some(tb) = &p.body {
            let f = bow_f1(&art.body, tb);
            let (sp, sr) = shingle_pr(&art.body, tb);
            a.body_f1 += f;
            a.sh_p += sp;
            a.sh_r += sr;
            a.body_n += 1;
            if dbg("body") && f < args.body_threshold {
                let (bp, br) = pr(tokens(&art.body), tokens(tb));
                eprintln!(
                    "[{}] BODY f1={f:.3} p={bp:.3} r={br:.3} got {} chars, want {} chars  {}\n  got:  {:?}\n  want: {:?}",
                    p.id,
                    art.body.len(),
                    tb.len(),
                    p.url,
                    art.body.chars().take(300).collect::<String>(),
                    tb.chars().take(300).collect::<String>()
                );
            }
        }
        if let Some(tt) = &p.title {
            a.title_n += 1;
            let ok = art
                .title
                .as_deref()
                .is_some_and(|t| norm_text(t) == norm_text(tt));
            if ok {
                a.title_ok += 1;
            } else if dbg("title") {
                eprintln!(
                    "[{}] TITLE got {:?} want {:?}  {}",
                    p.id, art.title, tt, p.url
                );
            }
        }
        // Authors (wcxb only: aeb has no author answers).
        if p.title.is_some() || p.author.is_some() || p.authors.is_some() {
            let want = match &p.authors {
                Some(list) => list.iter().map(|x| norm_text(x)).collect(),
                None => p
                    .author
                    .as_deref()
                    .map(expected_authors)
                    .unwrap_or_default(),
            };
            let got: Vec<String> = {
                let mut v: Vec<String> = art.authors.iter().map(|x| norm_text(x)).collect();
                v.dedup();
                v
            };
            let same = {
                let mut w = want.clone();
                let mut g = got.clone();
                w.sort();
                w.dedup();
                g.sort();
                g.dedup();
                w == g
            };
            if same {
                a.auth_exact_all += 1;
            }
            if want.is_empty() {
                a.auth_unnamed += 1;
                if !got.is_empty() {
                    a.auth_spurious += 1;
                }
            } else {
                a.auth_named += 1;
                if same {
                    a.auth_exact_named += 1;
                }
                if got.iter().any(|g| want.contains(g)) {
                    a.auth_any += 1;
                }
            }
            if !same && dbg("authors") {
                eprintln!(
                    "[{}] AUTHORS got {:?} want {:?} ({:?})  {}",
                    p.id, got, want, p.author, p.url
                );
            }
        }
        if let Some(td) = &p.date {
            a.date_n += 1;
            if date_matches(art.published_at.as_ref(), td) {
                a.date_ok += 1;
            } else if dbg("date") {
                eprintln!(
                    "[{}] DATE got {:?} want {td}  {}",
                    p.id,
                    art.published_at.map(|t| t.to_string()),
                    p.url
                );
            }
        }
    }
    let wall_ms = wall.elapsed().as_secs_f64() * 1000.0;
    let div = |x: f64, n: usize| if n == 0 { f64::NAN } else { x / n as f64 };
    let sh_p = div(a.sh_p, a.body_n);
    let sh_r = div(a.sh_r, a.body_n);
    let summary = json!({
        "corpus": args.dir.display().to_string(),
        "pages": a.n,
        "body_f1": div(a.body_f1, a.body_n),
        "shingle_precision": sh_p,
        "shingle_recall": sh_r,
        "shingle_f1": f1(sh_p, sh_r),
        "title_exact": if a.title_n > 0 { Some(div(a.title_ok as f64, a.title_n)) } else { None },
        "title_pages": a.title_n,
        "authors_exact": if a.title_n > 0 || a.auth_named > 0 { Some(div(a.auth_exact_all as f64, a.auth_named + a.auth_unnamed)) } else { None },
        "authors_exact_named": if a.auth_named > 0 { Some(div(a.auth_exact_named as f64, a.auth_named)) } else { None },
        "authors_any": if a.auth_named > 0 { Some(div(a.auth_any as f64, a.auth_named)) } else { None },
        "authors_spurious": if a.auth_unnamed > 0 { Some(div(a.auth_spurious as f64, a.auth_unnamed)) } else { None },
        "authors_named_pages": a.auth_named,
        "date": if a.date_n > 0 { Some(div(a.date_ok as f64, a.date_n)) } else { None },
        "date_pages": a.date_n,
        "not_article": a.not_article,
        "errors": a.errors,
        "ms_per_page": div(a.ms_total, a.n),
        "wall_ms_per_page": div(wall_ms, a.n),
        "worst_page_ms": a.worst_ms,
        "worst_page": a.worst_id,
    });
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
        return Ok(ExitCode::SUCCESS);
    }
    let f = |k: &str| match summary.get(k).and_then(Value::as_f64) {
        Some(x) if x.is_finite() => format!("{x:.3}"),
        _ => "-".to_string(),
    };
    println!("corpus {} ({} pages)", args.dir.display(), a.n);
    println!("| metric | value | pages |");
    println!("|---|---|---|");
    println!(
        "| body F1 (bag of words) | {} | {} |",
        f("body_f1"),
        a.body_n
    );
    println!(
        "| shingle P / R / F1 | {} / {} / {} | {} |",
        f("shingle_precision"),
        f("shingle_recall"),
        f("shingle_f1"),
        a.body_n
    );
    println!("| title exact | {} | {} |", f("title_exact"), a.title_n);
    println!(
        "| authors exact (all pages) | {} | {} |",
        f("authors_exact"),
        a.auth_named + a.auth_unnamed
    );
    println!(
        "| authors exact (pages naming someone) | {} | {} |",
        f("authors_exact_named"),
        a.auth_named
    );
    println!("| authors any | {} | {} |", f("authors_any"), a.auth_named);
    println!(
        "| authors spurious | {} | {} |",
        f("authors_spurious"),
        a.auth_unnamed
    );
    println!("| date | {} | {} |", f("date"), a.date_n);
    println!(
        "| not article / errors | {} / {} | {} |",
        a.not_article, a.errors, a.n
    );
    println!(
        "| ms/page (read + extract) | {} | {} |",
        f("ms_per_page"),
        a.n
    );
    println!(
        "| worst page ms | {} ({}) | |",
        f("worst_page_ms"),
        a.worst_id
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_of_words() {
        assert!((bow_f1("The cat sat", "the cat sat") - 1.0).abs() < 1e-9);
        assert!((bow_f1("a b", "a b c d") - (2.0 * 1.0 * 0.5 / 1.5)).abs() < 1e-9);
        assert_eq!(bow_f1("", "a"), 0.0);
        assert_eq!(bow_f1("", ""), 1.0);
        // Multisets: repeated words count once each.
        let (p, r) = pr(tokens("a a a"), tokens("a b"));
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9);
    }

    #[test]
    fn shingles() {
        let (p, r) = shingle_pr("one two three four five", "one two three four six");
        assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9);
    }

    #[test]
    fn title_normalisation() {
        assert_eq!(
            norm_text("  “Hello”  World’s\u{a0}Ｆｉｎｅ "),
            "hello worlds fine"
        );
    }

    #[test]
    fn author_sets() {
        assert_eq!(
            expected_authors("Dylan Bailey, MS, RD, FAND"),
            ["dylan bailey"]
        );
        assert_eq!(
            expected_authors("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"),
            ["danielle desiato", "donna enzmann", "natalie nguyen"]
        );
        assert_eq!(expected_authors("Maria & Katerina"), ["maria", "katerina"]);
        assert_eq!(
            expected_authors("Genevieve Carlton, Ph.D."),
            ["genevieve carlton"]
        );
        assert_eq!(
            expected_authors("Mike Marshall, Shipping Expert"),
            ["mike marshall"]
        );
    }

    #[test]
    fn answers_file() {
        let dir = std::env::temp_dir().join(format!("newsflow-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let f = dir.join("answers.json");
        std::fs::write(
            &f,
            r#"{"a": {"published": "2019-11-19T08:03:00-05:00", "confident": true},
                "b": {"published": null, "title": "Council extends program",
                      "authors": ["Jane Doe", "John Roe"]}}"#,
        )
        .expect("write answers");
        let d = load_answers(&f).expect("valid answers");
        assert_eq!(
            d["a"],
            Override {
                published: Some(Some("2019-11-19T08:03:00-05:00".into())),
                ..Override::default()
            }
        );
        assert_eq!(
            d["b"],
            Override {
                published: Some(None),
                title: Some("Council extends program".into()),
                authors: Some(vec!["Jane Doe".into(), "John Roe".into()]),
            }
        );
        for bad in [
            "[1, 2]",
            r#"{"a": "2019-11-18"}"#,
            r#"{"a": {"authors": "Jane"}}"#,
        ] {
            std::fs::write(&f, bad).expect("write answers");
            assert!(load_answers(&f).is_err(), "{bad}");
        }
        std::fs::remove_dir_all(&dir).expect("clean up");
    }

    #[test]
    fn dates() {
        let day: PubTime = "2024-08-28".parse().expect("valid");
        let inst: PubTime = "2024-08-28T10:00:30-04:00".parse().expect("valid");
        assert!(date_matches(Some(&inst), "2024-08-28"));
        assert!(date_matches(Some(&day), "2024-08-28"));
        assert!(date_matches(Some(&inst), "2024-08-28T14:00:00+00:00"));
        assert!(!date_matches(Some(&day), "2024-08-28T14:00:00+00:00"));
        assert!(!date_matches(Some(&inst), "2024-08-28T14:02:00+00:00"));
        assert!(!date_matches(None, "2024-08-28"));
    }
}
