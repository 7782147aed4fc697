//! `wacost compare`: the same scenario under every rules version, each on the card of its time
//! (or all on the month's card), to show what each of Meta's pricing changes does to a month's
//! bill. The table starts with the answer: what the last switch of rules changes, and why.

use super::estimate::read_scenario;
use super::shown::money;
use crate::CliError;
use wacost_cli::values::ExportFormat;
use wacost_cli::CompareArgs;
use wacost_core::estimate::{compare_cards, Comparison, VersionResult};
use wacost_core::export::comparison_csv;
use wacost_core::Catalog;

pub fn run(args: &CompareArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ExportFormat::or_default(args.format, on_terminal);
    let scenario = read_scenario(&args.scenario, None, args.rate_card)?;
    let result = compare_cards(Catalog::builtin(), &scenario, args.cards.into())
        .map_err(|errors| CliError::many(errors.lines()))?;
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

/// A version's name with its code in brackets: `Per message, from Oct 2026 (pmp-2026-10)`.
fn label(version: &VersionResult) -> String {
    format!("{} ({})", version.name, version.rules)
}

fn table(c: &Comparison) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if let Some(answer) = &c.answer {
        let _ = writeln!(out, "{}", answer.english());
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "{}{}: {}",
        c.currency,
        c.month
            .as_ref()
            .map(|m| format!(", month {m}"))
            .unwrap_or_default(),
        match c.cards {
            wacost_core::estimate::CardsFor::OfTheirTime => {
                "each model on the card of its time".to_string()
            }
            wacost_core::estimate::CardsFor::Same => {
                format!("every model on the {} card", c.rate_card)
            }
        }
    );
    let _ = writeln!(out);
    let width = c
        .versions
        .iter()
        .map(|v| label(v).chars().count())
        .max()
        .unwrap_or(0);
    let _ = writeln!(
        out,
        "{:<width$}  {:<10}  {:>14}  {:>14}  {:>14}",
        "model",
        "card",
        "Meta total",
        "total",
        format!("vs {}", c.current)
    );
    for version in &c.versions {
        let name = label(version);
        let pad = width.saturating_sub(name.chars().count());
        let card = version.rate_card.as_deref().unwrap_or("-");
        match &version.estimate {
            Some(e) => {
                let difference = version
                    .difference
                    .map_or_else(|| "-".to_string(), |d| money(&c.currency, d.total.value()));
                let _ = writeln!(
                    out,
                    "{name}{:pad$}  {card:<10}  {:>14}  {:>14}  {difference:>14}",
                    "",
                    money(&c.currency, e.meta_total.value()),
                    money(&c.currency, e.total.value()),
                );
            }
            None => {
                let why = version
                    .cannot_price
                    .as_ref()
                    .map_or_else(|| "cannot be priced".to_string(), ToString::to_string);
                let _ = writeln!(out, "{name}{:pad$}  {card:<10}  {why}", "");
            }
        }
    }
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
    let _ = writeln!(out);
    for version in &c.versions {
        let _ = writeln!(out, "{}: {}", label(version), version.summary);
        if let Some(card) = &version.rate_card {
            let _ = writeln!(
                out,
                "  card: {}",
                version.card_reason.english(&c.currency, card)
            );
        }
        for error in &version.errors {
            let _ = writeln!(out, "  cannot price: {error}");
        }
    }
    out
}
