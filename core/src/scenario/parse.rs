//! The validator behind every way a scenario comes in. It walks the JSON by hand rather than
//! through derived serde code because a user must see *every* problem at once, each with its
//! path, and a misspelt field must be an error rather than silently ignored.

use super::{
    Bsp, CustomBand, CustomRate, CustomTier, FieldError, Line, Month, PerConversation,
    PerMessageOn, RulesVersion, Scenario, ScenarioErrors, MAX_COUNT, MAX_LINES, MAX_MARKUP,
    MAX_RATE, MAX_SCALE,
};
use crate::category::Category;
use crate::csv;
use crate::money::parse_rate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

const TOP: [&str; 16] = [
    "month",
    "currency",
    "rules",
    "rate_card",
    "business_country",
    "auth_international",
    "phone_numbers",
    "wabas",
    "utility_in_window",
    "entry_point",
    "free_conversations",
    "per_conversation",
    "lines",
    "bsp",
    "custom_rates",
    "custom_tiers",
];
const LINE: [&str; 6] = [
    "country",
    "market",
    "marketing",
    "utility",
    "authentication",
    "service",
];
const PER_CONVERSATION: [&str; 4] = ["marketing", "utility", "authentication", "service"];
const BSP: [&str; 5] = [
    "per_message",
    "per_message_on",
    "markup",
    "monthly",
    "per_number",
];

/// Collects problems while building the scenario; the scenario is returned only when none.
struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    fn fail(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(path, message));
    }

    /// The object at `path` with its keys checked against `allowed`.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(object) = value.as_object() else {
            self.fail(path, format!("must be a JSON object, got {}", shown(value)));
            return None;
        };
        for key in object.keys() {
            if !allowed.contains(&key.as_str()) {
                self.fail(
                    &join(path, key),
                    format!("unknown field (expected one of: {})", allowed.join(", ")),
                );
            }
        }
        Some(object)
    }

    /// A whole number within `min..=MAX_COUNT`, given as a JSON integer or a string of digits.
    fn count(&mut self, value: &Value, path: &str, min: u64) -> Option<u64> {
        let text = match value {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            _ => String::new(),
        };
        let parsed = (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.trim_start_matches('0').len() <= 13)
            .and_then(|short| {
                if short {
                    text.parse::<u64>().ok()
                } else {
                    Some(u64::MAX)
                }
            });
        match parsed {
            Some(n) if n > MAX_COUNT => {
                self.fail(
                    path,
                    format!(
                        "must be at most 1000000000000 (10^12), got {}",
                        shown(value)
                    ),
                );
                None
            }
            Some(n) if n < min => {
                self.fail(
                    path,
                    format!("must be a whole number >= {min}, got {}", shown(value)),
                );
                None
            }
            Some(n) => Some(n),
            None => {
                self.fail(
                    path,
                    format!("must be a whole number >= {min}, got {}", shown(value)),
                );
                None
            }
        }
    }

    /// An exact decimal within `[min, max]`, given as a JSON number or string.
    fn decimal(
        &mut self,
        value: &Value,
        path: &str,
        min: Decimal,
        max: Decimal,
    ) -> Option<Decimal> {
        let range = if max == Decimal::ONE && min == Decimal::ZERO {
            "a decimal number from 0 to 1".to_string()
        } else {
            format!("a decimal number from {min} to {max}")
        };
        let text = match value {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.trim().to_string(),
            _ => {
                self.fail(path, format!("must be {range}, got {}", shown(value)));
                return None;
            }
        };
        let negative = text.starts_with('-');
        let magnitude = text.strip_prefix('-').unwrap_or(&text);
        let Ok(parsed) = parse_rate(magnitude) else {
            self.fail(path, format!("must be {range}, got {}", shown(value)));
            return None;
        };
        let parsed = if negative { -parsed } else { parsed };
        if parsed < min || parsed > max {
            self.fail(path, format!("must be {range}, got {}", shown(value)));
            return None;
        }
        if parsed.normalize().scale() > MAX_SCALE {
            self.fail(
                path,
                format!(
                    "must have at most {MAX_SCALE} decimal places, got {}",
                    shown(value)
                ),
            );
            return None;
        }
        Some(parsed.normalize())
    }

    fn string<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v str> {
        match value {
            Value::String(s) => Some(s.as_str()),
            other => {
                self.fail(path, format!("must be a string, got {}", shown(other)));
                None
            }
        }
    }

    fn country(&mut self, value: &Value, path: &str) -> Option<String> {
        let text = self.string(value, path)?;
        let code = text.trim().to_ascii_uppercase();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(code)
        } else {
            self.fail(
                path,
                format!(
                    "must be an ISO 3166-1 alpha-2 country code (two letters, e.g. IN), got {}",
                    shown(value)
                ),
            );
            None
        }
    }
}

/// Builds and validates a scenario from decoded JSON.
pub(super) fn scenario(value: &Value) -> Result<Scenario, ScenarioErrors> {
    let mut c = Checker { errors: Vec::new() };
    let Some(top) = c.object(value, "(scenario)", &TOP) else {
        return Err(ScenarioErrors(c.errors));
    };
    let mut s = Scenario::default();
    let given = |name: &str| top.get(name).filter(|v| !v.is_null());

    if let Some(v) = given("month") {
        if let Some(text) = c.string(v, "month") {
            match text.parse::<Month>() {
                Ok(month) => s.month = Some(month),
                Err(e) => c.fail("month", e),
            }
        }
    }
    if let Some(v) = given("currency") {
        if let Some(text) = c.string(v, "currency") {
            let code = text.trim().to_ascii_uppercase();
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                s.currency = code;
            } else {
                c.fail(
                    "currency",
                    format!(
                        "must be an ISO 4217 currency code (three letters, e.g. USD), got {}",
                        shown(v)
                    ),
                );
            }
        }
    }
    if let Some(v) = given("rules") {
        if let Some(text) = c.string(v, "rules") {
            match text.parse::<RulesVersion>() {
                Ok(rules) => s.rules = Some(rules),
                Err(e) => c.fail("rules", e),
            }
        }
    }
    if let Some(v) = given("rate_card") {
        if let Some(text) = c.string(v, "rate_card") {
            match crate::date::parse_date(text.trim()) {
                Some(date) => s.rate_card = Some(date),
                None => c.fail(
                    "rate_card",
                    format!(
                        "must be the effective date of a card, YYYY-MM-DD, got {}",
                        shown(v)
                    ),
                ),
            }
        }
    }
    if s.month.is_none() && (s.rules.is_none() || s.rate_card.is_none()) && given("month").is_none()
    {
        c.fail(
            "month",
            "is required unless both rules and rate_card are given",
        );
    }
    if let Some(v) = given("business_country") {
        s.business_country = c.country(v, "business_country");
    }
    if let Some(v) = given("auth_international") {
        match v {
            Value::Bool(b) => s.auth_international = *b,
            other => c.fail(
                "auth_international",
                format!("must be true or false, got {}", shown(other)),
            ),
        }
    }
    if let Some(v) = given("phone_numbers") {
        s.phone_numbers = c.count(v, "phone_numbers", 1).unwrap_or(1);
    }
    if let Some(v) = given("wabas") {
        s.wabas = c.count(v, "wabas", 1).unwrap_or(1);
    }
    if let Some(v) = given("free_conversations") {
        s.free_conversations = c.count(v, "free_conversations", 0).unwrap_or(0);
    }
    for (name, slot) in [
        ("utility_in_window", &mut s.utility_in_window),
        ("entry_point", &mut s.entry_point),
    ] {
        if let Some(v) = given(name) {
            if let Some(share) = c.decimal(v, name, Decimal::ZERO, Decimal::ONE) {
                *slot = share;
            }
        }
    }
    if let Some(v) = given("per_conversation") {
        s.per_conversation = per_conversation(&mut c, v);
    }
    if let Some(v) = given("lines") {
        match v.as_array() {
            Some(items) if items.len() > MAX_LINES => c.fail(
                "lines",
                format!("at most {MAX_LINES} lines, got {}", items.len()),
            ),
            Some(items) => {
                s.lines = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| line(&mut c, item, &format!("lines[{i}]")))
                    .collect();
            }
            None => c.fail("lines", format!("must be a JSON array, got {}", shown(v))),
        }
    }
    if let Some(v) = given("bsp") {
        s.bsp = bsp(&mut c, v);
    }
    if let Some(v) = given("custom_rates") {
        s.custom_rates = custom_rates(&mut c, v);
    }
    if let Some(v) = given("custom_tiers") {
        s.custom_tiers = custom_tiers(&mut c, v);
    }
    if c.errors.is_empty() {
        Ok(s)
    } else {
        Err(ScenarioErrors(c.errors))
    }
}

fn per_conversation(c: &mut Checker, value: &Value) -> PerConversation {
    let mut result = PerConversation::default();
    let Some(object) = c.object(value, "per_conversation", &PER_CONVERSATION) else {
        return result;
    };
    let max = Decimal::from(MAX_COUNT);
    for (name, slot) in [
        ("marketing", &mut result.marketing),
        ("utility", &mut result.utility),
        ("authentication", &mut result.authentication),
        ("service", &mut result.service),
    ] {
        if let Some(v) = object.get(name).filter(|v| !v.is_null()) {
            if let Some(average) =
                c.decimal(v, &format!("per_conversation.{name}"), Decimal::ONE, max)
            {
                *slot = average;
            }
        }
    }
    result
}

fn line(c: &mut Checker, value: &Value, path: &str) -> Line {
    let mut result = Line::default();
    let Some(object) = c.object(value, path, &LINE) else {
        return result;
    };
    let get = |name: &str| object.get(name).filter(|v| !v.is_null());
    match (get("country"), get("market")) {
        (Some(_), Some(_)) => c.fail(path, "give either country or market, not both"),
        (None, None) => c.fail(
            path,
            "needs a destination: country (ISO alpha-2, e.g. IN) or market (Meta's market name)",
        ),
        (Some(v), None) => result.country = c.country(v, &join(path, "country")),
        (None, Some(v)) => result.market = market_name(c, Some(v), &join(path, "market")),
    }
    for (name, slot) in [
        ("marketing", &mut result.marketing),
        ("utility", &mut result.utility),
        ("authentication", &mut result.authentication),
        ("service", &mut result.service),
    ] {
        if let Some(v) = get(name) {
            *slot = c.count(v, &join(path, name), 0).unwrap_or(0);
        }
    }
    result
}

fn bsp(c: &mut Checker, value: &Value) -> Bsp {
    let mut result = Bsp::default();
    let Some(object) = c.object(value, "bsp", &BSP) else {
        return result;
    };
    for (name, slot, max) in [
        ("per_message", &mut result.per_message, MAX_RATE),
        ("markup", &mut result.markup, MAX_MARKUP),
        ("monthly", &mut result.monthly, MAX_COUNT),
        ("per_number", &mut result.per_number, MAX_RATE),
    ] {
        if let Some(v) = object.get(name).filter(|v| !v.is_null()) {
            if let Some(fee) =
                c.decimal(v, &format!("bsp.{name}"), Decimal::ZERO, Decimal::from(max))
            {
                *slot = fee;
            }
        }
    }
    if let Some(v) = object.get("per_message_on").filter(|v| !v.is_null()) {
        match v.as_str() {
            Some("charged") => result.per_message_on = PerMessageOn::Charged,
            Some("delivered") => result.per_message_on = PerMessageOn::Delivered,
            _ => c.fail(
                "bsp.per_message_on",
                format!("must be \"charged\" or \"delivered\", got {}", shown(v)),
            ),
        }
    }
    result
}

fn category(
    c: &mut Checker,
    value: Option<&Value>,
    path: &str,
    tiered_only: bool,
) -> Option<Category> {
    let Some(value) = value else {
        c.fail(path, "is required");
        return None;
    };
    let text = c.string(value, path)?;
    match Category::parse(text) {
        Some(category) if !tiered_only || category.tier_family().is_some() => Some(category),
        _ if tiered_only => {
            c.fail(
                path,
                format!(
                    "must be a tiered category (utility, authentication, authentication_international), got {}",
                    shown(value)
                ),
            );
            None
        }
        _ => {
            c.fail(
                path,
                format!(
                    "must be one of marketing, utility, authentication, authentication_international, service, business_initiated, user_initiated, got {}",
                    shown(value)
                ),
            );
            None
        }
    }
}

fn market_name(c: &mut Checker, value: Option<&Value>, path: &str) -> Option<String> {
    let Some(value) = value else {
        c.fail(path, "is required");
        return None;
    };
    let text = c.string(value, path)?.trim();
    if text.is_empty() {
        c.fail(path, "must not be empty");
        return None;
    }
    // The name is written into CSV exports; refused here so no export has to alter it.
    if let Some(start) = csv::formula_start(text) {
        c.fail(
            path,
            format!(
                "must not begin with \"{}\" (a spreadsheet would read it as a formula), got {}",
                start.escape_debug(),
                shown(value)
            ),
        );
        return None;
    }
    Some(text.to_string())
}

fn custom_rates(c: &mut Checker, value: &Value) -> Vec<CustomRate> {
    let Some(items) = value.as_array() else {
        c.fail(
            "custom_rates",
            format!("must be a JSON array, got {}", shown(value)),
        );
        return Vec::new();
    };
    let mut rates: Vec<CustomRate> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("custom_rates[{i}]");
        let Some(object) = c.object(item, &path, &["market", "category", "rate"]) else {
            continue;
        };
        let market = market_name(c, object.get("market"), &join(&path, "market"));
        let category = category(c, object.get("category"), &join(&path, "category"), false);
        let rate = match object.get("rate") {
            Some(v) => c.decimal(
                v,
                &join(&path, "rate"),
                Decimal::ZERO,
                Decimal::from(MAX_RATE),
            ),
            None => {
                c.fail(&join(&path, "rate"), "is required");
                None
            }
        };
        if let (Some(market), Some(category), Some(rate)) = (market, category, rate) {
            if rates
                .iter()
                .any(|r| r.market.eq_ignore_ascii_case(&market) && r.category == category)
            {
                c.fail(
                    &path,
                    format!("duplicate: {market} {category} is given twice"),
                );
            } else {
                rates.push(CustomRate {
                    market,
                    category,
                    rate,
                });
            }
        }
    }
    rates
}

fn custom_tiers(c: &mut Checker, value: &Value) -> Vec<CustomTier> {
    let Some(items) = value.as_array() else {
        c.fail(
            "custom_tiers",
            format!("must be a JSON array, got {}", shown(value)),
        );
        return Vec::new();
    };
    let mut tiers: Vec<CustomTier> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("custom_tiers[{i}]");
        let Some(object) = c.object(item, &path, &["market", "category", "bands"]) else {
            continue;
        };
        let market = market_name(c, object.get("market"), &join(&path, "market"));
        let category = category(c, object.get("category"), &join(&path, "category"), true);
        let bands = custom_bands(c, object.get("bands"), &join(&path, "bands"));
        if let (Some(market), Some(category), Some(bands)) = (market, category, bands) {
            if tiers
                .iter()
                .any(|t| t.market.eq_ignore_ascii_case(&market) && t.category == category)
            {
                c.fail(
                    &path,
                    format!("duplicate: {market} {category} is given twice"),
                );
            } else {
                tiers.push(CustomTier {
                    market,
                    category,
                    bands,
                });
            }
        }
    }
    tiers
}

/// Bands in order: each `to` above the previous one, only the last open (`to` null).
fn custom_bands(c: &mut Checker, value: Option<&Value>, path: &str) -> Option<Vec<CustomBand>> {
    let Some(items) = value.and_then(Value::as_array).filter(|a| !a.is_empty()) else {
        c.fail(
            path,
            "must be a non-empty array of bands {\"to\", \"rate\"}, the last with \"to\": null",
        );
        return None;
    };
    let before = c.errors.len();
    let mut bands = Vec::new();
    let mut previous_to = 0u64;
    for (i, item) in items.iter().enumerate() {
        let band_path = format!("{path}[{i}]");
        let Some(object) = c.object(item, &band_path, &["to", "rate"]) else {
            continue;
        };
        let last = i + 1 == items.len();
        let to = match object.get("to").filter(|v| !v.is_null()) {
            None if last => None,
            None => {
                c.fail(
                    &join(&band_path, "to"),
                    "only the last band may be open (to: null)",
                );
                None
            }
            Some(_) if last => {
                c.fail(
                    &join(&band_path, "to"),
                    "the last band must be open (to: null)",
                );
                None
            }
            Some(v) => {
                let to = c.count(v, &join(&band_path, "to"), previous_to + 1);
                if let Some(to) = to {
                    previous_to = to;
                }
                to
            }
        };
        let rate = match object.get("rate") {
            Some(v) => c.decimal(
                v,
                &join(&band_path, "rate"),
                Decimal::ZERO,
                Decimal::from(MAX_RATE),
            ),
            None => {
                c.fail(&join(&band_path, "rate"), "is required");
                None
            }
        };
        if let Some(rate) = rate {
            bands.push(CustomBand { to, rate });
        }
    }
    (c.errors.len() == before).then_some(bands)
}

fn join(path: &str, key: &str) -> String {
    if path == "(scenario)" {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A value as the user wrote it, for error messages.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}
