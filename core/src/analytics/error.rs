//! What can be wrong with an analytics file or the import's options: a path in the file (or
//! `month`, `currency`) and a kind, with the English written once here.

use crate::problem::{Problem, ProblemKind, ProblemPath, Problems};
use crate::scenario::{ErrorKind, FieldPath};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportErrorKind {
    NotJson {
        detail: String,
    },
    /// Neither `{"pricing_analytics": {"data": …}}` nor `{"data": …}`.
    NoPricingAnalytics,
    NotAnArray {
        got: String,
    },
    NotAnObject {
        got: String,
    },
    NotAString {
        got: String,
    },
    Required,
    NotATime {
        got: String,
    },
    NotACount {
        got: String,
    },
    NotAnAmount {
        got: String,
    },
    EndBeforeStart {
        start: i64,
        end: i64,
    },
    /// No data point at all.
    NoDataPoints,
    /// Points of several months and no `month` chosen.
    SeveralMonths {
        months: Vec<String>,
    },
    /// The chosen month has no data point.
    MonthNotInFile {
        month: String,
        months: Vec<String>,
    },
    /// A problem of the scenario built from the file, as the scenario's validator finds it.
    Scenario(ErrorKind),
}

impl ImportErrorKind {
    pub fn tag(&self) -> &'static str {
        match self {
            ImportErrorKind::NotJson { .. } => "not_json",
            ImportErrorKind::NoPricingAnalytics => "no_pricing_analytics",
            ImportErrorKind::NotAnArray { .. } => "not_an_array",
            ImportErrorKind::NotAnObject { .. } => "not_an_object",
            ImportErrorKind::NotAString { .. } => "not_a_string",
            ImportErrorKind::Required => "required",
            ImportErrorKind::NotATime { .. } => "not_a_time",
            ImportErrorKind::NotACount { .. } => "not_a_count",
            ImportErrorKind::NotAnAmount { .. } => "not_an_amount",
            ImportErrorKind::EndBeforeStart { .. } => "end_before_start",
            ImportErrorKind::NoDataPoints => "no_data_points",
            ImportErrorKind::SeveralMonths { .. } => "several_months",
            ImportErrorKind::MonthNotInFile { .. } => "month_not_in_file",
            ImportErrorKind::Scenario(kind) => kind.tag(),
        }
    }
}

impl ProblemKind for ImportErrorKind {
    fn tag(&self) -> &'static str {
        ImportErrorKind::tag(self)
    }
}

impl fmt::Display for ImportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportErrorKind::NotJson { detail } => write!(f, "not valid JSON: {detail}"),
            ImportErrorKind::NoPricingAnalytics => f.write_str(
                "not a pricing_analytics response: expected {\"pricing_analytics\": {\"data\": [{\"data_points\": [...]}]}} or {\"data\": [{\"data_points\": [...]}]}",
            ),
            ImportErrorKind::NotAnArray { got } => write!(f, "must be a JSON array, got {got}"),
            ImportErrorKind::NotAnObject { got } => write!(f, "must be a JSON object, got {got}"),
            ImportErrorKind::NotAString { got } => write!(f, "must be a string, got {got}"),
            ImportErrorKind::Required => f.write_str("is required"),
            ImportErrorKind::NotATime { got } => {
                write!(f, "must be a UNIX timestamp in seconds, got {got}")
            }
            ImportErrorKind::NotACount { got } => {
                write!(f, "must be a whole number >= 0, got {got}")
            }
            ImportErrorKind::NotAnAmount { got } => {
                write!(f, "must be a decimal amount, got {got}")
            }
            ImportErrorKind::EndBeforeStart { start, end } => {
                write!(f, "ends ({end}) before it starts ({start})")
            }
            ImportErrorKind::NoDataPoints => f.write_str("the file has no data point"),
            ImportErrorKind::SeveralMonths { months } => write!(
                f,
                "the file holds data of {}: choose one month",
                months.join(", ")
            ),
            ImportErrorKind::MonthNotInFile { month, months } => write!(
                f,
                "the file has no data point in {month} (it holds {})",
                months.join(", ")
            ),
            ImportErrorKind::Scenario(kind) => write!(f, "{kind}"),
        }
    }
}

/// An option of the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOption {
    Month,
    Currency,
}

/// Where a problem is: a place in the analytics file
/// (`pricing_analytics.data[0].data_points[3].volume`, or `(file)` for the whole), an option of
/// the import, or a field of the scenario built from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportPath {
    File(FieldPath),
    Option(ImportOption),
    Scenario(FieldPath),
}

impl ImportPath {
    /// The file as a whole.
    pub fn file() -> ImportPath {
        ImportPath::File(FieldPath::scenario())
    }
}

impl ProblemPath for ImportPath {
    fn of(&self) -> &'static str {
        match self {
            ImportPath::File(_) => "file",
            ImportPath::Option(_) => "option",
            ImportPath::Scenario(_) => "scenario",
        }
    }
}

impl fmt::Display for ImportPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportPath::File(path) if path.segments().is_empty() => f.write_str("(file)"),
            ImportPath::File(path) | ImportPath::Scenario(path) => write!(f, "{path}"),
            ImportPath::Option(ImportOption::Month) => f.write_str("month"),
            ImportPath::Option(ImportOption::Currency) => f.write_str("currency"),
        }
    }
}

/// One problem: where and what.
pub type ImportError = Problem<ImportPath, ImportErrorKind>;

/// Every problem found, never just the first.
pub type ImportErrors = Problems<ImportPath, ImportErrorKind>;
