//! "Add a country": a search box and the matching countries as buttons (name in the widget's
//! language, ISO code, calling code). Enter takes the first match.

use crate::i18n::Lang;
use crate::places::Places;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct PickerProps {
    pub lang: Lang,
    pub places: Rc<Places>,
    /// Codes already in the widget, not offered again.
    pub chosen: Rc<Vec<String>>,
    pub onpick: Callback<String>,
}

#[function_component(Picker)]
pub fn picker(props: &PickerProps) -> Html {
    let t = props.lang.texts();
    let query = use_state(String::new);
    let matches: Vec<(String, String)> = props
        .places
        .search(&query, &props.chosen)
        .into_iter()
        .map(|p| {
            let code = if p.calling_code.is_empty() {
                p.code.clone()
            } else {
                format!("{} · +{}", p.code, p.calling_code)
            };
            (p.code.clone(), format!("{} ({code})", p.name))
        })
        .collect();
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let pick = {
        let query = query.clone();
        let onpick = props.onpick.clone();
        Callback::from(move |code: String| {
            query.set(String::new());
            onpick.emit(code);
        })
    };
    let onkeydown = {
        let first = matches.first().map(|(code, _)| code.clone());
        let pick = pick.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                if let Some(code) = first.clone() {
                    pick.emit(code);
                }
            }
        })
    };
    let searching = !query.trim().is_empty();
    html! {
        <div class="add">
            <label class="add-label">
                <span>{ t.add_country }</span>
                <input type="search" name="add-country" autocomplete="off" value={(*query).clone()}
                    placeholder={t.search_hint} {oninput} {onkeydown} />
            </label>
            if searching {
                <ul class="matches" aria-live="polite">
                    if matches.is_empty() {
                        <li class="none">{ t.no_match }</li>
                    }
                    { for matches.into_iter().map(|(code, text)| {
                        let pick = pick.clone();
                        let value = code.clone();
                        html! {
                            <li><button type="button" class="match" data-code={code}
                                onclick={Callback::from(move |_: MouseEvent| pick.emit(value.clone()))}>{ text }</button></li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
