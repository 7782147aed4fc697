//! Times of the log: RFC 3339 with an offset, as nanoseconds since the epoch.
//!
//! The usual spelling (`YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)`) is read by hand, and the minute of
//! the previous row is remembered: this was the largest share of parsing a row with chrono.
//! Every other spelling goes to chrono, so the result is always chrono's.

use chrono::{DateTime, SecondsFormat};

/// RFC 3339 in UTC of an instant in nanoseconds: how the detail and the messages write the
/// times `parse_time` reads.
pub fn format_time(nanos: i64) -> String {
    DateTime::from_timestamp(
        nanos.div_euclid(1_000_000_000),
        nanos.rem_euclid(1_000_000_000) as u32,
    )
    .map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    .unwrap_or_default()
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
pub(super) struct TimeCache {
    prefix: Option<([u8; 16], i64)>,
}

impl TimeCache {
    pub(super) fn parse(&mut self, text: &str) -> Option<i64> {
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
}
