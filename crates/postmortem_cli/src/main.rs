//! `postmortem`: check incident postmortems from the command line and in CI.

#![allow(clippy::print_stdout, clippy::print_stderr)] // A CLI prints.

mod args;
mod output;

use args::{CheckArgs, Cli, Command, Format};
use clap::Parser as _;
use output::Checked;
use postmortem::{Config, Profile, Severity};
use std::io::Read as _;
use std::process::ExitCode;

/// Exit codes: 0 clean, 1 errors found, 2 could not run.
const EXIT_FINDINGS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules { rule } => rules(rule.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("postmortem: {message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn check(args: &CheckArgs) -> Result<ExitCode, String> {
    let mut config = match &args.config {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            Config::from_json(&json).map_err(|error| format!("{}: {error}", path.display()))?
        }
        None => Config::default(),
    };
    if let Some(name) = &args.profile {
        config.profile =
            Profile::from_name(name).ok_or_else(|| format!("unknown profile `{name}`"))?;
    }
    let mut checked = Vec::new();
    for path in &args.files {
        let source = read_source(path)?;
        let validation = postmortem::validate(&source, &config);
        checked.push(Checked {
            path: path.display().to_string(),
            source,
            validation,
        });
    }
    let printed = match args.format {
        Format::Human => output::human(&checked),
        Format::Json => output::json(&checked),
    };
    print!("{printed}");
    if args.format == Format::Json {
        println!();
    }
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

fn read_source(path: &std::path::Path) -> Result<String, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|error| format!("cannot read standard input: {error}"))?;
        bytes
    } else {
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?
    };
    String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))
}

fn rules(rule: Option<&str>) -> Result<ExitCode, String> {
    match rule {
        Some(code_or_name) => {
            let meta = postmortem::rules::find(code_or_name)
                .ok_or_else(|| format!("no rule `{code_or_name}` (run `postmortem rules`)"))?;
            println!("{} {} ({})\n", meta.code, meta.name, meta.default_severity);
            print!("{}", meta.docs);
        }
        None => {
            for meta in postmortem::rule_catalogue() {
                println!(
                    "{}  {:<28} {:<8} {}",
                    meta.code,
                    meta.name,
                    meta.default_severity,
                    meta.summary()
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
