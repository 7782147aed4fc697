//! The "Plan a year" view: the sheet's scenario (from the page) read once per change, then the
//! year plan, the budget, the month's savings and the analytics import, each its own part.

use super::budget_panel::BudgetPanel;
use super::import::ImportPanel;
use super::savings::Savings;
use super::strings::s;
use super::year::YearPlan;
use crate::i18n::Lang;
use crate::wording::field_error;
use std::rc::Rc;
use wacost_core::scenario::Scenario;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct PlanViewProps {
    pub lang: Lang,
    /// The page's draft as scenario JSON.
    pub scenario: AttrValue,
    /// Puts a scenario JSON in place of the page's sheet.
    pub on_replace: Callback<String>,
}

#[function_component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let lang = props.lang;
    let read = use_memo(props.scenario.clone(), |json| {
        Scenario::from_json(json).map(Rc::new).map_err(|e| e.0)
    });
    html! {
        <div class="plan-view" data-plan="view" role="region" aria-labelledby="plan-title">
            <h2 id="plan-title">{ s(lang, "title") }</h2>
            <p class="hint">{ s(lang, "intro") }</p>
            { match read.as_ref() {
                Ok(scenario) => html! {
                    <>
                        <YearPlan {lang} scenario={scenario.clone()} />
                        <BudgetPanel {lang} scenario={scenario.clone()} />
                        <Savings {lang} scenario={scenario.clone()} />
                    </>
                },
                Err(errors) => html! {
                    <div class="errors" role="alert" data-plan="sheet-problems">
                        <p>{ s(lang, "sheet_problems") }</p>
                        <ul>{ for errors.iter().map(|e| html! { <li>{ field_error(lang, e) }</li> }) }</ul>
                    </div>
                },
            } }
            <ImportPanel {lang} sheet_json={props.scenario.clone()}
                currency={read.as_ref().as_ref().map(|s| s.currency.clone()).unwrap_or_else(|_| "USD".into())}
                on_replace={props.on_replace.clone()} />
        </div>
    }
}
