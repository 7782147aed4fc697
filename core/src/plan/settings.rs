//! How a plan grows the scenario: months, start, growth per month (one for all, or per
//! category) and calendar-month multipliers. Read from JSON (the JavaScript package) or built
//! in code (the command line), and checked the same way.

use super::error::{PlanError, PlanErrorKind, PlanErrors, PlanPath};
use crate::line_category::LineCategory;
use crate::money::parse_rate;
use crate::problem::{shown, Problems};
use crate::scenario::{FieldPath, Month, MAX_SCALE};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// Most months a plan prices.
pub const MAX_MONTHS: u32 = 36;
/// Highest monthly growth (1,000 % a month): beyond it a few months exceed any count.
pub const MAX_GROWTH: u32 = 10;
/// Highest calendar-month multiplier.
pub const MAX_MULTIPLIER: u32 = 1000;

const KEYS: &[&str] = &[
    "start",
    "months",
    "growth",
    "category_growth",
    "multipliers",
];
const CATEGORY_KEYS: &[&str] = &["marketing", "utility", "authentication", "service"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanSettings {
    /// The first month; the scenario's `month` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Month>,
    pub months: u32,
    /// Growth per month as a fraction (0.05 = 5 %), for every category without its own.
    #[serde(with = "rust_decimal::serde::str")]
    pub growth: Decimal,
    pub category_growth: CategoryGrowth,
    /// Calendar month (1 to 12) → multiplier; months not listed are 1.
    #[serde(serialize_with = "multipliers_as_map")]
    pub multipliers: Vec<(u32, Decimal)>,
}

/// A growth of its own per category, overriding `growth`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CategoryGrowth {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utility: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authentication: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<Decimal>,
}

impl CategoryGrowth {
    pub fn get(&self, category: LineCategory) -> Option<Decimal> {
        match category {
            LineCategory::Marketing => self.marketing,
            LineCategory::Utility => self.utility,
            LineCategory::Authentication => self.authentication,
            LineCategory::Service => self.service,
        }
    }

    pub fn slot(&mut self, category: LineCategory) -> &mut Option<Decimal> {
        match category {
            LineCategory::Marketing => &mut self.marketing,
            LineCategory::Utility => &mut self.utility,
            LineCategory::Authentication => &mut self.authentication,
            LineCategory::Service => &mut self.service,
        }
    }
}

fn multipliers_as_map<S: Serializer>(
    multipliers: &[(u32, Decimal)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(multipliers.len()))?;
    for (month, factor) in multipliers {
        map.serialize_entry(&month.to_string(), &factor.to_string())?;
    }
    map.end()
}

impl Default for PlanSettings {
    fn default() -> PlanSettings {
        PlanSettings {
            start: None,
            months: 12,
            growth: Decimal::ZERO,
            category_growth: CategoryGrowth::default(),
            multipliers: Vec::new(),
        }
    }
}

impl PlanSettings {
    /// The growth that applies to a category.
    pub fn growth_of(&self, category: LineCategory) -> Decimal {
        self.category_growth.get(category).unwrap_or(self.growth)
    }

    /// The multiplier of a calendar month (1 when none is given).
    pub fn multiplier_of(&self, calendar_month: u32) -> Decimal {
        self.multipliers
            .iter()
            .find(|(month, _)| *month == calendar_month)
            .map_or(Decimal::ONE, |(_, factor)| *factor)
    }

    /// Reads settings from JSON: `{"start": "2026-07", "months": 12, "growth": "0.05",
    /// "category_growth": {"marketing": "0.08"}, "multipliers": {"11": "1.8"}}`. Every
    /// problem is listed with its path; numbers may be JSON numbers or strings.
    pub fn from_value(value: &Value) -> Result<PlanSettings, PlanErrors> {
        let mut errors = Vec::new();
        let mut settings = PlanSettings::default();
        let Some(object) = value.as_object() else {
            return Err(Problems(vec![PlanError::new(
                PlanPath::settings(),
                PlanErrorKind::NotAnObject { got: shown(value) },
            )]));
        };
        unknown_keys(object, None, KEYS, &mut errors);
        let given = |key: &str| object.get(key).filter(|v| !v.is_null());
        if let Some(v) = given("start") {
            match v.as_str().and_then(|t| t.trim().parse::<Month>().ok()) {
                Some(month) => settings.start = Some(month),
                None => errors.push(PlanError::new(
                    PlanPath::setting("start"),
                    PlanErrorKind::NotAMonth { got: shown(v) },
                )),
            }
        }
        match given("months") {
            None => errors.push(PlanError::new(
                PlanPath::setting("months"),
                PlanErrorKind::Required,
            )),
            Some(v) => match number_text(v).and_then(|t| t.parse::<u32>().ok()) {
                Some(n) => settings.months = n,
                None => errors.push(PlanError::new(
                    PlanPath::setting("months"),
                    PlanErrorKind::MonthsOutOfRange { got: shown(v) },
                )),
            },
        }
        if let Some(v) = given("growth") {
            match decimal(v) {
                Some(g) => settings.growth = g,
                None => errors.push(PlanError::new(
                    PlanPath::setting("growth"),
                    PlanErrorKind::GrowthOutOfRange { got: shown(v) },
                )),
            }
        }
        if let Some(v) = given("category_growth") {
            match v.as_object() {
                None => errors.push(PlanError::new(
                    PlanPath::setting("category_growth"),
                    PlanErrorKind::NotAnObject { got: shown(v) },
                )),
                Some(by_category) => {
                    unknown_keys(
                        by_category,
                        Some("category_growth"),
                        CATEGORY_KEYS,
                        &mut errors,
                    );
                    for category in LineCategory::ALL {
                        let Some(v) = by_category.get(category.as_str()).filter(|v| !v.is_null())
                        else {
                            continue;
                        };
                        match decimal(v) {
                            Some(g) => *settings.category_growth.slot(category) = Some(g),
                            None => errors.push(PlanError::new(
                                category_growth(category),
                                PlanErrorKind::GrowthOutOfRange { got: shown(v) },
                            )),
                        }
                    }
                }
            }
        }
        if let Some(v) = given("multipliers") {
            match v.as_object() {
                None => errors.push(PlanError::new(
                    PlanPath::setting("multipliers"),
                    PlanErrorKind::NotAnObject { got: shown(v) },
                )),
                Some(map) => {
                    for (key, v) in map {
                        let path = multiplier(key);
                        let month = key.trim().parse::<u32>().ok();
                        match (month, decimal(v)) {
                            (Some(month), Some(factor)) => {
                                settings.multipliers.push((month, factor))
                            }
                            (None, _) => errors.push(PlanError::new(
                                path,
                                PlanErrorKind::NotACalendarMonth {
                                    got: shown(&Value::String(key.clone())),
                                },
                            )),
                            (_, None) => errors.push(PlanError::new(
                                path,
                                PlanErrorKind::MultiplierOutOfRange { got: shown(v) },
                            )),
                        }
                    }
                }
            }
        }
        errors.extend(settings.problems());
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(Problems(errors))
        }
    }

    /// Reads the command line's `11:1.8,12:2.0`: calendar month, colon, multiplier.
    pub fn parse_multipliers(text: &str) -> Result<Vec<(u32, Decimal)>, PlanErrors> {
        let mut list = Vec::new();
        let mut errors = Vec::new();
        for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (month, factor) = item.split_once(':').unwrap_or((item, ""));
            let path = multiplier(month.trim());
            match (month.trim().parse::<u32>(), decimal_text(factor)) {
                (Ok(month), Some(factor)) => list.push((month, factor)),
                (Err(_), _) => errors.push(PlanError::new(
                    path,
                    PlanErrorKind::NotACalendarMonth {
                        got: format!("\"{item}\""),
                    },
                )),
                (_, None) => errors.push(PlanError::new(
                    path,
                    PlanErrorKind::MultiplierOutOfRange {
                        got: format!("\"{item}\""),
                    },
                )),
            }
        }
        if errors.is_empty() {
            Ok(list)
        } else {
            Err(Problems(errors))
        }
    }

    /// Ranges and limits, for settings built in code as for those read from JSON.
    pub fn check(&self) -> Result<(), PlanErrors> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Problems(problems))
        }
    }

    fn problems(&self) -> Vec<PlanError> {
        let mut errors = Vec::new();
        if !(1..=MAX_MONTHS).contains(&self.months) {
            errors.push(PlanError::new(
                PlanPath::setting("months"),
                PlanErrorKind::MonthsOutOfRange {
                    got: self.months.to_string(),
                },
            ));
        }
        let growths = std::iter::once((PlanPath::setting("growth"), self.growth)).chain(
            LineCategory::ALL
                .into_iter()
                .filter_map(|c| self.category_growth.get(c).map(|g| (category_growth(c), g))),
        );
        for (path, growth) in growths {
            let got = format!("\"{growth}\"");
            if growth <= -Decimal::ONE || growth > Decimal::from(MAX_GROWTH) {
                errors.push(PlanError::new(
                    path,
                    PlanErrorKind::GrowthOutOfRange { got },
                ));
            } else if growth.normalize().scale() > MAX_SCALE {
                errors.push(PlanError::new(path, PlanErrorKind::TooManyDecimals { got }));
            }
        }
        for (at, (month, factor)) in self.multipliers.iter().enumerate() {
            let path = multiplier(&month.to_string());
            let got = format!("\"{factor}\"");
            if !(1..=12).contains(month) {
                errors.push(PlanError::new(
                    path,
                    PlanErrorKind::NotACalendarMonth {
                        got: month.to_string(),
                    },
                ));
            } else if *factor < Decimal::ZERO || *factor > Decimal::from(MAX_MULTIPLIER) {
                errors.push(PlanError::new(
                    path,
                    PlanErrorKind::MultiplierOutOfRange { got },
                ));
            } else if factor.normalize().scale() > MAX_SCALE {
                errors.push(PlanError::new(path, PlanErrorKind::TooManyDecimals { got }));
            } else if self.multipliers[..at].iter().any(|(m, _)| m == month) {
                errors.push(PlanError::new(
                    path,
                    PlanErrorKind::DuplicateMultiplier { month: *month },
                ));
            }
        }
        errors
    }
}

/// `category_growth.marketing`.
fn category_growth(category: LineCategory) -> PlanPath {
    PlanPath::Settings(FieldPath::top("category_growth").key(category.as_str()))
}

/// `multipliers.11`, with the key as given.
fn multiplier(key: &str) -> PlanPath {
    PlanPath::Settings(FieldPath::top("multipliers").key(key.to_string()))
}

fn unknown_keys(
    object: &serde_json::Map<String, Value>,
    parent: Option<&'static str>,
    expected: &'static [&'static str],
    errors: &mut Vec<PlanError>,
) {
    for key in object.keys() {
        if !expected.contains(&key.as_str()) {
            let path = match parent {
                Some(parent) => FieldPath::top(parent).key(key.clone()),
                None => FieldPath::top(key.clone()),
            };
            errors.push(PlanError::new(
                PlanPath::Settings(path),
                PlanErrorKind::UnknownField { expected },
            ));
        }
    }
}

/// The text of a JSON number or string, trimmed.
fn number_text(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

/// A signed exact decimal from a JSON number or string (`0.05`, `"-0.1"`); ranges are checked
/// afterwards so that the message can name them.
pub(crate) fn decimal(value: &Value) -> Option<Decimal> {
    decimal_text(&number_text(value)?)
}

/// A signed plain decimal as typed (`0.05`, `-0.1`, `8.0E-4`), read exactly; `None` for
/// anything else (separators, symbols, words).
pub fn decimal_text(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let (negative, magnitude) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let value = parse_rate(magnitude).ok()?;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::str::FromStr;

    #[test]
    fn settings_read_from_json() {
        let settings = PlanSettings::from_value(&json!({
            "start": "2026-07", "months": 12, "growth": "0.05",
            "category_growth": {"marketing": 0.08}, "multipliers": {"11": "1.8", "12": 2}
        }))
        .unwrap();
        assert_eq!(settings.start, "2026-07".parse().ok());
        assert_eq!(settings.months, 12);
        assert_eq!(
            settings.growth_of(LineCategory::Marketing),
            Decimal::new(8, 2)
        );
        assert_eq!(
            settings.growth_of(LineCategory::Utility),
            Decimal::new(5, 2)
        );
        assert_eq!(settings.multiplier_of(11), Decimal::new(18, 1));
        assert_eq!(settings.multiplier_of(12), Decimal::from(2));
        assert_eq!(settings.multiplier_of(1), Decimal::ONE);
    }

    #[test]
    fn every_problem_is_named_by_its_path() {
        let errors = PlanSettings::from_value(&json!({
            "months": 40, "growth": "-1", "category_growth": {"service": "abc", "sms": 1},
            "multipliers": {"13": "1.5", "2": "-1"}, "colour": "red"
        }))
        .unwrap_err()
        .lines();
        assert_eq!(
            errors,
            vec![
                "colour: unknown field (expected one of: start, months, growth, category_growth, multipliers)",
                "category_growth.sms: unknown field (expected one of: marketing, utility, authentication, service)",
                "category_growth.service: must be a monthly growth as a fraction above -1 and at most 10 (0.05 is 5 % a month), got \"abc\"",
                "months: must be a whole number of months from 1 to 36, got 40",
                "growth: must be a monthly growth as a fraction above -1 and at most 10 (0.05 is 5 % a month), got \"-1\"",
                "multipliers.13: must be a calendar month from 1 (January) to 12 (December), got 13",
                "multipliers.2: must be a decimal multiplier from 0 to 1000, got \"-1\"",
            ]
        );
    }

    #[test]
    fn the_command_lines_multipliers_are_read_with_their_errors() {
        assert_eq!(
            PlanSettings::parse_multipliers("11:1.8, 12:2.0").unwrap(),
            vec![
                (11, Decimal::from_str("1.8").unwrap()),
                (12, Decimal::from_str("2.0").unwrap())
            ]
        );
        assert_eq!(
            PlanSettings::parse_multipliers("nov:1.8,12:x")
                .unwrap_err()
                .lines(),
            vec![
                "multipliers.nov: must be a calendar month from 1 (January) to 12 (December), got \"nov:1.8\"",
                "multipliers.12: must be a decimal multiplier from 0 to 1000, got \"12:x\"",
            ]
        );
    }
}
