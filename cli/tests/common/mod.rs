//! What the command-line tests share: running the built `wacost`, reading what it printed, and
//! the small log several of them bill.
// Each test file is its own crate and uses a part of this module.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// `wacost args` with `input` on standard input.
pub fn wacost(args: &[&str], input: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wacost"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wacost runs");
    // A command that fails on its arguments exits without reading: a broken pipe is fine.
    let _ = child.stdin.take().expect("stdin").write_all(input.as_ref());
    child.wait_with_output().expect("wacost finishes")
}

/// `wacost args` with nothing on standard input.
pub fn wacost_without_input(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wacost"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("wacost runs")
}

/// Standard output of a run that must succeed (exit 0; its standard error shown otherwise).
pub fn stdout(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The JSON on standard output of a run that must succeed.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output)).expect("JSON on stdout")
}

pub fn stderr_text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stderr_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(String::from)
        .collect()
}

/// Five rows of one user in Kenya (Rest of Africa), August 2026: a marketing template, a
/// reply, a free-form service message and two utility templates, the first in the window.
pub const LOG: &str = "\
time,phone_number,user,direction,kind,category,status,pricing_category,pricing_type
2026-08-03T00:00:00Z,PN1,+254712345678,out,template,marketing,,marketing,regular
2026-08-03T02:00:00Z,PN1,+254712345678,in,message,,,,
2026-08-03T03:00:00Z,PN1,+254712345678,out,free_form,,,service,free_customer_service
2026-08-03T04:00:00Z,PN1,+254712345678,out,template,utility,,utility,regular
2026-08-04T06:00:00Z,PN1,+254712345678,out,template,utility,delivered,utility,regular
";
