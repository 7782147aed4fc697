//! The page: header with language and link, then sheet, settings, results and comparison.
//! The address bar keeps the link the page was opened with until the user changes something,
//! then follows the state, so any moment of the page can be shared or reloaded; the last sheet
//! is kept in the browser's storage and offered back on a visit without a link.

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
    /// Whether to mirror the state into the address bar and the browser's storage, and offer
    /// the stored sheet back (off when embedded in a test).
    #[prop_or(true)]
    pub sync_url: bool,
    /// A language to start in instead of the browser's (a `lang` in the link still wins).
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
            let state = AppState::from_query(&props.query, lang, &month);
            if props.sync_url {
                state.offer_stored(dom::stored_sheet().as_deref())
            } else {
                state
            }
        })
    };
    let lang = state.lang;
    {
        let sync = props.sync_url;
        let address = state.address();
        let keep = state.sheet_to_keep().map(str::to_string);
        use_effect_with((address, keep, lang), move |(address, keep, lang)| {
            if sync {
                if let Some(query) = address {
                    dom::replace_query(query);
                }
                if let Some(json) = keep {
                    dom::store_sheet(json);
                }
                dom::set_document_lang(lang.tag());
            }
        });
    }
    let copy_status = use_state(|| None::<&'static str>);
    let on_copy = {
        let query = url::page_query(lang.tag(), &state.json);
        let copy_status = copy_status.clone();
        Callback::from(move |_| {
            let link = dom::link_for(&query);
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
    let on_restore = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::Restore))
    };
    let on_dismiss_restore = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::DismissRestore))
    };
    let rescue_status = use_state(|| None::<&'static str>);
    let on_copy_rescue = {
        let text = state
            .notice
            .as_ref()
            .and_then(|n| n.rescue.clone())
            .unwrap_or_default();
        let rescue_status = rescue_status.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let rescue_status = rescue_status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = dom::copy(&text).await;
                rescue_status.set(Some(if ok { "text_copied" } else { "copy_failed" }));
            });
        })
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
                        <div class="notice-body">
                            <p><strong>{ t(lang, notice.key) }</strong>{ " " }{ &notice.detail }</p>
                            if let Some(text) = notice.rescue.as_ref().filter(|t| !t.is_empty()) {
                                <label for="link-rescue">{ t(lang, "link_text") }</label>
                                <textarea id="link-rescue" data-wacost="link-text" readonly=true rows="3"
                                    spellcheck="false" value={text.clone()} />
                                <div class="notice-actions">
                                    <button type="button" onclick={on_copy_rescue}>{ t(lang, "copy_text") }</button>
                                    <span role="status">{ rescue_status.map(|k| t(lang, k).to_string()).unwrap_or_default() }</span>
                                </div>
                            }
                        </div>
                        <button type="button" onclick={on_dismiss}>{ t(lang, "dismiss") }</button>
                    </div>
                }
                if state.restore.is_some() {
                    <div class="notice offer" role="status" data-wacost="restore">
                        <p>{ t(lang, "restore_offer") }</p>
                        <div class="notice-actions">
                            <button type="button" class="primary" onclick={on_restore}>{ t(lang, "restore") }</button>
                            <button type="button" onclick={on_dismiss_restore}>{ t(lang, "dismiss") }</button>
                        </div>
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
