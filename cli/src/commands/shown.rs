//! Money and counts in the command line's tables: the core's one money format, in English
//! (`$4,354.80`, rounded half up to the currency's minor unit; rates with every digit). A
//! headline total that rounding changed also shows its exact figure, which the JSON keeps.

use rust_decimal::Decimal;
use wacost_core::locale::Locale;
use wacost_core::money_format::{count_text, MoneyFormat};

/// An amount as the page shows it in English: `$4,354.80`, `CLP 4,355`.
pub fn money(currency: &str, amount: Decimal) -> String {
    MoneyFormat::new(currency, Locale::En).amount(amount)
}

/// A headline amount, with its exact figure when the shown one is rounded:
/// `$4,354.80 (exact 4354.7994)`.
pub fn money_with_exact(currency: &str, amount: Decimal) -> String {
    let shown = MoneyFormat::new(currency, Locale::En).shown(amount);
    if shown.rounded {
        format!("{} (exact {})", shown.text, shown.exact)
    } else {
        shown.text
    }
}

/// A price per message with every published digit: `$0.0014`.
pub fn rate(currency: &str, value: Decimal) -> String {
    MoneyFormat::new(currency, Locale::En).rate(value)
}

/// `1234567` → `1,234,567`.
pub fn grouped(n: u64) -> String {
    count_text(n, Locale::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_show_money_in_the_one_format() {
        let dec = |t: &str| Decimal::from_str_exact(t).unwrap();
        assert_eq!(money("USD", dec("4354.7994")), "$4,354.80");
        assert_eq!(
            money_with_exact("USD", dec("4354.7994")),
            "$4,354.80 (exact 4354.7994)"
        );
        assert_eq!(money_with_exact("USD", dec("180")), "$180.00");
        assert_eq!(money("CLP", dec("-1234.5")), "-CLP\u{a0}1,235");
        assert_eq!(rate("USD", dec("0.0014")), "$0.0014");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
