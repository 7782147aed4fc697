//! The CSV reader's rules, tested once: a table of texts and what they read as (or where they
//! fail), the sniffing of separators, the caps, and a property test that whatever the writer
//! writes reads back equal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use wacost_core::csv::{
    self, read_all, read_line, sniff, ErrorKind, Limits, Position, ReadError, Separator,
};

/// The records as (line, fields), or the error as (kind, record line, line, column).
type Outcome = Result<Vec<(usize, Vec<String>)>, (ErrorKind, usize, usize, usize)>;

fn read(text: &str, separator: Separator) -> Outcome {
    read_all(text, separator, Limits::NONE)
        .map(|records| {
            records
                .iter()
                .map(|r| (r.line, r.texts().map(String::from).collect()))
                .collect()
        })
        .map_err(|e| (e.kind, e.at.record_line, e.at.line, e.at.column))
}

fn ok(records: &[(usize, &[&str])]) -> Outcome {
    Ok(records
        .iter()
        .map(|(line, fields)| (*line, fields.iter().map(|f| f.to_string()).collect()))
        .collect())
}

#[test]
fn texts_read_as_the_rules_say() {
    use ErrorKind::*;
    use Separator::*;
    let table: Vec<(&str, &str, Separator, Outcome)> = vec![
        (
            "plain",
            "a,b,c\n1,2,3\n",
            Comma,
            ok(&[(1, &["a", "b", "c"]), (2, &["1", "2", "3"])]),
        ),
        (
            "no final line break",
            "a,b\n1,2",
            Comma,
            ok(&[(1, &["a", "b"]), (2, &["1", "2"])]),
        ),
        (
            "empty fields",
            "x,,\n1,2,",
            Comma,
            ok(&[(1, &["x", "", ""]), (2, &["1", "2", ""])]),
        ),
        (
            "quoted separator",
            "a,\"b,c\",d\n",
            Comma,
            ok(&[(1, &["a", "b,c", "d"])]),
        ),
        (
            "doubled quotes",
            "\"say \"\"hi\"\"\",x\n",
            Comma,
            ok(&[(1, &["say \"hi\"", "x"])]),
        ),
        ("only a quote", "\"\"\"\"\n", Comma, ok(&[(1, &["\""])])),
        (
            "empty quoted field",
            "\"\",x\n",
            Comma,
            ok(&[(1, &["", "x"])]),
        ),
        (
            "quoted LF spans lines",
            "\"Authentication-\nInternational\",x\ny,z\n",
            Comma,
            ok(&[
                (1, &["Authentication-\nInternational", "x"]),
                (3, &["y", "z"]),
            ]),
        ),
        (
            "quoted CRLF is kept",
            "\"a\r\nb\",c\r\nd,e\r\n",
            Comma,
            ok(&[(1, &["a\r\nb", "c"]), (3, &["d", "e"])]),
        ),
        (
            "CRLF records",
            "a,b\r\nc,d\r\n",
            Comma,
            ok(&[(1, &["a", "b"]), (2, &["c", "d"])]),
        ),
        (
            "lone CR records",
            "a,b\rc,d",
            Comma,
            ok(&[(1, &["a", "b"]), (2, &["c", "d"])]),
        ),
        (
            "blank lines are skipped",
            "\n\na,b\n\n   \n \t \nc,d\n\n",
            Comma,
            ok(&[(3, &["a", "b"]), (7, &["c", "d"])]),
        ),
        (
            "a row of empty fields is a record",
            "a,b\n,\n",
            Comma,
            ok(&[(1, &["a", "b"]), (2, &["", ""])]),
        ),
        ("BOM", "\u{feff}name,x\n", Comma, ok(&[(1, &["name", "x"])])),
        (
            "unquoted spaces kept",
            " a , b \n",
            Comma,
            ok(&[(1, &[" a ", " b "])]),
        ),
        (
            "spaces around a quoted field",
            "a, \"b,c\" ,d\n",
            Comma,
            ok(&[(1, &["a", "b,c", "d"])]),
        ),
        (
            "ragged rows",
            "a,b,c\n1\n1,2,3,4\n",
            Comma,
            ok(&[
                (1, &["a", "b", "c"]),
                (2, &["1"]),
                (3, &["1", "2", "3", "4"]),
            ]),
        ),
        (
            "non-ASCII",
            "São Paulo,Türkiye 🇹🇷,\"日本,東京\"\n",
            Comma,
            ok(&[(1, &["São Paulo", "Türkiye 🇹🇷", "日本,東京"])]),
        ),
        (
            "semicolons",
            "a;b,c;\"d;e\"\n",
            Semicolon,
            ok(&[(1, &["a", "b,c", "d;e"])]),
        ),
        (
            "tabs",
            "a\tb c\t\"d\te\"\n",
            Tab,
            ok(&[(1, &["a", "b c", "d\te"])]),
        ),
        (
            "tabs: a row of tabs is blank",
            "a\tb\n\t\t\nc\td",
            Tab,
            ok(&[(1, &["a", "b"]), (3, &["c", "d"])]),
        ),
        (
            "tabs: a leading empty cell",
            "\t5\n",
            Tab,
            ok(&[(1, &["", "5"])]),
        ),
        // Refused, with the line the record starts on, the line and the column of the problem.
        (
            "stray quote",
            "a,5\",c\n",
            Comma,
            Err((StrayQuote, 1, 1, 4)),
        ),
        (
            "stray quote after non-ASCII",
            "x\né🇹🇷\"\n",
            Comma,
            Err((StrayQuote, 2, 2, 4)),
        ),
        (
            "stray quote after a BOM",
            "\u{feff}a\"b\n",
            Comma,
            Err((StrayQuote, 1, 1, 2)),
        ),
        (
            "text after a closing quote",
            "\"a\"b,c\n",
            Comma,
            Err((TextAfterQuote, 1, 1, 4)),
        ),
        (
            "unclosed quote",
            "a,b\nc,\"open\nmore\n",
            Comma,
            Err((UnclosedQuote, 2, 2, 3)),
        ),
        (
            "stray quote on the second line of a record",
            "\"x\ny\",z\"\n",
            Comma,
            Err((StrayQuote, 1, 2, 5)),
        ),
        (
            "a comma in a semicolon file is text",
            "a,\"b\";c\n",
            Semicolon,
            Err((StrayQuote, 1, 1, 3)),
        ),
    ];
    for (name, text, separator, want) in table {
        assert_eq!(read(text, separator), want, "{name}: {text:?}");
    }
}

#[test]
fn errors_read_as_sentences_with_their_position() {
    let error = read_all("a,b\nc,\"open\n", Separator::Comma, Limits::NONE).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 2, column 3: a quoted field is never closed"
    );
    let error = read_all("\"x\ny\",z\"\n", Separator::Comma, Limits::NONE).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 2, column 5 (in the record from line 1): a quote inside a field that does not start with one (quote the whole field and double the quote: \"5\"\"\")"
    );
}

#[test]
fn the_separator_is_sniffed_from_the_first_record() {
    let table: &[(&str, Option<Separator>)] = &[
        ("a,b,c\n", Some(Separator::Comma)),
        ("a;b;c\n", Some(Separator::Semicolon)),
        ("a\tb\n", Some(Separator::Tab)),
        ("abc\n", None),
        ("1,500\n", Some(Separator::Comma)),
        ("\"a;b\",c\n", Some(Separator::Comma)),
        ("a;b,c\n", Some(Separator::Semicolon)),
        ("a,b\tc\n", Some(Separator::Tab)),
        ("\n\n  \n\t\nx;y\n", Some(Separator::Semicolon)),
        ("\u{feff}a;b\n", Some(Separator::Semicolon)),
        ("destination,marketing\nIN;5\n", Some(Separator::Comma)),
        ("\"multi\nline;\",x\n", Some(Separator::Comma)),
        (
            "Cost per message, effective October 1;;;\n",
            Some(Separator::Semicolon),
        ),
        ("", None),
    ];
    for &(text, want) in table {
        assert_eq!(sniff(text), want, "{text:?}");
    }
}

#[test]
fn a_table_refuses_only_non_empty_extra_fields() {
    let records = read_all(
        "a,b,c\n1,2,3,,\n1\n1,2,3,4\n",
        Separator::Comma,
        Limits::NONE,
    )
    .unwrap();
    assert_eq!(records[1].check_width(3), Ok(()));
    assert_eq!(records[2].check_width(3), Ok(()));
    assert_eq!(
        records[3].check_width(3),
        Err(ReadError {
            kind: ErrorKind::TooManyFields {
                expected: 3,
                found: 4
            },
            at: Position {
                record_line: 4,
                line: 4,
                column: 7
            },
        })
    );
    assert_eq!(records[0].cell(5), "");
    assert!(read_all(",, ,\n", Separator::Comma, Limits::NONE).unwrap()[0].is_blank());
}

#[test]
fn caps_refuse_with_the_figure_found() {
    let limits = Limits {
        max_bytes: 10,
        max_records: 2,
    };
    let error = read_all("a,b\nc,d\ne,f", Separator::Comma, limits).unwrap_err();
    assert_eq!(
        error.kind,
        ErrorKind::TooLarge {
            limit: 10,
            found: 11
        }
    );
    assert_eq!(
        error.to_string(),
        "too large: 11 bytes, and at most 10 are read"
    );
    let limits = Limits {
        max_bytes: 1_000,
        max_records: 2,
    };
    // Blank lines are no rows.
    assert!(read_all("a\n\n\nb\n", Separator::Comma, limits).is_ok());
    let error = read_all("a\nb\nc\n\nd\ne\n", Separator::Comma, limits).unwrap_err();
    assert_eq!(error.kind, ErrorKind::TooManyRecords { limit: 2, found: 5 });
    assert_eq!(error.at.line, 3);
    assert_eq!(
        error.to_string(),
        "too many rows: 5, and at most 2 are read"
    );
    let limits = Limits {
        max_bytes: 10_000_000,
        max_records: 1_000,
    };
    let error = read_all(&"x\n".repeat(12_345), Separator::Comma, limits).unwrap_err();
    assert_eq!(
        error.to_string(),
        "too many rows: 12,345, and at most 1,000 are read"
    );
}

#[test]
fn one_line_reads_as_one_record() {
    let record = read_line("a,\"b,c\", d", Separator::Comma).unwrap();
    assert_eq!(record.texts().collect::<Vec<_>>(), ["a", "b,c", " d"]);
    assert_eq!(record.cell(2), "d");
    assert_eq!(read_line("", Separator::Comma).unwrap().fields.len(), 0);
    let error = read_line("a,\"open", Separator::Comma).unwrap_err();
    assert_eq!((error.kind, error.at.column), (ErrorKind::UnclosedQuote, 3));
    let error = read_line("a\rb", Separator::Comma).unwrap_err();
    assert_eq!((error.kind, error.at.line), (ErrorKind::LineBreak, 2));
}

/// What the writer writes for `record`, without the final line break.
fn written(record: &[String]) -> String {
    let mut out = csv::record(record.iter().map(String::as_str));
    out.pop();
    out
}

/// A field as the reader gives it back: formula cells carry the writer's `'`.
fn neutralised(field: &str) -> String {
    if csv::starts_like_formula(field) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn what_the_writer_writes_reads_back_equal(
        records in prop::collection::vec(
            prop::collection::vec("[a-c0-9 ,;\"\t\r\n=+@'é€🇹-]{0,6}", 0..5),
            0..6,
        )
    ) {
        let text: String = records.iter().map(|r| written(r) + "\n").collect();
        let read = read_all(&text, Separator::Comma, Limits::NONE).unwrap();
        // A line of nothing but spaces and tabs is blank, so a record written as one is skipped.
        let expected: Vec<Vec<String>> = records
            .iter()
            .filter(|r| !written(r).bytes().all(|b| b == b' ' || b == b'\t'))
            .map(|r| r.iter().map(|f| neutralised(f)).collect())
            .collect();
        let got: Vec<Vec<String>> = read
            .iter()
            .map(|r| r.texts().map(String::from).collect())
            .collect();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn any_text_reads_or_fails_at_a_position_inside_it(
        text in "[a,;\"\t\r\n é]{0,40}",
        separator in prop::sample::select(vec![Separator::Comma, Separator::Semicolon, Separator::Tab]),
    ) {
        if let Err(error) = read_all(&text, separator, Limits::NONE) {
            let lines = text.split('\n').count() + text.matches('\r').count();
            prop_assert!(error.at.record_line >= 1 && error.at.record_line <= error.at.line);
            prop_assert!(error.at.line <= lines, "{:?}", error);
            prop_assert!(error.at.column >= 1 && error.at.column <= text.chars().count() + 1);
        }
        let _ = sniff(&text);
    }
}
