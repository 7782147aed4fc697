//! The calculator page's only part of "Check a log": a button that fetches the view's own
//! wasm (`log_check` bin) and mounts it here. The view, its answer parsing and the biller
//! (in the `bill_worker` bin) are separate downloads, so the calculator's bundle stays small.

use crate::i18n::Lang;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Where the view mounts; `data-lang` tells it the page's language.
pub const ROOT_ID: &str = "logcheck-root";

/// Trunk's output for the `log_check` bin (`data-bindgen-target="web"`, not hashed).
const LOAD: &str =
    "return import('./log_check.js').then(m => m.default({ module_or_path: './log_check_bg.wasm' }))";

#[derive(Properties, PartialEq)]
pub struct LogCheckLinkProps {
    pub lang: Lang,
}

fn text(lang: Lang, intro: bool) -> &'static str {
    match (lang, intro) {
        (Lang::En, false) => "Check a log",
        (Lang::Fr, false) => "Vérifier un journal",
        (Lang::Es, false) => "Verificar un registro",
        (Lang::PtBr, false) => "Verificar um registro",
        (Lang::En, true) => "Bill a message log exactly, on this device.",
        (Lang::Fr, true) => "Facturez exactement un journal de messages, sur cet appareil.",
        (Lang::Es, true) => "Facture exactamente un registro de mensajes, en este dispositivo.",
        (Lang::PtBr, true) => "Fature exatamente um registro de mensagens, neste dispositivo.",
    }
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Closed,
    Loading,
    Open,
    Failed,
}

#[function_component]
pub fn LogCheckLink(props: &LogCheckLinkProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| State::Closed);
    let open = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.set(State::Loading);
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match js_sys::Function::new_no_args(LOAD).call0(&JsValue::NULL) {
                    Ok(p) => match p.dyn_into::<js_sys::Promise>() {
                        Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                        Err(_) => false,
                    },
                    Err(_) => false,
                };
                state.set(if loaded { State::Open } else { State::Failed });
            });
        })
    };
    html! {
        <section class="card logcheck" data-logcheck="link">
            if *state != State::Open {
                <button type="button" class="primary" data-logcheck="open" onclick={open} disabled={*state == State::Loading}>{ text(lang, false) }</button>
                <span class="hint">{ " " }{ text(lang, true) }</span>
            }
            if *state == State::Failed {
                <p class="errors" role="alert">{ "log_check.js / log_check_bg.wasm" }</p>
            }
            <div id={ROOT_ID} data-lang={lang.tag()}></div>
        </section>
    }
}
