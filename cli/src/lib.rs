//! What `wacost` accepts on its command line: one clap (derive) struct per subcommand, so the
//! parser and `--help` are one definition and cannot drift apart. The binary (`main.rs`) runs
//! the commands; `tests/help.rs` walks this definition to check the help and the README.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod values;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use rust_decimal::Decimal;
use std::num::NonZeroU64;
use values::{Cards, DataFormat, ExportFormat, Input, ReportFormat, RulesParser};
use wacost_core::line_category::LineCategory;
use wacost_core::scenario::{Month, RulesVersion};

#[derive(Debug, Parser)]
#[command(
    name = "wacost",
    about = "WhatsApp Business Platform cost calculator (Meta's rates, exact decimals)",
    after_help = "`wacost <COMMAND> --help` lists a command's options.",
    // As before clap: an option given twice takes its last value.
    args_override_self = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Price a month of traffic (a scenario) under one rules version with one rate card
    Estimate(EstimateArgs),
    /// Price the same scenario under every rules version, each on the card of its time
    Compare(CompareArgs),
    /// Price a scenario month by month as it grows, each month with its own rules and card
    Plan(PlanArgs),
    /// Count how many more messages of a category to a destination fit in a budget
    Budget(BudgetArgs),
    /// List what the month's rules make worth doing, each with the money it saves
    Levers(LeversArgs),
    /// Turn Meta's pricing_analytics JSON into a scenario, and compare Meta's cost with wacost's
    ImportAnalytics(ImportAnalyticsArgs),
    /// Bill a message log (CSV) exactly, message by message
    Bill(BillArgs),
    /// Print a rate card (effective_date,currency,market,category,rate)
    Rates(RatesArgs),
    /// Print the volume-tier ladders of a rate card
    Tiers(TiersArgs),
    /// List the rate cards, what each currency can price in a month, or what changed between two cards
    Cards(CardsArgs),
    /// Tell which market a country or a phone number is billed in on a date
    Market(MarketArgs),
    /// Write a deterministic synthetic message log, to try or measure `bill`
    GenerateLog(GenerateLogArgs),
}

/// Written once for the four commands whose default depends on where the output goes.
const FORMAT_HELP: &str = "Output format [default: table on a terminal, json otherwise]";

#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// The scenario as JSON (docs/scenario.md); `-` reads standard input
    #[arg(value_name = "FILE", default_value = "-", value_parser = values::input)]
    pub scenario: Input,
    /// Price under this rules version (written into the scenario before it is checked)
    #[arg(long, value_name = "RULES", value_parser = RulesParser)]
    pub rules: Option<RulesVersion>,
    /// Price with the card that takes effect on DATE (written into the scenario before it is checked)
    #[arg(long, value_name = "DATE", value_parser = values::date)]
    pub rate_card: Option<NaiveDate>,
    #[arg(long, value_enum, help = FORMAT_HELP)]
    pub format: Option<ExportFormat>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The scenario as JSON (docs/scenario.md); `-` reads standard input
    #[arg(value_name = "FILE", default_value = "-", value_parser = values::input)]
    pub scenario: Input,
    /// The month's card: the card that takes effect on DATE (written into the scenario before it is checked)
    #[arg(long, value_name = "DATE", value_parser = values::date)]
    pub rate_card: Option<NaiveDate>,
    /// Each model on the card of its time, or every model on the month's one card
    #[arg(long, value_enum, default_value_t = Cards::OfTheirTime)]
    pub cards: Cards,
    #[arg(long, value_enum, help = FORMAT_HELP)]
    pub format: Option<ExportFormat>,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The scenario as JSON (docs/scenario.md), without rules or rate_card; `-` reads standard input
    #[arg(value_name = "FILE", default_value = "-", value_parser = values::input)]
    pub scenario: Input,
    /// Number of months to price, 1 to 36
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub months: u32,
    /// First month YYYY-MM [default: the scenario's month]
    #[arg(long, value_name = "YYYY-MM", value_parser = values::month)]
    pub start: Option<Month>,
    /// Growth per month as a fraction (0.05 = 5 %), above -1, for every category [default: 0]
    #[arg(long, value_name = "G", value_parser = values::decimal, allow_hyphen_values = true)]
    pub growth: Option<Decimal>,
    /// Growth per month of marketing, instead of --growth
    #[arg(long, value_name = "G", value_parser = values::decimal, allow_hyphen_values = true)]
    pub growth_marketing: Option<Decimal>,
    /// Growth per month of utility, instead of --growth
    #[arg(long, value_name = "G", value_parser = values::decimal, allow_hyphen_values = true)]
    pub growth_utility: Option<Decimal>,
    /// Growth per month of authentication, instead of --growth
    #[arg(long, value_name = "G", value_parser = values::decimal, allow_hyphen_values = true)]
    pub growth_authentication: Option<Decimal>,
    /// Growth per month of service, instead of --growth
    #[arg(long, value_name = "G", value_parser = values::decimal, allow_hyphen_values = true)]
    pub growth_service: Option<Decimal>,
    /// Multipliers by calendar month, repeated every year and not compounded, e.g. 11:1.8,12:2.0
    #[arg(long, value_name = "LIST")]
    pub multipliers: Option<String>,
    #[arg(long, value_enum, help = FORMAT_HELP)]
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("destination").required(true).args(["market", "country"]))]
pub struct BudgetArgs {
    /// The scenario as JSON (docs/scenario.md): the rest of the sheet; `-` reads standard input
    #[arg(value_name = "FILE", default_value = "-", value_parser = values::input)]
    pub scenario: Input,
    /// The extra messages go to this market (Meta's market name)
    #[arg(long, value_name = "MARKET")]
    pub market: Option<String>,
    /// The extra messages go to this country (ISO 3166-1 alpha-2)
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// The category of the extra messages
    #[arg(long, value_enum, value_name = "CATEGORY")]
    pub category: CategoryArg,
    /// The budget for the whole sheet (Meta plus the provider's fees) in the scenario's currency
    #[arg(long, value_name = "B", value_parser = values::decimal, allow_hyphen_values = true)]
    pub amount: Decimal,
    #[arg(long, value_enum, help = FORMAT_HELP)]
    pub format: Option<ReportFormat>,
}

/// A line's count field, as `--category` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CategoryArg {
    Marketing,
    Utility,
    Authentication,
    Service,
}

impl From<CategoryArg> for LineCategory {
    fn from(category: CategoryArg) -> LineCategory {
        match category {
            CategoryArg::Marketing => LineCategory::Marketing,
            CategoryArg::Utility => LineCategory::Utility,
            CategoryArg::Authentication => LineCategory::Authentication,
            CategoryArg::Service => LineCategory::Service,
        }
    }
}

#[derive(Debug, Args)]
pub struct LeversArgs {
    /// The scenario as JSON (docs/scenario.md); `-` reads standard input
    #[arg(value_name = "FILE", default_value = "-", value_parser = values::input)]
    pub scenario: Input,
    #[arg(long, value_enum, help = FORMAT_HELP)]
    pub format: Option<ReportFormat>,
}

/// The scenario goes to standard output, ready for `wacost estimate`; what the import could not
/// carry over and Meta's cost beside wacost's go to standard error, or whole to --report.
#[derive(Debug, Args)]
pub struct ImportAnalyticsArgs {
    /// Meta's pricing_analytics response as JSON (docs/plan.md); `-` reads standard input
    #[arg(value_name = "FILE", default_value = "-", value_parser = values::input)]
    pub analytics: Input,
    /// The month to import, YYYY-MM (needed when the file holds several)
    #[arg(long, value_name = "YYYY-MM", value_parser = values::month)]
    pub month: Option<Month>,
    /// The WABA's billing currency, the currency of Meta's cost in the file
    #[arg(long, value_name = "CURRENCY", default_value = "USD")]
    pub currency: String,
    /// Also write the whole import (scenario, notes, not imported, costs) as JSON to FILE, instead of the report on standard error
    #[arg(long, value_name = "FILE")]
    pub report: Option<String>,
}

/// The settings options are handed as written to the core's settings, which read `auto`, keep
/// where each value came from and word a bad one.
#[derive(Debug, Args)]
pub struct BillArgs {
    /// The message log as CSV (docs/log.md); `-` reads standard input
    #[arg(value_name = "EVENTS.csv", default_value = "-", value_parser = values::input)]
    pub log: Input,
    /// What the log does not say, as a JSON file (docs/log.md); the options below override it
    #[arg(long, value_name = "FILE")]
    pub settings: Option<String>,
    /// `auto` (the version in force on each message's local date) or one rules version for every message
    #[arg(long, value_name = "RULES")]
    pub rules: Option<String>,
    /// `auto` (the latest card in force on each message's local date) or a card's effective date YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub rate_card: Option<String>,
    /// The WABA's time zone: UTC, an offset such as +05:30, or an IANA name such as Europe/London [default: UTC]
    #[arg(long, value_name = "TZ")]
    pub timezone: Option<String>,
    /// The WABA's billing currency; it must have a card [default: USD]
    #[arg(long, value_name = "CURRENCY")]
    pub currency: Option<String>,
    /// Also write one CSV row per outbound message, with its pricing and rule, to FILE
    #[arg(long, value_name = "FILE")]
    pub detail: Option<String>,
    #[arg(long, value_enum, help = FORMAT_HELP)]
    pub format: Option<ReportFormat>,
    /// Bill the well-formed rows and list the malformed ones (without it, a malformed row means no bill)
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// The invoice's total for the same period, as printed (4354.80, $4,354.80, USD 4354.80): the bill shows the difference, exact
    #[arg(long, value_name = "AMOUNT", value_parser = values::invoice_total, allow_hyphen_values = true)]
    pub invoice_total: Option<Decimal>,
}

/// Which card `rates` and `tiers` print.
#[derive(Debug, Args)]
pub struct CardArgs {
    /// The card that takes effect on DATE [default: the card in force today]
    #[arg(long = "card", value_name = "DATE", value_parser = values::date)]
    pub effective: Option<NaiveDate>,
    /// The card's currency, one of Meta's billing currencies
    #[arg(long, value_name = "CURRENCY", default_value = "USD")]
    pub currency: String,
}

#[derive(Debug, Args)]
pub struct RatesArgs {
    #[command(flatten)]
    pub card: CardArgs,
    /// CSV as Meta publishes it, or JSON with each rate's source
    #[arg(long, value_enum, default_value_t = DataFormat::Csv)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct TiersArgs {
    #[command(flatten)]
    pub card: CardArgs,
    /// CSV (effective_date,currency,market,category,tier,from,to,rate) or JSON
    #[arg(long, value_enum, default_value_t = DataFormat::Csv)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct CardsArgs {
    /// What each of Meta's 16 billing currencies can price in MONTH (YYYY-MM), instead of the list of cards
    #[arg(long, value_name = "MONTH", value_parser = values::month, conflicts_with = "diff")]
    pub month: Option<Month>,
    /// What changed from the card that takes effect on A to the one on B: rates, markets, and the scenario's cost
    #[arg(long, num_args = 2, value_names = ["A", "B"], value_parser = values::date)]
    pub diff: Option<Vec<NaiveDate>>,
    /// The currency of the two cards of --diff
    #[arg(
        long,
        value_name = "CURRENCY",
        default_value = "USD",
        requires = "diff"
    )]
    pub currency: String,
    /// A scenario (JSON) to price on both cards of --diff, with the same rules
    #[arg(long, value_name = "FILE", requires = "diff", value_parser = values::input)]
    pub scenario: Option<Input>,
    #[arg(long, value_enum, help = FORMAT_HELP)]
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Args)]
pub struct MarketArgs {
    /// An ISO 3166-1 alpha-2 country code (IN) or an E.164 phone number (+919876543210)
    #[arg(value_name = "COUNTRY|NUMBER")]
    pub query: String,
    /// The date the market is looked up on [default: today]
    #[arg(long, value_name = "DATE", value_parser = values::date)]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct GenerateLogArgs {
    /// Number of data rows to write
    #[arg(long, value_name = "N", value_parser = values::whole_number)]
    pub rows: u64,
    /// Seed of the generator: the same seed and options give the same log
    #[arg(long, value_name = "S", default_value = "1", value_parser = values::whole_number)]
    pub seed: u64,
    /// First day of the log, from 00:00 UTC; the rows span about 30 days
    #[arg(long, value_name = "DATE", default_value = "2026-10-01", value_parser = values::date)]
    pub start: NaiveDate,
    /// Number of users messaged [default: one per 20 rows]
    #[arg(long, value_name = "U", value_parser = values::at_least_one)]
    pub users: Option<NonZeroU64>,
}
