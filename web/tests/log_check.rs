//! The "Check a log" run, natively: fed in blocks of any size it gives exactly the bill of
//! `wacost_core::bill::bill_text` (the engine behind `wacost bill`), detail CSV included,
//! through the sorted pass for an out-of-order log; malformed rows are listed with line,
//! column and value; the other rules versions equal a bill forced to each.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_core::bill::{self, detail, Names, Options, Priced, Settings, Sink};
use wacost_core::scenario::RulesVersion;
use wacost_core::Catalog;
use wacost_web::log_check::model::{AlternateTotal, GapReason, GapView, LogProblem, RowProblem};
use wacost_web::log_check::run::{run_blocks, Job};

const HEADER: &str = "time,phone_number,user,direction,kind,category,status\n";

/// Pricing-rules E1 in Brazil, October 2025 (pmp-2025-07, USD card of 2025-10-01): marketing
/// template at h0 (0.0625), user writes at h2, free-form reply at h3 (free), utility template
/// at h4 in the window (free), utility template at h30 after the window (0.0068): 2 charges,
/// 0.0693.
fn e1() -> String {
    let user = "+5511987654321";
    let rows = [
        ("2025-10-06T00:00:00Z", "out", "template", "marketing"),
        ("2025-10-06T02:00:00Z", "in", "message", ""),
        ("2025-10-06T03:00:00Z", "out", "free_form", ""),
        ("2025-10-06T04:00:00Z", "out", "template", "utility"),
        ("2025-10-07T06:00:00Z", "out", "template", "utility"),
    ];
    let mut text = HEADER.to_string();
    for (time, dir, kind, cat) in rows {
        let status = if dir == "out" { "delivered" } else { "" };
        text.push_str(&format!("{time},pn1,{user},{dir},{kind},{cat},{status}\n"));
    }
    text
}

struct Collect(String);

impl Sink for Collect {
    fn message(&mut self, p: &Priced, names: &Names, markets: &[String]) {
        detail::detail_row(p, names, markets, &mut self.0);
    }
    fn restart(&mut self) {
        self.0.clear();
        self.0.push_str(detail::DETAIL_HEADER);
    }
}

fn settings(json: &str) -> Settings {
    Settings::from_json(json, Catalog::builtin()).expect("valid settings")
}

/// The CLI engine's bill and detail of `text`, as JSON.
fn reference(json: &str, text: &str, skip: bool) -> (Result<String, String>, String) {
    let mut sink = Collect(detail::DETAIL_HEADER.to_string());
    let report = bill::bill_text(
        Catalog::builtin(),
        &settings(json),
        text,
        Options {
            skip_bad_rows: skip,
        },
        &mut sink,
    );
    (
        report
            .map(|mut r| {
                r.skipped_rows.clear();
                serde_json::to_string(&r).unwrap()
            })
            .map_err(|e| e.to_string()),
        sink.0,
    )
}

const JOB: Job = Job {
    skip_bad_rows: false,
    detail: true,
    compare: false,
};

#[test]
fn e1_in_any_block_size_is_the_cli_bill() {
    let text = e1();
    let (want, want_detail) = reference("{}", &text, false);
    for block in [1, 2, 7, 64, 100, 4096] {
        let (out, detail) = run_blocks(
            Catalog::builtin(),
            settings("{}"),
            JOB,
            text.as_bytes(),
            block,
        );
        let report = out.report.expect("a bill");
        assert_eq!(report.meta_total, "0.0693", "block {block}");
        let charged: u64 = report.months[0].markets[0]
            .categories
            .iter()
            .map(|c| c.charged)
            .sum();
        assert_eq!(charged, 2);
        assert_eq!(report.rules, "auto");
        assert_eq!(report.months[0].rate_cards, vec!["2025-10-01"]);
        assert_eq!(
            Ok(serde_json::to_string(&report).unwrap()),
            want,
            "block {block}"
        );
        assert_eq!(detail, want_detail, "block {block}");
        assert!(out.errors.is_empty() && out.bad_rows.is_empty());
    }
}

#[test]
fn crlf_without_final_newline_and_blank_lines_number_like_the_cli() {
    let text = e1().replace('\n', "\r\n");
    let text = text
        .trim_end()
        .replace("2025-10-06T02:00:00Z", "\r\n2025-10-06T02:00:00Z")
        + "\r\nnot a time,pn1,+5511987654321,in,message,,";
    let (want, _) = reference("{}", &text, true);
    for block in [1, 3, 50, 1 << 20] {
        let job = Job {
            skip_bad_rows: true,
            ..JOB
        };
        let (out, _) = run_blocks(
            Catalog::builtin(),
            settings("{}"),
            job,
            text.as_bytes(),
            block,
        );
        let report = out.report.expect("skipped, billed");
        assert_eq!(Ok(serde_json::to_string(&report).unwrap()), want.clone());
        // Header 1, E1 rows 2 and 4..7 (a blank line 3), the bad row is line 8.
        assert_eq!(out.bad_count, 1);
        assert_eq!(out.bad_rows[0].line, 8);
        assert_eq!(out.bad_rows[0].column, "time");
        assert_eq!(out.bad_rows[0].value, "not a time");
    }
}

#[test]
fn out_of_order_log_is_billed_sorted_like_the_cli() {
    let text = e1();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.swap(2, 5);
    let text = lines.join("\n") + "\n";
    let (want, want_detail) = reference("{}", &text, false);
    for block in [5, 33, 4096] {
        let (out, detail) = run_blocks(
            Catalog::builtin(),
            settings("{}"),
            JOB,
            text.as_bytes(),
            block,
        );
        let report = out.report.expect("a bill");
        assert!(report.sorted_in_memory);
        assert_eq!(report.meta_total, "0.0693");
        assert_eq!(Ok(serde_json::to_string(&report).unwrap()), want);
        assert_eq!(detail, want_detail);
    }
}

#[test]
fn malformed_rows_without_skip_give_no_bill_but_each_row() {
    let text = e1() + "2025-10-08T00:00:00Z,pn1,+5511987654321,out,template,promo,delivered\n";
    let (out, detail) = run_blocks(Catalog::builtin(), settings("{}"), JOB, text.as_bytes(), 16);
    assert!(out.report.is_none());
    assert_eq!(out.bad_count, 1);
    let bad = &out.bad_rows[0];
    assert_eq!(
        (bad.line, bad.column.as_str(), bad.value.as_str()),
        (7, "category", "promo")
    );
    assert_eq!(bad.problem, RowProblem::TemplateCategory);
    // No bill because of the rows: the page words the remedy (its own checkbox).
    assert!(out.malformed && out.errors.is_empty(), "{:?}", out.errors);
    // The detail is not offered without a bill (the worker drops it), but it was built.
    assert!(detail.starts_with(detail::DETAIL_HEADER));
}

#[test]
fn other_rules_versions_equal_a_bill_forced_to_each() {
    let text = e1();
    let job = Job {
        compare: true,
        ..JOB
    };
    let (out, _) = run_blocks(Catalog::builtin(), settings("{}"), job, text.as_bytes(), 10);
    assert_eq!(out.alternates.len(), RulesVersion::ALL.len());
    for alt in &out.alternates {
        let forced = format!(r#"{{"rules": "{}"}}"#, alt.rules);
        let report = bill::bill(
            Catalog::builtin(),
            &settings(&forced),
            &text,
            Options::default(),
        )
        .expect("a bill");
        match &alt.total {
            AlternateTotal::Priced { meta_total, .. } => {
                assert_eq!(
                    meta_total.text().as_str(),
                    report.meta_total,
                    "{}",
                    alt.rules
                )
            }
            // A model that leaves the log's messages unpriced has no total to show: the
            // Mexico test priced only +52 numbers, and this log is to Brazil.
            AlternateTotal::CannotPrice { reasons } => {
                assert_eq!(alt.rules, "mx-2021-02");
                assert_eq!(
                    reasons,
                    &vec![GapView {
                        messages: 4,
                        reason: GapReason::MexicoOnly
                    }]
                );
                assert_eq!(report.meta_total, "0.00", "forced, it prices nothing");
            }
        }
    }
    let cannot: Vec<&str> = out
        .alternates
        .iter()
        .filter(|a| matches!(a.total, AlternateTotal::CannotPrice { .. }))
        .map(|a| a.rules.as_str())
        .collect();
    assert_eq!(cannot, ["mx-2021-02"]);
    // Forced to one version, the others are listed and that one is the bill itself.
    let (out, _) = run_blocks(
        Catalog::builtin(),
        settings(r#"{"rules": "pmp-2025-07"}"#),
        job,
        text.as_bytes(),
        10,
    );
    assert_eq!(out.alternates.len(), RulesVersion::ALL.len() - 1);
    assert!(out.alternates.iter().all(|a| a.rules != "pmp-2025-07"));
    let report = out.report.expect("a bill");
    assert_eq!(report.meta_total, "0.0693");
    // The whole log by market and by category: delivered, free and charged, and the amount.
    let t = &report.totals;
    let by_market: Vec<_> = t
        .markets
        .iter()
        .map(|m| {
            let c = &m.counts;
            (
                m.market.as_str(),
                c.delivered,
                c.free,
                c.charged,
                c.amount.text().as_str().to_string(),
            )
        })
        .collect();
    assert_eq!(by_market, [("Brazil", 4, 2, 2, "0.0693".to_string())]);
    let by_category: Vec<_> = t
        .categories
        .iter()
        .map(|c| {
            let n = &c.counts;
            (
                c.category,
                n.delivered,
                n.free,
                n.charged,
                n.amount.text().as_str().to_string(),
            )
        })
        .collect();
    assert_eq!(
        by_category,
        [
            ("marketing", 1, 0, 1, "0.0625".to_string()),
            ("utility", 2, 1, 1, "0.0068".to_string()),
            ("service", 1, 1, 0, "0.00".to_string()),
        ]
    );
}

#[test]
fn empty_and_utf16_files_are_refused_and_non_utf8_rows_are_bad_rows() {
    let (out, _) = run_blocks(Catalog::builtin(), settings("{}"), JOB, b"", 10);
    assert!(out.report.is_none());
    assert_eq!(out.errors, vec![LogProblem::Empty]);
    let utf16: Vec<u8> = e1().encode_utf16().flat_map(u16::to_le_bytes).collect();
    for block in [1, 3, 4096] {
        let (out, _) = run_blocks(Catalog::builtin(), settings("{}"), JOB, &utf16, block);
        assert_eq!(out.errors, vec![LogProblem::Utf16]);
    }
    let mut bytes = e1().into_bytes();
    bytes.extend_from_slice(b"2025-10-08T00:00:00Z,pn\xff,+5511987654321,in,message,,\n");
    let (out, _) = run_blocks(Catalog::builtin(), settings("{}"), JOB, &bytes, 8);
    assert!(out.report.is_none() && out.malformed);
    let bad = &out.bad_rows[0];
    assert_eq!(
        (bad.line, bad.column.as_str(), &bad.problem),
        (7, "(row)", &RowProblem::NotUtf8 { byte: 24 })
    );
    let job = Job {
        skip_bad_rows: true,
        ..JOB
    };
    let (out, _) = run_blocks(Catalog::builtin(), settings("{}"), job, &bytes, 8);
    assert_eq!(out.report.expect("the rest billed").meta_total, "0.0693");
}
