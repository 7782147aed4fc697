//! An options object from JavaScript as JSON data for the core's readers
//! (`PlanSettings::from_value`, `BudgetQuery::from_value`), without losing a digit.
//!
//! `JSON.stringify` is not used here because it writes `NaN` and `Infinity` as `null`, which
//! the readers take for "not given": `{ growth: NaN }` would plan with no growth instead of
//! being refused. So the object is walked and each value carried as follows:
//!
//! - a string as it is (`"0.05"`, exact whatever its length);
//! - a finite number as the decimal JavaScript writes for it, `String(n)`: the shortest decimal
//!   that reads back as the same number (`0.05` is 0.05, `1e-7` is 0.0000001, `12` is 12). The
//!   core reads that text exactly, never through a binary float; a number that cannot be
//!   written exactly with 17 significant digits is better given as a string;
//! - `NaN`, `Infinity` and `-Infinity` as their text, which every reader refuses with its own
//!   message (`got "NaN"`);
//! - a BigInt as its digits;
//! - a property whose value is `undefined` as absent, as `JSON.stringify` does;
//! - a function or a symbol is refused, naming its path.

use crate::problem::Problem;
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Options nest two levels (`multipliers["11"]`); deeper is a mistake or a cycle.
const MAX_DEPTH: usize = 8;

/// The options argument as JSON data: `{}` when it is `undefined` or `null`.
pub fn to_value(options: Option<JsValue>, example: &str) -> Result<Value, Problem> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(Value::Object(Map::new()));
    };
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(Problem::new(
            "options",
            format!("expected an options object such as {example}"),
            "not_an_options_object",
        ));
    }
    convert(&options, "options", 0)
}

fn convert(value: &JsValue, path: &str, depth: usize) -> Result<Value, Problem> {
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if value.as_f64().is_some() || value.is_bigint() {
        return Ok(number(value));
    }
    if depth >= MAX_DEPTH {
        return Err(unreadable(
            path,
            "is nested too deep for options (a cycle?)",
        ));
    }
    if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        return array
            .iter()
            .enumerate()
            .map(|(index, item)| convert(&item, &format!("{path}[{index}]"), depth + 1))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array);
    }
    if value.is_function() || !value.is_object() {
        return Err(unreadable(path, "must be a string, a number or an object"));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    let mut map = Map::new();
    for key in js_sys::Object::keys(object).iter() {
        let Some(key) = key.as_string() else { continue };
        let item = js_sys::Reflect::get(object, &JsValue::from_str(&key))
            .map_err(|_| unreadable(path, "cannot be read (a getter threw)"))?;
        if item.is_undefined() {
            continue;
        }
        let item = convert(&item, &format!("{path}.{key}"), depth + 1)?;
        map.insert(key, item);
    }
    Ok(Value::Object(map))
}

/// A JSON number of the text `String(n)` writes (exact: the core reads numbers from their
/// text), or that text as a string for `NaN` and the infinities, which no reader accepts.
fn number(value: &JsValue) -> Value {
    let text = if value.is_bigint() {
        js_sys::BigInt::unchecked_from_js_ref(value)
            .to_string(10)
            .ok()
    } else {
        js_sys::Number::unchecked_from_js_ref(value)
            .to_string_with_radix(10)
            .ok()
    };
    let text = text.map(String::from).unwrap_or_default();
    serde_json::from_str::<Value>(&text)
        .ok()
        .filter(Value::is_number)
        .unwrap_or(Value::String(text))
}

fn unreadable(path: &str, message: &str) -> Problem {
    Problem::new(path, message, "not_serialisable")
}
