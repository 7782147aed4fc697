//! Exact decimal text: rates as Meta prints them, shares and fees as users type them, and the
//! money figures of an estimate as every front end shows them.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Parses a non-negative rate exactly as printed on a card: `0.0260`, `0.026`, or Meta's
/// spreadsheet notation `8.0E-4`. Anything else (signs, separators, symbols, `n/a`) is refused:
/// a rate we cannot read exactly is a rate we must not guess. So is a number a `Decimal` cannot
/// hold exactly (more than 28 significant digits, or more than 28 decimals once its trailing
/// zeros are dropped): `rust_decimal`'s own parser would round it without a word (29 nines
/// after the point read as exactly 1), so the digits are put together here instead.
pub fn parse_rate(text: &str) -> Result<Decimal, RateError> {
    let text = text.trim();
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (text, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let exponent = match exponent {
        None => Some(0),
        Some(e) => {
            let magnitude = e.strip_prefix(['-', '+']).unwrap_or(e);
            (digits(magnitude) && magnitude.len() <= 2)
                .then(|| magnitude.parse::<i64>().ok())
                .flatten()
                .map(|m| if e.starts_with('-') { -m } else { m })
        }
    };
    let plain = digits(whole) && fraction.is_none_or(digits);
    let (true, Some(exponent)) = (plain, exponent) else {
        return Err(RateError::NotPlain {
            text: text.to_string(),
        });
    };
    exact_decimal(whole, fraction.unwrap_or(""), exponent).ok_or_else(|| RateError::Inexact {
        text: text.to_string(),
    })
}

/// The most significant digits a `Decimal` holds whatever they are (its mantissa is 96 bits,
/// so some numbers of 29 digits fit too), and the most decimals it holds.
pub const EXACT_DIGITS: u32 = 28;

/// `whole.fraction × 10^exponent` as a normalised `Decimal`, or none when it cannot be held
/// exactly. The digits are ASCII digits (checked by the caller); the exponent at most 99.
fn exact_decimal(whole: &str, fraction: &str, exponent: i64) -> Option<Decimal> {
    // Every digit, without the leading zeros; the scale counts the fraction's digits.
    let joined = format!("{whole}{fraction}");
    let significant = joined.trim_start_matches('0');
    let trimmed = significant.trim_end_matches('0');
    if trimmed.is_empty() {
        return Some(Decimal::ZERO);
    }
    let dropped = i64::try_from(significant.len() - trimmed.len()).ok()?;
    let fraction_len = i64::try_from(fraction.len()).ok()?;
    let scale = fraction_len - exponent - dropped;
    // A whole number with zeros to put back (`1E+5`): they count as digits.
    let zeros = usize::try_from((-scale).max(0)).ok()?;
    if trimmed.len() + zeros > 29 {
        return None;
    }
    let mut mantissa: u128 = trimmed.parse().ok()?;
    for _ in 0..zeros {
        mantissa = mantissa.checked_mul(10)?;
    }
    let scale = u32::try_from(scale.max(0)).ok()?;
    if scale > EXACT_DIGITS || mantissa >= 1u128 << 96 {
        return None;
    }
    Decimal::try_from_i128_with_scale(i128::try_from(mantissa).ok()?, scale).ok()
}

/// Why a rate's text is not read.
#[derive(Debug, Clone, PartialEq)]
pub enum RateError {
    /// Not digits with at most one point and an optional exponent.
    NotPlain { text: String },
    /// Digits a `Decimal` cannot hold exactly (more than 28 significant digits or decimals).
    Inexact { text: String },
}

impl fmt::Display for RateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RateError::NotPlain { text } => write!(f, "`{text}` is not a plain decimal number"),
            RateError::Inexact { text } => write!(
                f,
                "`{text}` cannot be held exactly (it has more than {EXACT_DIGITS} significant digits or decimals), and wacost never rounds what it is given"
            ),
        }
    }
}

impl std::error::Error for RateError {}

/// `a × b` exactly, or none when the product cannot be held exactly by a `Decimal` (more
/// than 96 bits of significant digits, or more than 28 decimals). `Decimal`'s own `*` rounds
/// such a product without a word (and `checked_mul` too), so every money product of the
/// estimator goes through here.
pub fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b) = (a.normalize(), b.normalize());
    if a.is_zero() || b.is_zero() {
        return Some(Decimal::ZERO);
    }
    let negative = a.is_sign_negative() != b.is_sign_negative();
    let (mut x, mut y) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    let mut scale = i64::from(a.scale()) + i64::from(b.scale());
    // Trailing zeros, of each mantissa (a whole number keeps them when normalised) and made
    // by a 2 of one and a 5 of the other, are taken out first: what is left are the product's
    // significant digits, and whether they fit is the whole question.
    for m in [&mut x, &mut y] {
        while *m % 10 == 0 {
            *m /= 10;
            scale -= 1;
        }
    }
    cancel_tens(&mut x, &mut y, &mut scale);
    cancel_tens(&mut y, &mut x, &mut scale);
    let mut product = x.checked_mul(y)?;
    while scale < 0 {
        product = product.checked_mul(10)?;
        scale += 1;
    }
    let scale = u32::try_from(scale).ok()?;
    if scale > EXACT_DIGITS || product >= 1u128 << 96 {
        return None;
    }
    let magnitude = i128::try_from(product).ok()?;
    let signed = if negative { -magnitude } else { magnitude };
    Decimal::try_from_i128_with_scale(signed, scale).ok()
}

/// Moves the pairs of a factor 2 of `twos` and a factor 5 of `fives` into the scale.
fn cancel_tens(twos: &mut u128, fives: &mut u128, scale: &mut i64) {
    while *twos % 2 == 0 && *fives % 5 == 0 {
        *twos /= 2;
        *fives /= 5;
        *scale -= 1;
    }
}

/// `a + b` exactly, or none when the sum cannot be held exactly (`Decimal`'s own `+` rounds
/// or panics). For operands of one sign, as money sums are here: once normalised, one that
/// does not fit 127 bits at the other's scale cannot give a sum that fits 96.
pub fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b) = (a.normalize(), b.normalize());
    let scale = a.scale().max(b.scale());
    let aligned = |d: Decimal| {
        let factor = 10i128.checked_pow(scale - d.scale())?;
        d.mantissa().checked_mul(factor)
    };
    let mut sum = aligned(a)?.checked_add(aligned(b)?)?;
    let mut scale = scale;
    while scale > 0 && sum != 0 && sum % 10 == 0 {
        sum /= 10;
        scale -= 1;
    }
    if sum.unsigned_abs() >= 1u128 << 96 {
        return None;
    }
    Decimal::try_from_i128_with_scale(sum, scale).ok()
}

/// `a − b` exactly, or none when the difference cannot be held exactly (two amounts of very
/// different scales, such as 10^27 and a figure with 28 decimals): `Decimal`'s own `-` rounds.
pub fn exact_diff(a: Decimal, b: Decimal) -> Option<Decimal> {
    exact_add(a, -b)
}

/// The exact sum of `amounts`, or none when a partial sum cannot be held exactly.
pub fn exact_sum(amounts: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    amounts.into_iter().try_fold(Decimal::ZERO, exact_add)
}

/// Which figure a text was read as, for `ParseFigureError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Amount,
    UnitPrice,
}

/// A text that is not an exact decimal figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseFigureError {
    pub text: String,
    pub figure: Figure,
    pub reason: rust_decimal::Error,
}

impl fmt::Display for ParseFigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.figure {
            Figure::Amount => "an amount of money",
            Figure::UnitPrice => "a price per unit",
        };
        write!(f, "`{}` is not {what} ({})", self.text, self.reason)
    }
}

impl std::error::Error for ParseFigureError {}

/// A plain decimal text with its whole part grouped by thousands, for reading
/// (`-1234567.891` → `-1,234,567.891`, `1000` → `1,000`); JSON and CSV keep the plain text.
pub fn group_thousands(text: &str) -> String {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// Formats an amount for JSON and CSV output: exact, without trailing zeros beyond what the
/// value needs, but always with at least `min_scale` decimals so money columns line up.
pub fn to_plain_string(value: Decimal, min_scale: u32) -> String {
    let mut value = value.normalize();
    if value.scale() < min_scale {
        value.rescale(min_scale);
    }
    value.to_string()
}

/// Money in an estimate: an exact decimal, shown with at least two decimals and without
/// trailing zeros beyond what the value needs (`180.00`, `3249.624`). The value is kept as a
/// `Decimal` and written out only when shown or serialised: a comparison builds thousands of
/// figures and most of them are never displayed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

/// A price per message or conversation (a rate, a band rate, a cost per unit): shown with at
/// least four decimals, as Meta prints its cards (`0.0650`, `0.002722`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitPrice(Decimal);

macro_rules! decimal_figure {
    ($name:ident, $min_scale:expr, $what:expr) => {
        impl $name {
            pub const ZERO: $name = $name(Decimal::ZERO);
            /// Decimals always shown.
            pub const MIN_SCALE: u32 = $min_scale;

            pub fn new(value: Decimal) -> $name {
                $name(value)
            }

            pub fn value(self) -> Decimal {
                self.0
            }

            /// The text as JSON carries it, without a heap allocation.
            pub fn text(self) -> PlainText {
                PlainText::of(self.0, $min_scale)
            }
        }

        impl From<Decimal> for $name {
            fn from(value: Decimal) -> $name {
                $name(value)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.text().as_str())
            }
        }

        impl FromStr for $name {
            type Err = ParseFigureError;

            fn from_str(text: &str) -> Result<$name, ParseFigureError> {
                Decimal::from_str_exact(text.trim())
                    .map($name)
                    .map_err(|reason| ParseFigureError {
                        text: text.to_string(),
                        figure: $what,
                        reason,
                    })
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.text().as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.text().as_str() == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.text().as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

decimal_figure!(Amount, 2, Figure::Amount);
decimal_figure!(UnitPrice, 4, Figure::UnitPrice);

impl UnitPrice {
    /// `total / units` rounded half-up to 6 decimals; none for no units.
    pub fn per_unit(total: Decimal, units: u64) -> Option<UnitPrice> {
        (units > 0).then(|| {
            UnitPrice(per_unit_exact(total, units).unwrap_or_else(|| {
                (total / Decimal::from(units))
                    .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            }))
        })
    }
}

/// `total / units` rounded half-up to 6 decimals in integers, exactly (no intermediate
/// rounding at 28 digits): an estimate computes one per category and market, and `Decimal`
/// division was a tenth of its run time. None when the figure would not fit a `Decimal`.
fn per_unit_exact(total: Decimal, units: u64) -> Option<Decimal> {
    const DECIMALS: u32 = 6;
    if total.is_sign_negative() {
        return None;
    }
    let mantissa = u128::try_from(total.mantissa()).ok()?;
    let scale = total.scale();
    // mantissa < 2^96 and 10^22 * units < 2^114: neither side overflows.
    let (numerator, denominator) = if scale <= DECIMALS {
        (mantissa * 10u128.pow(DECIMALS - scale), u128::from(units))
    } else {
        (mantissa, u128::from(units) * 10u128.pow(scale - DECIMALS))
    };
    let rounded = (2 * numerator + denominator) / (2 * denominator);
    Decimal::try_from_i128_with_scale(i128::try_from(rounded).ok()?, DECIMALS).ok()
}

/// A decimal written out in a buffer on the stack. The longest text a `Decimal` gives with
/// up to four padded decimals is 35 bytes (a sign, 29 digits, a point, padding).
#[derive(Clone, Copy)]
pub struct PlainText {
    bytes: [u8; 48],
    len: u8,
}

impl PlainText {
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, a sign and a point are ever written.
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or("")
    }

    fn from_str_truncated(text: &str) -> PlainText {
        let mut out = PlainText {
            bytes: [0; 48],
            len: 0,
        };
        for (slot, byte) in out.bytes.iter_mut().zip(text.bytes()) {
            *slot = byte;
            out.len += 1;
        }
        out
    }

    /// Appends bytes, as many as fit.
    fn put(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            if let Some(slot) = self.bytes.get_mut(usize::from(self.len)) {
                *slot = byte;
                self.len += 1;
            }
        }
    }

    /// The same text as `money::to_plain_string`, built from the mantissa directly: an estimate
    /// prints hundreds of figures and `Decimal`'s general formatter dominated its run time.
    fn of(value: Decimal, min_scale: u32) -> PlainText {
        let mut mantissa = value.mantissa().unsigned_abs();
        let mut scale = value.scale();
        // Nearly every figure fits a u64, whose division is far cheaper than a u128's.
        if let Ok(small) = u64::try_from(mantissa) {
            let mut small = small;
            while scale > min_scale && small % 10 == 0 {
                small /= 10;
                scale -= 1;
            }
            mantissa = u128::from(small);
        }
        while scale > min_scale && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        if mantissa == 0 {
            scale = scale.min(min_scale);
        }
        while scale < min_scale {
            match mantissa.checked_mul(10) {
                Some(m) => mantissa = m,
                None => return PlainText::from_str_truncated(&to_plain_string(value, min_scale)),
            }
            scale += 1;
        }
        if mantissa >= 1u128 << 96 {
            // Beyond what a Decimal holds: let the general formatter decide.
            return PlainText::from_str_truncated(&to_plain_string(value, min_scale));
        }
        let mut buffer = [0u8; 40];
        let digits = digits_of(mantissa, &mut buffer);
        let scale = scale as usize;
        let mut text = PlainText {
            bytes: [0; 48],
            len: 0,
        };
        if value.is_sign_negative() && mantissa != 0 {
            text.put(b"-");
        }
        if digits.len() <= scale {
            text.put(b"0.");
            for _ in digits.len()..scale {
                text.put(b"0");
            }
            text.put(digits);
        } else {
            let (whole, fraction) = digits.split_at(digits.len() - scale);
            text.put(whole);
            if scale > 0 {
                text.put(b".");
                text.put(fraction);
            }
        }
        text
    }
}

/// The decimal digits of `n`, written at the end of `buffer` (39 digits at most for a u128).
fn digits_of(n: u128, buffer: &mut [u8; 40]) -> &[u8] {
    let mut start = buffer.len();
    let mut push = |digit: u8| {
        start = start.saturating_sub(1);
        if let Some(slot) = buffer.get_mut(start) {
            *slot = b'0' + digit;
        }
    };
    let mut rest = n;
    while rest > u128::from(u64::MAX) {
        push((rest % 10) as u8);
        rest /= 10;
    }
    // The rest fits a u64, whose division is far cheaper.
    let mut rest = u64::try_from(rest).unwrap_or(0);
    loop {
        push((rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    buffer.get(start..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::dec;

    mod rust_decimal_macros_free {
        macro_rules! dec {
            ($text:literal) => {
                rust_decimal::Decimal::from_str_exact($text).unwrap()
            };
        }
        pub(crate) use dec;
    }

    #[test]
    fn rates_parse_exactly_as_printed() {
        let cases = [
            ("0.0260", dec!("0.026")),
            ("0.026", dec!("0.026")),
            ("8.0E-4", dec!("0.0008")),
            ("9.0e-4", dec!("0.0009")),
            ("316.636", dec!("316.636")),
            ("0", dec!("0")),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_rate(text).unwrap(), expected, "{text}");
        }
    }

    /// What `rust_decimal` would round is refused; what only looks long is read exactly.
    #[test]
    fn rates_are_read_exactly_or_refused() {
        let nines = |n: usize| format!("0.{}", "9".repeat(n));
        assert_eq!(parse_rate(&nines(28)).unwrap().to_string(), nines(28));
        assert!(matches!(
            parse_rate(&nines(29)),
            Err(RateError::Inexact { .. })
        ));
        assert!(parse_rate(&nines(21)).is_ok());
        let exact = [
            ("0.1000000000000000000000000000000000", "0.1"),
            ("0000000000000000000000000000000012.5", "12.5"),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            ("1E+5", "100000"),
            ("1.0E-28", "0.0000000000000000000000000001"),
            ("0E-99", "0"),
            ("123.45e2", "12345"),
            // 29 digits, and still below 2^96: held exactly.
            (
                "1234567890123456789012345678.9",
                "1234567890123456789012345678.9",
            ),
        ];
        for (text, value) in exact {
            assert_eq!(parse_rate(text).unwrap().to_string(), value, "{text}");
        }
        for inexact in [
            "79228162514264337593543950336",
            "1E+29",
            "1E-29",
            "0.00000000000000000000000000001",
            "9234567890123456789012345678.9",
        ] {
            assert!(
                matches!(parse_rate(inexact), Err(RateError::Inexact { .. })),
                "{inexact}"
            );
        }
    }

    /// Products and sums are exact or refused, never rounded: checked against integer
    /// arithmetic where that fits, and against cases built to sit just past the edge.
    #[test]
    fn money_arithmetic_is_exact_or_refused() {
        let d = |text: &str| Decimal::from_str_exact(text).unwrap();
        let exact = [
            ("0.0118", "1000000000000", "11800000000"),
            (
                "0.123456789012345678",
                "400000000000000000",
                "49382715604938271.2",
            ),
            ("2.5", "0.4", "1"),
            (
                "0.000000000000000001",
                "0.0000000001",
                "0.0000000000000000000000000001",
            ),
            (
                "79228162514264337593543950335",
                "1",
                "79228162514264337593543950335",
            ),
            // Trailing zeros made by the product itself: 2^40 × 5^40 = 10^40, times 10^-40.
            (
                "0.0000000000000000000000000001",
                "100000000000000000000000000",
                "0.01",
            ),
        ];
        for (a, b, product) in exact {
            assert_eq!(exact_mul(d(a), d(b)), Some(d(product)), "{a} × {b}");
        }
        let twos = Decimal::from_i128_with_scale(1i128 << 40, 20);
        let fives = Decimal::from_i128_with_scale(5i128.pow(40), 20);
        assert_eq!(exact_mul(twos, fives), Some(Decimal::ONE));
        for (a, b) in [
            ("0.123456789012345678", "1000000000001"),
            ("999999.999999999999999999", "400000000000000001"),
            ("79228162514264337593543950335", "2"),
            ("0.0000000000000000000000000001", "0.1"),
            ("0.3", "0.0000000000000000000000000003"),
        ] {
            assert_eq!(exact_mul(d(a), d(b)), None, "{a} × {b}");
            // What Decimal itself does with it: a rounded figure, or a panic.
            if let Some(rounded) = d(a).checked_mul(d(b)) {
                assert_ne!(rounded.to_string(), "", "{a} × {b}");
            }
        }
        assert_eq!(exact_add(d("0.1"), d("0.2")), Some(d("0.3")));
        assert_eq!(
            exact_add(d("79228162514264337593543950334"), d("1")),
            Some(d("79228162514264337593543950335"))
        );
        assert_eq!(exact_add(d("79228162514264337593543950335"), d("1")), None);
        assert_eq!(
            exact_add(d("7922816251426433759354395033"), d("0.0000000001")),
            None,
            "the sum would need 38 significant digits"
        );
        assert_eq!(exact_add(d("0.00"), d("0")), Some(Decimal::ZERO));
        assert_eq!(exact_add(d("1.5"), d("-0.5")), Some(Decimal::ONE));
        assert_eq!(exact_sum([d("0.1"), d("0.2"), d("0.3")]), Some(d("0.6")));
        // Against integer arithmetic over many small cases.
        for x in 0u64..40 {
            for y in 0u64..40 {
                for (sx, sy) in [(0, 0), (3, 2), (14, 14)] {
                    let (a, b) = (
                        Decimal::new(x as i64 * 37, sx),
                        Decimal::new(y as i64 * 91, sy),
                    );
                    let product = Decimal::from_i128_with_scale(
                        i128::from(x * 37) * i128::from(y * 91),
                        sx + sy,
                    );
                    assert_eq!(exact_mul(a, b), Some(product.normalize()), "{a} × {b}");
                    assert_eq!(exact_add(a, b), Some((a + b).normalize()), "{a} + {b}");
                }
            }
        }
    }

    #[test]
    fn anything_but_a_plain_decimal_is_refused() {
        for text in [
            "", "n/a", "-0.01", "$0.01", "1,234.5", "0.", ".5", "1e", "1e-999", "abc",
        ] {
            assert!(parse_rate(text).is_err(), "{text} should be refused");
        }
        let tests = &[
            ("1,5", "`1,5` is not a plain decimal number"),
            (
                "99999999999999999999999999999999",
                "`99999999999999999999999999999999` cannot be held exactly (it has more than 28 significant digits or decimals), and wacost never rounds what it is given",
            ),
        ];
        for (text, expected) in tests {
            assert_eq!(
                parse_rate(text).unwrap_err().to_string(),
                *expected,
                "{text}"
            );
        }
        assert_eq!(
            "1,50".parse::<Amount>().unwrap_err().to_string(),
            "`1,50` is not an amount of money (Invalid decimal: unknown character)"
        );
        assert_eq!(
            "x".parse::<UnitPrice>().unwrap_err().figure,
            Figure::UnitPrice
        );
    }

    #[test]
    fn plain_strings_keep_a_minimum_scale() {
        assert_eq!(to_plain_string(dec!("3.29"), 2), "3.29");
        assert_eq!(to_plain_string(dec!("180"), 2), "180.00");
        assert_eq!(to_plain_string(dec!("0.63000"), 2), "0.63");
    }

    #[test]
    fn plain_matches_the_money_formatter() {
        for text in [
            "0",
            "0.0",
            "0.000",
            "1",
            "180",
            "180.00",
            "0.63000",
            "3.29",
            "0.0014",
            "0.115",
            "41500.0000",
            "0.028",
            "123456789012.3456",
            "1e-20",
            "-2.50",
            "0.00000001",
            "79228162514264337593543950335",
            "7922816251426433759354395033.5",
        ] {
            let value = Decimal::from_str(text)
                .or_else(|_| Decimal::from_scientific(text))
                .unwrap();
            for min_scale in [0, 2, 4] {
                assert_eq!(
                    PlainText::of(value, min_scale).as_str(),
                    to_plain_string(value, min_scale),
                    "{text} {min_scale}"
                );
            }
        }
    }

    #[test]
    fn figures_keep_their_text_through_json() {
        for text in ["180.00", "3249.624", "0.00", "12345678901234.56"] {
            let amount: Amount = serde_json::from_str(&format!("\"{text}\"")).unwrap();
            assert_eq!(amount, text);
            assert_eq!(
                serde_json::to_string(&amount).unwrap(),
                format!("\"{text}\"")
            );
        }
        for text in ["0.0650", "0.002722", "0.0014"] {
            let price: UnitPrice = text.parse().unwrap();
            assert_eq!(price.to_string(), text);
        }
        assert_eq!(Amount::new(dec!("180")).to_string(), "180.00");
        assert_eq!(UnitPrice::new(dec!("0.065")).to_string(), "0.0650");
        assert_eq!(format!("{:>8}", Amount::new(dec!("1.5"))), "    1.50");
        assert!(serde_json::from_str::<Amount>("\"1,50\"").is_err());
    }

    #[test]
    fn per_unit_in_integers_agrees_with_decimal_division() {
        let totals = [
            "0",
            "0.01",
            "1",
            "3.29",
            "41500.00",
            "0.0000005",
            "2809371.222",
            "7922816251426433759354395033.5",
            "123456.789012345678",
        ];
        let units = [1u64, 2, 3, 7, 450, 1_000_003, 30_000_000, 1_000_000_000_000];
        for total in totals {
            for n in units {
                let total = Decimal::from_str(total).unwrap();
                let by_decimal = (total / Decimal::from(n)).round_dp_with_strategy(
                    6,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                let ours = UnitPrice::per_unit(total, n).unwrap().value();
                assert_eq!(ours, by_decimal, "{total} / {n}");
                assert_eq!(
                    UnitPrice(ours).to_string(),
                    UnitPrice(by_decimal).to_string(),
                    "{total} / {n}"
                );
            }
        }
    }

    #[test]
    fn per_unit_rounds_half_up_to_six_decimals() {
        assert_eq!(UnitPrice::per_unit(dec!("1"), 3).unwrap(), "0.333333");
        assert_eq!(
            UnitPrice::per_unit(dec!("0.0000005"), 1).unwrap(),
            "0.000001"
        );
        assert_eq!(UnitPrice::per_unit(dec!("3.29"), 0), None);
    }
}
