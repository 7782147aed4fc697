//! Every failure crosses into JavaScript as one `Error` whose `problems` list names each bad
//! field, so a form can put each message next to its input instead of parsing prose.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// One thing wrong with the input: where (`lines[2].utility`, `currency`, `date`) and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

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

/// A JS `Error` (name `WacostError`) carrying `problems: [{path, message}]`.
pub fn to_js_error(problems: &[Problem]) -> JsValue {
    let error = js_sys::Error::new(&summary(problems));
    error.set_name("WacostError");
    let list = js_sys::Array::new();
    for problem in problems {
        let item = js_sys::Object::new();
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&item, &"path".into(), &problem.path.as_str().into());
        let _ = js_sys::Reflect::set(&item, &"message".into(), &problem.message.as_str().into());
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
            Problem::new("lines[0].utility", "must be a whole number >= 0, got \"x\""),
            Problem::new("", "expected a scenario"),
        ];
        assert_eq!(
            summary(&problems),
            "lines[0].utility: must be a whole number >= 0, got \"x\"\nexpected a scenario"
        );
    }
}
