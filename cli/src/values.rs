//! The typed values of `wacost`'s options. clap reads the words; the core reads dates and rules
//! versions, so a bad value is worded the same on the command line as in a scenario file.

use chrono::NaiveDate;
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use std::convert::Infallible;
use std::ffi::OsStr;
use std::num::NonZeroU64;
use wacost_core::scenario::RulesVersion;

/// `--format` of the commands that print a report or a list for people and programs alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
    Table,
}

impl ReportFormat {
    /// The format asked for, else a table for someone at a terminal and JSON for a pipe or file.
    pub fn or_default(choice: Option<ReportFormat>, on_terminal: bool) -> ReportFormat {
        choice.unwrap_or(if on_terminal {
            ReportFormat::Table
        } else {
            ReportFormat::Json
        })
    }
}

/// `--format` of `estimate` and `compare`: a report for people or programs, or CSV for a
/// spreadsheet (exact and rounded amounts side by side, docs/scenario.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Table,
    Csv,
}

impl ExportFormat {
    /// The format asked for, else a table for someone at a terminal and JSON for a pipe or file.
    pub fn or_default(choice: Option<ExportFormat>, on_terminal: bool) -> ExportFormat {
        choice.unwrap_or(if on_terminal {
            ExportFormat::Table
        } else {
            ExportFormat::Json
        })
    }
}

/// `--format` of the commands that print a card's data, CSV as Meta publishes it or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DataFormat {
    Csv,
    Json,
}

/// `--cards` of `compare`: which card each rules version is priced with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Cards {
    // Plain comments: a doc comment would give each value a help of its own, and `-h` would
    // no longer be the whole help.
    // Each model on the card of its time.
    OfTheirTime,
    // Every model on the month's one card.
    Same,
}

impl From<Cards> for wacost_core::estimate::CardsFor {
    fn from(cards: Cards) -> Self {
        match cards {
            Cards::OfTheirTime => wacost_core::estimate::CardsFor::OfTheirTime,
            Cards::Same => wacost_core::estimate::CardsFor::Same,
        }
    }
}

/// A FILE argument: a path, or standard input for `-` (the default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(String),
}

impl Input {
    /// The path, or `None` for standard input.
    pub fn path(&self) -> Option<&str> {
        match self {
            Input::Stdin => None,
            Input::File(path) => Some(path),
        }
    }
}

/// Reads a FILE argument; every word is a valid one (a missing file is reported when read).
pub fn input(text: &str) -> Result<Input, Infallible> {
    Ok(match text {
        "-" => Input::Stdin,
        path => Input::File(path.to_string()),
    })
}

/// A `YYYY-MM-DD` date, read by the core's strict reader (`2026-02-30` is refused).
pub fn date(text: &str) -> Result<NaiveDate, String> {
    wacost_core::date::parse_date(text).ok_or_else(|| "not a date YYYY-MM-DD".to_string())
}

/// A month `YYYY-MM`, read by the core's reader.
pub fn month(text: &str) -> Result<wacost_core::scenario::Month, String> {
    text.trim()
        .parse()
        .map_err(|_| "not a month YYYY-MM".to_string())
}

/// An exact decimal (`0.05`, `-0.1`, `500`), read by the core's reader; ranges are the core's.
pub fn decimal(text: &str) -> Result<rust_decimal::Decimal, String> {
    wacost_core::plan::decimal_text(text).ok_or_else(|| "not a decimal number".to_string())
}

/// An invoice total as printed, read by the core's reader (the same as the page's field).
pub fn invoice_total(text: &str) -> Result<rust_decimal::Decimal, String> {
    wacost_core::bill::read_invoice_total(text, wacost_core::locale::Locale::En)
        .map_err(|e| e.to_string())
}

/// A count. `_` may group digits, as in Rust (`--rows 1_000_000`).
pub fn whole_number(text: &str) -> Result<u64, String> {
    text.trim()
        .replace('_', "")
        .parse::<u64>()
        .map_err(|_| "not a whole number >= 0".to_string())
}

/// A count of which there must be at least one.
pub fn at_least_one(text: &str) -> Result<NonZeroU64, String> {
    NonZeroU64::new(whole_number(text)?).ok_or_else(|| "must be at least 1".to_string())
}

/// A rules version read by the core's parser, so a bad name is worded as in a scenario file;
/// `--help` lists the versions from the core's own list, so it cannot fall behind.
#[derive(Debug, Clone, Copy)]
pub struct RulesParser;

impl TypedValueParser for RulesParser {
    type Value = RulesVersion;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<RulesVersion, clap::Error> {
        StringValueParser::new()
            .try_map(|text| text.parse::<RulesVersion>().map_err(|e| e.to_string()))
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            RulesVersion::ALL
                .into_iter()
                .map(|rules| PossibleValue::new(rules.as_str())),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_digit_groups_and_refuse_the_rest() {
        assert_eq!(whole_number("1_000_000"), Ok(1_000_000));
        assert_eq!(whole_number(" 7 "), Ok(7));
        assert_eq!(whole_number("ten"), Err("not a whole number >= 0".into()));
        assert_eq!(whole_number("-1"), Err("not a whole number >= 0".into()));
        assert_eq!(at_least_one("0"), Err("must be at least 1".into()));
        assert_eq!(at_least_one("3").map(NonZeroU64::get), Ok(3));
    }

    #[test]
    fn dates_are_the_cores_strict_dates() {
        assert_eq!(
            date("2026-10-01"),
            Ok(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())
        );
        for bad in ["2026-02-30", "2026/10/01", "soon", " 2026-10-01"] {
            assert_eq!(date(bad), Err("not a date YYYY-MM-DD".into()), "{bad}");
        }
    }

    #[test]
    fn dash_is_standard_input() {
        assert_eq!(input("-"), Ok(Input::Stdin));
        assert_eq!(
            input("a.csv").map(|i| i.path().map(String::from)),
            Ok(Some("a.csv".into()))
        );
    }
}
