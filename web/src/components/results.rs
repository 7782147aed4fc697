//! The estimate: Meta's charge and the total with fees (with exact values in `data-value` for
//! tests and scripts), the breakdown, the tier ladders and the warnings. When the input is
//! wrong the last valid estimate stays, marked as such.

use super::chart::SpendChart;
use super::export::ExportEstimate;
use super::fees::fee_parts;
use super::ladder::ladders;
use super::money::amount;
use crate::engine::{Estimate, FieldError};
use crate::i18n::{count, money, t, Lang};
use crate::place_names;
use crate::state::Shared;
use crate::wording;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    /// The last valid estimate, if there has been one.
    pub estimate: Option<Shared<Estimate>>,
    /// Problems of no field on screen, listed here with their places.
    pub problems: Rc<Vec<FieldError>>,
    /// Whether the input has problems, so the estimate shown is of an earlier input.
    pub stale: bool,
    /// Shown just under the totals: the answer to what the last switch of rules changes.
    #[prop_or_default]
    pub answer: Html,
    /// The currency the sheet asks for: an earlier estimate in another currency is not
    /// shown as if it were current.
    #[prop_or_default]
    pub currency: Option<AttrValue>,
}

#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let other_errors: Vec<String> = props
        .problems
        .iter()
        .map(|e| wording::field_error(lang, e))
        .collect();
    let stale = props.stale;
    html! {
        <section id="estimate" tabindex="-1" class={classes!("card", "results", stale.then_some("stale"))} aria-labelledby="results-title">
            <div class="results-head">
                <h2 id="results-title">{ t(lang, "results") }</h2>
                if let Some(estimate) = &props.estimate {
                    <ExportEstimate {lang} estimate={estimate.clone()} />
                }
            </div>
            if !other_errors.is_empty() {
                <div class="errors" role="alert">
                    <strong>{ t(lang, "other_errors") }</strong>
                    <ul>{ for other_errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                </div>
            }
            if let Some(other) = other_currency(props) {
                <p class="note" role="status" data-wacost="other-currency">{ other }</p>
            } else if let Some(estimate) = &props.estimate {
                if stale { <p class="note" role="status">{ t(lang, "stale") }</p> }
                { totals(lang, estimate) }
                { props.answer.clone() }
                if !estimate.warnings.is_empty() {
                    <div class="warnings">
                        <h3>{ t(lang, "warnings") }</h3>
                        <ul>{ for warnings(lang, estimate).into_iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                    </div>
                }
                <SpendChart estimate={estimate.clone()} {lang} />
                { breakdown(lang, estimate) }
                { ladders(lang, estimate) }
            } else {
                <p class="note" role="status">{ t(lang, "no_estimate") }</p>
            }
        </section>
    }
}

/// An earlier estimate in another currency than the sheet's: its totals are hidden, and this
/// says why (there is no estimate in the chosen currency yet).
fn other_currency(props: &ResultsProps) -> Option<String> {
    let wanted = props.currency.as_deref()?;
    let estimate = props.estimate.as_ref()?;
    (props.stale && !estimate.currency.eq_ignore_ascii_case(wanted)).then(|| {
        t(props.lang, "other_currency")
            .replace("{wanted}", wanted)
            .replace("{shown}", &estimate.currency)
    })
}

fn totals(lang: Lang, e: &Estimate) -> Html {
    let rules_line = t(lang, "priced_with")
        .replace("{rules}", e.rules.as_str())
        .replace("{card}", &e.rate_card)
        .replace("{currency}", &e.currency);
    html! {
        <>
            <dl class="totals" aria-live="polite">
                <div class="meta">
                    <dt>{ t(lang, "meta_total") }</dt>
                    <dd data-wacost="meta-total" data-value={e.meta_total.to_string()} title={e.meta_total.to_string()}>{ money(lang, &e.currency, e.meta_total) }</dd>
                </div>
                <div>
                    <dt>{ t(lang, "bsp_fees") }</dt>
                    <dd data-wacost="bsp-fees" data-value={e.bsp_fees.to_string()} title={e.bsp_fees.to_string()}>{ money(lang, &e.currency, e.bsp_fees) }</dd>
                </div>
                <div class="grand">
                    <dt>{ t(lang, "grand_total") }</dt>
                    <dd data-wacost="total" data-value={e.total.to_string()} title={e.total.to_string()}>{ money(lang, &e.currency, e.total) }</dd>
                </div>
            </dl>
            { fee_parts(lang, e) }
            <p class="hint">{ rules_line }</p>
        </>
    }
}

fn breakdown(lang: Lang, e: &Estimate) -> Html {
    let cur = &e.currency;
    html! {
        <details class="breakdown" open=true>
            <summary><h3>{ t(lang, "breakdown") }</h3></summary>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{ t(lang, "category") }</th>
                        <th scope="col" class="num">{ t(lang, "delivered") }</th>
                        <th scope="col" class="num">{ t(lang, "free") }</th>
                        <th scope="col" class="num">{ t(lang, "charged") }</th>
                        <th scope="col" class="num">{ t(lang, "amount") }</th>
                    </tr></thead>
                    { for e.markets.iter().map(|m| {
                        // A category with no traffic adds a row of zeros and nothing to read.
                        let shown: Vec<_> = m.categories.iter().filter(|c| c.delivered > 0 || c.charged > 0).collect();
                        html! {
                        <tbody>
                            // The market heads its own row, so the table stays five columns
                            // wide and fits a phone.
                            <tr class="market-row"><th scope="rowgroup" colspan="5">{ place_names::market(lang, &m.market) }</th></tr>
                            { for shown.iter().map(|c| html! {
                                <tr>
                                    <td>
                                        { t(lang, c.category.as_str()) }
                                        if c.upper_bound { <small class="flag" title={t(lang, "upper_bound").to_string()}>{ " ≤" }</small> }
                                        if c.custom { <small class="flag">{ format!(" ({})", t(lang, "custom")) }</small> }
                                    </td>
                                    <td class="num">{ count(lang, c.delivered) }</td>
                                    <td class="num" title={free_split(lang, &c.free)}>{ count(lang, c.free.entry_point + c.free.window + c.free.allowance) }</td>
                                    <td class="num">{ count(lang, c.charged) }</td>
                                    <td class="num">{ amount(lang, cur, c.amount.value(), None) }</td>
                                </tr>
                            }) }
                            <tr class="subtotal">
                                <td colspan="4">{ t(lang, "total") }</td>
                                <td class="num" data-market={m.market.clone()} data-value={m.amount.to_string()} title={m.amount.to_string()}>{ money(lang, cur, m.amount) }</td>
                            </tr>
                        </tbody>
                    }}) }
                </table>
            </div>
        </details>
    }
}

/// The warnings in the page's language: each note worded here, or the core's English
/// sentences for an estimate without notes (one deserialised from an older JSON).
fn warnings(lang: Lang, estimate: &Estimate) -> Vec<String> {
    if estimate.notes.len() == estimate.warnings.len() {
        estimate
            .notes
            .iter()
            .map(|note| crate::notes::sentence(lang, note))
            .collect()
    } else {
        estimate.warnings.clone()
    }
}

/// How a category's free messages split, for the tooltip of its free count.
fn free_split(lang: Lang, free: &wacost_core::estimate::Free) -> String {
    use crate::wording::{say, words};
    say(
        lang,
        &words!(
            "entry point {1}, window {2}, allowance {3}",
            "point d'entrée {1}, fenêtre {2}, franchise {3}",
            "punto de entrada {1}, ventana {2}, franquicia {3}",
            "ponto de entrada {1}, janela {2}, franquia {3}",
        ),
        &[
            &count(lang, free.entry_point),
            &count(lang, free.window),
            &count(lang, free.allowance),
        ],
    )
}
