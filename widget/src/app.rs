//! The calculator itself: one row of four counts per country, Meta's charge, the provider's
//! fees, the total and the per-market breakdown, all from `wacost_core::estimate`.

use crate::config::{Config, Theme};
use crate::events::dispatch_estimate;
use crate::outcome::{run, Counts, Issue, Target};
use serde_json::Value;
use std::rc::Rc;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// What a fresh widget shows before anyone types: a plausible month, not a blank.
pub fn initial_counts(rows: usize) -> Counts {
    vec![["1000".into(), "1000".into(), "0".into(), "0".into()]; rows]
}

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
    /// The element the page gave us; events are dispatched on it.
    pub host: Element,
    /// The country names to show per row (from the market table of the month).
    pub names: Rc<Vec<(String, String)>>,
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub counts: Counts,
}

pub enum Action {
    Set {
        line: usize,
        category: usize,
        text: String,
    },
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let Action::Set {
            line,
            category,
            text,
        } = action;
        let mut counts = self.counts.clone();
        if let Some(cell) = counts.get_mut(line).and_then(|row| row.get_mut(category)) {
            *cell = text;
        }
        Rc::new(State { counts })
    }
}

fn text_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let rows = config.countries.len();
    let state = use_reducer(|| State {
        counts: initial_counts(rows),
    });
    let outcome = run(&config, &state.counts);
    let json = outcome.as_ref().ok().map(|priced| priced.json.clone());
    {
        let host = props.host.clone();
        use_effect_with(json, move |json| {
            if let Some(json) = json {
                dispatch_estimate(&host, json);
            }
        });
    }
    let lang = config.lang;
    let t = lang.texts();
    let theme = match config.theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let issues: &[Issue] = match &outcome {
        Ok(_) => &[],
        Err(issues) => issues,
    };
    let result = match &outcome {
        Ok(priced) => estimate_view(&config, &priced.value),
        Err(issues) => html! {
            <div class="problems" role="alert">
                <p>{ t.input_problem }</p>
                <ul>{ for issues.iter().map(|i| html! { <li>{ describe(&config, i) }</li> }) }</ul>
            </div>
        },
    };
    html! {
        <div class={classes!("w", theme)} lang={lang.tag()}>
            <h2 class="title">{ t.title }</h2>
            <fieldset class="inputs">
                <legend>{ t.messages_per_month }</legend>
                { for (0..rows).map(|line| row_inputs(props, &state, issues, line)) }
            </fieldset>
            <div class="result" aria-live="polite">{ result }</div>
        </div>
    }
}

/// One country's row: its code, name and market, and its four counts as typed.
fn row_inputs(
    props: &AppProps,
    state: &UseReducerHandle<State>,
    issues: &[Issue],
    line: usize,
) -> Html {
    let config = &props.config;
    let code = config.countries.get(line).cloned().unwrap_or_default();
    let (name, market) = props.names.get(line).cloned().unwrap_or_default();
    let t = config.lang.texts();
    let cells = t.categories.iter().enumerate().map(|(category, label)| {
        let value = state
            .counts
            .get(line)
            .and_then(|row| row.get(category))
            .cloned()
            .unwrap_or_default();
        let bad = issues
            .iter()
            .any(|i| i.target == Target::Count { line, category });
        let oninput = {
            let state = state.clone();
            Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                state.dispatch(Action::Set {
                    line,
                    category,
                    text: input.value(),
                });
            })
        };
        let name = format!(
            "{code}.{}",
            crate::outcome::CATEGORIES
                .get(category)
                .copied()
                .unwrap_or("")
        );
        html! {
            <label class="cell">
                <span>{ *label }</span>
                <input type="text" inputmode="numeric" {name} {value}
                    aria-invalid={bad.to_string()} {oninput} />
            </label>
        }
    });
    html! {
        <div class="row" data-country={code.clone()}>
            <div class="country">
                <strong>{ code.clone() }</strong>
                <span class="name">{ name.clone() }</span>
                if market != name {
                    <span class="market">{ market }</span>
                }
            </div>
            <div class="cells">{ for cells }</div>
        </div>
    }
}

/// The priced month: Meta's charge, the fees, the total, by market, the warnings.
fn estimate_view(config: &Config, e: &Value) -> Html {
    let lang = config.lang;
    let t = lang.texts();
    let currency = text_of(e, "currency");
    let money = |key: &str| lang.money(text_of(e, key), currency);
    let markets = e
        .get("markets")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let market_rows = markets.iter().map(|m| {
        let countries = m
            .get("countries")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        html! {
            <tr>
                <th scope="row">{ text_of(m, "market") }<span class="muted">{ format!(" ({countries})") }</span></th>
                <td title={text_of(m, "amount").to_string()}>{ lang.money(text_of(m, "amount"), currency) }</td>
            </tr>
        }
    });
    let warnings = e
        .get("warnings")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    html! {
        <>
            <dl class="totals">
                <div><dt>{ t.meta }</dt><dd data-figure="meta_total" title={text_of(e, "meta_total").to_string()}>{ money("meta_total") }</dd></div>
                <div><dt>{ t.bsp }</dt><dd data-figure="bsp_fees" title={text_of(e, "bsp_fees").to_string()}>{ money("bsp_fees") }</dd></div>
                <div class="total"><dt>{ t.total }</dt><dd data-figure="total" title={text_of(e, "total").to_string()}>{ money("total") }</dd></div>
            </dl>
            <table class="breakdown">
                <caption>{ t.breakdown }</caption>
                <tbody>{ for market_rows }</tbody>
            </table>
            if !warnings.is_empty() {
                <ul class="warnings">
                    { for warnings.iter().filter_map(Value::as_str).map(|w| html! { <li>{ w }</li> }) }
                </ul>
            }
            <p class="foot">
                { format!("{} {} · {} {} {} · {}", t.rules, text_of(e, "rules"), t.card, text_of(e, "currency"), text_of(e, "rate_card"), config.month) }
            </p>
        </>
    }
}

/// A problem in words that point at the input: `IN · Utility: must be a whole number …`.
fn describe(config: &Config, issue: &Issue) -> String {
    match &issue.target {
        Target::Count { line, category } => format!(
            "{} · {}: {}",
            config
                .countries
                .get(*line)
                .map(String::as_str)
                .unwrap_or("?"),
            config.lang.texts().categories[*category],
            issue.message
        ),
        Target::Setting(setting) => format!("{setting}: {}", issue.message),
        Target::Other => issue.message.clone(),
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct ProblemsProps {
    pub title: AttrValue,
    pub problems: Rc<Vec<String>>,
}

/// What a misconfigured widget shows instead of a blank box.
#[function_component(Problems)]
pub fn problems(props: &ProblemsProps) -> Html {
    html! {
        <div class="w light">
            <div class="problems setup" role="alert">
                <p><strong>{ props.title.clone() }</strong></p>
                <ul>{ for props.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            </div>
        </div>
    }
}
