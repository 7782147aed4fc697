//! A small summary of every card: its currency, date, how many markets each category covers.
//! `build.rs` writes it into the program from the checked data, so a list of currencies and
//! what each can price needs neither the cards' rates nor a pass over them (the page will load
//! rates per currency, docs/architecture.md; this index stays in the first load).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use super::{Catalog, RateCard, BILLING_CURRENCIES};
use crate::category::Category;
use chrono::NaiveDate;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// One category of one card, as counts: `markets` 0 means the card does not print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CategorySummary {
    /// Markets of the table of the card's date with this category's rate.
    pub markets: u16,
    /// Every market has it (authentication-international: the file claims Meta's whole column).
    pub complete: bool,
}

/// One card in a few bytes, all of it known when the program is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardSummary {
    /// One of `BILLING_CURRENCIES`.
    pub currency: &'static str,
    pub effective: NaiveDate,
    /// The file holds Meta's whole card.
    pub whole: bool,
    /// Markets of the table in force on the card's date.
    pub table_markets: u16,
    /// Markets with at least one rate.
    pub markets: u16,
    pub has_tiers: bool,
    /// Indexed by the category's place in `Category::ALL`.
    pub categories: [CategorySummary; Category::ALL.len()],
}

impl CardSummary {
    /// The summary of a category.
    pub fn category(&self, category: Category) -> CategorySummary {
        self.categories
            .get(category as usize)
            .copied()
            .unwrap_or_default()
    }

    /// Whether the card prints a category for at least one market.
    pub fn prints(&self, category: Category) -> bool {
        self.category(category).markets > 0
    }

    /// Whether the card holds every market of a category. A category it does not print is
    /// not complete.
    pub fn complete_for(&self, category: Category) -> bool {
        let summary = self.category(category);
        summary.markets > 0 && summary.complete
    }
}

impl Serialize for CardSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Printed {
            category: Category,
            markets: u16,
            complete: bool,
        }
        let categories: Vec<Printed> = Category::ALL
            .into_iter()
            .filter(|c| self.prints(*c))
            .map(|category| Printed {
                category,
                markets: self.category(category).markets,
                complete: self.category(category).complete,
            })
            .collect();
        let mut out = serializer.serialize_struct("CardSummary", 7)?;
        out.serialize_field("currency", self.currency)?;
        out.serialize_field("effective", &self.effective)?;
        out.serialize_field("whole", &self.whole)?;
        out.serialize_field("table_markets", &self.table_markets)?;
        out.serialize_field("markets", &self.markets)?;
        out.serialize_field("has_tiers", &self.has_tiers)?;
        out.serialize_field("categories", &categories)?;
        out.end()
    }
}

/// Counts above `u16::MAX` cannot occur (Meta has under 100 markets); saturate rather than wrap.
fn small(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl Catalog {
    /// Every card summarised, in the catalog's order (currency, then date). Cards in a
    /// currency Meta does not bill in (refused by the build) are left out.
    pub fn summaries(&self) -> Vec<CardSummary> {
        self.cards()
            .iter()
            .filter_map(|card| self.summary(card))
            .collect()
    }

    fn summary(&self, card: &RateCard) -> Option<CardSummary> {
        let currency = BILLING_CURRENCIES
            .into_iter()
            .find(|c| *c == card.id.currency)?;
        let markets = self.market_table_on(card.id.effective).markets();
        let mut categories = [CategorySummary::default(); Category::ALL.len()];
        for coverage in card.coverage(&markets) {
            if let Some(slot) = categories.get_mut(coverage.category as usize) {
                *slot = CategorySummary {
                    markets: small(coverage.markets),
                    complete: coverage.complete,
                };
            }
        }
        Some(CardSummary {
            currency,
            effective: card.id.effective,
            whole: card.declared_complete(),
            table_markets: small(markets.len()),
            markets: small(card.markets().len()),
            has_tiers: self.has_tiers(&card.id),
            categories,
        })
    }
}

/// The summaries as Rust source, for `build.rs` to write into the program.
pub fn summaries_source(summaries: &[CardSummary]) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("pub static CARD_INDEX: &[CardSummary] = &[\n");
    for card in summaries {
        let categories: Vec<String> = card
            .categories
            .iter()
            .map(|c| {
                format!(
                    "CategorySummary {{ markets: {}, complete: {} }}",
                    c.markets, c.complete
                )
            })
            .collect();
        let date = card.effective;
        let _ = writeln!(
            out,
            "    CardSummary {{ currency: {:?}, effective: crate::date!({}, {}, {}), whole: {}, table_markets: {}, markets: {}, has_tiers: {}, categories: [{}] }},",
            card.currency,
            chrono::Datelike::year(&date),
            chrono::Datelike::month(&date),
            chrono::Datelike::day(&date),
            card.whole,
            card.table_markets,
            card.markets,
            card.has_tiers,
            categories.join(", ")
        );
    }
    out.push_str("];\n");
    out
}
