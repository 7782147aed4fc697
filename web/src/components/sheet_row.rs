//! One row of the volume sheet: the destination with its problems, four count cells as plain
//! text boxes (a wrong value stays visible, marked, until fixed), the row's total and its
//! actions. A linked line the sheet cannot edit shows what it holds instead of cells.

use crate::draft::{Line, COLUMNS};
use crate::engine::FieldError;
use crate::i18n::{count, t, Lang};
use crate::wording;
use std::rc::Rc;
use wacost_core::scenario::{FieldPath, LineField};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct SheetRowProps {
    pub lang: Lang,
    pub line: Line,
    /// The row's position (from 0), which the core's errors name.
    pub at: usize,
    /// Whether this is the last row (it cannot move down).
    pub last: bool,
    /// The destination's name ("India (IN)") and market.
    pub name: AttrValue,
    pub market: AttrValue,
    /// The problems of this line, its cells' included.
    pub errors: Rc<Vec<FieldError>>,
    pub on_count: Callback<(u32, LineField, String)>,
    pub on_paste: Callback<(u32, LineField, String)>,
    pub on_move: Callback<(u32, i32)>,
    pub on_remove: Callback<u32>,
}

#[function_component]
pub fn SheetRow(props: &SheetRowProps) -> Html {
    let lang = props.lang;
    let line = &props.line;
    let total = line.counts.iter().fold(0u64, |sum, text| {
        sum.saturating_add(wacost_core::count::read(text, lang.locale()).unwrap_or(0))
    });
    let row_errors = row_errors(props);
    let (head, body) = match &line.raw {
        Some(raw) => (
            html! { <code class="raw">{ raw.to_string() }</code> },
            html! { <td colspan="4" class="hint raw-line">{ t(lang, "raw_line") }</td> },
        ),
        None => (
            html! {
                <>
                    <span class="dest">{ props.name.clone() }</span>
                    if props.market != props.name && !props.market.is_empty() {
                        <span class="market">{ props.market.clone() }</span>
                    }
                </>
            },
            COLUMNS
                .iter()
                .map(|field| cell(props, *field))
                .collect::<Html>(),
        ),
    };
    let cell_errors = cell_errors(props);
    html! {
        <>
            <tr class={classes!(line.raw.is_some().then_some("kept"), (!cell_errors.is_empty()).then_some("has-cell-errors"))}>
                <th scope="row" class={classes!((!row_errors.is_empty()).then_some("invalid"))}>
                    { head }
                    { for row_errors.into_iter().map(|message| html! { <small class="error" role="alert">{ message }</small> }) }
                </th>
                { body }
                <td class="num">{ count(lang, total) }</td>
                { actions(props) }
            </tr>
            if !cell_errors.is_empty() {
                <tr class="cell-errors"><td colspan="7">{ for cell_errors }</td></tr>
            }
        </>
    }
}

/// The problems of the row's counts, on a line of their own under the row, each after its
/// column's name: said inside a count's narrow cell, a sentence ran down a word per line.
fn cell_errors(props: &SheetRowProps) -> Vec<Html> {
    let lang = props.lang;
    COLUMNS
        .iter()
        .filter_map(|&field| {
            let (text, message) = cell_problem(props, field)?;
            let cell_id = format!("cell-{}-{}", props.at, field.name());
            let column = wording::at(lang, t(lang, field.name()), "");
            Some(html! {
                <small class="error" role="alert" data-cell={cell_id.clone()} title={text}>
                    { column }<span id={format!("{cell_id}-error")}>{ message }</span>
                </small>
            })
        })
        .collect()
}

/// A count's text and its problem, if the core found one.
fn cell_problem(props: &SheetRowProps, field: LineField) -> Option<(String, String)> {
    let text = count_text(props, field);
    let path = FieldPath::line_field(props.at, field);
    let error = props.errors.iter().find(|e| e.path == path)?;
    let message = wording::typed_problem(props.lang, &error.kind, &text);
    Some((text, message))
}

/// The count of `field` as typed.
fn count_text(props: &SheetRowProps, field: LineField) -> String {
    crate::draft::column_of(field)
        .and_then(|c| props.line.counts.get(c))
        .cloned()
        .unwrap_or_default()
}

/// The row's problems but its counts' (said in their own cells): the line and its destination
/// by the sentence alone, a field the sheet has no column for by its name first.
fn row_errors(props: &SheetRowProps) -> Vec<String> {
    let lang = props.lang;
    props
        .errors
        .iter()
        .filter_map(|e| {
            let problem = wording::field_problem(lang, &e.kind);
            match e.path.line_field_of() {
                Some((_, LineField::Country | LineField::Market)) => Some(problem),
                Some(_) => None,
                None if e.path == FieldPath::line(props.at) => Some(problem),
                None => e
                    .path
                    .last_key()
                    .map(|field| wording::at(lang, field, &problem)),
            }
        })
        .collect()
}

/// One count cell: typed text, marked when it has a problem (said under the row), and a paste
/// that spreads a block.
fn cell(props: &SheetRowProps, field: LineField) -> Html {
    let (lang, id, at) = (props.lang, props.line.id, props.at);
    let text = count_text(props, field);
    let path = FieldPath::line_field(at, field);
    let invalid = props.errors.iter().any(|e| e.path == path);
    let cell_id = format!("cell-{at}-{}", field.name());
    let oninput = props.on_count.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (id, field, input.value())
    });
    let on_paste = props.on_paste.clone();
    let onpaste = Callback::from(move |e: Event| {
        let Some(e) = e.dyn_ref::<ClipboardEvent>() else {
            return;
        };
        let text = e
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        if text.contains(['\t', '\n']) {
            e.prevent_default();
            on_paste.emit((id, field, text));
        }
    });
    let label = format!("{} · {}", t(lang, field.name()), props.name);
    html! {
        <td class={classes!(invalid.then_some("invalid"))}>
            <input id={cell_id.clone()} type="text" inputmode="numeric" aria-label={label}
                value={text} {oninput} {onpaste} autocomplete="off"
                aria-invalid={invalid.to_string()}
                aria-describedby={invalid.then(|| format!("{cell_id}-error"))} />
        </td>
    }
}

/// Move up, move down, remove.
fn actions(props: &SheetRowProps) -> Html {
    let (lang, id, name) = (props.lang, props.line.id, &props.name);
    let button = |key: &str, symbol: &str, onclick: Callback<MouseEvent>, disabled: bool| {
        html! {
            <button type="button" class="icon" {onclick} {disabled}
                aria-label={format!("{} · {name}", t(lang, key))} title={t(lang, key).to_string()}>{ symbol.to_string() }</button>
        }
    };
    html! {
        <td class="row-actions">
            { button("move_up", "↑", props.on_move.reform(move |_| (id, -1)), props.at == 0) }
            { button("move_down", "↓", props.on_move.reform(move |_| (id, 1)), props.last) }
            { button("remove", "✕", props.on_remove.reform(move |_| id), false) }
        </td>
    }
}
