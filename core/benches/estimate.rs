//! `compare` of a 250-line scenario under all six rules versions, each on the card of its time
//! (the default) and all on one card: what the page recomputes on every keystroke, so it must
//! stay well under a millisecond. And a scenario at every cap (100,000 lines, 2,000 custom
//! rates, 500 custom ladders of 50 bands): what a hostile link or file can ask for, which must
//! price in under 100 ms.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use wacost_core::estimate::{compare, compare_cards, estimate, CardsFor};
use wacost_core::scenario::{Scenario, MAX_BANDS, MAX_CUSTOM_RATES, MAX_CUSTOM_TIERS, MAX_LINES};
use wacost_core::Catalog;

mod common;
use common::{scenario, COUNTRIES};

/// Every cap reached: `MAX_LINES` lines, half to countries and half to the user's own
/// markets (each of which has a custom rate), `MAX_CUSTOM_RATES` custom rates and
/// `MAX_CUSTOM_TIERS` ladders of `MAX_BANDS` bands.
fn at_every_cap() -> Scenario {
    let rates: Vec<String> = (0..MAX_CUSTOM_RATES)
        .map(|i| {
            format!(
                r#"{{"market":"Own {i}","category":"marketing","rate":"0.0{}"}}"#,
                i + 1
            )
        })
        .collect();
    let bands: Vec<String> = (1..=MAX_BANDS)
        .map(|b| match b {
            MAX_BANDS => r#"{"to":null,"rate":"0.0001"}"#.to_string(),
            b => format!(r#"{{"to":{},"rate":"0.00{b}"}}"#, b * 100_000),
        })
        .collect();
    let tiers: Vec<String> = (0..MAX_CUSTOM_TIERS)
        .map(|i| {
            format!(
                r#"{{"market":"Own {i}","category":"utility","bands":[{}]}}"#,
                bands.join(",")
            )
        })
        .collect();
    let lines: Vec<String> = (0..MAX_LINES)
        .map(|i| {
            if i % 2 == 0 {
                format!(
                    r#"{{"country":"{}","marketing":{},"utility":{},"authentication":{},"service":{}}}"#,
                    COUNTRIES[i % COUNTRIES.len()],
                    1000 + i * 37,
                    500 + i * 1_003,
                    i * 2_011,
                    3000 + i * 17
                )
            } else {
                let own = i % MAX_CUSTOM_RATES;
                let utility = if own < MAX_CUSTOM_TIERS { 7_000 * i } else { 0 };
                format!(r#"{{"market":"own {own}","marketing":{i},"utility":{utility}}}"#)
            }
        })
        .collect();
    let text = format!(
        r#"{{"month":"2026-11","currency":"USD","business_country":"GB","auth_international":true,
            "phone_numbers":3,"wabas":2,"utility_in_window":"0.25","entry_point":"0.10",
            "bsp":{{"per_message":"0.005","markup":"0.10","monthly":"49"}},
            "custom_rates":[{}],"custom_tiers":[{}],"lines":[{}]}}"#,
        rates.join(","),
        tiers.join(","),
        lines.join(",")
    );
    match Scenario::from_json(&text) {
        Ok(scenario) => scenario,
        Err(errors) => panic!("bench scenario at the caps is invalid: {errors}"),
    }
}

fn bench(c: &mut Criterion) {
    let scenario = scenario();
    c.bench_function("estimate 250 lines pmp-2026-10", |b| {
        b.iter(|| estimate(black_box(&scenario)))
    });
    c.bench_function("compare 250 lines, all rules versions", |b| {
        b.iter(|| compare(black_box(&scenario)))
    });
    c.bench_function("compare 250 lines, all rules versions, one card", |b| {
        b.iter(|| compare_cards(Catalog::builtin(), black_box(&scenario), CardsFor::Same))
    });
    let capped = at_every_cap();
    assert!(estimate(&capped).is_ok(), "the scenario at the caps prices");
    let mut group = c.benchmark_group("at every cap");
    group.sample_size(10);
    group.bench_function("estimate", |b| b.iter(|| estimate(black_box(&capped))));
    group.bench_function("compare, all rules versions", |b| {
        b.iter(|| compare(black_box(&capped)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
