//! The article body: a readability-like content scoring over text blocks, done in flat
//! arrays built by one iterative pass (no recursion, bounded node and text counts).

use std::sync::LazyLock;

use ego_tree::iter::Edge;
use regex::Regex;
use scraper::{Html, Node};

use crate::text::{collapse_ws, is_block};

const MAX_ELEMENTS: usize = 200_000;
const MAX_TEXT: usize = 4_000_000;
const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    P,
    Heading(u8),
    Li,
    Quote,
    Pre,
    Row,
    Div,
    Other,
}

#[derive(Debug)]
struct El<'a> {
    tag: &'a str,
    parent: u32,
    /// Blocks of the subtree: `b0..b1`.
    b0: u32,
    b1: u32,
    /// Elements of the subtree: `idx..e1`.
    e1: u32,
    /// Class/id weight (readability): -25, 0, +25 or +50.
    weight: f32,
    /// Class, id or tag says boilerplate (decided later whether it really is).
    neg: bool,
    class_id: String,
    /// An `<ol>`'s next item number; an `<li>`'s own number in its `<ol>` (0: none).
    number: u32,
}

#[derive(Debug)]
pub struct Block {
    pub text: String,
    link_len: usize,
    el: u32,
    pub kind: Kind,
    /// The item's number in an ordered list (0: not numbered).
    number: u32,
}

static POS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|rich-text|richtext").expect("valid regex")
});
/// Bylines, datelines and post metadata: not body text.
static META_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)byline|by-line|dateline|timestamp|(?:^|[\s_-])(?:author|authors|author-name|post-meta|entry-meta|article-meta|meta-data|posted-on|publish-date|published-date|pubdate|article-date|post-date)(?:$|[\s_-])").expect("valid regex")
});
static BYLINE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|par|von|por|door|di|av|af)\s+\S|\b(?:posted|published|written|publicado|escrito|publié|écrit|pubblicato|scritto|veröffentlicht|geschrieben)\s+(?:by|por|par|da|von)(?-u:\b)").expect("valid regex")
});
static STRONG_POS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article-?body|article-?content|articletext|story-?body|story-?content|entry-content|post-content|post-body|postbody|content-body|body-?text|article__body|article-text|main-content|rich-text|richtext|field--name-body|field-name-body").expect("valid regex")
});

fn class_weight(class: &str, id: &str) -> f32 {
    let mut w = 0.0;
    for s in [class, id] {
        if s.is_empty() {
            continue;
        }
        let l = s.to_ascii_lowercase();
        if crate::text::is_boilerplate_hint(&l) {
            w -= 25.0;
        }
        if POS.is_match(&l) {
            w += 25.0;
        }
        if STRONG_POS.is_match(&l) {
            w += 25.0;
        }
    }
    w
}

fn skip_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "head"
            | "select"
            | "button"
            | "input"
            | "textarea"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "dialog"
            | "figcaption"
            | "nav"
            | "aside"
            | "footer"
            | "math"
            | "picture"
            | "source"
            | "title"
            | "label"
            | "option"
    )
}

/// The attributes the body pass reads, gathered in one walk over an element's attributes
/// (each `Element::attr` call interns its name: nine of them per element added up).
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    /// Class and id in lower case ([`crate::text::class_id`]); the class is its start.
    class_id: String,
    role: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
    aria_hidden: bool,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (k, v) in el.attrs() {
            match k {
                "class" => a.class = Some(v),
                "role" => a.role = Some(v),
                "style" => a.style = Some(v),
                "hidden" => a.hidden = true,
                "aria-hidden" => a.aria_hidden = v == "true",
                _ => {}
            }
        }
        a.class_id =
            crate::text::class_id(a.class.unwrap_or_default(), el.id().unwrap_or_default());
        a
    }

    /// The class in lower case, empty when there is none.
    fn class_lc(&self) -> &str {
        &self.class_id[..self.class.map_or(0, str::len)]
    }

    /// Collapsed content a reader opens in place (accordions, tabs, "read more" panels):
    /// part of the article although the markup hides it until a click.
    fn collapsible(&self) -> bool {
        static COLLAPSIBLE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new("accordion|collaps|tab-pane|tabpanel|expand").expect("valid regex")
        });
        matches!(self.role, Some("region" | "tabpanel"))
            || (!self.class_lc().is_empty() && COLLAPSIBLE.is_match(self.class_lc()))
    }
}

/// Whether a heading's `id` is an anchor made from its own text: two or more of its words.
fn anchor_of_heading(id: &str, text: &str) -> bool {
    let id = id.to_lowercase();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .filter(|w| id.contains(&w.to_lowercase()))
        .take(2)
        .count()
        >= 2
}

fn skip_element(el: &scraper::node::Element, a: &Attrs<'_>, keep_hidden: bool) -> bool {
    let keep_hidden = keep_hidden || a.collapsible();
    // The second, lenient pass keeps page furniture tags (scored as boilerplate instead):
    // broken markup can leave the whole article inside an unclosed `<aside>`.
    if skip_tag(el.name()) && !(keep_hidden && matches!(el.name(), "nav" | "aside" | "footer")) {
        return true;
    }
    if !keep_hidden && (a.hidden || a.aria_hidden) {
        return true;
    }
    if a.role.is_some_and(crate::text::is_furniture_role) {
        return true;
    }
    if !keep_hidden && let Some(style) = a.style {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    // Captions and credits; hover cards and tooltips repeat a linked name's profile inside
    // the sentence; text for screen readers only.
    static NOT_TEXT_CLASS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("caption|credit|rollover[a-z-]*(?:block|card|content|box|popup)|hovercard|popover|tooltiptext|tooltip-content|visually-hidden|sr-only|screen-reader")
            .expect("valid regex")
    });
    a.class.is_some()
        && !matches!(el.name(), "html" | "body" | "main" | "article")
        && NOT_TEXT_CLASS.is_match(a.class_lc())
}

/// What the caller knows that helps: the headline (not repeated in the body), the authors
/// (whose biography boxes are not the article) and a subtree to leave out (a site profile's
/// newswire block).
#[derive(Debug, Default)]
pub struct Opts<'a> {
    pub title: Option<&'a str>,
    pub authors: &'a [String],
    pub exclude: Option<ego_tree::NodeId>,
}

struct Flat<'a> {
    els: Vec<El<'a>>,
    blocks: Vec<Block>,
}

fn kind_of(tag: &str) -> Kind {
    match tag {
        "p" => Kind::P,
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        "li" | "dd" | "dt" => Kind::Li,
        "blockquote" => Kind::Quote,
        "pre" => Kind::Pre,
        "tr" => Kind::Row,
        "div" | "section" | "article" | "main" | "center" | "td" | "th" => Kind::Div,
        _ => Kind::Other,
    }
}

fn block_level(tag: &str) -> bool {
    (is_block(tag) && !matches!(tag, "td" | "th")) || tag == "br"
}

fn flatten<'a>(doc: &'a Html, opts: &Opts<'_>, keep_hidden: bool) -> Flat<'a> {
    let mut els: Vec<El<'a>> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    let mut block_stack: Vec<u32> = Vec::new();
    let mut skip_depth = 0u32;
    let mut buf = String::new();
    let mut buf_link = 0usize;
    let mut link_depth = 0u32;
    let mut pre_depth = 0u32;
    let mut in_body = false;
    let mut total = 0usize;
    let mut text_cut = false;
    let mut hints: rustc_hash::FxHashMap<String, (f32, bool)> = rustc_hash::FxHashMap::default();
    hints.reserve(512);

    fn flush(
        buf: &mut String,
        buf_link: &mut usize,
        pre: bool,
        container: u32,
        els: &[El<'_>],
        blocks: &mut Vec<Block>,
        total: &mut usize,
    ) {
        if buf.trim().is_empty() {
            buf.clear();
            *buf_link = 0;
            return;
        }
        let kind = if container == NONE {
            Kind::Other
        } else {
            kind_of(els[container as usize].tag)
        };
        // Two line breaks in a row split paragraphs; one breaks the line (a poem's, an
        // address's), as it does in <pre>. Two with white space between them end a paragraph
        // too, inside the same block.
        let parts: Vec<String> = if pre {
            vec![buf.trim_matches('\n').replace('\u{2028}', "\n")]
        } else {
            buf.split("\u{2028}\u{2028}")
                .flat_map(|p| {
                    let mut t = String::with_capacity(p.len());
                    let mut gap = false;
                    for line in p.split('\u{2028}') {
                        let line = collapse_ws(line);
                        if line.is_empty() {
                            gap = true;
                            continue;
                        }
                        if !t.is_empty() {
                            t.push_str(if gap { "\n\n" } else { "\n" });
                        }
                        t.push_str(&line);
                        gap = false;
                    }
                    (!t.is_empty()).then_some(t)
                })
                .collect()
        };
        let n = parts.len().max(1);
        // An ordered list's item keeps its number (on its first paragraph).
        let mut number = if kind == Kind::Li && container != NONE {
            els[container as usize].number
        } else {
            0
        };
        for t in parts {
            *total += t.len();
            blocks.push(Block {
                text: t,
                link_len: *buf_link / n,
                el: container,
                kind,
                number,
            });
            number = 0;
        }
        buf.clear();
        *buf_link = 0;
    }

    'walk: for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_depth > 0 {
                    if node.value().is_element() {
                        skip_depth += 1;
                    }
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if !in_body {
                            continue;
                        }
                        if total > MAX_TEXT {
                            if !text_cut {
                                text_cut = true;
                                tracing::warn!(
                                    limit = MAX_TEXT,
                                    "Page truncated: text after the text limit is not read"
                                );
                            }
                            continue;
                        }
                        if pre_depth > 0 {
                            buf.push_str(&t.replace('\n', "\u{2028}"));
                        } else {
                            // Keep white space as is; a run of breaks collapses later.
                            let before = buf.len();
                            buf.push_str(t);
                            if buf[before..].contains('\u{2028}') {
                                let fixed = buf[before..].replace('\u{2028}', " ");
                                buf.truncate(before);
                                buf.push_str(&fixed);
                            }
                        }
                        if link_depth > 0 {
                            buf_link += t.trim().chars().count();
                        }
                    }
                    Node::Element(el) => {
                        if els.len() >= MAX_ELEMENTS {
                            tracing::warn!(
                                limit = MAX_ELEMENTS,
                                "Page truncated: elements after the element limit are not read"
                            );
                            break 'walk;
                        }
                        let name = el.name();
                        if name == "body" {
                            in_body = true;
                        }
                        if !in_body {
                            if name != "html" {
                                skip_depth = 1;
                            }
                            if name != "html" {
                                continue;
                            }
                        }
                        let mut attrs = Attrs::of(el);
                        // A heading's anchor made from its words ("nav_nur_die_folie__1") says
                        // nothing of furniture.
                        if matches!(name, "h2" | "h3" | "h4" | "h5" | "h6")
                            && let Some(id) = el.id()
                            && let Some(e) = scraper::ElementRef::wrap(node)
                            && anchor_of_heading(id, &crate::metadata::bounded_text(e, 300))
                        {
                            attrs.class_id =
                                crate::text::class_id(attrs.class.unwrap_or_default(), "");
                        }
                        if skip_element(el, &attrs, keep_hidden) || opts.exclude == Some(node.id())
                        {
                            skip_depth = 1;
                            continue;
                        }
                        if name == "br" {
                            buf.push('\u{2028}');
                            // <br> has no close event worth tracking, but traverse gives one.
                        }
                        if name == "td" || name == "th" {
                            buf.push_str(" \u{2009}| ");
                        }
                        let is_blk = block_level(name) && name != "br";
                        if is_blk {
                            let pre = pre_depth > 0;
                            flush(
                                &mut buf,
                                &mut buf_link,
                                pre,
                                block_stack.last().copied().unwrap_or(NONE),
                                &els,
                                &mut blocks,
                                &mut total,
                            );
                        }
                        let class_id = std::mem::take(&mut attrs.class_id);
                        let (weight, neg_hint) = if class_id.is_empty() {
                            (0.0, false)
                        } else if let Some(v) = hints.get(&class_id) {
                            *v
                        } else {
                            let v = (
                                class_weight(
                                    attrs.class.unwrap_or_default(),
                                    el.id().unwrap_or_default(),
                                ),
                                META_HINT.is_match(&class_id)
                                    || (crate::text::is_boilerplate_hint(&class_id)
                                        && !STRONG_POS.is_match(&class_id)),
                            );
                            hints.insert(class_id.clone(), v);
                            v
                        };
                        let neg = matches!(name, "header" | "form" | "nav" | "aside" | "footer")
                            || (neg_hint && !matches!(name, "body" | "html" | "main" | "article"));
                        let idx = els.len() as u32;
                        let parent = stack.last().copied().unwrap_or(NONE);
                        let number = match name {
                            "ol" => el
                                .attr("start")
                                .and_then(|v| v.trim().parse::<u32>().ok())
                                .unwrap_or(1)
                                .min(100_000),
                            "li" if parent != NONE && els[parent as usize].tag == "ol" => {
                                let ol = &mut els[parent as usize];
                                ol.number += 1;
                                ol.number - 1
                            }
                            _ => 0,
                        };
                        els.push(El {
                            tag: name,
                            parent,
                            b0: blocks.len() as u32,
                            b1: NONE,
                            e1: NONE,
                            weight,
                            neg,
                            class_id,
                            number,
                        });
                        stack.push(idx);
                        if is_blk {
                            block_stack.push(idx);
                        }
                        if name == "a" {
                            link_depth += 1;
                        }
                        if name == "pre" {
                            pre_depth += 1;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let name = el.name();
                let Some(idx) = stack.pop() else {
                    continue;
                };
                if block_level(name) && name != "br" {
                    let pre = pre_depth > 0;
                    flush(
                        &mut buf,
                        &mut buf_link,
                        pre,
                        block_stack.last().copied().unwrap_or(NONE),
                        &els,
                        &mut blocks,
                        &mut total,
                    );
                    block_stack.pop();
                }
                if name == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                if name == "pre" {
                    pre_depth = pre_depth.saturating_sub(1);
                }
                let e1 = els.len() as u32;
                let b1 = blocks.len() as u32;
                if let Some(e) = els.get_mut(idx as usize) {
                    e.b1 = b1;
                    e.e1 = e1;
                }
            }
        }
    }
    flush(
        &mut buf,
        &mut buf_link,
        false,
        block_stack.last().copied().unwrap_or(NONE),
        &els,
        &mut blocks,
        &mut total,
    );
    let (nb, ne) = (blocks.len() as u32, els.len() as u32);
    for e in &mut els {
        if e.b1 == NONE {
            e.b1 = nb;
        }
        if e.e1 == NONE {
            e.e1 = ne;
        }
    }
    Flat { els, blocks }
}

static BOILER_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            advertisement|advertising|advert$|sponsored(?:\s+content)?|ad$|this\s+slideshow\s+requires\s+javascript|
            share(?:\s+(?:this|on|via|article|story))?|tweet|pin\s+it|email\s+this|print(?:\s+this)?|
            subscribe|sign\s+up|signup|join\s+(?:our|the)\s+newsletter|get\s+(?:our|the)\s+newsletter|newsletter|
            follow\s+(?:us|me)|like\s+us|
            related(?:\s+(?:articles?|stories|posts|content|coverage|topics))?:?|
            recommended|you\s+(?:may|might)\s+also\s+like|more\s+from|more\s+stories|also\s+read|read\s+(?:more|next|also)|see\s+also|see\s+more\s*:|don(?:'|’)?t\s+miss\s*:?$|
            # Read also, related: in other languages, before a linked headline.
            (?:leia|veja)\s+tamb[ée]m|lee\s+tambi[ée]n|(?:[àa]\s+)?lire\s+aussi|leggi\s+anche|lees\s+ook|lesen\s+sie\s+auch|
            mehr\s+zum\s+thema\s*:|das\s+k[öo]nnte\s+sie\s+auch\s+interessieren|(?:tambi[ée]n\s+)?(?:te|le)\s+puede\s+interesar|
            (?:ti\s+)?potrebbe\s+interessar(?:ti|e)|vous\s+aimerez\s+aussi|zie\s+ook\s*:|saiba\s+mais\s*:|
            (?:czytaj|zobacz)\s+(?:też|także|również)|читайте\s+(?:также|також)|baca\s+juga|xem\s+thêm|tin\s+liên\s+quan|
            berita\s+terkait|artikel\s+terkait|اقرأ\s+(?:أيضا|أيضاً|ايضا)|यह\s+भी\s+पढ़ें|関連記事|関連ニュース|
            相关(?:新闻|文章|阅读|报道)|相關(?:新聞|文章|閱讀|報導)|延伸(?:阅读|閱讀)|관련\s*기사|เรื่องที่เกี่ยวข้อง|ข่าวที่เกี่ยวข้อง|
            click\s+here|trending|most\s+(?:read|popular)|
            # Markers the page sets between paragraphs, and a video teaser before its link.
            (?:story|article)\s+continues\s+(?:below|after)|continue\s+reading\s+(?:the\s+)?(?:main\s+)?(?:story|article)\s*$|
            watch(?:\s+(?:now|more|live|video|the\s+video))?\s*:|
            copyright|©|\(c\)\s|all\s+rights\s+reserved|
            we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies|by\s+using\s+this\s+(?:web)?site|accept\s+(?:all\s+)?cookies|
            (?:photo|image|picture|illustration|video|graphic)s?\s*(?:credit)?\s*(?::|by(?-u:\b))|credit:|getty\s+images|
            skip\s+to|back\s+to\s+top|loading|comments?$|leave\s+a\s+(?:comment|reply)|comments\s+(?:are\s+)?closed\.?$|
            tags?:|filed\s+under|categories:|posted\s+in|
            listen\s+to\s+(?:this|the)\s+article|min\.?\s+read$|[0-9]+\s+min(?:ute)?s?\.?\s+read|
            (?:show|hide)\s+caption|already\s+(?:have\s+an\s+account|a\s+subscriber)|
            # Widgets: likes, comments, galleries, reading time, labels in brackets.
            like\s+(?:this:?$|loading)|(?:gef[äa]llt\s+mir|j(?:'|’)aime|me\s+gusta|mi\s+piace|curtir(?:\s+isso)?|vind\s+ik\s+leuk)\s*(?::$|\s+(?:lade|wird\s+geladen|chargement|cargando|caricamento|carregando|laden))|top\s+rated\s+comments|\[?\s*read\s+all\s+comments|back\s+to\s+gallery|
            tell\s+us\s+what\s+you\s+think|we\s+(?:want|would\s+love|(?:'|’)d\s+love)\s+to\s+hear\s+from\s+you|more\s*:$|popular\s+on\s+\S+$|more\s+great\s+\S+\s+stories$|
            \[\s*(?:related|read\s+more|see\s+also|also\s+read)\s*:|
            tempo\s+de\s+leitura|tiempo\s+de\s+lectura|temps\s+de\s+lecture|lesezeit|время\s+чтения|reading\s+time\s*:?\s*[0-9]|
            comments?\s*\(\s*[0-9]+\s*\)$|[0-9]+\s+comments?$|
            (?:iklan|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|reklama|реклама|advertentie)$|
            (?:фото|foto|fotos)\s*:|(?:阅读|閱讀)下一篇|more\s+must-reads?(?-u:\b)|
            (?:learn\s+more|view\s+all|see\s+all|shop\s+now|mehr\s+anzeigen|weniger\s+anzeigen|weiterlesen|voir\s+plus|ver\s+m[áa]s|mostrar\s+m[áa]s|mostra\s+(?:di\s+)?(?:più|altro)|toon\s+meer|buy\s+now|get\s+started|sign\s+in|log\s+in|see\s+(?:more|less)|show\s+(?:more|less)|hide|
                on\s+this\s+page|(?:table\s+of\s+)?contents|embed:?|read\s+reviews|download\s+(?:the\s+)?guide|book\s+now|
                best\s+prices\s+today:?)\s*[.!:]?$|start\s+(?:your\s+)?free\s+trial|
            # Rating widgets: How useful was this post? Click on a star to rate it!
            how\s+useful\s+was\s+this\s+(?:post|article|page)|click\s+on\s+a\s+star\s+to\s+rate|
            average\s+rating\s+[0-9.]+\s*/\s*[0-9]+|no\s+votes\s+so\s+far|we\s+are\s+sorry\s+that\s+this\s+(?:post|article)\s+was\s+not\s+useful|
            let\s+us\s+improve\s+this\s+(?:post|article)|tell\s+us\s+how\s+we\s+can\s+improve\s+this|
            (?:was|is)\s+this\s+(?:article|post|page|information)\s+(?:helpful|useful)\s*\??$|rate\s+this\s+(?:article|post|recipe)\s*:?$|
            price\s+comparison\s+from\s|
            # A gallery's controls (Image 1 of 8, Caption, Close; not 5/5, a review's score) and
            # a comment's score and age (Rating: 36 Votes, 2 days ago at 07:52 am).
            (?:image|photo|picture|slide)\s+[0-9]+\s+(?:of|/)[\s/]*[0-9]*$|(?:caption|close|expand)$|
            rating:\s*[0-9]+\s+votes?$|
            [0-9]+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago(?:\s+at\s+[0-9]{1,2}:[0-9]{2}\s*(?:[ap]\.?m\.?)?)?$
        )",
    )
    .expect("valid regex")
});

static PROMO_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:©|\(c\)|copyright)\s*(?:[0-9]{4}|[A-Z])|sign\s+up\s+for\s+[^.!?]*?(?-u:\b)newsletters?(?-u:\b)|subscribe\s+to\s+(?:our|the)\s+newsletter|our\s+website\s+is\s+the\s+place\s+for|bookmark\s+\S+\s+and\s+sign\s+up|this\s+article\s+(?:was\s+)?(?:originally\s+)?(?:appeared|published)\s+(?:first\s+)?(?:in|on)\s+(?:the\s+)?\S+\s*$|support\s+(?:our|independent)\s+journalism|become\s+a\s+(?:member|subscriber)\s+today|download\s+(?:our|the)\s+app|have\s+a\s+news\s+tip|by\s+(?:signing\s+up|subscribing|clicking\s+[^.]+?),?\s+you\s+(?:agree|confirm|consent)|msg\s+(?:&|and)\s+data\s+rates\s+may\s+apply|you\s+(?:can|may)\s+unsubscribe\s+at\s+any\s+time|thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing)|this\s+site\s+is\s+protected\s+by\s+recaptcha|get\s+unlimited\s+(?:digital\s+)?access\s+to|already\s+a\s+subscriber\?\s*(?:log|sign)\s+in|^also\s+on\s+[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|co\.uk|news)\s|^like\s+this\s+(?:story|article)\?|this\s+(?:article|story)\s+is\s+(?:exclusive\s+to|only\s+available\s+to)\s+\S+(?:\s+\S+)?\s+(?:subscribers|members)|^unlock\s+this\s+(?:article|story)|to\s+(?:read|continue\s+reading)\s+the\s+rest\s+of\s+this\s+(?:story|article)|newsletter(?-u:\b)[^.!?]*[.!?]\s*sign\s+up\s+(?:now|today|here)|^support\s+[^.!?]+?!\s*donate(?-u:\b)|^follow\s+@[A-Za-z0-9_]+\s+on\s+(?:twitter|x|instagram|facebook)|subscribe\s+to\s+\S+(?:'|’)s\s+newsletters?|^have\s+a\s+tip\?|[0-9]+\s+issues\s+for\s+[£$€]|^follow\s+[^.!?]+?\s+on\s+(?:facebook|twitter|instagram)(?-u:\b)|(?:contains|includes|uses|may\s+contain|using\s+the)\s+affiliate\s+links|(?:purchases|when\s+you\s+buy)\s+[^.]*?(?:through|via)\s+(?:our\s+)?links?\s+(?:may|we\s+may)\s+earn|may\s+earn\s+(?:us\s+)?(?:an?\s+)?(?:small\s+)?(?:affiliate\s+)?commission|ctrl\s*\+\s*enter|comments?\s+(?:are|will\s+be)\s+moderated|coment[áa]rios\s[^.]*?(?:moderador|moderados|aprovados)|commentaires\s[^.]*?mod[ée]r|kommentare\s[^.]*?moderiert|(?:read|see)\s+our\s+comment(?:ing)?\s+(?:policy|guidelines)|accuracy\s+and\s+availability\s+of\s+\S+\s+transcripts\s+may\s+vary|(?:texted|sent|delivered)\s+(?:right\s+|straight\s+|directly\s+)?to\s+your\s+(?:phone|inbox)|^fill\s+out\s+the\s+form\s+below|^sponsor\s+this\s+newsletter|if\s+you\s+(?:liked|enjoyed)\s+this\s+(?:article|post|story|piece),?\s+(?:please\s+)?(?:consider|share|subscribe)|^join\s+(?:our|my)\s+mailing\s+list|^get\s+(?:the\s+)?(?:latest|best|top)\s+[^.!?]*?(?:in|to)\s+your\s+inbox|この記事は(?:有料)?会員限定|続きをお読みいただけます|^会員の方はこちら",
    )
    .expect("valid regex")
});

/// A wire story's credits ("(Reporting by ...; Editing by ...)") and a photo's credit
/// line ("Sakib Ali/Hindustan Times/Getty Images").
static CREDITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\((?:additional\s+)?(?:reporting|editing|writing)\s+by\s|additional\s+reporting\s+by\s|reporting\s+by\s[^.]*?(?:;|editing\s+by\s)|[^.!?]+/\s*(?:getty\s+images|afp|reuters|ap|epa|shutterstock|alamy)(?:\s+via\s+getty\s+images)?\s*$|(?:【纠错】\s*)?[【(（]?\s*(?:责任编辑|責任編輯)\s*[:：]|(?:write\s+to|contact|email|reach)\s+[^.@]+?\s+at\s+[^\s@]+@[^\s@]+\.[a-z]+\s*\.?$)",
    )
    .expect("valid regex")
});

/// A photo's caption that ends with its credit ("... in Littleton, Colo. (AP Photo/David
/// Zalubowski)", "(Photo: Jane Doe)", "(Reuters/Jane Doe)", "(NASA via AP, File)").
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\((?:(?:ap|afp|epa|reuters|getty\s+images|xinhua|bloomberg|shutterstock|dpa|anp|ansa)(?:\s+(?:photo|images))?(?:\s*/[^()]+)?|(?:photo|image|picture)s?(?:\s+by|\s*:|\s+credit\s*:)[^()]+|[^()]*(?-u:\b)via\s+(?:ap|afp|reuters|getty\s+images)(?:,\s*file)?)\)\s*$",
    )
    .expect("valid regex")
});

/// Who else reported the story, as the wires close it ("Associated Press writer Jane Doe
/// contributed to this report.", "Keith Bradsher contributed reporting from Hong Kong.").
/// A magazine's "X contributed to this article." and USA Today's "Contributing: X" are
/// kept: annotators keep them (wcxb 0268, 4267; aeb c58aa507), where they drop the wires'.
static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)contributed\s+(?:to\s+this\s+report|reporting)(?:\s+from\s+[^.!?]+)?\s*\.?\s*\)?$")
        .expect("valid regex")
});

static CLICK_HERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)by\s+clicking\s+here[^A-Za-z0-9]*$").expect("valid regex")
});

/// A tag list's label ("Tags", "Tagged with:", "Etiquetas:"), when links follow it.
static TAGS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:tags?|tagged(?:\s+(?:with|in|as|under))?|filed\s+under|etiquetas|mots-cl[ée]s|schlagw[öo]rter|теги|метки|tag\s+terkait)(?:\s*:|\s)")
        .expect("valid regex")
});

static DATELINE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:last\s+)?(?:updated|published|posted)(?:\s+on)?\s*:?\s*")
        .expect("valid regex")
});

/// Class names of a photo gallery, slideshow or carousel widget.
fn is_gallery(class_id: &str) -> bool {
    class_id.split_whitespace().any(|t| {
        t.split(['-', '_'])
            .any(|p| matches!(p, "gallery" | "slideshow" | "carousel"))
    })
}

/// A short block that is sharing, subscribing, ads, captions or other page furniture.
fn boilerplate_block(b: &Block) -> bool {
    boilerplate_block_in(b, false)
}

/// [`boilerplate_block`], where `introduced` says the block is an item of a list that the
/// article introduces ([`introduced_list`]), so a short all-link item is not a menu's.
fn boilerplate_block_in(b: &Block, introduced: bool) -> bool {
    let t = b.text.trim();
    let n = t.chars().count();
    if n == 0 || widget_only(t) {
        return true;
    }
    // A list item that is a bare number: a rating control's or a pager's.
    if b.kind == Kind::Li && n <= 2 && t.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    // A label and a link after it ("เรื่องที่เกี่ยวข้อง <a>...</a>") may run longer.
    if (n < 120 || (n < 300 && b.link_len * 2 >= n)) && BOILER_TEXT.is_match(t) {
        return true;
    }
    if n < 300
        && (t.starts_with(['(', 'A', 'a', 'R', 'r', '【', '（', '责', '責'])
            || t.contains(['/', '@']))
        && CREDITS.is_match(t)
    {
        return true;
    }
    if n < 300 && CONTRIBUTED.is_match(t) {
        return true;
    }
    if n < 400 && t.ends_with(')') && CAPTION_CREDIT.is_match(t) {
        return true;
    }
    if n < 400 && PROMO_TEXT.is_match(t) {
        return true;
    }
    if n < 1000 && b.link_len * 2 >= n && TAGS_LABEL.is_match(t) {
        return true;
    }
    // "GET FOX BUSINESS ON THE GO BY CLICKING HERE".
    if n < 90 && CLICK_HERE.is_match(t) {
        return true;
    }
    // A dateline on its own ("Updated 11:21 pm CST, Tuesday, November 19, 2019"), not a
    // sentence with a date in it; or under the byline it closes ("The Associated Press" /
    // "Published Monday, November 18, 2019 8:22AM EST").
    let lines = || t.lines().map(str::trim).filter(|l| !l.is_empty());
    if n < 160
        && lines().any(dateline_only)
        && lines().count() <= 3
        && lines().all(|l| {
            dateline_only(l) || (l.split_whitespace().count() <= 5 && !l.contains(['.', '!', '?']))
        })
    {
        return true;
    }
    // A linked headline in capitals between paragraphs: a related story ("LAUREN ALAINA
    // SAYS 'DWTS' HAS HELPED HER").
    if b.link_len * 10 >= n * 9
        && n < 200
        && !matches!(b.kind, Kind::Heading(_))
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 12
        && !t.chars().any(char::is_lowercase)
    {
        return true;
    }
    // A WordPress shortcode the theme left unrendered ("[button link=...]Send us[/button]").
    if t.starts_with('[') && t.ends_with(']') && t.contains("[/") {
        return true;
    }
    // All links and short: a menu item or "read more" link.
    if b.link_len * 10 >= n * 9
        && n < 80
        && (matches!(b.kind, Kind::Div | Kind::Other) || (b.kind == Kind::Li && !introduced))
    {
        return true;
    }
    false
}

/// A line that is only a dateline: the label, then a day or a time and nothing else.
fn dateline_only(t: &str) -> bool {
    if t.len() >= 100 {
        return false;
    }
    let Some(m) = DATELINE_ONLY.find(t) else {
        return false;
    };
    // "Updated at 1:23 p.m.": a time alone says it as well as a day.
    (crate::dates::find_day(&t[m.end()..]).is_some()
        || crate::dates::find_time(&t[m.end()..]).is_some())
        && crate::authors::strip_dates(&t[m.end()..])
            .split(|c: char| !c.is_alphanumeric())
            .all(|w| {
                // What is left of a time: "11", "21", "pm", "CST", "22AM".
                let w = w
                    .strip_suffix(['m', 'M'])
                    .and_then(|w| w.strip_suffix(['a', 'A', 'p', 'P']))
                    .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
                    .unwrap_or(w);
                w.is_empty()
                    || w.chars().all(|c| c.is_ascii_digit())
                    || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
                    || matches!(
                        w.to_lowercase().as_str(),
                        "at" | "on"
                            | "the"
                            | "am"
                            | "pm"
                            | "a"
                            | "p"
                            | "m"
                            | "mon"
                            | "tue"
                            | "tues"
                            | "wed"
                            | "thu"
                            | "thur"
                            | "thurs"
                            | "fri"
                            | "sat"
                            | "sun"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    )
            })
}

/// Text with nothing to read: invisible characters (Webflow's `<p>‍</p>` spacers hold a
/// zero-width joiner), a row of rating stars ("★★★★☆"), or a list of bare numbers in
/// sequence ("1 2 3 4 5": a rating control or a pager).
fn widget_only(t: &str) -> bool {
    if t.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
            || matches!(c, '★' | '☆' | '⭐' | '✩' | '✪' | '✭' | '✮' | '✯' | '✰')
    }) {
        return true;
    }
    let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.len() >= 3
        && lines.iter().enumerate().all(|(i, l)| {
            let l = l.trim_start_matches(['-', '*', '•']).trim();
            l.parse::<usize>().is_ok_and(|v| v == i + 1)
        })
}

static BIO_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:journalist|writer|reporter|editor|author|correspondent|columnist|contributor|freelancer?|covering|covers|has\s+written|writes\s+about|bylines?)(?-u:\b)",
    )
    .expect("valid regex")
});

/// The author's biography box ("Anurag is an experienced journalist who has been covering
/// tech ..."): a short paragraph that opens with an author's name, then "is", "has", ...,
/// and speaks of writing.
fn author_bio(text: &str, authors: &[String]) -> bool {
    let t = text.trim();
    if authors.is_empty() || t.len() > 900 || t.len() < 30 {
        return false;
    }
    authors.iter().any(|a| {
        let full = a.trim();
        let first = full.split_whitespace().next().unwrap_or_default();
        [full, first].into_iter().any(|name| {
            name.chars().count() >= 3
                && t.strip_prefix(name).is_some_and(|rest| {
                    rest.starts_with([' ', '\'', '’']) && {
                        let rest = rest.trim_start_matches(['\'', '’', 's']).trim_start();
                        ["is ", "has ", "was ", "writes ", "covers ", "joined "]
                            .iter()
                            .any(|v| rest.starts_with(v))
                    }
                })
        })
    }) && BIO_WORDS.is_match(t)
}

/// A heading's words, the spaces between them left out: the markup may glue two of them
/// ("Alternatives<br>Top") where the headline has a space.
fn norm_title(s: &str) -> String {
    crate::text::words(s).concat()
}

/// The headline (`title`, as [`norm_title`] gives it) repeated in a block: the same words,
/// or an `<h1>` that adds the site's name after them ("... de la Infanta<a>Ultima Hora
/// Mallorca</a>").
fn is_headline(b: &Block, title: &str) -> bool {
    let n = norm_title(&b.text);
    n == title
        || (matches!(b.kind, Kind::Heading(1))
            && !title.is_empty()
            && n.starts_with(title)
            && n.len() - title.len() <= 40)
}

/// Extract the article body as plain text (paragraphs separated by a blank line).
pub fn extract(doc: &Html, opts: &Opts<'_>) -> String {
    let flat = flatten(doc, opts, false);
    let blocks = pick(&flat, opts, None);
    let text = render(&blocks);
    if text.len() >= 200 {
        return text;
    }
    // Pages that stream their content into hidden containers (and reveal it by script), or
    // whose broken markup leaves it inside page furniture.
    let flat = flatten(doc, opts, true);
    let blocks = pick(&flat, opts, None);
    let again = render(&blocks);
    if again.len() > text.len() * 2 {
        again
    } else {
        text
    }
}

/// How [`extract`] decided, for people tuning it: candidates, exclusions, the chosen
/// subtrees.
pub fn explain(doc: &Html, opts: &Opts<'_>) -> Vec<String> {
    let flat = flatten(doc, opts, false);
    let mut out = Vec::new();
    let blocks = pick(&flat, opts, Some(&mut out));
    out.push(format!("result {} chars", render(&blocks).len()));
    out
}

/// Blocks in reading order.
pub fn render(blocks: &[&Block]) -> String {
    let mut out = String::new();
    let mut prev_row = false;
    let mut prev_li = false;
    let mut prev_number = 0;
    for b in blocks {
        let line = match b.kind {
            Kind::Li if b.number > 0 => format!("{}. {}", b.number, b.text),
            Kind::Li => format!("- {}", b.text),
            Kind::Row => b
                .text
                .trim_start_matches([' ', '\u{2009}', '|'])
                .replace(" \u{2009}| ", " | ")
                .trim()
                .to_string(),
            _ => b.text.clone(),
        };
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            // Rows of one table and items of one list stay on consecutive lines; a list
            // that starts over (bullets after numbers, or a new "1.") is a new block.
            let same_list = prev_li
                && (b.number > 0) == (prev_number > 0)
                && (b.number == 0 || b.number > prev_number);
            let tight = (b.kind == Kind::Row && prev_row) || (b.kind == Kind::Li && same_list);
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        prev_row = b.kind == Kind::Row;
        prev_li = b.kind == Kind::Li;
        prev_number = b.number;
        out.push_str(&line);
    }
    out
}

fn pick<'f>(
    flat: &'f Flat<'_>,
    opts: &Opts<'_>,
    mut dbg: Option<&mut Vec<String>>,
) -> Vec<&'f Block> {
    let els = &flat.els;
    let blocks = &flat.blocks;
    if blocks.is_empty() {
        return Vec::new();
    }
    // Prefix sums of text and link length over blocks.
    let mut pre_t = Vec::with_capacity(blocks.len() + 1);
    let mut pre_l = Vec::with_capacity(blocks.len() + 1);
    let mut pre_good = Vec::with_capacity(blocks.len() + 1);
    let mut pre_commas = Vec::with_capacity(blocks.len() + 1);
    let mut pre_paras = Vec::with_capacity(blocks.len() + 1);
    pre_commas.push(0usize);
    pre_paras.push(0usize);
    pre_t.push(0usize);
    pre_l.push(0usize);
    pre_good.push(0usize);
    for b in blocks {
        let n = b.text.chars().count();
        pre_t.push(pre_t.last().copied().unwrap_or(0) + n);
        pre_l.push(pre_l.last().copied().unwrap_or(0) + b.link_len.min(n));
        let good = if n >= 40 && b.link_len * 3 < n { n } else { 0 };
        pre_good.push(pre_good.last().copied().unwrap_or(0) + good);
        pre_commas.push(pre_commas.last().copied().unwrap_or(0) + b.text.matches(',').count());
        let para = usize::from(b.kind == Kind::P && b.text.len() > 60);
        pre_paras.push(pre_paras.last().copied().unwrap_or(0) + para);
    }
    let range = |e: &El<'_>, p: &[usize]| p[e.b1 as usize] - p[e.b0 as usize];
    let total_good = pre_good[blocks.len()].max(1);

    // Which elements really are boilerplate: flagged, and not holding most of the text.
    // An article cut into sections of one class ("content-nav-section") is not furniture
    // because one section is short: a flagged element of plain text whose class another
    // element shares that holds much of the text stays.
    let mut most_by_class: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for e in els.iter().filter(|e| e.neg && !e.class_id.is_empty()) {
        let m = most_by_class.entry(e.class_id.as_str()).or_default();
        *m = (*m).max(range(e, &pre_good));
    }
    let kin_kept = |i: usize| {
        let e = &els[i];
        range(e, &pre_good) >= 200
            && range(e, &pre_l) * 5 < range(e, &pre_t)
            && most_by_class
                .get(e.class_id.as_str())
                .is_some_and(|&m| m * 10 >= total_good * 4)
    };
    let mut excluded = vec![false; els.len()];
    for i in 0..els.len() {
        let e = &els[i];
        let inherited = e.parent != NONE && excluded[e.parent as usize];
        let own = e.neg && range(e, &pre_good) * 10 < total_good * 4 && !kin_kept(i);
        excluded[i] = inherited || own;
    }
    // A gallery or slideshow widget set into the story, between its paragraphs, with more
    // text than the story ("Business news in pictures" in the middle of a list of hotel
    // secrets): the widget's captions would win the pick. It is not the story. A gallery
    // that is the page's content has no story around it, and a small one in a story does
    // not win, and stays.
    for i in 0..els.len() {
        let e = &els[i];
        if excluded[i] || !is_gallery(&e.class_id) || range(e, &pre_good) < 1000 {
            continue;
        }
        // The nearest container with story paragraphs on both sides of the widget.
        let mut c = e.parent;
        let mut around = false;
        for _ in 0..8 {
            if c == NONE || matches!(els[c as usize].tag, "body" | "html") {
                break;
            }
            let ce = &els[c as usize];
            let before = pre_paras[e.b0 as usize] - pre_paras[ce.b0 as usize];
            let after = pre_paras[ce.b1 as usize] - pre_paras[e.b1 as usize];
            if before >= 2 && after >= 2 {
                around = true;
                break;
            }
            c = ce.parent;
        }
        if !around {
            continue;
        }
        let rest = range(&els[c as usize], &pre_good) - range(e, &pre_good);
        if rest >= 500 && range(e, &pre_good) > rest {
            for x in excluded.iter_mut().take(e.e1 as usize).skip(i) {
                *x = true;
            }
        }
    }
    let block_excluded = |b: &Block| b.el != NONE && excluded[b.el as usize];

    // Readability scoring.
    let mut score = vec![0f32; els.len()];
    let mut init = vec![false; els.len()];
    let base = |e: &El<'_>| -> f32 {
        let t = match e.tag {
            "div" | "article" | "main" | "section" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        t + e.weight
    };
    for b in blocks {
        if b.el == NONE || block_excluded(b) {
            continue;
        }
        let n = b.text.chars().count();
        let scorable = match b.kind {
            Kind::P | Kind::Pre | Kind::Div | Kind::Quote | Kind::Row => n >= 25,
            Kind::Li => n >= 80,
            _ => false,
        };
        if !scorable {
            continue;
        }
        let commas = b
            .text
            .chars()
            .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
            .count();
        let content = 1.0 + commas as f32 + (n as f32 / 100.0).min(3.0);
        let mut cur = els[b.el as usize].parent;
        let mut level = 0;
        while cur != NONE && level < 5 {
            let ci = cur as usize;
            if !init[ci] {
                init[ci] = true;
                score[ci] = base(&els[ci]);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[ci] += content / div;
            cur = els[ci].parent;
            level += 1;
        }
    }
    let link_density = |e: &El<'_>| {
        let t = range(e, &pre_t);
        if t == 0 {
            0.0
        } else {
            range(e, &pre_l) as f32 / t as f32
        }
    };
    let mut cands: Vec<(usize, f32)> = (0..els.len())
        .filter(|&i| init[i] && !excluded[i])
        .map(|i| (i, score[i] * (1.0 - link_density(&els[i]))))
        .collect();
    cands.sort_by(|a, b| b.1.total_cmp(&a.1));
    if let Some(d) = dbg.as_deref_mut() {
        d.push(format!(
            "blocks {} elements {} good text {}",
            blocks.len(),
            els.len(),
            total_good
        ));
        for (i, s) in cands.iter().take(8) {
            let e = &els[*i];
            d.push(format!(
                "candidate {i} <{}> [{}] score {s:.1} text {} good {} links {:.2}",
                e.tag,
                e.class_id.chars().take(80).collect::<String>(),
                range(e, &pre_t),
                range(e, &pre_good),
                link_density(e)
            ));
        }
        let mut n_ex = 0;
        for (i, e) in els.iter().enumerate() {
            if excluded[i]
                && (e.parent == NONE || !excluded[e.parent as usize])
                && range(e, &pre_good) > 0
            {
                n_ex += 1;
                if n_ex <= 12 {
                    d.push(format!(
                        "excluded {i} <{}> [{}] good {}",
                        e.tag,
                        e.class_id.chars().take(80).collect::<String>(),
                        range(e, &pre_good)
                    ));
                }
            }
        }
    }
    let Some(&(mut top, top_score)) = cands.first() else {
        return fallback(flat, &excluded, opts);
    };
    let is_ancestor = |a: usize, d: usize| a <= d && d < els[a].e1 as usize;
    // What an ancestor adds to the pick: a list of teasers (linked headings over short
    // excerpts, or excerpts cut short with an ellipsis, "Vendor lists will be...") is
    // related stories, not more of the article.
    let adds_teasers = |top: usize, pi: usize| {
        let (t0, t1) = (els[top].b0 as usize, els[top].b1 as usize);
        let (mut linked, mut plain, mut excerpts) = (0usize, 0usize, 0usize);
        for (bi, b) in blocks
            .iter()
            .enumerate()
            .take(els[pi].b1 as usize)
            .skip(els[pi].b0 as usize)
        {
            if (t0..t1).contains(&bi) {
                continue;
            }
            if !matches!(b.kind, Kind::Heading(_)) {
                excerpts += usize::from(cut_short(&b.text));
                continue;
            }
            if b.link_len * 2 >= b.text.chars().count() {
                linked += 1;
            } else {
                plain += 1;
            }
        }
        Teasers {
            linked_headings: linked >= 3 && linked > plain,
            cut_excerpts: excerpts >= 3,
        }
    };
    // Only excerpts cut short: cards with linked headings may be a hub page's content.
    let adds_excerpts = |top: usize, pi: usize| adds_teasers(top, pi).cut_excerpts;
    // Several near-top candidates: their common ancestor holds the article, unless what it
    // adds is teasers (a "Breaking News" ticker of excerpts above the story).
    let alts: Vec<usize> = cands
        .iter()
        .skip(1)
        .take(5)
        .filter(|(_, s)| *s >= top_score * 0.75)
        .map(|(i, _)| *i)
        .collect();
    if alts.len() >= 2 {
        let mut p = els[top].parent;
        while p != NONE && !matches!(els[p as usize].tag, "body" | "html") {
            let pi = p as usize;
            if alts.iter().filter(|&&a| is_ancestor(pi, a)).count() >= 2 {
                if !adds_excerpts(top, pi) {
                    top = pi;
                }
                break;
            }
            p = els[pi].parent;
        }
    }
    // Climb while the parent scores close to or above.
    let final_score = |i: usize| score[i] * (1.0 - link_density(&els[i]));
    let mut last = final_score(top);
    let threshold = last / 3.0;
    let mut p = els[top].parent;
    while p != NONE && !matches!(els[p as usize].tag, "body" | "html") {
        let pi = p as usize;
        if !init[pi] || excluded[pi] {
            p = els[pi].parent;
            continue;
        }
        let s = final_score(pi);
        if s < threshold {
            break;
        }
        if s > last {
            if !adds_excerpts(top, pi) {
                top = pi;
            }
            break;
        }
        last = s;
        p = els[pi].parent;
    }
    // A table's body (or a row of it) comes with its table: the caption and the header
    // belong to it, and the story's paragraphs are the table's siblings.
    while matches!(els[top].tag, "tbody" | "thead" | "tfoot" | "tr") {
        let p = els[top].parent;
        if p == NONE || excluded[p as usize] {
            break;
        }
        top = p as usize;
    }
    // An only child: take the parent.
    loop {
        let p = els[top].parent;
        if p == NONE || matches!(els[p as usize].tag, "body" | "html") || excluded[p as usize] {
            break;
        }
        let pi = p as usize;
        if range(&els[pi], &pre_t) == range(&els[top], &pre_t) {
            top = pi;
        } else {
            break;
        }
    }
    // The article split into several sections: climb while the parent holds clearly more
    // paragraph text that is not links and not page furniture.
    let mut climbs = 0;
    let mut cur = top;
    for _ in 0..12 {
        let p = els[cur].parent;
        if p == NONE || excluded[p as usize] || matches!(els[p as usize].tag, "body" | "html") {
            break;
        }
        let pi = p as usize;
        let g_top = range(&els[top], &pre_good);
        let g_par = range(&els[pi], &pre_good);
        if g_par.saturating_sub(g_top) <= 100 {
            // A wrapper with (next to) nothing more in it: look further up.
            cur = pi;
            continue;
        }
        if g_par * 10 >= g_top * 13
            && link_density(&els[pi]) < 0.3
            && climbs < 4
            && !adds_teasers(top, pi).any()
        {
            top = pi;
            cur = pi;
            climbs += 1;
        } else {
            break;
        }
    }
    // Several stories on one page (the next one appended as the reader scrolls), each an
    // `<article>` with its own `<h1>`: the story is the one whose `<h1>` is the page's
    // headline, and nothing of the others comes along.
    let mut other_stories: Vec<(usize, usize)> = Vec::new();
    if let Some(t) = opts.title.map(norm_title).filter(|t| !t.is_empty()) {
        let h1s: Vec<usize> = (0..blocks.len())
            .filter(|&bi| matches!(blocks[bi].kind, Kind::Heading(1)))
            .take(50)
            .collect();
        let headline = h1s.iter().copied().find(|&bi| is_headline(&blocks[bi], &t));
        if let Some(hb) = headline
            && h1s.len() >= 2
        {
            let holds =
                |i: usize, bi: usize| (els[i].b0 as usize..els[i].b1 as usize).contains(&bi);
            // Innermost `<article>`s holding an `<h1>`; one holding two is a wrapper.
            let stories: Vec<usize> = (0..els.len())
                .filter(|&i| {
                    els[i].tag == "article" && h1s.iter().filter(|&&bi| holds(i, bi)).count() == 1
                })
                .collect();
            if let Some(&own) = stories.iter().find(|&&i| holds(i, hb))
                && stories.len() >= 2
            {
                for &i in stories.iter().filter(|&&i| i != own) {
                    other_stories.push((els[i].b0 as usize, els[i].b1 as usize));
                }
                // The pick holds another story, or is inside one: the headline's story.
                let inside_own = is_ancestor(own, top);
                if !inside_own {
                    top = own;
                }
            }
        }
    }
    let in_other_story = |i: usize| {
        other_stories
            .iter()
            .any(|&(b0, b1)| (els[i].b0 as usize) < b1 && b0 < (els[i].b1 as usize))
    };
    // Siblings that belong to the article.
    let top_final = final_score(top);
    let sib_threshold = (top_final * 0.2).max(10.0);
    let mut chosen: Vec<usize> = Vec::new();
    let parent = els[top].parent;
    if parent == NONE {
        chosen.push(top);
    } else {
        let pi = parent as usize;
        let mut c = pi + 1;
        let end = els[pi].e1 as usize;
        // A heading left out just before a sibling that is taken ("Films with time loops"
        // over a long table that outscored its parent): it introduces that sibling.
        let mut heading: Option<usize> = None;
        while c < end {
            let e = &els[c];
            let before = chosen.len();
            if c == top {
                chosen.push(c);
            } else if !excluded[c] && !in_other_story(c) {
                let mut s = if init[c] { final_score(c) } else { 0.0 };
                if !e.class_id.trim().is_empty() && e.class_id == els[top].class_id {
                    s += top_final * 0.2;
                }
                let t = range(e, &pre_t);
                let ld = link_density(e);
                let own_text: String = blocks[e.b0 as usize..e.b1 as usize]
                    .iter()
                    .take(3)
                    .map(|b| b.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let para_like = matches!(
                    e.tag,
                    "p" | "blockquote" | "ul" | "ol" | "h2" | "h3" | "h4" | "pre" | "table"
                ) && ((t > 80 && ld < 0.25)
                    || (t > 0
                        && t <= 80
                        && ld == 0.0
                        && (own_text.contains(". ") || own_text.ends_with('.'))));
                if s >= sib_threshold || para_like {
                    chosen.push(c);
                }
            }
            if chosen.len() > before {
                if let Some(h) = heading.take() {
                    chosen.insert(before, h);
                }
            } else {
                heading = (!excluded[c]
                    && matches!(e.tag, "h2" | "h3" | "h4" | "h5" | "h6")
                    && (1..=200).contains(&range(e, &pre_t))
                    && link_density(e) < 0.5
                    && blocks[e.b0 as usize..e.b1 as usize]
                        .first()
                        .is_some_and(|b| !TAIL_HEADING.is_match(b.text.trim())))
                .then_some(c);
            }
            c = e.e1.max(c as u32 + 1) as usize;
        }
    }
    if let Some(d) = dbg {
        let mut a = top;
        while a != NONE as usize {
            let e = &els[a];
            d.push(format!(
                "ancestor {a} <{}> [{}] good {} links {:.2} excluded {} score {:.1}",
                e.tag,
                e.class_id.chars().take(60).collect::<String>(),
                range(e, &pre_good),
                link_density(e),
                excluded[a],
                if init[a] { final_score(a) } else { 0.0 }
            ));
            a = e.parent as usize;
        }
        for &c in &chosen {
            let e = &els[c];
            d.push(format!(
                "chosen {c} <{}> [{}] text {}",
                e.tag,
                e.class_id.chars().take(80).collect::<String>(),
                range(e, &pre_t)
            ));
        }
    }
    // Conditional cleaning inside the chosen subtrees.
    let mut dropped = vec![false; blocks.len()];
    let mut introduced = vec![false; blocks.len()];
    for &c in &chosen {
        let end = els[c].e1 as usize;
        for e in els.iter().take(end).skip(c + 1) {
            if !matches!(
                e.tag,
                "div" | "section" | "ul" | "ol" | "table" | "form" | "dl" | "header"
            ) {
                continue;
            }
            let t = range(e, &pre_t);
            if t == 0 {
                continue;
            }
            let intro = e.weight >= 0.0 && introduced_list(e, blocks);
            if intro {
                introduced[e.b0 as usize..e.b1 as usize].fill(true);
            }
            let ld = link_density(e);
            let commas = range(e, &pre_commas);
            let paras = range(e, &pre_paras);
            let drop = ((e.weight < 0.0 || ld > 0.5) && commas < 10)
                || (ld > 0.3
                    && e.weight < 25.0
                    && paras == 0
                    && t < 600
                    && matches!(e.tag, "ul" | "ol" | "div" | "section"));
            if drop && !intro {
                for d in dropped.iter_mut().take(e.b1 as usize).skip(e.b0 as usize) {
                    *d = true;
                }
            }
        }
    }
    let title_norm = opts.title.map(norm_title);
    let mut out: Vec<&Block> = Vec::new();
    for &c in &chosen {
        let e = &els[c];
        for bi in e.b0 as usize..e.b1 as usize {
            let b = &blocks[bi];
            if dropped[bi]
                || block_excluded(b)
                || (boilerplate_block_in(b, introduced[bi]) && !tail_heading(b) && !tail_label(b))
                || author_bio(&b.text, opts.authors)
            {
                continue;
            }
            // The headline repeated: as an h1, or as whatever opens the text.
            if (matches!(b.kind, Kind::Heading(1)) || out.is_empty())
                && let Some(t) = &title_norm
                && is_headline(b, t)
            {
                continue;
            }
            out.push(b);
        }
    }
    trim_edges(&mut out);
    cut_tail_sections(&mut out);
    let out_len: usize = out.iter().map(|b| b.text.len()).sum();
    if out_len < 250 {
        let fb = fallback(flat, &excluded, opts);
        let fb_len: usize = fb.iter().map(|b| b.text.len()).sum();
        if fb_len > out_len * 2 {
            return fb;
        }
    }
    out
}

/// What an ancestor of the pick adds besides it, when that is teasers.
struct Teasers {
    /// Three or more linked headings, outnumbering plain ones.
    linked_headings: bool,
    /// Three or more excerpts cut short with an ellipsis.
    cut_excerpts: bool,
}

impl Teasers {
    fn any(&self) -> bool {
        self.linked_headings || self.cut_excerpts
    }
}

/// A list of links that a sentence of the article introduces ("These are the tools we
/// carry:"): the article's own list, not a related-links box.
fn introduced_list(e: &El<'_>, blocks: &[Block]) -> bool {
    if !matches!(e.tag, "ul" | "ol") || e.b0 == 0 {
        return false;
    }
    let prev = &blocks[e.b0 as usize - 1];
    let t = prev.text.trim();
    let n = t.chars().count();
    matches!(prev.kind, Kind::P)
        && n >= 50
        && prev.link_len * 4 < n
        && t.ends_with(':')
        && !boilerplate_block(prev)
        && !TAIL_HEADING.is_match(t)
}

/// When scoring finds nothing: every paragraph-like block that is not boilerplate.
fn fallback<'f>(flat: &'f Flat<'_>, excluded: &[bool], opts: &Opts<'_>) -> Vec<&'f Block> {
    let title_norm = opts.title.map(norm_title);
    flat.blocks
        .iter()
        .filter(|b| {
            let n = b.text.chars().count();
            (b.el == NONE || !excluded[b.el as usize])
                && !boilerplate_block(b)
                && b.link_len * 2 < n
                && (n >= 40 || matches!(b.kind, Kind::Heading(_) | Kind::P))
                && !(matches!(b.kind, Kind::Heading(1))
                    && title_norm.as_deref().is_some_and(|t| is_headline(b, t)))
        })
        .collect()
}

/// Headings that open what follows an article: related stories, the author's bio, comments.
/// (Sources and references stay: readers and annotators count them as the article's.)
static TAIL_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            related(?:\s+(?:articles?|stories|posts|content|reading|coverage))?|
            (?:more|latest|recent|top|popular|trending)\s+(?:articles|stories|posts|news)(?:\s+(?:from|on|in)(?-u:\b).*)?|
            (?:also|more)\s+in\s+(?:the\s+)?news|in\s+other\s+news|trending(?:\s+now)?|most\s+(?:read|popular|viewed)|
            editor'?s\s+picks|don'?t\s+miss|up\s+next|what\s+to\s+read\s+next|
            you\s+(?:may|might)\s+also\s+(?:like|enjoy)|read\s+(?:next|more)|recommended(?:\s+for\s+you)?|
            about\s+the\s+authors?|meet\s+the\s+authors?|
            (?:leave\s+a\s+)?(?:comments?|reply|responses)|(?:add|post|write)\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|
            breaking\s+news|
            # Portuguese, Spanish, French, German, Italian, Dutch.
            (?:voc[êe]\s+)?(?:tamb[ée]m\s+)?pode\s+gostar|veja\s+tamb[ée]m|leia\s+tamb[ée]m|(?:not[íi]cias|posts|artigos|mat[ée]rias)\s+relacionad[oa]s|mais\s+lid[oa]s|
            (?:tambi[ée]n\s+)?te\s+puede\s+interesar|noticias\s+relacionadas|lo\s+m[áa]s\s+le[íi]do|lee\s+tambi[ée]n|
            (?:[àa]\s+)?lire\s+aussi|sur\s+le\s+m[êe]me\s+sujet|vous\s+aimerez\s+aussi|articles\s+similaires|
            mehr\s+zum\s+thema|das\s+k[öo]nnte\s+sie\s+auch\s+interessieren|auch\s+interessant|weitere\s+artikel|
            [äa]hnliche\s+(?:beitr[äa]ge|artikel)|verwandte\s+(?:beitr[äa]ge|artikel)|kommentare|kommentar\s+schreiben|
            commentaires|laisser\s+un\s+commentaire|comentarios|deja\s+un\s+comentario|commenti|lascia\s+un\s+commento|
            coment[áa]rios|deixe\s+um\s+coment[áa]rio|reacties|
            potrebbe\s+interessarti|leggi\s+anche|articoli\s+correlati|
            lees\s+ook|meer\s+over\s+dit\s+onderwerp|
            # Russian, Ukrainian, Polish, Czech, Turkish.
            читайте\s+(?:также|також)|читать\s+также|(?:похожие|связанные|другие)\s+(?:статьи|новости|материалы|записи)|
            самые\s+(?:популярные|читаемые)(?:\s+\S+)?|популярное|по\s+теме|вам\s+может\s+быть\s+интересно|схожі\s+новини|
            (?:czytaj|zobacz)\s+(?:też|także|również)|podobne\s+artykuły|najpopularniejsze|
            mohlo\s+by\s+vás\s+zajímat|související\s+články|
            (?:[iİ]lgili|benzer)\s+haberler|bunlar\s+da\s+ilginizi\s+çekebilir|
            # Indonesian, Vietnamese, Arabic, Hindi, Japanese, Chinese, Korean, Thai.
            berita\s+terkait|artikel\s+terkait|baca\s+juga|tin\s+liên\s+quan|bài\s+viết\s+liên\s+quan|
            (?:مواضيع|أخبار|مقالات)\s+ذات\s+صلة|اقرأ\s+(?:أيضا|أيضاً|ايضا)|संबंधित\s+(?:खबरें|ख़बरें|लेख)|
            関連記事|関連ニュース|あわせて読みたい|おすすめ記事|相关(?:新闻|文章|阅读|报道)|相關(?:新聞|文章|閱讀|報導)|
            延伸(?:阅读|閱讀)|推荐阅读|관련\s*기사|많이\s+본\s+뉴스|เรื่องที่เกี่ยวข้อง|ข่าวที่เกี่ยวข้อง
        )\s*(?::|\.{2,3}|…)?$",
    )
    .expect("valid regex")
});

/// Cut the article at a heading that opens a related-stories, author-bio or comments
/// section in its second half.
fn cut_tail_sections(out: &mut Vec<&Block>) {
    let total: usize = out.iter().map(|b| b.text.len()).sum();
    let mut seen = 0usize;
    let mut cut = None;
    for i in 0..out.len() {
        let b = out[i];
        // A label that is not marked up as a heading ("ALSO IN THE NEWS" in a div) counts
        // when teasers follow it.
        let labels_teasers = || seen >= 400 && tail_label(b) && teasers(&out[i + 1..]);
        if (tail_heading(b) && seen * 2 >= total) || labels_teasers() {
            cut = Some(i);
            break;
        }
        if seen * 2 >= total && APPEAL.is_match(&b.text) {
            // The appeal's own heading ("Article Sources", "Support us") goes with it.
            let headed = i > 0 && matches!(out[i - 1].kind, Kind::Heading(_));
            cut = Some(if headed { i - 1 } else { i });
            break;
        }
        seen += b.text.len();
    }
    if let Some(at) = cut {
        out.truncate(at);
    }
    // Earlier in the text: the heading alone is furniture (a "Related" box between
    // paragraphs).
    out.retain(|b| !((tail_heading(b) || tail_label(b)) && boilerplate_block(b)));
    // A contributor's note after the story ("Julia Gralberg is a freelance travel writer
    // ...", "(Paul Fenaroli is an Associate Attorney at ...)"): up to two, at the very end.
    for _ in 0..2 {
        match out.split_last() {
            Some((last, rest))
                if rest.len() >= 3
                    && last.text.len() < 500
                    && CLOSING_BIO.is_match(&last.text)
                    && (BIO_WORDS.is_match(&last.text) || BIO_ROLES.is_match(&last.text))
                    && !reported_speech(&last.text) =>
            {
                out.pop();
            }
            _ => break,
        }
    }
}

/// A sentence of the story rather than a note: someone's words are reported or quoted
/// ("Jane Roe is an editor at the paper, she said.").
fn reported_speech(t: &str) -> bool {
    t.contains(['"', '“', '”'])
        || [" said", " says", " told", " according to"]
            .iter()
            .any(|w| t.contains(w))
}

/// A note that opens with a person's name and what they are ("X Y is a", "X Y is the
/// public sector CTO", "X is IGN's deal curator").
static CLOSING_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\(?[A-Z][a-z'’-]+(?:\s+[A-Z][A-Za-z.'’-]*){1,2}\s+(?:is|has\s+been|serves\s+as)\s+(?:an?|the|[A-Z][A-Za-z]*(?:'|’)s)\s",
    )
    .expect("valid regex")
});

/// Jobs a contributor's note names besides writing ([`BIO_WORDS`]).
static BIO_ROLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:co-?founder|founder|ceo|cto|cfo|professor|faculty|attorney|lawyer|curator|fellow|physician|consultant|owner)(?-u:\b)",
    )
    .expect("valid regex")
});

/// A block that is only a related-stories label, however it is marked up.
fn tail_label(b: &Block) -> bool {
    b.text.chars().count() <= 40 && TAIL_HEADING.is_match(b.text.trim())
}

/// Paragraphs that open the publisher's appeal after the story: donations, republishing,
/// the member appeal ("A Word to Our Loyal Readers"), and the sourcing-policy note over a
/// list of sources ("Healthline has strict sourcing
/// guidelines ...", "All articles are reviewed and updated by SmartAsset's fact-checkers").
static APPEAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:since\s+you(?:'|’)?(?:re|\s+are|\s+made\s+it)(?-u:\b)[^.]*?(?:here|article|story|bottom)|we\s+have\s+a\s+small\s+favou?r\s+to\s+ask|republish\s+(?:our|this)\s+(?:articles?|story|stories)(?-u:\b)|[^.]*?\s+has\s+strict\s+sourcing\s+guidelines|a\s+word\s+to\s+our\s+(?:loyal\s+)?readers|support\s+[^.]*?\s+and\s+make\s+a\s+difference|all\s+(?:articles|content)\s+(?:is\s+|are\s+)?reviewed\s+(?:and\s+updated\s+)?by\s+[^.]*?fact-?checkers)",
    )
    .expect("valid regex")
});

/// What follows a related-stories heading is a list of teasers: linked headlines, excerpts
/// cut short with an ellipsis, datelines and labels, rather than more of the article.
fn teasers(rest: &[&Block]) -> bool {
    let total: usize = rest.iter().map(|b| b.text.len()).sum();
    if rest.len() < 3 || total == 0 {
        return false;
    }
    let teaser: usize = rest
        .iter()
        .filter(|b| {
            let t = b.text.trim_end();
            let n = t.chars().count();
            // An excerpt cut short: an ellipsis, or no closing punctuation at all.
            b.link_len * 2 >= n
                || ends_with_ellipsis(t)
                || (n >= 80 && t.ends_with(|c: char| c.is_alphanumeric() || c == ','))
                || n < 40
                || matches!(b.kind, Kind::Heading(_))
        })
        .map(|b| b.text.len())
        .sum();
    teaser * 10 >= total * 6
}

/// Text cut off with an ellipsis ("..." or "…").
fn ends_with_ellipsis(t: &str) -> bool {
    t.ends_with("...") || t.ends_with('…')
}

/// An excerpt of a sentence or more that ends in an ellipsis: a teaser's summary.
fn cut_short(text: &str) -> bool {
    let t = text.trim_end();
    ends_with_ellipsis(t) && t.len() >= 60 && t.contains(' ')
}

fn tail_heading(b: &Block) -> bool {
    b.text.chars().count() <= 40
        && (matches!(b.kind, Kind::Heading(_))
            || b.text.ends_with(':')
            || ends_with_ellipsis(&b.text))
        && TAIL_HEADING.is_match(b.text.trim())
}

/// Drop bylines and datelines before the first real paragraph, and a lone link at the end.
fn trim_edges(out: &mut Vec<&Block>) {
    let first_long = out
        .iter()
        .position(|b| b.text.chars().count() >= 120)
        .unwrap_or(out.len());
    let mut i = 0;
    let mut seen = 0;
    out.retain(|b| {
        let keep = if seen < first_long {
            let n = b.text.chars().count();
            let date_only = n < 80
                && crate::dates::find_day(&b.text).is_some_and(|(_, (s, e))| {
                    b.text[..s].split_whitespace().count() <= 3
                        && b.text[e..].split_whitespace().count() <= 6
                });
            // "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS": a
            // meta line of parts, one of them the day.
            let meta_line = n < 120
                && b.text.matches(['|', '•', '·']).count() >= 2
                && crate::dates::find_day(&b.text).is_some();
            // "Šodien, 17:40", "Today 5:40 PM": a time and a word or two.
            let time_only = n < 40
                && b.text.split_whitespace().count() <= 4
                && b.text.as_bytes().windows(4).any(|w| {
                    w[0].is_ascii_digit()
                        && w[1] == b':'
                        && w[2].is_ascii_digit()
                        && w[3].is_ascii_digit()
                });
            // "Washington CNN —": a dateline in its own element, before the story.
            let place_only = n < 40 && b.text.trim_end().ends_with(['—', '–']);
            // "March 12": a `<time>`'s day without its year.
            let month_day = n < 25 && crate::dates::is_month_day(&b.text);
            !((n < 120 && BYLINE_TEXT.is_match(&b.text))
                || date_only
                || month_day
                || meta_line
                || time_only
                || place_only)
        } else {
            true
        };
        seen += 1;
        i += 1;
        keep
    });
    while let Some(last) = out.last() {
        let n = last.text.chars().count();
        // A heading with nothing after it heads a box the page left out or emptied ("DW
        // recommends", "Ähnliche Beiträge"): the story does not end on a heading.
        let orphan_heading = out.len() > 1 && matches!(last.kind, Kind::Heading(_));
        if (n < 60 && last.link_len * 10 >= n * 9) || orphan_heading {
            out.pop();
        } else {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(html: &str) -> String {
        extract(&Html::parse_document(html), &Opts::default())
    }

    /// None of these texts is left in the body.
    fn assert_gone(body: &str, gone: &[&str]) {
        for g in gone {
            assert!(!body.contains(g), "{g} in {body}");
        }
    }

    const PARA: &str = "The council voted on Tuesday to extend the program, which supports small \
        businesses across the region, for another three years, citing strong demand.";

    #[test]
    fn the_next_story_appended_below_is_not_part_of_this_one() {
        let storm = "The storm hit the coast overnight, cutting power to thousands of homes, \
                     officials said, and crews worked through the night to restore it.";
        let next: String = (0..8).map(|_| format!("<p>{storm}</p>")).collect();
        let html = format!(
            "<html><body><main><article><h1>Council extends program</h1>\
             <div class=\"byline\">By Jane Doe</div><p>{PARA}</p><p>{PARA}</p></article>\
             <article><h1>Storm hits coast</h1><div class=\"byline\">By John Roe</div>{next}\
             </article></main></body></html>"
        );
        let opts = Opts {
            title: Some("Council extends program"),
            ..Opts::default()
        };
        let body = extract(&Html::parse_document(&html), &opts);
        assert!(body.contains("extend the program"), "{body}");
        assert_gone(&body, &["storm hit", "Storm hits coast"]);
        // One story in one `<article>`, its sections in `<article>`s of their own with no
        // `<h1>`: all of it.
        let html = format!(
            "<html><body><main><article><h1>Council extends program</h1><p>{PARA}</p>\
             <article><h2>What comes next</h2><p>{storm}</p></article></article></main>\
             </body></html>"
        );
        let body = extract(&Html::parse_document(&html), &opts);
        assert!(body.contains("storm hit"), "{body}");
    }

    #[test]
    fn a_big_table_comes_with_its_caption_and_the_paragraphs_beside_it() {
        let rows: String = (0..60)
            .map(|i| {
                format!(
                    "<tr><td>Ward {i}, the northern district along the river, with its \
                     schools, parks and libraries</td><td>{i}</td></tr>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><div class=\"content\"><h1>Results by ward</h1>\
             <p>The lead paragraph says what the table shows and where the figures come \
             from, with a caveat about the wards that reported late.</p>\
             <table class=\"wikitable sortable\"><caption>Turnout by ward, 2025</caption>\
             <tbody>{rows}</tbody></table></div></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("The lead paragraph says"), "{body}");
        assert!(body.contains("Turnout by ward"), "{body}");
        assert!(body.contains("Ward 59"), "{body}");
    }

    #[test]
    fn a_gallery_set_into_the_story_is_not_the_story() {
        let caption = |i: usize| {
            format!(
                "<li><p>Photo {i}: traders on the floor of the exchange watch the screens as \
                 shares fall for the third day running, with banks and miners leading.</p></li>"
            )
        };
        let gallery: String = (0..20).map(caption).collect();
        let story = |from: usize| -> String {
            (from..from + 3)
                .map(|i| format!("<p>{i}. {PARA}</p>"))
                .collect()
        };
        let html = format!(
            "<html><body><article><h1>Secrets of hotel staff</h1><div class=\"text\">{}\
             <div class=\"widget type-gallery\"><h2>Business news in pictures</h2>\
             <ul class=\"legends\">{gallery}</ul></div>{}</div></article></body></html>",
            story(1),
            story(4)
        );
        let body = body_of(&html);
        assert!(
            body.contains("1. The council") && body.contains("6. The council"),
            "{body}"
        );
        assert_gone(&body, &["Photo 3", "Business news in pictures"]);
        // A gallery that is the page's content stays.
        let html = format!(
            "<html><body><article><h1>Markets in pictures</h1><p>{PARA}</p>\
             <div class=\"gallery\"><ul>{gallery}</ul></div></article></body></html>"
        );
        assert!(body_of(&html).contains("Photo 3"));
    }

    #[test]
    fn a_wire_storys_contributor_line_is_not_text() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p>\
             <p>{PARA} Again.</p><p>Associated Press writers Jane Doe and John C. Roe in \
             Washington contributed to this report.</p><p>John Roe contributed reporting \
             from Hong Kong.</p><p>Mary Major contributed to this article.</p>\
             </article></body></html>"
        );
        let body = body_of(&html);
        assert_gone(
            &body,
            &["contributed to this report", "contributed reporting"],
        );
        assert!(body.contains("Again."), "{body}");
        assert!(body.contains("contributed to this article"), "{body}");
    }

    #[test]
    fn two_lists_in_a_row_are_two_blocks() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p>\
             <ul><li>Money for relief</li><li>A pay raise</li></ul>\
             <ol><li>The House votes.</li><li>The mayor signs.</li></ol>\
             <ol><li>Again from one.</li></ol><p>{PARA} Again.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(
            body.contains(
                "- Money for relief\n- A pay raise\n\n1. The House votes.\n2. The mayor signs.\n\n1. Again from one."
            ),
            "{body}"
        );
    }

    #[test]
    fn rating_widgets_spacers_and_number_rows_are_not_text() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>\u{200d}</p>\
             <p>{PARA} Second.</p><div>\u{2605}\u{2605}\u{2605}\u{2605}\u{2606}</div>\
             <ul><li>1</li><li>2</li><li>3</li><li>4</li><li>5</li></ul><p>{PARA} Third.</p>\
             <h3>How useful was this post?</h3><p>Click on a star to rate it!</p>\
             <p>Average rating 4.8 / 5. Vote count: 12</p>\
             <p>No votes so far! Be the first to rate this post.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("Third."), "{body}");
        assert_gone(
            &body,
            &[
                "\u{200d}",
                "\u{2605}",
                "- 3",
                "How useful",
                "Click on a star",
                "Vote count",
                "No votes",
            ],
        );
    }

    #[test]
    fn markers_between_paragraphs_and_video_teasers_are_not_text() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p>\
             <p>Story continues below advertisement</p><p>{PARA} Second.</p>\
             <p>Watch: <a href=\"/v/1\">Council meeting highlights</a></p><p>{PARA} Third.</p>\
             <p>Continue reading the main story</p><p>{PARA} Fourth.</p>\
             <p>Get the latest news and updates straight to your inbox.</p>\
             <p>{PARA} Fifth.</p><p>We want to hear from you. <a href=\"/contact\">Contact \
             us</a> with your story ideas.</p><p>{PARA} Sixth.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("Sixth."), "{body}");
        assert_gone(
            &body,
            &[
                "Story continues",
                "Watch:",
                "Continue reading",
                "your inbox",
                "hear from you",
            ],
        );
    }

    #[test]
    fn a_related_stories_heading_ends_the_article() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><h2>Related stories</h2><p>Mayor opens new library branch downtown, \
             with longer hours and a maker space for teens.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(!body.contains("Related stories"), "{body}");
        assert!(!body.contains("library branch"), "{body}");
    }

    #[test]
    fn the_heading_over_a_long_table_stays_with_it() {
        // The table outscores its parent, so it and the paragraphs around it are taken as
        // siblings; the heading that introduces it comes along.
        let rows: String = (0..80)
            .map(|i| {
                format!(
                    "<tr><td>Film number {i}</td><td>{}</td><td>A woman relives the same day \
                     over and over until she learns lesson number {i}.</td></tr>",
                    1950 + i
                )
            })
            .collect();
        let html = format!(
            "<html><body><div><h1>List of films</h1><p>{PARA}</p><p>{PARA}</p><h2>The \
             complete catalogue</h2><table><tr><th>Film</th><th>Year</th></tr>{rows}</table>\
             <h2>Add a comment</h2><p>{PARA}</p></div></body></html>"
        );
        let body = body_of(&html);
        assert!(
            body.contains("strong demand.\n\nThe complete catalogue\n\nFilm | Year"),
            "{body}"
        );
        assert!(body.contains("lesson number 79"), "{body}");
        assert!(!body.contains("Add a comment"), "{body}");
    }

    #[test]
    fn a_teaser_list_under_a_label_ends_the_article_even_when_longer_than_it() {
        // The label is a div, and the teasers outweigh the story: excerpts cut short.
        let teaser = "THE SALVATION ARMY continued its long-standing tradition of community \
                      outreach with the distribution of 1,500 Christmas hampers on Tuesday, Dec...";
        let teasers: String = (0..6)
            .map(|i| {
                format!(
                    "<div class=\"teaser\"><div>Front Page</div><div>December 19, 2025</div>\
                     <p>{teaser} {i}...</p></div>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><div>ALSO IN THE NEWS</div>{teasers}</article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(!body.contains("ALSO IN THE NEWS"), "{body}");
        assert!(!body.contains("SALVATION ARMY"), "{body}");
        // The same label before more of the story is kept with it.
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><div>Related stories</div><p>{PARA} More.</p><p>{PARA} Again.</p>\
             <p>{PARA} Last.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("Again."), "{body}");
    }

    #[test]
    fn labels_of_related_lists_in_other_languages_end_the_article() {
        let teasers: String = (0..6)
            .map(|i| {
                format!(
                    "<div class=\"teaser\"><a href=\"/d{i}\">Диета номер {i}</a>\
                     <p>Популярная диета при активном ритме жизни. Результаты похудения до 10 кг за 14 дней и даже больше при соблюдении</p></div>"
                )
            })
            .collect();
        for label in [
            "Самые популярные диеты",
            "Читайте также:",
            "Zobacz także",
            "İlgili Haberler",
        ] {
            let html = format!(
                "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
                 <p>{PARA}</p><div>{label}</div>{teasers}</article></body></html>"
            );
            let body = body_of(&html);
            assert!(body.contains("extend the program"), "{body}");
            assert!(!body.contains("Популярная диета"), "{label}: {body}");
        }
    }

    #[test]
    fn linked_headlines_in_capitals_and_lone_datelines_are_furniture() {
        let html = format!(
            "<html><body><article><p class=\"titulo\">Council extends program</p>\
             <p>Posted: Fri 6:45 PM, Feb 16, 2018 |</p><p>{PARA}</p><p><strong><a href=\"/r\">\
             'DANCING WITH THE STARS': LAUREN ALAINA IS CHANNELING HER ENERGY</a></strong></p>\
             <p>{PARA}</p><h2><a href=\"#history\">THE EARLY TRADE AND SPREAD OF COFFEE</a></h2>\
             <p>{PARA}</p></article></body></html>"
        );
        let body = extract(
            &Html::parse_document(&html),
            &Opts {
                title: Some("Council extends program"),
                ..Opts::default()
            },
        );
        assert!(body.starts_with("The council voted"), "{body}");
        assert!(!body.contains("LAUREN ALAINA"), "{body}");
        // A heading in capitals that links to its own anchor is the article's.
        assert!(body.contains("THE EARLY TRADE"), "{body}");
    }

    #[test]
    fn furniture_a_page_without_telling_classes_still_shows() {
        // Class names hashed by a CSS-in-JS build say nothing: the texts must.
        let html = format!(
            "<html><body><div class=\"c1a2b3\"><div class=\"c4d5e6\"><p>In this Sunday, Nov. 10, \
             2019, photograph, a row of unsold vehicles sits at a dealership in Littleton, Colo. \
             (AP Photo/David Zalubowski)</p><p>A space walk during construction of the station. \
             (NASA via AP, File)</p><p>Image 1 of 8</p><p>Caption</p><p>Close</p>\
             <p>The Associated Press<br>Published Monday, November 18, 2019 8:22AM EST</p>\
             <p>{PARA}</p><p>Updated at 1:23 p.m.</p><p>{PARA}</p><p>{PARA}</p><p>Rating: 36 \
             Votes</p><p>2 days ago at 07:52 am</p><p>Scores: 5/5</p></div></div></body></html>"
        );
        let body = body_of(&html);
        assert!(body.starts_with("The council voted"), "{body}");
        assert_gone(
            &body,
            &[
                "Zalubowski",
                "NASA via AP",
                "Image 1",
                "Caption",
                "Close",
                "Associated Press",
                "8:22AM",
                "1:23 p.m.",
                "Votes",
                "days ago",
            ],
        );
        // A review's score is the story's.
        assert!(body.contains("5/5"), "{body}");
    }

    #[test]
    fn a_contributors_note_at_the_end_is_not_the_story() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><p>Jane Doe is a freelance travel writer and the founder of a \
             guide to small hotels.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(!body.contains("freelance"), "{body}");
        // Also when a related-stories heading after it cuts the tail first.
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><p>Jane Doe is a freelance travel writer and the founder of a \
             guide to small hotels.</p><h2>Related stories</h2><p>{PARA}</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(!body.contains("freelance"), "{body}");
        assert!(!body.contains("Related stories"), "{body}");
        // A sentence of the story that reads alike stays.
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><p>Mayor Jane Doe is the third official to back the plan.</p>\
             </article></body></html>"
        );
        assert!(body_of(&html).contains("third official"));
    }

    #[test]
    fn a_ticker_of_cut_short_excerpts_above_the_story_is_not_part_of_it() {
        let item = |n: usize| {
            format!(
                "<li><a href=\"/s{n}\">Senate passes budget bill number {n}</a> <span>WASHINGTON: \
                 The Senate on Tuesday passed the long-awaited budget bill after a debate that \
                 ran late into the night, and lawmakers said it may soon...</span></li>"
            )
        };
        let ticker: String = (0..6).map(item).collect();
        let story = format!("<p>{PARA}</p>").repeat(6);
        let html = format!(
            "<html><body><div class=\"main-content-left\"><div class=\"breaking-news\">\
             <b>Breaking News</b><ul>{ticker}</ul></div><div class=\"main-article-content\">\
             <h1>Council extends program</h1><div class=\"shortcode-content\">{story}</div>\
             <p>{PARA}</p></div></div>\
             </body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert_gone(&body, &["Breaking News", "Senate passes", "may soon"]);
    }

    #[test]
    fn a_list_of_links_that_a_sentence_introduces_is_the_articles() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>The program will be run by these three groups, the council said:</p><ul>\
             <li><a href=\"/a\">Main Street Alliance</a></li><li><a href=\"/b\">Harbor \
             Trust</a></li><li><a href=\"/c\">Eastside Works</a></li></ul><p>{PARA}</p>\
             <p>Related:</p><ul><li><a href=\"/d\">Mayor opens new library</a></li>\
             <li><a href=\"/e\">Bridge closes for repairs</a></li></ul><p>{PARA}</p>\
             </article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("Harbor Trust"), "{body}");
        assert_gone(&body, &["Mayor opens", "Bridge closes"]);
    }

    #[test]
    fn an_article_in_sections_of_a_furniture_sounding_class_is_kept_whole() {
        // "nav" in the class flags each section; the first one is short, the second holds
        // most of the text, and they are one article.
        let html = format!(
            "<html><body><nav class=\"menu\"><a href=\"/\">Home</a></nav><main>\
             <h1>Council extends program</h1><div class=\"content-nav-section\"><p>The intro \
             paragraph sets out why the council met. {PARA}</p><p>{PARA}</p></div><div class=\"wrap\">\
             <div class=\"content-nav-section\"><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p></div></div></main></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("The intro paragraph"), "{body}");
        assert!(!body.contains("Home"), "{body}");
    }

    #[test]
    fn a_donation_appeal_after_the_story_is_not_part_of_it() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><p>Since you made it to the bottom of this article, we have a small \
             favor to ask.</p><p>If you believe stories like this matter, please consider \
             pitching in what you can.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(!body.contains("small favor"), "{body}");
        assert!(!body.contains("pitching in"), "{body}");
        // A sourcing-policy note ends the story with its heading and the list of sources.
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><h3>Article Sources</h3><p>Healthline has strict sourcing guidelines \
             and relies on peer-reviewed studies.</p><ul><li>Clem J, et al. (2021). A look at \
             plant-based diets.</li></ul></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert_gone(&body, &["Article Sources", "sourcing", "Clem J"]);
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><h3>A Word to Our Loyal Readers</h3><p>Support Snopes and make a \
             difference for readers everywhere.</p><ul><li>David Mikkelson</li></ul>\
             </article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert_gone(&body, &["Loyal Readers", "make a difference", "Mikkelson"]);
    }

    #[test]
    fn hover_cards_paywall_notes_and_caption_toggles_are_furniture() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>Gov. Kristi \
             <span class=\"rollover-people\"><a href=\"/p\">Noem</a><span class=\"rollover-people-block\"><a href=\"/p\">\
             Kristi Lynn Noem</a><a href=\"/a\">South Dakota drops pipeline protest laws</a>\
             </span></span> (R) is defending the campaign. {PARA}</p><p>Show Caption</p><p>{PARA}</p>\
             <p>This article is exclusive to STAT+ subscribers</p><p>Already have an account? \
             Log in</p><p>{PARA}</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("Gov. Kristi Noem (R) is defending"), "{body}");
        assert!(!body.contains("pipeline"), "{body}");
        assert!(!body.contains("Show Caption"), "{body}");
        assert!(!body.contains("exclusive to"), "{body}");
        assert!(!body.contains("Already have"), "{body}");
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>Advert</p>\
             <p>This slideshow requires JavaScript.</p><p>[button link=\"/submit\" \
             type=\"big\"] Send us YOUR kit review[/button]</p><p>{PARA}</p></article></body>\
             </html>"
        );
        let body = body_of(&html);
        assert!(!body.contains("Advert"), "{body}");
        assert!(!body.contains("slideshow"), "{body}");
        assert!(!body.contains("kit review"), "{body}");
    }

    #[test]
    fn a_post_the_article_embeds_is_part_of_it_but_share_buttons_are_not() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p>\
             <div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>The \
             program saved my bakery this year.</p>— Jane Baker (@janebakes) November 18, \
             2019</blockquote></div><p>{PARA}</p><div class=\"social-share\"><a href=\"/s\">\
             Share on Facebook</a></div></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("saved my bakery"), "{body}");
        assert!(body.contains("@janebakes"), "{body}");
        assert!(!body.contains("Share on Facebook"), "{body}");
    }

    #[test]
    fn lone_datelines_and_promo_lines_are_not_article_text() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1>\
             <p>Šodien, 17:40</p><p><time datetime=\"2019-11-19\">Nov. 19</time></p><p>Washington CNN —</p><p>Updated 11:21 pm CST, Tuesday, November 19, 2019</p><p>{PARA}</p>\
             <p>Posted on the council's forum on 2019-11-19: the vote passed.</p><p>{PARA}</p>\
             <p>Also on example.com Mayor opens new library branch downtown</p>\
             <p>GET THE NEWS ON THE GO BY CLICKING HERE</p><p>{PARA}</p>\
             <p>SEE MORE: Mayor opens new library wing</p><p>DON'T MISS</p>\
             <p>Don't miss the council's next meeting in March.</p>\
             <p>Like this story? Share it with a friend!</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(body.contains("the vote passed"), "{body}");
        assert!(body.contains("next meeting in March"), "{body}");
        assert_gone(
            &body,
            &[
                "Šodien",
                "Nov. 19",
                "Washington CNN",
                "SEE MORE",
                "DON'T MISS",
                "Updated 11:21",
                "library branch",
                "CLICKING",
                "Like this story",
            ],
        );
    }

    #[test]
    fn collapsed_accordion_sections_are_part_of_the_article() {
        let html = format!(
            "<html><body><main><h1>Solar guide</h1><p>{PARA}</p>\
             <div class=\"es-accordion\"><button>Step 2</button>\
             <div style=\"display:none\" role=\"region\"><p>An engineer will visit your home \
             to check the roof, the wiring and the meter before the panels are installed.</p></div></div>\
             <div style=\"display:none\" class=\"modal\"><p>Subscribe to our newsletter for \
             weekly deals on panels, batteries and installation offers near you.</p></div>\
             <p>{PARA}</p></main></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("An engineer will visit"), "{body}");
        assert!(!body.contains("weekly deals"), "{body}");
    }

    #[test]
    fn other_languages_end_the_article_too() {
        let html = format!(
            "<html><body><article><h1>Conselho prorroga programa</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><h3>Leia também</h3><p>Prefeito inaugura nova biblioteca no centro, \
             com horário ampliado e espaço maker para adolescentes.</p>\
             <p>The contents of this site are ©2019 Example Publishing Corp.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(!body.contains("biblioteca"), "{body}");
        assert!(!body.contains("©2019"), "{body}");
    }

    #[test]
    fn cards_of_other_posts_after_the_article_are_not_more_of_it() {
        // Category labels make the plain headings outnumber the linked ones; the excerpts
        // cut short with an ellipsis still tell teasers from more of the story.
        let cards: String = (0..5)
            .map(|i| {
                format!(
                    "<div class=\"card\"><h5>Taxes</h5><h2><a href=\"/p{i}\">Deadline {i} is \
                     closer than you think</a></h2><p>Every January, companies promise \
                     themselves that this year will be different. Paperwork will be...</p></div>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><div class=\"page\"><div class=\"post\"><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div><section class=\"listing\">\
             <h2>Tap into the latest insights from experts</h2>{cards}</section></div>\
             </body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(!body.contains("Paperwork will be"), "{body}");
        assert!(!body.contains("latest insights"), "{body}");
    }

    #[test]
    fn the_authors_biography_is_not_the_article() {
        let html = format!(
            "<html><body><article><p>Anurag is an experienced journalist who has been \
             covering tech for the past five years, with a focus on Windows.</p><p>{PARA}</p>\
             <p>{PARA}</p><p>Anurag Singh asked the council what it would cost, and it said \
             nothing.</p><p>Jane Roe is an editor at the council's own paper, she said.</p>\
             </article></body></html>"
        );
        let authors = ["Anurag Singh".to_string()];
        let opts = Opts {
            authors: &authors,
            ..Opts::default()
        };
        let body = extract(&Html::parse_document(&html), &opts);
        assert!(body.contains("extend the program"), "{body}");
        assert!(!body.contains("experienced journalist"), "{body}");
        // The author named in the story, and someone else's job, stay.
        assert!(body.contains("Anurag Singh asked"), "{body}");
        assert!(body.contains("Jane Roe is an editor"), "{body}");
        // Without the author known, the paragraph stays.
        assert!(body_of(&html).contains("experienced journalist"));
    }

    #[test]
    fn read_also_links_and_paywall_notes_in_other_languages_are_furniture() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p>\
             <p>Baca juga: <a href=\"/a\">Wali kota buka perpustakaan baru</a></p><p>{PARA}</p>\
             <p>เรื่องที่เกี่ยวข้อง <a href=\"/t\">ลืออุ้ม อ.สุรชัย ผู้ลี้ภัยหายจากที่พัก 12 วันแล้ว \
             ตร.เร่งหาเบาะแสคดีฆ่ายัดเสาถ่วงน้ำโขง - เมียไม่เชื่อเป็น 'สุรชัย แซ่ด่าน'</a></p>\
             <p>Lire aussi : <a href=\"/b\">Le maire inaugure une bibliothèque</a></p>\
             <p>Mehr zum Thema: <a href=\"/c\">Bürgermeister eröffnet Bibliothek</a></p>\
             <p>Te puede interesar: <a href=\"/d\">El alcalde inaugura una biblioteca</a></p>\
             <p>{PARA}</p><p>［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。</p>\
             <p>Le conseil a lu aussi le rapport du maire.</p></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        // "lu aussi" inside a sentence is not a label.
        assert!(body.contains("Le conseil a lu aussi"), "{body}");
        assert_gone(
            &body,
            &[
                "Baca juga",
                "Lire aussi",
                "Mehr zum Thema",
                "Te puede interesar",
                "会員限定",
                "เรื่องที่เกี่ยวข้อง",
            ],
        );
    }

    #[test]
    fn a_meta_line_before_the_story_and_a_related_heading_in_german_are_furniture() {
        let related = "<p>Die einzelnen Stoffteile wären an sich schon schlimm genug, warum \
             sehen wir den Mantel so oft auf der Straße?</p>";
        let html = format!(
            "<html><body><article><h1>Ear Candy!</h1>\
             <p>Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS</p>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><h3>Ähnliche Beiträge</h3>{related}{related}\
             </article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert_gone(&body, &["Sina Giebel", "Ähnliche Beiträge", "Stoffteile"]);
    }

    #[test]
    fn a_heading_with_nothing_after_it_ends_no_story() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>{PARA}</p>\
             <h2>What happens next</h2><p>{PARA}</p><h3>DW recommends</h3>\
             <h4>Audios and videos on the topic</h4></article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("What happens next"), "{body}");
        assert_gone(&body, &["DW recommends", "Audios and videos"]);
    }

    #[test]
    fn widget_labels_and_credit_lines_are_furniture() {
        let html = format!(
            "<html><body><article><h1>Council extends program</h1><p>Tempo de leitura: 2 minutos</p>\
             <p>{PARA}</p><p>Sakib Ali/Hindustan Times/Getty Images</p><p>Iklan</p>\
             <p>[Related: Mayor opens new library branch]</p><p>{PARA}</p>\
             <p>Get Cycle Monthly delivered every month. 12 issues for £11.99.</p>\
             <p>Reporting by the council's own staff was late, the mayor said.</p><p>{PARA}</p>\
             <p>(Reporting by Will Dunham; Editing by Tom Brown)</p><p>Like this:</p>\
             <p>Like Loading...</p><p>Gefällt mir:</p><p>Gefällt mir Lade...</p>\
             <p>J’aime chargement…</p><p>Learn More</p><p>Нашли ошибку? Выделите текст и нажмите Ctrl+Enter</p>\
             <p>Comments are moderated and may take a day to appear.</p>\
             <p>ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.</p>\
             <p>Comments are closed.</p><p>Reading time: 3 minutes</p><p>Comments (12)</p>\
             <p>Get unlimited access to News Example for $1 a week. Already a subscriber? Log in.</p>\
             <p>Reading time matters less than accuracy, the editor said of the review.</p>\
             <p>Accuracy and availability of NPR transcripts may vary. Transcript text may be \
             revised to correct errors.</p>\
             <p>Get editor selected deals texted right to your phone!</p>\
             <p>Fill out the form below or email your questions to the newsroom.</p>\
             <p>If you liked this article, please consider sharing it with a friend.</p>\
             <p>Join our mailing list! Get a newsletter when an episode is published.</p>\
             <p>Tags <a href=\"/t/a\">council budget</a>, <a href=\"/t/b\">small business</a></p>\
             <p>Tags on luggage were checked by the council, which said so.</p>\
             <p>Write to the council at its office in town.</p><p>阅读下一篇：</p>\
             <p>Write to Jane Doe at jane.doe@news.example.</p><p>【纠错】 【责任编辑:张樵苏 】</p><p>Table of Contents</p><p>See more</p><p>This article contains affiliate links \
             that may earn us a commission.</p><p>Affiliate links pay for many blogs.</p>\
             </article></body></html>"
        );
        let body = body_of(&html);
        assert!(body.contains("extend the program"), "{body}");
        assert!(body.contains("own staff was late"), "{body}");
        assert!(body.contains("Affiliate links pay"), "{body}");
        assert!(body.contains("Tags on luggage"), "{body}");
        assert!(body.contains("Reading time matters"), "{body}");
        assert!(!body.contains("Reading time: 3"), "{body}");
        assert!(!body.contains("Comments (12)"), "{body}");
        assert!(!body.contains("unlimited access"), "{body}");
        assert!(
            body.contains("Write to the council at its office"),
            "{body}"
        );
        assert_gone(
            &body,
            &[
                "Tempo de leitura",
                "Getty",
                "Iklan",
                "Related:",
                "12 issues",
                "Will Dunham",
                "Like",
                "Gefällt",
                "J’aime",
                "Learn More",
                "Ctrl+Enter",
                "moderated",
                "moderador",
                "closed",
                "transcripts may vary",
                "texted right",
                "form below",
                "liked this article",
                "mailing list",
                "council budget",
                "Jane Doe",
                "责任编辑",
                "阅读下一篇",
                "Table of Contents",
                "See more",
                "contains affiliate",
            ],
        );
    }

    #[test]
    fn ordered_lists_keep_their_numbers() {
        let html = format!(
            "<html><body><article><p>{PARA}</p><ol><li>Open the council's form and fill in \
             the name of the business.</li><li>Send it to the clerk before the end of May.</li>\
             </ol><p>{PARA}</p><ol start=\"3\"><li>Wait for the answer, which takes a week.</li>\
             </ol><ul><li>Bring a copy of the lease for the shop.</li></ul></article></body></html>"
        );
        let body = body_of(&html);
        assert!(
            body.contains(
                "\n\n1. Open the council's form and fill in the name of the business.\n2. Send it"
            ),
            "{body}"
        );
        assert!(body.contains("\n\n3. Wait for the answer"), "{body}");
        assert!(body.contains("- Bring a copy"), "{body}");
    }

    #[test]
    fn theme_classes_on_body_do_not_hide_the_page() {
        let html = format!(
            "<html><body class=\"single mh-loop-hide-caption right-sidebar\"><div class=\"entry-content\">\
             <p>{PARA}</p><p>{PARA}</p></div></body></html>"
        );
        assert!(body_of(&html).contains("extend the program"));
    }

    #[test]
    fn an_article_inside_an_unclosed_aside_is_found() {
        let html = format!(
            "<html><body><aside class=\"announcement\"><div><a href=\"/x\">News</a></span></div></a>\
             <main><h1>Council extends program</h1><p>{PARA}</p><p>{PARA}</p></main></body></html>"
        );
        assert!(body_of(&html).contains("extend the program"));
    }
}
