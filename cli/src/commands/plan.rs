//! `wacost plan`: a scenario priced month by month as it grows, each month with the rules and
//! the card in force in it (docs/plan.md).

use super::estimate::read_scenario;
use super::report;
use super::shown::{grouped, money, money_with_exact};
use crate::CliError;
use rust_decimal::Decimal;
use wacost_cli::values::ReportFormat;
use wacost_cli::PlanArgs;
use wacost_core::category::Category;
use wacost_core::line_category::LineCategory;
use wacost_core::plan::{plan, Plan, PlanErrors, PlanPath, PlanSettings};
use wacost_core::scenario::Segment;

pub fn run(args: &PlanArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ReportFormat::or_default(args.format, on_terminal);
    let scenario = read_scenario(&args.scenario, None, None)?;
    let mut settings = PlanSettings {
        start: args.start,
        months: args.months,
        growth: args.growth.unwrap_or(Decimal::ZERO),
        ..PlanSettings::default()
    };
    for (category, growth) in [
        (LineCategory::Marketing, args.growth_marketing),
        (LineCategory::Utility, args.growth_utility),
        (LineCategory::Authentication, args.growth_authentication),
        (LineCategory::Service, args.growth_service),
    ] {
        *settings.category_growth.slot(category) = growth;
    }
    if let Some(list) = &args.multipliers {
        settings.multipliers = PlanSettings::parse_multipliers(list).map_err(worded)?;
    }
    let result = plan(&scenario, &settings).map_err(worded)?;
    report::print(format, &result, table);
    Ok(())
}

/// The core's errors, a setting named by the option that gives it.
fn worded(errors: PlanErrors) -> CliError {
    report::worded(&errors, |at| match at {
        PlanPath::Settings(path) => match path.segments() {
            [Segment::Key(group), Segment::Key(category)] if group == "category_growth" => {
                format!("--growth-{category}")
            }
            [Segment::Key(key), ..] => format!("--{key}"),
            _ => at.to_string(),
        },
        PlanPath::Scenario(path) => path.to_string(),
    })
}

fn table(p: &Plan) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let categories: Vec<Category> = {
        let mut all: Vec<Category> = p
            .months
            .iter()
            .flat_map(|m| m.categories.keys().copied())
            .collect();
        all.sort();
        all.dedup();
        all
    };
    let _ = writeln!(
        out,
        "Plan of {} month(s) from {}, {}",
        p.months.len(),
        p.start,
        p.currency
    );
    let _ = writeln!(out);
    let _ = write!(
        out,
        "{:<8} {:<12} {:<10} {:>13}",
        "month", "rules", "card", "messages"
    );
    for category in &categories {
        let name = match category {
            Category::AuthenticationInternational => "auth. intl",
            Category::BusinessInitiated => "business-init.",
            Category::UserInitiated => "user-init.",
            other => other.as_str(),
        };
        let _ = write!(out, " {name:>14}");
    }
    let _ = writeln!(
        out,
        " {:>14} {:>12} {:>14} {:>14}",
        "Meta total", "BSP fees", "total", "cumulative"
    );
    for m in &p.months {
        let messages: u64 = LineCategory::ALL.iter().map(|&c| m.messages.get(c)).sum();
        let _ = write!(
            out,
            "{:<8} {:<12} {:<10} {:>13}",
            m.month,
            m.rules.map_or("-", |r| r.as_str()),
            m.rate_card.as_deref().unwrap_or("-"),
            grouped(messages)
        );
        for category in &categories {
            let amount = m
                .categories
                .get(category)
                .map_or_else(|| "-".to_string(), |a| money(&p.currency, a.value()));
            let _ = write!(out, " {amount:>14}");
        }
        let priced = |a: Option<wacost_core::money::Amount>| {
            a.map_or_else(|| "unpriced".to_string(), |a| money(&p.currency, a.value()))
        };
        let _ = writeln!(
            out,
            " {:>14} {:>12} {:>14} {:>14}",
            priced(m.meta_total),
            priced(m.bsp_fees),
            priced(m.total),
            money(&p.currency, m.cumulative_total.value())
        );
    }
    let _ = writeln!(out);
    let c = p.currency.as_str();
    let _ = writeln!(
        out,
        "Meta total  {}",
        money_with_exact(c, p.meta_total.value())
    );
    let _ = writeln!(
        out,
        "BSP fees    {}",
        money_with_exact(c, p.bsp_fees.value())
    );
    let _ = writeln!(out, "Total       {}", money_with_exact(c, p.total.value()));
    let reasons: Vec<String> = p
        .months
        .iter()
        .flat_map(|m| {
            m.reasons
                .iter()
                .zip(&m.notes)
                .filter(|(_, note)| !is_latest_card(note))
                .map(move |(r, _)| format!("{}: {r}", m.month))
                .chain(
                    m.unpriced
                        .iter()
                        .map(move |u| format!("{}:   {u}", m.month)),
                )
        })
        .collect();
    if !reasons.is_empty() || !p.warnings.is_empty() {
        let _ = writeln!(out);
    }
    for reason in reasons {
        let _ = writeln!(out, "- {reason}");
    }
    for warning in &p.warnings {
        let _ = writeln!(out, "- {warning}");
    }
    out
}

/// The table says once, for the whole plan, which months are after the latest card.
fn is_latest_card(note: &wacost_core::plan::PlanNote) -> bool {
    matches!(note, wacost_core::plan::PlanNote::LatestCard { .. })
}
