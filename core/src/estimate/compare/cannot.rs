//! What the errors of pricing a sheet on a card say the card lacks, and whether another card
//! could do better: a market or a rate the card lacks can be found on another card; a
//! destination the rules refuse (the Mexico test) cannot.

use super::model::{CannotPrice, Cell, Lacks};
use crate::catalog::{CardChoiceError, RateCard};
use crate::scenario::{ErrorKind, FieldError};
use rustc_hash::FxHashSet;

/// The errors sorted: what the card lacks, the destinations the 2021 test refuses, and
/// whether anything else went wrong.
#[derive(Debug, Default)]
pub(super) struct Reading {
    pub lacks: Lacks,
    pub only_mexico: Vec<String>,
    /// A problem no other card can fix.
    pub other: bool,
    /// No card of the currency took effect on the date asked.
    pub no_card: bool,
}

impl Reading {
    /// Whether another card could price the sheet: every problem is the card's.
    pub fn card_only(&self) -> bool {
        !self.other && self.only_mexico.is_empty()
    }
}

/// Adds `item` to `list` once: `seen` holds what the list has, so a sheet of 100,000 lines to
/// as many unknown markets is read in one pass (searching the list for each was quadratic:
/// six minutes for `compare` of such a sheet).
fn push_new<'e, T: Clone + Eq + std::hash::Hash>(
    list: &mut Vec<T>,
    seen: &mut FxHashSet<&'e T>,
    item: &'e T,
) {
    if seen.insert(item) {
        list.push(item.clone());
    }
}

pub(super) fn read(errors: &[FieldError]) -> Reading {
    let mut reading = Reading::default();
    let mut markets = FxHashSet::default();
    let mut categories = FxHashSet::default();
    let mut rates = FxHashSet::default();
    let mut mexico = FxHashSet::default();
    let mut cells = Vec::new();
    for error in errors {
        match &error.kind {
            ErrorKind::MarketNotOnCard { market, .. } => {
                push_new(&mut reading.lacks.markets, &mut markets, market)
            }
            ErrorKind::UnknownMarket { name, .. } => {
                push_new(&mut reading.lacks.markets, &mut markets, name)
            }
            ErrorKind::CategoryNotOnCard { category, .. } => {
                push_new(&mut reading.lacks.categories, &mut categories, category)
            }
            ErrorKind::NoRateForLine {
                market, category, ..
            } => {
                if rates.insert((market, *category)) {
                    cells.push(Cell {
                        market: market.clone(),
                        category: *category,
                    });
                }
            }
            ErrorKind::OnlyMexico { market } => {
                push_new(&mut reading.only_mexico, &mut mexico, market)
            }
            ErrorKind::Card(
                CardChoiceError::NoCardInForce { .. } | CardChoiceError::NoCardOnDate { .. },
            ) => reading.no_card = true,
            _ => reading.other = true,
        }
    }
    reading.lacks.rates = cells;
    reading
}

/// Why a version cannot be priced, from the reading of its card of its time (`card` none when
/// the currency had no card then; `month` the month that card was sought for).
pub(super) fn cannot_price(
    reading: &Reading,
    currency: &str,
    card: Option<&RateCard>,
    month: &str,
) -> CannotPrice {
    if !reading.only_mexico.is_empty() {
        return CannotPrice::OnlyMexico {
            markets: reading.only_mexico.clone(),
        };
    }
    if reading.other {
        return CannotPrice::Other;
    }
    match card {
        Some(card) if !reading.lacks.is_empty() => CannotPrice::CardLacks {
            currency: currency.to_string(),
            card: card.id.effective.to_string(),
            lacks: reading.lacks.clone(),
        },
        Some(_) => CannotPrice::Other,
        None => CannotPrice::NoCard {
            currency: currency.to_string(),
            month: month.to_string(),
        },
    }
}
