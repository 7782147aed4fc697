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
        // Joined by hand: the same text as `Display`, without the formatter's overhead on the
        // hundreds of lines a comparison can list.
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

impl fmt::Display for ScenarioErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for ScenarioErrors {}
