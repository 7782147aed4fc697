//! Prices the scenario under a rules version on a given card. Lines resolve the same way under
//! every version but the Mexico test (which refuses other destinations), so each card's
//! resolution is made once and shared by the versions priced on it.

use super::super::model::Estimate;
use super::super::resolve::{self, Resolved};
use crate::catalog::{Catalog, RateCard};
use crate::scenario::{ErrorKind, FieldError, FieldPath, RulesVersion, Scenario, ScenarioErrors};
use chrono::NaiveDate;

type Resolution<'a> = Result<Resolved<'a>, Vec<FieldError>>;

pub(super) struct Pricer<'a> {
    pub catalog: &'a Catalog,
    pub scenario: &'a Scenario,
    /// Each card's resolution, by effective date (one currency per comparison).
    resolved: Vec<(NaiveDate, Resolution<'a>)>,
}

impl<'a> Pricer<'a> {
    pub fn new(catalog: &'a Catalog, scenario: &'a Scenario) -> Pricer<'a> {
        Pricer {
            catalog,
            scenario,
            resolved: Vec::new(),
        }
    }

    /// Keeps a resolution already made (the month's card, resolved to find it).
    pub fn keep(&mut self, card: &RateCard, resolution: Resolution<'a>) {
        if !self.resolved.iter().any(|(d, _)| *d == card.id.effective) {
            self.resolved.push((card.id.effective, resolution));
        }
    }

    fn resolution(&mut self, card: &RateCard) -> Option<&Resolution<'a>> {
        let date = card.id.effective;
        if !self.resolved.iter().any(|(d, _)| *d == date) {
            let choice = resolve::Choice {
                rules: Some(RulesVersion::Pmp2026_10),
                rate_card: Some(date),
            };
            let resolution = resolve::resolve(self.catalog, self.scenario, choice);
            self.resolved.push((date, resolution));
        }
        self.resolved
            .iter()
            .find(|(d, _)| *d == date)
            .map(|(_, resolution)| resolution)
    }

    /// The estimate of `rules` on `card`, or every reason it cannot be made.
    pub fn price(
        &mut self,
        rules: RulesVersion,
        card: &RateCard,
    ) -> Result<Estimate, ScenarioErrors> {
        let (catalog, scenario) = (self.catalog, self.scenario);
        if rules == RulesVersion::Mx2021_02 {
            // The Mexico test refuses every other destination: from the card's resolution,
            // whose lines resolve as the test's would, rather than resolving them all again.
            if let Some(Ok(resolved)) = self.resolution(card) {
                return match outside_mexico(scenario, resolved) {
                    Some(errors) => Err(errors),
                    None => {
                        super::super::estimate_resolved(catalog, scenario, resolved, rules, false)
                    }
                };
            }
            let choice = resolve::Choice {
                rules: Some(rules),
                rate_card: Some(card.id.effective),
            };
            return super::super::estimate_checked(catalog, scenario, choice);
        }
        match self.resolution(card) {
            // The rules are passed beside the resolution: no copy of it per version.
            Some(Ok(resolved)) => {
                super::super::estimate_resolved(catalog, scenario, resolved, rules, false)
            }
            Some(Err(errors)) => Err(ScenarioErrors(errors.clone())),
            // Unreachable: the resolution was made just above.
            None => Err(ScenarioErrors(Vec::new())),
        }
    }
}

/// Why the Mexico test cannot price the lines it cannot, one error per line as resolving
/// under the test's rules gives them, from a resolution made under other rules; none when
/// every line is to Mexico.
fn outside_mexico(scenario: &Scenario, resolved: &Resolved) -> Option<ScenarioErrors> {
    let errors: Vec<FieldError> = (0..scenario.lines.len())
        .filter_map(|index| {
            let market = resolved.market(index);
            (market != "Mexico").then(|| {
                let market = market.to_string();
                FieldError::new(FieldPath::line(index), ErrorKind::OnlyMexico { market })
            })
        })
        .collect();
    (!errors.is_empty()).then_some(ScenarioErrors(errors))
}
