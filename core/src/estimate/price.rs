//! Step two: the month's charged units per market and category priced with the card, tiered
//! categories telescopically on the published ladder.

use super::model::{BandEstimate, CategoryEstimate, Free, NextTier};
use super::parts::Part;
use super::resolve::{MarketPrices, Rates};
use crate::catalog::Ladder;
use crate::category::Category;
use crate::money::{Amount, UnitPrice};
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
    pub fn add(&mut self, part: &Part) {
        self.delivered += part.delivered;
        self.free.entry_point += part.entry_point;
        self.free.window += part.window;
        self.free.allowance += part.allowance;
        if let Some(opened) = part.conversations {
            *self.conversations.get_or_insert(0) += opened;
        }
        self.charged += part.charged();
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
    let Counter {
        first,
        end: counter_end,
    } = counter;
    let list = prices.rate(category);
    let tiered = matches!(rules, RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10)
        && category.tier_family().is_some();
    let ladder = if tiered {
        prices.ladder(category)
    } else {
        None
    };
    let mut output = CategoryEstimate {
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
    let mut priced = Priced {
        output: CategoryEstimate::empty(category),
        amount: Decimal::ZERO,
        no_ladder: false,
        custom_rate_untiered: false,
        missing_rate: false,
    };
    if let Some(source) = ladder {
        let ladder = source.ladder();
        let uses = ladder.price(first, totals.charged);
        let amount: Decimal = uses.iter().map(|u| u.amount).sum();
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
        output.next_tier = next_tier(ladder, counter_end);
        output.amount = Amount::new(amount);
        output.cost_per_charged = UnitPrice::per_unit(amount, totals.charged);
        priced.amount = amount;
        priced.output = output;
        return priced;
    }
    match list {
        Some((rate, custom)) => {
            let amount = rate * Decimal::from(totals.charged);
            output.amount = Amount::new(amount);
            output.cost_per_charged = UnitPrice::per_unit(amount, totals.charged);
            if tiered && totals.charged > 0 {
                if custom {
                    priced.custom_rate_untiered = true;
                } else {
                    output.upper_bound = true;
                    priced.no_ladder = true;
                }
            }
            priced.amount = amount;
        }
        None if totals.charged > 0 => priced.missing_rate = true,
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
    let tiered = matches!(rules, RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10)
        && category.tier_family().is_some();
    charged > 0 && prices.rate(category).is_none() && !(tiered && prices.ladder(category).is_some())
}

/// The next band after message number `counter_end` of the month, if the ladder has one.
fn next_tier(ladder: &Ladder, counter_end: u64) -> Option<NextTier> {
    let current = ladder.band_for(counter_end.max(1))?;
    let next = ladder.bands.iter().find(|b| b.tier == current.tier + 1)?;
    Some(NextTier {
        tier: next.tier,
        from: next.from,
        messages_to_go: next.from.saturating_sub(counter_end),
        rate: UnitPrice::new(next.rate),
        saving_per_message: UnitPrice::new(current.rate - next.rate),
    })
}

/// The error message for a line with charged units of a category the card has no rate for,
/// the same for every line of the market: a card without a
/// category fails every line, so it is written once and copied.
pub fn missing_rate_message(
    rates: &Rates,
    rules: RulesVersion,
    market: &str,
    category: Category,
) -> String {
    let card = &rates.card.id;
    format!(
        "the {} {} card has no {category} rate for {market}, and this line has charged {category} {} (add a custom_rates entry, or choose another rate_card or rules)",
        card.currency,
        card.effective,
        if rules.counts_conversations() { "conversations" } else { "messages" }
    )
}

/// `lines[7]`: the path of a line, without the formatter (a comparison can name every line
/// several times).
pub fn line_path(line: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = line;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut path = String::with_capacity(7 + digits.len() - start);
    path.push_str("lines[");
    path.extend(digits[start..].iter().map(|&b| char::from(b)));
    path.push(']');
    path
}
