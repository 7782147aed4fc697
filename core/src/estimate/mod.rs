//! The estimator: a `Scenario` in, an `Estimate` out, under any of Meta's rules versions.
//!
//! Three steps, one module each: `resolve` picks the rules, the card and each line's market;
//! `parts` splits each line's messages into free and chargeable units and shares the month's
//! allowance; `price` prices each market's categories. `insight` then explains the result.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod compare;
mod insight;
mod ladder;
mod model;
mod note;
mod parts;
mod price;
mod pricing_note;
mod rates;
mod resolve;
pub mod split;

pub use compare::model::{
    Answer, AnswerSide, CannotPrice, CardEffect, CardReason, CardsFor, Cell, EffectReason, Lacks,
    ParseCardsForError, RateMove, RuleChange, RuleEffect, Unanswered, VersionDifference,
};
pub(crate) use compare::rate_reasons;
pub use compare::{compare, compare_cards, compare_with, treatment};

pub use ladder::{LadderBand, NextBand, TierLadder};
pub use model::{
    BandEstimate, BspBreakdown, CategoryEstimate, Comparison, Difference, Driver, Estimate, Free,
    MarketEstimate, NextTier, VersionAmount, VersionResult,
};
pub use note::Note;
pub use pricing_note::PricingNote;

use crate::catalog::Catalog;
use crate::category::Category;
use crate::money::{self, Amount, UnitPrice};
use crate::scenario::{
    Bsp, ErrorKind, FieldError, FieldPath, PerMessageOn, RulesVersion, Scenario, ScenarioErrors,
    Setting,
};
use parts::Split;
use price::{Counter, Totals};
use rates::MarketPrices;
use resolve::Resolved;
use rust_decimal::Decimal;

/// Prices a scenario with the data built into this binary.
pub fn estimate(scenario: &Scenario) -> Result<Estimate, ScenarioErrors> {
    estimate_with(Catalog::builtin(), scenario)
}

/// Prices a scenario with a given catalog (tests, or data loaded at run time).
pub fn estimate_with(catalog: &Catalog, scenario: &Scenario) -> Result<Estimate, ScenarioErrors> {
    scenario.check()?;
    estimate_checked(catalog, scenario, resolve::Choice::default())
        .map_err(|errors| ScenarioErrors::capped(errors.0))
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
        let rules = self.resolved.rules;
        estimate_resolved(self.catalog, scenario, &self.resolved, rules, true)
            .map_err(|errors| ScenarioErrors::capped(errors.0))
    }
}

/// One part of the month's shared free allowance, as the estimator splits the lines.
pub(crate) struct PooledPart {
    pub line: usize,
    pub category: Category,
    pub eligible: u64,
}

/// The month's shared allowance and the parts that draw on it, in the order the
/// largest-remainder split ranks ties: the budget bounds how far one more message can move free
/// units between them. (Which authentication is international does not change a pooled part.)
pub(crate) fn pool(
    scenario: &Scenario,
    rules: crate::scenario::RulesVersion,
) -> (u64, Vec<PooledPart>) {
    let international = vec![false; scenario.lines.len()];
    let split = Split::new(scenario, rules, &international);
    let parts = (0..scenario.lines.len())
        .flat_map(|line| {
            split
                .line(line)
                .into_iter()
                .filter(|part| part.in_pool)
                .map(move |part| PooledPart {
                    line,
                    category: part.category,
                    eligible: part.eligible,
                })
        })
        .collect();
    (parts::allowance(scenario, rules), parts)
}

// `MarketSums::categories` is indexed by `category as usize`: that must be its place in
// `Category::ALL`, which is also its sort order, so markets list categories as before.
#[allow(clippy::indexing_slicing)]
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
    let rules = resolved.rules;
    estimate_resolved(catalog, scenario, &resolved, rules, choice.rules.is_none())
}

/// Categories charged somewhere that nothing on the card prices at all: the rules and the card
/// are of different eras (`cbp-2022-02` rules on a 2026 card, which prices by category rather
/// than by initiator). One error per category says so and names the cards that would do,
/// rather than one identical error per line.
fn era_mismatch(
    catalog: &Catalog,
    resolved: &Resolved,
    rules: RulesVersion,
    by_market: &[(&str, &MarketPrices, MarketSums)],
) -> Vec<FieldError> {
    let mut charged = [false; Category::ALL.len()];
    for (_, _, sums) in by_market {
        for (slot, totals) in charged.iter_mut().zip(&sums.categories) {
            *slot |= totals.as_ref().is_some_and(|t| t.charged > 0);
        }
    }
    let card = &resolved.card.id;
    Category::ALL
        .into_iter()
        .zip(charged)
        .filter(|&(category, charged)| charged && !resolved.rates.prices_category(category))
        .map(|(category, _)| {
            let cards = catalog
                .cards()
                .iter()
                .filter(|c| c.id.currency == card.currency && c.has_category(category))
                .map(|c| c.id.effective)
                .collect();
            FieldError::new(
                Setting::RateCard,
                ErrorKind::CategoryNotOnCard {
                    category,
                    rules,
                    currency: card.currency.clone(),
                    card: card.effective,
                    cards,
                },
            )
        })
        .collect()
}

/// Prices a resolved scenario under `rules`: `compare` resolves once and prices it under
/// every version.
fn estimate_resolved(
    catalog: &Catalog,
    scenario: &Scenario,
    resolved: &Resolved,
    rules: RulesVersion,
    rules_from_scenario: bool,
) -> Result<Estimate, ScenarioErrors> {
    let split = Split::new(scenario, rules, &resolved.international);
    let by_market = sums_by_market(scenario, resolved, &split);
    let mut errors = era_mismatch(catalog, resolved, rules, &by_market);
    let priced = price_markets(resolved, rules, &split, by_market, &mut errors);
    if !errors.is_empty() {
        return Err(ScenarioErrors(errors));
    }
    let PricedMarkets {
        markets,
        meta_total,
        notes,
    } = priced;
    let not_exact = |path: FieldPath, figure: &str| {
        let figure = figure.to_string();
        ScenarioErrors(vec![FieldError::new(
            path,
            ErrorKind::AmountNotExact { figure },
        )])
    };
    let Some(meta_total) = meta_total else {
        return Err(not_exact(FieldPath::scenario(), "Meta's total"));
    };
    let (bsp_fees, bsp) = bsp_fees(&scenario.bsp, scenario.phone_numbers, &markets, meta_total)
        .map_err(|(setting, figure)| not_exact(setting.path(), figure))?;
    let Some(total) = money::exact_add(meta_total, bsp_fees) else {
        return Err(not_exact(
            FieldPath::scenario(),
            "the total with the provider's fees",
        ));
    };
    let ladders = ladder::ladders(resolved, &markets);
    let mut estimate = Estimate {
        rules,
        rate_card: resolved.card.id.effective.to_string(),
        currency: resolved.card.id.currency.clone(),
        month: resolved.month.map(|m| m.to_string()),
        unit: if rules.counts_conversations() {
            "conversations"
        } else {
            "messages"
        }
        .into(),
        markets,
        ladders,
        meta_total: Amount::new(meta_total),
        bsp_fees: Amount::new(bsp_fees),
        bsp,
        total: Amount::new(total),
        custom: false,
        main_driver: None,
        warnings: Vec::new(),
        notes: Vec::new(),
        explanations: Vec::new(),
        pricing_notes: Vec::new(),
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
    let explained = ladder::notes(scenario, resolved, &estimate, &resolved.international);
    ladder::explain(&mut estimate, explained);
    Ok(estimate)
}

/// Whether each line's authentication is priced at the international rate.
fn international_lines(catalog: &Catalog, scenario: &Scenario, resolved: &Resolved) -> Vec<bool> {
    let business_market = scenario
        .business_country
        .as_ref()
        .and_then(|country| {
            catalog
                .market_for_country(country, resolved.card.id.effective)
                .ok()
        })
        .map(|found| found.market);
    scenario
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
        .collect()
}

/// A market's parts summed by category, and the lines and countries they came from.
struct MarketSums {
    /// Indexed by the category's place in `Category::ALL` (its sort order).
    categories: [Option<Totals>; Category::ALL.len()],
    lines: Vec<usize>,
    countries: Vec<String>,
}

/// The parts summed by market, in market-name order so the output does not depend on the
/// order of the lines.
fn sums_by_market<'r, 'a>(
    scenario: &Scenario,
    resolved: &'r Resolved<'a>,
    split: &Split,
) -> Vec<(&'r str, &'r MarketPrices<'a>, MarketSums)> {
    let mut by_index: Vec<Option<MarketSums>> = (0..resolved.names.len()).map(|_| None).collect();
    let mut line_parts = parts::LineParts::default();
    for (index, line) in scenario.lines.iter().enumerate() {
        let Some(slot) = resolved
            .line_market
            .get(index)
            .and_then(|&i| by_index.get_mut(i))
        else {
            continue;
        };
        split.line_into(index, &mut line_parts);
        if line_parts.iter().next().is_none() {
            continue;
        }
        let sums = slot.get_or_insert_with(|| MarketSums {
            categories: Default::default(),
            lines: Vec::new(),
            countries: Vec::new(),
        });
        sums.lines.push(index);
        if let Some(country) = &line.country {
            if !sums.countries.contains(country) {
                sums.countries.push(country.clone());
            }
        }
        for part in line_parts.iter() {
            if let Some(totals) = sums.categories.get_mut(part.category as usize) {
                totals.get_or_insert_with(Totals::default).add(part);
            }
        }
    }
    let mut by_market: Vec<(&str, &MarketPrices, MarketSums)> = by_index
        .into_iter()
        .zip(&resolved.names)
        .zip(&resolved.prices)
        .filter_map(|((sums, name), prices)| Some((name.as_str(), prices, sums?)))
        .collect();
    by_market.sort_by(|a, b| a.0.cmp(b.0));
    by_market
}

/// Every market priced, with Meta's total (none when it cannot be held exactly) and what
/// pricing noticed.
struct PricedMarkets<'r> {
    markets: Vec<MarketEstimate>,
    meta_total: Option<Decimal>,
    notes: insight::Notes<'r>,
}

fn price_markets<'r>(
    resolved: &Resolved,
    rules: RulesVersion,
    split: &Split,
    by_market: Vec<(&'r str, &MarketPrices, MarketSums)>,
    errors: &mut Vec<FieldError>,
) -> PricedMarkets<'r> {
    // Categories the card lacks entirely already have their one error each.
    let era_categories: Vec<Category> = errors
        .iter()
        .filter_map(|e| match e.kind {
            ErrorKind::CategoryNotOnCard { category, .. } => Some(category),
            _ => None,
        })
        .collect();
    let mut out = PricedMarkets {
        markets: Vec::with_capacity(by_market.len()),
        meta_total: Some(Decimal::ZERO),
        notes: insight::Notes::default(),
    };
    for (market, prices, sums) in by_market {
        let one = MarketToPrice {
            resolved,
            rules,
            split,
            market,
            prices,
            era_categories: &era_categories,
        };
        let estimate = one.price(sums, &mut out.notes, errors);
        let amount = estimate.amount.value();
        out.meta_total = out.meta_total.and_then(|sum| money::exact_add(sum, amount));
        out.markets.push(estimate);
    }
    out
}

/// One market to price, with what its errors need.
struct MarketToPrice<'x, 'r> {
    resolved: &'x Resolved<'x>,
    rules: RulesVersion,
    split: &'x Split<'x>,
    market: &'r str,
    prices: &'x MarketPrices<'x>,
    era_categories: &'x [Category],
}

impl<'r> MarketToPrice<'_, 'r> {
    /// The market's categories priced, authentication and its international rate on one
    /// counter; once the estimate fails only further errors are looked for.
    fn price(
        &self,
        mut sums: MarketSums,
        notes: &mut insight::Notes<'r>,
        errors: &mut Vec<FieldError>,
    ) -> MarketEstimate {
        sums.countries.sort();
        let charged_of = |category: Category| {
            sums.categories
                .get(category as usize)
                .and_then(Option::as_ref)
                .map_or(0, |t| t.charged)
        };
        // Charged counts of a checked scenario are below 4 × 10^17: no sum here can wrap.
        let domestic = charged_of(Category::Authentication);
        let auth_end = domestic.saturating_add(charged_of(Category::AuthenticationInternational));
        let present = sums.categories.iter().filter(|t| t.is_some()).count();
        let mut categories = Vec::with_capacity(present);
        let mut amount = Some(Decimal::ZERO);
        let mut delivered: u64 = 0;
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
                    first: domestic.saturating_add(1),
                    end: auth_end,
                },
                _ => Counter {
                    first: 1,
                    end: totals.charged,
                },
            };
            let rules = self.rules;
            let priced = errors
                .is_empty()
                .then(|| price::price(self.prices, rules, category, totals, counter));
            let missing = match &priced {
                Some(priced) => priced.missing_rate,
                None => price::lacks_rate(self.prices, rules, category, totals.charged),
            };
            if missing && !self.era_categories.contains(&category) {
                let missing = MissingRate {
                    resolved: self.resolved,
                    rules,
                    market: self.market,
                    category,
                };
                missing.errors(self.split, &sums.lines, errors);
            }
            let Some(priced) = priced else {
                continue;
            };
            let sum = amount.and_then(|sum| money::exact_add(sum, priced.amount));
            if priced.not_exact || sum.is_none() {
                // The first line of the market stands for it: that is where its counts are.
                let line = sums.lines.first().copied().unwrap_or(0);
                let figure = format!("the amount of {} {category}", self.market);
                errors.push(FieldError::new(
                    FieldPath::line(line),
                    ErrorKind::AmountNotExact { figure },
                ));
                amount = None;
                continue;
            }
            amount = sum;
            notes.record(self.market, &priced);
            delivered = totals.delivered.saturating_add(delivered);
            categories.push(priced.output);
        }
        let amount = amount.unwrap_or_default();
        MarketEstimate {
            market: self.market.to_string(),
            countries: sums.countries,
            lines: sums.lines,
            delivered,
            amount: Amount::new(amount),
            cost_per_delivered: UnitPrice::per_unit(amount, delivered),
            categories,
        }
    }
}

/// A category a market has charged units of and no rate for.
struct MissingRate<'x> {
    resolved: &'x Resolved<'x>,
    rules: RulesVersion,
    market: &'x str,
    category: Category,
}

impl MissingRate<'_> {
    /// One error per line of the market with charged units of the category. The market's
    /// own lines, in order, rather than every part of the scenario: a card without a category
    /// fails every market.
    fn errors(&self, split: &Split, lines: &[usize], errors: &mut Vec<FieldError>) {
        let card = &self.resolved.rates.card.id;
        let kind = ErrorKind::NoRateForLine {
            market: self.market.to_string(),
            category: self.category,
            rules: self.rules,
            currency: card.currency.clone(),
            card: card.effective,
        };
        for &line in lines {
            let charged = split
                .line(line)
                .iter()
                .any(|p| p.category == self.category && p.charged() > 0);
            if charged {
                errors.push(FieldError::new(FieldPath::line(line), kind.clone()));
            }
        }
    }
}

/// The provider's fees on Meta's charge: per message (charged or delivered), markup, monthly
/// and per number.
fn bsp_fees(
    bsp: &Bsp,
    phone_numbers: u64,
    markets: &[MarketEstimate],
    meta_total: Decimal,
) -> Result<(Decimal, BspBreakdown), (Setting, &'static str)> {
    let sum = |counts: &mut dyn Iterator<Item = u64>| counts.fold(0u64, u64::saturating_add);
    let charged = sum(&mut markets
        .iter()
        .flat_map(|m| &m.categories)
        .map(|c| c.charged));
    let delivered = sum(&mut markets.iter().map(|m| m.delivered));
    let per_message_units = match bsp.per_message_on {
        PerMessageOn::Charged => charged,
        PerMessageOn::Delivered => delivered,
    };
    let product = |fee: Decimal, by: Decimal, setting: Setting, figure: &'static str| {
        money::exact_mul(fee, by).ok_or((setting, figure))
    };
    let per_message = product(
        bsp.per_message,
        Decimal::from(per_message_units),
        Setting::BspPerMessage,
        "the provider's fee per message",
    )?;
    let markup = product(
        bsp.markup,
        meta_total,
        Setting::BspMarkup,
        "the provider's markup",
    )?;
    let per_number = product(
        bsp.per_number,
        Decimal::from(phone_numbers),
        Setting::BspPerNumber,
        "the provider's fee per phone number",
    )?;
    let fees = money::exact_sum([per_message, markup, bsp.monthly, per_number])
        .ok_or((Setting::BspMonthly, "the provider's fees"))?;
    Ok((
        fees,
        BspBreakdown {
            per_message: Amount::new(per_message),
            markup: Amount::new(markup),
            monthly: Amount::new(bsp.monthly),
            per_number: Amount::new(per_number),
            per_message_on: bsp.per_message_on,
            per_message_count: per_message_units,
            per_message_fee: bsp.per_message,
            markup_fraction: bsp.markup,
            phone_numbers,
            per_number_fee: bsp.per_number,
        },
    ))
}
