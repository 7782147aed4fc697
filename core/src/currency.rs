//! What a billing currency looks like on screen: its minor unit, and its symbol or code as each
//! of the page's four languages writes it. A small table for Meta's sixteen billing currencies
//! (docs/rules.md CUR-2) rather than ICU: the page's first load must stay small
//! (docs/architecture.md), and these sixteen are all a bill can be in.

use crate::locale::Locale;

/// One billing currency as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyStyle {
    pub code: &'static str,
    /// Decimals of the minor unit.
    pub minor_digits: u32,
    /// The symbol or code in English, French, Spanish and Brazilian Portuguese, in
    /// `Locale::ALL` order.
    symbols: [&'static str; 4],
}

/// Minor units are ISO 4217's (List One, "Minor unit" column, as the maintenance agency SIX
/// publishes it): two decimals for every billing currency but the Chilean peso, which has
/// none. Browsers (CLDR) show COP and IDR without decimals as well; wacost keeps ISO's two,
/// since Meta's COP and IDR cards price messages in fractions of the unit (COP 46.0227).
///
/// Symbols are CLDR's for `en`, `fr`, `es` and `pt-BR`, the ones `Intl.NumberFormat` gives
/// (checked against Node's full ICU): a symbol where the language has an unambiguous one
/// (`$` is only USD in English; French writes `$US`, `$AU`, `$MX`), the ISO code otherwise.
const STYLES: [CurrencyStyle; 16] = [
    style("USD", 2, ["$", "$US", "US$", "US$"]),
    style("AED", 2, ["AED", "AED", "AED", "AED"]),
    style("ARS", 2, ["ARS", "$AR", "ARS", "ARS"]),
    style("AUD", 2, ["A$", "$AU", "AUD", "AU$"]),
    style("BRL", 2, ["R$", "R$", "BRL", "R$"]),
    style("CLP", 0, ["CLP", "$CL", "CLP", "CLP"]),
    style("COP", 2, ["COP", "$CO", "COP", "COP"]),
    style("EUR", 2, ["€", "€", "€", "€"]),
    style("GBP", 2, ["£", "£GB", "GBP", "£"]),
    style("IDR", 2, ["IDR", "IDR", "IDR", "IDR"]),
    style("INR", 2, ["₹", "₹", "INR", "₹"]),
    style("MXN", 2, ["MX$", "$MX", "MXN", "MX$"]),
    style("MYR", 2, ["MYR", "MYR", "MYR", "MYR"]),
    style("PEN", 2, ["PEN", "PEN", "PEN", "PEN"]),
    style("SAR", 2, ["SAR", "SAR", "SAR", "SAR"]),
    style("SGD", 2, ["SGD", "$SG", "SGD", "SGD"]),
];

const fn style(code: &'static str, minor_digits: u32, symbols: [&'static str; 4]) -> CurrencyStyle {
    CurrencyStyle {
        code,
        minor_digits,
        symbols,
    }
}

impl CurrencyStyle {
    /// The style of a billing currency (case-insensitive), or `None` for any other code.
    pub fn of(code: &str) -> Option<CurrencyStyle> {
        let code = code.trim();
        STYLES
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(code))
            .copied()
    }

    /// The symbol or code `locale` writes.
    pub fn symbol(&self, locale: Locale) -> &'static str {
        let at = match locale {
            Locale::En => 0,
            Locale::Fr => 1,
            Locale::Es => 2,
            Locale::PtBr => 3,
        };
        self.symbols.get(at).copied().unwrap_or(self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::BILLING_CURRENCIES;

    #[test]
    fn every_billing_currency_has_a_style_and_only_clp_has_no_decimals() {
        for code in BILLING_CURRENCIES {
            let style = CurrencyStyle::of(code).unwrap();
            let expected = if code == "CLP" { 0 } else { 2 };
            assert_eq!(style.minor_digits, expected, "{code}");
        }
        assert_eq!(STYLES.len(), BILLING_CURRENCIES.len());
        assert_eq!(CurrencyStyle::of("usd").unwrap().code, "USD");
        assert_eq!(CurrencyStyle::of("JPY"), None);
    }

    #[test]
    fn symbols_follow_each_language() {
        let usd = CurrencyStyle::of("USD").unwrap();
        let symbols: Vec<&str> = Locale::ALL.iter().map(|l| usd.symbol(*l)).collect();
        assert_eq!(symbols, ["$", "$US", "US$", "US$"]);
        assert_eq!(CurrencyStyle::of("GBP").unwrap().symbol(Locale::Fr), "£GB");
        assert_eq!(CurrencyStyle::of("INR").unwrap().symbol(Locale::Es), "INR");
    }
}
