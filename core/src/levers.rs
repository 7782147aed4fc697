//! Savings, quantified: for the month of a scenario, each lever the rules in force make real,
//! with the money it saves found by re-estimating the scenario with the lever pulled
//! (docs/plan.md). A lever is listed only where the re-estimate costs less.

use crate::catalog::Catalog;
use crate::estimate::{estimate_with, Estimate};
use crate::money::Amount;
use crate::scenario::{RulesVersion, Scenario, ScenarioErrors};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverKind {
    /// Ten more percentage points of every category through free entry points.
    EntryPoint,
    /// Ten more percentage points of utility templates sent inside an open customer service
    /// window, where the rules make them free.
    UtilityInWindow,
    /// One more business phone number, with its own monthly free service messages.
    PhoneNumber,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lever {
    pub lever: LeverKind,
    /// The rule of docs/rules.md that makes it save money (`PMP-2`, `SVC-3`, …).
    pub rule: String,
    /// The scenario field the hypothesis changes, with its value before and after.
    pub field: String,
    pub from: String,
    pub to: String,
    /// The hypothesis in English.
    pub hypothesis: String,
    /// The re-estimate's total (Meta plus the provider's fees).
    pub total: Amount,
    /// The scenario's total minus the re-estimate's: always above zero.
    pub saving: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Levers {
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    pub rules: RulesVersion,
    /// The scenario's own total.
    pub total: Amount,
    pub levers: Vec<Lever>,
}

/// The levers with the data built into this binary.
pub fn levers(scenario: &Scenario) -> Result<Levers, ScenarioErrors> {
    levers_with(Catalog::builtin(), scenario)
}

pub fn levers_with(catalog: &Catalog, scenario: &Scenario) -> Result<Levers, ScenarioErrors> {
    let base = estimate_with(catalog, scenario)?;
    let ten_points = Decimal::new(10, 2);
    let mut candidates: Vec<(LeverKind, &'static str, Scenario)> = Vec::new();
    if scenario.entry_point < Decimal::ONE {
        let rule = match base.rules {
            RulesVersion::Mx2021_02 => "MX-5",
            RulesVersion::Cbp2022_02 => "CBP1-6",
            RulesVersion::Cbp2023_06 | RulesVersion::Cbp2024_11 => "CBP2-7",
            RulesVersion::Pmp2025_07 => "PMP-2",
            RulesVersion::Pmp2026_10 => "SVC-2",
        };
        let mut pulled = scenario.clone();
        pulled.entry_point = (scenario.entry_point + ten_points).min(Decimal::ONE);
        candidates.push((LeverKind::EntryPoint, rule, pulled));
    }
    let window_rule = match base.rules {
        RulesVersion::Pmp2025_07 => Some("PMP-4"),
        RulesVersion::Cbp2022_02 => Some("CBP1-3"),
        _ => None,
    };
    if let (Some(rule), true) = (window_rule, scenario.utility_in_window < Decimal::ONE) {
        let mut pulled = scenario.clone();
        pulled.utility_in_window = (scenario.utility_in_window + ten_points).min(Decimal::ONE);
        candidates.push((LeverKind::UtilityInWindow, rule, pulled));
    }
    if base.rules == RulesVersion::Pmp2026_10 {
        let mut pulled = scenario.clone();
        pulled.phone_numbers = scenario.phone_numbers.saturating_add(1);
        candidates.push((LeverKind::PhoneNumber, "SVC-3", pulled));
    }
    let levers = candidates
        .into_iter()
        .filter_map(|(kind, rule, pulled)| lever(catalog, scenario, &base, kind, rule, &pulled))
        .collect();
    Ok(Levers {
        currency: base.currency.clone(),
        month: base.month.clone(),
        rules: base.rules,
        total: base.total,
        levers,
    })
}

/// The lever if its re-estimate prices and costs less than the scenario.
fn lever(
    catalog: &Catalog,
    scenario: &Scenario,
    base: &Estimate,
    kind: LeverKind,
    rule: &str,
    pulled: &Scenario,
) -> Option<Lever> {
    let after = estimate_with(catalog, pulled).ok()?;
    let saving = base.total.value() - after.total.value();
    if saving <= Decimal::ZERO {
        return None;
    }
    let (field, from, to) = match kind {
        LeverKind::EntryPoint => (
            "entry_point",
            scenario.entry_point.normalize().to_string(),
            pulled.entry_point.normalize().to_string(),
        ),
        LeverKind::UtilityInWindow => (
            "utility_in_window",
            scenario.utility_in_window.normalize().to_string(),
            pulled.utility_in_window.normalize().to_string(),
        ),
        LeverKind::PhoneNumber => (
            "phone_numbers",
            scenario.phone_numbers.to_string(),
            pulled.phone_numbers.to_string(),
        ),
    };
    let hypothesis = match kind {
        LeverKind::EntryPoint => format!(
            "Ten more percentage points of every category's messages delivered in free entry point windows (Click-to-WhatsApp ads, Page buttons): entry_point {from} → {to}."
        ),
        LeverKind::UtilityInWindow => format!(
            "Ten more percentage points of utility templates sent inside an open customer service window, where the {} rules make them free: utility_in_window {from} → {to}.",
            base.rules
        ),
        LeverKind::PhoneNumber => format!(
            "One more business phone number sending service messages, each number with its own 1,000 free service messages a month, net of the provider's per-number fee: phone_numbers {from} → {to}."
        ),
    };
    Some(Lever {
        lever: kind,
        rule: rule.to_string(),
        field: field.to_string(),
        from,
        to,
        hypothesis,
        total: after.total,
        saving: Amount::new(saving),
    })
}
