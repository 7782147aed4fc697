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
