//! `newsflow parse`: run the extractor on files.
//!
//! - `newsflow parse [--url URL] FILE` prints the article as pretty JSON (FILE may be gzipped).
//! - `newsflow parse --manifest LIST.jsonl` reads lines `{"path": ..., "url": ...}` (paths
//!   relative to the manifest's directory) and prints one line per page, in order:
//!   `{"path": ..., "article": {...}}` or `{"path": ..., "error": {"kind": ..., "message": ...}}`.
//!
//! A page that is not an article (a listing, an index, an error page) is reported as an error
//! of kind `not_article` whose message is the reason; `--full` prints the whole extraction
//! instead (article or not, with any newswire items).

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use newsflow_extract::{PageContent, PageInput};
use serde_json::{Value, json};

#[derive(clap::Args)]
pub struct ParseArgs {
    /// An HTML file (may be gzipped)
    pub file: Option<PathBuf>,
    /// The page's URL (default: a file:// URL of FILE)
    #[arg(long)]
    pub url: Option<String>,
    /// A JSON-lines manifest of pages: {"path": ..., "url": ...} per line
    #[arg(long, conflicts_with = "file")]
    pub manifest: Option<PathBuf>,
    /// The HTTP Content-Type the page was served with
    #[arg(long)]
    pub content_type: Option<String>,
    /// When the page was fetched (RFC 3339), for relative times like "3 hours ago"
    #[arg(long)]
    pub fetched_at: Option<String>,
    /// Print the whole extraction result (kind, article, newswire items)
    #[arg(long)]
    pub full: bool,
}

/// Read a file, gunzipping it when it is gzip data.
pub fn read_page(path: &Path) -> anyhow::Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        // The gzip trailer's size (modulo 4 GiB) sizes the buffer for one pass.
        let trailer = raw
            .len()
            .checked_sub(4)
            .and_then(|at| raw.get(at..))
            .and_then(|t| <[u8; 4]>::try_from(t).ok())
            .map_or(0, |t| u32::from_le_bytes(t) as usize);
        let mut out = Vec::with_capacity(trailer.clamp(raw.len() * 4, 64 << 20) + 64);
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("gunzipping {}", path.display()))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

fn file_url(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("file://{}", abs.display())
}

fn error_json(kind: &str, message: &str) -> Value {
    json!({ "kind": kind, "message": message })
}

/// The outcome of one page as JSON: `("article", {...})` or `("error", {...})`.
fn outcome(
    path: &Path,
    url: Option<&str>,
    args: &ParseArgs,
    fetched_at: Option<chrono::DateTime<chrono::Utc>>,
) -> (&'static str, Value) {
    let body = match read_page(path) {
        Ok(b) => b,
        Err(e) => return ("error", error_json("io", &format!("{e:#}"))),
    };
    let url = url.map(str::to_string).unwrap_or_else(|| file_url(path));
    // At warn level, so the page is named in the warnings `newsflow parse` prints.
    let _page = tracing::warn_span!("page", path = %path.display(), %url).entered();
    let input = PageInput {
        body: &body,
        url: &url,
        content_type: args.content_type.as_deref(),
        fetched_at,
    };
    // A page the extractor panics on is that page's error, not the end of a manifest.
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        newsflow_extract::extract(&input)
    }));
    let Ok(extracted) = extracted else {
        return (
            "error",
            error_json("panic", "the extractor panicked on this page"),
        );
    };
    match extracted {
        Ok(pc) if args.full => ("result", serde_json::to_value(&pc).unwrap_or(Value::Null)),
        Ok(PageContent::Article { article, .. }) => (
            "article",
            serde_json::to_value(&article).unwrap_or(Value::Null),
        ),
        Ok(PageContent::NotArticle { reason, .. }) => ("error", error_json("not_article", &reason)),
        Err(e) => ("error", error_json(e.kind(), &e.to_string())),
    }
}

pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let fetched_at = args
        .fetched_at
        .as_deref()
        .map(|s| {
            chrono::DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&chrono::Utc))
                .with_context(|| format!("--fetched-at {s:?} is not RFC 3339"))
        })
        .transpose()?;
    if let Some(manifest) = &args.manifest {
        return run_manifest(manifest, &args, fetched_at);
    }
    let Some(file) = &args.file else {
        anyhow::bail!("give a FILE or --manifest LIST.jsonl");
    };
    let (key, value) = outcome(file, args.url.as_deref(), &args, fetched_at);
    let mut out = std::io::stdout().lock();
    if key == "error" {
        serde_json::to_writer_pretty(&mut out, &json!({ "error": value }))?;
        writeln!(out)?;
        return Ok(ExitCode::FAILURE);
    }
    serde_json::to_writer_pretty(&mut out, &value)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

fn run_manifest(
    manifest: &Path,
    args: &ParseArgs,
    fetched_at: Option<chrono::DateTime<chrono::Utc>>,
) -> anyhow::Result<ExitCode> {
    let f = std::fs::File::open(manifest)
        .with_context(|| format!("opening manifest {}", manifest.display()))?;
    let dir = manifest.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                let v = json!({ "path": null, "line": n + 1, "error": error_json("bad_manifest_line", &e.to_string()) });
                writeln!(out, "{v}")?;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let entry: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                let v = json!({ "path": null, "line": n + 1, "error": error_json("bad_manifest_line", &e.to_string()) });
                writeln!(out, "{v}")?;
                continue;
            }
        };
        let Some(path) = entry.get("path").and_then(Value::as_str) else {
            let v = json!({ "path": null, "line": n + 1, "error": error_json("bad_manifest_line", "no \"path\" string") });
            writeln!(out, "{v}")?;
            continue;
        };
        let url = entry.get("url").and_then(Value::as_str);
        let full = if Path::new(path).is_absolute() {
            PathBuf::from(path)
        } else {
            dir.join(path)
        };
        let (key, value) = outcome(&full, url, args, fetched_at);
        // "path" first, as the manifest format reads.
        writeln!(
            out,
            "{{\"path\":{},\"{key}\":{value}}}",
            Value::String(path.to_string())
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
