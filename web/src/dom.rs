//! The few browser calls the page makes outside rendering: the clock, the address bar, the
//! document's language, the clipboard, file reading and download, through gloo where it has
//! them (the kept sheet's storage is `link::kept`). Each degrades to doing nothing rather than
//! failing the page.

use gloo_file::{Blob, ObjectUrl};
use gloo_utils::{document, window};
use wasm_bindgen::{JsCast, JsValue};

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
    window().location().search().unwrap_or_default()
}

/// Puts `query` in the address bar without a navigation, so the link always shows this state.
pub fn replace_query(query: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(query));
    }
}

/// Marks the document's language, for screen readers and the browser's own formatting.
pub fn set_document_lang(tag: &str) {
    let _ = gloo_utils::document_element().set_attribute("lang", tag);
}

/// The address of this page with `query`.
pub fn link_for(query: &str) -> String {
    let location = window().location();
    format!(
        "{}{}{query}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Copies `text` to the clipboard; resolves to whether it worked. (gloo has no clipboard.)
pub async fn copy(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    // The object URL is revoked when `url` is dropped, after the click has started the download.
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// Reads a chosen file as text; `None` when the browser cannot (moved, removed, refused).
/// `Blob.text()` rather than gloo-file's reader: gloo's `FileReader` with its listeners and
/// channel costs 2.2 KB gzipped in the first load (measured with the page's wasm-opt -Oz
/// build), for what the browser does in one call.
pub async fn read_file(file: web_sys::File) -> Option<String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    text.as_string()
}

/// Roots a view's Yew skips before it mounts (the page's module uses one).
const PAGE_ROOTS: u32 = 8;

#[yew::function_component]
fn Nothing() -> yew::Html {
    yew::Html::default()
}

/// For a view that is a wasm module of its own mounted inside the page ("Check a log", "Plan a
/// year"). Yew numbers the roots it renders from 1 in every wasm module, and an event is handled
/// by the root whose number its target carries. The page is root 1 of its module; a view mounted
/// inside it as root 1 of another module would have the page run its own handlers for the
/// view's events (typing a budget into the plan view edited a rate of the sheet; typing into
/// "Check a log" changed the sheet). Rendering and dropping a few roots first gives the view a
/// number the page does not use.
pub fn step_past_the_pages_roots() {
    for _ in 0..PAGE_ROOTS {
        if let Ok(spare) = gloo_utils::document().create_element("div") {
            yew::Renderer::<Nothing>::with_root(spare)
                .render()
                .destroy();
        }
    }
}

/// A promise that resolves after `ms` milliseconds (for a bounded wait; `gloo-timers` is
/// only a test dependency here).
pub fn sleep(ms: i32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    })
}
