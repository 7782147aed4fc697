//! The embeddable wacost calculator. The loader script (`scripts/build-widget.sh` wraps the
//! wasm-bindgen glue into `wacost-widget.js`) calls `mountAll()` for every
//! `[data-wacost-widget]` element and exposes `mount(element, config)` as `window.wacost.mount`.
//!
//! Each widget lives in its own shadow root with its own stylesheet, so the host page's CSS
//! does not reach in and ours does not leak out; only the `--wacost-*` custom properties
//! (which inherit through the shadow boundary) theme it.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod accent;
mod app;
pub mod config;
pub mod contrast;
mod events;
pub mod i18n;
pub mod outcome;
mod picker;
pub mod places;

use app::{initial_counts, App, AppProps, Problems, ProblemsProps, Row};
use chrono::NaiveDate;
use config::{camel_case, language_of, Config, Source};
use outcome::{run, Target};
use places::Places;
use std::cell::RefCell;
use std::rc::Rc;
use wacost_core::scenario::Month;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

const STYLE: &str = include_str!("style.css");

enum Running {
    Calculator(AppHandle<App>),
    Problems(AppHandle<Problems>),
}

thread_local! {
    /// Every mounted widget, so a second mount on the same element replaces the first and
    /// `destroy` can find its app.
    static MOUNTED: RefCell<Vec<(Element, Running)>> = const { RefCell::new(Vec::new()) };
    /// The rows a visitor chose in each widget, so mounting it again (the host re-rendering
    /// its page) keeps them; `destroy()` forgets them.
    static CHOSEN: RefCell<Vec<(Element, Vec<Row>)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the visitor's rows of the widget in `host`.
fn remember_rows(host: &Element, rows: Vec<Row>) {
    CHOSEN.with(|c| {
        let mut all = c.borrow_mut();
        all.retain(|(e, _)| e != host);
        all.push((host.clone(), rows));
    });
}

/// The visitor's latest scenario in `element`'s widget (as the core's Scenario JSON reads,
/// e.g. to prefill a sign-up form); `null` before its first estimate or for a non-widget.
#[wasm_bindgen(js_name = scenarioOf)]
pub fn scenario_of(element: JsValue) -> JsValue {
    match element.dyn_into::<Element>() {
        Ok(element) => events::scenario_of(&element),
        Err(_) => JsValue::NULL,
    }
}

/// Adds the rate cards of `currency` from its bundle (`name`, the text the loader fetched from
/// beside the wasm) before a widget in that currency mounts; a currency already held is left
/// as it is. A bundle the core refuses is an error naming the file and line.
#[wasm_bindgen(js_name = addCurrencyData)]
pub fn add_currency_data(currency: &str, name: &str, text: &str) -> Result<(), JsValue> {
    wacost_core::add_currency_data(currency, name, text)
        .map(|_| ())
        .map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            js_sys::Error::new(&lines.join("\n")).into()
        })
}

/// What `wacost.mount` returns: `destroy()` unmounts the widget and empties its shadow root.
#[wasm_bindgen]
pub struct WidgetHandle {
    element: Element,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Unmounts the widget; calling it twice is harmless.
    pub fn destroy(&self) {
        unmount(&self.element);
        CHOSEN.with(|c| c.borrow_mut().retain(|(e, _)| e != &self.element));
    }

    /// The visitor's latest scenario (see `scenarioOf`).
    pub fn scenario(&self) -> JsValue {
        events::scenario_of(&self.element)
    }

    /// Whether this handle's widget is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        MOUNTED.with(|m| m.borrow().iter().any(|(e, _)| e == &self.element))
    }
}

/// Mounts a widget in `element`. `config` is an object of settings (`{countries: "IN,BR",
/// currency: "USD", bspPerMessage: 0.005, …}`, arrays allowed for `countries`); without it,
/// the element's `data-*` attributes are read.
#[wasm_bindgen]
pub fn mount(element: JsValue, config: JsValue) -> Result<WidgetHandle, JsValue> {
    let element: Element = element.dyn_into().map_err(|_| {
        JsValue::from(js_sys::TypeError::new(
            "wacost.mount: the first argument must be a DOM element",
        ))
    })?;
    let (entries, source) = if config.is_undefined() || config.is_null() {
        (attribute_entries(&element), Source::Attributes)
    } else if config.is_object() {
        (object_entries(&config), Source::Script)
    } else {
        return Err(js_sys::TypeError::new(
            "wacost.mount: the second argument must be a settings object (or omitted to read data-* attributes)",
        )
        .into());
    };
    mount_with(&element, &entries, source)?;
    Ok(WidgetHandle { element })
}

/// Mounts a widget in every `[data-wacost-widget]` element not mounted yet; returns how many.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() -> u32 {
    let Ok(found) = gloo_utils::document().query_selector_all("[data-wacost-widget]") else {
        return 0;
    };
    let mut count = 0;
    for i in 0..found.length() {
        let Some(element) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if MOUNTED.with(|m| m.borrow().iter().any(|(e, _)| e == &element)) {
            continue;
        }
        let entries = attribute_entries(&element);
        if mount_with(&element, &entries, Source::Attributes).is_ok() {
            count += 1;
        }
    }
    count
}

/// `data-foo-bar="x"` → `("fooBar", "x")`, for every `data-*` attribute.
fn attribute_entries(element: &Element) -> Vec<(String, String)> {
    element
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| {
            let key = name.strip_prefix("data-")?.to_string();
            Some((
                camel_case(&key),
                element.get_attribute(&name).unwrap_or_default(),
            ))
        })
        .collect()
}

/// A settings object's own properties as text: arrays joined with commas, numbers as JS
/// prints them (`0.005`).
fn object_entries(config: &JsValue) -> Vec<(String, String)> {
    js_sys::Object::entries(&js_sys::Object::from(config.clone()))
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let key = pair.get(0).as_string()?;
            let value = pair.get(1);
            let text = if let Some(text) = value.as_string() {
                text
            } else if js_sys::Array::is_array(&value) {
                String::from(js_sys::Array::from(&value).join(","))
            } else {
                js_sys::JSON::stringify(&value)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default()
            };
            Some((key, text))
        })
        .collect()
}

/// `YYYY-MM` of today in the visitor's calendar: the default month. The widget reads the
/// clock; the core says which billing month that is.
fn current_month() -> String {
    let now = js_sys::Date::new_0();
    let today = NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(NaiveDate::MIN);
    Month::of(today).to_string()
}

fn shadow_root(element: &Element) -> Result<ShadowRoot, JsValue> {
    if let Some(root) = element.shadow_root() {
        return Ok(root);
    }
    element
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| {
            js_sys::Error::new(&format!(
                "wacost widget: cannot attach a shadow root to <{}>; use a <div>",
                element.tag_name().to_ascii_lowercase()
            ))
            .into()
        })
}

/// Fresh shadow content: our stylesheet and an empty container for Yew.
fn prepare(root: &ShadowRoot) -> Result<Element, JsValue> {
    root.set_inner_html("");
    let document = gloo_utils::document();
    let style = document.create_element("style")?;
    style.set_text_content(Some(STYLE));
    root.append_child(&style)?;
    let container = document.create_element("div")?;
    container.set_class_name("wacost-root");
    root.append_child(&container)?;
    Ok(container)
}

fn mount_with(
    element: &Element,
    entries: &[(String, String)],
    source: Source,
) -> Result<(), JsValue> {
    unmount(element);
    let root = match shadow_root(element) {
        Ok(root) => root,
        Err(e) => {
            // Raw web-sys: one console call; gloo-console's macros add formatting the widget
            // does not need.
            web_sys::console::error_1(&e);
            element.set_text_content(Some(&e.as_string().unwrap_or_else(|| {
                "wacost widget: cannot attach a shadow root; use a <div>".into()
            })));
            return Err(e);
        }
    };
    let container = prepare(&root)?;
    let running = match checked(entries, source) {
        Ok((config, places)) => {
            let remembered = CHOSEN.with(|c| {
                c.borrow()
                    .iter()
                    .find(|(e, _)| e == element)
                    .map(|(_, rows)| rows.clone())
            });
            let rows = match remembered {
                Some(rows) if config.pick && !rows.is_empty() => rows,
                _ => config.countries.iter().map(|c| Row::new(c)).collect(),
            };
            Running::Calculator(
                yew::Renderer::<App>::with_root_and_props(
                    container,
                    AppProps {
                        config: Rc::new(config),
                        host: element.clone(),
                        places: Rc::new(places),
                        rows: Rc::new(rows),
                    },
                )
                .render(),
            )
        }
        Err((lang, problems)) => {
            let english: Vec<String> = problems
                .iter()
                .map(|(english, _)| english.clone())
                .collect();
            web_sys::console::error_2(
                &"wacost widget: bad settings, nothing is estimated:\n".into(),
                &english.join("\n").into(),
            );
            Running::Problems(
                yew::Renderer::<Problems>::with_root_and_props(
                    container,
                    ProblemsProps {
                        title: lang.texts().settings_problem.into(),
                        problems: Rc::new(problems.into_iter().map(|(_, shown)| shown).collect()),
                    },
                )
                .render(),
            )
        }
    };
    MOUNTED.with(|m| m.borrow_mut().push((element.clone(), running)));
    Ok(())
}

/// Every problem of a misconfigured widget: (in English for the console, in the widget's
/// language for the page).
type SetupProblems = Vec<(String, String)>;

/// Settings that parse and that the core accepts with the starting counts, with the month's
/// countries named in the widget's language; otherwise every problem, in words.
fn checked(
    entries: &[(String, String)],
    source: Source,
) -> Result<(Config, Places), (i18n::Lang, SetupProblems)> {
    let lang = language_of(entries);
    let config = Config::parse(entries, source, &current_month()).map_err(|errors| {
        let said = errors
            .iter()
            .map(|e| (e.to_string(), e.say(lang)))
            .collect();
        (lang, said)
    })?;
    if let Err(issues) = run(&config, &initial_counts(config.countries.len())) {
        let setup: SetupProblems = issues
            .iter()
            .filter(|i| !matches!(i.target, Target::Count { .. }))
            .map(|i| {
                let shown = i18n::setting_said(config.lang, i.kind.as_ref(), &i.message);
                match &i.target {
                    Target::Setting(name) => {
                        (format!("{name}: {}", i.message), format!("{name}: {shown}"))
                    }
                    _ => (i.message.clone(), shown),
                }
            })
            .collect();
        if !setup.is_empty() {
            return Err((lang, setup));
        }
    }
    let date = config
        .month
        .parse::<Month>()
        .ok()
        .and_then(Month::first_day)
        .unwrap_or(NaiveDate::MIN);
    let places = Places::of_month(config.lang, date);
    Ok((config, places))
}

fn unmount(element: &Element) {
    let running = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let at = mounted.iter().position(|(e, _)| e == element)?;
        Some(mounted.remove(at).1)
    });
    if let Some(running) = running {
        match running {
            Running::Calculator(handle) => handle.destroy(),
            Running::Problems(handle) => handle.destroy(),
        }
        if let Some(root) = element.shadow_root() {
            root.set_inner_html("");
        }
        events::forget(element);
    }
}
