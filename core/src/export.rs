//! An estimate or a comparison as CSV, for a spreadsheet: the page's "Export estimate (CSV)",
//! `wacost estimate --format csv`, `wacost compare --format csv` and the JavaScript
//! `estimateCsv()`/`compareCsv()`, all through core's one CSV writer (`crate::csv`).
//!
//! Finance wants both figures, so each amount is written twice, as plain numbers a spreadsheet
//! computes with (no symbol, no grouping, `.` as the decimal mark, whatever the page's
//! language): `amount` exact, as the JSON carries it, and `amount_rounded` to the currency's
//! minor unit, half up, as the page shows it. Each row is rounded on its own, so the rounded
//! column need not add up to the rounded total; the exact one does. Rates and fees keep every
//! digit. The currency, rules, card and month are repeated on every row so rows can be
//! filtered and pivoted alone.
//!
//! Estimate rows (`row`): `category` (a market's category: counts, list rate, amount), `band`
//! (a volume-tier band used: `quantity` messages × `rate`), `market` (the market's total),
//! `meta_total`, `bsp_per_message_charged` or `bsp_per_message_delivered` (`quantity` units ×
//! the fee in `rate`), `bsp_markup` (the fraction in `rate` × Meta's charge), `bsp_monthly`,
//! `bsp_per_number` (`quantity` phone numbers × the fee), `bsp_fees`, `total`.

use crate::csv::push_record;
use crate::estimate::{Comparison, Estimate};
use crate::locale::Locale;
use crate::money::Amount;
use crate::money_format::MoneyFormat;
use rust_decimal::Decimal;

/// The header of `estimate_csv`.
pub const ESTIMATE_HEADER: [&str; 19] = [
    "currency",
    "rules",
    "rate_card",
    "month",
    "row",
    "market",
    "category",
    "tier",
    "from",
    "to",
    "delivered",
    "free_entry_point",
    "free_window",
    "free_allowance",
    "charged",
    "quantity",
    "rate",
    "amount",
    "amount_rounded",
];

/// The header of `comparison_csv`.
pub const COMPARISON_HEADER: [&str; 11] = [
    "currency",
    "rate_card",
    "month",
    "rules",
    "row",
    "market",
    "category",
    "charged",
    "amount",
    "amount_rounded",
    "errors",
];

/// One estimate row's cells after the first four, by column name.
#[derive(Default)]
struct Row {
    row: String,
    market: String,
    category: String,
    tier: String,
    from: String,
    to: String,
    delivered: String,
    free_entry_point: String,
    free_window: String,
    free_allowance: String,
    charged: String,
    quantity: String,
    rate: String,
    amount: Option<Decimal>,
}

/// An estimate as CSV (header included).
pub fn estimate_csv(estimate: &Estimate) -> String {
    let mut out = String::new();
    push_record(&mut out, ESTIMATE_HEADER);
    let money = MoneyFormat::new(&estimate.currency, Locale::En);
    let month = estimate.month.clone().unwrap_or_default();
    let lead = [
        estimate.currency.as_str(),
        estimate.rules.as_str(),
        estimate.rate_card.as_str(),
        month.as_str(),
    ];
    let mut write = |row: Row| {
        let (exact, rounded) = match row.amount {
            Some(amount) => (exact(amount), rounded(&money, amount)),
            None => (String::new(), String::new()),
        };
        let cells = [
            &row.row,
            &row.market,
            &row.category,
            &row.tier,
            &row.from,
            &row.to,
            &row.delivered,
            &row.free_entry_point,
            &row.free_window,
            &row.free_allowance,
            &row.charged,
            &row.quantity,
            &row.rate,
            &exact,
            &rounded,
        ];
        push_record(
            &mut out,
            lead.iter().copied().chain(cells.iter().map(|c| c.as_str())),
        );
    };
    for market in &estimate.markets {
        for c in &market.categories {
            write(Row {
                row: "category".into(),
                market: market.market.clone(),
                category: c.category.as_str().into(),
                delivered: c.delivered.to_string(),
                free_entry_point: c.free.entry_point.to_string(),
                free_window: c.free.window.to_string(),
                free_allowance: c.free.allowance.to_string(),
                charged: c.charged.to_string(),
                rate: c.rate.map(|r| r.to_string()).unwrap_or_default(),
                amount: Some(c.amount.value()),
                ..Row::default()
            });
            for band in &c.bands {
                write(Row {
                    row: "band".into(),
                    market: market.market.clone(),
                    category: c.category.as_str().into(),
                    tier: band.tier.to_string(),
                    from: band.from.to_string(),
                    to: band.to.map(|t| t.to_string()).unwrap_or_default(),
                    quantity: band.count.to_string(),
                    rate: band.rate.to_string(),
                    amount: Some(band.amount.value()),
                    ..Row::default()
                });
            }
        }
        write(Row {
            row: "market".into(),
            market: market.market.clone(),
            delivered: market.delivered.to_string(),
            amount: Some(market.amount.value()),
            ..Row::default()
        });
    }
    let total = |name: &str, amount: Amount| Row {
        row: name.into(),
        amount: Some(amount.value()),
        ..Row::default()
    };
    write(total("meta_total", estimate.meta_total));
    let bsp = &estimate.bsp;
    write(Row {
        row: format!("bsp_per_message_{}", bsp.per_message_on.as_str()),
        quantity: bsp.per_message_count.to_string(),
        rate: bsp.per_message_fee.to_string(),
        amount: Some(bsp.per_message.value()),
        ..Row::default()
    });
    write(Row {
        row: "bsp_markup".into(),
        rate: bsp.markup_fraction.to_string(),
        amount: Some(bsp.markup.value()),
        ..Row::default()
    });
    write(total("bsp_monthly", bsp.monthly));
    write(Row {
        row: "bsp_per_number".into(),
        quantity: bsp.phone_numbers.to_string(),
        rate: bsp.per_number_fee.to_string(),
        amount: Some(bsp.per_number.value()),
        ..Row::default()
    });
    write(total("bsp_fees", estimate.bsp_fees));
    write(total("total", estimate.total));
    out
}

/// A comparison as CSV (header included): per rules version, each market's categories and the
/// version's totals, or one `cannot_price` row with the reasons.
pub fn comparison_csv(comparison: &Comparison) -> String {
    let mut out = String::new();
    push_record(&mut out, COMPARISON_HEADER);
    let money = MoneyFormat::new(&comparison.currency, Locale::En);
    let month = comparison.month.clone().unwrap_or_default();
    for version in &comparison.versions {
        let mut write = |row: &str,
                         market: &str,
                         category: &str,
                         charged: String,
                         amount: Option<Decimal>,
                         errors: &str| {
            let (exact, rounded) = match amount {
                Some(amount) => (self::exact(amount), self::rounded(&money, amount)),
                None => (String::new(), String::new()),
            };
            push_record(
                &mut out,
                [
                    comparison.currency.as_str(),
                    comparison.rate_card.as_str(),
                    month.as_str(),
                    version.rules.as_str(),
                    row,
                    market,
                    category,
                    charged.as_str(),
                    exact.as_str(),
                    rounded.as_str(),
                    errors,
                ],
            );
        };
        let Some(estimate) = &version.estimate else {
            write(
                "cannot_price",
                "",
                "",
                String::new(),
                None,
                &version.errors.join("; "),
            );
            continue;
        };
        for market in &estimate.markets {
            for c in &market.categories {
                let amount = Some(c.amount.value());
                write(
                    "category",
                    &market.market,
                    c.category.as_str(),
                    c.charged.to_string(),
                    amount,
                    "",
                );
            }
        }
        for (row, amount) in [
            ("meta_total", estimate.meta_total),
            ("bsp_fees", estimate.bsp_fees),
            ("total", estimate.total),
        ] {
            write(row, "", "", String::new(), Some(amount.value()), "");
        }
    }
    out
}

/// The exact amount as JSON writes it.
fn exact(amount: Decimal) -> String {
    Amount::new(amount).text().as_str().to_string()
}

/// The amount rounded half up to the currency's minor unit, as a plain number.
fn rounded(money: &MoneyFormat, amount: Decimal) -> String {
    let mut value = money.round(amount);
    value.rescale(money.minor_digits());
    value.to_string()
}
