//! The integer arithmetic of the split: shares, conversations and allowances, all exact.
//!
//! Counts are at most 10^12 and shares carry at most 18 decimals (checked when a scenario is
//! read), so every product below fits in a `u128` and nothing is ever rounded but the one
//! rounding docs/scenario.md names.

use rust_decimal::Decimal;

/// A non-negative decimal with at most 18 decimals as `mantissa / 10^scale`, taken apart once
/// so that applying it to many counts is plain integer arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    mantissa: u128,
    denominator: u128,
    /// What the value is, decided once: an estimate applies the same fraction to every line.
    form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Zero,
    One,
    /// Mantissa and denominator both fit a u64 (nearly always), whose arithmetic is far
    /// cheaper than a u128's.
    Narrow {
        mantissa: u64,
        denominator: u64,
    },
    Wide,
}

impl Fraction {
    pub fn of(value: Decimal) -> Fraction {
        let mut value = value.normalize();
        // Unreachable for a checked scenario (more decimals are refused); kept so that an
        // unchecked value cannot overflow the denominator.
        if value.scale() > crate::scenario::MAX_SCALE {
            value = value.round_dp(crate::scenario::MAX_SCALE);
        }
        let mantissa = value.mantissa().unsigned_abs();
        let denominator = 10u128.pow(value.scale());
        let form = match (u64::try_from(mantissa), u64::try_from(denominator)) {
            _ if mantissa == 0 => Form::Zero,
            _ if mantissa == denominator => Form::One,
            (Ok(mantissa), Ok(denominator)) => Form::Narrow {
                mantissa,
                denominator,
            },
            _ => Form::Wide,
        };
        Fraction {
            mantissa,
            denominator,
            form,
        }
    }

    /// `round_half_up(n * self)`, capped at `n`.
    pub fn share_of(self, n: u64) -> u64 {
        match self.form {
            Form::Zero => return 0,
            Form::One => return n,
            Form::Narrow {
                mantissa,
                denominator,
            } => {
                // The product fits a u64 for any count up to 10^12 and a share of a few
                // decimals.
                let twice = n
                    .checked_mul(mantissa)
                    .and_then(|p| p.checked_mul(2))
                    .and_then(|p| p.checked_add(denominator));
                if let Some(twice) = twice {
                    return (twice / (2 * denominator)).min(n);
                }
            }
            Form::Wide => {}
        }
        // mantissa <= denominator <= 10^18 and n < 2^64: every term fits a u128.
        let numerator = u128::from(n) * self.mantissa;
        let rounded = (2 * numerator + self.denominator) / (2 * self.denominator);
        u64::try_from(rounded).unwrap_or(u64::MAX).min(n)
    }

    /// `ceil(messages / self)`: the conversations `messages` open on average.
    pub fn conversations(self, messages: u64) -> u64 {
        match self.form {
            Form::Zero | Form::One => return messages,
            Form::Narrow {
                mantissa,
                denominator,
            } => {
                if let Some(numerator) = messages.checked_mul(denominator) {
                    return numerator.div_ceil(mantissa).min(messages);
                }
            }
            Form::Wide => {}
        }
        // denominator <= 10^18 and messages < 2^64: the product fits a u128.
        let numerator = u128::from(messages) * self.denominator;
        u64::try_from(numerator.div_ceil(self.mantissa))
            .unwrap_or(u64::MAX)
            .min(messages)
    }
}

/// `round_half_up(n * share)`, capped at `n`.
pub fn share_of(n: u64, share: Decimal) -> u64 {
    Fraction::of(share).share_of(n)
}

/// `ceil(messages / per_conversation)`: the conversations `messages` open on average.
pub fn conversations(messages: u64, per_conversation: Decimal) -> u64 {
    Fraction::of(per_conversation).conversations(messages)
}

/// Splits `allowance` over `eligible` counts in proportion, by the largest-remainder method;
/// ties go to the earlier entry. Nobody gets more than their eligible count, and the whole
/// allowance is used whenever there is enough to use it on.
pub fn largest_remainder(allowance: u64, eligible: &[u64]) -> Vec<u64> {
    let total: u128 = eligible.iter().map(|&e| u128::from(e)).sum();
    if total <= u128::from(allowance) {
        return eligible.to_vec();
    }
    let allowance = u128::from(allowance);
    let mut shares: Vec<u64> = Vec::with_capacity(eligible.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(eligible.len());
    let mut given: u128 = 0;
    // Most products fit a u64, whose division is several times cheaper than a u128's.
    let narrow_total = u64::try_from(total).ok();
    for (index, &count) in eligible.iter().enumerate() {
        let product = allowance * u128::from(count);
        let (floor, remainder) = match (narrow_total, u64::try_from(product)) {
            (Some(total), Ok(product)) => {
                (u128::from(product / total), u128::from(product % total))
            }
            _ => (product / total, product % total),
        };
        given += floor;
        shares.push(u64::try_from(floor).unwrap_or(u64::MAX));
        remainders.push((remainder, index));
    }
    // The `left` largest remainders get one more each; among equal remainders the earlier
    // entry first. Only which entries are among them matters, not their order, so a selection
    // does (indexes are distinct, so the order is total and the chosen set unique).
    let left = usize::try_from(allowance.saturating_sub(given))
        .unwrap_or(usize::MAX)
        .min(remainders.len());
    let first_not_chosen = |a: &(u128, usize), b: &(u128, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if left > 0 && left < remainders.len() {
        remainders.select_nth_unstable_by(left, first_not_chosen);
    }
    for &(_, index) in remainders.get(..left).unwrap_or_default() {
        if let Some(share) = shares.get_mut(index) {
            *share += 1;
        }
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(share_of(5, d("0.5")), 3);
        assert_eq!(share_of(3, d("0.5")), 2);
        assert_eq!(share_of(1000, d("0.10")), 100);
        assert_eq!(share_of(7, d("0.1")), 1);
        assert_eq!(share_of(4, d("0.1")), 0);
        assert_eq!(share_of(1_000_000_000_000, d("0.000000000000000001")), 0);
        assert_eq!(share_of(1_000_000_000_000, d("1")), 1_000_000_000_000);
    }

    #[test]
    fn the_fast_path_agrees_with_the_wide_one() {
        let reference = |n: u64, share: &str| {
            let value = d(share).normalize();
            let (m, den) = (value.mantissa() as u128, 10u128.pow(value.scale()));
            ((2 * u128::from(n) * m + den) / (2 * den)) as u64
        };
        for share in [
            "0.1",
            "0.25",
            "0.333333333333333333",
            "0.5",
            "0.999999999999999999",
            "0.07",
        ] {
            for n in [
                0,
                1,
                2,
                3,
                5,
                7,
                999,
                1_000_003,
                123_456_789_011,
                1_000_000_000_000,
            ] {
                assert_eq!(share_of(n, d(share)), reference(n, share), "{n} × {share}");
            }
        }
    }

    #[test]
    fn conversations_agree_with_the_wide_path() {
        for per in ["1.5", "4", "2.75", "1.000000000000000001", "999999999999"] {
            let value = d(per).normalize();
            let (m, den) = (value.mantissa() as u128, 10u128.pow(value.scale()));
            for n in [0u64, 1, 2, 3, 10, 1_000_003, 1_000_000_000_000] {
                let wide = ((u128::from(n) * den).div_ceil(m) as u64).min(n);
                assert_eq!(conversations(n, d(per)), wide, "{n} / {per}");
            }
        }
    }

    #[test]
    fn conversations_round_up() {
        assert_eq!(conversations(10, d("4")), 3);
        assert_eq!(conversations(12, d("4")), 3);
        assert_eq!(conversations(3, d("1.5")), 2);
        assert_eq!(conversations(4, d("1.5")), 3);
        assert_eq!(conversations(0, d("3")), 0);
        assert_eq!(conversations(1, d("1000000000000")), 1);
    }

    #[test]
    fn largest_remainder_is_proportional_with_ties_to_the_earlier() {
        assert_eq!(largest_remainder(1000, &[300, 200]), vec![300, 200]);
        assert_eq!(largest_remainder(1000, &[1500, 1500]), vec![500, 500]);
        assert_eq!(largest_remainder(1, &[5, 5]), vec![1, 0]);
        assert_eq!(largest_remainder(10, &[1, 1, 1]), vec![1, 1, 1]);
        assert_eq!(largest_remainder(2, &[1, 1, 1]), vec![1, 1, 0]);
        // 1000 * 3350 / 4350 = 770.1…, 1000 * 1000 / 4350 = 229.8…
        assert_eq!(largest_remainder(1000, &[3350, 1000]), vec![770, 230]);
        assert_eq!(largest_remainder(0, &[3, 4]), vec![0, 0]);
    }

    /// The selection gives the same shares as sorting every remainder, as docs/scenario.md
    /// words it.
    #[test]
    fn largest_remainder_agrees_with_a_full_sort() {
        let by_sorting = |allowance: u64, eligible: &[u64]| -> Vec<u64> {
            let total: u128 = eligible.iter().map(|&e| u128::from(e)).sum();
            if total <= u128::from(allowance) {
                return eligible.to_vec();
            }
            let a = u128::from(allowance);
            let mut shares: Vec<u64> = eligible
                .iter()
                .map(|&e| (a * u128::from(e) / total) as u64)
                .collect();
            let mut order: Vec<(u128, usize)> = eligible
                .iter()
                .enumerate()
                .map(|(i, &e)| (a * u128::from(e) % total, i))
                .collect();
            order.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            let left = a - shares.iter().map(|&s| u128::from(s)).sum::<u128>();
            for &(_, i) in order.iter().take(left as usize) {
                shares[i] += 1;
            }
            shares
        };
        let mut seed = 12345u64;
        let mut next = |bound: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % bound
        };
        for _ in 0..2000 {
            let n = 1 + next(40) as usize;
            let scale = [3, 10, 1000, 1_000_000, 1_000_000_000_000][next(5) as usize];
            let eligible: Vec<u64> = (0..n).map(|_| next(scale)).collect();
            let allowance = next(scale * 3);
            assert_eq!(
                largest_remainder(allowance, &eligible),
                by_sorting(allowance, &eligible),
                "{allowance} {eligible:?}"
            );
        }
        assert_eq!(
            largest_remainder(u64::MAX, &[u64::MAX, u64::MAX]),
            by_sorting(u64::MAX, &[u64::MAX, u64::MAX])
        );
    }
}
