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
    assert_eq!(total.text_content().unwrap(), "$198.00");
    assert_eq!(total.get_attribute("data-value").unwrap(), "198.00");
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

fn shadow(host: &Element) -> web_sys::ShadowRoot {
    host.shadow_root().unwrap()
}

fn text(host: &Element, selector: &str) -> String {
    shadow(host)
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap()
}

fn type_into(host: &Element, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = shadow(host)
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn provider_settings_label_fees_show_rates_and_send_the_scenario_on_cta() {
    let host = element(&[
        ("data-countries", "IN,BR"),
        ("data-month", "2026-11"),
        ("data-bsp-per-message", "0.005"),
        ("data-bsp-per-message-on", "delivered"),
        ("data-fee-label", "Acme fees"),
        ("data-cta-label", "Start free trial"),
        ("data-show-rates", "true"),
    ]);
    let seen: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let sink = seen.clone();
    let _listener = EventListener::new(&host, "wacost:cta", move |event| {
        sink.borrow_mut()
            .push(event.unchecked_ref::<CustomEvent>().detail());
    });
    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    // IN 1,000 x 0.0118 + 1,000 x 0.0014 = 13.20; BR 62.50 + 6.80 = 69.30; 4,000 delivered
    // x 0.005 = 20.00.
    assert_eq!(text(&host, ".totals div:nth-child(2) dt"), "Acme fees");
    assert_eq!(text(&host, "[data-figure=bsp_fees]"), "$20.00");
    assert_eq!(text(&host, "[data-figure=total]"), "$102.50");
    assert_eq!(
        text(&host, ".breakdown .rates td"),
        "Marketing $0.0625 · Utility $0.0068 · Authentication $0.0068 · Service $0.0068 per message"
    );
    let marketing = shadow(&host)
        .query_selector("input[name='IN.marketing']")
        .unwrap()
        .unwrap();
    assert_eq!(
        marketing.get_attribute("aria-label").unwrap(),
        "Marketing · India"
    );

    let button: web_sys::HtmlElement = shadow(&host)
        .query_selector("button.cta")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(button.text_content().unwrap(), "Start free trial");
    button.click();
    let detail = seen.borrow().first().cloned().unwrap();
    let scenario = Reflect::get(&detail, &"scenario".into()).unwrap();
    let json = js_sys::JSON::stringify(&scenario)
        .unwrap()
        .as_string()
        .unwrap();
    assert!(json.contains(r#""per_message_on":"delivered""#), "{json}");
    assert!(
        json.contains(
            r#"{"authentication":0,"country":"IN","marketing":1000,"service":0,"utility":1000}"#
        ),
        "{json}"
    );
    let estimate = Reflect::get(&detail, &"estimate".into()).unwrap();
    assert_eq!(Reflect::get(&estimate, &"total".into()).unwrap(), "102.50");
    // The same scenario, asked for by the page (to prefill a sign-up form).
    let asked = js_sys::JSON::stringify(&handle.scenario())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(asked, json);
    let asked = wacost_widget::scenario_of(host.clone().into());
    assert_eq!(
        js_sys::JSON::stringify(&asked)
            .unwrap()
            .as_string()
            .unwrap(),
        json
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_invalid_cell_keeps_the_last_valid_totals_marked() {
    let host = element(&[
        ("data-countries", "IN"),
        ("data-month", "2026-11"),
        ("data-lang", "fr"),
    ]);
    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    assert_eq!(text(&host, "[data-figure=total]"), "13,20\u{a0}$US");
    type_into(&host, "input[name='IN.utility']", "12,5");
    settle().await;
    assert_eq!(text(&host, "[data-figure=total]"), "13,20\u{a0}$US");
    assert_eq!(
        text(&host, ".totals .total dt"),
        "Total par mois (dernier total valide)"
    );
    assert_eq!(
        text(&host, ".problems li"),
        "Inde · Utilitaire: « 12,5 » n'est pas un nombre entier de messages"
    );
    let estimate = shadow(&host).query_selector(".estimate").unwrap().unwrap();
    assert_eq!(estimate.get_attribute("data-stale").unwrap(), "true");
    type_into(&host, "input[name='IN.utility']", "2000");
    settle().await;
    // 11.80 + 2,000 x 0.0014.
    assert_eq!(text(&host, "[data-figure=total]"), "14,60\u{a0}$US");
    assert_eq!(estimate.get_attribute("data-stale").unwrap(), "false");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn visitors_add_countries_by_search_and_keep_them_when_mounted_again() {
    let host = element(&[
        ("data-countries", "*"),
        ("data-month", "2026-11"),
        ("data-lang", "pt-BR"),
    ]);
    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    assert_eq!(text(&host, ".row .name"), "Índia");
    type_into(&host, "input[name='add-country']", "+55");
    settle().await;
    let first: web_sys::HtmlElement = shadow(&host)
        .query_selector(".match")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(first.text_content().unwrap(), "Brasil (BR · +55)");
    first.click();
    settle().await;
    // India 13.20 + Brazil 69.30.
    assert_eq!(text(&host, "[data-figure=total]"), "US$\u{a0}82,50");
    let inputs = shadow(&host).query_selector_all(".row").unwrap().length();
    assert_eq!(inputs, 2);
    // Found by its name in the widget's language, without accents too.
    type_into(&host, "input[name='add-country']", "alemanha");
    settle().await;
    assert_eq!(text(&host, ".match"), "Alemanha (DE · +49)");

    // The host mounts the same element again: the visitor's countries stay.
    wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    assert_eq!(
        shadow(&host).query_selector_all(".row").unwrap().length(),
        2
    );
    assert_eq!(text(&host, "[data-figure=total]"), "US$\u{a0}82,50");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_accent_is_darkened_where_it_is_text() {
    let host = element(&[("data-countries", "IN"), ("data-month", "2026-11")]);
    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    let total = shadow(&host).query_selector(".total dd").unwrap().unwrap();
    let colour = web_sys::window()
        .unwrap()
        .get_computed_style(&total)
        .unwrap()
        .unwrap()
        .get_property_value("color")
        .unwrap();
    let rgb = wacost_widget::contrast::Rgb::parse_css(&colour).unwrap();
    let ratio = wacost_widget::contrast::ratio(rgb, wacost_widget::contrast::Rgb(255, 255, 255));
    assert!((4.5..4.7).contains(&ratio), "{colour} {ratio}");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_bad_provider_setting_is_named_with_its_value_in_the_widget_language() {
    let host = element(&[
        ("data-lang", "es"),
        ("data-bsp-per-message-on", "sent"),
        ("data-cta-href", "javascript:void(0)"),
    ]);
    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    assert_eq!(
        text(&host, ".problems p"),
        "Esta calculadora está mal configurada:"
    );
    assert_eq!(
        text(&host, ".problems li"),
        "data-cta-href: «javascript:void(0)» no es un enlace; use una dirección https: o mailto: o una ruta como /signup"
    );
    handle.destroy();
    let host = element(&[("data-lang", "es"), ("data-bsp-per-message-on", "sent")]);
    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    assert_eq!(
        text(&host, ".problems li"),
        "data-bsp-per-message-on: «sent» no es una de las opciones; use charged o delivered"
    );
    handle.destroy();
}

/// A setting the core refuses with a kind the widget has no words for (a month that is not
/// one) is said in the widget's language, the core's English going to the console; an
/// unknown currency is worded by the widget itself.
#[wasm_bindgen_test]
async fn a_setting_the_core_refuses_is_said_in_french_not_in_english() {
    let host = element(&[
        ("data-lang", "fr"),
        ("data-countries", "IN"),
        ("data-month", "2026-13"),
    ]);
    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    assert_eq!(
        text(&host, ".problems li"),
        "data-month: cette valeur ne peut pas être utilisée ; la console du navigateur dit pourquoi"
    );
    handle.destroy();
    let host = element(&[
        ("data-lang", "fr"),
        ("data-countries", "IN"),
        ("data-currency", "xyz"),
    ]);
    let handle = wacost_widget::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    let said = text(&host, ".problems li");
    assert!(
        said.starts_with(
            "data-currency: « XYZ » n'a pas de grille tarifaire ; utilisez l'une de USD,"
        ),
        "{said}"
    );
    handle.destroy();
}
