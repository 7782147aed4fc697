//! The same month under every rules version, so a user sees what each change of Meta's rules
//! did to their bill and why. By default each model is priced on the card of its time (the
//! old conversation model on the old card), never converting between currencies; `same` prices
//! every model on the month's one card, so differences come from the rules alone.

mod answer;
mod cannot;
mod card_of_time;
mod differences;
pub mod model;
mod pricing;

use super::model::{Comparison, VersionResult};
use super::resolve;
use crate::catalog::{CardWanted, Catalog, RateCard};
use crate::category::Category;
use crate::money::{exact_add, Amount};
use crate::scenario::{ErrorKind, FieldError, RulesVersion, Scenario, ScenarioErrors, Setting};
use card_of_time::Anchor;
use model::{CardReason, CardsFor, VersionDifference};
use pricing::Pricer;

pub(crate) use answer::rate_reasons;
pub use differences::treatment;

/// Compares a scenario under every rules version, each on the card of its time, with the data
/// built into this binary.
pub fn compare(scenario: &Scenario) -> Result<Comparison, ScenarioErrors> {
    compare_with(Catalog::builtin(), scenario)
}

/// `compare` with a given catalog (tests, or data loaded at run time).
pub fn compare_with(catalog: &Catalog, scenario: &Scenario) -> Result<Comparison, ScenarioErrors> {
    compare_cards(catalog, scenario, CardsFor::OfTheirTime)
}

/// A version that cannot price the scenario (a 2022 card has no utility rate; the Mexico test
/// prices only Mexico) is listed with its reasons rather than failing the comparison; only a
/// scenario that no version could read (bad values, no card for the month) is an error.
pub fn compare_cards(
    catalog: &Catalog,
    scenario: &Scenario,
    cards: CardsFor,
) -> Result<Comparison, ScenarioErrors> {
    scenario.check()?;
    // Any version will do to resolve the month's card; the month's own rules may not exist.
    let any_rules = resolve::Choice {
        rules: Some(RulesVersion::Pmp2026_10),
        rate_card: None,
    };
    let first = resolve::resolve(catalog, scenario, any_rules);
    let month_card = match &first {
        Ok(resolved) => resolved.card,
        Err(errors) => card_despite(catalog, scenario, errors)?,
    };
    let mut pricer = Pricer::new(catalog, scenario);
    // A successful first resolution already used the month's card.
    if let Ok(resolved) = first {
        pricer.keep(month_card, Ok(resolved));
    }
    let anchor = anchor(scenario, month_card);
    let currency = month_card.id.currency.as_str();
    let mut cards_used: Vec<Option<&RateCard>> = Vec::with_capacity(RulesVersion::ALL.len());
    let mut versions: Vec<VersionResult> = Vec::with_capacity(RulesVersion::ALL.len());
    for rules in RulesVersion::ALL {
        let (card, version) = match cards {
            CardsFor::Same => same_card(&mut pricer, month_card, rules),
            CardsFor::OfTheirTime => of_their_time(&mut pricer, currency, rules, &anchor),
        };
        cards_used.push(card);
        versions.push(version);
    }
    add_differences(&mut versions, anchor.current);
    let answer = answer::before(anchor.current).and_then(|before| {
        let at = |rules: RulesVersion| RulesVersion::ALL.iter().position(|r| *r == rules);
        let (now, then) = (at(anchor.current)?, at(before)?);
        let priced = |i: usize| {
            Some(answer::Priced {
                result: versions.get(i)?,
                card: cards_used.get(i).copied().flatten(),
            })
        };
        Some(answer::answer(
            &mut pricer,
            currency,
            &priced(now)?,
            &priced(then)?,
        ))
    });
    Ok(Comparison {
        rate_card: month_card.id.effective.to_string(),
        currency: currency.to_string(),
        month: scenario.month.map(|m| m.to_string()),
        cards,
        current: anchor.current,
        differences: differences::differences(&versions),
        versions,
        answer,
    })
}

/// The month, its first day (or the chosen card's date without a month), the card chosen and
/// the month's own model.
fn anchor(scenario: &Scenario, month_card: &RateCard) -> Anchor {
    let date = scenario
        .month
        .and_then(|m| m.first_day())
        .or(scenario.rate_card)
        .unwrap_or(month_card.id.effective);
    let current = scenario
        .month
        .and_then(|m| RulesVersion::for_month(m.year, m.month).ok())
        .or(scenario.rules)
        .or_else(|| RulesVersion::on(date))
        .unwrap_or(RulesVersion::Pmp2026_10);
    Anchor {
        month: scenario.month,
        date,
        chosen: scenario.rate_card,
        current,
    }
}

/// One version on the month's card, as every version was priced before models had cards of
/// their own.
fn same_card<'c>(
    pricer: &mut Pricer<'c>,
    card: &'c RateCard,
    rules: RulesVersion,
) -> (Option<&'c RateCard>, VersionResult) {
    let result = pricer.price(rules, card);
    let cannot_price = result.as_ref().err().map(|errors| {
        let reading = cannot::read(&errors.0);
        let date = card.id.effective.to_string();
        cannot::cannot_price(&reading, &card.id.currency, Some(card), &date)
    });
    let mut version = version_result(rules, Some(card), CardReason::Same, result);
    version.cannot_price = cannot_price;
    (Some(card), version)
}

/// One version on the card of its time, or on the first card that can price the sheet after
/// it: the latest in force during the model, then the latest complete card of the currency.
fn of_their_time<'c>(
    pricer: &mut Pricer<'c>,
    currency: &str,
    rules: RulesVersion,
    anchor: &Anchor,
) -> (Option<&'c RateCard>, VersionResult) {
    let catalog = pricer.catalog;
    let own = card_of_time::card_of_its_time(catalog, currency, rules, anchor);
    let first_try = own.card.map(|card| pricer.price(rules, card));
    let errors = match first_try {
        Some(Ok(estimate)) => {
            return (
                own.card,
                version_result(rules, own.card, own.reason, Ok(estimate)),
            )
        }
        Some(Err(errors)) => errors,
        None => ScenarioErrors(Vec::new()),
    };
    let reading = cannot::read(&errors.0);
    if reading.card_only() {
        let instead_of = own.card.map(|c| c.id.effective.to_string());
        // A card that prints nowhere a category the sheet is charged for under these rules
        // fails as surely as the card of its time did: it is not priced (a 2022 model tries no
        // per-message card). Authentication is left out: a card's international rates can
        // take all of it.
        let charged = charged_categories(pricer.scenario, rules);
        let may_price = |card: &RateCard| {
            charged
                .iter()
                .chain(&reading.lacks.categories)
                .all(|category| card.has_category(*category))
        };
        let during = card_of_time::during_model(catalog, currency, &own);
        for card in during.into_iter().filter(|c| may_price(c)) {
            if let Ok(estimate) = pricer.price(rules, card) {
                let reason = CardReason::LatestDuringModel {
                    instead_of: instead_of.clone().unwrap_or_default(),
                    lacks: reading.lacks.clone(),
                };
                return (
                    Some(card),
                    version_result(rules, Some(card), reason, Ok(estimate)),
                );
            }
        }
        let tried = |c: &RateCard| {
            own.card.is_some_and(|o| o.id == c.id)
                || (own.since..=own.until).contains(&c.id.effective)
        };
        for card in card_of_time::complete_cards(catalog, currency) {
            if tried(card) || !may_price(card) {
                continue;
            }
            if let Ok(estimate) = pricer.price(rules, card) {
                let reason = CardReason::LatestComplete {
                    instead_of: instead_of.clone(),
                    lacks: reading.lacks.clone(),
                };
                return (
                    Some(card),
                    version_result(rules, Some(card), reason, Ok(estimate)),
                );
            }
        }
    }
    let cannot_price = cannot::cannot_price(&reading, currency, own.card, &own.month);
    let no_card = errors.0.is_empty();
    let mut version = version_result(rules, own.card, own.reason, Err(errors));
    if no_card {
        version.errors = vec![cannot_price.to_string()];
    }
    version.cannot_price = Some(cannot_price);
    (own.card, version)
}

/// The categories other than authentication with charged units under `rules`, whatever the
/// card: only authentication moves to its international rate with the card.
fn charged_categories(scenario: &Scenario, rules: RulesVersion) -> Vec<Category> {
    let domestic = vec![false; scenario.lines.len()];
    let split = super::parts::Split::new(scenario, rules, &domestic);
    let mut charged: Vec<Category> = Vec::new();
    for line in 0..scenario.lines.len() {
        for part in split.line(line) {
            let category = part.category;
            if part.charged() > 0
                && !matches!(
                    category,
                    Category::Authentication | Category::AuthenticationInternational
                )
                && !charged.contains(&category)
            {
                charged.push(category);
            }
        }
    }
    charged
}

fn version_result(
    rules: RulesVersion,
    card: Option<&RateCard>,
    card_reason: CardReason,
    result: Result<super::model::Estimate, ScenarioErrors>,
) -> VersionResult {
    let (estimate, errors, problems) = match result {
        Ok(estimate) => (Some(estimate), Vec::new(), Vec::new()),
        Err(errors) => (None, errors.grouped_lines(), errors.0),
    };
    VersionResult {
        rules,
        name: rules.name(),
        summary: rules.summary().into(),
        rate_card: card.map(|c| c.id.effective.to_string()),
        card_reason,
        estimate,
        errors,
        cannot_price: None,
        difference: None,
        problems,
    }
}

/// Each priced version's totals minus the current model's, when the current model is priced.
fn add_differences(versions: &mut [VersionResult], current: RulesVersion) {
    let Some(base) = versions
        .iter()
        .find(|v| v.rules == current)
        .and_then(|v| v.estimate.as_ref())
        .map(|e| (e.meta_total.value(), e.total.value()))
    else {
        return;
    };
    // Exact differences, or none: a difference that a Decimal cannot hold exactly is not shown
    // rounded (two amounts of the same currency, so in practice always exact).
    let minus = |a: Amount, b: rust_decimal::Decimal| exact_add(a.value(), -b).map(Amount::new);
    for version in versions.iter_mut() {
        version.difference = version.estimate.as_ref().and_then(|e| {
            Some(VersionDifference {
                meta_total: minus(e.meta_total, base.0)?,
                total: minus(e.total, base.1)?,
            })
        });
    }
}

/// The card to compare with when resolving found problems: none when a problem stops every
/// version (the currency, the card, the month, a country no table places), otherwise the
/// scenario's card, whose lines some version may still price.
fn card_despite<'c>(
    catalog: &'c Catalog,
    scenario: &Scenario,
    errors: &[FieldError],
) -> Result<&'c RateCard, ScenarioErrors> {
    let fatal: Vec<FieldError> = errors
        .iter()
        .filter(|e| stops_every_version(&e.kind))
        .cloned()
        .collect();
    if !fatal.is_empty() {
        return Err(ScenarioErrors::capped(fatal));
    }
    let first = scenario.month.and_then(|m| m.first_day());
    let wanted = match (scenario.rate_card, first) {
        (Some(date), _) => CardWanted::TakesEffect(date),
        (None, Some(first)) => CardWanted::InForceOn(first),
        (None, None) => {
            return Err(ScenarioErrors::one(
                Setting::RateCard,
                ErrorKind::NoCardToCompare,
            ))
        }
    };
    catalog
        .choose_card(&scenario.currency, wanted)
        .map_err(|_| ScenarioErrors::one(Setting::RateCard, ErrorKind::NoCardToCompare))
}

/// Problems no rules version gets past: the currency and card, the month, and a country that
/// no market table places.
fn stops_every_version(kind: &ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::Card(_)
            | ErrorKind::NoRules(_)
            | ErrorKind::MonthRequired
            | ErrorKind::Lookup(_)
    )
}
