//! Everything the user can do to the page, as typed actions for the reducer (`reduce`).

use super::Notice;
use crate::draft::Dest;
use crate::i18n::Lang;
use wacost_core::scenario::{LineField, Setting};
use wacost_core::Category;

pub enum Action {
    SetLang(Lang),
    /// A setting of the core's schema, as typed.
    Set(Setting, String),
    /// One count of line `id`, as typed.
    SetCount {
        id: u32,
        field: LineField,
        value: String,
    },
    AddLine(Dest),
    RemoveLine(u32),
    MoveLine {
        id: u32,
        delta: i32,
    },
    /// A block pasted at a cell (line `id`, column `field`): rows from a spreadsheet.
    Paste {
        id: u32,
        field: LineField,
        text: String,
    },
    /// A CSV file's text replaces the sheet.
    ImportCsv(String),
    /// The user's rate for one cell of the card, as typed.
    SetRate {
        market: String,
        category: Category,
        value: String,
    },
    /// Back to the card's rate for one cell.
    ResetRate {
        market: String,
        category: Category,
    },
    ResetRates,
    /// A whole card pasted or read from a file.
    LoadCard(String),
    /// A problem outside the scenario (a file too large or unreadable), shown until dismissed.
    Notify(Notice),
    Dismiss,
    /// The sheet kept from the last visit replaces the one on screen.
    Restore,
    /// The offer of the last sheet goes away; the sheet on screen stays.
    DismissRestore,
    /// A scenario JSON the user chose to put in place of the sheet (an import of Meta's
    /// analytics, or the sheet it replaced, to undo).
    ReplaceSheet(String),
    /// Which card each model of the comparison is priced with.
    SetCards(wacost_core::estimate::CardsFor),
    /// The currency asked for while the user's own rates were in the sheet, confirmed: the
    /// rates are cleared (`clear_rates`) or kept as rates of the new currency.
    SwitchCurrency {
        clear_rates: bool,
    },
    /// The currency stays as it was, and so do the user's rates.
    KeepCurrency,
    /// The cards of a currency arrived (`currency_data`): the sheet is priced again.
    CardsLoaded,
}
