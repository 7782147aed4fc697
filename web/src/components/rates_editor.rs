//! The chosen card's rates, editable in place, and a way to load a whole card the user has.
//! An edit becomes a `custom_rates` entry of the scenario, so the link carries it and the core
//! marks every figure resting on it; the page itself never prices anything.

use super::Ctx;
use crate::dom;
use crate::i18n::t;
use crate::state::{Action, AppState, Dest};
use chrono::NaiveDate;
use wacost_core::catalog::RateCard;
use wacost_core::scenario::schema::{List, RateField};
use wacost_core::scenario::FieldPath;
use wacost_core::{Catalog, Category};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The DOM id of a rate cell, stable for tests: `rate-rest-of-africa-marketing`.
pub fn rate_id(market: &str, category: Category) -> String {
    let slug: String = market
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("rate-{slug}-{}", category.as_str())
}

/// The card the core will price with: the one chosen, else the one in force for the month.
fn card_for(state: &AppState) -> Option<&'static RateCard> {
    let catalog = Catalog::builtin();
    let currency = match state.draft.get("currency").trim() {
        "" => "USD".to_string(),
        c => c.to_ascii_uppercase(),
    };
    match wacost_core::date::parse_date(state.draft.get("rate_card").trim()) {
        Some(date) => catalog.card(&currency, date),
        None => catalog.card_in_force(&currency, state.draft.month_start()?),
    }
}

/// The markets of the sheet's lines, in sheet order, once each.
fn sheet_markets(state: &AppState, date: NaiveDate) -> Vec<String> {
    let catalog = Catalog::builtin();
    let mut out: Vec<String> = Vec::new();
    for line in &state.draft.lines {
        let market = match &line.dest {
            Dest::Country(iso) => catalog.market_for_country(iso, date).ok().map(|m| m.market),
            Dest::Market(name) => catalog.market_name(name, date),
        };
        if let Some(market) = market.filter(|m| !out.contains(m)) {
            out.push(market);
        }
    }
    out
}

#[function_component]
pub fn RatesEditor() -> Html {
    // Outside the app (no context) there is nothing to show, rather than a panic.
    let Some(state) = use_context::<Ctx>() else {
        return html! {};
    };
    let lang = state.lang;
    let (Some(card), Some(date)) = (card_for(&state), state.draft.month_start()) else {
        return html! {};
    };
    // The card's own columns (business/user-initiated in 2022, five categories later), in
    // Meta's order; filtering `Category::ALL` keeps a sort out of the bundle.
    let categories: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| card.rates.keys().any(|(_, k)| k == c))
        .collect();
    let currency = card.id.currency.to_string();
    let sheet = sheet_markets(&state, date);
    let rest: Vec<String> = Catalog::builtin()
        .market_table_on(date)
        .markets()
        .into_iter()
        .filter(|m| !sheet.contains(m))
        .collect();

    let row = |market: &String| -> Html {
        let cells = categories.iter().map(|&category| {
            let id = rate_id(market, category);
            let published = card.rate(market, category).map(|r| wacost_core::money::to_plain_string(r.rate, 0));
            let edit = state.draft.rate_edit(market, category);
            let at = state.draft.rates.iter().position(|r| Some(r) == edit);
            let error = at.and_then(|i| {
                let entry = FieldPath::top(List::CustomRates.spec().name).index(i);
                state
                    .error_at(&entry.clone().key(RateField::Rate.name()))
                    .or_else(|| state.error_at(&entry))
            });
            let value = edit.map(|e| e.rate.clone()).or(published).unwrap_or_default();
            let label = format!("{market} · {}", t(lang, category.as_str()));
            let oninput = {
                let dispatcher = state.dispatcher();
                let market = market.clone();
                Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    dispatcher.dispatch(Action::SetRate { market: market.clone(), category, value: input.value() });
                })
            };
            let onreset = {
                let dispatcher = state.dispatcher();
                let market = market.clone();
                Callback::from(move |_| dispatcher.dispatch(Action::ResetRate { market: market.clone(), category }))
            };
            let error_id = format!("{id}-error");
            html! {
                <td class={classes!("rate-cell", edit.is_some().then_some("edited"))}>
                    <input id={id.clone()} class="rate" type="text" inputmode="decimal" autocomplete="off" {value} {oninput}
                        aria-label={label.clone()} placeholder={t(lang, "rate_missing")}
                        aria-invalid={if error.is_some() { "true" } else { "false" }}
                        aria-describedby={error.as_ref().map(|_| error_id.clone())} />
                    if edit.is_some() {
                        <span class="edited-mark">
                            <small class="tag">{ t(lang, "edited") }</small>
                            <button type="button" class="icon" id={format!("{id}-reset")} onclick={onreset}
                                aria-label={format!("{} {label}", t(lang, "reset"))}>{ "↺" }</button>
                        </span>
                    }
                    if let Some(message) = error { <small id={error_id} class="error" role="alert">{ message }</small> }
                </td>
            }
        });
        html! { <tr><th scope="row">{ market }</th>{ for cells }</tr> }
    };
    let head = html! {
        <thead><tr>
            <th scope="col">{ t(lang, "market") }</th>
            { for categories.iter().map(|c| html! { <th scope="col">{ t(lang, c.as_str()) }</th> }) }
        </tr></thead>
    };

    let on_reset_all = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::ResetRates))
    };
    // The text box is read when Load is pressed, so typing in it costs no state or render.
    let on_load = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: MouseEvent| {
            let area = e
                .target_unchecked_into::<Element>()
                .closest(".load-card")
                .ok()
                .flatten()
                .and_then(|d| d.query_selector("textarea").ok().flatten());
            if let Some(area) = area {
                let area: HtmlTextAreaElement = area.unchecked_into();
                dispatcher.dispatch(Action::LoadCard(area.value()));
            }
        })
    };
    let load_file = {
        let dispatcher = state.dispatcher();
        move |file: web_sys::File| {
            // From the size alone: a file over the cap is never read into memory.
            if let Err(problem) = wacost_core::custom_card::check_file_size(file.size() as u64) {
                dispatcher.dispatch(Action::Notify("card_error", problem.to_string()));
                return;
            }
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match dom::read_file(file).await {
                    Ok(text) => dispatcher.dispatch(Action::LoadCard(text)),
                    Err(problem) => dispatcher.dispatch(Action::Notify("card_error", problem)),
                }
            });
        }
    };
    let on_file = {
        let load_file = load_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                input.set_value("");
                load_file(file);
            }
        })
    };
    // Dropping needs the default prevented on dragover too, or the browser opens the file.
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            load_file(file);
        }
    });
    let edited = state.draft.rates.len();

    html! {
        <section class="card rates" aria-labelledby="rates-title" data-wacost="rates">
            <h2 id="rates-title">{ t(lang, "rates") }</h2>
            <p class="hint">{ t(lang, "rates_intro").replace("{card}", &format!("{} {currency}", card.id.effective)) }</p>
            <div class="table-scroll">
                <table class="rate-table">
                    { head.clone() }
                    <tbody>{ for sheet.iter().map(row) }</tbody>
                </table>
            </div>
            <details class="all-rates">
                <summary>{ format!("{} ({})", t(lang, "all_markets"), rest.len()) }</summary>
                <div class="table-scroll">
                    <table class="rate-table">{ head }<tbody>{ for rest.iter().map(row) }</tbody></table>
                </div>
            </details>
            <div class="toolbar">
                <button type="button" id="rates-reset-all" disabled={edited == 0} onclick={on_reset_all}>
                    { format!("{} ({edited})", t(lang, "reset_all")) }
                </button>
            </div>
            <details class="load-card">
                <summary>{ t(lang, "load_card") }</summary>
                <label for="card-text" class="hint">{ t(lang, "load_card_hint") }</label>
                <textarea id="card-text" rows="5" spellcheck="false" ondragover={on_dragover} ondrop={on_drop} />
                <div class="toolbar">
                    <button type="button" id="card-load" class="primary" onclick={on_load}>{ t(lang, "load") }</button>
                    <input id="card-file" class="file-input" type="file" accept=".csv,text/csv,text/plain" onchange={on_file} />
                    <label class="button" for="card-file">{ t(lang, "choose_file") }</label>
                </div>
            </details>
        </section>
    }
}
