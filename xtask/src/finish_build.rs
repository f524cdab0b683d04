//! `cargo xtask finish-build`: trunk's post-build hook. It seals the built site:
//!
//! 1. The page's Content-Security-Policy gets the SHA-256 hash of each inline script trunk
//!    wrote (the module that starts the wasm, and the live-reload script under `trunk serve`),
//!    so that no other inline script can ever run.
//! 2. The service worker is written with the list of every file of the build (trunk's hashed
//!    names included) and a version derived from their contents: a new build is a new service
//!    worker, which replaces the old cache cleanly.
//!
//! Both read trunk's staging directory (`TRUNK_STAGING_DIR`) before trunk moves it to dist/.

use base64::Engine;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Replaced in index.html's Content-Security-Policy by the inline scripts' hashes.
const HASHES_MARKER: &str = "'inline-script-hashes'";
const SERVICE_WORKER: &str = "service-worker.js";

pub(crate) fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("finish-build runs as trunk's post_build hook (TRUNK_STAGING_DIR is not set)")?;
    let source =
        std::env::var_os("TRUNK_SOURCE_DIR").map_or_else(crate::shell::root, PathBuf::from);
    let index = staging.join("index.html");
    let html = read(&index)?;
    write(&index, &seal_inline_scripts(&html)?)?;
    let template = read(&source.join("web").join(SERVICE_WORKER))?;
    let files = site_files(&staging)?;
    let worker = service_worker(&template, &staging, &files)?;
    write(&staging.join(SERVICE_WORKER), &worker)?;
    println!(
        "finish-build: CSP sealed; service worker precaches {} files",
        files.len()
    );
    Ok(())
}

/// `html` with the hashes of its inline scripts in place of the CSP's marker.
fn seal_inline_scripts(html: &str) -> Result<String, String> {
    if !html.contains(HASHES_MARKER) {
        return Err(format!(
            "index.html's Content-Security-Policy has no {HASHES_MARKER} to replace"
        ));
    }
    let hashes: Vec<String> = inline_scripts(html)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    Ok(html.replace(HASHES_MARKER, &hashes.join(" ")))
}

/// The text of every `<script>` without a `src`, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(move |(start, _)| {
        let rest = &html[start..];
        let open_end = rest.find('>')?;
        if rest[..open_end].contains(" src=") {
            return None;
        }
        let body = &rest[open_end + 1..];
        Some(&body[..body.find("</script>")?])
    })
}

/// Every file of the site except the service worker itself, as sorted relative URLs.
fn site_files(staging: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    let mut directories = vec![staging.to_path_buf()];
    while let Some(directory) = directories.pop() {
        let entries = fs::read_dir(&directory)
            .map_err(|error| format!("{}: {error}", directory.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|error| format!("{}: {error}", directory.display()))?
                .path();
            if path.is_dir() {
                directories.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(staging)
                .map_err(|error| error.to_string())?
                .to_string_lossy()
                .replace('\\', "/");
            if relative != SERVICE_WORKER {
                files.push(relative);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The service worker: the build's version and file list, then the template's code.
fn service_worker(template: &str, staging: &Path, files: &[String]) -> Result<String, String> {
    let mut hasher = Sha256::new();
    for file in files {
        hasher.update(file.as_bytes());
        hasher.update(fs::read(staging.join(file)).map_err(|error| format!("{file}: {error}"))?);
    }
    hasher.update(template.as_bytes());
    let version: String = hasher.finalize()[..8]
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        });
    // The page itself is cached as "./": that is the URL a visitor navigates to.
    let urls = std::iter::once("./".to_owned()).chain(
        files
            .iter()
            .filter(|file| *file != "index.html")
            .map(|file| format!("./{file}")),
    );
    let list = urls.fold(String::new(), |mut list, url| {
        let _ = writeln!(list, "  '{url}',");
        list
    });
    Ok(format!(
        "// Written by `cargo xtask finish-build` from web/{SERVICE_WORKER}.\nconst VERSION = '{version}';\nconst PRECACHE = [\n{list}];\n\n{template}"
    ))
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_each_inline_script_and_skips_external_ones() {
        let html = "<meta content=\"script-src 'self' 'inline-script-hashes'\">\
            <script type=\"module\" src=\"app.js\"></script>\
            <script type=\"module\">import init from './app.js';</script>\
            <script>reload()</script>";
        let scripts: Vec<&str> = inline_scripts(html).collect();
        assert_eq!(scripts, ["import init from './app.js';", "reload()"]);
        let sealed = seal_inline_scripts(html).unwrap();
        // echo -n "reload()" | openssl dgst -sha256 -binary | base64
        assert!(
            sealed.contains("'sha256-sC0PQhdi5wMoECrBbPZDMcg4gm1Z2uOfLRLceVFG7RY='"),
            "{sealed}"
        );
        assert!(!sealed.contains(HASHES_MARKER));
    }

    #[test]
    fn refuses_a_page_without_the_marker() {
        assert!(seal_inline_scripts("<script>x</script>").is_err());
    }
}
