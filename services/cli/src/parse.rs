//! `newsflow parse`: run the extractor on files. (Being written.)

#[derive(clap::Args)]
pub struct ParseArgs {
    /// An HTML file (may be gzipped)
    pub file: Option<std::path::PathBuf>,
}

pub fn run(_args: ParseArgs) -> anyhow::Result<std::process::ExitCode> {
    anyhow::bail!("not yet")
}
