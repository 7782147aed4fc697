//! Command-line arguments: positional words and `--flag value` / `--switch` options, checked
//! against what each command accepts so a typo is an error, not silently ignored.

use crate::CliError;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Args {
    pub positional: Vec<String>,
    values: BTreeMap<String, String>,
    switches: Vec<String>,
}

impl Args {
    /// Parses `words` (after the subcommand). `with_value` lists the options that take a value,
    /// `switches` those that do not; anything else starting with `--` is an error.
    pub fn parse(
        words: &[String],
        with_value: &[&str],
        switches: &[&str],
    ) -> Result<Args, CliError> {
        let mut args = Args::default();
        let mut iter = words.iter();
        while let Some(word) = iter.next() {
            if word == "-" || !word.starts_with("--") {
                args.positional.push(word.clone());
                continue;
            }
            let (name, inline) = match word.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (word.as_str(), None),
            };
            let bare = &name[2..];
            if with_value.contains(&bare) {
                let value = match inline {
                    Some(value) => value,
                    None => iter
                        .next()
                        .cloned()
                        .ok_or_else(|| CliError::usage(format!("{name} needs a value")))?,
                };
                args.values.insert(bare.to_string(), value);
            } else if switches.contains(&bare) && inline.is_none() {
                args.switches.push(bare.to_string());
            } else {
                let mut known: Vec<String> = with_value
                    .iter()
                    .chain(switches)
                    .map(|o| format!("--{o}"))
                    .collect();
                known.sort();
                return Err(CliError::usage(format!(
                    "unknown option `{word}` (this command takes: {})",
                    if known.is_empty() {
                        "no options".to_string()
                    } else {
                        known.join(", ")
                    }
                )));
            }
        }
        Ok(args)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }

    /// `--format` checked against the allowed choices, or the default.
    pub fn format<'a>(
        &'a self,
        allowed: &[&'a str],
        default: &'a str,
    ) -> Result<&'a str, CliError> {
        match self.value("format") {
            None => Ok(default),
            Some(f) if allowed.contains(&f) => Ok(f),
            Some(f) => Err(CliError::usage(format!(
                "--format `{f}` is not one of {}",
                allowed.join(", ")
            ))),
        }
    }

    /// A `YYYY-MM-DD` option.
    pub fn date(&self, name: &str) -> Result<Option<chrono::NaiveDate>, CliError> {
        self.value(name)
            .map(|text| {
                chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                    CliError::usage(format!("--{name} `{text}` is not a date YYYY-MM-DD"))
                })
            })
            .transpose()
    }
}

/// Reads the input named by the first positional argument: a file, or standard input for
/// `-` or when none is given.
pub fn read_input(args: &Args) -> Result<String, CliError> {
    use std::io::Read;
    match args.positional.first().map(String::as_str) {
        None | Some("-") => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| CliError::usage(format!("cannot read standard input: {e}")))?;
            Ok(text)
        }
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| CliError::usage(format!("cannot read `{path}`: {e}"))),
    }
}
