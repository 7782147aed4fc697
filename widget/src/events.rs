//! The widget's outputs to the host page: a `wacost:estimate` event on the host element for
//! every new estimate, a `wacost:cta` event when the visitor presses the call-to-action, and
//! the latest scenario, kept per element for `wacost.scenario(element)`.
//! Raw web-sys: gloo-events listens to events but does not create or dispatch them.

use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

pub const ESTIMATE_EVENT: &str = "wacost:estimate";
pub const CTA_EVENT: &str = "wacost:cta";

thread_local! {
    /// Each mounted widget's last priced scenario (JSON text).
    static SCENARIOS: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `scenario` as `host`'s latest.
pub fn remember(host: &Element, scenario: &str) {
    SCENARIOS.with(|s| {
        let mut all = s.borrow_mut();
        all.retain(|(e, _)| e != host);
        all.push((host.clone(), scenario.to_string()));
    });
}

/// `host`'s latest priced scenario, as a plain object; `null` before the first.
pub fn scenario_of(host: &Element) -> JsValue {
    SCENARIOS.with(|s| {
        s.borrow()
            .iter()
            .find(|(e, _)| e == host)
            .and_then(|(_, json)| js_sys::JSON::parse(json).ok())
            .unwrap_or(JsValue::NULL)
    })
}

pub fn forget(host: &Element) {
    SCENARIOS.with(|s| s.borrow_mut().retain(|(e, _)| e != host));
}

/// Dispatches `name` with `detail`, bubbling and composed (a listener on `document` hears
/// every widget); whether no listener cancelled it.
fn dispatch(host: &Element, name: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(e) => {
            web_sys::console::error_2(&"wacost widget: cannot create the event".into(), &e);
            true
        }
    }
}

/// `wacost:estimate` with the Estimate (the CLI's JSON, parsed to a plain object) as `detail`.
pub fn dispatch_estimate(host: &Element, estimate_json: &str) {
    let detail = js_sys::JSON::parse(estimate_json).unwrap_or(JsValue::NULL);
    dispatch(host, ESTIMATE_EVENT, &detail, false);
}

/// `wacost:cta` with `{scenario, estimate}` (the scenario as the core reads it, the estimate as
/// `wacost:estimate` carries it); cancelable, so a host can keep the visitor on the page.
/// Whether the link may be followed.
pub fn dispatch_cta(host: &Element, scenario_json: &str, estimate_json: &str) -> bool {
    let detail = js_sys::Object::new();
    let parse = |json: &str| js_sys::JSON::parse(json).unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(&detail, &"scenario".into(), &parse(scenario_json));
    let _ = js_sys::Reflect::set(&detail, &"estimate".into(), &parse(estimate_json));
    dispatch(host, CTA_EVENT, &detail, true)
}
