//! The calculator page's only part of "Plan a year": a button that fetches the view's own wasm
//! (`plan_view` bin) and mounts it here, the draft's scenario JSON on the root for the view to
//! read, and the listener that takes an imported sheet back (`bridge`). The plan, the budget,
//! the savings and the analytics import are a separate download, so the first load stays small.

use super::bridge::{self, ROOT_ID};
use crate::i18n::Lang;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Trunk's output for the `plan_view` bin (`data-bindgen-target="web"`, not hashed).
const LOAD: &str =
    "return import('./plan_view.js').then(m => m.default({ module_or_path: './plan_view_bg.wasm' }))";

#[derive(Properties, PartialEq)]
pub struct PlanLinkProps {
    pub lang: Lang,
    /// The draft's scenario JSON.
    pub json: AttrValue,
    /// A sheet the user chose, in the view, to put in place of the draft.
    pub on_replace: Callback<String>,
}

fn text(lang: Lang, intro: bool) -> &'static str {
    match (lang, intro) {
        (Lang::En, false) => "Plan a year",
        (Lang::Fr, false) => "Planifier une année",
        (Lang::Es, false) => "Planificar un año",
        (Lang::PtBr, false) => "Planejar um ano",
        (Lang::En, true) => {
            "This sheet month by month as it grows, a budget, savings, and last month's analytics from Meta."
        }
        (Lang::Fr, true) => {
            "Cette feuille mois par mois avec sa croissance, un budget, des économies et les statistiques du mois dernier de Meta."
        }
        (Lang::Es, true) => {
            "Esta hoja mes a mes con su crecimiento, un presupuesto, ahorros y las estadísticas del mes pasado de Meta."
        }
        (Lang::PtBr, true) => {
            "Esta planilha mês a mês com seu crescimento, um orçamento, economias e as estatísticas do mês passado da Meta."
        }
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
pub fn PlanLink(props: &PlanLinkProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| State::Closed);
    let root = use_node_ref();
    {
        let (root, on_replace) = (root.clone(), props.on_replace.clone());
        use_effect_with(on_replace, move |on_replace| {
            let listener = root
                .cast::<web_sys::Element>()
                .map(|element| bridge::listen(&element, on_replace.clone()));
            move || drop(listener)
        });
    }
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
        <section class="card plan" data-plan="link">
            if *state != State::Open {
                <button type="button" class="primary" data-plan="open" onclick={open} disabled={*state == State::Loading}>{ text(lang, false) }</button>
                <span class="hint">{ " " }{ text(lang, true) }</span>
            }
            if *state == State::Failed {
                <p class="errors" role="alert">{ "plan_view.js / plan_view_bg.wasm" }</p>
            }
            <div id={ROOT_ID} ref={root} data-lang={lang.tag()} data-scenario={props.json.clone()}></div>
        </section>
    }
}
