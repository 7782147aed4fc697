//! The CSV reader on a 5.2 MB sheet (about the page's import cap): every field is checked
//! and positioned, so this is what an import or a card costs before any other work.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use wacost_core::csv::{read_all, Limits, Separator};

/// Sheet rows, one count in ten quoted with a decimal comma inside, as a French file has them.
fn sheet() -> String {
    let mut text = String::from("destination,marketing,utility,authentication,service\n");
    let quoted = |n: u64| {
        if n % 10 == 0 {
            format!("\"{n},5\"")
        } else {
            n.to_string()
        }
    };
    let mut i = 0u64;
    while text.len() < 5_200_000 {
        i += 1;
        text.push_str(&format!(
            "\"Rest of Africa {i}\",{},{},{},{}\n",
            quoted(i),
            quoted(i * 7),
            quoted(i * 3),
            quoted(i * 11)
        ));
        text.push_str(&format!(
            "IN,{},{},{},{}\n",
            i * 2,
            i,
            quoted(i + 5),
            i * 13
        ));
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = sheet();
    c.bench_function("csv read_all 5.2 MB", |b| {
        b.iter(|| {
            read_all(black_box(&text), Separator::Comma, Limits::NONE)
                .map(|records| records.len())
                .unwrap_or(0)
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
