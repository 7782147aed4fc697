//! "What changed between two cards": per market and category the old and the new rate and the
//! change in %, the markets added or split, and what it does to the sheet (the core's
//! `card_diff`). A secondary view, so the calculator's bundle carries only `link` (a button);
//! the view is the `card_diff` bin, an ES module imported when the button is pressed, as
//! "Check a log" is.

pub mod link;
pub mod view;

pub use link::{CardDiffLink, CardDiffLinkProps};
pub use view::{CardDiffView, CardDiffViewProps};

/// Entry of the `card_diff` bin: mounts the view where `CardDiffLink` left room for it, and
/// follows the page's language, currency and sheet through the root's `data-*` attributes.
pub fn mount() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(root) = gloo_utils::document().get_element_by_id(link::ROOT_ID) else {
        return;
    };
    crate::dom::step_past_the_pages_roots();
    let props_of = |root: &web_sys::Element| {
        let attribute = |name: &str| root.get_attribute(name).unwrap_or_default();
        CardDiffViewProps {
            lang: crate::i18n::Lang::from_tag(&attribute("data-lang")),
            currency: attribute("data-currency").into(),
            scenario: attribute("data-scenario").into(),
        }
    };
    let mut handle =
        yew::Renderer::<CardDiffView>::with_root_and_props(root.clone(), props_of(&root)).render();
    let watched = root.clone();
    // Raw web-sys: gloo has no MutationObserver, and this is the one place the view watches
    // the page.
    let on_change = Closure::<dyn FnMut()>::new(move || handle.update(props_of(&watched)));
    if let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        let names = js_sys::Array::of3(
            &"data-lang".into(),
            &"data-currency".into(),
            &"data-scenario".into(),
        );
        options.set_attribute_filter(&names);
        let _ = observer.observe_with_options(&root, &options);
    }
    // The view lives as long as the page.
    on_change.forget();
}
