//! From a scenario to what pricing needs: the rules, the card, and each line's market.
//! Everything that can be wrong with the choice of card or destination is found here, before
//! anything is priced, and reported all together.

use crate::catalog::{Catalog, Ladder, RateCard, TierCard};
use crate::category::Category;
use crate::scenario::{CustomRate, CustomTier, FieldError, Month, RulesVersion, Scenario};
use rust_decimal::Decimal;
use std::collections::HashMap;

#[derive(Clone)]
pub struct Resolved<'a> {
    pub rules: RulesVersion,
    pub card: &'a RateCard,
    pub month: Option<Month>,
    /// The distinct markets of the lines.
    pub names: Vec<String>,
    /// Index into `names` of each line's market.
    pub line_market: Vec<usize>,
    /// The rates and ladders of each market in `names`, looked up once: `compare` prices the
    /// same markets under every rules version.
    pub prices: Vec<MarketPrices<'a>>,
    pub rates: Rates<'a>,
}

/// One market's rates and ladders, custom ones taking precedence, indexed by category.
#[derive(Clone)]
pub struct MarketPrices<'a> {
    rate: [Option<(Decimal, bool)>; Category::ALL.len()],
    ladder: [Option<LadderSource<'a>>; Category::ALL.len()],
    custom_ladder: [bool; Category::ALL.len()],
}

impl<'a> MarketPrices<'a> {
    /// The list rate and whether it is the user's.
    pub fn rate(&self, category: Category) -> Option<(Decimal, bool)> {
        self.rate[category as usize]
    }

    /// The ladder of a tiered category (see `Rates::ladder`).
    pub fn ladder(&self, category: Category) -> Option<&LadderSource<'a>> {
        self.ladder[category as usize].as_ref()
    }

    pub fn is_custom_ladder(&self, category: Category) -> bool {
        self.custom_ladder[category as usize]
    }

    /// Whether anything prices this market: a rate on the card, a custom rate or ladder.
    fn knows_market(&self) -> bool {
        self.rate.iter().any(Option::is_some) || self.custom_ladder.contains(&true)
    }
}

impl Resolved<'_> {
    /// The market of line `index`.
    pub fn market(&self, index: usize) -> &str {
        self.line_market
            .get(index)
            .and_then(|&i| self.names.get(i))
            .map_or("", String::as_str)
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

impl<'a> Rates<'a> {
    /// A market's rates and ladders: one ordered walk over the card's rates and ladders of the
    /// market, then the user's entries on top. A custom rate replaces the card's and drops
    /// Meta's ladder (Meta's bands were published for Meta's list rate); a custom ladder prices
    /// a tiered category whatever the rate. The first entry of a market and category counts.
    pub fn market_prices(&self, market: &str) -> MarketPrices<'a> {
        let mut prices = MarketPrices {
            rate: [None; Category::ALL.len()],
            ladder: Default::default(),
            custom_ladder: [false; Category::ALL.len()],
        };
        for (category, rate) in self.card.rates_of(market) {
            prices.rate[category as usize] = Some((rate.rate, false));
        }
        if let Some(tiers) = self.tiers {
            for (category, ladder) in tiers.ladders_of(market) {
                if category.tier_family().is_some() {
                    prices.ladder[category as usize] = Some(LadderSource::Published(ladder));
                }
            }
        }
        let of_market = |m: &str| m.eq_ignore_ascii_case(market);
        // Last to first, so that the first entry is the one left standing; ladders after rates,
        // so that a custom ladder is kept whatever rate comes with it.
        for custom in self
            .custom_rates
            .iter()
            .rev()
            .filter(|r| of_market(&r.market))
        {
            let at = custom.category as usize;
            prices.rate[at] = Some((custom.rate, true));
            prices.ladder[at] = None;
        }
        for custom in self
            .custom_tiers
            .iter()
            .rev()
            .filter(|t| of_market(&t.market))
        {
            let at = custom.category as usize;
            prices.custom_ladder[at] = true;
            if custom.category.tier_family().is_some() {
                prices.ladder[at] = Some(LadderSource::Custom(custom_ladder(market, custom)));
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
        bands.push(crate::catalog::Band {
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

/// Rules and card set from outside the scenario (by `compare`), without cloning it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Choice {
    pub rules: Option<RulesVersion>,
    pub rate_card: Option<chrono::NaiveDate>,
}

/// Chooses rules, card and markets, or lists everything that prevents it.
pub fn resolve<'a>(
    catalog: &'a Catalog,
    scenario: &'a Scenario,
    choice: Choice,
) -> Result<Resolved<'a>, Vec<FieldError>> {
    let chosen_rules = choice.rules.or(scenario.rules);
    let chosen_card = choice.rate_card.or(scenario.rate_card);
    let mut errors = Vec::new();
    let currency = scenario.currency.as_str();
    let currencies = catalog.currencies();
    if !currencies.contains(&currency) {
        errors.push(FieldError::new(
            "currency",
            format!(
                "no rate card in {currency} in this build (Meta publishes a card per currency and we never convert; cards exist for {})",
                currencies.join(", ")
            ),
        ));
        return Err(errors);
    }
    let rules = match (chosen_rules, scenario.month) {
        (Some(rules), _) => Some(rules),
        (None, Some(month)) => match RulesVersion::for_month(month.year, month.month) {
            Ok(rules) => Some(rules),
            Err(message) => {
                errors.push(FieldError::new("month", message));
                None
            }
        },
        (None, None) => {
            errors.push(FieldError::new(
                "month",
                "is required unless both rules and rate_card are given",
            ));
            None
        }
    };
    if let (Some(month), Some(_)) = (scenario.month, chosen_rules) {
        if let Err(message) = RulesVersion::for_month(month.year, month.month) {
            errors.push(FieldError::new("month", message));
        }
    }
    let card = match (chosen_card, scenario.month.and_then(Month::first_day)) {
        (Some(date), _) => catalog.card(currency, date).or_else(|| {
            let dates: Vec<String> = catalog
                .cards()
                .iter()
                .filter(|c| c.id.currency == currency)
                .map(|c| c.id.effective.to_string())
                .collect();
            errors.push(FieldError::new(
                "rate_card",
                format!(
                    "no {currency} card takes effect on {date} (the {currency} cards in this build take effect on {})",
                    dates.join(", ")
                ),
            ));
            None
        }),
        (None, Some(first)) => catalog.card_in_force(currency, first).or_else(|| {
            errors.push(FieldError::new(
                "rate_card",
                format!("no {currency} card was in force on {first}; give rate_card to choose one"),
            ));
            None
        }),
        (None, None) => None,
    };
    let (Some(rules), Some(card)) = (rules, card) else {
        return Err(errors);
    };
    let rates = Rates {
        card,
        tiers: catalog.tier_cards().iter().find(|t| t.id == card.id),
        custom_rates: &scenario.custom_rates,
        custom_tiers: &scenario.custom_tiers,
    };
    let date = card.id.effective;
    // Scenarios repeat a few destinations over many lines: each is looked up once.
    // A handful of distinct countries: a short list beats hashing every line's code.
    // Each country's market, and that market's place in `names` once it has one.
    let mut by_country: Vec<(&str, Result<&'a str, String>, Option<usize>)> = Vec::new();
    let mut by_name: HashMap<&str, Option<String>> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut prices: Vec<MarketPrices> = Vec::new();
    let mut priced: Vec<bool> = Vec::new();
    // Why the lines of each market cannot be priced, once found.
    let mut unpriced: Vec<Option<String>> = Vec::new();
    let mut line_market = Vec::with_capacity(scenario.lines.len());
    for (index, line) in scenario.lines.iter().enumerate() {
        let mut country_slot = None;
        let market: Option<&str> = if let Some(country) = &line.country {
            let known = by_country
                .iter()
                .position(|(c, _, _)| c.as_bytes().iter().eq(country.as_bytes()));
            let at = known.unwrap_or_else(|| {
                let found = catalog
                    .market_of_country(country, date)
                    .map_err(|e| e.to_string());
                by_country.push((country.as_str(), found, None));
                by_country.len() - 1
            });
            country_slot = Some(at);
            match &by_country[at].1 {
                Ok(market) => Some(*market),
                Err(message) => {
                    errors.push(FieldError::new(
                        format!("lines[{index}].country"),
                        message.clone(),
                    ));
                    None
                }
            }
        } else if let Some(name) = &line.market {
            let found = by_name.entry(name.as_str()).or_insert_with(|| {
                catalog.market_name(name, date).or_else(|| {
                    rates
                        .custom_rates
                        .iter()
                        .map(|r| &r.market)
                        .chain(rates.custom_tiers.iter().map(|t| &t.market))
                        .find(|m| m.eq_ignore_ascii_case(name))
                        .cloned()
                })
            });
            if found.is_none() {
                let table = catalog.market_table_on(date).markets();
                errors.push(FieldError::new(
                    format!("lines[{index}].market"),
                    format!(
                        "\"{name}\" is not a market of Meta's table in force on {date} (markets: {}); a custom_rates entry can add one",
                        table.join(", ")
                    ),
                ));
            }
            found.as_deref()
        } else {
            errors.push(FieldError::new(
                format!("lines[{index}]"),
                "needs a country or a market",
            ));
            None
        };
        let Some(market) = market else {
            line_market.push(usize::MAX);
            continue;
        };
        let cached = country_slot.and_then(|at| by_country[at].2);
        let position = match cached.or_else(|| names.iter().position(|n| n == market)) {
            Some(position) => position,
            None => {
                let market_prices = rates.market_prices(market);
                priced.push(market_prices.knows_market());
                prices.push(market_prices);
                names.push(market.to_string());
                unpriced.push(None);
                names.len() - 1
            }
        };
        if let Some(at) = country_slot {
            by_country[at].2 = Some(position);
        }
        line_market.push(position);
        // The message depends only on the market: written once, copied for its other lines.
        let message = |cached: &mut Option<String>| -> String {
            cached
                .get_or_insert_with(|| {
                    if rules == RulesVersion::Mx2021_02 && market != "Mexico" {
                        format!(
                            "{market} cannot be priced under mx-2021-02: only messages to Mexico were in Meta's conversation test; other destinations were on template pricing, whose rates Meta never published"
                        )
                    } else {
                        format!(
                            "market {market} has no rates on the {} {} card{} (add a custom_rates entry to price it)",
                            card.id.currency,
                            card.id.effective,
                            if card.declared_complete {
                                ""
                            } else {
                                ", which this build holds only in part"
                            }
                        )
                    }
                })
                .clone()
        };
        if (rules == RulesVersion::Mx2021_02 && market != "Mexico") || !priced[position] {
            let message = message(&mut unpriced[position]);
            errors.push(FieldError {
                path: super::price::line_path(index),
                message,
            });
        }
    }
    if errors.is_empty() {
        Ok(Resolved {
            rules,
            card,
            month: scenario.month,
            names,
            line_market,
            prices,
            rates,
        })
    } else {
        Err(errors)
    }
}
