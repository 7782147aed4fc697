//! A month's count from the base count: `round_half_up(base × (1 + g)^m × multiplier)`.
//!
//! `(1 + g)^m` has up to hundreds of digits (a growth of 18 decimals to the 35th power), so it
//! is computed exactly in big integers and then rounded half up to 28 significant digits, the
//! precision of a `Decimal`; the product with the base and the multiplier is exact again and is
//! rounded once, half up, to a whole count. Those are the plan's only roundings. Each month's
//! count comes from the unrounded base, never from the previous month's count, so no error
//! compounds.

use num_bigint::BigUint;
use rust_decimal::Decimal;

/// Significant digits kept of a power.
const POWER_DIGITS: u32 = 28;

/// A positive exact decimal `mantissa × 10^exponent`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Power {
    mantissa: BigUint,
    exponent: i64,
}

impl Power {
    /// `(1 + growth)^m`, rounded half up to 28 significant digits. `growth` is above -1.
    pub fn of(growth: Decimal, m: u32) -> Power {
        let factor = (Decimal::ONE + growth).normalize();
        let mantissa = BigUint::from(factor.mantissa().unsigned_abs());
        let scale = i64::from(factor.scale());
        let exact = mantissa.pow(m);
        let digits = decimal_digits(&exact);
        let exponent = -scale * i64::from(m);
        if digits <= u64::from(POWER_DIGITS) {
            return Power {
                mantissa: exact,
                exponent,
            };
        }
        let cut = digits - u64::from(POWER_DIGITS);
        let unit = ten_to(cut);
        let (quotient, remainder) = (&exact / &unit, &exact % &unit);
        let rounded = if remainder * 2u32 >= unit {
            quotient + 1u32
        } else {
            quotient
        };
        Power {
            mantissa: rounded,
            exponent: exponent + i64::try_from(cut).unwrap_or(i64::MAX),
        }
    }

    /// The power as a decimal, for display and tests; `None` when it does not fit a `Decimal`
    /// (more than 28 decimals, or above its range).
    pub fn to_decimal(&self) -> Option<Decimal> {
        let mantissa = i128::try_from(&self.mantissa).ok()?;
        if self.exponent <= 0 {
            let scale = u32::try_from(-self.exponent).ok()?;
            Decimal::try_from_i128_with_scale(mantissa, scale).ok()
        } else {
            let factor = i128::try_from(ten_to(u64::try_from(self.exponent).ok()?)).ok()?;
            Decimal::try_from_i128_with_scale(mantissa.checked_mul(factor)?, 0).ok()
        }
    }

    /// `round_half_up(base × self × multiplier)`, computed exactly; `None` above `u64`.
    pub fn count(&self, base: u64, multiplier: Decimal) -> Option<u64> {
        if base == 0 || multiplier.is_zero() {
            return Some(0);
        }
        let multiplier = multiplier.normalize();
        let mut numerator = BigUint::from(base)
            * &self.mantissa
            * BigUint::from(multiplier.mantissa().unsigned_abs());
        let mut exponent = self.exponent - i64::from(multiplier.scale());
        if exponent > 0 {
            numerator *= ten_to(u64::try_from(exponent).ok()?);
            exponent = 0;
        }
        let denominator = ten_to(u64::try_from(-exponent).ok()?);
        let rounded = (numerator * 2u32 + &denominator) / (denominator * 2u32);
        u64::try_from(rounded).ok()
    }
}

fn ten_to(exponent: u64) -> BigUint {
    BigUint::from(10u32).pow(u32::try_from(exponent).unwrap_or(u32::MAX))
}

/// Digits of a number in base ten (1 for zero).
fn decimal_digits(n: &BigUint) -> u64 {
    // bits × log10(2) is within one of the digit count; the comparison settles it.
    let estimate = (n.bits() * 30103 / 100_000).max(1);
    if *n >= ten_to(estimate) {
        estimate + 1
    } else {
        estimate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn short_powers_are_exact() {
        assert_eq!(Power::of(d("0.05"), 0).to_decimal(), Some(d("1")));
        assert_eq!(Power::of(d("0.05"), 1).to_decimal(), Some(d("1.05")));
        assert_eq!(Power::of(d("0.05"), 2).to_decimal(), Some(d("1.1025")));
        assert_eq!(Power::of(d("-0.5"), 3).to_decimal(), Some(d("0.125")));
        assert_eq!(Power::of(d("1"), 10).to_decimal(), Some(d("1024")));
    }

    #[test]
    fn long_powers_keep_28_digits_rounded_half_up() {
        // 1.05^12 = 1.795856326022129150390625 (25 digits): exact.
        assert_eq!(
            Power::of(d("0.05"), 12).to_decimal(),
            Some(d("1.795856326022129150390625"))
        );
        // 1.05^35 = 5.51601536759224808195665309073… (71 digits): 28 kept, half up.
        let p = Power::of(d("0.05"), 35);
        assert_eq!(p.to_decimal(), Some(d("5.516015367592248081956653091")));
        // 1.1^29 = 15.86309297171491574414436704891: the 29th digit (9) rounds up.
        assert_eq!(
            Power::of(d("0.1"), 29).to_decimal(),
            Some(d("15.86309297171491574414436705"))
        );
    }

    #[test]
    fn counts_round_once_half_up() {
        let p = Power::of(d("0.05"), 1);
        assert_eq!(p.count(10, Decimal::ONE), Some(11)); // 10.5 → 11
        assert_eq!(p.count(30, Decimal::ONE), Some(32)); // 31.5 → 32
        assert_eq!(p.count(100, d("1.8")), Some(189));
        assert_eq!(Power::of(d("-0.05"), 1).count(10, Decimal::ONE), Some(10)); // 9.5 → 10
        assert_eq!(p.count(0, d("2")), Some(0));
        assert_eq!(p.count(7, Decimal::ZERO), Some(0));
        // 1000 × 1.05^12 = 1795.856… → 1796
        assert_eq!(
            Power::of(d("0.05"), 12).count(1000, Decimal::ONE),
            Some(1796)
        );
    }

    #[test]
    fn tiny_and_huge_powers_stay_exact_in_counts() {
        // 0.01^35 = 10^-70: nothing survives the rounding of a count.
        let tiny = Power::of(d("-0.99"), 35);
        assert_eq!(tiny.to_decimal(), None);
        assert_eq!(tiny.count(1_000_000_000_000, Decimal::ONE), Some(0));
        // 11^35 ≈ 2.8 × 10^36: above any count.
        let huge = Power::of(d("10"), 35);
        assert_eq!(huge.count(1, Decimal::ONE), None);
        assert_eq!(huge.to_decimal(), None);
    }

    #[test]
    fn digit_counts_are_exact_at_powers_of_ten() {
        for e in 0..60u64 {
            let n = ten_to(e);
            assert_eq!(decimal_digits(&n), e + 1, "10^{e}");
            if e > 0 {
                assert_eq!(decimal_digits(&(n - 1u32)), e, "10^{e} - 1");
            }
        }
    }
}
