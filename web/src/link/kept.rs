//! The sheet kept in the browser's storage (`localStorage`, nothing leaves the machine): every
//! change is kept, and a visit without a link offers the last sheet back, never applying it
//! unasked and never over a link that was opened. Where storage is refused or full, the page
//! works the same without it.

use crate::draft::Draft;
use gloo_storage::{LocalStorage, Storage};
use wacost_core::locale::Locale;

/// Where the last sheet is kept between visits.
const SHEET_KEY: &str = "wacost.sheet";

/// Whether this page may use `localStorage`. Private modes, blocked site data and sandboxed
/// frames refuse it (reading `window.localStorage` throws), and gloo's accessor aborts the
/// page on that refusal, so it is only called once the browser has granted storage.
fn storage_granted() -> bool {
    gloo_utils::window()
        .local_storage()
        .ok()
        .flatten()
        .is_some()
}

/// The scenario JSON of the sheet kept from an earlier visit, if any can be read.
pub fn stored_sheet() -> Option<String> {
    storage_granted()
        .then(|| LocalStorage::get::<String>(SHEET_KEY).ok())
        .flatten()
}

/// Keeps `json` as the last sheet; whether it could be (a full or refused storage only means
/// the next visit will not offer it back).
pub fn store_sheet(json: &str) -> bool {
    storage_granted() && LocalStorage::set(SHEET_KEY, json).is_ok()
}

/// The sheet to offer back: `stored`, read as typed, unless the page was opened with a link
/// (`opened_query` has a scenario, even one that could not be read), it is no longer a
/// scenario object, or it is what is on screen already (`on_screen`, in `locale`).
pub fn offer(
    opened_query: &str,
    stored: Option<&str>,
    on_screen: &str,
    locale: Locale,
) -> Option<Draft> {
    if super::has_scenario(opened_query) {
        return None;
    }
    let draft = Draft::from_json(stored?).ok()?;
    (draft.to_json(locale) != on_screen).then_some(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_last_sheet_is_offered_only_without_a_link_and_only_when_it_differs() {
        let shown = Draft::default_scenario("2026-11").to_json(Locale::En);
        let kept = r#"{"month":"2026-11","lines":[{"country":"MX","marketing":5}]}"#;
        let offered = offer("?lang=fr", Some(kept), &shown, Locale::En).expect("offered");
        assert_eq!(offered.lines.len(), 1);
        for query in ["?scenario=e30", "?scenario=%%%"] {
            assert_eq!(
                offer(query, Some(kept), &shown, Locale::En),
                None,
                "{query}"
            );
        }
        for stored in [Some(shown.as_str()), Some("[1]"), Some("{"), None] {
            assert_eq!(offer("", stored, &shown, Locale::En), None, "{stored:?}");
        }
    }
}
