//! What a comparison says beyond the estimates: which card each model was priced with and
//! why, what stops a model from being priced, and the answer to "what does the last switch of
//! rules change for this month". Every reason is data (a kind and its figures) with its
//! English sentence written here once, as `note.rs` does for an estimate's notes.

use crate::category::Category;
use crate::money::{group_thousands, Amount, UnitPrice};
use crate::scenario::{long_date, ModelName, RulesVersion};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which card each rules version is priced with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardsFor {
    /// Each model on the card of its time (the card `estimate` would use in its last month,
    /// or in the chosen month for the month's own model), so an old model shows what it
    /// cost then: the rules and the prices of its time.
    #[default]
    OfTheirTime,
    /// Every model on the month's one card, so differences come from the rules alone.
    Same,
}

impl CardsFor {
    pub const NAMES: [&'static str; 2] = ["of-their-time", "same"];

    pub fn as_str(self) -> &'static str {
        match self {
            CardsFor::OfTheirTime => "of-their-time",
            CardsFor::Same => "same",
        }
    }
}

/// A word that names no comparison mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseCardsForError {
    pub text: String,
}

impl fmt::Display for ParseCardsForError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a comparison mode (of-their-time or same)",
            self.text
        )
    }
}

impl std::error::Error for ParseCardsForError {}

impl FromStr for CardsFor {
    type Err = ParseCardsForError;

    /// `of-their-time` (also `of_their_time`, as JSON writes it) or `same`.
    fn from_str(text: &str) -> Result<CardsFor, ParseCardsForError> {
        match text.trim() {
            "of-their-time" | "of_their_time" => Ok(CardsFor::OfTheirTime),
            "same" => Ok(CardsFor::Same),
            _ => Err(ParseCardsForError {
                text: text.to_string(),
            }),
        }
    }
}

/// A market and a category: one cell of a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub market: String,
    pub category: Category,
}

/// What a card lacks to price a sheet: whole markets, whole categories, single cells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lacks {
    pub markets: Vec<String>,
    pub categories: Vec<Category>,
    pub rates: Vec<Cell>,
}

impl Lacks {
    pub fn is_empty(&self) -> bool {
        self.markets.is_empty() && self.categories.is_empty() && self.rates.is_empty()
    }
}

/// `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl fmt::Display for Lacks {
    /// "Rest of Africa and Pakistan, any service rate, and the authentication rate of India".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if !self.markets.is_empty() {
            parts.push(and_list(&self.markets));
        }
        for category in &self.categories {
            parts.push(format!("any {category} rate"));
        }
        for cell in &self.rates {
            parts.push(format!("the {} rate of {}", cell.category, cell.market));
        }
        f.write_str(&and_list(&parts))
    }
}

/// Why a version was priced with its card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CardReason {
    /// `--cards same`: the month's one card for every version.
    Same,
    /// The month's own model: the card `estimate` uses for the month (the scenario's
    /// `rate_card`, or the card in force on the 1st).
    OfTheMonth {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        month: Option<String>,
        /// The scenario chose the card.
        chosen: bool,
    },
    /// An earlier model: the card in force in its last month.
    LastMonth { month: String },
    /// A model still in force that starts after the month: the currency's latest card.
    StillInForce,
    /// The card of its time (`instead_of`) cannot price the sheet: the latest card in force
    /// during the model that can.
    LatestDuringModel { instead_of: String, lacks: Lacks },
    /// Neither can: the latest complete card of the currency. `instead_of` is none when no
    /// card of the currency was in force in the model's time.
    LatestComplete {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        instead_of: Option<String>,
        lacks: Lacks,
    },
}

impl CardReason {
    /// The sentence, given the currency and the card used.
    pub fn english(&self, currency: &str, card: &str) -> String {
        match self {
            CardReason::Same => format!("the month's {currency} {card} card, for every model"),
            CardReason::OfTheMonth { chosen: true, .. } => {
                format!("the {currency} {card} card chosen for the month")
            }
            CardReason::OfTheMonth { month, .. } => match month {
                Some(month) => format!("the {currency} {card} card, in force in {month}"),
                None => format!("the {currency} {card} card"),
            },
            CardReason::LastMonth { month } => format!(
                "the {currency} {card} card, in force in the model's last month ({month})"
            ),
            CardReason::StillInForce => format!(
                "the {currency} {card} card, the latest, as the model is still in force"
            ),
            CardReason::LatestDuringModel { instead_of, lacks } => format!(
                "the {currency} {card} card, the latest in force during the model that prices the sheet (the {instead_of} card lacks {lacks})"
            ),
            CardReason::LatestComplete { instead_of, lacks } => match instead_of {
                Some(instead_of) => format!(
                    "the {currency} {card} card, the latest complete {currency} card (the {instead_of} card of the model's time lacks {lacks}, and no card in force during the model prices the sheet)"
                ),
                None => format!(
                    "the {currency} {card} card, the latest complete {currency} card (no {currency} card was in force in the model's time)"
                ),
            },
        }
    }
}

/// Why a version cannot be priced with any card it may use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CannotPrice {
    /// The card of the model's time lacks what the sheet needs, and so does every card it
    /// could fall back on.
    CardLacks {
        currency: String,
        card: String,
        lacks: Lacks,
    },
    /// No card of the currency was in force in the model's time, and no complete card of the
    /// currency prices the sheet.
    NoCard { currency: String, month: String },
    /// The 2021 test priced conversations to Mexico only; no card prices other destinations.
    OnlyMexico { markets: Vec<String> },
    /// Another problem of the sheet under these rules (the version's `errors` say which).
    Other,
}

impl fmt::Display for CannotPrice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CannotPrice::CardLacks {
                currency,
                card,
                lacks,
            } => write!(
                f,
                "cannot be priced: the {currency} {card} card lacks {lacks}"
            ),
            CannotPrice::NoCard { currency, month } => write!(
                f,
                "cannot be priced: no {currency} card was in force in {month}, and no complete {currency} card prices the sheet"
            ),
            CannotPrice::OnlyMexico { markets } => write!(
                f,
                "cannot be priced: the test priced conversations to Mexico only, and the sheet has {}",
                and_list(markets)
            ),
            CannotPrice::Other => f.write_str("cannot be priced (see the errors)"),
        }
    }
}

/// A version's figures minus the current model's: positive when it costs more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionDifference {
    pub meta_total: Amount,
    pub total: Amount,
}

/// One side of the answer: a model, the card it was priced with, and its total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerSide {
    pub rules: RulesVersion,
    pub name: ModelName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta_total: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cannot_price: Option<CannotPrice>,
}

/// What a newer model does differently with a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleChange {
    /// `pmp-2026-10`: service messages beyond 1,000 per phone number are charged.
    ServiceCharged,
    /// `pmp-2026-10`: utility templates inside the customer service window are charged.
    UtilityInWindowCharged,
    /// `pmp-2025-07`: each delivered template is charged, not each conversation.
    PerMessage,
    /// `cbp-2024-11`: every service conversation is free.
    ServiceConversationsFree,
    /// `cbp-2023-06`: conversations by category instead of by who started them.
    ConversationsByCategory,
    /// `cbp-2022-02`: conversations for every country, not Mexico only.
    ConversationsEverywhere,
    /// Any other difference between the two rules.
    Other,
}

impl RuleChange {
    /// The change from `before` to `after` for a category (adjacent versions).
    pub fn between(before: RulesVersion, after: RulesVersion, category: Category) -> RuleChange {
        use RulesVersion::*;
        match (before, after, category) {
            (Pmp2025_07, Pmp2026_10, Category::Service) => RuleChange::ServiceCharged,
            (Pmp2025_07, Pmp2026_10, Category::Utility) => RuleChange::UtilityInWindowCharged,
            (Cbp2024_11, Pmp2025_07, _) => RuleChange::PerMessage,
            (Cbp2023_06, Cbp2024_11, Category::Service) => RuleChange::ServiceConversationsFree,
            (Cbp2022_02, Cbp2023_06, _) => RuleChange::ConversationsByCategory,
            (Mx2021_02, Cbp2022_02, _) => RuleChange::ConversationsEverywhere,
            _ => RuleChange::Other,
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            RuleChange::ServiceCharged => {
                "service messages beyond 1,000 per phone number are now charged"
            }
            RuleChange::UtilityInWindowCharged => {
                "utility templates inside the customer service window are now charged"
            }
            RuleChange::PerMessage => {
                "each delivered template is charged instead of each 24-hour conversation"
            }
            RuleChange::ServiceConversationsFree => "every service conversation is free",
            RuleChange::ConversationsByCategory => {
                "conversations are charged by category instead of by who started them"
            }
            RuleChange::ConversationsEverywhere => {
                "conversation pricing covers every country, not Mexico only"
            }
            RuleChange::Other => "the rules treat it differently",
        }
    }
}

/// A market whose rate differs between two cards (`old` or `new` none where the card has no
/// rate for it: a market split off, or not yet listed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateMove {
    pub market: String,
    #[serde(default)]
    pub old: Option<UnitPrice>,
    #[serde(default)]
    pub new: Option<UnitPrice>,
}

/// One part of an effect: a category, or the provider's fees. `amount` = `after` − `before`,
/// and the reasons of an effect add up to its amount exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EffectReason {
    /// The newer rules charge a category differently (the rule effect).
    Rules {
        category: Category,
        change: RuleChange,
        before_charged: u64,
        after_charged: u64,
        before: Amount,
        after: Amount,
        amount: Amount,
    },
    /// The older card prices a category differently (the card effect): the sheet's markets
    /// whose rate moved.
    Rates {
        category: Category,
        before: Amount,
        after: Amount,
        amount: Amount,
        rates: Vec<RateMove>,
    },
    /// The provider's fees, which follow Meta's charge and the units charged.
    ProviderFees {
        before: Amount,
        after: Amount,
        amount: Amount,
    },
}

impl EffectReason {
    pub fn amount(&self) -> Amount {
        match self {
            EffectReason::Rules { amount, .. }
            | EffectReason::Rates { amount, .. }
            | EffectReason::ProviderFees { amount, .. } => *amount,
        }
    }
}

/// `+1,234.50` or `-3.00`.
pub(crate) fn signed(amount: Amount) -> String {
    let text = group_thousands(&amount.to_string());
    if amount.value().is_sign_negative() {
        text
    } else {
        format!("+{text}")
    }
}

impl fmt::Display for EffectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EffectReason::Rules {
                category,
                change,
                amount,
                ..
            } => write!(f, "{category}: {} ({})", change.english(), signed(*amount)),
            EffectReason::Rates {
                category,
                amount,
                rates,
                ..
            } => {
                write!(f, "{category} rates ({})", signed(*amount))?;
                let moves: Vec<String> = rates
                    .iter()
                    .map(|m| match (m.old, m.new) {
                        (Some(old), Some(new)) => format!("{} {old} → {new}", m.market),
                        (None, Some(new)) => format!("{} new at {new}", m.market),
                        (Some(old), None) => format!("{} was {old}", m.market),
                        (None, None) => m.market.clone(),
                    })
                    .collect();
                if !moves.is_empty() {
                    write!(f, ": {}", moves.join(", "))?;
                }
                Ok(())
            }
            EffectReason::ProviderFees { amount, .. } => {
                write!(f, "the provider's fees ({})", signed(*amount))
            }
        }
    }
}

/// The rule effect: both rules on the same card (the current model's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleEffect {
    pub amount: Amount,
    pub rate_card: String,
    pub reasons: Vec<EffectReason>,
}

/// The card effect: the older rules on their own card against the current model's card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardEffect {
    pub amount: Amount,
    pub from_card: String,
    pub to_card: String,
    pub reasons: Vec<EffectReason>,
}

/// Why the answer has no figure, or no split of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Unanswered {
    /// The month's own model cannot be priced.
    CurrentCannotBePriced { cannot_price: CannotPrice },
    /// The model before the switch cannot be priced.
    BeforeCannotBePriced { cannot_price: CannotPrice },
    /// The difference stands, but the older rules cannot be priced on the current card (the
    /// two eras' cards price different categories), so rules and card cannot be told apart.
    NoSplit { cannot_price: CannotPrice },
}

/// The answer to "what does the last switch of rules change for this month": the month's
/// model against the one before it, the difference split into what the rules do (both on the
/// current card) and what the card does (the older model's own card against the current one).
/// Serialised with its English `sentence`, written only then: a page that words the answer
/// itself never formats it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Answer {
    /// The day the month's rules took effect.
    pub switch: String,
    pub current: AnswerSide,
    pub before: AnswerSide,
    pub currency: String,
    /// `current.total` − `before.total`: positive when the month costs more now.
    #[serde(default)]
    pub difference: Option<Amount>,
    #[serde(default)]
    pub rule_effect: Option<RuleEffect>,
    #[serde(default)]
    pub card_effect: Option<CardEffect>,
    #[serde(default)]
    pub unanswered: Option<Unanswered>,
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Answer", 9)?;
        out.serialize_field("switch", &self.switch)?;
        out.serialize_field("current", &self.current)?;
        out.serialize_field("before", &self.before)?;
        out.serialize_field("currency", &self.currency)?;
        match &self.difference {
            Some(difference) => out.serialize_field("difference", difference)?,
            None => out.skip_field("difference")?,
        }
        match &self.rule_effect {
            Some(effect) => out.serialize_field("rule_effect", effect)?,
            None => out.skip_field("rule_effect")?,
        }
        match &self.card_effect {
            Some(effect) => out.serialize_field("card_effect", effect)?,
            None => out.skip_field("card_effect")?,
        }
        match &self.unanswered {
            Some(unanswered) => out.serialize_field("unanswered", unanswered)?,
            None => out.skip_field("unanswered")?,
        }
        out.serialize_field("sentence", &self.english())?;
        out.end()
    }
}

impl Answer {
    /// The answer in English, its JSON's `sentence`: "This month costs USD 20.50 more than under the rules before 1
    /// October 2026 (…), because …".
    pub fn english(&self) -> String {
        let switch = crate::date::parse_date(&self.switch)
            .map(long_date)
            .unwrap_or_else(|| self.switch.clone());
        let before = format!(
            "the rules before {switch} ({}{})",
            self.before.name,
            self.before
                .rate_card
                .as_ref()
                .map(|card| format!(", {} {card} card", self.currency))
                .unwrap_or_default()
        );
        let Some(difference) = self.difference else {
            let why = match &self.unanswered {
                Some(Unanswered::CurrentCannotBePriced { cannot_price }) => {
                    format!("this month's model {cannot_price}")
                }
                Some(Unanswered::BeforeCannotBePriced { cannot_price }) => {
                    format!("that model {cannot_price}")
                }
                _ => "one of the two cannot be priced".into(),
            };
            return format!("This month cannot be set against {before}: {why}.");
        };
        let value = difference.value();
        let how_much = if value.is_zero() {
            "the same as".to_string()
        } else {
            let magnitude = Amount::new(value.abs());
            format!(
                "{} {} {} than",
                self.currency,
                group_thousands(&magnitude.to_string()),
                if value.is_sign_negative() {
                    "less"
                } else {
                    "more"
                }
            )
        };
        let mut sentence = format!("This month costs {how_much} under {before}");
        let effect = |subject: &str, amount: Amount, reasons: &[EffectReason]| {
            let value = amount.value();
            let magnitude = group_thousands(&Amount::new(value.abs()).to_string());
            let mut part = if value.is_zero() {
                format!("{subject} change nothing")
            } else if value.is_sign_negative() {
                format!("{subject} take off {} {magnitude}", self.currency)
            } else {
                format!("{subject} add {} {magnitude}", self.currency)
            };
            if !reasons.is_empty() {
                let listed: Vec<String> = reasons.iter().map(ToString::to_string).collect();
                part.push_str(&format!(" ({})", listed.join("; ")));
            }
            part
        };
        let mut parts = Vec::new();
        if let Some(rules) = &self.rule_effect {
            parts.push(effect("the rules", rules.amount, &rules.reasons));
        }
        if let Some(card) = self
            .card_effect
            .as_ref()
            .filter(|c| c.from_card != c.to_card)
        {
            parts.push(effect(
                &format!(
                    "the prices of the {} card against the {} card",
                    card.to_card, card.from_card
                ),
                card.amount,
                &card.reasons,
            ));
        }
        if !parts.is_empty() {
            sentence.push_str(": ");
            sentence.push_str(&parts.join("; "));
        }
        if let Some(Unanswered::NoSplit { cannot_price }) = &self.unanswered {
            sentence.push_str(&format!(
                "; rules and card cannot be told apart: on this month's card the older rules {cannot_price}"
            ));
        }
        sentence.push('.');
        sentence
    }
}
