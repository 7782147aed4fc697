//! A user's own rate card: Meta's published CSV as downloaded (title and footnote lines, one
//! column per category, `n/a` cells, currency symbols, thousands separators), or a plain
//! `market,category,rate` file. Either becomes `custom_rates` for a scenario.
//!
//! The whole file loads or nothing does: a bad number, an unknown market or a duplicate row is
//! an error naming its line, and every such error is reported at once (the first
//! `MAX_LISTED_ERRORS`, then how many more).
//!
//! The file is read by the project's CSV reader (`crate::csv`). Its separator is sniffed from
//! the header row: a `;` file comes from a spreadsheet whose decimal mark is a comma (French,
//! Spanish or Brazilian Excel), so its rates are read with `,` as the decimal mark and `.` or
//! spaces grouping thousands; in `,` and tab files `.` is the decimal mark and `,` groups.

use crate::category::Category;
use crate::csv::{self, ErrorKind, Limits, ReadError, Record, Separator};
use crate::locale::{ungroup, Locale};
use crate::money::parse_rate;
use crate::scenario::CustomRate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The largest card read, in bytes. Meta's card is about 10 KB; a `market,category,rate` file
/// for every market and category about 15 KB.
pub const MAX_CARD_BYTES: usize = 1_000_000;
/// The most rows read (Meta's table has about 60 markets; the plain layout about 300 rows).
pub const MAX_CARD_ROWS: usize = 5_000;
/// The most problems listed; the rest are counted.
pub const MAX_LISTED_ERRORS: usize = 20;

/// A problem in the card text, at a 1-based line (0: the card as a whole) and, for a problem
/// of the CSV itself, a 1-based column (0: the whole line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardError {
    pub line: usize,
    #[serde(default)]
    pub column: usize,
    pub message: String,
}

impl CardError {
    fn at_line(line: usize, message: String) -> CardError {
        CardError {
            line,
            column: 0,
            message,
        }
    }

    fn of_csv(error: ReadError) -> CardError {
        match error.kind {
            ErrorKind::TooLarge { .. } | ErrorKind::TooManyRecords { .. } => {
                CardError::at_line(0, error.kind.to_string())
            }
            kind => CardError {
                line: error.at.line,
                column: error.at.column,
                message: kind.to_string(),
            },
        }
    }
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => f.write_str(&self.message),
            (line, 0) => write!(f, "line {line}: {}", self.message),
            (line, column) => write!(f, "line {line}, column {column}: {}", self.message),
        }
    }
}

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

/// Refuses a card file over `MAX_CARD_BYTES` from its size alone, before it is read.
pub fn check_file_size(bytes: u64) -> Result<(), CardError> {
    let found = usize::try_from(bytes).unwrap_or(usize::MAX);
    if found <= MAX_CARD_BYTES {
        return Ok(());
    }
    Err(CardError::at_line(
        0,
        ErrorKind::TooLarge {
            limit: MAX_CARD_BYTES,
            found,
        }
        .to_string(),
    ))
}

/// Parses a card. `markets` are the market names that may appear (Meta's table of the date);
/// names match case-insensitively and come back in Meta's spelling.
pub fn parse(text: &str, markets: &[String]) -> Result<CustomCard, Vec<CardError>> {
    parse_all(text, markets).map_err(|mut errors| {
        if errors.len() > MAX_LISTED_ERRORS {
            let more = errors.len() - MAX_LISTED_ERRORS;
            errors.truncate(MAX_LISTED_ERRORS);
            errors.push(CardError::at_line(0, format!("… and {more} more")));
        }
        errors
    })
}

fn parse_all(text: &str, markets: &[String]) -> Result<CustomCard, Vec<CardError>> {
    let limits = Limits {
        max_bytes: MAX_CARD_BYTES,
        max_records: MAX_CARD_ROWS,
    };
    limits
        .check_size(text)
        .map_err(|e| vec![CardError::of_csv(e)])?;
    let separator = separator(text);
    let numbers = match separator {
        // The widest set of a decimal-comma spreadsheet's marks: `.` or spaces group.
        Separator::Semicolon => Locale::Fr,
        Separator::Comma | Separator::Tab => Locale::En,
    };
    let mut records =
        csv::read_all(text, separator, limits).map_err(|e| vec![CardError::of_csv(e)])?;
    records.retain(|record| !record.is_blank());
    let mut rest = records.as_slice();
    let header_record = loop {
        match rest.split_first() {
            Some((first, tail)) => {
                rest = tail;
                if letters(first.cell(0)) == "market" {
                    break first;
                }
            }
            None => return Err(vec![CardError::at_line(
                0,
                "no header row starting with `Market` (expected Meta's card layout or market,category,rate)".into(),
            )]),
        }
    };
    let rows = rest;
    let header: Vec<String> = header_record.texts().map(letters).collect();
    let mut card = if header.iter().any(|h| h == "category") && header.iter().any(|h| h == "rate") {
        plain(&header, rows, markets, numbers)?
    } else {
        meta(&header, header_record.line, rows, markets, numbers)?
    };
    card.rates
        .sort_by(|a, b| a.market.cmp(&b.market).then(a.category.cmp(&b.category)));
    Ok(card)
}

/// The separator of the header row (the first line whose first field is `Market`), so a title
/// line above Meta's table cannot decide it; the first line's if there is no such row.
fn separator(text: &str) -> Separator {
    let header = text.lines().find(|line| {
        let first = line.split([',', ';', '\t']).next().unwrap_or("");
        letters(first) == "market"
    });
    csv::sniff(header.unwrap_or(text)).unwrap_or(Separator::Comma)
}

struct Loader<'m> {
    markets: &'m [String],
    rates: Vec<CustomRate>,
    /// The market and category of each rate in `rates` (to the line that gave it), so a
    /// duplicate is found without a scan. A `HashMap<String, usize>`, the type the page's
    /// sheet uses too, so a wasm build carries the map's code once.
    seen: HashMap<String, usize>,
    errors: Vec<CardError>,
}

impl<'m> Loader<'m> {
    fn new(markets: &'m [String]) -> Loader<'m> {
        Loader {
            markets,
            rates: Vec::new(),
            seen: HashMap::new(),
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, line: usize, message: String) {
        self.errors.push(CardError::at_line(line, message));
    }

    fn market(&mut self, line: usize, name: &str) -> Option<String> {
        if let Some(start) = crate::csv::formula_start(name.trim()) {
            self.fail(
                line,
                format!(
                    "market `{}` must not begin with `{}` (a spreadsheet would read it as a formula)",
                    name.trim(),
                    start.escape_debug()
                ),
            );
            return None;
        }
        let found = self
            .markets
            .iter()
            .find(|m| m.eq_ignore_ascii_case(name.trim()))
            .cloned();
        if found.is_none() {
            self.fail(
                line,
                format!(
                    "unknown market `{}` (not in Meta's market table)",
                    name.trim()
                ),
            );
        }
        found
    }

    fn add(&mut self, line: usize, market: String, category: Category, rate: Decimal) {
        if self
            .seen
            .insert(format!("{market}\n{category}"), line)
            .is_some()
        {
            self.fail(
                line,
                format!("duplicate row: {market} {category} is given twice"),
            );
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
    numbers: Locale,
) -> Result<CustomCard, Vec<CardError>> {
    let at = |name: &str| header.iter().position(|h| h == name);
    let (Some(market_i), Some(category_i), Some(rate_i)) =
        (at("market"), at("category"), at("rate"))
    else {
        return Err(vec![CardError::at_line(
            0,
            "the header needs market, category and rate".into(),
        )]);
    };
    let mut loader = Loader::new(markets);
    for record in rows {
        let line = record.line;
        if let Err(error) = record.check_width(header.len()) {
            loader.errors.push(CardError::of_csv(error));
            continue;
        }
        let cell = |i: usize| record.cell(i);
        let market = loader.market(line, cell(market_i));
        let category = Category::parse(cell(category_i));
        if category.is_none() {
            loader.fail(line, format!("unknown category `{}`", cell(category_i)));
        }
        let rate = match rate_cell(cell(rate_i), numbers) {
            Ok(Some(rate)) => Some(rate),
            Ok(None) => {
                loader.fail(line, format!("rate `{}` is not a number", cell(rate_i)));
                None
            }
            Err(message) => {
                loader.fail(line, message);
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
    numbers: Locale,
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
        return Err(vec![CardError::at_line(
            header_line,
            "the header names no category column (Marketing, Utility, Authentication, Authentication-International, Service)".into(),
        )]);
    }
    let currency_i = header.iter().position(|h| h == "currency");
    let mut loader = Loader::new(markets);
    let mut currency: Option<String> = None;
    for record in rows {
        let line = record.line;
        let name = record.cell(0);
        let known = markets.iter().any(|m| m.eq_ignore_ascii_case(name));
        let cells: Vec<Cell> = columns
            .iter()
            .map(|&(i, category)| {
                let text = record.cell(i);
                (category, text, rate_cell(text, numbers))
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
            let code = record.cell(i).to_ascii_uppercase();
            match &currency {
                None if !code.is_empty() => currency = Some(code),
                Some(seen) if !code.is_empty() && *seen != code => loader.fail(
                    line,
                    format!("currency `{code}` differs from `{seen}` on the rows above"),
                ),
                _ => {}
            }
        }
        for (category, text, parsed) in cells {
            match parsed {
                Ok(Some(rate)) => loader.add(line, market.clone(), category, rate),
                Ok(None) => {}
                Err(message) => loader.fail(line, format!("{category}: {message} (`{text}`)")),
            }
        }
    }
    loader.finish(currency)
}

/// A rate column of one row: its category, its text and what the text reads as.
type Cell<'t> = (Category, &'t str, Result<Option<Decimal>, String>);

fn is_na(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    matches!(lower.as_str(), "n/a" | "na" | "-" | "—")
}

/// A rate cell: `Ok(None)` for `n/a` or empty, the rate otherwise. Currency symbols or codes
/// around the number and thousands separators (`1,234.5`, or `1.234,5` in a `;` file) are
/// accepted; the decimal mark of the other convention is read only as grouping by three, so
/// `0,025` in a `,` file (or `0.025` in a `;` file) is refused rather than guessed.
fn rate_cell(text: &str, numbers: Locale) -> Result<Option<Decimal>, String> {
    let text = text.trim();
    if text.is_empty() || is_na(text) {
        return Ok(None);
    }
    let decimal = numbers.decimal_mark();
    let number = text
        .trim_start_matches(|c: char| !(c.is_ascii_digit() || c == decimal || c == '-'))
        .trim_end_matches(|c: char| !c.is_ascii_digit());
    if number.starts_with('-') {
        return Err("a rate cannot be negative".into());
    }
    let (whole, fraction) = match number.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    if whole.is_empty() {
        return Err("not a number".into());
    }
    let Some(digits) = ungroup(whole, numbers.grouping_marks()) else {
        return Err(match numbers {
            Locale::En => {
                "not a number (thousands separators must group three digits; use `.` for decimals)"
                    .into()
            }
            _ => "not a number (in a `;`-separated file `,` is the decimal mark, and `.` or a space groups three digits)".into(),
        });
    };
    let joined = match fraction {
        Some(fraction) => format!("{digits}.{fraction}"),
        None => digits.into_owned(),
    };
    parse_rate(&joined)
        .map(Some)
        .map_err(|_| "not a number".into())
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
        assert!(errors[1].message.contains("Atlantis"));
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
        let plain = "market,category,rate\n\"=HYPERLINK(\"\"https://x.example\"\")\",utility,0.01\n@India,marketing,0.02\n";
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
    fn a_card_from_a_decimal_comma_excel_reads_with_semicolons_and_commas() {
        // Meta's card saved by a French Excel: `;` between fields, `,` as the decimal mark,
        // the title above the table with a comma of its own.
        let french = "Cost per message in INR, effective October 1, 2026\n\
Market;Currency;Marketing;Utility;Authentication\n\
India;INR;0,8631;0,1150;n/a\n\
Indonesia;INR;1.234,50;1 234,5;\"0,5\"\n";
        let card = parse(french, &markets()).unwrap();
        let rates: Vec<String> = card
            .rates
            .iter()
            .map(|r| format!("{} {} {}", r.market, r.category, r.rate))
            .collect();
        assert_eq!(
            rates,
            [
                "India marketing 0.8631",
                "India utility 0.115",
                "Indonesia marketing 1234.5",
                "Indonesia utility 1234.5",
                "Indonesia authentication 0.5",
            ]
        );
        let plain = parse("market;category;rate\nIndia;utility;0,0013\n", &markets()).unwrap();
        assert_eq!(plain.rates[0].rate.to_string(), "0.0013");
        // A point in a `;` file can only group thousands: refused, not guessed.
        let errors = parse("market;category;rate\nIndia;utility;0.0013\n", &markets()).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "line 2: not a number (in a `;`-separated file `,` is the decimal mark, and `.` or a space groups three digits)"
        );
    }

    #[test]
    fn csv_problems_name_line_and_column() {
        let errors = parse("market,category,rate\nIndia,marketing,5\"\n", &markets()).unwrap_err();
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["line 2, column 18: a quote inside a field that does not start with one (quote the whole field and double the quote: \"5\"\"\")"]
        );
        let errors = parse("market,category,rate\nIndia,utility,0.01,3\n", &markets()).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "line 2, column 20: 4 fields where the header has 3 (a decimal comma, or a separator inside an unquoted value?)"
        );
        // Empty padding fields, as spreadsheets write them, are not extra fields.
        let card = parse("market,category,rate,,\nIndia,utility,0.01,,\n", &markets()).unwrap();
        assert_eq!(card.rates.len(), 1);
    }

    #[test]
    fn caps_are_named_with_the_figure_found() {
        let big = format!("market,category,rate\n{}", " ".repeat(MAX_CARD_BYTES));
        let errors = parse(&big, &markets()).unwrap_err();
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["too large: 1,000,021 bytes, and at most 1,000,000 are read"]
        );
        assert_eq!(
            check_file_size(2_000_000).unwrap_err().to_string(),
            "too large: 2,000,000 bytes, and at most 1,000,000 are read"
        );
        assert_eq!(check_file_size(1_000_000), Ok(()));
        let many = format!(
            "market,category,rate\n{}",
            "India,utility,0.01\n".repeat(MAX_CARD_ROWS + 1)
        );
        let errors = parse(&many, &markets()).unwrap_err();
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["too many rows: 5,002, and at most 5,000 are read"]
        );
        let bad = format!(
            "market,category,rate\n{}",
            "Atlantis,utility,0.01\n".repeat(30)
        );
        let errors = parse(&bad, &markets()).unwrap_err();
        assert_eq!(errors.len(), MAX_LISTED_ERRORS + 1);
        assert_eq!(
            errors[0].to_string(),
            "line 2: unknown market `Atlantis` (not in Meta's market table)"
        );
        assert_eq!(errors[MAX_LISTED_ERRORS].to_string(), "… and 10 more");
    }
}
