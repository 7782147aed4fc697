//! The month, currency, card, rules and the assumptions that drive the estimate, each with its
//! error beside it. Choices come from the catalog, so only priceable currencies are offered.

use super::field::{field_id, Field};
use super::Ctx;
use crate::i18n::t;
use crate::state::Action;
use wacost_core::scenario::RulesVersion;
use wacost_core::Catalog;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component]
pub fn Settings() -> Html {
    // Outside the app (no context) there is nothing to show, rather than a panic.
    let Some(state) = use_context::<Ctx>() else {
        return html! {};
    };
    let lang = state.lang;
    let catalog = Catalog::builtin();
    let draft = &state.draft;
    let currency = match draft.get("currency").trim() {
        "" => "USD".to_string(),
        c => c.to_ascii_uppercase(),
    };

    let currencies: Vec<(String, String)> = catalog
        .currencies()
        .into_iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    let mut infos: Vec<_> = catalog
        .card_infos()
        .into_iter()
        .filter(|i| i.currency == currency)
        .collect();
    infos.sort_by_key(|i| std::cmp::Reverse(i.effective));
    let mut cards = vec![(String::new(), t(lang, "in_force").to_string())];
    cards.extend(infos.iter().map(|i| {
        let date = i.effective.to_string();
        let label = if i.complete {
            date.clone()
        } else {
            format!("{date} (partial)")
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

    // The card the core actually priced with; its gaps are what the user must know.
    let priced = state.estimate.as_ref().filter(|e| e.currency == currency);
    let gaps = priced
        .and_then(|e| wacost_core::date::parse_date(&e.rate_card))
        .and_then(|date| infos.iter().find(|i| i.effective == date))
        .filter(|i| !i.complete)
        .map(|i| {
            let held: Vec<&str> = catalog
                .card(&i.currency, i.effective)
                .map(|card| card.markets())
                .unwrap_or_default();
            // Name whichever list is shorter: a card with a handful of markets is easier to
            // describe by what it has.
            if i.missing_markets.len() > held.len() {
                format!("{} {}", t(lang, "partial_card_only"), held.join(", "))
            } else {
                let mut names = i.missing_markets.clone();
                names.extend(i.missing_rates.iter().map(|(m, c)| format!("{m} ({c})")));
                format!("{} {}", t(lang, "partial_card"), names.join(", "))
            }
        });
    // Only conversation eras use messages per conversation; the core says which era applies.
    let effective_rules = priced.map(|e| e.rules);
    let conversation_rules = effective_rules.is_some_and(RulesVersion::counts_conversations);

    let auth_id = field_id("auth_international");
    let auth_checked = draft.get("auth_international") == "true";
    // A value a link gave that is not true or false is shown with its error, as typed text is.
    let auth_error = state.error_at("auth_international");
    let on_auth = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatcher.dispatch(Action::Set(
                "auth_international",
                input.checked().to_string(),
            ));
        })
    };
    let per_message_on = vec![
        ("charged".to_string(), t(lang, "charged").to_string()),
        ("delivered".to_string(), t(lang, "delivered").to_string()),
    ];

    html! {
        <section class="card settings" aria-labelledby="settings-title">
            <h2 id="settings-title">{ t(lang, "settings") }</h2>
            <div class="grid">
                <Field path="month" label={t(lang, "month").to_string()} placeholder="YYYY-MM" inputmode="numeric" />
                <Field path="currency" label={t(lang, "currency").to_string()} options={currencies} />
                <Field path="rate_card" label={t(lang, "rate_card").to_string()} options={cards} />
                <Field path="rules" label={t(lang, "rules").to_string()} options={rules} />
            </div>
            if let Some(missing) = gaps {
                <p class="note" data-wacost="partial-card">{ missing }</p>
            }
            <div class="grid">
                <Field path="phone_numbers" label={t(lang, "phone_numbers").to_string()} placeholder="1" inputmode="numeric" />
                <Field path="wabas" label={t(lang, "wabas").to_string()} placeholder="1" inputmode="numeric" />
                <Field path="business_country" label={t(lang, "business_country").to_string()} placeholder="GB" inputmode="text" />
                <div class={classes!("field", "check", auth_error.is_some().then_some("invalid"))}>
                    <input id={auth_id.clone()} type="checkbox" checked={auth_checked} onchange={on_auth}
                        aria-invalid={auth_error.is_some().to_string()}
                        aria-describedby={auth_error.is_some().then(|| format!("{auth_id}-error"))} />
                    <label for={auth_id.clone()}>{ t(lang, "auth_international") }</label>
                    if let Some(message) = auth_error { <small id={format!("{auth_id}-error")} class="error" role="alert">{ message }</small> }
                </div>
                <Field path="utility_in_window" label={t(lang, "utility_in_window").to_string()} placeholder="0" />
                <Field path="entry_point" label={t(lang, "entry_point").to_string()} placeholder="0" />
            </div>
            if conversation_rules {
                <fieldset>
                    <legend>{ t(lang, "per_conversation") }</legend>
                    <div class="grid">
                        <Field path="per_conversation.marketing" label={t(lang, "marketing").to_string()} placeholder="1" />
                        <Field path="per_conversation.utility" label={t(lang, "utility").to_string()} placeholder="1" />
                        <Field path="per_conversation.authentication" label={t(lang, "authentication").to_string()} placeholder="1" />
                        <Field path="per_conversation.service" label={t(lang, "service").to_string()} placeholder="1" />
                    </div>
                    if effective_rules == Some(RulesVersion::Mx2021_02) {
                        <Field path="free_conversations" label={t(lang, "free_conversations").to_string()} placeholder="1500" inputmode="numeric" />
                    }
                </fieldset>
            }
            <fieldset>
                <legend>{ t(lang, "bsp") }</legend>
                <div class="grid">
                    <Field path="bsp.per_message" label={t(lang, "bsp_per_message").to_string()} placeholder="0" />
                    <Field path="bsp.per_message_on" label={t(lang, "bsp_per_message_on").to_string()} options={per_message_on} />
                    <Field path="bsp.markup" label={t(lang, "bsp_markup").to_string()} placeholder="0" />
                    <Field path="bsp.monthly" label={t(lang, "bsp_monthly").to_string()} placeholder="0" />
                    <Field path="bsp.per_number" label={t(lang, "bsp_per_number").to_string()} placeholder="0" />
                </div>
            </fieldset>
        </section>
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
        for (path, _) in crate::state::SETTINGS {
            let field = format!("<Field path=\"{path}\"");
            let checkbox = format!("field_id(\"{path}\")");
            assert!(
                panel.contains(&field) || panel.contains(&checkbox),
                "the settings panel has no control for {path}"
            );
        }
    }
}
