//! The page: header with language and link, then sheet, settings, rates, results and
//! comparison. `App` owns the reducer and gives each part its data and callbacks. The address
//! bar keeps the link the page was opened with until the user changes something, then follows
//! the state, so any moment of the page can be shared or reloaded; the last sheet is kept in
//! the browser's storage and offered back on a visit without a link.

use super::answer::AnswerFirst;
use super::compare::Compare;
use super::header::Header;
use super::notices::{CurrencyChange, NoticeBar, RestoreOffer};
use super::rates_editor::RatesEditor;
use super::results::Results;
use super::settings::Settings;
use super::sheet::Sheet;
use crate::dom;
use crate::i18n::Lang;
use crate::link::kept;
use crate::sheet_io::{table_for, Table};
use crate::state::{Action, AppState};
use std::rc::Rc;
use wacost_core::scenario::Setting;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The query string the page was opened with (`?scenario=…`).
    #[prop_or_default]
    pub query: AttrValue,
    /// Whether to mirror the state into the address bar and the browser's storage, and offer
    /// the stored sheet back (off when embedded in a test).
    #[prop_or(true)]
    pub sync_url: bool,
    /// A language to start in instead of the browser's (a `lang` in the link still wins).
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// The month a fresh page starts on (`YYYY-MM`); the browser's current month if unset.
    #[prop_or_default]
    pub default_month: Option<AttrValue>,
}

type State = UseReducerHandle<AppState>;

/// A callback that dispatches the action `to` makes of its event.
fn make<E: 'static>(state: &State, to: impl Fn(E) -> Action + 'static) -> Callback<E> {
    let dispatcher = state.dispatcher();
    Callback::from(move |event: E| dispatcher.dispatch(to(event)))
}

/// The page's state, opened from the props' query (and the kept sheet, when synced).
#[hook]
fn use_page_state(props: &AppProps) -> State {
    let props = props.clone();
    use_reducer(move || {
        let lang = props.lang.unwrap_or_else(Lang::detect);
        let month = props
            .default_month
            .map(|m| m.to_string())
            .unwrap_or_else(dom::current_month);
        let state = AppState::from_query(&props.query, lang, &month);
        if props.sync_url {
            state.offer_stored(kept::stored_sheet().as_deref())
        } else {
            state
        }
    })
}

/// Mirrors the state into the address bar, the kept sheet and the document's language.
#[hook]
fn use_page_sync(sync: bool, state: &AppState) {
    let address = state.address();
    let keep = state.sheet_to_keep().map(str::to_string);
    use_effect_with((address, keep, state.lang), move |(address, keep, lang)| {
        if sync {
            if let Some(query) = address {
                dom::replace_query(query);
            }
            if let Some(json) = keep {
                kept::store_sheet(json);
            }
            dom::set_document_lang(lang.tag());
        }
    });
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_page_state(props);
    use_page_sync(props.sync_url, &state);
    let cards = crate::currency_data::use_currency_cards(
        state.draft.currency(),
        make(&state, |()| Action::CardsLoaded),
    );
    let lang = state.lang;
    let link = state.link();
    html! {
        <div class="wacost" lang={lang.tag()}>
            <a class="skip-link" href="#estimate">{ crate::i18n::t(lang, "skip_to_estimate") }</a>
            <Header {lang} {link} on_lang={make(&state, Action::SetLang)} />
            if let Some(notice) = &state.notice {
                <NoticeBar {lang} notice={notice.clone()} on_dismiss={make(&state, |()| Action::Dismiss)} />
            }
            if let Some(to) = &state.currency_change {
                <CurrencyChange {lang} from={state.draft.currency()} to={to.clone()}
                    on_clear={make(&state, |()| Action::SwitchCurrency { clear_rates: true })}
                    on_keep_rates={make(&state, |()| Action::SwitchCurrency { clear_rates: false })}
                    on_stay={make(&state, |()| Action::KeepCurrency)} />
            }
            if state.restore.is_some() {
                <RestoreOffer {lang} on_restore={make(&state, |()| Action::Restore)}
                    on_dismiss={make(&state, |()| Action::DismissRestore)} />
            }
            <main class="layout">
                <div class="inputs">{ inputs(&state) }</div>
                <div class="outputs">{ cards_state(lang, &cards) }{ outputs(&state, &cards) }</div>
            </main>
            <crate::log_check::LogCheckLink {lang} />
            <crate::plan_view::PlanLink {lang} json={state.json.clone()} on_replace={make(&state, Action::ReplaceSheet)} />
            <crate::card_diff::CardDiffLink {lang} currency={state.draft.currency()} scenario={state.json.clone()} />
        </div>
    }
}

/// The sheet, the settings and the rates, each with its data and what it changes.
fn inputs(state: &State) -> Html {
    let lang = state.lang;
    let draft = &state.draft;
    let errors = state.errors.clone();
    html! {
        <>
            <Sheet {lang} lines={Rc::new(draft.lines.clone())} table={Table(table_for(draft))}
                errors={errors.clone()}
                on_count={make(state, |(id, field, value)| Action::SetCount { id, field, value })}
                on_paste={make(state, |(id, field, text)| Action::Paste { id, field, text })}
                on_move={make(state, |(id, delta)| Action::MoveLine { id, delta })}
                on_remove={make(state, Action::RemoveLine)}
                on_add={make(state, Action::AddLine)}
                on_import={make(state, Action::ImportCsv)}
                on_notify={make(state, Action::Notify)} />
            <Settings key={state.currency_change.clone().unwrap_or_default()} {lang} values={Rc::new(settings_shown(draft, lang))} errors={errors.clone()}
                bad_percents={Rc::new(bad_percents(draft, lang))}
                estimate={state.estimate.clone()}
                on_set={make(state, |(setting, value)| Action::Set(setting, value))} />
            // Remounted when a currency's cards arrive: it reads the card from the catalog.
            <RatesEditor key={wacost_core::Catalog::builtin().cards().len().to_string()} {lang} currency={draft.currency()} rate_card={draft.get(Setting::RateCard).trim().to_string()}
                month={draft.month_start()}
                dests={Rc::new(draft.lines.iter().map(|l| l.dest.clone()).collect::<Vec<_>>())}
                rates={Rc::new(draft.rates.clone())} {errors}
                on_set_rate={make(state, |(market, category, value)| Action::SetRate { market, category, value })}
                on_reset_rate={make(state, |(market, category)| Action::ResetRate { market, category })}
                on_reset_all={make(state, |()| Action::ResetRates)}
                on_load={make(state, Action::LoadCard)}
                on_notify={make(state, Action::Notify)} />
        </>
    }
}

/// Every setting's text as the panel shows it: percent fields as percents in `lang`.
fn settings_shown(draft: &crate::draft::Draft, lang: Lang) -> Vec<(Setting, String)> {
    draft
        .settings()
        .iter()
        .map(|(setting, text)| match crate::draft::is_percent(*setting) {
            true => (*setting, draft.percent_shown(*setting, lang.locale())),
            false => (*setting, text.clone()),
        })
        .collect()
}

/// The percent fields whose text is refused, and why.
fn bad_percents(
    draft: &crate::draft::Draft,
    lang: Lang,
) -> Vec<(Setting, wacost_core::percent::PercentError)> {
    crate::draft::PERCENT_SETTINGS
        .iter()
        .filter_map(|s| Some((*s, draft.percent_problem(*s, lang.locale())?)))
        .collect()
}

/// While the currency's cards are fetched, or if they could not be: said in place of the
/// estimate, the sheet untouched.
fn cards_state(lang: Lang, cards: &crate::currency_data::CardsState) -> Html {
    use crate::currency_data::CardsState;
    let sentence = match cards {
        CardsState::Ready => return html! {},
        CardsState::Loading(currency) => {
            crate::i18n::t(lang, "loading_cards").replace("{currency}", currency)
        }
        CardsState::Failed(currency, error) => crate::i18n::t(lang, "cards_failed")
            .replace("{currency}", currency)
            .replace("{detail}", &error.detail()),
    };
    let failed = matches!(cards, CardsState::Failed(..));
    html! {
        <p class={classes!("cards-state", failed.then_some("error"))} role={if failed { "alert" } else { "status" }}
            data-wacost="cards-state">{ sentence }</p>
    }
}

/// The estimate and the comparison (none while the currency's cards are not there: the
/// core would say there is no card).
fn outputs(state: &State, cards: &crate::currency_data::CardsState) -> Html {
    if *cards != crate::currency_data::CardsState::Ready {
        return html! {};
    }
    let lang = state.lang;
    let problems: Vec<_> = state.other_errors().into_iter().cloned().collect();
    let currency = state.draft.currency();
    // The settings panel shows messages per conversation when the month's estimate counts
    // conversations; otherwise they are shown with the conversation models.
    let in_settings = state
        .estimate
        .as_ref()
        .filter(|e| e.currency == currency)
        .is_some_and(|e| e.rules.counts_conversations());
    let answer = html! { <AnswerFirst {lang} comparison={state.comparison.clone()} /> };
    html! {
        <>
            <Results {lang} estimate={state.estimate.clone()} problems={Rc::new(problems)}
                stale={!state.errors.is_empty()} {answer} currency={Some(AttrValue::from(currency))} />
            <Compare {lang} comparison={state.comparison.clone()} cards={state.cards}
                on_cards={make(state, Action::SetCards)}
                values={Rc::new(state.draft.settings().to_vec())} errors={state.errors.clone()}
                conversation_inputs={!in_settings}
                on_set={make(state, |(setting, value)| Action::Set(setting, value))} />
        </>
    }
}
