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

/// The sheets of the golden plans: together their plans have every kind of plan note (a rules
/// change and a card change from 2023, months after the latest card, unpriced EUR months).
const PLAN_SHEETS: [&str; 4] = [
    include_str!("../../tests/golden/plans/from-july-2026.json"),
    include_str!("../../tests/golden/plans/from-2023.json"),
    include_str!("../../tests/golden/plans/eur-2026-10.json"),
    include_str!("../../tests/golden/plans/service-dip-2026-10.json"),
];

#[test]
fn every_key_of_a_plan_a_budget_and_levers_is_declared() {
    let options = serde_json::json!({ "months": 12, "growth": "0.03", "category_growth": { "marketing": "0.08" },
                                      "multipliers": { "11": "1.5", "12": "2" } });
    let mut kinds = BTreeSet::new();
    for sheet in PLAN_SHEETS {
        let plan = wacost_js::plan_api::plan(sheet, &options).unwrap();
        let value = serde_json::to_value(&plan).unwrap();
        for month in value["months"].as_array().unwrap() {
            for note in month["notes"].as_array().unwrap() {
                kinds.insert(note["kind"].as_str().unwrap().to_string());
            }
        }
        for note in value["notes"].as_array().unwrap() {
            kinds.insert(note["kind"].as_str().unwrap().to_string());
        }
        assert_eq!(undeclared(&value), Vec::<String>::new());
        // The EUR sheet's month cannot be priced (a partial card), so it has no levers.
        match wacost_js::plan_api::levers(sheet) {
            Ok(levers) => assert_eq!(
                undeclared(&serde_json::to_value(&levers).unwrap()),
                Vec::<String>::new()
            ),
            Err(problems) => assert_eq!(
                (sheet, problems[0].kind),
                (PLAN_SHEETS[2], "market_not_on_card")
            ),
        }
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "card_change",
            "latest_card",
            "latest_card_months",
            "rules_change",
            "unpriced",
            "unpriced_months"
        ]
    );
    for query in [
        serde_json::json!({ "country": "IN", "category": "marketing", "amount": "2500" }),
        serde_json::json!({ "market": "India", "category": "service", "amount": "1000" }),
    ] {
        let budget = wacost_js::plan_api::budget(PLAN_SHEETS[0], &query).unwrap();
        assert_eq!(
            undeclared(&serde_json::to_value(&budget).unwrap()),
            Vec::<String>::new()
        );
    }
}

#[test]
fn every_key_of_an_analytics_import_is_declared() {
    for (file, month) in [
        (
            include_str!("../../core/tests/data/analytics/2026-10-daily-two-numbers.json"),
            "2026-10",
        ),
        (
            include_str!("../../core/tests/data/analytics/2026-10-daily-two-numbers.json"),
            "2026-09",
        ),
        (
            include_str!("../../core/tests/data/analytics/2026-09-monthly-volume-only.json"),
            "2026-09",
        ),
    ] {
        let import =
            wacost_js::plan_api::import_analytics(file, &serde_json::json!({ "month": month }))
                .unwrap();
        assert_eq!(
            undeclared(&serde_json::to_value(&import).unwrap()),
            Vec::<String>::new(),
            "{month}"
        );
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
        "PlanOptions",
        "Plan",
        "PlanMonth",
        "Budget",
        "Levers",
        "Lever",
        "ImportOptions",
        "AnalyticsImport",
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
        "unchecked_return_type = \"Plan\"",
        "unchecked_return_type = \"Budget\"",
        "unchecked_return_type = \"Levers\"",
        "unchecked_return_type = \"AnalyticsImport\"",
        "unchecked_param_type = \"PlanOptions\"",
        "unchecked_param_type = \"BudgetOptions\"",
        "unchecked_optional_param_type = \"ImportOptions\"",
        "unchecked_optional_param_type = \"CompareOptions\"",
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

/// One error of each kind a plan's settings can have. The match has no wildcard, so a kind
/// added to the core stops this test compiling until it is listed here (and declared).
fn plan_kinds() -> Vec<&'static str> {
    use wacost_core::plan::PlanErrorKind as K;
    let got = String::new;
    let all = [
        K::NotAnObject { got: got() },
        K::UnknownField { expected: &[] },
        K::Required,
        K::NotAMonth { got: got() },
        K::MonthsOutOfRange { got: got() },
        K::GrowthOutOfRange { got: got() },
        K::NotACalendarMonth { got: got() },
        K::MultiplierOutOfRange { got: got() },
        K::DuplicateMultiplier { month: 1 },
        K::TooManyDecimals { got: got() },
        K::NoStart,
        K::ChosenByThePlan { field: "rules" },
        K::CountTooLarge {
            month: "2026-10".parse().unwrap(),
            category: wacost_core::line_category::LineCategory::Marketing,
            count: None,
        },
    ];
    for kind in &all {
        match kind {
            K::NotAnObject { .. }
            | K::UnknownField { .. }
            | K::Required
            | K::NotAMonth { .. }
            | K::MonthsOutOfRange { .. }
            | K::GrowthOutOfRange { .. }
            | K::NotACalendarMonth { .. }
            | K::MultiplierOutOfRange { .. }
            | K::DuplicateMultiplier { .. }
            | K::TooManyDecimals { .. }
            | K::NoStart
            | K::ChosenByThePlan { .. }
            | K::CountTooLarge { .. }
            | K::Scenario(_) => {}
        }
    }
    all.iter().map(K::tag).collect()
}

/// One error of each kind a budget's query can have (listed as `plan_kinds` lists them).
fn budget_kinds() -> Vec<&'static str> {
    use wacost_core::budget::BudgetErrorKind as K;
    let got = String::new;
    let all = [
        K::NotAnObject { got: got() },
        K::UnknownField { expected: &[] },
        K::Required,
        K::OneDestination,
        K::NotACategory { got: got() },
        K::AmountOutOfRange { got: got() },
        K::TooManyDecimals { got: got() },
        K::NoRoomForLine,
    ];
    for kind in &all {
        match kind {
            K::NotAnObject { .. }
            | K::UnknownField { .. }
            | K::Required
            | K::OneDestination
            | K::NotACategory { .. }
            | K::AmountOutOfRange { .. }
            | K::TooManyDecimals { .. }
            | K::NoRoomForLine
            | K::Scenario(_) => {}
        }
    }
    all.iter().map(K::tag).collect()
}

/// One error of each kind an analytics file can have (listed as `plan_kinds` lists them).
fn import_kinds() -> Vec<&'static str> {
    use wacost_core::analytics::ImportErrorKind as K;
    let got = String::new;
    let all = [
        K::NotJson { detail: got() },
        K::NoPricingAnalytics,
        K::NotAnArray { got: got() },
        K::NotAnObject { got: got() },
        K::NotAString { got: got() },
        K::Required,
        K::NotATime { got: got() },
        K::NotACount { got: got() },
        K::NotAnAmount { got: got() },
        K::EndBeforeStart { start: 1, end: 0 },
        K::NoDataPoints,
        K::SeveralMonths { months: vec![] },
        K::MonthNotInFile {
            month: got(),
            months: vec![],
        },
    ];
    for kind in &all {
        match kind {
            K::NotJson { .. }
            | K::NoPricingAnalytics
            | K::NotAnArray { .. }
            | K::NotAnObject { .. }
            | K::NotAString { .. }
            | K::Required
            | K::NotATime { .. }
            | K::NotACount { .. }
            | K::NotAnAmount { .. }
            | K::EndBeforeStart { .. }
            | K::NoDataPoints
            | K::SeveralMonths { .. }
            | K::MonthNotInFile { .. }
            | K::Scenario(_) => {}
        }
    }
    all.iter().map(K::tag).collect()
}

/// Every kind of problem the core or this package reports is a member of `ProblemKind`: the
/// scenario's, the plan's, the budget's and the analytics import's.
#[test]
fn every_problem_kind_is_declared() {
    let union = &TYPES[TYPES
        .find("export type ProblemKind =")
        .expect("ProblemKind")..];
    let union = &union[..union.find(';').expect("the end of ProblemKind")];
    let others: Vec<&str> = [plan_kinds(), budget_kinds(), import_kinds()].concat();
    for kind in wacost_core::scenario::ErrorKind::TAGS
        .iter()
        .chain(&wacost_js::problem::OWN_KINDS)
        .chain(&others)
    {
        assert!(
            union.contains(&format!("\"{kind}\"")),
            "ProblemKind lacks {kind}"
        );
    }
}
