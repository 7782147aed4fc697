//! Calendar dates as Meta's cards and our files write them, `YYYY-MM-DD`.
//!
//! Read by hand rather than with chrono's format parser: that parser is the largest piece of
//! chrono in the page's WebAssembly, and every date wacost reads has this one shape.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use chrono::NaiveDate;

/// Parses `YYYY-MM-DD` (a four-digit year, a month and a day of one or two digits), and only a
/// date that exists: `2026-02-30` is refused.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |digits: &str, lengths: std::ops::RangeInclusive<usize>| {
        (lengths.contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u32>().ok())
            .flatten()
    };
    let year = i32::try_from(number(year, 4..=4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(month, 1..=2)?, number(day, 1..=2)?)
}

/// A date written in the code (a rules version's first day, the day a rule starts), checked
/// when the program is built: `date!(2026, 2, 30)` or a month 13 fails the build instead of
/// switching a rule off at run time.
///
/// ```
/// const FIRST: chrono::NaiveDate = wacost_core::date!(2026, 10, 1);
/// assert_eq!(FIRST.to_string(), "2026-10-01");
/// ```
///
/// ```compile_fail
/// const NONE: chrono::NaiveDate = wacost_core::date!(2026, 2, 30);
/// ```
#[macro_export]
macro_rules! date {
    ($year:expr, $month:expr, $day:expr) => {
        const { $crate::date::checked_at_build($year, $month, $day) }
    };
}

/// The date `date!` names. Called by `date!` inside a `const` block only, so its panic is a
/// build error, never a run-time one.
#[doc(hidden)]
#[allow(clippy::panic)]
pub const fn checked_at_build(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("date!: no such day in the calendar"),
    }
}

/// `parse_date`, or the error naming the text.
pub fn read_date(text: &str) -> Result<NaiveDate, DateError> {
    parse_date(text).ok_or_else(|| DateError {
        text: text.to_string(),
    })
}

/// A text that is not a date `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub text: String,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "must be a date YYYY-MM-DD, got \"{}\"", self.text)
    }
}

impl std::error::Error for DateError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_chrono_reads_them() {
        for text in [
            "2026-10-01",
            "2024-02-29",
            "2021-2-1",
            "0999-12-31",
            "9999-01-09",
        ] {
            assert_eq!(
                parse_date(text),
                NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
                "{text}"
            );
            assert!(parse_date(text).is_some(), "{text}");
        }
    }

    #[test]
    fn dates_in_the_code_are_the_days_they_name() {
        let tests = &[
            (crate::date!(2026, 10, 1), "2026-10-01"),
            (crate::date!(2024, 2, 29), "2024-02-29"),
            (crate::date!(2021, 2, 1), "2021-02-01"),
        ];
        for (date, expected) in tests {
            assert_eq!(date.to_string(), *expected);
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "",
            "2026",
            "2026-10",
            "2026-10-01-",
            "2026-13-01",
            "2026-02-30",
            "2025-02-29",
            "26-10-01",
            "2026-010-01",
            "2026-10-001",
            "+2026-10-01",
            "2026-1a-01",
            " 2026-10-01",
            "2026/10/01",
            "2026-10-01T00:00",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
        assert_eq!(
            read_date("1 Oct").unwrap_err().to_string(),
            "must be a date YYYY-MM-DD, got \"1 Oct\""
        );
    }
}
