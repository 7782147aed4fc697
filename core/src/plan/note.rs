//! Why a plan's month costs what it does when Meta's rules or card change, as data: each note
//! has a kind and its figures, and `english` writes the sentence the command line shows. A
//! front end in another language words the same data itself.

use crate::category::Category;
use crate::estimate::treatment;
use crate::money::{group_thousands, Amount};
use crate::scenario::RulesVersion;
use serde::{Deserialize, Serialize};

/// A category's amount before and after a change, at the same volumes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryChange {
    pub category: Category,
    pub before: Amount,
    pub after: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlanNote {
    /// Another rules version takes effect this month. `change` is what it does to Meta's charge
    /// at this month's volumes and the previous month's card (`None` when that card cannot
    /// price the new rules, so the two changes cannot be told apart).
    RulesChange {
        from: RulesVersion,
        to: RulesVersion,
        currency: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        change: Option<Amount>,
        categories: Vec<CategoryChange>,
    },
    /// Another card takes effect this month; `change` as above, under this month's rules.
    /// `with_rules`: the previous card cannot price this month's rules, so `change` is the
    /// effect of the rules and the card together.
    CardChange {
        currency: String,
        from: String,
        to: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        change: Option<Amount>,
        with_rules: bool,
        categories: Vec<CategoryChange>,
    },
    /// The month is after the latest card this build holds: it is priced with that card.
    LatestCard { currency: String, card: String },
    /// Nothing could price the month; it is left out of the totals.
    Unpriced { month: String },
    /// (Whole plan) the totals leave out these months.
    UnpricedMonths { months: Vec<String> },
    /// (Whole plan) these months are after the latest card of the currency.
    LatestCardMonths {
        currency: String,
        card: String,
        months: Vec<String>,
    },
}

/// `+12.34` or `-3.10`: a change with its sign, grouped by thousands.
fn signed(amount: Amount) -> String {
    let text = group_thousands(&amount.to_string());
    if text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    }
}

fn categories_text(changes: &[CategoryChange], rules: Option<RulesVersion>) -> String {
    changes
        .iter()
        .map(|c| {
            let how = rules
                .map(|r| format!(" ({})", treatment(r, c.category)))
                .unwrap_or_default();
            format!(
                "{} {} → {}{how}",
                c.category,
                group_thousands(&c.before.to_string()),
                group_thousands(&c.after.to_string())
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl PlanNote {
    /// The English sentence.
    pub fn english(&self) -> String {
        match self {
            PlanNote::RulesChange {
                from,
                to,
                currency,
                change: Some(change),
                categories,
            } => format!(
                "The {to} rules replace {from}: at this month's volumes they change Meta's charge by {currency} {}: {}.",
                signed(*change),
                categories_text(categories, Some(*to))
            ),
            PlanNote::RulesChange { from, to, .. } => format!(
                "The {to} rules replace {from}; their effect cannot be computed on its own (see the card change)."
            ),
            PlanNote::CardChange {
                currency,
                from,
                to,
                change: Some(change),
                with_rules,
                categories,
            } => format!(
                "The {currency} {to} card replaces the {from} card{}: at this month's volumes {} Meta's charge by {currency} {}: {}.",
                if *with_rules {
                    ", which cannot price the new rules"
                } else {
                    ""
                },
                if *with_rules {
                    "the card and the rules together change"
                } else {
                    "it changes"
                },
                signed(*change),
                categories_text(categories, None)
            ),
            PlanNote::CardChange {
                currency, from, to, ..
            } => format!(
                "The {currency} {to} card replaces the {from} card; its effect cannot be computed (the previous month's rules and card cannot price this month's volumes)."
            ),
            PlanNote::LatestCard { currency, card } => format!(
                "This month is after the latest {currency} card this build holds ({card}): it is priced with that card; Meta may publish another before then."
            ),
            PlanNote::Unpriced { month } => format!(
                "Nothing can price {month} (reasons below): it is left out of the plan's totals."
            ),
            PlanNote::UnpricedMonths { months } => format!(
                "The totals leave out {} month(s) nothing can price: {}.",
                months.len(),
                months.join(", ")
            ),
            PlanNote::LatestCardMonths {
                currency,
                card,
                months,
            } => format!(
                "{} month(s) ({}) are after the latest {currency} card this build holds and are priced with it ({card}).",
                months.len(),
                month_range(months)
            ),
        }
    }
}

/// `2026-11 to 2027-06`, or the one month.
fn month_range(months: &[String]) -> String {
    match (months.first(), months.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(first), _) => first.clone(),
        _ => String::new(),
    }
}
