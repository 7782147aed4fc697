//! "Check a log": the exact biller of `wacost bill` run over a dropped CSV in a Web Worker.
//!
//! Three wasm files, so the calculator's bundle carries only `link` (a button): the view
//! (`view`, `result`, `bridge`, `model`, `strings`, `wording`) is the `log_check` bin, imported
//! when the button is pressed; the biller (`run`, `worker`) is the `bill_worker` bin, started
//! when a log is billed.

pub mod bridge;
pub mod link;
pub mod model;
pub mod result;
pub mod run;
pub mod strings;
pub mod view;
pub mod warnings;
pub mod wording;
pub mod worker;

pub use link::{LogCheckLink, LogCheckLinkProps};
pub use result::{LogResult, LogResultProps};
pub use view::{LogCheck, LogCheckProps};

/// Entry of the `log_check` bin: mounts the view where `LogCheckLink` left room for it, and
/// follows the page's language through the root's `data-lang`.
pub fn mount() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(root) = gloo_utils::document().get_element_by_id(link::ROOT_ID) else {
        return;
    };
    crate::dom::step_past_the_pages_roots();
    let lang_of = |root: &web_sys::Element| {
        crate::i18n::Lang::from_tag(&root.get_attribute("data-lang").unwrap_or_default())
    };
    // The view's styles come with it, not with the calculator's stylesheet.
    // (In <head>: Yew clears the root it renders into.)
    if let Ok(style) = gloo_utils::document().create_element("style") {
        style.set_text_content(Some(include_str!("log_check.css")));
        let _ = gloo_utils::head().append_child(&style);
    }
    let lang = lang_of(&root);
    let mut handle =
        yew::Renderer::<LogCheck>::with_root_and_props(root.clone(), LogCheckProps { lang })
            .render();
    let watched = root.clone();
    // Raw web-sys: gloo has no MutationObserver, and this is the one place the view watches
    // the page.
    let on_change = Closure::<dyn FnMut()>::new(move || {
        handle.update(LogCheckProps {
            lang: lang_of(&watched),
        });
    });
    if let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"data-lang".into()));
        let _ = observer.observe_with_options(&root, &options);
    }
    // The view lives as long as the page.
    on_change.forget();
}
