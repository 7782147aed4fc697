//! Custom rates and ladders carry their currency: one in another currency than the
//! scenario's is refused naming both; one without a currency (links and files written before
//! rates carried one) takes the scenario's.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rust_decimal::Decimal;
use wacost_core::category::Category;
use wacost_core::estimate::estimate;
use wacost_core::scenario::{CustomRate, Scenario};

const LINES: &str = r#""lines":[{"market":"India","utility":1000}]"#;

#[test]
fn a_rate_in_another_currency_is_refused_naming_both() {
    let json = format!(
        r#"{{"month":"2026-10","currency":"USD",{LINES},
            "custom_rates":[{{"market":"India","category":"utility","rate":"0.1150","currency":"INR"}}],
            "custom_tiers":[{{"market":"India","category":"authentication","currency":"eur","bands":[{{"to":null,"rate":"0.01"}}]}}]}}"#
    );
    let errors = Scenario::from_json(&json).unwrap_err();
    assert_eq!(
        errors.lines(),
        [
            "custom_rates[0].currency: is in INR, and the scenario is in USD: wacost never converts (give the rate in USD, or choose currency INR)",
            "custom_tiers[0].currency: is in EUR, and the scenario is in USD: wacost never converts (give the rate in USD, or choose currency EUR)",
        ]
    );
    assert_eq!(errors.0[0].kind.tag(), "other_currency");
    let bad_code = format!(
        r#"{{"month":"2026-10",{LINES},"custom_rates":[{{"market":"India","category":"utility","rate":"0.1","currency":"rupees"}}]}}"#
    );
    assert_eq!(
        Scenario::from_json(&bad_code).unwrap_err().lines(),
        ["custom_rates[0].currency: must be an ISO 4217 currency code (three letters, e.g. USD), got \"rupees\""]
    );
}

#[test]
fn a_rate_without_a_currency_takes_the_scenarios_and_one_in_it_prices() {
    for (currency, total) in [(r#","currency":"INR""#, "115.00"), ("", "115.00")] {
        let json = format!(
            r#"{{"month":"2026-10","currency":"INR",{LINES},
                "custom_rates":[{{"market":"India","category":"utility","rate":"0.1150"{currency}}}]}}"#
        );
        let scenario = Scenario::from_json(&json).unwrap();
        assert_eq!(estimate(&scenario).unwrap().meta_total, total, "{currency}");
        // And back to JSON as it came: a rate without a currency is written without one.
        let again = Scenario::from_json(&scenario.to_json()).unwrap();
        assert_eq!(again, scenario);
        let written = serde_json::to_value(&scenario.custom_rates[0]).unwrap();
        assert_eq!(written.get("currency").is_some(), !currency.is_empty());
    }
}

#[test]
fn a_scenario_built_in_code_is_held_to_its_currency() {
    let mut s = Scenario::from_json(r#"{"month":"2026-10","currency":"USD"}"#).unwrap();
    s.custom_rates.push(CustomRate {
        market: "India".into(),
        category: Category::Utility,
        rate: Decimal::new(1150, 4),
        currency: Some("INR".into()),
    });
    assert_eq!(
        s.check().unwrap_err().lines(),
        ["custom_rates[0].currency: is in INR, and the scenario is in USD: wacost never converts (give the rate in USD, or choose currency INR)"]
    );
    s.custom_rates[0].currency = Some("usd".into());
    assert_eq!(
        s.check().unwrap_err().lines(),
        ["custom_rates[0].currency: must be an ISO 4217 currency code in capitals (e.g. USD), got \"usd\""]
    );
    s.custom_rates[0].currency = Some("USD".into());
    assert!(s.check().is_ok());
}

/// A card loaded for the scenario's currency gives rates the scenario accepts as they are.
#[test]
fn a_card_loaded_in_the_scenarios_currency_feeds_it() {
    let markets = vec!["India".to_string()];
    let card = wacost_core::custom_card::parse_in(
        "Market,Currency,Utility\nIndia,INR,₹0.1150\n",
        &markets,
        "INR",
    )
    .unwrap();
    let mut s = Scenario::from_json(&format!(
        r#"{{"month":"2026-10","currency":"INR",{LINES}}}"#
    ))
    .unwrap();
    s.custom_rates = card.rates;
    assert_eq!(estimate(&s).unwrap().meta_total, "115.00");
}
