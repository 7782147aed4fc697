#![cfg(not(target_arch = "wasm32"))]
//! The hand-written TypeScript in `src/types.rs` must declare every key the functions return,
//! and each interface must exist: checked against real output of each function, natively.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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

/// Each mode and every reason: card fallbacks (INR), a model that cannot be priced, an answer
/// split into rules and card (August 2026), one that cannot be split (August 2023).
#[test]
fn every_key_of_each_kind_of_comparison_is_declared() {
    use wacost_core::estimate::CardsFor;
    for (month, currency) in [
        ("2026-08", "USD"),
        ("2023-08", "USD"),
        ("2026-11", "INR"),
        ("2026-08", "GBP"),
    ] {
        let json = SCENARIO
            .replace("\"2026-11\"", &format!("\"{month}\""))
            .replace("\"USD\"", &format!("\"{currency}\""));
        for cards in [CardsFor::OfTheirTime, CardsFor::Same] {
            let comparison = wacost_js::scenario_input::compare_json_with(&json, cards).unwrap();
            let value = serde_json::to_value(&comparison).unwrap();
            assert_eq!(
                undeclared(&value),
                Vec::<String>::new(),
                "{month} {currency} {cards:?}"
            );
        }
    }
}

#[test]
fn every_key_of_the_catalog_answers_is_declared() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let rates = wacost_js::catalog_api::rates(None, None, today).unwrap();
    let market = wacost_js::catalog_api::market("+12025550123", None, today).unwrap();
    let cards = wacost_js::catalog_api::cards();
    let currencies = wacost_js::catalog_api::currencies("2026-11").unwrap();
    let diff = wacost_js::catalog_api::card_diff(
        "2026-04-01",
        "2026-07-01",
        None,
        Some(r#"{"month":"2026-05","bsp":{"markup":"0.1"},"lines":[{"country":"IT","marketing":100}]}"#),
    )
    .unwrap();
    for value in [
        serde_json::to_value(&rates).unwrap(),
        serde_json::to_value(&market).unwrap(),
        serde_json::to_value(&cards).unwrap(),
        serde_json::to_value(&currencies).unwrap(),
        serde_json::to_value(&diff).unwrap(),
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
        "CurrencyCoverage",
        "CardDiff",
        "Answer",
        "VersionResult",
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
        "unchecked_return_type = \"CurrencyCoverage[]\"",
        "unchecked_return_type = \"CardDiff\"",
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
    let kinds: Vec<&str> = problems.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, ["not_a_count", "not_a_code"]);
}

/// The text of a declaration, from its opening line to its closing brace.
fn declaration(opening: &str) -> &'static str {
    let start = TYPES
        .find(opening)
        .unwrap_or_else(|| panic!("{opening} is not declared"));
    let rest = &TYPES[start..];
    &rest[..rest.find("\n}").expect("a closing brace")]
}

fn declares(text: &str, key: &str) -> bool {
    text.contains(&format!(" {key}?:")) || text.contains(&format!(" {key}:"))
}

/// The declaration's line that declares `key`.
fn member<'t>(text: &'t str, key: &str) -> &'t str {
    text.lines()
        .find(|line| declares(&format!(" {}", line.trim_start()), key))
        .unwrap_or_else(|| panic!("`{key}` is not declared"))
}

/// Every field of the core's scenario schema is declared in the TypeScript `Scenario`: a field
/// added to the schema fails here until the declaration has it.
#[test]
fn the_scenario_declaration_has_every_field_of_the_schema() {
    use wacost_core::scenario::schema::{
        Group, BAND_KEYS, BSP_KEYS, LINE_KEYS, PER_CONVERSATION_KEYS, RATE_KEYS, TIER_KEYS,
        TOP_KEYS,
    };
    let scenario = declaration("export interface Scenario {");
    for key in TOP_KEYS {
        assert!(declares(scenario, key), "Scenario lacks `{key}`");
    }
    let line = declaration("export interface ScenarioLine {");
    for key in LINE_KEYS {
        assert!(declares(line, key), "ScenarioLine lacks `{key}`");
    }
    for (group, keys) in [
        (Group::PerConversation.name(), &PER_CONVERSATION_KEYS[..]),
        (Group::Bsp.name(), &BSP_KEYS[..]),
        ("custom_rates", &RATE_KEYS[..]),
        ("custom_tiers", &TIER_KEYS[..]),
        ("custom_tiers", &BAND_KEYS[..]),
    ] {
        let declared = member(scenario, group);
        for key in keys {
            assert!(declares(declared, key), "Scenario.{group} lacks `{key}`");
        }
    }
}

/// Every kind of problem the core or this package reports is a member of `ProblemKind`.
#[test]
fn every_problem_kind_is_declared() {
    let union = &TYPES[TYPES
        .find("export type ProblemKind =")
        .expect("ProblemKind")..];
    let union = &union[..union.find(';').expect("the end of ProblemKind")];
    for kind in wacost_core::scenario::ErrorKind::TAGS
        .iter()
        .chain(&wacost_js::problem::OWN_KINDS)
    {
        assert!(
            union.contains(&format!("\"{kind}\"")),
            "ProblemKind lacks {kind}"
        );
    }
}
