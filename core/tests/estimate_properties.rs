//! Invariants of the estimator over generated scenarios, under every rules version.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use wacost_core::category::Category;
use wacost_core::estimate::{compare, compare_cards, estimate, CardReason, CardsFor, Estimate};
use wacost_core::scenario::{Line, Month, PerConversation, RulesVersion, Scenario, MAX_COUNT};
use wacost_core::Catalog;

/// A month priced by each rules version, and countries its card can price.
fn setting(rules: RulesVersion) -> (Month, &'static [&'static str]) {
    match rules {
        RulesVersion::Mx2021_02 => (
            Month {
                year: 2021,
                month: 6,
            },
            &["MX"],
        ),
        RulesVersion::Cbp2022_02 => (
            Month {
                year: 2022,
                month: 6,
            },
            &["IN", "BR", "MX", "ID", "DE"],
        ),
        RulesVersion::Cbp2023_06 => (
            Month {
                year: 2023,
                month: 8,
            },
            &["ID", "MY", "AD"],
        ),
        RulesVersion::Cbp2024_11 => (
            Month {
                year: 2025,
                month: 1,
            },
            &["IN", "BR", "MX", "US", "GB", "NG", "DE"],
        ),
        RulesVersion::Pmp2025_07 => (
            Month {
                year: 2026,
                month: 7,
            },
            &["IN", "BR", "MX", "US", "GB", "NG", "KE", "DE"],
        ),
        RulesVersion::Pmp2026_10 => (
            Month {
                year: 2026,
                month: 10,
            },
            &["IN", "BR", "MX", "US", "GB", "NG", "KE", "KZ", "DE"],
        ),
    }
}

fn any_rules() -> impl Strategy<Value = RulesVersion> {
    prop::sample::select(RulesVersion::ALL.to_vec())
}

fn share() -> impl Strategy<Value = Decimal> {
    (0u32..=100).prop_map(|n| Decimal::new(i64::from(n), 2))
}

fn per_conversation() -> impl Strategy<Value = Decimal> {
    (10u32..=60).prop_map(|n| Decimal::new(i64::from(n), 1))
}

/// Counts that cross tier thresholds and free allowances, within the accepted range.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![
        0u64..3_000,
        0u64..2_000_000,
        0u64..60_000_000,
        Just(MAX_COUNT)
    ]
}

fn line(countries: &'static [&'static str]) -> impl Strategy<Value = Line> {
    (
        prop::sample::select(countries.to_vec()),
        count(),
        count(),
        count(),
        count(),
    )
        .prop_map(
            |(country, marketing, utility, authentication, service)| Line {
                country: Some(country.to_string()),
                market: None,
                marketing,
                utility,
                authentication,
                service,
            },
        )
}

/// A whole scenario under one rules version, its lines drawn from `countries`.
fn scenario_with(
    rules: RulesVersion,
    countries: &'static [&'static str],
) -> impl Strategy<Value = Scenario> {
    (
        prop::collection::vec(line(countries), 1..6),
        share(),
        share(),
        (
            per_conversation(),
            per_conversation(),
            per_conversation(),
            per_conversation(),
        ),
        (1u64..4, 1u64..3, 0u64..3000),
        any::<bool>(),
    )
        .prop_map(
            move |(
                lines,
                entry_point,
                utility_in_window,
                pc,
                (phone_numbers, wabas, free),
                auth_international,
            )| Scenario {
                month: Some(setting(rules).0),
                rules: Some(rules),
                business_country: Some("GB".into()),
                auth_international,
                phone_numbers,
                wabas,
                free_conversations: free,
                entry_point,
                utility_in_window,
                per_conversation: PerConversation {
                    marketing: pc.0,
                    utility: pc.1,
                    authentication: pc.2,
                    service: pc.3,
                },
                lines,
                ..Scenario::default()
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    any_rules().prop_flat_map(|rules| scenario_with(rules, setting(rules).1))
}

/// One market per scenario: the allowance's largest-remainder split then cannot move free
/// units between markets of different rates.
fn one_market_scenario() -> impl Strategy<Value = Scenario> {
    any_rules().prop_flat_map(|rules| {
        let countries = setting(rules).1;
        (0..countries.len()).prop_flat_map(move |i| scenario_with(rules, &countries[i..i + 1]))
    })
}

fn priced(scenario: &Scenario) -> Estimate {
    estimate(scenario).unwrap_or_else(|e| panic!("{e}\n{}", scenario.to_json()))
}

fn total(e: &Estimate) -> Decimal {
    e.meta_total.value()
}

/// Per market and category: (charged, amount), without line indexes or warnings.
fn figures(e: &Estimate) -> Vec<(String, Category, u64, String)> {
    e.markets
        .iter()
        .flat_map(|m| {
            m.categories.iter().map(move |c| {
                (
                    m.market.clone(),
                    c.category,
                    c.charged,
                    c.amount.to_string(),
                )
            })
        })
        .collect()
}

/// Rules whose allowance is shared by business- and user-initiated conversations.
fn two_kinds(rules: RulesVersion) -> bool {
    matches!(rules, RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02)
}

/// What must not change when lines are reordered or split within one market: every figure;
/// in the eras where one allowance covers two kinds of conversation at different rates, the
/// largest-remainder split between the kinds follows the lines, so there only the free and
/// charged conversations per market are invariant.
fn comparable(e: &Estimate) -> Vec<(String, Category, u64, String)> {
    if two_kinds(e.rules) {
        e.markets
            .iter()
            .map(|m| {
                let charged: u64 = m.categories.iter().map(|c| c.charged).sum();
                let free: u64 = m.categories.iter().map(|c| c.free.allowance).sum();
                (
                    m.market.clone(),
                    Category::BusinessInitiated,
                    charged,
                    free.to_string(),
                )
            })
            .collect()
    } else {
        figures(e)
    }
}

/// Rules whose monthly allowance is shared over lines.
fn pooled(rules: RulesVersion) -> bool {
    !matches!(rules, RulesVersion::Pmp2025_07 | RulesVersion::Cbp2024_11)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn more_volume_never_costs_less(s in scenario(), which in 0usize..4, extra in 1u64..5_000_000, pick in any::<prop::sample::Index>()) {
        // With a pooled allowance over several markets, Hamilton's method can move one free
        // unit to a dearer market when another line grows (the population paradox); the
        // property is asserted where that cannot happen.
        // In the 2021-2023 eras the allowance is also shared between the two kinds of
        // conversation, whose rates differ: there one kind is generated.
        let markets: std::collections::BTreeSet<_> = s.lines.iter().map(|l| l.country.clone()).collect();
        prop_assume!(!pooled(s.rules.unwrap()) || markets.len() == 1);
        let mut s = s;
        if two_kinds(s.rules.unwrap()) {
            for line in &mut s.lines {
                line.service = 0;
            }
        }
        let before = priced(&s);
        let mut more = s.clone();
        let line = &mut more.lines[pick.index(s.lines.len())];
        let slot = match which {
            0 => &mut line.marketing,
            1 => &mut line.utility,
            2 => &mut line.authentication,
            _ => &mut line.service,
        };
        *slot = (*slot + extra).min(MAX_COUNT);
        let after = priced(&more);
        prop_assert!(total(&after) >= total(&before), "{} < {}", after.meta_total, before.meta_total);
        prop_assert!(after.total.value() >= before.total.value());
    }

    #[test]
    fn line_order_does_not_matter(s in one_market_scenario(), seed in any::<u64>()) {
        let mut shuffled = s.clone();
        let n = shuffled.lines.len();
        for i in (1..n).rev() {
            let j = (seed.rotate_left(i as u32) % (i as u64 + 1)) as usize;
            shuffled.lines.swap(i, j);
        }
        let (a, b) = (priced(&s), priced(&shuffled));
        prop_assert_eq!(comparable(&a), comparable(&b));
    }

    #[test]
    fn line_order_does_not_matter_without_a_shared_allowance(
        s in prop_oneof![
            scenario_with(RulesVersion::Pmp2025_07, setting(RulesVersion::Pmp2025_07).1),
            scenario_with(RulesVersion::Cbp2024_11, setting(RulesVersion::Cbp2024_11).1),
        ]
    ) {
        let mut reversed = s.clone();
        reversed.lines.reverse();
        prop_assert_eq!(figures(&priced(&s)), figures(&priced(&reversed)));
    }

    #[test]
    fn splitting_a_line_changes_nothing(mut s in one_market_scenario(), all_entry in any::<bool>(), cut in 0u64..=100) {
        // Per-line rounding is exact when shares are 0 or 1 and a conversation holds one message.
        s.entry_point = if all_entry { Decimal::ONE } else { Decimal::ZERO };
        s.utility_in_window = Decimal::ZERO;
        s.per_conversation = PerConversation::default();
        let mut split = s.clone();
        let first = split.lines[0].clone();
        let part = |n: u64| n / 100 * cut + (n % 100).min(cut);
        split.lines[0] = Line {
            marketing: part(first.marketing),
            utility: part(first.utility),
            authentication: part(first.authentication),
            service: part(first.service),
            ..first.clone()
        };
        split.lines.push(Line {
            marketing: first.marketing - part(first.marketing),
            utility: first.utility - part(first.utility),
            authentication: first.authentication - part(first.authentication),
            service: first.service - part(first.service),
            ..first
        });
        prop_assert_eq!(comparable(&priced(&s)), comparable(&priced(&split)));
    }

    #[test]
    fn everything_in_an_entry_point_window_is_free(mut s in scenario()) {
        s.entry_point = Decimal::ONE;
        let e = priced(&s);
        prop_assert_eq!(e.meta_total.value(), Decimal::ZERO);
        for category in e.markets.iter().flat_map(|m| &m.categories) {
            prop_assert_eq!(category.charged, 0);
            prop_assert_eq!(category.free.entry_point, category.delivered);
        }
    }

    #[test]
    fn utility_in_window_matters_only_where_the_window_frees_utility(s in scenario(), other in share()) {
        let rules = s.rules.unwrap();
        let mut changed = s.clone();
        changed.utility_in_window = other;
        let (a, b) = (priced(&s), priced(&changed));
        if matches!(rules, RulesVersion::Pmp2026_10 | RulesVersion::Cbp2023_06 | RulesVersion::Cbp2024_11) {
            prop_assert_eq!(a, b);
        } else if other >= s.utility_in_window {
            prop_assert!(total(&b) <= total(&a) || pooled(rules));
        }
    }

    #[test]
    fn tiered_amounts_are_the_sum_of_their_bands(s in scenario()) {
        let e = priced(&s);
        let mut sum = Decimal::ZERO;
        for market in &e.markets {
            let mut market_sum = Decimal::ZERO;
            for c in &market.categories {
                if !c.bands.is_empty() {
                    let counted: u64 = c.bands.iter().map(|b| b.count).sum();
                    prop_assert_eq!(counted, c.charged);
                    let by_band: Decimal = c.bands.iter().map(|b| b.rate.value() * Decimal::from(b.count)).sum();
                    prop_assert_eq!(by_band, c.amount.value());
                    for band in &c.bands {
                        prop_assert_eq!(band.rate.value() * Decimal::from(band.count), band.amount.value());
                        prop_assert!(band.to.is_none_or(|to| band.from <= to));
                    }
                    // Bands follow each other without gaps.
                    for pair in c.bands.windows(2) {
                        prop_assert_eq!(pair[0].to.map(|t| t + 1), Some(pair[1].from));
                    }
                } else if let Some(rate) = &c.rate {
                    prop_assert_eq!(rate.value() * Decimal::from(c.charged), c.amount.value());
                }
                market_sum += c.amount.value();
            }
            prop_assert_eq!(market_sum, market.amount.value());
            sum += market_sum;
        }
        prop_assert_eq!(sum, total(&e));
        prop_assert_eq!(e.meta_total.value() + e.bsp_fees.value(), e.total.value());
    }

    #[test]
    fn telescopic_pricing_continues_across_lines(a in 0u64..60_000_000, b in 0u64..60_000_000) {
        // Two lines of one market cost what one line of their sum costs, band by band.
        let one = |lines: Vec<Line>| priced(&Scenario {
            month: Some(Month { year: 2026, month: 10 }),
            lines,
            ..Scenario::default()
        });
        let line = |n: u64| Line { country: Some("IN".into()), utility: n, ..Line::default() };
        prop_assert_eq!(figures(&one(vec![line(a), line(b)])), figures(&one(vec![line(a + b)])));
    }

    #[test]
    fn nothing_in_range_panics_and_nothing_out_of_range_passes(
        counts in prop::collection::vec(prop_oneof![0u64..10, 0u64..=2 * MAX_COUNT], 4),
        shares in prop::collection::vec(-150i64..=250, 2),
        per in -5i64..50,
        rules in any_rules(),
        country in "[A-Z]{2}|[a-z]{1,3}|\\+[0-9]{2}",
    ) {
        let json = format!(
            r#"{{"month":"{}","rules":"{}","entry_point":"{}","utility_in_window":{},"per_conversation":{{"service":"{}"}},
                "lines":[{{"country":"{}","marketing":{},"utility":"{}","authentication":{},"service":{}}}]}}"#,
            setting(rules).0, rules, Decimal::new(shares[0], 2), Decimal::new(shares[1], 2), Decimal::new(per, 1),
            country, counts[0], counts[1], counts[2], counts[3]
        );
        let in_range = counts.iter().all(|&c| c <= MAX_COUNT)
            && shares.iter().all(|&s| (0..=100).contains(&s))
            && per >= 10
            && country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic());
        match Scenario::from_json(&json) {
            Ok(scenario) => {
                prop_assert!(in_range, "accepted out-of-range input: {json}");
                // May be refused (a market the card lacks), but must not panic.
                let _ = estimate(&scenario);
                let _ = wacost_core::estimate::compare(&scenario);
            }
            Err(errors) => {
                prop_assert!(!in_range, "refused in-range input: {json}: {errors}");
                prop_assert!(errors.0.iter().all(|e| !e.path.to_string().is_empty() && !e.kind.to_string().is_empty()));
            }
        }
    }

    /// With `cards: same` every version is priced on the month's one card, as `compare` always
    /// did: each of its estimates must be the one `estimate` gives with that version and card
    /// chosen outright (warnings aside: only a standalone estimate says the chosen rules are
    /// not the month's).
    #[test]
    fn same_mode_is_an_estimate_per_version_on_the_months_card(s in scenario(), custom in any::<bool>()) {
        let s = with_custom(s, custom);
        let comparison = compare_cards(Catalog::builtin(), &s, CardsFor::Same);
        let Ok(comparison) = comparison else {
            return Ok(());
        };
        for version in &comparison.versions {
            prop_assert_eq!(version.rate_card.as_deref(), Some(comparison.rate_card.as_str()));
            prop_assert_eq!(&version.card_reason, &CardReason::Same);
            agrees_with_estimate(&s, version, &comparison.rate_card)?;
        }
    }

    /// By default each version is priced on the card of its time: each of its estimates must
    /// be the one `estimate` gives with that version and the card the version names, and a
    /// version it cannot price must fail there too.
    #[test]
    fn each_version_of_their_time_is_an_estimate_on_the_card_it_names(s in scenario(), custom in any::<bool>()) {
        let s = with_custom(s, custom);
        let Ok(comparison) = compare(&s) else {
            return Ok(());
        };
        prop_assert_eq!(comparison.cards, CardsFor::OfTheirTime);
        for version in &comparison.versions {
            match &version.rate_card {
                Some(card) => agrees_with_estimate(&s, version, card)?,
                None => prop_assert!(version.estimate.is_none() && version.cannot_price.is_some()),
            }
            prop_assert_eq!(version.estimate.is_none(), version.cannot_price.is_some());
        }
    }

    /// The answer's two effects add up to its difference, and each effect's reasons to the
    /// effect, exactly.
    #[test]
    fn the_answer_adds_up(s in scenario(), same in any::<bool>()) {
        let cards = if same { CardsFor::Same } else { CardsFor::OfTheirTime };
        let Ok(comparison) = compare_cards(Catalog::builtin(), &s, cards) else {
            return Ok(());
        };
        let Some(answer) = comparison.answer else {
            return Ok(());
        };
        let (Some(difference), Some(rules), Some(card)) =
            (answer.difference, &answer.rule_effect, &answer.card_effect)
        else {
            return Ok(());
        };
        prop_assert_eq!(rules.amount.value() + card.amount.value(), difference.value());
        for (amount, reasons) in [(rules.amount, &rules.reasons), (card.amount, &card.reasons)] {
            let sum: Decimal = reasons.iter().map(|r| r.amount().value()).sum();
            prop_assert_eq!(sum, amount.value());
        }
        let (now, then) = (answer.current.total.unwrap(), answer.before.total.unwrap());
        prop_assert_eq!(now.value() - then.value(), difference.value());
    }
}

/// The scenario without rules (so `compare` chooses), and with a custom rate when asked.
fn with_custom(mut s: Scenario, custom: bool) -> Scenario {
    s.rules = None;
    if custom {
        s.custom_rates = vec![wacost_core::scenario::CustomRate {
            market: "India".into(),
            category: Category::Utility,
            rate: Decimal::new(7, 3),
            currency: None,
        }];
    }
    s
}

/// A compared version's estimate (or failure) is the one `estimate` gives with its rules and
/// `card` chosen outright.
fn agrees_with_estimate(
    s: &Scenario,
    version: &wacost_core::estimate::VersionResult,
    card: &str,
) -> Result<(), TestCaseError> {
    let mut alone = s.clone();
    alone.rules = Some(version.rules);
    alone.rate_card = Some(card.parse().unwrap());
    match (&version.estimate, estimate(&alone)) {
        (Some(in_comparison), Ok(standalone)) => {
            prop_assert_eq!(&in_comparison.markets, &standalone.markets);
            prop_assert_eq!(in_comparison.meta_total, standalone.meta_total);
            prop_assert_eq!(in_comparison.total, standalone.total);
            prop_assert_eq!(&in_comparison.bsp, &standalone.bsp);
            prop_assert_eq!(&in_comparison.main_driver, &standalone.main_driver);
            prop_assert_eq!(&in_comparison.rate_card, card);
        }
        (None, Err(errors)) => {
            prop_assert!(!version.errors.is_empty());
            prop_assert!(version.errors.len() <= errors.0.len());
        }
        (ours, theirs) => prop_assert!(
            false,
            "{} on {card}: compare {:?}, estimate {:?}",
            version.rules,
            ours.is_some(),
            theirs.is_ok()
        ),
    }
    Ok(())
}
