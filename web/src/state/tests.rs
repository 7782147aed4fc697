//! The page's state and reducer, natively and in the browser: links as typed, the address,
//! the kept sheet, pastes, cards and counts as the language writes them. Test code only (the
//! parent declares it under `#[cfg(test)]`; said here too, so the file reads as tests on its own).
#![cfg(test)]

use super::*;
use crate::draft::{Dest, JsonKind, ReadProblem};
use crate::link::LinkProblem;
use crate::sheet_io::{SheetProblem, SheetProblemKind, Source};
use serde_json::Value;
use wacost_core::locale::Locale;
use wacost_core::Category;
use yew::Reducible;

fn sent_marketing(state: &AppState) -> Value {
    let sent: Value = serde_json::from_str(&state.json).unwrap();
    sent["lines"][0]["marketing"].clone()
}

fn count_error(got: &str) -> ErrorKind {
    ErrorKind::NotACount {
        min: 0,
        got: format!("{got:?}"),
    }
}

/// India and Brazil in November 2026 (pmp-2026-10, USD card of 2026-10-01):
/// IN 1000 marketing × 0.0118 = 11.80; 500 utility × 0.0014 = 0.70; 3350 service, the
/// first 1000 free, 2350 × 0.0014 = 3.29; BR 2000 marketing × 0.0625 = 125.00.
pub const LINK_JSON: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000}]}"#;

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_link_is_priced_by_the_core() {
    let query = crate::url::scenario_query(LINK_JSON);
    let state = AppState::from_query(&query, Lang::En, "2026-11");
    assert_eq!(state.notice, None);
    let estimate = state.estimate.expect("priced");
    assert_eq!(estimate.meta_total, "140.79");
    assert_eq!(estimate.total, "140.79");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn decimal_commas_and_counts_as_the_language_writes_them_are_priced() {
    let mut draft = Draft::from_json(LINK_JSON).unwrap();
    draft.set(Setting::BspMarkup, "0,10");
    draft.set_rate("Brazil".into(), Category::Marketing, "0,05".into());
    // 2000 marketing to Brazil, as a Brazilian writes it.
    let brazil = draft.lines[1].id;
    draft.set_count(brazil, LineField::Marketing, "2.000".into());
    let json = draft.to_json(Locale::PtBr);
    assert!(json.contains(r#""marketing":2000"#), "{json}");
    // Brazil marketing 2000 × 0.05 = 100.00, India 15.79; markup 10 % of 115.79.
    let state = AppState::from_query(&crate::url::scenario_query(&json), Lang::Fr, "2026-11");
    let estimate = state.estimate.expect("priced");
    assert_eq!(estimate.meta_total, "115.79");
    assert_eq!(estimate.total, "127.369");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_bad_value_keeps_the_last_estimate_and_names_the_field() {
    let query = crate::url::scenario_query(LINK_JSON);
    let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
    let id = state.draft.lines[0].id;
    let state = state.reduce(Action::SetCount {
        id,
        field: LineField::Utility,
        value: "12.5".into(),
    });
    assert_eq!(
        state.error_at("lines[0].utility"),
        Some(&count_error("12.5"))
    );
    assert_eq!(state.estimate.as_ref().unwrap().meta_total, "140.79");
    let state = state.reduce(Action::Set(Setting::BspMarkup, "10".into()));
    assert_eq!(state.estimate.as_ref().unwrap().meta_total, "140.79");
    let state = state.reduce(Action::SetCount {
        id,
        field: LineField::Utility,
        value: "500".into(),
    });
    assert!(state.errors.is_empty());
    // 10 % of 140.79 on top.
    assert_eq!(state.estimate.as_ref().unwrap().total, "154.869");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn changing_currency_returns_to_the_card_in_force() {
    let query = crate::url::scenario_query(LINK_JSON);
    let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
    // Service is free under pmp-2025-07, so a card without service rates can price it.
    let state = state.reduce(Action::Set(Setting::Rules, "pmp-2025-07".into()));
    let state = state.reduce(Action::Set(Setting::RateCard, "2026-01-01".into()));
    assert!(state.errors.is_empty());
    assert_eq!(state.estimate.as_ref().unwrap().rate_card, "2026-01-01");
    let state = state.reduce(Action::Set(Setting::Currency, "EUR".into()));
    assert_eq!(state.draft.get(Setting::RateCard), "");
    // No EUR card of 2026-01-01 exists; the card in force is used, and what it lacks is
    // said beside the lines, not as a rate_card error the user did not make.
    assert_eq!(state.setting_error(Setting::RateCard), None);
    let india = state.error_at("lines[0]").map(ToString::to_string);
    assert!(
        india
            .as_deref()
            .unwrap_or_default()
            .contains("EUR 2026-10-01"),
        "{india:?}"
    );
}

/// Five lines, one count that is no whole number.
pub const FIVE_LINES: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000},{"country":"GB","marketing":"12.5"},{"country":"MX","utility":200},{"market":"Rest of Africa","marketing":8000}]}"#;

fn open(json: &str) -> AppState {
    AppState::from_query(&crate::url::scenario_query(json), Lang::En, "2026-11")
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_link_with_a_bad_value_loads_as_typed() {
    let state = open(FIVE_LINES);
    assert_eq!(state.notice, None);
    assert_eq!(state.draft.lines.len(), 5);
    let dests: Vec<&Dest> = state.draft.lines.iter().map(|l| &l.dest).collect();
    assert_eq!(
        dests,
        [
            &Dest::Country("IN".into()),
            &Dest::Country("BR".into()),
            &Dest::Country("GB".into()),
            &Dest::Country("MX".into()),
            &Dest::Market("Rest of Africa".into()),
        ]
    );
    assert_eq!(
        state.draft.lines[2].counts,
        ["12.5", "", "", ""].map(String::from)
    );
    assert_eq!(
        state.draft.lines[0].counts,
        ["1000", "500", "0", "3350"].map(String::from)
    );
    assert_eq!(
        state.error_at("lines[2].marketing"),
        Some(&count_error("12.5"))
    );
    assert_eq!(state.errors.len(), 1, "{:?}", state.errors);
    // Nothing was priced yet, and the link the page writes back is the one it read.
    assert!(state.estimate.is_none());
    assert_eq!(
        serde_json::from_str::<Value>(&state.json).unwrap(),
        serde_json::from_str::<Value>(FIVE_LINES).unwrap()
    );
    assert_eq!(state.address(), None);
    assert_eq!(state.sheet_to_keep(), None);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_reload_after_typing_brings_back_the_text_and_its_error() {
    let state = Rc::new(open(LINK_JSON));
    assert_eq!(state.address(), None);
    let id = state.draft.lines[1].id;
    let state = state.reduce(Action::SetCount {
        id,
        field: LineField::Authentication,
        value: "12.5".into(),
    });
    let address = state.address().expect("the address follows a change");
    assert!(address.starts_with("?lang=en&scenario="), "{address}");
    assert_eq!(state.sheet_to_keep(), Some(state.json.as_str()));
    let reloaded = AppState::from_query(&address, Lang::Fr, "2026-11");
    assert_eq!(reloaded.lang, Lang::En);
    assert_eq!(reloaded.notice, None);
    assert_eq!(reloaded.draft.lines[1].counts[2], "12.5");
    assert_eq!(
        reloaded.error_at("lines[1].authentication"),
        Some(&count_error("12.5"))
    );
    assert_eq!(reloaded.json, state.json);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_language_of_a_link_wins_and_a_choice_alone_keeps_the_link() {
    let query = format!("?lang=fr&{}", &crate::url::scenario_query(LINK_JSON)[1..]);
    let state = Rc::new(AppState::from_query(&query, Lang::Es, "2026-11"));
    assert_eq!(state.lang, Lang::Fr);
    let state = state.reduce(Action::SetLang(Lang::PtBr));
    // Only the language changes in the address: the scenario stays as it was written.
    assert_eq!(
        state.address(),
        Some(query.replace("lang=fr", "lang=pt-BR"))
    );
    assert_eq!(state.sheet_to_keep(), None);
    // An unknown language leaves the browser's.
    let other = AppState::from_query("?lang=de", Lang::Es, "2026-11");
    assert_eq!(other.lang, Lang::Es);
    // A broken link stays in the address when only the language changes.
    let broken = Rc::new(AppState::from_query("?scenario=%%%", Lang::En, "2026-11"));
    let broken = broken.reduce(Action::SetLang(Lang::Fr));
    assert_eq!(broken.address().as_deref(), Some("?lang=fr&scenario=%%%"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn an_unknown_line_field_is_kept_shown_and_sent_back() {
    let json = r#"{"month":"2026-11","lines":[{"country":"IN","marketting":5,"marketing":10},{"country":"BR","marketing":20,"market":"Brazil"}]}"#;
    let state = Rc::new(open(json));
    assert_eq!(state.notice, None);
    assert_eq!(state.draft.lines[0].counts[0], "10");
    assert_eq!(
        state.draft.lines[0].extra.get("marketting"),
        Some(&Value::from(5))
    );
    let line_errors = |at| -> Vec<String> {
        state
            .line_errors(at)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        line_errors(0),
        ["lines[0].marketting: unknown field (expected one of: country, market, marketing, utility, authentication, service)"]
    );
    // A second destination is kept too, and the core says why it cannot be.
    assert_eq!(
        line_errors(1),
        ["lines[1]: give either country or market, not both"]
    );
    assert!(state.other_errors().is_empty());
    // Typing elsewhere sends both fields back unchanged.
    let id = state.draft.lines[0].id;
    let state = state.reduce(Action::SetCount {
        id,
        field: LineField::Utility,
        value: "7".into(),
    });
    let sent: Value = serde_json::from_str(&state.json).unwrap();
    assert_eq!(
        sent["lines"][0],
        serde_json::json!({"country": "IN", "marketting": 5, "marketing": 10, "utility": 7})
    );
    assert_eq!(
        sent["lines"][1],
        serde_json::json!({"country": "BR", "market": "Brazil", "marketing": 20})
    );
    let again = Draft::from_json(&state.json).unwrap();
    assert_eq!(again.to_json(Locale::En), state.json);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn shape_problems_inside_the_object_keep_the_sheet() {
    let json = r#"{"month":"2026-11","auth_international":"yes","bsp":"0.01","lines":[{"country":"IN","marketing":12.5},7,{"marketing":3}],"custom_rates":[{"market":"India","category":"promo","rate":"0.01"},{"market":"India","category":"utility","rate":"0.002"}],"colour":"red"}"#;
    let state = open(json);
    assert_eq!(state.notice, None);
    assert_eq!(state.draft.lines.len(), 3);
    assert_eq!(state.draft.lines[0].counts[0], "12.5");
    assert_eq!(state.draft.lines[1].raw, Some(Value::from(7)));
    assert_eq!(
        state.draft.lines[2].raw,
        Some(serde_json::json!({"marketing": 3}))
    );
    assert_eq!(state.draft.get(Setting::AuthInternational), "yes");
    assert_eq!(state.draft.rates.len(), 1);
    assert_eq!(state.draft.kept_rates.len(), 1);
    let errors: Vec<String> = state.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "colour: unknown field (expected one of: month, currency, rules, rate_card, business_country, auth_international, phone_numbers, wabas, utility_in_window, entry_point, free_conversations, per_conversation, lines, bsp, custom_rates, custom_tiers)",
            r#"auth_international: must be true or false, got "yes""#,
            r#"lines[0].marketing: must be a whole number >= 0, got "12.5""#,
            "lines[1]: must be a JSON object, got 7",
            "lines[2]: needs a destination: country (ISO alpha-2, e.g. IN) or market (Meta's market name)",
            r#"bsp: must be a JSON object, got "0.01""#,
            r#"custom_rates[1].category: must be one of marketing, utility, authentication, authentication_international, service, business_initiated, user_initiated, got "promo""#,
        ]
    );
    assert_eq!(
        state.line_errors(1)[0].kind,
        ErrorKind::NotAnObject { got: "7".into() }
    );
    // Everything is sent back; only the rate the editor cannot hold moves after the others.
    let sent: Value = serde_json::from_str(&state.json).unwrap();
    assert_eq!(sent["lines"][1], Value::from(7));
    assert_eq!(sent["lines"][2], serde_json::json!({"marketing": 3}));
    assert_eq!(sent["bsp"], Value::from("0.01"));
    assert_eq!(sent["colour"], Value::from("red"));
    assert_eq!(sent["custom_rates"][1]["category"], Value::from("promo"));
    // A list that is not one waits until the user adds a line in its place.
    let listless = Rc::new(open(r#"{"month":"2026-11","lines":"IN"}"#));
    assert_eq!(
        listless.error_at("lines"),
        Some(&ErrorKind::NotAnArray {
            got: r#""IN""#.into()
        })
    );
    let added = listless.reduce(Action::AddLine(Dest::Country("IN".into())));
    assert!(added.errors.is_empty());
    assert!(
        added.json.contains(r#""lines":[{"country":"IN"}]"#),
        "{}",
        added.json
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_pasted_block_never_lands_in_a_line_the_sheet_cannot_edit() {
    let state = Rc::new(open(
        r#"{"month":"2026-11","lines":[{"country":"IN"},{"marketing":3},{"country":"BR"}]}"#,
    ));
    let id = state.draft.lines[0].id;
    let state = state.reduce(Action::Paste {
        id,
        field: LineField::Marketing,
        text: "1\n2\n3\n".into(),
    });
    assert_eq!(
        state.notice.as_deref(),
        Some(&Notice::PasteRefused(SheetProblems::one(
            Source::Paste,
            SheetProblem::whole(SheetProblemKind::ReachesKeptLine { row: 2 })
        )))
    );
    assert_eq!(state.draft.lines[0].counts[0], "");
    assert!(!state.edited);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_link_that_is_no_scenario_object_shows_the_default_sheet_and_keeps_the_address() {
    let state = AppState::from_query(
        &crate::url::scenario_query(r#"[{"country":"IN","marketing":5}]"#),
        Lang::En,
        "2026-11",
    );
    let Some(Notice::BadLink(bad)) = state.notice.as_deref() else {
        panic!("a notice: {:?}", state.notice);
    };
    assert_eq!(
        bad.problem,
        LinkProblem::NotAScenario(ReadProblem::NotAnObject {
            found: JsonKind::List
        })
    );
    assert_eq!(bad.rescue, r#"[{"country":"IN","marketing":5}]"#);
    assert_eq!(state.draft, Draft::default_scenario("2026-11"));
    assert!(state.estimate.is_some());
    // The address keeps the link the user opened.
    assert_eq!(state.address(), None);
    // A link that is an object, however wrong inside, is no fallback.
    let month_only =
        AppState::from_query("?scenario=eyJtb250aCI6IjE5OTktMDEifQ", Lang::En, "2026-11");
    assert_eq!(month_only.notice, None);
    assert!(month_only.setting_error(Setting::Month).is_some());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn counts_follow_the_language_the_address_only_the_sheet() {
    let state = Rc::new(open(LINK_JSON));
    let id = state.draft.lines[0].id;
    let state = state.reduce(Action::SetLang(Lang::Fr));
    let state = state.reduce(Action::SetCount {
        id,
        field: LineField::Marketing,
        value: "1 500".into(),
    });
    assert!(state.errors.is_empty(), "{:?}", state.errors);
    // 1500 × 0.0118 = 17.70 in place of 11.80.
    assert_eq!(state.estimate.as_ref().unwrap().meta_total, "146.69");
    assert_eq!(sent_marketing(&state), Value::from(1500));
    // Switching language keeps what was typed meaning what it meant: the count is written
    // plainly, the scenario and the address do not change but for the language.
    let address = state.address();
    let state = state.reduce(Action::SetLang(Lang::En));
    assert_eq!(state.draft.lines[0].counts[0], "1500");
    assert!(state.errors.is_empty());
    assert_eq!(
        state.address(),
        address.map(|a| a.replace("lang=fr", "lang=en"))
    );
    // Text that was no count in French stays as typed, and is judged in English.
    let state = state.reduce(Action::SetLang(Lang::Fr));
    let state = state.reduce(Action::SetCount {
        id,
        field: LineField::Marketing,
        value: "1,500".into(),
    });
    assert_eq!(
        state.error_at("lines[0].marketing"),
        Some(&count_error("1,500"))
    );
    let state = state.reduce(Action::SetLang(Lang::En));
    assert_eq!(state.draft.lines[0].counts[0], "1,500");
    assert!(state.errors.is_empty());
    assert_eq!(sent_marketing(&state), Value::from(1500));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_last_sheet_is_offered_never_over_a_link_and_restored_on_request() {
    let kept = open(FIVE_LINES).json;
    let fresh =
        Rc::new(AppState::from_query("?lang=fr", Lang::En, "2026-11").offer_stored(Some(&kept)));
    assert_eq!(fresh.lang, Lang::Fr);
    assert_eq!(fresh.draft, Draft::default_scenario("2026-11"));
    let offered = fresh.restore.as_ref().expect("offered");
    assert_eq!(offered.lines.len(), 5);
    let restored = fresh.clone().reduce(Action::Restore);
    assert_eq!(restored.restore, None);
    assert_eq!(restored.json, kept);
    assert_eq!(restored.draft.lines[2].counts[0], "12.5");
    assert!(restored.error_at("lines[2].marketing").is_some());
    assert_eq!(restored.sheet_to_keep(), Some(kept.as_str()));
    assert!(restored
        .address()
        .unwrap()
        .starts_with("?lang=fr&scenario="));
    let dismissed = fresh.reduce(Action::DismissRestore);
    assert_eq!(dismissed.restore, None);
    assert_eq!(dismissed.draft, Draft::default_scenario("2026-11"));
    assert_eq!(dismissed.address(), None);
    // Never over a link, even one that could not be read.
    for query in [
        crate::url::scenario_query(LINK_JSON),
        "?scenario=%%%".into(),
    ] {
        let linked = AppState::from_query(&query, Lang::En, "2026-11").offer_stored(Some(&kept));
        assert_eq!(linked.restore, None, "{query}");
    }
    // Nothing to offer: the default sheet itself, or storage that holds no scenario.
    let default = Draft::default_scenario("2026-11").to_json(Locale::En);
    for stored in [Some(default.as_str()), Some("[1]"), Some("{"), None] {
        let state = AppState::from_query("", Lang::En, "2026-11").offer_stored(stored);
        assert_eq!(state.restore, None, "{stored:?}");
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_plain_card_loads_travels_in_the_link_and_reprices() {
    let query = crate::url::scenario_query(LINK_JSON);
    let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
    let state = state.reduce(Action::LoadCard(
        "market,category,rate\nindia,marketing,0.02\nBrazil,marketing,\"0.0625\"\n".into(),
    ));
    assert_eq!(state.notice, None);
    // 1000 × 0.02 = 20.00 in place of 11.80.
    assert_eq!(state.estimate.as_ref().unwrap().meta_total, "148.99");
    assert!(state.estimate.as_ref().unwrap().custom);
    let reopened = AppState::from_query(
        &crate::url::scenario_query(&state.json),
        Lang::En,
        "2026-11",
    );
    assert_eq!(reopened.notice, None);
    assert_eq!(reopened.draft.rates, state.draft.rates);
    assert_eq!(reopened.draft.rates[1].market, "India");
    assert_eq!(reopened.estimate.unwrap().meta_total, "148.99");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_card_in_another_currency_is_refused_whole() {
    let query = crate::url::scenario_query(LINK_JSON);
    let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
    let state = state.reduce(Action::SetRate {
        market: "India".into(),
        category: Category::Marketing,
        value: "0.02".into(),
    });
    let before = state.draft.rates.clone();
    let state = state.reduce(Action::LoadCard(
        "Market,Currency,Marketing\nIndia,EUR,0.01\n".into(),
    ));
    assert_eq!(
        state.notice.as_deref(),
        Some(&Notice::CardRefused(CardProblem::OtherCurrency {
            card: "EUR".into(),
            estimate: "USD".into()
        }))
    );
    assert_eq!(state.draft.rates, before);
    assert_eq!(state.estimate.as_ref().unwrap().meta_total, "148.99");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_comparison_mode_travels_in_the_address_and_not_in_the_scenario() {
    let query = crate::url::scenario_query(LINK_JSON);
    let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
    assert_eq!(state.cards, CardsFor::OfTheirTime);
    let same = state.reduce(Action::SetCards(CardsFor::Same));
    // Only the mode changed: the opened link with `cards=same` after it.
    assert_eq!(same.address(), Some(format!("{query}&cards=same")));
    assert_eq!(
        same.json,
        AppState::from_query(&query, Lang::En, "2026-11").json
    );
    assert!(same.link().ends_with("&cards=same"), "{}", same.link());
    let Some(Ok(comparison)) = &same.comparison else {
        panic!("compared");
    };
    assert_eq!(comparison.cards, CardsFor::Same);
    // Back to the default: the parameter goes away.
    let back = same.reduce(Action::SetCards(CardsFor::OfTheirTime));
    assert_eq!(back.address(), Some(query.clone()));
    // A link with the mode opens in it, and keeps its address untouched.
    let linked = AppState::from_query(&format!("{query}&cards=same"), Lang::En, "2026-11");
    assert_eq!(linked.cards, CardsFor::Same);
    assert_eq!(linked.address(), None);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn undo_after_an_import_puts_the_sheet_back_exactly() {
    let state = Rc::new(open(FIVE_LINES));
    let before = state.draft.clone();
    let state = state.reduce(Action::ImportCsv(
        "destination,marketing,utility\nDE,100,5\nBrasil,7,\n+49 30 1234567,1,\n".into(),
    ));
    // Germany twice (by code and by number) is summed: two rows.
    assert_eq!(state.draft.lines.len(), 2);
    let undo = state.undo.clone().unwrap();
    assert_eq!((undo.pasted, undo.rows), (false, 2));
    let state = state.reduce(Action::UndoSheet);
    assert_eq!(state.draft, before);
    assert_eq!(state.undo, None);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn undo_after_a_paste_and_an_edit_after_it_forgets_it() {
    let state = Rc::new(open(FIVE_LINES));
    let before = state.draft.clone();
    let id = state.draft.lines[0].id;
    let state = state.reduce(Action::Paste {
        id,
        field: LineField::Marketing,
        text: "Allemagne\t40\nUK\t3\n".into(),
    });
    // Germany is added; the United Kingdom, already a row, gets its count.
    assert_eq!(state.draft.lines.len(), 6);
    assert_eq!(state.draft.lines[2].counts[0], "3");
    assert_eq!(
        state.undo.as_ref().map(|u| (u.pasted, u.rows)),
        Some((true, 2))
    );
    let state = state.reduce(Action::UndoSheet);
    assert_eq!(state.draft, before);
    // Typing after a paste: undo would drop what was typed, so it is gone.
    let state = state.reduce(Action::Paste {
        id,
        field: LineField::Marketing,
        text: "5\n6\n".into(),
    });
    assert!(state.undo.is_some());
    let state = state.reduce(Action::SetCount {
        id,
        field: LineField::Utility,
        value: "9".into(),
    });
    assert_eq!(state.undo, None);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_pages_own_export_pastes_back_into_an_emptied_sheet() {
    let full = Rc::new(open(FIVE_LINES));
    let exported = crate::sheet_io::export_csv(&full.draft.lines);
    let mut state = Rc::new(open(r#"{"month":"2026-11","currency":"USD","lines":[]}"#));
    assert!(state.draft.lines.is_empty());
    state = state.reduce(Action::Paste {
        id: u32::MAX,
        field: LineField::Marketing,
        text: exported,
    });
    assert_eq!(state.notice, None);
    let counts: Vec<_> = state
        .draft
        .lines
        .iter()
        .map(|l| (l.dest.clone(), l.counts.clone()))
        .collect();
    let expected: Vec<_> = full
        .draft
        .lines
        .iter()
        .map(|l| (l.dest.clone(), l.counts.clone()))
        .collect();
    assert_eq!(counts, expected);
    // Counts alone have no row to go to: said plainly, the sheet as it was.
    let empty = Rc::new(open(r#"{"month":"2026-11","currency":"USD","lines":[]}"#));
    let refused = empty.reduce(Action::Paste {
        id: u32::MAX,
        field: LineField::Marketing,
        text: "5\t6\n".into(),
    });
    assert!(refused.draft.lines.is_empty());
    assert!(matches!(
        refused.notice.as_deref(),
        Some(Notice::PasteRefused(_))
    ));
}
