//! The volume sheet: one row per destination, one column per category, totals on both edges.
//! Cells are plain text boxes so that a wrong value stays visible, marked, until fixed.

use super::picker::Picker;
use super::Ctx;
use crate::dom;
use crate::i18n::{count, t};
use crate::sheet_io::{check_file_size, describe, export_csv, table_for};
use crate::state::{Action, COLUMNS};
use wacost_core::scenario::{FieldPath, LineField};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement};
use yew::prelude::*;

/// A cell's count for the totals; text that is not a count adds nothing (and is marked).
fn parsed(text: &str) -> u64 {
    text.trim().parse().unwrap_or(0)
}

#[function_component]
pub fn Sheet() -> Html {
    // Outside the app (no context) there is nothing to show, rather than a panic.
    let Some(state) = use_context::<Ctx>() else {
        return html! {};
    };
    let lang = state.lang;
    let table = table_for(&state.draft);
    let lines = &state.draft.lines;
    let last = lines.len().saturating_sub(1);

    let mut column_totals = [0u64; 4];
    let rows = lines.iter().enumerate().map(|(at, line)| {
        let (name, market) = describe(table, &line.dest);
        let row_total: u64 = line.counts.iter().map(|c| parsed(c)).sum();
        for (sum, c) in column_totals.iter_mut().zip(&line.counts) {
            *sum += parsed(c);
        }
        let id = line.id;
        // The destination's problems, and those of fields the sheet has no column for.
        let line_errors = state.line_errors(at);
        let cells = COLUMNS.iter().zip(LineField::COUNTS).enumerate().map(|(column, (key, field))| {
            let error = state.error_at(&FieldPath::line_field(at, field));
            let cell_id = format!("cell-{at}-{key}");
            let dispatcher = state.dispatcher();
            let oninput = Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                dispatcher.dispatch(Action::SetCount { id, column, value: input.value() });
            });
            let dispatcher = state.dispatcher();
            let onpaste = Callback::from(move |e: Event| {
                let Some(e) = e.dyn_ref::<ClipboardEvent>() else { return };
                let text = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                if text.contains(['\t', '\n']) {
                    e.prevent_default();
                    dispatcher.dispatch(Action::Paste { id, column, text });
                }
            });
            let label = format!("{} · {}", t(lang, key), name);
            html! {
                <td class={classes!(error.is_some().then_some("invalid"))}>
                    <input id={cell_id.clone()} type="text" inputmode="numeric" aria-label={label}
                        value={line.counts[column].clone()} {oninput} {onpaste} autocomplete="off"
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.is_some().then(|| format!("{cell_id}-error"))} />
                    if let Some(message) = error { <small id={format!("{cell_id}-error")} class="error" role="alert">{ message }</small> }
                </td>
            }
        });
        let dispatcher = state.dispatcher();
        let up = Callback::from(move |_| dispatcher.dispatch(Action::MoveLine { id, delta: -1 }));
        let dispatcher = state.dispatcher();
        let down = Callback::from(move |_| dispatcher.dispatch(Action::MoveLine { id, delta: 1 }));
        let dispatcher = state.dispatcher();
        let remove = Callback::from(move |_| dispatcher.dispatch(Action::RemoveLine(id)));
        // A linked line the sheet cannot edit shows what it holds instead of cells.
        let (head, body) = match &line.raw {
            Some(raw) => (
                html! { <code class="raw">{ raw.to_string() }</code> },
                html! { <td colspan="4" class="hint raw-line">{ t(lang, "raw_line") }</td> },
            ),
            None => (
                html! {
                    <>
                        <span class="dest">{ &name }</span>
                        if market != name && !market.is_empty() { <span class="market">{ market }</span> }
                    </>
                },
                cells.collect::<Html>(),
            ),
        };
        html! {
            <tr key={id} class={classes!(line.raw.is_some().then_some("kept"))}>
                <th scope="row" class={classes!((!line_errors.is_empty()).then_some("invalid"))}>
                    { head }
                    { for line_errors.into_iter().map(|message| html! { <small class="error" role="alert">{ message }</small> }) }
                </th>
                { body }
                <td class="num">{ count(lang, row_total) }</td>
                <td class="row-actions">
                    <button type="button" class="icon" onclick={up} disabled={at == 0}
                        aria-label={format!("{} · {}", t(lang, "move_up"), name)} title={t(lang, "move_up").to_string()}>{ "↑" }</button>
                    <button type="button" class="icon" onclick={down} disabled={at == last}
                        aria-label={format!("{} · {}", t(lang, "move_down"), name)} title={t(lang, "move_down").to_string()}>{ "↓" }</button>
                    <button type="button" class="icon" onclick={remove}
                        aria-label={format!("{} · {}", t(lang, "remove"), name)} title={t(lang, "remove").to_string()}>{ "✕" }</button>
                </td>
            </tr>
        }
    }).collect::<Html>();
    let grand: u64 = column_totals.iter().sum();

    let export = {
        let csv = export_csv(&state.draft);
        Callback::from(move |_| {
            let _ = dom::download("wacost-volumes.csv", "text/csv", &csv);
        })
    };
    let import = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            // From the size alone: a file over the cap is never read into memory.
            if let Err(problem) = check_file_size(file.size() as u64) {
                dispatcher.dispatch(Action::Notify("csv_error", problem));
                return;
            }
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match dom::read_file(file).await {
                    Ok(text) => dispatcher.dispatch(Action::ImportCsv(text)),
                    Err(problem) => dispatcher.dispatch(Action::Notify("csv_error", problem)),
                }
            });
        })
    };

    html! {
        <section class="card sheet" aria-labelledby="sheet-title">
            <h2 id="sheet-title">{ t(lang, "volumes") }</h2>
            <Picker />
            if let Some(message) = state.error_at("lines") {
                <p class="error" role="alert" data-wacost="lines-error">{ format!("lines: {message}") }</p>
            }
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, "destination") }</th>
                            { for COLUMNS.iter().map(|c| html! { <th scope="col" class="num">{ t(lang, c) }</th> }) }
                            <th scope="col" class="num">{ t(lang, "total") }</th>
                            <th scope="col"><span class="sr-only">{ t(lang, "actions") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        if lines.is_empty() {
                            <tr><td colspan="7" class="hint">{ t(lang, "no_lines") }</td></tr>
                        }
                        { rows }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ t(lang, "total") }</th>
                            { for column_totals.iter().map(|n| html! { <td class="num">{ count(lang, *n) }</td> }) }
                            <td class="num" data-wacost="volume-total">{ count(lang, grand) }</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p class="hint">{ t(lang, "paste_hint") }</p>
            <div class="toolbar">
                <input id="csv-import" class="file-input" type="file" accept=".csv,text/csv" onchange={import} />
                <label class="button" for="csv-import">{ t(lang, "import_csv") }</label>
                <button type="button" onclick={export}>{ t(lang, "export_csv") }</button>
            </div>
        </section>
    }
}
