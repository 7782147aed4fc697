//! Currencies as people print and read them, in one table of ISO 4217 codes: each code's
//! minor unit, the symbol the page writes for Meta's sixteen billing currencies in each of its
//! four languages (docs/rules.md CUR-2), and the other printed forms a user's rate card may
//! use (`₹0.8631`, `0.8631 EUR`, `US$0.02`, `R$ 0,50`, `Rs.`, `kr`). One table, so the money the
//! page writes is read back the same way, and a symbol means the same currency everywhere.
//!
//! A small table rather than ICU: the page's first load must stay small
//! (docs/architecture.md). wacost never converts between currencies: a rate printed in one
//! currency is refused where another is expected, and this module only says which currencies
//! a printed form can mean.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::locale::Locale;
use std::fmt;

/// One ISO 4217 currency: its minor unit, and for a billing currency how the page writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    pub code: &'static str,
    /// Decimals of the minor unit.
    pub minor_digits: u32,
    /// For a billing currency, the symbol or code in English, French, Spanish and Brazilian
    /// Portuguese, in `Locale::ALL` order.
    symbols: Option<[&'static str; 4]>,
}

/// Every active ISO 4217 code of a currency in circulation (funds, precious metals and test
/// codes left out), in alphabetical order, as the search in [`Currency::of`] needs.
///
/// Minor units are ISO 4217's (List One, "Minor unit" column, as the maintenance agency SIX
/// publishes it): two decimals but for the sixteen with none (CLP, JPY, KRW, VND, …) and
/// the seven with three (BHD, JOD, KWD, …). Browsers (CLDR) show COP and IDR without decimals;
/// wacost keeps ISO's two, since Meta's COP and IDR cards price messages in fractions of the
/// unit (COP 46.0227).
///
/// Billing currencies' symbols are CLDR's for `en`, `fr`, `es` and `pt-BR`, the ones
/// `Intl.NumberFormat` gives (checked against Node's full ICU): a symbol where the language
/// has an unambiguous one (`$` is only USD in English; French writes `$US`, `$AU`, `$MX`),
/// the ISO code otherwise.
#[rustfmt::skip]
static CURRENCIES: [Currency; 157] = [
    billing("AED", 2, ["AED", "AED", "AED", "AED"]),
    iso("AFN", 2), iso("ALL", 2), iso("AMD", 2), iso("ANG", 2), iso("AOA", 2),
    billing("ARS", 2, ["ARS", "$AR", "ARS", "ARS"]),
    billing("AUD", 2, ["A$", "$AU", "AUD", "AU$"]),
    iso("AWG", 2), iso("AZN", 2), iso("BAM", 2), iso("BBD", 2), iso("BDT", 2), iso("BGN", 2),
    iso("BHD", 3), iso("BIF", 0), iso("BMD", 2), iso("BND", 2), iso("BOB", 2),
    billing("BRL", 2, ["R$", "R$", "BRL", "R$"]),
    iso("BSD", 2), iso("BTN", 2), iso("BWP", 2), iso("BYN", 2), iso("BZD", 2), iso("CAD", 2),
    iso("CDF", 2), iso("CHF", 2),
    billing("CLP", 0, ["CLP", "$CL", "CLP", "CLP"]),
    iso("CNY", 2),
    billing("COP", 2, ["COP", "$CO", "COP", "COP"]),
    iso("CRC", 2), iso("CUP", 2), iso("CVE", 2), iso("CZK", 2), iso("DJF", 0), iso("DKK", 2),
    iso("DOP", 2), iso("DZD", 2), iso("EGP", 2), iso("ERN", 2), iso("ETB", 2),
    billing("EUR", 2, ["€", "€", "€", "€"]),
    iso("FJD", 2), iso("FKP", 2),
    billing("GBP", 2, ["£", "£GB", "GBP", "£"]),
    iso("GEL", 2), iso("GHS", 2), iso("GIP", 2), iso("GMD", 2), iso("GNF", 0), iso("GTQ", 2),
    iso("GYD", 2), iso("HKD", 2), iso("HNL", 2), iso("HTG", 2), iso("HUF", 2),
    billing("IDR", 2, ["IDR", "IDR", "IDR", "IDR"]),
    iso("ILS", 2),
    billing("INR", 2, ["₹", "₹", "INR", "₹"]),
    iso("IQD", 3), iso("IRR", 2), iso("ISK", 0), iso("JMD", 2), iso("JOD", 3), iso("JPY", 0),
    iso("KES", 2), iso("KGS", 2), iso("KHR", 2), iso("KMF", 0), iso("KPW", 2), iso("KRW", 0),
    iso("KWD", 3), iso("KYD", 2), iso("KZT", 2), iso("LAK", 2), iso("LBP", 2), iso("LKR", 2),
    iso("LRD", 2), iso("LSL", 2), iso("LYD", 3), iso("MAD", 2), iso("MDL", 2), iso("MGA", 2),
    iso("MKD", 2), iso("MMK", 2), iso("MNT", 2), iso("MOP", 2), iso("MRU", 2), iso("MUR", 2),
    iso("MVR", 2), iso("MWK", 2),
    billing("MXN", 2, ["MX$", "$MX", "MXN", "MX$"]),
    billing("MYR", 2, ["MYR", "MYR", "MYR", "MYR"]),
    iso("MZN", 2), iso("NAD", 2), iso("NGN", 2), iso("NIO", 2), iso("NOK", 2), iso("NPR", 2),
    iso("NZD", 2), iso("OMR", 3), iso("PAB", 2),
    billing("PEN", 2, ["PEN", "PEN", "PEN", "PEN"]),
    iso("PGK", 2), iso("PHP", 2), iso("PKR", 2), iso("PLN", 2), iso("PYG", 0), iso("QAR", 2),
    iso("RON", 2), iso("RSD", 2), iso("RUB", 2), iso("RWF", 0),
    billing("SAR", 2, ["SAR", "SAR", "SAR", "SAR"]),
    iso("SBD", 2), iso("SCR", 2), iso("SDG", 2), iso("SEK", 2),
    billing("SGD", 2, ["SGD", "$SG", "SGD", "SGD"]),
    iso("SHP", 2), iso("SLE", 2), iso("SLL", 2), iso("SOS", 2), iso("SRD", 2), iso("SSP", 2),
    iso("STN", 2), iso("SVC", 2), iso("SYP", 2), iso("SZL", 2), iso("THB", 2), iso("TJS", 2),
    iso("TMT", 2), iso("TND", 3), iso("TOP", 2), iso("TRY", 2), iso("TTD", 2), iso("TWD", 2),
    iso("TZS", 2), iso("UAH", 2), iso("UGX", 0),
    billing("USD", 2, ["$", "$US", "US$", "US$"]),
    iso("UYU", 2), iso("UZS", 2), iso("VES", 2), iso("VND", 0), iso("VUV", 0), iso("WST", 2),
    iso("XAF", 0), iso("XCD", 2), iso("XCG", 2), iso("XOF", 0), iso("XPF", 0), iso("YER", 2),
    iso("ZAR", 2), iso("ZMW", 2), iso("ZWG", 2),
];

const fn iso(code: &'static str, minor_digits: u32) -> Currency {
    Currency {
        code,
        minor_digits,
        symbols: None,
    }
}

const fn billing(code: &'static str, minor_digits: u32, symbols: [&'static str; 4]) -> Currency {
    Currency {
        code,
        minor_digits,
        symbols: Some(symbols),
    }
}

impl Currency {
    /// The currency `code` is (case-insensitive, blanks around it ignored), if it is an ISO
    /// 4217 code in circulation.
    pub fn of(code: &str) -> Option<&'static Currency> {
        let upper = code.trim().to_ascii_uppercase();
        CURRENCIES
            .binary_search_by(|c| c.code.cmp(upper.as_str()))
            .ok()
            .and_then(|at| CURRENCIES.get(at))
    }

    /// Whether the page writes it with its own symbols: Meta's billing currencies.
    pub fn is_billing(&self) -> bool {
        self.symbols.is_some()
    }

    /// The symbol or code `locale` writes: the code for a currency Meta does not bill in.
    pub fn symbol(&self, locale: Locale) -> &'static str {
        let at = match locale {
            Locale::En => 0,
            Locale::Fr => 1,
            Locale::Es => 2,
            Locale::PtBr => 3,
        };
        self.symbols
            .and_then(|symbols| symbols.get(at).copied())
            .unwrap_or(self.code)
    }
}

/// The ISO 4217 code `text` is, in any case (`inr` → `INR`), if it is one in circulation.
pub fn iso_code(text: &str) -> Option<&'static str> {
    Currency::of(text).map(|c| c.code)
}

/// The currencies whose prices are printed with a `$`: a `$` alone says "a dollar or a peso",
/// not which one.
const DOLLARS: &[&str] = &[
    "USD", "ARS", "AUD", "BBD", "BMD", "BND", "BSD", "BZD", "CAD", "CLP", "COP", "CUP", "DOP",
    "FJD", "GYD", "HKD", "JMD", "KYD", "LRD", "MXN", "NAD", "NZD", "SBD", "SGD", "SRD", "TTD",
    "TWD", "UYU", "XCD",
];

/// Printed forms besides the codes and the billing currencies' own symbols (which
/// [`Mark::of`] reads from the table above), and the currencies each may mean. A form the
/// page writes for one currency but that others print too (`$`, `£`) is here, so it is read
/// as one of several.
const PRINTED: &[(&str, &[&str])] = &[
    ("U$S", &["USD"]),
    ("C$", &["CAD", "NIO"]),
    ("CA$", &["CAD"]),
    ("NZ$", &["NZD"]),
    ("HK$", &["HKD"]),
    ("S$", &["SGD"]),
    ("Mex$", &["MXN"]),
    ("RD$", &["DOP"]),
    ("NT$", &["TWD"]),
    ("COL$", &["COP"]),
    ("$", DOLLARS),
    ("£", &["GBP", "GIP", "FKP", "SHP"]),
    ("E£", &["EGP"]),
    ("Rs", &["INR", "PKR", "LKR", "NPR", "MUR", "SCR"]),
    ("Rs.", &["INR", "PKR", "LKR", "NPR", "MUR", "SCR"]),
    ("₨", &["PKR", "LKR", "NPR", "MUR", "SCR"]),
    ("Rp", &["IDR"]),
    ("RM", &["MYR"]),
    ("¥", &["JPY", "CNY"]),
    ("￥", &["JPY", "CNY"]),
    ("₩", &["KRW", "KPW"]),
    ("₦", &["NGN"]),
    ("₱", &["PHP"]),
    ("₺", &["TRY"]),
    ("₽", &["RUB"]),
    ("฿", &["THB"]),
    ("₫", &["VND"]),
    ("₪", &["ILS"]),
    ("₴", &["UAH"]),
    ("₸", &["KZT"]),
    ("₼", &["AZN"]),
    ("₾", &["GEL"]),
    ("৳", &["BDT"]),
    ("₡", &["CRC"]),
    ("₲", &["PYG"]),
    ("KSh", &["KES"]),
    ("zł", &["PLN"]),
    ("Kč", &["CZK"]),
    ("Ft", &["HUF"]),
    ("lei", &["RON"]),
    ("kr", &["SEK", "NOK", "DKK", "ISK"]),
    ("Fr.", &["CHF"]),
    ("S/", &["PEN"]),
    ("R", &["ZAR"]),
    ("د.إ", &["AED"]),
    ("﷼", &["SAR", "IRR", "OMR", "QAR", "YER"]),
    ("ر.س", &["SAR"]),
];

/// A currency as printed beside a figure or in a header: a code, or a symbol that may mean
/// one of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mark {
    /// As printed (`₹`, `US$`, `INR`).
    pub printed: &'static str,
    /// The currencies it may mean.
    codes: &'static [&'static str],
}

impl Mark {
    /// The mark `text` is: a code in any case, a printed form read as one of several, or a
    /// billing currency's own symbol in one of the page's languages (`$US`, `R$`, `₹`).
    pub fn of(text: &str) -> Option<Mark> {
        let text = text.trim();
        if let Some(currency) = Currency::of(text) {
            return Some(Mark {
                printed: currency.code,
                codes: std::slice::from_ref(&currency.code),
            });
        }
        if let Some(&(printed, codes)) = PRINTED.iter().find(|(form, _)| *form == text) {
            return Some(Mark { printed, codes });
        }
        CURRENCIES.iter().find_map(|currency| {
            let symbols = currency.symbols?;
            let printed = symbols.into_iter().find(|symbol| *symbol == text)?;
            Some(Mark {
                printed,
                codes: std::slice::from_ref(&currency.code),
            })
        })
    }

    /// The currencies it may mean.
    pub fn codes(&self) -> &[&'static str] {
        self.codes
    }

    /// Whether it may mean `code`.
    pub fn means(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    /// The one currency it means, if only one.
    pub fn code(&self) -> Option<&'static str> {
        match self.codes {
            [one] => Some(one),
            _ => None,
        }
    }
}

impl fmt::Display for Mark {
    /// `INR`, `₹ (INR)`, `$ (one of USD, ARS, …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.codes() {
            [one] if *one == self.printed => f.write_str(one),
            [one] => write!(f, "{} ({one})", self.printed),
            codes => {
                write!(f, "{} (one of ", self.printed)?;
                for (at, code) in codes.iter().enumerate() {
                    if at > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(code)?;
                }
                f.write_str(")")
            }
        }
    }
}

/// A figure as printed, split into its number and the currency printed around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed<'t> {
    /// The number, from its first digit (or sign) to its last digit.
    pub number: &'t str,
    pub mark: Option<Mark>,
}

/// Why the text around a figure is not a currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AroundError {
    /// Text that is no currency code or symbol (`abc 0.5`, `0.5 per message`).
    NotACurrency { text: String },
    /// A different currency on each side (`$0.5 EUR`).
    TwoCurrencies { before: Mark, after: Mark },
}

impl fmt::Display for AroundError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AroundError::NotACurrency { text } => write!(
                f,
                "`{text}` beside the number is not a currency code or symbol"
            ),
            AroundError::TwoCurrencies { before, after } => {
                write!(f, "two currencies around one number: {before} and {after}")
            }
        }
    }
}

/// Splits `text` into the number and the currency printed before or after it (`₹0.8631`,
/// `INR 0.8631`, `0.8631 EUR`, `US$ 0.02`). A sign stays with the number; anything else
/// beside it must be a currency. The number is what lies between the first digit or sign and
/// the last digit, so `Rs.0.5` is rupees and `.5` is not a number.
pub fn split_figure(text: &str) -> Result<Printed<'_>, AroundError> {
    let text = text.trim();
    let starts_number = |c: char| c.is_ascii_digit() || c == '-' || c == '+';
    let Some(start) = text.find(starts_number) else {
        return Ok(Printed {
            number: text,
            mark: None,
        });
    };
    let end = text
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(text.len(), |at| at + 1)
        .max(start);
    let (before, rest) = text.split_at(start);
    let (number, after) = rest.split_at(end - start);
    let side = |side: &str| -> Result<Option<Mark>, AroundError> {
        let side = side.trim();
        if side.is_empty() {
            return Ok(None);
        }
        Mark::of(side)
            .map(Some)
            .ok_or_else(|| AroundError::NotACurrency {
                text: side.to_string(),
            })
    };
    let mark = match (side(before)?, side(after)?) {
        (Some(before), Some(after)) if before != after => {
            return Err(AroundError::TwoCurrencies { before, after })
        }
        (before, after) => before.or(after),
    };
    Ok(Printed { number, mark })
}

/// A code named in a title or a column header: a code after the word `in` (`Cost per message
/// in INR`, `Rate in EUR`) or alone in brackets (`Marketing (USD)`). Codes must be written in
/// capitals here, so the word `all` in a title is not the lek.
pub fn code_named_in(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '(' || c == ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let capital = |word: &str| {
        word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase()) && iso_code(word).is_some()
    };
    for (at, word) in words.iter().enumerate() {
        if let Some(inner) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
            if capital(inner) {
                return iso_code(inner);
            }
        }
        let after_in = at > 0
            && words
                .get(at - 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("in"));
        if after_in && capital(word) {
            return iso_code(word);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::BILLING_CURRENCIES;

    #[test]
    fn codes_are_known_in_any_case() {
        assert_eq!(iso_code("inr"), Some("INR"));
        assert_eq!(iso_code(" EUR "), Some("EUR"));
        assert_eq!(iso_code("AED"), Some("AED"));
        assert_eq!(iso_code("ZWG"), Some("ZWG"));
        for not in ["", "US", "USDT", "ABC", "XAU", "per"] {
            assert_eq!(iso_code(not), None, "{not}");
        }
        // The table is sorted and every code three capitals, as the search needs.
        assert!(CURRENCIES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(CURRENCIES
            .iter()
            .all(|c| c.code.len() == 3 && c.code.bytes().all(|b| b.is_ascii_uppercase())));
        assert!(CURRENCIES.iter().all(|c| iso_code(c.code) == Some(c.code)));
        // Every printed form means codes of the list.
        for (form, means) in PRINTED {
            assert!(means.iter().all(|c| iso_code(c).is_some()), "{form}");
        }
    }

    #[test]
    fn minor_units_are_iso_4217s() {
        let digits = |code: &str| Currency::of(code).unwrap().minor_digits;
        assert_eq!(
            ["USD", "INR", "COP", "IDR", "CLP", "JPY", "KRW", "BHD", "KWD", "TND"].map(digits),
            [2, 2, 2, 2, 0, 0, 0, 3, 3, 3]
        );
        let none = CURRENCIES.iter().filter(|c| c.minor_digits == 0).count();
        let three = CURRENCIES.iter().filter(|c| c.minor_digits == 3).count();
        assert_eq!((none, three), (16, 7));
    }

    #[test]
    fn billing_currencies_have_symbols_and_only_clp_has_no_decimals() {
        for code in BILLING_CURRENCIES {
            let currency = Currency::of(code).unwrap();
            assert!(currency.is_billing(), "{code}");
            let expected = if code == "CLP" { 0 } else { 2 };
            assert_eq!(currency.minor_digits, expected, "{code}");
        }
        let billing = CURRENCIES.iter().filter(|c| c.is_billing()).count();
        assert_eq!(billing, BILLING_CURRENCIES.len());
        assert_eq!(Currency::of("usd").unwrap().code, "USD");
        assert!(!Currency::of("JPY").unwrap().is_billing());
        assert_eq!(Currency::of("JPY").unwrap().symbol(Locale::Fr), "JPY");
        assert_eq!(Currency::of("XYZ"), None);
    }

    #[test]
    fn symbols_follow_each_language() {
        let usd = Currency::of("USD").unwrap();
        let symbols: Vec<&str> = Locale::ALL.iter().map(|l| usd.symbol(*l)).collect();
        assert_eq!(symbols, ["$", "$US", "US$", "US$"]);
        assert_eq!(Currency::of("GBP").unwrap().symbol(Locale::Fr), "£GB");
        assert_eq!(Currency::of("INR").unwrap().symbol(Locale::Es), "INR");
    }

    #[test]
    fn every_symbol_the_page_writes_reads_back_as_its_currency() {
        for currency in CURRENCIES.iter().filter(|c| c.is_billing()) {
            for locale in Locale::ALL {
                let symbol = currency.symbol(locale);
                let mark = Mark::of(symbol).unwrap();
                assert!(mark.means(currency.code), "{symbol} {}", currency.code);
            }
        }
        // A printed form is defined once: the extra forms hold no symbol that the table
        // already gives one currency.
        for (form, means) in PRINTED {
            let symbol_of = CURRENCIES
                .iter()
                .filter(|c| {
                    Locale::ALL
                        .iter()
                        .any(|l| c.symbols.is_some() && c.symbol(*l) == *form)
                })
                .count();
            assert!(symbol_of == 0 || means.len() > 1, "{form}");
        }
        assert_eq!(Mark::of("$AU").unwrap().code(), Some("AUD"));
        assert_eq!(Mark::of("£GB").unwrap().to_string(), "£GB (GBP)");
    }

    #[test]
    fn figures_split_into_number_and_currency() {
        let tests: &[(&str, &str, Option<&str>)] = &[
            ("0.8631", "0.8631", None),
            ("₹0.8631", "0.8631", Some("₹")),
            ("INR 0.8631", "0.8631", Some("INR")),
            ("inr0.8631", "0.8631", Some("INR")),
            ("0.8631 EUR", "0.8631", Some("EUR")),
            ("US$0.02", "0.02", Some("US$")),
            ("$US 0.02", "0.02", Some("$US")),
            ("$0.02", "0.02", Some("$")),
            ("0.02 $", "0.02", Some("$")),
            ("R$ 1.234,50", "1.234,50", Some("R$")),
            ("€ 0,04", "0,04", Some("€")),
            ("£0.03", "0.03", Some("£")),
            ("-0.5", "-0.5", None),
            ("$ -0.5", "-0.5", Some("$")),
            ("USD 1,234.5 USD", "1,234.5", Some("USD")),
            ("n/a", "n/a", None),
            ("Rs.0.5", "0.5", Some("Rs.")),
        ];
        for (text, number, printed) in tests {
            let split = split_figure(text).unwrap();
            assert_eq!(split.number, *number, "{text}");
            assert_eq!(split.mark.map(|m| m.printed), *printed, "{text}");
        }
        assert_eq!(split_figure("0,04 €").unwrap().number, "0,04");
        assert_eq!(
            split_figure("abc 0.5").unwrap_err().to_string(),
            "`abc` beside the number is not a currency code or symbol"
        );
        assert_eq!(
            split_figure("0.5 per message").unwrap_err().to_string(),
            "`per message` beside the number is not a currency code or symbol"
        );
        assert_eq!(
            split_figure("$0.5 EUR").unwrap_err().to_string(),
            "two currencies around one number: $ (one of USD, ARS, AUD, BBD, BMD, BND, BSD, BZD, CAD, CLP, COP, CUP, DOP, FJD, GYD, HKD, JMD, KYD, LRD, MXN, NAD, NZD, SBD, SGD, SRD, TTD, TWD, UYU, XCD) and EUR"
        );
    }

    #[test]
    fn marks_say_what_they_may_mean() {
        let rupee = Mark::of("₹").unwrap();
        assert_eq!(
            (rupee.code(), rupee.to_string()),
            (Some("INR"), "₹ (INR)".into())
        );
        let inr = Mark::of("inr").unwrap();
        assert_eq!((inr.code(), inr.to_string()), (Some("INR"), "INR".into()));
        let dollar = Mark::of("$").unwrap();
        assert!(dollar.means("USD") && dollar.means("mxn") && !dollar.means("INR"));
        assert_eq!(dollar.code(), None);
        assert_eq!(Mark::of("R$").unwrap().code(), Some("BRL"));
        assert_eq!(Mark::of("€").unwrap().code(), Some("EUR"));
        assert!(Mark::of("£").unwrap().means("GBP"));
        assert_eq!(Mark::of("dollars"), None);
    }

    #[test]
    fn titles_and_headers_name_their_currency() {
        let tests: &[(&str, Option<&str>)] = &[
            ("Cost per message in INR on the WhatsApp Business Platform, effective October 1, 2026", Some("INR")),
            ("Marketing (USD)", Some("USD")),
            ("Rate in EUR", Some("EUR")),
            ("ALL RATES ARE PER MESSAGE", None),
            ("Rates in all markets", None),
            ("Marketing", None),
            ("Learn more here: https://developers.facebook.com/docs/whatsapp/pricing", None),
        ];
        for (text, expected) in tests {
            assert_eq!(code_named_in(text), *expected, "{text}");
        }
    }
}
