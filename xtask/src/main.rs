//! The workspace's task runner. Plain Rust with few dependencies (the core, sha2 and base64 to
//! seal the built site, nix to read a benchmark's CPU time), so that it builds in seconds on a
//! fresh machine and runs the same locally and in CI.

#![allow(clippy::print_stdout, clippy::print_stderr)] // A task runner reports progress.

mod bench_files;
mod bench_lsp;
mod codegen;
mod finish_build;
mod npm;
mod shell;
mod size;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
cargo xtask <task>

  serve            install what is missing, build the app and serve it on http://127.0.0.1:8080
  test             install what is missing, then run every test: native, wasm in headless
                   Chromium, the npm package in Node.js and Chromium, and end-to-end in the
                   built app
  install-tools    install what is missing (wasm32 target, trunk, wasm-bindgen-cli, Chromium,
                   ChromeDriver, Neovim, node packages) and nothing else
  build            build the app into dist/ (release, size-optimised)
  npm              build the JavaScript package (wasm, glue, TypeScript types) into target/npm/
  size             build the package and the app, and print their wasm's gzip size next to the
                   floor under each (the same stack doing almost nothing: tests/size-floor/)
  finish-build     trunk's post-build hook: the CSP's inline-script hashes and the service
                   worker's list of files (runs by itself in every trunk build)
  bench-files      the checker over 2,220 real postmortems (../shared's corpus and seeds, thirty
                   copies each) against rumdl and markdownlint-cli2 on the same files: wall and
                   CPU time, best of three (installs the two into ~/.cache/postmortem)
  bench-lsp        the language server (cli profile) over stdio: from an edit to its
                   diagnostics on 600 and 50,000 words, and a panic in a request caught
  codegen [--check]
                   write docs/rules/ from the rule registry and postmortem.schema.json from the
                   configuration's types; --check fails if either is stale
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["serve"] => tools::install().and_then(|()| tasks::serve()),
        ["test"] => tools::install().and_then(|()| tasks::test()),
        ["install-tools"] => tools::install(),
        ["build"] => tools::install().and_then(|()| tasks::build()),
        ["npm"] => tools::install().and_then(|()| npm::run()),
        ["size"] => tools::install().and_then(|()| size::run()),
        ["finish-build"] => finish_build::run(),
        ["bench-files"] => bench_files::run(),
        ["bench-lsp"] => bench_lsp::run(),
        ["codegen"] => codegen::run(codegen::Mode::Write),
        ["codegen", "--check"] => codegen::run(codegen::Mode::Check),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

mod tasks {
    use crate::shell::{Step, root};

    /// Every test, in the order that fails fastest: native, then wasm in the browser, then the
    /// npm package, then the built app end to end.
    pub(crate) fn test() -> Result<(), String> {
        Step::new("formatting", "cargo")
            .args(["fmt", "--all", "--check"])
            .run()?;
        Step::new("native tests", "cargo")
            .args(["test", "--workspace"])
            .run()?;
        crate::codegen::run(crate::codegen::Mode::Check)?;
        lint()?;
        Step::new("wasm tests in headless Chromium", "cargo")
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "postmortem_wasm",
                "-p",
                "postmortem_web",
            ])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root().join("tests/webdriver.json"),
            )
            .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
            .run()?;
        crate::npm::run()?;
        Step::new(
            "package tests: Node.js, types, the example page in headless Chromium",
            "node",
        )
        .args(["--test", "--test-concurrency=1", "tests/embed/"])
        .run()?;
        build()?;
        Step::new("end-to-end tests in headless Chromium", "node")
            .args(["--test", "--test-concurrency=1", "tests/e2e/"])
            .run()
    }

    /// Clippy over the native crates, then over the crates that only matter in wasm.
    fn lint() -> Result<(), String> {
        Step::new("clippy (native)", "cargo")
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .run()?;
        Step::new("clippy (wasm32)", "cargo")
            .args([
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "postmortem_wasm",
                "-p",
                "postmortem_web",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .run()
    }

    pub(crate) fn build() -> Result<(), String> {
        Step::new("build the app (trunk, release)", "trunk")
            .args(["build", "--release"])
            .run()
    }

    pub(crate) fn serve() -> Result<(), String> {
        println!("Serving on http://127.0.0.1:8080 (Ctrl-C to stop)");
        Step::new("serve the app", "trunk")
            .args(["serve", "--release"])
            .run()
    }
}
