//! Which of Meta's pricing eras prices a month, and the billing month itself.

use crate::category::Category;
use chrono::{Datelike, NaiveDate};
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

    /// The first local day of the version (00:00 in the WABA timezone, docs/rules.md DEF-7),
    /// checked when the program is built: a typo fails the build rather than moving an era.
    pub const fn first_day(self) -> NaiveDate {
        match self {
            RulesVersion::Mx2021_02 => crate::date!(2021, 2, 1),
            RulesVersion::Cbp2022_02 => crate::date!(2022, 2, 1),
            RulesVersion::Cbp2023_06 => crate::date!(2023, 6, 1),
            RulesVersion::Cbp2024_11 => crate::date!(2024, 11, 1),
            RulesVersion::Pmp2025_07 => crate::date!(2025, 7, 1),
            RulesVersion::Pmp2026_10 => crate::date!(2026, 10, 1),
        }
    }

    /// The month each era starts, as (year, month).
    pub fn start(self) -> (i32, u32) {
        let first = self.first_day();
        (first.year(), first.month())
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
    pub fn for_month(year: i32, month: u32) -> Result<RulesVersion, NoRulesError> {
        if !(1..=12).contains(&month) {
            return Err(NoRulesError::NotAMonthNumber { month });
        }
        RulesVersion::ALL
            .into_iter()
            .rev()
            .find(|rules| rules.start() <= (year, month))
            .ok_or(NoRulesError::BeforeFirstRules {
                month: Month { year, month },
            })
    }

    /// Conversation eras charge conversations, not messages.
    pub fn counts_conversations(self) -> bool {
        !matches!(self, RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10)
    }

    /// Whether these rules can charge a category (service is free by rule under
    /// `cbp-2024-11` and `pmp-2025-07`; the 2021-2023 conversations are by initiator).
    pub fn charges(self, category: Category) -> bool {
        use Category::*;
        match self {
            RulesVersion::Mx2021_02 | RulesVersion::Cbp2022_02 => {
                matches!(category, BusinessInitiated | UserInitiated)
            }
            RulesVersion::Cbp2024_11 | RulesVersion::Pmp2025_07 => matches!(
                category,
                Marketing | Utility | Authentication | AuthenticationInternational
            ),
            RulesVersion::Cbp2023_06 | RulesVersion::Pmp2026_10 => matches!(
                category,
                Marketing | Utility | Authentication | AuthenticationInternational | Service
            ),
        }
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
    type Err = ParseRulesError;

    fn from_str(text: &str) -> Result<RulesVersion, ParseRulesError> {
        RulesVersion::ALL
            .into_iter()
            .find(|rules| rules.as_str() == text.trim())
            .ok_or_else(|| ParseRulesError {
                text: text.to_string(),
            })
    }
}

/// A text that names no rules version.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseRulesError {
    /// The text as given.
    pub text: String,
}

impl fmt::Display for ParseRulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a rules version (one of ", self.text)?;
        for (at, rules) in RulesVersion::ALL.iter().enumerate() {
            if at > 0 {
                f.write_str(", ")?;
            }
            f.write_str(rules.as_str())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for ParseRulesError {}

/// Why no rules version prices a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoRulesError {
    /// The month number is not 1 to 12.
    NotAMonthNumber { month: u32 },
    /// Before February 2021, messages were priced per template at rates Meta never published.
    BeforeFirstRules { month: Month },
}

impl NoRulesError {
    pub fn tag(&self) -> &'static str {
        match self {
            NoRulesError::NotAMonthNumber { .. } => "not_a_month_number",
            NoRulesError::BeforeFirstRules { .. } => "before_first_rules",
        }
    }
}

impl fmt::Display for NoRulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoRulesError::NotAMonthNumber { month } => {
                write!(f, "{month} is not a month number (1 to 12)")
            }
            NoRulesError::BeforeFirstRules { month } => write!(
                f,
                "{month} is before February 2021: messages were then priced per template with rates Meta never published, so no estimate is possible"
            ),
        }
    }
}

impl std::error::Error for NoRulesError {}

/// A billing month, written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// The billing month a day belongs to: a front end reads its clock, the core says which
    /// month that is.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

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
    type Err = ParseMonthError;

    fn from_str(text: &str) -> Result<Month, ParseMonthError> {
        let bad = || ParseMonthError {
            text: text.to_string(),
        };
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

/// A text that is not a month `YYYY-MM` from 2000 to 2100.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseMonthError {
    /// The text as given.
    pub text: String,
}

impl fmt::Display for ParseMonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "must be a month YYYY-MM, got \"{}\"", self.text)
    }
}

impl std::error::Error for ParseMonthError {}

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
        assert_eq!(
            RulesVersion::for_month(2021, 1),
            Err(NoRulesError::BeforeFirstRules {
                month: Month {
                    year: 2021,
                    month: 1
                }
            })
        );
        assert_eq!(
            RulesVersion::for_month(2021, 13),
            Err(NoRulesError::NotAMonthNumber { month: 13 })
        );
    }

    /// `for_month` and the biller rely on eras starting on the 1st, in order.
    #[test]
    fn eras_start_on_the_first_in_order() {
        for pair in RulesVersion::ALL.windows(2) {
            assert!(pair[0].first_day() < pair[1].first_day(), "{pair:?}");
        }
        for rules in RulesVersion::ALL {
            assert_eq!(rules.first_day().day(), 1, "{rules}");
        }
        assert_eq!(RulesVersion::Cbp2023_06.start(), (2023, 6));
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
        assert_eq!(
            "pmp-2027-01".parse::<RulesVersion>(),
            Err(ParseRulesError {
                text: "pmp-2027-01".into()
            })
        );
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
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(Month::of(day).to_string(), "2026-12");
    }
}
