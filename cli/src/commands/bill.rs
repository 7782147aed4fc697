//! `wacost bill EVENTS.csv`: the exact bill of a message log (docs/log.md).
//!
//! A file is streamed line by line (memory bounded by the live windows, not the rows). If a
//! row goes back in time, the file is read again and billed sorted in memory; standard input
//! cannot be re-read, so it is read whole first (pass a file for logs that do not fit).

use super::shown::{grouped, money, money_with_exact};
use crate::output::{Inputs, OutputFile, Target};
use crate::CliError;
use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use wacost_cli::values::ReportFormat;
use wacost_cli::BillArgs;
use wacost_core::bill::error::Setting;
use wacost_core::bill::{
    self, detail, BillError, Names, Options, Priced, Progress, Report, SettingError, Settings, Sink,
};
use wacost_core::scenario::MAX_LISTED_ERRORS;
use wacost_core::Catalog;

pub fn run(args: &BillArgs, on_terminal: bool) -> Result<(), CliError> {
    let format = ReportFormat::or_default(args.format, on_terminal);
    let detail = match &args.detail {
        Some(path) => Some(Target::check("detail", path, &inputs(args))?),
        None => None,
    };
    let catalog = Catalog::builtin();
    let settings = read_settings(args, catalog)?;
    let options = Options {
        skip_bad_rows: args.skip_bad_rows,
    };
    let mut sink = match detail {
        Some(target) => Some(DetailFile::create(target)?),
        None => None,
    };
    let mut none = bill::NoSink;
    let target: &mut dyn Sink = match sink.as_mut() {
        Some(s) => s,
        None => &mut none,
    };
    let result = match args.log.path() {
        None => bill_stdin(catalog, &settings, options, target),
        Some(path) => bill_file(catalog, &settings, path, options, target),
    };
    // On failure the detail file is dropped unfinished: its temporary file goes, the target stays.
    let mut report = result?;
    if let Some(total) = args.invoice_total {
        report.check_invoice(total);
    }
    if let Some(s) = sink {
        s.finish()?;
    }
    let text = match format {
        ReportFormat::Table => table(&report),
        ReportFormat::Json => {
            serde_json::to_string_pretty(&report)
                .map_err(|e| CliError::usage(format!("cannot write JSON: {e}")))?
                + "\n"
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| CliError::usage(format!("cannot write the bill: {e}")))
}

/// The files `bill` reads, which no output may overwrite.
fn inputs(args: &BillArgs) -> Inputs {
    let mut inputs = Inputs::default();
    match args.log.path() {
        None => inputs.stdin("the log"),
        Some(path) => inputs.file("the log", path),
    }
    if let Some(path) = &args.settings {
        inputs.file("the --settings file", path);
    }
    inputs
}

fn read_settings(args: &BillArgs, catalog: &Catalog) -> Result<Settings, CliError> {
    let mut settings = match &args.settings {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| CliError::usage(format!("cannot read `{path}`: {e}")))?;
            Settings::from_json(&text, catalog).map_err(|errors| {
                CliError::many(errors.iter().map(|e| format!("{path}: {e}")).collect())
            })?
        }
        None => Settings::default(),
    };
    let flag =
        |e: SettingError| CliError::usage(format!("--{}: {}", flag_of(e.setting), e.reason()));
    if let Some(rules) = &args.rules {
        settings.set_rules(rules).map_err(flag)?;
    }
    if let Some(card) = &args.rate_card {
        settings.set_rate_card(card).map_err(flag)?;
    }
    if let Some(tz) = &args.timezone {
        settings.set_timezone(tz).map_err(flag)?;
    }
    if let Some(currency) = &args.currency {
        settings.set_currency(currency);
    }
    settings
        .check(catalog)
        .map_err(|e| CliError::usage(e.to_string()))?;
    Ok(settings)
}

/// The option that sets a setting.
fn flag_of(setting: Setting) -> &'static str {
    match setting {
        Setting::Rules => "rules",
        Setting::RateCard => "rate-card",
        Setting::Timezone => "timezone",
        Setting::Currency => "currency",
        other => other.key(),
    }
}

/// The lines of a bill that failed, as the CLI words them: a file's path where the log is
/// meant, and the option that bills the rest when rows are malformed.
fn bill_error(e: BillError, source: Option<&str>) -> CliError {
    let log = |what: &str| match source {
        Some(path) => format!("`{path}`{what}"),
        None => format!("the log{what}"),
    };
    match e {
        BillError::Read(e) => CliError::usage(match source {
            Some(path) => format!("cannot read `{path}`: {e}"),
            None => format!("cannot read standard input: {e}"),
        }),
        BillError::Empty => CliError::usage(log(" is empty (a header row is required)")),
        BillError::Utf16 => CliError::usage(log(" is UTF-16 text; save it as CSV UTF-8")),
        BillError::Header(e) => CliError::usage(e.to_string()),
        BillError::MalformedRows(bad) => {
            // Listed up to the same count as a scenario's problems; the summary has them all.
            let listed = bad.rows.len().min(MAX_LISTED_ERRORS);
            let mut lines: Vec<String> = bad
                .rows
                .iter()
                .take(listed)
                .map(ToString::to_string)
                .collect();
            let more = bad.rows.len() - listed;
            if more > 0 {
                lines.push(format!(
                    "… and {more} more malformed row{} (the first {listed} are listed)",
                    if more == 1 { "" } else { "s" }
                ));
            }
            lines.push(format!("{bad} (use --skip-bad-rows to bill the rest)"));
            CliError::many(lines)
        }
    }
}

/// Standard input cannot be read twice, so it is read whole first (pass a file for logs
/// that do not fit in memory).
fn bill_stdin(
    catalog: &Catalog,
    settings: &Settings,
    options: Options,
    sink: &mut dyn Sink,
) -> Result<Report, CliError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::usage(format!("cannot read standard input: {e}")))?;
    let log = || Ok(bytes.as_slice());
    bill::bill_reader(catalog, settings, options, log, sink, &mut bill::NoProgress)
        .map_err(|e| bill_error(e, None))
}

/// Streams a file; on the first row that goes back in time, the core opens it again and
/// bills it sorted.
fn bill_file(
    catalog: &Catalog,
    settings: &Settings,
    path: &str,
    options: Options,
    sink: &mut dyn Sink,
) -> Result<Report, CliError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let mut progress = ProgressBar::new(size);
    let result = bill::bill_reader(
        catalog,
        settings,
        options,
        || File::open(path),
        sink,
        &mut progress,
    );
    progress.done();
    result.map_err(|e| bill_error(e, Some(path)))
}

/// `--detail FILE`, written as the bill goes.
struct DetailFile {
    output: OutputFile,
    row: String,
    error: Option<std::io::Error>,
}

impl DetailFile {
    fn create(target: Target) -> Result<DetailFile, CliError> {
        let mut d = DetailFile {
            output: target.create()?,
            row: String::new(),
            error: None,
        };
        d.write_header();
        Ok(d)
    }

    fn write_header(&mut self) {
        if let Err(e) = self.output.write_all(detail::DETAIL_HEADER.as_bytes()) {
            self.error.get_or_insert(e);
        }
    }

    fn finish(self) -> Result<(), CliError> {
        match self.error {
            Some(e) => Err(CliError::usage(format!(
                "cannot write `{}`: {e}",
                self.output.shown()
            ))),
            None => self.output.commit(),
        }
    }
}

impl Sink for DetailFile {
    fn message(&mut self, priced: &Priced, names: &Names, markets: &[String]) {
        if self.error.is_some() {
            return;
        }
        self.row.clear();
        detail::detail_row(priced, names, markets, &mut self.row);
        if let Err(e) = self.output.write_all(self.row.as_bytes()) {
            self.error = Some(e);
        }
    }

    /// The log went back in time: it is billed again sorted, and the detail written anew.
    fn restart(&mut self) {
        if let Err(e) = self.output.restart() {
            self.error.get_or_insert(e);
        }
        self.write_header();
    }
}

/// A progress bar on standard error, only when it is a terminal.
struct ProgressBar {
    total: u64,
    read: u64,
    shown: u64,
    on: bool,
}

impl ProgressBar {
    fn new(total: u64) -> ProgressBar {
        ProgressBar {
            total,
            read: 0,
            shown: 0,
            on: std::io::stderr().is_terminal() && total > 0,
        }
    }

    fn done(&mut self) {
        if self.on {
            eprint!("\r\x1b[K");
        }
    }
}

impl Progress for ProgressBar {
    fn read(&mut self, bytes: u64) {
        if !self.on {
            return;
        }
        self.read = self.read.saturating_add(bytes);
        if self.read.saturating_sub(self.shown) > self.total / 200 {
            self.shown = self.read;
            let part = |of: u64| {
                (u128::from(self.read) * u128::from(of) / u128::from(self.total.max(1)))
                    .min(u128::from(of))
            };
            let share = usize::try_from(part(40)).unwrap_or(40);
            eprint!(
                "\r[{}{}] {:>3}%",
                "#".repeat(share),
                " ".repeat(40 - share),
                part(100)
            );
        }
    }

    fn sorting(&mut self) {
        if self.on {
            eprint!("\rrows out of time order (or a message delivered after it failed): billing again sorted in memory\x1b[K\n");
            self.read = 0;
            self.shown = 0;
        }
    }
}

/// A readable bill: one line per month, market and category.
pub fn table(r: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Bill of {} rows ({} outbound), currency {}, rules {}, rate card {}",
        r.rows, r.outbound, r.currency, r.rules, r.rate_card
    );
    let _ = writeln!(
        out,
        "{:<8} {:<34} {:<29} {:>10} {:>10} {:>10} {:>10} {:>10} {:>14}",
        "month",
        "market",
        "category",
        "delivered",
        "window",
        "entry pt",
        "allowance",
        "charged",
        "amount"
    );
    for m in &r.months {
        for market in &m.markets {
            for c in &market.categories {
                let _ = writeln!(
                    out,
                    "{:<8} {:<34} {:<29} {:>10} {:>10} {:>10} {:>10} {:>10} {:>14}",
                    m.month,
                    market.market,
                    c.category,
                    grouped(c.delivered),
                    grouped(c.free.window),
                    grouped(c.free.entry_point),
                    grouped(c.free.allowance),
                    grouped(c.charged),
                    money(&r.currency, c.amount_value)
                );
            }
        }
        let mut notes = Vec::new();
        if m.failed > 0 {
            notes.push(format!("{} failed", m.failed));
        }
        if m.undeliverable > 0 {
            notes.push(format!("{} undeliverable", m.undeliverable));
        }
        if m.unpriceable > 0 {
            notes.push(format!("{} not priced", m.unpriceable));
        }
        let _ = writeln!(
            out,
            "{:<8} {:<34} {:<29} {:>69}\n",
            m.month,
            format!("total ({})", m.rules.join(", ")),
            notes.join(", "),
            money(&r.currency, m.meta_total_value)
        );
    }
    totals_table(r, &mut out);
    let _ = writeln!(
        out,
        "Meta total: {}",
        money_with_exact(&r.currency, r.meta_total_value)
    );
    if let Some(invoice) = &r.invoice {
        let _ = writeln!(
            out,
            "Invoice total: {}; difference (invoice - bill): {} (exact {})",
            money_with_exact(&r.currency, invoice.invoice_total.value()),
            money(&r.currency, invoice.difference.value()),
            invoice.difference
        );
    }
    if let Some(recon) = &r.reconciliation {
        reconciliation_table(recon, &mut out);
    }
    for w in &r.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    for s in &r.skipped_rows {
        let _ = writeln!(out, "skipped: {s}");
    }
    out
}

/// The whole log by market and by category: delivered, free and charged side by side.
fn totals_table(r: &Report, out: &mut String) {
    use std::fmt::Write as _;
    let rows = r
        .totals
        .markets
        .iter()
        .map(|m| ("market", m.market.as_str(), &m.counts))
        .chain(
            r.totals
                .categories
                .iter()
                .map(|c| ("category", c.category, &c.counts)),
        );
    let _ = writeln!(
        out,
        "{:<8} {:<34} {:>10} {:>10} {:>10} {:>14}",
        "totals", "", "delivered", "free", "charged", "amount"
    );
    for (by, name, counts) in rows {
        let _ = writeln!(
            out,
            "{:<8} {:<34} {:>10} {:>10} {:>10} {:>14}",
            by,
            name,
            grouped(counts.delivered),
            grouped(counts.free),
            grouped(counts.charged),
            money(&r.currency, counts.amount.value())
        );
    }
    let _ = writeln!(out);
}

/// The reconciliation's counts and its first 20 differences.
fn reconciliation_table(recon: &bill::Reconciliation, out: &mut String) {
    use std::fmt::Write as _;
    let _ = writeln!(
        out,
        "Reconciliation: {} messages compared with Meta's pricing columns, {} differ",
        recon.compared, recon.differences
    );
    for d in recon.listed.iter().take(20) {
        let _ = writeln!(
            out,
            "  line {} {} {}: ours {}/{} vs Meta {}/{} ({})",
            d.line,
            d.time,
            d.user,
            d.ours.category.as_deref().unwrap_or("-"),
            d.ours.pricing_type.as_deref().unwrap_or("-"),
            d.meta.category.as_deref().unwrap_or("-"),
            d.meta.pricing_type.as_deref().unwrap_or("-"),
            d.rule
        );
    }
}
