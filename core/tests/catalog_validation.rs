//! Every data check rejects a broken file with the file, line and problem named.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_core::catalog::{DataFile, Held};
use wacost_core::{Catalog, Category};

const MARKETS: &str = "\
effective_date,iso2,country,calling_code,network_prefixes,market,listed_by_meta,note
2026-10-01,IN,India,91,,India,yes,
2026-10-01,DO,Dominican Republic,1,809;829;849,Rest of Latin America,yes,
2026-10-01,US,United States,1,,North America,yes,
2026-10-01,AD,Andorra,376,,Other,no,
";

const RATES_HEADER: &str = "effective_date,currency,market,category,rate,date_basis,source\n";
const TIERS_HEADER: &str =
    "effective_date,currency,market,category,tier,from,to,rate,discount,source\n";

fn good_card() -> String {
    let mut text = RATES_HEADER.to_string();
    for market in ["India", "Rest of Latin America", "North America", "Other"] {
        text.push_str(&format!(
            "2026-10-01,USD,{market},marketing,0.0118,stated,T\n"
        ));
        text.push_str(&format!(
            "2026-10-01,USD,{market},utility,0.0014,stated,T\n"
        ));
    }
    text
}

fn good_ladder() -> String {
    format!(
        "{TIERS_HEADER}\
2026-10-01,USD,India,utility,1,0,100,0.0014,0,T
2026-10-01,USD,India,utility,2,101,200,0.0013,-0.05,T
2026-10-01,USD,India,utility,3,201,,0.0012,-0.1,T
"
    )
}

fn load(rates: &[DataFile], tiers: &[DataFile]) -> Result<Catalog, Vec<String>> {
    Catalog::from_files(rates, tiers, &[("markets/2026-10-01.csv", MARKETS)])
        .map_err(|errors| errors.iter().map(|e| e.to_string()).collect())
}

fn only_error(rates: &[DataFile], tiers: &[DataFile]) -> String {
    let errors = load(rates, tiers).expect_err("the fixture is broken and must be rejected");
    assert_eq!(
        errors.len(),
        1,
        "expected exactly one problem, got {errors:?}"
    );
    errors[0].clone()
}

/// The one problem of `card` as the whole USD card of 2026-10-01.
fn card_error(card: &str) -> String {
    only_error(&[("rates/2026-10-01_USD.csv", card)], &[])
}

/// The one problem of `ladder` beside the good card.
fn ladder_error(ladder: &str) -> String {
    only_error(
        &[("rates/2026-10-01_USD.csv", &good_card())],
        &[("tiers/2026-10-01_USD.csv", ladder)],
    )
}

#[test]
fn the_good_fixtures_load() {
    let card = good_card();
    let ladder = good_ladder();
    let catalog = load(
        &[("rates/2026-10-01_USD.csv", &card)],
        &[("tiers/2026-10-01_USD.csv", &ladder)],
    )
    .expect("good fixtures load");
    assert_eq!(catalog.cards().len(), 1);
    assert!(catalog.card_infos()[0].complete);
}

#[test]
fn a_market_missing_from_a_complete_card() {
    let card = good_card().replace("2026-10-01,USD,Other,marketing,0.0118,stated,T\n2026-10-01,USD,Other,utility,0.0014,stated,T\n", "");
    let error = card_error(&card);
    assert_eq!(
        error,
        "rates/2026-10-01_USD.csv: missing market: `Other` has no rate (name the file .partial.csv if the card is known to be incomplete)"
    );
}

#[test]
fn a_partial_card_may_lack_markets_and_says_which() {
    let card = good_card().replace("2026-10-01,USD,Other,marketing,0.0118,stated,T\n2026-10-01,USD,Other,utility,0.0014,stated,T\n", "");
    let catalog = load(&[("rates/2026-10-01_USD.partial.csv", &card)], &[]).expect("partial loads");
    let info = &catalog.card_infos()[0];
    assert!(!info.complete);
    assert_eq!(info.missing_markets, vec!["Other".to_string()]);
}

#[test]
fn a_category_missing_where_the_rest_of_the_card_has_it() {
    let card = good_card().replace("2026-10-01,USD,India,utility,0.0014,stated,T\n", "");
    let error = card_error(&card);
    assert_eq!(
        error,
        "rates/2026-10-01_USD.csv: missing category: `India` has no utility rate while the rest of the card has one"
    );
}

#[test]
fn a_duplicate_rate_row() {
    let card = format!(
        "{}2026-10-01,USD,India,utility,0.0015,stated,T\n",
        good_card()
    );
    let error = card_error(&card);
    assert_eq!(
        error,
        "rates/2026-10-01_USD.csv:10: duplicate row: India utility appears twice"
    );
}

#[test]
fn a_rate_that_is_not_a_plain_decimal() {
    for bad in ["n/a", "$0.01", "-0.01", "\"1,234.5\"", ""] {
        let card = good_card().replacen("0.0118", bad, 1);
        let error = card_error(&card);
        assert!(
            error.starts_with("rates/2026-10-01_USD.csv:2: rate `")
                && error.ends_with("is not a plain decimal number"),
            "{bad}: {error}"
        );
    }
}

#[test]
fn a_row_whose_date_or_currency_contradicts_its_file() {
    let card = good_card().replacen(
        "2026-10-01,USD,India,marketing",
        "2026-07-01,USD,India,marketing",
        1,
    );
    let error = card_error(&card);
    assert_eq!(
        error,
        "rates/2026-10-01_USD.csv:2: effective_date `2026-07-01` differs from the file's card date 2026-10-01"
    );
}

#[test]
fn a_market_unknown_to_the_mapping() {
    let card = format!(
        "{}2026-10-01,USD,Atlantis,marketing,0.01,stated,T\n",
        good_card()
    )
    .replace("Atlantis,marketing", "Atlantis,marketing");
    let errors =
        load(&[("rates/2026-10-01_USD.partial.csv", &card)], &[]).expect_err("unknown market");
    assert!(errors.iter().any(|e| e
        == "rates/2026-10-01_USD.partial.csv: market `Atlantis` is not in the market table in force on 2026-10-01"));
}

#[test]
fn tier_bands_with_a_gap() {
    let ladder = good_ladder().replace(",2,101,200,", ",2,102,200,");
    let error = ladder_error(&ladder);
    assert_eq!(
        error,
        "tiers/2026-10-01_USD.csv:3: India utility: gap between bands: tier 2 starts at 102, the previous band ends at 100"
    );
}

#[test]
fn tier_bands_that_overlap() {
    let ladder = good_ladder().replace(",2,101,200,", ",2,90,200,");
    let error = ladder_error(&ladder);
    assert_eq!(
        error,
        "tiers/2026-10-01_USD.csv:3: India utility: tier 2 starts at 90, overlapping the previous band that ends at 100"
    );
}

#[test]
fn tier_bands_that_do_not_start_at_one() {
    let ladder = good_ladder().replace(",1,0,100,", ",1,5,100,");
    let error = ladder_error(&ladder);
    assert_eq!(
        error,
        "tiers/2026-10-01_USD.csv:2: India utility: the first band starts at 5, not at 1 (or 0 as Meta prints it)"
    );
}

#[test]
fn a_threshold_that_does_not_increase() {
    let ladder = good_ladder().replace(",2,101,200,", ",2,101,50,");
    let error = ladder_error(&ladder);
    assert_eq!(
        error,
        "tiers/2026-10-01_USD.csv:3: India utility: tier 2 ends at 50, before it starts (101): thresholds must increase"
    );
}

#[test]
fn a_duplicate_tier_row() {
    let ladder = format!(
        "{}2026-10-01,USD,India,utility,2,101,200,0.0013,-0.05,T\n",
        good_ladder()
    );
    let error = ladder_error(&ladder);
    assert_eq!(
        error,
        "tiers/2026-10-01_USD.csv:5: duplicate row: India utility tier 2 appears twice"
    );
}

#[test]
fn a_ladder_whose_last_band_is_closed() {
    let ladder = good_ladder().replace(",3,201,,", ",3,201,300,");
    let error = ladder_error(&ladder);
    assert_eq!(
        error,
        "tiers/2026-10-01_USD.csv:2: India utility: the last band must be open-ended (empty `to`)"
    );
}

#[test]
fn a_band_after_the_open_band() {
    let ladder = format!(
        "{}2026-10-01,USD,India,utility,4,301,,0.0011,,T\n",
        good_ladder()
    );
    let error = ladder_error(&ladder);
    assert_eq!(
        error,
        "tiers/2026-10-01_USD.csv:5: India utility: tier 4 follows an open-ended band"
    );
}

#[test]
fn a_duplicate_market_table_row() {
    let markets = format!("{MARKETS}2026-10-01,IN,India,91,,India,yes,\n");
    let errors = Catalog::from_files(&[], &[], &[("markets/2026-10-01.csv", &markets)])
        .expect_err("duplicate");
    assert_eq!(
        errors[0].to_string(),
        "markets/2026-10-01.csv:6: duplicate row: IN appears twice in the 2026-10-01 table"
    );
}

#[test]
fn a_badly_named_card_file() {
    let error = only_error(&[("rates/latest.csv", &good_card())], &[]);
    assert_eq!(
        error,
        "rates/latest.csv: a card file must be named YYYY-MM-DD_CUR.csv"
    );
}

#[test]
fn the_shipped_data_passes_every_check() {
    let catalog = Catalog::builtin();
    assert!(
        catalog.cards().len() >= 28,
        "the shipped cards are all there"
    );
    assert_eq!(catalog.market_tables().len(), 4);
}

/// The biller adds up catalog rates message by message: every rate, at the catalog's largest
/// number of decimals, is below `MAX_RATE_UNITS`, so any count of messages a u64 holds sums
/// exactly in a `Decimal` (2^32 × 2^64 = 2^96). A card with a rate of more decimals or a
/// larger figure fails here before it can make a bill round.
#[test]
fn every_rate_keeps_the_billers_sums_exact() {
    use wacost_core::bill::summary::MAX_RATE_UNITS;
    let catalog = Catalog::builtin();
    let mut rates: Vec<rust_decimal::Decimal> = Vec::new();
    for card in catalog.cards() {
        rates.extend(card.rates.values().map(|r| r.rate));
    }
    for tiers in catalog.tier_cards() {
        for ladder in tiers.ladders.values() {
            rates.extend(ladder.bands.iter().map(|b| b.rate));
        }
    }
    assert!(rates.len() > 1000, "{}", rates.len());
    let scale = rates.iter().map(|r| r.normalize().scale()).max().unwrap();
    for rate in rates {
        let r = rate.normalize();
        let units = r.mantissa().unsigned_abs() * 10u128.pow(scale - r.scale());
        assert!(units < MAX_RATE_UNITS, "{rate} at {scale} decimals");
    }
}

/// The good card with service for India only: a fragment of a card otherwise held whole.
fn card_with_a_service_fragment() -> String {
    format!(
        "{}2026-10-01,USD,India,service,0.0014,stated,T\n",
        good_card()
    )
}

#[test]
fn a_card_whole_but_for_a_category_named_in_its_file() {
    let card = card_with_a_service_fragment();
    // Named as a whole card, the fragment is a gap.
    let errors = load(&[("rates/2026-10-01_USD.csv", &card)], &[]).expect_err("service gaps");
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_eq!(
        errors[0],
        "rates/2026-10-01_USD.csv: missing category: `Rest of Latin America` has no service rate while the rest of the card has one"
    );
    // Named for what it holds, it loads: marketing and utility complete, service in part.
    let catalog = load(&[("rates/2026-10-01_USD.partial-service.csv", &card)], &[])
        .expect("the fragment is declared");
    let info = &catalog.card_infos()[0];
    assert!(!info.complete);
    assert_eq!(info.held, Held::AllBut(vec![Category::Service]));
    let coverage: Vec<(Category, usize, bool, Vec<String>)> = info
        .categories
        .iter()
        .map(|c| (c.category, c.markets, c.complete, c.missing_markets.clone()))
        .collect();
    assert_eq!(
        coverage,
        vec![
            (Category::Marketing, 4, true, vec![]),
            (Category::Utility, 4, true, vec![]),
            (
                Category::Service,
                1,
                false,
                vec![
                    "North America".to_string(),
                    "Other".to_string(),
                    "Rest of Latin America".to_string()
                ]
            ),
        ]
    );
    let summary = catalog.summaries()[0];
    assert!(summary.complete_for(Category::Utility) && !summary.complete_for(Category::Service));
    assert!(!summary.whole && !summary.prints(Category::Authentication));
}

#[test]
fn a_category_claimed_whole_beside_a_fragment_is_still_checked() {
    let card = card_with_a_service_fragment()
        .replace("2026-10-01,USD,Other,utility,0.0014,stated,T\n", "");
    let error = only_error(&[("rates/2026-10-01_USD.partial-service.csv", &card)], &[]);
    assert_eq!(
        error,
        "rates/2026-10-01_USD.partial-service.csv: missing category: `Other` has no utility rate while the rest of the card has one"
    );
    let card = card_with_a_service_fragment().replace(
        "2026-10-01,USD,Other,marketing,0.0118,stated,T\n2026-10-01,USD,Other,utility,0.0014,stated,T\n",
        "",
    );
    let error = only_error(&[("rates/2026-10-01_USD.partial-service.csv", &card)], &[]);
    assert_eq!(
        error,
        "rates/2026-10-01_USD.partial-service.csv: missing market: `Other` has no rate (name the file .partial.csv if the card is known to be incomplete)"
    );
}

#[test]
fn a_file_name_must_call_partial_only_what_is() {
    let cases = [
        (
            "rates/2026-10-01_USD.partial-service.csv",
            good_card(),
            "the file name calls service partial, but the card has no service rate (name only categories it holds in part)",
        ),
        (
            "rates/2026-10-01_USD.partial-utility-service.csv",
            card_with_a_service_fragment(),
            "the file name calls utility partial, but every market has a utility rate (take it out of the name)",
        ),
        (
            "rates/2026-10-01_USD.partial-marketing-utility.csv",
            good_card().replace("2026-10-01,USD,Other,utility,0.0014,stated,T\n", "").replace("2026-10-01,USD,India,marketing,0.0118,stated,T\n", ""),
            "the file name calls every category the card prints partial (name the file .partial.csv)",
        ),
        (
            "rates/2026-10-01_USD.partial-promo.csv",
            good_card(),
            "`.partial-promo` in the file name is neither `.partial` nor `.partial-` followed by categories separated by `-` (e.g. `.partial-service`)",
        ),
        (
            "rates/2026-10-01_USD.partial-service-service.csv",
            card_with_a_service_fragment(),
            "`.partial-service-service` in the file name is neither `.partial` nor `.partial-` followed by categories separated by `-` (e.g. `.partial-service`)",
        ),
    ];
    for (name, card, problem) in cases {
        assert_eq!(
            only_error(&[(name, &card)], &[]),
            format!("{name}: {problem}")
        );
    }
}

#[test]
fn the_index_built_into_the_program_is_the_data_summarised() {
    let catalog = Catalog::builtin();
    assert_eq!(wacost_core::card_index(), catalog.summaries().as_slice());
    assert_eq!(wacost_core::card_index().len(), catalog.cards().len());
}
