//! Step one of an estimate: each line's delivered messages split into free and chargeable
//! units under the rules of the era ("How a category's count is split", docs/scenario.md),
//! then the month's free allowance shared out over the lines.
//!
//! The parts are not kept: a line's are computed again whenever they are needed (they are a
//! few integer operations), and only the allowance of each part that draws on the month's
//! allowance is stored. At 100,000 lines a vector of every part was 22 MB written and read
//! again for each rules version a comparison prices.

use super::split::{largest_remainder, Fraction};
use crate::category::Category;
use crate::scenario::{Line, RulesVersion, Scenario};

/// One line's share of one output category.
#[derive(Debug, Clone, Copy)]
pub struct Part {
    pub category: Category,
    pub delivered: u64,
    pub entry_point: u64,
    pub window: u64,
    /// Conversations opened, under conversation rules.
    pub conversations: Option<u64>,
    /// Units that are charged unless an allowance frees them.
    pub eligible: u64,
    /// Whether this part draws on the month's shared allowance.
    pub in_pool: bool,
    pub allowance: u64,
}

impl Part {
    pub fn charged(&self) -> u64 {
        self.eligible - self.allowance
    }

    fn new(category: Category, delivered: u64, entry_point: u64) -> Part {
        Part {
            category,
            delivered,
            entry_point,
            window: 0,
            conversations: None,
            eligible: 0,
            in_pool: false,
            allowance: 0,
        }
    }
}

/// Whether an authentication line is billed at the international rate: the business is
/// eligible, the market has such a rate, and the recipient is abroad. A line given by market
/// has no country; it counts as abroad unless the business's own country belongs to that
/// market, and as abroad too when `business_country` is not given (AI-5: an unverified
/// location does not protect from the international rate).
pub fn is_international(
    scenario: &Scenario,
    line: &Line,
    market: &str,
    business_market: Option<&str>,
    has_rate: bool,
) -> bool {
    if !scenario.auth_international || !has_rate {
        return false;
    }
    match (&line.country, &scenario.business_country) {
        (Some(country), Some(home)) => country != home,
        (None, Some(_)) => business_market != Some(market),
        (_, None) => true,
    }
}

/// The scenario's shares and averages as exact fractions, read once for every line.
struct Fractions {
    entry_point: Fraction,
    utility_in_window: Fraction,
    marketing: Fraction,
    utility: Fraction,
    authentication: Fraction,
    service: Fraction,
}

/// The most parts a line has (one per category of its era).
const MOST_PARTS: usize = 4;

/// The parts of one line, in category order.
#[derive(Clone, Copy)]
pub struct LineParts {
    parts: [Part; MOST_PARTS],
    len: usize,
}

impl Default for LineParts {
    fn default() -> LineParts {
        LineParts {
            parts: [Part::new(Category::Marketing, 0, 0); MOST_PARTS],
            len: 0,
        }
    }
}

impl LineParts {
    fn push(&mut self, part: Part) {
        if let Some(slot) = self.parts.get_mut(self.len) {
            *slot = part;
            self.len += 1;
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().take(self.len)
    }
}

impl IntoIterator for LineParts {
    type Item = Part;
    type IntoIter = std::iter::Take<std::array::IntoIter<Part, MOST_PARTS>>;

    fn into_iter(self) -> Self::IntoIter {
        self.parts.into_iter().take(self.len)
    }
}

/// Every line split under one rules version, with the month's allowance shared.
pub struct Split<'s> {
    scenario: &'s Scenario,
    rules: RulesVersion,
    international: &'s [bool],
    fractions: Fractions,
    /// The allowance of each part that draws on it, in line order then category order.
    shares: Vec<u64>,
    /// Where each line's first such part is in `shares`.
    first_share: Vec<usize>,
}

impl<'s> Split<'s> {
    /// Splits every line, in line order and, within a line, in category order; then shares the
    /// month's allowance over the parts that draw on it.
    pub fn new(
        scenario: &'s Scenario,
        rules: RulesVersion,
        international: &'s [bool],
    ) -> Split<'s> {
        let pc = &scenario.per_conversation;
        let mut split = Split {
            scenario,
            rules,
            international,
            fractions: Fractions {
                entry_point: Fraction::of(scenario.entry_point),
                utility_in_window: Fraction::of(scenario.utility_in_window),
                marketing: Fraction::of(pc.marketing),
                utility: Fraction::of(pc.utility),
                authentication: Fraction::of(pc.authentication),
                service: Fraction::of(pc.service),
            },
            shares: Vec::new(),
            first_share: Vec::new(),
        };
        let allowance = allowance(scenario, rules);
        if allowance == 0 {
            // Nothing to share: every part's allowance stays 0, and no pass is needed.
            return split;
        }
        let mut eligible = Vec::with_capacity(scenario.lines.len());
        for index in 0..scenario.lines.len() {
            split.first_share.push(eligible.len());
            split.pooled(index, &mut eligible);
        }
        split.shares = largest_remainder(allowance, &eligible);
        split
    }

    /// The parts of line `index`, with their share of the allowance, written in `parts`
    /// (a buffer the caller keeps: a line's parts are 230 bytes, and copying them out of a
    /// function for every line showed in a comparison's run time).
    pub fn line_into(&self, index: usize, parts: &mut LineParts) {
        self.unshared_into(index, parts);
        let first = self.first_share.get(index).copied().unwrap_or(usize::MAX);
        let mut shares = self.shares.get(first..).unwrap_or_default().iter();
        for part in parts.parts.iter_mut().take(parts.len).filter(|p| p.in_pool) {
            part.allowance = shares.next().copied().unwrap_or(0);
        }
    }

    /// The parts of line `index`, with their share of the allowance.
    pub fn line(&self, index: usize) -> LineParts {
        let mut parts = LineParts::default();
        self.line_into(index, &mut parts);
        parts
    }

    /// What the parts of line `index` that draw on the allowance are eligible for, in order:
    /// `unshared`'s, without building the parts that do not draw on it (the test
    /// `pooled_parts_are_those_of_the_whole_line` holds the two together).
    fn pooled(&self, index: usize, out: &mut Vec<u64>) {
        let Some(line) = self.scenario.lines.get(index) else {
            return;
        };
        let f = &self.fractions;
        let service = || line.service - f.entry_point.share_of(line.service);
        match self.rules {
            RulesVersion::Pmp2026_10 => out.push(service()),
            RulesVersion::Cbp2023_06 => out.push(f.service.conversations(service())),
            RulesVersion::Pmp2025_07 | RulesVersion::Cbp2024_11 => {}
            RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02 => {
                let mut parts = LineParts::default();
                self.unshared_into(index, &mut parts);
                out.extend(parts.iter().filter(|p| p.in_pool).map(|p| p.eligible));
            }
        }
    }

    /// The parts of line `index` before the allowance is shared.
    fn unshared_into(&self, index: usize, parts: &mut LineParts) {
        parts.len = 0;
        let Some(line) = self.scenario.lines.get(index) else {
            return;
        };
        let auth_category = if self.international.get(index).copied().unwrap_or(false) {
            Category::AuthenticationInternational
        } else {
            Category::Authentication
        };
        let (rules, f) = (self.rules, &self.fractions);
        match rules {
            RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10 => {
                per_message(parts, line, rules, auth_category, f)
            }
            RulesVersion::Cbp2023_06 | RulesVersion::Cbp2024_11 => {
                by_category(parts, line, rules, auth_category, f)
            }
            RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02 => by_initiator(parts, line, f),
        }
    }
}

/// Per-message eras: every delivered message outside a free window is charged; service
/// draws on the 2026-10 free tier.
fn per_message(
    parts: &mut LineParts,
    line: &Line,
    rules: RulesVersion,
    auth_category: Category,
    f: &Fractions,
) {
    for (category, n) in [
        (Category::Marketing, line.marketing),
        (Category::Utility, line.utility),
        (auth_category, line.authentication),
        (Category::Service, line.service),
    ] {
        let mut part = Part::new(category, n, f.entry_point.share_of(n));
        let rest = n - part.entry_point;
        match (category, rules) {
            (Category::Utility, RulesVersion::Pmp2025_07) => {
                part.window = f.utility_in_window.share_of(rest);
                part.eligible = rest - part.window;
            }
            (Category::Service, RulesVersion::Pmp2025_07) => part.window = rest,
            (Category::Service, _) => {
                part.eligible = rest;
                part.in_pool = true;
            }
            _ => part.eligible = rest,
        }
        parts.push(part);
    }
}

/// Category conversation eras: each category's messages open conversations of their own;
/// service conversations are free in 2024-11, and draw on the WABA's free tier in 2023-06.
fn by_category(
    parts: &mut LineParts,
    line: &Line,
    rules: RulesVersion,
    auth_category: Category,
    f: &Fractions,
) {
    for (category, n, per) in [
        (Category::Marketing, line.marketing, f.marketing),
        (Category::Utility, line.utility, f.utility),
        (auth_category, line.authentication, f.authentication),
        (Category::Service, line.service, f.service),
    ] {
        let mut part = Part::new(category, n, f.entry_point.share_of(n));
        let opened = per.conversations(n - part.entry_point);
        part.conversations = Some(opened);
        part.eligible = opened;
        if category == Category::Service {
            if rules == RulesVersion::Cbp2024_11 {
                part.allowance = opened;
            } else {
                part.in_pool = true;
            }
        }
        parts.push(part);
    }
}

/// Initiator eras (2021 Mexico test, 2022): templates open business-initiated conversations
/// (utility inside the window joins the open one), service opens user-initiated ones; both
/// draw on the month's free conversations.
fn by_initiator(parts: &mut LineParts, line: &Line, f: &Fractions) {
    let mut business = Part::new(Category::BusinessInitiated, 0, 0);
    let mut opened = 0;
    for (n, per, is_utility) in [
        (line.marketing, f.marketing, false),
        (line.authentication, f.authentication, false),
        (line.utility, f.utility, true),
    ] {
        let entry_point = f.entry_point.share_of(n);
        let rest = n - entry_point;
        let window = if is_utility {
            f.utility_in_window.share_of(rest)
        } else {
            0
        };
        // Three counts of at most 10^12 in a checked scenario; saturating all the same.
        business.delivered = business.delivered.saturating_add(n);
        business.entry_point = business.entry_point.saturating_add(entry_point);
        business.window = business.window.saturating_add(window);
        opened = per.conversations(rest - window).saturating_add(opened);
    }
    business.conversations = Some(opened);
    business.eligible = opened;
    business.in_pool = true;
    parts.push(business);

    let n = line.service;
    let mut user = Part::new(Category::UserInitiated, n, f.entry_point.share_of(n));
    let opened = f.service.conversations(n - user.entry_point);
    user.conversations = Some(opened);
    user.eligible = opened;
    user.in_pool = true;
    parts.push(user);
}

/// The month's free units shared by the lines: per phone number (2026-10 service), per WABA
/// (conversation eras), or the Mexico test's free conversations.
pub fn allowance(scenario: &Scenario, rules: RulesVersion) -> u64 {
    match rules {
        RulesVersion::Pmp2026_10 => 1000u64.saturating_mul(scenario.phone_numbers),
        RulesVersion::Cbp2023_06 | RulesVersion::Cbp2022_02 => {
            1000u64.saturating_mul(scenario.wabas)
        }
        RulesVersion::Mx2021_02 => scenario.free_conversations,
        RulesVersion::Cbp2024_11 | RulesVersion::Pmp2025_07 => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn pooled_parts_are_those_of_the_whole_line() {
        let mut scenario = Scenario {
            entry_point: Decimal::new(1, 1),
            utility_in_window: Decimal::new(25, 2),
            ..Scenario::default()
        };
        scenario.per_conversation.service = Decimal::new(15, 1);
        scenario.per_conversation.marketing = Decimal::new(3, 0);
        for (i, n) in [0u64, 1, 7, 999, 1_000_003, 1_000_000_000_000]
            .into_iter()
            .enumerate()
        {
            scenario.lines.push(Line {
                country: Some("IN".into()),
                marketing: n,
                utility: n / 2,
                authentication: n / 3,
                service: n + i as u64,
                ..Line::default()
            });
        }
        let international = vec![false; scenario.lines.len()];
        for rules in RulesVersion::ALL {
            let split = Split::new(&scenario, rules, &international);
            for index in 0..scenario.lines.len() {
                let mut pooled = Vec::new();
                split.pooled(index, &mut pooled);
                let mut parts = LineParts::default();
                split.unshared_into(index, &mut parts);
                let whole: Vec<u64> = parts
                    .iter()
                    .filter(|p| p.in_pool)
                    .map(|p| p.eligible)
                    .collect();
                assert_eq!(pooled, whole, "{rules} line {index}");
            }
        }
    }
}
