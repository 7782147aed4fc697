//! The message log: one CSV row per inbound or outbound message (docs/log.md, "The log").
//!
//! Parsing is the hot path of a bill of tens of millions of rows, so the common shapes (plain
//! fields, `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)` times) are read without allocating; quoted
//! fields and other RFC 3339 spellings take a slower exact path.

pub use super::error::RowError;
use super::error::{Column, HeaderError, HeaderErrorKind, RowErrorKind};
use super::fields::{split_owned, split_plain, Fields};
pub use super::names::Names;
pub use super::times::parse_time;
use super::times::TimeCache;
use crate::Category;

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A user message: opens (or resets) the customer service window.
    InMessage,
    /// A user message through a Click-to-WhatsApp ad or Page button: also makes the business's
    /// answer within 24h open a free entry point window.
    InEntryPoint,
    /// A user call: opens the customer service window like a message (DEF-4).
    InCall,
    /// A template of marketing, utility or authentication category.
    Template(Category),
    /// A non-template message (text, media, interactive): needs an open window.
    FreeForm,
}

impl Kind {
    pub fn is_inbound(self) -> bool {
        matches!(self, Kind::InMessage | Kind::InEntryPoint | Kind::InCall)
    }
}

/// One parsed row. Phone numbers and WABAs are interned (`Names`); the user is the digits of
/// the E.164 number, which fit in a u64 (at most 15 digits, never a leading zero).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// 1-based line number in the file (the header is line 1).
    pub line: u64,
    /// Nanoseconds since the Unix epoch.
    pub time: i64,
    pub phone: u32,
    pub user: u64,
    pub kind: Kind,
    pub failed: bool,
    pub waba: u32,
    /// Meta's `pricing.category` / `pricing.type` for this message, when the log carries them.
    pub meta_category: Option<Box<str>>,
    pub meta_type: Option<Box<str>>,
    /// The log's `message_id`, when it has the column and the row a value: rows of one id
    /// are one message.
    pub message_id: Option<Box<str>>,
}

/// Where each column is in a row.
#[derive(Debug, Clone, Copy)]
struct Columns {
    time: usize,
    phone: usize,
    user: usize,
    direction: usize,
    kind: usize,
    category: Option<usize>,
    status: Option<usize>,
    waba: Option<usize>,
    meta_category: Option<usize>,
    meta_type: Option<usize>,
    message_id: Option<usize>,
    count: usize,
}

/// The columns the biller reads: each may appear once.
const KNOWN_COLUMNS: [&str; 11] = [
    "time",
    "phone_number",
    "user",
    "direction",
    "kind",
    "category",
    "status",
    "waba",
    "pricing_category",
    "pricing_type",
    "message_id",
];

impl Columns {
    fn has_meta(&self) -> bool {
        self.meta_category.is_some() || self.meta_type.is_some()
    }

    /// Finds the columns in the header's (lower-cased, trimmed) names.
    fn find(names: &[String]) -> Result<Columns, Vec<&'static str>> {
        let find = |name: &str| names.iter().position(|n| n == name);
        let mut missing = Vec::new();
        let mut need = |name: &'static str| {
            find(name).unwrap_or_else(|| {
                missing.push(name);
                0
            })
        };
        let columns = Columns {
            time: need("time"),
            phone: need("phone_number"),
            user: need("user"),
            direction: need("direction"),
            kind: need("kind"),
            category: find("category"),
            status: find("status"),
            waba: find("waba"),
            meta_category: find("pricing_category"),
            meta_type: find("pricing_type"),
            message_id: find("message_id"),
            count: names.len(),
        };
        if missing.is_empty() {
            Ok(columns)
        } else {
            Err(missing)
        }
    }
}

/// Reads rows after the header, line by line.
#[derive(Debug, Clone)]
pub struct LogParser {
    columns: Columns,
    pub names: Names,
    ranges: Vec<(usize, usize)>,
    owned: Vec<String>,
    times: TimeCache,
}

impl LogParser {
    /// Reads the header row (line 1): required columns in any order, extra columns ignored.
    pub fn new(header: &str) -> Result<LogParser, HeaderError> {
        let fail = |kind| HeaderError { line: 1, kind };
        let header = header.trim_start_matches('\u{feff}');
        let names: Vec<String> = split_owned(header)
            .map_err(|p| fail(HeaderErrorKind::Csv(p)))?
            .into_iter()
            .map(|n| n.trim().to_ascii_lowercase())
            .collect();
        if let Some(kind) = duplicate_column(&names) {
            return Err(fail(kind));
        }
        let columns = Columns::find(&names).map_err(|missing| {
            fail(HeaderErrorKind::MissingColumns {
                missing,
                found: names.clone(),
            })
        })?;
        Ok(LogParser {
            columns,
            names: Names::default(),
            ranges: Vec::with_capacity(columns.count),
            owned: Vec::new(),
            times: TimeCache::default(),
        })
    }

    /// Whether the log carries Meta's pricing columns (reconciliation).
    pub fn has_meta_columns(&self) -> bool {
        self.columns.has_meta()
    }

    /// Parses one data line; `Ok(None)` for a blank line.
    pub fn parse(&mut self, line_no: u64, line: &str) -> Result<Option<Event>, RowError> {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if is_blank(line) {
            return Ok(None);
        }
        let quoted = !split_plain(line.as_bytes(), &mut self.ranges);
        if quoted {
            self.owned =
                split_owned(line).map_err(|p| row_problem(line_no, line, RowErrorKind::Csv(p)))?;
        }
        let fields = if quoted {
            Fields::Quoted(&self.owned)
        } else {
            Fields::Plain(line, &self.ranges)
        };
        check_field_count(line_no, line, fields, self.columns.count)?;
        let row = Row {
            line: line_no,
            fields,
            columns: &self.columns,
        };
        let time = row.time(&mut self.times)?;
        let phone = row.phone_number()?;
        let user = row.user()?;
        let kind = row.kind()?;
        let failed = row.failed(kind)?;
        let (meta_category, meta_type) = row.meta_pricing();
        let waba = row.optional(self.columns.waba);
        let message_id = row.message_id();
        Ok(Some(Event {
            line: line_no,
            time,
            phone: self.names.phones.intern(phone),
            user,
            kind,
            failed,
            waba: self.names.wabas.intern(waba),
            meta_category,
            meta_type,
            message_id,
        }))
    }
}

/// The first column the biller reads that the header names twice.
fn duplicate_column(names: &[String]) -> Option<HeaderErrorKind> {
    KNOWN_COLUMNS.into_iter().find_map(|name| {
        let mut at = names.iter().enumerate().filter(|(_, n)| *n == name);
        match (at.next(), at.next()) {
            (Some((first, _)), Some((second, _))) => Some(HeaderErrorKind::DuplicateColumn {
                name,
                first: first + 1,
                second: second + 1,
            }),
            _ => None,
        }
    })
}

/// An empty line, or one of whitespace only (Unicode White_Space, as `str::trim` reads it).
fn is_blank(line: &str) -> bool {
    let visible = line
        .as_bytes()
        .first()
        .is_some_and(|&b| b < 0x80 && !b.is_ascii_whitespace());
    !visible && line.trim().is_empty()
}

/// As many fields as the header has columns; more only if the extra ones are empty (many
/// exporters end every row with a comma or two).
#[inline]
fn check_field_count(
    line_no: u64,
    line: &str,
    fields: Fields<'_>,
    header: usize,
) -> Result<(), RowError> {
    let found = fields.len();
    if found == header {
        return Ok(());
    }
    if found < header {
        let kind = RowErrorKind::TooFewFields { found, header };
        return Err(row_problem(line_no, line, kind));
    }
    match (header..found).find(|&i| !fields.get(i).is_empty()) {
        None => Ok(()),
        Some(i) => Err(RowError {
            line: line_no,
            column: Column::Row,
            value: fields.get(i).chars().take(60).collect(),
            kind: RowErrorKind::TooManyFields {
                found,
                header,
                first: i + 1,
            },
        }),
    }
}

/// A problem of the row as a whole, shown by its first 60 characters.
fn row_problem(line_no: u64, line: &str, kind: RowErrorKind) -> RowError {
    RowError {
        line: line_no,
        column: Column::Row,
        value: line.chars().take(60).collect(),
        kind,
    }
}

/// One row's fields, read column by column; each step names the column of its error.
struct Row<'a> {
    line: u64,
    fields: Fields<'a>,
    columns: &'a Columns,
}

impl<'a> Row<'a> {
    #[inline]
    fn error(&self, column: Column, value: &str, kind: RowErrorKind) -> RowError {
        RowError {
            line: self.line,
            column,
            value: value.to_string(),
            kind,
        }
    }

    #[inline]
    fn optional(&self, column: Option<usize>) -> &'a str {
        column.map_or("", |i| self.fields.get(i))
    }

    #[inline]
    fn time(&self, times: &mut TimeCache) -> Result<i64, RowError> {
        let text = self.fields.get(self.columns.time);
        times.parse(text).ok_or_else(|| {
            let kind = if chrono::DateTime::parse_from_rfc3339(text).is_ok() {
                RowErrorKind::TimeOutOfRange
            } else {
                RowErrorKind::NotATime
            };
            self.error(Column::Time, text, kind)
        })
    }

    #[inline]
    fn phone_number(&self) -> Result<&'a str, RowError> {
        let text = self.fields.get(self.columns.phone);
        if text.is_empty() {
            return Err(self.error(Column::PhoneNumber, "", RowErrorKind::EmptyPhoneNumber));
        }
        Ok(text)
    }

    #[inline]
    fn user(&self) -> Result<u64, RowError> {
        let text = self.fields.get(self.columns.user);
        parse_user(text).ok_or_else(|| self.error(Column::User, text, RowErrorKind::NotAUser))
    }

    /// The direction, kind and (for an outbound message) category together.
    #[inline]
    fn kind(&self) -> Result<Kind, RowError> {
        let direction = self.fields.get(self.columns.direction);
        let kind = self.fields.get(self.columns.kind);
        let category = self.optional(self.columns.category);
        let fail = |column, value, problem| Err(self.error(column, value, problem));
        match (direction.as_bytes(), kind.as_bytes()) {
            (b"in", b"message") => Ok(Kind::InMessage),
            (b"in", b"entry_point") => Ok(Kind::InEntryPoint),
            (b"in", b"call") => Ok(Kind::InCall),
            (b"in", _) => fail(Column::Kind, kind, RowErrorKind::InboundKind),
            (b"out", b"template") => match template_category(category) {
                Some(c) => Ok(Kind::Template(c)),
                None => fail(Column::Category, category, RowErrorKind::TemplateCategory),
            },
            (b"out", b"free_form") => match category.as_bytes() {
                b"" | b"service" => Ok(Kind::FreeForm),
                _ => fail(Column::Category, category, RowErrorKind::FreeFormCategory),
            },
            (b"out", _) => fail(Column::Kind, kind, RowErrorKind::OutboundKind),
            _ => fail(Column::Direction, direction, RowErrorKind::NotADirection),
        }
    }

    /// Whether an outbound message failed (never charged).
    #[inline]
    fn failed(&self, kind: Kind) -> Result<bool, RowError> {
        let status = self.optional(self.columns.status);
        match (status.as_bytes(), kind.is_inbound()) {
            (b"" | b"delivered" | b"read", _) => Ok(false),
            (b"failed", false) => Ok(true),
            (_, true) => Err(self.error(Column::Status, status, RowErrorKind::InboundStatus)),
            (_, false) => Err(self.error(Column::Status, status, RowErrorKind::OutboundStatus)),
        }
    }

    #[inline]
    fn message_id(&self) -> Option<Box<str>> {
        let i = self.columns.message_id?;
        Some(self.fields.get(i))
            .filter(|s| !s.is_empty())
            .map(Box::from)
    }

    /// Meta's own `pricing_category` and `pricing_type`, normalised for comparison.
    #[inline]
    fn meta_pricing(&self) -> (Option<Box<str>>, Option<Box<str>>) {
        if !self.columns.has_meta() {
            return (None, None);
        }
        let meta = |i: Option<usize>| {
            Some(self.optional(i))
                .filter(|s| !s.is_empty())
                .map(|s| s.to_ascii_lowercase().replace('-', "_").into_boxed_str())
        };
        (
            meta(self.columns.meta_category),
            meta(self.columns.meta_type),
        )
    }
}

fn template_category(text: &str) -> Option<Category> {
    match text {
        "marketing" => Some(Category::Marketing),
        "utility" => Some(Category::Utility),
        // Meta spells it both ways (AI-7); the rate is decided by AI-1, not the log.
        "authentication" | "authentication_international" | "authentication-international" => {
            Some(Category::Authentication)
        }
        _ => None,
    }
}

/// The digits of an E.164 number as an integer: `+` optional, 8 to 15 digits, no leading 0.
pub fn parse_user(text: &str) -> Option<u64> {
    let body = text.strip_prefix('+').unwrap_or(text);
    // The usual spelling, digits only, without the separator checks.
    if (8..=15).contains(&body.len()) && !body.starts_with('0') {
        let mut value: u64 = 0;
        let mut plain = true;
        for b in body.bytes() {
            let digit = b.wrapping_sub(b'0');
            plain &= digit < 10;
            value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
        }
        if plain {
            return Some(value);
        }
    }
    let mut value: u64 = 0;
    let mut digits = 0;
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => {
                if digits == 0 && b == b'0' {
                    return None;
                }
                value = value * 10 + u64::from(b - b'0');
                digits += 1;
                if digits > 15 {
                    return None;
                }
            }
            b' ' | b'-' | b'.' | b'(' | b')' => {}
            _ => return None,
        }
    }
    (digits >= 8).then_some(value)
}

/// Formats a user back to E.164.
pub fn format_user(user: u64) -> String {
    format!("+{user}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_with_and_without_separators() {
        assert_eq!(parse_user("+919876543210"), Some(919_876_543_210));
        assert_eq!(parse_user("919876543210"), Some(919_876_543_210));
        assert_eq!(parse_user("+91 98765-43210"), Some(919_876_543_210));
        assert_eq!(parse_user("+12345678"), Some(12_345_678));
        assert_eq!(parse_user("+123456789012345"), Some(123_456_789_012_345));
        for bad in [
            "+1234567",
            "+1234567890123456",
            "+0919876543210",
            "+91987654321a",
            "+91987654321/",
            "",
        ] {
            assert_eq!(parse_user(bad), None, "{bad}");
        }
    }

    #[test]
    fn rows_parse_in_any_column_order_and_errors_name_the_column() {
        let mut p = LogParser::new("user,kind,extra,direction,time,phone_number,category").unwrap();
        let e = p
            .parse(
                2,
                "+919876543210,template,x,out,2026-10-03T14:05:00Z,PN1,utility",
            )
            .unwrap()
            .unwrap();
        assert_eq!(e.user, 919_876_543_210);
        assert_eq!(e.kind, Kind::Template(Category::Utility));
        assert!(!e.failed);
        let bad = p
            .parse(
                3,
                "+919876543210,template,x,out,2026-10-03T14:05:00Z,PN1,promo",
            )
            .unwrap_err();
        assert_eq!(
            bad.to_string(),
            "line 3, column `category`: `promo` is not one of marketing, utility, authentication (required for a template)"
        );
        let quoted = p
            .parse(
                4,
                "\"+91 98765 43210\",message,\"a,b\",in,2026-10-03T14:05:00Z,\"PN, 2\",",
            )
            .unwrap()
            .unwrap();
        assert_eq!(p.names.phone(quoted.phone), "PN, 2");
        assert!(LogParser::new("time,user").is_err());
    }
}
