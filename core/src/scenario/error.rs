//! Validation errors: where (a `FieldPath`) and what (an `ErrorKind` with its figures), so a
//! user can find and fix the field, and a front end can word the problem in its own language.
//! The English sentences are written here once, by `Display`.

use super::path::FieldPath;
use super::rules::{NoRulesError, ParseMonthError, ParseRulesError, RulesVersion};
use super::MAX_LISTED_ERRORS;
use crate::catalog::{CardChoiceError, LookupError};
use crate::category::Category;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;

/// Which kind of code a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeStandard {
    /// ISO 3166-1 alpha-2, two letters.
    Country,
    /// ISO 4217, three letters.
    Currency,
}

/// What is wrong with a field. `got` is always the value as the user wrote it, in JSON
/// notation (strings quoted), cut at 60 characters; `text` is a value without quotes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The text is not JSON; `detail` is the JSON reader's English account, with its place.
    InvalidJson {
        detail: String,
        line: usize,
        column: usize,
    },
    NotAnObject {
        got: String,
    },
    NotAnArray {
        got: String,
    },
    NotAString {
        got: String,
    },
    NotABool {
        got: String,
    },
    /// A field the schema does not have; `expected` are the keys its object may hold.
    UnknownField {
        expected: &'static [&'static str],
    },
    Required,
    Empty,
    /// No month, and not both rules and a card.
    MonthRequired,
    NotAMonth(ParseMonthError),
    UnknownRules(ParseRulesError),
    /// No rules version prices the month.
    NoRules(NoRulesError),
    NotACardDate {
        got: String,
    },
    NotACode {
        standard: CodeStandard,
        got: String,
    },
    /// A code built in code rather than typed, which must already be in capitals.
    NotACapitalCode {
        standard: CodeStandard,
        got: String,
    },
    NotACount {
        min: u64,
        got: String,
    },
    CountTooLarge {
        max: u64,
        got: String,
    },
    NotADecimal {
        min: Decimal,
        max: Decimal,
        got: String,
    },
    TooManyDecimals {
        max: u32,
        got: String,
    },
    /// A number with more digits than can be held exactly (it would have to be rounded).
    InexactDecimal {
        got: String,
    },
    NotAChoice {
        choices: &'static [&'static str],
        got: String,
    },
    NotACategory {
        got: String,
    },
    /// Not one of the categories with volume tiers; `got` when the value was typed.
    NotATieredCategory {
        got: Option<String>,
    },
    /// A market name a spreadsheet would run as a formula.
    FormulaStart {
        start: char,
        got: String,
    },
    TooManyLines {
        max: usize,
        got: usize,
    },
    TooManyCustomRates {
        max: usize,
        got: usize,
    },
    TooManyCustomTiers {
        max: usize,
        got: usize,
    },
    /// More bands in one custom ladder than `MAX_BANDS`.
    TooManyBands {
        max: usize,
        got: usize,
    },
    /// The problems past the first `MAX_LISTED_ERRORS`, counted.
    MoreErrors {
        more: usize,
    },
    BothDestinations,
    NoDestination,
    /// A line built in code without exactly one of country and market.
    NotOneDestination,
    /// A custom rate or ladder in another currency than the scenario's.
    OtherCurrency {
        given: String,
        scenario: String,
    },
    /// A market and category given twice in custom rates or tiers.
    Duplicate {
        market: String,
        category: Category,
    },
    NotBands,
    OpenBandNotLast,
    LastBandNotOpen,
    BandsOutOfOrder,
    /// The scenario's currency or card choice.
    Card(CardChoiceError),
    /// A line's country that no market table can place.
    Lookup(LookupError),
    /// A line's market that is not in Meta's table of the card's date, nor a custom one;
    /// `closest` are the names of the table nearest to it (at most three, perhaps none).
    UnknownMarket {
        name: String,
        date: NaiveDate,
        closest: Vec<String>,
    },
    /// A destination other than Mexico under the 2021 Mexico test.
    OnlyMexico {
        market: String,
    },
    /// A market the card has no rate for at all.
    MarketNotOnCard {
        market: String,
        currency: String,
        card: NaiveDate,
        partial: bool,
    },
    /// A category the rules charge that the card prices nowhere; `cards` are the cards of
    /// the currency that have it.
    CategoryNotOnCard {
        category: Category,
        rules: RulesVersion,
        currency: String,
        card: NaiveDate,
        cards: Vec<NaiveDate>,
    },
    /// A line with charged units of a category its market has no rate for.
    NoRateForLine {
        market: String,
        category: Category,
        rules: RulesVersion,
        currency: String,
        card: NaiveDate,
    },
    /// `compare` found no card for the scenario.
    NoCardToCompare,
    /// An amount the estimate would have to round (wider than a `Decimal` holds exactly).
    AmountNotExact {
        figure: String,
    },
}

impl ErrorKind {
    /// A stable snake_case name for each kind, for front ends that word it themselves.
    pub fn tag(&self) -> &'static str {
        match self {
            ErrorKind::InvalidJson { .. } => "invalid_json",
            ErrorKind::NotAnObject { .. } => "not_an_object",
            ErrorKind::NotAnArray { .. } => "not_an_array",
            ErrorKind::NotAString { .. } => "not_a_string",
            ErrorKind::NotABool { .. } => "not_a_bool",
            ErrorKind::UnknownField { .. } => "unknown_field",
            ErrorKind::Required => "required",
            ErrorKind::Empty => "empty",
            ErrorKind::MonthRequired => "month_required",
            ErrorKind::NotAMonth(_) => "not_a_month",
            ErrorKind::UnknownRules(_) => "unknown_rules",
            ErrorKind::NoRules(e) => e.tag(),
            ErrorKind::NotACardDate { .. } => "not_a_card_date",
            ErrorKind::NotACode { .. } => "not_a_code",
            ErrorKind::NotACapitalCode { .. } => "not_a_capital_code",
            ErrorKind::NotACount { .. } => "not_a_count",
            ErrorKind::CountTooLarge { .. } => "count_too_large",
            ErrorKind::NotADecimal { .. } => "not_a_decimal",
            ErrorKind::TooManyDecimals { .. } => "too_many_decimals",
            ErrorKind::InexactDecimal { .. } => "inexact_decimal",
            ErrorKind::NotAChoice { .. } => "not_a_choice",
            ErrorKind::NotACategory { .. } => "not_a_category",
            ErrorKind::NotATieredCategory { .. } => "not_a_tiered_category",
            ErrorKind::FormulaStart { .. } => "formula_start",
            ErrorKind::TooManyLines { .. } => "too_many_lines",
            ErrorKind::TooManyCustomRates { .. } => "too_many_custom_rates",
            ErrorKind::TooManyCustomTiers { .. } => "too_many_custom_tiers",
            ErrorKind::TooManyBands { .. } => "too_many_bands",
            ErrorKind::MoreErrors { .. } => "more_errors",
            ErrorKind::OtherCurrency { .. } => "other_currency",
            ErrorKind::BothDestinations => "both_destinations",
            ErrorKind::NoDestination => "no_destination",
            ErrorKind::NotOneDestination => "not_one_destination",
            ErrorKind::Duplicate { .. } => "duplicate",
            ErrorKind::NotBands => "not_bands",
            ErrorKind::OpenBandNotLast => "open_band_not_last",
            ErrorKind::LastBandNotOpen => "last_band_not_open",
            ErrorKind::BandsOutOfOrder => "bands_out_of_order",
            ErrorKind::Card(e) => e.tag(),
            ErrorKind::Lookup(e) => e.tag(),
            ErrorKind::UnknownMarket { .. } => "unknown_market",
            ErrorKind::OnlyMexico { .. } => "only_mexico",
            ErrorKind::MarketNotOnCard { .. } => "market_not_on_card",
            ErrorKind::CategoryNotOnCard { .. } => "category_not_on_card",
            ErrorKind::NoRateForLine { .. } => "no_rate_for_line",
            ErrorKind::NoCardToCompare => "no_card_to_compare",
            ErrorKind::AmountNotExact { .. } => "amount_not_exact",
        }
    }

    /// Every tag `tag` can give, for declarations written outside Rust (TypeScript).
    pub const TAGS: [&'static str; 53] = [
        "invalid_json",
        "not_an_object",
        "not_an_array",
        "not_a_string",
        "not_a_bool",
        "unknown_field",
        "required",
        "empty",
        "month_required",
        "not_a_month",
        "unknown_rules",
        "before_first_rules",
        "not_a_month_number",
        "not_a_card_date",
        "not_a_code",
        "not_a_capital_code",
        "not_a_count",
        "count_too_large",
        "not_a_decimal",
        "too_many_decimals",
        "inexact_decimal",
        "not_a_choice",
        "not_a_category",
        "not_a_tiered_category",
        "formula_start",
        "too_many_lines",
        "too_many_custom_rates",
        "too_many_custom_tiers",
        "too_many_bands",
        "more_errors",
        "other_currency",
        "both_destinations",
        "no_destination",
        "not_one_destination",
        "duplicate",
        "not_bands",
        "open_band_not_last",
        "last_band_not_open",
        "bands_out_of_order",
        "unknown_currency",
        "no_card_on_date",
        "no_card_in_force",
        "malformed_country",
        "malformed_number",
        "unknown_calling_code",
        "before_first_table",
        "unknown_market",
        "only_mexico",
        "market_not_on_card",
        "category_not_on_card",
        "no_rate_for_line",
        "no_card_to_compare",
        "amount_not_exact",
    ];
}

/// `a, b and c` for the English sentences.
fn and_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T], quote: bool) -> fmt::Result {
    let q = if quote { "\"" } else { "" };
    for (at, item) in items.iter().enumerate() {
        if at > 0 {
            f.write_str(if at + 1 == items.len() { " or " } else { ", " })?;
        }
        write!(f, "{q}{item}{q}")?;
    }
    Ok(())
}

fn joined<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (at, item) in items.iter().enumerate() {
        if at > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

/// "messages" or "conversations": what the rules charge.
fn unit(rules: RulesVersion) -> &'static str {
    if rules.counts_conversations() {
        "conversations"
    } else {
        "messages"
    }
}

impl CodeStandard {
    /// A code of the standard, for examples.
    fn code(self) -> &'static str {
        match self {
            CodeStandard::Country => "IN",
            CodeStandard::Currency => "USD",
        }
    }

    /// How long its codes are, with an example.
    fn example(self) -> &'static str {
        match self {
            CodeStandard::Country => "two letters, e.g. IN",
            CodeStandard::Currency => "three letters, e.g. USD",
        }
    }
}

impl fmt::Display for CodeStandard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CodeStandard::Country => "an ISO 3166-1 alpha-2 country code",
            CodeStandard::Currency => "an ISO 4217 currency code",
        })
    }
}

impl ErrorKind {
    /// The sentence of a kind without figures.
    fn sentence(&self) -> Option<&'static str> {
        Some(match self {
            ErrorKind::Required => "is required",
            ErrorKind::Empty => "must not be empty",
            ErrorKind::MonthRequired => "is required unless both rules and rate_card are given",
            ErrorKind::BothDestinations => "give either country or market, not both",
            ErrorKind::NoDestination => {
                "needs a destination: country (ISO alpha-2, e.g. IN) or market (Meta's market name)"
            }
            ErrorKind::NotOneDestination => {
                "needs exactly one destination: country (ISO alpha-2) or market (Meta's market name)"
            }
            ErrorKind::NotBands => {
                "must be a non-empty array of bands {\"to\", \"rate\"}, the last with \"to\": null"
            }
            ErrorKind::OpenBandNotLast => "only the last band may be open (to: null)",
            ErrorKind::LastBandNotOpen => "the last band must be open (to: null)",
            ErrorKind::BandsOutOfOrder => {
                "bands must end in increasing order, only the last one open (to: null)"
            }
            ErrorKind::NoCardToCompare => "no card to compare with",
            _ => return None,
        })
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sentence) = self.sentence() {
            return f.write_str(sentence);
        }
        match self {
            ErrorKind::InvalidJson { detail, .. } => write!(f, "not valid JSON: {detail}"),
            ErrorKind::NotAnObject { got } => write!(f, "must be a JSON object, got {got}"),
            ErrorKind::NotAnArray { got } => write!(f, "must be a JSON array, got {got}"),
            ErrorKind::NotAString { got } => write!(f, "must be a string, got {got}"),
            ErrorKind::NotABool { got } => write!(f, "must be true or false, got {got}"),
            ErrorKind::UnknownField { expected } => {
                f.write_str("unknown field (expected one of: ")?;
                joined(f, expected)?;
                f.write_str(")")
            }
            ErrorKind::NotAMonth(error) => write!(f, "{error}"),
            ErrorKind::UnknownRules(error) => write!(f, "{error}"),
            ErrorKind::NoRules(error) => write!(f, "{error}"),
            ErrorKind::NotACardDate { got } => write!(
                f,
                "must be the effective date of a card, YYYY-MM-DD, got {got}"
            ),
            ErrorKind::NotACode { standard, got } => {
                write!(f, "must be {standard} ({}), got {got}", standard.example())
            }
            ErrorKind::NotACapitalCode { standard, got } => write!(
                f,
                "must be {standard} in capitals (e.g. {}), got {got}",
                standard.code()
            ),
            ErrorKind::NotACount { min, got } => {
                write!(f, "must be a whole number >= {min}, got {got}")
            }
            ErrorKind::CountTooLarge { max, got } => {
                write!(f, "must be at most {max}")?;
                if let Some(exponent) = max.checked_ilog10().filter(|e| 10u64.pow(*e) == *max) {
                    write!(f, " (10^{exponent})")?;
                }
                write!(f, ", got {got}")
            }
            ErrorKind::NotADecimal { min, max, got } => {
                write!(f, "must be a decimal number from {min} to {max}, got {got}")
            }
            ErrorKind::TooManyDecimals { max, got } => {
                write!(f, "must have at most {max} decimal places, got {got}")
            }
            ErrorKind::InexactDecimal { got } => write!(
                f,
                "has more digits than can be held exactly (28), and wacost never rounds what it is given, got {got}"
            ),
            ErrorKind::NotAChoice { choices, got } => {
                f.write_str("must be ")?;
                and_list(f, choices, true)?;
                write!(f, ", got {got}")
            }
            ErrorKind::NotACategory { got } => {
                f.write_str("must be one of ")?;
                joined(f, &Category::ALL)?;
                write!(f, ", got {got}")
            }
            ErrorKind::NotATieredCategory { got } => not_tiered(f, got.as_deref()),
            ErrorKind::FormulaStart { start, got } => write!(
                f,
                "must not begin with \"{}\" (a spreadsheet would read it as a formula), got {got}",
                start.escape_debug()
            ),
            ErrorKind::TooManyLines { max, got } => write!(f, "at most {max} lines, got {got}"),
            ErrorKind::TooManyCustomRates { max, got } => {
                write!(f, "at most {max} custom rates, got {got}")
            }
            ErrorKind::TooManyCustomTiers { max, got } => {
                write!(f, "at most {max} custom ladders, got {got}")
            }
            ErrorKind::TooManyBands { max, got } => {
                write!(f, "at most {max} bands in a ladder, got {got}")
            }
            ErrorKind::MoreErrors { more } => write!(
                f,
                "… and {more} more problem{} (the first {MAX_LISTED_ERRORS} are listed)",
                if *more == 1 { "" } else { "s" }
            ),
            ErrorKind::OtherCurrency { given, scenario } => write!(
                f,
                "is in {given}, and the scenario is in {scenario}: wacost never converts (give the rate in {scenario}, or choose currency {given})"
            ),
            ErrorKind::Duplicate { market, category } => {
                write!(f, "duplicate: {market} {category} is given twice")
            }
            ErrorKind::Card(error @ CardChoiceError::NoCardInForce { .. }) => {
                write!(f, "{error}; give rate_card to choose one")
            }
            ErrorKind::Card(error) => write!(f, "{error}"),
            ErrorKind::Lookup(error) => write!(f, "{error}"),
            _ => self.fmt_pricing(f),
        }
    }
}

impl ErrorKind {
    /// The sentences of what stops pricing: destinations and cards.
    fn fmt_pricing(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::UnknownMarket {
                name,
                date,
                closest,
            } => {
                write!(
                    f,
                    "\"{name}\" is not a market of Meta's table in force on {date} ("
                )?;
                if closest.is_empty() {
                    f.write_str("no market's name is close to it")?;
                } else {
                    f.write_str("closest: ")?;
                    joined(f, closest)?;
                }
                f.write_str("); a custom_rates entry can add one")
            }
            ErrorKind::OnlyMexico { market } => write!(
                f,
                "{market} cannot be priced under mx-2021-02: only messages to Mexico were in Meta's conversation test; other destinations were on template pricing, whose rates Meta never published"
            ),
            ErrorKind::MarketNotOnCard {
                market,
                currency,
                card,
                partial,
            } => write!(
                f,
                "market {market} has no rates on the {currency} {card} card{} (add a custom_rates entry to price it)",
                if *partial {
                    ", which this build holds only in part"
                } else {
                    ""
                }
            ),
            ErrorKind::CategoryNotOnCard {
                category,
                rules,
                currency,
                card,
                cards,
            } => {
                write!(
                    f,
                    "the {currency} {card} card has no {category} rate for any market, and the {rules} rules charge {category} {}; choose another card with rate_card (",
                    unit(*rules)
                )?;
                if cards.is_empty() {
                    write!(f, "no {currency} card in this build has them")?;
                } else {
                    write!(f, "{currency} cards that have them: ")?;
                    joined(f, cards)?;
                }
                f.write_str("), or add custom_rates")
            }
            ErrorKind::NoRateForLine {
                market,
                category,
                rules,
                currency,
                card,
            } => write!(
                f,
                "the {currency} {card} card has no {category} rate for {market}, and this line has charged {category} {} (add a custom_rates entry, or choose another rate_card or rules)",
                unit(*rules)
            ),
            ErrorKind::AmountNotExact { figure } => write!(
                f,
                "{figure} cannot be computed exactly: it would need more than 28 significant digits, and wacost never rounds an amount (lower the counts, or give the rates or fees fewer decimals)"
            ),
            // Every other kind is written by `Display::fmt` itself.
            other => f.write_str(other.tag()),
        }
    }
}

/// "must be a tiered category (utility, …)", with the value when it was typed.
fn not_tiered(f: &mut fmt::Formatter<'_>, got: Option<&str>) -> fmt::Result {
    f.write_str("must be a tiered category (")?;
    let tiered: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| c.tier_family().is_some())
        .collect();
    joined(f, &tiered)?;
    f.write_str(")")?;
    match got {
        Some(got) => write!(f, ", got {got}"),
        None => Ok(()),
    }
}

impl From<ParseMonthError> for ErrorKind {
    fn from(error: ParseMonthError) -> ErrorKind {
        ErrorKind::NotAMonth(error)
    }
}

impl From<ParseRulesError> for ErrorKind {
    fn from(error: ParseRulesError) -> ErrorKind {
        ErrorKind::UnknownRules(error)
    }
}

impl From<NoRulesError> for ErrorKind {
    fn from(error: NoRulesError) -> ErrorKind {
        ErrorKind::NoRules(error)
    }
}

impl From<CardChoiceError> for ErrorKind {
    fn from(error: CardChoiceError) -> ErrorKind {
        ErrorKind::Card(error)
    }
}

impl From<LookupError> for ErrorKind {
    fn from(error: LookupError) -> ErrorKind {
        ErrorKind::Lookup(error)
    }
}

/// One problem: where it is and what it is. `Display` is `path: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub path: FieldPath,
    pub kind: ErrorKind,
}

impl FieldError {
    pub fn new(path: impl Into<FieldPath>, kind: impl Into<ErrorKind>) -> FieldError {
        FieldError {
            path: path.into(),
            kind: kind.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// `{ "path": "lines[2].utility", "message": "must be …", "kind": "not_a_count" }`: the path
/// and the English message as they have always been, and the kind for a front end that words
/// the problem itself.
impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("FieldError", 3)?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("message", &self.kind.to_string())?;
        out.serialize_field("kind", self.kind.tag())?;
        out.end()
    }
}

/// Every problem found, in input order; never just the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioErrors(pub Vec<FieldError>);

impl ScenarioErrors {
    pub fn one(path: impl Into<FieldPath>, kind: impl Into<ErrorKind>) -> ScenarioErrors {
        ScenarioErrors(vec![FieldError::new(path, kind)])
    }

    /// The problems, the first `MAX_LISTED_ERRORS` of them and then one `MoreErrors` counting
    /// the rest: what every surface is given.
    pub fn capped(mut errors: Vec<FieldError>) -> ScenarioErrors {
        if errors.len() > MAX_LISTED_ERRORS {
            let more = errors.len() - MAX_LISTED_ERRORS;
            errors.truncate(MAX_LISTED_ERRORS);
            errors.push(FieldError::new(
                FieldPath::scenario(),
                ErrorKind::MoreErrors { more },
            ));
        }
        ScenarioErrors(errors)
    }

    /// One line per problem, as the command line prints them.
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }

    /// One line per distinct problem, naming the first few fields it is about and how many
    /// more: a comparison lists why a version cannot price the scenario, and the same reason
    /// repeated for 240 lines hides the one other reason there may be.
    /// At most `MAX_LISTED_ERRORS` lines, then one counting the rest.
    pub fn grouped_lines(&self) -> Vec<String> {
        let mut groups = Grouped::default();
        for error in &self.0 {
            groups.add(&error.kind, || error.path.clone());
        }
        groups.lines(|kind| kind.to_string())
    }
}

/// Problems grouped by a key (a kind, or what builds one), in order of first sight: the first
/// `NAMED_FIELDS` fields of each and how many there are, never every field, so a reason given
/// for 100,000 lines costs three paths and a count.
pub(crate) struct Grouped<K> {
    groups: Vec<(K, Vec<FieldPath>, usize)>,
    place: HashMap<K, usize>,
    /// The group of the last problem added: problems come in runs of one kind (a market's
    /// lines), and comparing with it first spares most lookups.
    last: usize,
}

impl<K> Default for Grouped<K> {
    fn default() -> Grouped<K> {
        Grouped {
            groups: Vec::new(),
            place: HashMap::new(),
            last: usize::MAX,
        }
    }
}

impl<K: Hash + Eq + Clone> Grouped<K> {
    pub(crate) fn add(&mut self, key: K, path: impl FnOnce() -> FieldPath) {
        let at = match self.groups.get(self.last) {
            Some((last, _, _)) if *last == key => Some(self.last),
            _ => self.place.get(&key).copied(),
        };
        match at.and_then(|at| self.groups.get_mut(at).map(|group| (at, group))) {
            Some((at, (_, paths, count))) => {
                if paths.len() < NAMED_FIELDS {
                    paths.push(path());
                }
                *count += 1;
                self.last = at;
            }
            None => {
                self.last = self.groups.len();
                self.place.insert(key.clone(), self.last);
                self.groups.push((key, vec![path()], 1));
            }
        }
    }

    /// `fields: problem` per group, at most `MAX_LISTED_ERRORS`, then one counting the rest.
    pub(crate) fn lines(self, problem: impl Fn(&K) -> String) -> Vec<String> {
        let more = self.groups.len().saturating_sub(MAX_LISTED_ERRORS);
        let mut lines: Vec<String> = self
            .groups
            .iter()
            .take(MAX_LISTED_ERRORS)
            .map(|(key, paths, count)| format!("{}: {}", counted_list(paths, *count), problem(key)))
            .collect();
        if more > 0 {
            let more = FieldError::new(FieldPath::scenario(), ErrorKind::MoreErrors { more });
            lines.push(more.to_string());
        }
        lines
    }
}

/// How many fields a grouped problem names before counting the rest.
const NAMED_FIELDS: usize = 3;

/// `lines[0]`, `lines[0] and lines[4]`, `lines[0], lines[4] and lines[9]`,
/// `lines[0], lines[4], lines[9] and 3 more`: the first three fields named, the rest counted.
pub(crate) fn field_list<P: fmt::Display>(paths: &[P]) -> String {
    counted_list(paths, paths.len())
}

/// `field_list` of `count` fields of which the first are `paths`.
fn counted_list<P: fmt::Display>(paths: &[P], count: usize) -> String {
    let mut out = String::new();
    let shown = count.min(NAMED_FIELDS);
    for (at, path) in paths.iter().take(NAMED_FIELDS).enumerate() {
        if at > 0 {
            let last_named = at + 1 == shown && count <= NAMED_FIELDS;
            out.push_str(if last_named { " and " } else { ", " });
        }
        out.push_str(&path.to_string());
    }
    if count > NAMED_FIELDS {
        out.push_str(&format!(" and {} more", count - NAMED_FIELDS));
    }
    out
}

impl fmt::Display for ScenarioErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (at, error) in self.0.iter().enumerate() {
            if at > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioErrors {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::schema::{LineField, Setting, BSP_KEYS};
    use crate::scenario::Month;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn grouped_lines_name_three_fields_and_count_the_rest() {
        let no_rate = |market: &str| ErrorKind::MarketNotOnCard {
            market: market.into(),
            currency: "USD".into(),
            card: day(2023, 6, 1),
            partial: true,
        };
        let mut errors: Vec<FieldError> = (0..5)
            .map(|i| FieldError::new(FieldPath::line(i), no_rate("India")))
            .collect();
        errors.insert(1, FieldError::new(Setting::Currency, ErrorKind::Required));
        errors.push(FieldError::new(FieldPath::line(9), no_rate("Brazil")));
        assert_eq!(
            ScenarioErrors(errors).grouped_lines(),
            vec![
                "lines[0], lines[1], lines[2] and 2 more: market India has no rates on the USD 2023-06-01 card, which this build holds only in part (add a custom_rates entry to price it)",
                "currency: is required",
                "lines[9]: market Brazil has no rates on the USD 2023-06-01 card, which this build holds only in part (add a custom_rates entry to price it)",
            ]
        );
    }

    #[test]
    fn field_lists_name_three() {
        let lines = |n: usize| (0..n).map(FieldPath::line).collect::<Vec<_>>();
        let tests = &[
            (0, ""),
            (1, "lines[0]"),
            (2, "lines[0] and lines[1]"),
            (3, "lines[0], lines[1] and lines[2]"),
            (4, "lines[0], lines[1], lines[2] and 1 more"),
            (240, "lines[0], lines[1], lines[2] and 237 more"),
        ];
        for (n, expected) in tests {
            assert_eq!(field_list(&lines(*n)), *expected, "{n}");
        }
    }

    /// Every kind's English sentence, as the command line and the JavaScript package show it.
    #[test]
    fn every_kind_reads_as_before() {
        let got = |text: &str| text.to_string();
        let tests: &[(ErrorKind, &str)] = &[
            (
                ErrorKind::InvalidJson {
                    detail: "EOF while parsing a value at line 1 column 10".into(),
                    line: 1,
                    column: 10,
                },
                "not valid JSON: EOF while parsing a value at line 1 column 10",
            ),
            (
                ErrorKind::NotAnObject { got: got("[1]") },
                "must be a JSON object, got [1]",
            ),
            (
                ErrorKind::NotAnArray { got: got("\"IN\"") },
                "must be a JSON array, got \"IN\"",
            ),
            (
                ErrorKind::NotAString { got: got("12") },
                "must be a string, got 12",
            ),
            (
                ErrorKind::NotABool { got: got("\"yes\"") },
                "must be true or false, got \"yes\"",
            ),
            (
                ErrorKind::UnknownField {
                    expected: &BSP_KEYS,
                },
                "unknown field (expected one of: per_message, per_message_on, markup, monthly, per_number)",
            ),
            (ErrorKind::Required, "is required"),
            (ErrorKind::Empty, "must not be empty"),
            (
                ErrorKind::MonthRequired,
                "is required unless both rules and rate_card are given",
            ),
            (
                ErrorKind::NotAMonth(ParseMonthError {
                    text: "2026-13".into(),
                }),
                "must be a month YYYY-MM, got \"2026-13\"",
            ),
            (
                ErrorKind::UnknownRules(ParseRulesError {
                    text: "pmp-2027".into(),
                }),
                "`pmp-2027` is not a rules version (one of mx-2021-02, cbp-2022-02, cbp-2023-06, cbp-2024-11, pmp-2025-07, pmp-2026-10)",
            ),
            (
                ErrorKind::NoRules(NoRulesError::BeforeFirstRules {
                    month: Month {
                        year: 2019,
                        month: 1,
                    },
                }),
                "2019-01 is before February 2021: messages were then priced per template with rates Meta never published, so no estimate is possible",
            ),
            (
                ErrorKind::NoRules(NoRulesError::NotAMonthNumber { month: 13 }),
                "13 is not a month number (1 to 12)",
            ),
            (
                ErrorKind::NotACardDate { got: got("\"1 Oct\"") },
                "must be the effective date of a card, YYYY-MM-DD, got \"1 Oct\"",
            ),
            (
                ErrorKind::NotACode {
                    standard: CodeStandard::Currency,
                    got: got("\"us\""),
                },
                "must be an ISO 4217 currency code (three letters, e.g. USD), got \"us\"",
            ),
            (
                ErrorKind::NotACode {
                    standard: CodeStandard::Country,
                    got: got("\"India\""),
                },
                "must be an ISO 3166-1 alpha-2 country code (two letters, e.g. IN), got \"India\"",
            ),
            (
                ErrorKind::NotACapitalCode {
                    standard: CodeStandard::Country,
                    got: got("\"IND\""),
                },
                "must be an ISO 3166-1 alpha-2 country code in capitals (e.g. IN), got \"IND\"",
            ),
            (
                ErrorKind::NotACapitalCode {
                    standard: CodeStandard::Currency,
                    got: got("\"usd\""),
                },
                "must be an ISO 4217 currency code in capitals (e.g. USD), got \"usd\"",
            ),
            (
                ErrorKind::NotACount {
                    min: 0,
                    got: got("\"12.5\""),
                },
                "must be a whole number >= 0, got \"12.5\"",
            ),
            (
                ErrorKind::CountTooLarge {
                    max: 1_000_000_000_000,
                    got: got("2000000000000"),
                },
                "must be at most 1000000000000 (10^12), got 2000000000000",
            ),
            (
                ErrorKind::NotADecimal {
                    min: Decimal::ZERO,
                    max: Decimal::ONE,
                    got: got("\"1.5\""),
                },
                "must be a decimal number from 0 to 1, got \"1.5\"",
            ),
            (
                ErrorKind::TooManyDecimals {
                    max: 18,
                    got: got("\"0.0000000000000000001\""),
                },
                "must have at most 18 decimal places, got \"0.0000000000000000001\"",
            ),
            (
                ErrorKind::InexactDecimal {
                    got: got("\"0.99999999999999999999999999999\""),
                },
                "has more digits than can be held exactly (28), and wacost never rounds what it is given, got \"0.99999999999999999999999999999\"",
            ),
            (
                ErrorKind::NotAChoice {
                    choices: &["charged", "delivered"],
                    got: got("\"sent\""),
                },
                "must be \"charged\" or \"delivered\", got \"sent\"",
            ),
            (
                ErrorKind::NotACategory { got: got("\"promo\"") },
                "must be one of marketing, utility, authentication, authentication_international, service, business_initiated, user_initiated, got \"promo\"",
            ),
            (
                ErrorKind::NotATieredCategory {
                    got: Some(got("\"marketing\"")),
                },
                "must be a tiered category (utility, authentication, authentication_international), got \"marketing\"",
            ),
            (
                ErrorKind::NotATieredCategory { got: None },
                "must be a tiered category (utility, authentication, authentication_international)",
            ),
            (
                ErrorKind::FormulaStart {
                    start: '=',
                    got: got("\"=HYPERLINK()\""),
                },
                "must not begin with \"=\" (a spreadsheet would read it as a formula), got \"=HYPERLINK()\"",
            ),
            (
                ErrorKind::FormulaStart {
                    start: '\t',
                    got: got("\"\\tx\""),
                },
                "must not begin with \"\\t\" (a spreadsheet would read it as a formula), got \"\\tx\"",
            ),
            (
                ErrorKind::TooManyLines {
                    max: 100_000,
                    got: 100_001,
                },
                "at most 100000 lines, got 100001",
            ),
            (
                ErrorKind::TooManyCustomRates {
                    max: 2_000,
                    got: 2_001,
                },
                "at most 2000 custom rates, got 2001",
            ),
            (
                ErrorKind::TooManyCustomTiers { max: 500, got: 501 },
                "at most 500 custom ladders, got 501",
            ),
            (
                ErrorKind::TooManyBands { max: 50, got: 300 },
                "at most 50 bands in a ladder, got 300",
            ),
            (
                ErrorKind::MoreErrors { more: 1 },
                "… and 1 more problem (the first 100 are listed)",
            ),
            (
                ErrorKind::MoreErrors { more: 399_900 },
                "… and 399900 more problems (the first 100 are listed)",
            ),
            (
                ErrorKind::OtherCurrency {
                    given: "INR".into(),
                    scenario: "USD".into(),
                },
                "is in INR, and the scenario is in USD: wacost never converts (give the rate in USD, or choose currency INR)",
            ),
            (
                ErrorKind::BothDestinations,
                "give either country or market, not both",
            ),
            (
                ErrorKind::NoDestination,
                "needs a destination: country (ISO alpha-2, e.g. IN) or market (Meta's market name)",
            ),
            (
                ErrorKind::NotOneDestination,
                "needs exactly one destination: country (ISO alpha-2) or market (Meta's market name)",
            ),
            (
                ErrorKind::Duplicate {
                    market: "India".into(),
                    category: Category::Utility,
                },
                "duplicate: India utility is given twice",
            ),
            (
                ErrorKind::NotBands,
                "must be a non-empty array of bands {\"to\", \"rate\"}, the last with \"to\": null",
            ),
            (
                ErrorKind::OpenBandNotLast,
                "only the last band may be open (to: null)",
            ),
            (
                ErrorKind::LastBandNotOpen,
                "the last band must be open (to: null)",
            ),
            (
                ErrorKind::BandsOutOfOrder,
                "bands must end in increasing order, only the last one open (to: null)",
            ),
            (
                ErrorKind::Card(CardChoiceError::UnknownCurrency {
                    currency: "GBP".into(),
                    known: vec!["USD".into(), "INR".into()],
                }),
                "no rate card in GBP in this build (Meta publishes a card per currency and we never convert; cards exist for USD, INR)",
            ),
            (
                ErrorKind::Card(CardChoiceError::NoCardOnDate {
                    currency: "INR".into(),
                    date: day(2026, 10, 2),
                    dates: vec![day(2025, 10, 1), day(2026, 4, 1)],
                }),
                "no INR card takes effect on 2026-10-02 (the INR cards in this build take effect on 2025-10-01, 2026-04-01)",
            ),
            (
                ErrorKind::Card(CardChoiceError::NoCardInForce {
                    currency: "USD".into(),
                    date: day(2019, 1, 1),
                }),
                "no USD card was in force on 2019-01-01; give rate_card to choose one",
            ),
            (
                ErrorKind::Lookup(LookupError::MalformedCountry("India!".into())),
                "`India!` is not an ISO 3166-1 alpha-2 country code (two letters, e.g. IN)",
            ),
            (
                ErrorKind::Lookup(LookupError::MalformedNumber("+12".into())),
                "`+12` is not a phone number in E.164 form (+ then 8 to 15 digits, e.g. +919876543210)",
            ),
            (
                ErrorKind::Lookup(LookupError::UnknownCallingCode("+999123456".into())),
                "`+999123456` starts with no country calling code in use",
            ),
            (
                ErrorKind::Lookup(LookupError::BeforeFirstTable(day(2000, 1, 1))),
                "no market table covers 2000-01-01",
            ),
            (
                ErrorKind::UnknownMarket {
                    name: "Indai".into(),
                    date: day(2026, 10, 1),
                    closest: vec!["India".into(), "Indonesia".into()],
                },
                "\"Indai\" is not a market of Meta's table in force on 2026-10-01 (closest: India, Indonesia); a custom_rates entry can add one",
            ),
            (
                ErrorKind::UnknownMarket {
                    name: "Atlantis".into(),
                    date: day(2026, 10, 1),
                    closest: vec![],
                },
                "\"Atlantis\" is not a market of Meta's table in force on 2026-10-01 (no market's name is close to it); a custom_rates entry can add one",
            ),
            (
                ErrorKind::OnlyMexico {
                    market: "Egypt".into(),
                },
                "Egypt cannot be priced under mx-2021-02: only messages to Mexico were in Meta's conversation test; other destinations were on template pricing, whose rates Meta never published",
            ),
            (
                ErrorKind::MarketNotOnCard {
                    market: "Brazil".into(),
                    currency: "USD".into(),
                    card: day(2024, 6, 1),
                    partial: true,
                },
                "market Brazil has no rates on the USD 2024-06-01 card, which this build holds only in part (add a custom_rates entry to price it)",
            ),
            (
                ErrorKind::MarketNotOnCard {
                    market: "Atlantis".into(),
                    currency: "USD".into(),
                    card: day(2026, 10, 1),
                    partial: false,
                },
                "market Atlantis has no rates on the USD 2026-10-01 card (add a custom_rates entry to price it)",
            ),
            (
                ErrorKind::CategoryNotOnCard {
                    category: Category::Service,
                    rules: RulesVersion::Pmp2026_10,
                    currency: "USD".into(),
                    card: day(2026, 7, 1),
                    cards: vec![day(2023, 6, 1), day(2026, 10, 1)],
                },
                "the USD 2026-07-01 card has no service rate for any market, and the pmp-2026-10 rules charge service messages; choose another card with rate_card (USD cards that have them: 2023-06-01, 2026-10-01), or add custom_rates",
            ),
            (
                ErrorKind::CategoryNotOnCard {
                    category: Category::Service,
                    rules: RulesVersion::Cbp2023_06,
                    currency: "EUR".into(),
                    card: day(2022, 2, 1),
                    cards: vec![],
                },
                "the EUR 2022-02-01 card has no service rate for any market, and the cbp-2023-06 rules charge service conversations; choose another card with rate_card (no EUR card in this build has them), or add custom_rates",
            ),
            (
                ErrorKind::NoRateForLine {
                    market: "Mexico".into(),
                    category: Category::Service,
                    rules: RulesVersion::Cbp2023_06,
                    currency: "USD".into(),
                    card: day(2026, 7, 1),
                },
                "the USD 2026-07-01 card has no service rate for Mexico, and this line has charged service conversations (add a custom_rates entry, or choose another rate_card or rules)",
            ),
            (ErrorKind::NoCardToCompare, "no card to compare with"),
            (
                ErrorKind::AmountNotExact {
                    figure: "the amount of India utility".into(),
                },
                "the amount of India utility cannot be computed exactly: it would need more than 28 significant digits, and wacost never rounds an amount (lower the counts, or give the rates or fees fewer decimals)",
            ),
        ];
        for (kind, expected) in tests {
            assert_eq!(kind.to_string(), *expected, "{kind:?}");
            assert!(ErrorKind::TAGS.contains(&kind.tag()), "{kind:?}");
        }
        // Every tag is exercised above: a kind added without its sentence fails here.
        for tag in ErrorKind::TAGS {
            assert!(
                tests.iter().any(|(kind, _)| kind.tag() == tag),
                "no sentence tested for {tag}"
            );
        }
    }

    #[test]
    fn an_error_reads_path_colon_message_and_serialises_with_its_kind() {
        let error = FieldError::new(
            FieldPath::line_field(0, LineField::Utility),
            ErrorKind::NotACount {
                min: 0,
                got: "\"12.5\"".into(),
            },
        );
        assert_eq!(
            error.to_string(),
            "lines[0].utility: must be a whole number >= 0, got \"12.5\""
        );
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({
                "path": "lines[0].utility",
                "message": "must be a whole number >= 0, got \"12.5\"",
                "kind": "not_a_count"
            })
        );
    }
}
