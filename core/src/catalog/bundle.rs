//! One billing currency's data as a single file the page fetches: the same CSV files the build
//! checks, one after the other, each after a marker line naming it. Kept this plain so there
//! is no second format: reading a bundle gives back the files, which go through the same
//! parsers and checks as the ones built in.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use super::error::DataError;
use super::DataFile;

/// Starts each file of a bundle; the rest of the line is the file's path under `core/data/`.
pub const FILE_MARKER: &str = "--- file: ";

/// The bundle of `files`, in their order. Each file keeps its own line numbers: its text
/// starts on the line after its marker.
pub fn bundle(files: &[DataFile]) -> String {
    let mut out = String::new();
    for (name, text) in files {
        out.push_str(FILE_MARKER);
        out.push_str(name);
        out.push('\n');
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// The files of a bundle named `bundle_name`. Text before the first marker, a marker without
/// a name or a name outside `rates/` and `tiers/` is an error naming the bundle and its line.
pub fn unbundle<'t>(bundle_name: &str, text: &'t str) -> Result<Vec<DataFile<'t>>, DataError> {
    let mut files: Vec<DataFile<'t>> = Vec::new();
    let mut current: Option<(&'t str, usize)> = None;
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let Some(name) = line.strip_prefix(FILE_MARKER) else {
            if current.is_none() && !line.trim().is_empty() {
                return Err(DataError::new(
                    bundle_name,
                    index + 1,
                    format!("expected `{FILE_MARKER}<path>` before the data"),
                ));
            }
            continue;
        };
        if let Some((previous, from)) = current.take() {
            files.push((previous, text.get(from..start).unwrap_or_default()));
        }
        let name = name.trim_end();
        if !(name.starts_with("rates/") || name.starts_with("tiers/")) || !name.ends_with(".csv") {
            return Err(DataError::new(
                bundle_name,
                index + 1,
                format!("`{name}` is not a rates/ or tiers/ CSV file"),
            ));
        }
        current = Some((name, offset));
    }
    if let Some((name, from)) = current {
        files.push((name, text.get(from..).unwrap_or_default()));
    }
    if files.is_empty() {
        return Err(DataError::new(bundle_name, 0, "holds no file"));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_gives_back_its_files_with_their_own_lines() {
        let files = [
            ("rates/2026-07-01_EUR.csv", "a,b\n1,2\n"),
            ("tiers/2026-07-01_EUR.csv", "c\n3"),
        ];
        let text = bundle(&files);
        assert_eq!(
            text,
            "--- file: rates/2026-07-01_EUR.csv\na,b\n1,2\n--- file: tiers/2026-07-01_EUR.csv\nc\n3\n"
        );
        assert_eq!(
            unbundle("EUR.csv", &text).unwrap(),
            vec![
                ("rates/2026-07-01_EUR.csv", "a,b\n1,2\n"),
                ("tiers/2026-07-01_EUR.csv", "c\n3\n")
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_a_bundle_is_refused_with_its_line() {
        let error = unbundle("USD-1.csv", "\n<!doctype html>\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "USD-1.csv:2: expected `--- file: <path>` before the data"
        );
        let error = unbundle("USD-1.csv", "--- file: markets/x.csv\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "USD-1.csv:1: `markets/x.csv` is not a rates/ or tiers/ CSV file"
        );
        assert_eq!(
            unbundle("USD-1.csv", "").unwrap_err().to_string(),
            "USD-1.csv: holds no file"
        );
    }
}
