//! The same traffic under each pricing model, side by side, from the core's `compare`: each
//! model named in words, on the card of its time (or the month's one card, as the user
//! chooses), with the card it used and why, its difference against the month's model, and the
//! core's reasons for each difference. A model that cannot be priced is one line saying what
//! is missing.

use super::chart::{CompareChart, ModelBar};
use super::field::Field;
use crate::engine::{CardsFor, Comparison, FieldError};
use crate::i18n::{money, t, Lang};
use crate::place_names;
use crate::state::Compared;
use crate::wording::{self, compare as words};
use std::rc::Rc;
use wacost_core::estimate::{CannotPrice, Difference, VersionResult};
use wacost_core::scenario::Setting;
use yew::prelude::*;

/// Rows of differences shown before the rest is folded away: enough to explain a typical bill.
const SHOWN_DIFFERENCES: usize = 8;

/// The settings the conversation models read, shown with them when the settings panel does
/// not (the month's own model charges messages).
const PER_CONVERSATION: [Setting; 4] = [
    Setting::PerConversationMarketing,
    Setting::PerConversationUtility,
    Setting::PerConversationAuthentication,
    Setting::PerConversationService,
];

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub lang: Lang,
    /// The core's comparison of the last readable draft, or why there is none; `None` before
    /// the first.
    pub comparison: Option<Compared>,
    /// Which card each model is priced with.
    #[prop_or_default]
    pub cards: CardsFor,
    #[prop_or_default]
    pub on_cards: Callback<CardsFor>,
    /// Every setting as typed, for the messages-per-conversation inputs shown here.
    #[prop_or_default]
    pub values: Rc<Vec<(Setting, String)>>,
    #[prop_or_default]
    pub errors: Rc<Vec<FieldError>>,
    /// Whether those inputs are shown here (the settings panel shows them when the month's
    /// estimate counts conversations; one control per setting on the page).
    #[prop_or_default]
    pub conversation_inputs: bool,
    #[prop_or_default]
    pub on_set: Callback<(Setting, String)>,
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let lang = props.lang;
    let body = match &props.comparison {
        None => return html! {},
        Some(Err(problems)) => {
            let why = wording::grouped_field_errors(lang, problems).join(" ");
            html! { <p class="note">{ format!("{} {why}", t(lang, "compare_unavailable")) }</p> }
        }
        Some(Ok(cmp)) => comparison(lang, cmp, conversation_inputs(props)),
    };
    html! {
        <section class="card compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ t(lang, "compare") }</h2>
            { cards_choice(props) }
            { body }
        </section>
    }
}

/// The two ways to choose each model's card, as radio buttons.
fn cards_choice(props: &CompareProps) -> Html {
    let lang = props.lang;
    let option = |cards: CardsFor| {
        let on_cards = props.on_cards.clone();
        let id = format!("cards-{}", cards.as_str());
        html! {
            <label for={id.clone()} class="choice">
                <input type="radio" name="cards" id={id} value={cards.as_str()}
                    checked={props.cards == cards}
                    onchange={Callback::from(move |_: Event| on_cards.emit(cards))} />
                { words::cards_mode(lang, cards) }
            </label>
        }
    };
    html! {
        <fieldset class="cards-mode" data-wacost="cards-mode">
            <legend class="sr-only">{ t(lang, "rate_card") }</legend>
            { option(CardsFor::OfTheirTime) }
            { option(CardsFor::Same) }
        </fieldset>
    }
}

/// The table, the inputs only the conversation models read, the chart and the reasons.
fn comparison(lang: Lang, cmp: &Comparison, inputs: Html) -> Html {
    let bars: Vec<ModelBar> = cmp
        .versions
        .iter()
        .filter_map(|v| {
            v.estimate.as_ref().map(|e| ModelBar {
                label: words::model_name(lang, &v.name),
                amount: e.meta_total,
                currency: e.currency.clone(),
            })
        })
        .collect();
    let differing: Vec<&Difference> = cmp.differences.iter().filter(|d| d.differs).collect();
    let diff_row = |d: &&Difference| difference(lang, &cmp.currency, d);
    let current = words::model_name(lang, &cmp.current.name());
    html! {
        <>
            <div class="table-scroll">
                <table class="models">
                    <thead><tr>
                        <th scope="col">{ t(lang, "rules") }</th>
                        <th scope="col" class="num">{ t(lang, "meta_total") }</th>
                        <th scope="col" class="num">{ t(lang, "grand_total") }</th>
                        <th scope="col" class="num" title={current.clone()}>{ t(lang, "vs_current") }</th>
                    </tr></thead>
                    <tbody>{ for cmp.versions.iter().map(|v| version(lang, cmp, v)) }</tbody>
                </table>
            </div>
            { inputs }
            if !bars.is_empty() { <CompareChart {bars} {lang} /> }
            if !differing.is_empty() {
                <h3>{ t(lang, "why") }</h3>
                <ul class="reasons">{ for differing.iter().take(SHOWN_DIFFERENCES).map(diff_row) }</ul>
                if differing.len() > SHOWN_DIFFERENCES {
                    <details>
                        <summary>{ format!("+{}", differing.len() - SHOWN_DIFFERENCES) }</summary>
                        <ul class="reasons">{ for differing.iter().skip(SHOWN_DIFFERENCES).map(diff_row) }</ul>
                    </details>
                }
            }
        </>
    }
}

/// One model's row: its name, its card and why, its totals and its difference against the
/// month's model, or one line saying why it cannot be priced.
fn version(lang: Lang, cmp: &Comparison, v: &VersionResult) -> Html {
    let currency = cmp.currency.as_str();
    let card_line = v
        .rate_card
        .as_ref()
        .map(|card| words::card_reason(lang, &v.card_reason, currency, card));
    let cells = match &v.estimate {
        Some(e) => {
            let exact = e.total.to_string();
            let difference = match (&v.difference, v.rules == cmp.current) {
                (_, true) => html! { <td class="num hint">{ "—" }</td> },
                (Some(d), false) => {
                    let exact = d.total.to_string();
                    html! {
                        <td class="num difference" data-wacost="model-difference" data-value={exact.clone()} title={exact}>
                            { words::signed_money(lang, &e.currency, d.total) }
                        </td>
                    }
                }
                (None, false) => html! { <td class="num hint">{ "—" }</td> },
            };
            html! { <>
                <td class="num" data-wacost="compare-meta-total" data-value={e.meta_total.to_string()} title={e.meta_total.to_string()}>
                    { words::money(lang, &e.currency, e.meta_total) }
                </td>
                <td class="num" data-wacost="model-total" data-rules={v.rules.as_str()}
                    data-rate-card={v.rate_card.clone().unwrap_or_default()}
                    data-value={exact.clone()} title={exact}>
                    { words::money(lang, &e.currency, e.total) }
                </td>
                { difference }
            </> }
        }
        None => {
            let why = v
                .cannot_price
                .as_ref()
                .map(|c| words::cannot_price(lang, c))
                .unwrap_or_else(|| t(lang, "not_priceable").to_string());
            // The one line says it all, except for a problem it cannot name.
            let problems = match &v.cannot_price {
                None | Some(CannotPrice::Other) => wording::grouped_field_errors(lang, &v.problems),
                Some(_) => Vec::new(),
            };
            html! {
                <td colspan="3" class="unpriced" data-wacost="model-unpriced">
                    { why }
                    if !problems.is_empty() {
                        <details>
                            <summary>{ t(lang, "not_priceable") }</summary>
                            <ul>{ for problems.into_iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                        </details>
                    }
                </td>
            }
        }
    };
    let current = (v.rules == cmp.current).then_some("current");
    // The card and why on a row of its own, across the table: the figures keep their width.
    html! {
        <>
            <tr data-rules={v.rules.as_str()} class={classes!("model", current)}>
                <th scope="row">
                    <span class="model-name">{ words::model_name(lang, &v.name) }</span>
                    { " " }<small class="code">{ v.rules.as_str() }</small>
                </th>
                { cells }
            </tr>
            if let Some(line) = card_line {
                <tr class={classes!("card-row", current)} data-rules={v.rules.as_str()}>
                    <td colspan="4"><small class="card-used" data-wacost="card-used">{ line }</small></td>
                </tr>
            }
        </>
    }
}

/// A market and category whose amount differs between versions, with the core's reasons.
fn difference(lang: Lang, currency: &str, d: &Difference) -> Html {
    let amounts: Vec<String> = d
        .amounts
        .iter()
        .map(|a| format!("{} {}", a.rules, money(lang, currency, a.amount)))
        .collect();
    html! {
        <li>
            <strong>{ format!("{} · {}", place_names::market(lang, &d.market), t(lang, d.category.as_str())) }</strong>
            <span class="amounts">{ amounts.join(" · ") }</span>
            <ul>{ for d.amounts.iter().map(|a| html! {
                <li>
                    { words::model_name(lang, &a.rules.name()) }
                    { " " }<small class="code">{ a.rules.as_str() }</small>
                    { format!(" — {}", words::treatment(lang, a.rules, d.category)) }
                </li>
            }) }</ul>
        </li>
    }
}

/// Messages per conversation, which only the conversation models read (nothing when the
/// settings panel shows them).
fn conversation_inputs(props: &CompareProps) -> Html {
    let lang = props.lang;
    if !props.conversation_inputs {
        return html! {};
    }
    let field = |setting: Setting, key: &str| {
        let value = props
            .values
            .iter()
            .find(|(s, _)| *s == setting)
            .map_or(String::new(), |(_, v)| v.clone());
        let path = setting.path();
        let error = props
            .errors
            .iter()
            .find(|e| e.path == path)
            .map(|e| AttrValue::from(wording::typed_problem(lang, &e.kind, &value)));
        let on_change = props.on_set.reform(move |value| (setting, value));
        html! {
            <Field {setting} label={t(lang, key).to_string()} value={value} {error}
                placeholder="1" inputmode="decimal" {on_change} />
        }
    };
    let keys = ["marketing", "utility", "authentication", "service"];
    html! {
        <fieldset class="per-conversation" data-wacost="per-conversation">
            <legend>{ t(lang, "per_conversation") }</legend>
            <div class="grid">
                { for PER_CONVERSATION.iter().zip(keys).map(|(s, k)| field(*s, k)) }
            </div>
        </fieldset>
    }
}
