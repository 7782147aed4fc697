//! Helpers shared by the bill tests: run a log, collect every priced message.
#![allow(dead_code)]

use rust_decimal::Decimal;
use std::str::FromStr;
use wacost_core::bill::{self, Names, Options, Priced, Report, Settings, Sink};
use wacost_core::Catalog;

pub const HEADER: &str = "time,phone_number,user,direction,kind,category,status";

#[derive(Default)]
pub struct Collect(pub Vec<(Priced, String)>);

impl Sink for Collect {
    fn message(&mut self, p: &Priced, _: &Names, markets: &[String]) {
        let market = p
            .market
            .and_then(|m| markets.get(m as usize))
            .cloned()
            .unwrap_or_default();
        self.0.push((p.clone(), market));
    }
    fn restart(&mut self) {
        self.0.clear();
    }
}

pub fn settings(json: &str) -> Settings {
    Settings::from_json(json, Catalog::builtin()).expect("valid settings")
}

/// Bills `rows` (after the standard header) and returns the report and each outbound message.
pub fn run(settings_json: &str, rows: &[String]) -> (Report, Vec<(Priced, String)>) {
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    run_text(settings_json, &text)
}

pub fn run_text(settings_json: &str, text: &str) -> (Report, Vec<(Priced, String)>) {
    let mut sink = Collect::default();
    let report = bill::bill_text(
        Catalog::builtin(),
        &settings(settings_json),
        text,
        Options::default(),
        &mut sink,
    )
    .expect("the log bills");
    (report, sink.0)
}

pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal literal")
}

/// A row at `base` + `hours` (whole or fractional via minutes).
pub fn row(time: &str, user: &str, direction: &str, kind: &str, category: &str) -> String {
    format!("{time},PN1,{user},{direction},{kind},{category},")
}
