//! The billing run behind "Check a log": the same `Session` as `wacost bill`, fed with the
//! file's bytes block by block so a log of millions of rows never has to be one string. Only
//! the worker calls this; the page never links it, so the biller stays out of the page bundle.

use super::model::{Alternate, BadRow};
use serde::Serialize;
use wacost_core::bill::{
    self, detail, Engine, Event, Names, Options, Priced, Report, RulesChoice, Session, Settings,
    Sink,
};
use wacost_core::scenario::RulesVersion;
use wacost_core::Catalog;

/// At most this many malformed rows are listed with line, column and value (all are counted).
pub const MAX_LISTED_BAD_ROWS: usize = 1000;

/// What the page asked for besides the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Job {
    pub skip_bad_rows: bool,
    /// Build the detail CSV (one row per outbound message).
    pub detail: bool,
    /// Bill the same log under every other rules version in the same pass.
    pub compare: bool,
}

/// What the worker sends back: the bill, or why there is none.
#[derive(Debug, Serialize)]
pub struct Outcome {
    pub report: Option<Report>,
    pub errors: Vec<String>,
    pub bad_rows: Vec<BadRow>,
    pub bad_count: u64,
    pub alternates: Vec<Alternate>,
}

impl Outcome {
    pub fn failed(errors: Vec<String>) -> Outcome {
        Outcome {
            report: None,
            errors,
            bad_rows: Vec::new(),
            bad_count: 0,
            alternates: Vec::new(),
        }
    }
}

/// Detail rows, collected as text the worker moves out in blocks.
#[derive(Debug, Default)]
pub struct DetailText {
    pub on: bool,
    pub text: String,
}

impl Sink for DetailText {
    fn message(&mut self, priced: &Priced, names: &Names, markets: &[String]) {
        if self.on {
            detail::detail_row(priced, names, markets, &mut self.text);
        }
    }

    fn restart(&mut self) {
        self.text.clear();
    }
}

/// One pass over a log: streaming in file order, or collecting every event to sort them
/// when a row went back in time (as `wacost bill` does).
pub struct Run<'c> {
    catalog: &'c Catalog,
    settings: Settings,
    job: Job,
    header: Option<String>,
    session: Option<Session<'c>>,
    alternates: Vec<(RulesVersion, Engine<'c>)>,
    pub detail: DetailText,
    line_no: u64,
    carry: Vec<u8>,
    /// `Some` during the sorted pass: the events, billed at the end.
    collected: Option<Vec<Event>>,
    out_of_order: bool,
    error: Option<String>,
}

impl<'c> Run<'c> {
    pub fn new(catalog: &'c Catalog, settings: Settings, job: Job) -> Run<'c> {
        Run {
            catalog,
            settings,
            job,
            header: None,
            session: None,
            alternates: Vec::new(),
            detail: DetailText {
                on: job.detail,
                text: if job.detail {
                    detail::DETAIL_HEADER.to_string()
                } else {
                    String::new()
                },
            },
            line_no: 0,
            carry: Vec::new(),
            collected: None,
            out_of_order: false,
            error: None,
        }
    }

    /// Whether feeding more bytes is pointless: the header was bad, the file is not UTF-8,
    /// or the streaming pass met a row out of time order.
    pub fn stopped(&self) -> bool {
        self.error.is_some() || self.out_of_order
    }

    /// Whether the log must be read again and billed sorted (`restart_sorted`).
    pub fn needs_sort(&self) -> bool {
        self.error.is_none() && self.out_of_order && self.collected.is_none()
    }

    /// Starts the sorted pass: the same file must be fed again from its first byte.
    pub fn restart_sorted(&mut self) {
        self.detail.restart();
        if self.detail.on {
            self.detail.text.push_str(detail::DETAIL_HEADER);
        }
        self.session = None;
        self.alternates.clear();
        self.line_no = 0;
        self.carry.clear();
        self.collected = Some(Vec::new());
        self.out_of_order = false;
    }

    /// Feeds the next block of the file (any size, lines may straddle blocks).
    pub fn feed(&mut self, bytes: &[u8]) {
        if self.stopped() {
            return;
        }
        let mut buf = std::mem::take(&mut self.carry);
        buf.extend_from_slice(bytes);
        let complete = match buf.iter().rposition(|&b| b == b'\n') {
            Some(at) => at + 1,
            None => {
                self.carry = buf;
                return;
            }
        };
        self.lines(&buf[..complete], false);
        buf.drain(..complete);
        self.carry = buf;
    }

    /// Bills the last line (one without a newline) and, in the sorted pass, every event.
    pub fn end_of_input(&mut self) {
        if !self.stopped() {
            let rest = std::mem::take(&mut self.carry);
            self.lines(&rest, true);
        }
        if let (Some(mut events), Some(session)) = (self.collected.take(), self.session.as_mut()) {
            events.sort_by_key(|e| e.time);
            for event in &events {
                // Sorted: never out of order.
                let _ = session.push(event, &mut self.detail);
                for (_, engine) in &mut self.alternates {
                    let _ = engine.push(event);
                }
            }
            session.set_sorted_in_memory();
            self.collected = Some(Vec::new());
        }
    }

    /// Splits `block` (whole lines, the last one ending the block) the way the CLI does, so
    /// line numbers agree with `wacost bill` for CRLF files and blank lines.
    fn lines(&mut self, block: &[u8], eof: bool) {
        let text = match std::str::from_utf8(block) {
            Ok(text) => text,
            Err(e) => {
                let bad_line = self.line_no
                    + 1
                    + block[..e.valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count() as u64;
                self.error = Some(format!("line {bad_line}: not UTF-8 text"));
                return;
            }
        };
        let body = text.strip_suffix('\n').unwrap_or(text);
        if body.is_empty() {
            if !block.is_empty() && !eof {
                self.line_no += 1;
            }
            return;
        }
        for line in bill::input::lines(body) {
            self.line_no += 1;
            self.line(line);
            if self.stopped() {
                return;
            }
        }
        if body.ends_with('\n') {
            self.line_no += 1;
        }
    }

    fn line(&mut self, line: &str) {
        let Some(session) = self.session.as_mut() else {
            let header = line.trim_end_matches('\r').to_string();
            match Session::new(
                self.catalog,
                self.settings.clone(),
                &header,
                Options {
                    skip_bad_rows: self.job.skip_bad_rows,
                },
            ) {
                Ok(s) => self.session = Some(s),
                Err(e) => self.error = Some(e),
            }
            self.header = Some(header);
            if self.job.compare {
                self.alternates = RulesVersion::ALL
                    .into_iter()
                    .filter(|era| self.settings.rules != RulesChoice::Fixed(*era))
                    .map(|era| {
                        let mut settings = self.settings.clone();
                        settings.rules = RulesChoice::Fixed(era);
                        (era, Engine::new(self.catalog, settings))
                    })
                    .collect();
            }
            return;
        };
        let Some(event) = session.parse_line(self.line_no, line) else {
            return;
        };
        if let Some(events) = self.collected.as_mut() {
            events.push(event);
            return;
        }
        if session.push(&event, &mut self.detail).is_err() {
            self.out_of_order = true;
            return;
        }
        for (_, engine) in &mut self.alternates {
            // Same events in the same order as the main session, which accepted this one.
            let _ = engine.push(&event);
        }
    }

    /// The bill, the other rules versions' totals, and every malformed row.
    pub fn finish(self) -> Outcome {
        if let Some(e) = self.error {
            return Outcome::failed(vec![e]);
        }
        let Some(session) = self.session else {
            return Outcome::failed(vec![
                "the log is empty (a header row is required)".to_string()
            ]);
        };
        let bad = session.bad_rows();
        let bad_count = bad.len() as u64;
        let bad_rows = bad
            .iter()
            .take(MAX_LISTED_BAD_ROWS)
            .map(|e| BadRow {
                line: e.line,
                column: e.column.clone(),
                value: e.value.clone(),
                reason: e.reason.clone(),
            })
            .collect();
        let alternates = self
            .alternates
            .iter()
            .map(|(era, engine)| {
                let months = engine.summary.months(engine.markets());
                Alternate {
                    rules: era.as_str().to_string(),
                    charged: months
                        .iter()
                        .flat_map(|m| &m.markets)
                        .flat_map(|m| &m.categories)
                        .map(|c| c.charged)
                        .sum(),
                    meta_total: wacost_core::money::to_plain_string(engine.summary.total(), 2),
                }
            })
            .collect();
        match session.finish() {
            Ok(mut report) => {
                // Listed structurally in `bad_rows`; the text copy would double the message.
                report.skipped_rows.clear();
                Outcome {
                    report: Some(report),
                    errors: Vec::new(),
                    bad_rows,
                    bad_count,
                    alternates,
                }
            }
            Err(errors) => Outcome {
                report: None,
                errors: errors.into_iter().last().into_iter().collect(),
                bad_rows,
                bad_count,
                alternates: Vec::new(),
            },
        }
    }
}

/// Bills `text` fed in blocks of `block` bytes, through the sorted pass when needed: what the
/// worker does with a file, for tests.
pub fn run_blocks(
    catalog: &Catalog,
    settings: Settings,
    job: Job,
    text: &[u8],
    block: usize,
) -> (Outcome, String) {
    let mut run = Run::new(catalog, settings, job);
    let mut detail = String::new();
    for pass in 0..2 {
        for chunk in text.chunks(block.max(1)) {
            run.feed(chunk);
            detail.push_str(&run.detail.text);
            run.detail.text.clear();
            if run.stopped() {
                break;
            }
        }
        if pass == 0 && run.needs_sort() {
            detail.clear();
            run.restart_sorted();
            continue;
        }
        run.end_of_input();
        detail.push_str(&run.detail.text);
        run.detail.text.clear();
        break;
    }
    (run.finish(), detail)
}
