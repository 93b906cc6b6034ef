//! Throughput and worst case: the fixtures, optionally a corpus directory
//! (`NEWSFLOW_BENCH_CORPUS=/path/html`), and generated pathological pages.
//!
//! `cargo bench -p newsflow-extract --bench extract`

use std::io::Read;
use std::time::{Duration, Instant};

use newsflow_extract::{PageInput, extract};

type Pages = Vec<(String, Vec<u8>)>;

fn pages_from_dir(dir: &std::path::Path) -> Pages {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let Ok(raw) = std::fs::read(&p) else { continue };
        let body = if raw.starts_with(&[0x1f, 0x8b]) {
            let mut v = Vec::new();
            if flate2::read::GzDecoder::new(&raw[..])
                .read_to_end(&mut v)
                .is_err()
            {
                continue;
            }
            v
        } else {
            raw
        };
        out.push((p.display().to_string(), body));
    }
    out
}

fn pathological() -> Pages {
    let mut v = Vec::new();
    // 5 MB of ordinary paragraphs.
    let mut s = String::from("<html><head><title>Big</title></head><body><article>");
    while s.len() < 5 * 1024 * 1024 {
        s.push_str("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>\n");
    }
    s.push_str("</article></body></html>");
    v.push(("5MB paragraphs".to_string(), s.into_bytes()));
    // 10,000-deep nesting.
    let mut s = String::from("<html><body>");
    for _ in 0..10_000 {
        s.push_str("<div class=\"x\">some text ");
    }
    for _ in 0..10_000 {
        s.push_str("</div>");
    }
    s.push_str("</body></html>");
    v.push(("10000-deep nesting".to_string(), s.into_bytes()));
    // Giant table: 50,000 rows.
    let mut s = String::from("<html><body><table>");
    for i in 0..50_000 {
        s.push_str(&format!("<tr><td>{i}</td><td>cell text, with a comma</td><td><a href=\"/r{i}\">link</a></td></tr>"));
    }
    s.push_str("</table></body></html>");
    v.push(("giant table (50k rows)".to_string(), s.into_bytes()));
    // 100,000 navigation menus never closed (each would make prescan search to the end).
    let mut s = String::from("<html><body>");
    s.push_str(&"<nav><a href=\"/x\">menu item</a>".repeat(100_000));
    s.push_str("<p>The story.</p></body></html>");
    v.push(("100k unclosed <nav>".to_string(), s.into_bytes()));
    // 5 MB in one text node.
    let mut s = String::from("<html><body><p>");
    s.push_str(&"word ".repeat(1_000_000));
    s.push_str("</p></body></html>");
    v.push(("5MB single text node".to_string(), s.into_bytes()));
    // Many JSON-LD blocks and metas.
    let mut s = String::from("<html><head>");
    for i in 0..5_000 {
        s.push_str(&format!("<meta name=\"m{i}\" content=\"x\"><script type=\"application/ld+json\">{{\"@type\":\"Thing\",\"name\":\"{i}\",}}</script>"));
    }
    s.push_str("</head><body><p>text</p></body></html>");
    v.push(("5000 JSON-LD blocks".to_string(), s.into_bytes()));
    let mut s = String::from("<html><head>");
    for i in 0..50_000 {
        s.push_str(&format!("<meta name=\"author\" content=\"Jane Doe {i}\"><meta property=\"article:published_time\" content=\"2024-03-04T10:00:{:02}Z\">", i % 60));
    }
    s.push_str("</head><body><article><p>The story, as told by its many authors.</p></article></body></html>");
    v.push(("50k author meta tags".to_string(), s.into_bytes()));
    v
}

fn time(body: &[u8], url: &str) -> Duration {
    let t = Instant::now();
    let r = extract(&PageInput {
        body,
        url,
        content_type: None,
        fetched_at: None,
    });
    std::hint::black_box(&r);
    t.elapsed()
}

fn main() {
    let fixtures =
        pages_from_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    let mut sets: Vec<(&str, Pages, usize)> = vec![("fixtures", fixtures, 200)];
    if let Ok(dir) = std::env::var("NEWSFLOW_BENCH_CORPUS") {
        sets.push(("corpus", pages_from_dir(std::path::Path::new(&dir)), 1));
    }
    for (name, pages, reps) in &sets {
        if pages.is_empty() {
            continue;
        }
        let mut total = Duration::ZERO;
        let mut worst = (Duration::ZERO, String::new());
        let mut bytes = 0usize;
        for _ in 0..*reps {
            for (p, body) in pages {
                let url = if p.contains("unpublished") {
                    "https://unpublished.ca/news-feed-item/2026-01-15/x"
                } else {
                    "https://example.com/2024/01/02/story"
                };
                let d = time(body, url);
                total += d;
                bytes += body.len();
                if d > worst.0 {
                    worst = (d, p.clone());
                }
            }
        }
        if *name == "corpus" {
            // Where the time goes.
            let (mut dec, mut pre, mut parse, mut meta_t, mut body_t) = (
                Duration::ZERO,
                Duration::ZERO,
                Duration::ZERO,
                Duration::ZERO,
                Duration::ZERO,
            );
            for (_, body) in pages {
                let t = Instant::now();
                let text = newsflow_extract::charset::decode(body, None);
                dec += t.elapsed();
                let t = Instant::now();
                let cleaned = newsflow_extract::prescan::clean(&text);
                pre += t.elapsed();
                let t = Instant::now();
                let doc = scraper::Html::parse_document(&cleaned);
                parse += t.elapsed();
                let t = Instant::now();
                let meta = newsflow_extract::metadata::collect(&doc);
                meta_t += t.elapsed();
                std::hint::black_box(&meta);
                let t = Instant::now();
                let b =
                    newsflow_extract::body::extract(&doc, &newsflow_extract::body::Opts::default());
                body_t += t.elapsed();
                std::hint::black_box(&b);
            }
            let per = |d: Duration| d.as_secs_f64() * 1000.0 / pages.len() as f64;
            println!(
                "corpus phases, ms/page: decode {:.3}, prescan {:.3}, html parse {:.3}, metadata {:.3}, body {:.3}",
                per(dec),
                per(pre),
                per(parse),
                per(meta_t),
                per(body_t)
            );
        }
        let n = (pages.len() * reps) as f64;
        println!(
            "{name}: {} pages x {reps}: {:.3} ms/page, {:.0} pages/s, {:.1} MB/s, worst {:.3} ms ({})",
            pages.len(),
            total.as_secs_f64() * 1000.0 / n,
            n / total.as_secs_f64(),
            bytes as f64 / total.as_secs_f64() / 1e6,
            worst.0.as_secs_f64() * 1000.0,
            worst.1
        );
    }
    for (name, body) in pathological() {
        let d = time(&body, "https://example.com/2024/01/02/story");
        let t = Instant::now();
        let text = String::from_utf8_lossy(&body);
        let doc = scraper::Html::parse_document(&text);
        let parse = t.elapsed();
        let t = Instant::now();
        let meta = newsflow_extract::metadata::collect(&doc);
        let meta_t = t.elapsed();
        std::hint::black_box(&meta);
        let t = Instant::now();
        let b = newsflow_extract::body::extract(&doc, &newsflow_extract::body::Opts::default());
        let body_t = t.elapsed();
        std::hint::black_box(&b);
        println!(
            "pathological: {name} ({:.1} MB): {:.1} ms (without the prescan: raw html5ever parse {:.1} ms, metadata {:.1} ms, body {:.1} ms)",
            body.len() as f64 / 1e6,
            d.as_secs_f64() * 1000.0,
            parse.as_secs_f64() * 1000.0,
            meta_t.as_secs_f64() * 1000.0,
            body_t.as_secs_f64() * 1000.0
        );
    }
}
