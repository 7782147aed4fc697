//! The destinations a visitor can choose: every country of the month's market table, named
//! in the widget's language (the browser's `Intl.DisplayNames`; the table's English name
//! where the browser has none), found by name, ISO code or calling code. This is the one
//! place the widget looks countries up, so moving the search into the core swaps this module.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::i18n::Lang;
use chrono::NaiveDate;
use wacost_core::Catalog;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub code: String,
    /// In the widget's language.
    pub name: String,
    /// The table's English name, also searched.
    pub english: String,
    pub calling_code: String,
    pub market: String,
}

/// The month's countries, in the table's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Places {
    pub all: Vec<Place>,
}

/// How many matches the picker lists at once.
pub const SHOWN: usize = 8;

impl Places {
    pub fn of_month(lang: Lang, date: NaiveDate) -> Places {
        let names = local_names(lang);
        let all = Catalog::builtin()
            .market_table_on(date)
            .rows
            .iter()
            .map(|row| Place {
                code: row.iso2.clone(),
                name: names(&row.iso2).unwrap_or_else(|| row.country.clone()),
                english: row.country.clone(),
                calling_code: row.calling_code.clone(),
                market: row.market.clone(),
            })
            .collect();
        Places { all }
    }

    /// A country's place; a code the table does not list is billed as `Other`, as the core
    /// prices it.
    pub fn get(&self, code: &str) -> Place {
        self.all
            .iter()
            .find(|p| p.code == code)
            .cloned()
            .unwrap_or_else(|| Place {
                code: code.to_string(),
                name: code.to_string(),
                english: code.to_string(),
                calling_code: String::new(),
                market: "Other".into(),
            })
    }

    /// Up to `SHOWN` countries for what the visitor typed, best first: the exact ISO code,
    /// then names starting with the text, then names containing it; `+44` or `44` finds by
    /// calling code. `skip` holds the codes already chosen.
    pub fn search(&self, query: &str, skip: &[String]) -> Vec<&Place> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let digits: String = query.chars().filter(char::is_ascii_digit).collect();
        let by_number =
            query.starts_with('+') || (!digits.is_empty() && digits.len() == query.len());
        let wanted = fold(query);
        let mut scored: Vec<(u8, &Place)> = self
            .all
            .iter()
            .filter(|p| !skip.contains(&p.code))
            .filter_map(|p| {
                let score = if by_number {
                    (!digits.is_empty() && p.calling_code.starts_with(&digits))
                        .then_some(if p.calling_code == digits { 0 } else { 3 })?
                } else if p.code.eq_ignore_ascii_case(query) {
                    0
                } else {
                    let (name, english) = (fold(&p.name), fold(&p.english));
                    if name.starts_with(&wanted) || english.starts_with(&wanted) {
                        1
                    } else if name.contains(&wanted) || english.contains(&wanted) {
                        2
                    } else {
                        return None;
                    }
                };
                Some((score, p))
            })
            .collect();
        // Unstable: ties are broken by name, and the stable sort's code would cost the wasm 4 KB.
        scored.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        scored.into_iter().take(SHOWN).map(|(_, p)| p).collect()
    }
}

/// Lower case without the accents of the four languages, so `Perou` finds `Pérou`. Only the
/// letters of country names in en, fr, es and pt-BR are folded: the full Unicode case tables
/// would cost the widget's wasm about 4 KB for nothing here.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_ascii_lowercase() {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            other => other,
        })
        .collect()
}

/// Country names in `lang` from the browser.
#[cfg(target_arch = "wasm32")]
fn local_names(lang: Lang) -> impl Fn(&str) -> Option<String> {
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let names: Option<(JsValue, Function)> = (|| {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let make: Function = Reflect::get(&intl, &"DisplayNames".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let options = Object::new();
        Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
        let args = Array::of2(&Array::of1(&lang.tag().into()), &options);
        let names = Reflect::construct(&make, &args).ok()?;
        let of: Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
        Some((names, of))
    })();
    move |code: &str| {
        let (names, of) = names.as_ref()?;
        let name = of.call1(names, &code.into()).ok()?.as_string()?;
        // The browser echoes a code it cannot name.
        (name != code).then_some(name)
    }
}

/// Natively (tests, tools) there is no browser: the table's English names.
#[cfg(not(target_arch = "wasm32"))]
fn local_names(_lang: Lang) -> impl Fn(&str) -> Option<String> {
    |_code: &str| None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places() -> Places {
        Places::of_month(Lang::En, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
    }

    fn codes(found: Vec<&Place>) -> Vec<&str> {
        found.iter().map(|p| p.code.as_str()).collect()
    }

    #[test]
    fn countries_are_found_by_code_name_and_calling_code() {
        let p = places();
        assert_eq!(codes(p.search("in", &[])).first(), Some(&"IN"));
        assert_eq!(codes(p.search("+91", &[])), ["IN"]);
        assert_eq!(codes(p.search("united k", &[])), ["GB"]);
        assert_eq!(codes(p.search("brazil", &["IN".into()])), ["BR"]);
        assert!(p.search("brazil", &["BR".into()]).is_empty());
        assert!(p.search("", &[]).is_empty());
        assert!(p.search("zzzz", &[]).is_empty());
        // +44 is shared (GB, GG, IM, JE): all listed, the exact calling code first.
        let uk = p.search("+44", &[]);
        assert!(
            uk.len() >= 2 && uk.iter().all(|place| place.calling_code == "44"),
            "{uk:?}"
        );
        assert_eq!(p.get("IN").market, "India");
        assert_eq!(p.get("ZZ").market, "Other");
    }

    #[test]
    fn accents_do_not_matter() {
        assert_eq!(fold("Pérou"), "perou");
        assert_eq!(fold("SÃO TOMÉ"), "sao tome");
    }
}
