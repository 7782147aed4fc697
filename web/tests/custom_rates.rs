//! The user's own rates on the page: edit one rate and reset it, load a whole card (Meta's CSV
//! as published), refuse a broken card without touching the current rates, and complete a
//! partial 2022 card by hand. Figures are checked by hand against core/data/rates.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use wacost_core::{money::to_plain_string, Catalog};
use wacost_web::{mount_with_query, url, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// USD card of 2026-10-01: IN 1000 marketing × 0.0118 = 11.80; 500 utility × 0.0014 = 0.70;
/// 3350 service, first 1000 free, 2350 × 0.0014 = 3.29; BR 2000 marketing × 0.0625 = 125.00.
const LINK_JSON: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000}]}"#;

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

struct Page {
    root: Element,
}

impl Page {
    async fn open(json: &str) -> Page {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let query = url::scenario_query(json);
        std::mem::forget(mount_with_query(root.clone(), &query, Lang::En));
        settle().await;
        Page { root }
    }

    fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn exists(&self, selector: &str) -> bool {
        self.root.query_selector(selector).unwrap().is_some()
    }

    fn value(&self, hook: &str) -> String {
        self.find(&format!("[data-wacost=\"{hook}\"]"))
            .get_attribute("data-value")
            .unwrap_or_default()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    fn input(&self, selector: &str) -> String {
        self.find(selector)
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value()
    }

    /// Every market subtotal, as the page shows it in `data-value`.
    fn subtotals(&self) -> Vec<(String, String)> {
        let list = self.root.query_selector_all("[data-market]").unwrap();
        (0..list.length())
            .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
            .map(|e| {
                (
                    e.get_attribute("data-market").unwrap_or_default(),
                    e.get_attribute("data-value").unwrap_or_default(),
                )
            })
            .collect()
    }

    async fn type_into(&self, selector: &str, text: &str) {
        let input: HtmlInputElement = self.find(selector).dyn_into().unwrap();
        input.set_value(text);
        fire(&input, "input");
        settle().await;
    }

    async fn press_enter(&self, selector: &str) {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.find(selector).dispatch_event(&event).unwrap();
        settle().await;
    }

    async fn click(&self, selector: &str) {
        self.find(selector)
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        settle().await;
    }

    /// Pastes a card into the text box and presses Load.
    async fn load_card(&self, text: &str) {
        let area: HtmlTextAreaElement = self.find("#card-text").dyn_into().unwrap();
        area.set_value(text);
        fire(&area, "input");
        settle().await;
        self.click("#card-load").await;
    }
}

fn fire(target: &web_sys::EventTarget, name: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// The built-in USD card of 2026-10-01 written out as Meta publishes it: title lines, the
/// two-line `Authentication-International` header, `$` signs, `n/a` for cells it lacks.
fn meta_copy_of_builtin_card() -> String {
    let card = Catalog::builtin()
        .card("USD", NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())
        .unwrap();
    let mut text = String::from(
        "Cost per message in USD on the WhatsApp Business Platform, effective October 1, 2026\n\
         Learn more here: https://developers.facebook.com/docs/whatsapp/pricing\n\n\
         Market,Currency,Marketing,Utility,Authentication,\"Authentication-\nInternational\",Service\n",
    );
    for market in card.markets() {
        text.push_str(&format!("\"{market}\",USD"));
        for category in wacost_core::Category::ALL.into_iter().take(5) {
            match card.rate(market, category) {
                Some(rate) => text.push_str(&format!(",${}", to_plain_string(rate.rate, 0))),
                None => text.push_str(",n/a"),
            }
        }
        text.push('\n');
    }
    text.push_str("\n* Rates are per delivered message.\n");
    text
}

#[wasm_bindgen_test]
async fn an_edited_rate_reprices_is_marked_and_resets() {
    let page = Page::open(LINK_JSON).await;
    assert_eq!(page.value("meta-total"), "140.79");
    assert_eq!(page.input("#rate-india-marketing"), "0.0118");
    assert!(!page.exists("#rate-india-marketing-reset"));
    page.type_into("#rate-india-marketing", "0.02").await;
    // 1000 × 0.02 = 20.00 in place of 11.80: 140.79 + 8.20.
    assert_eq!(page.value("meta-total"), "148.99");
    let cell = page.find("#rate-india-marketing").parent_element().unwrap();
    assert!(cell
        .get_attribute("class")
        .unwrap_or_default()
        .contains("edited"));
    assert!(cell.text_content().unwrap().contains("edited"));
    assert!(page.text("#rates-reset-all").contains("(1)"));
    // The estimate says which figure rests on the user's rate.
    assert!(page.text(".breakdown").contains("custom rate"));
    page.click("#rate-india-marketing-reset").await;
    assert_eq!(page.value("meta-total"), "140.79");
    assert_eq!(page.input("#rate-india-marketing"), "0.0118");
    assert!(!page.exists("#rate-india-marketing-reset"));

    // Two edits, then reset all.
    page.type_into("#rate-india-marketing", "0.02").await;
    page.type_into("#rate-brazil-marketing", "0.05").await;
    // BR 2000 × 0.05 = 100.00 in place of 125.00: 148.99 - 25.00.
    assert_eq!(page.value("meta-total"), "123.99");
    page.click("#rates-reset-all").await;
    assert_eq!(page.value("meta-total"), "140.79");
}

#[wasm_bindgen_test]
async fn a_bad_rate_is_named_beside_its_cell_and_the_estimate_stays() {
    let page = Page::open(LINK_JSON).await;
    page.type_into("#rate-india-marketing", "0.0.2").await;
    let input = page.find("#rate-india-marketing");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(page.exists("#rate-india-marketing-error"));
    assert_eq!(page.value("meta-total"), "140.79");
    // A decimal comma is a decimal point: IN 1000 × 0.02 = 20.00 in place of 11.80.
    page.type_into("#rate-india-marketing", "0,02").await;
    assert!(!page.exists("#rate-india-marketing-error"));
    assert_eq!(page.value("meta-total"), "148.99");
}

#[wasm_bindgen_test]
async fn metas_csv_of_the_builtin_card_gives_the_same_estimate() {
    let page = Page::open(LINK_JSON).await;
    let before = page.subtotals();
    assert_eq!(before.len(), 2);
    page.load_card(&meta_copy_of_builtin_card()).await;
    assert!(!page.exists("[data-wacost=\"notice\"]"));
    assert_eq!(page.value("meta-total"), "140.79");
    assert_eq!(page.value("total"), "140.79");
    assert_eq!(page.subtotals(), before);
    // Every figure now rests on the user's card, and the page says so.
    let cell = page.find("#rate-india-marketing").parent_element().unwrap();
    assert!(cell
        .get_attribute("class")
        .unwrap_or_default()
        .contains("edited"));
    assert!(page.text(".breakdown").contains("custom rate"));
}

#[wasm_bindgen_test]
async fn a_broken_card_is_refused_with_its_line_and_nothing_changes() {
    let page = Page::open(LINK_JSON).await;
    page.type_into("#rate-india-marketing", "0.02").await;
    assert_eq!(page.value("meta-total"), "148.99");
    let head = "Market,Currency,Marketing,Utility,Authentication,\"Authentication-\nInternational\",Service\n";
    let cases = [
        (
            format!("{head}India,USD,$0.0118,0.0014,0.0014,n/a,0.0014\nAtlantis,USD,0.05,0.01,0.01,n/a,0.01\n"),
            "Line 4: “Atlantis” is not a market of Meta's table.",
        ),
        (
            format!("{head}India,USD,$0.01x8,0.0014,0.0014,n/a,0.0014\n"),
            "Line 3: marketing · “$0.01x8” is not a number.",
        ),
        (
            format!("{head}India,USD,$0.0118,0.0014,0.0014,n/a,0.0014\nindia,USD,0.05,0.01,0.01,n/a,0.01\n"),
            "Line 4: India · marketing is given twice.",
        ),
    ];
    for (text, expected) in cases {
        page.load_card(&text).await;
        let notice = page.text("[data-wacost=\"card-error\"]");
        assert!(notice.contains(expected), "{notice}");
        assert!(notice.contains("not loaded"), "{notice}");
        // The rates in place before stay, and so does the estimate.
        assert_eq!(page.value("meta-total"), "148.99");
        assert_eq!(page.input("#rate-india-marketing"), "0.02");
        assert_eq!(page.input("#rate-brazil-marketing"), "0.0625");
        assert!(page.text("#rates-reset-all").contains("(1)"));
    }
    // The bad number is named with the text as written.
    page.load_card(&format!(
        "{head}India,USD,$0.01x8,0.0014,0.0014,n/a,0.0014\n"
    ))
    .await;
    assert!(page.text("[data-wacost=\"card-error\"]").contains("0.01x8"));
}

#[wasm_bindgen_test]
async fn a_partial_2022_card_is_completed_by_hand() {
    // India alone is priced by the USD 2022-02-01 card (cbp-2022-02).
    let page = Page::open(
        r#"{"month":"2022-06","currency":"USD","lines":[{"country":"IN","marketing":1000,"service":500}]}"#,
    )
    .await;
    let note = page.text("[data-wacost=\"partial-card\"]");
    for market in [
        "Other",
        "Rest of Central & Eastern Europe",
        "Rest of Western Europe",
        "Rest of Middle East",
        "Rest of Latin America",
    ] {
        assert!(note.contains(market), "{note}");
    }
    // The 2022 card has business- and user-initiated rates only.
    assert_eq!(page.input("#rate-india-business_initiated"), "0.0066");
    assert!(!page.exists("#rate-india-marketing"));

    // Poland is in Rest of Central & Eastern Europe, which the card lacks.
    page.type_into("#dest-search", "+48").await;
    page.press_enter("#dest-search").await;
    page.type_into("#cell-1-marketing", "300").await;
    page.type_into("#cell-1-service", "200").await;
    let sheet = page.text(".sheet");
    assert!(
        sheet.contains("Rest of Central & Eastern Europe has no rates on the USD 2022-02-01 card"),
        "{sheet}"
    );
    let bi = "#rate-rest-of-central---eastern-europe-business_initiated";
    let ui = "#rate-rest-of-central---eastern-europe-user_initiated";
    assert_eq!(page.input(bi), "");
    page.type_into(bi, "0.09").await;
    page.type_into(ui, "0.05").await;
    assert!(!page.text(".sheet").contains("has no rates"));
    // 2000 conversations, the first 1000 free, shared in proportion: IN 500 BI × 0.0066 = 3.30,
    // 250 UI × 0.004 = 1.00; PL 150 BI × 0.09 = 13.50, 100 UI × 0.05 = 5.00.
    assert_eq!(page.value("meta-total"), "22.80");
}

/// Every market's table reads as text (no tab stops) until "Edit rates"; the settings show
/// the core's defaults as values, and an untouched default stays out of the link.
#[wasm_bindgen_test]
async fn every_market_reads_until_edit_rates_and_defaults_are_values() {
    let page = Page::open(LINK_JSON).await;
    // Nigeria is not on the sheet: in the full table, 0.0516 marketing on the 2026-10-01 card.
    let all = "[data-wacost=\"all-rates\"]";
    assert_eq!(
        page.find(all).get_attribute("data-editable").unwrap(),
        "false"
    );
    assert_eq!(
        page.root
            .query_selector_all(&format!("{all} input"))
            .unwrap()
            .length(),
        0
    );
    let published = Catalog::builtin()
        .card("USD", NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())
        .and_then(|c| c.rate("Nigeria", wacost_core::Category::Marketing))
        .map(|r| to_plain_string(r.rate, 0))
        .unwrap();
    assert_eq!(page.text("#rate-nigeria-marketing").trim(), published);
    page.click("#rates-edit").await;
    assert_eq!(
        page.find(all).get_attribute("data-editable").unwrap(),
        "true"
    );
    assert_eq!(page.input("#rate-nigeria-marketing"), published);
    assert!(!page.exists("#rates-edit"));
    // The core's defaults as values, not placeholders.
    assert_eq!(page.input("#f-phone-numbers"), "1");
    assert_eq!(page.input("#f-bsp-per-message"), "0");
    assert_eq!(page.input("#f-bsp-markup"), "0");
    assert_eq!(page.input("#f-wabas"), "1");
}
