//! The page in a real browser: mount it into a div, type into it as a user would, and read the
//! totals the page shows in `data-value`. Figures are checked by hand against the USD card of
//! 2026-10-01 (core/data/rates/2026-10-01_USD.csv).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_web::{mount_with_query, url, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    ClipboardEvent, ClipboardEventInit, DataTransfer, Element, Event, EventInit, HtmlInputElement,
    HtmlSelectElement, KeyboardEvent, KeyboardEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

/// IN 1000 marketing × 0.0118 = 11.80; 500 utility × 0.0014 = 0.70; 3350 service, first 1000
/// free, 2350 × 0.0014 = 3.29; BR 2000 marketing × 0.0625 = 125.00. Meta total 140.79.
const LINK_JSON: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000}]}"#;

/// Lets Yew's scheduler render (the results now draw every band of every ladder, and the
/// machine running the tests is shared: 20 ms was too short under load).
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(60).await;
}

struct Page {
    root: Element,
}

impl Page {
    async fn open(query: &str) -> Page {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        // The handle is leaked on purpose: the app lives as long as the test page.
        std::mem::forget(mount_with_query(root.clone(), query, Lang::En));
        settle().await;
        Page { root }
    }

    fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn value(&self, hook: &str) -> String {
        self.find(&format!("[data-wacost=\"{hook}\"]"))
            .get_attribute("data-value")
            .unwrap_or_default()
    }

    async fn type_into(&self, selector: &str, text: &str) {
        let input: HtmlInputElement = self.find(selector).dyn_into().unwrap();
        input.focus().unwrap();
        input.set_value(text);
        fire(&input, "input");
        settle().await;
    }

    async fn choose(&self, selector: &str, value: &str) {
        let select: HtmlSelectElement = self.find(selector).dyn_into().unwrap();
        select.set_value(value);
        fire(&select, "change");
        settle().await;
    }

    async fn press(&self, selector: &str, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.find(selector).dispatch_event(&event).unwrap();
        settle().await;
    }

    async fn click(&self, selector: &str) {
        let element: web_sys::HtmlElement = self.find(selector).dyn_into().unwrap();
        element.click();
        settle().await;
    }

    /// Pastes `text` into a cell as the browser does for a block copied from a spreadsheet.
    async fn paste(&self, selector: &str, text: &str) {
        let data = DataTransfer::new().unwrap();
        data.set_data("text/plain", text).unwrap();
        let init = ClipboardEventInit::new();
        init.set_clipboard_data(Some(&data));
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
        self.find(selector).dispatch_event(&event).unwrap();
        settle().await;
    }

    /// The number of destinations in the sheet.
    fn rows(&self) -> u32 {
        self.root
            .query_selector_all(".sheet tbody tr:not(.cell-errors)")
            .unwrap()
            .length()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }
}

fn fire(target: &web_sys::EventTarget, name: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn link() -> String {
    url::scenario_query(LINK_JSON)
}

#[wasm_bindgen_test]
async fn a_shared_link_shows_its_estimate() {
    let page = Page::open(&link()).await;
    assert_eq!(page.value("meta-total"), "140.79");
    assert_eq!(page.value("total"), "140.79");
    assert!(page.text("[data-wacost=\"meta-total\"]").contains("140.79"));
    // Padding is optional in the link.
    let padded = format!("{}==", link());
    let page = Page::open(&padded).await;
    assert_eq!(page.value("meta-total"), "140.79");
}

#[wasm_bindgen_test]
async fn adding_a_country_prices_it() {
    let page = Page::open(&link()).await;
    page.type_into("#dest-search", "+52").await;
    page.press("#dest-search", "Enter").await;
    // Mexico is the third row; 100 marketing × 0.0397 = 3.97.
    page.type_into("#cell-2-marketing", "100").await;
    assert_eq!(page.value("meta-total"), "144.76");
}

#[wasm_bindgen_test]
async fn changing_a_share_reprices() {
    let page = Page::open(&link()).await;
    page.type_into("#f-entry-point", "10").await;
    // 10 % of each category is free: IN 900 × 0.0118 = 10.62, 450 × 0.0014 = 0.63,
    // (3015 - 1000) × 0.0014 = 2.821; BR 1800 × 0.0625 = 112.50.
    assert_eq!(page.value("meta-total"), "126.571");
}

#[wasm_bindgen_test]
async fn switching_rules_reprices() {
    let page = Page::open(&link()).await;
    page.choose("#f-rules", "pmp-2025-07").await;
    // Service is free under pmp-2025-07: 140.79 - 3.29.
    assert_eq!(page.value("meta-total"), "137.50");
}

#[wasm_bindgen_test]
async fn a_bad_value_is_marked_and_the_last_estimate_stays() {
    let page = Page::open(&link()).await;
    page.type_into("#cell-0-utility", "12.5").await;
    let cell = page.find("#cell-0-utility");
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(page.text("#cell-0-utility-error").contains("12.5"));
    assert_eq!(page.value("meta-total"), "140.79");
    page.type_into("#f-bsp-markup", "10").await;
    assert_eq!(page.value("total"), "140.79");
    page.type_into("#cell-0-utility", "500").await;
    assert_eq!(
        page.find("#cell-0-utility")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false")
    );
    // 10 % markup on 140.79.
    assert_eq!(page.value("total"), "154.869");
}

#[wasm_bindgen_test]
async fn a_link_that_is_not_json_shows_a_message_its_text_and_the_default_scenario() {
    // "not json", base64url.
    let page = Page::open("?scenario=bm90IGpzb24").await;
    assert!(page
        .text("[data-wacost=\"notice\"]")
        .contains("The scenario in the link is not valid JSON (line 1, column 2)."));
    let rescue: web_sys::HtmlTextAreaElement =
        page.find("[data-wacost=\"link-text\"]").dyn_into().unwrap();
    assert_eq!(rescue.value(), "not json");
    assert!(rescue.read_only());
    assert!(!page.value("meta-total").is_empty());
    assert!(page.text("#sheet-title").contains("Messages per month"));
    // The default sheet: India, Brazil, the United Kingdom.
    assert_eq!(page.rows(), 3);
}

/// Five lines, one count that is no whole number.
const FIVE_LINES: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000},{"country":"GB","marketing":"12.5"},{"country":"MX","utility":200},{"market":"Rest of Africa","marketing":8000}]}"#;

#[wasm_bindgen_test]
async fn a_link_with_a_bad_value_opens_as_typed_with_the_error_beside_it() {
    let page = Page::open(&url::scenario_query(FIVE_LINES)).await;
    assert!(page
        .root
        .query_selector("[data-wacost=\"notice\"]")
        .unwrap()
        .is_none());
    assert_eq!(page.rows(), 5);
    let cell: HtmlInputElement = page.find("#cell-2-marketing").dyn_into().unwrap();
    assert_eq!(cell.value(), "12.5");
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        page.text("#cell-2-marketing-error"),
        "“12.5” is not a whole number: “.” marks decimals."
    );
    let africa: HtmlInputElement = page.find("#cell-4-marketing").dyn_into().unwrap();
    assert_eq!(africa.value(), "8000");
    assert!(page.text(".sheet tbody").contains("Rest of Africa"));
    assert!(page.text(".results").contains("No estimate yet"));
    // Correcting the value prices all five lines: the four of the first link (140.79 with
    // Mexico's 200 utility × 0.0085 = 1.70) plus GB 1500 × 0.0635 = 95.25 and Rest of
    // Africa 8000 × 0.0225 = 180.00.
    page.type_into("#cell-2-marketing", "1500").await;
    assert_eq!(page.value("meta-total"), "417.74");
}

#[wasm_bindgen_test]
async fn what_the_sheet_cannot_edit_is_shown_at_its_row() {
    let json = r#"{"month":"2026-11","lines":[{"country":"IN","marketting":5,"marketing":10},7]}"#;
    let page = Page::open(&url::scenario_query(json)).await;
    assert_eq!(page.rows(), 2);
    let india = page.text(".sheet tbody tr:nth-child(1) th");
    assert!(
        india.contains("marketting: Unknown field (the known ones: country, market, marketing, utility, authentication, service)."),
        "{india}"
    );
    let kept = page.text(".sheet tbody tr:nth-child(2)");
    assert!(kept.contains("7"), "{kept}");
    assert!(kept.contains("Expected a JSON object, not “7”."), "{kept}");
    assert!(kept.contains("The sheet cannot edit this line"), "{kept}");
    // Neither problem is listed again away from its row.
    assert!(page
        .root
        .query_selector(".results .errors")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn the_language_in_a_link_wins() {
    let query = format!("?lang=fr&{}", &link()[1..]);
    let page = Page::open(&query).await;
    assert!(page.text("#results-title").contains("Estimation"));
    let shown = page.text("[data-wacost=\"meta-total\"]");
    assert!(shown.contains("140,79"), "{shown}");
}

#[wasm_bindgen_test]
async fn the_language_can_be_switched() {
    let page = Page::open(&link()).await;
    page.choose("#lang-select", "fr").await;
    assert!(page.text("#results-title").contains("Estimation"));
    let shown = page.text("[data-wacost=\"meta-total\"]");
    assert!(shown.contains("140,79"), "{shown}");
    assert_eq!(page.value("meta-total"), "140.79");
}

/// The warnings follow the page's language: the core gives the facts, the page words them.
#[wasm_bindgen_test]
async fn warnings_are_in_the_page_language() {
    let json = r#"{"month":"2026-11","lines":[{"country":"US","marketing":1000},{"country":"IN","marketing":10},{"country":"US","marketing":2500}]}"#;
    let page = Page::open(&url::scenario_query(json)).await;
    let english = page.text(".warnings");
    assert!(english.contains("lines[0] and lines[2]: marketing templates to +1 United States numbers are not delivered"), "{english}");
    page.choose("#lang-select", "fr").await;
    let french = page.text(".warnings");
    assert!(french.contains("Lignes 1 et 3 : les modèles marketing vers des numéros +1 des États-Unis ne sont pas distribués"), "{french}");
    // 3,500 in the French grouping (a narrow no-break space), and the main driver in French.
    assert!(
        french.contains("3\u{202f}500") || french.contains("3\u{a0}500"),
        "{french}"
    );
    assert!(french.contains("représente"), "{french}");
    page.choose("#lang-select", "es").await;
    assert!(page
        .text(".warnings")
        .contains("Líneas 1 y 3: las plantillas de marketing"));
    page.choose("#lang-select", "pt-BR").await;
    assert!(page
        .text(".warnings")
        .contains("Linhas 1 e 3: modelos de marketing"));
}

#[wasm_bindgen_test]
async fn a_block_pasted_from_a_spreadsheet_fills_the_sheet() {
    let page = Page::open(&link()).await;
    // A first column of countries: India is updated, the United Kingdom is added.
    page.paste("#cell-0-marketing", "India\t1,000\t500\t0\t3350\nGB\t200\n")
        .await;
    let gb: HtmlInputElement = page.find("#cell-2-marketing").dyn_into().unwrap();
    assert_eq!(gb.value(), "200");
    // 200 × 0.0635 = 12.70 more.
    assert_eq!(page.value("meta-total"), "153.49");
    // Numbers only: filled from the cell pasted into, down and right.
    page.paste("#cell-1-utility", "10\t0\n").await;
    // Brazil 10 utility × 0.0068 = 0.068 more.
    assert_eq!(page.value("meta-total"), "153.558");
}

#[wasm_bindgen_test]
async fn a_pasted_header_is_read_and_repeated_rows_are_added_up_with_a_note() {
    let page = Page::open(&link()).await;
    // The export's header, then India twice: 600 + 400 = the 1000 already there.
    page.paste(
        "#cell-0-marketing",
        "destination\tmarketing\nIN\t600\nIndia\t400\n",
    )
    .await;
    let india: HtmlInputElement = page.find("#cell-0-marketing").dyn_into().unwrap();
    assert_eq!(india.value(), "1000");
    assert_eq!(page.value("meta-total"), "140.79");
    let notice = page.text("[data-wacost=\"notice\"]");
    assert!(
        notice.contains("Rows for the same destination were added together: India (IN) ×2"),
        "{notice}"
    );
}

/// Rates of one's own are in the sheet's currency: choosing another currency asks first, and
/// nothing changes until the user answers (wacost never converts).
#[wasm_bindgen_test]
async fn changing_the_currency_asks_what_becomes_of_the_users_rates() {
    let with_rate = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000}],"custom_rates":[{"market":"India","category":"marketing","rate":"0.02"}]}"#;
    let page = Page::open(&url::scenario_query(with_rate)).await;
    // 1000 × 0.02, the user's own rate.
    assert_eq!(page.value("meta-total"), "20.00");
    page.choose("#f-currency", "INR").await;
    assert!(page
        .text("[data-wacost=\"currency-change\"]")
        .contains("in USD"));
    let select: HtmlSelectElement = page.find("#f-currency").dyn_into().unwrap();
    assert_eq!(select.value(), "USD");
    assert_eq!(page.value("meta-total"), "20.00");
    page.click("[data-wacost=\"currency-stay\"]").await;
    assert!(page
        .root
        .query_selector("[data-wacost=\"currency-change\"]")
        .unwrap()
        .is_none());
    assert_eq!(page.value("meta-total"), "20.00");
    page.choose("#f-currency", "INR").await;
    page.click("[data-wacost=\"currency-clear\"]").await;
    let select: HtmlSelectElement = page.find("#f-currency").dyn_into().unwrap();
    assert_eq!(select.value(), "INR");
    // The INR card's own rate for India marketing: 1000 × 0.8631.
    assert_eq!(page.value("meta-total"), "863.10");
}

/// Without rates of one's own the currency changes at once.
#[wasm_bindgen_test]
async fn without_own_rates_the_currency_changes_at_once() {
    let page = Page::open(&link()).await;
    page.choose("#f-currency", "INR").await;
    assert!(page
        .root
        .query_selector("[data-wacost=\"currency-change\"]")
        .unwrap()
        .is_none());
    let select: HtmlSelectElement = page.find("#f-currency").dyn_into().unwrap();
    assert_eq!(select.value(), "INR");
}
