//! The bill over the whole log, as a finance reader checks an invoice: one total per market and
//! one per category, each with its free and charged counts side by side. Exact sums of the
//! months' rows: the market totals and the category totals each add up to `meta_total`.
//!
//! Counts are in the months' units: `delivered`, `free` and `charged` are messages under
//! per-message rules and conversations under conversation rules, so a log that spans both eras
//! adds the two; its months tell them apart.

use super::summary::{CategoryReport, MonthReport};
use crate::category::Category;
use crate::money::Amount;
use serde::Serialize;
use std::collections::BTreeMap;

/// The whole log's totals by market and by category.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    /// By market name.
    pub markets: Vec<MarketTotal>,
    /// In category order.
    pub categories: Vec<CategoryTotal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarketTotal {
    pub market: String,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryTotal {
    pub category: &'static str,
    #[serde(flatten)]
    pub counts: Counts,
}

/// What a total row counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Delivered messages counted (under conversation rules, the messages of the conversations).
    pub messages: u64,
    /// Messages, or conversations opened under conversation rules.
    pub delivered: u64,
    /// Units that cost nothing: in a window, an entry point or a monthly allowance.
    pub free: u64,
    pub charged: u64,
    pub amount: Amount,
}

impl Counts {
    fn add(&mut self, row: &CategoryReport) {
        self.messages += row.messages;
        self.delivered += row.delivered;
        self.free += row.free.window + row.free.entry_point + row.free.allowance;
        self.charged += row.charged;
        self.amount = Amount::new(self.amount.value() + row.amount_value);
    }
}

/// The totals of a bill's months.
pub fn totals(months: &[MonthReport]) -> Totals {
    let mut markets: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut categories: BTreeMap<usize, (&'static str, Counts)> = BTreeMap::new();
    for market in months.iter().flat_map(|m| &m.markets) {
        for row in &market.categories {
            markets.entry(&market.market).or_default().add(row);
            let order = Category::ALL
                .iter()
                .position(|c| c.as_str() == row.category)
                .unwrap_or(Category::ALL.len());
            categories
                .entry(order)
                .or_insert_with(|| (row.category, Counts::default()))
                .1
                .add(row);
        }
    }
    Totals {
        markets: markets
            .into_iter()
            .map(|(market, counts)| MarketTotal {
                market: market.to_string(),
                counts,
            })
            .collect(),
        categories: categories
            .into_values()
            .map(|(category, counts)| CategoryTotal { category, counts })
            .collect(),
    }
}
