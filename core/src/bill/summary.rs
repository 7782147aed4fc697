//! Aggregated counters of a bill: per month, market and category, shaped like the Estimate
//! (docs/log.md, "The bill"). Adding a message is O(1); nothing per message is kept.

use super::classify::{Free, Outcome, Priced, Unpriced};
use crate::money::to_plain_string;
use crate::scenario::RulesVersion;
use crate::Category;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A bound on the rates a bill adds up: every rate of the built-in catalog, scaled to the
/// catalog's largest number of decimals, is below it (a test checks the data).
pub const MAX_RATE_UNITS: u128 = 1 << 32;

#[derive(Debug, Clone, Default, PartialEq)]
struct BandAcc {
    from: Option<u64>,
    to: Option<u64>,
    count: u64,
    amount: Decimal,
}

/// Rate card, tier and rate of a band.
type BandKey = (NaiveDate, Option<u8>, Decimal);

/// The band of `key`, added in key order if new. Keys equal as numbers are one band (the
/// first spelling kept), exactly as in an ordered map.
fn band_mut(bands: &mut Vec<(BandKey, BandAcc)>, key: BandKey) -> &mut BandAcc {
    let raw = key.2.serialize();
    let at = match bands
        .iter()
        .position(|(k, _)| k.0 == key.0 && k.1 == key.1 && k.2.serialize() == raw)
    {
        Some(at) => at,
        None => match bands.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(at) => at,
            Err(at) => {
                bands.insert(at, (key, BandAcc::default()));
                at
            }
        },
    };
    &mut bands[at].1
}

#[derive(Debug, Clone, Default, PartialEq)]
struct CategoryAcc {
    messages: u64,
    delivered: u64,
    window: u64,
    entry_point: u64,
    allowance: u64,
    charged: u64,
    amount: Decimal,
    /// Sorted by key, as a map would be; a category has a handful of bands, and finding one
    /// by comparing raw bytes first is cheaper than a map search comparing decimals.
    bands: Vec<(BandKey, BandAcc)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct MonthAcc {
    failed: u64,
    undeliverable: u64,
    unpriceable: u64,
    eras: BTreeSet<RulesVersion>,
    cards: BTreeSet<NaiveDate>,
}

/// The running totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Sorted by month. Messages come in time order, so the month wanted is nearly always the
    /// last one: a look at it replaces a map search on every message.
    months: Vec<((i32, u32), MonthAcc)>,
    categories: HashMap<((i32, u32), u16, Category), CategoryAcc>,
    /// By the reason's English sentence (the order warnings list them in), with the reason.
    unpriceable: BTreeMap<String, (Unpriced, u64)>,
    pub outbound: u64,
}

fn month_of(date: NaiveDate) -> (i32, u32) {
    use chrono::Datelike;
    (date.year(), date.month())
}

impl Summary {
    fn month_acc(&mut self, month: (i32, u32)) -> &mut MonthAcc {
        let at = match self.months.last() {
            Some((last, _)) if *last == month => self.months.len() - 1,
            _ => match self.months.binary_search_by_key(&month, |(m, _)| *m) {
                Ok(at) => at,
                Err(at) => {
                    self.months.insert(at, (month, MonthAcc::default()));
                    at
                }
            },
        };
        &mut self.months[at].1
    }

    /// Adds a message. Its amount is one rate of the built-in catalog (a log brings no rates
    /// of its own), and every such rate, at the catalog's largest number of decimals, is
    /// below `MAX_RATE_UNITS` (2^32, checked by `catalog_validation`): fewer than 2^64
    /// messages, the most a u64 counts, sum below 2^96 at that scale, so every `+=` of an
    /// amount below is exact and cannot overflow. The counters count messages: below 2^64.
    pub fn add(&mut self, p: &Priced) {
        self.outbound += 1;
        let month = month_of(p.date);
        let acc = self.month_acc(month);
        if let Some(era) = p.era {
            if acc.eras.last() != Some(&era) {
                acc.eras.insert(era);
            }
        }
        if let Some(card) = p.card {
            if acc.cards.last() != Some(&card) {
                acc.cards.insert(card);
            }
        }
        match &p.outcome {
            Outcome::Failed => {
                acc.failed += 1;
                return;
            }
            Outcome::Undeliverable => {
                acc.undeliverable += 1;
                return;
            }
            Outcome::Unpriceable(reason) => {
                acc.unpriceable += 1;
                self.unpriceable
                    .entry(reason.to_string())
                    .or_insert_with(|| (reason.clone(), 0))
                    .1 += 1;
                return;
            }
            _ => {}
        }
        let (Some(market), Some(category)) = (p.market, p.summary_category) else {
            return;
        };
        let c = self
            .categories
            .entry((month, market, category))
            .or_default();
        c.messages += 1;
        // The unit is a message under per-message rules, a conversation under conversation
        // rules (only its opening message counts).
        let unit = p.era.is_some_and(|e| !e.counts_conversations()) || p.opened;
        if !unit {
            return;
        }
        c.delivered += 1;
        match p.outcome {
            Outcome::Charged => {
                c.charged += 1;
                c.amount += p.amount;
                if let (Some(card), Some(rate)) = (p.card, p.rate) {
                    let band = band_mut(&mut c.bands, (card, p.tier, rate));
                    band.from = p.band.map(|b| b.0);
                    band.to = p.band.and_then(|b| b.1);
                    band.count += 1;
                    band.amount += p.amount;
                }
            }
            Outcome::Free(Some(Free::Window)) => c.window += 1,
            Outcome::Free(Some(Free::EntryPoint)) => c.entry_point += 1,
            Outcome::Free(Some(Free::Allowance)) => c.allowance += 1,
            _ => {}
        }
    }

    /// The total charge.
    pub fn total(&self) -> Decimal {
        self.categories.values().map(|c| c.amount).sum()
    }

    /// Charged units (messages, or conversations under conversation rules) over the log.
    pub fn charged(&self) -> u64 {
        self.categories.values().map(|c| c.charged).sum()
    }

    /// Reasons some delivered messages could not be priced, with their counts.
    pub fn unpriceable_reasons(&self) -> impl Iterator<Item = (&String, &u64)> {
        self.unpriceable
            .iter()
            .map(|(text, (_, count))| (text, count))
    }

    /// The same, typed.
    pub fn unpriced(&self) -> impl Iterator<Item = (&Unpriced, u64)> {
        self.unpriceable
            .values()
            .map(|(reason, count)| (reason, *count))
    }

    /// The serialisable report of the months; `markets` names market indexes.
    pub fn months(&self, markets: &[String]) -> Vec<MonthReport> {
        type ByMarket<'a> = BTreeMap<&'a str, Vec<(Category, &'a CategoryAcc)>>;
        let mut by_month: BTreeMap<(i32, u32), ByMarket> = BTreeMap::new();
        for ((month, market, category), acc) in &self.categories {
            let name = markets.get(*market as usize).map_or("?", String::as_str);
            by_month
                .entry(*month)
                .or_default()
                .entry(name)
                .or_default()
                .push((*category, acc));
        }
        self.months
            .iter()
            .map(|(month, m)| {
                let markets: Vec<MarketReport> = by_month
                    .remove(month)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(market, mut cats)| {
                        cats.sort_by_key(|(c, _)| *c);
                        let categories: Vec<CategoryReport> = cats
                            .into_iter()
                            .map(|(c, acc)| category_report(c, acc))
                            .collect();
                        let amount: Decimal = categories.iter().map(|c| c.amount_value).sum();
                        MarketReport {
                            market: market.to_string(),
                            amount: to_plain_string(amount, 2),
                            categories,
                        }
                    })
                    .collect();
                let total = self
                    .categories
                    .iter()
                    .filter(|((mm, _, _), _)| mm == month)
                    .map(|(_, c)| c.amount)
                    .sum();
                MonthReport {
                    month: format!("{:04}-{:02}", month.0, month.1),
                    rules: m.eras.iter().map(|e| e.as_str()).collect(),
                    rate_cards: m.cards.iter().map(|d| d.to_string()).collect(),
                    markets,
                    failed: m.failed,
                    undeliverable: m.undeliverable,
                    unpriceable: m.unpriceable,
                    meta_total: to_plain_string(total, 2),
                    meta_total_value: total,
                }
            })
            .collect()
    }
}

fn category_report(category: Category, acc: &CategoryAcc) -> CategoryReport {
    CategoryReport {
        category: category.as_str(),
        messages: acc.messages,
        delivered: acc.delivered,
        free: FreeReport {
            window: acc.window,
            entry_point: acc.entry_point,
            allowance: acc.allowance,
        },
        charged: acc.charged,
        bands: acc
            .bands
            .iter()
            .map(|((card, tier, rate), b)| BandReport {
                rate_card: card.to_string(),
                tier: *tier,
                from: b.from,
                to: b.to,
                count: b.count,
                rate: to_plain_string(*rate, 2),
                amount: to_plain_string(b.amount, 2),
            })
            .collect(),
        amount: to_plain_string(acc.amount, 2),
        amount_value: acc.amount,
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MonthReport {
    pub month: String,
    pub rules: Vec<&'static str>,
    pub rate_cards: Vec<String>,
    pub markets: Vec<MarketReport>,
    /// Outbound messages that failed (never charged).
    pub failed: u64,
    /// Free-form messages sent with no customer service window open (refused by WhatsApp).
    pub undeliverable: u64,
    /// Delivered messages we could not price (see warnings).
    pub unpriceable: u64,
    pub meta_total: String,
    #[serde(skip)]
    pub meta_total_value: Decimal,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MarketReport {
    pub market: String,
    pub amount: String,
    pub categories: Vec<CategoryReport>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CategoryReport {
    pub category: &'static str,
    /// Delivered messages counted in this category (under conversation rules, the messages
    /// of its conversations).
    pub messages: u64,
    /// Messages (per-message rules) or conversations opened (conversation rules).
    pub delivered: u64,
    pub free: FreeReport,
    pub charged: u64,
    pub bands: Vec<BandReport>,
    pub amount: String,
    #[serde(skip)]
    pub amount_value: Decimal,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FreeReport {
    pub window: u64,
    pub entry_point: u64,
    pub allowance: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BandReport {
    pub rate_card: String,
    /// Volume tier (1-6) for tiered categories; absent for untiered ones.
    pub tier: Option<u8>,
    pub from: Option<u64>,
    pub to: Option<u64>,
    pub count: u64,
    pub rate: String,
    pub amount: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_stay_in_key_order_and_equal_rates_share_one_band() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
        let rate = |text: &str| text.parse::<Decimal>().unwrap();
        let mut bands = Vec::new();
        for (card, tier, r) in [
            (d(1), Some(2), "0.0080"),
            (d(1), Some(1), "0.0100"),
            (d(1), Some(2), "0.008"),
            (d(1), None, "0.0100"),
        ] {
            band_mut(&mut bands, (card, tier, rate(r))).count += 1;
        }
        let got: Vec<(Option<u8>, String, u64)> = bands
            .iter()
            .map(|((_, tier, r), b)| (*tier, r.to_string(), b.count))
            .collect();
        assert_eq!(
            got,
            vec![
                (None, "0.0100".to_string(), 1),
                (Some(1), "0.0100".to_string(), 1),
                (Some(2), "0.0080".to_string(), 2),
            ]
        );
    }
}
