//! The "Check a log" view: a file, optional settings, a progress bar while the worker bills,
//! then the outcome (`result`). The view owns the run: it starts the worker, sends it the job
//! and turns its messages into the status shown.

use super::bridge::{Bridge, Job, Msg};
use super::model::{LogProblem, OutcomeView};
use super::result::{status_view, Failure, Status};
use super::strings::s;
use crate::i18n::{count, Lang};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

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

/// The settings fields, sent as the settings JSON of `wacost bill --settings` (empty ones
/// left out, so the core's defaults apply and its problems name any bad field), and what the
/// run should do besides billing.
#[derive(Clone, PartialEq)]
pub struct Form {
    timezone: String,
    currency: String,
    rules: String,
    rate_card: String,
    business_country: String,
    auth_international_from: String,
    skip_bad_rows: bool,
    detail: bool,
    compare: bool,
}

impl Default for Form {
    fn default() -> Form {
        Form {
            timezone: String::new(),
            currency: String::new(),
            rules: String::new(),
            rate_card: String::new(),
            business_country: String::new(),
            auth_international_from: String::new(),
            skip_bad_rows: false,
            detail: true,
            compare: true,
        }
    }
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

/// What a run keeps between the button and the worker's answer.
#[derive(Clone)]
struct Run {
    status: UseStateHandle<Status>,
    bridge: Rc<RefCell<Option<Bridge>>>,
    started: Rc<RefCell<f64>>,
    /// The detail's object URL, revoked by gloo when the next run's replaces it.
    detail_url: Rc<RefCell<Option<gloo_file::ObjectUrl>>>,
}

impl Run {
    /// The worker's messages as the status shown.
    fn on_message(&self) -> Callback<Msg> {
        let run = self.clone();
        Callback::from(move |msg: Msg| match msg {
            Msg::Progress {
                sorting,
                done,
                total,
            } => run.status.set(Status::Running {
                sorting,
                done,
                total,
            }),
            Msg::Done { json, detail } => run.done(&json, detail),
            Msg::Failed(detail) => run.status.set(Status::Failed(Failure::Worker(detail))),
        })
    }

    fn done(&self, json: &str, detail: Option<web_sys::Blob>) {
        let ms = now() - *self.started.borrow();
        let outcome = serde_json::from_str::<OutcomeView>(json).unwrap_or_else(|e| OutcomeView {
            report: None,
            errors: vec![LogProblem::Worker {
                detail: e.to_string(),
            }],
            malformed: false,
            bad_rows: Vec::new(),
            bad_count: 0,
            alternates: Vec::new(),
            warnings: Vec::new(),
        });
        let url = detail.map(gloo_file::ObjectUrl::from);
        let detail_url = url.as_deref().map(str::to_string);
        *self.detail_url.borrow_mut() = url;
        self.status.set(Status::Done {
            outcome: Rc::new(outcome),
            detail_url,
            ms,
        });
    }

    /// Starts the worker on first use and sends it the job.
    fn start(&self, file: Option<web_sys::File>, form: &Form) {
        let Some(file) = file else {
            return self.status.set(Status::Failed(Failure::NoFile));
        };
        if self.bridge.borrow().is_none() {
            match Bridge::spawn(self.on_message()) {
                Ok(b) => *self.bridge.borrow_mut() = Some(b),
                Err(e) => return self.status.set(Status::Failed(Failure::Worker(e))),
            }
        }
        *self.started.borrow_mut() = now();
        self.status.set(Status::Starting);
        if let Some(b) = self.bridge.borrow().as_ref() {
            b.run(Job {
                file,
                settings_json: form.json(),
                skip_bad_rows: form.skip_bad_rows,
                detail: form.detail,
                compare: form.compare,
            });
        }
    }

    /// Stopping the worker is the only way to interrupt a synchronous run.
    fn cancel(&self) {
        self.bridge.borrow_mut().take();
        self.status.set(Status::Idle);
    }
}

#[function_component]
pub fn LogCheck(props: &LogCheckProps) -> Html {
    let lang = props.lang;
    let file = use_state(|| None::<web_sys::File>);
    let form = use_state(Form::default);
    let run = Run {
        status: use_state(|| Status::Idle),
        bridge: use_mut_ref(|| None::<Bridge>),
        started: use_mut_ref(|| 0.0f64),
        detail_url: use_mut_ref(|| None::<gloo_file::ObjectUrl>),
    };
    let on_run = {
        let (run, file, form) = (run.clone(), file.clone(), form.clone());
        Callback::from(move |_: MouseEvent| run.start((*file).clone(), &form))
    };
    let on_cancel = {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run.cancel())
    };
    let busy = matches!(*run.status, Status::Starting | Status::Running { .. });
    // Opened below the calculator, the view would start off-screen: it is brought into view
    // and its heading takes the focus, so keyboard and screen-reader users land in it too.
    let title = use_node_ref();
    {
        let title = title.clone();
        use_effect_with((), move |_| {
            if let Some(heading) = title.cast::<web_sys::HtmlElement>() {
                heading.scroll_into_view_with_bool(true);
                let _ = heading.focus();
            }
        });
    }
    html! {
        <div class="logcheck-view" data-logcheck="view" role="region" aria-labelledby="logcheck-title">
            <h2 id="logcheck-title" tabindex="-1" ref={title}>{ s(lang, "open") }</h2>
            <p class="hint">{ s(lang, "intro") }</p>
            <FileDrop {lang} file={(*file).clone()} on_file={Callback::from(move |f| file.set(Some(f)))} />
            <RunSettings {lang} form={(*form).clone()} on_change={Callback::from(move |f| form.set(f))} />
            <div class="toolbar logcheck-actions">
                <button type="button" class="primary" data-logcheck="run" onclick={on_run} disabled={busy}>{ s(lang, "run") }</button>
                if busy {
                    <button type="button" onclick={on_cancel}>{ s(lang, "cancel") }</button>
                }
            </div>
            { status_view(lang, &run.status) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FileDropProps {
    lang: Lang,
    file: Option<web_sys::File>,
    on_file: Callback<web_sys::File>,
}

/// Where the log is dropped or chosen, with its name and size once it is.
#[function_component]
fn FileDrop(props: &FileDropProps) -> Html {
    let lang = props.lang;
    let choose = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|l| l.get(0)) {
                on_file.emit(file);
            }
        })
    };
    let dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let drop = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let dropped = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0));
            if let Some(file) = dropped {
                on_file.emit(file);
            }
        })
    };
    html! {
        <div class="logcheck-drop" ondragover={dragover} ondrop={drop}>
            <span>{ s(lang, "drop") }{ " " }</span>
            <input id="logcheck-file" class="file-input" type="file" accept=".csv,text/csv" onchange={choose} />
            <label for="logcheck-file" class="button">{ s(lang, "choose") }</label>
            if let Some(f) = &props.file {
                <strong class="logcheck-file" data-logcheck="file">{ f.name() }{ " · " }{ count(lang, f.size() as u64) }{ " B" }</strong>
            }
            <p class="hint">{ s(lang, "format") }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RunSettingsProps {
    lang: Lang,
    form: Form,
    on_change: Callback<Form>,
}

/// The billing settings and what the run should do besides billing.
#[function_component]
fn RunSettings(props: &RunSettingsProps) -> Html {
    let lang = props.lang;
    let form = &props.form;
    let change = |edit: fn(&mut Form, String)| {
        let (form, on_change) = (form.clone(), props.on_change.clone());
        move |value: String| {
            let mut next = form.clone();
            edit(&mut next, value);
            on_change.emit(next);
        }
    };
    let text_field = |key: &'static str,
                      id: &'static str,
                      placeholder: &'static str,
                      value: &String,
                      edit: fn(&mut Form, String)| {
        let change = change(edit);
        let oninput = Callback::from(move |e: InputEvent| {
            change(e.target_unchecked_into::<HtmlInputElement>().value())
        });
        html! {
            <div class="field">
                <label for={id}>{ s(lang, key) }</label>
                <input type="text" id={id} value={value.clone()} {placeholder} {oninput} />
            </div>
        }
    };
    let on_rules = {
        let change = change(|f, v| f.rules = v);
        Callback::from(move |e: Event| {
            change(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let check = |key: &'static str,
                 id: &'static str,
                 checked: bool,
                 edit: fn(&mut Form, String)| {
        let change = change(edit);
        let onchange = Callback::from(move |_: Event| change(String::new()));
        html! { <label class="field check"><input type="checkbox" {id} {checked} {onchange} />{ s(lang, key) }</label> }
    };
    html! {
        <fieldset>
            <legend>{ s(lang, "settings") }</legend>
            <div class="grid">
                { text_field("timezone", "logcheck-tz", "UTC", &form.timezone, |f, v| f.timezone = v) }
                { text_field("currency", "logcheck-currency", "USD", &form.currency, |f, v| f.currency = v) }
                <div class="field">
                    <label for="logcheck-rules">{ s(lang, "rules") }</label>
                    <select id="logcheck-rules" onchange={on_rules}>
                        <option value="" selected={form.rules.is_empty()}>{ s(lang, "rules_auto") }</option>
                        { for RULES.iter().map(|r| html! { <option value={*r} selected={form.rules == *r}>{ *r }</option> }) }
                    </select>
                </div>
                { text_field("rate_card", "logcheck-card", "auto", &form.rate_card, |f, v| f.rate_card = v) }
                { text_field("business_country", "logcheck-country", "", &form.business_country, |f, v| f.business_country = v) }
                { text_field("auth_from", "logcheck-auth", "2026-10-01T00:00:00Z", &form.auth_international_from, |f, v| f.auth_international_from = v) }
            </div>
            <div class="logcheck-checks">
                { check("skip", "logcheck-skip", form.skip_bad_rows, |f, _| f.skip_bad_rows = !f.skip_bad_rows) }
                { check("want_detail", "logcheck-detail", form.detail, |f, _| f.detail = !f.detail) }
                { check("want_compare", "logcheck-compare", form.compare, |f, _| f.compare = !f.compare) }
            </div>
        </fieldset>
    }
}
