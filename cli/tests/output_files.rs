//! Files the user owns are safe: `wacost bill --detail` on real files in a temporary directory.
//! An output that is one of the inputs is refused before anything is written; a regular file
//! is replaced only when the bill succeeds; nothing but wacost's own temporary file is removed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{stderr_text as stderr, wacost_without_input as wacost, LOG};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh, empty directory for one test.
fn directory(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wacost-output-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// The names in `dir`, sorted: shows that no temporary file is left behind.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const DETAIL: &str = "\
line,time,phone_number,user,market,rules,pricing_model,category,type,conversation,opened,tier,rate,amount,rate_card,outcome,rule
2,2026-08-03T00:00:00Z,PN1,+254712345678,Rest of Africa,pmp-2025-07,PMP,marketing,regular,,,,0.0225,0.0225,2026-07-01,charged,PMP-5
4,2026-08-03T03:00:00Z,PN1,+254712345678,Rest of Africa,pmp-2025-07,PMP,service,free_customer_service,,,,,0.00,,free,PMP-3
5,2026-08-03T04:00:00Z,PN1,+254712345678,Rest of Africa,pmp-2025-07,PMP,utility,free_customer_service,,,,,0.00,,free,PMP-4
6,2026-08-04T06:00:00Z,PN1,+254712345678,Rest of Africa,pmp-2025-07,PMP,utility,regular,,,,0.004,0.004,2026-07-01,charged,PMP-7
";

/// The same rows, latest first: billed again sorted, with the detail rewritten.
fn reversed_log() -> String {
    let mut lines: Vec<&str> = LOG.lines().collect();
    let header = lines.remove(0);
    lines.reverse();
    format!("{header}\n{}\n", lines.join("\n"))
}

#[test]
fn the_detail_cannot_be_the_log() {
    let dir = directory("log");
    let log = write(&dir, "log.csv", LOG);
    let out = wacost(&["bill", &log, "--detail", &log, "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        format!("wacost bill: --detail `{log}` is the same file as the log `{log}`: choose another path (nothing was written)\n")
    );
    assert_eq!(std::fs::read_to_string(&log).unwrap(), LOG);
    assert_eq!(names(&dir), ["log.csv"]);
}

#[test]
fn the_detail_cannot_be_the_settings() {
    let dir = directory("settings");
    let log = write(&dir, "log.csv", LOG);
    let settings_text = r#"{"timezone": "+05:30", "currency": "USD"}"#;
    let settings = write(&dir, "s.json", settings_text);
    let out = wacost(&["bill", &log, "--settings", &settings, "--detail", &settings]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("wacost bill: --detail `{settings}` is the same file as the --settings file `{settings}`: choose another path (nothing was written)\n")
    );
    assert_eq!(std::fs::read_to_string(&settings).unwrap(), settings_text);
    assert_eq!(names(&dir), ["log.csv", "s.json"]);
}

#[cfg(unix)]
#[test]
fn links_to_the_log_and_the_log_on_standard_input_are_refused() {
    let dir = directory("links");
    let log = write(&dir, "log.csv", LOG);
    let symlink = dir.join("link.csv");
    std::os::unix::fs::symlink(&log, &symlink).unwrap();
    let hard = dir.join("hard.csv");
    std::fs::hard_link(&log, &hard).unwrap();
    for link in [&symlink, &hard] {
        let link = link.to_str().unwrap();
        let out = wacost(&["bill", &log, "--detail", link]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            stderr(&out),
            format!("wacost bill: --detail `{link}` is the same file as the log `{log}`: choose another path (nothing was written)\n")
        );
    }
    // `wacost bill --detail log.csv < log.csv`
    let out = Command::new(env!("CARGO_BIN_EXE_wacost"))
        .args(["bill", "--detail", &log])
        .stdin(std::fs::File::open(&log).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("wacost bill: --detail `{log}` is the same file as the log read from standard input: choose another path (nothing was written)\n")
    );
    assert_eq!(std::fs::read_to_string(&log).unwrap(), LOG);
    assert!(std::fs::symlink_metadata(&symlink)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(names(&dir), ["hard.csv", "link.csv", "log.csv"]);
}

#[test]
fn a_failing_bill_leaves_an_unrelated_file_as_it_was() {
    let dir = directory("failing");
    let log = write(
        &dir,
        "bad.csv",
        &format!("{LOG}not-a-time,PN1,+254712345678,in,message,,,,\n"),
    );
    let notes = write(&dir, "notes.txt", "my notes\n");
    let out = wacost(&["bill", &log, "--detail", &notes]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 7, column `time`: `not-a-time` is not an RFC 3339 time"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes\n");
    assert_eq!(names(&dir), ["bad.csv", "notes.txt"]);
    // A new path is not created either.
    let fresh = dir.join("fresh.csv");
    let out = wacost(&["bill", &log, "--detail", fresh.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(names(&dir), ["bad.csv", "notes.txt"]);
}

#[test]
fn a_successful_bill_replaces_the_detail_file() {
    let dir = directory("replace");
    let log = write(&dir, "log.csv", LOG);
    let detail = write(&dir, "detail.csv", "an older detail\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&detail, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let out = wacost(&["bill", &log, "--detail", &detail, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&detail).unwrap(), DETAIL);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&detail).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    assert_eq!(names(&dir), ["detail.csv", "log.csv"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_detail_file_stays_a_link_to_the_new_detail() {
    let dir = directory("symlinked-detail");
    let log = write(&dir, "log.csv", LOG);
    let real = write(&dir, "real.csv", "old\n");
    let link = dir.join("detail.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = wacost(&["bill", &log, "--detail", link.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), DETAIL);
    assert_eq!(names(&dir), ["detail.csv", "log.csv", "real.csv"]);
}

#[test]
fn an_unsorted_log_rewrites_the_detail_from_the_start() {
    let dir = directory("unsorted");
    let log = write(&dir, "reversed.csv", &reversed_log());
    let detail = write(&dir, "detail.csv", "old\n");
    let out = wacost(&["bill", &log, "--detail", &detail, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sorted_in_memory"], true);
    // Line numbers are those of the reversed file; every message is there once, in time order.
    let written = std::fs::read_to_string(&detail).unwrap();
    let expected = DETAIL
        .replace("\n2,", "\n6,")
        .replace("\n5,", "\n3,")
        .replace("\n6,2026-08-04", "\n2,2026-08-04");
    assert_eq!(written, expected);
    assert_eq!(names(&dir), ["detail.csv", "reversed.csv"]);
}

#[test]
fn refused_targets_name_the_problem() {
    let dir = directory("refused");
    let log = write(&dir, "log.csv", LOG);
    let here = dir.to_str().unwrap();
    let out = wacost(&["bill", &log, "--detail", here]);
    assert_eq!(
        stderr(&out),
        format!("wacost bill: cannot write `{here}`: it is a directory\n")
    );
    let missing = dir.join("no-such-dir").join("detail.csv");
    let missing = missing.to_str().unwrap();
    let out = wacost(&["bill", &log, "--detail", missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with(&format!(
        "wacost bill: cannot write `{missing}`: cannot create a temporary file in its directory: "
    )));
    let locked = write(&dir, "locked.csv", "keep\n");
    let mut permissions = std::fs::metadata(&locked).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&locked, permissions).unwrap();
    let out = wacost(&["bill", &log, "--detail", &locked]);
    assert_eq!(
        stderr(&out),
        format!("wacost bill: cannot write `{locked}`: it is read-only\n")
    );
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), "keep\n");
    assert_eq!(names(&dir), ["locked.csv", "log.csv"]);
}

#[cfg(unix)]
#[test]
fn the_detail_can_go_to_standard_output() {
    let dir = directory("stdout");
    let log = write(&dir, "log.csv", LOG);
    let out = wacost(&["bill", &log, "--detail", "/dev/stdout", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let json = text.strip_prefix(DETAIL).expect("the detail comes first");
    let json: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(json["meta_total"], "0.0265");
    // A pipe cannot take back what was written: an unsorted log says so.
    let log = write(&dir, "reversed.csv", &reversed_log());
    let out = wacost(&["bill", &log, "--detail", "/dev/stdout", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "wacost bill: cannot write `/dev/stdout`: the log is not in time order, so it is billed again sorted and --detail must be written again, which a pipe or a device cannot take; give a file\n"
    );
    assert_eq!(names(&dir), ["log.csv", "reversed.csv"]);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_written_in_place() {
    let dir = directory("fifo");
    let log = write(&dir, "log.csv", LOG);
    let fifo = dir.join("detail.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = wacost(&["bill", &log, "--detail", fifo.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(reader.join().unwrap(), DETAIL);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(names(&dir), ["detail.fifo", "log.csv"]);
}

#[test]
fn detail_cells_from_the_log_cannot_be_formulas() {
    let dir = directory("formulas");
    let log = write(
        &dir,
        "log.csv",
        "time,phone_number,user,direction,kind,category,status\n\
         2026-10-05T10:00:00Z,@SUM(A1:A9),+919876543210,out,template,marketing,\n\
         2026-10-05T10:00:01Z,-2+3,+919876543210,out,template,marketing,\n\
         2026-10-05T10:00:02Z,+15550001,+919876543210,out,template,marketing,\n\
         2026-10-05T10:00:03Z,\"=HYPERLINK(\"\"https://x.example\"\",\"\"a\"\")\",+919876543210,out,template,marketing,\n",
    );
    let detail = dir.join("detail.csv");
    let out = wacost(&["bill", &log, "--detail", detail.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&detail).unwrap();
    let labels: Vec<&str> = written
        .lines()
        .skip(1)
        .map(|l| l.split(",+91").next().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "2,2026-10-05T10:00:00Z,'@SUM(A1:A9)",
            "3,2026-10-05T10:00:01Z,'-2+3",
            "4,2026-10-05T10:00:02Z,+15550001",
            "5,2026-10-05T10:00:03Z,\"'=HYPERLINK(\"\"https://x.example\"\",\"\"a\"\")\"",
        ]
    );
}
