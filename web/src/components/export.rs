//! "Export estimate (CSV)": the core's estimate CSV (exact and rounded amounts, every row of
//! the breakdown, the fees), downloaded through a Blob so nothing leaves the machine.

use crate::dom;
use crate::i18n::{t, Lang};
use crate::state::Shared;
use wacost_core::estimate::Estimate;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub lang: Lang,
    pub estimate: Shared<Estimate>,
}

#[function_component]
pub fn ExportEstimate(props: &ExportProps) -> Html {
    let estimate = props.estimate.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        let csv = wacost_core::export::estimate_csv(&estimate);
        let month = estimate
            .month
            .clone()
            .unwrap_or_else(|| estimate.rate_card.clone());
        let name = format!("wacost-estimate-{month}-{}.csv", estimate.currency);
        // A refused download (a sandboxed frame) leaves the page as it is; nothing to undo.
        let _ = dom::download(&name, "text/csv", &csv);
    });
    html! {
        <button type="button" class="export-estimate" data-wacost="export-estimate" {onclick}>
            { t(props.lang, "export_estimate") }
        </button>
    }
}
