//! A labelled input with its error beside it: the pattern every setting uses, so labelling,
//! `aria-invalid` and the error text are right everywhere at once.

use super::Ctx;
use crate::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The setting's JSON path, also the key of its errors.
    pub path: &'static str,
    pub label: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    /// Options (value, text) make it a select instead of a text box.
    #[prop_or_default]
    pub options: Option<Vec<(String, String)>>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// The DOM id of a setting's control, stable for tests and labels.
pub fn field_id(path: &str) -> String {
    format!("f-{}", path.replace(['.', '_'], "-"))
}

#[function_component]
pub fn Field(props: &FieldProps) -> Html {
    // Outside the app (no context) there is nothing to show, rather than a panic.
    let Some(state) = use_context::<Ctx>() else {
        return html! {};
    };
    let id = field_id(props.path);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let value = state.draft.get(props.path).to_string();
    let error = state.error_at(props.path);
    let path = props.path;
    let described = match (&error, &props.hint) {
        (Some(_), Some(_)) => Some(format!("{error_id} {hint_id}")),
        (Some(_), None) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        (None, None) => None,
    };
    let invalid = if error.is_some() { "true" } else { "false" };
    let control = match &props.options {
        Some(options) => {
            let dispatcher = state.dispatcher();
            let onchange = Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                dispatcher.dispatch(Action::Set(path, select.value()));
            });
            html! {
                <select id={id.clone()} {onchange} aria-invalid={invalid} aria-describedby={described}>
                    // An empty setting means the core's default, which is the first option.
                    { for options.iter().enumerate().map(|(i, (v, text))| html! {
                        <option value={v.clone()} selected={*v == value || (i == 0 && !options.iter().any(|(o, _)| *o == value))}>{ text }</option>
                    }) }
                </select>
            }
        }
        None => {
            let dispatcher = state.dispatcher();
            let oninput = Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                dispatcher.dispatch(Action::Set(path, input.value()));
            });
            html! {
                <input id={id.clone()} type="text" {value} {oninput} inputmode={props.inputmode.clone()}
                    placeholder={props.placeholder.clone()} autocomplete="off"
                    aria-invalid={invalid} aria-describedby={described} />
            }
        }
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={id}>{ props.label.clone() }</label>
            { control }
            if let Some(hint) = &props.hint { <small id={hint_id} class="hint">{ hint.clone() }</small> }
            if let Some(message) = error { <small id={error_id} class="error" role="alert">{ message }</small> }
        </div>
    }
}
