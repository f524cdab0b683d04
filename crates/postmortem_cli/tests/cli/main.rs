//! Tests of the real `postmortem` binary: output snapshots, exit codes, fixing, configuration.
//!
//! Snapshots live in `tests/snapshots/`. Output is deterministic: colour is off (`NO_COLOR`),
//! paths are relative (the project's own documents are read as
//! `../postmortem/tests/documents/...` from the crate, temp files from inside their directory),
//! and the configuration search is off for them (`--no-config`), so that a `.postmortem.json`
//! above the repository changes nothing.

mod check;
mod commands;
mod config;
mod distribution;
mod errors;
mod files;
mod fix;
mod lsp;
mod sarif;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the snapshots of every module go.
const SNAPSHOTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots");

/// Snapshots a command's exit code, stdout and stderr as `tests/snapshots/<name>.snap`.
macro_rules! snapshot {
    ($name:expr, $command:expr) => {
        insta::with_settings!({
            snapshot_path => $crate::SNAPSHOTS,
            prepend_module_to_snapshot => false,
        }, {
            insta_cmd::assert_cmd_snapshot!($name, $command);
        })
    };
}
pub(crate) use snapshot;

/// Snapshots a string as `tests/snapshots/<name>.snap`.
macro_rules! snapshot_text {
    ($name:expr, $text:expr) => {
        insta::with_settings!({
            snapshot_path => $crate::SNAPSHOTS,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!($name, $text);
        })
    };
}
pub(crate) use snapshot_text;

/// The binary, run from the crate's directory with colour off and a fixed terminal width (clap
/// wraps help text to `COLUMNS`), so that output does not depend on who runs the tests.
pub(crate) fn postmortem() -> Command {
    let mut command = Command::new(insta_cmd::get_cargo_bin("postmortem"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NO_GRAPHICS");
    command
}

/// The project's own documents (crates/postmortem/tests/documents), as paths relative to the
/// crate's directory, in order.
pub(crate) fn documents() -> Vec<String> {
    let names: Vec<String> = postmortem_testdata::own_documents()
        .iter()
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() >= 4, "the own documents: {names:?}");
    names
        .into_iter()
        .map(|name| format!("../postmortem/tests/documents/{name}"))
        .collect()
}

/// One of the own documents by file name, as a path relative to the crate's directory.
pub(crate) fn document(name: &str) -> String {
    let path = format!("../postmortem/tests/documents/{name}");
    assert!(documents().contains(&path), "no document {name}");
    path
}

/// A document's name for its snapshots: `headed` for `.../headed.md`.
pub(crate) fn document_name(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap();
    name.split('.').next().unwrap()
}

/// The absolute path of a document given relative to the crate.
pub(crate) fn document_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Runs a command and returns its exit code, stdout and stderr.
pub(crate) fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Runs a command with `stdin` as its standard input.
pub(crate) fn run_with_stdin(command: &mut Command, stdin: &str) -> (i32, String, String) {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let text = stdin.to_owned();
    let writer = std::thread::spawn(move || pipe.write_all(text.as_bytes()).unwrap());
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// A short document with errors, a warning, fixes, and non-ASCII text before a finding.
pub(crate) const CRAFTED: &str = "\
# Checkout outage at the café

## Issue Summary

Café checkout failed from 10:00 AM to 11:00 AM for 80% of users because a deploy exhausted the database pool.

## Timeline

- 10:05 AM UTC - An alert fired on checkout errors.
- 10:00 AM UTC - The deploy went out.
";
