//! The volume sheet: the destination picker, one row per destination (`SheetRow`), one column
//! per category, totals on both edges, and CSV import and export.

use super::picker::Picker;
use super::sheet_row::{SheetRow, SheetRowProps};
use crate::dom;
use crate::draft::{Dest, Line, COLUMNS};
use crate::engine::FieldError;
use crate::i18n::{count, t, Lang};
use crate::sheet_io::{
    check_file_size, describe, export_csv, SheetProblem, SheetProblemKind, SheetProblems, Source,
    Table,
};
use crate::state::Notice;
use crate::wording;
use std::rc::Rc;
use wacost_core::scenario::schema::List;
use wacost_core::scenario::{FieldPath, LineField};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub lang: Lang,
    pub lines: Rc<Vec<Line>>,
    /// The market table of the billing month: names, markets and the picker's choices.
    pub table: Table,
    /// The draft's problems; the sheet shows those of its lines.
    pub errors: Rc<Vec<FieldError>>,
    /// A count typed: (line id, column, text).
    pub on_count: Callback<(u32, LineField, String)>,
    /// A block pasted at a cell: (line id, column, text).
    pub on_paste: Callback<(u32, LineField, String)>,
    /// A line moved: (line id, -1 up or 1 down).
    pub on_move: Callback<(u32, i32)>,
    pub on_remove: Callback<u32>,
    pub on_add: Callback<Dest>,
    /// A CSV file's text to import.
    pub on_import: Callback<String>,
    /// A file refused before it is read.
    pub on_notify: Callback<Notice>,
}

/// A cell's count for the totals, read as the language writes it; text that is not a count
/// adds nothing (and is marked).
fn counted(text: &str, lang: Lang) -> u64 {
    wacost_core::count::read(text, lang.locale()).unwrap_or(0)
}

#[function_component]
pub fn Sheet(props: &SheetProps) -> Html {
    let lang = props.lang;
    let lines = &props.lines;
    let list_error = props
        .errors
        .iter()
        .find(|e| e.path == FieldPath::top(List::Lines.spec().name))
        .map(|e| wording::field_problem(lang, &e.kind));
    html! {
        <section class="card sheet" aria-labelledby="sheet-title">
            <h2 id="sheet-title">{ t(lang, "volumes") }</h2>
            <Picker {lang} table={props.table} on_add={props.on_add.clone()} />
            if let Some(message) = list_error {
                <p class="error" role="alert" data-wacost="lines-error">{ message }</p>
            }
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, "destination") }</th>
                            { for COLUMNS.iter().map(|c| html! { <th scope="col" class="num">{ t(lang, c.name()) }</th> }) }
                            <th scope="col" class="num">{ t(lang, "total") }</th>
                            <th scope="col"><span class="sr-only">{ t(lang, "actions") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        if lines.is_empty() {
                            <tr><td colspan="7" class="hint">{ t(lang, "no_lines") }</td></tr>
                        }
                        { for lines.iter().enumerate().map(|(at, line)| row(props, at, line)) }
                    </tbody>
                    <tfoot>{ totals(lang, lines) }</tfoot>
                </table>
            </div>
            <p class="hint">{ t(lang, "paste_hint") }</p>
            { toolbar(props) }
        </section>
    }
}

/// One row, with its name and market from the table and its own problems.
fn row(props: &SheetProps, at: usize, line: &Line) -> Html {
    let (name, market) = describe(props.table.0, &line.dest, props.lang.locale());
    let errors: Vec<FieldError> = props
        .errors
        .iter()
        .filter(|e| e.path.line_index() == Some(at))
        .cloned()
        .collect();
    let row = SheetRowProps {
        lang: props.lang,
        line: line.clone(),
        at,
        last: at + 1 == props.lines.len(),
        name: name.into(),
        market: market.into(),
        errors: Rc::new(errors),
        on_count: props.on_count.clone(),
        on_paste: props.on_paste.clone(),
        on_move: props.on_move.clone(),
        on_remove: props.on_remove.clone(),
    };
    html! { <SheetRow key={line.id} ..row /> }
}

/// The totals of each column and of the sheet, saturating rather than wrapping.
fn totals(lang: Lang, lines: &[Line]) -> Html {
    let mut columns = [0u64; 4];
    for line in lines {
        for (sum, text) in columns.iter_mut().zip(&line.counts) {
            *sum = sum.saturating_add(counted(text, lang));
        }
    }
    let grand = columns.iter().fold(0u64, |sum, n| sum.saturating_add(*n));
    html! {
        <tr>
            <th scope="row">{ t(lang, "total") }</th>
            { for columns.iter().map(|n| html! { <td class="num">{ count(lang, *n) }</td> }) }
            <td class="num" data-wacost="volume-total">{ count(lang, grand) }</td>
            <td></td>
        </tr>
    }
}

/// Import and export of the sheet as CSV.
fn toolbar(props: &SheetProps) -> Html {
    let lang = props.lang;
    let export = {
        let csv = export_csv(&props.lines);
        Callback::from(move |_| {
            let _ = dom::download("wacost-volumes.csv", "text/csv", &csv);
        })
    };
    let import = {
        let (on_import, on_notify) = (props.on_import.clone(), props.on_notify.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            // From the size alone: a file over the cap is never read into memory.
            if let Err(problems) = check_file_size(file.size() as u64) {
                return on_notify.emit(Notice::ImportRefused(problems));
            }
            let (on_import, on_notify) = (on_import.clone(), on_notify.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match dom::read_file(file).await {
                    Some(text) => on_import.emit(text),
                    None => {
                        let unreadable = SheetProblem::whole(SheetProblemKind::Unreadable);
                        let problems = SheetProblems::one(Source::File, unreadable);
                        on_notify.emit(Notice::ImportRefused(problems));
                    }
                }
            });
        })
    };
    html! {
        <div class="toolbar">
            <input id="csv-import" class="file-input" type="file" accept=".csv,text/csv" onchange={import} />
            <label class="button" for="csv-import">{ t(lang, "import_csv") }</label>
            <button type="button" onclick={export}>{ t(lang, "export_csv") }</button>
        </div>
    }
}
