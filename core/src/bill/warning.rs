//! What a user should know about a billed log, as data. `Report::warnings` holds the English
//! sentence of each (its `Display`), in the same order as `Report::notes`; a front end in
//! another language writes its own sentence from the kind and the counts, so no rule or count
//! is restated outside the core.

use super::classify::Unpriced;
use crate::category::Category;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BillWarning {
    /// Free entry point windows from 2026-09-28 may last 7 days at Meta; they are modelled as
    /// 72 hours (SVC-10).
    FreeEntryPointWindows,
    /// A tiered category priced at its list rate for lack of a ladder on the card.
    NoLadder {
        currency: String,
        market: String,
        category: Category,
        card: NaiveDate,
    },
    /// The market table's note on a calling code (why a country is `Other`).
    MarketNote {
        calling_code: String,
        /// The table's English note, as written in the data.
        note: String,
    },
    /// Delivered messages that could not be priced, with the reason.
    NotPriced { count: u64, reason: Unpriced },
    /// Free-form messages sent with no customer service window open.
    Undeliverable { count: u64 },
    /// More than one rate card is in force inside a month.
    CardChangesInMonth { month: String, cards: Vec<String> },
    /// More reconciliation differences than are listed.
    ReconciliationDifferences { differences: u64, listed: u64 },
    /// Outbound rows without an id that repeat an earlier row exactly: `listed` pairs
    /// (line, the earlier line it repeats), the first few of `count`.
    Repeats { count: u64, listed: Vec<(u64, u64)> },
    /// Lines of nothing but whitespace, skipped.
    BlankLines { count: u64 },
    /// Malformed rows skipped (each is listed in `skipped_rows`).
    MalformedRows { count: u64 },
}

impl BillWarning {
    /// Repeats beyond those listed.
    pub fn repeats_not_listed(count: u64, listed: &[(u64, u64)]) -> u64 {
        count.saturating_sub(listed.len() as u64)
    }
}

impl fmt::Display for BillWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BillWarning::FreeEntryPointWindows => f.write_str("free entry point windows opened from 2026-09-28 may stay open up to 7 days (SVC-10); they are modelled as 72h, so messages after 72h may be free at Meta"),
            BillWarning::NoLadder {
                currency,
                market,
                category,
                card,
            } => write!(
                f,
                "no {currency} volume-tier ladder for {market} {category} on the {card} card: priced at the list rate (an upper bound)"
            ),
            BillWarning::MarketNote { calling_code, note } => {
                write!(f, "market of +{calling_code}: {note}")
            }
            BillWarning::NotPriced { count, reason } => {
                write!(f, "{count} delivered message(s) not priced: {reason}")
            }
            BillWarning::Undeliverable { count } => write!(
                f,
                "{count} free-form message(s) sent with no customer service window open: WhatsApp does not deliver them, never charged"
            ),
            BillWarning::CardChangesInMonth { month, cards } => write!(
                f,
                "{month}: a rate card change falls inside the month (cards {})",
                cards.join(", ")
            ),
            BillWarning::ReconciliationDifferences {
                differences,
                listed,
            } => write!(
                f,
                "{differences} reconciliation differences, the first {listed} listed"
            ),
            BillWarning::Repeats { count, listed } => {
                let mut lines: Vec<String> = listed
                    .iter()
                    .map(|(line, earlier)| format!("line {line} repeats line {earlier}"))
                    .collect();
                let more = BillWarning::repeats_not_listed(*count, listed);
                if more > 0 {
                    lines.push(format!("and {more} more"));
                }
                write!(
                    f,
                    "{count} outbound row(s) repeat an earlier row exactly (same time, phone number, user, kind and category) and are billed again: {} (give the log a message_id column if they are one message)",
                    lines.join(", ")
                )
            }
            BillWarning::BlankLines { count } => write!(
                f,
                "{count} blank line(s) skipped (nothing but whitespace)"
            ),
            BillWarning::MalformedRows { count } => {
                write!(f, "{count} malformed row(s) skipped")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::LookupError;

    #[test]
    fn each_kind_writes_the_report_english() {
        let table: Vec<(BillWarning, &str)> = vec![
            (
                BillWarning::NotPriced {
                    count: 3,
                    reason: Unpriced::Market(LookupError::UnknownCallingCode("+999123".into())),
                },
                "3 delivered message(s) not priced: `+999123` starts with no country calling code in use",
            ),
            (
                BillWarning::Repeats {
                    count: 12,
                    listed: vec![(4, 3), (9, 2)],
                },
                "12 outbound row(s) repeat an earlier row exactly (same time, phone number, user, kind and category) and are billed again: line 4 repeats line 3, line 9 repeats line 2, and 10 more (give the log a message_id column if they are one message)",
            ),
            (
                BillWarning::CardChangesInMonth {
                    month: "2025-07".into(),
                    cards: vec!["2025-07-01".into(), "2025-07-15".into()],
                },
                "2025-07: a rate card change falls inside the month (cards 2025-07-01, 2025-07-15)",
            ),
            (
                BillWarning::BlankLines { count: 2 },
                "2 blank line(s) skipped (nothing but whitespace)",
            ),
        ];
        for (warning, english) in table {
            assert_eq!(warning.to_string(), english);
        }
    }

    #[test]
    fn kinds_travel_as_json_and_back() {
        let warning = BillWarning::NotPriced {
            count: 1,
            reason: Unpriced::NoRate {
                card: crate::date!(2025, 7, 1),
                currency: "USD".into(),
                category: Category::Marketing,
                market: "India".into(),
            },
        };
        let json = serde_json::to_string(&warning).unwrap();
        assert_eq!(serde_json::from_str::<BillWarning>(&json).unwrap(), warning);
    }
}
