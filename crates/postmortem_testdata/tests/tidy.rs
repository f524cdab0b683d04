//! Nothing but the two helpers (this crate and tests/support/shared.mjs) names a path into
//! ../shared, so that every suite over it is skipped, not failed, on a clone with nothing
//! beside it. `.ci/run` also runs the native tests with `POSTMORTEM_SHARED` pointing nowhere.

use std::path::{Path, PathBuf};

/// The helpers, the only files allowed to build a path into ../shared.
const HELPERS: &[&str] = &[
    "crates/postmortem_testdata/src/lib.rs",
    "crates/postmortem_testdata/tests/tidy.rs",
    "tests/support/shared.mjs",
];

fn sources(directory: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(directory).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(
                name.as_str(),
                "target" | "node_modules" | "dist" | "corpus" | ".git"
            ) {
                sources(&path, found);
            }
        } else if [".rs", ".mjs", ".js", ".ts", ".sh"]
            .iter()
            .any(|extension| name.ends_with(extension))
        {
            found.push(path);
        }
    }
}

/// Whether a line builds a path into ../shared: a string literal holding `../shared`
/// (comments may name the folder).
fn names_a_shared_path(line: &str) -> bool {
    let code = line.trim_start();
    if code.starts_with("//") || code.starts_with('*') || code.starts_with("/*") {
        return false;
    }
    ['"', '\'', '`'].iter().any(|quote| {
        code.split(*quote)
            .skip(1)
            .step_by(2)
            .any(|literal| literal.contains("../shared"))
    })
}

#[test]
fn only_the_helpers_name_the_shared_folder() {
    let root = postmortem_testdata::workspace();
    let mut files = Vec::new();
    for folder in ["crates", "tests", "web", "xtask", "fuzz"] {
        sources(&root.join(folder), &mut files);
    }
    assert!(files.len() > 50, "{} source files", files.len());
    let mut offenders = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if HELPERS.contains(&relative.as_str()) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for (number, line) in text.lines().enumerate() {
            if names_a_shared_path(line) {
                offenders.push(format!("{relative}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "find ../shared through postmortem_testdata or tests/support/shared.mjs:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_check_sees_a_shared_path_and_lets_comments_be() {
    assert!(names_a_shared_path(
        r#"    let directory = root.join("../../../shared/seeds");"#
    ));
    assert!(names_a_shared_path(
        "const SEED = new URL('../../../shared/seeds/004.txt', import.meta.url);"
    ));
    assert!(!names_a_shared_path(
        "//! Every finding over ../shared/corpus."
    ));
    assert!(!names_a_shared_path(r#"let name = "shared";"#));
    assert!(!names_a_shared_path(
        "import { sharedUrl } from '../support/shared.mjs';"
    ));
}
