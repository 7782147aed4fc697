//! Table tests of the typed data API: cards by date across every boundary, rates, ladders and
//! markets before and after each split.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;
use wacost_core::{Catalog, Category};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test decimal")
}

#[test]
fn card_in_force_switches_exactly_on_each_effective_date() {
    let catalog = Catalog::builtin();
    let cases = [
        ("USD", "2021-01-31", None),
        ("USD", "2021-02-01", Some("2021-02-01")),
        ("USD", "2022-01-31", Some("2021-02-01")),
        ("USD", "2022-02-01", Some("2022-02-01")),
        ("USD", "2023-05-31", Some("2022-02-01")),
        ("USD", "2023-06-01", Some("2023-06-01")),
        ("USD", "2024-05-31", Some("2023-06-01")),
        ("USD", "2024-06-01", Some("2024-06-01")),
        ("USD", "2024-09-30", Some("2024-06-01")),
        ("USD", "2024-10-01", Some("2024-10-01")),
        ("USD", "2025-06-30", Some("2024-10-01")),
        ("USD", "2025-07-01", Some("2025-07-01")),
        ("USD", "2025-09-30", Some("2025-07-01")),
        ("USD", "2025-10-01", Some("2025-10-01")),
        ("USD", "2025-12-31", Some("2025-10-01")),
        ("USD", "2026-01-01", Some("2026-01-01")),
        ("USD", "2026-03-31", Some("2026-01-01")),
        ("USD", "2026-04-01", Some("2026-04-01")),
        ("USD", "2026-06-30", Some("2026-04-01")),
        ("USD", "2026-07-01", Some("2026-07-01")),
        ("USD", "2026-09-30", Some("2026-07-01")),
        ("USD", "2026-10-01", Some("2026-10-01")),
        ("USD", "2026-11-22", Some("2026-10-01")),
        ("EUR", "2022-01-31", None),
        ("EUR", "2022-02-01", Some("2022-02-01")),
        ("EUR", "2026-07-01", Some("2026-07-01")),
        ("EUR", "2026-10-01", Some("2026-10-01")),
        ("COP", "2026-06-30", None),
        ("COP", "2026-10-15", Some("2026-10-01")),
        ("INR", "2025-10-01", Some("2025-10-01")),
        ("GBP", "2026-06-30", None),
        ("GBP", "2026-07-01", Some("2026-07-01")),
        ("GBP", "2026-10-01", Some("2026-10-01")),
        ("CLP", "2026-11-01", Some("2026-07-01")),
        ("AUD", "2026-10-01", None),
    ];
    for (currency, on, expected) in cases {
        let found = catalog
            .card_in_force(currency, date(on))
            .map(|c| c.id.effective.to_string());
        assert_eq!(found.as_deref(), expected, "{currency} on {on}");
    }
}

#[test]
fn rates_are_the_published_values() {
    let catalog = Catalog::builtin();
    let cases = [
        (
            "USD",
            "2026-10-01",
            "India",
            Category::Marketing,
            Some("0.0118"),
        ),
        (
            "USD",
            "2026-10-01",
            "India",
            Category::AuthenticationInternational,
            Some("0.0304"),
        ),
        (
            "USD",
            "2026-10-01",
            "Colombia",
            Category::Utility,
            Some("0.0008"),
        ),
        (
            "USD",
            "2026-10-01",
            "Rest of Africa",
            Category::Marketing,
            Some("0.0225"),
        ),
        (
            "USD",
            "2026-10-01",
            "Kazakhstan",
            Category::Service,
            Some("0.018"),
        ),
        (
            "USD",
            "2026-10-01",
            "Germany",
            Category::AuthenticationInternational,
            None,
        ),
        ("USD", "2026-07-01", "Kazakhstan", Category::Marketing, None),
        (
            "INR",
            "2026-10-01",
            "India",
            Category::Service,
            Some("0.115"),
        ),
        (
            "USD",
            "2022-02-01",
            "Mexico",
            Category::BusinessInitiated,
            Some("0.0349"),
        ),
        (
            "USD",
            "2021-02-01",
            "Mexico",
            Category::UserInitiated,
            Some("0.014"),
        ),
        (
            "COP",
            "2026-10-01",
            "Ukraine",
            Category::Marketing,
            Some("316.636"),
        ),
    ];
    for (currency, effective, market, category, expected) in cases {
        let card = catalog
            .card(currency, date(effective))
            .expect("card exists");
        let found = card.rate(market, category).map(|r| r.rate);
        assert_eq!(
            found,
            expected.map(dec),
            "{currency} {effective} {market} {category}"
        );
    }
}

#[test]
fn ladders_belong_to_their_own_card_only() {
    let catalog = Catalog::builtin();
    let october = catalog.card("USD", date("2026-10-01")).expect("card");
    let ladder = catalog
        .ladder(&october.id, "India", Category::Utility)
        .expect("India utility ladder");
    assert_eq!(ladder.bands.len(), 6);
    assert_eq!(ladder.bands[0].from, 1);
    assert_eq!(ladder.bands[0].to, Some(25_000_000));
    assert_eq!(ladder.bands[5].to, None);
    let january = catalog.card("USD", date("2026-01-01")).expect("card");
    assert!(catalog
        .ladder(&january.id, "India", Category::Utility)
        .is_none());
}

#[test]
fn telescopic_pricing_splits_at_band_edges() {
    let catalog = Catalog::builtin();
    let october = catalog.card("USD", date("2026-10-01")).expect("card");
    let ladder = catalog
        .ladder(&october.id, "India", Category::Utility)
        .expect("ladder");
    let uses = ladder.price(1, 25_000_010).expect("exact");
    assert_eq!(uses.len(), 2);
    assert_eq!((uses[0].tier, uses[0].count), (1, 25_000_000));
    assert_eq!((uses[1].tier, uses[1].count), (2, 10));
    assert_eq!(uses[0].amount, dec("35000.0000"));
    assert_eq!(uses[1].amount, uses[1].rate * Decimal::from(10));
    let continued = ladder.price(25_000_001, 5).expect("exact");
    assert_eq!((continued[0].tier, continued[0].count), (2, 5));
    assert_eq!(ladder.band_for(25_000_000).map(|b| b.tier), Some(1));
    assert_eq!(ladder.band_for(25_000_001).map(|b| b.tier), Some(2));
}

#[test]
fn countries_map_to_the_market_of_the_date() {
    let catalog = Catalog::builtin();
    let cases = [
        ("IN", "2026-10-01", "India"),
        ("US", "2026-10-01", "North America"),
        ("CA", "2023-06-01", "North America"),
        ("ZW", "2025-09-30", "Other"),
        ("ZW", "2025-10-01", "Rest of Africa"),
        ("PL", "2026-06-30", "Rest of Central & Eastern Europe"),
        ("PL", "2026-07-01", "Poland"),
        ("HK", "2026-06-30", "Rest of Asia Pacific"),
        ("HK", "2026-07-01", "Hong Kong"),
        ("QA", "2026-07-01", "Qatar"),
        ("BD", "2026-09-30", "Rest of Asia Pacific"),
        ("BD", "2026-10-01", "Bangladesh"),
        ("UA", "2026-09-30", "Rest of Central & Eastern Europe"),
        ("UA", "2026-10-01", "Ukraine"),
        ("MA", "2026-09-30", "Rest of Africa"),
        ("MA", "2026-10-01", "Morocco"),
        ("KW", "2026-09-30", "Rest of Middle East"),
        ("KW", "2026-10-01", "Kuwait"),
        ("KZ", "2026-09-30", "Other"),
        ("KZ", "2026-10-01", "Kazakhstan"),
        ("AD", "2026-10-01", "Other"),
        ("XK", "2026-10-01", "Other"),
        ("gb", "2026-10-01", "United Kingdom"),
    ];
    for (iso2, on, expected) in cases {
        let found = catalog
            .market_for_country(iso2, date(on))
            .expect("well-formed");
        assert_eq!(found.market, expected, "{iso2} on {on}");
    }
}

#[test]
fn numbers_map_by_calling_code_and_network_prefix() {
    let catalog = Catalog::builtin();
    let cases = [
        ("+919876543210", "2026-10-01", "India"),
        ("+12025550123", "2026-10-01", "North America"),
        ("+18095550123", "2026-10-01", "Rest of Latin America"),
        ("+18765550123", "2026-10-01", "Rest of Latin America"),
        ("+17875550123", "2026-10-01", "Rest of Latin America"),
        ("+447700900123", "2026-10-01", "United Kingdom"),
        ("+79161234567", "2026-10-01", "Russia"),
        ("+77011234567", "2026-10-01", "Kazakhstan"),
        ("+77011234567", "2026-09-30", "Other"),
        (
            "+48601234567",
            "2026-06-30",
            "Rest of Central & Eastern Europe",
        ),
        ("+48601234567", "2026-07-01", "Poland"),
        ("+8801712345678", "2026-10-01", "Bangladesh"),
        ("+8801712345678", "2026-07-01", "Rest of Asia Pacific"),
        ("+263771234567", "2025-10-01", "Rest of Africa"),
        ("+263771234567", "2025-09-01", "Other"),
        ("+376312345", "2026-10-01", "Other"),
        ("+91 98765-43210", "2026-10-01", "India"),
    ];
    for (number, on, expected) in cases {
        let found = catalog
            .market_for_number(number, date(on))
            .expect("well-formed");
        assert_eq!(found.market, expected, "{number} on {on}");
    }
}

#[test]
fn malformed_codes_and_numbers_are_errors_not_other() {
    let catalog = Catalog::builtin();
    for bad in ["", "I", "IND", "1N", "ÉS"] {
        assert!(
            catalog.market_for_country(bad, date("2026-10-01")).is_err(),
            "{bad}"
        );
    }
    for bad in [
        "+91abc",
        "+12",
        "+0123456789",
        "++919876543210",
        "919876543210123456",
    ] {
        assert!(
            catalog.market_for_number(bad, date("2026-10-01")).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn every_listed_country_maps_to_its_tables_market() {
    let catalog = Catalog::builtin();
    for table in catalog.market_tables() {
        for row in &table.rows {
            let by_code = catalog
                .market_for_country(&row.iso2, table.effective)
                .expect("listed code");
            assert_eq!(
                by_code.market, row.market,
                "{} {}",
                row.iso2, table.effective
            );
        }
    }
}

#[test]
fn partial_cards_name_what_they_lack() {
    let catalog = Catalog::builtin();
    let card = catalog.card("USD", date("2022-02-01")).expect("card");
    let info = catalog.card_info(card);
    assert!(!info.complete);
    assert_eq!(info.missing_markets.len(), 5);
    let complete = catalog.card("USD", date("2026-10-01")).expect("card");
    assert!(catalog.card_info(complete).complete);
    assert_eq!(complete.markets().len(), 47);
}

/// What each card of the December research holds, category by category, against the market
/// table of its date: complete cards, a fragment beside a whole card, cells left out.
#[test]
fn each_category_is_complete_or_names_the_markets_it_lacks() {
    let catalog = Catalog::builtin();
    let coverage = |currency: &str, on: &str| {
        let card = catalog.card(currency, date(on)).unwrap();
        let info = catalog.card_info(card);
        let categories: Vec<(Category, usize, bool, Vec<String>)> = info
            .categories
            .into_iter()
            .map(|c| (c.category, c.markets, c.complete, c.missing_markets))
            .collect();
        (info.complete, categories)
    };
    use Category::*;
    let names = |list: &[&str]| list.iter().map(|m| m.to_string()).collect::<Vec<_>>();
    assert_eq!(
        coverage("USD", "2023-06-01"),
        (
            false,
            vec![
                (Marketing, 32, true, vec![]),
                (Utility, 32, true, vec![]),
                (Authentication, 31, false, names(&["India"])),
                (Service, 30, false, names(&["France", "Israel"])),
            ]
        )
    );
    let (complete, categories) = coverage("USD", "2024-10-01");
    assert!(!complete);
    let summary: Vec<(Category, usize, bool)> =
        categories.iter().map(|c| (c.0, c.1, c.2)).collect();
    assert_eq!(
        summary,
        vec![
            (Marketing, 32, true),
            (Utility, 32, true),
            (Authentication, 32, true),
            (AuthenticationInternational, 2, true),
            (Service, 6, false),
        ]
    );
    for (currency, on, markets) in [("USD", "2026-04-01", 32), ("GBP", "2026-07-01", 38)] {
        let (complete, categories) = coverage(currency, on);
        assert!(complete, "{currency} {on}");
        assert!(
            categories
                .iter()
                .all(|c| c.2 && (c.0 == AuthenticationInternational || c.1 == markets)),
            "{currency} {on}: {categories:?}"
        );
    }
    let (complete, categories) = coverage("CLP", "2026-07-01");
    assert!(!complete);
    assert_eq!(
        categories.len(),
        3,
        "no authentication-international: {categories:?}"
    );
    for (category, markets, complete, missing) in categories {
        assert_eq!((markets, complete), (33, false), "{category}");
        assert_eq!(
            missing,
            names(&[
                "Rest of Africa",
                "Rest of Asia Pacific",
                "Rest of Central & Eastern Europe",
                "Rest of Middle East",
                "Rest of Western Europe"
            ])
        );
    }
    let (_, categories) = coverage("EUR", "2026-04-01");
    assert_eq!(
        categories,
        vec![
            (Marketing, 31, false, names(&["Rest of Latin America"])),
            (Utility, 31, false, names(&["Rest of Latin America"])),
        ]
    );
}

/// Rates of the December research, as their sources print them.
#[test]
fn the_december_cards_hold_their_printed_rates() {
    let catalog = Catalog::builtin();
    let cases = [
        (
            "USD",
            "2023-06-01",
            "Indonesia",
            Category::Marketing,
            Some("0.0411"),
        ),
        ("USD", "2023-06-01", "India", Category::Authentication, None),
        (
            "USD",
            "2024-10-01",
            "India",
            Category::Service,
            Some("0.004"),
        ),
        ("USD", "2024-10-01", "France", Category::Service, None),
        (
            "GBP",
            "2026-07-01",
            "United Kingdom",
            Category::Marketing,
            Some("0.0458"),
        ),
        (
            "GBP",
            "2026-10-01",
            "United Kingdom",
            Category::Service,
            Some("0.0159"),
        ),
        (
            "INR",
            "2025-04-01",
            "India",
            Category::Marketing,
            Some("0.7846"),
        ),
        (
            "MXN",
            "2026-10-01",
            "Mexico",
            Category::Utility,
            Some("0.1565"),
        ),
    ];
    for (currency, on, market, category, expected) in cases {
        let rate = catalog
            .card(currency, date(on))
            .unwrap()
            .rate(market, category)
            .map(|r| r.rate);
        assert_eq!(
            rate,
            expected.map(dec),
            "{currency} {on} {market} {category}"
        );
    }
}
