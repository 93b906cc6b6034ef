//! `newsflow-scraper`: load settings, start telemetry, crawl until stopped.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use newsflow_shared::config::Settings;

/// Discovers and fetches news pages politely and publishes them to RabbitMQ.
#[derive(Debug, Parser)]
#[command(name = "newsflow-scraper", version)]
struct Args {
    /// TOML config file (else $NEWSFLOW_CONFIG, else built-in defaults).
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Crawl every source once and exit (overrides `scraper.once`).
    #[arg(long)]
    once: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let mut settings = match Settings::load(args.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("newsflow-scraper: {e}");
            return ExitCode::from(2);
        }
    };
    if args.once {
        settings.scraper.once = true;
    }
    newsflow_shared::telemetry::init(&settings.telemetry);
    let shutdown = newsflow_shared::shutdown::on_signal();
    match newsflow_scraper::run(&settings, shutdown).await {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %format!("{e:#}"), "Scraper failed");
            eprintln!("newsflow-scraper: {e:#}");
            ExitCode::FAILURE
        }
    }
}
