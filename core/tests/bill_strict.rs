//! Strict logs: what a log may and may not hold (issue "Strict logs"), with the exact
//! messages and figures a user sees, and the optional `message_id` column.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bill_common;

use bill_common::{run_text, settings, Collect, HEADER};
use wacost_core::bill::{self, BillError, Options, Session, Settings};
use wacost_core::Catalog;

const KENYA: &str = "+254712345678"; // Rest of Africa: marketing 0.0225, utility 0.004 (2026-08)

fn bill_of(text: &str, skip: bool) -> Result<bill::Report, BillError> {
    bill::bill_text(
        Catalog::builtin(),
        &Settings::default(),
        text,
        Options {
            skip_bad_rows: skip,
        },
        &mut Collect::default(),
    )
}

fn bad_rows(text: &str) -> Vec<String> {
    match bill_of(text, false) {
        Err(BillError::MalformedRows(bad)) => bad.rows.iter().map(ToString::to_string).collect(),
        other => panic!("expected malformed rows, got {other:?}"),
    }
}

fn log(rows: &[&str]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

#[test]
fn extra_fields_must_be_empty() {
    let text = log(&[
        "2026-08-03T00:00:00Z,PN1,+254712345678,out,template,marketing,,,",
        "2026-08-03T01:00:00Z,PN1,+254712345678,out,template,utility,, ,x",
    ]);
    assert_eq!(
        bad_rows(&text),
        vec!["line 3, column `(row)`: `x` is field 9 of 9, beyond the header's 7 columns (fields past the header must be empty)"]
    );
    // Trailing empty fields, as many exporters write them, are a row like any other.
    let report = bill_of(&text, true).unwrap();
    assert_eq!(report.meta_total, "0.0225");
    assert_eq!(report.rows, 2);
}

#[test]
fn inbound_status_is_checked() {
    let text = log(&[
        "2026-08-03T00:00:00Z,PN1,+254712345678,in,message,,read",
        "2026-08-03T00:01:00Z,PN1,+254712345678,in,message,,delivered",
        "2026-08-03T00:02:00Z,PN1,+254712345678,in,message,,sent",
        "2026-08-03T00:03:00Z,PN1,+254712345678,in,call,,failed",
    ]);
    assert_eq!(
        bad_rows(&text),
        vec![
            "line 4, column `status`: `sent` is not empty, `delivered` or `read` (the status of a message the business received)",
            "line 5, column `status`: `failed` is not empty, `delivered` or `read` (the status of a message the business received)",
        ]
    );
}

#[test]
fn a_column_named_twice_is_refused_and_a_utf8_bom_accepted() {
    let text = "time,phone_number,user,direction,kind,category,status,User\n";
    match bill_of(text, false) {
        Err(e) => assert_eq!(
            e.to_string(),
            "line 1 (header): column `user` appears twice (columns 3 and 8)"
        ),
        Ok(_) => panic!("a duplicated column must be refused"),
    }
    // Ignored columns may repeat.
    let text = format!(
        "{HEADER},note,note\n2026-08-03T00:00:00Z,PN1,{KENYA},out,template,marketing,,a,b\n"
    );
    assert_eq!(bill_of(&text, false).unwrap().meta_total, "0.0225");
    let text =
        format!("\u{feff}{HEADER}\n2026-08-03T00:00:00Z,PN1,{KENYA},out,template,marketing,\n");
    assert_eq!(bill_of(&text, false).unwrap().meta_total, "0.0225");
}

#[test]
fn blank_lines_are_skipped_and_counted() {
    // Empty, spaces, a tab, a no-break space and an ideographic space (Unicode White_Space):
    // all blank, before the header too; the rows keep their line numbers.
    let text = format!(
        "\n{HEADER}\n \t\n2026-08-03T00:00:00Z,PN1,{KENYA},out,template,marketing,\n\u{a0}\r\n\u{3000}\nnot-a-time,PN1,{KENYA},in,message,,\n"
    );
    assert_eq!(
        bad_rows(&text),
        vec!["line 7, column `time`: `not-a-time` is not an RFC 3339 time with offset (e.g. 2026-10-03T14:05:00Z)"]
    );
    let report = bill_of(&text, true).unwrap();
    assert_eq!(report.rows, 2);
    assert_eq!(
        report.warnings,
        vec![
            "4 blank line(s) skipped (nothing but whitespace)",
            "1 malformed row(s) skipped"
        ]
    );
}

#[test]
fn utf16_is_named_and_a_row_not_in_utf8_is_a_bad_row() {
    let text = log(&["2026-08-03T00:00:00Z,PN1,+254712345678,out,template,marketing,"]);
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with_bom: Vec<u8> = [0xff, 0xfe].into_iter().chain(le.iter().copied()).collect();
    for bytes in [le, be, with_bom] {
        let e = bill::bill_reader(
            Catalog::builtin(),
            &Settings::default(),
            Options::default(),
            || Ok(bytes.as_slice()),
            &mut Collect::default(),
            &mut bill::NoProgress,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "the log is UTF-16 text; save it as CSV UTF-8"
        );
    }
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"2026-08-03T01:00:00Z,PN\xe9,+254712345678,out,template,utility,\n");
    let run = |skip| {
        bill::bill_reader(
            Catalog::builtin(),
            &Settings::default(),
            Options {
                skip_bad_rows: skip,
            },
            || Ok(bytes.as_slice()),
            &mut Collect::default(),
            &mut bill::NoProgress,
        )
    };
    match run(false) {
        Err(BillError::MalformedRows(bad)) => assert_eq!(
            bad.rows[0].to_string(),
            "line 3, column `(row)`: `2026-08-03T01:00:00Z,PN\u{fffd},+254712345678,out,template,utility,` is not UTF-8 text (byte 24 of the line)"
        ),
        other => panic!("{other:?}"),
    }
    let report = run(true).unwrap();
    assert_eq!((report.rows, report.meta_total.as_str()), (2, "0.0225"));
}

#[test]
fn times_and_settings_outside_the_nanosecond_range_are_refused() {
    let text = log(&["1500-01-01T00:00:00Z,PN1,+254712345678,out,template,marketing,"]);
    assert_eq!(
        bad_rows(&text),
        vec!["line 2, column `time`: `1500-01-01T00:00:00Z` is outside the times a bill can hold (1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z)"]
    );
    let errors = Settings::from_json(
        r#"{"business_country": "IN", "auth_international_from": "1600-01-01T00:00:00Z"}"#,
        Catalog::builtin(),
    )
    .unwrap_err();
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec!["auth_international_from: `1600-01-01T00:00:00Z` is outside the times a bill can hold (1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z)"]
    );
}

#[test]
fn an_unknown_calling_code_names_each_message_s_own_number() {
    // Same leading digits: one cached lookup, but each reason names its own number.
    let text = log(&[
        "2026-08-03T00:00:00Z,PN1,+99912345678,out,template,marketing,",
        "2026-08-03T00:01:00Z,PN1,+99912345679,out,template,marketing,",
        "2026-08-03T00:02:00Z,PN1,+99912345679,out,template,utility,",
    ]);
    let report = bill_of(&text, false).unwrap();
    assert_eq!(
        report.warnings,
        vec![
            "1 delivered message(s) not priced: `+99912345678` starts with no country calling code in use",
            "2 delivered message(s) not priced: `+99912345679` starts with no country calling code in use",
        ]
    );
}

fn with_ids(rows: &[&str]) -> String {
    format!("{HEADER},message_id\n{}\n", rows.join("\n"))
}

#[test]
fn rows_of_one_message_id_are_one_message() {
    // Delivered then read: one charge, at the first row's time and line.
    let text = with_ids(&[
        "2026-08-03T00:00:00Z,PN1,+254712345678,out,template,marketing,delivered,wamid.1",
        "2026-08-03T00:05:00Z,PN1,+254712345678,out,template,marketing,read,wamid.1",
        "2026-08-03T00:06:00Z,PN1,+254712345678,out,template,marketing,delivered,wamid.2",
    ]);
    let (report, messages) = run_text("{}", &text);
    assert_eq!(report.meta_total, "0.045");
    assert_eq!(report.rows, 3);
    assert_eq!(report.outbound, 2);
    let lines: Vec<u64> = messages.iter().map(|(p, _)| p.line).collect();
    assert_eq!(lines, vec![2, 4]);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(!report.sorted_in_memory);
}

#[test]
fn a_message_failed_then_delivered_is_charged_once_at_its_first_time() {
    // The first row says failed, a later one read: delivered, so charged once; its time is
    // the first row's, in September (2026-07-01 card, pmp-2025-07), not October's.
    let text = with_ids(&[
        "2026-09-30T23:59:00Z,PN1,+254712345678,out,template,marketing,failed,m1",
        "2026-10-01T00:01:00Z,PN1,+254712345678,out,template,marketing,read,m1",
        "2026-10-01T00:02:00Z,PN1,+254712345678,out,template,marketing,failed,m1",
    ]);
    let (report, messages) = run_text("{}", &text);
    assert!(report.sorted_in_memory);
    assert_eq!(report.outbound, 1);
    assert_eq!(report.months.len(), 1);
    assert_eq!(report.months[0].month, "2026-09");
    assert_eq!(report.months[0].failed, 0);
    assert_eq!(report.meta_total, "0.0225");
    let (p, _) = &messages[0];
    assert_eq!((p.line, p.amount.to_string().as_str()), (2, "0.0225"));
}

#[test]
fn rows_of_one_id_that_disagree_are_bad_rows() {
    let text = with_ids(&[
        "2026-08-03T00:00:00Z,PN1,+254712345678,out,template,marketing,delivered,m1",
        "2026-08-03T00:01:00Z,PN1,+254712345678,out,template,utility,read,m1",
        "2026-08-03T00:02:00Z,PN1,+254712345678,out,free_form,,read,m1",
    ]);
    assert_eq!(
        bad_rows(&text),
        vec![
            "line 3, column `category`: `utility` differs from line 2, the first row of message `m1` (`marketing`)",
            "line 4, column `kind`: `free_form` differs from line 2, the first row of message `m1` (`template`)",
        ]
    );
    assert_eq!(bill_of(&text, true).unwrap().meta_total, "0.0225");
}

#[test]
fn without_ids_an_exact_repeat_is_billed_but_reported() {
    let text = log(&[
        "2026-08-03T00:00:00Z,PN1,+254712345678,out,template,marketing,delivered",
        "2026-08-03T00:00:00Z,PN1,+254712345678,out,template,marketing,read",
        "2026-08-03T00:00:00Z,PN1,+254712345678,out,template,utility,",
        "2026-08-03T00:00:00Z,PN2,+254712345678,out,template,marketing,",
    ]);
    let report = bill_of(&text, false).unwrap();
    assert_eq!(report.meta_total, "0.0715");
    assert_eq!(
        report.warnings,
        vec![
            "no USD volume-tier ladder for Rest of Africa utility on the 2026-07-01 card: priced at the list rate (an upper bound)",
            "1 outbound row(s) repeat an earlier row exactly (same time, phone number, user, kind and category) and are billed again: line 3 repeats line 2 (give the log a message_id column if they are one message)",
        ]
    );
}

/// A log of `days` days with `per_day` messages a day among 40 users, each message logged
/// as `delivered` then `read` with one id.
fn long_log_with_ids(days: i64, per_day: i64) -> Vec<String> {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 10, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp();
    let step = 86_400 / per_day;
    let mut rows = Vec::new();
    for n in 0..days * per_day {
        let user = 254_712_345_600 + n % 40;
        for (status, later) in [("delivered", 0), ("read", step / 2)] {
            let t = chrono::DateTime::from_timestamp(start + n * step + later, 0).unwrap();
            rows.push(format!(
                "{},PN1,+{user},out,template,utility,{status},id{n}",
                t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ));
        }
    }
    rows
}

#[test]
fn message_ids_are_remembered_72_hours_so_memory_stays_bounded() {
    // 200 days, 500 messages a day (200,000 rows): the ids held never exceed the messages of
    // the last 72 hours (1,500) plus one day's margin, at the start as at the end of the log.
    let rows = long_log_with_ids(200, 500);
    let header = format!("{HEADER},message_id");
    let mut session = Session::new(
        Catalog::builtin(),
        settings("{}"),
        &header,
        Options::default(),
    )
    .unwrap();
    let mut sink = Collect::default();
    let mut most = 0;
    for (i, line) in rows.iter().enumerate() {
        let event = session.parse_line(i as u64 + 2, line).expect("a valid row");
        session.push(&event, &mut sink).expect("in time order");
        most = most.max(session.remembered_message_ids());
    }
    assert!((1_500..=2_000).contains(&most), "{most} ids held at most");
    let report = session.finish().unwrap();
    assert_eq!(report.rows, 200_000);
    assert_eq!(report.outbound, 100_000);
}
