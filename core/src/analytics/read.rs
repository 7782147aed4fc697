//! Reads the JSON Meta returns for the Graph API field `pricing_analytics`: either the whole
//! response `{"pricing_analytics": {"data": [{"data_points": [...]}]}, "id": ...}` or the edge's
//! `{"data": [{"data_points": [...]}], "paging": ...}`. Each data point has `start` and `end`
//! (UNIX seconds), and, depending on the dimensions requested, `country`, `phone_number`,
//! `pricing_type`, `pricing_category` and `tier`, with the metrics `volume` and `cost`.

use super::error::{ImportError, ImportErrorKind, ImportPath};
use crate::problem::shown;
use crate::scenario::FieldPath;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The fields of a data point Meta documents; any other is reported, not read.
const POINT_FIELDS: &[&str] = &[
    "start",
    "end",
    "country",
    "phone_number",
    "pricing_type",
    "pricing_category",
    "tier",
    "volume",
    "cost",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPoint {
    /// Where it is in the file (`pricing_analytics.data[0].data_points[3]`).
    pub path: FieldPath,
    pub start: i64,
    pub end: i64,
    pub country: Option<String>,
    pub phone_number: Option<String>,
    pub pricing_type: Option<String>,
    pub pricing_category: Option<String>,
    pub volume: u64,
    pub cost: Option<Decimal>,
}

/// What the file holds besides its data points.
#[derive(Debug, Default)]
pub struct Read {
    pub points: Vec<DataPoint>,
    /// Fields of data points that are not Meta's documented ones, each once.
    pub unknown_fields: Vec<String>,
    /// The response says there is a next page (`paging.next`).
    pub next_page: bool,
}

pub fn read(text: &str) -> Result<Read, Vec<ImportError>> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        vec![ImportError::new(
            ImportPath::file(),
            ImportErrorKind::NotJson {
                detail: e.to_string(),
            },
        )]
    })?;
    let Some(top) = value.as_object() else {
        return Err(vec![ImportError::new(
            ImportPath::file(),
            ImportErrorKind::NoPricingAnalytics,
        )]);
    };
    let (container, root) = match top.get("pricing_analytics") {
        Some(inner) => (inner, FieldPath::top("pricing_analytics")),
        None => (&value, FieldPath::scenario()),
    };
    let mut out = Read {
        next_page: has_next_page(container) || has_next_page(&value),
        ..Read::default()
    };
    let Some(data) = container.get("data") else {
        return Err(vec![ImportError::new(
            ImportPath::file(),
            ImportErrorKind::NoPricingAnalytics,
        )]);
    };
    let mut errors = Vec::new();
    let Some(groups) = data.as_array() else {
        return Err(vec![ImportError::new(
            ImportPath::File(root.key("data")),
            ImportErrorKind::NotAnArray { got: shown(data) },
        )]);
    };
    for (g, group) in groups.iter().enumerate() {
        let points_path = root.clone().key("data").index(g).key("data_points");
        let Some(points) = group.get("data_points") else {
            errors.push(ImportError::new(
                ImportPath::File(points_path),
                ImportErrorKind::Required,
            ));
            continue;
        };
        let Some(points) = points.as_array() else {
            errors.push(ImportError::new(
                ImportPath::File(points_path),
                ImportErrorKind::NotAnArray { got: shown(points) },
            ));
            continue;
        };
        for (p, point) in points.iter().enumerate() {
            let path = points_path.clone().index(p);
            match point.as_object() {
                Some(object) => {
                    for key in object.keys() {
                        if !POINT_FIELDS.contains(&key.as_str())
                            && !out.unknown_fields.contains(key)
                        {
                            out.unknown_fields.push(key.clone());
                        }
                    }
                    if let Some(point) = data_point(object, path, &mut errors) {
                        out.points.push(point);
                    }
                }
                None => errors.push(ImportError::new(
                    ImportPath::File(path),
                    ImportErrorKind::NotAnObject { got: shown(point) },
                )),
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn has_next_page(value: &Value) -> bool {
    value
        .get("paging")
        .and_then(|p| p.get("next"))
        .is_some_and(|n| !n.is_null())
}

fn data_point(
    object: &Map<String, Value>,
    path: FieldPath,
    errors: &mut Vec<ImportError>,
) -> Option<DataPoint> {
    let before = errors.len();
    let at = |name: &'static str| ImportPath::File(path.clone().key(name));
    let field = |name: &str| object.get(name).filter(|v| !v.is_null());
    let mut time = |name: &'static str| match field(name) {
        None => {
            errors.push(ImportError::new(at(name), ImportErrorKind::Required));
            None
        }
        Some(v) => {
            let parsed = digits(v).and_then(|t| t.parse::<i64>().ok());
            if parsed.is_none() {
                errors.push(ImportError::new(
                    at(name),
                    ImportErrorKind::NotATime { got: shown(v) },
                ));
            }
            parsed
        }
    };
    let (start, end) = (time("start"), time("end"));
    let volume = match field("volume") {
        // A point without VOLUME (only COST was asked for) carries no messages.
        None => Some(0),
        Some(v) => {
            let parsed = digits(v).and_then(|t| t.parse::<u64>().ok());
            if parsed.is_none() {
                errors.push(ImportError::new(
                    at("volume"),
                    ImportErrorKind::NotACount { got: shown(v) },
                ));
            }
            parsed
        }
    };
    let cost = match field("cost") {
        None => None,
        Some(v) => {
            let text = match v {
                Value::Number(n) => Some(n.to_string()),
                Value::String(s) => Some(s.trim().to_string()),
                _ => None,
            };
            let parsed = text.as_deref().and_then(crate::plan::decimal_text);
            if parsed.is_none() {
                errors.push(ImportError::new(
                    at("cost"),
                    ImportErrorKind::NotAnAmount { got: shown(v) },
                ));
            }
            parsed
        }
    };
    let mut text = |name: &'static str| match field(name) {
        None => None,
        Some(Value::String(s)) => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            errors.push(ImportError::new(
                at(name),
                ImportErrorKind::NotAString { got: shown(other) },
            ));
            None
        }
    };
    let country = text("country").map(|c| c.to_ascii_uppercase());
    let phone_number = text("phone_number");
    let pricing_type = text("pricing_type").map(|t| t.to_ascii_uppercase());
    let pricing_category = text("pricing_category").map(|c| c.to_ascii_uppercase());
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            errors.push(ImportError::new(
                at("end"),
                ImportErrorKind::EndBeforeStart { start, end },
            ));
        }
    }
    if errors.len() > before {
        return None;
    }
    Some(DataPoint {
        path,
        start: start?,
        end: end?,
        country,
        phone_number,
        pricing_type,
        pricing_category,
        volume: volume?,
        cost,
    })
}

/// The digits of a JSON integer or a string of digits.
fn digits(value: &Value) -> Option<String> {
    let text = match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    let unsigned = text.strip_prefix('-').unwrap_or(&text);
    (!unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}
