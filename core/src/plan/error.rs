//! What can be wrong with a plan's settings or with the scenario it grows: each problem with
//! the path of its field and a kind a front end can word itself; English written once here.

use crate::line_category::LineCategory;
use crate::money::group_thousands;
use crate::problem::{Problem, ProblemKind, ProblemPath, Problems};
use crate::scenario::{ErrorKind, FieldPath, Month, ScenarioErrors};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanErrorKind {
    NotAnObject {
        got: String,
    },
    UnknownField {
        expected: &'static [&'static str],
    },
    Required,
    NotAMonth {
        got: String,
    },
    /// `months` outside 1 to 36.
    MonthsOutOfRange {
        got: String,
    },
    /// A growth at or below -1 (every message gone), above 10, or not a decimal.
    GrowthOutOfRange {
        got: String,
    },
    /// A multiplier's key that is not a calendar month 1 to 12.
    NotACalendarMonth {
        got: String,
    },
    MultiplierOutOfRange {
        got: String,
    },
    /// The same calendar month given two multipliers.
    DuplicateMultiplier {
        month: u32,
    },
    TooManyDecimals {
        got: String,
    },
    /// Neither a start month nor the scenario's own month.
    NoStart,
    /// The scenario fixes a choice the plan makes month by month (`rules`, `rate_card`).
    ChosenByThePlan {
        field: &'static str,
    },
    /// A grown count above the scenario's limit, in the first month it happens.
    CountTooLarge {
        month: Month,
        category: LineCategory,
        /// The count, or `None` when it does not even fit 64 bits.
        count: Option<u64>,
    },
    /// A problem of the scenario itself, as the scenario's validator or the estimator finds it.
    Scenario(ErrorKind),
}

impl PlanErrorKind {
    pub fn tag(&self) -> &'static str {
        match self {
            PlanErrorKind::NotAnObject { .. } => "not_an_object",
            PlanErrorKind::UnknownField { .. } => "unknown_field",
            PlanErrorKind::Required => "required",
            PlanErrorKind::NotAMonth { .. } => "not_a_month",
            PlanErrorKind::MonthsOutOfRange { .. } => "months_out_of_range",
            PlanErrorKind::GrowthOutOfRange { .. } => "growth_out_of_range",
            PlanErrorKind::NotACalendarMonth { .. } => "not_a_calendar_month",
            PlanErrorKind::MultiplierOutOfRange { .. } => "multiplier_out_of_range",
            PlanErrorKind::DuplicateMultiplier { .. } => "duplicate_multiplier",
            PlanErrorKind::TooManyDecimals { .. } => "too_many_decimals",
            PlanErrorKind::NoStart => "no_start",
            PlanErrorKind::ChosenByThePlan { .. } => "chosen_by_the_plan",
            PlanErrorKind::CountTooLarge { .. } => "count_too_large",
            PlanErrorKind::Scenario(kind) => kind.tag(),
        }
    }
}

impl ProblemKind for PlanErrorKind {
    fn tag(&self) -> &'static str {
        PlanErrorKind::tag(self)
    }
}

impl fmt::Display for PlanErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanErrorKind::NotAnObject { got } => write!(f, "must be a JSON object, got {got}"),
            PlanErrorKind::UnknownField { expected } => write!(
                f,
                "unknown field (expected one of: {})",
                expected.join(", ")
            ),
            PlanErrorKind::Required => f.write_str("is required"),
            PlanErrorKind::NotAMonth { got } => write!(f, "must be a month YYYY-MM, got {got}"),
            PlanErrorKind::MonthsOutOfRange { got } => {
                write!(f, "must be a whole number of months from 1 to 36, got {got}")
            }
            PlanErrorKind::GrowthOutOfRange { got } => write!(
                f,
                "must be a monthly growth as a fraction above -1 and at most 10 (0.05 is 5 % a month), got {got}"
            ),
            PlanErrorKind::NotACalendarMonth { got } => write!(
                f,
                "must be a calendar month from 1 (January) to 12 (December), got {got}"
            ),
            PlanErrorKind::MultiplierOutOfRange { got } => {
                write!(f, "must be a decimal multiplier from 0 to 1000, got {got}")
            }
            PlanErrorKind::DuplicateMultiplier { month } => {
                write!(f, "calendar month {month} is given two multipliers")
            }
            PlanErrorKind::TooManyDecimals { got } => {
                write!(f, "must have at most 18 decimal places, got {got}")
            }
            PlanErrorKind::NoStart => f.write_str(
                "is required: the scenario has no month to start the plan from",
            ),
            PlanErrorKind::ChosenByThePlan { field } => write!(
                f,
                "a plan prices each month with the {} in force in that month: remove {field} from the scenario",
                if *field == "rules" { "rules" } else { "rate card" }
            ),
            PlanErrorKind::CountTooLarge {
                month,
                category,
                count,
            } => write!(
                f,
                "the plan's {category} count for {month} would be {}, above the limit of 1,000,000,000,000 (10^12) a scenario accepts",
                count.map_or_else(
                    || "more than 18,446,744,073,709,551,615".to_string(),
                    |n| group_thousands(&n.to_string())
                )
            ),
            PlanErrorKind::Scenario(kind) => write!(f, "{kind}"),
        }
    }
}

/// Where a problem is: a field of the plan's settings (`months`, `category_growth.marketing`,
/// `multipliers.11`) or of the scenario it grows (`rules`, `lines[3].marketing`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanPath {
    Settings(FieldPath),
    Scenario(FieldPath),
}

impl PlanPath {
    /// A field of the settings, by its JSON key.
    pub fn setting(key: &'static str) -> PlanPath {
        PlanPath::Settings(FieldPath::top(key))
    }

    /// The settings object itself.
    pub fn settings() -> PlanPath {
        PlanPath::Settings(FieldPath::scenario())
    }

    pub fn field_path(&self) -> &FieldPath {
        match self {
            PlanPath::Settings(path) | PlanPath::Scenario(path) => path,
        }
    }
}

impl ProblemPath for PlanPath {
    fn of(&self) -> &'static str {
        match self {
            PlanPath::Settings(_) => "settings",
            PlanPath::Scenario(_) => "scenario",
        }
    }
}

impl fmt::Display for PlanPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanPath::Settings(path) if path.segments().is_empty() => f.write_str("(settings)"),
            PlanPath::Settings(path) | PlanPath::Scenario(path) => write!(f, "{path}"),
        }
    }
}

/// One problem: where and what.
pub type PlanError = Problem<PlanPath, PlanErrorKind>;

/// Every problem found, never just the first.
pub type PlanErrors = Problems<PlanPath, PlanErrorKind>;

impl From<ScenarioErrors> for PlanErrors {
    fn from(errors: ScenarioErrors) -> PlanErrors {
        Problems(
            errors
                .0
                .into_iter()
                .map(|e| {
                    PlanError::new(PlanPath::Scenario(e.path), PlanErrorKind::Scenario(e.kind))
                })
                .collect(),
        )
    }
}
