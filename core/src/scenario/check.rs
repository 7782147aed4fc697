//! The limits of a scenario checked on its typed fields, for scenarios built in code rather
//! than read from JSON: `estimate` never prices a value that was not checked, and checking
//! here costs far less than a round trip through JSON. The limits are the schema's.

use super::schema::{BandField, LineField, RateField, Setting, ValueKind};
use super::steps::{Step, STEPS};
use super::ForMarket;
use super::{
    CodeStandard, CustomRate, CustomTier, ErrorKind, FieldError, FieldPath, Line, Scenario,
    SettingValue, MAX_BANDS, MAX_COUNT, MAX_CUSTOM_RATES, MAX_CUSTOM_TIERS, MAX_LINES, MAX_SCALE,
};
use crate::category::Category;
use rust_decimal::Decimal;
use std::collections::HashSet;

#[derive(Default)]
struct Limits {
    errors: Vec<FieldError>,
}

impl Limits {
    fn push(&mut self, path: FieldPath, kind: ErrorKind) {
        self.errors.push(FieldError::new(path, kind));
    }

    fn count(&mut self, path: impl FnOnce() -> FieldPath, value: u64, min: u64) {
        let got = || value.to_string();
        if value > MAX_COUNT {
            self.push(
                path(),
                ErrorKind::CountTooLarge {
                    max: MAX_COUNT,
                    got: got(),
                },
            );
        } else if value < min {
            self.push(path(), ErrorKind::NotACount { min, got: got() });
        }
    }

    /// A decimal within the bounds of a `Decimal` kind of the schema.
    fn decimal(&mut self, path: impl FnOnce() -> FieldPath, value: Decimal, kind: ValueKind) {
        let ValueKind::Decimal { min, max } = kind else {
            return;
        };
        let (min, max) = (Decimal::from(min), Decimal::from(max));
        let got = || format!("\"{value}\"");
        if value < min || value > max {
            self.push(
                path(),
                ErrorKind::NotADecimal {
                    min,
                    max,
                    got: got(),
                },
            );
        } else if value.normalize().scale() > MAX_SCALE {
            self.push(
                path(),
                ErrorKind::TooManyDecimals {
                    max: MAX_SCALE,
                    got: got(),
                },
            );
        }
    }

    fn code(&mut self, path: impl FnOnce() -> FieldPath, value: &str, standard: CodeStandard) {
        let length = match standard {
            CodeStandard::Country => 2,
            CodeStandard::Currency => 3,
        };
        if value.len() != length || !value.bytes().all(|b| b.is_ascii_uppercase()) {
            self.push(
                path(),
                ErrorKind::NotACapitalCode {
                    standard,
                    got: format!("\"{value}\""),
                },
            );
        }
    }

    /// A setting against the limits of its kind; months, rules, dates and choices are valid
    /// by their type.
    fn setting(&mut self, s: &Scenario, setting: Setting) {
        let kind = setting.spec().kind;
        let path = || setting.path();
        match (kind, s.get(setting)) {
            (ValueKind::Currency, SettingValue::Text(Some(code))) => {
                self.code(path, &code, CodeStandard::Currency)
            }
            (ValueKind::Country, SettingValue::Text(Some(code))) => {
                self.code(path, &code, CodeStandard::Country)
            }
            (ValueKind::Count { min }, SettingValue::Count(n)) => self.count(path, n, min),
            (ValueKind::Decimal { .. }, SettingValue::Decimal(d)) => self.decimal(path, d, kind),
            _ => {}
        }
    }

    fn lines(&mut self, lines: &[Line]) {
        if lines.len() > MAX_LINES {
            self.push(
                FieldPath::top("lines"),
                ErrorKind::TooManyLines {
                    max: MAX_LINES,
                    got: lines.len(),
                },
            );
        }
        for (index, line) in lines.iter().enumerate() {
            match (&line.country, &line.market) {
                (Some(country), None) => self.code(
                    || FieldPath::line_field(index, LineField::Country),
                    country,
                    CodeStandard::Country,
                ),
                (None, Some(market)) if !market.trim().is_empty() => {}
                _ => self.push(FieldPath::line(index), ErrorKind::NotOneDestination),
            }
            for field in LineField::COUNTS {
                if let (ValueKind::Count { min }, Some(n)) = (field.spec().kind, line.count(field))
                {
                    self.count(|| FieldPath::line_field(index, field), n, min);
                }
            }
        }
    }

    /// An entry's own currency, if it gives one: a code, and the scenario's.
    fn entry_currency<T: ForMarket>(
        &mut self,
        entry: &T,
        scenario: &str,
        path: impl Fn() -> FieldPath,
    ) {
        let Some(code) = entry.currency() else {
            return;
        };
        let before = self.errors.len();
        self.code(&path, code, CodeStandard::Currency);
        if self.errors.len() == before && code != scenario {
            self.push(
                path(),
                ErrorKind::OtherCurrency {
                    given: code.to_string(),
                    scenario: scenario.to_string(),
                },
            );
        }
    }

    /// The entry is for another market or category than every earlier one, whose keys are in
    /// `seen`.
    fn unique<T: ForMarket>(
        &mut self,
        seen: &mut HashSet<(String, Category)>,
        entry: &T,
        path: impl FnOnce() -> FieldPath,
    ) {
        if !seen.insert(entry.key()) {
            self.push(path(), entry.duplicate());
        }
    }

    /// Whether a list is within its cap; when it is not, its entries are not looked at.
    fn within(
        &mut self,
        list: &str,
        len: usize,
        max: usize,
        kind: fn(usize, usize) -> ErrorKind,
    ) -> bool {
        if len > max {
            self.push(FieldPath::top(list.to_string()), kind(max, len));
        }
        len <= max
    }

    fn custom_rates(&mut self, rates: &[CustomRate], currency: &str) {
        let too_many = |max, got| ErrorKind::TooManyCustomRates { max, got };
        if !self.within("custom_rates", rates.len(), MAX_CUSTOM_RATES, too_many) {
            return;
        }
        let mut seen = HashSet::new();
        for (index, rate) in rates.iter().enumerate() {
            let path = || FieldPath::top("custom_rates").index(index);
            if rate.market.trim().is_empty() {
                self.push(path().key(RateField::Market.name()), ErrorKind::Empty);
            }
            self.decimal(
                || path().key(RateField::Rate.name()),
                rate.rate,
                RateField::Rate.spec().kind,
            );
            self.entry_currency(rate, currency, || path().key(RateField::Currency.name()));
            self.unique(&mut seen, rate, path);
        }
    }

    fn custom_tiers(&mut self, tiers: &[CustomTier], currency: &str) {
        let too_many = |max, got| ErrorKind::TooManyCustomTiers { max, got };
        if !self.within("custom_tiers", tiers.len(), MAX_CUSTOM_TIERS, too_many) {
            return;
        }
        let mut seen = HashSet::new();
        for (index, tier) in tiers.iter().enumerate() {
            let path = FieldPath::top("custom_tiers").index(index);
            if tier.market.trim().is_empty() {
                self.push(path.clone().key("market"), ErrorKind::Empty);
            }
            if tier.category.tier_family().is_none() {
                self.push(
                    path.clone().key("category"),
                    ErrorKind::NotATieredCategory { got: None },
                );
            }
            self.entry_currency(tier, currency, || path.clone().key("currency"));
            let bands = path.clone().key("bands");
            if tier.bands.is_empty() {
                self.push(bands.clone(), ErrorKind::Empty);
            }
            if tier.bands.len() > MAX_BANDS {
                let got = tier.bands.len();
                self.push(
                    bands,
                    ErrorKind::TooManyBands {
                        max: MAX_BANDS,
                        got,
                    },
                );
                self.unique(&mut seen, tier, || path);
                continue;
            }
            let mut previous = 0u64;
            for (b, band) in tier.bands.iter().enumerate() {
                let last = b + 1 == tier.bands.len();
                match band.to {
                    None if last => {}
                    Some(to) if !last && to > previous && to <= MAX_COUNT => previous = to,
                    _ => self.push(
                        bands.clone().index(b).key(BandField::To.name()),
                        ErrorKind::BandsOutOfOrder,
                    ),
                }
                self.decimal(
                    || bands.clone().index(b).key(BandField::Rate.name()),
                    band.rate,
                    BandField::Rate.spec().kind,
                );
            }
            self.unique(&mut seen, tier, || path);
        }
    }
}

pub(super) fn check(s: &Scenario) -> Vec<FieldError> {
    let mut l = Limits::default();
    // The month first, as the command line has always listed it, then the validator's order.
    if s.month.is_none() && (s.rules.is_none() || s.rate_card.is_none()) {
        l.push(Setting::Month.path(), ErrorKind::MonthRequired);
    }
    for step in STEPS {
        match step {
            Step::Value(setting) => l.setting(s, setting),
            Step::MonthRequired => {}
            Step::Lines => l.lines(&s.lines),
            Step::CustomRates => l.custom_rates(&s.custom_rates, &s.currency),
            Step::CustomTiers => l.custom_tiers(&s.custom_tiers, &s.currency),
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
