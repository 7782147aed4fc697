//! CSV, read and written by one set of rules. Every CSV wacost reads (the embedded cards,
//! users' rate cards, the page's import and paste, the message log's quoted rows) goes through
//! [`read`], and every CSV it writes (the CLI's `rates`, `tiers` and `bill --detail`, the
//! page's exports, the log check's detail download) through [`write`]. `docs/csv.md` says the
//! same for users.
//!
//! # Reading (RFC 4180, strict where guessing would change a value)
//!
//! - A record ends at LF, CRLF or a lone CR (old Mac exports).
//! - A field that starts with `"` (spaces before it are allowed) is quoted: separators, line
//!   breaks and doubled quotes (`""`, one quote) inside it are text. Spaces between the closing
//!   quote and the next separator are ignored; anything else there is an error
//!   ([`ErrorKind::TextAfterQuote`]).
//! - A quote inside a field that does not start with one (`5"`) is an error
//!   ([`ErrorKind::StrayQuote`]): it may be inches, a typo or a broken export, and keeping it,
//!   dropping it or opening a quote there would each silently change some file's values.
//! - A quote left open is an error at the opening quote ([`ErrorKind::UnclosedQuote`]), not a
//!   field that swallows the rest of the file.
//! - Unquoted fields keep their spaces; [`Record::cell`] trims.
//! - A UTF-8 byte order mark at the start is skipped. Blank lines (nothing, or only spaces and
//!   tabs) are skipped anywhere. A record of empty fields (`,,,`, an empty spreadsheet row) is
//!   returned; [`Record::is_blank`] tells tables to skip it.
//! - Records may have different field counts (titles and footnotes around Meta's tables have
//!   one). A table refuses a record with more non-empty fields than its header
//!   ([`Record::check_width`]; empty padding fields are tolerated); a shorter record reads as
//!   empty fields.
//! - The separator is `,`, `;` (Excel where the decimal mark is a comma) or tab (cells copied
//!   from a spreadsheet), one per text; [`sniff`] tells which from the first record.
//! - Every error is a [`ReadError`]: an [`ErrorKind`] with its figures and a [`Position`] (the
//!   line where the record starts, the physical line and the character column of the problem,
//!   all 1-based). [`Limits`] caps the bytes (checked before any reading) and the records (none
//!   kept past the cap; the rest only counted for the message).
//!
//! # Why the reader is hand-written
//!
//! csv-core (0.1.13) was measured against it under a wrapper. It is lenient by design and cannot
//! express these rules: a stray quote is kept as text, text after a closing quote is appended
//! (`"a"b` reads `ab`), an unclosed quote silently ends the record at the end of the input, and
//! it reports no error and no position at all. Enforcing the rules on top of it means scanning
//! every field's raw bytes a second time with the same quote logic and counting lines and
//! columns beside it, i.e. writing this reader anyway. Measured on the same 5.2 MB file (sheet rows, one field in ten quoted; native release, best
//! of 15, two runs on a shared 2-core machine): csv-core alone, lenient and without positions,
//! 29-38 ms; csv-core with the checks and positions added 82-96 ms; this reader 46-47 ms. A
//! wasm module holding nothing but the reader (opt-level z, LTO, wasm-opt -Oz, allocator
//! included) is 10.2 KB gzipped with the csv-core wrapper and 7.1 KB with this reader.
//! `cargo bench -p wacost-core --bench csv` times this reader on that file.
//!
//! # Writing
//!
//! Fields follow RFC 4180: a field holding `,`, `"`, CR or LF is quoted and its quotes doubled.
//! Records end with `\n` (not RFC 4180's CRLF), as wacost's outputs always have; spreadsheets
//! read both. What the writer writes, the reader reads back equal (a property test checks it),
//! except that a formula cell comes back with its leading `'`:
//!
//! A field that starts with `=`, `+`, `-`, `@`, tab or carriage return is a formula to a
//! spreadsheet: a market name or a log's `phone_number` label such as
//! `=HYPERLINK("https://…"&B2,"rates")` would run when the file is opened. Such a field gets a
//! leading `'` (OWASP's advice for CSV injection), which spreadsheets show as text. Plain numbers
//! (`-5`, `+0.25`, and E.164 numbers such as `+919876543210`) are left as they are: they are no
//! formula, and a `'` would turn a number into text.

pub mod read;
pub mod write;

pub use read::{
    read_all, read_line, sniff, ErrorKind, Field, Header, Limits, MissingColumn, Position,
    ReadError, Reader, Record, Separator,
};
pub use write::{
    formula_start, is_plain_number, push_field, push_record, record, starts_like_formula,
};
