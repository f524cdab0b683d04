//! `postmortem`: check incident postmortems from the command line and in CI. The binary is
//! `main.rs`, calling [`run`]; the repository's root package (what `cargo install --path .`
//! and pre-commit install) is a second binary calling it too.

#![allow(clippy::print_stdout, clippy::print_stderr)] // A CLI prints.

mod args;
mod catalogue;
mod check;
mod config_file;
mod inputs;
mod lsp;
mod output;
mod parallel;

use args::{Cli, ColorWhen, Command};
use clap::Parser as _;
use std::io::Write as _;
use std::process::ExitCode;

/// Exit codes: 0 clean, 1 errors found, 2 could not run.
const EXIT_FINDINGS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

/// Why the command could not run: printed on standard error, exit code 2.
#[derive(Debug)]
pub(crate) struct Failure(pub(crate) String);

/// Runs the command line the process was started with and returns its exit code: 0 clean, 1
/// errors found, 2 could not run (the reason printed on standard error).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    anstream::ColorChoice::write_global(match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    let result = match cli.command {
        Command::Check(args) => check::check(&args),
        Command::Rules { rule: None } => {
            write_stdout(&catalogue::table());
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { rule: Some(rule) } => catalogue::rule(&rule).map(|docs| {
            write_stdout(&docs);
            ExitCode::SUCCESS
        }),
        Command::Lsp(args) => lsp::run(&args),
        Command::New { profile } => {
            write_stdout(postmortem::template(profile.profile()));
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn write_stdout(text: &str) {
    drop(std::io::stdout().write_all(text.as_bytes()));
}
