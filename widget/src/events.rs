//! The widget's one output to the host page: a `wacost:estimate` event on the host element.
//! Raw web-sys: gloo-events listens to events but does not create or dispatch them.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

pub const ESTIMATE_EVENT: &str = "wacost:estimate";

/// Dispatches `wacost:estimate` with the Estimate (the CLI's JSON, parsed to a plain object)
/// as `detail`. Bubbling and composed, so a listener on `document` hears every widget.
pub fn dispatch_estimate(host: &Element, estimate_json: &str) {
    let detail = js_sys::JSON::parse(estimate_json).unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    match CustomEvent::new_with_event_init_dict(ESTIMATE_EVENT, &init) {
        Ok(event) => {
            let _ = host.dispatch_event(&event);
        }
        Err(e) => web_sys::console::error_2(&"wacost widget: cannot create the event".into(), &e),
    }
}
