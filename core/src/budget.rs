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
//!   markets. Between two counts only the parts whose largest-remainder share can change move
//!   units, and each gains at most what its possible shares allow (`PoolBound`): the total falls
//!   by at most (1 + markup) × (their rates' spread, with the new line's) × (those units + 1).
//!   With spread = the dearest minus the cheapest rate in the pool and G the other lines in it,
//!   it never falls by more than (1 + markup) × spread × (min(G, allowance) + 1).
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
use crate::problem::{Problem, ProblemKind, ProblemPath, Problems};
use crate::scenario::{
    ErrorKind, FieldPath, Line, RulesVersion, Scenario, ScenarioErrors, MAX_COUNT, MAX_LINES,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
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

impl ProblemKind for BudgetErrorKind {
    fn tag(&self) -> &'static str {
        BudgetErrorKind::tag(self)
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

impl ProblemPath for BudgetPath {
    fn of(&self) -> &'static str {
        match self {
            BudgetPath::Query(_) => "query",
            BudgetPath::Scenario(_) => "scenario",
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
pub type BudgetError = Problem<BudgetPath, BudgetErrorKind>;

/// Every problem found, never just the first.
pub type BudgetErrors = Problems<BudgetPath, BudgetErrorKind>;

impl BudgetErrors {
    /// The scenario's errors; those about the extra line are named by the query's field.
    fn of_scenario(errors: ScenarioErrors, extra_line: usize, destination: &Destination) -> Self {
        let field = match destination {
            Destination::Country(_) => "country",
            Destination::Market(_) => "market",
        };
        Problems(
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

const QUERY_KEYS: &[&str] = &["country", "market", "category", "amount"];

impl BudgetQuery {
    /// Reads `{"country": "IN", "category": "marketing", "amount": "500"}` (or `"market"`
    /// instead of `"country"`), every problem named by its field.
    pub fn from_value(value: &Value) -> Result<BudgetQuery, BudgetErrors> {
        let Some(object) = value.as_object() else {
            return Err(Problems(vec![BudgetError::new(
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
                let amount = crate::plan::decimal(v);
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
            _ => Err(Problems(errors)),
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
        Err(Problems(vec![BudgetError::new(
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
        return Err(Problems(vec![BudgetError::new(
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
        rules: RulesVersion::Pmp2026_10,
        alone: Scenario {
            lines: sheet.lines.get(extra).cloned().into_iter().collect(),
            ..scenario.clone()
        },
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
    /// At most this much, whatever the distance (a shared allowance, when its parts are not
    /// known well enough for `Pool`).
    Constant(Decimal),
    /// At most `per_step × min(t, cap)` (the international messages pushed up the counter).
    Linear { per_step: Decimal, cap: u64 },
    /// A shared allowance whose parts are known: bounded window by window (`PoolBound`), and
    /// never by more than `Constant` would.
    Pool(PoolBound),
}

impl Dip {
    /// The bound for counts `t` apart, whatever the window (`Pool` needs the window).
    fn at(&self, t: u64) -> Decimal {
        match self {
            Dip::None => Decimal::ZERO,
            Dip::Constant(d) => *d,
            Dip::Linear { per_step, cap } => *per_step * Decimal::from(t.min(*cap)),
            Dip::Pool(pool) => pool.loose,
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
            let loose = markup * (*high - *low) * Decimal::from(moved);
            return match PoolBound::of(scenario, at_zero, rules, category, markup, loose) {
                Some(pool) => Dip::Pool(pool),
                None => Dip::Constant(loose),
            };
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

/// What a shared allowance's largest-remainder split can do between two counts of the extra
/// line, from the eligible units and rates of its parts.
///
/// Between counts `a < b` every other part's quota `allowance × e / E` lies between its values
/// at `E(b)` and `E(a)`, and the new part's between its own; the split gives each part
/// `floor(quota + s)` (one less for a part tied at the threshold) for a shift `s` that is
/// bounded by the splits of the highest and of the lowest quotas. A part whose possible shares
/// over the window are one value cannot move a free unit, so only the others count: the total
/// falls by at most (1 + markup) × (their rates' spread, with the new part's) × (the units
/// they can gain + 1). A short window near the budget moves few parts, so few counts are tried
/// one by one. Everything is exact integer arithmetic; a figure too large for it falls back to
/// the loose bound.
#[derive(Debug, Clone, PartialEq)]
struct PoolBound {
    allowance: u64,
    /// The other parts' eligible units and the rate of their market and category.
    others: Vec<(u64, Decimal)>,
    new_rate: Decimal,
    /// 1 + markup.
    markup: Decimal,
    /// The bound for any window (`Dip::Constant`'s).
    loose: Decimal,
    extra: usize,
    category: Category,
}

impl PoolBound {
    fn of(
        scenario: &Scenario,
        at_zero: &Estimate,
        rules: RulesVersion,
        category: LineCategory,
        markup: Decimal,
        loose: Decimal,
    ) -> Option<PoolBound> {
        let extra = scenario.lines.len();
        let pooled = match (rules, category) {
            (RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02, LineCategory::Service) => {
                Category::UserInitiated
            }
            (RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02, _) => Category::BusinessInitiated,
            _ => Category::Service,
        };
        let rate_of = |line: usize, category: Category| {
            at_zero
                .markets
                .iter()
                .find(|m| m.lines.contains(&line))?
                .categories
                .iter()
                .find(|c| c.category == category)?
                .rate
                .map(|r| r.value())
        };
        let (allowance, parts) = crate::estimate::pool(scenario, rules);
        let mut others = Vec::with_capacity(parts.len());
        for part in parts.iter().filter(|p| p.eligible > 0) {
            others.push((part.eligible, rate_of(part.line, part.category)?));
        }
        Some(PoolBound {
            allowance,
            others,
            new_rate: rate_of(extra, pooled)?,
            markup,
            loose,
            extra,
            category: pooled,
        })
    }

    /// The new part's eligible units, from the estimator's own split of `alone`: the scenario
    /// with the extra line only (a line's split does not depend on the others).
    fn new_eligible(&self, alone: &Scenario, rules: RulesVersion) -> u64 {
        crate::estimate::pool(alone, rules)
            .1
            .iter()
            .filter(|p| p.category == self.category)
            .map(|p| p.eligible)
            .sum()
    }

    /// The bound between two counts whose new part has `x_a` and `x_b` eligible units.
    fn between(&self, x_a: u64, x_b: u64) -> Decimal {
        self.window(x_a, x_b)
            .map_or(self.loose, |bound| bound.min(self.loose))
    }

    fn window(&self, x_a: u64, x_b: u64) -> Option<Decimal> {
        let allowance = u128::from(self.allowance);
        let others: u128 = self.others.iter().map(|(e, _)| u128::from(*e)).sum();
        let (e_a, e_b) = (others + u128::from(x_a), others + u128::from(x_b));
        if e_b <= allowance {
            // Everything in the pool is free throughout: no unit moves.
            return Some(Decimal::ZERO);
        }
        if e_a <= allowance {
            return None;
        }
        // Quotas as fractions n / d: the highest (others at E(a), new at E(b)) and the lowest.
        let quota = |e: u64, total: u128| Quota {
            n: allowance * u128::from(e),
            d: total,
        };
        let high: Vec<Quota> = self
            .others
            .iter()
            .map(|(e, _)| quota(*e, e_a))
            .chain(std::iter::once(quota(x_b, e_b)))
            .collect();
        let low: Vec<Quota> = self
            .others
            .iter()
            .map(|(e, _)| quota(*e, e_b))
            .chain(std::iter::once(quota(x_a, e_a)))
            .collect();
        let (s_low, s_high) = (shift(&high, allowance)?, shift(&low, allowance)?);
        let mut gains = 1u128;
        let (mut lowest, mut highest) = (self.new_rate, self.new_rate);
        for ((_, rate), (lo, hi)) in self.others.iter().zip(low.iter().zip(&high)) {
            let least = lo.plus(&s_low)?.ceil()?.saturating_sub(1);
            let most = hi.plus(&s_high)?.floor()?;
            if most > least {
                gains += most - least;
                lowest = lowest.min(*rate);
                highest = highest.max(*rate);
            }
        }
        let gains = Decimal::from(u64::try_from(gains).ok()?);
        Some(self.markup * (highest - lowest) * gains)
    }
}

/// A non-negative fraction `n / d`, `d > 0`.
#[derive(Debug, Clone, Copy)]
struct Quota {
    n: u128,
    d: u128,
}

impl Quota {
    fn plus(&self, other: &Quota) -> Option<Quota> {
        Some(Quota {
            n: self
                .n
                .checked_mul(other.d)?
                .checked_add(other.n.checked_mul(self.d)?)?,
            d: self.d.checked_mul(other.d)?,
        })
    }

    fn floor(&self) -> Option<u128> {
        self.n.checked_div(self.d)
    }

    fn ceil(&self) -> Option<u128> {
        Some(self.floor()? + u128::from(self.n % self.d.max(1) != 0))
    }

    /// The fractional part's numerator (over `d`).
    fn rest(&self) -> u128 {
        self.n % self.d.max(1)
    }
}

/// The least shift `s` in [0, 1] with Σ floor(q + s) ≥ allowance: 1 − the R-th largest
/// fractional part, R being what the floors leave of the allowance.
fn shift(quotas: &[Quota], allowance: u128) -> Option<Quota> {
    let floors: u128 = quotas.iter().map(|q| q.floor().unwrap_or(0)).sum();
    let Some(left) = allowance.checked_sub(floors).filter(|&r| r > 0) else {
        return Some(Quota { n: 0, d: 1 });
    };
    let mut parts: Vec<Quota> = quotas
        .iter()
        .filter(|q| q.rest() > 0)
        .map(|q| Quota {
            n: q.rest(),
            d: q.d,
        })
        .collect();
    let left = usize::try_from(left).ok()?;
    if left > parts.len() {
        return Some(Quota { n: 1, d: 1 });
    }
    // Largest first; cross-multiplied (denominators are the two totals of the window).
    parts.sort_by(|x, y| {
        let (a, b) = (x.n.saturating_mul(y.d), y.n.saturating_mul(x.d));
        b.cmp(&a)
    });
    let r = parts.get(left - 1)?;
    Some(Quota {
        n: r.d - r.n,
        d: r.d,
    })
}

/// The totals of the sheet with k extra messages, and the certified search for the first k
/// that does not fit.
struct Search<'a> {
    prepared: &'a Prepared<'a>,
    sheet: Scenario,
    extra: usize,
    category: LineCategory,
    budget: Decimal,
    rules: RulesVersion,
    /// The scenario with the extra line only, for its share of a pool.
    alone: Scenario,
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

    /// The dip bound between counts `from < to`.
    fn dip_between(&mut self, dip: &Dip, from: u64, to: u64) -> Decimal {
        let Dip::Pool(pool) = dip else {
            return dip.at(to - from);
        };
        let mut eligible = |k: u64| {
            if let Some(line) = self.alone.lines.first_mut() {
                *self.category.slot(line) = k;
            }
            pool.new_eligible(&self.alone, self.rules)
        };
        let (x_from, x_to) = (eligible(from), eligible(to));
        pool.between(x_from, x_to)
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
        } else if at_max + self.dip_between(dip, 0, MAX_COUNT) <= budget {
            return Ok((MAX_COUNT, true));
        } else {
            None
        };
        // The largest step the next probe may take from `lo`: halved while probes fit but
        // cannot be certified, doubled again once they can.
        let mut reach = MAX_COUNT;
        let mut bisect = false;
        // Once a probe fits without being certified, guesses by proportion only land next to
        // the crossing again: halving from then on certifies more per estimate.
        let mut uncertain = false;
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
                Some((_, total_hi)) if !bisect && !uncertain && total_hi > total_lo => {
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
            } else if total + self.dip_between(dip, lo, probe) <= budget {
                lo = probe;
                total_lo = total;
                reach = reach.saturating_mul(2).max(step.saturating_mul(2));
            } else {
                uncertain = true;
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
