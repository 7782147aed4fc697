//! Meta's rate cards: one file per (effective date, billing currency), rates as printed.

use super::error::DataError;
use crate::category::Category;
use crate::csv::Header;
use crate::money::parse_rate;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// Identifies a card: Meta publishes one per billing currency for each effective date.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CardId {
    pub effective: NaiveDate,
    pub currency: String,
}

impl std::fmt::Display for CardId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.currency, self.effective)
    }
}

/// One published rate with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub rate: Decimal,
    /// The rate exactly as the source printed it (`0.0260`, `8.0E-4`).
    pub printed: String,
    /// `stated` when the source gives the effective date, `inferred` when we dated it.
    pub date_basis: String,
    pub source: String,
}

/// How much of Meta's card a file holds, as its name says: the claim the build checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "held", content = "partial", rename_all = "snake_case")]
pub enum Held {
    /// `YYYY-MM-DD_CUR.csv`: Meta's whole card; every category it prints has every market.
    Whole,
    /// `YYYY-MM-DD_CUR.partial-service.csv`: every category but those named is whole; the
    /// named ones are held in part (a fragment of a card otherwise held in full).
    AllBut(Vec<Category>),
    /// `YYYY-MM-DD_CUR.partial.csv`: held in part; nothing is claimed.
    Part,
}

impl Held {
    /// Whether the file claims that every market has this category's rate.
    pub fn claims(&self, category: Category) -> bool {
        match self {
            Held::Whole => true,
            Held::AllBut(partial) => !partial.contains(&category),
            Held::Part => false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct RateCard {
    pub id: CardId,
    /// What the file claims to hold of Meta's card.
    pub held: Held,
    pub file: String,
    pub rates: BTreeMap<(String, Category), Rate>,
    /// Whether any market has a rate of each category (by its place in `Category::ALL`),
    /// noted once when read: a comparison asks for every card it may fall back on.
    printed: [bool; Category::ALL.len()],
}

impl RateCard {
    /// Parses a card file named `YYYY-MM-DD_CUR.csv`, `….partial.csv` for a card our sources
    /// hold in part, or `….partial-CATEGORY[-CATEGORY…].csv` for a card held in full but for
    /// the categories named. Every row must carry the date and currency of its name.
    pub fn parse(file: &str, text: &str) -> Result<RateCard, DataError> {
        let (id, held) = card_from_name(file)?;
        let records = super::records(file, text)?;
        let (head, rows) = records
            .split_first()
            .ok_or_else(|| DataError::new(file, 0, "the file is empty"))?;
        let header = Header::new(head);
        let [date_i, currency_i, market_i, category_i, rate_i, basis_i, source_i] = header
            .require([
                "effective_date",
                "currency",
                "market",
                "category",
                "rate",
                "date_basis",
                "source",
            ])
            .map_err(|missing| DataError::new(file, head.line, missing.to_string()))?;
        let mut rates = BTreeMap::new();
        for record in rows {
            let at = |problem: String| DataError::new(file, record.line, problem);
            let date = record.cell(date_i);
            if date != id.effective.to_string() {
                return Err(at(format!(
                    "effective_date `{date}` differs from the file's card date {}",
                    id.effective
                )));
            }
            let currency = record.cell(currency_i);
            if currency != id.currency {
                return Err(at(format!(
                    "currency `{currency}` differs from the file's card currency {}",
                    id.currency
                )));
            }
            let market = record.cell(market_i);
            if market.is_empty() {
                return Err(at("market is empty".into()));
            }
            let category_text = record.cell(category_i);
            let category = Category::parse(category_text)
                .ok_or_else(|| at(format!("category `{category_text}` is not known")))?;
            let printed = record.cell(rate_i);
            let rate = parse_rate(printed).map_err(|p| at(format!("rate {p}")))?;
            let basis = record.cell(basis_i);
            if basis != "stated" && basis != "inferred" {
                return Err(at(format!(
                    "date_basis `{basis}` is neither stated nor inferred"
                )));
            }
            let entry = Rate {
                rate,
                printed: printed.to_string(),
                date_basis: basis.to_string(),
                source: record.cell(source_i).to_string(),
            };
            if rates
                .insert((market.to_string(), category), entry)
                .is_some()
            {
                return Err(at(format!(
                    "duplicate row: {market} {category} appears twice"
                )));
            }
        }
        let mut printed = [false; Category::ALL.len()];
        for (_, category) in rates.keys() {
            if let Some(slot) = printed.get_mut(*category as usize) {
                *slot = true;
            }
        }
        Ok(RateCard {
            id,
            held,
            file: file.to_string(),
            rates,
            printed,
        })
    }

    /// Whether the file claims to be Meta's whole card.
    pub fn declared_complete(&self) -> bool {
        self.held == Held::Whole
    }

    pub fn rate(&self, market: &str, category: Category) -> Option<&Rate> {
        super::with_key(market, category, |key| self.rates.get(key))
    }

    /// Every rate of a market, in category order.
    pub fn rates_of<'s: 'm, 'm>(
        &'s self,
        market: &'m str,
    ) -> impl Iterator<Item = (Category, &'s Rate)> + 'm {
        super::entries_of(&self.rates, market)
    }

    /// Whether the market has at least one rate on this card: one ordered lookup from the
    /// market's first possible key, rather than a scan of every rate.
    pub fn has_market(&self, market: &str) -> bool {
        let first = Category::ALL[0];
        self.rates
            .range((market.to_string(), first)..)
            .next()
            .is_some_and(|((m, _), _)| m == market)
    }

    /// Whether any market has a rate of this category: a card of one era lacks the categories
    /// of another altogether (2022 cards price by initiator, later ones by category).
    pub fn has_category(&self, category: Category) -> bool {
        self.printed
            .get(category as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Markets that have at least one rate on this card.
    pub fn markets(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.rates.keys().map(|(m, _)| m.as_str()).collect();
        names.dedup();
        names
    }

    /// Categories printed for at least one market. Authentication-international exists only
    /// for some markets by Meta's design, so its absence elsewhere is not a gap.
    pub fn categories(&self) -> Vec<Category> {
        let mut categories: Vec<Category> = self.rates.keys().map(|(_, c)| *c).collect();
        categories.sort();
        categories.dedup();
        categories
    }

    /// What this card lacks against the markets of the mapping in force on its date: whole
    /// markets, then single (market, category) cells that the rest of the card prints.
    pub fn gaps(&self, markets: &[String]) -> CardGaps {
        let present = self.markets();
        let categories: Vec<Category> = self
            .categories()
            .into_iter()
            .filter(|c| *c != Category::AuthenticationInternational)
            .collect();
        let missing_markets: Vec<String> = markets
            .iter()
            .filter(|m| !present.contains(&m.as_str()))
            .cloned()
            .collect();
        let mut missing_rates = Vec::new();
        for market in markets.iter().filter(|m| present.contains(&m.as_str())) {
            for category in &categories {
                if self.rate(market, *category).is_none() {
                    missing_rates.push((market.clone(), *category));
                }
            }
        }
        let unknown_markets = present
            .iter()
            .filter(|m| !markets.iter().any(|known| known == *m))
            .map(|m| m.to_string())
            .collect();
        CardGaps {
            missing_markets,
            missing_rates,
            unknown_markets,
        }
    }
}

/// How much of one category a card holds, against the market table of its date: a card may
/// hold its templates whole and service for a few markets only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryCoverage {
    pub category: Category,
    /// Markets of the table that have this category's rate.
    pub markets: usize,
    /// Every market of the table has this category's rate. Authentication-international is
    /// printed by Meta for some markets only, so it is complete when the file claims Meta's
    /// whole column (a whole card, or one whose name does not call it partial).
    pub complete: bool,
    /// Markets of the table without this category's rate; always empty for
    /// authentication-international, whose gaps cannot be told from Meta's design.
    pub missing_markets: Vec<String>,
}

impl RateCard {
    /// Each category the card prints, complete or with the markets it lacks: a card is
    /// complete for a category when every market of the table of its date has its rate.
    pub fn coverage(&self, markets: &[String]) -> Vec<CategoryCoverage> {
        self.categories()
            .into_iter()
            .map(|category| {
                let with_rate = markets
                    .iter()
                    .filter(|m| self.rate(m, category).is_some())
                    .count();
                if category == Category::AuthenticationInternational {
                    return CategoryCoverage {
                        category,
                        markets: with_rate,
                        complete: self.held.claims(category),
                        missing_markets: Vec::new(),
                    };
                }
                let mut missing_markets: Vec<String> = markets
                    .iter()
                    .filter(|m| self.rate(m, category).is_none())
                    .cloned()
                    .collect();
                missing_markets.sort_unstable();
                CategoryCoverage {
                    category,
                    markets: with_rate,
                    complete: missing_markets.is_empty(),
                    missing_markets,
                }
            })
            .collect()
    }
}

/// What a card lacks (or has too much of) against the market table of its date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CardGaps {
    pub missing_markets: Vec<String>,
    pub missing_rates: Vec<(String, Category)>,
    /// Markets the card prints that the mapping of its date does not know.
    pub unknown_markets: Vec<String>,
}

impl CardGaps {
    pub fn is_empty(&self) -> bool {
        self.missing_markets.is_empty()
            && self.missing_rates.is_empty()
            && self.unknown_markets.is_empty()
    }
}

/// `2026-10-01_USD.csv` → (2026-10-01, USD), from the file name without folders.
pub fn card_id_from_name(file: &str) -> Result<CardId, DataError> {
    card_from_name(file).map(|(id, _)| id)
}

/// The card and what the file claims to hold of it, from its name: `2026-10-01_USD.csv`,
/// `2023-06-01_USD.partial.csv`, `2024-10-01_USD.partial-service.csv`.
pub fn card_from_name(file: &str) -> Result<(CardId, Held), DataError> {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name
        .strip_suffix(".csv")
        .ok_or_else(|| DataError::new(file, 0, "a card file must end in .csv"))?;
    let (stem, held) = match stem.split_once('.') {
        None => (stem, Held::Whole),
        Some((stem, "partial")) => (stem, Held::Part),
        Some((stem, claim)) => (stem, Held::AllBut(partial_categories(file, claim)?)),
    };
    let (date, currency) = stem
        .split_once('_')
        .ok_or_else(|| DataError::new(file, 0, "a card file must be named YYYY-MM-DD_CUR.csv"))?;
    let effective = crate::date::parse_date(date).ok_or_else(|| {
        DataError::new(file, 0, format!("`{date}` in the file name is not a date"))
    })?;
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(DataError::new(
            file,
            0,
            format!("`{currency}` in the file name is not an ISO 4217 currency code"),
        ));
    }
    let id = CardId {
        effective,
        currency: currency.to_string(),
    };
    Ok((id, held))
}

/// `partial-authentication-service` → [authentication, service]: categories as the cards
/// spell them (snake_case, so `-` only separates them), each once.
fn partial_categories(file: &str, claim: &str) -> Result<Vec<Category>, DataError> {
    let bad = || {
        DataError::new(
            file,
            0,
            format!("`.{claim}` in the file name is neither `.partial` nor `.partial-` followed by categories separated by `-` (e.g. `.partial-service`)"),
        )
    };
    let names = claim.strip_prefix("partial-").ok_or_else(bad)?;
    let mut categories = Vec::new();
    for name in names.split('-') {
        let category = Category::ALL
            .into_iter()
            .find(|c| c.as_str() == name)
            .ok_or_else(bad)?;
        if categories.contains(&category) {
            return Err(bad());
        }
        categories.push(category);
    }
    categories.sort();
    Ok(categories)
}
