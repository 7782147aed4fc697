//! The view of "What changed between two cards": two cards of the sheet's currency, and the
//! core's `card_diff` of them worded in the page's language. Only rates that moved are listed
//! (a rate on one card only counts as moved); money through the core's `MoneyFormat`.

use crate::i18n::{t, Lang};
use crate::place_names;
use crate::wording::compare::{effect_reason, money, rate, signed_money};
use crate::wording::{decimal, list, say, words};
use chrono::NaiveDate;
use wacost_core::card_diff::{card_diff, CardDiff, DiffError, RateDiff};
use wacost_core::scenario::Scenario;
use wacost_core::Catalog;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CardDiffViewProps {
    pub lang: Lang,
    pub currency: AttrValue,
    /// The sheet's scenario JSON; its effect is shown when it reads.
    pub scenario: AttrValue,
}

/// The dates of the currency's cards, oldest first.
fn cards_of(currency: &str) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = Catalog::builtin()
        .card_infos()
        .into_iter()
        .filter(|i| i.currency == currency)
        .map(|i| i.effective)
        .collect();
    dates.sort();
    dates
}

#[function_component]
pub fn CardDiffView(props: &CardDiffViewProps) -> Html {
    let lang = props.lang;
    let currency = props.currency.to_string();
    let dates = cards_of(&currency);
    // The two newest cards to start with: the change people ask about first.
    let default_new = dates.last().copied();
    let default_old = dates.iter().rev().nth(1).copied().or(default_new);
    let old = use_state(|| default_old);
    let new = use_state(|| default_new);
    let (Some(old_date), Some(new_date)) = (
        (*old).filter(|d| dates.contains(d)).or(default_old),
        (*new).filter(|d| dates.contains(d)).or(default_new),
    ) else {
        return html! { <p class="note">{ say(lang, &words!(
            "No {1} card in this build.",
            "Aucune grille {1} dans cette version.",
            "Ninguna tarifa en {1} en esta versión.",
            "Nenhuma tabela em {1} nesta versão.",
        ), &[&currency]) }</p> };
    };
    let scenario = Scenario::from_json(&props.scenario).ok();
    let diff = card_diff(&currency, old_date, new_date, scenario.as_ref());
    let select = |id: &'static str,
                  label: &str,
                  chosen: NaiveDate,
                  state: UseStateHandle<Option<NaiveDate>>| {
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            state.set(select.value().parse().ok());
        });
        html! {
            <div class="field">
                <label for={id}>{ label.to_string() }</label>
                <select {id} {onchange}>
                    { for dates.iter().map(|d| html! {
                        <option value={d.to_string()} selected={*d == chosen}>{ d.to_string() }</option>
                    }) }
                </select>
            </div>
        }
    };
    html! {
        <div class="carddiff-view" data-carddiff="view">
            <div class="grid">
                { select("carddiff-old", &say(lang, &words!("Old card ({1})", "Ancienne grille ({1})", "Tarifa anterior ({1})", "Tabela anterior ({1})"), &[&currency]), old_date, old) }
                { select("carddiff-new", &say(lang, &words!("New card ({1})", "Nouvelle grille ({1})", "Tarifa nueva ({1})", "Tabela nova ({1})"), &[&currency]), new_date, new) }
            </div>
            { match diff {
                Ok(diff) => shown(lang, &diff),
                Err(error) => problem(lang, &error),
            } }
        </div>
    }
}

fn problem(lang: Lang, error: &DiffError) -> Html {
    html! {
        <p class="errors" role="alert">{ say(lang, &words!(
            "These two cards cannot be compared: {1}",
            "Ces deux grilles ne peuvent pas être comparées : {1}",
            "Estas dos tarifas no se pueden comparar: {1}",
            "Estas duas tabelas não podem ser comparadas: {1}",
        ), &[&error.to_string()]) }</p>
    }
}

fn shown(lang: Lang, diff: &CardDiff) -> Html {
    let currency = diff.currency.as_str();
    let moved: Vec<&RateDiff> = diff.changed().collect();
    html! {
        <>
            { effect(lang, diff) }
            if !diff.markets_added.is_empty() {
                <h4>{ say(lang, &words!("Markets added", "Marchés ajoutés", "Mercados añadidos", "Mercados adicionados"), &[]) }</h4>
                <ul data-carddiff="markets-added">
                    { for diff.markets_added.iter().map(|m| html! { <li>{
                        if m.from.is_empty() {
                            place_names::market(lang, &m.market)
                        } else {
                            let from: Vec<String> = m.from.iter().map(|f| place_names::market(lang, f)).collect();
                            say(lang, &words!("{1}, split from {2}", "{1}, détaché de {2}", "{1}, separado de {2}", "{1}, separado de {2}"), &[&place_names::market(lang, &m.market), &list(lang, &from, false)])
                        }
                    }</li> }) }
                </ul>
            }
            if !diff.markets_removed.is_empty() {
                <p>{ say(lang, &words!("Markets no longer listed: {1}", "Marchés qui ne figurent plus : {1}", "Mercados que ya no figuran: {1}", "Mercados que não constam mais: {1}"), &[&list(lang, &diff.markets_removed.iter().map(|m| place_names::market(lang, m)).collect::<Vec<_>>(), false)]) }</p>
            }
            <h4>{ say(lang, &words!("Rates that changed ({1})", "Tarifs modifiés ({1})", "Tarifas que cambiaron ({1})", "Tarifas que mudaram ({1})"), &[&moved.len().to_string()]) }</h4>
            if moved.is_empty() {
                <p class="hint">{ say(lang, &words!("No rate changed.", "Aucun tarif n'a changé.", "Ninguna tarifa cambió.", "Nenhuma tarifa mudou."), &[]) }</p>
            } else {
                <div class="table-scroll">
                    <table class="carddiff-rates" data-carddiff="rates">
                        <thead><tr>
                            <th scope="col">{ t(lang, "market") }</th>
                            <th scope="col">{ t(lang, "category") }</th>
                            <th scope="col" class="num">{ diff.old_card.clone() }</th>
                            <th scope="col" class="num">{ diff.new_card.clone() }</th>
                            <th scope="col" class="num">{ "%" }</th>
                        </tr></thead>
                        <tbody>
                            { for moved.iter().map(|r| html! {
                                <tr data-market={r.market.clone()} data-category={r.category.as_str()}>
                                    <td>{ place_names::market(lang, &r.market) }</td>
                                    <td>{ t(lang, r.category.as_str()) }</td>
                                    <td class="num">{ r.old.map(|v| rate(lang, currency, v)).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="num">{ r.new.map(|v| rate(lang, currency, v)).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="num" data-value={r.percent.map(|p| p.rounded(4).to_string())}>{
                                        r.percent.map(|p| {
                                            let value = p.rounded(1);
                                            let sign = if value.is_sign_positive() && !value.is_zero() { "+" } else { "" };
                                            format!("{sign}{} %", decimal(lang, value))
                                        }).unwrap_or_default()
                                    }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </>
    }
}

/// The sheet on both cards, with the same rules.
fn effect(lang: Lang, diff: &CardDiff) -> Html {
    let Some(effect) = &diff.effect else {
        return html! {};
    };
    let currency = diff.currency.as_str();
    match (effect.old_total, effect.new_total, effect.change) {
        (Some(old), Some(new), Some(change)) => html! {
            <div class="answer" data-carddiff="effect" data-value={change.to_string()}>
                <p class="answer-sentence"><strong>{ say(lang, &words!(
                    "Your sheet: {1} on the old card, {2} on the new one ({3}).",
                    "Votre tableau : {1} avec l'ancienne grille, {2} avec la nouvelle ({3}).",
                    "Su hoja: {1} con la tarifa anterior, {2} con la nueva ({3}).",
                    "Sua planilha: {1} com a tabela anterior, {2} com a nova ({3}).",
                ), &[&money(lang, currency, old), &money(lang, currency, new), &signed_money(lang, currency, change)]) }</strong></p>
                if !effect.reasons.is_empty() {
                    <ul class="effects">{ for effect.reasons.iter().map(|r| html! { <li>{ effect_reason(lang, currency, r) }</li> }) }</ul>
                }
            </div>
        },
        _ => {
            let errors: Vec<String> = effect
                .old_errors
                .iter()
                .chain(&effect.new_errors)
                .cloned()
                .collect();
            html! {
                <p class="note">{ say(lang, &words!(
                    "Your sheet cannot be priced on both cards: {1}",
                    "Votre tableau ne peut pas être chiffré avec les deux grilles : {1}",
                    "Su hoja no se puede valorar con ambas tarifas: {1}",
                    "Sua planilha não pode ser precificada com as duas tabelas: {1}",
                ), &[&errors.join(" ")]) }</p>
            }
        }
    }
}
