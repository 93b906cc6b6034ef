//! The frontier and per-host state in PostgreSQL (migration `0002_scraper_frontier.sql`).
//!
//! Claiming is one transaction: lock due hosts (`FOR UPDATE SKIP LOCKED`), lease their due
//! URLs up to the per-host concurrency, and push each host's `next_allowed_at` by its delay.
//! Two replicas therefore never fetch one URL at once, and share each host's politeness.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

/// What a frontier URL is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Listing,
    Feed,
    Sitemap,
    Article,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Listing => "listing",
            Kind::Feed => "feed",
            Kind::Sitemap => "sitemap",
            Kind::Article => "article",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "listing" => Kind::Listing,
            "feed" => Kind::Feed,
            "sitemap" => Kind::Sitemap,
            "article" => Kind::Article,
            _ => return None,
        })
    }
}

/// A leased frontier row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Claimed {
    pub url: String,
    pub kind: String,
    pub source: String,
    pub host: String,
    pub is_source: bool,
    pub depth: i32,
    pub page_no: i32,
    pub attempts: i32,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_hash: Option<String>,
    pub recheck_step: i32,
}

/// A URL to add to the frontier.
#[derive(Debug, Clone)]
pub struct NewUrl {
    pub url: String,
    pub kind: Kind,
    pub source: String,
    pub host: String,
    pub depth: i32,
    pub page_no: i32,
    pub news_title: Option<String>,
    pub news_published_at: Option<DateTime<Utc>>,
}

/// After a successful fetch (200 or 304).
#[derive(Debug, Clone)]
pub struct Success {
    pub status: u16,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_hash: Option<String>,
    pub recheck_step: i32,
    /// `None`: nothing scheduled (`state = 'done'` for articles, or an idle listing page).
    pub next_in: Option<Duration>,
    pub done: bool,
}

/// Politeness limits the claim applies.
#[derive(Debug, Clone, Copy)]
pub struct Politeness {
    pub min_delay_ms: i64,
    pub max_crawl_delay_ms: i64,
    pub per_host_concurrency: i64,
    pub lease: Duration,
}

/// Snapshot for the periodic log line.
#[derive(Debug, Clone, Copy, Default)]
pub struct FrontierStats {
    pub due: i64,
    pub active: i64,
    pub leased: i64,
    pub hosts_waiting: i64,
    pub hosts_paused: i64,
}

#[derive(Debug, Clone)]
pub struct Frontier {
    pool: PgPool,
    owner: Uuid,
    /// Configured source names: rows of removed sources are left alone.
    sources: Vec<String>,
    politeness: Politeness,
}

/// The host's effective delay in milliseconds: the configured minimum, or robots.txt's
/// Crawl-delay (capped) when larger. `$1` = min, `$2` = cap.
const DELAY_MS: &str = "GREATEST($1::bigint, LEAST(COALESCE(h.crawl_delay_ms, 0), $2::bigint))";

impl Frontier {
    pub fn new(pool: PgPool, sources: Vec<String>, politeness: Politeness) -> Self {
        Frontier {
            pool,
            owner: Uuid::now_v7(),
            sources,
            politeness,
        }
    }

    pub fn owner(&self) -> Uuid {
        self.owner
    }

    /// Make sure a source's start URL is in the frontier; `due_now` forces it due (a
    /// `--once` run crawls every source).
    pub async fn seed(&self, url: &NewUrl, due_now: bool) -> sqlx::Result<()> {
        self.ensure_hosts(std::slice::from_ref(&url.host)).await?;
        sqlx::query(
            "INSERT INTO scraper_frontier (url, kind, source, host, is_source, depth, page_no)
             VALUES ($1, $2, $3, $4, true, 0, 0)
             ON CONFLICT (url) DO UPDATE SET
                is_source = true, kind = EXCLUDED.kind, source = EXCLUDED.source,
                state = 'active',
                next_fetch_at = CASE WHEN $5 OR NOT scraper_frontier.is_source
                                     OR scraper_frontier.state <> 'active'
                                THEN LEAST(scraper_frontier.next_fetch_at, now())
                                ELSE scraper_frontier.next_fetch_at END",
        )
        .bind(&url.url)
        .bind(url.kind.as_str())
        .bind(&url.source)
        .bind(&url.host)
        .bind(due_now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Start URLs that are no longer configured (a source removed, or its URL changed) stop
    /// being recrawled; what they discovered keeps its own schedule. Returns how many.
    pub async fn retire_sources_except(&self, start_urls: &[String]) -> sqlx::Result<u64> {
        let done = sqlx::query(
            "UPDATE scraper_frontier SET is_source = false, state = 'done',
                    lease_owner = NULL, lease_expires_at = NULL
             WHERE is_source AND NOT (url = ANY($1))",
        )
        .bind(start_urls)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    async fn ensure_hosts(&self, hosts: &[String]) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO scraper_hosts (host) SELECT DISTINCT unnest($1::text[])
             ON CONFLICT (host) DO NOTHING",
        )
        .bind(hosts)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Add newly discovered URLs (known ones are left as they are); returns how many
    /// were new.
    pub async fn add(&self, urls: &[NewUrl]) -> sqlx::Result<u64> {
        if urls.is_empty() {
            return Ok(0);
        }
        let hosts: Vec<String> = urls.iter().map(|u| u.host.clone()).collect();
        self.ensure_hosts(&hosts).await?;
        let col = |f: fn(&NewUrl) -> String| urls.iter().map(f).collect::<Vec<_>>();
        let inserted = sqlx::query(
            "INSERT INTO scraper_frontier
                (url, kind, source, host, depth, page_no, news_title, news_published_at)
             SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[],
                                  $6::int4[], $7::text[], $8::timestamptz[])
             ON CONFLICT (url) DO NOTHING",
        )
        .bind(col(|u| u.url.clone()))
        .bind(col(|u| u.kind.as_str().to_string()))
        .bind(col(|u| u.source.clone()))
        .bind(col(|u| u.host.clone()))
        .bind(urls.iter().map(|u| u.depth).collect::<Vec<_>>())
        .bind(urls.iter().map(|u| u.page_no).collect::<Vec<_>>())
        .bind(
            urls.iter()
                .map(|u| u.news_title.clone())
                .collect::<Vec<_>>(),
        )
        .bind(urls.iter().map(|u| u.news_published_at).collect::<Vec<_>>())
        .execute(&self.pool)
        .await?;
        Ok(inserted.rows_affected())
    }

    /// Add or re-arm a URL to fetch now: the next listing page, a child sitemap. These are
    /// re-fetched whenever their parent is (conditional GET keeps that cheap).
    pub async fn schedule_now(&self, url: &NewUrl) -> sqlx::Result<()> {
        self.ensure_hosts(std::slice::from_ref(&url.host)).await?;
        sqlx::query(
            "INSERT INTO scraper_frontier (url, kind, source, host, depth, page_no)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (url) DO UPDATE SET
                next_fetch_at = LEAST(scraper_frontier.next_fetch_at, now()),
                state = 'active', attempts = 0
             WHERE scraper_frontier.kind = EXCLUDED.kind AND NOT scraper_frontier.is_source",
        )
        .bind(&url.url)
        .bind(url.kind.as_str())
        .bind(&url.source)
        .bind(&url.host)
        .bind(url.depth)
        .bind(url.page_no)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Lease up to `max` due URLs, at most `per_host_concurrency` in flight per host (one
    /// per claim when the host has a delay), and move each host's next allowed time.
    pub async fn claim(&self, max: usize) -> sqlx::Result<Vec<Claimed>> {
        let p = self.politeness;
        let mut tx = self.pool.begin().await?;
        let hosts: Vec<(String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT h.host, {DELAY_MS} AS delay_ms
             FROM scraper_hosts h
             WHERE h.next_allowed_at <= now()
               AND (h.paused_until IS NULL OR h.paused_until <= now())
               AND EXISTS (
                   SELECT 1 FROM scraper_frontier f
                   WHERE f.host = h.host AND f.state = 'active' AND f.next_fetch_at <= now()
                     AND (f.lease_expires_at IS NULL OR f.lease_expires_at <= now())
                     AND f.source = ANY($3))
             ORDER BY h.next_allowed_at
             LIMIT $4
             FOR UPDATE OF h SKIP LOCKED"
        )))
        .bind(p.min_delay_ms)
        .bind(p.max_crawl_delay_ms)
        .bind(&self.sources)
        .bind(max as i64)
        .fetch_all(&mut *tx)
        .await?;

        let mut claimed = Vec::new();
        for (host, delay_ms) in hosts {
            let budget = max.saturating_sub(claimed.len()) as i64;
            if budget == 0 {
                break;
            }
            let in_flight: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM scraper_frontier WHERE host = $1 AND lease_expires_at > now()",
            )
            .bind(&host)
            .fetch_one(&mut *tx)
            .await?;
            let mut room = (p.per_host_concurrency - in_flight).min(budget);
            if delay_ms > 0 {
                room = room.min(1);
            }
            if room <= 0 {
                continue;
            }
            let rows: Vec<Claimed> = sqlx::query_as(
                "WITH picked AS (
                    SELECT url FROM scraper_frontier
                    WHERE host = $1 AND state = 'active' AND next_fetch_at <= now()
                      AND (lease_expires_at IS NULL OR lease_expires_at <= now())
                      AND source = ANY($2)
                    ORDER BY next_fetch_at, url
                    LIMIT $3
                    FOR UPDATE SKIP LOCKED)
                 UPDATE scraper_frontier f
                 SET lease_owner = $4, lease_expires_at = now() + make_interval(secs => $5)
                 FROM picked WHERE f.url = picked.url
                 RETURNING f.url, f.kind, f.source, f.host, f.is_source, f.depth, f.page_no,
                           f.attempts, f.etag, f.last_modified, f.content_hash, f.recheck_step",
            )
            .bind(&host)
            .bind(&self.sources)
            .bind(room)
            .bind(self.owner)
            .bind(p.lease.as_secs_f64())
            .fetch_all(&mut *tx)
            .await?;
            if !rows.is_empty() {
                sqlx::query(
                    "UPDATE scraper_hosts
                     SET next_allowed_at = now() + make_interval(secs => $2::float8 / 1000.0)
                     WHERE host = $1",
                )
                .bind(&host)
                .bind(delay_ms as f64)
                .execute(&mut *tx)
                .await?;
            }
            claimed.extend(rows);
        }
        tx.commit().await?;
        Ok(claimed)
    }

    /// The request to `host` is over: its next request waits the delay from now. Called
    /// before the URL's lease is released, so no claim slips in between.
    pub async fn host_finished(
        &self,
        host: &str,
        ok: bool,
        error: Option<&str>,
        pause: PauseRule,
    ) -> sqlx::Result<()> {
        let p = self.politeness;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE scraper_hosts h SET
                next_allowed_at = GREATEST(h.next_allowed_at,
                    now() + make_interval(secs => {DELAY_MS}::float8 / 1000.0)),
                consecutive_failures = CASE WHEN $4 THEN 0 ELSE h.consecutive_failures + 1 END,
                last_error = CASE WHEN $4 THEN h.last_error ELSE $5 END,
                paused_until = CASE
                    WHEN NOT $4 AND h.consecutive_failures + 1 >= $6
                    THEN now() + make_interval(secs => $7)
                    ELSE h.paused_until END
             WHERE h.host = $3"
        )))
        .bind(p.min_delay_ms)
        .bind(p.max_crawl_delay_ms)
        .bind(host)
        .bind(ok)
        .bind(error)
        .bind(pause.threshold as i32)
        .bind(pause.duration.as_secs_f64())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The host asked us to wait (Retry-After): no request before `delay` from now.
    pub async fn host_wait(&self, host: &str, delay: Duration) -> sqlx::Result<()> {
        sqlx::query(
            "UPDATE scraper_hosts SET next_allowed_at =
                GREATEST(next_allowed_at, now() + make_interval(secs => $2))
             WHERE host = $1",
        )
        .bind(host)
        .bind(delay.as_secs_f64())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn set_crawl_delay(&self, host: &str, delay: Option<Duration>) -> sqlx::Result<()> {
        sqlx::query("UPDATE scraper_hosts SET crawl_delay_ms = $2 WHERE host = $1")
            .bind(host)
            .bind(delay.map(|d| d.as_millis() as i64))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Mark a fetch done. `false` if our lease was lost meanwhile (another scraper has it).
    pub async fn succeed(&self, url: &str, s: &Success) -> sqlx::Result<bool> {
        let r = sqlx::query(
            "UPDATE scraper_frontier SET
                lease_owner = NULL, lease_expires_at = NULL, attempts = 0, last_error = NULL,
                last_status = $3, etag = $4, last_modified = $5, content_hash = $6,
                recheck_step = $7,
                state = CASE WHEN $9 THEN 'done' ELSE 'active' END,
                next_fetch_at = CASE WHEN $8::float8 IS NULL THEN 'infinity'::timestamptz
                                     ELSE now() + make_interval(secs => $8::float8) END,
                fetch_count = fetch_count + 1, last_fetched_at = now()
             WHERE url = $1 AND lease_owner = $2",
        )
        .bind(url)
        .bind(self.owner)
        .bind(i32::from(s.status))
        .bind(&s.etag)
        .bind(&s.last_modified)
        .bind(&s.content_hash)
        .bind(s.recheck_step)
        .bind(s.next_in.map(|d| d.as_secs_f64()))
        .bind(s.done)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Record a failed attempt: retry after `retry_in`, or (with `None`) give up.
    pub async fn fail(
        &self,
        url: &str,
        attempts: i32,
        status: Option<u16>,
        error: &str,
        retry_in: Option<Duration>,
    ) -> sqlx::Result<()> {
        sqlx::query(
            "UPDATE scraper_frontier SET
                lease_owner = NULL, lease_expires_at = NULL, attempts = $3, last_error = $4,
                last_status = COALESCE($5, last_status),
                state = CASE WHEN $6::float8 IS NULL THEN 'gave_up' ELSE 'active' END,
                next_fetch_at = now() + make_interval(secs => COALESCE($6::float8, 0))
             WHERE url = $1 AND lease_owner = $2",
        )
        .bind(url)
        .bind(self.owner)
        .bind(attempts)
        .bind(error)
        .bind(status.map(i32::from))
        .bind(retry_in.map(|d| d.as_secs_f64()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Hand a URL back un-done (a publish failed): it is retried after `delay` without
    /// counting an attempt.
    pub async fn release(&self, url: &str, error: &str, delay: Duration) -> sqlx::Result<()> {
        sqlx::query(
            "UPDATE scraper_frontier SET lease_owner = NULL, lease_expires_at = NULL,
                last_error = $3, next_fetch_at = now() + make_interval(secs => $4)
             WHERE url = $1 AND lease_owner = $2",
        )
        .bind(url)
        .bind(self.owner)
        .bind(error)
        .bind(delay.as_secs_f64())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// For `--once`: URLs still to fetch in this run. Due, leased (by anyone: a killed
    /// scraper's lease is waited out), or failed and retrying within `horizon`; URLs on a
    /// paused host are left for the next run.
    pub async fn once_pending(&self, horizon: Duration) -> sqlx::Result<i64> {
        sqlx::query_scalar(
            "SELECT count(*) FROM scraper_frontier f JOIN scraper_hosts h ON h.host = f.host
             WHERE f.state = 'active' AND f.source = ANY($1)
               AND (h.paused_until IS NULL OR h.paused_until <= now())
               AND (f.next_fetch_at <= now()
                    OR f.lease_expires_at > now()
                    OR (f.attempts > 0
                        AND f.next_fetch_at <= now() + make_interval(secs => $2)))",
        )
        .bind(&self.sources)
        .bind(horizon.as_secs_f64())
        .fetch_one(&self.pool)
        .await
    }

    pub async fn stats(&self) -> sqlx::Result<FrontierStats> {
        let (due, active, leased): (i64, i64, i64) = sqlx::query_as(
            "SELECT count(*) FILTER (WHERE next_fetch_at <= now()),
                    count(*),
                    count(*) FILTER (WHERE lease_expires_at > now())
             FROM scraper_frontier WHERE state = 'active'",
        )
        .fetch_one(&self.pool)
        .await?;
        let (hosts_waiting, hosts_paused): (i64, i64) = sqlx::query_as(
            "SELECT count(*) FILTER (WHERE h.next_allowed_at > now()
                        AND EXISTS (SELECT 1 FROM scraper_frontier f WHERE f.host = h.host
                            AND f.state = 'active' AND f.next_fetch_at <= now())),
                    count(*) FILTER (WHERE h.paused_until > now())
             FROM scraper_hosts h",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(FrontierStats {
            due,
            active,
            leased,
            hosts_waiting,
            hosts_paused,
        })
    }
}

/// When a failing host is paused.
#[derive(Debug, Clone, Copy)]
pub struct PauseRule {
    pub threshold: u32,
    pub duration: Duration,
}
