//! `newsflow`: the operator's command line.

mod eval;
mod parse;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "newsflow", version, about = "Operate a newsflow deployment")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one page (or a manifest of pages) and print the article as JSON
    Parse(parse::ParseArgs),
    /// Score the extractor on a corpus directory with human answers
    Eval(eval::EvalArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Eval(args) => eval::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
