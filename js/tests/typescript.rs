#![cfg(not(target_arch = "wasm32"))]
//! The hand-written TypeScript in `src/types.rs` must declare every key the functions return,
//! and each interface must exist: checked against real output of each function, natively.

use serde_json::Value;
use std::collections::BTreeSet;

const TYPES: &str = include_str!("../src/types.rs");

fn keys(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                into.insert(key.clone());
                keys(child, into);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| keys(item, into)),
        _ => {}
    }
}

fn undeclared(value: &Value) -> Vec<String> {
    let mut found = BTreeSet::new();
    keys(value, &mut found);
    found
        .into_iter()
        .filter(|key| !TYPES.contains(&format!(" {key}:")) && !TYPES.contains(&format!(" {key}?:")))
        .collect()
}

const SCENARIO: &str = r#"{
  "month": "2026-11", "currency": "USD", "business_country": "GB", "auth_international": true,
  "utility_in_window": "0.25", "entry_point": "0.10",
  "lines": [
    { "country": "IN", "marketing": 1000, "utility": 500, "authentication": 200, "service": 3350 },
    { "market": "Rest of Africa", "marketing": 8000 }
  ],
  "bsp": { "per_message": "0.005", "markup": "0.10", "monthly": "49", "per_number": "0" }
}"#;

#[test]
fn every_key_of_an_estimate_is_declared() {
    let estimate = wacost_js::scenario_input::estimate_json(SCENARIO).unwrap();
    let value = serde_json::to_value(&estimate).unwrap();
    assert!(
        value.get("main_driver").is_some(),
        "the sample should cover main_driver"
    );
    assert_eq!(undeclared(&value), Vec::<String>::new());
}

#[test]
fn every_key_of_a_comparison_is_declared() {
    let comparison = wacost_js::scenario_input::compare_json(SCENARIO).unwrap();
    let value = serde_json::to_value(&comparison).unwrap();
    assert_eq!(undeclared(&value), Vec::<String>::new());
}

#[test]
fn every_key_of_the_catalog_answers_is_declared() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let rates = wacost_js::catalog_api::rates(None, None, today).unwrap();
    let market = wacost_js::catalog_api::market("+12025550123", None, today).unwrap();
    let cards = wacost_js::catalog_api::cards();
    for value in [
        serde_json::to_value(&rates).unwrap(),
        serde_json::to_value(&market).unwrap(),
        serde_json::to_value(&cards).unwrap(),
    ] {
        assert_eq!(undeclared(&value), Vec::<String>::new());
    }
}

#[test]
fn each_function_names_its_declared_type() {
    for name in [
        "Scenario",
        "Estimate",
        "Comparison",
        "CardRates",
        "MarketMatch",
        "CardInfo",
        "WacostError",
    ] {
        assert!(
            TYPES.contains(&format!("export interface {name} ")),
            "{name}"
        );
    }
    let lib = include_str!("../src/lib.rs");
    for annotation in [
        "unchecked_return_type = \"Estimate\"",
        "unchecked_return_type = \"Comparison\"",
        "unchecked_return_type = \"CardRates\"",
        "unchecked_return_type = \"MarketMatch\"",
        "unchecked_return_type = \"CardInfo[]\"",
    ] {
        assert!(lib.contains(annotation), "{annotation}");
    }
}

#[test]
fn the_rest_of_africa_example_totals_exactly() {
    let json = r#"{"rate_card":"2026-10-01","rules":"pmp-2026-10","currency":"USD",
        "lines":[{"market":"Rest of Africa","marketing":8000}]}"#;
    let estimate = wacost_js::scenario_input::estimate_json(json).unwrap();
    assert_eq!(estimate.meta_total, "180.00");
    assert_eq!(estimate.total, "180.00");
    assert_eq!(estimate.markets[0].categories[0].charged, 8000);
}

#[test]
fn invalid_scenarios_report_every_field_path() {
    let json =
        r#"{"month":"2026-11","lines":[{"country":"IN","utility":"12.5"},{"country":"India"}]}"#;
    let problems = wacost_js::scenario_input::estimate_json(json).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["lines[0].utility", "lines[1].country"]);
    assert_eq!(
        problems[0].message,
        "must be a whole number >= 0, got \"12.5\""
    );
}
