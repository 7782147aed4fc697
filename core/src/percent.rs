//! Percent fields: the page shows the provider's markup and the scenario's shares as percents,
//! while the scenario, links, the command line, the JavaScript package and the widget keep the
//! fractions of docs/scenario.md (`"markup": "0.10"`). This is the one reader and writer
//! between the two, so a field means the same in every language.
//!
//! - A bare number is a percent: `10` is 10 %, so 0.10; `0,1` in French is 0.1 %, so 0.001.
//!   A `%` may follow, with or without a space. The decimal mark and the grouping marks are the
//!   language's, read by the same rules as counts (`crate::locale`): `1,5` is 1.5 % in French
//!   and refused in English, where `,` only groups by three.
//! - The fraction is exact (a percent moved two places, never divided in floating point) and
//!   has at most 18 decimals, the scenario's limit, so a percent has at most 16.
//! - Written back ([`percent_text`]) a fraction is the field's text: `0.10` → `10`, `0.125` →
//!   `12,5` in French. An old link's `"markup": "0.10"` opens as `10`.
//! - A markup above 100 % is allowed (the scenario takes up to 1000, i.e. 100,000 %) but is
//!   rarely meant: [`markup_warning`] says so, as data the page words.

use crate::locale::{ungroup, Locale};
use rust_decimal::Decimal;
use std::fmt;

/// The decimals a scenario's fraction may have.
pub const FRACTION_DECIMALS: u32 = 18;

/// Why a text is not a percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentErrorKind {
    /// Nothing but spaces (or a lone `%`).
    Empty,
    /// Digits and grouping marks, but not in groups of three (`1,50` in English).
    Grouping { mark: char },
    /// Anything else: letters, a sign, another language's decimal mark, two marks.
    NotANumber,
    /// More decimals than a fraction may have once divided by 100.
    TooManyDecimals { max: u32 },
    /// More digits than an exact decimal holds.
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentError {
    pub kind: PercentErrorKind,
    /// The text as given (trimmed).
    pub text: String,
}

impl fmt::Display for PercentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = &self.text;
        match self.kind {
            PercentErrorKind::Empty => f.write_str("no percent given"),
            PercentErrorKind::Grouping { mark } => write!(
                f,
                "`{text}` is not a percent (`{mark}` groups digits by three, as in 1{mark}500)"
            ),
            PercentErrorKind::NotANumber => {
                write!(f, "`{text}` is not a percent (a number such as 10 or 2.5)")
            }
            PercentErrorKind::TooManyDecimals { max } => {
                write!(f, "`{text}` has more than {max} decimals")
            }
            PercentErrorKind::TooLarge => write!(f, "`{text}` is too large"),
        }
    }
}

impl std::error::Error for PercentError {}

/// The fraction a percent field's text means in `locale`: `10` → 0.10, `12,5 %` (French) →
/// 0.125.
pub fn read_percent(text: &str, locale: Locale) -> Result<Decimal, PercentError> {
    let trimmed = text.trim();
    let fail = |kind| {
        Err(PercentError {
            kind,
            text: trimmed.to_string(),
        })
    };
    let number = trimmed
        .strip_suffix('%')
        .unwrap_or(trimmed)
        .trim_end_matches(|c: char| c.is_whitespace() || c == '\u{202f}');
    if number.is_empty() {
        return fail(PercentErrorKind::Empty);
    }
    let decimal = locale.decimal_mark();
    let (whole, fraction) = match number.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let digits_only = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !whole.starts_with(|c: char| c.is_ascii_digit()) || !fraction.is_none_or(digits_only) {
        return fail(PercentErrorKind::NotANumber);
    }
    let grouping = locale.grouping_marks();
    if !whole
        .chars()
        .all(|c| c.is_ascii_digit() || grouping.contains(&c))
    {
        return fail(PercentErrorKind::NotANumber);
    }
    let Some(whole) = ungroup(whole, grouping) else {
        let mark = whole.chars().find(|c| !c.is_ascii_digit()).unwrap_or(',');
        return fail(PercentErrorKind::Grouping { mark });
    };
    let max = FRACTION_DECIMALS - 2;
    if fraction.is_some_and(|f| f.len() > max as usize) {
        return fail(PercentErrorKind::TooManyDecimals { max });
    }
    let plain = match fraction {
        Some(fraction) => format!("{whole}.{fraction}"),
        None => whole.into_owned(),
    };
    let Ok(mut value) = Decimal::from_str_exact(&plain) else {
        return fail(PercentErrorKind::TooLarge);
    };
    // A percent is the fraction with its point two places to the right: exact.
    match value.set_scale(value.scale() + 2) {
        Ok(()) => Ok(value),
        Err(_) => fail(PercentErrorKind::TooLarge),
    }
}

/// The percent field's text for a fraction: `0.10` → `10`, `0.001` → `0,1` in French,
/// `1.5` → `150`. Exact and without grouping, so the field reads it back equal.
pub fn percent_text(fraction: Decimal, locale: Locale) -> String {
    let mut percent = fraction;
    if percent.scale() >= 2 {
        // Exact: the same digits, the point two places to the right.
        let _ = percent.set_scale(percent.scale() - 2);
    } else {
        percent = percent.saturating_mul(Decimal::ONE_HUNDRED);
    }
    let text = percent.normalize().to_string();
    match locale.decimal_mark() {
        '.' => text,
        mark => text.replace('.', &mark.to_string()),
    }
}

/// What a percent field's value deserves a word about, as data the page words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentWarning {
    /// A markup above 100 %: the provider's fee is more than Meta's charge itself.
    MarkupAbove100 {
        /// The percent, as `percent_text` writes it in English (`250`).
        percent: String,
    },
}

impl fmt::Display for PercentWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PercentWarning::MarkupAbove100 { percent } => write!(
                f,
                "a markup of {percent} % is more than Meta's charge itself: the field is a percent (10 means 10 %)"
            ),
        }
    }
}

/// A warning for a markup fraction above 1 (100 %).
pub fn markup_warning(fraction: Decimal) -> Option<PercentWarning> {
    (fraction > Decimal::ONE).then(|| PercentWarning::MarkupAbove100 {
        percent: percent_text(fraction, Locale::En),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Locale::*;
    use PercentErrorKind::*;

    #[test]
    fn percents_read_as_each_language_writes_them() {
        let table: &[(Locale, &str, Result<&str, PercentErrorKind>)] = &[
            (En, "10", Ok("0.10")),
            (En, "10%", Ok("0.10")),
            (En, " 10 % ", Ok("0.10")),
            (En, "0.1", Ok("0.001")),
            (En, "12.5", Ok("0.125")),
            (En, "100", Ok("1.00")),
            (En, "0", Ok("0.00")),
            (En, "1,000", Ok("10.00")),
            (En, "250", Ok("2.50")),
            (En, "0,1", Err(Grouping { mark: ',' })),
            (En, "1.5.5", Err(NotANumber)),
            (En, "-5", Err(NotANumber)),
            (En, "+5", Err(NotANumber)),
            (En, ".5", Err(NotANumber)),
            (En, "5.", Err(NotANumber)),
            (En, "ten", Err(NotANumber)),
            (En, "%", Err(Empty)),
            (En, "", Err(Empty)),
            (En, "0.1234567890123456", Ok("0.001234567890123456")),
            (En, "0.12345678901234567", Err(TooManyDecimals { max: 16 })),
            (En, "99999999999999999999999999999999", Err(TooLarge)),
            (Fr, "0,1", Ok("0.001")),
            (Fr, "10", Ok("0.10")),
            (Fr, "12,5\u{a0}%", Ok("0.125")),
            (Fr, "12,5\u{202f}%", Ok("0.125")),
            (Fr, "1 000", Ok("10.00")),
            (Fr, "0.1", Err(Grouping { mark: '.' })),
            (Es, "2,5 %", Ok("0.025")),
            (Es, "1.000", Ok("10.00")),
            (PtBr, "0,5", Ok("0.005")),
            (PtBr, "33,3333", Ok("0.333333")),
        ];
        for (locale, text, want) in table {
            let got = read_percent(text, *locale).map_err(|e| e.kind);
            let got = got.map(|d| d.to_string());
            assert_eq!(got.as_deref().map_err(|k| *k), *want, "{locale:?} {text:?}");
        }
    }

    #[test]
    fn fractions_are_written_back_as_the_field_reads_them() {
        let table: &[(&str, Locale, &str)] = &[
            ("0.10", En, "10"),
            ("0.1", En, "10"),
            ("0.001", Fr, "0,1"),
            ("0.125", Fr, "12,5"),
            ("0.025", Es, "2,5"),
            ("1.5", PtBr, "150"),
            ("0", En, "0"),
            ("1000", En, "100000"),
            ("0.000000000000000001", En, "0.0000000000000001"),
        ];
        for &(fraction, locale, text) in table {
            let fraction = Decimal::from_str_exact(fraction).unwrap();
            assert_eq!(percent_text(fraction, locale), text, "{fraction}");
            assert_eq!(read_percent(text, locale).unwrap(), fraction, "{text}");
        }
    }

    #[test]
    fn an_old_link_with_a_fraction_opens_as_ten_percent() {
        let scenario = crate::scenario::Scenario::from_json(
            r#"{"month":"2026-10","lines":[],"bsp":{"markup":"0.10"}}"#,
        )
        .unwrap();
        assert_eq!(percent_text(scenario.bsp.markup, En), "10");
        assert_eq!(percent_text(scenario.bsp.markup, Fr), "10");
    }

    #[test]
    fn a_markup_above_a_hundred_percent_is_warned() {
        let fraction = read_percent("250", En).unwrap();
        let warning = markup_warning(fraction).unwrap();
        assert_eq!(
            warning,
            PercentWarning::MarkupAbove100 {
                percent: "250".into()
            }
        );
        assert_eq!(
            warning.to_string(),
            "a markup of 250 % is more than Meta's charge itself: the field is a percent (10 means 10 %)"
        );
        assert_eq!(markup_warning(read_percent("100", En).unwrap()), None);
    }
}
