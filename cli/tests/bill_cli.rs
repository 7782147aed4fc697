//! `wacost bill` and `wacost generate-log` from the outside: exit codes, JSON, detail file,
//! bad rows, unsorted input, reconciliation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{json, stderr_text, wacost_without_input as wacost, LOG};
use std::path::{Path, PathBuf};

fn temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wacost-bill-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `wacost bill LOG --format json EXTRA…`, which must succeed, as JSON.
fn bill_json(log: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["bill", log.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    json(&wacost(&args))
}

#[test]
fn bills_a_log_to_json_with_a_detail_file_and_reconciliation() {
    let log = temp("e1.csv", LOG);
    let detail = log.with_file_name("e1-detail.csv");
    let json = bill_json(&log, &["--detail", detail.to_str().unwrap()]);
    assert_eq!(json["meta_total"], "0.0265");
    assert_eq!(json["months"][0]["month"], "2026-08");
    assert_eq!(json["months"][0]["markets"][0]["market"], "Rest of Africa");
    let recon = &json["reconciliation"];
    assert_eq!(recon["compared"], 4);
    assert_eq!(recon["differences"], 1);
    assert_eq!(recon["listed"][0]["line"], 5);
    assert_eq!(recon["listed"][0]["rule"], "PMP-4");
    assert_eq!(recon["listed"][0]["ours"]["type"], "free_customer_service");
    let detail = std::fs::read_to_string(&detail).unwrap();
    let lines: Vec<&str> = detail.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0]
        .starts_with("line,time,phone_number,user,market,rules,pricing_model,category,type"));
    assert_eq!(
        lines[4],
        "6,2026-08-04T06:00:00Z,PN1,+254712345678,Rest of Africa,pmp-2025-07,PMP,utility,regular,,,,0.004,0.004,2026-07-01,charged,PMP-7"
    );
}

#[test]
fn the_same_log_under_another_rules_version() {
    let log = temp("e1b.csv", LOG);
    let json = bill_json(&log, &["--rules", "pmp-2026-10"]);
    // The utility template inside the window is charged from October 2026 (SVC-5).
    assert_eq!(json["meta_total"], "0.0305");
    let table = wacost(&["bill", log.to_str().unwrap(), "--format", "table"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("Meta total: $0.03 (exact 0.0265)\n"),
        "{text}"
    );
    assert!(text.contains("category utility                                     2          1          1          $0.00\n"), "{text}");
}

#[test]
fn an_invoice_total_is_compared_with_the_bill() {
    let log = temp("invoice.csv", LOG);
    let path = log.to_str().unwrap();
    let out = wacost(&["bill", path, "--format", "json", "--invoice-total", "$0.03"]);
    let json = json(&out);
    assert_eq!(
        json["invoice"],
        serde_json::json!({"invoice_total": "0.03", "meta_total": "0.0265", "difference": "0.0035"})
    );
    let out = wacost(&["bill", path, "--format", "table", "--invoice-total", "0.02"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "Invoice total: $0.02; difference (invoice - bill): -$0.01 (exact -0.0065)\n"
        ),
        "{text}"
    );
    let out = wacost(&["bill", path, "--invoice-total", "-1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(
        "invalid value '-1' for '--invoice-total <AMOUNT>': `-1` is not an invoice total (a total has no sign)"
    ));
}

#[test]
fn a_bad_row_fails_without_a_bill_unless_skipped() {
    let text = format!("{LOG}2026-08-05T00:00:00Z,PN1,+254712345678,out,template,promo,,,\nnot-a-time,PN1,+254712345678,in,message,,,,\n");
    let log = temp("bad.csv", &text);
    let out = wacost(&["bill", log.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "line 7, column `category`: `promo` is not one of marketing, utility, authentication"
        ),
        "{err}"
    );
    assert!(
        err.contains("line 8, column `time`: `not-a-time` is not an RFC 3339 time"),
        "{err}"
    );
    let json = bill_json(&log, &["--skip-bad-rows"]);
    assert_eq!(json["meta_total"], "0.0265");
    assert_eq!(json["skipped_rows"].as_array().unwrap().len(), 2);
}

#[test]
fn unsorted_files_are_sorted_and_bill_the_same() {
    let mut lines: Vec<&str> = LOG.lines().collect();
    let header = lines.remove(0);
    lines.reverse();
    let log = temp("reversed.csv", &format!("{header}\n{}\n", lines.join("\n")));
    let detail = log.with_file_name("reversed-detail.csv");
    let json = bill_json(&log, &["--detail", detail.to_str().unwrap()]);
    assert_eq!(json["meta_total"], "0.0265");
    assert_eq!(json["sorted_in_memory"], true);
    // The detail file holds each message once, in time order.
    let detail = std::fs::read_to_string(&detail).unwrap();
    assert_eq!(detail.lines().count(), 5);
    assert!(detail
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("6,2026-08-03T00:00:00Z"));
}

#[test]
fn settings_file_errors_name_the_field() {
    let log = temp("e1c.csv", LOG);
    let settings = temp(
        "settings.json",
        r#"{"timezone": "Mars/Olympus", "rules": "pmp-2030"}"#,
    );
    let out = wacost(&[
        "bill",
        log.to_str().unwrap(),
        "--settings",
        settings.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("timezone: `Mars/Olympus`"), "{err}");
    assert!(err.contains("rules: `pmp-2030` is not `auto`"), "{err}");
    let settings = temp(
        "settings2.json",
        r#"{"timezone": "+05:30", "currency": "USD", "rules": "auto", "rate_card": "2026-10-01"}"#,
    );
    let out = wacost(&[
        "bill",
        log.to_str().unwrap(),
        "--settings",
        settings.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json = json(&out);
    assert_eq!(json["rate_card"], "2026-10-01");
}

#[test]
fn generate_log_is_deterministic_and_bills() {
    let generate = || {
        wacost(&[
            "generate-log",
            "--rows",
            "2000",
            "--seed",
            "9",
            "--users",
            "100",
        ])
    };
    let (a, b) = (generate(), generate());
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8(a.stdout).unwrap();
    assert_eq!(text.lines().count(), 2001);
    let log = temp("generated.csv", &text);
    let json = bill_json(&log, &[]);
    assert_eq!(json["rows"], 2000);
    assert_ne!(json["meta_total"], "0.00");
    let bad = wacost(&["generate-log", "--rows", "ten"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn crlf_and_blank_lines_keep_line_numbers_right() {
    let text = "time,phone_number,user,direction,kind,category,status\r\n\
        2026-10-05T10:00:00Z,PN1,+919876543210,out,template,marketing,\r\n\
        \r\n\
        2026-10-05T11:00:00Z,PN1,+919876543210,out,template,utility,sent\r\n";
    let log = temp("crlf.csv", text);
    let out = wacost(&["bill", log.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 4, column `status`: `sent`"), "{err}");
    let out = wacost(&[
        "bill",
        log.to_str().unwrap(),
        "--format",
        "json",
        "--skip-bad-rows",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["meta_total"], "0.0118");
    assert_eq!(json["rows"], 2);
}

#[test]
fn utf16_logs_and_rows_not_in_utf8_are_worded_for_the_command_line() {
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(LOG.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let log = temp("utf16.csv", "");
    std::fs::write(&log, &utf16).unwrap();
    let path = log.to_str().unwrap();
    let out = wacost(&["bill", path, "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_text(&out),
        format!("wacost bill: `{path}` is UTF-16 text; save it as CSV UTF-8\n")
    );
    let mut bytes = LOG.as_bytes().to_vec();
    bytes.extend_from_slice(
        b"2026-08-05T00:00:00Z,PN\xff,+254712345678,out,template,marketing,,,\n",
    );
    let log = temp("latin1.csv", "");
    std::fs::write(&log, &bytes).unwrap();
    let path = log.to_str().unwrap();
    let out = wacost(&["bill", path, "--format", "json"]);
    assert_eq!(
        stderr_text(&out),
        "wacost bill: line 7, column `(row)`: `2026-08-05T00:00:00Z,PN\u{fffd},+254712345678,out,template,marketin` is not UTF-8 text (byte 24 of the line)\n\
         wacost bill: 1 malformed row(s): no bill (use --skip-bad-rows to bill the rest)\n"
    );
    let out = wacost(&["bill", path, "--format", "json", "--skip-bad-rows"]);
    let json = json(&out);
    assert_eq!(json["meta_total"], "0.0265");
    assert_eq!(json["rows"], 6);
}

#[test]
fn options_are_named_as_options_and_settings_files_by_path() {
    let log = temp("e1d.csv", LOG);
    let log = log.to_str().unwrap();
    let out = wacost(&["bill", log, "--rate-card", "soon"]);
    assert_eq!(
        stderr_text(&out),
        "wacost bill: --rate-card: `soon` is not `auto` or a date YYYY-MM-DD\n"
    );
    let out = wacost(&["bill", log, "--timezone", "+25:00"]);
    assert_eq!(
        stderr_text(&out),
        "wacost bill: --timezone: `+25:00` is not an offset like +05:30\n"
    );
    let out = wacost(&["bill", log, "--rules", "pmp-2030"]);
    assert!(stderr_text(&out).starts_with(
        "wacost bill: --rules: `pmp-2030` is not `auto` or one of mx-2021-02, cbp-2022-02,"
    ));
    let settings = temp(
        "settings-1600.json",
        r#"{"business_country": "IN", "auth_international_from": "1600-01-01T00:00:00Z"}"#,
    );
    let settings = settings.to_str().unwrap();
    let out = wacost(&["bill", log, "--settings", settings]);
    assert_eq!(
        stderr_text(&out),
        format!("wacost bill: {settings}: auth_international_from: `1600-01-01T00:00:00Z` is outside the times a bill can hold (1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z)\n")
    );
}

#[test]
fn standard_input_bills_and_reports_rows_not_in_utf8() {
    let mut bytes = LOG.as_bytes().to_vec();
    bytes.extend_from_slice(
        b"2026-08-05T00:00:00Z,PN\xff,+254712345678,out,template,marketing,,,\n",
    );
    let out = common::wacost(
        &["bill", "-", "--format", "json", "--skip-bad-rows"],
        &bytes,
    );
    let json = json(&out);
    assert_eq!(json["meta_total"], "0.0265");
    assert_eq!(json["skipped_rows"].as_array().unwrap().len(), 1);
}

#[test]
fn malformed_rows_are_listed_up_to_a_hundred() {
    let mut log = LOG.to_string();
    for _ in 0..150 {
        log.push_str("2026-08-05T00:00:00Z,PN1,+254712345678,sideways,template,marketing,,,\n");
    }
    let log = temp("many-bad.csv", &log);
    let out = wacost(&["bill", log.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr_text(&out);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 102, "{stderr}");
    assert_eq!(
        lines[100],
        "wacost bill: … and 50 more malformed rows (the first 100 are listed)"
    );
    assert_eq!(
        lines[101],
        "wacost bill: 150 malformed row(s): no bill (use --skip-bad-rows to bill the rest)"
    );
}

/// The largest figures the options take do not overflow: every user number is spread over
/// real-looking phone numbers in 128 bits.
#[test]
fn generate_log_takes_the_largest_user_count() {
    let out = wacost(&[
        "generate-log",
        "--rows",
        "20",
        "--users",
        "18446744073709551615",
    ]);
    assert!(out.status.success(), "{}", stderr_text(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 21);
    let log = temp("max-users.csv", &text);
    let bill = wacost(&["bill", log.to_str().unwrap(), "--format", "json"]);
    assert!(bill.status.success(), "{}", stderr_text(&bill));
}
