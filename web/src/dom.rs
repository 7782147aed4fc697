//! The few browser calls the page makes outside rendering: the address bar, the browser's
//! storage, the clipboard and file download. Each degrades to doing nothing rather than
//! failing the page.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// Where the last sheet is kept between visits.
const SHEET_KEY: &str = "wacost.sheet";

/// The current month `YYYY-MM` by the browser's clock, the natural default billing month: the
/// page reads the clock, the core says which billing month that is.
pub fn current_month() -> String {
    let now = js_sys::Date::new_0();
    let today = chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(chrono::NaiveDate::MIN);
    wacost_core::scenario::Month::of(today).to_string()
}

/// The page's query string (`?scenario=…`), or empty.
pub fn location_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `query` in the address bar without a navigation, so the link always shows this state.
pub fn replace_query(query: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(query));
    }
}

/// Whether this page may use `localStorage`. Private modes, blocked site data and sandboxed
/// frames refuse it (reading `window.localStorage` throws), and gloo's accessor aborts the
/// page on that refusal, so it is only called once the browser has granted storage.
fn storage_granted() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
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

/// The address of this page with `query`.
pub fn link_for(query: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}{query}")
}

/// Copies `text` to the clipboard; resolves to whether it worked.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Reads a chosen file as text.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}
