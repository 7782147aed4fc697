//! `wacost compare --cards`, `wacost cards --month` and `wacost cards --diff` as a user runs
//! them, with figures from the cards.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{stdout, wacost};

const SHEET: &str = r#"{"month":"2026-11","utility_in_window":"0.25",
    "lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350},
             {"market":"Rest of Africa","marketing":8000}]}"#;

#[test]
fn compare_puts_each_model_on_the_card_of_its_time_by_default() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&wacost(&["compare", "--format", "json"], SHEET))).unwrap();
    assert_eq!(json["cards"], "of_their_time");
    let cards: Vec<&str> = json["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["rate_card"].as_str().unwrap())
        .collect();
    assert_eq!(
        cards,
        [
            "2021-02-01",
            "2022-02-01",
            "2024-10-01",
            "2024-10-01",
            "2026-07-01",
            "2026-10-01"
        ]
    );
    assert_eq!(json["answer"]["difference"], "3.465");
    let same: serde_json::Value = serde_json::from_str(&stdout(&wacost(
        &["compare", "--cards", "same", "--format", "json"],
        SHEET,
    )))
    .unwrap();
    assert_eq!(same["cards"], "same");
    assert!(same["versions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|v| v["rate_card"] == "2026-10-01" && v["card_reason"]["kind"] == "same"));
}

#[test]
fn the_compare_table_starts_with_the_answer_and_names_the_models() {
    let table = stdout(&wacost(&["compare", "--format", "table"], SHEET));
    let mut lines = table.lines();
    assert_eq!(
        lines.next(),
        Some("This month costs USD 3.465 more than under the rules before 1 October 2026 (Per message, Jul 2025 – Sep 2026, USD 2026-07-01 card): the rules add USD 3.465 (utility: utility templates inside the customer service window are now charged (+0.175); service: service messages beyond 1,000 per phone number are now charged (+3.29)); the prices of the 2026-10-01 card against the 2026-07-01 card change nothing.")
    );
    assert!(
        table.contains("Per message, Jul 2025 – Sep 2026 (pmp-2025-07)                  2026-07-01         $192.33         $192.33          -$3.47"),
        "{table}"
    );
    assert!(table.contains("Mexico test, 2021 (mx-2021-02)"), "{table}");
    assert!(
        table.contains("cannot be priced: the test priced conversations to Mexico only, and the sheet has India and Rest of Africa"),
        "{table}"
    );
    assert!(
        table.contains(
            "  card: the USD 2024-10-01 card, in force in the model's last month (2025-06)"
        ),
        "{table}"
    );
}

#[test]
fn an_unknown_mode_is_refused_with_the_values() {
    let output = wacost(&["compare", "--cards", "newest"], SHEET);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("invalid value 'newest' for '--cards <CARDS>'")
            && error.contains("[possible values: of-their-time, same]"),
        "{error}"
    );
}

#[test]
fn cards_month_lists_the_sixteen_currencies() {
    let table = stdout(&wacost(
        &["cards", "--month", "2026-11", "--format", "table"],
        "",
    ));
    assert!(
        table.starts_with("What each billing currency can price in 2026-11 (pmp-2026-10 rules)")
    );
    assert_eq!(table.lines().count(), 3 + 16, "{table}");
    assert!(
        table.contains("USD  complete  2026-10-01    47/47  2026-10-01"),
        "{table}"
    );
    assert!(table.contains("AUD  no card   -"), "{table}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&wacost(
        &["cards", "--month", "2024-10", "--format", "json"],
        "",
    )))
    .unwrap();
    let usd = &json[0];
    assert_eq!(
        (
            &usd["currency"],
            &usd["status"],
            &usd["card"],
            &usd["lacking"][0]
        ),
        (
            &serde_json::json!("USD"),
            &serde_json::json!("partial"),
            &serde_json::json!("2024-10-01"),
            &serde_json::json!("service")
        )
    );
    let output = wacost(&["cards", "--month", "2026-13"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("invalid value '2026-13' for '--month <MONTH>': not a month YYYY-MM"));
}

#[test]
fn cards_diff_shows_rates_markets_and_the_sheet() {
    let scenario = std::env::temp_dir().join(format!("wacost-diff-{}.json", std::process::id()));
    std::fs::write(
        &scenario,
        r#"{"month":"2026-05","lines":[{"country":"IT","marketing":10000},{"country":"GB","marketing":5000}]}"#,
    )
    .unwrap();
    let table = stdout(&wacost(
        &[
            "cards",
            "--diff",
            "2026-04-01",
            "2026-07-01",
            "--scenario",
            scenario.to_str().unwrap(),
            "--format",
            "table",
        ],
        "",
    ));
    let _ = std::fs::remove_file(&scenario);
    assert!(
        table.starts_with("USD 2026-04-01 → 2026-07-01 (market tables 2025-10-01 → 2026-07-01)")
    );
    assert!(
        table.contains("Italy                            marketing                        0.0691     0.0795     0.0104    +15.1%"),
        "{table}"
    );
    assert!(table.contains("market added: Poland (split from Rest of Central & Eastern Europe)"));
    assert!(table.contains("102 rates unchanged"));
    // Italy 10,000 × 0.0104 + the United Kingdom 5,000 × 0.0106.
    assert!(
        table.contains("The scenario under pmp-2025-07: $955.50 on the 2026-04-01 card, $1,112.50 on the 2026-07-01 card (+$157.00)"),
        "{table}"
    );
    let output = wacost(
        &[
            "cards",
            "--diff",
            "2026-04-01",
            "2026-07-01",
            "--currency",
            "GBP",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "wacost cards: old card: no GBP card takes effect on 2026-04-01 (the GBP cards in this build take effect on 2026-07-01, 2026-10-01)"
    );
    let output = wacost(&["cards", "--scenario", "x.json"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--diff <A> <B>"));
}

#[test]
fn the_card_list_says_what_each_category_holds() {
    let table = stdout(&wacost(&["cards", "--format", "table"], ""));
    assert!(
        table.contains("2024-10-01  USD  partial     32/32   104 no     marketing 32, utility 32, authentication 32, authentication_international 2, service 6 of 32"),
        "{table}"
    );
    assert!(table.contains("authentication lacks India"), "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&wacost(&["cards", "--format", "json"], ""))).unwrap();
    let card = json
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["effective"] == "2024-10-01" && c["currency"] == "USD")
        .unwrap();
    assert_eq!(card["held"], "all_but");
    assert_eq!(card["partial"], serde_json::json!(["service"]));
}
