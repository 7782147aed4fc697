//! Which card prices a currency on a date: the estimator, the command line's `rates` and
//! `tiers`, and the JavaScript package's `rates` all choose through here, so they agree on the
//! card and on what they say when there is none.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use super::{Catalog, RateCard};
use chrono::NaiveDate;
use std::fmt;

/// How the card is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardWanted {
    /// The card that takes effect on exactly this date.
    TakesEffect(NaiveDate),
    /// The latest card that took effect on or before this date.
    InForceOn(NaiveDate),
}

/// Why no card was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CardChoiceError {
    /// No card at all in this currency; `known` are the currencies that have one.
    UnknownCurrency {
        currency: String,
        known: Vec<String>,
    },
    /// No card of the currency takes effect on `date`; `dates` are the dates that have one.
    NoCardOnDate {
        currency: String,
        date: NaiveDate,
        dates: Vec<NaiveDate>,
    },
    /// Every card of the currency took effect after `date`.
    NoCardInForce { currency: String, date: NaiveDate },
}

impl CardChoiceError {
    pub fn tag(&self) -> &'static str {
        match self {
            CardChoiceError::UnknownCurrency { .. } => "unknown_currency",
            CardChoiceError::NoCardOnDate { .. } => "no_card_on_date",
            CardChoiceError::NoCardInForce { .. } => "no_card_in_force",
        }
    }
}

impl fmt::Display for CardChoiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardChoiceError::UnknownCurrency { currency, known } => write!(
                f,
                "no rate card in {currency} in this build (Meta publishes a card per currency and we never convert; cards exist for {})",
                known.join(", ")
            ),
            CardChoiceError::NoCardOnDate {
                currency,
                date,
                dates,
            } => {
                write!(
                    f,
                    "no {currency} card takes effect on {date} (the {currency} cards in this build take effect on "
                )?;
                for (at, date) in dates.iter().enumerate() {
                    if at > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{date}")?;
                }
                f.write_str(")")
            }
            CardChoiceError::NoCardInForce { currency, date } => {
                write!(f, "no {currency} card was in force on {date}")
            }
        }
    }
}

impl std::error::Error for CardChoiceError {}

impl Catalog {
    /// The currency's cards exist, or the error naming the currencies that have some.
    pub fn has_currency(&self, currency: &str) -> Result<(), CardChoiceError> {
        if self.cards.iter().any(|card| card.id.currency == currency) {
            Ok(())
        } else {
            Err(CardChoiceError::UnknownCurrency {
                currency: currency.to_string(),
                known: self.currencies().into_iter().map(String::from).collect(),
            })
        }
    }

    /// The card of `currency` asked for, or why there is none.
    pub fn choose_card(
        &self,
        currency: &str,
        wanted: CardWanted,
    ) -> Result<&RateCard, CardChoiceError> {
        self.has_currency(currency)?;
        match wanted {
            CardWanted::TakesEffect(date) => {
                self.card(currency, date)
                    .ok_or_else(|| CardChoiceError::NoCardOnDate {
                        currency: currency.to_string(),
                        date,
                        dates: self
                            .cards
                            .iter()
                            .filter(|c| c.id.currency == currency)
                            .map(|c| c.id.effective)
                            .collect(),
                    })
            }
            CardWanted::InForceOn(date) => {
                self.card_in_force(currency, date)
                    .ok_or_else(|| CardChoiceError::NoCardInForce {
                        currency: currency.to_string(),
                        date,
                    })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_card_is_chosen_by_its_date_or_as_the_one_in_force() {
        let catalog = Catalog::builtin();
        let card = catalog
            .choose_card("USD", CardWanted::TakesEffect(day(2026, 10, 1)))
            .unwrap();
        assert_eq!(card.id.to_string(), "USD 2026-10-01");
        let card = catalog
            .choose_card("USD", CardWanted::InForceOn(day(2026, 11, 22)))
            .unwrap();
        assert_eq!(card.id.effective, day(2026, 10, 1));
    }

    #[test]
    fn each_failure_carries_what_its_sentence_needs() {
        let catalog = Catalog::builtin();
        let Err(CardChoiceError::UnknownCurrency { currency, known }) =
            catalog.choose_card("AUD", CardWanted::InForceOn(day(2026, 11, 1)))
        else {
            panic!("AUD has no card");
        };
        assert_eq!(currency, "AUD");
        assert_eq!(known[0], "USD");
        assert!(known.contains(&"GBP".to_string()), "{known:?}");
        let error = catalog
            .choose_card("INR", CardWanted::TakesEffect(day(2026, 10, 2)))
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "no INR card takes effect on 2026-10-02 (the INR cards in this build take effect on 2025-04-01, 2025-10-01, 2026-01-01, 2026-04-01, 2026-07-01, 2026-10-01)"
        );
        let error = catalog
            .choose_card("INR", CardWanted::InForceOn(day(2021, 6, 1)))
            .unwrap_err();
        assert_eq!(
            error,
            CardChoiceError::NoCardInForce {
                currency: "INR".into(),
                date: day(2021, 6, 1)
            }
        );
        assert_eq!(error.to_string(), "no INR card was in force on 2021-06-01");
    }
}
