//! When it was published: what the page shows and what its metadata says, placed in time.

mod common;

use common::{PARA, article};

fn page(head: &str, top: &str) -> String {
    format!(
        "<html><head><title>Council extends program</title>{head}</head><body>\
         <article><h1>Council extends program</h1>{top}<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
         </article></body></html>"
    )
}

/// The publication time of a whole page.
fn published_of(html: &str, url: &str) -> Option<String> {
    article(html, url).published_at.map(|p| p.to_string())
}

fn published(head: &str, top: &str, url: &str) -> Option<String> {
    article(&page(head, top), url)
        .published_at
        .map(|p| p.to_string())
}

/// Publication and modification times of a story page.
fn times(head: &str, top: &str) -> (Option<String>, Option<String>) {
    let a = article(&page(head, top), "https://news.example/council");
    (
        a.published_at.map(|p| p.to_string()),
        a.modified_at.map(|p| p.to_string()),
    )
}

/// The publication time of a page fetched at `fetched` (RFC 3339): relative datelines count
/// from it.
fn published_fetched_at(html: &str, url: &str, fetched: &str) -> Option<String> {
    use newsflow_extract::{PageContent, PageInput, extract};
    let fetched = chrono::DateTime::parse_from_rfc3339(fetched)
        .expect("valid")
        .with_timezone(&chrono::Utc);
    match extract(&PageInput {
        body: html.as_bytes(),
        url,
        content_type: None,
        fetched_at: Some(fetched),
    })
    .expect("extracts")
    {
        PageContent::Article { article, .. } => article.published_at.map(|p| p.to_string()),
        PageContent::NotArticle { reason, .. } => panic!("{reason}"),
    }
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// A story page in a language, with `top` under its headline.
fn page_in(lang: &str, top: &str) -> String {
    format!(
        "<html lang=\"{lang}\"><head><title>Council</title></head><body><article>\
         <h1>Council</h1>{top}<p>{PARA}</p><p>{PARA}</p></article></body></html>"
    )
}

#[test]
fn an_update_line_shown_first_is_not_the_publication_time() {
    let top = "<p>Updated 10:15 AM ET, Dec 19, 2025</p><p class=\"byline\">By Jane Doe</p>\
               <p>Published 9:05 AM ET, Dec 18, 2025</p>";
    assert_eq!(
        published("", top, "https://news.example/council").as_deref(),
        Some("2025-12-18T09:05:00-05:00")
    );
}

#[test]
fn the_revision_a_page_shows_is_its_modification_time() {
    let top =
        "<p class=\"dateline\">Dec 18, 2025 9:05 AM ET | Updated Dec 19, 2025 10:15 AM ET</p>";
    assert_eq!(
        times("", top),
        (
            some("2025-12-18T09:05:00-05:00"),
            some("2025-12-19T10:15:00-05:00")
        )
    );
    // Nothing says "updated": no modification time is made up.
    let top = "<p class=\"dateline\">Dec 18, 2025 9:05 AM ET</p>";
    assert_eq!(times("", top).1, None);
}

#[test]
fn a_dateline_without_a_zone_is_placed_in_the_pages_locale() {
    let top = "<p class=\"byline\">By Jane Doe</p><p>Published July 8, 2025 at 9:05 a.m.</p>";
    // A US English page: Eastern time, summer offset.
    assert_eq!(
        published(
            r#"<meta property="og:locale" content="en_US">"#,
            top,
            "https://news.example/x"
        )
        .as_deref(),
        Some("2025-07-08T09:05:00-04:00")
    );
    // A German page: Berlin, summer offset.
    let top_de = "<p>Veröffentlicht am 8. Juli 2025, 09:05 Uhr</p>";
    assert_eq!(
        published(
            r#"<meta property="og:locale" content="de_DE">"#,
            top_de,
            "https://news.example/x"
        )
        .as_deref(),
        Some("2025-07-08T09:05:00+02:00")
    );
}

#[test]
fn a_newsroom_is_placed_in_the_zone_of_the_city_its_name_gives() {
    let top = "<p class=\"byline\">By Jane Doe</p><p>Published July 8, 2025 at 9:05 a.m.</p>";
    let head = |site: &str| {
        format!(
            r#"<meta property="og:locale" content="en_US"><meta property="og:site_name" content="{site}">"#
        )
    };
    let at = |site: &str, url: &str| published(&head(site), top, url);
    // A US page is in Eastern time unless its name says where else.
    assert_eq!(
        at("The Daily Ledger", "https://news.example/x").as_deref(),
        Some("2025-07-08T09:05:00-04:00")
    );
    assert_eq!(
        at("The Seattle Times", "https://news.example/x").as_deref(),
        Some("2025-07-08T09:05:00-07:00")
    );
    assert_eq!(
        at("Chicago Tribune", "https://news.example/x").as_deref(),
        Some("2025-07-08T09:05:00-05:00")
    );
    // Arizona keeps standard time all summer; the domain names the place too.
    assert_eq!(
        at("The Republic", "https://www.azcentral.com/story/x").as_deref(),
        Some("2025-07-08T09:05:00-07:00")
    );
    // El Paso is in Texas, and on Mountain time.
    assert_eq!(
        at("El Paso Times", "https://www.elpasotimes.example/story/x").as_deref(),
        Some("2025-07-08T09:05:00-06:00")
    );
    assert_eq!(
        at("Houston Chronicle", "https://news.example/x").as_deref(),
        Some("2025-07-08T09:05:00-05:00")
    );
    // Canada's and Australia's lists are read for their own pages only.
    assert_eq!(
        published("", top, "https://calgaryherald.ca/news/x").as_deref(),
        Some("2025-07-08T09:05:00-06:00")
    );
    assert_eq!(
        at("Calgary Herald", "https://news.example/x").as_deref(),
        Some("2025-07-08T09:05:00-04:00")
    );
}

#[test]
fn a_dateline_on_a_page_that_declares_no_language_is_placed_by_the_texts_language() {
    // No lang attribute, no locale tag, a .com host: the Chinese text says China's time.
    let zh = "谷歌在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识的电脑。\
              研究人员表示，这种新型神经网络可以像人类一样利用过去的经验来解决新的问题。";
    let html = format!(
        "<html><head><title>人工智能迈上新台阶</title></head><body><article><h1>人工智能迈上新台阶\
         </h1><span class=\"pubTime\">2016年10月14日07:17</span><p>{zh}</p><p>{zh}</p><p>{zh}</p>\
         </article></body></html>"
    );
    let a = article(&html, "http://tech.example.com/a/20161014/006270.htm");
    assert_eq!(
        a.published_at.map(|p| p.to_string()).as_deref(),
        Some("2016-10-14T07:17:00+08:00")
    );
}

#[test]
fn a_script_gives_the_offset_the_metadata_left_out() {
    let head = r#"<meta property="article:published_time" content="2019-11-19T18:18:25">
        <script>window.meta = {"articlePublishTime": "2019-11-19T18:18:25.828095-08:00"};</script>"#;
    assert_eq!(
        published(head, "", "https://news.example/x").as_deref(),
        Some("2019-11-19T18:18:25-08:00")
    );
}

#[test]
fn a_video_in_the_json_ld_does_not_date_the_story() {
    // CNN: the only JSON-LD is the clip, uploaded weeks before; the page's tags date the story.
    let head = r#"<meta name="pubdate" content="2019-11-19T02:34:30Z">
        <script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "VideoObject", "name": "Trump on trade", "uploadDate": "2019-10-11T14:59:54Z"}
        </script>"#;
    assert_eq!(
        published(head, "", "https://news.example/x").as_deref(),
        Some("2019-11-19T02:34:30+00:00")
    );
}

#[test]
fn metadata_that_a_dateline_shows_as_the_update_gives_way_to_the_first_time() {
    let head = r#"<meta property="article:published_time" content="2019-11-19T02:46:42Z">"#;
    let top = "<p class=\"byline\">By HNN Staff</p><p><span class=\"timestamp\">November 18, \
               2019 at 2:26 PM HST - Updated November 18 at 4:46 PM</span></p>";
    assert_eq!(
        published(head, top, "https://news.example/x").as_deref(),
        Some("2019-11-18T14:26:00-10:00")
    );
}

#[test]
fn a_zoned_dateline_beats_a_later_zoneless_machine_time() {
    let head = r#"<script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "NewsArticle", "headline": "Council extends program",
        "datePublished": "2019-11-19 19:31:39"}</script>"#;
    let top = "<p class=\"byline\">By Jane Doe | November 18, 2019 -- 19:14 GMT</p>";
    assert_eq!(
        published(head, top, "https://news.example/x").as_deref(),
        Some("2019-11-18T19:14:00+00:00")
    );
}

#[test]
fn numeric_dates_are_day_first_outside_america() {
    let top = "<p>05/10/2018 - Publicado por: Clarissa Borba</p>";
    assert_eq!(
        published("", top, "https://jornal.example.com.br/x").as_deref(),
        Some("2018-10-05")
    );
    let top_en = "<p>Published 05/10/2018</p>";
    assert_eq!(
        published(
            r#"<meta property="og:locale" content="en_GB">"#,
            top_en,
            "https://news.example/x"
        )
        .as_deref(),
        Some("2018-10-05")
    );
    // American English: month first.
    assert_eq!(
        published(
            r#"<meta property="og:locale" content="en_US">"#,
            top_en,
            "https://news.example/x"
        )
        .as_deref(),
        Some("2018-05-10")
    );
}

#[test]
fn a_midnight_placeholder_gives_way_to_the_real_time() {
    let head = r#"<meta property="article:published_time" content="2023-05-17T00:00:00+0000">
        <meta name="parsely-pub-date" content="2023-05-18T04:39:05+00:00">"#;
    assert_eq!(
        published(head, "", "https://news.example/x").as_deref(),
        Some("2023-05-18T04:39:05+00:00")
    );
}

#[test]
fn odd_machine_formats_and_american_public_domains() {
    // "UTC" where the "T" belongs.
    let head = r#"<meta property="article:published_time" content="2025-12-17UTC07:30:00+00:00">"#;
    assert_eq!(
        published(head, "", "https://news.example/x").as_deref(),
        Some("2025-12-17T07:30:00+00:00")
    );
    // ISO 8601's basic format, without separators.
    let head = r#"<script type="application/ld+json">{"@type": "NewsArticle",
        "headline": "Council extends program", "datePublished": "20180619T055000+0900"}</script>"#;
    assert_eq!(
        published(head, "", "https://news.example/x").as_deref(),
        Some("2018-06-19T05:50:00+09:00")
    );
    // A US government page shows Eastern time without saying so.
    let top = "<p>Thu, 09/25/2025 - 11:38</p>";
    assert_eq!(
        published(r#"<html lang="en">"#, top, "https://www.agency.gov/drugs/x").as_deref(),
        Some("2025-09-25T11:38:00-04:00")
    );
}

#[test]
fn metadata_local_time_under_the_wrong_offset_takes_the_datelines_zone() {
    // JSON-LD says UTC; the page shows the same wall time in Eastern time.
    let head = r#"<script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "NewsArticle", "headline": "Council extends program",
        "datePublished": "2025-11-07T15:50:56Z"}</script>"#;
    let top =
        "<p class=\"byline\">By Rebecca Lake</p><p>Published on November 7, 2025, 3:50pm ET</p>";
    assert_eq!(
        published(head, top, "https://news.example/x").as_deref(),
        Some("2025-11-07T15:50:56-05:00")
    );
}

#[test]
fn a_sites_own_publication_tag_is_read() {
    let head = r#"<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">
        <meta name="w-updated-date" content="2025-06-01T09:00:00Z">"#;
    assert_eq!(
        published(head, "", "https://news.example/x").as_deref(),
        Some("2025-05-27T06:03:43+00:00")
    );
}

#[test]
fn the_url_settles_which_number_is_the_day() {
    let top = "<p>Published 03/10/2023</p>";
    assert_eq!(
        published("", top, "https://wine.example/blog/2023/october/03/types").as_deref(),
        Some("2023-10-03")
    );
    // Without a date in the URL, an English page on a generic domain reads month first.
    assert_eq!(
        published("", top, "https://wine.example/blog/types").as_deref(),
        Some("2023-03-10")
    );
}

#[test]
fn a_revision_time_in_the_metadata_yields_to_the_dateline_it_updated() {
    let head = r#"<meta property="og:article:published_time" content="2019-11-19T21:57:01+0000"><meta property="og:article:modified_time" content="2019-11-19T21:57:01+0000"><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council extends program", "datePublished": "2019-11-19T21:57:01+0000", "dateModified": "2019-11-19T21:57:01+0000"}</script>"#;
    let top = "<div class=\"ArticleHeader_date\">November 19, 2019 /  12:21 AM / Updated 14 hours ago</div>";
    assert_eq!(
        published(head, top, "https://news.example/council").as_deref(),
        Some("2019-11-19T00:21:00+00:00")
    );
    // Without the update mark the dateline is another time, not the publication.
    let top = "<div class=\"ArticleHeader_date\">November 19, 2019 /  12:21 AM</div>";
    assert_eq!(
        published(head, top, "https://news.example/council").as_deref(),
        Some("2019-11-19T21:57:01+00:00")
    );
}

#[test]
fn yoasts_gmt_clock_under_the_local_offset_yields_to_the_themes_time() {
    let head = r#"<meta property="article:published_time" content="2018-09-10T16:25:36-05:00">"#;
    let top = "<time class=\"entry-date published\" datetime=\"2018-09-10T11:25:36-05:00\">September 10, 2018</time>";
    assert_eq!(
        published(head, top, "https://blog.example/2018/09/10/thread/").as_deref(),
        Some("2018-09-10T11:25:36-05:00")
    );
}

#[test]
fn the_metadata_that_agrees_settles_a_wall_time_under_two_offsets() {
    // Hearst: the JSON-LD puts the UTC clock under the local offset.
    let head = r#"<meta property="article:published_time" content="2025-01-29T18:10:00Z"><meta name="sailthru.date" content="2025-01-29 18:10:00"><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council extends program", "datePublished": "2025-01-29T18:10:07.780602-0500"}</script>"#;
    assert_eq!(
        published(head, "", "https://www.magazine.example/a1/").as_deref(),
        Some("2025-01-29T18:10:00+00:00")
    );
    // One tag against the JSON-LD: nothing settles it, the JSON-LD stays.
    let head = r#"<meta property="article:published_time" content="2025-01-29T18:10:00Z"><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council extends program", "datePublished": "2025-01-29T18:10:07.780602-0500"}</script>"#;
    assert_eq!(
        published(head, "", "https://www.magazine.example/a1/").as_deref(),
        Some("2025-01-29T18:10:07-05:00")
    );
}

#[test]
fn a_publication_stamp_after_the_modification_yields_to_the_dateline() {
    let head = r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council extends program", "datePublished": "2019-11-19T07:09:00Z", "dateModified": "2019-11-19T05:44:06Z"}</script>"#;
    let top = "<time datetime=\"Tue Nov 19 2019 05:44:06 GMT+0000\">19 Nov 2019 05:44 GMT</time>";
    assert_eq!(
        published(head, top, "https://news.example/council").as_deref(),
        Some("2019-11-19T05:44:06+00:00")
    );
    // Published before modified: the stamp stands.
    let head = head.replace("07:09:00", "04:09:00");
    assert_eq!(
        published(&head, top, "https://news.example/council").as_deref(),
        Some("2019-11-19T04:09:00+00:00")
    );
}

#[test]
fn zone_abbreviations_of_asia_and_the_middle_east() {
    for (top, want) in [
        (
            "<p class=\"date\">November 20, 2019 - 11:28 AMT</p>",
            "2019-11-20T11:28:00+04:00",
        ),
        (
            "<p class=\"date\">November 20, 2019 - 11:28 PKT</p>",
            "2019-11-20T11:28:00+05:00",
        ),
        (
            "<p class=\"date\">November 20, 2019 - 11:28 NPT</p>",
            "2019-11-20T11:28:00+05:45",
        ),
    ] {
        assert_eq!(
            published("", top, "https://news.example/x").as_deref(),
            Some(want),
            "{top}"
        );
    }
}

#[test]
fn json_ld_in_a_meta_tag_is_read() {
    let head = r#"<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;@context&quot;:&quot;https://schema.org&quot;,&quot;headline&quot;:&quot;Council extends program&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">"#;
    assert_eq!(
        published(head, "", "https://news.example/council").as_deref(),
        Some("2025-11-17T09:00:00-05:00")
    );
}

#[test]
fn a_wall_clock_under_two_offsets_yields_to_the_gmt_date() {
    let head = r#"<meta property="article:published_time" content="2014-09-15T14:22:02+00:00"><script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Council extends program", "datePublished": "2014-09-15T20:22:02+00:00"}]}</script>"#;
    let top = "<time class=\"entry-date published\" datetime=\"2014-09-15T14:22:02-05:00\">September 15, 2014</time>";
    assert_eq!(
        published(head, top, "https://blog.example/2014/09/hike/").as_deref(),
        Some("2014-09-15T14:22:02-06:00")
    );
}

#[test]
fn a_json_ld_revision_stamp_yields_to_the_first_publication() {
    let ld = r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council extends program", "datePublished": "2025-11-14T14:48:03.000Z", "dateModified": "2025-11-14T14:48:00.000Z"}</script>"#;
    let head =
        format!(r#"{ld}<meta property="article:published_time" content="2025-11-14T02:03:00Z">"#);
    assert_eq!(
        published(&head, "", "https://news.example/council").as_deref(),
        Some("2025-11-14T02:03:00+00:00")
    );
    // Published well before the modification: the JSON-LD stands.
    let head = head.replace(
        "\"dateModified\": \"2025-11-14T14:48:00.000Z\"",
        "\"dateModified\": \"2025-11-15T09:00:00Z\"",
    );
    assert_eq!(
        published(&head, "", "https://news.example/council").as_deref(),
        Some("2025-11-14T14:48:03+00:00")
    );
}

#[test]
fn hatom_keeps_the_instant_in_an_abbr_title() {
    // Blogger and older WordPress themes: the visible text is only the day.
    let top = "<p class=\"byline\">By Jane Doe</p><a href=\"/2025/12/council.html\">\
               <abbr class=\"published\" title=\"2025-12-19T15:18:00-05:00\">December 19, \
               2025</abbr></a>";
    assert_eq!(
        published("", top, "https://blog.example/2025/12/council.html").as_deref(),
        Some("2025-12-19T15:18:00-05:00")
    );
}

#[test]
fn an_update_named_inside_the_byline_is_not_the_publication_day() {
    let top = "<div class=\"byline\">By Jane Doe Updated March 5, 2024</div>\
               <div class=\"date\">March 4, 2024</div>";
    assert_eq!(
        published("", top, "https://news.example/senate").as_deref(),
        Some("2024-03-04")
    );
}

#[test]
fn a_zoneless_modification_time_takes_the_offset_of_the_publication() {
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org",
        "@type":"NewsArticle","headline":"Council extends program",
        "datePublished":"2024-03-01T10:00:00","dateModified":"2024-03-01T12:30:00"}</script>
        <meta property="article:published_time" content="2024-03-01T10:00:00-05:00">"#;
    assert_eq!(
        times(head, ""),
        (
            some("2024-03-01T10:00:00-05:00"),
            some("2024-03-01T12:30:00-05:00")
        )
    );
}

#[test]
fn a_utc_instant_is_shown_on_the_sites_own_day() {
    // The theme's `<time>` gives the same instant in the site's offset.
    let head = r#"<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">"#;
    let top = r#"<p><time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time></p>"#;
    assert_eq!(
        published(head, top, "https://blog.example/collies").as_deref(),
        Some("2025-12-18T19:05:00-08:00")
    );
    // The URL names the day; the comments are stamped in the site's offset.
    let head = r#"<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">"#;
    let html = format!(
        "<html><head><title>Council extends program</title>{head}</head><body>\
         <article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p></article>\
         <section class=\"comments\"><p>Nice. <time datetime=\"2025-12-19T00:25:41-05:00\">\
         December 19, 2025, 12:25 am</time></p></section></body></html>"
    );
    let a = article(&html, "https://blog.example/2025/12/18/council/");
    assert_eq!(
        a.published_at.map(|p| p.to_string()).as_deref(),
        Some("2025-12-18T21:41:41-05:00")
    );
    // Without either, the instant keeps the offset it was written with.
    assert_eq!(
        published(head, "", "https://blog.example/council").as_deref(),
        Some("2025-12-19T02:41:41+00:00")
    );
}

#[test]
fn today_at_a_time_is_placed_in_the_sites_zone() {
    let html = format!(
        "<html><head><title>Council extends program</title></head><body><article>\
         <h1>Council extends program</h1><p class=\"date\">Today, 09:30</p><p>{PARA}</p>\
         <p>{PARA}</p></article></body></html>"
    );
    let published = |url: &str| published_fetched_at(&html, url, "2024-07-04T15:00:00Z");
    // A British site: London's summer time.
    assert_eq!(
        published("https://news.example.co.uk/council").as_deref(),
        Some("2024-07-04T09:30:00+01:00")
    );
    // No zone known: the day only.
    assert_eq!(
        published("https://news.example/council").as_deref(),
        Some("2024-07-04")
    );
}

#[test]
fn a_tweets_date_is_not_the_storys() {
    // An embedded tweet quoted in the story, and a feed widget's tweets beside it.
    let tweet = "<blockquote class=\"twitter-tweet\"><p>More code, more data.</p>&mdash; Jane \
                 (@jane) <a href=\"https://twitter.com/jane/status/1\">November 20, 2025</a>\
                 </blockquote>";
    assert_eq!(published("", tweet, "https://news.example/council"), None);
    let widget = "<div class=\"aptf-tweets-wrapper\"><p class=\"aptf-timestamp\">\
                  <a href=\"https://twitter.com/x/status/2\">- November 20, 2019, 10:54 am</a>\
                  </p></div><p class=\"dateline\">Published Nov. 18, 2019 9:05 AM ET</p>";
    assert_eq!(
        published("", widget, "https://news.example/council").as_deref(),
        Some("2019-11-18T09:05:00-05:00")
    );
}

#[test]
fn an_instagram_posts_time_is_not_the_storys() {
    let post = "<blockquote class=\"instagram-media\"><div><p><a href=\"https://www.instagram.\
                com/p/1/\">Ein Beitrag geteilt von Vreni</a> am <time datetime=\"2018-03-12T19:\
                30:12+00:00\">Mär 12, 2018 um 12:30 PDT</time></p></div></blockquote>\
                <p class=\"dateline\">Dienstag, 29. Januar 2019</p>";
    let page = format!(
        "<html><head><title>Urteil</title></head><body><article><h1>Urteil</h1>\
         <p class=\"date\">Dienstag, 29. Januar 2019</p><p>{PARA}</p>{post}<p>{PARA}</p>\
         </article></body></html>"
    );
    assert_eq!(
        published_of(&page, "https://news.example/urteil").as_deref(),
        Some("2019-01-29")
    );
}

#[test]
fn the_mastheads_edition_date_is_not_the_storys() {
    let page = format!(
        "<html><head><title>Violences</title></head><body><header><a class=\"logo\" \
         href=\"/\"><span class=\"date-edition\">lun. 5 août 2019</span></a></header>\
         <article><h1>Violences</h1><ul class=\"info\"><li>27 juin 2019</li><li>Par Elba</li>\
         </ul><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    assert_eq!(
        published_of(&page, "https://blogs.example/violences").as_deref(),
        Some("2019-06-27")
    );
}

#[test]
fn a_time_that_says_published_on_another_day_than_its_attribute_is_read_as_shown() {
    let top = "<time datetime=\"2019-07-03T10:18:46Z\">Publié le 29 juin 2019</time>";
    assert_eq!(
        published("", top, "https://news.example/council").as_deref(),
        Some("2019-06-29")
    );
    // The same day in another zone, or no word for the publication: the attribute stands.
    let top = "<time datetime=\"2019-06-30T01:18:46Z\">Publié le 29 juin 2019</time>";
    assert_eq!(
        published("", top, "https://news.example/council").as_deref(),
        Some("2019-06-30T01:18:46+00:00")
    );
    let top = "<time datetime=\"2024-12-20\">August 28, 2024</time>";
    assert_eq!(
        published("", top, "https://news.example/council").as_deref(),
        Some("2024-12-20")
    );
}

#[test]
fn a_date_in_the_posts_own_furniture_is_read_when_nothing_else_dates_it() {
    // An old theme's "post-footer" (no `<article>`, so it reads as page furniture).
    let page = format!(
        "<html lang=\"de\"><head><title>Roomba</title></head><body><div class=\"post\">\
         <h1>Roomba</h1>\
         <p>{PARA}</p><p>{PARA}</p></div><div class=\"post-footer\">Dieser Artikel wurde am \
         14. Dezember 2015 um 14:48 von <a href=\"/heiner\">Heiner</a> geschrieben.</div>\
         </body></html>"
    );
    assert_eq!(
        published_of(&page, "https://blog.example/roomba").as_deref(),
        Some("2015-12-14T14:48:00+01:00")
    );
}

#[test]
fn dublin_core_and_microdata_dates_in_their_other_spellings() {
    for head in [
        r#"<meta property="dc:created" content="2017-09-01">"#,
        r#"<meta name="DC.Issued" content="2017-09-01">"#,
        r#"<meta property="OG:Original_Time" content="2017-09-01">"#,
        r#"<meta itemprop="dateCreated" datetime="2017-09-01">"#,
        r#"<meta name="pubdate" datetime="2017-09-01">"#,
        r#"<meta property="nv:date" content="2017-09-01">"#,
    ] {
        assert_eq!(
            published(head, "", "https://news.example/council").as_deref(),
            Some("2017-09-01"),
            "{head}"
        );
    }
    // Drupal's RDFa on a `<span>`, and a `datetime` on an element the class calls a date.
    for top in [
        r#"<span class="date-display-single" property="dc:date" content="2017-09-01T15:45:00+00:00">Fri, 09/01/2017</span>"#,
        r#"<span class="timestamp" datetime="2017-09-01T15:45:00Z"></span>"#,
    ] {
        assert_eq!(
            published("", top, "https://news.example/council").as_deref(),
            Some("2017-09-01T15:45:00+00:00"),
            "{top}"
        );
    }
    assert_eq!(
        times(
            r#"<meta itemprop="dateModified" datetime="2018-02-06">"#,
            ""
        )
        .1,
        some("2018-02-06")
    );
}

#[test]
fn the_day_in_the_pages_own_address_when_the_fetched_one_has_none() {
    let head = r#"<link rel="canonical" href="/2018/02/01/council-extends-program">"#;
    assert_eq!(
        published(head, "", "https://news.example/?p=959").as_deref(),
        Some("2018-02-01")
    );
    let head = r#"<meta property="og:url" content="https://news.example/2018/02/01/council">"#;
    assert_eq!(
        published(head, "", "https://news.example/?p=959").as_deref(),
        Some("2018-02-01")
    );
}

#[test]
fn a_dateline_that_goes_on_with_its_revision_gives_both() {
    let page = page_in;
    let a = article(
        &page(
            "fr",
            "<span class=\"meta__date\">Publié le 14 novembre 2023 à 15h45, modifié le 15 \
             novembre 2023 à 10h12</span>",
        ),
        "https://journal.example/article/x",
    );
    assert_eq!(
        a.published_at.map(|p| p.to_string()).as_deref(),
        Some("2023-11-14T15:45:00+01:00")
    );
    assert_eq!(
        a.modified_at.map(|p| p.to_string()).as_deref(),
        Some("2023-11-15T10:12:00+01:00")
    );
    // A theme that names the whole line for the update, and a revision too long for a
    // plain dateline's tail.
    let a = article(
        &page(
            "it",
            "<p class=\"is-last-update\">14 novembre 2023 (modifica il 15 novembre 2023 | \
             10:12)</p>",
        ),
        "https://giornale.example/esteri/x",
    );
    assert_eq!(
        a.published_at.map(|p| p.to_string()).as_deref(),
        Some("2023-11-14")
    );
}

#[test]
fn a_day_written_with_dots_around_the_month() {
    let top = "<time class=\"published-date\">14.nov.2023 às 15h45</time>";
    let page = format!(
        "<html lang=\"pt-BR\"><head><title>Council</title></head><body><article>\
         <h1>Council</h1>{top}<p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    assert_eq!(
        published_of(&page, "https://www1.jornal.example.br/mundo/x.shtml").as_deref(),
        Some("2023-11-14T15:45:00-03:00")
    );
}

#[test]
fn the_date_in_a_meta_lines_last_part() {
    let top = "<span class=\"info_l\">By Li Wei | chinadaily.com.cn | Updated: 2023-11-14 \
               15:45</span>";
    let page = format!(
        "<html lang=\"en\"><head><title>Council</title></head><body><article>\
         <h1>Council</h1>{top}<p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    assert_eq!(
        published_of(&page, "https://www.daily.example.cn/a/202311/14/x.html").as_deref(),
        Some("2023-11-14T15:45:00+08:00")
    );
}

#[test]
fn a_newsroom_on_a_generic_domain_is_placed_by_the_country_its_name_gives() {
    let cases = [
        (
            "https://www.straitstimes.com/singapore/x",
            "",
            "Nov 14, 2023, 03:45 PM",
            "2023-11-14T15:45:00+08:00",
        ),
        (
            "https://www.irishtimes.com/news/x/",
            "",
            "Tue Nov 14 2023 - 15:45",
            "2023-11-14T15:45:00+00:00",
        ),
        // By the host alone, when the page names no site.
        (
            "https://www.dw.com/en/x/a-123",
            "",
            "Nov 14, 2023, 03:45 PM",
            "2023-11-14T15:45:00+01:00",
        ),
        (
            "https://www.ft.com/content/x",
            "",
            "Nov 14, 2023, 03:45 PM",
            "2023-11-14T15:45:00+00:00",
        ),
        (
            "https://www.politico.eu/article/x/",
            "",
            "Nov 14, 2023, 03:45 PM",
            "2023-11-14T15:45:00+01:00",
        ),
        (
            "https://www.example.com/news/x",
            r#"<meta property="og:site_name" content="Kenya Daily Ledger">"#,
            "Nov 14, 2023, 03:45 PM",
            "2023-11-14T15:45:00+03:00",
        ),
        // Spanish-language newsrooms on .com: Spain's and Latin America's.
        (
            "https://elpais.com/espana/2023-11-14/x.html",
            "",
            "14 nov 2023 - 15:45",
            "2023-11-14T15:45:00+01:00",
        ),
        (
            "https://www.infobae.com/politica/2023/11/14/x/",
            "",
            "14 Nov, 2023 15:45",
            "2023-11-14T15:45:00-03:00",
        ),
        // A US newsroom on .com stays in its own zone.
        (
            "https://www.indystar.com/story/news/x",
            r#"<meta property="og:site_name" content="Indianapolis Star">"#,
            "Nov 14, 2023, 03:45 PM",
            "2023-11-14T15:45:00-05:00",
        ),
    ];
    for (url, head, dateline, want) in cases {
        let page = format!(
            "<html lang=\"en\"><head><title>Council</title>{head}</head><body><article>\
             <h1>Council</h1><p class=\"dateline\">{dateline}</p><p>{PARA}</p><p>{PARA}</p>\
             </article></body></html>"
        );
        assert_eq!(published_of(&page, url).as_deref(), Some(want), "{url}");
    }
}

#[test]
fn a_time_before_its_day_and_a_revision_with_a_day_of_its_own() {
    let top = "<p class=\"byline-section\">Published: 15:45 GMT, 14 November 2023 | Updated: \
               10:12 GMT, 15 November 2023</p>";
    assert_eq!(
        times("", top),
        (
            some("2023-11-14T15:45:00+00:00"),
            some("2023-11-15T10:12:00+00:00")
        )
    );
}

#[test]
fn a_dateline_giving_the_revision_before_the_publication_is_read_as_both() {
    let cases = [
        (
            r#"<meta property="og:locale" content="en_US">"#,
            "Updated July 8, 2025 10:15 AM ET · Published July 7, 2025 9:05 AM ET",
            "2025-07-07T09:05:00-04:00",
            "2025-07-08T10:15:00-04:00",
        ),
        (
            r#"<meta property="og:locale" content="en_US">"#,
            "Updated: 10:15 AM EDT July 8, 2025 | Posted: 9:05 AM EDT July 7, 2025",
            "2025-07-07T09:05:00-04:00",
            "2025-07-08T10:15:00-04:00",
        ),
        (
            r#"<meta property="og:locale" content="de_DE">"#,
            "Aktualisiert am 08.07.2025 um 10:15 Uhr · Veröffentlicht am 07.07.2025 um 09:05 Uhr",
            "2025-07-07T09:05:00+02:00",
            "2025-07-08T10:15:00+02:00",
        ),
        (
            r#"<meta property="og:locale" content="fr_FR">"#,
            "Mis à jour le 08/07/2025 à 10h15 · Publié le 07/07/2025 à 09h05",
            "2025-07-07T09:05:00+02:00",
            "2025-07-08T10:15:00+02:00",
        ),
    ];
    for (head, line, published, modified) in cases {
        let top = format!("<p class=\"byline\">By Jane Doe</p><div class=\"date\">{line}</div>");
        assert_eq!(
            times(head, &top),
            (some(published), some(modified)),
            "{line}"
        );
    }
}

#[test]
fn a_live_blog_without_a_publication_date_starts_with_its_coverage() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
        "@type":"LiveBlogPosting","headline":"Council extends program",
        "coverageStartTime":"2025-07-08T09:05:00-04:00"}</script>"#;
    assert_eq!(times(ld, "").0, some("2025-07-08T09:05:00-04:00"));
}

#[test]
fn a_time_shown_only_after_the_update_word_is_the_revisions() {
    let top = "<p class=\"byline\">By Jane Doe</p>\
               <div class=\"date\">Tuesday, July 08, 2025 — updated 10:15</div>";
    let head = r#"<meta property="og:locale" content="en_KE">"#;
    assert_eq!(times(head, top).0, some("2025-07-08"));
}

#[test]
fn a_year_written_in_two_digits() {
    let url = "https://thehill.com/homenews/123-council/";
    assert_eq!(
        published(
            "",
            "<div class=\"submitted-by\">by <a href=\"/author/jd/\">Jane Doe</a> - 11/14/23 3:45 PM ET</div>",
            url
        ),
        some("2023-11-14T15:45:00-05:00")
    );
    assert_eq!(
        published(
            "",
            "<p><em>Veröffentlicht am 1.9.17</em></p>",
            "https://www.example.de/a"
        ),
        some("2017-09-01")
    );
    assert_eq!(
        published(
            "",
            "<p class=\"date\">Nov 14 '23</p>",
            "https://news.example/council"
        ),
        some("2023-11-14")
    );
}

#[test]
fn a_relative_time_in_an_element_named_for_the_time_is_read() {
    let at =
        |top: &str, url: &str| published_fetched_at(&page("", top), url, "2023-11-16T12:00:00Z");
    assert_eq!(
        at(
            "<span class=\"time\">5 mins ago</span>",
            "https://news.example/council"
        ),
        some("2023-11-16T11:55:00+00:00")
    );
    assert_eq!(
        at(
            "<span class=\"fecha\">hace 3 horas</span>",
            "https://www.diario.es/politica/c"
        ),
        some("2023-11-16T09:00:00+00:00")
    );
    // A reading time is no time of publication.
    assert_eq!(
        at(
            "<span class=\"reading-time\">5 mins ago</span>",
            "https://news.example/council"
        ),
        None
    );
}

#[test]
fn a_relative_time_of_absurd_size_is_no_time_and_no_panic() {
    for ago in [
        "99999999999999 days ago",
        "9999999999999999 hours ago",
        "999999999999 minutes ago",
        "vor 99999999999999 Tagen",
        "hace 99999999999999 días",
        "99999999999 uur geleden",
    ] {
        let top = format!("<span class=\"time\">{ago}</span>");
        assert_eq!(
            published_fetched_at(
                &page("", &top),
                "https://news.example/council",
                "2023-11-16T12:00:00Z"
            ),
            None,
            "{ago}"
        );
    }
}

#[test]
fn portuguese_on_a_generic_domain_is_read_in_brazils_time() {
    let para = "<p>O conselho disse na terça-feira que o programa seria prorrogado por mais \
                dois anos depois de um longo debate na câmara sobre o seu custo, que os \
                críticos consideraram alto demais para uma cidade do seu tamanho.</p>";
    let html = format!(
        "<html><head><title>Conselho prorroga programa</title></head><body><article>\
         <h1>Conselho prorroga programa após longo debate</h1>\
         <p class=\"content-publication-data__updated\">14/11/2023 15h45</p>\
         {para}{para}{para}</article></body></html>"
    );
    assert_eq!(
        published_of(
            &html,
            "https://g1.globo.com/politica/noticia/2023/11/14/conselho.ghtml"
        ),
        some("2023-11-14T15:45:00-03:00")
    );
}

#[test]
fn an_english_story_on_a_generic_domain_that_declares_no_language_is_read_in_us_eastern() {
    // `page` declares no language; the text is English.
    assert_eq!(
        published(
            "",
            "<p class=\"date\">Posted: Nov 14, 2023 / 03:45 PM</p>",
            "https://www.dailyledger.com/news/council"
        ),
        some("2023-11-14T15:45:00-05:00")
    );
}

#[test]
fn a_dateline_with_its_clock_then_the_revision_gives_the_publication() {
    // CBC writes the publication's clock and zone before the revision.
    assert_eq!(
        published_fetched_at(
            &page(
                "",
                "<p>Posted: Mar 12, 2024 10:30 AM EDT | Last Updated: March 12, 2024</p>"
            ),
            "https://news.example/canada/council-1.123",
            "2024-03-12T20:00:00Z"
        ),
        some("2024-03-12T10:30:00-04:00")
    );
}

#[test]
fn a_revisions_time_does_not_give_the_publication_day_a_time() {
    assert_eq!(
        published_fetched_at(
            &page(
                "",
                "<p>Published March 12, 2024 Updated March 12, 2024 10:30am</p>"
            ),
            "https://news.example/news/123/council",
            "2024-03-12T20:00:00Z"
        ),
        some("2024-03-12")
    );
}

#[test]
fn a_numeric_date_read_month_first_after_the_fetch_is_read_day_first() {
    // English on a generic domain writes month first; "12/03/2024" would be in December,
    // after the page was fetched in March.
    let html = |top: &str| page_in("en", top);
    assert_eq!(
        published_fetched_at(
            &html("<p>12/03/2024 10:30 GMT</p>"),
            "https://news.example/politics/council",
            "2024-03-12T20:00:00Z"
        ),
        some("2024-03-12T10:30:00+00:00")
    );
    // The address's day settles it too, when the month-first reading is in the past.
    assert_eq!(
        published_fetched_at(
            &html("<p>Issued on: 05/03/2024 - 10:30 GMT</p>"),
            "https://news.example/en/europe/20240305-council",
            "2024-06-12T20:00:00Z"
        ),
        some("2024-03-05T10:30:00+00:00")
    );
}

#[test]
fn digits_of_other_scripts_and_hebrew_months_are_read() {
    let html = |lang: &str, date: &str| page_in(lang, &format!("<p class=\"date\">{date}</p>"));
    for (lang, date, url, want) in [
        ("ar", "١٢ مارس ٢٠٢٤", "https://news.example/a", "2024-03-12"),
        ("fa", "۱۲ مارس ۲۰۲۴", "https://news.example/b", "2024-03-12"),
        ("hi", "१२ मार्च २०२४", "https://news.example/c", "2024-03-12"),
        (
            "ja",
            "２０２４年３月１２日 １０時３０分",
            "https://www.asahi.com/articles/x",
            "2024-03-12T10:30:00+09:00",
        ),
        (
            "he",
            "12 במרץ 2024",
            "https://www.ynet.co.il/news/x",
            "2024-03-12",
        ),
    ] {
        assert_eq!(
            published_fetched_at(&html(lang, date), url, "2024-03-13T00:00:00Z").as_deref(),
            Some(want),
            "{date}"
        );
    }
}

#[test]
fn numbers_in_two_elements_are_apart() {
    // CNBC: the clock after an empty divider span ("20194:29" is no date).
    let top = "<time>Published Wed, Nov 20 2019<span class=\"divider\"></span>4:29 AM EST</time>";
    assert_eq!(
        published("", top, "https://news.example/council").as_deref(),
        Some("2019-11-20T04:29:00-05:00")
    );
    // Hearst: the day, then the revision in an element of its own ("2019Updated").
    let top = "<div class=\"timestamp\"><time datetime=\"2019-11-20 06:09:25\">Nov. 20, 2019</time>\
               <time datetime=\"2019-11-20 06:35:46\">Updated: Nov. 20, 2019 1:35 a.m.</time></div>";
    assert_eq!(
        times("", top),
        (
            some("2019-11-20T06:09:25+00:00"),
            some("2019-11-20T06:35:46+00:00")
        )
    );
}

#[test]
fn a_dateline_class_that_names_the_share_button_is_no_social_post() {
    // 9to5Mac's `time-twitter`: the story's own dateline beside its Twitter handle.
    let top = "<p class=\"byline\">Trevor Daugherty</p><p class=\"time-twitter\">- Nov. 18th 2019 \
               8:54 am PT</p>";
    assert_eq!(
        published("", top, "https://news.example/council").as_deref(),
        Some("2019-11-18T08:54:00-08:00")
    );
    // An embedded tweet's own time still is not the story's.
    let top = "<p>Nov. 18, 2019 8:54 am PT</p><blockquote class=\"twitter-tweet\"><p>Big vote \
               today</p><a href=\"https://twitter.com/x/status/1\"><time class=\"tweet-time\" \
               datetime=\"2019-11-17T10:00:00Z\">Nov 17, 2019</time></a></blockquote>";
    assert_eq!(
        published("", top, "https://news.example/council").as_deref(),
        Some("2019-11-18T08:54:00-08:00")
    );
}

/// A story page whose dateline under the headline is plain text, with `before` above the
/// headline and related stories' cards (each with a `<time>`) after the story.
fn page_with_cards(before: &str, dateline: &str) -> String {
    let card = |day: u32| {
        format!(
            "<li><h5><a href=\"/story-{day}\">Another story about the council budget</a></h5>\
             <span>Jane Roe</span><time datetime=\"2019-11-{day}T00:00:32-05:00\">Nov {day}, \
             2019</time><p>What the council said about the budget in another week.</p></li>"
        )
    };
    format!(
        "<html><head><title>Council extends program</title></head><body>{before}<main>\
         <h1>Council extends program</h1><div class=\"meta\"><span>by Madeline Fry</span> | \
         <span>{dateline}</span></div><div class=\"body\"><p>{PARA}</p><p>{PARA}</p>\
         <p>{PARA}</p></div><ul>{}{}{}</ul></main></body></html>",
        card(20),
        card(19),
        card(17)
    )
}

#[test]
fn the_dateline_under_the_headline_beats_times_elsewhere_on_the_page() {
    // The Washington Examiner: `<time>`s only in the related stories' cards.
    let html = page_with_cards("", "November 18, 2019 12:01 PM");
    assert_eq!(
        published_of(&html, "https://news.example/council").as_deref(),
        Some("2019-11-18T12:01:00-05:00")
    );
    // RT: the masthead's clock above, far from the headline.
    let masthead = format!(
        "<header><div class=\"header__date\"><span class=\"date\">12:03 GMT, Nov 20, 2019\
         </span></div><ul>{}</ul></header>",
        "<li><a href=\"/a\">Section</a></li>".repeat(30)
    );
    let html = page_with_cards(&masthead, "20 Nov, 2019 05:47 GMT");
    assert_eq!(
        published_of(&html, "https://news.example/council").as_deref(),
        Some("2019-11-20T05:47:00+00:00")
    );
    // A date just above the headline is the story's too, before a date in its text.
    let html = format!(
        "<html><head><title>Biggest tech events</title></head><body><main><div \
         class=\"date-article\">OCTOBER 13, 2025</div><h1>Biggest tech events</h1><p>{PARA}</p>\
         <ul><li><b>Dates</b>: 16-19 March 2026</li></ul><p>{PARA}</p><p>{PARA}</p></main>\
         </body></html>"
    );
    assert_eq!(
        published_of(&html, "https://news.example/events").as_deref(),
        Some("2025-10-13")
    );
}

#[test]
fn a_time_whose_text_says_updated_is_the_revision() {
    // CBS News: the `<time>` under the headline is the update; the first publication is
    // shown further down.
    let top = "<p><time datetime=\"2019-11-19T10:07:00-0500\">Updated on: November 19, 2019 / \
               10:07 AM</time></p><p>First published on November 19, 2019 / 8:16 AM</p>";
    let a = article(&page("", top), "https://news.example.com/council");
    assert_eq!(
        (
            a.published_at.map(|p| p.to_string()),
            a.modified_at.map(|p| p.to_string())
        ),
        (
            some("2019-11-19T08:16:00-05:00"),
            some("2019-11-19T10:07:00-05:00")
        )
    );
    // Advance Local: "Updated ...; Posted ..." as two `<time>`s.
    let top = "<div class=\"dateline\"><time datetime=\"2019-11-19T14:41:32.524Z\">Updated Nov \
               19, 9:41 AM;</time><time datetime=\"2019-11-19T01:19:34.819Z\">Posted Nov 18, \
               8:19 PM</time></div>";
    assert_eq!(
        times("", top),
        (
            some("2019-11-19T01:19:34+00:00"),
            some("2019-11-19T14:41:32+00:00")
        )
    );
    // Barron's: the revision, then the original in one `<time>`.
    let top = "<time>Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET</time>";
    assert_eq!(
        published("", top, "https://news.example/council").as_deref(),
        Some("2019-11-19T08:02:00-05:00")
    );
}

#[test]
fn a_sections_masthead_in_an_h1_is_not_the_headline() {
    // The Wall Street Journal: "<h1>" of the site's name linked home and the section, with
    // the edition's date under it; the story's headline and dateline come after.
    let html = format!(
        "<html><head><title>Is Football Violence a Crime?</title></head><body><header><h1>\
         <div class=\"style--section-logo-wrapper\"><a href=\"https://news.example/\">The Daily \
         Ledger</a><a href=\"https://news.example/news/opinion\">Opinion</a></div></h1>\
         <div class=\"date\">November 20, 2019</div></header><article><h1>Is Football Violence \
         a Crime?</h1><div class=\"byline\">By Randy Maniloff</div><time>Nov. 18, 2019 7:04 pm \
         ET</time><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    );
    let a = article(&html, "https://news.example/articles/football-violence");
    assert_eq!(a.title.as_deref(), Some("Is Football Violence a Crime?"));
    assert_eq!(
        a.published_at.map(|p| p.to_string()).as_deref(),
        Some("2019-11-18T19:04:00-05:00")
    );
}

#[test]
fn a_json_ld_republishing_stamp_yields_to_the_day_shown_under_the_headline() {
    let ld = |published: &str, modified: &str| {
        format!(
            r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"BlogPosting","headline":"Council extends program","datePublished":"{published}","dateModified":"{modified}"}}</script>"#
        )
    };
    // datePublished on its dateModified, months after the day readers see.
    let top = "<p class=\"byline\">Shauna Mitchell</p><p>August 25, 2024</p>";
    assert_eq!(
        published(
            &ld("2025-06-24", "2025-06-24"),
            top,
            "https://news.example/council"
        )
        .as_deref(),
        Some("2024-08-25")
    );
    // A datePublished before its revision is the publication, whatever day a line shows.
    assert_eq!(
        published(
            &ld("2025-06-24", "2025-07-01"),
            top,
            "https://news.example/council"
        )
        .as_deref(),
        Some("2025-06-24")
    );
    // A sentence that names a day is no dateline.
    let top = "<p>As of July 31, 2025, the agency has received:</p>";
    assert_eq!(
        published(
            &ld("2025-09-25", "2025-09-25"),
            top,
            "https://news.example/council"
        )
        .as_deref(),
        Some("2025-09-25")
    );
}
