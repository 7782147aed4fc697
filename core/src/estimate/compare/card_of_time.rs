//! The card of a model's time: the card `wacost estimate` would use in the model's last month
//! (or in the chosen month, for the month's own model; the latest card, for a model still in
//! force that starts after the month), and the cards to fall back on when it cannot price the sheet: the latest card
//! in force during the model, then the latest complete card of the currency. Never a card of
//! another currency.

use super::model::CardReason;
use crate::catalog::{Catalog, RateCard};
use crate::scenario::{Month, RulesVersion};
use chrono::NaiveDate;

/// Where the comparison stands in time.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    pub month: Option<Month>,
    /// The 1st of the month, or the chosen card's date when the scenario has no month.
    pub date: NaiveDate,
    /// The card the scenario chose for the month.
    pub chosen: Option<NaiveDate>,
    /// The month's own model.
    pub current: RulesVersion,
}

/// The card of a model's time, why, and the span of dates whose cards were in force during the
/// model (from the card in force on its first day to its last day).
pub(super) struct OfItsTime<'c> {
    pub card: Option<&'c RateCard>,
    pub reason: CardReason,
    /// The month the card was sought for, `YYYY-MM`.
    pub month: String,
    /// Cards that took effect from `since` to `until` were in force during the model.
    pub since: NaiveDate,
    pub until: NaiveDate,
}

pub(super) fn card_of_its_time<'c>(
    catalog: &'c Catalog,
    currency: &str,
    rules: RulesVersion,
    anchor: &Anchor,
) -> OfItsTime<'c> {
    let first = rules.first_day();
    let (day, reason, card) = if rules == anchor.current {
        let card = match anchor.chosen {
            Some(chosen) => catalog.card(currency, chosen),
            None => catalog.card_in_force(currency, anchor.date),
        };
        let reason = CardReason::OfTheMonth {
            month: anchor.month.map(|m| m.to_string()),
            chosen: anchor.chosen.is_some(),
        };
        let day = anchor.chosen.map_or(anchor.date, |c| c.max(anchor.date));
        (day, reason, card)
    } else if let Some(last) = rules.last_day() {
        let last = Month::of(last).first_day().unwrap_or(first);
        let reason = CardReason::LastMonth {
            month: Month::of(last).to_string(),
        };
        (last, reason, catalog.card_in_force(currency, last))
    } else {
        // A model still in force that starts after the month: its latest card so far.
        let card = catalog.card_in_force(currency, NaiveDate::MAX);
        let day = card.map_or(first, |c| c.id.effective.max(first));
        (day, CardReason::StillInForce, card)
    };
    let since = catalog
        .card_in_force(currency, first)
        .map_or(first, |c| c.id.effective);
    OfItsTime {
        card,
        reason,
        month: Month::of(day).to_string(),
        since,
        until: rules.last_day().unwrap_or(NaiveDate::MAX),
    }
}

/// The cards in force during the model, latest first, but the card of its time itself. The
/// catalog keeps its cards in date order, so no sort is needed.
pub(super) fn during_model<'c>(
    catalog: &'c Catalog,
    currency: &str,
    of_its_time: &OfItsTime,
) -> Vec<&'c RateCard> {
    catalog
        .cards()
        .iter()
        .rev()
        .filter(|c| c.id.currency == currency)
        .filter(|c| (of_its_time.since..=of_its_time.until).contains(&c.id.effective))
        .filter(|c| of_its_time.card.is_none_or(|own| own.id != c.id))
        .collect()
}

/// The currency's complete cards (held whole), latest first.
pub(super) fn complete_cards<'c>(catalog: &'c Catalog, currency: &str) -> Vec<&'c RateCard> {
    catalog
        .cards()
        .iter()
        .rev()
        .filter(|c| c.id.currency == currency && c.declared_complete())
        .collect()
}
