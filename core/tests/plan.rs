//! The year plan and the savings levers: worked figures, and each month of a plan equal to the
//! estimate of that month's scenario.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;
use wacost_core::category::Category;
use wacost_core::estimate::estimate;
use wacost_core::levers::{levers, LeverKind};
use wacost_core::line_category::LineCategory;
use wacost_core::plan::{by_category, month_scenarios, plan, PlanNote, PlanSettings};
use wacost_core::scenario::{Line, Scenario};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn scenario(json: &str) -> Scenario {
    Scenario::from_json(json).unwrap()
}

fn settings(months: u32) -> PlanSettings {
    PlanSettings {
        months,
        ..PlanSettings::default()
    }
}

#[test]
fn a_plan_from_july_2026_shows_service_becoming_paid_in_october() {
    let s = scenario(
        r#"{"month":"2026-07","lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350}]}"#,
    );
    let p = plan(&s, &settings(6)).unwrap();
    let months: Vec<(&str, String, String)> = p
        .months
        .iter()
        .map(|m| {
            (
                m.month.as_str(),
                m.rules.map(|r| r.to_string()).unwrap_or_default(),
                m.rate_card.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        months,
        vec![
            ("2026-07", "pmp-2025-07".into(), "2026-07-01".into()),
            ("2026-08", "pmp-2025-07".into(), "2026-07-01".into()),
            ("2026-09", "pmp-2025-07".into(), "2026-07-01".into()),
            ("2026-10", "pmp-2026-10".into(), "2026-10-01".into()),
            ("2026-11", "pmp-2026-10".into(), "2026-10-01".into()),
            ("2026-12", "pmp-2026-10".into(), "2026-10-01".into()),
        ]
    );
    // July: 1,000 marketing × 0.0118 + 500 utility × 0.0014 = 11.80 + 0.70; service free.
    assert_eq!(p.months[0].total.unwrap(), "12.50");
    // October: 3,350 − 1,000 free = 2,350 service × 0.0014 = 3.29 more.
    assert_eq!(p.months[3].total.unwrap(), "15.79");
    assert_eq!(p.months[3].categories[&Category::Service], "3.29");
    let october = &p.months[3];
    assert_eq!(october.notes.len(), 1, "{:?}", october.notes);
    let PlanNote::RulesChange {
        change, categories, ..
    } = &october.notes[0]
    else {
        panic!("{:?}", october.notes)
    };
    assert_eq!(change.unwrap(), "3.29");
    assert_eq!(categories.len(), 1);
    assert_eq!(
        october.reasons[0],
        "The pmp-2026-10 rules replace pmp-2025-07: at this month's volumes they change Meta's charge by USD +3.29: service 0.00 → 3.29 (service messages beyond 1,000 per phone number are charged at the service rate, no tiers)."
    );
    // The card changes in October too, but India's rates do not: no card note.
    // 3 × 12.50 + 3 × 15.79.
    assert_eq!(p.total, "84.87");
    assert_eq!(p.months[5].cumulative_total, p.total);
    // November and December are after the latest USD card.
    assert!(matches!(p.months[4].notes[0], PlanNote::LatestCard { .. }));
    assert_eq!(
        p.warnings,
        vec!["2 month(s) (2026-11 to 2026-12) are after the latest USD card this build holds and are priced with it (2026-10-01)."]
    );
}

#[test]
fn growth_and_multipliers_round_once_from_the_base() {
    let s = scenario(
        r#"{"month":"2026-10","lines":[{"country":"BR","marketing":1000,"utility":333}]}"#,
    );
    let mut settings = settings(3);
    settings.growth = d("0.05");
    settings.category_growth.utility = Some(d("-0.5"));
    settings.multipliers = vec![(12, d("2"))];
    let months = month_scenarios(&s, &settings).unwrap();
    let counts: Vec<(u64, u64)> = months
        .iter()
        .map(|m| (m.lines[0].marketing, m.lines[0].utility))
        .collect();
    // marketing: 1000, 1050, 1000 × 1.1025 × 2 = 2205; utility: 333, 166.5 → 167, 83.25 × 2 → 167.
    assert_eq!(counts, vec![(1000, 333), (1050, 167), (2205, 167)]);
}

#[test]
fn plans_refuse_what_they_choose_themselves_and_counts_over_the_limit() {
    let s = scenario(
        r#"{"month":"2026-10","rules":"pmp-2026-10","rate_card":"2026-10-01","lines":[{"country":"BR","marketing":900000000000}]}"#,
    );
    let mut settings = settings(12);
    settings.growth = d("0.05");
    let errors = plan(&s, &settings).unwrap_err().lines();
    assert_eq!(
        errors,
        vec![
            "rules: a plan prices each month with the rules in force in that month: remove rules from the scenario",
            "rate_card: a plan prices each month with the rate card in force in that month: remove rate_card from the scenario",
        ]
    );
    let s = scenario(r#"{"month":"2026-10","lines":[{"country":"BR","marketing":900000000000}]}"#);
    assert_eq!(
        plan(&s, &settings).unwrap_err().lines(),
        vec!["lines[0].marketing: the plan's marketing count for 2027-01 would be 1,041,862,500,000, above the limit of 1,000,000,000,000 (10^12) a scenario accepts"]
    );
}

#[test]
fn months_nothing_can_price_are_left_out_and_named() {
    // January 2021 is before any pricing wacost can estimate; February is the Mexico test.
    let s = scenario(r#"{"month":"2020-12","lines":[{"country":"MX","marketing":2000}]}"#);
    let p = plan(&s, &settings(3)).unwrap();
    assert_eq!(p.months[0].total, None);
    assert_eq!(p.months[1].total, None);
    assert!(p.months[2].total.is_some());
    assert_eq!(p.total, p.months[2].total.unwrap());
    assert_eq!(
        p.warnings[0],
        "The totals leave out 2 month(s) nothing can price: 2020-12, 2021-01."
    );
    assert!(p.months[0].unpriced[0].starts_with("month: 2020-12 is before February 2021"));
}

#[test]
fn levers_state_their_hypothesis_and_rule_and_save_what_the_re_estimate_shows() {
    let s = scenario(
        r#"{"month":"2026-11","phone_numbers":1,"utility_in_window":"0.25",
            "lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350}],
            "bsp":{"per_number":"0.50"}}"#,
    );
    let l = levers(&s).unwrap();
    let kinds: Vec<(LeverKind, &str, String)> = l
        .levers
        .iter()
        .map(|x| (x.lever, x.rule.as_str(), x.saving.to_string()))
        .collect();
    // Entry points: 10 % of 1,000 marketing (11.80 → 1.18), utility 0.07, service
    // 3,350 − 335 = 3,015 → 2,015 charged instead of 2,350 (0.469).
    // Another number: 1,000 more free service messages (1.40 of Meta) less the 0.50 fee.
    assert_eq!(
        kinds,
        vec![
            (LeverKind::EntryPoint, "SVC-2", "1.719".to_string()),
            (LeverKind::PhoneNumber, "SVC-3", "0.90".to_string()),
        ]
    );
    assert_eq!(
        l.levers[1].hypothesis,
        "One more business phone number sending service messages, each number with its own 1,000 free service messages a month, net of the provider's per-number fee: phone_numbers 1 → 2."
    );
    // Under pmp-2025-07 utility in the window is free (PMP-4); no phone-number lever.
    let s = scenario(r#"{"month":"2026-08","lines":[{"country":"IN","utility":500}]}"#);
    let l = levers(&s).unwrap();
    let kinds: Vec<(LeverKind, &str)> = l
        .levers
        .iter()
        .map(|x| (x.lever, x.rule.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (LeverKind::EntryPoint, "PMP-2"),
            (LeverKind::UtilityInWindow, "PMP-4")
        ]
    );
    // Nothing to save: no lever.
    let s = scenario(r#"{"month":"2026-08","lines":[{"country":"IN","service":500}]}"#);
    assert!(levers(&s).unwrap().levers.is_empty());
}

fn small_sheet() -> impl Strategy<Value = (Scenario, PlanSettings)> {
    let countries = ["IN", "BR", "MX", "DE", "NG", "GB", "US"];
    let line = (
        prop::sample::select(countries.to_vec()),
        0u64..5_000,
        0u64..50_000,
        0u64..5_000,
        0u64..5_000,
    )
        .prop_map(|(c, m, u, a, s)| Line {
            country: Some(c.to_string()),
            marketing: m,
            utility: u,
            authentication: a,
            service: s,
            ..Line::default()
        });
    (
        prop::collection::vec(line, 0..5),
        (2021i32..2028, 1u32..=12),
        1u32..14,
        -50i64..60,
        prop::option::of(-50i64..60),
        prop::option::of((1u32..=12, 0i64..300)),
        0u32..4,
    )
        .prop_map(|(lines, (year, month), months, g, gm, multiplier, ep)| {
            let s = Scenario {
                month: Some(wacost_core::scenario::Month { year, month }),
                lines,
                entry_point: Decimal::new(i64::from(ep) * 5, 2),
                ..Scenario::default()
            };
            let mut settings = PlanSettings {
                months,
                growth: Decimal::new(g, 2),
                ..PlanSettings::default()
            };
            settings.category_growth.marketing = gm.map(|g| Decimal::new(g, 2));
            settings.multipliers = multiplier
                .map(|(m, f)| vec![(m, Decimal::new(f, 2))])
                .unwrap_or_default();
            (s, settings)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    /// Every figure of a plan's month is the estimate of that month's scenario, exactly, and
    /// the totals are the sums of the priced months.
    #[test]
    fn each_month_is_the_estimate_of_its_scenario((s, settings) in small_sheet()) {
        let Ok(p) = plan(&s, &settings) else { return Ok(()); };
        let scenarios = month_scenarios(&s, &settings).unwrap();
        prop_assert_eq!(p.months.len(), scenarios.len());
        let mut total = Decimal::ZERO;
        for (month, month_scenario) in p.months.iter().zip(&scenarios) {
            match estimate(month_scenario) {
                Ok(e) => {
                    prop_assert_eq!(month.rules, Some(e.rules));
                    prop_assert_eq!(month.rate_card.as_deref(), Some(e.rate_card.as_str()));
                    prop_assert_eq!(month.meta_total, Some(e.meta_total));
                    prop_assert_eq!(month.bsp_fees, Some(e.bsp_fees));
                    prop_assert_eq!(month.total, Some(e.total));
                    prop_assert_eq!(&month.categories, &by_category(&e));
                    for category in LineCategory::ALL {
                        let sum: u64 = month_scenario.lines.iter().map(|l| category.of(l)).sum();
                        prop_assert_eq!(month.messages.get(category), sum);
                    }
                    total += e.total.value();
                }
                Err(_) => prop_assert_eq!(month.total, None),
            }
            prop_assert_eq!(month.cumulative_total.value(), total);
        }
        prop_assert_eq!(p.total.value(), total);
    }

    /// A plan of one month with no growth is the scenario's own estimate.
    #[test]
    fn a_plan_of_one_month_is_the_estimate((s, _) in small_sheet()) {
        let Ok(e) = estimate(&s) else { return Ok(()); };
        let p = plan(&s, &settings(1)).unwrap();
        prop_assert_eq!(p.months[0].total, Some(e.total));
        prop_assert_eq!(p.total, e.total);
    }

    /// No lever reports a saving its re-estimate does not show.
    #[test]
    fn levers_save_what_the_re_estimate_shows((s, _) in small_sheet(), numbers in 1u64..3, uiw in 0i64..=100) {
        let mut s = s;
        s.phone_numbers = numbers;
        s.utility_in_window = Decimal::new(uiw, 2);
        let Ok(found) = levers(&s) else { return Ok(()); };
        let base = estimate(&s).unwrap().total.value();
        for lever in &found.levers {
            let mut pulled = s.clone();
            match lever.lever {
                LeverKind::EntryPoint => pulled.entry_point = Decimal::from_str(&lever.to).unwrap(),
                LeverKind::UtilityInWindow => pulled.utility_in_window = Decimal::from_str(&lever.to).unwrap(),
                LeverKind::PhoneNumber => pulled.phone_numbers = lever.to.parse().unwrap(),
            }
            let after = estimate(&pulled).unwrap().total.value();
            prop_assert!(lever.saving.value() > Decimal::ZERO);
            prop_assert_eq!(lever.saving.value(), base - after);
            prop_assert_eq!(lever.total.value(), after);
        }
    }
}
