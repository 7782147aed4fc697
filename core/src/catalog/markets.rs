//! Meta's country-to-market table, versioned by date (docs/rules.md DEF-1, DEF-2).

use super::error::DataError;
use crate::csv::Header;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a country or a number is billed on a date, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarketMatch {
    pub market: String,
    /// ISO 3166-1 alpha-2 code of the country the match rests on.
    pub iso2: String,
    pub country: String,
    pub calling_code: String,
    /// The network prefix that decided the match (e.g. `809` for +1 809), if any.
    pub network_prefix: Option<String>,
    /// Whether Meta names this country in its table; unlisted countries are `Other` by rule.
    pub listed_by_meta: bool,
    /// Effective date of the table version used.
    pub table: NaiveDate,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRow {
    pub iso2: String,
    pub country: String,
    pub calling_code: String,
    pub network_prefixes: Vec<String>,
    pub market: String,
    pub listed_by_meta: bool,
    pub note: String,
}

/// One version of the table: every country's market from `effective` until the next version.
#[derive(Debug, Clone)]
pub struct MarketTable {
    pub effective: NaiveDate,
    pub rows: Vec<CountryRow>,
}

/// Why a country or number could not be mapped: a malformed input, never an unknown country
/// (those are `Other`, as Meta says).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LookupError {
    MalformedCountry(String),
    MalformedNumber(String),
    UnknownCallingCode(String),
    BeforeFirstTable(NaiveDate),
}

impl LookupError {
    pub fn tag(&self) -> &'static str {
        match self {
            LookupError::MalformedCountry(_) => "malformed_country",
            LookupError::MalformedNumber(_) => "malformed_number",
            LookupError::UnknownCallingCode(_) => "unknown_calling_code",
            LookupError::BeforeFirstTable(_) => "before_first_table",
        }
    }
}

impl std::error::Error for LookupError {}

impl std::fmt::Display for LookupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LookupError::MalformedCountry(text) => write!(
                f,
                "`{text}` is not an ISO 3166-1 alpha-2 country code (two letters, e.g. IN)"
            ),
            LookupError::MalformedNumber(text) => write!(
                f,
                "`{text}` is not a phone number in E.164 form (+ then 8 to 15 digits, e.g. +919876543210)"
            ),
            LookupError::UnknownCallingCode(text) => {
                write!(f, "`{text}` starts with no country calling code in use")
            }
            LookupError::BeforeFirstTable(date) => {
                write!(f, "no market table covers {date}")
            }
        }
    }
}

impl MarketTable {
    /// Parses one version of the table from `markets.csv`-style records sharing an effective date.
    pub fn parse_all(file: &str, text: &str) -> Result<Vec<MarketTable>, DataError> {
        let records = super::records(file, text)?;
        let (head, rows) = records
            .split_first()
            .ok_or_else(|| DataError::new(file, 0, "the file is empty"))?;
        let header = Header::new(head);
        let [date_i, iso_i, country_i, code_i, prefixes_i, market_i, listed_i, note_i] = header
            .require([
                "effective_date",
                "iso2",
                "country",
                "calling_code",
                "network_prefixes",
                "market",
                "listed_by_meta",
                "note",
            ])
            .map_err(|missing| DataError::new(file, head.line, missing.to_string()))?;
        let mut tables: Vec<MarketTable> = Vec::new();
        for record in rows {
            let at = |problem: String| DataError::new(file, record.line, problem);
            let date_text = record.cell(date_i);
            let effective = crate::date::parse_date(date_text).ok_or_else(|| {
                at(format!(
                    "effective_date `{date_text}` is not a date YYYY-MM-DD"
                ))
            })?;
            let iso2 = record.cell(iso_i).to_string();
            if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(at(format!("iso2 `{iso2}` is not two capital letters")));
            }
            let calling_code = record.cell(code_i).to_string();
            // Territories without a calling code (Antarctica, Bouvet Island …) map by ISO only.
            if !calling_code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(at(format!("calling_code `{calling_code}` is not digits")));
            }
            let network_prefixes: Vec<String> = record
                .cell(prefixes_i)
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            if let Some(bad) = network_prefixes
                .iter()
                .find(|p| !p.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(at(format!("network prefix `{bad}` is not digits")));
            }
            let market = record.cell(market_i).to_string();
            if market.is_empty() {
                return Err(at("market is empty".into()));
            }
            let listed_by_meta = match record.cell(listed_i) {
                "yes" => true,
                "no" => false,
                other => return Err(at(format!("listed_by_meta `{other}` is not yes or no"))),
            };
            let row = CountryRow {
                iso2,
                country: record.cell(country_i).to_string(),
                calling_code,
                network_prefixes,
                market,
                listed_by_meta,
                note: record.cell(note_i).to_string(),
            };
            match tables.last_mut() {
                Some(table) if table.effective == effective => {
                    if table.rows.iter().any(|r| r.iso2 == row.iso2) {
                        return Err(at(format!(
                            "duplicate row: {} appears twice in the {} table",
                            row.iso2, effective
                        )));
                    }
                    table.rows.push(row);
                }
                Some(table) if table.effective > effective => {
                    return Err(at(format!(
                        "table versions must come in date order: {effective} after {}",
                        table.effective
                    )));
                }
                _ => tables.push(MarketTable {
                    effective,
                    rows: vec![row],
                }),
            }
        }
        Ok(tables)
    }

    /// Distinct market names of this version, in first-seen order.
    pub fn markets(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for row in &self.rows {
            if !names.contains(&row.market) {
                names.push(row.market.clone());
            }
        }
        names
    }

    /// The market of a country. A well-formed code Meta does not list is `Other`.
    pub fn for_country(&self, iso2: &str) -> Result<MarketMatch, LookupError> {
        let code = iso2.trim().to_ascii_uppercase();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(LookupError::MalformedCountry(iso2.to_string()));
        }
        Ok(match self.rows.iter().find(|r| r.iso2 == code) {
            Some(row) => self.match_of(row, None),
            None => MarketMatch {
                market: "Other".into(),
                iso2: code,
                country: String::new(),
                calling_code: String::new(),
                network_prefix: None,
                listed_by_meta: false,
                table: self.effective,
                note: Some("not in Meta's table: Other by Meta's rule".into()),
            },
        })
    }

    /// The market name alone of a country, as `for_country` finds it, without building the
    /// whole match: the estimator looks up every line's country and needs only the name.
    pub fn market_of_country(&self, iso2: &str) -> Result<&str, LookupError> {
        let code = iso2.trim().as_bytes();
        let [a, b] = code else {
            return Err(LookupError::MalformedCountry(iso2.to_string()));
        };
        let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        if !code.iter().all(u8::is_ascii_uppercase) {
            return Err(LookupError::MalformedCountry(iso2.to_string()));
        }
        Ok(self
            .rows
            .iter()
            .find(|r| r.iso2.as_bytes() == code)
            .map_or("Other", |row| row.market.as_str()))
    }

    /// The market of a number in E.164, by the longest calling code + network prefix in the
    /// table. Where several countries share the longest prefix (+1, +7, +44 …), the one Meta
    /// lists wins: Meta resolves the rest from network prefixes it does not publish.
    pub fn for_number(&self, number: &str) -> Result<MarketMatch, LookupError> {
        let digits = normalise_number(number)?;
        let mut best: Option<(usize, &CountryRow, Option<&str>)> = None;
        for row in self.rows.iter().filter(|r| !r.calling_code.is_empty()) {
            let candidates = row
                .network_prefixes
                .iter()
                .map(|p| (format!("{}{}", row.calling_code, p), Some(p.as_str())))
                .chain(
                    row.network_prefixes
                        .is_empty()
                        .then(|| (row.calling_code.clone(), None)),
                );
            for (prefix, network) in candidates {
                if !digits.starts_with(&prefix) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((length, current, _)) => {
                        prefix.len() > length
                            || (prefix.len() == length
                                && row.listed_by_meta
                                && !current.listed_by_meta)
                    }
                };
                if better {
                    best = Some((prefix.len(), row, network));
                }
            }
        }
        let (_, row, network) =
            best.ok_or_else(|| LookupError::UnknownCallingCode(number.to_string()))?;
        let mut found = self.match_of(row, network);
        if network.is_none() {
            found.note = self.shared_code_note(row).or(found.note);
        }
        Ok(found)
    }

    /// What a number matched by its calling code alone must say when other countries share the
    /// code in another market. When several countries Meta lists share the code and the market
    /// (+1: Canada and the United States, North America), the number is named by its market
    /// and code, "North America (+1)": naming one of the countries (the first in the table)
    /// would call a San Francisco number Canadian.
    fn shared_code_note(&self, row: &CountryRow) -> Option<String> {
        let sharing = |other: &&CountryRow| {
            other.calling_code == row.calling_code && other.network_prefixes.is_empty()
        };
        let elsewhere: Vec<&str> = self
            .rows
            .iter()
            .filter(sharing)
            .filter(|other| other.market != row.market)
            .map(|other| other.iso2.as_str())
            .collect();
        if elsewhere.is_empty() {
            return None;
        }
        let alike: Vec<&str> = self
            .rows
            .iter()
            .filter(sharing)
            .filter(|other| other.market == row.market && other.listed_by_meta)
            .map(|other| other.iso2.as_str())
            .collect();
        let code = &row.calling_code;
        Some(if alike.len() > 1 {
            format!(
                "+{code} is shared by {} ({market}) and {}; taken as {market} (+{code}), the market of every country Meta's table lists for +{code} without a network prefix",
                alike.join(", "),
                elsewhere.join(", "),
                market = row.market,
            )
        } else {
            format!(
                "+{code} is shared with {}; taken as {} ({}) because Meta's table lists it",
                elsewhere.join(", "),
                row.country,
                row.market
            )
        })
    }

    fn match_of(&self, row: &CountryRow, network: Option<&str>) -> MarketMatch {
        MarketMatch {
            market: row.market.clone(),
            iso2: row.iso2.clone(),
            country: row.country.clone(),
            calling_code: row.calling_code.clone(),
            network_prefix: network.map(str::to_string),
            listed_by_meta: row.listed_by_meta,
            table: self.effective,
            note: (!row.note.is_empty()).then(|| row.note.clone()),
        }
    }
}

/// The digits of an E.164 number (`+` optional, spaces, dashes, dots and brackets ignored).
pub fn normalise_number(number: &str) -> Result<String, LookupError> {
    let trimmed = number.trim();
    let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
    let mut digits = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(LookupError::MalformedNumber(number.to_string())),
        }
    }
    if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
        return Err(LookupError::MalformedNumber(number.to_string()));
    }
    Ok(digits)
}
