//! The outcome of a run, as the view shows it: progress, the bill by month, market and
//! category, the other rules versions, warnings, reconciliation and malformed rows, or why
//! there is no bill, every problem in the page's language.

use super::model::{AlternateTotal, CountsView, MonthView, OutcomeView, ReportView};
use super::strings::s;
use super::wording;
use crate::components::money::amount;
use crate::i18n::{count, money, rate, Lang};
use crate::place_names;
use rust_decimal::Decimal;
use std::rc::Rc;
use wacost_core::bill::{read_invoice_total, InvoiceCheck};
use wacost_core::money_format::MoneyFormat;
use yew::prelude::*;

/// Rows of a long list shown on the page (the detail CSV has them all).
const SHOWN: usize = 100;

/// Why a run stopped before the worker answered.
#[derive(Clone, PartialEq)]
pub enum Failure {
    NoFile,
    /// The worker could not start, or failed (the browser's own words).
    Worker(String),
}

#[derive(Clone, PartialEq)]
pub enum Status {
    Idle,
    Starting,
    Running {
        sorting: bool,
        done: f64,
        total: f64,
    },
    Done {
        outcome: Rc<OutcomeView>,
        detail_url: Option<String>,
        ms: f64,
    },
    Failed(Failure),
}

pub fn status_view(lang: Lang, status: &Status) -> Html {
    match status {
        Status::Idle => html! {},
        Status::Starting => html! {
            <div class="logcheck-progress" role="status">
                <progress data-logcheck="progress" aria-label={s(lang, "loading")}></progress>
                <span>{ s(lang, "loading") }</span>
            </div>
        },
        Status::Running {
            sorting,
            done,
            total,
        } => {
            let label = s(lang, if *sorting { "sorting" } else { "reading" });
            let share = if *total > 0.0 { done / total } else { 0.0 };
            html! {
                <div class="logcheck-progress" role="status">
                    <progress data-logcheck="progress" max="1" value={share.to_string()} aria-label={label}></progress>
                    <span>{ label }{ format!(" · {:.0} %", share * 100.0) }</span>
                </div>
            }
        }
        Status::Failed(failure) => {
            let text = match failure {
                Failure::NoFile => s(lang, "no_file").to_string(),
                Failure::Worker(detail) => format!("{} {detail}", s(lang, "worker_failed")),
            };
            html! { <div class="errors" role="alert" data-logcheck="error"><p>{ text }</p></div> }
        }
        Status::Done {
            outcome,
            detail_url,
            ms,
        } => html! {
            <LogResult {lang} outcome={outcome.clone()} detail_url={detail_url.clone()} ms={*ms} />
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct LogResultProps {
    pub lang: Lang,
    pub outcome: Rc<OutcomeView>,
    /// The detail CSV's object URL, when one was prepared.
    #[prop_or_default]
    pub detail_url: Option<String>,
    /// How long the run took.
    #[prop_or_default]
    pub ms: f64,
}

/// The bill, or why there is none, and the malformed rows either way.
#[function_component]
pub fn LogResult(props: &LogResultProps) -> Html {
    let (lang, o) = (props.lang, &props.outcome);
    let Some(r) = &o.report else {
        return html! {
            <div data-logcheck="result">
                <div class="errors" role="alert" data-logcheck="error">
                    <strong>{ s(lang, "no_bill") }</strong>
                    <ul>
                        { for o.errors.iter().map(|e| html! { <li>{ wording::log_problem(lang, e) }</li> }) }
                        if o.malformed {
                            <li>{ malformed_no_bill(lang, o.bad_count) }</li>
                        }
                    </ul>
                </div>
                { bad_rows(lang, o) }
            </div>
        };
    };
    let cur = r.currency.as_str();
    html! {
        <div data-logcheck="result" data-ms={format!("{:.0}", props.ms)}>
            { totals(lang, r, props.ms) }
            <InvoiceField {lang} currency={r.currency.clone()} meta_total={r.meta_total.clone()} />
            { by_market_and_category(lang, r) }
            if let Some(url) = &props.detail_url {
                <p><a class="button" href={url.clone()} download="wacost-detail.csv" data-logcheck="detail">{ s(lang, "download") }</a></p>
            }
            { for r.months.iter().map(|m| month_view(lang, cur, m)) }
            { versions(lang, o, r) }
            if !o.warnings.is_empty() {
                <div class="note" data-logcheck="warnings">
                    <strong>{ s(lang, "warnings") }</strong>
                    <ul>{ for o.warnings.iter().map(|w| html! { <li>{ super::warnings::bill_warning(lang, w) }</li> }) }</ul>
                </div>
            }
            { reconciliation(lang, r) }
            { bad_rows(lang, o) }
        </div>
    }
}

/// "N malformed rows: no bill", with the page's own remedy: the checkbox that skips them.
fn malformed_no_bill(lang: Lang, bad: u64) -> String {
    s(lang, "malformed_no_bill")
        .replace("{count}", &count(lang, bad))
        .replace("{skip}", s(lang, "skip"))
}

/// Meta's total and what was billed.
fn totals(lang: Lang, r: &ReportView, ms: f64) -> Html {
    let cur = r.currency.as_str();
    html! {
        <>
            <p class="logcheck-total">
                { s(lang, "meta_total") }{ ": " }
                <strong data-logcheck="total" title={r.meta_total.clone()} data-value={r.meta_total.clone()}>{ money(lang, cur, &r.meta_total) }</strong>
            </p>
            <p class="hint" data-logcheck="summary">
                { format!("{} {} · {} {} · {} · {} · {} · {} {:.1} s",
                    count(lang, r.rows), s(lang, "rows"), count(lang, r.outbound), s(lang, "outbound"),
                    r.currency, r.rules, r.rate_card, s(lang, "billed_in"), ms / 1000.0) }
            </p>
            if r.sorted_in_memory {
                <p class="note">{ s(lang, "sorted_note") }</p>
            }
        </>
    }
}

/// The malformed rows: line, column, value and why, in the page's language.
fn bad_rows(lang: Lang, o: &OutcomeView) -> Html {
    if o.bad_rows.is_empty() {
        return html! {};
    }
    html! {
        <div class="logcheck-bad" data-logcheck="bad-rows">
            <h3>{ s(lang, "bad_rows") }{ format!(" ({})", count(lang, o.bad_count)) }</h3>
            if o.bad_count as usize > o.bad_rows.len().min(SHOWN) {
                <p class="hint">{ format!("{} {}", s(lang, "listed_first"), o.bad_rows.len().min(SHOWN)) }</p>
            }
            <div class="logcheck-scroll">
                <table>
                    <thead><tr><th>{ s(lang, "line") }</th><th>{ s(lang, "column") }</th><th>{ s(lang, "value") }</th><th>{ s(lang, "reason") }</th></tr></thead>
                    <tbody>
                        { for o.bad_rows.iter().take(SHOWN).map(|b| html! {
                            <tr>
                                <td class="num">{ b.line }</td>
                                <td><code>{ wording::column(lang, &b.column) }</code></td>
                                <td><code>{ &b.value }</code></td>
                                <td>{ wording::row_problem(lang, &b.problem) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// The same log under every other rules version, beside this bill.
fn versions(lang: Lang, o: &OutcomeView, r: &ReportView) -> Html {
    if o.alternates.is_empty() {
        return html! {};
    }
    let cur = r.currency.as_str();
    let charged: u64 = r
        .months
        .iter()
        .flat_map(|m| &m.markets)
        .flat_map(|m| &m.categories)
        .map(|c| c.charged)
        .sum();
    html! {
        <>
            <h3>{ s(lang, "versions") }</h3>
            <div class="logcheck-scroll">
                <table data-logcheck="versions">
                    <thead><tr><th>{ s(lang, "version") }</th><th class="num">{ s(lang, "charged") }</th><th class="num">{ s(lang, "meta_total") }</th></tr></thead>
                    <tbody>
                        <tr class="current">
                            <td>{ &r.rules }{ " (" }{ s(lang, "this_run") }{ ")" }</td>
                            <td class="num">{ count(lang, charged) }</td>
                            <td class="num">{ exact_amount(lang, cur, &r.meta_total) }</td>
                        </tr>
                        { for o.alternates.iter().map(|a| match &a.total {
                            AlternateTotal::Priced { charged, meta_total } => html! {
                                <tr data-rules={a.rules.clone()}>
                                    <td>{ &a.rules }</td>
                                    <td class="num">{ count(lang, *charged) }</td>
                                    <td class="num">{ amount(lang, cur, meta_total.value(), None) }</td>
                                </tr>
                            },
                            AlternateTotal::CannotPrice { reasons } => html! {
                                <tr data-rules={a.rules.clone()} data-status="not-applicable">
                                    <td>{ &a.rules }</td>
                                    <td class="num">{ "—" }</td>
                                    <td class="num">
                                        <span class="not-applicable">{ s(lang, "not_applicable") }</span>
                                        <span class="hint">{ for reasons.iter().map(|g| html! { <span class="band">{ wording::gap(lang, g) }</span> }) }</span>
                                    </td>
                                </tr>
                            },
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// How the bill compares with Meta's own pricing columns, where the log has them.
fn reconciliation(lang: Lang, r: &ReportView) -> Html {
    let Some(rec) = &r.reconciliation else {
        return html! {};
    };
    html! {
        <div data-logcheck="reconciliation">
            <h3>{ s(lang, "recon") }</h3>
            <p>{ format!("{} {}, {} {}", count(lang, rec.compared), s(lang, "compared"), count(lang, rec.differences), s(lang, "differ")) }</p>
            if !rec.listed.is_empty() {
                <div class="logcheck-scroll">
                    <table>
                        <thead><tr><th>{ s(lang, "line") }</th><th>{ s(lang, "time") }</th><th>{ s(lang, "user") }</th><th>{ s(lang, "ours") }</th><th>{ s(lang, "meta") }</th><th>{ s(lang, "rule") }</th></tr></thead>
                        <tbody>
                            { for rec.listed.iter().take(SHOWN).map(|d| html! {
                                <tr><td class="num">{ d.line }</td><td>{ &d.time }</td><td>{ &d.user }</td><td>{ d.ours.label() }</td><td>{ d.meta.label() }</td><td>{ &d.rule }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}

fn month_view(lang: Lang, cur: &str, m: &MonthView) -> Html {
    let mut notes = Vec::new();
    for (n, key) in [
        (m.failed, "failed"),
        (m.undeliverable, "undeliverable"),
        (m.unpriceable, "unpriceable"),
    ] {
        if n > 0 {
            notes.push(format!("{} {}", count(lang, n), s(lang, key)));
        }
    }
    html! {
        <div class="logcheck-month" data-month={m.month.clone()}>
            <h3>
                { &m.month }{ " · " }{ exact_amount(lang, cur, &m.meta_total) }
                <span class="hint">{ format!(" · {} · {}", m.rules.join(", "), m.rate_cards.join(", ")) }</span>
            </h3>
            if !notes.is_empty() {
                <p class="hint">{ notes.join(" · ") }</p>
            }
            <div class="logcheck-scroll">
                <table>
                    <thead>
                        <tr>
                            <th>{ s(lang, "market") }</th><th>{ s(lang, "category") }</th>
                            <th class="num">{ s(lang, "delivered") }</th><th class="num">{ s(lang, "free_window") }</th>
                            <th class="num">{ s(lang, "free_entry") }</th><th class="num">{ s(lang, "free_allowance") }</th>
                            <th class="num">{ s(lang, "charged") }</th><th class="num">{ s(lang, "amount") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for m.markets.iter().flat_map(|market| market.categories.iter().map(move |c| (market, c))).map(|(market, c)| html! {
                            <tr>
                                <td>{ place_names::market(lang, &market.market) }</td>
                                <td>{ &c.category }</td>
                                <td class="num">{ count(lang, c.delivered) }</td>
                                <td class="num">{ count(lang, c.free.window) }</td>
                                <td class="num">{ count(lang, c.free.entry_point) }</td>
                                <td class="num">{ count(lang, c.free.allowance) }</td>
                                <td class="num">{ count(lang, c.charged) }</td>
                                <td class="num">
                                    { exact_amount(lang, cur, &c.amount) }
                                    { for c.bands.iter().filter(|b| b.count > 0).map(|b| html! {
                                        <span class="band">
                                            { b.tier.map(|t| format!("{} {t} · ", s(lang, "tier"))).unwrap_or_default() }
                                            { format!("{} × ", count(lang, b.count)) }{ rate(lang, cur, &b.rate) }
                                        </span>
                                    }) }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// An amount the worker sent as text, in the money format with its exact value kept.
fn exact_amount(lang: Lang, currency: &str, text: &str) -> Html {
    match Decimal::from_str_exact(text) {
        Ok(value) => amount(lang, currency, value, None),
        Err(_) => html! { { text } },
    }
}

/// The whole log's totals, once by market and once by category, as finance checks an invoice:
/// delivered, free and charged side by side, and the amount.
fn by_market_and_category(lang: Lang, r: &ReportView) -> Html {
    let cur = r.currency.as_str();
    let head = |first: &'static str| {
        html! {
            <thead>
                <tr>
                    <th>{ s(lang, first) }</th>
                    <th class="num">{ s(lang, "delivered") }</th>
                    <th class="num">{ s(lang, "free") }</th>
                    <th class="num">{ s(lang, "charged") }</th>
                    <th class="num">{ s(lang, "amount") }</th>
                </tr>
            </thead>
        }
    };
    let row = |name: String, c: &CountsView| {
        html! {
            <tr>
                <th scope="row">{ name }</th>
                <td class="num">{ count(lang, c.delivered) }</td>
                <td class="num">{ count(lang, c.free) }</td>
                <td class="num">{ count(lang, c.charged) }</td>
                <td class="num">{ amount(lang, cur, c.amount.value(), None) }</td>
            </tr>
        }
    };
    let total_row = || {
        html! {
            <tfoot>
                <tr>
                    <th scope="row">{ s(lang, "total_row") }</th>
                    <td></td><td></td><td></td>
                    <td class="num">{ exact_amount(lang, cur, &r.meta_total) }</td>
                </tr>
            </tfoot>
        }
    };
    let t = &r.totals;
    html! {
        <div class="logcheck-totals">
            <div class="logcheck-scroll">
                <table data-logcheck="by-market">
                    <caption>{ s(lang, "by_market") }</caption>
                    { head("market") }
                    <tbody>{ for t.markets.iter().map(|m| row(place_names::market(lang, &m.market), &m.counts)) }</tbody>
                    { total_row() }
                </table>
            </div>
            <div class="logcheck-scroll">
                <table data-logcheck="by-category">
                    <caption>{ s(lang, "by_category") }</caption>
                    { head("category") }
                    <tbody>{ for t.categories.iter().map(|c| row(crate::wording::category(lang, c.category), &c.counts)) }</tbody>
                    { total_row() }
                </table>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct InvoiceFieldProps {
    lang: Lang,
    currency: String,
    /// The bill's exact total, as the worker sent it.
    meta_total: String,
}

/// The invoice's total, read by the core's reader in the page's language, beside the bill:
/// the exact difference, or why the text is not an amount, at the field.
#[function_component]
fn InvoiceField(props: &InvoiceFieldProps) -> Html {
    let lang = props.lang;
    let text = use_state(String::new);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let Ok(bill) = Decimal::from_str_exact(&props.meta_total) else {
        return html! {};
    };
    let outcome = (!text.trim().is_empty())
        .then(|| read_invoice_total(&text, lang.locale()).map(|v| InvoiceCheck::new(v, bill)));
    let error = match &outcome {
        Some(Err(e)) => Some(wording::invoice_problem(lang, e)),
        _ => None,
    };
    let format = MoneyFormat::new(&props.currency, lang.locale());
    html! {
        <div class="field logcheck-invoice" data-logcheck="invoice">
            <label for="logcheck-invoice">{ s(lang, "invoice_total") }</label>
            <input type="text" id="logcheck-invoice" inputmode="decimal" value={(*text).clone()} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby="logcheck-invoice-out" />
            <p id="logcheck-invoice-out" aria-live="polite">
                if let Some(e) = error {
                    <span class="error" data-logcheck="invoice-error">{ e }</span>
                }
                if let Some(Ok(check)) = outcome {
                    {{
                        let difference = check.difference.value();
                        let sign = if difference > Decimal::ZERO { "+" } else { "" };
                        let shown = format.shown(difference);
                        let verdict = if difference.is_zero() {
                            "invoice_matches"
                        } else if difference > Decimal::ZERO {
                            "invoice_more"
                        } else {
                            "invoice_less"
                        };
                        html! {
                            <>
                                { s(lang, "difference") }{ ": " }
                                <strong class="money" data-logcheck="difference" title={shown.exact.clone()} data-value={shown.exact.clone()}>
                                    { format!("{sign}{}", shown.text) }
                                </strong>
                                { format!(" ({}) · ", shown.exact) }{ s(lang, verdict) }
                            </>
                        }
                    }}
                }
            </p>
        </div>
    }
}
