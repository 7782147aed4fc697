//! "How many more messages of category C to market M fit in budget B, given the rest of the
//! sheet?" (docs/plan.md). The extra messages go on a new line appended last; the total (Meta's
//! charge plus the provider's fees, in the scenario's currency) is the estimator's, for every
//! count tried.
//!
//! `count` is the end of the first run of counts that fit: every k ≤ count fits and count + 1
//! does not. The total is not always monotonic in k, so the search certifies the run instead of
//! trusting a bisection:
//!
//! - Where the extra messages neither share a free allowance nor push other messages along a
//!   tier counter, the total never decreases as k grows, and a bracketed search is exact.
//! - Where they share an allowance (service from 2026-10, service conversations in 2023-06 to
//!   2024-10, every conversation in 2021-2023), one more message can move free units between
//!   markets. With spread = the dearest minus the cheapest rate in the pool and G the other
//!   lines in it, no later count costs less than an earlier one by more than
//!   (1 + markup) × spread × (min(G, allowance) + 1): the largest-remainder share of every
//!   other line never grows by more than one unit, and the new line's own free units never
//!   grow by more than its messages plus one.
//! - Where domestic authentication is added to a market that also has international
//!   authentication on a ladder, each domestic message moves the international ones one place
//!   up the shared counter (AI-6): t more domestic messages lower the international charge by
//!   at most (1 + markup) × (highest international band rate) × min(t, international count).
//!
//! With that bound D(t), a count p that fits certifies every count in (lo, p] when
//! total(p) + D(p − lo) ≤ budget; anything else is tried one count at a time. The answer is
//! therefore exact; only the number of estimates depends on how tight D is.

use crate::catalog::Catalog;
use crate::category::Category;
use crate::estimate::{Estimate, Prepared};
use crate::line_category::LineCategory;
use crate::money::Amount;
use crate::scenario::{
    ErrorKind, FieldPath, Line, RulesVersion, Scenario, ScenarioErrors, MAX_COUNT, MAX_LINES,
};
use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// Where the extra messages go: a country (ISO alpha-2) or one of Meta's markets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Destination {
    Country(String),
    Market(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetQuery {
    pub destination: Destination,
    pub category: LineCategory,
    /// The budget for the whole sheet with the extra messages, in the scenario's currency.
    pub amount: Decimal,
}

/// Largest budget accepted (10^15 in the scenario's currency).
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub currency: String,
    /// The market the extra messages are billed in.
    pub market: String,
    pub category: LineCategory,
    pub amount: Amount,
    /// Extra messages that fit: every count up to it fits, one more does not.
    pub count: u64,
    /// Whether the rest of the sheet alone fits (false: `count` is 0).
    pub fits: bool,
    /// Every count up to the scenario's limit (10^12) fits: the limit, not the budget, stops.
    pub unbounded: bool,
    pub total_at_count: Amount,
    /// The total with one message more; absent when `count` is the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_at_next: Option<Amount>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BudgetErrorKind {
    NotAnObject {
        got: String,
    },
    UnknownField {
        expected: &'static [&'static str],
    },
    Required,
    /// Both a country and a market, or neither.
    OneDestination,
    NotACategory {
        got: String,
    },
    AmountOutOfRange {
        got: String,
    },
    TooManyDecimals {
        got: String,
    },
    /// The scenario already has the most lines allowed: no room for the extra line.
    NoRoomForLine,
    /// A problem of the scenario or of the extra line, as the scenario's validator or the
    /// estimator finds it.
    Scenario(ErrorKind),
}

impl BudgetErrorKind {
    pub fn tag(&self) -> &'static str {
        match self {
            BudgetErrorKind::NotAnObject { .. } => "not_an_object",
            BudgetErrorKind::UnknownField { .. } => "unknown_field",
            BudgetErrorKind::Required => "required",
            BudgetErrorKind::OneDestination => "one_destination",
            BudgetErrorKind::NotACategory { .. } => "not_a_category",
            BudgetErrorKind::AmountOutOfRange { .. } => "amount_out_of_range",
            BudgetErrorKind::TooManyDecimals { .. } => "too_many_decimals",
            BudgetErrorKind::NoRoomForLine => "no_room_for_line",
            BudgetErrorKind::Scenario(kind) => kind.tag(),
        }
    }
}

impl fmt::Display for BudgetErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BudgetErrorKind::NotAnObject { got } => write!(f, "must be a JSON object, got {got}"),
            BudgetErrorKind::UnknownField { expected } => write!(
                f,
                "unknown field (expected one of: {})",
                expected.join(", ")
            ),
            BudgetErrorKind::Required => f.write_str("is required"),
            BudgetErrorKind::OneDestination => f.write_str(
                "give the extra messages one destination: a country (ISO alpha-2) or a market",
            ),
            BudgetErrorKind::NotACategory { got } => write!(
                f,
                "must be one of marketing, utility, authentication, service, got {got}"
            ),
            BudgetErrorKind::AmountOutOfRange { got } => write!(
                f,
                "must be a budget from 0 to 1000000000000000 (10^15) in the scenario's currency, got {got}"
            ),
            BudgetErrorKind::TooManyDecimals { got } => {
                write!(f, "must have at most 18 decimal places, got {got}")
            }
            BudgetErrorKind::NoRoomForLine => write!(
                f,
                "the scenario already has {MAX_LINES} lines, the most allowed: there is no room for the extra messages' line"
            ),
            BudgetErrorKind::Scenario(kind) => write!(f, "{kind}"),
        }
    }
}

/// Where a problem is: a field of the query (`amount`, `country`, `market`, `category`; the
/// extra line's problems are named by its destination's field) or of the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BudgetPath {
    Query(FieldPath),
    Scenario(FieldPath),
}

impl BudgetPath {
    pub fn query(key: &'static str) -> BudgetPath {
        BudgetPath::Query(FieldPath::top(key))
    }

    pub fn field_path(&self) -> &FieldPath {
        match self {
            BudgetPath::Query(path) | BudgetPath::Scenario(path) => path,
        }
    }
}

impl fmt::Display for BudgetPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BudgetPath::Query(path) if path.segments().is_empty() => f.write_str("(query)"),
            BudgetPath::Query(path) | BudgetPath::Scenario(path) => write!(f, "{path}"),
        }
    }
}

/// One problem: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetError {
    pub at: BudgetPath,
    pub kind: BudgetErrorKind,
}

impl BudgetError {
    pub fn new(at: BudgetPath, kind: BudgetErrorKind) -> BudgetError {
        BudgetError { at, kind }
    }
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.kind)
    }
}

/// `{ "path", "message", "kind", "of" }`, `of` being `query` or `scenario`.
impl Serialize for BudgetError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("BudgetError", 4)?;
        out.serialize_field("path", &self.at.to_string())?;
        out.serialize_field("message", &self.kind.to_string())?;
        out.serialize_field("kind", self.kind.tag())?;
        out.serialize_field(
            "of",
            match self.at {
                BudgetPath::Query(_) => "query",
                BudgetPath::Scenario(_) => "scenario",
            },
        )?;
        out.end()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetErrors(pub Vec<BudgetError>);

impl BudgetErrors {
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }

    /// The scenario's errors; those about the extra line are named by the query's field.
    fn of_scenario(errors: ScenarioErrors, extra_line: usize, destination: &Destination) -> Self {
        let field = match destination {
            Destination::Country(_) => "country",
            Destination::Market(_) => "market",
        };
        BudgetErrors(
            errors
                .0
                .into_iter()
                .map(|e| {
                    let at = if e.path.line_index() == Some(extra_line) {
                        BudgetPath::query(field)
                    } else {
                        BudgetPath::Scenario(e.path)
                    };
                    BudgetError::new(at, BudgetErrorKind::Scenario(e.kind))
                })
                .collect(),
        )
    }
}

impl fmt::Display for BudgetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for BudgetErrors {}

const QUERY_KEYS: &[&str] = &["country", "market", "category", "amount"];

impl BudgetQuery {
    /// Reads `{"country": "IN", "category": "marketing", "amount": "500"}` (or `"market"`
    /// instead of `"country"`), every problem named by its field.
    pub fn from_value(value: &Value) -> Result<BudgetQuery, BudgetErrors> {
        let Some(object) = value.as_object() else {
            return Err(BudgetErrors(vec![BudgetError::new(
                BudgetPath::Query(FieldPath::scenario()),
                BudgetErrorKind::NotAnObject {
                    got: value.to_string(),
                },
            )]));
        };
        let mut errors: Vec<BudgetError> = object
            .keys()
            .filter(|k| !QUERY_KEYS.contains(&k.as_str()))
            .map(|k| {
                BudgetError::new(
                    BudgetPath::Query(FieldPath::top(k.clone())),
                    BudgetErrorKind::UnknownField {
                        expected: QUERY_KEYS,
                    },
                )
            })
            .collect();
        let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::trim);
        let destination = match (text("country"), text("market")) {
            (Some(country), None) => Some(Destination::Country(country.to_ascii_uppercase())),
            (None, Some(market)) => Some(Destination::Market(market.to_string())),
            _ => {
                errors.push(BudgetError::new(
                    BudgetPath::query("country"),
                    BudgetErrorKind::OneDestination,
                ));
                None
            }
        };
        let category = match object.get("category") {
            None => {
                errors.push(BudgetError::new(
                    BudgetPath::query("category"),
                    BudgetErrorKind::Required,
                ));
                None
            }
            Some(v) => {
                let found = v.as_str().and_then(|t| LineCategory::parse(t.trim()));
                if found.is_none() {
                    errors.push(BudgetError::new(
                        BudgetPath::query("category"),
                        BudgetErrorKind::NotACategory { got: v.to_string() },
                    ));
                }
                found
            }
        };
        let amount = match object.get("amount") {
            None => {
                errors.push(BudgetError::new(
                    BudgetPath::query("amount"),
                    BudgetErrorKind::Required,
                ));
                None
            }
            Some(v) => {
                let text = match v {
                    Value::Number(n) => Some(n.to_string()),
                    Value::String(s) => Some(s.clone()),
                    _ => None,
                };
                let amount = text.as_deref().and_then(crate::plan::decimal_text);
                if amount.is_none() {
                    errors.push(BudgetError::new(
                        BudgetPath::query("amount"),
                        BudgetErrorKind::AmountOutOfRange { got: v.to_string() },
                    ));
                }
                amount
            }
        };
        match (destination, category, amount, errors.is_empty()) {
            (Some(destination), Some(category), Some(amount), true) => {
                let query = BudgetQuery {
                    destination,
                    category,
                    amount,
                };
                query.check()?;
                Ok(query)
            }
            _ => Err(BudgetErrors(errors)),
        }
    }

    /// The amount's range and precision.
    pub fn check(&self) -> Result<(), BudgetErrors> {
        let got = format!("\"{}\"", self.amount);
        let kind = if self.amount < Decimal::ZERO || self.amount > Decimal::from(MAX_AMOUNT) {
            BudgetErrorKind::AmountOutOfRange { got }
        } else if self.amount.normalize().scale() > crate::scenario::MAX_SCALE {
            BudgetErrorKind::TooManyDecimals { got }
        } else {
            return Ok(());
        };
        Err(BudgetErrors(vec![BudgetError::new(
            BudgetPath::query("amount"),
            kind,
        )]))
    }
}

/// The budget with the data built into this binary.
pub fn budget(scenario: &Scenario, query: &BudgetQuery) -> Result<Budget, BudgetErrors> {
    budget_with(Catalog::builtin(), scenario, query)
}

pub fn budget_with(
    catalog: &Catalog,
    scenario: &Scenario,
    query: &BudgetQuery,
) -> Result<Budget, BudgetErrors> {
    query.check()?;
    if scenario.lines.len() >= MAX_LINES {
        return Err(BudgetErrors(vec![BudgetError::new(
            BudgetPath::Scenario(FieldPath::top("lines")),
            BudgetErrorKind::NoRoomForLine,
        )]));
    }
    let extra = scenario.lines.len();
    let mut sheet = scenario.clone();
    sheet.lines.push(match &query.destination {
        Destination::Country(country) => Line {
            country: Some(country.clone()),
            ..Line::default()
        },
        Destination::Market(market) => Line {
            market: Some(market.clone()),
            ..Line::default()
        },
    });
    let scenario_errors =
        |e: ScenarioErrors| BudgetErrors::of_scenario(e, extra, &query.destination);
    let prepared = Prepared::new(catalog, &sheet).map_err(scenario_errors)?;
    let mut search = Search {
        prepared: &prepared,
        sheet: sheet.clone(),
        extra,
        category: query.category,
        budget: query.amount,
    };
    let at_zero = search.estimate(0).map_err(scenario_errors)?;
    let at_one = search.estimate(1).map_err(scenario_errors)?;
    let market = at_zero
        .markets
        .iter()
        .find(|m| m.lines.contains(&extra))
        .map(|m| m.market.clone())
        .unwrap_or_default();
    let dip = Dip::of(
        catalog,
        scenario,
        &at_zero,
        &at_one,
        &market,
        query.category,
    );
    let (count, unbounded) = search
        .run(at_zero.total.value(), &dip)
        .map_err(scenario_errors)?;
    let total_at_count = search.total(count).map_err(scenario_errors)?;
    let total_at_next = if count < MAX_COUNT {
        Some(Amount::new(
            search.total(count + 1).map_err(scenario_errors)?,
        ))
    } else {
        None
    };
    Ok(Budget {
        currency: at_zero.currency.clone(),
        market,
        category: query.category,
        amount: Amount::new(query.amount),
        count,
        fits: at_zero.total.value() <= query.amount,
        unbounded,
        total_at_count: Amount::new(total_at_count),
        total_at_next,
    })
}

/// The most the total can fall from an earlier count to a later one `t` counts further.
#[derive(Debug, Clone, PartialEq)]
enum Dip {
    /// The total never decreases.
    None,
    /// At most this much, whatever the distance (a shared allowance).
    Constant(Decimal),
    /// At most `per_step × min(t, cap)` (the international messages pushed up the counter).
    Linear { per_step: Decimal, cap: u64 },
}

impl Dip {
    fn at(&self, t: u64) -> Decimal {
        match self {
            Dip::None => Decimal::ZERO,
            Dip::Constant(d) => *d,
            Dip::Linear { per_step, cap } => *per_step * Decimal::from(t.min(*cap)),
        }
    }

    /// The bound for this query, from the estimates with no and with one extra message.
    fn of(
        catalog: &Catalog,
        scenario: &Scenario,
        at_zero: &Estimate,
        at_one: &Estimate,
        market: &str,
        category: LineCategory,
    ) -> Dip {
        let markup = Decimal::ONE + scenario.bsp.markup;
        let rules = at_zero.rules;
        let pooled = match rules {
            RulesVersion::Pmp2026_10 | RulesVersion::Cbp2023_06 => {
                category == LineCategory::Service
            }
            RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02 => true,
            RulesVersion::Pmp2025_07 | RulesVersion::Cbp2024_11 => false,
        };
        if pooled {
            let pool: &[Category] = match rules {
                RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02 => {
                    &[Category::BusinessInitiated, Category::UserInitiated]
                }
                _ => &[Category::Service],
            };
            let rates: Vec<Decimal> = [at_zero, at_one]
                .iter()
                .flat_map(|e| &e.markets)
                .flat_map(|m| &m.categories)
                .filter(|c| pool.contains(&c.category))
                .filter_map(|c| c.rate.map(|r| r.value()))
                .collect();
            let (Some(high), Some(low)) = (rates.iter().max(), rates.iter().min()) else {
                return Dip::None;
            };
            let others = scenario
                .lines
                .iter()
                .map(|line| match rules {
                    RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02 => {
                        u64::from(line.marketing + line.utility + line.authentication > 0)
                            + u64::from(line.service > 0)
                    }
                    _ => u64::from(line.service > 0),
                })
                .sum::<u64>();
            let allowance = match rules {
                RulesVersion::Pmp2026_10 => 1000u64.saturating_mul(scenario.phone_numbers),
                RulesVersion::Mx2021_02 => scenario.free_conversations,
                _ => 1000u64.saturating_mul(scenario.wabas),
            };
            let moved = others.min(allowance).saturating_add(1);
            return Dip::Constant(markup * (*high - *low) * Decimal::from(moved));
        }
        if category != LineCategory::Authentication {
            return Dip::None;
        }
        let of_market = |e: &Estimate, c: Category| {
            e.markets
                .iter()
                .find(|m| m.market == market)
                .and_then(|m| m.categories.iter().find(|x| x.category == c))
                .cloned()
        };
        let domestic =
            |e: &Estimate| of_market(e, Category::Authentication).map_or(0, |c| c.delivered);
        let Some(international) = of_market(at_zero, Category::AuthenticationInternational) else {
            return Dip::None;
        };
        // The extra line is international: it joins the end of the counter and moves nothing.
        if domestic(at_one) == domestic(at_zero) || international.charged == 0 {
            return Dip::None;
        }
        // Without a ladder the international rate is flat: moving up the counter costs the same.
        let card = at_zero.rate_card.as_str();
        let published = crate::date::parse_date(card).and_then(|date| {
            catalog
                .card(&at_zero.currency, date)
                .and_then(|c| catalog.ladder(&c.id, market, Category::AuthenticationInternational))
        });
        let custom = scenario.custom_tiers.iter().find(|t| {
            t.category == Category::AuthenticationInternational
                && t.market.eq_ignore_ascii_case(market)
        });
        if international.bands.is_empty() {
            return Dip::None;
        }
        let highest = international
            .bands
            .iter()
            .map(|b| b.rate.value())
            .chain(international.rate.map(|r| r.value()))
            .chain(
                published
                    .iter()
                    .flat_map(|l| l.bands.iter().map(|b| b.rate)),
            )
            .chain(custom.iter().flat_map(|t| t.bands.iter().map(|b| b.rate)))
            .max()
            .unwrap_or(Decimal::ZERO);
        Dip::Linear {
            per_step: markup * highest,
            cap: international.charged,
        }
    }
}

/// The totals of the sheet with k extra messages, and the certified search for the first k
/// that does not fit.
struct Search<'a> {
    prepared: &'a Prepared<'a>,
    sheet: Scenario,
    extra: usize,
    category: LineCategory,
    budget: Decimal,
}

impl Search<'_> {
    fn estimate(&mut self, k: u64) -> Result<Estimate, ScenarioErrors> {
        if let Some(line) = self.sheet.lines.get_mut(self.extra) {
            *self.category.slot(line) = k;
        }
        self.prepared.estimate(&self.sheet)
    }

    fn total(&mut self, k: u64) -> Result<Decimal, ScenarioErrors> {
        Ok(self.estimate(k)?.total.value())
    }

    /// The count, and whether the limit rather than the budget stopped it.
    fn run(&mut self, at_zero: Decimal, dip: &Dip) -> Result<(u64, bool), ScenarioErrors> {
        let budget = self.budget;
        if at_zero > budget {
            return Ok((0, false));
        }
        // Every count up to `lo` fits; `hi` (when known) does not.
        let (mut lo, mut total_lo) = (0u64, at_zero);
        let at_max = self.total(MAX_COUNT)?;
        let mut hi: Option<(u64, Decimal)> = if at_max > budget {
            Some((MAX_COUNT, at_max))
        } else if at_max + dip.at(MAX_COUNT) <= budget {
            return Ok((MAX_COUNT, true));
        } else {
            None
        };
        // The largest step the next probe may take from `lo`: halved while probes fit but
        // cannot be certified, doubled again once they can.
        let mut reach = MAX_COUNT;
        let mut bisect = false;
        loop {
            let end = hi.map_or(MAX_COUNT, |(k, _)| k);
            if hi.is_some() && end == lo + 1 {
                return Ok((lo, false));
            }
            if hi.is_none() && lo == MAX_COUNT {
                return Ok((MAX_COUNT, true));
            }
            let room = end - lo - u64::from(hi.is_some());
            let step = match hi {
                // Where the total crosses the budget, by proportion; every other probe halves
                // the bracket so that a curved total cannot slow the search down.
                Some((_, total_hi)) if !bisect && total_hi > total_lo => {
                    let share = (budget - total_lo) / (total_hi - total_lo);
                    let guess = (share * Decimal::from(end - lo))
                        .floor()
                        .try_into()
                        .unwrap_or(1u64);
                    guess.max(1)
                }
                _ => (end - lo).div_ceil(2),
            };
            bisect = !bisect;
            let step = step.min(room).min(reach).max(1);
            let probe = lo + step;
            let total = self.total(probe)?;
            if total > budget {
                hi = Some((probe, total));
                reach = reach.max(step);
            } else if total + dip.at(step) <= budget {
                lo = probe;
                total_lo = total;
                reach = reach.saturating_mul(2).max(step.saturating_mul(2));
            } else {
                reach = (step / 2).max(1);
                if step == 1 {
                    // A single count that fits is certified by itself.
                    lo = probe;
                    total_lo = total;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dips_are_bounded_as_documented() {
        assert_eq!(Dip::None.at(10), Decimal::ZERO);
        assert_eq!(Dip::Constant(Decimal::TEN).at(1), Decimal::TEN);
        let linear = Dip::Linear {
            per_step: Decimal::new(2, 2),
            cap: 100,
        };
        assert_eq!(linear.at(5), Decimal::new(10, 2));
        assert_eq!(linear.at(5000), Decimal::from(2));
    }
}
