//! Step two: the month's charged units per market and category priced with the card, tiered
//! categories telescopically on the published ladder.

use super::model::{BandEstimate, CategoryEstimate, Free, NextTier};
use super::parts::Part;
use super::rates::MarketPrices;
use crate::catalog::Ladder;
use crate::category::Category;
use crate::money::{exact_mul, exact_sum, Amount, UnitPrice};
use crate::scenario::RulesVersion;
use rust_decimal::Decimal;

/// A priced category with its exact amount kept beside the display strings.
pub struct Priced {
    pub output: CategoryEstimate,
    pub amount: Decimal,
    /// Tiered but priced at list for lack of a ladder.
    pub no_ladder: bool,
    /// A custom list rate replaced a rate that Meta tiers, so the published ladder was not used.
    pub custom_rate_untiered: bool,
    /// Units are charged but neither the card nor the user gives a rate.
    pub missing_rate: bool,
    /// The amount cannot be held exactly (it would have to be rounded): not priced.
    pub not_exact: bool,
}

/// Sums of the parts of one market and category.
#[derive(Default, Clone)]
pub struct Totals {
    pub delivered: u64,
    pub free: Free,
    pub conversations: Option<u64>,
    pub charged: u64,
}

impl Totals {
    /// Adds a part. A checked scenario's counts (100,000 lines of at most 10^12, three counts
    /// in a business-initiated part) sum to under 4 × 10^17, far inside a u64; the sums
    /// saturate all the same, so no scenario built in code can wrap them.
    pub fn add(&mut self, part: &Part) {
        self.delivered = self.delivered.saturating_add(part.delivered);
        let free = &mut self.free;
        free.entry_point = free.entry_point.saturating_add(part.entry_point);
        free.window = free.window.saturating_add(part.window);
        free.allowance = free.allowance.saturating_add(part.allowance);
        if let Some(opened) = part.conversations {
            let sum = self.conversations.get_or_insert(0);
            *sum = sum.saturating_add(opened);
        }
        self.charged = self.charged.saturating_add(part.charged());
    }
}

/// Where a category's charged units sit in the month's counter of its tier family: message
/// number `first` is its first; the family's counter ends the month at `end`.
#[derive(Debug, Clone, Copy)]
pub struct Counter {
    pub first: u64,
    pub end: u64,
}

/// Prices one market and category. `first` is the number of the first charged unit in the
/// month's counter of its tier family (1 unless another category of the family came first).
pub fn price(
    prices: &MarketPrices,
    rules: RulesVersion,
    category: Category,
    totals: &Totals,
    counter: Counter,
) -> Priced {
    let list = prices.rate(category);
    let tiered = is_tiered(rules, category);
    let output = CategoryEstimate {
        category,
        delivered: totals.delivered,
        free: totals.free.clone(),
        conversations: totals.conversations,
        charged: totals.charged,
        rate: list.map(|(rate, _)| UnitPrice::new(rate)),
        bands: Vec::new(),
        amount: Amount::new(Decimal::ZERO),
        custom: list.is_some_and(|(_, custom)| custom) || prices.is_custom_ladder(category),
        upper_bound: false,
        cost_per_charged: None,
        next_tier: None,
    };
    match prices.ladder(category).filter(|_| tiered) {
        Some(source) => on_ladder(output, source.ladder(), totals.charged, counter),
        None => at_list(output, list, tiered, totals.charged),
    }
}

/// Volume tiers apply to the tiered categories of the per-message eras.
fn is_tiered(rules: RulesVersion, category: Category) -> bool {
    matches!(rules, RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10)
        && category.tier_family().is_some()
}

/// Charged units priced telescopically on a ladder, from message number `counter.first`.
fn on_ladder(
    mut output: CategoryEstimate,
    ladder: &Ladder,
    charged: u64,
    counter: Counter,
) -> Priced {
    let priced = ladder.price(counter.first, charged).and_then(|uses| {
        let amount = exact_sum(uses.iter().map(|u| u.amount))?;
        Some((uses, amount))
    });
    let Some((uses, amount)) = priced else {
        return not_exact(output);
    };
    output.bands = uses
        .iter()
        .map(|u| BandEstimate {
            tier: u.tier,
            from: u.from,
            to: u.to,
            count: u.count,
            rate: UnitPrice::new(u.rate),
            amount: Amount::new(u.amount),
        })
        .collect();
    if output.rate.is_none() {
        output.rate = ladder.bands.first().map(|b| UnitPrice::new(b.rate));
    }
    output.next_tier = next_tier(ladder, counter.end);
    output.amount = Amount::new(amount);
    output.cost_per_charged = UnitPrice::per_unit(amount, charged);
    Priced {
        output,
        amount,
        no_ladder: false,
        custom_rate_untiered: false,
        missing_rate: false,
        not_exact: false,
    }
}

/// A category whose amount cannot be held exactly: not priced, and said so.
fn not_exact(output: CategoryEstimate) -> Priced {
    Priced {
        output,
        amount: Decimal::ZERO,
        no_ladder: false,
        custom_rate_untiered: false,
        missing_rate: false,
        not_exact: true,
    }
}

/// Charged units priced at the list rate (the card's or the user's); a tiered category
/// priced so is an upper bound, or a flat custom rate.
fn at_list(
    mut output: CategoryEstimate,
    list: Option<(Decimal, bool)>,
    tiered: bool,
    charged: u64,
) -> Priced {
    let mut priced = Priced {
        output: CategoryEstimate::empty(output.category),
        amount: Decimal::ZERO,
        no_ladder: false,
        custom_rate_untiered: false,
        missing_rate: false,
        not_exact: false,
    };
    match list {
        Some((rate, custom)) => {
            let Some(amount) = exact_mul(rate, Decimal::from(charged)) else {
                return not_exact(output);
            };
            output.amount = Amount::new(amount);
            output.cost_per_charged = UnitPrice::per_unit(amount, charged);
            if tiered && charged > 0 {
                if custom {
                    priced.custom_rate_untiered = true;
                } else {
                    output.upper_bound = true;
                    priced.no_ladder = true;
                }
            }
            priced.amount = amount;
        }
        None if charged > 0 => priced.missing_rate = true,
        None => {}
    }
    priced.output = output;
    priced
}

/// Whether `price` would find no rate for charged units of this market and category: what is
/// left to know once the estimate already fails, without building figures nobody will see.
pub fn lacks_rate(
    prices: &MarketPrices,
    rules: RulesVersion,
    category: Category,
    charged: u64,
) -> bool {
    charged > 0
        && prices.rate(category).is_none()
        && !(is_tiered(rules, category) && prices.ladder(category).is_some())
}

/// The next band after message number `counter_end` of the month, if the ladder has one.
fn next_tier(ladder: &Ladder, counter_end: u64) -> Option<NextTier> {
    let current = ladder.band_for(counter_end.max(1))?;
    // The band after it in the ladder: bands are in order (checked when a ladder is read),
    // and a tier number plus one could overflow where a place cannot.
    let at = ladder.bands.iter().position(|b| std::ptr::eq(b, current))?;
    let next = ladder.bands.get(at + 1)?;
    Some(NextTier {
        tier: next.tier,
        from: next.from,
        messages_to_go: next.from.saturating_sub(counter_end),
        rate: UnitPrice::new(next.rate),
        // Two rates of at most 10^6 with at most 18 decimals: the difference is exact.
        saving_per_message: UnitPrice::new(current.rate - next.rate),
    })
}
