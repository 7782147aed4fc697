//! Start from the actual month: Meta's `pricing_analytics` (Graph API) turned into a scenario
//! (docs/plan.md, "Importing Meta's pricing analytics").
//!
//! Volumes go into one line per country and category; free entry point and free customer
//! service volumes set the scenario's `entry_point` and `utility_in_window` shares. Those
//! shares are global while Meta reports them per country, so the imported sheet is an
//! approximation and says so. Categories a line has no field for are listed as not imported,
//! with their volumes. Where Meta's `cost` is in the file, it is set beside wacost's price of
//! the imported sheet, per market and category.

mod error;
mod read;

pub use error::{ImportError, ImportErrorKind, ImportErrors, ImportOption, ImportPath};

use crate::catalog::Catalog;
use crate::estimate::estimate_with;
use crate::line_category::{Counts, LineCategory};
use crate::money::{group_thousands, Amount};
use crate::problem::Problems;
use crate::scenario::{Line, Month, Scenario, Setting};
use chrono::{DateTime, Datelike};
use read::DataPoint;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Decimals kept of the imported shares.
pub const SHARE_DECIMALS: u32 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The month to import; needed when the file holds several.
    pub month: Option<Month>,
    /// The WABA's billing currency (Meta's `cost` is in it; the file does not say which).
    pub currency: String,
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            month: None,
            currency: "USD".into(),
        }
    }
}

/// Why a data point's messages are not in the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Skip {
    /// AUTHENTICATION_INTERNATIONAL: a line's authentication is international by the
    /// scenario's `auth_international` and `business_country`, not by a count of its own.
    AuthenticationInternational,
    /// MARKETING_LITE, MARKETING_LITE_DYNAMIC: the Marketing Messages API.
    MarketingLite,
    /// GROUP_MARKETING, GROUP_UTILITY, GROUP_SERVICE, GROUP_MARKETING_LITE: groups are not
    /// modelled (GRP-1).
    Group,
    /// REFERRAL_CONVERSION: free entry point conversations, whose messages' category is not
    /// reported.
    ReferralConversion,
    /// A category Meta's documentation does not list.
    UnknownCategory,
    /// A pricing type Meta's documentation does not list (or FREE_GROUP_CUSTOMER_SERVICE).
    UnknownType,
    /// No `country` (the COUNTRY dimension was not requested).
    NoCountry,
    /// No `pricing_category` (the PRICING_CATEGORY dimension was not requested).
    NoCategory,
}

impl Skip {
    fn english(self) -> &'static str {
        match self {
            Skip::AuthenticationInternational => "a line has no count of authentication-international messages (the scenario makes authentication international by auth_international and business_country)",
            Skip::MarketingLite => "Marketing Messages API messages have no line field",
            Skip::Group => "group messages are not modelled (GRP-1)",
            Skip::ReferralConversion => "free entry point conversations do not say their messages' category",
            Skip::UnknownCategory => "not a pricing category Meta documents for pricing_analytics",
            Skip::UnknownType => "not a pricing type wacost can place in a line",
            Skip::NoCountry => "no country (request the COUNTRY dimension)",
            Skip::NoCategory => "no pricing category (request the PRICING_CATEGORY dimension)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotImported {
    /// Meta's category as in the file (`AUTHENTICATION_INTERNATIONAL`), empty when absent.
    pub pricing_category: String,
    pub reason: Skip,
    pub volume: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Amount>,
}

/// Meta's cost beside wacost's price of the imported sheet, for one market and category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostRow {
    pub market: String,
    pub category: LineCategory,
    /// Messages of the file in this market and category.
    pub volume: u64,
    pub meta_cost: Amount,
    pub wacost: Amount,
    /// wacost minus Meta.
    pub difference: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Costs {
    pub rows: Vec<CostRow>,
    pub meta_cost: Amount,
    pub wacost: Amount,
    pub difference: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportNote {
    /// The shares are global; Meta's volumes are per country.
    Approximation {
        entry_point: Decimal,
        utility_in_window: Decimal,
    },
    /// FREE_CUSTOMER_SERVICE changed meaning on 2026-10-01.
    FreeCustomerService { from_2026_10: bool, volume: u64 },
    /// Business phone numbers counted from the PHONE dimension, or not known.
    PhoneNumbers { count: Option<u64> },
    /// Messages without a pricing type, imported as they are.
    NoPricingType { volume: u64 },
    /// Messages of a category or data point not imported.
    NotImported {
        pricing_category: String,
        reason: Skip,
        volume: u64,
    },
    /// No `cost` in the file: nothing to compare.
    NoCost,
    /// The imported sheet cannot be priced, so its price is not compared.
    CostsNotCompared { reasons: Vec<String> },
    /// The response has a next page that the file does not hold.
    NextPage,
    /// Fields of data points wacost does not read.
    UnknownFields { fields: Vec<String> },
}

impl ImportNote {
    pub fn english(&self) -> String {
        match self {
            ImportNote::Approximation {
                entry_point,
                utility_in_window,
            } => format!(
                "The imported sheet is an approximation: Meta reports free entry point and customer service messages per country, a scenario has one share for all its lines (entry_point {entry_point}, utility_in_window {utility_in_window}, rounded half up to {SHARE_DECIMALS} decimals), so an estimate of it gives Meta's free volumes back only approximately."
            ),
            ImportNote::FreeCustomerService {
                from_2026_10: false,
                volume,
            } => format!(
                "{} messages are FREE_CUSTOMER_SERVICE: before 2026-10-01 that is every service message and the utility templates sent inside a customer service window (the latter give utility_in_window).",
                group_thousands(&volume.to_string())
            ),
            ImportNote::FreeCustomerService {
                from_2026_10: true,
                volume,
            } => format!(
                "{} messages are FREE_CUSTOMER_SERVICE: from 2026-10-01 that is the service messages within the 1,000 free per phone number (the estimate frees them itself from phone_numbers); utility inside the window is charged and reported as REGULAR.",
                group_thousands(&volume.to_string())
            ),
            ImportNote::PhoneNumbers { count: Some(count) } => format!(
                "phone_numbers is {count}: the business phone numbers in the file."
            ),
            ImportNote::PhoneNumbers { count: None } => "The file does not name phone numbers (request the PHONE dimension): phone_numbers is left at 1, which matters from 2026-10-01 (1,000 free service messages per number).".to_string(),
            ImportNote::NoPricingType { volume } => format!(
                "{} messages have no pricing type (request the PRICING_TYPE dimension): they are imported in their category, and free entry point or customer service messages among them cannot be told apart.",
                group_thousands(&volume.to_string())
            ),
            ImportNote::NotImported {
                pricing_category,
                reason,
                volume,
            } => format!(
                "Not imported: {} {} messages: {}.",
                group_thousands(&volume.to_string()),
                if pricing_category.is_empty() {
                    "uncategorised"
                } else {
                    pricing_category
                },
                reason.english()
            ),
            ImportNote::NoCost => "Meta's cost is not in the file (COST not requested, or hidden for businesses billed through a Solution Partner): there is nothing to compare wacost's price with.".to_string(),
            ImportNote::CostsNotCompared { reasons } => format!(
                "The imported sheet cannot be priced, so Meta's cost is not compared: {}",
                reasons.join("; ")
            ),
            ImportNote::NextPage => "The response says it has a next page (paging.next): only the data points in this file are imported; fetch every page and join their data_points.".to_string(),
            ImportNote::UnknownFields { fields } => format!(
                "Data point fields wacost does not read: {}.",
                fields.join(", ")
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Import {
    /// The month imported, `YYYY-MM`.
    pub month: String,
    /// Every month the file has data points in.
    pub months_in_file: Vec<String>,
    /// The sheet, ready for `estimate`.
    pub scenario: Scenario,
    /// Messages put into the sheet, by line category.
    pub imported: Counts,
    pub not_imported: Vec<NotImported>,
    /// Meta's cost beside wacost's price; absent without `cost` in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs: Option<Costs>,
    pub warnings: Vec<String>,
    pub notes: Vec<ImportNote>,
}

/// Imports with the data built into this binary.
pub fn import(text: &str, options: &ImportOptions) -> Result<Import, ImportErrors> {
    import_with(Catalog::builtin(), text, options)
}

/// The month a data point counts in: that of its midpoint, in UTC. A day or a month of Meta's
/// starts at midnight in the WABA's time zone, within 12 hours of UTC midnight, so its
/// midpoint is in the right month whatever the zone; a half hour near midnight is placed by
/// UTC.
fn month_of(point: &DataPoint) -> Option<Month> {
    let middle = point.start + (point.end - point.start) / 2;
    let time = DateTime::from_timestamp(middle, 0)?;
    Some(Month {
        year: time.year(),
        month: time.month(),
    })
}

/// Line category and whether the messages are free through an entry point or a customer
/// service window, or why they are not imported.
fn place(point: &DataPoint) -> Result<(LineCategory, Option<&str>), Skip> {
    let category = match point.pricing_category.as_deref() {
        None => return Err(Skip::NoCategory),
        Some("MARKETING") => LineCategory::Marketing,
        Some("UTILITY") => LineCategory::Utility,
        Some("AUTHENTICATION") => LineCategory::Authentication,
        Some("SERVICE") => LineCategory::Service,
        Some("AUTHENTICATION_INTERNATIONAL") => return Err(Skip::AuthenticationInternational),
        Some("MARKETING_LITE" | "MARKETING_LITE_DYNAMIC") => return Err(Skip::MarketingLite),
        Some(c) if c.starts_with("GROUP_") => return Err(Skip::Group),
        Some("REFERRAL_CONVERSION") => return Err(Skip::ReferralConversion),
        Some(_) => return Err(Skip::UnknownCategory),
    };
    let kind = match point.pricing_type.as_deref() {
        None | Some("REGULAR") => None,
        Some(t @ ("FREE_ENTRY_POINT" | "FREE_CUSTOMER_SERVICE")) => Some(t),
        Some(_) => return Err(Skip::UnknownType),
    };
    if point.country.is_none() {
        return Err(Skip::NoCountry);
    }
    Ok((category, kind))
}

/// `part / whole` rounded half up to `SHARE_DECIMALS`, 0 for nothing.
fn share(part: u64, whole: u64) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    (Decimal::from(part) / Decimal::from(whole))
        .round_dp_with_strategy(SHARE_DECIMALS, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

pub fn import_with(
    catalog: &Catalog,
    text: &str,
    options: &ImportOptions,
) -> Result<Import, ImportErrors> {
    let read = read::read(text).map_err(Problems)?;
    let mut months_in_file: Vec<Month> = read.points.iter().filter_map(month_of).collect();
    months_in_file.sort();
    months_in_file.dedup();
    let shown: Vec<String> = months_in_file.iter().map(ToString::to_string).collect();
    let month = match (options.month, months_in_file.as_slice()) {
        (_, []) => {
            return Err(Problems(vec![ImportError::new(
                ImportPath::file(),
                ImportErrorKind::NoDataPoints,
            )]))
        }
        (Some(month), months) if months.contains(&month) => month,
        (Some(month), _) => {
            return Err(Problems(vec![ImportError::new(
                ImportPath::Option(ImportOption::Month),
                ImportErrorKind::MonthNotInFile {
                    month: month.to_string(),
                    months: shown,
                },
            )]))
        }
        (None, [month]) => *month,
        (None, _) => {
            return Err(Problems(vec![ImportError::new(
                ImportPath::Option(ImportOption::Month),
                ImportErrorKind::SeveralMonths { months: shown },
            )]))
        }
    };
    let from_2026_10 = (month.year, month.month) >= (2026, 10);

    let mut lines: BTreeMap<String, Counts> = BTreeMap::new();
    let mut imported = Counts::default();
    let mut entry_point = 0u64;
    let mut utility_entry_point = 0u64;
    let mut utility_in_window = 0u64;
    let mut customer_service = 0u64;
    let mut untyped = 0u64;
    let mut phones: Vec<&str> = Vec::new();
    let mut skipped: BTreeMap<(String, Skip), (u64, Option<Decimal>)> = BTreeMap::new();
    // Meta's cost by country and category, and the volume it covers.
    let mut meta_cost: BTreeMap<(String, LineCategory), (u64, Decimal)> = BTreeMap::new();
    let mut any_cost = false;
    for point in read.points.iter().filter(|p| month_of(p) == Some(month)) {
        if let Some(phone) = point.phone_number.as_deref() {
            if !phones.contains(&phone) {
                phones.push(phone);
            }
        }
        any_cost |= point.cost.is_some();
        match place(point) {
            Err(reason) => {
                let key = (point.pricing_category.clone().unwrap_or_default(), reason);
                let entry = skipped.entry(key).or_insert((0, None));
                entry.0 = entry.0.saturating_add(point.volume);
                if let Some(cost) = point.cost {
                    *entry.1.get_or_insert(Decimal::ZERO) += cost;
                }
            }
            Ok((category, kind)) => {
                let country = point.country.clone().unwrap_or_default();
                lines
                    .entry(country.clone())
                    .or_default()
                    .add(category, point.volume);
                imported.add(category, point.volume);
                match kind {
                    Some("FREE_ENTRY_POINT") => {
                        entry_point += point.volume;
                        if category == LineCategory::Utility {
                            utility_entry_point += point.volume;
                        }
                    }
                    Some(_) => {
                        customer_service += point.volume;
                        if category == LineCategory::Utility {
                            utility_in_window += point.volume;
                        }
                    }
                    None if point.pricing_type.is_none() => untyped += point.volume,
                    None => {}
                }
                if let Some(cost) = point.cost {
                    let entry = meta_cost
                        .entry((country, category))
                        .or_insert((0, Decimal::ZERO));
                    entry.0 += point.volume;
                    entry.1 += cost;
                }
            }
        }
    }
    let total: u64 = LineCategory::ALL.iter().map(|&c| imported.get(c)).sum();
    let entry_point_share = share(entry_point, total);
    let window_share = if from_2026_10 {
        Decimal::ZERO
    } else {
        share(
            utility_in_window,
            imported
                .get(LineCategory::Utility)
                .saturating_sub(utility_entry_point),
        )
    };
    let scenario = Scenario {
        month: Some(month),
        currency: options.currency.trim().to_ascii_uppercase(),
        phone_numbers: u64::try_from(phones.len()).unwrap_or(1).max(1),
        entry_point: entry_point_share,
        utility_in_window: window_share,
        lines: lines
            .into_iter()
            .map(|(country, counts)| Line {
                country: Some(country),
                marketing: counts.marketing,
                utility: counts.utility,
                authentication: counts.authentication,
                service: counts.service,
                ..Line::default()
            })
            .collect(),
        ..Scenario::default()
    };
    scenario.check().map_err(|errors| {
        Problems(
            errors
                .0
                .into_iter()
                .map(|e| {
                    let at = if e.path == Setting::Currency.path() {
                        ImportPath::Option(ImportOption::Currency)
                    } else {
                        ImportPath::Scenario(e.path)
                    };
                    ImportError::new(at, ImportErrorKind::Scenario(e.kind))
                })
                .collect(),
        )
    })?;

    let mut notes = vec![ImportNote::Approximation {
        entry_point: entry_point_share,
        utility_in_window: window_share,
    }];
    if customer_service > 0 {
        notes.push(ImportNote::FreeCustomerService {
            from_2026_10,
            volume: customer_service,
        });
    }
    notes.push(ImportNote::PhoneNumbers {
        count: (!phones.is_empty()).then_some(scenario.phone_numbers),
    });
    if untyped > 0 {
        notes.push(ImportNote::NoPricingType { volume: untyped });
    }
    let not_imported: Vec<NotImported> = skipped
        .into_iter()
        .map(|((pricing_category, reason), (volume, cost))| NotImported {
            pricing_category,
            reason,
            volume,
            cost: cost.map(Amount::new),
        })
        .collect();
    notes.extend(not_imported.iter().map(|n| ImportNote::NotImported {
        pricing_category: n.pricing_category.clone(),
        reason: n.reason,
        volume: n.volume,
    }));
    let costs = if any_cost {
        match compare_costs(catalog, &scenario, &meta_cost) {
            Ok(costs) => Some(costs),
            Err(reasons) => {
                notes.push(ImportNote::CostsNotCompared { reasons });
                None
            }
        }
    } else {
        notes.push(ImportNote::NoCost);
        None
    };
    if read.next_page {
        notes.push(ImportNote::NextPage);
    }
    if !read.unknown_fields.is_empty() {
        notes.push(ImportNote::UnknownFields {
            fields: read.unknown_fields.clone(),
        });
    }
    Ok(Import {
        month: month.to_string(),
        months_in_file: months_in_file.iter().map(ToString::to_string).collect(),
        scenario,
        imported,
        not_imported,
        costs,
        warnings: notes.iter().map(ImportNote::english).collect(),
        notes,
    })
}

/// wacost's estimate of the sheet beside Meta's cost, per market and category where Meta
/// gives a cost.
fn compare_costs(
    catalog: &Catalog,
    scenario: &Scenario,
    meta_cost: &BTreeMap<(String, LineCategory), (u64, Decimal)>,
) -> Result<Costs, Vec<String>> {
    let estimate = estimate_with(catalog, scenario).map_err(|e| e.grouped_lines())?;
    let mut by_market: BTreeMap<(String, LineCategory), (u64, Decimal, Decimal)> = BTreeMap::new();
    for ((country, category), (volume, cost)) in meta_cost {
        let Some(market) = estimate
            .markets
            .iter()
            .find(|m| m.countries.contains(country))
        else {
            continue;
        };
        let wacost = market
            .categories
            .iter()
            .filter(|c| {
                c.category == category.category()
                    || (*category == LineCategory::Authentication
                        && c.category == crate::category::Category::AuthenticationInternational)
            })
            .map(|c| c.amount.value())
            .sum::<Decimal>();
        let entry = by_market
            .entry((market.market.clone(), *category))
            .or_insert((0, Decimal::ZERO, wacost));
        entry.0 += volume;
        entry.1 += cost;
    }
    let rows: Vec<CostRow> = by_market
        .into_iter()
        .map(|((market, category), (volume, meta, wacost))| CostRow {
            market,
            category,
            volume,
            meta_cost: Amount::new(meta),
            wacost: Amount::new(wacost),
            difference: Amount::new(wacost - meta),
        })
        .collect();
    let meta: Decimal = rows.iter().map(|r| r.meta_cost.value()).sum();
    let wacost: Decimal = rows.iter().map(|r| r.wacost.value()).sum();
    Ok(Costs {
        rows,
        meta_cost: Amount::new(meta),
        wacost: Amount::new(wacost),
        difference: Amount::new(wacost - meta),
    })
}
