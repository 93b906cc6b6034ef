//! Facts about the page besides its story: the canonical address (on which storage keys
//! articles) and the language.

mod common;

use common::{PARA, article};

fn canonical(head: &str, url: &str) -> Option<String> {
    let html = format!(
        "<html><head><title>Council extends program</title>{head}</head><body><article>\
         <h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    article(&html, url).canonical_url
}

#[test]
fn tracking_parameters_go_and_relative_addresses_resolve() {
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="/city/council?utm_source=x&id=5&gclid=1">"#,
            "https://news.example/city/council?fbclid=abc"
        )
        .as_deref(),
        Some("https://news.example/city/council?id=5")
    );
    // No tag: the page's own address, without its tracking.
    assert_eq!(
        canonical("", "https://news.example/city/council?utm_medium=social").as_deref(),
        Some("https://news.example/city/council")
    );
    // Syndicated: another site's address is the canonical one.
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="https://wire.example/original">"#,
            "https://news.example/city/council"
        )
        .as_deref(),
        Some("https://wire.example/original")
    );
}

#[test]
fn a_home_page_canonical_on_a_story_is_a_template_mistake() {
    // Every story of such a site names the home page: keyed on it, they would fold into one.
    let url = "https://news.example/city/council";
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="https://news.example/">"#,
            url
        )
        .as_deref(),
        Some(url)
    );
    // og:url is the next witness when it is sound.
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="/"><meta property="og:url" content="https://news.example/city/council-extends">"#,
            url
        )
        .as_deref(),
        Some("https://news.example/city/council-extends")
    );
}

#[test]
fn a_theme_declaring_english_yields_to_a_story_plainly_in_another_language() {
    let de = "Der Bundestag hat am Montag nach einer langen Debatte den Haushalt für das \
              kommende Jahr beschlossen. Die Regierung sprach von einem wichtigen Schritt für \
              die Stabilität des Landes. Die Opposition kritisierte, dass zu wenig Geld für \
              Bildung und Infrastruktur vorgesehen sei. Nun muss noch der Bundesrat zustimmen, \
              was als sicher gilt, auch wenn einige Länder Bedenken angemeldet haben.";
    let page = |lang: &str, text: &str| {
        format!(
            "<html lang=\"{lang}\"><head><title>Haushalt beschlossen</title></head><body>\
             <article><h1>Haushalt beschlossen</h1><p>{text}</p><p>{text}</p></article>\
             </body></html>"
        )
    };
    let url = "https://news.example/politik/haushalt";
    assert_eq!(
        article(&page("en-US", de), url).language.as_deref(),
        Some("de")
    );
    // Another declared language stands; so does English over English.
    assert_eq!(
        article(&page("fr", de), url).language.as_deref(),
        Some("fr")
    );
    assert_eq!(
        article(&page("en", PARA), url).language.as_deref(),
        Some("en")
    );
}

#[test]
fn a_declared_language_that_is_no_language_or_not_the_storys_yields() {
    let page = |head: &str, lang: &str| {
        format!(
            "<html lang=\"{lang}\"><head><title>Council extends program</title>{head}</head>\
             <body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p></article></body></html>"
        )
    };
    let url = "https://news.example/city/council";
    // "uk" is Ukrainian, written for the United Kingdom over an English story.
    assert_eq!(
        article(&page("", "uk"), url).language.as_deref(),
        Some("en")
    );
    // "us" names no language: the next source, here a language written out, says.
    assert_eq!(
        article(
            &page(r#"<meta name="language" content="English">"#, "us"),
            url
        )
        .language
        .as_deref(),
        Some("en")
    );
    // A withdrawn code still names its language.
    let id = "Pemerintah mengumumkan pada hari Selasa bahwa program bantuan untuk usaha kecil \
              akan diperpanjang selama tiga tahun lagi, setelah evaluasi menunjukkan bahwa \
              program tersebut mencapai sebagian besar tujuannya dan didukung oleh warga.";
    let html = format!(
        "<html lang=\"in\"><head><title>Program diperpanjang</title></head><body><article>\
         <h1>Program diperpanjang</h1><p>{id}</p><p>{id}</p></article></body></html>"
    );
    assert_eq!(article(&html, url).language.as_deref(), Some("id"));
}

#[test]
fn a_page_rendered_by_script_takes_its_json_ld_article_body() {
    let body = "The council voted on Tuesday to extend the program for three years. Owners \
                said demand was strong.";
    let html = format!(
        "<html><head><title>Council extends program</title>\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
         \"@type\":\"NewsArticle\",\"headline\":\"Council extends program\",\
         \"articleBody\":\"{body}\"}}</script></head><body><div id=\"root\"></div>\
         <noscript>You need to enable JavaScript to run this app.</noscript></body></html>"
    );
    let a = article(&html, "https://news.example/council");
    assert_eq!(a.body, body);
}

#[test]
fn a_line_break_breaks_the_line_and_two_end_the_paragraph() {
    let html = format!(
        "<html><head><title>Council extends program</title></head><body><article>\
         <h1>Council extends program</h1><p>{PARA}</p>\
         <p>City Hall<br>  100 Main Street <br>\n<br/>Springfield</p>\
         <p>The river runs<br><br><br>   <br>to the sea.</p><p>{PARA}</p></article></body></html>"
    );
    let body = article(&html, "https://news.example/council").body;
    assert!(
        body.contains("\n\nCity Hall\n100 Main Street\n\nSpringfield\n\n"),
        "{body}"
    );
    assert!(
        body.contains("\n\nThe river runs\n\nto the sea.\n\n"),
        "{body}"
    );
}

#[test]
fn a_page_rendered_from_next_data_takes_the_story_from_it() {
    let para = "The council voted on Tuesday to extend the program for three years. Owners \
                said demand was strong. The mayor said the city would fund it.";
    let data = format!(
        "{{\"props\":{{\"pageProps\":{{\"post\":{{\"title\":\"Council extends program\",\
         \"content\":\"<p>{para}</p><p>{para}</p><p>{para}</p>\"}}}}}}}}"
    );
    let html = format!(
        "<html><head><title>Council extends program</title></head><body>\
         <div id=\"__next\"></div><script id=\"__NEXT_DATA__\" type=\"application/json\">\
         {data}</script></body></html>"
    );
    let a = article(&html, "https://news.example/council");
    assert_eq!(a.body, format!("{para}\n\n{para}\n\n{para}"));
}

#[test]
fn keywords_are_decoded_before_they_are_split() {
    let html = format!(
        "<html><head><title>Council extends program</title>\
         <meta name=\"keywords\" content=\"water, AT&amp;amp;T, &amp;quot, moon, &amp;#39\">\
         </head><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
         <p>{PARA}</p></article></body></html>"
    );
    let a = article(&html, "https://news.example/council");
    assert_eq!(a.topics, ["water", "AT&T", "moon"]);
}

#[test]
fn text_with_combining_marks_comes_out_composed() {
    // "ü" written as "u" and U+0308, as some CMSs store it, and "é" as "e" and U+0301.
    let html = format!(
        "<html><head><title>Geprüfte Kindersitze</title></head><body><article>\
         <h1>Gepru\u{308}fte Kindersitze</h1><p class=\"byline\">Von Rene\u{301} Mu\u{308}ller</p>\
         <p>Besonders bei Babyschalen sollte gepru\u{308}ft werden, ob die Gurtlänge reicht. \
         {PARA}</p><p>{PARA}</p></article></body></html>"
    );
    let a = article(&html, "https://www.example.de/test/kindersitze");
    assert_eq!(a.title.as_deref(), Some("Geprüfte Kindersitze"));
    assert_eq!(a.authors, ["René Müller"]);
    assert!(a.body.contains("sollte geprüft werden"), "{}", a.body);
}

#[test]
fn a_subheading_whose_anchor_holds_a_furniture_word_is_kept() {
    // heise.de: `id="nav_..."`; listicles: `id="social-..."`, `id="popular-..."`.
    let html = format!(
        "<html><head><title>Lithium aus dem Schredder</title></head><body><article>\
         <h1>Lithium aus dem Schredder</h1><p>{PARA}</p>\
         <h3 class=\"subheading\" id=\"nav_nur_die_folie__1\">Nur die Folie bleibt zurück</h3>\
         <p>{PARA}</p><h2 id=\"social-benefits\">Social Benefits</h2><p>{PARA}</p>\
         <div class=\"collapse-box__trigger\"><span>mehr anzeigen</span></div>\
         </article></body></html>"
    );
    let a = article(
        &html,
        "https://www.heise.de/newsticker/meldung/Lithium-4451133.html",
    );
    assert!(a.body.contains("Nur die Folie bleibt zurück"), "{}", a.body);
    assert!(a.body.contains("Social Benefits"), "{}", a.body);
    assert!(!a.body.contains("mehr anzeigen"), "{}", a.body);
}
