//! Why an estimate's figures are what they are, as data: how volume tiers count, and why a
//! market's authentication is priced at its international rate. Not warnings (nothing is
//! wrong or assumed beyond the rules): the page shows them beside the ladder and the market,
//! worded in its language from the kind and the figures; `english` is the core's sentence,
//! which `Estimate::explanations` carries and the command line prints.

use crate::category::Category;
use crate::locale::Locale;
use crate::money::{group_thousands, UnitPrice};
use crate::money_format::MoneyFormat;
use crate::scenario::{field_list, FieldPath};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PricingNote {
    /// Tiered categories are priced on a ladder: Meta counts their charged messages per business
    /// portfolio, market and calendar month, and free messages do not count (TIER-2 to TIER-4).
    TierCounting { categories: Vec<Category> },
    /// A market's authentication is priced at the authentication-international rate (AI-1):
    /// the business is eligible (`auth_international`), the card has the rate for the market,
    /// and the lines' country differs from `business_country`, or none is given (AI-5).
    AuthInternational {
        market: String,
        /// The lines priced at the international rate.
        lines: Vec<usize>,
        /// Charged messages at the international rate.
        messages: u64,
        currency: String,
        /// The international list rate (tier 1).
        rate: UnitPrice,
        /// The domestic authentication list rate, when the card has one.
        domestic_rate: Option<UnitPrice>,
        /// `rate / domestic_rate`, rounded half up to one decimal (`21.7` for India, 0.0304
        /// against 0.0014).
        multiple: Option<String>,
        /// `None`: none was given, so every line is international (AI-5).
        business_country: Option<String>,
    },
}

impl PricingNote {
    /// The English sentence, as `Estimate::explanations` and the command line show it.
    pub fn english(&self) -> String {
        match self {
            PricingNote::TierCounting { categories } => {
                let names: Vec<&str> = categories.iter().map(|c| c.as_str()).collect();
                format!(
                    "Volume tiers ({}): Meta counts charged messages per business portfolio, market and calendar month, every WABA and provider of the portfolio on one counter, and free messages do not count; this estimate takes these lines as the portfolio's whole month in each market.",
                    names.join(", ")
                )
            }
            PricingNote::AuthInternational {
                market,
                lines,
                messages,
                currency,
                rate,
                domestic_rate,
                multiple,
                business_country,
            } => {
                let money = MoneyFormat::new(currency, Locale::En);
                let against = match (domestic_rate, multiple) {
                    (Some(domestic), Some(multiple)) => format!(
                        ", {multiple} times the domestic {}",
                        money.rate(domestic.value())
                    ),
                    _ => String::new(),
                };
                let paths: Vec<FieldPath> = lines.iter().map(|&i| FieldPath::line(i)).collect();
                let lines = field_list(&paths);
                let why = match business_country {
                    Some(home) => {
                        format!("the country of {lines} differs from business_country {home}")
                    }
                    None => format!(
                        "no business_country is given, so {lines} count as international (an eligible business without a primary location pays the international rate)"
                    ),
                };
                format!(
                    "{market} authentication: {} message(s) at the authentication-international rate, {} each{against}, because auth_international says the business is eligible, the card has an international rate for {market}, and {why}.",
                    group_thousands(&messages.to_string()),
                    money.rate(rate.value()),
                )
            }
        }
    }
}

impl fmt::Display for PricingNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}
