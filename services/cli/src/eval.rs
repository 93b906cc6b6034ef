//! `newsflow eval`: score the extractor on a corpus. (Being written.)

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Corpus directory
    pub dir: std::path::PathBuf,
}

pub fn run(_args: EvalArgs) -> anyhow::Result<std::process::ExitCode> {
    anyhow::bail!("not yet")
}
