//! `wacost market`: which market a country or a phone number is billed in on a date.

use crate::CliError;
use wacost_cli::MarketArgs;
use wacost_core::Catalog;

pub fn run(args: &MarketArgs) -> Result<(), CliError> {
    let query = &args.query;
    let date = args.date.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let catalog = Catalog::builtin();
    let looks_like_number = query.starts_with('+') || query.chars().all(|c| c.is_ascii_digit());
    let found = if looks_like_number {
        catalog.market_for_number(query, date)
    } else {
        catalog.market_for_country(query, date)
    }
    .map_err(|e| CliError::usage(e.to_string()))?;
    let document = serde_json::json!({
        "query": query,
        "date": date,
        "market": found.market,
        "country": found.country,
        "iso2": found.iso2,
        "calling_code": found.calling_code,
        "network_prefix": found.network_prefix,
        "listed_by_meta": found.listed_by_meta,
        "table": found.table,
        "note": found.note,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&document).unwrap_or_default()
    );
    Ok(())
}
