//! The plan's monthly chart: Meta's charge per month stacked by category, and the cumulative
//! total (with the provider's fees) as a line on its own scale. SVG drawn from the core's exact
//! amounts with integer geometry (hundredths of a view-box unit), so the view needs no floating
//! point and no chart library; the figures themselves are in the table beside it.

use super::money;
use super::strings::s;
use super::year::used_categories;
use crate::i18n::{t, Lang};
use rust_decimal::Decimal;
use std::rc::Rc;
use wacost_core::plan::Plan;
use yew::prelude::*;

const WIDTH: u64 = 36_000;
const PLOT: u64 = 16_000;
const TOP: u64 = 1_000;
const HEIGHT: u64 = TOP + PLOT + 2_000;

/// `value / max` of `span`, in whole hundredths.
fn scaled(value: Decimal, max: Decimal, span: u64) -> u64 {
    if max <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0;
    }
    let length = (value * Decimal::from(span) / max).floor();
    u64::try_from(length).unwrap_or(span).min(span)
}

fn coordinate(hundredths: u64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

#[derive(Properties, PartialEq)]
pub struct PlanChartProps {
    pub lang: Lang,
    pub plan: Rc<Plan>,
}

#[function_component]
pub fn PlanChart(props: &PlanChartProps) -> Html {
    let lang = props.lang;
    let plan = &props.plan;
    let n = plan.months.len() as u64;
    if n == 0 {
        return html! {};
    }
    // Categories with an amount to draw (a column of zeros stays in the table, not here).
    let used: Vec<_> = used_categories(plan)
        .into_iter()
        .filter(|c| {
            plan.months.iter().any(|m| {
                m.categories
                    .get(c)
                    .is_some_and(|a| a.value() > Decimal::ZERO)
            })
        })
        .collect();
    let month_charge = |m: &wacost_core::plan::PlanMonth| -> Decimal {
        m.categories
            .values()
            .map(|a| a.value())
            .filter(|v| *v > Decimal::ZERO)
            .sum()
    };
    let highest = plan
        .months
        .iter()
        .map(month_charge)
        .max()
        .unwrap_or(Decimal::ZERO);
    let cumulative = plan.total.value();
    let slot = WIDTH / n;
    let bar = slot * 7 / 10;
    let base = TOP + PLOT;
    // A label per month up to six, then every other, third or sixth: "07/26" needs room.
    let every = match n {
        0..=6 => 1,
        7..=12 => 2,
        13..=24 => 3,
        _ => 6,
    };
    let points: Vec<String> = plan
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = i as u64 * slot + slot / 2;
            let y = base - scaled(m.cumulative_total.value(), cumulative, PLOT);
            format!("{},{}", coordinate(x), coordinate(y))
        })
        .collect();
    html! {
        <figure class="chart plan-chart" data-plan="chart">
            <figcaption id="plan-chart-title">{ s(lang, "chart") }</figcaption>
            <ul class="legend">
                { for used.iter().map(|c| html! { <li><span class={classes!("swatch", format!("cat-{}", c.as_str()))}></span>{ t(lang, c.as_str()) }</li> }) }
                <li><span class="swatch plan-line-swatch"></span>{ s(lang, "cumulative") }{ ": " }{ money::amount(lang, &plan.currency, cumulative) }</li>
            </ul>
            <svg viewBox={format!("0 0 {} {}", WIDTH / 100, HEIGHT / 100)} role="img" aria-labelledby="plan-chart-title" preserveAspectRatio="xMinYMin meet">
                <line class="plan-axis" x1="0" x2={coordinate(WIDTH)} y1={coordinate(base)} y2={coordinate(base)} />
                { for plan.months.iter().enumerate().map(|(i, m)| {
                    let x = i as u64 * slot + (slot - bar) / 2;
                    let mut top = base;
                    let segments = used.iter().filter_map(|c| {
                        let v = m.categories.get(c).map(|a| a.value()).unwrap_or_default();
                        let h = scaled(v, highest, PLOT);
                        if h == 0 { return None; }
                        top -= h;
                        Some(html! {
                            <rect class={format!("cat-{}", c.as_str())} x={coordinate(x)} y={coordinate(top)} width={coordinate(bar)} height={coordinate(h)}>
                                <title>{ format!("{} · {} · {}", m.month, t(lang, c.as_str()), money::text(lang, &plan.currency, v)) }</title>
                            </rect>
                        })
                    }).collect::<Html>();
                    let label = (i as u64 % every == 0).then(|| {
                        // `2026-07` as `07/26`, month first.
                        let text = match (m.month.get(2..4), m.month.get(5..7)) {
                            (Some(year), Some(month)) => format!("{month}/{year}"),
                            _ => m.month.clone(),
                        };
                        html! { <text class="label plan-month" x={coordinate(i as u64 * slot + slot / 2)} y={coordinate(base + 1_300)} text-anchor="middle">{ text }</text> }
                    });
                    html! { <g>{ segments }{ for label }</g> }
                }) }
                <polyline class="plan-line" points={points.join(" ")} />
            </svg>
        </figure>
    }
}
