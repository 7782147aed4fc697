//! The data of this program: the files under `core/data/` built in (every card with the
//! `embedded-cards` feature, else only the market tables), plus the currencies' bundles a
//! surface added at run time (`add_currency_data`). Kept apart from `catalog` because
//! `build.rs` compiles that module itself.

use crate::catalog::{CardSummary, Catalog, DataError};
use std::sync::RwLock;

/// The catalog every estimate reads. A catalog is replaced, never changed, when a currency is
/// added; the one replaced is leaked, since a reference to it may still be held. That is at
/// most one small catalog per billing currency (sixteen) for the life of the program.
static CURRENT: RwLock<Option<&'static Catalog>> = RwLock::new(None);

impl Catalog {
    /// The data built into this binary and added since (`add_currency_data`). `build.rs` has
    /// already parsed and validated the built-in files, so loading them cannot fail.
    pub fn builtin() -> &'static Catalog {
        if let Some(catalog) = *CURRENT.read().unwrap_or_else(|e| e.into_inner()) {
            return catalog;
        }
        let mut current = CURRENT.write().unwrap_or_else(|e| e.into_inner());
        current.get_or_insert_with(|| {
            let built_in = Catalog::from_prechecked_files(
                embedded::RATE_FILES,
                embedded::TIER_FILES,
                embedded::MARKET_FILES,
            )
            // Unreachable: build.rs rejects the build for the same errors. Were it reached,
            // an empty catalog makes every estimate say there is no card, rather than crash.
            .unwrap_or_else(|_| Catalog::empty());
            Box::leak(Box::new(built_in))
        })
    }
}

/// Adds one currency's bundle (the file `currency_data_file` names, fetched by the surface)
/// to `Catalog::builtin()`, checked as the build checks the files. `Ok(false)`: the currency
/// was already there and nothing changed. A corrupt or wrong file changes nothing and every
/// problem names the bundle, the file in it and the line.
pub fn add_currency_data(
    currency: &str,
    bundle_name: &str,
    text: &str,
) -> Result<bool, Vec<DataError>> {
    let current = Catalog::builtin();
    if current.holds_currency(currency) {
        return Ok(false);
    }
    let added = current.with_currency_data(currency, bundle_name, text)?;
    let mut slot = CURRENT.write().unwrap_or_else(|e| e.into_inner());
    // Another thread may have added a currency meanwhile: add to what is there now.
    let base = slot.unwrap_or(current);
    let added = if std::ptr::eq(base, current) {
        added
    } else if base.holds_currency(currency) {
        return Ok(false);
    } else {
        base.with_currency_data(currency, bundle_name, text)?
    };
    *slot = Some(Box::leak(Box::new(added)));
    Ok(true)
}

/// Whether `Catalog::builtin()` holds the cards of `currency` now.
pub fn has_currency_data(currency: &str) -> bool {
    Catalog::builtin().holds_currency(currency)
}

/// The content-hashed name of the bundle of `currency` (for example
/// `wacost-data-USD-3f2a….csv`), which the site serves beside the wasm; `None` for a
/// currency without a card.
pub fn currency_data_file(currency: &str) -> Option<&'static str> {
    embedded::CURRENCY_DATA
        .iter()
        .find(|(c, _)| *c == currency)
        .map(|(_, file)| *file)
}

/// Every currency with a card and the name of its bundle, in Meta's order.
pub fn currency_data_files() -> &'static [(&'static str, &'static str)] {
    embedded::CURRENCY_DATA
}

/// The summary of every card of every currency (`catalog::index`), built in whether or not
/// the cards themselves are.
pub fn card_index() -> &'static [CardSummary] {
    embedded::CARD_INDEX
}

mod embedded {
    use crate::catalog::{CardSummary, CategorySummary};
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

#[cfg(all(test, feature = "embedded-cards"))]
mod tests {
    use super::*;

    fn bundle_of(currency: &str) -> String {
        let catalog = Catalog::builtin();
        let files: Vec<(&str, &str)> = catalog
            .currency_files(currency)
            .into_iter()
            .map(|name| {
                let text = embedded::RATE_FILES
                    .iter()
                    .chain(embedded::TIER_FILES)
                    .find(|(n, _)| *n == name)
                    .map(|(_, t)| *t)
                    .unwrap();
                (name, text)
            })
            .collect();
        crate::catalog::bundle::bundle(&files)
    }

    fn markets_only() -> Catalog {
        Catalog::from_files(&[], &[], embedded::MARKET_FILES).unwrap()
    }

    #[test]
    fn a_currency_bundle_gives_the_same_cards_as_the_built_in_ones() {
        let text = bundle_of("EUR");
        let added = markets_only()
            .with_currency_data("EUR", "wacost-data-EUR.csv", &text)
            .unwrap();
        let builtin = Catalog::builtin();
        let eur: Vec<_> = builtin
            .cards()
            .iter()
            .filter(|c| c.id.currency == "EUR")
            .map(|c| (&c.id, c.rates.len(), &c.file))
            .collect();
        let loaded: Vec<_> = added
            .cards()
            .iter()
            .map(|c| (&c.id, c.rates.len(), &c.file))
            .collect();
        assert_eq!(loaded, eur);
        assert_eq!(eur.len(), 4);
        assert_eq!(added.currencies(), vec!["EUR"]);
        let usd = bundle_of("USD");
        let both = added
            .with_currency_data("USD", "wacost-data-USD.csv", &usd)
            .unwrap();
        assert_eq!(both.currencies(), vec!["USD", "EUR"]);
        assert_eq!(
            both.tier_cards().len(),
            builtin
                .tier_cards()
                .iter()
                .filter(|t| t.id.currency == "USD")
                .count()
        );
    }

    #[test]
    fn a_wrong_or_corrupt_bundle_is_refused_whole_naming_the_file_and_line() {
        let catalog = markets_only();
        let usd = bundle_of("USD");
        let errors = catalog
            .with_currency_data("EUR", "wacost-data-EUR.csv", &usd)
            .unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "wacost-data-EUR.csv: rates/2021-02-01_USD.partial.csv: holds a card of USD, not of EUR"
        );
        let eur = bundle_of("EUR");
        let broken = eur.replacen(",0.", ",zero.", 1);
        let errors = catalog
            .with_currency_data("EUR", "wacost-data-EUR.csv", &broken)
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .to_string()
                .starts_with("wacost-data-EUR.csv: rates/2022-02-01_EUR.partial.csv:"),
            "{}",
            errors[0]
        );
        let twice = catalog
            .with_currency_data("EUR", "a.csv", &eur)
            .unwrap()
            .with_currency_data("EUR", "b.csv", &eur)
            .unwrap_err();
        assert_eq!(
            twice[0].to_string(),
            "b.csv: rates/2022-02-01_EUR.partial.csv: EUR 2022-02-01 is already loaded"
        );
        // An HTML page served in place of the file (a wrong path on the host).
        let errors = catalog
            .with_currency_data("EUR", "wacost-data-EUR.csv", "<!doctype html>\n")
            .unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "wacost-data-EUR.csv:1: expected `--- file: <path>` before the data"
        );
    }

    #[test]
    fn every_currency_with_a_card_has_a_bundle_name() {
        let names = currency_data_files();
        assert_eq!(
            names.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            Catalog::builtin().currencies()
        );
        let usd = currency_data_file("USD").unwrap();
        assert!(
            usd.starts_with("wacost-data-USD-") && usd.ends_with(".csv"),
            "{usd}"
        );
        assert_eq!(currency_data_file("SGD"), None);
        assert_eq!(add_currency_data("USD", "x.csv", "not read"), Ok(false));
    }
}
