//! Importing Meta's pricing_analytics: samples written from Meta's documented format
//! (tests/data/analytics), with worked volumes, shares and costs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rust_decimal::Decimal;
use std::str::FromStr;
use wacost_core::analytics::{import, ImportNote, ImportOptions, Skip};
use wacost_core::line_category::LineCategory;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/data/analytics/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn october() -> ImportOptions {
    ImportOptions {
        month: "2026-10".parse().ok(),
        ..ImportOptions::default()
    }
}

#[test]
fn a_file_of_two_months_asks_for_one() {
    // The WABA's days start at 18:30 UTC (Asia/Kolkata): the day of 1 October starts on
    // 30 September in UTC and still counts in October.
    let errors = import(
        &sample("2026-10-daily-two-numbers.json"),
        &ImportOptions::default(),
    )
    .unwrap_err()
    .lines();
    assert_eq!(
        errors,
        vec!["month: the file holds data of 2026-09, 2026-10: choose one month"]
    );
    let errors = import(
        &sample("2026-10-daily-two-numbers.json"),
        &ImportOptions {
            month: "2026-11".parse().ok(),
            ..ImportOptions::default()
        },
    )
    .unwrap_err()
    .lines();
    assert_eq!(
        errors,
        vec!["month: the file has no data point in 2026-11 (it holds 2026-09, 2026-10)"]
    );
}

#[test]
fn daily_points_fill_lines_shares_and_phone_numbers() {
    let i = import(&sample("2026-10-daily-two-numbers.json"), &october()).unwrap();
    let s = &i.scenario;
    assert_eq!(i.month, "2026-10");
    assert_eq!(i.months_in_file, vec!["2026-09", "2026-10"]);
    let lines: Vec<(String, u64, u64, u64, u64)> = s
        .lines
        .iter()
        .map(|l| {
            (
                l.country.clone().unwrap(),
                l.marketing,
                l.utility,
                l.authentication,
                l.service,
            )
        })
        .collect();
    // Three local days, two numbers: India 6 × (600, 425, 150, 320); Brazil 3 × (200, 100).
    assert_eq!(
        lines,
        vec![
            ("BR".to_string(), 600, 0, 0, 300),
            ("IN".to_string(), 3600, 2550, 900, 1920)
        ]
    );
    assert_eq!(s.phone_numbers, 2);
    // Free entry point: 150 utility + 120 service of 9,870 messages = 0.02736 → 0.0274.
    assert_eq!(s.entry_point, d("0.0274"));
    // From 2026-10 utility inside the window is charged (REGULAR): no share.
    assert_eq!(s.utility_in_window, Decimal::ZERO);
    assert_eq!(i.imported.get(LineCategory::Service), 2220);
    let skipped: Vec<(&str, Skip, u64, String)> = i
        .not_imported
        .iter()
        .map(|n| {
            (
                n.pricing_category.as_str(),
                n.reason,
                n.volume,
                n.cost.map(|c| c.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        vec![
            (
                "AUTHENTICATION_INTERNATIONAL",
                Skip::AuthenticationInternational,
                60,
                "1.824".to_string()
            ),
            ("GROUP_SERVICE", Skip::Group, 90, "0.00".to_string()),
            (
                "MARKETING_LITE",
                Skip::MarketingLite,
                150,
                "9.375".to_string()
            ),
        ]
    );
    assert!(i.notes.contains(&ImportNote::FreeCustomerService {
        from_2026_10: true,
        volume: 2100
    }));
    assert!(i.warnings[0].starts_with("The imported sheet is an approximation"));
}

#[test]
fn meta_costs_are_set_beside_wacosts_price() {
    let i = import(&sample("2026-10-daily-two-numbers.json"), &october()).unwrap();
    let costs = i.costs.unwrap();
    let rows: Vec<(&str, LineCategory, u64, String, String, String)> = costs
        .rows
        .iter()
        .map(|r| {
            (
                r.market.as_str(),
                r.category,
                r.volume,
                r.meta_cost.to_string(),
                r.wacost.to_string(),
                r.difference.to_string(),
            )
        })
        .collect();
    // wacost prices the sheet with the global entry point share: India marketing
    // 3,600 − 99 = 3,501 × 0.0118 = 41.3118 against Meta's 6 × 7.08 = 42.48.
    // Service: 2,000 free over India's 1,867 and Brazil's 292 after the entry point share
    // (1,730 and 270 by largest remainder), the rest charged: Meta counted them free by day.
    assert_eq!(
        rows,
        vec![
            (
                "Brazil",
                LineCategory::Marketing,
                600,
                "37.50".into(),
                "36.50".into(),
                "-1.00".into()
            ),
            (
                "Brazil",
                LineCategory::Service,
                300,
                "0.00".into(),
                "0.1496".into(),
                "0.1496".into()
            ),
            (
                "India",
                LineCategory::Marketing,
                3600,
                "42.48".into(),
                "41.3118".into(),
                "-1.1682".into()
            ),
            (
                "India",
                LineCategory::Utility,
                2550,
                "3.36".into(),
                "3.472".into(),
                "0.112".into()
            ),
            (
                "India",
                LineCategory::Authentication,
                900,
                "1.26".into(),
                "1.225".into(),
                "-0.035".into()
            ),
            (
                "India",
                LineCategory::Service,
                1920,
                "0.00".into(),
                "0.1918".into(),
                "0.1918".into()
            ),
        ]
    );
    assert_eq!(costs.meta_cost, "84.60");
    assert_eq!(costs.difference.value(), costs.wacost.value() - d("84.60"));
}

#[test]
fn a_monthly_volume_only_page_gives_the_window_share_and_says_what_it_lacks() {
    let i = import(
        &sample("2026-09-monthly-volume-only.json"),
        &ImportOptions::default(),
    )
    .unwrap();
    let s = &i.scenario;
    assert_eq!(i.month, "2026-09");
    assert_eq!(
        (
            s.lines[0].marketing,
            s.lines[0].utility,
            s.lines[0].authentication,
            s.lines[0].service
        ),
        (5000, 4500, 2000, 8000)
    );
    // 500 of 19,500 through entry points; 1,000 of the 4,000 utility left inside the window.
    assert_eq!(s.entry_point, d("0.0256"));
    assert_eq!(s.utility_in_window, d("0.25"));
    assert_eq!(s.phone_numbers, 1);
    assert_eq!(i.costs, None);
    let kinds: Vec<String> = i
        .notes
        .iter()
        .map(|n| {
            serde_json::to_value(n).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "approximation",
            "free_customer_service",
            "phone_numbers",
            "not_imported",
            "no_cost",
            "next_page"
        ]
    );
    assert_eq!(
        i.warnings[3],
        "Not imported: 40 REFERRAL_CONVERSION messages: free entry point conversations do not say their messages' category."
    );
    // The imported sheet is a scenario like any other.
    assert!(wacost_core::estimate::estimate(s).is_ok());
}

#[test]
fn bad_files_are_refused_with_the_place_of_each_problem() {
    let bad = r#"{"pricing_analytics":{"data":[{"data_points":[
        {"start":1790793000,"end":1790879400,"country":"IN","pricing_type":"REGULAR","pricing_category":"MARKETING","volume":"12.5"},
        {"start":"soon","end":1790879400,"volume":3,"cost":"n/a"}]}]}}"#;
    assert_eq!(
        import(bad, &ImportOptions::default()).unwrap_err().lines(),
        vec![
            "pricing_analytics.data[0].data_points[0].volume: must be a whole number >= 0, got \"12.5\"",
            "pricing_analytics.data[0].data_points[1].start: must be a UNIX timestamp in seconds, got \"soon\"",
            "pricing_analytics.data[0].data_points[1].cost: must be a decimal amount, got \"n/a\"",
        ]
    );
    assert_eq!(
        import("{\"id\": \"1\"}", &ImportOptions::default()).unwrap_err().lines(),
        vec!["(file): not a pricing_analytics response: expected {\"pricing_analytics\": {\"data\": [{\"data_points\": [...]}]}} or {\"data\": [{\"data_points\": [...]}]}"]
    );
    assert_eq!(
        import(
            "{\"data\": [{\"data_points\": []}]}",
            &ImportOptions::default()
        )
        .unwrap_err()
        .lines(),
        vec!["(file): the file has no data point"]
    );
    // Fields Meta may add are reported, not refused.
    let extra = r#"{"data":[{"data_points":[{"start":1790793000,"end":1790879400,"country":"IN",
        "pricing_type":"REGULAR","pricing_category":"MARKETING","volume":10,"subtype":"x"}]}]}"#;
    let i = import(extra, &ImportOptions::default()).unwrap();
    assert_eq!(
        i.warnings.last().unwrap(),
        "Data point fields wacost does not read: subtype."
    );
}
