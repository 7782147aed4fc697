//! Applies `contrast::readable` to the colours the host's theme resolves to: the accent as
//! text (4.5:1) and as an outline (3:1) against the widget's background, set as the
//! `--_accent-text` and `--_accent-line` properties the stylesheet uses.

use crate::contrast::{readable, Rgb, OUTLINE, TEXT};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::NodeRef;

pub fn apply(frame: &NodeRef) {
    let Some(frame) = frame.cast::<HtmlElement>() else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    // The probe's colour is the accent, resolved by the browser from whatever the host wrote
    // (a name, hex, hsl(), a variable).
    let colour = |element: &web_sys::Element, property: &str| {
        let style = window.get_computed_style(element).ok()??;
        Rgb::parse_css(&style.get_property_value(property).ok()?)
    };
    let Some(probe) = frame.query_selector(".probe").ok().flatten() else {
        return;
    };
    let (Some(accent), Some(background)) = (
        colour(&probe, "color"),
        colour(frame.unchecked_ref(), "background-color"),
    ) else {
        return;
    };
    let style = frame.style();
    let _ = style.set_property("--_accent-text", &readable(accent, background, TEXT).css());
    let _ = style.set_property(
        "--_accent-line",
        &readable(accent, background, OUTLINE).css(),
    );
}
