//! Classified errors.

use newsflow_extract::{ExtractError, MAX_PAGE_BYTES, PageInput, extract};

fn input<'a>(body: &'a [u8], url: &'a str, ct: Option<&'a str>) -> PageInput<'a> {
    PageInput {
        body,
        url,
        content_type: ct,
        fetched_at: None,
    }
}

#[test]
fn errors_are_classified() {
    let u = "https://example.com/a";
    assert_eq!(
        extract(&input(b"", u, None)).map(|_| ()),
        Err(ExtractError::Empty)
    );
    assert_eq!(
        extract(&input(b"  \n ", u, None)).map(|_| ()),
        Err(ExtractError::Empty)
    );
    let e = extract(&input(b"%PDF-1.4 ...", u, None)).expect_err("pdf");
    assert_eq!(e.kind(), "not_html");
    let e = extract(&input(b"<p>x</p>", u, Some("image/png"))).expect_err("png");
    assert_eq!(e.kind(), "not_html");
    let e = extract(&input(b"just some words, no markup at all", u, None)).expect_err("text");
    assert_eq!(e.kind(), "not_html");
    let e = extract(&input(b"<p>x</p>", "not a url", None)).expect_err("url");
    assert_eq!(e.kind(), "invalid_url");
    let e = extract(&input(b"<p>x</p>", "mailto:a@b.c", None)).expect_err("scheme");
    assert_eq!(e.kind(), "invalid_url");
    let big = vec![b'a'; MAX_PAGE_BYTES + 1];
    let e = extract(&input(&big, u, None)).expect_err("big");
    assert_eq!(e.kind(), "too_large");
}

/// Log lines written while `f` runs.
fn logs_of<T>(f: impl FnOnce() -> T) -> (T, String) {
    use std::sync::{Arc, Mutex};
    #[derive(Clone)]
    struct Buf(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("log buffer").extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buf = Buf(Arc::new(Mutex::new(Vec::new())));
    let writer = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let out = tracing::subscriber::with_default(subscriber, f);
    let text = String::from_utf8_lossy(&buf.0.lock().expect("log buffer")).into_owned();
    (out, text)
}

#[test]
fn a_page_cut_at_the_tag_limit_says_so() {
    let mut html = String::from("<html><body><article><h1>Long page</h1>");
    for i in 0..80_000 {
        html.push_str(&format!("<p>Paragraph {i} of a very long page.</p>"));
    }
    html.push_str("<p>TAILMARKER the last words.</p></article></body></html>");
    let (content, logs) =
        logs_of(|| extract(&input(html.as_bytes(), "https://example.com/a", None)));
    let body = content
        .expect("extracts")
        .article()
        .map(|a| a.body.clone())
        .unwrap_or_default();
    assert!(
        !body.contains("TAILMARKER"),
        "the markup after the limit is not read"
    );
    assert!(logs.contains("Page truncated"), "{logs}");
    // A page under the limit logs nothing.
    let (_, quiet) = logs_of(|| {
        extract(&input(
            b"<p>A short page.</p>",
            "https://example.com/a",
            None,
        ))
    });
    assert!(quiet.is_empty(), "{quiet}");
}
