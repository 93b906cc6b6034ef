//! Turning page bytes into text: HTTP header, BOM, `<meta charset>`, else detection.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

/// Look for `<meta charset=...>` or `<meta http-equiv=content-type content="...charset=...">`
/// in the first bytes of the page (the HTML prescan, simplified).
fn prescan_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut pos = 0;
    while let Some(off) = find(&lower[pos..], b"<meta") {
        let start = pos + off;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    // A page that says UTF-16 in ASCII is not UTF-16.
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        return Some(UTF_8);
                    }
                    return Some(enc);
                }
            }
        }
        pos = end.max(start + 5);
        if pos >= lower.len() {
            break;
        }
    }
    None
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decode page bytes to text. Never fails: invalid sequences become U+FFFD. Valid UTF-8
/// is borrowed, not copied.
///
/// Bytes that are valid UTF-8 and not plain ASCII are read as UTF-8 whatever the header or
/// `<meta>` declares: a CMS that moved to UTF-8 often keeps its old `charset=gb2312` or
/// `iso-8859-1`, and a server's default charset is often wrong, while legacy text that
/// happens to be valid UTF-8 is vanishingly rare (every byte above 0x7F would have to fall
/// into well-formed multi-byte sequences). A header that declares UTF-16 still wins.
pub fn decode<'b>(bytes: &'b [u8], content_type: Option<&str>) -> Cow<'b, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom_len..]).0;
    }
    let header = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()));
    let utf16_header =
        header.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if !utf16_header
        && !bytes.is_ascii()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return Cow::Borrowed(text);
    }
    let declared = header.or_else(|| prescan_meta(bytes));
    let enc = match declared {
        Some(e) => e,
        None => {
            if std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                let mut det = chardetng::EncodingDetector::new();
                det.feed(
                    &bytes[..bytes.len().min(64 * 1024)],
                    bytes.len() <= 64 * 1024,
                );
                det.guess(None, true)
            }
        }
    };
    enc.decode_without_bom_handling(bytes).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_wins() {
        let bytes = b"<html><meta charset=utf-8>caf\xe9</html>";
        assert!(decode(bytes, Some("text/html; charset=ISO-8859-1")).contains("café"));
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let bytes = b"<html><head><meta charset=\"windows-1252\"></head>caf\xe9</html>";
        assert!(decode(bytes, None).contains("café"));
        let bytes =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">caf\xe9";
        assert!(decode(bytes, Some("text/html")).contains("café"));
    }

    #[test]
    fn bom_and_detection() {
        let bytes = b"\xef\xbb\xbf<p>caf\xc3\xa9</p>";
        assert_eq!(decode(bytes, None), "<p>café</p>");
        let bytes = "<p>Größe und Übermaß für Straße</p>".as_bytes();
        let latin: Vec<u8> = encoding_rs::WINDOWS_1252
            .encode(std::str::from_utf8(bytes).expect("utf8"))
            .0
            .into_owned();
        assert!(decode(&latin, None).contains("Größe"));
    }

    #[test]
    fn valid_utf8_beats_a_stale_declaration() {
        // A page re-saved as UTF-8 that still says gb2312, and a server whose default
        // charset is Latin-1.
        let page = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>人工智能迈上新台阶</title>";
        assert!(decode(page.as_bytes(), None).contains("人工智能迈上新台阶"));
        let page = "<p>café crème</p>";
        assert_eq!(
            decode(page.as_bytes(), Some("text/html; charset=ISO-8859-1")),
            page
        );
        // Real GBK bytes with the same declaration are still read as GBK.
        let gbk_page = [
            b"<meta charset=gbk>".as_slice(),
            &encoding_rs::GBK.encode("人工智能迈上新台阶").0,
        ]
        .concat();
        assert!(decode(&gbk_page, None).contains("人工智能迈上新台阶"));
        // ASCII-only bytes follow the declaration (ISO-2022-JP is 7-bit).
        let jis = encoding_rs::ISO_2022_JP
            .encode("日本語のニュース")
            .0
            .into_owned();
        assert!(jis.is_ascii());
        assert!(decode(&jis, Some("text/html; charset=iso-2022-jp")).contains("日本語のニュース"));
    }

    #[test]
    fn invalid_bytes_do_not_panic() {
        let s = decode(
            b"<p>\xff\xfe\x00abc\xc3</p>",
            Some("text/html; charset=utf-8"),
        );
        assert!(s.contains("abc"));
    }
}
