//! A scenario arrives as a JS object or as JSON text; either way the core parses JSON text,
//! so there is one validator and one set of messages for every front end.

use crate::problem::Problem;
use wacost_core::estimate::{self, CardsFor, Comparison, Estimate};
use wacost_core::scenario::{Scenario, ScenarioErrors};
use wacost_core::Catalog;
use wasm_bindgen::JsValue;

/// The JSON text of `value`: a string as given, anything else through `JSON.stringify`.
pub fn to_json_text(value: &JsValue) -> Result<String, Problem> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() || value.is_null() || !value.is_object() {
        return Err(Problem::new(
            "",
            "expected a scenario object or its JSON text",
            "not_a_scenario",
        ));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            Problem::new(
                "",
                "the scenario cannot be written as JSON (a BigInt or a cycle?)",
                "not_serialisable",
            )
        })
}

fn problems(errors: ScenarioErrors) -> Vec<Problem> {
    errors.0.into_iter().map(Problem::from).collect()
}

pub fn estimate_json(json: &str) -> Result<Estimate, Vec<Problem>> {
    let scenario = Scenario::from_json(json).map_err(problems)?;
    estimate::estimate(&scenario).map_err(problems)
}

pub fn compare_json(json: &str) -> Result<Comparison, Vec<Problem>> {
    compare_json_with(json, CardsFor::default())
}

/// `compare` with each model on the card of its time, or every model on the month's card.
pub fn compare_json_with(json: &str, cards: CardsFor) -> Result<Comparison, Vec<Problem>> {
    let scenario = Scenario::from_json(json).map_err(problems)?;
    estimate::compare_cards(Catalog::builtin(), &scenario, cards).map_err(problems)
}

/// The comparison mode of `compare`'s options: `of_their_time` (also `of-their-time`, as the
/// command line writes it) or `same`; none means the default.
pub fn cards_option(text: Option<&str>) -> Result<CardsFor, Problem> {
    match text {
        None => Ok(CardsFor::default()),
        Some(text) => text
            .parse::<CardsFor>()
            .map_err(|error| Problem::of("options.cards", &error, "not_a_comparison_mode")),
    }
}

/// The scenario of a JSON text, or its problems.
pub fn scenario_of(json: &str) -> Result<Scenario, Vec<Problem>> {
    Scenario::from_json(json).map_err(problems)
}
