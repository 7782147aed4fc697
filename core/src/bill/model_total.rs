//! A log's total under one pricing model, or why that model cannot price it. "Check a log"
//! bills the same events under every other rules version (`web`'s alternates); a model that
//! leaves delivered messages unpriced for a reason of its own (the Mexico test outside Mexico,
//! a card without the model's categories) has no total to show: a sum of the messages it could
//! price would read as a cheaper model. It is reported as "cannot price", with each reason
//! typed, so the page says "not applicable" in its own words.
//!
//! Messages no model can price (a number in no market, DEF-1) do not make a model inapplicable:
//! every model leaves them out alike, and the bill's warnings count them.

use super::classify::Unpriced;
use super::summary::Summary;
use crate::category::Category;
use crate::money::Amount;
use serde::Serialize;
use std::fmt;

/// A log's total under one model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ModelTotal {
    /// Every delivered message the model applies to is priced.
    Priced {
        /// Charged units (messages, or conversations under conversation rules).
        charged: u64,
        meta_total: Amount,
    },
    /// The model leaves messages unpriced for reasons of its own: no total.
    CannotPrice { reasons: Vec<CannotPrice> },
}

/// One reason a model cannot price a log, with the delivered messages it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CannotPrice {
    pub messages: u64,
    pub reason: ModelGap,
}

/// Why a model cannot price some messages of a log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ModelGap {
    /// Sent before 2021-02-01, when messages were priced per template (PRE-7).
    BeforeTemplatePricing,
    /// The Mexico test priced only +52 numbers (MX-1).
    MexicoOnly,
    /// No card of the currency in force on a date.
    NoCard { currency: String, date: String },
    /// The card lacks the model's rate for a market and category (the model is of another era
    /// than the card, or the card is partial).
    NoRate {
        card: String,
        currency: String,
        category: Category,
        market: String,
    },
}

impl ModelGap {
    /// The gap of an unpriced message, or `None` when no model could price it.
    fn of(reason: &Unpriced) -> Option<ModelGap> {
        Some(match reason {
            Unpriced::Market(_) => return None,
            Unpriced::BeforeTemplatePricing => ModelGap::BeforeTemplatePricing,
            Unpriced::MexicoOnly => ModelGap::MexicoOnly,
            Unpriced::NoCard { currency, date } => ModelGap::NoCard {
                currency: currency.clone(),
                date: date.to_string(),
            },
            Unpriced::NoRate {
                card,
                currency,
                category,
                market,
            } => ModelGap::NoRate {
                card: card.to_string(),
                currency: currency.clone(),
                category: *category,
                market: market.clone(),
            },
        })
    }
}

impl fmt::Display for ModelGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelGap::BeforeTemplatePricing => f.write_str(
                "sent before 2021-02-01: template pricing, whose rates Meta never published",
            ),
            ModelGap::MexicoOnly => f.write_str("the Mexico test priced only +52 numbers"),
            ModelGap::NoCard { currency, date } => {
                write!(f, "no {currency} rate card in force on {date}")
            }
            ModelGap::NoRate {
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

impl fmt::Display for CannotPrice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} message(s): {}", self.messages, self.reason)
    }
}

impl ModelTotal {
    /// The total of a bill's running summary, or why there is none.
    pub fn of(summary: &Summary) -> ModelTotal {
        let reasons: Vec<CannotPrice> = summary
            .unpriced()
            .filter_map(|(reason, messages)| {
                Some(CannotPrice {
                    messages,
                    reason: ModelGap::of(reason)?,
                })
            })
            .collect();
        if reasons.is_empty() {
            ModelTotal::Priced {
                charged: summary.charged(),
                meta_total: Amount::new(summary.total()),
            }
        } else {
            ModelTotal::CannotPrice { reasons }
        }
    }
}
