//! The catalog as plain data for JavaScript: which cards exist, a card's rates, where a
//! country or number is billed. Pure functions over `Catalog::builtin()` so they are tested
//! natively; `lib.rs` only converts to and from `JsValue`.

use crate::problem::Problem;
use chrono::NaiveDate;
use serde::Serialize;
use wacost_core::card_diff::{self, CardDiff, DiffError};
use wacost_core::catalog::{CardChoiceError, CardInfo, CardWanted, MarketMatch};
use wacost_core::currencies::{self, CurrencyCoverage};
use wacost_core::date::DateError;
use wacost_core::scenario::{ErrorKind, Month};
use wacost_core::Catalog;

/// One rate of a card, flattened so a table can be built without knowing the map's key shape.
#[derive(Debug, Clone, Serialize)]
pub struct RateRow {
    pub market: String,
    pub category: String,
    /// Exact decimal string, as normalised from the printed value.
    pub rate: String,
    pub printed: String,
    pub date_basis: String,
    pub source: String,
}

/// A whole card: its identity, whether our data holds all of it, and its rates.
#[derive(Debug, Clone, Serialize)]
pub struct CardRates {
    pub effective: NaiveDate,
    pub currency: String,
    pub complete: bool,
    pub missing_markets: Vec<String>,
    pub rates: Vec<RateRow>,
}

/// Parses a `YYYY-MM-DD` argument, naming the argument when it is not one.
pub fn parse_date(path: &str, text: &str) -> Result<NaiveDate, Problem> {
    wacost_core::date::parse_date(text.trim()).ok_or_else(|| {
        let error = DateError {
            text: text.to_string(),
        };
        Problem::of(path, &error, "not_a_date")
    })
}

/// The rates of the `currency` card that takes effect on `card`; without `card`, the card in
/// force on `today`. An unknown date is an error listing the real dates rather than a silent
/// substitution: a rate quoted from the wrong card is worse than none.
pub fn rates(
    card: Option<&str>,
    currency: Option<&str>,
    today: NaiveDate,
) -> Result<CardRates, Vec<Problem>> {
    let catalog = Catalog::builtin();
    let currency = currency.map(|c| c.trim().to_ascii_uppercase());
    let currency = currency.as_deref().unwrap_or("USD");
    let wanted = match card {
        Some(text) => CardWanted::TakesEffect(parse_date("card", text).map_err(|p| vec![p])?),
        None => CardWanted::InForceOn(today),
    };
    let found = catalog.choose_card(currency, wanted).map_err(|error| {
        let path = match error {
            CardChoiceError::UnknownCurrency { .. } => "currency",
            CardChoiceError::NoCardOnDate { .. } | CardChoiceError::NoCardInForce { .. } => "card",
        };
        vec![Problem::of(path, &error, error.tag())]
    })?;
    let info = catalog.card_info(found);
    Ok(CardRates {
        effective: found.id.effective,
        currency: found.id.currency.clone(),
        complete: info.complete,
        missing_markets: info.missing_markets,
        rates: found
            .rates
            .iter()
            .map(|((market, category), rate)| RateRow {
                market: market.clone(),
                category: category.as_str().to_string(),
                rate: rate.rate.to_string(),
                printed: rate.printed.clone(),
                date_basis: rate.date_basis.clone(),
                source: rate.source.clone(),
            })
            .collect(),
    })
}

/// Where a country (`IN`) or an E.164 number (`+91…`) is billed under the market table in
/// force on `date` (default `today`). A leading `+` or a digit means a number.
pub fn market(
    country_or_number: &str,
    date: Option<&str>,
    today: NaiveDate,
) -> Result<MarketMatch, Vec<Problem>> {
    let date = match date {
        Some(text) => parse_date("date", text).map_err(|p| vec![p])?,
        None => today,
    };
    let catalog = Catalog::builtin();
    let query = country_or_number.trim();
    let is_number = query.starts_with('+') || query.starts_with(|c: char| c.is_ascii_digit());
    let found = if is_number {
        catalog.market_for_number(query, date)
    } else {
        catalog.market_for_country(query, date)
    };
    found.map_err(|e| vec![Problem::of("countryOrNumber", &e, e.tag())])
}

/// Every card we hold, with its completeness, so a caller can tell a partial card from a full one.
pub fn cards() -> Vec<CardInfo> {
    Catalog::builtin().card_infos()
}

/// What each of Meta's sixteen billing currencies can price in `month` (`YYYY-MM`), from the
/// small index of cards.
pub fn currencies(month: &str) -> Result<Vec<CurrencyCoverage>, Vec<Problem>> {
    let month: Month = month.trim().parse().map_err(|error| {
        vec![Problem::of(
            "month",
            &ErrorKind::NotAMonth(error),
            "not_a_month",
        )]
    })?;
    currencies::currencies(month).map_err(|error| {
        let kind = error.tag();
        vec![Problem::of("month", &error, kind)]
    })
}

/// What changed from the `currency` card of `old` to the one of `new` (dates `YYYY-MM-DD`);
/// with a scenario (JSON text), its bill on both with the same rules.
pub fn card_diff(
    old: &str,
    new: &str,
    currency: Option<&str>,
    scenario_json: Option<&str>,
) -> Result<CardDiff, Vec<Problem>> {
    let old = parse_date("from", old).map_err(|p| vec![p])?;
    let new = parse_date("to", new).map_err(|p| vec![p])?;
    let currency = currency.map(|c| c.trim().to_ascii_uppercase());
    let currency = currency.as_deref().unwrap_or("USD");
    let scenario = match scenario_json {
        Some(json) => Some(crate::scenario_input::scenario_of(json)?),
        None => None,
    };
    card_diff::card_diff(currency, old, new, scenario.as_ref()).map_err(|error| match error {
        DiffError::Card { which, error } => {
            let path = if which == "old" { "from" } else { "to" };
            let path = match error {
                CardChoiceError::UnknownCurrency { .. } => "currency",
                _ => path,
            };
            vec![Problem::of(path, &error, error.tag())]
        }
        DiffError::Scenario(errors) => errors.0.into_iter().map(Problem::from).collect(),
        currency @ DiffError::Currency { .. } => {
            vec![Problem::of(
                "scenario.currency",
                &currency,
                "currency_mismatch",
            )]
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_2026_10_usd_card_prices_rest_of_africa_marketing_at_its_printed_rate() {
        let card = rates(Some("2026-10-01"), Some("usd"), day("2026-11-22")).unwrap();
        assert_eq!(card.currency, "USD");
        assert_eq!(card.effective, day("2026-10-01"));
        let row = card
            .rates
            .iter()
            .find(|r| r.market == "Rest of Africa" && r.category == "marketing")
            .unwrap();
        assert_eq!(row.rate, "0.0225");
    }

    #[test]
    fn without_a_date_the_card_in_force_today_is_used() {
        let card = rates(None, None, day("2026-11-22")).unwrap();
        assert_eq!(card.effective, day("2026-10-01"));
    }

    #[test]
    fn an_unknown_card_date_lists_the_real_ones() {
        let problems = rates(Some("2026-10-02"), None, day("2026-11-22")).unwrap_err();
        assert_eq!(problems[0].path, "card");
        assert_eq!(problems[0].kind, "no_card_on_date");
        assert!(
            problems[0].message.starts_with(
                "no USD card takes effect on 2026-10-02 (the USD cards in this build take effect on 2021-02-01,"
            ),
            "{}",
            problems[0].message
        );
        let problems = rates(Some("1 Oct"), None, day("2026-11-22")).unwrap_err();
        assert_eq!(
            problems[0].message,
            "must be a date YYYY-MM-DD, got \"1 Oct\""
        );
        assert_eq!(problems[0].kind, "not_a_date");
        let problems = rates(None, Some("XYZ"), day("2026-11-22")).unwrap_err();
        assert_eq!(problems[0].path, "currency");
        assert_eq!(problems[0].kind, "unknown_currency");
        let problems = rates(None, Some("INR"), day("2021-06-01")).unwrap_err();
        assert_eq!(
            (problems[0].path.as_str(), problems[0].message.as_str()),
            ("card", "no INR card was in force on 2021-06-01")
        );
    }

    #[test]
    fn countries_and_numbers_map_to_markets() {
        let india = market("in", Some("2026-10-01"), day("2026-11-22")).unwrap();
        assert_eq!(india.market, "India");
        let number = market("+919876543210", None, day("2026-11-22")).unwrap();
        assert_eq!(number.iso2, "IN");
        let problems = market("India!", None, day("2026-11-22")).unwrap_err();
        assert_eq!(problems[0].path, "countryOrNumber");
        assert_eq!(problems[0].kind, "malformed_country");
        assert!(problems[0].message.contains("ISO 3166-1 alpha-2"));
    }

    #[test]
    fn currencies_of_a_month_list_all_sixteen() {
        let list = currencies("2026-11").unwrap();
        assert_eq!(list.len(), 16);
        let eur = list.iter().find(|c| c.currency == "EUR").unwrap();
        assert_eq!(
            eur.latest_complete.map(|d| d.to_string()).as_deref(),
            Some("2026-07-01")
        );
        let problems = currencies("Nov 2026").unwrap_err();
        assert_eq!(
            (problems[0].path.as_str(), problems[0].kind),
            ("month", "not_a_month")
        );
        assert_eq!(
            currencies("2020-12").unwrap_err()[0].kind,
            "before_first_rules"
        );
    }

    #[test]
    fn a_card_diff_names_its_argument_when_it_fails() {
        let diff = card_diff("2026-04-01", "2026-07-01", None, None).unwrap();
        // Three marketing rates, and three categories of each of the six markets split off.
        assert_eq!(diff.changed().count(), 3 + 6 * 3);
        let problems = card_diff("2026-04-01", "2026-07-01", Some("gbp"), None).unwrap_err();
        assert_eq!(
            (problems[0].path.as_str(), problems[0].kind),
            ("from", "no_card_on_date")
        );
        let problems = card_diff("2026-04-01", "2026-07-01", Some("XYZ"), None).unwrap_err();
        assert_eq!(problems[0].path, "currency");
        let problems = card_diff(
            "2026-04-01",
            "2026-07-01",
            Some("EUR"),
            Some(r#"{"month":"2026-05","lines":[]}"#),
        )
        .unwrap_err();
        assert_eq!(
            (problems[0].path.as_str(), problems[0].kind),
            ("scenario.currency", "currency_mismatch")
        );
    }

    #[test]
    fn card_listing_marks_partial_cards() {
        let all = cards();
        let partial = all
            .iter()
            .find(|c| c.currency == "USD" && c.effective == day("2025-07-01"))
            .unwrap();
        assert!(!partial.complete);
        let full = all
            .iter()
            .find(|c| c.currency == "USD" && c.effective == day("2026-10-01"))
            .unwrap();
        assert!(full.complete);
    }
}
