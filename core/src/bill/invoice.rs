//! An invoice's total beside the bill: the page's "invoice total" field and
//! `wacost bill --invoice-total AMOUNT` read the figure here and get the same exact difference.
//!
//! The figure is read as people copy it from an invoice: the language's decimal mark, digits
//! grouped strictly by three (as counts are, `crate::locale`), and a currency symbol or code
//! before or after it ignored (`$4,354.80`, `4 354,80 $US`, `USD 4354.80`). A sign is refused:
//! an invoice total is not negative.

use crate::locale::{ungroup, Locale};
use crate::money::Amount;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// An invoice total compared with the bill's `meta_total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InvoiceCheck {
    /// The total the invoice states.
    pub invoice_total: Amount,
    /// Meta's charge as billed from the log.
    pub meta_total: Amount,
    /// `invoice_total − meta_total`, exact: positive when the invoice asks for more.
    pub difference: Amount,
}

impl InvoiceCheck {
    pub fn new(invoice_total: Decimal, meta_total: Decimal) -> InvoiceCheck {
        InvoiceCheck {
            invoice_total: Amount::new(invoice_total),
            meta_total: Amount::new(meta_total),
            difference: Amount::new(invoice_total - meta_total),
        }
    }
}

/// Why a text is not an invoice total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceTotalErrorKind {
    Empty,
    /// A `-` or `+`: a total is not signed.
    Signed,
    /// Digits grouped other than by three (`4,35` in English).
    Grouping {
        mark: char,
    },
    NotANumber,
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceTotalError {
    pub kind: InvoiceTotalErrorKind,
    /// The text as given (trimmed).
    pub text: String,
}

impl fmt::Display for InvoiceTotalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = &self.text;
        match self.kind {
            InvoiceTotalErrorKind::Empty => f.write_str("no invoice total given"),
            InvoiceTotalErrorKind::Signed => {
                write!(f, "`{text}` is not an invoice total (a total has no sign)")
            }
            InvoiceTotalErrorKind::Grouping { mark } => write!(
                f,
                "`{text}` is not an amount (`{mark}` groups digits by three, as in 1{mark}500)"
            ),
            InvoiceTotalErrorKind::NotANumber => write!(f, "`{text}` is not an amount"),
            InvoiceTotalErrorKind::TooLarge => write!(f, "`{text}` is too large"),
        }
    }
}

impl std::error::Error for InvoiceTotalError {}

/// The amount an invoice total's text means in `locale`.
pub fn read_invoice_total(text: &str, locale: Locale) -> Result<Decimal, InvoiceTotalError> {
    let trimmed = text.trim();
    let fail = |kind| {
        Err(InvoiceTotalError {
            kind,
            text: trimmed.to_string(),
        })
    };
    let decimal = locale.decimal_mark();
    let grouping = locale.grouping_marks();
    // A symbol or code around the figure: letters, currency signs and spaces.
    let is_number = |c: char| c.is_ascii_digit() || c == decimal || grouping.contains(&c);
    let symbol = |c: char| !(is_number(c) || c == '-' || c == '+');
    let number = trimmed
        .trim_start_matches(symbol)
        .trim_end_matches(symbol)
        .trim();
    if trimmed.is_empty() {
        return fail(InvoiceTotalErrorKind::Empty);
    }
    if number.is_empty() {
        return fail(InvoiceTotalErrorKind::NotANumber);
    }
    if number.contains(['-', '+']) {
        return fail(InvoiceTotalErrorKind::Signed);
    }
    let (whole, fraction) = match number.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !whole.starts_with(|c: char| c.is_ascii_digit())
        || !fraction.is_none_or(digits)
        || !whole.chars().all(is_number)
    {
        return fail(InvoiceTotalErrorKind::NotANumber);
    }
    let Some(whole) = ungroup(whole, grouping) else {
        let mark = whole.chars().find(|c| !c.is_ascii_digit()).unwrap_or(',');
        return fail(InvoiceTotalErrorKind::Grouping { mark });
    };
    let plain = match fraction {
        Some(fraction) => format!("{whole}.{fraction}"),
        None => whole.into_owned(),
    };
    match Decimal::from_str_exact(&plain) {
        Ok(value) => Ok(value),
        Err(_) => fail(InvoiceTotalErrorKind::TooLarge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InvoiceTotalErrorKind::*;
    use Locale::*;

    #[test]
    fn totals_read_as_invoices_print_them() {
        let table: &[(Locale, &str, Result<&str, InvoiceTotalErrorKind>)] = &[
            (En, "4354.80", Ok("4354.80")),
            (En, "$4,354.80", Ok("4354.80")),
            (En, "USD 4,354.80", Ok("4354.80")),
            (En, "4354.80 USD", Ok("4354.80")),
            (En, "1,234,567", Ok("1234567")),
            (En, "0.2568", Ok("0.2568")),
            (Fr, "4\u{202f}354,80\u{a0}$US", Ok("4354.80")),
            (Fr, "4 354,80 €", Ok("4354.80")),
            (Fr, "EUR 4 354,80", Ok("4354.80")),
            (Es, "4.354,80 US$", Ok("4354.80")),
            (PtBr, "R$ 4.354,80", Ok("4354.80")),
            (PtBr, "CLP 4.355", Ok("4355")),
            (En, "-12.50", Err(Signed)),
            (En, "$-12.50", Err(Signed)),
            (En, "4,35", Err(Grouping { mark: ',' })),
            (En, "4.354,80", Err(NotANumber)),
            (En, "4354.", Err(NotANumber)),
            (En, "USD", Err(NotANumber)),
            (En, "abc", Err(NotANumber)),
            (En, "", Err(Empty)),
            (En, "99999999999999999999999999999999", Err(TooLarge)),
        ];
        for (locale, text, want) in table {
            let got = read_invoice_total(text, *locale).map(|d| d.to_string());
            assert_eq!(
                got.as_deref().map_err(|e| e.kind),
                *want,
                "{locale:?} {text:?}"
            );
        }
    }

    #[test]
    fn the_difference_is_exact_and_signed() {
        let dec = |t: &str| Decimal::from_str_exact(t).unwrap();
        let check = InvoiceCheck::new(dec("4354.80"), dec("4354.7994"));
        assert_eq!(check.difference, "0.0006");
        let check = InvoiceCheck::new(dec("0.25"), dec("0.2568"));
        assert_eq!(check.difference, "-0.0068");
        assert_eq!(
            serde_json::to_value(check).unwrap(),
            serde_json::json!({"invoice_total": "0.25", "meta_total": "0.2568", "difference": "-0.0068"})
        );
        assert_eq!(
            read_invoice_total("-1", En).unwrap_err().to_string(),
            "`-1` is not an invoice total (a total has no sign)"
        );
    }
}
