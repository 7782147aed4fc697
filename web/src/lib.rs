//! The wacost calculator page. All prices come from `wacost-core`; this crate holds what the
//! user typed, shows what the core answered, and keeps both in a shareable link.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod card_diff;
pub mod components;
pub mod currency_data;
pub mod dom;
pub mod draft;
pub mod engine;
pub mod i18n;
pub mod link;
pub mod log_check;
pub mod notes;
pub mod place_names;
pub mod plan_view;
pub mod sheet_io;
pub mod state;
pub mod wording;

/// The link's text (base64url, query strings), as `wacost_web::url` for tests and scripts.
pub use link::url;

pub use components::app::{App, AppProps};
pub use i18n::Lang;

use yew::AppHandle;

// The unit tests also run in the browser suite (`wasm-pack test --headless --chrome web`).
#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the page on `<body>`, reading the scenario from the address bar.
pub fn mount_body() {
    let query = dom::location_query();
    yew::Renderer::<App>::with_props(AppProps {
        query: query.into(),
        sync_url: true,
        lang: None,
        default_month: None,
    })
    .render();
}

/// Mounts the page into `element` as if opened with `query` (`?scenario=…`), leaving the
/// address bar alone: what the browser tests use to open a shared link.
pub fn mount_with_query(element: web_sys::Element, query: &str, lang: Lang) -> AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(
        element,
        AppProps {
            query: query.to_string().into(),
            sync_url: false,
            lang: Some(lang),
            default_month: Some("2026-11".into()),
        },
    )
    .render()
}
