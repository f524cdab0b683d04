//! The linters the checker is measured against, installed once into the user's cache folder at
//! pinned versions through their registries' own clients: rumdl from the Python package index
//! into a virtual environment, markdownlint-cli2 from npm.

use crate::shell::Step;
use std::path::{Path, PathBuf};

pub(crate) const RUMDL: &str = "rumdl==0.3.0";
pub(crate) const MARKDOWNLINT_CLI2: &str = "markdownlint-cli2@0.22.1";

/// `$XDG_CACHE_HOME/postmortem/bench-files`, else `~/.cache/postmortem/bench-files`.
fn cache() -> Result<PathBuf, String> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .ok_or("neither XDG_CACHE_HOME nor HOME is set: no cache folder for the linters")?;
    Ok(base.join("postmortem/bench-files"))
}

/// Whether `program --version` runs and names `version`.
fn has_version(program: &Path, version: &str) -> bool {
    Step::new("version", &program.to_string_lossy())
        .args(["--version"])
        .output()
        .is_some_and(|output| output.contains(version))
}

/// rumdl's binary, installed into a virtual environment if it is not there yet.
pub(crate) fn rumdl() -> Result<PathBuf, String> {
    let (_, version) = RUMDL.split_once("==").unwrap_or((RUMDL, ""));
    let environment = cache()?.join(format!("rumdl-{version}"));
    let program = environment.join("bin/rumdl");
    if has_version(&program, version) {
        return Ok(program);
    }
    Step::new("make a Python virtual environment for rumdl", "python3")
        .args(["-m", "venv"])
        .args([&environment])
        .run()?;
    Step::new(
        &format!("install {RUMDL} from PyPI"),
        &environment.join("bin/pip").to_string_lossy(),
    )
    .args(["install", "--quiet", "--disable-pip-version-check", RUMDL])
    .run()?;
    Ok(program)
}

/// markdownlint-cli2's command, installed with npm if it is not there yet.
pub(crate) fn markdownlint_cli2() -> Result<PathBuf, String> {
    let (_, version) = MARKDOWNLINT_CLI2
        .rsplit_once('@')
        .unwrap_or((MARKDOWNLINT_CLI2, ""));
    let prefix = cache()?.join(format!("markdownlint-cli2-{version}"));
    let program = prefix.join("node_modules/.bin/markdownlint-cli2");
    if has_version(&program, version) {
        return Ok(program);
    }
    std::fs::create_dir_all(&prefix).map_err(|error| format!("{}: {error}", prefix.display()))?;
    Step::new(&format!("install {MARKDOWNLINT_CLI2} from npm"), "npm")
        .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
        .args([&prefix])
        .args([MARKDOWNLINT_CLI2])
        .run()?;
    Ok(program)
}
