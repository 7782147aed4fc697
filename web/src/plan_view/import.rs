//! Start from last month's usage: a `pricing_analytics` JSON file dropped or chosen, read by the
//! core's `analytics::import` into a sheet shown as the approximation it is (what was not
//! imported, Meta's cost beside wacost's). The user's sheet is replaced only when the user
//! confirms, and the replacement can be undone: the view keeps the sheet it replaced.

use super::money::amount;
use super::strings::s;
use super::wording::{import_note, import_problem, skip};
use crate::i18n::{count, t, Lang};
use std::rc::Rc;
use wacost_core::analytics::{self, Import, ImportErrorKind, ImportErrors, ImportOptions};
use wacost_core::line_category::LineCategory;
use wacost_core::percent::percent_text;
use wacost_core::scenario::Month;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Where the replacement stands.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Shown,
    Confirming,
    /// The sheet was replaced; the JSON of the one it replaced, for undo.
    Replaced(String),
    Restored,
}

/// The file's months, from the import or from the problem that asks to choose one.
fn months_of(answer: &Result<Import, ImportErrors>) -> Vec<String> {
    match answer {
        Ok(import) => import.months_in_file.clone(),
        Err(errors) => errors
            .0
            .iter()
            .find_map(|e| match &e.kind {
                ImportErrorKind::SeveralMonths { months }
                | ImportErrorKind::MonthNotInFile { months, .. } => Some(months.clone()),
                _ => None,
            })
            .unwrap_or_default(),
    }
}

/// Imports `text` for `month` (empty: the file's only month) in `currency`.
pub fn run(text: &str, month: &str, currency: &str) -> Result<Import, ImportErrors> {
    let options = ImportOptions {
        month: month.parse::<Month>().ok(),
        currency: if currency.trim().is_empty() {
            ImportOptions::default().currency
        } else {
            currency.trim().to_string()
        },
    };
    analytics::import(text, &options)
}

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub lang: Lang,
    /// The sheet's scenario JSON, kept to undo a replacement.
    pub sheet_json: AttrValue,
    /// The sheet's currency, the default for the account's.
    pub currency: AttrValue,
    pub on_replace: Callback<String>,
}

#[function_component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let lang = props.lang;
    let file = use_state(|| None::<(String, Rc<str>)>);
    let unreadable = use_state(|| false);
    let month = use_state(String::new);
    let currency = use_state(|| props.currency.to_string());
    let stage = use_state(|| Stage::Shown);
    let answer = use_memo(
        ((*file).clone(), (*month).clone(), (*currency).clone()),
        |(file, month, currency)| file.as_ref().map(|(_, text)| run(text, month, currency)),
    );
    let take = {
        let (file, unreadable, month, stage) = (
            file.clone(),
            unreadable.clone(),
            month.clone(),
            stage.clone(),
        );
        Callback::from(move |chosen: web_sys::File| {
            let (file, unreadable, month, stage) = (
                file.clone(),
                unreadable.clone(),
                month.clone(),
                stage.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let name = chosen.name();
                match crate::dom::read_file(chosen).await {
                    Some(text) => {
                        unreadable.set(false);
                        month.set(String::new());
                        stage.set(Stage::Shown);
                        file.set(Some((name, text.into())));
                    }
                    None => unreadable.set(true),
                }
            });
        })
    };
    let choose = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                take.emit(f);
            }
        })
    };
    let dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(f) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            take.emit(f);
        }
    });
    let on_month = {
        let (month, stage) = (month.clone(), stage.clone());
        Callback::from(move |e: Event| {
            month.set(e.target_unchecked_into::<HtmlSelectElement>().value());
            stage.set(Stage::Shown);
        })
    };
    let on_currency = {
        let currency = currency.clone();
        Callback::from(move |e: InputEvent| {
            currency.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let to_stage = |next: Stage| {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| stage.set(next.clone()))
    };
    let confirm = {
        let (stage, on_replace, sheet) = (
            stage.clone(),
            props.on_replace.clone(),
            props.sheet_json.to_string(),
        );
        let imported = match answer.as_ref() {
            Some(Ok(import)) => serde_json::to_string(&import.scenario).ok(),
            _ => None,
        };
        Callback::from(move |_: MouseEvent| {
            if let Some(json) = &imported {
                on_replace.emit(json.clone());
                stage.set(Stage::Replaced(sheet.clone()));
            }
        })
    };
    let undo = {
        let (stage, on_replace) = (stage.clone(), props.on_replace.clone());
        Callback::from(move |_: MouseEvent| {
            if let Stage::Replaced(previous) = &*stage {
                on_replace.emit(previous.clone());
                stage.set(Stage::Restored);
            }
        })
    };
    let months = answer.as_ref().as_ref().map(months_of).unwrap_or_default();
    html! {
        <section class="plan-section" data-plan="import" aria-labelledby="plan-import-title">
            <h3 id="plan-import-title">{ s(lang, "import") }</h3>
            <p class="hint">{ s(lang, "import_hint") }</p>
            <div class="plan-drop" ondragover={dragover} ondrop={drop}>
                <span>{ s(lang, "drop") }{ " " }</span>
                <input id="plan-import-file" class="file-input" type="file" accept=".json,application/json" onchange={choose} />
                <label for="plan-import-file" class="button">{ s(lang, "choose") }</label>
                if let Some((name, text)) = &*file {
                    <strong data-plan="import-file">{ name.clone() }{ " · " }{ count(lang, text.len() as u64) }{ " B" }</strong>
                }
            </div>
            if *unreadable {
                <p class="error" role="alert">{ s(lang, "unreadable") }</p>
            }
            <div class="grid">
                <div class="field">
                    <label for="plan-import-currency">{ s(lang, "currency") }</label>
                    <input type="text" id="plan-import-currency" value={(*currency).clone()} oninput={on_currency} />
                </div>
                if months.len() > 1 {
                    <div class="field">
                        <label for="plan-import-month">{ s(lang, "which_month") }</label>
                        <select id="plan-import-month" onchange={on_month}>
                            <option value="" selected={month.is_empty()}>{ s(lang, "pick_month") }</option>
                            { for months.iter().map(|m| html! { <option value={m.clone()} selected={*month == *m}>{ m.clone() }</option> }) }
                        </select>
                    </div>
                }
            </div>
            { match answer.as_ref() {
                Some(Err(errors)) => html! {
                    <ul class="errors" role="alert" data-plan="import-problems">
                        { for errors.0.iter().map(|e| html! { <li><code>{ e.at.to_string() }</code>{ ": " }{ import_problem(lang, &e.kind) }</li> }) }
                    </ul>
                },
                Some(Ok(import)) => html! {
                    <>
                        { imported(lang, import) }
                        { match &*stage {
                            Stage::Shown => html! {
                                <div class="toolbar"><button type="button" class="primary" data-plan="replace" onclick={to_stage(Stage::Confirming)}>{ s(lang, "replace") }</button></div>
                            },
                            Stage::Confirming => html! {
                                <div class="toolbar plan-confirm" role="alertdialog" aria-labelledby="plan-import-title">
                                    <button type="button" class="primary" data-plan="confirm" onclick={confirm}>{ s(lang, "confirm") }</button>
                                    <button type="button" onclick={to_stage(Stage::Shown)}>{ s(lang, "cancel") }</button>
                                </div>
                            },
                            Stage::Replaced(_) => html! {
                                <p class="plan-done" role="status">{ s(lang, "replaced") }{ " " }
                                    <button type="button" data-plan="undo" onclick={undo}>{ s(lang, "undo") }</button></p>
                            },
                            Stage::Restored => html! { <p class="plan-done" role="status">{ s(lang, "restored") }</p> },
                        } }
                    </>
                },
                None => html! {},
            } }
        </section>
    }
}

/// The imported sheet, what was left out, Meta's cost beside wacost's, and the notes.
fn imported(lang: Lang, import: &Import) -> Html {
    let sc = &import.scenario;
    let cur = sc.currency.as_str();
    let locale = lang.locale();
    html! {
        <div class="plan-imported" data-plan="imported" data-month={import.month.clone()}>
            <h4>{ s(lang, "imported") }{ " · " }{ import.month.clone() }</h4>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{ s(lang, "line") }</th>
                        { for LineCategory::ALL.iter().map(|c| html! { <th scope="col" class="num">{ s(lang, c.as_str()) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for sc.lines.iter().map(|l| html! {
                            <tr>
                                <th scope="row">{ l.country.as_deref().map(|iso| crate::place_names::country(lang, iso)).or_else(|| l.market.as_deref().map(|m| crate::place_names::market(lang, m))).unwrap_or_default() }</th>
                                { for LineCategory::ALL.iter().map(|c| html! { <td class="num">{ count(lang, c.of(l)) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <dl class="plan-facts">
                <div><dt>{ s(lang, "entry_point") }</dt><dd>{ percent_text(sc.entry_point, locale) }{ " %" }</dd></div>
                <div><dt>{ s(lang, "utility_in_window") }</dt><dd>{ percent_text(sc.utility_in_window, locale) }{ " %" }</dd></div>
                <div><dt>{ s(lang, "phone_numbers") }</dt><dd>{ count(lang, sc.phone_numbers) }</dd></div>
            </dl>
            if !import.not_imported.is_empty() {
                <h4>{ s(lang, "not_imported") }</h4>
                <div class="table-scroll">
                    <table data-plan="not-imported">
                        <thead><tr>
                            <th scope="col">{ s(lang, "pricing_category") }</th>
                            <th scope="col" class="num">{ s(lang, "volume") }</th>
                            <th scope="col" class="num">{ s(lang, "meta_cost") }</th>
                        </tr></thead>
                        <tbody>
                            { for import.not_imported.iter().map(|n| html! {
                                <tr>
                                    <th scope="row"><code>{ n.pricing_category.clone() }</code>
                                        <small class="hint plan-reason">{ s(lang, "reason") }{ ": " }{ skip(lang, n.reason) }</small></th>
                                    <td class="num">{ count(lang, n.volume) }</td>
                                    <td class="num">{ n.cost.map_or_else(|| html! { "—" }, |c| amount(lang, cur, c.value())) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if let Some(costs) = &import.costs {
                <h4>{ s(lang, "costs") }</h4>
                <div class="table-scroll">
                    <table data-plan="costs">
                        <thead><tr>
                            <th scope="col">{ s(lang, "market") }</th>
                            <th scope="col">{ s(lang, "category") }</th>
                            <th scope="col" class="num">{ s(lang, "volume") }</th>
                            <th scope="col" class="num">{ s(lang, "meta_cost") }</th>
                            <th scope="col" class="num">{ s(lang, "wacost") }</th>
                            <th scope="col" class="num">{ s(lang, "difference") }</th>
                        </tr></thead>
                        <tbody>
                            { for costs.rows.iter().map(|r| html! {
                                <tr>
                                    <th scope="row">{ crate::place_names::market(lang, &r.market) }</th>
                                    <td>{ t(lang, r.category.as_str()) }</td>
                                    <td class="num">{ count(lang, r.volume) }</td>
                                    <td class="num">{ amount(lang, cur, r.meta_cost.value()) }</td>
                                    <td class="num">{ amount(lang, cur, r.wacost.value()) }</td>
                                    <td class="num">{ amount(lang, cur, r.difference.value()) }</td>
                                </tr>
                            }) }
                        </tbody>
                        <tfoot><tr>
                            <th scope="row" colspan="3">{ s(lang, "all") }</th>
                            <td class="num" data-plan="meta-cost">{ amount(lang, cur, costs.meta_cost.value()) }</td>
                            <td class="num" data-plan="wacost-cost">{ amount(lang, cur, costs.wacost.value()) }</td>
                            <td class="num">{ amount(lang, cur, costs.difference.value()) }</td>
                        </tr></tfoot>
                    </table>
                </div>
            }
            <h4>{ s(lang, "notes") }</h4>
            <ul class="plan-notes" data-plan="import-notes">
                { for import.notes.iter().map(|n| html! { <li>{ import_note(lang, n) }</li> }) }
            </ul>
        </div>
    }
}
