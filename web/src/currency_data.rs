//! The cards of a billing currency, fetched when the page first needs them: the page's wasm
//! carries only the market tables and the index of cards (`wacost-core` without
//! `embedded-cards`), and each currency's rate cards and tier ladders come as one file beside
//! the wasm (`wacost_core::currency_data_file`, content-hashed; `index.html` preloads USD's).
//! The core checks each file as the build does, so a corrupt or wrong file is refused whole.
//! Works in the page, in the views imported on demand and in the log worker.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Why a currency's cards could not be added; shown in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request failed (offline, blocked) or the host answered another status.
    Fetch { file: String, status: Option<u16> },
    /// The file arrived but the core refused it (every problem, each naming file and line).
    Refused(Vec<String>),
}

impl LoadError {
    /// The detail after the sentence: the file and the status, or the core's first problems.
    pub fn detail(&self) -> String {
        match self {
            LoadError::Fetch {
                file,
                status: Some(status),
            } => format!("{file}: HTTP {status}"),
            LoadError::Fetch { file, status: None } => file.clone(),
            LoadError::Refused(problems) => problems.join("; "),
        }
    }
}

/// Adds the cards of `currency` unless they are there (built in, or fetched before). A
/// currency without any card has nothing to fetch: the estimate then says so itself.
pub async fn ensure(currency: &str) -> Result<(), LoadError> {
    if wacost_core::has_currency_data(currency) {
        return Ok(());
    }
    let Some(file) = wacost_core::currency_data_file(currency) else {
        return Ok(());
    };
    let text = fetch_text(file).await?;
    wacost_core::add_currency_data(currency, file, &text)
        .map(|_| ())
        .map_err(|errors| LoadError::Refused(errors.iter().map(|e| e.to_string()).collect()))
}

/// Adds every currency's cards: what the views imported on demand use (a log's settings, a
/// year's plan and the card diff may name any currency). Each file is small (0.2–10 KB
/// gzipped); they are fetched together.
pub async fn ensure_all() -> Result<(), LoadError> {
    let loads: Vec<_> = wacost_core::currency_data_files()
        .iter()
        .map(|(currency, _)| ensure(currency))
        .collect();
    let mut first_error = None;
    for load in loads {
        if let Err(e) = load.await {
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// The text at `file`, relative to the script (the page, a view's module or the worker).
async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let failed = |status| LoadError::Fetch {
        file: file.to_string(),
        status,
    };
    let global = js_sys::global();
    let request = if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        window.fetch_with_str(file)
    } else if let Some(worker) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
        worker.fetch_with_str(file)
    } else {
        return Err(failed(None));
    };
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(|| failed(None))?;
    if !response.ok() {
        return Err(failed(Some(response.status())));
    }
    let text = response.text().map_err(|_| failed(None))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| failed(None))
}

/// Where the cards of the currency on screen stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardsState {
    Ready,
    Loading(String),
    Failed(String, LoadError),
}

/// Fetches the cards of `currency` whenever it changes and they are not there yet, and calls
/// `on_loaded` once they are (the page prices its sheet again). The sheet and the settings
/// stay as they are meanwhile.
#[hook]
pub fn use_currency_cards(currency: String, on_loaded: Callback<()>) -> CardsState {
    let state = use_state(|| CardsState::Ready);
    {
        let state = state.clone();
        use_effect_with(currency, move |currency| {
            let currency = currency.clone();
            let present = wacost_core::has_currency_data(&currency)
                || wacost_core::currency_data_file(&currency).is_none();
            if present {
                // Only when it changes: setting a state re-renders the whole page.
                if *state != CardsState::Ready {
                    state.set(CardsState::Ready);
                }
            } else {
                state.set(CardsState::Loading(currency.clone()));
                wasm_bindgen_futures::spawn_local(async move {
                    // A second request for a currency already being fetched costs one small
                    // file; the core adds its cards once (`add_currency_data`).
                    match ensure(&currency).await {
                        Ok(()) => {
                            state.set(CardsState::Ready);
                            on_loaded.emit(());
                        }
                        Err(e) => state.set(CardsState::Failed(currency, e)),
                    }
                });
            }
        });
    }
    (*state).clone()
}
