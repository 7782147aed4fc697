//! `wacost cards`: every rate card wacost holds, with what each lacks category by category, so
//! nobody mistakes a partial card for Meta's whole card; with `--month`, what each of Meta's
//! billing currencies can price that month; with `--diff A B`, what changed between two cards.

use super::estimate::read_scenario;
use super::report;
use super::shown::money;
use crate::CliError;
use wacost_cli::values::ReportFormat;
use wacost_cli::CardsArgs;
use wacost_core::card_diff::{card_diff, CardDiff, RateStatus};
use wacost_core::catalog::CardInfo;
use wacost_core::currencies::{currencies, CurrencyCoverage, Status};
use wacost_core::scenario::Month;
use wacost_core::Catalog;

pub fn run(args: &CardsArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ReportFormat::or_default(args.format, on_terminal);
    if let Some(month) = args.month {
        return month_list(month, format);
    }
    if let Some([old, new]) = args.diff.as_deref() {
        let scenario = match &args.scenario {
            Some(input) => Some(read_scenario(input, None, None)?),
            None => None,
        };
        let currency = args.currency.trim().to_ascii_uppercase();
        let diff = card_diff(&currency, *old, *new, scenario.as_ref())
            .map_err(|e| CliError::usage(e.to_string()))?;
        report::print(format, &diff, diff_table);
        return Ok(());
    }
    report::print(
        format,
        Catalog::builtin().card_infos().as_slice(),
        list_table,
    );
    Ok(())
}

/// `marketing 32, service 6 of 32` : each category's markets, complete ones as a bare count.
fn categories_held(info: &CardInfo, table_markets: usize) -> String {
    info.categories
        .iter()
        .map(|c| {
            if c.complete {
                format!("{} {}", c.category, c.markets)
            } else {
                format!("{} {} of {table_markets}", c.category, c.markets)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn list_table(infos: &[CardInfo]) -> String {
    use std::fmt::Write;
    let catalog = Catalog::builtin();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<11} {:<4} {:<9} {:>7} {:>5} {:<5}  categories (markets with a rate)",
        "effective", "cur", "status", "markets", "rates", "tiers"
    );
    for info in infos {
        let table_markets = catalog.market_table_on(info.effective).markets().len();
        let status = if info.complete { "complete" } else { "partial" };
        let _ = writeln!(
            out,
            "{:<11} {:<4} {:<9} {:>7} {:>5} {:<5}  {}",
            info.effective.to_string(),
            info.currency,
            status,
            format!("{}/{table_markets}", info.markets),
            info.rates,
            if info.has_tiers { "yes" } else { "no" },
            categories_held(info, table_markets)
        );
        for category in info.categories.iter().filter(|c| !c.complete) {
            let missing = &category.missing_markets;
            if !missing.is_empty() && missing.len() <= 5 {
                let _ = writeln!(
                    out,
                    "{:<40}  {} lacks {}",
                    "",
                    category.category,
                    missing.join(", ")
                );
            }
        }
    }
    out
}

fn month_list(month: Month, format: ReportFormat) -> Result<(), CliError> {
    let list = currencies(month).map_err(|e| CliError::usage(format!("--month: {e}")))?;
    report::print(format, list.as_slice(), month_table);
    Ok(())
}

fn month_table(list: &[CurrencyCoverage]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if let Some(first) = list.first() {
        let _ = writeln!(
            out,
            "What each billing currency can price in {} ({} rules)",
            first.month, first.rules
        );
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "{:<4} {:<9} {:<11} {:>7}  {:<16}  what it lacks",
        "cur", "status", "card", "markets", "latest complete"
    );
    for c in list {
        let status = match c.status {
            Status::Complete => "complete",
            Status::Partial => "partial",
            Status::NoCard => "no card",
        };
        let lacks = match c.status {
            Status::NoCard => c.first_card.map_or_else(
                || "no card in this build".to_string(),
                |d| format!("first card {d}"),
            ),
            _ => c
                .categories
                .iter()
                .filter(|s| !s.complete)
                .map(|s| format!("{} {} of {}", s.category, s.markets, c.table_markets))
                .collect::<Vec<_>>()
                .join(", "),
        };
        let _ = writeln!(
            out,
            "{:<4} {:<9} {:<11} {:>7}  {:<16}  {lacks}",
            c.currency,
            status,
            c.card.map_or_else(|| "-".to_string(), |d| d.to_string()),
            if c.card.is_some() {
                format!("{}/{}", c.markets, c.table_markets)
            } else {
                "-".to_string()
            },
            c.latest_complete
                .map_or_else(|| "-".to_string(), |d| d.to_string()),
        );
    }
    out
}

fn diff_table(diff: &CardDiff) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} → {} (market tables {} → {})",
        diff.currency, diff.old_card, diff.new_card, diff.old_table, diff.new_table
    );
    let changed: Vec<_> = diff.changed().collect();
    let same = diff.rates.len() - changed.len();
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<32} {:<28} {:>10} {:>10} {:>10} {:>9}",
        "market", "category", "old", "new", "change", "%"
    );
    for row in &changed {
        let shown = |p: Option<wacost_core::money::UnitPrice>| {
            p.map_or_else(|| "-".to_string(), |p| p.to_string())
        };
        let percent = match (row.status, row.percent) {
            (RateStatus::OnlyNew, _) => "only new".to_string(),
            (RateStatus::OnlyOld, _) => "only old".to_string(),
            (_, Some(p)) => p.to_string(),
            (_, None) => "-".to_string(),
        };
        let _ = writeln!(
            out,
            "{:<32} {:<28} {:>10} {:>10} {:>10} {:>9}",
            row.market,
            row.category.as_str(),
            shown(row.old),
            shown(row.new),
            shown(row.change),
            percent
        );
    }
    let _ = writeln!(out, "{same} rates unchanged");
    if !diff.markets_added.is_empty() || !diff.markets_removed.is_empty() {
        let _ = writeln!(out);
    }
    for added in &diff.markets_added {
        let _ = writeln!(
            out,
            "market added: {}{}",
            added.market,
            if added.from.is_empty() {
                String::new()
            } else {
                format!(" (split from {})", added.from.join(", "))
            }
        );
    }
    for removed in &diff.markets_removed {
        let _ = writeln!(out, "market removed: {removed}");
    }
    for moved in diff
        .moves
        .iter()
        .filter(|m| !diff.markets_added.iter().any(|a| a.market == m.to))
    {
        let _ = writeln!(
            out,
            "{} ({}) moved from {} to {}",
            moved.country, moved.iso2, moved.from, moved.to
        );
    }
    if let Some(effect) = &diff.effect {
        let _ = writeln!(out);
        match (effect.old_total, effect.new_total, effect.change) {
            (Some(old), Some(new), Some(change)) => {
                let _ = writeln!(
                    out,
                    "The scenario under {}: {} on the {} card, {} on the {} card ({}{})",
                    effect.rules,
                    money(&diff.currency, old.value()),
                    diff.old_card,
                    money(&diff.currency, new.value()),
                    diff.new_card,
                    if change.value().is_sign_negative() {
                        ""
                    } else {
                        "+"
                    },
                    money(&diff.currency, change.value())
                );
                for reason in &effect.reasons {
                    let _ = writeln!(out, "- {reason}");
                }
            }
            _ => {
                let _ = writeln!(out, "The scenario under {}:", effect.rules);
                for (card, errors) in [
                    (&diff.old_card, &effect.old_errors),
                    (&diff.new_card, &effect.new_errors),
                ] {
                    for error in errors {
                        let _ = writeln!(out, "- cannot price on the {card} card: {error}");
                    }
                }
            }
        }
    }
    out
}
