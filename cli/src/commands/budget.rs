//! `wacost budget`: how many more messages of a category to a destination fit in a budget,
//! given the rest of the sheet (docs/plan.md).

use super::estimate::read_scenario;
use super::report;
use super::shown::{grouped, money_with_exact};
use crate::CliError;
use wacost_cli::values::ReportFormat;
use wacost_cli::BudgetArgs;
use wacost_core::budget::{budget, Budget, BudgetErrors, BudgetPath, BudgetQuery, Destination};

pub fn run(args: &BudgetArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ReportFormat::or_default(args.format, on_terminal);
    let scenario = read_scenario(&args.scenario, None, None)?;
    let destination = match (&args.country, &args.market) {
        (Some(country), _) => Destination::Country(country.trim().to_ascii_uppercase()),
        (None, Some(market)) => Destination::Market(market.trim().to_string()),
        // clap requires one of the two.
        (None, None) => return Err(CliError::usage("give --market or --country")),
    };
    let query = BudgetQuery {
        destination,
        category: args.category.into(),
        amount: args.amount,
    };
    let result = budget(&scenario, &query).map_err(worded)?;
    report::print(format, &result, table);
    Ok(())
}

/// The query's fields named by their options; the scenario's by their paths.
fn worded(errors: BudgetErrors) -> CliError {
    report::worded(&errors, |at| match at {
        BudgetPath::Query(field) => format!("--{field}"),
        BudgetPath::Scenario(path) => path.to_string(),
    })
}

fn table(b: &Budget) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} budget, extra {} messages to {}",
        money_with_exact(&b.currency, b.amount.value()),
        b.category,
        b.market
    );
    let _ = writeln!(out);
    let count = if b.unbounded {
        format!(
            "{} (the scenario's limit: the budget never runs out)",
            grouped(b.count)
        )
    } else if b.fits {
        format!("{} more messages fit", grouped(b.count))
    } else {
        "0: the rest of the sheet alone is over budget".to_string()
    };
    let _ = writeln!(out, "count                 {count}");
    let _ = writeln!(
        out,
        "total at count        {}",
        money_with_exact(&b.currency, b.total_at_count.value())
    );
    if let Some(next) = b.total_at_next {
        let _ = writeln!(
            out,
            "total with one more   {}",
            money_with_exact(&b.currency, next.value())
        );
    }
    out
}
