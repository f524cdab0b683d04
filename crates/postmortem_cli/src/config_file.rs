//! Finding and reading the configuration file.

use crate::Failure;
use crate::inputs::Postmortems;
use postmortem::Config;
use std::path::{Path, PathBuf};

/// The names a configuration file may have, in the order they are looked for in a directory.
pub(crate) const NAMES: [&str; 2] = [".postmortem.json", "postmortem.json"];

/// Where a configuration was found: the path to read it from and the path to show.
#[derive(Debug)]
pub(crate) struct Found {
    pub(crate) path: PathBuf,
    /// Relative to the current directory (`../.postmortem.json`), so that messages are short.
    pub(crate) shown: String,
}

/// The first configuration file in `directory` or one of its parents.
pub(crate) fn discover(directory: &Path) -> Option<Found> {
    directory
        .ancestors()
        .enumerate()
        .find_map(|(depth, ancestor)| {
            NAMES.iter().find_map(|name| {
                let path = ancestor.join(name);
                path.is_file().then(|| Found {
                    shown: format!("{}{name}", "../".repeat(depth)),
                    path,
                })
            })
        })
}

/// A configuration read from a file.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub(crate) config: Config,
    /// Its `files`, relative to its directory, or `None` when it has none.
    pub(crate) postmortems: Option<Postmortems>,
}

/// Reads and checks the configuration at `path` (from `current_dir`), naming `shown` in any
/// error, its `files` globs among what it checks.
pub(crate) fn load(current_dir: &Path, path: &Path, shown: &str) -> Result<Loaded, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|error| Failure(format!("cannot read the configuration {shown}: {error}")))?;
    let json = String::from_utf8(bytes)
        .map_err(|_| Failure(format!("the configuration {shown} is not UTF-8 text")))?;
    let config = Config::from_json(&json).map_err(|error| Failure(format!("{shown}: {error}")))?;
    let directory = crate::inputs::absolute(current_dir, path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let shown_directory = Path::new(shown)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let postmortems = Postmortems::new(directory, shown_directory, &config.files)
        .map_err(|reason| Failure(format!("{shown}: invalid configuration: files: {reason}")))?;
    Ok(Loaded {
        config,
        postmortems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_file_and_names_it_relative_to_the_start() {
        let root = tempfile::tempdir().unwrap();
        let nested = root.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(root.path().join("postmortem.json"), "{}").unwrap();
        let found = discover(&nested).unwrap();
        assert_eq!(found.shown, "../../postmortem.json");
        assert_eq!(found.path, root.path().join("postmortem.json"));

        std::fs::write(nested.join(".postmortem.json"), "{}").unwrap();
        std::fs::write(nested.join("postmortem.json"), "{}").unwrap();
        assert_eq!(discover(&nested).unwrap().shown, ".postmortem.json");
    }
}
