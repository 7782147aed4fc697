//! `wacost bill EVENTS.csv`: the exact bill of a message log (docs/log.md).
//!
//! A file is streamed line by line (memory bounded by the live windows, not the rows). If a
//! row goes back in time, the file is read again and billed sorted in memory; standard input
//! cannot be re-read, so it is read whole first (pass a file for logs that do not fit).

use crate::args::Args;
use crate::output::{Inputs, OutputFile, Target};
use crate::CliError;
use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use wacost_core::bill::{
    self, detail, Event, Names, Options, Priced, Report, Session, Settings, Sink,
};
use wacost_core::money::to_plain_string;
use wacost_core::Catalog;

const VALUE_OPTIONS: [&str; 7] = [
    "settings",
    "rules",
    "rate-card",
    "timezone",
    "currency",
    "detail",
    "format",
];

pub fn run(words: &[String], on_terminal: bool) -> Result<(), CliError> {
    let args = Args::parse(words, &VALUE_OPTIONS, &["skip-bad-rows"])?;
    let format = args.format(
        &["json", "table"],
        if on_terminal { "table" } else { "json" },
    )?;
    let detail = match args.value("detail") {
        Some(path) => Some(Target::check("detail", path, &inputs(&args))?),
        None => None,
    };
    let catalog = Catalog::builtin();
    let settings = read_settings(&args, catalog)?;
    let options = Options {
        skip_bad_rows: args.switch("skip-bad-rows"),
    };
    let mut sink = match detail {
        Some(target) => Some(DetailFile::create(target)?),
        None => None,
    };
    let result = match args.positional.first().map(String::as_str) {
        None | Some("-") => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| CliError::usage(format!("cannot read standard input: {e}")))?;
            let mut none = bill::NoSink;
            let target: &mut dyn Sink = match sink.as_mut() {
                Some(s) => s,
                None => &mut none,
            };
            bill::bill_text(catalog, &settings, &text, options, target).map_err(CliError::many)
        }
        Some(path) => bill_file(catalog, &settings, path, options, sink.as_mut()),
    };
    // On failure the detail file is dropped unfinished: its temporary file goes, the target stays.
    let report = result?;
    if let Some(s) = sink {
        s.finish()?;
    }
    let text = match format {
        "table" => table(&report),
        _ => {
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
fn inputs(args: &Args) -> Inputs {
    let mut inputs = Inputs::default();
    match args.positional.first().map(String::as_str) {
        None | Some("-") => inputs.stdin("the log"),
        Some(path) => inputs.file("the log", path),
    }
    if let Some(path) = args.value("settings") {
        inputs.file("the --settings file", path);
    }
    inputs
}

fn read_settings(args: &Args, catalog: &Catalog) -> Result<Settings, CliError> {
    let mut settings = match args.value("settings") {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| CliError::usage(format!("cannot read `{path}`: {e}")))?;
            Settings::from_json(&text, catalog).map_err(|lines| {
                CliError::many(lines.into_iter().map(|l| format!("{path}: {l}")).collect())
            })?
        }
        None => Settings::default(),
    };
    if let Some(rules) = args.value("rules") {
        settings
            .set_rules(rules)
            .map_err(|e| CliError::usage(format!("--{e}")))?;
    }
    if let Some(card) = args.value("rate-card") {
        settings.set_rate_card(card).map_err(|e| {
            CliError::usage(format!(
                "--rate-card: {}",
                e.trim_start_matches("rate_card: ")
            ))
        })?;
    }
    if let Some(tz) = args.value("timezone") {
        settings.zone =
            bill::zone::Zone::parse(tz).map_err(|e| CliError::usage(format!("--timezone: {e}")))?;
    }
    if let Some(currency) = args.value("currency") {
        settings.currency = currency.trim().to_ascii_uppercase();
    }
    settings.check(catalog).map_err(CliError::usage)?;
    Ok(settings)
}

/// Calls `f(line_no, line)` for every line of `reader` (1-based, without the newline), reading
/// in large blocks: validating and splitting a block at once is much cheaper than line by line.
/// `f` returns `false` to stop early.
fn for_each_line(
    mut reader: impl Read,
    path: &str,
    mut f: impl FnMut(u64, &str) -> bool,
) -> Result<(), CliError> {
    const BLOCK: usize = 4 << 20;
    // Zeroed once: `filled` marks the bytes read, so no block is cleared again before a read.
    let mut buf: Vec<u8> = vec![0; BLOCK];
    let mut filled = 0usize;
    let mut line_no = 0u64;
    let mut eof = false;
    while !eof {
        if buf.len() - filled < BLOCK / 2 {
            buf.resize(filled + BLOCK, 0);
        }
        let n = loop {
            match reader.read(&mut buf[filled..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(CliError::usage(format!("cannot read `{path}`: {e}"))),
            }
        };
        filled += n;
        eof = n == 0;
        let complete = if eof {
            filled
        } else {
            match buf[..filled].iter().rposition(|&b| b == b'\n') {
                Some(at) => at + 1,
                None => continue,
            }
        };
        let text = std::str::from_utf8(&buf[..complete]).map_err(|e| {
            let bad_line = line_no
                + 1
                + buf[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count() as u64;
            CliError::usage(format!("`{path}` line {bad_line}: not UTF-8 text"))
        })?;
        let body = text.strip_suffix('\n').unwrap_or(text);
        if body.is_empty() {
            if complete > 0 && !eof {
                line_no += 1;
            }
        } else {
            for line in bill::input::lines(body) {
                line_no += 1;
                if !f(line_no, line) {
                    return Ok(());
                }
            }
            if body.ends_with('\n') {
                // `lines` yields no empty last line; `split` did.
                line_no += 1;
            }
        }
        buf.copy_within(complete..filled, 0);
        filled -= complete;
    }
    Ok(())
}

/// Streams a file; on the first row that goes back in time, bills it again sorted.
fn bill_file(
    catalog: &Catalog,
    settings: &Settings,
    path: &str,
    options: Options,
    mut sink: Option<&mut DetailFile>,
) -> Result<Report, CliError> {
    let open = || -> Result<(File, u64), CliError> {
        let file =
            File::open(path).map_err(|e| CliError::usage(format!("cannot read `{path}`: {e}")))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        Ok((file, size))
    };
    let (file, size) = open()?;
    let mut progress = Progress::new(size);
    let mut none = bill::NoSink;
    let mut session: Option<Session> = None;
    let mut header_error = None;
    let mut out_of_order = false;
    let mut header = String::new();
    for_each_line(file, path, |line_no, line| {
        progress.advance(line.len() as u64 + 1);
        let Some(session) = session.as_mut() else {
            header = line.trim_end_matches('\r').to_string();
            match Session::new(catalog, settings.clone(), &header, options) {
                Ok(s) => session = Some(s),
                Err(e) => {
                    header_error = Some(e);
                    return false;
                }
            }
            return true;
        };
        let Some(event) = session.parse_line(line_no, line) else {
            return true;
        };
        let target: &mut dyn Sink = match sink.as_deref_mut() {
            Some(s) => s,
            None => &mut none,
        };
        if session.push(&event, target).is_err() {
            out_of_order = true;
            return false;
        }
        true
    })?;
    if let Some(e) = header_error {
        return Err(CliError::usage(e));
    }
    let Some(session) = session else {
        return Err(CliError::usage(format!(
            "`{path}` is empty (a header row is required)"
        )));
    };
    if !out_of_order {
        progress.done();
        return session.finish().map_err(CliError::many);
    }
    progress.note("rows out of time order: sorting in memory");
    if let Some(s) = sink.as_deref_mut() {
        s.restart();
    }
    let mut session =
        Session::new(catalog, settings.clone(), &header, options).map_err(CliError::usage)?;
    session.set_sorted_in_memory();
    let mut events: Vec<Event> = Vec::new();
    let (file, _) = open()?;
    for_each_line(file, path, |line_no, line| {
        progress.advance(line.len() as u64 + 1);
        if line_no > 1 {
            if let Some(e) = session.parse_line(line_no, line) {
                events.push(e);
            }
        }
        true
    })?;
    events.sort_by_key(|e| e.time);
    for event in &events {
        let target: &mut dyn Sink = match sink.as_deref_mut() {
            Some(s) => s,
            None => &mut none,
        };
        // Sorted: never out of order.
        let _ = session.push(event, target);
    }
    progress.done();
    session.finish().map_err(CliError::many)
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
struct Progress {
    total: u64,
    read: u64,
    shown: u64,
    on: bool,
}

impl Progress {
    fn new(total: u64) -> Progress {
        Progress {
            total,
            read: 0,
            shown: 0,
            on: std::io::stderr().is_terminal() && total > 0,
        }
    }

    #[inline]
    fn advance(&mut self, bytes: u64) {
        if self.on {
            self.step(bytes);
        }
    }

    fn step(&mut self, bytes: u64) {
        self.read += bytes;
        if self.read - self.shown > self.total / 200 {
            self.shown = self.read;
            let share = (self.read * 40 / self.total).min(40) as usize;
            eprint!(
                "\r[{}{}] {:>3}%",
                "#".repeat(share),
                " ".repeat(40 - share),
                self.read * 100 / self.total
            );
        }
    }

    fn note(&mut self, text: &str) {
        if self.on {
            eprint!("\r{text}\x1b[K\n");
            self.read = 0;
            self.shown = 0;
        }
    }

    fn done(&mut self) {
        if self.on {
            eprint!("\r\x1b[K");
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
                    c.delivered,
                    c.free.window,
                    c.free.entry_point,
                    c.free.allowance,
                    c.charged,
                    c.amount
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
            m.meta_total
        );
    }
    let _ = writeln!(
        out,
        "Meta total: {} {}",
        to_plain_string(r.meta_total_value, 2),
        r.currency
    );
    if let Some(recon) = &r.reconciliation {
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
    for w in &r.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    for s in &r.skipped_rows {
        let _ = writeln!(out, "skipped: {s}");
    }
    out
}
