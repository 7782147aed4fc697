//! The one reader of message counts as people type, paste or import them: `1,500` in English,
//! `1 500` in French and `1.500` in Brazilian Portuguese are 1500. A count is never guessed:
//! the locale's decimal mark is never read as grouping, the other mark groups only strictly by
//! three, and anything else is an error carrying the text, so the caller keeps it as typed and
//! marks it (`1,5`, `0,5` and `1234,5` are not counts in any locale).

use crate::locale::{ungroup, Locale};
use std::fmt;

/// Why a text is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountErrorKind {
    /// Nothing but spaces.
    Empty,
    /// The locale's decimal mark: a count has no fraction (`1,5` in French, `12.5` in English).
    Decimal { mark: char },
    /// Digits and grouping marks, but not in groups of three (`1,50`, `0,500`).
    Grouping { mark: char },
    /// Anything else: letters, signs, another locale's marks (`1 500` in English).
    NotANumber,
    /// More than a count can hold (20 digits).
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountError {
    pub kind: CountErrorKind,
    /// The text as given (trimmed).
    pub text: String,
}

impl fmt::Display for CountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = &self.text;
        match self.kind {
            CountErrorKind::Empty => f.write_str("no count given"),
            CountErrorKind::Decimal { mark } => write!(
                f,
                "`{text}` is not a whole number (`{mark}` is the decimal mark)"
            ),
            CountErrorKind::Grouping { mark } => write!(
                f,
                "`{text}` is not a whole number (`{mark}` groups digits by three, as in 1{mark}500)"
            ),
            CountErrorKind::NotANumber => write!(f, "`{text}` is not a whole number"),
            CountErrorKind::TooLarge => write!(f, "`{text}` is too large"),
        }
    }
}

impl std::error::Error for CountError {}

/// The count `text` means in `locale`, or why it is not one.
pub fn read(text: &str, locale: Locale) -> Result<u64, CountError> {
    let trimmed = text.trim();
    let fail = |kind| {
        Err(CountError {
            kind,
            text: trimmed.to_string(),
        })
    };
    if trimmed.is_empty() {
        return fail(CountErrorKind::Empty);
    }
    let decimal = locale.decimal_mark();
    let grouping = locale.grouping_marks();
    let number_like = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || c == decimal || grouping.contains(&c));
    if !number_like || !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        return fail(CountErrorKind::NotANumber);
    }
    if trimmed.contains(decimal) {
        return fail(CountErrorKind::Decimal { mark: decimal });
    }
    let Some(digits) = ungroup(trimmed, grouping) else {
        let mark = trimmed
            .chars()
            .find(|c| !c.is_ascii_digit())
            .unwrap_or(decimal);
        return fail(CountErrorKind::Grouping { mark });
    };
    match digits.parse::<u64>() {
        Ok(count) => Ok(count),
        Err(_) => fail(CountErrorKind::TooLarge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CountErrorKind::*;
    use Locale::*;

    #[test]
    fn counts_read_as_each_locale_writes_them() {
        let table: &[(Locale, &str, Result<u64, CountErrorKind>)] = &[
            // English: `.` decimal, `,` groups.
            (En, "1500", Ok(1500)),
            (En, " 1500 ", Ok(1500)),
            (En, "0", Ok(0)),
            (En, "007", Ok(7)),
            (En, "1,500", Ok(1500)),
            (En, "1,234,567", Ok(1_234_567)),
            (En, "1,5", Err(Grouping { mark: ',' })),
            (En, "0,5", Err(Grouping { mark: ',' })),
            (En, "1234,5", Err(Grouping { mark: ',' })),
            (En, "1,50", Err(Grouping { mark: ',' })),
            (En, "12.5", Err(Decimal { mark: '.' })),
            (En, "1.500", Err(Decimal { mark: '.' })),
            (En, "1 500", Err(NotANumber)),
            (En, "-5", Err(NotANumber)),
            (En, "+5", Err(NotANumber)),
            (En, "1e3", Err(NotANumber)),
            (En, ",500", Err(NotANumber)),
            (En, "", Err(Empty)),
            (En, "   ", Err(Empty)),
            (En, "99999999999999999999", Err(TooLarge)),
            // French: `,` decimal; `.`, space, no-break and narrow no-break space group.
            (Fr, "1 500", Ok(1500)),
            (Fr, "1\u{a0}500", Ok(1500)),
            (Fr, "1\u{202f}500\u{202f}000", Ok(1_500_000)),
            (Fr, "1.500", Ok(1500)),
            (Fr, "1,500", Err(Decimal { mark: ',' })),
            (Fr, "1,5", Err(Decimal { mark: ',' })),
            (Fr, "0,5", Err(Decimal { mark: ',' })),
            (Fr, "1234,5", Err(Decimal { mark: ',' })),
            (Fr, "1 50", Err(Grouping { mark: ' ' })),
            (Fr, "1 500.000", Err(Grouping { mark: ' ' })),
            // Spanish and Brazilian Portuguese: `,` decimal, `.` groups.
            (Es, "1.500", Ok(1500)),
            (Es, "12.345.678", Ok(12_345_678)),
            (Es, "1,5", Err(Decimal { mark: ',' })),
            (Es, "1 500", Err(NotANumber)),
            (PtBr, "1.500", Ok(1500)),
            (PtBr, "0,5", Err(Decimal { mark: ',' })),
            (PtBr, "1234,5", Err(Decimal { mark: ',' })),
            (PtBr, "1.50", Err(Grouping { mark: '.' })),
            (PtBr, "1,500", Err(Decimal { mark: ',' })),
        ];
        for (locale, text, want) in table {
            let got = read(text, *locale).map_err(|e| e.kind);
            assert_eq!(got, *want, "{locale:?} {text:?}");
        }
    }

    #[test]
    fn errors_carry_the_text_and_say_why() {
        let error = read(" 1,5 ", Fr).unwrap_err();
        assert_eq!(error.text, "1,5");
        assert_eq!(
            error.to_string(),
            "`1,5` is not a whole number (`,` is the decimal mark)"
        );
        assert_eq!(
            read("1,50", En).unwrap_err().to_string(),
            "`1,50` is not a whole number (`,` groups digits by three, as in 1,500)"
        );
        assert_eq!(
            read("abc", Es).unwrap_err().to_string(),
            "`abc` is not a whole number"
        );
    }
}
