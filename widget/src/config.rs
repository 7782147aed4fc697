//! The widget's settings, read from `data-*` attributes or from the object given to
//! `wacost.mount`. Syntax is checked here (so an unknown or misspelt attribute is named, not
//! ignored); values the estimator owns (month, rules, fees) are checked by the core itself
//! and mapped back to the attribute that carried them (see `outcome.rs`).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::i18n::{Lang, Problem};
use wacost_core::scenario::Setting;
use wacost_core::{currency_data_file, currency_data_files, Catalog};

/// A setting the widget reads: one of its own, or one of the scenario's, named by its path in
/// camelCase (`bsp.per_message` → `bspPerMessage`) and passed to the core as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// The widget's own: its `dataset` name and what it holds.
    Own(&'static str, &'static str),
    /// A scenario setting, with the widget's own description where the schema's does not fit
    /// (the widget has a default month, the scenario none).
    Scenario(Setting, Option<&'static str>),
}

impl Known {
    /// The `dataset` (camelCase) name.
    pub fn name(self) -> String {
        match self {
            Known::Own(name, _) => name.to_string(),
            Known::Scenario(setting, _) => camel_case(&setting.path_text().replace('.', "_")),
        }
    }

    /// What the setting holds, for the reference of attributes.
    pub fn about(self) -> String {
        match self {
            Known::Own(_, about) => about.to_string(),
            Known::Scenario(_, Some(about)) => about.to_string(),
            Known::Scenario(setting, None) => {
                let spec = setting.spec();
                match spec.default {
                    Some(default) => format!("{} (default {default})", spec.about),
                    None => spec.about.to_string(),
                }
            }
        }
    }
}

/// Every setting, in the order the widget's messages list them. The README's table is written
/// from this list.
pub const KNOWN: [Known; 17] = [
    Known::Own(
        "countries",
        "comma-separated ISO 3166-1 alpha-2 codes, one input row each (default IN); `*` (alone or in the list) lets visitors add and remove countries",
    ),
    Known::Scenario(Setting::Currency, None),
    Known::Scenario(
        Setting::Month,
        Some("billing month YYYY-MM (default the current month)"),
    ),
    Known::Scenario(Setting::Rules, None),
    Known::Scenario(Setting::RateCard, None),
    Known::Own("lang", "en, fr, es or pt-BR (default en)"),
    Known::Scenario(Setting::BspPerMessage, None),
    Known::Scenario(Setting::BspMarkup, None),
    Known::Scenario(Setting::BspMonthly, None),
    Known::Scenario(Setting::BspPerNumber, None),
    Known::Scenario(Setting::PhoneNumbers, None),
    Known::Own("theme", "light or dark (default light)"),
    Known::Scenario(Setting::BspPerMessageOn, None),
    Known::Own(
        "feeLabel",
        "your name for the provider fees line, e.g. Acme fees (at most 40 characters; default Provider fees in the widget's language)",
    ),
    Known::Own(
        "ctaLabel",
        "text of a call-to-action button under the total (at most 40 characters; default Get started in the widget's language)",
    ),
    Known::Own(
        "ctaHref",
        "where the call-to-action leads (https:, http:, mailto: or a path); the `wacost:cta` event fires first and can cancel it",
    ),
    Known::Own(
        "showRates",
        "true to show each market's price per message per category under the breakdown (default false)",
    ),
];

/// The scenario's settings the widget leaves at the core's defaults: a setting added to the
/// core's schema must be offered (in `KNOWN`) or listed here, or the widget's test fails.
pub const NOT_OFFERED: [Setting; 10] = [
    Setting::BusinessCountry,
    Setting::AuthInternational,
    Setting::Wabas,
    Setting::UtilityInWindow,
    Setting::EntryPoint,
    Setting::FreeConversations,
    Setting::PerConversationMarketing,
    Setting::PerConversationUtility,
    Setting::PerConversationAuthentication,
    Setting::PerConversationService,
];

/// The scenario setting a `dataset` name carries, if it carries one.
pub fn scenario_setting(camel: &str) -> Option<Setting> {
    KNOWN.into_iter().find_map(|known| match known {
        Known::Scenario(setting, _) if known.name() == camel => Some(setting),
        _ => None,
    })
}

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
    /// The rows the widget starts with.
    pub countries: Vec<String>,
    /// Whether the visitor may add and remove countries (`*` in `countries`).
    pub pick: bool,
    /// The provider's name for its fees line.
    pub fee_label: Option<String>,
    pub cta_label: Option<String>,
    pub cta_href: Option<String>,
    pub show_rates: bool,
    pub currency: String,
    pub month: String,
    pub lang: Lang,
    pub theme: Theme,
    /// The other scenario settings given, as written: the core judges them.
    pub passed: Vec<(Setting, String)>,
}

impl Config {
    /// A scenario setting as given, if given.
    pub fn value(&self, setting: Setting) -> Option<&str> {
        self.passed
            .iter()
            .find(|(s, _)| *s == setting)
            .map(|(_, value)| value.as_str())
    }
}

/// A setting the widget cannot use, named as the integrator wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub setting: String,
    pub problem: Problem,
}

impl ConfigError {
    /// The problem in `lang`, after the setting as written.
    pub fn say(&self, lang: Lang) -> String {
        format!("{}: {}", self.setting, self.problem.say(lang))
    }
}

/// English, for the console.
impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

/// The language the settings ask for, read before the rest so every other problem is said in
/// it; English when it is missing or not one of the four.
pub fn language_of(entries: &[(String, String)]) -> Lang {
    entries
        .iter()
        .find(|(key, _)| camel_case(key.trim()) == "lang")
        .and_then(|(_, value)| Lang::parse(value))
        .unwrap_or(Lang::En)
}

/// Labels longer than this would wrap a 360 px widget's button onto three lines.
pub const LABEL_MAX: usize = 40;

fn label_text(value: &str) -> Result<Option<String>, Problem> {
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > LABEL_MAX {
        return Err(Problem::LabelTooLong {
            value: value.to_string(),
            max: LABEL_MAX,
        });
    }
    Ok(Some(value.to_string()))
}

/// An address a visitor may safely be sent to: `https:`, `http:`, `mailto:` or relative (no
/// scheme). `javascript:` and `data:` are refused, as is whitespace inside.
fn link(value: &str) -> Result<Option<String>, Problem> {
    if value.is_empty() {
        return Ok(None);
    }
    let lower = value.to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']);
    let has_scheme = match (scheme_end, path_start) {
        (Some(colon), Some(slash)) => colon < slash,
        (Some(_), None) => true,
        (None, _) => false,
    };
    let allowed = ["https:", "http:", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    if value.chars().any(char::is_whitespace) || (has_scheme && !allowed) {
        return Err(Problem::NotALink(value.to_string()));
    }
    Ok(Some(value.to_string()))
}

fn yes_no(value: &str) -> Result<bool, Problem> {
    match value.to_ascii_lowercase().as_str() {
        "" | "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" => Ok(false),
        _ => Err(Problem::NotAYesNo(value.to_string())),
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
            pick: false,
            fee_label: None,
            cta_label: None,
            cta_href: None,
            show_rates: false,
            currency: "USD".into(),
            month: current_month.into(),
            lang: language_of(entries),
            theme: Theme::Light,
            passed: Vec::new(),
        };
        for (raw_key, raw_value) in entries {
            let key = camel_case(raw_key.trim());
            if let Err(problem) = config.read(&key, raw_value.trim()) {
                errors.push(ConfigError {
                    setting: label(source, &key),
                    problem,
                });
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// Reads one setting by its `dataset` name; the problem in words when it cannot be used.
    fn read(&mut self, key: &str, value: &str) -> Result<(), Problem> {
        match key {
            // The marker attribute itself, and what the loader sets on its host.
            "wacostWidget" | "wacostMounted" | "wacostLoading" => {}
            "countries" => (self.countries, self.pick) = countries(value)?,
            "currency" => {
                let code = value.to_ascii_uppercase();
                // A currency with a data bundle (fetched by the loader), or with cards built in
                // (native tests).
                if currency_data_file(&code).is_none()
                    && Catalog::builtin().has_currency(&code).is_err()
                {
                    let known = currency_data_files()
                        .iter()
                        .map(|(currency, _)| currency.to_string())
                        .collect();
                    return Err(Problem::UnknownCurrency { got: code, known });
                }
                self.currency = code;
            }
            "feeLabel" => self.fee_label = label_text(value)?,
            "ctaLabel" => self.cta_label = label_text(value)?,
            "ctaHref" => self.cta_href = link(value)?,
            "showRates" => self.show_rates = yes_no(value)?,
            "month" => {
                if !value.is_empty() {
                    self.month = value.to_string();
                }
            }
            "lang" => {
                self.lang = Lang::parse(value).ok_or_else(|| Problem::Language(value.into()))?
            }
            "theme" => {
                self.theme = match value.to_ascii_lowercase().as_str() {
                    "" | "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => return Err(Problem::Theme(value.into())),
                }
            }
            _ => match scenario_setting(key) {
                Some(setting) => {
                    self.passed.retain(|(s, _)| *s != setting);
                    if !value.is_empty() {
                        self.passed.push((setting, value.to_string()));
                    }
                }
                None => {
                    let known: Vec<String> = KNOWN
                        .iter()
                        .map(|known| label(self.source, &known.name()))
                        .collect();
                    return Err(Problem::Unknown { known });
                }
            },
        }
        Ok(())
    }
}

/// `IN, br,GB` → `["IN", "BR", "GB"]`, and whether `*` lets the visitor choose (`*` alone
/// starts from India); refuses anything that is not two letters, and repeats (two rows for
/// one country would be summed silently by the estimator).
fn countries(text: &str) -> Result<(Vec<String>, bool), Problem> {
    let mut list: Vec<String> = Vec::new();
    let mut pick = false;
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if item == "*" {
            pick = true;
            continue;
        }
        let code = item.to_ascii_uppercase();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Problem::NotACountry(item.into()));
        }
        if list.contains(&code) {
            return Err(Problem::CountryTwice(code));
        }
        list.push(code);
    }
    match (list.is_empty(), pick) {
        (true, true) => Ok((vec!["IN".into()], true)),
        (true, false) => Err(Problem::NoCountry),
        (false, pick) => Ok((list, pick)),
    }
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
        assert_eq!(config.value(Setting::BspPerMessage), Some("0.005"));
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
            shown[3].starts_with("data-currency: no rate card in XYZ in this build (Meta publishes a card per currency and we never convert; cards exist for USD,"),
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

    /// Every scenario setting of the core's schema is offered or knowingly left out: a setting
    /// added to the schema fails here until the widget decides.
    #[test]
    fn every_scenario_setting_is_offered_or_left_out() {
        for setting in Setting::ALL {
            let offered = KNOWN
                .iter()
                .filter(|k| matches!(k, Known::Scenario(s, _) if *s == setting))
                .count();
            let left_out = NOT_OFFERED.iter().filter(|s| **s == setting).count();
            assert_eq!(offered + left_out, 1, "{setting:?}");
        }
        let names: Vec<String> = KNOWN.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            [
                "countries",
                "currency",
                "month",
                "rules",
                "rateCard",
                "lang",
                "bspPerMessage",
                "bspMarkup",
                "bspMonthly",
                "bspPerNumber",
                "phoneNumbers",
                "theme",
                "bspPerMessageOn",
                "feeLabel",
                "ctaLabel",
                "ctaHref",
                "showRates"
            ]
        );
        let about: Vec<String> = KNOWN.iter().map(|k| k.about()).collect();
        assert_eq!(about[1], "billing currency of the rate card (default USD)");
        assert_eq!(
            about[2],
            "billing month YYYY-MM (default the current month)"
        );
        assert_eq!(
            about[10],
            "business phone numbers sending service traffic (default 1)"
        );
        assert_eq!(scenario_setting("bspMarkup"), Some(Setting::BspMarkup));
        assert_eq!(scenario_setting("theme"), None);
    }

    #[test]
    fn repeated_or_empty_country_lists_are_refused() {
        for (text, message) in [
            ("IN,in", "IN is listed twice"),
            (
                " , ",
                "list at least one country, e.g. IN,BR (or * to let visitors choose)",
            ),
        ] {
            let errors = Config::parse(
                &entries(&[("countries", text)]),
                Source::Attributes,
                "2026-11",
            )
            .unwrap_err();
            assert_eq!(errors[0].problem.say(Lang::En), message);
        }
    }
}

#[cfg(test)]
mod provider_settings {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<Config, Vec<ConfigError>> {
        let entries: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::parse(&entries, Source::Attributes, "2026-11")
    }

    #[test]
    fn provider_settings_are_read() {
        let config = parse(&[
            ("countries", "IN,BR,*"),
            ("feeLabel", "Acme fees"),
            ("ctaLabel", "Start free trial"),
            ("ctaHref", "/signup?plan=pro"),
            ("showRates", ""),
            ("bspPerMessageOn", "delivered"),
        ])
        .unwrap();
        assert_eq!(config.countries, ["IN", "BR"]);
        assert!(config.pick);
        assert_eq!(config.fee_label.as_deref(), Some("Acme fees"));
        assert_eq!(config.cta_label.as_deref(), Some("Start free trial"));
        assert_eq!(config.cta_href.as_deref(), Some("/signup?plan=pro"));
        assert!(config.show_rates);
        assert_eq!(config.value(Setting::BspPerMessageOn), Some("delivered"));
        let star = parse(&[("countries", "*")]).unwrap();
        assert_eq!((star.countries, star.pick), (vec!["IN".to_string()], true));
    }

    #[test]
    fn bad_provider_settings_name_attribute_and_value_in_the_widget_language() {
        let errors = parse(&[
            ("lang", "fr"),
            ("ctaHref", "javascript:alert(1)"),
            ("showRates", "maybe"),
            (
                "feeLabel",
                "Acme Messaging platform and support fees, billed monthly",
            ),
        ])
        .unwrap_err();
        let said: Vec<String> = errors.iter().map(|e| e.say(Lang::Fr)).collect();
        assert_eq!(
            said,
            [
                "data-cta-href: « javascript:alert(1) » n'est pas un lien ; utilisez une adresse https: ou mailto: ou un chemin comme /signup",
                "data-show-rates: « maybe » n'est ni oui ni non ; utilisez true ou false",
                "data-fee-label: « Acme Messaging platform and support fees, billed monthly » dépasse 40 caractères",
            ]
        );
        assert_eq!(
            errors[1].to_string(),
            "data-show-rates: \"maybe\" is not yes or no; use true or false"
        );
        for good in [
            "https://acme.example/signup",
            "mailto:sales@acme.example",
            "signup.html",
            "#signup",
        ] {
            assert_eq!(link(good), Ok(Some(good.to_string())), "{good}");
        }
        for bad in ["data:text/html,x", "JavaScript:x", "https://a b"] {
            assert!(link(bad).is_err(), "{bad}");
        }
    }
}
