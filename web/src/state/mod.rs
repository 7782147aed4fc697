//! The page's state: the draft, what the core answered for it, and what is shown around it
//! (the language, a notice, the kept sheet's offer, the address bar). The reducer with its
//! typed actions is in `reduce`.

mod action;
mod reduce;

pub use action::Action;

use crate::draft::{CardProblem, Draft};
use crate::engine::{self, CardsFor, Comparison, Estimate, FieldError};
use crate::i18n::Lang;
use crate::link::{self, BadLink};
use crate::sheet_io::{SheetNote, SheetProblems};
use rust_decimal::Decimal;
use std::rc::Rc;
use wacost_core::scenario::schema::{List, RateField, ValueKind};
use wacost_core::scenario::{ErrorKind, FieldPath, LineField, Setting};

/// A message shown above the page until dismissed, as data: the page words it in the language
/// shown when it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The link could not be opened, so the default sheet is shown; its text is offered.
    BadLink(BadLink),
    PasteRefused(SheetProblems),
    ImportRefused(SheetProblems),
    CardRefused(CardProblem),
    /// A paste or an import that did more than fill cells.
    Sheet(SheetNote),
}

/// The core's comparison of the draft, or why there is none.
pub type Compared = Result<Shared<Comparison>, Shared<Vec<FieldError>>>;

/// What the page made once per change and hands to its parts: the same data is the same `Rc`,
/// so a part's `Properties` compare it by pointer. A derived deep comparison of estimates,
/// comparisons and notices cost the first load 4.8 KB gzipped, and the pointer is the truth
/// here (the reducer makes a new one for every change).
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub draft: Draft,
    /// The JSON of `draft`, computed once per change.
    pub json: String,
    pub estimate: Option<Shared<Estimate>>,
    /// The comparison of the last draft the core could read; `None` before the first.
    pub comparison: Option<Compared>,
    /// Problems with the current input; empty when `estimate` is of the current input.
    pub errors: Rc<Vec<FieldError>>,
    /// Shared: a step copies the state, and the notice bar compares pointers.
    pub notice: Option<Shared<Notice>>,
    /// The sheet kept from an earlier visit, offered back when the page was opened without a
    /// link; it replaces the sheet only when the user asks.
    pub restore: Option<Rc<Draft>>,
    /// The query string the page was opened with: the address bar keeps it, untouched, until
    /// the user changes something.
    pub opened: Rc<str>,
    /// Whether the user changed the sheet since the page opened.
    pub edited: bool,
    /// Whether the user chose the language since the page opened.
    pub lang_chosen: bool,
    /// Which card each model of the comparison is priced with (`?cards=`).
    pub cards: CardsFor,
    /// Whether the user chose the comparison mode since the page opened.
    pub cards_chosen: bool,
    /// A currency the user chose while rates of their own are in the sheet: nothing changes
    /// until they say what becomes of those rates (wacost never converts, and never keeps
    /// them silently as rates of another currency).
    pub currency_change: Option<String>,
    /// The sheet as it was before the last import or paste, to put back in one step; any
    /// other change of the sheet forgets it (putting it back would drop that change).
    pub undo: Option<Shared<SheetUndo>>,
}

/// What "Undo" puts back, and what it undoes.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetUndo {
    pub before: Draft,
    /// Whether a paste (not an import) changed the sheet.
    pub pasted: bool,
    /// How many rows the import or the paste brought.
    pub rows: usize,
}

impl AppState {
    /// The state for a page opened with `query` (`link::open`).
    pub fn from_query(query: &str, lang: Lang, default_month: &str) -> AppState {
        let opened = link::open(query, lang, default_month);
        let mut state = AppState {
            lang: opened.lang,
            draft: opened.draft,
            json: String::new(),
            estimate: None,
            comparison: None,
            errors: Rc::default(),
            notice: opened.bad_link.map(|bad| Shared::new(Notice::BadLink(bad))),
            restore: None,
            opened: query.into(),
            edited: false,
            lang_chosen: false,
            cards: link::url::cards_of(query),
            cards_chosen: false,
            currency_change: None,
            undo: None,
        };
        state.recompute();
        state
    }

    /// Offers `stored`, the sheet kept from an earlier visit, back to the user (`link::kept`).
    pub fn offer_stored(mut self, stored: Option<&str>) -> AppState {
        let locale = self.lang.locale();
        self.restore = link::kept::offer(&self.opened, stored, &self.json, locale).map(Rc::new);
        self
    }

    /// The query string the address bar should show, or `None` while it keeps the link the
    /// page was opened with (`link::address`).
    pub fn address(&self) -> Option<String> {
        let address = link::address(
            &self.opened,
            self.lang,
            &self.json,
            self.edited,
            self.lang_chosen,
        )
        .or_else(|| self.cards_chosen.then(|| self.opened.to_string()))?;
        Some(link::url::with_cards(&address, self.cards))
    }

    /// The link the copy button gives: the language, the scenario and the comparison mode.
    pub fn link(&self) -> String {
        link::url::with_cards(
            &link::url::page_query(self.lang.tag(), &self.json),
            self.cards,
        )
    }

    /// The sheet to keep in the browser's storage: the current one, once the user has changed
    /// it (a link only looked at does not replace the user's own last sheet).
    pub fn sheet_to_keep(&self) -> Option<&str> {
        self.edited.then_some(self.json.as_str())
    }

    /// Prices the draft. On failure the previous estimate is kept on screen.
    fn recompute(&mut self) {
        self.json = self.draft.to_json(self.lang.locale());
        let estimated = engine::estimate(&self.json);
        // A refused percent prices nothing: the estimate stays that of the last valid input.
        let estimated = match (estimated, self.percent_errors()) {
            (result, bad) if bad.is_empty() => result,
            (Ok(_), bad) => Err(bad),
            (Err(mut errors), bad) => {
                errors.retain(|e| !bad.iter().any(|b| b.path == e.path));
                errors.extend(bad);
                Err(errors)
            }
        };
        match estimated {
            Ok(estimate) => {
                self.estimate = Some(Shared::new(estimate));
                self.errors = Rc::default();
                self.comparison = Some(
                    engine::compare(&self.json, self.cards)
                        .map(Shared::new)
                        .map_err(Shared::new),
                );
            }
            Err(errors) => self.errors = Rc::new(errors),
        }
    }

    /// The percent fields whose text is refused, at their settings' paths (the settings panel
    /// words them with the percent reader's reason).
    fn percent_errors(&self) -> Vec<FieldError> {
        self.draft
            .percent_typed
            .iter()
            .map(|(setting, typed)| {
                let spec = setting.spec();
                let (min, max) = match spec.kind {
                    ValueKind::Decimal { min, max } => (Decimal::from(min), Decimal::from(max)),
                    _ => (Decimal::ZERO, Decimal::ONE),
                };
                FieldError::new(
                    setting.path(),
                    ErrorKind::NotADecimal {
                        min,
                        max,
                        got: typed.clone(),
                    },
                )
            })
            .collect()
    }

    /// The problem with the field at `path` (a typed path, or a setting's key).
    pub fn error_at<P: ?Sized>(&self, path: &P) -> Option<&ErrorKind>
    where
        FieldPath: PartialEq<P>,
    {
        self.errors
            .iter()
            .find(|e| e.path == *path)
            .map(|e| &e.kind)
    }

    /// The problem with a setting.
    pub fn setting_error(&self, setting: Setting) -> Option<&ErrorKind> {
        self.error_at(&setting.path())
    }

    /// Every problem about line `at` except its four counts (said in their own cells): the
    /// line itself, its destination, and fields the sheet has no column for.
    pub fn line_errors(&self, at: usize) -> Vec<&FieldError> {
        self.errors
            .iter()
            .filter(|e| e.path.line_index() == Some(at))
            .filter(|e| {
                !matches!(e.path.line_field_of(), Some((_, field)) if LineField::COUNTS.contains(&field))
            })
            .collect()
    }

    /// The problems of no field on screen, listed apart with their places.
    pub fn other_errors(&self) -> Vec<&FieldError> {
        let known = self.field_paths();
        self.errors
            .iter()
            .filter(|e| !known.contains(&e.path))
            .collect()
    }

    /// The error paths of the visible fields.
    fn field_paths(&self) -> Vec<FieldPath> {
        let mut paths: Vec<FieldPath> = Setting::ALL.into_iter().map(Setting::path).collect();
        paths.push(FieldPath::top(List::Lines.spec().name));
        for (at, line) in self.draft.lines.iter().enumerate() {
            paths.push(FieldPath::line(at));
            paths.extend(LineField::ALL.map(|field| FieldPath::line_field(at, field)));
            for field in line.extra.keys() {
                paths.push(FieldPath::line(at).key(field.clone()));
            }
        }
        for at in 0..self.draft.rates.len() {
            let rate = FieldPath::top(List::CustomRates.spec().name).index(at);
            paths.push(rate.clone());
            paths.push(rate.key(RateField::Rate.name()));
        }
        paths
    }
}

#[cfg(test)]
mod tests;
