//! The budget: worked figures, and the search against a brute-force scan of every count.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;
use wacost_core::budget::{budget, BudgetQuery, Destination};
use wacost_core::estimate::estimate;
use wacost_core::line_category::LineCategory;
use wacost_core::scenario::{Line, Month, RulesVersion, Scenario, MAX_COUNT};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn total(
    scenario: &Scenario,
    destination: &Destination,
    category: LineCategory,
    k: u64,
) -> Decimal {
    let mut sheet = scenario.clone();
    let mut line = match destination {
        Destination::Country(c) => Line {
            country: Some(c.clone()),
            ..Line::default()
        },
        Destination::Market(m) => Line {
            market: Some(m.clone()),
            ..Line::default()
        },
    };
    *category.slot(&mut line) = k;
    sheet.lines.push(line);
    estimate(&sheet).unwrap().total.value()
}

/// `amount` of extra `category` messages to India.
fn to_india(category: LineCategory, amount: &str) -> BudgetQuery {
    BudgetQuery {
        destination: Destination::Country("IN".into()),
        category,
        amount: d(amount),
    }
}

fn scenario(json: &str) -> Scenario {
    Scenario::from_json(json).unwrap()
}

#[test]
fn marketing_to_india_fills_the_budget_exactly() {
    // 2026-11, USD 2026-10-01 card: India marketing 0.0118 (README's example sheet).
    let s = scenario(
        r#"{"month":"2026-11","lines":[{"country":"BR","marketing":1000}],
            "bsp":{"per_message":"0.005","monthly":"49"}}"#,
    );
    let query = to_india(LineCategory::Marketing, "500");
    let b = budget(&s, &query).unwrap();
    let at = |k| total(&s, &query.destination, LineCategory::Marketing, k);
    assert!(b.fits && !b.unbounded);
    assert_eq!(b.market, "India");
    assert!(at(b.count) <= d("500") && at(b.count + 1) > d("500"));
    assert_eq!(b.total_at_count.value(), at(b.count));
    assert_eq!(b.total_at_next.map(|a| a.value()), Some(at(b.count + 1)));
}

#[test]
fn a_sheet_over_budget_fits_nothing() {
    let s = scenario(r#"{"month":"2026-11","lines":[{"country":"BR","marketing":100000}]}"#);
    let query = to_india(LineCategory::Marketing, "1");
    let b = budget(&s, &query).unwrap();
    assert_eq!((b.count, b.fits, b.unbounded), (0, false, false));
    assert!(b.total_at_count.value() > d("1"));
}

#[test]
fn free_messages_are_bounded_by_the_limit_only() {
    // Service messages are free under pmp-2025-07 (PMP-3): the limit stops the count.
    let s = scenario(r#"{"month":"2026-07","lines":[{"country":"BR","marketing":100}]}"#);
    let query = to_india(LineCategory::Service, "100");
    let b = budget(&s, &query).unwrap();
    assert_eq!((b.count, b.fits, b.unbounded), (MAX_COUNT, true, true));
    assert_eq!(b.total_at_next, None);
    // A share of 1 through free entry points frees every category.
    let s = scenario(r#"{"month":"2026-11","entry_point":"1","lines":[]}"#);
    let query = BudgetQuery {
        destination: Destination::Market("Rest of Africa".into()),
        category: LineCategory::Marketing,
        amount: d("0"),
    };
    let b = budget(&s, &query).unwrap();
    assert_eq!((b.count, b.unbounded), (MAX_COUNT, true));
}

#[test]
fn bad_queries_name_the_field() {
    let s = scenario(r#"{"month":"2026-11","lines":[]}"#);
    let query = BudgetQuery {
        destination: Destination::Country("IND".into()),
        category: LineCategory::Marketing,
        amount: d("10"),
    };
    let errors = budget(&s, &query).unwrap_err().lines();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("country: "), "{errors:?}");
    let query = to_india(LineCategory::Marketing, "-1");
    assert_eq!(
        budget(&s, &query).unwrap_err().lines(),
        vec!["amount: must be a budget from 0 to 1000000000000000 (10^15) in the scenario's currency, got \"-1\""]
    );
    let read = BudgetQuery::from_value(
        &serde_json::json!({"country": "in", "category": "sms", "amount": "x", "colour": 1}),
    )
    .unwrap_err()
    .lines();
    assert_eq!(
        read,
        vec![
            "colour: unknown field (expected one of: country, market, category, amount)",
            "category: must be one of marketing, utility, authentication, service, got \"sms\"",
            "amount: must be a budget from 0 to 1000000000000000 (10^15) in the scenario's currency, got \"x\"",
        ]
    );
}

/// Months, and countries of different rates, where each rules version prices.
fn setting(rules: RulesVersion) -> (Month, &'static [&'static str]) {
    let month = |year, month| Month { year, month };
    match rules {
        RulesVersion::Mx2021_02 => (month(2021, 6), &["MX"]),
        RulesVersion::Cbp2022_02 => (month(2022, 6), &["IN", "BR", "MX", "DE"]),
        RulesVersion::Cbp2023_06 => (month(2023, 8), &["ID", "MY", "AD"]),
        RulesVersion::Cbp2024_11 => (month(2025, 1), &["IN", "BR", "MX", "DE"]),
        RulesVersion::Pmp2025_07 => (month(2026, 7), &["IN", "BR", "MX", "DE", "NG"]),
        RulesVersion::Pmp2026_10 => (month(2026, 10), &["IN", "BR", "MX", "DE", "NG", "SG", "MY"]),
    }
}

/// Small sheets where shared allowances and tier counters are in play.
fn small_case() -> impl Strategy<Value = (Scenario, Destination, LineCategory, Decimal)> {
    let rules = prop::sample::select(RulesVersion::ALL.to_vec());
    rules.prop_flat_map(|rules| {
        let (month, countries) = setting(rules);
        let line = (
            prop::sample::select(countries.to_vec()),
            0u64..40,
            0u64..40,
            0u64..40,
            0u64..60,
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
            prop::sample::select(countries.to_vec()),
            prop::sample::select(LineCategory::ALL.to_vec()),
            0u32..3,
            prop::bool::ANY,
            0u32..60,
            0u32..4,
            0u64..400,
        )
            .prop_map(
                move |(lines, country, category, ep, intl, markup, free, spare)| {
                    let mut s = Scenario {
                        month: Some(month),
                        lines,
                        entry_point: Decimal::new(i64::from(ep) * 10, 2),
                        auth_international: intl,
                        business_country: Some("BR".into()),
                        free_conversations: u64::from(free) * 20,
                        ..Scenario::default()
                    };
                    s.bsp.markup = Decimal::new(i64::from(markup), 2);
                    // Allowances small enough to be used up by the sheet.
                    s.wabas = 1;
                    let base = {
                        let sheet = s.clone();
                        estimate(&sheet)
                            .map(|e| e.total.value())
                            .unwrap_or_default()
                    };
                    let amount = base + Decimal::new(spare as i64, 3);
                    (
                        s,
                        Destination::Country(country.to_string()),
                        category,
                        amount,
                    )
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// The count is the end of the first run of counts that fit, as a scan of every count finds
    /// it.
    #[test]
    fn the_count_is_the_end_of_the_first_run((s, destination, category, amount) in small_case()) {
        let query = BudgetQuery { destination: destination.clone(), category, amount };
        let Ok(found) = budget(&s, &query) else { return Ok(()); };
        if found.unbounded {
            // Free: every count costs the same as none.
            prop_assert_eq!(total(&s, &destination, category, 0), total(&s, &destination, category, 5000));
            return Ok(());
        }
        let mut k = 0;
        while total(&s, &destination, category, k) <= amount {
            k += 1;
            prop_assert!(k < 20_000, "scan too long");
        }
        let expected = k.saturating_sub(1);
        prop_assert_eq!(found.fits, k > 0);
        prop_assert_eq!(found.count, if k == 0 { 0 } else { expected });
    }

    /// A larger budget never gives a smaller count.
    #[test]
    fn a_larger_budget_never_fits_fewer((s, destination, category, amount) in small_case(), more in 0u32..5000) {
        let query = |amount| BudgetQuery { destination: destination.clone(), category, amount };
        let (Ok(small), Ok(large)) = (
            budget(&s, &query(amount)),
            budget(&s, &query(amount + Decimal::new(i64::from(more), 3))),
        ) else { return Ok(()); };
        prop_assert!(large.count >= small.count);
    }
}

/// From 2026-10 the 1,000 free service messages are shared by the lines: one more message to
/// Nigeria can move a free unit to a dearer market and lower the total. The count stops at the
/// first message that does not fit, even though a later count fits again.
#[test]
fn the_count_stops_at_the_first_message_that_does_not_fit() {
    let s = scenario(
        r#"{"month":"2026-10","lines":[{"country":"BR","service":606},{"country":"DE","service":413},
            {"country":"NG","service":334}]}"#,
    );
    let destination = Destination::Country("NG".into());
    let at = |k| total(&s, &destination, LineCategory::Service, k);
    assert!(at(192) < at(191), "a dip: {} then {}", at(191), at(192));
    let amount = (at(191) + at(192)) / Decimal::TWO;
    let b = budget(
        &s,
        &BudgetQuery {
            destination: destination.clone(),
            category: LineCategory::Service,
            amount,
        },
    )
    .unwrap();
    let first_over = (0..).find(|&k| at(k) > amount).unwrap();
    assert_eq!(b.count, first_over - 1);
    assert!(b.count < 191);
    assert!(
        at(192) <= amount,
        "192 messages fit again, after the run ended"
    );
}

/// Sheets whose service messages use up the 2026-10 allowance, in markets of different rates:
/// where free units move between markets as the extra line grows.
fn pooled_case() -> impl Strategy<Value = (Scenario, Destination, Decimal)> {
    let countries = ["IN", "BR", "DE", "NG", "MX", "SG"];
    (
        prop::collection::vec((prop::sample::select(countries.to_vec()), 50u64..900), 2..7),
        prop::sample::select(countries.to_vec()),
        1u64..3,
        0u32..40,
        0i64..3000,
    )
        .prop_map(move |(lines, country, numbers, markup, spare)| {
            let mut s = Scenario {
                month: "2026-10".parse().ok(),
                phone_numbers: numbers,
                lines: lines
                    .into_iter()
                    .map(|(c, n)| Line {
                        country: Some(c.to_string()),
                        service: n,
                        ..Line::default()
                    })
                    .collect(),
                ..Scenario::default()
            };
            s.bsp.markup = Decimal::new(i64::from(markup), 2);
            let base = estimate(&s).unwrap().total.value();
            (
                s,
                Destination::Country(country.to_string()),
                base + Decimal::new(spare, 3),
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, .. ProptestConfig::default() })]

    /// Under the shared allowance the total dips; the count is still the first run's end.
    #[test]
    fn shared_allowances_keep_the_first_run((s, destination, amount) in pooled_case()) {
        let query = BudgetQuery { destination: destination.clone(), category: LineCategory::Service, amount };
        let found = budget(&s, &query).unwrap();
        prop_assume!(!found.unbounded);
        let mut k = 0;
        while total(&s, &destination, LineCategory::Service, k) <= amount {
            k += 1;
            prop_assert!(k < 50_000, "scan too long");
        }
        prop_assert_eq!(found.count, k.saturating_sub(1));
    }
}
