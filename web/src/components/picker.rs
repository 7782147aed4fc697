//! Adding a destination: type a country name in any of the four languages, a short form
//! (UK, USA), an ISO code, a calling code or a whole number (or a Meta region), pick with the
//! arrow keys and Enter, or click. Each country once, named in the page's language, with its
//! market beneath. An ARIA combobox so screen readers follow.

use crate::draft::Dest;
use crate::i18n::{t, Lang};
use crate::sheet_io::{search, Suggestion, Table};
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub lang: Lang,
    /// The market table the choices come from.
    pub table: Table,
    pub on_add: Callback<Dest>,
}

/// Adds the chosen destination and empties the search.
type Add = Callback<Dest>;

#[function_component]
pub fn Picker(props: &PickerProps) -> Html {
    let lang = props.lang;
    let query = use_state(String::new);
    let active = use_state(|| 0usize);
    let found = search(props.table.0, &query, lang.locale(), 8);
    let add: Add = {
        let on_add = props.on_add.clone();
        let (query, active) = (query.clone(), active.clone());
        Callback::from(move |dest| {
            on_add.emit(dest);
            query.set(String::new());
            active.set(0);
        })
    };
    let oninput = {
        let (query, active) = (query.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            active.set(0);
        })
    };
    let onkeydown = on_key(&found, &active, &query, &add);
    let onclick_add = {
        let (found, add) = (found.clone(), add.clone());
        Callback::from(move |_| {
            if let Some(s) = found.first() {
                add.emit(s.dest.clone());
            }
        })
    };
    let open = !query.trim().is_empty();
    let active_id = (!found.is_empty()).then(|| format!("pick-{}", *active));
    html! {
        <div class="picker">
            <label for="dest-search">{ t(lang, "add_destination") }</label>
            <div class="picker-row">
                <input id="dest-search" type="text" role="combobox" autocomplete="off"
                    aria-autocomplete="list" aria-controls="dest-list" aria-expanded={open.to_string()}
                    aria-activedescendant={active_id}
                    value={(*query).clone()} {oninput} {onkeydown} />
                <button type="button" onclick={onclick_add} disabled={found.is_empty()}>{ t(lang, "add") }</button>
            </div>
            if open {
                if found.is_empty() {
                    <p class="hint" role="status">{ t(lang, "no_match") }</p>
                } else {
                    { suggestions(lang, &found, *active, &add) }
                }
            }
        </div>
    }
}

/// The arrow keys move through the suggestions, Enter adds one, Escape empties the search.
fn on_key(
    found: &[Suggestion],
    active: &UseStateHandle<usize>,
    query: &UseStateHandle<String>,
    add: &Add,
) -> Callback<KeyboardEvent> {
    let found = found.to_vec();
    let (active, query, add) = (active.clone(), query.clone(), add.clone());
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "ArrowDown" if !found.is_empty() => {
            e.prevent_default();
            active.set((*active + 1) % found.len());
        }
        "ArrowUp" if !found.is_empty() => {
            e.prevent_default();
            active.set((*active + found.len() - 1) % found.len());
        }
        "Enter" => {
            e.prevent_default();
            if let Some(s) = found.get(*active).or(found.first()) {
                add.emit(s.dest.clone());
            }
        }
        "Escape" => query.set(String::new()),
        _ => {}
    })
}

/// The list of suggestions, the active one marked; a press adds one before the input blurs.
fn suggestions(lang: Lang, found: &[Suggestion], active: usize, add: &Add) -> Html {
    html! {
        <ul id="dest-list" role="listbox" class="suggestions">
            { for found.iter().enumerate().map(|(i, s)| {
                let dest = s.dest.clone();
                let onmousedown = add.reform(move |e: MouseEvent| {
                    e.prevent_default();
                    dest.clone()
                });
                html! {
                    <li id={format!("pick-{i}")} role="option"
                        aria-selected={(i == active).to_string()}
                        class={classes!((i == active).then_some("active"))}
                        {onmousedown}>{ entry(lang, s) }</li>
                }
            }) }
        </ul>
    }
}

/// A suggestion: the name, its code and calling code, and beneath it the market it is billed
/// in (left out where the market is the country itself); a region says it is a market.
fn entry(lang: Lang, s: &Suggestion) -> Html {
    let f = &s.found;
    let code = match (f.iso2.is_empty(), f.calling_code.is_empty()) {
        (true, _) => String::new(),
        (false, true) => f.iso2.clone(),
        (false, false) => {
            let network = f
                .network_prefix
                .as_deref()
                .map(|p| format!(" {p}"))
                .unwrap_or_default();
            format!("{} · +{}{network}", f.iso2, f.calling_code)
        }
    };
    let under = if f.iso2.is_empty() {
        Some(t(lang, "market").to_string())
    } else {
        (f.market_name != f.name).then(|| f.market_name.clone())
    };
    html! {
        <>
            <span class="pick-name">{ &f.name }</span>
            if !code.is_empty() {
                { " " }<span class="pick-code">{ code }</span>
            }
            if let Some(under) = under {
                <span class="pick-market">{ under }</span>
            }
        </>
    }
}
