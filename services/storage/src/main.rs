//! `newsflow-storage`: article events in, PostgreSQL rows out.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Parser;
use newsflow_shared::config::Settings;

#[derive(Parser)]
#[command(version, about = "Persist newsflow article events in PostgreSQL")]
struct Args {
    /// TOML config file (else $NEWSFLOW_CONFIG, else built-in defaults)
    #[arg(long)]
    config: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let settings = Settings::load(args.config.as_deref()).context("loading configuration")?;
    newsflow_shared::telemetry::init(&settings.telemetry);
    let shutdown = newsflow_shared::shutdown::on_signal();
    newsflow_storage::run(&settings, shutdown).await
}
