//! From the widget's settings and typed counts to the core's Estimate, or to problems each
//! tied to the setting or input that caused it. The scenario is built as JSON text and parsed
//! by `Scenario::from_json`, the validator every other front end uses.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::config::{label, Config, Known, KNOWN};
use serde_json::{json, Map, Value};
use wacost_core::count;
use wacost_core::estimate::{estimate, Estimate};
use wacost_core::locale::Locale;
use wacost_core::scenario::schema::{List, LINE_COUNTS};
use wacost_core::scenario::{ErrorKind, FieldPath, LineField, Scenario, Setting};

/// The four counts of a row, by their JSON names.
pub const CATEGORIES: [&str; 4] = LINE_COUNTS;

/// Typed counts per country row, one text per category, as the user left them.
pub type Counts = Vec<[String; 4]>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A widget setting (attribute or config key), named as written.
    Setting(String),
    /// The input of row `line`, category index `category`.
    Count {
        line: usize,
        category: usize,
    },
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub target: Target,
    /// The core's sentence, in English.
    pub message: String,
    /// What the core found, for the widget to say it in its language.
    pub kind: Option<ErrorKind>,
}

/// A priced month: the Estimate for display, and as the JSON the CLI prints for the event.
/// The widget reads the typed Estimate rather than a JSON `Value`: serialising once, to text,
/// keeps serde_json's `Value` serializer for the whole Estimate out of the wasm.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub json: String,
    pub estimate: Estimate,
    /// The scenario priced, as `Scenario::from_json` read it: what a sign-up form is
    /// prefilled from.
    pub scenario: String,
}

/// A count as typed, read by the core's count reader as the widget's language writes it
/// (`1,500` in English, `1 500` in French, `1.500` in Portuguese), as the page reads it; text
/// that is not a count goes as typed, for the core to name; empty means none.
fn count_value(text: &str, locale: Locale) -> Value {
    if text.trim().is_empty() {
        return json!(0);
    }
    match count::read(text, locale) {
        Ok(n) => json!(n),
        Err(_) => json!(text.trim()),
    }
}

/// The scenario the widget prices, as JSON text: its settings placed by their schema path,
/// one line per country with its four counts.
pub fn scenario_json(config: &Config, counts: &[[String; 4]]) -> String {
    scenario_json_for(config, &config.countries, counts)
}

/// `scenario_json` for the rows the visitor has now (`countries` may differ from the
/// settings' when the visitor chooses).
pub fn scenario_json_for(config: &Config, countries: &[String], counts: &[[String; 4]]) -> String {
    let mut top = Map::new();
    let given = [
        (Setting::Month, config.month.as_str()),
        (Setting::Currency, config.currency.as_str()),
    ];
    let passed = config.passed.iter().map(|(s, v)| (*s, v.as_str()));
    for (setting, value) in given.into_iter().chain(passed) {
        let name = setting.spec().name.to_string();
        match setting.group() {
            Some(group) => {
                let object = top
                    .entry(group.name())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(object) = object {
                    object.insert(name, json!(value));
                }
            }
            None => {
                top.insert(name, json!(value));
            }
        }
    }
    let lines: Vec<Value> = countries
        .iter()
        .enumerate()
        .map(|(i, country)| {
            let mut line = Map::new();
            line.insert(LineField::Country.name().into(), json!(country));
            for (c, field) in LineField::COUNTS.iter().enumerate() {
                let text = counts
                    .get(i)
                    .and_then(|row| row.get(c))
                    .map_or("", String::as_str);
                line.insert(field.name().into(), count_value(text, config.lang.locale()));
            }
            Value::Object(line)
        })
        .collect();
    top.insert(List::Lines.spec().name.into(), Value::Array(lines));
    Value::Object(top).to_string()
}

/// Which setting or input a core error is about: a setting by the name the integrator wrote,
/// a count by its row and column, and the rest of a line by the countries it came from.
fn target(config: &Config, path: &FieldPath) -> Target {
    if let Some(setting) = path.setting() {
        let known = KNOWN
            .iter()
            .find(|k| matches!(k, Known::Scenario(s, _) if *s == setting));
        return match known {
            Some(known) => Target::Setting(label(config.source, &known.name())),
            None => Target::Other,
        };
    }
    if let Some((line, field)) = path.line_field_of() {
        if let Some(category) = LineField::COUNTS.iter().position(|c| *c == field) {
            return Target::Count { line, category };
        }
    }
    match path.line_index() {
        Some(_) => Target::Setting(label(config.source, "countries")),
        None => Target::Other,
    }
}

pub fn run(config: &Config, counts: &[[String; 4]]) -> Result<Priced, Vec<Issue>> {
    run_for(config, &config.countries, counts)
}

/// `run` for the rows the visitor has now.
pub fn run_for(
    config: &Config,
    countries: &[String],
    counts: &[[String; 4]],
) -> Result<Priced, Vec<Issue>> {
    let to_issues = |errors: wacost_core::scenario::ScenarioErrors| {
        errors
            .0
            .into_iter()
            .map(|e| Issue {
                target: target(config, &e.path),
                message: e.kind.to_string(),
                kind: Some(e.kind),
            })
            .collect::<Vec<_>>()
    };
    let text = scenario_json_for(config, countries, counts);
    let scenario = Scenario::from_json(&text).map_err(to_issues)?;
    let result = estimate(&scenario).map_err(to_issues)?;
    let json = serde_json::to_string(&result).map_err(|e| {
        vec![Issue {
            target: Target::Other,
            message: e.to_string(),
            kind: None,
        }]
    })?;
    Ok(Priced {
        json,
        estimate: result,
        scenario: text,
    })
}
