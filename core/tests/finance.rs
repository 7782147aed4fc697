//! What a finance reader checks (issue "Money, fees and ladders as a finance person reads
//! them"): the provider's fees by part, the whole ladder with "you are here" and the next band,
//! the notes on how tiers count and on the international authentication rate, the bill's
//! totals, models that cannot price a log, the +1 wording, the invoice check, and the CSV
//! export. Real figures of the built-in cards.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bill_common;

use bill_common::{dec, row, run};
use rust_decimal::Decimal;
use wacost_core::bill::{self, Engine, ModelGap, ModelTotal, RulesChoice, Settings};
use wacost_core::category::Category;
use wacost_core::estimate::{compare, estimate, Estimate, NextBand, Note, PricingNote, TierLadder};
use wacost_core::export::{comparison_csv, estimate_csv};
use wacost_core::scenario::{RulesVersion, Scenario};
use wacost_core::Catalog;

fn run_estimate(json: &str) -> Estimate {
    let scenario = Scenario::from_json(json).unwrap_or_else(|e| panic!("invalid scenario: {e}"));
    estimate(&scenario).unwrap_or_else(|e| panic!("estimate failed: {e}"))
}

fn ladder<'e>(e: &'e Estimate, market: &str, category: Category) -> &'e TierLadder {
    e.ladders
        .iter()
        .find(|l| l.market == market && l.category == category)
        .unwrap_or_else(|| panic!("no ladder {market} {category} in {:#?}", e.ladders))
}

#[test]
fn the_issues_band_of_1_to_250000_after_20000_messages() {
    let e = run_estimate(r#"{"month":"2026-10","lines":[{"country":"BR","utility":20000}]}"#);
    let l = ladder(&e, "Brazil", Category::Utility);
    assert_eq!((l.count, l.band, l.custom), (20_000, 0, false));
    assert_eq!(l.bands.len(), 6, "every band, not only those reached");
    let first = &l.bands[0];
    assert_eq!(
        (
            first.tier,
            first.from,
            first.to,
            first.rate.to_string(),
            first.count
        ),
        (1, 1, Some(250_000), "0.0068".to_string(), 20_000)
    );
    assert_eq!(l.bands[1].count, 0);
    assert_eq!(l.bands[5].to, None);
    let next = l.next.as_ref().unwrap();
    assert_eq!(
        next,
        &NextBand {
            tier: 2,
            // 230,000 more messages at tier 1's rate, then tier 2 starts...
            messages_in_band: 230_000,
            // ...with message number 250,001.
            starts_at: 250_001,
            rate: "0.0065".parse().unwrap(),
            saving_per_message: "0.0003".parse().unwrap(),
        }
    );
    // The category's own figure counts up to and including that first message, as before.
    let utility = e.markets[0]
        .categories
        .iter()
        .find(|c| c.category == Category::Utility)
        .unwrap();
    assert_eq!(utility.next_tier.as_ref().unwrap().messages_to_go, 230_001);
    // 300,000 more: 230,000 at 0.0068 and 70,000 at 0.0065; tier 2 saves 70,000 × 0.0003.
    assert_eq!(l.cost_of_more(300_000), Some(dec("2019.00")));
    assert_eq!(l.saving_on_more(300_000), Some(dec("21.00")));
    assert_eq!(l.saving_on_more(230_000), Some(Decimal::ZERO));
    assert_eq!(l.saving_on_more(0), Some(Decimal::ZERO));
}

#[test]
fn at_the_last_message_of_a_band_none_are_left_in_it() {
    let e = run_estimate(r#"{"month":"2026-10","lines":[{"country":"BR","utility":250000}]}"#);
    let l = ladder(&e, "Brazil", Category::Utility);
    let next = l.next.as_ref().unwrap();
    assert_eq!(
        (l.band, next.messages_in_band, next.starts_at),
        (0, 0, 250_001)
    );
    let e = run_estimate(r#"{"month":"2026-10","lines":[{"country":"BR","utility":250001}]}"#);
    let l = ladder(&e, "Brazil", Category::Utility);
    assert_eq!((l.band, l.next.as_ref().unwrap().starts_at), (1, 2_000_001));
}

#[test]
fn india_utility_in_october_2026_on_its_ladder() {
    let e = run_estimate(r#"{"month":"2026-10","lines":[{"country":"IN","utility":500}]}"#);
    let l = ladder(&e, "India", Category::Utility);
    let next = l.next.as_ref().unwrap();
    assert_eq!(
        (
            l.count,
            l.band,
            next.tier,
            next.messages_in_band,
            next.starts_at
        ),
        (500, 0, 2, 24_999_500, 25_000_001)
    );
    assert_eq!(
        (next.rate.to_string(), next.saving_per_message.to_string()),
        ("0.0013".to_string(), "0.0001".to_string())
    );

    let e = run_estimate(r#"{"month":"2026-10","lines":[{"country":"IN","utility":30000000}]}"#);
    let l = ladder(&e, "India", Category::Utility);
    let rates: Vec<String> = l.bands.iter().map(|b| b.rate.to_string()).collect();
    assert_eq!(
        rates,
        ["0.0014", "0.0013", "0.0012", "0.0011", "0.0011", "0.0010"]
    );
    let counts: Vec<u64> = l.bands.iter().map(|b| b.count).collect();
    assert_eq!(counts, [25_000_000, 5_000_000, 0, 0, 0, 0]);
    let next = l.next.as_ref().unwrap();
    assert_eq!(
        (l.band, next.tier, next.messages_in_band, next.starts_at),
        (1, 3, 20_000_000, 50_000_001)
    );
    // 30,000,000 more: 20,000,000 at 0.0013 and 10,000,000 at 0.0012.
    assert_eq!(l.cost_of_more(30_000_000), Some(dec("38000.0000")));
    assert_eq!(l.saving_on_more(30_000_000), Some(dec("1000.0000")));

    // Tiers 4 and 5 are published at one rate: the next band saves nothing.
    let e = run_estimate(r#"{"month":"2026-10","lines":[{"country":"IN","utility":150000000}]}"#);
    let next = ladder(&e, "India", Category::Utility).next.clone().unwrap();
    assert_eq!(
        (next.tier, next.saving_per_message.to_string()),
        (5, "0.0000".to_string())
    );
}

#[test]
fn authentication_and_its_international_rate_share_one_counter() {
    let e = run_estimate(
        r#"{"month":"2026-10","auth_international":true,"business_country":"GB",
            "lines":[{"country":"IN","authentication":1000}]}"#,
    );
    let l = ladder(&e, "India", Category::AuthenticationInternational);
    assert_eq!(
        (l.count, l.bands[0].rate.to_string()),
        (1000, "0.0304".to_string())
    );
    assert!(e
        .ladders
        .iter()
        .all(|l| l.category != Category::Authentication));
}

#[test]
fn pricing_notes_say_how_tiers_count_and_why_authentication_is_international() {
    let e = run_estimate(
        r#"{"month":"2026-10","auth_international":true,"business_country":"GB",
            "lines":[{"country":"IN","authentication":1000,"utility":500}]}"#,
    );
    assert_eq!(e.pricing_notes.len(), 2);
    assert_eq!(e.explanations.len(), 2);
    assert_eq!(
        e.pricing_notes[0],
        PricingNote::TierCounting {
            categories: vec![Category::Utility, Category::AuthenticationInternational]
        }
    );
    assert_eq!(
        e.explanations[0],
        "Volume tiers (utility, authentication_international): Meta counts charged messages per business portfolio, market and calendar month, every WABA and provider of the portfolio on one counter, and free messages do not count; this estimate takes these lines as the portfolio's whole month in each market."
    );
    assert_eq!(
        e.pricing_notes[1],
        PricingNote::AuthInternational {
            market: "India".into(),
            lines: vec![0],
            messages: 1000,
            currency: "USD".into(),
            rate: "0.0304".parse().unwrap(),
            domestic_rate: Some("0.0014".parse().unwrap()),
            multiple: Some("21.7".into()),
            business_country: Some("GB".into()),
        }
    );
    assert_eq!(
        e.explanations[1],
        "India authentication: 1,000 message(s) at the authentication-international rate, $0.0304 each, 21.7 times the domestic $0.0014, because auth_international says the business is eligible, the card has an international rate for India, and the country of lines[0] differs from business_country GB."
    );
    assert_eq!(e.pricing_notes[1].to_string(), e.explanations[1]);
    // Not warnings: the notes stay one per warning, and the main driver's amount is in the
    // one money format.
    assert_eq!(e.notes.len(), e.warnings.len());
    assert!(matches!(e.notes.last(), Some(Note::MainDriver { .. })));
    assert_eq!(
        e.warnings.last().unwrap(),
        "India authentication_international is 97.75% of Meta's charge ($30.40); it rests on the authentication counts, auth_international and business_country."
    );

    let e = run_estimate(
        r#"{"month":"2026-10","auth_international":true,
            "lines":[{"market":"India","authentication":10}]}"#,
    );
    let note = e
        .explanations
        .iter()
        .find(|w| w.starts_with("India authentication:"))
        .unwrap();
    assert!(
        note.ends_with("and no business_country is given, so lines[0] count as international (an eligible business without a primary location pays the international rate)."),
        "{note}"
    );
    // Domestic authentication says nothing of the international rate.
    let e = run_estimate(
        r#"{"month":"2026-10","auth_international":true,"business_country":"IN",
            "lines":[{"country":"IN","authentication":10}]}"#,
    );
    assert!(!e
        .pricing_notes
        .iter()
        .any(|n| matches!(n, PricingNote::AuthInternational { .. })));
    // Nothing tiered, nothing to explain: the JSON has neither key.
    let e = run_estimate(r#"{"month":"2026-10","lines":[{"country":"IN","marketing":10}]}"#);
    let json = serde_json::to_value(&e).unwrap();
    assert!(json.get("explanations").is_none() && json.get("pricing_notes").is_none());
    assert!(json.get("ladders").is_none());
}

#[test]
fn provider_fees_by_part_add_up_to_the_fees_exactly() {
    let e = run_estimate(
        r#"{"month":"2026-11","phone_numbers":3,"entry_point":"0.1",
            "lines":[{"country":"IN","marketing":1000,"utility":500,"service":3350},
                     {"market":"Rest of Africa","marketing":8000}],
            "bsp":{"per_message":"0.005","markup":"0.10","monthly":"49","per_number":"2.5"}}"#,
    );
    let bsp = &e.bsp;
    let charged: u64 = e
        .markets
        .iter()
        .flat_map(|m| &m.categories)
        .map(|c| c.charged)
        .sum();
    assert_eq!(bsp.per_message_count, charged);
    assert_eq!(
        bsp.per_message.value(),
        bsp.per_message_fee * Decimal::from(charged)
    );
    assert_eq!(bsp.markup.value(), dec("0.10") * e.meta_total.value());
    assert_eq!(bsp.markup_fraction.to_string(), "0.1");
    assert_eq!(
        (bsp.phone_numbers, bsp.per_number),
        (3, "7.50".parse().unwrap())
    );
    assert_eq!(bsp.monthly, "49.00");
    assert_eq!(
        bsp.per_message.value() + bsp.markup.value() + bsp.monthly.value() + bsp.per_number.value(),
        e.bsp_fees.value()
    );
    // India: marketing 900, utility 450 and service 15 charged (a tenth in entry point windows,
    // 3,000 service messages free for three numbers); Rest of Africa: marketing 7,200.
    assert_eq!(charged, 8565);
    assert_eq!(bsp.per_message, "42.825");

    let delivered = run_estimate(
        r#"{"month":"2026-11","lines":[{"country":"IN","service":3350}],
            "bsp":{"per_message":"0.01","per_message_on":"delivered"}}"#,
    );
    assert_eq!(
        (
            delivered.bsp.per_message_count,
            delivered.bsp.per_message.to_string()
        ),
        (3350, "33.50".to_string())
    );
    let json = serde_json::to_value(&delivered).unwrap();
    assert_eq!(
        json["bsp"],
        serde_json::json!({
            "per_message": "33.50", "markup": "0.00", "monthly": "0.00", "per_number": "0.00",
            "per_message_on": "delivered", "per_message_count": 3350, "per_message_fee": "0.01",
            "markup_fraction": "0", "phone_numbers": 1, "per_number_fee": "0"
        })
    );
}

#[test]
fn conversation_rules_charge_the_per_message_fee_on_conversations() {
    let e = run_estimate(
        r#"{"month":"2024-10","per_conversation":{"marketing":"2"},
            "lines":[{"country":"IN","marketing":1001}],"bsp":{"per_message":"0.01"}}"#,
    );
    assert_eq!(e.rules, RulesVersion::Cbp2023_06);
    assert_eq!(
        (e.bsp.per_message_count, e.bsp.per_message.to_string()),
        (501, "5.01".to_string())
    );
}

/// Bills a log and returns the report.
fn bill_rows(settings: &str, rows: &[String]) -> bill::Report {
    run(settings, rows).0
}

#[test]
fn plus_one_numbers_are_north_america_not_canada() {
    let rows = vec![
        row(
            "2026-10-05T10:00:00Z",
            "+14155550123",
            "out",
            "template",
            "marketing",
        ),
        row(
            "2026-10-05T11:00:00Z",
            "+447700900123",
            "out",
            "template",
            "marketing",
        ),
    ];
    let report = bill_rows(r#"{"timezone":"UTC"}"#, &rows);
    let plus_one = report
        .warnings
        .iter()
        .find(|w| w.starts_with("market of +1:"))
        .unwrap();
    assert_eq!(
        plus_one,
        "market of +1: +1 is shared by CA, US (North America) and AG, AI, AS, BB, BM, BS, DM, GD, GU, KN, KY, LC, MP, MS, SX, TC, TT, VC, VG, VI; taken as North America (+1), the market of every country Meta's table lists for +1 without a network prefix"
    );
    assert!(!plus_one.contains("Canada"));
    // One country Meta lists for the code: named as before.
    assert!(report.warnings.contains(
        &"market of +44: +44 is shared with GG, IM, JE; taken as United Kingdom (United Kingdom) because Meta's table lists it".to_string()
    ));
}

#[test]
fn the_bill_totals_by_market_and_by_category_add_up_exactly() {
    let india = "+919876543210";
    let brazil = "+5511987654321";
    let rows = vec![
        row(
            "2026-09-30T10:00:00Z",
            brazil,
            "out",
            "template",
            "marketing",
        ),
        row(
            "2026-10-01T10:00:00Z",
            india,
            "out",
            "template",
            "marketing",
        ),
        row("2026-10-01T11:00:00Z", india, "out", "template", "utility"),
        row("2026-10-02T11:00:00Z", india, "in", "message", ""),
        row("2026-10-02T11:05:00Z", india, "out", "free_form", ""),
        row("2026-10-03T11:00:00Z", brazil, "out", "template", "utility"),
    ];
    let report = bill_rows(r#"{"timezone":"UTC"}"#, &rows);
    let totals = &report.totals;
    let markets: Vec<(&str, u64, u64, u64, String)> = totals
        .markets
        .iter()
        .map(|m| {
            let c = &m.counts;
            (
                m.market.as_str(),
                c.delivered,
                c.free,
                c.charged,
                c.amount.to_string(),
            )
        })
        .collect();
    assert_eq!(
        markets,
        [
            ("Brazil", 2, 0, 2, "0.0693".to_string()),
            ("India", 3, 1, 2, "0.0132".to_string())
        ]
    );
    let categories: Vec<(&str, u64, u64, u64)> = totals
        .categories
        .iter()
        .map(|c| {
            (
                c.category,
                c.counts.delivered,
                c.counts.free,
                c.counts.charged,
            )
        })
        .collect();
    assert_eq!(
        categories,
        [
            ("marketing", 2, 0, 2),
            ("utility", 2, 0, 2),
            ("service", 1, 1, 0)
        ]
    );
    let by_market: Decimal = totals.markets.iter().map(|m| m.counts.amount.value()).sum();
    let by_category: Decimal = totals
        .categories
        .iter()
        .map(|c| c.counts.amount.value())
        .sum();
    assert_eq!(by_market, report.meta_total_value);
    assert_eq!(by_category, report.meta_total_value);
}

#[test]
fn an_invoice_total_is_compared_with_the_bill_exactly() {
    let rows = vec![row(
        "2026-10-05T10:00:00Z",
        "+919876543210",
        "out",
        "template",
        "marketing",
    )];
    let mut report = bill_rows(r#"{"timezone":"UTC"}"#, &rows);
    let invoice = bill::read_invoice_total("$0.12", wacost_core::locale::Locale::En).unwrap();
    let check = report.check_invoice(invoice);
    assert_eq!(
        (
            check.invoice_total.to_string(),
            check.meta_total.to_string(),
            check.difference.to_string()
        ),
        (
            "0.12".into(),
            report.meta_total.clone(),
            (dec("0.12") - report.meta_total_value).to_string()
        )
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["invoice"]["difference"], check.difference.to_string());
}

#[test]
fn a_model_that_cannot_price_the_log_says_why_instead_of_zero() {
    let catalog = Catalog::builtin();
    let settings = |rules: RulesVersion| {
        let mut s = Settings::default();
        s.rules = RulesChoice::Fixed(rules);
        s
    };
    let text = format!(
        "{}\n{}\n{}\n",
        bill_common::HEADER,
        row(
            "2026-10-05T10:00:00Z",
            "+919876543210",
            "out",
            "template",
            "marketing"
        ),
        row(
            "2026-10-05T11:00:00Z",
            "+5215512345678",
            "out",
            "template",
            "marketing"
        ),
    );
    let total_of = |rules| {
        let parsed =
            bill::bill(catalog, &settings(rules), &text, bill::Options::default()).unwrap();
        let mut engine = Engine::new(catalog, settings(rules));
        let mut parser = bill::LogParser::new(bill_common::HEADER).unwrap();
        for (at, line) in text.lines().enumerate().skip(1) {
            if let Ok(Some(event)) = parser.parse(at as u64 + 1, line) {
                engine.push(&event).unwrap();
            }
        }
        (parsed, engine.model_total())
    };
    let (report, total) = total_of(RulesVersion::Pmp2026_10);
    assert_eq!(
        total,
        ModelTotal::Priced {
            charged: 2,
            meta_total: wacost_core::money::Amount::new(report.meta_total_value)
        }
    );
    // The Mexico test prices +52 numbers only: India is not applicable, not free.
    let (_, total) = total_of(RulesVersion::Mx2021_02);
    let ModelTotal::CannotPrice { reasons } = &total else {
        panic!("{total:?}");
    };
    assert_eq!(reasons.len(), 1);
    assert_eq!(
        (reasons[0].messages, &reasons[0].reason),
        (1, &ModelGap::MexicoOnly)
    );
    assert_eq!(
        reasons[0].to_string(),
        "1 message(s): the Mexico test priced only +52 numbers"
    );
    // The 2022 model on the October 2026 card: past its 1,000 free conversations it needs
    // business-initiated rates, which the card does not have.
    let mut rows = vec![bill_common::HEADER.to_string()];
    for user in 0..1001 {
        rows.push(row(
            "2026-10-05T10:00:00Z",
            &format!("+9198765{user:05}"),
            "out",
            "template",
            "marketing",
        ));
    }
    let text = rows.join("\n") + "\n";
    let mut engine = Engine::new(catalog, settings(RulesVersion::Cbp2022_02));
    let mut parser = bill::LogParser::new(bill_common::HEADER).unwrap();
    for (at, line) in text.lines().enumerate().skip(1) {
        if let Ok(Some(event)) = parser.parse(at as u64 + 1, line) {
            engine.push(&event).unwrap();
        }
    }
    let json = serde_json::to_value(engine.model_total()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"status": "cannot_price", "reasons": [{"messages": 1,
            "reason": {"kind": "no_rate", "card": "2026-10-01", "currency": "USD",
                       "category": "business_initiated", "market": "India"}}]})
    );
}

#[test]
fn an_estimate_exports_exact_and_rounded_amounts() {
    let e = run_estimate(
        r#"{"month":"2026-10","phone_numbers":2,
            "lines":[{"country":"BR","utility":20000,"marketing":7}],
            "bsp":{"per_message":"0.0015","markup":"0.1","monthly":"49","per_number":"1.25"}}"#,
    );
    let csv = estimate_csv(&e);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "currency,rules,rate_card,month,row,market,category,tier,from,to,delivered,free_entry_point,free_window,free_allowance,charged,quantity,rate,amount,amount_rounded"
    );
    let expected = [
        "USD,pmp-2026-10,2026-10-01,2026-10,category,Brazil,marketing,,,,7,0,0,0,7,,0.0625,0.4375,0.44",
        "USD,pmp-2026-10,2026-10-01,2026-10,category,Brazil,utility,,,,20000,0,0,0,20000,,0.0068,136.00,136.00",
        "USD,pmp-2026-10,2026-10-01,2026-10,band,Brazil,utility,1,1,250000,,,,,,20000,0.0068,136.00,136.00",
        "USD,pmp-2026-10,2026-10-01,2026-10,category,Brazil,authentication,,,,0,0,0,0,0,,0.0068,0.00,0.00",
        "USD,pmp-2026-10,2026-10-01,2026-10,category,Brazil,service,,,,0,0,0,0,0,,0.0068,0.00,0.00",
        "USD,pmp-2026-10,2026-10-01,2026-10,market,Brazil,,,,,20007,,,,,,,136.4375,136.44",
        "USD,pmp-2026-10,2026-10-01,2026-10,meta_total,,,,,,,,,,,,,136.4375,136.44",
        "USD,pmp-2026-10,2026-10-01,2026-10,bsp_per_message_charged,,,,,,,,,,,20007,0.0015,30.0105,30.01",
        "USD,pmp-2026-10,2026-10-01,2026-10,bsp_markup,,,,,,,,,,,,0.1,13.64375,13.64",
        "USD,pmp-2026-10,2026-10-01,2026-10,bsp_monthly,,,,,,,,,,,,,49.00,49.00",
        "USD,pmp-2026-10,2026-10-01,2026-10,bsp_per_number,,,,,,,,,,,2,1.25,2.50,2.50",
        "USD,pmp-2026-10,2026-10-01,2026-10,bsp_fees,,,,,,,,,,,,,95.15425,95.15",
        "USD,pmp-2026-10,2026-10-01,2026-10,total,,,,,,,,,,,,,231.59175,231.59",
    ];
    assert_eq!(&lines[1..], expected);
    // Read back by core's own reader, every row has the header's width.
    let records = wacost_core::csv::read_all(
        &csv,
        wacost_core::csv::Separator::Comma,
        wacost_core::csv::Limits::NONE,
    )
    .unwrap();
    assert!(records.iter().all(|r| r.fields.len() == 19));

    let comparison = compare(
        &Scenario::from_json(r#"{"month":"2026-10","lines":[{"country":"BR","utility":20000}]}"#)
            .unwrap(),
    )
    .unwrap();
    let csv = comparison_csv(&comparison);
    assert!(csv.starts_with(
        "currency,rate_card,month,rules,row,market,category,charged,amount,amount_rounded,errors\n"
    ));
    assert!(csv.contains(
        "USD,2026-10-01,2026-10,pmp-2026-10,category,Brazil,utility,20000,136.00,136.00,\n"
    ));
    assert!(
        csv.contains("USD,2026-10-01,2026-10,mx-2021-02,cannot_price,,,,,,"),
        "{csv}"
    );
}

#[test]
fn more_messages_that_cannot_be_priced_exactly_give_no_figure() {
    use wacost_core::estimate::LadderBand;
    use wacost_core::money::UnitPrice;
    // A user's rate with 18 decimals times 2^64 − 1 messages needs 38 significant digits: a
    // Decimal holds 28, and wacost does not round money it adds up.
    let band = |tier, from, to, rate: &str| LadderBand {
        tier,
        from,
        to,
        rate: UnitPrice::new(dec(rate)),
        count: 0,
    };
    let ladder = TierLadder {
        market: "Own".into(),
        category: Category::Utility,
        custom: true,
        bands: vec![
            band(1, 1, Some(10), "0.5"),
            band(2, 11, None, "0.123456789012345678"),
        ],
        count: 0,
        band: 0,
        next: None,
    };
    assert_eq!(ladder.cost_of_more(u64::MAX), None);
    assert_eq!(ladder.saving_on_more(u64::MAX), None);
    // 10 at 0.5 and 2 at 0.123456789012345678: exact.
    assert_eq!(ladder.cost_of_more(12), Some(dec("5.246913578024691356")));
    assert_eq!(ladder.saving_on_more(12), Some(dec("0.753086421975308644")));
}
