//! `wacost estimate`: a month of traffic described as a scenario (docs/scenario.md), priced
//! under one rules version with one rate card.

use super::shown::{grouped, money, money_with_exact, rate};
use crate::input::read_input;
use crate::CliError;
use chrono::NaiveDate;
use wacost_cli::values::{ExportFormat, Input};
use wacost_cli::EstimateArgs;
use wacost_core::estimate::{estimate, Estimate};
use wacost_core::export::estimate_csv;
use wacost_core::locale::Locale;
use wacost_core::percent::percent_text;
use wacost_core::scenario::{PerMessageOn, RulesVersion, Scenario};

pub fn run(args: &EstimateArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ExportFormat::or_default(args.format, on_terminal);
    let scenario = read_scenario(&args.scenario, args.rules, args.rate_card)?;
    let result = estimate(&scenario).map_err(|errors| CliError::many(errors.lines()))?;
    match format {
        ExportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&result).unwrap_or_default()
        ),
        ExportFormat::Table => print!("{}", table(&result)),
        ExportFormat::Csv => print!("{}", estimate_csv(&result)),
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
        "{:<24} {:<28} {:>15} {:>13} {:>13} {:>13} {:>15} {:>10} {:>16}",
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
    fees(&mut out, e);
    ladders(&mut out, e);
    if !e.explanations.is_empty() {
        let _ = writeln!(out);
        for explanation in &e.explanations {
            let _ = writeln!(out, "* {explanation}");
        }
    }
    if !e.warnings.is_empty() {
        let _ = writeln!(out);
        for warning in &e.warnings {
            let _ = writeln!(out, "- {warning}");
        }
    }
    out
}

/// Meta's total, the provider's fees part by part with what each multiplies, and the total.
fn fees(out: &mut String, e: &Estimate) {
    use std::fmt::Write;
    let c = e.currency.as_str();
    let b = &e.bsp;
    let _ = writeln!(
        out,
        "Meta total      {}",
        money_with_exact(c, e.meta_total.value())
    );
    let _ = writeln!(
        out,
        "BSP fees        {}",
        money_with_exact(c, e.bsp_fees.value())
    );
    let unit = if e.unit == "conversations" && b.per_message_on == PerMessageOn::Charged {
        "charged conversations"
    } else {
        b.per_message_on.as_str()
    };
    let _ = writeln!(
        out,
        "  per message   {} {unit} x {} = {}",
        grouped(b.per_message_count),
        rate(c, b.per_message_fee),
        money(c, b.per_message.value())
    );
    let _ = writeln!(
        out,
        "  markup        {}% of Meta's charge = {}",
        percent_text(b.markup_fraction, Locale::En),
        money(c, b.markup.value())
    );
    let _ = writeln!(out, "  monthly       {}", money(c, b.monthly.value()));
    let _ = writeln!(
        out,
        "  per number    {} number(s) x {} = {}",
        grouped(b.phone_numbers),
        money(c, b.per_number_fee),
        money(c, b.per_number.value())
    );
    let _ = writeln!(
        out,
        "Total           {}",
        money_with_exact(c, e.total.value())
    );
}

/// Where each tiered category stands on its whole ladder.
fn ladders(out: &mut String, e: &Estimate) {
    use std::fmt::Write;
    if e.ladders.is_empty() {
        return;
    }
    let c = e.currency.as_str();
    let _ = writeln!(out);
    let _ = writeln!(out, "Volume tiers (the month's counter on each ladder):");
    for l in &e.ladders {
        let Some(band) = l.current() else {
            continue;
        };
        let range = match band.to {
            Some(to) => format!("{} to {}", grouped(band.from), grouped(to)),
            None => format!("from {}", grouped(band.from)),
        };
        let next = match &l.next {
            Some(next) => format!(
                "; {} more at this rate, then tier {} starts at message {} ({}, {} less a message)",
                grouped(next.messages_in_band),
                next.tier,
                grouped(next.starts_at),
                rate(c, next.rate.value()),
                rate(c, next.saving_per_message.value())
            ),
            None => "; the last tier".to_string(),
        };
        let _ = writeln!(
            out,
            "  {} {}: {} charged, tier {} of {} ({range} at {}){next}",
            l.market,
            l.category.as_str(),
            grouped(l.count),
            band.tier,
            l.bands.len(),
            rate(c, band.rate.value())
        );
    }
}

/// Each market's categories, their bands when several are used, and the market's total.
fn market_rows(out: &mut String, e: &Estimate) {
    use std::fmt::Write;
    let c = e.currency.as_str();
    for market in &e.markets {
        for category in &market.categories {
            let mut flags = String::new();
            if category.custom {
                flags.push_str(" (custom)");
            }
            if category.upper_bound {
                flags.push_str(" (at most)");
            }
            let _ = writeln!(
                out,
                "{:<24} {:<28} {:>15} {:>13} {:>13} {:>13} {:>15} {:>10} {:>16}{}",
                market.market,
                category.category.as_str(),
                grouped(category.delivered),
                grouped(category.free.entry_point),
                grouped(category.free.window),
                grouped(category.free.allowance),
                grouped(category.charged),
                category
                    .rate
                    .map_or_else(|| "-".to_string(), |r| rate(c, r.value())),
                money(c, category.amount.value()),
                flags
            );
            for band in category.bands.iter().filter(|_| category.bands.len() > 1) {
                let _ = writeln!(
                    out,
                    "{:<24}   tier {} ({}..{}) {:>15} x {} = {}",
                    "",
                    band.tier,
                    grouped(band.from),
                    band.to.map(grouped).unwrap_or_default(),
                    grouped(band.count),
                    rate(c, band.rate.value()),
                    money(c, band.amount.value())
                );
            }
        }
        let _ = writeln!(
            out,
            "{:<24} {:<28} {:>101}",
            market.market,
            "market total",
            money(c, market.amount.value())
        );
    }
}
