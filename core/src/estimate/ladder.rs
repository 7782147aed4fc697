//! The whole volume-tier ladder of each tiered category, as a finance reader wants it: every
//! band (not only those reached), where the month's counter stands, how many more messages the
//! current band still prices, where the next band starts and what it saves. And the pricing
//! notes that say how tiers count and why authentication is priced at its international rate.
//!
//! The two figures of "the next tier", for a band 1–250,000 after 20,000 charged messages:
//! - `messages_in_band` = the band's last message number − the count = 230,000: that many more
//!   messages are still priced at this band's rate; the next band begins after them ("230,000
//!   until tier 2 starts").
//! - `starts_at` = the band's last message number + 1 = 250,001: the number of the first
//!   message priced at the next band.
//!
//! (`CategoryEstimate::next_tier.messages_to_go`, 230,001, counts up to and including that
//! first message; it is kept as it was.)

use super::model::{CategoryEstimate, Estimate, MarketEstimate};
use super::pricing_note::PricingNote;
use super::rates::MarketPrices;
use super::resolve::Resolved;
use crate::catalog::Ladder;
use crate::category::Category;
use crate::money::{exact_add, exact_mul, UnitPrice};
use crate::scenario::Scenario;
use rust_decimal::{Decimal, RoundingStrategy};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One tiered category of one market on its whole ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierLadder {
    pub market: String,
    pub category: Category,
    /// The ladder is the user's (`custom_tiers`), not Meta's.
    pub custom: bool,
    /// Every band of the ladder, in order, with this category's charged messages in each.
    pub bands: Vec<LadderBand>,
    /// Charged messages of the month on the tier counter of this market and family
    /// (authentication and its international rate share one, TIER-2, AI-6): "you are here".
    pub count: u64,
    /// Index in `bands` of the band that prices message number `count` (the first band while
    /// the count is 0).
    pub band: usize,
    /// The band after it, absent on the last band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<NextBand>,
}

/// A band of the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderBand {
    pub tier: u8,
    /// First message number of the band (1 for the first band, which Meta prints from 0).
    pub from: u64,
    /// Last message number; absent for the open last band.
    pub to: Option<u64>,
    /// The published rate (or the user's), as printed.
    pub rate: UnitPrice,
    /// This category's charged messages priced in the band this month.
    pub count: u64,
}

/// Where the next band starts and what it saves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextBand {
    pub tier: u8,
    /// More messages still priced at the current band's rate: its last message number minus
    /// `count`. The next band begins after them.
    pub messages_in_band: u64,
    /// The number of the first message priced at the next band.
    pub starts_at: u64,
    pub rate: UnitPrice,
    /// The current band's rate minus the next band's, per message (0 where Meta publishes
    /// two bands at one rate).
    pub saving_per_message: UnitPrice,
}

impl TierLadder {
    /// The band of "you are here".
    pub fn current(&self) -> Option<&LadderBand> {
        self.bands.get(self.band)
    }

    /// What `added` more messages of this category cost, priced telescopically from message
    /// number `count + 1` of the counter: the figure beside "add N messages". None when the
    /// amount cannot be held exactly (wacost does not round money it adds up).
    pub fn cost_of_more(&self, added: u64) -> Option<Decimal> {
        self.priced_more(added)
            .try_fold(Decimal::ZERO, |sum, cost| exact_add(sum, cost?))
    }

    /// What the later bands save on `added` more messages, against pricing them all at the
    /// current band's rate: the money "the next tier saves" for the messages a user would add.
    /// None when an amount cannot be held exactly.
    pub fn saving_on_more(&self, added: u64) -> Option<Decimal> {
        let Some(current) = self.current() else {
            return Some(Decimal::ZERO);
        };
        let at_current = exact_mul(current.rate.value(), Decimal::from(added))?;
        exact_add(at_current, -self.cost_of_more(added)?)
    }

    /// The cost of each band's share of `added` more messages (none where it is not exact).
    fn priced_more(&self, added: u64) -> impl Iterator<Item = Option<Decimal>> + '_ {
        let first = self.count.saturating_add(1);
        let last = self.count.saturating_add(added);
        self.bands.iter().filter_map(move |band| {
            let start = band.from.max(first);
            let end = band.to.unwrap_or(u64::MAX).min(last);
            (added > 0 && start <= end).then(|| {
                let count = end - start + 1;
                exact_mul(band.rate.value(), Decimal::from(count))
            })
        })
    }
}

/// Every category of the estimate priced on a ladder with charged messages, market by market.
pub(super) fn ladders(resolved: &Resolved, markets: &[MarketEstimate]) -> Vec<TierLadder> {
    let prices_by_name = PricesByName::new(resolved);
    let mut out = Vec::new();
    for market in markets {
        let Some(prices) = prices_by_name.of(&market.market) else {
            continue;
        };
        for category in market.categories.iter().filter(|c| !c.bands.is_empty()) {
            let Some(source) = prices.ladder(category.category) else {
                continue;
            };
            let count = counter_end(market, category.category);
            out.push(ladder_of(
                &market.market,
                category,
                source.ladder(),
                prices.is_custom_ladder(category.category),
                count,
            ));
        }
    }
    out
}

/// The prices of each market by name, found through a map built once: a search of the
/// names for each market was quadratic (2,000 markets of custom rates at the caps).
struct PricesByName<'r, 'a> {
    resolved: &'r Resolved<'a>,
    place: FxHashMap<&'r str, usize>,
}

impl<'r, 'a> PricesByName<'r, 'a> {
    fn new(resolved: &'r Resolved<'a>) -> PricesByName<'r, 'a> {
        let place = resolved
            .names
            .iter()
            .enumerate()
            .map(|(at, name)| (name.as_str(), at))
            .collect();
        PricesByName { resolved, place }
    }

    fn of(&self, market: &str) -> Option<&'r MarketPrices<'a>> {
        let at = *self.place.get(market)?;
        self.resolved.prices.get(at)
    }
}

/// The month's count on the tier counter of `category`'s family in a market.
fn counter_end(market: &MarketEstimate, category: Category) -> u64 {
    let family = category.tier_family();
    market
        .categories
        .iter()
        .filter(|c| family.is_some() && c.category.tier_family() == family)
        .map(|c| c.charged)
        .fold(0, u64::saturating_add)
}

fn ladder_of(
    market: &str,
    category: &CategoryEstimate,
    ladder: &Ladder,
    custom: bool,
    count: u64,
) -> TierLadder {
    let bands: Vec<LadderBand> = ladder
        .bands
        .iter()
        .map(|band| LadderBand {
            tier: band.tier,
            from: band.from.max(1),
            to: band.to,
            rate: UnitPrice::new(band.rate),
            count: category
                .bands
                .iter()
                .filter(|used| used.tier == band.tier)
                .map(|used| used.count)
                .fold(0, u64::saturating_add),
        })
        .collect();
    let position = count.max(1);
    let band = bands
        .iter()
        .position(|b| b.from <= position && b.to.is_none_or(|to| position <= to))
        .unwrap_or(0);
    let next = bands
        .get(band)
        .zip(bands.get(band + 1))
        .and_then(|(current, next)| {
            let last = current.to?;
            Some(NextBand {
                tier: next.tier,
                messages_in_band: last.saturating_sub(count),
                starts_at: last.saturating_add(1),
                rate: next.rate,
                // Two rates of at most 10^6 with at most 18 decimals (every rate is checked
                // so when read): the difference is exact, and `?` never drops the band.
                saving_per_message: UnitPrice::new(exact_add(
                    current.rate.value(),
                    -next.rate.value(),
                )?),
            })
        });
    TierLadder {
        market: market.to_string(),
        category: category.category,
        custom,
        bands,
        count,
        band,
        next,
    }
}

/// The notes of this module: how tiers count, when any category is priced on a ladder, and
/// why authentication is priced at its international rate, market by market.
pub(super) fn notes(
    scenario: &Scenario,
    resolved: &Resolved,
    estimate: &Estimate,
    international: &[bool],
) -> Vec<PricingNote> {
    let mut found = Vec::new();
    let mut tiered: Vec<Category> = Vec::new();
    for ladder in &estimate.ladders {
        if !tiered.contains(&ladder.category) {
            tiered.push(ladder.category);
        }
    }
    tiered.sort();
    if !tiered.is_empty() {
        found.push(PricingNote::TierCounting { categories: tiered });
    }
    let prices_by_name = PricesByName::new(resolved);
    for market in &estimate.markets {
        let prices = prices_by_name.of(&market.market);
        if let Some(note) = international_note(scenario, estimate, market, prices, international) {
            found.push(note);
        }
    }
    found
}

/// Why a market's authentication is priced at the international rate, with the multiple of the
/// domestic rate (AI-1, AI-5).
fn international_note(
    scenario: &Scenario,
    estimate: &Estimate,
    market: &MarketEstimate,
    prices: Option<&MarketPrices>,
    international: &[bool],
) -> Option<PricingNote> {
    let priced = market
        .categories
        .iter()
        .find(|c| c.category == Category::AuthenticationInternational)
        .filter(|c| c.charged > 0)?;
    let rate = priced.rate?;
    let domestic_rate = prices
        .and_then(|p| p.rate(Category::Authentication))
        .map(|(rate, _)| UnitPrice::new(rate));
    let multiple = domestic_rate
        .filter(|d| !d.value().is_zero())
        .and_then(|d| rate.value().checked_div(d.value()))
        .map(|m| {
            m.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
                .normalize()
                .to_string()
        });
    let lines = market
        .lines
        .iter()
        .copied()
        .filter(|&i| {
            international.get(i).copied().unwrap_or(false)
                && scenario.lines.get(i).is_some_and(|l| l.authentication > 0)
        })
        .collect();
    Some(PricingNote::AuthInternational {
        market: market.market.clone(),
        lines,
        messages: priced.charged,
        currency: estimate.currency.clone(),
        rate,
        domestic_rate,
        multiple,
        business_country: scenario.business_country.clone(),
    })
}

/// Sets the estimate's pricing notes and their English sentences.
pub(super) fn explain(estimate: &mut Estimate, notes: Vec<PricingNote>) {
    estimate.explanations = notes.iter().map(PricingNote::english).collect();
    estimate.pricing_notes = notes;
}
