//! Money is exact, or there is no figure: inputs that cannot be held exactly are refused, and
//! an amount that would have to be rounded stops the estimate with the field it comes from.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_core::estimate::{compare, estimate};
use wacost_core::scenario::Scenario;

fn errors_of(json: &str) -> Vec<String> {
    let scenario = Scenario::from_json(json).unwrap();
    estimate(&scenario).unwrap_err().lines()
}

#[test]
fn inputs_with_more_digits_than_held_are_refused_not_rounded() {
    // 29 nines used to be read as exactly 1 (and 21 nines refused for their decimals).
    let json = r#"{"month":"2026-10","utility_in_window":"0.99999999999999999999999999999",
        "custom_rates":[{"market":"India","category":"utility","rate":"0.100000000000000000000000000000000"}]}"#;
    let errors = Scenario::from_json(json).unwrap_err();
    assert_eq!(
        errors.lines(),
        ["utility_in_window: has more digits than can be held exactly (28), and wacost never rounds what it is given, got \"0.99999999999999999999999999999\""]
    );
    assert_eq!(errors.0[0].kind.tag(), "inexact_decimal");
    // Trailing zeros are no digits to hold: 0.1000… is read as 0.1.
    let ok = r#"{"month":"2026-10","custom_rates":[{"market":"India","category":"utility","rate":"0.100000000000000000000000000000000"}]}"#;
    let s = Scenario::from_json(ok).unwrap();
    assert_eq!(s.custom_rates[0].rate.to_string(), "0.1");
}

#[test]
fn a_product_that_would_need_rounding_is_refused_naming_its_line() {
    // 999,999,999,999 × 0.123456789012345679 has 30 significant digits: it used to be rounded
    // half-even without a word.
    let json = r#"{"month":"2026-10","lines":[{"market":"India","marketing":999999999999}],
        "custom_rates":[{"market":"India","category":"marketing","rate":"0.123456789012345679"}]}"#;
    assert_eq!(
        errors_of(json),
        ["lines[0]: the amount of India marketing cannot be computed exactly: it would need more than 28 significant digits, and wacost never rounds an amount (lower the counts, or give the rates or fees fewer decimals)"]
    );
    let scenario = Scenario::from_json(json).unwrap();
    let comparison = compare(&scenario).unwrap();
    let pmp = comparison
        .versions
        .iter()
        .find(|v| v.rules.as_str() == "pmp-2026-10")
        .unwrap();
    assert!(pmp.estimate.is_none());
    assert!(
        pmp.errors[0].contains("cannot be computed exactly"),
        "{:?}",
        pmp.errors
    );
    // The same rate on fewer messages is exact, to the last decimal.
    let fewer = json.replace("999999999999", "1000");
    let e = estimate(&Scenario::from_json(&fewer).unwrap()).unwrap();
    assert_eq!(e.meta_total, "123.456789012345679");
}

#[test]
fn sums_and_fees_that_would_need_rounding_are_refused_naming_their_field() {
    // Each market's amount is exact (18 decimals, 29 digits), their sum is not.
    let lines: Vec<String> = (0..3)
        .map(|i| format!(r#"{{"market":"Own {i}","marketing":999999999}}"#))
        .collect();
    let rates: Vec<String> = (0..3)
        .map(|i| {
            format!(r#"{{"market":"Own {i}","category":"marketing","rate":"999999.99999999999999999{i}"}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"month":"2026-10","lines":[{}],"custom_rates":[{}]}}"#,
        lines.join(","),
        rates.join(",")
    );
    let errors = errors_of(&json);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("cannot be computed exactly"),
        "{errors:?}"
    );
    // A markup of 18 decimals on a total of 18 decimals needs 36.
    let json = r#"{"month":"2026-10","lines":[{"market":"India","marketing":7}],
        "custom_rates":[{"market":"India","category":"marketing","rate":"0.123456789012345679"}],
        "bsp":{"markup":"0.123456789012345671"}}"#;
    assert_eq!(
        errors_of(json),
        ["bsp.markup: the provider's markup cannot be computed exactly: it would need more than 28 significant digits, and wacost never rounds an amount (lower the counts, or give the rates or fees fewer decimals)"]
    );
}

/// The roundings the rules define stay as they are: shares half up, conversations up.
#[test]
fn the_roundings_the_rules_define_are_kept() {
    let json = r#"{"month":"2026-10","entry_point":"0.5","per_conversation":{"marketing":"4"},
        "lines":[{"country":"IN","marketing":5}]}"#;
    let e = estimate(&Scenario::from_json(json).unwrap()).unwrap();
    let marketing = &e.markets[0].categories[0];
    assert_eq!((marketing.free.entry_point, marketing.charged), (3, 2));
    let cbp = json.replace("2026-10", "2023-08").replace("IN", "ID");
    let e = estimate(&Scenario::from_json(&cbp).unwrap()).unwrap();
    // 5 messages, 3 in an entry point window (half up), 2 left at 4 per conversation: 1.
    assert_eq!(e.markets[0].categories[0].conversations, Some(1));
}

/// Native tests run with overflow checks on (`[profile.test]` in Cargo.toml, and the `fuzz`
/// profile of scripts/fuzz.sh): an integer sum that wraps fails a test instead of giving a
/// wrong figure. This fails if a profile turns them off.
#[test]
#[should_panic(expected = "overflow")]
fn tests_run_with_overflow_checks() {
    let max = std::hint::black_box(u64::MAX);
    let _ = max + std::hint::black_box(1);
}
