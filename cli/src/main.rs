//! `wacost`: Meta's WhatsApp Business Platform prices from the command line.
//!
//! JSON goes to standard output; every error goes to standard error, one line per problem,
//! with exit status 2 (docs/scenario.md, docs/log.md).
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod args;
mod commands;
mod output;

use std::io::IsTerminal;

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

const USAGE: &str = "\
wacost: WhatsApp Business Platform cost calculator (Meta's rates, exact decimals)

usage:
  wacost estimate [FILE|-] [--rules R] [--rate-card DATE] [--format json|table]
  wacost compare  [FILE|-] [--rate-card DATE] [--format json|table]
  wacost bill EVENTS.csv [--settings FILE] [--rules R] [--detail FILE] [--format json|table] [--skip-bad-rows]
  wacost rates    [--card DATE] [--currency C] [--format csv|json]
  wacost tiers    [--card DATE] [--currency C] [--format csv|json]
  wacost cards    [--format table|json]
  wacost market   <ISO alpha-2 | +E.164 number> [--date DATE]
  wacost generate-log --rows N [--seed S] [--start DATE] [--users U]   # a synthetic log for benchmarks
";

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
    let words: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = words.split_first() else {
        eprint!("{USAGE}");
        std::process::exit(2);
    };
    let on_terminal = std::io::stdout().is_terminal();
    let result = match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(())
        }
        "rates" => commands::rates::run(rest),
        "tiers" => commands::tiers::run(rest),
        "cards" => commands::cards::run(rest, on_terminal),
        "market" => commands::market::run(rest),
        "estimate" => commands::estimate::run(rest, on_terminal),
        "compare" => commands::compare::run(rest, on_terminal),
        "bill" => commands::bill::run(rest, on_terminal),
        "generate-log" => commands::generate::run(rest),
        other => Err(CliError::usage(format!(
            "unknown command `{other}` (see `wacost --help`)"
        ))),
    };
    if let Err(error) = result {
        for line in &error.lines {
            eprintln!("wacost {command}: {line}");
        }
        std::process::exit(2);
    }
}
