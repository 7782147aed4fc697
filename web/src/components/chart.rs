//! Two SVG bar charts drawn from the core's figures. Bar lengths are geometry only (the amounts
//! shown as text are the core's exact decimals). Colours come from CSS custom properties, so
//! the charts follow light and dark mode; the view box is phone-sized so text stays readable
//! at 375 px and the chart just grows on wider screens.

use crate::engine::Estimate;
use crate::i18n::{money, t, Lang};
use std::rc::Rc;
use yew::prelude::*;

const WIDTH: f64 = 360.0;
const BAR: f64 = 14.0;
const ROW: f64 = 42.0;
const MAX_MARKETS: usize = 12;

/// The categories in legend order; the two conversation-era kinds share slots with colours of
/// their own.
pub const CATEGORIES: [&str; 7] = [
    "marketing",
    "utility",
    "authentication",
    "authentication_international",
    "service",
    "business_initiated",
    "user_initiated",
];

/// A bar's length only: money itself is never computed in floating point.
fn value(decimal: impl std::fmt::Display) -> f64 {
    decimal.to_string().parse::<f64>().unwrap_or(0.0).max(0.0)
}

#[derive(Properties, PartialEq)]
pub struct SpendProps {
    pub estimate: Rc<Estimate>,
    pub lang: Lang,
}

#[function_component]
pub fn SpendChart(props: &SpendProps) -> Html {
    let lang = props.lang;
    let e = &props.estimate;
    let mut markets: Vec<_> = e.markets.iter().filter(|m| value(m.amount) > 0.0).collect();
    markets.sort_by(|a, b| value(b.amount).total_cmp(&value(a.amount)));
    markets.truncate(MAX_MARKETS);
    let max = markets.first().map(|m| value(m.amount)).unwrap_or(0.0);
    if markets.is_empty() || max <= 0.0 {
        return html! {};
    }
    let used: Vec<&str> = CATEGORIES
        .into_iter()
        .filter(|c| {
            markets.iter().any(|m| {
                m.categories
                    .iter()
                    .any(|x| x.category.as_str() == *c && value(x.amount) > 0.0)
            })
        })
        .collect();
    let height = markets.len() as f64 * ROW + 4.0;
    let title = t(lang, "chart_spend");
    html! {
        <figure class="chart">
            <figcaption id="spend-title">{ title }</figcaption>
            <ul class="legend" aria-hidden="true">
                { for used.iter().map(|c| html! { <li><span class={classes!("swatch", format!("cat-{c}"))}></span>{ t(lang, c) }</li> }) }
            </ul>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="spend-title" preserveAspectRatio="xMinYMin meet">
                { for markets.iter().enumerate().map(|(i, m)| {
                    let y = i as f64 * ROW;
                    let mut x = 0.0;
                    let segments = CATEGORIES.iter().filter_map(|c| {
                        let v: f64 = m.categories.iter().filter(|x| x.category.as_str() == *c).map(|x| value(x.amount)).sum();
                        if v <= 0.0 { return None; }
                        let w = (v / max * WIDTH).max(1.0);
                        let rect = html! {
                            <rect class={format!("cat-{c}")} x={format!("{x:.2}")} y={format!("{:.2}", y + 21.0)}
                                width={format!("{w:.2}")} height={BAR.to_string()}>
                                <title>{ format!("{} · {}", m.market, t(lang, c)) }</title>
                            </rect>
                        };
                        x += w;
                        Some(rect)
                    });
                    html! {
                        <g>
                            <text x="0" y={format!("{:.2}", y + 15.0)} class="label">
                                { format!("{} — {}", m.market, money(lang, &e.currency, m.amount)) }
                            </text>
                            { for segments }
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// One bar of the model comparison.
#[derive(Clone, PartialEq)]
pub struct ModelBar {
    pub label: String,
    pub amount: String,
    pub currency: String,
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub bars: Vec<ModelBar>,
    pub lang: Lang,
}

#[function_component]
pub fn CompareChart(props: &CompareProps) -> Html {
    let lang = props.lang;
    let max = props
        .bars
        .iter()
        .map(|b| value(&b.amount))
        .fold(0.0, f64::max);
    let height = props.bars.len() as f64 * ROW + 4.0;
    html! {
        <figure class="chart">
            <figcaption id="compare-chart-title">{ t(lang, "chart_models") }</figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="compare-chart-title" preserveAspectRatio="xMinYMin meet">
                { for props.bars.iter().enumerate().map(|(i, b)| {
                    let y = i as f64 * ROW;
                    let w = if max > 0.0 { (value(&b.amount) / max * WIDTH).max(1.0) } else { 1.0 };
                    html! {
                        <g>
                            <text x="0" y={format!("{:.2}", y + 15.0)} class="label">
                                { format!("{} — {}", b.label, money(lang, &b.currency, &b.amount)) }
                            </text>
                            <rect class={format!("model-{i}")} x="0" y={format!("{:.2}", y + 21.0)} width={format!("{w:.2}")} height={BAR.to_string()} />
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
