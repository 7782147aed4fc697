//! `--card DATE --currency C` → a card of the catalog, shared by `rates` and `tiers`.

use crate::CliError;
use wacost_cli::CardArgs;
use wacost_core::catalog::RateCard;
use wacost_core::Catalog;

/// The card named by `--card` (exact effective date) in `--currency` (default USD), or the card
/// in force today when `--card` is absent.
pub fn choose_card<'a>(catalog: &'a Catalog, args: &CardArgs) -> Result<&'a RateCard, CliError> {
    let currency = args.currency.to_ascii_uppercase();
    if !wacost_core::catalog::BILLING_CURRENCIES.contains(&currency.as_str()) {
        return Err(CliError::usage(format!(
            "--currency `{currency}` is not one of Meta's billing currencies ({})",
            wacost_core::catalog::BILLING_CURRENCIES.join(", ")
        )));
    }
    let available = || {
        let dates: Vec<String> = catalog
            .cards()
            .iter()
            .filter(|c| c.id.currency == currency)
            .map(|c| c.id.effective.to_string())
            .collect();
        if dates.is_empty() {
            format!("wacost has no {currency} card at all")
        } else {
            format!("{currency} cards: {}", dates.join(", "))
        }
    };
    match args.effective {
        Some(date) => catalog.card(&currency, date).ok_or_else(|| {
            CliError::usage(format!(
                "--card {date}: no {currency} card takes effect on that date ({})",
                available()
            ))
        }),
        None => {
            let today = chrono::Utc::now().date_naive();
            catalog.card_in_force(&currency, today).ok_or_else(|| {
                CliError::usage(format!(
                    "no {currency} card is in force today ({})",
                    available()
                ))
            })
        }
    }
}
