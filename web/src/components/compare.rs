//! The same traffic under each pricing model, side by side, each on the rate card of its time,
//! from the core's `compare`, with the core's reasons for each difference.

use super::chart::{CompareChart, ModelBar};
use crate::engine::Comparison;
use crate::i18n::{money, t, Lang};
use crate::state::Compared;
use crate::wording;
use std::rc::Rc;
use wacost_core::estimate::{Difference, VersionResult};
use yew::prelude::*;

/// Rows of differences shown before the rest is folded away: enough to explain a typical bill.
const SHOWN_DIFFERENCES: usize = 8;

#[derive(Properties)]
pub struct CompareProps {
    pub lang: Lang,
    /// The core's comparison of the last readable draft, or why there is none; `None` before
    /// the first.
    pub comparison: Option<Compared>,
}

/// A comparison is made once per change of the draft, in a new `Rc`: comparing pointers says
/// whether it changed without a deep comparison of every model's estimate in the bundle.
impl PartialEq for CompareProps {
    fn eq(&self, other: &Self) -> bool {
        let same = match (&self.comparison, &other.comparison) {
            (None, None) => true,
            (Some(Ok(a)), Some(Ok(b))) => Rc::ptr_eq(a, b),
            (Some(Err(a)), Some(Err(b))) => Rc::ptr_eq(a, b),
            _ => false,
        };
        self.lang == other.lang && same
    }
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let lang = props.lang;
    let body = match &props.comparison {
        None => return html! {},
        Some(Err(problems)) => {
            let why = wording::grouped_field_errors(lang, problems).join(" ");
            html! { <p class="note">{ format!("{} {why}", t(lang, "compare_unavailable")) }</p> }
        }
        Some(Ok(cmp)) => comparison(lang, cmp),
    };
    html! {
        <section class="card compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ t(lang, "compare") }</h2>
            { body }
        </section>
    }
}

fn comparison(lang: Lang, cmp: &Comparison) -> Html {
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
    let differing: Vec<&Difference> = cmp.differences.iter().filter(|d| d.differs).collect();
    let diff_row = |d: &&Difference| difference(lang, &cmp.currency, d);
    html! {
        <>
            <p class="hint">{ wording::cards_of_their_time(lang, &cmp.currency) }</p>
            <div class="table-scroll">
                <table class="models">
                    <thead><tr>
                        <th scope="col">{ t(lang, "rules") }</th>
                        <th scope="col" class="num">{ t(lang, "meta_total") }</th>
                        <th scope="col" class="num">{ t(lang, "grand_total") }</th>
                    </tr></thead>
                    <tbody>{ for cmp.versions.iter().map(|v| version(lang, v)) }</tbody>
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

/// One rules version's row: its name, the card it was priced with and its totals, or why no
/// card it may use prices the scenario.
fn version(lang: Lang, v: &VersionResult) -> Html {
    let cells = match &v.estimate {
        Some(e) => html! { <>
            <td class="num" data-wacost="compare-meta-total" data-value={e.meta_total.to_string()}>{ money(lang, &e.currency, e.meta_total) }</td>
            <td class="num" data-value={e.total.to_string()}>{ money(lang, &e.currency, e.total) }</td>
        </> },
        None => {
            let why = match &v.cannot_price {
                Some(why) => wording::cannot_price(lang, why),
                None => t(lang, "not_priceable").to_string(),
            };
            let problems = wording::grouped_field_errors(lang, &v.problems);
            html! {
                <td colspan="2" class="hint" data-wacost="cannot-price">
                    if problems.is_empty() {
                        { why }
                    } else {
                        <details class="unpriced">
                            <summary>{ why }</summary>
                            <ul>{ for problems.into_iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                        </details>
                    }
                </td>
            }
        }
    };
    let card = v
        .rate_card
        .as_ref()
        .map(|card| format!(" · {} {card}", t(lang, "rate_card")));
    html! {
        <tr data-rules={v.rules.as_str()} data-rate-card={v.rate_card.clone()}>
            <th scope="row">
                { wording::model_name(lang, &v.name) }
                <small class="summary">{ v.rules.as_str() }{ card }</small>
                <small class="summary">{ &v.summary }</small>
            </th>
            { cells }
        </tr>
    }
}

/// A market and category whose amount differs between versions, with the core's reasons.
fn difference(lang: Lang, currency: &str, d: &Difference) -> Html {
    let amounts: Vec<String> = d
        .amounts
        .iter()
        .map(|a| format!("{} {}", a.rules, money(lang, currency, a.amount)))
        .collect();
    html! {
        <li>
            <strong>{ format!("{} · {}", d.market, t(lang, d.category.as_str())) }</strong>
            <span class="amounts">{ amounts.join(" · ") }</span>
            <ul>{ for d.reasons.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
        </li>
    }
}
