//! The WABA's timezone: months, allowances, tier months and rate-card changes all switch at
//! 00:00 there (docs/rules.md DEF-7), so every message needs its local date.

use super::error::{ZoneError, ZoneErrorKind};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

const NANOS_PER_SEC: i64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Fixed(FixedOffset),
    #[cfg(feature = "timezones")]
    Named(chrono_tz::Tz),
}

/// A timezone, fixed offset or IANA (the latter with the default `timezones` feature).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Zone {
    kind: Kind,
}

impl Zone {
    pub fn utc() -> Zone {
        Zone {
            kind: Kind::Fixed(Utc.fix()),
        }
    }

    /// `UTC`, `Z`, `+05:30`, `-03:00`, or an IANA name such as `Asia/Kolkata`.
    pub fn parse(text: &str) -> Result<Zone, ZoneError> {
        let fail = |kind| ZoneError {
            value: text.to_string(),
            kind,
        };
        let t = text.trim();
        if t.eq_ignore_ascii_case("utc") || t == "Z" {
            return Ok(Zone::utc());
        }
        if let Some(rest) = t.strip_prefix(['+', '-']) {
            let sign = if t.starts_with('-') { -1 } else { 1 };
            let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
            let ok =
                |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
            if ok(h) && ok(m) {
                let h: i32 = h.parse().unwrap_or(99);
                let m: i32 = m.parse().unwrap_or(99);
                if h <= 14 && m < 60 {
                    if let Some(off) = FixedOffset::east_opt(sign * (h * 3600 + m * 60)) {
                        return Ok(Zone {
                            kind: Kind::Fixed(off),
                        });
                    }
                }
            }
            return Err(fail(ZoneErrorKind::NotAnOffset));
        }
        Zone::named(t).ok_or_else(|| {
            fail(if cfg!(feature = "timezones") {
                ZoneErrorKind::NotAName
            } else {
                ZoneErrorKind::NamesNeedFeature
            })
        })
    }

    #[cfg(feature = "timezones")]
    fn named(text: &str) -> Option<Zone> {
        text.parse::<chrono_tz::Tz>().ok().map(|tz| Zone {
            kind: Kind::Named(tz),
        })
    }

    #[cfg(not(feature = "timezones"))]
    fn named(_text: &str) -> Option<Zone> {
        None
    }

    /// The local date of an instant (nanoseconds since the epoch).
    pub fn local_date(&self, nanos: i64) -> NaiveDate {
        let utc = DateTime::<Utc>::from_timestamp(nanos.div_euclid(NANOS_PER_SEC), 0)
            .unwrap_or_default()
            .naive_utc();
        match self.kind {
            Kind::Fixed(off) => off.from_utc_datetime(&utc).date_naive(),
            #[cfg(feature = "timezones")]
            Kind::Named(tz) => tz.from_utc_datetime(&utc).date_naive(),
        }
    }

    /// The instant (ns) at which local `date` begins, if that local midnight exists.
    pub fn day_start(&self, date: NaiveDate) -> Option<i64> {
        let midnight: NaiveDateTime = date.and_hms_opt(0, 0, 0)?;
        let start = match self.kind {
            Kind::Fixed(off) => off.from_local_datetime(&midnight).earliest()?.timestamp(),
            #[cfg(feature = "timezones")]
            Kind::Named(tz) => tz.from_local_datetime(&midnight).earliest()?.timestamp(),
        };
        start.checked_mul(NANOS_PER_SEC)
    }
}

/// Caches the local day of the last instant: rows come in time order, so nearly every row
/// falls on the same local day as the one before and needs no timezone arithmetic.
#[derive(Debug, Clone)]
pub struct DayCache {
    zone: Zone,
    from: i64,
    until: i64,
    date: NaiveDate,
}

impl DayCache {
    pub fn new(zone: Zone) -> DayCache {
        DayCache {
            zone,
            from: 1,
            until: 0,
            date: NaiveDate::MIN,
        }
    }

    pub fn date(&mut self, nanos: i64) -> NaiveDate {
        if nanos >= self.from && nanos < self.until {
            return self.date;
        }
        let date = self.zone.local_date(nanos);
        let next = date.succ_opt();
        match (
            self.zone.day_start(date),
            next.and_then(|n| self.zone.day_start(n)),
        ) {
            (Some(from), Some(until)) if from <= nanos && nanos < until => {
                self.from = from;
                self.until = until;
                self.date = date;
            }
            _ => {
                self.from = 1;
                self.until = 0;
            }
        }
        date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_names_give_local_dates() {
        // 2026-09-30T20:00:00Z is already October 1st in India.
        let t = 1_790_798_400 * NANOS_PER_SEC;
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(Zone::utc().local_date(t), d("2026-09-30"));
        assert_eq!(
            Zone::parse("+05:30").unwrap().local_date(t),
            d("2026-10-01")
        );
        #[cfg(feature = "timezones")]
        assert_eq!(
            Zone::parse("Asia/Kolkata").unwrap().local_date(t),
            d("2026-10-01")
        );
        let mut cache = DayCache::new(Zone::parse("-03:00").unwrap());
        assert_eq!(cache.date(t), d("2026-09-30"));
        assert_eq!(
            cache.date(t + 6 * 3600 * NANOS_PER_SEC + 59 * 60 * NANOS_PER_SEC),
            d("2026-09-30")
        );
        assert_eq!(cache.date(t + 7 * 3600 * NANOS_PER_SEC), d("2026-10-01"));
        assert_eq!(cache.date(t), d("2026-09-30"));
        assert!(Zone::parse("+25:00").is_err());
        assert!(Zone::parse("Mars/Olympus").is_err());
    }
}
