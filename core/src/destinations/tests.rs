//! The destination search's table tests: real names, short forms and numbers as people type
//! them. Test code only (the parent declares it under `#[cfg(test)]`; said here too, so the
//! file reads as tests on its own).
#![cfg(test)]

use super::*;
use crate::Catalog;
use chrono::NaiveDate;

fn table() -> &'static MarketTable {
    Catalog::builtin().market_table_on(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
}

fn first(query: &str, locale: Locale) -> Option<Destination> {
    search(table(), query, &Names::ours(locale), 8)
        .into_iter()
        .next()
        .map(|f| f.destination)
}

fn country(iso: &str) -> Option<Destination> {
    Some(Destination::Country(iso.into()))
}

fn market(name: &str) -> Option<Destination> {
    Some(Destination::Market(name.into()))
}

#[test]
fn what_people_type_finds_the_country_first() {
    use Locale::*;
    let cases: &[(&str, Locale, Option<Destination>)] = &[
        ("UK", En, country("GB")),
        ("uk", Fr, country("GB")),
        ("USA", En, country("US")),
        ("US", Es, country("US")),
        ("EEUU", Es, country("US")),
        ("EUA", PtBr, country("US")),
        ("UAE", En, country("AE")),
        ("EAU", Fr, country("AE")),
        ("Emirados", PtBr, country("AE")),
        ("emirados", En, country("AE")),
        ("KSA", En, country("SA")),
        ("Allemagne", Fr, country("DE")),
        ("allemagne", En, country("DE")),
        ("Alemanha", PtBr, country("DE")),
        ("Alemania", Es, country("DE")),
        ("Brasil", PtBr, country("BR")),
        ("Brésil", Fr, country("BR")),
        ("bresil", Fr, country("BR")),
        ("Inde", Fr, country("IN")),
        ("india", PtBr, country("IN")),
        ("Índia", PtBr, country("IN")),
        ("Ukraine", En, country("UA")),
        ("Holland", En, country("NL")),
        ("Royaume-Uni", Fr, country("GB")),
        ("royaume uni", Fr, country("GB")),
        ("+44", En, country("GB")),
        ("44", En, country("GB")),
        ("+91", Fr, country("IN")),
        ("+49 30 1234567", En, country("DE")),
        ("+49 30 1234567", Fr, country("DE")),
        ("+1 809 555 0123", En, country("DO")),
        ("+55 11 91234-5678", PtBr, country("BR")),
        ("Rest of Africa", En, market("Rest of Africa")),
        ("Resto da África", PtBr, market("Rest of Africa")),
        ("reste de l'afrique", Fr, market("Rest of Africa")),
        ("Amérique du Nord", Fr, market("North America")),
        ("Atlantis", En, None),
        ("", En, None),
    ];
    for (query, locale, expected) in cases {
        assert_eq!(&first(query, *locale), expected, "{query:?} in {locale:?}");
    }
}

#[test]
fn a_country_is_listed_once_with_its_market() {
    let found = search(table(), "Brazil", &Names::ours(Locale::En), 8);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0],
        Found {
            destination: Destination::Country("BR".into()),
            name: "Brazil".into(),
            iso2: "BR".into(),
            calling_code: "55".into(),
            network_prefix: None,
            market: "Brazil".into(),
            market_name: "Brazil".into(),
        }
    );
    let found = search(table(), "Nigéria", &Names::ours(Locale::PtBr), 8);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].name, "Nigéria");
    let kenya = search(table(), "Kenya", &Names::ours(Locale::Fr), 8);
    assert_eq!(kenya[0].market, "Rest of Africa");
    assert_eq!(kenya[0].market_name, "Reste de l’Afrique");
}

#[test]
fn uk_offers_the_united_kingdom_before_ukraine() {
    let found: Vec<String> = search(table(), "UK", &Names::ours(Locale::En), 8)
        .into_iter()
        .map(|f| f.iso2)
        .collect();
    assert_eq!(found[..2], ["GB", "UA"]);
}

#[test]
fn a_number_on_plus_one_names_every_country_of_its_market() {
    let found = search(table(), "+1 202 555 0123", &Names::ours(Locale::En), 8);
    let isos: Vec<&str> = found.iter().map(|f| f.iso2.as_str()).collect();
    assert_eq!(isos, ["CA", "US"]);
    assert!(found.iter().all(|f| f.market == "North America"));
    let dominican = search(table(), "+1 809 555 0123", &Names::ours(Locale::Es), 8);
    assert_eq!(dominican.len(), 1);
    assert_eq!(dominican[0].name, "República Dominicana");
    assert_eq!(dominican[0].network_prefix.as_deref(), Some("809"));
    assert_eq!(dominican[0].market_name, "Resto de América Latina");
}

#[test]
fn the_callers_names_come_first() {
    let german = |iso: &str| (iso == "DE").then(|| "Deutschland".to_string());
    let names = Names::with(Locale::Fr, &german);
    let found = search(table(), "deutsch", &names, 8);
    assert_eq!(found[0].name, "Deutschland");
    assert_eq!(found[0].market_name, "Deutschland");
    // Where the caller has no name, ours, then Meta's English one.
    assert_eq!(names.country(table(), "BR"), "Brésil");
    assert_eq!(names.country(table(), "KE"), "Kenya");
    assert_eq!(names.market(table(), "Other"), "Autres pays");
}

#[test]
fn resolve_takes_exact_names_in_any_language() {
    let names = Names::ours(Locale::En);
    let cases: &[(&str, Option<Destination>)] = &[
        ("in", country("IN")),
        ("+91", country("IN")),
        ("+1", country("CA")),
        ("+49 30 1234567", country("DE")),
        ("1", None),
        ("12345678", None),
        ("Brazil", country("BR")),
        ("Brasil", country("BR")),
        ("Allemagne", country("DE")),
        ("UK", country("GB")),
        ("Émirats arabes unis", country("AE")),
        ("rest of africa", market("Rest of Africa")),
        ("Resto de América Latina", market("Rest of Latin America")),
        ("Bra", None),
        ("Atlantis", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(&resolve(table(), text, &names), expected, "{text:?}");
    }
}
