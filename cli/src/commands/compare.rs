//! `wacost compare`: the same scenario under every rules version with one card, to show what
//! each of Meta's pricing changes does to a month's bill.

use super::estimate::read_scenario;
use super::shown::money;
use crate::CliError;
use wacost_cli::values::ExportFormat;
use wacost_cli::CompareArgs;
use wacost_core::estimate::{compare, Comparison};
use wacost_core::export::comparison_csv;

pub fn run(args: &CompareArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ExportFormat::or_default(args.format, on_terminal);
    let scenario = read_scenario(&args.scenario, None, args.rate_card)?;
    let result = compare(&scenario).map_err(|errors| CliError::many(errors.lines()))?;
    match format {
        ExportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&result).unwrap_or_default()
        ),
        ExportFormat::Table => print!("{}", table(&result)),
        ExportFormat::Csv => print!("{}", comparison_csv(&result)),
    }
    Ok(())
}

fn table(c: &Comparison) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} card of {}{}, under every rules version",
        c.currency,
        c.rate_card,
        c.month
            .as_ref()
            .map(|m| format!(", month {m}"))
            .unwrap_or_default()
    );
    let _ = writeln!(out);
    let _ = write!(out, "{:<24} {:<28}", "market", "category");
    for version in &c.versions {
        let _ = write!(out, " {:>13}", version.rules.as_str());
    }
    let _ = writeln!(out);
    for row in &c.differences {
        let _ = write!(out, "{:<24} {:<28}", row.market, row.category.as_str());
        for version in &c.versions {
            let amount = row
                .amounts
                .iter()
                .find(|a| a.rules == version.rules)
                .map_or_else(|| "-".to_string(), |a| money(&c.currency, a.amount.value()));
            let _ = write!(out, " {amount:>13}");
        }
        let _ = writeln!(out);
    }
    for (label, pick) in [("Meta total", 0), ("total with BSP fees", 1)] {
        let _ = write!(out, "{:<24} {:<28}", label, "");
        for version in &c.versions {
            let figure = version.estimate.as_ref().map_or_else(
                || "-".to_string(),
                |e| {
                    let figure = if pick == 0 { e.meta_total } else { e.total };
                    money(&c.currency, figure.value())
                },
            );
            let _ = write!(out, " {figure:>13}");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out);
    for version in &c.versions {
        let _ = writeln!(out, "{}: {}", version.rules, version.summary);
        for error in &version.errors {
            let _ = writeln!(out, "  cannot price: {error}");
        }
    }
    out
}
