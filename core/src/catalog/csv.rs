//! A small RFC 4180 reader for the vendored data files and for user CSVs.
//!
//! The data files are embedded in the binary, so a full CSV crate would only add size to the
//! WebAssembly bundle; quoted fields (with `""` escapes and embedded line breaks, as in Meta's
//! `"Authentication-\nInternational"` header) are all we need.

/// One parsed record and the 1-based line of the file it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why a CSV text could not be split into records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub problem: String,
}

/// Splits `text` into records, skipping blank lines. A quote left open is an error at the line
/// where the field started.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut field_was_quoted = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 1;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();

    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !field_was_quoted => {
                in_quotes = true;
                field_was_quoted = true;
                quote_line = line;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                field_was_quoted = false;
            }
            '\r' => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                field_was_quoted = false;
                push_record(&mut records, &mut fields, record_line);
                line += 1;
                record_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError {
            line: quote_line,
            problem: "a quoted field is never closed".into(),
        });
    }
    if !field.is_empty() || !fields.is_empty() || field_was_quoted {
        fields.push(field);
        push_record(&mut records, &mut fields, record_line);
    }
    Ok(records)
}

fn push_record(records: &mut Vec<Record>, fields: &mut Vec<String>, line: usize) {
    let taken = std::mem::take(fields);
    let blank = taken.iter().all(|f| f.trim().is_empty());
    if !blank {
        records.push(Record {
            line,
            fields: taken,
        });
    }
}

/// Column positions by header name, so files may order their columns freely.
#[derive(Debug, Clone)]
pub struct Header {
    names: Vec<String>,
}

impl Header {
    pub fn new(record: &Record) -> Header {
        Header {
            names: record
                .fields
                .iter()
                .map(|n| n.trim().to_ascii_lowercase())
                .collect(),
        }
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// The positions of `names`, or the first one missing.
    pub fn require<const N: usize>(&self, names: [&str; N]) -> Result<[usize; N], MissingColumn> {
        let mut positions = [0; N];
        for (slot, name) in positions.iter_mut().zip(names) {
            *slot = self.position(name).ok_or_else(|| MissingColumn {
                name: name.to_string(),
            })?;
        }
        Ok(positions)
    }
}

/// A column a file must have and its header lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingColumn {
    pub name: String,
}

impl std::fmt::Display for MissingColumn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the header has no `{}` column", self.name)
    }
}

impl std::error::Error for MissingColumn {}

/// The field at `index`, trimmed, or "" when the record is short.
pub fn field(record: &Record, index: usize) -> &str {
    record.fields.get(index).map(|f| f.trim()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let records =
            parse("a,\"b,c\",\"say \"\"hi\"\"\"\n\"Authentication-\nInternational\",x\r\n\n")
                .unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].fields, vec!["a", "b,c", "say \"hi\""]);
        assert_eq!(
            records[1].fields,
            vec!["Authentication-\nInternational", "x"]
        );
        assert_eq!(records[1].line, 2);
    }

    #[test]
    fn last_line_without_newline_and_empty_fields() {
        let records = parse("x,,\n1,2,").unwrap();
        assert_eq!(records[1].fields, vec!["1", "2", ""]);
        assert_eq!(records[1].line, 2);
    }

    #[test]
    fn unclosed_quote_is_an_error_naming_its_line() {
        let error = parse("a,b\nc,\"open\n").unwrap_err();
        assert_eq!(error.line, 2);
    }
}
