//! Step two: the month's charged units per market and category priced with the card, tiered
//! categories telescopically on the published ladder.

use super::model::{BandEstimate, CategoryEstimate, Free, NextTier};
use super::parts::Part;
use super::resolve::Rates;
use crate::catalog::Ladder;
use crate::category::Category;
use crate::money::to_plain_string;
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

pub fn rate_text(rate: Decimal) -> String {
    plain(rate, 4)
}

pub fn money_text(amount: Decimal) -> String {
    plain(amount, 2)
}

/// The same text as `money::to_plain_string`, built from the mantissa directly: an estimate
/// prints hundreds of figures and `Decimal`'s general formatter dominated its run time.
fn plain(value: Decimal, min_scale: u32) -> String {
    let mut mantissa = value.mantissa().unsigned_abs();
    let mut scale = value.scale();
    // Nearly every figure fits a u64, whose division is far cheaper than a u128's.
    if let Ok(small) = u64::try_from(mantissa) {
        let mut small = small;
        while scale > min_scale && small % 10 == 0 {
            small /= 10;
            scale -= 1;
        }
        mantissa = u128::from(small);
    }
    while scale > min_scale && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    if mantissa == 0 {
        scale = scale.min(min_scale);
    }
    while scale < min_scale {
        match mantissa.checked_mul(10) {
            Some(m) => mantissa = m,
            None => return to_plain_string(value, min_scale),
        }
        scale += 1;
    }
    if mantissa >= 1u128 << 96 {
        // Beyond what a Decimal holds: let the general formatter decide.
        return to_plain_string(value, min_scale);
    }
    // Digits into a stack buffer, then one allocation of the exact size.
    let mut buffer = [0u8; 40];
    let mut start = buffer.len();
    let mut rest = mantissa;
    while rest > u128::from(u64::MAX) {
        start -= 1;
        buffer[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let mut rest = u64::try_from(rest).unwrap_or(0);
    loop {
        start -= 1;
        buffer[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = &buffer[start..];
    let scale = scale as usize;
    let negative = value.is_sign_negative() && mantissa != 0;
    let mut out = String::with_capacity(digits.len() + scale + 3);
    if negative {
        out.push('-');
    }
    let push = |out: &mut String, bytes: &[u8]| out.extend(bytes.iter().map(|&b| char::from(b)));
    if digits.len() <= scale {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', scale - digits.len()));
        push(&mut out, digits);
    } else {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        push(&mut out, whole);
        if scale > 0 {
            out.push('.');
            push(&mut out, fraction);
        }
    }
    out
}

/// `numerator / denominator` rounded half-up to 6 decimals, for per-unit display figures.
pub fn per_unit(numerator: Decimal, denominator: u64) -> Option<String> {
    (denominator > 0).then(|| {
        let value = (numerator / Decimal::from(denominator))
            .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        plain(value, 4)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn plain_matches_the_money_formatter() {
        for text in [
            "0",
            "0.0",
            "0.000",
            "1",
            "180",
            "180.00",
            "0.63000",
            "3.29",
            "0.0014",
            "0.115",
            "41500.0000",
            "0.028",
            "123456789012.3456",
            "1e-20",
            "-2.50",
            "0.00000001",
            "79228162514264337593543950335",
            "7922816251426433759354395033.5",
        ] {
            let value = Decimal::from_str(text)
                .or_else(|_| Decimal::from_scientific(text))
                .unwrap();
            for min_scale in [0, 2, 4] {
                assert_eq!(
                    plain(value, min_scale),
                    to_plain_string(value, min_scale),
                    "{text} {min_scale}"
                );
            }
        }
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
    rates: &Rates,
    rules: RulesVersion,
    market: &str,
    category: Category,
    totals: &Totals,
    counter: Counter,
) -> Priced {
    let Counter {
        first,
        end: counter_end,
    } = counter;
    let list = rates.rate(market, category);
    let tiered = matches!(rules, RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10)
        && category.tier_family().is_some();
    let ladder = if tiered {
        rates.ladder(market, category)
    } else {
        None
    };
    let mut output = CategoryEstimate {
        category,
        delivered: totals.delivered,
        free: totals.free.clone(),
        conversations: totals.conversations,
        charged: totals.charged,
        rate: list.map(|(rate, _)| rate_text(rate)),
        bands: Vec::new(),
        amount: money_text(Decimal::ZERO),
        custom: list.is_some_and(|(_, custom)| custom) || rates.is_custom_ladder(market, category),
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
    if let Some(source) = &ladder {
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
                rate: rate_text(u.rate),
                amount: money_text(u.amount),
            })
            .collect();
        if output.rate.is_none() {
            output.rate = ladder.bands.first().map(|b| rate_text(b.rate));
        }
        output.next_tier = next_tier(ladder, counter_end);
        output.amount = money_text(amount);
        output.cost_per_charged = per_unit(amount, totals.charged);
        priced.amount = amount;
        priced.output = output;
        return priced;
    }
    match list {
        Some((rate, custom)) => {
            let amount = rate * Decimal::from(totals.charged);
            output.amount = money_text(amount);
            output.cost_per_charged = per_unit(amount, totals.charged);
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
    rates: &Rates,
    rules: RulesVersion,
    market: &str,
    category: Category,
    charged: u64,
) -> bool {
    let tiered = matches!(rules, RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10)
        && category.tier_family().is_some();
    charged > 0
        && rates.rate(market, category).is_none()
        && !(tiered && rates.ladder(market, category).is_some())
}

/// The next band after message number `counter_end` of the month, if the ladder has one.
fn next_tier(ladder: &Ladder, counter_end: u64) -> Option<NextTier> {
    let current = ladder.band_for(counter_end.max(1))?;
    let next = ladder.bands.iter().find(|b| b.tier == current.tier + 1)?;
    Some(NextTier {
        tier: next.tier,
        from: next.from,
        messages_to_go: next.from.saturating_sub(counter_end),
        rate: rate_text(next.rate),
        saving_per_message: rate_text(current.rate - next.rate),
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
