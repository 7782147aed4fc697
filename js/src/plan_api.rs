//! Plans, budgets, levers and imports of Meta's analytics for JavaScript: the core's readers and
//! answers, with every problem named where the caller wrote it. Pure functions over JSON text
//! and data, tested natively; `lib.rs` only converts to and from `JsValue`.
//!
//! Paths: a field of the scenario as `estimate` names it (`lines[0].utility`, `rules`); a field
//! of the options object as `options.months`, `options.multipliers.11`, `options.country`; a
//! place in the analytics file as the core names it (`(file)`,
//! `pricing_analytics.data[0].data_points[2].volume`); a field of the scenario an import builds
//! as `scenario.lines[1].country`.

use crate::problem::Problem;
use crate::scenario_input::scenario_of;
use serde_json::Value;
use wacost_core::analytics::{self, Import, ImportErrors, ImportOption, ImportOptions, ImportPath};
use wacost_core::budget::{self, Budget, BudgetErrors, BudgetPath, BudgetQuery};
use wacost_core::levers::{self, Levers};
use wacost_core::plan::{self, Plan, PlanErrors, PlanPath, PlanSettings};
use wacost_core::scenario::{ErrorKind, FieldPath, Month};

/// `options` for the object itself, `options.<path>` for one of its fields.
fn option_path(path: &FieldPath) -> String {
    if path.segments().is_empty() {
        "options".to_string()
    } else {
        format!("options.{path}")
    }
}

/// Both lists, so a caller sees the scenario's problems and the options' at once.
fn together<A, B>(
    scenario: Result<A, Vec<Problem>>,
    options: Result<B, Vec<Problem>>,
) -> Result<(A, B), Vec<Problem>> {
    match (scenario, options) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err(a
            .err()
            .into_iter()
            .flatten()
            .chain(b.err().into_iter().flatten())
            .collect()),
    }
}

fn plan_problems(errors: PlanErrors) -> Vec<Problem> {
    errors
        .0
        .into_iter()
        .map(|e| {
            let path = match &e.at {
                PlanPath::Settings(path) => option_path(path),
                PlanPath::Scenario(path) => path.to_string(),
            };
            Problem::of(path, &e.kind, e.kind.tag())
        })
        .collect()
}

/// The scenario (JSON text) priced month by month as `options` (`{ months, start?, growth?,
/// category_growth?, multipliers? }`, the core's plan settings) grows it.
pub fn plan(json: &str, options: &Value) -> Result<Plan, Vec<Problem>> {
    let (scenario, settings) = together(
        scenario_of(json),
        PlanSettings::from_value(options).map_err(plan_problems),
    )?;
    plan::plan(&scenario, &settings).map_err(plan_problems)
}

fn budget_problems(errors: BudgetErrors) -> Vec<Problem> {
    errors
        .0
        .into_iter()
        .map(|e| {
            let path = match &e.at {
                BudgetPath::Query(path) => option_path(path),
                BudgetPath::Scenario(path) => path.to_string(),
            };
            Problem::of(path, &e.kind, e.kind.tag())
        })
        .collect()
}

/// How many more messages of `options.category` to `options.country` (or `options.market`)
/// fit in `options.amount`, given the rest of the sheet.
pub fn budget(json: &str, options: &Value) -> Result<Budget, Vec<Problem>> {
    let (scenario, query) = together(
        scenario_of(json),
        BudgetQuery::from_value(options).map_err(budget_problems),
    )?;
    budget::budget(&scenario, &query).map_err(budget_problems)
}

/// What the month's rules make worth doing, each re-estimated.
pub fn levers(json: &str) -> Result<Levers, Vec<Problem>> {
    let scenario = scenario_of(json)?;
    levers::levers(&scenario).map_err(|errors| errors.0.into_iter().map(Problem::from).collect())
}

const IMPORT_KEYS: &[&str] = &["month", "currency"];

/// `{ month?: "YYYY-MM", currency?: "USD" }`, each problem named.
pub fn import_options(options: &Value) -> Result<ImportOptions, Vec<Problem>> {
    let mut read = ImportOptions::default();
    let mut problems = Vec::new();
    let Some(object) = options.as_object() else {
        return Err(vec![Problem::new(
            "options",
            "expected an options object such as { month: \"2026-10\" }",
            "not_an_options_object",
        )]);
    };
    for (key, value) in object {
        let path = format!("options.{key}");
        if value.is_null() {
            continue;
        }
        let Some(text) = value.as_str() else {
            let kind = if IMPORT_KEYS.contains(&key.as_str()) {
                ErrorKind::NotAString {
                    got: value.to_string(),
                }
            } else {
                ErrorKind::UnknownField {
                    expected: IMPORT_KEYS,
                }
            };
            problems.push(Problem::of(path, &kind, kind.tag()));
            continue;
        };
        match key.as_str() {
            "month" => match text.trim().parse::<Month>() {
                Ok(month) => read.month = Some(month),
                Err(error) => {
                    let kind = ErrorKind::NotAMonth(error);
                    problems.push(Problem::of(path, &kind, kind.tag()));
                }
            },
            "currency" => read.currency = text.to_string(),
            _ => {
                let kind = ErrorKind::UnknownField {
                    expected: IMPORT_KEYS,
                };
                problems.push(Problem::of(path, &kind, kind.tag()));
            }
        }
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(problems)
    }
}

fn import_problems(errors: ImportErrors) -> Vec<Problem> {
    errors
        .0
        .into_iter()
        .map(|e| {
            let path = match &e.at {
                ImportPath::File(_) => e.at.to_string(),
                ImportPath::Option(ImportOption::Month) => "options.month".to_string(),
                ImportPath::Option(ImportOption::Currency) => "options.currency".to_string(),
                ImportPath::Scenario(path) if path.segments().is_empty() => "scenario".to_string(),
                ImportPath::Scenario(path) => format!("scenario.{path}"),
            };
            Problem::of(path, &e.kind, e.kind.tag())
        })
        .collect()
}

/// Meta's `pricing_analytics` JSON (text) as a scenario of one month, with what was not
/// imported and Meta's cost beside wacost's price: the core's `Import`, whole.
pub fn import_analytics(text: &str, options: &Value) -> Result<Import, Vec<Problem>> {
    let options = import_options(options)?;
    analytics::import(text, &options).map_err(import_problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The sheet of the README's plan, budget and levers (tests/golden/plans/from-july-2026.json).
    const FROM_JULY_2026: &str = include_str!("../../tests/golden/plans/from-july-2026.json");
    const ANALYTICS: &str =
        include_str!("../../core/tests/data/analytics/2026-10-daily-two-numbers.json");

    fn paths(problems: &[Problem]) -> Vec<(&str, &str)> {
        problems.iter().map(|p| (p.path.as_str(), p.kind)).collect()
    }

    /// The figures of `wacost plan … --months 12 --growth 0.03 --growth-marketing 0.08
    /// --multipliers 11:1.5,12:2` (tests/golden/expected/from-july-2026.plan).
    #[test]
    fn a_plan_reads_its_options_as_the_command_line_does() {
        let options = json!({ "months": 12, "growth": "0.03", "category_growth": { "marketing": 0.08 },
                              "multipliers": { "11": "1.5", "12": 2 } });
        let plan = plan(FROM_JULY_2026, &options).unwrap();
        assert_eq!(plan.months.len(), 12);
        let october = &plan.months[3];
        assert_eq!(october.month, "2026-10");
        assert_eq!(
            october.total.map(|t| t.to_string()).as_deref(),
            Some("622.35852")
        );
        assert_eq!(october.cumulative_total.to_string(), "2184.57438");
        assert_eq!(october.messages.marketing, 14487);
    }

    #[test]
    fn plan_problems_name_the_option_or_the_scenarios_field() {
        let problems = plan(
            r#"{"month":"2026-07","rules":"pmp-2025-07","lines":[{"country":"IN","utility":"x"}]}"#,
            &json!({ "months": 0, "growth": "-1", "multipliers": { "13": 2 }, "colour": 1 }),
        )
        .unwrap_err();
        assert_eq!(
            paths(&problems),
            [
                ("lines[0].utility", "not_a_count"),
                ("options.colour", "unknown_field"),
                ("options.months", "months_out_of_range"),
                ("options.growth", "growth_out_of_range"),
                ("options.multipliers.13", "not_a_calendar_month"),
            ]
        );
        let problems = plan(
            r#"{"month":"2026-07","rules":"pmp-2025-07","lines":[]}"#,
            &json!({ "months": 3 }),
        )
        .unwrap_err();
        assert_eq!(paths(&problems), [("rules", "chosen_by_the_plan")]);
        assert_eq!(
            problems[0].message,
            "a plan prices each month with the rules in force in that month: remove rules from the scenario"
        );
        // As `wacost plan --start`: the scenario still needs its month.
        let problems = plan(r#"{"lines":[]}"#, &json!({ "start": "2026-07" })).unwrap_err();
        assert_eq!(
            paths(&problems),
            [("month", "month_required"), ("options.months", "required")]
        );
    }

    #[test]
    fn a_budget_and_its_problems() {
        let answer = budget(
            FROM_JULY_2026,
            &json!({ "country": "IN", "category": "marketing", "amount": 2500 }),
        )
        .unwrap();
        assert_eq!(answer.count, 117_915);
        assert_eq!(answer.total_at_count.to_string(), "2499.99431");
        let problems = budget(
            FROM_JULY_2026,
            &json!({ "country": "IND", "category": "utility", "amount": "10" }),
        )
        .unwrap_err();
        assert_eq!(
            paths(&problems),
            [("options.country", "not_a_capital_code")]
        );
        assert_eq!(
            problems[0].message,
            "must be an ISO 3166-1 alpha-2 country code in capitals (e.g. IN), got \"IND\""
        );
        let problems = budget(FROM_JULY_2026, &json!({})).unwrap_err();
        assert_eq!(
            paths(&problems),
            [
                ("options.country", "one_destination"),
                ("options.category", "required"),
                ("options.amount", "required"),
            ]
        );
    }

    #[test]
    fn levers_of_the_readme_sheet() {
        let found = levers(FROM_JULY_2026).unwrap();
        let savings: Vec<String> = found.levers.iter().map(|l| l.saving.to_string()).collect();
        assert_eq!(savings, ["45.77508", "0.30738"]);
        let problems = levers(r#"{"lines":[]}"#).unwrap_err();
        assert_eq!(paths(&problems), [("month", "month_required")]);
    }

    #[test]
    fn an_import_and_its_options() {
        let import = import_analytics(ANALYTICS, &json!({ "month": "2026-10" })).unwrap();
        assert_eq!(import.scenario.phone_numbers, 2);
        assert_eq!(import.costs.unwrap().difference.to_string(), "-1.7498");
        let problems = import_analytics(ANALYTICS, &json!({})).unwrap_err();
        assert_eq!(paths(&problems), [("options.month", "several_months")]);
        let problems = import_analytics(
            ANALYTICS,
            &json!({ "month": "Oct 2026", "currency": 1, "x": "" }),
        )
        .unwrap_err();
        assert_eq!(
            paths(&problems),
            [
                ("options.currency", "not_a_string"),
                ("options.month", "not_a_month"),
                ("options.x", "unknown_field"),
            ]
        );
        let problems = import_analytics(
            ANALYTICS,
            &json!({ "month": "2026-10", "currency": "dollars" }),
        )
        .unwrap_err();
        assert_eq!(
            paths(&problems),
            [("options.currency", "not_a_capital_code")]
        );
        assert_eq!(
            problems[0].message,
            "must be an ISO 4217 currency code in capitals (e.g. USD), got \"DOLLARS\""
        );
        let problems = import_analytics("{\"data\": 3}", &json!({})).unwrap_err();
        assert_eq!(paths(&problems), [("data", "not_an_array")]);
    }
}
