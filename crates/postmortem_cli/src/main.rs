//! `postmortem`: check incident postmortems from the command line and in CI.

#![allow(clippy::print_stdout, clippy::print_stderr)] // A CLI prints.

mod args;
mod catalogue;
mod config_file;
mod output;

use args::{CheckArgs, Cli, ColorWhen, Command, Format};
use clap::Parser as _;
use output::Checked;
use postmortem::fix;
use postmortem::{Config, Severity};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes: 0 clean, 1 errors found, 2 could not run.
const EXIT_FINDINGS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

/// Why the command could not run: printed on standard error, exit code 2.
#[derive(Debug)]
pub(crate) struct Failure(pub(crate) String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    anstream::ColorChoice::write_global(match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules { rule: None } => {
            write_stdout(&catalogue::table());
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { rule: Some(rule) } => catalogue::rule(&rule).map(|docs| {
            write_stdout(&docs);
            ExitCode::SUCCESS
        }),
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

/// One input: a file, or standard input when `file` is `None`.
struct Input {
    file: Option<PathBuf>,
    shown: String,
    source: String,
}

fn check(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let config = configuration(args)?;
    let inputs = read_inputs(args)?;
    let reads_stdin = inputs.iter().any(|input| input.file.is_none());
    let mut checked = Vec::with_capacity(inputs.len());
    for input in inputs {
        checked.push(if args.fix {
            fix_input(input, &config)?
        } else {
            Checked {
                validation: postmortem::validate(&input.source, &config),
                path: input.shown,
                source: input.source,
                fixes_applied: None,
            }
        });
    }
    // With `--fix -`, standard output carries the fixed text, so the report goes to stderr.
    let report_to_stderr = args.fix && reads_stdin;
    let report = match args.format {
        Format::Human => output::human(&checked),
        Format::Json => output::json(&checked),
        Format::Sarif => output::sarif(&checked),
        Format::Github => output::github(&checked),
    };
    // Only human output is styled; the auto streams strip the styles when colour is off.
    let written = match (report_to_stderr, args.format) {
        (false, Format::Human) => anstream::stdout().write_all(report.as_bytes()),
        (false, _) => std::io::stdout().write_all(report.as_bytes()),
        (true, Format::Human) => anstream::stderr().write_all(report.as_bytes()),
        (true, _) => std::io::stderr().write_all(report.as_bytes()),
    };
    drop(written); // A closed pipe (`| head`) is not a failure.
    let has_errors = checked
        .iter()
        .flat_map(|file| &file.validation.diagnostics)
        .any(|diagnostic| diagnostic.severity == Severity::Error);
    Ok(if has_errors {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--config`, else the file found in the current directory or a parent, else the defaults;
/// then `--profile`.
fn configuration(args: &CheckArgs) -> Result<Config, Failure> {
    let mut config = if let Some(path) = &args.config {
        config_file::load(path, &path.display().to_string())?
    } else if args.no_config {
        Config::default()
    } else {
        let directory = std::env::current_dir().map_err(|error| {
            Failure(format!(
                "cannot read the current directory to look for a configuration: {error}"
            ))
        })?;
        match config_file::discover(&directory) {
            Some(found) => config_file::load(&found.path, &found.shown)?,
            None => Config::default(),
        }
    };
    if let Some(profile) = args.profile {
        config.profile = profile.profile();
    }
    Ok(config)
}

fn read_inputs(args: &CheckArgs) -> Result<Vec<Input>, Failure> {
    let mut inputs = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let input = if path.as_os_str() == "-" {
            if inputs.iter().any(|input: &Input| input.file.is_none()) {
                return Err(Failure(
                    "`-` (standard input) can be given only once".to_owned(),
                ));
            }
            let shown = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".to_owned());
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| Failure(format!("cannot read standard input: {error}")))?;
            Input {
                source: utf8(bytes, "standard input")?,
                file: None,
                shown,
            }
        } else {
            let shown = path.display().to_string();
            let bytes = std::fs::read(path)
                .map_err(|error| Failure(format!("cannot read {shown}: {error}")))?;
            Input {
                source: utf8(bytes, &shown)?,
                file: Some(path.clone()),
                shown,
            }
        };
        inputs.push(input);
    }
    Ok(inputs)
}

/// The text of `bytes`, or a message saying where the first byte that is not UTF-8 is.
fn utf8(bytes: Vec<u8>, shown: &str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.split(|&byte| byte == b'\n').count();
        Failure(format!(
            "{shown} is not UTF-8 text (line {line} has a byte that is not UTF-8); \
             save it as UTF-8 and check again"
        ))
    })
}

/// Fixes one input: a file in place, standard input onto standard output.
fn fix_input(input: Input, config: &Config) -> Result<Checked, Failure> {
    let fixed = fix::fix_all(&input.source, config);
    if let Some(path) = &input.file {
        if fixed.applied > 0 {
            write_file(path, &input.shown, &fixed.source)?;
        }
    } else {
        let mut stdout = std::io::stdout();
        drop(stdout.write_all(fixed.source.as_bytes()));
        drop(stdout.flush());
    }
    if fixed.applied > 0 {
        eprintln!(
            "Fixed {} ({})",
            input.shown,
            match fixed.applied {
                1 => "1 fix".to_owned(),
                count => format!("{count} fixes"),
            }
        );
    }
    if !fixed.settled {
        eprintln!(
            "warning: fixing {} still found new fixes after {} passes; the rest are reported",
            input.shown,
            fix::MAX_PASSES
        );
    }
    Ok(Checked {
        path: input.shown,
        source: fixed.source,
        validation: fixed.validation,
        fixes_applied: Some(fixed.applied),
    })
}

fn write_file(path: &Path, shown: &str, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|error| Failure(format!("cannot write {shown}: {error}")))
}

fn write_stdout(text: &str) {
    drop(std::io::stdout().write_all(text.as_bytes()));
}
