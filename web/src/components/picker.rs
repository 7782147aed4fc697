//! Adding a destination: type a country name, ISO code or calling code (or a Meta market),
//! pick with the arrow keys and Enter, or click. An ARIA combobox so screen readers follow.

use super::Ctx;
use crate::i18n::t;
use crate::sheet_io::{search, table_for};
use crate::state::Action;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[function_component]
pub fn Picker() -> Html {
    // Outside the app (no context) there is nothing to show, rather than a panic.
    let Some(state) = use_context::<Ctx>() else {
        return html! {};
    };
    let lang = state.lang;
    let query = use_state(String::new);
    let active = use_state(|| 0usize);
    let table = table_for(&state.draft);
    let found = search(table, &query, 8);

    let add = {
        let dispatcher = state.dispatcher();
        let query = query.clone();
        let active = active.clone();
        move |dest| {
            dispatcher.dispatch(Action::AddLine(dest));
            query.set(String::new());
            active.set(0);
        }
    };
    let oninput = {
        let query = query.clone();
        let active = active.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            active.set(0);
        })
    };
    let onkeydown = {
        let found = found.clone();
        let active = active.clone();
        let query = query.clone();
        let add = add.clone();
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
                    add(s.dest.clone());
                }
            }
            "Escape" => query.set(String::new()),
            _ => {}
        })
    };
    let onclick_add = {
        let found = found.clone();
        let add = add.clone();
        Callback::from(move |_| {
            if let Some(s) = found.first() {
                add(s.dest.clone());
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
                    <ul id="dest-list" role="listbox" class="suggestions">
                        { for found.iter().enumerate().map(|(i, s)| {
                            let add = add.clone();
                            let dest = s.dest.clone();
                            let onmousedown = Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                add(dest.clone());
                            });
                            html! {
                                <li id={format!("pick-{i}")} role="option"
                                    aria-selected={(i == *active).to_string()}
                                    class={classes!((i == *active).then_some("active"))}
                                    {onmousedown}>{ &s.label }</li>
                            }
                        }) }
                    </ul>
                }
            }
        </div>
    }
}
