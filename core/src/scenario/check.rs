//! The limits of a scenario checked on its typed fields, for scenarios built in code rather
//! than read from JSON: `estimate` never prices a value that was not checked, and checking
//! here costs far less than a round trip through JSON.

use super::{FieldError, Scenario, MAX_COUNT, MAX_LINES, MAX_MARKUP, MAX_RATE, MAX_SCALE};
use rust_decimal::Decimal;

struct Limits {
    errors: Vec<FieldError>,
}

impl Limits {
    fn count(&mut self, path: impl FnOnce() -> String, value: u64, min: u64) {
        if value > MAX_COUNT {
            self.errors.push(FieldError::new(
                path(),
                format!("must be at most 1000000000000 (10^12), got {value}"),
            ));
        } else if value < min {
            self.errors.push(FieldError::new(
                path(),
                format!("must be a whole number >= {min}, got {value}"),
            ));
        }
    }

    fn decimal(
        &mut self,
        path: impl FnOnce() -> String,
        value: Decimal,
        min: Decimal,
        max: Decimal,
    ) {
        if value < min || value > max {
            self.errors.push(FieldError::new(
                path(),
                format!("must be a decimal number from {min} to {max}, got \"{value}\""),
            ));
        } else if value.normalize().scale() > MAX_SCALE {
            self.errors.push(FieldError::new(
                path(),
                format!("must have at most {MAX_SCALE} decimal places, got \"{value}\""),
            ));
        }
    }

    fn code(&mut self, path: impl FnOnce() -> String, value: &str, length: usize, what: &str) {
        if value.len() != length || !value.bytes().all(|b| b.is_ascii_uppercase()) {
            self.errors.push(FieldError::new(
                path(),
                format!("must be {what}, got \"{value}\""),
            ));
        }
    }
}

pub(super) fn check(s: &Scenario) -> Vec<FieldError> {
    let mut l = Limits { errors: Vec::new() };
    let (zero, one, max) = (Decimal::ZERO, Decimal::ONE, Decimal::from(MAX_COUNT));
    if s.month.is_none() && (s.rules.is_none() || s.rate_card.is_none()) {
        l.errors.push(FieldError::new(
            "month",
            "is required unless both rules and rate_card are given",
        ));
    }
    l.code(
        || "currency".into(),
        &s.currency,
        3,
        "an ISO 4217 currency code in capitals (e.g. USD)",
    );
    if let Some(country) = &s.business_country {
        l.code(
            || "business_country".into(),
            country,
            2,
            "an ISO 3166-1 alpha-2 country code in capitals (e.g. IN)",
        );
    }
    l.count(|| "phone_numbers".into(), s.phone_numbers, 1);
    l.count(|| "wabas".into(), s.wabas, 1);
    l.count(|| "free_conversations".into(), s.free_conversations, 0);
    l.decimal(
        || "utility_in_window".into(),
        s.utility_in_window,
        zero,
        one,
    );
    l.decimal(|| "entry_point".into(), s.entry_point, zero, one);
    let pc = &s.per_conversation;
    for (name, value) in [
        ("marketing", pc.marketing),
        ("utility", pc.utility),
        ("authentication", pc.authentication),
        ("service", pc.service),
    ] {
        l.decimal(|| format!("per_conversation.{name}"), value, one, max);
    }
    if s.lines.len() > MAX_LINES {
        l.errors.push(FieldError::new(
            "lines",
            format!("at most {MAX_LINES} lines, got {}", s.lines.len()),
        ));
    }
    for (index, line) in s.lines.iter().enumerate() {
        match (&line.country, &line.market) {
            (Some(country), None) => l.code(
                || format!("lines[{index}].country"),
                country,
                2,
                "an ISO 3166-1 alpha-2 country code in capitals (e.g. IN)",
            ),
            (None, Some(market)) if !market.trim().is_empty() => {}
            _ => l.errors.push(FieldError::new(
                format!("lines[{index}]"),
                "needs exactly one destination: country (ISO alpha-2) or market (Meta's market name)",
            )),
        }
        for (name, value) in [
            ("marketing", line.marketing),
            ("utility", line.utility),
            ("authentication", line.authentication),
            ("service", line.service),
        ] {
            l.count(|| format!("lines[{index}].{name}"), value, 0);
        }
    }
    let bsp = &s.bsp;
    for (name, value, limit) in [
        ("per_message", bsp.per_message, MAX_RATE),
        ("markup", bsp.markup, MAX_MARKUP),
        ("monthly", bsp.monthly, MAX_COUNT),
        ("per_number", bsp.per_number, MAX_RATE),
    ] {
        l.decimal(|| format!("bsp.{name}"), value, zero, Decimal::from(limit));
    }
    for (index, rate) in s.custom_rates.iter().enumerate() {
        if rate.market.trim().is_empty() {
            l.errors.push(FieldError::new(
                format!("custom_rates[{index}].market"),
                "must not be empty",
            ));
        }
        l.decimal(
            || format!("custom_rates[{index}].rate"),
            rate.rate,
            zero,
            max,
        );
        if s.custom_rates[..index]
            .iter()
            .any(|r| r.category == rate.category && r.market.eq_ignore_ascii_case(&rate.market))
        {
            l.errors.push(FieldError::new(
                format!("custom_rates[{index}]"),
                format!(
                    "duplicate: {} {} is given twice",
                    rate.market, rate.category
                ),
            ));
        }
    }
    for (index, tier) in s.custom_tiers.iter().enumerate() {
        let path = format!("custom_tiers[{index}]");
        if tier.market.trim().is_empty() {
            l.errors.push(FieldError::new(
                format!("{path}.market"),
                "must not be empty",
            ));
        }
        if tier.category.tier_family().is_none() {
            l.errors.push(FieldError::new(
                format!("{path}.category"),
                "must be a tiered category (utility, authentication, authentication_international)",
            ));
        }
        if tier.bands.is_empty() {
            l.errors.push(FieldError::new(
                format!("{path}.bands"),
                "must not be empty",
            ));
        }
        let mut previous = 0u64;
        for (b, band) in tier.bands.iter().enumerate() {
            let last = b + 1 == tier.bands.len();
            match band.to {
                None if last => {}
                Some(to) if !last && to > previous && to <= MAX_COUNT => previous = to,
                _ => l.errors.push(FieldError::new(
                    format!("{path}.bands[{b}].to"),
                    "bands must end in increasing order, only the last one open (to: null)",
                )),
            }
            l.decimal(
                || format!("{path}.bands[{b}].rate"),
                band.rate,
                zero,
                Decimal::from(MAX_RATE),
            );
        }
        if s.custom_tiers[..index]
            .iter()
            .any(|t| t.category == tier.category && t.market.eq_ignore_ascii_case(&tier.market))
        {
            l.errors.push(FieldError::new(
                path,
                format!(
                    "duplicate: {} {} is given twice",
                    tier.market, tier.category
                ),
            ));
        }
    }
    l.errors
}

#[cfg(test)]
mod tests {
    use super::super::{Line, Scenario};
    use rust_decimal::Decimal;

    #[test]
    fn scenarios_built_in_code_are_held_to_the_same_limits() {
        let mut s = Scenario {
            month: "2026-10".parse().ok(),
            ..Scenario::default()
        };
        assert!(s.check().is_ok());
        s.entry_point = Decimal::new(15, 1);
        s.phone_numbers = 0;
        s.lines.push(Line {
            country: Some("IND".into()),
            utility: 2_000_000_000_000,
            ..Line::default()
        });
        s.lines.push(Line::default());
        let errors = s.check().unwrap_err().lines();
        assert_eq!(
            errors,
            vec![
                "phone_numbers: must be a whole number >= 1, got 0",
                "entry_point: must be a decimal number from 0 to 1, got \"1.5\"",
                "lines[0].country: must be an ISO 3166-1 alpha-2 country code in capitals (e.g. IN), got \"IND\"",
                "lines[0].utility: must be at most 1000000000000 (10^12), got 2000000000000",
                "lines[1]: needs exactly one destination: country (ISO alpha-2) or market (Meta's market name)",
            ]
        );
    }
}
