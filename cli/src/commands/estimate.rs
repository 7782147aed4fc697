//! `wacost estimate`: a month of traffic described as a scenario (docs/scenario.md), priced
//! under one rules version with one rate card.

use crate::input::read_input;
use crate::CliError;
use chrono::NaiveDate;
use wacost_cli::values::{Input, ReportFormat};
use wacost_cli::EstimateArgs;
use wacost_core::estimate::{estimate, Estimate};
use wacost_core::money::group_thousands;
use wacost_core::scenario::{RulesVersion, Scenario};

pub fn run(args: &EstimateArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ReportFormat::or_default(args.format, on_terminal);
    let scenario = read_scenario(&args.scenario, args.rules, args.rate_card)?;
    let result = estimate(&scenario).map_err(|errors| CliError::many(errors.lines()))?;
    if format == ReportFormat::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&result).unwrap_or_default()
        );
    } else {
        print!("{}", table(&result));
    }
    Ok(())
}

/// Reads the scenario, with `--rules` and `--rate-card` written into it before it is validated,
/// so a scenario without a month is complete when both are given on the command line.
pub fn read_scenario(
    input: &Input,
    rules: Option<RulesVersion>,
    rate_card: Option<NaiveDate>,
) -> Result<Scenario, CliError> {
    let text = read_input(input)?;
    let mut value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| CliError::usage(format!("the scenario is not valid JSON: {e}")))?;
    if let Some(object) = value.as_object_mut() {
        if let Some(rules) = rules {
            object.insert("rules".into(), rules.as_str().into());
        }
        if let Some(date) = rate_card {
            object.insert("rate_card".into(), date.to_string().into());
        }
    }
    Scenario::from_value(&value).map_err(|errors| CliError::many(errors.lines()))
}

/// `1234567` → `1,234,567`, for tables people read.
pub fn grouped(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// A money figure with its whole part grouped by thousands (`1,234,567.891`), for reading; the
/// JSON keeps the plain exact text.
pub fn grouped_money(amount: impl std::fmt::Display) -> String {
    group_thousands(&amount.to_string())
}

pub fn table(e: &Estimate) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} rules, {} card of {}{}; charged counts {}",
        e.rules,
        e.currency,
        e.rate_card,
        e.month
            .as_ref()
            .map(|m| format!(", month {m}"))
            .unwrap_or_default(),
        e.unit
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<24} {:<28} {:>15} {:>13} {:>13} {:>13} {:>15} {:>8} {:>14}",
        "market",
        "category",
        "delivered",
        "entry point",
        "window",
        "allowance",
        "charged",
        "rate",
        "amount"
    );
    market_rows(&mut out, e);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Meta total  {} {}",
        e.currency,
        grouped_money(e.meta_total)
    );
    let _ = writeln!(
        out,
        "BSP fees    {} {} (per message {}, markup {}, monthly {}, per number {})",
        e.currency,
        grouped_money(e.bsp_fees),
        grouped_money(e.bsp.per_message),
        grouped_money(e.bsp.markup),
        grouped_money(e.bsp.monthly),
        grouped_money(e.bsp.per_number)
    );
    let _ = writeln!(out, "Total       {} {}", e.currency, grouped_money(e.total));
    if !e.warnings.is_empty() {
        let _ = writeln!(out);
        for warning in &e.warnings {
            let _ = writeln!(out, "- {warning}");
        }
    }
    out
}

/// Each market's categories, their bands when several are used, and the market's total.
fn market_rows(out: &mut String, e: &Estimate) {
    use std::fmt::Write;
    for market in &e.markets {
        for c in &market.categories {
            let mut flags = String::new();
            if c.custom {
                flags.push_str(" (custom)");
            }
            if c.upper_bound {
                flags.push_str(" (at most)");
            }
            let _ = writeln!(
                out,
                "{:<24} {:<28} {:>15} {:>13} {:>13} {:>13} {:>15} {:>8} {:>14}{}",
                market.market,
                c.category.as_str(),
                grouped(c.delivered),
                grouped(c.free.entry_point),
                grouped(c.free.window),
                grouped(c.free.allowance),
                grouped(c.charged),
                c.rate.map_or_else(|| "-".to_string(), |r| r.to_string()),
                grouped_money(c.amount),
                flags
            );
            for band in c.bands.iter().filter(|_| c.bands.len() > 1) {
                let _ = writeln!(
                    out,
                    "{:<24}   tier {} ({}..{}) {:>15} x {} = {}",
                    "",
                    band.tier,
                    grouped(band.from),
                    band.to.map(grouped).unwrap_or_default(),
                    grouped(band.count),
                    band.rate,
                    grouped_money(band.amount)
                );
            }
        }
        let _ = writeln!(
            out,
            "{:<24} {:<28} {:>97}",
            market.market,
            "market total",
            grouped_money(market.amount)
        );
    }
}

#[cfg(test)]
mod money_grouping_tests {
    use super::{grouped, grouped_money};

    #[test]
    fn whole_part_is_grouped_and_decimals_kept() {
        for (text, shown) in [
            ("0.00", "0.00"),
            ("140.79", "140.79"),
            ("1234.5", "1,234.5"),
            ("290662397.80", "290,662,397.80"),
            ("-1234567.891", "-1,234,567.891"),
            ("1000", "1,000"),
        ] {
            assert_eq!(grouped_money(text), shown);
        }
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
