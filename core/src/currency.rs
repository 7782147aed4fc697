//! Currencies as people print them: ISO 4217 codes (`INR`, `eur`) and the symbols around a
//! price (`₹0.8631`, `0.8631 EUR`, `US$0.02`, `R$ 0,50`, `€`, `£`). One table, so a user's rate
//! card, and later the page's currency field, read `₹` the same way.
//!
//! wacost never converts between currencies: a rate printed in one currency is refused where
//! another is expected, and this module only says which currencies a printed form can mean.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::fmt;

/// Every active ISO 4217 code of a currency in circulation (funds, precious metals and test
/// codes left out), three letters each, in alphabetical order.
const ISO_4217: &str =
    "AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBRLBSDBTNBWPBYNBZD\
CADCDFCHFCLPCNYCOPCRCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYDHKDHNL\
HTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSLLYDMADMDLMGA\
MKDMMKMNTMOPMRUMURMVRMWKMXNMYRMZNNADNGNNIONOKNPRNZDOMRPABPENPGKPHPPKRPLNPYGQARRONRSDRUB\
RWFSARSBDSCRSDGSEKSGDSHPSLESLLSOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZSUAHUGXUSD\
UYUUZSVESVNDVUVWSTXAFXCDXCGXOFXPFYERZARZMWZWG";

/// The currencies whose prices are printed with a `$`: a `$` alone says "a dollar or a peso",
/// not which one.
const DOLLARS: &[&str] = &[
    "USD", "ARS", "AUD", "BBD", "BMD", "BND", "BSD", "BZD", "CAD", "CLP", "COP", "CUP", "DOP",
    "FJD", "GYD", "HKD", "JMD", "KYD", "LRD", "MXN", "NAD", "NZD", "SBD", "SGD", "SRD", "TTD",
    "TWD", "UYU", "XCD",
];

/// Printed forms other than the codes themselves, and the currencies each may mean. Longer
/// forms before the shorter ones they contain (`US$` before `$`), as they are matched whole.
pub const PRINTED: &[(&str, &[&str])] = &[
    ("US$", &["USD"]),
    ("$US", &["USD"]),
    ("U$S", &["USD"]),
    ("R$", &["BRL"]),
    ("A$", &["AUD"]),
    ("AU$", &["AUD"]),
    ("C$", &["CAD", "NIO"]),
    ("CA$", &["CAD"]),
    ("NZ$", &["NZD"]),
    ("HK$", &["HKD"]),
    ("S$", &["SGD"]),
    ("MX$", &["MXN"]),
    ("Mex$", &["MXN"]),
    ("RD$", &["DOP"]),
    ("NT$", &["TWD"]),
    ("COL$", &["COP"]),
    ("$", DOLLARS),
    ("€", &["EUR"]),
    ("£", &["GBP", "GIP", "FKP", "SHP"]),
    ("E£", &["EGP"]),
    ("₹", &["INR"]),
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

/// The ISO 4217 code `text` is, in any case (`inr` → `INR`), if it is one in circulation.
pub fn iso_code(text: &str) -> Option<&'static str> {
    let upper = text.trim().to_ascii_uppercase();
    if upper.len() != 3 || !upper.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // Sorted three-letter codes: a binary search over their places.
    let (mut low, mut high) = (0, ISO_4217.len() / 3);
    while low < high {
        let mid = (low + high) / 2;
        let code = ISO_4217.get(mid * 3..mid * 3 + 3)?;
        match code.as_bytes().cmp(upper.as_bytes()) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => return Some(code),
        }
    }
    None
}

/// A currency as printed beside a figure or in a header: a code, or a symbol that may mean
/// one of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mark {
    /// As printed (`₹`, `US$`, `INR`).
    pub printed: &'static str,
    /// The currencies it may mean: the code itself for a code.
    codes: &'static [&'static str],
}

impl Mark {
    /// The mark `text` is: a code in any case, or a printed form of the table.
    pub fn of(text: &str) -> Option<Mark> {
        let text = text.trim();
        if let Some(code) = iso_code(text) {
            return Some(Mark {
                printed: code,
                codes: &[],
            });
        }
        PRINTED
            .iter()
            .find(|(form, _)| *form == text)
            .map(|&(printed, codes)| Mark { printed, codes })
    }

    /// The currencies it may mean.
    pub fn codes(&self) -> &[&'static str] {
        if self.codes.is_empty() {
            std::slice::from_ref(&self.printed)
        } else {
            self.codes
        }
    }

    /// Whether it may mean `code`.
    pub fn means(&self, code: &str) -> bool {
        self.codes().iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    /// The one currency it means, if only one.
    pub fn code(&self) -> Option<&'static str> {
        match self.codes() {
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
        let codes: Vec<&str> = ISO_4217
            .as_bytes()
            .chunks(3)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert!(codes.iter().all(|c| iso_code(c) == Some(*c)));
        // Every printed form means codes of the list.
        for (form, means) in PRINTED {
            assert!(means.iter().all(|c| iso_code(c).is_some()), "{form}");
        }
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
