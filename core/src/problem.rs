//! One shape for the errors of a query, a plan or an import: a typed place and a kind with its
//! figures, English written once by the kind. Budget, plan and analytics errors share it so their
//! `Display` (`path: message`) and their JSON (`{ "path", "message", "kind", "of" }`) cannot drift.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// What went wrong: its English is the `Display`, `tag` the stable name a front end words
/// itself.
pub trait ProblemKind: fmt::Display {
    fn tag(&self) -> &'static str;
}

/// Where it went wrong: its `Display` is the path shown to the user, `of` names the input the
/// path belongs to (`query`, `settings`, `file`, `scenario`, …).
pub trait ProblemPath: fmt::Display {
    fn of(&self) -> &'static str;
}

/// One problem: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem<P, K> {
    pub at: P,
    pub kind: K,
}

impl<P, K> Problem<P, K> {
    pub fn new(at: P, kind: K) -> Self {
        Problem { at, kind }
    }
}

impl<P: fmt::Display, K: fmt::Display> fmt::Display for Problem<P, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.kind)
    }
}

/// `{ "path", "message", "kind", "of" }`: the path and the English message as the scenario's
/// errors are sent, the kind for a front end that words the problem itself, and which input
/// the path is in.
impl<P: ProblemPath, K: ProblemKind> Serialize for Problem<P, K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Problem", 4)?;
        out.serialize_field("path", &self.at.to_string())?;
        out.serialize_field("message", &self.kind.to_string())?;
        out.serialize_field("kind", self.kind.tag())?;
        out.serialize_field("of", self.at.of())?;
        out.end()
    }
}

/// Every problem found, never just the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems<P, K>(pub Vec<Problem<P, K>>);

impl<P: fmt::Display, K: fmt::Display> Problems<P, K> {
    /// One line per problem, as the command line prints them.
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

impl<P: fmt::Display, K: fmt::Display> fmt::Display for Problems<P, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl<P: fmt::Display + fmt::Debug, K: fmt::Display + fmt::Debug> std::error::Error
    for Problems<P, K>
{
}

/// A JSON array of the problems.
impl<P: ProblemPath, K: ProblemKind> Serialize for Problems<P, K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A JSON value as the user wrote it, for a kind's `got`: at most 60 characters, then `…`, so
/// a message stays one readable line whatever was pasted.
pub fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}
