//! PostgreSQL: connecting (creating the database on first run) and the embedded migrations.
//!
//! Migrations live in `shared/migrations/` and are compiled into every binary; sqlx takes
//! an advisory lock while applying them, so services starting together do not race.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context as _;
use secrecy::ExposeSecret;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgPool};
use tokio_util::sync::CancellationToken;

use crate::config::{DatabaseSettings, redact_url};

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl DatabaseSettings {
    pub fn connect_options(&self) -> anyhow::Result<PgConnectOptions> {
        PgConnectOptions::from_str(self.url.expose_secret())
            .map_err(|e| anyhow::anyhow!("database.url is not a valid PostgreSQL URL: {e}"))
    }
}

/// Create the configured database if it does not exist (a first run, or a test).
pub async fn ensure_database(settings: &DatabaseSettings) -> anyhow::Result<()> {
    let opts = settings.connect_options()?;
    let Some(name) = opts.get_database().map(str::to_string) else {
        return Ok(());
    };
    let mut conn = opts
        .clone()
        .database("postgres")
        .connect()
        .await
        .context("connecting to the maintenance database `postgres`")?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&name)
            .fetch_one(&mut conn)
            .await?;
    if !exists {
        let sql = format!("CREATE DATABASE \"{}\"", name.replace('"', "\"\""));
        match sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await
        {
            Ok(_) => tracing::info!(database = %name, "Created database"),
            // Another service created it between our check and our CREATE.
            Err(e) if e.to_string().contains("already exists") => {}
            Err(e) => return Err(e).context(format!("creating database {name}")),
        }
    }
    conn.close().await.ok();
    Ok(())
}

/// Connect (creating the database if needed), retrying with backoff until it works or
/// `shutdown` fires, then apply migrations if configured.
pub async fn connect(
    settings: &DatabaseSettings,
    shutdown: &CancellationToken,
) -> anyhow::Result<Option<PgPool>> {
    let shown = redact_url(&settings.url);
    let mut delay = Duration::from_millis(250);
    let mut attempt = 1u32;
    let pool = loop {
        let result = async {
            ensure_database(settings).await?;
            let pool = PgPoolOptions::new()
                .max_connections(settings.max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(settings.connect_options()?)
                .await?;
            anyhow::Ok(pool)
        };
        let err = tokio::select! {
            r = result => match r {
                Ok(pool) => break pool,
                Err(e) => e,
            },
            _ = shutdown.cancelled() => return Ok(None),
        };
        tracing::warn!(database = %shown, attempt, error = %format!("{err:#}"), retry_in_ms = delay.as_millis() as u64, "PostgreSQL unreachable; retrying");
        tokio::select! {
            _ = tokio::time::sleep(crate::amqp::jitter(delay)) => {}
            _ = shutdown.cancelled() => return Ok(None),
        }
        delay = (delay * 2).min(Duration::from_secs(30));
        attempt += 1;
    };
    tracing::info!(database = %shown, "Connected to PostgreSQL");
    if settings.migrate_on_start {
        migrate(&pool).await?;
    }
    Ok(Some(pool))
}

/// Apply every pending migration.
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    MIGRATOR
        .run(pool)
        .await
        .context("applying database migrations")?;
    Ok(())
}
