//! Billing settings: what the log itself does not say (the WABA's timezone and currency, which
//! rules and card to price with, where the business is).

use super::zone::Zone;
use crate::scenario::RulesVersion;
use crate::Catalog;
use chrono::{DateTime, NaiveDate};
use serde::Deserialize;

/// Which rules price a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RulesChoice {
    /// The era in force on the message's local date (with the CBP2-11 carry-over).
    Auto,
    /// One era for every message, to see the same log under another model.
    Fixed(RulesVersion),
}

/// Which rate card prices a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardChoice {
    /// The card in force on the message's local date: a month can straddle two cards.
    Auto,
    Fixed(NaiveDate),
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub zone: Zone,
    pub currency: String,
    pub rules: RulesChoice,
    pub rate_card: CardChoice,
    /// ISO alpha-2 of the business's primary location (pricing-rules AI-1 b).
    pub business_country: Option<String>,
    /// Start of authentication-international billing, nanoseconds since the epoch (AI-1 c).
    pub auth_international_from: Option<i64>,
    /// Monthly free conversations of the Mexico test (MX-4: 1,000 and 1,500 both circulate; the
    /// estimator's default is 1,500).
    pub free_conversations_mx: u64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            zone: Zone::utc(),
            currency: "USD".to_string(),
            rules: RulesChoice::Auto,
            rate_card: CardChoice::Auto,
            business_country: None,
            auth_international_from: None,
            free_conversations_mx: 1500,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    timezone: Option<String>,
    currency: Option<String>,
    rules: Option<String>,
    rate_card: Option<String>,
    business_country: Option<String>,
    auth_international_from: Option<String>,
    free_conversations: Option<u64>,
}

impl Settings {
    /// Reads settings JSON; every bad field is reported with its name and value.
    pub fn from_json(text: &str, catalog: &Catalog) -> Result<Settings, Vec<String>> {
        let raw: RawSettings =
            serde_json::from_str(text).map_err(|e| vec![format!("settings: {e}")])?;
        let mut settings = Settings::default();
        let mut errors = Vec::new();
        if let Some(tz) = raw.timezone {
            match Zone::parse(&tz) {
                Ok(zone) => settings.zone = zone,
                Err(e) => errors.push(format!("timezone: {e}")),
            }
        }
        if let Some(currency) = raw.currency {
            settings.currency = currency.trim().to_ascii_uppercase();
        }
        if let Some(rules) = raw.rules {
            match settings.set_rules(&rules) {
                Ok(()) => {}
                Err(e) => errors.push(e),
            }
        }
        if let Some(card) = raw.rate_card {
            if let Err(e) = settings.set_rate_card(&card) {
                errors.push(e);
            }
        }
        if let Some(country) = raw.business_country {
            let c = country.trim().to_ascii_uppercase();
            if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) {
                settings.business_country = Some(c);
            } else {
                errors.push(format!(
                    "business_country: `{country}` is not an ISO 3166-1 alpha-2 code (e.g. GB)"
                ));
            }
        }
        if let Some(from) = raw.auth_international_from {
            match DateTime::parse_from_rfc3339(from.trim()) {
                Ok(t) => settings.auth_international_from = t.timestamp_nanos_opt(),
                Err(_) => errors.push(format!(
                    "auth_international_from: `{from}` is not an RFC 3339 time with offset (e.g. 2026-10-01T00:00:00Z)"
                )),
            }
        }
        if let Some(n) = raw.free_conversations {
            settings.free_conversations_mx = n;
        }
        if let Err(e) = settings.check(catalog) {
            errors.push(e);
        }
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(errors)
        }
    }

    /// `auto` or a rules version name.
    pub fn set_rules(&mut self, text: &str) -> Result<(), String> {
        self.rules = match text.trim() {
            "auto" => RulesChoice::Auto,
            other => RulesChoice::Fixed(other.parse::<RulesVersion>().ok().ok_or_else(|| {
                format!(
                    "rules: `{text}` is not `auto` or one of {}",
                    RulesVersion::ALL.map(RulesVersion::as_str).join(", ")
                )
            })?),
        };
        Ok(())
    }

    /// `auto` or a card date `YYYY-MM-DD`.
    pub fn set_rate_card(&mut self, text: &str) -> Result<(), String> {
        self.rate_card = match text.trim() {
            "auto" => CardChoice::Auto,
            other => CardChoice::Fixed(crate::date::parse_date(other).ok_or_else(|| {
                format!("rate_card: `{text}` is not `auto` or a date YYYY-MM-DD")
            })?),
        };
        Ok(())
    }

    /// Checks what needs the catalog: a fixed card must exist in the currency.
    pub fn check(&self, catalog: &Catalog) -> Result<(), String> {
        if !catalog.currencies().contains(&self.currency.as_str()) {
            return Err(format!(
                "currency: `{}` has no rate card (known: {})",
                self.currency,
                catalog.currencies().join(", ")
            ));
        }
        if let CardChoice::Fixed(date) = self.rate_card {
            if catalog.card(&self.currency, date).is_none() {
                return Err(format!(
                    "rate_card: no {} card took effect on {date}",
                    self.currency
                ));
            }
        }
        Ok(())
    }
}
