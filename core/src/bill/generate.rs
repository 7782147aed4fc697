//! A deterministic synthetic message log, for benchmarks and for trying the biller: users in
//! several markets writing in, businesses answering with templates and free-form messages.
//! xorshift64* keeps it reproducible without a random-number crate.

use chrono::NaiveDate;
use std::fmt::Write;

pub const HEADER: &str = "time,phone_number,user,direction,kind,category,status\n";

/// Calling codes and a national number length, spread over markets with different rules
/// (tiers, auth-intl, North America, Rest of Africa, standalone Oct 2026 markets).
const MARKETS: [(&str, u32); 8] = [
    ("91", 10),
    ("1415", 7),
    ("55", 11),
    ("234", 10),
    ("44", 10),
    ("62", 10),
    ("254", 9),
    ("880", 10),
];

pub struct LogGenerator {
    state: u64,
    time_ms: i64,
    step_ms: i64,
    users: u64,
    /// Users who wrote lately: free-form answers go to them, as a business's agents would.
    recent: [u64; 64],
    recent_len: usize,
    recent_at: usize,
}

impl LogGenerator {
    /// `rows` rows from `start` (00:00 UTC) spread over about 30 days, among `users` users.
    pub fn new(seed: u64, start: NaiveDate, rows: u64, users: u64) -> LogGenerator {
        let start_ms = start
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp_millis());
        LogGenerator {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            time_ms: start_ms,
            step_ms: (30 * 86_400_000 / i64::try_from(rows.max(1)).unwrap_or(i64::MAX)).max(1),
            users: users.max(1),
            recent: [0; 64],
            recent_len: 0,
            recent_at: 0,
        }
    }

    fn next(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift, in 128 bits so no `n` overflows).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Appends one row to `out`.
    pub fn row(&mut self, out: &mut String) {
        // A step of at most 30 days: the clock of a generated log stays far inside an i64.
        let step = self.below(2 * self.step_ms.unsigned_abs() + 1);
        self.time_ms = self
            .time_ms
            .saturating_add(i64::try_from(step).unwrap_or(i64::MAX));
        let roll = self.below(100);
        let user = if roll >= 70 && self.recent_len > 0 {
            self.recent[self.below(self.recent_len as u64) as usize]
        } else {
            self.below(self.users)
        };
        if roll < 35 {
            self.recent[self.recent_at] = user;
            self.recent_at = (self.recent_at + 1) % self.recent.len();
            self.recent_len = (self.recent_len + 1).min(self.recent.len());
        }
        let (code, len) = MARKETS[(user % MARKETS.len() as u64) as usize];
        // In 128 bits: any user number (up to u64::MAX) times 7919 fits, and the figures of
        // smaller ones are the same as they always were.
        let spread = u128::from(user) * 7919 % u128::from(9 * 10u64.pow(len - 1));
        let national = 10u64.pow(len - 1) + u64::try_from(spread).unwrap_or(0);
        let phone = if user % 5 == 0 { "PN2" } else { "PN1" };
        let (direction, kind, category) = match roll {
            0..=29 => ("in", "message", ""),
            30..=32 => ("in", "entry_point", ""),
            33..=34 => ("in", "call", ""),
            35..=49 => ("out", "template", "marketing"),
            50..=62 => ("out", "template", "utility"),
            63..=69 => ("out", "template", "authentication"),
            _ => ("out", "free_form", ""),
        };
        let status = if direction == "out" && self.below(50) == 0 {
            "failed"
        } else {
            ""
        };
        write_time(out, self.time_ms);
        let _ = writeln!(
            out,
            ",{phone},+{code}{national},{direction},{kind},{category},{status}"
        );
    }
}

fn write_time(out: &mut String, ms: i64) {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    );
}

/// Civil date of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A whole log as text (header included).
pub fn generate(seed: u64, start: NaiveDate, rows: u64, users: u64) -> String {
    let capacity = usize::try_from(rows)
        .ok()
        .and_then(|rows| rows.checked_mul(64))
        .map_or(0, |bytes| bytes.saturating_add(HEADER.len()));
    let mut out = String::with_capacity(capacity.min(1 << 30));
    out.push_str(HEADER);
    let mut g = LogGenerator::new(seed, start, rows, users);
    for _ in 0..rows {
        g.row(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_logs_are_deterministic_and_parse() {
        let start = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        let a = generate(7, start, 500, 50);
        assert_eq!(a, generate(7, start, 500, 50));
        assert_ne!(a, generate(8, start, 500, 50));
        let mut lines = a.lines();
        let mut parser = super::super::LogParser::new(lines.next().unwrap()).unwrap();
        let mut last = i64::MIN;
        for (i, line) in lines.enumerate() {
            let e = parser.parse(i as u64 + 2, line).unwrap().unwrap();
            assert!(e.time >= last);
            last = e.time;
        }
        assert!(a.starts_with(HEADER));
        assert!(a.lines().nth(1).unwrap().starts_with("2026-10-01T"));
    }
}
