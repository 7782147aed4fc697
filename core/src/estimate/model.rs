//! The estimate as every front end receives it: counts as integers, money as exact decimals
//! that serialise as strings (`Amount`, `UnitPrice`), so JSON, JavaScript and the terminal all
//! show the same figures.

use super::compare::model::{Answer, CannotPrice, CardReason, CardsFor, VersionDifference};
use super::ladder::TierLadder;
use super::note::Note;
use super::pricing_note::PricingNote;
use crate::category::Category;
use crate::money::{Amount, UnitPrice};
use crate::scenario::{ModelName, PerMessageOn, RulesVersion};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    pub rules: RulesVersion,
    /// Effective date of the card priced with, `YYYY-MM-DD`.
    pub rate_card: String,
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    /// What `charged` counts: `messages` (per-message eras) or `conversations`.
    pub unit: String,
    pub markets: Vec<MarketEstimate>,
    /// The whole ladder of every category priced on one, market by market (`ladder.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ladders: Vec<TierLadder>,
    /// Meta's charge.
    pub meta_total: Amount,
    /// The provider's fees.
    pub bsp_fees: Amount,
    pub bsp: BspBreakdown,
    pub total: Amount,
    /// Whether any figure rests on a rate or ladder the user supplied.
    pub custom: bool,
    /// The market and category that cost the most, and the inputs it depends on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_driver: Option<Driver>,
    pub warnings: Vec<String>,
    /// The same as data, one per warning and in the same order, for front ends that write
    /// their own sentences (another language, a link to the field).
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Why figures are what they are (how tiers count, why a rate applies), in English
    /// sentences: not warnings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanations: Vec<String>,
    /// The same as data, one per explanation and in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pricing_notes: Vec<PricingNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketEstimate {
    pub market: String,
    /// Countries of the lines priced here (lines given by market add none).
    pub countries: Vec<String>,
    /// Indexes of the scenario's lines summed into this market.
    pub lines: Vec<usize>,
    pub delivered: u64,
    pub amount: Amount,
    /// `amount / delivered`, rounded half-up to 6 decimals for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_delivered: Option<UnitPrice>,
    pub categories: Vec<CategoryEstimate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryEstimate {
    pub category: Category,
    /// Delivered messages.
    pub delivered: u64,
    pub free: Free,
    /// Conversations opened (conversation eras only), before the free allowance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversations: Option<u64>,
    /// Charged messages, or charged conversations under conversation rules.
    pub charged: u64,
    /// The list rate (tier 1 where tiered), as a decimal string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<UnitPrice>,
    /// Telescopic bands used, for tiered categories priced on a ladder; empty otherwise.
    pub bands: Vec<BandEstimate>,
    pub amount: Amount,
    /// The rate or ladder came from `custom_rates` / `custom_tiers`.
    pub custom: bool,
    /// A tiered category priced at list for lack of a published ladder: the amount is an upper bound.
    pub upper_bound: bool,
    /// `amount / charged`, rounded half-up to 6 decimals for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_charged: Option<UnitPrice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_tier: Option<NextTier>,
}

impl CategoryEstimate {
    /// A placeholder replaced once the category is priced.
    pub(crate) fn empty(category: Category) -> CategoryEstimate {
        CategoryEstimate {
            category,
            delivered: 0,
            free: Free::default(),
            conversations: None,
            charged: 0,
            rate: None,
            bands: Vec::new(),
            amount: Amount::ZERO,
            custom: false,
            upper_bound: false,
            cost_per_charged: None,
            next_tier: None,
        }
    }
}

/// Messages (entry point, window) and conversations or messages (allowance) that cost nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Free {
    /// Messages delivered in a free entry point window.
    pub entry_point: u64,
    /// Messages free because they fall in a customer service window (utility in window under
    /// `pmp-2025-07` and `cbp-2022-02`, service under `pmp-2025-07`).
    pub window: u64,
    /// Units taken by a monthly free allowance, or free by rule (service under `cbp-2024-11`);
    /// conversations under conversation rules, messages otherwise.
    pub allowance: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandEstimate {
    pub tier: u8,
    pub from: u64,
    pub to: Option<u64>,
    pub count: u64,
    pub rate: UnitPrice,
    pub amount: Amount,
}

/// Where the month's counter stands against the next band of the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextTier {
    pub tier: u8,
    /// First message number of the next band.
    pub from: u64,
    /// More charged messages (of this tier family, this market) until one is priced at the
    /// next band: the last of them is the first at its rate.
    pub messages_to_go: u64,
    pub rate: UnitPrice,
    /// Current band rate minus the next band's, per message.
    pub saving_per_message: UnitPrice,
}

/// The provider's fees by kind, each with what it multiplies, so a reader can redo every
/// product: `per_message = per_message_count × per_message_fee`, `markup = markup_fraction ×
/// meta_total`, `per_number = phone_numbers × per_number_fee`. The four amounts are exact and
/// add up to `bsp_fees` exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BspBreakdown {
    pub per_message: Amount,
    pub markup: Amount,
    pub monthly: Amount,
    pub per_number: Amount,
    /// What the per-message fee counts: charged units (messages, or conversations under
    /// conversation rules) or delivered messages.
    #[serde(default)]
    pub per_message_on: PerMessageOn,
    /// The units the per-message fee is charged on.
    #[serde(default)]
    pub per_message_count: u64,
    /// The scenario's `bsp.per_message`, as given.
    #[serde(default, with = "rust_decimal::serde::str")]
    pub per_message_fee: Decimal,
    /// The scenario's `bsp.markup`, a fraction of Meta's charge, as given.
    #[serde(default, with = "rust_decimal::serde::str")]
    pub markup_fraction: Decimal,
    /// The scenario's `phone_numbers`.
    #[serde(default)]
    pub phone_numbers: u64,
    /// The scenario's `bsp.per_number`, as given.
    #[serde(default, with = "rust_decimal::serde::str")]
    pub per_number_fee: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Driver {
    pub market: String,
    pub category: Category,
    pub amount: Amount,
    /// Share of `meta_total`, rounded half-up to 4 decimals.
    pub share: String,
    /// Scenario fields this figure depends on most.
    pub assumptions: Vec<String>,
}

/// The same scenario under every rules version, each on the card of its time or all on the
/// month's one card (`cards`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// The month's card: the card `estimate` uses for the month (every version's, with
    /// `cards: same`).
    pub rate_card: String,
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    /// Which card each version is priced with.
    #[serde(default)]
    pub cards: CardsFor,
    /// The month's own model, which `versions[].difference` is against.
    pub current: RulesVersion,
    pub versions: Vec<VersionResult>,
    pub differences: Vec<Difference>,
    /// The month's rules against the rules they replaced; none under the first rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionResult {
    pub rules: RulesVersion,
    /// The model in words and its months.
    pub name: ModelName,
    pub summary: String,
    /// The card this version was priced with (or, when it cannot be priced, its card of its
    /// time); none when its currency had no card then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<String>,
    /// Why that card.
    pub card_reason: CardReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Estimate>,
    /// Why this version cannot price the scenario (one line per problem).
    pub errors: Vec<String>,
    /// The same as data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cannot_price: Option<CannotPrice>,
    /// This version's totals minus the current model's (when both are priced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<VersionDifference>,
    /// The problems behind `errors` as data, one per field, for a surface that words them in
    /// its own language (not in the JSON, which carries `errors`); empty when `cannot_price`
    /// alone says why (no card of the currency in the model's time).
    #[serde(skip)]
    pub problems: Vec<crate::scenario::FieldError>,
}

/// One market and category across the versions that price it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    pub market: String,
    pub category: Category,
    pub amounts: Vec<VersionAmount>,
    /// Whether the amounts differ between the versions that price this row.
    pub differs: bool,
    /// How each version treats this category.
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionAmount {
    pub rules: RulesVersion,
    pub charged: u64,
    pub amount: Amount,
}
