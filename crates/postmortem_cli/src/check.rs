//! `postmortem check`: the configuration, the files, each file checked (and fixed) on one of
//! every core's threads, and the report in the files' order.

use crate::args::{CheckArgs, Format};
use crate::config_file::{self, Loaded};
use crate::inputs::{self, Filter, Input, Request};
use crate::output::{self, Checked, Part};
use crate::{EXIT_FINDINGS, Failure, parallel};
use postmortem::Config;
use postmortem::fix;
use std::io::{Read as _, Write};
use std::path::Path;
use std::process::ExitCode;

/// What checking one input gives: its part of the report, and what fixing it says.
struct Outcome {
    part: Part,
    /// For standard error: `Fixed incident.md (3 fixes)`, and fixes that did not settle.
    notes: Vec<String>,
    /// With `--fix -`: the fixed text, for standard output.
    fixed_stdin: Option<String>,
}

pub(crate) fn check(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let current_dir = std::env::current_dir().map_err(|error| {
        Failure(format!(
            "cannot read the current directory to look for a configuration: {error}"
        ))
    })?;
    let loaded = configuration(args, &current_dir)?;
    let request = Request {
        paths: &args.paths,
        current_dir: &current_dir,
        include: filter(&args.include, "--include")?,
        exclude: filter(&args.exclude, "--exclude")?,
        ignore_files: !args.no_ignore,
        postmortems: loaded.postmortems.as_ref(),
    };
    let inputs = inputs::resolve(&request)?;
    let stdin = if inputs.contains(&Input::Stdin) {
        Some(read_stdin()?)
    } else {
        None
    };
    let threads = parallel::threads(args.threads, inputs.len());
    let outcomes = parallel::map_in_order(&inputs, threads, |input| {
        check_input(input, stdin.as_deref(), args, &loaded.config)
    });

    let mut parts = Vec::with_capacity(outcomes.len());
    let mut failures = Vec::new();
    let mut fixed_stdin = None;
    for outcome in outcomes {
        match outcome {
            Ok(outcome) => {
                for note in outcome.notes {
                    eprintln!("{note}");
                }
                fixed_stdin = fixed_stdin.or(outcome.fixed_stdin);
                parts.push(outcome.part);
            }
            Err(Failure(message)) => failures.push(message),
        }
    }
    if !failures.is_empty() {
        return Err(Failure(failures.join("\nerror: ")));
    }
    if inputs.is_empty() {
        eprintln!("warning: {}", nothing_found(args, &loaded));
    }
    if let Some(fixed) = fixed_stdin {
        let mut stdout = std::io::stdout();
        drop(stdout.write_all(fixed.as_bytes()));
        drop(stdout.flush());
    }
    // With `--fix -`, standard output carries the fixed text, so the report goes to stderr.
    let report_to_stderr = args.fix && inputs.contains(&Input::Stdin);
    // Only human output is styled; the auto streams strip the styles when colour is off.
    let written = match (report_to_stderr, args.format) {
        (false, Format::Human) => write_report(args, &parts, anstream::stdout().lock()),
        (false, _) => write_report(args, &parts, std::io::stdout().lock()),
        (true, Format::Human) => write_report(args, &parts, anstream::stderr().lock()),
        (true, _) => write_report(args, &parts, std::io::stderr().lock()),
    };
    drop(written); // A closed pipe (`| head`) is not a failure.
    let has_errors = parts.iter().any(|part| part.counts.errors > 0);
    Ok(if has_errors {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes the report through a buffer: the locked streams would write each line on its own.
fn write_report(args: &CheckArgs, parts: &[Part], stream: impl Write) -> std::io::Result<()> {
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, stream);
    output::write_report(args.format, parts, &mut buffered)?;
    buffered.flush()
}

/// `--config`, else the file found in the current directory or a parent, else the defaults;
/// then `--profile`. Looked for once: every file of the run is checked with it.
fn configuration(args: &CheckArgs, current_dir: &Path) -> Result<Loaded, Failure> {
    let mut loaded = if let Some(path) = &args.config {
        config_file::load(current_dir, path, &path.display().to_string())?
    } else if args.no_config {
        Loaded {
            config: Config::default(),
            postmortems: None,
        }
    } else {
        match config_file::discover(current_dir) {
            Some(found) => config_file::load(current_dir, &found.path, &found.shown)?,
            None => Loaded {
                config: Config::default(),
                postmortems: None,
            },
        }
    };
    if let Some(profile) = args.profile {
        loaded.config.profile = profile.profile();
    }
    Ok(loaded)
}

fn filter(globs: &[String], flag: &str) -> Result<Filter, Failure> {
    Filter::new(globs).map_err(|reason| Failure(format!("{flag}: {reason}")))
}

/// Why a run found nothing to check, which is not an error (as with ruff): a directory with no
/// postmortem in it yet is not a broken build.
fn nothing_found(args: &CheckArgs, loaded: &Loaded) -> &'static str {
    match (args.paths.is_empty(), loaded.postmortems.is_some()) {
        (true, _) => "no file matches the configuration's `files`",
        (false, true) => {
            "no file to check: in a directory, only the configuration's `files` are checked"
        }
        (false, false) => "no file to check: a directory is walked for .md and .markdown files",
    }
}

fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|error| Failure(format!("cannot read standard input: {error}")))?;
    utf8(bytes, "standard input")
}

/// Reads, checks and with `--fix` fixes one input; its text is dropped once its part of the
/// report is made.
fn check_input(
    input: &Input,
    stdin: Option<&str>,
    args: &CheckArgs,
    config: &Config,
) -> Result<Outcome, Failure> {
    let (path, shown, source) = match input {
        Input::Stdin => (
            None,
            args.stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".to_owned()),
            stdin.unwrap_or_default().to_owned(),
        ),
        Input::File { path, shown } => {
            let bytes = std::fs::read(path)
                .map_err(|error| Failure(format!("cannot read {shown}: {error}")))?;
            (Some(path.as_path()), shown.clone(), utf8(bytes, shown)?)
        }
    };
    let mut notes = Vec::new();
    let mut fixed_stdin = None;
    let checked = if args.fix {
        let fixed = fix::fix_all(&source, config);
        match path {
            Some(path) if fixed.applied > 0 => write_file(path, &shown, &fixed.source)?,
            Some(_) => {}
            None => fixed_stdin = Some(fixed.source.clone()),
        }
        if fixed.applied > 0 {
            notes.push(format!(
                "Fixed {shown} ({})",
                match fixed.applied {
                    1 => "1 fix".to_owned(),
                    count => format!("{count} fixes"),
                }
            ));
        }
        if !fixed.settled {
            notes.push(format!(
                "warning: fixing {shown} still found new fixes after {} passes; the rest are reported",
                fix::MAX_PASSES
            ));
        }
        Checked {
            path: shown,
            source: fixed.source,
            validation: fixed.validation,
            fixes_applied: Some(fixed.applied),
        }
    } else {
        Checked {
            validation: postmortem::validate(&source, config),
            path: shown,
            source,
            fixes_applied: None,
        }
    };
    Ok(Outcome {
        part: Part::of(args.format, &checked),
        notes,
        fixed_stdin,
    })
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

fn write_file(path: &Path, shown: &str, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|error| Failure(format!("cannot write {shown}: {error}")))
}
