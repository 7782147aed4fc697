//! The package as a browser sees it: `wasm-pack test --headless --chrome js`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        if let Ok(index) = key.parse::<u32>() {
            Reflect::get_u32(&v, index).unwrap()
        } else {
            Reflect::get(&v, &(*key).into()).unwrap()
        }
    })
}

fn text(value: &JsValue, path: &[&str]) -> String {
    get(value, path)
        .as_string()
        .unwrap_or_else(|| format!("{:?}", get(value, path)))
}

const AFRICA: &str = r#"{"rate_card":"2026-10-01","rules":"pmp-2026-10","currency":"USD",
    "lines":[{"market":"Rest of Africa","marketing":8000}]}"#;

#[wasm_bindgen_test]
fn estimate_from_json_text_gives_exact_totals() {
    let result = wacost_js::estimate(AFRICA.into()).unwrap();
    assert_eq!(text(&result, &["total"]), "180.00");
    assert_eq!(text(&result, &["meta_total"]), "180.00");
    assert_eq!(text(&result, &["markets", "0", "market"]), "Rest of Africa");
    assert_eq!(
        get(&result, &["markets", "0", "categories", "0", "charged"]).as_f64(),
        Some(8000.0)
    );
    // A plain object, not a Map: JSON.stringify sees every field.
    let json = JSON::stringify(&result).unwrap().as_string().unwrap();
    assert!(json.contains("\"total\":\"180.00\""), "{json}");
}

#[wasm_bindgen_test]
fn estimate_from_a_js_object_with_number_fees() {
    let scenario = JSON::parse(
        r#"{"month":"2026-11","lines":[{"market":"Rest of Africa","marketing":8000}],
            "bsp":{"per_message":0.005,"monthly":49}}"#,
    )
    .unwrap();
    let result = wacost_js::estimate(scenario).unwrap();
    assert_eq!(text(&result, &["meta_total"]), "180.00");
    // 8,000 charged messages x 0.005 + 49 monthly.
    assert_eq!(text(&result, &["bsp_fees"]), "89.00");
    assert_eq!(text(&result, &["total"]), "269.00");
}

#[wasm_bindgen_test]
fn invalid_input_throws_an_error_with_each_path_and_message() {
    let scenario = JSON::parse(
        r#"{"month":"2026-11","lines":[{"country":"IN","utility":"12.5"},{"country":"India"}]}"#,
    )
    .unwrap();
    let error = wacost_js::estimate(scenario).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    let error: js_sys::Error = error.unchecked_into();
    assert_eq!(String::from(error.name()), "WacostError");
    let problems: Array = get(&error, &["problems"]).unchecked_into();
    assert_eq!(problems.length(), 2);
    assert_eq!(text(&problems.get(0), &["path"]), "lines[0].utility");
    assert_eq!(
        text(&problems.get(0), &["message"]),
        "must be a whole number >= 0, got \"12.5\""
    );
    assert_eq!(text(&problems.get(0), &["kind"]), "not_a_count");
    assert_eq!(text(&problems.get(1), &["path"]), "lines[1].country");
    assert_eq!(text(&problems.get(1), &["kind"]), "not_a_code");
    assert!(String::from(error.message()).starts_with("lines[0].utility: must be a whole number"));
}

#[wasm_bindgen_test]
fn a_custom_rate_in_another_currency_is_refused_with_its_kind() {
    let scenario = JSON::parse(
        r#"{"month":"2026-10","currency":"USD","lines":[{"market":"India","utility":1}],
            "custom_rates":[{"market":"India","category":"utility","rate":"0.115","currency":"INR"}]}"#,
    )
    .unwrap();
    let error = wacost_js::estimate(scenario).unwrap_err();
    let problems: Array = get(&error, &["problems"]).unchecked_into();
    assert_eq!(problems.length(), 1);
    assert_eq!(
        text(&problems.get(0), &["path"]),
        "custom_rates[0].currency"
    );
    assert_eq!(text(&problems.get(0), &["kind"]), "other_currency");
    assert_eq!(
        text(&problems.get(0), &["message"]),
        "is in INR, and the scenario is in USD: wacost never converts (give the rate in USD, or choose currency INR)"
    );
}

#[wasm_bindgen_test]
fn non_scenarios_are_refused_with_a_message() {
    let error = wacost_js::estimate(JsValue::from(42)).unwrap_err();
    assert_eq!(
        text(&get(&error, &["problems"]), &["0", "message"]),
        "expected a scenario object or its JSON text"
    );
    let error = wacost_js::estimate("{not json".into()).unwrap_err();
    assert!(
        get(&error, &["problems"])
            .unchecked_into::<Array>()
            .length()
            >= 1
    );
}

#[wasm_bindgen_test]
fn compare_prices_every_rules_version() {
    let result = wacost_js::compare(AFRICA.into(), None).unwrap();
    let versions: Array = get(&result, &["versions"]).unchecked_into();
    assert_eq!(versions.length(), 6);
    let last = versions.get(5);
    assert_eq!(text(&last, &["rules"]), "pmp-2026-10");
    assert_eq!(text(&last, &["estimate", "total"]), "180.00");
}

#[wasm_bindgen_test]
fn rates_market_and_cards() {
    let card = wacost_js::rates(Some("2026-10-01".into()), Some("USD".into())).unwrap();
    let rows: Array = get(&card, &["rates"]).unchecked_into();
    let africa = rows
        .iter()
        .find(|r| text(r, &["market"]) == "Rest of Africa" && text(r, &["category"]) == "marketing")
        .unwrap();
    assert_eq!(text(&africa, &["rate"]), "0.0225");
    assert_eq!(get(&card, &["complete"]).as_bool(), Some(true));

    let error = wacost_js::rates(Some("2026-10-02".into()), None).unwrap_err();
    assert_eq!(text(&get(&error, &["problems"]), &["0", "path"]), "card");

    let found = wacost_js::market("+5511987654321".into(), Some("2026-10-01".into())).unwrap();
    assert_eq!(text(&found, &["market"]), "Brazil");
    assert_eq!(text(&found, &["iso2"]), "BR");
    let error = wacost_js::market("Brasil".into(), None).unwrap_err();
    assert_eq!(
        text(&get(&error, &["problems"]), &["0", "path"]),
        "countryOrNumber"
    );

    let cards: Array = wacost_js::cards().unwrap().unchecked_into();
    assert!(cards.length() >= 20);
}

#[wasm_bindgen_test]
fn estimates_and_comparisons_export_as_csv() {
    let csv = wacost_js::estimate_csv(AFRICA.into()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "currency,rules,rate_card,month,row,market,category,tier,from,to,delivered,free_entry_point,free_window,free_allowance,charged,quantity,rate,amount,amount_rounded"
    );
    assert!(lines.contains(
        &"USD,pmp-2026-10,2026-10-01,,category,Rest of Africa,marketing,,,,8000,0,0,0,8000,,0.0225,180.00,180.00"
    ));
    assert_eq!(
        lines.last(),
        Some(&"USD,pmp-2026-10,2026-10-01,,total,,,,,,,,,,,,,180.00,180.00")
    );
    let csv = wacost_js::compare_csv(AFRICA.into(), None).unwrap();
    assert!(csv.contains("USD,2026-10-01,,pmp-2026-10,total,,,,180.00,180.00,\n"));
    let error = wacost_js::estimate_csv(r#"{"lines":[{"country":"IN"}]}"#.into()).unwrap_err();
    assert_eq!(text(&get(&error, &["problems"]), &["0", "path"]), "month");
}

const INDIA_AND_AFRICA: &str = r#"{"month":"2026-11","utility_in_window":"0.25",
    "lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350},
             {"market":"Rest of Africa","marketing":8000}]}"#;

#[wasm_bindgen_test]
fn compare_puts_each_model_on_the_card_of_its_time_unless_asked_for_one_card() {
    let result = wacost_js::compare(INDIA_AND_AFRICA.into(), None).unwrap();
    assert_eq!(text(&result, &["cards"]), "of_their_time");
    assert_eq!(text(&result, &["versions", "4", "rate_card"]), "2026-07-01");
    assert_eq!(
        text(&result, &["versions", "4", "name", "english"]),
        "Per message, Jul 2025 – Sep 2026"
    );
    assert_eq!(text(&result, &["answer", "difference"]), "3.465");
    assert_eq!(
        text(
            &result,
            &["answer", "rule_effect", "reasons", "1", "change"]
        ),
        "service_charged"
    );
    let options = JSON::parse(r#"{"cards":"same"}"#).unwrap();
    let same = wacost_js::compare(INDIA_AND_AFRICA.into(), Some(options)).unwrap();
    assert_eq!(text(&same, &["versions", "4", "rate_card"]), "2026-10-01");
    assert_eq!(
        text(&same, &["versions", "4", "card_reason", "kind"]),
        "same"
    );
    let bad = JSON::parse(r#"{"cards":"newest"}"#).unwrap();
    let error = wacost_js::compare(INDIA_AND_AFRICA.into(), Some(bad)).unwrap_err();
    assert_eq!(
        text(&get(&error, &["problems"]), &["0", "path"]),
        "options.cards"
    );
    assert_eq!(
        text(&get(&error, &["problems"]), &["0", "kind"]),
        "not_a_comparison_mode"
    );
}

#[wasm_bindgen_test]
fn currencies_and_card_diff() {
    let list: Array = wacost_js::currencies("2026-11".into())
        .unwrap()
        .unchecked_into();
    assert_eq!(list.length(), 16);
    let eur = list
        .iter()
        .find(|c| text(c, &["currency"]) == "EUR")
        .unwrap();
    assert_eq!(text(&eur, &["status"]), "partial");
    assert_eq!(text(&eur, &["latest_complete"]), "2026-07-01");

    let scenario =
        JSON::parse(r#"{"month":"2026-05","lines":[{"country":"IT","marketing":10000}]}"#).unwrap();
    let diff = wacost_js::card_diff(
        "2026-04-01".into(),
        "2026-07-01".into(),
        None,
        Some(scenario),
    )
    .unwrap();
    let rates: Array = get(&diff, &["rates"]).unchecked_into();
    let italy = rates
        .iter()
        .find(|r| text(r, &["market"]) == "Italy" && text(r, &["category"]) == "marketing")
        .unwrap();
    assert_eq!(text(&italy, &["change"]), "0.0104");
    // 10,000 × 0.0104.
    assert_eq!(text(&diff, &["effect", "change"]), "104.00");
    let error =
        wacost_js::card_diff("2026-04-01".into(), "2026-07-02".into(), None, None).unwrap_err();
    assert_eq!(text(&get(&error, &["problems"]), &["0", "path"]), "to");
}

/// The sheet of the README's plan, budget and levers (tests/golden/plans/from-july-2026.json).
const FROM_JULY_2026: &str = include_str!("../../tests/golden/plans/from-july-2026.json");

/// The problems of a thrown error as (path, kind, message).
fn problems(error: &JsValue) -> Vec<(String, String, String)> {
    let list: Array = get(error, &["problems"]).unchecked_into();
    list.iter()
        .map(|p| {
            (
                text(&p, &["path"]),
                text(&p, &["kind"]),
                text(&p, &["message"]),
            )
        })
        .collect()
}

fn paths_and_kinds(error: &JsValue) -> Vec<(String, String)> {
    problems(error)
        .into_iter()
        .map(|(path, kind, _)| (path, kind))
        .collect()
}

/// `wacost plan tests/golden/plans/from-july-2026.json --months 12 --growth 0.03
/// --growth-marketing 0.08 --multipliers 11:1.5,12:2` (tests/golden/expected/from-july-2026.plan),
/// with the decimals given as strings and as numbers.
#[wasm_bindgen_test]
fn a_plans_month_is_the_estimate_of_that_months_scenario() {
    let options = JSON::parse(
        r#"{"months":12,"growth":"0.03","category_growth":{"marketing":0.08},
            "multipliers":{"11":"1.5","12":2}}"#,
    )
    .unwrap();
    let plan = wacost_js::plan(FROM_JULY_2026.into(), Some(options)).unwrap();
    let months: Array = get(&plan, &["months"]).unchecked_into();
    assert_eq!(months.length(), 12);
    let october = months.get(3);
    assert_eq!(text(&october, &["month"]), "2026-10");
    assert_eq!(text(&october, &["rules"]), "pmp-2026-10");
    assert_eq!(text(&october, &["rate_card"]), "2026-10-01");
    assert_eq!(text(&october, &["categories", "service"]), "8.071");
    assert_eq!(text(&october, &["meta_total"]), "433.8032");
    assert_eq!(text(&october, &["total"]), "622.35852");
    assert_eq!(text(&october, &["cumulative_total"]), "2184.57438");
    assert_eq!(
        get(&october, &["messages", "marketing"]).as_f64(),
        Some(14487.0)
    );
    assert!(text(&october, &["reasons", "0"]).starts_with(
        "The pmp-2026-10 rules replace pmp-2025-07: at this month's volumes they change Meta's charge by USD +8.253: "
    ));
    assert_eq!(text(&october, &["notes", "0", "kind"]), "rules_change");
    assert_eq!(text(&plan, &["meta_total"]), "7220.4207");
    assert_eq!(text(&plan, &["total"]), "10042.92777");
    assert_eq!(
        text(&plan, &["warnings", "0"]),
        "8 month(s) (2026-11 to 2027-06) are after the latest USD card this build holds and are priced with it (2026-10-01)."
    );

    // Month m = 3 of each line, round_half_up(base × (1 + g)^3): marketing 1.08^3 = 1.259712
    // (1000 → 1260, 2500 → 3149, 8000 → 10078), the rest 1.03^3 = 1.092727 (500 → 546,
    // 3350 → 3661, 1200 → 1311, 800 → 874): the plan's 14,487 marketing messages.
    let scenario = JSON::parse(
        r#"{ "month": "2026-10", "currency": "USD", "phone_numbers": 1, "utility_in_window": "0.25", "entry_point": "0.05",
             "lines": [ { "country": "IN", "marketing": 1260, "utility": 546, "service": 3661 },
                        { "country": "BR", "marketing": 3149, "authentication": 1311, "service": 874 },
                        { "market": "Rest of Africa", "marketing": 10078 } ],
             "bsp": { "per_message": "0.005", "per_message_on": "charged", "markup": "0.10", "monthly": "49", "per_number": "2" } }"#,
    )
    .unwrap();
    let estimate = wacost_js::estimate(scenario).unwrap();
    for key in ["meta_total", "bsp_fees", "total", "rules", "rate_card"] {
        assert_eq!(text(&estimate, &[key]), text(&october, &[key]), "{key}");
    }

    // The same decimals written the other way round give the same plan, figure for figure.
    let swapped = JSON::parse(
        r#"{"months":"12","growth":0.03,"category_growth":{"marketing":"0.08"},
            "multipliers":{"11":1.5,"12":"2"}}"#,
    )
    .unwrap();
    let again = wacost_js::plan(FROM_JULY_2026.into(), Some(swapped)).unwrap();
    assert_eq!(
        JSON::stringify(&again).unwrap().as_string(),
        JSON::stringify(&plan).unwrap().as_string()
    );
}

#[wasm_bindgen_test]
fn plan_options_are_read_exactly_and_their_problems_named() {
    // 1e-7 is written "1e-7" by JavaScript and read as 0.0000001: a month of 10,000 messages
    // grows by 0.001 of a message, which rounds away.
    let options = JSON::parse(r#"{"months":2,"growth":1e-7}"#).unwrap();
    let plan = wacost_js::plan(FROM_JULY_2026.into(), Some(options)).unwrap();
    assert_eq!(
        text(&plan, &["months", "1", "total"]),
        text(&plan, &["months", "0", "total"])
    );

    let options = js_sys::Object::new();
    Reflect::set(&options, &"months".into(), &JsValue::from(12.5)).unwrap();
    Reflect::set(&options, &"growth".into(), &JsValue::from(f64::NAN)).unwrap();
    Reflect::set(&options, &"colour".into(), &"red".into()).unwrap();
    let multipliers = JSON::parse(r#"{"13":"2"}"#).unwrap();
    Reflect::set(&options, &"multipliers".into(), &multipliers).unwrap();
    // `undefined` is absent, as in JSON.stringify.
    Reflect::set(&options, &"start".into(), &JsValue::UNDEFINED).unwrap();
    let error = wacost_js::plan(FROM_JULY_2026.into(), Some(options.into())).unwrap_err();
    assert_eq!(
        problems(&error),
        [
            (
                "options.colour".to_string(),
                "unknown_field".to_string(),
                "unknown field (expected one of: start, months, growth, category_growth, multipliers)".to_string()
            ),
            (
                "options.months".to_string(),
                "months_out_of_range".to_string(),
                "must be a whole number of months from 1 to 36, got 12.5".to_string()
            ),
            (
                "options.growth".to_string(),
                "growth_out_of_range".to_string(),
                "must be a monthly growth as a fraction above -1 and at most 10 (0.05 is 5 % a month), got \"NaN\"".to_string()
            ),
            (
                "options.multipliers.13".to_string(),
                "not_a_calendar_month".to_string(),
                "must be a calendar month from 1 (January) to 12 (December), got 13".to_string()
            ),
        ]
    );

    let error = wacost_js::plan(FROM_JULY_2026.into(), None).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [("options.months".to_string(), "required".to_string())]
    );
    let error = wacost_js::plan(FROM_JULY_2026.into(), Some(JsValue::from(12))).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [("options".to_string(), "not_an_options_object".to_string())]
    );
    let with_function = js_sys::Object::new();
    Reflect::set(&with_function, &"months".into(), &JsValue::from(3)).unwrap();
    let function = js_sys::Function::new_no_args("return 1");
    Reflect::set(&with_function, &"growth".into(), &function).unwrap();
    let error = wacost_js::plan(FROM_JULY_2026.into(), Some(with_function.into())).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [("options.growth".to_string(), "not_serialisable".to_string())]
    );

    // The scenario's problems with the options', and what a plan chooses itself.
    let scenario =
        r#"{"month":"2026-07","rules":"pmp-2025-07","lines":[{"country":"IN","utility":"12.5"}]}"#;
    let options = JSON::parse(r#"{"months":3}"#).unwrap();
    let error = wacost_js::plan(scenario.into(), Some(options)).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [("lines[0].utility".to_string(), "not_a_count".to_string())]
    );
    let scenario =
        r#"{"month":"2026-07","rules":"pmp-2025-07","lines":[{"country":"IN","utility":12}]}"#;
    let options = JSON::parse(r#"{"months":3}"#).unwrap();
    let error = wacost_js::plan(scenario.into(), Some(options)).unwrap_err();
    assert_eq!(
        problems(&error),
        [(
            "rules".to_string(),
            "chosen_by_the_plan".to_string(),
            "a plan prices each month with the rules in force in that month: remove rules from the scenario".to_string()
        )]
    );
    // A grown count above the limit names the line, the month and the count.
    let scenario = r#"{"month":"2026-07","lines":[{"country":"IN","marketing":900000000000}]}"#;
    let options = JSON::parse(r#"{"months":3,"growth":"0.1"}"#).unwrap();
    let error = wacost_js::plan(scenario.into(), Some(options)).unwrap_err();
    assert_eq!(
        problems(&error),
        [(
            "lines[0].marketing".to_string(),
            "count_too_large".to_string(),
            "the plan's marketing count for 2026-09 would be 1,089,000,000,000, above the limit of 1,000,000,000,000 (10^12) a scenario accepts".to_string()
        )]
    );
}

/// `wacost budget tests/golden/plans/from-july-2026.json --country IN --category marketing
/// --amount 2500` (tests/golden/expected/from-july-2026.budget) and its neighbours.
#[wasm_bindgen_test]
fn a_budget_counts_the_messages_that_fit() {
    let options = JSON::parse(r#"{"country":"IN","category":"marketing","amount":2500}"#).unwrap();
    let answer = wacost_js::budget(FROM_JULY_2026.into(), Some(options)).unwrap();
    assert_eq!(text(&answer, &["market"]), "India");
    assert_eq!(text(&answer, &["amount"]), "2500.00");
    assert_eq!(get(&answer, &["count"]).as_f64(), Some(117_915.0));
    assert_eq!(get(&answer, &["fits"]).as_bool(), Some(true));
    assert_eq!(get(&answer, &["unbounded"]).as_bool(), Some(false));
    assert_eq!(text(&answer, &["total_at_count"]), "2499.99431");
    assert_eq!(text(&answer, &["total_at_next"]), "2500.01229");

    // Service to India is free under the July 2026 rules: the scenario's limit, unbounded.
    let options =
        JSON::parse(r#"{"market":"India","category":"service","amount":"1000"}"#).unwrap();
    let answer = wacost_js::budget(FROM_JULY_2026.into(), Some(options)).unwrap();
    assert_eq!(get(&answer, &["count"]).as_f64(), Some(1e12));
    assert_eq!(get(&answer, &["unbounded"]).as_bool(), Some(true));
    assert!(get(&answer, &["total_at_next"]).is_undefined());
    assert_eq!(text(&answer, &["total_at_count"]), "485.89269");

    // The rest of the sheet alone is over USD 10.
    let options = JSON::parse(r#"{"country":"BR","category":"utility","amount":"10"}"#).unwrap();
    let answer = wacost_js::budget(FROM_JULY_2026.into(), Some(options)).unwrap();
    assert_eq!(get(&answer, &["count"]).as_f64(), Some(0.0));
    assert_eq!(get(&answer, &["fits"]).as_bool(), Some(false));
    assert_eq!(text(&answer, &["total_at_next"]), "485.90517");
}

#[wasm_bindgen_test]
fn budget_problems_name_the_option() {
    let options = JSON::parse(r#"{"country":"IND","category":"utility","amount":10}"#).unwrap();
    let error = wacost_js::budget(FROM_JULY_2026.into(), Some(options)).unwrap_err();
    assert_eq!(
        problems(&error),
        [(
            "options.country".to_string(),
            "not_a_capital_code".to_string(),
            "must be an ISO 3166-1 alpha-2 country code in capitals (e.g. IN), got \"IND\""
                .to_string()
        )]
    );
    let options =
        JSON::parse(r#"{"country":"IN","market":"India","category":"sms","amount":"-1"}"#).unwrap();
    let error = wacost_js::budget(FROM_JULY_2026.into(), Some(options)).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [
            ("options.country".to_string(), "one_destination".to_string()),
            ("options.category".to_string(), "not_a_category".to_string()),
        ]
    );
    let options = JSON::parse(r#"{"country":"IN","category":"utility","amount":"-1"}"#).unwrap();
    let error = wacost_js::budget(FROM_JULY_2026.into(), Some(options)).unwrap_err();
    assert_eq!(
        problems(&error),
        [(
            "options.amount".to_string(),
            "amount_out_of_range".to_string(),
            "must be a budget from 0 to 1000000000000000 (10^15) in the scenario's currency, got \"-1\"".to_string()
        )]
    );
    let error = wacost_js::budget(r#"{"lines":[]}"#.into(), None).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [
            ("month".to_string(), "month_required".to_string()),
            ("options.country".to_string(), "one_destination".to_string()),
            ("options.category".to_string(), "required".to_string()),
            ("options.amount".to_string(), "required".to_string()),
        ]
    );
}

/// `wacost levers` on the README's sheet (tests/golden/expected/from-july-2026.levers) and on
/// the 2026-10 service sheet (service-dip-2026-10.levers).
#[wasm_bindgen_test]
fn levers_save_what_the_re_estimate_shows() {
    let found = wacost_js::levers(FROM_JULY_2026.into()).unwrap();
    assert_eq!(text(&found, &["rules"]), "pmp-2025-07");
    assert_eq!(text(&found, &["total"]), "485.89269");
    let levers: Array = get(&found, &["levers"]).unchecked_into();
    assert_eq!(levers.length(), 2);
    assert_eq!(text(&levers.get(0), &["lever"]), "entry_point");
    assert_eq!(text(&levers.get(0), &["rule"]), "PMP-2");
    assert_eq!(text(&levers.get(0), &["total"]), "440.11761");
    assert_eq!(text(&levers.get(0), &["saving"]), "45.77508");
    assert_eq!(text(&levers.get(1), &["lever"]), "utility_in_window");
    assert_eq!(text(&levers.get(1), &["saving"]), "0.30738");

    let sheet = include_str!("../../tests/golden/plans/service-dip-2026-10.json");
    let found = wacost_js::levers(sheet.into()).unwrap();
    let phone = get(&found, &["levers", "1"]);
    assert_eq!(text(&phone, &["lever"]), "phone_number");
    assert_eq!(text(&phone, &["rule"]), "SVC-3");
    assert_eq!(text(&phone, &["saving"]), "7.5973");
    // The saving is the difference of two estimates, exactly.
    let pulled = JSON::parse(sheet).unwrap();
    Reflect::set(&pulled, &"phone_numbers".into(), &JsValue::from(2)).unwrap();
    let estimate = wacost_js::estimate(pulled).unwrap();
    assert_eq!(text(&estimate, &["total"]), text(&phone, &["total"]));

    let error = wacost_js::levers(
        r#"{"month":"2026-07","lines":[{"country":"IN","utility":"12.5"}]}"#.into(),
    )
    .unwrap_err();
    assert_eq!(
        problems(&error),
        [(
            "lines[0].utility".to_string(),
            "not_a_count".to_string(),
            "must be a whole number >= 0, got \"12.5\"".to_string()
        )]
    );
}

const ANALYTICS: &str =
    include_str!("../../core/tests/data/analytics/2026-10-daily-two-numbers.json");

/// `wacost import-analytics core/tests/data/analytics/2026-10-daily-two-numbers.json --month
/// 2026-10` (tests/golden/expected/import-2026-10).
#[wasm_bindgen_test]
fn an_analytics_import_gives_a_scenario_and_its_report() {
    let options = JSON::parse(r#"{"month":"2026-10"}"#).unwrap();
    let import = wacost_js::import_analytics(ANALYTICS.into(), Some(options)).unwrap();
    assert_eq!(text(&import, &["month"]), "2026-10");
    assert_eq!(text(&import, &["months_in_file", "0"]), "2026-09");
    let scenario = get(&import, &["scenario"]);
    assert_eq!(text(&scenario, &["entry_point"]), "0.0274");
    assert_eq!(text(&scenario, &["utility_in_window"]), "0");
    assert_eq!(get(&scenario, &["phone_numbers"]).as_f64(), Some(2.0));
    assert_eq!(text(&scenario, &["lines", "1", "country"]), "IN");
    assert_eq!(
        get(&scenario, &["lines", "1", "marketing"]).as_f64(),
        Some(3600.0)
    );
    assert_eq!(
        get(&import, &["imported", "service"]).as_f64(),
        Some(2220.0)
    );
    let skipped = get(&import, &["not_imported", "0"]);
    assert_eq!(
        text(&skipped, &["pricing_category"]),
        "AUTHENTICATION_INTERNATIONAL"
    );
    assert_eq!(get(&skipped, &["volume"]).as_f64(), Some(60.0));
    assert_eq!(text(&skipped, &["cost"]), "1.824");
    assert_eq!(text(&import, &["costs", "meta_cost"]), "84.60");
    assert_eq!(text(&import, &["costs", "wacost"]), "82.8502");
    assert_eq!(text(&import, &["costs", "difference"]), "-1.7498");
    assert_eq!(text(&import, &["notes", "0", "kind"]), "approximation");
    assert!(
        text(&import, &["warnings", "0"]).starts_with("The imported sheet is an approximation:")
    );

    // The scenario is ready for estimate(), whose Meta total is wacost's side of the costs.
    let estimate = wacost_js::estimate(scenario).unwrap();
    assert_eq!(text(&estimate, &["meta_total"]), "82.8502");

    // The parsed object gives the same import as the text.
    let options = JSON::parse(r#"{"month":"2026-10","currency":"usd"}"#).unwrap();
    let again =
        wacost_js::import_analytics(JSON::parse(ANALYTICS).unwrap(), Some(options)).unwrap();
    assert_eq!(
        JSON::stringify(&again).unwrap().as_string(),
        JSON::stringify(&import).unwrap().as_string()
    );
}

#[wasm_bindgen_test]
fn analytics_problems_name_the_option_or_the_place_in_the_file() {
    let error = wacost_js::import_analytics(ANALYTICS.into(), None).unwrap_err();
    assert_eq!(
        problems(&error),
        [(
            "options.month".to_string(),
            "several_months".to_string(),
            "the file holds data of 2026-09, 2026-10: choose one month".to_string()
        )]
    );
    let options = JSON::parse(r#"{"month":"2026-11"}"#).unwrap();
    let error = wacost_js::import_analytics(ANALYTICS.into(), Some(options)).unwrap_err();
    assert_eq!(
        problems(&error),
        [(
            "options.month".to_string(),
            "month_not_in_file".to_string(),
            "the file has no data point in 2026-11 (it holds 2026-09, 2026-10)".to_string()
        )]
    );
    let options = JSON::parse(r#"{"month":"Oct 2026","currency":"dollars"}"#).unwrap();
    let error = wacost_js::import_analytics(ANALYTICS.into(), Some(options)).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [("options.month".to_string(), "not_a_month".to_string())]
    );
    let options = JSON::parse(r#"{"month":"2026-10","currency":"dollars"}"#).unwrap();
    let error = wacost_js::import_analytics(ANALYTICS.into(), Some(options)).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [(
            "options.currency".to_string(),
            "not_a_capital_code".to_string()
        )]
    );
    let error = wacost_js::import_analytics("{".into(), None).unwrap_err();
    assert_eq!(
        problems(&error),
        [(
            "(file)".to_string(),
            "not_json".to_string(),
            "not valid JSON: EOF while parsing an object at line 1 column 1".to_string()
        )]
    );
    let error = wacost_js::import_analytics(JsValue::from(42), None).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [("(file)".to_string(), "no_pricing_analytics".to_string())]
    );
    let file = r#"{"data":[{"data_points":[{"start":1790000000,"end":1790086400,"country":"IN",
        "pricing_category":"MARKETING","volume":"many"}]}]}"#;
    let error = wacost_js::import_analytics(file.into(), None).unwrap_err();
    assert_eq!(
        paths_and_kinds(&error),
        [(
            "data[0].data_points[0].volume".to_string(),
            "not_a_count".to_string()
        )]
    );
}
