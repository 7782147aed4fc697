//! Money as people read it: the one formatter of amounts on screen, in the page's four
//! languages, the widget, the estimate's notes and the command line's tables.
//!
//! - An **amount** is rounded once, to the currency's minor unit (ISO 4217: two decimals, none
//!   for CLP), half up: a half goes away from zero, as people round money (docs/rules.md CUR-6
//!   leaves invoice rounding unpublished; this is wacost's choice for display only). A figure
//!   that rounds to zero has no sign.
//! - A **rate** (a price per message) keeps every published digit, as `UnitPrice` writes it
//!   (at least four decimals, as Meta prints its cards).
//! - Digits are grouped by three with the language's mark and the decimal mark is the
//!   language's (`crate::locale`): English `4,354.80`, French `4 354,80` (a narrow no-break
//!   space groups), Spanish and Brazilian Portuguese `4.354,80`. Spanish is grouped from four
//!   digits, where CLDR waits for five, so a column of figures lines up and the count reader
//!   reads the same text back.
//! - The currency's symbol or code (`crate::currency`) is placed as each language writes it,
//!   CLDR's patterns: English `$4,354.80` and `AED 4,354.80`, French `4 354,80 $US`, Spanish
//!   `4.354,80 US$`, Brazilian Portuguese `US$ 4.354,80`; a minus sign comes first
//!   (`-$12.50`, `-12,50 $US`, `-US$ 12,50`). The spaces beside a symbol are no-break spaces.
//!
//! The exact value is never lost: JSON, CSV, `data-value` and tooltips keep `Amount`'s exact
//! text ([`MoneyFormat::shown`] gives both). No float and no ICU: digits are moved as text.

use crate::currency::Currency;
use crate::locale::Locale;
use crate::money::{Amount, UnitPrice};
use rust_decimal::{Decimal, RoundingStrategy};
use std::borrow::Cow;

const NO_BREAK_SPACE: char = '\u{a0}';
const NARROW_NO_BREAK_SPACE: char = '\u{202f}';

/// How one currency's money is written in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyFormat {
    locale: Locale,
    symbol: Cow<'static, str>,
    minor_digits: u32,
}

/// An amount as shown, and the exact figure behind it (for a tooltip or `data-value`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// Rounded to the minor unit, with the currency: `$4,354.80`.
    pub text: String,
    /// The exact decimal, as JSON carries it: `4354.7994`.
    pub exact: String,
    /// Whether `text` differs from the exact figure (a tooltip is worth showing).
    pub rounded: bool,
}

impl MoneyFormat {
    /// The format of `currency` (ISO code, case-insensitive) in `locale`. A code that is not
    /// one of Meta's billing currencies is written as its code, with ISO 4217's minor unit
    /// (two decimals for a code that is not ISO 4217's).
    pub fn new(currency: &str, locale: Locale) -> MoneyFormat {
        match Currency::of(currency) {
            Some(known) => MoneyFormat {
                locale,
                symbol: Cow::Borrowed(known.symbol(locale)),
                minor_digits: known.minor_digits,
            },
            None => MoneyFormat {
                locale,
                symbol: Cow::Owned(currency.trim().to_ascii_uppercase()),
                minor_digits: 2,
            },
        }
    }

    /// Decimals of the currency's minor unit.
    pub fn minor_digits(&self) -> u32 {
        self.minor_digits
    }

    /// `value` rounded half up to the minor unit: what an amount on screen shows.
    pub fn round(&self, value: Decimal) -> Decimal {
        round_to_minor(value, self.minor_digits)
    }

    /// An amount, rounded to the minor unit: `$4,354.80`, `CLP 4,355`.
    pub fn amount(&self, value: Decimal) -> String {
        let rounded = self.round(value);
        let digits = plain_with_decimals(rounded, self.minor_digits);
        self.place(&digits)
    }

    /// A price per message with every published digit: `$0.0014`, `0,0304 $US`.
    pub fn rate(&self, value: Decimal) -> String {
        self.place(UnitPrice::new(value).text().as_str())
    }

    /// The amount as shown and its exact figure.
    pub fn shown(&self, value: Decimal) -> Shown {
        let text = self.amount(value);
        Shown {
            text,
            exact: Amount::new(value).text().as_str().to_string(),
            rounded: self.round(value) != value,
        }
    }

    /// A plain decimal text (`-4354.80`) grouped, marked and placed beside the symbol.
    fn place(&self, plain: &str) -> String {
        let (negative, unsigned) = match plain.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, plain),
        };
        let number = localise(unsigned, self.locale);
        let sign = if negative { "-" } else { "" };
        let symbol = self.symbol.as_ref();
        match self.locale {
            Locale::En => {
                let spaced = symbol.ends_with(|c: char| c.is_ascii_alphabetic());
                let space = if spaced { "\u{a0}" } else { "" };
                format!("{sign}{symbol}{space}{number}")
            }
            Locale::Fr | Locale::Es => format!("{sign}{number}{NO_BREAK_SPACE}{symbol}"),
            Locale::PtBr => format!("{sign}{symbol}{NO_BREAK_SPACE}{number}"),
        }
    }
}

/// `value` rounded half up (away from zero) to `digits` decimals; a result of zero has no sign.
pub fn round_to_minor(value: Decimal, digits: u32) -> Decimal {
    let rounded = value.round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero);
    if rounded.is_zero() {
        Decimal::ZERO
    } else {
        rounded
    }
}

/// `value` with exactly `digits` decimals (it has at most that many): `4354.8` → `4354.80`.
fn plain_with_decimals(value: Decimal, digits: u32) -> String {
    let text = value.normalize().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let wanted = digits as usize;
    if wanted == 0 {
        return whole.to_string();
    }
    let mut out = String::with_capacity(whole.len() + 1 + wanted);
    out.push_str(whole);
    out.push('.');
    out.push_str(fraction);
    for _ in fraction.len()..wanted {
        out.push('0');
    }
    out
}

/// An unsigned plain decimal (`4354.80`) with the language's grouping and decimal mark.
fn localise(unsigned: &str, locale: Locale) -> String {
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let mut out = group_digits(whole, locale);
    if let Some(fraction) = fraction {
        out.push(locale.decimal_mark());
        out.push_str(fraction);
    }
    out
}

/// The mark that groups digits by three when a number is written (the readers accept more).
fn grouping_mark(locale: Locale) -> char {
    match locale {
        Locale::En => ',',
        Locale::Fr => NARROW_NO_BREAK_SPACE,
        Locale::Es | Locale::PtBr => '.',
    }
}

/// ASCII digits grouped by three from the right with the language's mark.
fn group_digits(digits: &str, locale: Locale) -> String {
    let mark = grouping_mark(locale);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    let len = digits.chars().count();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(mark);
        }
        out.push(c);
    }
    out
}

/// A count as the language writes it: `1,234,567`, `1 234 567`, `1.234.567`.
pub fn count_text(count: u64, locale: Locale) -> String {
    group_digits(&count.to_string(), locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use Locale::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    /// Written with visible marks: `_` a no-break space, `~` a narrow no-break space.
    fn visible(text: &str) -> String {
        text.replace(NO_BREAK_SPACE, "_")
            .replace(NARROW_NO_BREAK_SPACE, "~")
    }

    #[test]
    fn amounts_per_currency_and_language() {
        let table: &[(&str, Locale, &str, &str)] = &[
            // The figures: 4-decimal totals shown to the cent.
            ("USD", En, "4354.7994", "$4,354.80"),
            ("USD", Fr, "4354.7994", "4~354,80_$US"),
            ("USD", Es, "4354.7994", "4.354,80_US$"),
            ("USD", PtBr, "4354.7994", "US$_4.354,80"),
            ("USD", En, "50.435", "$50.44"),
            ("USD", En, "59.954", "$59.95"),
            ("USD", En, "3125.00", "$3,125.00"),
            ("USD", En, "0", "$0.00"),
            // Half up at the minor unit, away from zero for a negative difference.
            ("USD", En, "2.005", "$2.01"),
            ("USD", En, "2.00499", "$2.00"),
            ("USD", En, "-2.005", "-$2.01"),
            ("USD", Fr, "-1234.565", "-1~234,57_$US"),
            ("USD", PtBr, "-0.5", "-US$_0,50"),
            ("USD", Es, "-1.004", "-1,00_US$"),
            // Rounds to zero: no sign.
            ("USD", En, "-0.004", "$0.00"),
            // CLP has no minor unit.
            ("CLP", En, "4354.5", "CLP_4,355"),
            ("CLP", En, "4354.49", "CLP_4,354"),
            ("CLP", Fr, "1234567.5", "1~234~568_$CL"),
            ("CLP", Es, "-999.5", "-1.000_CLP"),
            ("CLP", PtBr, "0.4", "CLP_0"),
            // Large amounts.
            ("USD", En, "290662397.795", "$290,662,397.80"),
            ("EUR", Fr, "1000000000000.005", "1~000~000~000~000,01_€"),
            ("INR", En, "123456789012.344", "₹123,456,789,012.34"),
            ("INR", Es, "12345.6", "12.345,60_INR"),
            ("BRL", PtBr, "1234.5", "R$_1.234,50"),
            ("BRL", En, "1234.5", "R$1,234.50"),
            ("GBP", Fr, "9.999", "10,00_£GB"),
            ("AED", En, "4354.7994", "AED_4,354.80"),
            ("MXN", Fr, "15", "15,00_$MX"),
            ("COP", En, "46.0227", "COP_46.02"),
            ("IDR", PtBr, "1500000", "IDR_1.500.000,00"),
            ("SGD", Fr, "0.125", "0,13_$SG"),
            ("AUD", PtBr, "1000", "AU$_1.000,00"),
            // Any other ISO code: the code and its minor unit; an unknown code, two decimals.
            ("jpy", En, "12.5", "JPY_13"),
            ("KWD", En, "1.2345", "KWD_1.235"),
            ("XYZ", En, "12.5", "XYZ_12.50"),
        ];
        for &(currency, locale, value, shown) in table {
            let format = MoneyFormat::new(currency, locale);
            assert_eq!(
                visible(&format.amount(dec(value))),
                shown,
                "{currency} {locale:?} {value}"
            );
        }
    }

    #[test]
    fn rates_keep_every_published_digit() {
        let table: &[(&str, Locale, &str, &str)] = &[
            ("USD", En, "0.0014", "$0.0014"),
            ("USD", En, "0.065", "$0.0650"),
            ("USD", Fr, "0.0304", "0,0304_$US"),
            ("USD", En, "0.002722", "$0.002722"),
            ("INR", PtBr, "0.8631", "₹_0,8631"),
            ("COP", En, "1046.0227", "COP_1,046.0227"),
            ("CLP", Es, "7.5", "7,5000_CLP"),
        ];
        for &(currency, locale, value, shown) in table {
            let format = MoneyFormat::new(currency, locale);
            assert_eq!(visible(&format.rate(dec(value))), shown, "{value}");
        }
    }

    #[test]
    fn the_exact_figure_is_kept_beside_the_shown_one() {
        let format = MoneyFormat::new("USD", En);
        let shown = format.shown(dec("4354.7994"));
        assert_eq!(shown.text, "$4,354.80");
        assert_eq!(shown.exact, "4354.7994");
        assert!(shown.rounded);
        let shown = format.shown(dec("180"));
        assert_eq!(
            (shown.text.as_str(), shown.exact.as_str()),
            ("$180.00", "180.00")
        );
        assert!(!shown.rounded);
        assert_eq!(format.round(dec("-0.004")).to_string(), "0");
        assert_eq!(MoneyFormat::new("CLP", Fr).minor_digits(), 0);
    }

    #[test]
    fn counts_are_grouped_per_language() {
        assert_eq!(count_text(1_234_567, En), "1,234,567");
        assert_eq!(visible(&count_text(250_001, Fr)), "250~001");
        assert_eq!(count_text(1000, Es), "1.000");
        assert_eq!(count_text(999, PtBr), "999");
        assert_eq!(count_text(0, En), "0");
    }
}
