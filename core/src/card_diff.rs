//! What changed between two cards of one currency: per market and category the old and the new
//! rate and the change (exact, in the currency and in percent), the markets Meta added, removed
//! or split between the market tables of the two dates, and, given a scenario, what the change
//! does to its bill (the same rules priced on both cards). Cards of two currencies are never
//! compared: their rates are in different money.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::catalog::{CardChoiceError, CardWanted, Catalog, RateCard};
use crate::category::Category;
use crate::estimate::{self, EffectReason, Estimate};
use crate::money::{exact_diff, Amount, UnitPrice};
use crate::scenario::{RulesVersion, Scenario, ScenarioErrors};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};
use std::fmt;

/// A change in percent, kept exact to `Decimal`'s 28 digits; rounded only when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(pub Decimal);

impl Percent {
    /// The value rounded half away from zero to `decimals` places, for display.
    pub fn rounded(self, decimals: u32) -> Decimal {
        self.0
            .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
    }
}

impl fmt::Display for Percent {
    /// One decimal and a sign: `+10.3%`, `-5.0%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = self.rounded(1);
        shown.rescale(1);
        let sign = if shown.is_sign_negative() { "" } else { "+" };
        write!(f, "{sign}{shown}%")
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.normalize())
    }
}

/// How a market's rate of a category moved from one card to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateStatus {
    Same,
    Changed,
    /// Only the new card has it (a new market or category, or a rate our data lacks on the
    /// old card).
    OnlyNew,
    /// Only the old card has it.
    OnlyOld,
}

/// One market and category on either card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateDiff {
    pub market: String,
    pub category: Category,
    pub status: RateStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<UnitPrice>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<UnitPrice>,
    /// `new − old`, exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<UnitPrice>,
    /// `(new − old) / old × 100`; none when either is missing or the old rate is 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Percent>,
}

/// A country whose market differs between the market tables of the two cards' dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryMove {
    pub iso2: String,
    pub country: String,
    pub from: String,
    pub to: String,
}

/// A market of the new table that is not in the old one, and the old markets its countries
/// came from: a split when it took countries from a regional market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarketAdded {
    pub market: String,
    pub from: Vec<String>,
}

/// The scenario priced with the same rules on both cards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffEffect {
    pub rules: RulesVersion,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_total: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_total: Option<Amount>,
    /// `new_total − old_total`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Amount>,
    /// Per category, what the new card's rates do (they add up to `change`).
    pub reasons: Vec<EffectReason>,
    /// Why the scenario cannot be priced on the old card (one line per problem).
    pub old_errors: Vec<String>,
    pub new_errors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardDiff {
    pub currency: String,
    pub old_card: String,
    pub new_card: String,
    /// The market tables in force on the two dates.
    pub old_table: String,
    pub new_table: String,
    /// Every market and category on either card, by market then category.
    pub rates: Vec<RateDiff>,
    /// In the order of the new market table.
    pub markets_added: Vec<MarketAdded>,
    pub markets_removed: Vec<String>,
    /// In the order of the new market table's countries.
    pub moves: Vec<CountryMove>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<DiffEffect>,
}

impl CardDiff {
    /// The rows that are not the same on both cards.
    pub fn changed(&self) -> impl Iterator<Item = &RateDiff> {
        self.rates.iter().filter(|r| r.status != RateStatus::Same)
    }
}

/// Why two cards cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    /// One of the two cards does not exist (`which` is `old` or `new`).
    Card {
        which: &'static str,
        error: CardChoiceError,
    },
    /// The scenario to price on both cards is not valid.
    Scenario(ScenarioErrors),
    /// The scenario bills in another currency than the cards': its own rates would be mixed
    /// with theirs.
    Currency { scenario: String, cards: String },
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::Card { which, error } => write!(f, "{which} card: {error}"),
            DiffError::Scenario(errors) => write!(f, "{errors}"),
            DiffError::Currency { scenario, cards } => write!(
                f,
                "the scenario bills in {scenario} and the cards compared are {cards} cards (wacost never converts between currencies)"
            ),
        }
    }
}

impl std::error::Error for DiffError {}

/// What changed from the `currency` card of `old` to the one of `new` in the data built into
/// this binary; with a scenario, its bill on both.
pub fn card_diff(
    currency: &str,
    old: chrono::NaiveDate,
    new: chrono::NaiveDate,
    scenario: Option<&Scenario>,
) -> Result<CardDiff, DiffError> {
    card_diff_with(Catalog::builtin(), currency, old, new, scenario)
}

pub fn card_diff_with(
    catalog: &Catalog,
    currency: &str,
    old: chrono::NaiveDate,
    new: chrono::NaiveDate,
    scenario: Option<&Scenario>,
) -> Result<CardDiff, DiffError> {
    let pick = |which: &'static str, date| {
        catalog
            .choose_card(currency, CardWanted::TakesEffect(date))
            .map_err(|error| DiffError::Card { which, error })
    };
    let (old_card, new_card) = (pick("old", old)?, pick("new", new)?);
    let (old_table, new_table) = (
        catalog.market_table_on(old_card.id.effective),
        catalog.market_table_on(new_card.id.effective),
    );
    let (old_markets, new_markets) = (old_table.markets(), new_table.markets());
    let mut moves = Vec::new();
    for row in &new_table.rows {
        if let Some(before) = old_table.rows.iter().find(|r| r.iso2 == row.iso2) {
            if before.market != row.market {
                moves.push(CountryMove {
                    iso2: row.iso2.clone(),
                    country: row.country.clone(),
                    from: before.market.clone(),
                    to: row.market.clone(),
                });
            }
        }
    }
    let markets_added: Vec<MarketAdded> = new_markets
        .iter()
        .filter(|m| !old_markets.contains(m))
        .map(|market| {
            let mut from: Vec<String> = moves
                .iter()
                .filter(|m| &m.to == market)
                .map(|m| m.from.clone())
                .collect();
            from.sort_unstable();
            from.dedup();
            MarketAdded {
                market: market.clone(),
                from,
            }
        })
        .collect();
    let mut markets_removed: Vec<String> = old_markets
        .iter()
        .filter(|m| !new_markets.contains(m))
        .cloned()
        .collect();
    markets_removed.sort_unstable();
    let effect = match scenario {
        Some(scenario) => Some(effect(catalog, scenario, old_card, new_card)?),
        None => None,
    };
    Ok(CardDiff {
        currency: currency.to_string(),
        old_card: old_card.id.effective.to_string(),
        new_card: new_card.id.effective.to_string(),
        old_table: old_table.effective.to_string(),
        new_table: new_table.effective.to_string(),
        rates: rate_diffs(old_card, new_card),
        markets_added,
        markets_removed,
        moves,
        effect,
    })
}

/// Every market and category of either card: the two cards' rates, both in (market, category)
/// order, walked together.
fn rate_diffs(old: &RateCard, new: &RateCard) -> Vec<RateDiff> {
    let (mut olds, mut news) = (old.rates.iter().peekable(), new.rates.iter().peekable());
    let mut out = Vec::with_capacity(old.rates.len().max(new.rates.len()));
    loop {
        let (key, o, n) = match (olds.peek(), news.peek()) {
            (None, None) => break,
            (Some(&(k, r)), None) => {
                olds.next();
                (k, Some(r.rate), None)
            }
            (None, Some(&(k, r))) => {
                news.next();
                (k, None, Some(r.rate))
            }
            (Some(&(ko, ro)), Some(&(kn, rn))) => match ko.cmp(kn) {
                std::cmp::Ordering::Less => {
                    olds.next();
                    (ko, Some(ro.rate), None)
                }
                std::cmp::Ordering::Greater => {
                    news.next();
                    (kn, None, Some(rn.rate))
                }
                std::cmp::Ordering::Equal => {
                    olds.next();
                    news.next();
                    (ko, Some(ro.rate), Some(rn.rate))
                }
            },
        };
        out.push(rate_diff(&key.0, key.1, o, n));
    }
    out
}

fn rate_diff(market: &str, category: Category, o: Option<Decimal>, n: Option<Decimal>) -> RateDiff {
    let (status, change, percent) = match (o, n) {
        (Some(o), Some(n)) => {
            let status = if o == n {
                RateStatus::Same
            } else {
                RateStatus::Changed
            };
            // Multiplied before dividing, so the one rounding is the division's.
            let percent = (!o.is_zero())
                .then(|| (n - o).checked_mul(Decimal::ONE_HUNDRED))
                .flatten()
                .and_then(|hundredfold| hundredfold.checked_div(o))
                .map(Percent);
            (status, Some(UnitPrice::new(n - o)), percent)
        }
        (None, Some(_)) => (RateStatus::OnlyNew, None, None),
        (Some(_), None) => (RateStatus::OnlyOld, None, None),
        (None, None) => (RateStatus::Same, None, None),
    };
    RateDiff {
        market: market.to_string(),
        category,
        status,
        old: o.map(UnitPrice::new),
        new: n.map(UnitPrice::new),
        change,
        percent,
    }
}

/// The scenario priced on both cards with the same rules: the scenario's, else the month's,
/// else the rules in force on the new card's date.
fn effect(
    catalog: &Catalog,
    scenario: &Scenario,
    old: &RateCard,
    new: &RateCard,
) -> Result<DiffEffect, DiffError> {
    scenario.check().map_err(DiffError::Scenario)?;
    if scenario.currency != new.id.currency {
        return Err(DiffError::Currency {
            scenario: scenario.currency.clone(),
            cards: new.id.currency.clone(),
        });
    }
    let rules = scenario
        .rules
        .or_else(|| {
            scenario
                .month
                .and_then(|m| RulesVersion::for_month(m.year, m.month).ok())
        })
        .or_else(|| RulesVersion::on(new.id.effective))
        .unwrap_or(RulesVersion::Pmp2026_10);
    let on = |card: &RateCard| -> Result<Estimate, ScenarioErrors> {
        let mut priced = scenario.clone();
        priced.rules = Some(rules);
        priced.rate_card = Some(card.id.effective);
        estimate::estimate_with(catalog, &priced)
    };
    let (before, after) = (on(old), on(new));
    let errors = |r: &Result<Estimate, ScenarioErrors>| {
        r.as_ref()
            .err()
            .map(|e| e.grouped_lines())
            .unwrap_or_default()
    };
    let (old_errors, new_errors) = (errors(&before), errors(&after));
    let total = |r: &Result<Estimate, ScenarioErrors>| r.as_ref().ok().map(|e| e.total);
    let (old_total, new_total) = (total(&before), total(&after));
    let (change, reasons) = match (&before, &after) {
        // The change and its reasons exactly, or not told (never rounded).
        (Ok(b), Ok(a)) => match (
            exact_diff(a.total.value(), b.total.value()),
            estimate::rate_reasons(b, a),
        ) {
            (Some(change), Some(reasons)) => (Some(Amount::new(change)), reasons),
            _ => (None, Vec::new()),
        },
        _ => (None, Vec::new()),
    };
    Ok(DiffEffect {
        rules,
        old_total,
        new_total,
        change,
        reasons,
        old_errors,
        new_errors,
    })
}
