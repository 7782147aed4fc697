//! Exact billing of a message log (docs/log.md): every message with its time, so windows,
//! conversations, free allowances and tier ordinals are rebuilt as Meta's rules define them.
//!
//! `stream` reads a log's bytes into lines (`bill_reader` for a log that can be opened twice,
//! `LogStream` for blocks a caller pushes); `Session` parses the lines, pushes the events to
//! the `Engine` and collects the report. Events must come in time order; when one goes back in
//! time `Session::push` says so and the stream bills the log again, sorted in memory. Sorting
//! is the only case that holds every row.

pub mod classify;
pub mod detail;
pub mod engine;
pub mod error;
mod fields;
pub mod generate;
pub mod input;
pub mod invoice;
pub mod messages;
pub mod model_total;
mod names;
pub mod rule_ids;
pub mod settings;
pub mod stream;
pub mod summary;
mod times;
pub mod totals;
pub mod warning;
pub mod zone;

pub use classify::{Free, Model, Outcome, Priced, PricingType};
pub use engine::{Engine, OutOfOrder};
pub use error::{BillError, MalformedRows, RowError, RowErrorKind, SettingError};
#[doc(hidden)]
pub use fields::split_plain;
pub use input::{Event, Kind, LogParser, Names};
pub use invoice::{read_invoice_total, InvoiceCheck};
pub use model_total::{CannotPrice, ModelGap, ModelTotal};
pub use settings::{CardChoice, RulesChoice, Settings};
pub use stream::{bill_reader, LogStream, NoProgress, Progress};
pub use summary::{MonthReport, Summary};
pub use totals::Totals;
pub use warning::BillWarning;

use crate::money::to_plain_string;
use crate::Catalog;
use messages::{MessageIds, Repeats, Verdict};
use rust_decimal::Decimal;
use serde::Serialize;

/// At most this many reconciliation differences are listed in the report (all are counted;
/// `--detail` has every message).
pub const MAX_LISTED_DIFFERENCES: usize = 10_000;

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Skip malformed rows (each is listed) instead of failing without a bill.
    pub skip_bad_rows: bool,
}

/// A message where Meta's `pricing_category`/`pricing_type` differ from ours.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Difference {
    pub line: u64,
    pub time: String,
    pub phone_number: String,
    pub user: String,
    pub ours: Pricing,
    pub meta: Pricing,
    /// The rule that decided our classification.
    pub rule: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Pricing {
    pub category: Option<String>,
    #[serde(rename = "type")]
    pub pricing_type: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Reconciliation {
    /// Delivered messages that carried Meta's pricing columns.
    pub compared: u64,
    pub differences: u64,
    pub listed: Vec<Difference>,
}

/// The bill: the summary of docs/log.md, "The bill".
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub currency: String,
    pub rules: String,
    pub rate_card: String,
    /// Data rows read (blank lines excluded).
    pub rows: u64,
    pub outbound: u64,
    pub months: Vec<MonthReport>,
    pub meta_total: String,
    #[serde(skip)]
    pub meta_total_value: Decimal,
    /// The whole log by market and by category (`totals.rs`).
    pub totals: Totals,
    /// An invoice's total beside `meta_total`, when one was given (`check_invoice`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice: Option<InvoiceCheck>,
    /// In English: `notes`' sentences, in the same order.
    pub warnings: Vec<String>,
    /// The same as data, for front ends that word them in another language. Not serialised:
    /// the report's JSON (the command line's, the JS package's) keeps its shape.
    #[serde(skip)]
    pub notes: Vec<BillWarning>,
    pub skipped_rows: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reconciliation: Option<Reconciliation>,
    /// Whether the log was out of time order and had to be sorted in memory.
    pub sorted_in_memory: bool,
}

impl Report {
    /// Compares an invoice's total with the bill; the report then carries the difference.
    pub fn check_invoice(&mut self, invoice_total: Decimal) -> InvoiceCheck {
        let check = InvoiceCheck::new(invoice_total, self.meta_total_value);
        self.invoice = Some(check);
        check
    }
}

impl Engine<'_> {
    /// The log's total under this engine's model so far, or why the model cannot price it.
    pub fn model_total(&self) -> ModelTotal {
        ModelTotal::of(&self.summary)
    }
}

/// Receives each outbound message's pricing (for `--detail` or a page's table).
pub trait Sink {
    fn message(&mut self, priced: &Priced, names: &Names, markets: &[String]);
    /// Each event the bill accepted, inbound or outbound, in billing order (to feed other
    /// engines the same log).
    fn event(&mut self, _event: &Event) {}
    /// The log was out of order and is billed again from its first message, sorted: forget
    /// what was received so far.
    fn restart(&mut self) {}
}

/// A sink that keeps nothing.
pub struct NoSink;

impl Sink for NoSink {
    fn message(&mut self, _: &Priced, _: &Names, _: &[String]) {}
}

/// Parses and bills one log, line by line.
pub struct Session<'c> {
    pub engine: Engine<'c>,
    parser: LogParser,
    options: Options,
    rows: u64,
    bad: Vec<RowError>,
    reconciliation: Option<Reconciliation>,
    sorted_in_memory: bool,
    ids: MessageIds,
    repeats: Repeats,
    /// Lines with nothing but whitespace: not rows, but counted.
    blank_lines: u64,
}

/// Why a log must be billed again from its first row, sorted in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebill {
    /// A row earlier than the one before it.
    OutOfOrder { line: u64 },
    /// A message whose earlier rows said it failed was delivered after all (`message_id`):
    /// it is billed at its first row's time, which the stream has passed.
    DeliveredLater { line: u64, first_line: u64 },
}

impl From<OutOfOrder> for Rebill {
    fn from(e: OutOfOrder) -> Rebill {
        Rebill::OutOfOrder { line: e.line }
    }
}

impl<'c> Session<'c> {
    /// Starts a bill from the header line.
    pub fn new(
        catalog: &'c Catalog,
        settings: Settings,
        header: &str,
        options: Options,
    ) -> Result<Session<'c>, error::HeaderError> {
        let parser = LogParser::new(header)?;
        let reconciliation = parser.has_meta_columns().then(Reconciliation::default);
        Ok(Session {
            engine: Engine::new(catalog, settings),
            parser,
            options,
            rows: 0,
            bad: Vec::new(),
            reconciliation,
            sorted_in_memory: false,
            ids: MessageIds::default(),
            repeats: Repeats::default(),
            blank_lines: 0,
        })
    }

    /// Marks this session as the sorted re-run of an out-of-order log.
    pub fn set_sorted_in_memory(&mut self) {
        self.sorted_in_memory = true;
    }

    /// Parses one data line (`line_no` 1-based, the header is line 1); a bad row is recorded
    /// and gives `None`.
    pub fn parse_line(&mut self, line_no: u64, line: &str) -> Option<Event> {
        match self.parser.parse(line_no, line) {
            Ok(Some(event)) => {
                self.rows += 1;
                Some(event)
            }
            Ok(None) => {
                self.blank_lines += 1;
                None
            }
            Err(e) => self.bad_row(e),
        }
    }

    /// Records a row that could not be read (it counts as a row).
    pub fn bad_row(&mut self, e: RowError) -> Option<Event> {
        self.rows += 1;
        self.bad.push(e);
        None
    }

    /// Counts blank lines read before the header.
    pub(crate) fn add_blank_lines(&mut self, count: u64) {
        self.blank_lines += count;
    }

    /// Bills one event, unless it is another row of a message already billed; `sink`
    /// receives each outbound message's pricing (for `--detail`).
    pub fn push(&mut self, event: &Event, sink: &mut dyn Sink) -> Result<(), Rebill> {
        if event.message_id.is_none() {
            // The common case: no call into the ids (their row indexes serve the sorted pass).
            return self.bill(event, sink);
        }
        match self.ids.check(event) {
            Verdict::New => {}
            Verdict::Repeat => return Ok(()),
            Verdict::Conflict(e) => {
                self.bad.push(e);
                return Ok(());
            }
            Verdict::DeliveredLater { first_line, .. } => {
                return Err(Rebill::DeliveredLater {
                    line: event.line,
                    first_line,
                })
            }
        }
        self.bill(event, sink)
    }

    /// Merges the rows of each message (`message_id`) of time-sorted events: the first row
    /// stays, delivered if any row of the message says so; the others go, and a row of
    /// another kind or category is a bad row. Then `push_merged` each.
    pub(crate) fn merge_messages(&mut self, mut events: Vec<Event>) -> Vec<Event> {
        let mut ids = MessageIds::default();
        let mut keep = Vec::with_capacity(events.len());
        let mut delivered = Vec::new();
        for event in &events {
            let verdict = ids.check(event);
            keep.push(verdict == Verdict::New);
            match verdict {
                Verdict::Conflict(e) => self.bad.push(e),
                Verdict::DeliveredLater { first_index, .. } => delivered.push(first_index),
                Verdict::New | Verdict::Repeat => {}
            }
        }
        for i in delivered {
            if let Some(first) = events.get_mut(i) {
                first.failed = false;
            }
        }
        let mut keep = keep.into_iter();
        events.retain(|_| keep.next().unwrap_or(false));
        events
    }

    /// Bills an event of `merge_messages`.
    pub(crate) fn push_merged(&mut self, event: &Event, sink: &mut dyn Sink) -> Result<(), Rebill> {
        self.bill(event, sink)
    }

    fn bill(&mut self, event: &Event, sink: &mut dyn Sink) -> Result<(), Rebill> {
        let priced = self.engine.push(event)?;
        self.repeats.check(event);
        sink.event(event);
        let Some(priced) = priced else {
            return Ok(());
        };
        if let Some(recon) = &mut self.reconciliation {
            if event.meta_category.is_some() || event.meta_type.is_some() {
                reconcile(recon, event, &priced, &self.parser.names);
            }
        }
        sink.message(&priced, &self.parser.names, self.engine.markets());
        Ok(())
    }

    /// Message ids remembered now: what their memory is bounded by (see `MessageIds`).
    pub fn remembered_message_ids(&self) -> usize {
        self.ids.held()
    }

    /// Malformed rows so far.
    pub fn bad_rows(&self) -> &[RowError] {
        &self.bad
    }

    /// The report, or every bad row when they are not to be skipped.
    pub fn finish(mut self) -> Result<Report, MalformedRows> {
        // In line order, however they were found (a message's rows are compared in time order).
        self.bad.sort_by_key(|e| e.line);
        if !self.bad.is_empty() && !self.options.skip_bad_rows {
            return Err(MalformedRows { rows: self.bad });
        }
        let summary = &self.engine.summary;
        let months = summary.months(self.engine.markets());
        let totals = totals::totals(&months);
        let total = summary.total();
        let notes = self.warnings(&months);
        let settings = self.engine.settings();
        Ok(Report {
            currency: settings.currency.clone(),
            rules: match settings.rules {
                RulesChoice::Auto => "auto".to_string(),
                RulesChoice::Fixed(e) => e.as_str().to_string(),
            },
            rate_card: match settings.rate_card {
                CardChoice::Auto => "auto".to_string(),
                CardChoice::Fixed(d) => d.to_string(),
            },
            rows: self.rows,
            outbound: summary.outbound,
            months,
            meta_total: to_plain_string(total, 2),
            meta_total_value: total,
            totals,
            invoice: None,
            warnings: notes.iter().map(ToString::to_string).collect(),
            notes,
            skipped_rows: self.bad.iter().map(ToString::to_string).collect(),
            reconciliation: self.reconciliation,
            sorted_in_memory: self.sorted_in_memory,
        })
    }
}

impl Session<'_> {
    /// The report's warnings: the engine's, then what the counts show.
    fn warnings(&self, months: &[MonthReport]) -> Vec<BillWarning> {
        let mut warnings: Vec<BillWarning> = self.engine.warnings().cloned().collect();
        for (reason, count) in self.engine.summary.unpriced() {
            warnings.push(BillWarning::NotPriced {
                count,
                reason: reason.clone(),
            });
        }
        let undeliverable: u64 = months.iter().map(|m| m.undeliverable).sum();
        if undeliverable > 0 {
            warnings.push(BillWarning::Undeliverable {
                count: undeliverable,
            });
        }
        for m in months {
            if m.rate_cards.len() > 1 {
                warnings.push(BillWarning::CardChangesInMonth {
                    month: m.month.clone(),
                    cards: m.rate_cards.clone(),
                });
            }
        }
        if let Some(r) = &self.reconciliation {
            if usize::try_from(r.differences).map_or(true, |d| d > r.listed.len()) {
                warnings.push(BillWarning::ReconciliationDifferences {
                    differences: r.differences,
                    listed: r.listed.len() as u64,
                });
            }
        }
        if let Some(w) = self.repeats.warning() {
            warnings.push(w);
        }
        if self.blank_lines > 0 {
            warnings.push(BillWarning::BlankLines {
                count: self.blank_lines,
            });
        }
        if !self.bad.is_empty() {
            warnings.push(BillWarning::MalformedRows {
                count: self.bad.len() as u64,
            });
        }
        warnings
    }
}

fn reconcile(recon: &mut Reconciliation, event: &Event, p: &Priced, names: &Names) {
    let ours_category = match p.outcome {
        Outcome::Failed => return,
        Outcome::Undeliverable => Some("undeliverable"),
        _ => p.category,
    };
    recon.compared += 1;
    let ours_type = p.pricing_type.map(PricingType::as_str);
    let differs = |meta: &Option<Box<str>>, ours: Option<&str>| {
        meta.as_deref().is_some_and(|m| Some(m) != ours)
    };
    if differs(&event.meta_category, ours_category) || differs(&event.meta_type, ours_type) {
        recon.differences += 1;
        if recon.listed.len() < MAX_LISTED_DIFFERENCES {
            recon.listed.push(Difference {
                line: p.line,
                time: detail::format_time(p.time),
                phone_number: names.phone(p.phone).to_string(),
                user: input::format_user(p.user),
                ours: Pricing {
                    category: ours_category.map(str::to_string),
                    pricing_type: ours_type.map(str::to_string),
                },
                meta: Pricing {
                    category: event.meta_category.as_deref().map(str::to_string),
                    pricing_type: event.meta_type.as_deref().map(str::to_string),
                },
                rule: p.rule,
            });
        }
    }
}

/// Bills a log held in memory (through the sorted pass when a row goes back in time).
pub fn bill_text(
    catalog: &Catalog,
    settings: &Settings,
    text: &str,
    options: Options,
    sink: &mut dyn Sink,
) -> Result<Report, BillError> {
    // Straight from the text: copying it into blocks and checking its UTF-8 again cost a
    // tenth of a bill of 200,000 rows.
    let mut stream = LogStream::new(catalog, settings.clone(), options);
    stream.feed_whole_text(text, sink);
    if stream.needs_sorted_pass() {
        stream.start_sorted_pass(sink);
        stream.feed_whole_text(text, sink);
    }
    stream.end_of_input(sink);
    stream.finish()
}

/// `bill_text` without a detail sink.
pub fn bill(
    catalog: &Catalog,
    settings: &Settings,
    text: &str,
    options: Options,
) -> Result<Report, BillError> {
    bill_text(catalog, settings, text, options, &mut NoSink)
}
