//! Two SVG bar charts drawn from the core's figures. Bar lengths are geometry only (the amounts
//! shown as text are the core's exact decimals). Colours come from CSS custom properties, so
//! the charts follow light and dark mode; the view box is phone-sized so text stays readable
//! at 375 px and the chart just grows on wider screens.

use crate::engine::Estimate;
use crate::i18n::{money, t, Lang};
use crate::place_names;
use crate::state::Shared;
use rust_decimal::Decimal;
use wacost_core::money::Amount;
use yew::prelude::*;

/// Geometry in hundredths of a view-box unit, in integers: the page needs no floating point
/// (and so none of its formatting code) to draw a bar.
const WIDTH: u64 = 36_000;
const BAR: u64 = 14;
const ROW: u64 = 42;
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

/// `amount / max` of the full width, at least one unit so a small amount still shows.
fn bar_length(amount: Decimal, max: Decimal) -> u64 {
    if max <= Decimal::ZERO || amount <= Decimal::ZERO {
        return 100;
    }
    let length = (amount * Decimal::from(WIDTH) / max).floor();
    u64::try_from(length).unwrap_or(WIDTH).clamp(100, WIDTH)
}

/// Hundredths as a view-box coordinate: `1234` → `12.34`.
fn coordinate(hundredths: u64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

#[derive(Properties, PartialEq)]
pub struct SpendProps {
    pub estimate: Shared<Estimate>,
    pub lang: Lang,
}

#[function_component]
pub fn SpendChart(props: &SpendProps) -> Html {
    let lang = props.lang;
    let e = &props.estimate;
    let mut markets: Vec<_> = e
        .markets
        .iter()
        .filter(|m| m.amount > Amount::ZERO)
        .collect();
    markets.sort_by_key(|m| std::cmp::Reverse(m.amount));
    markets.truncate(MAX_MARKETS);
    let Some(max) = markets.first().map(|m| m.amount.value()) else {
        return html! {};
    };
    let used: Vec<&str> = CATEGORIES
        .into_iter()
        .filter(|c| {
            markets.iter().any(|m| {
                m.categories
                    .iter()
                    .any(|x| x.category.as_str() == *c && x.amount > Amount::ZERO)
            })
        })
        .collect();
    let height = markets.len() as u64 * ROW + 4;
    let title = t(lang, "chart_spend");
    html! {
        <figure class="chart">
            <figcaption id="spend-title">{ title }</figcaption>
            <ul class="legend" aria-hidden="true">
                { for used.iter().map(|c| html! { <li><span class={classes!("swatch", format!("cat-{c}"))}></span>{ t(lang, c) }</li> }) }
            </ul>
            <svg viewBox={format!("0 0 {} {height}", WIDTH / 100)} role="img" aria-labelledby="spend-title" preserveAspectRatio="xMinYMin meet">
                { for markets.iter().enumerate().map(|(i, m)| {
                    let y = i as u64 * ROW;
                    let mut x = 0;
                    let segments = CATEGORIES.iter().filter_map(|c| {
                        let v: Decimal = m.categories.iter().filter(|x| x.category.as_str() == *c).map(|x| x.amount.value()).sum();
                        if v <= Decimal::ZERO { return None; }
                        let w = bar_length(v, max);
                        let rect = html! {
                            <rect class={format!("cat-{c}")} x={coordinate(x)} y={(y + 21).to_string()}
                                width={coordinate(w)} height={BAR.to_string()}>
                                <title>{ format!("{} · {}", place_names::market(lang, &m.market), t(lang, c)) }</title>
                            </rect>
                        };
                        x += w;
                        Some(rect)
                    });
                    html! {
                        <g>
                            <text x="0" y={(y + 15).to_string()} class="label">
                                { format!("{} — {}", place_names::market(lang, &m.market), money(lang, &e.currency, m.amount)) }
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
    pub amount: Amount,
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
        .map(|b| b.amount)
        .max()
        .unwrap_or_default()
        .value();
    // Each label is text of the page, not of the SVG: a model's name in words is long (in
    // French at 375 px, "Conversations par catégorie, juin 2023 – oct. 2024 — 145,80 $US" ran
    // past the card and its amount was cut off), and only HTML wraps it.
    html! {
        <figure class="chart">
            <figcaption id="compare-chart-title">{ t(lang, "chart_models") }</figcaption>
            <ul class="bars" aria-labelledby="compare-chart-title">
                { for props.bars.iter().enumerate().map(|(i, b)| {
                    let w = bar_length(b.amount.value(), max);
                    html! {
                        <li>
                            <span class="label">{ format!("{} — {}", b.label, money(lang, &b.currency, b.amount)) }</span>
                            <svg class="bar" viewBox={format!("0 0 {} {BAR}", WIDTH / 100)} preserveAspectRatio="none" aria-hidden="true">
                                <rect class={format!("model-{i}")} x="0" y="0" width={coordinate(w)} height={BAR.to_string()} />
                            </svg>
                        </li>
                    }
                }) }
            </ul>
        </figure>
    }
}
