//! From the widget's settings and typed counts to the core's Estimate, or to problems each
//! tied to the setting or input that caused it. The scenario is built as JSON text and parsed
//! by `Scenario::from_json`, the validator every other front end uses.

use crate::config::{label, Config};
use serde_json::{json, Map, Value};
use wacost_core::estimate::estimate;
use wacost_core::scenario::Scenario;

pub const CATEGORIES: [&str; 4] = ["marketing", "utility", "authentication", "service"];

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
    pub message: String,
}

/// A priced month: the Estimate as the JSON the CLI prints, and parsed for display.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub json: String,
    pub value: Value,
}

/// A count as typed, minus the spaces people put in big numbers; empty means none.
fn count_text(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    if cleaned.is_empty() {
        "0".into()
    } else {
        cleaned
    }
}

pub fn scenario_json(config: &Config, counts: &[[String; 4]]) -> String {
    let mut top = Map::new();
    top.insert("month".into(), json!(config.month));
    top.insert("currency".into(), json!(config.currency));
    if let Some(rules) = &config.rules {
        top.insert("rules".into(), json!(rules));
    }
    if let Some(card) = &config.rate_card {
        top.insert("rate_card".into(), json!(card));
    }
    if let Some(numbers) = &config.phone_numbers {
        top.insert("phone_numbers".into(), json!(numbers));
    }
    let lines: Vec<Value> = config
        .countries
        .iter()
        .enumerate()
        .map(|(i, country)| {
            let mut line = Map::new();
            line.insert("country".into(), json!(country));
            for (c, name) in CATEGORIES.iter().enumerate() {
                let text = counts.get(i).map(|row| row[c].as_str()).unwrap_or("");
                line.insert((*name).into(), json!(count_text(text)));
            }
            Value::Object(line)
        })
        .collect();
    top.insert("lines".into(), Value::Array(lines));
    let mut bsp = Map::new();
    for (key, value) in [
        ("per_message", &config.bsp_per_message),
        ("markup", &config.bsp_markup),
        ("monthly", &config.bsp_monthly),
        ("per_number", &config.bsp_per_number),
    ] {
        if let Some(value) = value {
            bsp.insert(key.into(), json!(value));
        }
    }
    if !bsp.is_empty() {
        top.insert("bsp".into(), Value::Object(bsp));
    }
    Value::Object(top).to_string()
}

/// Which setting or input a core field path came from.
fn target(config: &Config, path: &str) -> Target {
    let setting = |camel: &str| Target::Setting(label(config.source, camel));
    match path {
        "month" => setting("month"),
        "currency" => setting("currency"),
        "rules" => setting("rules"),
        "rate_card" => setting("rateCard"),
        "phone_numbers" => setting("phoneNumbers"),
        "bsp.per_message" => setting("bspPerMessage"),
        "bsp.markup" => setting("bspMarkup"),
        "bsp.monthly" => setting("bspMonthly"),
        "bsp.per_number" => setting("bspPerNumber"),
        _ => {
            let Some(rest) = path.strip_prefix("lines[") else {
                return Target::Other;
            };
            let Some((index, field)) = rest.split_once("].") else {
                return setting("countries");
            };
            let Ok(line) = index.parse::<usize>() else {
                return Target::Other;
            };
            match CATEGORIES.iter().position(|c| *c == field) {
                Some(category) => Target::Count { line, category },
                None => setting("countries"),
            }
        }
    }
}

pub fn run(config: &Config, counts: &[[String; 4]]) -> Result<Priced, Vec<Issue>> {
    let to_issues = |errors: wacost_core::scenario::ScenarioErrors| {
        errors
            .0
            .into_iter()
            .map(|e| Issue {
                target: target(config, &e.path),
                message: e.message,
            })
            .collect::<Vec<_>>()
    };
    let scenario = Scenario::from_json(&scenario_json(config, counts)).map_err(to_issues)?;
    let result = estimate(&scenario).map_err(to_issues)?;
    let value = serde_json::to_value(&result).map_err(|e| {
        vec![Issue {
            target: Target::Other,
            message: e.to_string(),
        }]
    })?;
    Ok(Priced {
        json: value.to_string(),
        value,
    })
}
