//! Throughput of the biller on a generated log (rows per second, parse + bill), and the
//! field splitter kept hand-written against memchr's (see `bill::fields`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use wacost_core::bill::{self, generate, Options, Settings};
use wacost_core::Catalog;

fn generated_log(rows: u64) -> String {
    let start = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    generate::generate(42, start, rows, 20_000)
}

fn bench_bill(c: &mut Criterion) {
    let rows = 200_000u64;
    let log = generated_log(rows);
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

/// What `split_plain` would be with memchr: one `memchr2` pass for commas and quotes.
fn split_memchr(line: &[u8], ranges: &mut Vec<(usize, usize)>) -> bool {
    ranges.clear();
    let mut start = 0;
    for at in memchr::memchr2_iter(b',', b'"', line) {
        if line.get(at) == Some(&b'"') {
            return false;
        }
        ranges.push((start, at));
        start = at + 1;
    }
    ranges.push((start, line.len()));
    true
}

fn bench_split(c: &mut Criterion) {
    let log = generated_log(20_000);
    let lines: Vec<&[u8]> = log.lines().map(str::as_bytes).collect();
    let mut group = c.benchmark_group("split_fields");
    group.throughput(Throughput::Elements(lines.len() as u64));
    let mut ranges = Vec::with_capacity(16);
    group.bench_function("eight_bytes_at_a_time", |b| {
        b.iter(|| {
            let mut fields = 0;
            for line in &lines {
                bill::split_plain(black_box(line), &mut ranges);
                fields += ranges.len();
            }
            fields
        })
    });
    group.bench_function("memchr2", |b| {
        b.iter(|| {
            let mut fields = 0;
            for line in &lines {
                split_memchr(black_box(line), &mut ranges);
                fields += ranges.len();
            }
            fields
        })
    });
    group.finish();
}

criterion_group!(benches, bench_bill, bench_split);
criterion_main!(benches);
