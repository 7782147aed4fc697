//! The year plan: start month, months, growth (one for all, per-category overrides) and
//! calendar-month multipliers typed as the page's language writes numbers, turned into the
//! core's `PlanSettings` (whose checks name the control at fault), then the core's plan shown
//! as a chart, a table per month and the reasons a month's cost moves.

use super::chart::PlanChart;
use super::money::amount;
use super::strings::s;
use super::wording::{percent_problem, plan_note, plan_problem};
use crate::i18n::Lang;
use crate::wording::field_error;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::rc::Rc;
use wacost_core::category::Category;
use wacost_core::count;
use wacost_core::line_category::LineCategory;
use wacost_core::percent::read_percent;
use wacost_core::plan::{self, Plan, PlanPath, PlanSettings};
use wacost_core::scenario::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the user typed, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanForm {
    pub start: String,
    pub months: String,
    /// Percent per month.
    pub growth: String,
    /// Percent per month per line category, in `LineCategory::ALL` order; empty: `growth`.
    pub category_growth: [String; 4],
    /// Multiplier per calendar month, January first; empty: 1.
    pub multipliers: [String; 12],
}

impl Default for PlanForm {
    fn default() -> PlanForm {
        PlanForm {
            start: String::new(),
            months: "12".into(),
            growth: String::new(),
            category_growth: Default::default(),
            multipliers: Default::default(),
        }
    }
}

/// The control a problem is shown beside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    Start,
    Months,
    Growth,
    CategoryGrowth(usize),
    Multiplier(usize),
    /// Not a control of the plan: the sheet itself.
    Sheet,
}

impl Control {
    fn of(path: &PlanPath) -> Control {
        let PlanPath::Settings(path) = path else {
            return Control::Sheet;
        };
        let text = path.to_string();
        let (head, tail) = text.split_once('.').unwrap_or((text.as_str(), ""));
        match head {
            "start" => Control::Start,
            "months" => Control::Months,
            "growth" => Control::Growth,
            "category_growth" => LineCategory::ALL
                .iter()
                .position(|c| c.as_str() == tail)
                .map_or(Control::Growth, Control::CategoryGrowth),
            "multipliers" => tail
                .parse::<usize>()
                .ok()
                .and_then(|m| m.checked_sub(1))
                .filter(|m| *m < 12)
                .map_or(Control::Sheet, Control::Multiplier),
            _ => Control::Sheet,
        }
    }
}

/// How a control's text changes the form.
type Edit = Rc<dyn Fn(&mut PlanForm, String)>;

/// A problem, worded, at its control.
pub type Problems = Vec<(Control, String)>;

/// A percent as the page's language writes it (`5`, `2,5` in French, `-3`) as a fraction.
fn growth_fraction(lang: Lang, text: &str) -> Result<Option<Decimal>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    // The core's percent reader takes no sign: a fall is typed with a minus in front.
    let (negative, unsigned) = match trimmed
        .strip_prefix('-')
        .or_else(|| trimmed.strip_prefix('−'))
    {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    match read_percent(unsigned, lang.locale()) {
        Ok(fraction) => Ok(Some(if negative { -fraction } else { fraction })),
        Err(e) => Err(percent_problem(lang, e.kind, trimmed)),
    }
}

impl PlanForm {
    /// The settings JSON the core reads (`PlanSettings::from_value`), or the problems the page
    /// finds before it (a percent or a count that does not read).
    fn settings(&self, lang: Lang) -> Result<PlanSettings, Problems> {
        let mut problems = Problems::new();
        let mut root = Map::new();
        if !self.start.trim().is_empty() {
            root.insert("start".into(), self.start.trim().into());
        }
        match count::read(&self.months, lang.locale()) {
            Ok(n) => root.insert("months".into(), n.into()),
            Err(_) => root.insert("months".into(), self.months.trim().into()),
        };
        match growth_fraction(lang, &self.growth) {
            Ok(Some(g)) => {
                root.insert("growth".into(), g.to_string().into());
            }
            Ok(None) => {}
            Err(problem) => problems.push((Control::Growth, problem)),
        }
        let mut own = Map::new();
        for (i, (c, text)) in LineCategory::ALL
            .iter()
            .zip(&self.category_growth)
            .enumerate()
        {
            match growth_fraction(lang, text) {
                Ok(Some(g)) => {
                    own.insert(c.as_str().into(), g.to_string().into());
                }
                Ok(None) => {}
                Err(problem) => problems.push((Control::CategoryGrowth(i), problem)),
            }
        }
        root.insert("category_growth".into(), Value::Object(own));
        let mut multipliers = Map::new();
        for (i, text) in self.multipliers.iter().enumerate() {
            if !text.trim().is_empty() {
                multipliers.insert((i + 1).to_string(), decimal(text).into());
            }
        }
        root.insert("multipliers".into(), Value::Object(multipliers));
        let read = PlanSettings::from_value(&Value::Object(root));
        match read {
            Ok(settings) if problems.is_empty() => Ok(settings),
            Ok(_) => Err(problems),
            Err(errors) => {
                for e in errors.0 {
                    let control = Control::of(&e.at);
                    let typed = self.typed(&control);
                    problems.push((control, plan_problem(lang, &e.kind, typed)));
                }
                Err(problems)
            }
        }
    }

    fn typed(&self, control: &Control) -> Option<&str> {
        match control {
            Control::Start => Some(&self.start),
            Control::Months => Some(&self.months),
            Control::Growth => Some(&self.growth),
            Control::CategoryGrowth(i) => self.category_growth.get(*i).map(String::as_str),
            Control::Multiplier(i) => self.multipliers.get(*i).map(String::as_str),
            Control::Sheet => None,
        }
    }
}

/// `1,8` as the core's decimal `1.8`, as the sheet's settings read it.
fn decimal(text: &str) -> String {
    crate::draft::decimal_text(text.trim())
}

/// The plan of `scenario` as the form asks, or every problem at its control.
pub fn compute(lang: Lang, scenario: &Scenario, form: &PlanForm) -> Result<Plan, Problems> {
    let settings = form.settings(lang)?;
    plan::plan(scenario, &settings).map_err(|errors| {
        errors
            .0
            .iter()
            .map(|e| {
                let control = Control::of(&e.at);
                let typed = form.typed(&control);
                (control, plan_problem(lang, &e.kind, typed))
            })
            .collect()
    })
}

/// Why each unpriced month cannot be priced, in `lang`: its scenario re-estimated (the plan's
/// own reasons are English).
fn unpriced_reasons(
    lang: Lang,
    scenario: &Scenario,
    form: &PlanForm,
    plan: &Plan,
) -> Vec<(String, Vec<String>)> {
    let Ok(settings) = form.settings(lang) else {
        return Vec::new();
    };
    let Ok(months) = plan::month_scenarios(scenario, &settings) else {
        return Vec::new();
    };
    plan.months
        .iter()
        .zip(months)
        .filter(|(m, _)| m.total.is_none())
        .map(|(m, month_scenario)| {
            let reasons = match wacost_core::estimate::estimate(&month_scenario) {
                Ok(_) => Vec::new(),
                Err(errors) => errors.0.iter().map(|e| field_error(lang, e)).collect(),
            };
            (m.month.clone(), reasons)
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct YearPlanProps {
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
}

#[function_component]
pub fn YearPlan(props: &YearPlanProps) -> Html {
    let lang = props.lang;
    let form = use_state(PlanForm::default);
    let answer = use_memo(
        (lang, props.scenario.clone(), (*form).clone()),
        |(lang, scenario, form)| {
            compute(*lang, scenario, form).map(|plan| {
                let unpriced = unpriced_reasons(*lang, scenario, form, &plan);
                (Rc::new(plan), unpriced)
            })
        },
    );
    let edit = |change: Edit| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            change(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            form.set(next);
        })
    };
    let problems: &[(Control, String)] = match answer.as_ref() {
        Err(p) => p,
        Ok(_) => &[],
    };
    let error_of = |control: Control| -> Option<String> {
        problems
            .iter()
            .filter(|(c, _)| *c == control)
            .map(|(_, p)| p.clone())
            .reduce(|a, b| format!("{a} {b}"))
    };
    let field = |id: String,
                 label: String,
                 value: &str,
                 placeholder: String,
                 inputmode: &'static str,
                 control: Control,
                 change: Edit| {
        let error = error_of(control);
        let error_id = format!("{id}-error");
        html! {
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for={id.clone()}>{ label }</label>
                <input type="text" id={id.clone()} {inputmode} value={value.to_string()} placeholder={placeholder}
                    aria-invalid={error.is_some().to_string()} aria-describedby={error.is_some().then(|| error_id.clone())}
                    oninput={edit(change)} />
                if let Some(e) = error {
                    <p class="error" id={error_id} role="alert">{ e }</p>
                }
            </div>
        }
    };
    let sheet_month = props
        .scenario
        .month
        .map(|m| m.to_string())
        .unwrap_or_default();
    let categories = LineCategory::ALL.iter().enumerate().map(|(i, c)| {
        field(
            format!("plan-growth-{}", c.as_str()),
            s(lang, c.as_str()).to_string(),
            &form.category_growth[i],
            String::new(),
            "decimal",
            Control::CategoryGrowth(i),
            Rc::new(move |f: &mut PlanForm, v| {
                if let Some(slot) = f.category_growth.get_mut(i) {
                    *slot = v;
                }
            }),
        )
    });
    let multipliers = (0..12).map(|i| {
        let month = wacost_core::scenario::Month {
            year: 2000,
            month: i as u32 + 1,
        };
        field(
            format!("plan-multiplier-{}", i + 1),
            month_name(lang, month.month).to_string(),
            &form.multipliers[i],
            "1".into(),
            "decimal",
            Control::Multiplier(i),
            Rc::new(move |f: &mut PlanForm, v| {
                if let Some(slot) = f.multipliers.get_mut(i) {
                    *slot = v;
                }
            }),
        )
    });
    let sheet_problems: Vec<&String> = problems
        .iter()
        .filter(|(c, _)| *c == Control::Sheet)
        .map(|(_, p)| p)
        .collect();
    html! {
        <section class="plan-section" data-plan="year" aria-labelledby="plan-year-title">
            <h3 id="plan-year-title">{ s(lang, "plan") }</h3>
            <p class="hint">{ s(lang, "plan_hint") }</p>
            <div class="grid">
                { field("plan-start".into(), s(lang, "start").into(), &form.start, sheet_month, "numeric", Control::Start, Rc::new(|f: &mut PlanForm, v| f.start = v)) }
                { field("plan-months".into(), s(lang, "months").into(), &form.months, "12".into(), "numeric", Control::Months, Rc::new(|f: &mut PlanForm, v| f.months = v)) }
                { field("plan-growth".into(), s(lang, "growth").into(), &form.growth, "0".into(), "decimal", Control::Growth, Rc::new(|f: &mut PlanForm, v| f.growth = v)) }
            </div>
            <details class="plan-more">
                <summary>{ s(lang, "growth_of") }</summary>
                <div class="grid">{ for categories }</div>
            </details>
            <details class="plan-more">
                <summary>{ s(lang, "multipliers") }</summary>
                <div class="grid plan-multipliers">{ for multipliers }</div>
            </details>
            if !sheet_problems.is_empty() {
                <ul class="errors" role="alert" data-plan="problems">
                    { for sheet_problems.iter().map(|p| html! { <li>{ (*p).clone() }</li> }) }
                </ul>
            }
            if let Ok((plan, unpriced)) = answer.as_ref() {
                <PlanChart {lang} plan={plan.clone()} />
                { table(lang, plan) }
                { reasons(lang, plan, unpriced) }
            }
        </section>
    }
}

/// The calendar month's name (`January`), as the page's language writes it.
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    const NAMES: [[&str; 4]; 12] = [
        ["January", "janvier", "enero", "janeiro"],
        ["February", "février", "febrero", "fevereiro"],
        ["March", "mars", "marzo", "março"],
        ["April", "avril", "abril", "abril"],
        ["May", "mai", "mayo", "maio"],
        ["June", "juin", "junio", "junho"],
        ["July", "juillet", "julio", "julho"],
        ["August", "août", "agosto", "agosto"],
        ["September", "septembre", "septiembre", "setembro"],
        ["October", "octobre", "octubre", "outubro"],
        ["November", "novembre", "noviembre", "novembro"],
        ["December", "décembre", "diciembre", "dezembro"],
    ];
    let column = match lang {
        Lang::En => 0,
        Lang::Fr => 1,
        Lang::Es => 2,
        Lang::PtBr => 3,
    };
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| NAMES.get(m))
        .and_then(|row| row.get(column))
        .copied()
        .unwrap_or("?")
}

/// The categories any month has an amount in, in the chart's order.
pub fn used_categories(plan: &Plan) -> Vec<Category> {
    Category::ALL
        .into_iter()
        .filter(|c| plan.months.iter().any(|m| m.categories.contains_key(c)))
        .collect()
}

fn table(lang: Lang, plan: &Plan) -> Html {
    let cur = plan.currency.as_str();
    let used = used_categories(plan);
    let span = used.len() + 5;
    html! {
        <div class="table-scroll">
            <table class="plan-table" data-plan="table">
                <thead>
                    <tr>
                        <th scope="col">{ s(lang, "month") }</th>
                        <th scope="col">{ s(lang, "rules") }{ " · " }{ s(lang, "card") }</th>
                        { for used.iter().map(|c| html! { <th scope="col" class="num">{ crate::i18n::t(lang, c.as_str()) }</th> }) }
                        <th scope="col" class="num">{ s(lang, "meta_total") }</th>
                        <th scope="col" class="num">{ s(lang, "fees") }</th>
                        <th scope="col" class="num">{ s(lang, "total") }</th>
                        <th scope="col" class="num">{ s(lang, "cumulative") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for plan.months.iter().map(|m| {
                        let money = |v: Option<wacost_core::money::Amount>| v.map_or_else(|| html! { "—" }, |a| amount(lang, cur, a.value()));
                        match (m.rules, &m.rate_card, m.total) {
                            (Some(rules), Some(card), Some(_)) => html! {
                                <tr data-month={m.month.clone()}>
                                    <th scope="row">{ m.month.clone() }</th>
                                    <td>{ rules.as_str() }{ " · " }{ card.clone() }</td>
                                    { for used.iter().map(|c| html! { <td class="num">{ money(m.categories.get(c).copied()) }</td> }) }
                                    <td class="num" data-plan="meta-total">{ money(m.meta_total) }</td>
                                    <td class="num">{ money(m.bsp_fees) }</td>
                                    <td class="num" data-plan="total">{ money(m.total) }</td>
                                    <td class="num">{ amount(lang, cur, m.cumulative_total.value()) }</td>
                                </tr>
                            },
                            _ => html! {
                                <tr data-month={m.month.clone()} class="unpriced">
                                    <th scope="row">{ m.month.clone() }</th>
                                    <td colspan={(span - 1).to_string()}>{ s(lang, "not_priced") }</td>
                                </tr>
                            },
                        }
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan={(used.len() + 2).to_string()}>{ s(lang, "plan_totals") }</th>
                        <td class="num" data-plan="plan-meta-total">{ amount(lang, cur, plan.meta_total.value()) }</td>
                        <td class="num">{ amount(lang, cur, plan.bsp_fees.value()) }</td>
                        <td class="num" data-plan="plan-total">{ amount(lang, cur, plan.total.value()) }</td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

fn reasons(lang: Lang, plan: &Plan, unpriced: &[(String, Vec<String>)]) -> Html {
    let months: Vec<_> = plan.months.iter().filter(|m| !m.notes.is_empty()).collect();
    if months.is_empty() && plan.notes.is_empty() {
        return html! {};
    }
    html! {
        <div class="plan-reasons" data-plan="reasons">
            <h4>{ s(lang, "why") }</h4>
            <ul>
                { for months.iter().map(|m| {
                    let why = unpriced.iter().find(|(month, _)| *month == m.month).map(|(_, r)| r.clone()).unwrap_or_default();
                    html! {
                        <li data-month={m.month.clone()}>
                            <strong>{ m.month.clone() }</strong>{ " " }
                            { m.notes.iter().map(|n| plan_note(lang, n)).collect::<Vec<_>>().join(" ") }
                            if !why.is_empty() {
                                <ul>{ for why.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
                            }
                        </li>
                    }
                }) }
                { for plan.notes.iter().map(|n| html! { <li class="plan-note">{ plan_note(lang, n) }</li> }) }
            </ul>
        </div>
    }
}
