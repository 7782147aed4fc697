//! What the report commands (`budget`, `cards`, `levers`, `plan`, `import-analytics`) share:
//! the report as JSON for a program or as a table for a person, and the core's problems one a
//! line, each place named the way the user gave it.

use crate::CliError;
use std::fmt::Display;
use wacost_cli::values::ReportFormat;
use wacost_core::problem::Problems;

/// The report on standard output in the format asked for.
pub fn print<T: serde::Serialize + ?Sized>(
    format: ReportFormat,
    value: &T,
    table: fn(&T) -> String,
) {
    if format == ReportFormat::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        );
    } else {
        print!("{}", table(value));
    }
}

/// `place: message` for each problem, `place` as `named` words the core's path (an option for
/// a setting given on the command line, the path for a field of a file).
pub fn worded<P, K: Display>(errors: &Problems<P, K>, named: impl Fn(&P) -> String) -> CliError {
    CliError::many(
        errors
            .0
            .iter()
            .map(|e| format!("{}: {}", named(&e.at), e.kind))
            .collect(),
    )
}
