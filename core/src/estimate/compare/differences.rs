//! Per market and category, each version's charge side by side, and how each version treats
//! the category.

use super::super::model::{Difference, VersionAmount, VersionResult};
use crate::category::Category;
use crate::scenario::RulesVersion;
use std::collections::BTreeMap;

pub(super) fn differences(versions: &[VersionResult]) -> Vec<Difference> {
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
