//! The "Check a log" view: a file, optional settings, a progress bar while the worker bills,
//! then the bill by month, market and category, the other rules versions, warnings,
//! reconciliation, malformed rows and the detail CSV.

use super::bridge::{Bridge, Job, Msg};
use super::model::{MonthView, OutcomeView};
use super::strings::s;
use crate::i18n::{count, money, rate, Lang};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Rows of a long list shown on the page (the detail CSV has them all).
const SHOWN: usize = 100;

/// The rules versions a user can force, newest last (as `wacost bill --rules`).
const RULES: [&str; 6] = [
    "mx-2021-02",
    "cbp-2022-02",
    "cbp-2023-06",
    "cbp-2024-11",
    "pmp-2025-07",
    "pmp-2026-10",
];

#[derive(Properties, PartialEq)]
pub struct LogCheckProps {
    pub lang: Lang,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Starting,
    Running {
        sorting: bool,
        done: f64,
        total: f64,
    },
    Done {
        outcome: Rc<OutcomeView>,
        detail_url: Option<String>,
        ms: f64,
    },
    Failed(String),
}

/// The settings fields, sent as the settings JSON of `wacost bill --settings` (empty ones
/// left out, so the core's defaults apply and its messages name any bad field).
#[derive(Clone, PartialEq, Default)]
struct Form {
    timezone: String,
    currency: String,
    rules: String,
    rate_card: String,
    business_country: String,
    auth_international_from: String,
}

impl Form {
    fn json(&self) -> String {
        let mut map = serde_json::Map::new();
        for (key, value) in [
            ("timezone", &self.timezone),
            ("currency", &self.currency),
            ("rules", &self.rules),
            ("rate_card", &self.rate_card),
            ("business_country", &self.business_country),
            ("auth_international_from", &self.auth_international_from),
        ] {
            if !value.trim().is_empty() {
                map.insert(key.to_string(), value.trim().into());
            }
        }
        serde_json::Value::Object(map).to_string()
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

#[function_component]
pub fn LogCheck(props: &LogCheckProps) -> Html {
    let lang = props.lang;
    let file = use_state(|| None::<web_sys::File>);
    let form = use_state(Form::default);
    let skip = use_state(|| false);
    let want_detail = use_state(|| true);
    let compare = use_state(|| true);
    let status = use_state(|| Status::Idle);
    let bridge = use_mut_ref(|| None::<Bridge>);
    let started = use_mut_ref(|| 0.0f64);
    // The detail's object URL, revoked by gloo when the next run's replaces it.
    let last_url = use_mut_ref(|| None::<gloo_file::ObjectUrl>);

    let on_msg = {
        let status = status.clone();
        let started = started.clone();
        let last_url = last_url.clone();
        Callback::from(move |msg: Msg| match msg {
            Msg::Progress {
                sorting,
                done,
                total,
            } => status.set(Status::Running {
                sorting,
                done,
                total,
            }),
            Msg::Done { json, detail } => {
                let ms = now() - *started.borrow();
                let outcome =
                    serde_json::from_str::<OutcomeView>(&json).unwrap_or_else(|e| OutcomeView {
                        report: None,
                        errors: vec![format!("unreadable answer from the worker: {e}")],
                        malformed: false,
                        bad_rows: Vec::new(),
                        bad_count: 0,
                        alternates: Vec::new(),
                    });
                let url = detail.map(gloo_file::ObjectUrl::from);
                let detail_url = url.as_deref().map(str::to_string);
                *last_url.borrow_mut() = url;
                status.set(Status::Done {
                    outcome: Rc::new(outcome),
                    detail_url,
                    ms,
                });
            }
            Msg::Failed(e) => status.set(Status::Failed(e)),
        })
    };

    let choose = {
        let file = file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                file.set(Some(f));
            }
        })
    };
    let dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let drop = {
        let file = file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                file.set(Some(f));
            }
        })
    };
    let text_field = |key: &'static str,
                      id: &'static str,
                      placeholder: &'static str,
                      get: fn(&Form) -> &String,
                      set: fn(&mut Form, String)| {
        let form_handle = form.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*form_handle).clone();
            set(&mut next, input.value());
            form_handle.set(next);
        });
        html! {
            <div class="field">
                <label for={id}>{ s(lang, key) }</label>
                <input type="text" id={id} value={get(&form).clone()} {placeholder} {oninput} />
            </div>
        }
    };
    let on_rules = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            next.rules = select.value();
            form.set(next);
        })
    };
    let toggle = |handle: &UseStateHandle<bool>| {
        let handle = handle.clone();
        Callback::from(move |_: Event| handle.set(!*handle))
    };
    let run = {
        let (file, form, status, bridge, started) = (
            file.clone(),
            form.clone(),
            status.clone(),
            bridge.clone(),
            started.clone(),
        );
        let (skip, want_detail, compare) = (*skip, *want_detail, *compare);
        Callback::from(move |_: MouseEvent| {
            let Some(f) = (*file).clone() else {
                status.set(Status::Failed(s(lang, "no_file").to_string()));
                return;
            };
            if bridge.borrow().is_none() {
                match Bridge::spawn(on_msg.clone()) {
                    Ok(b) => *bridge.borrow_mut() = Some(b),
                    Err(e) => {
                        status.set(Status::Failed(format!("{} {e}", s(lang, "worker_failed"))));
                        return;
                    }
                }
            }
            *started.borrow_mut() = now();
            status.set(Status::Starting);
            if let Some(b) = bridge.borrow().as_ref() {
                b.run(Job {
                    file: f,
                    settings_json: form.json(),
                    skip_bad_rows: skip,
                    detail: want_detail,
                    compare,
                });
            }
        })
    };
    let cancel = {
        let (status, bridge) = (status.clone(), bridge.clone());
        Callback::from(move |_: MouseEvent| {
            // Stopping the worker is the only way to interrupt a synchronous run.
            bridge.borrow_mut().take();
            status.set(Status::Idle);
        })
    };
    let busy = matches!(*status, Status::Starting | Status::Running { .. });

    html! {
        <div class="logcheck-view" data-logcheck="view" role="region" aria-labelledby="logcheck-title">
            <h2 id="logcheck-title">{ s(lang, "open") }</h2>
            <p class="hint">{ s(lang, "intro") }</p>
            <div class="logcheck-drop" ondragover={dragover} ondrop={drop}>
                <span>{ s(lang, "drop") }{ " " }</span>
                <input id="logcheck-file" class="file-input" type="file" accept=".csv,text/csv" onchange={choose} />
                <label for="logcheck-file" class="button">{ s(lang, "choose") }</label>
                if let Some(f) = &*file {
                    <strong class="logcheck-file" data-logcheck="file">{ f.name() }{ " · " }{ count(lang, f.size() as u64) }{ " B" }</strong>
                }
                <p class="hint">{ s(lang, "format") }</p>
            </div>
            <fieldset>
                <legend>{ s(lang, "settings") }</legend>
                <div class="grid">
                    { text_field("timezone", "logcheck-tz", "UTC", |f| &f.timezone, |f, v| f.timezone = v) }
                    { text_field("currency", "logcheck-currency", "USD", |f| &f.currency, |f, v| f.currency = v) }
                    <div class="field">
                        <label for="logcheck-rules">{ s(lang, "rules") }</label>
                        <select id="logcheck-rules" onchange={on_rules}>
                            <option value="" selected={form.rules.is_empty()}>{ s(lang, "rules_auto") }</option>
                            { for RULES.iter().map(|r| html! { <option value={*r} selected={form.rules == *r}>{ *r }</option> }) }
                        </select>
                    </div>
                    { text_field("rate_card", "logcheck-card", "auto", |f| &f.rate_card, |f, v| f.rate_card = v) }
                    { text_field("business_country", "logcheck-country", "", |f| &f.business_country, |f, v| f.business_country = v) }
                    { text_field("auth_from", "logcheck-auth", "2026-10-01T00:00:00Z", |f| &f.auth_international_from, |f, v| f.auth_international_from = v) }
                </div>
                <div class="logcheck-checks">
                    <label class="field check"><input type="checkbox" id="logcheck-skip" checked={*skip} onchange={toggle(&skip)} />{ s(lang, "skip") }</label>
                    <label class="field check"><input type="checkbox" id="logcheck-detail" checked={*want_detail} onchange={toggle(&want_detail)} />{ s(lang, "want_detail") }</label>
                    <label class="field check"><input type="checkbox" id="logcheck-compare" checked={*compare} onchange={toggle(&compare)} />{ s(lang, "want_compare") }</label>
                </div>
            </fieldset>
            <div class="toolbar logcheck-actions">
                <button type="button" class="primary" data-logcheck="run" onclick={run} disabled={busy}>{ s(lang, "run") }</button>
                if busy {
                    <button type="button" onclick={cancel}>{ s(lang, "cancel") }</button>
                }
            </div>
            { status_view(lang, &status) }
        </div>
    }
}

fn status_view(lang: Lang, status: &Status) -> Html {
    match status {
        Status::Idle => html! {},
        Status::Starting => html! {
            <div class="logcheck-progress" role="status">
                <progress data-logcheck="progress" aria-label={s(lang, "loading")}></progress>
                <span>{ s(lang, "loading") }</span>
            </div>
        },
        Status::Running {
            sorting,
            done,
            total,
        } => {
            let label = s(lang, if *sorting { "sorting" } else { "reading" });
            let share = if *total > 0.0 { done / total } else { 0.0 };
            html! {
                <div class="logcheck-progress" role="status">
                    <progress data-logcheck="progress" max="1" value={share.to_string()} aria-label={label}></progress>
                    <span>{ label }{ format!(" · {:.0} %", share * 100.0) }</span>
                </div>
            }
        }
        Status::Failed(e) => html! {
            <div class="errors" role="alert" data-logcheck="error"><p>{ e }</p></div>
        },
        Status::Done {
            outcome,
            detail_url,
            ms,
        } => result_view(lang, outcome, detail_url.as_deref(), *ms),
    }
}

/// "N malformed rows: no bill", with the page's own remedy: the checkbox that skips them.
fn malformed_no_bill(lang: Lang, bad: u64) -> String {
    s(lang, "malformed_no_bill")
        .replace("{count}", &count(lang, bad))
        .replace("{skip}", s(lang, "skip"))
}

fn result_view(lang: Lang, o: &OutcomeView, detail_url: Option<&str>, ms: f64) -> Html {
    let bad = if o.bad_rows.is_empty() {
        html! {}
    } else {
        html! {
            <div class="logcheck-bad" data-logcheck="bad-rows">
                <h3>{ s(lang, "bad_rows") }{ format!(" ({})", count(lang, o.bad_count)) }</h3>
                if o.bad_count as usize > o.bad_rows.len().min(SHOWN) {
                    <p class="hint">{ format!("{} {}", s(lang, "listed_first"), o.bad_rows.len().min(SHOWN)) }</p>
                }
                <div class="logcheck-scroll">
                    <table>
                        <thead><tr><th>{ s(lang, "line") }</th><th>{ s(lang, "column") }</th><th>{ s(lang, "value") }</th><th>{ s(lang, "reason") }</th></tr></thead>
                        <tbody>
                            { for o.bad_rows.iter().take(SHOWN).map(|b| html! {
                                <tr><td class="num">{ b.line }</td><td><code>{ &b.column }</code></td><td><code>{ &b.value }</code></td><td>{ &b.reason }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </div>
        }
    };
    let Some(r) = &o.report else {
        return html! {
            <div data-logcheck="result">
                <div class="errors" role="alert" data-logcheck="error">
                    <strong>{ s(lang, "no_bill") }</strong>
                    <ul>
                        { for o.errors.iter().map(|e| html! { <li>{ e }</li> }) }
                        if o.malformed {
                            <li>{ malformed_no_bill(lang, o.bad_count) }</li>
                        }
                    </ul>
                </div>
                { bad }
            </div>
        };
    };
    let cur = r.currency.as_str();
    html! {
        <div data-logcheck="result" data-ms={format!("{ms:.0}")}>
            <p class="logcheck-total">
                { s(lang, "meta_total") }{ ": " }
                <strong data-logcheck="total" data-value={r.meta_total.clone()}>{ money(lang, cur, &r.meta_total) }</strong>
            </p>
            <p class="hint" data-logcheck="summary">
                { format!("{} {} · {} {} · {} · {} · {} · {} {:.1} s",
                    count(lang, r.rows), s(lang, "rows"), count(lang, r.outbound), s(lang, "outbound"),
                    r.currency, r.rules, r.rate_card, s(lang, "billed_in"), ms / 1000.0) }
            </p>
            if r.sorted_in_memory {
                <p class="note">{ s(lang, "sorted_note") }</p>
            }
            if let Some(url) = detail_url {
                <p><a class="button" href={url.to_string()} download="wacost-detail.csv" data-logcheck="detail">{ s(lang, "download") }</a></p>
            }
            { for r.months.iter().map(|m| month_view(lang, cur, m)) }
            if !o.alternates.is_empty() {
                <h3>{ s(lang, "versions") }</h3>
                <div class="logcheck-scroll">
                    <table data-logcheck="versions">
                        <thead><tr><th>{ s(lang, "version") }</th><th class="num">{ s(lang, "charged") }</th><th class="num">{ s(lang, "meta_total") }</th></tr></thead>
                        <tbody>
                            <tr class="current">
                                <td>{ &r.rules }{ " (" }{ s(lang, "this_run") }{ ")" }</td>
                                <td class="num">{ count(lang, r.months.iter().flat_map(|m| &m.markets).flat_map(|m| &m.categories).map(|c| c.charged).sum()) }</td>
                                <td class="num">{ money(lang, cur, &r.meta_total) }</td>
                            </tr>
                            { for o.alternates.iter().map(|a| html! {
                                <tr data-rules={a.rules.clone()}>
                                    <td>{ &a.rules }</td>
                                    <td class="num">{ count(lang, a.charged) }</td>
                                    <td class="num" data-value={a.meta_total.clone()}>{ money(lang, cur, &a.meta_total) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !r.warnings.is_empty() {
                <div class="note" data-logcheck="warnings">
                    <strong>{ s(lang, "warnings") }</strong>
                    <ul>{ for r.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </div>
            }
            if let Some(rec) = &r.reconciliation {
                <div data-logcheck="reconciliation">
                    <h3>{ s(lang, "recon") }</h3>
                    <p>{ format!("{} {}, {} {}", count(lang, rec.compared), s(lang, "compared"), count(lang, rec.differences), s(lang, "differ")) }</p>
                    if !rec.listed.is_empty() {
                        <div class="logcheck-scroll">
                            <table>
                                <thead><tr><th>{ s(lang, "line") }</th><th>{ s(lang, "time") }</th><th>{ s(lang, "user") }</th><th>{ s(lang, "ours") }</th><th>{ s(lang, "meta") }</th><th>{ s(lang, "rule") }</th></tr></thead>
                                <tbody>
                                    { for rec.listed.iter().take(SHOWN).map(|d| html! {
                                        <tr><td class="num">{ d.line }</td><td>{ &d.time }</td><td>{ &d.user }</td><td>{ d.ours.label() }</td><td>{ d.meta.label() }</td><td>{ &d.rule }</td></tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    }
                </div>
            }
            { bad }
        </div>
    }
}

fn month_view(lang: Lang, cur: &str, m: &MonthView) -> Html {
    let mut notes = Vec::new();
    for (n, key) in [
        (m.failed, "failed"),
        (m.undeliverable, "undeliverable"),
        (m.unpriceable, "unpriceable"),
    ] {
        if n > 0 {
            notes.push(format!("{} {}", count(lang, n), s(lang, key)));
        }
    }
    html! {
        <div class="logcheck-month" data-month={m.month.clone()}>
            <h3>
                { &m.month }{ " · " }{ money(lang, cur, &m.meta_total) }
                <span class="hint">{ format!(" · {} · {}", m.rules.join(", "), m.rate_cards.join(", ")) }</span>
            </h3>
            if !notes.is_empty() {
                <p class="hint">{ notes.join(" · ") }</p>
            }
            <div class="logcheck-scroll">
                <table>
                    <thead>
                        <tr>
                            <th>{ s(lang, "market") }</th><th>{ s(lang, "category") }</th>
                            <th class="num">{ s(lang, "delivered") }</th><th class="num">{ s(lang, "free_window") }</th>
                            <th class="num">{ s(lang, "free_entry") }</th><th class="num">{ s(lang, "free_allowance") }</th>
                            <th class="num">{ s(lang, "charged") }</th><th class="num">{ s(lang, "amount") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for m.markets.iter().flat_map(|market| market.categories.iter().map(move |c| (market, c))).map(|(market, c)| html! {
                            <tr>
                                <td>{ &market.market }</td>
                                <td>{ &c.category }</td>
                                <td class="num">{ count(lang, c.delivered) }</td>
                                <td class="num">{ count(lang, c.free.window) }</td>
                                <td class="num">{ count(lang, c.free.entry_point) }</td>
                                <td class="num">{ count(lang, c.free.allowance) }</td>
                                <td class="num">{ count(lang, c.charged) }</td>
                                <td class="num">
                                    { money(lang, cur, &c.amount) }
                                    { for c.bands.iter().filter(|b| b.count > 0).map(|b| html! {
                                        <span class="band">
                                            { b.tier.map(|t| format!("{} {t} · ", s(lang, "tier"))).unwrap_or_default() }
                                            { format!("{} × ", count(lang, b.count)) }{ rate(lang, cur, &b.rate) }
                                        </span>
                                    }) }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
