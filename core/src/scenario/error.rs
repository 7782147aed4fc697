//! Validation errors that name the field they are about, so a user can find and fix it.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Path into the scenario, e.g. `lines[2].utility`.
    pub path: String,
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem found, in input order; never just the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioErrors(pub Vec<FieldError>);

impl ScenarioErrors {
    pub fn one(path: impl Into<String>, message: impl Into<String>) -> ScenarioErrors {
        ScenarioErrors(vec![FieldError::new(path, message)])
    }

    /// One line per problem, as the command line prints them.
    pub fn lines(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|e| {
                let mut line = String::with_capacity(e.path.len() + 2 + e.message.len());
                line.push_str(&e.path);
                line.push_str(": ");
                line.push_str(&e.message);
                line
            })
            .collect()
    }
}

impl ScenarioErrors {
    /// One line per distinct message, naming the first few fields it is about and how many
    /// more: a comparison lists why a version cannot price the scenario, and the same reason
    /// repeated for 240 lines hides the one other reason there may be.
    pub fn grouped_lines(&self) -> Vec<String> {
        // A handful of distinct messages (one per market at most), which differ early: a scan
        // beats hashing every long message.
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for error in &self.0 {
            let message = error.message.as_str();
            match groups.iter_mut().find(|(m, _)| *m == message) {
                Some((_, paths)) => paths.push(error.path.as_str()),
                None => groups.push((message, vec![error.path.as_str()])),
            }
        }
        groups
            .into_iter()
            .map(|(message, paths)| format!("{}: {message}", field_list(&paths)))
            .collect()
    }
}

/// `lines[0]`, `lines[0] and lines[4]`, `lines[0], lines[4] and lines[9]`,
/// `lines[0], lines[4], lines[9] and 3 more`: the first three fields named, the rest counted.
pub(crate) fn field_list<S: AsRef<str>>(paths: &[S]) -> String {
    const NAMED: usize = 3;
    let named: Vec<&str> = paths.iter().take(NAMED).map(AsRef::as_ref).collect();
    match paths.len() {
        0..=1 => named.concat(),
        n if n <= NAMED => format!("{} and {}", named[..n - 1].join(", "), named[n - 1]),
        n => format!("{} and {} more", named.join(", "), n - NAMED),
    }
}

impl fmt::Display for ScenarioErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for ScenarioErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_lines_name_three_fields_and_count_the_rest() {
        let mut errors: Vec<FieldError> = (0..5)
            .map(|i| FieldError::new(format!("lines[{i}]"), "no rate for India"))
            .collect();
        errors.insert(1, FieldError::new("currency", "no card in XYZ"));
        errors.push(FieldError::new("lines[9]", "no rate for Brazil"));
        assert_eq!(
            ScenarioErrors(errors).grouped_lines(),
            vec![
                "lines[0], lines[1], lines[2] and 2 more: no rate for India",
                "currency: no card in XYZ",
                "lines[9]: no rate for Brazil",
            ]
        );
    }
}
