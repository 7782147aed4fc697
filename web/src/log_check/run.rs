//! The billing run behind "Check a log": the core's log pipeline (`LogStream`, the one
//! `wacost bill` reads files with), fed the file's bytes block by block so a log of millions of
//! rows never has to be one string. Only
//! the worker calls this; the page never links it, so the biller stays out of the page bundle.

use super::model::{
    Alternate, BadRow, HeaderProblem, LogProblem, RowProblem, SettingProblem, ZoneProblem,
};
use serde::Serialize;
use wacost_core::bill::error::{HeaderError, HeaderErrorKind, SettingErrorKind, ZoneErrorKind};
use wacost_core::bill::{
    detail, BillError, BillWarning, Engine, Event, LogStream, Names, Options, Priced, Report,
    RowErrorKind, RulesChoice, SettingError, Settings, Sink,
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
    pub errors: Vec<LogProblem>,
    /// No bill because rows are malformed (listed in `bad_rows`) and were not to be skipped:
    /// the page says how to bill the rest in its own words.
    pub malformed: bool,
    pub bad_rows: Vec<BadRow>,
    pub bad_count: u64,
    pub alternates: Vec<Alternate>,
    /// The report's warnings as kinds, for the view to word in the page's language.
    pub warnings: Vec<BillWarning>,
}

impl Outcome {
    pub fn failed(errors: Vec<LogProblem>) -> Outcome {
        Outcome {
            report: None,
            errors,
            malformed: false,
            bad_rows: Vec::new(),
            bad_count: 0,
            alternates: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Detail rows, collected as text the worker moves out in blocks.
#[derive(Debug, Default)]
pub struct DetailText {
    pub on: bool,
    pub text: String,
}

impl DetailText {
    fn start(&mut self) {
        if self.on {
            self.text.push_str(detail::DETAIL_HEADER);
        }
    }
}

/// What a run keeps besides the bill: the detail rows and, to compare, the same events billed
/// under every other rules version.
struct Extras<'c> {
    catalog: &'c Catalog,
    settings: Settings,
    compare: bool,
    detail: DetailText,
    alternates: Vec<(RulesVersion, Engine<'c>)>,
}

impl<'c> Extras<'c> {
    /// Fresh engines for every rules version but the bill's own.
    fn alternates(&self) -> Vec<(RulesVersion, Engine<'c>)> {
        if !self.compare {
            return Vec::new();
        }
        RulesVersion::ALL
            .into_iter()
            .filter(|rules| self.settings.rules != RulesChoice::Fixed(*rules))
            .map(|rules| {
                let mut settings = self.settings.clone();
                settings.rules = RulesChoice::Fixed(rules);
                (rules, Engine::new(self.catalog, settings))
            })
            .collect()
    }
}

impl Sink for Extras<'_> {
    fn message(&mut self, priced: &Priced, names: &Names, markets: &[String]) {
        if self.detail.on {
            detail::detail_row(priced, names, markets, &mut self.detail.text);
        }
    }

    fn event(&mut self, event: &Event) {
        for (_, engine) in &mut self.alternates {
            // Same events in the same order as the bill, which accepted this one.
            let _ = engine.push(event);
        }
    }

    fn restart(&mut self) {
        self.detail.text.clear();
        self.detail.start();
        self.alternates = self.alternates();
    }
}

/// One bill of a log fed block by block: the core's `LogStream`, with the detail and the
/// other rules versions.
pub struct Run<'c> {
    stream: LogStream<'c>,
    extras: Extras<'c>,
}

impl<'c> Run<'c> {
    pub fn new(catalog: &'c Catalog, settings: Settings, job: Job) -> Run<'c> {
        let options = Options {
            skip_bad_rows: job.skip_bad_rows,
        };
        let mut extras = Extras {
            catalog,
            settings: settings.clone(),
            compare: job.compare,
            detail: DetailText {
                on: job.detail,
                text: String::new(),
            },
            alternates: Vec::new(),
        };
        extras.restart();
        Run {
            stream: LogStream::new(catalog, settings, options),
            extras,
        }
    }

    /// The detail rows built so far (the worker moves them out as it goes).
    pub fn detail(&mut self) -> &mut String {
        &mut self.extras.detail.text
    }

    /// Whether feeding more bytes is pointless (no bill possible, or a sorted pass needed).
    pub fn stopped(&self) -> bool {
        self.stream.stopped()
    }

    /// Whether the log must be fed again and billed sorted (`restart_sorted`).
    pub fn needs_sort(&self) -> bool {
        self.stream.needs_sorted_pass()
    }

    /// Starts the sorted pass: the same file must be fed again from its first byte.
    pub fn restart_sorted(&mut self) {
        self.stream.start_sorted_pass(&mut self.extras);
    }

    /// Feeds the next block of the file (any size, lines may straddle blocks).
    pub fn feed(&mut self, bytes: &[u8]) {
        self.stream.feed(bytes, &mut self.extras);
    }

    /// Bills the last line and, in the sorted pass, every event.
    pub fn end_of_input(&mut self) {
        self.stream.end_of_input(&mut self.extras);
    }

    /// The bill, the other rules versions' totals, and every malformed row.
    pub fn finish(self) -> Outcome {
        let bad = self.stream.bad_rows();
        let bad_count = bad.len() as u64;
        let bad_rows = bad
            .iter()
            .take(MAX_LISTED_BAD_ROWS)
            .map(|e| BadRow {
                line: e.line,
                column: e.column.to_string(),
                value: e.value.clone(),
                problem: row_problem(&e.kind),
            })
            .collect();
        let alternates = self
            .extras
            .alternates
            .iter()
            .map(|(rules, engine)| Alternate {
                rules: rules.as_str().to_string(),
                total: (&engine.model_total()).into(),
            })
            .collect();
        match self.stream.finish() {
            Ok(mut report) => {
                // Listed structurally in `bad_rows`; the text copy would double the message.
                report.skipped_rows.clear();
                let warnings = std::mem::take(&mut report.notes);
                Outcome {
                    warnings,
                    report: Some(report),
                    errors: Vec::new(),
                    malformed: false,
                    bad_rows,
                    bad_count,
                    alternates,
                }
            }
            Err(BillError::MalformedRows(_)) => Outcome {
                report: None,
                errors: Vec::new(),
                malformed: true,
                bad_rows,
                bad_count,
                alternates: Vec::new(),
                warnings: Vec::new(),
            },
            Err(e) => Outcome::failed(vec![log_problem(&e)]),
        }
    }
}

/// A row's problem as the view reads it.
fn row_problem(kind: &RowErrorKind) -> RowProblem {
    match kind {
        RowErrorKind::Csv(problem) => RowProblem::Csv {
            problem: problem.kind.into(),
            column: problem.column,
        },
        RowErrorKind::TooFewFields { found, header } => RowProblem::TooFewFields {
            found: *found,
            header: *header,
        },
        RowErrorKind::TooManyFields {
            found,
            header,
            first,
        } => RowProblem::TooManyFields {
            found: *found,
            header: *header,
            first: *first,
        },
        RowErrorKind::NotUtf8 { byte } => RowProblem::NotUtf8 { byte: *byte },
        RowErrorKind::NotATime => RowProblem::NotATime,
        RowErrorKind::TimeOutOfRange => RowProblem::TimeOutOfRange,
        RowErrorKind::EmptyPhoneNumber => RowProblem::EmptyPhoneNumber,
        RowErrorKind::NotAUser => RowProblem::NotAUser,
        RowErrorKind::NotADirection => RowProblem::NotADirection,
        RowErrorKind::InboundKind => RowProblem::InboundKind,
        RowErrorKind::OutboundKind => RowProblem::OutboundKind,
        RowErrorKind::TemplateCategory => RowProblem::TemplateCategory,
        RowErrorKind::FreeFormCategory => RowProblem::FreeFormCategory,
        RowErrorKind::OutboundStatus => RowProblem::OutboundStatus,
        RowErrorKind::InboundStatus => RowProblem::InboundStatus,
        RowErrorKind::MessageConflict {
            message_id,
            first_line,
            first,
        } => RowProblem::MessageConflict {
            message_id: message_id.clone(),
            first_line: *first_line,
            first: first.clone(),
        },
    }
}

/// Why there is no bill, as the view reads it.
pub fn log_problem(error: &BillError) -> LogProblem {
    match error {
        BillError::Read(_) => LogProblem::Unreadable,
        BillError::Empty => LogProblem::Empty,
        BillError::Utf16 => LogProblem::Utf16,
        BillError::Header(header) => header_problem(header),
        // Malformed rows are listed one by one, with the page's own remedy.
        BillError::MalformedRows(rows) => LogProblem::Worker {
            detail: rows.to_string(),
        },
    }
}

fn header_problem(error: &HeaderError) -> LogProblem {
    let problem = match &error.kind {
        HeaderErrorKind::Csv(problem) => HeaderProblem::Csv {
            problem: problem.kind.into(),
            column: problem.column,
        },
        HeaderErrorKind::NotUtf8 => HeaderProblem::NotUtf8,
        HeaderErrorKind::DuplicateColumn {
            name,
            first,
            second,
        } => HeaderProblem::DuplicateColumn {
            name: (*name).to_string(),
            first: *first,
            second: *second,
        },
        HeaderErrorKind::MissingColumns { missing, found } => HeaderProblem::MissingColumns {
            missing: missing.iter().map(|m| (*m).to_string()).collect(),
            found: found.clone(),
        },
    };
    LogProblem::Header {
        line: error.line,
        problem,
    }
}

/// A bad setting of the form, as the view reads it.
pub fn setting_problem(error: &SettingError) -> LogProblem {
    let names = |known: &[&str]| known.iter().map(|k| (*k).to_string()).collect();
    let problem = match &error.kind {
        SettingErrorKind::Json { message, .. } => SettingProblem::Json {
            detail: message.clone(),
        },
        SettingErrorKind::Timezone(zone) => SettingProblem::Timezone(match zone {
            ZoneErrorKind::NotAnOffset => ZoneProblem::NotAnOffset,
            ZoneErrorKind::NotAName => ZoneProblem::NotAName,
            ZoneErrorKind::NamesNeedFeature => ZoneProblem::NamesNeedFeature,
        }),
        SettingErrorKind::UnknownCurrency { known } => SettingProblem::UnknownCurrency {
            known: names(known),
        },
        SettingErrorKind::UnknownRules { known } => SettingProblem::UnknownRules {
            known: names(known),
        },
        SettingErrorKind::NotACardDate => SettingProblem::NotACardDate,
        SettingErrorKind::NoSuchCard { currency, date } => SettingProblem::NoSuchCard {
            currency: currency.clone(),
            date: date.to_string(),
        },
        SettingErrorKind::NotACountry => SettingProblem::NotACountry,
        SettingErrorKind::NotATime => SettingProblem::NotATime,
        SettingErrorKind::TimeOutOfRange => SettingProblem::TimeOutOfRange,
    };
    LogProblem::Setting {
        setting: error.setting.key().to_string(),
        value: error.value.clone(),
        problem,
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
            detail.push_str(run.detail());
            run.detail().clear();
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
        detail.push_str(run.detail());
        run.detail().clear();
        break;
    }
    (run.finish(), detail)
}
