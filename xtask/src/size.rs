//! `cargo xtask size`: the gzip size of the package's and the app's wasm, each next to the
//! floor under it: the same stack doing almost nothing (tests/size-floor/), built and shrunk
//! the same way. What lies between a build and its floor is the product's own weight.

use crate::npm::target_dir;
use crate::shell::{Step, root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the package, the app and both floors, and prints their sizes.
pub(crate) fn run() -> Result<(), String> {
    crate::npm::run()?;
    crate::tasks::build()?;
    // Each floor is built with its product's profile.
    for (floor, profile) in [
        ("size_floor_validator", crate::npm::PROFILE),
        ("size_floor_editor", "release"),
    ] {
        Step::new(&format!("build {floor} (cargo, {profile})"), "cargo")
            .args(["build", "-p", floor, "--target", "wasm32-unknown-unknown"])
            .args(["--profile", profile])
            .run()?;
    }
    let validator_floor = finish_floor("size_floor_validator", crate::npm::PROFILE)?;
    let editor_floor = finish_floor("size_floor_editor", "release")?;
    let rows = [
        (
            "package (target/npm)",
            crate::npm::out_dir().join("postmortem_bg.wasm"),
            "120,000",
        ),
        (
            "  floor: pulldown-cmark, serde_json, wasm-bindgen",
            validator_floor,
            "",
        ),
        ("app (dist)", app_wasm()?, "250,000"),
        (
            "  floor: a small Leptos editor with that floor",
            editor_floor,
            "",
        ),
    ];
    println!("\nwasm, gzip -9 (bytes)                                  size      target");
    for (name, wasm, target) in rows {
        println!("{name:<50} {:>9} {target:>11}", gzip_size(&wasm)?);
    }
    Ok(())
}

/// Runs wasm-bindgen and wasm-opt on a floor as `cargo xtask npm` does on the package.
fn finish_floor(name: &str, profile: &str) -> Result<PathBuf, String> {
    let input = target_dir().join(format!("wasm32-unknown-unknown/{profile}/{name}.wasm"));
    let out = target_dir().join("size-floor").join(name);
    Step::new(&format!("wasm-bindgen: {name}"), "wasm-bindgen")
        .args(["--target", "web", "--out-dir"])
        .args([&out, &input])
        .run()?;
    let wasm = out.join(format!("{name}_bg.wasm"));
    crate::npm::shrink(&wasm)?;
    Ok(wasm)
}

/// The app's wasm in dist/ (trunk names it with a content hash).
fn app_wasm() -> Result<PathBuf, String> {
    let dist = root().join("dist");
    std::fs::read_dir(&dist)
        .map_err(|error| format!("cannot read {}: {error}", dist.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.extension()
                .is_some_and(|extension| extension == "wasm")
        })
        .ok_or_else(|| format!("no wasm in {}", dist.display()))
}

/// The size of `gzip -9` of a file: what a static host serves.
fn gzip_size(path: &Path) -> Result<usize, String> {
    let output = Command::new("gzip")
        .args(["-9", "--stdout"])
        .arg(path)
        .output()
        .map_err(|error| format!("cannot run gzip: {error}"))?;
    if output.status.success() {
        Ok(output.stdout.len())
    } else {
        Err(format!("gzip {} failed", path.display()))
    }
}
