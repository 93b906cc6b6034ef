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
