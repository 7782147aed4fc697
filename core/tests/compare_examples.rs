//! Table tests of the comparison with real figures from the cards: each model on the card of
//! its time, the fallbacks when that card cannot price the sheet, the answer split into rule
//! and card effects, and `cards: same`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_core::category::Category;
use wacost_core::estimate::{
    compare, compare_cards, Answer, CannotPrice, CardReason, CardsFor, Cell, Comparison,
    EffectReason, Lacks, RateMove, RuleChange, Unanswered, VersionResult,
};
use wacost_core::scenario::{RulesVersion, Scenario};
use wacost_core::Catalog;

/// India (marketing 1,000, utility 500 of which a quarter in the window, service 3,350) and
/// Rest of Africa (marketing 8,000), in `month` and `currency`.
fn sheet(month: &str, currency: &str) -> Scenario {
    Scenario::from_json(&format!(
        r#"{{"month":"{month}","currency":"{currency}","utility_in_window":"0.25",
            "lines":[{{"country":"IN","marketing":1000,"utility":500,"service":3350}},
                     {{"market":"Rest of Africa","marketing":8000}}]}}"#
    ))
    .unwrap()
}

fn version(c: &Comparison, rules: RulesVersion) -> &VersionResult {
    c.versions.iter().find(|v| v.rules == rules).unwrap()
}

/// (card used, reason kind, total) of each version, oldest first.
fn cards_and_totals(c: &Comparison) -> Vec<(Option<String>, CardReason, Option<String>)> {
    c.versions
        .iter()
        .map(|v| {
            (
                v.rate_card.clone(),
                v.card_reason.clone(),
                v.estimate.as_ref().map(|e| e.total.to_string()),
            )
        })
        .collect()
}

fn last_month(month: &str) -> CardReason {
    CardReason::LastMonth {
        month: month.into(),
    }
}

fn of_the_month(month: &str) -> CardReason {
    CardReason::OfTheMonth {
        month: Some(month.into()),
        chosen: false,
    }
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn answer(c: &Comparison) -> &Answer {
    c.answer.as_ref().unwrap()
}

#[test]
fn each_model_is_priced_on_the_card_of_its_time() {
    let c = compare(&sheet("2026-11", "USD")).unwrap();
    assert_eq!(
        (c.cards, c.current),
        (CardsFor::OfTheirTime, RulesVersion::Pmp2026_10)
    );
    assert_eq!(c.rate_card, "2026-10-01");
    // pmp-2026-10: India 1,000 × 0.0118 + 500 × 0.0014 + 2,350 × 0.0014, Rest of Africa
    // 8,000 × 0.0225. pmp-2025-07 on the July card: utility in the window (125) and service
    // free. cbp-2024-11 on the 2024-10-01 card: India marketing 0.0107. cbp-2023-06 on the
    // same card adds 2,350 service conversations at India's 0.004.
    assert_eq!(
        cards_and_totals(&c),
        vec![
            (some("2021-02-01"), last_month("2022-01"), None),
            (some("2022-02-01"), last_month("2023-05"), some("911.127")),
            (some("2024-10-01"), last_month("2024-10"), some("200.80")),
            (some("2024-10-01"), last_month("2025-06"), some("191.40")),
            (some("2026-07-01"), last_month("2026-09"), some("192.325")),
            (some("2026-10-01"), of_the_month("2026-11"), some("195.79")),
        ]
    );
    let mexico = version(&c, RulesVersion::Mx2021_02);
    assert_eq!(
        mexico.cannot_price,
        Some(CannotPrice::OnlyMexico {
            markets: vec!["India".into(), "Rest of Africa".into()]
        })
    );
    let differences: Vec<Option<String>> = c
        .versions
        .iter()
        .map(|v| v.difference.map(|d| d.total.to_string()))
        .collect();
    assert_eq!(
        differences,
        [
            None,
            some("715.337"),
            some("5.01"),
            some("-4.39"),
            some("-3.465"),
            some("0.00")
        ]
    );
    assert_eq!(
        version(&c, RulesVersion::Pmp2025_07).name.to_string(),
        "Per message, Jul 2025 – Sep 2026"
    );
}

#[test]
fn the_answer_from_october_2026_is_the_rules_before_1_october() {
    let c = compare(&sheet("2026-11", "USD")).unwrap();
    let a = answer(&c);
    assert_eq!(a.switch, "2026-10-01");
    assert_eq!(
        (a.current.rules, a.before.rules),
        (RulesVersion::Pmp2026_10, RulesVersion::Pmp2025_07)
    );
    assert_eq!(a.difference.unwrap(), "3.465");
    let rules = a.rule_effect.as_ref().unwrap();
    assert_eq!(
        (rules.amount.to_string(), rules.rate_card.as_str()),
        ("3.465".into(), "2026-10-01")
    );
    assert_eq!(
        rules.reasons,
        vec![
            EffectReason::Rules {
                category: Category::Utility,
                change: RuleChange::UtilityInWindowCharged,
                before_charged: 375,
                after_charged: 500,
                before: "0.525".parse().unwrap(),
                after: "0.70".parse().unwrap(),
                amount: "0.175".parse().unwrap(),
            },
            EffectReason::Rules {
                category: Category::Service,
                change: RuleChange::ServiceCharged,
                before_charged: 0,
                after_charged: 2350,
                before: "0.00".parse().unwrap(),
                after: "3.29".parse().unwrap(),
                amount: "3.29".parse().unwrap(),
            },
        ]
    );
    // The July and October cards price these markets alike.
    let card = a.card_effect.as_ref().unwrap();
    assert_eq!(
        (
            card.amount.to_string(),
            card.from_card.as_str(),
            card.to_card.as_str()
        ),
        ("0.00".into(), "2026-07-01", "2026-10-01")
    );
    assert!(card.reasons.is_empty());
    assert_eq!(
        a.english(),
        "This month costs USD 3.465 more than under the rules before 1 October 2026 (Per message, Jul 2025 – Sep 2026, USD 2026-07-01 card): the rules add USD 3.465 (utility: utility templates inside the customer service window are now charged (+0.175); service: service messages beyond 1,000 per phone number are now charged (+3.29)); the prices of the 2026-10-01 card against the 2026-07-01 card change nothing."
    );
}

#[test]
fn at_an_earlier_switch_the_answer_splits_rules_and_card() {
    // August 2026: per-message pricing against the conversations before 1 July 2025, on the
    // 2024-10-01 card. The rules take off 0.175 (India utility: 500 conversations at 0.0014
    // became 375 charged messages); the July 2026 card adds 1.10 (India marketing 0.0107 →
    // 0.0118 on 1,000).
    let c = compare(&sheet("2026-08", "USD")).unwrap();
    let a = answer(&c);
    assert_eq!(
        (
            a.switch.as_str(),
            a.before.rules,
            a.before.rate_card.as_deref()
        ),
        ("2025-07-01", RulesVersion::Cbp2024_11, Some("2024-10-01"))
    );
    assert_eq!(a.difference.unwrap(), "0.925");
    let rules = a.rule_effect.as_ref().unwrap();
    assert_eq!(rules.amount, "-0.175");
    assert!(matches!(
        rules.reasons.as_slice(),
        [EffectReason::Rules {
            category: Category::Utility,
            change: RuleChange::PerMessage,
            before_charged: 500,
            after_charged: 375,
            ..
        }]
    ));
    let card = a.card_effect.as_ref().unwrap();
    assert_eq!(card.amount, "1.10");
    assert_eq!(
        card.reasons,
        vec![EffectReason::Rates {
            category: Category::Marketing,
            before: "190.70".parse().unwrap(),
            after: "191.80".parse().unwrap(),
            amount: "1.10".parse().unwrap(),
            rates: vec![RateMove {
                market: "India".into(),
                old: Some("0.0107".parse().unwrap()),
                new: Some("0.0118".parse().unwrap()),
            }],
        }]
    );
    assert!(a.english().starts_with("This month costs USD 0.925 more than under the rules before 1 July 2025 (Conversations, free service, Nov 2024 – Jun 2025, USD 2024-10-01 card): the rules take off USD 0.175"), "{}", a.english());
}

#[test]
fn rules_of_eras_priced_by_different_categories_cannot_be_split() {
    // August 2023: conversations by category against the 2022 conversations by initiator. The
    // difference stands (201.40 on the 2023-06-01 card, 911.127 on the 2022-02-01 card), but
    // the 2022 rules cannot be priced on the 2023 card.
    let c = compare(&sheet("2023-08", "USD")).unwrap();
    let a = answer(&c);
    assert_eq!(a.difference.unwrap(), "-709.727");
    assert!(a.rule_effect.is_none() && a.card_effect.is_none());
    assert_eq!(
        a.unanswered,
        Some(Unanswered::NoSplit {
            cannot_price: CannotPrice::CardLacks {
                currency: "USD".into(),
                card: "2023-06-01".into(),
                lacks: Lacks {
                    markets: vec![],
                    categories: vec![Category::BusinessInitiated, Category::UserInitiated],
                    rates: vec![],
                },
            }
        })
    );
    assert!(a
        .english()
        .starts_with("This month costs USD 709.727 less than"));
    // The first rules have nothing before them.
    assert!(compare(&sheet("2021-06", "USD")).unwrap().answer.is_none());
}

#[test]
fn a_card_that_cannot_price_the_sheet_falls_back_in_its_currency_only() {
    // INR: the 2026-07-01 card holds India only; pmp-2025-07 falls back on the 2025-10-01 card,
    // in force during the model. cbp-2024-11's card of its time (2025-04-01, 8 markets) lacks
    // Rest of Africa too, and no card in force during it prices the sheet: the latest complete
    // INR card does.
    let c = compare(&sheet("2026-11", "INR")).unwrap();
    let lacks_africa = Lacks {
        markets: vec!["Rest of Africa".into()],
        ..Lacks::default()
    };
    let pmp = version(&c, RulesVersion::Pmp2025_07);
    assert_eq!(pmp.rate_card.as_deref(), Some("2025-10-01"));
    assert_eq!(
        pmp.card_reason,
        CardReason::LatestDuringModel {
            instead_of: "2026-07-01".into(),
            lacks: lacks_africa.clone(),
        }
    );
    assert_eq!(pmp.estimate.as_ref().unwrap().currency, "INR");
    let cbp = version(&c, RulesVersion::Cbp2024_11);
    assert_eq!(
        (cbp.rate_card.as_deref(), &cbp.card_reason),
        (
            Some("2025-10-01"),
            &CardReason::LatestComplete {
                instead_of: Some("2025-04-01".into()),
                lacks: lacks_africa.clone(),
            }
        )
    );
    // The month's own card, a fragment, cannot price it and nothing after it can.
    let now = version(&c, RulesVersion::Pmp2026_10);
    assert_eq!(
        now.cannot_price,
        Some(CannotPrice::CardLacks {
            currency: "INR".into(),
            card: "2026-10-01".into(),
            lacks: lacks_africa,
        })
    );
    assert_eq!(
        now.cannot_price.as_ref().unwrap().to_string(),
        "cannot be priced: the INR 2026-10-01 card lacks Rest of Africa"
    );
    assert!(matches!(
        answer(&c).unanswered,
        Some(Unanswered::CurrentCannotBePriced { .. })
    ));
    // No INR card before 2025: the conversation models have no card of their time.
    assert_eq!(
        version(&c, RulesVersion::Cbp2023_06).cannot_price,
        Some(CannotPrice::NoCard {
            currency: "INR".into(),
            month: "2024-10".into()
        })
    );
}

#[test]
fn a_currency_without_a_card_in_a_models_time_uses_its_latest_complete_card() {
    // GBP has cards from July 2026 only: free-service conversations (which charge no service)
    // are priced on the complete 2026-07-01 card; the 2023 rules charge service conversations,
    // which no GBP card before October 2026 prints.
    let c = compare(&sheet("2026-08", "GBP")).unwrap();
    let cbp = version(&c, RulesVersion::Cbp2024_11);
    assert_eq!(
        (cbp.rate_card.as_deref(), &cbp.card_reason),
        (
            Some("2026-07-01"),
            &CardReason::LatestComplete {
                instead_of: None,
                lacks: Lacks::default(),
            }
        )
    );
    assert_eq!(cbp.estimate.as_ref().unwrap().currency, "GBP");
    let cbp2 = version(&c, RulesVersion::Cbp2023_06);
    assert_eq!(cbp2.rate_card, None);
    assert_eq!(
        cbp2.cannot_price.as_ref().unwrap().to_string(),
        "cannot be priced: no GBP card was in force in 2024-10, and no complete GBP card prices the sheet"
    );
    // Every estimate of the comparison is in GBP: nothing is converted.
    assert!(c
        .versions
        .iter()
        .filter_map(|v| v.estimate.as_ref())
        .all(|e| e.currency == "GBP"));
}

#[test]
fn same_prices_every_model_on_the_months_card() {
    let scenario = sheet("2026-11", "USD");
    let c = compare_cards(Catalog::builtin(), &scenario, CardsFor::Same).unwrap();
    assert_eq!(c.cards, CardsFor::Same);
    assert!(
        c.versions
            .iter()
            .all(|v| v.rate_card.as_deref() == Some("2026-10-01")
                && v.card_reason == CardReason::Same)
    );
    let totals: Vec<Option<String>> = c
        .versions
        .iter()
        .map(|v| v.estimate.as_ref().map(|e| e.total.to_string()))
        .collect();
    // The 2026 card has no conversation rates by initiator; the conversation models by
    // category price India marketing at 0.0118 and service at 0.0014.
    assert_eq!(
        totals,
        [
            None,
            None,
            some("195.79"),
            some("192.50"),
            some("192.325"),
            some("195.79")
        ]
    );
    assert_eq!(
        version(&c, RulesVersion::Cbp2022_02).cannot_price,
        Some(CannotPrice::CardLacks {
            currency: "USD".into(),
            card: "2026-10-01".into(),
            lacks: Lacks {
                categories: vec![Category::BusinessInitiated, Category::UserInitiated],
                ..Lacks::default()
            },
        })
    );
    // One card for both sides: the whole difference is the rules'.
    let a = answer(&c);
    assert_eq!(a.difference.unwrap(), "3.465");
    assert_eq!(a.rule_effect.as_ref().unwrap().amount, "3.465");
    assert_eq!(a.card_effect.as_ref().unwrap().amount, "0.00");
}

#[test]
fn a_missing_cell_is_named_with_its_market() {
    // The 2023-06-01 card holds every market but India's authentication rate (left out, not 0).
    let scenario = Scenario::from_json(
        r#"{"month":"2023-08","lines":[{"country":"IN","authentication":10},{"country":"ID","marketing":10}]}"#,
    )
    .unwrap();
    let c = compare_cards(Catalog::builtin(), &scenario, CardsFor::Same).unwrap();
    assert_eq!(
        version(&c, RulesVersion::Cbp2023_06).cannot_price,
        Some(CannotPrice::CardLacks {
            currency: "USD".into(),
            card: "2023-06-01".into(),
            lacks: Lacks {
                rates: vec![Cell {
                    market: "India".into(),
                    category: Category::Authentication
                }],
                ..Lacks::default()
            },
        })
    );
    // Of their time, the model falls back on the latest card in force during it that has
    // the rate: the 2024-10-01 card.
    let c = compare(&scenario).unwrap();
    let cbp = version(&c, RulesVersion::Cbp2023_06);
    assert_eq!(
        (cbp.rate_card.as_deref(), &cbp.card_reason),
        (
            Some("2024-10-01"),
            &CardReason::LatestDuringModel {
                instead_of: "2023-06-01".into(),
                lacks: Lacks {
                    rates: vec![Cell {
                        market: "India".into(),
                        category: Category::Authentication
                    }],
                    ..Lacks::default()
                },
            }
        )
    );
    assert_eq!(
        cbp.card_reason.english("USD", "2024-10-01"),
        "the USD 2024-10-01 card, the latest in force during the model that prices the sheet (the 2023-06-01 card lacks the authentication rate of India)"
    );
    assert!(cbp.estimate.is_some());
}

#[test]
fn the_mode_reads_from_its_words() {
    assert_eq!("of-their-time".parse(), Ok(CardsFor::OfTheirTime));
    assert_eq!("of_their_time".parse(), Ok(CardsFor::OfTheirTime));
    assert_eq!("same".parse(), Ok(CardsFor::Same));
    assert_eq!(
        "one".parse::<CardsFor>().unwrap_err().to_string(),
        "`one` is not a comparison mode (of-their-time or same)"
    );
    assert_eq!(CardsFor::default(), CardsFor::OfTheirTime);
}
