//! `wacost estimate` and `wacost compare` as a user runs them: JSON out, or one line per
//! problem on standard error with exit status 2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{stderr_lines, wacost};

/// Fails with exit 2 and exactly the expected lines (each given by its start).
fn assert_fails(args: &[&str], input: &str, expected: &[&str]) {
    let output = wacost(args, input);
    let lines = stderr_lines(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?} {input}: {lines:?}");
    assert!(output.stdout.is_empty(), "nothing on stdout when failing");
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    for (line, start) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(start),
            "`{line}` should start with `{start}`"
        );
    }
}

/// A usage error, worded by clap: exit 2, nothing read or printed, `first` as the first line
/// (the option and the value it refused) and clap's pointer to `--help` as the last.
fn assert_usage_error(args: &[&str], first: &str) {
    let output = wacost(args, "");
    let lines = stderr_lines(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {lines:?}");
    assert!(output.stdout.is_empty(), "nothing on stdout when failing");
    assert_eq!(lines.first().map(String::as_str), Some(first), "{lines:#?}");
    assert_eq!(
        lines.last().map(String::as_str),
        Some("For more information, try '--help'.")
    );
}

#[test]
fn estimate_prints_json_by_default() {
    let output = wacost(
        &["estimate", "-"],
        r#"{"month":"2026-10","lines":[{"country":"KZ","service":3000}]}"#,
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", stderr_lines(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(json["meta_total"], "36.00");
    assert_eq!(json["rules"], "pmp-2026-10");
    assert_eq!(json["markets"][0]["categories"][3]["charged"], 2000);
}

#[test]
fn rules_and_rate_card_flags_complete_a_scenario_without_month() {
    let input = r#"{"lines":[{"market":"Rest of Africa","marketing":8000}]}"#;
    let output = wacost(
        &[
            "estimate",
            "--rules",
            "pmp-2025-07",
            "--rate-card",
            "2026-07-01",
        ],
        input,
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", stderr_lines(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (
            json["rules"].as_str(),
            json["rate_card"].as_str(),
            json["total"].as_str()
        ),
        (Some("pmp-2025-07"), Some("2026-07-01"), Some("180.00"))
    );
    let table = wacost(
        &[
            "estimate",
            "--rules=pmp-2025-07",
            "--rate-card=2026-07-01",
            "--format",
            "table",
        ],
        input,
    );
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("Meta total      $180.00\n"), "{text}");
}

#[test]
fn estimate_and_compare_export_csv_with_exact_and_rounded_amounts() {
    let input = r#"{"month":"2026-10","lines":[{"country":"IN","marketing":7}],
        "bsp":{"per_message":"0.0015"}}"#;
    let output = wacost(&["estimate", "--format", "csv"], input);
    assert!(output.status.success(), "{:?}", stderr_lines(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "currency,rules,rate_card,month,row,market,category,tier,from,to,delivered,free_entry_point,free_window,free_allowance,charged,quantity,rate,amount,amount_rounded"
    );
    assert!(lines.contains(
        &"USD,pmp-2026-10,2026-10-01,2026-10,category,India,marketing,,,,7,0,0,0,7,,0.0118,0.0826,0.08"
    ));
    assert!(lines.contains(
        &"USD,pmp-2026-10,2026-10-01,2026-10,bsp_per_message_charged,,,,,,,,,,,7,0.0015,0.0105,0.01"
    ));
    assert_eq!(
        lines.last(),
        Some(&"USD,pmp-2026-10,2026-10-01,2026-10,total,,,,,,,,,,,,,0.0931,0.09")
    );
    let output = wacost(&["compare", "--format", "csv"], input);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "USD,2026-10-01,2026-10,pmp-2025-07,category,India,marketing,7,0.0826,0.08,\n"
        ),
        "{text}"
    );
}

#[test]
fn the_table_breaks_the_provider_fees_into_their_parts() {
    let input = r#"{"month":"2026-10","phone_numbers":2,"lines":[{"country":"BR","utility":20000}],
        "bsp":{"per_message":"0.005","markup":"0.1","monthly":"49","per_number":"2.5"}}"#;
    let output = wacost(&["estimate", "--format", "table"], input);
    let text = String::from_utf8(output.stdout).unwrap();
    for line in [
        "Meta total      $136.00\n",
        "BSP fees        $167.60\n",
        "  per message   20,000 charged x $0.0050 = $100.00\n",
        "  markup        10% of Meta's charge = $13.60\n",
        "  monthly       $49.00\n",
        "  per number    2 number(s) x $2.50 = $5.00\n",
        "Total           $303.60\n",
        "  Brazil utility: 20,000 charged, tier 1 of 6 (1 to 250,000 at $0.0068); 230,000 more at this rate, then tier 2 starts at message 250,001 ($0.0065, $0.0003 less a message)\n",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
}

#[test]
fn compare_prints_every_rules_version() {
    let output = wacost(
        &["compare"],
        r#"{"month":"2026-10","lines":[{"country":"IN","service":3350}]}"#,
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", stderr_lines(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let versions = json["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 6);
    assert_eq!(versions[5]["estimate"]["meta_total"], "3.29");
    assert_eq!(versions[4]["estimate"]["meta_total"], "0.00");
    assert!(versions[0]["estimate"].is_null());
}

#[test]
fn negative_and_fractional_counts_one_line_each() {
    assert_fails(
        &["estimate"],
        r#"{"month":"2026-10","lines":[{"country":"IN","utility":"12.5","marketing":-1},{"country":"IN","service":12.5}]}"#,
        &[
            "wacost estimate: lines[0].marketing: must be a whole number >= 0, got -1",
            "wacost estimate: lines[0].utility: must be a whole number >= 0, got \"12.5\"",
            "wacost estimate: lines[1].service: must be a whole number >= 0, got 12.5",
        ],
    );
}

#[test]
fn shares_outside_zero_to_one() {
    assert_fails(
        &["estimate"],
        r#"{"month":"2026-10","entry_point":"1.5","utility_in_window":-0.1,"lines":[]}"#,
        &[
            "wacost estimate: utility_in_window: must be a decimal number from 0 to 1, got -0.1",
            "wacost estimate: entry_point: must be a decimal number from 0 to 1, got \"1.5\"",
        ],
    );
}

#[test]
fn unknown_rules() {
    assert_fails(
        &["estimate"],
        r#"{"month":"2026-10","rules":"pmp-2027-01","lines":[]}"#,
        &["wacost estimate: rules: `pmp-2027-01` is not a rules version"],
    );
    assert_usage_error(
        &["estimate", "--rules", "cbp-2019"],
        "error: invalid value 'cbp-2019' for '--rules <RULES>': `cbp-2019` is not a rules version (one of mx-2021-02, cbp-2022-02, cbp-2023-06, cbp-2024-11, pmp-2025-07, pmp-2026-10)",
    );
}

#[test]
fn unknown_country_code_format() {
    assert_fails(
        &["compare"],
        r#"{"month":"2026-10","lines":[{"country":"IND","marketing":1},{"country":"+91","marketing":1}]}"#,
        &[
            "wacost compare: lines[0].country: must be an ISO 3166-1 alpha-2 country code",
            "wacost compare: lines[1].country: must be an ISO 3166-1 alpha-2 country code",
        ],
    );
}

#[test]
fn a_currency_without_a_card() {
    for command in ["estimate", "compare"] {
        assert_fails(
            &[command],
            r#"{"month":"2026-10","currency":"AUD","lines":[{"country":"AU","marketing":1}]}"#,
            &[&format!(
                "wacost {command}: currency: no rate card in AUD in this build"
            )],
        );
    }
}

#[test]
fn malformed_json_is_one_clear_line() {
    assert_fails(
        &["estimate"],
        r#"{"month":"2026-10","lines":[{"country":"IN",}]}"#,
        &["wacost estimate: the scenario is not valid JSON: trailing comma at line 1 column 45"],
    );
}

#[test]
fn unknown_fields_and_options_are_errors() {
    assert_fails(
        &["estimate"],
        r#"{"month":"2026-10","entrypoint":"0.1","lines":[]}"#,
        &["wacost estimate: entrypoint: unknown field"],
    );
    assert_usage_error(
        &["estimate", "--card", "2026-10-01"],
        "error: unexpected argument '--card' found",
    );
    assert_usage_error(
        &["compare", "--rate-card", "2026-02-30"],
        "error: invalid value '2026-02-30' for '--rate-card <DATE>': not a date YYYY-MM-DD",
    );
    assert_usage_error(
        &["estimate", "--format", "xlsx"],
        "error: invalid value 'xlsx' for '--format <FORMAT>'",
    );
}
