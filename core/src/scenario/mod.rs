//! The `Scenario`: a month of WhatsApp traffic as a marketer describes it (docs/scenario.md).
//!
//! Every way in (the page, the widget, the JavaScript API, the command line) goes through the
//! same validator, so a bad value is refused the same way everywhere, with every problem listed
//! and named by its field path.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod access;
mod check;
mod error;
mod model_name;
mod parse;
mod path;
mod rules;
pub mod schema;
mod steps;

pub use access::SettingValue;
pub(crate) use error::field_list;
pub use error::{CodeStandard, ErrorKind, FieldError, ScenarioErrors};
pub use model_name::{long_date, short_month, ModelKind, ModelName};
pub use path::{FieldPath, Segment};
pub use rules::{Month, NoRulesError, ParseMonthError, ParseRulesError, RulesVersion};
pub use schema::{LineField, Setting};

use crate::category::Category;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Largest count the estimator accepts (10^12): far above any real month, small enough that
/// every product of a count and a rate stays exact.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

/// Largest rate or per-message fee (10^6 in the card's currency): above any real price, and
/// low enough that no sum of a month's charges can overflow an exact decimal.
pub const MAX_RATE: u64 = 1_000_000;

/// Largest markup, as a fraction of Meta's charge (1000 = 100,000 %).
pub const MAX_MARKUP: u64 = 1_000;

/// Most lines a scenario may have; with counts of at most 10^12 every sum stays in a `u64`.
pub const MAX_LINES: usize = 100_000;

/// Most custom rates a scenario may have. Meta's table has about 60 markets and five
/// categories, so a whole card of one's own is about 300 rates; 2,000 leaves room for markets
/// of one's own, and keeps a link or a file from holding a scenario that takes seconds to read.
pub const MAX_CUSTOM_RATES: usize = 2_000;

/// Most custom ladders (one per market and tiered category: about 180 for every market).
pub const MAX_CUSTOM_TIERS: usize = 500;

/// Most bands in one custom ladder (Meta's have six). It also keeps every band's number, which
/// an estimate shows as its tier, far below 255.
pub const MAX_BANDS: usize = 50;

/// Most problems listed for one scenario; the rest are counted in a last `MoreErrors` entry.
/// A scenario at the caps could otherwise list 400,000 problems (four counts on each of
/// 100,000 lines), megabytes of text that nobody reads past the first screen.
pub const MAX_LISTED_ERRORS: usize = 100;

/// Most fractional digits a share, fee or average may carry. Eighteen keep every product with a
/// count inside exact integer arithmetic, and are more than any typed or JavaScript number has.
pub const MAX_SCALE: u32 = 18;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scenario {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<Month>,
    pub currency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<RulesVersion>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_country: Option<String>,
    pub auth_international: bool,
    pub phone_numbers: u64,
    pub wabas: u64,
    pub utility_in_window: Decimal,
    pub entry_point: Decimal,
    pub free_conversations: u64,
    pub per_conversation: PerConversation,
    pub lines: Vec<Line>,
    pub bsp: Bsp,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom_rates: Vec<CustomRate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom_tiers: Vec<CustomTier>,
}

/// Average messages per 24-hour conversation, per category (conversation eras only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PerConversation {
    pub marketing: Decimal,
    pub utility: Decimal,
    pub authentication: Decimal,
    pub service: Decimal,
}

impl Default for PerConversation {
    fn default() -> PerConversation {
        PerConversation {
            marketing: Decimal::ONE,
            utility: Decimal::ONE,
            authentication: Decimal::ONE,
            service: Decimal::ONE,
        }
    }
}

/// One destination and its delivered messages for the month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Line {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market: Option<String>,
    pub marketing: u64,
    pub utility: u64,
    pub authentication: u64,
    pub service: u64,
}

impl Line {
    /// One of the four counts.
    pub fn count(&self, field: LineField) -> Option<u64> {
        match field {
            LineField::Marketing => Some(self.marketing),
            LineField::Utility => Some(self.utility),
            LineField::Authentication => Some(self.authentication),
            LineField::Service => Some(self.service),
            LineField::Country | LineField::Market => None,
        }
    }

    /// One of the four counts, to set it.
    pub fn count_mut(&mut self, field: LineField) -> Option<&mut u64> {
        match field {
            LineField::Marketing => Some(&mut self.marketing),
            LineField::Utility => Some(&mut self.utility),
            LineField::Authentication => Some(&mut self.authentication),
            LineField::Service => Some(&mut self.service),
            LineField::Country | LineField::Market => None,
        }
    }
}

/// Which messages the provider's per-message fee applies to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerMessageOn {
    #[default]
    Charged,
    Delivered,
}

impl PerMessageOn {
    pub const ALL: [PerMessageOn; 2] = [PerMessageOn::Charged, PerMessageOn::Delivered];

    pub const fn as_str(self) -> &'static str {
        match self {
            PerMessageOn::Charged => "charged",
            PerMessageOn::Delivered => "delivered",
        }
    }
}

/// The provider's (BSP's) fees on top of Meta's charge.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Bsp {
    pub per_message: Decimal,
    pub per_message_on: PerMessageOn,
    pub markup: Decimal,
    pub monthly: Decimal,
    pub per_number: Decimal,
}

/// A rate the user supplies in place of (or in addition to) the chosen card's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomRate {
    pub market: String,
    pub category: Category,
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    /// The rate's currency (ISO 4217); none means the scenario's, as links and files written
    /// before rates carried one. A rate in another currency than the scenario's is refused:
    /// wacost never converts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// A volume-tier ladder the user supplies: bands in order, the last one open (`to` null).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomTier {
    pub market: String,
    pub category: Category,
    pub bands: Vec<CustomBand>,
    /// The ladder's currency, as `CustomRate::currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomBand {
    pub to: Option<u64>,
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
}

/// A custom rate or ladder is for one market and category; no two entries may share them.
pub(crate) trait ForMarket {
    fn market(&self) -> &str;
    fn category(&self) -> Category;

    /// What two entries for the same market (in any case) and category share: duplicates are
    /// found by this key in a map, not by comparing every pair.
    fn key(&self) -> (String, Category) {
        (self.market().to_ascii_lowercase(), self.category())
    }

    /// The currency it is given in, if it says.
    fn currency(&self) -> Option<&str>;

    /// The error an entry given twice gets.
    fn duplicate(&self) -> ErrorKind {
        ErrorKind::Duplicate {
            market: self.market().to_string(),
            category: self.category(),
        }
    }
}

impl ForMarket for CustomRate {
    fn market(&self) -> &str {
        &self.market
    }
    fn category(&self) -> Category {
        self.category
    }
    fn currency(&self) -> Option<&str> {
        self.currency.as_deref()
    }
}

impl ForMarket for CustomTier {
    fn market(&self) -> &str {
        &self.market
    }
    fn category(&self) -> Category {
        self.category
    }
    fn currency(&self) -> Option<&str> {
        self.currency.as_deref()
    }
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario {
            month: None,
            currency: "USD".into(),
            rules: None,
            rate_card: None,
            business_country: None,
            auth_international: false,
            phone_numbers: 1,
            wabas: 1,
            utility_in_window: Decimal::ZERO,
            entry_point: Decimal::ZERO,
            free_conversations: 1500,
            per_conversation: PerConversation::default(),
            lines: Vec::new(),
            bsp: Bsp::default(),
            custom_rates: Vec::new(),
            custom_tiers: Vec::new(),
        }
    }
}

impl Scenario {
    /// Parses and validates a scenario; every problem is listed, each naming its field path.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioErrors> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            ScenarioErrors::one(
                FieldPath::input(),
                ErrorKind::InvalidJson {
                    detail: e.to_string(),
                    line: e.line(),
                    column: e.column(),
                },
            )
        })?;
        parse::scenario(&value)
    }

    /// Validates an already-decoded JSON value (what the JavaScript bindings receive).
    pub fn from_value(value: &serde_json::Value) -> Result<Scenario, ScenarioErrors> {
        parse::scenario(value)
    }

    /// The scenario as JSON that `from_json` reads back to the same scenario.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks the limits of a scenario built in code rather than parsed, so `estimate` never
    /// trusts a value it did not validate.
    pub fn check(&self) -> Result<(), ScenarioErrors> {
        let errors = check::check(self);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ScenarioErrors::capped(errors))
        }
    }
}

/// Scenarios arriving through serde (serde-wasm-bindgen, a JSON body) take the same validation
/// path as `from_json`, so no route skips a check.
impl<'de> Deserialize<'de> for Scenario {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Scenario, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        parse::scenario(&value).map_err(|errors| serde::de::Error::custom(errors.to_string()))
    }
}
