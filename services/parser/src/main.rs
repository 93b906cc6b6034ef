//! `newsflow-parser`: raw pages in, article events out.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Parser;
use newsflow_shared::config::Settings;

/// mimalloc, as in `newsflow`: extraction is allocation-heavy (see ARCHITECTURE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(version, about = "Extract articles from raw pages on RabbitMQ")]
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
    newsflow_parser::run(&settings, shutdown).await
}
