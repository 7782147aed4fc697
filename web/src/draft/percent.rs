//! The page's percent fields. The scenario, links, the command line and the widget keep the
//! fractions of the scenario (`"markup": "0.10"`); the page's markup and share fields read and
//! write percents (`10`), through core's percent reader and writer. The draft keeps the
//! fraction, so a link means the same in every language and an old link opens as `10`; a text
//! the percent reader refuses is kept as typed, beside its error, and prices nothing.

use super::Draft;
use rust_decimal::Decimal;
use wacost_core::locale::Locale;
use wacost_core::percent::{percent_text, read_percent, PercentError};
use wacost_core::scenario::Setting;

/// The settings the page shows as percents.
pub const PERCENT_SETTINGS: [Setting; 3] = [
    Setting::BspMarkup,
    Setting::UtilityInWindow,
    Setting::EntryPoint,
];

pub fn is_percent(setting: Setting) -> bool {
    PERCENT_SETTINGS.contains(&setting)
}

impl Draft {
    /// Sets a percent field from what the user typed in `locale`: its fraction when it reads,
    /// else the text as typed, marked so it is sent as it is and named beside the field.
    pub fn set_percent(&mut self, setting: Setting, typed: &str, locale: Locale) {
        self.percent_typed.retain(|(s, _)| *s != setting);
        if typed.trim().is_empty() {
            self.set(setting, "");
            return;
        }
        match read_percent(typed, locale) {
            Ok(fraction) => self.set(setting, &fraction.to_string()),
            Err(_) => {
                self.set(setting, typed);
                self.percent_typed.push((setting, typed.to_string()));
            }
        }
    }

    /// The field's text: the percent of the kept fraction in `locale` (`0.10` → `10`), or the
    /// text as typed when it is no percent (or, from a link, no fraction).
    pub fn percent_shown(&self, setting: Setting, locale: Locale) -> String {
        let value = self.get(setting);
        if self.percent_typed.iter().any(|(s, _)| *s == setting) {
            return value.to_string();
        }
        match Decimal::from_str_exact(value.trim()) {
            Ok(fraction) => percent_text(fraction, locale),
            Err(_) => value.to_string(),
        }
    }

    /// Why the typed percent of `setting` is refused, if it is.
    pub fn percent_problem(&self, setting: Setting, locale: Locale) -> Option<PercentError> {
        let (_, typed) = self.percent_typed.iter().find(|(s, _)| *s == setting)?;
        read_percent(typed, locale).err()
    }

    /// Whether a typed percent is refused: the draft then prices nothing.
    pub fn has_bad_percent(&self) -> bool {
        !self.percent_typed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_percent_is_kept_as_its_fraction_and_shown_in_the_language() {
        let mut draft = Draft::empty();
        draft.set_percent(Setting::BspMarkup, "10", Locale::En);
        assert_eq!(draft.get(Setting::BspMarkup), "0.10");
        assert_eq!(draft.percent_shown(Setting::BspMarkup, Locale::En), "10");
        draft.set_percent(Setting::BspMarkup, "12,5 %", Locale::Fr);
        assert_eq!(draft.get(Setting::BspMarkup), "0.125");
        assert_eq!(draft.percent_shown(Setting::BspMarkup, Locale::Fr), "12,5");
        assert_eq!(draft.percent_shown(Setting::BspMarkup, Locale::En), "12.5");
        assert!(draft.to_json(Locale::En).contains(r#""markup":"0.125""#));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_refused_percent_stays_as_typed_with_its_problem() {
        let mut draft = Draft::empty();
        draft.set_percent(Setting::EntryPoint, "1,5", Locale::En);
        assert_eq!(draft.percent_shown(Setting::EntryPoint, Locale::En), "1,5");
        assert!(draft.has_bad_percent());
        assert!(draft
            .percent_problem(Setting::EntryPoint, Locale::En)
            .is_some());
        // Sent as typed: never read as the decimal 1.5 (150 %).
        assert!(draft.to_json(Locale::En).contains(r#""entry_point":"1,5""#));
        draft.set_percent(Setting::EntryPoint, "1.5", Locale::En);
        assert!(!draft.has_bad_percent());
        assert_eq!(draft.get(Setting::EntryPoint), "0.015");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn an_old_link_fraction_opens_as_its_percent() {
        let draft = Draft::from_json(r#"{"month":"2026-11","bsp":{"markup":"0.10"}}"#).unwrap();
        assert_eq!(draft.percent_shown(Setting::BspMarkup, Locale::En), "10");
        assert!(draft.to_json(Locale::En).contains(r#""markup":"0.10""#));
    }
}
