//! Writing a batch in one transaction: three statements, however many events.
//!
//! Each table is upserted from one JSON document (`jsonb_to_recordset`), so a batch is one
//! round trip per table rather than one per row. Conflicts update the row only when the
//! incoming parse is at least as new (parser version, then fetch time): a redelivered or
//! replayed event never adds a row, and an older parser never overwrites a newer one.
//!
//! A replay can move a page's article to another row: a parser fix changes its canonical URL
//! (so its key), or finds that the page is not an article at all. The row the page produced
//! before is then deleted, once no page points at it any more (`parsed_pages.article_id`).
//! Rows a newer parser wrote are never touched: an older parse does not update
//! `parsed_pages`, so the page still points at its row.
//!
//! Newswire items work the same way: an item last seen on a page that a parse at least as
//! new no longer lists (a fixed parser drops a wrong link) is deleted, and an older
//! parser's late event adds none of its items to a page a newer parser has parsed.

use sqlx::PgPool;
use uuid::Uuid;

use crate::rows::Batch;

/// What a batch did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Article rows inserted or updated.
    pub articles: u64,
    pub newswire: u64,
    pub pages: u64,
    /// Article rows deleted because no page produces them any more.
    pub orphans_deleted: u64,
    /// Newswire items deleted because the page they were last seen on no longer lists them.
    pub newswire_deleted: u64,
}

const UPSERT_ARTICLES: &str = r#"
INSERT INTO articles AS a (
    id, canonical_url, url, title, authors, published_at, published_day_only, modified_at,
    source, crawl_source, language, description, body, topics, image, parser_version,
    page_id, content_hash, fetched_at, parsed_at)
SELECT r.id, r.canonical_url, r.url, r.title,
       ARRAY(SELECT jsonb_array_elements_text(r.authors)),
       r.published_at, r.published_day_only, r.modified_at, r.source, r.crawl_source,
       r.language, r.description, r.body,
       ARRAY(SELECT jsonb_array_elements_text(r.topics)),
       r.image, r.parser_version, r.page_id, r.content_hash, r.fetched_at, r.parsed_at
FROM jsonb_to_recordset($1::jsonb) AS r(
    id uuid, canonical_url text, url text, title text, authors jsonb,
    published_at timestamptz, published_day_only boolean, modified_at timestamptz,
    source text, crawl_source text, language text, description text, body text,
    topics jsonb, image text, parser_version integer, page_id uuid, content_hash text,
    fetched_at timestamptz, parsed_at timestamptz)
-- A late event from an older parser does not bring back what a newer parse of its page moved.
WHERE NOT EXISTS (SELECT 1 FROM parsed_pages p
                  WHERE p.page_id = r.page_id AND p.parser_version > r.parser_version)
ON CONFLICT (id) DO UPDATE SET
    canonical_url = EXCLUDED.canonical_url, url = EXCLUDED.url, title = EXCLUDED.title,
    authors = EXCLUDED.authors, published_at = EXCLUDED.published_at,
    published_day_only = EXCLUDED.published_day_only, modified_at = EXCLUDED.modified_at,
    source = EXCLUDED.source, crawl_source = EXCLUDED.crawl_source,
    language = EXCLUDED.language, description = EXCLUDED.description, body = EXCLUDED.body,
    topics = EXCLUDED.topics, image = EXCLUDED.image,
    parser_version = EXCLUDED.parser_version, page_id = EXCLUDED.page_id,
    content_hash = EXCLUDED.content_hash, fetched_at = EXCLUDED.fetched_at,
    parsed_at = EXCLUDED.parsed_at, updated_at = now()
WHERE (EXCLUDED.parser_version, EXCLUDED.fetched_at) >= (a.parser_version, a.fetched_at)
"#;

const UPSERT_NEWSWIRE: &str = r#"
INSERT INTO newswire_items AS n (
    id, link, title, summary, published_at, published_day_only, authors, source,
    crawl_source, parser_version, page_id)
SELECT r.id, r.link, r.title, r.summary, r.published_at, r.published_day_only,
       ARRAY(SELECT jsonb_array_elements_text(r.authors)),
       r.source, r.crawl_source, r.parser_version, r.page_id
FROM jsonb_to_recordset($1::jsonb) AS r(
    id uuid, link text, title text, summary text, published_at timestamptz,
    published_day_only boolean, authors jsonb, source text, crawl_source text,
    parser_version integer, page_id uuid)
WHERE NOT EXISTS (SELECT 1 FROM parsed_pages p
                  WHERE p.page_id = r.page_id AND p.parser_version > r.parser_version)
ON CONFLICT (id) DO UPDATE SET
    link = EXCLUDED.link,
    title = COALESCE(EXCLUDED.title, n.title),
    summary = COALESCE(EXCLUDED.summary, n.summary),
    published_at = COALESCE(EXCLUDED.published_at, n.published_at),
    published_day_only = CASE WHEN EXCLUDED.published_at IS NULL
                              THEN n.published_day_only ELSE EXCLUDED.published_day_only END,
    authors = EXCLUDED.authors, source = COALESCE(EXCLUDED.source, n.source),
    crawl_source = EXCLUDED.crawl_source, parser_version = EXCLUDED.parser_version,
    page_id = EXCLUDED.page_id, updated_at = now()
WHERE EXCLUDED.parser_version >= n.parser_version
"#;

const UPSERT_PAGES: &str = r#"
INSERT INTO parsed_pages AS p (
    page_id, url, crawl_source, outcome, article_id, not_article_reason, newswire_items,
    parser_version, fetched_at, parsed_at)
SELECT r.page_id, r.url, r.crawl_source, r.outcome, r.article_id, r.not_article_reason,
       r.newswire_items, r.parser_version, r.fetched_at, r.parsed_at
FROM jsonb_to_recordset($1::jsonb) AS r(
    page_id uuid, url text, crawl_source text, outcome text, article_id uuid,
    not_article_reason text, newswire_items integer, parser_version integer,
    fetched_at timestamptz, parsed_at timestamptz)
ON CONFLICT (page_id) DO UPDATE SET
    outcome = EXCLUDED.outcome, article_id = EXCLUDED.article_id,
    not_article_reason = EXCLUDED.not_article_reason,
    newswire_items = EXCLUDED.newswire_items, parser_version = EXCLUDED.parser_version,
    parsed_at = EXCLUDED.parsed_at, stored_at = now()
WHERE EXCLUDED.parser_version >= p.parser_version
"#;

/// Items last seen on one of this batch's pages that its parse no longer lists. The parse
/// must be at least as new as the item's, so an older parser's late event deletes nothing.
const DELETE_STALE_NEWSWIRE: &str = r#"
DELETE FROM newswire_items n
USING jsonb_to_recordset($1::jsonb) AS r(page_id uuid, parser_version integer)
WHERE n.page_id = r.page_id
  AND n.parser_version <= r.parser_version
  AND NOT (n.id = ANY($2))
RETURNING n.id, n.link
"#;

/// The article rows this batch's pages produced before, locked (in key order, so two
/// batches lock alike) until the transaction ends: a concurrent batch that writes one of
/// them again waits, and the orphan check below then sees its page.
const LOCK_PREVIOUS: &str = r#"
SELECT a.id FROM articles a
WHERE a.id IN (SELECT p.article_id FROM parsed_pages p
               WHERE p.page_id = ANY($1) AND p.article_id IS NOT NULL)
ORDER BY a.id
FOR UPDATE OF a
"#;

/// Of those rows, delete the ones no page points at any more.
const DELETE_ORPHANS: &str = r#"
DELETE FROM articles a
WHERE a.id = ANY($1)
  AND NOT EXISTS (SELECT 1 FROM parsed_pages p WHERE p.article_id = a.id)
RETURNING a.id, a.canonical_url
"#;

/// Write a batch in one transaction. On error nothing is written.
pub async fn write(pool: &PgPool, batch: &Batch) -> Result<Written, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let mut written = Written::default();
    let page_ids: Vec<Uuid> = batch.pages.iter().map(|p| p.page_id).collect();
    let previous: Vec<Uuid> = if page_ids.is_empty() {
        Vec::new()
    } else {
        sqlx::query_scalar(LOCK_PREVIOUS)
            .bind(&page_ids)
            .fetch_all(&mut *tx)
            .await?
    };
    if !batch.articles.is_empty() {
        written.articles = sqlx::query(UPSERT_ARTICLES)
            .bind(sqlx::types::Json(&batch.articles))
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    if !batch.newswire.is_empty() {
        written.newswire = sqlx::query(UPSERT_NEWSWIRE)
            .bind(sqlx::types::Json(&batch.newswire))
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    if !batch.pages.is_empty() {
        written.pages = sqlx::query(UPSERT_PAGES)
            .bind(sqlx::types::Json(&batch.pages))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let versions: Vec<serde_json::Value> = batch
            .pages
            .iter()
            .map(
                |p| serde_json::json!({ "page_id": p.page_id, "parser_version": p.parser_version }),
            )
            .collect();
        let listed: Vec<Uuid> = batch.newswire.iter().map(|n| n.id).collect();
        let stale: Vec<(Uuid, String)> = sqlx::query_as(DELETE_STALE_NEWSWIRE)
            .bind(sqlx::types::Json(&versions))
            .bind(&listed)
            .fetch_all(&mut *tx)
            .await?;
        for (id, link) in &stale {
            tracing::info!(newswire_id = %id, link = %link, "Deleted a newswire item its page no longer lists");
        }
        written.newswire_deleted = stale.len() as u64;
    }
    if !previous.is_empty() {
        let deleted: Vec<(Uuid, String)> = sqlx::query_as(DELETE_ORPHANS)
            .bind(&previous)
            .fetch_all(&mut *tx)
            .await?;
        for (id, canonical_url) in &deleted {
            tracing::info!(article_id = %id, canonical_url = %canonical_url, "Deleted an article no page produces any more");
        }
        written.orphans_deleted = deleted.len() as u64;
    }
    tx.commit().await?;
    Ok(written)
}

/// What to do about a failed write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The database is unreachable, restarting, overloaded or a transaction lost a race:
    /// keep the messages and try again.
    Transient,
    /// The data itself is refused (a constraint, an invalid value): retrying cannot help.
    Permanent,
}

/// Classify by what the caller should do next, not by where the error came from.
pub fn classify(err: &sqlx::Error) -> Failure {
    match err {
        sqlx::Error::Database(db) => {
            let code = db.code().map(|c| c.to_string()).unwrap_or_default();
            // 08 connection, 40 rollback (serialization, deadlock), 53 resources,
            // 57 operator intervention (shutdown), 58 system error.
            if ["08", "40", "53", "57", "58"]
                .iter()
                .any(|class| code.starts_with(class))
            {
                Failure::Transient
            } else {
                Failure::Permanent
            }
        }
        sqlx::Error::ColumnDecode { .. }
        | sqlx::Error::Decode(_)
        | sqlx::Error::Encode(_)
        | sqlx::Error::TypeNotFound { .. }
        | sqlx::Error::ColumnNotFound(_)
        | sqlx::Error::ColumnIndexOutOfBounds { .. } => Failure::Permanent,
        _ => Failure::Transient,
    }
}
