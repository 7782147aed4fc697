//! Rows that are the same message: the optional `message_id` column says which rows are one
//! message (a `delivered` then a `read` row, say); without it, an exact repeat of a row is
//! billed again but reported.

use super::error::{Column, RowError, RowErrorKind};
use super::input::{Event, Kind};
use super::warning::BillWarning;
use crate::Category;
use rustc_hash::FxHashMap as HashMap;

const HOUR: i64 = 3_600_000_000_000;

/// How long a message id is remembered after its message's first row: a later row with the
/// same id is taken as a new message. 72 hours, the longest window the biller keeps state for
/// (a free entry point window); delivery and read statuses normally come within it.
pub const MESSAGE_ID_MEMORY: i64 = 72 * HOUR;

/// What a row with a message id is, given the rows before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The first row of its message (or a row without an id): bill it.
    New,
    /// Another row of a message already billed as it should be: nothing to bill.
    Repeat,
    /// A row saying a message was delivered whose earlier rows all said it failed: the
    /// message must be billed as delivered at its first row's time, earlier than this row.
    DeliveredLater { first_line: u64, first_index: usize },
    /// Another kind or category than the message's first row.
    Conflict(RowError),
}

#[derive(Debug, Clone)]
struct Remembered {
    id: Box<str>,
    first_time: i64,
    first_line: u64,
    /// The first row's place among the rows checked (the sorted pass merges by it).
    first_index: usize,
    kind: Kind,
    delivered: bool,
}

/// The message ids of the last `MESSAGE_ID_MEMORY`, by (phone number, user).
///
/// Memory bound: an id is dropped once its first row is `MESSAGE_ID_MEMORY` old, when its
/// (phone number, user) next has a row and at the latest at the next sweep (every 200,000 rows
/// or twice the pairs held, as the engine sweeps its pairs). So at any time it holds at most
/// the messages with ids first seen in the last 72 hours plus one sweep interval of rows: a
/// log of a year costs what its busiest three days cost.
#[derive(Debug, Default)]
pub struct MessageIds {
    pairs: HashMap<(u32, u64), Vec<Remembered>>,
    held: usize,
    since_sweep: usize,
    checked: usize,
}

impl MessageIds {
    /// Ids remembered now (what memory is bounded by).
    pub fn held(&self) -> usize {
        self.held
    }

    /// Classifies the next row, in time order.
    pub fn check(&mut self, event: &Event) -> Verdict {
        let index = self.checked;
        self.checked += 1;
        let Some(id) = &event.message_id else {
            return Verdict::New;
        };
        self.sweep(event.time);
        let list = self.pairs.entry((event.phone, event.user)).or_default();
        let before = list.len();
        list.retain(|r| event.time < r.first_time.saturating_add(MESSAGE_ID_MEMORY));
        self.held -= before - list.len();
        let Some(first) = list.iter_mut().find(|r| r.id == *id) else {
            list.push(Remembered {
                id: id.clone(),
                first_time: event.time,
                first_line: event.line,
                first_index: index,
                kind: event.kind,
                delivered: !event.failed,
            });
            self.held += 1;
            return Verdict::New;
        };
        if first.kind != event.kind {
            return Verdict::Conflict(conflict(event, first));
        }
        if first.delivered || event.failed {
            return Verdict::Repeat;
        }
        first.delivered = true;
        Verdict::DeliveredLater {
            first_line: first.first_line,
            first_index: first.first_index,
        }
    }

    fn sweep(&mut self, now: i64) {
        self.since_sweep += 1;
        if self.since_sweep <= 200_000usize.max(2 * self.pairs.len()) {
            return;
        }
        self.since_sweep = 0;
        for list in self.pairs.values_mut() {
            list.retain(|r| now < r.first_time.saturating_add(MESSAGE_ID_MEMORY));
        }
        self.pairs.retain(|_, list| !list.is_empty());
        self.held = self.pairs.values().map(Vec::len).sum();
    }
}

/// The row error of a row whose kind or category differs from its message's first row.
fn conflict(event: &Event, first: &Remembered) -> RowError {
    let (column, value, was) = match (event.kind, first.kind) {
        (Kind::Template(now), Kind::Template(then)) => {
            (Column::Category, category_label(now), category_label(then))
        }
        (now, then) => (Column::Kind, kind_label(now), kind_label(then)),
    };
    RowError {
        line: event.line,
        column,
        value: value.to_string(),
        kind: RowErrorKind::MessageConflict {
            message_id: first.id.to_string(),
            first_line: first.first_line,
            first: was.to_string(),
        },
    }
}

fn category_label(category: Category) -> &'static str {
    category.as_str()
}

fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::InMessage => "message",
        Kind::InEntryPoint => "entry_point",
        Kind::InCall => "call",
        Kind::Template(_) => "template",
        Kind::FreeForm => "free_form",
    }
}

/// At most this many repeats are named in the warning (all are counted).
const LISTED_REPEATS: usize = 10;

/// Outbound rows without an id that repeat an earlier row exactly (same time, phone number,
/// user, kind and category). Rows come in time order, so only the rows of the current
/// instant are remembered.
#[derive(Debug, Default)]
pub struct Repeats {
    time: i64,
    at_this_time: Vec<(u32, u64, Kind, u64)>,
    count: u64,
    /// (line, the earlier line it repeats), the first `LISTED_REPEATS`.
    listed: Vec<(u64, u64)>,
}

impl Repeats {
    #[inline]
    pub fn check(&mut self, event: &Event) {
        if event.kind.is_inbound() || event.message_id.is_some() {
            return;
        }
        if event.time != self.time || self.at_this_time.is_empty() {
            self.time = event.time;
            self.at_this_time.clear();
        }
        let same = |&&(phone, user, kind, _): &&(u32, u64, Kind, u64)| {
            phone == event.phone && user == event.user && kind == event.kind
        };
        if let Some(&(_, _, _, earlier)) = self.at_this_time.iter().find(same) {
            self.count += 1;
            if self.listed.len() < LISTED_REPEATS {
                self.listed.push((event.line, earlier));
            }
        } else {
            self.at_this_time
                .push((event.phone, event.user, event.kind, event.line));
        }
    }

    /// The warning, when a row repeated another.
    pub fn warning(&self) -> Option<BillWarning> {
        (self.count > 0).then(|| BillWarning::Repeats {
            count: self.count,
            listed: self.listed.clone(),
        })
    }
}
