//! What a priced outbound message looks like, as Meta's status webhook would describe it.

use super::input::Event;
use crate::catalog::LookupError;
use crate::scenario::RulesVersion;
use crate::Category;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Model {
    #[serde(rename = "CBP")]
    Cbp,
    #[serde(rename = "PMP")]
    Pmp,
}

impl Model {
    pub fn as_str(self) -> &'static str {
        match self {
            Model::Cbp => "CBP",
            Model::Pmp => "PMP",
        }
    }
}

/// `pricing.type` of the webhook (LOG-3); under CBP, the type of the conversation joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PricingType {
    Regular,
    FreeCustomerService,
    FreeEntryPoint,
}

impl PricingType {
    pub fn as_str(self) -> &'static str {
        match self {
            PricingType::Regular => "regular",
            PricingType::FreeCustomerService => "free_customer_service",
            PricingType::FreeEntryPoint => "free_entry_point",
        }
    }
}

/// Why a message (or conversation) cost nothing, as the summary counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Free {
    /// Inside a customer service window (PMP-3, PMP-4; service conversations from 2024-11).
    Window,
    /// Inside a free entry point window or conversation.
    EntryPoint,
    /// A monthly free allowance (service messages per phone number; conversations per WABA).
    Allowance,
}

/// What happened to an outbound message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Charged `amount` (may be a band rate).
    Charged,
    /// Delivered at no charge; under conversation rules `None` means it joined an open
    /// conversation and added nothing.
    Free(Option<Free>),
    /// Not delivered: never charged (PMP-1, SVC-1).
    Failed,
    /// A free-form message with no customer service window open: WhatsApp refuses it.
    Undeliverable,
    /// Delivered and (probably) charged, but we cannot price it: the reason says why.
    Unpriceable(Unpriced),
}

/// Why a delivered message could not be priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unpriced {
    /// Sent before 2021-02-01 (PRE-7).
    BeforeTemplatePricing,
    /// The user's number maps to no market (DEF-1).
    Market(LookupError),
    /// The Mexico test priced only +52 numbers (MX-1).
    MexicoOnly,
    NoCard {
        currency: String,
        date: NaiveDate,
    },
    NoRate {
        card: NaiveDate,
        currency: String,
        category: Category,
        market: String,
    },
}

impl fmt::Display for Unpriced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unpriced::BeforeTemplatePricing => f.write_str(
                "sent before 2021-02-01: template pricing, whose rates Meta never published",
            ),
            Unpriced::Market(e) => e.fmt(f),
            Unpriced::MexicoOnly => f.write_str(
                "mx-2021-02 prices only +52 numbers; others were on template pricing, whose rates Meta never published",
            ),
            Unpriced::NoCard { currency, date } => {
                write!(f, "no {currency} rate card in force on {date}")
            }
            Unpriced::NoRate {
                card,
                currency,
                category,
                market,
            } => write!(
                f,
                "the {card} {currency} card has no {category} rate for {market}"
            ),
        }
    }
}

/// One outbound message with its pricing.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub line: u64,
    pub time: i64,
    pub phone: u32,
    pub user: u64,
    pub waba: u32,
    /// Local date in the WABA timezone.
    pub date: NaiveDate,
    pub era: Option<RulesVersion>,
    pub market: Option<u16>,
    pub outcome: Outcome,
    pub model: Option<Model>,
    /// `pricing.category` as Meta would send it (conversation category under CBP).
    pub category: Option<&'static str>,
    /// The category row of the summary this message counts in.
    pub summary_category: Option<Category>,
    pub pricing_type: Option<PricingType>,
    pub conversation: Option<u64>,
    /// Whether this message opened its conversation (conversation rules).
    pub opened: bool,
    pub tier: Option<u8>,
    pub band: Option<(u64, Option<u64>)>,
    pub rate: Option<Decimal>,
    pub amount: Decimal,
    pub card: Option<NaiveDate>,
    /// The rule that decided the classification: an ID of docs/rules.md, one of `RULE_IDS`.
    pub rule: &'static str,
}

impl Priced {
    /// A message not priced yet: free, no market, no rule.
    pub(super) fn new(event: &Event, date: NaiveDate, era: Option<RulesVersion>) -> Priced {
        Priced {
            line: event.line,
            time: event.time,
            phone: event.phone,
            user: event.user,
            waba: event.waba,
            date,
            era,
            market: None,
            outcome: Outcome::Free(None),
            model: None,
            category: None,
            summary_category: None,
            pricing_type: None,
            conversation: None,
            opened: false,
            tier: None,
            band: None,
            rate: None,
            amount: Decimal::ZERO,
            card: None,
            rule: "",
        }
    }
}
