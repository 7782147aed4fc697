//! Each rules version named as a person would name it ("Per message, from Oct 2026"), as data:
//! the kind of model and its months, so a page words it in its own language; the English
//! name is written once, here.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use super::rules::{Month, RulesVersion};
use chrono::Datelike;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// How a model charges, in the words its name starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// Per delivered message (`pmp-2025-07`, `pmp-2026-10`).
    PerMessage,
    /// Conversations by category, every service conversation free (`cbp-2024-11`).
    ConversationsFreeService,
    /// Conversations by category (`cbp-2023-06`).
    ConversationsByCategory,
    /// Conversations started by the user or by the business (`cbp-2022-02`).
    Conversations,
    /// The 2021 conversation test, Mexico only (`mx-2021-02`).
    MexicoTest,
}

impl ModelKind {
    pub fn english(self) -> &'static str {
        match self {
            ModelKind::PerMessage => "Per message",
            ModelKind::ConversationsFreeService => "Conversations, free service",
            ModelKind::ConversationsByCategory => "Conversations by category",
            ModelKind::Conversations => "Conversations",
            ModelKind::MexicoTest => "Mexico test",
        }
    }
}

/// A model's name: its kind and the months it was in force (`to` none while it still is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub struct ModelName {
    #[serde(rename = "model")]
    pub kind: ModelKind,
    pub from: Month,
    #[serde(default)]
    pub to: Option<Month>,
}

/// English month abbreviations, for names and sentences written in English.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Oct 2026`.
pub fn short_month(month: Month) -> String {
    let index = usize::try_from(month.month.saturating_sub(1)).unwrap_or(0);
    format!(
        "{} {}",
        MONTHS.get(index).copied().unwrap_or("?"),
        month.year
    )
}

impl RulesVersion {
    /// The version's name in words and its months.
    pub fn name(self) -> ModelName {
        let kind = match self {
            RulesVersion::Mx2021_02 => ModelKind::MexicoTest,
            RulesVersion::Cbp2022_02 => ModelKind::Conversations,
            RulesVersion::Cbp2023_06 => ModelKind::ConversationsByCategory,
            RulesVersion::Cbp2024_11 => ModelKind::ConversationsFreeService,
            RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10 => ModelKind::PerMessage,
        };
        ModelName {
            kind,
            from: Month::of(self.first_day()),
            to: self.last_day().map(Month::of),
        }
    }

    /// The version that follows this one, if any.
    pub fn next(self) -> Option<RulesVersion> {
        RulesVersion::ALL
            .into_iter()
            .find(|later| later.first_day() > self.first_day())
    }

    /// The version this one replaced, if any.
    pub fn previous(self) -> Option<RulesVersion> {
        RulesVersion::ALL
            .into_iter()
            .rev()
            .find(|earlier| earlier.first_day() < self.first_day())
    }

    /// The last day the version was in force; none while it still is.
    pub fn last_day(self) -> Option<chrono::NaiveDate> {
        self.next()?.first_day().pred_opt()
    }
}

impl fmt::Display for ModelName {
    /// "Per message, from Oct 2026", "Conversations, Feb 2022 – May 2023", "Mexico test, 2021"
    /// (the test is known by its year).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, ", self.kind.english())?;
        match (self.kind, self.to) {
            (ModelKind::MexicoTest, _) => write!(f, "{}", self.from.year),
            (_, Some(to)) => write!(f, "{} – {}", short_month(self.from), short_month(to)),
            (_, None) => write!(f, "from {}", short_month(self.from)),
        }
    }
}

/// `{ "model": "per_message", "from": "2025-07", "to": "2026-09", "english": "Per message, Jul
/// 2025 – Sep 2026" }`: the parts to word it, and the English name.
impl Serialize for ModelName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("ModelName", 4)?;
        out.serialize_field("model", &self.kind)?;
        out.serialize_field("from", &self.from)?;
        out.serialize_field("to", &self.to)?;
        out.serialize_field("english", &self.to_string())?;
        out.end()
    }
}

/// `1 October 2026`, for sentences written in English.
pub fn long_date(date: chrono::NaiveDate) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let index = usize::try_from(date.month0()).unwrap_or(0);
    format!(
        "{} {} {}",
        date.day(),
        NAMES.get(index).copied().unwrap_or("?"),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_its_name() {
        let names: Vec<String> = RulesVersion::ALL
            .into_iter()
            .map(|rules| rules.name().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "Mexico test, 2021",
                "Conversations, Feb 2022 – May 2023",
                "Conversations by category, Jun 2023 – Oct 2024",
                "Conversations, free service, Nov 2024 – Jun 2025",
                "Per message, Jul 2025 – Sep 2026",
                "Per message, from Oct 2026",
            ]
        );
    }

    #[test]
    fn a_name_is_data_with_its_english() {
        let json = serde_json::to_value(RulesVersion::Pmp2025_07.name()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "model": "per_message", "from": "2025-07", "to": "2026-09",
                "english": "Per message, Jul 2025 – Sep 2026" })
        );
        let back: ModelName = serde_json::from_value(json).unwrap();
        assert_eq!(back, RulesVersion::Pmp2025_07.name());
        assert_eq!(
            serde_json::to_value(RulesVersion::Pmp2026_10.name()).unwrap()["to"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn versions_follow_one_another() {
        assert_eq!(
            RulesVersion::Pmp2026_10.previous(),
            Some(RulesVersion::Pmp2025_07)
        );
        assert_eq!(RulesVersion::Mx2021_02.previous(), None);
        assert_eq!(
            RulesVersion::Mx2021_02.next(),
            Some(RulesVersion::Cbp2022_02)
        );
        assert_eq!(RulesVersion::Pmp2026_10.next(), None);
        assert_eq!(
            RulesVersion::Cbp2023_06.last_day().map(|d| d.to_string()),
            Some("2024-10-31".to_string())
        );
        assert_eq!(
            long_date(RulesVersion::Pmp2026_10.first_day()),
            "1 October 2026"
        );
    }
}
