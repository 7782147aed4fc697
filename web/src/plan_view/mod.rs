//! "Plan a year": the year plan, the budget, the savings levers and the import of Meta's
//! pricing analytics, on the page's sheet (docs/plan.md).
//!
//! Two parts, so the calculator's bundle carries only `link` and `bridge` (a button, an
//! element and an event listener): the view (`view` and the rest) is the `plan_view` bin,
//! imported when the button is pressed. The page hands the view its draft's scenario JSON as
//! an attribute of the element the view mounts in, and the view hands an imported sheet back
//! as a DOM event on it (`bridge`).

pub mod bridge;
pub mod budget_panel;
pub mod chart;
pub mod import;
pub mod link;
pub mod money;
pub mod savings;
pub mod strings;
pub mod view;
pub mod wording;
pub mod year;

pub use link::{PlanLink, PlanLinkProps};
pub use view::{PlanView, PlanViewProps};

/// Entry of the `plan_view` bin: mounts the view where `PlanLink` left room for it, and
/// follows the page's language and sheet through the root's attributes.
pub fn mount() {
    use bridge::{LANG_ATTRIBUTE, ROOT_ID, SCENARIO_ATTRIBUTE};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(root) = gloo_utils::document().get_element_by_id(ROOT_ID) else {
        return;
    };
    crate::dom::step_past_the_pages_roots();
    // The view's styles come with it, not with the calculator's stylesheet.
    if let Ok(style) = gloo_utils::document().create_element("style") {
        style.set_text_content(Some(include_str!("plan_view.css")));
        let _ = gloo_utils::head().append_child(&style);
    }
    let on_replace = {
        let root = root.clone();
        yew::Callback::from(move |json: String| {
            bridge::send_sheet(&root, &json);
        })
    };
    let props_of = move |root: &web_sys::Element| PlanViewProps {
        lang: crate::i18n::Lang::from_tag(&root.get_attribute(LANG_ATTRIBUTE).unwrap_or_default()),
        scenario: root
            .get_attribute(SCENARIO_ATTRIBUTE)
            .unwrap_or_default()
            .into(),
        on_replace: on_replace.clone(),
    };
    let mut handle =
        yew::Renderer::<PlanView>::with_root_and_props(root.clone(), props_of(&root)).render();
    let watched = root.clone();
    // Raw web-sys: gloo has no MutationObserver.
    let on_change = Closure::<dyn FnMut()>::new(move || handle.update(props_of(&watched)));
    if let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of2(
            &LANG_ATTRIBUTE.into(),
            &SCENARIO_ATTRIBUTE.into(),
        ));
        let _ = observer.observe_with_options(&root, &options);
    }
    // The view lives as long as the page.
    on_change.forget();
}
