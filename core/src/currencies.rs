//! What each of Meta's sixteen billing currencies can price in a month: complete, partial with
//! what it lacks, or no card at all. Read from the small index of cards (`catalog::index`),
//! never from the cards' rates, so the list can be shown before any currency's data is loaded
//! (docs/architecture.md).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::catalog::{CardSummary, BILLING_CURRENCIES};
use crate::category::Category;
use crate::scenario::{Month, NoRulesError, RulesVersion};
use chrono::NaiveDate;
use serde::Serialize;

/// What a currency can price in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The card in force holds every market of every category the month's rules charge.
    Complete,
    /// The card in force lacks markets or categories (`lacking` says which).
    Partial,
    /// No card of the currency was in force on the 1st of the month.
    NoCard,
}

/// A category the month's rules charge, as the card in force holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CategoryStatus {
    pub category: Category,
    /// Markets with this category's rate (0: the card does not print it).
    pub markets: u16,
    pub complete: bool,
}

/// One currency in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurrencyCoverage {
    pub currency: &'static str,
    pub month: Month,
    /// The rules in force in the month.
    pub rules: RulesVersion,
    pub status: Status,
    /// The card in force on the 1st of the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<NaiveDate>,
    /// Markets with at least one rate on that card, and markets of Meta's table of its date.
    pub markets: u16,
    pub table_markets: u16,
    /// Each category the rules charge (authentication-international where the card prints it).
    pub categories: Vec<CategoryStatus>,
    /// The categories of `categories` the card lacks in some market or altogether.
    pub lacking: Vec<Category>,
    /// The currency's latest card held whole, an explicit choice for a partial month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_complete: Option<NaiveDate>,
    /// The currency's first card, when the month is before it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_card: Option<NaiveDate>,
    /// How many cards of the currency this build holds.
    pub cards: usize,
}

/// Every billing currency in Meta's order, with what it can price in `month`, from the index
/// built into this binary.
pub fn currencies(month: Month) -> Result<Vec<CurrencyCoverage>, NoRulesError> {
    currencies_in(crate::card_index(), month)
}

/// `currencies` over a given index.
pub fn currencies_in(
    index: &[CardSummary],
    month: Month,
) -> Result<Vec<CurrencyCoverage>, NoRulesError> {
    let rules = RulesVersion::for_month(month.year, month.month)?;
    let first_day = month.first_day().unwrap_or(NaiveDate::MIN);
    Ok(BILLING_CURRENCIES
        .into_iter()
        .map(|currency| coverage(index, currency, month, rules, first_day))
        .collect())
}

fn coverage(
    index: &[CardSummary],
    currency: &'static str,
    month: Month,
    rules: RulesVersion,
    first_day: NaiveDate,
) -> CurrencyCoverage {
    let cards: Vec<&CardSummary> = index.iter().filter(|c| c.currency == currency).collect();
    let in_force = cards
        .iter()
        .filter(|c| c.effective <= first_day)
        .max_by_key(|c| c.effective);
    let latest_complete = cards.iter().filter(|c| c.whole).map(|c| c.effective).max();
    let mut out = CurrencyCoverage {
        currency,
        month,
        rules,
        status: Status::NoCard,
        card: None,
        markets: 0,
        table_markets: 0,
        categories: Vec::new(),
        lacking: Vec::new(),
        latest_complete,
        first_card: None,
        cards: cards.len(),
    };
    let Some(card) = in_force else {
        out.first_card = cards.iter().map(|c| c.effective).min();
        return out;
    };
    out.card = Some(card.effective);
    out.markets = card.markets;
    out.table_markets = card.table_markets;
    for category in Category::ALL.into_iter().filter(|c| rules.charges(*c)) {
        // Authentication-international exists for some markets only: a card without it
        // prices such messages at the authentication rate (docs/rules.md AI-5).
        if category == Category::AuthenticationInternational && !card.prints(category) {
            continue;
        }
        let summary = card.category(category);
        let complete = card.complete_for(category);
        out.categories.push(CategoryStatus {
            category,
            markets: summary.markets,
            complete,
        });
        if !complete {
            out.lacking.push(category);
        }
    }
    out.status = if out.lacking.is_empty() && card.markets == card.table_markets {
        Status::Complete
    } else {
        Status::Partial
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Month {
        text.parse().unwrap()
    }

    fn of<'a>(list: &'a [CurrencyCoverage], currency: &str) -> &'a CurrencyCoverage {
        list.iter().find(|c| c.currency == currency).unwrap()
    }

    #[test]
    fn all_sixteen_currencies_are_listed_with_what_they_price() {
        let list = currencies(month("2026-11")).unwrap();
        assert_eq!(list.len(), 16);
        assert_eq!(
            list.iter().map(|c| c.currency).collect::<Vec<_>>(),
            BILLING_CURRENCIES
        );
        let usd = of(&list, "USD");
        assert_eq!(
            (
                usd.status,
                usd.card.map(|d| d.to_string()),
                usd.markets,
                usd.table_markets
            ),
            (Status::Complete, Some("2026-10-01".into()), 47, 47)
        );
        let eur = of(&list, "EUR");
        assert_eq!(eur.status, Status::Partial);
        assert_eq!(eur.markets, 2);
        assert_eq!(
            eur.lacking,
            [
                Category::Marketing,
                Category::Utility,
                Category::Authentication,
                Category::Service
            ]
        );
        assert_eq!(
            eur.latest_complete.map(|d| d.to_string()).as_deref(),
            Some("2026-07-01")
        );
        let aud = of(&list, "AUD");
        assert_eq!((aud.status, aud.cards, aud.card), (Status::NoCard, 0, None));
        let gbp = of(&list, "GBP");
        assert_eq!(gbp.status, Status::Partial);
        assert_eq!(
            gbp.categories
                .iter()
                .find(|c| c.category == Category::Service)
                .map(|c| c.markets),
            Some(1)
        );
    }

    #[test]
    fn a_category_the_rules_do_not_charge_does_not_make_a_month_partial() {
        // The 2024-10-01 USD card holds service for 6 markets: partial under cbp-2023-06
        // (October 2024), complete once service is free (cbp-2024-11).
        let october = currencies(month("2024-10")).unwrap();
        let usd = of(&october, "USD");
        assert_eq!(
            (usd.status, usd.lacking.as_slice()),
            (Status::Partial, &[Category::Service][..])
        );
        let december = currencies(month("2024-12")).unwrap();
        let usd = of(&december, "USD");
        assert_eq!(usd.status, Status::Complete);
        assert_eq!(usd.rules, RulesVersion::Cbp2024_11);
        let gbp = of(&december, "GBP");
        assert_eq!(
            (gbp.status, gbp.first_card.map(|d| d.to_string())),
            (Status::NoCard, Some("2026-07-01".into()))
        );
        let july = currencies(month("2026-08")).unwrap();
        assert_eq!(of(&july, "GBP").status, Status::Complete);
        assert_eq!(of(&july, "CLP").status, Status::Partial);
        assert_eq!(of(&july, "CLP").markets, 33);
    }

    #[test]
    fn a_month_before_every_rules_version_has_no_list() {
        assert!(currencies(month("2020-12")).is_err());
    }
}
