//! The answer first: for the month chosen, the switch that matters (the month's rules against
//! the rules they replaced) and the difference split into the rule effect (both rules on the
//! current model's card) and the card effect (the older rules on their own card against the
//! current one). The two add up to the difference exactly, and each reason is a category with
//! its figures.

use super::super::model::{Estimate, VersionResult};
use super::cannot;
use super::model::{
    Answer, AnswerSide, CannotPrice, CardEffect, EffectReason, RateMove, RuleChange, RuleEffect,
    Unanswered,
};
use super::pricing::Pricer;
use crate::catalog::RateCard;
use crate::category::Category;
use crate::money::{exact_add, exact_diff, Amount, UnitPrice};
use crate::scenario::RulesVersion;
use rust_decimal::Decimal;

/// A version's result and the card it was priced with (or tried first).
pub(super) struct Priced<'v, 'c> {
    pub result: &'v VersionResult,
    pub card: Option<&'c RateCard>,
}

fn side(priced: &Priced) -> AnswerSide {
    let version = priced.result;
    AnswerSide {
        rules: version.rules,
        name: version.rules.name(),
        rate_card: version.rate_card.clone(),
        meta_total: version.estimate.as_ref().map(|e| e.meta_total),
        total: version.estimate.as_ref().map(|e| e.total),
        cannot_price: version.cannot_price.clone(),
    }
}

/// The answer for the month's own model `current`, against the model it replaced; none for the
/// first model (before it, Meta's prices were never published).
pub(super) fn answer(
    pricer: &mut Pricer,
    currency: &str,
    current: &Priced,
    before: &Priced,
) -> Answer {
    let rules = current.result.rules;
    let mut answer = Answer {
        switch: rules.first_day().to_string(),
        current: side(current),
        before: side(before),
        currency: currency.to_string(),
        difference: None,
        rule_effect: None,
        card_effect: None,
        unanswered: None,
    };
    let unpriced =
        |version: &VersionResult| version.cannot_price.clone().unwrap_or(CannotPrice::Other);
    match (&current.result.estimate, &before.result.estimate) {
        (None, _) => {
            answer.unanswered = Some(Unanswered::CurrentCannotBePriced {
                cannot_price: unpriced(current.result),
            })
        }
        (_, None) => {
            answer.unanswered = Some(Unanswered::BeforeCannotBePriced {
                cannot_price: unpriced(before.result),
            })
        }
        (Some(now), Some(then)) => {
            // Told only when exact: a difference a Decimal cannot hold is not shown rounded.
            answer.difference = minus(now.total, then.total);
            if answer.difference.is_some() {
                split(pricer, &mut answer, current, before, now, then);
            }
        }
    }
    answer
}

/// The rule effect and the card effect, or why they cannot be told apart.
fn split(
    pricer: &mut Pricer,
    answer: &mut Answer,
    current: &Priced,
    before: &Priced,
    now: &Estimate,
    then: &Estimate,
) {
    let (Some(card_now), Some(card_then)) = (current.card, before.card) else {
        return;
    };
    let on_current_card = if card_now.id == card_then.id {
        Ok(then.clone())
    } else {
        pricer.price(before.result.rules, card_now)
    };
    let then_on_now = match on_current_card {
        Ok(estimate) => estimate,
        Err(errors) => {
            let reading = cannot::read(&errors.0);
            let cannot_price = cannot::cannot_price(
                &reading,
                &card_now.id.currency,
                Some(card_now),
                &card_now.id.effective.to_string(),
            );
            answer.unanswered = Some(Unanswered::NoSplit { cannot_price });
            return;
        }
    };
    let (older, newer) = (before.result.rules, current.result.rules);
    let rule_reasons = reasons(&then_on_now, now, |category| {
        Kind::Rules(RuleChange::between(older, newer, category))
    });
    let card_reasons = reasons(then, &then_on_now, |_| Kind::Rates);
    // Each effect, and each of its reasons, exact or none of them told.
    let (Some(rule_amount), Some(card_amount), Some(rule_reasons), Some(card_reasons)) = (
        minus(now.total, then_on_now.total),
        minus(then_on_now.total, then.total),
        rule_reasons,
        card_reasons,
    ) else {
        return;
    };
    answer.rule_effect = Some(RuleEffect {
        amount: rule_amount,
        rate_card: card_now.id.effective.to_string(),
        reasons: rule_reasons,
    });
    answer.card_effect = Some(CardEffect {
        amount: card_amount,
        from_card: card_then.id.effective.to_string(),
        to_card: card_now.id.effective.to_string(),
        reasons: card_reasons,
    });
}

/// `after − before`, exactly or not at all.
fn minus(after: Amount, before: Amount) -> Option<Amount> {
    exact_diff(after.value(), before.value()).map(Amount::new)
}

/// Which reason a category's difference is.
enum Kind {
    Rules(RuleChange),
    Rates,
}

/// One category summed over the markets: units charged, amount, and each market's list rate
/// in market order (an estimate lists its markets by name).
#[derive(Default)]
struct Sum<'e> {
    charged: u64,
    amount: Decimal,
    rates: Vec<(&'e str, Option<UnitPrice>)>,
}

/// Each category's sum, by the category's place in `Category::ALL`.
fn by_category(estimate: &Estimate) -> [Option<Sum<'_>>; Category::ALL.len()] {
    let mut sums: [Option<Sum>; Category::ALL.len()] = Default::default();
    for market in &estimate.markets {
        for category in &market.categories {
            let Some(slot) = sums.get_mut(category.category as usize) else {
                continue;
            };
            let sum = slot.get_or_insert_with(Sum::default);
            sum.charged = sum.charged.saturating_add(category.charged);
            // The categories of one estimate add up to its exact total: no sum of them rounds.
            sum.amount = exact_add(sum.amount, category.amount.value()).unwrap_or(sum.amount);
            sum.rates.push((market.market.as_str(), category.rate));
        }
    }
    sums
}

/// The markets whose rate differs between two sums of a category: the two lists, both in
/// market order, walked together.
fn rate_moves(before: Option<&Sum>, after: Option<&Sum>) -> Vec<RateMove> {
    let old = before.map_or(&[][..], |s| s.rates.as_slice());
    let new = after.map_or(&[][..], |s| s.rates.as_slice());
    let (mut i, mut j) = (0, 0);
    let mut moves = Vec::new();
    loop {
        let (o, n) = (old.get(i), new.get(j));
        let (market, o_rate, n_rate) = match (o, n) {
            (None, None) => break,
            (Some(&(m, r)), None) => {
                i += 1;
                (m, r, None)
            }
            (None, Some(&(m, r))) => {
                j += 1;
                (m, None, r)
            }
            (Some(&(mo, ro)), Some(&(mn, rn))) => match mo.cmp(mn) {
                std::cmp::Ordering::Less => {
                    i += 1;
                    (mo, ro, None)
                }
                std::cmp::Ordering::Greater => {
                    j += 1;
                    (mn, None, rn)
                }
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    (mo, ro, rn)
                }
            },
        };
        if o_rate != n_rate {
            moves.push(RateMove {
                market: market.to_string(),
                old: o_rate,
                new: n_rate,
            });
        }
    }
    moves
}

/// Each category whose amount differs from `before` to `after`, then the provider's fees: they
/// add up to `after.total − before.total` exactly. None when a difference cannot be held
/// exactly.
fn reasons(
    before: &Estimate,
    after: &Estimate,
    kind: impl Fn(Category) -> Kind,
) -> Option<Vec<EffectReason>> {
    let (old, new) = (by_category(before), by_category(after));
    let mut out = Vec::new();
    for ((category, o), n) in Category::ALL.into_iter().zip(&old).zip(&new) {
        let (o, n) = (o.as_ref(), n.as_ref());
        if o.is_none() && n.is_none() {
            continue;
        }
        let amount_of = |s: Option<&Sum>| s.map_or(Decimal::ZERO, |s| s.amount);
        let (b, a) = (amount_of(o), amount_of(n));
        if a == b {
            continue;
        }
        let amount = Amount::new(exact_diff(a, b)?);
        out.push(match kind(category) {
            Kind::Rules(change) => EffectReason::Rules {
                category,
                change,
                before_charged: o.map_or(0, |s| s.charged),
                after_charged: n.map_or(0, |s| s.charged),
                before: Amount::new(b),
                after: Amount::new(a),
                amount,
            },
            Kind::Rates => EffectReason::Rates {
                category,
                before: Amount::new(b),
                after: Amount::new(a),
                amount,
                rates: rate_moves(o, n),
            },
        });
    }
    let (fees_before, fees_after) = (before.bsp_fees.value(), after.bsp_fees.value());
    if fees_before != fees_after {
        out.push(EffectReason::ProviderFees {
            before: Amount::new(fees_before),
            after: Amount::new(fees_after),
            amount: Amount::new(exact_diff(fees_after, fees_before)?),
        });
    }
    Some(out)
}

/// What pricing the same rules on another card does to each category: the card effect.
pub(crate) fn rate_reasons(before: &Estimate, after: &Estimate) -> Option<Vec<EffectReason>> {
    reasons(before, after, |_| Kind::Rates)
}

/// The model the month's answer compares against: the one the month's rules replaced.
pub(super) fn before(current: RulesVersion) -> Option<RulesVersion> {
    current.previous()
}
