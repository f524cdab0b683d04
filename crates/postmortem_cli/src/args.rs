//! The command line's shape.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const CHECK_AFTER_HELP: &str = "\
Configuration:
  Without --config, the checker looks for `.postmortem.json`, then `postmortem.json`, in the
  current directory and then in each parent directory, and uses the first it finds
  (--no-config skips the search). It is the same JSON as the web app and the JavaScript
  package take:

    { \"profile\": \"standard\", \"rules\": { \"PM307\": \"off\", \"missing-section\": \"warning\" },
      \"words\": { \"min\": 300, \"max\": 800 } }

  --profile overrides the configuration's profile.

Exit status:
  0  no errors (warnings and infos alone exit 0)
  1  errors found
  2  could not run: an unreadable or non-UTF-8 file, a bad configuration, a bad argument

Examples:
  postmortem check incident.md
  postmortem check --format sarif docs/incidents/*.md > postmortem.sarif
  postmortem check --fix incident.md
  cat incident.md | postmortem check --fix - > fixed.md";

/// Check incident postmortems written in Markdown.
#[derive(Debug, Parser)]
#[command(name = "postmortem", version, about)]
pub(crate) struct Cli {
    /// When to colour the output: `auto` colours a terminal unless `NO_COLOR` is set.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub(crate) color: ColorWhen,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check postmortems and print what is wrong with them.
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// List the rules, or show one rule's documentation.
    Rules {
        /// A rule code (PM202) or name (missing-timezone).
        rule: Option<String>,
    },
    /// Print a postmortem template to fill in: `postmortem new > incident.md`.
    New {
        /// The profile whose sections the template has.
        #[arg(long, value_enum, default_value_t = ProfileName::Standard)]
        profile: ProfileName,
    },
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
    /// The profile to check against (overrides the configuration's).
    #[arg(long, value_enum)]
    pub(crate) profile: Option<ProfileName>,
    /// A JSON configuration file (instead of the one found in this directory or a parent).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub(crate) config: Option<PathBuf>,
    /// Do not look for a configuration file: check with the defaults.
    #[arg(long)]
    pub(crate) no_config: bool,
    /// Apply mechanical fixes in place, then report what is left. With `-`, print the fixed
    /// text on standard output instead (the report then goes to standard error).
    #[arg(long)]
    pub(crate) fix: bool,
    /// The name to show for standard input (`-`) in the report.
    #[arg(long, value_name = "NAME")]
    pub(crate) stdin_filename: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people: each finding as a compiler prints it, with the source line underlined.
    Human,
    /// One JSON object for all files: diagnostics, statistics and the requirement checklist.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands, which annotate the pull request.
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProfileName {
    /// The course assignment's requirements.
    Standard,
    /// The Google SRE book's template.
    Sre,
}

impl ProfileName {
    pub(crate) const fn profile(self) -> postmortem::Profile {
        match self {
            ProfileName::Standard => postmortem::Profile::Standard,
            ProfileName::Sre => postmortem::Profile::Sre,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    /// Colour on a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Colour even when writing to a file or a pipe.
    Always,
    /// Never colour.
    Never,
}
