//! What the worker sends the page, as the page reads it. The worker serialises the core's
//! `Report` itself; these mirror only the fields the view shows, so the page bundle needs no
//! biller code to read a bill.

use serde::{Deserialize, Serialize};
use wacost_core::bill::{ModelGap, ModelTotal};
use wacost_core::csv::ErrorKind;
use wacost_core::money::Amount;
use wacost_core::Category;

/// What the CSV reader refused in a row, as the worker sends it (the core's `csv::ErrorKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CsvKind {
    UnclosedQuote,
    StrayQuote,
    TextAfterQuote,
    LineBreak,
    TooManyFields { expected: usize, found: usize },
    TooLarge { limit: usize, found: usize },
    TooManyRecords { limit: usize, found: usize },
}

impl From<ErrorKind> for CsvKind {
    fn from(kind: ErrorKind) -> CsvKind {
        match kind {
            ErrorKind::UnclosedQuote => CsvKind::UnclosedQuote,
            ErrorKind::StrayQuote => CsvKind::StrayQuote,
            ErrorKind::TextAfterQuote => CsvKind::TextAfterQuote,
            ErrorKind::LineBreak => CsvKind::LineBreak,
            ErrorKind::TooManyFields { expected, found } => {
                CsvKind::TooManyFields { expected, found }
            }
            ErrorKind::TooLarge { limit, found } => CsvKind::TooLarge { limit, found },
            ErrorKind::TooManyRecords { limit, found } => CsvKind::TooManyRecords { limit, found },
        }
    }
}

impl From<CsvKind> for ErrorKind {
    fn from(kind: CsvKind) -> ErrorKind {
        match kind {
            CsvKind::UnclosedQuote => ErrorKind::UnclosedQuote,
            CsvKind::StrayQuote => ErrorKind::StrayQuote,
            CsvKind::TextAfterQuote => ErrorKind::TextAfterQuote,
            CsvKind::LineBreak => ErrorKind::LineBreak,
            CsvKind::TooManyFields { expected, found } => {
                ErrorKind::TooManyFields { expected, found }
            }
            CsvKind::TooLarge { limit, found } => ErrorKind::TooLarge { limit, found },
            CsvKind::TooManyRecords { limit, found } => ErrorKind::TooManyRecords { limit, found },
        }
    }
}

/// Why a row is malformed, as the worker sends it (the core's `RowErrorKind`): the view words
/// it in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    /// The row cannot be split into fields, at a character column.
    Csv {
        problem: CsvKind,
        column: usize,
    },
    TooFewFields {
        found: usize,
        header: usize,
    },
    TooManyFields {
        found: usize,
        header: usize,
        first: usize,
    },
    NotUtf8 {
        byte: usize,
    },
    NotATime,
    TimeOutOfRange,
    EmptyPhoneNumber,
    NotAUser,
    NotADirection,
    InboundKind,
    OutboundKind,
    TemplateCategory,
    FreeFormCategory,
    OutboundStatus,
    InboundStatus,
    MessageConflict {
        message_id: String,
        first_line: u64,
        first: String,
    },
}

/// A malformed row: where, which column (as the header names it, `(row)` for the whole row),
/// what value, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BadRow {
    pub line: u64,
    pub column: String,
    pub value: String,
    pub problem: RowProblem,
}

/// What is wrong with the header row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeaderProblem {
    Csv {
        problem: CsvKind,
        column: usize,
    },
    NotUtf8,
    DuplicateColumn {
        name: String,
        first: usize,
        second: usize,
    },
    MissingColumns {
        missing: Vec<String>,
        found: Vec<String>,
    },
}

/// A timezone setting that names no zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ZoneProblem {
    NotAnOffset,
    NotAName,
    NamesNeedFeature,
}

/// What is wrong with a billing setting's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SettingProblem {
    /// The settings are not the JSON object expected (the reader's own account).
    Json {
        detail: String,
    },
    Timezone(ZoneProblem),
    UnknownCurrency {
        known: Vec<String>,
    },
    UnknownRules {
        known: Vec<String>,
    },
    NotACardDate,
    NoSuchCard {
        currency: String,
        date: String,
    },
    NotACountry,
    NotATime,
    TimeOutOfRange,
}

/// Why the worker gives no bill at all, as data the view words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogProblem {
    /// The browser could not read the file (moved, changed, or no reader in a worker).
    Unreadable,
    Empty,
    Utf16,
    Header {
        line: u64,
        problem: HeaderProblem,
    },
    /// A setting of the form, by its key in the settings JSON, with its value.
    Setting {
        setting: String,
        value: String,
        problem: SettingProblem,
    },
    /// The worker or its answer failed (the browser's own words).
    Worker {
        detail: String,
    },
}

/// The same log billed under another rules version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternate {
    pub rules: String,
    pub total: AlternateTotal,
}

/// The core's `bill::ModelTotal` as the view reads it: a total, or why the model has none
/// (shown as "not applicable", never as a zero that would read as a cheaper model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum AlternateTotal {
    Priced { charged: u64, meta_total: Amount },
    CannotPrice { reasons: Vec<GapView> },
}

/// One reason a model cannot price the log, with the delivered messages it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapView {
    pub messages: u64,
    pub reason: GapReason,
}

/// The core's `bill::ModelGap`, worded by the view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum GapReason {
    BeforeTemplatePricing,
    MexicoOnly,
    NoCard {
        currency: String,
        date: String,
    },
    NoRate {
        card: String,
        currency: String,
        category: Category,
        market: String,
    },
}

impl From<&ModelTotal> for AlternateTotal {
    fn from(total: &ModelTotal) -> AlternateTotal {
        match total {
            ModelTotal::Priced {
                charged,
                meta_total,
            } => AlternateTotal::Priced {
                charged: *charged,
                meta_total: *meta_total,
            },
            ModelTotal::CannotPrice { reasons } => AlternateTotal::CannotPrice {
                reasons: reasons
                    .iter()
                    .map(|r| GapView {
                        messages: r.messages,
                        reason: match &r.reason {
                            ModelGap::BeforeTemplatePricing => GapReason::BeforeTemplatePricing,
                            ModelGap::MexicoOnly => GapReason::MexicoOnly,
                            ModelGap::NoCard { currency, date } => GapReason::NoCard {
                                currency: currency.clone(),
                                date: date.clone(),
                            },
                            ModelGap::NoRate {
                                card,
                                currency,
                                category,
                                market,
                            } => GapReason::NoRate {
                                card: card.clone(),
                                currency: currency.clone(),
                                category: *category,
                                market: market.clone(),
                            },
                        },
                    })
                    .collect(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OutcomeView {
    pub report: Option<ReportView>,
    #[serde(default)]
    pub errors: Vec<LogProblem>,
    /// No bill because of the malformed rows in `bad_rows` (the page words the remedy).
    #[serde(default)]
    pub malformed: bool,
    #[serde(default)]
    pub bad_rows: Vec<BadRow>,
    #[serde(default)]
    pub bad_count: u64,
    #[serde(default)]
    pub alternates: Vec<Alternate>,
    /// The report's warnings as the core's kinds (`warnings` words them).
    #[serde(default)]
    pub warnings: Vec<wacost_core::bill::BillWarning>,
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
    /// The whole log by market and by category (the core's `bill::Totals`).
    #[serde(default)]
    pub totals: TotalsView,
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

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TotalsView {
    pub markets: Vec<MarketTotalView>,
    pub categories: Vec<CategoryTotalView>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MarketTotalView {
    pub market: String,
    #[serde(flatten)]
    pub counts: CountsView,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CategoryTotalView {
    pub category: Category,
    #[serde(flatten)]
    pub counts: CountsView,
}

/// Delivered, free (window, entry point and allowance together) and charged, and the amount.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CountsView {
    pub delivered: u64,
    pub free: u64,
    pub charged: u64,
    pub amount: Amount,
}
