//! The destinations a visitor can choose, through the core's one destination search
//! (`wacost_core::destinations`: names in the four languages and short forms such as UK or
//! USA, ISO codes, calling codes, whole numbers), with country names from the browser's
//! `Intl.DisplayNames` in the widget's language. Only countries are offered: each widget row
//! is a country.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::i18n::Lang;
use chrono::NaiveDate;
use wacost_core::catalog::markets::MarketTable;
use wacost_core::destinations::{search, Destination, Names};
use wacost_core::Catalog;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub code: String,
    /// In the widget's language.
    pub name: String,
    pub calling_code: String,
    /// Meta's market, as the estimator names it.
    pub market: String,
    /// That market in the widget's language.
    pub market_name: String,
}

/// A country's name in the widget's language by ISO code, from outside the core.
type CountryNames = Box<dyn Fn(&str) -> Option<String>>;

/// The month's market table and how the widget's language names what is in it.
pub struct Places {
    lang: Lang,
    date: NaiveDate,
    table: &'static MarketTable,
    namer: CountryNames,
}

/// One widget's places are one month's in one language.
impl PartialEq for Places {
    fn eq(&self, other: &Places) -> bool {
        self.lang == other.lang && self.date == other.date
    }
}

/// How many matches the picker lists at once.
pub const SHOWN: usize = 8;

impl Places {
    pub fn of_month(lang: Lang, date: NaiveDate) -> Places {
        Places {
            lang,
            date,
            table: Catalog::builtin().market_table_on(date),
            namer: Box::new(local_names(lang)),
        }
    }

    fn names(&self) -> Names<'_> {
        Names::with(self.lang.locale(), &*self.namer)
    }

    /// A country's place; a code the table does not list is billed as `Other`, as the core
    /// prices it.
    pub fn get(&self, code: &str) -> Place {
        let names = self.names();
        let row = self.table.rows.iter().find(|r| r.iso2 == code);
        let market = row.map_or("Other", |r| r.market.as_str());
        Place {
            code: code.to_string(),
            name: names.country(self.table, code),
            calling_code: row.map(|r| r.calling_code.clone()).unwrap_or_default(),
            market: market.to_string(),
            market_name: names.market(self.table, market),
        }
    }

    /// A market (as the estimate names it) in the widget's language.
    pub fn market_name(&self, market: &str) -> String {
        self.names().market(self.table, market)
    }

    /// Up to `SHOWN` countries for what the visitor typed, best first; `skip` holds the codes
    /// already chosen.
    pub fn search(&self, query: &str, skip: &[String]) -> Vec<Place> {
        search(self.table, query, &self.names(), SHOWN + skip.len())
            .into_iter()
            .filter_map(|found| match found.destination {
                Destination::Country(code) if !skip.contains(&code) => Some(Place {
                    code,
                    name: found.name,
                    calling_code: found.calling_code,
                    market: found.market,
                    market_name: found.market_name,
                }),
                _ => None,
            })
            .take(SHOWN)
            .collect()
    }
}

/// Country names in `lang` from the browser; `None` where it has none (the core then uses its
/// own words, then Meta's English name).
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
        // English keeps Meta's names (the table's), as the page does.
        if lang == Lang::En {
            return None;
        }
        let (names, of) = names.as_ref()?;
        of.call1(names, &code.into()).ok()?.as_string()
    }
}

/// Natively (tests, tools) there is no browser: the core's words and Meta's names.
#[cfg(not(target_arch = "wasm32"))]
fn local_names(_lang: Lang) -> impl Fn(&str) -> Option<String> {
    |_code: &str| None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(lang: Lang) -> Places {
        Places::of_month(lang, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
    }

    fn codes(found: Vec<Place>) -> Vec<String> {
        found.into_iter().map(|p| p.code).collect()
    }

    #[test]
    fn countries_are_found_by_code_name_short_form_and_calling_code() {
        let p = places(Lang::En);
        assert_eq!(
            codes(p.search("in", &[])).first().map(String::as_str),
            Some("IN")
        );
        assert_eq!(codes(p.search("+91", &[])), ["IN"]);
        assert_eq!(codes(p.search("united k", &[])), ["GB"]);
        assert_eq!(
            codes(p.search("UK", &[])).first().map(String::as_str),
            Some("GB")
        );
        assert_eq!(codes(p.search("brazil", &["IN".into()])), ["BR"]);
        assert!(p.search("brazil", &["BR".into()]).is_empty());
        assert!(p.search("", &[]).is_empty());
        assert!(p.search("zzzz", &[]).is_empty());
        let india = p.get("IN");
        assert_eq!(
            (india.name.as_str(), india.market.as_str()),
            ("India", "India")
        );
        assert_eq!(p.get("ZZ").market, "Other");
    }

    #[test]
    fn names_are_in_the_widget_language_where_the_core_has_them() {
        let p = places(Lang::PtBr);
        assert_eq!(codes(p.search("alemanha", &[])), ["DE"]);
        assert_eq!(p.get("IN").name, "Índia");
    }
}
