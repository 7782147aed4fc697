//! `wacost generate-log`: a deterministic synthetic message log on standard output, to try
//! `wacost bill` or measure it.

use crate::CliError;
use std::io::Write;
use wacost_cli::GenerateLogArgs;
use wacost_core::bill::generate::{LogGenerator, HEADER};

pub fn run(args: &GenerateLogArgs) -> Result<(), CliError> {
    let rows = args.rows;
    let users = args.users.map_or(rows / 20 + 1, |users| users.get());
    let mut generator = LogGenerator::new(args.seed, args.start, rows, users);
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
