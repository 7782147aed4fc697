//! The validator behind every way a scenario comes in. It walks the JSON by hand rather than
//! through derived serde code because a user must see *every* problem at once, each with its
//! path, and a misspelt field must be an error rather than silently ignored. What each field
//! may hold comes from the schema.

use super::schema::List;
use super::schema::{
    BandField, Group, LineField, RateField, Setting, TierField, ValueKind, BAND_KEYS, BSP_KEYS,
    LINE_KEYS, PER_CONVERSATION_KEYS, RATE_KEYS, TIER_KEYS, TOP_KEYS,
};
use super::steps::{Step, STEPS};
use super::ForMarket;
use super::{
    CodeStandard, CustomBand, CustomRate, CustomTier, ErrorKind, FieldError, FieldPath, Line,
    Month, RulesVersion, Scenario, ScenarioErrors, SettingValue, MAX_BANDS, MAX_COUNT,
    MAX_CUSTOM_RATES, MAX_CUSTOM_TIERS, MAX_LINES, MAX_LISTED_ERRORS, MAX_SCALE,
};
use crate::category::Category;
use crate::csv;
use crate::money::{parse_rate, RateError};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashSet;

/// Where a value is: its object's path and its key, joined only when a problem is reported.
#[derive(Clone, Copy)]
struct At<'p> {
    object: &'p FieldPath,
    key: Option<&'static str>,
}

impl<'p> At<'p> {
    fn object(object: &'p FieldPath) -> At<'p> {
        At { object, key: None }
    }

    fn key(object: &'p FieldPath, key: &'static str) -> At<'p> {
        At {
            object,
            key: Some(key),
        }
    }

    fn path(self) -> FieldPath {
        match self.key {
            Some(key) => self.object.clone().key(key),
            None => self.object.clone(),
        }
    }
}

/// Collects problems while building the scenario; the scenario is returned only when none.
/// The first `MAX_LISTED_ERRORS` are kept, the rest only counted, so a scenario with a bad
/// value on each of 100,000 lines costs no more memory than one with a hundred.
#[derive(Default)]
struct Checker {
    errors: Vec<FieldError>,
    /// Every problem found, listed or not.
    found: usize,
}

impl Checker {
    fn fail(&mut self, at: At, kind: ErrorKind) {
        self.push(FieldError::new(at.path(), kind));
    }

    fn push(&mut self, error: FieldError) {
        self.found += 1;
        if self.errors.len() < MAX_LISTED_ERRORS {
            self.errors.push(error);
        }
    }

    /// The problems found, the unlisted ones counted last.
    fn into_errors(self) -> ScenarioErrors {
        let mut errors = self.errors;
        let more = self.found - errors.len();
        if more > 0 {
            errors.push(FieldError::new(
                FieldPath::scenario(),
                ErrorKind::MoreErrors { more },
            ));
        }
        ScenarioErrors(errors)
    }

    /// The object at `at` with its keys checked against `allowed`.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        at: At,
        allowed: &'static [&'static str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(object) = value.as_object() else {
            self.fail(at, ErrorKind::NotAnObject { got: shown(value) });
            return None;
        };
        for key in object.keys() {
            if !allowed.contains(&key.as_str()) {
                self.push(FieldError::new(
                    at.path().key(key.clone()),
                    ErrorKind::UnknownField { expected: allowed },
                ));
            }
        }
        Some(object)
    }

    /// A whole number within `min..=MAX_COUNT`, given as a JSON integer or a string of digits.
    fn count(&mut self, value: &Value, at: At, min: u64) -> Option<u64> {
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
        let kind = match parsed {
            Some(n) if n > MAX_COUNT => ErrorKind::CountTooLarge {
                max: MAX_COUNT,
                got: shown(value),
            },
            Some(n) if n >= min => return Some(n),
            _ => ErrorKind::NotACount {
                min,
                got: shown(value),
            },
        };
        self.fail(at, kind);
        None
    }

    /// An exact decimal within `[min, max]`, given as a JSON number or string.
    fn decimal(&mut self, value: &Value, at: At, min: Decimal, max: Decimal) -> Option<Decimal> {
        let out_of_range = |value: &Value| ErrorKind::NotADecimal {
            min,
            max,
            got: shown(value),
        };
        let text = match value {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.trim().to_string(),
            _ => {
                self.fail(at, out_of_range(value));
                return None;
            }
        };
        let negative = text.starts_with('-');
        let magnitude = text.strip_prefix('-').unwrap_or(&text);
        let parsed = match parse_rate(magnitude) {
            Ok(parsed) if negative => -parsed,
            Ok(parsed) => parsed,
            // Too many digits to hold, yet within range by its whole part: say so, rather
            // than read it rounded (29 nines after the point are not 1).
            Err(RateError::Inexact { .. }) if !too_long(magnitude, max) => {
                self.fail(at, ErrorKind::InexactDecimal { got: shown(value) });
                return None;
            }
            Err(_) => {
                self.fail(at, out_of_range(value));
                return None;
            }
        };
        if parsed < min || parsed > max {
            self.fail(at, out_of_range(value));
            return None;
        }
        if parsed.normalize().scale() > MAX_SCALE {
            self.fail(
                at,
                ErrorKind::TooManyDecimals {
                    max: MAX_SCALE,
                    got: shown(value),
                },
            );
            return None;
        }
        Some(parsed.normalize())
    }

    /// A decimal within the limits of a `Decimal` kind of the schema.
    fn decimal_of(&mut self, value: &Value, at: At, kind: ValueKind) -> Option<Decimal> {
        let (min, max) = decimal_limits(kind);
        self.decimal(value, at, min, max)
    }

    fn string<'v>(&mut self, value: &'v Value, at: At) -> Option<&'v str> {
        match value {
            Value::String(s) => Some(s.as_str()),
            other => {
                self.fail(at, ErrorKind::NotAString { got: shown(other) });
                None
            }
        }
    }

    /// An ISO code of two (country) or three (currency) letters, in any case.
    fn code(&mut self, value: &Value, at: At, standard: CodeStandard) -> Option<String> {
        let text = self.string(value, at)?;
        let length = match standard {
            CodeStandard::Country => 2,
            CodeStandard::Currency => 3,
        };
        let code = text.trim().to_ascii_uppercase();
        if code.len() == length && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(code)
        } else {
            self.fail(
                at,
                ErrorKind::NotACode {
                    standard,
                    got: shown(value),
                },
            );
            None
        }
    }

    /// A setting's value read by its kind.
    fn setting(&mut self, value: &Value, at: At, kind: ValueKind) -> Option<SettingValue<'static>> {
        use SettingValue as V;
        match kind {
            ValueKind::Month => match self.string(value, at)?.parse::<Month>() {
                Ok(month) => Some(V::Month(Some(month))),
                Err(e) => {
                    self.fail(at, e.into());
                    None
                }
            },
            ValueKind::Currency => self
                .code(value, at, CodeStandard::Currency)
                .map(|code| V::Text(Some(Cow::Owned(code)))),
            ValueKind::Country => self
                .code(value, at, CodeStandard::Country)
                .map(|code| V::Text(Some(Cow::Owned(code)))),
            ValueKind::Rules => match self.string(value, at)?.parse::<RulesVersion>() {
                Ok(rules) => Some(V::Rules(Some(rules))),
                Err(e) => {
                    self.fail(at, e.into());
                    None
                }
            },
            ValueKind::CardDate => {
                let text = self.string(value, at)?;
                match crate::date::parse_date(text.trim()) {
                    Some(date) => Some(V::Date(Some(date))),
                    None => {
                        self.fail(at, ErrorKind::NotACardDate { got: shown(value) });
                        None
                    }
                }
            }
            ValueKind::Bool => match value {
                Value::Bool(b) => Some(V::Bool(*b)),
                other => {
                    self.fail(at, ErrorKind::NotABool { got: shown(other) });
                    None
                }
            },
            ValueKind::Count { min } => self.count(value, at, min).map(V::Count),
            ValueKind::Decimal { .. } => self.decimal_of(value, at, kind).map(V::Decimal),
            ValueKind::Choice(choices) => {
                let word = value
                    .as_str()
                    .and_then(|text| choices.iter().find(|c| **c == text).copied());
                match word {
                    Some(word) => Some(V::Choice(word)),
                    None => {
                        self.fail(
                            at,
                            ErrorKind::NotAChoice {
                                choices,
                                got: shown(value),
                            },
                        );
                        None
                    }
                }
            }
            ValueKind::Market
            | ValueKind::Category
            | ValueKind::TieredCategory
            | ValueKind::List
            | ValueKind::Group => None,
        }
    }

    /// A category, required; with `tiered_only`, one with volume tiers.
    fn category(&mut self, value: Option<&Value>, at: At, tiered_only: bool) -> Option<Category> {
        let Some(value) = value else {
            self.fail(at, ErrorKind::Required);
            return None;
        };
        let text = self.string(value, at)?;
        match Category::parse(text) {
            Some(category) if !tiered_only || category.tier_family().is_some() => Some(category),
            _ if tiered_only => {
                self.fail(
                    at,
                    ErrorKind::NotATieredCategory {
                        got: Some(shown(value)),
                    },
                );
                None
            }
            _ => {
                self.fail(at, ErrorKind::NotACategory { got: shown(value) });
                None
            }
        }
    }

    /// A market name, required, not empty, and not one a spreadsheet would run.
    fn market_name(&mut self, value: Option<&Value>, at: At) -> Option<String> {
        let Some(value) = value else {
            self.fail(at, ErrorKind::Required);
            return None;
        };
        let text = self.string(value, at)?.trim();
        if text.is_empty() {
            self.fail(at, ErrorKind::Empty);
            return None;
        }
        // The name is written into CSV exports; refused here so no export has to alter it.
        if let Some(start) = csv::formula_start(text) {
            self.fail(
                at,
                ErrorKind::FormulaStart {
                    start,
                    got: shown(value),
                },
            );
            return None;
        }
        Some(text.to_string())
    }

    /// The currency of a custom rate or ladder: none when not given (it is the scenario's),
    /// and an error when it is not a code or not the scenario's (`scenario`, when that was
    /// read without a problem).
    fn entry_currency(
        &mut self,
        value: Option<&Value>,
        at: At,
        scenario: Option<&str>,
    ) -> Result<Option<String>, ()> {
        let Some(value) = value.filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        let code = self.code(value, at, CodeStandard::Currency).ok_or(())?;
        match scenario {
            Some(scenario) if scenario != code => {
                let scenario = scenario.to_string();
                self.fail(
                    at,
                    ErrorKind::OtherCurrency {
                        given: code,
                        scenario,
                    },
                );
                Err(())
            }
            _ => Ok(Some(code)),
        }
    }

    /// A required decimal of a schema kind.
    fn required_decimal(
        &mut self,
        value: Option<&Value>,
        at: At,
        kind: ValueKind,
    ) -> Option<Decimal> {
        match value {
            Some(value) => self.decimal_of(value, at, kind),
            None => {
                self.fail(at, ErrorKind::Required);
                None
            }
        }
    }
}

/// The bounds of a `Decimal` kind.
fn decimal_limits(kind: ValueKind) -> (Decimal, Decimal) {
    match kind {
        ValueKind::Decimal { min, max } => (Decimal::from(min), Decimal::from(max)),
        _ => (Decimal::ZERO, Decimal::ZERO),
    }
}

/// A field's value, when given and not null.
fn given<'v>(object: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    object.get(key).filter(|v| !v.is_null())
}

/// The objects `per_conversation` and `bsp`, each checked once, when its first setting is
/// read; `None` inside when absent or not an object.
#[derive(Default)]
struct Groups<'v> {
    per_conversation: Option<Option<&'v Map<String, Value>>>,
    bsp: Option<Option<&'v Map<String, Value>>>,
}

impl<'v> Groups<'v> {
    fn get(
        &mut self,
        c: &mut Checker,
        top: &'v Map<String, Value>,
        group: Group,
    ) -> Option<&'v Map<String, Value>> {
        let (slot, keys): (_, &'static [&'static str]) = match group {
            Group::PerConversation => (&mut self.per_conversation, &PER_CONVERSATION_KEYS),
            Group::Bsp => (&mut self.bsp, &BSP_KEYS),
        };
        *slot.get_or_insert_with(|| {
            let value = given(top, group.name())?;
            let path = FieldPath::top(group.name());
            c.object(value, At::object(&path), keys)
        })
    }
}

/// Builds and validates a scenario from decoded JSON.
pub(super) fn scenario(value: &Value) -> Result<Scenario, ScenarioErrors> {
    let mut c = Checker::default();
    let root = FieldPath::scenario();
    let Some(top) = c.object(value, At::object(&root), &TOP_KEYS) else {
        return Err(c.into_errors());
    };
    let mut s = Scenario::default();
    let mut groups = Groups::default();
    // The scenario's currency once read without a problem: custom rates must be in it.
    let mut currency = None;
    for step in STEPS {
        match step {
            Step::Value(setting) => {
                let before = c.found;
                setting_step(&mut c, top, &mut groups, &mut s, setting);
                if setting == Setting::Currency && c.found == before {
                    currency = Some(s.currency.clone());
                }
            }
            Step::MonthRequired => {
                let unchosen = s.rules.is_none() || s.rate_card.is_none();
                if s.month.is_none() && unchosen && given(top, "month").is_none() {
                    c.push(FieldError::new(Setting::Month, ErrorKind::MonthRequired));
                }
            }
            Step::Lines => {
                if let Some(v) = given(top, "lines") {
                    s.lines = lines(&mut c, v);
                }
            }
            Step::CustomRates => {
                if let Some(v) = given(top, "custom_rates") {
                    s.custom_rates = custom_rates(&mut c, v, currency.as_deref());
                }
            }
            Step::CustomTiers => {
                if let Some(v) = given(top, "custom_tiers") {
                    s.custom_tiers = custom_tiers(&mut c, v, currency.as_deref());
                }
            }
        }
    }
    if c.found == 0 {
        Ok(s)
    } else {
        Err(c.into_errors())
    }
}

/// Reads one setting, at the top or in its group, into the scenario.
fn setting_step<'v>(
    c: &mut Checker,
    top: &'v Map<String, Value>,
    groups: &mut Groups<'v>,
    s: &mut Scenario,
    setting: Setting,
) {
    let spec = setting.spec();
    let (object, path) = match setting.group() {
        Some(group) => match groups.get(c, top, group) {
            Some(object) => (object, FieldPath::top(group.name())),
            None => return,
        },
        None => (top, FieldPath::scenario()),
    };
    if let Some(v) = given(object, spec.name) {
        if let Some(value) = c.setting(v, At::key(&path, spec.name), spec.kind) {
            s.set(setting, value);
        }
    }
}

fn lines(c: &mut Checker, value: &Value) -> Vec<Line> {
    let too_many = |max, got| ErrorKind::TooManyLines { max, got };
    entries(c, value, List::Lines, MAX_LINES, too_many)
        .into_iter()
        .map(|(path, item)| line(c, item, &path))
        .collect()
}

fn line(c: &mut Checker, value: &Value, path: &FieldPath) -> Line {
    let mut result = Line::default();
    let Some(object) = c.object(value, At::object(path), &LINE_KEYS) else {
        return result;
    };
    let (country, market) = (LineField::Country.name(), LineField::Market.name());
    match (given(object, country), given(object, market)) {
        (Some(_), Some(_)) => c.fail(At::object(path), ErrorKind::BothDestinations),
        (None, None) => c.fail(At::object(path), ErrorKind::NoDestination),
        (Some(v), None) => {
            result.country = c.code(v, At::key(path, country), CodeStandard::Country)
        }
        (None, Some(v)) => result.market = c.market_name(Some(v), At::key(path, market)),
    }
    for field in LineField::COUNTS {
        let spec = field.spec();
        let ValueKind::Count { min } = spec.kind else {
            continue;
        };
        if let Some(v) = given(object, spec.name) {
            let count = c.count(v, At::key(path, spec.name), min).unwrap_or(0);
            if let Some(slot) = result.count_mut(field) {
                *slot = count;
            }
        }
    }
    result
}

/// The entries of a list given as a JSON array, each with its path; none, and one error,
/// when it holds more than `max` (nothing past a cap is read).
fn entries<'v>(
    c: &mut Checker,
    value: &'v Value,
    list: List,
    max: usize,
    too_many: fn(usize, usize) -> ErrorKind,
) -> Vec<(FieldPath, &'v Value)> {
    let path = FieldPath::top(list.spec().name);
    match value.as_array() {
        Some(items) if items.len() > max => {
            c.fail(At::object(&path), too_many(max, items.len()));
            Vec::new()
        }
        Some(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (path.clone().index(i), item))
            .collect(),
        None => {
            c.fail(
                At::object(&path),
                ErrorKind::NotAnArray { got: shown(value) },
            );
            Vec::new()
        }
    }
}

fn custom_rates(c: &mut Checker, value: &Value, scenario: Option<&str>) -> Vec<CustomRate> {
    let too_many = |max, got| ErrorKind::TooManyCustomRates { max, got };
    let mut rates: Vec<CustomRate> = Vec::new();
    let mut seen = HashSet::new();
    for (path, item) in entries(c, value, List::CustomRates, MAX_CUSTOM_RATES, too_many) {
        let Some(object) = c.object(item, At::object(&path), &RATE_KEYS) else {
            continue;
        };
        let field = |f: RateField| (object.get(f.name()), At::key(&path, f.name()));
        let (v, at) = field(RateField::Market);
        let market = c.market_name(v, at);
        let (v, at) = field(RateField::Category);
        let category = c.category(v, at, false);
        let (v, at) = field(RateField::Rate);
        let rate = c.required_decimal(v, at, RateField::Rate.spec().kind);
        let (v, at) = field(RateField::Currency);
        let currency = c.entry_currency(v, at, scenario);
        if let (Some(market), Some(category), Some(rate), Ok(currency)) =
            (market, category, rate, currency)
        {
            let entry = CustomRate {
                market,
                category,
                rate,
                currency,
            };
            push_new(c, &mut rates, &mut seen, entry, &path);
        }
    }
    rates
}

fn custom_tiers(c: &mut Checker, value: &Value, scenario: Option<&str>) -> Vec<CustomTier> {
    let too_many = |max, got| ErrorKind::TooManyCustomTiers { max, got };
    let mut tiers: Vec<CustomTier> = Vec::new();
    let mut seen = HashSet::new();
    for (path, item) in entries(c, value, List::CustomTiers, MAX_CUSTOM_TIERS, too_many) {
        let Some(object) = c.object(item, At::object(&path), &TIER_KEYS) else {
            continue;
        };
        let field = |f: TierField| (object.get(f.name()), At::key(&path, f.name()));
        let (v, at) = field(TierField::Market);
        let market = c.market_name(v, at);
        let (v, at) = field(TierField::Category);
        let category = c.category(v, at, true);
        let bands = custom_bands(
            c,
            object.get(TierField::Bands.name()),
            &path.clone().key(TierField::Bands.name()),
        );
        let (v, at) = field(TierField::Currency);
        let currency = c.entry_currency(v, at, scenario);
        if let (Some(market), Some(category), Some(bands), Ok(currency)) =
            (market, category, bands, currency)
        {
            let entry = CustomTier {
                market,
                category,
                bands,
                currency,
            };
            push_new(c, &mut tiers, &mut seen, entry, &path);
        }
    }
    tiers
}

/// Adds an entry, unless an earlier one (whose key is in `seen`) is for the same market and
/// category.
fn push_new<T: ForMarket>(
    c: &mut Checker,
    entries: &mut Vec<T>,
    seen: &mut HashSet<(String, Category)>,
    entry: T,
    path: &FieldPath,
) {
    if seen.insert(entry.key()) {
        entries.push(entry);
    } else {
        c.fail(At::object(path), entry.duplicate());
    }
}

/// Bands in order: each `to` above the previous one, only the last open (`to` null).
fn custom_bands(
    c: &mut Checker,
    value: Option<&Value>,
    path: &FieldPath,
) -> Option<Vec<CustomBand>> {
    let Some(items) = value.and_then(Value::as_array).filter(|a| !a.is_empty()) else {
        c.fail(At::object(path), ErrorKind::NotBands);
        return None;
    };
    if items.len() > MAX_BANDS {
        let got = items.len();
        c.fail(
            At::object(path),
            ErrorKind::TooManyBands {
                max: MAX_BANDS,
                got,
            },
        );
        return None;
    }
    let before = c.found;
    let mut bands = Vec::new();
    let mut previous_to = 0u64;
    for (i, item) in items.iter().enumerate() {
        let band_path = path.clone().index(i);
        let Some(object) = c.object(item, At::object(&band_path), &BAND_KEYS) else {
            continue;
        };
        let last = i + 1 == items.len();
        let to_at = At::key(&band_path, BandField::To.name());
        let to = match given(object, BandField::To.name()) {
            None if last => None,
            None => {
                c.fail(to_at, ErrorKind::OpenBandNotLast);
                None
            }
            Some(_) if last => {
                c.fail(to_at, ErrorKind::LastBandNotOpen);
                None
            }
            Some(v) => {
                let to = c.count(v, to_at, previous_to.saturating_add(1));
                if let Some(to) = to {
                    previous_to = to;
                }
                to
            }
        };
        let rate = c.required_decimal(
            object.get(BandField::Rate.name()),
            At::key(&band_path, BandField::Rate.name()),
            BandField::Rate.spec().kind,
        );
        if let Some(rate) = rate {
            bands.push(CustomBand { to, rate });
        }
    }
    (c.found == before).then_some(bands)
}

/// Whether a number's whole part alone (`magnitude` without its sign) has more digits than
/// `max`'s: then it is out of range, whatever its other digits.
fn too_long(magnitude: &str, max: Decimal) -> bool {
    let whole = magnitude.split(['.', 'e', 'E']).next().unwrap_or("");
    let digits = whole.trim_start_matches('0').len();
    let max_digits = max.trunc().to_string().trim_start_matches('0').len();
    let grows = magnitude
        .split_once(['e', 'E'])
        .is_some_and(|(_, exponent)| !exponent.starts_with('-'));
    digits > max_digits || grows
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
