//! Layered settings: built-in defaults, then a TOML file, then `NEWSFLOW__SECTION__KEY`
//! environment variables (`NEWSFLOW__AMQP__URL`, `NEWSFLOW__DATABASE__URL`, ...).
//!
//! Every key is documented in `deploy/newsflow.example.toml`. Secrets (the broker and
//! database URLs carry passwords) are [`SecretString`]s: they never print, and
//! [`redact_url`] gives the loggable form.

mod scraper;

pub use scraper::{ScraperSettings, SourceKind, SourceSettings};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// Where the settings came from, for error messages.
pub const ENV_PREFIX: &str = "NEWSFLOW";
/// Names a config file when `--config` is not given.
pub const CONFIG_ENV: &str = "NEWSFLOW_CONFIG";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub amqp: AmqpSettings,
    pub database: DatabaseSettings,
    pub telemetry: TelemetrySettings,
    pub parser: ParserSettings,
    pub storage: StorageSettings,
    pub scraper: ScraperSettings,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmqpSettings {
    /// `amqp://user:password@host:port/vhost`; secret because of the password.
    pub url: SecretString,
    /// Every exchange and queue name starts with it, so deployments and tests share a broker.
    pub prefix: String,
    /// Unacknowledged deliveries per consumer.
    pub prefetch: u16,
    /// Deliveries of one message before the broker dead-letters it (poison protection).
    pub delivery_limit: u32,
    /// Raw-page stream retention by age, in RabbitMQ's `x-max-age` syntax (`7D`, `12h`).
    pub stream_max_age: String,
    /// Raw-page stream retention by size, in bytes.
    pub stream_max_bytes: u64,
    /// Segment size of the stream, in bytes (retention drops whole segments).
    pub stream_segment_bytes: u64,
    /// How long to wait for a publisher confirm before treating the publish as failed.
    pub confirm_timeout_secs: u64,
    /// Longest pause between reconnection attempts.
    pub max_backoff_secs: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `postgres://user:password@host:port/database`; the database is created if missing.
    pub url: SecretString,
    pub max_connections: u32,
    /// Run the embedded migrations when a service starts.
    pub migrate_on_start: bool,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Human,
    Json,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelemetrySettings {
    /// `RUST_LOG`-style filter; `RUST_LOG` itself wins when set.
    pub filter: String,
    pub format: LogFormat,
    /// Seconds between throughput summaries.
    pub report_interval_secs: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParserSettings {
    /// Pages extracted at once (extraction runs on the blocking pool).
    pub concurrency: usize,
    /// Version stamped on article events; defaults to the extractor's own. Raising it by
    /// hand forces storage to accept a re-parse over rows written by the same build.
    pub version: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageSettings {
    /// Events written in one transaction.
    pub batch_size: usize,
    /// How long a partial batch waits for more events before it is written.
    pub batch_timeout_ms: u64,
}

/// Built-in defaults: a local broker and database on their standard ports.
const DEFAULTS: &str = include_str!("defaults.toml");

/// A configuration problem, naming the key where it can.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {path}: {source}")]
    File {
        path: PathBuf,
        source: config::ConfigError,
    },
    #[error("invalid configuration: {0}")]
    Invalid(config::ConfigError),
    #[error("invalid configuration: key `{key}`: {problem}")]
    Key { key: &'static str, problem: String },
}

impl Settings {
    /// Load from the process environment: `path`, else `$NEWSFLOW_CONFIG`, else defaults only.
    pub fn load(path: Option<&Path>) -> Result<Settings, ConfigError> {
        let env_path = std::env::var_os(CONFIG_ENV).map(PathBuf::from);
        let path = path.map(Path::to_path_buf).or(env_path);
        Self::load_from(path.as_deref(), None)
    }

    /// Load with an explicit environment (`None` reads the process environment). Tests use
    /// this to layer variables without touching the process.
    pub fn load_from(
        path: Option<&Path>,
        env: Option<HashMap<String, String>>,
    ) -> Result<Settings, ConfigError> {
        let mut builder = config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml));
        if let Some(path) = path {
            if !path.exists() {
                return Err(ConfigError::File {
                    path: path.to_path_buf(),
                    source: config::ConfigError::Message("file not found".into()),
                });
            }
            builder = builder.add_source(
                config::File::from(path)
                    .format(config::FileFormat::Toml)
                    .required(true),
            );
        }
        builder = builder.add_source(
            config::Environment::with_prefix(ENV_PREFIX)
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .source(env),
        );
        let cfg = builder.build().map_err(|e| match path {
            Some(p) => ConfigError::File {
                path: p.to_path_buf(),
                source: e,
            },
            None => ConfigError::Invalid(e),
        })?;
        let settings: Settings = cfg.try_deserialize().map_err(ConfigError::Invalid)?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let key = |key: &'static str, problem: &str| {
            Err(ConfigError::Key {
                key,
                problem: problem.to_string(),
            })
        };
        let amqp_url = self.amqp.url.expose_secret();
        if !(amqp_url.starts_with("amqp://") || amqp_url.starts_with("amqps://")) {
            return key("amqp.url", "must start with amqp:// or amqps://");
        }
        let db_url = self.database.url.expose_secret();
        if !(db_url.starts_with("postgres://") || db_url.starts_with("postgresql://")) {
            return key(
                "database.url",
                "must start with postgres:// or postgresql://",
            );
        }
        if self.amqp.prefix.is_empty()
            || !self
                .amqp
                .prefix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            return key(
                "amqp.prefix",
                "must be non-empty ASCII letters, digits, '-', '_' or '.'",
            );
        }
        if self.amqp.prefetch == 0 {
            return key("amqp.prefetch", "must be at least 1");
        }
        if self.amqp.delivery_limit == 0 {
            return key("amqp.delivery_limit", "must be at least 1");
        }
        if !is_rabbit_duration(&self.amqp.stream_max_age) {
            return key(
                "amqp.stream_max_age",
                "must be a number followed by Y, M, D, h, m or s (for example 7D)",
            );
        }
        if self.parser.concurrency == 0 {
            return key("parser.concurrency", "must be at least 1");
        }
        if self.storage.batch_size == 0 {
            return key("storage.batch_size", "must be at least 1");
        }
        if self.telemetry.report_interval_secs == 0 {
            return key("telemetry.report_interval_secs", "must be at least 1");
        }
        if self.database.max_connections == 0 {
            return key("database.max_connections", "must be at least 1");
        }
        self.scraper
            .validate()
            .map_err(|(key, problem)| ConfigError::Key { key, problem })
    }
}

impl AmqpSettings {
    pub fn confirm_timeout(&self) -> Duration {
        Duration::from_secs(self.confirm_timeout_secs.max(1))
    }

    pub fn max_backoff(&self) -> Duration {
        Duration::from_secs(self.max_backoff_secs.max(1))
    }
}

impl TelemetrySettings {
    pub fn report_interval(&self) -> Duration {
        Duration::from_secs(self.report_interval_secs)
    }
}

/// RabbitMQ's `x-max-age` value: digits then one unit letter.
pub fn is_rabbit_duration(s: &str) -> bool {
    let Some(unit) = s.chars().last() else {
        return false;
    };
    let digits = &s[..s.len() - unit.len_utf8()];
    "YMDhms".contains(unit) && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// `x-max-age` as a duration, approximating months and years as 30 and 365 days.
pub fn rabbit_duration(s: &str) -> Option<Duration> {
    if !is_rabbit_duration(s) {
        return None;
    }
    let (digits, unit) = s.split_at(s.len() - 1);
    let n: u64 = digits.parse().ok()?;
    let secs = match unit {
        "Y" => 365 * 86_400,
        "M" => 30 * 86_400,
        "D" => 86_400,
        "h" => 3_600,
        "m" => 60,
        _ => 1,
    };
    n.checked_mul(secs).map(Duration::from_secs)
}

/// A URL with its password replaced, for logs.
pub fn redact_url(url: &SecretString) -> String {
    match url::Url::parse(url.expose_secret()) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            u.to_string()
        }
        Err(_) => "<unparseable url>".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Option<HashMap<String, String>> {
        Some(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    fn write_temp(contents: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!(
            "newsflow-config-test-{}.toml",
            uuid::Uuid::new_v4()
        ));
        std::fs::write(&path, contents).expect("temp file");
        path
    }

    #[test]
    fn defaults_load_and_are_valid() {
        let s = Settings::load_from(None, env(&[])).expect("defaults are valid");
        assert_eq!(s.amqp.prefix, "newsflow");
        assert!(s.amqp.prefetch > 0);
        assert_eq!(s.telemetry.format, LogFormat::Human);
    }

    #[test]
    fn file_then_env_layering() {
        let path = write_temp("[amqp]\nprefix = \"from-file\"\nprefetch = 7\n");
        let s = Settings::load_from(Some(&path), env(&[])).expect("valid");
        assert_eq!(s.amqp.prefix, "from-file");
        assert_eq!(s.amqp.prefetch, 7);
        let s = Settings::load_from(
            Some(&path),
            env(&[
                ("NEWSFLOW__AMQP__PREFIX", "from-env"),
                ("NEWSFLOW__TELEMETRY__FORMAT", "json"),
            ]),
        )
        .expect("valid");
        assert_eq!(s.amqp.prefix, "from-env", "environment wins over the file");
        assert_eq!(s.amqp.prefetch, 7, "file wins over defaults");
        assert_eq!(s.telemetry.format, LogFormat::Json);
        std::fs::remove_file(path).ok();
    }

    #[test]
    fn errors_name_the_key() {
        let err = Settings::load_from(None, env(&[("NEWSFLOW__AMQP__PREFETCH", "lots")]))
            .expect_err("not a number");
        assert!(err.to_string().contains("prefetch"), "{err}");

        let err =
            Settings::load_from(None, env(&[("NEWSFLOW__AMQP__PREFETCH", "0")])).expect_err("zero");
        assert!(err.to_string().contains("amqp.prefetch"), "{err}");

        let err = Settings::load_from(None, env(&[("NEWSFLOW__DATABASE__URL", "mysql://x")]))
            .expect_err("wrong scheme");
        assert!(err.to_string().contains("database.url"), "{err}");

        let path = write_temp("[amqp]\nprefix = \"ok\"\nunknown_key = 1\n");
        let err = Settings::load_from(Some(&path), env(&[])).expect_err("unknown key");
        assert!(err.to_string().contains("unknown_key"), "{err}");
        std::fs::remove_file(path).ok();

        let path = write_temp("this is = not toml [");
        let err = Settings::load_from(Some(&path), env(&[])).expect_err("bad toml");
        assert!(
            err.to_string().contains(path.to_str().expect("utf-8")),
            "{err}"
        );
        std::fs::remove_file(path).ok();

        let err = Settings::load_from(Some(Path::new("/nonexistent/newsflow.toml")), env(&[]))
            .expect_err("missing file");
        assert!(err.to_string().contains("not found"), "{err}");
    }

    #[test]
    fn secrets_never_print() {
        let s = Settings::load_from(
            None,
            env(&[("NEWSFLOW__AMQP__URL", "amqp://user:hunter2@broker:5672/%2f")]),
        )
        .expect("valid");
        let debug = format!("{s:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        let shown = redact_url(&s.amqp.url);
        assert!(
            !shown.contains("hunter2") && shown.contains("broker"),
            "{shown}"
        );
    }

    #[test]
    fn rabbit_durations() {
        assert_eq!(rabbit_duration("7D"), Some(Duration::from_secs(7 * 86_400)));
        assert_eq!(rabbit_duration("12h"), Some(Duration::from_secs(12 * 3600)));
        assert!(!is_rabbit_duration("7 days"));
        assert!(!is_rabbit_duration("D"));
        assert!(!is_rabbit_duration(""));
    }
}
