//! `cargo xtask npm`: builds the `postmortem-lint` npm package (an ES module: wasm, JavaScript
//! glue, TypeScript types, the Node.js entry and bin, package.json, README, licences) into
//! `target/npm/`, ready to publish or to copy into a site.

use crate::shell::{Step, root};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

const CRATE: &str = "crates/postmortem_wasm";
/// The cargo profile of the package's wasm (see the workspace's Cargo.toml): the release build,
/// with the validation's code optimised for speed as well.
pub(crate) const PROFILE: &str = "npm";
/// The file names inside the package: `postmortem.js`, `postmortem_bg.wasm`…
const OUT_NAME: &str = "postmortem";
/// The line of the package.json template after which the workspace's version is written: the
/// version is kept in the workspace's Cargo.toml only.
const NAME_LINE: &str = "  \"name\": \"postmortem-lint\",\n";
/// The package's hand-written files in `npm/`, beside the template: the Node.js entry, which
/// initialises the wasm on import, and the bin `npx` runs.
const SCRIPTS: [&str; 2] = ["node.js", "cli.js"];
/// The licence files, from the repository's root.
const LICENCES: [&str; 2] = ["LICENSE-MIT", "LICENSE-APACHE"];

/// Where the package is written: `target/npm/` in the workspace, wherever cargo builds, so
/// that the README, the tests and the example page always find it there.
pub(crate) fn out_dir() -> PathBuf {
    crate::shell::root().join("target/npm")
}

/// Builds the package. The cargo build is incremental, and wasm-bindgen and wasm-opt are
/// skipped when the package's wasm is newer than cargo's.
pub(crate) fn run() -> Result<(), String> {
    Step::new("build the wasm package (cargo, npm profile)", "cargo")
        .args([
            "build",
            "-p",
            "postmortem_wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            PROFILE,
        ])
        .run()?;
    let input = target_dir().join(format!(
        "wasm32-unknown-unknown/{PROFILE}/postmortem_wasm.wasm"
    ));
    let out = out_dir();
    let wasm = out.join(format!("{OUT_NAME}_bg.wasm"));
    let declarations = out.join(format!("{OUT_NAME}.d.ts"));
    if is_newer(&wasm, &input)? && declarations.exists() {
        println!(
            "\n==> wasm-bindgen and wasm-opt: {} is up to date",
            wasm.display()
        );
    } else {
        Step::new(
            "generate the JavaScript glue and types (wasm-bindgen)",
            "wasm-bindgen",
        )
        .args([
            "--target",
            "web",
            "--typescript",
            "--out-name",
            OUT_NAME,
            "--out-dir",
        ])
        .args([&out, &input])
        .run()?;
        let shrunk = shrink(&wasm);
        if shrunk.is_err() {
            // Otherwise the next run would take the unshrunk wasm for an up-to-date one.
            let _ = std::fs::remove_file(&wasm);
        }
        shrunk?;
    }
    write_manifest(&out)?;
    copy(
        &root().join(CRATE).join("README.md"),
        &out.join("README.md"),
    )?;
    for script in SCRIPTS {
        copy(
            &root().join(CRATE).join("npm").join(script),
            &out.join(script),
        )?;
    }
    for licence in LICENCES {
        copy(&root().join(licence), &out.join(licence))?;
    }
    println!("\n==> package ready in {}", out.display());
    Ok(())
}

/// Shrinks a wasm file in place with npm's binaryen: the package's, and the size floors'.
pub(crate) fn shrink(wasm: &Path) -> Result<(), String> {
    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        return Err(format!(
            "{} is missing: run `cargo xtask install-tools` (npm's binaryen; never Debian's)",
            wasm_opt.display()
        ));
    }
    Step::new(
        &format!("shrink {} (wasm-opt -Oz --converge)", wasm.display()),
        &wasm_opt.to_string_lossy(),
    )
    // --converge repeats -Oz while it still shrinks: about 1.5 KB gzip for a few seconds.
    .args([
        "-Oz",
        "--converge",
        "--strip-debug",
        "--strip-producers",
        "-o",
    ])
    .args([wasm, wasm])
    .run()
}

/// `npm/package.json` with the workspace's version.
fn write_manifest(out: &Path) -> Result<(), String> {
    let template_path = root().join(CRATE).join("npm/package.json");
    let template = read(&template_path)?;
    let Some(name_end) = template
        .find(NAME_LINE)
        .map(|start| start + NAME_LINE.len())
    else {
        return Err(format!(
            "{} must have the line {NAME_LINE:?}",
            template_path.display()
        ));
    };
    let manifest = format!(
        "{}  \"version\": \"{}\",\n{}",
        &template[..name_end],
        env!("CARGO_PKG_VERSION"),
        &template[name_end..]
    );
    std::fs::write(out.join("package.json"), manifest)
        .map_err(|error| format!("cannot write {}/package.json: {error}", out.display()))
}

/// cargo's target directory: `CARGO_TARGET_DIR`, else `target/` at the root.
pub(crate) fn target_dir() -> PathBuf {
    // cargo runs from the root, so a relative CARGO_TARGET_DIR is relative to it.
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root().join("target"), |dir| root().join(dir))
}

/// Whether `output` exists and was written after `input`.
fn is_newer(output: &Path, input: &Path) -> Result<bool, String> {
    let modified = |path: &Path| -> Option<SystemTime> { path.metadata().ok()?.modified().ok() };
    let input_time =
        modified(input).ok_or_else(|| format!("cargo did not produce {}", input.display()))?;
    Ok(modified(output).is_some_and(|output_time| output_time > input_time))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(|_| ()).map_err(|error| {
        format!(
            "cannot copy {} to {}: {error}",
            from.display(),
            to.display()
        )
    })
}
