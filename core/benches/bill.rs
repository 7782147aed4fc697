//! Throughput of the biller on a generated log (rows per second, parse + bill).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use wacost_core::bill::{self, generate, Options, Settings};
use wacost_core::Catalog;

fn bench_bill(c: &mut Criterion) {
    let rows = 200_000u64;
    let start = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    let log = generate::generate(42, start, rows, 20_000);
    let catalog = Catalog::builtin();
    let settings = Settings::default();
    let mut group = c.benchmark_group("bill");
    group.throughput(Throughput::Elements(rows));
    group.sample_size(10);
    group.bench_function("generated_200k_rows", |b| {
        b.iter(|| {
            let report = bill::bill(catalog, &settings, black_box(&log), Options::default());
            black_box(report.map(|r| r.meta_total_value).unwrap_or_default())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_bill);
criterion_main!(benches);
