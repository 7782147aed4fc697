//! Pricing categories as Meta names them on rate cards and in webhooks.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use serde::{Deserialize, Serialize};
use std::fmt;

/// A column of a rate card. The first five are the per-message (and 2023-2025 conversation)
/// categories; `BusinessInitiated`/`UserInitiated` exist only on the 2021-2023 cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Marketing,
    Utility,
    Authentication,
    AuthenticationInternational,
    Service,
    BusinessInitiated,
    UserInitiated,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Marketing,
        Category::Utility,
        Category::Authentication,
        Category::AuthenticationInternational,
        Category::Service,
        Category::BusinessInitiated,
        Category::UserInitiated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Marketing => "marketing",
            Category::Utility => "utility",
            Category::Authentication => "authentication",
            Category::AuthenticationInternational => "authentication_international",
            Category::Service => "service",
            Category::BusinessInitiated => "business_initiated",
            Category::UserInitiated => "user_initiated",
        }
    }

    /// Parses Meta's spellings: webhooks use both `authentication-international` and
    /// `authentication_international` (docs/rules.md AI-7), so both are accepted.
    pub fn parse(text: &str) -> Option<Category> {
        let normalised = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Category::ALL
            .into_iter()
            .find(|category| category.as_str() == normalised)
    }

    /// Tiered categories share a counter per family: authentication and its international
    /// rate count together (docs/rules.md AI-6, TIER-2).
    pub fn tier_family(self) -> Option<Category> {
        match self {
            Category::Utility => Some(Category::Utility),
            Category::Authentication | Category::AuthenticationInternational => {
                Some(Category::Authentication)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_spellings_of_auth_international() {
        for text in [
            "authentication-international",
            "authentication_international",
            "Authentication-International",
        ] {
            assert_eq!(
                Category::parse(text),
                Some(Category::AuthenticationInternational)
            );
        }
        assert_eq!(Category::parse("promo"), None);
    }

    #[test]
    fn authentication_shares_a_tier_family_with_its_international_rate() {
        assert_eq!(
            Category::AuthenticationInternational.tier_family(),
            Some(Category::Authentication)
        );
        assert_eq!(Category::Marketing.tier_family(), None);
    }
}
