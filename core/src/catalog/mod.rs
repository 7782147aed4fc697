//! The checked data: Meta's rate cards, tier ladders and country-to-market tables, embedded at
//! compile time from `core/data/` and validated both by `build.rs` (a broken file fails the
//! build, naming file, line and problem) and again when loaded.

pub mod bundle;
mod choice;
mod error;
pub mod index;
pub mod markets;
pub mod rate_cards;
pub mod tiers;

pub use choice::{CardChoiceError, CardWanted};
pub use error::DataError;
pub use index::{CardSummary, CategorySummary};
pub use markets::{LookupError, MarketMatch, MarketTable};
pub use rate_cards::{CardGaps, CardId, CategoryCoverage, Held, Rate, RateCard};
pub use tiers::{Band, BandUse, Ladder, TierCard};

use crate::category::Category;
use crate::csv::{read_all, Limits, Record, Separator};
use chrono::NaiveDate;
use serde::Serialize;

/// The sixteen billing currencies Meta offers (docs/rules.md CUR-2). A currency here without a
/// card in our data is known but not priceable.
pub const BILLING_CURRENCIES: [&str; 16] = [
    "USD", "AED", "ARS", "AUD", "BRL", "CLP", "COP", "EUR", "GBP", "IDR", "INR", "MXN", "MYR",
    "PEN", "SAR", "SGD",
];

/// The records of one data file, empty rows (`,,,`) skipped. The files are ours and trusted,
/// so no cap applies; a CSV error names the line and column.
fn records<'t>(file: &str, text: &'t str) -> Result<Vec<Record<'t>>, DataError> {
    let mut records = read_all(text, Separator::Comma, Limits::NONE).map_err(|e| {
        DataError::new(
            file,
            e.at.line,
            format!("column {}: {}", e.at.column, e.kind),
        )
    })?;
    records.retain(|record| !record.is_blank());
    Ok(records)
}

/// Every entry of a market in a map keyed by `(market, category)`, in category order: one
/// ordered lookup, then the market's neighbouring keys.
pub(crate) fn entries_of<'s: 'm, 'm, V>(
    map: &'s std::collections::BTreeMap<(String, Category), V>,
    market: &'m str,
) -> impl Iterator<Item = (Category, &'s V)> + 'm {
    with_key(market, Category::ALL[0], |key| map.range(key..))
        .take_while(move |((m, _), _)| m == market)
        .map(|((_, category), value)| (*category, value))
}

/// Looks `market` and `category` up in a map keyed by owned `(String, Category)` without
/// allocating a key each time: the estimator asks hundreds of times per estimate, so one buffer
/// per thread is reused.
pub(crate) fn with_key<R>(
    market: &str,
    category: Category,
    find: impl FnOnce(&(String, Category)) -> R,
) -> R {
    thread_local! {
        static KEY: std::cell::RefCell<(String, Category)> =
            const { std::cell::RefCell::new((String::new(), Category::Marketing)) };
    }
    KEY.with(|key| match key.try_borrow_mut() {
        Ok(mut key) => {
            key.0.clear();
            key.0.push_str(market);
            key.1 = category;
            find(&key)
        }
        // Only if `find` itself looked a key up: fall back to a fresh one.
        Err(_) => find(&(market.to_string(), category)),
    })
}

/// A data file: its path under `core/data/` and its text.
pub type DataFile<'a> = (&'a str, &'a str);

#[derive(Debug, Clone)]
pub struct Catalog {
    cards: Vec<RateCard>,
    tier_cards: Vec<TierCard>,
    market_tables: Vec<MarketTable>,
}

/// What the product says about a card: its identity, completeness and gaps.
#[derive(Debug, Clone, Serialize)]
pub struct CardInfo {
    pub effective: NaiveDate,
    pub currency: String,
    /// Our data holds Meta's whole card.
    pub complete: bool,
    /// What the file claims to hold (`whole`, `all_but` with the categories held in part,
    /// `part`).
    #[serde(flatten)]
    pub held: Held,
    /// Each category the card prints, complete or with the markets it lacks.
    pub categories: Vec<CategoryCoverage>,
    pub markets: usize,
    pub rates: usize,
    pub has_tiers: bool,
    pub missing_markets: Vec<String>,
    pub missing_rates: Vec<(String, Category)>,
    pub file: String,
}

impl Catalog {
    /// Parses and cross-checks a set of files; every problem found is returned, not just the first.
    pub fn from_files(
        rate_files: &[DataFile],
        tier_files: &[DataFile],
        market_files: &[DataFile],
    ) -> Result<Catalog, Vec<DataError>> {
        Catalog::load(rate_files, tier_files, market_files, true)
    }

    /// Parses files that `build.rs` has already cross-checked (the embedded data), skipping
    /// the cross-file checks: they cost the browser tens of milliseconds before the first
    /// estimate and can only repeat what the build proved.
    pub(crate) fn from_prechecked_files(
        rate_files: &[DataFile],
        tier_files: &[DataFile],
        market_files: &[DataFile],
    ) -> Result<Catalog, Vec<DataError>> {
        Catalog::load(rate_files, tier_files, market_files, false)
    }

    fn load(
        rate_files: &[DataFile],
        tier_files: &[DataFile],
        market_files: &[DataFile],
        cross_check: bool,
    ) -> Result<Catalog, Vec<DataError>> {
        let mut errors = Vec::new();
        let mut market_tables: Vec<MarketTable> = Vec::new();
        for (name, text) in market_files {
            match MarketTable::parse_all(name, text) {
                Ok(tables) => {
                    for table in tables {
                        if market_tables.iter().any(|t| t.effective == table.effective) {
                            errors.push(DataError::new(
                                name,
                                0,
                                format!("duplicate market table for {}", table.effective),
                            ));
                        } else {
                            market_tables.push(table);
                        }
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        market_tables.sort_by_key(|t| t.effective);
        if market_tables.is_empty() && errors.is_empty() {
            errors.push(DataError::new("markets/", 0, "no market table"));
        }

        let mut cards: Vec<RateCard> = Vec::new();
        for (name, text) in rate_files {
            match RateCard::parse(name, text) {
                Ok(card) if cards.iter().any(|c| c.id == card.id) => errors.push(DataError::new(
                    name,
                    0,
                    format!("duplicate card: {} is in two files", card.id),
                )),
                Ok(card) => cards.push(card),
                Err(e) => errors.push(e),
            }
        }
        cards.sort_by(|a, b| a.id.cmp(&b.id));

        let mut tier_cards: Vec<TierCard> = Vec::new();
        for (name, text) in tier_files {
            match TierCard::parse(name, text) {
                Ok(tiers) if tier_cards.iter().any(|t| t.id == tiers.id) => errors.push(
                    DataError::new(name, 0, format!("duplicate tier file for {}", tiers.id)),
                ),
                Ok(tiers) => tier_cards.push(tiers),
                Err(e) => errors.push(e),
            }
        }

        let catalog = Catalog {
            cards,
            tier_cards,
            market_tables,
        };
        if cross_check && !catalog.market_tables.is_empty() {
            errors.extend(catalog.cross_check());
        }
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// Checks between files: a card declared complete lacks nothing; every market a card or a
    /// ladder names exists in the market table of its date.
    fn cross_check(&self) -> Vec<DataError> {
        let mut errors = Vec::new();
        for card in &self.cards {
            if !BILLING_CURRENCIES.contains(&card.id.currency.as_str()) {
                errors.push(DataError::new(
                    &card.file,
                    0,
                    format!(
                        "{} is not one of Meta's billing currencies",
                        card.id.currency
                    ),
                ));
            }
            let markets = self.market_table_on(card.id.effective).markets();
            let gaps = card.gaps(&markets);
            for market in &gaps.unknown_markets {
                errors.push(DataError::new(
                    &card.file,
                    0,
                    format!(
                        "market `{market}` is not in the market table in force on {}",
                        card.id.effective
                    ),
                ));
            }
            errors.extend(unkept_claims(card, &gaps, &markets));
        }
        for tiers in &self.tier_cards {
            let markets = self.market_table_on(tiers.id.effective).markets();
            for ladder in tiers.ladders.values() {
                if !markets.contains(&ladder.market) {
                    errors.push(DataError::new(
                        &tiers.file,
                        0,
                        format!(
                            "market `{}` is not in the market table in force on {}",
                            ladder.market, tiers.id.effective
                        ),
                    ));
                }
            }
        }
        errors
    }

    /// The files of one currency's rate cards and tier ladders, in the catalog's order: what
    /// its bundle (`bundle`) holds, for the page to fetch when that currency is priced.
    pub fn currency_files(&self, currency: &str) -> Vec<&str> {
        let cards = self.cards.iter().filter(|c| c.id.currency == currency);
        let tiers = self.tier_cards.iter().filter(|t| t.id.currency == currency);
        cards
            .map(|c| c.file.as_str())
            .chain(tiers.map(|t| t.file.as_str()))
            .collect()
    }

    /// Whether a card of `currency` is loaded.
    pub fn holds_currency(&self, currency: &str) -> bool {
        self.cards.iter().any(|c| c.id.currency == currency)
    }

    /// This catalog with one currency's bundle (`bundle`, named `bundle_name`) added, checked
    /// as the build checks the files: each file parsed, every card of `currency`, none
    /// already loaded, every market known to the market table of its date. Every problem is
    /// returned, each naming the bundle, the file in it and the line; nothing is half-added.
    pub fn with_currency_data(
        &self,
        currency: &str,
        bundle_name: &str,
        text: &str,
    ) -> Result<Catalog, Vec<DataError>> {
        let files = bundle::unbundle(bundle_name, text).map_err(|e| vec![e])?;
        let in_bundle = |mut e: DataError| {
            e.file = format!("{bundle_name}: {}", e.file);
            e
        };
        let mut errors = Vec::new();
        let mut added = self.clone();
        for (name, text) in &files {
            let parsed = if name.starts_with("tiers/") {
                TierCard::parse(name, text).map(|t| {
                    let id = t.id.clone();
                    let duplicate = added.tier_cards.iter().any(|x| x.id == id);
                    added.tier_cards.push(t);
                    (id, duplicate)
                })
            } else {
                RateCard::parse(name, text).map(|c| {
                    let id = c.id.clone();
                    let duplicate = added.cards.iter().any(|x| x.id == id);
                    added.cards.push(c);
                    (id, duplicate)
                })
            };
            match parsed {
                Err(e) => errors.push(in_bundle(e)),
                Ok((id, _)) if id.currency != currency => errors.push(in_bundle(DataError::new(
                    name,
                    0,
                    format!("holds a card of {}, not of {currency}", id.currency),
                ))),
                Ok((id, true)) => errors.push(in_bundle(DataError::new(
                    name,
                    0,
                    format!("{id} is already loaded"),
                ))),
                Ok(_) => {}
            }
        }
        added.cards.sort_by(|a, b| a.id.cmp(&b.id));
        if errors.is_empty() {
            let new_files = |file: &str| files.iter().any(|(name, _)| *name == file);
            errors.extend(
                added
                    .cross_check()
                    .into_iter()
                    .filter(|e| new_files(&e.file))
                    .map(in_bundle),
            );
        }
        if errors.is_empty() {
            Ok(added)
        } else {
            Err(errors)
        }
    }

    pub fn cards(&self) -> &[RateCard] {
        &self.cards
    }

    pub fn tier_cards(&self) -> &[TierCard] {
        &self.tier_cards
    }

    pub fn market_tables(&self) -> &[MarketTable] {
        &self.market_tables
    }

    /// Currencies that have at least one card, in Meta's order.
    pub fn currencies(&self) -> Vec<&'static str> {
        BILLING_CURRENCIES
            .into_iter()
            .filter(|c| self.cards.iter().any(|card| card.id.currency == *c))
            .collect()
    }

    pub fn card(&self, currency: &str, effective: NaiveDate) -> Option<&RateCard> {
        self.cards
            .iter()
            .find(|c| c.id.currency == currency && c.id.effective == effective)
    }

    /// The latest card of `currency` that took effect on or before `date`.
    pub fn card_in_force(&self, currency: &str, date: NaiveDate) -> Option<&RateCard> {
        self.cards
            .iter()
            .filter(|c| c.id.currency == currency && c.id.effective <= date)
            .max_by_key(|c| c.id.effective)
    }

    /// The next card of `currency` after `date`, to warn when a month straddles a change.
    pub fn next_card_after(&self, currency: &str, date: NaiveDate) -> Option<&RateCard> {
        self.cards
            .iter()
            .filter(|c| c.id.currency == currency && c.id.effective > date)
            .min_by_key(|c| c.id.effective)
    }

    /// The published ladder for a card's market and category. Only a ladder of the card's own
    /// date and currency counts: an older ladder is never carried forward.
    pub fn ladder(&self, card: &CardId, market: &str, category: Category) -> Option<&Ladder> {
        self.tier_cards
            .iter()
            .find(|t| &t.id == card)
            .and_then(|t| with_key(market, category, |key| t.ladders.get(key)))
    }

    /// Whether any tier file exists for this card.
    pub fn has_tiers(&self, card: &CardId) -> bool {
        self.tier_cards.iter().any(|t| &t.id == card)
    }

    /// The market table in force on `date`; dates before the first version use the first
    /// (our oldest table, Meta's 2023 list, is the best record of the older mapping).
    pub fn market_table_on(&self, date: NaiveDate) -> &MarketTable {
        /// What a catalog without tables answers: no country, no market.
        static NO_TABLE: MarketTable = MarketTable {
            effective: NaiveDate::MIN,
            rows: Vec::new(),
        };
        self.market_tables
            .iter()
            .rev()
            .find(|t| t.effective <= date)
            .or(self.market_tables.first())
            .unwrap_or(&NO_TABLE)
    }

    /// A catalog without any data.
    pub(crate) fn empty() -> Catalog {
        Catalog {
            cards: Vec::new(),
            tier_cards: Vec::new(),
            market_tables: Vec::new(),
        }
    }

    pub fn market_for_country(
        &self,
        iso2: &str,
        date: NaiveDate,
    ) -> Result<MarketMatch, LookupError> {
        self.market_table_on(date).for_country(iso2)
    }

    /// `market_for_country(..).market` without allocating.
    pub fn market_of_country(&self, iso2: &str, date: NaiveDate) -> Result<&str, LookupError> {
        self.market_table_on(date).market_of_country(iso2)
    }

    pub fn market_for_number(
        &self,
        number: &str,
        date: NaiveDate,
    ) -> Result<MarketMatch, LookupError> {
        self.market_table_on(date).for_number(number)
    }

    /// Whether `name` is a market of the table in force on `date` (case-insensitive), returning
    /// Meta's spelling.
    pub fn market_name(&self, name: &str, date: NaiveDate) -> Option<String> {
        self.market_table_on(date)
            .markets()
            .into_iter()
            .find(|m| m.eq_ignore_ascii_case(name.trim()))
    }

    /// Every card with its completeness against the market table of its date.
    pub fn card_infos(&self) -> Vec<CardInfo> {
        self.cards.iter().map(|card| self.card_info(card)).collect()
    }

    pub fn card_info(&self, card: &RateCard) -> CardInfo {
        let markets = self.market_table_on(card.id.effective).markets();
        let gaps = card.gaps(&markets);
        CardInfo {
            effective: card.id.effective,
            currency: card.id.currency.clone(),
            complete: card.declared_complete() && gaps.is_empty(),
            held: card.held.clone(),
            categories: card.coverage(&markets),
            markets: card.markets().len(),
            rates: card.rates.len(),
            has_tiers: self.has_tiers(&card.id),
            missing_markets: gaps.missing_markets,
            missing_rates: gaps.missing_rates,
            file: card.file.clone(),
        }
    }
}

/// Where a card's file claims more than it holds: a market or a cell missing from a category
/// its name calls whole, or a category named partial that is not.
fn unkept_claims(card: &RateCard, gaps: &CardGaps, markets: &[String]) -> Vec<DataError> {
    let mut errors = Vec::new();
    let error = |problem: String| DataError::new(&card.file, 0, problem);
    if let Held::AllBut(partial) = &card.held {
        let coverage = card.coverage(markets);
        for category in partial {
            match coverage.iter().find(|c| c.category == *category) {
                None => errors.push(error(format!(
                    "the file name calls {category} partial, but the card has no {category} rate (name only categories it holds in part)"
                ))),
                Some(held) if held.complete && *category != Category::AuthenticationInternational => {
                    errors.push(error(format!(
                        "the file name calls {category} partial, but every market has a {category} rate (take it out of the name)"
                    )))
                }
                Some(_) => {}
            }
        }
        if coverage.iter().all(|c| partial.contains(&c.category)) {
            errors.push(error(
                "the file name calls every category the card prints partial (name the file .partial.csv)".into(),
            ));
        }
    }
    if card.held == Held::Part {
        return errors;
    }
    for market in &gaps.missing_markets {
        errors.push(error(format!(
            "missing market: `{market}` has no rate (name the file .partial.csv if the card is known to be incomplete)"
        )));
    }
    for (market, category) in &gaps.missing_rates {
        if card.held.claims(*category) {
            errors.push(error(format!(
                "missing category: `{market}` has no {category} rate while the rest of the card has one"
            )));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The allocation-free lookups must answer exactly as the ones they stand in for.
    #[test]
    fn fast_lookups_agree_with_the_full_ones() {
        let catalog = Catalog::builtin();
        for table in catalog.market_tables() {
            let mut codes: Vec<String> = table.rows.iter().map(|r| r.iso2.clone()).collect();
            codes.extend(
                ["in", " br ", "Zz", "XK", "1x", "", "IND", "É", "i", "ÉÉ"].map(String::from),
            );
            for code in &codes {
                let full = table.for_country(code).map(|m| m.market);
                let fast = table.market_of_country(code).map(str::to_string);
                assert_eq!(fast, full, "{code} on {}", table.effective);
            }
        }
        for card in catalog.cards() {
            let markets = card.markets();
            for market in &markets {
                assert!(card.has_market(market), "{market} on {}", card.id);
                for category in Category::ALL {
                    let expected = card.rates.get(&(market.to_string(), category));
                    assert_eq!(card.rate(market, category), expected);
                }
            }
            for absent in ["", "Atlantis", "india", "Indi", "Indiaa", "Zzz"] {
                assert!(!card.has_market(absent), "{absent} on {}", card.id);
            }
        }
        assert_eq!(
            catalog.market_of_country("IN", catalog.market_tables()[0].effective),
            Ok("India")
        );
    }
}
