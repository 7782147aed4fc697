//! The page and the plan view talk through the element the view mounts in, so neither
//! imports the other's code: the page writes the draft's scenario JSON and its language as
//! attributes (the view watches them), and the view hands an imported sheet back as a DOM
//! event carrying the scenario JSON, which the page turns into one reducer action.

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// Where the view mounts.
pub const ROOT_ID: &str = "plan-root";
/// The page's language tag.
pub const LANG_ATTRIBUTE: &str = "data-lang";
/// The draft's scenario JSON, as the page prices it.
pub const SCENARIO_ATTRIBUTE: &str = "data-scenario";
/// The event whose `detail` is a scenario JSON to put in place of the sheet.
pub const REPLACE_EVENT: &str = "wacost-replace-sheet";

/// Asks the page to replace its sheet with `scenario_json` (the view has asked the user).
pub fn send_sheet(root: &web_sys::Element, scenario_json: &str) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(scenario_json));
    web_sys::CustomEvent::new_with_event_init_dict(REPLACE_EVENT, &init)
        .ok()
        .and_then(|event| root.dispatch_event(&event).ok())
        .unwrap_or(false)
}

/// Calls `on_sheet` with the scenario JSON of every sheet the view sends; dropping the
/// listener stops it.
pub fn listen(root: &web_sys::Element, on_sheet: Callback<String>) -> EventListener {
    EventListener::new(root, REPLACE_EVENT, move |event| {
        let json = event
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().as_string());
        if let Some(json) = json {
            on_sheet.emit(json);
        }
    })
}
