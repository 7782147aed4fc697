//! "How many more messages fit in this budget?": a destination (country or market), a category
//! and an amount, read by the core's `BudgetQuery` (its problems shown at their control) and
//! answered by the core's `budget`.

use super::money::amount;
use super::strings::s;
use super::wording::{budget_answer, budget_problem};
use crate::i18n::Lang;
use serde_json::{Map, Value};
use std::rc::Rc;
use wacost_core::budget::{self, Budget, BudgetPath, BudgetQuery};
use wacost_core::line_category::LineCategory;
use wacost_core::scenario::Scenario;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetForm {
    pub by_market: bool,
    pub destination: String,
    pub category: LineCategory,
    pub amount: String,
}

impl Default for BudgetForm {
    fn default() -> BudgetForm {
        BudgetForm {
            by_market: false,
            destination: String::new(),
            category: LineCategory::Marketing,
            amount: String::new(),
        }
    }
}

/// Where a problem is shown: the destination, the amount, or the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Destination,
    Amount,
    Sheet,
}

/// The core's answer, or every problem at its control; `None` until the form is filled.
pub fn compute(
    lang: Lang,
    scenario: &Scenario,
    form: &BudgetForm,
) -> Option<Result<Budget, Vec<(Control, String)>>> {
    if form.destination.trim().is_empty() || form.amount.trim().is_empty() {
        return None;
    }
    let mut query = Map::new();
    let key = if form.by_market { "market" } else { "country" };
    query.insert(key.into(), form.destination.trim().into());
    query.insert("category".into(), form.category.as_str().into());
    query.insert(
        "amount".into(),
        crate::draft::decimal_text(form.amount.trim()).into(),
    );
    let answer =
        BudgetQuery::from_value(&Value::Object(query)).and_then(|q| budget::budget(scenario, &q));
    Some(answer.map_err(|errors| {
        errors
            .0
            .iter()
            .map(|e| {
                let control = match &e.at {
                    BudgetPath::Query(path) => match path.to_string().as_str() {
                        "amount" => Control::Amount,
                        "country" | "market" => Control::Destination,
                        _ => Control::Sheet,
                    },
                    BudgetPath::Scenario(_) => Control::Sheet,
                };
                (control, budget_problem(lang, &e.kind, form.amount.trim()))
            })
            .collect()
    }))
}

#[derive(Properties, PartialEq)]
pub struct BudgetPanelProps {
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
}

#[function_component]
pub fn BudgetPanel(props: &BudgetPanelProps) -> Html {
    let lang = props.lang;
    let form = use_state(BudgetForm::default);
    let answer = use_memo(
        (lang, props.scenario.clone(), (*form).clone()),
        |(lang, scenario, form)| compute(*lang, scenario, form),
    );
    let set = |change: fn(&mut BudgetForm, String)| {
        let form = form.clone();
        move |value: String| {
            let mut next = (*form).clone();
            change(&mut next, value);
            form.set(next);
        }
    };
    let on_text = |change: fn(&mut BudgetForm, String)| {
        let set = set(change);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_select = |change: fn(&mut BudgetForm, String)| {
        let set = set(change);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let problems: Vec<(Control, String)> = match answer.as_ref() {
        Some(Err(p)) => p.clone(),
        _ => Vec::new(),
    };
    let error_of = |control: Control| {
        problems
            .iter()
            .filter(|(c, _)| *c == control)
            .map(|(_, p)| p.clone())
            .reduce(|a, b| format!("{a} {b}"))
    };
    let error_view = |id: &'static str, error: &Option<String>| match error {
        Some(e) => html! { <p class="error" id={id} role="alert">{ e.clone() }</p> },
        None => html! {},
    };
    let destination_error = error_of(Control::Destination);
    let amount_error = error_of(Control::Amount);
    let currency = props.scenario.currency.clone();
    let sheet_problems: Vec<String> = problems
        .iter()
        .filter(|(c, _)| *c == Control::Sheet)
        .map(|(_, p)| p.clone())
        .collect();
    html! {
        <section class="plan-section" data-plan="budget" aria-labelledby="plan-budget-title">
            <h3 id="plan-budget-title">{ s(lang, "budget") }</h3>
            <p class="hint">{ s(lang, "budget_hint") }</p>
            <div class="grid">
                <div class="field">
                    <label for="budget-by">{ s(lang, "to") }</label>
                    <select id="budget-by" onchange={on_select(|f, v| f.by_market = v == "market")}>
                        <option value="country" selected={!form.by_market}>{ s(lang, "by_country") }</option>
                        <option value="market" selected={form.by_market}>{ s(lang, "by_market") }</option>
                    </select>
                </div>
                <div class={classes!("field", destination_error.is_some().then_some("invalid"))}>
                    <label for="budget-destination">{ s(lang, if form.by_market { "market" } else { "country" }) }</label>
                    <input type="text" id="budget-destination" value={form.destination.clone()}
                        placeholder={if form.by_market { "India" } else { "IN" }}
                        aria-invalid={destination_error.is_some().to_string()}
                        oninput={on_text(|f, v| f.destination = v)} />
                    { error_view("budget-destination-error", &destination_error) }
                </div>
                <div class="field">
                    <label for="budget-category">{ s(lang, "category") }</label>
                    <select id="budget-category" onchange={on_select(|f, v| f.category = LineCategory::parse(&v).unwrap_or(f.category))}>
                        { for LineCategory::ALL.iter().map(|c| html! {
                            <option value={c.as_str()} selected={form.category == *c}>{ s(lang, c.as_str()) }</option>
                        }) }
                    </select>
                </div>
                <div class={classes!("field", amount_error.is_some().then_some("invalid"))}>
                    <label for="budget-amount">{ s(lang, "amount") }{ " (" }{ currency.clone() }{ ")" }</label>
                    <input type="text" id="budget-amount" inputmode="decimal" value={form.amount.clone()}
                        aria-invalid={amount_error.is_some().to_string()}
                        oninput={on_text(|f, v| f.amount = v)} />
                    { error_view("budget-amount-error", &amount_error) }
                </div>
            </div>
            if !sheet_problems.is_empty() {
                <ul class="errors" role="alert">{ for sheet_problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            }
            if let Some(Ok(b)) = answer.as_ref() {
                <div class="plan-answer" data-plan="budget-answer" data-count={b.count.to_string()}
                    data-fits={b.fits.to_string()} data-unbounded={b.unbounded.to_string()}>
                    <p><strong>{ budget_answer(lang, b) }</strong></p>
                    <dl class="totals">
                        <div><dt>{ s(lang, "at_count") }</dt><dd data-plan="total-at-count">{ amount(lang, &b.currency, b.total_at_count.value()) }</dd></div>
                        if let Some(next) = b.total_at_next {
                            <div><dt>{ s(lang, "at_next") }</dt><dd data-plan="total-at-next">{ amount(lang, &b.currency, next.value()) }</dd></div>
                        }
                    </dl>
                </div>
            }
        </section>
    }
}
