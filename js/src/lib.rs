//! wacost for JavaScript: the same estimator as the CLI and the page, as a handful of functions.
//!
//! This crate is a thin translation layer: arguments come in as JS values, are handed to
//! `wacost_core` as JSON text or plain strings (so validation and its messages are the core's),
//! and results go back as plain JS objects. Failures are thrown as a JS `Error` carrying
//! `problems: [{path, message, kind}]`.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

pub mod catalog_api;
pub mod options;
pub mod plan_api;
pub mod problem;
pub mod scenario_input;
pub mod types;

pub use catalog_api::{CardRates, RateRow};
pub use problem::Problem;

use chrono::NaiveDate;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Plain objects (not `Map`s) and numbers, so results are what `JSON.parse` would give.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            problem::to_js_error(&[Problem::new(
                "",
                format!("cannot convert the result: {e}"),
                "conversion",
            )])
        })
}

fn fail(problems: Vec<Problem>) -> JsValue {
    problem::to_js_error(&problems)
}

/// Today in the user's own calendar, the default date of `rates` and `market`.
fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(NaiveDate::MIN)
}

/// Prices a month of traffic. `scenario` is a Scenario object or its JSON text.
#[wasm_bindgen(unchecked_return_type = "Estimate")]
pub fn estimate(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let json = scenario_input::to_json_text(&scenario).map_err(|p| fail(vec![p]))?;
    let result = scenario_input::estimate_json(&json).map_err(fail)?;
    to_js(&result)
}

/// Prices the same scenario under every rules version: each on the card of its time (the
/// default, `{ cards: "of_their_time" }`) or all on the month's card (`{ cards: "same" }`).
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let json = scenario_input::to_json_text(&scenario).map_err(|p| fail(vec![p]))?;
    let cards = compare_cards_option(options).map_err(|p| fail(vec![p]))?;
    let result = scenario_input::compare_json_with(&json, cards).map_err(fail)?;
    to_js(&result)
}

/// `options.cards` of `compare`, if given.
fn compare_cards_option(
    options: Option<JsValue>,
) -> Result<wacost_core::estimate::CardsFor, Problem> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return scenario_input::cards_option(None);
    };
    if !options.is_object() {
        return Err(Problem::new(
            "options",
            "expected an options object such as { cards: \"same\" }",
            "not_an_options_object",
        ));
    }
    let cards = js_sys::Reflect::get(&options, &"cards".into()).unwrap_or(JsValue::UNDEFINED);
    if cards.is_undefined() || cards.is_null() {
        return scenario_input::cards_option(None);
    }
    let text = cards.as_string().unwrap_or_else(|| format!("{cards:?}"));
    scenario_input::cards_option(Some(&text))
}

/// The scenario priced month by month as it grows: `options` is `{ months, start?, growth?,
/// category_growth?, multipliers? }` (`wacost plan`'s options), each month priced with the
/// rules and the card in force in it. Decimals are strings or numbers read as `String(n)`
/// writes them (`options.rs`).
#[wasm_bindgen(unchecked_return_type = "Plan")]
pub fn plan(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PlanOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let json = scenario_input::to_json_text(&scenario).map_err(|p| fail(vec![p]))?;
    let options = options::to_value(options, "{ months: 12, growth: \"0.05\" }")
        .map_err(|p| fail(vec![p]))?;
    to_js(&plan_api::plan(&json, &options).map_err(fail)?)
}

/// How many more messages of one category to one destination fit in a budget, given the rest
/// of the sheet: `options` is `{ country | market, category, amount }` (`wacost budget`).
#[wasm_bindgen(unchecked_return_type = "Budget")]
pub fn budget(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BudgetOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let json = scenario_input::to_json_text(&scenario).map_err(|p| fail(vec![p]))?;
    let options = options::to_value(
        options,
        "{ country: \"IN\", category: \"marketing\", amount: \"500\" }",
    )
    .map_err(|p| fail(vec![p]))?;
    to_js(&plan_api::budget(&json, &options).map_err(fail)?)
}

/// What the month's rules make worth doing, each lever re-estimated with the rule it rests on.
#[wasm_bindgen(unchecked_return_type = "Levers")]
pub fn levers(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let json = scenario_input::to_json_text(&scenario).map_err(|p| fail(vec![p]))?;
    to_js(&plan_api::levers(&json).map_err(fail)?)
}

/// Meta's `pricing_analytics` response (its JSON text, or the parsed object) as a scenario of
/// one month with the import's report: `options` is `{ month?, currency? }`
/// (`wacost import-analytics`).
#[wasm_bindgen(js_name = importAnalytics, unchecked_return_type = "AnalyticsImport")]
pub fn import_analytics(
    #[wasm_bindgen(unchecked_param_type = "object | string")] json: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = match json.as_string() {
        Some(text) => text,
        None => analytics_text(&json).map_err(|p| fail(vec![p]))?,
    };
    let options =
        options::to_value(options, "{ month: \"2026-10\" }").map_err(|p| fail(vec![p]))?;
    to_js(&plan_api::import_analytics(&text, &options).map_err(fail)?)
}

/// An analytics response given as an object, as JSON text for the core's reader; anything
/// else is not a response, in the core's words.
fn analytics_text(value: &JsValue) -> Result<String, Problem> {
    if !value.is_object() {
        let kind = wacost_core::analytics::ImportErrorKind::NoPricingAnalytics;
        return Err(Problem::of("(file)", &kind, kind.tag()));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            Problem::new(
                "(file)",
                "the response cannot be written as JSON (a BigInt or a cycle?)",
                "not_serialisable",
            )
        })
}

/// What each of Meta's sixteen billing currencies can price in `month` (`"2026-11"`):
/// complete, partial with what it lacks, or no card.
#[wasm_bindgen(unchecked_return_type = "CurrencyCoverage[]")]
pub fn currencies(month: String) -> Result<JsValue, JsValue> {
    to_js(&catalog_api::currencies(&month).map_err(fail)?)
}

/// What changed from the card of `from` to the card of `to` (effective dates, `currency`
/// default `"USD"`); with a scenario, its bill on both cards with the same rules.
#[wasm_bindgen(js_name = cardDiff, unchecked_return_type = "CardDiff")]
pub fn card_diff(
    from: String,
    to: String,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] currency: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "Scenario | string")] scenario: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let json = match scenario.filter(|s| !s.is_undefined() && !s.is_null()) {
        Some(scenario) => Some(scenario_input::to_json_text(&scenario).map_err(|p| fail(vec![p]))?),
        None => None,
    };
    let result =
        catalog_api::card_diff(&from, &to, currency.as_deref(), json.as_deref()).map_err(fail)?;
    to_js(&result)
}

/// The estimate of a scenario as CSV for a spreadsheet: each amount exact and rounded to the
/// currency's minor unit, side by side (the page's "Export estimate (CSV)", `wacost estimate
/// --format csv`).
#[wasm_bindgen(js_name = estimateCsv)]
pub fn estimate_csv(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
) -> Result<String, JsValue> {
    let json = scenario_input::to_json_text(&scenario).map_err(|p| fail(vec![p]))?;
    let result = scenario_input::estimate_json(&json).map_err(fail)?;
    Ok(wacost_core::export::estimate_csv(&result))
}

/// The comparison of a scenario under every rules version as CSV (`wacost compare --format csv`).
#[wasm_bindgen(js_name = compareCsv)]
pub fn compare_csv(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let json = scenario_input::to_json_text(&scenario).map_err(|p| fail(vec![p]))?;
    let cards = compare_cards_option(options).map_err(|p| fail(vec![p]))?;
    let result = scenario_input::compare_json_with(&json, cards).map_err(fail)?;
    Ok(wacost_core::export::comparison_csv(&result))
}

/// The rates of one card: `card` is its effective date (`"2026-10-01"`), default the card in
/// force today; `currency` defaults to `"USD"`.
#[wasm_bindgen(unchecked_return_type = "CardRates")]
pub fn rates(card: Option<String>, currency: Option<String>) -> Result<JsValue, JsValue> {
    let result = catalog_api::rates(card.as_deref(), currency.as_deref(), today()).map_err(fail)?;
    to_js(&result)
}

/// The market of an ISO country code (`"IN"`) or E.164 number (`"+919876543210"`) on `date`
/// (default today).
#[wasm_bindgen(unchecked_return_type = "MarketMatch")]
pub fn market(
    #[wasm_bindgen(js_name = countryOrNumber)] country_or_number: String,
    date: Option<String>,
) -> Result<JsValue, JsValue> {
    let result = catalog_api::market(&country_or_number, date.as_deref(), today()).map_err(fail)?;
    to_js(&result)
}

/// Every rate card built in, with completeness and gaps.
#[wasm_bindgen(unchecked_return_type = "CardInfo[]")]
pub fn cards() -> Result<JsValue, JsValue> {
    to_js(&catalog_api::cards())
}
