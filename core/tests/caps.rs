//! The caps of a scenario (docs/scenario.md, "Limits"): each refused with the cap and the
//! figure found, nothing past a cap read, problems listed up to a count, and a scenario at
//! every cap read and priced in one pass.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write;
use std::time::{Duration, Instant};
use wacost_core::estimate::{compare, estimate};
use wacost_core::scenario::{
    CustomBand, CustomTier, ErrorKind, Scenario, MAX_BANDS, MAX_CUSTOM_RATES, MAX_CUSTOM_TIERS,
    MAX_LISTED_ERRORS,
};

/// `{"market": "Own market N", ...}` entries joined.
fn rates(n: usize) -> String {
    (0..n)
        .map(|i| format!(r#"{{"market":"Own market {i}","category":"marketing","rate":"0.01"}}"#))
        .collect::<Vec<_>>()
        .join(",")
}

fn bands(n: usize) -> String {
    let mut out = String::new();
    for b in 1..n {
        let _ = write!(out, r#"{{"to":{},"rate":"0.0{b}"}},"#, b * 1000);
    }
    out.push_str(r#"{"to":null,"rate":"0.001"}"#);
    out
}

fn tiers(n: usize, bands_each: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                r#"{{"market":"Own market {i}","category":"utility","bands":[{}]}}"#,
                bands(bands_each)
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn errors(json: &str) -> Vec<String> {
    Scenario::from_json(json).unwrap_err().lines()
}

#[test]
fn custom_rates_ladders_and_bands_are_capped_with_the_figure() {
    let over = format!(
        r#"{{"month":"2026-10","custom_rates":[{}]}}"#,
        rates(MAX_CUSTOM_RATES + 1)
    );
    assert_eq!(
        errors(&over),
        ["custom_rates: at most 2000 custom rates, got 2001"]
    );
    let over = format!(
        r#"{{"month":"2026-10","custom_tiers":[{}]}}"#,
        tiers(MAX_CUSTOM_TIERS + 1, 2)
    );
    assert_eq!(
        errors(&over),
        ["custom_tiers: at most 500 custom ladders, got 501"]
    );
    let over = format!(
        r#"{{"month":"2026-10","custom_tiers":[{}]}}"#,
        tiers(1, 300)
    );
    assert_eq!(
        errors(&over),
        ["custom_tiers[0].bands: at most 50 bands in a ladder, got 300"]
    );
    let kinds: Vec<&str> = Scenario::from_json(&over)
        .unwrap_err()
        .0
        .iter()
        .map(|e| e.kind.tag())
        .collect();
    assert_eq!(kinds, ["too_many_bands"]);
    // At the caps, accepted.
    let at = format!(
        r#"{{"month":"2026-10","custom_rates":[{}],"custom_tiers":[{}]}}"#,
        rates(MAX_CUSTOM_RATES),
        tiers(MAX_CUSTOM_TIERS, MAX_BANDS)
    );
    let s = Scenario::from_json(&at).unwrap();
    assert_eq!(
        (
            s.custom_rates.len(),
            s.custom_tiers.len(),
            s.custom_tiers[0].bands.len()
        ),
        (2000, 500, 50)
    );
}

#[test]
fn scenarios_built_in_code_are_capped_too() {
    let mut s = Scenario::from_json(r#"{"month":"2026-10"}"#).unwrap();
    s.custom_tiers = vec![CustomTier {
        market: "India".into(),
        category: wacost_core::Category::Utility,
        currency: None,
        bands: (0..=MAX_BANDS as u64)
            .map(|b| CustomBand {
                to: (b < MAX_BANDS as u64).then_some((b + 1) * 10),
                rate: rust_decimal::Decimal::ONE,
            })
            .collect(),
    }];
    assert_eq!(
        s.check().unwrap_err().lines(),
        ["custom_tiers[0].bands: at most 50 bands in a ladder, got 51"]
    );
}

#[test]
fn problems_are_listed_up_to_the_cap_then_counted() {
    let lines: Vec<String> = (0..300)
        .map(|_| r#"{"country":"IN","utility":"12.5","marketing":-1}"#.to_string())
        .collect();
    let json = format!(r#"{{"month":"2026-10","lines":[{}]}}"#, lines.join(","));
    let errors = Scenario::from_json(&json).unwrap_err();
    assert_eq!(errors.0.len(), MAX_LISTED_ERRORS + 1);
    assert_eq!(
        errors.0[0].to_string(),
        "lines[0].marketing: must be a whole number >= 0, got -1"
    );
    assert_eq!(
        errors.0[MAX_LISTED_ERRORS].to_string(),
        "(scenario): … and 500 more problems (the first 100 are listed)"
    );
    assert_eq!(
        errors.0[MAX_LISTED_ERRORS].kind,
        ErrorKind::MoreErrors { more: 500 }
    );
}

/// The same cap on what pricing finds: 3,000 lines to a market the card lacks.
#[test]
fn pricing_problems_are_capped_in_estimate_and_grouped_in_compare() {
    let lines: Vec<String> = (0..3_000)
        .map(|i| format!(r#"{{"market":"Nowhere {i}","marketing":1}}"#))
        .collect();
    let json = format!(r#"{{"month":"2026-10","lines":[{}]}}"#, lines.join(","));
    let scenario = Scenario::from_json(&json).unwrap();
    let errors = estimate(&scenario).unwrap_err().lines();
    assert_eq!(errors.len(), MAX_LISTED_ERRORS + 1);
    assert_eq!(
        errors[0],
        "lines[0].market: \"Nowhere 0\" is not a market of Meta's table in force on 2026-10-01 (no market's name is close to it); a custom_rates entry can add one"
    );
    assert_eq!(
        errors[MAX_LISTED_ERRORS],
        "(scenario): … and 2900 more problems (the first 100 are listed)"
    );
    let comparison = compare(&scenario).unwrap();
    for version in &comparison.versions {
        assert_eq!(
            version.errors.len(),
            MAX_LISTED_ERRORS + 1,
            "{}",
            version.rules
        );
        assert_eq!(
            version.errors[MAX_LISTED_ERRORS],
            "(scenario): … and 2900 more problems (the first 100 are listed)"
        );
    }
}

#[test]
fn an_unknown_market_names_the_closest_ones_not_the_whole_table() {
    let json = r#"{"month":"2026-10","lines":[{"market":"Indai","marketing":1},{"market":"rest of afica","marketing":1}]}"#;
    let errors = estimate(&Scenario::from_json(json).unwrap())
        .unwrap_err()
        .lines();
    assert_eq!(
        errors,
        [
            "lines[0].market: \"Indai\" is not a market of Meta's table in force on 2026-10-01 (closest: India); a custom_rates entry can add one",
            "lines[1].market: \"rest of afica\" is not a market of Meta's table in force on 2026-10-01 (closest: Rest of Africa); a custom_rates entry can add one",
        ]
    );
}

#[test]
fn duplicates_are_found_among_thousands() {
    let mut entries = rates(MAX_CUSTOM_RATES - 1);
    entries.push_str(r#",{"market":"OWN MARKET 7","category":"marketing","rate":"0.02"}"#);
    let json = format!(r#"{{"month":"2026-10","custom_rates":[{entries}]}}"#);
    assert_eq!(
        errors(&json),
        ["custom_rates[1999]: duplicate: OWN MARKET 7 marketing is given twice"]
    );
}

/// A scenario at every cap, one line per market of its own: what used to take seconds (the
/// custom rates were walked for every market) is one pass. Generous bounds, for a debug build
/// on a busy machine; the benchmark measures the real figure.
#[test]
fn a_scenario_at_every_cap_is_priced_in_one_pass() {
    let lines: Vec<String> = (0..MAX_CUSTOM_RATES)
        .map(|i| {
            // Utility only where a ladder of the user's prices it.
            let utility = if i < MAX_CUSTOM_TIERS { 7_000 * i } else { 0 };
            format!(r#"{{"market":"own market {i}","marketing":{i},"utility":{utility}}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"month":"2026-10","custom_rates":[{}],"custom_tiers":[{}],"lines":[{}]}}"#,
        rates(MAX_CUSTOM_RATES),
        tiers(MAX_CUSTOM_TIERS, MAX_BANDS),
        lines.join(",")
    );
    let started = Instant::now();
    let scenario = Scenario::from_json(&json).unwrap();
    let e = estimate(&scenario).unwrap();
    assert_eq!(e.markets.len(), MAX_CUSTOM_RATES);
    let c = compare(&scenario).unwrap();
    assert_eq!(c.versions.len(), 6);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}
