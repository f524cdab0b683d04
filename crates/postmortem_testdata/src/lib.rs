//! The documents the test suites read: the project's own, always in the repository
//! (`crates/postmortem/tests/documents/`), and the real postmortems in `../shared` (the seeds,
//! the corpus, the golden documents), which sits beside the repository in CI but is no part of
//! it.
//!
//! Every suite over `../shared` finds it here. `POSTMORTEM_SHARED` names the folder instead of
//! `<workspace>/../shared`. When a folder is missing, the suite runs nothing and this crate
//! writes one line to standard error saying what was skipped and why; it never fails for that.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The environment variable that names the shared folder.
pub const VARIABLE: &str = "POSTMORTEM_SHARED";

/// The workspace's root directory.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The project's own documents, sorted by path: postmortems the project wrote, in the shapes
/// real ones take (headed Markdown, bold labels, a table timeline, plain text labels).
///
/// # Panics
///
/// If the folder cannot be read: it is part of the repository.
pub fn own_documents() -> Vec<PathBuf> {
    let directory = workspace().join("crates/postmortem/tests/documents");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&directory)
        .unwrap_or_else(|error| panic!("{}: {error}", directory.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    paths
}

/// The folder `relative` of the shared folder (`"seeds"`, `"corpus/docs"`), or `None` when it
/// is missing, after saying once per process that `suite` was skipped.
pub fn shared_folder(relative: &str, suite: &str) -> Option<PathBuf> {
    match locate(std::env::var_os(VARIABLE), relative, suite) {
        Ok(folder) => Some(folder),
        Err(line) => {
            let mut said = SAID
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if said.insert(line.clone()) {
                // Written to the stream itself, not through `eprintln!`, which the test harness
                // captures and shows only for failing tests.
                let _ = writeln!(std::io::stderr(), "{line}");
            }
            None
        }
    }
}

/// The files in the shared folder `relative`, sorted by path, or `None` as `shared_folder` says.
///
/// # Panics
///
/// If the folder is there but cannot be read: a suite must not pass over it unnoticed.
pub fn shared_files(relative: &str, suite: &str) -> Option<Vec<PathBuf>> {
    let folder = shared_folder(relative, suite)?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    Some(paths)
}

/// The skip lines already written by this process.
static SAID: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// The shared folder and how to show it: the variable's value when it is set and not empty,
/// otherwise `../shared` beside the workspace.
fn shared_root(variable: Option<OsString>) -> (PathBuf, String) {
    match variable {
        Some(value) if !value.is_empty() => {
            let shown = value.to_string_lossy().trim_end_matches('/').to_owned();
            (PathBuf::from(value), shown)
        }
        _ => (workspace().join("../shared"), "../shared".to_owned()),
    }
}

/// The folder `relative` of the shared folder, or the line that says `suite` was skipped.
fn locate(variable: Option<OsString>, relative: &str, suite: &str) -> Result<PathBuf, String> {
    let (root, shown) = shared_root(variable);
    let folder = root.join(relative);
    if folder.is_dir() {
        return Ok(folder);
    }
    // Without the shared folder itself, say so: a suite over several of its folders then
    // writes one line, not one per folder.
    let missing = if root.is_dir() {
        format!("{shown}/{relative}")
    } else {
        shown
    };
    Err(format!(
        "skipped: {suite}: {missing} not found (set {VARIABLE})"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_names_the_shared_folder() {
        let (root, shown) = shared_root(Some("/data/shared/".into()));
        assert_eq!(root, PathBuf::from("/data/shared/"));
        assert_eq!(shown, "/data/shared");
        let (root, shown) = shared_root(Some(OsString::new()));
        assert_eq!(root, workspace().join("../shared"));
        assert_eq!(shown, "../shared");
        assert_eq!(shared_root(None).1, "../shared");
    }

    #[test]
    fn a_missing_folder_gives_the_line_that_says_what_was_skipped_and_why() {
        assert_eq!(
            locate(
                Some("/nonexistent".into()),
                "corpus/docs",
                "corpus snapshot"
            ),
            Err(
                "skipped: corpus snapshot: /nonexistent not found (set POSTMORTEM_SHARED)"
                    .to_owned()
            )
        );
        let tests = workspace().join("crates/postmortem/tests");
        assert_eq!(
            locate(
                Some(tests.clone().into_os_string()),
                "no such folder",
                "a suite"
            ),
            Err(format!(
                "skipped: a suite: {}/no such folder not found (set POSTMORTEM_SHARED)",
                tests.display()
            ))
        );
    }

    #[test]
    fn a_folder_that_is_there_is_found() {
        let documents = workspace().join("crates/postmortem/tests");
        let found = locate(
            Some(documents.clone().into_os_string()),
            "documents",
            "a suite",
        );
        assert_eq!(found, Ok(documents.join("documents")));
    }

    #[test]
    fn the_own_documents_are_there() {
        let names: Vec<String> = own_documents()
            .iter()
            .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(names.contains(&"headed.md".to_owned()), "{names:?}");
        assert!(names.len() >= 4, "{names:?}");
    }
}
