//! From a scenario to what pricing needs: the rules, the card, and each line's market.
//! Everything that can be wrong with the choice of card or destination is found here, before
//! anything is priced, and reported all together.

use super::rates::{MarketPrices, Rates};
use crate::catalog::{CardWanted, Catalog, LookupError, RateCard};
use crate::scenario::{
    ErrorKind, FieldError, FieldPath, Line, LineField, Month, RulesVersion, Scenario, Setting,
};
use chrono::NaiveDate;
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

impl Resolved<'_> {
    /// The market of line `index`.
    pub fn market(&self, index: usize) -> &str {
        self.line_market
            .get(index)
            .and_then(|&i| self.names.get(i))
            .map_or("", String::as_str)
    }
}

/// Rules and card set from outside the scenario (by `compare`), without cloning it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Choice {
    pub rules: Option<RulesVersion>,
    pub rate_card: Option<NaiveDate>,
}

/// Chooses rules, card and markets, or lists everything that prevents it.
pub fn resolve<'a>(
    catalog: &'a Catalog,
    scenario: &'a Scenario,
    choice: Choice,
) -> Result<Resolved<'a>, Vec<FieldError>> {
    let currency = scenario.currency.as_str();
    if let Err(error) = catalog.has_currency(currency) {
        return Err(vec![FieldError::new(Setting::Currency, error)]);
    }
    let mut errors = Vec::new();
    let rules = choose_rules(scenario, choice.rules.or(scenario.rules), &mut errors);
    let card = choose_card(
        catalog,
        scenario,
        choice.rate_card.or(scenario.rate_card),
        &mut errors,
    );
    let (Some(rules), Some(card)) = (rules, card) else {
        return Err(errors);
    };
    let rates = Rates {
        card,
        tiers: catalog.tier_cards().iter().find(|t| t.id == card.id),
        custom_rates: &scenario.custom_rates,
        custom_tiers: &scenario.custom_tiers,
    };
    let mut lines = LineMarkets::new(catalog, rules, rates);
    let line_market = scenario
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| lines.place(index, line, &mut errors))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Resolved {
        rules,
        card,
        month: scenario.month,
        names: lines.names,
        line_market,
        prices: lines.prices,
        rates,
    })
}

/// The rules chosen, or those in force in the month. A month before every rules version is
/// an error even when rules are chosen: no card of that time can be trusted.
fn choose_rules(
    scenario: &Scenario,
    chosen: Option<RulesVersion>,
    errors: &mut Vec<FieldError>,
) -> Option<RulesVersion> {
    let of_month = scenario
        .month
        .map(|month| RulesVersion::for_month(month.year, month.month));
    match (chosen, of_month) {
        (Some(rules), Some(Err(error))) => {
            errors.push(FieldError::new(Setting::Month, error));
            Some(rules)
        }
        (Some(rules), _) => Some(rules),
        (None, Some(Ok(rules))) => Some(rules),
        (None, Some(Err(error))) => {
            errors.push(FieldError::new(Setting::Month, error));
            None
        }
        (None, None) => {
            errors.push(FieldError::new(Setting::Month, ErrorKind::MonthRequired));
            None
        }
    }
}

/// The card chosen by its date, or the one in force on the 1st of the month.
fn choose_card<'a>(
    catalog: &'a Catalog,
    scenario: &Scenario,
    chosen: Option<NaiveDate>,
    errors: &mut Vec<FieldError>,
) -> Option<&'a RateCard> {
    let wanted = match (chosen, scenario.month.and_then(Month::first_day)) {
        (Some(date), _) => CardWanted::TakesEffect(date),
        (None, Some(first)) => CardWanted::InForceOn(first),
        (None, None) => return None,
    };
    catalog
        .choose_card(&scenario.currency, wanted)
        .map_err(|error| errors.push(FieldError::new(Setting::RateCard, error)))
        .ok()
}

/// Each line's market, and the prices of each distinct market, looked up once: scenarios
/// repeat a few destinations over many lines.
struct LineMarkets<'a> {
    catalog: &'a Catalog,
    rules: RulesVersion,
    rates: Rates<'a>,
    date: NaiveDate,
    /// Each country's market, and that market's place in `names` once it has one. A handful
    /// of distinct countries: a short list beats hashing every line's code.
    by_country: Vec<(&'a str, Result<&'a str, LookupError>, Option<usize>)>,
    /// Each market name given, and its market's place in `names` (none when unknown).
    by_name: HashMap<&'a str, Option<usize>>,
    names: Vec<String>,
    prices: Vec<MarketPrices<'a>>,
    /// Why the lines of each market cannot be priced, once found: it depends only on the
    /// market, so it is built once and copied for its other lines.
    unpriced: Vec<Option<Option<ErrorKind>>>,
    /// Meta's markets on the card's date, listed once for every unknown market named.
    table: Option<Vec<String>>,
}

impl<'a> LineMarkets<'a> {
    fn new(catalog: &'a Catalog, rules: RulesVersion, rates: Rates<'a>) -> LineMarkets<'a> {
        LineMarkets {
            catalog,
            rules,
            rates,
            date: rates.card.id.effective,
            by_country: Vec::new(),
            by_name: HashMap::new(),
            names: Vec::new(),
            prices: Vec::new(),
            unpriced: Vec::new(),
            table: None,
        }
    }

    /// The place in `names` of the line's market (`usize::MAX` when it has none), with what
    /// is wrong with it pushed to `errors`.
    fn place(&mut self, index: usize, line: &'a Line, errors: &mut Vec<FieldError>) -> usize {
        let found = match (&line.country, &line.market) {
            (Some(country), _) => self.by_country(index, country),
            (None, Some(name)) => self.by_name(index, name),
            (None, None) => Err(FieldError::new(
                FieldPath::line(index),
                ErrorKind::NotOneDestination,
            )),
        };
        match found {
            Ok(position) => {
                if let Some(kind) = self.unpriced(position) {
                    errors.push(FieldError::new(FieldPath::line(index), kind));
                }
                position
            }
            Err(error) => {
                errors.push(error);
                usize::MAX
            }
        }
    }

    /// The market of a country, looked up on the country's first line.
    fn by_country(&mut self, index: usize, country: &'a str) -> Result<usize, FieldError> {
        let known = self
            .by_country
            .iter()
            .position(|(c, _, _)| c.as_bytes().iter().eq(country.as_bytes()));
        let at = known.unwrap_or_else(|| {
            let found = self.catalog.market_of_country(country, self.date);
            self.by_country.push((country, found, None));
            self.by_country.len() - 1
        });
        let Some(&(_, ref market, position)) = self.by_country.get(at) else {
            return Err(FieldError::new(
                FieldPath::line(index),
                ErrorKind::NotOneDestination,
            ));
        };
        let market = match market {
            Ok(market) => *market,
            Err(error) => {
                return Err(FieldError::new(
                    FieldPath::line_field(index, LineField::Country),
                    error.clone(),
                ))
            }
        };
        let position = position.unwrap_or_else(|| self.position_of(market));
        if let Some(entry) = self.by_country.get_mut(at) {
            entry.2 = Some(position);
        }
        Ok(position)
    }

    /// The market of a name: one of Meta's table (in Meta's spelling) or of the user's own
    /// rates and ladders.
    fn by_name(&mut self, index: usize, name: &'a str) -> Result<usize, FieldError> {
        let position = match self.by_name.get(name) {
            Some(position) => *position,
            None => {
                let rates = self.rates;
                let market = self.catalog.market_name(name, self.date).or_else(|| {
                    rates
                        .custom_rates
                        .iter()
                        .map(|r| &r.market)
                        .chain(rates.custom_tiers.iter().map(|t| &t.market))
                        .find(|m| m.eq_ignore_ascii_case(name))
                        .cloned()
                });
                let position = market.map(|market| self.position_of(&market));
                self.by_name.insert(name, position);
                position
            }
        };
        position.ok_or_else(|| {
            let (catalog, date) = (self.catalog, self.date);
            let markets = self
                .table
                .get_or_insert_with(|| catalog.market_table_on(date).markets())
                .clone();
            FieldError::new(
                FieldPath::line_field(index, LineField::Market),
                ErrorKind::UnknownMarket {
                    name: name.to_string(),
                    date,
                    markets,
                },
            )
        })
    }

    /// The place of a market in `names`, its prices looked up on first sight.
    fn position_of(&mut self, market: &str) -> usize {
        if let Some(position) = self.names.iter().position(|n| n == market) {
            return position;
        }
        self.prices.push(self.rates.market_prices(market));
        self.names.push(market.to_string());
        self.unpriced.push(None);
        self.names.len() - 1
    }

    /// Why the lines of the market at `position` cannot be priced, if they cannot.
    fn unpriced(&mut self, position: usize) -> Option<ErrorKind> {
        let (rules, card) = (self.rules, self.rates.card);
        let known = self
            .prices
            .get(position)
            .is_some_and(MarketPrices::knows_market);
        let market = self.names.get(position)?;
        let slot = self.unpriced.get_mut(position)?;
        slot.get_or_insert_with(|| {
            if rules == RulesVersion::Mx2021_02 && market != "Mexico" {
                Some(ErrorKind::OnlyMexico {
                    market: market.clone(),
                })
            } else if !known {
                Some(ErrorKind::MarketNotOnCard {
                    market: market.clone(),
                    currency: card.id.currency.clone(),
                    card: card.id.effective,
                    partial: !card.declared_complete(),
                })
            } else {
                None
            }
        })
        .clone()
    }
}
