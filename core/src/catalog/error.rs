//! Errors in the rate data: each names the file, the line and the problem, so a maintainer
//! adding Meta's next card sees at once what to fix.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// 1-based line of the file, or 0 when the problem is about the file as a whole.
    pub line: usize,
    pub problem: String,
}

impl DataError {
    pub fn new(file: &str, line: usize, problem: impl Into<String>) -> DataError {
        DataError {
            file: file.to_string(),
            line,
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.problem)
        }
    }
}

impl std::error::Error for DataError {}
