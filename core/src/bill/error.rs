//! Why a log or its settings give no bill, as data: each error is a kind with its figures and
//! the position it concerns (a line and column of the log, or a setting). The English wording
//! lives here (`Display`); a surface that words things its own way (the CLI's flags, the page's
//! languages) reads the kind instead of parsing a sentence.

use chrono::NaiveDate;
use std::fmt;

/// A column of the log, as its header names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Time,
    PhoneNumber,
    User,
    Direction,
    Kind,
    Category,
    Status,
    MessageId,
    /// The row as a whole (its fields, its quoting, its encoding).
    Row,
}

impl Column {
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Time => "time",
            Column::PhoneNumber => "phone_number",
            Column::User => "user",
            Column::Direction => "direction",
            Column::Kind => "kind",
            Column::Category => "category",
            Column::Status => "status",
            Column::MessageId => "message_id",
            Column::Row => "(row)",
        }
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A CSV line that cannot be split into fields: the CSV reader's kind and the character
/// column where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvProblem {
    pub kind: crate::csv::ErrorKind,
    pub column: usize,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.column, self.kind)
    }
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowErrorKind {
    Csv(CsvProblem),
    /// Fewer fields than the header has columns.
    TooFewFields {
        found: usize,
        header: usize,
    },
    /// Fields beyond the header's columns that are not empty (empty ones are tolerated); the
    /// value is the first such field.
    TooManyFields {
        found: usize,
        header: usize,
        /// 1-based position of the first non-empty field beyond the header.
        first: usize,
    },
    /// Not valid UTF-8; `byte` is the 1-based position of the first invalid byte.
    NotUtf8 {
        byte: usize,
    },
    NotATime,
    /// A valid RFC 3339 time outside what nanoseconds since 1970 in 64 bits can hold.
    TimeOutOfRange,
    EmptyPhoneNumber,
    NotAUser,
    NotADirection,
    InboundKind,
    OutboundKind,
    TemplateCategory,
    FreeFormCategory,
    OutboundStatus,
    InboundStatus,
    /// Another row of the same message (same `message_id`) says another kind or category.
    MessageConflict {
        message_id: String,
        first_line: u64,
        /// What the first row says, as the column shows it.
        first: String,
    },
}

/// The range of times a bill can hold (nanoseconds since 1970 in 64 bits), for messages.
pub struct TimeRange;

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} to {}",
            super::times::format_time(i64::MIN),
            super::times::format_time(i64::MAX)
        )
    }
}

impl fmt::Display for RowErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowErrorKind::Csv(problem) => problem.fmt(f),
            RowErrorKind::TooFewFields { found, header } => {
                write!(f, "has {found} fields, the header has {header}")
            }
            RowErrorKind::TooManyFields {
                found,
                header,
                first,
            } => write!(
                f,
                "is field {first} of {found}, beyond the header's {header} columns (fields past the header must be empty)"
            ),
            RowErrorKind::NotUtf8 { byte } => {
                write!(f, "is not UTF-8 text (byte {byte} of the line)")
            }
            RowErrorKind::TimeOutOfRange => {
                write!(f, "is outside the times a bill can hold ({TimeRange})")
            }
            RowErrorKind::NotATime => {
                f.write_str("is not an RFC 3339 time with offset (e.g. 2026-10-03T14:05:00Z)")
            }
            RowErrorKind::EmptyPhoneNumber => {
                f.write_str("is empty (the business phone number is required)")
            }
            RowErrorKind::NotAUser => f.write_str(
                "is not a number in E.164 form (+ then 8 to 15 digits, e.g. +919876543210)",
            ),
            RowErrorKind::NotADirection => f.write_str("is not `in` or `out`"),
            RowErrorKind::InboundKind => {
                f.write_str("is not one of message, entry_point, call (direction in)")
            }
            RowErrorKind::OutboundKind => {
                f.write_str("is not one of template, free_form (direction out)")
            }
            RowErrorKind::TemplateCategory => f.write_str(
                "is not one of marketing, utility, authentication (required for a template)",
            ),
            RowErrorKind::FreeFormCategory => f.write_str(
                "is not empty or `service` (a free-form message has no template category)",
            ),
            RowErrorKind::OutboundStatus => {
                f.write_str("is not `delivered` (default when empty), `read` or `failed`")
            }
            RowErrorKind::InboundStatus => f.write_str(
                "is not empty, `delivered` or `read` (the status of a message the business received)",
            ),
            RowErrorKind::MessageConflict {
                message_id,
                first_line,
                first,
            } => write!(
                f,
                "differs from line {first_line}, the first row of message `{message_id}` (`{first}`)"
            ),
        }
    }
}

/// A malformed row: where, which column, what value, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: Column,
    /// The field as written (the start of the row for a `Column::Row` problem).
    pub value: String,
    pub kind: RowErrorKind,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column `{}`: `{}` {}",
            self.line, self.column, self.value, self.kind
        )
    }
}

/// What is wrong with the header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderErrorKind {
    Csv(CsvProblem),
    NotUtf8,
    /// A column the biller reads, named twice (1-based positions).
    DuplicateColumn {
        name: &'static str,
        first: usize,
        second: usize,
    },
    MissingColumns {
        missing: Vec<&'static str>,
        found: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    pub line: u64,
    pub kind: HeaderErrorKind,
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} (header): ", self.line)?;
        match &self.kind {
            HeaderErrorKind::Csv(problem) => problem.fmt(f),
            HeaderErrorKind::NotUtf8 => f.write_str("not UTF-8 text"),
            HeaderErrorKind::DuplicateColumn {
                name,
                first,
                second,
            } => write!(
                f,
                "column `{name}` appears twice (columns {first} and {second})"
            ),
            HeaderErrorKind::MissingColumns { missing, found } => write!(
                f,
                "missing column(s) {} (found: {})",
                missing.join(", "),
                found.join(", ")
            ),
        }
    }
}

/// Rows that could not be read, when they are not to be skipped: no bill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedRows {
    pub rows: Vec<RowError>,
}

impl fmt::Display for MalformedRows {
    /// The summary line; each row has its own `Display`. How to bill the rest anyway is the
    /// surface's to say (a CLI flag, a checkbox on the page).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} malformed row(s): no bill", self.rows.len())
    }
}

/// Why a log gives no bill.
#[derive(Debug)]
pub enum BillError {
    /// The log could not be read (an I/O error of the reader).
    Read(std::io::Error),
    /// No header row.
    Empty,
    /// UTF-16 text (a byte-order mark, or the zero bytes of ASCII in UTF-16), as Excel's
    /// "Unicode text" writes it.
    Utf16,
    Header(HeaderError),
    MalformedRows(MalformedRows),
}

impl fmt::Display for BillError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BillError::Read(e) => write!(f, "cannot read the log: {e}"),
            BillError::Empty => f.write_str("the log is empty (a header row is required)"),
            BillError::Utf16 => f.write_str("the log is UTF-16 text; save it as CSV UTF-8"),
            BillError::Header(e) => e.fmt(f),
            BillError::MalformedRows(rows) => rows.fmt(f),
        }
    }
}

impl std::error::Error for BillError {}

impl From<HeaderError> for BillError {
    fn from(e: HeaderError) -> BillError {
        BillError::Header(e)
    }
}

impl From<MalformedRows> for BillError {
    fn from(e: MalformedRows) -> BillError {
        BillError::MalformedRows(e)
    }
}

/// A timezone setting that names no zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneErrorKind {
    /// Starts with a sign but is not `±HH[:MM]` within ±14:59.
    NotAnOffset,
    NotAName,
    /// An IANA name, in a build without the `timezones` feature.
    NamesNeedFeature,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneError {
    pub value: String,
    pub kind: ZoneErrorKind,
}

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = &self.value;
        match self.kind {
            ZoneErrorKind::NotAnOffset => write!(f, "`{text}` is not an offset like +05:30"),
            ZoneErrorKind::NotAName => write!(
                f,
                "`{text}` is not an IANA timezone name (e.g. Europe/London) nor an offset like +05:30"
            ),
            ZoneErrorKind::NamesNeedFeature => write!(
                f,
                "`{text}`: IANA names need the `timezones` feature; give an offset like +05:30"
            ),
        }
    }
}

/// A billing setting, named as the settings JSON names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setting {
    /// The settings document as a whole (its JSON).
    Document,
    Timezone,
    Currency,
    Rules,
    RateCard,
    BusinessCountry,
    AuthInternationalFrom,
    FreeConversations,
}

impl Setting {
    /// The key in the settings JSON.
    pub fn key(self) -> &'static str {
        match self {
            Setting::Document => "settings",
            Setting::Timezone => "timezone",
            Setting::Currency => "currency",
            Setting::Rules => "rules",
            Setting::RateCard => "rate_card",
            Setting::BusinessCountry => "business_country",
            Setting::AuthInternationalFrom => "auth_international_from",
            Setting::FreeConversations => "free_conversations",
        }
    }
}

/// Where a setting's value came from: the settings JSON, or a value given on its own (a
/// command-line option, a field of a form) through a setter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    #[default]
    Json,
    Value,
}

/// What is wrong with a setting's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingErrorKind {
    /// The settings are not the JSON object expected: serde's message, and the line and
    /// column (1-based) where reading stopped.
    Json {
        message: String,
        line: usize,
        column: usize,
    },
    Timezone(ZoneErrorKind),
    UnknownCurrency {
        known: Vec<&'static str>,
    },
    UnknownRules {
        known: Vec<&'static str>,
    },
    NotACardDate,
    NoSuchCard {
        currency: String,
        date: NaiveDate,
    },
    NotACountry,
    NotATime,
    /// A time outside what nanoseconds since 1970 in 64 bits can hold.
    TimeOutOfRange,
}

/// One bad setting: which, from where, its value and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingError {
    pub setting: Setting,
    pub origin: Origin,
    pub value: String,
    pub kind: SettingErrorKind,
}

impl SettingError {
    /// What is wrong, without the setting's name (for a surface that names it its own way).
    pub fn reason(&self) -> Reason<'_> {
        Reason(self)
    }
}

/// `SettingError::reason`.
pub struct Reason<'a>(&'a SettingError);

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = &self.0.value;
        match &self.0.kind {
            SettingErrorKind::Json { message, .. } => f.write_str(message),
            SettingErrorKind::Timezone(kind) => ZoneError {
                value: value.clone(),
                kind: kind.clone(),
            }
            .fmt(f),
            SettingErrorKind::UnknownCurrency { known } => {
                write!(
                    f,
                    "`{value}` has no rate card (known: {})",
                    known.join(", ")
                )
            }
            SettingErrorKind::UnknownRules { known } => {
                write!(f, "`{value}` is not `auto` or one of {}", known.join(", "))
            }
            SettingErrorKind::NotACardDate => {
                write!(f, "`{value}` is not `auto` or a date YYYY-MM-DD")
            }
            SettingErrorKind::NoSuchCard { currency, date } => {
                write!(f, "no {currency} card took effect on {date}")
            }
            SettingErrorKind::NotACountry => {
                write!(f, "`{value}` is not an ISO 3166-1 alpha-2 code (e.g. GB)")
            }
            SettingErrorKind::NotATime => write!(
                f,
                "`{value}` is not an RFC 3339 time with offset (e.g. 2026-10-01T00:00:00Z)"
            ),
            SettingErrorKind::TimeOutOfRange => write!(
                f,
                "`{value}` is outside the times a bill can hold ({TimeRange})"
            ),
        }
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.setting.key(), self.reason())
    }
}

impl std::error::Error for SettingError {}
