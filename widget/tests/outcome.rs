//! The widget's path from settings and typed counts to the core's estimate, natively.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wacost_widget::config::{Config, Source};
use wacost_widget::outcome::{run, scenario_json, Target};

fn config(pairs: &[(&str, &str)], source: Source) -> Config {
    let entries: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Config::parse(&entries, source, "2026-11").unwrap()
}

/// The Estimate as the event's JSON.
fn value(priced: wacost_widget::outcome::Priced) -> serde_json::Value {
    serde_json::from_str(&priced.json).unwrap()
}

fn counts(rows: &[[&str; 4]]) -> Vec<[String; 4]> {
    rows.iter().map(|r| r.map(str::to_string)).collect()
}

#[test]
fn the_host_page_first_widget_totals_exactly() {
    // IN, BR, GB with 1,000 marketing and 1,000 utility each on the 2026-10-01 USD card:
    // Meta 11.80 + 1.40 + 62.50 + 6.80 + 63.50 + 22.00 = 168.00; 6,000 charged x 0.005 = 30.
    let c = config(
        &[("countries", "IN,BR,GB"), ("bspPerMessage", "0.005")],
        Source::Attributes,
    );
    let typed = counts(&[["1000", "1000", "0", "0"]; 3]);
    let priced = value(run(&c, &typed).unwrap());
    assert_eq!(priced["meta_total"], "168.00");
    assert_eq!(priced["bsp_fees"], "30.00");
    assert_eq!(priced["total"], "198.00");
    assert_eq!(priced["rules"], "pmp-2026-10");
    // 8,000 more marketing to India: + 8,000 x (0.0118 + 0.005) = 134.40.
    let typed = counts(&[
        ["9,000", "1000", "", "0"],
        ["1000", "1000", "0", "0"],
        ["1000", "1000", "0", "0"],
    ]);
    assert_eq!(value(run(&c, &typed).unwrap())["total"], "332.40");
}

/// Counts are read as the widget's language writes them, by the core's reader the page uses:
/// a French `9 000`, a Brazilian `9.000`; a decimal mark is never read as grouping.
#[test]
fn counts_are_read_as_the_language_writes_them() {
    for (lang, typed) in [
        ("fr", "9 000"),
        ("fr", "9\u{202f}000"),
        ("pt-BR", "9.000"),
        ("es", "9.000"),
    ] {
        let c = config(
            &[("countries", "IN"), ("month", "2026-11"), ("lang", lang)],
            Source::Attributes,
        );
        let json = scenario_json(&c, &counts(&[[typed, "1", "", "0"]]));
        assert!(
            json.contains(r#""marketing":9000"#),
            "{lang} {typed}: {json}"
        );
    }
    let c = config(&[("countries", "IN"), ("lang", "fr")], Source::Attributes);
    let issues = run(&c, &counts(&[["1,5", "0", "0", "0"]])).unwrap_err();
    assert_eq!(
        issues[0].target,
        Target::Count {
            line: 0,
            category: 0
        }
    );
    let english = config(&[("countries", "IN")], Source::Attributes);
    let json = scenario_json(&english, &counts(&[["9 000", "1,500", "", "0"]]));
    assert!(
        json.contains(r#""marketing":"9 000""#) && json.contains(r#""utility":1500"#),
        "{json}"
    );
}

#[test]
fn the_event_detail_is_the_estimate_json() {
    let c = config(
        &[
            ("countries", "ZA,NG"),
            ("bspMarkup", "0.10"),
            ("bspMonthly", "49"),
        ],
        Source::Attributes,
    );
    let priced = run(&c, &counts(&[["1000", "1000", "0", "0"]; 2])).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&priced.json).unwrap();
    assert_eq!(parsed, serde_json::to_value(&priced.estimate).unwrap());
    // Meta 37.90 + 9.50 + 51.60 + 6.70 = 105.70; 10% = 10.57, + 49 monthly.
    assert_eq!(parsed["bsp_fees"], "59.57");
    assert_eq!(parsed["total"], "165.27");
}

#[test]
fn a_bad_count_points_at_its_input() {
    let c = config(&[("countries", "IN,BR")], Source::Attributes);
    let issues = run(
        &c,
        &counts(&[["1000", "0", "0", "0"], ["0", "12.5", "0", "x"]]),
    )
    .unwrap_err();
    assert_eq!(issues.len(), 2);
    assert_eq!(
        issues[0].target,
        Target::Count {
            line: 1,
            category: 1
        }
    );
    assert_eq!(
        issues[0].message,
        "must be a whole number >= 0, got \"12.5\""
    );
    assert_eq!(
        issues[1].target,
        Target::Count {
            line: 1,
            category: 3
        }
    );
}

#[test]
fn settings_the_core_refuses_are_named_as_the_integrator_wrote_them() {
    let c = config(&[("bspMarkup", "lots")], Source::Attributes);
    let issues = run(&c, &counts(&[["0", "0", "0", "0"]])).unwrap_err();
    assert_eq!(issues[0].target, Target::Setting("data-bsp-markup".into()));
    // The range is the core's to choose; the widget must pass its message through whole.
    assert!(
        issues[0]
            .message
            .starts_with("must be a decimal number from 0 to ")
            && issues[0].message.ends_with(", got \"lots\""),
        "{}",
        issues[0].message
    );
    // Refused when pricing, not when parsing: still the month's attribute.
    let c = config(&[("month", "2019-05")], Source::Attributes);
    let issues = run(&c, &counts(&[["0", "0", "0", "0"]])).unwrap_err();
    assert_eq!(
        issues[0].target,
        Target::Setting("data-month".into()),
        "{issues:?}"
    );
    let c = config(&[("bspMonthly", "-1")], Source::Script);
    let issues = run(&c, &counts(&[["0", "0", "0", "0"]])).unwrap_err();
    assert_eq!(issues[0].target, Target::Setting("bspMonthly".into()));
}

#[test]
fn the_scenario_carries_every_setting() {
    let c = config(
        &[
            ("countries", "MX"),
            ("rules", "pmp-2025-07"),
            ("rateCard", "2026-07-01"),
            ("phoneNumbers", "2"),
            ("bspPerNumber", "10"),
        ],
        Source::Script,
    );
    let json: serde_json::Value =
        serde_json::from_str(&scenario_json(&c, &counts(&[["5", "", "0", "7"]]))).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "month": "2026-11", "currency": "USD", "rules": "pmp-2025-07", "rate_card": "2026-07-01",
            "phone_numbers": "2",
            "lines": [{"country": "MX", "marketing": 5, "utility": 0, "authentication": 0, "service": 7}],
            "bsp": {"per_number": "10"}
        })
    );
}

/// `bspPerMessageOn=delivered`: the provider's per-message fee on every delivered message,
/// free service replies included, as some providers bill.
#[test]
fn the_per_message_fee_can_apply_to_every_delivered_message() {
    let typed = counts(&[["1000", "0", "0", "1000"]]);
    let charged = config(
        &[("countries", "IN"), ("bspPerMessage", "0.005")],
        Source::Attributes,
    );
    let delivered = config(
        &[
            ("countries", "IN"),
            ("bspPerMessage", "0.005"),
            ("bspPerMessageOn", "delivered"),
        ],
        Source::Attributes,
    );
    // 1,000 marketing x 0.0118 = 11.80; the 1,000 service replies are free.
    let on_charged = value(run(&charged, &typed).unwrap());
    assert_eq!(on_charged["meta_total"], "11.80");
    assert_eq!(on_charged["bsp_fees"], "5.00");
    let on_delivered = value(run(&delivered, &typed).unwrap());
    assert_eq!(on_delivered["bsp_fees"], "10.00");
    assert_eq!(on_delivered["total"], "21.80");
    let bad = config(&[("bspPerMessageOn", "sent")], Source::Attributes);
    let issues = run(&bad, &typed).unwrap_err();
    assert_eq!(
        issues[0].target,
        Target::Setting("data-bsp-per-message-on".into())
    );
    assert!(
        issues[0].message.contains("\"sent\""),
        "{}",
        issues[0].message
    );
}
