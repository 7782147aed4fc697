//! The page's title, its language and the button that copies the link of what is on screen.

use crate::dom;
use crate::i18n::{t, Lang};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    /// The query string of the page as it is now (`?lang=…&scenario=…`), for the link to copy.
    pub link: AttrValue,
    pub on_lang: Callback<Lang>,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let copy_status = use_state(|| None::<&'static str>);
    let on_copy = {
        let link = dom::link_for(&props.link);
        let copy_status = copy_status.clone();
        Callback::from(move |_| {
            let link = link.clone();
            let copy_status = copy_status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = dom::copy(&link).await;
                copy_status.set(Some(if ok { "copied" } else { "copy_failed" }));
            });
        })
    };
    let on_lang = props.on_lang.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Lang::ALL
            .into_iter()
            .find(|l| l.tag() == select.value())
            .unwrap_or(Lang::En)
    });
    html! {
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
    }
}
