//! `wacost`: Meta's WhatsApp Business Platform prices from the command line.
//!
//! JSON goes to standard output; every error goes to standard error, one line per problem,
//! with exit status 2 (docs/scenario.md, docs/log.md). What each command accepts is defined
//! once, with its `--help`, in the library (`lib.rs`).
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod commands;
mod input;
mod output;

use clap::{CommandFactory, FromArgMatches};
use std::io::IsTerminal;
use wacost_cli::{Cli, Command};

/// A failure to report: one or more lines, each naming what was wrong.
#[derive(Debug)]
pub struct CliError {
    pub lines: Vec<String>,
}

impl CliError {
    pub fn usage(line: impl Into<String>) -> CliError {
        CliError {
            lines: vec![line.into()],
        }
    }

    pub fn many(lines: Vec<String>) -> CliError {
        CliError { lines }
    }
}

/// Restores the default SIGPIPE action, so `wacost rates | head` ends quietly like any Unix
/// tool instead of failing on a closed pipe (Rust ignores SIGPIPE by default).
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up before any other thread exists; SIG_DFL is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() {
    quiet_on_closed_pipe();
    // Usage errors and `--help` are clap's: it prints them and exits (2 for an error).
    let matches = Cli::command().get_matches();
    let name = matches.subcommand_name().unwrap_or("wacost").to_string();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let on_terminal = std::io::stdout().is_terminal();
    let result = match &cli.command {
        Command::Estimate(args) => commands::estimate::run(args, on_terminal),
        Command::Compare(args) => commands::compare::run(args, on_terminal),
        Command::Plan(args) => commands::plan::run(args, on_terminal),
        Command::Budget(args) => commands::budget::run(args, on_terminal),
        Command::Levers(args) => commands::levers::run(args, on_terminal),
        Command::ImportAnalytics(args) => commands::import_analytics::run(args),
        Command::Bill(args) => commands::bill::run(args, on_terminal),
        Command::Rates(args) => commands::rates::run(args),
        Command::Tiers(args) => commands::tiers::run(args),
        Command::Cards(args) => commands::cards::run(args, on_terminal),
        Command::Market(args) => commands::market::run(args),
        Command::GenerateLog(args) => commands::generate::run(args),
    };
    if let Err(error) = result {
        for line in &error.lines {
            eprintln!("wacost {name}: {line}");
        }
        std::process::exit(2);
    }
}
