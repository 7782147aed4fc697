//! The page's whole state and its reducer. The user's input is kept as typed (text), so a bad
//! value can be shown beside its field while the last valid estimate stays on screen; the
//! scenario JSON built from it is the single thing sent to the core and put in the link.

use crate::engine::{self, Comparison, Estimate, FieldError};
use crate::i18n::Lang;
use crate::sheet_io;
use serde_json::{Map, Value};
use std::rc::Rc;
use wacost_core::scenario::schema::{self, ValueKind};
use wacost_core::scenario::{FieldPath, LineField, Setting};
use wacost_core::{Catalog, Category};
use yew::Reducible;

/// The four count columns of the volume sheet, in the order of the core's schema.
pub const COLUMNS: [&str; 4] = schema::LINE_COUNTS;

/// How a settings field travels in the scenario JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A JSON string, omitted when empty (the core then applies its default).
    Text,
    /// A whole number; text that is not one is sent as typed so the core names the problem.
    Count,
    /// A decimal, sent as a string so no digit is lost.
    Decimal,
    Bool,
}

impl Kind {
    /// How a value of the schema's kind travels.
    const fn of(kind: ValueKind) -> Kind {
        match kind {
            ValueKind::Count { .. } => Kind::Count,
            ValueKind::Decimal { .. } => Kind::Decimal,
            ValueKind::Bool => Kind::Bool,
            _ => Kind::Text,
        }
    }
}

const SETTING_LIST: [(&str, Kind); Setting::ALL.len()] = {
    let mut list = [("", Kind::Text); Setting::ALL.len()];
    let mut at = 0;
    while at < Setting::ALL.len() {
        let setting = Setting::ALL[at];
        list[at] = (setting.path_text(), Kind::of(setting.spec().kind));
        at += 1;
    }
    list
};

/// Every setting of the core's schema by its JSON path: the path doubles as the key that a
/// core error names, so an error lands beside the field it is about.
pub const SETTINGS: &[(&str, Kind)] = &SETTING_LIST;

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
    pub counts: [String; 4],
}

/// What the user typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub settings: Vec<(&'static str, String)>,
    pub lines: Vec<Line>,
    /// The user's own rates, in the order they were set (the order of `custom_rates[i]` errors).
    pub rates: Vec<RateEdit>,
    /// Scenario fields the page has no control for (`custom_tiers`, …), kept so a shared link
    /// survives a round trip through the page unchanged.
    pub extra: Map<String, Value>,
    next_id: u32,
}

impl Draft {
    pub fn empty() -> Draft {
        Draft {
            settings: SETTINGS.iter().map(|(k, _)| (*k, String::new())).collect(),
            lines: Vec::new(),
            rates: Vec::new(),
            extra: Map::new(),
            next_id: 1,
        }
    }

    /// The starting point: a small, realistic month to the largest markets.
    pub fn default_scenario(month: &str) -> Draft {
        let mut draft = Draft::empty();
        draft.set("month", month);
        draft.set("currency", "USD");
        draft.push(Dest::Country("IN".into()), ["1000", "5000", "2000", "3000"]);
        draft.push(Dest::Country("BR".into()), ["2000", "1000", "500", "1500"]);
        draft.push(Dest::Country("GB".into()), ["500", "800", "0", "600"]);
        draft
    }

    pub fn get(&self, key: &str) -> &str {
        self.settings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn set(&mut self, key: &str, value: &str) {
        if let Some(slot) = self.settings.iter_mut().find(|(k, _)| *k == key) {
            slot.1 = value.to_string();
        }
    }

    pub fn push(&mut self, dest: Dest, counts: [&str; 4]) -> u32 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        self.lines.push(Line {
            id,
            dest,
            counts: counts.map(str::to_string),
        });
        id
    }

    /// The scenario JSON the core reads, and the link carries.
    pub fn to_json(&self) -> String {
        let mut root = self.extra.clone();
        for (key, kind) in SETTINGS {
            let text = self.get(key).trim();
            let value = match kind {
                Kind::Bool if text == "true" => Value::Bool(true),
                Kind::Bool => continue,
                _ if text.is_empty() => continue,
                Kind::Count => count_value(text),
                Kind::Text => Value::String(text.to_string()),
                Kind::Decimal => Value::String(decimal_text(text)),
            };
            match key.split_once('.') {
                Some((group, field)) => {
                    let entry = root
                        .entry(group.to_string())
                        .or_insert_with(|| Value::Object(Map::new()));
                    if let Value::Object(map) = entry {
                        map.insert(field.to_string(), value);
                    }
                }
                None => {
                    root.insert(key.to_string(), value);
                }
            }
        }
        let lines: Vec<Value> = self
            .lines
            .iter()
            .map(|line| {
                let mut map = Map::new();
                match &line.dest {
                    Dest::Country(iso) => map.insert("country".into(), Value::String(iso.clone())),
                    Dest::Market(name) => map.insert("market".into(), Value::String(name.clone())),
                };
                for (column, text) in COLUMNS.iter().zip(&line.counts) {
                    let text = text.trim();
                    if !text.is_empty() {
                        map.insert((*column).into(), count_value(text));
                    }
                }
                Value::Object(map)
            })
            .collect();
        root.insert("lines".into(), Value::Array(lines));
        if !self.rates.is_empty() {
            let rates = self
                .rates
                .iter()
                .map(|r| {
                    let mut map = Map::new();
                    map.insert("market".into(), Value::String(r.market.clone()));
                    map.insert("category".into(), Value::String(r.category.as_str().into()));
                    map.insert("rate".into(), Value::String(decimal_text(r.rate.trim())));
                    Value::Object(map)
                })
                .collect();
            root.insert("custom_rates".into(), Value::Array(rates));
        }
        Value::Object(root).to_string()
    }

    /// Reads a scenario JSON (a shared link) back into editable text. Shape problems are
    /// reported; value problems are left for the core, which names the field.
    pub fn from_json(text: &str) -> Result<Draft, String> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| format!("the scenario is not valid JSON: {e}"))?;
        let Value::Object(mut root) = value else {
            return Err("the scenario is not a JSON object".into());
        };
        let mut draft = Draft::empty();
        for (key, kind) in SETTINGS {
            let found = match key.split_once('.') {
                Some((group, field)) => root
                    .get_mut(group)
                    .and_then(Value::as_object_mut)
                    .and_then(|m| m.remove(field)),
                None => root.remove(*key),
            };
            if let Some(v) = found {
                let text = match (kind, v) {
                    (_, Value::String(s)) => s,
                    (_, Value::Bool(b)) => b.to_string(),
                    (_, Value::Null) => String::new(),
                    (_, other) => other.to_string(),
                };
                draft.set(key, &text);
            }
        }
        for group in ["per_conversation", "bsp"] {
            if root
                .get(group)
                .and_then(Value::as_object)
                .is_some_and(Map::is_empty)
            {
                root.remove(group);
            }
        }
        if let Some(lines) = root.remove("lines") {
            let Value::Array(lines) = lines else {
                return Err("`lines` is not a list".into());
            };
            for (at, line) in lines.iter().enumerate() {
                let Some(map) = line.as_object() else {
                    return Err(format!("lines[{at}] is not an object"));
                };
                let text = |key: &str| match map.get(key) {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                };
                let dest = match (map.get("country"), map.get("market")) {
                    (Some(_), _) => Dest::Country(text("country")),
                    (None, Some(_)) => Dest::Market(text("market")),
                    (None, None) => {
                        return Err(format!("lines[{at}] has neither `country` nor `market`"))
                    }
                };
                let counts = COLUMNS.map(text);
                draft.push(
                    dest,
                    [&counts[0], &counts[1], &counts[2], &counts[3]].map(|s| s.as_str()),
                );
            }
        }
        if let Some(rates) = root.remove("custom_rates") {
            let Value::Array(rates) = rates else {
                return Err("`custom_rates` is not a list".into());
            };
            for (at, rate) in rates.iter().enumerate() {
                let text = |key: &str| match rate.get(key) {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                };
                let category = Category::parse(&text("category")).ok_or_else(|| {
                    format!(
                        "custom_rates[{at}].category `{}` is not a category",
                        text("category")
                    )
                })?;
                draft.rates.push(RateEdit {
                    market: text("market"),
                    category,
                    rate: text("rate"),
                });
            }
        }
        draft.extra = root;
        Ok(draft)
    }

    /// The first day of the billing month, if the month is readable.
    pub fn month_start(&self) -> Option<chrono::NaiveDate> {
        self.get("month")
            .trim()
            .parse::<wacost_core::scenario::Month>()
            .ok()
            .and_then(|m| m.first_day())
    }

    /// The user's rate for a cell, if set.
    pub fn rate_edit(&self, market: &str, category: Category) -> Option<&RateEdit> {
        self.rates
            .iter()
            .find(|r| r.category == category && r.market.eq_ignore_ascii_case(market))
    }

    /// Reads a whole card (Meta's CSV or `market,category,rate`) into the user's rates,
    /// replacing them all; on any problem nothing changes and every problem is returned.
    pub fn load_card(&mut self, text: &str) -> Result<(), String> {
        let date = self
            .month_start()
            .ok_or("choose a billing month first: the markets of a card depend on it")?;
        let markets = Catalog::builtin().market_table_on(date).markets();
        let card = wacost_core::custom_card::parse(text, &markets).map_err(|errors| {
            let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
            text.join("; ")
        })?;
        let currency = match self.get("currency").trim() {
            "" => "USD".to_string(),
            c => c.to_ascii_uppercase(),
        };
        if let Some(theirs) = card.currency.filter(|c| !c.eq_ignore_ascii_case(&currency)) {
            return Err(format!(
                "the card is in {theirs} but the estimate is in {currency}: choose {theirs} first"
            ));
        }
        if card.rates.is_empty() {
            return Err("the card has no rates".into());
        }
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
}

/// A decimal as the core reads it. French, Spanish and Portuguese users write `0,25` and
/// `1,5`: a single comma between digits is read as the decimal point, unless it could be an
/// English thousands separator (`1,000`, `12,500`: three digits after it and a whole part
/// other than 0), which is left for the core to refuse with the value shown.
fn decimal_text(text: &str) -> String {
    let Some((whole, fraction)) = text.split_once(',') else {
        return text.to_string();
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let thousands_like = fraction.len() == 3 && whole != "0";
    if digits(whole) && digits(fraction) && !thousands_like {
        format!("{whole}.{fraction}")
    } else {
        text.to_string()
    }
}

fn count_value(text: &str) -> Value {
    match text.parse::<u64>() {
        Ok(n) => Value::Number(n.into()),
        Err(_) => Value::String(text.to_string()),
    }
}

/// A message shown above the page until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub key: &'static str,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub draft: Draft,
    /// The JSON of `draft`, computed once per change.
    pub json: String,
    pub estimate: Option<Rc<Estimate>>,
    pub comparison: Result<Rc<Comparison>, String>,
    /// Problems with the current input; empty when `estimate` is of the current input.
    pub errors: Vec<FieldError>,
    pub notice: Option<Notice>,
}

impl AppState {
    /// The state for a page opened with `query` (`?scenario=…` or empty); `default_month` is
    /// used when no link is given or the link cannot be read.
    pub fn from_query(query: &str, lang: Lang, default_month: &str) -> AppState {
        let fallback = || Draft::default_scenario(default_month);
        let (draft, notice) = match crate::url::query_param(query, "scenario") {
            None => (fallback(), None),
            Some(value) => match load_link(&value) {
                Ok(draft) => (draft, None),
                Err(detail) => (
                    fallback(),
                    Some(Notice {
                        key: "bad_link",
                        detail,
                    }),
                ),
            },
        };
        let mut state = AppState {
            lang,
            draft,
            json: String::new(),
            estimate: None,
            comparison: Err(String::new()),
            errors: Vec::new(),
            notice,
        };
        state.recompute();
        state
    }

    /// Prices the draft. On failure the previous estimate is kept on screen.
    fn recompute(&mut self) {
        self.json = self.draft.to_json();
        match engine::estimate(&self.json) {
            Ok(estimate) => {
                self.estimate = Some(Rc::new(estimate));
                self.errors.clear();
                self.comparison = engine::compare(&self.json).map(Rc::new);
            }
            Err(errors) => self.errors = errors,
        }
    }

    /// The problem with the field at `path` (a typed path, or a setting's key), in words.
    pub fn error_at<P: ?Sized>(&self, path: &P) -> Option<String>
    where
        FieldPath: PartialEq<P>,
    {
        self.errors
            .iter()
            .find(|e| e.path == *path)
            .map(|e| e.kind.to_string())
    }

    /// The error paths of the visible fields, to list the rest separately.
    pub fn field_paths(&self) -> Vec<FieldPath> {
        let mut paths: Vec<FieldPath> = Setting::ALL.into_iter().map(Setting::path).collect();
        for at in 0..self.draft.lines.len() {
            paths.push(FieldPath::line(at));
            paths.push(FieldPath::line_field(at, LineField::Country));
            paths.push(FieldPath::line_field(at, LineField::Market));
            for column in LineField::COUNTS {
                paths.push(FieldPath::line_field(at, column));
            }
        }
        for at in 0..self.draft.rates.len() {
            let rate = FieldPath::top(schema::List::CustomRates.spec().name).index(at);
            paths.push(rate.clone());
            paths.push(rate.key(schema::RateField::Rate.name()));
        }
        paths
    }
}

/// Reads a `?scenario=` value; the link must decode and the core must accept it.
fn load_link(value: &str) -> Result<Draft, String> {
    let json = crate::url::decode_scenario(value)?;
    let draft = Draft::from_json(&json)?;
    if let Err(errors) = engine::estimate(&draft.to_json()) {
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        return Err(text.join("; "));
    }
    Ok(draft)
}

pub enum Action {
    SetLang(Lang),
    Set(&'static str, String),
    SetCount {
        id: u32,
        column: usize,
        value: String,
    },
    AddLine(Dest),
    RemoveLine(u32),
    MoveLine {
        id: u32,
        delta: i32,
    },
    /// A block pasted at a cell (`id`, `column`): tab-separated rows from a spreadsheet.
    Paste {
        id: u32,
        column: usize,
        text: String,
    },
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
    /// A problem outside the scenario (a file that could not be read), shown until dismissed.
    Notify(&'static str, String),
    Dismiss,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        let mut changed = true;
        match action {
            Action::SetLang(lang) => {
                state.lang = lang;
                changed = false;
            }
            Action::Set(key, value) => {
                // A card date chosen for one currency rarely exists in another: go back to
                // the card in force rather than show an error the user did not cause.
                if key == "currency" && value != state.draft.get("currency") {
                    state.draft.set("rate_card", "");
                }
                state.draft.set(key, &value);
            }
            Action::SetCount { id, column, value } => {
                if let Some(line) = state.draft.lines.iter_mut().find(|l| l.id == id) {
                    if let Some(slot) = line.counts.get_mut(column) {
                        *slot = value;
                    }
                }
            }
            Action::AddLine(dest) => {
                if !state.draft.lines.iter().any(|l| l.dest == dest) {
                    state.draft.push(dest, ["", "", "", ""]);
                }
            }
            Action::RemoveLine(id) => state.draft.lines.retain(|l| l.id != id),
            Action::MoveLine { id, delta } => {
                let lines = &mut state.draft.lines;
                if let Some(at) = lines.iter().position(|l| l.id == id) {
                    let to = at as i64 + i64::from(delta);
                    if (0..lines.len() as i64).contains(&to) {
                        lines.swap(at, to as usize);
                    }
                }
            }
            Action::Paste { id, column, text } => {
                let table = sheet_io::table_for(&state.draft);
                match sheet_io::paste(&mut state.draft, id, column, &text, table) {
                    Ok(()) => state.notice = None,
                    Err(detail) => {
                        state.notice = Some(Notice {
                            key: "paste_error",
                            detail,
                        });
                        changed = false;
                    }
                }
            }
            Action::ImportCsv(text) => {
                let table = sheet_io::table_for(&state.draft);
                match sheet_io::import_csv(&text, table) {
                    Ok(lines) => {
                        state.draft.lines.clear();
                        for (dest, counts) in lines {
                            let counts = [&counts[0], &counts[1], &counts[2], &counts[3]];
                            state.draft.push(dest, counts.map(|s| s.as_str()));
                        }
                        state.notice = None;
                    }
                    Err(detail) => {
                        state.notice = Some(Notice {
                            key: "csv_error",
                            detail,
                        });
                        changed = false;
                    }
                }
            }
            Action::SetRate {
                market,
                category,
                value,
            } => {
                let rates = &mut state.draft.rates;
                match rates
                    .iter_mut()
                    .find(|r| r.category == category && r.market == market)
                {
                    Some(slot) => slot.rate = value,
                    None => rates.push(RateEdit {
                        market,
                        category,
                        rate: value,
                    }),
                }
            }
            Action::ResetRate { market, category } => state
                .draft
                .rates
                .retain(|r| !(r.category == category && r.market == market)),
            Action::ResetRates => state.draft.rates.clear(),
            Action::LoadCard(text) => match state.draft.load_card(&text) {
                Ok(()) => state.notice = None,
                Err(detail) => {
                    state.notice = Some(Notice {
                        key: "card_error",
                        detail,
                    });
                    changed = false;
                }
            },
            Action::Notify(key, detail) => {
                state.notice = Some(Notice { key, detail });
                changed = false;
            }
            Action::Dismiss => {
                state.notice = None;
                changed = false;
            }
        }
        if changed {
            state.recompute();
        }
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// India and Brazil in November 2026 (pmp-2026-10, USD card of 2026-10-01):
    /// IN 1000 marketing × 0.0118 = 11.80; 500 utility × 0.0014 = 0.70; 3350 service, the
    /// first 1000 free, 2350 × 0.0014 = 3.29; BR 2000 marketing × 0.0625 = 125.00.
    pub const LINK_JSON: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000}]}"#;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_link_is_priced_by_the_core() {
        let query = crate::url::scenario_query(LINK_JSON);
        let state = AppState::from_query(&query, Lang::En, "2026-11");
        assert_eq!(state.notice, None);
        let estimate = state.estimate.expect("priced");
        assert_eq!(estimate.meta_total, "140.79");
        assert_eq!(estimate.total, "140.79");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_decimal_comma_is_read_as_a_point_where_it_cannot_mean_thousands() {
        for (typed, read) in [
            ("0,25", "0.25"),
            ("1,5", "1.5"),
            ("0,005", "0.005"),
            ("0,0118", "0.0118"),
            ("12,75", "12.75"),
            ("0.25", "0.25"),
            ("1,000", "1,000"),
            ("12,500", "12,500"),
            ("1,2,3", "1,2,3"),
            (",5", ",5"),
            ("5,", "5,"),
            ("1.000,5", "1.000,5"),
        ] {
            assert_eq!(decimal_text(typed), read, "{typed}");
        }
        let mut draft = Draft::from_json(LINK_JSON).unwrap();
        draft.set("bsp.markup", "0,10");
        draft.rates.push(RateEdit {
            market: "Brazil".into(),
            category: Category::Marketing,
            rate: "0,05".into(),
        });
        let json = draft.to_json();
        assert!(json.contains(r#""markup":"0.10""#), "{json}");
        assert!(json.contains(r#""rate":"0.05""#), "{json}");
        // Brazil marketing 2000 × 0.05 = 100.00, India 15.79; markup 10 % of 115.79.
        let state = AppState::from_query(&crate::url::scenario_query(&json), Lang::Fr, "2026-11");
        let estimate = state.estimate.expect("priced");
        assert_eq!(estimate.meta_total, "115.79");
        assert_eq!(estimate.total, "127.369");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_draft_round_trips_through_json() {
        let mut draft = Draft::from_json(LINK_JSON).unwrap();
        draft.set("bsp.markup", "0.10");
        draft.set("auth_international", "true");
        draft.rates.push(RateEdit {
            market: "India".into(),
            category: Category::Marketing,
            rate: "0.02".into(),
        });
        draft
            .extra
            .insert("custom_tiers".into(), Value::Array(vec![]));
        let again = Draft::from_json(&draft.to_json()).unwrap();
        assert_eq!(again.to_json(), draft.to_json());
        assert_eq!(again.get("bsp.markup"), "0.10");
        assert_eq!(
            again.lines[1].counts,
            ["2000", "", "", ""].map(String::from)
        );
        assert_eq!(again.rates, draft.rates);
        assert!(again.extra.contains_key("custom_tiers"));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_bad_value_keeps_the_last_estimate_and_names_the_field() {
        let query = crate::url::scenario_query(LINK_JSON);
        let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
        let id = state.draft.lines[0].id;
        let state = state.reduce(Action::SetCount {
            id,
            column: 1,
            value: "12.5".into(),
        });
        assert!(state.error_at("lines[0].utility").is_some());
        assert_eq!(state.estimate.as_ref().unwrap().meta_total, "140.79");
        let state = state.reduce(Action::Set("bsp.markup", "0.10".into()));
        assert_eq!(state.estimate.as_ref().unwrap().meta_total, "140.79");
        let state = state.reduce(Action::SetCount {
            id,
            column: 1,
            value: "500".into(),
        });
        assert!(state.errors.is_empty());
        // 10 % of 140.79 on top.
        assert_eq!(state.estimate.as_ref().unwrap().total, "154.869");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn changing_currency_returns_to_the_card_in_force() {
        let query = crate::url::scenario_query(LINK_JSON);
        let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
        // Service is free under pmp-2025-07, so a card without service rates can price it.
        let state = state.reduce(Action::Set("rules", "pmp-2025-07".into()));
        let state = state.reduce(Action::Set("rate_card", "2026-01-01".into()));
        assert_eq!(state.errors, vec![]);
        assert_eq!(state.estimate.as_ref().unwrap().rate_card, "2026-01-01");
        let state = state.reduce(Action::Set("currency", "EUR".into()));
        assert_eq!(state.draft.get("rate_card"), "");
        // No EUR card of 2026-01-01 exists; the card in force is used, and what it lacks is
        // said beside the lines, not as a rate_card error the user did not make.
        assert_eq!(state.error_at("rate_card"), None);
        let india = state.error_at("lines[0]").unwrap_or_default();
        assert!(india.contains("EUR 2026-10-01"), "{india}");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_broken_link_falls_back_to_the_default_with_a_notice() {
        for query in [
            "?scenario=%%%",
            "?scenario=bm90IGpzb24",
            "?scenario=eyJtb250aCI6IjE5OTktMDEifQ",
        ] {
            let state = AppState::from_query(query, Lang::En, "2026-11");
            assert_eq!(
                state.notice.as_ref().map(|n| n.key),
                Some("bad_link"),
                "{query}"
            );
            assert_eq!(state.draft, Draft::default_scenario("2026-11"));
            assert!(state.estimate.is_some(), "{query}");
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_plain_card_loads_travels_in_the_link_and_reprices() {
        let query = crate::url::scenario_query(LINK_JSON);
        let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
        let state = state.reduce(Action::LoadCard(
            "market,category,rate\nindia,marketing,0.02\nBrazil,marketing,\"0.0625\"\n".into(),
        ));
        assert_eq!(state.notice, None);
        // 1000 × 0.02 = 20.00 in place of 11.80.
        assert_eq!(state.estimate.as_ref().unwrap().meta_total, "148.99");
        assert!(state.estimate.as_ref().unwrap().custom);
        let reopened = AppState::from_query(
            &crate::url::scenario_query(&state.json),
            Lang::En,
            "2026-11",
        );
        assert_eq!(reopened.notice, None);
        assert_eq!(reopened.draft.rates, state.draft.rates);
        assert_eq!(reopened.draft.rates[1].market, "India");
        assert_eq!(reopened.estimate.unwrap().meta_total, "148.99");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_card_in_another_currency_is_refused_whole() {
        let query = crate::url::scenario_query(LINK_JSON);
        let state = Rc::new(AppState::from_query(&query, Lang::En, "2026-11"));
        let state = state.reduce(Action::SetRate {
            market: "India".into(),
            category: Category::Marketing,
            value: "0.02".into(),
        });
        let before = state.draft.rates.clone();
        let state = state.reduce(Action::LoadCard(
            "Market,Currency,Marketing\nIndia,EUR,0.01\n".into(),
        ));
        let notice = state.notice.as_ref().unwrap();
        assert_eq!(notice.key, "card_error");
        assert!(notice.detail.contains("in EUR"), "{}", notice.detail);
        assert_eq!(state.draft.rates, before);
        assert_eq!(state.estimate.as_ref().unwrap().meta_total, "148.99");
    }
}
