//! Issue 15 in a real browser: money to the cent with the exact figure kept, the provider's
//! fees part by part, percent fields, the whole tier ladder and its notes. Figures are worked
//! by hand from the USD card of 2026-10-01 (core/data/rates and core/data/tiers).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_web::{mount_with_query, url, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// BR 333 marketing × 0.0625 = 20.8125; 20,000 utility × 0.0068 (tier 1 of 1–250,000) =
/// 136.00. Meta's charge 156.8125, shown $156.81. Fees: 20,333 charged × 0.005 = 101.665,
/// 10 % markup = 15.68125, 2 numbers × 10 = 20, monthly 50: 187.34625.
const FEES_JSON: &str = r#"{"month":"2026-11","currency":"USD","phone_numbers":2,"bsp":{"per_message":"0.005","markup":"0.10","per_number":"10","monthly":"50"},"lines":[{"country":"BR","marketing":333,"utility":20000}]}"#;

/// India's authentication at the international rate: the business is in GB.
const AUTH_JSON: &str = r#"{"month":"2026-11","currency":"USD","auth_international":true,"business_country":"GB","lines":[{"country":"IN","authentication":1000}]}"#;

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(60).await;
}

struct Page {
    root: Element,
}

impl Page {
    async fn open(json: &str, lang: Lang) -> Page {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        std::mem::forget(mount_with_query(
            root.clone(),
            &url::scenario_query(json),
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

    fn exists(&self, selector: &str) -> bool {
        self.root.query_selector(selector).unwrap().is_some()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    fn attr(&self, selector: &str, name: &str) -> String {
        self.find(selector).get_attribute(name).unwrap_or_default()
    }

    fn input_value(&self, selector: &str) -> String {
        self.find(selector)
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value()
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
}

/// Spaces of either kind as `~`, so French figures read plainly in an assertion.
fn visible(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], "~")
}

#[wasm_bindgen_test]
async fn amounts_show_cents_and_keep_the_exact_figure() {
    let page = Page::open(FEES_JSON, Lang::En).await;
    let meta = "[data-wacost=\"meta-total\"]";
    assert_eq!(page.text(meta), "$156.81");
    assert_eq!(page.attr(meta, "data-value"), "156.8125");
    assert_eq!(page.attr(meta, "title"), "156.8125");
    // 156.8125 + 187.34625.
    assert_eq!(page.text("[data-wacost=\"total\"]"), "$344.16");
    assert_eq!(
        page.attr("[data-wacost=\"total\"]", "data-value"),
        "344.15875"
    );
    let french = Page::open(FEES_JSON, Lang::Fr).await;
    assert_eq!(visible(&french.text(meta)), "156,81~$US");
}

#[wasm_bindgen_test]
async fn provider_fees_are_shown_part_by_part() {
    let page = Page::open(FEES_JSON, Lang::En).await;
    let part = |name: &str| format!("[data-wacost=\"fee-parts\"] tr[data-part=\"{name}\"]");
    assert_eq!(
        page.text(&part("per-message")),
        "Per message: 20,333 charged × $0.0050$101.67"
    );
    assert_eq!(
        page.attr(&format!("{} .money", part("per-message")), "data-value"),
        "101.665"
    );
    assert_eq!(
        page.text(&part("markup")),
        "Markup: 10 % of Meta's charge ($156.81)$15.68"
    );
    assert_eq!(
        page.text(&part("per-number")),
        "Per phone number: 2 × $10.00$20.00"
    );
    assert_eq!(page.text(&part("monthly")), "Monthly fee$50.00");
}

#[wasm_bindgen_test]
async fn percent_fields_read_percents_and_the_link_keeps_fractions() {
    let page = Page::open(FEES_JSON, Lang::En).await;
    // The link's "0.10" opens as 10 %.
    assert_eq!(page.input_value("#f-bsp-markup"), "10");
    page.type_into("#f-bsp-markup", "20").await;
    // 20 % of 156.8125 = 31.3625; fees 101.665 + 31.3625 + 20 + 50 = 203.0275.
    assert_eq!(
        page.attr("[data-wacost=\"bsp-fees\"]", "data-value"),
        "203.0275"
    );
    page.type_into("#f-bsp-markup", "250 %").await;
    assert!(page
        .text("#f-bsp-markup-hint")
        .contains("A markup of 250 % is more than Meta's charge itself"));
    // A refused percent keeps the last estimate and says why at the field.
    page.type_into("#f-entry-point", "1,5").await;
    assert_eq!(
        page.attr("#f-entry-point", "aria-invalid"),
        "true",
        "1,5 is no percent in English"
    );
    assert!(page
        .text("#f-entry-point-error")
        .contains("groups digits by three"));
    assert!(page.attr(".results", "class").contains("stale"));
    let french = Page::open(FEES_JSON, Lang::Fr).await;
    french.type_into("#f-entry-point", "12,5").await;
    assert_eq!(french.input_value("#f-entry-point"), "12,5");
    assert_eq!(french.attr("#f-entry-point", "aria-invalid"), "false");
}

#[wasm_bindgen_test]
async fn the_whole_ladder_says_where_the_month_stands_and_what_the_next_tier_saves() {
    let page = Page::open(FEES_JSON, Lang::En).await;
    let ladder = ".ladder[data-ladder-market=\"Brazil\"][data-ladder-category=\"utility\"]";
    // Six bands, all shown; the first is "you are here".
    assert_eq!(
        page.root
            .query_selector_all(&format!("{ladder} .band"))
            .unwrap()
            .length(),
        6
    );
    assert!(page.exists(&format!("{ladder} .band.here:first-child")));
    assert_eq!(
        page.text(&format!("{ladder} [data-wacost=\"you-are-here\"]")),
        "You are here: 20,000 charged messages this month"
    );
    assert_eq!(
        page.text(&format!("{ladder} [data-wacost=\"until-next-tier\"]"))
            .trim(),
        "230,000 more messages until tier 2 starts (at message 250,001)"
    );
    // 0.0068 − 0.0065 = 0.0003 a message; tier 2's 1,750,000 messages save 525.00.
    assert_eq!(
        page.text(&format!("{ladder} [data-wacost=\"next-tier-saves\"]")).trim(),
        "Tier 2 costs $0.0003 less per message ($0.0065 each). Its 1,750,000 messages would save $525.00 against this tier's rate."
    );
    assert!(page
        .text("[data-wacost=\"tier-rule\"]")
        .contains("per business portfolio, market and calendar month"));
}

#[wasm_bindgen_test]
async fn the_international_authentication_rate_says_why() {
    let page = Page::open(AUTH_JSON, Lang::En).await;
    let note = page.text("[data-wacost=\"auth-international-note\"]");
    assert!(note.contains("1,000 message(s) at the authentication-international rate, $0.0304 each, 21.7 times the domestic $0.0014"), "{note}");
    let french = Page::open(AUTH_JSON, Lang::Fr).await;
    let note = visible(&french.text("[data-wacost=\"auth-international-note\"]"));
    assert!(note.contains("1~000 message(s) au tarif d'authentification internationale, 0,0304~$US l'unité, 21,7 fois le tarif national de 0,0014~$US"), "{note}");
}

#[wasm_bindgen_test]
async fn a_skip_link_leads_to_the_estimate_and_the_estimate_exports() {
    let page = Page::open(FEES_JSON, Lang::En).await;
    assert_eq!(page.attr(".skip-link", "href"), "#estimate");
    assert!(page.exists("section#estimate"));
    assert_eq!(
        page.text("[data-wacost=\"export-estimate\"]"),
        "Export estimate (CSV)"
    );
}
