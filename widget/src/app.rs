//! The calculator itself: one row of four counts per country, Meta's charge, the provider's
//! fees, the total and the per-market breakdown, all from `wacost_core::estimate`.

use crate::accent;
use crate::config::{Config, Theme};
use crate::events::{dispatch_cta, dispatch_estimate, remember};
use crate::i18n::{count_problem, setting_said, Lang};
use crate::outcome::{run_for, Issue, Priced, Target, CATEGORIES};
use crate::places::Places;
use std::rc::Rc;
use wacost_core::estimate::{Estimate, MarketEstimate};
use wacost_core::money::Amount;
use wacost_core::money_format::MoneyFormat;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// What a fresh row shows before anyone types: a plausible month, not a blank.
pub const START: [&str; 4] = ["1000", "1000", "0", "0"];

/// One destination and its four counts as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub code: String,
    pub counts: [String; 4],
}

impl Row {
    pub fn new(code: &str) -> Row {
        Row {
            code: code.to_string(),
            counts: START.map(str::to_string),
        }
    }
}

/// The starting counts of `rows` rows, for checking the settings before mounting.
pub fn initial_counts(rows: usize) -> Vec<[String; 4]> {
    vec![START.map(str::to_string); rows]
}

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
    /// The element the page gave us; events are dispatched on it.
    pub host: Element,
    /// The month's countries named in the widget's language.
    pub places: Rc<Places>,
    /// The rows to start with: the settings', or the visitor's from before a re-mount.
    pub rows: Rc<Vec<Row>>,
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub rows: Vec<Row>,
}

pub enum Action {
    Set {
        line: usize,
        category: usize,
        text: String,
    },
    Add(String),
    Remove(usize),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut rows = self.rows.clone();
        match action {
            Action::Set {
                line,
                category,
                text,
            } => {
                if let Some(cell) = rows
                    .get_mut(line)
                    .and_then(|row| row.counts.get_mut(category))
                {
                    *cell = text;
                }
            }
            Action::Add(code) => {
                if !rows.iter().any(|r| r.code == code) {
                    rows.push(Row::new(&code));
                }
            }
            // The last row stays: a widget with no destination would price nothing.
            Action::Remove(line) => {
                if rows.len() > 1 && line < rows.len() {
                    rows.remove(line);
                }
            }
        }
        Rc::new(State { rows })
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let start = props.rows.clone();
    let state = use_reducer(move || State {
        rows: (*start).clone(),
    });
    let codes: Vec<String> = state.rows.iter().map(|r| r.code.clone()).collect();
    let counts: Vec<[String; 4]> = state.rows.iter().map(|r| r.counts.clone()).collect();
    let outcome = run_for(&config, &codes, &counts);
    // The last estimate that priced, shown (marked) while the visitor fixes a cell.
    let last = use_mut_ref(|| None::<Rc<Priced>>);
    let current = match &outcome {
        Ok(priced) => {
            let priced = Rc::new(priced.clone());
            *last.borrow_mut() = Some(priced.clone());
            Some(priced)
        }
        Err(_) => None,
    };
    let shown = current.clone().or_else(|| last.borrow().clone());
    {
        let host = props.host.clone();
        use_effect_with(current.clone(), move |priced| {
            if let Some(priced) = priced {
                remember(&host, &priced.scenario);
                dispatch_estimate(&host, &priced.json);
            }
        });
    }
    {
        let host = props.host.clone();
        let rows = state.rows.clone();
        use_effect_with(rows, move |rows| crate::remember_rows(&host, rows.clone()));
    }
    {
        // The core's English for what is not the visitor's count, once per change, for the
        // integrator: the widget shows `setting_unusable` in its own language instead.
        let english: Vec<String> = match &outcome {
            Err(issues) => issues
                .iter()
                .filter(|i| !matches!(i.target, Target::Count { .. }))
                .map(|i| i.message.clone())
                .collect(),
            Ok(_) => Vec::new(),
        };
        use_effect_with(english, |english| {
            for message in english {
                web_sys::console::warn_1(&format!("wacost widget: {message}").into());
            }
        });
    }
    let frame = use_node_ref();
    {
        let frame = frame.clone();
        use_effect_with(config.theme, move |_| accent::apply(&frame));
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
    let stale = current.is_none();
    html! {
        <div class={classes!("w", theme)} lang={lang.tag()} ref={frame}>
            <span class="probe" aria-hidden="true"></span>
            <h2 class="title">{ t.title }</h2>
            <fieldset class="inputs">
                <legend>{ t.messages_per_month }</legend>
                { for (0..state.rows.len()).map(|line| row_inputs(props, &state, issues, line)) }
                if config.pick {
                    <crate::picker::Picker lang={lang} places={props.places.clone()}
                        chosen={Rc::new(codes.clone())}
                        onpick={ let state = state.clone(); Callback::from(move |code| state.dispatch(Action::Add(code))) } />
                }
            </fieldset>
            <div class="result" aria-live="polite">
                if !issues.is_empty() {
                    <div class="problems" role="alert">
                        <p>{ t.input_problem }</p>
                        <ul>{ for issues.iter().map(|i| html! { <li>{ describe(props, &state.rows, i) }</li> }) }</ul>
                    </div>
                }
                if let Some(priced) = &shown {
                    { estimate_view(&config, &props.places, &priced.estimate, stale) }
                }
                if config.cta_label.is_some() || config.cta_href.is_some() {
                    { cta(props, shown.clone()) }
                }
            </div>
        </div>
    }
}

/// The provider's call-to-action: `wacost:cta` first (the host may cancel the navigation and,
/// say, open its own sign-up form with the scenario), then the link if there is one.
fn cta(props: &AppProps, priced: Option<Rc<Priced>>) -> Html {
    let config = &props.config;
    let label = config
        .cta_label
        .clone()
        .unwrap_or_else(|| config.lang.texts().cta.to_string());
    let host = props.host.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        let (scenario, estimate) = match &priced {
            Some(p) => (p.scenario.as_str(), p.json.as_str()),
            None => ("null", "null"),
        };
        if !dispatch_cta(&host, scenario, estimate) {
            e.prevent_default();
        }
    });
    match &config.cta_href {
        Some(href) => html! { <a class="cta" href={href.clone()} {onclick}>{ label }</a> },
        None => html! { <button type="button" class="cta" {onclick}>{ label }</button> },
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
    let Some(row) = state.rows.get(line) else {
        return Html::default();
    };
    let place = props.places.get(&row.code);
    let t = config.lang.texts();
    let cells = t.categories.iter().enumerate().map(|(category, label)| {
        let value = row.counts.get(category).cloned().unwrap_or_default();
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
            "{}.{}",
            row.code,
            CATEGORIES.get(category).copied().unwrap_or("")
        );
        // Announced as "Marketing · India": three rows of "Marketing" are told apart.
        let aria = format!("{label} · {}", place.name);
        html! {
            <label class="cell">
                <span aria-hidden="true">{ *label }</span>
                <input type="text" inputmode="numeric" {name} {value} aria-label={aria}
                    aria-invalid={bad.to_string()} {oninput} />
            </label>
        }
    });
    let remove = (config.pick && state.rows.len() > 1).then(|| {
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Remove(line)));
        let label = format!("{} {}", t.remove, place.name);
        html! { <button type="button" class="remove" aria-label={label.clone()} title={label} {onclick}>{ "×" }</button> }
    });
    let market = place.market_name.clone();
    html! {
        <div class="row" data-country={row.code.clone()}>
            <div class="country">
                <strong>{ row.code.clone() }</strong>
                <span class="name">{ place.name.clone() }</span>
                if market != place.name {
                    <span class="market">{ market }</span>
                }
                { for remove }
            </div>
            <div class="cells">{ for cells }</div>
        </div>
    }
}

/// The priced month: Meta's charge, the fees, the total, by market. `stale` marks totals kept
/// from before the current problem. The core's warnings are English sentences about the
/// sheet's shape (which market drives the bill), written for the page's finance readers: a
/// visitor in a French widget would get English, so the widget leaves them to the event.
fn estimate_view(config: &Config, places: &Places, e: &Estimate, stale: bool) -> Html {
    let lang = config.lang;
    let t = lang.texts();
    let format = lang.money(&e.currency);
    let figure = |key: &'static str, amount: Amount, label: &str, class: &'static str| {
        let exact = amount.text().as_str().to_string();
        html! {
            <div class={class}>
                <dt>
                    { label.to_string() }
                    if stale && key == "total" { <span class="stale-mark">{ format!(" ({})", t.last_valid) }</span> }
                </dt>
                <dd data-figure={key} data-value={exact.clone()} title={exact}>{ format.amount(amount.value()) }</dd>
            </div>
        }
    };
    let market_rows = e.markets.iter().map(|m| {
        let countries = m.countries.join(", ");
        let market = places.market_name(&m.market);
        let amount = m.amount.text().as_str().to_string();
        let rates = config.show_rates.then(|| rate_line(lang, &format, m));
        html! {
            <>
                <tr>
                    <th scope="row">{ market }<span class="muted">{ format!(" ({countries})") }</span></th>
                    <td title={amount.clone()} data-value={amount}>{ format.amount(m.amount.value()) }</td>
                </tr>
                { for rates }
            </>
        }
    });
    let fee_label = config.fee_label.as_deref().unwrap_or(t.bsp);
    html! {
        <div class={classes!("estimate", stale.then_some("stale"))} data-stale={stale.to_string()}>
            <dl class="totals">
                { figure("meta_total", e.meta_total, t.meta, "") }
                { figure("bsp_fees", e.bsp_fees, fee_label, "") }
                { figure("total", e.total, t.total, "total") }
            </dl>
            <table class="breakdown">
                <caption>{ t.breakdown }</caption>
                <tbody>{ for market_rows }</tbody>
            </table>
            <p class="foot">
                { format!("{} {} · {} {} {} · {}", t.rules, e.rules.as_str(), t.card, e.currency, e.rate_card, config.month) }
            </p>
        </div>
    }
}

/// `Marketing $0.0118 · Utility $0.0014 per message`: the card's price of each of the widget's
/// four categories in the market (a tiered category has no single price and is left out).
fn rate_line(lang: Lang, format: &MoneyFormat, market: &MarketEstimate) -> Html {
    let t = lang.texts();
    let parts: Vec<String> = market
        .categories
        .iter()
        .filter_map(|c| {
            let column = CATEGORIES
                .iter()
                .position(|name| *name == c.category.as_str())?;
            let rate = c.rate?;
            Some(format!(
                "{} {}",
                t.categories.get(column)?,
                format.rate(rate.value())
            ))
        })
        .collect();
    if parts.is_empty() {
        return Html::default();
    }
    html! {
        <tr class="rates">
            <td colspan="2">{ format!("{} {}", parts.join(" · "), t.per_message) }</td>
        </tr>
    }
}

/// A problem in words that point at the input: `India · Utility: "12.5" is not a whole …`.
fn describe(props: &AppProps, rows: &[Row], issue: &Issue) -> String {
    let lang = props.config.lang;
    match &issue.target {
        Target::Count { line, category } => {
            let country = rows
                .get(*line)
                .map(|r| props.places.get(&r.code).name)
                .unwrap_or_default();
            let message = issue
                .kind
                .as_ref()
                .and_then(|kind| count_problem(lang, kind))
                .unwrap_or_else(|| issue.message.clone());
            format!(
                "{country} · {}: {message}",
                lang.texts()
                    .categories
                    .get(*category)
                    .copied()
                    .unwrap_or("")
            )
        }
        Target::Setting(setting) => format!(
            "{setting}: {}",
            setting_said(lang, issue.kind.as_ref(), &issue.message)
        ),
        Target::Other => setting_said(lang, issue.kind.as_ref(), &issue.message),
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
