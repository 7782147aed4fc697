//! "Plan a year" in a real browser: the view mounted on a sheet, typed into as a user would;
//! every figure read from `data-value` is checked against the core (a month of the plan is the
//! estimate of that month's sheet) and, where it is quick, by hand against the USD cards.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rust_decimal::Decimal;
use wacost_core::budget::{budget, BudgetQuery};
use wacost_core::plan::{month_scenarios, PlanSettings};
use wacost_core::scenario::Scenario;
use wacost_web::plan_view::{PlanView, PlanViewProps};
use wacost_web::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// July 2026 (pmp-2025-07, service free) into the per-message rules of October 2026.
const SHEET: &str = r#"{"month":"2026-07","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350},{"country":"BR","marketing":2000}]}"#;

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

fn fire(target: &web_sys::EventTarget, name: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

struct View {
    root: Element,
}

impl View {
    async fn open(json: &str, lang: Lang) -> View {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = PlanViewProps {
            lang,
            scenario: json.to_string().into(),
            on_replace: yew::Callback::noop(),
        };
        std::mem::forget(
            yew::Renderer::<PlanView>::with_root_and_props(root.clone(), props).render(),
        );
        settle().await;
        View { root }
    }

    fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn value(&self, selector: &str) -> Decimal {
        self.find(&format!("{selector} [data-value]"))
            .get_attribute("data-value")
            .unwrap()
            .parse()
            .unwrap()
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

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }
}

fn settings(json: &str) -> PlanSettings {
    PlanSettings::from_value(&serde_json::from_str(json).unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn a_month_of_the_plan_is_the_estimate_of_that_months_sheet() {
    let view = View::open(SHEET, Lang::En).await;
    view.type_into("#plan-months", "6").await;
    view.type_into("#plan-growth", "10").await;
    let scenario = Scenario::from_json(SHEET).unwrap();
    let months =
        month_scenarios(&scenario, &settings(r#"{"months": 6, "growth": "0.1"}"#)).unwrap();
    // October 2026 is month 3: 1000 × 1.1^3 = 1331 Indian marketing messages.
    assert_eq!(months[3].lines[0].marketing, 1331);
    for (m, month) in ["2026-07", "2026-10", "2026-12"].iter().zip([0, 3, 5]) {
        let expected = wacost_core::estimate::estimate(&months[month]).unwrap();
        let row = format!("tr[data-month=\"{m}\"]");
        assert_eq!(
            view.value(&format!("{row} [data-plan=total]")),
            expected.total.value(),
            "{m}"
        );
        assert_eq!(
            view.value(&format!("{row} [data-plan=meta-total]")),
            expected.meta_total.value(),
            "{m}"
        );
    }
    // July by hand (USD card of 2026-07-01, pmp-2025-07: service free, utility 0.0014):
    // IN 1000 × 0.0118 + 500 × 0.0014 + BR 2000 × 0.0625 = 11.80 + 0.70 + 125.00.
    assert_eq!(
        view.value("tr[data-month=\"2026-07\"] [data-plan=meta-total]"),
        Decimal::new(13750, 2)
    );
    // The rules change of October is said, with its figure, in the page's language.
    let reason = view.text("[data-plan=reasons] li[data-month=\"2026-10\"]");
    assert!(
        reason.contains("The pmp-2026-10 rules replace pmp-2025-07"),
        "{reason}"
    );
    // Six months, each with at least a marketing bar.
    let bars = view
        .find("[data-plan=chart] svg")
        .query_selector_all("rect")
        .unwrap()
        .length();
    assert!(bars >= 6, "{bars}");
}

#[wasm_bindgen_test]
async fn a_bad_growth_is_shown_at_its_field_in_french() {
    let view = View::open(SHEET, Lang::Fr).await;
    view.type_into("#plan-growth", "abc").await;
    assert_eq!(
        view.text("#plan-growth-error"),
        "«\u{a0}abc\u{a0}» n'est pas un pourcentage (un nombre comme 5, 2,5 ou -3)"
    );
    view.type_into("#plan-growth", "-100").await;
    assert!(view
        .text("#plan-growth-error")
        .contains("supérieure à -100 %"));
    // A French decimal comma reads: 2,5 % a month.
    view.type_into("#plan-growth", "2,5").await;
    assert!(view
        .root
        .query_selector("#plan-growth-error")
        .unwrap()
        .is_none());
    view.type_into("#plan-multiplier-11", "1,5").await;
    let scenario = Scenario::from_json(SHEET).unwrap();
    let months = month_scenarios(
        &scenario,
        &settings(r#"{"months": 12, "growth": "0.025", "multipliers": {"11": "1.5"}}"#),
    )
    .unwrap();
    let expected = wacost_core::estimate::estimate(&months[4]).unwrap();
    assert_eq!(
        view.value("tr[data-month=\"2026-11\"] [data-plan=total]"),
        expected.total.value()
    );
}

#[wasm_bindgen_test]
async fn a_sheet_that_fixes_the_rules_is_refused_with_the_reason() {
    let fixed = SHEET.replace("\"currency\"", "\"rules\":\"pmp-2025-07\",\"currency\"");
    let view = View::open(&fixed, Lang::En).await;
    assert!(view
        .text("[data-plan=problems]")
        .contains("set the sheet's rules back to “by date”"));
}

#[wasm_bindgen_test]
async fn the_budget_answers_with_the_cores_count_and_totals() {
    let view = View::open(SHEET, Lang::En).await;
    view.type_into("#budget-destination", "in").await;
    view.type_into("#budget-amount", "200").await;
    let scenario = Scenario::from_json(SHEET).unwrap();
    let query = BudgetQuery::from_value(
        &serde_json::json!({"country": "IN", "category": "marketing", "amount": "200"}),
    )
    .unwrap();
    let expected = budget(&scenario, &query).unwrap();
    let answer = view.find("[data-plan=budget-answer]");
    assert_eq!(
        answer.get_attribute("data-count").unwrap(),
        expected.count.to_string()
    );
    // 200 − 137.50 = 62.50 left; 62.50 / 0.0118 = 5296.6: 5296 fit.
    assert_eq!(expected.count, 5296);
    assert_eq!(
        view.value("[data-plan=total-at-count]"),
        expected.total_at_count.value()
    );
    assert_eq!(
        view.value("[data-plan=total-at-next]"),
        expected.total_at_next.unwrap().value()
    );
    // Service is free under these rules: unbounded.
    view.choose("#budget-category", "service").await;
    let answer = view.find("[data-plan=budget-answer]");
    assert_eq!(answer.get_attribute("data-unbounded").unwrap(), "true");
    assert!(view
        .text("[data-plan=budget-answer]")
        .starts_with("Every count up to the limit of 1,000,000,000,000 fits"));
    // Less than the sheet already costs: nothing fits.
    view.choose("#budget-category", "marketing").await;
    view.type_into("#budget-amount", "100").await;
    assert_eq!(
        view.find("[data-plan=budget-answer]")
            .get_attribute("data-fits")
            .unwrap(),
        "false"
    );
    view.type_into("#budget-amount", "-5").await;
    assert!(view
        .text("#budget-amount-error")
        .contains("“-5” is not a budget"));
}

#[wasm_bindgen_test]
async fn the_savings_levers_are_the_cores_with_their_rule() {
    let with_entry = SHEET.replace("\"currency\"", "\"entry_point\":\"0.05\",\"currency\"");
    let view = View::open(&with_entry, Lang::Es).await;
    let found = wacost_core::levers::levers(&Scenario::from_json(&with_entry).unwrap()).unwrap();
    let entry = found.levers.iter().find(|l| l.rule == "PMP-2").unwrap();
    assert_eq!(
        view.value("li[data-lever=entry_point] [data-plan=saving]"),
        entry.saving.value()
    );
    assert!(view
        .text("li[data-lever=entry_point]")
        .contains("Más tráfico por puntos de entrada gratuitos"));
    assert!(view
        .text("li[data-lever=entry_point]")
        .contains("5 % → 15 %"));
}
