//! Volumes coming into the sheet: a block pasted from a spreadsheet and an imported CSV, both
//! read by core's CSV reader and core's count reader, so they follow the same rules as every
//! other CSV and every typed count.
//!
//! A first row of known column names is a header in both (the export's own
//! `destination,marketing,…`, or the sheet's column titles in any of the page's languages);
//! columns are then found by name. The separator is sniffed: `;` (Excel where the decimal mark
//! is a comma) and tab (cells copied from a spreadsheet) in both; a paste without either is
//! cut at commas only when its first row is a header or starts with a destination, so a lone
//! `1,500` stays one count. Rows for the same destination are added together and the caller
//! gets a note saying so.

use super::{describe, resolve};
use crate::draft::{Dest, Draft, COLUMNS};
use crate::i18n::{t, Lang};
use std::collections::HashMap;
use wacost_core::catalog::markets::MarketTable;
use wacost_core::count;
use wacost_core::csv::{self, ErrorKind, Limits, ReadError, Record, Separator};
use wacost_core::locale::Locale;

/// The largest file imported or block pasted: a sheet of every country is about 10 KB, and
/// reading 5 MB takes about 50 ms natively, so the page stays responsive at the cap.
pub const MAX_SHEET_BYTES: usize = 5_000_000;
/// The most rows read from one file or paste, the header included. There are about 250
/// destinations; rows beyond that only repeat them.
pub const MAX_SHEET_ROWS: usize = 10_000;
/// The most problems listed; the rest are counted.
pub const MAX_LISTED: usize = 20;

const LIMITS: Limits = Limits {
    max_bytes: MAX_SHEET_BYTES,
    max_records: MAX_SHEET_ROWS,
};

/// What a paste or an import did besides filling cells, for a note on the page: the
/// destinations whose rows were added together (`India (IN) ×2`) and those whose counts
/// already in the sheet were replaced, each list capped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetNote {
    pub summed: Option<String>,
    pub replaced: Option<String>,
}

/// Where rows come from: a file's lines or a pasted block's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    File,
    Paste,
}

/// Why a paste or an import is refused, with the figures its sentence needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblemKind {
    /// The core's CSV reader refused the text (or it is over a cap).
    Csv(ErrorKind),
    NotADestination {
        text: String,
    },
    /// A destination given twice whose counts cannot be added.
    CannotAdd {
        destination: String,
        first_line: usize,
        before: String,
        added: String,
    },
    /// A pasted row with a destination and more than four numbers.
    TooManyNumbers,
    /// A block of numbers wider than the columns right of the cell it was pasted into.
    PastLastColumn,
    MoreRowsThanLines {
        rows: usize,
        below: usize,
    },
    /// The row pasted into was removed meanwhile.
    RowGone,
    /// The block reaches a linked line the sheet cannot edit (its row, from 1).
    ReachesKeptLine {
        row: usize,
    },
    Empty,
    NoDestinationColumn,
    NoCountColumn,
    /// More problems than are listed: how many more.
    More {
        count: usize,
    },
    /// The chosen file could not be read.
    Unreadable,
}

/// One problem, at a 1-based line or row (0: the text as a whole) and, for a problem of the
/// CSV itself, a character column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetProblem {
    pub line: usize,
    pub column: usize,
    pub kind: SheetProblemKind,
}

impl SheetProblem {
    pub fn whole(kind: SheetProblemKind) -> SheetProblem {
        SheetProblem {
            line: 0,
            column: 0,
            kind,
        }
    }

    fn at(line: usize, kind: SheetProblemKind) -> SheetProblem {
        SheetProblem {
            line,
            column: 0,
            kind,
        }
    }

    fn of_csv(error: ReadError) -> SheetProblem {
        match error.kind {
            // A cap is about the whole text, not a place in it.
            ErrorKind::TooLarge { .. } | ErrorKind::TooManyRecords { .. } => {
                SheetProblem::whole(SheetProblemKind::Csv(error.kind))
            }
            kind => SheetProblem {
                line: error.at.line,
                column: error.at.column,
                kind: SheetProblemKind::Csv(kind),
            },
        }
    }
}

/// Every problem of a refused paste or import (the first `MAX_LISTED`, then how many more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetProblems {
    pub source: Source,
    pub problems: Vec<SheetProblem>,
}

impl SheetProblems {
    pub fn one(source: Source, problem: SheetProblem) -> SheetProblems {
        SheetProblems {
            source,
            problems: vec![problem],
        }
    }
}

/// An imported row: its destination and its four counts as the sheet keeps them.
pub type ImportedLine = (Dest, [String; 4]);

/// Refuses a file over the cap from its size alone, before it is read into memory.
pub fn check_file_size(bytes: u64) -> Result<(), SheetProblems> {
    let found = usize::try_from(bytes).unwrap_or(usize::MAX);
    if found <= MAX_SHEET_BYTES {
        return Ok(());
    }
    let kind = SheetProblemKind::Csv(ErrorKind::TooLarge {
        limit: MAX_SHEET_BYTES,
        found,
    });
    Err(SheetProblems::one(Source::File, SheetProblem::whole(kind)))
}

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Destination,
    Count(usize),
    /// The sheet's own `Total` column: read past.
    Total,
}

fn column_named(cell: &str) -> Option<Column> {
    let name = cell.trim().to_lowercase();
    let named =
        |key: &str| key == name || Lang::ALL.iter().any(|&l| t(l, key).to_lowercase() == name);
    if name.is_empty() {
        None
    } else if ["destination", "country", "market"].into_iter().any(named) {
        Some(Column::Destination)
    } else if let Some(at) = COLUMNS.iter().position(|c| named(c.name())) {
        Some(Column::Count(at))
    } else if named("total") {
        Some(Column::Total)
    } else {
        None
    }
}

/// Where each column is, from a header.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Layout {
    destination: Option<usize>,
    /// For each of the sheet's four count columns, the field that holds it.
    counts: [Option<usize>; 4],
    width: usize,
}

/// The columns a header record names (the first of a name twice), and how many of its
/// non-empty cells name none.
fn layout(record: &Record) -> (Layout, usize) {
    let mut layout = Layout {
        destination: None,
        counts: [None; 4],
        width: record.fields.len(),
    };
    let mut unknown = 0;
    for (at, field) in record.fields.iter().enumerate() {
        if field.text.trim().is_empty() {
            continue;
        }
        let slot = match column_named(&field.text) {
            Some(Column::Destination) => &mut layout.destination,
            Some(Column::Count(c)) => match layout.counts.get_mut(c) {
                Some(slot) => slot,
                None => continue,
            },
            Some(Column::Total) => continue,
            None => {
                unknown += 1;
                continue;
            }
        };
        slot.get_or_insert(at);
    }
    (layout, unknown)
}

/// The layout of a pasted block's first row if it is a header: every non-empty cell a known
/// column name, at least one a destination or a count. (An imported file always has one.)
fn header_layout(record: &Record) -> Option<Layout> {
    let (layout, unknown) = layout(record);
    let named = layout.destination.is_some() || layout.counts.iter().any(Option::is_some);
    (unknown == 0 && named).then_some(layout)
}

fn is_count_like(cell: &str) -> bool {
    cell.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'))
}

/// A count cell as the sheet keeps it: the number when the text is a count in `locale`
/// (`1,500` in English, `1 500` in French: 1500), else the text as typed, which the estimate
/// then marks (`1,5` is never 15).
fn count_cell(text: &str, locale: Locale) -> String {
    match count::read(text, locale) {
        Ok(count) => count.to_string(),
        Err(_) => text.trim().to_string(),
    }
}

/// The first `MAX_LISTED` problems, then how many more.
fn listed(source: Source, mut problems: Vec<SheetProblem>) -> SheetProblems {
    let more = problems.len().saturating_sub(MAX_LISTED);
    problems.truncate(MAX_LISTED);
    if more > 0 {
        problems.push(SheetProblem::whole(SheetProblemKind::More { count: more }));
    }
    SheetProblems { source, problems }
}

/// The records of a pasted block or a file, blank rows skipped.
fn records(
    text: &str,
    separator: Separator,
    source: Source,
) -> Result<Vec<Record<'_>>, SheetProblems> {
    let mut records = csv::read_all(text, separator, LIMITS)
        .map_err(|e| SheetProblems::one(source, SheetProblem::of_csv(e)))?;
    records.retain(|r| !r.is_blank());
    Ok(records)
}

/// Refuses a text over the byte cap before reading it.
fn check_size(text: &str, source: Source) -> Result<(), SheetProblems> {
    LIMITS
        .check_size(text)
        .map_err(|e| SheetProblems::one(source, SheetProblem::of_csv(e)))
}

/// A pasted block's separator: tab or `;` when its first row has one; `,` only when the first
/// row cut at commas is a header or starts with a destination; otherwise one column.
fn paste_separator(text: &str, table: &MarketTable, locale: Locale) -> Separator {
    match csv::sniff(text) {
        Some(Separator::Comma) => {
            let first = csv::Reader::new(text, Separator::Comma).next();
            let comma = first.and_then(Result::ok).is_some_and(|record| {
                record.fields.len() > 1
                    && (header_layout(&record).is_some()
                        || resolve(table, record.cell(0), locale).is_some())
            });
            if comma {
                Separator::Comma
            } else {
                Separator::Tab
            }
        }
        Some(separator) => separator,
        None => Separator::Tab,
    }
}

/// Every map here is one type, `HashMap<String, usize>` (an index into a list), so the page
/// carries the map's code once (core's users' cards use the same type).
type Index = HashMap<String, usize>;

/// The key of a destination in an `Index` (`Dest` itself is not hashable).
fn key(dest: &Dest) -> String {
    match dest {
        Dest::Country(iso) => format!("c{iso}"),
        Dest::Market(name) => format!("m{name}"),
    }
}

/// Rows gathered by destination, in the order they first appear; a repeated destination's
/// counts are added to the first row's.
#[derive(Default)]
struct Gathered {
    rows: Vec<GatheredRow>,
    at: Index,
    problems: Vec<SheetProblem>,
}

struct GatheredRow {
    dest: Dest,
    /// `None`: no row gave this count (a short pasted row leaves the others alone).
    counts: [Option<String>; 4],
    line: usize,
    times: usize,
}

impl Gathered {
    fn add(&mut self, line: usize, dest: Dest, cells: [Option<String>; 4]) {
        let key = key(&dest);
        let Some(&index) = self.at.get(&key) else {
            self.at.insert(key, self.rows.len());
            self.rows.push(GatheredRow {
                dest,
                counts: cells,
                line,
                times: 1,
            });
            return;
        };
        let Some(row) = self.rows.get_mut(index) else {
            return;
        };
        row.times += 1;
        for (slot, cell) in row.counts.iter_mut().zip(cells) {
            let Some(cell) = cell else {
                continue;
            };
            let Some(before) = slot else {
                *slot = Some(cell);
                continue;
            };
            match add_counts(before, &cell) {
                Some(sum) => *before = sum,
                None => self.problems.push(SheetProblem::at(
                    line,
                    SheetProblemKind::CannotAdd {
                        destination: name_of(&row.dest).to_string(),
                        first_line: row.line,
                        before: before.clone(),
                        added: cell,
                    },
                )),
            }
        }
    }
}

fn name_of(dest: &Dest) -> &str {
    match dest {
        Dest::Country(name) | Dest::Market(name) => name,
    }
}

/// Two count cells added: empty adds nothing; two counts add up; anything else cannot.
fn add_counts(a: &str, b: &str) -> Option<String> {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => Some(b.to_string()),
        (_, true) => Some(a.to_string()),
        _ => {
            let sum = a.parse::<u64>().ok()?.checked_add(b.parse::<u64>().ok()?)?;
            Some(sum.to_string())
        }
    }
}

/// The destinations of rows that were added together, as the note lists them.
fn summed_note(gathered: &Gathered, table: &MarketTable, locale: Locale) -> Vec<String> {
    gathered
        .rows
        .iter()
        .filter(|row| row.times > 1)
        .map(|row| format!("{} ×{}", describe(table, &row.dest, locale).0, row.times))
        .collect()
}

/// The first `MAX_LISTED` names joined, then how many more.
fn names(mut names: Vec<String>) -> String {
    let more = names.len().saturating_sub(MAX_LISTED);
    names.truncate(MAX_LISTED);
    if more > 0 {
        names.push(format!("… +{more}"));
    }
    names.join(", ")
}

/// Reads rows that name their destination. Under a header, `layout` says where each column
/// is and a row may not be wider; without one the destination is first and the counts follow
/// in the sheet's order, as many as the row has.
fn gather(
    rows: &[Record],
    layout: Option<&Layout>,
    table: &MarketTable,
    locale: Locale,
) -> Gathered {
    let mut gathered = Gathered::default();
    // Each distinct text is resolved once: `resolve` walks the market table.
    let mut resolved: Index = HashMap::new();
    let mut dests: Vec<Option<Dest>> = Vec::new();
    for record in rows {
        let mut fields = [None; 4];
        match layout {
            Some(layout) => {
                if let Err(error) = record.check_width(layout.width) {
                    gathered.problems.push(SheetProblem::of_csv(error));
                    continue;
                }
                fields = layout.counts;
            }
            None => {
                for (c, field) in fields.iter_mut().enumerate() {
                    *field = (c + 1 < record.fields.len()).then_some(c + 1);
                }
            }
        }
        let name = record.cell(layout.and_then(|l| l.destination).unwrap_or(0));
        let lower = name.to_lowercase();
        let at = match resolved.get(&lower) {
            Some(&at) => at,
            None => {
                resolved.insert(lower, dests.len());
                dests.push(resolve(table, name, locale));
                dests.len().saturating_sub(1)
            }
        };
        let Some(dest) = dests.get(at).cloned().flatten() else {
            let text = name.to_string();
            let kind = SheetProblemKind::NotADestination { text };
            gathered.problems.push(SheetProblem::at(record.line, kind));
            continue;
        };
        let mut cells: [Option<String>; 4] = Default::default();
        for (cell, field) in cells.iter_mut().zip(fields) {
            *cell = field
                .and_then(|f| record.fields.get(f))
                .map(|f| count_cell(&f.text, locale));
        }
        gathered.add(record.line, dest, cells);
    }
    gathered
}

/// Reads a CSV of the export's shape: a header naming a `destination` (or `country`, `market`)
/// column and count columns, in any order. Every problem is reported (the first
/// `MAX_LISTED`); nothing is imported if there is one. Rows for the same destination are added
/// together, and the note says which.
pub fn import_csv(
    text: &str,
    table: &MarketTable,
    locale: Locale,
) -> Result<(Vec<ImportedLine>, Option<SheetNote>), SheetProblems> {
    let refused = |kind| SheetProblems::one(Source::File, SheetProblem::whole(kind));
    check_size(text, Source::File)?;
    let separator = csv::sniff(text).unwrap_or(Separator::Comma);
    let records = records(text, separator, Source::File)?;
    let (head, rows) = records
        .split_first()
        .ok_or_else(|| refused(SheetProblemKind::Empty))?;
    let (layout, _) = layout(head);
    if layout.destination.is_none() {
        return Err(refused(SheetProblemKind::NoDestinationColumn));
    }
    if layout.counts.iter().all(Option::is_none) {
        return Err(refused(SheetProblemKind::NoCountColumn));
    }
    let gathered = gather(rows, Some(&layout), table, locale);
    if !gathered.problems.is_empty() {
        return Err(listed(Source::File, gathered.problems));
    }
    let summed = summed_note(&gathered, table, locale);
    let note = (!summed.is_empty()).then(|| SheetNote {
        summed: Some(names(summed)),
        replaced: None,
    });
    let lines = gathered
        .rows
        .into_iter()
        .map(|row| {
            let [a, b, c, d] = row.counts;
            let given = |count: Option<String>| count.unwrap_or_default();
            (row.dest, [given(a), given(b), given(c), given(d)])
        })
        .collect();
    Ok((lines, note))
}

/// Applies a pasted block. With destinations (a header naming them, or a first column that is
/// not numbers) each row finds or adds its line and fills its counts, rows for the same
/// destination added together; a block of numbers alone fills the sheet from the cell it was
/// pasted into, down and right (or, under a header, into the columns it names). Nothing is
/// applied if any row is wrong. The note says which rows were added together and which counts
/// already in the sheet were replaced.
pub fn paste(
    draft: &mut Draft,
    id: u32,
    column: usize,
    text: &str,
    table: &MarketTable,
    locale: Locale,
) -> Result<Option<SheetNote>, SheetProblems> {
    check_size(text, Source::Paste)?;
    let records = records(text, paste_separator(text, table, locale), Source::Paste)?;
    let (layout, rows) = match records.split_first() {
        None => return Ok(None),
        Some((first, rest)) => match header_layout(first) {
            Some(layout) => (Some(layout), rest),
            None => (None, records.as_slice()),
        },
    };
    let with_destinations = match &layout {
        Some(layout) => layout.destination.is_some(),
        None => rows.iter().any(|r| !is_count_like(r.cell(0))),
    };
    let mut next = draft.clone();
    let pasted = if with_destinations {
        paste_by_destination(&mut next, layout.as_ref(), rows, table, locale)
    } else {
        paste_numbers(&mut next, id, column, layout.as_ref(), rows, locale).map(|()| None)
    }
    .map_err(|problems| listed(Source::Paste, problems))?;
    // A linked line the sheet cannot edit has no cells: a block of numbers that reaches one
    // by position is refused rather than dropped there.
    if let Some(at) = next.kept_line_with_counts() {
        let kind = SheetProblemKind::ReachesKeptLine { row: at + 1 };
        return Err(SheetProblems::one(Source::Paste, SheetProblem::whole(kind)));
    }
    *draft = next;
    Ok(pasted)
}

fn paste_by_destination(
    draft: &mut Draft,
    layout: Option<&Layout>,
    rows: &[Record],
    table: &MarketTable,
    locale: Locale,
) -> Result<Option<SheetNote>, Vec<SheetProblem>> {
    let mut gathered = gather(rows, layout, table, locale);
    if layout.is_none() {
        let too_wide = rows
            .iter()
            .filter(|record| record.check_width(1 + COLUMNS.len()).is_err())
            .map(|record| SheetProblem::at(record.line, SheetProblemKind::TooManyNumbers));
        gathered.problems.splice(0..0, too_wide);
    }
    if !gathered.problems.is_empty() {
        return Err(std::mem::take(&mut gathered.problems));
    }
    let mut next = draft.clone();
    let mut lines = Index::new();
    for (at, line) in next.lines.iter().enumerate() {
        lines.insert(key(&line.dest), at);
    }
    let mut replaced = Vec::new();
    for row in &gathered.rows {
        let key = key(&row.dest);
        let at = match lines.get(&key) {
            Some(&at) => at,
            None => {
                lines.insert(key, next.lines.len());
                next.push(row.dest.clone(), ["", "", "", ""]);
                next.lines.len().saturating_sub(1)
            }
        };
        let Some(line) = next.lines.get_mut(at) else {
            continue;
        };
        let mut changed = false;
        for (slot, value) in line.counts.iter_mut().zip(&row.counts) {
            if let Some(value) = value {
                changed |= !slot.trim().is_empty() && slot.trim() != value;
                *slot = value.clone();
            }
        }
        if changed {
            replaced.push(describe(table, &row.dest, locale).0);
        }
    }
    *draft = next;
    let summed = summed_note(&gathered, table, locale);
    let listed = |names_: Vec<String>| (!names_.is_empty()).then(|| names(names_));
    let note = SheetNote {
        summed: listed(summed),
        replaced: listed(replaced),
    };
    Ok((note != SheetNote::default()).then_some(note))
}

fn paste_numbers(
    draft: &mut Draft,
    id: u32,
    column: usize,
    layout: Option<&Layout>,
    rows: &[Record],
    locale: Locale,
) -> Result<(), Vec<SheetProblem>> {
    let mut next = draft.clone();
    let start = next
        .lines
        .iter()
        .position(|l| l.id == id)
        .ok_or_else(|| vec![SheetProblem::whole(SheetProblemKind::RowGone)])?;
    let below = next.lines.len().saturating_sub(start);
    if rows.len() > below {
        let kind = SheetProblemKind::MoreRowsThanLines {
            rows: rows.len(),
            below,
        };
        return Err(vec![SheetProblem::whole(kind)]);
    }
    let mut problems = Vec::new();
    for (record, line) in rows.iter().zip(next.lines.iter_mut().skip(start)) {
        // Under a header each field goes to the column it names; otherwise from the cell
        // pasted into, rightwards.
        let targets: Vec<(usize, usize)> = match layout {
            Some(layout) => layout
                .counts
                .iter()
                .enumerate()
                .filter_map(|(c, field)| field.map(|f| (f, c)))
                .filter(|&(f, _)| f < record.fields.len())
                .collect(),
            None => {
                if column + record.fields.len() > COLUMNS.len() {
                    problems.push(SheetProblem::at(
                        record.line,
                        SheetProblemKind::PastLastColumn,
                    ));
                    continue;
                }
                (0..record.fields.len()).map(|f| (f, column + f)).collect()
            }
        };
        for (field, target) in targets {
            if let (Some(field), Some(slot)) =
                (record.fields.get(field), line.counts.get_mut(target))
            {
                *slot = count_cell(&field.text, locale);
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    *draft = next;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use wacost_core::Catalog;

    fn table() -> &'static MarketTable {
        Catalog::builtin().market_table_on(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
    }

    fn counts_of(draft: &Draft, iso: &str) -> [String; 4] {
        let dest = Dest::Country(iso.into());
        draft
            .lines
            .iter()
            .find(|l| l.dest == dest)
            .map(|l| l.counts.clone())
            .unwrap_or_default()
    }

    fn strings(counts: [&str; 4]) -> [String; 4] {
        counts.map(String::from)
    }

    fn summed(names: &str) -> SheetNote {
        SheetNote {
            summed: Some(names.into()),
            replaced: None,
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_pasted_header_row_names_the_columns() {
        // The page's own export, pasted as text.
        let mut draft = Draft::empty();
        let note = paste(
            &mut draft,
            0,
            0,
            "destination,marketing,utility,authentication,service\nIN,1000,5000,2000,3000\nMX,7,,,1\n",
            table(),
            Locale::En,
        )
        .unwrap();
        assert_eq!(note, None);
        assert_eq!(
            counts_of(&draft, "IN"),
            strings(["1000", "5000", "2000", "3000"])
        );
        assert_eq!(counts_of(&draft, "MX"), strings(["7", "", "", "1"]));
        // The sheet's column titles in French, copied from a spreadsheet (tabs), columns in
        // another order; `0,5` is not a count in French and stays as typed, to be marked.
        let mut draft = Draft::empty();
        paste(
            &mut draft,
            0,
            0,
            "Destination\tUtilitaire\tMarketing\tTotal\nIndia\t0,5\t1 500\t1 500\n",
            table(),
            Locale::Fr,
        )
        .unwrap();
        assert_eq!(counts_of(&draft, "IN"), strings(["1500", "0,5", "", ""]));
        // A header of counts only over a block of numbers fills the columns it names.
        let mut draft = Draft::default_scenario("2026-11");
        let id = draft.lines[1].id;
        paste(
            &mut draft,
            id,
            0,
            "service\tmarketing\n9\t8\n",
            table(),
            Locale::En,
        )
        .unwrap();
        assert_eq!(counts_of(&draft, "BR"), strings(["8", "1000", "500", "9"]));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn pasted_counts_are_read_as_the_locale_writes_them_never_guessed() {
        let cases: &[(Locale, &str, &str)] = &[
            (Locale::En, "1,500", "1500"),
            (Locale::En, "1234,5", "1234,5"),
            (Locale::En, "0,5", "0,5"),
            (Locale::En, "1 500", "1 500"),
            (Locale::Fr, "1 500", "1500"),
            (Locale::Fr, "1\u{202f}500", "1500"),
            (Locale::Fr, "1,500", "1,500"),
            (Locale::Es, "1.500", "1500"),
            (Locale::PtBr, "1.500", "1500"),
            (Locale::PtBr, "1234,5", "1234,5"),
        ];
        for &(locale, pasted, kept) in cases {
            let mut draft = Draft::default_scenario("2026-11");
            let id = draft.lines[0].id;
            paste(&mut draft, id, 1, pasted, table(), locale).unwrap();
            assert_eq!(draft.lines[0].counts[1], kept, "{locale:?} {pasted:?}");
            // One cell, never split at its comma.
            assert_eq!(draft.lines[0].counts[2], "2000", "{locale:?} {pasted:?}");
        }
        // A `;` block from a Brazilian CSV, with destinations.
        let mut draft = Draft::empty();
        paste(&mut draft, 0, 0, "BR;1.500;2\n", table(), Locale::PtBr).unwrap();
        assert_eq!(counts_of(&draft, "BR"), strings(["1500", "2", "", ""]));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_destination_twice_is_added_up_and_the_note_says_so() {
        let mut draft = Draft::empty();
        let note = paste(
            &mut draft,
            0,
            0,
            "IN\t100\t1\nIndia\t50\n+91\t1\t\t\t4\nBR\t3\n",
            table(),
            Locale::En,
        )
        .unwrap();
        assert_eq!(counts_of(&draft, "IN"), strings(["151", "1", "", "4"]));
        assert_eq!(draft.lines.len(), 2);
        assert_eq!(note, Some(summed("India (IN) ×3")));
        // Pasted over counts already in the sheet: replaced, and said.
        let mut draft = Draft::default_scenario("2026-11");
        let note = paste(&mut draft, 0, 0, "IN\t7\nGB\t500\n", table(), Locale::En).unwrap();
        assert_eq!(
            counts_of(&draft, "IN"),
            strings(["7", "5000", "2000", "3000"])
        );
        assert_eq!(
            note,
            Some(SheetNote {
                summed: None,
                replaced: Some("India (IN)".into())
            })
        );
        let note = paste(&mut draft, 0, 0, "IN\t1\nIN\t1\n", table(), Locale::En).unwrap();
        assert_eq!(
            note,
            Some(SheetNote {
                summed: Some("India (IN) ×2".into()),
                replaced: Some("India (IN)".into())
            })
        );
        // What cannot be added is refused whole.
        let before = draft.clone();
        let error = paste(&mut draft, 0, 0, "IN\t1,5\nIN\t2\n", table(), Locale::En).unwrap_err();
        assert_eq!(error.source, Source::Paste);
        assert_eq!(
            error.problems,
            [SheetProblem::at(
                2,
                SheetProblemKind::CannotAdd {
                    destination: "IN".into(),
                    first_line: 1,
                    before: "1,5".into(),
                    added: "2".into()
                }
            )]
        );
        assert_eq!(draft, before);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_french_excel_csv_imports_with_its_semicolons_and_spaces() {
        let text = "\u{feff}Destination;Marketing;Utilitaire;Notes\r\nIN;1 500;2;appel d'offres\r\nBR;0,5;3;\r\nIN;500;1;\r\n";
        let (lines, note) = import_csv(text, table(), Locale::Fr).unwrap();
        assert_eq!(
            lines,
            vec![
                (Dest::Country("IN".into()), strings(["2000", "3", "", ""])),
                (Dest::Country("BR".into()), strings(["0,5", "3", "", ""])),
            ]
        );
        assert_eq!(note, Some(summed("Inde (IN) ×2")));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn import_problems_name_line_and_column_and_are_capped() {
        let problems = |text: &str| import_csv(text, table(), Locale::En).unwrap_err().problems;
        let csv = |line, column, kind| SheetProblem {
            line,
            column,
            kind: SheetProblemKind::Csv(kind),
        };
        assert_eq!(
            problems("destination,marketing\nIN,5\"\n"),
            [csv(2, 5, ErrorKind::StrayQuote)]
        );
        assert_eq!(
            problems("destination,marketing\nIN,1,5\n"),
            [csv(
                2,
                6,
                ErrorKind::TooManyFields {
                    expected: 2,
                    found: 3
                }
            )]
        );
        let many = format!("destination,marketing\n{}", "Atlantis,1\n".repeat(25));
        let listed = problems(&many);
        assert_eq!(listed.len(), MAX_LISTED + 1);
        let atlantis = SheetProblemKind::NotADestination {
            text: "Atlantis".into(),
        };
        assert_eq!(listed[0], SheetProblem::at(2, atlantis.clone()));
        assert_eq!(listed[MAX_LISTED - 1], SheetProblem::at(21, atlantis));
        assert_eq!(
            listed[MAX_LISTED],
            SheetProblem::whole(SheetProblemKind::More { count: 5 })
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn caps_are_refused_with_the_figure_found() {
        let cap = |found| {
            vec![SheetProblem::whole(SheetProblemKind::Csv(
                ErrorKind::TooLarge {
                    limit: MAX_SHEET_BYTES,
                    found,
                },
            ))]
        };
        let big = format!("destination,marketing\n{}", " ".repeat(MAX_SHEET_BYTES));
        assert_eq!(
            import_csv(&big, table(), Locale::En).unwrap_err().problems,
            cap(5_000_022)
        );
        let mut draft = Draft::empty();
        let refused = paste(&mut draft, 0, 0, &big, table(), Locale::En).unwrap_err();
        assert_eq!(
            (refused.source, refused.problems),
            (Source::Paste, cap(5_000_022))
        );
        assert_eq!(
            check_file_size(6_291_456).unwrap_err().problems,
            cap(6_291_456)
        );
        assert_eq!(check_file_size(5_000_000), Ok(()));
        let rows = format!("destination,marketing\n{}", "IN,1\n".repeat(MAX_SHEET_ROWS));
        assert_eq!(
            import_csv(&rows, table(), Locale::En).unwrap_err().problems,
            [SheetProblem::whole(SheetProblemKind::Csv(
                ErrorKind::TooManyRecords {
                    limit: MAX_SHEET_ROWS,
                    found: MAX_SHEET_ROWS + 1
                }
            ))]
        );
        // At the cap, a paste to one destination is one map look-up per row.
        let rows = "IN\t1\n".repeat(MAX_SHEET_ROWS);
        let mut draft = Draft::default_scenario("2026-11");
        paste(&mut draft, 0, 0, &rows, table(), Locale::En).unwrap();
        assert_eq!(counts_of(&draft, "IN")[0], "10000");
    }
}
