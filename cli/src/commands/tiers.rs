//! `wacost tiers`: the volume-tier ladders of a card as CSV
//! (`effective_date,currency,market,category,tier,from,to,rate`, empty `to` for the open band) or JSON.

use crate::commands::card_choice::choose_card;
use crate::CliError;
use wacost_cli::values::DataFormat;
use wacost_cli::TiersArgs;
use wacost_core::catalog::TierCard;
use wacost_core::money::to_plain_string;
use wacost_core::Catalog;

pub fn run(args: &TiersArgs) -> Result<(), CliError> {
    let catalog = Catalog::builtin();
    let currency = args.card.currency.to_ascii_uppercase();
    // A ladder file may be dated without a card of its own date: `--card` names the file.
    let date = match args.card.effective {
        Some(date) => date,
        None => choose_card(catalog, &args.card)?.id.effective,
    };
    let tiers = catalog
        .tier_cards()
        .iter()
        .find(|t| t.id.currency == currency && t.id.effective == date)
        .ok_or_else(|| {
            let known: Vec<String> = catalog
                .tier_cards()
                .iter()
                .map(|t| t.id.to_string())
                .collect();
            CliError::usage(format!(
                "no {currency} volume-tier file takes effect on {date} (wacost has: {})",
                known.join("; ")
            ))
        })?;
    match args.format {
        DataFormat::Json => print_json(tiers),
        DataFormat::Csv => print!("{}", tiers.bands_csv()),
    }
    Ok(())
}

/// The card's ladders as one JSON document.
fn print_json(tiers: &TierCard) {
    let ladders: Vec<serde_json::Value> = tiers
        .ladders
        .values()
        .map(|ladder| {
            serde_json::json!({
                "market": ladder.market,
                "category": ladder.category,
                "source": ladder.source,
                "bands": ladder.bands.iter().map(|b| serde_json::json!({
                    "tier": b.tier, "from": b.from, "to": b.to,
                    "rate": to_plain_string(b.rate, 0),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let document = serde_json::json!({
        "effective_date": tiers.id.effective, "currency": tiers.id.currency, "ladders": ladders,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&document).unwrap_or_default()
    );
}
