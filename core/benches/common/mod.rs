//! The 250-line sheet the benchmarks price: 25 countries, every category, fees and shares.

use wacost_core::scenario::Scenario;

pub const COUNTRIES: [&str; 25] = [
    "IN", "BR", "MX", "ID", "US", "GB", "DE", "FR", "ES", "IT", "NG", "ZA", "EG", "SA", "AE", "TR",
    "KE", "GH", "AR", "CO", "PK", "MY", "KZ", "PL", "JP",
];

pub fn scenario() -> Scenario {
    let lines: Vec<String> = (0..250)
        .map(|i| {
            format!(
                r#"{{"country":"{}","marketing":{},"utility":{},"authentication":{},"service":{}}}"#,
                COUNTRIES[i % COUNTRIES.len()],
                1000 + i * 37,
                500 + i * 1_000_003,
                i * 2_000_011,
                3000 + i * 17
            )
        })
        .collect();
    let text = format!(
        r#"{{"month":"2026-11","currency":"USD","business_country":"GB","auth_international":true,
            "phone_numbers":3,"wabas":2,"utility_in_window":"0.25","entry_point":"0.10",
            "per_conversation":{{"marketing":"1","utility":"1.5","authentication":"1","service":"4"}},
            "bsp":{{"per_message":"0.005","markup":"0.10","monthly":"49"}},
            "lines":[{}]}}"#,
        lines.join(",")
    );
    match Scenario::from_json(&text) {
        Ok(scenario) => scenario,
        Err(errors) => panic!("bench scenario is invalid: {errors}"),
    }
}
