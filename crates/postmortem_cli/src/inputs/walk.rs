//! Walking a directory as ripgrep does (its `ignore` crate): hidden files and directories are
//! skipped, and so is whatever `.gitignore`, `.ignore` and git's exclude files leave out, inside
//! a git repository or not.

use super::Filter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How a walk chooses what to enter.
#[derive(Clone, Debug)]
pub(crate) struct WalkOptions {
    /// Whether ignore files count (`--no-ignore` turns them off).
    pub(crate) ignore_files: bool,
    /// Directories matching `--exclude` are not entered.
    pub(crate) exclude: Arc<Filter>,
    /// The current directory, which `exclude` is relative to.
    pub(crate) current_dir: Arc<PathBuf>,
}

/// Every file under `root`, in path order, at most `max_depth` levels down, for which `keep`
/// holds. Paths are written as `root` is (`docs/a.md`), without a leading `./`.
pub(crate) fn walk(
    root: &Path,
    max_depth: Option<usize>,
    options: &WalkOptions,
    mut keep: impl FnMut(&Path) -> bool,
) -> Result<Vec<PathBuf>, String> {
    let exclude = Arc::clone(&options.exclude);
    let current_dir = Arc::clone(&options.current_dir);
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(options.ignore_files)
        // Hidden files stay out even with --no-ignore, as with ripgrep.
        .hidden(true)
        // A checker is expected to honour .gitignore in a folder that is not (yet) a repository.
        .require_git(false)
        .max_depth(max_depth)
        .sort_by_file_name(Ord::cmp)
        .filter_entry(move |entry| {
            let is_directory = entry.file_type().is_some_and(|kind| kind.is_dir());
            !(is_directory
                && entry.depth() > 0
                && exclude.matches(&super::relative_to(&current_dir, entry.path())))
        })
        .build();
    let mut files = Vec::new();
    for entry in walker {
        let entry = entry.map_err(|error| error.to_string())?;
        if !entry.file_type().is_some_and(|kind| kind.is_file()) {
            continue;
        }
        let path = entry.path();
        let path = path.strip_prefix(".").unwrap_or(path);
        if keep(path) {
            files.push(path.to_path_buf());
        }
    }
    Ok(files)
}
