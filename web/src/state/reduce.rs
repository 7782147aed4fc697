//! The reducer: each action is a named step that changes the draft (then the page prices it
//! again and the address follows) or only what is shown around it (the language, a notice).

use super::{Action, AppState, Notice, Shared};
use crate::draft::column_of;
use crate::i18n::Lang;
use crate::sheet_io;
use std::rc::Rc;
use wacost_core::scenario::{LineField, Setting};
use yew::Reducible;

/// What a step did: changed the sheet (priced again, kept, the address follows), changed only
/// what is shown, or was refused with a notice (the sheet as it was).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Edited,
    Shown,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        let outcome = match action {
            Action::SetLang(lang) => state.set_lang(lang),
            Action::Set(setting, value) => state.set(setting, value),
            Action::SetCount { id, field, value } => {
                state.draft.set_count(id, field, value);
                Outcome::Edited
            }
            Action::AddLine(dest) => {
                state.draft.add_line(dest);
                Outcome::Edited
            }
            Action::RemoveLine(id) => {
                state.draft.remove_line(id);
                Outcome::Edited
            }
            Action::MoveLine { id, delta } => {
                state.draft.move_line(id, delta);
                Outcome::Edited
            }
            Action::Paste { id, field, text } => state.paste(id, field, &text),
            Action::ImportCsv(text) => state.import_csv(&text),
            Action::SetRate {
                market,
                category,
                value,
            } => {
                state.draft.set_rate(market, category, value);
                Outcome::Edited
            }
            Action::ResetRate { market, category } => {
                state.draft.reset_rate(&market, category);
                Outcome::Edited
            }
            Action::ResetRates => {
                state.draft.reset_rates();
                Outcome::Edited
            }
            Action::LoadCard(text) => state.load_card(&text),
            Action::Notify(notice) => state.notify(Some(notice)),
            Action::Dismiss => state.notify(None),
            Action::Restore => state.restore(),
            Action::DismissRestore => {
                state.restore = None;
                Outcome::Shown
            }
            Action::ReplaceSheet(json) => state.replace_sheet(&json),
            Action::SetCards(cards) => state.set_cards(cards),
            Action::SwitchCurrency { clear_rates } => state.switch_currency(clear_rates),
            Action::KeepCurrency => {
                state.currency_change = None;
                Outcome::Shown
            }
            Action::CardsLoaded => {
                state.recompute();
                Outcome::Shown
            }
        };
        if outcome == Outcome::Edited {
            state.edited = true;
            state.recompute();
        }
        Rc::new(state)
    }
}

impl AppState {
    /// The language changes what is shown and how counts typed from now on read (`1.500` is a
    /// count in Portuguese, not in English). What was typed keeps its meaning: a count the old
    /// language read is written plainly first, so the scenario does not change; text that was
    /// no count stays as typed and is judged in the new language.
    fn set_lang(&mut self, lang: Lang) -> Outcome {
        self.draft.settle_counts(self.lang.locale());
        self.lang = lang;
        self.lang_chosen = true;
        self.recompute();
        Outcome::Shown
    }

    fn set(&mut self, setting: Setting, value: String) -> Outcome {
        if setting == Setting::Currency && value != self.draft.get(Setting::Currency) {
            // Rates of the user's own are in the sheet's currency: ask before they change
            // meaning (docs/rules.md CUR-1, wacost never converts).
            if self.draft.has_own_rates() {
                self.currency_change = Some(value);
                return Outcome::Shown;
            }
            // A card date chosen for one currency rarely exists in another: go back to the
            // card in force rather than show an error the user did not cause.
            self.draft.set(Setting::RateCard, "");
        }
        if crate::draft::is_percent(setting) {
            self.draft.set_percent(setting, &value, self.lang.locale());
        } else {
            self.draft.set(setting, &value);
        }
        Outcome::Edited
    }

    /// The currency asked for while the user's rates were in the sheet, now confirmed.
    fn switch_currency(&mut self, clear_rates: bool) -> Outcome {
        let Some(currency) = self.currency_change.take() else {
            return Outcome::Shown;
        };
        if clear_rates {
            self.draft.clear_own_rates();
        }
        self.draft.set(Setting::RateCard, "");
        self.draft.set(Setting::Currency, &currency);
        Outcome::Edited
    }

    fn paste(&mut self, id: u32, field: LineField, text: &str) -> Outcome {
        let table = sheet_io::table_for(&self.draft);
        let column = column_of(field).unwrap_or(0);
        let locale = self.lang.locale();
        match sheet_io::paste(&mut self.draft, id, column, text, table, locale) {
            Ok(note) => {
                self.notice = note.map(|note| Shared::new(Notice::Sheet(note)));
                Outcome::Edited
            }
            Err(problems) => self.notify(Some(Notice::PasteRefused(problems))),
        }
    }

    fn import_csv(&mut self, text: &str) -> Outcome {
        let table = sheet_io::table_for(&self.draft);
        match sheet_io::import_csv(text, table, self.lang.locale()) {
            Ok((lines, note)) => {
                self.draft.lines.clear();
                for (dest, counts) in lines {
                    let [a, b, c, d] = &counts;
                    self.draft.push(dest, [a, b, c, d].map(String::as_str));
                }
                self.notice = note.map(|note| Shared::new(Notice::Sheet(note)));
                Outcome::Edited
            }
            Err(problems) => self.notify(Some(Notice::ImportRefused(problems))),
        }
    }

    fn load_card(&mut self, text: &str) -> Outcome {
        match self.draft.load_card(text) {
            Ok(()) => {
                self.notice = None;
                Outcome::Edited
            }
            Err(problem) => self.notify(Some(Notice::CardRefused(problem))),
        }
    }

    fn notify(&mut self, notice: Option<Notice>) -> Outcome {
        self.notice = notice.map(Shared::new);
        Outcome::Shown
    }

    /// The comparison mode changes what the comparison shows, not the scenario: the estimate
    /// stays, the comparison is priced again and the address carries the mode.
    fn set_cards(&mut self, cards: wacost_core::estimate::CardsFor) -> Outcome {
        self.cards = cards;
        self.cards_chosen = true;
        self.recompute();
        Outcome::Shown
    }

    fn restore(&mut self) -> Outcome {
        match self.restore.take() {
            Some(kept) => {
                self.draft = (*kept).clone();
                Outcome::Edited
            }
            None => Outcome::Shown,
        }
    }

    /// Only a JSON object replaces the sheet; anything else leaves it as it is (the plan view
    /// sends only scenarios the core wrote).
    fn replace_sheet(&mut self, json: &str) -> Outcome {
        match crate::draft::Draft::from_json(json) {
            Ok(draft) => {
                self.draft = draft;
                self.restore = None;
                Outcome::Edited
            }
            Err(_) => Outcome::Shown,
        }
    }
}
