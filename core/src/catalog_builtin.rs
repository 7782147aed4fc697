//! The data built into this binary: the files under `core/data/`, listed and checked by
//! `build.rs`. Kept apart from `catalog` because `build.rs` compiles that module itself.

use crate::catalog::{CardSummary, Catalog};

impl Catalog {
    /// The data built into this binary. `build.rs` has already parsed and validated exactly
    /// these files, so loading them cannot fail at run time.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::from_prechecked_files(
                embedded::RATE_FILES,
                embedded::TIER_FILES,
                embedded::MARKET_FILES,
            )
            // Unreachable: build.rs rejects the build for the same errors. Were it reached,
            // an empty catalog makes every estimate say there is no card, rather than crash.
            .unwrap_or_else(|_| Catalog::empty())
        })
    }
}

/// The summary of every card built in (`catalog::index`), without loading any card.
pub fn card_index() -> &'static [CardSummary] {
    embedded::CARD_INDEX
}

mod embedded {
    use crate::catalog::{CardSummary, CategorySummary};
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}
