//! A plan as every front end receives it: per month what was priced with what, the amounts by
//! category, the totals and the cumulative total, and why a month's cost moved when Meta's
//! rules or cards changed. Money is exact (`Amount`), counts are integers.

use super::note::PlanNote;
use crate::category::Category;
use crate::line_category::Counts;
use crate::money::Amount;
use crate::scenario::RulesVersion;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub currency: String,
    /// First month, `YYYY-MM`.
    pub start: String,
    pub months: Vec<PlanMonth>,
    /// Meta's charge over the priced months.
    pub meta_total: Amount,
    pub bsp_fees: Amount,
    pub total: Amount,
    /// What a user should know about the whole plan, in English (one per `notes` entry).
    pub warnings: Vec<String>,
    pub notes: Vec<PlanNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Messages the plan puts in this month, summed over the lines.
    pub messages: Counts,
    /// The rules version and card that priced the month (absent when nothing could).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<RulesVersion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<String>,
    /// Meta's charge by category, summed over markets.
    pub categories: BTreeMap<Category, Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta_total: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bsp_fees: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Amount>,
    /// The plan's total from its first month to this one (priced months only).
    pub cumulative_total: Amount,
    /// Why the cost moved with Meta's rules or card, or why the month cannot be priced, in
    /// English; `notes` holds the same as data, in the same order.
    pub reasons: Vec<String>,
    pub notes: Vec<PlanNote>,
    /// Why nothing could price the month (the estimate's errors); empty when priced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unpriced: Vec<String>,
}
