//! The reader: one pass over the text, fields borrowed from it unless a doubled quote has to
//! be undone. The rules are in the module above; this file only applies them.

use std::borrow::Cow;
use std::fmt;

/// The byte between two fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Separator {
    Comma,
    /// What Excel writes where the decimal mark is a comma (French, Spanish, Brazilian …).
    Semicolon,
    /// What a spreadsheet puts on the clipboard when cells are copied.
    Tab,
}

impl Separator {
    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
        }
    }
}

/// The separator `text` uses, judged from its first record (blank lines and a BOM skipped): a
/// tab if the record holds one outside quotes, else a `;`, else a `,`; `None` when it holds
/// none of them (a single column). Callers that read files default to `Comma`.
pub fn sniff(text: &str) -> Option<Separator> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut in_quotes = false;
    let (mut tab, mut semicolon, mut comma) = (false, false, false);
    let mut seen_text = false;
    for b in text.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes && seen_text => break,
            // A blank line (tabs and spaces only) is no record: start again.
            b'\n' | b'\r' if !in_quotes => (tab, semicolon, comma) = (false, false, false),
            b'\t' if !in_quotes => tab = true,
            b';' if !in_quotes => semicolon = true,
            b',' if !in_quotes => comma = true,
            _ => {}
        }
        seen_text |= !matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    }
    if tab {
        Some(Separator::Tab)
    } else if semicolon {
        Some(Separator::Semicolon)
    } else if comma {
        Some(Separator::Comma)
    } else {
        None
    }
}

/// Where something is in the text, 1-based. `line` is the physical line (a record with a
/// quoted line break spans several); `column` counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line where the record starts.
    pub record_line: usize,
    pub line: usize,
    pub column: usize,
}

/// What is wrong with a text, by kind. The figures are what a message needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A field opens a quote that never closes (at the opening quote).
    UnclosedQuote,
    /// A quote inside a field that does not start with one, e.g. `5"`.
    StrayQuote,
    /// Something other than a separator or a line break after a closing quote, e.g. `"a"b`.
    TextAfterQuote,
    /// A line break outside quotes where exactly one record was expected (`read_line`).
    LineBreak,
    /// A record with more non-empty fields than its header (at the first extra one).
    TooManyFields { expected: usize, found: usize },
    /// The text is longer than the caller reads (in bytes).
    TooLarge { limit: usize, found: usize },
    /// The text holds more records than the caller reads (at the first one over).
    TooManyRecords { limit: usize, found: usize },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let group = |n: usize| crate::money::group_thousands(&n.to_string());
        match *self {
            ErrorKind::UnclosedQuote => f.write_str("a quoted field is never closed"),
            ErrorKind::StrayQuote => f.write_str(
                "a quote inside a field that does not start with one (quote the whole field and double the quote: \"5\"\"\")",
            ),
            ErrorKind::TextAfterQuote => f.write_str(
                "text after the closing quote of a field (a quote inside a quoted field is written twice: \"\")",
            ),
            ErrorKind::LineBreak => f.write_str("a line break outside quotes inside one record"),
            ErrorKind::TooManyFields { expected, found } => write!(
                f,
                "{found} fields where the header has {expected} (a decimal comma, or a separator inside an unquoted value?)"
            ),
            ErrorKind::TooLarge { limit, found } => write!(
                f,
                "too large: {} bytes, and at most {} are read",
                group(found),
                group(limit)
            ),
            ErrorKind::TooManyRecords { limit, found } => write!(
                f,
                "too many rows: {}, and at most {} are read",
                group(found),
                group(limit)
            ),
        }
    }
}

/// A problem with a text: its kind and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadError {
    pub kind: ErrorKind,
    pub at: Position,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Position {
            record_line,
            line,
            column,
        } = self.at;
        match self.kind {
            // A cap is about the whole text, not a place in it.
            ErrorKind::TooLarge { .. } | ErrorKind::TooManyRecords { .. } => {
                write!(f, "{}", self.kind)
            }
            _ if record_line != line => write!(
                f,
                "line {line}, column {column} (in the record from line {record_line}): {}",
                self.kind
            ),
            _ => write!(f, "line {line}, column {column}: {}", self.kind),
        }
    }
}

impl std::error::Error for ReadError {}

/// One field: its text (quotes removed, doubled quotes undone, spaces kept) and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'t> {
    pub text: Cow<'t, str>,
    pub line: usize,
    pub column: usize,
}

/// One record and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'t> {
    pub line: usize,
    pub fields: Vec<Field<'t>>,
}

impl Record<'_> {
    /// The field at `index`, trimmed, or "" when the record is shorter.
    pub fn cell(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", |f| f.text.trim())
    }

    /// Whether every field is empty once trimmed (`,,,`, which spreadsheets write for an
    /// empty row): tables skip such records.
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.text.trim().is_empty())
    }

    /// The fields' texts, untrimmed.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|f| f.text.as_ref())
    }

    /// Refuses a record with more non-empty fields than `width` (its header's); empty fields
    /// beyond it are tolerated, since many exporters pad rows with separators.
    pub fn check_width(&self, width: usize) -> Result<(), ReadError> {
        let Some(last) = self.fields.iter().rposition(|f| !f.text.trim().is_empty()) else {
            return Ok(());
        };
        if last < width {
            return Ok(());
        }
        let extra = self
            .fields
            .iter()
            .skip(width)
            .find(|f| !f.text.trim().is_empty());
        let (line, column) = extra.map_or((self.line, 1), |f| (f.line, f.column));
        Err(ReadError {
            kind: ErrorKind::TooManyFields {
                expected: width,
                found: last + 1,
            },
            at: Position {
                record_line: self.line,
                line,
                column,
            },
        })
    }
}

/// How much a caller reads at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_records: usize,
}

impl Limits {
    /// For trusted text (the embedded cards).
    pub const NONE: Limits = Limits {
        max_bytes: usize::MAX,
        max_records: usize::MAX,
    };

    /// Refuses a text over `max_bytes`, in constant time: callers check it before any work
    /// that grows with the text (sniffing included).
    pub fn check_size(&self, text: &str) -> Result<(), ReadError> {
        if text.len() <= self.max_bytes {
            return Ok(());
        }
        Err(ReadError {
            kind: ErrorKind::TooLarge {
                limit: self.max_bytes,
                found: text.len(),
            },
            at: Position {
                record_line: 1,
                line: 1,
                column: 1,
            },
        })
    }
}

/// Every record of `text`, or the first problem. The size is checked before anything is
/// read; past `max_records` nothing more is kept, and the rest is only counted for the message.
pub fn read_all(
    text: &str,
    separator: Separator,
    limits: Limits,
) -> Result<Vec<Record<'_>>, ReadError> {
    limits.check_size(text)?;
    let mut reader = Reader::new(text, separator);
    let mut records = Vec::new();
    while let Some(record) = reader.next_record(true) {
        let record = record?;
        if records.len() == limits.max_records {
            // The count of the rest stops at a broken record: the figure is then a floor.
            let mut found = records.len() + 1;
            while let Some(Ok(_)) = reader.next_record(false) {
                found += 1;
            }
            return Err(ReadError {
                kind: ErrorKind::TooManyRecords {
                    limit: limits.max_records,
                    found,
                },
                at: Position {
                    record_line: record.line,
                    line: record.line,
                    column: 1,
                },
            });
        }
        records.push(record);
    }
    Ok(records)
}

/// The one record of a line that a caller has already cut out of a bigger text (the message
/// log reads line by line): a quote left open or a line break outside quotes is an error,
/// positioned within `line` (line 1). A blank line gives a record without fields.
pub fn read_line(line: &str, separator: Separator) -> Result<Record<'_>, ReadError> {
    let mut reader = Reader::new(line, separator);
    let record = match reader.next_record(true) {
        None => {
            return Ok(Record {
                line: 1,
                fields: Vec::new(),
            })
        }
        Some(record) => record?,
    };
    match reader.next_record(false) {
        None => Ok(record),
        Some(Err(error)) => Err(error),
        Some(Ok(next)) => Err(ReadError {
            kind: ErrorKind::LineBreak,
            at: Position {
                record_line: 1,
                line: next.line,
                column: 1,
            },
        }),
    }
}

/// Reads records one at a time.
pub struct Reader<'t> {
    text: &'t str,
    separator: u8,
    /// Byte offset of the next unread byte.
    pos: usize,
    line: usize,
    /// Byte offset where the current physical line starts.
    line_start: usize,
    /// The last column computed (`column_at` bytes, `column_chars` characters into the line),
    /// so a long line is counted once, not once per field.
    column_at: usize,
    column_chars: usize,
    /// The field count of the last record kept.
    width: usize,
    failed: bool,
}

impl<'t> Reader<'t> {
    pub fn new(text: &'t str, separator: Separator) -> Reader<'t> {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Reader {
            text,
            separator: separator.byte(),
            pos: start,
            line: 1,
            line_start: start,
            column_at: start,
            column_chars: 0,
            width: 0,
            failed: false,
        }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    fn slice(&self, from: usize, to: usize) -> &'t str {
        self.text.get(from..to).unwrap_or("")
    }

    /// The 1-based character column of byte offset `at` on the current line.
    fn column(&mut self, at: usize) -> usize {
        if self.column_at < self.line_start || self.column_at > at {
            self.column_at = self.line_start;
            self.column_chars = 0;
        }
        let bytes = self.text.as_bytes().get(self.column_at..at).unwrap_or(&[]);
        // Every byte that does not continue a UTF-8 sequence starts a character.
        self.column_chars += bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        self.column_at = at;
        self.column_chars + 1
    }

    fn error(&mut self, kind: ErrorKind, record_line: usize, at: usize) -> ReadError {
        self.failed = true;
        ReadError {
            kind,
            at: Position {
                record_line,
                line: self.line,
                column: self.column(at),
            },
        }
    }

    /// Consumes the line break at `pos` (LF, CRLF or a lone CR).
    fn end_line(&mut self) {
        let width = match (self.byte(self.pos), self.byte(self.pos + 1)) {
            (Some(b'\r'), Some(b'\n')) => 2,
            _ => 1,
        };
        self.pos += width;
        self.line += 1;
        self.line_start = self.pos;
    }

    fn is_end(&self, byte: u8) -> bool {
        byte == self.separator || byte == b'\n' || byte == b'\r'
    }

    /// Skips lines holding nothing but spaces and tabs.
    fn skip_blank_lines(&mut self) {
        loop {
            let mut at = self.pos;
            while matches!(self.byte(at), Some(b' ' | b'\t')) {
                at += 1;
            }
            match self.byte(at) {
                None => {
                    self.pos = at;
                    return;
                }
                Some(b'\n' | b'\r') => {
                    self.pos = at;
                    self.end_line();
                }
                Some(_) => return,
            }
        }
    }

    /// The next record; with `keep` false its fields are checked but not kept.
    fn next_record(&mut self, keep: bool) -> Option<Result<Record<'t>, ReadError>> {
        if self.failed {
            return None;
        }
        self.skip_blank_lines();
        if self.pos >= self.text.len() {
            return None;
        }
        let record_line = self.line;
        // Records of a table have the same width: one allocation each.
        let mut fields = Vec::with_capacity(if keep { self.width } else { 0 });
        loop {
            match self.next_field(record_line) {
                Ok(field) if keep => fields.push(field),
                Ok(_) => {}
                Err(error) => return Some(Err(error)),
            }
            match self.byte(self.pos) {
                Some(b) if b == self.separator => self.pos += 1,
                Some(b'\n' | b'\r') => {
                    self.end_line();
                    break;
                }
                _ => break,
            }
        }
        self.width = fields.len();
        Some(Ok(Record {
            line: record_line,
            fields,
        }))
    }

    fn next_field(&mut self, record_line: usize) -> Result<Field<'t>, ReadError> {
        let start = self.pos;
        let (line, column) = (self.line, self.column(start));
        let mut at = start;
        while self.byte(at) == Some(b' ') {
            at += 1;
        }
        if self.byte(at) == Some(b'"') {
            let text = self.quoted(at, record_line)?;
            return Ok(Field { text, line, column });
        }
        let separator = self.separator;
        let rest = self.text.as_bytes().get(start..).unwrap_or(&[]);
        let at = start
            + rest
                .iter()
                .position(|&b| b == separator || b == b'\n' || b == b'\r' || b == b'"')
                .unwrap_or(rest.len());
        if self.byte(at) == Some(b'"') {
            return Err(self.error(ErrorKind::StrayQuote, record_line, at));
        }
        self.pos = at;
        Ok(Field {
            text: Cow::Borrowed(self.slice(start, at)),
            line,
            column,
        })
    }

    /// A field whose opening quote is at `open`; leaves `pos` on what ends the field.
    fn quoted(&mut self, open: usize, record_line: usize) -> Result<Cow<'t, str>, ReadError> {
        let open_at = Position {
            record_line,
            line: self.line,
            column: self.column(open),
        };
        let mut at = open + 1;
        let mut chunk = at;
        let mut unescaped: Option<String> = None;
        loop {
            match self.byte(at) {
                None => {
                    self.failed = true;
                    return Err(ReadError {
                        kind: ErrorKind::UnclosedQuote,
                        at: open_at,
                    });
                }
                Some(b'"') if self.byte(at + 1) == Some(b'"') => {
                    // Keep one of the two quotes.
                    unescaped
                        .get_or_insert_with(String::new)
                        .push_str(self.slice(chunk, at + 1));
                    at += 2;
                    chunk = at;
                }
                Some(b'"') => break,
                Some(b'\n') => {
                    at += 1;
                    self.line += 1;
                    self.line_start = at;
                }
                Some(b'\r') => {
                    at += if self.byte(at + 1) == Some(b'\n') {
                        2
                    } else {
                        1
                    };
                    self.line += 1;
                    self.line_start = at;
                }
                Some(_) => at += 1,
            }
        }
        let text = match unescaped {
            None => Cow::Borrowed(self.slice(chunk, at)),
            Some(mut text) => {
                text.push_str(self.slice(chunk, at));
                Cow::Owned(text)
            }
        };
        at += 1;
        while self.byte(at) == Some(b' ') {
            at += 1;
        }
        match self.byte(at) {
            Some(b) if !self.is_end(b) => {
                Err(self.error(ErrorKind::TextAfterQuote, record_line, at))
            }
            _ => {
                self.pos = at;
                Ok(text)
            }
        }
    }
}

impl<'t> Iterator for Reader<'t> {
    type Item = Result<Record<'t>, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_record(true)
    }
}

/// Column positions by header name (trimmed, case-insensitive), so files may order their
/// columns freely.
#[derive(Debug, Clone)]
pub struct Header {
    names: Vec<String>,
}

/// A column the header lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingColumn<'n>(pub &'n str);

impl fmt::Display for MissingColumn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the header has no `{}` column", self.0)
    }
}

impl Header {
    pub fn new(record: &Record) -> Header {
        Header {
            names: record
                .texts()
                .map(|n| n.trim().to_ascii_lowercase())
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// The positions of `names`, or the first one missing.
    pub fn require<'n, const N: usize>(
        &self,
        names: [&'n str; N],
    ) -> Result<[usize; N], MissingColumn<'n>> {
        let mut positions = [0; N];
        for (slot, name) in positions.iter_mut().zip(names) {
            *slot = self.position(name).ok_or(MissingColumn(name))?;
        }
        Ok(positions)
    }
}
