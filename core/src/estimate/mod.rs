//! The estimator: a `Scenario` in, an `Estimate` out, under any of Meta's rules versions.
//!
//! Three steps, one module each: `resolve` picks the rules, the card and each line's market;
//! `parts` splits each line's messages into free and chargeable units and shares the month's
//! allowance; `price` prices each market's categories. `insight` then explains the result.

mod compare;
mod insight;
mod model;
mod note;
mod parts;
mod price;
mod resolve;
pub mod split;

pub use compare::{compare, compare_with, treatment};
pub use model::{
    BandEstimate, BspBreakdown, CategoryEstimate, Comparison, Difference, Driver, Estimate, Free,
    MarketEstimate, NextTier, VersionAmount, VersionResult,
};
pub use note::Note;

use crate::catalog::Catalog;
use crate::category::Category;
use crate::money::{Amount, UnitPrice};
use crate::scenario::{PerMessageOn, Scenario, ScenarioErrors};
use price::{Counter, Totals};
use rust_decimal::Decimal;

/// Prices a scenario with the data built into this binary.
pub fn estimate(scenario: &Scenario) -> Result<Estimate, ScenarioErrors> {
    estimate_with(Catalog::builtin(), scenario)
}

/// Prices a scenario with a given catalog (tests, or data loaded at run time).
pub fn estimate_with(catalog: &Catalog, scenario: &Scenario) -> Result<Estimate, ScenarioErrors> {
    scenario.check()?;
    estimate_checked(catalog, scenario, resolve::Choice::default())
}

/// A scenario resolved once (rules, card, each line's market and rates) and priced again with
/// other counts: the budget prices the same sheet with dozens of counts on its last line, and
/// resolving is half of an estimate's time. The scenarios priced must differ from the prepared
/// one in their counts only, each within the limits `Scenario::check` enforces.
pub(crate) struct Prepared<'a> {
    catalog: &'a Catalog,
    resolved: resolve::Resolved<'a>,
}

impl<'a> Prepared<'a> {
    pub(crate) fn new(
        catalog: &'a Catalog,
        scenario: &'a Scenario,
    ) -> Result<Prepared<'a>, ScenarioErrors> {
        scenario.check()?;
        let resolved = resolve::resolve(catalog, scenario, resolve::Choice::default())
            .map_err(ScenarioErrors)?;
        Ok(Prepared { catalog, resolved })
    }

    /// `estimate` of `scenario`, without resolving it again.
    pub(crate) fn estimate(&self, scenario: &Scenario) -> Result<Estimate, ScenarioErrors> {
        estimate_resolved(self.catalog, scenario, &self.resolved, true)
    }
}

// `MarketSums::categories` is indexed by `category as usize`: that must be its place in
// `Category::ALL`, which is also its sort order, so markets list categories as before.
const _: () = {
    let mut i = 0;
    while i < Category::ALL.len() {
        assert!(Category::ALL[i] as usize == i);
        i += 1;
    }
};

/// Authentication and its international rate share one tier counter per market (AI-6). The
/// combined count is priced in a fixed order, domestic messages first and international ones
/// after, so that the same scenario always gives the same bands: the month's real order is not
/// known to an estimate, and this order is the one Meta's own Example 2 follows (a business
/// that becomes eligible mid-month continues the counter at the international rate).
fn estimate_checked(
    catalog: &Catalog,
    scenario: &Scenario,
    choice: resolve::Choice,
) -> Result<Estimate, ScenarioErrors> {
    let resolved = resolve::resolve(catalog, scenario, choice).map_err(ScenarioErrors)?;
    estimate_resolved(catalog, scenario, &resolved, choice.rules.is_none())
}

/// Categories charged somewhere that nothing on the card prices at all: the rules and the card
/// are of different eras (`cbp-2022-02` rules on a 2026 card, which prices by category rather
/// than by initiator). One error per category says so and names the cards that would do,
/// rather than one identical error per line.
fn era_mismatch(
    catalog: &Catalog,
    resolved: &resolve::Resolved,
    parts: &[parts::Part],
) -> Vec<(Category, crate::scenario::FieldError)> {
    let mut charged = [false; Category::ALL.len()];
    for part in parts {
        if part.charged() > 0 {
            charged[part.category as usize] = true;
        }
    }
    let card = &resolved.card.id;
    let unit = if resolved.rules.counts_conversations() {
        "conversations"
    } else {
        "messages"
    };
    Category::ALL
        .into_iter()
        .filter(|&category| {
            charged[category as usize] && !resolved.rates.prices_category(category)
        })
        .map(|category| {
            let dates: Vec<String> = catalog
                .cards()
                .iter()
                .filter(|c| c.id.currency == card.currency && c.has_category(category))
                .map(|c| c.id.effective.to_string())
                .collect();
            let cards = if dates.is_empty() {
                format!("no {} card in this build has them", card.currency)
            } else {
                format!("{} cards that have them: {}", card.currency, dates.join(", "))
            };
            (
                category,
                crate::scenario::FieldError::new(
                    "rate_card",
                    format!(
                        "the {} {} card has no {category} rate for any market, and the {} rules charge {category} {unit}; choose another card with rate_card ({cards}), or add custom_rates",
                        card.currency, card.effective, resolved.rules
                    ),
                ),
            )
        })
        .collect()
}

/// Prices a resolved scenario; `compare` resolves once and prices it under every version.
fn estimate_resolved(
    catalog: &Catalog,
    scenario: &Scenario,
    resolved: &resolve::Resolved,
    rules_from_scenario: bool,
) -> Result<Estimate, ScenarioErrors> {
    let rules = resolved.rules;
    let date = resolved.card.id.effective;
    let business_market = scenario
        .business_country
        .as_ref()
        .and_then(|country| catalog.market_for_country(country, date).ok())
        .map(|found| found.market);
    let international: Vec<bool> = scenario
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let market = resolved.market(index);
            // Every line has a market once resolved; its rates were looked up then.
            let has_rate = resolved
                .line_market
                .get(index)
                .and_then(|&i| resolved.prices.get(i))
                .is_some_and(|prices| prices.rate(Category::AuthenticationInternational).is_some());
            parts::is_international(scenario, line, market, business_market.as_deref(), has_rate)
        })
        .collect();
    let parts = parts::split(scenario, rules, &international);
    let era_errors = era_mismatch(catalog, resolved, &parts);

    struct MarketSums {
        /// Indexed by the category's place in `Category::ALL` (its sort order).
        categories: [Option<Totals>; Category::ALL.len()],
        lines: Vec<usize>,
        countries: Vec<String>,
    }
    // Summed by market index, then put in market-name order so the output does not depend on
    // the order of the lines.
    let mut by_index: Vec<Option<MarketSums>> = (0..resolved.names.len()).map(|_| None).collect();
    for part in &parts {
        let Some(slot) = resolved
            .line_market
            .get(part.line)
            .and_then(|&i| by_index.get_mut(i))
        else {
            continue;
        };
        let sums = slot.get_or_insert_with(|| MarketSums {
            categories: Default::default(),
            lines: Vec::new(),
            countries: Vec::new(),
        });
        if sums.lines.last() != Some(&part.line) {
            sums.lines.push(part.line);
            if let Some(country) = &scenario.lines[part.line].country {
                if !sums.countries.contains(country) {
                    sums.countries.push(country.clone());
                }
            }
        }
        sums.categories[part.category as usize]
            .get_or_insert_with(Totals::default)
            .add(part);
    }

    let mut by_market: Vec<(&str, &resolve::MarketPrices, MarketSums)> = by_index
        .into_iter()
        .zip(&resolved.names)
        .zip(&resolved.prices)
        .filter_map(|((sums, name), prices)| Some((name.as_str(), prices, sums?)))
        .collect();
    by_market.sort_by(|a, b| a.0.cmp(b.0));

    let unpriced_categories: Vec<Category> = era_errors.iter().map(|(c, _)| *c).collect();
    let mut errors: Vec<crate::scenario::FieldError> =
        era_errors.into_iter().map(|(_, e)| e).collect();
    let mut markets = Vec::with_capacity(by_market.len());
    let mut meta_total = Decimal::ZERO;
    let mut notes = insight::Notes::default();
    for (market, prices, mut sums) in by_market {
        sums.countries.sort();
        let charged_of = |category: Category| {
            sums.categories[category as usize]
                .as_ref()
                .map_or(0, |t| t.charged)
        };
        let domestic = charged_of(Category::Authentication);
        let auth_end = domestic + charged_of(Category::AuthenticationInternational);
        let present = sums.categories.iter().filter(|t| t.is_some()).count();
        let mut categories = Vec::with_capacity(present);
        let mut market_amount = Decimal::ZERO;
        let mut delivered = 0;
        for (category, totals) in Category::ALL
            .into_iter()
            .zip(&sums.categories)
            .filter_map(|(category, totals)| Some((category, totals.as_ref()?)))
        {
            let counter = match category {
                Category::Authentication => Counter {
                    first: 1,
                    end: auth_end,
                },
                Category::AuthenticationInternational => Counter {
                    first: domestic + 1,
                    end: auth_end,
                },
                _ => Counter {
                    first: 1,
                    end: totals.charged,
                },
            };
            // Once the estimate fails only further errors matter: the figures are not built.
            let failing = !errors.is_empty();
            let priced = (!failing).then(|| price::price(prices, rules, category, totals, counter));
            let missing = match &priced {
                Some(priced) => priced.missing_rate,
                None => price::lacks_rate(prices, rules, category, totals.charged),
            };
            if missing && !unpriced_categories.contains(&category) {
                // The market's own lines, in order, rather than every part of the scenario:
                // a card without a category fails every market, and parts come in line order.
                let of_market = sums.lines.iter().flat_map(|&line| {
                    let start = parts.partition_point(|p| p.line < line);
                    parts[start..].iter().take_while(move |p| p.line == line)
                });
                let message = price::missing_rate_message(&resolved.rates, rules, market, category);
                for part in of_market.filter(|p| p.category == category && p.charged() > 0) {
                    errors.push(crate::scenario::FieldError {
                        path: price::line_path(part.line),
                        message: message.clone(),
                    });
                }
            }
            let Some(priced) = priced else {
                continue;
            };
            notes.record(market, &priced);
            market_amount += priced.amount;
            delivered += totals.delivered;
            categories.push(priced.output);
        }
        meta_total += market_amount;
        markets.push(MarketEstimate {
            market: market.to_string(),
            countries: sums.countries,
            lines: sums.lines,
            delivered,
            amount: Amount::new(market_amount),
            cost_per_delivered: UnitPrice::per_unit(market_amount, delivered),
            categories,
        });
    }
    if !errors.is_empty() {
        return Err(ScenarioErrors(errors));
    }

    let bsp = &scenario.bsp;
    let charged: u64 = markets
        .iter()
        .flat_map(|m| &m.categories)
        .map(|c| c.charged)
        .sum();
    let delivered: u64 = markets.iter().map(|m| m.delivered).sum();
    let per_message_units = match bsp.per_message_on {
        PerMessageOn::Charged => charged,
        PerMessageOn::Delivered => delivered,
    };
    let per_message = bsp.per_message * Decimal::from(per_message_units);
    let markup = bsp.markup * meta_total;
    let per_number = bsp.per_number * Decimal::from(scenario.phone_numbers);
    let bsp_fees = per_message + markup + bsp.monthly + per_number;

    let mut estimate = Estimate {
        rules,
        rate_card: date.to_string(),
        currency: resolved.card.id.currency.clone(),
        month: resolved.month.map(|m| m.to_string()),
        unit: if rules.counts_conversations() {
            "conversations"
        } else {
            "messages"
        }
        .into(),
        markets,
        meta_total: Amount::new(meta_total),
        bsp_fees: Amount::new(bsp_fees),
        bsp: BspBreakdown {
            per_message: Amount::new(per_message),
            markup: Amount::new(markup),
            monthly: Amount::new(bsp.monthly),
            per_number: Amount::new(per_number),
        },
        total: Amount::new(meta_total + bsp_fees),
        custom: false,
        main_driver: None,
        warnings: Vec::new(),
        notes: Vec::new(),
    };
    insight::explain(
        catalog,
        scenario,
        resolved,
        &notes,
        meta_total,
        rules_from_scenario,
        &mut estimate,
    );
    Ok(estimate)
}
