//! `wacost levers`: what the month's rules make worth doing, each re-estimated (docs/plan.md).

use super::estimate::read_scenario;
use super::report;
use super::shown::{money, money_with_exact};
use crate::CliError;
use wacost_cli::values::ReportFormat;
use wacost_cli::LeversArgs;
use wacost_core::levers::{levers, Levers};

pub fn run(args: &LeversArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ReportFormat::or_default(args.format, on_terminal);
    let scenario = read_scenario(&args.scenario, None, None)?;
    let result = levers(&scenario).map_err(|errors| CliError::many(errors.lines()))?;
    report::print(format, &result, table);
    Ok(())
}

fn table(l: &Levers) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} rules{}, total {}",
        l.rules,
        l.month
            .as_ref()
            .map(|m| format!(", month {m}"))
            .unwrap_or_default(),
        money_with_exact(&l.currency, l.total.value())
    );
    let _ = writeln!(out);
    if l.levers.is_empty() {
        let _ = writeln!(out, "No lever saves money on this month under these rules.");
    }
    for lever in &l.levers {
        let _ = writeln!(
            out,
            "saves {} ({}): {}",
            money(&l.currency, lever.saving.value()),
            lever.rule,
            lever.hypothesis
        );
    }
    out
}
