//! The draft as the scenario JSON the core reads and the link carries, and back. Every value
//! of a scenario object becomes the text of its field, whatever its JSON type, so the core
//! judges a link exactly as if the user had typed it; whatever the sheet cannot hold is kept
//! aside and sent back unchanged.

use super::{Dest, Draft, Line, RateEdit, COLUMNS};
use serde_json::{Map, Value};
use wacost_core::count;
use wacost_core::locale::Locale;
use wacost_core::scenario::schema::{List, RateField, ValueKind};
use wacost_core::scenario::{LineField, Setting};
use wacost_core::Category;

/// How a setting travels in the scenario JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A JSON string, omitted when empty (the core then applies its default).
    Text,
    /// A whole number, read as the page's language writes it; text that is not one is sent as
    /// typed so the core names the problem.
    Count,
    /// A decimal, sent as a string so no digit is lost.
    Decimal,
    Bool,
}

impl Kind {
    fn of(setting: Setting) -> Kind {
        match setting.spec().kind {
            ValueKind::Count { .. } => Kind::Count,
            ValueKind::Decimal { .. } => Kind::Decimal,
            ValueKind::Bool => Kind::Bool,
            _ => Kind::Text,
        }
    }
}

/// What a JSON value is, for a link whose scenario is not an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    List,
}

/// Why a text gives no draft at all: only text that is not a JSON object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    NotJson { line: usize, column: usize },
    NotAnObject { found: JsonKind },
}

impl Draft {
    /// The scenario JSON the core reads, and the link carries. Counts are read as `locale`
    /// writes them (`1,500` in English, `1 500` in French), so the link carries the number.
    pub fn to_json(&self, locale: Locale) -> String {
        let mut root = self.extra.clone();
        for setting in Setting::ALL {
            let typed_percent = self.percent_typed.iter().any(|(s, _)| *s == setting);
            let value = if self.untouched_default(setting) {
                // The core applies it anyway; the link stays as short as an untouched sheet's.
                None
            } else if typed_percent {
                // A refused percent goes as typed, never re-read as a decimal fraction.
                Some(Value::String(self.get(setting).trim().to_string()))
            } else {
                setting_value(self.get(setting).trim(), Kind::of(setting), locale)
            };
            if let Some(value) = value {
                place_setting(&mut root, setting, value);
            }
        }
        let lines: Vec<Value> = self.lines.iter().map(|l| line_value(l, locale)).collect();
        let lines_key = List::Lines.spec().name;
        if !lines.is_empty() || !root.contains_key(lines_key) {
            root.insert(lines_key.into(), Value::Array(lines));
        }
        if !self.rates.is_empty() || !self.kept_rates.is_empty() {
            let rates = self
                .rates
                .iter()
                .map(rate_value)
                .chain(self.kept_rates.iter().cloned())
                .collect();
            root.insert(List::CustomRates.spec().name.into(), Value::Array(rates));
        }
        Value::Object(root).to_string()
    }

    /// Reads a scenario JSON (a shared link, the sheet kept from a last visit) back into
    /// editable text; only text that is not a JSON object is refused.
    pub fn from_json(text: &str) -> Result<Draft, ReadProblem> {
        let value: Value = serde_json::from_str(text).map_err(|e| ReadProblem::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
        let found = match value {
            Value::Object(root) => return Ok(Draft::from_object(root)),
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::List,
        };
        Err(ReadProblem::NotAnObject { found })
    }

    /// A scenario object as typed: every value becomes text in its field, whatever its JSON
    /// type, and whatever the sheet cannot hold is kept aside, so nothing of a link is lost
    /// and the core names every problem beside its field, as when the user types.
    pub fn from_object(mut root: Map<String, Value>) -> Draft {
        let mut draft = Draft::empty();
        for setting in Setting::ALL {
            if let Some(value) = take_setting(&mut root, setting) {
                draft.set(setting, &as_text(value));
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
        draft.take_lines(&mut root);
        draft.take_rates(&mut root);
        draft.extra = root;
        draft
    }

    fn take_lines(&mut self, root: &mut Map<String, Value>) {
        let key = List::Lines.spec().name;
        match root.remove(key) {
            Some(Value::Array(entries)) => entries.into_iter().for_each(|e| self.push_linked(e)),
            Some(Value::Null) | None => {}
            Some(other) => {
                root.insert(key.into(), other);
            }
        }
    }

    fn take_rates(&mut self, root: &mut Map<String, Value>) {
        let key = List::CustomRates.spec().name;
        match root.remove(key) {
            Some(Value::Array(entries)) => {
                for entry in entries {
                    match rate_edit(&entry) {
                        Some(edit) => self.rates.push(edit),
                        None => self.kept_rates.push(entry),
                    }
                }
            }
            Some(Value::Null) | None => {}
            Some(other) => {
                root.insert(key.into(), other);
            }
        }
    }

    /// Adds a line of a link as typed: every value becomes the text of its cell, whatever its
    /// JSON type, so the core judges it exactly as if the user had typed it.
    fn push_linked(&mut self, entry: Value) {
        let Value::Object(mut fields) = entry else {
            return self.push_raw(entry);
        };
        // A null is no value at all, for the core as for the sheet.
        let given = |fields: &Map<String, Value>, field: LineField| {
            fields.get(field.name()).is_some_and(|v| !v.is_null())
        };
        let dest = if given(&fields, LineField::Country) {
            fields
                .remove(LineField::Country.name())
                .map(|v| Dest::Country(as_text(v)))
        } else if given(&fields, LineField::Market) {
            fields
                .remove(LineField::Market.name())
                .map(|v| Dest::Market(as_text(v)))
        } else {
            None
        };
        let Some(dest) = dest else {
            return self.push_raw(Value::Object(fields));
        };
        let counts = COLUMNS.map(|c| fields.remove(c.name()).map(as_text).unwrap_or_default());
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
}

/// A setting's text as its JSON value; `None` leaves it out (the core's default).
fn setting_value(text: &str, kind: Kind, locale: Locale) -> Option<Value> {
    Some(match kind {
        Kind::Bool if text == "true" => Value::Bool(true),
        Kind::Bool if text == "false" || text.is_empty() => return None,
        // Anything else came from a link: sent as written, for the core to name.
        Kind::Bool => Value::String(text.to_string()),
        _ if text.is_empty() => return None,
        Kind::Count => count_value(text, locale),
        Kind::Text => Value::String(text.to_string()),
        Kind::Decimal => Value::String(decimal_text(text)),
    })
}

/// Puts a setting's value at its place: the top of the scenario, or its group.
fn place_setting(root: &mut Map<String, Value>, setting: Setting, value: Value) {
    let name = setting.spec().name.to_string();
    let Some(group) = setting.group() else {
        root.insert(name, value);
        return;
    };
    let entry = root
        .entry(group.name().to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    // A group that was not an object in the link gives way to what the user typed into it.
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    if let Value::Object(map) = entry {
        map.insert(name, value);
    }
}

/// Takes a setting's value out of a linked scenario object.
fn take_setting(root: &mut Map<String, Value>, setting: Setting) -> Option<Value> {
    let name = setting.spec().name;
    match setting.group() {
        Some(group) => root
            .get_mut(group.name())
            .and_then(Value::as_object_mut)
            .and_then(|m| m.remove(name)),
        None => root.remove(name),
    }
}

fn line_value(line: &Line, locale: Locale) -> Value {
    if let Some(raw) = &line.raw {
        return raw.clone();
    }
    let mut map = line.extra.clone();
    match &line.dest {
        Dest::Country(iso) => map.insert(LineField::Country.name().into(), iso.as_str().into()),
        Dest::Market(name) => map.insert(LineField::Market.name().into(), name.as_str().into()),
    };
    for (column, text) in COLUMNS.iter().zip(&line.counts) {
        let text = text.trim();
        if !text.is_empty() {
            map.insert(column.name().into(), count_value(text, locale));
        }
    }
    Value::Object(map)
}

fn rate_value(rate: &RateEdit) -> Value {
    let mut map = Map::new();
    map.insert(RateField::Market.name().into(), rate.market.as_str().into());
    map.insert(
        RateField::Category.name().into(),
        rate.category.as_str().into(),
    );
    map.insert(
        RateField::Rate.name().into(),
        decimal_text(rate.rate.trim()).into(),
    );
    Value::Object(map)
}

/// A count as the core reads it: the number, when `locale` reads the text as one (the core's
/// count reader, as for pastes and imports); otherwise the text as typed, for the core to
/// name beside its field.
fn count_value(text: &str, locale: Locale) -> Value {
    match count::read(text, locale) {
        Ok(n) => Value::Number(n.into()),
        Err(_) => Value::String(text.to_string()),
    }
}

/// A decimal as the core reads it. French, Spanish and Portuguese users write `0,25` and
/// `1,5`: a single comma between digits is read as the decimal point, unless it could be an
/// English thousands separator (`1,000`, `12,500`: three digits after it and a whole part
/// other than 0), which is left for the core to refuse with the value shown.
pub(crate) fn decimal_text(text: &str) -> String {
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

/// A `custom_rates` entry the rate editor can hold: exactly a market, a known category and a
/// rate; anything else is kept as it came.
fn rate_edit(entry: &Value) -> Option<RateEdit> {
    let fields = entry.as_object()?;
    if fields
        .keys()
        .any(|k| !RateField::ALL.iter().any(|f| f.name() == k))
    {
        return None;
    }
    let market = fields.get(RateField::Market.name())?.as_str()?;
    let category = Category::parse(fields.get(RateField::Category.name())?.as_str()?)?;
    let rate = match fields.get(RateField::Rate.name())? {
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

#[cfg(test)]
mod tests {
    use super::*;

    const LINK_JSON: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500,"authentication":0,"service":3350},{"country":"BR","marketing":2000}]}"#;

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
        draft.set(Setting::BspMarkup, "0,10");
        draft.set_rate("Brazil".into(), Category::Marketing, "0,05".into());
        let json = draft.to_json(Locale::Fr);
        assert!(json.contains(r#""markup":"0.10""#), "{json}");
        assert!(json.contains(r#""rate":"0.05""#), "{json}");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn counts_are_read_as_the_language_writes_them_and_travel_as_numbers() {
        let mut draft = Draft::from_json(LINK_JSON).unwrap();
        let id = draft.lines[1].id;
        let cases = [
            (Locale::En, "1,500", "1500"),
            (Locale::Fr, "1 500", "1500"),
            (Locale::Fr, "1\u{202f}500", "1500"),
            (Locale::PtBr, "1.500", "1500"),
            (Locale::Es, "1.500", "1500"),
            (Locale::En, "12.5", r#""12.5""#),
            (Locale::En, "1,5", r#""1,5""#),
            (Locale::Fr, "1,500", r#""1,500""#),
            (Locale::PtBr, "1,500", r#""1,500""#),
        ];
        for (locale, typed, sent) in cases {
            draft.set_count(id, LineField::Utility, typed.into());
            let json = draft.to_json(locale);
            assert!(
                json.contains(&format!(r#""utility":{sent}"#)),
                "{locale:?} {typed:?}: {json}"
            );
        }
        draft.set(Setting::PhoneNumbers, "1.000");
        assert!(draft
            .to_json(Locale::PtBr)
            .contains(r#""phone_numbers":1000"#));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_draft_round_trips_through_json() {
        let mut draft = Draft::from_json(LINK_JSON).unwrap();
        draft.set(Setting::BspMarkup, "0.10");
        draft.set(Setting::AuthInternational, "true");
        draft.set_rate("India".into(), Category::Marketing, "0.02".into());
        draft
            .extra
            .insert("custom_tiers".into(), Value::Array(vec![]));
        let json = draft.to_json(Locale::En);
        let again = Draft::from_json(&json).unwrap();
        assert_eq!(again.to_json(Locale::En), json);
        assert_eq!(again.get(Setting::BspMarkup), "0.10");
        assert_eq!(
            again.lines[1].counts,
            ["2000", "", "", ""].map(String::from)
        );
        assert_eq!(again.rates, draft.rates);
        assert!(again.extra.contains_key("custom_tiers"));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn only_text_that_is_no_object_is_refused() {
        assert_eq!(
            Draft::from_json("not json"),
            Err(ReadProblem::NotJson { line: 1, column: 2 })
        );
        assert_eq!(
            Draft::from_json("[1]"),
            Err(ReadProblem::NotAnObject {
                found: JsonKind::List
            })
        );
        assert!(Draft::from_json(r#"{"lines":7,"colour":"red"}"#).is_ok());
    }
}
