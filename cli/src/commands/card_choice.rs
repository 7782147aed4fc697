//! `--card DATE --currency C` → a card of the catalog, shared by `rates` and `tiers`. The
//! choice and its errors are the core's (`Catalog::choose_card`); this names the option.

use crate::CliError;
use wacost_cli::CardArgs;
use wacost_core::catalog::{CardChoiceError, CardWanted, RateCard};
use wacost_core::Catalog;

/// The card named by `--card` (exact effective date) in `--currency` (default USD), or the card
/// in force today when `--card` is absent.
pub fn choose_card<'a>(catalog: &'a Catalog, args: &CardArgs) -> Result<&'a RateCard, CliError> {
    let currency = args.currency.to_ascii_uppercase();
    let wanted = match args.effective {
        Some(date) => CardWanted::TakesEffect(date),
        None => CardWanted::InForceOn(chrono::Utc::now().date_naive()),
    };
    catalog.choose_card(&currency, wanted).map_err(|error| {
        let option = match &error {
            CardChoiceError::UnknownCurrency { currency, .. } => format!("--currency {currency}: "),
            CardChoiceError::NoCardOnDate { date, .. } => format!("--card {date}: "),
            CardChoiceError::NoCardInForce { .. } => String::new(),
        };
        CliError::usage(format!("{option}{error}"))
    })
}
