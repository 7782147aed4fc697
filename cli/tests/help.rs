//! `--help` is the reference of the command line: every argument a command accepts is in its
//! help with a one-line description, every `wacost <command> --help` answers, and the README's
//! and the docs' command lines name only what the commands accept.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use clap::CommandFactory;
use std::process::Command as Process;
use wacost_cli::Cli;

/// The subcommands as built by clap (bin names set), without clap's own `help`.
fn subcommands() -> Vec<clap::Command> {
    let mut wacost = Cli::command();
    wacost.build();
    let subcommands: Vec<clap::Command> = wacost
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
        .cloned()
        .collect();
    assert_eq!(
        subcommands.len(),
        12,
        "estimate, compare, plan, budget, levers, import-analytics, bill, rates, tiers, cards, market, generate-log"
    );
    subcommands
}

fn help_of(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_wacost"))
        .args(args)
        .output()
        .expect("wacost runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_argument_is_in_its_commands_help_with_one_line() {
    for mut sub in subcommands() {
        let help = sub.render_help().to_string();
        for arg in sub.get_arguments() {
            let shown = match arg.get_long() {
                Some(long) => format!("--{long}"),
                None => {
                    let names = arg.get_value_names().unwrap_or_default();
                    assert_eq!(names.len(), 1, "{} {:?}", sub.get_name(), arg.get_id());
                    names[0].to_string()
                }
            };
            assert!(
                help.contains(&shown),
                "`wacost {} --help` does not list {shown}:\n{help}",
                sub.get_name()
            );
            let description = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(
                !description.trim().is_empty() && !description.contains('\n'),
                "wacost {} {shown}: a one-line description, got {description:?}",
                sub.get_name()
            );
            assert!(
                arg.get_long_help().is_none(),
                "{shown}: one help, -h and --help alike"
            );
        }
    }
}

#[test]
fn every_command_answers_help_with_exit_0() {
    let (code, top, _) = help_of(&["--help"]);
    assert_eq!(code, Some(0));
    for mut sub in subcommands() {
        let name = sub.get_name().to_string();
        assert!(
            top.contains(&format!("\n  {name} ")),
            "`wacost --help` lists {name}:\n{top}"
        );
        let (code, out, err) = help_of(&[&name, "--help"]);
        assert_eq!(code, Some(0), "wacost {name} --help: {err}");
        assert_eq!(out, sub.render_help().to_string(), "wacost {name} --help");
        assert!(out.contains(&format!("Usage: wacost {name} ")), "{out}");
        let (code, short, _) = help_of(&[&name, "-h"]);
        assert_eq!((code, short), (Some(0), out), "wacost {name} -h");
    }
}

#[test]
fn no_command_prints_the_help_and_fails() {
    let (code, out, err) = help_of(&[]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("Usage: wacost <COMMAND>"), "{err}");
}

/// The fenced block under `heading` in `text`.
fn block_under<'a>(text: &'a str, heading: &str) -> &'a str {
    let after = text
        .split_once(&format!("\n{heading}\n"))
        .map(|(_, after)| after)
        .unwrap_or_else(|| panic!("no `{heading}` heading"));
    let start = after.find("```").expect("a fenced block");
    let body = &after[start..];
    let body = &body[body.find('\n').expect("a fence line") + 1..];
    &body[..body.find("```").expect("a closing fence")]
}

/// The options each `wacost COMMAND` line of `block` names (an indented line continues the one
/// before; what follows `#` is a comment), checking that the command accepts each of them.
fn options_named(block: &str, file: &str) -> Vec<(String, Vec<String>)> {
    let subcommands = subcommands();
    let mut named: Vec<(String, Vec<String>)> = Vec::new();
    for line in block.lines() {
        let code = line.split('#').next().unwrap_or_default();
        let words: Vec<&str> = code
            .split(|c: char| c.is_whitespace() || "[]|=".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        let continues = line.starts_with(' ') && !named.is_empty();
        match words.iter().position(|w| *w == "wacost") {
            Some(at) if !continues => match words.get(at + 1) {
                Some(name) if !name.starts_with('-') => named.push((name.to_string(), Vec::new())),
                _ => continue, // `wacost --help`
            },
            None if continues => {}
            _ => continue,
        }
        let Some((name, options)) = named.last_mut() else {
            continue;
        };
        let sub = subcommands
            .iter()
            .find(|sub| sub.get_name() == name)
            .unwrap_or_else(|| panic!("{file}: `wacost {name}` is not a command"));
        for long in words.iter().filter_map(|w| w.strip_prefix("--")) {
            assert!(
                long == "help" || sub.get_arguments().any(|arg| arg.get_long() == Some(long)),
                "{file}: `wacost {name}` does not accept --{long}"
            );
            options.push(long.to_string());
        }
    }
    named
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_readme_names_every_command_with_options_it_accepts() {
    let readme = read("README.md");
    let block = block_under(&readme, "### The command line");
    let named = options_named(block, "README.md");
    for sub in subcommands() {
        assert!(
            named.iter().any(|(n, _)| n == sub.get_name()),
            "README.md's command line block does not name `wacost {}`",
            sub.get_name()
        );
    }
    assert!(
        readme.contains("`wacost <command> --help`"),
        "README points to --help"
    );
}

#[test]
fn the_docs_command_lines_name_every_option_and_only_those() {
    let subcommands = subcommands();
    for (file, commands) in [
        (
            "docs/scenario.md",
            &["estimate", "compare", "rates", "tiers", "cards", "market"][..],
        ),
        ("docs/log.md", &["bill", "generate-log"][..]),
        (
            "docs/plan.md",
            &["plan", "budget", "levers", "import-analytics"][..],
        ),
    ] {
        let text = read(file);
        let named = options_named(block_under(&text, "## The command line"), file);
        for command in commands {
            let (_, options) = named
                .iter()
                .find(|(n, _)| n == command)
                .unwrap_or_else(|| panic!("{file} names `wacost {command}`"));
            let sub = subcommands
                .iter()
                .find(|s| s.get_name() == *command)
                .unwrap();
            for long in sub.get_arguments().filter_map(|arg| arg.get_long()) {
                assert!(
                    long == "help" || options.iter().any(|o| o == long),
                    "{file}: `wacost {command}` line lacks --{long}"
                );
            }
        }
    }
}
