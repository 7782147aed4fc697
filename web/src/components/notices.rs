//! What is said above the page until dismissed: a notice (a link that did not open, a paste,
//! an import or a card refused, rows added together), worded in the language shown; and the
//! offer of the sheet kept from the last visit.

use crate::dom;
use crate::i18n::{t, Lang};
use crate::sheet_io::SheetNote;
use crate::state::{Notice, Shared};
use crate::wording;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub notice: Shared<Notice>,
    pub on_dismiss: Callback<()>,
}

/// The notice's title and what it says, in `lang`.
fn worded(lang: Lang, notice: &Notice) -> (&'static str, Vec<String>) {
    match notice {
        Notice::BadLink(bad) => ("bad_link", vec![wording::link_problem(lang, &bad.problem)]),
        Notice::PasteRefused(problems) => ("paste_error", wording::sheet_problems(lang, problems)),
        Notice::ImportRefused(problems) => ("csv_error", wording::sheet_problems(lang, problems)),
        Notice::CardRefused(problem) => ("card_error", wording::card_problems(lang, problem)),
        Notice::Sheet(SheetNote { summed, replaced }) => match (summed, replaced) {
            (Some(summed), Some(replaced)) => (
                "sheet_summed_replaced",
                vec![format!("{summed}; {replaced}")],
            ),
            (Some(names), None) => ("sheet_summed", vec![names.clone()]),
            (None, Some(names)) => ("sheet_replaced", vec![names.clone()]),
            (None, None) => ("sheet_summed", Vec::new()),
        },
    }
}

#[function_component]
pub fn NoticeBar(props: &NoticeProps) -> Html {
    let lang = props.lang;
    let (title, lines) = worded(lang, &props.notice);
    let (first, rest) = match lines.split_first() {
        Some((first, rest)) => (first.clone(), rest),
        None => (String::new(), &[][..]),
    };
    let rescue = match &*props.notice {
        Notice::BadLink(bad) if !bad.rescue.is_empty() => Some(bad.rescue.clone()),
        _ => None,
    };
    html! {
        <div class="notice" role="alert" data-wacost="notice">
            <div class="notice-body">
                <p><strong>{ t(lang, title) }</strong>{ " " }{ first }</p>
                if !rest.is_empty() {
                    <ul>{ for rest.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                }
                if let Some(text) = rescue {
                    <LinkRescue {lang} {text} />
                }
            </div>
            <button type="button" onclick={props.on_dismiss.reform(|_| ())}>{ t(lang, "dismiss") }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RescueProps {
    lang: Lang,
    text: AttrValue,
}

/// The text of a link that could not be opened, read-only, to copy the numbers out of it.
#[function_component]
fn LinkRescue(props: &RescueProps) -> Html {
    let lang = props.lang;
    let status = use_state(|| None::<&'static str>);
    let on_copy = {
        let text = props.text.clone();
        let status = status.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = dom::copy(&text).await;
                status.set(Some(if ok { "text_copied" } else { "copy_failed" }));
            });
        })
    };
    html! {
        <>
            <label for="link-rescue">{ t(lang, "link_text") }</label>
            <textarea id="link-rescue" data-wacost="link-text" readonly=true rows="3"
                spellcheck="false" value={props.text.clone()} />
            <div class="notice-actions">
                <button type="button" onclick={on_copy}>{ t(lang, "copy_text") }</button>
                <span role="status">{ status.map(|k| t(lang, k).to_string()).unwrap_or_default() }</span>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct RestoreProps {
    pub lang: Lang,
    pub on_restore: Callback<()>,
    pub on_dismiss: Callback<()>,
}

/// "Your last sheet is kept in this browser": restore it, or leave the sheet on screen.
#[function_component]
pub fn RestoreOffer(props: &RestoreProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="notice offer" role="status" data-wacost="restore">
            <p>{ t(lang, "restore_offer") }</p>
            <div class="notice-actions">
                <button type="button" class="primary" onclick={props.on_restore.reform(|_| ())}>{ t(lang, "restore") }</button>
                <button type="button" onclick={props.on_dismiss.reform(|_| ())}>{ t(lang, "dismiss") }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CurrencyChangeProps {
    pub lang: Lang,
    /// The sheet's currency, in which the user's rates are.
    pub from: String,
    /// The currency the user chose.
    pub to: String,
    pub on_clear: Callback<()>,
    pub on_keep_rates: Callback<()>,
    pub on_stay: Callback<()>,
}

/// The user chose another currency while rates of their own are in the sheet: wacost never
/// converts, so it asks what those rates become before anything changes.
#[function_component]
pub fn CurrencyChange(props: &CurrencyChangeProps) -> Html {
    let lang = props.lang;
    let fill = |key: &str| {
        t(lang, key)
            .replace("{from}", &props.from)
            .replace("{to}", &props.to)
    };
    html! {
        <div class="notice offer" role="alertdialog" aria-labelledby="currency-change-text" data-wacost="currency-change">
            <p id="currency-change-text">{ fill("currency_change") }</p>
            <div class="notice-actions">
                <button type="button" class="primary" data-wacost="currency-clear" onclick={props.on_clear.reform(|_| ())}>{ fill("currency_clear") }</button>
                <button type="button" data-wacost="currency-keep-rates" onclick={props.on_keep_rates.reform(|_| ())}>{ fill("currency_keep_rates") }</button>
                <button type="button" data-wacost="currency-stay" onclick={props.on_stay.reform(|_| ())}>{ fill("currency_stay") }</button>
            </div>
        </div>
    }
}
