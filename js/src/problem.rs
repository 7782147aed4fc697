//! Every failure crosses into JavaScript as one `Error` whose `problems` list names each bad
//! field, so a form can put each message next to its input instead of parsing prose.

use serde::Serialize;
use wacost_core::scenario::FieldError;
use wasm_bindgen::JsValue;

/// One thing wrong with the input: where (`lines[2].utility`, `currency`, `date`), what (the
/// core's English sentence) and its kind (a stable snake_case tag, to word it in another
/// language or to react to one problem in particular).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
    pub kind: &'static str,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>, kind: &'static str) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            kind,
        }
    }

    /// A problem of the core's, at the argument or field `path`.
    pub fn of(
        path: impl Into<String>,
        error: &impl std::fmt::Display,
        kind: &'static str,
    ) -> Problem {
        Problem::new(path, error.to_string(), kind)
    }
}

impl From<FieldError> for Problem {
    fn from(error: FieldError) -> Problem {
        Problem::new(
            error.path.to_string(),
            error.kind.to_string(),
            error.kind.tag(),
        )
    }
}

/// The kinds of problem this package adds to the core's: arguments that are not a scenario,
/// and results that JavaScript cannot hold.
pub const OWN_KINDS: [&str; 7] = [
    "not_a_scenario",
    "not_serialisable",
    "conversion",
    "not_a_date",
    "not_a_comparison_mode",
    "not_an_options_object",
    "currency_mismatch",
];

/// The text of the thrown `Error`: one `path: message` line per problem, readable in a console.
pub fn summary(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            if p.path.is_empty() {
                p.message.clone()
            } else {
                format!("{}: {}", p.path, p.message)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A JS `Error` (name `WacostError`) carrying `problems: [{path, message, kind}]`.
pub fn to_js_error(problems: &[Problem]) -> JsValue {
    let error = js_sys::Error::new(&summary(problems));
    error.set_name("WacostError");
    let list = js_sys::Array::new();
    for problem in problems {
        let item = js_sys::Object::new();
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&item, &"path".into(), &problem.path.as_str().into());
        let _ = js_sys::Reflect::set(&item, &"message".into(), &problem.message.as_str().into());
        let _ = js_sys::Reflect::set(&item, &"kind".into(), &problem.kind.into());
        list.push(&item);
    }
    let _ = js_sys::Reflect::set(&error, &"problems".into(), &list);
    error.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_puts_one_problem_per_line_with_its_path() {
        let problems = [
            Problem::new(
                "lines[0].utility",
                "must be a whole number >= 0, got \"x\"",
                "not_a_count",
            ),
            Problem::new("", "expected a scenario", "not_a_scenario"),
        ];
        assert_eq!(
            summary(&problems),
            "lines[0].utility: must be a whole number >= 0, got \"x\"\nexpected a scenario"
        );
    }
}
