//! What changed between two cards, with Meta's figures: rates, percentages, markets split off,
//! and a sheet priced on both.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;
use wacost_core::card_diff::{card_diff, CountryMove, DiffError, MarketAdded, RateStatus};
use wacost_core::category::Category;
use wacost_core::estimate::{EffectReason, RateMove};
use wacost_core::scenario::{RulesVersion, Scenario};

fn day(text: &str) -> NaiveDate {
    wacost_core::date::parse_date(text).unwrap()
}

#[test]
fn april_to_july_2026_raises_three_marketing_rates_and_splits_six_markets() {
    let diff = card_diff("USD", day("2026-04-01"), day("2026-07-01"), None).unwrap();
    assert_eq!(
        (diff.old_table.as_str(), diff.new_table.as_str()),
        ("2025-10-01", "2026-07-01")
    );
    let changed: Vec<(&str, Category, String, String, String, String, String)> = diff
        .changed()
        .filter(|r| r.status == RateStatus::Changed)
        .map(|r| {
            (
                r.market.as_str(),
                r.category,
                r.old.unwrap().to_string(),
                r.new.unwrap().to_string(),
                r.change.unwrap().to_string(),
                r.percent.unwrap().0.to_string(),
                r.percent.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        vec![
            (
                "Italy",
                Category::Marketing,
                "0.0691".into(),
                "0.0795".into(),
                "0.0104".into(),
                // 1.04 / 0.0691, to the 28 digits a Decimal holds; shown rounded.
                "15.05065123010130246020260492".into(),
                "+15.1%".into()
            ),
            (
                "Spain",
                Category::Marketing,
                "0.0615".into(),
                "0.0707".into(),
                "0.0092".into(),
                "14.959349593495934959349593496".into(),
                "+15.0%".into()
            ),
            (
                "United Kingdom",
                Category::Marketing,
                "0.0529".into(),
                "0.0635".into(),
                "0.0106".into(),
                "20.037807183364839319470699433".into(),
                "+20.0%".into()
            ),
        ]
    );
    let same = diff
        .rates
        .iter()
        .filter(|r| r.status == RateStatus::Same)
        .count();
    assert_eq!(same, 102);
    let added: Vec<&MarketAdded> = diff.markets_added.iter().collect();
    assert_eq!(added.len(), 6);
    assert_eq!(
        added[0],
        &MarketAdded {
            market: "Hong Kong".into(),
            from: vec!["Rest of Asia Pacific".into()]
        }
    );
    assert!(diff.markets_removed.is_empty());
    assert!(diff.moves.contains(&CountryMove {
        iso2: "PL".into(),
        country: "Poland".into(),
        from: "Rest of Central & Eastern Europe".into(),
        to: "Poland".into(),
    }));
    // Markets split off have rates on the new card only.
    assert!(diff
        .rates
        .iter()
        .any(|r| r.market == "Poland" && r.status == RateStatus::OnlyNew && r.old.is_none()));
}

#[test]
fn a_sheet_priced_on_both_cards_with_the_same_rules() {
    let scenario = Scenario::from_json(
        r#"{"month":"2026-05","lines":[{"country":"IT","marketing":10000},
            {"country":"GB","marketing":5000,"utility":2000},{"country":"IN","marketing":3000}]}"#,
    )
    .unwrap();
    let diff = card_diff("USD", day("2026-04-01"), day("2026-07-01"), Some(&scenario)).unwrap();
    let effect = diff.effect.unwrap();
    assert_eq!(effect.rules, RulesVersion::Pmp2025_07);
    // Marketing: Italy 10,000 × 0.0691, the United Kingdom 5,000 × 0.0529, India 3,000 ×
    // 0.0118 = 990.90, then 10,000 × 0.0104 + 5,000 × 0.0106 = 157.00 more; the United
    // Kingdom's utility (2,000 × 0.022) is unchanged.
    assert_eq!(
        (
            effect.old_total.unwrap().to_string(),
            effect.new_total.unwrap().to_string(),
            effect.change.unwrap().to_string()
        ),
        ("1034.90".into(), "1191.90".into(), "157.00".into())
    );
    assert_eq!(
        effect.reasons,
        vec![EffectReason::Rates {
            category: Category::Marketing,
            before: "990.90".parse().unwrap(),
            after: "1147.90".parse().unwrap(),
            amount: "157.00".parse().unwrap(),
            rates: vec![
                RateMove {
                    market: "Italy".into(),
                    old: Some("0.0691".parse().unwrap()),
                    new: Some("0.0795".parse().unwrap()),
                },
                RateMove {
                    market: "United Kingdom".into(),
                    old: Some("0.0529".parse().unwrap()),
                    new: Some("0.0635".parse().unwrap()),
                },
            ],
        }]
    );
}

#[test]
fn october_2026_adds_service_and_nine_markets() {
    let diff = card_diff("USD", day("2026-07-01"), day("2026-10-01"), None).unwrap();
    let kazakhstan = diff
        .markets_added
        .iter()
        .find(|m| m.market == "Kazakhstan")
        .unwrap();
    assert_eq!(kazakhstan.from, vec!["Other".to_string()]);
    assert_eq!(diff.markets_added.len(), 9);
    let uae = diff
        .rates
        .iter()
        .find(|r| r.market == "United Arab Emirates" && r.category == Category::Marketing)
        .unwrap();
    assert_eq!(
        (uae.status, uae.change.unwrap().to_string()),
        (RateStatus::Changed, "0.0077".into())
    );
    assert_eq!(
        uae.percent.unwrap().rounded(2),
        Decimal::from_str("15.43").unwrap()
    );
    let india_service = diff
        .rates
        .iter()
        .find(|r| r.market == "India" && r.category == Category::Service)
        .unwrap();
    assert_eq!(
        (india_service.status, india_service.new.unwrap().to_string()),
        (RateStatus::OnlyNew, "0.0014".into())
    );
}

#[test]
fn cards_must_exist_and_share_the_sheets_currency() {
    let error = card_diff("GBP", day("2026-04-01"), day("2026-07-01"), None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "old card: no GBP card takes effect on 2026-04-01 (the GBP cards in this build take effect on 2026-07-01, 2026-10-01)"
    );
    let scenario = Scenario::from_json(r#"{"month":"2026-05","lines":[]}"#).unwrap();
    let error =
        card_diff("EUR", day("2026-04-01"), day("2026-07-01"), Some(&scenario)).unwrap_err();
    assert_eq!(
        error,
        DiffError::Currency {
            scenario: "USD".into(),
            cards: "EUR".into()
        }
    );
}
