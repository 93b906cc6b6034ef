//! Print what the metadata pass found on a page (bylines, author links, dates, headings):
//! `cargo run -p newsflow-extract --example meta -- page.html[.gz]`.

use std::io::Read;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: meta PAGE.html[.gz]");
        std::process::exit(2);
    };
    let raw = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let bytes = if path.ends_with(".gz") {
        let mut out = Vec::new();
        if let Err(e) = flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
        out
    } else {
        raw
    };
    let html = newsflow_extract::charset::decode(&bytes, None);
    let doc = scraper::Html::parse_document(&newsflow_extract::prescan::clean(&html));
    let m = newsflow_extract::metadata::collect(&doc);
    h1_chains(&doc);
    for line in newsflow_extract::body::explain(&doc, &Default::default()) {
        println!("body: {line}");
    }
    println!("h1s: {:?}\nfirst_h1: {:?}", m.h1s, m.first_h1);
    for b in &m.bylines {
        println!("byline: {b:?}");
    }
    println!("author_links: {:?}", m.author_links);
    for (k, v) in m
        .metas
        .iter()
        .filter(|(k, _)| k.contains("author") || k.contains("creator"))
    {
        println!("meta {k}: {v}");
    }
    println!("date_texts: {:?}", m.date_texts);
    println!(
        "teaser_headings: {} teasers: {:?}",
        m.teaser_headings, m.teasers
    );
    println!("dateline_texts: {:?}", m.dateline_texts);
    for t in &m.times {
        println!("time: {t:?}");
    }
}

/// The class/id chain above every `<h1>`, with the ones read as page furniture marked.
#[allow(dead_code)]
fn h1_chains(doc: &scraper::Html) {
    let sel = scraper::Selector::parse("h1").expect("valid selector");
    for h in doc.select(&sel) {
        let mut chain = Vec::new();
        for a in h.ancestors().filter_map(scraper::ElementRef::wrap) {
            let c = format!(
                "{} {}",
                a.value().attr("class").unwrap_or_default(),
                a.value().id().unwrap_or_default()
            )
            .to_ascii_lowercase();
            let mark = if newsflow_extract::text::is_boilerplate_hint(&c) {
                "!!"
            } else {
                ""
            };
            chain.push(format!("{mark}{}[{}]", a.value().name(), c.trim()));
        }
        chain.reverse();
        println!("h1 chain: {}", chain.join(" > "));
    }
}
