//! Running commands from the workspace root with the project's tools first on PATH.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The workspace root (xtask lives one level below it).
pub(crate) fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// `PATH` with `node_modules/.bin` (wasm-opt from npm's binaryen) and cargo's bin first.
pub(crate) fn path_with_tools() -> OsString {
    let mut paths = vec![root().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        paths.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        paths.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(existing) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).unwrap_or_default()
}

/// One named command, printed before it runs and timed.
pub(crate) struct Step {
    title: String,
    command: Command,
}

impl Step {
    pub(crate) fn new(title: &str, program: &str) -> Self {
        let mut command = Command::new(program);
        command.current_dir(root()).env("PATH", path_with_tools());
        Self {
            title: title.to_owned(),
            command,
        }
    }

    pub(crate) fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }

    pub(crate) fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    /// Runs the command, failing with its title when it fails.
    pub(crate) fn run(mut self) -> Result<(), String> {
        println!("\n==> {}", self.title);
        let started = Instant::now();
        let status = self
            .command
            .stdin(Stdio::null())
            .status()
            .map_err(|error| format!("{}: cannot start: {error}", self.title))?;
        println!(
            "==> {} took {:.1} s",
            self.title,
            started.elapsed().as_secs_f64()
        );
        if status.success() {
            Ok(())
        } else {
            Err(format!("{} failed ({status})", self.title))
        }
    }

    /// Runs the command quietly and returns its standard output, or `None` if it failed.
    pub(crate) fn output(mut self) -> Option<String> {
        let output = self
            .command
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }
}
