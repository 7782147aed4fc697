//! Finding a destination from what a user types, the same on every surface (the page's
//! picker and sheet, the widget's country choice, pasted and imported rows): a country's name
//! in any of the four languages or a short form people use (UK, USA, KSA, "Emirados"), an
//! ISO code, a calling code, a whole phone number (`+49 30 1234567`, mapped as
//! `wacost market` maps it), or one of Meta's regional markets. Each country is offered once,
//! with its market beside it; a market is offered on its own only when it is a region, since
//! a country's own market is the country.
//!
//! Country names for display come from the caller (the page passes the browser's
//! `Intl.DisplayNames`), so core holds no name table of its own beyond `words`.

mod fold;
mod words;

pub use fold::fold;
pub use words::regional_market;

use crate::catalog::markets::{normalise_number, CountryRow, MarketTable};
use crate::locale::Locale;

/// What the user chose: a country by ISO 3166-1 alpha-2 code, or one of Meta's markets by its
/// name in Meta's table (English, the name the estimator takes).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Destination {
    Country(String),
    Market(String),
}

/// One entry of a search, with what a surface shows: the name in the caller's language and
/// the market it is billed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub destination: Destination,
    /// The country's or the market's name in the caller's language.
    pub name: String,
    /// The country's ISO code; empty for a market.
    pub iso2: String,
    /// The country's calling code without `+`; empty for a market.
    pub calling_code: String,
    /// The network prefix a whole number matched (`809` for +1 809 …), if any.
    pub network_prefix: Option<String>,
    /// Meta's market, as in its table (the estimator's key).
    pub market: String,
    /// That market's name in the caller's language.
    pub market_name: String,
}

/// A country's display name from outside core (the browser's `Intl.DisplayNames`), by ISO code.
pub type CountryNamer<'f> = &'f dyn Fn(&str) -> Option<String>;

/// How destinations are named for one language: the caller's country names if it has them,
/// else ours, else the English name in Meta's table.
#[derive(Clone, Copy)]
pub struct Names<'f> {
    locale: Locale,
    country: Option<CountryNamer<'f>>,
}

impl std::fmt::Debug for Names<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Names")
            .field("locale", &self.locale)
            .field("country", &self.country.is_some())
            .finish()
    }
}

impl Names<'static> {
    /// Names from core's own words (and Meta's English names where we have none).
    pub fn ours(locale: Locale) -> Names<'static> {
        Names {
            locale,
            country: None,
        }
    }
}

impl<'f> Names<'f> {
    /// Names from `country` first, such as the browser's display names in the page's language.
    pub fn with(locale: Locale, country: CountryNamer<'f>) -> Names<'f> {
        Names {
            locale,
            country: Some(country),
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The country's name: the caller's, ours, then the table's English name, then the code.
    pub fn country(&self, table: &MarketTable, iso2: &str) -> String {
        let row = table
            .rows
            .iter()
            .find(|r| r.iso2.eq_ignore_ascii_case(iso2));
        self.country_of(iso2, row.map(|r| r.country.as_str()))
    }

    fn country_of(&self, iso2: &str, english: Option<&str>) -> String {
        self.country
            .and_then(|namer| namer(iso2))
            .filter(|name| !name.is_empty() && !name.eq_ignore_ascii_case(iso2))
            .or_else(|| words::country_name(self.locale, iso2).map(str::to_string))
            .or_else(|| english.map(str::to_string))
            .unwrap_or_else(|| iso2.to_ascii_uppercase())
    }

    /// A market's name: a region in our words, a country's own market as the country.
    pub fn market(&self, table: &MarketTable, market: &str) -> String {
        if let Some(name) = regional_market(market, self.locale) {
            return name.to_string();
        }
        match table
            .rows
            .iter()
            .find(|r| r.market == market && r.country == market)
        {
            Some(row) => self.country_of(&row.iso2, Some(&row.country)),
            None => market.to_string(),
        }
    }
}

/// How well a name matches the query; lower is better.
fn rank_of(name: &str, query: &str) -> Option<u8> {
    let name = fold(name);
    if name == query {
        Some(0)
    } else if name.starts_with(query) {
        Some(1)
    } else if name.contains(&format!(" {query}")) {
        Some(2)
    } else if name.contains(query) {
        Some(3)
    } else {
        None
    }
}

/// A whole number or a calling code: digits with the marks people write numbers with.
fn as_number(query: &str) -> Option<String> {
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let numeric = query
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'));
    (numeric && !digits.is_empty()).then_some(digits)
}

impl Found {
    fn country(table: &MarketTable, row: &CountryRow, names: &Names) -> Found {
        Found {
            destination: Destination::Country(row.iso2.clone()),
            name: names.country_of(&row.iso2, Some(&row.country)),
            iso2: row.iso2.clone(),
            calling_code: row.calling_code.clone(),
            network_prefix: None,
            market: row.market.clone(),
            market_name: names.market(table, &row.market),
        }
    }

    fn market(table: &MarketTable, market: &str, names: &Names) -> Found {
        let name = names.market(table, market);
        Found {
            destination: Destination::Market(market.to_string()),
            name: name.clone(),
            iso2: String::new(),
            calling_code: String::new(),
            network_prefix: None,
            market: market.to_string(),
            market_name: name,
        }
    }
}

/// The countries a whole number reaches: the one `for_number` finds, and where Meta lists
/// several countries for the same code and market without a network prefix (+1: Canada and
/// the United States), each of them, since the number alone does not tell them apart.
fn by_number(table: &MarketTable, number: &str, names: &Names) -> Vec<Found> {
    let Ok(found) = table.for_number(number) else {
        return Vec::new();
    };
    let rows: Vec<&CountryRow> = match &found.network_prefix {
        Some(_) => table.rows.iter().filter(|r| r.iso2 == found.iso2).collect(),
        None => table
            .rows
            .iter()
            .filter(|r| {
                r.iso2 == found.iso2
                    || (r.calling_code == found.calling_code
                        && r.market == found.market
                        && r.listed_by_meta
                        && r.network_prefixes.is_empty())
            })
            .collect(),
    };
    rows.into_iter()
        .map(|row| Found {
            network_prefix: found.network_prefix.clone(),
            ..Found::country(table, row, names)
        })
        .collect()
}

/// Destinations matching `query`, best first, at most `limit`: an exact ISO code, calling
/// code, name or short form; then names that start with the query; then calling codes that
/// start with it; then names with a word that starts with it; then names that contain it.
/// Where a calling code is shared, the country Meta lists comes first.
pub fn search(table: &MarketTable, query: &str, names: &Names, limit: usize) -> Vec<Found> {
    let raw = query.trim();
    if raw.is_empty() {
        return Vec::new();
    }
    if let Some(digits) = as_number(raw) {
        if normalise_number(raw).is_ok() {
            let mut found = by_number(table, raw, names);
            found.truncate(limit);
            return found;
        }
        let mut ranked: Vec<(u8, bool, String, &CountryRow)> = table
            .rows
            .iter()
            .filter(|row| !row.calling_code.is_empty())
            .filter_map(|row| {
                let rank = if row.calling_code == digits {
                    0
                } else if row.calling_code.starts_with(&digits) {
                    2
                } else {
                    return None;
                };
                Some((rank, !row.listed_by_meta, fold(&row.country), row))
            })
            .collect();
        ranked.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
        return ranked
            .into_iter()
            .take(limit)
            .map(|(_, _, _, row)| Found::country(table, row, names))
            .collect();
    }
    let query = fold(raw);
    let mut ranked: Vec<(u8, bool, String, Found)> = Vec::new();
    for row in &table.rows {
        let shown = names.country_of(&row.iso2, Some(&row.country));
        let iso = (row.iso2.eq_ignore_ascii_case(&query)).then_some(0);
        let rank = [shown.as_str(), row.country.as_str()]
            .into_iter()
            .filter_map(|name| rank_of(name, &query))
            .chain(words::country_words(&row.iso2).filter_map(|name| rank_of(name, &query)))
            .chain(iso)
            .min();
        if let Some(rank) = rank {
            let found = Found::country(table, row, names);
            ranked.push((rank, !row.listed_by_meta, fold(&shown), found));
        }
    }
    for market in regions(table) {
        let rank = words::regional_names()
            .filter(|(key, _)| *key == market)
            .filter_map(|(_, name)| rank_of(name, &query))
            .min();
        if let Some(rank) = rank {
            let found = Found::market(table, &market, names);
            ranked.push((rank, false, fold(&found.name), found));
        }
    }
    ranked.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    ranked
        .into_iter()
        .take(limit)
        .map(|(_, _, _, found)| found)
        .collect()
}

/// The markets of the table that are regions rather than one country's own market.
fn regions(table: &MarketTable) -> Vec<String> {
    table
        .markets()
        .into_iter()
        .filter(|m| !table.rows.iter().any(|r| &r.market == m && &r.country == m))
        .collect()
}

/// The one destination `text` names exactly, for pasted and imported rows where there is no
/// list to pick from: an ISO code, a `+` calling code (the country Meta lists where it is
/// shared), a whole `+` number, a name or short form in any language, or a market's name.
pub fn resolve(table: &MarketTable, text: &str, names: &Names) -> Option<Destination> {
    let raw = text.trim();
    if raw.is_empty() {
        return None;
    }
    if let Some(row) = table.rows.iter().find(|r| r.iso2.eq_ignore_ascii_case(raw)) {
        return Some(Destination::Country(row.iso2.clone()));
    }
    // Only with its `+`: in a pasted row, `1` or `12345678` is a count, not a code or a number.
    if let Some(digits) = as_number(raw).filter(|_| raw.starts_with('+')) {
        if normalise_number(raw).is_ok() {
            return table
                .for_number(raw)
                .ok()
                .map(|found| Destination::Country(found.iso2));
        }
        let mut rows = table.rows.iter().filter(|r| r.calling_code == digits);
        let first = rows
            .clone()
            .find(|r| r.listed_by_meta)
            .or_else(|| rows.next());
        return first.map(|r| Destination::Country(r.iso2.clone()));
    }
    let query = fold(raw);
    let same = |name: &str| fold(name) == query;
    if let Some(row) = table.rows.iter().find(|row| {
        same(&names.country_of(&row.iso2, Some(&row.country)))
            || same(&row.country)
            || words::country_words(&row.iso2).any(same)
    }) {
        return Some(Destination::Country(row.iso2.clone()));
    }
    regions(table)
        .into_iter()
        .find(|market| {
            same(market) || words::regional_names().any(|(key, name)| key == market && same(name))
        })
        .map(Destination::Market)
}

#[cfg(test)]
mod tests;
