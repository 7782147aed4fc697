//! The page: header with language and link, then sheet, settings, results and comparison.
//! The address bar is kept equal to the state, so any moment of the page can be shared.

use super::compare::Compare;
use super::rates_editor::RatesEditor;
use super::results::Results;
use super::settings::Settings;
use super::sheet::Sheet;
use super::Ctx;
use crate::dom;
use crate::i18n::{t, Lang};
use crate::state::{Action, AppState};
use crate::url;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The query string the page was opened with (`?scenario=…`).
    #[prop_or_default]
    pub query: AttrValue,
    /// Whether to mirror the state into the address bar (off when embedded in a test).
    #[prop_or(true)]
    pub sync_url: bool,
    /// A language to start in instead of the browser's.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// The month a fresh page starts on (`YYYY-MM`); the browser's current month if unset.
    #[prop_or_default]
    pub default_month: Option<AttrValue>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || {
            let lang = props.lang.unwrap_or_else(Lang::detect);
            let month = props
                .default_month
                .map(|m| m.to_string())
                .unwrap_or_else(dom::current_month);
            AppState::from_query(&props.query, lang, &month)
        })
    };
    let lang = state.lang;
    {
        let sync = props.sync_url;
        use_effect_with((state.json.clone(), lang), move |(json, lang)| {
            if sync {
                dom::replace_query(&url::scenario_query(json));
                if let Some(root) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.document_element())
                {
                    let _ = root.set_attribute("lang", lang.tag());
                }
            }
        });
    }
    let copy_status = use_state(|| None::<&'static str>);
    let on_copy = {
        let json = state.json.clone();
        let copy_status = copy_status.clone();
        Callback::from(move |_| {
            let link = dom::link_for(&url::scenario_query(&json));
            let copy_status = copy_status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = dom::copy(&link).await;
                copy_status.set(Some(if ok { "copied" } else { "copy_failed" }));
            });
        })
    };
    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let lang = Lang::ALL
                .into_iter()
                .find(|l| l.tag() == select.value())
                .unwrap_or(Lang::En);
            dispatcher.dispatch(Action::SetLang(lang));
        })
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::Dismiss))
    };

    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            <div class="wacost" lang={lang.tag()}>
                <header class="top">
                    <div>
                        <h1>{ t(lang, "title") }</h1>
                        <p class="hint">{ t(lang, "intro") }</p>
                    </div>
                    <div class="top-actions">
                        <label for="lang-select" class="sr-only">{ t(lang, "language") }</label>
                        <select id="lang-select" onchange={on_lang} aria-label={t(lang, "language").to_string()}>
                            { for Lang::ALL.iter().map(|l| html! {
                                <option value={l.tag()} selected={*l == lang}>{ l.native_name() }</option>
                            }) }
                        </select>
                        <button type="button" class="primary" onclick={on_copy}>{ t(lang, "copy_link") }</button>
                        <span role="status" class="copy-status">{ copy_status.map(|k| t(lang, k).to_string()).unwrap_or_default() }</span>
                    </div>
                </header>
                if let Some(notice) = &state.notice {
                    <div class="notice" role="alert" data-wacost="notice">
                        <p><strong>{ t(lang, notice.key) }</strong>{ " " }{ &notice.detail }</p>
                        <button type="button" onclick={on_dismiss}>{ t(lang, "dismiss") }</button>
                    </div>
                }
                <main class="layout">
                    <div class="inputs">
                        <Sheet />
                        <Settings />
                        <RatesEditor />
                    </div>
                    <div class="outputs">
                        <Results />
                        <Compare />
                    </div>
                </main>
                <crate::log_check::LogCheckLink lang={lang} />
            </div>
        </ContextProvider<Ctx>>
    }
}
