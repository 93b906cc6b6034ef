//! `newsflow`: the operator's command line.

mod eval;
mod parse;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use newsflow_shared::config::Settings;

/// mimalloc: extraction allocates many small strings and nodes; with it `newsflow parse`
/// runs 6% fewer instructions than with glibc's malloc (see ARCHITECTURE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Send pages already fetched back to the parser, from the raw-page stream
    Replay(ReplayArgs),
    /// List, send back or purge dead letters
    #[command(subcommand, name = "dead-letters")]
    DeadLetters(DeadLettersCmd),
    /// Queues, dead letters, the replay log and the database; exits 1 when something is wrong
    Status(StatusArgs),
}

#[derive(clap::Args)]
struct ReplayArgs {
    /// Start of the window: RFC 3339, or a duration back from now (`2h`, `3d`)
    #[arg(long)]
    since: String,
    /// End of the window (default: now)
    #[arg(long)]
    until: Option<String>,
    /// Only pages of this crawl source
    #[arg(long)]
    source: Option<String>,
    /// Only pages whose URL starts with this
    #[arg(long)]
    url_prefix: Option<String>,
    /// Count what would be replayed, send nothing
    #[arg(long)]
    dry_run: bool,
    /// Pages per second at most (0: no limit)
    #[arg(long, default_value_t = 100.0)]
    rate: f64,
    /// Pause while the parse queue holds more than this many pages (0: never), so live
    /// pages keep flowing
    #[arg(long, default_value_t = 1000)]
    max_backlog: u32,
    /// Print the summary as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum DeadLettersCmd {
    /// Each dead message with its reason, failure time, deliveries, URL and page id
    List {
        /// `pages`, `articles` or a full queue name (default: both)
        #[arg(long)]
        queue: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Send dead messages back to their work queue (after a fix)
    Replay {
        #[arg(long)]
        queue: Option<String>,
        /// Only this error kind (prefix match: `extraction_error` covers all its kinds)
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        url_prefix: Option<String>,
        #[arg(long)]
        source: Option<String>,
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Delete dead messages for good
    Purge {
        #[arg(long)]
        queue: Option<String>,
        /// Required: purging cannot be undone
        #[arg(long)]
        yes: bool,
    },
}

#[derive(clap::Args)]
struct StatusArgs {
    #[arg(long)]
    json: bool,
    /// Seconds between the two depth samples that give the rates
    #[arg(long, default_value_t = 2)]
    sample_secs: u64,
    /// RabbitMQ management API, for publish and deliver rates (skipped when unreachable)
    #[arg(long, default_value = "http://127.0.0.1:15672")]
    management_url: String,
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
        Command::Parse(args) => {
            offline_logs();
            parse::run(args)
        }
        Command::Eval(args) => {
            offline_logs();
            eval::run(args)
        }
        Command::Demo(args) => with_runtime(cli.config, |s| demo(s, args)),
        Command::Migrate => with_runtime(cli.config, migrate),
        Command::Replay(args) => with_runtime(cli.config, |s| replay(s, args)),
        Command::DeadLetters(cmd) => with_runtime(cli.config, |s| dead_letters(s, cmd)),
        Command::Status(args) => with_runtime(cli.config, |s| status(s, args)),
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
/// Warnings on stderr for the commands that need no configuration (`parse`, `eval`): a page
/// the extractor truncated at one of its limits says so. `RUST_LOG` overrides.
fn offline_logs() {
    newsflow_shared::telemetry::init(&newsflow_shared::config::TelemetrySettings {
        filter: "warn".into(),
        format: newsflow_shared::config::LogFormat::Human,
        report_interval_secs: 0,
    });
}

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

async fn replay(settings: Settings, args: ReplayArgs) -> anyhow::Result<ExitCode> {
    use newsflow::replay::{self, Filter, Options};
    let now = chrono::Utc::now();
    let filter = Filter {
        since: replay::parse_time(&args.since, now).map_err(|e| anyhow::anyhow!("--since: {e}"))?,
        until: args
            .until
            .as_deref()
            .map(|u| replay::parse_time(u, now))
            .transpose()
            .map_err(|e| anyhow::anyhow!("--until: {e}"))?,
        source: args.source,
        url_prefix: args.url_prefix,
    };
    let opts = Options {
        dry_run: args.dry_run,
        rate: args.rate,
        max_backlog: args.max_backlog,
        idle: std::time::Duration::from_secs(3),
    };
    let summary = replay::run(&settings, &filter, &opts).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        let verb = if opts.dry_run {
            "would replay"
        } else {
            "replayed"
        };
        println!(
            "replay: scanned {} logged pages, {} matched, {verb} {} in {:.1} s",
            summary.scanned,
            summary.matched,
            if opts.dry_run {
                summary.matched
            } else {
                summary.replayed
            },
            summary.seconds
        );
        if let (Some(a), Some(b)) = (summary.first_offset, summary.last_offset) {
            println!("  stream offsets {a}..{b}");
        }
        if summary.undecodable > 0 {
            println!(
                "  {} logged messages were not pages and were skipped",
                summary.undecodable
            );
        }
        if let Some(msg) = &summary.out_of_reach {
            println!("  out of reach: {msg}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn dead_letters(settings: Settings, cmd: DeadLettersCmd) -> anyhow::Result<ExitCode> {
    use newsflow::dead_letters::{self, Selection};
    match cmd {
        DeadLettersCmd::List { queue, limit, json } => {
            let list = dead_letters::list(&settings, queue.as_deref(), limit).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else if list.is_empty() {
                println!("no dead letters");
            } else {
                for m in &list {
                    println!(
                        "{}  {}  kind={}  deliveries={}  first_failed={}  url={}\n    reason: {}",
                        m.queue,
                        m.message_id.as_deref().unwrap_or("-"),
                        m.kind.as_deref().unwrap_or("-"),
                        m.deliveries,
                        m.first_failed_at.as_deref().unwrap_or("-"),
                        m.url.as_deref().unwrap_or("-"),
                        m.reason.as_deref().unwrap_or("-"),
                    );
                }
            }
        }
        DeadLettersCmd::Replay {
            queue,
            kind,
            url_prefix,
            source,
            limit,
        } => {
            let sel = Selection {
                kind,
                url_prefix,
                source,
                limit,
            };
            let n = dead_letters::replay(&settings, queue.as_deref(), &sel).await?;
            println!("sent {n} dead letters back for another try");
        }
        DeadLettersCmd::Purge { queue, yes } => {
            if !yes {
                anyhow::bail!("purging deletes dead letters for good: add --yes to confirm");
            }
            let n = dead_letters::purge(&settings, queue.as_deref()).await?;
            println!("purged {n} dead letters");
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn status(settings: Settings, args: StatusArgs) -> anyhow::Result<ExitCode> {
    let mgmt = (!args.management_url.is_empty()).then_some(args.management_url.as_str());
    let s = newsflow::status::gather(
        &settings,
        std::time::Duration::from_secs(args.sample_secs),
        mgmt,
    )
    .await;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
    } else {
        print!("{}", newsflow::status::render(&s));
    }
    Ok(if s.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
