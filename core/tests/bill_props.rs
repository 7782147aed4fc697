//! Invariants of the biller, checked on random logs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bill_common;

use bill_common::{run_text, settings, HEADER};
use chrono::{DateTime, Datelike, Duration, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use wacost_core::bill::{self, generate, Options};
use wacost_core::{Catalog, Category};

const USERS: [&str; 6] = [
    "+919876543210",
    "+14155550123",
    "+5511987654321",
    "+254712345678",
    "+77012345678",
    "+447700900123",
];

fn report_json(text: &str, settings_json: &str) -> serde_json::Value {
    let report = bill::bill(
        Catalog::builtin(),
        &settings(settings_json),
        text,
        Options::default(),
    )
    .expect("bills");
    let mut value = serde_json::to_value(&report).expect("serialises");
    value["sorted_in_memory"] = serde_json::Value::Bool(false);
    value
}

/// Random rows: (seconds from start, user index, kind index).
fn rows_strategy(max_seconds: i64) -> impl Strategy<Value = Vec<(i64, usize, usize)>> {
    prop::collection::vec((0..max_seconds, 0..USERS.len(), 0..7usize), 1..200)
}

fn kind_row(time: DateTime<Utc>, phone: &str, user: &str, kind: usize) -> String {
    let (direction, kind, category) = match kind {
        0 => ("in", "message", ""),
        1 => ("in", "entry_point", ""),
        2 => ("out", "template", "marketing"),
        3 => ("out", "template", "utility"),
        4 => ("out", "template", "authentication"),
        _ => ("out", "free_form", ""),
    };
    format!(
        "{},{phone},{user},{direction},{kind},{category},",
        time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn shuffling_rows_with_distinct_times_changes_nothing(
        rows in rows_strategy(40 * 86_400),
        seed in any::<u64>(),
        rules in prop::sample::select(vec!["auto", "cbp-2022-02", "cbp-2023-06", "pmp-2025-07"]),
    ) {
        let start: DateTime<Utc> = "2026-09-15T00:00:00Z".parse().unwrap();
        let mut seen = std::collections::BTreeSet::new();
        let lines: Vec<String> = rows
            .iter()
            .filter(|(s, _, _)| seen.insert(*s))
            .map(|(s, u, k)| kind_row(start + Duration::seconds(*s), "PN1", USERS[*u], *k))
            .collect();
        let mut sorted = lines.clone();
        sorted.sort();
        let mut shuffled = lines.clone();
        // A seeded Fisher-Yates shuffle.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let settings_json = format!(r#"{{"rules": "{rules}"}}"#);
        let a = report_json(&format!("{HEADER}\n{}\n", sorted.join("\n")), &settings_json);
        let b = report_json(&format!("{HEADER}\n{}\n", shuffled.join("\n")), &settings_json);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn bills_of_each_month_add_up_to_the_bill_of_the_whole_log(
        rows in prop::collection::vec((0..92i64 * 86_400, 0..USERS.len(), 0..7usize, 0..2usize), 1..300),
    ) {
        // Oct-Dec 2026 (pmp-2026-10), no entry points: each month's part also carries the
        // inbound rows of the 24 hours before it starts, which cost nothing by themselves but
        // keep the customer service windows that cross the month boundary.
        let start: DateTime<Utc> = "2026-10-01T00:00:00Z".parse().unwrap();
        let mut events: Vec<(DateTime<Utc>, String, bool)> = rows
            .iter()
            .map(|(s, u, k, p)| {
                let kind = if *k == 1 { 0 } else { *k };
                let time = start + Duration::seconds(*s);
                (time, kind_row(time, ["PN1", "PN2"][*p], USERS[*u], kind), kind == 0)
            })
            .collect();
        events.sort_by_key(|e| e.0);
        let whole = format!("{HEADER}\n{}\n", events.iter().map(|e| e.1.clone()).collect::<Vec<_>>().join("\n"));
        let (report, _) = run_text("{}", &whole);
        let mut sum = Decimal::ZERO;
        for month in 10..=12u32 {
            let month_start: DateTime<Utc> = format!("2026-{month:02}-01T00:00:00Z").parse().unwrap();
            let part: Vec<String> = events
                .iter()
                .filter(|(t, _, inbound)| {
                    t.month() == month || (*inbound && *t < month_start && *t >= month_start - Duration::hours(24))
                })
                .map(|e| e.1.clone())
                .collect();
            if part.is_empty() { continue; }
            let (r, _) = run_text("{}", &format!("{HEADER}\n{}\n", part.join("\n")));
            sum += r.meta_total_value;
        }
        prop_assert_eq!(sum, report.meta_total_value);
    }

    #[test]
    fn templates_without_timing_effects_cost_count_times_rate(
        picks in prop::collection::vec((0..USERS.len(), 2..5usize), 1..150),
    ) {
        // Templates only, 25 hours apart, no inbound message: no window, no conversation
        // overlap, far below the first tier boundary. Per-message rules, October 2026.
        let catalog = Catalog::builtin();
        let card = catalog.card("USD", "2026-10-01".parse().unwrap()).unwrap();
        let start: DateTime<Utc> = "2026-10-01T00:00:00Z".parse().unwrap();
        let mut lines = Vec::new();
        let mut counts: BTreeMap<(String, Category), u64> = BTreeMap::new();
        for (i, (u, k)) in picks.iter().enumerate() {
            // All within one month: 150 * 4h < 31 days.
            let time = start + Duration::hours(4 * i as i64);
            lines.push(kind_row(time, "PN1", USERS[*u], *k));
            let market = catalog.market_for_number(USERS[*u], time.date_naive()).unwrap().market;
            let category = [Category::Marketing, Category::Utility, Category::Authentication][*k - 2];
            *counts.entry((market, category)).or_insert(0) += 1;
        }
        let expected: Decimal = counts
            .iter()
            .map(|((m, c), n)| card.rate(m, *c).unwrap().rate * Decimal::from(*n))
            .sum();
        let (report, _) = run_text(r#"{"rules": "pmp-2026-10"}"#, &format!("{HEADER}\n{}\n", lines.join("\n")));
        prop_assert_eq!(report.meta_total_value, expected);

        // The same templates 25 hours apart under cbp-2023-06 (2023-06-01 card, Indonesia and
        // Malaysia): every template opens its own charged conversation.
        let cbp_users = ["+6281234567890", "+60123456789"];
        let card = catalog.card("USD", "2023-06-01".parse().unwrap()).unwrap();
        let start: DateTime<Utc> = "2023-07-01T00:00:00Z".parse().unwrap();
        let mut lines = Vec::new();
        let mut expected = Decimal::ZERO;
        for (i, (u, k)) in picks.iter().take(25).enumerate() {
            let user = cbp_users[u % 2];
            lines.push(kind_row(start + Duration::hours(25 * i as i64), "PN1", user, *k));
            let market = if u % 2 == 0 { "Indonesia" } else { "Malaysia" };
            let category = [Category::Marketing, Category::Utility, Category::Authentication][*k - 2];
            expected += card.rate(market, category).unwrap().rate;
        }
        let (report, _) = run_text("{}", &format!("{HEADER}\n{}\n", lines.join("\n")));
        prop_assert_eq!(report.meta_total_value, expected);
    }
}

#[test]
fn a_generated_log_bills_the_same_sorted_or_not() {
    let log = generate::generate(3, "2026-10-01".parse().unwrap(), 3000, 200);
    let mut lines: Vec<&str> = log.lines().collect();
    let header = lines.remove(0);
    let a = report_json(&log, "{}");
    lines.reverse();
    // Reversed: equal times keep file order, so reverse only the distinct-time case matters;
    // the generated log has millisecond times, check the totals agree at least.
    let reversed = format!("{header}\n{}\n", lines.join("\n"));
    let b = report_json(&reversed, "{}");
    assert_eq!(a["meta_total"], b["meta_total"]);
    assert!(a["meta_total"].as_str().unwrap() != "0.00");
}
