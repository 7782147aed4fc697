//! The same month under every rules version, priced with one card, so a user sees what each
//! change of Meta's rules does to their bill and why.

use super::model::{Comparison, Difference, VersionAmount, VersionResult};
use super::resolve;
use crate::catalog::{CardWanted, Catalog, RateCard};
use crate::category::Category;
use crate::scenario::{
    ErrorKind, FieldError, FieldPath, Grouped, RulesVersion, Scenario, ScenarioErrors, Setting,
};
use std::collections::BTreeMap;

/// Compares a scenario under every rules version with the data built into this binary.
pub fn compare(scenario: &Scenario) -> Result<Comparison, ScenarioErrors> {
    compare_with(Catalog::builtin(), scenario)
}

/// The card is the scenario's (given, or in force on the 1st of the month) for every version,
/// so differences come from the rules alone. A version that cannot price the scenario with that
/// card (a 2022 card has no utility rate; the Mexico test prices only Mexico) is listed with
/// its reasons rather than failing the comparison; only a scenario that no version could read
/// (bad values, no card) is an error.
pub fn compare_with(catalog: &Catalog, scenario: &Scenario) -> Result<Comparison, ScenarioErrors> {
    scenario.check()?;
    // Any version will do to resolve the card; the month's own rules may not exist (too early).
    let any_rules = resolve::Choice {
        rules: Some(RulesVersion::Pmp2026_10),
        rate_card: None,
    };
    let first = resolve::resolve(catalog, scenario, any_rules);
    let card = match &first {
        Ok(resolved) => resolved.card,
        Err(errors) => card_despite(catalog, scenario, errors)?,
    };
    // Lines resolve the same way under every version but the Mexico test (which refuses other
    // destinations), so they are resolved once with the card for all the others. A successful
    // first resolution already used this card.
    let shared = match first {
        Ok(resolved) => Ok(resolved),
        Err(_) => resolve::resolve(
            catalog,
            scenario,
            resolve::Choice {
                rules: Some(RulesVersion::Pmp2026_10),
                rate_card: Some(card.id.effective),
            },
        ),
    };
    let versions = RulesVersion::ALL
        .into_iter()
        .map(|rules| version(catalog, scenario, card, &shared, rules))
        .collect::<Vec<_>>();
    Ok(Comparison {
        rate_card: card.id.effective.to_string(),
        currency: card.id.currency.clone(),
        month: scenario.month.map(|m| m.to_string()),
        differences: differences(&versions),
        versions,
    })
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

/// One version's estimate with the comparison's card, or why it cannot price the scenario.
fn version(
    catalog: &Catalog,
    scenario: &Scenario,
    card: &RateCard,
    shared: &Result<resolve::Resolved, Vec<FieldError>>,
    rules: RulesVersion,
) -> VersionResult {
    let choice = resolve::Choice {
        rules: Some(rules),
        rate_card: Some(card.id.effective),
    };
    let result = match shared {
        Ok(resolved) if rules == RulesVersion::Mx2021_02 => {
            match outside_mexico(scenario, resolved) {
                Some(errors) => {
                    return VersionResult {
                        rules,
                        summary: rules.summary().into(),
                        estimate: None,
                        errors,
                    }
                }
                None => super::estimate_resolved(catalog, scenario, resolved, rules, false),
            }
        }
        _ if rules == RulesVersion::Mx2021_02 => super::estimate_checked(catalog, scenario, choice),
        Ok(resolved) => super::estimate_resolved(catalog, scenario, resolved, rules, false),
        Err(errors) => Err(ScenarioErrors(errors.clone())),
    };
    let (estimate, errors) = match result {
        Ok(estimate) => (Some(estimate), Vec::new()),
        Err(errors) => (None, errors.grouped_lines()),
    };
    VersionResult {
        rules,
        summary: rules.summary().into(),
        estimate,
        errors,
    }
}

/// Why the Mexico test cannot price the lines it cannot, grouped by market as
/// `grouped_lines` words them, from a resolution that priced every line under another version:
/// what resolving again under the test's rules would find, without reading every line's
/// destination again or building an error per line. None when every line is to Mexico.
fn outside_mexico(scenario: &Scenario, resolved: &resolve::Resolved) -> Option<Vec<String>> {
    let mut groups = Grouped::default();
    let mut any = false;
    for index in 0..scenario.lines.len() {
        let market = resolved.market(index);
        if market != "Mexico" {
            groups.add(market, || FieldPath::line(index));
            any = true;
        }
    }
    any.then(|| {
        groups.lines(|market| {
            let market = market.to_string();
            ErrorKind::OnlyMexico { market }.to_string()
        })
    })
}

fn differences(versions: &[VersionResult]) -> Vec<Difference> {
    let mut rows: BTreeMap<(&str, Category), Vec<VersionAmount>> = BTreeMap::new();
    for version in versions {
        let Some(estimate) = &version.estimate else {
            continue;
        };
        for market in &estimate.markets {
            for category in &market.categories {
                rows.entry((market.market.as_str(), category.category))
                    .or_default()
                    .push(VersionAmount {
                        rules: version.rules,
                        charged: category.charged,
                        amount: category.amount,
                    });
            }
        }
    }
    rows.into_iter()
        .map(|((market, category), amounts)| {
            let differs = amounts
                .windows(2)
                .any(|w| matches!(w, [a, b] if a.amount != b.amount));
            let reasons = amounts
                .iter()
                .map(|a| {
                    let (rules, how) = (a.rules.as_str(), treatment(a.rules, category));
                    let mut reason = String::with_capacity(rules.len() + 2 + how.len());
                    reason.push_str(rules);
                    reason.push_str(": ");
                    reason.push_str(how);
                    reason
                })
                .collect();
            Difference {
                market: market.to_string(),
                category,
                amounts,
                differs,
                reasons,
            }
        })
        .collect()
}

/// How a rules version treats a category, in one clause.
pub fn treatment(rules: RulesVersion, category: Category) -> &'static str {
    use Category::*;
    use RulesVersion::*;
    match (rules, category) {
        (Mx2021_02, BusinessInitiated) => "templates open 24-hour conversations at one Mexico rate, after the monthly free conversations",
        (Mx2021_02, UserInitiated) => "replies open 24-hour conversations at one Mexico rate, after the monthly free conversations",
        (Cbp2022_02, BusinessInitiated) => "templates open business-initiated conversations; utility inside the window joins the open one; the first 1,000 conversations per WABA are free",
        (Cbp2022_02, UserInitiated) => "service messages open user-initiated conversations; the first 1,000 conversations per WABA are free",
        (Cbp2023_06, Service) => "service conversations, the first 1,000 per WABA free",
        (Cbp2024_11, Service) => "service conversations are all free",
        (Cbp2023_06 | Cbp2024_11, Utility) => "utility conversations, charged even when opened inside the window; no tiers",
        (Cbp2023_06 | Cbp2024_11, AuthenticationInternational) => "authentication conversations at the international rate; no tiers",
        (Cbp2023_06 | Cbp2024_11, _) => "one charge per conversation of the category; no tiers",
        (Pmp2025_07, Utility) => "per message with volume tiers; utility inside the window is free",
        (Pmp2025_07, Service) => "service messages are free",
        (Pmp2026_10, Utility) => "per message with volume tiers; utility inside the window is charged too",
        (Pmp2026_10, Service) => "service messages beyond 1,000 per phone number are charged at the service rate, no tiers",
        (Pmp2025_07 | Pmp2026_10, Authentication | AuthenticationInternational) => "per message with volume tiers (shared by both authentication rates)",
        (Pmp2025_07 | Pmp2026_10, Marketing) => "per delivered message, no tiers",
        _ => "as the rules define it",
    }
}
