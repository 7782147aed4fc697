//! `compare` of a 250-line scenario under all six rules versions, each on the card of its time
//! (the default) and all on one card: what the page recomputes on every keystroke, so it must
//! stay well under a millisecond.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use wacost_core::estimate::{compare, compare_cards, estimate, CardsFor};
use wacost_core::scenario::Scenario;
use wacost_core::Catalog;

const COUNTRIES: [&str; 25] = [
    "IN", "BR", "MX", "ID", "US", "GB", "DE", "FR", "ES", "IT", "NG", "ZA", "EG", "SA", "AE", "TR",
    "KE", "GH", "AR", "CO", "PK", "MY", "KZ", "PL", "JP",
];

fn scenario() -> Scenario {
    let lines: Vec<String> = (0..250)
        .map(|i| {
            format!(
                r#"{{"country":"{}","marketing":{},"utility":{},"authentication":{},"service":{}}}"#,
                COUNTRIES[i % COUNTRIES.len()],
                1000 + i * 37,
                500 + i * 1_000_003,
                i * 2_000_011,
                3000 + i * 17
            )
        })
        .collect();
    let text = format!(
        r#"{{"month":"2026-11","currency":"USD","business_country":"GB","auth_international":true,
            "phone_numbers":3,"wabas":2,"utility_in_window":"0.25","entry_point":"0.10",
            "per_conversation":{{"marketing":"1","utility":"1.5","authentication":"1","service":"4"}},
            "bsp":{{"per_message":"0.005","markup":"0.10","monthly":"49"}},
            "lines":[{}]}}"#,
        lines.join(",")
    );
    match Scenario::from_json(&text) {
        Ok(scenario) => scenario,
        Err(errors) => panic!("bench scenario is invalid: {errors}"),
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
