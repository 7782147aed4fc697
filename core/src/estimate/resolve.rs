//! From a scenario to what pricing needs: the rules, the card, and each line's market.
//! Everything that can be wrong with the choice of card or destination is found here, before
//! anything is priced, and reported all together.

use super::rates::{CustomByMarket, MarketPrices, Rates};
use crate::catalog::{CardWanted, Catalog, LookupError, RateCard};
use crate::scenario::{
    ErrorKind, FieldError, FieldPath, Line, LineField, Month, RulesVersion, Scenario, Setting,
    MAX_LISTED_ERRORS,
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
    /// Whether each line's authentication is priced at the international rate: it depends on
    /// the line's market, not on the rules, so a comparison finds it once.
    pub international: Vec<bool>,
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
    let mut resolved = Resolved {
        rules,
        card,
        month: scenario.month,
        names: lines.names,
        line_market,
        prices: lines.prices,
        rates,
        international: Vec::new(),
    };
    resolved.international = super::international_lines(catalog, scenario, &resolved);
    Ok(resolved)
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
/// repeat a few destinations over many lines. Every lookup goes through a map, so a scenario
/// at the caps (100,000 lines, 2,000 markets of the user's own) is read in one pass.
struct LineMarkets<'a> {
    catalog: &'a Catalog,
    rules: RulesVersion,
    rates: Rates<'a>,
    custom: CustomByMarket,
    date: NaiveDate,
    /// Each country's market, and that market's place in `names` once it has one.
    by_country: HashMap<&'a str, (Result<&'a str, LookupError>, Option<usize>)>,
    /// Each market name given, and its market's place in `names` (none when unknown).
    by_name: HashMap<&'a str, Option<usize>>,
    /// Meta's markets on the card's date, by their name in lower case.
    meta_names: HashMap<String, String>,
    names: Vec<String>,
    /// Each market's place in `names`.
    places: HashMap<String, usize>,
    prices: Vec<MarketPrices<'a>>,
    /// Why the lines of each market cannot be priced, once found: it depends only on the
    /// market, so it is built once and copied for its other lines.
    unpriced: Vec<Option<Option<ErrorKind>>>,
    /// The closest names of each unknown name, found for the first `MAX_LISTED_ERRORS`
    /// unknown names (the errors of later ones are not listed).
    closest: HashMap<&'a str, Vec<String>>,
}

impl<'a> LineMarkets<'a> {
    fn new(catalog: &'a Catalog, rules: RulesVersion, rates: Rates<'a>) -> LineMarkets<'a> {
        let date = rates.card.id.effective;
        let meta_names = catalog
            .market_table_on(date)
            .markets()
            .into_iter()
            .map(|name| (name.to_ascii_lowercase(), name))
            .collect();
        LineMarkets {
            catalog,
            rules,
            rates,
            custom: CustomByMarket::new(&rates),
            date,
            by_country: HashMap::new(),
            by_name: HashMap::new(),
            meta_names,
            names: Vec::new(),
            places: HashMap::new(),
            prices: Vec::new(),
            unpriced: Vec::new(),
            closest: HashMap::new(),
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
        let (catalog, date) = (self.catalog, self.date);
        let (market, position) = self
            .by_country
            .entry(country)
            .or_insert_with(|| (catalog.market_of_country(country, date), None));
        let market = match market {
            Ok(market) => *market,
            Err(error) => {
                return Err(FieldError::new(
                    FieldPath::line_field(index, LineField::Country),
                    error.clone(),
                ))
            }
        };
        if let Some(position) = *position {
            return Ok(position);
        }
        let position = self.position_of(market);
        if let Some((_, slot)) = self.by_country.get_mut(country) {
            *slot = Some(position);
        }
        Ok(position)
    }

    /// The market of a name: one of Meta's table (in Meta's spelling) or of the user's own
    /// rates and ladders.
    fn by_name(&mut self, index: usize, name: &'a str) -> Result<usize, FieldError> {
        let position = match self.by_name.get(name) {
            Some(position) => *position,
            None => {
                let meta = self
                    .meta_names
                    .get(&name.trim().to_ascii_lowercase())
                    .cloned();
                let market =
                    meta.or_else(|| self.custom.spelling(&self.rates, name).map(str::to_string));
                let position = market.map(|market| self.position_of(&market));
                self.by_name.insert(name, position);
                position
            }
        };
        position.ok_or_else(|| {
            let closest = self.closest_to(name);
            FieldError::new(
                FieldPath::line_field(index, LineField::Market),
                ErrorKind::UnknownMarket {
                    name: name.to_string(),
                    date: self.date,
                    closest,
                },
            )
        })
    }

    /// The names of Meta's table closest to an unknown name, looked for once per name and
    /// only for the first `MAX_LISTED_ERRORS` names.
    fn closest_to(&mut self, name: &'a str) -> Vec<String> {
        if let Some(found) = self.closest.get(name) {
            return found.clone();
        }
        if self.closest.len() >= MAX_LISTED_ERRORS {
            return Vec::new();
        }
        let table = self.catalog.market_table_on(self.date).markets();
        let found: Vec<String> = crate::suggest::closest(name, table.iter().map(String::as_str), 3)
            .into_iter()
            .map(str::to_string)
            .collect();
        self.closest.insert(name, found.clone());
        found
    }

    /// The place of a market in `names`, its prices looked up on first sight.
    fn position_of(&mut self, market: &str) -> usize {
        if let Some(&position) = self.places.get(market) {
            return position;
        }
        self.prices
            .push(self.rates.market_prices(market, &self.custom));
        self.names.push(market.to_string());
        self.unpriced.push(None);
        let position = self.names.len() - 1;
        self.places.insert(market.to_string(), position);
        position
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
