-- The scraper's crawl state: every URL it knows (the frontier) and every host it talks to.
-- Several scraper replicas share these tables: work is claimed with a lease under
-- `FOR UPDATE SKIP LOCKED`, so a killed scraper loses nothing (its leases expire).

CREATE TABLE scraper_frontier (
    -- Canonical URL (newsflow_shared::urlnorm).
    url                 text PRIMARY KEY,
    -- 'listing', 'feed', 'sitemap' or 'article'.
    kind                text NOT NULL,
    -- The configured source that discovered it.
    source              text NOT NULL,
    -- host:port, the unit of politeness.
    host                text NOT NULL,
    -- True for a source's start URL, which is recrawled every `recrawl_secs`.
    is_source           boolean NOT NULL DEFAULT false,
    -- Hops from the source's start URL (trap protection).
    depth               integer NOT NULL DEFAULT 0,
    -- Position of a listing page in its pagination chain (0 = the start page).
    page_no             integer NOT NULL DEFAULT 0,
    -- 'active' (scheduled at next_fetch_at), 'done' (no more rechecks) or 'gave_up'.
    state               text NOT NULL DEFAULT 'active',
    next_fetch_at       timestamptz NOT NULL DEFAULT now(),
    -- Which scraper run holds it, and until when.
    lease_owner         uuid,
    lease_expires_at    timestamptz,
    -- Consecutive failed attempts; reset on success.
    attempts            integer NOT NULL DEFAULT 0,
    last_error          text,
    last_status         integer,
    etag                text,
    last_modified       text,
    -- SHA-256 (hex) of the last published body: unchanged content is not published again.
    content_hash        text,
    -- Index into `recheck_hours` of the next article re-check.
    recheck_step        integer NOT NULL DEFAULT 0,
    fetch_count         integer NOT NULL DEFAULT 0,
    last_fetched_at     timestamptz,
    -- From a Google News sitemap.
    news_title          text,
    news_published_at   timestamptz,
    discovered_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scraper_frontier_due_idx ON scraper_frontier (host, next_fetch_at)
    WHERE state = 'active';
CREATE INDEX scraper_frontier_lease_idx ON scraper_frontier (host, lease_expires_at)
    WHERE lease_expires_at IS NOT NULL;

CREATE TABLE scraper_hosts (
    -- host:port
    host                    text PRIMARY KEY,
    -- No request to the host before this; claimed atomically with the URL.
    next_allowed_at         timestamptz NOT NULL DEFAULT now(),
    -- Crawl-delay from robots.txt (already capped), if any.
    crawl_delay_ms          bigint,
    consecutive_failures    integer NOT NULL DEFAULT 0,
    -- Set after too many consecutive failures.
    paused_until            timestamptz,
    last_error              text
);
