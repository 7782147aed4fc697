//! What a user should know about an estimate, as data. `Estimate::warnings` holds the English
//! sentence of each note, in the same order; a front end in another language writes its own
//! sentence from the kind and the figures, so no rule is restated outside the core.

use crate::category::Category;
use crate::locale::Locale;
use crate::money::{group_thousands, Amount};
use crate::money_format::MoneyFormat;
use crate::scenario::{field_list, FieldPath, RulesVersion};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// The card is held only in part in this build.
    PartialCard {
        currency: String,
        card: String,
        /// Markets with rates on the card.
        markets: usize,
        /// Meta's markets the card has no rate for.
        missing_markets: usize,
    },
    /// Another card takes effect inside the month; the whole month is priced with `card`.
    CardChangesInMonth {
        currency: String,
        month: String,
        card: String,
        next_card: String,
    },
    /// The chosen card is not the one in force on the 1st of the month.
    CardNotInForce {
        currency: String,
        card: String,
        first_day: String,
        in_force: String,
    },
    /// The chosen rules are not those in force in the month.
    RulesNotOfMonth {
        rules: RulesVersion,
        month: String,
        in_force: RulesVersion,
    },
    /// The Mexico test's free conversations are an assumption (`free_conversations`).
    MexicoFreeConversations { free_conversations: u64 },
    /// Marketing to +1 United States numbers is not delivered since April 2025; these lines
    /// are priced as if it were.
    UsMarketingNotDelivered {
        lines: Vec<usize>,
        marketing: u64,
        /// The lines are given as the North America market, not as the US.
        by_market: bool,
    },
    /// A tiered category priced at the list rate for lack of a published ladder.
    NoLadder {
        market: String,
        category: Category,
        currency: String,
        card: String,
    },
    /// A category priced with the user's rate; `flat` when it replaced a tiered rate.
    CustomRate {
        market: String,
        category: Category,
        flat: bool,
        currency: String,
        card: String,
    },
    /// The market and category that cost the most, and the scenario fields it rests on.
    MainDriver {
        market: String,
        category: Category,
        /// Share of Meta's charge in percent, e.g. `88.78`.
        percent: String,
        currency: String,
        amount: Amount,
        /// In English, with their values, as `Driver::assumptions`.
        assumptions: Vec<String>,
        /// The same as scenario field paths (`entry_point`, `lines.marketing`, …).
        fields: Vec<String>,
    },
}

impl Note {
    /// The English sentence, as `Estimate::warnings` and the command line show it.
    pub fn english(&self) -> String {
        match self {
            Note::PartialCard {
                currency,
                card,
                markets,
                missing_markets,
            } => format!(
                "The {currency} {card} card is held only in part in this build ({markets} markets have rates, {missing_markets} of Meta's markets have none): a market it lacks cannot be priced without custom_rates."
            ),
            Note::CardChangesInMonth {
                currency,
                month,
                card,
                next_card,
            } => format!(
                "A new {currency} rate card takes effect on {next_card}, inside {month}: this estimate prices the whole month with the {card} card."
            ),
            Note::CardNotInForce {
                currency,
                card,
                first_day,
                in_force,
            } => format!(
                "You chose the {currency} {card} card; the card in force on {first_day} is {in_force}."
            ),
            Note::RulesNotOfMonth {
                rules,
                month,
                in_force,
            } => format!(
                "You chose the {rules} rules; the rules in force in {month} are {in_force}."
            ),
            Note::MexicoFreeConversations { free_conversations } => format!(
                "The Mexico test's monthly free conversations are taken as {} (free_conversations): one provider published 1,500, another 1,000, and Meta's page only says \"a free tier\".",
                group_thousands(&free_conversations.to_string())
            ),
            Note::UsMarketingNotDelivered {
                lines,
                marketing,
                by_market,
            } => us_marketing(lines, *marketing, *by_market),
            Note::NoLadder {
                market,
                category,
                currency,
                card,
            } => format!(
                "{market} {category}: the {currency} {card} card has no published volume-tier ladder, so every message is priced at the list rate; the amount is an upper bound."
            ),
            Note::CustomRate {
                market,
                category,
                flat,
                currency,
                card,
            } => format!(
                "{market} {category} is priced with your custom rate{}, not with Meta's {currency} {card} card.",
                if *flat {
                    " at a flat rate (Meta's tier ladder belongs to Meta's list rate; add custom_tiers to tier it)"
                } else {
                    ""
                }
            ),
            Note::MainDriver {
                market,
                category,
                percent,
                currency,
                amount,
                assumptions,
                ..
            } => format!(
                "{market} {category} is {percent}% of Meta's charge ({}); it rests on {}.",
                MoneyFormat::new(currency, Locale::En).amount(amount.value()),
                assumptions.join(", ")
            ),
        }
    }
}

/// The sentence of `Note::UsMarketingNotDelivered`.
fn us_marketing(lines: &[usize], marketing: u64, by_market: bool) -> String {
    format!(
        "{}: marketing templates to +1 United States numbers are not delivered (since April 2025), so Meta charges nothing for them; the {} marketing messages {} are priced here as if they were delivered.",
        field_list(&lines.iter().map(|&i| FieldPath::line(i)).collect::<Vec<_>>()),
        group_thousands(&marketing.to_string()),
        if by_market {
            "to North America (which includes the United States)"
        } else {
            "to the United States"
        }
    )
}
