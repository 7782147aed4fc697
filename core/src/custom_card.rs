//! A user's own rate card: Meta's published CSV as downloaded (title and footnote lines, one
//! column per category, `n/a` cells, currency symbols, thousands separators), or a plain
//! `market,category,rate` file. Either becomes `custom_rates` for a scenario.
//!
//! The whole file loads or nothing does: a bad number, an unknown market or a duplicate row is
//! an error naming its line, and every such error is reported at once (the first
//! `MAX_LISTED_ERRORS`, then how many more).
//!
//! A card remembers its currency: from its `Currency` column, from its title or headers
//! (Meta's "Cost per message in INR …", a "Marketing (USD)" column), or from the codes and
//! symbols printed in its cells (`₹0.8631`, `0.8631 EUR`, `US$0.02`, read through
//! `crate::currency`). Two currencies in one card, or a card in another currency than the
//! one asked (`parse_in`), are refused with both named: wacost never converts.
//!
//! The file is read by the project's CSV reader (`crate::csv`). Its separator is sniffed from
//! the header row: a `;` file comes from a spreadsheet whose decimal mark is a comma (French,
//! Spanish or Brazilian Excel), so its rates are read with `,` as the decimal mark and `.` or
//! spaces grouping thousands; in `,` and tab files `.` is the decimal mark and `,` groups.

use crate::category::Category;
use crate::csv::{self, ErrorKind, Limits, ReadError, Record, Separator};
use crate::currency::{self, AroundError, Currency, Mark};
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
/// of the CSV itself, a 1-based character column (0: the whole line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardError {
    pub line: usize,
    pub column: usize,
    pub kind: CardErrorKind,
}

/// What is wrong with a card, with the figures its sentence needs, so a surface can word it in
/// its own language; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardErrorKind {
    /// The text cannot be read as CSV, or is over a cap (then at line 0).
    Csv(ErrorKind),
    /// More problems than are listed: how many more.
    More {
        count: usize,
    },
    /// No row starts with `Market`.
    NoHeader,
    /// A `market,category,rate` header without one of the three.
    PlainHeaderIncomplete,
    /// Meta's layout without any category column.
    NoCategoryColumn,
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
    /// A rate that is not a number (plain layout), with the cell as written.
    BadRate {
        problem: RateCellError,
        text: String,
    },
    /// A rate that is not a number, in a category column of Meta's layout.
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
    /// A `Currency` cell that is no ISO 4217 code.
    NotACurrencyCode {
        text: String,
    },
    /// The card says it is in another currency than asked, or in two.
    Currency(Box<CurrencyError>),
}

/// Why a rate cell is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateCellError {
    Negative,
    NotANumber,
    /// Text beside the number that is no currency, or two currencies around it.
    Around(Box<AroundError>),
    /// Grouping marks that do not group three digits: the other convention's decimal mark.
    /// `decimal_comma` when the file is `;`-separated, so `,` is its decimal mark.
    BadGrouping {
        decimal_comma: bool,
    },
}

impl fmt::Display for RateCellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RateCellError::Around(around) => return around.fmt(f),
            RateCellError::Negative => "a rate cannot be negative",
            RateCellError::NotANumber => "not a number",
            RateCellError::BadGrouping { decimal_comma: false } => {
                "not a number (thousands separators must group three digits; use `.` for decimals)"
            }
            RateCellError::BadGrouping { decimal_comma: true } => {
                "not a number (in a `;`-separated file `,` is the decimal mark, and `.` or a space groups three digits)"
            }
        })
    }
}

impl fmt::Display for CardErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardErrorKind::Csv(kind) => kind.fmt(f),
            CardErrorKind::More { count } => write!(f, "… and {count} more"),
            CardErrorKind::NoHeader => f.write_str(
                "no header row starting with `Market` (expected Meta's card layout or market,category,rate)",
            ),
            CardErrorKind::PlainHeaderIncomplete => {
                f.write_str("the header needs market, category and rate")
            }
            CardErrorKind::NoCategoryColumn => f.write_str(
                "the header names no category column (Marketing, Utility, Authentication, Authentication-International, Service)",
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
            CardErrorKind::BadRate { problem, .. } => problem.fmt(f),
            CardErrorKind::BadRateIn {
                category,
                problem,
                text,
            } => write!(f, "{category}: {problem} (`{text}`)"),
            CardErrorKind::Duplicate { market, category } => {
                write!(f, "duplicate row: {market} {category} is given twice")
            }
            CardErrorKind::NotACurrencyCode { text } => write!(
                f,
                "currency `{text}` is not an ISO 4217 code (three letters, e.g. USD)"
            ),
            CardErrorKind::Currency(error) => error.fmt(f),
        }
    }
}

impl CardError {
    fn at_line(line: usize, kind: CardErrorKind) -> CardError {
        CardError {
            line,
            column: 0,
            kind,
        }
    }

    fn of_csv(error: ReadError) -> CardError {
        match error.kind {
            ErrorKind::TooLarge { .. } | ErrorKind::TooManyRecords { .. } => {
                CardError::at_line(0, CardErrorKind::Csv(error.kind))
            }
            kind => CardError {
                line: error.at.line,
                column: error.at.column,
                kind: CardErrorKind::Csv(kind),
            },
        }
    }
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => self.kind.fmt(f),
            (line, 0) => write!(f, "line {line}: {}", self.kind),
            (line, column) => write!(f, "line {line}, column {column}: {}", self.kind),
        }
    }
}

impl std::error::Error for CardError {}

/// The rates read from a card and its currency: the one it names (column, title, header or
/// cells), else the one it was asked in (`parse_in`); none when neither. Every rate carries it.
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
        CardErrorKind::Csv(ErrorKind::TooLarge {
            limit: MAX_CARD_BYTES,
            found,
        }),
    ))
}

/// Parses a card. `markets` are the market names that may appear (Meta's table of the date);
/// names match case-insensitively and come back in Meta's spelling.
pub fn parse(text: &str, markets: &[String]) -> Result<CustomCard, Vec<CardError>> {
    parse_listed(text, markets, None)
}

/// Parses a card that must be in `currency` (an ISO 4217 code): a card or a cell that says it
/// is in another currency is refused, naming both. A card that says nothing is taken to be
/// in `currency`, and its rates carry it.
pub fn parse_in(
    text: &str,
    markets: &[String],
    currency: &str,
) -> Result<CustomCard, Vec<CardError>> {
    parse_listed(text, markets, Some(currency.trim().to_ascii_uppercase()))
}

fn parse_listed(
    text: &str,
    markets: &[String],
    asked: Option<String>,
) -> Result<CustomCard, Vec<CardError>> {
    parse_all(text, markets, asked).map_err(|mut errors| {
        if errors.len() > MAX_LISTED_ERRORS {
            let more = errors.len() - MAX_LISTED_ERRORS;
            errors.truncate(MAX_LISTED_ERRORS);
            errors.push(CardError::at_line(0, CardErrorKind::More { count: more }));
        }
        errors
    })
}

fn parse_all(
    text: &str,
    markets: &[String],
    asked: Option<String>,
) -> Result<CustomCard, Vec<CardError>> {
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
    let mut currency = CardCurrency::asked(asked);
    let mut title_errors = Vec::new();
    let header_record = loop {
        match rest.split_first() {
            Some((first, tail)) => {
                rest = tail;
                if letters(first.cell(0)) == "market" {
                    break first;
                }
                // A title above the table may say the card's currency.
                if let Err(e) = currency.named_in(first, Source::Title) {
                    title_errors.push(e);
                }
            }
            None => return Err(vec![CardError::at_line(0, CardErrorKind::NoHeader)]),
        }
    };
    let rows = rest;
    if let Err(e) = currency.named_in(header_record, Source::Header) {
        title_errors.push(e);
    }
    if !title_errors.is_empty() {
        return Err(title_errors);
    }
    let header: Vec<String> = header_record
        .texts()
        .map(|text| letters(&without_currency(text)))
        .collect();
    let loader = Loader::new(markets, currency);
    let mut card = if header.iter().any(|h| h == "category") && header.iter().any(|h| h == "rate") {
        plain(&header, header_record.line, rows, loader, numbers)?
    } else {
        meta(&header, header_record.line, rows, loader, numbers)?
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
    currency: CardCurrency,
    rates: Vec<CustomRate>,
    /// The market and category of each rate in `rates` (to the line that gave it), so a
    /// duplicate is found without a scan. A `HashMap<String, usize>`, the type the page's
    /// sheet uses too, so a wasm build carries the map's code once.
    seen: HashMap<String, usize>,
    errors: Vec<CardError>,
}

impl<'m> Loader<'m> {
    fn new(markets: &'m [String], currency: CardCurrency) -> Loader<'m> {
        Loader {
            markets,
            currency,
            rates: Vec::new(),
            seen: HashMap::new(),
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, line: usize, kind: CardErrorKind) {
        self.errors.push(CardError::at_line(line, kind));
    }

    fn market(&mut self, line: usize, name: &str) -> Option<String> {
        if let Some(start) = crate::csv::formula_start(name.trim()) {
            self.fail(
                line,
                CardErrorKind::FormulaMarket {
                    market: name.trim().to_string(),
                    start,
                },
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
                CardErrorKind::UnknownMarket {
                    market: name.trim().to_string(),
                },
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
            self.fail(line, CardErrorKind::Duplicate { market, category });
        } else {
            self.rates.push(CustomRate {
                market,
                category,
                rate,
                currency: None,
            });
        }
    }

    /// The currency printed in a rate cell, checked against the card's.
    fn cell_currency(&mut self, line: usize, text: &str, mark: Option<Mark>) {
        if let Some(mark) = mark {
            if let Err(e) = self.currency.printed(mark, text, line) {
                self.errors.push(e);
            }
        }
    }

    fn finish(self) -> Result<CustomCard, Vec<CardError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let currency = self.currency.of_card();
        let mut rates = self.rates;
        for rate in &mut rates {
            rate.currency.clone_from(&currency);
        }
        Ok(CustomCard { currency, rates })
    }
}

fn plain(
    header: &[String],
    header_line: usize,
    rows: &[Record],
    mut loader: Loader,
    numbers: Locale,
) -> Result<CustomCard, Vec<CardError>> {
    let at = |name: &str| header.iter().position(|h| h == name);
    let (Some(market_i), Some(category_i), Some(rate_i)) =
        (at("market"), at("category"), at("rate"))
    else {
        return Err(vec![CardError::at_line(
            header_line,
            CardErrorKind::PlainHeaderIncomplete,
        )]);
    };
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
            loader.fail(
                line,
                CardErrorKind::UnknownCategory {
                    text: cell(category_i).to_string(),
                },
            );
        }
        let rate = match rate_cell(cell(rate_i), numbers) {
            Ok(Some((rate, mark))) => {
                loader.cell_currency(line, cell(rate_i), mark);
                Some(rate)
            }
            Ok(None) => {
                loader.fail(
                    line,
                    CardErrorKind::NoRate {
                        text: cell(rate_i).to_string(),
                    },
                );
                None
            }
            Err(problem) => {
                loader.fail(
                    line,
                    CardErrorKind::BadRate {
                        problem,
                        text: cell(rate_i).to_string(),
                    },
                );
                None
            }
        };
        if let (Some(market), Some(category), Some(rate)) = (market, category, rate) {
            loader.add(line, market, category, rate);
        }
    }
    loader.finish()
}

fn meta(
    header: &[String],
    header_line: usize,
    rows: &[Record],
    mut loader: Loader,
    numbers: Locale,
) -> Result<CustomCard, Vec<CardError>> {
    let markets = loader.markets;
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
            CardErrorKind::NoCategoryColumn,
        )]);
    }
    let currency_i = header.iter().position(|h| h == "currency");
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
            if let Err(e) = loader.currency.column(record.cell(i), line) {
                loader.errors.push(e);
            }
        }
        for (category, text, parsed) in cells {
            match parsed {
                Ok(Some((rate, mark))) => {
                    loader.cell_currency(line, text, mark);
                    loader.add(line, market.clone(), category, rate);
                }
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
    loader.finish()
}

/// A rate column of one row: its category, its text and what the text reads as.
type Cell<'t> = (
    Category,
    &'t str,
    Result<Option<(Decimal, Option<Mark>)>, RateCellError>,
);

fn is_na(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    matches!(lower.as_str(), "n/a" | "na" | "-" | "—")
}

/// A rate cell: `Ok(None)` for `n/a` or empty, the rate and the currency printed beside it
/// otherwise. A currency code or symbol before or after the number (`₹0.8631`, `0.8631 EUR`)
/// and thousands separators (`1,234.5`, or `1.234,5` in a `;` file) are accepted; any other
/// text beside the number is refused; the decimal mark of the other convention is read only
/// as grouping by three, so `0,025` in a `,` file (or `0.025` in a `;` file) is refused rather
/// than guessed.
fn rate_cell(
    text: &str,
    numbers: Locale,
) -> Result<Option<(Decimal, Option<Mark>)>, RateCellError> {
    let text = text.trim();
    if text.is_empty() || is_na(text) {
        return Ok(None);
    }
    let decimal = numbers.decimal_mark();
    let printed = currency::split_figure(text).map_err(|e| RateCellError::Around(Box::new(e)))?;
    let number = printed.number;
    if number.starts_with('-') {
        return Err(RateCellError::Negative);
    }
    let (whole, fraction) = match number.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    if whole.is_empty() {
        return Err(RateCellError::NotANumber);
    }
    let Some(digits) = ungroup(whole, numbers.grouping_marks()) else {
        return Err(RateCellError::BadGrouping {
            decimal_comma: numbers.decimal_mark() == ',',
        });
    };
    let joined = match fraction {
        Some(fraction) => format!("{digits}.{fraction}"),
        None => digits.into_owned(),
    };
    parse_rate(&joined)
        .map(|rate| Some((rate, printed.mark)))
        .map_err(|_| RateCellError::NotANumber)
}

/// A column header without the currency it names (`Marketing (USD)` → `Marketing `), so the
/// column is known by its name.
fn without_currency(text: &str) -> String {
    match currency::code_named_in(text) {
        Some(code) => text
            .replace(&format!("({code})"), "")
            .replace(&format!("in {code}"), ""),
        None => text.to_string(),
    }
}

/// Where a card said its currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Its `Currency` column, on a line.
    Column(usize),
    /// A line above the table (Meta's "Cost per message in INR …").
    Title,
    /// A column header (`Marketing (USD)`).
    Header,
    /// A rate cell (`₹0.8631`), on a line.
    Cell(usize),
}

/// What a card said of its currency, where, and as printed (`shown`); `currency` is the code,
/// or the mark with the codes it may mean (`$ (one of USD, ARS, …)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencySaid {
    pub source: Source,
    pub shown: String,
    pub currency: String,
}

impl fmt::Display for CurrencySaid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let in_words = &self.currency;
        match self.source {
            Source::Cell(_) => write!(f, "`{}` is in {in_words}", self.shown),
            Source::Column(_) => write!(f, "the card's Currency column says {in_words}"),
            Source::Title => write!(f, "the card's title says {in_words}"),
            Source::Header => write!(f, "the card's header says {in_words}"),
        }
    }
}

/// A card in another currency than asked, or in two: wacost never converts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CurrencyError {
    /// What the card says (`said`) is not the currency asked; `choose` is what to choose
    /// instead.
    NotAsked {
        said: CurrencySaid,
        asked: String,
        choose: String,
    },
    /// The card prints a symbol several currencies print (`$`), none of them the one asked:
    /// which one it means is the user's answer, never a guess. `candidates` are the billing
    /// currencies it may mean (those Meta publishes cards in), in the symbol's order.
    WhichCurrency {
        said: CurrencySaid,
        printed: String,
        asked: String,
        candidates: Vec<String>,
    },
    /// What the card says here is not what it said before, at `first`.
    Mixed {
        said: CurrencySaid,
        card: String,
        first: Source,
    },
}

impl fmt::Display for CurrencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CurrencyError::NotAsked {
                said,
                asked,
                choose,
            } => write!(
                f,
                "{said}, and the estimate is in {asked}: wacost never converts (load a card in {asked}, or choose {choose} first)"
            ),
            CurrencyError::WhichCurrency {
                said,
                printed,
                asked,
                candidates,
            } => write!(
                f,
                "{said}, and the estimate is in {asked}: which currency does `{printed}` mean here ({}, …)? wacost never converts (load a card in {asked}, or choose the card's currency first)",
                candidates.join(", ")
            ),
            CurrencyError::Mixed { said, card, first } => {
                write!(f, "{said}, but the card is in {card} (")?;
                match first {
                    Source::Column(line) => write!(f, "its Currency column, line {line}")?,
                    Source::Title => f.write_str("its title")?,
                    Source::Header => f.write_str("its header")?,
                    Source::Cell(line) => write!(f, "line {line}")?,
                }
                f.write_str("): one card has one currency")
            }
        }
    }
}

/// The currency a card is read in: the one asked, and what the card says of itself.
struct CardCurrency {
    asked: Option<String>,
    /// The card's own, once it names one, and where it did.
    known: Option<(&'static str, Source)>,
    /// A symbol that may mean several currencies (`$`), seen before the card named one: the
    /// code named later must be one of them.
    loose: Option<(Mark, Source)>,
}

impl CardCurrency {
    fn asked(asked: Option<String>) -> CardCurrency {
        CardCurrency {
            asked,
            known: None,
            loose: None,
        }
    }

    /// The card's currency once read: its own, else the one asked.
    fn of_card(&self) -> Option<String> {
        self.known
            .map(|(code, _)| code.to_string())
            .or_else(|| self.asked.clone())
    }

    fn at(source: Source) -> usize {
        match source {
            Source::Column(line) | Source::Cell(line) => line,
            Source::Title | Source::Header => 0,
        }
    }

    /// Takes a mark the card printed (`shown` is how, for the message), at `source`.
    fn take(&mut self, mark: Mark, shown: &str, source: Source) -> Result<(), CardError> {
        let fail = |error: CurrencyError| {
            CardError::at_line(
                CardCurrency::at(source),
                CardErrorKind::Currency(Box::new(error)),
            )
        };
        let said = CurrencySaid {
            source,
            shown: shown.to_string(),
            currency: mark.code().map_or_else(|| mark.to_string(), str::to_string),
        };
        if let Some(asked) = &self.asked {
            if !mark.means(asked) {
                return Err(fail(match mark.code() {
                    Some(code) => CurrencyError::NotAsked {
                        said,
                        asked: asked.clone(),
                        choose: code.to_string(),
                    },
                    None => CurrencyError::WhichCurrency {
                        said,
                        printed: mark.printed.to_string(),
                        asked: asked.clone(),
                        candidates: mark
                            .codes()
                            .iter()
                            .filter(|code| Currency::of(code).is_some_and(Currency::is_billing))
                            .map(|code| (*code).to_string())
                            .collect(),
                    },
                }));
            }
        }
        let earlier = self
            .known
            .map(|(code, at)| (code.to_string(), at, mark.means(code)))
            .or_else(|| {
                let (loose, at) = self.loose?;
                let agrees = loose.codes().iter().any(|c| mark.means(c));
                Some((loose.to_string(), at, agrees))
            });
        if let Some((card, first, false)) = earlier {
            return Err(fail(CurrencyError::Mixed { said, card, first }));
        }
        match mark.code() {
            Some(code) if self.known.is_none() => self.known = Some((code, source)),
            None if self.known.is_none() && self.loose.is_none() => {
                self.loose = Some((mark, source))
            }
            _ => {}
        }
        Ok(())
    }

    /// A code named in a title line or a header cell (`Cost per message in INR`).
    fn named_in(&mut self, record: &Record, source: Source) -> Result<(), CardError> {
        for text in record.texts() {
            if let Some(mark) = currency::code_named_in(text).and_then(Mark::of) {
                let result = self.take(mark, text.trim(), source);
                result.map_err(|mut e| {
                    e.line = record.line;
                    e
                })?;
            }
        }
        Ok(())
    }

    /// A row's `Currency` cell: a code, or nothing.
    fn column(&mut self, text: &str, line: usize) -> Result<(), CardError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        match Mark::of(text) {
            Some(mark) => self.take(mark, text, Source::Column(line)),
            None => Err(CardError::at_line(
                line,
                CardErrorKind::NotACurrencyCode {
                    text: text.to_string(),
                },
            )),
        }
    }

    /// A code or symbol printed beside a rate.
    fn printed(&mut self, mark: Mark, cell: &str, line: usize) -> Result<(), CardError> {
        self.take(mark, cell.trim(), Source::Cell(line))
    }
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
    fn a_card_remembers_its_currency_from_column_title_header_or_cells() {
        // Meta's layout: the Currency column and the title both say INR.
        let card = parse(META, &markets()).unwrap();
        assert_eq!(card.currency.as_deref(), Some("INR"));
        assert!(card
            .rates
            .iter()
            .all(|r| r.currency.as_deref() == Some("INR")));
        // The title alone.
        let titled =
            "Cost per message in EUR, effective October 1, 2026\nMarket,Marketing\nIndia,0.0118\n";
        assert_eq!(
            parse(titled, &markets()).unwrap().currency.as_deref(),
            Some("EUR")
        );
        // A header.
        let headed = "Market,Marketing (USD),Utility (USD)\nIndia,0.0118,0.0014\n";
        assert_eq!(
            parse(headed, &markets()).unwrap().currency.as_deref(),
            Some("USD")
        );
        // Codes and symbols in the cells: `₹`, `INR 0.1`, `0.2 INR` agree.
        let cells = "market,category,rate\nIndia,marketing,₹0.8631\nIndia,utility,INR 0.1150\nIndia,service,0.1150 inr\n";
        let card = parse(cells, &markets()).unwrap();
        assert_eq!(card.currency.as_deref(), Some("INR"));
        // A `$` alone says a dollar or a peso: the card's currency stays open.
        let dollars = "market,category,rate\nIndia,marketing,$0.0118\n";
        let card = parse(dollars, &markets()).unwrap();
        assert_eq!(
            (card.currency, card.rates[0].currency.clone()),
            (None, None)
        );
    }

    #[test]
    fn a_card_or_a_cell_in_another_currency_is_refused_naming_both() {
        let lines = |errors: Vec<CardError>| -> Vec<String> {
            errors.iter().map(ToString::to_string).collect()
        };
        assert_eq!(
            lines(parse_in(META, &markets(), "USD").unwrap_err()),
            ["line 1: the card's title says INR, and the estimate is in USD: wacost never converts (load a card in USD, or choose INR first)"]
        );
        let column = "Market,Currency,Marketing\nIndia,INR,0.8631\n";
        assert_eq!(
            lines(parse_in(column, &markets(), "usd").unwrap_err()),
            ["line 2: the card's Currency column says INR, and the estimate is in USD: wacost never converts (load a card in USD, or choose INR first)"]
        );
        let cell = "market,category,rate\nIndia,marketing,₹0.8631\nIndia,utility,0.0014\n";
        assert_eq!(
            lines(parse_in(cell, &markets(), "USD").unwrap_err()),
            ["line 2: `₹0.8631` is in INR, and the estimate is in USD: wacost never converts (load a card in USD, or choose INR first)"]
        );
        let dollar = "market,category,rate\nIndia,marketing,$0.0118\n";
        assert_eq!(
            lines(parse_in(dollar, &markets(), "INR").unwrap_err()),
            ["line 2: `$0.0118` is in $ (one of USD, ARS, AUD, BBD, BMD, BND, BSD, BZD, CAD, CLP, COP, CUP, DOP, FJD, GYD, HKD, JMD, KYD, LRD, MXN, NAD, NZD, SBD, SGD, SRD, TTD, TWD, UYU, XCD), and the estimate is in INR: which currency does `$` mean here (USD, ARS, AUD, CLP, COP, MXN, SGD, …)? wacost never converts (load a card in INR, or choose the card's currency first)"]
        );
        // Two currencies in one card.
        let mixed = "Market,Currency,Marketing,Utility\nIndia,INR,0.8631,0.8631 EUR\nIndonesia,USD,0.1,0.2\n";
        assert_eq!(
            lines(parse(mixed, &markets()).unwrap_err()),
            [
                "line 2: `0.8631 EUR` is in EUR, but the card is in INR (its Currency column, line 2): one card has one currency",
                "line 3: the card's Currency column says USD, but the card is in INR (its Currency column, line 2): one card has one currency",
            ]
        );
        let loose = "market,category,rate\nIndia,marketing,$0.0118\nIndia,utility,€0.01\n";
        assert_eq!(
            lines(parse(loose, &markets()).unwrap_err()),
            ["line 3: `€0.01` is in EUR, but the card is in $ (one of USD, ARS, AUD, BBD, BMD, BND, BSD, BZD, CAD, CLP, COP, CUP, DOP, FJD, GYD, HKD, JMD, KYD, LRD, MXN, NAD, NZD, SBD, SGD, SRD, TTD, TWD, UYU, XCD) (line 2): one card has one currency"]
        );
        // Text beside a number that is no currency is not read as a bare number any more.
        let words = "market,category,rate\nIndia,marketing,about 0.01\n";
        assert_eq!(
            lines(parse(words, &markets()).unwrap_err()),
            ["line 2: `about` beside the number is not a currency code or symbol"]
        );
        // A card in the currency asked: its rates carry it.
        let card = parse_in(
            "market,category,rate\nIndia,utility,0.0014\n",
            &markets(),
            "EUR",
        )
        .unwrap();
        assert_eq!(card.currency.as_deref(), Some("EUR"));
        assert_eq!(card.rates[0].currency.as_deref(), Some("EUR"));
        assert!(parse_in(META, &markets(), "INR").is_ok());
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

    /// Each problem is a kind with the figures a surface needs to word it in its own language;
    /// the English `Display` is unchanged.
    #[test]
    fn every_problem_is_a_kind_with_its_figures() {
        let text = "market,category,rate\nIndia,promo,0.01\nIndia,utility,n/a\nIndia,marketing,-1\nIndia,service,0,025\n\"=x\",utility,0.01\n";
        let errors = parse(text, &markets()).unwrap_err();
        let kinds: Vec<(usize, &CardErrorKind)> =
            errors.iter().map(|e| (e.line, &e.kind)).collect();
        assert_eq!(
            kinds,
            [
                (
                    2,
                    &CardErrorKind::UnknownCategory {
                        text: "promo".into()
                    }
                ),
                (3, &CardErrorKind::NoRate { text: "n/a".into() }),
                (
                    4,
                    &CardErrorKind::BadRate {
                        problem: RateCellError::Negative,
                        text: "-1".into()
                    }
                ),
                (
                    5,
                    &CardErrorKind::Csv(ErrorKind::TooManyFields {
                        expected: 3,
                        found: 4
                    })
                ),
                (
                    6,
                    &CardErrorKind::FormulaMarket {
                        market: "=x".into(),
                        start: '='
                    }
                ),
            ]
        );
        assert_eq!(errors[3].column, 17);
        let meta = "Market;Currency;Marketing\nIndia;INR;0.0118\nIndonesia;EUR;0,5\n";
        let errors = parse(meta, &markets()).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| &e.kind).collect::<Vec<_>>(),
            [
                &CardErrorKind::BadRateIn {
                    category: Category::Marketing,
                    problem: RateCellError::BadGrouping {
                        decimal_comma: true
                    },
                    text: "0.0118".into()
                },
                &CardErrorKind::Currency(Box::new(CurrencyError::Mixed {
                    said: CurrencySaid {
                        source: Source::Column(3),
                        shown: "EUR".into(),
                        currency: "EUR".into()
                    },
                    card: "INR".into(),
                    first: Source::Column(2)
                })),
            ]
        );
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "line 2: marketing: not a number (in a `;`-separated file `,` is the decimal mark, and `.` or a space groups three digits) (`0.0118`)",
                "line 3: the card's Currency column says EUR, but the card is in INR (its Currency column, line 2): one card has one currency",
            ]
        );
        assert_eq!(
            parse("Market,Currency\nIndia,INR\n", &markets()).unwrap_err(),
            [CardError {
                line: 1,
                column: 0,
                kind: CardErrorKind::NoCategoryColumn
            }]
        );
    }
}
