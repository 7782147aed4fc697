//! Step one of an estimate: each line's delivered messages split into free and chargeable
//! units under the rules of the era ("How a category's count is split", docs/scenario.md),
//! then the month's free allowance shared out over the lines.

use super::split::{largest_remainder, Fraction};
use crate::category::Category;
use crate::scenario::{Line, RulesVersion, Scenario};

/// One line's share of one output category.
#[derive(Debug, Clone)]
pub struct Part {
    pub line: usize,
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

    fn new(line: usize, category: Category, delivered: u64, entry_point: u64) -> Part {
        Part {
            line,
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

/// Splits every line, in line order and, within a line, in category order; then shares the
/// month's allowance over the parts that draw on it.
pub fn split(scenario: &Scenario, rules: RulesVersion, international: &[bool]) -> Vec<Part> {
    let pc = &scenario.per_conversation;
    let f = Fractions {
        entry_point: Fraction::of(scenario.entry_point),
        utility_in_window: Fraction::of(scenario.utility_in_window),
        marketing: Fraction::of(pc.marketing),
        utility: Fraction::of(pc.utility),
        authentication: Fraction::of(pc.authentication),
        service: Fraction::of(pc.service),
    };
    let mut parts = Vec::with_capacity(scenario.lines.len() * 4);
    for (index, line) in scenario.lines.iter().enumerate() {
        let auth_category = if international.get(index).copied().unwrap_or(false) {
            Category::AuthenticationInternational
        } else {
            Category::Authentication
        };
        match rules {
            RulesVersion::Pmp2025_07 | RulesVersion::Pmp2026_10 => {
                per_message(&mut parts, index, line, rules, auth_category, &f)
            }
            RulesVersion::Cbp2023_06 | RulesVersion::Cbp2024_11 => {
                by_category(&mut parts, index, line, rules, auth_category, &f)
            }
            RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02 => {
                by_initiator(&mut parts, index, line, &f)
            }
        }
    }
    share_allowance(&mut parts, allowance(scenario, rules));
    parts
}

/// Per-message eras: every delivered message outside a free window is charged; service
/// draws on the 2026-10 free tier.
fn per_message(
    parts: &mut Vec<Part>,
    index: usize,
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
        let mut part = Part::new(index, category, n, f.entry_point.share_of(n));
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
    parts: &mut Vec<Part>,
    index: usize,
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
        let mut part = Part::new(index, category, n, f.entry_point.share_of(n));
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
fn by_initiator(parts: &mut Vec<Part>, index: usize, line: &Line, f: &Fractions) {
    let mut business = Part::new(index, Category::BusinessInitiated, 0, 0);
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
        business.delivered += n;
        business.entry_point += entry_point;
        business.window += window;
        opened += per.conversations(rest - window);
    }
    business.conversations = Some(opened);
    business.eligible = opened;
    business.in_pool = true;
    parts.push(business);

    let n = line.service;
    let mut user = Part::new(index, Category::UserInitiated, n, f.entry_point.share_of(n));
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

/// The allowance split over the parts that draw on it, by the largest-remainder method.
fn share_allowance(parts: &mut [Part], allowance: u64) {
    let eligible: Vec<u64> = parts
        .iter()
        .filter(|p| p.in_pool)
        .map(|p| p.eligible)
        .collect();
    let mut shares = largest_remainder(allowance, &eligible).into_iter();
    for part in parts.iter_mut().filter(|p| p.in_pool) {
        if let Some(share) = shares.next() {
            part.allowance = share;
        }
    }
}
