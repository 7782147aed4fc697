//! The names closest to one a user mistyped, so an error can say "closest: India" instead of
//! listing a whole table (a line per unknown market once repeated all sixty names of Meta's).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

/// How much of a typed name is compared: market names are under 40 characters, and a name
/// of a megabyte must not cost a megabyte times every candidate.
const COMPARED_CHARS: usize = 64;

/// At most `max` of `candidates` close to `typed`, closest first (ties in the candidates'
/// order). Close means: one contains the other, ignoring case (`africa` → `Rest of Africa`),
/// or they differ by a few edits, a swap of two neighbours counting as one (`Indai` →
/// `India`): at most a third of the longer name, and at least two.
pub fn closest<'c>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    max: usize,
) -> Vec<&'c str> {
    let typed: String = typed
        .trim()
        .chars()
        .take(COMPARED_CHARS)
        .flat_map(char::to_lowercase)
        .collect();
    if typed.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize, &str)> = Vec::new();
    for (order, candidate) in candidates.into_iter().enumerate() {
        let lower = candidate.to_lowercase();
        let contained =
            typed.chars().count() >= 3 && (lower.contains(&typed) || typed.contains(&lower));
        let distance = if contained {
            0
        } else {
            strsim::osa_distance(&typed, &lower)
        };
        let longer = typed.chars().count().max(lower.chars().count());
        if contained || distance <= (longer / 3).max(2) {
            scored.push((distance, order, candidate));
        }
    }
    scored.sort_unstable();
    scored
        .into_iter()
        .take(max)
        .map(|(_, _, name)| name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::closest;

    const MARKETS: [&str; 7] = [
        "India",
        "Indonesia",
        "Rest of Africa",
        "North America",
        "Netherlands",
        "Other",
        "Austria",
    ];

    #[test]
    fn close_names_come_first_and_far_ones_not_at_all() {
        let tests: &[(&str, &[&str])] = &[
            ("Indai", &["India"]),
            ("india ", &["India"]),
            ("indonesai", &["Indonesia"]),
            ("africa", &["Rest of Africa"]),
            ("Rest of Afica", &["Rest of Africa"]),
            ("Netherland", &["Netherlands"]),
            ("Atlantis", &[]),
            ("", &[]),
            ("In", &[]),
        ];
        for (typed, expected) in tests {
            assert_eq!(closest(typed, MARKETS, 3), *expected, "{typed}");
        }
    }

    #[test]
    fn at_most_max_and_a_long_name_costs_no_more_than_64_characters() {
        assert_eq!(closest("ia", ["Ia", "Ib", "Ic", "Id"], 2), ["Ia", "Ib"]);
        let long = "x".repeat(1_000_000);
        assert!(closest(&long, MARKETS, 3).is_empty());
    }
}
