//! Fuzzing on stable Rust: every parser a user reaches is fed arbitrary bytes and structured
//! garbage (inputs of the right shape with values swapped for hostile ones, then cut short,
//! spliced or given a stray byte), and must neither panic nor give an error that does not say
//! where it is: a field path, a line and column, a byte offset, or a setting's name. Errors
//! about the input as a whole (over a size cap, "… and N more") must be about the whole input.
//!
//! Parsers: the scenario JSON (and the estimate and comparison of what it accepts), a shared
//! link (base64url, UTF-8, then the scenario), a paste or an import (the CSV reader and the
//! count reader the sheet uses), a user's rate card, a message log (streamed in blocks of any
//! size, as the page's worker feeds it) and the biller's settings (their JSON, and each value
//! given alone as a command-line option gives it).
//!
//! `WACOST_FUZZ_CASES` sets the cases per property: 10,000 by default, what `./test.sh` runs.
//! `scripts/fuzz.sh SECONDS` runs them in a loop with fresh seeds until one fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use serde_json::Value;
use wacost_core::bill::error::{BillError, HeaderError, RowError, Setting, SettingErrorKind};
use wacost_core::bill::{LogStream, NoSink, Options, Settings};
use wacost_core::count;
use wacost_core::csv::{self, Limits, ReadError, Separator};
use wacost_core::custom_card::{self, CardError, CardErrorKind, MAX_CARD_BYTES};
use wacost_core::link::{self, LinkError, MAX_LINK_BYTES};
use wacost_core::locale::Locale;
use wacost_core::scenario::{
    ErrorKind, FieldPath, Scenario, ScenarioErrors, Segment, MAX_LISTED_ERRORS,
};
use wacost_core::Catalog;

/// Cases per property: `WACOST_FUZZ_CASES`, else 10,000.
fn config() -> ProptestConfig {
    let cases = std::env::var("WACOST_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    ProptestConfig {
        cases,
        max_shrink_iters: 4_096,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------
// Garbage

/// Values users and hostile files give: numbers at and past every limit, other locales'
/// marks, formulas, blanks, quotes, currencies, codes, dates and times at the edges of what
/// each type holds.
#[rustfmt::skip]
const HOSTILE: &[&str] = &[
    "", " ", "0", "-1", "+1", "1e3", "1E-7", "NaN", "Infinity", "-0", "007", "18446744073709551615",
    "18446744073709551616", "1000000000000", "1000000000001", "99999999999999999999999999999",
    "0.99999999999999999999999999999", "0.000000000000000001", "0.0000000000000000001",
    "79228162514264337593543950335", "1,500", "1.500", "1 500", "1\u{a0}500", "1\u{202f}500",
    "12.5", "0,5", "1234,5", "1,50", "=1+1", "=HYPERLINK(\"https://x\"&B2,\"rates\")", "@SUM(A1)",
    "-2+3", "\t=1", "\r", "\"", "\"\"", "\"a\"b", "'", "\\", ",", ";", "\n", "\r\n", "\u{0}",
    "\u{feff}", "\u{a0}", "\u{2028}", "é", "🙂", "Ｉｎｄｉａ", "null", "true", "{}", "[]", "₹0.8631",
    "INR 0.8631", "0.8631 EUR", "US$0.02", "$0.5 EUR", "R$ 1.234,50", "abc 0.5", "$", "£", "IN",
    "in", "BR", "GB", "MX", "US", "XX", "India", "india", "Indai", "Rest of Africa", "Other",
    "Mexico", "North America", "USD", "INR", "EUR", "CLP", "JPY", "usd", "2026-10", "2026-13",
    "2026-1", "2021-02", "2020-12", "2026-10-01", "2024-10-01", "1677-01-01", "9999-12-31",
    "pmp-2026-10", "pmp-2025-07", "cbp-2024-11", "cbp-2023-06", "cbp-2022-02", "mx-2021-02",
    "+919876543210", "+1", "+52 55 1234 5678", "+0", "+", "+1234567890123456", "marketing",
    "utility", "authentication", "authentication_international", "service", "template", "free_form",
    "message", "entry_point", "call", "in", "out", "delivered", "read", "failed",
    "2026-10-03T14:05:00Z", "2026-10-03T14:05:00+05:30", "2026-10-03 14:05", "1970-01-01T00:00:00Z",
    "2262-04-11T23:47:16.854775807Z", "2262-04-12T00:00:00Z", "1677-09-21T00:12:43.145224192Z",
    "1677-09-21T00:12:43Z", "Europe/London", "+05:30", "+15:00", "-14:59", "Mars/Olympus",
    "charged", "msg-1",
];

fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(HOSTILE).prop_map(str::to_string),
        1 => ".{0,12}",
        1 => "[0-9.,  ]{0,14}",
    ]
}

/// How a text is damaged after it is built: cut short, a run of bytes removed or repeated, a
/// byte or a few put in (invalid UTF-8, a NUL, a quote, a line break).
#[derive(Debug, Clone)]
enum Edit {
    Cut(usize),
    Remove(usize, usize),
    Insert(usize, Vec<u8>),
    Repeat(usize, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let bytes = prop_oneof![
        vec(any::<u8>(), 1..4),
        select(vec![
            b"\"".to_vec(),
            b"\n".to_vec(),
            b"\r".to_vec(),
            b",".to_vec(),
            b";".to_vec(),
            b"\t".to_vec(),
            vec![0xff],
            vec![0xc3],
            vec![0],
            vec![0xef, 0xbb, 0xbf],
            b"}".to_vec(),
            b"]".to_vec(),
            b"=".to_vec(),
        ]),
    ];
    let edit = prop_oneof![
        any::<usize>().prop_map(Edit::Cut),
        (any::<usize>(), 1..16usize).prop_map(|(at, n)| Edit::Remove(at, n)),
        (any::<usize>(), bytes).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1..32usize).prop_map(|(at, n)| Edit::Repeat(at, n)),
    ];
    prop_oneof![2 => Just(Vec::new()), 3 => vec(edit, 1..4)]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let at = |n: usize, len: usize| n % (len + 1);
        match edit {
            Edit::Cut(n) => bytes.truncate(at(*n, bytes.len())),
            Edit::Remove(n, count) => {
                let start = at(*n, bytes.len());
                let end = (start + count).min(bytes.len());
                bytes.drain(start..end);
            }
            Edit::Insert(n, inserted) => {
                let start = at(*n, bytes.len());
                bytes.splice(start..start, inserted.iter().copied());
            }
            Edit::Repeat(n, count) => {
                let start = at(*n, bytes.len());
                let end = (start + count).min(bytes.len());
                let run = bytes[start..end].to_vec();
                bytes.splice(end..end, run);
            }
        }
    }
    bytes
}

fn damaged(text: String, edits: &[Edit]) -> String {
    String::from_utf8_lossy(&apply(text.into_bytes(), edits)).into_owned()
}

/// Physical lines of a text, counting LF, CRLF and a lone CR as line breaks (the most any
/// reader here can number).
fn line_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1
}

// ---------------------------------------------------------------------------------------
// Scenario JSON

#[rustfmt::skip]
const SCENARIO_KEYS: &[&str] = &[
    "month", "currency", "rules", "rate_card", "business_country", "auth_international",
    "phone_numbers", "wabas", "utility_in_window", "entry_point", "free_conversations",
    "per_conversation", "lines", "bsp", "custom_rates", "custom_tiers", "country", "market",
    "marketing", "utility", "authentication", "service", "per_message", "markup", "monthly",
    "per_number", "per_message_on", "category", "rate", "bands", "to", "tier", "note", "",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![4 => select(SCENARIO_KEYS).prop_map(str::to_string), 1 => ".{0,8}"]
}

fn atom() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>()
            .prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        3 => hostile().prop_map(Value::String),
    ]
}

/// Any JSON, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    atom().prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(key(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A good value of a field, or garbage in its place one time in twenty (so a scenario of a
/// dozen fields is often read whole, and priced).
fn field(good: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Value> {
    prop_oneof![19 => good, 1 => json()].boxed()
}

fn text_of(values: &'static [&'static str]) -> impl Strategy<Value = Value> {
    select(values).prop_map(Value::from)
}

fn count_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => (0u64..2_000_000).prop_map(Value::from),
        2 => (0u64..2_000_000).prop_map(|n| Value::from(n.to_string())),
        1 => select(vec![1_000_000_000_000u64, 1_000_000_000_001, u64::MAX]).prop_map(Value::from),
    ]
}

fn fraction() -> impl Strategy<Value = Value> {
    text_of(&[
        "0",
        "0.25",
        "1",
        "0.10",
        "0.5",
        "1.5",
        "0.0000000000000000001",
        "-0.1",
        "2",
    ])
}

fn rate() -> impl Strategy<Value = Value> {
    text_of(&[
        "0.0107",
        "0.8631",
        "0",
        "0.000000000000000001",
        "1000000",
        "1000001",
        "-0.01",
        "0.1234567890123456789",
        "12345678901234567890.5",
        "1e-3",
    ])
}

fn line() -> impl Strategy<Value = Value> {
    let destination = prop_oneof![
        text_of(&["IN", "BR", "GB", "MX", "US", "NG", "ID", "DE", "XX", "in"])
            .prop_map(|c| ("country", c)),
        text_of(&[
            "India",
            "Rest of Africa",
            "Other",
            "Own 1",
            "Atlantis",
            "north america"
        ])
        .prop_map(|m| ("market", m)),
    ];
    (
        destination,
        vec(
            (
                text_of(&["marketing", "utility", "authentication", "service"]),
                field(count_value()),
            ),
            0..4,
        ),
        prop::option::weighted(0.05, (key(), json())),
    )
        .prop_map(|((dest, name), counts, extra)| {
            let mut line = serde_json::Map::new();
            line.insert(dest.into(), name);
            for (category, count) in counts {
                line.insert(category.as_str().unwrap_or("").into(), count);
            }
            line.extend(extra);
            Value::Object(line)
        })
}

fn custom_rate() -> impl Strategy<Value = Value> {
    (
        field(prop_oneof![
            9 => text_of(&["Own 1", "India", "Own 2", "Mexico"]),
            1 => text_of(&["=cmd", "+own", "own 1"]),
        ]),
        field(text_of(&[
            "marketing",
            "utility",
            "authentication",
            "authentication_international",
            "service",
        ])),
        field(rate()),
        prop::option::of(field(prop_oneof![
            9 => text_of(&["USD", "usd"]),
            1 => text_of(&["INR", "EUR", "XYZ"]),
        ])),
    )
        .prop_map(|(market, category, rate, currency)| {
            let mut object =
                serde_json::json!({"market": market, "category": category, "rate": rate});
            if let (Some(currency), Some(map)) = (currency, object.as_object_mut()) {
                map.insert("currency".into(), currency);
            }
            object
        })
}

/// A ladder: bands in order ending with an open one, sometimes out of order or not closed.
fn custom_tier() -> impl Strategy<Value = Value> {
    let bands = (
        vec((1u64..5_000_000, field(rate())), 0..5),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(mut steps, open_last)| {
            steps.sort_by_key(|(to, _)| *to);
            let count = steps.len();
            let bands: Vec<Value> = steps
                .into_iter()
                .enumerate()
                .map(|(at, (to, rate))| {
                    let to = if at + 1 == count && open_last {
                        Value::Null
                    } else {
                        Value::from(to)
                    };
                    serde_json::json!({"to": to, "rate": rate})
                })
                .collect();
            Value::Array(bands)
        });
    (
        field(text_of(&["Own 1", "India", "Brazil"])),
        field(prop_oneof![9 => text_of(&["utility", "authentication"]), 1 => text_of(&["marketing"])]),
        field(bands),
    )
        .prop_map(|(market, category, bands)| {
            serde_json::json!({"market": market, "category": category, "bands": bands})
        })
}

/// A scenario of the right shape, each field good or garbage.
fn scenario_like() -> impl Strategy<Value = Value> {
    let some = |p: f64, value: BoxedStrategy<Value>| prop::option::weighted(p, value);
    let settings = (
        some(
            0.95,
            field(text_of(&[
                "2026-10", "2026-11", "2025-08", "2021-03", "2023-07", "2024-12",
            ])),
        ),
        some(
            0.5,
            field(
                prop_oneof![9 => text_of(&["USD", "usd"]), 1 => text_of(&["INR", "EUR", "BRL", "GBP"])],
            ),
        ),
        some(
            0.2,
            field(text_of(&[
                "pmp-2026-10",
                "cbp-2022-02",
                "mx-2021-02",
                "cbp-2023-06",
            ])),
        ),
        some(
            0.2,
            field(text_of(&[
                "2026-10-01",
                "2024-10-01",
                "2021-02-01",
                "2026-12-01",
            ])),
        ),
        some(0.3, field(text_of(&["GB", "IN", "MX", "US"]))),
        some(0.3, field(any::<bool>().prop_map(Value::Bool))),
        some(
            0.3,
            field(prop_oneof![(1u64..10).prop_map(Value::from), count_value()]),
        ),
        some(0.3, field(fraction())),
        some(0.3, field(fraction())),
    );
    let per_conversation = (
        text_of(&["1", "1.5", "2", "4", "0.5"]),
        text_of(&["1", "1.5", "2", "4"]),
    )
        .prop_map(|(a, b)| serde_json::json!({"marketing": a, "service": b}));
    let bsp = (fraction(), rate(), rate(), rate()).prop_map(|(markup, per_message, monthly, per_number)| {
        serde_json::json!({"markup": markup, "per_message": per_message, "monthly": monthly, "per_number": per_number})
    });
    let parts = (
        some(0.95, field(vec(line(), 0..8).prop_map(Value::Array))),
        some(0.3, field(vec(custom_rate(), 0..4).prop_map(Value::Array))),
        some(0.3, field(vec(custom_tier(), 0..3).prop_map(Value::Array))),
        some(0.3, field(bsp)),
        some(0.2, field(per_conversation)),
    );
    (settings, parts).prop_map(|(s, p)| {
        let mut top = serde_json::Map::new();
        let mut put = |key: &str, value: Option<Value>| {
            if let Some(value) = value {
                top.insert(key.into(), value);
            }
        };
        put("month", s.0);
        put("currency", s.1);
        put("rules", s.2);
        put("rate_card", s.3);
        put("business_country", s.4);
        put("auth_international", s.5);
        put("phone_numbers", s.6);
        put("utility_in_window", s.7);
        put("entry_point", s.8);
        put("lines", p.0);
        put("custom_rates", p.1);
        put("custom_tiers", p.2);
        put("bsp", p.3);
        put("per_conversation", p.4);
        Value::Object(top)
    })
}

/// Scenario text: structured (maybe damaged) or any text at all.
fn scenario_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => scenario_like().prop_map(|v| v.to_string()),
        2 => (scenario_like(), edits()).prop_map(|(v, e)| damaged(v.to_string(), &e)),
        1 => (json(), edits()).prop_map(|(v, e)| damaged(v.to_string(), &e)),
        1 => ".{0,64}",
        1 => vec(any::<u8>(), 0..96).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// The value a path leads to in a document.
fn follow<'v>(doc: &'v Value, segments: &[Segment]) -> Option<&'v Value> {
    segments.iter().try_fold(doc, |at, segment| match segment {
        Segment::Key(key) => at.get(key.as_ref()),
        Segment::Index(index) => at.get(*index),
    })
}

/// Every problem names a field (whose parent is in the document, when there is one), or is
/// about the document as a whole, or is a JSON syntax error with its line and column.
fn check_scenario_errors(
    errors: &ScenarioErrors,
    text: &str,
    doc: Option<&Value>,
) -> Result<(), TestCaseError> {
    prop_assert!(!errors.0.is_empty(), "an error without a problem");
    prop_assert!(
        errors.0.len() <= MAX_LISTED_ERRORS + 1,
        "{} problems listed",
        errors.0.len()
    );
    for (at, error) in errors.0.iter().enumerate() {
        let shown = error.to_string();
        prop_assert!(
            shown.starts_with(&error.path.to_string()),
            "{shown} does not start with its path"
        );
        let segments = error.path.segments();
        if segments.is_empty() {
            match &error.kind {
                ErrorKind::InvalidJson { line, column, .. } => {
                    prop_assert!(doc.is_none());
                    prop_assert!(
                        *line >= 1 && *line <= line_count(text.as_bytes()),
                        "line {line}"
                    );
                    let width = text.lines().nth(line - 1).map_or(0, |l| l.len());
                    prop_assert!(*column <= width + 1, "column {column} of {width}");
                }
                ErrorKind::NotAnObject { .. } => prop_assert!(doc.is_some_and(|d| !d.is_object())),
                ErrorKind::MoreErrors { .. } => prop_assert_eq!(at, errors.0.len() - 1),
                ErrorKind::AmountNotExact { .. } => {}
                other => prop_assert!(false, "{other:?} names no field"),
            }
            continue;
        }
        if let Some(doc) = doc {
            let parent = &segments[..segments.len() - 1];
            prop_assert!(
                follow(doc, parent).is_some(),
                "{} is not in the document",
                error.path
            );
        }
    }
    Ok(())
}

/// Reads a scenario as every surface does; what it accepts is estimated, and compared when
/// `compare` is set, and any refusal of those names its field too.
fn read_scenario(text: &str, compare: bool) -> Result<(), TestCaseError> {
    let doc = serde_json::from_str::<Value>(text).ok();
    match Scenario::from_json(text) {
        Err(errors) => check_scenario_errors(&errors, text, doc.as_ref()),
        Ok(scenario) => {
            let lines = scenario.lines.len();
            let in_scenario = |errors: &ScenarioErrors| -> Result<(), TestCaseError> {
                check_scenario_errors(errors, text, None)?;
                for error in &errors.0 {
                    if let Some(line) = error.path.line_index() {
                        prop_assert!(line < lines, "{} of {lines} lines", error.path);
                    }
                }
                Ok(())
            };
            if let Err(errors) = wacost_core::estimate::estimate(&scenario) {
                in_scenario(&errors)?;
            }
            if compare {
                if let Err(errors) = wacost_core::estimate::compare(&scenario) {
                    in_scenario(&errors)?;
                }
            }
            // What was accepted is written back and read again to the same scenario.
            let again = Scenario::from_json(&scenario.to_json());
            prop_assert_eq!(again.as_ref().ok(), Some(&scenario));
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------
// Links

fn link_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // A real link's text, with blanks a chat app may add.
        3 => (scenario_like(), " {0,2}", "={0,2}").prop_map(|(v, before, after)| {
            format!("{before}{}{after}", link::encode(v.to_string().as_bytes()))
        }),
        // The same, damaged.
        2 => (scenario_like(), edits(), " {0,2}", " {0,2}").prop_map(|(v, e, before, after)| {
            let encoded = link::encode(v.to_string().as_bytes());
            format!("{before}{}{after}", damaged(encoded, &e))
        }),
        // Bytes that are not UTF-8, or not JSON, encoded.
        1 => vec(any::<u8>(), 0..64).prop_map(|b| link::encode(&b)),
        1 => "[A-Za-z0-9_+/=-]{0,40}[^A-Za-z0-9_+/=-]?[A-Za-z0-9_+/=-]{0,8}",
        1 => ".{0,48}",
    ]
}

fn open_link(text: &str) -> Result<(), TestCaseError> {
    match link::decode(text) {
        Err(LinkError::NotBase64 {
            character,
            position,
        }) => {
            prop_assert!(
                text.get(position..)
                    .is_some_and(|rest| rest.starts_with(character)),
                "{character:?} is not at {position}"
            );
        }
        Err(LinkError::StrayFinalCharacter { position }) => {
            let last = text.trim().trim_end_matches('=');
            prop_assert!(
                text.get(position..).is_some_and(|rest| rest
                    .trim_end()
                    .trim_end_matches('=')
                    .len()
                    == 1),
                "{position} is not the last character of {last:?}"
            );
        }
        Err(LinkError::TooLarge { got, .. }) => {
            prop_assert!(got > MAX_LINK_BYTES && text.len() > MAX_LINK_BYTES);
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            // The page offers the text decoded up to the first bad byte.
            Err(e) => prop_assert!(e.utf8_error().valid_up_to() < e.as_bytes().len()),
            Ok(json) => read_scenario(&json, false)?,
        },
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// CSV: pastes, imports, cards and logs

/// A CSV text of cells (hostile ones among them), any of the three separators and line ends,
/// sometimes quoted, sometimes with a BOM.
fn csv_text(cells: BoxedStrategy<String>) -> impl Strategy<Value = String> {
    (
        vec(vec((cells, any::<bool>()), 0..7), 0..12),
        select(vec![",", ";", "\t"]),
        select(vec!["\n", "\r\n", "\r"]),
        any::<bool>(),
    )
        .prop_map(|(rows, separator, end, bom)| {
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            for row in rows {
                let cells: Vec<String> = row
                    .into_iter()
                    .map(|(cell, quoted)| {
                        if quoted {
                            format!("\"{}\"", cell.replace('"', "\"\""))
                        } else {
                            cell
                        }
                    })
                    .collect();
                text.push_str(&cells.join(separator));
                text.push_str(end);
            }
            text
        })
}

fn damaged_csv(cells: BoxedStrategy<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        5 => (csv_text(cells), edits()).prop_map(|(t, e)| damaged(t, &e)),
        1 => ".{0,80}",
        1 => vec(any::<u8>(), 0..96).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// A CSV problem is at a line and column of the text (or is a cap, about the whole text).
fn check_read_error(error: &ReadError, text: &str, limits: Limits) -> Result<(), TestCaseError> {
    let lines = line_count(text.as_bytes());
    match error.kind {
        csv::ErrorKind::TooLarge { limit, found } => {
            prop_assert!(found > limit && found == text.len() && limit == limits.max_bytes);
        }
        csv::ErrorKind::TooManyRecords { limit, found } => {
            prop_assert!(found > limit && limit == limits.max_records);
        }
        _ => {
            let at = error.at;
            prop_assert!(
                at.line >= 1 && at.line <= lines,
                "line {} of {lines}",
                at.line
            );
            prop_assert!(at.record_line >= 1 && at.record_line <= at.line);
            prop_assert!(at.column >= 1, "column {}", at.column);
            let longest = text
                .split(['\n', '\r'])
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0);
            prop_assert!(
                at.column <= longest + 1,
                "column {} past {longest}",
                at.column
            );
        }
    }
    Ok(())
}

/// A paste or an import as the sheet reads it: the separator sniffed, records read within the
/// caps, each row no wider than the header, each cell read as a count in every language.
fn paste(text: &str, limits: Limits) -> Result<(), TestCaseError> {
    let separator = csv::sniff(text).unwrap_or(Separator::Comma);
    let records = match csv::read_all(text, separator, limits) {
        Ok(records) => records,
        Err(error) => return check_read_error(&error, text, limits),
    };
    prop_assert!(records.len() <= limits.max_records);
    let width = records.first().map_or(0, |r| r.fields.len());
    for record in &records {
        prop_assert!(record.line >= 1 && record.line <= line_count(text.as_bytes()));
        if let Err(error) = record.check_width(width) {
            check_read_error(&error, text, limits)?;
            prop_assert_eq!(error.at.record_line, record.line);
        }
        for cell in record.texts() {
            for locale in Locale::ALL {
                if let Err(error) = count::read(cell, locale) {
                    // The cell's place is the caller's; the error keeps the cell as given.
                    prop_assert_eq!(error.text.as_str(), cell.trim());
                }
            }
        }
    }
    // The log reads a line at a time: each physical line alone.
    for line in text.split('\n') {
        if let Err(error) = csv::read_line(line, separator) {
            check_read_error(&error, line, Limits::NONE)?;
        }
    }
    Ok(())
}

fn card_cell() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(vec![
            "Market", "market", "Marketing", "Utility", "Authentication",
            "Authentication-International", "Service", "category", "rate", "currency",
            "Marketing (USD)", "Utility (INR)", "Cost per message in INR", "Rate in EUR",
            "India", "Brazil", "Rest of Africa", "Other", "North America", "marketing", "utility",
            "0.0107", "0,0107", "0.8631", "₹0.8631", "INR 0.8631", "0.8631 EUR", "$0.02",
            "0.0000000000000000001", "n/a", "", "-",
        ])
        .prop_map(str::to_string),
        1 => hostile(),
    ]
    .boxed()
}

/// A cell of a card: a good one, or a hostile one in its place one time in twenty.
fn card_field(good: impl Strategy<Value = String> + 'static) -> BoxedStrategy<String> {
    prop_oneof![19 => good, 1 => card_cell()].boxed()
}

fn card_rate(decimal_comma: bool) -> BoxedStrategy<String> {
    let plain = prop_oneof![
        6 => select(vec!["0.0107", "0.8631", "0.0014", "0", "0.000000000000000001", "1000000"]),
        1 => select(vec!["", "n/a", "-", "1e-3", "-0.01", "0.1234567890123456789"]),
        1 => select(vec!["$0.0107", "US$0.02", "0.0107 USD", "₹0.8631", "INR 0.8631", "0.04 EUR"]),
    ];
    plain
        .prop_map(move |r| {
            if decimal_comma {
                r.replace('.', ",")
            } else {
                r.to_string()
            }
        })
        .boxed()
}

/// A user's card in Meta's layout (a title, then a column per category) or as
/// market,category,rate rows, with cells of the right kind and now and then a hostile one.
fn card_text() -> impl Strategy<Value = String> {
    let markets = select(vec![
        "India",
        "Brazil",
        "Rest of Africa",
        "Other",
        "North America",
        "indonesia",
        "Mexico",
        "Atlantis",
    ])
    .prop_map(str::to_string);
    let separator = select(vec![",", ";", "\t"]);
    let meta = (
        prop::option::of(select(vec![
            "Cost per message in USD on the WhatsApp Business Platform",
            "Cost per message in INR",
            "Rates",
        ])),
        vec((card_field(markets.clone()), vec(any::<bool>(), 5)), 0..8),
        separator.clone(),
    )
        .prop_flat_map(|(title, rows, separator)| {
            let comma = separator == ";";
            let rates = vec(vec(card_field(card_rate(comma)), 5), rows.len());
            (Just(title), Just(rows), Just(separator), rates)
        })
        .prop_map(|(title, rows, separator, rates)| {
            let mut text = String::new();
            if let Some(title) = title {
                text.push_str(title);
                text.push('\n');
            }
            let header = [
                "Market",
                "Marketing",
                "Utility",
                "Authentication",
                "Authentication-International",
                "Service",
            ];
            text.push_str(&header.join(separator));
            text.push('\n');
            for ((market, _), rates) in rows.into_iter().zip(rates) {
                text.push_str(&market);
                for rate in rates {
                    text.push_str(separator);
                    text.push_str(&rate);
                }
                text.push('\n');
            }
            text
        });
    let plain = (
        any::<bool>(),
        vec(
            (
                card_field(markets),
                card_field(
                    select(vec![
                        "marketing",
                        "utility",
                        "authentication",
                        "service",
                        "Marketing",
                    ])
                    .prop_map(str::to_string),
                ),
                card_field(card_rate(false)),
                card_field(select(vec!["USD", "usd", "INR", ""]).prop_map(str::to_string)),
            ),
            0..8,
        ),
    )
        .prop_map(|(with_currency, rows)| {
            let mut text = String::from(if with_currency {
                "market,category,rate,currency\n"
            } else {
                "market,category,rate\n"
            });
            for (market, category, rate, currency) in rows {
                let quote = |cell: String| {
                    if cell.contains([',', '"', '\n', '\r']) {
                        format!("\"{}\"", cell.replace('"', "\"\""))
                    } else {
                        cell
                    }
                };
                text.push_str(&[quote(market), quote(category), quote(rate)].join(","));
                if with_currency {
                    text.push(',');
                    text.push_str(&quote(currency));
                }
                text.push('\n');
            }
            text
        });
    let structured = prop_oneof![meta, plain].boxed();
    prop_oneof![
        3 => structured.clone(),
        1 => (structured, edits()).prop_map(|(t, e)| damaged(t, &e)),
        1 => damaged_csv(card_cell()),
    ]
}

fn check_card_errors(errors: &[CardError], text: &str) -> Result<(), TestCaseError> {
    prop_assert!(!errors.is_empty());
    prop_assert!(errors.len() <= custom_card::MAX_LISTED_ERRORS + 1);
    let lines = line_count(text.as_bytes());
    for error in errors {
        if error.line == 0 {
            // About the card as a whole.
            let whole = matches!(
                error.kind,
                CardErrorKind::Csv(
                    csv::ErrorKind::TooLarge { .. } | csv::ErrorKind::TooManyRecords { .. }
                ) | CardErrorKind::More { .. }
                    | CardErrorKind::NoHeader
            );
            prop_assert!(whole, "{error} names no line");
        } else {
            prop_assert!(error.line <= lines, "line {} of {lines}", error.line);
        }
    }
    Ok(())
}

fn read_card(text: &str, currency: &str) -> Result<(), TestCaseError> {
    let catalog = Catalog::builtin();
    let markets = catalog
        .market_table_on(chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())
        .markets();
    match custom_card::parse(text, &markets) {
        Err(errors) => check_card_errors(&errors, text)?,
        Ok(card) => {
            // One card, one currency: every rate carries the card's.
            prop_assert!(card.rates.iter().all(|r| r.currency == card.currency));
        }
    }
    match custom_card::parse_in(text, &markets, currency) {
        Err(errors) => check_card_errors(&errors, text)?,
        Ok(card) => {
            // Never a rate in another currency than asked.
            let asked = currency.trim().to_ascii_uppercase();
            prop_assert_eq!(card.currency.as_deref(), Some(asked.as_str()));
            prop_assert!(card
                .rates
                .iter()
                .all(|r| r.currency.as_deref() == Some(asked.as_str())));
        }
    }
    prop_assert!(text.len() <= MAX_CARD_BYTES);
    Ok(())
}

#[rustfmt::skip]
const LOG_COLUMNS: &[&str] = &[
    "time", "phone_number", "user", "direction", "kind", "category", "status", "message_id",
    "pricing_category", "pricing_type", "note", "time",
];

fn log_cell() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec![
            "2026-10-03T14:05:00Z", "2026-10-03T14:04:00Z", "2026-11-01T00:00:00+05:30",
            "2026-09-30T23:59:59-03:00", "PN1", "PN2", "+919876543210", "+5511987654321",
            "+447700900123", "+15551234567", "in", "out", "template", "free_form", "message",
            "entry_point", "call", "marketing", "utility", "authentication", "service",
            "delivered", "read", "failed", "", "m1", "m2", "MARKETING", "regular", "free_entry_point",
        ])
        .prop_map(str::to_string),
        1 => hostile(),
    ]
    .boxed()
}

/// A field of a log row: a fitting one, or a hostile one in its place one time in twenty.
fn log_field(good: impl Strategy<Value = String> + 'static) -> BoxedStrategy<String> {
    prop_oneof![19 => good, 1 => log_cell()].boxed()
}

/// A row of the standard columns that reads, now and then with a hostile field.
fn log_row() -> impl Strategy<Value = String> {
    let message = prop_oneof![
        3 => (select(vec!["marketing", "utility", "authentication"]), select(vec!["", "delivered", "read", "failed"]))
            .prop_map(|(category, status)| format!("out,template,{category},{status}")),
        1 => select(vec!["out,free_form,,", "out,free_form,service,read", "in,message,,", "in,entry_point,,", "in,call,,delivered"])
            .prop_map(str::to_string),
    ];
    (
        log_field(
            (1u32..=30, 0u32..24, 0u32..60)
                .prop_map(|(d, h, m)| format!("2026-10-{d:02}T{h:02}:{m:02}:00Z")),
        ),
        log_field(select(vec!["PN1", "PN2"]).prop_map(str::to_string)),
        log_field(
            select(vec![
                "+919876543210",
                "+5511987654321",
                "+447700900123",
                "+15551234567",
                "+525512345678",
            ])
            .prop_map(str::to_string),
        ),
        log_field(message),
    )
        .prop_map(|(time, phone, user, rest)| format!("{time},{phone},{user},{rest}"))
}

/// A log: a header of the log's columns (the standard one, or shuffled, repeated and unknown
/// columns), rows that read and rows of fitting and hostile cells; then bytes that may be no
/// UTF-8 at all, or UTF-16.
fn log_bytes() -> impl Strategy<Value = Vec<u8>> {
    let header = vec(select(LOG_COLUMNS), 0..9).prop_map(|c| c.join(","));
    let standard = Just("time,phone_number,user,direction,kind,category,status".to_string());
    let loose_row = vec(log_cell(), 0..9).prop_map(|c| c.join(","));
    let rows = vec(prop_oneof![6 => log_row(), 1 => loose_row], 0..16);
    let text = (
        prop_oneof![6 => standard, 1 => header],
        rows,
        select(vec!["\n", "\r\n"]),
    )
        .prop_map(|(header, rows, end)| {
            let mut text = header;
            for row in rows {
                text.push_str(end);
                text.push_str(&row);
            }
            text
        });
    let text = text.boxed();
    prop_oneof![
        4 => text.clone().prop_map(String::into_bytes),
        3 => (text, edits()).prop_map(|(t, e)| apply(t.into_bytes(), &e)),
        1 => vec(any::<u8>(), 0..128),
        1 => ".{0,64}".prop_map(|t: String| {
            // UTF-16 as Excel's "Unicode text" writes it.
            let mut bytes = vec![0xff, 0xfe];
            bytes.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }),
    ]
}

fn check_row(row: &RowError, lines: u64) -> Result<(), TestCaseError> {
    prop_assert!(row.line >= 1 && row.line <= lines, "{row} of {lines} lines");
    Ok(())
}

fn check_header(header: &HeaderError, lines: u64) -> Result<(), TestCaseError> {
    prop_assert!(
        header.line >= 1 && header.line <= lines,
        "{header} of {lines} lines"
    );
    Ok(())
}

/// Bills a log fed in blocks cut at `cuts`, as the page's worker does, then fed again when it
/// goes back in time.
fn bill_log(bytes: &[u8], cuts: &[usize], skip_bad_rows: bool) -> Result<(), TestCaseError> {
    let catalog = Catalog::builtin();
    let mut stream = LogStream::new(catalog, Settings::default(), Options { skip_bad_rows });
    let mut sink = NoSink;
    let feed = |stream: &mut LogStream, sink: &mut NoSink| {
        let mut start = 0;
        for cut in cuts {
            let end = (start + cut % 17).min(bytes.len());
            stream.feed(&bytes[start..end], sink);
            start = end;
        }
        stream.feed(&bytes[start..], sink);
    };
    feed(&mut stream, &mut sink);
    if stream.needs_sorted_pass() {
        stream.start_sorted_pass(&mut sink);
        feed(&mut stream, &mut sink);
    }
    stream.end_of_input(&mut sink);
    let lines = line_count(bytes) as u64;
    for row in stream.bad_rows() {
        check_row(row, lines)?;
    }
    match stream.finish() {
        Ok(report) => {
            prop_assert!(skip_bad_rows || report.skipped_rows.is_empty());
        }
        Err(BillError::Header(header)) => check_header(&header, lines)?,
        Err(BillError::MalformedRows(rows)) => {
            prop_assert!(!rows.rows.is_empty() && !skip_bad_rows);
            for row in &rows.rows {
                check_row(row, lines)?;
            }
        }
        Err(BillError::Utf16) => {
            prop_assert!(
                bytes.get(..2) == Some(&[0xff, 0xfe][..])
                    || bytes.get(..2) == Some(&[0xfe, 0xff][..])
                    || bytes.iter().take(4).any(|&b| b == 0)
            );
        }
        Err(BillError::Empty) => {}
        Err(BillError::Read(e)) => prop_assert!(false, "no reading can fail here: {e}"),
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Billing settings

/// Settings JSON: each key with a fitting value (now and then a hostile one), sometimes an
/// unknown key, then damaged; or any text.
fn settings_text() -> impl Strategy<Value = String> {
    let good = |values: &'static [&'static str]| -> BoxedStrategy<Value> {
        prop_oneof![
            9 => select(values).prop_map(Value::from),
            1 => prop_oneof![3 => hostile().prop_map(Value::String), 1 => json()],
        ]
        .boxed()
    };
    let object = (
        prop::option::of(good(&[
            "Europe/London",
            "+05:30",
            "UTC",
            "America/Sao_Paulo",
            "-03:00",
        ])),
        prop::option::of(good(&["USD", "INR", "EUR", "usd"])),
        prop::option::of(good(&["pmp-2026-10", "auto", "cbp-2023-06", "mx-2021-02"])),
        prop::option::of(good(&["2026-10-01", "auto", "2024-10-01"])),
        prop::option::of(good(&["GB", "IN", "MX"])),
        prop::option::of(good(&["2026-10-01T00:00:00Z", "2026-10-15T12:00:00+05:30"])),
        prop::option::of(prop_oneof![9 => (0u64..5_000).prop_map(Value::from), 1 => json()]),
        prop::option::weighted(0.1, (".{0,6}", json())),
    )
        .prop_map(
            |(tz, currency, rules, card, country, from, free, unknown)| {
                let mut object = serde_json::Map::new();
                let keys = [
                    ("timezone", tz),
                    ("currency", currency),
                    ("rules", rules),
                    ("rate_card", card),
                    ("business_country", country),
                    ("auth_international_from", from),
                    ("free_conversations", free),
                ];
                for (key, value) in keys {
                    if let Some(value) = value {
                        object.insert(key.into(), value);
                    }
                }
                if let Some((key, value)) = unknown {
                    object.insert(key, value);
                }
                Value::Object(object).to_string()
            },
        )
        .boxed();
    prop_oneof![
        4 => object.clone(),
        2 => (object, edits()).prop_map(|(t, e)| damaged(t, &e)),
        1 => ".{0,48}",
    ]
}

fn read_settings(text: &str) -> Result<(), TestCaseError> {
    let Err(errors) = Settings::from_json(text, Catalog::builtin()) else {
        return Ok(());
    };
    prop_assert!(!errors.is_empty());
    for error in &errors {
        match &error.kind {
            SettingErrorKind::Json { line, column, .. } => {
                prop_assert_eq!(error.setting, Setting::Document);
                prop_assert!(
                    *line >= 1 && *line <= line_count(text.as_bytes()),
                    "line {line}"
                );
                let width = text.lines().nth(line - 1).map_or(0, |l| l.len());
                prop_assert!(*column <= width + 1, "column {column} of {width}");
            }
            // Any other problem is a setting's, named by its key.
            _ => prop_assert!(error.setting != Setting::Document, "{error:?}"),
        }
    }
    Ok(())
}

type Setter = fn(&mut Settings, &str) -> Result<(), wacost_core::bill::SettingError>;

/// Each setting given alone (a command-line option, a field of a form): a refusal names it.
fn set_each(text: &str) -> Result<(), TestCaseError> {
    let mut settings = Settings::default();
    let setters: [(Setting, Setter); 5] = [
        (Setting::Timezone, Settings::set_timezone),
        (Setting::Rules, Settings::set_rules),
        (Setting::RateCard, Settings::set_rate_card),
        (Setting::BusinessCountry, Settings::set_business_country),
        (
            Setting::AuthInternationalFrom,
            Settings::set_auth_international_from,
        ),
    ];
    for (setting, set) in setters {
        if let Err(error) = set(&mut settings, text) {
            prop_assert_eq!(error.setting, setting);
        }
    }
    settings.set_currency(text);
    if let Err(error) = settings.check(Catalog::builtin()) {
        prop_assert!(error.setting != Setting::Document);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn scenario_json(text in scenario_text(), compare in prop::bool::weighted(0.1)) {
        read_scenario(&text, compare)?;
    }

    #[test]
    fn links(text in link_text()) {
        open_link(&text)?;
    }

    #[test]
    fn links_round_trip(bytes in vec(any::<u8>(), 0..96)) {
        prop_assert_eq!(link::decode(&link::encode(&bytes)).unwrap(), bytes);
    }

    #[test]
    fn pastes_and_imports(
        text in damaged_csv(prop_oneof![2 => hostile(), 1 => "[0-9.,  ]{0,9}"].boxed()),
        max_bytes in prop_oneof![3 => Just(usize::MAX), 1 => 0usize..200],
        max_records in prop_oneof![3 => Just(usize::MAX), 1 => 0usize..8],
    ) {
        paste(&text, Limits { max_bytes, max_records })?;
    }

    #[test]
    fn rate_cards(text in card_text(), currency in select(vec!["USD", "INR", "eur", "XYZ", ""])) {
        read_card(&text, currency)?;
    }

    #[test]
    fn message_logs(bytes in log_bytes(), cuts in vec(any::<usize>(), 0..6), skip in any::<bool>()) {
        bill_log(&bytes, &cuts, skip)?;
    }

    #[test]
    fn billing_settings(text in settings_text(), value in hostile()) {
        read_settings(&text)?;
        set_each(&value)?;
    }
}

#[test]
fn a_link_over_the_cap_is_about_the_whole_link() {
    let text = "A".repeat(MAX_LINK_BYTES / 3 * 4 + 8);
    assert!(matches!(
        link::decode(&text),
        Err(LinkError::TooLarge { .. })
    ));
}

#[test]
fn a_path_at_the_root_is_the_whole_scenario() {
    // The properties accept a problem without a field only about the document as a whole.
    let errors = Scenario::from_json("[]").unwrap_err();
    assert_eq!(errors.0[0].path, FieldPath::scenario());
    assert!(matches!(errors.0[0].kind, ErrorKind::NotAnObject { .. }));
    let errors = Scenario::from_json("{\"month\":").unwrap_err();
    assert!(matches!(
        errors.0[0].kind,
        ErrorKind::InvalidJson {
            line: 1,
            column: 9,
            ..
        }
    ));
}

/// The garbage reaches past the first check of every parser: a share of each generator's
/// inputs is accepted and priced, so the properties test more than the first refusal.
#[test]
fn the_garbage_reaches_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        ProptestConfig::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let mut sample = |strategy: BoxedStrategy<String>| -> Vec<String> {
        (0..400)
            .map(|_| strategy.new_tree(&mut runner).unwrap().current())
            .collect()
    };
    let scenarios = sample(scenario_text().boxed());
    let parsed: Vec<Scenario> = scenarios
        .iter()
        .filter_map(|t| Scenario::from_json(t).ok())
        .collect();
    let priced = parsed
        .iter()
        .filter(|s| wacost_core::estimate::estimate(s).is_ok())
        .count();
    eprintln!("scenarios: {} of 400 read, {priced} priced", parsed.len());
    assert!(
        parsed.len() >= 20 && priced >= 10,
        "{} read, {priced} priced",
        parsed.len()
    );

    let links = sample(link_text().boxed());
    let opened = links
        .iter()
        .filter_map(|l| link::decode(l).ok())
        .filter_map(|b| String::from_utf8(b).ok())
        .filter(|j| Scenario::from_json(j).is_ok())
        .count();
    eprintln!("links: {opened} of 400 opened");
    assert!(opened >= 20, "{opened} links opened");

    let markets = Catalog::builtin()
        .market_table_on(chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())
        .markets();
    let cards = sample(card_text().boxed());
    let read = cards
        .iter()
        .filter(|c| custom_card::parse(c, &markets).is_ok_and(|card| !card.rates.is_empty()))
        .count();
    eprintln!("cards: {read} of 400 read with rates");
    assert!(read >= 30, "{read} cards read");

    let logs = sample(
        log_bytes()
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
            .boxed(),
    );
    let billed = logs
        .iter()
        .filter(|l| {
            let options = Options {
                skip_bad_rows: true,
            };
            wacost_core::bill::bill(Catalog::builtin(), &Settings::default(), l, options)
                .is_ok_and(|r| r.outbound > 0)
        })
        .count();
    eprintln!("logs: {billed} of 400 billed with messages");
    assert!(billed >= 150, "{billed} logs billed");

    let settings = sample(settings_text().boxed());
    let accepted = settings
        .iter()
        .filter(|s| Settings::from_json(s, Catalog::builtin()).is_ok())
        .count();
    eprintln!("settings: {accepted} of 400 accepted");
    assert!(accepted >= 100, "{accepted} settings accepted");
}
