//! `wacost generate-log`: a deterministic synthetic message log on standard output, to try
//! `wacost bill` or measure it.

use crate::args::Args;
use crate::CliError;
use std::io::Write;
use wacost_core::bill::generate::{LogGenerator, HEADER};

pub fn run(words: &[String]) -> Result<(), CliError> {
    let args = Args::parse(words, &["rows", "seed", "start", "users"], &[])?;
    let number = |name: &str, default: Option<u64>| -> Result<u64, CliError> {
        match args.value(name) {
            Some(text) => text.trim().replace('_', "").parse::<u64>().map_err(|_| {
                CliError::usage(format!("--{name} `{text}` is not a whole number >= 0"))
            }),
            None => default.ok_or_else(|| CliError::usage(format!("--{name} is required"))),
        }
    };
    let rows = number("rows", None)?;
    let seed = number("seed", Some(1))?;
    let users = number("users", Some(rows / 20 + 1))?;
    if users == 0 {
        return Err(CliError::usage("--users must be at least 1"));
    }
    let start = args
        .date("start")?
        .unwrap_or(wacost_core::date!(2026, 10, 1));
    let mut generator = LogGenerator::new(seed, start, rows, users);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let write_err = |e: std::io::Error| CliError::usage(format!("cannot write: {e}"));
    out.write_all(HEADER.as_bytes()).map_err(write_err)?;
    let mut chunk = String::with_capacity(1 << 20);
    for i in 0..rows {
        generator.row(&mut chunk);
        if chunk.len() > (1 << 20) - 256 || i + 1 == rows {
            out.write_all(chunk.as_bytes()).map_err(write_err)?;
            chunk.clear();
        }
    }
    out.flush().map_err(write_err)
}
