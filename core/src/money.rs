//! Exact decimal text: rates as Meta prints them, shares and fees as users type them.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Parses a non-negative rate exactly as printed on a card: `0.0260`, `0.026`, or Meta's
/// spreadsheet notation `8.0E-4`. Anything else (signs, separators, symbols, `n/a`) is refused:
/// a rate we cannot read exactly is a rate we must not guess.
pub fn parse_rate(text: &str) -> Result<Decimal, String> {
    let text = text.trim();
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let plain = |s: &str| {
        let mut parts = s.splitn(2, '.');
        let whole = parts.next().unwrap_or("");
        let fraction = parts.next();
        !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit())
    });
    if !plain(mantissa) || !exponent_ok {
        return Err(format!("`{text}` is not a plain decimal number"));
    }
    let value = match exponent {
        None => Decimal::from_str(text),
        Some(_) => Decimal::from_scientific(text),
    }
    .map_err(|e| format!("`{text}` is not a decimal number ({e})"))?;
    Ok(value.normalize())
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

    #[test]
    fn anything_but_a_plain_decimal_is_refused() {
        for text in [
            "", "n/a", "-0.01", "$0.01", "1,234.5", "0.", ".5", "1e", "1e-999", "abc",
        ] {
            assert!(parse_rate(text).is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn plain_strings_keep_a_minimum_scale() {
        assert_eq!(to_plain_string(dec!("3.29"), 2), "3.29");
        assert_eq!(to_plain_string(dec!("180"), 2), "180.00");
        assert_eq!(to_plain_string(dec!("0.63000"), 2), "0.63");
    }
}
