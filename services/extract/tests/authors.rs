//! Who wrote it: metadata checked against the visible page, bylines cleaned.

mod common;

use common::{PARA, article};

fn authors(html: &str, url: &str) -> Vec<String> {
    article(html, url).authors
}

fn page(head: &str, body_attrs: &str, top: &str) -> String {
    format!(
        "<html><head><title>Council extends program</title>{head}</head><body {body_attrs}>\
         <article><h1>Council extends program</h1>{top}<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
         </article></body></html>"
    )
}

#[test]
fn a_metadata_author_the_page_never_shows_yields_to_the_visible_byline() {
    let html = page(
        r#"<meta name="author" content="Web Team Account">"#,
        "",
        "<p class=\"byline\">By Jane Doe and John Roe</p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Jane Doe", "John Roe"]
    );
}

#[test]
fn a_metadata_author_the_page_shows_is_kept() {
    let html = page(
        r#"<meta name="author" content="Jane Doe">"#,
        "",
        "<p>Story by <a href=\"/people/jane\">Jane Doe</a></p>",
    );
    assert_eq!(authors(&html, "https://news.example/council"), ["Jane Doe"]);
}

#[test]
fn the_site_as_its_visible_byline_is_the_author() {
    let html = page(
        r#"<meta property="og:site_name" content="ASU Online">"#,
        "",
        "<p class=\"byline\">By ASU Online</p>",
    );
    assert_eq!(
        authors(&html, "https://asuonline.example/news/x"),
        ["ASU Online"]
    );
}

#[test]
fn theme_classes_on_body_do_not_hide_the_byline() {
    let html = page(
        "",
        r#"class="single profile-right-sidebar profile-sidebar-active small-masthead""#,
        "<p>Posted by <a rel=\"author\" href=\"/author/js\">John Scalzi</a></p>",
    );
    assert_eq!(
        authors(&html, "https://whatever.example/2025/12/18/x"),
        ["John Scalzi"]
    );
}

#[test]
fn dates_and_titles_are_not_names() {
    let html = page(
        "",
        "",
        "<p class=\"author\">Andrew Gerrand<br>4 August 2010</p>",
    );
    assert_eq!(
        authors(&html, "https://blog.example/defer"),
        ["Andrew Gerrand"]
    );
    let html = page(
        "",
        "",
        "<div class=\"byline\">Luke KimDecember 17, 2025</div>",
    );
    assert_eq!(authors(&html, "https://blog.example/defer"), ["Luke Kim"]);
}

#[test]
fn scholarly_author_tags_are_last_name_first() {
    let html = page(
        r#"<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Patel, Jyoti">"#,
        "",
        "<p>Aniruddha Roy, Jyoti Patel</p>",
    );
    assert_eq!(
        authors(&html, "https://papers.example/abs/1"),
        ["Aniruddha Roy", "Jyoti Patel"]
    );
}

#[test]
fn an_outlet_glued_to_a_name_is_dropped() {
    let html = page(
        r#"<meta property="og:site_name" content="USA TODAY">"#,
        "",
        "<div class=\"byline\">Brian Truitt USA TODAY</div>",
    );
    assert_eq!(
        authors(&html, "https://usatoday.example/story/x"),
        ["Brian Truitt"]
    );
}

#[test]
fn a_named_entity_in_a_json_ld_name_is_a_letter_not_a_separator() {
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle",
        "author":{"@type":"Person","name":"Jos\u00e9 Garc&iacute;a"}}</script>"#;
    assert_eq!(
        authors(&page(head, "", ""), "https://news.example/council"),
        ["José García"]
    );
}

#[test]
fn the_sites_desk_after_a_reporter_is_not_a_co_author() {
    let html = page(
        "",
        "",
        "<div class=\"byline\">By Jane Doe, CNN Business</div>",
    );
    assert_eq!(
        authors(&html, "https://edition.cnn.com/2024/03/12/business/x"),
        ["Jane Doe"]
    );
    // A person whose first name is a word of the address is still a person.
    let html = page(
        "",
        "",
        "<div class=\"byline\">By Jane Doe and Tim Ferriss</div>",
    );
    assert_eq!(
        authors(&html, "https://tim.blog/2024/03/12/x"),
        ["Jane Doe", "Tim Ferriss"]
    );
}

#[test]
fn an_agency_after_a_reporter_is_an_affiliation() {
    let html = page("", "", "<p class=\"byline\">By Jane Doe, Reuters</p>");
    assert_eq!(authors(&html, "https://news.example/x"), ["Jane Doe"]);
    let html = page(
        "",
        "",
        "<p class=\"byline\">By Jane Doe and John Roe, The Associated Press</p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/x"),
        ["Jane Doe", "John Roe"]
    );
    // Glued by the markup, or a desk of the site, or the site's domain.
    let html = page(
        "",
        "",
        "<p class=\"byline\">By Jane Doe and ERIC TUCKER Associated Press</p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/x"),
        ["Jane Doe", "Eric Tucker"]
    );
    let html = page(
        "",
        "",
        "<p class=\"byline\">By Jill Disis, CNN Business</p>",
    );
    assert_eq!(authors(&html, "https://www.cnn.com/2019/x"), ["Jill Disis"]);
    let html = page(
        "",
        "",
        "<p class=\"byline\">By Amy Kuperinsky | NJ Advance Media for NJ.com</p>",
    );
    assert_eq!(authors(&html, "https://www.nj.com/x"), ["Amy Kuperinsky"]);
    // In parentheses.
    let html = page(
        "",
        "",
        "<p class=\"byline\">By Jane Doe (CNN) and John Roe (The Tampa Bay Times)</p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/x"),
        ["Jane Doe", "John Roe"]
    );
    // The agency alone is the byline.
    let html = page("", "", "<p class=\"byline\">By The Associated Press</p>");
    assert_eq!(
        authors(&html, "https://news.example/x"),
        ["The Associated Press"]
    );
}

#[test]
fn an_author_box_names_the_author_when_nothing_else_does() {
    let bio = "<div class=\"box\"><p>Lauren Vetter</p><p>Lauren Vetter is a growth-focused \
               marketing writer who helps clinics reach patients; her work appears weekly.</p></div>";
    let html = page("", "", "").replace("</article>", &format!("</article>{bio}"));
    assert_eq!(
        authors(&html, "https://blog.example/seo"),
        ["Lauren Vetter"]
    );
    // A definition under a heading is not a bio.
    let def = "<h2>Mesh WiFi</h2><p>Mesh WiFi is a home network made of several units that \
               share one name and cover the whole house without dead zones.</p>";
    let html = page("", "", "").replace("</article>", &format!("{def}</article>"));
    assert!(authors(&html, "https://shop.example/mesh").is_empty());
    // Nor is a company's entry in a list that names the authors it serves.
    let entry = "<h3>15. Grove Atlantic</h3><p>With a reputation for excellence, <strong>Grove                  Atlantic</strong> publishes literary fiction.</p><p>Grove Atlantic is ideal                  for authors seeking a boutique publishing experience with a focus on quality.</p>";
    let html = page("", "", "").replace("</article>", &format!("{entry}</article>"));
    assert!(authors(&html, "https://blog.example/publishers").is_empty());
}

#[test]
fn a_name_alone_in_an_author_info_box_is_the_byline() {
    let html = page(
        r#"<meta name="author" content="andrew.keaveney">"#,
        "",
        "<div class=\"post-date-auth\"><div class=\"author-info\"><img alt=\"\" src=\"d.png\">\
         <span>Denise Everheart</span></div><div class=\"date\"><span>August 23, 2023</span></div></div>",
    );
    assert_eq!(
        authors(&html, "https://fest.example/guide"),
        ["Denise Everheart"]
    );
}

#[test]
fn a_byline_next_to_a_headline_in_page_furniture_counts() {
    // Broken markup leaves the whole page inside an unclosed <aside>.
    let html = format!(
        "<html><head><title>Startup lessons</title></head><body><aside class=\"announcement\">\
         <div><a href=\"/x\">News</a></span></div></a><main><h1>Startup lessons</h1>\
         <span class=\"blog-meta-author\">Tim Enwall</span><p>{PARA}</p><p>{PARA}</p></main>\
         </body></html>"
    );
    assert_eq!(
        authors(&html, "https://blog.example/lessons"),
        ["Tim Enwall"]
    );
}

#[test]
fn a_byline_naming_the_metadata_author_and_more_gives_them_all() {
    // The theme's JSON-LD keeps the first of three authors.
    let html = page(
        r#"<script type="application/ld+json">{"@context": "https://schema.org",
           "@type": "Article", "headline": "Council extends program",
           "author": {"@type": "Person", "name": "Marna van der Merwe"}}</script>"#,
        "",
        "<p class=\"byline\">Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van \
         Vulpen</p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        [
            "Dr Marna van der Merwe",
            "Dr Dieter Veldsman",
            "Erik van Vulpen"
        ]
    );
    // An editor named after the writer is not an author.
    let html = page(
        r#"<meta name="author" content="Rebecca Lake">"#,
        "",
        "<p class=\"byline\">Written by Rebecca Lake, CEPF® | Edited by Marie White, CEPF®</p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Rebecca Lake"]
    );
}

#[test]
fn an_organisation_only_the_json_ld_credits_is_not_the_author() {
    let ld = |ty: &str| {
        format!(
            r#"<meta property="og:site_name" content="Planet News">
            <script type="application/ld+json">{{"@context": "https://schema.org",
            "@type": "{ty}", "headline": "Council extends program",
            "author": {{"@type": "Organization", "name": "Planet News"}}}}</script>"#
        )
    };
    // A news story: the publisher is the source, not a writer.
    let html = page(&ld("NewsArticle"), "", "");
    assert!(
        authors(&html, "https://planet.example/council").is_empty(),
        "{:?}",
        authors(&html, "https://planet.example/council")
    );
    // Nor is a company the writer of its blog post when only the JSON-LD credits it.
    let html = page(&ld("BlogPosting"), "", "");
    assert!(authors(&html, "https://planet.example/council").is_empty());
    // When the byline readers see names it, it is the byline.
    let html = page(
        &ld("BlogPosting"),
        "",
        "<p class=\"byline\">By Planet News</p>",
    );
    assert_eq!(
        authors(&html, "https://planet.example/council"),
        ["Planet News"]
    );
    // A news agency's copy on another paper's page: the agency is the byline.
    let html = page(
        r#"<meta property="og:site_name" content="Planet News">
        <script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "NewsArticle", "headline": "Council extends program",
        "author": {"@type": "Organization", "name": "Reuters"}}</script>"#,
        "",
        "",
    );
    assert_eq!(
        authors(&html, "https://planet.example/council"),
        ["Reuters"]
    );
}

#[test]
fn a_clean_byline_element_restores_a_name_an_outlet_hid() {
    // The outer line glues the outlet and the date to the second name; the inner element
    // holds the names alone.
    let top = "<div class=\"byline\"><span class=\"authors\">Lisa Kaczke and Trevor J. Mitchell\
               </span> Sioux Falls Argus Leader Published 10:02 AM EST Nov 19, 2019</div>";
    let html = page("", "", top);
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Lisa Kaczke", "Trevor J. Mitchell"]
    );
    // Categories after the name in a post's meta line are not authors.
    let top = "<div class=\"byline\">Carlos Nadalim 27/09/2018 Comente! Alfabetização, \
               Brinquedos e Brincadeiras, Música</div>";
    let html = page(r#"<meta name="author" content="Carlos Nadalim">"#, "", top);
    assert_eq!(
        authors(&html, "https://blog.example.com.br/x"),
        ["Carlos Nadalim"]
    );
}

#[test]
fn bylines_in_other_languages_are_read() {
    for (top, want) in [
        (
            "<p class=\"meta\"><b>05/10/2018</b> - Publicado por: Clarissa Borba - Categoria: <a href=\"/c\">Saúde</a></p>",
            "Clarissa Borba",
        ),
        (
            "<p><span itemprop=\"author\">Текст: Венера Ерофеева</span> · 24 сентября 2018</p>",
            "Венера Ерофеева",
        ),
        ("<p>Von Hans Müller</p>", "Hans Müller"),
        ("<p>Door Jan de Vries</p>", "Jan de Vries"),
        (
            "<div class=\"byline\">Av Anna Svensson</div>",
            "Anna Svensson",
        ),
        ("<p>Af Lars Nielsen</p>", "Lars Nielsen"),
        // The word alone, the name in the element after it.
        ("<p>Door <span>Jan de Vries</span></p>", "Jan de Vries"),
        (
            "<p>Von <a href=\"/autoren/hm\">Hans Müller</a></p>",
            "Hans Müller",
        ),
        // Italian writes its "by" in lower case; Chinese and Japanese put a label before
        // a name without capitals or spaces.
        ("<p>di Mario Rossi</p>", "Mario Rossi"),
        (
            "<p>di <a href=\"/autori/mr\">Mario Rossi</a></p>",
            "Mario Rossi",
        ),
        ("<p>记者 张伟</p>", "张伟"),
        ("<p>文：山田太郎</p>", "山田太郎"),
        ("<p>Yazar: Ahmet Yılmaz</p>", "Ahmet Yılmaz"),
    ] {
        assert_eq!(
            authors(&page("", "", top), "https://news.example/council"),
            [want],
            "{top}"
        );
    }
}

#[test]
fn the_sites_software_credit_is_not_an_author() {
    let html = page(
        r#"<meta name="author" content="PMJS - Coordenadoria de TI"><meta name="generator" content="PMJS - Coordenadoria de TI">"#,
        "",
        "<p><b>05/10/2018</b> - Publicado por: Clarissa Borba</p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Clarissa Borba"]
    );
}

#[test]
fn a_byline_joined_to_a_phrase_names_no_one() {
    let html = page(
        "",
        "",
        "<div class=\"statement\"><h4 class=\"author\">The Russian and Syrian defense ministries</h4></div>",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        Vec::<String>::new()
    );
    let html = page(
        "",
        "",
        "<p class=\"byline\">By Jane Doe and wire reports</p>",
    );
    assert_eq!(authors(&html, "https://news.example/council"), ["Jane Doe"]);
}

#[test]
fn a_byline_in_a_footer_named_for_it_counts() {
    let html = "<html><head><title>Council extends program</title></head><body><main>\
        <h1>Council extends program</h1><footer class=\"article-author\"><div class=\"byline\">\
        <span class=\"byline__author-name\"><a href=\"/authors/telegraph-sport/\">Telegraph Sport</a>\
        </span> 19 November 2019</div></footer>"
        .to_string()
        + &format!("<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></main><footer class=\"site\"><p class=\"author\">Web Team</p></footer></body></html>");
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Telegraph Sport"]
    );
}

#[test]
fn a_korean_sign_off_names_the_writer() {
    let html = page("", "", "").replace(
        "</article>",
        "<p>정덕현 칼럼니스트 thekian1@entermedia.co.kr [사진=JTBC]</p></article>",
    );
    assert_eq!(authors(&html, "http://entermedia.co.kr/news/1"), ["정덕현"]);
    let html = page("", "", "").replace(
        "</article>",
        "<p>서울=홍길동 기자 <a href=\"mailto:hong@news.example.kr\">hong@news.example.kr</a></p></article>",
    );
    assert_eq!(authors(&html, "http://news.example.kr/1"), ["홍길동"]);
    // A reporter mentioned in the story, without an address, is not a sign-off.
    let html = page("", "", "").replace("</article>", "<p>김철수 기자는 말했다.</p></article>");
    assert!(authors(&html, "http://news.example.kr/1").is_empty());
}

#[test]
fn names_in_list_items_are_separate_authors() {
    // The commas between the items are drawn by CSS, not written in the markup.
    let html = page(
        "",
        "",
        "<div class=\"byline\">Written by: <ul class=\"comma-separated-list\">\
         <li><a href=\"/authors/emily-walker/\">Emily Walker</a></li>\
         <li><a href=\"/authors/casey-mcdevitt/\">Casey McDevitt</a></li></ul></div>",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Emily Walker", "Casey McDevitt"]
    );
}

#[test]
fn a_nickname_in_quotes_stays_in_the_name() {
    let html = page(
        "",
        "",
        "<p class=\"post-meta\">By <a class=\"author\" rel=\"author\" href=\"/author/tania/\">\
         Amanda &quot;Tania Mae&quot; Tan</a></p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Amanda \"Tania Mae\" Tan"]
    );
}

#[test]
fn a_name_after_a_bare_author_label_counts_when_nothing_else_names_anyone() {
    let html = format!(
        "<html><head><title>Council extends program</title></head><body><article>\
         <h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p></article>\
         <aside><div><h3>Published</h3><p>August 30, 2024</p></div>\
         <div><h3>Author</h3><p> Lisa D. Ellis</p></div></aside></body></html>"
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Lisa D. Ellis"]
    );
    // A form's field: not the page's author.
    let html = format!(
        "<html><head><title>Council extends program</title></head><body><article>\
         <h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p></article>\
         <form><label>Author</label><input name=\"author\"><p>Required field</p></form>\
         </body></html>"
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        Vec::<String>::new()
    );
}

#[test]
fn a_section_name_styled_as_a_byline_is_not_an_author() {
    let html = page("", "", "<div class=\"byline\">Personal finance</div>");
    assert_eq!(
        authors(&html, "https://news.example/council"),
        Vec::<String>::new()
    );
    // A user name in an author field stays one.
    let html = page(
        r#"<meta name="author" content="jane doe">"#,
        "",
        "<div class=\"byline\">jane doe</div>",
    );
    assert_eq!(authors(&html, "https://news.example/council"), ["jane doe"]);
    // The byline's category part, marked as such, is not a name; the name beside it is.
    assert_eq!(
        in_body(
            "<section class=\"byline\"><span class=\"byline__release-date\">March 20, 2023\
             </span> <span class=\"byline__separator\">|</span> <span class=\"byline__category\">\
             <a href=\"/wellness\">Wellness &amp; Prevention</a></span></section>"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        in_body(
            "<div class=\"byline-section\"><span class=\"author\">Detroit News wire services\
             </span></div>"
        ),
        ["Detroit News wire services"]
    );
}

/// The authors of a page whose body holds `el`.
fn in_body(el: &str) -> Vec<String> {
    authors(&page("", "", el), "https://news.example/council")
}

#[test]
fn outlets_handles_and_photo_credits_in_a_byline_are_not_authors() {
    let cases: &[(&str, &[&str])] = &[
        ("By Jane Doe For Dailymail.com", &["Jane Doe"]),
        (
            "By Jane Doe and John Roe for The Guardian",
            &["Jane Doe", "John Roe"],
        ),
        ("Jane Doe, CBC News", &["Jane Doe"]),
        ("Amy Roe | NJ Advance Media for NJ.com", &["Amy Roe"]),
        ("Jane Doe, Tampa Bay Times", &["Jane Doe"]),
        // A person whose surname is a newsroom's word is a person.
        ("By Jane Doe and Mary Post", &["Jane Doe", "Mary Post"]),
        ("By Jane Doe, Mary Post", &["Jane Doe", "Mary Post"]),
        ("By Jane Doe Twitter @janedoe", &["Jane Doe"]),
        ("Words: Jane Doe Photos: John Roe", &["Jane Doe"]),
        // An organisation "for" something is one name, not a name and an outlet.
        (
            "By National Center for Health Statistics",
            &["National Center for Health Statistics"],
        ),
    ];
    for (byline, want) in cases {
        let html = page("", "", &format!("<div class=\"byline\">{byline}</div>"));
        assert_eq!(
            authors(&html, "https://news.example/council"),
            *want,
            "{byline}"
        );
    }
}

#[test]
fn dublin_core_writes_one_person_surname_first() {
    let html = page(r#"<meta name="DC.creator" content="Doe, Jane">"#, "", "");
    assert_eq!(authors(&html, "https://news.example/council"), ["Jane Doe"]);
    // Two names of a few words each are two people.
    let html = page(
        r#"<meta name="DC.creator" content="Jane Doe, John Roe">"#,
        "",
        "",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Jane Doe", "John Roe"]
    );
}

#[test]
fn a_byline_in_capitals_gives_names_as_they_are_written() {
    let html = page(
        "",
        "",
        "<div class=\"byline\"><span>By DANICA KIRKA and JILL LAWLESS</span> \
         <span>Associated Press</span></div>",
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Danica Kirka", "Jill Lawless"]
    );
    // Turkish capitals: the dotted "İ" in lower case is a plain "i".
    let html = page("", "", "<div class=\"byline\">By MEHMET ŞAHİN</div>");
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Mehmet Şahin"]
    );
}

#[test]
fn a_page_of_hundreds_of_author_tags_credits_at_most_a_hundred() {
    let first = ["Jane", "John", "Anna"];
    let head_syl = ["Ab", "Be", "Co", "Du", "El", "Fa", "Gi", "Ho", "Ir", "Ju"];
    let tail_syl = [
        "ton", "son", "ley", "man", "ford", "well", "wood", "berg", "stein", "ski",
    ];
    let names: Vec<String> = (0..300)
        .map(|i| {
            format!(
                "{} {}{}",
                first[i / 100],
                head_syl[i / 10 % 10],
                tail_syl[i % 10]
            )
        })
        .collect();
    let head: String = names
        .iter()
        .map(|n| format!("<meta name=\"author\" content=\"{n}\">"))
        .collect();
    let got = authors(&page(&head, "", ""), "https://news.example/council");
    assert_eq!(got.len(), 100, "{got:?}");
    assert_eq!(got[..], names[..100]);
}

#[test]
fn a_byline_under_another_storys_headline_is_not_the_author() {
    let html = format!(
        "<html><head><title>Council extends program</title></head><body><article>\
         <h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p></article>\
         <div class=\"col-right\"><div class=\"item\"><a href=\"/a\">Mayor resigns after \
         scandal</a><p>By John Roe</p></div><div class=\"item\"><a href=\"/b\">Storm hits \
         the coast</a><p>By Mary Major</p></div></div></body></html>"
    );
    assert!(authors(&html, "https://news.example/council").is_empty());
    // The story's own byline beside a link to its comments stays.
    let html = page(
        "",
        "",
        "<div class=\"entry-meta\"><p>by <a href=\"/author/amanda/\">Amanda</a> · \
         <a href=\"https://news.example/council#comments\">One comment so far</a></p></div>",
    );
    assert_eq!(authors(&html, "https://news.example/council"), ["Amanda"]);
}

#[test]
fn roles_after_each_name_do_not_end_the_list_of_names() {
    for (top, want) in [
        (
            "<p class=\"byline\">By Jane Doe, Senior Reporter, and John Roe, Editor</p>",
            vec!["Jane Doe", "John Roe"],
        ),
        // A role then a company: the company is an affiliation.
        (
            "<p class=\"byline\">By Jane Doe, Staff Writer, Acme Corp</p>",
            vec!["Jane Doe"],
        ),
    ] {
        assert_eq!(
            authors(&page("", "", top), "https://news.example/council"),
            want,
            "{top}"
        );
    }
}

#[test]
fn a_co_author_in_parentheses_is_an_author() {
    for (top, want) in [
        (
            "<p class=\"byline\">Par Martin Untersinger (avec Damien Leloup et Morgane Tual)</p>",
            vec!["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
        ),
        (
            "<p class=\"byline\">By Jane Doe (with John Roe)</p>",
            vec!["Jane Doe", "John Roe"],
        ),
    ] {
        assert_eq!(
            authors(&page("", "", top), "https://news.example/council"),
            want,
            "{top}"
        );
    }
}

#[test]
fn the_writers_job_title_inside_the_byline_is_not_part_of_the_name() {
    let top = "<div class=\"author\"><a class=\"author-link\" href=\"/author/ben-silverman\">Ben \
               Silverman</a><div class=\"author-title\">Games Editor</div></div>";
    assert_eq!(
        authors(&page("", "", top), "https://news.example/council"),
        ["Ben Silverman"]
    );
}

#[test]
fn a_byline_row_whose_classes_say_what_it_lacks_counts() {
    // "hasnt-bio" says there is no bio: the row is the byline, not an author box.
    let top = "<div class=\"pb-sig-line hasnt-headshot has-0-headshots hasnt-bio is-not-column\">\
               <span class=\"pb-byline\">By <a href=\"https://news.example/people/erin\">Erin \
               Cunningham</a></span> <span class=\"pb-timestamp\">March 18 at 3:57 PM</span></div>";
    assert_eq!(
        authors(&page("", "", top), "https://news.example/council"),
        ["Erin Cunningham"]
    );
}

#[test]
fn writers_in_a_sidebar_marked_by_its_role_are_not_the_author() {
    // A "follow our writers" list styled like bylines, in a `role=complementary` column that
    // comes before the story in the markup.
    let html = format!(
        "<html><head><title>Council extends program</title></head><body>\
         <div role=\"complementary\"><ul><li class=\"author-follow\">Katie Couric</li>\
         <li class=\"author-follow\">Matt Bai</li></ul></div>\
         <article><h1>Council extends program</h1><div class=\"author-name\">Nataliya \
         Vasilyeva</div><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    assert_eq!(
        authors(&html, "https://news.example/council"),
        ["Nataliya Vasilyeva"]
    );
}

#[test]
fn bylines_written_the_ways_other_extractors_test_are_read() {
    let url = "https://news.example/council";
    for (head, top, want) in [
        // Decoration and user-name spelling.
        (
            r#"<meta name="author" content="Jenny Smith ❤️">"#,
            "",
            vec!["Jenny Smith"],
        ),
        (
            "",
            "<span id=\"author\">Jenny_Smith</span>",
            vec!["Jenny Smith"],
        ),
        // The outlet a writer is "from".
        (
            "",
            "<a class=\"author\">Jenny Smith from Trafilatura</a>",
            vec!["Jenny Smith"],
        ),
        // A handle and a clock time beside the name.
        (
            "",
            "<div class=\"author\"><span class=\"profile__name\"> Jenny Smith </span> <a \
             href=\"https://twitter.com/jenny_smith\"> @jenny_smith </a> <span> 11:57AM </span> \
             </div>",
            vec!["Jenny Smith"],
        ),
        // A component named for the byline, and a Drupal "submitted by" line.
        (
            "",
            "<div data-component=\"Byline\">Jenny Smith</div>",
            vec!["Jenny Smith"],
        ),
        (
            "",
            "<div class=\"submitted-by\"><a>Jenny Smith</a></div>",
            vec!["Jenny Smith"],
        ),
        (
            "",
            "<div class=\"submitted-by\">Submitted by Jenny Smith on Mon, 2019-01-21 13:49</div>",
            vec!["Jenny Smith"],
        ),
        // Several properties in one itemprop, and a whole team of writers.
        (
            "",
            "<span itemprop=\"author name\">Shannon Deery, Mitch Clarke, Susie O’Brien, Laura \
             Placella, Kara Irving, Jordy Atkinson, Suzan Delibasic</span>",
            vec![
                "Shannon Deery",
                "Mitch Clarke",
                "Susie O’Brien",
                "Laura Placella",
                "Kara Irving",
                "Jordy Atkinson",
                "Suzan Delibasic",
            ],
        ),
        // Markup escaped into the tag's content (CNN's og:author).
        (
            "<meta property=\"og:author\" content=\"By &lt;a href=&quot;/profiles/amir-vera&quot;\
             &gt;Amir Vera&lt;/a&gt; and Adam Renton, CNN\">",
            "",
            vec!["Amir Vera", "Adam Renton"],
        ),
    ] {
        assert_eq!(authors(&page(head, "", top), url), want, "{head}{top}");
    }
}

#[test]
fn a_submitted_line_without_a_name_names_no_one() {
    let top = "<span class=\"submitted-by\">Submitted on Mon, 2019-01-21 13:49</span>";
    assert!(authors(&page("", "", top), "https://news.example/council").is_empty());
}

#[test]
fn a_name_in_a_figure_or_a_quotation_is_not_the_author() {
    let url = "https://news.example/council";
    for top in [
        "<figure><img src=\"a.jpg\"><div class=\"author\">Jenny Smith</div></figure>",
        "<div class=\"quote\"><p>My quote here</p><p class=\"quote-author\"><span>—</span> \
         Jenny Smith</p></div>",
        "<blockquote><p>We will win.</p><a rel=\"author\" href=\"/jenny\">Jenny Smith</a>\
         </blockquote>",
    ] {
        assert!(authors(&page("", "", top), url).is_empty(), "{top}");
    }
}

#[test]
fn a_person_in_the_json_ld_beats_the_site_named_only_in_microdata() {
    // Folha de S.Paulo: the story's writer in JSON-LD only, and the newspaper as the
    // microdata `author` in `<meta>` tags under the headline; neither is shown.
    let ld = r#"<script type="application/ld+json">{"@context":"http://schema.org",
        "@type":"NewsArticle","headline":"Council extends program",
        "author":[{"@type":"Person","name":"Bruno Rodrigues"}],
        "publisher":{"@type":"Organization","name":"Folha de S.Paulo"}}</script>
        <meta property="og:site_name" content="Folha de S.Paulo">"#;
    let micro = "<div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Organization\">\
                 <meta itemprop=\"name\" content=\"Folha de S.Paulo\"></div>";
    let html = page(ld, "", micro);
    assert_eq!(
        authors(&html, "https://www1.folha.example/esporte/x.shtml"),
        ["Bruno Rodrigues"]
    );
    // The site shown as the byline under the headline is still the byline.
    let shown = "<div itemprop=\"author\"><span itemprop=\"name\">Folha de S.Paulo</span></div>";
    let html = page(ld, "", shown);
    assert_eq!(
        authors(&html, "https://www1.folha.example/esporte/x.shtml"),
        ["Folha de S.Paulo"]
    );
}

#[test]
fn bylines_of_other_languages_are_read() {
    let cases: [(&str, &[&str]); 6] = [
        (
            "<p class=\"autore\">di Mario Rossi e Luca Bianchi</p>",
            &["Mario Rossi", "Luca Bianchi"],
        ),
        (
            "<p class=\"auteur\">Door Jan de Vries en Piet Jansen</p>",
            &["Jan de Vries", "Piet Jansen"],
        ),
        (
            "<p class=\"autor\">Por Ana Souza e João Silva</p>",
            &["Ana Souza", "João Silva"],
        ),
        ("<p class=\"autor\">Anna Kowalska</p>", &["Anna Kowalska"]),
        (
            "<p class=\"byline\">Av Anna Andersson och Erik Lind</p>",
            &["Anna Andersson", "Erik Lind"],
        ),
        // A surname that holds the word is one name.
        (
            "<p class=\"autor\">Por José Maria e Silva</p>",
            &["José Maria e Silva"],
        ),
    ];
    for (top, want) in cases {
        let html = page("", "", top);
        assert_eq!(
            authors(&html, "https://news.example/council"),
            want,
            "{top}"
        );
    }
}

#[test]
fn a_json_ld_person_naming_several_people_gives_them_all() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
        "@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Council extends program",
        "author":{"@type":"Person","name":["Jane Doe","John Roe"]}}}</script>"#;
    assert_eq!(
        authors(&page(ld, "", ""), "https://news.example/council"),
        ["Jane Doe", "John Roe"]
    );
}

#[test]
fn author_links_side_by_side_are_co_authors() {
    let top = "<p><a rel=\"author\" href=\"/a/jane\">Jane Doe</a> and \
               <a rel=\"author\" href=\"/a/john\">John Roe</a></p>";
    assert_eq!(
        authors(&page("", "", top), "https://news.example/council"),
        ["Jane Doe", "John Roe"]
    );
    // An author link further down (a related story's) is not one.
    let top = format!(
        "<p><a rel=\"author\" href=\"/a/jane\">Jane Doe</a></p><p>{PARA}</p><p>{PARA}</p>\
         <p>{PARA}</p><p>{PARA}</p><div><p>More from <a rel=\"author\" href=\"/a/mary\">Mary \
         Major</a></p></div>"
    );
    assert_eq!(
        authors(&page("", "", &top), "https://news.example/council"),
        ["Jane Doe"]
    );
}

#[test]
fn a_capital_di_opens_a_sentence_not_a_byline() {
    let top = "<p>Di Maio ha detto che il governo durera</p>";
    assert!(
        authors(&page("", "", top), "https://news.example/council").is_empty(),
        "{top}"
    );
}

#[test]
fn a_byline_whose_letters_grow_in_lower_case_is_read_whole() {
    // "İ" is two bytes and its lower case three: offsets taken from a lower-cased copy
    // would fall inside a letter.
    let top = "<p>By: İİİİİİ İİİİ</p><p>By İsmail Kaya</p>";
    let got = authors(&page("", "", top), "https://news.example/council");
    assert!(got.iter().all(|n| !n.is_empty()), "{got:?}");
}

#[test]
fn contributor_and_words_labels_open_a_byline() {
    for top in [
        "<p>Contributed by Jane Doe</p>",
        "<p><strong>Contributors:</strong> Jane Doe and John Roe</p>",
        "<p>Words: Jane Doe</p>",
    ] {
        let want: &[&str] = if top.contains("John") {
            &["Jane Doe", "John Roe"]
        } else {
            &["Jane Doe"]
        };
        assert_eq!(
            authors(&page("", "", top), "https://news.example/council"),
            want,
            "{top}"
        );
    }
}

#[test]
fn a_byline_block_component_and_a_timestamp_component_beside_the_names() {
    // AP: the timestamp is a custom element inside the byline, with no space before it.
    let top = "<div class=\"Page-byline\"><div class=\"Page-authors\">By <a href=\"/a/jane\">\
               JANE DOE</a> and <a href=\"/a/john\">JOHN ROE</a></div><bsp-timestamp \
               data-timestamp=\"1700000000000\"><span>Updated 3:45 PM EST, November 14, 2023\
               </span></bsp-timestamp></div>";
    assert_eq!(
        authors(&page("", "", top), "https://news.example/article/x"),
        ["Jane Doe", "John Roe"]
    );
    // BBC: a block named for the byline, the name and then the desk and place.
    let top = "<div data-component=\"byline-block\"><div><div><span>Jane Doe</span></div>\
               <div>BBC News, Washington</div></div></div>";
    let head = r#"<meta property="og:site_name" content="BBC News">"#;
    assert_eq!(
        authors(&page(head, "", top), "https://www.bbc.example/news/x"),
        ["Jane Doe"]
    );
}

#[test]
fn co_authors_named_in_one_microdata_author() {
    let top = "<p itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">By \
               <a href=\"/by/jane\"><span itemprop=\"name\">Jane Doe</span></a> and <a \
               href=\"/by/john\"><span itemprop=\"name\">John Roe</span></a></p>";
    assert_eq!(
        authors(&page("", "", top), "https://news.example/council"),
        ["Jane Doe", "John Roe"]
    );
    // An affiliation's name, in an itemscope of its own, is not a co-author.
    let top = "<div itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">\
               <span itemprop=\"name\">Jane Doe</span><div itemprop=\"affiliation\" \
               itemscope itemtype=\"http://schema.org/Organization\"><span itemprop=\"name\">\
               Springfield University</span></div></div>";
    assert_eq!(
        authors(&page("", "", top), "https://news.example/council"),
        ["Jane Doe"]
    );
}

#[test]
fn a_bylines_place_role_and_glued_role_are_not_names() {
    for (top, want) in [
        (
            "<p class=\"byline\">Par Jeanne Dupont (Bruxelles, correspondante)</p>",
            "Jeanne Dupont",
        ),
        (
            "<p class=\"byline\">Ein Artikel von Hans Müller</p>",
            "Hans Müller",
        ),
        (
            "<div class=\"byline\"><a href=\"/author/jane\">Jane Doe</a><span>Political \
             Editor</span></div>",
            "Jane Doe",
        ),
    ] {
        assert_eq!(
            authors(&page("", "", top), "https://news.example/council"),
            [want],
            "{top}"
        );
    }
}

#[test]
fn bylines_a_component_test_id_or_a_guest_label_names() {
    // BBC's newer markup names the byline only in `data-testid`.
    assert_eq!(
        in_body(
            "<div data-testid=\"byline-new-contributors\"><div><span>Jane Doe</span>\
             <div><span>BBC News, Washington</span></div></div></div>"
        ),
        ["Jane Doe"]
    );
    assert_eq!(
        in_body("<p class=\"byline\">Guest post by Jane Doe</p>"),
        ["Jane Doe"]
    );
    assert_eq!(
        in_body("<p class=\"byline\">文・山田太郎</p>"),
        ["山田太郎"]
    );
}

#[test]
fn the_sites_name_beside_a_person_in_the_json_ld_is_not_a_co_author() {
    // The site's name is on the page (its header); the person's is only in the metadata.
    let html = format!(
        "<html><head><title>Council extends program</title>\
         <meta property=\"og:site_name\" content=\"Planet News\">\
         <script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"headline\": \
         \"Council extends program\", \"author\": {{\"@type\": \"Person\", \"name\": \
         \"Jane Doe | Planet News\"}}}}</script></head><body><header><a href=\"/\">Planet \
         News</a></header><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
         </article></body></html>"
    );
    assert_eq!(
        authors(&html, "https://planet.example/council"),
        ["Jane Doe"]
    );
}

#[test]
fn bloggers_posted_by_in_the_post_footer_is_the_byline() {
    let html = format!(
        "<html><head><title>Python Insider: Python 3.6.0 is now available!</title></head><body>\
         <div class=\"post hentry\"><h3 class=\"post-title entry-title\">Python 3.6.0 is now \
         available!</h3><div class=\"post-body entry-content\"><p>{PARA}</p><p>{PARA}</p></div>\
         <div class=\"post-footer\"><div class=\"post-footer-line post-footer-line-1\">\
         <span class=\"post-author vcard\">Posted by <span class=\"fn\">Ned Deily</span></span>\
         </div></div></div><div class=\"sidebar\"><h2>Contributors</h2><ul>\
         <li><a class=\"profile-name-link\">Mike Driscoll</a></li></ul></div></body></html>"
    );
    assert_eq!(
        authors(
            &html,
            "http://blog.python.org/2016/12/python-360-is-now-available.html"
        ),
        ["Ned Deily"]
    );
}

#[test]
fn the_outlet_beside_the_names_in_a_byline_is_not_a_name() {
    // Gannett: `<span class="author">` then `<span class="publication">`.
    let byline = |names: &str, outlet: &str| {
        page(
            r#"<meta property="og:site_name" content="usatoday">"#,
            "",
            &format!(
                "<div class=\"byline-section\"><div class=\"attribution\"><span class=\"author\">\
                 {names}</span> <span class=\"publication\">{outlet}</span></div><div \
                 class=\"publish-date\">Published 7:07 PM EST Nov 19, 2019</div></div>"
            ),
        )
    };
    let html = byline("Kevin Johnson and Kevin McCoy", "USA TODAY");
    assert_eq!(
        authors(&html, "https://news.example/story/x"),
        ["Kevin Johnson", "Kevin McCoy"]
    );
    // No one named: the outlet's desk is the byline.
    let html = byline("", "Detroit News wire services");
    assert_eq!(
        authors(&html, "https://news.example/story/x"),
        ["Detroit News wire services"]
    );
}

#[test]
fn a_name_linked_after_the_label_with_credentials_is_the_byline() {
    // Healthline: "Written by <a>Rachael Link, MS, RD</a> on November 14, 2019" (three
    // words in the link, as a related story's headline has).
    let html = page(
        "",
        "",
        "<section><div><div><img src=\"a.png\"></div></div><div>Written by <a \
         href=\"/nutrition-team\">Rachael Link, MS, RD</a> on November 14, 2019</div></section>",
    );
    assert_eq!(
        authors(&html, "https://news.example/nutrition/x"),
        ["Rachael Link"]
    );
    // A related story's card still is not the story's byline.
    let html = page(
        "",
        "",
        "<p>Filed Monday</p><ul><li><div><a href=\"/other-story\">Mayor resigns after \
         scandal</a> By John Roe</div></li></ul>",
    );
    assert!(authors(&html, "https://news.example/x").is_empty());
}

#[test]
fn a_link_to_a_byline_page_names_the_author() {
    let html = page(
        "",
        "",
        "<div><span class=\"place\">New Delhi</span>, <a \
         href=\"https://news.example/byline/news-nation-bureau\"><span>News Nation Bureau</span>\
         </a> | Updated : 19 November 2019, 09:01 AM</div>",
    );
    assert_eq!(
        authors(&html, "https://news.example/fact-check/x"),
        ["News Nation Bureau"]
    );
}

#[test]
fn names_and_their_outlet_under_the_headline_are_the_byline_without_a_label() {
    // Gannett's byline with its class names hashed away: the names, the outlet, then the
    // dateline.
    let byline = |names: &str, outlet: &str| {
        format!(
            "<html><head><title>Teachers pack the Statehouse</title></head><body><article>\
             <h1>Teachers pack the Statehouse</h1><div class=\"c1f3a\"><div class=\"c2b7d\">\
             <span class=\"c9e1f\">{names}</span> <span class=\"c4a0c\">{outlet}</span></div>\
             <div class=\"c77e2\">Published 11:34 PM EST Nov 19, 2019</div></div><p>{PARA}</p>\
             <p>{PARA}</p><p>{PARA}</p></article></body></html>"
        )
    };
    let url = "https://news.example/story/news/2019/11/19/teachers/1/";
    assert_eq!(
        authors(&byline("Tom Davies", "Associated Press"), url),
        ["Tom Davies"]
    );
    assert_eq!(
        authors(&byline("Kevin Johnson and Kevin McCoy", "USA TODAY"), url),
        ["Kevin Johnson", "Kevin McCoy"]
    );
    // A kicker is no name, and a name without its outlet could be any title-cased line.
    assert!(authors(&byline("Breaking News", "Associated Press"), url).is_empty());
    let html = byline("Council Votes Tonight", "").replace("<span class=\"c4a0c\"></span>", "");
    assert!(authors(&html, url).is_empty());
}

#[test]
fn a_licence_link_is_no_author_page() {
    // Creative Commons' address holds "/by/", as author pages' do.
    let html = page("", "", "<p>Filed Monday</p>").replace(
        "</article>",
        "</article><div>Content of this site is licensed under a <a rel=\"license\" \
         href=\"https://creativecommons.org/licenses/by/3.0/\">Creative Commons License</a>\
         </div>",
    );
    assert!(authors(&html, "https://news.example/x").is_empty());
}

#[test]
fn a_by_line_without_a_class_names_the_metadatas_coauthors() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council extends program","author":{"@type":"Person","name":"Stefan Becket"}}</script>"#;
    // CBS News with its classes hashed away: the JSON-LD names the first of three.
    let html = page(
        ld,
        "",
        "<p class=\"c81f2a0\">By Stefan Becket, Kathryn Watson, Grace Segers</p>",
    );
    assert_eq!(
        authors(&html, "https://news.example/x"),
        ["Stefan Becket", "Kathryn Watson", "Grace Segers"]
    );
    // A theme's meta line names its categories after the date: they are no co-authors.
    let html = page(
        &ld.replace("Stefan Becket", "Daniel Gibson"),
        "",
        "<p>by Daniel Gibson | Mar 11, 2023 | All About Brakes and Brake Repair, Learn About \
         Brakes | 0 comments</p>",
    );
    assert_eq!(authors(&html, "https://news.example/x"), ["Daniel Gibson"]);
}
