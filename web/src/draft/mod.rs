//! What the user typed: the draft scenario. Values are kept as text, so a bad value stays in
//! its field (beside the core's error) while the last valid estimate stays on screen; the
//! scenario JSON built from it (`json`) is the one thing sent to the core and put in the link.

mod json;
mod percent;

pub(crate) use json::decimal_text;
pub use json::{JsonKind, ReadProblem};
pub use percent::{is_percent, PERCENT_SETTINGS};

use serde_json::{Map, Value};
use wacost_core::count;
use wacost_core::custom_card::{self, CardError};
use wacost_core::locale::Locale;
use wacost_core::scenario::schema::ValueKind;
use wacost_core::scenario::{LineField, Month, Setting};
use wacost_core::{Catalog, Category};

/// The four count columns of the volume sheet, in the order of the core's schema.
pub const COLUMNS: [LineField; 4] = LineField::COUNTS;

/// Where a count column is in `Line::counts`.
pub fn column_of(field: LineField) -> Option<usize> {
    COLUMNS.iter().position(|c| *c == field)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dest {
    /// ISO 3166-1 alpha-2 code.
    Country(String),
    /// Meta's market name, for traffic known only by market ("Rest of Africa").
    Market(String),
}

/// A rate the user set in place of the card's, kept as typed so a bad number can be shown
/// beside its cell; it travels as `custom_rates` in the scenario and the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateEdit {
    pub market: String,
    pub category: Category,
    pub rate: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Stable key for the list, independent of position (rows move).
    pub id: u32,
    pub dest: Dest,
    /// The four counts as typed, in the order of `COLUMNS`.
    pub counts: [String; 4],
    /// Fields of a linked line that the sheet has no column for (a misspelt `marketting`, a
    /// second destination): kept so the link round-trips unchanged, and named beside the row
    /// by the core's error.
    pub extra: Map<String, Value>,
    /// The whole entry of a linked line the sheet cannot edit (not an object, or without a
    /// destination): kept as it came, shown with the core's error until the user removes it.
    pub raw: Option<Value>,
}

/// Why a whole card the user loads is refused; nothing of it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardProblem {
    /// The card's own problems, by line (the core's reader).
    Card(Vec<CardError>),
    /// No billing month yet: a card's markets depend on it.
    NoMonth,
    /// The card names a currency other than the estimate's.
    OtherCurrency {
        card: String,
        estimate: String,
    },
    NoRates,
    /// The chosen file could not be read.
    Unreadable,
}

/// What the user typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// Every setting of the core's schema, as typed (empty: the core's default).
    settings: Vec<(Setting, String)>,
    pub lines: Vec<Line>,
    /// The user's own rates, in the order they were set (the order of `custom_rates[i]` errors).
    pub rates: Vec<RateEdit>,
    /// Entries of a linked `custom_rates` that the rate editor cannot hold (not an object, an
    /// unknown category, a missing rate, an extra field): kept, after the user's rates, so the
    /// link keeps them and the core names them.
    pub kept_rates: Vec<Value>,
    /// Scenario fields the page has no control for (`custom_tiers`, …), kept so a shared link
    /// survives a round trip through the page unchanged. A `lines` or `custom_rates` that is
    /// not a list waits here too, until the user adds a line or a rate in its place.
    pub extra: Map<String, Value>,
    /// Percent fields whose text the percent reader refuses, as typed (`percent`).
    pub percent_typed: Vec<(Setting, String)>,
    /// Settings given by the user or a link; the others hold the core's default untouched,
    /// which the scenario JSON leaves out (a link that names a default keeps it).
    given: Vec<Setting>,
    next_id: u32,
}

impl Draft {
    pub fn empty() -> Draft {
        Draft {
            // The core's defaults, shown as values rather than placeholders: a field reads what
            // the estimate uses. `to_json` leaves a default out, so links stay as short.
            settings: Setting::ALL
                .map(|s| (s, s.spec().default.unwrap_or_default().to_string()))
                .to_vec(),
            lines: Vec::new(),
            rates: Vec::new(),
            kept_rates: Vec::new(),
            extra: Map::new(),
            percent_typed: Vec::new(),
            given: Vec::new(),
            next_id: 1,
        }
    }

    /// The starting point: a small, realistic month to the largest markets.
    pub fn default_scenario(month: &str) -> Draft {
        let mut draft = Draft::empty();
        draft.set(Setting::Month, month);
        draft.set(Setting::Currency, "USD");
        draft.push(Dest::Country("IN".into()), ["1000", "5000", "2000", "3000"]);
        draft.push(Dest::Country("BR".into()), ["2000", "1000", "500", "1500"]);
        draft.push(Dest::Country("GB".into()), ["500", "800", "0", "600"]);
        draft
    }

    /// Every setting as typed, in the schema's order.
    pub fn settings(&self) -> &[(Setting, String)] {
        &self.settings
    }

    /// A setting as typed ("" when not given).
    pub fn get(&self, setting: Setting) -> &str {
        self.settings
            .iter()
            .find(|(s, _)| *s == setting)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn set(&mut self, setting: Setting, value: &str) {
        if let Some(slot) = self.settings.iter_mut().find(|(s, _)| *s == setting) {
            slot.1 = value.to_string();
        }
        if !self.given.contains(&setting) {
            self.given.push(setting);
        }
    }

    /// Whether `setting` still holds the core's default the sheet started with.
    pub fn untouched_default(&self, setting: Setting) -> bool {
        !self.given.contains(&setting) && setting.spec().default == Some(self.get(setting))
    }

    /// The billing currency: the one typed, in capitals, or the core's default.
    pub fn currency(&self) -> String {
        match self.get(Setting::Currency).trim() {
            "" => Setting::Currency
                .spec()
                .default
                .unwrap_or("USD")
                .to_string(),
            typed => typed.to_ascii_uppercase(),
        }
    }

    /// Adds a line; its id.
    pub fn push(&mut self, dest: Dest, counts: [&str; 4]) -> u32 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        self.lines.push(Line {
            id,
            dest,
            counts: counts.map(str::to_string),
            extra: Map::new(),
            raw: None,
        });
        id
    }

    /// The first day of the billing month, if the month is readable.
    pub fn month_start(&self) -> Option<chrono::NaiveDate> {
        self.get(Setting::Month)
            .trim()
            .parse::<Month>()
            .ok()
            .and_then(|m| m.first_day())
    }

    /// The user's rate for a cell, if set.
    pub fn rate_edit(&self, market: &str, category: Category) -> Option<&RateEdit> {
        self.rates
            .iter()
            .find(|r| r.category == category && r.market.eq_ignore_ascii_case(market))
    }

    /// One count of line `id`, as typed.
    pub fn set_count(&mut self, id: u32, field: LineField, value: String) {
        let line = self.lines.iter_mut().find(|l| l.id == id);
        if let Some(slot) = line
            .zip(column_of(field))
            .and_then(|(l, c)| l.counts.get_mut(c))
        {
            *slot = value;
        }
    }

    /// Adds an empty line for `dest`, unless the sheet has one.
    pub fn add_line(&mut self, dest: Dest) {
        if !self.lines.iter().any(|l| l.dest == dest) {
            self.push(dest, ["", "", "", ""]);
        }
    }

    pub fn remove_line(&mut self, id: u32) {
        self.lines.retain(|l| l.id != id);
    }

    /// Moves line `id` up (`delta` < 0) or down; nothing past either end.
    pub fn move_line(&mut self, id: u32, delta: i32) {
        let Some(at) = self.lines.iter().position(|l| l.id == id) else {
            return;
        };
        let to = i64::try_from(at).unwrap_or(i64::MAX) + i64::from(delta);
        if let Ok(to) = usize::try_from(to) {
            if to < self.lines.len() {
                self.lines.swap(at, to);
            }
        }
    }

    /// The user's rate for a cell, as typed.
    pub fn set_rate(&mut self, market: String, category: Category, value: String) {
        match self
            .rates
            .iter_mut()
            .find(|r| r.category == category && r.market == market)
        {
            Some(slot) => slot.rate = value,
            None => self.rates.push(RateEdit {
                market,
                category,
                rate: value,
            }),
        }
    }

    /// Back to the card's rate for one cell.
    pub fn reset_rate(&mut self, market: &str, category: Category) {
        self.rates
            .retain(|r| !(r.category == category && r.market == market));
    }

    /// Whether the sheet holds prices of the user's own (rates or volume-tier ladders), which
    /// are in the sheet's currency.
    pub fn has_own_rates(&self) -> bool {
        !self.rates.is_empty()
            || !self.kept_rates.is_empty()
            || self
                .extra
                .get("custom_tiers")
                .is_some_and(|tiers| tiers.as_array().is_none_or(|list| !list.is_empty()))
    }

    /// Every price of the user's own gone: rates, and the ladders kept from a link.
    pub fn clear_own_rates(&mut self) {
        self.reset_rates();
        self.extra.remove("custom_tiers");
    }

    /// Back to the card's rates everywhere.
    pub fn reset_rates(&mut self) {
        self.rates.clear();
        self.kept_rates.clear();
    }

    /// Reads a whole card (Meta's CSV or `market,category,rate`) into the user's rates,
    /// replacing them all; on any problem nothing changes and every problem is returned.
    pub fn load_card(&mut self, text: &str) -> Result<(), CardProblem> {
        let date = self.month_start().ok_or(CardProblem::NoMonth)?;
        let markets = Catalog::builtin().market_table_on(date).markets();
        let card = custom_card::parse(text, &markets).map_err(CardProblem::Card)?;
        let currency = self.currency();
        if card.currency.is_none() {
            // No code named: read again in the estimate's currency, so a symbol several
            // currencies print (`$`) that cannot be it is asked about, naming the candidates,
            // rather than taken for it. (Small text: a card has a few hundred lines.)
            custom_card::parse_in(text, &markets, &currency).map_err(CardProblem::Card)?;
        }
        if let Some(theirs) = card.currency.filter(|c| !c.eq_ignore_ascii_case(&currency)) {
            return Err(CardProblem::OtherCurrency {
                card: theirs,
                estimate: currency,
            });
        }
        if card.rates.is_empty() {
            return Err(CardProblem::NoRates);
        }
        self.kept_rates.clear();
        self.rates = card
            .rates
            .into_iter()
            .map(|r| RateEdit {
                market: r.market,
                category: r.category,
                rate: wacost_core::money::to_plain_string(r.rate, 0),
            })
            .collect();
        Ok(())
    }

    /// Writes every count `locale` reads (`1 500` in French) as plain digits (`1500`), so it
    /// keeps its meaning whatever language reads it next; other text stays as typed.
    pub fn settle_counts(&mut self, locale: Locale) {
        let settle = |text: &mut String| {
            if let Ok(n) = count::read(text, locale) {
                *text = n.to_string();
            }
        };
        for line in &mut self.lines {
            line.counts.iter_mut().for_each(settle);
        }
        for (setting, text) in &mut self.settings {
            if matches!(setting.spec().kind, ValueKind::Count { .. }) {
                settle(text);
            }
        }
    }

    /// The first line with counts that the sheet cannot edit (a linked line kept as it came),
    /// by position: a pasted block that reaches it is refused rather than dropped there.
    pub fn kept_line_with_counts(&self) -> Option<usize> {
        self.lines
            .iter()
            .position(|l| l.raw.is_some() && l.counts.iter().any(|c| !c.is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn lines_are_edited_by_id_and_move_within_the_sheet() {
        let mut draft = Draft::default_scenario("2026-11");
        let [india, brazil, _] = [0, 1, 2].map(|at| draft.lines[at].id);
        draft.set_count(brazil, LineField::Service, "7".into());
        assert_eq!(draft.lines[1].counts[3], "7");
        draft.move_line(brazil, -1);
        assert_eq!(draft.lines[0].id, brazil);
        draft.move_line(brazil, -1);
        assert_eq!(draft.lines[0].id, brazil);
        draft.remove_line(india);
        assert_eq!(draft.lines.len(), 2);
        draft.add_line(Dest::Country("BR".into()));
        assert_eq!(draft.lines.len(), 2);
        draft.add_line(Dest::Country("MX".into()));
        assert_eq!(draft.lines.len(), 3);
        draft.set(Setting::Currency, "eur");
        assert_eq!(draft.currency(), "EUR");
        draft.set(Setting::Currency, "");
        assert_eq!(draft.currency(), "USD");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_card_loads_whole_or_not_at_all() {
        let mut draft = Draft::default_scenario("2026-11");
        draft.set_rate("India".into(), Category::Marketing, "0.02".into());
        let before = draft.clone();
        assert_eq!(
            draft.load_card("Market,Currency,Marketing\nIndia,EUR,0.01\n"),
            Err(CardProblem::OtherCurrency {
                card: "EUR".into(),
                estimate: "USD".into()
            })
        );
        assert!(matches!(
            draft.load_card("market,category,rate\nAtlantis,utility,0.01\n"),
            Err(CardProblem::Card(errors)) if errors[0].line == 2
        ));
        assert_eq!(draft, before);
        // A lone `$` in a euro estimate is asked about, not taken for euros.
        draft.set(Setting::Currency, "EUR");
        let before = draft.clone();
        let refused = draft.load_card("market,category,rate\nIndia,marketing,$0.0118\n");
        assert!(
            matches!(&refused, Err(CardProblem::Card(errors)) if errors[0].to_string().contains("which currency does `$` mean here (USD, ARS, AUD, CLP, COP, MXN, SGD, …)?")),
            "{refused:?}"
        );
        assert_eq!(draft, before);
        // In dollars, `$` may be the estimate's own currency: read as such.
        draft.set(Setting::Currency, "USD");
        assert_eq!(
            draft.load_card("market,category,rate\nIndia,marketing,$0.0118\n"),
            Ok(())
        );
        draft.set(Setting::Month, "");
        assert_eq!(draft.load_card("x"), Err(CardProblem::NoMonth));
    }
}
