//! `--detail`: one CSV row per outbound message with the pricing Meta's status webhook would
//! carry, so a user can audit any single charge.

use super::classify::{Outcome, Priced};
use super::input::Names;
use crate::csv;
use crate::money::to_plain_string;
use std::fmt::Write;

pub const DETAIL_HEADER: &str = "line,time,phone_number,user,market,rules,pricing_model,category,type,conversation,opened,tier,rate,amount,rate_card,outcome,rule\n";

/// RFC 3339 in UTC of an instant in nanoseconds (beside the parser, in `times`).
pub use super::times::format_time;

/// Appends the detail row of one message to `out`. The text that comes from the log or the
/// settings (the `phone_number` label, the market name) goes through the CSV writer; the other
/// columns are numbers, times and wacost's own words, which never need quotes or neutralising.
pub fn detail_row(p: &Priced, names: &Names, markets: &[String], out: &mut String) {
    let _ = write!(out, "{},{},", p.line, format_time(p.time));
    csv::push_field(out, names.phone(p.phone));
    // `+` and digits: an E.164 number, which the writer would leave as it is.
    let _ = write!(out, ",+{},", p.user);
    csv::push_field(
        out,
        p.market
            .and_then(|m| markets.get(m as usize))
            .map_or("", String::as_str),
    );
    let outcome = match &p.outcome {
        Outcome::Charged => "charged",
        Outcome::Free(_) => "free",
        Outcome::Failed => "failed",
        Outcome::Undeliverable => "undeliverable",
        Outcome::Unpriceable(_) => "unpriceable",
    };
    let _ = write!(
        out,
        ",{},{},{},{},{},{},{},{},{},{},{},",
        p.era.map_or("", |e| e.as_str()),
        p.model.map_or("", |m| m.as_str()),
        p.category.unwrap_or(""),
        p.pricing_type.map_or("", |t| t.as_str()),
        p.conversation.map(|c| c.to_string()).unwrap_or_default(),
        if p.conversation.is_some() {
            if p.opened {
                "yes"
            } else {
                "no"
            }
        } else {
            ""
        },
        p.tier.map(|t| t.to_string()).unwrap_or_default(),
        p.rate.map(|r| to_plain_string(r, 2)).unwrap_or_default(),
        to_plain_string(p.amount, 2),
        p.card.map(|d| d.to_string()).unwrap_or_default(),
        outcome,
    );
    out.push_str(p.rule);
    out.push('\n');
}
