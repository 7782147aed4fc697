//! The message log: one CSV row per inbound or outbound message (docs/log.md, "The log").
//!
//! Parsing is the hot path of a bill of tens of millions of rows, so the common shapes (plain
//! fields, `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)` times) are read without allocating; quoted
//! fields and other RFC 3339 spellings take a slower exact path.

use super::fxhash::FxHashMap as HashMap;
use crate::Category;
use chrono::DateTime;
use std::fmt;

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
}

/// A malformed row: where, which column, what value, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: String,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column `{}`: `{}` {}",
            self.line, self.column, self.value, self.reason
        )
    }
}

/// Interned business phone numbers and WABA ids, to print them back.
#[derive(Debug, Clone, Default)]
pub struct Names {
    phones: Interner,
    wabas: Interner,
}

impl Names {
    pub fn phone(&self, id: u32) -> &str {
        self.phones.list.get(id as usize).map_or("", String::as_str)
    }

    pub fn waba(&self, id: u32) -> &str {
        self.wabas.list.get(id as usize).map_or("", String::as_str)
    }
}

/// Short names (up to 15 bytes, the usual case) are keyed by their packed integer (`pack`),
/// and the previous row's name is checked first: logs come from few phone numbers and WABAs,
/// and comparing integers is much cheaper than hashing and comparing text.
#[derive(Debug, Clone, Default)]
struct Interner {
    list: Vec<String>,
    short: HashMap<u128, u32>,
    long: HashMap<String, u32>,
    /// The previous name and its id, compared as text before any packing or hashing.
    last: Option<(String, u32)>,
}

impl Interner {
    #[inline]
    fn intern(&mut self, text: &str) -> u32 {
        if let Some((last, id)) = &self.last {
            if same_text(last.as_bytes(), text.as_bytes()) {
                return *id;
            }
        }
        self.intern_new(text)
    }

    fn intern_new(&mut self, text: &str) -> u32 {
        let id = self.lookup(text);
        let last = self.last.get_or_insert_with(|| (String::new(), id));
        last.0.clear();
        last.0.push_str(text);
        last.1 = id;
        id
    }

    fn lookup(&mut self, text: &str) -> u32 {
        let key = pack_fast(text);
        if key != u128::MAX {
            let next = self.list.len() as u32;
            let id = *self.short.entry(key).or_insert(next);
            if id == next {
                self.list.push(text.to_string());
            }
            return id;
        }
        if let Some(id) = self.long.get(text) {
            return *id;
        }
        let id = self.list.len() as u32;
        self.list.push(text.to_string());
        self.long.insert(text.to_string(), id);
        id
    }
}

/// Text equality with a byte loop for short names: a call to `memcmp` cost more than the
/// comparison of the usual three-byte phone number label.
#[inline]
fn same_text(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.len() > 16 {
        return a == b;
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

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
    count: usize,
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
    /// Reads the header row: required columns in any order, extra columns ignored.
    pub fn new(header: &str) -> Result<LogParser, String> {
        let header = header.trim_start_matches('\u{feff}');
        let names: Vec<String> = split_owned(header)
            .map_err(|e| format!("line 1 (header): {e}"))?
            .into_iter()
            .map(|n| n.trim().to_ascii_lowercase())
            .collect();
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
            count: names.len(),
        };
        if !missing.is_empty() {
            return Err(format!(
                "line 1 (header): missing column(s) {} (found: {})",
                missing.join(", "),
                names.join(", ")
            ));
        }
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
        self.columns.meta_category.is_some() || self.columns.meta_type.is_some()
    }

    /// Parses one data line; `Ok(None)` for a blank line.
    pub fn parse(&mut self, line_no: u64, line: &str) -> Result<Option<Event>, RowError> {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let visible = line
            .as_bytes()
            .first()
            .is_some_and(|&b| b < 0x80 && !b.is_ascii_whitespace());
        if !visible && line.trim().is_empty() {
            return Ok(None);
        }
        let quoted = !split_plain(line.as_bytes(), &mut self.ranges);
        if quoted {
            self.owned = split_owned(line).map_err(|e| RowError {
                line: line_no,
                column: "(row)".into(),
                value: line.chars().take(60).collect(),
                reason: e,
            })?;
        }
        let found = if quoted {
            self.owned.len()
        } else {
            self.ranges.len()
        };
        if found < self.columns.count {
            return Err(RowError {
                line: line_no,
                column: "(row)".into(),
                value: line.chars().take(60).collect(),
                reason: format!("has {found} fields, the header has {}", self.columns.count),
            });
        }
        let field = |i: usize| -> &str {
            if quoted {
                self.owned.get(i).map_or("", |s| s.trim())
            } else {
                self.ranges
                    .get(i)
                    .map_or("", |&(a, b)| trim(line.get(a..b).unwrap_or("")))
            }
        };
        let c = &self.columns;
        let err = |column: &str, value: &str, reason: &str| RowError {
            line: line_no,
            column: column.to_string(),
            value: value.to_string(),
            reason: reason.to_string(),
        };
        let time_text = field(c.time);
        let time = self.times.parse(time_text).ok_or_else(|| {
            err(
                "time",
                time_text,
                "is not an RFC 3339 time with offset (e.g. 2026-10-03T14:05:00Z)",
            )
        })?;
        let phone_text = field(c.phone);
        if phone_text.is_empty() {
            return Err(err(
                "phone_number",
                "",
                "is empty (the business phone number is required)",
            ));
        }
        let user_text = field(c.user);
        let user = parse_user(user_text).ok_or_else(|| {
            err(
                "user",
                user_text,
                "is not a number in E.164 form (+ then 8 to 15 digits, e.g. +919876543210)",
            )
        })?;
        let direction = field(c.direction);
        let kind_text = field(c.kind);
        let category_text = c.category.map_or("", field);
        let template = |text: &str| -> Option<Kind> {
            Some(Kind::Template(match text.as_bytes() {
                b"marketing" => Category::Marketing,
                b"utility" => Category::Utility,
                b"authentication" => Category::Authentication,
                // Meta spells it both ways (AI-7); the rate is decided by AI-1, not the log.
                _ if text == "authentication_international"
                    || text == "authentication-international" =>
                {
                    Category::Authentication
                }
                _ => return None,
            }))
        };
        let kind =
            match (direction.as_bytes(), kind_text.as_bytes()) {
                (b"in", b"message") => Kind::InMessage,
                (b"in", b"entry_point") => Kind::InEntryPoint,
                (b"in", b"call") => Kind::InCall,
                (b"in", _) => {
                    return Err(err(
                        "kind",
                        kind_text,
                        "is not one of message, entry_point, call (direction in)",
                    ))
                }
                (b"out", b"template") => template(category_text).ok_or_else(|| {
                    err(
                    "category",
                    category_text,
                    "is not one of marketing, utility, authentication (required for a template)",
                )
                })?,
                (b"out", b"free_form") => match category_text.as_bytes() {
                    b"" | b"service" => Kind::FreeForm,
                    _ => return Err(err(
                        "category",
                        category_text,
                        "is not empty or `service` (a free-form message has no template category)",
                    )),
                },
                (b"out", _) => {
                    return Err(err(
                        "kind",
                        kind_text,
                        "is not one of template, free_form (direction out)",
                    ))
                }
                _ => return Err(err("direction", direction, "is not `in` or `out`")),
            };
        let status = c.status.map_or("", field);
        let failed = match status.as_bytes() {
            b"" | b"delivered" | b"read" => false,
            b"failed" => true,
            _ if kind.is_inbound() => false,
            _ => {
                return Err(err(
                    "status",
                    status,
                    "is not `delivered` (default when empty), `read` or `failed`",
                ))
            }
        };
        let waba_text = c.waba.map_or("", field);
        let meta = |i: Option<usize>| {
            i.map(field)
                .filter(|s| !s.is_empty())
                .map(|s| s.to_ascii_lowercase().replace('-', "_").into_boxed_str())
        };
        let meta_category = meta(c.meta_category);
        let meta_type = meta(c.meta_type);
        let phone_owned;
        let waba_owned;
        let (phone_key, waba_key) = if quoted {
            phone_owned = phone_text.to_string();
            waba_owned = waba_text.to_string();
            (phone_owned.as_str(), waba_owned.as_str())
        } else {
            (phone_text, waba_text)
        };
        let phone = self.names.phones.intern(phone_key);
        let waba = self.names.wabas.intern(waba_key);
        Ok(Some(Event {
            line: line_no,
            time,
            phone,
            user,
            kind,
            failed,
            waba,
            meta_category,
            meta_type,
        }))
    }
}

/// A name of at most 15 bytes as one integer (its length, then its bytes; `u128::MAX` for
/// longer ones), so interning compares and hashes integers rather than text.
#[inline]
fn pack_fast(text: &str) -> u128 {
    let bytes = text.as_bytes();
    if bytes.len() > 15 {
        return u128::MAX;
    }
    let mut word = [0u8; 16];
    word[0] = bytes.len() as u8;
    word[1..=bytes.len()].copy_from_slice(bytes);
    u128::from_le_bytes(word)
}

/// The lines of a text split at `\n` only (a trailing `\r` is left for `LogParser::parse` to
/// drop), found eight bytes at a time: `str::lines` was a visible share of a bill's time.
pub fn lines(text: &str) -> Lines<'_> {
    Lines { text, pos: 0 }
}

pub struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let end = find_byte(bytes, start, b'\n').unwrap_or(bytes.len());
        self.pos = end + 1;
        // `\n` is ASCII, so both ends are character boundaries.
        self.text.get(start..end)
    }
}

fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut base = from;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let found = byte_mask(u64::from_le_bytes(word), byte);
        if found != 0 {
            return Some(base + (found.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == byte)
        .map(|i| base + i)
}

/// Bytes equal to `byte` in `word`, as 0x80 in their position (exact: no carry crosses bytes).
#[inline]
fn byte_mask(word: u64, byte: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// Splits a line without quotes at its commas, eight bytes at a time; `false` if the line has
/// a quote and needs `split_owned`.
fn split_plain(line: &[u8], ranges: &mut Vec<(usize, usize)>) -> bool {
    ranges.clear();
    let mut start = 0;
    let mut chunks = line.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        if byte_mask(word, b'"') != 0 {
            return false;
        }
        let mut commas = byte_mask(word, b',');
        while commas != 0 {
            let at = base + (commas.trailing_zeros() / 8) as usize;
            ranges.push((start, at));
            start = at + 1;
            commas &= commas - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        match b {
            b'"' => return false,
            b',' => {
                ranges.push((start, base + i));
                start = base + i + 1;
            }
            _ => {}
        }
    }
    ranges.push((start, line.len()));
    true
}

/// `str::trim` without the Unicode scan when the field has no surrounding whitespace.
fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l))
            if f.is_ascii_whitespace() || l.is_ascii_whitespace() || *f >= 0x80 || *l >= 0x80 =>
        {
            text.trim()
        }
        _ => text,
    }
}

/// Splits a CSV line with RFC 4180 quoting (a quoted field may hold commas and `""`).
fn split_owned(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut chars = line.chars().peekable();
    let mut in_quotes = false;
    let mut was_quoted = false;
    while let Some(ch) = chars.next() {
        match (in_quotes, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                current.push('"');
            }
            (true, '"') => in_quotes = false,
            (true, c) => current.push(c),
            (false, '"') if current.trim().is_empty() && !was_quoted => {
                current.clear();
                in_quotes = true;
                was_quoted = true;
            }
            (false, '"') => return Err("a quote inside an unquoted field".to_string()),
            (false, ',') => {
                fields.push(std::mem::take(&mut current));
                was_quoted = false;
            }
            (false, c) => current.push(c),
        }
    }
    if in_quotes {
        return Err("an unterminated quoted field (fields may not span lines)".to_string());
    }
    fields.push(current);
    Ok(fields)
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

/// Nanoseconds since the epoch of an RFC 3339 time with offset.
pub fn parse_time(text: &str) -> Option<i64> {
    fast_time(text.as_bytes()).or_else(|| chrono_time(text))
}

fn chrono_time(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .and_then(|t| t.timestamp_nanos_opt())
}

/// Remembers the seconds of the last `YYYY-MM-DDTHH:MM` seen: rows come in time order, so
/// hundreds of rows in a row share it and only the seconds, fraction and offset are read.
/// Gives exactly `parse_time`'s result.
#[derive(Debug, Clone, Default)]
struct TimeCache {
    prefix: Option<([u8; 16], i64)>,
}

impl TimeCache {
    fn parse(&mut self, text: &str) -> Option<i64> {
        let b = text.as_bytes();
        let found = match (b.get(..16), self.prefix) {
            (Some(head), Some((key, secs))) if head == key => {
                minute_rest(b).and_then(|rest| combine(secs, rest))
            }
            (Some(head), _) if b.len() >= 20 => match minute_secs(b) {
                Some(secs) => {
                    let mut key = [0u8; 16];
                    key.copy_from_slice(head);
                    self.prefix = Some((key, secs));
                    minute_rest(b).and_then(|rest| combine(secs, rest))
                }
                None => None,
            },
            _ => None,
        };
        found.or_else(|| chrono_time(text))
    }
}

fn fast_time(b: &[u8]) -> Option<i64> {
    if b.len() < 20 {
        return None;
    }
    combine(minute_secs(b)?, minute_rest(b)?)
}

/// Seconds since the epoch (before the offset) of the `YYYY-MM-DDTHH:MM` start of `b`, which
/// has at least 20 bytes.
fn minute_secs(b: &[u8]) -> Option<i64> {
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let (year, month, day) = (num(b, 0, 4)?, num(b, 5, 7)?, num(b, 8, 10)?);
    let (hour, minute) = (num(b, 11, 13)?, num(b, 14, 16)?);
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
    {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60)
}

/// Nanoseconds per unit of a fraction of 1 to 9 digits.
const FRACTION_SCALE: [i64; 10] = [
    0,
    100_000_000,
    10_000_000,
    1_000_000,
    100_000,
    10_000,
    1_000,
    100,
    10,
    1,
];

/// The `:SS[.f](Z|±HH:MM)` end of a time (from byte 16): seconds, nanoseconds and the offset
/// in seconds.
fn minute_rest(b: &[u8]) -> Option<(i64, i64, i64)> {
    if b.len() < 20 || b[16] != b':' {
        return None;
    }
    let second = num(b, 17, 19)?;
    if second > 59 {
        return None;
    }
    let mut at = 19;
    let mut nanos = 0i64;
    if b[at] == b'.' {
        at += 1;
        let start = at;
        while at < b.len() && b[at].is_ascii_digit() {
            at += 1;
        }
        let frac = at - start;
        if frac == 0 || frac > 9 {
            return None;
        }
        nanos = num(b, start, at)? * FRACTION_SCALE[frac];
    }
    let offset = match b.get(at..)? {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let h = i64::from((h1 - b'0') * 10 + (h2 - b'0'));
            let m = i64::from((m1 - b'0') * 10 + (m2 - b'0'));
            if h > 23 || m > 59 {
                return None;
            }
            let s = (h * 60 + m) * 60;
            if *sign == b'-' {
                -s
            } else {
                s
            }
        }
        _ => return None,
    };
    Some((second, nanos, offset))
}

fn combine(minute_secs: i64, (second, nanos, offset): (i64, i64, i64)) -> Option<i64> {
    let secs = minute_secs + second - offset;
    secs.checked_mul(1_000_000_000)?.checked_add(nanos)
}

/// The decimal number in `b[from..to]`, digits only.
fn num(b: &[u8], from: usize, to: usize) -> Option<i64> {
    let mut v = 0i64;
    for &c in b.get(from..to)? {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(c - b'0');
    }
    Some(v)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_times_agree_with_chrono() {
        for text in [
            "2026-10-03T14:05:00Z",
            "2024-02-29T23:59:59.123456789+05:30",
            "1999-12-31T00:00:00-03:00",
            "2026-10-03T14:05:00.5Z",
        ] {
            let expected = DateTime::parse_from_rfc3339(text)
                .unwrap()
                .timestamp_nanos_opt();
            assert_eq!(fast_time(text.as_bytes()), expected, "{text}");
        }
        assert_eq!(
            parse_time("2026-10-03 14:05:00Z"),
            DateTime::parse_from_rfc3339("2026-10-03T14:05:00Z")
                .unwrap()
                .timestamp_nanos_opt()
        );
        for bad in [
            "2026-02-30T00:00:00Z",
            "2026-10-03T14:05:00",
            "yesterday",
            "2026-10-03T24:00:00Z",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn cached_minutes_agree_with_parse_time() {
        let mut cache = TimeCache::default();
        for text in [
            "2026-10-03T14:05:00Z",
            "2026-10-03T14:05:07.25Z",
            "2026-10-03T14:05:59+05:30",
            "2026-10-03T14:05:60Z",
            "2026-10-03T14:05:1Z",
            "2026-10-03T14:05 07Z",
            "2026-10-03T14:05",
            "2026-10-03T14:06:00-03:00",
            "2026-10-03 14:06:01Z",
            "2026-02-30T00:00:00Z",
            "2026-02-28T23:59:59.999999999Z",
            "2026-02-28T23:59:59.1234567891Z",
            "2026-10-03T14:06:01z",
        ] {
            assert_eq!(cache.parse(text), parse_time(text), "{text}");
        }
        assert_eq!(
            cache.parse("2026-10-03T14:06:01Z"),
            Some(1_791_036_361_000_000_000)
        );
    }

    #[test]
    fn packed_names_differ_when_the_names_do() {
        let names = [
            "",
            "a",
            "a\0",
            "\0",
            "PN1",
            "PN10",
            "fifteen_bytes_x",
            "ümlaut",
        ];
        for a in names {
            for b in names {
                assert_eq!(pack_fast(a) == pack_fast(b), a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(pack_fast("sixteen_bytes_xy"), u128::MAX);
        assert_eq!(pack_fast("in"), 0x6e_69_02);
    }

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
    fn fast_lines_agree_with_str_lines() {
        for text in [
            "",
            "a",
            "a\n",
            "a\n\nb",
            "0123456789abcdef\nxy\n",
            "\n\n",
            "é,ü\nñ",
        ] {
            let ours: Vec<&str> = lines(text).collect();
            assert_eq!(ours, text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn eight_byte_splitting_agrees_with_a_plain_split() {
        let mut ranges = Vec::new();
        for line in [
            "",
            ",",
            "a,b",
            "2026-10-03T14:05:00Z,PN1,+919876543210,out,template,,",
            ",,,,,,,,,,,,,,,,,x",
            "abcdefgh,ijklmnop,",
        ] {
            assert!(split_plain(line.as_bytes(), &mut ranges));
            let got: Vec<&str> = ranges.iter().map(|&(a, b)| &line[a..b]).collect();
            assert_eq!(got, line.split(',').collect::<Vec<_>>(), "{line}");
        }
        assert!(!split_plain(b"abcdefghij\"k", &mut ranges));
        assert!(!split_plain(b"a\"", &mut ranges));
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
