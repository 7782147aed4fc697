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
    /// Fields of a linked line that the sheet has no column for (a misspelt `marketting`, a
    /// second destination): kept so the link round-trips unchanged, and named beside the row
    /// by the core's error.
    pub extra: Map<String, Value>,
    /// The whole entry of a linked line the sheet cannot edit (not an object, or without a
    /// destination): kept as it came, shown with the core's error until the user removes it.
    pub raw: Option<Value>,
}

/// What the user typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub settings: Vec<(&'static str, String)>,
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
    next_id: u32,
}

impl Draft {
    pub fn empty() -> Draft {
        Draft {
            settings: SETTINGS.iter().map(|(k, _)| (*k, String::new())).collect(),
            lines: Vec::new(),
            rates: Vec::new(),
            kept_rates: Vec::new(),
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
            extra: Map::new(),
            raw: None,
        });
        id
    }

    /// Adds a line of a link as typed: every value becomes the text of its cell, whatever its
    /// JSON type, so the core judges it exactly as if the user had typed it.
    fn push_linked(&mut self, entry: Value) {
        let Value::Object(mut fields) = entry else {
            return self.push_raw(entry);
        };
        // A null is no value at all, for the core as for the sheet.
        let given =
            |fields: &Map<String, Value>, key: &str| fields.get(key).is_some_and(|v| !v.is_null());
        let dest = if given(&fields, "country") {
            fields.remove("country").map(|v| Dest::Country(as_text(v)))
        } else if given(&fields, "market") {
            fields.remove("market").map(|v| Dest::Market(as_text(v)))
        } else {
            None
        };
        let Some(dest) = dest else {
            return self.push_raw(Value::Object(fields));
        };
        let counts = COLUMNS.map(|column| fields.remove(column).map(as_text).unwrap_or_default());
        let id = self.push(dest, counts.each_ref().map(String::as_str));
        if let Some(line) = self.lines.last_mut().filter(|l| l.id == id) {
            line.extra = fields;
        }
    }

    fn push_raw(&mut self, entry: Value) {
        let id = self.push(Dest::Market(String::new()), ["", "", "", ""]);
        if let Some(line) = self.lines.last_mut().filter(|l| l.id == id) {
            line.raw = Some(entry);
        }
    }

    /// The scenario JSON the core reads, and the link carries.
    pub fn to_json(&self) -> String {
        let mut root = self.extra.clone();
        for (key, kind) in SETTINGS {
            let text = self.get(key).trim();
            let value = match kind {
                Kind::Bool if text == "true" => Value::Bool(true),
                Kind::Bool if text == "false" || text.is_empty() => continue,
                // Anything else came from a link: sent as written, for the core to name.
                Kind::Bool => Value::String(text.to_string()),
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
                    // A group that was not an object in the link gives way to what the user
                    // typed into it.
                    if !entry.is_object() {
                        *entry = Value::Object(Map::new());
                    }
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
                if let Some(raw) = &line.raw {
                    return raw.clone();
                }
                let mut map = line.extra.clone();
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
        if !lines.is_empty() || !root.contains_key("lines") {
            root.insert("lines".into(), Value::Array(lines));
        }
        if !self.rates.is_empty() || !self.kept_rates.is_empty() {
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
                .chain(self.kept_rates.iter().cloned())
                .collect();
            root.insert("custom_rates".into(), Value::Array(rates));
        }
        Value::Object(root).to_string()
    }

    /// Reads a scenario JSON (a shared link, the sheet kept from a last visit) back into
    /// editable text; only text that is not a JSON object is refused.
    pub fn from_json(text: &str) -> Result<Draft, String> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| format!("the scenario is not valid JSON: {e}"))?;
        let Value::Object(root) = value else {
            return Err(format!(
                "the scenario is not a JSON object but {}",
                json_kind(&value)
            ));
        };
        Ok(Draft::from_object(root))
    }

    /// A scenario object as typed: every value becomes text in its field, whatever its JSON
    /// type, and whatever the sheet cannot hold is kept aside, so nothing of a link is lost
    /// and the core names every problem beside its field, as when the user types.
    pub fn from_object(mut root: Map<String, Value>) -> Draft {
        let mut draft = Draft::empty();
        for (key, _) in SETTINGS {
            let found = match key.split_once('.') {
                Some((group, field)) => root
                    .get_mut(group)
                    .and_then(Value::as_object_mut)
                    .and_then(|m| m.remove(field)),
                None => root.remove(*key),
            };
            if let Some(value) = found {
                draft.set(key, &as_text(value));
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
        match root.remove("lines") {
            Some(Value::Array(entries)) => entries.into_iter().for_each(|e| draft.push_linked(e)),
            Some(Value::Null) | None => {}
            Some(other) => {
                root.insert("lines".into(), other);
            }
        }
        match root.remove("custom_rates") {
            Some(Value::Array(entries)) => {
                for entry in entries {
                    match rate_edit(&entry) {
                        Some(edit) => draft.rates.push(edit),
                        None => draft.kept_rates.push(entry),
                    }
                }
            }
            Some(Value::Null) | None => {}
            Some(other) => {
                root.insert("custom_rates".into(), other);
            }
        }
        draft.extra = root;
        draft
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

/// A linked value as the text of its field: strings as they are, anything else as JSON.
fn as_text(value: Value) -> String {
    match value {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A `custom_rates` entry the rate editor can hold: exactly a market, a known category and a
/// rate; anything else is kept as it came.
fn rate_edit(entry: &Value) -> Option<RateEdit> {
    let fields = entry.as_object()?;
    if fields
        .keys()
        .any(|k| !matches!(k.as_str(), "market" | "category" | "rate"))
    {
        return None;
    }
    let market = fields.get("market")?.as_str()?;
    let category = Category::parse(fields.get("category")?.as_str()?)?;
    let rate = match fields.get("rate")? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    Some(RateEdit {
        market: market.to_string(),
        category,
        rate,
    })
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
    /// The text of a link the page could not open, offered read-only so the user can copy
    /// their numbers out of it.
    pub rescue: Option<String>,
}

impl Notice {
    pub fn new(key: &'static str, detail: String) -> Notice {
        Notice {
            key,
            detail,
            rescue: None,
        }
    }
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
}

impl AppState {
    /// The state for a page opened with `query` (`?lang=…&scenario=…` or empty). `lang` is
    /// the browser's language, which a `lang` in the link overrides; `default_month` is used
    /// when no link is given or the link cannot be read at all.
    pub fn from_query(query: &str, lang: Lang, default_month: &str) -> AppState {
        let lang = crate::url::query_param(query, "lang")
            .and_then(|tag| Lang::from_link(&tag))
            .unwrap_or(lang);
        let fallback = || Draft::default_scenario(default_month);
        let (draft, notice) = match crate::url::query_param(query, "scenario") {
            None => (fallback(), None),
            Some(value) => match open_link(&value) {
                Ok(draft) => (draft, None),
                Err(notice) => (fallback(), Some(notice)),
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
            restore: None,
            opened: query.into(),
            edited: false,
            lang_chosen: false,
        };
        state.recompute();
        state
    }

    /// Offers `stored`, the sheet kept from an earlier visit, back to the user: never over a
    /// link that was opened (even one that could not be read), never when it is what is on
    /// screen already, and not when it is no longer a scenario object.
    pub fn offer_stored(mut self, stored: Option<&str>) -> AppState {
        if crate::url::query_param(&self.opened, "scenario").is_some() {
            return self;
        }
        let Some(draft) = stored.and_then(|text| Draft::from_json(text).ok()) else {
            return self;
        };
        if draft.to_json() != self.json {
            self.restore = Some(Rc::new(draft));
        }
        self
    }

    /// The query string the address bar should show, or `None` while it keeps the link the
    /// page was opened with (nothing changed yet). After a change to the sheet it carries the
    /// language and the scenario; after a change of language alone, the opened link with the
    /// new language, so a link that could not be read is not replaced by the default sheet.
    pub fn address(&self) -> Option<String> {
        if self.edited {
            Some(crate::url::page_query(self.lang.tag(), &self.json))
        } else if self.lang_chosen {
            Some(crate::url::with_param(
                &self.opened,
                "lang",
                self.lang.tag(),
            ))
        } else {
            None
        }
    }

    /// The sheet to keep in the browser's storage: the current one, once the user has changed
    /// it (a link only looked at does not replace the user's own last sheet).
    pub fn sheet_to_keep(&self) -> Option<&str> {
        self.edited.then_some(self.json.as_str())
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

    /// Every problem about line `at` except its four counts, worded for its row: the line
    /// itself and its destination by the message alone, any other field (one the sheet has no
    /// column for) by its name first, since the row shows no cell for it.
    pub fn line_errors(&self, at: usize) -> Vec<String> {
        self.errors
            .iter()
            .filter(|e| e.path.line_index() == Some(at))
            .filter_map(|e| {
                let message = e.kind.to_string();
                match e.path.line_field_of() {
                    Some((_, LineField::Country | LineField::Market)) => Some(message),
                    // A count: said in its own cell.
                    Some(_) => None,
                    None if e.path == FieldPath::line(at) => Some(message),
                    None => e.path.last_key().map(|field| format!("{field}: {message}")),
                }
            })
            .collect()
    }

    /// The error paths of the visible fields, to list the rest separately.
    pub fn field_paths(&self) -> Vec<FieldPath> {
        let mut paths: Vec<FieldPath> = Setting::ALL.into_iter().map(Setting::path).collect();
        paths.push(FieldPath::top(schema::List::Lines.spec().name));
        for (at, line) in self.draft.lines.iter().enumerate() {
            paths.push(FieldPath::line(at));
            paths.push(FieldPath::line_field(at, LineField::Country));
            paths.push(FieldPath::line_field(at, LineField::Market));
            for column in LineField::COUNTS {
                paths.push(FieldPath::line_field(at, column));
            }
            for field in line.extra.keys() {
                paths.push(FieldPath::line(at).key(field.clone()));
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

/// Reads a `?scenario=` value as typed. Only a value that is not base64, not UTF-8, not JSON
/// or not an object is refused, with its text offered back; anything inside the object that
/// is wrong stays in the sheet for the core to name beside its field.
fn open_link(value: &str) -> Result<Draft, Notice> {
    let unreadable = |detail: String, rescue: String| Notice {
        key: "bad_link",
        detail,
        rescue: Some(rescue),
    };
    let json = crate::url::decode_scenario(value).map_err(|u| unreadable(u.why, u.rescue))?;
    Draft::from_json(&json).map_err(|why| unreadable(why, json))
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
    /// The sheet kept from the last visit replaces the one on screen.
    Restore,
    /// The offer of the last sheet goes away; the sheet on screen stays.
    DismissRestore,
}

/// A pasted block of numbers runs down the sheet by position; a linked line the sheet cannot
/// edit has no cells, so a block that reaches one is refused rather than dropped there.
fn refuse_counts_in_kept_lines(draft: &Draft) -> Result<(), String> {
    match draft
        .lines
        .iter()
        .position(|l| l.raw.is_some() && l.counts.iter().any(|c| !c.is_empty()))
    {
        Some(at) => Err(format!(
            "the block reaches lines[{at}], which the sheet cannot edit: remove that line first, or paste with a first column of countries"
        )),
        None => Ok(()),
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        let mut changed = true;
        match action {
            Action::SetLang(lang) => {
                state.lang = lang;
                state.lang_chosen = true;
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
                let locale = state.lang.locale();
                let pasted = sheet_io::paste(&mut state.draft, id, column, &text, table, locale)
                    .and_then(|note| refuse_counts_in_kept_lines(&state.draft).map(|()| note));
                match pasted {
                    Ok(note) => state.notice = note.map(|(key, detail)| Notice::new(key, detail)),
                    Err(detail) => {
                        state.draft = self.draft.clone();
                        state.notice = Some(Notice::new("paste_error", detail));
                        changed = false;
                    }
                }
            }
            Action::ImportCsv(text) => {
                let table = sheet_io::table_for(&state.draft);
                match sheet_io::import_csv(&text, table, state.lang.locale()) {
                    Ok((lines, note)) => {
                        state.draft.lines.clear();
                        for (dest, counts) in lines {
                            let counts = [&counts[0], &counts[1], &counts[2], &counts[3]];
                            state.draft.push(dest, counts.map(|s| s.as_str()));
                        }
                        state.notice = note.map(|(key, detail)| Notice::new(key, detail));
                    }
                    Err(detail) => {
                        state.notice = Some(Notice::new("csv_error", detail));
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
            Action::ResetRates => {
                state.draft.rates.clear();
                state.draft.kept_rates.clear();
            }
            Action::LoadCard(text) => match state.draft.load_card(&text) {
                Ok(()) => state.notice = None,
                Err(detail) => {
                    state.notice = Some(Notice::new("card_error", detail));
                    changed = false;
                }
            },
            Action::Notify(key, detail) => {
                state.notice = Some(Notice::new(key, detail));
                changed = false;
            }
            Action::Dismiss => {
                state.notice = None;
                changed = false;
            }
            Action::Restore => match state.restore.take() {
                Some(kept) => state.draft = (*kept).clone(),
                None => changed = false,
            },
            Action::DismissRestore => {
                state.restore = None;
                changed = false;
            }
        }
        if changed {
            state.edited = true;
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

    /// Five lines, one count written with an English thousands separator.
    pub const FIVE_LINES: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000},{"country":"GB","marketing":"1,500"},{"country":"MX","utility":200},{"market":"Rest of Africa","marketing":8000}]}"#;

    fn open(json: &str) -> AppState {
        AppState::from_query(&crate::url::scenario_query(json), Lang::En, "2026-11")
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_link_with_a_bad_value_loads_as_typed() {
        let state = open(FIVE_LINES);
        assert_eq!(state.notice, None);
        assert_eq!(state.draft.lines.len(), 5);
        let dests: Vec<&Dest> = state.draft.lines.iter().map(|l| &l.dest).collect();
        assert_eq!(
            dests,
            [
                &Dest::Country("IN".into()),
                &Dest::Country("BR".into()),
                &Dest::Country("GB".into()),
                &Dest::Country("MX".into()),
                &Dest::Market("Rest of Africa".into()),
            ]
        );
        assert_eq!(
            state.draft.lines[2].counts,
            ["1,500", "", "", ""].map(String::from)
        );
        assert_eq!(
            state.draft.lines[0].counts,
            ["1000", "500", "0", "3350"].map(String::from)
        );
        assert_eq!(
            state.error_at("lines[2].marketing").as_deref(),
            Some(r#"must be a whole number >= 0, got "1,500""#)
        );
        assert_eq!(state.errors.len(), 1, "{:?}", state.errors);
        // Nothing was priced yet, and the link the page writes back is the one it read.
        assert!(state.estimate.is_none());
        assert_eq!(
            serde_json::from_str::<Value>(&state.json).unwrap(),
            serde_json::from_str::<Value>(FIVE_LINES).unwrap()
        );
        assert_eq!(state.address(), None);
        assert_eq!(state.sheet_to_keep(), None);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_reload_after_typing_brings_back_the_text_and_its_error() {
        let state = Rc::new(open(LINK_JSON));
        assert_eq!(state.address(), None);
        let id = state.draft.lines[1].id;
        let state = state.reduce(Action::SetCount {
            id,
            column: 2,
            value: "12.5".into(),
        });
        let address = state.address().expect("the address follows a change");
        assert!(address.starts_with("?lang=en&scenario="), "{address}");
        assert_eq!(state.sheet_to_keep(), Some(state.json.as_str()));
        let reloaded = AppState::from_query(&address, Lang::Fr, "2026-11");
        assert_eq!(reloaded.lang, Lang::En);
        assert_eq!(reloaded.notice, None);
        assert_eq!(reloaded.draft.lines[1].counts[2], "12.5");
        assert_eq!(
            reloaded.error_at("lines[1].authentication").as_deref(),
            Some(r#"must be a whole number >= 0, got "12.5""#)
        );
        assert_eq!(reloaded.json, state.json);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_language_of_a_link_wins_and_a_choice_alone_keeps_the_link() {
        let query = format!("?lang=fr&{}", &crate::url::scenario_query(LINK_JSON)[1..]);
        let state = Rc::new(AppState::from_query(&query, Lang::Es, "2026-11"));
        assert_eq!(state.lang, Lang::Fr);
        let state = state.reduce(Action::SetLang(Lang::PtBr));
        // Only the language changes in the address: the scenario stays as it was written.
        assert_eq!(
            state.address(),
            Some(query.replace("lang=fr", "lang=pt-BR"))
        );
        assert_eq!(state.sheet_to_keep(), None);
        // An unknown language leaves the browser's.
        let other = AppState::from_query("?lang=de", Lang::Es, "2026-11");
        assert_eq!(other.lang, Lang::Es);
        // A broken link stays in the address when only the language changes.
        let broken = Rc::new(AppState::from_query("?scenario=%%%", Lang::En, "2026-11"));
        let broken = broken.reduce(Action::SetLang(Lang::Fr));
        assert_eq!(broken.address().as_deref(), Some("?lang=fr&scenario=%%%"));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn an_unknown_line_field_is_kept_shown_and_sent_back() {
        let json = r#"{"month":"2026-11","lines":[{"country":"IN","marketting":5,"marketing":10},{"country":"BR","marketing":20,"market":"Brazil"}]}"#;
        let state = Rc::new(open(json));
        assert_eq!(state.notice, None);
        assert_eq!(state.draft.lines[0].counts[0], "10");
        assert_eq!(
            state.draft.lines[0].extra.get("marketting"),
            Some(&Value::from(5))
        );
        assert_eq!(
            state.line_errors(0),
            vec!["marketting: unknown field (expected one of: country, market, marketing, utility, authentication, service)".to_string()]
        );
        // A second destination is kept too, and the core says why it cannot be.
        assert_eq!(
            state.line_errors(1),
            vec!["give either country or market, not both".to_string()]
        );
        assert!(state
            .field_paths()
            .contains(&FieldPath::line(0).key("marketting")));
        // Typing elsewhere sends both fields back unchanged.
        let id = state.draft.lines[0].id;
        let state = state.reduce(Action::SetCount {
            id,
            column: 1,
            value: "7".into(),
        });
        let sent: Value = serde_json::from_str(&state.json).unwrap();
        assert_eq!(
            sent["lines"][0],
            serde_json::json!({"country": "IN", "marketting": 5, "marketing": 10, "utility": 7})
        );
        assert_eq!(
            sent["lines"][1],
            serde_json::json!({"country": "BR", "market": "Brazil", "marketing": 20})
        );
        let again = Draft::from_json(&state.json).unwrap();
        assert_eq!(again.to_json(), state.json);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn shape_problems_inside_the_object_keep_the_sheet() {
        let json = r#"{"month":"2026-11","auth_international":"yes","bsp":"0.01","lines":[{"country":"IN","marketing":12.5},7,{"marketing":3}],"custom_rates":[{"market":"India","category":"promo","rate":"0.01"},{"market":"India","category":"utility","rate":"0.002"}],"colour":"red"}"#;
        let state = open(json);
        assert_eq!(state.notice, None);
        assert_eq!(state.draft.lines.len(), 3);
        assert_eq!(state.draft.lines[0].counts[0], "12.5");
        assert_eq!(state.draft.lines[1].raw, Some(Value::from(7)));
        assert_eq!(
            state.draft.lines[2].raw,
            Some(serde_json::json!({"marketing": 3}))
        );
        assert_eq!(state.draft.get("auth_international"), "yes");
        assert_eq!(state.draft.rates.len(), 1);
        assert_eq!(state.draft.kept_rates.len(), 1);
        let errors: Vec<String> = state.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "colour: unknown field (expected one of: month, currency, rules, rate_card, business_country, auth_international, phone_numbers, wabas, utility_in_window, entry_point, free_conversations, per_conversation, lines, bsp, custom_rates, custom_tiers)",
                r#"auth_international: must be true or false, got "yes""#,
                r#"lines[0].marketing: must be a whole number >= 0, got "12.5""#,
                "lines[1]: must be a JSON object, got 7",
                "lines[2]: needs a destination: country (ISO alpha-2, e.g. IN) or market (Meta's market name)",
                r#"bsp: must be a JSON object, got "0.01""#,
                r#"custom_rates[1].category: must be one of marketing, utility, authentication, authentication_international, service, business_initiated, user_initiated, got "promo""#,
            ]
        );
        assert_eq!(
            state.line_errors(1),
            vec!["must be a JSON object, got 7".to_string()]
        );
        // Everything is sent back; only the rate the editor cannot hold moves after the others.
        let sent: Value = serde_json::from_str(&state.json).unwrap();
        assert_eq!(sent["lines"][1], Value::from(7));
        assert_eq!(sent["lines"][2], serde_json::json!({"marketing": 3}));
        assert_eq!(sent["bsp"], Value::from("0.01"));
        assert_eq!(sent["colour"], Value::from("red"));
        assert_eq!(sent["custom_rates"][1]["category"], Value::from("promo"));
        // A list that is not one waits until the user adds a line in its place.
        let listless = Rc::new(open(r#"{"month":"2026-11","lines":"IN"}"#));
        assert_eq!(
            listless.error_at("lines").as_deref(),
            Some(r#"must be a JSON array, got "IN""#)
        );
        let added = listless.reduce(Action::AddLine(Dest::Country("IN".into())));
        assert_eq!(added.errors, vec![]);
        assert!(
            added.json.contains(r#""lines":[{"country":"IN"}]"#),
            "{}",
            added.json
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_pasted_block_never_lands_in_a_line_the_sheet_cannot_edit() {
        let state = Rc::new(open(
            r#"{"month":"2026-11","lines":[{"country":"IN"},{"marketing":3},{"country":"BR"}]}"#,
        ));
        let id = state.draft.lines[0].id;
        let state = state.reduce(Action::Paste {
            id,
            column: 0,
            text: "1\n2\n3\n".into(),
        });
        let notice = state.notice.as_ref().expect("refused");
        assert_eq!(notice.key, "paste_error");
        assert!(notice.detail.contains("lines[1]"), "{}", notice.detail);
        assert_eq!(state.draft.lines[0].counts[0], "");
        assert!(!state.edited);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn only_a_link_that_is_no_scenario_object_falls_back_and_offers_its_text() {
        let cases = [
            (
                "?scenario=%%%".to_string(),
                "the scenario in the link is damaged or cut short (character '%' at position 0 is not base64url)",
                "%%%",
            ),
            (
                format!(
                    "?scenario={}",
                    crate::url::encode(b"{\"month\":\"2026-11\"}\xff")
                ),
                "",
                "",
            ),
            (
                crate::url::scenario_query("not json"),
                "the scenario is not valid JSON: expected ident at line 1 column 2",
                "not json",
            ),
            (
                crate::url::scenario_query(r#"[{"country":"IN","marketing":5}]"#),
                "the scenario is not a JSON object but a list",
                r#"[{"country":"IN","marketing":5}]"#,
            ),
        ];
        for (query, detail, rescue) in cases {
            let state = AppState::from_query(&query, Lang::En, "2026-11");
            let notice = state.notice.as_ref().expect("a notice");
            assert_eq!(notice.key, "bad_link", "{query}");
            if detail.is_empty() {
                assert!(notice.detail.contains("not UTF-8"), "{}", notice.detail);
                let text = notice.rescue.as_deref().unwrap_or_default();
                assert!(text.starts_with(r#"{"month":"2026-11"}"#), "{text}");
                assert!(text.contains('\u{fffd}'), "{text}");
            } else {
                assert_eq!(notice.detail, detail);
                assert_eq!(notice.rescue.as_deref(), Some(rescue));
            }
            assert_eq!(state.draft, Draft::default_scenario("2026-11"));
            assert!(state.estimate.is_some(), "{query}");
            // The address keeps the link the user opened.
            assert_eq!(state.address(), None);
        }
        // A link that is an object, however wrong inside, is no fallback.
        let month_only =
            AppState::from_query("?scenario=eyJtb250aCI6IjE5OTktMDEifQ", Lang::En, "2026-11");
        assert_eq!(month_only.notice, None);
        assert_eq!(month_only.draft.get("month"), "1999-01");
        assert!(month_only.error_at("month").is_some());
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_last_sheet_is_offered_never_over_a_link_and_restored_on_request() {
        let kept = open(FIVE_LINES).json;
        let fresh = Rc::new(
            AppState::from_query("?lang=fr", Lang::En, "2026-11").offer_stored(Some(&kept)),
        );
        assert_eq!(fresh.lang, Lang::Fr);
        assert_eq!(fresh.draft, Draft::default_scenario("2026-11"));
        let offered = fresh.restore.as_ref().expect("offered");
        assert_eq!(offered.lines.len(), 5);
        let restored = fresh.clone().reduce(Action::Restore);
        assert_eq!(restored.restore, None);
        assert_eq!(restored.json, kept);
        assert_eq!(restored.draft.lines[2].counts[0], "1,500");
        assert!(restored.error_at("lines[2].marketing").is_some());
        assert_eq!(restored.sheet_to_keep(), Some(kept.as_str()));
        assert!(restored
            .address()
            .unwrap()
            .starts_with("?lang=fr&scenario="));
        let dismissed = fresh.reduce(Action::DismissRestore);
        assert_eq!(dismissed.restore, None);
        assert_eq!(dismissed.draft, Draft::default_scenario("2026-11"));
        assert_eq!(dismissed.address(), None);
        // Never over a link, even one that could not be read.
        for query in [
            crate::url::scenario_query(LINK_JSON),
            "?scenario=%%%".into(),
        ] {
            let linked =
                AppState::from_query(&query, Lang::En, "2026-11").offer_stored(Some(&kept));
            assert_eq!(linked.restore, None, "{query}");
        }
        // Nothing to offer: the default sheet itself, or storage that holds no scenario.
        let default = Draft::default_scenario("2026-11").to_json();
        for stored in [Some(default.as_str()), Some("[1]"), Some("{"), None] {
            let state = AppState::from_query("", Lang::En, "2026-11").offer_stored(stored);
            assert_eq!(state.restore, None, "{stored:?}");
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
