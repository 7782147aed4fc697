//! The rules version that prices a message: Meta changed the billing model five times, and a
//! log may straddle a change (or be replayed under another model on purpose).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One pricing model, named as the estimator names its rules versions so a bill and an
/// estimate of the same month can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Era {
    /// Mexico conversation test (docs/rules.md MX-1): only +52 users are priceable.
    #[serde(rename = "mx-2021-02")]
    Mx2021,
    /// Conversation-based pricing v1: one conversation at a time, user- or business-initiated.
    #[serde(rename = "cbp-2022-02")]
    Cbp2022,
    /// Conversation-based pricing v2 with categories; 1,000 free service conversations a month.
    #[serde(rename = "cbp-2023-06")]
    Cbp2023,
    /// As `Cbp2023`, with every service conversation free.
    #[serde(rename = "cbp-2024-11")]
    Cbp2024,
    /// Per-message pricing; non-template and utility-in-window messages free.
    #[serde(rename = "pmp-2025-07")]
    Pmp2025,
    /// Per-message pricing with paid service messages beyond 1,000 per phone number a month.
    #[serde(rename = "pmp-2026-10")]
    Pmp2026,
}

impl Era {
    pub const ALL: [Era; 6] = [
        Era::Mx2021,
        Era::Cbp2022,
        Era::Cbp2023,
        Era::Cbp2024,
        Era::Pmp2025,
        Era::Pmp2026,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Era::Mx2021 => "mx-2021-02",
            Era::Cbp2022 => "cbp-2022-02",
            Era::Cbp2023 => "cbp-2023-06",
            Era::Cbp2024 => "cbp-2024-11",
            Era::Pmp2025 => "pmp-2025-07",
            Era::Pmp2026 => "pmp-2026-10",
        }
    }

    pub fn parse(text: &str) -> Option<Era> {
        Era::ALL.into_iter().find(|e| e.as_str() == text.trim())
    }

    /// The first local day of the era (00:00 in the WABA timezone, docs/rules.md DEF-7).
    pub fn start(self) -> NaiveDate {
        let (y, m) = match self {
            Era::Mx2021 => (2021, 2),
            Era::Cbp2022 => (2022, 2),
            Era::Cbp2023 => (2023, 6),
            Era::Cbp2024 => (2024, 11),
            Era::Pmp2025 => (2025, 7),
            Era::Pmp2026 => (2026, 10),
        };
        NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The era in force on a local date; `None` before 2021-02-01, when templates were priced
    /// per message at rates Meta never published (docs/rules.md PRE-7).
    pub fn on(date: NaiveDate) -> Option<Era> {
        Era::ALL.into_iter().rev().find(|e| e.start() <= date)
    }

    /// Whether the unit of charge is a conversation (eras B, C, D).
    pub fn is_conversation(self) -> bool {
        !matches!(self, Era::Pmp2025 | Era::Pmp2026)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eras_switch_on_their_first_day() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(Era::on(d(2021, 1, 31)), None);
        assert_eq!(Era::on(d(2021, 2, 1)), Some(Era::Mx2021));
        assert_eq!(Era::on(d(2023, 5, 31)), Some(Era::Cbp2022));
        assert_eq!(Era::on(d(2024, 11, 1)), Some(Era::Cbp2024));
        assert_eq!(Era::on(d(2025, 6, 30)), Some(Era::Cbp2024));
        assert_eq!(Era::on(d(2025, 7, 1)), Some(Era::Pmp2025));
        assert_eq!(Era::on(d(2026, 10, 1)), Some(Era::Pmp2026));
        assert_eq!(Era::parse("pmp-2026-10"), Some(Era::Pmp2026));
        assert_eq!(
            serde_json::to_string(&Era::Cbp2023).unwrap(),
            "\"cbp-2023-06\""
        );
    }
}
