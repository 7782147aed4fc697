//! The four counts a scenario's line carries, as one type: the plan grows them, the budget and
//! the levers add to them, the analytics import fills them.

use crate::category::Category;
use crate::scenario::{Line, LineField};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A count field of a line (`lines[i].marketing`, …): the categories a user types volumes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineCategory {
    Marketing,
    Utility,
    Authentication,
    Service,
}

impl LineCategory {
    pub const ALL: [LineCategory; 4] = [
        LineCategory::Marketing,
        LineCategory::Utility,
        LineCategory::Authentication,
        LineCategory::Service,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LineCategory::Marketing => "marketing",
            LineCategory::Utility => "utility",
            LineCategory::Authentication => "authentication",
            LineCategory::Service => "service",
        }
    }

    /// The field's name, exactly (`marketing`, …).
    pub fn parse(text: &str) -> Option<LineCategory> {
        LineCategory::ALL
            .into_iter()
            .find(|category| category.as_str() == text)
    }

    /// The rate-card category these messages are priced in (authentication may also be priced
    /// at its international rate, which is the estimator's choice per line).
    pub fn category(self) -> Category {
        match self {
            LineCategory::Marketing => Category::Marketing,
            LineCategory::Utility => Category::Utility,
            LineCategory::Authentication => Category::Authentication,
            LineCategory::Service => Category::Service,
        }
    }

    /// The line's field that holds this count, for error paths.
    pub fn field(self) -> LineField {
        match self {
            LineCategory::Marketing => LineField::Marketing,
            LineCategory::Utility => LineField::Utility,
            LineCategory::Authentication => LineField::Authentication,
            LineCategory::Service => LineField::Service,
        }
    }

    pub fn of(self, line: &Line) -> u64 {
        match self {
            LineCategory::Marketing => line.marketing,
            LineCategory::Utility => line.utility,
            LineCategory::Authentication => line.authentication,
            LineCategory::Service => line.service,
        }
    }

    pub fn slot(self, line: &mut Line) -> &mut u64 {
        match self {
            LineCategory::Marketing => &mut line.marketing,
            LineCategory::Utility => &mut line.utility,
            LineCategory::Authentication => &mut line.authentication,
            LineCategory::Service => &mut line.service,
        }
    }
}

impl fmt::Display for LineCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A count per line category, in the order of `LineCategory::ALL`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub marketing: u64,
    pub utility: u64,
    pub authentication: u64,
    pub service: u64,
}

impl Counts {
    pub fn get(&self, category: LineCategory) -> u64 {
        match category {
            LineCategory::Marketing => self.marketing,
            LineCategory::Utility => self.utility,
            LineCategory::Authentication => self.authentication,
            LineCategory::Service => self.service,
        }
    }

    pub fn add(&mut self, category: LineCategory, n: u64) {
        let slot = match category {
            LineCategory::Marketing => &mut self.marketing,
            LineCategory::Utility => &mut self.utility,
            LineCategory::Authentication => &mut self.authentication,
            LineCategory::Service => &mut self.service,
        };
        *slot = slot.saturating_add(n);
    }
}
