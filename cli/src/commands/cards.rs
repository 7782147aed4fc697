//! `wacost cards`: every rate card wacost holds, with what each lacks, so nobody mistakes a
//! partial card for Meta's whole card.

use crate::CliError;
use wacost_cli::values::ReportFormat;
use wacost_cli::CardsArgs;
use wacost_core::Catalog;

pub fn run(args: &CardsArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ReportFormat::or_default(args.format, on_terminal);
    let infos = Catalog::builtin().card_infos();
    if format == ReportFormat::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&infos).unwrap_or_default()
        );
        return Ok(());
    }
    println!(
        "{:<11} {:<4} {:<9} {:>7} {:>5} {:<5}  missing",
        "effective", "cur", "status", "markets", "rates", "tiers"
    );
    for info in infos {
        let missing = if info.missing_markets.is_empty() {
            info.missing_rates
                .iter()
                .map(|(market, category)| format!("{market} {category}"))
                .collect::<Vec<_>>()
                .join(", ")
        } else if info.missing_markets.len() > 4 {
            format!("{} markets", info.missing_markets.len())
        } else {
            info.missing_markets.join(", ")
        };
        println!(
            "{:<11} {:<4} {:<9} {:>7} {:>5} {:<5}  {}",
            info.effective.to_string(),
            info.currency,
            if info.complete { "complete" } else { "partial" },
            info.markets,
            info.rates,
            if info.has_tiers { "yes" } else { "no" },
            missing
        );
    }
    Ok(())
}
