//! What a user should know about an estimate: warnings in plain sentences, which figures rest
//! on their own rates, and the one figure that drives most of the cost.

use super::model::{Driver, Estimate};
use super::price::Priced;
use super::resolve::Resolved;
use crate::catalog::Catalog;
use crate::category::Category;
use crate::money::Amount;
use crate::scenario::{RulesVersion, Scenario};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// What pricing noticed, market by market.
/// Markets are borrowed from the resolution: every category is recorded, and copying each
/// market's name for every one of them showed in the estimator's run time.
#[derive(Default)]
pub struct Notes<'a> {
    amounts: Vec<(&'a str, Category, Decimal)>,
    no_ladder: Vec<(&'a str, Category)>,
    custom: Vec<(&'a str, Category)>,
    custom_untiered: Vec<(&'a str, Category)>,
}

impl<'a> Notes<'a> {
    pub fn record(&mut self, market: &'a str, priced: &Priced) {
        let key = (market, priced.output.category);
        self.amounts.push((key.0, key.1, priced.amount));
        if priced.no_ladder {
            self.no_ladder.push(key);
        }
        if priced.output.custom && (priced.output.charged > 0 || priced.output.delivered > 0) {
            self.custom.push(key);
        }
        if priced.custom_rate_untiered {
            self.custom_untiered.push(key);
        }
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `lines[0]`, `lines[0] and lines[4]`, `lines[0], lines[4], lines[9] and 3 more`.
fn line_list(lines: &[usize]) -> String {
    const NAMED: usize = 3;
    let named: Vec<String> = lines
        .iter()
        .take(NAMED)
        .map(|i| format!("lines[{i}]"))
        .collect();
    match lines.len() {
        0..=1 => named.concat(),
        2 => named.join(" and "),
        n if n <= NAMED => format!("{} and {}", named[..n - 1].join(", "), named[n - 1]),
        n => format!("{} and {} more", named.join(", "), n - NAMED),
    }
}

/// Marketing to US numbers stopped being delivered on 2025-04-01 (timeline #13).
fn us_marketing_blocked_from() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 4, 1)
}

pub fn explain(
    catalog: &Catalog,
    scenario: &Scenario,
    resolved: &Resolved,
    notes: &Notes,
    meta_total: Decimal,
    rules_from_scenario: bool,
    estimate: &mut Estimate,
) {
    let card = resolved.card;
    let cur = &card.id.currency;
    let warnings = &mut estimate.warnings;
    // A complete card has no gaps (the build checks it), so only a partial one is inspected.
    if !card.declared_complete {
        let info = catalog.card_info(card);
        warnings.push(format!(
            "The {cur} {} card is held only in part in this build ({} markets have rates, {} of Meta's markets have none): a market it lacks cannot be priced without custom_rates.",
            card.id.effective,
            info.markets,
            info.missing_markets.len()
        ));
    }
    let period_start = resolved
        .month
        .and_then(|m| m.first_day())
        .unwrap_or(card.id.effective);
    if let Some(month) = resolved.month {
        if let (Some(first), Some(last)) = (month.first_day(), month.last_day()) {
            if let Some(next) = catalog.next_card_after(cur, first) {
                if next.id.effective <= last {
                    warnings.push(format!(
                        "A new {cur} rate card takes effect on {}, inside {month}: this estimate prices the whole month with the {} card.",
                        next.id.effective, card.id.effective
                    ));
                }
            }
            if let Some(in_force) = catalog.card_in_force(cur, first) {
                if in_force.id != card.id {
                    warnings.push(format!(
                        "You chose the {cur} {} card; the card in force on {first} is {}.",
                        card.id.effective, in_force.id.effective
                    ));
                }
            }
            if let Ok(rules) = RulesVersion::for_month(month.year, month.month) {
                if rules != resolved.rules && rules_from_scenario {
                    warnings.push(format!(
                        "You chose the {} rules; the rules in force in {month} are {rules}.",
                        resolved.rules
                    ));
                }
            }
        }
    }
    if resolved.rules == RulesVersion::Mx2021_02 {
        warnings.push(format!(
            "The Mexico test's monthly free conversations are taken as {} (free_conversations): one provider published 1,500, another 1,000, and Meta's page only says \"a free tier\".",
            thousands(scenario.free_conversations)
        ));
    }
    if us_marketing_blocked_from().is_some_and(|from| period_start >= from) {
        // One warning for the lines to US numbers and one for lines given as the North America
        // market, each naming its lines: a sheet with a US line per campaign repeats it otherwise.
        let mut to_us = (Vec::new(), 0u64);
        let mut to_north_america = (Vec::new(), 0u64);
        for (index, line) in scenario.lines.iter().enumerate() {
            if line.marketing == 0 {
                continue;
            }
            let group = if line.country.as_deref() == Some("US") {
                &mut to_us
            } else if line.country.is_none() && resolved.market(index) == "North America" {
                &mut to_north_america
            } else {
                continue;
            };
            group.0.push(index);
            group.1 = group.1.saturating_add(line.marketing);
        }
        for ((lines, marketing), whom) in [
            (to_us, "to the United States"),
            (
                to_north_america,
                "to North America (which includes the United States)",
            ),
        ] {
            if lines.is_empty() {
                continue;
            }
            warnings.push(format!(
                "{}: marketing templates to +1 United States numbers are not delivered (since April 2025), so Meta charges nothing for them; the {} marketing messages {whom} are priced here as if they were delivered.",
                line_list(&lines),
                thousands(marketing),
            ));
        }
    }
    for (market, category) in &notes.no_ladder {
        warnings.push(format!(
            "{market} {category}: the {cur} {} card has no published volume-tier ladder, so every message is priced at the list rate; the amount is an upper bound.",
            card.id.effective
        ));
    }
    for (market, category) in &notes.custom {
        warnings.push(format!(
            "{market} {category} is priced with your custom rate{}, not with Meta's {cur} {} card.",
            if notes.custom_untiered.contains(&(*market, *category)) {
                " at a flat rate (Meta's tier ladder belongs to Meta's list rate; add custom_tiers to tier it)"
            } else {
                ""
            },
            card.id.effective
        ));
    }
    estimate.custom = !notes.custom.is_empty();

    let top = notes.amounts.iter().fold(
        None::<&(&str, Category, Decimal)>,
        |best, item| match best {
            Some(b) if b.2 >= item.2 => Some(b),
            _ => Some(item),
        },
    );
    if let Some((market, category, amount)) =
        top.filter(|t| t.2 > Decimal::ZERO && meta_total > Decimal::ZERO)
    {
        let share = (*amount / meta_total)
            .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
        let assumptions = assumptions(
            scenario,
            resolved.rules,
            *category,
            notes.custom.contains(&(*market, *category)),
        );
        let percent = (share * Decimal::ONE_HUNDRED).normalize();
        warnings.push(format!(
            "{market} {category} is {percent}% of Meta's charge ({cur} {}); it rests on {}.",
            Amount::new(*amount),
            assumptions.join(", ")
        ));
        estimate.main_driver = Some(Driver {
            market: market.to_string(),
            category: *category,
            amount: Amount::new(*amount),
            share: share.normalize().to_string(),
            assumptions,
        });
    }
}

/// The scenario fields a category's amount depends on, most direct first.
fn assumptions(
    scenario: &Scenario,
    rules: RulesVersion,
    category: Category,
    custom: bool,
) -> Vec<String> {
    let mut list = vec![match category {
        Category::BusinessInitiated => {
            "the marketing, utility and authentication counts".to_string()
        }
        Category::UserInitiated => "the service counts".to_string(),
        Category::AuthenticationInternational => "the authentication counts".to_string(),
        other => format!("the {other} counts"),
    }];
    if scenario.entry_point > Decimal::ZERO {
        list.push(format!("entry_point {}", scenario.entry_point));
    }
    let conversation = rules.counts_conversations();
    let per = &scenario.per_conversation;
    match category {
        Category::Utility if rules == RulesVersion::Pmp2025_07 => {
            list.push(format!("utility_in_window {}", scenario.utility_in_window))
        }
        Category::Service if rules == RulesVersion::Pmp2026_10 => list.push(format!(
            "the free tier of 1,000 service messages per phone number (phone_numbers {})",
            scenario.phone_numbers
        )),
        Category::Service if rules == RulesVersion::Cbp2023_06 => {
            list.push(format!("per_conversation.service {}", per.service));
            list.push(format!(
                "the 1,000 free service conversations per WABA (wabas {})",
                scenario.wabas
            ));
        }
        Category::BusinessInitiated => {
            list.push(format!(
                "per_conversation (marketing {}, utility {}, authentication {})",
                per.marketing, per.utility, per.authentication
            ));
            list.push(format!("utility_in_window {}", scenario.utility_in_window));
        }
        Category::UserInitiated => list.push(format!("per_conversation.service {}", per.service)),
        Category::Marketing if conversation => {
            list.push(format!("per_conversation.marketing {}", per.marketing))
        }
        Category::Utility if conversation => {
            list.push(format!("per_conversation.utility {}", per.utility))
        }
        Category::Authentication | Category::AuthenticationInternational if conversation => list
            .push(format!(
                "per_conversation.authentication {}",
                per.authentication
            )),
        _ => {}
    }
    match rules {
        RulesVersion::Cbp2022_02
            if matches!(
                category,
                Category::BusinessInitiated | Category::UserInitiated
            ) =>
        {
            list.push(format!(
                "the 1,000 free conversations per WABA (wabas {})",
                scenario.wabas
            ))
        }
        RulesVersion::Mx2021_02 => list.push(format!(
            "free_conversations {}",
            scenario.free_conversations
        )),
        _ => {}
    }
    if category == Category::AuthenticationInternational {
        list.push("auth_international and business_country".into());
    }
    if custom {
        list.push("your custom rates".into());
    }
    list
}
