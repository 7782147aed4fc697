//! Finding a destination as people type it, on the mounted page: a country's name in the
//! page's language ("Allemagne"), a short form ("UK"), a whole number ("+49 30 1234567"), and
//! the sheet's rows named in the page's language.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_web::{mount_with_query, url, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// India and Kenya (Rest of Africa).
const LINK_JSON: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000},{"country":"KE","marketing":10}]}"#;

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

struct Page {
    root: Element,
}

impl Page {
    async fn open(lang: Lang) -> Page {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        std::mem::forget(mount_with_query(
            root.clone(),
            &url::scenario_query(LINK_JSON),
            lang,
        ));
        settle().await;
        Page { root }
    }

    fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let found = self.root.query_selector_all(selector).unwrap();
        (0..found.length())
            .filter_map(|i| found.item(i))
            .map(|node| node.text_content().unwrap_or_default())
            .collect()
    }

    async fn type_into(&self, selector: &str, text: &str) {
        let input: HtmlInputElement = self.find(selector).dyn_into().unwrap();
        input.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        settle().await;
    }

    async fn press_enter(&self, selector: &str) {
        let init = KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.find(selector).dispatch_event(&event).unwrap();
        settle().await;
    }

    /// Types `query` into the picker and returns its suggestions' names, then adds the first.
    async fn pick(&self, query: &str) -> Vec<String> {
        self.type_into("#dest-search", query).await;
        let names = self.texts("#dest-list .pick-name");
        self.press_enter("#dest-search").await;
        names
    }

    fn rows(&self) -> Vec<String> {
        self.texts(".sheet tbody th .dest")
    }
}

#[wasm_bindgen_test]
async fn allemagne_in_french_finds_germany_named_in_french() {
    let page = Page::open(Lang::Fr).await;
    assert_eq!(page.pick("Allemagne").await, ["Allemagne"]);
    assert_eq!(page.rows(), ["Inde (IN)", "Kenya (KE)", "Allemagne (DE)"]);
    // Kenya is billed in a region, named in French beside it.
    assert_eq!(
        page.texts(".sheet tbody th .market"),
        ["Inde", "Reste de l’Afrique", "Allemagne"]
    );
}

#[wasm_bindgen_test]
async fn uk_finds_the_united_kingdom_before_ukraine() {
    let page = Page::open(Lang::En).await;
    let names = page.pick("UK").await;
    assert_eq!(names[..2], ["United Kingdom", "Ukraine"]);
    assert_eq!(page.rows().last().unwrap(), "United Kingdom (GB)");
}

#[wasm_bindgen_test]
async fn a_whole_number_finds_its_country() {
    let page = Page::open(Lang::En).await;
    assert_eq!(page.pick("+49 30 1234567").await, ["Germany"]);
    assert_eq!(page.rows().last().unwrap(), "Germany (DE)");
    let page = Page::open(Lang::PtBr).await;
    assert_eq!(page.pick("Alemanha").await, ["Alemanha"]);
    assert_eq!(page.pick("EUA").await[..1], ["Estados Unidos"]);
}

#[wasm_bindgen_test]
async fn a_country_is_offered_once_and_a_region_as_a_market() {
    let page = Page::open(Lang::Es).await;
    page.type_into("#dest-search", "Brasil").await;
    assert_eq!(page.texts("#dest-list li"), ["Brasil BR · +55"]);
    page.type_into("#dest-search", "Resto de Áf").await;
    assert_eq!(page.texts("#dest-list li"), ["Resto de ÁfricaMercado"]);
}
