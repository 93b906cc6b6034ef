//! One newsflow service as its own process, configured from the environment, for the tests
//! that kill a service with SIGKILL part-way through. Same code as the real binaries' thin
//! `main`s: `newsflow-service parser|storage|scraper`.

use anyhow::Context as _;
use newsflow_shared::config::Settings;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let which = std::env::args()
        .nth(1)
        .context("usage: newsflow-service parser|storage|scraper")?;
    let settings = Settings::load(None).context("loading configuration")?;
    newsflow_shared::telemetry::init(&settings.telemetry);
    let shutdown = newsflow_shared::shutdown::on_signal();
    match which.as_str() {
        "parser" => newsflow_parser::run(&settings, shutdown).await,
        "storage" => newsflow_storage::run(&settings, shutdown).await,
        "scraper" => newsflow_scraper::run(&settings, shutdown).await.map(|_| ()),
        other => anyhow::bail!("unknown service {other:?}"),
    }
}
