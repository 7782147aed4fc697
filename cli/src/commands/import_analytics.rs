//! `wacost import-analytics`: Meta's pricing_analytics JSON turned into a scenario on standard
//! output, ready for `wacost estimate`; what could not be carried over and Meta's cost beside
//! wacost's price on standard error, or the whole import as JSON in `--report FILE`
//! (docs/plan.md).

use super::report;
use super::shown::{grouped, money};
use crate::input::read_input;
use crate::output::{Inputs, Target};
use crate::CliError;
use std::io::Write;
use wacost_cli::ImportAnalyticsArgs;
use wacost_core::analytics::{import, Import, ImportErrors, ImportOptions, ImportPath};
use wacost_core::line_category::LineCategory;

pub fn run(args: &ImportAnalyticsArgs) -> Result<(), CliError> {
    let report = match &args.report {
        Some(path) => {
            let mut inputs = Inputs::default();
            match args.analytics.path() {
                Some(file) => inputs.file("the analytics file", file),
                None => inputs.stdin("the analytics file"),
            }
            Some(Target::check("report", path, &inputs)?)
        }
        None => None,
    };
    let text = read_input(&args.analytics)?;
    let options = ImportOptions {
        month: args.month,
        currency: args.currency.clone(),
    };
    let result = import(&text, &options).map_err(worded)?;
    println!("{}", result.scenario.to_json());
    match report {
        Some(target) => {
            let mut file = target.create()?;
            let json = serde_json::to_string_pretty(&result).unwrap_or_default();
            file.write_all(json.as_bytes())
                .and_then(|()| file.write_all(b"\n"))
                .map_err(|e| CliError::usage(format!("cannot write `{}`: {e}", file.shown())))?;
            file.commit()
        }
        None => {
            eprint!("{}", text_report(&result));
            Ok(())
        }
    }
}

/// `month` and `currency` are named by their options; the file's problems by their place.
fn worded(errors: ImportErrors) -> CliError {
    report::worded(&errors, |at| match at {
        ImportPath::Option(_) => format!("--{at}"),
        at => at.to_string(),
    })
}

fn text_report(i: &Import) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let messages: u64 = LineCategory::ALL.iter().map(|&c| i.imported.get(c)).sum();
    let _ = writeln!(
        out,
        "Imported {}: {} messages in {} line(s) (months in the file: {})",
        i.month,
        grouped(messages),
        i.scenario.lines.len(),
        i.months_in_file.join(", ")
    );
    for warning in &i.warnings {
        let _ = writeln!(out, "- {warning}");
    }
    if let Some(costs) = &i.costs {
        let currency = &i.scenario.currency;
        let _ = writeln!(out);
        let _ = writeln!(out, "Meta's cost beside wacost's price ({currency}):");
        let _ = writeln!(
            out,
            "{:<24} {:<16} {:>13} {:>12} {:>12} {:>12}",
            "market", "category", "messages", "Meta", "wacost", "difference"
        );
        for row in &costs.rows {
            let _ = writeln!(
                out,
                "{:<24} {:<16} {:>13} {:>12} {:>12} {:>12}",
                row.market,
                row.category.as_str(),
                grouped(row.volume),
                money(currency, row.meta_cost.value()),
                money(currency, row.wacost.value()),
                money(currency, row.difference.value())
            );
        }
        let _ = writeln!(
            out,
            "{:<24} {:<16} {:>13} {:>12} {:>12} {:>12}",
            "total",
            "",
            "",
            money(currency, costs.meta_cost.value()),
            money(currency, costs.wacost.value()),
            money(currency, costs.difference.value())
        );
    }
    out
}
