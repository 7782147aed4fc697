//! Old versus new on the page: the answer under the totals, each model named in words on the
//! card of its time with its difference, the "same card for all" option and its link
//! parameter, the messages-per-conversation inputs beside the conversation models, and a
//! currency whose card cannot price the sheet. Figures checked against `wacost compare` on
//! the same scenario (USD cards of 2021-02-01, 2022-02-01, 2024-10-01, 2026-07-01 and
//! 2026-10-01).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_web::{mount_with_query, url, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// November 2026 (pmp-2026-10): IN 1000 marketing, 500 utility, 3350 service; BR 2000
/// marketing. 140.79 on the 2026-10-01 card; 137.50 under pmp-2025-07 on the 2026-07-01 card
/// (its last month's): the 2,350 service messages beyond 1,000 × 0.0014 = 3.29 is the switch.
const LINK_JSON: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000}]}"#;

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

fn fire(target: &web_sys::EventTarget, name: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

struct Page {
    root: Element,
}

impl Page {
    async fn open(query: &str, lang: Lang) -> Page {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        std::mem::forget(mount_with_query(root.clone(), query, lang));
        settle().await;
        Page { root }
    }

    fn get(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn find(&self, selector: &str) -> Element {
        self.get(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn attr(&self, selector: &str, name: &str) -> String {
        self.find(selector).get_attribute(name).unwrap_or_default()
    }

    /// The text, with the no-break spaces money is written with read as spaces.
    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .text_content()
            .unwrap_or_default()
            .replace(['\u{a0}', '\u{202f}'], " ")
    }

    fn model(&self, rules: &str) -> String {
        format!("[data-wacost=\"model-total\"][data-rules=\"{rules}\"]")
    }

    async fn click(&self, selector: &str) {
        let element: HtmlElement = self.find(selector).dyn_into().unwrap();
        element.click();
        settle().await;
    }

    async fn type_into(&self, selector: &str, text: &str) {
        let input: HtmlInputElement = self.find(selector).dyn_into().unwrap();
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
}

fn link() -> String {
    url::scenario_query(LINK_JSON)
}

#[wasm_bindgen_test]
async fn the_answer_comes_first_split_into_rules_and_card() {
    let page = Page::open(&link(), Lang::En).await;
    assert_eq!(page.attr("[data-wacost=\"answer\"]", "data-value"), "3.29");
    assert_eq!(
        page.text(".answer-sentence"),
        "This month costs $3.29 more than under the rules before 1 October 2026 (Per message, Jul 2025 – Sep 2026)."
    );
    assert_eq!(
        page.attr("[data-wacost=\"rule-effect\"]", "data-value"),
        "3.29"
    );
    assert_eq!(
        page.text("[data-wacost=\"rule-effect\"]"),
        "What the rules change, both on the USD 2026-10-01 card: +$3.29\
         Service: service messages beyond 1,000 per phone number are now charged (+$3.29)"
    );
    assert_eq!(
        page.attr("[data-wacost=\"card-effect\"]", "data-value"),
        "0.00"
    );
    // The answer sits in the results, right under the totals.
    let answer = page.find(".results .totals + .hint + [data-wacost=\"answer\"]");
    assert!(answer.is_connected());
}

#[wasm_bindgen_test]
async fn each_model_is_named_in_words_on_the_card_of_its_time() {
    let page = Page::open(&link(), Lang::En).await;
    let conversations = page.model("cbp-2023-06");
    assert_eq!(page.attr(&conversations, "data-value"), "145.80");
    assert_eq!(page.attr(&conversations, "data-rate-card"), "2024-10-01");
    assert_eq!(
        page.attr(&page.model("cbp-2022-02"), "data-value"),
        "105.2986"
    );
    assert_eq!(
        page.attr(&page.model("cbp-2022-02"), "data-rate-card"),
        "2022-02-01"
    );
    assert_eq!(
        page.attr(&page.model("pmp-2025-07"), "data-rate-card"),
        "2026-07-01"
    );
    assert_eq!(
        page.attr(&page.model("pmp-2026-10"), "data-value"),
        "140.79"
    );
    let row = "tr[data-rules=\"cbp-2023-06\"]";
    assert_eq!(
        page.text(&format!("{row} .model-name")),
        "Conversations by category, Jun 2023 – Oct 2024"
    );
    assert_eq!(page.text(&format!("{row} .code")), "cbp-2023-06");
    assert_eq!(
        page.text(&format!("{row} .card-used")),
        "the USD 2024-10-01 card, in force in the model's last month (Oct 2024)"
    );
    assert_eq!(
        page.attr(
            "tr[data-rules=\"pmp-2025-07\"] [data-wacost=\"model-difference\"]",
            "data-value"
        ),
        "-3.29"
    );
    assert_eq!(
        page.text("tr[data-rules=\"pmp-2025-07\"] .difference"),
        "-$3.29"
    );
    // The test that priced Mexico only is one line saying what is missing.
    assert_eq!(
        page.text("tr[data-rules=\"mx-2021-02\"] [data-wacost=\"model-unpriced\"]"),
        "Cannot be priced: the test priced conversations to Mexico only, and the sheet has India and Brazil."
    );
    assert!(page.get(&page.model("mx-2021-02")).is_none());
}

#[wasm_bindgen_test]
async fn same_card_for_all_is_an_option_and_travels_in_the_link() {
    let page = Page::open(&link(), Lang::En).await;
    page.click("#cards-same").await;
    let conversations = page.model("cbp-2023-06");
    assert_eq!(page.attr(&conversations, "data-rate-card"), "2026-10-01");
    assert_eq!(page.attr(&conversations, "data-value"), "140.79");
    assert!(page
        .text("tr[data-rules=\"cbp-2022-02\"] [data-wacost=\"model-unpriced\"]")
        .starts_with(
            "Cannot be priced: the USD 2026-10-01 card lacks any business-initiated rate"
        ));
    // The estimate is the same: only the comparison changed.
    assert_eq!(
        page.attr("[data-wacost=\"meta-total\"]", "data-value"),
        "140.79"
    );
    // A link with `cards=same` opens in that mode.
    let linked = Page::open(&format!("{}&cards=same", link()), Lang::En).await;
    let checked: HtmlInputElement = linked.find("#cards-same").dyn_into().unwrap();
    assert!(checked.checked());
    assert_eq!(
        linked.attr(&linked.model("cbp-2024-11"), "data-value"),
        "137.50"
    );
    assert_eq!(
        linked.attr(&linked.model("cbp-2024-11"), "data-rate-card"),
        "2026-10-01"
    );
}

#[wasm_bindgen_test]
async fn messages_per_conversation_are_typed_beside_the_conversation_models() {
    let page = Page::open(&link(), Lang::En).await;
    page.type_into(
        "[data-wacost=\"per-conversation\"] #f-per-conversation-marketing",
        "2",
    )
    .await;
    assert_eq!(
        page.attr(&page.model("cbp-2022-02"), "data-value"),
        "56.9118"
    );
    assert_eq!(page.attr(&page.model("cbp-2023-06"), "data-value"), "77.95");
    // The per-message models do not read it.
    assert_eq!(
        page.attr(&page.model("pmp-2026-10"), "data-value"),
        "140.79"
    );
}

#[wasm_bindgen_test]
async fn the_answer_and_the_models_in_french() {
    let page = Page::open(&link(), Lang::Fr).await;
    assert_eq!(
        page.text(".answer-sentence"),
        "Ce mois coûte 3,29 $US de plus que sous les règles d'avant le 1er octobre 2026 (Par message, juil. 2025 – sept. 2026)."
    );
    assert_eq!(
        page.text("tr[data-rules=\"cbp-2024-11\"] .model-name"),
        "Conversations, service gratuit, nov. 2024 – juin 2025"
    );
    assert_eq!(
        page.text("label[for=\"cards-same\"]"),
        "La même grille pour tous"
    );
}

#[wasm_bindgen_test]
async fn every_billing_currency_is_listed_and_another_currency_is_never_shown_as_current() {
    let page = Page::open(&link(), Lang::En).await;
    let select: HtmlSelectElement = page.find("#f-currency").dyn_into().unwrap();
    assert_eq!(select.length(), 16);
    let label = |value: &str| page.text(&format!("#f-currency option[value=\"{value}\"]"));
    assert_eq!(label("USD"), "USD — complete");
    assert_eq!(
        label("EUR"),
        "EUR — partial: lacks marketing, utility, authentication and service"
    );
    assert_eq!(label("AUD"), "AUD — no card this month");
    page.choose("#f-currency", "EUR").await;
    // The USD totals of before are not shown as the EUR estimate.
    assert!(page.get("[data-wacost=\"meta-total\"]").is_none());
    assert_eq!(
        page.text("[data-wacost=\"other-currency\"]"),
        "No EUR estimate yet: the USD totals are hidden until the sheet can be priced in EUR."
    );
    assert!(page.get("[data-wacost=\"answer\"]").is_none());
    // EUR's latest complete card (2026-07-01) has no service rate, which November 2026
    // charges: it is not offered; Meta's card is.
    assert!(page.get("[data-wacost=\"use-complete-card\"]").is_none());
    assert_eq!(
        page.text("[data-wacost=\"load-meta-card\"]"),
        "Load Meta's EUR card for the month"
    );
    page.click("[data-wacost=\"load-meta-card\"]").await;
    assert!(page.find("details.load-card").has_attribute("open"));
}

/// May 2026 (pmp-2025-07) in EUR: the 2026-04-01 card is partial (it prices India and Brazil);
/// the latest complete EUR card, 2026-07-01, is offered and prices the sheet: IN 1000 × 0.0099
/// + 500 × 0.0012, BR 2000 × 0.0518 = 114.10 (as `wacost estimate` with rate_card 2026-07-01).
#[wasm_bindgen_test]
async fn on_a_partial_card_the_latest_complete_card_is_an_explicit_choice() {
    let json = LINK_JSON
        .replace("2026-11", "2026-05")
        .replace("USD", "EUR");
    let page = Page::open(&url::scenario_query(&json), Lang::En).await;
    assert_eq!(
        page.text("#f-currency option[value=\"EUR\"]"),
        "EUR — partial: lacks marketing, utility and authentication"
    );
    assert_eq!(
        page.text("[data-wacost=\"use-complete-card\"]"),
        "Use the latest complete EUR card (2026-07-01)"
    );
    page.click("[data-wacost=\"use-complete-card\"]").await;
    assert_eq!(
        page.attr("[data-wacost=\"meta-total\"]", "data-value"),
        "114.10"
    );
    assert!(page.get("[data-wacost=\"currency-choices\"]").is_none());
}
