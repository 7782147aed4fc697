//! The same traffic under each pricing model, side by side, from the core's `compare`, with
//! the core's reasons for each difference.

use super::chart::{CompareChart, ModelBar};
use super::Ctx;
use crate::i18n::{money, t};
use yew::prelude::*;

/// Rows of differences shown before the rest is folded away: enough to explain a typical bill.
const SHOWN_DIFFERENCES: usize = 8;

#[function_component]
pub fn Compare() -> Html {
    // Outside the app (no context) there is nothing to show, rather than a panic.
    let Some(state) = use_context::<Ctx>() else {
        return html! {};
    };
    let lang = state.lang;
    let body = match &state.comparison {
        Err(problem) if problem.is_empty() => return html! {},
        Err(problem) => {
            html! { <p class="note">{ format!("{} {problem}", t(lang, "compare_unavailable")) }</p> }
        }
        Ok(cmp) => {
            let bars: Vec<ModelBar> = cmp
                .versions
                .iter()
                .filter_map(|v| {
                    v.estimate.as_ref().map(|e| ModelBar {
                        label: v.rules.as_str().to_string(),
                        amount: e.meta_total,
                        currency: e.currency.clone(),
                    })
                })
                .collect();
            let differing: Vec<_> = cmp.differences.iter().filter(|d| d.differs).collect();
            let diff_row = |d: &&wacost_core::estimate::Difference| {
                html! {
                    <li>
                        <strong>{ format!("{} · {}", d.market, t(lang, d.category.as_str())) }</strong>
                        <span class="amounts">{ d.amounts.iter().map(|a| format!("{} {}", a.rules, money(lang, &cmp.currency, a.amount))).collect::<Vec<_>>().join(" · ") }</span>
                        <ul>{ for d.reasons.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                    </li>
                }
            };
            html! {
                <>
                    <p class="hint">{ format!("{}: {} {}", t(lang, "rate_card"), cmp.rate_card, cmp.currency) }</p>
                    <div class="table-scroll">
                        <table class="models">
                            <thead><tr>
                                <th scope="col">{ t(lang, "rules") }</th>
                                <th scope="col" class="num">{ t(lang, "meta_total") }</th>
                                <th scope="col" class="num">{ t(lang, "grand_total") }</th>
                            </tr></thead>
                            <tbody>
                            { for cmp.versions.iter().map(|v| html! {
                                <tr data-rules={v.rules.as_str()}>
                                    <th scope="row">
                                        { v.rules.as_str() }
                                        <small class="summary">{ &v.summary }</small>
                                    </th>
                                    { match &v.estimate {
                                        Some(e) => html! { <>
                                            <td class="num" data-wacost="compare-meta-total" data-value={e.meta_total.to_string()}>{ money(lang, &e.currency, e.meta_total) }</td>
                                            <td class="num" data-value={e.total.to_string()}>{ money(lang, &e.currency, e.total) }</td>
                                        </> },
                                        None => html! {
                                            <td colspan="2" class="hint">
                                                <details class="unpriced">
                                                    <summary>{ t(lang, "not_priceable") }</summary>
                                                    <ul>{ for v.errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                                                </details>
                                            </td>
                                        },
                                    } }
                                </tr>
                            }) }
                            </tbody>
                        </table>
                    </div>
                    if !bars.is_empty() { <CompareChart {bars} {lang} /> }
                    if !differing.is_empty() {
                        <h3>{ t(lang, "why") }</h3>
                        <ul class="reasons">{ for differing.iter().take(SHOWN_DIFFERENCES).map(diff_row) }</ul>
                        if differing.len() > SHOWN_DIFFERENCES {
                            <details>
                                <summary>{ format!("+{}", differing.len() - SHOWN_DIFFERENCES) }</summary>
                                <ul class="reasons">{ for differing.iter().skip(SHOWN_DIFFERENCES).map(diff_row) }</ul>
                            </details>
                        }
                    }
                </>
            }
        }
    };
    html! {
        <section class="card compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ t(lang, "compare") }</h2>
            { body }
        </section>
    }
}
