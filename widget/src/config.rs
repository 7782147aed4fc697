//! The widget's settings, read from `data-*` attributes or from the object given to
//! `wacost.mount`. Syntax is checked here (so an unknown or misspelt attribute is named, not
//! ignored); values the estimator owns (month, rules, fees) are checked by the core itself
//! and mapped back to the attribute that carried them (see `outcome.rs`).

use crate::i18n::Lang;
use wacost_core::Catalog;

/// Every setting, by its `dataset` (camelCase) name, with what it holds. The README's table
/// is written from this list.
pub const KNOWN: [(&str, &str); 12] = [
    (
        "countries",
        "comma-separated ISO 3166-1 alpha-2 codes, one input row each (default IN)",
    ),
    (
        "currency",
        "billing currency of the rate card (default USD)",
    ),
    ("month", "billing month YYYY-MM (default the current month)"),
    (
        "rules",
        "rules version, e.g. pmp-2026-10 (default the rules in force in the month)",
    ),
    (
        "rateCard",
        "effective date of the card, YYYY-MM-DD (default the card in force)",
    ),
    ("lang", "en, fr, es or pt-BR (default en)"),
    ("bspPerMessage", "provider fee per charged message"),
    (
        "bspMarkup",
        "provider markup as a fraction of Meta's charge (0.10 = 10%)",
    ),
    ("bspMonthly", "provider's fixed monthly fee"),
    ("bspPerNumber", "provider's monthly fee per phone number"),
    (
        "phoneNumbers",
        "business phone numbers sending service traffic (default 1)",
    ),
    ("theme", "light or dark (default light)"),
];

/// Where the settings came from, so messages name what the integrator actually wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Attributes,
    Script,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub source: Source,
    pub countries: Vec<String>,
    pub currency: String,
    pub month: String,
    pub rules: Option<String>,
    pub rate_card: Option<String>,
    pub lang: Lang,
    pub theme: Theme,
    pub bsp_per_message: Option<String>,
    pub bsp_markup: Option<String>,
    pub bsp_monthly: Option<String>,
    pub bsp_per_number: Option<String>,
    pub phone_numbers: Option<String>,
}

/// A setting the widget cannot use, named as the integrator wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub setting: String,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.setting, self.message)
    }
}

/// `bsp-per-message` and `bspPerMessage` name the same setting.
pub fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '-' || c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// How a setting is shown in messages: `data-bsp-per-message` on an element, `bspPerMessage`
/// in a script's config object.
pub fn label(source: Source, camel: &str) -> String {
    match source {
        Source::Script => camel.to_string(),
        Source::Attributes => {
            let mut out = String::from("data-");
            for c in camel.chars() {
                if c.is_ascii_uppercase() {
                    out.push('-');
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.push(c);
                }
            }
            out
        }
    }
}

impl Config {
    /// Reads settings given as (name, text) pairs. Every problem is reported, not just the
    /// first, and a widget with any problem shows them instead of a guess.
    pub fn parse(
        entries: &[(String, String)],
        source: Source,
        current_month: &str,
    ) -> Result<Config, Vec<ConfigError>> {
        let mut errors = Vec::new();
        let mut config = Config {
            source,
            countries: vec!["IN".into()],
            currency: "USD".into(),
            month: current_month.into(),
            rules: None,
            rate_card: None,
            lang: Lang::En,
            theme: Theme::Light,
            bsp_per_message: None,
            bsp_markup: None,
            bsp_monthly: None,
            bsp_per_number: None,
            phone_numbers: None,
        };
        let mut fail = |camel: &str, message: String| {
            errors.push(ConfigError {
                setting: label(source, camel),
                message,
            })
        };
        for (raw_key, raw_value) in entries {
            let key = camel_case(raw_key.trim());
            let value = raw_value.trim().to_string();
            let optional = || (!value.is_empty()).then(|| value.clone());
            match key.as_str() {
                // The marker attribute itself, and what the widget sets on its host.
                "wacostWidget" | "wacostMounted" => {}
                "countries" => match countries(&value) {
                    Ok(list) => config.countries = list,
                    Err(message) => fail(&key, message),
                },
                "currency" => {
                    let code = value.to_ascii_uppercase();
                    let known = Catalog::builtin().currencies();
                    if known.contains(&code.as_str()) {
                        config.currency = code;
                    } else {
                        fail(
                            &key,
                            format!(
                                "no rate card in \"{value}\"; use one of {}",
                                known.join(", ")
                            ),
                        );
                    }
                }
                "month" => {
                    if !value.is_empty() {
                        config.month = value.clone();
                    }
                }
                "rules" => config.rules = optional(),
                "rateCard" => config.rate_card = optional(),
                "lang" => match Lang::parse(&value) {
                    Some(lang) => config.lang = lang,
                    None => fail(
                        &key,
                        format!("\"{value}\" is not a supported language; use en, fr, es or pt-BR"),
                    ),
                },
                "theme" => match value.to_ascii_lowercase().as_str() {
                    "" | "light" => config.theme = Theme::Light,
                    "dark" => config.theme = Theme::Dark,
                    _ => fail(
                        &key,
                        format!("\"{value}\" is not a theme; use light or dark"),
                    ),
                },
                "bspPerMessage" => config.bsp_per_message = optional(),
                "bspMarkup" => config.bsp_markup = optional(),
                "bspMonthly" => config.bsp_monthly = optional(),
                "bspPerNumber" => config.bsp_per_number = optional(),
                "phoneNumbers" => config.phone_numbers = optional(),
                _ => {
                    let known: Vec<String> =
                        KNOWN.iter().map(|(name, _)| label(source, name)).collect();
                    fail(
                        &key,
                        format!("unknown setting; the widget reads {}", known.join(", ")),
                    )
                }
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }
}

/// `IN, br,GB` → `["IN", "BR", "GB"]`; refuses anything that is not two letters, and repeats
/// (two rows for one country would be summed silently by the estimator).
fn countries(text: &str) -> Result<Vec<String>, String> {
    let mut list: Vec<String> = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let code = item.to_ascii_uppercase();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "\"{item}\" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. IN)"
            ));
        }
        if list.contains(&code) {
            return Err(format!("{code} is listed twice"));
        }
        list.push(code);
    }
    if list.is_empty() {
        return Err("list at least one country, e.g. IN,BR".into());
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn attributes_are_read_with_defaults_for_the_rest() {
        let config = Config::parse(
            &entries(&[
                ("wacostWidget", ""),
                ("countries", "in, br,GB"),
                ("bspPerMessage", "0.005"),
                ("lang", "pt-br"),
            ]),
            Source::Attributes,
            "2026-11",
        )
        .unwrap();
        assert_eq!(config.countries, ["IN", "BR", "GB"]);
        assert_eq!(config.currency, "USD");
        assert_eq!(config.month, "2026-11");
        assert_eq!(config.lang, Lang::PtBr);
        assert_eq!(config.bsp_per_message.as_deref(), Some("0.005"));
        assert_eq!(config.theme, Theme::Light);
    }

    #[test]
    fn every_bad_setting_is_named_as_written() {
        let errors = Config::parse(
            &entries(&[
                ("countries", "IN,India"),
                ("colour", "red"),
                ("lang", "de"),
                ("currency", "XYZ"),
            ]),
            Source::Attributes,
            "2026-11",
        )
        .unwrap_err();
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown[0], "data-countries: \"India\" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. IN)");
        assert!(
            shown[1].starts_with(
                "data-colour: unknown setting; the widget reads data-countries, data-currency,"
            ),
            "{}",
            shown[1]
        );
        assert_eq!(
            shown[2],
            "data-lang: \"de\" is not a supported language; use en, fr, es or pt-BR"
        );
        assert!(
            shown[3].starts_with("data-currency: no rate card in \"XYZ\"; use one of USD,"),
            "{}",
            shown[3]
        );
    }

    #[test]
    fn script_config_uses_its_own_key_names() {
        let errors = Config::parse(
            &entries(&[("bsp-per-message", "0.1"), ("themes", "dark")]),
            Source::Script,
            "2026-11",
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].setting, "themes");
        assert_eq!(
            label(Source::Attributes, "bspPerMessage"),
            "data-bsp-per-message"
        );
    }

    #[test]
    fn repeated_or_empty_country_lists_are_refused() {
        for (text, message) in [
            ("IN,in", "IN is listed twice"),
            (" , ", "list at least one country, e.g. IN,BR"),
        ] {
            let errors = Config::parse(
                &entries(&[("countries", text)]),
                Source::Attributes,
                "2026-11",
            )
            .unwrap_err();
            assert_eq!(errors[0].message, message);
        }
    }
}
