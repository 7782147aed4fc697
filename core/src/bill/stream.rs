//! One log pipeline for every surface: bytes in blocks of any size, cut into numbered lines,
//! parsed and billed as they come; when a row goes back in time, the log is read once more
//! and billed sorted in memory.
//!
//! Two ways in. `bill_reader` pulls from a log it can open twice (a file, bytes in memory):
//! `wacost bill` uses it. `LogStream::feed` takes the blocks a caller pushes (the page's worker
//! reads a `File` slice by slice) and the caller feeds the log again when `needs_sorted_pass`
//! says so. Either way memory holds one block and the partial line carried to the next, plus
//! the biller's live state; only the sorted pass holds every row.

use super::error::{BillError, Column, HeaderError, HeaderErrorKind, RowError, RowErrorKind};
use super::input::Event;
use super::{Options, Report, Session, Settings, Sink};
use crate::Catalog;
use std::io::{ErrorKind, Read};

/// Bytes read at a time from a `Read`: validating and splitting a large block at once is much
/// cheaper than line by line.
const BLOCK: usize = 4 << 20;

/// Told how reading goes (the CLI's progress bar).
pub trait Progress {
    /// `bytes` more of the log were read.
    fn read(&mut self, _bytes: u64) {}
    /// The log went back in time: it is read again from the start and billed sorted.
    fn sorting(&mut self) {}
}

/// Progress nobody watches.
pub struct NoProgress;

impl Progress for NoProgress {}

enum State {
    Reading,
    /// The streaming pass met a row it cannot bill in stream order (see `Rebill`).
    OutOfOrder,
    Failed(BillError),
}

/// A bill being read: feed it the log's bytes, then `end_of_input` and `finish`.
pub struct LogStream<'c> {
    catalog: &'c Catalog,
    settings: Settings,
    options: Options,
    /// `buf[..filled]`: bytes not cut into lines yet (a partial line, then what came after).
    buf: Vec<u8>,
    filled: usize,
    /// Number of the last line cut (1-based; the header is normally line 1).
    line_no: u64,
    session: Option<Session<'c>>,
    /// `Some` during the sorted pass: the events, billed at the end of the input.
    sorted: Option<Vec<Event>>,
    state: State,
    /// Whether the first bytes were checked for UTF-16.
    encoding_checked: bool,
    /// Blank lines before the header.
    blank_before_header: u64,
}

impl<'c> LogStream<'c> {
    pub fn new(catalog: &'c Catalog, settings: Settings, options: Options) -> LogStream<'c> {
        LogStream {
            catalog,
            settings,
            options,
            buf: Vec::new(),
            filled: 0,
            line_no: 0,
            session: None,
            sorted: None,
            state: State::Reading,
            encoding_checked: false,
            blank_before_header: 0,
        }
    }

    /// Whether feeding more bytes is pointless: the log cannot be billed, or the streaming
    /// pass met a row out of time order (see `needs_sorted_pass`).
    pub fn stopped(&self) -> bool {
        !matches!(self.state, State::Reading)
    }

    /// Whether the log must be fed again from its first byte, after `start_sorted_pass`.
    pub fn needs_sorted_pass(&self) -> bool {
        matches!(self.state, State::OutOfOrder) && self.sorted.is_none()
    }

    /// Starts the sorted pass: what was billed is forgotten (and `sink` told so); the caller
    /// feeds the same log again from its first byte.
    pub fn start_sorted_pass(&mut self, sink: &mut dyn Sink) {
        sink.restart();
        self.filled = 0;
        self.line_no = 0;
        self.session = None;
        self.sorted = Some(Vec::new());
        self.state = State::Reading;
        self.blank_before_header = 0;
    }

    /// Feeds the next block of the log (any size; lines may straddle blocks).
    pub fn feed(&mut self, bytes: &[u8], sink: &mut dyn Sink) {
        if self.stopped() {
            return;
        }
        let end = self.filled + bytes.len();
        if self.buf.len() < end {
            self.buf.resize(end, 0);
        }
        if let Some(room) = self.buf.get_mut(self.filled..end) {
            room.copy_from_slice(bytes);
        }
        self.filled = end;
        self.cut(false, sink);
    }

    /// Feeds a whole log held as text, with no copy (the text is already UTF-8).
    pub fn feed_whole_text(&mut self, text: &str, sink: &mut dyn Sink) {
        if self.stopped() {
            return;
        }
        self.encoding_checked = true;
        if looks_utf16(text.as_bytes()) {
            self.state = State::Failed(BillError::Utf16);
            return;
        }
        self.lines(text, sink);
    }

    /// Reads `reader` to its end (or until the stream stops), a block at a time.
    fn read_all(
        &mut self,
        mut reader: impl Read,
        sink: &mut dyn Sink,
        progress: &mut dyn Progress,
    ) -> Result<(), BillError> {
        while !self.stopped() {
            if self.buf.len() - self.filled < BLOCK / 2 {
                // Zeroed once: `filled` marks the bytes read, so no block is cleared again.
                self.buf.resize(self.filled + BLOCK, 0);
            }
            let room = self.buf.get_mut(self.filled..).unwrap_or_default();
            let n = match reader.read(room) {
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(BillError::Read(e)),
            };
            if n == 0 {
                break;
            }
            progress.read(n as u64);
            self.filled += n;
            self.cut(false, sink);
        }
        Ok(())
    }

    /// Bills the last line (one without a newline) and, in the sorted pass, every event.
    pub fn end_of_input(&mut self, sink: &mut dyn Sink) {
        if !self.stopped() {
            self.cut(true, sink);
        }
        if let (Some(mut events), Some(session)) = (self.sorted.take(), self.session.as_mut()) {
            // Stable: equal times keep file order.
            events.sort_by_key(|e| e.time);
            for event in &session.merge_messages(events) {
                // Sorted and merged: cannot go back in time.
                let _ = session.push_merged(event, sink);
            }
            session.set_sorted_in_memory();
        }
    }

    /// Malformed rows so far (all of them, skipped or not).
    pub fn bad_rows(&self) -> &[RowError] {
        self.session.as_ref().map_or(&[], |s| s.bad_rows())
    }

    /// The bill, or why there is none.
    pub fn finish(self) -> Result<Report, BillError> {
        if let State::Failed(e) = self.state {
            return Err(e);
        }
        let session = self.session.ok_or(BillError::Empty)?;
        Ok(session.finish()?)
    }

    /// Cuts the complete lines of `buf[..filled]` (all of it at the end of the input) and
    /// bills them; the partial last line stays at the front of `buf`.
    fn cut(&mut self, eof: bool, sink: &mut dyn Sink) {
        if !self.encoding_checked {
            if self.filled < 4 && !eof {
                return;
            }
            self.encoding_checked = true;
            if looks_utf16(self.buf.get(..self.filled).unwrap_or_default()) {
                self.state = State::Failed(BillError::Utf16);
                return;
            }
        }
        let buf = std::mem::take(&mut self.buf);
        let filled = buf.get(..self.filled).unwrap_or_default();
        let complete = if eof {
            filled.len()
        } else {
            memchr::memrchr(b'\n', filled).map_or(0, |at| at + 1)
        };
        let block = filled.get(..complete).unwrap_or_default();
        match std::str::from_utf8(block) {
            Ok(text) => self.lines(text, sink),
            // Rare: line by line, so only the lines that are not UTF-8 are bad rows.
            Err(_) => self.byte_lines(block, sink),
        }
        self.buf = buf;
        self.buf.copy_within(complete..self.filled, 0);
        self.filled -= complete;
    }

    /// Bills the lines of `text`: each ends at a `\n` (kept out of the line; a `\r` before it
    /// is the parser's to drop), the last one may end at the end of `text`.
    fn lines(&mut self, text: &str, sink: &mut dyn Sink) {
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
            if end == text.len() && start == end {
                break;
            }
            self.line_no += 1;
            // `\n` is ASCII: both ends are character boundaries.
            self.line(text.get(start..end).unwrap_or_default(), sink);
            if self.stopped() {
                return;
            }
            start = end + 1;
        }
    }

    /// `lines` for a block that is not all UTF-8: a line that is not is a bad row.
    fn byte_lines(&mut self, block: &[u8], sink: &mut dyn Sink) {
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', block).chain([block.len()]) {
            if end == block.len() && start == end {
                break;
            }
            self.line_no += 1;
            let bytes = block.get(start..end).unwrap_or_default();
            match std::str::from_utf8(bytes) {
                Ok(line) => self.line(line, sink),
                Err(e) => self.not_utf8(bytes, e.valid_up_to()),
            }
            if self.stopped() {
                return;
            }
            start = end + 1;
        }
    }

    /// A line that is not UTF-8: the header's is fatal, a row's is a bad row.
    fn not_utf8(&mut self, bytes: &[u8], valid: usize) {
        let Some(session) = self.session.as_mut() else {
            self.state = State::Failed(BillError::Header(HeaderError {
                line: self.line_no,
                kind: HeaderErrorKind::NotUtf8,
            }));
            return;
        };
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        session.bad_row(RowError {
            line: self.line_no,
            column: Column::Row,
            value: String::from_utf8_lossy(bytes).chars().take(60).collect(),
            kind: RowErrorKind::NotUtf8 { byte: valid + 1 },
        });
    }

    fn line(&mut self, line: &str, sink: &mut dyn Sink) {
        let Some(session) = self.session.as_mut() else {
            self.header(line);
            return;
        };
        let Some(event) = session.parse_line(self.line_no, line) else {
            return;
        };
        if let Some(events) = self.sorted.as_mut() {
            events.push(event);
        } else if session.push(&event, sink).is_err() {
            self.state = State::OutOfOrder;
        }
    }

    fn header(&mut self, line: &str) {
        let header = line.trim_end_matches('\r');
        if header.trim_start_matches('\u{feff}').trim().is_empty() {
            self.blank_before_header += 1;
            return;
        }
        match Session::new(self.catalog, self.settings.clone(), header, self.options) {
            Ok(mut session) => {
                session.add_blank_lines(self.blank_before_header);
                self.session = Some(session);
            }
            Err(mut e) => {
                e.line = self.line_no;
                self.state = State::Failed(e.into());
            }
        }
    }
}

/// Whether a log's first bytes are UTF-16: a byte-order mark, or ASCII with a zero byte
/// before or after each character (how Excel's "Unicode text" starts, `t\0i\0m\0e\0`).
fn looks_utf16(start: &[u8]) -> bool {
    match start {
        [0xff, 0xfe, ..] | [0xfe, 0xff, ..] => true,
        [a, 0, b, 0, ..] | [0, a, 0, b, ..] => *a != 0 && *b != 0,
        _ => false,
    }
}

/// Bills a log that can be opened twice (`open` gives a reader at its first byte): streamed
/// while it is in time order, read again and billed sorted when a row goes back in time.
pub fn bill_reader<R: Read>(
    catalog: &Catalog,
    settings: &Settings,
    options: Options,
    mut open: impl FnMut() -> std::io::Result<R>,
    sink: &mut dyn Sink,
    progress: &mut dyn Progress,
) -> Result<Report, BillError> {
    let mut stream = LogStream::new(catalog, settings.clone(), options);
    stream.read_all(open().map_err(BillError::Read)?, sink, progress)?;
    if stream.needs_sorted_pass() {
        progress.sorting();
        stream.start_sorted_pass(sink);
        stream.read_all(open().map_err(BillError::Read)?, sink, progress)?;
    }
    stream.end_of_input(sink);
    stream.finish()
}
