//! The only door to the core's pricing: the page sends the scenario JSON it built from the
//! user's text and shows the core's `Estimate` and `Comparison`. Every figure on screen comes
//! from here; the page computes no price itself.

pub use wacost_core::estimate::{CardsFor, Comparison, Estimate};
pub use wacost_core::scenario::FieldError;
use wacost_core::scenario::Scenario;

/// Prices a scenario JSON, or lists every problem by field path.
pub fn estimate(json: &str) -> Result<Estimate, Vec<FieldError>> {
    let scenario = Scenario::from_json(json).map_err(|e| e.0)?;
    wacost_core::estimate::estimate(&scenario).map_err(|e| e.0)
}

/// The same traffic under every rules version, each on the card `cards` says (the card of its
/// time, or the month's one card), or why the scenario cannot be compared at all (no card for
/// it, a month no rules version prices).
pub fn compare(json: &str, cards: CardsFor) -> Result<Comparison, Vec<FieldError>> {
    let scenario = Scenario::from_json(json).map_err(|e| e.0)?;
    wacost_core::estimate::compare_cards(wacost_core::Catalog::builtin(), &scenario, cards)
        .map_err(|e| e.0)
}
