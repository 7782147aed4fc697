//! The savings levers of the sheet's month: each lever the rules in force make real, the money
//! it saves (the core re-estimates the sheet with the lever pulled), its rule and hypothesis.

use super::money::amount;
use super::strings::s;
use super::wording::{lever_hypothesis, lever_name, no_lever};
use crate::i18n::Lang;
use std::rc::Rc;
use wacost_core::levers;
use wacost_core::scenario::Scenario;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavingsProps {
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
}

#[function_component]
pub fn Savings(props: &SavingsProps) -> Html {
    let lang = props.lang;
    let found = use_memo(props.scenario.clone(), |scenario| {
        levers::levers(scenario).ok()
    });
    let Some(found) = found.as_ref() else {
        return html! {};
    };
    let cur = found.currency.as_str();
    html! {
        <section class="plan-section" data-plan="savings" aria-labelledby="plan-savings-title">
            <h3 id="plan-savings-title">{ s(lang, "savings") }{ found.month.as_ref().map(|m| format!(" · {m}")) }</h3>
            <p class="hint">{ s(lang, "savings_hint") }</p>
            if found.levers.is_empty() {
                <p data-plan="no-lever">{ no_lever(lang, found.rules) }</p>
            } else {
                <ul class="plan-levers">
                    { for found.levers.iter().map(|l| html! {
                        <li data-lever={serde_json::to_value(l.lever).ok().and_then(|v| v.as_str().map(str::to_string))}>
                            <strong>{ lever_name(lang, l.lever) }</strong>{ " — " }{ s(lang, "saving") }{ " " }
                            <span data-plan="saving">{ amount(lang, cur, l.saving.value()) }</span>
                            <span class="hint">{ " (" }{ s(lang, "rule") }{ " " }{ l.rule.clone() }{ "; " }{ s(lang, "new_total") }{ " " }{ amount(lang, cur, l.total.value()) }{ ")" }</span>
                            <p class="hint">{ lever_hypothesis(lang, l.lever, &l.from, &l.to) }</p>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
