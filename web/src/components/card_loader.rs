//! Loading a whole rate card the user has: Meta's CSV as published or `market,category,rate`
//! lines, pasted, dropped or chosen as a file. The card replaces the user's rates only if every
//! line reads; what is wrong is said here, under the Load button, in plain words, and the focus
//! comes back to the card's text so the user can correct it.

use crate::dom;
use crate::draft::CardProblem;
use crate::i18n::{t, Lang};
use crate::state::{Notice, Shared};
use crate::wording;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardLoaderProps {
    pub lang: Lang,
    /// The card's text, to load.
    pub on_load: Callback<String>,
    /// A file refused before it is read, or that cannot be read.
    pub on_notify: Callback<Notice>,
    /// Why the last card was refused (`Notice::CardRefused`), if it was.
    #[prop_or_default]
    pub refused: Option<Shared<Notice>>,
}

/// Reads a dropped or chosen file, refusing one over the cap from its size alone.
fn load_file(file: web_sys::File, on_load: &Callback<String>, on_notify: &Callback<Notice>) {
    if let Err(problem) = wacost_core::custom_card::check_file_size(file.size() as u64) {
        return on_notify.emit(Notice::CardRefused(CardProblem::Card(vec![problem])));
    }
    let (on_load, on_notify) = (on_load.clone(), on_notify.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match dom::read_file(file).await {
            Some(text) => on_load.emit(text),
            None => on_notify.emit(Notice::CardRefused(CardProblem::Unreadable)),
        }
    });
}

#[function_component]
pub fn CardLoader(props: &CardLoaderProps) -> Html {
    let lang = props.lang;
    // The text box is read when Load is pressed, so typing in it costs no state or render.
    let card_text = use_node_ref();
    let problems: Vec<String> = match props.refused.as_deref() {
        Some(Notice::CardRefused(problem)) => wording::card_problems(lang, problem),
        _ => Vec::new(),
    };
    // Each refusal moves the focus to the text, which names the problems (aria-describedby).
    {
        let card_text = card_text.clone();
        use_effect_with(props.refused.clone(), move |refused| {
            if refused.is_some() {
                // After the page has drawn what the refusal changed: a closed <details> hides
                // the text, and a hidden element takes no focus.
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(area) = card_text.cast::<web_sys::HtmlElement>() {
                        if let Ok(Some(details)) = area.closest("details") {
                            let _ = details.set_attribute("open", "");
                        }
                        let _ = area.focus();
                    }
                });
            }
        });
    }
    let on_load = {
        let (card_text, on_load) = (card_text.clone(), props.on_load.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = card_text.cast::<HtmlTextAreaElement>() {
                on_load.emit(area.value());
            }
        })
    };
    let on_file = {
        let (on_load, on_notify) = (props.on_load.clone(), props.on_notify.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                input.set_value("");
                load_file(file, &on_load, &on_notify);
            }
        })
    };
    // Dropping needs the default prevented on dragover too, or the browser opens the file.
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let (on_load, on_notify) = (props.on_load.clone(), props.on_notify.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let dropped = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = dropped {
                load_file(file, &on_load, &on_notify);
            }
        })
    };
    html! {
        <details class="load-card" open={!problems.is_empty()}>
            <summary>{ t(lang, "load_card") }</summary>
            <label for="card-text" class="hint">{ t(lang, "load_card_hint") }</label>
            <textarea id="card-text" ref={card_text} rows="5" spellcheck="false" ondragover={on_dragover} ondrop={on_drop}
                aria-invalid={(!problems.is_empty()).then_some("true")}
                aria-describedby={(!problems.is_empty()).then_some("card-error")} />
            <div class="toolbar">
                <button type="button" id="card-load" class="primary" onclick={on_load}>{ t(lang, "load") }</button>
                <input id="card-file" class="file-input" type="file" accept=".csv,text/csv,text/plain" onchange={on_file} />
                <label class="button" for="card-file">{ t(lang, "choose_file") }</label>
            </div>
            if let Some((first, rest)) = problems.split_first() {
                <div id="card-error" class="error card-error" role="alert" data-wacost="card-error">
                    <p><strong>{ t(lang, "card_error") }</strong>{ " " }{ first }</p>
                    if !rest.is_empty() {
                        <ul>{ for rest.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    }
                </div>
            }
        </details>
    }
}
