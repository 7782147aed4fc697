//! Embeds `data/` (every card with the `embedded-cards` feature, else only the market tables)
//! and refuses to build when a file is broken: a missing market in a category
//! the file's name claims whole, a gap or overlap between tier bands, a duplicate row, a rate
//! that is not a decimal. Writes the small index of every card (`catalog::index`) beside it.
//! The checks are the catalog's own (the same source files, compiled here too, with the
//! project's CSV reader).

#![allow(dead_code, unused_imports)]
// The build refuses a broken card by panicking with its problems, on purpose.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "src/catalog/mod.rs"]
mod catalog;
#[path = "src/category.rs"]
mod category;
#[path = "src/csv/mod.rs"]
mod csv;
#[path = "src/date.rs"]
mod date;
#[path = "src/money.rs"]
mod money;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn data_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|x| x == "csv"))
        .map(|path| {
            let name = format!(
                "{}/{}",
                dir.file_name().unwrap_or_default().to_string_lossy(),
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            (name, path)
        })
        .collect();
    files.sort();
    files
}

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let groups = ["rates", "tiers", "markets"].map(|group| {
        let dir = data.join(group);
        println!("cargo:rerun-if-changed={}", dir.display());
        data_files(&dir)
    });

    let texts: Vec<Vec<(String, String)>> = groups
        .iter()
        .map(|files| {
            files
                .iter()
                .map(|(name, path)| {
                    let text = std::fs::read_to_string(path)
                        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                    (name.clone(), text)
                })
                .collect()
        })
        .collect();
    let borrowed: Vec<Vec<(&str, &str)>> = texts
        .iter()
        .map(|files| {
            files
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect()
        })
        .collect();
    let checked = catalog::Catalog::from_files(&borrowed[0], &borrowed[1], &borrowed[2]);
    let catalog = match checked {
        Ok(catalog) => catalog,
        Err(errors) => refuse(&errors),
    };
    let index = catalog::index::summaries_source(&catalog.summaries());
    let bundles = write_bundles(&catalog, &texts);
    let embed_cards = std::env::var_os("CARGO_FEATURE_EMBEDDED_CARDS").is_some();

    let mut out = String::new();
    for (constant, files) in ["RATE_FILES", "TIER_FILES", "MARKET_FILES"]
        .iter()
        .zip(&groups)
    {
        writeln!(out, "pub static {constant}: &[(&str, &str)] = &[").ok();
        let embed = embed_cards || *constant == "MARKET_FILES";
        for (name, path) in files.iter().filter(|_| embed) {
            writeln!(
                out,
                "    ({name:?}, include_str!({:?})),",
                path.display().to_string()
            )
            .ok();
        }
        writeln!(out, "];").ok();
    }
    out.push_str(&index);
    writeln!(out, "pub static CURRENCY_DATA: &[(&str, &str)] = &[").ok();
    for (currency, file) in &bundles {
        writeln!(out, "    ({currency:?}, {file:?}),").ok();
    }
    writeln!(out, "];").ok();
    let target =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_data.rs");
    std::fs::write(&target, out)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

/// Writes each currency's bundle (its rate cards and tier ladders, `catalog::bundle`) under a
/// content-hashed name, with `wacost-data.json` mapping currency to name, into
/// `target/<triple>/<profile>/wacost-data/`, where the site build copies them from (Trunk's
/// post-build hook, `scripts/copy-currency-data.sh`). Returns (currency, file name).
fn write_bundles(
    catalog: &catalog::Catalog,
    texts: &[Vec<(String, String)>],
) -> Vec<(String, String)> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    // OUT_DIR is <profile>/build/wacost-core-<hash>/out.
    let dir = out_dir
        .ancestors()
        .nth(3)
        .unwrap_or(&out_dir)
        .join("wacost-data");
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let text_of = |name: &str| -> &str {
        texts
            .iter()
            .flatten()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
            .unwrap_or_else(|| panic!("{name} was checked but not read"))
    };
    let mut written = Vec::new();
    for currency in catalog.currencies() {
        let files: Vec<(&str, &str)> = catalog
            .currency_files(currency)
            .into_iter()
            .map(|name| (name, text_of(name)))
            .collect();
        let bundle = catalog::bundle::bundle(&files);
        let name = format!(
            "wacost-data-{currency}-{:016x}.csv",
            fnv1a(bundle.as_bytes())
        );
        let path = dir.join(&name);
        if !path.exists() {
            std::fs::write(&path, &bundle)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        }
        written.push((currency.to_string(), name));
    }
    let manifest: Vec<String> = written
        .iter()
        .map(|(currency, name)| format!("  {currency:?}: {name:?}"))
        .collect();
    let manifest_path = dir.join("wacost-data.json");
    std::fs::write(
        &manifest_path,
        format!("{{\n{}\n}}\n", manifest.join(",\n")),
    )
    .unwrap_or_else(|e| panic!("cannot write {}: {e}", manifest_path.display()));
    written
}

/// FNV-1a, 64 bits: a content hash for the bundles' names (not a security measure; it only
/// has to change when a bundle does, so hosts can cache the files for long).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Stops the build with every problem found, each naming its file and line.
fn refuse(errors: &[catalog::DataError]) -> ! {
    for error in errors {
        println!("cargo:warning=core/data/{error}");
    }
    panic!(
        "core/data failed validation ({} problem(s)):\n{}",
        errors.len(),
        errors
            .iter()
            .map(|e| format!("  core/data/{e}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
