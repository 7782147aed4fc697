//! Country and market names in the page's language. Countries are named by the browser's
//! `Intl.DisplayNames` (every country in every language at no cost in bytes); core's
//! `destinations` adds Meta's regional market names in our words, the short forms people
//! type, and names of its own where the browser has none. English keeps Meta's own names,
//! the ones its rate cards and invoices use.

use wacost_core::destinations::Names;
use wacost_core::locale::Locale;

/// Runs `f` with the names of `locale`.
pub fn with_names<R>(locale: Locale, f: impl FnOnce(&Names) -> R) -> R {
    if locale == Locale::En {
        return f(&Names::ours(locale));
    }
    #[cfg(target_arch = "wasm32")]
    {
        let namer = move |iso: &str| browser::country_name(locale, iso);
        f(&Names::with(locale, &namer))
    }
    #[cfg(not(target_arch = "wasm32"))]
    f(&Names::ours(locale))
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wacost_core::locale::Locale;
    use wasm_bindgen::prelude::*;

    // Not js_sys::Intl::DisplayNames: its constructor does not catch, and a browser without
    // `Intl.DisplayNames` (Safari before 14.1) must fall back to core's names, not stop.
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
        type RegionNames;
        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
        fn new(locale: &str, options: &JsValue) -> Result<RegionNames, JsValue>;
        #[wasm_bindgen(method, catch)]
        fn of(this: &RegionNames, code: &str) -> Result<JsValue, JsValue>;
    }

    fn tag(locale: Locale) -> &'static str {
        match locale {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::PtBr => "pt-BR",
        }
    }

    thread_local! {
        /// One `DisplayNames` per language (`None` where the browser has none), and the names
        /// already asked: the picker asks for every country at each key press.
        static NAMERS: RefCell<Vec<(Locale, Option<RegionNames>)>> = const { RefCell::new(Vec::new()) };
        static NAMES: RefCell<HashMap<(Locale, String), Option<String>>> = RefCell::new(HashMap::new());
    }

    fn ask(locale: Locale, iso: &str) -> Option<String> {
        NAMERS.with(|namers| {
            let mut namers = namers.try_borrow_mut().ok()?;
            if !namers.iter().any(|(l, _)| *l == locale) {
                let options = js_sys::Object::new();
                let set = js_sys::Reflect::set(&options, &"type".into(), &"region".into());
                let namer = set
                    .ok()
                    .and_then(|_| RegionNames::new(tag(locale), &options).ok());
                namers.push((locale, namer));
            }
            let (_, namer) = namers.iter().find(|(l, _)| *l == locale)?;
            namer.as_ref()?.of(iso).ok()?.as_string()
        })
    }

    pub fn country_name(locale: Locale, iso: &str) -> Option<String> {
        let key = (locale, iso.to_ascii_uppercase());
        if let Some(known) = NAMES.with(|names| names.try_borrow().ok()?.get(&key).cloned()) {
            return known;
        }
        let name = ask(locale, &key.1);
        NAMES.with(|names| {
            if let Ok(mut names) = names.try_borrow_mut() {
                names.insert(key, name.clone());
            }
        });
        name
    }
}

/// The newest market table: the one that names every market the page shows (a market of an
/// older table keeps Meta's name if no newer one has it).
fn latest() -> &'static wacost_core::catalog::MarketTable {
    wacost_core::Catalog::builtin().market_table_on(chrono::NaiveDate::MAX)
}

/// A market's name in the page's language (the estimate, the charts, the comparison and the
/// views name markets by Meta's English key).
pub fn market(lang: crate::i18n::Lang, market: &str) -> String {
    with_names(lang.locale(), |names| names.market(latest(), market))
}

/// A country's name in the page's language, by ISO code.
pub fn country(lang: crate::i18n::Lang, iso2: &str) -> String {
    with_names(lang.locale(), |names| names.country(latest(), iso2))
}
