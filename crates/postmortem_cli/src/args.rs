//! The command line's shape.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Check incident postmortems written in Markdown.
#[derive(Debug, Parser)]
#[command(name = "postmortem", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check postmortems and print what is wrong with them.
    Check(CheckArgs),
    /// List the rules, or show one rule's documentation.
    Rules {
        /// A rule code (PM102) or name (missing-section).
        rule: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Files to check; `-` reads standard input.
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
    /// The profile to check against (overrides the configuration's).
    #[arg(long, value_parser = ["standard", "sre"])]
    pub(crate) profile: Option<String>,
    /// A JSON configuration file.
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people: `file:line:column`, the rule and the help.
    Human,
    /// One JSON object for every file.
    Json,
}
