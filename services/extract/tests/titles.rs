//! The headline, not the site's name: themes that put the logo in an `<h1>`.

mod common;

use common::{PARA, article};

fn page(header: &str, headline: &str) -> String {
    format!(
        "<html><head><title>Council extends program - Springfield Gazette</title></head><body>\
         <header>{header}</header><article>{headline}<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
         </article></body></html>"
    )
}

#[test]
fn a_logo_in_an_h1_is_the_site_not_the_headline() {
    // The host does not spell the site's name, so only the markup says which is which.
    let url = "https://www.sj-gazette.example/news/council";
    for header in [
        "<h1 class=\"site-title\">Springfield Gazette</h1>",
        "<h1><a href=\"/\" rel=\"home\">Springfield Gazette</a></h1>",
        "<h1> <a href=\"https://www.sj-gazette.example/\">Springfield Gazette</a> </h1>",
    ] {
        let a = article(
            &page(
                header,
                "<h2 class=\"headline\">Council extends program</h2>",
            ),
            url,
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Council extends program"),
            "{header}"
        );
        assert_eq!(a.source.as_deref(), Some("Springfield Gazette"), "{header}");
    }
}

#[test]
fn a_headline_that_links_to_its_own_story_is_still_the_headline() {
    let url = "https://www.sj-gazette.example/news/council";
    let a = article(
        &page(
            "<p>Springfield Gazette</p>",
            "<h1><a href=\"/news/council\">Council extends program</a></h1>",
        ),
        url,
    );
    assert_eq!(a.title.as_deref(), Some("Council extends program"));
}

#[test]
fn the_source_falls_back_to_the_site_name_the_title_gives() {
    let html = format!(
        "<html><head><title>Council extends program | Springfield Gazette</title></head>\
         <body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p></article>\
         </body></html>"
    );
    let a = article(&html, "https://www.springfieldgazette.example/news/council");
    assert_eq!(a.source.as_deref(), Some("Springfield Gazette"));
    // A tail the host does not spell is not taken for the site.
    let a = article(&html, "https://news.example/news/council");
    assert_eq!(a.source, None);
}

#[test]
fn a_short_headline_before_the_authors_name_in_the_title_is_the_headline() {
    // The parentheses make the tail look long if tokens are counted instead of words.
    let html = format!(
        "<html><head><title>On Recent Controversial Events - Bradley M. Kuhn ( Brad ) ( bkuhn \
         )</title></head><body><div id=\"post\"><h1> On Recent Controversial Events </h1>\
         <p>{PARA}</p><p>{PARA}</p></div></body></html>"
    );
    let a = article(&html, "http://ebb.org/bkuhn/blog/2017/01/01/events.html");
    assert_eq!(a.title.as_deref(), Some("On Recent Controversial Events"));
}

#[test]
fn a_title_that_is_only_the_domain_gives_way_to_the_headline() {
    let html = format!(
        "<html><head><title>example.com</title></head><body><h1>First</h1><p>{PARA}</p>\
         <p>{PARA}</p></body></html>"
    );
    let a = article(&html, "https://news.example.com/2021/07/council.html");
    assert_eq!(a.title.as_deref(), Some("First"));
}

#[test]
fn a_headline_the_metadata_also_calls_the_app_name_is_still_the_headline() {
    // MSN's `application-name` repeats the headline; the logo's `<h1>` comes first.
    let html = format!(
        "<html><head><title>Nintendo's first iPhone game will launch in December</title>\
         <meta name=\"application-name\" content=\"Nintendo's first iPhone game will launch in \
         December\"><meta property=\"og:site_name\" content=\"MSN\"></head><body><header><h1>\
         msn back to msn home news</h1></header><article><h1 itemprop=\"headline\">Nintendo's \
         first iPhone game will launch in December</h1><p>{PARA}</p><p>{PARA}</p></article>\
         </body></html>"
    );
    let a = article(
        &html,
        "https://www.msn.example/en-us/news/technology/nintendo/ar-AAk",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Nintendo's first iPhone game will launch in December")
    );
}

fn titled(title: &str, headline: &str, url: &str) -> Option<String> {
    let html = format!(
        "<html><head><title>{title}</title></head><body><header><a class=\"logo\" href=\"/\">\
         Daily Ledger</a></header><article>{headline}<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
         </article></body></html>"
    );
    article(&html, url).title
}

#[test]
fn the_sites_name_in_the_middle_of_the_title_ends_the_headline() {
    let url = "https://www.dailyledger.example/2025/07/council-extends";
    assert_eq!(
        titled(
            "Council extends program | Daily Ledger | Your source for local news",
            "",
            url
        )
        .as_deref(),
        Some("Council extends program")
    );
}

#[test]
fn a_title_that_is_only_the_sites_name_gives_way_to_the_headline() {
    let url = "https://www.dailyledger.example/2025/07/council-extends";
    let h1 = "<h1 class=\"headline\">Council extends program for three more years</h1>";
    assert_eq!(
        titled("Daily Ledger", h1, url).as_deref(),
        Some("Council extends program for three more years")
    );
}

#[test]
fn a_title_left_with_a_sections_name_gives_way_to_the_headline() {
    let url = "https://www.dailyledger.example/2025/07/council-extends";
    let h1 = "<h1>Council extends program for three more years</h1>";
    for title in ["Daily Ledger - Local news", "Opinion | Daily Ledger"] {
        assert_eq!(
            titled(title, h1, url).as_deref(),
            Some("Council extends program for three more years"),
            "{title}"
        );
    }
    // A headline of a few words in the `<title>` still beats an `<h1>` that shares none.
    assert_eq!(
        titled("Budget deal reached | Daily Ledger", h1, url).as_deref(),
        Some("Budget deal reached")
    );
}

#[test]
fn a_subtitle_inside_the_h1_is_not_part_of_the_headline() {
    let url = "https://www.dailyledger.example/2025/07/council-extends";
    for h1 in [
        "<h1>Council extends program <small>The vote was five to four</small></h1>",
        "<h1><span>Council extends program</span> <span class=\"entry-subtitle\">The vote \
         was five to four</span></h1>",
    ] {
        assert_eq!(
            titled("Council extends program", h1, url).as_deref(),
            Some("Council extends program"),
            "{h1}"
        );
    }
    // A headline that is all in `<small>` is still the headline.
    assert_eq!(
        titled(
            "Daily Ledger",
            "<h1><small>Council extends program</small></h1>",
            url
        )
        .as_deref(),
        Some("Council extends program")
    );
}

#[test]
fn a_template_placeholder_title_gives_way_to_the_headline() {
    let url = "https://www.dailyledger.example/2025/07/council-extends";
    for title in ["Home", "Untitled document"] {
        assert_eq!(
            titled(title, "<h1>Council extends program</h1>", url).as_deref(),
            Some("Council extends program"),
            "{title}"
        );
    }
}

#[test]
fn one_headline_shown_twice_is_one_visible_headline() {
    // A mobile and a desktop header both show the headline; the metadata words it
    // differently, and the page's own headline wins as it would if shown once.
    let html = format!(
        "<html><head><title>How do you set up an ergonomic workstation? | Acme</title>\
         <meta property=\"og:title\" content=\"How do you set up an ergonomic workstation?\">\
         </head><body><div class=\"mobile\"><h1>Setting up an ergonomic workspace</h1></div>\
         <article><h1>Setting up an ergonomic workspace</h1><p>{PARA}</p><p>{PARA}</p>\
         <p>{PARA}</p></article></body></html>"
    );
    assert_eq!(
        article(&html, "https://www.acme.example/discover/workstation-setup")
            .title
            .as_deref(),
        Some("Setting up an ergonomic workspace")
    );
}

#[test]
fn a_themes_post_title_heading_is_the_headline_of_a_page_without_an_h1() {
    let url = "https://www.dailyledger.example/2025/07/council-extends";
    let h2 = "<h2 class=\"entry-title\">Council extends program for three more years</h2>";
    assert_eq!(
        titled("Home", h2, url).as_deref(),
        Some("Council extends program for three more years")
    );
    // With an `<h1>` on the page, the `<h2>` is not a candidate.
    let both = format!("<h1>Council extends program</h1>{h2}");
    assert_eq!(
        titled("Council extends program - Daily Ledger", &both, url).as_deref(),
        Some("Council extends program")
    );
}

#[test]
fn the_sites_name_glued_after_the_headline_in_its_h1_is_not_part_of_it() {
    let html = format!(
        "<html><head><title>Anticorrupción recurre la imputación » Local » Ultima Hora \
         Mallorca</title></head><body><article><h1><span class=\"define\">Anticorrupción \
         recurre la imputación</span><a href=\"/mallorca.html\">Ultima Hora Mallorca</a></h1>\
         <p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    let a = article(
        &html,
        "https://www.ultimahora.example/noticias/local/x.html",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Anticorrupción recurre la imputación")
    );
    assert!(!a.body.starts_with("Anticorrupción"), "{}", a.body);
}

#[test]
fn bloggers_post_title_heading_beats_the_blog_name_in_the_title() {
    let html = format!(
        "<html><head><title>Jane's notes: Council extends program</title></head><body>\
         <h1 class=\"title\"><a href=\"/\">Jane's notes</a></h1><div class=\"post\">\
         <h3 class=\"post-title entry-title\">Council extends program</h3>\
         <div class=\"post-body\"><p>{PARA}</p><p>{PARA}</p></div></div></body></html>"
    );
    let a = article(
        &html,
        "https://janesnotes.blogspot.com/2023/11/council.html",
    );
    assert_eq!(a.title.as_deref(), Some("Council extends program"));
}

#[test]
fn a_microdata_headline_in_the_head_is_a_title() {
    let html = format!(
        "<html><head><meta itemprop=\"headline\" content=\"Council extends program\"></head>\
         <body><article><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    let a = article(&html, "https://news.example/council");
    assert_eq!(a.title.as_deref(), Some("Council extends program"));
}

/// A page with nothing but a `<title>` and the markup to say what its headline is.
fn bare(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body>{body}<p>{PARA}</p><p>{PARA}</p>\
         <p>{PARA}</p></body></html>"
    )
}

#[test]
fn the_title_tags_parts_that_are_both_h1s_give_the_blogs_name_after_the_headline() {
    // GiveWell: the blog's name in an `<h1 class="title">`, then the post's.
    let html = bare(
        "September 2018 open thread - The GiveWell Blog",
        "<h1 class=\"title\">The GiveWell Blog</h1><h1 class=\"entry-title\">September 2018 open \
         thread</h1>",
    );
    let a = article(
        &html,
        "https://blog.example.org/2018/09/10/september-2018-open-thread/",
    );
    assert_eq!(a.title.as_deref(), Some("September 2018 open thread"));
}

#[test]
fn a_title_tag_that_is_only_the_sites_name_gives_way_to_the_headline() {
    // Quanta Magazine's `<title>`, and a second `<h1>` of a widget's label.
    let html = bare(
        "Quanta Magazine",
        "<h1>Cells That Taste Danger Set Off Immune Responses</h1><div><h1>Next article</h1>\
         <h2>Neutrinos lead to a discovery in math</h2></div>",
    );
    let a = article(&html, "https://www.quantamagazine.org/tuft-cells-20191115/");
    assert_eq!(
        a.title.as_deref(),
        Some("Cells That Taste Danger Set Off Immune Responses")
    );
}

#[test]
fn a_headline_before_a_list_of_the_sites_parts_is_the_headline() {
    // "Classificação NASCAR | Autoracing | F1 | Indy | MotoGP | StockCar" with sidebar
    // `<h1>`s further down.
    let html = bare(
        "Classificação NASCAR | Autoracing | F1 | Indy | MotoGP | StockCar",
        "<h1 itemprop=\"name\">Classificação NASCAR</h1><p>Nesta sexta-feira, os pilotos \
         definiram o grid.</p><aside class=\"sidebar\"><h1>» Coluna de Adauto Silva</h1>\
         <h1>» Publicidade</h1></aside>",
    );
    let a = article(
        &html,
        "http://www.autoracing.example.br/classificacao-nascar/",
    );
    assert_eq!(a.title.as_deref(), Some("Classificação NASCAR"));
}

#[test]
fn a_sources_domain_and_a_comment_count_after_the_headline_are_not_part_of_it() {
    // Slashdot's `<h1>`: the story's link, then the source and the count of comments.
    let html = format!(
        "<html><head><title>Stanford Grads Find Their Degrees No Longer Guarantee Jobs - \
         Slashdot</title><meta property=\"og:title\" content=\"Stanford Grads Find Their Degrees \
         No Longer Guarantee Jobs - Slashdot\"></head><body><article><h1><span><a \
         href=\"/story/25/12/19/1\">Stanford Grads Find Their Degrees No Longer Guarantee \
         Jobs</a> <span>(<a href=\"https://latimes.example.com/x\">latimes.com</a>)</span></span> \
         <span>87</span></h1><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    let a = article(
        &html,
        "https://developers.slashdot.org/story/25/12/19/1/stanford",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Stanford Grads Find Their Degrees No Longer Guarantee Jobs")
    );
}

#[test]
fn a_documentation_anchor_after_the_heading_is_not_part_of_it() {
    // Sphinx: `<a class="headerlink" href="#...">¶</a>` inside the `<h1>`.
    let html = format!(
        "<html><head><title>Evolve: Shared Mutable History — evolve extension for \
         Mercurial</title></head><body><div class=\"body\"><h1>Evolve: Shared Mutable History<a \
         class=\"headerlink\" href=\"#evolve\">¶</a></h1><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
         </div></body></html>"
    );
    let a = article(&html, "https://docs.example.org/evolve/");
    assert_eq!(a.title.as_deref(), Some("Evolve: Shared Mutable History"));
    // A headline that ends in a sign of its own keeps it.
    let html = html
        .replace("Evolve: Shared Mutable History", "Learning C#")
        .replace("<a class=\"headerlink\" href=\"#evolve\">¶</a>", "");
    let a = article(&html, "https://docs.example.org/evolve/");
    assert_eq!(a.title.as_deref(), Some("Learning C#"));
}
