//! Every tiered category's whole ladder, as the core gives it (`Estimate::ladders`): each band
//! a bar, filled by this month's messages, with a "you are here" marker; how many messages
//! the band still prices until the next tier starts, what the next band saves, and the rule
//! of how tiers count. The pricing notes (tier counting, the international authentication
//! rate) are the core's, worded here.

use super::money::{amount, rate};
use crate::i18n::{t, Lang};
use crate::place_names;
use crate::wording::finance;
use rust_decimal::Decimal;
use wacost_core::estimate::{Estimate, PricingNote, TierLadder};
use yew::prelude::*;

/// The ladders and the pricing notes of the estimate.
pub fn ladders(lang: Lang, e: &Estimate) -> Html {
    let (rules, auth): (Vec<&PricingNote>, Vec<&PricingNote>) = e
        .pricing_notes
        .iter()
        .partition(|n| matches!(n, PricingNote::TierCounting { .. }));
    html! {
        <div class="tiers">
            <h3>{ t(lang, "tiers") }</h3>
            { for auth.iter().map(|n| html! {
                <p class="note pricing-note" data-wacost="auth-international-note">{ finance::pricing_note(lang, n) }</p>
            }) }
            if e.ladders.is_empty() { <p class="hint">{ t(lang, "no_tiers") }</p> }
            { for rules.iter().map(|n| html! {
                <p class="hint tier-rule" data-wacost="tier-rule">{ finance::pricing_note(lang, n) }</p>
            }) }
            { for e.ladders.iter().map(|l| ladder(lang, &e.currency, e, l)) }
        </div>
    }
}

/// Where the counter stands within a band, in percent of its width (a bar of the open last
/// band is drawn as wide as the band before it).
fn fill(band_from: u64, band_to: Option<u64>, width_hint: u64, count: u64) -> u64 {
    let width = band_to
        .map_or(width_hint, |to| to.saturating_sub(band_from) + 1)
        .max(1);
    let used = count.saturating_sub(band_from.saturating_sub(1)).min(width);
    // Whole percents are enough for a bar's width; integer arithmetic keeps floats out.
    used.saturating_mul(100) / width
}

fn ladder(lang: Lang, cur: &str, e: &Estimate, l: &TierLadder) -> Html {
    let category = t(lang, l.category.as_str());
    let amounts = e
        .markets
        .iter()
        .find(|m| m.market == l.market)
        .and_then(|m| m.categories.iter().find(|c| c.category == l.category));
    let last_width = l
        .bands
        .iter()
        .rev()
        .find_map(|b| b.to.map(|to| to - b.from + 1))
        .unwrap_or(1);
    html! {
        <section class="ladder" data-ladder-market={l.market.clone()} data-ladder-category={l.category.as_str()}>
            <h4>
                { format!("{} · {category}", place_names::market(lang, &l.market)) }
                if l.custom { <small class="flag">{ format!(" ({})", t(lang, "custom")) }</small> }
            </h4>
            <ol class="bands">
            { for l.bands.iter().enumerate().map(|(at, b)| {
                let here = at == l.band;
                let reached = at <= l.band && l.count > 0;
                let width = if at < l.band { 100 } else if here { fill(b.from, b.to, last_width, l.count) } else { 0 };
                let band_amount = amounts
                    .and_then(|c| c.bands.iter().find(|used| used.tier == b.tier))
                    .map(|used| used.amount.value())
                    .unwrap_or(Decimal::ZERO);
                html! {
                    <li class={classes!("band", here.then_some("here"), reached.then_some("reached"))}
                        aria-current={here.then_some("step")}>
                        <div class="band-head">
                            <strong>{ finance::tier(lang, b.tier) }</strong>
                            <span>{ finance::band_range(lang, b.from, b.to) }</span>
                            <span class="num">{ rate(lang, cur, b.rate.value()) }</span>
                        </div>
                        <div class="bar" role="presentation">
                            <span class="bar-fill" style={format!("width:{width}%")}></span>
                            if here { <span class="marker" style={format!("left:{width}%")}></span> }
                        </div>
                        <div class="band-foot">
                            if here { <span class="you-are-here" data-wacost="you-are-here" data-value={l.count.to_string()}>{ finance::you_are_here(lang, l.count) }</span> }
                            if b.count > 0 {
                                <span class="num">{ crate::i18n::count(lang, b.count) }{ " × " }{ rate(lang, cur, b.rate.value()) }{ " = " }{ amount(lang, cur, band_amount, None) }</span>
                            }
                        </div>
                    </li>
                }
            }) }
            </ol>
            <p class="ladder-facts">
                if let Some(b) = amounts.and_then(|c| c.cost_per_charged.as_ref()) {
                    <span data-wacost="blended-rate" data-value={b.to_string()}>{ format!("{}: {}", t(lang, "blended_rate"), crate::i18n::rate(lang, cur, b)) }</span>
                }
                { next_band(lang, cur, l) }
            </p>
        </section>
    }
}

fn next_band(lang: Lang, cur: &str, l: &TierLadder) -> Html {
    let Some(next) = &l.next else {
        return html! { <span data-wacost="top-tier">{ finance::top_tier(lang) }</span> };
    };
    // What the next band's own messages would save against today's rate, when it has an end.
    let filled = l.bands.iter().find(|b| b.tier == next.tier).and_then(|b| {
        let size = b.to?.checked_sub(b.from)? + 1;
        let saving = l.saving_on_more(next.messages_in_band.saturating_add(size))?;
        Some((size, crate::i18n::money(lang, cur, saving)))
    });
    html! {
        <>
            <span data-wacost="until-next-tier" data-value={next.messages_in_band.to_string()}>
                { finance::until_next(lang, next.messages_in_band, next.tier, next.starts_at) }
            </span>
            <span data-wacost="next-tier-saves" data-value={next.saving_per_message.to_string()}>
                { finance::next_saves(
                    lang,
                    next.tier,
                    &crate::i18n::rate(lang, cur, next.saving_per_message),
                    &crate::i18n::rate(lang, cur, next.rate),
                    filled.as_ref().map(|(n, s)| (*n, s.as_str())),
                ) }
            </span>
        </>
    }
}
