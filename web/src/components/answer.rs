//! The answer first, under the headline totals: what the last switch of Meta's rules changes
//! for the month, as one sentence with its figure, split into what the rules do (both models
//! on the month's card) and what the card does (the older model's own card), each with the
//! core's reasons. Worded here from the core's `Answer`; the page computes no figure.

use crate::i18n::Lang;
use crate::state::Compared;
use crate::wording::compare as words;
use wacost_core::estimate::{Answer, EffectReason, Unanswered};
use wacost_core::money::Amount;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub lang: Lang,
    pub comparison: Option<Compared>,
}

#[function_component]
pub fn AnswerFirst(props: &AnswerProps) -> Html {
    let Some(Ok(cmp)) = &props.comparison else {
        return html! {};
    };
    match &cmp.answer {
        Some(answer) => view(props.lang, answer),
        None => html! {},
    }
}

fn reasons(lang: Lang, currency: &str, reasons: &[EffectReason]) -> Html {
    if reasons.is_empty() {
        return html! {};
    }
    html! {
        <ul>{ for reasons.iter().map(|r| html! { <li>{ words::effect_reason(lang, currency, r) }</li> }) }</ul>
    }
}

fn effect(hook: &'static str, head: String, amount: Amount, list: Html) -> Html {
    html! {
        <li data-wacost={hook} data-value={amount.to_string()}>
            <span class="effect-head">{ head }</span>
            { list }
        </li>
    }
}

fn view(lang: Lang, answer: &Answer) -> Html {
    let currency = answer.currency.as_str();
    let sentence = words::answer_sentence(lang, answer);
    let rule = answer.rule_effect.as_ref().map(|r| {
        effect(
            "rule-effect",
            words::rule_effect_head(lang, currency, r.amount, &r.rate_card),
            r.amount,
            reasons(lang, currency, &r.reasons),
        )
    });
    let card = answer
        .card_effect
        .as_ref()
        .filter(|c| c.from_card != c.to_card)
        .map(|c| {
            effect(
                "card-effect",
                words::card_effect_head(lang, currency, c.amount, &c.from_card, &c.to_card),
                c.amount,
                reasons(lang, currency, &c.reasons),
            )
        });
    let no_split = match &answer.unanswered {
        Some(Unanswered::NoSplit { cannot_price }) if answer.difference.is_some() => {
            Some(words::no_split(lang, cannot_price))
        }
        _ => None,
    };
    let exact = answer.difference.map(|d| d.to_string());
    html! {
        <div class="answer" data-wacost="answer" data-value={exact.clone()} title={exact}>
            <p class="answer-sentence"><strong>{ sentence }</strong></p>
            if rule.is_some() || card.is_some() {
                <ul class="effects">
                    { for rule }
                    { for card }
                </ul>
            }
            if let Some(why) = no_split { <p class="hint">{ why }</p> }
        </div>
    }
}
