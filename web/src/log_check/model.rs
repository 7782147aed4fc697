//! What the worker sends the page, as the page reads it. The worker serialises the core's
//! `Report` itself; these mirror only the fields the view shows, so the page bundle needs no
//! biller code to read a bill.

use serde::{Deserialize, Serialize};

/// A malformed row: where, which column, what value, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BadRow {
    pub line: u64,
    pub column: String,
    pub value: String,
    pub reason: String,
}

/// The same log billed under another rules version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternate {
    pub rules: String,
    pub charged: u64,
    pub meta_total: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OutcomeView {
    pub report: Option<ReportView>,
    #[serde(default)]
    pub errors: Vec<String>,
    /// No bill because of the malformed rows in `bad_rows` (the page words the remedy).
    #[serde(default)]
    pub malformed: bool,
    #[serde(default)]
    pub bad_rows: Vec<BadRow>,
    #[serde(default)]
    pub bad_count: u64,
    #[serde(default)]
    pub alternates: Vec<Alternate>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ReportView {
    pub currency: String,
    pub rules: String,
    pub rate_card: String,
    pub rows: u64,
    pub outbound: u64,
    pub months: Vec<MonthView>,
    pub meta_total: String,
    #[serde(default)]
    pub warnings: Vec<String>,
    pub reconciliation: Option<ReconciliationView>,
    #[serde(default)]
    pub sorted_in_memory: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MonthView {
    pub month: String,
    pub rules: Vec<String>,
    pub rate_cards: Vec<String>,
    pub markets: Vec<MarketView>,
    pub failed: u64,
    pub undeliverable: u64,
    pub unpriceable: u64,
    pub meta_total: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MarketView {
    pub market: String,
    pub amount: String,
    pub categories: Vec<CategoryView>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CategoryView {
    pub category: String,
    pub delivered: u64,
    pub free: FreeView,
    pub charged: u64,
    pub bands: Vec<BandView>,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FreeView {
    pub window: u64,
    pub entry_point: u64,
    pub allowance: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BandView {
    pub rate_card: String,
    pub tier: Option<u8>,
    pub from: Option<u64>,
    pub to: Option<u64>,
    pub count: u64,
    pub rate: String,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ReconciliationView {
    pub compared: u64,
    pub differences: u64,
    pub listed: Vec<DifferenceView>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DifferenceView {
    pub line: u64,
    pub time: String,
    pub user: String,
    pub ours: PricingView,
    pub meta: PricingView,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PricingView {
    pub category: Option<String>,
    #[serde(rename = "type")]
    pub pricing_type: Option<String>,
}

impl PricingView {
    pub fn label(&self) -> String {
        format!(
            "{}/{}",
            self.category.as_deref().unwrap_or("-"),
            self.pricing_type.as_deref().unwrap_or("-")
        )
    }
}
