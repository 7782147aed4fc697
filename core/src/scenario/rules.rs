//! Which of Meta's pricing eras prices a month, and the billing month itself.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Meta's pricing eras as the estimator models them (docs/scenario.md, "Rules by month").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RulesVersion {
    /// The 2021 Mexico conversation test: only lines to Mexico are priceable.
    #[serde(rename = "mx-2021-02")]
    Mx2021_02,
    /// Conversation-based pricing v1: business- and user-initiated conversations.
    #[serde(rename = "cbp-2022-02")]
    Cbp2022_02,
    /// Conversation categories; 1,000 free service conversations per WABA.
    #[serde(rename = "cbp-2023-06")]
    Cbp2023_06,
    /// Conversation categories; every service conversation free.
    #[serde(rename = "cbp-2024-11")]
    Cbp2024_11,
    /// Per-message pricing with volume tiers; service and utility-in-window free.
    #[serde(rename = "pmp-2025-07")]
    Pmp2025_07,
    /// Per-message pricing; service charged beyond 1,000 per phone number, utility in window charged.
    #[serde(rename = "pmp-2026-10")]
    Pmp2026_10,
}

impl RulesVersion {
    pub const ALL: [RulesVersion; 6] = [
        RulesVersion::Mx2021_02,
        RulesVersion::Cbp2022_02,
        RulesVersion::Cbp2023_06,
        RulesVersion::Cbp2024_11,
        RulesVersion::Pmp2025_07,
        RulesVersion::Pmp2026_10,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RulesVersion::Mx2021_02 => "mx-2021-02",
            RulesVersion::Cbp2022_02 => "cbp-2022-02",
            RulesVersion::Cbp2023_06 => "cbp-2023-06",
            RulesVersion::Cbp2024_11 => "cbp-2024-11",
            RulesVersion::Pmp2025_07 => "pmp-2025-07",
            RulesVersion::Pmp2026_10 => "pmp-2026-10",
        }
    }

    /// The month each era starts, as (year, month).
    pub fn start(self) -> (i32, u32) {
        match self {
            RulesVersion::Mx2021_02 => (2021, 2),
            RulesVersion::Cbp2022_02 => (2022, 2),
            RulesVersion::Cbp2023_06 => (2023, 6),
            RulesVersion::Cbp2024_11 => (2024, 11),
            RulesVersion::Pmp2025_07 => (2025, 7),
            RulesVersion::Pmp2026_10 => (2026, 10),
        }
    }

    /// The first local day of the version (00:00 in the WABA timezone, docs/rules.md DEF-7).
    pub fn first_day(self) -> NaiveDate {
        let (year, month) = self.start();
        NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The version in force on a local date; `None` before 2021-02-01, when templates were
    /// priced per message at rates Meta never published (docs/rules.md PRE-7).
    pub fn on(date: NaiveDate) -> Option<RulesVersion> {
        RulesVersion::ALL
            .into_iter()
            .rev()
            .find(|rules| rules.first_day() <= date)
    }

    /// The rules in force on the 1st of a month. Months before February 2021 were on template
    /// pricing, whose tiers and rates Meta never published, so they cannot be estimated.
    pub fn for_month(year: i32, month: u32) -> Result<RulesVersion, String> {
        if !(1..=12).contains(&month) {
            return Err(format!("{month} is not a month number (1 to 12)"));
        }
        RulesVersion::ALL
            .into_iter()
            .rev()
            .find(|rules| rules.start() <= (year, month))
            .ok_or_else(|| {
                format!(
                    "{year:04}-{month:02} is before February 2021: messages were then priced per template with rates Meta never published, so no estimate is possible"
                )
            })
    }

    /// Conversation eras charge conversations, not messages.
    pub fn counts_conversations(self) -> bool {
        !matches!(self, RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10)
    }

    /// One sentence on what this era changes, for comparisons.
    pub fn summary(self) -> &'static str {
        match self {
            RulesVersion::Mx2021_02 => "Mexico test: 24-hour conversations at one rate per initiator, a monthly free tier of free_conversations; other destinations cannot be priced",
            RulesVersion::Cbp2022_02 => "business- and user-initiated 24-hour conversations; the first 1,000 conversations per WABA each month are free",
            RulesVersion::Cbp2023_06 => "conversations by category (a utility template opens a charged conversation even inside the window); the first 1,000 service conversations per WABA are free",
            RulesVersion::Cbp2024_11 => "conversations by category; every service conversation is free",
            RulesVersion::Pmp2025_07 => "per delivered template, with volume tiers for utility and authentication; service messages and utility templates inside the window are free",
            RulesVersion::Pmp2026_10 => "per delivered message, with volume tiers; utility inside the window is charged and service beyond 1,000 per phone number is charged",
        }
    }
}

impl fmt::Display for RulesVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RulesVersion {
    type Err = String;

    fn from_str(text: &str) -> Result<RulesVersion, String> {
        RulesVersion::ALL
            .into_iter()
            .find(|rules| rules.as_str() == text.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = RulesVersion::ALL.iter().map(|r| r.as_str()).collect();
                format!(
                    "`{text}` is not a rules version (one of {})",
                    names.join(", ")
                )
            })
    }
}

/// A billing month, written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn first_day(self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    pub fn last_day(self) -> Option<chrono::NaiveDate> {
        let (year, month) = if self.month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, self.month + 1)
        };
        chrono::NaiveDate::from_ymd_opt(year, month, 1)?.pred_opt()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = String;

    fn from_str(text: &str) -> Result<Month, String> {
        let bad = || format!("must be a month YYYY-MM, got \"{text}\"");
        let (year, month) = text.split_once('-').ok_or_else(bad)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || !(2000..=2100).contains(&year) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Month, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_follow_the_calendar() {
        let cases = [
            ((2021, 2), RulesVersion::Mx2021_02),
            ((2022, 1), RulesVersion::Mx2021_02),
            ((2022, 2), RulesVersion::Cbp2022_02),
            ((2023, 5), RulesVersion::Cbp2022_02),
            ((2023, 6), RulesVersion::Cbp2023_06),
            ((2024, 10), RulesVersion::Cbp2023_06),
            ((2024, 11), RulesVersion::Cbp2024_11),
            ((2025, 6), RulesVersion::Cbp2024_11),
            ((2025, 7), RulesVersion::Pmp2025_07),
            ((2026, 9), RulesVersion::Pmp2025_07),
            ((2026, 10), RulesVersion::Pmp2026_10),
            ((2030, 1), RulesVersion::Pmp2026_10),
        ];
        for ((year, month), rules) in cases {
            assert_eq!(
                RulesVersion::for_month(year, month),
                Ok(rules),
                "{year}-{month}"
            );
        }
        assert!(RulesVersion::for_month(2021, 1)
            .unwrap_err()
            .contains("before February 2021"));
    }

    #[test]
    fn versions_switch_on_their_first_day() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(RulesVersion::on(d(2021, 1, 31)), None);
        assert_eq!(
            RulesVersion::on(d(2021, 2, 1)),
            Some(RulesVersion::Mx2021_02)
        );
        assert_eq!(
            RulesVersion::on(d(2023, 5, 31)),
            Some(RulesVersion::Cbp2022_02)
        );
        assert_eq!(
            RulesVersion::on(d(2024, 11, 1)),
            Some(RulesVersion::Cbp2024_11)
        );
        assert_eq!(
            RulesVersion::on(d(2025, 6, 30)),
            Some(RulesVersion::Cbp2024_11)
        );
        assert_eq!(
            RulesVersion::on(d(2025, 7, 1)),
            Some(RulesVersion::Pmp2025_07)
        );
        assert_eq!(
            RulesVersion::on(d(2026, 10, 1)),
            Some(RulesVersion::Pmp2026_10)
        );
        assert_eq!(RulesVersion::Cbp2023_06.first_day(), d(2023, 6, 1));
    }

    #[test]
    fn names_round_trip() {
        for rules in RulesVersion::ALL {
            assert_eq!(rules.as_str().parse::<RulesVersion>(), Ok(rules));
            let json = serde_json::to_string(&rules).unwrap();
            assert_eq!(json, format!("\"{}\"", rules.as_str()));
        }
        assert!("pmp-2027-01".parse::<RulesVersion>().is_err());
    }

    #[test]
    fn months_parse_strictly() {
        assert_eq!(
            "2026-11".parse::<Month>(),
            Ok(Month {
                year: 2026,
                month: 11
            })
        );
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "2026-11-01", ""] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
        let feb = Month {
            year: 2024,
            month: 2,
        };
        assert_eq!(feb.last_day().unwrap().to_string(), "2024-02-29");
    }
}
