//! The provider's fees part by part, each with the product it comes from (count × fee, the
//! markup's percent of Meta's charge, numbers × fee, the monthly fee), so a finance reader can
//! check every figure against the provider's contract. The core computes every amount.

use super::money::amount;
use crate::i18n::{count, rate, Lang};
use crate::wording::finance;
use rust_decimal::Decimal;
use wacost_core::estimate::Estimate;
use wacost_core::percent::percent_text;
use wacost_core::scenario::PerMessageOn;
use yew::prelude::*;

/// The fee lines, or nothing when the provider charges nothing.
pub fn fee_parts(lang: Lang, e: &Estimate) -> Html {
    if e.bsp_fees.value().is_zero() {
        return html! {};
    }
    let cur = e.currency.as_str();
    let b = &e.bsp;
    let mut parts: Vec<(&'static str, String, Decimal)> = Vec::new();
    if !b.per_message.value().is_zero() {
        let delivered = b.per_message_on == PerMessageOn::Delivered;
        let label = finance::per_message(
            lang,
            delivered,
            &count(lang, b.per_message_count),
            &rate(lang, cur, b.per_message_fee),
        );
        parts.push(("per-message", label, b.per_message.value()));
    }
    if !b.markup.value().is_zero() {
        let percent = percent_text(b.markup_fraction, lang.locale());
        let meta = crate::i18n::money(lang, cur, e.meta_total);
        parts.push((
            "markup",
            finance::markup(lang, &percent, &meta),
            b.markup.value(),
        ));
    }
    if !b.per_number.value().is_zero() {
        let label = finance::per_number(
            lang,
            &count(lang, b.phone_numbers),
            // A monthly fee per number, so written as money, not as a per-message rate.
            &crate::i18n::money(lang, cur, b.per_number_fee),
        );
        parts.push(("per-number", label, b.per_number.value()));
    }
    if !b.monthly.value().is_zero() {
        parts.push(("monthly", finance::monthly(lang), b.monthly.value()));
    }
    html! {
        <table class="fee-parts" data-wacost="fee-parts">
            <caption>{ finance::fee_parts(lang) }</caption>
            <tbody>
            { for parts.into_iter().map(|(part, label, value)| html! {
                <tr data-part={part}>
                    <th scope="row">{ label }</th>
                    <td class="num">{ amount(lang, cur, value, None) }</td>
                </tr>
            }) }
            </tbody>
        </table>
    }
}
