//! Volume-tier ladders (docs/rules.md TIER-5, TIER-6): six bands per market and tiered category,
//! priced telescopically with the rates Meta publishes for each band.

use super::error::DataError;
use super::rate_cards::{card_id_from_name, CardId};
use crate::category::Category;
use crate::csv::{self, Header};
use crate::money::parse_rate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// A tier file's columns, in order, named once for the reader and for `TierCard::bands_csv`,
/// which writes all but `discount` and `source`.
const COLUMNS: [&str; 10] = [
    "effective_date",
    "currency",
    "market",
    "category",
    "tier",
    "from",
    "to",
    "rate",
    "discount",
    "source",
];

/// One band: messages `from..=to` of the month (1-based; `to` None = open) at `rate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Band {
    pub tier: u8,
    pub from: u64,
    /// `from` as printed: Meta prints the first band from 0 although it covers message 1.
    pub from_printed: u64,
    pub to: Option<u64>,
    pub rate: Decimal,
    /// The rate exactly as the source printed it.
    pub printed: String,
    /// The discount printed beside the band, kept for display only: never used to compute.
    pub discount: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ladder {
    pub market: String,
    pub category: Category,
    pub bands: Vec<Band>,
    pub source: String,
}

/// The share of `count` messages that falls in one band, with its amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandUse {
    pub tier: u8,
    pub from: u64,
    pub to: Option<u64>,
    pub count: u64,
    pub rate: Decimal,
    pub amount: Decimal,
}

impl Ladder {
    /// Prices messages number `first..first+count` (1-based) of the month: each message at the
    /// band that contains its number (TIER-5). `first` lets a biller continue a month. None
    /// when a band's amount cannot be held exactly (`money::exact_mul`): never rounded.
    pub fn price(&self, first: u64, count: u64) -> Option<Vec<BandUse>> {
        let mut uses = Vec::new();
        if count == 0 {
            return Some(uses);
        }
        let last = first.saturating_add(count - 1);
        for band in &self.bands {
            let start = band.from.max(first);
            let end = band.to.unwrap_or(u64::MAX).min(last);
            if start > end {
                continue;
            }
            let in_band = end - start + 1;
            uses.push(BandUse {
                tier: band.tier,
                from: band.from,
                to: band.to,
                count: in_band,
                rate: band.rate,
                amount: crate::money::exact_mul(band.rate, Decimal::from(in_band))?,
            });
        }
        Some(uses)
    }

    /// The band that prices message number `ordinal` (1-based).
    pub fn band_for(&self, ordinal: u64) -> Option<&Band> {
        self.bands
            .iter()
            .find(|b| b.from <= ordinal && b.to.is_none_or(|to| ordinal <= to))
    }
}

/// All ladders of one (effective date, currency) tier file.
#[derive(Debug, Clone)]
pub struct TierCard {
    pub id: CardId,
    pub file: String,
    pub ladders: BTreeMap<(String, Category), Ladder>,
}

impl TierCard {
    /// The card's bands as CSV, one row per band (`effective_date,currency,market,category,
    /// tier,from,to,rate`, `from` as printed, empty `to` for the open band, the rate as
    /// printed).
    pub fn bands_csv(&self) -> String {
        let [date, currency, market, category, tier, from, to, rate, _discount, _source] = COLUMNS;
        let mut out = csv::record([date, currency, market, category, tier, from, to, rate]);
        let effective = self.id.effective.to_string();
        for ladder in self.ladders.values() {
            for band in &ladder.bands {
                let tier = band.tier.to_string();
                let from = band.from_printed.to_string();
                let to = band.to.map(|t| t.to_string()).unwrap_or_default();
                out.push_str(&csv::record([
                    effective.as_str(),
                    &self.id.currency,
                    &ladder.market,
                    ladder.category.as_str(),
                    &tier,
                    &from,
                    &to,
                    &band.printed,
                ]));
            }
        }
        out
    }

    /// Every ladder of a market, in category order.
    pub fn ladders_of<'s: 'm, 'm>(
        &'s self,
        market: &'m str,
    ) -> impl Iterator<Item = (Category, &'s Ladder)> + 'm {
        super::entries_of(&self.ladders, market)
    }

    /// Parses and checks a tier file: bands numbered 1, 2, … without gaps, the first starting
    /// at message 1 (Meta prints 0), each next one at the previous `to` + 1, thresholds
    /// increasing, only the last band open, no duplicate row.
    pub fn parse(file: &str, text: &str) -> Result<TierCard, DataError> {
        let id = card_id_from_name(file)?;
        let records = super::records(file, text)?;
        let (head, rows) = records
            .split_first()
            .ok_or_else(|| DataError::new(file, 0, "the file is empty"))?;
        let header = Header::new(head);
        let [date_i, currency_i, market_i, category_i, tier_i, from_i, to_i, rate_i, discount_i, source_i] =
            header
                .require(COLUMNS)
                .map_err(|missing| DataError::new(file, head.line, missing.to_string()))?;
        let mut ladders: BTreeMap<(String, Category), (Ladder, usize)> = BTreeMap::new();
        for record in rows {
            let at = |problem: String| DataError::new(file, record.line, problem);
            if record.cell(date_i) != id.effective.to_string()
                || record.cell(currency_i) != id.currency
            {
                return Err(at(format!(
                    "effective_date/currency `{} {}` differ from the file's card {}",
                    record.cell(date_i),
                    record.cell(currency_i),
                    id
                )));
            }
            let market = record.cell(market_i).to_string();
            if market.is_empty() {
                return Err(at("market is empty".into()));
            }
            let category_text = record.cell(category_i);
            let category = Category::parse(category_text)
                .filter(|c| c.tier_family().is_some())
                .ok_or_else(|| {
                    at(format!(
                        "category `{category_text}` is not a tiered category (utility, authentication, authentication_international)"
                    ))
                })?;
            let number = |index: usize, name: &str| -> Result<Option<u64>, DataError> {
                let text = record.cell(index);
                if text.is_empty() {
                    return Ok(None);
                }
                text.parse::<u64>()
                    .map(Some)
                    .map_err(|_| at(format!("{name} `{text}` is not a whole number")))
            };
            let tier = number(tier_i, "tier")?
                .filter(|t| (1..=u8::MAX as u64).contains(t))
                .ok_or_else(|| {
                    at(format!(
                        "tier `{}` is not a band number",
                        record.cell(tier_i)
                    ))
                })? as u8;
            let from = number(from_i, "from")?.ok_or_else(|| at("from is empty".into()))?;
            let to = number(to_i, "to")?;
            let printed = record.cell(rate_i).to_string();
            let rate = parse_rate(&printed).map_err(|p| at(format!("rate {p}")))?;
            let discount_text = record.cell(discount_i);
            let discount = if discount_text.is_empty() {
                None
            } else {
                let magnitude = discount_text.strip_prefix('-').unwrap_or(discount_text);
                let value = parse_rate(magnitude).map_err(|p| at(format!("discount {p}")))?;
                Some(if discount_text.starts_with('-') {
                    -value
                } else {
                    value
                })
            };
            let key = (market.clone(), category);
            let (ladder, _) = ladders.entry(key).or_insert_with(|| {
                (
                    Ladder {
                        market: market.clone(),
                        category,
                        bands: Vec::new(),
                        source: record.cell(source_i).to_string(),
                    },
                    record.line,
                )
            });
            if ladder.bands.iter().any(|b| b.tier == tier) {
                return Err(at(format!(
                    "duplicate row: {market} {category} tier {tier} appears twice"
                )));
            }
            let expected_tier = u8::try_from(ladder.bands.len())
                .ok()
                .and_then(|n| n.checked_add(1))
                .ok_or_else(|| at(format!("{market} {category}: more than 255 bands")))?;
            if tier != expected_tier {
                return Err(at(format!(
                    "{market} {category}: tier {tier} where tier {expected_tier} was expected (bands must come in order without gaps)"
                )));
            }
            let from_printed = from;
            let from = match ladder.bands.last() {
                None if from <= 1 => 1,
                None => {
                    return Err(at(format!(
                        "{market} {category}: the first band starts at {from}, not at 1 (or 0 as Meta prints it)"
                    )))
                }
                Some(previous) => match previous.to {
                    None => {
                        return Err(at(format!(
                            "{market} {category}: tier {tier} follows an open-ended band"
                        )))
                    }
                    Some(previous_to) if from == previous_to + 1 => from,
                    Some(previous_to) if from <= previous_to => {
                        return Err(at(format!(
                            "{market} {category}: tier {tier} starts at {from}, overlapping the previous band that ends at {previous_to}"
                        )))
                    }
                    Some(previous_to) => {
                        return Err(at(format!(
                            "{market} {category}: gap between bands: tier {tier} starts at {from}, the previous band ends at {previous_to}"
                        )))
                    }
                },
            };
            if let Some(to) = to {
                if to < from {
                    return Err(at(format!(
                        "{market} {category}: tier {tier} ends at {to}, before it starts ({from}): thresholds must increase"
                    )));
                }
            }
            ladder.bands.push(Band {
                tier,
                from,
                from_printed,
                to,
                rate,
                printed,
                discount,
            });
        }
        let mut checked = BTreeMap::new();
        for (key, (ladder, line)) in ladders {
            if ladder.bands.last().is_some_and(|b| b.to.is_some()) {
                return Err(DataError::new(
                    file,
                    line,
                    format!(
                        "{} {}: the last band must be open-ended (empty `to`)",
                        ladder.market, ladder.category
                    ),
                ));
            }
            checked.insert(key, ladder);
        }
        Ok(TierCard {
            id,
            file: file.to_string(),
            ladders: checked,
        })
    }
}
