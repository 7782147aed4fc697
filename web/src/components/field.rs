//! A labelled input with its error beside it: the pattern every setting uses, so labelling,
//! `aria-invalid` and the error text are right everywhere at once.

use wacost_core::scenario::Setting;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The setting the field edits; its id and its error follow from it.
    pub setting: Setting,
    pub label: AttrValue,
    /// The text as typed.
    pub value: AttrValue,
    /// The problem with it, worded.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    /// Options (value, text) make it a select instead of a text box.
    #[prop_or_default]
    pub options: Option<Vec<(String, String)>>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub on_change: Callback<String>,
}

/// The DOM id of a setting's control, stable for tests and labels: `f-bsp-markup`.
pub fn field_id(setting: Setting) -> String {
    format!("f-{}", setting.path_text().replace(['.', '_'], "-"))
}

#[function_component]
pub fn Field(props: &FieldProps) -> Html {
    let id = field_id(props.setting);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match (&props.error, &props.hint) {
        (Some(_), Some(_)) => Some(format!("{error_id} {hint_id}")),
        (Some(_), None) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        (None, None) => None,
    };
    let invalid = if props.error.is_some() {
        "true"
    } else {
        "false"
    };
    let value = &props.value;
    let control = match &props.options {
        Some(options) => {
            let onchange = props.on_change.reform(|e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                select.value()
            });
            html! {
                <select id={id.clone()} {onchange} aria-invalid={invalid} aria-describedby={described}>
                    // An empty setting means the core's default, which is the first option.
                    { for options.iter().enumerate().map(|(i, (v, text))| html! {
                        <option value={v.clone()} selected={v == value.as_str() || (i == 0 && !options.iter().any(|(o, _)| o == value.as_str()))}>{ text }</option>
                    }) }
                </select>
            }
        }
        None => {
            let oninput = props.on_change.reform(|e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                input.value()
            });
            html! {
                <input id={id.clone()} type="text" value={value.clone()} {oninput} inputmode={props.inputmode.clone()}
                    placeholder={props.placeholder.clone()} autocomplete="off"
                    aria-invalid={invalid} aria-describedby={described} />
            }
        }
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"))}>
            <label for={id}>{ props.label.clone() }</label>
            { control }
            if let Some(hint) = &props.hint { <small id={hint_id} class="hint">{ hint.clone() }</small> }
            if let Some(message) = &props.error { <small id={error_id} class="error" role="alert">{ message.clone() }</small> }
        </div>
    }
}
