//! A user's own rate card: Meta's published CSV as downloaded (title and footnote lines, one
//! column per category, `n/a` cells, currency symbols, thousands separators), or a plain
//! `market,category,rate` file. Either becomes `custom_rates` for a scenario.
//!
//! The whole file loads or nothing does: a bad number, an unknown market or a duplicate row is
//! an error naming its line, and every such error is reported at once.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::catalog::csv::{self, Record};
use crate::category::Category;
use crate::money::parse_rate;
use crate::scenario::CustomRate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem in the card text, at a 1-based line (0: the text as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardError {
    pub line: usize,
    pub kind: CardErrorKind,
}

/// What is wrong with a card, with the figures its sentence needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardErrorKind {
    /// The text cannot be split into CSV records.
    Csv {
        problem: String,
    },
    /// No row starts with `Market`.
    NoHeader,
    /// A `market,category,rate` header without one of the three.
    PlainHeaderIncomplete,
    /// Meta's layout without any category column.
    NoCategoryColumn,
    /// More fields than the header names.
    TooManyFields {
        fields: usize,
        header: usize,
    },
    /// A market name a spreadsheet would run as a formula.
    FormulaMarket {
        market: String,
        start: char,
    },
    UnknownMarket {
        market: String,
    },
    UnknownCategory {
        text: String,
    },
    /// An empty or `n/a` rate in the plain layout, where every row is one rate.
    NoRate {
        text: String,
    },
    /// A rate cell that is not a number (plain layout).
    BadRate {
        problem: RateCellError,
    },
    /// A rate cell that is not a number, in a category column of Meta's layout.
    BadRateIn {
        category: Category,
        problem: RateCellError,
        text: String,
    },
    /// A market and category given twice.
    Duplicate {
        market: String,
        category: Category,
    },
    /// A row whose currency differs from the rows above.
    CurrencyDiffers {
        code: String,
        seen: String,
    },
}

/// Why a rate cell is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateCellError {
    Negative,
    /// Commas that are not thousands separators (a decimal comma).
    BadGrouping,
    NotANumber,
}

impl fmt::Display for RateCellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RateCellError::Negative => "a rate cannot be negative",
            RateCellError::BadGrouping => {
                "not a number (thousands separators must group three digits; use `.` for decimals)"
            }
            RateCellError::NotANumber => "not a number",
        })
    }
}

impl fmt::Display for CardErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardErrorKind::Csv { problem } => f.write_str(problem),
            CardErrorKind::NoHeader => f.write_str(
                "no header row starting with `Market` (expected Meta's card layout or market,category,rate)",
            ),
            CardErrorKind::PlainHeaderIncomplete => {
                f.write_str("the header needs market, category and rate")
            }
            CardErrorKind::NoCategoryColumn => f.write_str(
                "the header names no category column (Marketing, Utility, Authentication, Authentication-International, Service)",
            ),
            CardErrorKind::TooManyFields { fields, header } => write!(
                f,
                "{fields} fields where the header has {header} (a decimal comma, or a comma inside an unquoted value?)"
            ),
            CardErrorKind::FormulaMarket { market, start } => write!(
                f,
                "market `{market}` must not begin with `{}` (a spreadsheet would read it as a formula)",
                start.escape_debug()
            ),
            CardErrorKind::UnknownMarket { market } => {
                write!(f, "unknown market `{market}` (not in Meta's market table)")
            }
            CardErrorKind::UnknownCategory { text } => write!(f, "unknown category `{text}`"),
            CardErrorKind::NoRate { text } => write!(f, "rate `{text}` is not a number"),
            CardErrorKind::BadRate { problem } => write!(f, "{problem}"),
            CardErrorKind::BadRateIn {
                category,
                problem,
                text,
            } => write!(f, "{category}: {problem} (`{text}`)"),
            CardErrorKind::Duplicate { market, category } => {
                write!(f, "duplicate row: {market} {category} is given twice")
            }
            CardErrorKind::CurrencyDiffers { code, seen } => {
                write!(f, "currency `{code}` differs from `{seen}` on the rows above")
            }
        }
    }
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "line {}: {}", self.line, self.kind)
        }
    }
}

impl std::error::Error for CardError {}

/// The rates read from a card and the currency its `Currency` column names, if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomCard {
    pub currency: Option<String>,
    pub rates: Vec<CustomRate>,
}

/// Meta's columns, by header text with everything but letters removed.
const META_COLUMNS: [(&str, Category); 5] = [
    ("marketing", Category::Marketing),
    ("utility", Category::Utility),
    ("authentication", Category::Authentication),
    (
        "authenticationinternational",
        Category::AuthenticationInternational,
    ),
    ("service", Category::Service),
];

fn letters(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Parses a card. `markets` are the market names that may appear (Meta's table of the date);
/// names match case-insensitively and come back in Meta's spelling.
pub fn parse(text: &str, markets: &[String]) -> Result<CustomCard, Vec<CardError>> {
    let records = csv::parse(text).map_err(|e| {
        vec![CardError {
            line: e.line,
            kind: CardErrorKind::Csv { problem: e.problem },
        }]
    })?;
    let Some((header_at, header_record)) = records
        .iter()
        .enumerate()
        .find(|(_, r)| r.fields.first().is_some_and(|f| letters(f) == "market"))
    else {
        return Err(vec![CardError {
            line: 0,
            kind: CardErrorKind::NoHeader,
        }]);
    };
    let header: Vec<String> = header_record.fields.iter().map(|f| letters(f)).collect();
    let rows = records.get(header_at + 1..).unwrap_or_default();
    let mut card = if header.iter().any(|h| h == "category") && header.iter().any(|h| h == "rate") {
        plain(&header, rows, markets)?
    } else {
        meta(&header, header_record.line, rows, markets)?
    };
    card.rates
        .sort_by(|a, b| a.market.cmp(&b.market).then(a.category.cmp(&b.category)));
    Ok(card)
}

struct Loader<'m> {
    markets: &'m [String],
    rates: Vec<CustomRate>,
    errors: Vec<CardError>,
}

impl Loader<'_> {
    fn fail(&mut self, line: usize, kind: CardErrorKind) {
        self.errors.push(CardError { line, kind });
    }

    fn market(&mut self, line: usize, name: &str) -> Option<String> {
        let market = name.trim().to_string();
        if let Some(start) = crate::csv::formula_start(&market) {
            self.fail(line, CardErrorKind::FormulaMarket { market, start });
            return None;
        }
        let found = self
            .markets
            .iter()
            .find(|m| m.eq_ignore_ascii_case(&market))
            .cloned();
        if found.is_none() {
            self.fail(line, CardErrorKind::UnknownMarket { market });
        }
        found
    }

    fn add(&mut self, line: usize, market: String, category: Category, rate: Decimal) {
        if self
            .rates
            .iter()
            .any(|r| r.market == market && r.category == category)
        {
            self.fail(line, CardErrorKind::Duplicate { market, category });
        } else {
            self.rates.push(CustomRate {
                market,
                category,
                rate,
            });
        }
    }

    fn finish(self, currency: Option<String>) -> Result<CustomCard, Vec<CardError>> {
        if self.errors.is_empty() {
            Ok(CustomCard {
                currency,
                rates: self.rates,
            })
        } else {
            Err(self.errors)
        }
    }
}

fn plain(
    header: &[String],
    rows: &[Record],
    markets: &[String],
) -> Result<CustomCard, Vec<CardError>> {
    let at = |name: &str| header.iter().position(|h| h == name);
    let (Some(market_i), Some(category_i), Some(rate_i)) =
        (at("market"), at("category"), at("rate"))
    else {
        return Err(vec![CardError {
            line: 0,
            kind: CardErrorKind::PlainHeaderIncomplete,
        }]);
    };
    let mut loader = Loader {
        markets,
        rates: Vec::new(),
        errors: Vec::new(),
    };
    for record in rows {
        let line = record.line;
        if record.fields.len() > header.len() {
            loader.fail(
                line,
                CardErrorKind::TooManyFields {
                    fields: record.fields.len(),
                    header: header.len(),
                },
            );
            continue;
        }
        let cell = |i: usize| csv::field(record, i);
        let market = loader.market(line, cell(market_i));
        let category = Category::parse(cell(category_i));
        if category.is_none() {
            let text = cell(category_i).to_string();
            loader.fail(line, CardErrorKind::UnknownCategory { text });
        }
        let rate = match rate_cell(cell(rate_i)) {
            Ok(Some(rate)) => Some(rate),
            Ok(None) => {
                let text = cell(rate_i).to_string();
                loader.fail(line, CardErrorKind::NoRate { text });
                None
            }
            Err(problem) => {
                loader.fail(line, CardErrorKind::BadRate { problem });
                None
            }
        };
        if let (Some(market), Some(category), Some(rate)) = (market, category, rate) {
            loader.add(line, market, category, rate);
        }
    }
    loader.finish(None)
}

fn meta(
    header: &[String],
    header_line: usize,
    rows: &[Record],
    markets: &[String],
) -> Result<CustomCard, Vec<CardError>> {
    let columns: Vec<(usize, Category)> = META_COLUMNS
        .iter()
        .filter_map(|(name, category)| {
            header
                .iter()
                .position(|h| h == name)
                .map(|i| (i, *category))
        })
        .collect();
    if columns.is_empty() {
        return Err(vec![CardError {
            line: header_line,
            kind: CardErrorKind::NoCategoryColumn,
        }]);
    }
    let currency_i = header.iter().position(|h| h == "currency");
    let mut loader = Loader {
        markets,
        rates: Vec::new(),
        errors: Vec::new(),
    };
    let mut currency: Option<String> = None;
    for record in rows {
        let line = record.line;
        let name = csv::field(record, 0);
        let known = markets.iter().any(|m| m.eq_ignore_ascii_case(name));
        let cells: Vec<Cell> = columns
            .iter()
            .map(|&(i, category)| {
                let text = csv::field(record, i);
                (category, text, rate_cell(text))
            })
            .collect();
        let looks_like_data = cells
            .iter()
            .any(|(_, text, parsed)| matches!(parsed, Ok(Some(_))) || is_na(text));
        if !known && !looks_like_data {
            // A title, a footnote or a link: Meta's files carry several around the table.
            continue;
        }
        let Some(market) = loader.market(line, name) else {
            continue;
        };
        if let Some(i) = currency_i {
            let code = csv::field(record, i).to_ascii_uppercase();
            match &currency {
                None if !code.is_empty() => currency = Some(code),
                Some(seen) if !code.is_empty() && *seen != code => loader.fail(
                    line,
                    CardErrorKind::CurrencyDiffers {
                        code,
                        seen: seen.clone(),
                    },
                ),
                _ => {}
            }
        }
        for (category, text, parsed) in cells {
            match parsed {
                Ok(Some(rate)) => loader.add(line, market.clone(), category, rate),
                Ok(None) => {}
                Err(problem) => loader.fail(
                    line,
                    CardErrorKind::BadRateIn {
                        category,
                        problem,
                        text: text.to_string(),
                    },
                ),
            }
        }
    }
    loader.finish(currency)
}

/// A rate column of one row: its category, its text and what the text reads as.
type Cell<'t> = (Category, &'t str, Result<Option<Decimal>, RateCellError>);

fn is_na(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    matches!(lower.as_str(), "n/a" | "na" | "-" | "—")
}

/// A rate cell: `Ok(None)` for `n/a` or empty, the rate otherwise. Currency symbols or codes
/// around the number and thousands separators (`1,234.5`) are accepted; a comma used as the
/// decimal mark (`0,025`) is not, since it cannot be told from a thousands separator.
fn rate_cell(text: &str) -> Result<Option<Decimal>, RateCellError> {
    let text = text.trim();
    if text.is_empty() || is_na(text) {
        return Ok(None);
    }
    let number = text
        .trim_start_matches(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .trim_end_matches(|c: char| !c.is_ascii_digit());
    if number.starts_with('-') {
        return Err(RateCellError::Negative);
    }
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_well = match groups.split_first() {
        Some((_, [])) => true,
        Some((first, rest)) => {
            !first.is_empty()
                && !first.starts_with('0')
                && first.len() <= 3
                && rest.iter().all(|g| g.len() == 3)
        }
        None => true,
    };
    if !grouped_well {
        return Err(RateCellError::BadGrouping);
    }
    let joined = match fraction {
        Some(fraction) => format!("{}.{fraction}", groups.concat()),
        None => groups.concat(),
    };
    parse_rate(&joined)
        .map(Some)
        .map_err(|_| RateCellError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markets() -> Vec<String> {
        ["India", "Rest of Africa", "North America", "Indonesia"]
            .map(String::from)
            .to_vec()
    }

    const META: &str =
        "Cost per message in INR on the WhatsApp Business Platform, effective October 1, 2026\n\
Learn more here: https://developers.facebook.com/docs/whatsapp/pricing\n\
\n\
Market,Currency,Marketing,Utility,Authentication,\"Authentication-\nInternational\",Service\n\
India,INR,₹0.8631,0.1150,0.1150,2.4971,0.1150\n\
Indonesia,INR,\"1,234.50\",n/a,0.5,n/a,n/a\n\
\n\
* Rates are per delivered message. See our terms, and pricing updates.\n";

    #[test]
    fn reads_metas_layout_with_title_footnotes_symbols_and_separators() {
        let card = parse(META, &markets()).unwrap();
        assert_eq!(card.currency.as_deref(), Some("INR"));
        let find = |m: &str, c: Category| {
            card.rates
                .iter()
                .find(|r| r.market == m && r.category == c)
                .map(|r| r.rate.to_string())
        };
        assert_eq!(
            find("India", Category::Marketing).as_deref(),
            Some("0.8631")
        );
        assert_eq!(
            find("India", Category::AuthenticationInternational).as_deref(),
            Some("2.4971")
        );
        assert_eq!(
            find("Indonesia", Category::Marketing).as_deref(),
            Some("1234.5")
        );
        assert_eq!(find("Indonesia", Category::Utility), None);
        assert_eq!(card.rates.len(), 7);
    }

    #[test]
    fn reads_the_plain_layout() {
        let card = parse("market,category,rate\nindia,utility,0.0013\nRest of Africa,authentication-international,$0.02\n", &markets()).unwrap();
        assert_eq!(card.rates.len(), 2);
        assert_eq!(card.rates[0].market, "India");
        assert_eq!(
            card.rates[1].category,
            Category::AuthenticationInternational
        );
    }

    #[test]
    fn nothing_half_loads_and_every_problem_names_its_line() {
        let text = "market,category,rate\nIndia,utility,0.0013\nIndia,utility,0.0014\nAtlantis,marketing,0.01\nIndia,marketing,abc\nIndia,service,0,025\n";
        let errors = parse(text, &markets()).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6], "{errors:?}");
        assert!(errors[0].to_string().starts_with("line 3: duplicate row"));
        assert_eq!(
            errors[1].kind,
            CardErrorKind::UnknownMarket {
                market: "Atlantis".into()
            }
        );
        let bad_meta =
            "Market,Currency,Marketing\nIndia,INR,0.0118\nAtlantis,INR,0.02\nIndonesia,INR,1.2.3\n";
        let errors = parse(bad_meta, &markets()).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![3, 4]
        );
        assert!(parse("no header here\n1,2\n", &markets()).is_err());
        assert!(parse("Market,Marketing\nIndia,\"0,025\"\n", &markets()).is_err());
    }

    #[test]
    fn a_market_that_starts_like_a_formula_is_refused_in_both_layouts() {
        let plain = "market,category,rate\n=HYPERLINK(\"https://x.example\"),utility,0.01\n@India,marketing,0.02\n";
        let errors = parse(plain, &markets()).unwrap_err();
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            vec![
                "line 2: market `=HYPERLINK(\"https://x.example\")` must not begin with `=` (a spreadsheet would read it as a formula)",
                "line 3: market `@India` must not begin with `@` (a spreadsheet would read it as a formula)",
            ]
        );
        let meta =
            "Market,Currency,Marketing\nIndia,INR,0.0118\n\" -cmd\",INR,0.02\n- a footnote\n";
        let errors = parse(meta, &markets()).unwrap_err();
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            vec!["line 3: market `-cmd` must not begin with `-` (a spreadsheet would read it as a formula)"]
        );
    }

    #[test]
    fn every_kind_reads_as_before() {
        let tests: &[(CardErrorKind, &str)] = &[
            (
                CardErrorKind::Csv {
                    problem: "a quoted field is never closed".into(),
                },
                "a quoted field is never closed",
            ),
            (
                CardErrorKind::NoHeader,
                "no header row starting with `Market` (expected Meta's card layout or market,category,rate)",
            ),
            (
                CardErrorKind::PlainHeaderIncomplete,
                "the header needs market, category and rate",
            ),
            (
                CardErrorKind::NoCategoryColumn,
                "the header names no category column (Marketing, Utility, Authentication, Authentication-International, Service)",
            ),
            (
                CardErrorKind::TooManyFields {
                    fields: 4,
                    header: 3,
                },
                "4 fields where the header has 3 (a decimal comma, or a comma inside an unquoted value?)",
            ),
            (
                CardErrorKind::FormulaMarket {
                    market: "@India".into(),
                    start: '@',
                },
                "market `@India` must not begin with `@` (a spreadsheet would read it as a formula)",
            ),
            (
                CardErrorKind::UnknownMarket {
                    market: "Atlantis".into(),
                },
                "unknown market `Atlantis` (not in Meta's market table)",
            ),
            (
                CardErrorKind::UnknownCategory {
                    text: "promo".into(),
                },
                "unknown category `promo`",
            ),
            (
                CardErrorKind::NoRate { text: "n/a".into() },
                "rate `n/a` is not a number",
            ),
            (
                CardErrorKind::BadRate {
                    problem: RateCellError::Negative,
                },
                "a rate cannot be negative",
            ),
            (
                CardErrorKind::BadRateIn {
                    category: Category::Marketing,
                    problem: RateCellError::BadGrouping,
                    text: "0,025".into(),
                },
                "marketing: not a number (thousands separators must group three digits; use `.` for decimals) (`0,025`)",
            ),
            (
                CardErrorKind::BadRateIn {
                    category: Category::Utility,
                    problem: RateCellError::NotANumber,
                    text: "1.2.3".into(),
                },
                "utility: not a number (`1.2.3`)",
            ),
            (
                CardErrorKind::Duplicate {
                    market: "India".into(),
                    category: Category::Utility,
                },
                "duplicate row: India utility is given twice",
            ),
            (
                CardErrorKind::CurrencyDiffers {
                    code: "EUR".into(),
                    seen: "INR".into(),
                },
                "currency `EUR` differs from `INR` on the rows above",
            ),
        ];
        for (kind, expected) in tests {
            assert_eq!(kind.to_string(), *expected, "{kind:?}");
        }
        let at_line = CardError {
            line: 3,
            kind: CardErrorKind::NoHeader,
        };
        assert!(at_line.to_string().starts_with("line 3: no header row"));
    }
}
