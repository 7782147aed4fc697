//! Every problem the page shows, in its four languages, worded from data as `notes` words the
//! estimate's notes: the core's typed errors (`FieldError`, `CardError`, the CSV reader's and
//! the count reader's kinds), the comparison's and the finance view's data (`compare`,
//! `finance`), and the page's own (a link, a paste, an import, a card to load).
//!
//! Each sentence is one template per language with numbered holes (`{1}`, `{2}` …) filled with
//! its figures, numbers grouped and values quoted as the language writes them. Each kind is an
//! arm of a `match` without a wildcard, so a kind added to the core fails the build until it
//! has its words in all four languages. English is the page's own plain wording: a page user
//! reads "Row 3 · Utility", never `lines[2].utility`.

/// `words!(en, fr, es, pt)`: one sentence in the page's four languages, as a `Words`.
macro_rules! words {
    ($en:literal, $fr:literal, $es:literal, $pt:literal $(,)?) => {
        $crate::wording::Words(concat!($en, "\u{1f}", $fr, "\u{1f}", $es, "\u{1f}", $pt))
    };
}
pub(crate) use words;

mod card;
pub mod compare;
mod field;
pub mod finance;
mod sheet;

pub use card::{card_problem, card_problems};
pub use field::{field_error, field_problem, grouped_field_errors, place, typed_problem};
pub use sheet::{count_problem, csv_kind, csv_problem, link_problem, sheet_problems, unreadable};

use crate::i18n::Lang;
use rust_decimal::Decimal;

/// One sentence in English, French, Spanish and Brazilian Portuguese (`words!`), kept as one
/// string with the four apart by U+001F rather than an array of four: the bundle then holds no
/// table of pointers beside the text, which gzip compresses poorly (with `i18n::text!`, the
/// page's first load is 3.1 KB gzipped smaller, 325.9 -> 322.8 KB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(pub &'static str);

/// The template of `lang`.
pub fn pick(lang: Lang, words: &Words) -> &'static str {
    crate::i18n::in_lang(words.0, lang)
}

/// `words` in `lang`, each `{n}` replaced by the n-th figure (from 1). A brace that opens no
/// figure (`{"to", "rate"}`) is text.
pub fn say(lang: Lang, words: &Words, figures: &[&str]) -> String {
    let mut rest = pick(lang, words);
    let mut out = String::with_capacity(rest.len() + 24);
    while let Some((before, after)) = rest.split_once('{') {
        push_text(lang, &mut out, before);
        let hole = after
            .split_once('}')
            .and_then(|(n, tail)| Some((n.parse::<usize>().ok()?, tail)));
        match hole {
            Some((n, tail)) => {
                out.push_str(n.checked_sub(1).and_then(|i| figures.get(i)).unwrap_or(&""));
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    push_text(lang, &mut out, rest);
    out
}

/// A template's own text: French keeps `:`, `;`, `?` and `!` on the line of the word before
/// them (a no-break space), so a narrow column never starts a line with one. Figures, which may
/// be what the user typed, are left as they are.
fn push_text(lang: Lang, out: &mut String, text: &str) {
    if lang != Lang::Fr {
        out.push_str(text);
        return;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let tight = c == ' ' && matches!(chars.peek(), Some(':' | ';' | '?' | '!'));
        out.push(if tight { '\u{a0}' } else { c });
    }
}

/// A value as the user wrote it, in the language's quotes: “12.5”, « 12,5 », «12,5».
pub fn quote(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En | Lang::PtBr => format!("“{text}”"),
        Lang::Fr => format!("«\u{a0}{text}\u{a0}»"),
        Lang::Es => format!("«{text}»"),
    }
}

/// A value the core quotes in JSON notation (`"12.5"`, `12.5`, `[1]`), as the user typed it,
/// in the language's quotes.
pub fn shown(lang: Lang, got: &str) -> String {
    let text = match serde_json::from_str::<String>(got) {
        Ok(text) => text,
        // A long value the core cut short (`"abc…`): its opening quote goes.
        Err(_) => got.strip_prefix('"').unwrap_or(got).to_string(),
    };
    quote(lang, &text)
}

/// The digit-grouping mark of `lang`, as the browser's `Intl.NumberFormat` writes it.
fn grouping_mark(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        Lang::Fr => '\u{202f}',
        Lang::Es | Lang::PtBr => '.',
    }
}

/// The whole digits `digits` grouped by three in `lang` (Spanish groups from five digits on,
/// as `Intl.NumberFormat` does).
fn grouped(lang: Lang, digits: &str) -> String {
    let len = digits.chars().count();
    if lang == Lang::Es && len < 5 {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + len / 3 * 3);
    for (at, c) in digits.chars().enumerate() {
        if at > 0 && (len - at) % 3 == 0 {
            out.push(grouping_mark(lang));
        }
        out.push(c);
    }
    out
}

/// A count in `lang`: `1,500`, `1 500`, `1.500`. Written here rather than by `Intl` so the
/// sentences are the same natively (in tests) and in the browser.
pub fn number(lang: Lang, n: impl std::fmt::Display) -> String {
    grouped(lang, &n.to_string())
}

/// An exact decimal in `lang`: `0.25`, `0,25`, `1 000 000`.
pub fn decimal(lang: Lang, value: Decimal) -> String {
    let text = wacost_core::money::to_plain_string(value, 0);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let mark = match lang {
        Lang::En => '.',
        Lang::Fr | Lang::Es | Lang::PtBr => ',',
    };
    let mut out = format!("{sign}{}", grouped(lang, whole));
    if let Some(fraction) = fraction {
        out.push(mark);
        out.push_str(fraction);
    }
    out
}

/// `a, b and c` (`or` for alternatives) in `lang`.
pub fn list(lang: Lang, items: &[String], or: bool) -> String {
    let last_join = match (lang, or) {
        (Lang::En, false) => " and ",
        (Lang::En, true) => " or ",
        (Lang::Fr, false) => " et ",
        (Lang::Fr | Lang::PtBr, true) => " ou ",
        (Lang::Es, false) => " y ",
        (Lang::Es, true) => " o ",
        (Lang::PtBr, false) => " e ",
    };
    let mut out = String::new();
    for (at, item) in items.iter().enumerate() {
        if at > 0 {
            out.push_str(if at + 1 == items.len() {
                last_join
            } else {
                ", "
            });
        }
        out.push_str(item);
    }
    out
}

/// "Row 3": a row of the sheet, numbered from 1 as the user sees it.
pub fn row(lang: Lang, number_from_1: usize) -> String {
    const ROW: Words = words!("Row {1}", "Ligne {1}", "Línea {1}", "Linha {1}");
    say(lang, &ROW, &[&number(lang, number_from_1)])
}

/// "Line 3": a line of a file or of pasted text.
pub fn line(lang: Lang, number_from_1: usize) -> String {
    const LINE: Words = words!("Line {1}", "Ligne {1}", "Línea {1}", "Linha {1}");
    say(lang, &LINE, &[&number(lang, number_from_1)])
}

/// "Line 3, column 7": a place in a file.
pub fn line_column(lang: Lang, line: usize, column: usize) -> String {
    const AT: Words = words!(
        "Line {1}, column {2}",
        "Ligne {1}, colonne {2}",
        "Línea {1}, columna {2}",
        "Linha {1}, coluna {2}",
    );
    say(lang, &AT, &[&number(lang, line), &number(lang, column)])
}

/// `place: sentence`, with French's (no-break) space before the colon.
pub fn at(lang: Lang, place: &str, sentence: &str) -> String {
    match lang {
        Lang::Fr => format!("{place}\u{a0}: {sentence}"),
        _ => format!("{place}: {sentence}"),
    }
}

/// "… and 5 more", after the problems listed.
pub fn more(lang: Lang, count: usize) -> String {
    const MORE: Words = words!(
        "… and {1} more.",
        "… et {1} autres.",
        "… y {1} más.",
        "… e mais {1}.",
    );
    say(lang, &MORE, &[&number(lang, count)])
}

/// A category's name inside a sentence: `utility`, `utilitaire`.
pub fn category(lang: Lang, category: wacost_core::Category) -> String {
    crate::i18n::t(lang, category.as_str()).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn figures_fill_their_holes_and_other_braces_stay() {
        let words: Words = words!("{2} then {1} {\"to\"} {x}", "", "", "");
        assert_eq!(say(Lang::En, &words, &["a", "b"]), "b then a {\"to\"} {x}");
        assert_eq!(say(Lang::En, &words!("{3}", "", "", ""), &["a"]), "");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn numbers_and_values_are_written_as_each_language_writes_them() {
        let tests = [
            (Lang::En, "1,000,000,000,000", "0.25", "“12.5”"),
            (
                Lang::Fr,
                "1\u{202f}000\u{202f}000\u{202f}000\u{202f}000",
                "0,25",
                "«\u{a0}12.5\u{a0}»",
            ),
            (Lang::Es, "1.000.000.000.000", "0,25", "«12.5»"),
            (Lang::PtBr, "1.000.000.000.000", "0,25", "“12.5”"),
        ];
        for (lang, big, share, value) in tests {
            assert_eq!(number(lang, 1_000_000_000_000u64), big);
            assert_eq!(decimal(lang, Decimal::new(25, 2)), share);
            assert_eq!(shown(lang, r#""12.5""#), value);
        }
        assert_eq!(number(Lang::Es, 1500), "1500");
        assert_eq!(number(Lang::Es, 15000), "15.000");
        assert_eq!(number(Lang::En, 7), "7");
        assert_eq!(shown(Lang::En, "7"), "“7”");
        assert_eq!(shown(Lang::En, "\"abc…"), "“abc…”");
        let three = ["a".to_string(), "b".into(), "c".into()];
        assert_eq!(list(Lang::Fr, &three, false), "a, b et c");
        assert_eq!(list(Lang::Es, &three, true), "a, b o c");
    }
}
