//! The widget in a real browser: `wasm-pack test --headless --chrome widget`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gloo_events::EventListener;
use js_sys::Reflect;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn element(html_attributes: &[(&str, &str)]) -> Element {
    let document = gloo_utils::document();
    let element = document.create_element("div").unwrap();
    for (name, value) in html_attributes {
        element.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// Lets Yew's scheduler render and run effects.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(50).await;
}

#[wasm_bindgen_test]
async fn a_mounted_widget_sends_its_estimate_and_destroy_empties_it() {
    let host = element(&[
        ("data-wacost-widget", ""),
        ("data-countries", "IN,BR,GB"),
        ("data-month", "2026-11"),
        ("data-bsp-per-message", "0.005"),
    ]);
    let totals: Rc<RefCell<Vec<String>>> = Rc::default();
    let seen = totals.clone();
    // Listening on the document: the event must bubble out of the shadow root.
    let _listener = EventListener::new(&gloo_utils::document(), "wacost:estimate", move |event| {
        let detail = event.unchecked_ref::<CustomEvent>().detail();
        let total = Reflect::get(&detail, &"total".into()).unwrap();
        seen.borrow_mut().push(total.as_string().unwrap());
    });

    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    // 168.00 of Meta's charge + 6,000 charged messages x 0.005.
    assert_eq!(*totals.borrow(), ["198.00"]);
    let root = host.shadow_root().unwrap();
    let total = root.query_selector("[data-figure=total]").unwrap().unwrap();
    assert_eq!(total.text_content().unwrap(), "USD 198.00");
    assert!(handle.mounted());

    handle.destroy();
    assert!(!handle.mounted());
    assert_eq!(root.child_element_count(), 0);
    handle.destroy(); // twice is harmless
}

#[wasm_bindgen_test]
async fn bad_settings_are_shown_not_swallowed() {
    let host = element(&[("data-countries", "IN"), ("data-theme", "pink")]);
    let config = js_sys::JSON::parse(r#"{"countries": ["IN", "XYZ"], "lang": "de"}"#).unwrap();
    let handle = wacost_widget::mount(host.clone().into(), config).unwrap();
    settle().await;
    let text = host
        .shadow_root()
        .unwrap()
        .query_selector(".problems")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        text.contains("countries: \"XYZ\" is not an ISO 3166-1 alpha-2 country code"),
        "{text}"
    );
    assert!(
        text.contains("lang: \"de\" is not a supported language"),
        "{text}"
    );
    handle.destroy();

    let error = wacost_widget::mount(JsValue::from("#nope"), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(error.is_instance_of::<js_sys::TypeError>());
}
