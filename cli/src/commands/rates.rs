//! `wacost rates`: a whole rate card as CSV (`effective_date,currency,market,category,rate`) or JSON.

use crate::commands::card_choice::choose_card;
use crate::CliError;
use wacost_cli::values::DataFormat;
use wacost_cli::RatesArgs;
use wacost_core::csv;
use wacost_core::money::to_plain_string;
use wacost_core::Catalog;

pub fn run(args: &RatesArgs) -> Result<(), CliError> {
    let catalog = Catalog::builtin();
    let card = choose_card(catalog, &args.card)?;
    let info = catalog.card_info(card);
    if !info.complete {
        eprintln!(
            "wacost rates: note: the {} card is partial in wacost's data: {} market(s) missing{}",
            card.id,
            info.missing_markets.len(),
            if info.missing_markets.is_empty() {
                String::new()
            } else {
                format!(" ({})", info.missing_markets.join(", "))
            }
        );
    }
    match args.format {
        DataFormat::Json => {
            let rows: Vec<serde_json::Value> = card
                .rates
                .iter()
                .map(|((market, category), rate)| {
                    serde_json::json!({
                        "effective_date": card.id.effective,
                        "currency": card.id.currency,
                        "market": market,
                        "category": category,
                        "rate": to_plain_string(rate.rate, 0),
                        "printed": rate.printed,
                        "date_basis": rate.date_basis,
                        "source": rate.source,
                    })
                })
                .collect();
            let document = serde_json::json!({
                "card": { "effective_date": card.id.effective, "currency": card.id.currency,
                          "complete": info.complete, "missing_markets": info.missing_markets },
                "rates": rows,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            );
        }
        DataFormat::Csv => {
            print!(
                "{}",
                csv::record(["effective_date", "currency", "market", "category", "rate"])
            );
            let effective = card.id.effective.to_string();
            for ((market, category), rate) in &card.rates {
                print!(
                    "{}",
                    csv::record([
                        effective.as_str(),
                        &card.id.currency,
                        market,
                        category.as_str(),
                        &rate.printed,
                    ])
                );
            }
        }
    }
    Ok(())
}
