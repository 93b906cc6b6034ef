//! `newsflow`: the operator's command line.

mod eval;
mod parse;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use newsflow_shared::config::Settings;

#[derive(Parser)]
#[command(name = "newsflow", version, about = "Operate a newsflow deployment")]
struct Cli {
    /// TOML config file (else $NEWSFLOW_CONFIG, else built-in defaults)
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Crawl a bundled offline news site through the whole pipeline and print a summary
    Demo(DemoArgs),
    /// Extract one page (or a manifest of pages) and print the article as JSON
    Parse(parse::ParseArgs),
    /// Score the extractor on a corpus directory with human answers
    Eval(eval::EvalArgs),
    /// Apply the database migrations and exit
    Migrate,
}

#[derive(clap::Args)]
struct DemoArgs {
    /// Articles on the demo site
    #[arg(long, default_value_t = 36)]
    articles: usize,
    /// Give up if the pipeline has not stored every page after this many seconds
    #[arg(long, default_value_t = 300)]
    timeout_secs: u64,
    /// Print the summary as JSON
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Demo(args) => with_runtime(cli.config, |s| demo(s, args)),
        Command::Migrate => with_runtime(cli.config, migrate),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Load settings, start telemetry and a tokio runtime, and run an async command.
fn with_runtime<F, Fut>(config: Option<PathBuf>, f: F) -> anyhow::Result<ExitCode>
where
    F: FnOnce(Settings) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<ExitCode>>,
{
    let settings = Settings::load(config.as_deref()).context("loading configuration")?;
    let rt = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    rt.block_on(async {
        newsflow_shared::telemetry::init(&settings.telemetry);
        f(settings).await
    })
}

async fn demo(mut settings: Settings, args: DemoArgs) -> anyhow::Result<ExitCode> {
    // Its own queues, so a pipeline running on the same broker is not fed demo pages.
    settings.amqp.prefix = format!("{}-demo", settings.amqp.prefix);
    let summary = newsflow::demo::run(
        settings,
        args.articles,
        std::time::Duration::from_secs(args.timeout_secs),
    )
    .await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        println!("newsflow demo: done in {:.1} s", summary.seconds);
        println!("  pages fetched and published  {}", summary.pages_published);
        println!("  pages stored                 {}", summary.pages_stored);
        println!("    articles                   {}", summary.articles_stored);
        println!(
            "    listing pages              {}",
            summary.listing_pages_stored
        );
        println!("  newswire items seen          {}", summary.newswire_items);
        println!("  failures (dead-lettered)     {}", summary.dead_lettered);
        println!(
            "  throughput                   {:.1} pages/s",
            summary.pages_per_sec
        );
    }
    Ok(if summary.dead_lettered == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

async fn migrate(settings: Settings) -> anyhow::Result<ExitCode> {
    newsflow_shared::db::ensure_database(&settings.database).await?;
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect_with(settings.database.connect_options()?)
        .await
        .context("connecting to PostgreSQL")?;
    newsflow_shared::db::migrate(&pool).await?;
    println!("migrations applied");
    Ok(ExitCode::SUCCESS)
}
