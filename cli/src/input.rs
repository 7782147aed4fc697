//! Reads a FILE argument whole: the file, or standard input for `-`.

use crate::CliError;
use std::io::Read;
use wacost_cli::values::Input;

pub fn read_input(input: &Input) -> Result<String, CliError> {
    match input {
        Input::Stdin => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| CliError::usage(format!("cannot read standard input: {e}")))?;
            Ok(text)
        }
        Input::File(path) => std::fs::read_to_string(path)
            .map_err(|e| CliError::usage(format!("cannot read `{path}`: {e}"))),
    }
}
