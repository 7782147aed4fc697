//! `compare` of a 250-line scenario under all six rules versions, each on the card of its time
//! (the default) and all on one card: what the page recomputes on every keystroke, so it must
//! stay well under a millisecond.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use wacost_core::estimate::{compare, compare_cards, estimate, CardsFor};
use wacost_core::Catalog;

mod common;
use common::scenario;

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
