//! The month, currency, card, rules and the assumptions that drive the estimate, each with its
//! error beside it. Choices come from the catalog, so only priceable currencies are offered.

use super::field::{field_id, Field};
use crate::draft::is_percent;
use crate::engine::{Estimate, FieldError};
use crate::i18n::{t, Lang};
use crate::state::Shared;
use crate::wording;
use crate::wording::finance;
use std::rc::Rc;
use wacost_core::catalog::CardInfo;
use wacost_core::currencies::{CurrencyCoverage, Status};
use wacost_core::percent::{markup_warning, read_percent, PercentError};
use wacost_core::scenario::{RulesVersion, Setting};
use wacost_core::Catalog;
use wacost_core::Category;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub lang: Lang,
    /// Every setting as typed.
    pub values: Rc<Vec<(Setting, String)>>,
    /// The draft's problems; the panel shows those of its settings.
    pub errors: Rc<Vec<FieldError>>,
    /// The last estimate: the card and rules the core priced with.
    pub estimate: Option<Shared<Estimate>>,
    /// Percent fields whose text the percent reader refuses, and why.
    #[prop_or_default]
    pub bad_percents: Rc<Vec<(Setting, PercentError)>>,
    pub on_set: Callback<(Setting, String)>,
}

impl SettingsProps {
    fn value(&self, setting: Setting) -> &str {
        self.values
            .iter()
            .find(|(s, _)| *s == setting)
            .map_or("", |(_, v)| v.as_str())
    }

    fn error(&self, setting: Setting) -> Option<AttrValue> {
        if let Some((_, problem)) = self.bad_percents.iter().find(|(s, _)| *s == setting) {
            return Some(finance::percent_problem(self.lang, problem.kind, &problem.text).into());
        }
        let path = setting.path();
        if is_percent(setting) && self.errors.iter().any(|e| e.path == path) {
            // The core judged the fraction; the user typed a percent, so say it in percents.
            return Some(
                finance::percent_range(
                    self.lang,
                    self.value(setting),
                    setting == Setting::BspMarkup,
                )
                .into(),
            );
        }
        let error = self.errors.iter().find(|e| e.path == path)?;
        Some(wording::typed_problem(self.lang, &error.kind, self.value(setting)).into())
    }

    fn currency(&self) -> String {
        match self.value(Setting::Currency).trim() {
            "" => "USD".to_string(),
            c => c.to_ascii_uppercase(),
        }
    }

    /// A text box or, with `options`, a select for `setting`.
    fn field(&self, setting: Setting, label: &str, placeholder: &str, inputmode: &str) -> Html {
        html! {
            <Field {setting} label={label.to_string()} value={self.value(setting).to_string()}
                error={self.error(setting)} placeholder={placeholder.to_string()}
                inputmode={inputmode.to_string()}
                on_change={self.on_set.reform(move |value| (setting, value))} />
        }
    }

    /// A percent field (`10` is 10 %), with a word when a markup is above 100 %.
    fn percent(&self, setting: Setting, label: &str) -> Html {
        let warning = (setting == Setting::BspMarkup)
            .then(|| read_percent(self.value(setting), self.lang.locale()).ok())
            .flatten()
            .and_then(markup_warning)
            .map(|w| {
                AttrValue::from(finance::percent_warning(
                    self.lang,
                    &w,
                    self.value(setting).trim(),
                ))
            });
        html! {
            <Field {setting} label={label.to_string()} value={self.value(setting).to_string()}
                error={self.error(setting)} placeholder="0" inputmode="decimal" hint={warning}
                on_change={self.on_set.reform(move |value| (setting, value))} />
        }
    }

    fn select(&self, setting: Setting, label: &str, options: Vec<(String, String)>) -> Html {
        html! {
            <Field {setting} label={label.to_string()} value={self.value(setting).to_string()}
                error={self.error(setting)} {options}
                on_change={self.on_set.reform(move |value| (setting, value))} />
        }
    }
}

/// The cards of the currency, newest first.
fn cards_of(currency: &str) -> Vec<CardInfo> {
    let catalog = Catalog::builtin();
    let mut infos: Vec<_> = catalog
        .cards()
        .iter()
        .filter(|card| card.id.currency == currency)
        .map(|card| catalog.card_info(card))
        .collect();
    infos.sort_by_key(|i| std::cmp::Reverse(i.effective));
    infos
}

/// What the card the core priced with lacks, when it is held only in part: the shorter of the
/// markets it has and those it lacks.
fn gaps(lang: Lang, priced: Option<&Estimate>, infos: &[CardInfo]) -> Option<String> {
    let info = priced
        .and_then(|e| wacost_core::date::parse_date(&e.rate_card))
        .and_then(|date| infos.iter().find(|i| i.effective == date))
        .filter(|i| !i.complete)?;
    let held: Vec<&str> = Catalog::builtin()
        .card(&info.currency, info.effective)
        .map(|card| card.markets())
        .unwrap_or_default();
    Some(if info.missing_markets.len() > held.len() {
        format!("{} {}", t(lang, "partial_card_only"), held.join(", "))
    } else {
        let mut names = info.missing_markets.clone();
        names.extend(info.missing_rates.iter().map(|(m, c)| format!("{m} ({c})")));
        format!("{} {}", t(lang, "partial_card"), names.join(", "))
    })
}

#[function_component]
pub fn Settings(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let currency = props.currency();
    let infos = cards_of(&currency);
    // The card the core actually priced with; its gaps are what the user must know.
    let priced = props.estimate.as_deref().filter(|e| e.currency == currency);
    let gaps = gaps(lang, priced, &infos);
    // Only conversation eras use messages per conversation; the core says which era applies.
    let rules = priced.map(|e| e.rules);
    html! {
        <section class="card settings" aria-labelledby="settings-title">
            <h2 id="settings-title">{ t(lang, "settings") }</h2>
            <div class="grid">{ choices(props, &infos) }</div>
            { currency_choices(props) }
            if let Some(missing) = gaps {
                <p class="note" data-wacost="partial-card">{ missing }</p>
            }
            <div class="grid">{ assumptions(props) }</div>
            if rules.is_some_and(RulesVersion::counts_conversations) {
                { conversations(props, rules == Some(RulesVersion::Mx2021_02)) }
            }
            { provider(props) }
        </section>
    }
}

/// Month, currency, card and rules.
fn choices(props: &SettingsProps, infos: &[CardInfo]) -> Html {
    let lang = props.lang;
    let currencies = currency_options(props);
    let mut cards = vec![(String::new(), t(lang, "in_force").to_string())];
    cards.extend(infos.iter().map(|i| {
        let date = i.effective.to_string();
        let label = if i.complete {
            date.clone()
        } else {
            format!("{date} ({})", t(lang, "partial_word"))
        };
        (date, label)
    }));
    let mut rules = vec![(String::new(), t(lang, "rules_auto").to_string())];
    rules.extend(
        RulesVersion::ALL
            .iter()
            .rev()
            .map(|r| (r.as_str().to_string(), r.as_str().to_string())),
    );
    html! {
        <>
            { props.field(Setting::Month, t(lang, "month"), "YYYY-MM", "numeric") }
            { props.select(Setting::Currency, t(lang, "currency"), currencies) }
            { props.select(Setting::RateCard, t(lang, "rate_card"), cards) }
            { props.select(Setting::Rules, t(lang, "rules"), rules) }
        </>
    }
}

/// The month typed, when it reads as one.
fn month(props: &SettingsProps) -> Option<wacost_core::scenario::Month> {
    props.value(Setting::Month).trim().parse().ok()
}

/// What the chosen currency can price in the month, from the core's index of cards.
fn coverage(props: &SettingsProps) -> Option<CurrencyCoverage> {
    let currency = props.currency();
    wacost_core::currencies::currencies(month(props)?)
        .ok()?
        .into_iter()
        .find(|c| c.currency == currency)
}

/// All of Meta's billing currencies, each labelled with what it can price in the month; the
/// bare codes the catalog holds when no month reads yet.
fn currency_options(props: &SettingsProps) -> Vec<(String, String)> {
    let lang = props.lang;
    let listed = month(props).and_then(|m| wacost_core::currencies::currencies(m).ok());
    let mut options: Vec<(String, String)> = match listed {
        Some(list) => list
            .iter()
            .map(|c| {
                (
                    c.currency.to_string(),
                    wording::compare::coverage_label(lang, c),
                )
            })
            .collect(),
        // From the index: the page holds only the cards of the currencies it fetched.
        None => wacost_core::currency_data_files()
            .iter()
            .map(|(c, _)| (c.to_string(), c.to_string()))
            .collect(),
    };
    // A currency typed in a link that is none of these stays selectable, with its error.
    let typed = props.value(Setting::Currency).trim().to_string();
    if !typed.is_empty()
        && !options
            .iter()
            .any(|(code, _)| code.eq_ignore_ascii_case(&typed))
    {
        options.push((typed.clone(), typed));
    }
    options
}

/// On a partial card or a month without one, the explicit ways on: the currency's latest
/// complete card, or Meta's own card loaded for the month. Nothing is converted or filled in.
fn currency_choices(props: &SettingsProps) -> Html {
    let lang = props.lang;
    if !props.value(Setting::RateCard).trim().is_empty() {
        return html! {};
    }
    let Some(coverage) = coverage(props) else {
        return html! {};
    };
    let head = match coverage.status {
        Status::Complete => return html! {},
        Status::Partial => "partial_choices",
        Status::NoCard => "no_card_choices",
    };
    let currency = coverage.currency;
    // The latest complete card is offered only if it prints every category the month's rules
    // charge (a card from before 2026-10 has no service rate): a choice that cannot price the
    // month is no way on.
    let prints_all = |date: &chrono::NaiveDate| {
        wacost_core::card_index()
            .iter()
            .find(|card| card.currency == currency && card.effective == *date)
            .is_some_and(|card| {
                Category::ALL
                    .into_iter()
                    .filter(|c| coverage.rules.charges(*c))
                    .filter(|c| *c != Category::AuthenticationInternational)
                    .all(|c| card.complete_for(c))
            })
    };
    let complete = coverage
        .latest_complete
        .filter(|date| Some(*date) != coverage.card && prints_all(date))
        .map(|date| {
            let text = t(lang, "use_complete_card")
                .replace("{currency}", currency)
                .replace("{card}", &date.to_string());
            let onclick = props
                .on_set
                .reform(move |_: MouseEvent| (Setting::RateCard, date.to_string()));
            html! { <li><button type="button" data-wacost="use-complete-card" {onclick}>{ text }</button></li> }
        });
    let load = t(lang, "load_meta_card").replace("{currency}", currency);
    html! {
        <div class="note currency-choices" data-wacost="currency-choices">
            <p>{ t(lang, head).replace("{currency}", currency) }</p>
            <ul>
                { for complete }
                <li><button type="button" data-wacost="load-meta-card" onclick={Callback::from(open_card_loader)}>{ load }</button></li>
            </ul>
        </div>
    }
}

/// Opens the card loader (in the rates panel of the same page) and puts the cursor in it.
fn open_card_loader(event: MouseEvent) {
    use wasm_bindgen::JsCast;
    let page = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest(".wacost").ok().flatten());
    let Some(text) = page.and_then(|p| p.query_selector("#card-text").ok().flatten()) else {
        return;
    };
    if let Ok(Some(details)) = text.closest("details") {
        let _ = details.set_attribute("open", "");
    }
    if let Ok(text) = text.dyn_into::<web_sys::HtmlElement>() {
        let _ = text.focus();
    }
}

/// Phone numbers, accounts, the business's country and eligibility, and the shares.
fn assumptions(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let auth_id = field_id(Setting::AuthInternational);
    let auth_checked = props.value(Setting::AuthInternational) == "true";
    // A value a link gave that is not true or false is shown with its error, as typed text is.
    let auth_error = props.error(Setting::AuthInternational);
    let on_auth = props.on_set.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (Setting::AuthInternational, input.checked().to_string())
    });
    html! {
        <>
            { props.field(Setting::PhoneNumbers, t(lang, "phone_numbers"), "1", "numeric") }
            { props.field(Setting::Wabas, t(lang, "wabas"), "1", "numeric") }
            { props.field(Setting::BusinessCountry, t(lang, "business_country"), "GB", "text") }
            <div class={classes!("field", "check", auth_error.is_some().then_some("invalid"))}>
                <input id={auth_id.clone()} type="checkbox" checked={auth_checked} onchange={on_auth}
                    aria-invalid={auth_error.is_some().to_string()}
                    aria-describedby={auth_error.is_some().then(|| format!("{auth_id}-error"))} />
                <label for={auth_id.clone()}>{ t(lang, "auth_international") }</label>
                if let Some(message) = auth_error { <small id={format!("{auth_id}-error")} class="error" role="alert">{ message }</small> }
            </div>
            { props.percent(Setting::UtilityInWindow, t(lang, "utility_in_window")) }
            { props.percent(Setting::EntryPoint, t(lang, "entry_point")) }
        </>
    }
}

/// Messages per conversation (and the Mexico test's free conversations), for the eras that
/// charge conversations.
fn conversations(props: &SettingsProps, mexico: bool) -> Html {
    let lang = props.lang;
    html! {
        <fieldset>
            <legend>{ t(lang, "per_conversation") }</legend>
            <div class="grid">
                { props.field(Setting::PerConversationMarketing, t(lang, "marketing"), "1", "decimal") }
                { props.field(Setting::PerConversationUtility, t(lang, "utility"), "1", "decimal") }
                { props.field(Setting::PerConversationAuthentication, t(lang, "authentication"), "1", "decimal") }
                { props.field(Setting::PerConversationService, t(lang, "service"), "1", "decimal") }
            </div>
            if mexico {
                { props.field(Setting::FreeConversations, t(lang, "free_conversations"), "1500", "numeric") }
            }
        </fieldset>
    }
}

/// The provider's fees.
fn provider(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let per_message_on = vec![
        ("charged".to_string(), t(lang, "charged").to_string()),
        ("delivered".to_string(), t(lang, "delivered").to_string()),
    ];
    html! {
        <fieldset>
            <legend>{ t(lang, "bsp") }</legend>
            <div class="grid">
                { props.field(Setting::BspPerMessage, t(lang, "bsp_per_message"), "0", "decimal") }
                { props.select(Setting::BspPerMessageOn, t(lang, "bsp_per_message_on"), per_message_on) }
                { props.percent(Setting::BspMarkup, t(lang, "bsp_markup")) }
                { props.field(Setting::BspMonthly, t(lang, "bsp_monthly"), "0", "decimal") }
                { props.field(Setting::BspPerNumber, t(lang, "bsp_per_number"), "0", "decimal") }
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    /// Every setting of the core's schema has a control on this panel: a setting added to the
    /// schema travels in the link at once, and fails here until the page lets users set it.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn every_setting_of_the_schema_has_a_control() {
        let panel = include_str!("settings.rs");
        let panel = &panel[..panel.find("#[cfg(test)]").unwrap_or(panel.len())];
        for setting in wacost_core::scenario::Setting::ALL {
            let control = format!("(Setting::{setting:?},");
            let checkbox = format!("field_id(Setting::{setting:?})");
            assert!(
                panel.contains(&control) || panel.contains(&checkbox),
                "the settings panel has no control for {}",
                setting.path_text()
            );
        }
    }
}
