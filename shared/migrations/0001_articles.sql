-- Articles, newswire items and the record of every parsed page.

CREATE TABLE articles (
    -- UUIDv5 of the canonical URL: the same article under two spellings is one row.
    id                  uuid PRIMARY KEY,
    canonical_url       text NOT NULL,
    url                 text NOT NULL,
    title               text,
    authors             text[] NOT NULL DEFAULT '{}',
    published_at        timestamptz,
    -- True when the page gave only a day: published_at is then that day at 00:00 UTC.
    published_day_only  boolean NOT NULL DEFAULT false,
    modified_at         timestamptz,
    -- The publisher as the page names it, else the crawl source.
    source              text NOT NULL,
    -- The configured scraper source that fetched the page.
    crawl_source        text NOT NULL,
    language            text,
    description         text,
    body                text NOT NULL,
    topics              text[] NOT NULL DEFAULT '{}',
    image               text,
    parser_version      integer NOT NULL,
    page_id             uuid NOT NULL,
    content_hash        text NOT NULL,
    fetched_at          timestamptz NOT NULL,
    parsed_at           timestamptz NOT NULL,
    first_seen_at       timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_published_at_idx ON articles (published_at DESC);
CREATE INDEX articles_source_published_idx ON articles (source, published_at DESC);
CREATE INDEX articles_crawl_source_idx ON articles (crawl_source);
CREATE INDEX articles_updated_at_idx ON articles (updated_at);

-- Short items of newswire lists (unpublished.ca listings and article sidebars).
CREATE TABLE newswire_items (
    -- UUIDv5 of the canonical link.
    id                  uuid PRIMARY KEY,
    link                text NOT NULL,
    title               text,
    summary             text,
    published_at        timestamptz,
    published_day_only  boolean NOT NULL DEFAULT false,
    authors             text[] NOT NULL DEFAULT '{}',
    source              text,
    crawl_source        text NOT NULL,
    parser_version      integer NOT NULL,
    -- The page the item was last seen on.
    page_id             uuid NOT NULL,
    first_seen_at       timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX newswire_items_published_at_idx ON newswire_items (published_at DESC);
CREATE INDEX newswire_items_source_idx ON newswire_items (source, published_at DESC);

-- One row per fetched page that storage has handled, article or not: how an operator (and
-- the demo) tells that every fetched page made it through.
CREATE TABLE parsed_pages (
    page_id             uuid PRIMARY KEY,
    url                 text NOT NULL,
    crawl_source        text NOT NULL,
    -- 'article' or 'not_article'
    outcome             text NOT NULL,
    -- The article row it produced, if any.
    article_id          uuid,
    not_article_reason  text,
    newswire_items      integer NOT NULL DEFAULT 0,
    parser_version      integer NOT NULL,
    fetched_at          timestamptz NOT NULL,
    parsed_at           timestamptz NOT NULL,
    stored_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX parsed_pages_crawl_source_idx ON parsed_pages (crawl_source, fetched_at);
