//! `docs/rules.md` is where a rule ID (`PMP-7`, `CBP2-3`, …) is defined. These tests read the
//! repository's own files at test time: every rule ID that code, docs, the biller's `rule`
//! values or the saved `--detail` outputs use must have its entry there, links into it must
//! land on an entry, and nothing may point a reader at a document outside the repository.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use wacost_core::bill::rule_ids::RULE_IDS;

/// Rule ID prefixes, longest first so that `CBP2-3` is not read as `CBP` followed by junk.
const PREFIXES: [&str; 14] = [
    "CBP1", "CBP2", "TIER", "CBP", "PMP", "SVC", "DEF", "PRE", "CUR", "LOG", "GRP", "MX", "AI",
    "MM",
];

/// Directories that hold generated or vendored copies, not the project's own text.
const SKIPPED_DIRS: [&str; 6] = ["target", "node_modules", ".git", "dist", "pkg", "golden"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the core crate sits in the workspace root")
        .to_path_buf()
}

fn relative(path: &Path) -> String {
    path.strip_prefix(repo())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Files under `dir` whose name ends with one of `endings`, skipping generated directories.
fn files(dir: &Path, endings: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) {
                files(&path, endings, out);
            }
        } else if endings.iter().any(|e| name.ends_with(e)) {
            out.push(path);
        }
    }
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Every rule ID in `text`: a prefix, `-`, digits, standing as a word of its own.
fn rule_ids_in(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if i > 0 && is_word(bytes[i - 1]) {
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        let matched = PREFIXES.iter().find_map(|prefix| {
            let after = rest.strip_prefix(prefix.as_bytes())?.strip_prefix(b"-")?;
            let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
            let end_ok = after.get(digits).is_none_or(|&b| !is_word(b));
            (digits > 0 && end_ok).then_some(prefix.len() + 1 + digits)
        });
        match matched {
            Some(len) => {
                found.push(text[i..i + len].to_string());
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

/// The IDs `docs/rules.md` defines: one `### ID` heading each.
fn defined_ids() -> Vec<String> {
    read(&repo().join("docs/rules.md"))
        .lines()
        .filter_map(|line| line.strip_prefix("### "))
        .filter_map(|title| {
            let id = title.split_whitespace().next()?;
            (rule_ids_in(id).first().map(String::as_str) == Some(id)).then(|| id.to_string())
        })
        .collect()
}

/// GitHub's anchor for a heading: lower case, spaces to hyphens, other punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_rule_id_in_use_is_defined_in_docs_rules_md() {
    let root = repo();
    let defined: BTreeSet<String> = defined_ids().into_iter().collect();
    assert!(
        defined.len() > 100,
        "docs/rules.md defines only {} rule IDs: are its `### ID` headings intact?",
        defined.len()
    );

    // Where each ID is used: code of every crate, the project's docs, the biller's list of
    // `rule` values, and the saved outputs (`--detail` rule column, warnings, reconciliation).
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut sources = Vec::new();
    for dir in ["core", "cli", "web", "widget", "js"] {
        files(&root.join(dir), &[".rs"], &mut sources);
    }
    files(&root, &[".md"], &mut sources);
    let mut outputs = Vec::new();
    files_in_golden(&root.join("tests/golden/expected"), &mut outputs);
    for path in sources.iter().chain(&outputs) {
        if path.ends_with("docs/rules.md") {
            continue;
        }
        for id in rule_ids_in(&read(path)) {
            used.entry(id).or_default().insert(relative(path));
        }
    }
    for id in RULE_IDS {
        used.entry(id.to_string())
            .or_default()
            .insert("wacost_core::bill::rule_ids::RULE_IDS".to_string());
    }
    assert!(
        used.contains_key("PMP-7") && used.contains_key("CBP2-3"),
        "the scan found no rule IDs at all: {used:?}"
    );

    let missing: Vec<String> = used
        .iter()
        .filter(|(id, _)| !defined.contains(*id))
        .map(|(id, places)| {
            let places: Vec<&str> = places.iter().map(String::as_str).take(3).collect();
            format!("{id} (used in {})", places.join(", "))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rule IDs used but not defined in docs/rules.md (add a `### ID` entry):\n  {}",
        missing.join("\n  ")
    );
}

/// The saved outputs of `scripts/golden.sh`, which `files` skips as generated text.
fn files_in_golden(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = fs::read_dir(dir) {
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        out.extend(paths.into_iter().filter(|p| p.is_file()));
    }
}

#[test]
fn each_rule_id_is_defined_once() {
    let mut seen = BTreeSet::new();
    let twice: Vec<String> = defined_ids()
        .into_iter()
        .filter(|id| !seen.insert(id.clone()))
        .collect();
    assert!(
        twice.is_empty(),
        "defined more than once in docs/rules.md: {twice:?}"
    );
}

/// The biller's `rule` values are string literals in `core/src/bill/`: each must be in
/// `RULE_IDS`, so the list the reference is checked against cannot fall behind the engine.
#[test]
fn the_biller_writes_only_rule_ids_it_lists() {
    let mut sources = Vec::new();
    files(&repo().join("core/src/bill"), &[".rs"], &mut sources);
    let listed: BTreeSet<&str> = RULE_IDS.into_iter().collect();
    let mut unlisted = Vec::new();
    for path in &sources {
        let text = read(path);
        for id in rule_ids_in(&text) {
            if text.contains(&format!("\"{id}\"")) && !listed.contains(id.as_str()) {
                unlisted.push(format!("{id} ({})", relative(path)));
            }
        }
    }
    unlisted.dedup();
    assert!(
        unlisted.is_empty(),
        "rule IDs written by the biller but missing from bill::rule_ids::RULE_IDS: {unlisted:?}"
    );
}

/// Links into the rules reference (an anchor after `rules.md`) from the docs, the README and
/// the code, and the `(#…)` links inside `docs/rules.md`, land on one of its headings.
#[test]
fn links_into_the_rules_reference_land_on_an_entry() {
    let root = repo();
    let rules = read(&root.join("docs/rules.md"));
    let anchors: BTreeSet<String> = rules
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| anchor(l.trim_start_matches('#')))
        .collect();
    // Assembled so that this file's own source holds no link to match.
    let link = concat!("rules.md", "#");
    let mut texts = vec![(
        "docs/rules.md".to_string(),
        rules.replace("](#", &format!("]({link}")),
    )];
    let mut sources = Vec::new();
    files(&root, &[".md", ".rs"], &mut sources);
    for path in sources {
        if !path.ends_with("docs/rules.md") {
            texts.push((relative(&path), read(&path)));
        }
    }
    let mut broken = Vec::new();
    for (name, text) in &texts {
        for (at, _) in text.match_indices(link) {
            let target: String = text[at + link.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !anchors.contains(&target) {
                broken.push(format!("{name}: #{target}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to docs/rules.md anchors that do not exist:\n  {}",
        broken.join("\n  ")
    );
}

/// The repository stands alone: no code, comment or doc points at the research notes or specs
/// that live outside it. (The needles are assembled so this file does not match itself.)
#[test]
fn nothing_cites_documents_outside_the_repository() {
    let needles = [
        concat!("pricing", "-rules"),
        concat!("spec/", "estimate.md"),
        concat!("spec/", "bill.md"),
        concat!("../", "shared"),
    ];
    let mut sources = Vec::new();
    files(&repo(), &[".rs", ".md", ".mjs"], &mut sources);
    assert!(
        sources.len() > 50,
        "found only {} files to check",
        sources.len()
    );
    let mut found = Vec::new();
    for path in &sources {
        for (n, line) in read(path).lines().enumerate() {
            for needle in needles {
                if line.contains(needle) {
                    found.push(format!("{}:{}: {needle}", relative(path), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "cite docs/rules.md (with the rule ID), docs/scenario.md or docs/log.md instead:\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn the_scanner_reads_ids_as_words() {
    assert_eq!(
        rule_ids_in("(CBP2-11, PMP-7) TIER-2 .. TIER-5; xPMP-1 PMP-1a MX-5."),
        vec!["CBP2-11", "PMP-7", "TIER-2", "TIER-5", "MX-5"]
    );
    assert_eq!(rule_ids_in("mx-2021-02 UTF-8 PMP-"), Vec::<String>::new());
    assert_eq!(
        anchor(" Conversations by category, 2023-06, and free service, 2024-11"),
        "conversations-by-category-2023-06-and-free-service-2024-11"
    );
    assert_eq!(anchor(" PMP-7"), "pmp-7");
}
