//! The calculator page's only part of "What changed between two cards": a button that fetches
//! the view's own wasm (`card_diff` bin) and mounts it here.

use crate::i18n::Lang;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Where the view mounts; `data-lang`, `data-currency` and `data-scenario` feed it.
pub const ROOT_ID: &str = "carddiff-root";

/// Trunk's output for the `card_diff` bin (`data-bindgen-target="web"`, not hashed).
const LOAD: &str =
    "return import('./card_diff.js').then(m => m.default({ module_or_path: './card_diff_bg.wasm' }))";

#[derive(Properties, PartialEq)]
pub struct CardDiffLinkProps {
    pub lang: Lang,
    pub currency: AttrValue,
    /// The sheet's scenario JSON, priced on both cards.
    pub scenario: AttrValue,
}

fn text(lang: Lang, intro: bool) -> &'static str {
    match (lang, intro) {
        (Lang::En, false) => "What changed between two cards",
        (Lang::Fr, false) => "Ce qui a changé entre deux grilles",
        (Lang::Es, false) => "Qué cambió entre dos tarifas",
        (Lang::PtBr, false) => "O que mudou entre duas tabelas",
        (Lang::En, true) => "Every rate old and new, the markets added or split, and what it does to your sheet.",
        (Lang::Fr, true) => "Chaque tarif avant et après, les marchés ajoutés ou scindés, et l'effet sur votre tableau.",
        (Lang::Es, true) => "Cada tarifa antes y después, los mercados añadidos o divididos, y el efecto en su hoja.",
        (Lang::PtBr, true) => "Cada tarifa antes e depois, os mercados adicionados ou divididos, e o efeito na sua planilha.",
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
pub fn CardDiffLink(props: &CardDiffLinkProps) -> Html {
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
        <section class="card carddiff" data-carddiff="link">
            if *state != State::Open {
                <button type="button" data-carddiff="open" onclick={open} disabled={*state == State::Loading}>{ text(lang, false) }</button>
                <span class="hint">{ " " }{ text(lang, true) }</span>
            }
            if *state == State::Failed {
                <p class="errors" role="alert">{ "card_diff.js / card_diff_bg.wasm" }</p>
            }
            <div id={ROOT_ID} data-lang={lang.tag()} data-currency={props.currency.clone()} data-scenario={props.scenario.clone()}></div>
        </section>
    }
}
