//! The prices a scenario's markets are charged at: the card's rates and published ladders,
//! with the user's custom rates and ladders on top. Looked up once per market by `resolve`,
//! read by `price`.

use crate::catalog::{Band, Ladder, RateCard, TierCard};
use crate::category::Category;
use crate::scenario::{CustomRate, CustomTier};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One market's rates and ladders, custom ones taking precedence, indexed by category.
#[derive(Clone, Default)]
pub struct MarketPrices<'a> {
    /// In the order of `Category::ALL`, whose place is `category as usize`.
    categories: [CategoryPrices<'a>; Category::ALL.len()],
}

/// The prices of one category of a market.
#[derive(Clone, Default)]
struct CategoryPrices<'a> {
    /// The list rate and whether it is the user's.
    rate: Option<(Decimal, bool)>,
    ladder: Option<LadderSource<'a>>,
    custom_ladder: bool,
}

impl<'a> MarketPrices<'a> {
    fn of(&self, category: Category) -> Option<&CategoryPrices<'a>> {
        self.categories.get(category as usize)
    }

    fn of_mut(&mut self, category: Category) -> Option<&mut CategoryPrices<'a>> {
        self.categories.get_mut(category as usize)
    }

    /// The list rate and whether it is the user's.
    pub fn rate(&self, category: Category) -> Option<(Decimal, bool)> {
        self.of(category)?.rate
    }

    /// The ladder of a tiered category (see `Rates::ladder`).
    pub fn ladder(&self, category: Category) -> Option<&LadderSource<'a>> {
        self.of(category)?.ladder.as_ref()
    }

    pub fn is_custom_ladder(&self, category: Category) -> bool {
        self.of(category).is_some_and(|c| c.custom_ladder)
    }

    /// Whether anything prices this market: a rate on the card, a custom rate or ladder.
    pub fn knows_market(&self) -> bool {
        self.categories
            .iter()
            .any(|c| c.rate.is_some() || c.custom_ladder)
    }
}

/// Rate and ladder lookup with the user's custom rates taking precedence over the card's.
#[derive(Clone, Copy)]
pub struct Rates<'a> {
    pub card: &'a RateCard,
    /// The ladders published for this very card, if any.
    pub tiers: Option<&'a TierCard>,
    pub custom_rates: &'a [CustomRate],
    pub custom_tiers: &'a [CustomTier],
}

/// A ladder either published by Meta or supplied by the user.
#[derive(Clone)]
pub enum LadderSource<'a> {
    Published(&'a Ladder),
    Custom(Ladder),
}

impl LadderSource<'_> {
    pub fn ladder(&self) -> &Ladder {
        match self {
            LadderSource::Published(ladder) => ladder,
            LadderSource::Custom(ladder) => ladder,
        }
    }
}

/// The user's rates and ladders by market (in lower case), each as its places in
/// `custom_rates` and `custom_tiers`: a scenario may give thousands, and every market looks
/// up its own rather than walking them all.
#[derive(Default)]
pub struct CustomByMarket {
    entries: HashMap<String, (Vec<usize>, Vec<usize>)>,
}

impl CustomByMarket {
    pub fn new(rates: &Rates) -> CustomByMarket {
        let mut entries: HashMap<String, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for (at, rate) in rates.custom_rates.iter().enumerate() {
            let key = rate.market.to_ascii_lowercase();
            entries.entry(key).or_default().0.push(at);
        }
        for (at, tier) in rates.custom_tiers.iter().enumerate() {
            let key = tier.market.to_ascii_lowercase();
            entries.entry(key).or_default().1.push(at);
        }
        CustomByMarket { entries }
    }

    /// The first spelling the user gave a market, in their rates and then their ladders.
    pub fn spelling<'r>(&self, rates: &Rates<'r>, name: &str) -> Option<&'r str> {
        let (in_rates, in_tiers) = self.entries.get(&name.to_ascii_lowercase())?;
        let rate = in_rates
            .first()
            .and_then(|&at| rates.custom_rates.get(at))
            .map(|r| r.market.as_str());
        rate.or_else(|| {
            in_tiers
                .first()
                .and_then(|&at| rates.custom_tiers.get(at))
                .map(|t| t.market.as_str())
        })
    }

    fn of(&self, market: &str) -> (&[usize], &[usize]) {
        self.entries
            .get(&market.to_ascii_lowercase())
            .map_or((&[], &[]), |(r, t)| (r.as_slice(), t.as_slice()))
    }
}

impl<'a> Rates<'a> {
    /// A market's rates and ladders: one ordered walk over the card's rates and ladders of the
    /// market, then the user's entries on top. A custom rate replaces the card's and drops
    /// Meta's ladder (Meta's bands were published for Meta's list rate); a custom ladder prices
    /// a tiered category whatever the rate. The first entry of a market and category counts.
    pub fn market_prices(&self, market: &str, custom: &CustomByMarket) -> MarketPrices<'a> {
        let mut prices = MarketPrices::default();
        for (category, rate) in self.card.rates_of(market) {
            if let Some(slot) = prices.of_mut(category) {
                slot.rate = Some((rate.rate, false));
            }
        }
        if let Some(tiers) = self.tiers {
            for (category, ladder) in tiers.ladders_of(market) {
                if let Some(slot) = prices
                    .of_mut(category)
                    .filter(|_| category.tier_family().is_some())
                {
                    slot.ladder = Some(LadderSource::Published(ladder));
                }
            }
        }
        let (own_rates, own_tiers) = custom.of(market);
        // Last to first, so that the first entry is the one left standing; ladders after rates,
        // so that a custom ladder is kept whatever rate comes with it.
        for custom in own_rates
            .iter()
            .rev()
            .filter_map(|&at| self.custom_rates.get(at))
        {
            if let Some(slot) = prices.of_mut(custom.category) {
                slot.rate = Some((custom.rate, true));
                slot.ladder = None;
            }
        }
        for custom in own_tiers
            .iter()
            .rev()
            .filter_map(|&at| self.custom_tiers.get(at))
        {
            if let Some(slot) = prices.of_mut(custom.category) {
                slot.custom_ladder = true;
                if custom.category.tier_family().is_some() {
                    slot.ladder = Some(LadderSource::Custom(custom_ladder(market, custom)));
                }
            }
        }
        prices
    }

    /// Whether anything (the card, its ladders, a custom rate or ladder) prices this category in
    /// some market. When nothing does, the rules and the card are of different eras, and one
    /// error says so instead of one per line.
    pub fn prices_category(&self, category: Category) -> bool {
        self.card.has_category(category)
            || self.custom_rates.iter().any(|r| r.category == category)
            || self.custom_tiers.iter().any(|t| t.category == category)
            || self
                .tiers
                .is_some_and(|t| t.ladders.keys().any(|(_, c)| *c == category))
    }
}

/// A user's ladder in the catalog's shape: bands numbered from 1, each starting after the last.
fn custom_ladder(market: &str, custom: &CustomTier) -> Ladder {
    let mut bands = Vec::with_capacity(custom.bands.len());
    let mut from = 1u64;
    for (index, band) in custom.bands.iter().enumerate() {
        bands.push(Band {
            tier: u8::try_from(index + 1).unwrap_or(u8::MAX),
            from,
            from_printed: from,
            to: band.to,
            rate: band.rate,
            printed: band.rate.to_string(),
            discount: None,
        });
        from = band.to.map_or(u64::MAX, |to| to.saturating_add(1));
    }
    Ladder {
        market: market.to_string(),
        category: custom.category,
        bands,
        source: "custom_tiers".into(),
    }
}
