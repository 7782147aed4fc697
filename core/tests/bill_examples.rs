//! The worked examples of docs/rules.md ("Worked examples"), replayed through the biller: every
//! message's classification and amount, to the last decimal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bill_common;

use bill_common::{dec, row, run};
use rust_decimal::Decimal;
use wacost_core::bill::{Model, Outcome, Priced, PricingType};

const KENYA: &str = "+254712345678"; // Rest of Africa
const INDONESIA: &str = "+6281234567890";

fn t(day: &str, hour: u32, minute: u32) -> String {
    format!("{day}T{hour:02}:{minute:02}:00Z")
}

/// Each message's category, whether it opened a conversation, its amount and its rule.
fn conversation_steps(
    msgs: &[(Priced, String)],
) -> Vec<(&'static str, bool, Decimal, &'static str)> {
    msgs.iter()
        .map(|(p, _)| (p.category.unwrap(), p.opened, p.amount, p.rule))
        .collect()
}

#[test]
fn e1_per_message_pricing_charges_two_of_four() {
    // 2026-08 is pmp-2025-07 on the 2026-07-01 USD card.
    let d = "2026-08-03";
    let d2 = "2026-08-04";
    let rows = vec![
        row(&t(d, 0, 0), KENYA, "out", "template", "marketing"),
        row(&t(d, 2, 0), KENYA, "in", "message", ""),
        row(&t(d, 3, 0), KENYA, "out", "free_form", ""),
        row(&t(d, 4, 0), KENYA, "out", "template", "utility"),
        row(&t(d2, 6, 0), KENYA, "out", "template", "utility"),
    ];
    let (report, msgs) = run(r#"{"timezone": "UTC"}"#, &rows);
    let got: Vec<_> = msgs
        .iter()
        .map(|(p, m)| {
            (
                m.as_str(),
                p.category.unwrap(),
                p.pricing_type.unwrap().as_str(),
                p.amount,
                p.rule,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Rest of Africa",
                "marketing",
                "regular",
                dec("0.0225"),
                "PMP-5"
            ),
            (
                "Rest of Africa",
                "service",
                "free_customer_service",
                Decimal::ZERO,
                "PMP-3"
            ),
            (
                "Rest of Africa",
                "utility",
                "free_customer_service",
                Decimal::ZERO,
                "PMP-4"
            ),
            (
                "Rest of Africa",
                "utility",
                "regular",
                dec("0.004"),
                "PMP-7"
            ),
        ]
    );
    assert!(msgs.iter().all(|(p, _)| p.model == Some(Model::Pmp)));
    assert_eq!(report.meta_total, "0.0265");
    let month = &report.months[0];
    assert_eq!(month.month, "2026-08");
    assert_eq!(month.rules, vec!["pmp-2025-07"]);
    let utility = month.markets[0]
        .categories
        .iter()
        .find(|c| c.category == "utility")
        .unwrap();
    assert_eq!(
        (utility.delivered, utility.free.window, utility.charged),
        (2, 1, 1)
    );
    // The 2026-07-01 USD tier file has no Rest of Africa ladder: list rate, flagged.
    assert_eq!(utility.bands[0].tier, None);
    assert!(report
        .warnings
        .iter()
        .any(|w| w.contains("Rest of Africa utility")));
}

#[test]
fn e2_a_utility_template_inside_a_utility_conversation_opens_nothing() {
    let d = "2023-07-10"; // cbp-2023-06, 2023-06-01 card
    let rows = vec![
        row(&t(d, 0, 0), INDONESIA, "out", "template", "marketing"),
        row(&t(d, 4, 0), INDONESIA, "out", "template", "utility"),
        row(&t(d, 10, 0), INDONESIA, "out", "template", "utility"),
    ];
    let (report, msgs) = run("{}", &rows);
    assert_eq!(
        conversation_steps(&msgs),
        vec![
            ("marketing", true, dec("0.0411"), "CBP2-3"),
            ("utility", true, dec("0.02"), "CBP2-3"),
            ("utility", false, Decimal::ZERO, "CBP2-3"),
        ]
    );
    assert_eq!(msgs[1].0.conversation, msgs[2].0.conversation);
    assert_ne!(msgs[0].0.conversation, msgs[1].0.conversation);
    assert!(msgs.iter().all(|(p, _)| p.model == Some(Model::Cbp)));
    assert_eq!(report.meta_total, "0.0611");
    let utility = report.months[0].markets[0]
        .categories
        .iter()
        .find(|c| c.category == "utility")
        .unwrap();
    assert_eq!(
        (utility.messages, utility.delivered, utility.charged),
        (2, 1, 1)
    );
}

#[test]
fn e3_non_templates_join_the_marketing_conversation_then_open_a_service_one() {
    let d = "2023-07-10";
    let d2 = "2023-07-11";
    let rows = vec![
        row(&t(d, 0, 0), INDONESIA, "out", "template", "marketing"),
        row(&t(d, 4, 0), INDONESIA, "in", "message", ""),
        row(&t(d, 5, 0), INDONESIA, "out", "free_form", ""),
        row(&t(d2, 1, 0), INDONESIA, "out", "free_form", ""),
        row(&t(d2, 2, 0), INDONESIA, "out", "free_form", ""),
    ];
    let (report, msgs) = run("{}", &rows);
    assert_eq!(
        conversation_steps(&msgs),
        vec![
            ("marketing", true, dec("0.0411"), "CBP2-3"),
            ("marketing", false, Decimal::ZERO, "CBP2-4"),
            ("service", true, Decimal::ZERO, "CBP2-8"),
            ("service", false, Decimal::ZERO, "CBP2-4"),
        ]
    );
    // The service conversation is free: first of the month's 1,000 (CBP2-8).
    assert_eq!(
        msgs[2].0.outcome,
        Outcome::Free(Some(wacost_core::bill::Free::Allowance))
    );
    assert_eq!(
        msgs[2].0.pricing_type,
        Some(PricingType::FreeCustomerService)
    );
    assert_eq!(report.meta_total, "0.0411");

    // Replayed under cbp-2024-11 the service conversation is free without any allowance, and
    // under pmp-2026-10 each message is priced on its own.
    let (report, _) = run(r#"{"rules": "cbp-2024-11"}"#, &rows);
    assert_eq!(report.meta_total, "0.0411");
}

#[test]
fn e4_free_entry_point_conversation_lasts_72h_and_closes_the_others() {
    let rows = vec![
        row(
            &t("2023-07-10", 8, 0),
            INDONESIA,
            "out",
            "template",
            "marketing",
        ),
        row(&t("2023-07-10", 10, 0), INDONESIA, "in", "entry_point", ""),
        row(
            &t("2023-07-10", 22, 0),
            INDONESIA,
            "out",
            "template",
            "utility",
        ),
        row(
            &t("2023-07-11", 9, 0),
            INDONESIA,
            "out",
            "template",
            "marketing",
        ),
        row(&t("2023-07-11", 9, 30), INDONESIA, "out", "free_form", ""),
        row(&t("2023-07-11", 11, 0), INDONESIA, "out", "free_form", ""),
        row(
            &t("2023-07-13", 21, 59),
            INDONESIA,
            "out",
            "template",
            "marketing",
        ),
        row(
            &t("2023-07-13", 22, 0),
            INDONESIA,
            "out",
            "template",
            "marketing",
        ),
    ];
    let (report, msgs) = run("{}", &rows);
    let got: Vec<_> = msgs
        .iter()
        .map(|(p, _)| (p.category.unwrap_or("-"), p.amount, p.rule))
        .collect();
    assert_eq!(
        got,
        vec![
            ("marketing", dec("0.0411"), "CBP2-3"),
            ("referral_conversion", Decimal::ZERO, "CBP2-7"),
            ("referral_conversion", Decimal::ZERO, "CBP2-7"),
            ("referral_conversion", Decimal::ZERO, "CBP2-7"),
            // 11:00 day 2: the CSW (10:00 day 1 + 24h) is closed: refused, never charged.
            ("-", Decimal::ZERO, "DEF-4"),
            ("referral_conversion", Decimal::ZERO, "CBP2-7"),
            // 22:00 day 4: the FEP conversation [22:00 day 1, +72h) has expired.
            ("marketing", dec("0.0411"), "CBP2-3"),
        ]
    );
    assert_eq!(msgs[4].0.outcome, Outcome::Undeliverable);
    assert!(msgs[1].0.opened && !msgs[2].0.opened);
    assert_eq!(msgs[1].0.pricing_type, Some(PricingType::FreeEntryPoint));
    assert_eq!(report.meta_total, "0.0822");
    assert_eq!(report.months[0].undeliverable, 1);
}

#[test]
fn e18_a_utility_conversation_opened_under_cbp_covers_utility_after_the_switch() {
    let rows = vec![
        row(&t("2025-06-30", 20, 0), KENYA, "out", "template", "utility"),
        row(&t("2025-07-01", 10, 0), KENYA, "out", "template", "utility"),
        row(&t("2025-07-01", 21, 0), KENYA, "out", "template", "utility"),
    ];
    let (report, msgs) = run("{}", &rows);
    let got: Vec<_> = msgs
        .iter()
        .map(|(p, _)| {
            (
                p.model.unwrap(),
                p.amount,
                p.rule,
                p.card.map(|c| c.to_string()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Model::Cbp,
                dec("0.004"),
                "CBP2-3",
                Some("2024-10-01".to_string())
            ),
            (Model::Cbp, Decimal::ZERO, "CBP2-11", None),
            (
                Model::Pmp,
                dec("0.004"),
                "PMP-7",
                Some("2025-07-01".to_string())
            ),
        ]
    );
    assert_eq!(msgs[0].0.conversation, msgs[1].0.conversation);
    assert_eq!(msgs[2].0.conversation, None);
    assert_eq!(report.meta_total, "0.008");
    assert_eq!(report.months.len(), 2);
    // No ladder was published with the 2025-07-01 card: list rate, flagged.
    assert!(report.warnings.iter().any(|w| w.contains("upper bound")));
    // With the rules fixed to PMP, the carry-over does not exist.
    let (report, msgs) = run(r#"{"rules": "pmp-2025-07"}"#, &rows);
    assert_eq!(msgs[1].0.rule, "PMP-7");
    assert_eq!(report.meta_total, "0.012");
}

#[test]
fn tier_boundary_is_crossed_within_a_month() {
    // North America utility on the 2026-10-01 USD card: 1..=80,000 at 0.0034, then 0.0032.
    let base = chrono::DateTime::parse_from_rfc3339("2026-10-02T00:00:00Z").unwrap();
    let rows: Vec<String> = (0..80_002)
        .map(|i| {
            let time = (base + chrono::Duration::seconds(i)).to_rfc3339();
            row(
                &time,
                &format!("+1415555{:04}", i % 10_000),
                "out",
                "template",
                "utility",
            )
        })
        .collect();
    let (report, msgs) = run("{}", &rows);
    assert_eq!(msgs[79_999].0.tier, Some(1));
    assert_eq!(msgs[79_999].0.amount, dec("0.0034"));
    assert_eq!(msgs[80_000].0.tier, Some(2));
    assert_eq!(msgs[80_000].0.amount, dec("0.0032"));
    assert_eq!(report.meta_total, "272.0064");
    let utility = &report.months[0].markets[0].categories[0];
    assert_eq!(utility.bands.len(), 2);
    assert_eq!(
        (utility.bands[1].from, utility.bands[1].count),
        (Some(80_001), 2)
    );
}

#[test]
fn service_allowance_frees_1000_per_phone_number_e15_kazakhstan() {
    let base = chrono::DateTime::parse_from_rfc3339("2026-10-05T00:00:00Z").unwrap();
    let kz = "+77012345678";
    let mut rows = vec![row("2026-10-05T00:00:00Z", kz, "in", "message", "")];
    rows.extend((1..=3000).map(|i| {
        let time = (base + chrono::Duration::seconds(i * 20)).to_rfc3339();
        row(&time, kz, "out", "free_form", "")
    }));
    let (report, msgs) = run("{}", &rows);
    assert_eq!(
        msgs[999].0.pricing_type,
        Some(PricingType::FreeCustomerService)
    );
    assert_eq!(msgs[1000].0.pricing_type, Some(PricingType::Regular));
    assert_eq!(msgs[1000].0.amount, dec("0.018"));
    assert_eq!(msgs[1000].0.rule, "SVC-3");
    assert_eq!(report.meta_total, "36.00");
    let service = &report.months[0].markets[0];
    assert_eq!(service.market, "Kazakhstan");
    assert_eq!(
        (
            service.categories[0].free.allowance,
            service.categories[0].charged
        ),
        (1000, 2000)
    );
}

#[test]
fn e13_india_october_2026_usd() {
    // 3,350 service, 1,000 marketing, 500 utility outside the window, one phone number.
    let base = chrono::DateTime::parse_from_rfc3339("2026-10-01T00:00:00Z").unwrap();
    let user = "+919876543210";
    let mut rows = Vec::new();
    let mut s = 0i64;
    let at = |s: &mut i64| {
        *s += 10;
        (base + chrono::Duration::seconds(*s)).to_rfc3339()
    };
    for chunk in 0..4 {
        // A user message every 20 hours keeps the window open for the service messages.
        rows.push(row(&at(&mut s), user, "in", "message", ""));
        let n = if chunk < 3 { 1000 } else { 350 };
        for _ in 0..n {
            rows.push(row(&at(&mut s), user, "out", "free_form", ""));
        }
        s += 20 * 3600;
    }
    s += 30 * 3600; // window closed
    for _ in 0..1000 {
        rows.push(row(&at(&mut s), user, "out", "template", "marketing"));
    }
    for _ in 0..500 {
        rows.push(row(
            &at(&mut s),
            "+919876500000",
            "out",
            "template",
            "utility",
        ));
    }
    let (report, _) = run("{}", &rows);
    let india = &report.months[0].markets[0];
    let amounts: Vec<_> = india
        .categories
        .iter()
        .map(|c| (c.category, c.amount.as_str()))
        .collect();
    assert_eq!(
        amounts,
        vec![
            ("marketing", "11.80"),
            ("utility", "0.70"),
            ("service", "3.29")
        ]
    );
    assert_eq!(report.meta_total, "15.79");
}

#[test]
fn service_1001st_message_of_a_phone_number_is_charged_and_numbers_have_their_own_allowance() {
    let base = chrono::DateTime::parse_from_rfc3339("2026-11-03T00:00:00Z").unwrap();
    let user = "+919876543210";
    let mut rows = vec![
        format!("2026-11-03T00:00:00Z,PN1,{user},in,message,,"),
        format!("2026-11-03T00:00:00Z,PN2,{user},in,message,,"),
    ];
    for i in 1..=1001 {
        let time = (base + chrono::Duration::seconds(i)).to_rfc3339();
        rows.push(format!("{time},PN1,{user},out,free_form,,"));
    }
    for i in 1..=1000 {
        let time = (base + chrono::Duration::seconds(2000 + i)).to_rfc3339();
        rows.push(format!("{time},PN2,{user},out,free_form,,"));
    }
    let (report, msgs) = run("{}", &rows);
    assert_eq!(msgs[1000].0.amount, dec("0.0014"));
    assert_eq!(report.meta_total, "0.0014");
}

#[test]
fn entry_point_window_frees_service_and_does_not_use_the_allowance() {
    let user = "+919876543210";
    let rows = vec![
        row("2026-10-05T10:00:00Z", user, "in", "entry_point", ""),
        row("2026-10-05T12:00:00Z", user, "out", "free_form", ""),
        row("2026-10-06T09:00:00Z", user, "out", "template", "marketing"),
        row("2026-10-08T11:59:59Z", user, "out", "template", "utility"),
        row("2026-10-08T12:00:00Z", user, "out", "template", "utility"),
    ];
    let (report, msgs) = run("{}", &rows);
    let got: Vec<_> = msgs
        .iter()
        .map(|(p, _)| (p.pricing_type.unwrap().as_str(), p.amount, p.rule))
        .collect();
    assert_eq!(
        got,
        vec![
            ("free_entry_point", Decimal::ZERO, "SVC-2"),
            ("free_entry_point", Decimal::ZERO, "SVC-2"),
            ("free_entry_point", Decimal::ZERO, "SVC-2"),
            ("regular", dec("0.0014"), "PMP-7"),
        ]
    );
    assert_eq!(report.meta_total, "0.0014");
    assert!(report.warnings.iter().any(|w| w.contains("7 days")));
}

#[test]
fn utility_inside_the_window_is_charged_and_tiered_from_october_2026() {
    let user = "+919876543210";
    let rows = vec![
        row("2026-10-05T10:00:00Z", user, "in", "message", ""),
        row("2026-10-05T11:00:00Z", user, "out", "template", "utility"),
    ];
    let (_, msgs) = run("{}", &rows);
    assert_eq!(msgs[0].0.rule, "SVC-5");
    assert_eq!(msgs[0].0.tier, Some(1));
    assert_eq!(msgs[0].0.amount, dec("0.0014"));
    let (_, msgs) = run(r#"{"rules": "pmp-2025-07"}"#, &rows);
    assert_eq!(msgs[0].0.rule, "PMP-4");
    assert_eq!(msgs[0].0.amount, Decimal::ZERO);
}

#[test]
fn authentication_international_applies_from_the_start_time_to_other_countries() {
    let india = "+919876543210";
    let rows = vec![
        row(
            "2026-10-09T23:59:59Z",
            india,
            "out",
            "template",
            "authentication",
        ),
        row(
            "2026-10-10T00:00:00Z",
            india,
            "out",
            "template",
            "authentication",
        ),
        row(
            "2026-10-10T00:00:01Z",
            "+12025550123",
            "out",
            "template",
            "authentication",
        ),
    ];
    let gb = r#"{"business_country": "GB", "auth_international_from": "2026-10-10T00:00:00Z"}"#;
    let (report, msgs) = run(gb, &rows);
    let got: Vec<_> = msgs
        .iter()
        .map(|(p, _)| (p.category.unwrap(), p.amount))
        .collect();
    assert_eq!(
        got,
        vec![
            ("authentication", dec("0.0014")),
            ("authentication_international", dec("0.0304")),
            // North America has no authentication-international rate.
            ("authentication", dec("0.0034")),
        ]
    );
    assert_eq!(report.meta_total, "0.0352");
    // AI-6: the international message continues the authentication counter.
    assert_eq!(msgs[1].0.tier, Some(1));
    // A business located in India pays the domestic rate there.
    let (report, _) = run(
        r#"{"business_country": "IN", "auth_international_from": "2026-10-01T00:00:00Z"}"#,
        &rows,
    );
    assert_eq!(report.meta_total, "0.0062");
    // AI-5: without a primary business location no market is the business's own, so India is
    // international from the start time, as the estimator reads a scenario without
    // business_country.
    let (report, msgs) = run(
        r#"{"auth_international_from": "2026-10-10T00:00:00Z"}"#,
        &rows,
    );
    let got: Vec<_> = msgs.iter().map(|(p, _)| p.category.unwrap()).collect();
    assert_eq!(
        got,
        vec![
            "authentication",
            "authentication_international",
            "authentication"
        ]
    );
    assert_eq!(report.meta_total, "0.0352");
}

#[test]
fn failed_messages_cost_nothing_and_mexico_test_prices_only_plus_52() {
    let rows = vec![
        "2026-10-05T10:00:00Z,PN1,+919876543210,out,template,marketing,failed".to_string(),
        row(
            "2021-06-01T10:00:00Z",
            "+5215512345678",
            "out",
            "template",
            "marketing",
        ),
        row(
            "2021-06-01T11:00:00Z",
            "+919876543210",
            "out",
            "template",
            "marketing",
        ),
    ];
    let (report, msgs) = run(r#"{"free_conversations": 0}"#, &rows);
    // Rows are billed in time order: the 2026 row comes last.
    assert!(report.sorted_in_memory);
    assert_eq!(msgs[2].0.outcome, Outcome::Failed);
    assert_eq!(msgs[2].0.line, 2);
    assert_eq!(msgs[0].0.amount, dec("0.014"));
    assert_eq!(msgs[0].0.category, Some("business_initiated"));
    assert!(matches!(msgs[1].0.outcome, Outcome::Unpriceable(_)));
    assert_eq!(msgs[1].0.rule, "MX-1");
    assert_eq!(report.meta_total, "0.014");
    assert!(report.warnings.iter().any(|w| w.contains("only +52")));
}

#[test]
fn timezone_decides_the_month_and_the_card() {
    // 2026-09-30T20:00Z is 2026-10-01 01:30 in India: October rules and card.
    let rows = vec![row(
        "2026-09-30T20:00:00Z",
        "+254712345678",
        "out",
        "template",
        "utility",
    )];
    // An IANA name with the default `timezones` feature, the same offset without it.
    let india = if wacost_core::bill::zone::Zone::parse("Asia/Kolkata").is_ok() {
        "Asia/Kolkata"
    } else {
        "+05:30"
    };
    let (report, msgs) = run(&format!(r#"{{"timezone": "{india}"}}"#), &rows);
    assert_eq!(report.months[0].month, "2026-10");
    assert_eq!(msgs[0].0.card.unwrap().to_string(), "2026-10-01");
    let (report, _) = run(r#"{"timezone": "+00:00"}"#, &rows);
    assert_eq!(report.months[0].month, "2026-09");
}
