//! `wacost plan`, `budget`, `levers` and `import-analytics` as a user runs them: JSON (or the
//! scenario) on standard output; a bad option named with its value, exit status 2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{json, stderr_lines as stderr, wacost};

const SHEET: &str = r#"{"month":"2026-07","lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350}]}"#;

fn sample(name: &str) -> String {
    format!(
        "{}/../core/tests/data/analytics/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn plan_prints_each_month_and_the_totals() {
    let out = json(&wacost(
        &["plan", "-", "--months", "4", "--format", "json"],
        SHEET,
    ));
    let months = out["months"].as_array().unwrap();
    assert_eq!(months.len(), 4);
    assert_eq!(months[3]["month"], "2026-10");
    assert_eq!(months[3]["rules"], "pmp-2026-10");
    assert_eq!(months[3]["total"], "15.79");
    assert_eq!(months[3]["categories"]["service"], "3.29");
    assert_eq!(months[3]["notes"][0]["kind"], "rules_change");
    // 3 × 12.50 + 15.79.
    assert_eq!(out["total"], "53.29");
    assert_eq!(out["meta_total"], "53.29");
}

#[test]
fn plan_options_are_named_with_their_values() {
    let output = wacost(
        &[
            "plan",
            "-",
            "--months",
            "37",
            "--growth",
            "-1.5",
            "--growth-service",
            "11",
            "--multipliers",
            "11:1.8,0:2",
        ],
        SHEET,
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        vec![
            "wacost plan: --months: must be a whole number of months from 1 to 36, got 37",
            "wacost plan: --growth: must be a monthly growth as a fraction above -1 and at most 10 (0.05 is 5 % a month), got \"-1.5\"",
            "wacost plan: --growth-service: must be a monthly growth as a fraction above -1 and at most 10 (0.05 is 5 % a month), got \"11\"",
            "wacost plan: --multipliers: must be a calendar month from 1 (January) to 12 (December), got 0",
        ]
    );
    let output = wacost(&["plan", "-", "--start", "2026-13"], SHEET);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output)[0]
        .contains("invalid value '2026-13' for '--start <YYYY-MM>': not a month YYYY-MM"));
    let fixed = r#"{"month":"2026-07","rules":"pmp-2025-07","lines":[]}"#;
    let output = wacost(&["plan"], fixed);
    assert_eq!(
        stderr(&output),
        vec!["wacost plan: rules: a plan prices each month with the rules in force in that month: remove rules from the scenario"]
    );
}

#[test]
fn budget_prints_the_count_and_the_totals_around_it() {
    let out = json(&wacost(
        &[
            "budget",
            "-",
            "--country",
            "in",
            "--category",
            "marketing",
            "--amount",
            "100",
            "--format",
            "json",
        ],
        SHEET,
    ));
    // July 2026: 12.50 for the sheet, then 0.0118 per marketing message to India.
    assert_eq!(out["market"], "India");
    assert_eq!(out["count"], 7415);
    assert_eq!(out["fits"], true);
    assert_eq!(out["unbounded"], false);
    assert_eq!(out["total_at_count"], "99.997");
    assert_eq!(out["total_at_next"], "100.0088");
    let service_to_atlantis = |amount| {
        wacost(
            &[
                "budget",
                "--market",
                "Atlantis",
                "--category",
                "service",
                "--amount",
                amount,
            ],
            SHEET,
        )
    };
    let output = service_to_atlantis("1,000");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output)[0]
        .starts_with("error: invalid value '1,000' for '--amount <B>': not a decimal number"));
    let output = service_to_atlantis("10");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)[0].starts_with("wacost budget: --market: \"Atlantis\" is not a market"),
        "{:?}",
        stderr(&output)
    );
}

#[test]
fn levers_list_what_saves_money() {
    let sheet = r#"{"month":"2026-11","lines":[{"country":"IN","marketing":1000,"service":3350}]}"#;
    let out = json(&wacost(&["levers", "--format", "json"], sheet));
    let levers = out["levers"].as_array().unwrap();
    assert_eq!(levers.len(), 2);
    assert_eq!(levers[0]["lever"], "entry_point");
    assert_eq!(levers[0]["rule"], "SVC-2");
    assert_eq!(levers[1]["lever"], "phone_number");
    // 1,000 more free service messages at India's 0.0014.
    assert_eq!(levers[1]["saving"], "1.40");
}

#[test]
fn import_analytics_writes_a_scenario_and_reports_on_standard_error() {
    let file = sample("2026-10-daily-two-numbers.json");
    let output = wacost(&["import-analytics", &file, "--month", "2026-10"], "");
    let scenario = json(&output);
    assert_eq!(scenario["month"], "2026-10");
    assert_eq!(scenario["phone_numbers"], 2);
    assert_eq!(scenario["entry_point"], "0.0274");
    let report = stderr(&output);
    assert_eq!(
        report[0],
        "Imported 2026-10: 9,870 messages in 2 line(s) (months in the file: 2026-09, 2026-10)"
    );
    // The difference in the one money format: -1.7498 shown to the cent.
    assert!(report
        .iter()
        .any(|l| l.starts_with("total ") && l.ends_with(" -$1.75")));
    // The scenario is one `wacost estimate` reads.
    let estimate = json(&wacost(
        &["estimate", "--format", "json"],
        &*String::from_utf8_lossy(&output.stdout),
    ));
    assert_eq!(estimate["rules"], "pmp-2026-10");

    let output = wacost(&["import-analytics", &file], "");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        vec!["wacost import-analytics: --month: the file holds data of 2026-09, 2026-10: choose one month"]
    );
}

#[test]
fn import_analytics_report_goes_to_a_file_whole() {
    let dir = std::env::temp_dir().join(format!("wacost-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.json");
    let file = sample("2026-09-monthly-volume-only.json");
    let output = wacost(
        &[
            "import-analytics",
            &file,
            "--report",
            report.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
    let whole: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(whole["month"], "2026-09");
    assert_eq!(whole["scenario"]["utility_in_window"], "0.25");
    assert_eq!(
        whole["not_imported"][0]["pricing_category"],
        "REFERRAL_CONVERSION"
    );
    // The analytics file itself is refused as the report.
    let output = wacost(&["import-analytics", &file, "--report", &file], "");
    assert_eq!(output.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
