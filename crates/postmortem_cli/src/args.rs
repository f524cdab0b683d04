//! The command line's shape.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const CHECK_AFTER_HELP: &str = "\
Paths:
  A file named is always checked. A directory means every Markdown file (.md, .markdown)
  under it; a quoted glob ('docs/**/*.md') means the files it matches, from the current
  directory, whatever their extension. Walking a directory or a glob skips hidden files and
  what .gitignore, .ignore and git's exclude files leave out (in a git repository or not;
  --no-ignore checks those). --include and --exclude take globs matched as .gitignore
  matches them: without `/` a name at any depth (`draft-*.md`), with `/` a path from the
  current directory (`docs/archive/**`). A glob that matches nothing, or a path that does not
  exist, is an error. Files are checked on every core and reported in the order given, each
  directory's and glob's files in path order.

Configuration:
  Without --config, the checker looks for `.postmortem.json`, then `postmortem.json`, in the
  current directory and then in each parent directory, and uses the first it finds
  (--no-config skips the search). It is the same JSON as the web app and the JavaScript
  package take:

    { \"profile\": \"standard\", \"rules\": { \"PM307\": \"off\", \"missing-section\": \"warning\" },
      \"words\": { \"min\": 300, \"max\": 800 }, \"files\": [\"postmortems/**/*.md\"] }

  `files` says which files are postmortems, as globs relative to the configuration's
  directory: a directory walk then checks only those, and `postmortem check` with no path
  checks all of them. --profile overrides the configuration's profile.

Exit status:
  0  no errors (warnings and infos alone exit 0)
  1  errors found
  2  could not run: a missing path, a glob matching nothing, an unreadable or non-UTF-8 file,
     a bad configuration, a bad argument

Examples:
  postmortem check incident.md
  postmortem check docs/incidents
  postmortem check 'docs/**/*.md' --exclude 'docs/templates/**'
  postmortem check                  # the configuration's `files`
  postmortem check --format sarif docs/incidents > postmortem.sarif
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
    /// Run the language server, over standard input and output, for an editor to start.
    Lsp(LspArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct LspArgs {
    /// Talk over standard input and output (the only way; accepted because clients pass it).
    #[arg(long)]
    pub(crate) stdio: bool,
    /// Answer `postmortem/testPanic` by panicking, to show that a panic fails only its request.
    #[arg(long, hide = true)]
    pub(crate) test_panic_request: bool,
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Files, directories and quoted globs to check; `-` reads standard input. With none, the
    /// configuration's `files`.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
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
    /// Check only the walked files that match this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub(crate) include: Vec<String>,
    /// Leave out the walked files and directories that match this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub(crate) exclude: Vec<String>,
    /// Walk into what .gitignore, .ignore and git's exclude files leave out.
    #[arg(long)]
    pub(crate) no_ignore: bool,
    /// How many files to check at once: 0 (the default) is one per core.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub(crate) threads: usize,
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
