//! Billing settings: what the log itself does not say (the WABA's timezone and currency, which
//! rules and card to price with, where the business is).

use super::error::{Origin, Setting, SettingError, SettingErrorKind};
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
    /// ISO alpha-2 of the business's primary location (docs/rules.md AI-1).
    pub business_country: Option<String>,
    /// Start of authentication-international billing, nanoseconds since the epoch (AI-1 c).
    pub auth_international_from: Option<i64>,
    /// Monthly free conversations of the Mexico test (MX-4: 1,000 and 1,500 both circulate; the
    /// estimator's default is 1,500).
    pub free_conversations_mx: u64,
    /// Where the settings `check` looks at came from, so its errors say so.
    origins: Origins,
}

#[derive(Debug, Clone, Copy, Default)]
struct Origins {
    currency: Origin,
    rate_card: Origin,
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
            origins: Origins::default(),
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

fn error(setting: Setting, origin: Origin, value: &str, kind: SettingErrorKind) -> SettingError {
    SettingError {
        setting,
        origin,
        value: value.to_string(),
        kind,
    }
}

impl Settings {
    /// Reads settings JSON; every bad field is reported with its name and value.
    pub fn from_json(text: &str, catalog: &Catalog) -> Result<Settings, Vec<SettingError>> {
        let raw: RawSettings = serde_json::from_str(text).map_err(|e| {
            vec![error(
                Setting::Document,
                Origin::Json,
                "",
                SettingErrorKind::Json {
                    message: e.to_string(),
                    line: e.line(),
                    column: e.column(),
                },
            )]
        })?;
        let mut settings = Settings::default();
        let mut errors = Vec::new();
        let mut keep = |result: Result<(), SettingError>| {
            if let Err(mut e) = result {
                e.origin = Origin::Json;
                errors.push(e);
            }
        };
        if let Some(tz) = raw.timezone {
            keep(settings.set_timezone(&tz));
        }
        if let Some(currency) = raw.currency {
            settings.set_currency(&currency);
        }
        if let Some(rules) = raw.rules {
            keep(settings.set_rules(&rules));
        }
        if let Some(card) = raw.rate_card {
            keep(settings.set_rate_card(&card));
        }
        if let Some(country) = raw.business_country {
            keep(settings.set_business_country(&country));
        }
        if let Some(from) = raw.auth_international_from {
            keep(settings.set_auth_international_from(&from));
        }
        if let Some(n) = raw.free_conversations {
            settings.free_conversations_mx = n;
        }
        settings.origins = Origins::default();
        keep(settings.check(catalog));
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(errors)
        }
    }

    /// An IANA name or a fixed offset.
    pub fn set_timezone(&mut self, text: &str) -> Result<(), SettingError> {
        self.zone = Zone::parse(text).map_err(|e| {
            error(
                Setting::Timezone,
                Origin::Value,
                &e.value,
                SettingErrorKind::Timezone(e.kind),
            )
        })?;
        Ok(())
    }

    /// A currency code; whether it has cards is for `check` to say.
    pub fn set_currency(&mut self, text: &str) {
        self.currency = text.trim().to_ascii_uppercase();
        self.origins.currency = Origin::Value;
    }

    /// `auto` or a rules version name.
    pub fn set_rules(&mut self, text: &str) -> Result<(), SettingError> {
        self.rules = match text.trim() {
            "auto" => RulesChoice::Auto,
            other => RulesChoice::Fixed(other.parse::<RulesVersion>().map_err(|_| {
                error(
                    Setting::Rules,
                    Origin::Value,
                    text,
                    SettingErrorKind::UnknownRules {
                        known: RulesVersion::ALL.map(RulesVersion::as_str).to_vec(),
                    },
                )
            })?),
        };
        Ok(())
    }

    /// `auto` or a card date `YYYY-MM-DD`.
    pub fn set_rate_card(&mut self, text: &str) -> Result<(), SettingError> {
        self.rate_card = match text.trim() {
            "auto" => CardChoice::Auto,
            other => CardChoice::Fixed(crate::date::parse_date(other).ok_or_else(|| {
                error(
                    Setting::RateCard,
                    Origin::Value,
                    text,
                    SettingErrorKind::NotACardDate,
                )
            })?),
        };
        self.origins.rate_card = Origin::Value;
        Ok(())
    }

    /// ISO 3166-1 alpha-2, any case.
    pub fn set_business_country(&mut self, text: &str) -> Result<(), SettingError> {
        let c = text.trim().to_ascii_uppercase();
        if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) {
            self.business_country = Some(c);
            Ok(())
        } else {
            Err(error(
                Setting::BusinessCountry,
                Origin::Value,
                text,
                SettingErrorKind::NotACountry,
            ))
        }
    }

    /// An RFC 3339 time with offset.
    pub fn set_auth_international_from(&mut self, text: &str) -> Result<(), SettingError> {
        match DateTime::parse_from_rfc3339(text.trim()) {
            Ok(t) => {
                // Before 1677 or after 2262 there are no nanoseconds in 64 bits: refused, never
                // read as "no start" (which would switch international billing off).
                let nanos = t.timestamp_nanos_opt().ok_or_else(|| {
                    error(
                        Setting::AuthInternationalFrom,
                        Origin::Value,
                        text,
                        SettingErrorKind::TimeOutOfRange,
                    )
                })?;
                self.auth_international_from = Some(nanos);
                Ok(())
            }
            Err(_) => Err(error(
                Setting::AuthInternationalFrom,
                Origin::Value,
                text,
                SettingErrorKind::NotATime,
            )),
        }
    }

    /// Checks what needs the catalog: a fixed card must exist in the currency.
    pub fn check(&self, catalog: &Catalog) -> Result<(), SettingError> {
        if !catalog.currencies().contains(&self.currency.as_str()) {
            return Err(error(
                Setting::Currency,
                self.origins.currency,
                &self.currency,
                SettingErrorKind::UnknownCurrency {
                    known: catalog.currencies(),
                },
            ));
        }
        if let CardChoice::Fixed(date) = self.rate_card {
            if catalog.card(&self.currency, date).is_none() {
                return Err(error(
                    Setting::RateCard,
                    self.origins.rate_card,
                    &date.to_string(),
                    SettingErrorKind::NoSuchCard {
                        currency: self.currency.clone(),
                        date,
                    },
                ));
            }
        }
        Ok(())
    }
}
