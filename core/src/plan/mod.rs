//! The year plan: a scenario grown month by month and each month priced by the estimator with
//! the rules version and the card in force in that month (docs/plan.md).
//!
//! A month of a plan *is* an estimate: `month_scenarios` builds the scenario of each month and
//! `plan` prices it with `estimate`, adding only sums, the cumulative total and the reasons a
//! month's cost moved when Meta's rules or card changed (found by re-estimating the month under
//! the previous month's rules and card). The counts are the plan's one rounding
//! (`growth.rs`).

mod error;
mod growth;
mod model;
mod note;
mod settings;

pub use error::{PlanError, PlanErrorKind, PlanErrors, PlanPath};
pub use growth::Power;
pub use model::{Plan, PlanMonth};
pub use note::{CategoryChange, PlanNote};
pub(crate) use settings::decimal;
pub use settings::decimal_text;
pub use settings::{CategoryGrowth, PlanSettings, MAX_GROWTH, MAX_MONTHS, MAX_MULTIPLIER};

use crate::catalog::Catalog;
use crate::category::Category;
use crate::estimate::{estimate_with, Estimate};
use crate::line_category::{Counts, LineCategory};
use crate::money::Amount;
use crate::problem::Problems;
use crate::scenario::{FieldPath, Month, Scenario, Setting, MAX_COUNT};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Plans with the data built into this binary.
pub fn plan(scenario: &Scenario, settings: &PlanSettings) -> Result<Plan, PlanErrors> {
    plan_with(Catalog::builtin(), scenario, settings)
}

/// `months` months from `start`: month `m` (0 for the first) of `start`.
pub fn month_at(start: Month, m: u32) -> Month {
    let index = i64::from(start.year) * 12 + i64::from(start.month) - 1 + i64::from(m);
    Month {
        year: i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX),
        month: u32::try_from(index.rem_euclid(12) + 1).unwrap_or(1),
    }
}

/// The scenario of every month of the plan, checked: the base scenario with its `month` set
/// and each count grown. `estimate` of one of them is that month of the plan, exactly.
pub fn month_scenarios(
    scenario: &Scenario,
    settings: &PlanSettings,
) -> Result<Vec<Scenario>, PlanErrors> {
    let mut errors = Vec::new();
    if let Err(problems) = settings.check() {
        errors.extend(problems.0);
    }
    if let Err(problems) = scenario.check() {
        errors.extend(PlanErrors::from(problems).0);
    }
    if scenario.rules.is_some() {
        errors.push(PlanError::new(
            PlanPath::Scenario(Setting::Rules.path()),
            PlanErrorKind::ChosenByThePlan { field: "rules" },
        ));
    }
    if scenario.rate_card.is_some() {
        errors.push(PlanError::new(
            PlanPath::Scenario(Setting::RateCard.path()),
            PlanErrorKind::ChosenByThePlan { field: "rate_card" },
        ));
    }
    let start = settings.start.or(scenario.month);
    if start.is_none() {
        errors.push(PlanError::new(
            PlanPath::setting("start"),
            PlanErrorKind::NoStart,
        ));
    }
    let (Some(start), true) = (start, errors.is_empty()) else {
        return Err(Problems(errors));
    };
    // One power per category and month, shared by every line.
    let powers: Vec<[Power; 4]> = (0..settings.months)
        .map(|m| LineCategory::ALL.map(|c| Power::of(settings.growth_of(c), m)))
        .collect();
    let mut months: Vec<Scenario> = (0..settings.months)
        .map(|m| Scenario {
            month: Some(month_at(start, m)),
            ..scenario.clone()
        })
        .collect();
    for (index, line) in scenario.lines.iter().enumerate() {
        for (c, category) in LineCategory::ALL.into_iter().enumerate() {
            let base = category.of(line);
            if base == 0 {
                continue;
            }
            for (m, month) in months.iter_mut().enumerate() {
                let Some(calendar) = month.month else {
                    continue;
                };
                let count = powers
                    .get(m)
                    .and_then(|row| row.get(c))
                    .and_then(|power| power.count(base, settings.multiplier_of(calendar.month)));
                match count.filter(|&n| n <= MAX_COUNT) {
                    Some(n) => {
                        if let Some(line) = month.lines.get_mut(index) {
                            *category.slot(line) = n;
                        }
                    }
                    None => {
                        errors.push(PlanError::new(
                            PlanPath::Scenario(FieldPath::line_field(index, category.field())),
                            PlanErrorKind::CountTooLarge {
                                month: calendar,
                                category,
                                count,
                            },
                        ));
                        break;
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(months)
    } else {
        Err(Problems(errors))
    }
}

/// Plans with a given catalog.
pub fn plan_with(
    catalog: &Catalog,
    scenario: &Scenario,
    settings: &PlanSettings,
) -> Result<Plan, PlanErrors> {
    let scenarios = month_scenarios(scenario, settings)?;
    let currency = scenario.currency.clone();
    let latest = catalog
        .cards()
        .iter()
        .filter(|c| c.id.currency == currency)
        .map(|c| c.id.effective)
        .max();
    let mut months = Vec::with_capacity(scenarios.len());
    let (mut meta_total, mut bsp_fees, mut total) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut unpriced_months = Vec::new();
    let mut latest_months = Vec::new();
    let mut previous: Option<Estimate> = None;
    for month_scenario in &scenarios {
        let month = month_scenario
            .month
            .map(|m| m.to_string())
            .unwrap_or_default();
        let mut messages = Counts::default();
        for line in &month_scenario.lines {
            for category in LineCategory::ALL {
                messages.add(category, category.of(line));
            }
        }
        let mut notes = Vec::new();
        let priced = estimate_with(catalog, month_scenario);
        let out = match priced {
            Ok(estimate) => {
                if let Some(before) = &previous {
                    notes.extend(change_notes(catalog, month_scenario, before, &estimate));
                }
                let after_latest = latest.is_some_and(|card| {
                    estimate.rate_card == card.to_string()
                        && month_scenario
                            .month
                            .and_then(Month::first_day)
                            .is_some_and(|first| first > card)
                });
                if after_latest {
                    latest_months.push(month.clone());
                    notes.push(PlanNote::LatestCard {
                        currency: currency.clone(),
                        card: estimate.rate_card.clone(),
                    });
                }
                meta_total += estimate.meta_total.value();
                bsp_fees += estimate.bsp_fees.value();
                total += estimate.total.value();
                let month_out = PlanMonth {
                    month,
                    messages,
                    rules: Some(estimate.rules),
                    rate_card: Some(estimate.rate_card.clone()),
                    categories: by_category(&estimate),
                    meta_total: Some(estimate.meta_total),
                    bsp_fees: Some(estimate.bsp_fees),
                    total: Some(estimate.total),
                    cumulative_total: Amount::new(total),
                    reasons: notes.iter().map(PlanNote::english).collect(),
                    notes,
                    unpriced: Vec::new(),
                };
                previous = Some(estimate);
                month_out
            }
            Err(errors) => {
                unpriced_months.push(month.clone());
                notes.push(PlanNote::Unpriced {
                    month: month.clone(),
                });
                previous = None;
                PlanMonth {
                    month,
                    messages,
                    rules: None,
                    rate_card: None,
                    categories: BTreeMap::new(),
                    meta_total: None,
                    bsp_fees: None,
                    total: None,
                    cumulative_total: Amount::new(total),
                    reasons: notes.iter().map(PlanNote::english).collect(),
                    notes,
                    unpriced: errors.grouped_lines(),
                }
            }
        };
        months.push(out);
    }
    let mut notes = Vec::new();
    if !unpriced_months.is_empty() {
        notes.push(PlanNote::UnpricedMonths {
            months: unpriced_months,
        });
    }
    if let (Some(card), false) = (latest, latest_months.is_empty()) {
        notes.push(PlanNote::LatestCardMonths {
            currency: currency.clone(),
            card: card.to_string(),
            months: latest_months,
        });
    }
    Ok(Plan {
        currency,
        start: months.first().map(|m| m.month.clone()).unwrap_or_default(),
        months,
        meta_total: Amount::new(meta_total),
        bsp_fees: Amount::new(bsp_fees),
        total: Amount::new(total),
        warnings: notes.iter().map(PlanNote::english).collect(),
        notes,
    })
}

/// Meta's charge by category, over every market.
pub fn by_category(estimate: &Estimate) -> BTreeMap<Category, Amount> {
    let mut sums: BTreeMap<Category, Decimal> = BTreeMap::new();
    for market in &estimate.markets {
        for category in &market.categories {
            *sums.entry(category.category).or_default() += category.amount.value();
        }
    }
    sums.into_iter().map(|(c, a)| (c, Amount::new(a))).collect()
}

/// What a change of rules and of card does at this month's volumes: the month re-estimated
/// with the previous month's rules and card, then with one of the two changed (the rules
/// first; the card first when the previous card cannot price the new rules), then as it is.
fn change_notes(
    catalog: &Catalog,
    month: &Scenario,
    before: &Estimate,
    now: &Estimate,
) -> Vec<PlanNote> {
    let rules_changed = before.rules != now.rules;
    let card_changed = before.rate_card != now.rate_card;
    if !rules_changed && !card_changed {
        return Vec::new();
    }
    let previous_card = crate::date::parse_date(&before.rate_card);
    let this_card = crate::date::parse_date(&now.rate_card);
    let priced_with = |rules, card| {
        let scenario = Scenario {
            rules: Some(rules),
            rate_card: card,
            ..month.clone()
        };
        estimate_with(catalog, &scenario).ok()
    };
    let old = priced_with(before.rules, previous_card);
    // (rules from, rules to) and (card from, card to), and whether the card's figures hold
    // the rules' effect too.
    let (rules_step, card_step, with_rules) = match (rules_changed, card_changed) {
        (true, true) => match priced_with(now.rules, previous_card) {
            Some(middle) => (
                Some((old.clone(), Some(middle.clone()))),
                Some((Some(middle), Some(now.clone()))),
                false,
            ),
            None => match priced_with(before.rules, this_card) {
                Some(middle) => (
                    Some((Some(middle.clone()), Some(now.clone()))),
                    Some((old, Some(middle))),
                    false,
                ),
                None => (Some((None, None)), Some((old, Some(now.clone()))), true),
            },
        },
        (true, false) => (Some((old, Some(now.clone()))), None, false),
        _ => (None, Some((old, Some(now.clone()))), false),
    };
    let mut notes = Vec::new();
    if let Some((from, to)) = rules_step {
        let (change, categories) = difference(from.as_ref(), to.as_ref());
        if change != Some(Amount::ZERO) {
            notes.push(PlanNote::RulesChange {
                from: before.rules,
                to: now.rules,
                currency: now.currency.clone(),
                change,
                categories,
            });
        }
    }
    if let Some((from, to)) = card_step {
        let (change, categories) = difference(from.as_ref(), to.as_ref());
        if change != Some(Amount::ZERO) {
            notes.push(PlanNote::CardChange {
                currency: now.currency.clone(),
                from: before.rate_card.clone(),
                to: now.rate_card.clone(),
                change,
                with_rules,
                categories,
            });
        }
    }
    notes
}

/// Meta's charge and the categories whose amount differs, from one estimate to the other.
fn difference(
    from: Option<&Estimate>,
    to: Option<&Estimate>,
) -> (Option<Amount>, Vec<CategoryChange>) {
    let (Some(from), Some(to)) = (from, to) else {
        return (None, Vec::new());
    };
    let (before, after) = (by_category(from), by_category(to));
    let mut categories: Vec<Category> = before.keys().chain(after.keys()).copied().collect();
    categories.sort();
    categories.dedup();
    let changes = categories
        .into_iter()
        .filter_map(|category| {
            let b = before.get(&category).copied().unwrap_or(Amount::ZERO);
            let a = after.get(&category).copied().unwrap_or(Amount::ZERO);
            (a.value() != b.value()).then_some(CategoryChange {
                category,
                before: b,
                after: a,
            })
        })
        .collect();
    (
        Some(Amount::new(to.meta_total.value() - from.meta_total.value())),
        changes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_follow_the_calendar() {
        let start: Month = "2026-11".parse().unwrap();
        let shown: Vec<String> = [0, 1, 2, 13, 35]
            .into_iter()
            .map(|m| month_at(start, m).to_string())
            .collect();
        assert_eq!(
            shown,
            ["2026-11", "2026-12", "2027-01", "2027-12", "2029-10"]
        );
    }
}
