//! Installs what the build and the tests need, skipping what is already there at the right
//! version. Nothing is downloaded but packages from the registries: the tools are compiled
//! from crates.io, the browser comes from Debian, wasm-opt from npm's binaryen.

use crate::shell::{Step, root};
use std::path::Path;

/// trunk 0.22 needs a newer rustc than this machine's 1.95.
const TRUNK_VERSION: &str = "0.21.14";

pub(crate) fn install() -> Result<(), String> {
    wasm_target()?;
    debian_packages()?;
    trunk()?;
    wasm_bindgen()?;
    node_packages()?;
    Step::new("fetch crates (trunk builds offline)", "cargo")
        .args(["fetch", "--quiet"])
        .run()
}

fn wasm_target() -> Result<(), String> {
    let installed = Step::new("", "rustup")
        .args(["target", "list", "--installed"])
        .output();
    if installed.is_some_and(|targets| {
        targets
            .lines()
            .any(|target| target == "wasm32-unknown-unknown")
    }) {
        return Ok(());
    }
    Step::new("install the wasm32 target", "rustup")
        .args(["target", "add", "wasm32-unknown-unknown"])
        .run()
}

/// Chromium and its driver for the browser tests, and Neovim, whose built-in language
/// client runs `postmortem lsp` in one CLI test (skipped without it): all from Debian.
fn debian_packages() -> Result<(), String> {
    let installed = [
        "/usr/bin/chromium",
        "/usr/bin/chromedriver",
        "/usr/bin/nvim",
    ];
    if installed.iter().all(|path| Path::new(path).exists()) {
        return Ok(());
    }
    Step::new("refresh Debian's package lists", "apt-get")
        .args(["update", "-qq"])
        .run()?;
    Step::new(
        "install Chromium, ChromeDriver and Neovim from Debian",
        "apt-get",
    )
    .args([
        "install",
        "-y",
        "-qq",
        "chromium",
        "chromium-driver",
        "neovim",
    ])
    .env("DEBIAN_FRONTEND", "noninteractive")
    .run()
}

fn trunk() -> Result<(), String> {
    let version = Step::new("", "trunk").args(["--version"]).output();
    if version.is_some_and(|version| version.trim() == format!("trunk {TRUNK_VERSION}")) {
        return Ok(());
    }
    Step::new("install trunk (about 12 minutes, once)", "cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .run()
}

fn wasm_bindgen() -> Result<(), String> {
    let wanted = locked_version("wasm-bindgen")?;
    let version = Step::new("", "wasm-bindgen").args(["--version"]).output();
    if version.is_some_and(|version| version.trim() == format!("wasm-bindgen {wanted}")) {
        return Ok(());
    }
    // Without --locked: the registry mirror lacks a version the CLI's lock file names.
    Step::new("install wasm-bindgen-cli (about 4 minutes, once)", "cargo")
        .args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ])
        .run()
}

fn node_packages() -> Result<(), String> {
    let lock = std::fs::read_to_string(root().join("package-lock.json"))
        .map_err(|error| format!("cannot read package-lock.json: {error}"))?;
    let stamp = root().join("node_modules/.installed-package-lock.json");
    if std::fs::read_to_string(&stamp).is_ok_and(|installed| installed == lock) {
        return Ok(());
    }
    Step::new("install node packages (npm ci)", "npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .run()?;
    std::fs::write(&stamp, lock)
        .map_err(|error| format!("cannot write {}: {error}", stamp.display()))
}

/// The version of `package` in Cargo.lock.
fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}
