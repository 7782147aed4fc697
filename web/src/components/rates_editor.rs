//! The chosen card's rates, editable in place. An edit becomes a `custom_rates` entry of the
//! scenario, so the link carries it and the core marks every figure resting on it; the page
//! itself never prices anything. Loading a whole card is `CardLoader`.

use super::card_loader::CardLoader;
use crate::draft::{Dest, RateEdit};
use crate::engine::FieldError;
use crate::i18n::{t, Lang};
use crate::place_names;
use crate::state::{Notice, Shared};
use crate::wording;
use chrono::NaiveDate;
use std::rc::Rc;
use wacost_core::catalog::RateCard;
use wacost_core::scenario::schema::{List, RateField};
use wacost_core::scenario::FieldPath;
use wacost_core::{Catalog, Category};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatesEditorProps {
    pub lang: Lang,
    /// The billing currency and the card chosen ("" for the card in force).
    pub currency: AttrValue,
    pub rate_card: AttrValue,
    /// The first day of the billing month, if the month reads.
    pub month: Option<NaiveDate>,
    /// The sheet's destinations, whose markets come first.
    pub dests: Rc<Vec<Dest>>,
    /// The user's rates, as typed.
    pub rates: Rc<Vec<RateEdit>>,
    /// The draft's problems; the editor shows those of the user's rates.
    pub errors: Rc<Vec<FieldError>>,
    /// A rate typed: (market, category, text).
    pub on_set_rate: Callback<(String, Category, String)>,
    /// Back to the card's rate: (market, category).
    pub on_reset_rate: Callback<(String, Category)>,
    pub on_reset_all: Callback<()>,
    /// A whole card's text to load.
    pub on_load: Callback<String>,
    pub on_notify: Callback<Notice>,
    /// Why the last card was refused, said beside the loader (`Notice::CardRefused`).
    #[prop_or_default]
    pub card_refused: Option<Shared<Notice>>,
}

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
fn card_for(props: &RatesEditorProps) -> Option<&'static RateCard> {
    let catalog = Catalog::builtin();
    match wacost_core::date::parse_date(&props.rate_card) {
        Some(date) => catalog.card(&props.currency, date),
        None => catalog.card_in_force(&props.currency, props.month?),
    }
}

/// The markets of the sheet's lines, in sheet order, once each.
fn sheet_markets(dests: &[Dest], date: NaiveDate) -> Vec<String> {
    let catalog = Catalog::builtin();
    let mut out: Vec<String> = Vec::new();
    for dest in dests {
        let market = match dest {
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
pub fn RatesEditor(props: &RatesEditorProps) -> Html {
    let lang = props.lang;
    let editing = use_state(|| false);
    let (Some(card), Some(date)) = (card_for(props), props.month) else {
        return html! {};
    };
    // The card's own columns (business/user-initiated in 2022, five categories later), in
    // Meta's order; filtering `Category::ALL` keeps a sort out of the bundle.
    let categories: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| card.rates.keys().any(|(_, k)| k == c))
        .collect();
    let sheet = sheet_markets(&props.dests, date);
    let rest: Vec<String> = Catalog::builtin()
        .market_table_on(date)
        .markets()
        .into_iter()
        .filter(|m| !sheet.contains(m))
        .collect();
    let table = |markets: &[String], editable: bool| {
        html! {
            <table class="rate-table">
                <thead><tr>
                    <th scope="col">{ t(lang, "market") }</th>
                    { for categories.iter().map(|c| html! { <th scope="col">{ t(lang, c.as_str()) }</th> }) }
                </tr></thead>
                <tbody>{ for markets.iter().map(|m| row(props, card, &categories, m, editable)) }</tbody>
            </table>
        }
    };
    // Every market's table is some 220 cells: as inputs they would be as many tab stops on
    // the way to the results. It reads as text until "Edit rates", and opens by itself when
    // one of its rates is the user's (so its problem shows at its input).
    let edits_in_rest = props
        .rates
        .iter()
        .any(|r| rest.iter().any(|m| r.market.eq_ignore_ascii_case(m)));
    let rest_editable = *editing || edits_in_rest;
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let edited = props.rates.len();
    let intro = format!("{} {}", card.id.effective, props.currency);
    html! {
        <section class="card rates" aria-labelledby="rates-title" data-wacost="rates">
            <h2 id="rates-title">{ t(lang, "rates") }</h2>
            <p class="hint">{ t(lang, "rates_intro").replace("{card}", &intro) }</p>
            <div class="table-scroll">{ table(&sheet, true) }</div>
            <details class="all-rates">
                <summary>{ format!("{} ({})", t(lang, "all_markets"), rest.len()) }</summary>
                if !rest_editable {
                    <p class="toolbar">
                        <span class="hint">{ t(lang, "rates_read_only") }{ " " }</span>
                        <button type="button" id="rates-edit" onclick={on_edit}>{ t(lang, "edit_rates") }</button>
                    </p>
                }
                <div class="table-scroll" data-wacost="all-rates" data-editable={rest_editable.to_string()}>{ table(&rest, rest_editable) }</div>
            </details>
            <div class="toolbar">
                <button type="button" id="rates-reset-all" disabled={edited == 0} onclick={props.on_reset_all.reform(|_| ())}>
                    { format!("{} ({edited})", t(lang, "reset_all")) }
                </button>
            </div>
            <CardLoader {lang} on_load={props.on_load.clone()} on_notify={props.on_notify.clone()} refused={props.card_refused.clone()} />
        </section>
    }
}

/// One market's rates: each category's rate as typed (or the card's), its problem beside it.
fn row(
    props: &RatesEditorProps,
    card: &RateCard,
    categories: &[Category],
    market: &str,
    editable: bool,
) -> Html {
    html! {
        <tr>
            <th scope="row">{ place_names::market(props.lang, market) }</th>
            { for categories.iter().map(|&category| if editable {
                rate_cell(props, card, market, category)
            } else {
                rate_text(props, card, market, category)
            }) }
        </tr>
    }
}

/// A published rate as text (the table before "Edit rates"): every published digit.
fn rate_text(props: &RatesEditorProps, card: &RateCard, market: &str, category: Category) -> Html {
    let lang = props.lang;
    match card.rate(market, category) {
        Some(r) => html! {
            <td class="rate-cell" id={rate_id(market, category)} data-value={wacost_core::money::to_plain_string(r.rate, 0)}>
                { wacost_core::money::to_plain_string(r.rate, 0) }
            </td>
        },
        None => {
            html! { <td class="rate-cell hint" id={rate_id(market, category)}>{ t(lang, "rate_missing") }</td> }
        }
    }
}

/// The user's rate of a cell and its position among them, if set.
fn edit_of<'r>(
    rates: &'r [RateEdit],
    market: &str,
    category: Category,
) -> Option<(usize, &'r RateEdit)> {
    rates
        .iter()
        .enumerate()
        .find(|(_, r)| r.category == category && r.market.eq_ignore_ascii_case(market))
}

fn rate_cell(props: &RatesEditorProps, card: &RateCard, market: &str, category: Category) -> Html {
    let lang = props.lang;
    let id = rate_id(market, category);
    let published = card
        .rate(market, category)
        .map(|r| wacost_core::money::to_plain_string(r.rate, 0));
    let edit = edit_of(&props.rates, market, category);
    let error = edit.and_then(|(at, _)| {
        let entry = FieldPath::top(List::CustomRates.spec().name).index(at);
        let rate = entry.clone().key(RateField::Rate.name());
        let found = props
            .errors
            .iter()
            .find(|e| e.path == rate || e.path == entry)?;
        Some(wording::field_problem(lang, &found.kind))
    });
    let value = edit
        .map(|(_, e)| e.rate.clone())
        .or(published)
        .unwrap_or_default();
    let label = format!(
        "{} · {}",
        place_names::market(lang, market),
        t(lang, category.as_str())
    );
    let owned = market.to_string();
    let oninput = props.on_set_rate.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (owned.clone(), category, input.value())
    });
    let owned = market.to_string();
    let onreset = props
        .on_reset_rate
        .reform(move |_: MouseEvent| (owned.clone(), category));
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
}
