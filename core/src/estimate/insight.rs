//! What a user should know about an estimate: warnings in plain sentences, which figures rest
//! on their own rates, and the one figure that drives most of the cost.

use super::model::{Driver, Estimate};
use super::note::Note;
use super::price::Priced;
use super::resolve::Resolved;
use crate::catalog::{Catalog, Held};
use crate::category::Category;
use crate::money::Amount;
use crate::scenario::schema::List;
use crate::scenario::{FieldPath, LineField, Month, RulesVersion, Scenario, Setting};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// What pricing noticed, market by market.
/// Markets are borrowed from the resolution: every category is recorded, and copying each
/// market's name for every one of them showed in the estimator's run time.
#[derive(Default)]
pub struct Notes<'a> {
    amounts: Vec<(&'a str, Category, Decimal)>,
    no_ladder: Vec<(&'a str, Category)>,
    /// Categories priced with the user's rates, and whether flat (a custom list rate where
    /// Meta tiers): noted as they are priced, so no list is searched for each.
    custom: Vec<(&'a str, Category, bool)>,
}

impl<'a> Notes<'a> {
    pub fn record(&mut self, market: &'a str, priced: &Priced) {
        let key = (market, priced.output.category);
        self.amounts.push((key.0, key.1, priced.amount));
        if priced.no_ladder {
            self.no_ladder.push(key);
        }
        if priced.output.custom && (priced.output.charged > 0 || priced.output.delivered > 0) {
            self.custom
                .push((key.0, key.1, priced.custom_rate_untiered));
        }
    }
}

/// Marketing to US numbers stopped being delivered on 2025-04-01 (timeline #13).
const US_MARKETING_BLOCKED_FROM: NaiveDate = crate::date!(2025, 4, 1);

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
    // The rules priced with: a comparison prices one resolution under every version.
    let rules = estimate.rules;
    let mut found: Vec<Note> = Vec::new();
    // A complete card has no gaps (the build checks it), so only a partial one is inspected;
    // a card held whole but for a category these rules do not charge (service of the 2024-10
    // card under free-service rules) prices the month as its whole card would.
    let partial_here = match &card.held {
        Held::Whole => false,
        Held::AllBut(partial) => partial.iter().any(|c| rules.charges(*c)),
        Held::Part => true,
    };
    if partial_here {
        let info = catalog.card_info(card);
        found.push(Note::PartialCard {
            currency: card.id.currency.clone(),
            card: card.id.effective.to_string(),
            markets: info.markets,
            missing_markets: info.missing_markets.len(),
        });
    }
    if let Some(month) = resolved.month {
        month_notes(
            catalog,
            resolved,
            rules,
            month,
            rules_from_scenario,
            &mut found,
        );
    }
    if rules == RulesVersion::Mx2021_02 {
        found.push(Note::MexicoFreeConversations {
            free_conversations: scenario.free_conversations,
        });
    }
    let period_start = resolved
        .month
        .and_then(|m| m.first_day())
        .unwrap_or(card.id.effective);
    if period_start >= US_MARKETING_BLOCKED_FROM {
        us_marketing_notes(scenario, resolved, &mut found);
    }
    pricing_notes(resolved, notes, &mut found);
    estimate.custom = !notes.custom.is_empty();
    if let Some((note, driver)) = main_driver(scenario, resolved, rules, notes, meta_total) {
        found.push(note);
        estimate.main_driver = Some(driver);
    }
    estimate.warnings = found.iter().map(Note::english).collect();
    estimate.notes = found;
}

/// A card that changes inside the month, a card or rules other than those in force.
fn month_notes(
    catalog: &Catalog,
    resolved: &Resolved,
    rules_priced: RulesVersion,
    month: Month,
    rules_from_scenario: bool,
    found: &mut Vec<Note>,
) {
    let card = resolved.card;
    let (Some(first), Some(last)) = (month.first_day(), month.last_day()) else {
        return;
    };
    if let Some(next) = catalog.next_card_after(&card.id.currency, first) {
        if next.id.effective <= last {
            found.push(Note::CardChangesInMonth {
                currency: card.id.currency.clone(),
                month: month.to_string(),
                card: card.id.effective.to_string(),
                next_card: next.id.effective.to_string(),
            });
        }
    }
    if let Some(in_force) = catalog.card_in_force(&card.id.currency, first) {
        if in_force.id != card.id {
            found.push(Note::CardNotInForce {
                currency: card.id.currency.clone(),
                card: card.id.effective.to_string(),
                first_day: first.to_string(),
                in_force: in_force.id.effective.to_string(),
            });
        }
    }
    if let Ok(rules) = RulesVersion::for_month(month.year, month.month) {
        if rules != rules_priced && rules_from_scenario {
            found.push(Note::RulesNotOfMonth {
                rules: rules_priced,
                month: month.to_string(),
                in_force: rules,
            });
        }
    }
}

/// One note for the lines to US numbers and one for lines given as the North America market,
/// each naming its lines: a sheet with a US line per campaign repeats it otherwise.
fn us_marketing_notes(scenario: &Scenario, resolved: &Resolved, found: &mut Vec<Note>) {
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
    for ((lines, marketing), by_market) in [(to_us, false), (to_north_america, true)] {
        if !lines.is_empty() {
            found.push(Note::UsMarketingNotDelivered {
                lines,
                marketing,
                by_market,
            });
        }
    }
}

/// Tiered categories priced at list for lack of a ladder, and categories priced with the
/// user's rates.
fn pricing_notes(resolved: &Resolved, notes: &Notes, found: &mut Vec<Note>) {
    let card = &resolved.card.id;
    for (market, category) in &notes.no_ladder {
        found.push(Note::NoLadder {
            market: market.to_string(),
            category: *category,
            currency: card.currency.clone(),
            card: card.effective.to_string(),
        });
    }
    for &(market, category, flat) in &notes.custom {
        found.push(Note::CustomRate {
            market: market.to_string(),
            category,
            flat,
            currency: card.currency.clone(),
            card: card.effective.to_string(),
        });
    }
}

/// The market and category that cost the most (the first of equals), as a note and as the
/// estimate's driver.
fn main_driver(
    scenario: &Scenario,
    resolved: &Resolved,
    rules: RulesVersion,
    notes: &Notes,
    meta_total: Decimal,
) -> Option<(Note, Driver)> {
    let top = notes.amounts.iter().fold(
        None::<&(&str, Category, Decimal)>,
        |best, item| match best {
            Some(b) if b.2 >= item.2 => Some(b),
            _ => Some(item),
        },
    );
    let (market, category, amount) =
        top.filter(|t| t.2 > Decimal::ZERO && meta_total > Decimal::ZERO)?;
    let share =
        (*amount / meta_total).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    let (assumptions, fields) = assumptions(
        scenario,
        rules,
        *category,
        notes
            .custom
            .iter()
            .any(|&(m, c, _)| m == *market && c == *category),
    );
    let note = Note::MainDriver {
        market: market.to_string(),
        category: *category,
        percent: (share * Decimal::ONE_HUNDRED).normalize().to_string(),
        currency: resolved.card.id.currency.clone(),
        amount: Amount::new(*amount),
        assumptions: assumptions.clone(),
        fields,
    };
    let driver = Driver {
        market: market.to_string(),
        category: *category,
        amount: Amount::new(*amount),
        share: share.normalize().to_string(),
        assumptions,
    };
    Some((note, driver))
}

/// The scenario fields a category's amount depends on, most direct first: in English with
/// their values, and as field paths a translated page can name in its own words.
fn assumptions(
    scenario: &Scenario,
    rules: RulesVersion,
    category: Category,
    custom: bool,
) -> (Vec<String>, Vec<String>) {
    let mut found = Assumptions::default();
    found.counts(category);
    if scenario.entry_point > Decimal::ZERO {
        found.add(
            format!("entry_point {}", scenario.entry_point),
            &[S(Setting::EntryPoint)],
        );
    }
    found.era_inputs(scenario, rules, category);
    found.free_tiers(scenario, rules, category);
    if category == Category::AuthenticationInternational {
        found.add(
            "auth_international and business_country".into(),
            &[S(Setting::AuthInternational), S(Setting::BusinessCountry)],
        );
    }
    if custom {
        found.add("your custom rates".into(), &[Field::Custom]);
    }
    (found.list, found.fields)
}

use Field::Setting as S;

/// What an amount rests on, in words and as field paths.
#[derive(Default)]
struct Assumptions {
    list: Vec<String>,
    fields: Vec<String>,
}

impl Assumptions {
    fn add(&mut self, text: String, paths: &[Field]) {
        self.list.push(text);
        self.fields.extend(paths.iter().map(Field::path));
    }

    /// The counts the category's messages come from.
    fn counts(&mut self, category: Category) {
        use Field::Count;
        use LineField::{Authentication, Marketing, Service, Utility};
        match category {
            Category::BusinessInitiated => self.add(
                "the marketing, utility and authentication counts".into(),
                &[Count(Marketing), Count(Utility), Count(Authentication)],
            ),
            Category::UserInitiated => self.add("the service counts".into(), &[Count(Service)]),
            Category::AuthenticationInternational => {
                self.add("the authentication counts".into(), &[Count(Authentication)])
            }
            other => {
                let count = LineField::COUNTS
                    .into_iter()
                    .find(|f| f.category() == Some(other));
                self.add(
                    format!("the {other} counts"),
                    &count.map(Count).into_iter().collect::<Vec<_>>(),
                )
            }
        }
    }

    /// The shares and averages the era applies to the category.
    fn era_inputs(&mut self, scenario: &Scenario, rules: RulesVersion, category: Category) {
        let conversation = rules.counts_conversations();
        let per = &scenario.per_conversation;
        match category {
            Category::Utility if rules == RulesVersion::Pmp2025_07 => self.add(
                format!("utility_in_window {}", scenario.utility_in_window),
                &[S(Setting::UtilityInWindow)],
            ),
            Category::Service if rules == RulesVersion::Pmp2026_10 => self.add(
                format!(
                    "the free tier of 1,000 service messages per phone number (phone_numbers {})",
                    scenario.phone_numbers
                ),
                &[S(Setting::PhoneNumbers)],
            ),
            Category::Service if rules == RulesVersion::Cbp2023_06 => {
                self.add(
                    format!("per_conversation.service {}", per.service),
                    &[S(Setting::PerConversationService)],
                );
                self.add(
                    format!(
                        "the 1,000 free service conversations per WABA (wabas {})",
                        scenario.wabas
                    ),
                    &[S(Setting::Wabas)],
                );
            }
            Category::BusinessInitiated => {
                self.add(
                    format!(
                        "per_conversation (marketing {}, utility {}, authentication {})",
                        per.marketing, per.utility, per.authentication
                    ),
                    &[
                        S(Setting::PerConversationMarketing),
                        S(Setting::PerConversationUtility),
                        S(Setting::PerConversationAuthentication),
                    ],
                );
                self.add(
                    format!("utility_in_window {}", scenario.utility_in_window),
                    &[S(Setting::UtilityInWindow)],
                );
            }
            Category::UserInitiated => self.add(
                format!("per_conversation.service {}", per.service),
                &[S(Setting::PerConversationService)],
            ),
            Category::Marketing if conversation => self.add(
                format!("per_conversation.marketing {}", per.marketing),
                &[S(Setting::PerConversationMarketing)],
            ),
            Category::Utility if conversation => self.add(
                format!("per_conversation.utility {}", per.utility),
                &[S(Setting::PerConversationUtility)],
            ),
            Category::Authentication | Category::AuthenticationInternational if conversation => {
                self.add(
                    format!("per_conversation.authentication {}", per.authentication),
                    &[S(Setting::PerConversationAuthentication)],
                )
            }
            _ => {}
        }
    }

    /// The initiator eras' free conversations.
    fn free_tiers(&mut self, scenario: &Scenario, rules: RulesVersion, category: Category) {
        let by_initiator = matches!(
            category,
            Category::BusinessInitiated | Category::UserInitiated
        );
        match rules {
            RulesVersion::Cbp2022_02 if by_initiator => self.add(
                format!(
                    "the 1,000 free conversations per WABA (wabas {})",
                    scenario.wabas
                ),
                &[S(Setting::Wabas)],
            ),
            RulesVersion::Mx2021_02 => self.add(
                format!("free_conversations {}", scenario.free_conversations),
                &[S(Setting::FreeConversations)],
            ),
            _ => {}
        }
    }
}

/// A scenario field an amount rests on, named in `Note::MainDriver::fields` by its schema path:
/// a setting, the lines' counts of a category (`lines.marketing`), or the custom rates.
#[derive(Clone, Copy)]
enum Field {
    Setting(Setting),
    Count(LineField),
    Custom,
}

impl Field {
    fn path(&self) -> String {
        match self {
            Field::Setting(setting) => setting.path_text().to_string(),
            Field::Count(field) => FieldPath::top(List::Lines.spec().name)
                .key(field.name())
                .to_string(),
            Field::Custom => List::CustomRates.spec().name.to_string(),
        }
    }
}
