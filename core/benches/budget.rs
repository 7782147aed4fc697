//! The budget of a 250-line sheet: how many more messages fit, found by re-estimating the sheet
//! (docs/plan.md). A page panel recomputes it as the user types, so it must stay under 5 ms.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;
use std::hint::black_box;
use wacost_core::budget::{budget, BudgetQuery, Destination};
use wacost_core::estimate::estimate;
use wacost_core::line_category::LineCategory;

mod common;
use common::scenario;

fn bench(c: &mut Criterion) {
    let scenario = scenario();
    let base = estimate(&scenario)
        .map(|e| e.total.value())
        .unwrap_or_default();
    let query = |category, extra: i64| BudgetQuery {
        destination: Destination::Country("IN".into()),
        category,
        amount: base + Decimal::from(extra),
    };
    for (name, category) in [
        ("budget 250 lines, marketing to IN", LineCategory::Marketing),
        (
            "budget 250 lines, utility to IN (tiers)",
            LineCategory::Utility,
        ),
        (
            "budget 250 lines, service to IN (shared allowance)",
            LineCategory::Service,
        ),
    ] {
        let q = query(category, 5_000);
        c.bench_function(name, |b| {
            b.iter(|| budget(black_box(&scenario), black_box(&q)))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
